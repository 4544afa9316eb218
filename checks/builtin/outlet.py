"""Outlet: who published this, and what open datasets say about that outlet.

From a page address the outlet is its registered domain, named by the page's metadata (or the
datasets when the metadata is a section name like Reuters' "U.S."). From pasted text it is the
outlet that the boilerplate names: datelines, copyright, membership and newsletter lines, the
site address. A forwarding channel is the relay, never the outlet.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checks.domains import Wrapper, host_of, registered_domain, unwrap
from checks.i18n import Messages, Plural
from checks.model import Article, Context, Evidence, Message, Origin, Result, Status
from checks.outlets.table import OutletRecord, OutletTable, Rating, normalize_name, transliterate
from checks.temporal import MONTH_NUMBERS

M = Messages(
    __name__,
    {
        "outlet.title": "Outlet",
        "outlet.not_identified": "Outlet not identified",
        "outlet.not_identified_relay": "Outlet not identified ({relay}, which is only the relay)",
        "outlet.not_identified_wrapper": "Outlet not identified (page served through a wrapper,"
        " {kind} ({host}), not by the outlet)",
        # The kinds of wrapper (checks/domains.py names them in English); names stay.
        "outlet.wrapper.Google AMP cache": "Google's AMP cache",
        "outlet.wrapper.Google Translate proxy": "Google Translate's proxy",
        "outlet.wrapper.Wayback Machine archive": "an archived copy on the Wayback Machine",
        "outlet.wrapper.archive.today archive": "an archived copy on archive.today",
        "outlet.wrapper.Google News aggregator": "Google News",
        "outlet.forwarded_by.channel": "forwarded by channel {who}",
        "outlet.forwarded_by.group": "forwarded by group {who}",
        "outlet.the_outlet": "the outlet",
        "outlet.blog_platform": "{outlet}: blog not rated; only its platform {platform} is rated",
        "outlet.no_datasets": "{outlet}: no outlet datasets loaded",
        "outlet.flagged": Plural(
            "{outlet}: flagged by {count} open dataset",
            "{outlet}: flagged by {count} open datasets",
        ),
        "outlet.estimate_only": "{outlet}: no human-rated dataset lists it; {claim}",
        "outlet.estimate_only_low": "{outlet}: no human-rated dataset lists it; {claim} (low)",
        "outlet.not_rated": "{outlet}: not rated in any bundled dataset",
        "outlet.not_flagged_one": "{outlet}: not flagged ({dataset}: {claim})",
        "outlet.not_flagged_many": Plural(
            "{outlet}: not flagged by the {count} open dataset that rates it",
            "{outlet}: not flagged by the {count} open datasets that rate it",
        ),
    },
)

MAX_QUOTE = 300

_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_WORD_CHARS = r"\w&'’.\-"
# A capitalised outlet name of up to six words; small linking words may sit inside it.
_JOINERS = (
    "of",
    "for",
    "on",
    "and",
    "de",
    "du",
    "des",
    "la",
    "le",
    "del",
    "der",
    "und",
    "da",
    "do",
)
# A capitalised outlet name of up to six words; small linking words may sit inside it, and
# Cyrillic names keep their lower-case words ("Новая газета", "Української правди").
_NAME = (
    rf"(?P<name>(?:The\s+)?[{_UPPER}0-9][{_WORD_CHARS}]{{0,60}}"
    rf"(?:[ \t]+(?:{'|'.join(_JOINERS)}|[{_UPPER}][{_WORD_CHARS}]{{0,60}}|[а-яёіїєґ]{{4,60}}))"
    r"{0,5})"
)
# In quotes the whole quoted text is the name: «Новая газета», „Die Zeit“.
_QUOTED_NAME = rf"(?:[«“„\"](?P<qname>[^«»“”„\"\n]{{2,60}})[»“”\"]|{_NAME})"

_MONTHS = "|".join(sorted(map(re.escape, MONTH_NUMBERS), key=len, reverse=True))
_DATE = (
    rf"(?i:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\.?\s+(?:de\s+)?\d{{4}}(?:\s*(?:г|р)\.?)?"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})"
)
# "Global Research, May 23, 2023" on a line of its own.
_DATELINE = re.compile(rf"^[ \t]*{_NAME},[ \t]+{_DATE}[ \t]*$", re.M)
# "— Leah C. Stokes, The Atlantic": an attribution line under a quoted excerpt.
_ATTRIBUTION = re.compile(rf"^[ \t]*[—–-][ \t]*[^,\n]{{2,60}},[ \t]*{_NAME}", re.M)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)(?:[ \t]*(?:©|\(c\)|copyright\b))*[ \t]*"
    r"(?:\d{1,4}(?:[ \t]*[-–][ \t]*\d{4})?[ \t]*[,—–-]?[ \t]*)?(?:by[ \t]+)?"
    r"(?P<body>[^\n]{2,160})",
    re.I,
)
_RIGHTS_RESERVED = re.compile(
    r"\ball rights\b|\balle rechte\b|\btous droits\b|\btodos (?:los|os) (?:de|di)r"
    r"|\bвсе права\b|\bусі права\b|\bвсі права\b",
    re.I,
)
# Where the holder's name ends: a sentence stop, a separator, the rights phrase, another ©.
_HOLDER_END = re.compile(
    rf"(?:\.(?=\s|$)|[|;:]|\s[—–-]\s|©|\(c\)|\bcopyright\b|{_RIGHTS_RESERVED.pattern}).*$",
    re.I,
)
_HOLDER_NAME = re.compile(_NAME)
_LEGAL_SUFFIX = re.compile(
    r"^(?:inc|llc|ltd|plc|gmbh|ag|sa|s\.a|sas|srl|co|corp|limited|ооо|ао|тов)\.?$", re.I
)
_YEAR = re.compile(r"^\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*$")


@dataclass(frozen=True, slots=True)
class _Cue:
    """A pattern, and the lower-case words one of which the text must hold for it to apply:
    scanning a long article with a dozen name patterns costs milliseconds, a substring test not."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def finditer(self, text: str, lower: str) -> Iterator[re.Match[str]]:
        if any(n in lower for n in self.needles):
            yield from self.pattern.finditer(text)


def _cue(pattern: str, *needles: str, flags: int = 0) -> _Cue:
    return _Cue(re.compile(pattern, flags), needles)


# Call-to-action and house-notice lines that name the publisher.
# Joining or paying is about the site one is on: weightier than "share our articles".
_MEMBERSHIP = [
    _cue(
        rf"(?i:become\s+a\s+(?:member|patron|subscriber)\s+of|donate\s+to)\s+{_NAME}",
        "become a",
        "donate to",
    ),
    _cue(
        r"(?i:werden\s+sie\s+mitglied\s+(?:bei|von)|devenez\s+membre\s+d[eu]|hazte\s+socio\s+de"
        r"|torne-se\s+(?:membro|assinante)\s+d[aeo]|станьте\s+(?:членом|подписчиком|учасником))"
        rf"\s+{_QUOTED_NAME}",
        "mitglied",
        "membre",
        "socio",
        "torne-se",
        "станьте",
    ),
]
_BOILERPLATE = [
    _cue(
        rf"(?i:\ball|share\s+widely|comment\s+on|republish)\s+{_NAME}\s+(?i:articles?)\b",
        "article",
    ),
    _cue(
        rf"(?i:\bto\s+receive|subscribe\s+to|sign\s+up\s+for)\s+{_NAME}(?:'s|’s)\s+"
        r"(?i:(?:daily\s+|weekly\s+|free\s+)?newsletter)",
        "newsletter",
    ),
    _cue(
        rf"{_NAME}\s+(?i:grants\s+permission|will\s+not\s+be\s+(?:held\s+)?responsible"
        r"|is\s+not\s+responsible|assumes\s+no\s+responsibility)",
        "permission",
        "responsib",
    ),
    _cue(
        rf"(?i:unterstützen\s+sie|abonnieren\s+sie)\s+{_QUOTED_NAME}", "unterstützen", "abonnieren"
    ),
    _cue(rf"(?i:abonnez-vous\s+à|soutenez)\s+{_QUOTED_NAME}", "abonnez", "soutenez"),
    _cue(rf"(?i:suscríbete\s+a|apoya\s+a)\s+{_QUOTED_NAME}", "suscríbete", "apoya"),
    _cue(rf"(?i:assine\s+[oa]|apoie\s+[oa])\s+{_QUOTED_NAME}", "assine", "apoie"),
    _cue(
        rf"(?i:подпи(?:сывайтесь|шитесь)\s+на|поддержите)\s+{_QUOTED_NAME}", "подпи", "поддержите"
    ),
    _cue(
        rf"(?i:підпис(?:уйтесь|уйся)\s+на|підтримайте)\s+{_QUOTED_NAME}", "підпис", "підтримайте"
    ),
]
_HOUSE_PATTERNS = [(p, "membership line", 3) for p in _MEMBERSHIP] + [
    (p, "house notice", 2) for p in _BOILERPLATE
]
# Who is NOT the publisher: the named original, the author, the photographer.
_NOT_PUBLISHER = [
    _cue(
        rf"(?i:original\s+source\s+of\s+this\s+article\s+is|originally\s+(?:published|appeared)"
        rf"\s+(?:in|on|at|by)|first\s+(?:published|appeared)\s+(?:in|on|at|by)"
        rf"|republished\s+(?:from|with\s+permission\s+(?:from|of))|reprinted\s+from"
        rf"|courtesy\s+of|image\s+is\s+from|source:|via)\s+{_QUOTED_NAME}",
        "original",
        "published",
        "appeared",
        "reprinted",
        "courtesy",
        "image is",
        "source:",
        "via ",
    ),
    _cue(rf"(?i:erschien\s+zuerst\s+(?:bei|in|auf)|quelle:)\s*{_QUOTED_NAME}", "zuerst", "quelle"),
    _cue(
        rf"(?i:publié\s+(?:à\s+l'origine|initialement)\s+(?:sur|par|dans)|source\s*:)\s*"
        rf"{_QUOTED_NAME}",
        "publié",
        "source",
    ),
    _cue(
        rf"(?i:publicado\s+originalmente\s+(?:en|em|por|no|na)|fuente:|fonte:)\s*{_QUOTED_NAME}",
        "originalmente",
        "fuente",
        "fonte",
    ),
    _cue(
        rf"(?i:источник:|впервые\s+опубликован[оа]?\s+(?:в|на)|джерело:"
        rf"|вперше\s+опубліковано\s+(?:в|на|у))\s*{_QUOTED_NAME}",
        "источник",
        "впервые",
        "джерело",
        "вперше",
    ),
    _cue(
        rf"^[ \t]*(?i:by|von|par|por|автор:|articles\s+by:?)\s+{_NAME}",
        "by ",
        "von ",
        "par ",
        "por ",
        "автор",
        flags=re.M,
    ),
    _cue(rf"(?i:photo|image|foto|фото)\s*:\s*{_NAME}", "photo", "image", "foto", "фото"),
]
_COPYRIGHT_CUE = _Cue(_COPYRIGHT, ("©", "(c)", "copyright"))
_DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@.\-/])(?P<www>www\.)?(?P<host>(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24})"
    r"(?![\w\-]|\.[a-z0-9])",
    re.I,
)
# Starts only where the address starts, and never gives back what it took: one pass, not one
# per character of a long word.
_EMAIL_DOMAIN = re.compile(
    r"(?<![\w.+\-])[\w.+\-]++@(?P<host>(?:[a-z0-9\-]++\.)+[a-z]{2,24})\b", re.I
)
_HOUSE_WORDS = re.compile(
    r"(?i:copyright|©|rights\s+reserved|permission|contact|inquiries|reproduc|urheberrecht"
    r"|droits|derechos|direitos|права)"
)
# Anchors and lead-ins of a link that points to the article itself, not to a cited source.
_SOURCE_CUE = re.compile(
    r"(?i)^(?:read\s+(?:the\s+)?(?:full\s+)?(?:essay|article|story|more|piece|report)|full\s+"
    r"(?:story|article)|source|original|continue\s+reading|weiterlesen|zum\s+artikel"
    r"|lire\s+la\s+suite|lire\s+l'article|leer\s+más|leia\s+mais|читать\s+(?:далее|полностью)"
    r"|подробнее|читати\s+далі|детальніше|джерело|источник)\b"
)
_SOURCE_LEAD = re.compile(
    r"(?i:source|quelle|fuente|fonte|источник|джерело|via|link|read\s+more)\s*:?\s*$"
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")
_GENERIC_SITE_NAMES = {
    "u s",
    "us",
    "uk",
    "world",
    "news",
    "home",
    "homepage",
    "home page",
    "latest",
    "politics",
    "business",
    "sport",
    "sports",
    "opinion",
    "international",
    "edition",
    "u s edition",
    "us edition",
    "uk edition",
    "europe",
    "technology",
    "entertainment",
    "article",
    "blog",
}
_NOT_NAME_START = {"our", "this", "these", "their", "your", "my", "we", "us", "it", "its", "a"}
_TRAILING_WORDS = {"articles", "article", "daily", "newsletter", "channel", "website"}
# A t.me post address: its channel published it, not Telegram ("c/123" private links excepted).
_TME_POST = re.compile(
    r"^https?://(?:www\.)?(?:t|telegram)\.me/(?:s/)?(?P<handle>[a-z]\w{3,31})/\d+", re.I
)
_TELEGRAM_DOMAINS = {"t.me", "telegram.me"}
# Hosts where each subdomain is someone's own blog: a rating of the platform is not the blog's.
_BLOG_PLATFORMS = {
    "blogspot.com",
    "wordpress.com",
    "substack.com",
    "livejournal.com",
    "tumblr.com",
    "wixsite.com",
    "weebly.com",
    "over-blog.com",
    "typepad.com",
}
# A channel @username that spells a domain: "rian_ru" -> rian.ru.
_HANDLE_DOMAIN = re.compile(r"^[a-z0-9\-]{2,}_[a-z]{2,6}$", re.I)
# "Source: bbc.com", "(Источник: ria.ru)": a line giving a bare site address as where the text
# is from, weighed like a "Source:" link to the article. Only a line of its own: "Image source:
# reuters.com" after a caption is a credit.
_SOURCE_LINE_DOMAIN = re.compile(
    r"^[ \t]*+\(?[ \t]*+(?i:source|sources|quelle|fuente|fonte|источник|джерело)[ \t]*:[ \t]*"
    r"(?P<host>(?:www\.)?(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24})(?:/[^\s)]*)?"
    r"[ \t]*\)?[ \t.]*$",
    re.I | re.M,
)
_SOURCE_LINE_NEEDLES = ("source", "quelle", "fuente", "fonte", "источник", "джерело")
_HOST_LIKE = re.compile(r"^(?:www\.)?(?:[\w\-]+\.)+[a-z]{2,24}$", re.I)
_META_NAME_KEYS = ("og:site_name", "application-name", "publisher", "jsonld_publisher")
_QUOTES = re.compile(r"[«»“”„\"]")
_SENTENCE_END = re.compile(r"(?<!\b[A-ZА-Я])[.!?]\s+(?=[\"“«(]?[A-ZА-ЯЁІЇЄҐ0-9])")
_MAX_CLUES = 6
_SENTENCE_REACH = 2000
_MAX_MENTIONS = 500  # site and e-mail addresses weighed per text
_MOJIBAKE = re.compile("[ÃÂÐÑ][\x80-\xbf]")


@dataclass(frozen=True, slots=True)
class _Clue:
    kind: str  # "dateline", "copyright", "membership line", "site address in text"...
    name: str  # an outlet name, or "" when the clue is a domain
    domain: str | None
    quote: str
    where: str
    weight: int
    at: int = 0  # where in the text, for ordering

    def describe(self) -> str:
        return f"{self.kind}: '{_short(self.quote, 160)}'"


@dataclass(frozen=True, slots=True)
class _Identity:
    name: str | None
    domain: str | None
    clues: tuple[_Clue, ...]
    record: OutletRecord | None
    looked_at: str = ""
    own_channel: bool = False  # forwarded from the outlet's own Telegram channel
    platform: tuple[Rating, ...] = ()  # ratings of a blog's hosting platform, not of the blog


class Outlet:
    name = "outlet"
    title = "Outlet"
    title_message = M("outlet.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        table = ctx.outlets
        address, wrappers = _page_address(article)
        identity = (
            _from_address(article, address, wrappers, table)
            or _own_channel(article.origin, table)
            or _from_text(article, table, wrappers)
        )
        forwarded = _forwarded_by(article.origin)
        return _result(identity, forwarded, table)


# --- from a page address --------------------------------------------------------------------


def _page_address(article: Article) -> tuple[str | None, list[Wrapper]]:
    """The address the outlet is read from, and the wrappers (caches, archives, aggregators)
    that were looked through to find it."""
    wrappers: list[Wrapper] = []
    candidates = [article.url, article.canonical_url]
    origin = article.origin
    if origin is not None and origin.kind == "url":
        candidates.append(origin.url)
    for value in candidates:
        if not value or not registered_domain(value):
            continue
        wrapper = unwrap(value)
        if wrapper is None:
            return value, wrappers
        wrappers.append(wrapper)
        if wrapper.original and unwrap(wrapper.original) is None:
            return wrapper.original, wrappers
    return None, wrappers


def _wrapper_clues(wrappers: list[Wrapper]) -> list[_Clue]:
    clues = []
    for w in wrappers:
        what = f"page served through a wrapper, {w.kind} ({w.host}), not by the outlet"
        tail = f"; original: {w.original}" if w.original else "; the original address is not in it"
        clues.append(_Clue("wrapper", "", None, what + tail, "page address", 0))
    return clues


def _from_address(
    article: Article, address: str | None, wrappers: list[Wrapper], table: OutletTable | None
) -> _Identity | None:
    if address is None:
        return None
    domain = registered_domain(address)
    host = host_of(address)
    channel = _TME_POST.match(address)
    if domain in _TELEGRAM_DOMAINS and channel:
        return _telegram_post(article, channel.group("handle"), table)
    record = table.by_domain(host) if table is not None else None
    platform: tuple[Rating, ...] = ()
    bare = host.removeprefix("www.")
    if domain in _BLOG_PLATFORMS and bare != domain and record is not None:
        # A blog on a hosting platform: the platform's rating is not the blog's.
        own = table.by_domain(domain) if table is not None else None
        platform_refs = {r.row_ref for r in own.ratings} if own else set()
        platform = tuple(r for r in record.ratings if r.row_ref in platform_refs)
        mine = tuple(r for r in record.ratings if r.row_ref not in platform_refs)
        record = OutletRecord((), record.domains, mine) if mine else None
    clues = _wrapper_clues(wrappers)
    clues.append(_Clue("page address", "", domain, host, "page address", 3))
    if platform or (domain in _BLOG_PLATFORMS and bare != domain):
        domain = bare
    name, where = _choose_site_name(_metadata_names(article), domain or "", record)
    if name and where:
        clues.append(_Clue(where, name, domain, name, "page metadata", 2))
    elif name and record is not None:
        source = next((r.dataset for r in record.ratings if not r.estimate), "")
        clues.append(_Clue(f"name listed for {domain} in {source}", name, domain, name, "", 0))
    return _Identity(name, domain, tuple(clues), record, platform=platform)


def _telegram_post(article: Article, handle: str, table: OutletTable | None) -> _Identity:
    """A t.me post is its channel's: the outlet's own channel when the datasets know the
    channel's name, else the channel itself, never "Telegram"."""
    title = ""
    meta: Mapping[str, Any] = article.meta or {}
    for value in (meta.get("og:title"), meta.get("twitter:title"), article.title):
        if isinstance(value, str) and value.strip() and "telegram" not in value.casefold():
            title = value.strip()
            break
    origin = Origin("channel", name=title, username=handle)
    own = _own_channel(origin, table, where="page address")
    if own is not None:
        return own
    name = f"Telegram channel @{handle}"
    shown = f"t.me/{handle}" + (f" ({title})" if title else "")
    clue = _Clue("Telegram channel post", name, "t.me", shown, "page address", 3)
    return _Identity(name, "t.me", (clue,), None)


def _own_channel(
    origin: Origin | None, table: OutletTable | None, where: str = "forward origin"
) -> _Identity | None:
    """The outlet itself when the forwarding channel is one the datasets name: its title is a
    listed name ("РИА Новости" is RIA Novosti), or its @username spells a listed domain
    ("rian_ru" -> rian.ru) and its title agrees with that outlet's name. The handle must fit the
    outlet's domain either way: titles are free text, anyone can call a channel "RIA"."""
    if origin is None or origin.kind != "channel" or table is None:
        return None
    title = " ".join((origin.name or "").split())
    record = table.by_name(title) if title and not _HOST_LIKE.match(title) else None
    if record is not None and not _handle_fits(origin.username, record):
        record = None  # a channel titled "RIA" with an unrelated handle is not Mediacorp's Ria
    how = "channel title is a listed name, @username fits its domain"
    if record is None and _HANDLE_DOMAIN.match(origin.username or ""):
        candidate = table.by_domain(origin.username.replace("_", "."))
        latin = normalize_name(transliterate(title))
        if candidate is not None and any(
            _same_name(n, latin) for n in candidate.names if len(normalize_name(n)) >= 3
        ):
            record = (table.by_name(candidate.names[0]) if candidate.names else None) or candidate
            how = "channel @username is the outlet's domain"
    if record is None or not [r for r in record.ratings if not r.estimate]:
        return None
    name = next((n for n in record.names if _same_name(n, transliterate(title))), None)
    name = name or (record.names[0] if record.names else title)
    domain = record.domains[0] if record.domains else None
    handle = f"@{origin.username}" if origin.username else ""
    who = " ".join(p for p in (handle, f"({title})" if title else "") if p)
    quote = f"forwarded from {name}'s own channel {who}".strip()
    if where == "page address":
        quote = f"a post on {name}'s own Telegram channel {who}".strip()
    clue = _Clue(f"outlet's own Telegram channel ({how})", name, domain, quote, where, 3)
    return _Identity(name, domain, (clue,), record, own_channel=True)


def _metadata_names(article: Article) -> list[tuple[str, str]]:
    """(name, where it was found), most trusted first."""
    meta: Mapping[str, Any] = article.meta or {}
    found: list[tuple[str, str]] = []
    # The reader's choice first: it drops generic names ("News") and taglines.
    if article.site_name:
        found.append((article.site_name, "site name"))
    for key in _META_NAME_KEYS:
        value = meta.get(key)
        if isinstance(value, str):
            found.append((value, f"site name ({key})"))
    for title in (meta.get("title"), article.title):
        if isinstance(title, str):
            parts = _TITLE_SEPARATORS.split(title.strip())
            if len(parts) >= 2 and 0 < len(parts[-1].split()) <= 6:
                found.append((parts[-1], "page title suffix"))
    cleaned = [(_repair(" ".join(n.split())), w) for n, w in found]
    return [(n, w) for n, w in cleaned if n]


def _choose_site_name(
    candidates: list[tuple[str, str]], domain: str, record: OutletRecord | None
) -> tuple[str | None, str]:
    """The page's own name when it is a real name for this site, else the datasets' name."""
    table_names = list(record.names) if record is not None else []
    good = [(n, w) for n, w in candidates if _is_real_name(n, domain)]
    for name, where in good:
        if _fits_domain(name, domain) or any(_same_name(name, t) for t in table_names):
            return name, where
    for name in table_names:
        if _fits_domain(name, domain):
            return name, ""
    if good:
        return good[0]
    if table_names:
        return table_names[0], ""
    for name, where in candidates:
        bare = name.removeprefix("www.").removeprefix("WWW.")
        if _HOST_LIKE.match(name) and bare.lower() == domain:
            return bare, where  # the site calls itself by its address: "WHNT.com", "correctiv.org"
    return None, ""


def _is_real_name(name: str, domain: str) -> bool:
    key = normalize_name(name)
    if not key or key in _GENERIC_SITE_NAMES or name.startswith("@"):
        return False
    return not _HOST_LIKE.match(name)


def _domain_label(domain: str) -> str:
    label = domain.split(".", 1)[0] if domain else ""
    return label.replace("-", "")


def _fits_domain(name: str, domain: str) -> bool:
    """ "Reuters" fits reuters.com, "One America News Network" fits oann.com (initials)."""
    label = _domain_label(domain)
    words = normalize_name(name).split()
    compact = "".join(words)
    if not label or not compact:
        return False
    if compact == label or (len(compact) >= 4 and compact in label):
        return True
    if len(label) >= 4 and label in compact:
        return True
    initials = "".join(w[0] for w in words)
    return len(initials) >= 2 and initials == label


def _same_name(a: str, b: str) -> bool:
    """Equal, or one holds the other as whole words: "Intelligencer", "Daily Intelligencer"."""
    x, y = normalize_name(a), normalize_name(b)
    if not x or not y:
        return False
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "


def _repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("Ð¢ÐÐ¡Ð¡" -> "ТАСС"); leave anything else alone."""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


# --- from pasted text -----------------------------------------------------------------------


def _handle_fits(username: str, record: OutletRecord) -> bool:
    """The channel's @username holds one of the outlet's domain names: @tass_agency, @rian_ru."""
    handle = username.casefold().replace("_", "")
    labels = {_domain_label(d) for d in record.domains}
    return bool(handle) and any(len(label) >= 2 and label in handle for label in labels)


def _from_text(
    article: Article, table: OutletTable | None, wrappers: list[Wrapper] | None = None
) -> _Identity:
    text = article.text
    if article.furniture_text:
        text = f"{text}\n{article.furniture_text}"
    lower = text.casefold()
    excluded = _not_publisher_names(text, lower)
    clues = [
        c for c in _text_clues(text, lower, article) if normalize_name(c.name) not in excluded
    ]
    groups = _group(clues, table)
    looked_at = (
        "no page address; no dateline, copyright, membership or newsletter line, site address"
        " or source link naming an outlet"
    )
    wrapped = tuple(_wrapper_clues(wrappers or []))
    if wrapped:
        looked_at = "; ".join(c.quote for c in wrapped) + "; in the text: " + looked_at[17:]
    if not groups:
        return _Identity(None, None, wrapped, None, looked_at)
    best = max(groups, key=lambda g: (g.score, -min(c.at for c in g.clues)))
    if best.score < 2 or (best.score < 3 and best.record is None and best.domain is None):
        return _Identity(None, None, wrapped, None, looked_at)
    clues = _strongest(best.clues)
    if best.record is not None:
        clues += _name_mentions(text, best.record, clues)
    ordered = wrapped + tuple(sorted(clues, key=lambda c: c.at))
    return _Identity(best.name, best.domain, ordered, best.record)


def _strongest(clues: list[_Clue]) -> list[_Clue]:
    """One clue per quote; the weightiest of each kind first, then the weightiest others."""
    unique: dict[str, _Clue] = {}
    for clue in sorted(clues, key=lambda c: (-c.weight, c.at)):
        unique.setdefault(clue.quote, clue)
    ranked = list(unique.values())
    kinds: set[str] = set()
    first = [c for c in ranked if c.kind not in kinds and not kinds.add(c.kind)]
    rest = [c for c in ranked if c not in first]
    return (first + rest)[: _MAX_CLUES - 1]


def _not_publisher_names(text: str, lower: str) -> set[str]:
    names: set[str] = set()
    for cue in _NOT_PUBLISHER:
        for match in cue.finditer(text, lower):
            name = _trim_name(_matched(match))
            if name:
                names.add(normalize_name(name))
    return names


def _text_clues(text: str, lower: str, article: Article) -> list[_Clue]:
    clues: list[_Clue] = []
    for match in _DATELINE.finditer(text):
        name = _trim_name(_matched(match))
        if name:
            quote = match.group().strip()
            clues.append(_Clue("dateline", name, None, quote, "text", 2, match.start()))
    for match in _ATTRIBUTION.finditer(text):
        name = _trim_name(_matched(match))
        if name:
            quote = match.group().strip()
            clues.append(_Clue("attribution", name, None, quote, "text", 1, match.start()))
    for match in _COPYRIGHT_CUE.finditer(text, lower):
        clues += _copyright_clues(match, text)
    for cue, kind, weight in _HOUSE_PATTERNS:
        for match in cue.finditer(text, lower):
            name = _trim_name(_matched(match))
            if name:
                quote = _sentence(text, match.start(), match.end())
                clues.append(_Clue(kind, name, None, quote, "text", weight, match.start()))
    clues += _domain_clues(text)
    clues += _source_line_clues(text, lower)
    clues += _link_clues(article)
    return clues


def _source_line_clues(text: str, lower: str) -> list[_Clue]:
    if not any(n in lower for n in _SOURCE_LINE_NEEDLES):
        return []
    clues: list[_Clue] = []
    for match in _SOURCE_LINE_DOMAIN.finditer(text):
        domain = registered_domain(match.group("host"))
        if domain is not None:
            quote = " ".join(match.group().split())
            clues.append(_Clue("source line", "", domain, quote, "text", 3, match.start()))
    return clues


def _copyright_clues(match: re.Match[str], text: str) -> list[_Clue]:
    body = match.group("body")
    holder = _HOLDER_END.sub("", body).strip(" \t,—–-")
    names = []
    for part in holder.split(","):
        part = part.strip()
        if not part or _YEAR.match(part) or _LEGAL_SUFFIX.match(part):
            continue
        found = _HOLDER_NAME.match(_QUOTES.sub("", part))
        name = _trim_name(found.group("name")) if found else ""
        if name and name.casefold() not in ("copyright", "all rights"):
            names.append(name)
    # One holder with "all rights reserved" is a house line; a list usually names the author
    # too, and a bare "© Name" is most often a photo credit.
    head = match.group()[: match.start("body") - match.start()]
    if len(names) > 1:
        weight = 1
    elif _RIGHTS_RESERVED.search(body):
        weight = 3
    else:
        # "© 2024 Name" or "© Name, 2024": a dated house line, not a photo credit.
        dated = re.search(r"\d|copyright", head, re.I) or re.search(r"\b(?:19|20)\d\d\b", body)
        # "© РИА Новости" alone on the text's last line signs the whole text.
        weight = 2 if dated or _signs_off(match, text) else 1
    quote = _sentence(text, match.start(), match.end())
    at = match.start()
    return [_Clue("copyright line", n, None, quote, "text", weight, at) for n in names]


def _signs_off(match: re.Match[str], text: str) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip() and not text[match.end() :].strip()


def _domain_clues(text: str) -> list[_Clue]:
    clues: list[_Clue] = []
    for match in itertools.islice(_DOMAIN_IN_TEXT.finditer(text), _MAX_MENTIONS):
        domain = registered_domain(match.group("host"))
        if domain is None:
            continue
        quote = _sentence(text, match.start(), match.end())
        # A bare mention is usually a cited site; a house notice around it makes it the outlet.
        weight = (1 if match.group("www") else 0) + (2 if _HOUSE_WORDS.search(quote) else 0)
        if weight == 0:
            continue
        clues.append(
            _Clue("site address in text", "", domain, quote, "text", weight, match.start())
        )
    # A page of 100,000 addresses is a list, not an article: the first few hundred say it all.
    for match in itertools.islice(_EMAIL_DOMAIN.finditer(text), _MAX_MENTIONS):
        domain = registered_domain(match.group("host"))
        if domain is not None:
            quote = _sentence(text, match.start(), match.end())
            clues.append(_Clue("contact address", "", domain, quote, "text", 1, match.start()))
    return clues


def _link_clues(article: Article) -> list[_Clue]:
    clues: list[_Clue] = []
    for number, link in enumerate(article.links, start=1):
        domain = registered_domain(link.url) if "://" in link.url else None
        if domain is None:
            continue
        lead = (
            article.text[max(0, link.position - 24) : link.position] if link.position > 0 else ""
        )
        if _SOURCE_CUE.match(link.text.strip()) or _SOURCE_LEAD.search(lead):
            quote = f"{link.text} -> {link.url}" if link.text != link.url else link.url
            where = f"link {number}"
            clues.append(_Clue("link to the article", "", domain, quote, where, 3, link.position))
    return clues


def _matched(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return groups.get("qname") or groups.get("name") or ""


def _trim_name(raw: str) -> str:
    words = _QUOTES.sub("", raw).strip(" \t.,;:").split()
    while words and (
        words[-1].strip(".,").casefold() in _TRAILING_WORDS or words[-1].casefold() in _JOINERS
    ):
        words.pop()
    if not words or words[0].casefold() in _NOT_NAME_START:
        return ""
    name = " ".join(words).rstrip(".,")
    return name if len(normalize_name(name)) >= 2 else ""


@dataclass(slots=True)
class _Group:
    key: str
    clues: list[_Clue]
    record: OutletRecord | None = None
    domain: str | None = None

    @property
    def score(self) -> int:
        return sum(c.weight for c in self.clues)

    @property
    def name(self) -> str | None:
        named: dict[str, int] = {}
        for clue in self.clues:
            if clue.name:
                named[clue.name] = named.get(clue.name, 0) + clue.weight
        if named:
            return max(named, key=lambda n: named[n])
        if self.record is not None and self.domain:
            fitting = [n for n in self.record.names if _fits_domain(n, self.domain)]
            return (fitting or list(self.record.names) or [None])[0]
        return None


def _group(clues: list[_Clue], table: OutletTable | None) -> list[_Group]:
    """Clues naming the same outlet (by name, alias or domain) pile up in one group."""
    groups: dict[str, _Group] = {}
    domain_clues = [c for c in clues if c.domain]
    for clue in domain_clues:
        key = f"domain:{clue.domain}"
        group = groups.setdefault(key, _Group(key, [], domain=clue.domain))
        group.clues.append(clue)
    records: dict[str, OutletRecord | None] = {}
    for clue in (c for c in clues if not c.domain):
        norm = normalize_name(clue.name)
        if norm not in records:
            records[norm] = table.by_name(clue.name) if table is not None else None
        record = records[norm]
        domain = _domain_for(clue.name, record, groups)
        key = f"domain:{domain}" if domain else f"name:{norm}"
        group = groups.setdefault(key, _Group(key, [], domain=domain))
        group.clues.append(clue)
        if record is not None and group.record is None:
            group.record = record
    for group in groups.values():
        if group.record is None and group.domain and table is not None:
            group.record = table.by_domain(group.domain)
        if group.domain is None and group.record is not None and group.record.domains:
            group.domain = group.record.domains[0]
    return list(groups.values())


def _domain_for(
    name: str, record: OutletRecord | None, groups: Mapping[str, _Group]
) -> str | None:
    if record is not None:
        for domain in record.domains:
            if f"domain:{domain}" in groups:
                return domain
        return record.domains[0] if record.domains else None
    for group in groups.values():
        if group.domain and _fits_domain(name, group.domain):
            return group.domain
    return None


def _name_mentions(text: str, record: OutletRecord, have: list[_Clue]) -> list[_Clue]:
    """Sentences naming the outlet by a listed name: "The Centre for Research on Globalization"."""
    quoted = {c.quote for c in have}
    clues: list[_Clue] = []
    for name in record.names:
        if len(normalize_name(name)) < 5 or _HOST_LIKE.match(name):
            continue
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I)
        if match is None:
            continue
        quote = _sentence(text, match.start(), match.end())
        inside = any(c.at <= match.start() < c.at + len(c.quote) for c in have + clues)
        if inside or any(quote in q or q in quote for q in quoted):
            continue
        quoted.add(quote)
        clues.append(_Clue("name in the text", name, None, quote, "text", 1, match.start()))
        if len(clues) == 2:
            break
    return clues


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (within its line) around text[start:end], trimmed to MAX_QUOTE."""
    # Looked for within _SENTENCE_REACH characters either side: a line of 100,000 characters
    # holding 10,000 addresses is not scanned 10,000 times.
    reach = max(0, start - _SENTENCE_REACH)
    line_start = max(text.rfind("\n", reach, start) + 1, reach)
    line_end = text.find("\n", end, end + _SENTENCE_REACH)
    line_end = min(len(text), end + _SENTENCE_REACH) if line_end < 0 else line_end
    begin = line_start
    for found in _SENTENCE_END.finditer(text, line_start, end):
        if found.end() <= start:
            begin = found.end()
    stop = re.search(r"[.!?](?=\s|$)", text[end:line_end])
    finish = end + stop.end() if stop else line_end
    return _short(" ".join(text[begin:finish].split()), MAX_QUOTE)


def _short(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# --- the result -----------------------------------------------------------------------------


def _forwarded_by(origin: Origin | None) -> tuple[str, str] | None:
    """(what forwarded it: "channel" or "group", who: "@handle (Title)")."""
    if origin is None or origin.kind not in ("channel", "chat"):
        return None
    handle = f"@{origin.username}" if origin.username else ""
    title = origin.name or ""
    who = f"{handle} ({title})" if handle and title else handle or title
    if not who:
        return None
    return ("channel" if origin.kind == "channel" else "group"), who


def _result(
    identity: _Identity, forwarded: tuple[str, str] | None, table: OutletTable | None
) -> Result:
    ratings: tuple[Rating, ...] = identity.record.ratings if identity.record else ()
    # What the datasets say comes first: it is what the summary line announces.
    shown = sorted(ratings, key=lambda r: (r.estimate, not r.flagged))
    evidence = [
        Evidence(r.claim, f"{r.dataset} ({r.dataset_date}, {r.licence})", r.url or None)
        for r in shown
    ]
    platform = _platform_domain(identity)
    evidence += [
        Evidence(
            f"{r.claim} — a rating of the platform {platform}, not of this blog",
            f"{r.dataset} ({r.dataset_date}, {r.licence})",
            r.url or None,
        )
        for r in identity.platform
    ]
    relay = None
    if forwarded and not identity.own_channel:
        relay = M(f"outlet.forwarded_by.{forwarded[0]}", who=forwarded[1])
        evidence.append(Evidence(relay.english.format(who=forwarded[1]), "forward origin"))
    evidence += [Evidence(_short(c.quote, MAX_QUOTE), c.where) for c in identity.clues if c.where]
    data = {
        "name": identity.name,
        "registered_domain": identity.domain,
        "how_identified": [c.describe() for c in identity.clues],
        "ratings": [r.as_dict() for r in ratings],
        "flagged_by": sorted({r.dataset for r in ratings if r.flagged and not r.estimate}),
        "forwarded_by": forwarded[1] if forwarded else None,
    }
    if identity.platform:
        data["platform_ratings"] = [r.as_dict() for r in identity.platform]
    if identity.name is None and identity.domain is None:
        message = M("outlet.not_identified")
        wrapped = next((w for w in _wrappers_of(identity)), None)
        if relay:
            message = M("outlet.not_identified_relay", relay=relay)
        elif wrapped is not None:
            key = f"outlet.wrapper.{wrapped[0]}"
            kind = M(key) if key in M.templates else wrapped[0]
            message = M("outlet.not_identified_wrapper", kind=kind, host=wrapped[1])
        data["looked_at"] = identity.looked_at
        return Result(Status.INFO, evidence=tuple(evidence), data=data, message=message)
    status, message = _verdict(identity, ratings, table)
    if identity.platform and not ratings and table is not None:
        message = M("outlet.blog_platform", outlet=_label(identity), platform=platform)
    return Result(status, evidence=tuple(evidence), data=data, message=message)


def _wrappers_of(identity: _Identity) -> list[tuple[str, str]]:
    """(kind, host) of the wrapper the page was served through, read off its clue."""
    found = []
    for clue in identity.clues:
        if clue.kind == "wrapper" and (match := _WRAPPER_CLUE.match(clue.quote)):
            found.append((match["kind"], match["host"]))
    return found


_WRAPPER_CLUE = re.compile(r"^page served through a wrapper, (?P<kind>.+) \((?P<host>[^)]*)\)")


def _platform_domain(identity: _Identity) -> str:
    return registered_domain(identity.domain or "") or ""


def _label(identity: _Identity) -> str | Message:
    name, domain = identity.name, identity.domain
    if name and domain and domain.lower() not in name.lower():
        return f"{name} ({domain})"
    return name or domain or M("outlet.the_outlet")


def _verdict(
    identity: _Identity, ratings: Iterable[Rating], table: OutletTable | None
) -> tuple[Status, Message]:
    label = _label(identity)
    ratings = list(ratings)
    if table is None:
        return Status.INFO, M("outlet.no_datasets", outlet=label)
    human = [r for r in ratings if not r.estimate]
    flagged = sorted({r.dataset for r in human if r.flagged})
    if flagged:
        return Status.WARN, M("outlet.flagged", outlet=label, count=len(flagged))
    estimates = [r for r in ratings if r.estimate]
    if not human and estimates:
        low = any(r.flagged for r in estimates)
        status = Status.WARN if low else Status.INFO
        key = "outlet.estimate_only_low" if low else "outlet.estimate_only"
        return status, M(key, outlet=label, claim=estimates[0].claim)
    if not ratings:
        return Status.INFO, M("outlet.not_rated", outlet=label)
    rated = sorted({r.dataset for r in human})
    if len(rated) == 1:
        claim = next(r.claim for r in human)
        return Status.INFO, M(
            "outlet.not_flagged_one", outlet=label, dataset=rated[0], claim=claim
        )
    return Status.INFO, M("outlet.not_flagged_many", outlet=label, count=len(rated))
