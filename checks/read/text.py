"""What a user gives us (plain text, Markdown-style links, a saved page) -> Article."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from checks.model import Article, Block, Link, Origin, Region

MAX_INPUT_BYTES = 10 * 1024 * 1024

# [anchor](target) — the form an article takes when copied with its links; targets may be "#".
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\]\(\s*([^()\s]*)\s*\)")
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)


class InputError(ValueError):
    """The input cannot be read as an article; the message is meant for the user."""


def too_large(what: str, size: int) -> InputError:
    """'... is 10,485,761 bytes; the limit is 10,485,760 (10 MiB)': never 'is 10 MB; the
    limit is 10 MB'."""
    limit = f"{MAX_INPUT_BYTES:,} bytes ({MAX_INPUT_BYTES // 2**20} MiB)"
    return InputError(f"{what} is {size:,} bytes; the limit is {limit}")


def looks_binary(raw: bytes) -> bool:
    """NUL bytes near the start: an image, an archive, an executable, not text or HTML."""
    return not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in raw[:8192]


def decode_text(raw: bytes) -> str:
    """Decode user-supplied bytes, trusting BOMs and UTF-8 first, refusing binary data."""
    if not raw.strip():
        raise InputError("the input is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if looks_binary(raw):
        raise InputError("the input looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is None or best.chaos > 0.2:
        raise InputError("cannot tell the text encoding; save the file as UTF-8")
    return str(best)


def looks_like_html(raw: bytes) -> bool:
    return bool(_HTML_START.match(raw[:4096]))


def read_text(text: str, *, origin: Origin | None = None) -> Article:
    """Plain text: no links beyond bare URLs written in it."""
    text = _normalize_newlines(text)
    if not text.strip():
        raise InputError("the input is empty")
    return Article(
        text=text,
        links=bare_url_links(text),
        origin=origin,
        source_kind="text",
        blocks=text_regions(text),
    )


def read_markdown(text: str, *, origin: Origin | None = None) -> Article:
    """Text with [anchor](target) links: the anchors stay in the text, the targets become links."""
    text = _normalize_newlines(text)
    parts: list[str] = []
    links: list[Link] = []
    length = 0
    cursor = 0
    for match in _MARKDOWN_LINK.finditer(text):
        before = text[cursor : match.start()]
        parts.append(before)
        length += len(before)
        anchor, target = match.group(1), match.group(2)
        links.append(Link(url=target, text=anchor, position=length))
        parts.append(anchor)
        length += len(anchor)
        cursor = match.end()
    parts.append(text[cursor:])
    plain = "".join(parts)
    if not plain.strip():
        raise InputError("the input is empty")
    return Article(
        text=plain,
        links=tuple(links),
        origin=origin,
        source_kind="markdown",
        blocks=text_regions(plain),
    )


_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.I)


def bare_url_links(text: str) -> tuple[Link, ...]:
    links = []
    for m in _BARE_URL.finditer(text):
        url = m.group().rstrip(".,;:!?")
        links.append(Link(url=url, text=url, position=m.start()))
    return tuple(links)


# A byline line of pasted text: "By Jane Doe", "Von …", "Par …", "— Kyodo".
_BYLINE = re.compile(r"^\W{0,3}(?:by|von|par|por|di|door|автор|від|[—–])\s*:?\s+\S", re.I)
_BYLINE_MAX = 100
_EDGE_MIN_LINES = 3  # fewer lines than this are all body: no headline or end note to tell apart


def text_regions(text: str) -> tuple[Block, ...]:
    """Pasted text, Markdown and posts in the page's regions, as far as lines can tell: the
    first line stands where a headline or kicker would, a short "By …" line after it (or
    after a second headline line) is the byline, the last line is where end notes go, the
    rest is the body."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < _EDGE_MIN_LINES:
        return (Block(Region.BODY, "\n".join(lines)),) if lines else ()
    blocks = [Block(Region.ABOVE_HEADLINE, lines[0])]
    rest = lines[1:-1]
    # The byline follows the headline, which may come after a kicker line.
    for index, line in enumerate(rest[:2]):
        if len(line) <= _BYLINE_MAX and _BYLINE.match(line):
            if index:
                blocks.append(Block(Region.ABOVE_HEADLINE, rest[0]))
            blocks.append(Block(Region.BYLINE, line))
            rest = rest[index + 1 :]
            break
    if rest:
        blocks.append(Block(Region.BODY, "\n".join(rest)))
    blocks.append(Block(Region.AFTER_BODY, lines[-1]))
    return tuple(blocks)


def has_markdown_links(text: str) -> bool:
    return _MARKDOWN_LINK.search(text) is not None


def read_bytes(
    raw: bytes,
    *,
    name: str = "",
    url: str | None = None,
    origin: Origin | None = None,
    received: datetime | None = None,
) -> Article:
    """Read a file's bytes: HTML by name or content, else Markdown links if any, else text."""
    if len(raw) > MAX_INPUT_BYTES:
        raise too_large("the input", len(raw))
    if looks_binary(raw):  # a .html name does not make an image a page
        raise InputError("the input looks like a binary file, not text")
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")) or looks_like_html(raw):
        from checks.read.html_page import read_html

        article = read_html(raw, url=url)
    else:
        text = decode_text(raw)
        article = read_markdown(text) if has_markdown_links(text) else read_text(text)
        if url:
            article = replace(article, url=url)
    return replace(article, origin=origin or article.origin, received=received)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
