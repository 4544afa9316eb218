"""Checklist -> the rich-text lines every chat platform shows, in the same words.

One line per fact, in the HTML subset both Telegram and Matrix accept (`<b>`, `<i>`, `<a>`):
every string from an article or a check is escaped here. A platform only chooses how to
join the lines, how to measure a message, and where "… and 3 more" are found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from html import escape
from urllib.parse import urlsplit

from checks.i18n import DEFAULT, Messages
from checks.i18n.dates import DATES
from checks.i18n.messages import say
from checks.model import Checklist, Evidence, Outcome, Status
from checks.render.checklist import outlet_heading, summary_of, title_of, to_dict, where_of
from checks.render.plain_dates import plain_date, plain_where

M = Messages(
    __name__,
    {
        "rich.heading": "Sourcing checklist",
        "rich.outlet": "Outlet:",
        "rich.checked": "Checked:",
        "rich.published": "Published:",
        "rich.footer": "sourcecheck judges sourcing, not truth.",
        "rich.more": "… and {count} more {where}",
        "rich.forwarded.channel": "forwarded from channel {name}",
        "rich.forwarded.user": "forwarded from user {name}",
        "rich.forwarded.chat": "forwarded from group {name}",
        "rich.forwarded.hidden_user": "forwarded from user {name} (hidden account)",
        "rich.unknown": "unknown",
        "rich.file": "file {name}",
        "rich.pasted": "pasted text",
        "rich.link": "link",
    },
)

EVIDENCE_BRIEF = 2
QUOTE_BRIEF = 200
QUOTE_DETAILS = 300
FOOTER = "<i>sourcecheck judges sourcing, not truth.</i>"  # in English; footer(lang) for others
ELLIPSIS = "…"

MARKS = {
    Status.PASS: "✅",
    Status.WARN: "⚠️",
    Status.FAIL: "❌",
    Status.INFO: "\u2139\ufe0f",  # information source
    Status.SKIP: "\u2796",  # heavy minus sign
    Status.ERROR: "❓",
}

# "link 3, unknown outlet (reuters.com)" from the citations check: the site is known, it is
# only absent from the outlet datasets, which is what a reader should be told.
_UNLISTED = re.compile(r"^(link \d+), unknown outlet \(([^)]+)\)$")

_ISO_DAY = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")

# One token of our own HTML: a tag, a character reference, or a single character.
_HTML_TOKEN = re.compile(r"<(/?)([a-z]+)[^>]*>|&#?[0-9a-zA-Z]+;|.", re.S)

Measure = Callable[[str], int]


def checklist_lines(
    checklist: Checklist, *, details: bool, more: str, lang: str = DEFAULT
) -> list[str]:
    """Header, one block per outcome (blank line between), footer, in `lang`.
    `more` says where the evidence left out of the summary is ("… and 3 more {more}")."""
    lines = header_lines(checklist, lang)
    for outcome in checklist.outcomes:
        lines.append("")
        lines.extend(outcome_lines(outcome, details=details, more=more, lang=lang))
    lines += ["", footer(lang)]
    return lines


def footer(lang: str = DEFAULT) -> str:
    return f"<i>{escape(M.text('rich.footer', lang))}</i>"


def json_document(checklist: Checklist, lang: str = DEFAULT, *, compact: bool = False) -> bytes:
    """The whole checklist as a JSON file to attach (the `sourcecheck --format json` schema).
    `compact` is for storing it: json's C encoder writes it several times faster than an
    indented one, and `indented()` lays it out when a reader asks for the file."""
    document = to_dict(checklist, lang)
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def indented(document: bytes) -> bytes:
    """A stored JSON document laid out for a reader, as `sourcecheck --format json` prints it."""
    if document.startswith(b"{\n"):
        return document
    try:
        parsed = json.loads(document)
    except ValueError:
        return document
    return json.dumps(parsed, ensure_ascii=False, indent=2).encode("utf-8")


def split_messages(lines: Sequence[str], limit: int, measure: Measure = len) -> list[str]:
    """Pack self-contained HTML lines into messages of at most `limit`; cut only between
    lines (a line longer than a message is shortened with its tags closed)."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for raw in lines:
        line = truncate_html(raw, limit, measure)
        units = measure(line)
        if current and size + 1 + units > limit:
            chunks.append(_joined(current))
            current, size = [], 0
        if not current and not line.strip():
            continue  # a message never starts with a blank line
        size += units + (1 if current else 0)
        current.append(line)
    if current:
        chunks.append(_joined(current))
    return [chunk for chunk in chunks if chunk]


def truncate_html(line: str, limit: int, measure: Measure = len) -> str:
    """Shorten one line of our HTML to `limit` with "…", closing any open tags."""
    if measure(line) <= limit:
        return line
    out: list[str] = []
    open_tags: list[str] = []
    used = 0
    for match in _HTML_TOKEN.finditer(line):
        token = match.group()
        closing, name = match.group(1), match.group(2)
        if name and closing:
            token_units = measure(token)
            if open_tags and open_tags[-1] == name:
                open_tags.pop()
            out.append(token)
            used += token_units
            continue
        after = [name] if name else []
        reserve = measure(ELLIPSIS) + sum(len(f"</{t}>") for t in open_tags + after)
        token_units = measure(token)
        if used + token_units + reserve > limit:
            break
        out.append(token)
        used += token_units
        if name:
            open_tags.append(name)
    out.append(ELLIPSIS)
    out.extend(f"</{name}>" for name in reversed(open_tags))
    return "".join(out)


def header_lines(checklist: Checklist, lang: str = DEFAULT) -> list[str]:
    article = checklist.article
    heading = outlet_heading(checklist, lang)
    lines = [f"<b>{escape(M.text('rich.heading', lang))}</b>"]
    if _identified(checklist):  # when not, the outlet line below says so
        lines.append(f"<b>{escape(M.text('rich.outlet', lang))}</b> {escape(heading)}")
    checked = _what_was_checked(checklist, lang)
    lines.append(f"<b>{escape(M.text('rich.checked', lang))}</b> {checked}")
    if article.title:
        lines.append(f"<i>{escape(_shorten(article.title, QUOTE_BRIEF))}</i>")
    if article.published is not None:
        day = say(DATES("date.day", day=article.published.date()), lang)
        lines.append(f"<b>{escape(M.text('rich.published', lang))}</b> {escape(day)}")
    return lines


def _identified(checklist: Checklist) -> bool:
    return outlet_heading(checklist) != "unknown outlet"


def _what_was_checked(checklist: Checklist, lang: str = DEFAULT) -> str:
    article = checklist.article
    url = article.url or (checklist.input if _is_web_url(checklist.input) else None)
    if url:
        return _link(url, _shorten(url, 120))
    origin = article.origin
    if origin is not None and origin.kind in ("channel", "user", "chat", "hidden_user"):
        name = origin.name or (f"@{origin.username}" if origin.username else "")
        if origin.username and origin.name:
            name = f"{origin.name} (@{origin.username})"
        name = name or M.text("rich.unknown", lang)
        shown = _link(origin.url, name) if origin.url else escape(name)
        # The name is already HTML here: the template around it is escaped, not the name.
        template = escape(M.text(f"rich.forwarded.{origin.kind}", lang, name="\0"))
        return template.replace("\0", shown)
    if origin is not None and origin.kind == "file" and origin.name:
        return escape(M.text("rich.file", lang, name=origin.name))
    return escape(M.text("rich.pasted", lang))


def outcome_lines(outcome: Outcome, *, details: bool, more: str, lang: str = DEFAULT) -> list[str]:
    result = outcome.result
    said = summary_of(result, lang)
    summary = escape(plain_iso_dates(said) if result.message is None else said)
    lines = [f"{MARKS[result.status]} <b>{escape(title_of(outcome, lang))}</b>: {summary}"]
    evidence = list(result.evidence)
    shown = evidence if details else evidence[:EVIDENCE_BRIEF]
    quote_limit = QUOTE_DETAILS if details else QUOTE_BRIEF
    lines.extend(evidence_line(ev, quote_limit, lang) for ev in shown)
    if len(evidence) > len(shown):
        rest = escape(M.text("rich.more", lang, count=len(evidence) - len(shown), where="\0"))
        lines.append("    " + rest.replace("\0", more))
    return lines


def evidence_line(ev: Evidence, quote_limit: int, lang: str = DEFAULT) -> str:
    parts = ["    "]
    if ev.quote.strip():
        parts.append(f"<i>«{escape(_shorten(' '.join(ev.quote.split()), quote_limit))}»</i>")
    if lang == DEFAULT:  # the check's English words, put the reader's way
        where = reader_where(ev.where.strip())
    else:
        where = where_of(ev, lang).strip()
    if where and _is_web_url(ev.url):
        parts.append(f" [{_link(ev.url, where)}]")
    elif where:
        parts.append(f" [{escape(where)}]")
    elif _is_web_url(ev.url):
        host = urlsplit(ev.url or "").hostname or M.text("rich.link", lang)
        parts.append(f" [{_link(ev.url, host)}]")
    return "".join(parts)


def plain_iso_dates(text: str) -> str:
    """'Published 2020-01-18 (…)' -> 'Published 18 January 2020 (…)' in a check's summary."""
    return _ISO_DAY.sub(lambda m: plain_date(m.group()) or m.group(), text)


def reader_where(where: str) -> str:
    """Where a piece of evidence is, in a reader's words rather than the checks' shorthand."""
    unlisted = _UNLISTED.match(where)
    if unlisted:
        return f"{unlisted[1]}, {unlisted[2]}, not in the outlet datasets"
    return plain_where(where)


def _link(url: str | None, text: str) -> str:
    if not _is_web_url(url):
        return escape(text)
    return f'<a href="{escape(url or "", quote=True)}">{escape(text)}</a>'


def _is_web_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def _joined(lines: Iterable[str]) -> str:
    return "\n".join(lines).strip("\n")
