"""Normalised dates as a reader says them, in every renderer."""

from __future__ import annotations

import pytest

from checks.model import Article, Checklist, Evidence, Outcome, Result, Status
from checks.render.checklist import render_markdown, render_text
from checks.render.plain_dates import plain_date


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("2020-W33", "the week of 10 August 2020"),
        ("2020-W01", "the week of 30 December 2019"),
        ("2020-SU", "summer 2020"),
        ("2015-SP", "spring 2015"),
        ("2020-08", "August 2020"),
        ("2020-08-23", "23 August 2020"),
        ("2024-11-19TEV", "19 November 2024, evening"),
        ("2020-Q1", "the first quarter of 2020"),
        ("2019-H2", "the second half of 2019"),
        ("199", "the 1990s"),
        ("PRESENT_REF", "now"),
        ("2020-13", None),
        ("2020-02-30", None),
        ("XXXX-XX", None),
    ],
)
def test_a_normalised_date_is_said_in_words(value, said):
    assert plain_date(value) == said


def test_text_and_markdown_say_the_date_not_the_code():
    evidence = Evidence(
        "Last week, a heat wave baked the West.", where="dated: Last week → 2020-W33"
    )
    outcome = Outcome("dated_claims", "Dates", Result(Status.INFO, "Dated", evidence=(evidence,)))
    checklist = Checklist(input="pasted.txt", article=Article(text="x"), outcomes=(outcome,))
    for rendered in (render_text(checklist), render_markdown(checklist)):
        assert "dated “Last week”: the week of 10 August 2020" in rendered
        assert "2020-W33" not in rendered
