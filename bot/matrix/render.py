"""Checklist -> a Matrix message: a plain-text `body` and sanitised `org.matrix.custom.html`."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from checks.model import Checklist, Evidence, Outcome, Status
from checks.render.checklist import outlet_heading

MARKS = {
    Status.PASS: "✅",
    Status.WARN: "⚠️",
    Status.FAIL: "❌",
    Status.INFO: "\u2139\ufe0f",
    Status.SKIP: "\u2796",
    Status.ERROR: "❓",
}
EVIDENCE_BRIEF = 2
QUOTE_BRIEF = 200
QUOTE_DETAILS = 300
# Matrix events may be 64 KiB; one message stays well under it, as clients show it whole.
MAX_HTML = 24_000
FOOTER = "sourcecheck judges sourcing, not truth."
DETAILS_HINT = "Reply !details for all the evidence, !json for the result as a file."


@dataclass(frozen=True, slots=True)
class Rich:
    """One message's two forms: what every client shows, and what HTML clients show."""

    body: str
    html: str


def render_checklist(checklist: Checklist, *, details: bool = False) -> list[Rich]:
    """The checklist as one or more Matrix messages (split between outcomes if long)."""
    blocks = [_header(checklist)]
    for outcome in checklist.outcomes:
        blocks += _outcome(outcome, details=details)
    closing = Rich(FOOTER, f"<p><i>{escape(FOOTER)}</i></p>")
    if not details:
        closing = Rich(
            f"{DETAILS_HINT}\n{FOOTER}",
            f"<p>{escape(DETAILS_HINT)}<br><i>{escape(FOOTER)}</i></p>",
        )
    blocks.append(closing)
    messages: list[Rich] = []
    body: list[str] = []
    html: list[str] = []
    for block in blocks:
        if html and sum(map(len, html)) + len(block.html) > MAX_HTML:
            messages.append(Rich("\n\n".join(body), "".join(html)))
            body, html = [], []
        body.append(block.body)
        html.append(block.html)
    messages.append(Rich("\n\n".join(body), "".join(html)))
    return messages


def _header(checklist: Checklist) -> Rich:
    article = checklist.article
    outlet = outlet_heading(checklist)
    body = ["Sourcing checklist", f"Outlet: {outlet}"]
    html = ["<b>Sourcing checklist</b>", f"<b>Outlet:</b> {escape(outlet)}"]
    if article.url:
        body.append(f"Checked: {article.url}")
        html.append(f"<b>Checked:</b> {_link(article.url, _shorten(article.url, 120))}")
    if article.title:
        body.append(_shorten(article.title, QUOTE_BRIEF))
        html.append(f"<i>{escape(_shorten(article.title, QUOTE_BRIEF))}</i>")
    if article.published is not None:
        day = article.published.date().isoformat()
        body.append(f"Published: {day}")
        html.append(f"<b>Published:</b> {day}")
    return Rich("\n".join(body), "<p>" + "<br>".join(html) + "</p>")


def _outcome(outcome: Outcome, *, details: bool) -> list[Rich]:
    """One outcome; its evidence list in more than one block when it would not fit one."""
    result = outcome.result
    mark = MARKS[result.status]
    head_body = f"{mark} {outcome.title}: {result.summary}"
    head = f"<p>{mark} <b>{escape(outcome.title)}</b>: {escape(result.summary)}</p>"
    evidence = list(result.evidence)
    shown = evidence if details else evidence[:EVIDENCE_BRIEF]
    limit = QUOTE_DETAILS if details else QUOTE_BRIEF
    items = [_evidence(ev, limit) for ev in shown]
    if len(evidence) > len(shown):
        more = f"{len(evidence) - len(shown)} more with !details"
        items.append((more, escape(more)))
    blocks: list[Rich] = []
    body, html, size = [head_body], [], len(head)
    for text, rich in items:
        if html and size + len(rich) > MAX_HTML // 2:
            blocks.append(Rich("\n".join(body), head + f"<ul>{''.join(html)}</ul>"))
            head_body = f"{outcome.title} (continued)"
            head = f"<p><b>{escape(outcome.title)}</b> (continued)</p>"
            body, html, size = [head_body], [], len(head)
        body.append(f"  - {text}")
        html.append(f"<li>{rich}</li>")
        size += len(rich) + 9
    blocks.append(Rich("\n".join(body), head + (f"<ul>{''.join(html)}</ul>" if html else "")))
    return blocks


def _evidence(ev: Evidence, limit: int) -> tuple[str, str]:
    quote = _shorten(" ".join(ev.quote.split()), limit) if ev.quote.strip() else ""
    where = ev.where.strip()
    text_parts, html_parts = [], []
    if quote:
        text_parts.append(f"«{quote}»")
        html_parts.append(f"<i>«{escape(quote)}»</i>")
    if where or _is_web_url(ev.url):
        label = where or urlsplit(ev.url or "").hostname or "link"
        text_parts.append(f"[{label}{' ' + ev.url if _is_web_url(ev.url) else ''}]")
        html_parts.append(f"[{_link(ev.url, label)}]")
    return " ".join(text_parts), " ".join(html_parts)


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
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
