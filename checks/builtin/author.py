"""Author: who the page says wrote it, whether the byline and the metadata agree, and whether
a page about the author is linked. It says what can be verified about a name, never about the
person."""

from __future__ import annotations

import asyncio
import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from checks.builtin import _byline_parts as parts
from checks.domains import registered_domain
from checks.i18n import Messages
from checks.i18n.places import place
from checks.languages import Pattern, languages, patterns, resource
from checks.model import Article, Context, Evidence, Message, Region, Result, Status
from checks.wires import WIRES

M = Messages(
    __name__,
    {
        "author.title": "Who wrote it",
        "author.no_text": "no article to look for an author in",
        "author.none": "No author named, neither on the page nor in its metadata",
        "author.summary": "{kind}: {names}",
        "author.summary_guest": "{kind}: {names} (marked as a guest or outside contributor)",
        "author.with_note": "{summary}; {note}",
        "author.kind.person": "A named author",
        "author.kind.people": "Named authors",
        "author.kind.wire": "A news agency",
        "author.kind.desk": "A newsroom or staff byline, no person named",
        "author.kind.outlet": "The outlet's own name as author, no person named",
        "author.kind.organisation": "An organisation named as author, no person named",
        "author.note.same": "the metadata names the same",
        "author.note.differs": "the {where} says {names}",
        "author.note.organisation_as_person": "the metadata declares an organisation as a person",
        "author.note.page_dead": "the linked author page does not answer ({why})",
        "author.note.page_answers": "an author page is linked and answers",
        "author.note.page_linked": "an author page is linked",
        "author.note.no_page": "no author page linked",
        "author.telegram.signed_in_channel": "Signed {signature} in the channel {channel}",
        "author.telegram.channel": "A post of the channel {channel}, not signed by a person",
        "author.telegram.signed": "A post signed {signature}",
        "author.telegram.nothing": "A post with no signature and no channel named",
    },
)

PROBE_SECONDS = 4.0
TEXT_BYLINE_LINES = 12
TEXT_TAIL_LINES = 4
MAX_NAME = 80
MAX_BYLINE_LINE = 200  # a byline block's line: the name, a date, a role ("· 11 октября 2018")
# Where a byline's date, handle, web address, bracket or next label ("Kategorien: Mode")
# begins.
_SEPARATORS = re.compile(r"\d|\s[|•·]\s|@|\s[^\W\d_]{3,20}:\s|\s\(|https?:|\swww\.")
_LABEL = re.compile(
    r"^\s*[^\W\d_][\w ]{1,20}:\s+"
)  # "Interview: ", "Text: ", "Periodista Digital: "
_WORD = re.compile(r"\w+")
_LIST = re.compile(r"\s*[,;]\s*")  # between the entries of a byline; "and" only within one
_WIRE_ALIASES = {alias: wire.name for wire in WIRES for alias in wire.aliases}
_WIRE_TOKEN = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _WIRE_ALIASES), key=len, reverse=True))
    + r"|dpa|afp|sid|kna|epd|apa|sda|efe|ansa)(?![\w-])"
)  # fmt: skip
_LOWER_WIRES = {"dpa": "dpa", "afp": "AFP", "sid": "SID", "kna": "KNA", "epd": "epd",
                "apa": "APA", "sda": "SDA", "efe": "EFE", "ansa": "ANSA"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Byline:
    """The names one source of authorship gives, as written there."""

    where: str  # "byline", "JSON-LD author", "meta parsely-author", "post signature"
    text: str
    names: tuple[str, ...]
    person_typed: bool = False  # JSON-LD declares @type Person
    organisation_typed: bool = False  # JSON-LD declares an Organization (or a kind of one)
    marked: bool = False  # a visible byline that says "By …", so it is surely one


def _first(found: tuple[Pattern, ...], text: str) -> re.Match[str] | None:
    hits = [m for p in found if (m := p.regex.search(text))]
    return min(hits, key=lambda m: m.start()) if hits else None


@cache
def _splitter() -> re.Pattern[str]:
    """Commas, "&", and every language's "and" between the names of a byline. "and" is
    written in lower case (or all capitals, "AND"); a capital letter with a full stop is an
    initial ("Bruce Y. Lee", "Sarah E. Needleman", "e.V."), never Spanish "y" or "e"."""
    words = {
        w
        for code in languages()
        for w in resource("attribution", code).get("words", {}).get("conjunctions", [])
    }
    words |= {w.upper() for w in words if len(w) > 1}
    joined = "|".join(rf"\b{re.escape(w)}\b(?!\.)" for w in sorted(words))
    return re.compile(rf"\s*(?:,|;|&|\+|/|{joined})\s*")


@cache
def _cues(kind: str, language: str | None) -> tuple[Pattern, ...]:
    """A byline cue in every language, the page's own first: a byline is too short to tell
    its language, and "Redaktion" or "Par" is one whatever the body is written in."""
    codes = [language] if language in languages() else []
    codes += [c for c in languages() if c not in codes]
    return tuple(
        p for c in codes for p in patterns("attribution", c) if p.path.split("[")[0] == kind
    )


def _clean(text: str, language: str | None) -> str:
    # Metadata is sometimes escaped twice ("H&#233;ctor"): the name is the unescaped one.
    text = " ".join(html.unescape(text).split())
    text = parts.after_lead_in(text)
    for pattern in _cues("by", language):
        stripped = pattern.regex.sub("", text, count=1)
        if stripped != text:
            text = stripped
            break  # one lead-in: "Par Marie Dupont", never "Par" and then "de"
    cuts = [
        m.start()
        for m in [_SEPARATORS.search(text), _first(_cues("date_label", language), text)]
        if m
    ]
    if cuts:
        text = _without_dangling(text[: min(cuts)])
    text = parts.before_tail(_LABEL.sub("", text, count=1))
    role = _first(_cues("role", language), text)
    if role and role.start() > 0 and text[: role.start()].strip(" ,"):
        head = text[: role.start()]
        if len(head.split()) == 1 and "," not in head:
            return ""  # "Court Reporter", "Staff Writer": a job title, no name
        comma = head.rfind(",")
        # "Hillel Italie, AP National Writer": the title's own part goes with its role word.
        if comma > 0 and len(head[comma + 1 :].split()) <= 3:
            head = head[:comma]
        text = parts.without_title(head)
    words = text.split()
    dates = _calendar_words(language)
    for i, word in enumerate(words[1:], 1):
        if word.casefold().strip(".,") in dates:
            kept = words[:i]
            # "Minh Do on Monday": the small word that led into the date goes with it.
            while len(kept) > 1 and kept[-1].islower() and kept[-1] in _date_prepositions():
                kept.pop()
            text = " ".join(kept)
            break
    return _trimmed(text.strip(" -–—|,:·•"))


@cache
def _date_prepositions() -> frozenset[str]:
    """ "on", "am", "le", "в": the words a language puts before a date (temporal.toml)."""
    return frozenset(
        w.casefold()
        for code in languages()
        for w in resource("temporal", code).get("span_prepositions", [])
        if " " not in w
    )


@cache
def _function_words() -> frozenset[str]:
    return frozenset(
        w.casefold() for code in languages() for w in resource("stopwords", code).get("words", [])
    )


def _without_dangling(text: str) -> str:
    """ "Kashmira Gander On" (cut before "11/13/19"): the word that led into the date goes."""
    words = text.split()
    while len(words) > 1 and words[-1].casefold() in _function_words():
        words.pop()
    return " ".join(words) + (" " if text.endswith(" ") else "")


@cache
def _calendar_words(language: str | None) -> frozenset[str]:
    words: set[str] = set()
    for code in {language if language in languages() else "en", "en"}:
        calendar = resource("calendar", code)
        for key in ("months", "weekdays", "weekday_abbreviations"):
            for spellings in calendar.get(key, []):
                words.update([spellings] if isinstance(spellings, str) else spellings)
    return frozenset(words)


def names_in(text: str, language: str | None) -> tuple[str, ...]:
    """ "By Jane Doe and John Roe | May 3" -> ("Jane Doe", "John Roe")."""
    cleaned = _clean(text, language)
    names: list[str] = []
    pieces: list[str] = []
    for piece in _LIST.split(cleaned):
        # "Bundesministerium für Wirtschaft und Klimaschutz", "Deutsches Rotes Kreuz e.V.":
        # one body, whatever "und" or "e" it holds.
        whole = parts.is_organisation(piece) and not _wire(piece)
        pieces += [piece] if whole else _splitter().split(piece)
    for part in pieces:
        part = parts.once(_trimmed(part))
        if names and (_first(_cues("role", language), part) or parts.is_credential(part)):
            continue  # "Jane Doe, Senior Reporter", "Rachael Link, MS, RD"
        if looks_like_name(part, language) and part not in names:
            names.append(part)
    return tuple(names)


def _trimmed(part: str) -> str:
    """Without the dashes and stops around it, but with an initial's ("Nicolas Gutierrez C.")."""
    part = part.strip(" -–—").lstrip(".")
    last = part.split()[-1] if part.split() else ""
    if part.endswith(".") and len(last) > 2 and "." not in last[:-1]:  # not "C.", "e.V."
        part = part.rstrip(".")
    return part.strip(" -–—")


def looks_like_name(part: str, language: str | None) -> bool:
    """Not "admin", "link" or "Contributor": a name is capitalised where its script has
    cases, and is not a byline label."""
    if not part or len(part) > MAX_NAME or not any(ch.isalpha() for ch in part):
        return False
    if part.casefold() in ("by", "von", "par", "por") or parts.is_placeholder(part):
        return False
    if any(ch.islower() for ch in part) and not any(ch.isupper() for ch in part):
        # "det/dpa" is a credit and "sudinfo.be" a site; "admin" is not a name.
        return _wire(part) is not None or parts.is_web_address(part)
    if any(p.regex.fullmatch(part) for p in _cues("guest", language)):
        return False
    # A heading or credit line ("Youtube-Netzwerken lernen") unless a body, desk or agency.
    return not parts.has_loose_words(part) or bool(
        _wire(part) or parts.is_organisation(part) or _is_desk(part, language)
    )


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def same_name(a: str, b: str) -> bool:
    """Names agree when one holds the other ("Leah C. Stokes" ~ "Leah Stokes" by surname)."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    return x.split()[-1] == y.split()[-1] and x.split()[0][:1] == y.split()[0][:1]


def _bylines(article: Article) -> list[Byline]:
    meta = article.meta
    found: list[Byline] = []
    language = article.language
    visible = meta.get("author_visible")
    if visible:
        names = names_in(visible, language)
        marked = any(p.regex.match(visible.strip()) for p in _cues("by", language))
        if names:
            found.append(Byline("byline", visible, names, marked=marked))
    jsonld = meta.get("author_jsonld")
    if jsonld:
        entries = [e.partition(": ") for e in html.unescape(jsonld).split("; ")]
        names = tuple(
            dict.fromkeys(n for kind, _, n in entries for n in _declared(kind, n, language))
        )
        person = any(kind.startswith("Person") for kind, _, _ in entries)
        organisation = all(_organisation_type(kind) for kind, _, _ in entries)
        if names:
            found.append(Byline("JSON-LD author", jsonld, names, person, organisation))
    for key, value in meta.items():
        if key.startswith("author_meta:") and "://" not in value:
            names = names_in(value, language)
            if names:
                found.append(Byline(f"meta {key.split(':', 1)[1]}", value, names))
    link_text = meta.get("author_link_text")
    if not found and link_text:
        names = names_in(link_text, language)
        if names:
            found.append(Byline("author link", link_text, names))
    if not found and article.source_kind in ("text", "markdown"):
        line = _text_byline(article.text, language)
        if line:
            found.append(Byline("byline", line, names_in(line, language), marked=True))
    if not found and article.byline:
        names = names_in(article.byline, language)
        if names:
            where = "post signature" if article.source_kind == "telegram" else "byline"
            found.append(Byline(where, article.byline, names))
    if not found:
        line = _region_byline(article)
        if line:
            found.append(Byline("byline", line, names_in(line, language), marked=True))
    return found


def _region_byline(article: Article) -> str | None:
    """The page's byline block, when it opens with a byline's lead-in ("Текст: Лида
    Буслаева · 11 октября 2018", "Von Jana Roth"): the reader found the block by its place,
    and the lead-in says it names the writer."""
    for block in article.blocks:
        if block.region is Region.BYLINE:
            line = _text_byline(block.text, article.language, max_chars=MAX_BYLINE_LINE)
            if line:
                return line
    return None


def _organisation_type(kind: str) -> bool:
    """schema.org's Organization and its kinds: NewsMediaOrganization, Corporation..."""
    return kind.endswith(("Organization", "Corporation", "GovernmentOrganization", "NGO"))


def _declared(kind: str, name: str, language: str | None) -> tuple[str, ...]:
    """The names one JSON-LD author entry gives: an organisation's name whole ("Bundes-
    ministerium für Wirtschaft und Klimaschutz"), a person entry read like a byline (it
    may hold "Christal Hayes, Michael Collins | USA TODAY")."""
    name = " ".join(name.split())
    if _organisation_type(kind):
        return (name,) if looks_like_name(name, language) else ()
    return names_in(name, language)


def _text_byline(
    text: str, language: str | None, *, tail: bool = False, max_chars: int = MAX_NAME
) -> str | None:
    """A "By Jane Doe" line among the first lines of the text (and, with `tail`, its last)."""
    lines = text.splitlines()
    chosen = lines[:TEXT_BYLINE_LINES] + (lines[-TEXT_TAIL_LINES:] if tail else [])
    for line in chosen:
        line = line.strip()
        if 3 < len(line) <= max_chars and any(p.regex.match(line) for p in _cues("by", language)):
            if names_in(line, language):
                return line
    return None


def _wire(name: str) -> str | None:
    match = _WIRE_TOKEN.search(name)
    if not match:
        return None
    token = match.group(1)
    return _WIRE_ALIASES.get(token) or _LOWER_WIRES.get(token.casefold())


def _is_desk(text: str, language: str | None) -> bool:
    return any(p.regex.search(text) for p in _cues("desk", language))


def _is_guest(text: str, language: str | None) -> bool:
    return any(p.regex.search(text) for p in _cues("guest", language))


def _is_outlet(name: str, article: Article) -> bool:
    outlet_names = [article.site_name or "", article.meta.get("jsonld_publisher", "")]
    # The site's own address as author ("Mynet.com", "example.de"): the outlet, not a person.
    outlet_names.append(registered_domain(article.canonical_url or article.url or "") or "")
    key = _norm(name).replace(" ", "")
    outlets = [_norm(o).replace(" ", "") for o in outlet_names if o]
    # A short name counts inside a longer one only as an acronym: "NDR" in "NDR.de".
    inside = len(key) > 4 or (name.isupper() and len(key) >= 2)
    return bool(key) and any(
        key == o
        or (inside and o.startswith(key))
        or (len(key) > 4 and key in o)
        or (len(o) > 4 and o in key)
        for o in outlets
    )


def kind_of(
    names: tuple[str, ...], text: str, article: Article, organisations: tuple[str, ...] = ()
) -> str:
    """ "person", "people", "wire", "desk" (a newsroom, staff), "outlet" (the site's name),
    "organisation" (a company or body, declared as one or named like one)."""
    if not names:
        return "none"
    if all(_wire(n) for n in names):
        return "wire"
    # "Times Staff" is a desk; "Jane Doe - Staff Writer" and "Eric Song, IGN Staff" are people.
    if all(_is_desk(n, article.language) or _wire(n) for n in names):
        return "desk"
    if all(_is_outlet(n, article) for n in names):
        return "outlet"
    people = [
        n
        for n in names
        if not _wire(n)
        and not _is_outlet(n, article)
        and not _is_desk(n, article.language)
        and not parts.is_organisation(n)
        and n not in organisations
    ]
    if not people:
        return "organisation"
    return "people" if len(people) > 1 else "person"


class Author:
    name = "author"
    title = "Who wrote it"
    title_message = M("author.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        if article.source_kind == "telegram":
            return _telegram(article)
        bylines = _bylines(article)
        if not bylines and article.source_kind == "html":
            # No byline, or only a site account ("Guest"): the writer credited at the end.
            credit = _text_byline(article.text, article.language, tail=True)
            if credit:
                bylines = [
                    Byline("credit in the text", credit, names_in(credit, article.language))
                ]
        if not bylines:
            if not article.text.strip():
                return Result(Status.SKIP, message=M("author.no_text"))
            return Result(
                Status.WARN,
                message=M("author.none"),
                data={"kind": "none", "names": [], "sources": [], "author_url": None},
            )
        bylines = _trusted(bylines)
        main = next((b for b in bylines if b.where == "byline"), bylines[0])
        names = main.names
        organisations = tuple(n for b in bylines if b.organisation_typed for n in b.names)
        kind = kind_of(names, main.text, article, organisations)
        if kind in ("outlet", "desk") and article.source_kind == "html":
            # A site account posting someone's piece credits the writer in the text itself.
            credit = _text_byline(article.text, article.language, tail=True)
            if credit and kind_of(names_in(credit, article.language), credit, article) in (
                "person",
                "people",
            ):
                main = Byline("credit in the text", credit, names_in(credit, article.language))
                bylines = [main, *bylines]
                names, kind = main.names, kind_of(main.names, credit, article)
        data: dict[str, Any] = {
            "kind": kind,
            "names": list(names),
            "wire": next((w for n in names if (w := _wire(n))), None),
            "sources": [
                {"where": b.where, "text": b.text, "names": list(b.names)} for b in bylines
            ],
            "author_url": article.meta.get("author_url"),
            "guest": any(_is_guest(b.text, article.language) for b in bylines),
        }
        data["metadata_agrees"] = _agrees(bylines, article)
        posing = [
            b
            for b in bylines
            if b.person_typed and kind in ("wire", "desk", "outlet", "organisation")
        ]
        data["organisation_as_person"] = bool(posing)
        evidence = [Evidence(b.text, where=b.where, place=_place(b.where)) for b in bylines]
        if data["author_url"]:
            evidence.append(Evidence("author page", where="linked", url=data["author_url"]))
        if data["author_url"] and ctx.fetcher is not None and _probing(ctx):
            data["author_page"] = await _probe(data["author_url"], ctx)
        return Result(_status(data), evidence=tuple(evidence), data=data, message=_summary(data))


def _place(where: str) -> Message | None:
    said = place(where)
    return said if isinstance(said, Message) else None


def _trusted(bylines: list[Byline]) -> list[Byline]:
    """A visible author box that neither says "By" nor agrees with the metadata may be a
    section label or a comment count: the metadata speaks instead."""
    shown = [b for b in bylines if b.where == "byline"]
    declared = [b for b in bylines if b.where != "byline"]
    if not shown or not declared or shown[0].marked:
        return bylines
    if any(same_name(a, b) for d in declared for a in shown[0].names for b in d.names):
        return bylines
    return declared


def _agrees(bylines: list[Byline], article: Article) -> bool | None:
    """Whether the byline and the metadata name the same author; None when only one names a
    person (metadata naming just the outlet is no disagreement)."""
    shown = [b for b in bylines if b.where == "byline"]
    declared = [
        b
        for b in bylines
        if b.where != "byline" and not all(_is_outlet(n, article) for n in b.names)
    ]
    if not shown or not declared:
        return None
    return any(same_name(a, b) for s in shown for d in declared for a in s.names for b in d.names)


def _probing(ctx: Context) -> bool:
    settings = ctx.settings.get("author") or {}
    return str(settings.get("probe_author_page", "on")).lower() not in ("off", "0", "false", "no")


async def _probe(url: str, ctx: Context) -> dict[str, Any]:
    probe = getattr(ctx.fetcher, "probe", None)
    if probe is None:
        return {"url": url, "answers": None}
    try:
        result = await asyncio.wait_for(probe(url), PROBE_SECONDS)
    except TimeoutError:
        return {"url": url, "answers": None, "error": "no answer in time"}
    return {
        "url": url,
        "answers": bool(getattr(result, "reachable", False)),
        "status": getattr(result, "status", None),
        "error": getattr(result, "error", ""),
    }


def _status(data: dict[str, Any]) -> Status:
    page = data.get("author_page") or {}
    if data["metadata_agrees"] is False or data["organisation_as_person"]:
        return Status.WARN
    if page.get("answers") is False:
        return Status.WARN
    if data["kind"] in ("person", "people") and data["author_url"] and not data["guest"]:
        return Status.PASS
    return Status.INFO


def _summary(data: dict[str, Any]) -> Message:
    names = ", ".join(data["names"][:4])
    key = "author.summary_guest" if data["guest"] else "author.summary"
    summary = M(key, kind=M(f"author.kind.{data['kind']}"), names=names)
    notes: list[Message] = []
    if data["metadata_agrees"] is True:
        notes.append(M("author.note.same"))
    elif data["metadata_agrees"] is False:
        declared = [s for s in data["sources"] if s["where"] != "byline"]
        said = ", ".join(declared[0]["names"][:3])
        notes.append(M("author.note.differs", where=place(declared[0]["where"]), names=said))
    if data["organisation_as_person"]:
        notes.append(M("author.note.organisation_as_person"))
    page = data.get("author_page") or {}
    if data["author_url"]:
        if page.get("answers") is False:
            why = page.get("error") or page.get("status")
            notes.append(M("author.note.page_dead", why=str(why)))
        elif page.get("answers"):
            notes.append(M("author.note.page_answers"))
        else:
            notes.append(M("author.note.page_linked"))
    elif data["kind"] in ("person", "people"):
        notes.append(M("author.note.no_page"))
    for note in notes:
        summary = M("author.with_note", summary=summary, note=note)
    return summary


def _telegram(article: Article) -> Result:
    origin = article.origin
    channel = None
    if origin is not None and origin.kind in ("channel", "chat"):
        channel = origin.name or (f"@{origin.username}" if origin.username else None)
    signature = (article.byline or "").strip() or None
    data = {
        "kind": "person" if signature else ("channel" if channel else "none"),
        "names": [signature] if signature else [],
        "channel": channel,
        "signature": signature,
        "sources": [],
        "author_url": origin.url if origin is not None else None,
    }
    evidence = []
    if channel:
        evidence.append(Evidence(channel, where="forward origin", url=data["author_url"]))
    if signature:
        evidence.append(Evidence(signature, where="post signature"))
    if signature and channel:
        message = M("author.telegram.signed_in_channel", signature=signature, channel=channel)
        return Result(Status.INFO, evidence=tuple(evidence), data=data, message=message)
    if channel:
        message = M("author.telegram.channel", channel=channel)
        return Result(Status.INFO, evidence=tuple(evidence), data=data, message=message)
    if signature:
        message = M("author.telegram.signed", signature=signature)
        return Result(Status.INFO, evidence=tuple(evidence), data=data, message=message)
    return Result(Status.WARN, data=data, message=M("author.telegram.nothing"))
