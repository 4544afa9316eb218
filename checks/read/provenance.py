"""Provenance the page declares in its markup: JSON-LD, microdata, meta tags, provider blocks.

A copy often says what it copies only in markup: JSON-LD `isBasedOn` or `sourceOrganization`,
a `provider` or `copyrightHolder` that is not the site, `<meta name="syndication-source">`,
`dc.source`, a portal's "provided by" block. We extract what is written, as written, and say
where; the original-source check weighs it (a publisher that is the site itself says nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree

from checks.model import Declared
from checks.read.class_words import marked

# JSON-LD / microdata properties of an article that name where its content comes from.
SOURCE_KEYS = (
    "isBasedOn",
    "isBasedOnUrl",
    "translationOfWork",
    "sourceOrganization",
    "provider",
    "copyrightHolder",
    "publisher",
    "creditText",
)
# Meta tags naming the original or the rights holder (lower-case names).
META_KEYS = (
    "syndication-source",
    "original-source",
    "dc.source",
    "dcterms.source",
    "dc.publisher",
    "dcterms.publisher",
    "dc.rights",
    "dcterms.rightsholder",
    "article:publisher",
    "copyright",
)
# Link relations with the same meaning: <link rel="original-source" href="…">.
LINK_RELS = ("syndication-source", "original-source")
_ARTICLE_TYPE = re.compile(r"article|posting|report|blog|review|opinion|story", re.I)
# Portals print the provider of a story in a block of its own ("provided by", logo + name).
_PROVIDER_WORDS = (
    "provider",
    "provided-by",
    "content-provider",
    "source-name",
    "partner-name",
    "syndication",
    "syndicated",
)
_PROVIDER_MAX = 80  # characters: a provider block names an outlet, it is not prose
_PICTURE_TAGS = frozenset(("figure", "figcaption", "img", "picture", "video"))
# The same words mark other things: share buttons ("social-share__provider"), embeds
# ("is-provider-instagram"), a blog's feed links (id="syndication"), form fields.
_NOT_PROVIDER_WORDS = frozenset(
    ("share", "sharing", "social", "embed", "oembed", "icon", "icons", "rss", "feed", "feeds",
     "subscribe", "follow", "login", "comment", "comments")
)  # fmt: skip
_FORM_TAGS = frozenset(("input", "textarea", "select", "option", "button", "label", "form"))
_CLASS_SPLIT = re.compile(r"[\s_-]+")
# A provider block's text that names a platform, a feed or a button, not an outlet.
_NOT_AN_OUTLET = re.compile(
    r"\b(?:RSS|Atom|Icon|Instagram|Twitter|Facebook|WhatsApp|TikTok|YouTube|Pinterest"
    r"|LinkedIn|Email|E-Mail)\b"
)
_MAX_VALUES = 40
_ITEMPROPS = etree.XPath("//@itemprop/parent::*")


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _types(obj: Mapping[str, Any]) -> list[str]:
    return [t for t in _as_list(obj.get("@type")) if isinstance(t, str)]


def _values(value: Any, ids: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """Names or addresses in a JSON-LD value: a string, an object (its name, else its url),
    a reference {"@id": …} to an object elsewhere on the page, or a list of these."""
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            yield " ".join(item.split())
        elif isinstance(item, dict):
            if set(item) <= {"@id"} and isinstance(item.get("@id"), str):
                item = ids.get(item["@id"], item)
            for key in ("name", "url", "@id", "sameAs"):
                found = item.get(key)
                if isinstance(found, list):
                    found = next((f for f in found if isinstance(f, str)), None)
                if isinstance(found, str) and found.strip():
                    yield " ".join(found.split())
                    break


def from_jsonld(objects: list[dict[str, Any]]) -> list[Declared]:
    ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    found: list[Declared] = []
    for obj in objects:
        types = _types(obj)
        if not any(_ARTICLE_TYPE.search(t) for t in types):
            continue
        where = f"JSON-LD {types[0]}" if types else "JSON-LD"
        for key in SOURCE_KEYS:
            for value in _values(obj.get(key), ids):
                found.append(Declared(key, value, where))
        # An organisation as the author is a credit ("By The Associated Press").
        for author in _as_list(obj.get("author")):
            if isinstance(author, dict) and set(author) <= {"@id"}:
                author = ids.get(str(author.get("@id")), author)
            if isinstance(author, dict) and "Organization" in " ".join(_types(author)):
                for value in _values(author, ids):
                    found.append(Declared("author", value, where))
    return found


def from_meta(root: etree._Element, meta: Mapping[str, str]) -> list[Declared]:
    found = [Declared(key, meta[key], f"meta {key}") for key in META_KEYS if meta.get(key)]
    for node in root.iter("link"):
        rels = (node.get("rel") or "").lower().split()
        href = (node.get("href") or "").strip()
        for rel in LINK_RELS:
            if rel in rels and href:
                found.append(Declared(rel, href, f"link rel={rel}"))
    return found


def _article_scope(node: etree._Element) -> bool:
    """The nearest item scope above a microdata property is the article (not an image)."""
    for ancestor in node.iterancestors():
        if ancestor.tag in _PICTURE_TAGS:
            return False
        if ancestor.get("itemscope") is not None:
            return bool(_ARTICLE_TYPE.search(ancestor.get("itemtype") or ""))
    return False


def _microdata_value(node: etree._Element) -> str:
    if node.get("itemscope") is not None:
        for child in node.iter():
            if child is not node and (child.get("itemprop") or "") == "name":
                return _microdata_value(child)
    value = node.get("content") or node.get("href") or node.text_content()
    return " ".join((value or "").split())


def from_microdata(root: etree._Element) -> list[Declared]:
    found = []
    for node in _ITEMPROPS(root):
        for key in (node.get("itemprop") or "").split():
            if key in SOURCE_KEYS and _article_scope(node):
                value = _microdata_value(node)
                if value:
                    found.append(Declared(key, value, "microdata"))
    return found


def from_provider_blocks(root: etree._Element) -> list[Declared]:
    found = []
    for node in marked(root, _PROVIDER_WORDS):
        if node.tag in _PICTURE_TAGS or node.tag in _FORM_TAGS:
            continue
        if any(a.tag in _PICTURE_TAGS for a in node.iterancestors()):
            continue
        words = _CLASS_SPLIT.split(f"{node.get('class', '')} {node.get('id', '')}".casefold())
        if _NOT_PROVIDER_WORDS.intersection(words):
            continue
        text = " ".join(node.text_content().split())
        if _NOT_AN_OUTLET.search(text):
            continue
        if not text:
            logo = next((img.get("alt") for img in node.iter("img") if img.get("alt")), "")
            text = " ".join(logo.split())
        if 0 < len(text) <= _PROVIDER_MAX:
            found.append(Declared("provider", text, "provider block"))
    return found


def declared_provenance(
    root: etree._Element, meta: Mapping[str, str], objects: list[dict[str, Any]]
) -> tuple[Declared, ...]:
    """Every provenance statement in the page's markup, each once, in a stable order."""
    seen: set[tuple[str, str]] = set()
    out: list[Declared] = []
    for item in (
        *from_jsonld(objects),
        *from_meta(root, meta),
        *from_microdata(root),
        *from_provider_blocks(root),
    ):
        if (item.key, item.value) not in seen and len(out) < _MAX_VALUES:
            seen.add((item.key, item.value))
            out.append(item)
    return tuple(out)
