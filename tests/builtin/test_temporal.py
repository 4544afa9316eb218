"""Temporal expressions: every pattern, real corpus sentences in seven languages, traps."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from checks import find_temporal_expressions
from checks.read.html_page import read_html
from checks.temporal import PATTERNS, UNDATED_KINDS, detect_language, find_expressions, scan

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


# --- year-less dates of what is still to come (review item 2) -----------------------------------

NOV_20_2024 = date(2024, 11, 20)


@pytest.mark.parametrize(
    ("language", "future", "past", "date_text"),
    [
        (
            "en",
            "The new rule takes effect on Jan. 1.",
            "The new rule took effect on Jan. 1.",
            "Jan. 1",
        ),
        (
            "de",
            "Das Gesetz tritt am 1. Januar in Kraft.",
            "Das Gesetz trat am 1. Januar in Kraft.",
            "am 1. Januar",
        ),
        (
            "fr",
            "La loi entrera en vigueur le 1er janvier.",
            "La loi est entrée en vigueur le 1er janvier.",
            "le 1er janvier",
        ),
        (
            "es",
            "La ley entrará en vigor el 1 de enero.",
            "La ley entró en vigor el 1 de enero.",
            "el 1 de enero",
        ),
        (
            "pt",
            "A lei entra em vigor em 1º de janeiro.",
            "A lei entrou em vigor em 1º de janeiro.",
            "1º de janeiro",
        ),
        ("ru", "Закон вступит в силу 1 января.", "Закон вступил в силу 1 января.", "1 января"),
        ("uk", "Закон набуде чинності 1 січня.", "Закон набув чинності 1 січня.", "1 січня"),
        ("uk", "Засідання триватиме до 15 січня.", "Засідання тривало до 15 січня.", "15 січня"),
    ],
)
def test_a_yearless_date_still_to_come_is_next_year(language, future, past, date_text):
    ahead = values(future, NOV_20_2024, language)
    behind = values(past, NOV_20_2024, language)
    assert ahead[date_text][:4] == "2025", ahead
    assert behind[date_text][:4] == "2024", behind  # the news convention for past events


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It was closed due to flooding on Jan. 5.", "2024-01-05"),  # "due to" = because of
        ("The report is due on Jan. 5.", "2025-01-05"),
        ("The court is due to rule on Jan. 8.", "2025-01-08"),
    ],
)
def test_due_points_ahead_only_as_a_schedule(sentence, expected):
    assert list(values(sentence, NOV_20_2024, "en").values()) == [expected]


def test_a_narrative_future_weeks_back_stays_in_the_past():
    # Historical future in French: the edition came out six weeks before the article.
    found = values(
        "Le Monde attendra son édition du 13 mai pour en parler.", date(2019, 6, 27), "fr"
    )
    assert found == {"du 13 mai": "2019-05-13"}


# --- relative expressions (review item 8) --------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "text", "value"),
    [
        ("de", "Der Minister hatte am Vortag gewarnt.", "am Vortag", "2024-11-19"),
        ("de", "Tags zuvor hatte er gewarnt.", "Tags zuvor", "2024-11-19"),
        (
            "de",
            "Die Polizei meldete am Dienstagabend einen Unfall.",
            "am Dienstagabend",
            "2024-11-19TEV",
        ),
        ("de", "Am Montagmorgen begann der Streik.", "Am Montagmorgen", "2024-11-18TMO"),
        (
            "de",
            "Die Regierung hatte im Frühjahr neue Regeln beschlossen.",
            "im Frühjahr",
            "2024-SP",
        ),
        ("de", "Die Wahl soll im Frühjahr stattfinden.", "im Frühjahr", "2025-SP"),
        ("de", "Anfang des Monats kündigte die Firma Stellen ab.", "Anfang des Monats", "2024-11"),
        ("de", "Ende vergangenen Jahres stiegen die Preise.", "Ende vergangenen Jahres", "2023"),
        (
            "de",
            "Am vergangenen Wochenende demonstrierten Tausende.",
            "Am vergangenen Wochenende",
            "2024-W46-WE",
        ),
        ("uk", "Про це минулого понеділка повідомив міністр.", "минулого понеділка", "2024-11-18"),
        ("uk", "Рада розгляне закон наступного понеділка.", "наступного понеділка", "2024-11-25"),
        ("uk", "Напередодні міністр заявив про відставку.", "Напередодні", "2024-11-19"),
        ("uk", "Торік завод виробив менше сталі.", "Торік", "2023"),
        ("uk", "Цьогоріч урожай більший.", "Цьогоріч", "2024"),
        ("uk", "На початку місяця уряд ухвалив рішення.", "На початку місяця", "2024-11"),
        ("ru", "Накануне в Кремле заявили, что переговоры продолжатся.", "Накануне", "2024-11-19"),
        ("ru", "Как сообщалось накануне, суд отложил дело.", "накануне", "2024-11-19"),
        (
            "ru",
            "В минувшие выходные в городе прошли митинги.",
            "В минувшие выходные",
            "2024-W46-WE",
        ),
        ("ru", "В начале месяца правительство повысило пошлины.", "В начале месяца", "2024-11"),
        (
            "es",
            "A principios de mes el Gobierno anunció el plan.",
            "A principios de mes",
            "2024-11",
        ),
        (
            "es",
            "El pasado fin de semana hubo protestas.",
            "El pasado fin de semana",
            "2024-W46-WE",
        ),
        ("pt", "No início do mês o governo anunciou o plano.", "No início do mês", "2024-11"),
        (
            "fr",
            "Le texte sera voté dans les prochaines semaines.",
            "dans les prochaines semaines",
            "FUTURE_REF",
        ),
        (
            "en",
            "Thousands marched over the weekend in the capital.",
            "over the weekend",
            "2024-W46-WE",
        ),
        ("en", "The band plays two shows this weekend.", "this weekend", "2024-W47-WE"),
        ("en", "Officials will decide in the coming weeks.", "in the coming weeks", "FUTURE_REF"),
    ],
)
def test_relative_expressions_in_news_style(language, sentence, text, value):
    assert values(sentence, NOV_20_2024, language) == {text: value}  # a Wednesday


def test_the_eve_follows_the_date_just_mentioned():
    text = "15 марта прошел митинг. Накануне в городе задержали активистов."
    assert values(text, NOV_20_2024, "ru") == {"15 марта": "2024-03-15", "Накануне": "2024-03-14"}


def test_a_part_of_the_month_follows_the_date_just_mentioned():
    text = "Selon Médiamétrie, entre le 6 novembre 2018 et la fin de l’année, les sujets ont duré."
    found = values(text, date(2019, 6, 27), "fr")
    assert found["fin de l’année"] == "2018"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ru", "Накануне выборов президент выступил с обращением."),  # the eve of something else
        ("uk", "Напередодні виборів він виступив у Раді."),
        ("de", "Am Vortag der Wahl sprach er in Berlin."),
        ("de", "Wir sind dort im Frühling, Sommer, Herbst und Winter unterwegs."),  # any season
        ("de", "Der Ort erinnert mich vor allem im Sommer an Schweden."),
        ("es", "Muchas familias no llegan a fin de mes."),  # make ends meet
    ],
)
def test_relative_words_that_are_not_dates(language, sentence):
    assert values(sentence, NOV_20_2024, language) == {}


# --- dates and numbers that are names (review item 12) -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Members of the Jan. 6 committee said the hearings would resume.",
        "He introduced H.R. 2024 in the House last spring.",
        "Organizers of March for Our Lives said the rally was peaceful.",
        "The March 14 alliance won the vote.",
        "The March on Washington drew a quarter of a million people.",
    ],
)
def test_names_are_not_dates(sentence):
    found = values(sentence, NOV_20_2024, "en")
    assert not any(v and v.startswith("2024-0") for v in found.values()), found
    assert "2024" not in found


def test_the_same_words_stay_dates_where_they_are_dates():
    found = values(
        "In March for the first time, the Jan. 6, 2021 committee met. The 2024 bill passed.",
        NOV_20_2024,
        "en",
    )
    assert found == {"In March": "2024-03", "Jan. 6, 2021": "2021-01-06", "2024": "2024"}


# --- review 3: schedules, abbreviations, Slavic forms, byline times ------------------------------

NOV_13_2026 = date(2026, 11, 13)  # a Friday


@pytest.mark.parametrize(
    ("language", "sentence", "text", "value"),
    [
        (
            "en",
            "The lame-duck session that begins Monday is the last shot.",
            "Monday",
            "2026-11-16",
        ),
        ("en", "Applications reopen in January.", "in January", "2027-01"),
        ("en", "The museum opens on Tuesday after repairs.", "on Tuesday", "2026-11-17"),
        ("fr", "Le trafic devrait revenir à la normale mardi.", "mardi", "2026-11-17"),
        ("de", "Die Bauarbeiten dauern bis Ende März.", "Ende März", "2027-03"),
        ("de", "Die Sperrung soll bis Ende März dauern.", "Ende März", "2027-03"),
    ],
)
def test_schedule_verbs_point_ahead(language, sentence, text, value):
    assert values(sentence, NOV_13_2026, language) == {text: value}


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The council began the review on Monday.", "on Monday", "2026-11-09"),
        ("Applications reopened in January.", "in January", "2026-01"),
    ],
)
def test_past_tense_of_the_same_verbs_stays_in_the_past(sentence, text, value):
    assert values(sentence, NOV_13_2026, "en") == {text: value}


def test_a_scheduled_date_does_not_take_an_old_year_from_the_paragraph_before():
    text = (
        "The Colorado Sun reported in March 2025 that the city had found 4,000 lead lines.\n"
        "A second reading is scheduled for Dec. 8."
    )
    found = values(text, NOV_13_2026, "en")
    assert found == {"March 2025": "2025-03", "Dec. 8": "2026-12-08"}


def test_a_past_date_still_follows_the_year_just_mentioned():
    text = "The Colorado Sun reported in March 2025 that the city had found 4,000 lead lines.\n"
    text += "The council voted on April 8."
    assert values(text, NOV_13_2026, "en")["April 8"] == "2025-04-08"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Oviedo, 18 nov (EFE).- El Gobierno ampliará las ayudas.", "18 nov", "2026-11-18"),
        ("Madrid, 12 nov. (EFE).- El Congreso aprobó la ley.", "12 nov.", "2026-11-12"),
        ("El Gobierno ampliará a partir de enero las ayudas.", "a partir de enero", "2027-01"),
    ],
)
def test_spanish_wire_abbreviations_and_a_partir_de(sentence, text, value):
    assert values(sentence, NOV_13_2026, "es") == {text: value}


def test_a_spanish_abbreviation_is_a_whole_word():
    assert values("Hubo 18 novedades en el reglamento.", NOV_13_2026, "es") == {}


@pytest.mark.parametrize(
    ("language", "sentence", "text", "value"),
    [
        ("ru", "Ремонт должен завершиться к августу 2027 года.", "к августу 2027 года", "2027-08"),
        ("ru", "Мост планируется открыть к марту.", "к марту", "2027-03"),
        ("ru", "Оба моста были построены в 1960-х годах.", "в 1960-х годах", "196"),
        ("ru", "В 1990-е годы завод закрылся.", "В 1990-е годы", "199"),
        ("ru", "Прошлой зимой город экономил газ.", "Прошлой зимой", "2025-WI"),
        ("ru", "Работы закончат до конца декабря.", "до конца декабря", "2026-12"),
        (
            "uk",
            "Укренерго попередило про відключення до кінця грудня.",
            "до кінця грудня",
            "2026-12",
        ),
        ("uk", "Міська рада до кінця тижня облаштує два пункти.", "до кінця тижня", "2026-W46"),
        ("uk", "Минулої зими ними скористалися 40 тисяч людей.", "Минулої зими", "2025-WI"),
        ("uk", "Будинки звели у 1970-х роках.", "у 1970-х роках", "197"),
    ],
)
def test_russian_and_ukrainian_months_seasons_and_decades(language, sentence, text, value):
    assert values(sentence, NOV_13_2026, language) == {text: value}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rachel Okafor, opinion contributor - 11/13/26 8:00 AM ET", {"11/13/26 8:00 AM ET"}),
        ("Scores were 11/13/26 in the last three rounds.", set()),  # no time: not a date
    ],
)
def test_byline_date_with_a_two_digit_year(sentence, expected):
    found = values(sentence, NOV_13_2026, "en")
    assert set(found) == expected
    if expected:
        assert found["11/13/26 8:00 AM ET"] == "2026-11-13T08:00"


# Italian and Polish came through their language folders alone (calendar.toml, temporal.toml).
@pytest.mark.parametrize(
    ("language", "sentence", "text", "value"),
    [
        (
            "it",
            "Il decreto è stato firmato il 3 marzo 2021 a Roma.",
            "il 3 marzo 2021",
            "2021-03-03",
        ),
        (
            "it",
            "Lunedì scorso il ministro ha incontrato i sindacati.",
            "Lunedì scorso",
            "2021-03-08",
        ),
        ("it", "La legge era stata respinta tre anni fa.", "tre anni fa", "2018"),
        ("it", "Ieri sera il governo ha approvato il testo.", "Ieri sera", "2021-03-09TEV"),
        ("it", "Il nuovo orario entrerà in vigore venerdì.", "venerdì", "2021-03-12"),
        ("it", "Le vendite sono calate a gennaio, dopo le feste.", "a gennaio", "2021-01"),
        ("it", "L'anno scorso i contagi erano stati di più.", "L'anno scorso", "2020"),
        ("it", "Nell'estate 2019 il ponte fu chiuso.", "Nell'estate 2019", "2019-SU"),
        ("it", "Il cantiere resterà aperto per due anni.", "per due anni", "P2Y"),
        (
            "it",
            "Lo scorso fine settimana la neve ha bloccato le strade.",
            "Lo scorso fine settimana",
            "2021-W09-WE",
        ),
        (
            "pl",
            "Ustawa została przyjęta 3 marca 2021 r. przez Sejm.",
            "3 marca 2021 r.",
            "2021-03-03",
        ),
        (
            "pl",
            "W zeszły poniedziałek minister spotkał się z rolnikami.",
            "W zeszły poniedziałek",
            "2021-03-08",
        ),
        ("pl", "Most zamknięto dwa lata temu.", "dwa lata temu", "2019"),
        ("pl", "Wczoraj wieczorem rząd przyjął projekt.", "Wczoraj wieczorem", "2021-03-09TEV"),
        ("pl", "Przepisy wejdą w życie w piątek.", "w piątek", "2021-03-12"),
        ("pl", "W zeszłym roku sprzedaż spadła o 5 proc.", "W zeszłym roku", "2020"),
        ("pl", "Do wypadku doszło w 2019 roku na autostradzie A4.", "w 2019 roku", "2019"),
        ("pl", "Budowa potrwa przez dwa lata.", "przez dwa lata", "P2Y"),
        ("pl", "Zeszłej zimy zabrakło węgla.", "Zeszłej zimy", "2020-WI"),
    ],
)
def test_italian_and_polish_dates_are_found_and_normalised(language, sentence, text, value):
    assert values(sentence, date(2021, 3, 10), language).get(text) == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Il governo ha approvato il decreto con il sostegno della maggioranza.", "it"),
        ("Rząd przyjął projekt ustawy, który nie jest jeszcze gotowy.", "pl"),
    ],
)
def test_italian_and_polish_are_detected(text, language):
    assert detect_language(text) == language


# --- what TimeML counts (sentences written for these tests) -------------------------------------
def timeml(text: str, anchor: date = date(1989, 10, 30)) -> dict[str, tuple[str, str]]:
    return {e.text: (e.type, e.value) for e in find_temporal_expressions(text, anchor, "en")}


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value"),
    [
        ("Prices are now higher than a year ago.", "now", "DATE", "PRESENT_REF"),
        ("The plant currently employs 800 workers.", "currently", "DATE", "PRESENT_REF"),
        ("The strike lasted 90 days.", "90 days", "DURATION", "P90D"),
        ("The union began a four-week strike.", "four-week", "DURATION", "P4W"),
        ("Talks went on for three hours.", "three hours", "DURATION", "PT3H"),
        ("Output fell over the past 18 months.", "the past 18 months", "DURATION", "P18M"),
        ("The loan runs for several years.", "several years", "DURATION", "PXY"),
        ("The index is published daily.", "daily", "SET", "P1D"),
        ("The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The fair opens each July.", "each July", "SET", "XXXX-07"),
        ("Dividends are paid twice a year.", "twice a year", "SET", "P1Y"),
        ("Profit rose in the third quarter.", "the third quarter", "DATE", "1989-Q3"),
        ("Third-quarter profit rose 5%.", "Third-quarter", "DATE", "1989-Q3"),
        ("Revenue was flat in H1 2024.", "H1 2024", "DATE", "2024-H1"),
        ("Net income doubled in fiscal 1988.", "fiscal 1988", "DATE", "1988"),
        ("Sales grew in the first half of 1990.", "the first half of 1990", "DATE", "1990-H1"),
        ("The vote will be held at 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "1989-10-31T09:00"),
        ("The plan was drafted last December.", "last December", "DATE", "1988-12"),
        ("Elections are due this September.", "this September", "DATE", "1989-09"),
        ("Output rose in January this year.", "January this year", "DATE", "1989-01"),
        ("Troops have left in recent weeks.", "recent weeks", "DATE", "PAST_REF"),
        ("No cut is planned in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("The court kept him in Miami until March 6.", "March 6", "DATE", "1989-03-06"),
        ("Results since the 1980s were mixed.", "the 1980s", "DATE", "198X"),
        ("The feud lasted two decades.", "two decades", "DURATION", "P20Y"),
        (
            "Sales should rise over the next three quarters.",
            "the next three quarters",
            "DURATION",
            "P9M",
        ),
        ("He was at the summit in last year's talks.", "last year", "DATE", "1988"),
    ],
)
def test_timeml_kinds_of_expression(sentence, text, kind, value):
    assert timeml(sentence).get(text) == (kind, value)


def test_timeml_span_leaves_the_preposition_out():
    found = find_temporal_expressions("They met on Friday in Paris.", date(2020, 1, 18), "en")
    assert [(e.start, e.text, e.value) for e in found] == [(12, "Friday", "2020-01-17")]


def test_a_year_ago_in_an_earnings_report_is_the_same_quarter():
    text = (
        "Net income rose 5% in the third quarter. A year ago, the company lost money. "
        "Sales were flat compared with the year-ago quarter."
    )
    values = timeml(text)
    assert values["the third quarter"] == ("DATE", "1989-Q3")
    assert values["A year ago"] == ("DATE", "1988-Q3")
    assert values["the year-ago quarter"] == ("DATE", "1988-Q3")


def test_the_quarter_is_the_one_just_reported_on():
    assert timeml("Profit fell in the quarter.")["the quarter"] == ("DATE", "1989-Q3")
    assert timeml("Profit fell in the quarter.", date(1990, 2, 1))["the quarter"] == (
        "DATE",
        "1989-Q4",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Now, the alliance must decide.",  # a discourse marker at the head of a sentence
        "A quarter of the seats went to the left.",
        "Three quarters of voters agreed.",
        "The 6-year-old boy was returned to his father.",
        "The quarterly dividend was cut.",
        "The case is for today's youth what the revolution was for their parents.",
    ],
)
def test_timeml_words_that_are_not_times(sentence):
    assert timeml(sentence) == {}


def test_the_checklist_keeps_to_calendar_dates():
    text = "The minister said now that the plan, reviewed daily for 90 days, starts on Monday."
    found = find_expressions(text, date(2024, 5, 8), "en")
    quoted = [e.text for e in found if e.dates_something and e.kind not in UNDATED_KINDS]
    assert quoted == ["on Monday"]


@pytest.mark.parametrize(
    ("language", "sentence", "text"),
    [
        ("en", "The offer runs until October.", "October"),
        ("de", "Die Aktion läuft bis Oktober.", "Oktober"),
        ("it", "Il cantiere resta aperto fino a ottobre.", "ottobre"),
        ("pl", "Wystawa będzie otwarta do października.", "października"),
    ],
)
def test_a_deadline_month_may_lie_most_of_a_year_ahead(language, sentence, text):
    found = find_temporal_expressions(sentence, date(2021, 1, 10), language)
    assert {e.text: e.value for e in found}[text] == "2021-10"


def test_a_bare_past_month_stays_last_year():
    found = find_temporal_expressions("The offer ran in October.", date(2021, 1, 10), "en")
    assert [e.value for e in found] == ["2020-10"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "The group would be ready to leave as soon as Tuesday, he said.",
            "Tuesday",
            "2000-04-04",
        ),
        ("The father could come to the U.S. as early as Tuesday.", "Tuesday", "2000-04-04"),
        ("The dividend is payable Jan. 2 to holders of record.", "Jan. 2", "2001-01-02"),
    ],
)
def test_what_would_happen_lies_ahead(sentence, text, value):
    found = find_temporal_expressions(sentence, date(2000, 4, 3), "en")
    assert {e.text: e.value for e in found}.get(text) == value


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The plant will reopen early next year.", "early next year"),
        ("He was arrested late yesterday.", "late yesterday"),
        ("The firm was sold about two years ago.", "about two years ago"),
        ("Its third-quarter profit rose.", "third-quarter"),
        ("The deal took effect in the 30-day window.", "30-day"),
        ("Profit rose in the third quarter.", "the third quarter"),
    ],
)
def test_timeml_span_conventions(sentence, span):
    found = find_temporal_expressions(sentence, date(1989, 10, 30), "en")
    assert [e.text for e in found] == [span]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "it",
            "Attualmente il museo apre ogni anno.",
            [("Attualmente", "PRESENT_REF"), ("ogni anno", "P1Y")],
        ),
        (
            "pl",
            "Obecnie festiwal odbywa się co roku.",
            [("Obecnie", "PRESENT_REF"), ("co roku", "P1Y")],
        ),
    ],
)
def test_italian_and_polish_present_and_recurring_times(language, sentence, expected):
    found = find_temporal_expressions(sentence, date(2021, 3, 10), language)
    assert [(e.text, e.value) for e in found] == expected


def test_a_count_before_after_is_a_duration_with_after_as_its_signal():
    found = find_temporal_expressions(
        "He returned one year after the war.", date(1989, 10, 30), "en"
    )
    assert [(e.text, e.type, e.value) for e in found] == [("one year", "DURATION", "P1Y")]


def _timeml(sentence: str, reference: date) -> list[tuple[str, str]]:
    return [(e.text, e.value) for e in find_temporal_expressions(sentence, reference, "en")]


def test_next_to_is_a_place_not_a_future_cue():
    sentence = "Two people died in the blast next to the station on Friday."
    # Written on a Saturday: the Friday just gone, not the one to come.
    assert _timeml(sentence, date(2024, 3, 16)) == [("Friday", "2024-03-15")]


def test_a_date_naming_an_event_does_not_lend_its_year_to_later_dates():
    text = (
        "The two men were charged over the March 3, 2009, fire at the depot. "
        "They were released after the court ruled in April that the evidence was thin."
    )
    assert _timeml(text, date(2015, 6, 8)) == [
        ("March 3, 2009", "2009-03-03"),
        ("April", "2015-04"),
    ]


def test_a_date_telling_when_the_story_is_still_lends_its_year():
    text = "On March 3, 2009, the depot burned. In April the owners sold it."
    assert _timeml(text, date(2015, 6, 8)) == [
        ("March 3, 2009", "2009-03-03"),
        ("April", "2009-04"),
    ]


def test_a_clock_time_before_a_date_is_one_time_on_that_day_without_its_zone():
    found = find_temporal_expressions(
        "Bids are due by 5 p.m. EST, Nov. 6, the agency said.", date(2023, 10, 30), "en"
    )
    assert [(e.text, e.type, e.value) for e in found] == [
        ("5 p.m. EST, Nov. 6", "TIME", "2023-11-06T17:00")
    ]


def test_a_year_earlier_than_a_day_is_that_day_a_year_before():
    text = "Sales rose in the quarter ended June 30, 2022. They fell a year earlier."
    assert _timeml(text, date(2022, 8, 1))[-1] == ("a year earlier", "2021-06-30")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The firm recently sold its plant.", [("recently", "PAST_REF")]),
        ("Shares trade below the current market price.", [("current", "PRESENT_REF")]),
        ("Holders may buy at the then current price.", [("then current", "PAST_REF")]),
        ("The current account deficit widened.", []),
        ("The cable carries a current of ten amperes.", []),
    ],
)
def test_present_and_past_references_without_a_date(sentence, expected):
    assert _timeml(sentence, date(2021, 3, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plant opened on May 22, 2005, and the following year it doubled its staff.",
            ("the following year", "2006"),
        ),
        (
            "The fire broke out on Oct. 3, 2019. Earlier that day, guards had left the site.",
            ("Earlier that day", "2019-10-03"),
        ),
        (
            "The board met in March 2011. The following month, the company was put up for sale.",
            ("The following month", "2011-04"),
        ),
        ("Imports rose in 1998, but that year exports fell.", ("that year", "1998")),
    ],
)
def test_that_day_and_the_following_year_read_the_date_just_before(text, expected):
    assert _timeml(text, date(2021, 3, 10))[-1] == expected


def test_that_day_without_a_day_before_it_is_left_out():
    found = _timeml("Prices rose in 2019. That day nobody sold.", date(2021, 3, 10))
    assert found == [("2019", "2019")]


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        (
            "The boy was found on Thanksgiving Day.",
            date(2000, 1, 7),
            ("Thanksgiving Day", "1999-11-25"),
        ),
        (
            "He was rescued last Thanksgiving.",
            date(2000, 1, 7),
            ("last Thanksgiving", "1999-11-25"),
        ),
        ("The shops will close at Christmas.", date(2023, 11, 2), ("Christmas", "2023-12-25")),
        ("Crowds gathered on Easter Sunday.", date(2024, 4, 5), ("Easter Sunday", "2024-03-31")),
        (
            "Parties are planned for New Year's Eve.",
            date(2023, 12, 20),
            ("New Year's Eve", "2023-12-31"),
        ),
    ],
)
def test_holidays_are_their_day(sentence, reference, expected):
    assert _timeml(sentence, reference) == [expected]


def test_a_holiday_name_as_a_noun_modifier_is_no_date():
    assert _timeml("She bought a Christmas tree and Easter eggs.", date(2023, 12, 1)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The treaty was signed in nineteen seventy-nine.", [("nineteen seventy-nine", "1979")]),
        (
            "It opened in January nineteen ninety-seven.",
            [("January nineteen ninety-seven", "1997-01")],
        ),
        ("The mill closed in nineteen oh five.", [("nineteen oh five", "1905")]),
        (
            "Computers had to be ready for the year two thousand.",
            [("the year two thousand", "2000")],
        ),
        ("About two thousand people came.", []),
        ("Nineteen people were hurt.", []),
    ],
)
def test_years_said_in_words(sentence, expected):
    assert _timeml(sentence, date(1998, 2, 23)) == expected


def test_a_count_in_compound_words_is_its_sum():
    found = find_temporal_expressions(
        "The strike lasted twenty-five days.", date(2020, 1, 1), "en"
    )
    assert [(e.text, e.value) for e in found] == [("twenty-five days", "P25D")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tomorrow's vote has wider stakes.", [("Tomorrow", "2021-03-11")]),
        ("The game is for today's youth.", []),
        ("Rates may fall in coming weeks.", [("coming weeks", "PXW")]),
        ("Demand stayed weak well into the summer.", [("the summer", "2021-SU")]),
        (
            "Orders rose from the low levels of the early summer.",
            [("the early summer", "2021-SU")],
        ),
        ("Sales for the full year rose 13%.", [("the full year", "2021")]),
    ],
)
def test_possessive_days_coming_weeks_seasons_and_the_full_year(sentence, expected):
    assert _timeml(sentence, date(2021, 3, 10)) == expected


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        (
            "He will appear in court at midday.",
            date(2021, 3, 10),
            [("midday", "2021-03-10T12:00")],
        ),
        (
            "The offer expired at midnight Friday.",
            date(2021, 3, 10),
            [("midnight Friday", "2021-03-05T24:00")],
        ),
        ("The film High Noon was shown.", date(2021, 3, 10), []),
        ("It ended a decades-long feud.", date(2021, 3, 10), [("decades-long", "PXY")]),
        ("They left after a day-long meeting.", date(2021, 3, 10), [("day-long", "P1D")]),
        ("The 6-year-old boy stayed.", date(2021, 3, 10), []),
        (
            "It was the coldest winter of nineteen ninety-four.",
            date(1998, 2, 23),
            [("winter of nineteen ninety-four", "1994-WI")],
        ),
    ],
)
def test_noon_midnight_unit_long_and_seasons_of_spelled_years(sentence, reference, expected):
    assert _timeml(sentence, reference) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1月23日，武汉全面封闭离汉通道。", [("1月23日", "2020-01-23")]),
        ("公司于2020年7月1日开设新店。", [("2020年7月1日", "2020-07-01")]),
        (
            "索尼曾在8月预测，截至2021年3月，利润将下降。",
            [("8月", "2020-08"), ("2021年3月", "2021-03")],
        ),
        ("为期3个月的调查。", []),
    ],
)
def test_chinese_and_japanese_dates_in_digits(text, expected):
    found = find_expressions(text, date(2020, 10, 4))
    assert [(e.text, e.value) for e in found] == expected


@pytest.mark.parametrize(
    ("language", "sentence", "reference", "expected"),
    [
        (
            "en",
            "He will try to delay November’s election.",
            date(2020, 7, 30),
            ("November’s", "2020-11"),
        ),
        (
            "en",
            "Black Friday 2019 is going to be huge.",
            date(2019, 11, 20),
            ("Black Friday 2019", "2019-11-29"),
        ),
        (
            "es",
            "Superó el virus el pasado mes de marzo.",
            date(2020, 5, 6),
            ("el pasado mes de marzo", "2020-03"),
        ),
        ("de", "Bei der WM im Vorjahr holte sie Gold.", date(2022, 2, 4), ("im Vorjahr", "2021")),
    ],
)
def test_months_owned_holidays_with_a_year_and_year_words(language, sentence, reference, expected):
    found = find_expressions(sentence, reference, language)
    assert [(e.text, e.value) for e in found] == [expected]


def test_a_possessive_may_is_the_name_not_the_month():
    assert find_expressions("May’s cabinet met.", date(2019, 3, 1), "en") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Será recibido cerca de las 13:00 horas.",
            [("cerca de las 13:00 horas", "XXXX-XX-XXT13:00")],
        ),
        ("Ganó en el balotaje de diciembre.", [("de diciembre", "2021-12")]),
        ("Firmó con Diciembre Films.", []),
    ],
)
def test_spanish_clock_times_and_months_after_de(sentence, expected):
    found = find_expressions(sentence, date(2022, 5, 4), "es")
    assert [(e.text, e.value) for e in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The agency extended its deadline until 9 a.m. Tuesday.",
            [("9 a.m. Tuesday", "2000-04-04T09:00")],
        ),
        ("Officials postponed until Tuesday any action.", [("Tuesday", "2000-04-04")]),
        ("Up until Thursday, they had called him a witness.", [("Thursday", "2000-03-30")]),
        ("It was not until Tuesday that he spoke.", [("Tuesday", "2000-03-28")]),
    ],
)
def test_until_a_weekday_is_a_deadline_ahead_unless_up_or_not_until(sentence, expected):
    assert _timeml(sentence, date(2000, 4, 3)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It hopes to close the sale by year-end.", [("year-end", "2021")]),
        ("Cuts are due by the end of the year.", [("the end of the year", "2021")]),
        ("Troops arrive by the end of the month.", [("the end of the month", "2021-03")]),
    ],
)
def test_the_end_of_the_year_under_way(sentence, expected):
    assert _timeml(sentence, date(2021, 3, 10)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "They sailed on Easter Island waters.",
        "It captured the spirit of Christmas.",
        "He flew to Easter Island.",
    ],
)
def test_a_holiday_word_in_a_name_or_a_phrase_is_no_date(sentence):
    assert _timeml(sentence, date(2023, 12, 1)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The appeal could take as long as a month.", [("a month", "P1M")]),
        ("They met in a talk lasting nearly an hour.", [("nearly an hour", "PT1H")]),
        ("The plan took three months to complete.", [("three months", "P3M")]),
    ],
)
def test_a_duration_after_take_or_lasting_leaves_the_verb_out(sentence, expected):
    assert _timeml(sentence, date(2000, 4, 3)) == expected
