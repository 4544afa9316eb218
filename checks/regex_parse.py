"""What a pattern's parse says about every match, for prefilters that skip text a pattern
cannot match (the temporal finder, the disclaimers, original-source and sources checks).

The one place that reads CPython's own regex parser, `re._parser`. It is private, but
present in every Python this project supports (3.11+, whose `re` is written over it);
a pattern it cannot read answers None, and callers then run the pattern on everything, as
they would without a prefilter.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as ops
import re._parser as _parser
from collections.abc import Callable, Iterable
from typing import Any

Item = tuple[Any, Any]  # a parsed regex item: its opcode and argument


def parse_source(source: str, flags: int = 0) -> list[Item] | None:
    """The top-level items of a pattern's source, or None when it cannot be read."""
    try:
        return list(_parser.parse(source, flags).data)
    except (re.error, TypeError, ValueError, AttributeError):
        return None


def parse(regex: re.Pattern[str]) -> list[Item] | None:
    """The compiled pattern's top-level items, or None when it cannot be read."""
    return parse_source(regex.pattern, regex.flags)


def opens_lines(regex: re.Pattern[str]) -> bool:
    """Whether every match opens at a line start: a multi-line pattern whose first item is
    "^" ("^a|b" is an alternation, and b matches anywhere)."""
    if not regex.flags & re.MULTILINE or not regex.pattern.startswith("^"):
        return False
    items = parse(regex)
    return bool(items) and items[0] == (ops.AT, ops.AT_BEGINNING)


Needs = frozenset[str]  # strings a match holds one of
Literal = Callable[[int, bool], "str | None"]


def needed_runs(
    items: Iterable[Item], literal: Literal, caseless: bool = False, *, lookarounds: bool = False
) -> list[Needs]:
    """Every set of strings a match of the items holds one of: a run of literals one string
    (`literal(code, caseless)` gives a character as the text must hold it, or None where the
    run stops), an alternation the most telling set of each branch together, a group or a
    repeat that must occur what its content needs, a lookahead or lookbehind its content when
    `lookarounds`; in the pattern's order."""
    needs: list[Needs] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            needs.append(frozenset(["".join(run)]))
        run.clear()

    for op, av in items:
        if op is ops.LITERAL and (char := literal(av, caseless)) is not None:
            run.append(char)
            continue
        end_run()
        if op is ops.SUBPATTERN:
            _, add, remove, inner = av
            inner_caseless = (caseless or bool(add & re.I)) and not remove & re.I
            needs += needed_runs(inner, literal, inner_caseless, lookarounds=lookarounds)
        elif op is ops.ATOMIC_GROUP:
            needs += needed_runs(av, literal, caseless, lookarounds=lookarounds)
        elif op is ops.BRANCH:
            each = [needed_runs(b, literal, caseless, lookarounds=lookarounds) for b in av[1]]
            if all(each):
                needs.append(frozenset().union(*map(most_telling, each)))
        elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT, ops.POSSESSIVE_REPEAT) and av[0] >= 1:
            needs += needed_runs(av[2], literal, caseless, lookarounds=lookarounds)
        elif op is ops.ASSERT and lookarounds:
            needs += needed_runs(av[1], literal, caseless, lookarounds=lookarounds)
    end_run()
    return needs


def most_telling(needs: Iterable[Needs]) -> Needs:
    """The set that filters best: its shortest string the longest, then the fewest strings
    (the first such)."""
    return max(needs, key=lambda s: (min(len(w) for w in s), -len(s)))


def word_offsets(
    regex: re.Pattern[str], words: Iterable[str], fold: Callable[[str], str]
) -> frozenset[int]:
    """Where one of `words` stands in every match, counted from the match's start, when the
    words every match opens with tell it (frozenset(): they do not)."""
    offsets = set()
    for opening in opening_words(regex, fold):
        found = [opening.find(word) for word in words if word in opening]
        if not found:
            return frozenset()
        offsets.add(min(found))
    return frozenset(offsets)


_MAX_OPENINGS = 512


def opening_words(regex: re.Pattern[str], fold: Callable[[str], str]) -> list[str]:
    """The literal words (folded by `fold`) every match of a pattern opens with ("erschien",
    "erschienen" for r"\\b(?:erschien|erschienen) …"); [] when they cannot be told."""
    words, _ = _openings(parse(regex) or [], fold)
    return words if all(words) else []


def _openings(items: Iterable[Item], fold: Callable[[str], str]) -> tuple[list[str], bool]:
    """The literal words a sequence of parsed items opens with, and whether they are all of
    it; they stop at the first item that is not a letter, a set of letters or a choice of
    such sequences. Look-arounds and anchors take no letters: they are passed over."""
    c = ops
    words = [""]
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.LITERAL:
            options, whole = [fold(chr(av))], True
        elif op is c.IN and all(kind is c.LITERAL for kind, _ in av):
            options, whole = sorted({fold(chr(code)) for _, code in av}), True
        elif op is c.BRANCH or (op is c.SUBPATTERN and not av[1] and not av[2]):
            branches = av[1] if op is c.BRANCH else [av[3]]
            read = [_openings(branch, fold) for branch in branches]
            options = [word for found, _ in read for word in found]
            whole = all(complete for _, complete in read)
        else:
            return words, False
        words = [word + option for word in words for option in options]
        if len(words) > _MAX_OPENINGS:
            return [""], False
        if not whole:
            return words, False
    return words, True


def odd_cases(letters: Iterable[str]) -> frozenset[str]:
    """The letters an IGNORECASE pattern matches to one of `letters` though their lower case
    is another ("ı" to "i", "ſ" to "s"): where lower-casing a text does not tell what such a
    pattern sees."""
    wanted = {ord(letter) for letter in letters}
    return frozenset(
        chr(other)
        for code, others in _casefix._EXTRA_CASES.items()
        if code in wanted
        for other in others
        if chr(other).lower() != chr(code).lower()
    )


_MAX_ALTERNATIVES = 4096


def literal_alternatives(regex: re.Pattern[str]) -> list[str] | None:
    """Every string a pattern of literals matches, in the order the regex engine tries them
    at a place ("sagte|sagt" -> sagte, sagt; "ł[ao]?" -> ła, ło, ł), so that the first one
    present at a place is the engine's match there; None when the pattern is not only
    literals, letter sets, choices and optional parts, or holds flags that change matching."""
    if regex.flags & ~(re.UNICODE | re.MULTILINE | re.DOTALL):
        return None
    items = parse(regex)
    return None if items is None else _alternatives(items)


def _alternatives(items: Iterable[Item]) -> list[str] | None:
    strings = [""]
    for op, av in items:
        options = _item_alternatives(op, av)
        if options is None:
            return None
        strings = [s + option for s in strings for option in options]
        if len(strings) > _MAX_ALTERNATIVES:
            return None
    return strings


def _item_alternatives(op: Any, av: Any) -> list[str] | None:
    c = ops
    if op is c.LITERAL:
        return [chr(av)]
    if op is c.IN and all(kind is c.LITERAL for kind, _ in av):
        return [chr(code) for _, code in av]
    if op is c.BRANCH:
        found = [_alternatives(branch) for branch in av[1]]
        return None if any(f is None for f in found) else [s for f in found for s in f or ()]
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _alternatives(av[3])
    if op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:  # greedy "?": with it first
        inner = _alternatives(av[2])
        return None if inner is None else [*inner, ""]
    return None
