"""Sources: the attributed statements in the text, counted by kind, each quoted."""

from __future__ import annotations

from collections import Counter
from typing import Any

from checks.builtin.sources.statements import KINDS, Statement, read_attributions
from checks.i18n import Messages, Plural
from checks.languages import languages
from checks.model import Article, Context, Evidence, Message, Result, Status
from checks.read.page_meta import text_language

M = Messages(
    __name__,
    {
        "sources.title": "Who is quoted",
        "sources.no_text": "no article text to look for attributions in",
        "sources.no_language": "no attribution cues for this language ({language}) yet",
        "sources.nobody": "No statement is attributed to anyone",
        "sources.counts": "{counts}",
        "sources.counts_named": "{counts} ({names})",
        "sources.counts_named_more": Plural(
            "{counts} ({names} and {count} more)", "{counts} ({names} and {count} more)"
        ),
        "sources.only_anonymous": "{summary}; every attribution is to an unnamed source",
        "sources.unsourced": Plural(
            "{summary}; {count} claim stated as fact with no source",
            "{summary}; {count} claims stated as fact with no source",
        ),
        "sources.kind.direct_quote": Plural("{count} direct quote", "{count} direct quotes"),
        "sources.kind.named": Plural("{count} named source", "{count} named sources"),
        "sources.kind.anonymous": Plural("{count} unnamed source", "{count} unnamed sources"),
        "sources.kind.document": Plural("{count} document or data", "{count} documents or data"),
        "sources.where": "{kind}: {source}",
        "sources.where_kind.direct_quote": "direct quote",
        "sources.where_kind.named": "named",
        "sources.where_kind.anonymous": "anonymous",
        "sources.where_kind.document": "document",
    },
)
MAX_EVIDENCE = 12
MAX_QUOTE = 300
FIRM_CLAIMS_WARN = 2  # this many settled-fact claims with no source make the line a warning


class Sources:
    name = "sources"
    title = "Who is quoted"
    title_message = M("sources.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        if not article.text.strip():
            return Result(Status.SKIP, message=M("sources.no_text"))
        # Pasted text and Telegram posts carry no declared language: the text tells.
        language = article.language or text_language(article.text)
        if language and language not in languages():
            return Result(
                Status.SKIP,
                data={"language": language},
                message=M("sources.no_language", language=language),
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
            Evidence(
                _short(s.quote),
                where=f"{s.kind.replace('_', ' ')}: {s.source}",
                place=M("sources.where", kind=M(f"sources.where_kind.{s.kind}"), source=s.source),
            )
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
        message = _summary(data, counts)
        return Result(_status(data), evidence=tuple(evidence), data=data, message=message)


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


def _summary(data: dict[str, Any], counts: Counter[str]) -> Message:
    parts = [M(f"sources.kind.{k}", count=counts[k]) for k in KINDS if counts[k]]
    if not parts:
        summary = M("sources.nobody")
    elif data["named_sources"]:
        shown = data["named_sources"][:3]
        more = len(data["named_sources"]) - len(shown)
        names = ", ".join(shown)
        if more:
            summary = M("sources.counts_named_more", counts=parts, names=names, count=more)
        else:
            summary = M("sources.counts_named", counts=parts, names=names)
    else:
        summary = M("sources.counts", counts=parts)
    if data["only_anonymous"]:
        summary = M("sources.only_anonymous", summary=summary)
    claims = len(data["unattributed_claims"])
    if claims:
        summary = M("sources.unsourced", summary=summary, count=claims)
    return summary


def _short(text: str) -> str:
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"
