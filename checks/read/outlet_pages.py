"""The outlet's pages about itself that a page links: "About us", corrections, standards."""

from __future__ import annotations

import re
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
_HREFS = etree.XPath("//a/@href")
MAX_LINKS = 3000


def outlet_pages(root: etree._Element, url: str | None) -> dict[str, str]:
    """`outlet_about_url` and `outlet_corrections_url`: the first link of each kind that stays
    on the outlet's own site, told by its address ("/about-us", "/corrections")."""
    home = registered_domain(url) if url else None
    found: dict[str, str] = {}
    # A menu repeats its links: an address tells the same the second time.
    for href in dict.fromkeys(_HREFS(root)[:MAX_LINKS]):
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
