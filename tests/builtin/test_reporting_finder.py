"""The reporting words found by an automaton: the same spans as the pattern's own finditer."""

from __future__ import annotations

import re

import pytest

from checks import regex_parse
from checks.builtin.dated_claims import _REPORTING, _verb_spans
from checks.temporal import LANGUAGES


def test_literal_alternatives_in_the_engines_order() -> None:
    assert regex_parse.literal_alternatives(re.compile("sagte|sagt|sagten")) == [
        "sagte",
        "sagt",
        "sagten",
    ]
    assert regex_parse.literal_alternatives(re.compile("ł[ao]?|x(?:y|z)")) == [
        "ła",
        "ło",
        "ł",
        "xy",
        "xz",
    ]


@pytest.mark.parametrize("source", [r"\bsaid", "a+", "[^a]b", "(?i:said)"])
def test_literal_alternatives_only_for_literals(source: str) -> None:
    assert regex_parse.literal_alternatives(re.compile(source)) is None


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_verb_spans_are_the_patterns_matches(code: str) -> None:
    regex = _REPORTING[code]
    assert regex is not None
    words = regex_parse.literal_alternatives(regex) or []
    # Words one after another, cut short, inside other words and overlapping.
    text = " ".join(words) + "x".join(words) + "".join(w[: len(w) // 2] for w in words)
    text += " " + "".join(words[::-1])
    assert list(_verb_spans(text, code)) == [m.span() for m in regex.finditer(text)]
