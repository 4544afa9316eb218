"""The ClaimReview check on the sample feed and on an injected API fetcher; no network."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from checks import Article, Context, Status
from checks.engine import load_checks
from checks.read.fetch import NotArticle, Page

from sourcecheck_claimreview.check import API, ClaimReviewCheck
from sourcecheck_claimreview.records import read_feed

FEED = Path(__file__).parents[1] / "feeds" / "sample-feed.json"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def ctx(fetcher=None, **settings) -> Context:
    return Context(now=NOW, fetcher=fetcher, settings={"claimreview": settings})


class FakeFetcher:
    """Answers every fetch with one JSON body and records the addresses asked for."""

    def __init__(self, answer: object) -> None:
        self.answer = answer
        self.asked: list[tuple[str, frozenset[str]]] = []

    async def fetch(self, url: str, *, types: frozenset[str]) -> Page:
        self.asked.append((url, types))
        if isinstance(self.answer, Exception):
            raise self.answer
        body = json.dumps(self.answer).encode()
        return Page(url, url, 200, "application/json", "utf-8", body)


def test_the_sample_feed_reads_as_three_fact_checks():
    checks = read_feed(FEED)
    assert [(c.publisher, c.rating, c.date) for c in checks] == [
        ("Example Fact Desk", "False", "2026-11-20"),
        ("Verifica Ejemplo", "Falso", "2026-11-25"),
        ("Example Fact Desk", "Mostly true", "2026-11-26"),
    ]
    assert checks[0].appearances == ("https://news.example.com/2026/11/18/water-supply-poisoned",)


async def test_an_article_at_a_fact_checked_address_lists_the_fact_check():
    article = Article(
        text="Officials denied it.",
        url="https://news.example.com/2026/11/18/water-supply-poisoned/?utm_source=x",
        title="Shock in the city",
    )
    result = await ClaimReviewCheck().run(article, ctx(feed=str(FEED)))
    assert result.status is Status.WARN
    assert result.summary == "1 fact-check of this address or headline: Example Fact Desk"
    assert result.data["fact_checks"] == [
        {
            "claim": "The city's water supply was deliberately poisoned last week",
            "publisher": "Example Fact Desk",
            "rating": "False",
            "date": "2026-11-20",
            "url": "https://factcheck.example.org/2026/11/20/city-water-supply-poisoned/",
            "matched_by": "address",
        }
    ]
    assert result.evidence[0].quote.startswith("Example Fact Desk: False — The city's water")


async def test_a_headline_that_repeats_the_claim_matches_it():
    article = Article(text="…", title="Una vacuna contiene un microchip de rastreo, dicen")
    result = await ClaimReviewCheck().run(article, ctx(feed=str(FEED)))
    assert [(f["publisher"], f["matched_by"]) for f in result.data["fact_checks"]] == [
        ("Verifica Ejemplo", "headline")
    ]


async def test_pasted_text_is_matched_by_its_first_line():
    article = Article(text="The old river bridge will close for two years from January\n\nSo…")
    result = await ClaimReviewCheck().run(article, ctx(feed=str(FEED)))
    assert [f["rating"] for f in result.data["fact_checks"]] == ["Mostly true"]


async def test_an_unrelated_article_has_no_fact_check():
    article = Article(text="…", url="https://elsewhere.example/a", title="Council budget passes")
    result = await ClaimReviewCheck().run(article, ctx(feed=str(FEED)))
    assert result.status is Status.INFO
    assert result.data["fact_checks"] == []


async def test_without_a_feed_or_a_key_the_line_is_skipped():
    result = await ClaimReviewCheck().run(Article(text="x", title="y"), ctx())
    assert result.status is Status.SKIP


async def test_with_a_key_the_headline_is_searched_through_the_fetcher():
    answer = {
        "claims": [
            {
                "text": "The old river bridge will close for two years",
                "claimDate": "2026-11-24T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {
                            "name": "Example Fact Desk",
                            "site": "factcheck.example.org",
                        },
                        "url": "https://factcheck.example.org/2026/11/26/bridge-closure/",
                        "textualRating": "Mostly true",
                        "reviewDate": "2026-11-26T09:00:00Z",
                    }
                ],
            }
        ]
    }
    fetcher = FakeFetcher(answer)
    article = Article(text="…", title="Bridge to close for two years")
    result = await ClaimReviewCheck().run(article, ctx(fetcher, api_key="test-key"))
    [(url, types)] = fetcher.asked
    assert url.startswith(API + "?")
    assert "query=Bridge+to+close+for+two+years" in url
    assert types == frozenset({"application/json"})
    assert [(f["publisher"], f["rating"], f["date"]) for f in result.data["fact_checks"]] == [
        ("Example Fact Desk", "Mostly true", "2026-11-26")
    ]


async def test_without_a_fetcher_the_api_is_not_asked():
    result = await ClaimReviewCheck().run(Article(text="…", title="t"), ctx(api_key="k"))
    assert result.data["asked_api"] is False


async def test_a_refused_api_answer_is_reported_without_the_key():
    fetcher = FakeFetcher(NotArticle("this link is not an article page (type text/html)"))
    result = await ClaimReviewCheck().run(Article(text="…", title="t"), ctx(fetcher, api_key="k"))
    assert result.data["api_error"] == "NotArticle"
    assert "k" not in result.summary.split()


@pytest.mark.parametrize("name", ["claimreview"])
def test_the_installed_package_registers_the_check(name):
    assert name in [c.name for c in load_checks()]
