"""A saved or fetched HTML page -> Article: main text, in-body links, metadata."""

from __future__ import annotations

from datetime import UTC, datetime

import lxml.html
from lxml import etree

from checks.model import Article, Link


def _absolutize(raw: bytes, url: str | None) -> bytes:
    # trafilatura resolves relative links against the host only; resolve them against the
    # page URL ourselves first.
    if not url:
        return raw
    try:
        doc = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return raw
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="ignore")
    return lxml.html.tostring(doc, encoding="utf-8")


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


def _flatten(block: etree._Element, links: list[Link], offset: int) -> str:
    """Text of one block, whitespace folded; appends the block's links with their positions."""
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
        elif not pieces:
            pass
        if text[-1:].isspace():
            folded += " "
        pieces.append(folded)
        length += len(folded)

    def walk(node: etree._Element) -> None:
        if node.tag == "ref":
            anchor = " ".join("".join(node.itertext()).split())
            start = length + (1 if pieces and not pieces[-1].endswith(" ") else 0)
            links.append(Link(url=node.get("target", ""), text=anchor, position=offset + start))
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
            walk(child)
            add(child.tail)

    walk(block)
    return "".join(pieces).strip()


def read_html(raw: bytes, *, url: str | None = None) -> Article:
    """Extract the main text and in-body links with trafilatura; keep page metadata."""
    from trafilatura import bare_extraction

    doc = bare_extraction(
        _absolutize(raw, url),
        url=url,
        include_links=True,
        include_comments=False,
        with_metadata=True,
    )
    if doc is None or doc.body is None:
        return Article(text="", url=url, source_kind="html")
    text, links = _body_text_and_links(doc.body)
    published = None
    if doc.date:
        try:
            published = datetime.fromisoformat(doc.date).replace(tzinfo=UTC)
        except ValueError:
            published = None
    return Article(
        text=text,
        links=links,
        url=url or doc.url,
        title=doc.title,
        byline=doc.author,
        site_name=doc.sitename,
        published=published,
        published_basis="page metadata" if published else "",
        language=doc.language,
        source_kind="html",
    )
