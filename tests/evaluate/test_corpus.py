"""`sourcecheck evaluate`: the table is computed from the labels, not assumed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.evaluate.corpus import (
    Tally,
    _name_matches,
    expected_categories,
    normalization_matches,
    timex_date,
)

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("timex", "date"),
    [
        ("2020-01-17TEV", "2020-01-17"),
        ("2020-W33", "2020"),
        ("2017", "2017"),
        ("2023-05", "2023-05"),
        ("P1.5M", None),
        ("PAST_REF", None),
        ("2019-12-05/2020-01-17", None),
    ],
)
def test_timex_values_are_compared_by_their_calendar_part(timex, date):
    assert timex_date(timex) == date


@pytest.mark.parametrize(
    ("ours", "want", "right"),
    [
        ("2020-01-17TEV", "2020-01-17", True),  # finer than the label: still the right day
        ("2020-01-17T22:00", "2020-01-17", True),
        ("2020-01", "2020-01-17", True),  # month only: coarser, not wrong
        ("2020-01-18TEV", "2020-01-17", False),
        ("2020", "2020-01-17", False),
        ("", "2020-01-17", False),
    ],
)
def test_a_normalization_is_right_when_its_calendar_part_agrees(ours, want, right):
    assert normalization_matches(ours, want) is right


@pytest.mark.parametrize(
    ("found", "label", "same"),
    [
        ("TASS", "ТАСС", True),  # a label in the page's script, the English name found
        ("ТАСС", "TASS", True),
        ("ИТАР-ТАСС", "TASS", True),
        ("Ukrinform", "Укрінформ", True),
        ("Інтерфакс-Україна", "Interfax", True),
        ("РИА Новости", "RIA Novosti", True),
        ("AP", "The Associated Press", True),
        ("The Canadian Press", "CP", True),
        ("TASS", "РИА Новости", False),
        ("Ukrinform", "УНІАН", False),
        ("Reuters", "AFP", False),
        ("TASS", None, False),
    ],
)
def test_an_agency_matches_under_any_of_its_names(found, label, same):
    assert _name_matches(found, label) is same


def test_tally_precision_recall_f1():
    tally = Tally()
    for expected, found in [(True, True), (True, True), (True, False), (False, True)]:
        tally.add(expected, found)
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 1)
    assert tally.precision == pytest.approx(2 / 3)
    assert tally.f1 == pytest.approx(2 / 3)


def test_unsure_content_labels_are_left_out_of_the_scoring():
    labels = {
        "disclaimers": [{"type": "affiliate_commission"}, {"type": "funding_disclosure"}],
        "content_labels": {"opinion": "unsure (no label)", "sponsored_or_advertorial": False},
    }
    assert expected_categories(labels) == ({"affiliate", "funding"}, {"opinion"})


def test_evaluate_prints_a_table_for_every_check(capsys, tmp_path):
    for page in ("12-kentnews-thanet-drug-dealers-jailed", "17-iloveponys-barbour-anzeige"):
        shutil.copytree(PAGES / page, tmp_path / page)
    assert main(["evaluate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sourcecheck evaluate: 2 pages")
    for check in (
        "outlet", "original_source", "citations", "disclaimers", "dated_claims", "author",
    ):  # fmt: skip
        assert f"\n{check}\n" in out


def test_evaluate_refuses_a_directory_without_labels(capsys, tmp_path):
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no labelled pages" in capsys.readouterr().err
