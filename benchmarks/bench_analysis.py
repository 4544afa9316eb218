"""Analysis speed: reading + all checks per page, against trafilatura's bare extraction alone."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checks.engine import load_checks, run
from checks.evaluate.corpus import Page, load_corpus
from checks.model import Context
from checks.read.html_page import EXTRACTION_OPTIONS, read_html

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "pages"


@dataclass(frozen=True, slots=True)
class Timing:
    name: str
    samples_ms: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def max(self) -> float:
        return max(self.samples_ms)


def paired_per_page_ms(
    pages: Sequence[Page], works: Sequence[Callable[[Page], object]], rounds: int
) -> list[Timing]:
    """For each page, the best of `rounds` timings of every work, the works taking turns on
    the same page so that a busy moment of a shared machine hits them alike."""
    best: list[list[float]] = [[] for _ in works]
    for page in pages:
        runs: list[list[float]] = [[] for _ in works]
        for _ in range(rounds):
            for i, work in enumerate(works):
                started = time.perf_counter()
                work(page)
                runs[i].append((time.perf_counter() - started) * 1000)
        for i, samples in enumerate(runs):
            best[i].append(min(samples))
    return [Timing("", tuple(samples)) for samples in best]


def bench_analysis(rounds: int = 3) -> tuple[Timing, Timing]:
    from trafilatura import bare_extraction

    from checks.outlets.table import default_table
    from checks.testing import TEST_NOW

    pages = load_corpus(CORPUS)
    checks = load_checks()
    ctx = Context(now=TEST_NOW, outlets=default_table())
    loop = asyncio.new_event_loop()

    def analyse(page: Page) -> None:
        article = read_html(page.html, url=page.labels.get("url"))
        loop.run_until_complete(run(article, checks, ctx))

    def extract_only(page: Page) -> None:
        # The same bytes and the same options as the reader's own call (comments left out).
        bare_extraction(page.html, url=page.labels.get("url"), **EXTRACTION_OPTIONS)

    for page in pages:  # warm every lazy import, cache and compiled pattern first
        analyse(page)
        extract_only(page)
    ours, floor = paired_per_page_ms(pages, (analyse, extract_only), rounds)
    loop.close()
    return Timing("analysis", ours.samples_ms), Timing("extraction", floor.samples_ms)
