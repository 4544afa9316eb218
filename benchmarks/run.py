"""Run every benchmark and print one table: `.venv/bin/python -m benchmarks.run`."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    area: str
    measure: str
    value: str
    target: str
    met: bool | None


def _ms(value: float) -> str:
    return f"{value:.1f} ms"


def analysis_rows(rounds: int) -> list[Row]:
    from benchmarks.bench_analysis import bench_analysis

    ours, floor = bench_analysis(rounds)
    ratio = ours.median / floor.median
    return [
        Row("analysis", "median per page", _ms(ours.median), "≤ 30 ms", ours.median <= 30),
        Row("analysis", "p95 per page", _ms(ours.p95), "≤ 80 ms", ours.p95 <= 80),
        Row("analysis", "max per page", _ms(ours.max), "", None),
        Row("analysis", "trafilatura alone, median", _ms(floor.median), "(the floor)", None),
        Row("analysis", "ratio ours / extraction alone", f"{ratio:.2f}", "≤ 1.3", ratio <= 1.3),
    ]


def startup_rows(runs: int) -> list[Row]:
    from benchmarks.bench_startup import cli_cold_start_ms

    samples = cli_cold_start_ms(runs)
    median = statistics.median(samples)
    return [
        Row("start-up", "CLI check on the sample, cold", _ms(median), "≤ 1500 ms", median <= 1500)
    ]


def optional_rows(module: str, function: str) -> Callable[[], list[Row]] | None:
    """Benchmarks whose subject may not be installed (the bot, the cache) load lazily."""
    try:
        mod = __import__(module, fromlist=[function])
    except ImportError as exc:
        print(f"skipping {module}: {exc}", file=sys.stderr)
        return None
    return getattr(mod, function)  # type: ignore[no-any-return]


def render(rows: list[Row]) -> str:
    width = max(len(r.measure) for r in rows) + 2
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}",
        "",
        f"{'area':<10} {'measure':<{width}} {'value':>12}  target",
    ]
    for row in rows:
        verdict = "" if row.met is None else ("  met" if row.met else "  NOT MET")
        lines.append(
            f"{row.area:<10} {row.measure:<{width}} {row.value:>12}  {row.target}{verdict}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="sourcecheck benchmarks")
    parser.add_argument("--rounds", type=int, default=3, help="timings per page (best kept)")
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a smoke check")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    rows = analysis_rows(rounds) + startup_rows(2 if args.quick else 5)
    for module, function in (
        ("benchmarks.bench_cache", "cache_rows"),
        ("benchmarks.bench_hostile", "hostile_rows"),
        ("benchmarks.bench_bot", "bot_rows"),
    ):
        bench = optional_rows(module, function)
        if bench is not None:
            rows += bench()
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
