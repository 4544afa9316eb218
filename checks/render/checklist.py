"""Checklist -> terminal text, Markdown, JSON and JSON Lines, all from the one result model."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from checks.i18n import DEFAULT, Messages, pick, say, say_where
from checks.i18n.dates import DATES
from checks.model import Article, Checklist, Evidence, Message, Outcome, Result, Status
from checks.render.plain_dates import plain_where

# 2: `summary` and evidence `where` are in the requested language; `message` and `place`
# carry the same as language-neutral data.
SCHEMA_VERSION = 2
FORMATS = ("text", "markdown", "json", "jsonl")

MARKS = {
    Status.PASS: "✓",
    Status.WARN: "!",
    Status.FAIL: "✗",
    Status.INFO: "i",
    Status.SKIP: "-",
    Status.ERROR: "?",
}
MAX_EVIDENCE_TEXT = 6

M = Messages(
    __name__,
    {
        "render.unknown_outlet": "unknown outlet",
        "render.outlet": "Outlet: {outlet}",
        "render.marks": "Marks: ✓ fine  ! worth attention  ✗ red flag  i fact  - not applicable",
        "render.marks_2": "? could not run. This is a sourcing checklist, not a verdict on truth.",
        "render.more": "... and {count} more (see --format json)",
        "render.md_heading": "Sourcing checklist: {title}",
        "render.md_article": "article",
        "render.md_outlet": "Outlet:",
        "render.md_url": "URL:",
        "render.md_published": "Published:",
        "render.md_check": "Check",
        "render.md_finding": "Finding",
        "render.md_footer": "A sourcing checklist, not a verdict on whether the article is true.",
    },
)


def summary_of(result: Result, lang: str = DEFAULT) -> str:
    """A result's line in `lang`; a check that gave only an English summary keeps it."""
    if result.message is None or lang == DEFAULT:
        return result.summary  # the English words were made with the result
    return say(result.message, lang)


def title_of(outcome: Outcome, lang: str = DEFAULT) -> str:
    if outcome.title_message is None or lang == DEFAULT:
        return outcome.title
    return say(outcome.title_message, lang)


def where_of(ev: Evidence, lang: str = DEFAULT) -> str:
    """Where a piece of evidence stands, in `lang` (the quote itself is never translated)."""
    if ev.where and (lang == DEFAULT or (ev.place is None and ev.where.startswith("dated: "))):
        return plain_where(ev.where, lang)  # English: the words the check wrote
    return say_where(ev.where, ev.place, lang)


def message_dict(message: Message | None) -> dict[str, Any] | None:
    """A message as language-neutral data: its id and its parameters, nested messages too."""
    if message is None:
        return None
    return {"id": message.id, "params": _jsonable(message.params)}


def outlet_heading(checklist: Checklist, lang: str = DEFAULT) -> str:
    """The name a reader knows the outlet by, falling back on the domain."""
    outcome = checklist.get("outlet")
    data: Mapping[str, Any] = outcome.result.data if outcome else {}
    name = data.get("name") or checklist.article.site_name
    domain = data.get("registered_domain")
    if name and domain and domain.lower() not in name.lower():
        return f"{name} ({domain})"
    return name or domain or M.text("render.unknown_outlet", lang)


def article_dict(article: Article) -> dict[str, Any]:
    origin = article.origin
    return {
        "url": article.url,
        "title": article.title,
        "byline": article.byline,
        "site_name": article.site_name,
        "published": _iso(article.published),
        "language": article.language,
        "canonical_url": article.canonical_url,
        "origin": None
        if origin is None
        else {
            "kind": origin.kind,
            "name": origin.name or None,
            "username": origin.username or None,
            "url": origin.url,
            "date": _iso(origin.date),
        },
    }


def outcome_dict(outcome: Outcome, lang: str = DEFAULT) -> dict[str, Any]:
    result = outcome.result
    return {
        "check": outcome.check,
        "title": title_of(outcome, lang),
        "status": str(result.status),
        "summary": summary_of(result, lang),
        "message": message_dict(result.message),
        "evidence": [
            {
                "quote": e.quote,
                "where": where_of(e, lang),
                "place": message_dict(e.place),
                "url": e.url,
            }
            for e in result.evidence
        ],
        "data": _jsonable(result.data),
    }


def to_dict(checklist: Checklist, lang: str = DEFAULT) -> dict[str, Any]:
    lang = pick(lang)
    return {
        "schema": SCHEMA_VERSION,
        "language": lang,
        "input": checklist.input,
        "article": article_dict(checklist.article),
        "results": [outcome_dict(o, lang) for o in checklist.outcomes],
    }


def render_json(checklist: Checklist, lang: str = DEFAULT) -> str:
    return json.dumps(to_dict(checklist, lang), ensure_ascii=False, indent=2)


def render_jsonl(checklist: Checklist, lang: str = DEFAULT) -> str:
    return json.dumps(to_dict(checklist, lang), ensure_ascii=False, separators=(",", ":"))


def render_text(
    checklist: Checklist, lang: str = DEFAULT, *, evidence_per_check: int = MAX_EVIDENCE_TEXT
) -> str:
    article = checklist.article
    lines = [f"sourcecheck: {checklist.input}" if checklist.input else "sourcecheck"]
    if article.title:
        lines.append(f"  {article.title}")
    lines.append("  " + M.text("render.outlet", lang, outlet=outlet_heading(checklist, lang)))
    lines.append("")
    for outcome in checklist.outcomes:
        result = outcome.result
        mark = MARKS[result.status]
        lines.append(f"[{mark}] {title_of(outcome, lang)}: {summary_of(result, lang)}")
        lines.extend(
            f"      {line}" for line in _evidence_lines(result.evidence, evidence_per_check, lang)
        )
    lines.append("")
    lines.append(M.text("render.marks", lang))
    lines.append("      " + M.text("render.marks_2", lang))
    return "\n".join(lines)


def render_markdown(checklist: Checklist, lang: str = DEFAULT) -> str:
    article = checklist.article
    title = article.title or checklist.input or M.text("render.md_article", lang)
    lines = [f"# {_md(M.text('render.md_heading', lang, title=title))}", ""]
    outlet = _md(outlet_heading(checklist, lang))
    lines.append(f"**{M.text('render.md_outlet', lang)}** {outlet}  ")
    if article.url:
        lines.append(f"**{M.text('render.md_url', lang)}** <{article.url}>  ")
    if article.published:
        day = say(DATES("date.day", day=article.published.date()), lang)
        lines.append(f"**{M.text('render.md_published', lang)}** {day}  ")
    lines.append("")
    lines.append(f"| | {M.text('render.md_check', lang)} | {M.text('render.md_finding', lang)} |")
    lines.append("|---|---|---|")
    for outcome in checklist.outcomes:
        result = outcome.result
        title, summary = _md(title_of(outcome, lang)), _md(summary_of(result, lang))
        lines.append(f"| {MARKS[result.status]} | {title} | {summary} |")
    lines += ["", _md(M.text("render.marks", lang) + " " + M.text("render.marks_2", lang))]
    for outcome in checklist.outcomes:
        if not outcome.result.evidence:
            continue
        lines += ["", f"## {_md(title_of(outcome, lang))}", ""]
        for ev in outcome.result.evidence:
            said = where_of(ev, lang)
            where = f" ({_md(said)})" if said else ""
            link = f" <{ev.url}>" if ev.url else ""
            quote = f"> {_md(ev.quote)}" if ev.quote.strip() else _md(said)
            if not ev.quote.strip():
                where = ""
            lines.append(f"- {quote}{where}{link}")
    lines += ["", f"_{M.text('render.md_footer', lang)}_"]
    return "\n".join(lines)


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "jsonl": render_jsonl,
}


def render(checklist: Checklist, fmt: str, lang: str = DEFAULT) -> str:
    return RENDERERS[fmt](checklist, pick(lang))


def _evidence_lines(evidence: Iterable[Evidence], limit: int, lang: str) -> list[str]:
    items = list(evidence)
    lines = []
    for ev in items[:limit]:
        quote = ev.quote if len(ev.quote) <= 220 else ev.quote[:217] + "..."
        said = where_of(ev, lang)
        url = f" <{ev.url}>" if ev.url else ""
        if quote.strip():
            where = f" ({said})" if said else ""
            lines.append(f'"{quote}"{where}{url}')
        else:  # our own label (a link to follow), not a quote
            lines.append(f"{said}{url}")
    if len(items) > limit:
        lines.append(M.text("render.more", lang, count=len(items) - limit))
    return lines


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return message_dict(value)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
