"""Fact-checks: ClaimReview records that concern the article's address or its headline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from checks import Article, Context, Evidence, Result, Status
from checks.read.fetch import FetchError

from sourcecheck_claimreview.records import FactCheck, from_api, matches, read_feed

API = "https://factchecktools.googleapis.com/v1alpha1/claims:search"
OVERLAP = 0.6  # share of the shorter text's words the claim and the headline must share
MAX_LISTED = 10
JSON_TYPES = frozenset({"application/json"})

_feed_cache: dict[tuple[str, int], tuple[FactCheck, ...]] = {}


def feed_records(path: Path) -> tuple[FactCheck, ...]:
    """A feed file's records, re-read only when the file changes."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _feed_cache:
        _feed_cache.clear()
        _feed_cache[key] = read_feed(path)
    return _feed_cache[key]


async def api_records(query: str, key: str, ctx: Context) -> tuple[FactCheck, ...]:
    """The Fact Check Tools API's answer for a query, through the guarded fetcher."""
    fetch = getattr(ctx.fetcher, "fetch", None)
    if fetch is None:
        return ()
    url = f"{API}?{urlencode({'query': query, 'key': key, 'pageSize': 10})}"
    page = await fetch(url, types=JSON_TYPES)
    body = getattr(page, "body", b"")
    return from_api(json.loads(body.decode("utf-8") if isinstance(body, bytes) else body))


def _first_line(text: str) -> str | None:
    """Pasted text has no title: its first line, when it reads like one, stands in."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:200] if len(first.split()) >= 4 else None


class ClaimReviewCheck:
    name = "claimreview"
    title = "Fact-checks"

    async def run(self, article: Article, ctx: Context) -> Result:
        settings = ctx.settings.get(self.name, {})
        feed, key = settings.get("feed"), settings.get("api_key")
        if not feed and not key:
            return Result(Status.SKIP, "No ClaimReview feed or API key configured")
        address = article.canonical_url or article.url
        headline = article.title or _first_line(article.text)
        records: list[tuple[FactCheck, str]] = []
        if feed:
            for record in feed_records(Path(feed)):
                why = matches(record, address, headline, OVERLAP)
                if why:
                    records.append((record, why))
        asked_api = False
        api_error = ""
        if key and headline and ctx.fetcher is not None:
            asked_api = True
            try:
                for record in await api_records(headline, str(key), ctx):
                    records.append((record, "API search"))
            except (FetchError, ValueError) as exc:
                # str(exc) names the host and the reason, never the address with its key
                api_error = type(exc).__name__
        seen: set[str] = set()
        unique = []
        for record, why in records:
            if record.url not in seen:
                seen.add(record.url)
                unique.append((record, why))
        data: dict[str, Any] = {
            "fact_checks": [
                {
                    "claim": r.claim,
                    "publisher": r.publisher,
                    "rating": r.rating,
                    "date": r.date,
                    "url": r.url,
                    "matched_by": why,
                }
                for r, why in unique
            ],
            "asked_api": asked_api,
            "api_error": api_error,
        }
        if not unique:
            return Result(
                Status.INFO, "No fact-check found for this address or headline", data=data
            )
        evidence = tuple(
            Evidence(
                f"{r.publisher}: {r.rating} — {r.claim}",
                where=f"ClaimReview {r.date} (matched by {why})",
                url=r.url or None,
            )
            for r, why in unique[:MAX_LISTED]
        )
        publishers = ", ".join(sorted({r.publisher for r, _ in unique if r.publisher}))
        return Result(
            Status.WARN,
            f"{len(unique)} fact-check{'s' if len(unique) != 1 else ''} of this address or"
            f" headline: {publishers}",
            evidence,
            data,
        )
