"""Dates: the sample, real corpus pages in five languages, anchors and claim counting."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.builtin.dated_claims import DatedClaims
from checks.model import Article, Origin, Status
from checks.read.html_page import read_html
from checks.testing import TEST_NOW

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = FIXTURES / "pages"


def corpus_page(slug: str) -> Article:
    folder = next(PAGES.glob(f"{slug}*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


async def dates(article: Article, ctx):
    return await DatedClaims().run(article, ctx)


def normalized(data) -> dict[str, str | None]:
    return {e["text"]: e["normalized"] for e in data["expressions"] if e["position"] >= 0}


# --- the sample -------------------------------------------------------------------------------


async def test_sample_is_dated_by_its_dateline(sample_article, check_ctx):
    result = await dates(sample_article, check_ctx)
    seed = json.loads((FIXTURES / "seed-expected.json").read_text("utf-8"))["dated_claims"]
    assert result.data["published"] == seed["published"] == "2023-05-23"
    assert result.data["published_basis"] == "dateline in the text"
    assert result.status is Status.WARN  # about 3.5 years old on TEST_NOW
    assert result.summary.startswith(
        "Published 23 May 2023 (about 3 years 6 months before this check); 0 of "
    )
    assert result.evidence[0].quote == "Global Research, May 23, 2023"
    assert result.evidence[0].where == "dateline"


async def test_sample_expressions_match_the_seed(sample_article, check_ctx):
    result = await dates(sample_article, check_ctx)
    found = {e["text"]: (e["normalized"], e["role"]) for e in result.data["expressions"]}
    assert found["May 23, 2023"] == ("2023-05-23", "claim")
    assert found["May 22"] == ("2023-05-22", "claim")  # "on May 22" in the seed
    assert found["2023"] == ("2023", "copyright")
    assert found["Two days after"] == ("P2D", "claim")  # relative to an event, not a date


async def test_sample_undated_claims_are_quoted_verbatim(sample_article, check_ctx):
    result = await dates(sample_article, check_ctx)
    examples = result.data["undated_claim_examples"]
    assert result.data["undated_claim_sentences"] >= len(examples) == 3
    text = " ".join(sample_article.text.split())
    assert all(quote.rstrip("…") in text for quote in examples)
    assert any(q.startswith("Spokesman of Ukraine's Main Directorate") for q in examples)
    assert [e.where for e in result.evidence[2:]] == ["claim without a date"] * 3


# --- real pages -------------------------------------------------------------------------------


async def test_tass_page_in_russian(check_ctx):
    result = await dates(corpus_page("19-tass"), check_ctx)
    found = normalized(result.data)
    assert result.data["published"] == "2020-06-29"
    assert found["29 июня"] == "2020-06-29"
    assert found["в понедельник"] == "2020-06-29"  # the publication day itself, a Monday
    assert found["в октябре 2021 года"] == "2021-10"
    assert found["после 2022 года"] == "2022"


async def test_npr_page_weekdays_resolve_backwards(check_ctx):
    result = await dates(corpus_page("13-npr"), check_ctx)
    found = normalized(result.data)
    assert found["On Friday"] == "2023-11-03"
    assert found["On Monday"] == "2023-11-06"
    assert found["Oct. 7"] == "2023-10-07"
    assert result.data["claim_sentences"] > result.data["dated_claim_sentences"] > 0


async def test_correctiv_page_reads_im_mai_in_its_2017_narrative(check_ctx):
    found = normalized((await dates(corpus_page("16-correctiv"), check_ctx)).data)
    assert found["am 30. März 2017"] == "2017-03-30"
    assert found["im Mai"] == "2017-05"


async def test_mediapart_page_in_nfd_french(check_ctx):
    article = corpus_page("18-mediapart")
    result = await dates(article, check_ctx)
    found = normalized(result.data)
    assert found["mardi 8 janvier"] == "2019-01-08"  # the weekday settles the year
    assert found["le 13 mai dernier"] == "2019-05-13"
    for expression in result.data["expressions"]:  # quotes are verbatim, offsets exact
        if expression["position"] >= 0:
            start = expression["position"]
            assert article.text[start : start + len(expression["text"])] == expression["text"]


async def test_diariolibre_page_in_spanish(check_ctx):
    result = await dates(corpus_page("20-diariolibre"), check_ctx)
    assert normalized(result.data)["el sábado"] == "2020-05-16"
    assert result.data["language"] == "es"


async def test_page_furniture_date_is_reported_as_displayed(check_ctx):
    result = await dates(corpus_page("12-kentnews"), check_ctx)
    shown = [e for e in result.data["expressions"] if e["role"] == "displayed date"]
    # The page shows its own date once; the sidebar's "8 November 2023" items are left out.
    assert [(e["text"], e["normalized"], e["position"]) for e in shown] == [
        ("9 November 2023", "2023-11-09", -1)
    ]


async def test_the_date_line_in_the_byline_block_is_reported_as_displayed(check_ctx):
    # A real page: the date line stands between the headline and the body, in neither the
    # extracted text nor the furniture ("2020-02-19 20:29:58 来源： 半月谈").
    result = await dates(corpus_page("24-xinhuanet"), check_ctx)
    shown = [e for e in result.data["expressions"] if e["role"] == "displayed date"]
    assert [(e["text"][:16], e["normalized"][:10]) for e in shown] == [
        ("2020-02-19 20:29", "2020-02-19")
    ]


async def test_a_byline_date_of_another_day_is_not_the_pages_own(check_ctx):
    html = (
        '<html><head><meta property="article:published_time" content="2024-05-03T08:00:00Z">'
        "</head><body><article><h1>Budget vote</h1>"
        '<p class="byline">By Jane Doe · Friday, May 3, 2024 · Related: May 1, 2024</p>'
        "<p>" + "The council met and voted on the budget for next year. " * 12 + "</p>"
        "</article></body></html>"
    )
    article = read_html(html.encode(), url="https://news.example.com/budget-vote")
    result = await dates(article, check_ctx)
    shown = [e["normalized"] for e in result.data["expressions"] if e["role"] == "displayed date"]
    assert shown == ["2024-05-03"]


async def test_an_update_line_on_new_years_day_is_shown(check_ctx):
    html = (
        '<html><head><meta property="article:published_time" content="2023-12-31T20:00:00Z">'
        '</head><body><article><h1>Budget vote</h1><p class="byline">By Jane Doe · Published'
        " December 31, 2023 · Updated January 1, 2024</p><p>"
        + "The council met and voted on the budget for next year. " * 12
        + "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://news.example.com/budget-vote")
    result = await dates(article, check_ctx)
    shown = [e["normalized"] for e in result.data["expressions"] if e["role"] == "displayed date"]
    assert shown == ["2023-12-31", "2024-01-01"]


# --- anchors ----------------------------------------------------------------------------------


async def test_forward_origin_date_is_corrected_by_the_local_dateline(check_ctx):
    folder = next((FIXTURES / "telegram").glob("03-*"))
    message = json.loads((folder / "message.json").read_text("utf-8"))
    forwarded = datetime.fromtimestamp(message["forward_origin"]["date"], UTC)  # Sunday, UTC
    article = Article(
        text=message["text"],
        origin=Origin(kind="channel", name="demo_msk_roads", date=forwarded),
        received=datetime.fromtimestamp(message["date"], UTC),
        source_kind="telegram",
    )
    result = await dates(article, check_ctx)
    assert forwarded.date().isoformat() == "2020-06-28"
    assert result.data["published"] == "2020-06-29"
    assert result.data["published_basis"] == "forward origin, local day from the dateline"
    assert normalized(result.data)["в понедельник"] == "2020-06-29"


UKRAINIAN_TEASER = (
    "У Львові відкриють ще два пункти незламності\n"
    "Міська рада облаштує ще два пункти незламності. Про це повідомляє Укрінформ.\n"
    "Читайте також: Графіки відключень світла у Львові: що відомо на 20 листопада\n"
    "Садовий заявив, що пункти працюватимуть цілодобово."
)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        # A date with the newsroom's own offset is already the local day.
        (datetime(2026, 11, 19, 23, 10, tzinfo=timezone(timedelta(hours=2))), "2026-11-19"),
        (datetime(2026, 11, 19, 23, 10, tzinfo=UTC), "2026-11-19"),
    ],
)
async def test_a_teaser_line_is_not_the_dateline(published, expected, check_ctx):
    article = Article(text=UKRAINIAN_TEASER, published=published, published_basis="JSON-LD")
    result = await dates(article, check_ctx)
    assert result.data["published"] == expected
    assert result.data["published_basis"] == "JSON-LD"
    assert all(e.where != "dateline" for e in result.evidence)


@pytest.mark.parametrize(
    ("published", "expected", "basis"),
    [
        (datetime(2024, 11, 20, 23, 30, tzinfo=UTC), "2024-11-21", "meta, local day from"),
        (datetime(2024, 11, 20, 23, 30), "2024-11-21", "meta, local day from"),  # no offset
        (datetime(2024, 11, 20, 9, 30, tzinfo=timezone(timedelta(hours=3))), "2024-11-20", "meta"),
    ],
)
async def test_the_dateline_moves_only_a_utc_or_offsetless_date(
    published, expected, basis, check_ctx
):
    article = Article(
        text="МОСКВА, 21 ноября. /ТАСС/. Правительство утвердило план, сообщили в Минфине.",
        published=published,
        published_basis="meta",
    )
    result = await dates(article, check_ctx)
    assert result.data["published"] == expected
    assert result.data["published_basis"].startswith(basis)


async def test_received_date_only_warns_and_still_reads_relative_dates(check_ctx):
    article = Article(
        text="The minister said yesterday that the plant will close.",
        received=datetime(2024, 3, 20, 9, 0, tzinfo=UTC),
    )
    result = await dates(article, check_ctx)
    assert result.status is Status.WARN
    assert result.data["published"] is None
    assert result.data["published_basis"] == "date received"
    assert result.summary == (
        "No publication date found; words like “yesterday” are read as from the day it was"
        " received (20 March 2024); 1 of 1 attributed claims carry a date"
    )
    assert normalized(result.data) == {"yesterday": "2024-03-19"}


async def test_no_date_at_all(check_ctx):
    result = await dates(Article(text="The spokesman said the talks had failed."), check_ctx)
    assert result.status is Status.WARN
    assert result.summary == "No publication date found; 0 of 1 attributed claims carry a date"
    assert result.data["age_days"] is None
    assert result.data["undated_claim_examples"] == ["The spokesman said the talks had failed."]


@pytest.mark.parametrize(
    ("age", "status", "phrase"),
    [
        (timedelta(days=30), Status.INFO, "30 days before this check"),
        (timedelta(days=200), Status.INFO, "about 7 months before this check"),
        (timedelta(days=400), Status.WARN, "about 1 year 1 month before this check"),
    ],
)
async def test_age_and_status(check_ctx, age, status, phrase):
    published = TEST_NOW - age
    article = Article(
        text="Officials said on Monday that the bridge reopened. The mayor said it was safe.",
        published=published,
        published_basis="page metadata",
    )
    result = await dates(article, check_ctx)
    assert result.status is status
    assert result.summary == (
        f"Published {published.day} {published:%B %Y} ({phrase});"
        " 1 of 2 attributed claims carry a date"
    )
    assert result.data["age_days"] == age.days
    assert result.data["undated_claim_examples"] == ["The mayor said it was safe."]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Der Minister erklärte am Montag, die Brücke sei sicher. Er sagte, sie sei neu."),
        ("fr", "Le ministre a déclaré lundi que le pont était sûr. Il a dit qu'il était neuf."),
        ("es", "El ministro dijo el lunes que el puente era seguro. Afirmó que era nuevo."),
        ("pt", "O ministro disse na segunda-feira que a ponte era segura. Afirmou que era nova."),
        ("ru", "Министр заявил в понедельник, что мост безопасен. Он сообщил, что мост новый."),
        ("uk", "Міністр заявив у понеділок, що міст безпечний. Він повідомив, що міст новий."),
        ("it", "Il ministro ha detto lunedì che il ponte è sicuro. Ha aggiunto che è nuovo."),
        (
            "pl",
            "Minister powiedział w poniedziałek, że most jest bezpieczny. Dodał, że jest nowy.",
        ),
    ],
)
async def test_reporting_verbs_in_each_language(check_ctx, language, text):
    article = Article(text=text, published=TEST_NOW - timedelta(days=3), language=language)
    result = await dates(article, check_ctx)
    assert result.data["claim_sentences"] == 2
    assert result.data["dated_claim_sentences"] == 1
    assert result.data["undated_claim_examples"] == [text.split(". ")[1]]


async def test_the_statements_the_text_dates_are_shown_with_their_dates(sample_article, check_ctx):
    result = await DatedClaims().run(sample_article, check_ctx)

    dated = [e for e in result.evidence if e.where.startswith("dated:")]
    assert dated[0].where == "dated: May 22 → 2023-05-22"
    assert dated[0].quote.startswith("The intrusion of Ukrainian forces took place on May 22")


async def test_a_forward_of_an_old_article_is_dated_by_its_dateline(sample_article, check_ctx):
    forwarded = replace(
        sample_article,
        origin=Origin("channel", name="Relay", date=datetime(2026, 11, 20, 9, 0, tzinfo=UTC)),
    )

    result = await DatedClaims().run(forwarded, check_ctx)

    assert result.data["published"] == "2023-05-23"
    assert result.data["published_basis"] == "dateline in the text (forwarded 2026-11-20)"
    assert result.summary.startswith("Published 23 May 2023 (about 3 years 6 months")


# --- review fixes: future dates, relative expressions, names ----------------------------------

PUBLISHED_NOV_20 = datetime(2024, 11, 20, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "text", "where"),
    [
        ("en", "The governor said the new rule takes effect on Jan. 1.", "Jan. 1 → 2025-01-01"),
        ("ru", "Министр заявил, что закон вступит в силу 1 января.", "1 января → 2025-01-01"),
        ("uk", "Напередодні міністр заявив про відставку.", "Напередодні → 2024-11-19"),
        (
            "de",
            "Die Polizei teilte am Dienstagabend mit, der Täter sei gefasst.",
            "am Dienstagabend → 2024-11-19TEV",
        ),
        (
            "es",
            "A principios de mes el Gobierno anunció el plan, según la agencia.",
            "A principios de mes → 2024-11",
        ),
    ],
)
async def test_a_claim_dated_by_a_future_or_relative_expression(check_ctx, language, text, where):
    article = Article(text=text, published=PUBLISHED_NOV_20, language=language)
    result = await dates(article, check_ctx)
    assert result.summary.endswith("; 1 of 1 attributed claims carry a date")
    dated = [e for e in result.evidence if e.where.startswith("dated:")]
    assert [(e.where, e.quote) for e in dated] == [(f"dated: {where}", text)]


async def test_a_date_that_names_a_committee_does_not_date_the_claim(check_ctx):
    text = "Members of the Jan. 6 committee said the hearings were over."
    article = Article(text=text, published=PUBLISHED_NOV_20, language="en")
    result = await dates(article, check_ctx)
    assert result.summary.endswith("; 0 of 1 attributed claims carry a date")
    assert result.data["undated_claim_examples"] == [text]
    assert normalized(result.data) == {}


# --- publication-date errors of kinds found on real pages -----------------------------------
RECEIVED = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "Am 4. Oktober kommt dein Buch, wie kamst du auf die Idee, so eine Geschichte zu "
        "schreiben? Erzähl uns davon.",
        "У понеділок, 8 червня, уряд оголосив про нові правила для шкіл і дитячих садків "
        "по всій країні, повідомили в міністерстві.",
    ],
)
async def test_a_body_sentence_that_opens_with_a_date_is_not_a_dateline(check_ctx, text):
    article = Article(text=text, received=RECEIVED, language=(text[:2] == "Am" and "de") or "uk")
    result = await dates(article, check_ctx)
    assert result.data["published"] is None
    assert result.data["published_basis"] == "date received"


async def test_a_wire_dateline_still_dates_an_undated_text(check_ctx):
    text = "PARIS, Jan. 17, 2020 (Reuters) - Activists invaded the theatre on Friday, police said."
    result = await dates(Article(text=text, received=RECEIVED), check_ctx)
    assert result.data["published"] == "2020-01-17"


async def test_a_yearless_dateline_outside_the_addresses_month_is_not_taken(check_ctx):
    article = Article(
        text="Buchtipp\nErscheinungsdatum: 14. August\nEine Rezension über Liebe und Krieg.",
        url="https://blog.example.org/2013/10/rezension.html",
        received=RECEIVED,
        language="de",
    )
    result = await dates(article, check_ctx)
    assert result.data["published"] is None


async def test_a_publication_date_after_the_day_received_is_never_taken(check_ctx):
    article = Article(
        text="The council met on Monday, the mayor said.",
        published=datetime(2027, 1, 5, 10, 0, tzinfo=UTC),
        published_basis="page metadata",
        received=RECEIVED,
    )
    result = await dates(article, check_ctx)
    assert result.data["published"] is None
    assert result.data["anchor"] == "2026-12-03"


@pytest.mark.parametrize(
    ("published", "url", "expected"),
    [
        # 23:11 UTC, filed under the next day: the newsroom's day is the address's.
        (
            datetime(2018, 12, 31, 23, 11, tzinfo=UTC),
            "https://b.example/2019/01/01/neu/",
            "2019-01-01",
        ),
        # The same day: nothing to move.
        (
            datetime(2019, 1, 1, 8, 0, tzinfo=UTC),
            "https://b.example/2019/01/01/neu/",
            "2019-01-01",
        ),
        # A local offset is the newsroom's own: the address does not move it.
        (
            datetime(2018, 12, 31, 23, 11, tzinfo=timezone(timedelta(hours=-5))),
            "https://b.example/2019/01/01/neu/",
            "2018-12-31",
        ),
    ],
)
async def test_an_evening_utc_time_takes_the_day_of_the_address(
    check_ctx, published, url, expected
):
    article = Article(
        text="Ein gutes neues Jahr allen Leserinnen und Lesern.",
        published=published,
        published_basis="article:published_time",
        url=url,
        received=RECEIVED,
        language="de",
    )
    result = await dates(article, check_ctx)
    assert result.data["published"] == expected


async def test_a_yearless_dateline_does_not_date_an_undated_text(check_ctx):
    # Read against the day of the check, "May 23" would date a 2013 page this year.
    text = "Global Research, May 23\nThe minister said on Monday that the plant will close."
    result = await dates(Article(text=text, received=RECEIVED), check_ctx)
    assert result.data["published"] is None
    assert result.data["published_basis"] == "date received"


async def test_a_chinese_sentence_with_a_date_is_no_dateline(check_ctx):
    # A hundred Chinese characters are a whole sentence: its "10月3日" does not move the
    # evening UTC publication time to the day before.
    article = Article(
        text="報導指出，截至10月3日，沒有跡象顯示這兩家公司的申請已獲得批准。",
        published=datetime(2020, 10, 4, 15, 5, tzinfo=UTC),
        published_basis="meta date",
    )
    result = await dates(article, check_ctx)
    assert result.data["published"] == "2020-10-04"
    assert result.data["published_basis"] == "meta date"
