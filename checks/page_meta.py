"""Page metadata read from an lxml tree: meta tags, JSON-LD, dates, site name, text language."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from lxml import etree

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}\b)?",
    re.I,
)
# US zone abbreviations that English-language pages print after a time.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "MSK": 3,
}  # fmt: skip
_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|review|opinion|story", re.I)
_TITLE_SPLIT = re.compile(r"\s+(?:[|\u2013\u2014·:»]|-{1,2})\s+")
_OUTSIDE = "[not(ancestor::aside or ancestor::footer or ancestor::nav)]"
_MARKED_TIME = etree.XPath(
    "//time[@datetime][@pubdate or @itemprop='datePublished'"
    " or contains(@class,'publish') or contains(@class,'posted')]" + _OUTSIDE
)
_ARTICLE_TIME = etree.XPath(
    "//article//time[@datetime]" + _OUTSIDE + " | //main//time[@datetime]" + _OUTSIDE
)
_AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "cxenseparse:author",
    "dc.creator",
)  # fmt: skip
_BY = re.compile(r"^\s*(?:by|von|par|por|de|автор|written by)\s*:?\s+", re.I)
_VISIBLE_AUTHOR = etree.XPath(
    "//*[@itemprop='author']//*[@itemprop='name'] | //a[@rel='author']"
    " | //*[contains(@class,'byline')]//*[contains(@class,'name')]"
    " | //*[contains(@class,'author-name')]"
)
# A byline box holding only the "By ..." line, with no name element inside to pick.
_BYLINE_BOX = etree.XPath("//*[contains(@class,'byline')]" + _OUTSIDE)
_WORDS = re.compile(r"[^\W\d_]+", re.U)

# Function words frequent in running text; words two languages share are dropped below.
_STOPWORD_LISTS = {
    "en": "the and of to is that for with was on are by this from have be which",
    "de": "der die und das ist nicht mit sich auf für dem den ein eine auch wird",
    "fr": "le les des est une pour dans pas qui sur par au aux du ce sont avec",
    "es": "el los las del con una para es se al lo como más fue y pero muy este esta",
    "pt": "os das dos não uma com para mais foi ao são pelo pela também está pelos",
    "ru": "и что это как его был было она они для или но от по все так",
    "uk": "і що це як його був було вона вони для або але від та їх які",
}
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(
        w
        for w in words.split()
        if not any(w in other.split() for o, other in _STOPWORD_LISTS.items() if o != lang)
    )
    for lang, words in _STOPWORD_LISTS.items()
}


@dataclass(frozen=True, slots=True)
class Dated:
    value: datetime
    basis: str


def meta_tags(root: etree._Element) -> dict[str, str]:
    """<meta property|name|itemprop=... content=...>, lower-case keys, first non-empty wins."""
    found: dict[str, str] = {}
    for node in root.iter("meta"):
        key = node.get("property") or node.get("name") or node.get("itemprop")
        content = node.get("content")
        if not key or not content or not content.strip():
            continue
        key = key.strip().lower()
        if key not in found:
            found[key] = " ".join(content.split())
    return found


def jsonld_objects(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph and lists flattened; broken blocks skipped."""
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        data = _lenient_json(script.text or "")
        if data is not None:
            objects.extend(_flatten(data))
    return objects


def _lenient_json(text: str) -> Any:
    text = _CDATA.sub("", text.strip()).strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        pass
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        return None
    try:
        # raw_decode stops at the end of the first value: trailing junk is ignored.
        return json.JSONDecoder(strict=False).raw_decode(text, start)[0]
    except ValueError:
        return None


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        graph = data.get("@graph")
        if graph is not None:
            yield from _flatten(graph, depth + 1)
        if "@type" in data:
            yield data


def jsonld_types(objects: list[dict[str, Any]]) -> list[str]:
    types: list[str] = []
    for obj in objects:
        for kind in _as_list(obj.get("@type")):
            if isinstance(kind, str) and kind not in types:
                types.append(kind)
    return types


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _is_article(obj: Mapping[str, Any]) -> bool:
    return any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in _as_list(obj["@type"]))


def article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Article-like objects first (NewsArticle, BlogPosting...), then the others."""
    return [o for o in objects if _is_article(o)] + [o for o in objects if not _is_article(o)]


def _name(value: Any) -> str | None:
    for item in _as_list(value):
        if isinstance(item, str) and item.strip() and "://" not in item:
            return item.strip()
        if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            return str(item["name"]).strip()
    return None


def _names(value: Any) -> list[str]:
    names = []
    for item in _as_list(value):
        name = _name(item)
        if name and name not in names:
            names.append(name)
    return names


def parse_date(value: str) -> datetime | None:
    """A date as pages write it in metadata: ISO 8601, compact, or "Tue, Sep 15 2020 10:01 EDT".

    The page's own offset is kept (the local publication date matters); a naive value is UTC.
    """
    value = value.strip()
    match = _ISO.match(value)
    if match:
        return _from_iso(match)
    if not re.search(r"\d{4}", value):
        return None
    return _from_words(value)


def _from_iso(match: re.Match[str]) -> datetime | None:
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        value = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    return value.replace(tzinfo=_zone(zone))


def _zone(zone: str | None) -> timezone:
    if not zone or zone.upper() == "Z":
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _from_words(value: str) -> datetime | None:
    from dateutil import parser as date_parser

    zones = {name: hours * 3600 for name, hours in _ZONES.items()}
    try:
        parsed = date_parser.parse(value, tzinfos=zones, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


_DATE_META = (
    ("article:published_time", "article:published_time"),
    ("og:article:published_time", "article:published_time"),
    ("datepublished", "meta datePublished"),
    ("pubdate", "meta pubdate"),
    ("publishdate", "meta publishdate"),
    ("publish-date", "meta publish-date"),
    ("parsely-pub-date", "meta parsely-pub-date"),
    ("cxenseparse:publishtime", "meta cXenseParse:publishtime"),
    ("dc.date.issued", "meta DC.date.issued"),
    ("dcterms.issued", "meta DCTERMS.issued"),
    ("dc:date.created", "meta dc:date.created"),
    ("dc.date", "meta DC.date"),
    ("date", "meta date"),
    ("sailthru.date", "meta sailthru.date"),
)


def published_date(
    root: etree._Element, meta: Mapping[str, str], objects: list[dict[str, Any]]
) -> Dated | None:
    """The original publication date, from the strongest signal the page gives."""
    for obj in article_objects(objects):
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            if isinstance(value, str) and (parsed := parse_date(value)):
                return Dated(parsed, f"JSON-LD {key}")
    for key, basis in _DATE_META:
        value = meta.get(key)
        if value and (parsed := parse_date(value)):
            return Dated(parsed, basis)
    return _time_element(root)


def _time_element(root: etree._Element) -> Dated | None:
    """<time datetime> marked as the publication date, else the first one in the article.

    Sidebars, footers and navigation list other posts with their own dates: skipped.
    """
    for node in _MARKED_TIME(root) + _ARTICLE_TIME(root):
        parsed = parse_date(node.get("datetime", ""))
        if parsed:
            return Dated(parsed, "<time datetime>")
    return None


_LOOKS_LIKE_HOST = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/?$", re.I)


def site_name(
    meta: Mapping[str, str], objects: list[dict[str, Any]], title_tag: str | None
) -> str | None:
    og_name = meta.get("og:site_name")
    # "www.diariolibre.com" is an address, not a name: a named publisher says more.
    if og_name and not _LOOKS_LIKE_HOST.match(og_name):
        return og_name
    for obj in article_objects(objects):
        name = _name(obj.get("publisher"))
        if name:
            return name
    if og_name:
        return og_name
    if meta.get("application-name"):
        return meta["application-name"]
    if title_tag:
        parts = _TITLE_SPLIT.split(title_tag)
        if len(parts) > 1 and 0 < len(parts[-1]) <= 40:
            return parts[-1].strip()
    return None


def byline(
    root: etree._Element, meta: Mapping[str, str], objects: list[dict[str, Any]]
) -> str | None:
    for obj in article_objects(objects):
        names = _names(obj.get("author"))
        if names:
            return ", ".join(names)
    for key in _AUTHOR_META:
        value = meta.get(key, "")
        if value and "://" not in value:
            return value
    by = _BY.sub("", meta.get("byl", ""))
    if by:
        return by
    for node in _VISIBLE_AUTHOR(root):
        name = _BY.sub("", " ".join(node.text_content().split())).strip(" -–—|,:")
        if 2 < len(name) <= 80 and not any(c.isdigit() for c in name):
            return name
    for node in _BYLINE_BOX(root):
        text = " ".join(node.text_content().split())
        name = _BY.sub("", text).strip(" -–—|,:")
        if name != text and 2 < len(name) <= 80 and not any(c.isdigit() for c in name):
            return name
    return None


def headline(
    meta: Mapping[str, str], objects: list[dict[str, Any]], title_tag: str | None
) -> str | None:
    if meta.get("og:title"):
        return meta["og:title"]
    for obj in article_objects(objects):
        value = obj.get("headline")
        if isinstance(value, str) and value.strip():
            return value.strip()
    if title_tag:
        return _TITLE_SPLIT.split(title_tag)[0].strip() or None
    return None


def keywords(meta: Mapping[str, str], objects: list[dict[str, Any]]) -> str | None:
    for key in ("news_keywords", "keywords"):
        if meta.get(key):
            return meta[key]
    for obj in article_objects(objects):
        value = obj.get("keywords")
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list) and value:
            return ", ".join(str(v) for v in value)
    return None


def section(meta: Mapping[str, str], objects: list[dict[str, Any]]) -> str | None:
    if meta.get("article:section"):
        return meta["article:section"]
    for obj in article_objects(objects):
        value = _as_list(obj.get("articleSection"))[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _languages_of_words() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for lang, words in _STOPWORDS.items():
        for word in words:
            found.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in found.items()}


_LANGUAGES_OF = _languages_of_words()


def text_language(text: str, declared: str | None = None) -> str | None:
    """The language of the text by a stopword vote; the declared one if the text is too short."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for seen, match in enumerate(_WORDS.finditer(text[:20_000])):
        for lang in _LANGUAGES_OF.get(match.group().lower(), ()):
            counts[lang] += 1
        if seen >= 3000:
            break
    best = max(counts, key=counts.__getitem__)
    if counts[best] >= 5 and 2 * counts[best] >= 3 * sorted(counts.values())[-2]:
        return best
    if declared:
        return declared.replace("_", "-").split("-")[0].lower() or None
    return best if counts[best] else None
