"""Find elements by the words of their class and id without walking the tree in Python.

Touching every element from Python costs a good part of trafilatura's own extraction on a
large page (each element becomes a Python object). Instead the page's class and id values
are read once as plain strings with the set of their words ("-" and "_" are separators:
"p_lock_body" carries "lock", "article-locked" carries "locked", "block" carries neither);
a word on the page picks the values that carry it, and one XPath query fetches just the
elements with those values.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from lxml import etree

from checks import regex_parse

_SEPARATOR = re.compile(r"[-_\s]+")
# Two scans, not one union: a union sorts the attribute nodes into document order, which
# the index (a set of distinct values) does not need. The elements' attributes, not
# "//@class": libxml2 would look for attributes on every text node too.
_CLASSES = etree.XPath("/descendant::*/@class", smart_strings=False)
_IDS = etree.XPath("/descendant::*/@id", smart_strings=False)


@dataclass(frozen=True, slots=True)
class _Index:
    joined: str  # every distinct value, lower-cased, one a line
    values: tuple[str, ...]  # the distinct values as written
    lowered: tuple[str, ...]  # the same, lower-cased
    words: frozenset[str]  # every word of every value, lower-cased
    unlike_lowered: tuple[int, ...]  # values not plain ASCII, where re.I may match beyond lower()
    ids: frozenset[str]  # the values written in an id attribute (the others are classes only)
    classes: frozenset[str]  # the values written in a class attribute
    # (pattern, lead) -> `value_tests`' answers: passes ask the same more than once
    matching: dict[tuple[re.Pattern[str], str], dict[str, bool]] = field(default_factory=dict)
    # lead -> the plain ASCII values, lead before each, joined and lower-cased, and their ends
    joined_with: dict[str, _Joined] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Joined:
    text: str
    ends: list[int]  # where each value's line ends, its separator counted
    plain: list[str] | tuple[str, ...]  # the values joined, in their order


# One index per parsed tree, dropped with it.
_INDEX: weakref.WeakKeyDictionary[etree._Element, _Index] = weakref.WeakKeyDictionary()


def _index(root: etree._Element) -> _Index:
    found = _INDEX.get(root)
    if found is None:
        classes, ids = _CLASSES(root), _IDS(root)
        values = tuple(dict.fromkeys([*classes, *ids]))
        joined = "\n".join(values).lower()
        found = _INDEX[root] = _Index(
            joined,
            values,
            tuple(v.lower() for v in values),
            _split_words(joined),
            () if joined.isascii() else tuple(i for i, v in enumerate(values) if not v.isascii()),
            frozenset(ids),
            frozenset(classes),
        )
    return found


def _split_words(joined: str) -> frozenset[str]:
    """The words of `_SEPARATOR.split(joined)`, split by str.split (the same whitespace as
    `\\s`, several times faster), with the empty word re.split gives at a separator's edge."""
    words = set(joined.replace("-", " ").replace("_", " ").split())
    if not joined or _SEPARATOR.match(joined) or _SEPARATOR.search(joined[-1:]):
        words.add("")
    return frozenset(words)


@cache
def _whole(word: str) -> re.Pattern[str]:
    """A word of several parts ("provided-by") as consecutive words of a value."""
    parts = r"[-_\s]+".join(re.escape(p) for p in _SEPARATOR.split(word))
    return re.compile(rf"(?:^|[-_\s]){parts}(?:$|[-_\s])", re.I)


def values(root: etree._Element) -> tuple[str, ...]:
    """Every distinct class and id value of the page, as written (of the tree as first read:
    elements removed since may still be counted)."""
    return _index(root).values


def any_holds(root: etree._Element, part: str) -> bool:
    """Whether some class or id value holds `part` (lower-case) once lower-cased."""
    return part in _index(root).joined


def value_tests(root: etree._Element, pattern: re.Pattern[str], lead: str = "") -> dict[str, bool]:
    """Whether `pattern.search(lead + value)` finds a match, for each class and id value of the
    page (as written, of the tree as first read). The pattern runs only on the values that
    hold what every match holds (found in all the values at once) and on any value not plain
    ASCII. A value missing (set since) is for the caller to test."""
    index = _index(root)
    found = index.matching.get((pattern, lead))
    if found is None:
        found = dict.fromkeys(index.values, False)
        for value in _may_match(index, _needles(pattern), lead):
            if pattern.search(lead + value):
                found[value] = True
        index.matching[(pattern, lead)] = found
    return found


@cache
def _needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match holds, in a text of plain ASCII; None when
    the pattern's parse does not tell."""
    items = regex_parse.parse(pattern)
    needs = (
        regex_parse.needed_runs(items, _ascii_lower, bool(pattern.flags & re.I)) if items else []
    )
    return regex_parse.most_telling(needs) if needs else None


def _ascii_lower(code: int, caseless: bool) -> str | None:
    """A character as a lower-cased ASCII text holds it (None: not ASCII, the run stops)."""
    char = chr(code)
    return char.lower() if char.isascii() else None


# Between the values searched at once: libxml2 ends its strings with it, so no value holds it.
_APART = "\x00"


def _may_match(index: _Index, needles: frozenset[str] | None, lead: str) -> list[str]:
    """The values holding a needle once lower-cased (`lead` before each), and those not plain
    ASCII; every value when there are no needles."""
    values = index.values
    if needles is None or "" in needles or not lead.isascii() or _APART in "".join(needles):
        return list(values)
    joined = index.joined_with.get(lead)
    if joined is None:
        joined = index.joined_with[lead] = _joined(index, lead)
    text, ends, plain = joined.text, joined.ends, joined.plain
    chosen: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            line = bisect_right(ends, at)
            chosen.add(line)
            # On to the next value: one hit settles this one.
            at = text.find(needle, ends[line]) if line + 1 < len(ends) else -1
    return [plain[i] for i in sorted(chosen)] + [values[i] for i in index.unlike_lowered]


def _joined(index: _Index, lead: str) -> _Joined:
    odd = set(index.unlike_lowered)
    values = index.values
    plain = [v for i, v in enumerate(values) if i not in odd] if odd else values
    text = (lead + (_APART + lead).join(plain)).lower()
    return _Joined(text, list(accumulate(len(lead) + len(v) + 1 for v in plain)), plain)


def _literal(value: str) -> str | None:
    if "'" not in value:
        return f"'{value}'"
    return f'"{value}"' if '"' not in value else None


def _values_with(index: _Index, words: Iterable[str], whole: bool) -> list[str]:
    chosen: set[int] = set()
    for word in {w.lower() for w in words}:
        if not whole:
            if word in index.joined:
                chosen.update(i for i, v in enumerate(index.lowered) if word in v)
            continue
        # Most words are on no page at all: the set of words settles that in one look-up.
        first = _SEPARATOR.split(word)[0]
        if first in index.words:
            pattern = _whole(word)
            chosen.update(i for i in _holding(index, first) if pattern.search(index.values[i]))
    return [index.values[i] for i in sorted(chosen)]


def _holding(index: _Index, part: str) -> list[int]:
    """The values a case-blind match of `part` may be in: those holding it once lower-cased,
    and any that is not plain ASCII ("ſ" matches "s" under re.I, yet stays "ſ" lower-cased)."""
    if not part or not part.isascii():
        return list(range(len(index.values)))
    found = [i for i, v in enumerate(index.lowered) if part in v]
    return [*found, *index.unlike_lowered] if index.unlike_lowered else found


def marked(
    root: etree._Element,
    words: Iterable[str],
    tags: Iterable[str] = ("*",),
    *,
    whole: bool = True,
) -> list[etree._Element]:
    """Elements (of these tags) whose class or id has one of the words (or, with
    whole=False, contains one of them anywhere: "cookiebanner"), in document order."""
    index = _index(root)
    chosen = _values_with(index, words, whole)
    # A value is tested only on the attribute it is written in: each value tested costs a
    # pass over that attribute on every element.
    scans = [
        f"/descendant::*/@{attr}[{test}]"
        for attr, written in (("class", index.classes), ("id", index.ids))
        if (test := _equals_any(v for v in chosen if v in written))
    ]
    if not scans:
        return []
    tags = tuple(tags)
    parent = (
        f"parent::{tags[0]}"
        if len(tags) == 1
        else "parent::*[" + " or ".join(f"self::{tag}" for tag in tags) + "]"
    )
    # The union gives the elements back in document order.
    found = root.xpath(f"({' | '.join(scans)})/{parent}")
    return [node for node in found if isinstance(node, etree._Element)]


def _equals_any(values: Iterable[str]) -> str:
    """An XPath test of the context node's value against these ("" for none)."""
    return " or ".join(f".={lit}" for value in values if (lit := _literal(value)) is not None)
