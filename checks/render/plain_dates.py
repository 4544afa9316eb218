"""Normalised dates (TIMEX3 values such as 2020-W33, 2020-SU) as a reader says them."""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "January February March April May June July August September October November December"
).split()
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\w+))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
# "dated: last week → 2020-W33", as the dates check writes where a statement's date is.
_DATED = re.compile(r"^dated: (?P<text>.+) → (?P<value>\S+)$")


def plain_date(value: str) -> str | None:
    """'2020-W33' -> 'the week of 10 August 2020'; None for a value with no plain reading."""
    if value in REFERENCES:
        return REFERENCES[value]
    if match := _DAY.match(value):
        year, month, day, time = match.groups()
        try:
            when = date(int(year), int(month), int(day))
        except ValueError:
            return None
        said = f"{when.day} {MONTHS[when.month - 1]} {when.year}"
        return f"{said}, {PARTS_OF_DAY[time]}" if time in PARTS_OF_DAY else said
    if match := _MONTH.match(value):
        month = int(match[2])
        return f"{MONTHS[month - 1]} {match[1]}" if 1 <= month <= 12 else None
    if match := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        return f"the week of {monday.day} {MONTHS[monday.month - 1]} {monday.year}"
    if match := _SEASON.match(value):
        return f"{SEASONS[match[2]]} {match[1]}"
    if match := _QUARTER.match(value):
        return f"the {ORDINALS[match[2]]} quarter of {match[1]}"
    if match := _HALF.match(value):
        return f"the {ORDINALS[match[2]]} half of {match[1]}"
    if _YEAR.match(value):
        return value
    if match := _DECADE.match(value):
        return f"the {match[1]}0s"
    return None


def plain_where(where: str) -> str:
    """'dated: last week → 2020-W33' -> 'dated “last week”: the week of 10 August 2020'."""
    match = _DATED.match(where)
    if match is None:
        return where
    text, value = match["text"], match["value"]
    said = plain_date(value)
    if said is None:
        return f"dated “{text}”"
    if said == text:
        return f"dated {said}"
    return f"dated “{text}”: {said}"
