"""Temporal expressions: every pattern, real corpus sentences in seven languages, traps."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from checks.html_reader import read_html
from checks.temporal import PATTERNS, detect_language, find_expressions, scan

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


def page_text(slug: str) -> str:
    folder = next(PAGES.glob(f"{slug}*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"]).text


def values(text: str, anchor: date, language: str) -> dict[str, str | None]:
    return {e.text: e.value for e in find_expressions(text, anchor, language)}


@pytest.mark.parametrize(
    ("language", "pattern"),
    [(code, pattern) for code, patterns in PATTERNS.items() for pattern in patterns],
    ids=lambda v: v if isinstance(v, str) else v.name,
)
def test_every_pattern_finds_its_example(language, pattern):
    found = scan(f"{pattern.example}.", language)
    assert pattern.example in [found.text[m.start : m.end] for m in found.matches]


# Sentences from the corpus pages (tests/fixtures/pages), anchored on their publication day;
# pt and uk are focused sentences in the same style.
CORPUS_SENTENCES = [
    (
        "en",
        "The Theater Des Bouffes du Nord was invaded on Friday by activists from other unions.",
        date(2020, 1, 18),
        {"on Friday": "2020-01-17"},
    ),
    (
        "en",
        "A crowd gathered outside the theater on Friday evening after the couple had arrived.",
        date(2020, 1, 18),
        {"on Friday evening": "2020-01-17TEV"},
    ),
    (
        "en",
        "On Friday, Israel struck an ambulance convoy. On Monday, two rockets landed nearby.",
        date(2023, 11, 9),
        {"On Friday": "2023-11-03", "On Monday": "2023-11-06"},
    ),
    (
        "en",
        "Social distancing will be necessary ahead of the nation's general election scheduled"
        " for November, after Wisconsin's April 7 election.",
        date(2020, 4, 28),
        {"for November": "2020-11", "April 7": "2020-04-07"},
    ),
    (
        "en",
        "Parasite won a Critics Choice award last week, cementing its role at the Oscars next"
        " month on Feb. 9.",
        date(2020, 1, 19),
        {"last week": "2020-W02", "next month": "2020-02", "Feb. 9": "2020-02-09"},
    ),
    (
        "en",
        "When I moved to California five years ago, the state set a goal for 2045.",
        date(2020, 8, 23),
        {"five years ago": "2015", "2045": "2045"},
    ),
    (
        "en",
        "Nixon said so on November 17, 1973. But half a year later the White House announced.",
        date(2023, 11, 5),
        {"November 17, 1973": "1973-11-17", "half a year later": "1974-05"},
    ),
    (
        "en",
        "Posted: Nov 20, 2020 / 05:25 PM CST",
        date(2020, 11, 20),
        {"Nov 20, 2020 / 05:25 PM CST": "2020-11-20T17:25-06:00"},
    ),
    (
        "de",
        "Laut Unterlagen antwortet Keith am 30. März 2017.\nUnd tatsächlich: Vor der"
        " NRW-Landtagswahl im Mai erhalten Millionen Haushalte ein Extrablatt.",
        date(2019, 5, 14),
        {"am 30. März 2017": "2017-03-30", "im Mai": "2017-05"},
    ),
    (
        "de",
        "Das Mag begann vor acht Jahren als Mode-Blog. Im Jahr 1894 begann John Barbour.",
        date(2018, 5, 24),
        {"vor acht Jahren": "2010", "1894": "1894"},
    ),
    (
        "de",
        "Der Beitrag ist heute Abend um 21 Uhr auch im ZDF-Magazin Frontal 21 zu sehen.",
        date(2019, 5, 14),
        {"heute Abend": "2019-05-14TEV", "um 21 Uhr": "2019-05-14T21:00"},
    ),
    (
        "fr",
        "Elle est décédée suite à l'explosion d'une grenade, le 1er décembre à Bordeaux.",
        date(2019, 6, 27),
        {"le 1er décembre": "2018-12-01"},
    ),
    (
        "fr",
        "Une réunion de crise s’est tenue mardi 8 janvier. Ainsi le 13 mai dernier Le Monde"
        " continuait de titrer, et soutenu en mai dernier.",
        date(2019, 6, 27),
        {
            "mardi 8 janvier": "2019-01-08",
            "le 13 mai dernier": "2019-05-13",
            "en mai dernier": "2019-05",
        },
    ),
    (
        "fr",
        "Le texte est publié le 6 mars au soir. Quatre jours plus tard, les lecteurs réagissent.",
        date(2019, 6, 27),
        {"le 6 mars": "2019-03-06", "Quatre jours plus tard": "2019-03-10"},
    ),
    (
        "fr",
        "C'est au printemps 2015 que vous avez certainement ouvert les yeux.",
        date(2017, 4, 12),
        {"au printemps 2015": "2015-SP"},
    ),
    (
        "es",
        "La temporada de la Bundesliga se reanudó el sábado tras dos meses sin partidos.",
        date(2020, 5, 16),
        {"el sábado": "2020-05-16", "tras dos meses": "P2M"},
    ),
    (
        "es",
        "sábado, 16 mayo 2020",
        date(2020, 5, 16),
        {"sábado, 16 mayo 2020": "2020-05-16"},
    ),
    (
        "ru",
        "МОСКВА, 29 июня. /ТАСС/. Движение на пятом пусковом комплексе ЦКАД открывается в"
        " понедельник.",
        date(2020, 6, 29),
        {"29 июня": "2020-06-29", "в понедельник": "2020-06-29"},
    ),
    (
        "ru",
        "Строительство ЦКАД началось в 2014 году. Участки должны быть построены в октябре 2020"
        " года, четвертый - в октябре 2021 года. Строительство начнется после 2022 года.",
        date(2020, 6, 29),
        {
            "в 2014 году": "2014",
            "в октябре 2020 года": "2020-10",
            "в октябре 2021 года": "2021-10",
            "после 2022 года": "2022",
        },
    ),
    (
        "ru",
        "Вчера министр заявил, что в прошлом году трасса уже была открыта три года назад.",
        date(2020, 6, 29),
        {"Вчера": "2020-06-28", "в прошлом году": "2019", "три года назад": "2017"},
    ),
    (
        "uk",
        "Про це 15 березня 2024 року повідомив речник. У понеділок міністр заявив, що минулого"
        " року завод закрили, а три роки тому відкрили.",
        date(2024, 3, 20),
        {
            "15 березня 2024 року": "2024-03-15",
            "У понеділок": "2024-03-18",
            "минулого року": "2023",
            "три роки тому": "2021",
        },
    ),
    (
        "uk",
        "Вчора ввечері у жовтні минулого року",
        date(2024, 3, 20),
        {"Вчора": "2024-03-19", "у жовтні": "2023-10"},
    ),
    (
        "pt",
        "O ministro disse na segunda-feira que a obra, anunciada há dois anos, termina em 16 de"
        " maio de 2020.",
        date(2020, 5, 16),
        {
            "na segunda-feira": "2020-05-11",
            "há dois anos": "2018",
            "em 16 de maio de 2020": "2020-05-16",
        },
    ),
    (
        "pt",
        "No ano passado, a empresa informou que ontem fechou a fábrica.",
        date(2020, 5, 16),
        {"No ano passado": "2019", "ontem": "2020-05-15"},
    ),
]


@pytest.mark.parametrize(
    ("language", "sentence", "anchor", "expected"),
    CORPUS_SENTENCES,
    ids=[f"{lang}-{i}" for i, (lang, *_rest) in enumerate(CORPUS_SENTENCES)],
)
def test_corpus_sentences_normalise(language, sentence, anchor, expected):
    found = values(sentence, anchor, language)
    for text, value in expected.items():
        match = next((f for f in found if text in f or f in text), None)
        assert match is not None, f"{text!r} not found in {found}"
        assert found[match] == value, f"{text!r}: {found[match]} != {value}"


def test_bare_weekday_is_the_latest_on_or_before_the_anchor_unless_future():
    thursday = date(2023, 11, 9)
    assert values("The talks ended on Thursday.", thursday, "en") == {"on Thursday": "2023-11-09"}
    assert values("The talks ended on Friday.", thursday, "en") == {"on Friday": "2023-11-03"}
    assert values("The talks will resume on Friday.", thursday, "en") == {
        "on Friday": "2023-11-10"
    }
    assert values("They meet next Thursday.", thursday, "en") == {"next Thursday": "2023-11-16"}
    assert values("They met last Thursday.", thursday, "en") == {"last Thursday": "2023-11-02"}


def test_yearless_date_more_than_two_months_ahead_is_last_year():
    anchor = date(2019, 6, 27)
    assert values("The march on 1 December drew crowds.", anchor, "en")["1 December"] == (
        "2018-12-01"
    )
    assert values("The vote on 12 August is open.", anchor, "en")["12 August"] == "2019-08-12"
    assert values("Il reviendra le 2 janvier prochain.", anchor, "fr")[
        "le 2 janvier prochain"
    ] == ("2020-01-02")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Call 555-2020 or 1-800-555-1234 for details.", "en"),
        ("The team scored 2000 points and won 1900 games.", "en"),
        ("The shop is open 24/7 and closes at 10:30.", "en"),
        ("You may 22 times ask; they march 5 miles.", "en"),
        ("The rise and fall of our groups' standing.", "en"),
        ("Black Friday sales and Super Tuesday results.", "en"),
        ("It was a defeat for Theresa May 2017 was supposed to fix.", "en"),
        ("Der Wert stieg um 3,5 Prozent auf 1.250 Euro.", "de"),
        ("Il a gagné 2000 euros et 12,5 % des voix.", "fr"),
    ],
)
def test_no_false_matches(text, language):
    assert values(text, date(2020, 1, 1), language) == {}


def test_copyright_years_are_marked_not_claims():
    text = "The attack took place on May 22.\nCopyright © Lucas Leiroz de Almeida, InfoBrics, 2023"
    found = find_expressions(text, date(2023, 5, 23), "en")
    roles = {e.text: e.role for e in found}
    assert roles == {"May 22": "claim", "2023": "copyright"}
    assert [e.dates_something for e in found] == [True, False]


def test_nfd_text_keeps_verbatim_quotes_and_offsets():
    text = unicodedata.normalize(
        "NFD", "Une réunion s’est tenue mardi 8 janvier à Paris, le 1er décembre."
    )
    found = find_expressions(text, date(2019, 6, 27), "fr")
    assert [(e.value, text[e.start : e.start + len(e.text)] == e.text) for e in found] == [
        ("2019-01-08", True),
        ("2018-12-01", True),
    ]
    assert unicodedata.normalize("NFC", found[1].text) == "le 1er décembre"


def test_relative_expressions_stay_open_without_an_anchor():
    found = {
        e.text: e.value
        for e in find_expressions("Sources said on Friday, 5 May 2021.", None, "en")
    }
    assert found == {"Friday, 5 May 2021": "2021-05-05"}
    assert {e.text: e.value for e in find_expressions("He left yesterday.", None, "en")} == {
        "yesterday": None
    }


@pytest.mark.parametrize(
    ("slug", "language"),
    [
        ("01-oann", "en"),
        ("14-madamefigaro", "fr"),
        ("16-correctiv", "de"),
        ("19-tass", "ru"),
        ("20-diariolibre", "es"),
    ],
)
def test_language_of_corpus_pages(slug, language):
    assert detect_language(page_text(slug)) == language


def test_ukrainian_and_portuguese_are_told_apart():
    assert detect_language("Про це повідомив речник міністерства у понеділок, і це все.") == "uk"
    assert detect_language(
        "O ministro disse que a obra não termina em maio, segundo a empresa."
    ) == ("pt")


@pytest.mark.parametrize(
    ("sentence", "year_found"),
    [
        ("Those left out include immersive World War One film “1917,” the big winner.", False),
        ('The band\'s album "1999" sold well.', False),
        ("В фильме «1917» показана война.", False),
        ("The law was passed in 1917, after the war began.", True),
    ],
)
def test_a_year_alone_in_quotes_is_a_title_not_a_date(sentence, year_found):
    texts = [e.text for e in find_expressions(sentence, date(2020, 1, 19))]
    assert any(t in ("1917", "1999") for t in texts) is year_found
