"""Who the page says wrote it, where it says so: JSON-LD, meta tags, the visible byline.

The reader keeps these side by side in `Article.meta` (keys starting `author_`), so the
author check can compare what the page shows with what its markup declares.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from lxml import etree

from checks.read import class_words, page_meta

META_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
# Every element that may hold the byline (a class holding "author" or "byline", rel or
# itemprop "author", outside footers, menus and sidebars), in document order. The tests run on
# the attributes (`…/@class[…]/parent::*`), not on every element (`//*[…]`): libxml2 then
# looks only at the elements that have such an attribute, and the union puts them back in
# document order. Attributes of elements, not "//@…": libxml2 would look on text nodes too.
_OUTSIDE = "[not(ancestor::footer or ancestor::nav or ancestor::aside)]"
_CLASS_PARTS = ("author", "byline")
_MARKED_AUTHOR = "/descendant::*/@rel[.='author'] | /descendant::*/@itemprop[.='author']"
_VISIBLE_CLASS = re.compile(r"(?:^|\s)(?:byline|author)(?:\s|$)|author-name|byline__", re.I)
MAX_VISIBLE = 160


def author_signals(
    root: etree._Element, meta: Mapping[str, str], objects: list[dict[str, Any]]
) -> dict[str, str]:
    """`author_jsonld` ("Person: Jane Doe; Organization: Reuters"), `author_meta:<key>`,
    `author_visible` (the byline's text as shown), `author_url` (an author page) and
    `author_link_text` (the words that link to it)."""
    found: dict[str, str] = {}
    entries, urls = _jsonld_authors(objects)
    if entries:
        found["author_jsonld"] = "; ".join(entries)
    for key in META_KEYS:
        value = (meta.get(key) or "").strip()
        if value:
            found[f"author_meta:{key}"] = value
            if "://" in value:
                urls.append(value)
    nodes = _authorish(root)
    visible = _visible_byline(nodes)
    if visible:
        found["author_visible"] = visible
    link, link_text = _author_link(nodes)
    if link:
        urls.append(link)
        if 2 < len(link_text) <= MAX_VISIBLE:
            found["author_link_text"] = link_text
    if urls:
        found["author_url"] = urls[0]
    return found


def _authorish(root: etree._Element) -> list[etree._Element]:
    """The elements that may hold the byline, the class tested only for the words some class
    or id value of the page holds (most hold one or neither; each word tested costs a pass)."""
    values = class_words.values(root)
    parts = tuple(part for part in _CLASS_PARTS if any(part in v for v in values))
    return _authorish_query(parts)(root)


@cache
def _authorish_query(parts: tuple[str, ...]) -> etree.XPath:
    if not parts:
        return etree.XPath(f"({_MARKED_AUTHOR})/parent::*{_OUTSIDE}")
    test = " or ".join(f"contains(.,'{part}')" for part in parts)
    return etree.XPath(f"(/descendant::*/@class[{test}] | {_MARKED_AUTHOR})/parent::*{_OUTSIDE}")


def _jsonld_authors(objects: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    entries: list[str] = []
    urls: list[str] = []
    for obj in page_meta.article_objects(objects):
        value = obj.get("author")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip() and "://" not in item:
                entries.append(f"Person?: {item.strip()}")
            elif isinstance(item, dict) and isinstance(item.get("name"), str):
                kind = item.get("@type")
                kind = kind[0] if isinstance(kind, list) and kind else kind
                entries.append(f"{kind or 'Thing'}: {' '.join(item['name'].split())}")
                url = item.get("url") or item.get("sameAs")
                url = url[0] if isinstance(url, list) and url else url
                if isinstance(url, str) and url.startswith(("http://", "https://")):
                    urls.append(url)
        if entries:
            break
    return entries, urls


def _visible_byline(nodes: list[etree._Element]) -> str | None:
    for node in nodes:
        if node.tag in ("meta", "link", "script"):
            continue
        marked = node.get("rel") == "author" or node.get("itemprop") == "author"
        if not marked and not _VISIBLE_CLASS.search(node.get("class") or ""):
            continue
        # Text nodes joined with a space: "Ingo Arzt" + "Redakteur" must not become one word.
        text = " ".join(" ".join(node.itertext()).split())
        if 2 < len(text) <= MAX_VISIBLE:
            return text
    return None


def _author_link(nodes: list[etree._Element]) -> tuple[str | None, str]:
    """The first author page linked from a byline, and the words it sits on."""
    for node in nodes:
        links = [node] if node.tag == "a" else node.iter("a")
        for link in links:
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href, " ".join(link.text_content().split())
    return None, ""
