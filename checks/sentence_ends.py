"""Where a dot ends no sentence: an initial, a title before a name, an abbreviation before a
number, an ordinal before a month. Each language lists its abbreviations (attribution.toml,
`words.abbreviations`, `words.number_abbreviations`) and months (calendar.toml)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from checks.languages import languages, resource


def _lower(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """A language's words whose dot ends no sentence."""

    anywhere: frozenset[str]  # before a capitalised word or a number: "Gov. Smith", "sog."
    numbers: frozenset[str]  # before a number only, lower case: "No. 5", "Sept. 30"
    months: frozenset[str]  # month names, lower case: after an ordinal ("am 26. September")


@cache
def abbreviations_of(language: str | None) -> Abbreviations:
    code = language if language in languages() else "en"
    words = resource("attribution", code).get("words", {})
    calendar = resource("calendar", code)
    return Abbreviations(
        anywhere=frozenset(words.get("abbreviations", [])),
        numbers=_lower(
            [*words.get("number_abbreviations", []), *calendar.get("month_abbreviations", [])]
        ),
        months=_lower([w for spellings in calendar.get("months", []) for w in spellings]),
    )


def ends_no_sentence(para: str, dot: int, stop: int, abbreviations: Abbreviations) -> bool:
    """Whether the dot ends an initial or an abbreviation that the next word carries on:
    "R.C. Baker", "Mr. Smith", "U.S. officials" (a dot after one or two letters, the first a
    capital); a title before a name ("Gov. Newsom", "prof. Nowak"), a short form ("sog.
    Bonner"), a month or "No." before a number ("Sept. 30"), an ordinal before a month ("am 26.
    September")."""
    start = dot
    while start > 0 and para[start - 1].isalpha():
        start -= 1
    word = para[start:dot]
    if 0 < len(word) <= 2 and word[0].isupper():
        return True
    after = para[stop + 1 : stop + 2]
    if stop != dot + 1 or not (after.isupper() or after.isdigit()):
        return False  # a closing quotation mark after the dot: the sentence has ended
    if word:
        if word in abbreviations.anywhere:
            return True
        return after.isdigit() and word.casefold() in abbreviations.numbers
    while start > 0 and para[start - 1].isdigit():
        start -= 1
    if not 0 < dot - start <= 2 or para[start - 1 : start].isalnum():
        return False
    following = re.match(r"\w+", para[stop + 1 : stop + 20])
    return following is not None and following.group().casefold() in abbreviations.months
