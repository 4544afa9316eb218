"""The article cache: one key per page, a time to live, and a faithful round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.model import Article, Link, Origin
from checks.read.article_cache import (
    ArticleCache,
    article_from_json,
    article_to_json,
    default_path,
)

ARTICLE = Article(
    text="Officials said on Monday that the bridge would reopen.",
    links=(Link(url="https://example.org/report", text="said", position=10),),
    url="https://news.example/a",
    title="Bridge to reopen",
    byline="A. Writer",
    site_name="News Example",
    published=datetime(2026, 11, 23, 8, 30, tzinfo=UTC),
    published_basis="page metadata",
    canonical_url="https://news.example/a",
    language="en",
    origin=Origin(kind="url", url="https://news.example/a?utm_source=x"),
    received=datetime(2026, 11, 24, 12, tzinfo=UTC),
    furniture_text="© News Example",
    meta={"og:type": "article"},
    source_kind="html",
)


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://News.Example/a", "https://news.example/a"),
        ("https://news.example:443/a#comments", "https://news.example/a"),
        ("http://news.example:8080", "http://news.example:8080/"),
        ("https://news.example./a?id=7&utm_source=tg&fbclid=x", "https://news.example/a?id=7"),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?b=2&a=1"),
        ("https://münchen.example/straße", "https://xn--mnchen-3ya.example/stra%C3%9Fe"),
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
    ],
)
def test_urls_of_one_page_share_one_key(url, key):
    cache = ArticleCache(memory=True)
    cache.put(key, ARTICLE, now=0)

    assert cache.get(url, now=1) == ARTICLE


def test_an_article_survives_the_round_trip_whole():
    assert article_from_json(article_to_json(ARTICLE)) == ARTICLE


def test_entries_expire_after_their_time_to_live():
    cache = ArticleCache(memory=True, ttl=60)
    cache.put("https://news.example/a", ARTICLE, now=1000)

    assert cache.get("https://news.example/a", now=1059) == ARTICLE
    assert cache.get("https://news.example/a", now=1060) is None
    assert cache.purge(now=1060) == 1


def test_the_cache_file_lives_where_it_is_told_or_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    ArticleCache(tmp_path / "sub" / "c.db").put("https://news.example/a", ARTICLE)

    assert default_path() == tmp_path / "data" / "sourcecheck" / "cache.db"
    assert ArticleCache(tmp_path / "sub" / "c.db").get("https://news.example/a") == ARTICLE
