"""Page metadata read from an lxml tree: meta tags, JSON-LD, dates, site name, text language."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from lxml import etree

from checks.domains import registered_domain
from checks.languages import languages, resource
from checks.read import class_words
from checks.temporal import MONTH_NUMBERS

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$")
_CDATA_MARKS = ("<![CDATA[", "]]>", "<!--", "-->")
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
_EPOCH = re.compile(r"^1\d{9}$")
_NUMERIC = re.compile(
    r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:[T,\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
)
_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|review|opinion|story", re.I)
_TITLE_SPLIT = re.compile(r"\s+(?:[|\u2013\u2014·:»«]|-{1,2})\s+")
_OUTSIDE = "[not(ancestor::aside or ancestor::footer or ancestor::nav)]"
_AUTHOR_META = (
    "author", "article:author", "parsely-author", "sailthru.author", "cxenseparse:author",
    "dc.creator",
)  # fmt: skip
_BY = re.compile(r"^\s*(?:by|von|par|por|de|автор|written by)\s*:?\s+", re.I)
# Tests on the attributes, not on every element: see author_meta._authorish. A "name" in a
# "byline" box and an "author-name" are read in one pass over the class attributes: each
# such pass costs as much as the rest of the expression.
_VISIBLE_AUTHOR = etree.XPath(
    "//@itemprop[.='author']/parent::*//@itemprop[.='name']/parent::*"
    " | //@rel[.='author']/parent::a"
    " | //@class[contains(.,'name')]/parent::*"
    "[contains(@class,'author-name') or ancestor-or-self::*[contains(@class,'byline')]]"
)
# A byline box holding only the "By ..." line, with no name element inside to pick.
_BYLINE_TAIL = re.compile(r"\s[|•·]\s|\b(?:updated|published|posted)\b", re.I)
_BYLINE_BOX = etree.XPath("//@class[contains(.,'byline')]/parent::*" + _OUTSIDE)
_WORDS = re.compile(r"[^\W\d_]+", re.U)


def _stopword_lists() -> dict[str, list[str]]:
    """Function words per language, from each language folder's `stopwords.toml` and the
    shared one (languages recognised without a folder of their own)."""
    lists = {code: list(resource("stopwords", code).get("words", [])) for code in languages()}
    for code, words in resource("stopwords", "_shared").get("recognised", {}).items():
        lists.setdefault(code, list(words))
    return lists


_STOPWORD_LISTS = _stopword_lists()
# A word two languages share is dropped from both.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(
        w
        for w in words
        if not any(w in other for o, other in _STOPWORD_LISTS.items() if o != lang)
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
    text = text.strip()
    if any(mark in text for mark in _CDATA_MARKS):  # else _CDATA has nothing to remove
        text = _CDATA.sub("", text).strip()
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
        # A NewsArticle is often the WebPage's mainEntity rather than a top-level object.
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _flatten(main, depth + 1)


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


def parse_date(value: str, *, month_first: bool = False) -> datetime | None:
    """A date as pages write it in metadata: ISO 8601, compact, or "Tue, Sep 15 2020 10:01 EDT".

    The page's own offset is kept (the local publication date matters); a naive value is UTC.
    "12.03.2024" is always day-first; "12/03/2024" too unless the page is US English.
    """
    value = value.strip()
    if _EPOCH.match(value):
        return datetime.fromtimestamp(int(value), UTC)
    match = _ISO.match(value)
    if match:
        return _from_iso(match)
    match = _NUMERIC.match(value)
    if match:
        return _from_numeric(match, month_first)
    if not re.search(r"\d{4}", value):
        return None
    return _from_words(value)


def _from_numeric(match: re.Match[str], month_first: bool) -> datetime | None:
    first, sep, second, year, hour, minute, second_ = match.groups()
    day, month = int(first), int(second)
    swap = sep == "/" and month_first and day <= 12
    if swap or month > 12:
        day, month = month, day
    try:
        clock = (int(hour or 0), int(minute or 0), int(second_ or 0))
        value = datetime(int(year), month, day, *clock)
    except ValueError:
        return None
    return value.replace(tzinfo=UTC)


def month_first_for(lang: str | None) -> bool:
    """Only US English (and other US locales) writes numeric dates month-first."""
    return bool(lang) and lang.replace("_", "-").lower().endswith("-us")


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
    ("og:published_time", "meta og:published_time"),
    ("article.published", "meta article.published"),
    ("datepublished", "meta datePublished"),
    ("pubdate", "meta pubdate"),
    ("publishdate", "meta publishdate"),
    ("publish-date", "meta publish-date"),
    ("publication_date", "meta publication_date"),
    ("originalpublicationdate", "meta OriginalPublicationDate"),
    ("parsely-pub-date", "meta parsely-pub-date"),
    ("cxenseparse:publishtime", "meta cXenseParse:publishtime"),
    ("dc.date.issued", "meta DC.date.issued"),
    ("dcterms.issued", "meta DCTERMS.issued"),
    ("dc:date.created", "meta dc:date.created"),
    ("citation_publication_date", "meta citation_publication_date"),
    ("datecreated", "meta dateCreated"),
    ("dc.date", "meta DC.date"),
    ("dcterms.date", "meta DCTERMS.date"),
    ("date", "meta date"),
    ("sailthru.date", "meta sailthru.date"),
)


def _first_text(value: Any) -> str | None:
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            return item
    return None


def published_date(
    root: etree._Element,
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    *,
    month_first: bool = False,
) -> Dated | None:
    """The original publication date, from the strongest signal the page gives.

    A UTC value is moved to the outlet's own offset when the page shows the local time.
    """
    # Both the strongest signal and the vote on it read the <time> elements: read them once.
    time_element = _time_element(root)
    found = _published_signal(meta, objects, month_first, time_element)
    if found is not None:
        found = _majority(found, root, meta, objects, month_first, time_element)
    if found is not None and found.value.utcoffset() == timedelta(0):
        return _local_day(found, root, meta, objects, month_first)
    return found


def _own_signals(
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    month_first: bool,
    time_element: Dated | None,
) -> list[Dated]:
    """The first date of each kind the page declares: JSON-LD article, meta tag, <time>."""
    found: list[Dated] = []
    for obj in (o for o in objects if _is_article(o)):
        value = _first_text(obj.get("datePublished"))
        if value and (parsed := parse_date(value, month_first=month_first)):
            found.append(Dated(parsed, "JSON-LD datePublished"))
            break
    for key, basis in _DATE_META:
        value = meta.get(key)
        if value and (parsed := parse_date(value, month_first=month_first)):
            found.append(Dated(parsed, basis))
            break
    if time_element is not None:
        found.append(time_element)
    return found


def _majority(
    found: Dated,
    root: etree._Element,
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    month_first: bool,
    time_element: Dated | None,
) -> Dated:
    """When the page's own signals disagree on the day, htmldate breaks the tie.

    The strongest signal stands unless the other signals and htmldate agree on another day:
    a CMS that re-stamps every article on migration, or a JSON-LD block copied from an
    earlier version, is outvoted by the date the page shows and htmldate reads.
    """
    signals = _own_signals(meta, objects, month_first, time_element)
    if all(_same_moment(d, found) for d in signals):
        return found  # one date, perhaps written in two time zones
    vote = htmldate_vote(root, None)
    if vote is None:
        return found
    counts: dict[Any, int] = {}
    for dated in [*signals, vote]:
        day = _day_of(found) if _same_moment(dated, found) else _day_of(dated)
        counts[day] = counts.get(day, 0) + 1
    best = max(counts, key=lambda day: counts[day])
    if best == _day_of(found) or counts[best] <= counts.get(_day_of(found), 0):
        return found
    winner = next((d for d in signals if _day_of(d) == best), vote)
    return Dated(winner.value, f"{winner.basis}, with htmldate, against {found.basis}")


_SAME_MOMENT = timedelta(minutes=2)  # one instant, written in two time zones


def _same_moment(a: Dated, b: Dated) -> bool:
    """The same day, or two clock times close enough to be one moment in two zones."""
    if a.value.date() == b.value.date():
        return True
    return _has_clock(a) and _has_clock(b) and abs(a.value - b.value) <= _SAME_MOMENT


def _has_clock(dated: Dated) -> bool:
    """A date-only value reads as midnight UTC: it names a day, not a moment."""
    value = dated.value
    return bool(value.hour or value.minute or value.second or value.utcoffset())


def _day_of(dated: Dated) -> Any:
    return dated.value.date()


def htmldate_vote(root: etree._Element, url: str | None) -> Dated | None:
    """htmldate's reading of the page: the original date, from markup and the address only.

    Its free-text search is left off: that is where dates come from footers and copyright
    lines. It reads a copy (it prunes what it reads) without what the page's own rules call
    furniture (sidebars, footers, lists of other stories) and without "modified" metadata:
    an update is not the publication date.
    """
    from htmldate import find_date

    try:
        page = _without_furniture(root)
        found = find_date(page, url=url, original_date=True, extensive_search=False)
        day = datetime.strptime(found, "%Y-%m-%d").replace(tzinfo=UTC) if found else None
    except Exception:  # a third-party parser on hostile markup: no vote
        return None
    return Dated(day, "htmldate") if day is not None else None


_UPDATE_META = re.compile(r"modif|updat|revis", re.I)
_BOXES = frozenset({"div", "section", "ul", "ol"})
# Boxes of other stories; unlike _FURNITURE_CLASS not "widget", which on Blogger holds the post.
_OTHER_STORIES = re.compile(
    r"\s(?:related|sidebar|recommend|more-stories|read-?more|popular|trending|teaser|comment"
    r"|newsletter|promo|jp-relatedposts)",
    re.I,
)
_SHORT_TEXT = frozenset({"p", "span", "small", "time", "em", "strong", "b", "i", "abbr", "li"})
_FURNITURE_TAGS = frozenset({"meta", "aside", "nav", "footer", "time", *_BOXES})


def _furniture_element(node: etree._Element, tag: str) -> bool:
    """Furniture by tag, class or place: "modified" metadata, an aside, navigation, a footer
    outside the article, a <time> in furniture, a box of other stories."""
    if tag == "meta":
        return bool(_UPDATE_META.search(f"{node.get('property', '')} {node.get('name', '')}"))
    if tag in ("aside", "nav"):
        return True
    if tag == "footer":
        return not _in_article(node)
    if tag == "time" and in_furniture(node):
        return True
    if tag not in _BOXES:
        return False
    return bool(_OTHER_STORIES.search(f" {node.get('class', '')} {node.get('id', '')}"))


def _updated_note(node: etree._Element, tag: str, text_size: int) -> bool:
    """ "Updated 5 May 2024": a short text element, or a div of a few children, so labelled."""
    if text_size > _LABELLED_LINE or not (tag in _SHORT_TEXT or (tag == "div" and len(node) <= 3)):
        return False
    return bool(UPDATED_LABEL.search("".join(node.itertext())))


def _furniture_nodes(tree: etree._Element) -> list[etree._Element]:
    """What htmldate is not to read, found in one pass that also sums each element's text
    length: joining every element's text to measure it was most of htmldate's share."""
    found: list[etree._Element] = []

    def text_size(node: etree._Element) -> int:
        """len("".join(node.itertext())): comments' text left out, their tails counted."""
        text = node.text
        size = len(text) if text else 0
        for child in node:
            if isinstance(child.tag, str):
                size += text_size(child)
            tail = child.tail
            if tail:
                size += len(tail)
        tag = node.tag
        if (tag in _FURNITURE_TAGS and _furniture_element(node, tag)) or _updated_note(
            node, tag, size
        ):
            found.append(node)
        return size

    text_size(tree)
    return found


def _without_furniture(root: etree._Element) -> etree._Element:
    tree = copy.deepcopy(root)
    for node in _furniture_nodes(tree):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return tree


def _published_signal(
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    month_first: bool,
    time_element: Dated | None,
) -> Dated | None:
    articles = [o for o in objects if _is_article(o)]
    others = [o for o in objects if not _is_article(o)]
    for obj in articles:
        for key in ("datePublished", "dateCreated"):
            value = _first_text(obj.get(key))
            if value and (parsed := parse_date(value, month_first=month_first)):
                return Dated(parsed, f"JSON-LD {key}")
    for key, basis in _DATE_META:
        value = meta.get(key)
        if value and (parsed := parse_date(value, month_first=month_first)):
            return Dated(parsed, basis)
    # A WebPage's date is when the page was made, weaker than any article-level signal.
    for obj in others:
        value = _first_text(obj.get("datePublished"))
        if value and (parsed := parse_date(value, month_first=month_first)):
            return Dated(parsed, "JSON-LD datePublished")
    return time_element


def _time_element(root: etree._Element) -> Dated | None:
    """<time datetime> marked as the publication date, else one in the article.

    Sidebars, footers and related-story lists give other posts' dates: skipped. Among
    several, the one labelled "published" beats one labelled "updated".
    """
    marked, plain = _dated_times(root)
    marked = [n for n in marked if not in_furniture(n)]
    plain = [n for n in plain if not in_furniture(n)]
    labelled = [(n, _time_label(n)) for n in plain]
    ordered = (
        marked
        + [n for n, label in labelled if label == "published"]
        + [n for n, label in labelled if label is None]
    )
    for node in ordered:
        parsed = parse_date(node.get("datetime", ""))
        if parsed:
            return Dated(parsed, "<time datetime>")
    return None


def _dated_times(root: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The page's <time datetime> elements marked as the publication date, and those in an
    <article> or <main>, in page order; none in an aside or navigation.

    A marked one may sit in the article's own footer ("<article>…<footer><time itemprop=…>"),
    an unmarked one in no footer. One pass over the <time> elements: the XPaths saying the
    same ("//article//time[…]") cost more than the rest of the date reading on long pages.
    """
    marked: list[etree._Element] = []
    plain: list[etree._Element] = []
    for node in root.getroottree().iter("time"):
        if node.get("datetime") is None:
            continue
        above = [a.tag for a in node.iterancestors()]  # the nearest first
        if "aside" in above or "nav" in above:
            continue
        if _marked_published(node) and not _outside_article_footer(above):
            marked.append(node)
        elif "footer" not in above and ("article" in above or "main" in above):
            plain.append(node)
    return marked, plain


def _marked_published(node: etree._Element) -> bool:
    classes = node.get("class") or ""
    return (
        node.get("pubdate") is not None
        or node.get("itemprop") == "datePublished"
        or "publish" in classes
        or "posted" in classes
    )


def _outside_article_footer(above: list[str]) -> bool:
    """Inside a <footer> that no <article> holds: the outermost footer is outside every
    article (tags listed from the nearest ancestor out)."""
    if "footer" not in above:
        return False
    outermost = len(above) - 1
    footer = outermost - above[::-1].index("footer")
    article = outermost - above[::-1].index("article") if "article" in above else -1
    return footer > article


def _time_label(node: etree._Element) -> str | None:
    """ "published"/"updated" from the words just before the <time> element."""
    before: list[str] = []
    previous = node.getprevious()
    if previous is not None:
        before.append(previous.tail or "")
    else:
        parent = node.getparent()
        before.append((parent.text or "") if parent is not None else "")
    words = " ".join(before)[-40:]
    own = f"{node.get('class', '')} {node.get('itemprop', '')}"
    if re.search(r"updat|modif", own, re.I):
        return "updated"
    # The label nearest the <time> is its own: "Updated <time>, first published <time>".
    last = max(
        (
            (m.end(), kind)
            for kind, rx in (("updated", UPDATED_LABEL), ("published", _PUBLISHED_LABEL))
            for m in rx.finditer(words)
        ),
        default=(0, None),
    )
    return last[1]


_FOOTER_CLASS = re.compile(r"\sfooter\b", re.I)
_ARTICLE_TYPE = re.compile(r"schema\.org/(?:\w*Article|BlogPosting|Report)\b", re.I)


def _in_article(node: etree._Element) -> bool:
    """Inside an <article>, or an element marked up as a schema.org Article."""
    return any(
        a.tag == "article" or _ARTICLE_TYPE.search(a.get("itemtype", ""))
        for a in node.iterancestors()
    )


def in_furniture(node: etree._Element) -> bool:
    """Inside an aside, footer, navigation, related-story box or a list of linked stories.

    The article's own footer is not furniture, nor is the whole page: the classes of <body>
    and <html> describe the layout ("one-sidebar"), not a box of other stories.
    """
    for parent in node.iterancestors():
        tag = parent.tag
        if tag in ("body", "html"):
            return False
        marks = f" {parent.get('class', '')} {parent.get('id', '')}"
        if (tag == "footer" or _FOOTER_CLASS.search(marks)) and _in_article(parent):
            continue  # the article's own footer: its date, author, tags
        if tag in ("aside", "footer", "nav"):
            return True
        if _FURNITURE_CLASS.search(marks):
            return True
        if tag == "li" and parent.find(".//a[@href]") is not None:
            return True
    return False


# Spellings seen on pages besides the date finder's own.
_MONTHS = {**MONTH_NUMBERS, "fevr": 2, "maerz": 3, "mär": 3, "marco": 3}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_ZONE_NAMES = "|".join(_ZONES)
_DATE_TEXT = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+)?(?P<m1>{_MONTH})\.?,?\s*"
    rf"(?:del?\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<a3>\d{1,2})(?P<s3>[./])(?P<b3>\d{1,2})(?P=s3)(?P<y3>\d{4})"
    r"|(?P<a5>\d{1,2})(?P<s5>[./])(?P<b5>\d{1,2})(?P=s5)(?P<y5>\d{2})(?![\d./])"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))\b"
    r"(?:(?:\s*(?:[,/|•·–—-]|\bat\b|\bà\b|\bum\b|\bв\b|\bо\b|\bàs\b|\ba las\b|г\.))*\s*"
    r"(?P<H>\d{1,2})[:h.](?P<M>\d{2})\b(?:\s*(?P<ap>[ap])\.?\s?m\b\.?)?"
    rf"(?:\s*(?:uhr|h)\b)?(?:\s*\(?(?-i:(?P<Z>{_ZONE_NAMES})\b))?)?",
    re.I,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:first\s+)?published|posted|publicad[oa]|publiée?|veröffentlicht|erschienen"
    r"|опубликован[оа]?|опубліковано|дата публикации|дата публікації"
    r"|pubblicat[oa]|opublikowano|data publikacji",
    re.I,
)
# A label that starts the line or follows a separator: "The study, published on ..." is prose.
_LINE_LABEL = re.compile(rf"(?:^|[|•·.:;—–]\s*)(?:{_PUBLISHED_LABEL.pattern})", re.I)
UPDATED_LABEL = re.compile(
    r"updated|modified|aktualisiert|geändert|mis[e]? à jour|actualizad[oa]|atualizad[oa]"
    r"|обновлен[оа]?|оновлено|изменено|змінено|aggiornat[oa]|aggiornamento|zaktualizowano"
    r"|aktualizacja",
    re.I,
)
# Class or id tokens of boxes listing other stories (token start: "has-sidebar" is a page).
_FURNITURE_CLASS = re.compile(
    r"\s(?:related|sidebar|widget|recommend|more-stories|read-?more|popular|trending|teaser"
    r"|comment|newsletter|promo|footer|jp-relatedposts)",
    re.I,
)
_INLINE = frozenset(
    "a span time b strong em i small abbr sup sub font u mark label cite q bdi".split()
)
_SKIP = frozenset(
    ("script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form",
     "select", "button", "h1", "h2", "h3", "h4", "h5", "h6")
)  # fmt: skip
_HEADLINE = "h1"
_LINES_AFTER_HEADLINE = 40
_LINES_WITHOUT_HEADLINE = 60
_LINES_BEFORE_ANY_HEADLINE = 400  # read no further looking for the headline
_SHORT_LINE = 80
_LABELLED_LINE = 120
_DATE_LINE_WORDS = 3
_NAME_LINE_WORDS = 6
_TWO_DIGITS = re.compile(r"\d\d")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?=[/_.-]|$)")


@dataclass(frozen=True, slots=True)
class _Seen:
    """A date as printed on the page, local to the outlet."""

    local: datetime  # naive
    has_clock: bool
    offset: timedelta | None
    labelled: bool


def _read_seen(match: re.Match[str], month_first: bool, labelled: bool) -> _Seen | None:
    g = match.groupdict()
    try:
        if g["y1"]:
            day, month, year = int(g["d1"]), _MONTHS[g["m1"].lower()], int(g["y1"])
        elif g["y2"]:
            day, month, year = int(g["d2"]), _MONTHS[g["m2"].lower()], int(g["y2"])
        elif g["y3"] or g["y5"]:
            a, b, sep = (g["a3"], g["b3"], g["s3"]) if g["y3"] else (g["a5"], g["b5"], g["s5"])
            day, month = int(a), int(b)
            year = int(g["y3"]) if g["y3"] else _two_digit_year(int(g["y5"]))
            if month > 12 or (sep == "/" and month_first and day <= 12):
                day, month = month, day
        else:
            day, month, year = int(g["d4"]), int(g["m4"]), int(g["y4"])
        hour, minute = int(g["H"] or 0), int(g["M"] or 0)
        if g["ap"]:
            hour = hour % 12 + (12 if g["ap"].lower() == "p" else 0)
        local = datetime(year, month, day, hour, minute)
    except (KeyError, ValueError):
        return None
    zone = g["Z"]
    offset = timedelta(hours=_ZONES[zone]) if zone else None
    return _Seen(local, g["H"] is not None, offset, labelled)


_HIDDEN = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|\b(?:logo|sr-only|screen-reader|visually-hidden"
    r"|site-title|site-name|brand)",
    re.I,
)
_MIN_HEADLINE = 12  # characters: a logo's alt text or a site name is shorter than a headline


def _real_headline(node: etree._Element) -> bool:
    """An <h1> that is the article's headline, not a hidden or logo <h1> in the page header."""
    for element in (node, *node.iterancestors()):
        if element.tag in ("body", "html"):
            break
        marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('style', '')}"
        if _HIDDEN.search(marks) or element.get("hidden") is not None:
            return False
        if (
            element.tag in ("header", "nav")
            and element.getparent() is not None
            and (element.getparent().tag == "body")
        ):
            return False  # the site's masthead
    return len(" ".join("".join(node.itertext()).split())) >= _MIN_HEADLINE


def _two_digit_year(year: int) -> int:
    """ "30.10.23" is 2023; "12.05.98" 1998 (two-digit years no later than next year)."""
    return 2000 + year if year <= datetime.now(UTC).year % 100 + 1 else 1900 + year


def _top_lines(root: etree._Element) -> list[str]:
    """Short visible text lines around the headline, furniture and headings left out."""
    lines: list[str] = []
    # Only pieces with a visible character: a line of whitespace is no line.
    pieces: list[str] = []
    headline_at = -1
    limit = _LINES_BEFORE_ANY_HEADLINE

    def flush() -> None:
        lines.append(" ".join(" ".join(pieces).split()))
        pieces.clear()

    def walk(node: etree._Element) -> bool:
        nonlocal headline_at, limit
        tag = node.tag
        if not isinstance(tag, str):
            return False
        if tag == _HEADLINE and headline_at < 0 and _real_headline(node):
            if pieces:
                flush()
            headline_at = len(lines)
            limit = headline_at + _LINES_AFTER_HEADLINE
        if tag in _SKIP or (tag != "body" and _furniture_marked(node, marks)):
            return False
        block = tag not in _INLINE
        if block and pieces:
            flush()
        text = node.text
        if text and not text.isspace():
            pieces.append(text)
        for child in node:
            if walk(child):
                return True
            tail = child.tail
            if tail and not tail.isspace():
                pieces.append(tail)
        if block and pieces:
            flush()
        return len(lines) > limit

    # Every class and id value of the page tested in one search.
    marks = class_words.value_tests(root, _FURNITURE_CLASS, " ")
    body = root.find("body")
    walk(body if body is not None else root)
    if pieces:
        flush()
    if headline_at >= 0:
        return lines[max(0, headline_at - 6) : headline_at + _LINES_AFTER_HEADLINE]
    return lines[:_LINES_WITHOUT_HEADLINE]


def _furniture_marked(node: etree._Element, marks: Mapping[str, bool]) -> bool:
    """Class or id tokens of a box of other stories (`marks`: the page's values tested)."""
    return _furniture_value(node.get("class"), marks) or _furniture_value(node.get("id"), marks)


def _furniture_value(value: str | None, marks: Mapping[str, bool]) -> bool:
    # A token starts after a space, so testing " class id" is testing " class" and " id".
    if value is None:
        return False
    known = marks.get(value)
    return _FURNITURE_CLASS.search(f" {value}") is not None if known is None else known


def visible_dates(root: etree._Element, month_first: bool = False) -> list[_Seen]:
    """Dates on a "Published ..." line or on a short line of their own near the headline.

    Lines labelled only "Updated" and dates inside running sentences are not publication dates.
    """
    labelled: list[_Seen] = []
    plain: list[_Seen] = []
    for line in _top_lines(root):
        if not _TWO_DIGITS.search(line):
            continue  # every date _DATE_TEXT reads has two digits in a row
        published = _LINE_LABEL.search(line) if len(line) <= _LABELLED_LINE else None
        if published:
            match = _DATE_TEXT.search(line, published.end())
            if match and match.start() - published.end() <= 30:
                seen = _read_seen(match, month_first, True)
                if seen:
                    labelled.append(seen)
            continue
        if len(line) > _SHORT_LINE or UPDATED_LABEL.search(line):
            continue
        matches = list(_DATE_TEXT.finditer(line))
        if len(matches) != 1:
            continue
        rest = line[: matches[0].start()] + line[matches[0].end() :]
        words = _WORDS.findall(rest)
        # "By Jane Doe | March 12, 2024", "Do 24. Mai 2018", "The Guardian 02/10/2020 Anna
        # Fazackerley": a date line (a few words, or names), not a sentence.
        lower = sum(w[:1].islower() for w in words)
        if len(words) <= _DATE_LINE_WORDS or (len(words) <= _NAME_LINE_WORDS and lower <= 1):
            seen = _read_seen(matches[0], month_first, False)
            if seen:
                plain.append(seen)
    return labelled + plain


def _aware(seen: _Seen) -> datetime:
    return seen.local.replace(tzinfo=timezone(seen.offset) if seen.offset else UTC)


def fallback_date(root: etree._Element, url: str | None, month_first: bool) -> Dated | None:
    """A date for a page without date metadata, or None: never a footer, sidebar or body date.

    In order: a "Published ..." line, a date in the URL path, a short date line near the
    headline, any <time> outside furniture and not labelled "Updated". htmldate's vote comes
    after all of these (the reader asks it only when they give nothing).
    """
    seen = visible_dates(root, month_first)
    if seen and seen[0].labelled:
        return Dated(_aware(seen[0]), "visible date line")
    path = (url or "").split("?", 1)[0].split("#", 1)[0]
    match = _URL_DATE.search(path.split("://", 1)[-1])
    if match:
        try:
            value = datetime(*map(int, match.groups()), tzinfo=UTC)
            return Dated(value, "date in the URL")
        except ValueError:
            pass
    if seen:
        return Dated(_aware(seen[0]), "visible date line")
    for node in root.iter("time"):
        if node.get("datetime") and not in_furniture(node) and _time_label(node) != "updated":
            parsed = parse_date(node.get("datetime", ""))
            if parsed:
                return Dated(parsed, "<time datetime>")
    return None


_MAX_OFFSET = timedelta(hours=14)


def _local_day(
    found: Dated,
    root: etree._Element,
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    month_first: bool,
) -> Dated:
    """A UTC publication time shown in the outlet's own zone, when the page tells it.

    Either another signal gives the same instant with a local offset, or a date line near
    the headline gives the local day (and time); a reader goes by the outlet's local date.
    """
    instant = found.value
    others = [
        *(_first_text(o.get(k)) for o in objects for k in ("datePublished", "dateCreated")),
        *(meta.get(key) for key, _ in _DATE_META),
        *(n.get("datetime") for n in root.iter("time")),
    ]
    for raw in others:
        parsed = parse_date(raw, month_first=month_first) if raw else None
        if parsed is not None and parsed.utcoffset() and parsed == instant:
            return Dated(parsed, found.basis)
    for seen in visible_dates(root, month_first)[:1]:
        offset = _offset_for(instant, seen)
        if offset is not None and offset:
            return Dated(instant.astimezone(timezone(offset)), found.basis)
    return found


def _offset_for(instant: datetime, seen: _Seen) -> timedelta | None:
    utc = instant.astimezone(UTC).replace(tzinfo=None)
    if seen.offset is not None:
        return seen.offset if (utc + seen.offset).date() == seen.local.date() else None
    if seen.has_clock:
        quarter = timedelta(minutes=15)
        delta = seen.local - utc
        rounded = quarter * round(delta / quarter)
        if abs(delta - rounded) <= timedelta(minutes=2) and -_MAX_OFFSET <= rounded <= _MAX_OFFSET:
            return rounded
        return None
    days = (seen.local.date() - utc.date()).days
    midnight = datetime.combine(utc.date(), datetime.min.time())
    if days == 1:
        # The smallest whole-hour offset that reaches the printed day.
        hours = -(-(midnight + timedelta(days=1) - utc) // timedelta(hours=1))
        return timedelta(hours=hours) if hours <= 14 else None
    if days == -1:
        hours = (utc - midnight) // timedelta(hours=1) + 1
        return -timedelta(hours=hours) if hours <= 12 else None
    return None


_LOOKS_LIKE_HOST = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/?$", re.I)


_GENERIC_WORDS = (
    "the a of and breaking latest top world local national international us u.s uk home"
    " homepage news politics business sport sports opinion headlines stories today video videos"
    " live analysis culture tech technology science health entertainment lifestyle economy"
    " finance markets edition online главная новости политика главное nachrichten politik"
    " startseite aktuell actualités accueil infos noticias política inicio portada notícias"
    " início головна новини політика"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_NAME_WORDS = re.compile(r"[^\W_]+(?:\.[^\W_]+)*", re.U)
_TRAILING_DATE = re.compile(r"[\s,–—-]+(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\s*$")


def is_generic_name(name: str) -> bool:
    """ "News", "Politics", "World News", "Breaking News & Analysis": a section or tagline."""
    words = [w.lower().rstrip(".") for w in _NAME_WORDS.findall(name)]
    return bool(words) and all(w in _GENERIC for w in words)


def _squash(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


def _fits_domain(name: str, url: str | None) -> bool:
    """ "Example News" fits example-news.com, "The Guardian" theguardian.com, "BBC News" bbc."""
    domain = registered_domain(url) if url else None
    if not domain:
        return False
    label = _squash(domain.split(".", 1)[0])
    squashed = _squash(name)
    return len(label) >= 3 and len(squashed) >= 3 and (label in squashed or squashed in label)


def _name_parts(value: str) -> list[str]:
    """A title or name split at its separators, trailing dates and generic taglines dropped."""
    parts = [_TRAILING_DATE.sub("", p).strip() for p in _TITLE_SPLIT.split(value)]
    return [p for p in parts if p]


def _clean_name(value: str) -> str | None:
    """ "Example News - Breaking news, latest headlines" -> "Example News"; None if generic."""
    kept = [p for p in _name_parts(value) if not is_generic_name(p)]
    return kept[0] if kept else None


def publisher(objects: list[dict[str, Any]]) -> str | None:
    for obj in article_objects(objects):
        name = _name(obj.get("publisher"))
        if name:
            return name
    return None


def _title_site(title_tag: str, url: str | None, named: str | None) -> str | None:
    """The part of "<headline> | <site>" that names the site: the part fitting the domain or
    the publisher's name, else the last part; taglines and dates dropped."""
    parts = _name_parts(title_tag)
    if len(parts) < 2:
        return None
    candidates = [(i, p) for i, p in enumerate(parts) if not is_generic_name(p)]
    for _, part in reversed(candidates):
        if (named and _squash(part) == _squash(named)) or _fits_domain(part, url):
            return part
    last = [p for i, p in candidates if i > 0]
    if last and len(last[-1]) <= 40:
        return last[-1]
    return None


def site_name(
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    title_tag: str | None,
    url: str | None = None,
) -> str | None:
    """The outlet's name: og:site_name unless it is only an address or a section name
    ("News", "Politics"), then the JSON-LD publisher, application-name, the <title> part."""
    raw_og = meta.get("og:site_name")
    og_name = _clean_name(raw_og) if raw_og else None
    # "www.diariolibre.com" is an address, not a name: a named publisher says more.
    if og_name and not _LOOKS_LIKE_HOST.match(og_name):
        return og_name
    named = publisher(objects)
    if named and not is_generic_name(named):
        return named
    if og_name:
        return og_name
    app = meta.get("application-name")
    if app and (app_name := _clean_name(app)):
        return app_name
    if title_tag:
        return _title_site(title_tag, url, named)
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
        name = _name_only(_BY.sub("", " ".join(node.text_content().split())))
        if 2 < len(name) <= 80 and not any(c.isdigit() for c in name):
            return name
    for node in _BYLINE_BOX(root):
        text = " ".join(node.text_content().split())
        name = _name_only(_BY.sub("", text))
        if _BY.match(text) and 2 < len(name) <= 80 and not any(c.isdigit() for c in name):
            return name
    return None


def _name_only(text: str) -> str:
    """ "Jane Doe | March 12, 2024" -> "Jane Doe": the date and what follows it cut off."""
    cuts = [m.start() for rx in (_DATE_TEXT, _BYLINE_TAIL) if (m := rx.search(text))]
    if not cuts:
        return text.strip(" -–—|,:·•")
    return text[: min(cuts)].strip(" -–—|,:·•").rstrip(".")


def headline(
    meta: Mapping[str, str],
    objects: list[dict[str, Any]],
    title_tag: str | None,
    site: str | None = None,
) -> str | None:
    if meta.get("og:title"):
        return meta["og:title"]
    for obj in article_objects(objects):
        value = obj.get("headline")
        if isinstance(value, str) and value.strip():
            return value.strip()
    if title_tag:
        parts = [p for p in _name_parts(title_tag) if p != site and not is_generic_name(p)]
        return parts[0] if parts else None
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
    """Every section the page declares, joined: article:section, then each JSON-LD
    articleSection and genre ("News, Opinion"), each once."""
    values = [meta.get("article:section") or ""]
    for obj in article_objects(objects):
        for key in ("articleSection", "genre"):
            values += [v for v in _as_list(obj.get(key)) if isinstance(v, str)]
        if "BreadcrumbList" in _as_list(obj.get("@type")):
            values += _crumbs(obj)[:-1]  # the last crumb is the page itself
    found = dict.fromkeys(v.strip() for v in values if v and v.strip())
    return ", ".join(found) or None


def _crumbs(obj: Mapping[str, Any]) -> list[str]:
    """The names of a JSON-LD BreadcrumbList's items, in order: "Home", "Opinion", …"""
    names = []
    for element in _as_list(obj.get("itemListElement")):
        if isinstance(element, dict):
            name = element.get("name") or _name(element.get("item"))
            if isinstance(name, str) and name.strip():
                names.append(name.strip())
    return names


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
    seen = Counter(map(str.lower, _WORDS.findall(text[:20_000])[:3001]))
    for word in seen.keys() & _LANGUAGES_OF.keys():  # the few function words, not every word
        for lang in _LANGUAGES_OF[word]:
            counts[lang] += seen[word]
    best = max(counts, key=counts.__getitem__)
    if counts[best] >= 5 and 2 * counts[best] >= 3 * sorted(counts.values())[-2]:
        return best
    if declared:
        return declared.replace("_", "-").split("-")[0].lower() or None
    return best if counts[best] else None
