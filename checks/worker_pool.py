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
import itertools
import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections.abc import Callable, Iterator, Sequence
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


@dataclass(eq=False)
class _Worker:
    """One forked process, the jobs it has in hand, and the queue each job's messages go to."""

    process: Any  # multiprocessing.Process (fork context)
    conn: Connection
    jobs: dict[int, asyncio.Queue[tuple[str, Any]]] = field(default_factory=dict)
    dead: bool = False
    _sending: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def send(self, message: Any) -> None:
        """Hand the worker a job from a thread: a 5 MB page does not fit in the pipe, and a
        worker stuck in another job would never read it; a blocking send here would freeze the
        very event loop whose deadline is to kill that worker."""
        async with self._sending:
            try:
                await asyncio.to_thread(self.conn.send, message)
            # Killed meanwhile: the pipe is gone (closed under the sending thread, its handle
            # is None and the write fails with TypeError).
            except (OSError, ValueError, TypeError):
                raise _WorkerGone() from None

    def listen(self) -> None:
        asyncio.get_running_loop().add_reader(self.conn.fileno(), self._readable)

    def _readable(self) -> None:
        try:
            job_id, kind, value = self.conn.recv()
        except (EOFError, OSError):
            self._stop_listening()
            return
        queue = self.jobs.get(job_id)
        if queue is not None:  # a job given up on may still be talking
            queue.put_nowait((kind, value))

    def _stop_listening(self) -> None:
        if self.dead:
            return
        self.dead = True
        with contextlib.suppress(Exception):
            asyncio.get_running_loop().remove_reader(self.conn.fileno())
        for queue in self.jobs.values():
            queue.put_nowait(("gone", None))

    def kill(self) -> None:
        self._stop_listening()
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(1.0)
        with contextlib.suppress(Exception):
            self.conn.close()


class _WorkerGone(Exception):
    """The worker died, or was killed for another job's deadline."""


@dataclass
class AnalysisPool:
    """A few worker processes that read and check inputs under a hard deadline.

    Each worker takes several jobs at once (checks that probe links wait on the network).
    When one job runs out of time its worker is killed; the other jobs it had in hand start
    again, once, on a fresh worker.
    """

    checks: Sequence[Check]
    make_context: ContextFactory
    workers: int = 2
    seconds_per_check: float = engine.DEFAULT_TIMEOUT
    read_seconds: float = DEFAULT_READ_SECONDS
    jobs_per_worker: int = 2
    _pool: list[_Worker] = field(default_factory=list, init=False)
    _free: asyncio.Condition | None = field(default=None, init=False)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1), init=False)
    _started: int = field(default=0, init=False)
    kills: int = field(default=0, init=False)  # workers killed at a deadline, for tests/metrics

    async def analyse(self, job: Job) -> Analysis:
        """Read (if need be) and check one input; raise what the reader raised."""
        for attempt in range(2):
            worker = await self._take()
            job_id = next(self._ids)
            queue: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
            worker.jobs[job_id] = queue
            try:
                return await self._run_on(worker, job_id, queue, job, last=attempt == 1)
            except _ReaderFailed as failed:
                raise failed.error from None
            except _WorkerGone:
                if attempt:
                    return self._given_up(job)
                logger.info("an analysis worker stopped under a job; starting it again")
            except BaseException:
                # Cancelled mid-job: the worker may be stuck in it; its late answers are dropped.
                self._kill(worker)
                raise
            finally:
                worker.jobs.pop(job_id, None)
                await self._release()
        raise AssertionError("unreachable")

    def _given_up(self, job: Job) -> Analysis:
        """Two workers stopped under this job: it ends as if its own time had run out."""
        if job.article is None:
            raise ReadTimeout(self.read_seconds)
        names = [c for c in self.checks if c.name in job.check_names]
        return self._analysis(job, job.article, {}, names)

    async def _take(self) -> _Worker:
        if self._free is None:
            self._free = asyncio.Condition()
        async with self._free:
            while True:
                self._pool = [w for w in self._pool if not w.dead]
                ready = [w for w in self._pool if len(w.jobs) < self.jobs_per_worker]
                if ready:
                    return min(ready, key=lambda w: len(w.jobs))
                if len(self._pool) < max(1, self.workers):
                    worker = self._spawn()
                    self._pool.append(worker)
                    return worker
                await self._free.wait()

    async def _release(self) -> None:
        assert self._free is not None
        async with self._free:
            self._free.notify_all()

    def _kill(self, worker: _Worker) -> None:
        worker.kill()
        self._pool = [w for w in self._pool if w is not worker]

    async def aclose(self) -> None:
        for worker in self._pool:
            with contextlib.suppress(Exception):
                worker.conn.send(None)
            worker.process.join(0.5)
            worker.kill()
        self._pool = []

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
        worker = _Worker(process, parent)
        worker.listen()
        return worker

    async def _run_on(
        self,
        worker: _Worker,
        job_id: int,
        queue: asyncio.Queue[tuple[str, Any]],
        job: Job,
        *,
        last: bool,
    ) -> Analysis:
        """Send the job; collect the article and outcomes until done or the deadline. If the
        worker goes (killed for another job's deadline), _WorkerGone: unless `last`, when the
        job ends as if its own time had run out."""
        await worker.send((job_id, job))
        names = [c for c in self.checks if c.name in job.check_names]
        loop = asyncio.get_running_loop()
        article = job.article
        outcomes: dict[str, Outcome] = {}
        if article is None:
            deadline = loop.time() + self.read_seconds
        else:
            deadline = loop.time() + self.seconds_per_check + GRACE_SECONDS
        while True:
            try:
                async with asyncio.timeout(max(0.0, deadline - loop.time())):
                    kind, value = await queue.get()
            except TimeoutError:
                kind, value = queue.get_nowait() if not queue.empty() else ("late", None)
            if kind in ("late", "gone") and (kind == "late" or last):
                if kind == "late":  # this job's own time ran out: the worker is stuck in it
                    self.kills += 1
                    self._kill(worker)
                if article is None:
                    logger.warning("reading an input took too long: worker killed")
                    raise ReadTimeout(self.read_seconds) from None
                logger.warning(
                    "checks still running after %.1f s: worker killed (%s)",
                    self.seconds_per_check,
                    ", ".join(c.name for c in names if c.name not in outcomes) or "-",
                )
                return self._analysis(job, article, outcomes, names)
            if kind == "gone":
                raise _WorkerGone()
            if kind == "article":
                article = value
                deadline = loop.time() + self.seconds_per_check + GRACE_SECONDS
            elif kind == "outcome":
                outcomes[value.check] = value
            elif kind == "error":
                raise _ReaderFailed(value)
            else:  # "done"
                assert article is not None
                return self._analysis(job, article, outcomes, names)

    def _analysis(
        self, job: Job, article: Article, outcomes: dict[str, Outcome], checks: list[Check]
    ) -> Analysis:
        stopped = engine.timed_out(self.seconds_per_check)
        ordered = tuple(
            outcomes.get(c.name) or engine.outcome_of(c, stopped, self.seconds_per_check)
            for c in checks
        )
        checklist = Checklist(input=job.input_label, article=article, outcomes=ordered)
        return Analysis(article, checklist)


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
    """Take jobs as they come and run them side by side until the parent says stop."""
    by_name = {c.name: c for c in checks}
    loop = asyncio.get_running_loop()
    arrived: asyncio.Queue[Any] = asyncio.Queue()

    def readable() -> None:
        try:
            arrived.put_nowait(conn.recv())
        except (EOFError, OSError):
            loop.remove_reader(conn.fileno())
            arrived.put_nowait(None)

    loop.add_reader(conn.fileno(), readable)
    running: set[asyncio.Task[None]] = set()
    while True:
        message = await arrived.get()
        if message is None:
            for task in running:
                task.cancel()
            return
        job_id, job = message
        task = asyncio.create_task(_run_job(conn, job_id, job, by_name, make_context, seconds))
        running.add(task)
        task.add_done_callback(running.discard)


async def _run_job(
    conn: Connection,
    job_id: int,
    job: Job,
    by_name: dict[str, Check],
    make_context: ContextFactory,
    seconds: float,
) -> None:
    started = time.perf_counter()
    try:
        article = job.article if job.article is not None else job.read()  # type: ignore[misc]
    except Exception as exc:
        _send(conn, job_id, "error", exc)
        return
    if job.article is None:
        _send(conn, job_id, "article", article)
    selected = [by_name[n] for n in job.check_names if n in by_name]

    def report(outcome: Outcome) -> None:
        _send(conn, job_id, "outcome", outcome)

    await engine.run(
        article,
        selected,
        make_context(job.now),
        input_label=job.input_label,
        seconds_per_check=seconds,
        on_outcome=report,
    )
    logger.debug("job done in %.3f s", time.perf_counter() - started)
    _send(conn, job_id, "done", None)


def _send(conn: Connection, job_id: int, kind: str, value: Any) -> None:
    try:
        conn.send((job_id, kind, value))
    except (TypeError, AttributeError, ValueError, pickle.PicklingError) as exc:
        if kind == "outcome":
            failed = Result(Status.ERROR, message=engine.M("engine.not_passed_on"))
            outcome = Outcome(value.check, value.title, failed, 0.0, value.title_message)
            conn.send((job_id, "outcome", outcome))
        elif kind == "error":
            conn.send((job_id, "error", RuntimeError(f"{type(value).__name__}: {value}")))
        else:
            raise RuntimeError(f"cannot pass on the {kind}") from exc
