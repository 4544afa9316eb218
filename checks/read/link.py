"""A link -> Article: fetched through the guarded Fetcher, read, and cached."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from checks.model import Article, Origin
from checks.read.article_cache import ArticleCache
from checks.read.decoding import decode_page
from checks.read.fetch import Fetcher, FetchError, Page
from checks.read.text import InputError, looks_like_html, read_text


def page_article(page: Page) -> Article:
    """Read a fetched page: HTML/XHTML with the HTML reader, plain text as text."""
    text = decode_page(page.body, [page.charset] if page.charset else [])
    is_html = page.content_type in ("text/html", "application/xhtml+xml") or (
        not page.content_type and looks_like_html(page.body)
    )
    if not is_html:
        try:
            return replace(read_text(text), url=page.final_url)
        except InputError as exc:
            raise FetchError(f"the page is empty ({exc})") from exc
    from checks.read.html_page import read_html

    # The text is now known to be right; a UTF-8 BOM makes the HTML parser ignore a
    # <meta charset> that says otherwise.
    return read_html(codecs.BOM_UTF8 + text.encode("utf-8"), url=page.final_url)


async def read_url(
    url: str,
    *,
    fetcher: Fetcher,
    cache: ArticleCache | None = None,
    use_cache: bool = True,
    received: datetime | None = None,
) -> Article:
    """Fetch and read a link, or take it from the cache; a fresh read refreshes the cache."""
    origin = Origin(kind="url", url=url)
    if cache is not None and use_cache:
        cached = cache.get(url)
        if cached is not None:
            return replace(cached, origin=origin, received=received)
    page = await fetcher.fetch(url)
    article = replace(page_article(page), origin=origin)
    if cache is not None:
        cache.put(url, article, final_url=page.final_url)
    return replace(article, received=received)


@asynccontextmanager
async def progress(
    label: str, *, stream: TextIO | None = None, delay: float = 0.5, interval: float = 0.25
) -> AsyncIterator[None]:
    """Show "fetching example.com… 1.5 s" on a terminal while a slow fetch runs."""
    out = stream or sys.stderr
    if not out.isatty():
        yield
        return
    started = time.monotonic()
    shown = False

    async def tick() -> None:
        nonlocal shown
        await asyncio.sleep(delay)
        while True:
            out.write(f"\r\x1b[Kfetching {label}… {time.monotonic() - started:.1f} s")
            out.flush()
            shown = True
            await asyncio.sleep(interval)

    task = asyncio.create_task(tick())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        if shown:
            out.write("\r\x1b[K")
            out.flush()


def parse_allow(values: Iterable[str]) -> list[tuple[str, int]]:
    """ "127.0.0.1:8080" -> ("127.0.0.1", 8080); the test allowlist as given on a command line."""
    pairs = []
    for value in values:
        host, _, port = value.rpartition(":")
        if not host or not port.isdigit():
            raise InputError(f"--allow-address wants HOST:PORT, not {value}")
        pairs.append((host.strip("[]"), int(port)))
    return pairs


async def read_link(
    url: str,
    *,
    received: datetime | None = None,
    use_cache: bool = True,
    cache_path: str | Path | None = None,
    allow: Iterable[tuple[str, int]] = (),
    stream: TextIO | None = None,
) -> Article:
    """The command line's way in: fetch with progress, cache, and one-line errors."""
    cache = ArticleCache(cache_path)
    try:
        async with Fetcher(allow=allow) as fetcher, progress(url, stream=stream):
            return await read_url(
                url, fetcher=fetcher, cache=cache, use_cache=use_cache, received=received
            )
    except FetchError as exc:
        raise InputError(str(exc)) from exc
    finally:
        cache.close()
