"""The hard limit: a check (or a reader) that never yields is stopped, the others answer."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from functools import partial

import pytest

from checks.model import Article, Context, Result, Status
from checks.read.text import InputError, read_bytes
from checks.worker_pool import AnalysisPool, Job, ReadTimeout

NOW = datetime(2026, 6, 1, tzinfo=UTC)


class SpinningCheck:
    """Synchronous work under an async signature: an asyncio timeout can never fire."""

    name = "spins"
    title = "Spins"

    async def run(self, article: Article, ctx: Context) -> Result:
        if "spin" in article.text:
            while True:
                pass
        return Result(Status.INFO, "Did not spin")


class CountingCheck:
    name = "counts"
    title = "Counts words"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"{len(article.text.split())} words")


def spinning_reader() -> Article:
    while True:
        pass


@pytest.fixture
async def pool():
    checks = [CountingCheck(), SpinningCheck()]
    pool = AnalysisPool(checks, lambda now: Context(now=now), workers=1, seconds_per_check=1.0)
    yield pool
    await pool.aclose()


NAMES = ("counts", "spins")


async def test_a_check_that_never_yields_is_stopped_and_the_others_keep_their_results(pool):
    started = time.monotonic()
    analysis = await pool.analyse(Job(NOW, NAMES, article=Article(text="three words spin")))
    elapsed = time.monotonic() - started

    summaries = {o.check: (o.result.status, o.result.summary) for o in analysis.checklist.outcomes}
    assert summaries == {
        "counts": (Status.INFO, "3 words"),
        "spins": (Status.ERROR, "Could not run: no answer within 1 s"),
    }
    assert elapsed < 5
    assert pool.kills == 1


async def test_the_next_input_is_checked_by_a_fresh_worker(pool):
    await pool.analyse(Job(NOW, NAMES, article=Article(text="spin")))
    analysis = await pool.analyse(Job(NOW, NAMES, article=Article(text="calm text")))
    assert [o.result.summary for o in analysis.checklist.outcomes] == ["2 words", "Did not spin"]


async def test_a_reader_that_never_returns_is_stopped(pool):
    pool.read_seconds = 1.0
    with pytest.raises(ReadTimeout, match="longer than 1 s"):
        await pool.analyse(Job(NOW, NAMES, read=spinning_reader))


async def test_a_readers_own_error_comes_back_as_itself(pool):
    with pytest.raises(InputError, match="binary"):
        await pool.analyse(Job(NOW, NAMES, read=partial(read_bytes, b"\x00\x01" * 100)))
    assert pool.kills == 0


async def test_only_the_checks_asked_for_run(pool):
    analysis = await pool.analyse(Job(NOW, ("counts",), article=Article(text="spin spin")))
    assert [o.check for o in analysis.checklist.outcomes] == ["counts"]


async def test_a_job_sharing_the_killed_worker_starts_again_and_is_answered():
    checks = [CountingCheck(), SpinningCheck()]
    pool = AnalysisPool(
        checks, lambda now: Context(now=now), workers=1, jobs_per_worker=2, seconds_per_check=1
    )
    try:
        stuck = pool.analyse(Job(NOW, NAMES, article=Article(text="spin")))
        calm = pool.analyse(Job(NOW, NAMES, article=Article(text="calm words here")))
        _, answered = await asyncio.gather(stuck, calm)
    finally:
        await pool.aclose()
    assert [o.result.summary for o in answered.checklist.outcomes] == [
        "3 words",
        "Did not spin",
    ]


async def test_a_large_job_for_a_stuck_worker_never_freezes_the_event_loop():
    checks = [CountingCheck(), SpinningCheck()]
    pool = AnalysisPool(
        checks, lambda now: Context(now=now), workers=1, jobs_per_worker=2, seconds_per_check=1
    )
    lags: list[float] = []

    async def tick() -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(0.01)
            lags.append(time.monotonic() - before - 0.01)

    ticker = asyncio.create_task(tick())
    try:
        stuck = asyncio.create_task(pool.analyse(Job(NOW, NAMES, article=Article(text="spin"))))
        await asyncio.sleep(0.3)  # the worker is spinning now
        big = Article(text="word " * 1_000_000)  # 5 MB: far more than a pipe holds
        answered = await pool.analyse(Job(NOW, NAMES, article=big))
        await stuck
    finally:
        ticker.cancel()
        await pool.aclose()
    assert answered.checklist.outcomes[0].result.status is Status.INFO
    assert max(lags) < 0.5
