"""Where else to look: links a fact-checker would follow next, built from the article itself.

No request is made: each link is an address built from the headline, the page's address, the
original it names in its metadata, and the outlet's own "about" or corrections page when the
page links one. `data["links"]` is a list of {"kind", "label", "url"}; the bot shows them as
buttons.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, quote_plus

from checks.domains import registered_domain
from checks.i18n import Messages, Plural
from checks.model import Article, Context, Evidence, Result, Status

M = Messages(
    __name__,
    {
        "lateral.title": "Where else to look",
        "lateral.none": "no headline or address to build links from",
        "lateral.places": Plural(
            "{count} place to look next: {kinds}", "{count} places to look next: {kinds}"
        ),
        "lateral.link.original": "The original it names",
        "lateral.link.news_search": "Other reports of this story",
        "lateral.link.fact_check_search": "Fact-checks of this claim",
        "lateral.link.archive": "Archived copies (Wayback Machine)",
        "lateral.link.about": "About the outlet",
        "lateral.link.corrections": "The outlet's corrections or standards page",
        "lateral.kind.original": "the original it names",
        "lateral.kind.news_search": "other reports of this story",
        "lateral.kind.fact_check_search": "fact-checks of this claim",
        "lateral.kind.archive": "archived copies (Wayback Machine)",
        "lateral.kind.about": "about the outlet",
        "lateral.kind.corrections": "the outlet's corrections or standards page",
    },
)

KINDS = ("original", "news_search", "fact_check_search", "archive", "about", "corrections")
NEWS_SEARCH = "https://news.google.com/search?q={query}"
FACT_CHECK_SEARCH = "https://toolbox.google.com/factcheck/explorer/search/{query}"
WAYBACK = "https://web.archive.org/web/{url}"
MAX_QUERY = 150
_SITE_SUFFIX = re.compile(r"\s+[|–—·:-]\s+[^|–—·:-]{2,60}$")
# Metadata keys that name where the piece first appeared.
_ORIGINAL_KEYS = ("isBasedOn", "isbasedon", "syndication-source", "original-source")


class Lateral:
    name = "lateral"
    title_message = M("lateral.title")
    title = title_message.english

    async def run(self, article: Article, ctx: Context) -> Result:
        headline = _headline(article)
        address = article.canonical_url or article.url
        links: list[dict[str, str]] = []
        original = _original(article, address)
        if original:
            links.append({"kind": "original", "label": "The original it names", "url": original})
        if headline:
            query = quote_plus(headline[:MAX_QUERY])
            links.append(
                {
                    "kind": "news_search",
                    "label": "Other reports of this story",
                    "url": NEWS_SEARCH.format(query=query),
                }
            )
            links.append(
                {
                    "kind": "fact_check_search",
                    "label": "Fact-checks of this claim",
                    "url": FACT_CHECK_SEARCH.format(query=quote(headline[:MAX_QUERY], safe="")),
                }
            )
        if address and address.startswith(("http://", "https://")):
            links.append(
                {
                    "kind": "archive",
                    "label": "Archived copies (Wayback Machine)",
                    "url": WAYBACK.format(url=address),
                }
            )
        links += _outlet_pages(article)
        if not links:
            return Result(Status.SKIP, message=M("lateral.none"))
        # The label is ours, not the article's: it is said as the place, in the reader's words.
        evidence = tuple(
            Evidence("", link["label"], link["url"], M(f"lateral.link.{link['kind']}"))
            for link in links
        )
        kinds = [M(f"lateral.kind.{link['kind']}") for link in links]
        data: dict[str, Any] = {"links": links, "headline": headline}
        return Result(
            Status.INFO,
            evidence=evidence,
            data=data,
            message=M("lateral.places", count=len(links), kinds=kinds),
        )


def _headline(article: Article) -> str | None:
    title = (article.title or "").strip()
    if not title and article.source_kind in ("text", "markdown", "telegram"):
        first = next((line for line in article.text.splitlines() if line.strip()), "")
        title = first.strip()[:MAX_QUERY] if len(first.split()) >= 4 else ""
    if not title:
        return None
    site = (article.site_name or "").strip()
    trimmed = _SITE_SUFFIX.sub("", title) if site and title.endswith(site) else title
    return " ".join(trimmed.split()) or None


def _original(article: Article, address: str | None) -> str | None:
    """The original the page itself declares (JSON-LD isBasedOn, a syndication-source meta
    or a canonical address on another site); never read off another check."""
    for item in article.declared:
        if item.key in _ORIGINAL_KEYS and item.value.startswith(("http://", "https://")):
            return item.value
    for key in _ORIGINAL_KEYS:
        value = article.meta.get(key.lower(), "")
        if value.startswith(("http://", "https://")):
            return value
    if article.url and article.canonical_url:
        here, there = registered_domain(article.url), registered_domain(article.canonical_url)
        if here and there and here != there:
            return article.canonical_url
    return None


def _outlet_pages(article: Article) -> list[dict[str, str]]:
    """The outlet's "about" and corrections pages, as the reader found them linked."""
    found = []
    about = article.meta.get("outlet_about_url")
    if about:
        found.append({"kind": "about", "label": "About the outlet", "url": about})
    corrections = article.meta.get("outlet_corrections_url")
    if corrections:
        label = "The outlet's corrections or standards page"
        found.append({"kind": "corrections", "label": label, "url": corrections})
    return found
