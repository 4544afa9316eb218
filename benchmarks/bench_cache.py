"""A repeated link: first fetch + read over loopback, then the same URL served from SQLite."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.run import Row

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"
PAGE = "13-npr-gaza-damage-satellite-map"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


async def _measure(
    url: str, port: int, cache_path: Path, repeats: int
) -> tuple[float, list[float]]:
    from checks.read.article_cache import ArticleCache
    from checks.read.fetch import Fetcher
    from checks.read.link import read_url

    cache = ArticleCache(cache_path)
    try:
        async with Fetcher(allow=[("127.0.0.1", port)]) as fetcher:
            started = time.perf_counter()
            await read_url(url, fetcher=fetcher, cache=cache)
            first = (time.perf_counter() - started) * 1000
            repeat = []
            for _ in range(repeats):
                started = time.perf_counter()
                await read_url(url, fetcher=fetcher, cache=cache)
                repeat.append((time.perf_counter() - started) * 1000)
    finally:
        cache.close()
    return first, repeat


def cache_rows(repeats: int = 20) -> list[Row]:
    handler = partial(QuietHandler, directory=str(PAGES / PAGE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = f"http://127.0.0.1:{port}/source.html"
            first, repeat = asyncio.run(_measure(url, port, Path(tmp) / "cache.db", repeats))
    finally:
        server.shutdown()
        server.server_close()
    median = statistics.median(repeat)
    return [
        Row("cache", f"first fetch + read ({PAGE[:6]})", f"{first:.1f} ms", "", None),
        Row("cache", "repeat from SQLite, median", f"{median:.2f} ms", "≤ 10 ms", median <= 10),
    ]
