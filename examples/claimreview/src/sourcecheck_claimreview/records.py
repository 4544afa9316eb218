"""ClaimReview records: read from a feed file (the JSON fact-checkers publish, as the public
ClaimReview data feeds aggregate it) or from the Google Fact Check Tools API's answer."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+")
MIN_SHARED = 3  # words of four letters or more a claim and a headline must share


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One fact-check of one claim, as its publisher wrote it."""

    claim: str
    publisher: str
    rating: str
    date: str
    url: str
    appearances: tuple[str, ...] = ()  # addresses where the claim was seen


def _text(value: Any) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("alternateName") or "")
    if isinstance(value, list) and value:
        return _text(value[0])
    return ""


def _urls(value: Any) -> Iterator[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.startswith(("http://", "https://")):
            yield item
        elif isinstance(item, Mapping):
            yield from _urls(item.get("url"))


def from_claimreview(record: Mapping[str, Any]) -> FactCheck | None:
    """A schema.org ClaimReview object -> FactCheck (None if it is not one)."""
    kinds = record.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "ClaimReview" not in kinds:
        return None
    reviewed = record.get("itemReviewed") or {}
    rating = record.get("reviewRating") or {}
    appearances = []
    if isinstance(reviewed, Mapping):
        appearances += list(_urls(reviewed.get("appearance")))
        appearances += list(_urls(reviewed.get("firstAppearance")))
        author = reviewed.get("author")
        if isinstance(author, Mapping):
            appearances += list(_urls(author.get("sameAs")))
    return FactCheck(
        claim=_text(record.get("claimReviewed")),
        publisher=_text(record.get("author")),
        rating=_text(rating.get("alternateName") if isinstance(rating, Mapping) else ""),
        date=str(record.get("datePublished") or "")[:10],
        url=str(record.get("url") or ""),
        appearances=tuple(appearances),
    )


def _objects(node: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _objects(item)
    elif isinstance(node, Mapping):
        yield node
        for key in ("@graph", "dataFeedElement", "item"):
            if key in node:
                yield from _objects(node[key])


def read_feed(path: Path) -> tuple[FactCheck, ...]:
    """Every ClaimReview in a feed file: a DataFeed, a list, or one record per line (JSONL)."""
    raw = path.read_text("utf-8")
    try:
        documents: Iterable[Any] = [json.loads(raw)]
    except json.JSONDecodeError:
        documents = [json.loads(line) for line in raw.splitlines() if line.strip()]
    found = []
    for document in documents:
        for obj in _objects(document):
            check = from_claimreview(obj)
            if check is not None:
                found.append(check)
    return tuple(found)


def from_api(answer: Mapping[str, Any]) -> tuple[FactCheck, ...]:
    """The Fact Check Tools API's `claims:search` answer -> FactChecks."""
    found = []
    for claim in answer.get("claims", []):
        for review in claim.get("claimReview", []):
            found.append(
                FactCheck(
                    claim=_text(claim.get("text")),
                    publisher=_text(review.get("publisher")),
                    rating=_text(review.get("textualRating")),
                    date=str(review.get("reviewDate") or claim.get("claimDate") or "")[:10],
                    url=str(review.get("url") or ""),
                )
            )
    return tuple(found)


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(unicodedata.normalize("NFKC", text).casefold()) if len(w) > 3}


def _page(url: str) -> str:
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").split("://", 1)[-1].lower()


def matches(check: FactCheck, address: str | None, headline: str | None, overlap: float) -> str:
    """Why a fact-check concerns this article: "address", "headline", or "" (it does not)."""
    if address and any(_page(a) == _page(address) for a in check.appearances):
        return "address"
    if headline and check.claim:
        want, have = words(check.claim), words(headline)
        shared = len(want & have)
        if shared >= MIN_SHARED and shared / min(len(want), len(have)) >= overlap:
            return "headline"
    return ""
