"""`sourcecheck evaluate-timeml DIR`: the temporal finder scored on TimeML gold, TempEval-3 style.

A TimeML file (`*.tml`) holds a document's creation time (`<DCT>`), its text (`<TEXT>`) and
the temporal expressions in it as `<TIMEX3 type=... value=...>` elements. `read_timeml()`
turns one into plain text plus gold spans; `score()` runs `find_temporal_expressions` on the
text, anchored on the creation day, and compares. The measures are TempEval-3's: extent
precision/recall/F1, strict (same span) and relaxed (overlapping spans); value and type F1
(the attribute right among relaxed matches, over all system and all gold expressions).

A fixed quarter of the documents, chosen by a hash of the file name, is the blind split:
reported apart, so that rules are written on the rest and measured on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from checks.temporal import TemporalExpression, find_temporal_expressions

Finder = Callable[[str, date, str], Sequence[TemporalExpression]]


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    created: date
    text: str
    timexes: tuple[Timex, ...]


def _walk(node: ET.Element, parts: list[str], found: list[Timex], offset: list[int]) -> None:
    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            offset[0] += len(text)

    add(node.text)
    for child in node:
        if child.tag == "TIMEX3":
            start = offset[0]
            _walk(child, parts, [], offset)
            span = "".join(parts)[start:]
            found.append(
                Timex(start, offset[0], span, child.get("type", ""), child.get("value", ""))
            )
        else:
            _walk(child, parts, found, offset)
        add(child.tail)


def read_timeml(source: str | bytes, name: str = "") -> TimemlDocument:
    """Plain text and gold TIMEX3 spans of one TimeML document."""
    root = ET.fromstring(source)
    dct = root.find("DCT/TIMEX3")
    if dct is None or not dct.get("value"):
        raise ValueError(f"{name or 'document'}: no DCT value")
    created = date.fromisoformat(str(dct.get("value"))[:10])
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{name or 'document'}: no TEXT element")
    parts: list[str] = []
    found: list[Timex] = []
    _walk(body, parts, found, [0])
    return TimemlDocument(name, created, "".join(parts), tuple(found))


def split_of(name: str) -> str:
    """'blind' for a fixed quarter of the file names, 'dev' for the rest."""
    return "blind" if hashlib.sha256(name.encode()).digest()[0] % 4 == 0 else "dev"


@dataclass(slots=True)
class Counts:
    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    dated_system: int = 0  # system expressions with a calendar value ("1998-08-07", "1989-Q3")
    dated_relaxed: int = 0  # ... of which overlap a gold expression
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, kind, detail)

    def add(self, other: Counts) -> None:
        self.documents += other.documents
        for key in (
            "gold",
            "system",
            "strict",
            "relaxed",
            "value",
            "type",
            "dated_system",
            "dated_relaxed",
        ):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.misses.extend(other.misses)


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def measures(c: Counts) -> dict[str, float]:
    strict = _f1(c.strict, c.system, c.gold)
    relaxed = _f1(c.relaxed, c.system, c.gold)
    value = _f1(c.value, c.system, c.gold)
    kind = _f1(c.type, c.system, c.gold)
    return {
        "strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
        "relaxed_p": relaxed[0], "relaxed_r": relaxed[1], "relaxed_f1": relaxed[2],
        "value_accuracy": c.value / c.relaxed if c.relaxed else 0.0, "value_f1": value[2],
        "type_accuracy": c.type / c.relaxed if c.relaxed else 0.0, "type_f1": kind[2],
        "dated_p": c.dated_relaxed / c.dated_system if c.dated_system else 0.0,
    }  # fmt: skip


def score_document(doc: TimemlDocument, finder: Finder = find_temporal_expressions) -> Counts:
    """Counts for one document; each system span matches at most one gold span."""
    found = list(finder(doc.text, doc.created, "en"))
    counts = Counts(documents=1, gold=len(doc.timexes), system=len(found))
    matched: set[int] = set()
    for expression in found:
        end = expression.start + len(expression.text)
        dated = expression.type in ("DATE", "TIME") and expression.value[:1].isdigit()
        counts.dated_system += dated
        best = next(
            (
                i
                for i, gold in enumerate(doc.timexes)
                if i not in matched and gold.start < end and expression.start < gold.end
            ),
            None,
        )
        if best is None:
            counts.misses.append((doc.name, "false", f"{expression.text!r} {expression.value}"))
            continue
        matched.add(best)
        gold = doc.timexes[best]
        counts.relaxed += 1
        counts.dated_relaxed += dated
        counts.strict += (gold.start, gold.end) == (expression.start, end)
        if (gold.start, gold.end) != (expression.start, end):
            counts.misses.append((doc.name, "extent", f"{expression.text!r} gold {gold.text!r}"))
        counts.type += expression.type == gold.type
        if expression.value == gold.value:
            counts.value += 1
        else:
            counts.misses.append(
                (doc.name, "value", f"{gold.text!r} {expression.value} gold {gold.value}")
            )
    for i, gold in enumerate(doc.timexes):
        if i not in matched:
            counts.misses.append((doc.name, "missed", f"{gold.text!r} {gold.type} {gold.value}"))
    return counts


def tml_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.tml"))


def score(files: Iterable[Path], finder: Finder = find_temporal_expressions) -> dict[str, Counts]:
    """Counts per split ("dev", "blind") and for "all"."""
    totals = {"dev": Counts(), "blind": Counts(), "all": Counts()}
    for path in files:
        doc = read_timeml(path.read_bytes(), path.name)
        counts = score_document(doc, finder)
        totals[split_of(path.name)].add(counts)
        totals["all"].add(counts)
    return totals


def render(totals: dict[str, Counts]) -> str:
    lines = [
        "TimeML temporal expressions (TempEval-3 measures)",
        f"{'split':<6} {'docs':>5} {'gold':>6} {'sys':>6}  {'strict P/R/F1':<20} "
        f"{'relaxed P/R/F1':<20} {'value F1':>8} {'acc':>6} {'type F1':>8} {'dates P':>8}",
    ]
    for split in ("dev", "blind", "all"):
        c = totals[split]
        m = measures(c)
        lines.append(
            f"{split:<6} {c.documents:>5} {c.gold:>6} {c.system:>6}  "
            f"{_prf(m, 'strict'):<20} {_prf(m, 'relaxed'):<20} "
            f"{100 * m['value_f1']:>8.1f} {100 * m['value_accuracy']:>6.1f} "
            f"{100 * m['type_f1']:>8.1f} {100 * m['dated_p']:>8.1f}"
        )
    lines.append(
        "dates P: precision of the expressions with a calendar value (what the checklist quotes)"
    )
    return "\n".join(lines)


def _prf(m: dict[str, float], key: str) -> str:
    return " / ".join(f"{100 * m[f'{key}_{x}']:.1f}" for x in ("p", "r", "f1"))


def cmd_evaluate_timeml(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    files = tml_files(folder)
    if not files:
        print(f"sourcecheck: no .tml files under {folder}", file=sys.stderr)
        return 2
    try:
        totals = score(files)
    except (ET.ParseError, ValueError) as exc:
        print(f"sourcecheck: {exc}", file=sys.stderr)
        return 2
    if args.json:
        report = {
            split: {**measures(c), **{k: v for k, v in asdict(c).items() if k != "misses"}}
            for split, c in totals.items()
        }
        print(json.dumps(report, indent=2))
    else:
        print(render(totals))
    if args.misses:
        wanted = set(args.misses.split(","))
        for doc, kind, detail in totals["dev"].misses:  # never the blind split's
            if kind in wanted:
                print(f"{kind:<7} {doc}: {detail}")
    return 0


def register_evaluate_timeml(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> Callable[[argparse.Namespace], int]:
    """Add `evaluate-timeml` to the command line; return its handler."""
    parser = subparsers.add_parser(
        "evaluate-timeml", help="score the temporal finder on a folder of TimeML files"
    )
    parser.add_argument("folder", metavar="DIR")
    parser.add_argument("--json", action="store_true", help="machine-readable report")
    parser.add_argument(
        "--misses",
        metavar="KINDS",
        help="list the dev split's misses of these kinds: false,missed,extent,value",
    )
    return cmd_evaluate_timeml
