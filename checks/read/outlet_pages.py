"""The outlet's pages about itself that a page links: "About us", corrections, standards."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from urllib.parse import urljoin

from lxml import etree

from checks.domains import registered_domain

# The last part of an "about" page's address, in the languages we read.
ABOUT_SLUGS = frozenset(
    "about about-us about_us aboutus who-we-are ueber-uns uber-uns impressum qui-sommes-nous"
    " a-propos quienes-somos sobre sobre-nos quem-somos chi-siamo o-nas o-proekte pro-nas".split()
)
CORRECTIONS = re.compile(
    r"correction|corrigend|berichtigung|korrektur|rectific|errata|исправлени|виправлен"
    r"|ethics|editorial[- ]standards|editorial[- ]polic|leitlinien|déontologie|deontolog",
    re.I,
)
_HREFS = etree.XPath("//a/@href", smart_strings=False)
MAX_LINKS = 3000


_LITERAL_START = re.compile(r"[^\\\[\].*+?{}^$]*")


def _stems(pattern: str) -> tuple[str, ...] | None:
    """Literal beginnings of the pattern's alternatives, one of which every match holds;
    None when the pattern has groups (its top-level alternatives are then not plain)."""
    if "(" in pattern:
        return None
    stems = []
    for part in pattern.split("|"):
        start = _LITERAL_START.match(part)
        if start is None or not start.group():
            return None
        stems.append(start.group().lower())
    return tuple(stems)


def _shortest(needles: tuple[str, ...]) -> tuple[str, ...]:
    """The needles that hold no other ("about" finds "about-us" too)."""
    unique = sorted(set(needles))
    return tuple(n for n in unique if not any(m != n and m in n for m in unique))


# Every address an about or corrections slug is in holds one of these, lower-cased.
_NEEDLES = (
    None if (found := _stems(CORRECTIONS.pattern)) is None else _shortest((*ABOUT_SLUGS, *found))
)


def outlet_pages(root: etree._Element, url: str | None) -> dict[str, str]:
    """`outlet_about_url` and `outlet_corrections_url`: the first link of each kind that stays
    on the outlet's own site, told by its address ("/about-us", "/corrections")."""
    home = registered_domain(url) if url else None
    found: dict[str, str] = {}
    # A menu repeats its links: an address tells the same the second time.
    for href in _candidates(list(dict.fromkeys(_HREFS(root)[:MAX_LINKS]))):
        path = href.split("?", 1)[0].split("#", 1)[0].strip().rstrip("/")
        slug = path.rsplit("/", 1)[-1].lower().removesuffix(".html").removesuffix(".htm")
        if slug in ABOUT_SLUGS:
            key = "outlet_about_url"
        elif CORRECTIONS.search(slug):
            key = "outlet_corrections_url"
        else:
            continue
        if key in found:
            continue
        try:
            target = urljoin(url, href.strip()) if url else href.strip()
        except ValueError:
            continue
        if not target.startswith(("http://", "https://")):
            continue
        if home and registered_domain(target) != home:
            continue
        found[key] = target
        if len(found) == 2:
            break
    return found


def _candidates(hrefs: list[str]) -> list[str]:
    """The addresses whose slug may name an about or corrections page, in their order: those
    holding a needle once lower-cased (found in all of them at once), and any not plain ASCII
    (re.I matches "ſ" for "s", which lower() keeps)."""
    joined = "\n".join(hrefs)
    lowered = joined.lower()
    if _NEEDLES is None or len(lowered) != len(joined):
        return hrefs
    ends = list(accumulate(len(h) + 1 for h in hrefs))
    chosen = set() if lowered.isascii() else {i for i, h in enumerate(hrefs) if not h.isascii()}
    for needle in _NEEDLES:
        at = lowered.find(needle)
        while at >= 0:
            line = bisect_right(ends, at)
            chosen.add(line)
            # On to the next address: one hit settles this one.
            at = lowered.find(needle, ends[line])
    return [hrefs[i] for i in sorted(chosen)]
