"""What a pattern's parse says about every match, for prefilters that skip text a pattern
cannot match (the temporal finder, the disclaimers, original-source and sources checks).

The one place that reads CPython's own regex parser, `re._parser`. It is private, but
present in every Python this project supports (3.11+, whose `re` is written over it);
a pattern it cannot read answers None, and callers then run the pattern on everything, as
they would without a prefilter.
"""

from __future__ import annotations

import re
import re._constants as ops
import re._parser as _parser
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
