"""Disclaimers: where the outlet limits its responsibility, or labels the piece for what it is."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import unquote, urlsplit

import ahocorasick

from checks import regex_parse
from checks.builtin._disclaimer_rules import (
    BLOG_URL_SEGMENTS,
    CATEGORIES,
    NEGATED_CATEGORIES,
    NEGATION,
    NEWS_URL_SEGMENTS,
    OPINION_HOST_LABELS,
    OPINION_JSONLD,
    OPINION_SECTIONS,
    OPINION_SLUG_PREFIXES,
    OPINION_TITLE_LABELS,
    OPINION_URL_SEGMENTS,
    PATTERNS,
    PRESS_RELEASE_SECTIONS,
    PRESS_RELEASE_URL_SEGMENTS,
    SPONSORED_SECTIONS,
    SPONSORED_URL_SEGMENTS,
    Pattern,
)
from checks.i18n import Messages, Plural
from checks.i18n.common import could_not_look, judged_visible
from checks.i18n.places import place as place_of
from checks.languages import resource
from checks.model import Article, Block, Context, Evidence, Message, Region, Result, Status
from checks.read.regions import CRUMB_SEPARATOR, place_name
from checks.sentence_ends import Abbreviations, abbreviations_of, ends_no_sentence

M = Messages(
    __name__,
    {
        "disclaimers.title": "Disclaimers",
        "disclaimers.none": "No disclaimer found",
        "disclaimers.none_visible": "No disclaimer found in the visible part ({reason})",
        "disclaimers.found": "{names}",
        "disclaimers.found_quoted": Plural("{names} ({count} quoted)", "{names} ({count} quoted)"),
        "disclaimers.warning": "{warning}",
        "disclaimers.warning_quoted": Plural(
            "{warning} ({count} quoted)", "{warning} ({count} quoted)"
        ),
        "disclaimers.warning_also": "{warning}; also {names}",
        "disclaimers.warning_also_quoted": Plural(
            "{warning}; also {names} ({count} quoted)", "{warning}; also {names} ({count} quoted)"
        ),
        "disclaimers.not_applying": "{name} (the page says it does not apply)",
        "disclaimers.where": "{name}, {place}",
        "disclaimers.warn.sponsored": "Marked as sponsored content",
        "disclaimers.warn.satire": "The site calls itself satire",
        "disclaimers.warn.ai_generated": "Says it was made with AI",
        "disclaimers.name.liability": "liability",
        "disclaimers.name.views_not_endorsed": "views not the outlet's",
        "disclaimers.name.sponsored": "sponsored",
        "disclaimers.name.affiliate": "affiliate links",
        "disclaimers.name.copyright_notice": "copyright notice",
        "disclaimers.name.correction": "correction/update note",
        "disclaimers.name.satire": "satire",
        "disclaimers.name.opinion": "opinion",
        "disclaimers.name.ai_generated": "AI-generated",
        "disclaimers.name.funding": "funding note",
        "disclaimers.name.disclosure": "disclosure statement",
        "disclaimers.name.partner": "partner content",
        "disclaimers.name.press_release": "press release",
        # Labels the language files give a kind of notice (`label = "…"`).
        "disclaimers.label.fair_use": "fair use",
        "disclaimers.label.licence": "licence",
        "disclaimers.label.unpaid_advertising_label": "unpaid advertising label",
    },
)

MAX_QUOTE = 300
QUOTE_LEAD = 60  # characters of context kept before a label far into a long line
MAX_PER_CATEGORY = 3
SHORT_SENTENCE = 60  # a shorter sentence gets the one before it, for context
# Where the article text's own notes and labels may stand. On a web page whose regions the
# reader found, the kicker, byline and end notes are regions of their own, searched whole;
# in the body only its opening and closing paragraphs count (a note the extractor kept).
BODY_EDGE_PARAGRAPHS = 2
# Pasted text and pages without regions: the first or last non-blank lines. Short lines of
# page furniture (byline, date, tags, "Share this article") can push notes a little further:
# up to EDGE_EXTRA_LINES more lines count while they start within the first or last few
# hundred characters.
EDGE_LINES_TOP = 3
EDGE_LINES_BOTTOM = 6
EDGE_EXTRA_LINES = 2
EDGE_CHARS_TOP = 160
EDGE_CHARS_BOTTOM = 600
WARN_CATEGORIES = {
    "sponsored": "Marked as sponsored content",
    "satire": "The site calls itself satire",
    "ai_generated": "Says it was made with AI",
}
NAMES = {
    "liability": "liability",
    "views_not_endorsed": "views not the outlet's",
    "sponsored": "sponsored",
    "affiliate": "affiliate links",
    "copyright_notice": "copyright notice",
    "correction": "correction/update note",
    "satire": "satire",
    "opinion": "opinion",
    "ai_generated": "AI-generated",
    "funding": "funding note",
    "disclosure": "disclosure statement",
    "partner": "partner content",
    "press_release": "press release",
}
TEXT, FURNITURE, METADATA, ADDRESS = "article text", "page furniture", "page metadata", "address"
# How each region of the page is searched: "top" (kicker, byline, editor's note) and "end"
# (notes right after the text) hold the article's own labels; a "box" beside the text holds
# disclosures and notes, but a sponsored label there is an ad's, not the article's.
REGION_PLACES = {
    Region.ABOVE_HEADLINE: "top",
    Region.BYLINE: "top",
    Region.BEFORE_BODY: "top",
    Region.AFTER_BODY: "end",
    Region.ASIDE: "box",
}
NOT_IN_BOXES = frozenset({"sponsored"})
SECTION_LABEL_CHARS = 80  # a section label or breadcrumb above the headline, not a teaser

# Where a sentence ends: after . ! ? … (and closing quotes) before a space, or at a line break.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'»”’)\]]*+[ \t]++|\n")
_NEWLINE = re.compile(r"\n")
_SENTENCE_STOPS = set(".!?…\"'»”’)")
_WORD = re.compile(r"[^\W\d_]{3,}")
_TOKEN = re.compile(r"\w+")
# Bullets and separators a page puts in front of a note ("– • – NOTE: ..."), not part of it.
_DECORATION = re.compile(r"^(?=[–—\-\s]*[•·|▪►])[•·|▪►–—\-\s]+")
_SECTION_SPLIT = re.compile(r"\s*[,;|/>»›→•·]\s*")
# Parts of a page title: "Opinion | Why the plan fails - The Ledger".
_TITLE_SPLIT = re.compile(r"\s*[|:–—•]\s*|\s+-\s+")


_AD_LABEL_CHARS = 40  # an ad slot's label: "Anzeige", "- Advertisement -", "PUBLICIDADE"
# A line around the article this long holding a sponsored label is a list of teasers, one
# of them another piece's label; a label or a disclosure sentence is shorter.
_TEASER_LINE_CHARS = 200
_LABEL_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Finding:
    """One disclaimer: its category, the sentence that says it, and where it was found."""

    category: str
    quote: str
    where: str
    language: str = ""
    label: str = ""
    applies: bool = True
    note: str = ""  # the sentence saying it does not apply, when there is one

    def as_data(self) -> dict[str, object]:
        data: dict[str, object] = {
            "category": self.category,
            "quote": self.quote,
            "where": self.where,
            "language": self.language,
        }
        if not self.applies:
            data["applies"] = False
            data["not_applicable_note"] = self.note
        return data


@dataclass(slots=True)
class _Hit:
    category: str
    start: int
    end: int
    language: str
    label: str
    at: int  # where the words that matched begin


class _Sentences:
    """Sentence and line boundaries of one text, computed once and only when needed."""

    def __init__(self, text: str, regions: bool = False) -> None:
        self.text = text
        self.regions = regions  # the page's regions hold its kicker, byline and end notes
        self._starts: list[int] | None = None
        self._line_starts: list[int] | None = None
        self._filled: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in _SENTENCE_END.finditer(self.text))]
        return self._starts

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        return self._line_starts

    def line_span(self, pos: int) -> tuple[int, int]:
        starts = self.line_starts
        i = bisect_right(starts, pos) - 1
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
        return starts[i], end

    def sentence_span(self, pos: int, language: str | None = None) -> tuple[int, int]:
        """The sentence around pos; given the language, one that goes on past its
        abbreviations ("ggf.", "Gov.", "am 12. März") is quoted whole."""
        starts = self.starts
        i = bisect_right(starts, pos) - 1
        j = i + 1
        if language is not None:
            known = abbreviations_of(language)
            while i > 0 and self._carries_on(starts[i], known):
                i -= 1
            while j < len(starts) and self._carries_on(starts[j], known):
                j += 1
        end = starts[j] if j < len(starts) else len(self.text)
        return starts[i], end

    def _carries_on(self, start: int, known: Abbreviations) -> bool:
        """Whether the sentence end before `start` is an abbreviation's dot, not an end: the
        next word is in lower case ("ggf. eine"), or the dot is one that ends no sentence."""
        text = self.text
        stop = start - 1
        if stop < 1 or text[stop] == "\n" or text[stop - 1] != ".":
            return False
        return text[start : start + 1].islower() or ends_no_sentence(text, stop - 1, stop, known)

    def previous_sentence_start(self, start: int) -> int | None:
        """Start of the sentence before the one at `start`, if it is on the same line."""
        i = bisect_right(self.starts, start) - 1
        if i <= 0 or self.text[start - 1 : start] == "\n":
            return None
        return self.starts[i - 1]

    @property
    def filled(self) -> list[int]:
        """Starts of the lines that hold more than white space."""
        if self._filled is None:
            starts, text = self.line_starts, self.text
            ends = [*(s - 1 for s in starts[1:]), len(text)]
            self._filled = [s for s, e in zip(starts, ends, strict=True) if text[s:e].strip()]
        return self._filled

    def at_edge(self, pos: int, mode: str = "edge") -> bool:
        """Whether pos stands at the text's "top", its "end", or either ("edge")."""
        start = self.line_span(pos)[0]
        filled = self.filled
        line = bisect_right(filled, start) - 1
        from_end = len(filled) - line
        if self.regions:
            top = line < BODY_EDGE_PARAGRAPHS
            end = from_end <= BODY_EDGE_PARAGRAPHS
        else:
            top = line < EDGE_LINES_TOP or (
                line < EDGE_LINES_TOP + EDGE_EXTRA_LINES and start < EDGE_CHARS_TOP
            )
            end = from_end <= EDGE_LINES_BOTTOM or (
                from_end <= EDGE_LINES_BOTTOM + EDGE_EXTRA_LINES
                and len(self.text) - start <= EDGE_CHARS_BOTTOM
            )
        return (top and mode != "end") or (end and mode != "top")


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _key_start(key: str) -> tuple[str, int]:
    """Up to four first letters of a key's first word, and where that word starts in the key:
    a key counts only in a text where some word starts with those letters."""
    match = _TOKEN.search(key)
    if match is None or match.start() > 1 or _CJK.match(match.group()):
        return "", 0  # Chinese and Japanese run words together: a key starts no word there
    return match.group()[:4], match.start()


def _enough_words(sentences: _Sentences, pos: int, count: int) -> bool:
    """True when the sentence goes on for `count` words after `pos`, not just a time."""
    end = sentences.sentence_span(pos)[1]
    return len(_WORD.findall(sentences.text, pos, end)) >= count


def _words_follow(text: str, pos: int) -> bool:
    """True when the rest of the line is a sentence, not a timestamp ("Updated: 3 hours ago")."""
    end = text.find("\n", pos)
    rest = text[pos : end if end >= 0 else len(text)].strip()
    words = len(_WORD.findall(rest))
    return len(rest) >= 25 and words >= 4 and (words >= 10 or rest[-1:] in _SENTENCE_STOPS)


def _counts_in(pattern: Pattern, place: str) -> bool:
    """Whether a pattern counts in a place: "body" (the article text, whose edges the lines
    tell), "furniture", or a region's "top", "end" or "box"."""
    if place == "furniture":
        return pattern.furniture
    if place in ("end", "box") and pattern.top_only:
        return False
    if place == "top" and pattern.end_only:
        return False
    return not (place == "box" and pattern.category in NOT_IN_BOXES)


_KEY_STARTS = {key: _key_start(key) for key in dict.fromkeys(k for p in PATTERNS for k in p.keys)}
# Every key of every pattern, found in one pass over a text (overlapping ones too).
_KEY_FINDER = ahocorasick.Automaton()
for _key in _KEY_STARTS:
    _KEY_FINDER.add_word(_key, _key)
_KEY_FINDER.make_automaton()
_WORD_CHAR = re.compile(r"\w")


@cache
def _word_start(first: str) -> re.Pattern[str]:
    """The letters where a word starts; the look-behind comes after them, so that the search
    can skip ahead to the letters (a pattern opening with a look-behind tries every place)."""
    letters = re.escape(first)
    return re.compile(rf"{letters}(?<!\w{letters})")


class _KeysFound:
    """Where each key stands in one lower-cased text, each key's first letters starting a
    word of the text somewhere (the rest are dropped): one pass of one automaton."""

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self._word_starts: dict[str, bool] = {}
        found: dict[str, list[int]] = {}
        for end, key in _KEY_FINDER.iter(lower):
            found.setdefault(key, []).append(end - len(key) + 1)
        self.positions = {key: at for key, at in found.items() if self._starts_a_word(key, at)}
        self.dropped = found.keys() - self.positions.keys()  # in the text, but starting no word

    def _starts_a_word(self, key: str, positions: list[int]) -> bool:
        first, offset = _KEY_STARTS[key]
        if not first:
            return True
        lower = self.lower
        for pos in positions:
            at = pos + offset
            if at == 0 or not _WORD_CHAR.match(lower, at - 1):
                return True  # this very match starts a word
        if first not in self._word_starts:
            self._word_starts[first] = _word_start(first).search(lower) is not None
        return self._word_starts[first]


def _key_lines(
    found: _KeysFound, keys: Iterable[str], sentences: _Sentences, edge: str
) -> list[tuple[int, int]]:
    """The lines holding one of the keys: the only places the pattern can match."""
    spans: dict[int, int] = {}
    for key in keys:
        line_end = -1
        for pos in found.positions.get(key, ()):
            if pos <= line_end:
                continue  # the line is judged already
            start, line_end = sentences.line_span(pos)
            if not edge or sentences.at_edge(pos, edge):
                spans[start] = line_end
    return sorted(spans.items())


_PATTERNS_IN = {
    place: tuple(p for p in PATTERNS if _counts_in(p, place))
    for place in ("body", "furniture", "top", "end", "box")
}


def _by_key(table: tuple[Pattern, ...]) -> dict[str, list[int]]:
    """key -> the positions in the table of the patterns that list it."""
    index: dict[str, list[int]] = {}
    for i, pattern in enumerate(table):
        for key in pattern.keys:
            index.setdefault(key, []).append(i)
    return index


_INDEX_BY_KEY = {place: _by_key(table) for place, table in _PATTERNS_IN.items()}
_KEYLESS = {
    place: frozenset(i for i, p in enumerate(table) if not p.keys)
    for place, table in _PATTERNS_IN.items()
}


def _matches(
    pattern: Pattern, text: str, start: int, end: int, whole: bool
) -> Iterator[re.Match[str]]:
    """The pattern's matches in text[start:end], one line (or the whole text)."""
    if pattern.anchored and not whole:
        # Only the line's start can open a match: no need to try every place in the line.
        match = pattern.regex.match(text, start, end)
        if match is not None:
            yield match
    else:
        yield from pattern.regex.finditer(text, start, end)


_KEY_OFFSETS = {
    p.regex: regex_parse.word_offsets(p.regex, p.keys, str.lower)
    for p in PATTERNS
    if p.keys and not p.anchored
}
# Letters an IGNORECASE pattern matches to a key's letter of another lower case ("ı" to "i"):
# a line holding one may hide a key's place.
_KEY_LETTERS = {c for p in PATTERNS if _KEY_OFFSETS.get(p.regex) for key in p.keys for c in key}
_ODD_CASE = re.compile(f"[{re.escape(''.join(sorted(regex_parse.odd_cases(_KEY_LETTERS))))}]")


def _match_starts(
    found: _KeysFound, pattern: Pattern, lines: list[tuple[int, int]], sentences: _Sentences
) -> list[int] | None:
    """Where in the lines the pattern's matches can start, if every match opens with words
    holding one of its keys: a key's place less its offset. None when that cannot be told."""
    offsets = _KEY_OFFSETS.get(pattern.regex)
    if not offsets or not found.dropped.isdisjoint(pattern.keys):
        return None
    text = sentences.text
    if any(_ODD_CASE.search(text, start, end) for start, end in lines):
        return None
    searched = dict(lines)
    starts: set[int] = set()
    for key in pattern.keys:
        for pos in found.positions.get(key, ()):
            for offset in offsets:
                at = pos - offset
                if at >= 0 and sentences.line_span(at)[0] in searched:
                    starts.add(at)
    return sorted(starts)


def _matches_at(
    pattern: Pattern, starts: list[int], sentences: _Sentences
) -> Iterator[re.Match[str]]:
    """The matches the pattern's search of each line would find, tried only at `starts`."""
    end = -1
    for at in starts:
        if at >= end and (
            match := pattern.regex.match(sentences.text, at, sentences.line_span(at)[1])
        ):
            yield match
            end = match.end()


# Labels in the page's own voice: said by someone the text quotes ("Investors should do their
# own research, analysts said"), they are news, not the page's label.
VOICE_CATEGORIES = frozenset(
    ("liability", "views_not_endorsed", "sponsored", "affiliate", "disclosure", "partner")
)


@cache
def _said_clause(language: str) -> re.Pattern[str] | None:
    """ ", analysts said.", ", the fund warned investors.": a clause closing the sentence that
    says who said it, from the language's speech verbs (sources' attribution.toml)."""
    verbs = resource("attribution", language).get("words", {}).get("speech_verbs", [])
    if not verbs:
        return None
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    return re.compile(
        rf",\s+(?:[\w'’.-]+\s+){{0,5}}(?:{alternation})\b[^,.!?\n]{{0,40}}[.!?]?[\"'”’»]?\s*$",
        re.I,
    )


def _reported(text: str, after: int, end: int, language: str) -> bool:
    """Whether the sentence goes on, after the label's words, to say who said them."""
    clause = _said_clause(language)
    return clause is not None and clause.search(text, after, end) is not None


def _lowered(text: str) -> str:
    """The text in lower case, letter for letter: "İ" is the one letter whose lower case is
    two ("i̇", i and a combining dot), and an IGNORECASE pattern reads it as "i"."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = text.replace("\u0130", "i").lower()
    return lower


def _hits(text: str, sentences: _Sentences, place: str) -> list[_Hit]:
    hits: list[_Hit] = []
    lower = _lowered(text)
    found = _KeysFound(lower) if len(lower) == len(text) else None
    body = place == "body"
    if found is not None:
        # Only the patterns one of whose keys the text holds, in table order.
        table = _PATTERNS_IN[place]
        index = _INDEX_BY_KEY[place]
        wanted = {i for key in found.positions for i in index.get(key, ())}
        patterns: Iterable[Pattern] = [table[i] for i in sorted(wanted | _KEYLESS[place])]
    else:  # a letter grew when lower-cased: the keys' places would be off
        patterns = [p for p in PATTERNS if _counts_in(p, place)]
    for pattern in patterns:
        # "top", "edge" or "" (anywhere): a region is an edge by where it stands; the
        # furniture has no top or end worth the name
        # an end-only line (a rights line) counts anywhere in the text, never above it
        edge = pattern.place if body and pattern.edge_only and not pattern.end_only else ""
        starts = None
        if found is not None:
            lines = _key_lines(found, pattern.keys, sentences, edge)
            starts = _match_starts(found, pattern, lines, sentences)
        else:
            lines = [(0, len(text))]
        if starts is not None:
            matches: Iterable[re.Match[str]] = _matches_at(pattern, starts, sentences)
        else:
            matches = (
                match
                for line_start, line_end in lines
                for match in _matches(pattern, text, line_start, line_end, whole=found is None)
            )
        for match in matches:
            if edge and not sentences.at_edge(match.start(), edge):
                continue
            if pattern.needs_words_after and not _words_follow(text, match.end()):
                continue
            if pattern.words_after and not _enough_words(
                sentences, match.end(), pattern.words_after
            ):
                continue
            if pattern.scope == "line":
                start, end = sentences.line_span(match.start())
            else:
                start, end = sentences.sentence_span(match.start(), pattern.language)
                if pattern.category in VOICE_CATEGORIES and _reported(
                    text, match.end(), end, pattern.language
                ):
                    continue
            hits.append(
                _Hit(
                    pattern.category,
                    start,
                    end,
                    pattern.language,
                    pattern.label,
                    match.start(),
                )
            )
    return hits


def _merge(hits: list[_Hit], text: str) -> list[_Hit]:
    """Join hits of one category that overlap or follow each other in the same line."""
    merged: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.category, h.start)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.category == hit.category
            and hit.start <= last.end + 1
            and "\n" not in text[last.end : hit.start]
            and max(hit.end, last.end) - last.start <= MAX_QUOTE
        ):
            last.end = max(last.end, hit.end)
            last.label = last.label or hit.label
        elif last is not None and last.category == hit.category and hit.start < last.end:
            continue  # inside a quote already taken
        else:
            merged.append(hit)
    return merged


def _quote(hit: _Hit, sentences: _Sentences) -> str:
    text = sentences.text
    start, end = hit.start, hit.end
    if len(text[start:end].strip()) < SHORT_SENTENCE:
        before = sentences.previous_sentence_start(start)
        if before is not None and end - before <= MAX_QUOTE:
            start = before
    elif end - start > MAX_QUOTE and hit.at - start > MAX_QUOTE - QUOTE_LEAD:
        # A long line whose label stands far into it: quote from a little before the label,
        # or the quote would be cut before the words that are its evidence.
        space = text.rfind(" ", start, hit.at - QUOTE_LEAD)
        start = space + 1 if space >= 0 else hit.at
    quote = _DECORATION.sub("", " ".join(text[start:end].split()))
    if len(quote) > MAX_QUOTE:
        cut = quote.rfind(" ", 0, MAX_QUOTE)
        quote = quote[: cut if cut > 0 else MAX_QUOTE]
    return quote


def _text_findings(text: str, where: str, place: str, regions: bool = False) -> list[Finding]:
    if not text.strip():
        return []
    text = _nfc(text)
    sentences = _Sentences(text, regions)
    hits = _merge(_hits(text, sentences, place), text)
    return [
        Finding(h.category, _quote(h, sentences), where, h.language, h.label)
        for h in sorted(hits, key=lambda h: h.start)
    ]


def _meta_values(value: object) -> list[str]:
    if isinstance(value, str):
        return [v.strip().casefold() for v in _SECTION_SPLIT.split(value) if v.strip()]
    if isinstance(value, Iterable):
        return [v for item in value for v in _meta_values(item)]
    return []


def _title_finding(titles: Iterable[object], language: str) -> list[Finding]:
    """An opinion label in the page title ("Opinion | ...", "... | Kommentar")."""
    for title in dict.fromkeys(" ".join(t.split()) for t in titles if isinstance(t, str)):
        parts = _TITLE_SPLIT.split(title)
        if len(parts) > 1 and any(p.casefold() in OPINION_TITLE_LABELS for p in parts):
            return [Finding("opinion", f'page title "{title[:MAX_QUOTE]}"', METADATA, language)]
    return []


def _section_label_findings(blocks: Iterable[Block], language: str) -> list[Finding]:
    """A section label or breadcrumb above the headline ("Opinion", "Home > Letters",
    "Anzeige") names what the piece is, as the page's section metadata would."""
    found: list[Finding] = []
    for block in blocks:
        if block.region is not Region.ABOVE_HEADLINE:
            continue
        if len(block.text) > SECTION_LABEL_CHARS and CRUMB_SEPARATOR not in block.text:
            continue  # a teaser, not a label; a breadcrumb trail may run longer
        for value in dict.fromkeys(_meta_values(block.text)):
            for category, names in (
                ("opinion", OPINION_SECTIONS),
                ("sponsored", SPONSORED_SECTIONS),
                ("press_release", PRESS_RELEASE_SECTIONS),
            ):
                if value in names:
                    where = place_name(block.region)
                    found.append(Finding(category, f'section "{value}"', where, language))
    return found


def _meta_findings(meta: Mapping[str, object], language: str) -> list[Finding]:
    found: list[Finding] = []
    if str(meta.get("article:opinion", "")).strip().casefold() == "true":
        found.append(Finding("opinion", 'article:opinion = "true"', METADATA, language))
    types = meta.get("jsonld_types") or ""
    match = OPINION_JSONLD.search(types if isinstance(types, str) else " ".join(map(str, types)))
    if match:
        found.append(Finding("opinion", f"JSON-LD @type {match.group()}", METADATA, language))
    sections = dict.fromkeys(
        v for key in ("section", "article:section") for v in _meta_values(meta.get(key))
    )
    for value in sections:
        if value in OPINION_SECTIONS:
            found.append(Finding("opinion", f'section "{value}"', METADATA, language))
        if value in SPONSORED_SECTIONS:
            found.append(Finding("sponsored", f'section "{value}"', METADATA, language))
        if value in PRESS_RELEASE_SECTIONS:
            found.append(Finding("press_release", f'section "{value}"', METADATA, language))
    return found


def _address_findings(url: str | None, language: str) -> list[Finding]:
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[x": no address to read
        return []
    host_labels = (parts.hostname or "").split(".")
    segments = {unquote(s).casefold() for s in parts.path.split("/") if s}
    found: list[Finding] = []
    opinion = segments & OPINION_URL_SEGMENTS
    if opinion <= BLOG_URL_SEGMENTS and segments & NEWS_URL_SEGMENTS:
        opinion = set()  # thehill.com/blogs/blog-briefing-room/news/…: a news blog
    if (
        opinion
        or host_labels[0] in OPINION_HOST_LABELS
        or any(s.startswith(OPINION_SLUG_PREFIXES) for s in segments)
    ):
        found.append(Finding("opinion", url, ADDRESS, language))
    if segments & SPONSORED_URL_SEGMENTS:
        found.append(Finding("sponsored", url, ADDRESS, language))
    if segments & PRESS_RELEASE_URL_SEGMENTS:
        found.append(Finding("press_release", url, ADDRESS, language))
    return found


def _negation(texts: Iterable[str]) -> str:
    for text in texts:
        match = NEGATION.search(text)
        if match:
            sentences = _Sentences(text)
            start, end = sentences.sentence_span(match.start())
            return _DECORATION.sub("", " ".join(text[start:end].split()))[:MAX_QUOTE]
    return ""


def find_disclaimers(article: Article) -> list[Finding]:
    """Every disclaimer in the article, its page furniture, its metadata and its address."""
    language = article.language or ""
    regions = article.source_kind == "html" and any(
        block.region in REGION_PLACES for block in article.blocks
    )
    found = _text_findings(article.text, TEXT, "body", regions)
    seen = {(f.category, f.quote) for f in found}
    # One text per region, a block a line: lines keep blocks apart as the patterns need.
    by_region: dict[Region, list[str]] = {}
    for block in article.blocks:
        if block.region in REGION_PLACES:
            by_region.setdefault(block.region, []).append(block.text)
    searched = [
        ("\n".join(texts), place_name(region), REGION_PLACES[region])
        for region, texts in by_region.items()
    ]
    searched.append((article.furniture_text, FURNITURE, "furniture"))
    for text, where, place in searched:
        for finding in _text_findings(text, where, place):
            if finding.category == "sponsored" and len(finding.quote) > _TEASER_LINE_CHARS:
                continue  # "… ADVERTORIAL 5 reasons why …" inside a list of teasers
            if (finding.category, finding.quote) not in seen:
                seen.add((finding.category, finding.quote))
                found.append(finding)
    found += _section_label_findings(article.blocks, language)
    found = _without_ad_slot_labels(found, article.blocks)
    found += _meta_findings(article.meta, language)
    meta = article.meta
    found += _title_finding((article.title, meta.get("title"), meta.get("og:title")), language)
    found += _address_findings(article.url or article.canonical_url, language)
    note = ""
    if any(f.category in NEGATED_CATEGORIES for f in found):
        note = _negation((article.text, *(b.text for b in article.blocks), article.furniture_text))
    if note:
        found = [
            replace(f, applies=False, note=note) if f.category in NEGATED_CATEGORIES else f
            for f in found
        ]
    per_category: dict[str, list[Finding]] = {}
    for finding in found:
        per_category.setdefault(finding.category, []).append(finding)
    return [f for c in CATEGORIES for f in per_category.get(c, [])[:MAX_PER_CATEGORY]]


def _label_words(text: str, limit: int = 6) -> tuple[str, ...]:
    """The first words of a text, folded; a label repeated ("Anzeige Anzeige") counts once."""
    words = tuple(_LABEL_WORD.findall(text[:200].casefold())[:limit])
    return words[:1] if words and len(set(words)) == 1 else words


def _without_ad_slot_labels(found: list[Finding], blocks: Iterable[Block]) -> list[Finding]:
    """A bare "Anzeige", "- Advertisement -" or "PUBLICIDADE" that opens two or more of the
    page's blocks is what every ad slot prints over its creative, not the article's label:
    an advertorial's kicker stands once, beside its headline."""
    labels = {
        f.quote: _label_words(f.quote.removeprefix("section "))
        for f in found
        if f.category == "sponsored" and len(f.quote) <= _AD_LABEL_CHARS
    }
    labels = {quote: words for quote, words in labels.items() if words}
    if not labels:
        return found
    blocks = list(blocks)
    kickers = [b.text for b in blocks if b.region is Region.ABOVE_HEADLINE and b.text]
    heads = [
        _label_words(block.text, 6)
        for block in blocks
        # The body often opens with the kicker the extractor kept: one label, not two slots.
        if not (block.region is Region.BODY and any(block.text.startswith(k) for k in kickers))
    ]
    repeated = {
        quote
        for quote, words in labels.items()
        if sum(head[: len(words)] == words for head in heads) >= 2
    }
    return [f for f in found if not (f.category == "sponsored" and f.quote in repeated)]


def _label(finding: Finding) -> Message | str:
    """How the checklist names a finding: its language file's label, or its category."""
    if finding.label:
        key = "disclaimers.label." + finding.label.replace(" ", "_")
        return M(key) if key in M.templates else finding.label
    return M(f"disclaimers.name.{finding.category}")


def _name(category: str, findings: list[Finding]) -> Message | str:
    mine = [f for f in findings if f.category == category]
    name = next((_label(f) for f in mine if f.label), None) or _label(mine[0])
    if not any(f.applies for f in mine):
        return M("disclaimers.not_applying", name=name)
    return name


def _summary(findings: list[Finding]) -> tuple[Status, Message]:
    """One line after the check's title: "liability, fair use (2 quoted)"."""
    categories = list(dict.fromkeys(f.category for f in findings))
    quoted = sum(
        f.where not in (METADATA, ADDRESS) and not f.quote.startswith("section ") for f in findings
    )
    warn = next(
        (
            c
            for c in categories
            if c in WARN_CATEGORIES and any(f.applies for f in findings if f.category == c)
        ),
        None,
    )
    counted = "_quoted" if quoted else ""
    if warn is None:
        names = [_name(c, findings) for c in categories]
        return Status.INFO, M(f"disclaimers.found{counted}", names=names, count=quoted)
    others = [_name(c, findings) for c in categories if c != warn]
    warning = M(f"disclaimers.warn.{warn}")
    key = f"disclaimers.warning_also{counted}" if others else f"disclaimers.warning{counted}"
    return Status.WARN, M(key, warning=warning, names=others, count=quoted)


def _evidence(finding: Finding) -> Evidence:
    name = finding.label or NAMES[finding.category]
    url = finding.quote if finding.where == ADDRESS else None
    where = M("disclaimers.where", name=_label(finding), place=place_of(finding.where))
    return Evidence(finding.quote, where=f"{name}, {finding.where}", url=url, place=where)


class Disclaimers:
    name = "disclaimers"
    title = "Disclaimers"
    title_message = M("disclaimers.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        findings = find_disclaimers(article)
        seen = article.visibility
        unseen = (
            {} if seen.text == "full" else {"visible": seen.text, "visible_reason": seen.reason}
        )
        if not findings:
            data = {"findings": [], **unseen}
            if seen.text == "none":
                return Result(Status.SKIP, data=data, message=could_not_look(seen.reason))
            if seen.text == "partial":
                message = M("disclaimers.none_visible", reason=seen.reason)
                return Result(Status.INFO, data=data, message=message)
            return Result(Status.INFO, data=data, message=M("disclaimers.none"))
        status, message = _summary(findings)
        if seen.text != "full":
            message = judged_visible(message, seen.reason)
        evidence = [_evidence(f) for f in findings]
        if note := next((f.note for f in findings if f.note), ""):
            evidence.append(Evidence(note, where="note on the page"))
        return Result(
            status,
            message=message,
            evidence=tuple(evidence),
            data={
                "findings": [f.as_data() for f in findings],
                "categories": list(dict.fromkeys(f.category for f in findings)),
                **unseen,
            },
        )
