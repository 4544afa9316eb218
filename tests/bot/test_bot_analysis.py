"""The bot's analyst: links fetched here, read and checked in a worker, cached sealed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.core.analysis import Analyst, TooSlowToRead
from checks.model import Article, Context, Result, Status
from checks.read.article_cache import ArticleCache
from checks.read.fetch import Page
from checks.worker_pool import AnalysisPool

NOW = datetime(2026, 6, 1, tzinfo=UTC)


class TitleCheck:
    name = "title"
    title = "Title"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"Title: {article.title}")


class PageFetcher:
    """Answers every link with one page, without any network."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.fetched: list[str] = []

    async def fetch(self, url: str) -> Page:
        self.fetched.append(url)
        return Page(url, url, 200, "text/html", "utf-8", self.body)


def links_page(count: int) -> bytes:
    links = " ".join(f'<a href="https://s{i}.example.com/">l{i}</a>' for i in range(count))
    return f"<html><head><title>Many</title></head><body><p>{links}</p></body></html>".encode()


@pytest.fixture
async def analyst(tmp_path):
    pool = AnalysisPool([TitleCheck()], lambda now: Context(now=now), workers=1)
    cache = ArticleCache(tmp_path / "c.db", secret=b"k" * 32)
    fetcher = PageFetcher(b"<html><head><title>Hello</title></head><body><p>Hi.</p></body></html>")
    made = Analyst(pool, fetcher, cache)  # type: ignore[arg-type]
    yield made
    await made.aclose()
    cache.close()


async def test_a_link_is_read_in_a_worker_and_its_article_cached(analyst):
    first = await analyst.check_link(
        "https://news.example/a", [TitleCheck()], now=NOW, received=NOW
    )
    again = await analyst.check_link(
        "https://news.example/a", [TitleCheck()], now=NOW, received=NOW
    )
    assert [o.result.summary for o in (*first.outcomes, *again.outcomes)] == ["Title: Hello"] * 2
    assert analyst.fetcher.fetched == ["https://news.example/a"]  # the second came from the cache


async def test_a_page_too_slow_to_read_is_refused_in_time_and_not_cached(analyst):
    analyst.pool.read_seconds = 0.3
    analyst.fetcher.body = links_page(40_000)
    with pytest.raises(TooSlowToRead, match=r"too complex to read within 0\.3 s"):
        await analyst.check_link("https://big.example/", [TitleCheck()], now=NOW, received=NOW)
    assert analyst.cache.get("https://big.example/") is None
