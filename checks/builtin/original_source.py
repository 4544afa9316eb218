"""Original source: is this a republication, and is the original named, linked, reachable?"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import ahocorasick

from checks import regex_parse
from checks.builtin._republication_rules import (
    ABOUT_THIS,
    BRACKET_DATELINE,
    CJK_TRAILING_WIRE,
    CONTRIBUTED,
    COPYRIGHT_WIRE,
    CREDIT_LINE,
    CREDIT_TAIL_LINES,
    DASH_DATELINE,
    DATA_SOURCE,
    DATELINE_CHARS,
    EDITORIAL_LABELS,
    FIRST_NAME_ONLY,
    HEAD_BYLINE,
    LANGUAGES,
    NAME_DASH_DATELINE,
    NAME_JOINERS,
    NOT_A_NAME,
    NOT_AN_OUTLET,
    NOTICES,
    PAREN_DATELINE,
    PERSON_THEN_WIRE,
    PLACELESS_OUTLETS,
    REPORT_BY,
    REPORTER_BYLINE,
    REUTERS_CREDIT,
    RIGHTS_LINE,
    SLASH_CREDIT,
    SLASH_DATELINE,
    TAIL_LINES,
    THIS_TEXT,
    TRAILING_PAREN_CREDIT,
    TRAILING_WIRE,
    WIRE_NAME,
    LineStarts,
    Notice,
    needed_chars,
)
from checks.domains import host_of, registered_domain
from checks.i18n import Messages
from checks.i18n.common import could_not_look, judged_visible
from checks.model import (
    Article,
    Block,
    Context,
    Declared,
    Evidence,
    Link,
    Message,
    Region,
    Result,
    Status,
)
from checks.read.regions import place_name
from checks.wires import WIRE_BY_ALIAS, WIRE_BY_DOMAIN, Wire

if TYPE_CHECKING:
    from checks.outlets.table import OutletRecord, OutletTable

MAX_QUOTE = 300
PROBE_SECONDS = 8.0
# Explicit notices outrank datelines, which outrank credit lines, bylines and page metadata.
RANK = {
    "notice": 0,
    "source_line": 1,
    "translation": 1,
    "dateline": 2,
    "wire_credit": 3,
    "rights": 3,
    "byline": 4,
    "declared": 4,
    "canonical": 5,
    "address": 6,
}
M = Messages(
    __name__,
    {
        "original_source.title": "Original source",
        "original_source.none": "No sign of republication found",
        "original_source.none_visible": "No sign of republication in the visible part ({reason})",
        "original_source.own_copy": "{outlet} copy on its own site: not a republication",
        "original_source.not_named": "Republished, but the original is not named",
        "original_source.linked": "Republished from {outlet}, with a link to the original",
        "original_source.home_page_only": "Republished from {outlet};"
        " linked only to its home page",
        "original_source.bad_link": "Republished from {outlet}",
        "original_source.named_not_linked": "named, not linked: {problem}",
        "original_source.canonical_elsewhere": "Republished from {outlet}; no link in the text,"
        " the page's canonical URL is on {domain}",
        "original_source.canonical": "Republished from {outlet}; no link in text",
        "original_source.no_link": "Republished from {outlet}; no link to the original",
        "original_source.outlet_noted": "{outlet} ({note})",
        "original_source.outlet_both_noted": "{outlet} ({english}; {note})",
        "original_source.not_answering": "{summary}; the original does not answer",
        "original_source.problem.empty": "empty link",
        "original_source.problem.javascript": "javascript: link",
        "original_source.problem.mailto": "mailto: link",
        "original_source.problem.placeholder": "placeholder {target}",
        "original_source.problem.not_web": "not a web address {target}",
        "original_source.basis.notice": "notice",
        "original_source.basis.source_line": "source line",
        "original_source.basis.translation": "translation credit",
        "original_source.basis.dateline": "dateline",
        "original_source.basis.wire_credit": "wire credit",
        "original_source.basis.byline": "byline",
        "original_source.basis.declared": "page markup",
        "original_source.basis.canonical": "canonical URL",
        "original_source.basis.address": "partner address",
        "original_source.basis.rights": "rights line",
    },
)
BASIS = {
    "notice": "notice",
    "source_line": "source line",
    "translation": "translation credit",
    "dateline": "dateline",
    "wire_credit": "wire credit",
    "rights": "rights line",
    "byline": "byline",
    "declared": "page markup",
    "canonical": "canonical URL",
    "address": "partner address",
}

_QUOTED = re.compile(r"[«\"“„‘](?P<name>[^«»\"“”„‘’\n]{2,60})[»\"”“’]")
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?(?P<name>(?:[\w-]+\.)+[a-z]{2,})(?![\w-])", re.I)
_TOKEN = re.compile(r"\S+")
_CLOSERS = ".,;:!?)]»\"”’'。，、；：！？）」』】"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“«(]?[A-ZА-ЯЁІЇЄҐ])|\n")
_PICTURE = re.compile(r"\b(?:photo|foto|image|picture|bild|фото|credit)", re.I)
_BYLINE_PARTS = re.compile(r"\s*[,|/;·•]\s*|\s+[-–—]\s+")
_BYLINE_FILLER = re.compile(r"\b(?:by|von|par|por|staff|wire|reporters?|news desk)\b", re.I)
# A name in Chinese or Japanese runs without spaces up to the next punctuation mark.
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][\w·・&]{0,19}")
_HAN = re.compile(r"[\u3400-\u9fff]")  # the letters REPORTER_BYLINE reads a paper's name in
_CJK_START = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Regions where a page prints notes on the text's origin; credit lines count in those that
# hold no pictures (captions credit photos, "Noah Berger / AP").
NOTICE_REGIONS = frozenset(
    (Region.ABOVE_HEADLINE, Region.BYLINE, Region.BEFORE_BODY, Region.AFTER_BODY, Region.ASIDE)
)
CREDIT_REGIONS = frozenset((Region.BYLINE, Region.AFTER_BODY, Region.ASIDE))
BYLINE_CHARS = 150  # a byline block names people and agencies; longer is prose
# Declared provenance that names the original whoever it is; and keys that name many things
# (the parent company, the rights holder) and count only when they name a news agency.
DECLARED_ORIGINAL = frozenset(
    ("isBasedOn", "isBasedOnUrl", "translationOfWork", "dc.source", "dcterms.source",
     "original-source", "syndication-source", "provider")
)  # fmt: skip
DECLARED_WIRE_ONLY = frozenset(
    ("sourceOrganization", "copyrightHolder", "publisher", "author", "creditText",
     "dc.publisher", "dcterms.publisher", "dc.rights", "dcterms.rightsholder", "copyright",
     "article:publisher")
)  # fmt: skip
# Profiles and share links say nothing about where a text comes from.
_SOCIAL_DOMAINS = frozenset(
    ("facebook.com", "twitter.com", "x.com", "instagram.com", "linkedin.com", "youtube.com",
     "t.me", "vk.com", "tiktok.com", "wikipedia.org", "schema.org")
)  # fmt: skip
# Partner posts marked in the address: salon.com/2023/05/01/slug_partner/.
_PARTNER_ADDRESS = re.compile(r"_partner(?:[/._-]|$)", re.I)


@dataclass(frozen=True, slots=True)
class Signal:
    """One sign of republication (or of wire copy on the wire's own site)."""

    kind: str
    quote: str
    where: str
    outlet: str | None = None
    wire: Wire | None = None
    own: bool = False  # names the article's own outlet: not a republication
    span: tuple[int, int] = (-1, -1)  # where the quote sits in Article.text
    url: str | None = None  # a URL the signal itself gives (canonical)

    @property
    def counts(self) -> bool:
        return not self.own


def squash(name: str | None) -> str:
    """Lower-case letters and digits only, without a leading "the": for comparing names."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = "".join(c for c in text if c.isalnum())
    return text.removeprefix("the") if len(text) > 6 else text


_NAME_WORD = re.compile(r"[^\W_]+")
_LEADING_ARTICLES = frozenset("the der die das le la les l el los las il lo o a os as".split())
_GENERIC_ENDINGS = frozenset("news online digital agency tv com net org ru ua".split())
# Where a text came from that is no outlet: a file name, the terminal.
_NOT_AN_OUTLET_ORIGIN = frozenset(("file", "stdin", "text", "url"))


def name_forms(name: str | None) -> frozenset[str]:
    """A name's comparable forms: all its words run together, and its core without a leading
    article or a generic last word ("The Press" -> thepress, press; "Zeit Online" -> zeit)."""
    words = _NAME_WORD.findall(unicodedata.normalize("NFKC", name or "").casefold())
    if not words:
        return frozenset()
    core = list(words)
    while len(core) > 1 and core[0] in _LEADING_ARTICLES:
        core.pop(0)
    if len(core) > 1 and core[-1] in _GENERIC_ENDINGS:
        core.pop()
    return frozenset(("".join(words), "".join(core)))


@dataclass(frozen=True, slots=True)
class OwnOutlet:
    """What identifies the article's own outlet: its registered domain and names.

    A name is the outlet's own only when one of its forms equals one of the outlet's: "AP" is
    not "The Press", "Kyodo News" is not news.com.au.
    """

    domain: str | None
    keys: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> OwnOutlet:
        # A post that names its source page (a Telegram "Источник: <url>") is that page's text.
        page = article.url or article.canonical_url
        domain = registered_domain(page) if page else None
        names = [article.site_name]
        if domain:
            names += [domain.split(".")[0], domain]
        origin = article.origin
        if origin is not None and origin.kind not in _NOT_AN_OUTLET_ORIGIN:
            names += [origin.name, origin.username]
        return cls(domain, frozenset(form for name in names for form in name_forms(name)))

    def owns(self, name: str | None, wire: Wire | None = None) -> bool:
        if wire is not None:
            if self.domain in wire.domains:
                return True
            return any(self._matches(alias) for alias in wire.aliases)
        return self._matches(name)

    def _matches(self, name: str | None) -> bool:
        if name and self.domain and "." in name and registered_domain(name) == self.domain:
            return True
        return not name_forms(name).isdisjoint(self.keys)


def _latin_only(name: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


def as_written(wire: Wire, alias: str | None) -> str:
    """The agency's name as the page writes it when that is in another script than its
    English name ("ТАСС", "Укрінформ"); otherwise the English name ("AP" -> The Associated
    Press)."""
    alias = (alias or "").strip()
    if alias and alias in wire.aliases and not _latin_only(alias) and _latin_only(wire.name):
        return alias
    return wire.name


def wire_of(name: str) -> Wire | None:
    wire = WIRE_BY_ALIAS.get(name.strip())
    if wire is None:
        match = WIRE_NAME.fullmatch(name.strip())
        wire = WIRE_BY_ALIAS.get(match.group()) if match else None
    return wire


def _capitalized(word: str) -> bool:
    return word[:1].isupper() or word in WIRE_BY_ALIAS


_ADJECTIVE_END = re.compile(
    r"(?:ая|ой|ый|ий|ое|ей|ого|ому|ую|ська|ської|ському|ську|ський|ського|ське|ські|"
    r"ька|ьої|ий|ої|на|ної|ній|ну)$"
)
_CYRILLIC_WORD = re.compile(r"^[а-яёіїєґ'’-]+$")


def _slavic_adjective(first: str, next_word: str) -> bool:
    return (
        _CYRILLIC_WORD.match(first.lower()) is not None
        and _ADJECTIVE_END.search(first.lower()) is not None
        and _CYRILLIC_WORD.match(next_word) is not None
    )


def name_after(text: str, pos: int, limit: int = 120) -> tuple[str, int, int] | None:
    """The outlet named right after `pos` ("… published on The Conversation."), with its span."""
    window = text[pos : pos + limit].split("\n", 1)[0]
    offset = len(window) - len(window.lstrip(" \t:—-"))
    skipped = 0
    words: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(window, offset):
        start = token.start()
        raw = token.group()
        if not words:
            quoted = _QUOTED.match(window, start)
            if quoted:
                return quoted.group("name").strip(), pos + quoted.start(1), pos + quoted.end(1)
            domain = _DOMAIN.match(window, start)
            if domain:
                return domain.group("name"), pos + domain.start(1), pos + domain.end(1)
            cjk = _CJK_NAME.match(window, start) if _CJK_START.match(raw) else None
            if cjk:
                return cjk.group(), pos + cjk.start(), pos + cjk.end()
        if raw[:1] in "([":
            break
        core = raw.rstrip(_CLOSERS)
        ends = core != raw
        if not core:
            break
        if not words:
            if core.casefold() in NOT_A_NAME or core[:1].isdigit():
                return None
            if _capitalized(core):
                words.append((start, start + len(core)))
            elif (core.casefold() in NAME_JOINERS or core.islower()) and skipped < 4 and not ends:
                skipped += 1
                continue
            else:
                return None
        elif _capitalized(core) or core[:1].isdigit() or core.casefold() in NAME_JOINERS:
            words.append((start, start + len(core)))
        elif len(words) == 1 and _slavic_adjective(window[words[0][0] : words[0][1]], core):
            # "Української правди", "Новой газеты": the noun after a capitalised adjective
            # belongs to the name.
            words.append((start, start + len(core)))
            break
        else:
            break
        if ends or len(words) >= 6:
            break
    while words and window[words[-1][0] : words[-1][1]].casefold() in NAME_JOINERS:
        words.pop()
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    return window[start:end], pos + start, pos + end


def _is_sentence_end(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group() == "\n":
        return True
    words = text[max(0, boundary.start() - 12) : boundary.start()].split()
    word = words[-1] if words else ""
    # "U.S. Marshals", "Ga. (AP)", "Mr. Smith": an abbreviation, not the end of a sentence.
    return len(word) > 2 and not word[-1].isupper()


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around text[start:end]."""
    left = max(0, start - MAX_QUOTE)
    for boundary in _SENTENCE_END.finditer(text, left, start):
        if _is_sentence_end(text, boundary):
            left = boundary.end()
    for found in _SENTENCE_END.finditer(text, end, min(len(text), end + MAX_QUOTE)):
        if _is_sentence_end(text, found):
            return left, found.start() if found.group() == "\n" else found.end()
    return left, min(len(text), end + MAX_QUOTE)


def quote_of(text: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """A verbatim quote of the sentence around a match, at most MAX_QUOTE characters."""
    s, e = sentence_span(text, start, end)
    if e - s > MAX_QUOTE:
        s = max(s, start - 100)
        e = min(e, s + MAX_QUOTE)
    while s < e and text[s].isspace():
        s += 1
    return text[s:e].rstrip(), (s, e)


def _tail_start(text: str, lines: int = TAIL_LINES) -> int:
    pos = len(text.rstrip())
    for _ in range(lines):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            return 0
    return pos + 1


def _linked_name(links: Iterable[Link], text: str, pos: int) -> str | None:
    """The anchor text of a link that starts right after a notice ("… is [InfoBrics](#)")."""
    for link in links:
        anchor = link.text.strip()
        gap = text[pos : link.position] if link.position >= pos else None
        if anchor and gap is not None and len(gap) <= 12 and "\n" not in gap:
            if text.startswith(anchor, link.position):
                return anchor
    return None


@dataclass(frozen=True, slots=True)
class _Gate:
    """Cheap tests of a text that tell a notice's pattern cannot match in it."""

    needs: tuple[frozenset[str], ...]  # characters every match holds one of each of
    lines: LineStarts | None  # for a pattern opening with "^": where lines can start it

    def may_match(self, text: str) -> bool:
        if not all(any(char in text for char in chars) for chars in self.needs):
            return False
        return self.lines is None or self.lines.may_match(text)


# The notices each trigger word lets run, found in one pass over a text.
_TRIGGER_FINDER = ahocorasick.Automaton()
for _i, _notice in enumerate(NOTICES):
    for _word in _notice.triggers:
        _known = _TRIGGER_FINDER.get(_word, (len(_word), ()))
        _TRIGGER_FINDER.add_word(_word, (len(_word), (*_known[1], _i)))
_TRIGGER_FINDER.make_automaton()


# Notices tried only where a trigger word of theirs says a match can start, in a text whose
# case-folding keeps every letter in its place (no "İ", "ß"; no "ı", which "i" matches).
_TRIGGER_OFFSETS = {
    i: regex_parse.word_offsets(notice.pattern, notice.triggers, str.casefold)
    for i, notice in enumerate(NOTICES)
}
_AT_TRIGGERS = {i: offsets for i, offsets in _TRIGGER_OFFSETS.items() if offsets}
_UNTRIGGERED = frozenset(i for i, notice in enumerate(NOTICES) if not notice.triggers)
_GATES = tuple(_Gate(needed_chars(n.pattern), LineStarts.of([n.pattern])) for n in NOTICES)
_AT_LINE_START = frozenset(i for i, gate in enumerate(_GATES) if gate.lines is not None)
_ANY_AT_LINE_START = LineStarts.of(NOTICES[i].pattern for i in sorted(_AT_LINE_START))


def _any_needs(gates: Iterable[_Gate]) -> frozenset[str] | None:
    """Characters a text must hold one of for any of the gates to let it through (None: no
    such set), so that most texts are told in one test instead of one a gate."""
    chosen = [min(gate.needs, key=len) if gate.needs else None for gate in gates]
    if any(chars is None for chars in chosen):
        return None
    return frozenset().union(*(chars for chars in chosen if chars is not None))


_UNTRIGGERED_NEEDS = _any_needs(_GATES[i] for i in _UNTRIGGERED)


@lru_cache(maxsize=32)
def _folded(text: str) -> str:
    """text.casefold(), once for the notices and the credits that both look for words."""
    return text.casefold()


_ALL_NOTICES = frozenset(range(len(NOTICES)))
# A footer's notes count only as notices or translation credits, never as "Source:" lines.
_FOOTER_NOTICES = frozenset(
    i for i, notice in enumerate(NOTICES) if notice.kind in ("notice", "translation")
)


def _notices_for(
    text: str, among: frozenset[int] = _ALL_NOTICES
) -> list[tuple[Notice, list[int] | None]]:
    """The notices (of those `among`) that can match in a text, in table order: a trigger
    word of theirs is in it (or they have none), and their gate lets the text through."""
    needs = _UNTRIGGERED_NEEDS
    untriggered = _UNTRIGGERED & among
    if untriggered and (needs is None or any(c in text for c in needs)):
        wanted = set(untriggered)
    else:
        wanted = set()
    folded = _folded(text)
    aligned = len(folded) == len(text) and "ı" not in text
    starts: dict[int, set[int]] = {}
    for end, (size, notices) in _TRIGGER_FINDER.iter(folded):
        wanted.update(notices)
        if aligned:
            for i in notices:
                if i in _AT_TRIGGERS:
                    found = end - size + 1
                    starts.setdefault(i, set()).update(found - o for o in _AT_TRIGGERS[i])
    wanted &= among
    if _ANY_AT_LINE_START and not wanted.isdisjoint(_AT_LINE_START):
        if not _ANY_AT_LINE_START.may_match(text):
            wanted -= _AT_LINE_START
    return [
        (NOTICES[i], sorted(starts[i]) if i in starts else None)
        for i in sorted(wanted)
        if _GATES[i].may_match(text)
    ]


def _notice_matches(
    notice: Notice, at: list[int] | None, text: str, start: int
) -> Iterator[re.Match[str]]:
    """notice.pattern.finditer(text, start), or where its matches can only start at `at`, the
    same matches found by trying it there alone."""
    if at is None:
        yield from notice.pattern.finditer(text, start)
        return
    for pos in at:
        if pos >= start and (match := notice.pattern.match(text, pos)):
            yield match
            start = match.end()


def notice_signals(
    article: Article, own: OwnOutlet, outlets: OutletTable | None = None
) -> Iterator[Signal]:
    return _notices_in(article.text, article.links, own, outlets=outlets)


def _notices_in(
    text: str,
    links: tuple[Link, ...],
    own: OwnOutlet,
    among: frozenset[int] = _ALL_NOTICES,
    outlets: OutletTable | None = None,
) -> Iterator[Signal]:
    tail = _tail_start(text)
    for notice, at in _notices_for(text, among):
        for match in _notice_matches(notice, at, text, tail if notice.tail_only else 0):
            found = name_after(text, match.end())
            name = _linked_name(links, text, match.end()) or (found and found[0])
            if name and notice.kind == "translation" and name.casefold() in LANGUAGES:
                name = None
            quote, span = quote_of(text, match.start(), match.end())
            if notice.about_this and not _about_this(text, span[0], match.start()):
                continue
            linked = _external_link_in(links, span, own)
            if name is None and notice.needs_name and not linked:
                continue
            wire = wire_of(name) if name else None
            if notice.edge_line and not _edge_credit(text, match, found, linked):
                continue
            if notice.kind == "source_line" and not _cites_a_text(
                text, found, wire, linked or _another_known_outlet(name, own, outlets)
            ):
                continue
            yield Signal(
                notice.kind,
                quote,
                "text",
                outlet=as_written(wire, name) if wire else name,
                wire=wire,
                own=bool(name) and own.owns(name, wire),
                span=span,
            )


def _edge_credit(
    text: str, match: re.Match[str], found: tuple[str, int, int] | None, linked: bool
) -> bool:
    """A bare "Courtesy of X" counts as the text's credit only on a line of its own that opens
    the text (after a title at most), or closes it with a link to X; "Courtesy of the Smith
    family" or "Courtesy of NASA/JPL-Caltech" under a picture are captions."""
    if ABOUT_THIS.search(match.group()):
        return True  # "This article is courtesy of …"
    if found is None or "/" in found[0]:
        return False
    line_end = text.find("\n", found[2])
    rest = text[found[2] : len(text) if line_end < 0 else line_end]
    if rest.strip(_CLOSERS + " \t*_"):
        return False
    before = [line.strip() for line in text[: match.start()].splitlines() if line.strip()]
    if len(before) == 0 or (len(before) == 1 and not before[0].endswith((".", "!", "?"))):
        return True
    return linked and not text[found[2] :].strip(_CLOSERS + " \t\n*_")


def _cites_a_text(
    text: str, found: tuple[str, int, int] | None, wire: Wire | None, linked: bool
) -> bool:
    """A "Source:" line credits another outlet's text when it names a wire, links to another
    site or quotes a title («Коммерсантъ»); "Source: U.S. Bureau of Labor Statistics" under
    a chart or "Fuente: INE" cites data."""
    line_end = text.find("\n", found[1]) if found else -1
    line = text[found[1] : len(text) if line_end < 0 else line_end] if found else ""
    if DATA_SOURCE.search(line):
        return False
    quoted = found is not None and found[1] > 0 and text[found[1] - 1] in '«"“„‘'
    return wire is not None or linked or quoted


def _another_known_outlet(name: str | None, own: OwnOutlet, outlets: OutletTable | None) -> bool:
    """A name the outlet table knows as another site's: "Источник: РБК", "Source : Le Monde"
    credit a text as surely as a link to it does."""
    return _other_outlet(name, own, outlets) is not None


def _other_outlet(
    name: str | None, own: OwnOutlet, outlets: OutletTable | None
) -> OutletRecord | None:
    """The outlet table's record of a name, when it is another site's than this page's."""
    if not name or outlets is None or own.owns(name, None):
        return None
    record = outlets.by_name(name)
    return None if record is None or own.domain in record.domains else record


def _about_this(text: str, sentence_start: int, start: int) -> bool:
    prefix = text[sentence_start:start]
    return not prefix.strip(' \t*†—–-:(["“«') or ABOUT_THIS.search(prefix) is not None


def _external_link_in(links: Iterable[Link], span: tuple[int, int], own: OwnOutlet) -> bool:
    for link in links:
        if span[0] <= link.position < span[1] and usable(link.url) is None:
            domain = registered_domain(link.url)
            if domain and domain != own.domain:
                return True
    return False


def _lead_ok(lead: str, *, known_wire: bool, placeless: bool = False) -> bool:
    """A dateline's place (and date): "PARIS", "LAWRENCEVILLE, Ga.", "Lisboa, 12 mai 2020"."""
    words = [w for w in (w.strip(",.") for w in lead.split()) if w]
    if not words:
        return known_wire or placeless  # "(AFP) - …", "(CNN) — …" opening a line
    if any(w.casefold() in EDITORIAL_LABELS for w in words):
        return False  # "WATCH (VIDEO) —"
    if known_wire:  # the agency's name is evidence enough; month names may be lower-case
        return len(words) <= 8 and (words[0][:1].isupper())
    if len(words) > 6 or any(not (w[:1].isupper() or w[:1].isdigit()) for w in words):
        return False
    return any(sum(c.isalpha() for c in w) >= 3 and w.isupper() for w in words)


def _dateline_name(raw: str) -> tuple[str, Wire | None] | None:
    name = raw.strip()
    if _PICTURE.search(name):
        return None
    if "/" in name:
        parts = name.split("/")
        wires = [wire_of(part) for part in parts]
        if wires and all(wires) and wires[0]:
            return as_written(wires[0], parts[0]), wires[0]
        return None
    wire = wire_of(name)
    if wire:
        return as_written(wire, name), wire
    words = name.split()
    if len(words) > 5 or not name[:1].isupper() or (name.isupper() and len(name) <= 2):
        return None
    if name.casefold() in EDITORIAL_LABELS:
        return None
    if words[0].casefold() in NOT_A_NAME or any(c.isdigit() for c in name):
        return None
    return name, None


_LINE_PATTERNS = (
    PAREN_DATELINE, SLASH_DATELINE, DASH_DATELINE, NAME_DASH_DATELINE, HEAD_BYLINE,
    CREDIT_LINE, SLASH_CREDIT,
)  # fmt: skip
_LINE_GATES = {pattern: LineStarts.of([pattern]) for pattern in _LINE_PATTERNS}


def _line_matches(
    pattern: re.Pattern[str], text: str, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, 0, endpos), after a fast test of the lines that could start it."""
    gate = _LINE_GATES[pattern]
    end = len(text) if endpos is None else endpos
    if gate is None or gate.may_match(text, end):
        yield from pattern.finditer(text, 0, end)


def dateline_signals(article: Article, own: OwnOutlet) -> Iterator[Signal]:
    text = article.text
    head = text[:DATELINE_CHARS]
    found: list[tuple[int, int, str, Wire | None]] = []
    for match in _line_matches(PAREN_DATELINE, head):
        named = _dateline_name(match.group("name"))
        if named is None:
            continue
        placeless = named[0] in PLACELESS_OUTLETS
        if _lead_ok(match.group("lead"), known_wire=named[1] is not None, placeless=placeless):
            found.append((match.start(), match.end(), *named))
    for match in _line_matches(SLASH_DATELINE, head):
        lead = match.group("lead").split()
        if not lead or not (lead[0].strip(",.").isupper() and len(lead[0].strip(",.")) >= 3):
            continue
        wire_match = WIRE_NAME.search(match.group("name"))
        if wire_match:
            wire = WIRE_BY_ALIAS[wire_match.group()]
            found.append((match.start(), match.end(), as_written(wire, wire_match.group()), wire))
    for match in _line_matches(DASH_DATELINE, head):
        first = match.group("lead").split()[0].strip(",.")
        if first.isupper() and len(first) >= 3:
            wire = WIRE_BY_ALIAS[match.group("name")]
            found.append((match.start(), match.end(), as_written(wire, match.group("name")), wire))
    for match in _line_matches(NAME_DASH_DATELINE, head):
        first = match.group("lead").split()[0]
        if first[:1].isupper() and sum(c.isalpha() for c in first) >= 3:
            wire = WIRE_BY_ALIAS[match.group("name")]
            found.append((match.start(), match.end(), as_written(wire, match.group("name")), wire))
    for match in BRACKET_DATELINE.finditer(head):
        wire = WIRE_BY_ALIAS[match.group("name")]
        found.append((match.start(), match.end(), as_written(wire, match.group("name")), wire))
    for start, end, name, wire in sorted(found, key=lambda f: f[0]):
        quote, span = quote_of(text, start, end)
        yield Signal("dateline", quote, "dateline", name, wire, own.owns(name, wire), span=span)


def credit_signals(article: Article, own: OwnOutlet) -> Iterator[Signal]:
    return _credits_in(article.text, own)


def _credits_in(text: str, own: OwnOutlet) -> Iterator[Signal]:
    lowered = _folded(text)
    copyright_lines = "©" in text or "copyright" in lowered or "(c)" in lowered
    for match in COPYRIGHT_WIRE.finditer(text) if copyright_lines else ():
        line_start = text.rfind("\n", 0, match.start()) + 1
        after = text[match.end() : match.end() + 8]
        if _PICTURE.search(text[line_start : match.start()]) or _PICTURE.match(after.strip()):
            continue
        if after.lstrip().startswith("/"):
            continue  # "© AFP / JEFF PACHOUD": a photographer's credit
        yield _wire_signal(text, match.start(), match.end(), match.group("name"), own)
    for match in REUTERS_CREDIT.finditer(text) if "reporting by" in lowered else ():
        yield _wire_signal(text, match.start(), match.end(), "Reuters", own)
    for match in _line_matches(HEAD_BYLINE, text, DATELINE_CHARS):
        if FIRST_NAME_ONLY.fullmatch(match.group("middle") or ""):
            continue
        yield _wire_signal(text, match.start(), match.end(), match.group("name"), own)
    tail = _tail_start(text)
    for match in TRAILING_WIRE.finditer(text, tail):
        alias = match.group("name") or match.group("alone")
        yield _wire_signal(text, match.start(), match.end(), alias, own)
    for match in CJK_TRAILING_WIRE.finditer(text, tail):
        yield _wire_signal(text, match.start(), match.end(), match.group("name"), own)
    for match in TRAILING_PAREN_CREDIT.finditer(text, tail):
        alias = WIRE_NAME.search(match.group("names"))
        if alias:
            yield _wire_signal(text, match.start(), match.end(), alias.group(), own)
    yield from _credit_lines(text, own)
    contributed = "contributed" in lowered or "used in this" in lowered
    for match in CONTRIBUTED.finditer(text) if contributed else ():
        wire_match = WIRE_NAME.search(match.group("name"))
        if wire_match:
            yield _wire_signal(text, match.start(), match.end(), wire_match.group(), own)
    for match in REPORT_BY.finditer(text) if " published" in lowered else ():
        name = match.group("name")
        wire = wire_of(name)
        outlet = as_written(wire, name) if wire else name
        quote, span = quote_of(text, match.start(), match.end())
        yield Signal("notice", quote, "text", outlet, wire, own.owns(name, wire), span)


def _credit_lines(text: str, own: OwnOutlet) -> Iterator[Signal]:
    """Wire credits on a line of their own, near the top (as a byline) or at the end."""
    tail = _tail_start(text, CREDIT_TAIL_LINES)
    for match in _line_matches(CREDIT_LINE, text):
        if match.start() < DATELINE_CHARS or match.start() >= tail:
            alias = WIRE_NAME.search(match.group("name"))
            if alias:
                yield _wire_signal(text, match.start(), match.end(), alias.group(), own)
    for match in _line_matches(SLASH_CREDIT, text):
        alias = WIRE_NAME.search(match.group())
        if alias and (match.start() < DATELINE_CHARS or match.start() >= tail):
            yield _wire_signal(text, match.start(), match.end(), alias.group(), own)


def _wire_signal(text: str, start: int, end: int, alias: str, own: OwnOutlet) -> Signal:
    wire = WIRE_BY_ALIAS[alias]
    quote, span = quote_of(text, start, end)
    outlet = as_written(wire, alias)
    return Signal("wire_credit", quote, "text", outlet, wire, own.owns(wire.name, wire), span)


def byline_wire(byline: str) -> tuple[Wire, str] | None:
    """The agency a byline is, or has a part that is: "AP", "By Reuters Staff", "Jane Doe,
    Reuters", "By JIJI", "— Kyodo"; with the name as written."""
    # "Jane Doe, Reuters", "Jane Doe | AP", "Redacción / EFE": a part that is only an agency.
    for part in _BYLINE_PARTS.split(byline):
        core = " ".join(_BYLINE_FILLER.sub(" ", part).split()).strip("—–-() ")
        wire = wire_of(core) if core else None
        if wire is not None:
            return wire, core
    # "Tom Davies Associated Press": the name runs into the agency's without a separator.
    match = PERSON_THEN_WIRE.match(" ".join(byline.split()))
    if match:
        return WIRE_BY_ALIAS[match.group("name")], match.group("name")
    return None


def byline_signal(article: Article, own: OwnOutlet) -> Signal | None:
    """A byline that is, or has a part that is, an agency's name."""
    found = byline_wire(article.byline) if article.byline else None
    if found is None:
        return None
    wire, core = found
    outlet = as_written(wire, core)
    byline = str(article.byline)
    return Signal("byline", byline, "byline", outlet, wire, own.owns(wire.name, wire))


def region_signals(
    article: Article, own: OwnOutlet, outlets: OutletTable | None = None
) -> Iterator[Signal]:
    """Notices and credits the page prints around the text: the kicker, the byline block,
    the editor's note, the notes after the article ("This post originally appeared on
    Grist"), disclosure boxes."""
    known = byline_wire(article.byline) if article.byline else None
    for block in article.blocks:
        if block.region is Region.FOOTER:
            yield from _footer_notices(block, own)
        if block.region not in NOTICE_REGIONS:
            continue
        where = place_name(block.region)
        found = [
            signal
            for signal in _notices_in(block.text, (), own, outlets=outlets)
            # Before the text stand the lead picture's captions: "Quelle: dpa" there credits
            # the picture, as wire credits there do (CREDIT_REGIONS).
            if not (signal.kind == "source_line" and block.region is Region.BEFORE_BODY)
        ]
        # Every credit names an agency, or is Reuters' "(Reporting by …)" or "… was first
        # published": the other blocks need no look.
        text = block.text
        if block.region in CREDIT_REGIONS and (
            WIRE_NAME.search(text) or " published" in text or "eporting by" in text
        ):
            found += _credits_in(text, own)
        # A byline block that is an agency's, or above the headline an agency's name alone.
        byline = None
        if block.region is Region.BYLINE or (
            block.region is Region.ABOVE_HEADLINE and wire_of(block.text)
        ):
            byline = byline_wire(block.text) if len(block.text) <= BYLINE_CHARS else None
        if byline is not None:
            wire, core = byline
            if known is None or known[0] != wire:  # the metadata byline said so already
                found.append(Signal("byline", block.text, where, as_written(wire, core), wire))
        if block.region in (Region.ABOVE_HEADLINE, Region.BYLINE, Region.BEFORE_BODY):
            found += reporter_signals(block.text, where)
        for signal in found:
            own_name = signal.own or own.owns(signal.outlet, signal.wire)
            yield replace(signal, where=where, span=(-1, -1), own=own_name)


def _footer_notices(block: Block, own: OwnOutlet) -> Iterator[Signal]:
    """A note in its own section past the page's furniture counts when it says "this post"
    or "this article" ("This post originally appeared on Grist"): a teaser's or the site's
    own words do not."""
    where = place_name(block.region)
    found = [
        replace(signal, where=where, span=(-1, -1))
        for signal in _notices_in(block.text, (), own, _FOOTER_NOTICES)
        if signal.kind in ("notice", "translation") and THIS_TEXT.search(signal.quote)
    ]
    # Asked last: the section saying "this post" anywhere is a slow search, and is rarely
    # needed (few sections hold a notice at all).
    if found and THIS_TEXT.search(block.text):
        yield from found


def reporter_signals(text: str, where: str) -> Iterator[Signal]:
    """A Chinese byline naming the reporter's paper: "聯合報 記者林宸誼", "新华社记者"."""
    head = text[: BYLINE_CHARS * 2]
    if not _HAN.search(head):
        return  # the paper's name is written in Han characters
    for match in REPORTER_BYLINE.finditer(head):
        name = match.group("name")
        if name in NOT_AN_OUTLET or name.startswith("本"):
            continue
        wire = wire_of(name)
        start = max(0, match.start() - 20)
        quote = text[start : match.end() + 20].strip()
        yield Signal("byline", quote, where, as_written(wire, name) if wire else name, wire)


def declared_signals(article: Article, own: OwnOutlet) -> Iterator[Signal]:
    """What the page's markup declares: JSON-LD isBasedOn or provider, a syndication-source
    link, a portal's provider block; an agency as sourceOrganization, publisher or author."""
    for item in article.declared:
        if item.where.startswith("meta") and item.key in ("original-source", "syndication-source"):
            continue  # read with the canonical URL
        signal = _declared_signal(item, own)
        if signal is not None:
            yield signal


def _declared_signal(item: Declared, own: OwnOutlet) -> Signal | None:
    if item.key not in DECLARED_ORIGINAL and item.key not in DECLARED_WIRE_ONLY:
        return None
    value, url = item.value.strip(), None
    if value.startswith(("http://", "https://")):
        domain = registered_domain(value)
        if not domain or domain == own.domain or domain in _SOCIAL_DOMAINS:
            return None
        wire = WIRE_BY_DOMAIN.get(domain)
        name, url = (wire.name if wire else host_of(value).removeprefix("www.")), value
    else:
        wire = wire_of(value)
        name = as_written(wire, value) if wire else value
    if wire is None and (item.key in DECLARED_WIRE_ONLY or len(name) > 80):
        return None
    quote = f"{item.key}: {value}"[:MAX_QUOTE]
    owned = own.owns(name, wire) if url is None else own.owns(value, wire)
    return Signal("declared", quote, item.where, name, wire, owned, url=url)


def address_signal(article: Article) -> Signal | None:
    """A partner post marked in its own address ("…/slug_partner/")."""
    if not article.url:
        return None
    try:
        path = urlsplit(article.url).path
    except ValueError:
        return None
    if not _PARTNER_ADDRESS.search(path):
        return None
    return Signal("address", article.url, "address")


def canonical_signal(article: Article, own: OwnOutlet) -> Signal | None:
    """A canonical (or og:url, original-source) URL on another registered domain."""
    if own.domain is None:
        return None
    candidates = (
        ("canonical link", article.canonical_url),
        ("og:url", article.meta.get("og:url")),
        ("original-source meta", article.meta.get("original-source")),
        ("syndication-source meta", article.meta.get("syndication-source")),
    )
    for where, url in candidates:
        if not url or not url.startswith(("http://", "https://")):
            continue
        domain = registered_domain(url)
        if domain and domain != own.domain:
            wire = WIRE_BY_DOMAIN.get(domain)
            name = wire.name if wire else host_of(url).removeprefix("www.")
            return Signal("canonical", url, where, name, wire, url=url)
    return None


def usable(url: str) -> str | None:
    """None if a reader can follow this link target; otherwise why not."""
    target = url.strip()
    lowered = target.casefold()
    if not target:
        return "empty link"
    if target.startswith("#"):
        return f"placeholder {target!r}"
    if lowered.startswith("javascript:"):
        return "javascript: link"
    if lowered.startswith("mailto:"):
        return "mailto: link"
    if not lowered.startswith(("http://", "https://")) or not host_of(target):
        return f"not a web address {target[:40]!r}"
    return None


def is_home_page(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # a malformed address is nobody's home page
        return False
    return parts.path in ("", "/") and not parts.query


def _same_page_key(url: str) -> str:
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        path = url.strip()
    return host_of(url).removeprefix("www.") + path.rstrip("/")


def find_link(
    article: Article, chosen: Signal, signals: list[Signal], own: OwnOutlet
) -> Link | None:
    """The link to the original: in a notice, on its name, or to its domain; usable first."""
    names = {squash(chosen.outlet)} - {""}
    domains: set[str] = set()
    if chosen.wire:
        names |= {squash(a) for a in chosen.wire.aliases}
        domains |= set(chosen.wire.domains)
    # A canonical URL is known exactly: only a link to that same page is a link to it.
    exact = {_same_page_key(s.url) for s in signals if s.url and s.counts}
    spans = [s.span for s in signals if s.counts and s.span[0] >= 0]
    tiers: list[list[Link]] = [[], [], []]
    for link in article.links:
        domain = registered_domain(link.url) if usable(link.url) is None else None
        if domain and domain == own.domain:
            continue
        anchor = squash(link.text)
        host = squash(host_of(link.url)) if domain else ""
        if any(lo <= link.position < hi for lo, hi in spans):
            tiers[0].append(link)
        elif anchor and any(
            anchor == n or (min(len(anchor), len(n)) >= 4 and (n in anchor or anchor in n))
            for n in names
        ):
            tiers[1].append(link)
        elif domain and (
            domain in domains
            or _same_page_key(link.url) in exact
            or any(len(n) >= 5 and n in host for n in names)
        ):
            tiers[2].append(link)
    ordered = [link for tier in tiers for link in tier]
    return next((lk for lk in ordered if usable(lk.url) is None), ordered[0] if ordered else None)


def rights_signals(
    article: Article, own: OwnOutlet, outlets: OutletTable | None
) -> Iterator[Signal]:
    """A rights line closing the text that names another known outlet: "© 2024 The
    Washington Post" under a copy on a local paper's site. Only outlets the outlet table
    knows count: "© 2024 Jane Doe" is an author keeping her rights."""
    if outlets is None:
        return
    text = article.text
    places = [(text[_tail_start(text, CREDIT_TAIL_LINES) :], "text")]
    places += [
        (b.text, place_name(b.region)) for b in article.blocks if b.region is Region.AFTER_BODY
    ]
    for chunk, where in places:
        lowered = chunk.casefold()
        if "©" not in chunk and "copyright" not in lowered and "(c)" not in lowered:
            continue
        for match in RIGHTS_LINE.finditer(chunk):
            name = match.group("name").strip(" ,")
            if wire_of(name) is not None:
                continue  # agencies are read as wire credits
            record = _other_outlet(name, own, outlets)
            if record is None:
                continue  # the site's own line, or a name the table does not know
            quote = " ".join(match.group().split()).strip("*_( ")
            yield Signal("rights", quote[:MAX_QUOTE], where, record.names[0])


def collect_signals(
    article: Article, own: OwnOutlet, outlets: OutletTable | None = None
) -> list[Signal]:
    signals = [
        *notice_signals(article, own, outlets),
        *dateline_signals(article, own),
        *credit_signals(article, own),
        *region_signals(article, own, outlets),
        *declared_signals(article, own),
        *rights_signals(article, own, outlets),
    ]
    extra = (byline_signal(article, own), canonical_signal(article, own), address_signal(article))
    signals += [s for s in extra if s is not None]
    seen: set[tuple[str, str]] = set()
    unique = []
    for signal in sorted(signals, key=lambda s: (RANK[s.kind], max(s.span[0], 0))):
        if (signal.kind, signal.quote) not in seen:
            seen.add((signal.kind, signal.quote))
            unique.append(signal)
    return unique


class OriginalSource:
    name = "original_source"
    title = "Original source"
    title_message = M("original_source.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        own = OwnOutlet.of(article)
        signals = collect_signals(article, own, ctx.outlets)
        counted = [s for s in signals if s.counts]
        data: dict[str, Any] = {
            "is_republication": bool(counted),
            "original_outlet": None,
            "original_outlet_en": None,
            "original_url": None,
            "original_linked": False,
            "link_usable": None,
            "signals": [_signal_data(s) for s in signals],
            "reachable": None,
        }
        seen = article.visibility
        if seen.text != "full":
            data["visible"], data["visible_reason"] = seen.text, seen.reason
        if not counted and not signals and seen.text == "none":
            data["is_republication"] = None  # unknown: the text could not be read
            return Result(Status.SKIP, data=data, message=could_not_look(seen.reason))
        if not counted and not signals and seen.text == "partial":
            message = M("original_source.none_visible", reason=seen.reason)
            return Result(Status.INFO, data=data, message=message)
        if not counted:
            return _not_republished(signals, data)
        chosen = next((s for s in counted if s.outlet), counted[0])
        link = find_link(article, chosen, counted, own)
        canonical = next((s.url for s in counted if s.kind == "canonical"), None)
        problem = usable(link.url) if link else None
        home = link is not None and problem is None and is_home_page(link.url)
        data["original_outlet"] = chosen.outlet
        data["original_outlet_en"] = chosen.wire.name if chosen.wire else None
        data["original_linked"] = link is not None and problem is None and not home
        data["link_usable"] = None if link is None else problem is None
        if link is not None and problem is None and not home:
            data["original_url"] = link.url
        else:
            declared = next((s.url for s in counted if s.url and s.kind == "declared"), None)
            data["original_url"] = canonical or declared or (link.url if home and link else None)
        if data["original_url"] and ctx.fetcher is not None:
            data["reachable"] = await _probe(data["original_url"], ctx)
        status, message = _verdict(chosen, link, problem, home, canonical, data["reachable"])
        if seen.text != "full":
            message = judged_visible(message, seen.reason)
        evidence = [Evidence(s.quote, s.where, s.url) for s in counted[:5]]
        if link is not None:
            evidence.append(Evidence(link.text or link.url, "link", link.url or None))
        return Result(status, evidence=tuple(evidence), data=data, message=message)


def _signal_data(signal: Signal) -> dict[str, Any]:
    return {
        "kind": signal.kind,
        "quote": signal.quote,
        "where": signal.where,
        "outlet": signal.outlet,
        "own_outlet": signal.own,
    }


def _not_republished(signals: list[Signal], data: dict[str, Any]) -> Result:
    own_wire = next((s for s in signals if s.wire is not None), None)
    if own_wire is None:
        return Result(Status.INFO, data=data, message=M("original_source.none"))
    evidence = tuple(Evidence(s.quote, s.where) for s in signals[:3])
    name = own_wire.outlet
    if own_wire.wire is not None and own_wire.wire.name != name:
        name = f"{name} ({own_wire.wire.name})"
    message = M("original_source.own_copy", outlet=name)
    return Result(Status.INFO, evidence=evidence, data=data, message=message)


def _verdict(
    chosen: Signal,
    link: Link | None,
    problem: str | None,
    home: bool,
    canonical: str | None,
    reachable: bool | None,
) -> tuple[Status, Message]:
    name = chosen.outlet
    # "ТАСС (TASS)": the page's own spelling, with the English name for any reader.
    english = chosen.wire.name if chosen.wire and chosen.wire.name != name else None
    basis = M(f"original_source.basis.{chosen.kind}")

    def named(note: Message | None = None) -> Message | str:
        if note is None:
            return f"{name} ({english})" if english else str(name)
        if english:
            return M("original_source.outlet_both_noted", outlet=name, english=english, note=note)
        return M("original_source.outlet_noted", outlet=name, note=note)

    if name is None:
        status, message = Status.WARN, M("original_source.not_named")
    elif link is not None and problem is None and not home:
        status, message = Status.PASS, M("original_source.linked", outlet=named())
    elif link is not None and problem is None:
        status, message = Status.WARN, M("original_source.home_page_only", outlet=named())
    elif link is not None:
        status = Status.WARN
        note = M("original_source.named_not_linked", problem=_problem(problem or ""))
        message = M("original_source.bad_link", outlet=named(note))
    elif canonical and chosen.kind != "canonical":
        domain = registered_domain(canonical)
        outlet = named(basis)
        message = M("original_source.canonical_elsewhere", outlet=outlet, domain=str(domain))
        status = Status.WARN
    elif chosen.kind == "canonical":
        status, message = Status.WARN, M("original_source.canonical", outlet=named(basis))
    else:
        status, message = Status.WARN, M("original_source.no_link", outlet=named(basis))
    if reachable is False:
        status, message = Status.WARN, M("original_source.not_answering", summary=message)
    return status, message


_PROBLEM = re.compile(
    r"^(?:(?P<placeholder>placeholder )|(?P<web>not a web address ))(?P<what>.*)$"
)


def _problem(problem: str) -> Message | str:
    """What is wrong with the link to the original, in the reader's words."""
    fixed = {"empty link": "empty", "javascript: link": "javascript", "mailto: link": "mailto"}
    if problem in fixed:
        return M(f"original_source.problem.{fixed[problem]}")
    match = _PROBLEM.match(problem)
    if match is None:
        return problem
    kind = "placeholder" if match["placeholder"] else "not_web"
    return M(f"original_source.problem.{kind}", target=match["what"])


async def _probe(url: str, ctx: Context) -> bool | None:
    """One bounded request to the original; None if it cannot be tried or does not finish."""
    settings = ctx.settings.get("original_source", {})
    if str(settings.get("probe", "true")).casefold() in ("0", "false", "no", "off"):
        return None
    probe = getattr(ctx.fetcher, "probe", None)
    if probe is None:
        return None
    try:
        seconds = float(settings.get("probe_seconds", PROBE_SECONDS))
        result = await asyncio.wait_for(probe(url), seconds)
    except (TimeoutError, ValueError):
        return None
    return bool(getattr(result, "reachable", False))
