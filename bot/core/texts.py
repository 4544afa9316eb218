"""What every platform's bot says in the same words (HTML: <b>, <i>, links)."""

from __future__ import annotations

from html import escape

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

ABOUT = """\
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


def rate_limited(limit: int, seconds: float) -> str:
    wait = max(1, round(seconds))
    return (
        f"You have asked for {limit} checks in the last minute, the most I do for one person."
        f" Please try again in {wait} s."
    )


# Most specific first: each kind of failed fetch gets its own advice.
_FETCH_REPLIES: tuple[tuple[type[FetchError], str], ...] = (
    (BlockedAddress, "I do not fetch that address ({reason}). I only read public web pages."),
    (
        FetchTimeout,
        "The site took too long to answer ({reason}). Try again later, or paste"
        " the article's text.",
    ),
    (
        Unreachable,
        "I could not reach the site ({reason}). Check the link, or paste the article's text.",
    ),
    (TooLarge, "That page is too large for me to read ({reason})."),
    (
        NotArticle,
        "That link is not an article page I can read ({reason}). Paste the"
        " article's text instead.",
    ),
    (TooManyRedirects, "That link sends me from page to page ({reason})."),
    (HTTPStatusError, "The site did not give me the page ({reason})."),
)


def fetch_failed(error: FetchError) -> str:
    reason = escape(str(error))
    for kind, template in _FETCH_REPLIES:
        if isinstance(error, kind):
            return template.format(reason=reason)
    return f"I could not read that link ({reason})."
