"""The check itself, off the event loop: links are fetched here, read and checked in workers."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Protocol

from checks.config import Config
from checks.model import Article, Check, Checklist, Context, Origin
from checks.outlets.table import OutletTable
from checks.read.article_cache import ArticleCache
from checks.read.fetch import Fetcher, FetchError, Page
from checks.read.link import page_article
from checks.read.text import InputError
from checks.worker_pool import AnalysisPool, Job, ReadTimeout

_NOW_UNUSED = datetime.min.replace(tzinfo=UTC)  # a reading job runs no check


class AnalysisSettings(Protocol):
    """What the analyst needs from a platform's settings (Telegram's and Matrix's both have it)."""

    @property
    def probe_links(self) -> bool: ...
    @property
    def fetch_allow(self) -> tuple[tuple[str, int], ...]: ...
    @property
    def max_concurrent(self) -> int: ...
    @property
    def seconds_per_check(self) -> float: ...


class TooSlowToRead(FetchError):
    """The page could not be read within the time limit (a pathological page)."""


@dataclass
class WorkerContext:
    """Builds each check's Context inside a worker; the probing fetcher is the worker's own."""

    config: Config
    outlets: OutletTable | None
    probe_links: bool
    fetch_allow: tuple[tuple[str, int], ...] = ()
    _fetcher: Fetcher | None = field(default=None, init=False, repr=False)
    _pid: int = field(default=0, init=False, repr=False)

    def __call__(self, now: datetime) -> Context:
        fetcher = None
        if self.probe_links:
            if self._fetcher is None or self._pid != os.getpid():
                self._fetcher, self._pid = Fetcher(allow=self.fetch_allow), os.getpid()
            fetcher = self._fetcher
        return self.config.context(Context(now=now, outlets=self.outlets, fetcher=fetcher))


def worker_count(max_concurrent: int) -> int:
    """No more workers than cores (the work is CPU-bound), nor than checks allowed at once."""
    return max(1, min(max_concurrent, os.cpu_count() or 1))


@dataclass
class Analyst:
    """Checks articles and links for the bot: fetching and the cache here, the rest in the pool."""

    pool: AnalysisPool
    fetcher: Fetcher
    cache: ArticleCache

    async def read(self, reader: Callable[[], Article]) -> Article:
        """Run a reader (a file sent to the bot) in a worker, under the read time limit."""
        try:
            analysis = await self.pool.analyse(Job(now=_NOW_UNUSED, check_names=(), read=reader))
        except ReadTimeout as exc:
            raise InputError(f"the file is too complex to read within {exc.seconds:g} s") from exc
        return analysis.article

    async def check_article(
        self, article: Article, checks: Sequence[Check], *, now: datetime, label: str
    ) -> Checklist:
        job = Job(now=now, check_names=_names(checks), article=article, input_label=label)
        return (await self.pool.analyse(job)).checklist

    async def check_link(
        self,
        url: str,
        checks: Sequence[Check],
        *,
        now: datetime,
        received: datetime,
        origin: Origin | None = None,
    ) -> Checklist:
        """Fetch (or take from the cache), read in a worker, cache the article, check it."""
        own = Origin(kind="url", url=url)
        cached = self.cache.get(url)
        if cached is not None:
            article = replace(cached, origin=origin or own, received=received)
            return await self.check_article(article, checks, now=now, label=url)
        page = await self.fetcher.fetch(url)
        job = Job(
            now=now,
            check_names=_names(checks),
            read=partial(_read_for_check, page, own, origin, received),
            input_label=url,
        )
        try:
            analysis = await self.pool.analyse(job)
        except ReadTimeout as exc:
            raise TooSlowToRead(
                f"the page is too complex to read within {exc.seconds:g} s"
            ) from exc
        self.cache.put(url, replace(analysis.article, origin=own, received=None),
                       final_url=page.final_url)  # fmt: skip
        return analysis.checklist

    async def aclose(self) -> None:
        await self.pool.aclose()


def _read_for_check(
    page: Page, own: Origin, forwarded: Origin | None, received: datetime
) -> Article:
    """Run in a worker: the fetched page -> Article, as read_url reads it after fetching."""
    # A forwarded link keeps who forwarded it: the checklist says "forwarded by channel X".
    article = page_article(page)
    return replace(article, origin=forwarded or own, received=article.received or received)


def _names(checks: Sequence[Check]) -> tuple[str, ...]:
    return tuple(c.name for c in checks)


def build_analyst(
    settings: AnalysisSettings,
    checks: Sequence[Check],
    config: Config,
    outlets: OutletTable | None,
    fetcher: Fetcher,
    cache: ArticleCache,
) -> Analyst:
    """The bot's analyst: one worker per core, the per-check limit from the settings."""
    make_context = WorkerContext(config, outlets, settings.probe_links, settings.fetch_allow)
    pool = AnalysisPool(
        list(checks),
        make_context,
        workers=(workers := worker_count(settings.max_concurrent)),
        # Checks that probe links wait on the network: each worker takes a share of the
        # messages allowed at once, side by side.
        jobs_per_worker=-(-settings.max_concurrent // workers),
        seconds_per_check=settings.seconds_per_check,
    )
    return Analyst(pool, fetcher, cache)
