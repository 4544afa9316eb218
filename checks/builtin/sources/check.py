"""Sources: the attributed statements in the text, counted by kind, each quoted."""

from __future__ import annotations

from collections import Counter
from typing import Any

from checks.builtin.sources.statements import KINDS, Statement, read_attributions
from checks.languages import languages
from checks.model import Article, Context, Evidence, Result, Status
from checks.read.page_meta import text_language

MAX_EVIDENCE = 12
MAX_QUOTE = 300
FIRM_CLAIMS_WARN = 2  # this many settled-fact claims with no source make the line a warning
_LABELS = {
    "direct_quote": ("direct quote", "direct quotes"),
    "named": ("named source", "named sources"),
    "anonymous": ("unnamed source", "unnamed sources"),
    "document": ("document or data", "documents or data"),
}


class Sources:
    name = "sources"
    title = "Who is quoted"

    async def run(self, article: Article, ctx: Context) -> Result:
        if not article.text.strip():
            return Result(Status.SKIP, "no article text to look for attributions in")
        # Pasted text and Telegram posts carry no declared language: the text tells.
        language = article.language or text_language(article.text)
        if language and language not in languages():
            return Result(
                Status.SKIP,
                f"no attribution cues for this language ({language}) yet",
                data={"language": language},
            )
        links = frozenset(link.position for link in article.links if link.position >= 0)
        found, claims = read_attributions(article.text, language, links)
        counts = Counter(s.kind for s in found)
        speakers = _speakers(found)
        data: dict[str, Any] = {
            "counts": {kind: counts[kind] for kind in KINDS},
            "attributions": [
                {"quote": s.quote, "kind": s.kind, "source": s.source, "position": s.position}
                for s in found
            ],
            "named_sources": speakers,
            "only_anonymous": bool(found) and counts["anonymous"] == len(found),
            "unattributed_claims": [{"quote": q, "position": p} for p, q in claims],
        }
        attributed = [
            Evidence(_short(s.quote), where=f"{s.kind.replace('_', ' ')}: {s.source}")
            for s in found[:MAX_EVIDENCE]
        ]
        unsourced = [
            Evidence(_short(q), where="no source given") for _, q in claims[:MAX_EVIDENCE]
        ]
        # What the line warns about comes first: a short reply shows only the first few.
        if len(claims) >= FIRM_CLAIMS_WARN and not data["only_anonymous"]:
            evidence = unsourced + attributed
        else:
            evidence = attributed + unsourced
        return Result(_status(data), _summary(data, counts), tuple(evidence), data)


def _speakers(found: list[Statement]) -> list[str]:
    """Named people and organisations, once each, the longest spelling kept ("Andrey Yusov"
    over a later "Yusov")."""
    names: list[str] = []
    for s in found:
        if s.kind not in ("named", "direct_quote") or not s.proper:
            continue
        if any(s.source in n for n in names):
            continue
        names = [n for n in names if n not in s.source] + [s.source]
    return names


def _status(data: dict[str, Any]) -> Status:
    if data["only_anonymous"] or len(data["unattributed_claims"]) >= FIRM_CLAIMS_WARN:
        return Status.WARN
    return Status.INFO


def _summary(data: dict[str, Any], counts: Counter[str]) -> str:
    parts = [f"{counts[k]} {_LABELS[k][counts[k] != 1]}" for k in KINDS if counts[k]]
    if not parts:
        head = "No statement is attributed to anyone"
    else:
        head = ", ".join(parts)
        if data["named_sources"]:
            shown = data["named_sources"][:3]
            more = len(data["named_sources"]) - len(shown)
            head += f" ({', '.join(shown)}{f' and {more} more' if more else ''})"
    if data["only_anonymous"]:
        head += "; every attribution is to an unnamed source"
    claims = len(data["unattributed_claims"])
    if claims:
        head += f"; {claims} claim{'s' if claims != 1 else ''} stated as fact with no source"
    return head


def _short(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"
