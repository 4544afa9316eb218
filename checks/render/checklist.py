"""Checklist -> terminal text, Markdown, JSON and JSON Lines, all from the one result model."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from checks.model import Article, Checklist, Evidence, Outcome, Status
from checks.render.plain_dates import plain_where

SCHEMA_VERSION = 1
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


def outlet_heading(checklist: Checklist) -> str:
    """The name a reader knows the outlet by, falling back on the domain."""
    outcome = checklist.get("outlet")
    data: Mapping[str, Any] = outcome.result.data if outcome else {}
    name = data.get("name") or checklist.article.site_name
    domain = data.get("registered_domain")
    if name and domain and domain.lower() not in name.lower():
        return f"{name} ({domain})"
    return name or domain or "unknown outlet"


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


def outcome_dict(outcome: Outcome) -> dict[str, Any]:
    result = outcome.result
    return {
        "check": outcome.check,
        "title": outcome.title,
        "status": str(result.status),
        "summary": result.summary,
        "evidence": [{"quote": e.quote, "where": e.where, "url": e.url} for e in result.evidence],
        "data": _jsonable(result.data),
    }


def to_dict(checklist: Checklist) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "input": checklist.input,
        "article": article_dict(checklist.article),
        "results": [outcome_dict(o) for o in checklist.outcomes],
    }


def render_json(checklist: Checklist) -> str:
    return json.dumps(to_dict(checklist), ensure_ascii=False, indent=2)


def render_jsonl(checklist: Checklist) -> str:
    return json.dumps(to_dict(checklist), ensure_ascii=False, separators=(",", ":"))


def render_text(checklist: Checklist, *, evidence_per_check: int = MAX_EVIDENCE_TEXT) -> str:
    article = checklist.article
    lines = [f"sourcecheck: {checklist.input}" if checklist.input else "sourcecheck"]
    if article.title:
        lines.append(f"  {article.title}")
    lines.append(f"  Outlet: {outlet_heading(checklist)}")
    lines.append("")
    for outcome in checklist.outcomes:
        result = outcome.result
        lines.append(f"[{MARKS[result.status]}] {outcome.title}: {result.summary}")
        lines.extend(
            f"      {line}" for line in _evidence_lines(result.evidence, evidence_per_check)
        )
    lines.append("")
    lines.append("Marks: ✓ fine  ! worth attention  ✗ red flag  i fact  - not applicable")
    lines.append("      ? could not run. This is a sourcing checklist, not a verdict on truth.")
    return "\n".join(lines)


def render_markdown(checklist: Checklist) -> str:
    article = checklist.article
    lines = [f"# Sourcing checklist: {_md(article.title or checklist.input or 'article')}", ""]
    lines.append(f"**Outlet:** {_md(outlet_heading(checklist))}  ")
    if article.url:
        lines.append(f"**URL:** <{article.url}>  ")
    if article.published:
        lines.append(f"**Published:** {article.published.date().isoformat()}  ")
    lines.append("")
    lines.append("| | Check | Finding |")
    lines.append("|---|---|---|")
    for outcome in checklist.outcomes:
        result = outcome.result
        lines.append(f"| {result.status.value} | {_md(outcome.title)} | {_md(result.summary)} |")
    for outcome in checklist.outcomes:
        if not outcome.result.evidence:
            continue
        lines += ["", f"## {_md(outcome.title)}", ""]
        for ev in outcome.result.evidence:
            where = f" ({_md(plain_where(ev.where))})" if ev.where else ""
            link = f" <{ev.url}>" if ev.url else ""
            lines.append(f"- > {_md(ev.quote)}{where}{link}")
    lines += ["", "_A sourcing checklist, not a verdict on whether the article is true._"]
    return "\n".join(lines)


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "jsonl": render_jsonl,
}


def render(checklist: Checklist, fmt: str) -> str:
    return RENDERERS[fmt](checklist)


def _evidence_lines(evidence: Iterable[Evidence], limit: int) -> list[str]:
    items = list(evidence)
    lines = []
    for ev in items[:limit]:
        quote = ev.quote if len(ev.quote) <= 220 else ev.quote[:217] + "..."
        where = f" ({plain_where(ev.where)})" if ev.where else ""
        url = f" <{ev.url}>" if ev.url else ""
        lines.append(f'"{quote}"{where}{url}')
    if len(items) > limit:
        lines.append(f"... and {len(items) - limit} more (see --format json)")
    return lines


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
