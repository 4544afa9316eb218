"""Normalised dates (TIMEX3 values such as 2020-W33, 2020-SU) as messages a reader can be
told in their language; Babel says the days and months."""

from __future__ import annotations

import re
from datetime import date

from checks.i18n.messages import Messages
from checks.model import Message

DATES = Messages(
    __name__,
    {
        "date.day": "{day}",
        "date.day_part.MO": "{day}, morning",
        "date.day_part.AF": "{day}, afternoon",
        "date.day_part.EV": "{day}, evening",
        "date.day_part.NI": "{day}, night",
        "date.month": "{month} {year}",
        "date.week": "the week of {monday}",
        "date.season.SP": "spring {year}",
        "date.season.SU": "summer {year}",
        "date.season.FA": "autumn {year}",
        "date.season.WI": "winter {year}",
        "date.quarter.1": "the first quarter of {year}",
        "date.quarter.2": "the second quarter of {year}",
        "date.quarter.3": "the third quarter of {year}",
        "date.quarter.4": "the fourth quarter of {year}",
        "date.half.1": "the first half of {year}",
        "date.half.2": "the second half of {year}",
        "date.year": "{year}",
        "date.decade": "the {decade}s",
        "date.present": "now",
        "date.past": "the past",
        "date.future": "the future",
        "where.dated": "dated {date}",
        "where.dated_text": "dated “{text}”",
        "where.dated_text_as": "dated “{text}”: {date}",
    },
)

_REFERENCES = {"PRESENT_REF": "date.present", "PAST_REF": "date.past", "FUTURE_REF": "date.future"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\w+))?")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")


def timex_message(value: str) -> Message | None:
    """'2020-W33' -> "the week of 10 August 2020" as a message; None for no plain reading."""
    if value in _REFERENCES:
        return DATES(_REFERENCES[value])
    if match := _DAY.match(value):
        year, month, day, time = match.groups()
        try:
            when = date(int(year), int(month), int(day))
        except ValueError:
            return None
        if time in ("MO", "AF", "EV", "NI"):
            return DATES(f"date.day_part.{time}", day=when)
        return DATES("date.day", day=when)
    if match := _MONTH.match(value):
        month = int(match[2])
        if not 1 <= month <= 12:
            return None
        return DATES("date.month", month=MonthName(month), year=match[1])
    if match := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return None
        return DATES("date.week", monday=monday)
    if match := _SEASON.match(value):
        season = "FA" if match[2] == "AU" else match[2]
        return DATES(f"date.season.{season}", year=match[1])
    if match := _QUARTER.match(value):
        return DATES(f"date.quarter.{match[2]}", year=match[1])
    if match := _HALF.match(value):
        return DATES(f"date.half.{match[2]}", year=match[1])
    if _YEAR.match(value):
        return DATES("date.year", year=value)
    if match := _DECADE.match(value):
        return DATES("date.decade", decade=f"{match[1]}0")
    return None


class MonthName(int):
    """A month number said as the month's stand-alone name in the reader's language."""

    def say(self, locale: str) -> str:
        from babel.dates import get_month_names

        return get_month_names("wide", context="stand-alone", locale=locale)[int(self)]


def dated_place(text: str, value: str) -> Message:
    """Where a dated statement's date is: 'dated “last week”: the week of 10 August 2020'
    (the words as the article wrote them, the date in the reader's language)."""
    from checks.i18n.messages import say

    message = timex_message(value)
    if message is None:
        return DATES("where.dated_text", text=text)
    if say(message) == text:
        return DATES("where.dated", date=message)
    return DATES("where.dated_text_as", text=text, date=message)
