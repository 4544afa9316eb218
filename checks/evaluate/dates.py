"""`sourcecheck evaluate-dates DIR`: publication dates measured on pages with a reference date.

The folder is laid out as the page pool is: `index.json` lists the pages (`id`, `url`,
`reference_published`), each in `<id>/source.html` (its address also in `<id>/meta.json`).
Every page is read as the product reads it (the reader, then the dates check, on the day of
the run); htmldate, the best-measured library for the job, runs on the same bytes in the same
run, with its default settings and with `original_date=True`. Reported: exact-day accuracy
(the page's day, or no answer counted wrong), how often each answers, and how often it is
right when it does. A fixed quarter of the pages, chosen by a hash of the id, is the blind
split: reported apart, so that rules are written on the rest and measured on it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from checks.builtin.dated_claims import DatedClaims
from checks.model import Context
from checks.read.html_page import read_html

SYSTEMS = ("sourcecheck", "htmldate", "htmldate original_date")


@dataclass(frozen=True, slots=True)
class DatedPage:
    id: str
    url: str | None
    reference: date
    path: Path


def split_of(page_id: str) -> str:
    """'blind' for a fixed quarter of the page ids, 'dev' for the rest."""
    return "blind" if hashlib.sha256(page_id.encode()).digest()[0] % 4 == 0 else "dev"


def dated_pages(folder: Path) -> list[DatedPage]:
    """The pages of a pool-style folder that carry a reference publication date."""
    rows = json.loads((folder / "index.json").read_text("utf-8"))
    pages = []
    for row in rows:
        reference = row.get("reference_published")
        path = folder / row["id"] / "source.html"
        if not reference or not path.is_file():
            continue
        url = row.get("url")
        meta = folder / row["id"] / "meta.json"
        if not url and meta.is_file():
            url = json.loads(meta.read_text("utf-8")).get("url")
        pages.append(DatedPage(row["id"], url, date.fromisoformat(reference[:10]), path))
    return pages


async def _ours(raw: bytes, url: str | None, ctx: Context) -> date | None:
    article = read_html(raw, url=url)
    article = replace(article, received=ctx.now)
    result = await DatedClaims().run(article, ctx)
    published = result.data.get("published")
    return date.fromisoformat(published[:10]) if published else None


def _htmldate(raw: bytes, url: str | None, original: bool) -> date | None:
    from htmldate import find_date

    try:
        found = find_date(raw, url=url, original_date=original)
    except Exception:  # a third-party parser on hostile pages: a failure is no answer
        return None
    return date.fromisoformat(found) if found else None


@dataclass(slots=True)
class Tally:
    pages: int = 0
    answered: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0))
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0))
    after_received: int = 0  # our dates later than the day the page was read: never right
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(SYSTEMS, 0.0))
    misses: list[str] = field(default_factory=list)

    def add(self, system: str, found: date | None, reference: date) -> None:
        if found is not None:
            self.answered[system] += 1
            self.right[system] += found == reference


def evaluate(
    pages: Iterable[DatedPage],
    now: datetime | None = None,
    systems: tuple[str, ...] = SYSTEMS,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Tally]:
    """Tallies per split ("dev", "blind") and for "all"."""
    ctx = Context(now=now or datetime.now(UTC))
    tallies = {"dev": Tally(), "blind": Tally(), "all": Tally()}
    for count, page in enumerate(pages, 1):
        raw = page.path.read_bytes()
        results: dict[str, date | None] = {}
        spent: dict[str, float] = {}
        for system in systems:
            start = time.perf_counter()
            if system == "sourcecheck":
                results[system] = asyncio.run(_ours(raw, page.url, ctx))
            else:
                results[system] = _htmldate(raw, page.url, original=system != "htmldate")
            spent[system] = time.perf_counter() - start
        for tally in (tallies[split_of(page.id)], tallies["all"]):
            tally.pages += 1
            for system in systems:
                tally.add(system, results[system], page.reference)
                tally.seconds[system] += spent[system]
            ours = results.get("sourcecheck")
            if ours is not None and ours > ctx.now.date():
                tally.after_received += 1
        if split_of(page.id) == "dev" and results.get("sourcecheck") != page.reference:
            tallies["dev"].misses.append(
                f"{page.id}: ours {results.get('sourcecheck')}, reference {page.reference}, "
                f"htmldate {results.get('htmldate')}/{results.get('htmldate original_date')}"
            )
        if progress:
            progress(count)
    return tallies


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    –"


def render(tallies: dict[str, Tally], systems: tuple[str, ...] = SYSTEMS) -> str:
    lines = [
        "Publication date, exact day (pages with a reference date)",
        f"{'split':<6} {'pages':>5}  {'system':<24} {'exact day':>9} {'answers':>8} "
        f"{'right when answering':>21} {'s/page':>7}",
    ]
    for split in ("dev", "blind", "all"):
        t = tallies[split]
        for system in systems:
            lines.append(
                f"{split:<6} {t.pages:>5}  {system:<24} {_pct(t.right[system], t.pages):>9} "
                f"{_pct(t.answered[system], t.pages):>8} "
                f"{_pct(t.right[system], t.answered[system]):>21} "
                f"{t.seconds[system] / t.pages if t.pages else 0:>7.3f}"
            )
        lines.append(f"{split:<6} ours later than the day of reading: {t.after_received}")
    return "\n".join(lines)


def report_json(tallies: dict[str, Tally]) -> str:
    out: dict[str, Any] = {}
    for split, t in tallies.items():
        out[split] = {
            "pages": t.pages,
            "after_received": t.after_received,
            **{
                system: {
                    "exact_day": t.right[system] / t.pages if t.pages else None,
                    "answered": t.answered[system] / t.pages if t.pages else None,
                    "precision": t.right[system] / t.answered[system]
                    if t.answered[system]
                    else None,
                }
                for system in t.answered
            },
        }
    return json.dumps(out, indent=2)


def cmd_evaluate_dates(args: argparse.Namespace) -> int:
    import logging
    import warnings

    # trafilatura and dateutil warn about every odd page of a pool; the report is the output.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="dateutil")
    folder = Path(args.folder)
    if not (folder / "index.json").is_file():
        print(f"sourcecheck: no index.json in {folder}", file=sys.stderr)
        return 2
    pages = dated_pages(folder)
    if not pages:
        print(f"sourcecheck: no page with a reference date in {folder}", file=sys.stderr)
        return 2
    systems = ("sourcecheck",) if args.ours_only else SYSTEMS
    tallies = evaluate(pages, now=args.now, systems=systems)
    print(report_json(tallies) if args.json else render(tallies, systems))
    if args.misses:
        print("\n".join(tallies["dev"].misses))  # never the blind split's
    return 0


def register_evaluate_dates(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> Callable[[argparse.Namespace], int]:
    """Add `evaluate-dates` to the command line; return its handler."""
    from checks.cli.main import parse_now

    parser = subparsers.add_parser(
        "evaluate-dates", help="publication dates against reference dates, htmldate beside"
    )
    parser.add_argument("folder", metavar="DIR")
    parser.add_argument("--json", action="store_true", help="machine-readable report")
    parser.add_argument("--misses", action="store_true", help="list the dev split's misses")
    parser.add_argument("--ours-only", action="store_true", help="skip htmldate (faster)")
    parser.add_argument("--now", type=parse_now, help="the day of reading (default: today)")
    return cmd_evaluate_dates
