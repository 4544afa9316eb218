"""What a compiled pattern's parse says about every match, for prefilters that skip text a
pattern cannot match (the disclaimers, original-source and sources checks).

It reads CPython's own regex parser, `re._parser`, which is private: where it is missing,
`parse` answers None, every question here answers "cannot tell", and callers run the
pattern on everything, as they would without a prefilter.
"""

from __future__ import annotations

import re
from typing import Any

try:
    from re import _constants as ops
    from re import _parser
except ImportError:  # pragma: no cover - another Python
    ops = None  # type: ignore[assignment]
    _parser = None

Item = tuple[Any, Any]  # a parsed regex item: its opcode and argument


def parse(regex: re.Pattern[str]) -> list[Item] | None:
    """The pattern's top-level items, or None where the parser is not at hand."""
    if _parser is None:
        return None
    try:
        return list(_parser.parse(regex.pattern, regex.flags))
    except (re.error, TypeError, ValueError, AttributeError):  # pragma: no cover - defensive
        return None


def opens_lines(regex: re.Pattern[str]) -> bool:
    """Whether every match opens at a line start: a multi-line pattern whose first item is
    "^" ("^a|b" is an alternation, and b matches anywhere)."""
    if not regex.flags & re.MULTILINE or not regex.pattern.startswith("^"):
        return False
    items = parse(regex)
    return bool(items) and items[0] == (ops.AT, ops.AT_BEGINNING)
