"""`sourcecheck evaluate-dates`: ours and htmldate on pages with a reference date."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from checks.cli.main import main
from checks.evaluate.dates import dated_pages, evaluate, render, split_of

PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of the report says that the council met on the square and talked "
    f"for a long while about the budget, the roads and the schools of the town.</p>"
    for i in range(4)
)


def write_pool(folder, pages: dict[str, tuple[str, str, str]]) -> None:
    """pages: id -> (url, reference date, html head)."""
    rows = []
    for page_id, (url, reference, head) in pages.items():
        (folder / page_id).mkdir()
        html = (
            f"<html><head><title>Budget</title>{head}</head><body><article>"
            f"<h1>Council agrees the budget for next year</h1>{PARAGRAPHS}</article></body></html>"
        )
        (folder / page_id / "source.html").write_text(html, "utf-8")
        (folder / page_id / "meta.json").write_text(json.dumps({"url": url}), "utf-8")
        rows.append({"id": page_id, "url": url, "reference_published": reference})
    rows.append({"id": "009-no-reference", "url": "https://x.example/"})
    (folder / "index.json").write_text(json.dumps(rows), "utf-8")


def meta(day: str) -> str:
    return f'<meta property="article:published_time" content="{day}T10:00:00Z">'


def test_pages_are_scored_for_us_and_for_htmldate(tmp_path):
    write_pool(
        tmp_path,
        {
            "001-right": ("https://a.example/budget", "2021-03-04", meta("2021-03-04")),
            "002-wrong": ("https://b.example/budget", "2021-03-05", meta("2021-03-04")),
            "003-none": ("https://c.example/budget", "2021-03-06", ""),
        },
    )
    pages = dated_pages(tmp_path)
    assert [p.id for p in pages] == ["001-right", "002-wrong", "003-none"]
    assert pages[0].reference == date(2021, 3, 4)
    tallies = evaluate(pages, now=datetime(2024, 1, 1, tzinfo=UTC))
    total = tallies["all"]
    assert total.pages == 3
    assert total.answered["sourcecheck"] == 2
    assert total.right["sourcecheck"] == 1
    assert total.right["htmldate"] == 1
    assert total.after_received == 0
    assert tallies["dev"].pages + tallies["blind"].pages == 3
    text = render(tallies)
    assert "htmldate original_date" in text
    assert "right when answering" in text


def test_a_date_after_the_day_of_reading_is_counted(tmp_path):
    write_pool(tmp_path, {"001-future": ("https://a.example/x", "2021-03-04", meta("2021-03-04"))})
    tallies = evaluate(dated_pages(tmp_path), now=datetime(2021, 3, 1, tzinfo=UTC))
    # The metadata is later than the day of reading: not taken, so not counted as an answer.
    assert tallies["all"].answered["sourcecheck"] == 0
    assert tallies["all"].after_received == 0


def test_the_blind_split_is_a_stable_quarter():
    ids = [f"{i:03d}-host" for i in range(400)]
    blind = [i for i in ids if split_of(i) == "blind"]
    assert 70 < len(blind) < 130
    assert blind == [i for i in ids if split_of(i) == "blind"]


def test_the_command(tmp_path, capsys):
    write_pool(tmp_path, {"001-right": ("https://a.example/b", "2021-03-04", meta("2021-03-04"))})
    assert main(["evaluate-dates", str(tmp_path), "--ours-only", "--now", "2024-01-01"]) == 0
    out = capsys.readouterr().out
    assert "sourcecheck" in out
    assert "100.0%" in out


def test_the_command_refuses_a_folder_without_an_index(tmp_path, capsys):
    assert main(["evaluate-dates", str(tmp_path)]) == 2
    assert "index.json" in capsys.readouterr().err
