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
