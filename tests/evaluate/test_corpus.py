"""`sourcecheck evaluate`: the table is computed from the labels, not assumed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.evaluate.corpus import (
    Page,
    Tally,
    _name_matches,
    evaluate_splits,
    expected_categories,
    normalization_matches,
    timex_date,
)
from checks.model import Article, Checklist, Outcome, Result, Status

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
    assert out.startswith("sourcecheck evaluate: 2 pages (dev 2)")
    for check in (
        "outlet", "original_source", "citations", "disclaimers", "dated_claims", "author",
    ):  # fmt: skip
        assert f"\n{check}\n" in out


def test_evaluate_refuses_a_directory_without_labels(capsys, tmp_path):
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no labelled pages" in capsys.readouterr().err


def test_new_label_types_map_to_the_checks_categories():
    labels = {
        "disclaimers": [
            {"type": "correction_note"},
            {"type": "disclosure_statement"},
            {"type": "partner_content"},
            {"type": "letters_to_editor"},
            {"type": "ai_generated_notice"},
        ],
        "content_labels": {},
    }
    has, unsure = expected_categories(labels)
    assert has == {"correction", "disclosure", "partner", "opinion", "ai_generated"}
    assert unsure == set()


def blind_copy(name: str, target: Path) -> None:
    shutil.copytree(PAGES / name, target / name)
    path = target / name / "labels.json"
    labels = json.loads(path.read_text("utf-8"))
    labels["split"] = "blind"
    path.write_text(json.dumps(labels, ensure_ascii=False), "utf-8")


def test_evaluate_prints_dev_and_blind_side_by_side(capsys, tmp_path):
    shutil.copytree(PAGES / "19-tass-tskad-moscow-ring-road-opening", tmp_path / "19-tass")
    blind_copy("17-iloveponys-barbour-anzeige", tmp_path)

    assert main(["evaluate", str(tmp_path)]) == 0
    out = capsys.readouterr().out

    assert out.startswith("sourcecheck evaluate: 2 pages (dev 1, blind 1)")
    header = out.splitlines()[2].split()
    assert header == ["dev", "blind"]
    # Each column counts its own page: one page each, not two.
    outlet = next(line for line in out.splitlines() if "registered domain right" in line)
    assert outlet.count("(1/1)") == 2
    assert "Blind pages are measured only" in out


def test_evaluate_json_has_a_value_per_split(capsys, tmp_path):
    shutil.copytree(PAGES / "19-tass-tskad-moscow-ring-road-opening", tmp_path / "19-tass")
    blind_copy("17-iloveponys-barbour-anzeige", tmp_path)

    assert main(["evaluate", str(tmp_path), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)

    assert report["pages"] == {"dev": 1, "blind": 1}
    recall = next(r for r in report["rows"] if r["metric"] == "republication recall")
    assert recall["target"] == 0.9
    assert {"dev", "blind", "dev_value", "blind_value"} <= set(recall)
    links = next(r for r in report["rows"] if r["metric"] == "body-link count within ±1")
    assert links["dev"] == "100% (1/1)"  # TASS: no links, none found


LABELS = {
    "outlet": {"site_name": "Town Herald", "registered_domain": "herald.example"},
    "republication": {"is_republished": False},
    "body_links": {"total": 0, "internal": 0, "external": 0},
    "content_labels": {},
    "published": {"date": "2024-05-03"},
    "temporal_expressions": [],
}


def labelled(page_id: str, split: str, disclaimers: list[dict]) -> Page:
    return Page(page_id, b"", {**LABELS, "split": split, "disclaimers": disclaimers})


def found(*categories: str) -> Checklist:
    data = {"findings": [{"category": c, "quote": f"a {c} line"} for c in categories]}
    result = Result(Status.INFO, "", data=data)
    return Checklist("page", Article(text=""), (Outcome("disclaimers", "Disclaimers", result),))


def rows(report, split: str) -> dict[str, str]:
    return {r.metric: r.shown for r in report.reports[split].rows}


def test_labels_are_scored_per_page_and_family():
    pages = [
        # "Sponsored" labelled, the check says "partner": the same family, a hit.
        labelled("a", "dev", [{"type": "sponsored", "quote": "Sponsored"}]),
        # A correction labelled, nothing found: a miss.
        labelled("b", "dev", [{"type": "correction_note", "quote": "This version corrects"}]),
        # Nothing labelled, an opinion found: a false alarm, in the blind column only.
        labelled("c", "blind", []),
    ]
    report = evaluate_splits(pages, [found("partner"), found(), found("opinion")])

    dev, blind = rows(report, "dev"), rows(report, "blind")
    assert dev["per page and family: precision"] == "1.00"
    assert dev["per page and family: recall"] == "0.50"
    assert dev["per page and family: F1"] == "0.67"
    assert blind["per page and family: precision"] == "0.00"
    assert blind["per page and family: recall"] == "n/a"


def test_a_wire_byline_on_a_page_labelled_without_a_person_names_no_person():
    from checks.evaluate.author import AuthorScore, score_page

    score = AuthorScore()
    score_page("p1", {"byline": None}, {"kind": "wire", "names": ["AP"]}, score)
    score_page("p2", {"byline": None}, {"kind": "person", "names": ["Jane Doe"]}, score)
    assert (score.nobody, score.nobody_right) == (2, 1)
    assert score.misses == ["author p2: got ['Jane Doe'] vs None"]
