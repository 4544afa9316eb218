"""The disclaimers check's phrasings, read once from `checks/languages/<code>/disclaimers.toml`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checks.languages import languages as all_languages
from checks.languages import patterns, resource
from checks.regex_parse import opens_lines

KIND = "disclaimers"
CATEGORIES = (
    "sponsored",
    "satire",
    "ai_generated",
    "opinion",
    "liability",
    "views_not_endorsed",
    "affiliate",
    "copyright_notice",
    "correction",
    "funding",
    "disclosure",
    "partner",
    "press_release",
)


def languages() -> tuple[str, ...]:
    """English first: labels written in English ("Update:") are used by pages in any language,
    so a finding's language is English when another language's phrasing also matches."""
    return tuple(sorted(all_languages(), key=lambda code: code != "en"))


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrasing of one kind of disclaimer."""

    category: str
    language: str
    regex: re.Pattern[str]
    example: str
    # "sentence": quote the sentence around the match; "line": quote the whole line.
    scope: str = "sentence"
    # Also searched in the page furniture (site-wide notices in footers and sidebars).
    furniture: bool = True
    # Only in the first or last lines of the article text, where notes and labels sit: the
    # same words in the middle are usually about something else (another article's note).
    edge_only: bool = False
    top_only: bool = False  # with edge_only: only the first lines (bottom lines hold ad slots)
    end_only: bool = False  # with edge_only: only the last lines (a rights line closing the text)
    # The rest of the line after the match must be words, not just a date ("Updated: 9:14 PM").
    needs_words_after: bool = False
    # The sentence must go on for this many words after the match.
    words_after: int = 0
    label: str = ""  # how the summary names it when it differs from the category
    # Lower-case fragments of which every match contains one: a fast test that lets the
    # check skip the regular expression for most texts.
    keys: tuple[str, ...] = ()
    # Every match opens at a line start ("^", multi-line): a line is tried at its start only.
    anchored: bool = False

    @property
    def place(self) -> str:
        """Where in the text it counts: "top", "end" or "edge" (either)."""
        return "top" if self.top_only else "end" if self.end_only else "edge"


def _pattern(language: str, regex: re.Pattern[str], example: str, entry: dict) -> Pattern:
    place = entry.get("place", "")
    if entry["category"] not in CATEGORIES:
        raise ValueError(f"{language}/{KIND}.toml: unknown category {entry['category']!r}")
    return Pattern(
        entry["category"],
        entry.get("lang", language),  # the portals' file names each pattern's language
        regex,
        example,
        scope=entry.get("scope", "sentence"),
        furniture=entry.get("in_furniture", True),
        edge_only=place in ("edge", "top", "end"),
        top_only=place == "top",
        end_only=place == "end",
        needs_words_after=entry.get("needs_words_after", False),
        words_after=entry.get("words_after", 0),
        label=entry.get("label", ""),
        keys=tuple(entry.get("keys", ())),
        anchored=opens_lines(regex),
    )


def _words(key: str) -> frozenset[str]:
    return frozenset(w for code in languages() for w in resource(KIND, code).get(key, ()))


def _either(regexes: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r.pattern})" for r in regexes), re.I)


# Chinese and Japanese portals' forms: read on every page, though not a language we read yet.
PORTALS = "_portals"
PATTERNS: tuple[Pattern, ...] = tuple(
    _pattern(code, p.regex, p.example, dict(p.entry))
    for code in (*languages(), PORTALS)
    for p in patterns(KIND, code)
    if p.path.startswith("patterns[")
)
LANGUAGES = tuple(dict.fromkeys(languages()))
# A note saying the (advertising) disclosure printed on the page does not apply to this piece.
NEGATION = _either(
    p.regex for code in languages() for p in patterns(KIND, code) if p.path.startswith("negations")
)
NEGATED_CATEGORIES = frozenset({"affiliate", "sponsored"})

# Section names, URL path segments and JSON-LD types that mark opinion, sponsored pieces and
# press releases.
OPINION_SECTIONS = _words("opinion_sections")
OPINION_URL_SEGMENTS = _words("opinion_url_segments")
OPINION_SLUG_PREFIXES = tuple(sorted(_words("opinion_slug_prefixes")))
OPINION_TITLE_LABELS = _words("opinion_title_labels")
SPONSORED_SECTIONS = _words("sponsored_sections")
SPONSORED_URL_SEGMENTS = _words("sponsored_url_segments")
NEWS_URL_SEGMENTS = _words("news_url_segments")
PRESS_RELEASE_SECTIONS = _words("press_release_sections")
PRESS_RELEASE_URL_SEGMENTS = _words("press_release_url_segments")
# A platform of many writers' blogs (blogs.mediapart.fr); a company's own "blog." host is not.
OPINION_HOST_LABELS = frozenset({"blogs"})
# Folders that say opinion only when no news folder stands beside them.
BLOG_URL_SEGMENTS = frozenset({"blogs", "blog"})
OPINION_JSONLD = re.compile(r"\bOpinionNewsArticle\b")
