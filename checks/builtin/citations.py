"""Linked citations: which links in the article's own text a reader could follow, and where to."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from checks.domains import host_of, registered_domain
from checks.i18n import Messages, Plural
from checks.model import Article, Context, Evidence, Message, Result, Status
from checks.read.body_links import BodyLink, classify, is_placeholder

SOCIAL = frozenset(
    (
        "twitter.com", "x.com", "t.co", "facebook.com", "fb.com", "fb.watch", "t.me",
        "telegram.me", "youtube.com", "youtu.be", "instagram.com", "tiktok.com", "vk.com",
        "threads.net", "bsky.app", "linkedin.com", "reddit.com", "ok.ru", "rutube.ru",
    )
)  # fmt: skip
# Sites whose pages are themselves the record: courts, parliaments, statistics, registries.
PRIMARY = frozenset(
    (
        "un.org", "europa.eu", "doi.org", "courtlistener.com", "supremecourt.gov",
        "legislation.gov.uk", "congress.gov", "govinfo.gov", "federalregister.gov",
        "bundestag.de", "bundesregierung.de", "gesetze-im-internet.de",
        "bundesverfassungsgericht.de",
        "legifrance.gouv.fr", "conseil-constitutionnel.fr", "boe.es", "planalto.gov.br",
        "kremlin.ru", "government.ru", "duma.gov.ru", "consultant.ru", "pravo.gov.ru",
        "rada.gov.ua", "zakon.rada.gov.ua", "president.gov.ua", "arxiv.org", "pubmed.gov",
        "nih.gov", "who.int", "oecd.org", "imf.org", "worldbank.org", "icj-cij.org",
        "echr.coe.int", "curia.europa.eu", "sec.gov", "businesswire.com", "prnewswire.com",
        # UN agencies and other intergovernmental bodies outside .int
        "unrwa.org", "unhcr.org", "unicef.org", "wfp.org", "unesco.org", "ohchr.org",
        "undp.org", "ilo.org", "iaea.org", "wto.org", "fao.org", "icrc.org", "ipcc.ch",
        "bis.org", "iea.org", "osce.org", "coe.int",
        # where research is first published
        "nature.com", "science.org", "thelancet.com", "nejm.org", "bmj.com", "cell.com",
        "jamanetwork.com", "plos.org", "sciencedirect.com", "springer.com", "wiley.com",
        "ssrn.com", "biorxiv.org", "medrxiv.org", "pnas.org", "ncbi.nlm.nih.gov",
    )
)  # fmt: skip
_PRIMARY_SUFFIX = re.compile(
    r"\.(?:gov|mil|int|edu)(?:\.[a-z]{2})?$|\.(?:gouv|gob|govt|go|gv|admin)\.[a-z]{2}$"
    r"|\.gc\.ca$|\.ac\.uk$|\.(?:bund|europa)\.[a-z]{2,3}$|^(?:gov|gouv|gob)\.[a-z]{2}$"
)
KIND_ORDER = (
    "primary source", "other outlet", "other site", "social", "same outlet", "unknown outlet",
    "placeholder", "unusable",
)  # fmt: skip
_PLURAL = {
    "primary source": ("to a primary source", "to primary sources"),
    "other outlet": ("to another outlet", "to other outlets"),
    "other site": ("to another site", "to other sites"),
    "social": ("social", "social"),
    "same outlet": ("to the same outlet", "to the same outlet"),
    "unknown outlet": ("to a site (outlet unknown)", "to sites (outlet unknown)"),
    "placeholder": ("placeholder", "placeholders"),
    "unusable": ("unusable", "unusable"),
}
M = Messages(
    __name__,
    {
        "citations.title": "Linked citations",
        "citations.no_text": "no article text to look for links in",
        "citations.could_not_look": "Could not look for links: {reason}",
        "citations.visible_only": "{summary} (only in the visible part: {reason})",
        "citations.none": "No links in the article text: no source can be followed",
        "citations.placeholders": Plural(
            "{count} link in the text, a placeholder '#': no source can be followed",
            "{count} links in the text, all placeholders '#': no source can be followed",
        ),
        "citations.unusable": Plural(
            "{count} link in the text, none with a target that can be followed",
            "{count} links in the text, none with a target that can be followed",
        ),
        "citations.links": Plural("{count} link: {kinds}", "{count} links: {kinds}"),
        "citations.kind.primary_source": Plural(
            "{count} to a primary source", "{count} to primary sources"
        ),
        "citations.kind.other_outlet": Plural(
            "{count} to another outlet", "{count} to other outlets"
        ),
        "citations.kind.other_site": Plural("{count} to another site", "{count} to other sites"),
        "citations.kind.social": Plural("{count} social", "{count} social"),
        "citations.kind.same_outlet": Plural(
            "{count} to the same outlet", "{count} to the same outlet"
        ),
        "citations.kind.unknown_outlet": Plural(
            "{count} to a site (outlet unknown)", "{count} to sites (outlet unknown)"
        ),
        "citations.kind.placeholder": Plural("{count} placeholder", "{count} placeholders"),
        "citations.kind.unusable": Plural("{count} unusable", "{count} unusable"),
        "citations.with_flagged": "{summary}; links to flagged outlets ({names})",
        "citations.with_dead": Plural(
            "{summary}; {dead} of {count} checked links dead",
            "{summary}; {dead} of {count} checked links dead",
        ),
        "citations.with_all_answer": Plural(
            "{summary}; the {count} checked link answers",
            "{summary}; all {count} checked links answer",
        ),
        "citations.where.link": "link {n}, {kind}",
        "citations.where.link_domain": "link {n}, {kind} ({domain})",
        "citations.where.link_unlisted": "link {n}, {domain}, not in the outlet datasets",
        "citations.where_kind.primary_source": "primary source",
        "citations.where_kind.other_outlet": "other outlet",
        "citations.where_kind.other_site": "other site",
        "citations.where_kind.social": "social",
        "citations.where_kind.same_outlet": "same outlet",
        "citations.where_kind.unknown_outlet": "unknown outlet",
        "citations.where_kind.placeholder": "placeholder",
        "citations.where_kind.unusable": "unusable",
    },
)
MAX_EVIDENCE = 8
PROBE_DEFAULT = 5
PROBE_SECONDS = 6.0  # under the engine's default 10 s per check
MAX_LOOKUPS = 15  # distinct linked domains checked against the outlet table


@dataclass(frozen=True, slots=True)
class Cited:
    item: BodyLink
    kind: str
    domain: str | None


def link_kind(url: str, home: str | None) -> tuple[str, str | None]:
    """(kind, registered domain) of one link target, seen from the outlet at `home`."""
    if is_placeholder(url):
        return "placeholder", None
    scheme = url.strip().split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in ("http", "https") or not host_of(url):
        return "unusable", None
    # An IP address or a bare host name has no registered domain: the host stands in.
    domain = registered_domain(url) or host_of(url)
    if domain in SOCIAL:
        return "social", domain
    host = host_of(url)
    if domain in PRIMARY or host in PRIMARY or _PRIMARY_SUFFIX.search(host):
        return "primary source", domain
    if home is None:
        return "unknown outlet", domain
    return ("same outlet" if domain == home else "other outlet"), domain


class Citations:
    name = "citations"
    title = "Linked citations"
    title_message = M("citations.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        seen = article.visibility
        if not article.text.strip() and seen.text != "none":
            return Result(Status.SKIP, message=M("citations.no_text"))
        home_url = article.url or article.canonical_url
        home = registered_domain(home_url) if home_url else None
        itself = {_page_key(u) for u in (article.url, article.canonical_url) if u}
        cited = []
        for item in classify(article):
            # A link to the article itself (a permalink, a post's "Read the essay") cites nothing.
            if item.counted and _page_key(item.link.url) not in itself:
                kind, domain = link_kind(item.link.url, home)
                if kind == "other outlet" and domain and not _is_news_site(domain, ctx):
                    kind = "other site"
                cited.append(Cited(item, kind, domain))
        data = _data(cited, home, ctx)
        evidence = _evidence(cited)
        if ctx.fetcher is not None and cited:
            data.update(await _probe(cited, ctx))
            evidence = _dead_evidence(data["dead_links"]) + evidence
        if seen.text == "none":
            # The counts are of what could be seen (nothing); the line says why.
            data["visible"], data["visible_reason"] = seen.text, seen.reason
            message = M("citations.could_not_look", reason=seen.reason)
            return Result(Status.SKIP, data=data, message=message)
        message = _summary(data)
        if seen.text == "partial":
            data["visible"], data["visible_reason"] = seen.text, seen.reason
            message = M("citations.visible_only", summary=message, reason=seen.reason)
        return Result(_status(data), evidence=evidence, data=data, message=message)


def _is_news_site(domain: str, ctx: Context) -> bool:
    """Whether an outlet dataset knows the site; without a table, assume it is an outlet."""
    if getattr(ctx.outlets, "by_domain", None) is None:
        return True
    return _lookup(ctx.outlets, domain).known


def _page_key(url: str) -> str:
    return url.split("#", 1)[0].rstrip("/").removeprefix("https://").removeprefix("http://")


def _data(cited: list[Cited], home: str | None, ctx: Context) -> dict[str, Any]:
    kinds = Counter(c.kind for c in cited)
    usable = [c for c in cited if c.domain is not None]
    domains = Counter(c.domain for c in usable if c.domain)
    return {
        "total": len(cited),
        "internal": sum(c.domain == home for c in usable) if home else None,
        "external": sum(c.domain != home for c in usable) if home else None,
        # Pasted text without a URL: whose links are "internal" cannot be told.
        "unknown_outlet": 0 if home else len(usable),
        "placeholders": kinds["placeholder"],
        "unusable": kinds["placeholder"] + kinds["unusable"],
        "domains": dict(domains.most_common()),
        "kinds": {k: kinds[k] for k in KIND_ORDER if kinds[k]},
        "flagged": _flagged(Counter({d: n for d, n in domains.items() if d != home}), ctx),
        "distinct_urls": len({c.item.link.url for c in usable}),
        "links": [
            {"n": c.item.number, "text": c.item.link.text, "url": c.item.link.url, "kind": c.kind}
            for c in cited
        ],
    }


def _flagged(domains: Counter[str], ctx: Context) -> list[dict[str, Any]]:
    """Linked outlets that an open dataset flags (unreliable, state-controlled...)."""
    if getattr(ctx.outlets, "by_domain", None) is None:
        return []
    found = []
    for domain, count in domains.most_common(MAX_LOOKUPS):
        if domain in SOCIAL:
            continue
        ratings = _lookup(ctx.outlets, domain).flagged
        if ratings:
            found.append(
                {
                    "domain": domain,
                    "links": count,
                    "claims": [claim for _, claim in ratings],
                    "datasets": [dataset for dataset, _ in ratings],
                }
            )
    return found


@dataclass(frozen=True, slots=True)
class _Lookup:
    known: bool  # some dataset lists the site (so it is a news outlet)
    flagged: tuple[tuple[str, str], ...]  # (dataset, claim) of the ratings that flag it


@lru_cache(maxsize=4096)
def _lookup(table: Any, domain: str) -> _Lookup:
    """One look-up per linked site, shared by the outlet/site split and the flagged list."""
    try:
        record = table.by_domain(domain)
    except Exception:  # the table is another module's: a bad row must not sink this check
        return _Lookup(known=True, flagged=())
    ratings = getattr(record, "flagged", ()) if record is not None else ()
    flagged = tuple((getattr(r, "dataset", ""), getattr(r, "claim", "")) for r in ratings)
    return _Lookup(known=record is not None, flagged=flagged)


def _status(data: dict[str, Any]) -> Status:
    usable = data["total"] - data["unusable"]
    every_checked_link_dead = data.get("probed") and len(data["dead_links"]) == data["probed"]
    return Status.WARN if usable == 0 or every_checked_link_dead else Status.INFO


def _summary(data: dict[str, Any]) -> Message:
    total = data["total"]
    if total == 0:
        return M("citations.none")
    if data["placeholders"] == total:
        return M("citations.placeholders", count=total)
    if data["unusable"] == total:
        return M("citations.unusable", count=total)
    parts = [M(f"citations.kind.{_slug(kind)}", count=n) for kind, n in data["kinds"].items()]
    summary = M("citations.links", count=total, kinds=parts)
    if data["flagged"]:
        names = ", ".join(f["domain"] for f in data["flagged"][:3])
        summary = M("citations.with_flagged", summary=summary, names=names)
    if data.get("probed"):
        dead = len(data["dead_links"])
        key = "citations.with_dead" if dead else "citations.with_all_answer"
        summary = M(key, summary=summary, dead=dead, count=data["probed"])
    return summary


def _slug(kind: str) -> str:
    return kind.replace(" ", "_")


def _place(c: Cited) -> Message:
    if c.kind == "unknown outlet" and c.domain:
        return M("citations.where.link_unlisted", n=c.item.number, domain=c.domain)
    kind = M(f"citations.where_kind.{_slug(c.kind)}")
    if c.domain:
        return M("citations.where.link_domain", n=c.item.number, kind=kind, domain=c.domain)
    return M("citations.where.link", n=c.item.number, kind=kind)


def _evidence(cited: list[Cited]) -> tuple[Evidence, ...]:
    """The cited anchors a reader would want first: primary sources, other outlets, then more."""
    ranked = sorted(cited, key=lambda c: (KIND_ORDER.index(c.kind), c.item.number))
    chosen = sorted(ranked[:MAX_EVIDENCE], key=lambda c: c.item.number)
    return tuple(
        Evidence(
            quote=c.item.link.text[:300],
            where=f"link {c.item.number}, {c.kind}" + (f" ({c.domain})" if c.domain else ""),
            url=c.item.link.url or None,
            place=_place(c),
        )
        for c in chosen
    )


async def _probe(cited: list[Cited], ctx: Context) -> dict[str, Any]:
    """Whether the first few distinct outside targets answer, within a time budget that
    keeps the check well inside its own timeout; what has not answered by then is left
    unjudged, never called dead."""
    settings = ctx.settings.get("citations") or {}
    limit = int(settings.get("probe_links", PROBE_DEFAULT))
    budget = float(settings.get("probe_seconds", PROBE_SECONDS))
    probe = getattr(ctx.fetcher, "probe", None)
    if probe is None or limit <= 0:
        return {}
    urls: list[str] = []
    for c in cited:
        url = c.item.link.url
        if c.domain is not None and c.kind != "same outlet" and url not in urls:
            urls.append(url)
    tasks = {asyncio.ensure_future(probe(u)): u for u in urls[:limit]}
    if not tasks:
        return {"probed": 0, "dead_links": [], "unanswered": 0}
    done, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    dead = []
    for task in sorted(done, key=lambda t: urls.index(tasks[t])):
        result = task.result() if not task.cancelled() and not task.exception() else None
        if result is not None and not getattr(result, "reachable", True):
            dead.append(
                {
                    "url": tasks[task],
                    "status": result.status,
                    "error": getattr(result, "error", ""),
                }
            )
    return {"probed": len(done), "dead_links": dead, "unanswered": len(pending)}


def _dead_evidence(dead: list[dict[str, Any]]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(quote=d["error"] or f"status {d['status']}", where="dead link", url=d["url"])
        for d in dead[:MAX_EVIDENCE]
    )
