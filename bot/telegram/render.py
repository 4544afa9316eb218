"""Checklist -> Telegram HTML replies: every outside string escaped, split under 4096 chars."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from html import escape
from urllib.parse import urlsplit

from checks.model import Checklist, Evidence, Outcome, Status
from checks.render.checklist import outlet_heading, to_dict
from checks.render.plain_dates import plain_date, plain_where

MAX_MESSAGE = 4096  # Telegram's limit on one message's text, in UTF-16 code units
EVIDENCE_BRIEF = 2
QUOTE_BRIEF = 200
QUOTE_DETAILS = 300
FOOTER = "<i>sourcecheck judges sourcing, not truth.</i>"
ELLIPSIS = "…"
MORE_UNDER_DETAILS = "under <b>Details</b>"
MORE_FROM_THE_BOT = "when you send the link to the bot"

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


def render_checklist(
    checklist: Checklist,
    *,
    details: bool = False,
    limit: int = MAX_MESSAGE,
    more: str = MORE_UNDER_DETAILS,
) -> list[str]:
    """The checklist as Telegram HTML messages, each at most `limit` UTF-16 code units.
    `more` says where the evidence left out of the summary is ("… and 3 more {more}")."""
    lines = _header(checklist)
    for outcome in checklist.outcomes:
        lines.append("")
        lines.extend(_outcome_lines(outcome, details=details, more=more))
    lines += ["", FOOTER]
    return split_messages(lines, limit)


def render_json_document(checklist: Checklist) -> bytes:
    """The whole checklist as a JSON file to attach (the `sourcecheck --format json` schema)."""
    return json.dumps(to_dict(checklist), ensure_ascii=False, indent=2).encode("utf-8")


def split_messages(lines: Sequence[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack self-contained HTML lines into messages; cut only between lines."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for raw in lines:
        line = truncate_html(raw, limit)
        units = utf16_len(line)
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


def truncate_html(line: str, limit: int) -> str:
    """Shorten one line of our HTML to `limit` UTF-16 units with "…", closing any open tags."""
    if utf16_len(line) <= limit:
        return line
    out: list[str] = []
    open_tags: list[str] = []
    used = 0
    for match in _HTML_TOKEN.finditer(line):
        token = match.group()
        closing, name = match.group(1), match.group(2)
        if name and closing:
            token_units = utf16_len(token)
            if open_tags and open_tags[-1] == name:
                open_tags.pop()
            out.append(token)
            used += token_units
            continue
        after = [name] if name else []
        reserve = utf16_len(ELLIPSIS) + sum(len(f"</{t}>") for t in open_tags + after)
        token_units = utf16_len(token)
        if used + token_units + reserve > limit:
            break
        out.append(token)
        used += token_units
        if name:
            open_tags.append(name)
    out.append(ELLIPSIS)
    out.extend(f"</{name}>" for name in reversed(open_tags))
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _header(checklist: Checklist) -> list[str]:
    article = checklist.article
    heading = outlet_heading(checklist)
    lines = ["<b>Sourcing checklist</b>"]
    if heading != "unknown outlet":  # the outlet line below says it was not identified
        lines.append(f"<b>Outlet:</b> {escape(heading)}")
    lines.append(f"<b>Checked:</b> {_what_was_checked(checklist)}")
    if article.title:
        lines.append(f"<i>{escape(_shorten(article.title, QUOTE_BRIEF))}</i>")
    if article.published is not None:
        day = article.published.date().isoformat()
        lines.append(f"<b>Published:</b> {plain_date(day) or day}")
    return lines


def _what_was_checked(checklist: Checklist) -> str:
    article = checklist.article
    url = article.url or (checklist.input if _is_web_url(checklist.input) else None)
    if url:
        return _link(url, _shorten(url, 120))
    origin = article.origin
    if origin is not None and origin.kind in ("channel", "user", "chat", "hidden_user"):
        what = {"channel": "channel", "user": "user", "chat": "group", "hidden_user": "user"}
        name = origin.name or (f"@{origin.username}" if origin.username else "unknown")
        if origin.username and origin.name:
            name = f"{origin.name} (@{origin.username})"
        shown = _link(origin.url, name) if origin.url else escape(name)
        hidden = " (hidden account)" if origin.kind == "hidden_user" else ""
        return f"forwarded from {what[origin.kind]} {shown}{hidden}"
    if origin is not None and origin.kind == "file" and origin.name:
        return f"file {escape(origin.name)}"
    return "pasted text"


def _outcome_lines(outcome: Outcome, *, details: bool, more: str) -> list[str]:
    result = outcome.result
    summary = escape(plain_iso_dates(result.summary))
    lines = [f"{MARKS[result.status]} <b>{escape(outcome.title)}</b>: {summary}"]
    evidence = list(result.evidence)
    shown = evidence if details else evidence[:EVIDENCE_BRIEF]
    quote_limit = QUOTE_DETAILS if details else QUOTE_BRIEF
    lines.extend(_evidence_line(ev, quote_limit) for ev in shown)
    if len(evidence) > len(shown):
        lines.append(f"    … and {len(evidence) - len(shown)} more {more}")
    return lines


def _evidence_line(ev: Evidence, quote_limit: int) -> str:
    parts = ["    "]
    if ev.quote.strip():
        parts.append(f"<i>«{escape(_shorten(' '.join(ev.quote.split()), quote_limit))}»</i>")
    where = reader_where(ev.where.strip())
    if where and _is_web_url(ev.url):
        parts.append(f" [{_link(ev.url, where)}]")
    elif where:
        parts.append(f" [{escape(where)}]")
    elif _is_web_url(ev.url):
        parts.append(f" [{_link(ev.url, urlsplit(ev.url or '').hostname or 'link')}]")
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
