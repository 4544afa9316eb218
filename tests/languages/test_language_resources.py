"""Every language folder is complete, and every pattern in it still matches its own example."""

from __future__ import annotations

import pytest

from checks.languages import kinds, languages, patterns, resource

ALL_KINDS = sorted({kind for code in languages() for kind in kinds(code)})
PATTERNS = [p for code in languages() for kind in kinds(code) for p in patterns(kind, code)]


def test_there_are_languages_and_resource_kinds():
    assert {"en", "de", "fr", "es", "pt", "ru", "uk"} <= set(languages())
    assert "calendar" in ALL_KINDS


@pytest.mark.parametrize("code", languages())
def test_every_language_provides_every_kind_of_resource(code):
    assert sorted(set(ALL_KINDS) - kinds(code)) == []


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_a_kind_has_the_same_top_level_keys_in_every_language(kind):
    keys = {code: sorted(k for k in resource(kind, code) if k != "macros") for code in languages()}
    reference = keys["en"]
    assert {code: k for code, k in keys.items() if k != reference} == {}


@pytest.mark.parametrize("code", languages())
def test_the_calendar_has_twelve_months_and_seven_weekdays(code):
    calendar = resource("calendar", code)
    assert len(calendar["months"]) == 12
    assert len(calendar["weekdays"]) == 7
    assert len(calendar["weekday_abbreviations"]) == 7
    spellings = {w for month in calendar["months"] for w in month}
    assert set(calendar["month_abbreviations"]) <= spellings


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: f"{p.language}/{p.kind}:{p.path}")
def test_every_pattern_has_an_example_it_matches(pattern):
    assert pattern.example.strip(), "a pattern needs an example sentence"
    assert pattern.regex.search(pattern.example), pattern.regex.pattern
