"""The data that flows through sourcecheck: Article in, Checklist out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from checks.outlets.table import OutletTable
    from checks.read.fetch import Fetcher


class Status(StrEnum):
    PASS = "pass"  # the signal is present and fine
    WARN = "warn"  # worth a reader's attention
    FAIL = "fail"  # a red flag
    INFO = "info"  # a fact, no judgement
    SKIP = "skip"  # not applicable to this input
    ERROR = "error"  # set by the engine only: the check crashed or timed out


@dataclass(frozen=True, slots=True)
class Link:
    """A link inside the article: its target, the words it sits on, and where."""

    url: str
    text: str = ""
    position: int = -1  # character offset of the anchor text in Article.text, -1 if unknown


@dataclass(frozen=True, slots=True)
class Origin:
    """Where the article reached us from: a forwarding channel, a user, a file, a URL."""

    kind: str  # "channel", "user", "chat", "hidden_user", "url", "file", "stdin", "text"
    name: str = ""
    username: str = ""
    url: str | None = None
    date: datetime | None = None  # e.g. the original post's date for a forward


class Region(StrEnum):
    """Where on the page a block of text stands, relative to the headline and the body."""

    ABOVE_HEADLINE = "above_headline"  # kicker, section label, "Advertorial", "PAID CONTENT"
    BYLINE = "byline"  # author, wire credit, dateline block
    BEFORE_BODY = "before_body"  # standfirst, editor's note
    BODY = "body"  # the article's own text
    AFTER_BODY = "after_body"  # notes right after the text: credits, corrections, disclosures
    ASIDE = "aside"  # disclosure boxes and asides that belong to the article
    FOOTER = "footer"  # site-wide furniture: footer, sidebars, navigation


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the page's text with the region it stands in."""

    region: Region
    text: str


@dataclass(frozen=True, slots=True)
class Declared:
    """Provenance the page declares in its markup (JSON-LD, meta tags), as written there."""

    key: str  # "isBasedOn", "sourceOrganization", "provider", "copyrightHolder", "publisher"...
    value: str  # a name or an address
    where: str  # "JSON-LD", "meta syndication-source", ...


@dataclass(frozen=True, slots=True)
class Visibility:
    """How much of the article the reader could see: the checks judge only that part."""

    text: str = "full"  # "full", "partial" (a paywalled teaser), "none" (no readable text)
    reason: str = ""  # "paywall (isAccessibleForFree: false)", "JavaScript-only page", ...


@dataclass(frozen=True, slots=True)
class Article:
    """Everything the checks may look at, however the article arrived."""

    text: str
    links: tuple[Link, ...] = ()
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    site_name: str | None = None
    published: datetime | None = None
    published_basis: str = ""  # where the date came from: "meta", "json-ld", "message date"...
    canonical_url: str | None = None
    language: str | None = None
    origin: Origin | None = None
    received: datetime | None = None
    # Text of the page outside the main article (header, footer, sidebars), when known:
    # site-wide disclaimers and copyright lines live there.
    furniture_text: str = ""
    # Raw page metadata worth keeping (og:*, article:*, JSON-LD @type ...), lower-case keys.
    meta: Mapping[str, str] = field(default_factory=dict)
    source_kind: str = "text"  # "html", "markdown", "text", "telegram"
    # The page's text by region, in document order; the body is also `text`.
    blocks: tuple[Block, ...] = ()
    declared: tuple[Declared, ...] = ()
    visibility: Visibility = field(default_factory=Visibility)

    def region_text(self, *regions: Region) -> str:
        """The text of the blocks in these regions, one block a line, in document order."""
        return "\n".join(b.text for b in self.blocks if b.region in regions)


@dataclass(frozen=True, slots=True)
class Message:
    """Words as data: a stable id and its parameters, turned into a sentence in the reader's
    language only by a renderer (`checks.i18n.say`). The English templates travel with it, so
    a message whose catalog is missing still reads, in English.

    A parameter may be a string (a name, a quote: never translated), a number, a date or
    datetime (said the reader's way), a timedelta (“3 years ago”), another Message, or a list
    of these (joined by commas)."""

    id: str  # "original_source.republished_from": stable, used in JSON
    params: Mapping[str, Any] = field(default_factory=dict)
    english: str = ""  # the English template, "{outlet}: flagged by {count} open dataset"
    plural: str = ""  # its English plural form, when the message counts something
    count: str = ""  # the parameter that chooses the plural form
    domain: str = ""  # whose catalogs translate it: the top-level package that declared it


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a finding rests on: a quoted sentence, a link, a dataset row."""

    quote: str  # always in the article's own words, never translated
    where: str = ""  # "footer", "link 3", "forward origin", "CRED-1 (CC BY 4.0)", in English
    url: str | None = None
    place: Message | None = None  # `where` as data, for the reader's language

    def __post_init__(self) -> None:
        if self.place is not None and not self.where:
            from checks.i18n import say

            object.__setattr__(self, "where", say(self.place, "en"))


@dataclass(frozen=True, slots=True)
class Result:
    """One line of the checklist."""

    status: Status
    summary: str = ""  # one short line a reader understands, in English
    evidence: tuple[Evidence, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)  # machine-readable, for JSON
    # The summary as data, for the reader's language. A check that sets only `summary` (an
    # older plug-in) is shown its summary as written, in every language.
    message: Message | None = None

    def __post_init__(self) -> None:
        if self.message is not None and not self.summary:
            from checks.i18n import say

            object.__setattr__(self, "summary", say(self.message, "en"))


@dataclass(frozen=True, slots=True)
class Outcome:
    """A check's result together with which check produced it."""

    check: str
    title: str
    result: Result
    seconds: float = 0.0
    title_message: Message | None = None  # the title as data, when the check declares one


@dataclass(frozen=True, slots=True)
class Checklist:
    """All results for one input, in the engine's stable order."""

    input: str
    article: Article
    outcomes: tuple[Outcome, ...]

    def get(self, check: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.check == check), None)


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may use from outside, injected so tests can pass their own."""

    now: datetime
    outlets: OutletTable | None = None
    fetcher: Fetcher | None = None  # None: the check must not touch the network
    settings: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Check(Protocol):
    """A check: answers one question about an article, with evidence."""

    name: str  # == its entry-point name; stable, used in JSON
    title: str  # the question it answers, e.g. "Disclaimers"

    async def run(self, article: Article, ctx: Context) -> Result: ...
