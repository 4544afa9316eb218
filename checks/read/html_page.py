"""A saved or fetched HTML page -> Article: main text, in-body links, metadata.

The page is parsed once: the same lxml tree gives our metadata and furniture text and is
handed to trafilatura for the main text (trafilatura copies a tree it is given).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from checks.model import Article, Link, Visibility
from checks.read import class_words, page_meta
from checks.read.author_meta import author_signals
from checks.read.decoding import decode_page
from checks.read.outlet_pages import outlet_pages
from checks.read.provenance import declared_provenance
from checks.read.regions import find_body, page_regions
from checks.read.split_body import LINE_TAGS, Parts, more_of_the_body
from checks.read.visibility import page_visibility

# The options trafilatura parses with, so its extraction sees the tree it expects.
_PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)


def _element_classes() -> etree.ElementNamespaceClassLookup:
    """lxml.html's element classes, looked up in C.

    lxml.html's parser asks a Python method for the class of every element the moment it
    becomes a Python object, about a million times over the corpus, in our passes and in
    trafilatura's alike. The same tag-to-class table held by lxml's own namespace lookup gives
    the same classes (HTML tag names are lower-case already) without the call into Python.
    """
    lookup = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    tags = lookup.get_namespace(None)
    for tag, cls in lxml.html.HtmlElementClassLookup._default_element_classes.items():
        tags[tag] = cls
    return lookup


_PARSER.set_element_class_lookup(_element_classes())
# What we ask of trafilatura; benchmarks/bench_analysis.py times the same call as the floor.
EXTRACTION_OPTIONS: dict[str, bool] = {
    "include_links": True,
    "include_comments": False,
    "with_metadata": False,
}
_BOX_TAGS = frozenset(("footer", "aside", "header"))
_BOX_CLASS = re.compile(
    r"footer|disclaimer|disclosure|notice|copyright|site-info|about|meta", re.I
)
_CODE_TAGS = ("script", "style", "noscript", "template")
# Elements trafilatura's output never holds. Taken out of the tree for its call only, they no
# longer weigh on its copies of the tree and its cleaning passes; our later passes (regions)
# read their text, so they are put back after it.
_EXTRACTION_DROPS = ("svg", "input", "select", "iframe", "picture", "video", "audio", "canvas")
# Footnote and endnote lists: trafilatura often drops them, yet their links are citations.
_NOTES_MARK = re.compile(r"(?:^|[\s_-])(?:foot|end)-?notes?(?:$|[\s_-])", re.I)
_NOTES_PART = "note"  # in every class or id _NOTES_MARK finds, lower-cased
NOTES_HEADING = re.compile(
    r"^(?:(?:foot|end)?notes|sources|references|sources and notes|quellen|anmerkungen"
    r"|fußnoten|einzelnachweise|notes et références|références|fuentes|referencias|notas"
    r"|fontes|referências|источники|примечания|сноски|джерела|примітки|виноски)\s*:?$",
    re.I,
)
# A bare "#" is a button run by a script; trafilatura would make it a link to the home page.
_BUTTON = "javascript:#"
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_MAX_NOTES = 60
_INVISIBLE = frozenset((*_CODE_TAGS, "svg", "nav", "form", "select", "button"))
_COUNT_SCRIPTS = etree.XPath("count(//script)")
# A subtree's text pieces in document order, as plain strings (no object for each element).
_TEXTS = etree.XPath("descendant::text()", smart_strings=False)
# "https://…" and "ftp://…" are absolute; "//cdn…" and "/go?u=https://…" are not.
_ABSOLUTE = re.compile(r"\s*[a-z][a-z0-9+.-]*://", re.I)
# The anchors whose href may be relative ("http://…" and "https://…" are not), found in C.
_MAYBE_RELATIVE = etree.XPath(
    "/descendant::a/@href[not(starts-with(., 'https://') or starts-with(., 'http://'))]/.."
)
# lxml's own setter: lxml.html's element class overrides it with a method in Python.
_set = etree._Element.set
# What urljoin rewrites in a path from the root: dot segments, the tabs and line breaks it
# removes, ";params", an empty query or fragment it drops.
_JOIN_CHANGES = re.compile(r"/\.|[\t\r\n;]|\?#|[?#]$")
FURNITURE_LIMIT = 20_000
_BOX_LIMIT = 6_000


def decode_html(raw: bytes) -> str:
    """Trust the bytes over the declaration: valid UTF-8 is UTF-8 wherever a charset is named."""
    return decode_page(raw)


def parse_html(raw: bytes) -> lxml.html.HtmlElement | None:
    """One lxml tree for the page, decoded our way (the parser is told the bytes are UTF-8)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        raw.decode("utf-8")
        data = raw
    except UnicodeDecodeError:
        data = decode_html(raw).encode("utf-8")
    try:
        return lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _body_text_and_links(body: etree._Element) -> tuple[str, tuple[Link, ...]]:
    blocks: list[str] = []
    links: list[Link] = []
    offset = 0
    for block in body:
        text = _flatten(block, links, offset)
        if not text:
            continue
        blocks.append(text)
        offset += len(text) + 1
    return "\n".join(blocks), tuple(links)


def _flatten(
    block: etree._Element, links: list[Link], offset: int, tag: str = "ref", attr: str = "target"
) -> str:
    """Text of one block, whitespace folded; appends the block's links with their positions.

    trafilatura's output marks links as <ref target>; our own lxml tree as <a href>.
    """
    pieces: list[str] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if not text:
            return
        folded = " ".join(text.split())
        if not folded:
            if pieces and not pieces[-1].endswith(" "):
                pieces.append(" ")
                length += 1
            return
        if text[:1].isspace() and pieces and not pieces[-1].endswith(" "):
            folded = " " + folded
        if text[-1:].isspace():
            folded += " "
        pieces.append(folded)
        length += len(folded)

    def walk(node: etree._Element) -> None:
        if node.tag == tag:
            anchor = " ".join("".join(node.itertext()).split())
            start = length + (1 if pieces and not pieces[-1].endswith(" ") else 0)
            links.append(Link(url=node.get(attr, ""), text=anchor, position=offset + start))
            add(
                " "
                if pieces
                and not pieces[-1].endswith(" ")
                and node.text
                and node.text[:1].isspace()
                else None
            )
        add(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            add(child.tail)

    walk(block)
    # strip() may remove a leading space: keep link positions pointing at their anchors.
    joined = "".join(pieces)
    lead = len(joined) - len(joined.lstrip())
    if lead:
        for i in range(len(links) - 1, -1, -1):
            if links[i].position < offset:
                break
            links[i] = Link(links[i].url, links[i].text, links[i].position - lead)
    return joined.strip()


def _visible_text(node: etree._Element) -> str:
    """The subtree's text, without what menus, forms, buttons and SVG hold (their tails are
    the page's text)."""
    # iter() matches tags in C; an XPath predicate on every element would cost more.
    hidden = list(node.iter(*_INVISIBLE))
    if not hidden:
        return " ".join(" ".join(_TEXTS(node)).split())
    # Only the elements above a hidden one are walked; libxml2 reads every other subtree.
    above = {a for h in hidden for a in h.iterancestors()}
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el not in above:
            parts.extend(_TEXTS(el))
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            if child.tag not in _INVISIBLE:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return " ".join(" ".join(parts).split())


@lru_cache(maxsize=8192)
def _box_value(value: str | None) -> bool:
    """A class or id value naming a box (no word of _BOX_CLASS spans the space between the
    two, so testing each is testing both; pages repeat the same values on many elements)."""
    return bool(value and _BOX_CLASS.search(value))


def furniture_text(root: etree._Element) -> str:
    """Visible text of headers, footers, sidebars and notice boxes, outermost boxes only."""
    chunks: list[str] = []
    size = 0
    stack = [root]
    # Every value of the page tested in one search; a value set since is tested on its own.
    boxes = class_words.value_tests(root, _BOX_CLASS)
    while stack and size < FURNITURE_LIMIT:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _INVISIBLE:
            continue
        cls, ident = node.get("class"), node.get("id")
        if (
            tag in _BOX_TAGS
            or (cls is not None and (boxes[cls] if cls in boxes else _box_value(cls)))
            or (ident is not None and (boxes[ident] if ident in boxes else _box_value(ident)))
        ):
            text = _visible_text(node)
            # A box this long wraps the page rather than sits on it: look inside instead.
            if len(text) <= _BOX_LIMIT:
                if text and text not in chunks:
                    chunks.append(text)
                    size += len(text) + 1
                continue
        stack.extend(reversed(node))
    return "\n".join(chunks)[:FURNITURE_LIMIT]


def _absolutize(root: lxml.html.HtmlElement, url: str) -> set[str]:
    """Resolve <a href> against the page URL (or <base href>); other URLs are not needed.

    In-page anchors ("#fn1", "#comments") become the page URL plus the fragment: trafilatura
    would resolve them against the host alone and make them look like links to the home page.
    Returns the fragments linked to.
    """
    page = url.split("#", 1)[0]
    base = root.find(".//base[@href]")
    if base is not None:
        # A broken <base href> is ignored, as browsers do.
        url = _usable_url(_urljoin_or_none(url, base.get("href", "").strip())) or url
    origin = _origin(url)
    fragments: set[str] = set()
    # The same href recurs on a page (menus, share buttons): resolve each one once.
    resolved: dict[str, str | None] = {}
    for anchor in _MAYBE_RELATIVE(root):
        href = anchor.get("href")
        if href and not _ABSOLUTE.match(href):
            href = href.strip()
            if href == "#":
                _set(anchor, "href", _BUTTON)
            elif href.startswith("#"):
                # "#!/path" is a script-run route, not a spot on the page.
                if not href.startswith("#!"):
                    fragments.add(href[1:])
                    _set(anchor, "href", page + href)
            elif href and not href.startswith(("javascript:", "mailto:")):
                if href not in resolved:
                    resolved[href] = _joined(url, origin, href)
                if (joined := resolved[href]) is not None:
                    _set(anchor, "href", joined)
    return fragments


def _origin(url: str) -> str | None:
    """ "https://host" of the URL as urljoin writes it; None when urljoin would fail on it."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _joined(url: str, origin: str | None, href: str) -> str | None:
    """urljoin(url, href), without urljoin's parsing for a plain path from the root
    ("/news/a-story?id=1"), which urljoin only appends to the origin."""
    if (
        origin is not None
        and href.startswith("/")
        and not href.startswith("//")
        and not _JOIN_CHANGES.search(href)
    ):
        return origin + href
    return _urljoin_or_none(url, href)


@dataclass(frozen=True, slots=True)
class _Detached:
    """An element taken out of the tree, with what to put back: its place and the text its
    tail was added to (the previous sibling's tail, or the parent's text)."""

    element: etree._Element
    parent: etree._Element
    index: int
    previous: etree._Element | None
    text: str | None


def _detach(root: etree._Element, tags: tuple[str, ...]) -> list[_Detached]:
    """Take the outermost elements of these tags out of the tree, their tails left in place
    (as etree.strip_elements(..., with_tail=False) leaves them)."""
    found = list(root.iter(*tags))
    detached: list[_Detached] = []
    skip = 0
    for element in found:
        if skip:  # inside an element taken out already (those follow it in document order)
            skip -= 1
            continue
        parent = element.getparent()
        if parent is None:
            continue
        skip = sum(1 for _ in element.iter(*tags)) - 1
        previous = element.getprevious()
        text = parent.text if previous is None else previous.tail
        index = parent.index(element)
        tail = element.tail
        parent.remove(element)
        if tail:
            if previous is None:
                parent.text = (text or "") + tail
            else:
                previous.tail = (text or "") + tail
        detached.append(_Detached(element, parent, index, previous, text))
    return detached


def _reattach(detached: list[_Detached]) -> None:
    """Undo `_detach`, the last taken out put back first."""
    for item in reversed(detached):
        if item.previous is None:
            item.parent.text = item.text
        else:
            item.previous.tail = item.text
        item.parent.insert(item.index, item.element)


def _notes_lists(root: etree._Element, fragments: set[str]) -> list[etree._Element]:
    """Footnote lists: marked as such, targets of the text's "#fn1" links, or under a heading
    such as "Notes" or "Sources"."""
    found: list[etree._Element] = []

    def keep(node: etree._Element | None) -> None:
        if node is not None and not any(node is f for f in found):
            if not any(a.tag == "nav" for a in node.iterancestors()):
                found.append(node)

    # Most pages mark no notes and link none: their classes and ids say so without a walk.
    if class_words.any_holds(root, _NOTES_PART):
        tests = class_words.value_tests(root, _NOTES_MARK)
        for node in root.iter("ol", "ul", "div", "section", "aside"):
            if _notes_value(node.get("class"), tests) or _notes_value(node.get("id"), tests):
                keep(node)
    if fragments and not fragments.isdisjoint(class_words.values(root)):
        for item in root.iter("li"):
            if item.get("id") in fragments:
                keep(item.getparent())
    for heading in root.iter(*_HEADINGS):
        if NOTES_HEADING.match(" ".join(heading.text_content().split())):
            following = heading.getnext()
            if following is not None and following.tag in ("ol", "ul"):
                keep(following)
    # A list inside another found list is already covered.
    return [n for n in found if not any(a in found for a in n.iterancestors())]


def _notes_value(value: str | None, tests: dict[str, bool]) -> bool:
    """A class or id marking notes (no mark spans the space between class and id, so testing
    "class id" is testing each)."""
    if value is None:
        return False
    known = tests.get(value)
    return _NOTES_MARK.search(value) is not None if known is None else known


def _notes_heading(node: etree._Element) -> str:
    before = node.getprevious()
    if before is not None and before.tag in _HEADINGS:
        text = " ".join(before.text_content().split())
        if NOTES_HEADING.match(text):
            return text
    return "Notes"


def _with_parts(parts: Parts, text: str, links: tuple[Link, ...]) -> tuple[str, tuple[Link, ...]]:
    """The extracted text with the body's boxes it left out, each where the page prints it:
    those before the kept box go first, those after it last."""
    head_links: list[Link] = []
    head = _part_lines(parts.before, head_links, 0)
    shift = len("\n".join(head)) + 1 if head else 0
    tail_links: list[Link] = []
    offset = shift + len(text) + 1
    tail = _part_lines(parts.after, tail_links, offset)
    moved = tuple(replace(link, position=link.position + shift) for link in links)
    joined = "\n".join(piece for piece in (*head, text, *tail) if piece)
    return joined, (*head_links, *moved, *tail_links)


def _part_lines(boxes: tuple[etree._Element, ...], links: list[Link], offset: int) -> list[str]:
    """The lines of these boxes (paragraphs, subheads, list items, quotes, outermost only),
    with their links, from `offset` on."""
    lines: list[str] = []
    for box in boxes:
        for node in box.iter(*LINE_TAGS):
            if any(a.tag in LINE_TAGS for a in node.iterancestors() if box in a.iterancestors()):
                continue
            line = _flatten(node, links, offset, tag="a", attr="href")
            if line:
                lines.append(line)
                offset += len(line) + 1
    return lines


def _missing_notes(
    notes: list[tuple[str, list[etree._Element]]], text: str, links: tuple[Link, ...]
) -> tuple[str, tuple[Link, ...]]:
    """Append the footnotes whose links the main text lost, under their heading."""
    have = {link.url for link in links}
    added: list[Link] = []
    blocks: list[str] = []
    offset = len(text) + 1 if text else 0
    for heading, items in notes:
        lost = [
            item
            for item in items
            if any(
                (a.get("href") or "").startswith(("http://", "https://"))
                and a.get("href") not in have
                for a in item.iter("a")
            )
        ]
        if not lost:
            continue
        blocks.append(heading)
        offset += len(heading) + 1
        for item in lost:
            line = _flatten(item, added, offset, tag="a", attr="href")
            if line:
                blocks.append(line)
                offset += len(line) + 1
    if not blocks:
        return text, links
    return "\n".join([text, *blocks] if text else blocks), (*links, *added)


def _note_items(lists: list[etree._Element]) -> list[tuple[str, list[etree._Element]]]:
    out = []
    for node in lists:
        items = [li for li in node.iter("li")] or [p for p in node.iter("p")] or [node]
        out.append((_notes_heading(node), items[:_MAX_NOTES]))
    return out


def _title_tag(root: etree._Element) -> str | None:
    title = root.find(".//title")
    if title is None or not title.text_content().strip():
        return None
    return " ".join(title.text_content().split())


def _urljoin_or_none(base: str, href: str) -> str | None:
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def _usable_url(url: str | None) -> str | None:
    """The page's address, or None when it is not one links could be resolved against."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def _canonical(root: etree._Element, meta: dict[str, str], url: str | None) -> str | None:
    for node in root.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            href = node.get("href", "").strip()
            try:
                return lxml.html.urljoin(url, href) if url else href
            except ValueError:  # "http://[..." : a broken canonical says nothing
                return None
    return meta.get("og:url")


def _page_meta(
    meta: dict[str, str], objects: list[dict[str, Any]], title_tag: str | None
) -> dict[str, str]:
    kept = {k: v for k, v in meta.items() if k.startswith(("og:", "article:"))}
    extra = {
        "title": title_tag,
        "jsonld_types": ", ".join(page_meta.jsonld_types(objects)),
        "section": page_meta.section(meta, objects),
        "keywords": page_meta.keywords(meta, objects),
        # The outlet check weighs the publisher against og:site_name ("News", "Politics").
        "jsonld_publisher": page_meta.publisher(objects),
    }
    kept.update({k: v for k, v in extra.items() if v})
    return kept


def read_html(raw: bytes, *, url: str | None = None) -> Article:
    """Extract the main text and in-body links with trafilatura; keep page metadata."""
    from trafilatura import bare_extraction

    url = _usable_url(url)
    root = parse_html(raw)
    if root is None:
        return Article(
            text="",
            url=url,
            source_kind="html",
            visibility=Visibility("none", "the page could not be read as HTML"),
        )
    # trafilatura resolves relative links against the host only.
    fragments = _absolutize(root, url) if url else set()
    meta = page_meta.meta_tags(root)
    objects = page_meta.jsonld_objects(root)
    title_tag = _title_tag(root)
    declared = root.get("lang") or meta.get("og:locale")
    month_first = page_meta.month_first_for(declared)
    dated = page_meta.published_date(root, meta, objects, month_first=month_first)
    provenance = declared_provenance(root, meta, objects)
    scripts = int(_COUNT_SCRIPTS(root))
    if dated is None:
        # htmldate, the last resort, reads the page before extraction prunes the tree; it is
        # asked only when none of the page's own lines or addresses date it.
        dated = page_meta.fallback_date(root, url, month_first) or page_meta.htmldate_vote(
            root, url
        )
    authors = author_signals(root, meta, objects) | outlet_pages(root, url)
    # trafilatura drops these anyway; dropping them first makes its copy and cleaning cheaper.
    etree.strip_elements(root, *_CODE_TAGS, with_tail=False)
    furniture = furniture_text(root)
    notes = _note_items(_notes_lists(root, fragments))
    # Links are resolved already (against the page, not only its host): url=None spares
    # trafilatura resolving every one of them again.
    detached = _detach(root, _EXTRACTION_DROPS)
    try:
        doc = bare_extraction(root, url=None, **EXTRACTION_OPTIONS)
    finally:
        _reattach(detached)
    text, links = ("", ()) if doc is None or doc.body is None else _body_text_and_links(doc.body)
    if url:
        links = tuple(Link("#", k.text, k.position) if k.url == _BUTTON else k for k in links)
    found = find_body(root, None if doc is None else doc.body)
    parts = more_of_the_body(found)
    if parts:
        text, links = _with_parts(parts, text, links)
    if notes and text:
        text, links = _missing_notes(notes, text, links)
    site = page_meta.site_name(meta, objects, title_tag, url)
    title = page_meta.headline(meta, objects, title_tag, site)
    blocks = page_regions(root, found, text, title, parts.all)
    return Article(
        text=text,
        links=links,
        url=url,
        title=title,
        byline=page_meta.byline(root, meta, objects),
        site_name=site,
        published=dated.value if dated else None,
        published_basis=dated.basis if dated else "",
        canonical_url=_canonical(root, meta, url),
        language=page_meta.text_language(text, declared),
        furniture_text=furniture,
        meta={**_page_meta(meta, objects, title_tag), **authors},
        source_kind="html",
        blocks=blocks,
        declared=provenance,
        visibility=page_visibility(root, objects, meta, text, scripts=scripts),
    )
