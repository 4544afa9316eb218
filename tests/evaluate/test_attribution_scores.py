"""The scorers for the author and sources checks, and their rows in `sourcecheck evaluate`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.evaluate.author import AuthorScore, labelled_name
from checks.evaluate.author import score_page as score_author
from checks.evaluate.sources import SourcesScore, covers, score_page

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        (
            'Wilmer Leon (visible "by Wilmer Leon"; meta author "Wilmer Leon. Sputnik")',
            "Wilmer Leon",
        ),
        ('"KentNews" (site account; meta author "KentNews")', "KentNews"),
        (
            "Marcus Bensmann, Justus von Daniels, Ulrich Stoll",
            "Marcus Bensmann, Justus von Daniels, Ulrich Stoll",
        ),
        ("none visible; JSON-LD author = Organization", None),
        (None, None),
    ],
)
def test_the_name_a_byline_label_starts_with(label, name):
    assert labelled_name(label) == name


def test_an_author_is_right_when_one_of_its_names_is_the_labelled_one():
    score = AuthorScore()
    labels = {"byline": "Marcus Bensmann, Justus von Daniels, Ulrich Stoll"}
    score_author("16", labels, {"kind": "people", "names": ["Ulrich Stoll"]}, score)
    score_author("01", {"byline": None}, {"kind": "person", "names": ["X Y"]}, score)
    assert (score.named_right, score.named, score.nobody_right, score.nobody) == (1, 1, 0, 1)


def test_a_found_sentence_covers_a_labelled_quote_by_most_of_its_words():
    sentence = "“We will not back down,” Mayor Jane Ortiz said on Tuesday."
    assert covers(sentence, "We will not back down, Mayor Jane Ortiz said")
    assert not covers(sentence, "The council passed the budget on Monday")


def test_precision_and_recall_count_found_and_labelled_statements():
    labels = {
        "attributions": [
            {"quote": "Mayor Jane Ortiz said the budget was balanced", "kind": "named"},
            {"quote": "officials said the road would reopen", "kind": "anonymous"},
        ]
    }
    found = [
        {"quote": "Mayor Jane Ortiz said the budget was balanced.", "kind": "named"},
        {"quote": "The sky was blue, the weather service noted.", "kind": "named"},
    ]
    score = SourcesScore()
    score_page("p", labels, found, score)
    assert (score.precision, score.recall, score.kind_right) == (0.5, 0.5, 1)
    score_page("unlabelled", {}, found, score)
    assert score.pages == 1


def test_evaluate_reports_the_author_and_sources_rows(capsys, tmp_path):
    for page in (
        "04-tucson-ap-georgetown-player-arrested",
        "12-kentnews-thanet-drug-dealers-jailed",
    ):
        shutil.copytree(PAGES / page, tmp_path / page)
    assert main(["evaluate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\nauthor\n" in out
    assert "attributions precision (dev, 2 pages)" in out
    assert "attributions recall (dev, 2 pages)" in out
