"""Links to listed domains: links whose target is on a domain list the operator supplies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checks import Article, Context, Evidence, Result, Status
from checks.domains import host_of


@dataclass(frozen=True, slots=True)
class ListedDomain:
    """One entry of the operator's list: a domain (subdomains included) and why it is there."""

    domain: str
    note: str = ""

    def covers(self, host: str) -> bool:
        return host == self.domain or host.endswith("." + self.domain)


def parse_entry(line: str) -> ListedDomain | None:
    """`bit.ly  link shortener` -> ListedDomain("bit.ly", "link shortener"); '#' comments."""
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    domain, _, note = line.replace(",", " ", 1).partition(" ")
    host = host_of(domain).removeprefix("www.")
    return ListedDomain(host, note.strip()) if host else None


def parse_entries(lines: Iterable[str]) -> tuple[ListedDomain, ...]:
    return tuple(entry for line in lines if (entry := parse_entry(line)) is not None)


_file_cache: dict[tuple[str, int], tuple[ListedDomain, ...]] = {}


def read_list_file(path: Path) -> tuple[ListedDomain, ...]:
    """The entries of a list file, re-read only when the file changes."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _file_cache:
        _file_cache.clear()
        _file_cache[key] = parse_entries(path.read_text("utf-8").splitlines())
    return _file_cache[key]


def listed_domains(settings: Mapping[str, Any]) -> tuple[ListedDomain, ...]:
    """`domains` (a list, or a comma-separated string from the environment) plus `file`."""
    domains = settings.get("domains", ())
    if isinstance(domains, str):
        domains = domains.split(",")
    entries = parse_entries(domains)
    if settings.get("file"):
        entries += read_list_file(Path(settings["file"]))
    return entries


class LinkedDomainList:
    name = "linked_domain_list"
    title = "Links to listed domains"

    async def run(self, article: Article, ctx: Context) -> Result:
        settings = ctx.settings.get(self.name, {})
        entries = listed_domains(settings)
        if not entries:
            return Result(Status.SKIP, "No domain list configured")
        hosts = [(i, link, host_of(link.url)) for i, link in enumerate(article.links, 1)]
        hosts = [(i, link, host) for i, link, host in hosts if "." in host]
        if not hosts:
            return Result(Status.SKIP, "The article links to no other page")
        list_name = settings.get("list_name", "the operator's list")
        evidence: list[Evidence] = []
        matched: dict[str, str] = {}
        for i, link, host in hosts:
            entry = next((e for e in entries if e.covers(host)), None)
            if entry is None:
                continue
            where = f"link {i}, {entry.domain}" + (f": {entry.note}" if entry.note else "")
            evidence.append(Evidence(link.text or link.url, where=where, url=link.url))
            matched[entry.domain] = entry.note
        if not evidence:
            return Result(
                Status.PASS,
                f"None of {len(hosts)} links points to a domain on {list_name}",
                data={"links": len(hosts), "listed_links": 0, "domains": {}},
            )
        return Result(
            Status.WARN,
            f"{len(evidence)} of {len(hosts)} links point to domains on {list_name}:"
            f" {', '.join(sorted(matched))}",
            evidence=tuple(evidence),
            data={"links": len(hosts), "listed_links": len(evidence), "domains": matched},
        )
