"""Hostile input: pages up to the fetch cap, read and checked the way the bot does it (in a
worker process under the hard limit) while a probe measures the event loop's lag.

Targets (issue 12): every input answered or refused within 5 s; the event loop never lags
more than 100 ms meanwhile. RSS is the largest worker's peak (VmHWM of the children).
"""

from __future__ import annotations

import asyncio
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from benchmarks.run import Row
from checks.engine import load_checks
from checks.model import Context
from checks.outlets.table import default_table
from checks.read.fetch import MAX_BYTES
from checks.read.text import read_bytes
from checks.worker_pool import AnalysisPool, Job, ReadTimeout

LAG_TICK = 0.005
SECONDS_PER_CHECK = 10.0  # the bot's default


def _page(body: str, title: str = "Hostile") -> bytes:
    return f"<html><head><title>{title}</title></head><body><article><p>{body}</p></article>" \
        "</body></html>".encode()  # fmt: skip


def _fill(unit: str, size: int) -> str:
    return unit * (size // len(unit))


INPUTS: dict[str, Callable[[int], bytes]] = {
    "one long word": lambda n: _page(_fill("a", n)),
    "dots after a sentence": lambda n: _page("The minister said. " + _fill(".", n)),
    "e-mail-like tokens": lambda n: _page(_fill("a.b@c.de ", n)),
    "links on one line": lambda n: _page(
        " ".join(f'<a href="https://s{i}.example.com/">l{i}</a>' for i in range(n // 45))
    ),
    "deep nesting": lambda n: (
        "<html><body>" + _fill("<div>", n // 2) + "text" + _fill("</div>", n // 2)
    ).encode(),
    "spaces and a credit line": lambda n: _page(_fill(" ", n) + "avec AFP"),
}


@dataclass(frozen=True, slots=True)
class HostileTiming:
    name: str
    seconds: float
    outcome: str  # "answered", "stopped" (a check ran out of time), "refused ..."
    lag_ms: float


async def _probe(lags: list[float]) -> None:
    while True:
        expected = time.monotonic() + LAG_TICK
        await asyncio.sleep(LAG_TICK)
        lags.append(max(0.0, time.monotonic() - expected))


async def _measure(size: int) -> list[HostileTiming]:
    checks = load_checks()
    outlets = default_table()
    pool = AnalysisPool(
        checks,
        lambda now: Context(now=now, outlets=outlets),
        workers=1,
        seconds_per_check=SECONDS_PER_CHECK,
    )
    names = tuple(c.name for c in checks)
    found = []
    try:
        for name, make in INPUTS.items():
            raw = make(size)
            lags: list[float] = []
            probe = asyncio.create_task(_probe(lags))
            job = Job(datetime.now(UTC), names, read=partial(read_bytes, raw, name="x.html"))
            started = time.monotonic()
            kills = pool.kills
            try:
                analysis = await pool.analyse(job)
                errors = [o for o in analysis.checklist.outcomes if o.result.status == "error"]
                outcome = "stopped" if pool.kills > kills or errors else "answered"
            except ReadTimeout:
                outcome = "refused, too slow to read"
            except ValueError:
                outcome = "refused"
            seconds = time.monotonic() - started
            probe.cancel()
            found.append(HostileTiming(name, seconds, outcome, 1000 * max(lags, default=0)))
    finally:
        await pool.aclose()
    return found


def hostile_rows(size: int = MAX_BYTES) -> list[Row]:
    timings = asyncio.run(_measure(size))
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rows = []
    for t in timings:
        rows.append(
            Row(
                "hostile",
                f"{t.name} ({size // 2**20} MB): {t.outcome}",
                f"{t.seconds:.2f} s",
                "≤ 5 s",
                t.seconds <= 5,
            )
        )
    worst_lag = max(t.lag_ms for t in timings)
    rows.append(
        Row(
            "hostile",
            "event loop lag meanwhile, max",
            f"{worst_lag:.1f} ms",
            "≤ 100 ms",
            worst_lag <= 100,
        )
    )
    rows.append(Row("hostile", "worker peak RSS (VmHWM)", f"{rss_mb:.0f} MB", "", None))
    return rows


if __name__ == "__main__":
    from benchmarks.run import render

    print(render(hostile_rows()))
