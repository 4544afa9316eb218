"""The outlet's pages about itself that a page links: "About us", corrections, standards."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from checks.domains import registered_domain

ABOUT_PATH = re.compile(
    r"/(?:about(?:-us)?|who-we-are|ueber-uns|uber-uns|impressum|qui-sommes-nous|a-propos"
    r"|quienes-somos|sobre(?:-nos)?|quem-somos|chi-siamo|o-nas|o-proekte|pro-nas|about_us)"
    r"(?:\.html?)?/?$",
    re.I,
)
ABOUT_TEXT = re.compile(
    r"^\s*(?:about(?: us)?|who we are|über uns|impressum|qui sommes-nous|à propos|quiénes somos"
    r"|sobre nós|quem somos|chi siamo|o nas|о нас|о проекте|про нас)\s*$",
    re.I,
)
CORRECTIONS = re.compile(
    r"correction|corrigend|berichtigung|korrektur|rectific|errata|исправлени|виправлен"
    r"|ethics|editorial[- ]standards|editorial[- ]polic|leitlinien|déontologie|deontolog",
    re.I,
)
_LINKS = etree.XPath("//a[@href]")
MAX_LINKS = 3000


def outlet_pages(root: etree._Element, url: str | None) -> dict[str, str]:
    """`outlet_about_url` and `outlet_corrections_url`: the first link of each kind that stays
    on the outlet's own site."""
    home = registered_domain(url) if url else None
    found: dict[str, str] = {}
    for node in _LINKS(root)[:MAX_LINKS]:
        href = (node.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:")):
            continue
        try:
            target = urljoin(url, href) if url else href
            path = urlsplit(target).path
        except ValueError:
            continue
        if not target.startswith(("http://", "https://")):
            continue
        if home and registered_domain(target) != home:
            continue
        text = " ".join(node.text_content().split())[:60]
        if "outlet_about_url" not in found and (ABOUT_PATH.search(path) or ABOUT_TEXT.match(text)):
            found["outlet_about_url"] = target
        elif "outlet_corrections_url" not in found and (
            CORRECTIONS.search(path) or CORRECTIONS.search(text)
        ):
            found["outlet_corrections_url"] = target
        if len(found) == 2:
            break
    return found
