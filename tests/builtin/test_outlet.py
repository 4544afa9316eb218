"""The `outlet` check: who published the article, and what open datasets say about it."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from checks.builtin.outlet import Outlet
from checks.model import Article, Context, Link, Origin, Result, Status
from checks.outlets.table import OutletTable
from checks.read.html_page import read_html
from checks.read.text import bare_url_links
from checks.render.checklist import summary_of
from checks.testing import make_context

CRED1_SCALE = "(from 0, low, to 1, high)"
IDIAP_SCALE = "(from -1, low, to 1, high)"

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = FIXTURES / "pages"
TELEGRAM = FIXTURES / "telegram"


@cache
def page(prefix: str) -> Article:
    (folder,) = PAGES.glob(f"{prefix}-*")
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


async def check(article: Article, ctx: Context | None = None) -> Result:
    return await Outlet().run(article, ctx or make_context())


def claims(result: Result) -> list[str]:
    return [r["claim"] for r in result.data["ratings"]]


def evidence_text(result: Result) -> str:
    return "\n".join(f"{e.where}: {e.quote}" for e in result.evidence)


# --- real corpus pages ----------------------------------------------------------------------


async def test_oann_page_is_named_and_flagged() -> None:
    result = await check(page("01"))
    assert result.data["name"] == "One America News Network"
    assert result.data["registered_domain"] == "oann.com"
    assert result.status is Status.WARN
    assert result.summary.startswith("One America News Network (oann.com): flagged by")
    assert "Deprecated" in claims(result)


async def test_sputnik_page_is_state_affiliated_though_the_page_does_not_say_so() -> None:
    result = await check(page("02"))
    assert result.data["registered_domain"] == "sputniknews.com"
    assert "Sputnik" in result.data["name"]
    assert result.status is Status.WARN
    state = [r for r in result.data["ratings"] if r["dataset"].startswith("State Media")]
    assert state
    assert state[0]["claim"].startswith("state-controlled media (SC), Russia")
    assert "State Media Profiles (ASD/GMF)" in result.data["flagged_by"]


async def test_reuters_page_is_not_called_us_after_its_edition_name() -> None:
    article = page("15")
    result = await check(article)
    assert result.data["name"] == "Reuters"
    assert result.data["registered_domain"] == "reuters.com"
    assert result.status is Status.INFO
    assert result.summary == (
        "Reuters (reuters.com): not flagged (Wikipedia perennial sources: Generally reliable)"
    )


async def test_tass_page_keeps_its_own_cyrillic_name() -> None:
    result = await check(page("19"))
    assert result.data["name"] == "ТАСС"
    assert result.data["registered_domain"] == "tass.ru"
    assert result.status is Status.WARN
    assert any(c.startswith("state-controlled media (SC), Russia") for c in claims(result))


async def test_corpus_page_without_any_rating_says_so() -> None:
    result = await check(page("07"))
    assert result.data["registered_domain"] == "theplanetarypress.com"
    assert result.status is Status.INFO
    assert result.summary.endswith("not rated in any bundled dataset")


# --- site names from page metadata ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "site_name", "meta", "expected"),
    [
        # og:site_name is the edition, not the outlet; the <title> suffix or the datasets know.
        ("https://www.reuters.com/article/x", "U.S.", {"og:site_name": "U.S."}, "Reuters"),
        # A section brand that is not the domain, but is an alias the datasets know.
        ("https://nymag.com/intelligencer/x.html", "Intelligencer", {}, "Intelligencer"),
        # The site calls itself by its address.
        ("https://whnt.com/news/x/", "WHNT.com", {}, "WHNT.com"),
        ("https://www.diariolibre.com/x", "www.diariolibre.com", {}, "diariolibre.com"),
        # The page title suffix names the outlet when no site name is given.
        (
            "https://www.oann.com/x/",
            None,
            {"title": "Protesters gather | One America News Network"},
            "One America News Network",
        ),
        # A social handle is not a name: the datasets' name for the domain is used instead.
        ("https://sputniknews.com/x/", "SputnikInt", {}, "Sputnik"),
        # UTF-8 read as Latin-1 is repaired.
        ("https://tass.ru/moskva/1", "ТАСС".encode().decode("latin-1"), {}, "ТАСС"),
    ],
)
async def test_site_name_choice(
    make_article: Callable[..., Article],
    url: str,
    site_name: str | None,
    meta: Mapping[str, Any],
    expected: str,
) -> None:
    article = make_article("Some article text.", url=url, site_name=site_name, meta=meta)
    result = await check(article)
    assert result.data["name"] == expected
    assert result.data["how_identified"][0].startswith("page address")


async def test_canonical_url_is_used_when_the_url_is_missing(
    make_article: Callable[..., Article],
) -> None:
    article = make_article("Text.", canonical_url="https://www.rt.com/news/123-x/")
    result = await check(article)
    assert result.data["registered_domain"] == "rt.com"
    assert result.status is Status.WARN


# --- pasted text: the bundled sample --------------------------------------------------------


async def test_sample_outlet_is_global_research_not_infobrics(sample_article: Article) -> None:
    result = await check(sample_article)
    expected = json.loads((FIXTURES / "seed-expected.json").read_text("utf-8"))["outlet"]
    assert result.data["name"] == expected["name"]
    assert result.data["registered_domain"] == expected["registered_domain"]
    assert result.status is Status.WARN
    assert result.summary == "Global Research (globalresearch.ca): flagged by 2 open datasets"
    how = "\n".join(result.data["how_identified"])
    for quote in (
        "Global Research, May 23, 2023",
        "www.globalresearch.ca contains copyrighted material",
        "The Centre for Research on Globalization will not be responsible",
        "Become a Member of Global Research",
    ):
        assert quote in how
    assert "InfoBrics" not in how
    assert "Blacklisted; Generally unreliable" in claims(result)
    assert f"category conspiracy, credibility score 0.095 {CRED1_SCALE}" in claims(result)


async def test_sample_evidence_cites_datasets_and_quotes_the_text(sample_article: Article) -> None:
    result = await check(sample_article)
    wiki = next(e for e in result.evidence if e.quote == "Blacklisted; Generally unreliable")
    assert wiki.where == "Wikipedia perennial sources (2021-03-17, CC BY-SA 3.0)"
    assert wiki.url
    estimate = next(e for e in result.evidence if "a model estimates" in e.quote)
    assert "Apache-2.0" in estimate.where
    folded = " ".join(sample_article.text.split())
    text_quotes = [e.quote for e in result.evidence if e.where == "text"]
    assert text_quotes
    for quote in text_quotes:
        assert quote.removesuffix(" …") in folded


# --- pasted text: focused sentences ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Protesters gathered.\n\n© 2023 Kyiv Independent. All rights reserved.",
            "Kyiv Independent",
        ),
        ("Global Research, 23. Mai 2023\n\nText des Artikels.", "Global Research"),
        (
            "Der Text.\n\nWerden Sie Mitglied bei Correctiv und unterstützen Sie unabhängigen "
            "Journalismus.",
            "Correctiv",
        ),
        ("Le texte.\n\nDevenez membre de Mediapart pour lire la suite.", "Mediapart"),
        ("El texto.\n\nHazte socio de Diario Libre hoy.", "Diario Libre"),
        ("O texto.\n\nTorne-se assinante da Folha de S.Paulo.", "Folha de S.Paulo"),
        ("Движение открывается в понедельник.\n\n© 2020 ТАСС. Все права защищены.", "ТАСС"),
        (
            "Текст новини.\n\nСтаньте учасником «Української правди», щоб підтримати нас.",
            "Української правди",
        ),
        (
            "Текст новости.\n\nСтаньте подписчиком «Новой газеты» и поддержите нас.",
            "Новой газеты",
        ),
    ],
)
async def test_outlet_named_by_house_lines(
    make_article: Callable[..., Article], text: str, name: str
) -> None:
    result = await check(make_article(text))
    assert result.data["name"] == name
    assert result.data["how_identified"]
    assert all(e.quote in " ".join(text.split()) for e in result.evidence if e.where == "text")


async def test_known_outlet_from_text_gets_its_domain_and_ratings(
    make_article: Callable[..., Article],
) -> None:
    result = await check(make_article("Story.\n\n© 2020 Sputnik. All rights reserved"))
    assert result.data["name"] == "Sputnik"
    assert result.data["registered_domain"] == "sputniknews.com"
    assert result.status is Status.WARN


@pytest.mark.parametrize(
    "text",
    [
        # Outlets cited in the body are sources, not the publisher.
        "The minister resigned on Monday, according to Reuters. Reuters said talks stalled.",
        # A city dateline is not an outlet.
        "Paris, May 23, 2023\n\nProtesters gathered outside the theatre.",
        # A bare address in the body is a cited site.
        "The guidance is on www.who.int and was updated in March.",
        # A photo credit is not the publisher's copyright line.
        "Police at the scene on Monday. Photo © Reuters\n\nThe investigation continues.",
        # The named original and the author are not the publisher.
        "Text.\n\nThe original source of this article is InfoBrics\n\n"
        "Copyright © Lucas Leiroz de Almeida, InfoBrics, 2023",
    ],
)
async def test_not_identified_says_what_was_looked_at(
    make_article: Callable[..., Article], text: str
) -> None:
    result = await check(make_article(text))
    assert result.status is Status.INFO
    assert result.summary == "Outlet not identified"
    assert result.data["name"] is None
    assert result.data["registered_domain"] is None
    assert "dateline" in result.data["looked_at"]


# --- Telegram forwards ----------------------------------------------------------------------


def telegram_article(folder: str) -> Article:
    """A forwarded post as the bot reads it: entity offsets are UTF-16 units."""
    message = json.loads((TELEGRAM / folder / "message.json").read_text("utf-8"))
    text = message["text"]
    units = text.encode("utf-16-le")
    links = []
    for entity in message.get("entities", []):
        if entity["type"] == "text_link":
            start = len(units[: entity["offset"] * 2].decode("utf-16-le"))
            end = entity["offset"] + entity["length"]
            anchor = units[entity["offset"] * 2 : end * 2].decode("utf-16-le")
            links.append(Link(entity["url"], anchor, start))
    chat = message["forward_origin"]["chat"]
    origin = Origin("channel", name=chat["title"], username=chat["username"])
    return Article(text=text, links=tuple(links), origin=origin, source_kind="telegram")


async def test_forwarding_channel_is_the_relay_not_the_outlet() -> None:
    result = await check(telegram_article("01-forwarded-atlantic-quote-with-text-links"))
    assert result.data["name"] == "The Atlantic"
    assert result.data["registered_domain"] == "theatlantic.com"
    assert result.data["forwarded_by"] == "@demo_climate_reads (Climate Reading Room (demo))"
    assert "forwarded by channel @demo_climate_reads" in evidence_text(result)
    assert any("Read the essay" in h for h in result.data["how_identified"])


async def test_forwarded_wire_copy_without_links_is_not_identified() -> None:
    result = await check(telegram_article("03-forwarded-tass-text-no-links"))
    assert result.status is Status.INFO
    assert result.data["registered_domain"] is None
    assert result.data["forwarded_by"] == "@demo_msk_roads (Дороги Подмосковья (demo))"
    assert result.summary.startswith("Outlet not identified (forwarded by channel @demo_msk_roads")


async def test_source_link_in_commentary_identifies_the_outlet(
    make_article: Callable[..., Article],
) -> None:
    text = "Is this legit? Sputnik says lockdowns end.\nSource: https://sputniknews.com/radio/1/"
    article = make_article(text, links=bare_url_links(text))
    result = await check(article)
    assert result.data["registered_domain"] == "sputniknews.com"
    assert result.status is Status.WARN


# --- statuses that depend on the table ------------------------------------------------------


async def test_model_estimate_alone_warns_as_an_estimate(
    make_article: Callable[..., Article],
) -> None:
    scores = b'{"example-news.com": {"p+fp-average": -0.82}}'
    ctx = make_context(outlets=OutletTable([], gzip.compress(scores)))
    result = await check(make_article("Text.", url="https://example-news.com/a"), ctx)
    assert result.status is Status.WARN
    assert "no human-rated dataset lists it" in result.summary
    assert f"a model estimates its reliability at -0.82 {IDIAP_SCALE}" in result.summary
    assert result.data["flagged_by"] == []


async def test_without_a_table_the_outlet_is_still_identified(
    make_article: Callable[..., Article],
) -> None:
    ctx = make_context(outlets=None)
    article = make_article("Text.", url="https://www.example.org/a", site_name="Example Daily")
    result = await check(article, ctx)
    assert result.status is Status.INFO
    assert result.data["name"] == "Example Daily"
    assert result.data["ratings"] == []


async def test_never_skips(make_article: Callable[..., Article]) -> None:
    article = replace(make_article("x"), text="")
    result = await check(article)
    assert result.status is Status.INFO


async def test_a_dated_copyright_line_with_the_year_last_names_the_outlet(check_ctx):
    text = (
        "Власти объявили о новых мерах поддержки, сообщили в министерстве во вторник.\n\n"
        "© «Sputnik», 2020"
    )

    result = await Outlet().run(Article(text=text), check_ctx)

    assert result.data["name"] == "Sputnik"
    assert any("© «Sputnik», 2020" in e.quote for e in result.evidence)


async def test_a_state_media_asset_is_named_without_its_kind(check_ctx):
    page = (
        b"<html><head><title>News</title></head><body><article><p>Officials announced the"
        b" measures on Tuesday, the ministry said in a statement to reporters.</p><p>More"
        b" details were given at the briefing later that day.</p></article></body></html>"
    )

    result = await Outlet().run(read_html(page, url="https://iz.ru/1/news"), check_ctx)

    assert result.data["name"] == "Izvestia"


# --- review 2: own channels, wrappers, source lines, groups and blogs -------------------------

RU_BODY = (
    "Правительство заявило во вторник, что план будет пересмотрен комиссией. Критики считают, "
    "что пересмотр запоздал и мало что изменит.\n\n"
)
EN_BODY = (
    "The minister said on Tuesday that the plan would be reviewed by the committee. Critics "
    "said the review came too late and would change little.\n\n"
)


async def test_a_forward_from_the_outlets_own_channel_names_the_outlet() -> None:
    origin = Origin("channel", name="РИА Новости", username="rian_ru")
    result = await check(Article(text=RU_BODY, origin=origin, source_kind="telegram"))
    assert result.summary == "RIA Novosti (ria.ru): flagged by 2 open datasets"
    assert "forwarded from RIA Novosti's own channel @rian_ru (РИА Новости)" in evidence_text(
        result
    )
    assert "relay" not in result.summary


@pytest.mark.parametrize(
    "origin",
    [
        # A title the datasets know, but a handle that is not the outlet's.
        Origin("channel", name="RIA", username="news24demo"),
        # No handle to confirm the title.
        Origin("channel", name="РИА Новости"),
        # A group is never an outlet's channel.
        Origin("chat", name="РИА Новости", username="rian_ru"),
    ],
)
async def test_a_channel_that_only_resembles_an_outlet_stays_a_relay(origin: Origin) -> None:
    result = await check(Article(text=RU_BODY, origin=origin))
    assert result.summary.startswith("Outlet not identified (forwarded by")
    assert result.summary.endswith("which is only the relay)")


async def test_a_forward_from_a_group_is_called_a_group() -> None:
    origin = Origin("chat", name="Group X", username="groupx")
    result = await check(Article(text=RU_BODY, origin=origin))
    assert result.summary == (
        "Outlet not identified (forwarded by group @groupx (Group X), which is only the relay)"
    )
    assert "forwarded by channel" not in evidence_text(result)


@pytest.mark.parametrize(
    ("url", "domain", "wrapper"),
    [
        (
            "https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/world/x",
            "theguardian.com",
            "Google AMP cache",
        ),
        (
            "https://web.archive.org/web/20240312101010/https://www.rt.com/news/123-x/",
            "rt.com",
            "Wayback Machine",
        ),
        (
            "https://archive.ph/2024.03.12-101010/https://www.rt.com/news/123-x/",
            "rt.com",
            "archive.today",
        ),
    ],
)
async def test_a_wrapper_address_is_looked_through_to_the_outlet(
    make_article: Callable[..., Article], url: str, domain: str, wrapper: str
) -> None:
    result = await check(make_article("Some article text.", url=url))
    assert result.data["registered_domain"] == domain
    assert result.data["how_identified"][0].startswith(
        f"wrapper: 'page served through a wrapper, {wrapper}"
    )
    assert wrapper in evidence_text(result)


@pytest.mark.parametrize(
    "url", ["https://news.google.com/articles/CBMiXmh0dHBzOi8v?hl=en", "https://archive.ph/AbCdE"]
)
async def test_a_wrapper_without_the_original_address_is_not_the_outlet(
    make_article: Callable[..., Article], url: str
) -> None:
    result = await check(make_article("Some article text.", url=url))
    assert result.data["registered_domain"] is None
    assert result.summary.startswith("Outlet not identified (page served through a wrapper")
    assert "Google Maps" not in result.summary
    # The kind of wrapper is said in the reader's language, its name kept.
    german = summary_of(result, "de")
    assert german.startswith("Medium nicht erkannt")
    assert "eine archivierte Kopie auf archive.today (archive.ph)" in german or (
        "Google News (news.google.com)" in german
    )
    assert "aggregator" not in german


async def test_a_telegram_post_address_is_its_channels_not_telegrams(
    make_article: Callable[..., Article],
) -> None:
    plain = await check(make_article("Текст поста.", url="https://t.me/news24demo/555"))
    assert plain.data["name"] == "Telegram channel @news24demo"
    assert plain.data["ratings"] == []  # t.me's own rating is not the channel's
    own = await check(
        make_article(
            "Текст поста.", url="https://t.me/rian_ru/234567", meta={"og:title": "РИА Новости"}
        )
    )
    assert own.data["name"] == "RIA Novosti"
    assert own.data["registered_domain"] == "ria.ru"
    assert "own Telegram channel @rian_ru" in evidence_text(own)


@pytest.mark.parametrize(
    ("line", "domain"),
    [
        ("Source: bbc.com", "bbc.com"),
        ("Source: www.bbc.com", "bbc.com"),
        ("Источник: ria.ru", "ria.ru"),
        ("Quelle: tagesschau.de", "tagesschau.de"),
        ("(Джерело: pravda.com.ua)", "pravda.com.ua"),
    ],
)
async def test_a_source_line_with_a_bare_address_names_the_outlet(
    make_article: Callable[..., Article], line: str, domain: str
) -> None:
    result = await check(make_article(EN_BODY * 2 + line))
    assert result.data["registered_domain"] == domain
    assert any(
        h.startswith("source line:") and line.strip("()") in h
        for h in result.data["how_identified"]
    )


async def test_an_address_mentioned_mid_sentence_is_not_a_source_line(
    make_article: Callable[..., Article],
) -> None:
    text = EN_BODY + "The source: bbc.com reported it first, the minister said in a statement."
    result = await check(make_article(text))
    assert result.data["registered_domain"] is None


async def test_a_bare_copyright_on_the_last_line_signs_the_text(
    make_article: Callable[..., Article],
) -> None:
    result = await check(make_article(RU_BODY * 3 + "© РИА Новости"))
    assert result.data["registered_domain"] == "ria.ru"
    assert "© РИА Новости" in evidence_text(result)
    # Mid-text it is a photo credit, as before.
    credit = await check(make_article(RU_BODY + "© РИА Новости\n\n" + RU_BODY))
    assert credit.data["registered_domain"] is None


async def test_a_blogspot_blog_is_named_by_its_subdomain_not_rated_as_blogger(
    make_article: Callable[..., Article],
) -> None:
    result = await check(
        make_article("A post.", url="https://someblog.blogspot.com/2024/03/x.html")
    )
    assert result.data["registered_domain"] == "someblog.blogspot.com"
    assert result.status is Status.INFO
    assert result.data["flagged_by"] == []
    assert "Generally unreliable" not in claims(result)
    assert result.summary == (
        "someblog.blogspot.com: blog not rated; only its platform blogspot.com is rated"
    )
    assert (
        "Generally unreliable — a rating of the platform blogspot.com, not of this blog"
        in evidence_text(result)
    )


async def test_an_image_source_credit_is_not_a_source_line(
    make_article: Callable[..., Article],
) -> None:
    result = await check(make_article(EN_BODY + "Police at the scene. Image source: reuters.com"))
    assert result.data["registered_domain"] is None


async def test_the_site_name_the_reader_chose_beats_a_raw_tagline(check_ctx):
    page = (
        b'<html lang="en"><head><meta property="og:site_name" content="Example News - Breaking'
        b' news, latest headlines and video"><title>Council approves budget | Example News'
        b"</title></head><body><article><h1>Council approves budget</h1><p>The city council"
        b" approved the budget on Tuesday, the mayor said in a statement to reporters after the"
        b" vote.</p><p>The plan raises spending on schools by ten percent, officials said.</p>"
        b"</article></body></html>"
    )
    article = read_html(page, url="https://www.examplenews.com/2024/03/12/budget")

    result = await Outlet().run(article, check_ctx)

    assert result.data["name"] == "Example News"
