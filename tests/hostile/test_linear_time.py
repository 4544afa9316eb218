"""Hostile texts and pages: reading and every check take time in proportion to the input.

Each input is timed at n and 4n characters: linear work grows about 4x, quadratic work 16x.
The bound (9x, plus an absolute allowance for timer noise) is loose enough for a loaded
2-core machine and far below what any of the quadratic patterns found in review would take.
Speed targets themselves live in `benchmarks/` (the hostile-input rows).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from checks.engine import load_checks, run
from checks.model import Article, Context
from checks.outlets.table import default_table
from checks.read.html_page import read_html
from checks.read.text import read_text

NOW = datetime(2026, 6, 1, tzinfo=UTC)
N = 10_000
GROWTH = 9.0
NOISE = 0.05  # seconds

# name -> a text of about n characters that is the worst case of some pattern
TEXTS: dict[str, Callable[[int], str]] = {
    "one long word": lambda n: "a" * n,
    "a word of digits": lambda n: "1" * n,
    "underscores": lambda n: "_" * n,
    "dots after a sentence": lambda n: "The minister said. " + "." * n,
    "a run of spaces": lambda n: "Source:" + " " * n + "x",
    "a run of newlines": lambda n: "Copyright\n" + "\n" * n,
    "dashes": lambda n: "-" * n,
    "letters and dots": lambda n: "a." * (n // 2),
    "letters and dashes": lambda n: "a-" * (n // 2),
    "www. repeated": lambda n: "www." * (n // 4),
    "e-mail-like tokens on one line": lambda n: "a.b@c.de " * (n // 9),
    "at signs": lambda n: "a@" * (n // 2),
    "initials": lambda n: "A. " * (n // 3),
    "years": lambda n: "2020 " * (n // 5),
    "dates": lambda n: "January 1, " * (n // 11),
    "names before a permission notice": lambda n: "1" * n + " grants permission",
    "capitals and a newsletter": lambda n: "Subscribe to " + "A" * n + "'s newsletter",
    "credit-line spaces": lambda n: " " * n + "avec AFP",
    "quotes": lambda n: '"' * n,
    "brackets": lambda n: "(" * n + "[" * 10,
    "Chinese without spaces, with digits": lambda n: ("武汉市民" * 10 + "1") * (n // 41),
    "Chinese months": lambda n: "1月" * (n // 2),
}


def _links_on_one_line(n: int) -> bytes:
    count = n // 40
    links = " ".join(f'<a href="https://site{i}.example.com/p">link {i}</a>' for i in range(count))
    return f"<html><body><article><p>{links}</p></article></body></html>".encode()


def _nested(n: int) -> bytes:
    depth = n // 20
    return (
        "<html><body>" + "<div><span>" * depth + "The minister said so on Monday."
        + "</span></div>" * depth + "</body></html>"
    ).encode()  # fmt: skip


def _emails_in_a_page(n: int) -> bytes:
    addresses = " ".join(f"press{i}@outlet{i}.example.org" for i in range(n // 30))
    return f"<html><head><title>T</title></head><body><p>{addresses}</p></body></html>".encode()


def _long_title(n: int) -> bytes:
    title = "News " + "- " * (n // 2)
    return f"<html><head><title>{title}</title></head><body><p>Text.</p></body></html>".encode()


def _long_word_page(n: int) -> bytes:
    return f"<html><body><article><p>{'x' * n}</p></article></body></html>".encode()


PAGES: dict[str, Callable[[int], bytes]] = {
    "links on one line": _links_on_one_line,
    "deep nesting": _nested,
    "e-mail addresses in a page": _emails_in_a_page,
    "a long title of separators": _long_title,
    "one long word in a page": _long_word_page,
}


@pytest.fixture(scope="module")
def checks():
    return load_checks()


def _analyse(make: Callable[[], Article], checks) -> float:
    """Best of two: seconds to read the input and run every check on it."""
    ctx = Context(now=NOW, outlets=default_table())
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        article = make()
        asyncio.run(run(article, checks, ctx, seconds_per_check=120))
        best = min(best, time.perf_counter() - started)
    return best


def _assert_linear(small: float, large: float) -> None:
    assert large <= GROWTH * small + NOISE, f"{small:.3f} s at n, {large:.3f} s at 4n"


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_analysis_grows_linearly(name, checks):
    make = TEXTS[name]
    small = _analyse(lambda: read_text(make(N)), checks)
    large = _analyse(lambda: read_text(make(4 * N)), checks)
    _assert_linear(small, large)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_reading_and_analysis_grow_linearly(name, checks):
    make = PAGES[name]
    small = _analyse(lambda: read_html(make(N)), checks)
    large = _analyse(lambda: read_html(make(4 * N)), checks)
    _assert_linear(small, large)


def test_four_thousand_links_on_one_line_take_seconds_not_minutes(checks):
    # The review measured 86 s for this page; linear work takes well under a second.
    assert _analyse(lambda: read_html(_links_on_one_line(160_000)), checks) < 10
