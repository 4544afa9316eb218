"""Find elements by the words of their class and id without walking the tree in Python.

Touching every element from Python costs a good part of trafilatura's own extraction on a
large page (each element becomes a Python object). Instead the page's class and id values
are read once as plain strings, a regular expression picks the values that carry a word
(whole words, with "-" and "_" read as separators: "p_lock_body" carries "lock",
"article-locked" carries "locked", "block" carries neither), and one XPath query fetches
just the elements with those values.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from functools import cache

from lxml import etree

_SEPARATOR = re.compile(r"[-_ ]")
_ATTRIBUTES = etree.XPath("//@class | //@id", smart_strings=False)
# Every distinct class and id value of a page, read once per tree.
_VALUES: weakref.WeakKeyDictionary[etree._Element, tuple[str, tuple[str, ...]]] = (
    weakref.WeakKeyDictionary()
)


def _values(root: etree._Element) -> tuple[str, tuple[str, ...]]:
    """(the distinct values one a line, the distinct values)."""
    values = _VALUES.get(root)
    if values is None:
        distinct = tuple(dict.fromkeys(_ATTRIBUTES(root)))
        values = _VALUES[root] = ("\n".join(distinct), distinct)
    return values


@cache
def _pattern(words: tuple[str, ...], whole: bool) -> re.Pattern[str]:
    alternatives = "|".join(
        r"[-_\s]".join(re.escape(p) for p in _SEPARATOR.split(w)) for w in words
    )
    if whole:
        return re.compile(rf"(?:^|[-_\s])(?:{alternatives})(?:$|[-_\s])", re.I | re.M)
    return re.compile(alternatives, re.I)


def _literal(value: str) -> str | None:
    if "'" not in value:
        return f"'{value}'"
    return f'"{value}"' if '"' not in value else None


def marked(
    root: etree._Element,
    words: Iterable[str],
    tags: Iterable[str] = ("*",),
    *,
    whole: bool = True,
) -> list[etree._Element]:
    """Elements (of these tags) whose class or id has one of the words (or, with
    whole=False, contains one of them anywhere: "cookiebanner"), in document order."""
    pattern = _pattern(tuple(sorted({w.lower() for w in words})), whole)
    joined, distinct = _values(root)
    if pattern.search(joined) is None:  # the usual case, settled by one scan in C
        return []
    literals = [lit for v in distinct if pattern.search(v) and (lit := _literal(v)) is not None]
    if not literals:
        return []
    test = " or ".join(f"@class={lit} or @id={lit}" for lit in literals)
    found = root.xpath(" | ".join(f"//{tag}[{test}]" for tag in tags))
    return [node for node in found if isinstance(node, etree._Element)]
