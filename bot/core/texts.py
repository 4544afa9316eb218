"""What every platform's bot says in the same words (HTML: <b>, <i>, links)."""

from __future__ import annotations

from html import escape

from checks.i18n import DEFAULT, Messages
from checks.read.fetch import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NotArticle,
    TooLarge,
    TooManyRedirects,
    Unreachable,
)

ABOUT_EN = """\
<b>Data sources</b> (open datasets, each under its own licence; the outlet check cites the \
row it used):
• <b>CRED-1</b> open domain credibility dataset, snapshot 2026-08-04, by Alexander Loth, \
Martin Kappes and Marc-Oliver Pahl, built from OpenSources.co and the Iffy.news Index — \
CC BY 4.0. https://github.com/aloth/cred-1
• <b>Wikipedia: Reliable sources/Perennial sources</b>, retrieved 2021-03-17, by Wikipedia \
contributors, compiled by Tim Schatto-Eckrodt — CC BY-SA 3.0. \
https://github.com/Kudusch/wikipedia-perennial-sources
• <b>State Media Profiles</b>, 2023-08-24, Alliance for Securing Democracy at the German \
Marshall Fund, seeded from the State Media Monitor — MIT. \
https://github.com/ASD-at-GMF/state-media-profiles
• <b>News Media Reliability</b> estimates (CC-News 2019–2022) by Burdisso, Sánchez-Cortés, \
Villatoro-Tello and Motlicek, Idiap — Apache-2.0; a model's estimate from how outlets link \
to each other, not an editorial rating. https://github.com/idiap/News-Media-Reliability

A dataset that does not list an outlet means "not rated", not "reliable". \
sourcecheck itself is MIT-licensed."""


M = Messages(
    __name__,
    {
        "bot.about": ABOUT_EN,
        "bot.rate_limited": "You have asked for {limit} checks in the last minute, the most I do"
        " for one person. Please try again in {wait} s.",
        "bot.fetch.blocked": "I do not fetch that address ({reason})."
        " I only read public web pages.",
        "bot.fetch.timeout": "The site took too long to answer ({reason}). Try again later, or"
        " paste the article's text.",
        "bot.fetch.unreachable": "I could not reach the site ({reason}). Check the link, or paste"
        " the article's text.",
        "bot.fetch.too_large": "That page is too large for me to read ({reason}).",
        "bot.fetch.not_article": "That link is not an article page I can read ({reason}). Paste"
        " the article's text instead.",
        "bot.fetch.redirects": "That link sends me from page to page ({reason}).",
        "bot.fetch.status": "The site did not give me the page ({reason}).",
        "bot.fetch.other": "I could not read that link ({reason}).",
    },
)
ABOUT = M.text("bot.about", DEFAULT)


def about(lang: str = DEFAULT) -> str:
    return M.text("bot.about", lang)


def rate_limited(limit: int, seconds: float, lang: str = DEFAULT) -> str:
    wait = max(1, round(seconds))
    return M.text("bot.rate_limited", lang, limit=limit, wait=wait)


# Most specific first: each kind of failed fetch gets its own advice.
_FETCH_REPLIES: tuple[tuple[type[FetchError], str], ...] = (
    (BlockedAddress, "bot.fetch.blocked"),
    (FetchTimeout, "bot.fetch.timeout"),
    (Unreachable, "bot.fetch.unreachable"),
    (TooLarge, "bot.fetch.too_large"),
    (NotArticle, "bot.fetch.not_article"),
    (TooManyRedirects, "bot.fetch.redirects"),
    (HTTPStatusError, "bot.fetch.status"),
)


def fetch_failed(error: FetchError, lang: str = DEFAULT) -> str:
    """What went wrong, in `lang`; the reason itself (a technical detail) as it was given."""
    key = next((k for kind, k in _FETCH_REPLIES if isinstance(error, kind)), "bot.fetch.other")
    return escape(M.text(key, lang, reason="\0")).replace("\0", escape(str(error)))
