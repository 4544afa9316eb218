"""Reading and checks in worker processes, so that a deadline really stops them.

The checks are synchronous code under an async signature: a pathological page keeps one of
them busy without ever yielding, and an `asyncio` timeout cannot fire. Here the reading and
the checks run in a forked worker process; the caller's event loop only waits on a pipe. When
the deadline passes the worker is killed (SIGKILL) and another is forked on next use. Checks
that answered in time keep their results; the rest become "Could not run", as a timeout
always did.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from checks import engine
from checks.model import Article, Check, Checklist, Context, Outcome, Result, Status

logger = logging.getLogger(__name__)

# Reading a real page takes well under a second; a page that takes longer than this is
# refused, so that every input is answered or refused within about 5 s.
DEFAULT_READ_SECONDS = 4.0
# Time for pickling and the pipe after the last check's own limit, before the worker is killed.
GRACE_SECONDS = 1.0

Reader = Callable[[], Article]
ContextFactory = Callable[[datetime], Context]


class ReadTimeout(Exception):
    """Reading the input into an article took longer than the limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"reading it took longer than {seconds:g} s")
        self.seconds = seconds


class _ReaderFailed(Exception):
    """The reader raised (an expected InputError, FetchError...): the worker is fine."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True, slots=True)
class Job:
    """One input: an article, or a picklable reader that makes one (in the worker)."""

    now: datetime
    check_names: tuple[str, ...]
    article: Article | None = None
    read: Reader | None = None
    input_label: str = ""


@dataclass(slots=True)
class Analysis:
    """What came back: the article as read and its checklist."""

    article: Article
    checklist: Checklist


@dataclass(slots=True)
class _Worker:
    process: Any  # multiprocessing.Process (fork context)
    conn: Connection

    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(1.0)
        with contextlib.suppress(Exception):
            self.conn.close()


@dataclass
class AnalysisPool:
    """A few worker processes that read and check inputs under a hard deadline."""

    checks: Sequence[Check]
    make_context: ContextFactory
    workers: int = 2
    seconds_per_check: float = engine.DEFAULT_TIMEOUT
    read_seconds: float = DEFAULT_READ_SECONDS
    _idle: asyncio.Queue[_Worker | None] | None = field(default=None, init=False)
    _started: int = field(default=0, init=False)
    kills: int = field(default=0, init=False)  # workers killed at a deadline, for tests/metrics

    def _queue(self) -> asyncio.Queue[_Worker | None]:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(max(1, self.workers)):
                self._idle.put_nowait(None)  # a free slot; its worker is forked on first use
        return self._idle

    async def analyse(self, job: Job) -> Analysis:
        """Read (if need be) and check one input; raise what the reader raised."""
        queue = self._queue()
        worker = await queue.get()
        try:
            if worker is None or not worker.alive():
                worker = self._spawn()
            worker, analysis = await self._run_on(worker, job)
            return analysis
        except _ReaderFailed as failed:
            raise failed.error from None
        except BaseException:
            # Cancelled or broken mid-job: its late answers must not reach the next job.
            if worker is not None:
                worker.kill()
            worker = None
            raise
        finally:
            queue.put_nowait(worker)

    async def aclose(self) -> None:
        if self._idle is None:
            return
        while not self._idle.empty():
            worker = self._idle.get_nowait()
            if worker is not None:
                with contextlib.suppress(Exception):
                    worker.conn.send(None)
                worker.process.join(0.5)
                worker.kill()
        self._idle = None

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        process = context.Process(
            target=_worker_main,
            args=(child, list(self.checks), self.make_context, self.seconds_per_check),
            name="sourcecheck-analysis",
            daemon=True,
        )
        process.start()
        child.close()
        self._started += 1
        return _Worker(process, parent)

    async def _run_on(self, worker: _Worker, job: Job) -> tuple[_Worker | None, Analysis]:
        """Send the job; collect the article and outcomes until done or the deadline."""
        worker.conn.send(job)
        names = [c for c in self.checks if c.name in job.check_names]
        loop = asyncio.get_running_loop()
        article = job.article
        outcomes: dict[str, Outcome] = {}
        deadline = loop.time() + (0 if article is not None else self.read_seconds)
        if article is not None:
            deadline += self.seconds_per_check + GRACE_SECONDS
        while True:
            message = await _receive(worker.conn, deadline - loop.time())
            if message is None:  # deadline passed, or the worker died
                self.kills += 1
                worker.kill()
                if article is None:
                    logger.warning("reading an input took too long: worker killed")
                    raise ReadTimeout(self.read_seconds)
                logger.warning(
                    "checks still running after %.1f s: worker killed (%s)",
                    self.seconds_per_check,
                    ", ".join(c.name for c in names if c.name not in outcomes) or "-",
                )
                return None, self._analysis(job, article, outcomes, names)
            kind, value = message
            if kind == "article":
                article = value
                deadline = loop.time() + self.seconds_per_check + GRACE_SECONDS
            elif kind == "outcome":
                outcomes[value.check] = value
            elif kind == "error":
                raise _ReaderFailed(value)
            else:  # "done"
                assert article is not None
                return worker, self._analysis(job, article, outcomes, names)

    def _analysis(
        self, job: Job, article: Article, outcomes: dict[str, Outcome], checks: list[Check]
    ) -> Analysis:
        stopped = Result(
            Status.ERROR, f"Could not run: no answer within {self.seconds_per_check:g} s"
        )
        ordered = tuple(
            outcomes.get(c.name) or Outcome(c.name, c.title, stopped, self.seconds_per_check)
            for c in checks
        )
        checklist = Checklist(input=job.input_label, article=article, outcomes=ordered)
        return Analysis(article, checklist)


async def _receive(conn: Connection, seconds: float) -> Any:
    """The next message from a worker, or None at the deadline or if the worker is gone."""
    if seconds <= 0:
        return None
    loop = asyncio.get_running_loop()
    readable = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
    try:
        await asyncio.wait_for(readable, seconds)
    except TimeoutError:
        return None
    finally:
        loop.remove_reader(fd)
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


# --- in the worker process -----------------------------------------------------------------


def _worker_main(
    conn: Connection, checks: list[Check], make_context: ContextFactory, seconds: float
) -> None:
    # A fork made inside a running event loop inherits the parent's loop as "running" and its
    # signal wake-up descriptor; neither is ours.
    asyncio.events._set_running_loop(None)
    with contextlib.suppress(ValueError):
        signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    asyncio.run(_serve(conn, checks, make_context, seconds))
    os._exit(0)


async def _serve(
    conn: Connection, checks: list[Check], make_context: ContextFactory, seconds: float
) -> None:
    by_name = {c.name: c for c in checks}
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        await _run_job(conn, job, by_name, make_context, seconds)


async def _run_job(
    conn: Connection,
    job: Job,
    by_name: dict[str, Check],
    make_context: ContextFactory,
    seconds: float,
) -> None:
    started = time.perf_counter()
    try:
        article = job.article if job.article is not None else job.read()  # type: ignore[misc]
    except Exception as exc:
        _send(conn, ("error", exc))
        return
    if job.article is None:
        _send(conn, ("article", article))
    selected = [by_name[n] for n in job.check_names if n in by_name]

    def report(outcome: Outcome) -> None:
        _send(conn, ("outcome", outcome))

    await engine.run(
        article,
        selected,
        make_context(job.now),
        input_label=job.input_label,
        seconds_per_check=seconds,
        on_outcome=report,
    )
    logger.debug("job done in %.3f s", time.perf_counter() - started)
    _send(conn, ("done", None))


def _send(conn: Connection, message: tuple[str, Any]) -> None:
    try:
        conn.send(message)
    except (TypeError, AttributeError, ValueError) as exc:  # pickling failed
        kind, value = message
        if kind == "outcome":
            failed = Result(Status.ERROR, "Could not run: its result could not be passed on")
            conn.send(("outcome", Outcome(value.check, value.title, failed, value.seconds)))
        elif kind == "error":
            conn.send(("error", RuntimeError(f"{type(value).__name__}: {value}")))
        else:
            raise RuntimeError(f"cannot pass on the {kind}") from exc
