"""The sources prefilter: the words a cue regex needs, and that skipping sentences without
them changes nothing."""

from __future__ import annotations

import re

import pytest

from checks.builtin.sources import statements as st
from checks.builtin.sources.prefilter import comparable_case, required_words, spellings
from checks.languages import languages


@pytest.mark.parametrize(
    ("regex", "branches"),
    [
        (r"\bsaid\b|\btold\b", [[{"said"}], [{"told"}]]),
        (r"\bsources (?:said|told)\b", [[{"sources"}, {"said", "told"}]]),
        (r"\b(?:a|an|one)\s+(?:\w+\s+){0,3}sources?\b", [[{"source"}]]),
        (r"(?:according )?to the\b", [[{"the"}]]),  # short words only where nothing longer
        (r"\bWeiß\b", [[{"wei"}]]),  # "ß" folds to two letters: the word ends before it
        (r"(?-i:[A-Z])\w+", None),
        (r"\bx\b|\bsaid\b", None),  # one letter is no filter, so neither is the pattern
        (r"\bcited\b(?=.{0,40}report)", [[{"cited"}, {"report"}]]),
    ],
)
def test_required_words(regex, branches):
    found = required_words(re.compile(regex, re.I))
    assert (None if found is None else [[set(w) for w in b] for b in found]) == branches


@pytest.mark.parametrize("language", languages())
def test_every_cue_example_holds_one_of_its_words(language):
    cue_list = st.cues(language)
    for pattern in [p for name in st._FILTERED for p in getattr(cue_list, name)]:
        branches = required_words(pattern.regex)
        if branches is not None and pattern.example:
            lowered = pattern.example.lower()
            met = [all(any(w in lowered for w in words) for words in b) for b in branches]
            assert any(met), pattern.path


def test_spellings_of_a_folded_word():
    assert sorted(spellings("hiess")) == ["hiess", "hieß"]
    assert list(spellings("said")) == ["said"]


@pytest.mark.parametrize(
    ("text", "comparable"),
    [("Er sagte, die Straße", True), ("İstanbul", False), ("ﬁnal", False), ("kırmızı", False)],
)
def test_comparable_case(text, comparable):
    assert comparable_case(text, text.lower()) is comparable


@pytest.mark.parametrize("language", languages())
def test_the_prefilter_changes_no_statement(language, monkeypatch):
    cue_list = st.cues(language)
    examples = [p.example for name in st._FILTERED for p in getattr(cue_list, name)]
    text = "\n".join(e for e in examples if e)
    filtered = st.read_attributions(text, language)
    assert filtered[0]  # the examples are attributed: the filter had something to keep
    monkeypatch.setattr(
        st, "_sentence_cues", lambda text, spans, lang: [st.cues(lang)] * len(spans)
    )
    assert st.read_attributions(text, language) == filtered
