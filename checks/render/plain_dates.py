"""Normalised dates (TIMEX3 values such as 2020-W33, 2020-SU) as a reader says them."""

from __future__ import annotations

import re

from checks.i18n import say
from checks.i18n.dates import dated_place, timex_message

# "dated: last week → 2020-W33", as the dates check writes where a statement's date is.
_DATED = re.compile(r"^dated: (?P<text>.+) → (?P<value>\S+)$")


def plain_date(value: str, lang: str = "en") -> str | None:
    """'2020-W33' -> 'the week of 10 August 2020'; None for a value with no plain reading."""
    message = timex_message(value)
    return say(message, lang) if message is not None else None


def plain_where(where: str, lang: str = "en") -> str:
    """'dated: last week → 2020-W33' -> 'dated “last week”: the week of 10 August 2020'."""
    match = _DATED.match(where)
    if match is None:
        return where
    return say(dated_place(match["text"], match["value"]), lang)
