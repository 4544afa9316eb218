"""`sourcecheck evaluate-timeml`: TimeML read into text and gold spans, scored TempEval-3 style."""

from __future__ import annotations

from datetime import date

import pytest

from checks import TemporalExpression, find_temporal_expressions
from checks.cli.main import main
from checks.evaluate.timeml import Counts, measures, read_timeml, score_document, split_of


def timex(kind: str, value: str, text: str) -> str:
    return f'<TIMEX3 tid="t1" type="{kind}" value="{value}">{text}</TIMEX3>'


# Sentences written for this test, marked up the way TimeBank marks its news.
DOCUMENT = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST-1</DOCID>
<DCT>{timex("DATE", "2021-03-10", "March 10, 2021")}</DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">approved</EVENT> the budget
on {timex("DATE", "2021-03-05", "Friday")}.
It had been <EVENT eid="e2" class="OCCURRENCE">delayed</EVENT>
for {timex("DURATION", "P3M", "three months")}, the mayor said
{timex("DATE", "2021-03-10", "today")}.
The plan was first proposed in {timex("DATE", "2019-06", "June 2019")} and is reviewed
{timex("SET", "P1Y", "annually")}.
</TEXT>
</TimeML>
"""


def test_read_timeml_gives_plain_text_and_gold_offsets():
    doc = read_timeml(DOCUMENT.encode(), "test.tml")
    assert doc.created == date(2021, 3, 10)
    assert "<" not in doc.text
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2021-03-05"),
        ("three months", "DURATION", "P3M"),
        ("today", "DATE", "2021-03-10"),
        ("June 2019", "DATE", "2019-06"),
        ("annually", "SET", "P1Y"),
    ]


def test_a_document_without_creation_time_is_refused():
    with pytest.raises(ValueError, match="DCT"):
        read_timeml(b"<TimeML><TEXT>On Friday.</TEXT></TimeML>", "x.tml")


def test_scores_count_strict_relaxed_value_and_type():
    doc = read_timeml(DOCUMENT.encode(), "test.tml")

    def finder(text: str, reference: date, language: str) -> list[TemporalExpression]:
        friday = text.index("Friday")
        months = text.index("three months")
        proposed = text.index("in June 2019")
        return [
            TemporalExpression(friday, "Friday", "DATE", "2021-03-05"),  # all right
            TemporalExpression(months, "three", "DURATION", "P3D"),  # overlaps; wrong value
            TemporalExpression(proposed, "in June 2019", "DATE", "2019-06"),  # wider span
            TemporalExpression(text.index("budget"), "budget", "DATE", "2021"),  # false
        ]

    counts = score_document(doc, finder)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (5, 4, 1, 3)
    assert (counts.value, counts.type) == (2, 3)
    m = measures(counts)
    assert m["relaxed_p"] == pytest.approx(3 / 4)
    assert m["relaxed_r"] == pytest.approx(3 / 5)
    assert m["strict_p"] == pytest.approx(1 / 4)
    assert m["value_f1"] == pytest.approx(2 * (2 / 4) * (2 / 5) / (2 / 4 + 2 / 5))
    assert {kind for _, kind, _ in counts.misses} == {"false", "extent", "value", "missed"}


def test_our_finder_on_the_written_document():
    doc = read_timeml(DOCUMENT.encode(), "test.tml")
    counts = score_document(doc, find_temporal_expressions)
    assert (counts.gold, counts.system, counts.strict, counts.value) == (5, 5, 5, 5)


def test_the_blind_split_is_a_stable_quarter():
    names = [f"doc{i}.tml" for i in range(400)]
    blind = [n for n in names if split_of(n) == "blind"]
    assert 70 < len(blind) < 130
    assert blind == [n for n in names if split_of(n) == "blind"]


def test_the_command_scores_a_folder(tmp_path, capsys):
    (tmp_path / "a.tml").write_text(DOCUMENT, "utf-8")
    assert main(["evaluate-timeml", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "relaxed P/R/F1" in out
    assert "\nall " in out


def test_the_command_refuses_an_empty_folder(tmp_path, capsys):
    assert main(["evaluate-timeml", str(tmp_path)]) == 2
    assert "no .tml files" in capsys.readouterr().err


def test_counts_add_up():
    total = Counts()
    total.add(Counts(documents=1, gold=2, system=1, relaxed=1))
    total.add(Counts(documents=1, gold=3, system=2, relaxed=2, strict=1))
    assert (total.documents, total.gold, total.system, total.relaxed, total.strict) == (
        2, 5, 3, 3, 1,
    )  # fmt: skip
