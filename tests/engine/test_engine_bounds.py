"""The checks see at most a bounded part of a pathological article, marked as partial."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.engine import MAX_LINKS, MAX_TEXT_CHARS, bounded, run
from checks.model import Article, Context, Link, Result, Status

NOW = datetime(2026, 6, 1, tzinfo=UTC)


class LengthCheck:
    name = "length"
    title = "Length"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"{len(article.text)} characters, {len(article.links)} links")


def test_a_real_sized_article_is_given_as_it_is():
    article = Article(text="A report. " * 5_000, links=(Link("https://a.example/", "a", 3),))
    assert bounded(article) is article


async def test_a_pathological_article_is_checked_on_its_first_part_and_says_so():
    links = tuple(Link(f"https://s{n}.example/", "x", n * 100) for n in range(MAX_LINKS * 2))
    article = Article(text="word " * 200_000, links=links, title="T" * 50_000)
    checklist = await run(article, [LengthCheck()], Context(now=NOW))

    assert checklist.outcomes[0].result.summary == f"{MAX_TEXT_CHARS} characters, 3000 links"
    assert checklist.article.visibility.text == "partial"
    assert "only the first 300,000 characters" in checklist.article.visibility.reason
    assert len(checklist.article.title or "") == 2_000
