"""lateral: where else to look, as links built from the article; no request is made."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from checks.builtin.lateral import KINDS, Lateral
from checks.model import Article, Context, Status
from checks.read.html_page import read_html
from checks.read.text import read_markdown

ROOT = Path(__file__).parents[2]
SEED = ROOT / "checks" / "samples" / "globalresearch-belgorod.md"
BODY = "<p>" + "The council met on Monday and voted on the budget for next year. " * 8 + "</p>"


class RefusingFetcher:
    """Fails the test if the check asks the network anything."""

    async def fetch(self, url: str) -> None:
        raise AssertionError(f"lateral fetched {url}")

    async def probe(self, url: str) -> None:
        raise AssertionError(f"lateral probed {url}")


CTX = Context(now=datetime(2024, 6, 1, tzinfo=UTC), fetcher=RefusingFetcher())


def kinds(result) -> list[str]:
    return [link["kind"] for link in result.data["links"]]


async def test_a_web_page_gets_searches_an_archive_and_the_outlets_own_pages():
    html = (
        "<html><head><title>Council passes budget | Daily Example</title>"
        '<meta property="og:site_name" content="Daily Example">'
        '<meta property="og:title" content="Council passes budget">'
        '<link rel="canonical" href="https://news.example.com/2024/05/budget"></head><body>'
        f"<article><h1>Council passes budget</h1>{BODY}</article>"
        '<footer><a href="/about-us">About us</a> <a href="/corrections">Corrections</a>'
        '<a href="https://other.example.org/about">About them</a></footer></body></html>'
    )
    article = read_html(html.encode(), url="https://news.example.com/2024/05/budget?utm=x")
    result = await Lateral().run(article, CTX)
    assert result.status is Status.INFO
    assert result.data["links"] == [
        {
            "kind": "news_search",
            "label": "Other reports of this story",
            "url": "https://news.google.com/search?q=Council+passes+budget",
        },
        {
            "kind": "fact_check_search",
            "label": "Fact-checks of this claim",
            "url": "https://toolbox.google.com/factcheck/explorer/search/Council%20passes%20budget",
        },
        {
            "kind": "archive",
            "label": "Archived copies (Wayback Machine)",
            "url": "https://web.archive.org/web/https://news.example.com/2024/05/budget",
        },
        {"kind": "about", "label": "About the outlet", "url": "https://news.example.com/about-us"},
        {
            "kind": "corrections",
            "label": "The outlet's corrections or standards page",
            "url": "https://news.example.com/corrections",
        },
    ]
    assert [e.url for e in result.evidence] == [link["url"] for link in result.data["links"]]


async def test_a_canonical_address_on_another_site_is_the_original():
    html = (
        "<html><head><title>Storm hits coast</title>"
        '<link rel="canonical" href="https://wire.example.org/storm-hits-coast"></head>'
        f"<body><article>{BODY}</article></body></html>"
    )
    article = read_html(html.encode(), url="https://reposter.example.net/storm")
    result = await Lateral().run(article, CTX)
    assert result.data["links"][0] == {
        "kind": "original",
        "label": "The original it names",
        "url": "https://wire.example.org/storm-hits-coast",
    }


async def test_every_link_has_a_known_kind_a_label_and_an_address():
    result = await Lateral().run(read_markdown(SEED.read_text("utf-8")), CTX)
    assert kinds(result) == ["news_search", "fact_check_search"]
    for link in result.data["links"]:
        assert set(link) == {"kind", "label", "url"}
        assert link["kind"] in KINDS
        assert link["url"].startswith("https://")
    assert "Belgorod+Attack+Helps+Kiev" in result.data["links"][0]["url"]


async def test_pasted_text_searches_its_first_line():
    article = Article(text="Пожар в торговом центре в Казани потушен\n\nПодробности позже.")
    result = await Lateral().run(article, CTX)
    assert result.data["headline"] == "Пожар в торговом центре в Казани потушен"


async def test_nothing_to_build_from_is_skipped():
    result = await Lateral().run(Article(text="ok"), CTX)
    assert result.status is Status.SKIP


def test_the_documented_link_kinds_are_the_telegram_contract():
    assert KINDS == ("original", "news_search", "fact_check_search", "archive", "about",
                     "corrections")  # fmt: skip
