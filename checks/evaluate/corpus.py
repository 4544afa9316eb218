"""`sourcecheck evaluate`: every check measured against a hand-labelled corpus of real pages."""

from __future__ import annotations

import asyncio
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from checks.engine import load_checks, run
from checks.evaluate import author as author_score
from checks.evaluate import sources as sources_score
from checks.model import Check, Checklist, Context
from checks.read.html_page import read_html
from checks.wires import WIRES

# labels.json disclaimer types -> the categories the disclaimers check reports.
LABEL_CATEGORIES = {
    "liability": "liability",
    "views_not_endorsed_by_outlet": "views_not_endorsed",
    "sponsored": "sponsored",
    "sponsored_label": "sponsored",
    "affiliate_commission": "affiliate",
    "copyright_notice": "copyright_notice",
    "update_note": "correction",
    "satire_self_description": "satire",
    "funding_disclosure": "funding",
    "correction_note": "correction",
    "disclosure_statement": "disclosure",
    "partner_content": "partner",
    "letters_to_editor": "opinion",
    "ai_generated_notice": "ai_generated",
}
# content_labels flags -> categories; "unsure (...)" values are left out of the scoring.
CONTENT_LABEL_CATEGORIES = {
    "opinion": "opinion",
    "sponsored_or_advertorial": "sponsored",
    "correction_or_update_note": "correction",
    "ai_generated_notice": "ai_generated",
    "press_release": "press_release",
}
SAME_CATEGORY = {"fair_use": "copyright_notice"}
# Categories a reader takes for the same kind of label: the "category family".
FAMILIES = {
    "sponsored": "commercial",
    "partner": "commercial",
    # The labels file calls a release put out through a distribution service partner content.
    "press_release": "commercial",
    "affiliate": "commercial",
    "correction": "correction",
    "opinion": "opinion",
    "disclosure": "disclosure",
    "funding": "disclosure",
    "copyright_notice": "rights",
    "liability": "liability",
    "views_not_endorsed": "liability",
    "satire": "satire",
    "ai_generated": "ai_generated",
}
SPLITS = ("dev", "blind")
_TIMEX_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: bytes
    labels: Mapping[str, Any]

    @property
    def split(self) -> str:
        """ "blind" pages are only measured, never tuned on; every other page is "dev"."""
        return "blind" if self.labels.get("split") == "blind" else "dev"


@dataclass(slots=True)
class Tally:
    """Counts for one yes/no question: precision, recall, F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, expected: bool, found: bool) -> None:
        self.tp += expected and found
        self.fp += found and not expected
        self.fn += expected and not found

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class Row:
    check: str
    metric: str
    shown: str  # the value as printed: "88% (70/80)", "0.86", "P 1.00  R 0.60 …"
    value: float | None = None
    target: float | None = None
    note: str = ""  # printed instead of a target


@dataclass(slots=True)
class Report:
    pages: int = 0
    rows: list[Row] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # per-page misses, for tuning

    def ratio(self, check: str, metric: str, hits: int, total: int, target: float | None) -> None:
        value = hits / total if total else None
        self.rows.append(Row(check, metric, _fmt(value, hits, total), value, target))

    def number(self, check: str, metric: str, value: float | None, target: float | None) -> None:
        shown = "n/a" if value is None else f"{value:.2f}"
        self.rows.append(Row(check, metric, shown, value, target))

    def text(self, check: str, metric: str, shown: str, note: str = "") -> None:
        self.rows.append(Row(check, metric, shown, note=note))


@dataclass(slots=True)
class SplitReport:
    """One report per split, measured apart: dev pages may be tuned on, blind pages never."""

    reports: dict[str, Report] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.reports.values())


def load_corpus(directory: Path) -> list[Page]:
    """Pages in the corpus layout: DIR/<id>/{source.html,labels.json} (or DIR/pages/<id>/...)."""
    if (directory / "pages").is_dir():
        directory = directory / "pages"
    pages = []
    for labels_path in sorted(directory.glob("*/labels.json")):
        source = labels_path.with_name("source.html")
        if source.exists():
            labels = json.loads(labels_path.read_text("utf-8"))
            pages.append(Page(labels_path.parent.name, source.read_bytes(), labels))
    return pages


async def check_pages(
    pages: Sequence[Page], checks: Sequence[Check], ctx: Context
) -> list[Checklist]:
    results = []
    for page in pages:
        article = read_html(page.html, url=page.labels.get("url"))
        results.append(await run(article, checks, ctx, input_label=page.id))
    return results


def evaluate(pages: Sequence[Page], checklists: Sequence[Checklist]) -> Report:
    report = Report(pages=len(pages))
    pairs = list(zip(pages, checklists, strict=True))
    _outlet(report, pairs)
    _original_source(report, _labelled(pairs, "republication"))
    _citations(report, _labelled(pairs, "body_links"))
    _disclaimers(report, _labelled(pairs, "disclaimers", "content_labels"))
    _dated_claims(report, _labelled(pairs, "published", "temporal_expressions"))
    author_score.add_rows(report, pairs)
    sources_score.add_rows(report, pairs)
    return report


def _labelled(pairs: list[tuple[Page, Checklist]], *keys: str) -> list[tuple[Page, Checklist]]:
    """The pages that carry these labels: a page labelled for one check only (round 3 of the
    sources labels) is measured by that check alone."""
    return [(p, c) for p, c in pairs if all(k in p.labels for k in keys)]


def evaluate_splits(pages: Sequence[Page], checklists: Sequence[Checklist]) -> SplitReport:
    """The same measures on the dev pages and on the blind pages, side by side."""
    out = SplitReport()
    for split in SPLITS:
        chosen = [(p, c) for p, c in zip(pages, checklists, strict=True) if p.split == split]
        if chosen:
            out.reports[split] = evaluate([p for p, _ in chosen], [c for _, c in chosen])
    return out


def _data(checklist: Checklist, check: str) -> Mapping[str, Any]:
    outcome = checklist.get(check)
    return outcome.result.data if outcome else {}


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(_WORD.findall(text))


def _bare(name: str) -> str:
    return _norm(name).removeprefix("the ")


# Every way of writing an agency -> its English name: "ТАСС" is TASS, "AP" the Associated Press.
_WIRE_NAMES = {_bare(alias): _bare(wire.name) for wire in WIRES for alias in wire.aliases}


def _name_matches(found: str | None, label: str | None) -> bool:
    """Outlet names match if one contains the other once normalized ("AP" ~ "Associated Press"),
    or both are names of the same agency ("ТАСС" ~ "TASS")."""
    a, b = _bare(found or ""), _bare(label or "")
    if not a or not b:
        return False
    a, b = _WIRE_NAMES.get(a, a), _WIRE_NAMES.get(b, b)
    return a in b or b in a


def _outlet(report: Report, pairs: list[tuple[Page, Checklist]]) -> None:
    domain_hits = name_hits = 0
    for page, checklist in pairs:
        data = _data(checklist, "outlet")
        label = page.labels["outlet"]
        domain_ok = data.get("registered_domain") == label["registered_domain"]
        name_ok = _name_matches(data.get("name"), label["site_name"].split(" (")[0]) or (
            _name_matches(data.get("name"), label.get("publisher"))
        )
        domain_hits += domain_ok
        name_hits += domain_ok or name_ok
        if not (domain_ok and name_ok):
            report.failures.append(
                f"outlet {page.id}: got {data.get('name')!r} / {data.get('registered_domain')!r}"
            )
    report.ratio("outlet", "registered domain right", domain_hits, len(pairs), None)
    report.ratio("outlet", "site name or registered domain right", name_hits, len(pairs), 0.95)


def _is_sure(value: Any) -> bool:
    return isinstance(value, bool)


def _original_source(report: Report, pairs: list[tuple[Page, Checklist]]) -> None:
    tally = Tally()
    named = named_total = 0
    for page, checklist in pairs:
        label = page.labels["republication"]
        expected = label["is_republished"]
        if not _is_sure(expected):
            continue
        data = _data(checklist, "original_source")
        found = data.get("is_republication") is True
        tally.add(expected, found)
        if expected != found:
            report.failures.append(f"original_source {page.id}: expected {expected}, got {found}")
        if expected:
            named_total += 1
            outlet = str(label.get("original_outlet") or "").split(" (")[0].split(";")[0]
            ok = _name_matches(data.get("original_outlet"), outlet)
            named += ok
            if not ok:
                report.failures.append(
                    f"original_source {page.id}: original {data.get('original_outlet')!r}"
                    f" vs {outlet!r}"
                )
    report.number("original_source", "republication precision", tally.precision, 0.95)
    report.number("original_source", "republication recall", tally.recall, 0.90)
    report.number("original_source", "republication F1", tally.f1, None)
    report.ratio("original_source", "original outlet named right", named, named_total, None)


def _citations(report: Report, pairs: list[tuple[Page, Checklist]]) -> None:
    exact = near = split = 0
    for page, checklist in pairs:
        label = page.labels["body_links"]
        data = _data(checklist, "citations")
        total = data.get("total")
        exact += total == label["total"]
        near += isinstance(total, int) and abs(total - label["total"]) <= 1
        ok_split = (data.get("internal"), data.get("external")) == (
            label["internal"],
            label["external"],
        )
        split += ok_split
        if total != label["total"] or not ok_split:
            report.failures.append(
                f"citations {page.id}: got {data.get('internal')}/{data.get('external')}"
                f" (total {total}), labelled {label['internal']}/{label['external']}"
            )
    report.ratio("citations", "body-link count exact", exact, len(pairs), None)
    report.ratio("citations", "body-link count within ±1", near, len(pairs), 0.95)
    report.ratio("citations", "internal/external split right", split, len(pairs), None)


def expected_categories(labels: Mapping[str, Any]) -> tuple[set[str], set[str]]:
    """(categories the page has, categories left unscored because the label is unsure)."""
    has = {
        LABEL_CATEGORIES[d["type"]] for d in labels["disclaimers"] if d["type"] in LABEL_CATEGORIES
    }
    unsure: set[str] = set()
    for key, category in CONTENT_LABEL_CATEGORIES.items():
        value = labels["content_labels"].get(key)
        if value is True:
            has.add(category)
        elif isinstance(value, str):
            unsure.add(category)
    return has, unsure - has


def _quote_found(found: Iterable[str], label_quotes: Iterable[str]) -> bool:
    found_norm = [_norm(q) for q in found]
    for quote in label_quotes:
        want = _norm(quote)
        if any(want in q or (q and q in want and len(q) > 20) for q in found_norm):
            return True
    return False


def _disclaimers(report: Report, pairs: list[tuple[Page, Checklist]]) -> None:
    tallies: dict[str, Tally] = {}
    families = Tally()
    quotes = quotes_total = 0
    for page, checklist in pairs:
        findings = _data(checklist, "disclaimers").get("findings", [])
        got: dict[str, list[str]] = {}
        for finding in findings:
            category = SAME_CATEGORY.get(finding["category"], finding["category"])
            got.setdefault(category, []).append(finding.get("quote", ""))
        has, unsure = expected_categories(page.labels)
        for category in (has | set(got)) - unsure:
            tallies.setdefault(category, Tally()).add(category in has, category in got)
            if (category in has) != (category in got):
                report.failures.append(
                    f"disclaimers {page.id}: {category} "
                    + ("missed" if category in has else "found but not labelled")
                )
        # Per page and family: a family counts once, whichever of its categories was found.
        has_f, got_f = _families(has), _families(set(got))
        for family in (has_f | got_f) - (_families(unsure) - has_f):
            families.add(family in has_f, family in got_f)
        for label in page.labels["disclaimers"]:
            category = LABEL_CATEGORIES.get(label["type"])
            if category is None or category not in got:
                continue
            quotes_total += 1
            quotes += _quote_found(got[category], [label["quote"]])
    report.number("disclaimers", "per page and family: precision", families.precision, 0.85)
    report.number("disclaimers", "per page and family: recall", families.recall, None)
    report.number("disclaimers", "per page and family: F1", families.f1, 0.85)
    for category, tally in sorted(tallies.items()):
        report.text(
            "disclaimers",
            f"  {category}",
            f"P {_fmt(tally.precision)} R {_fmt(tally.recall)} F1 {_fmt(tally.f1)}"
            f" ({tally.tp}/{tally.fp}/{tally.fn})",
            "tp/fp/fn",
        )
    report.ratio("disclaimers", "labelled quote found", quotes, quotes_total, None)


def _families(categories: Iterable[str]) -> set[str]:
    return {FAMILIES.get(c, c) for c in categories}


def timex_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value ("2020-01-17TEV" -> "2020-01-17"), if it has one."""
    match = _TIMEX_DATE.match(value or "")
    if not match or "/" in value:
        return None
    return "-".join(p for p in match.groups() if p)


def normalization_matches(ours: str, want: str) -> bool:
    """Ours may be finer than the label's calendar part ("2020-01-17TEV" for "2020-01-17"),
    or coarser down to the month ("2020-01" for "2020-01-17"), never a different day."""
    if not ours:
        return False
    calendar = timex_date(ours) or ours
    return calendar == want or (want.startswith(calendar) and len(calendar) >= 7)


def _overlaps(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and (a in b or b in a)


def _dated_claims(report: Report, pairs: list[tuple[Page, Checklist]]) -> None:
    found = total = normalized = normalized_total = published = unlabelled = 0
    words = 0
    for page, checklist in pairs:
        data = _data(checklist, "dated_claims")
        expressions = data.get("expressions", [])
        words += len(checklist.article.text.split())
        want_date = page.labels["published"]["date"]
        got_date = data.get("published") or (
            checklist.article.published.date().isoformat() if checklist.article.published else None
        )
        published += bool(got_date) and str(got_date)[:10] == want_date
        if not got_date or str(got_date)[:10] != want_date:
            report.failures.append(f"dated_claims {page.id}: published {got_date} vs {want_date}")
        labelled = [e for e in page.labels["temporal_expressions"] if e.get("normalized")]
        matched_ours: set[int] = set()
        for expr in labelled:
            want = timex_date(str(expr["normalized"]))
            if want is None or str(expr["normalized"]).startswith("unsure"):
                continue
            total += 1
            hits = [
                i for i, e in enumerate(expressions) if _overlaps(e.get("text", ""), expr["text"])
            ]
            if not hits:
                report.failures.append(f"dated_claims {page.id}: missed {expr['text']!r}")
                continue
            found += 1
            matched_ours.update(hits)
            normalized_total += 1
            ours = [str(expressions[i].get("normalized") or "") for i in hits]
            if any(normalization_matches(o, want) for o in ours):
                normalized += 1
            else:
                report.failures.append(
                    f"dated_claims {page.id}: {expr['text']!r} -> {ours} vs {want}"
                )
        unlabelled += len(expressions) - len(matched_ours)
    report.ratio("dated_claims", "labelled date expressions found (recall)", found, total, 0.85)
    report.ratio("dated_claims", "normalized right", normalized, normalized_total, 0.85)
    per_k = 1000 * unlabelled / words if words else None
    report.text(
        "dated_claims",
        "unlabelled matches per 1,000 words",
        "n/a" if per_k is None else f"{per_k:.1f}",
        "upper bound on false matches (labels list ≤ 8 per page)",
    )
    report.ratio("dated_claims", "publication date exact", published, len(pairs), 0.95)


def _fmt(value: float | None, hits: int | None = None, total: int | None = None) -> str:
    if value is None:
        return "n/a"
    shown = f"{value:.0%}" if hits is not None else f"{value:.2f}"
    return f"{shown} ({hits}/{total})" if hits is not None else shown


def _met(value: float | None, target: float) -> str:
    return "met" if value is not None and value >= target else "NOT MET"


def _target(rows: Mapping[str, Row | None]) -> str:
    """ "≥ 95%: dev met, blind NOT MET", or the row's note."""
    first = next(r for r in rows.values() if r is not None)
    if first.target is None:
        return first.note
    verdicts = ", ".join(
        f"{split} {_met(row.value, first.target)}" for split, row in rows.items() if row
    )
    return f"≥ {first.target:.0%}: {verdicts}"


def _aligned(report: SplitReport) -> list[tuple[str, str, dict[str, Row | None]]]:
    """(check, metric, row per split) in the order of the first report."""
    keys: list[tuple[str, str]] = []
    for rep in report.reports.values():
        for row in rep.rows:
            if (row.check, row.metric) not in keys:
                keys.append((row.check, row.metric))
    by_split = {
        split: {(r.check, r.metric): r for r in rep.rows} for split, rep in report.reports.items()
    }
    return [
        (check, metric, {split: rows.get((check, metric)) for split, rows in by_split.items()})
        for check, metric in keys
    ]


def render_report(report: SplitReport, *, show_failures: bool = False) -> str:
    splits = list(report.reports)
    counts = ", ".join(f"{s} {report.reports[s].pages}" for s in splits)
    lines = [f"sourcecheck evaluate: {report.pages} pages ({counts})", ""]
    rows = _aligned(report)
    width = max(len(metric) for _, metric, _ in rows) + 2
    column = max(len(r.shown) for _, _, found in rows for r in found.values() if r) + 2
    lines.append((f"  {'':<{width}} " + "".join(f"{s:<{column}}" for s in splits)).rstrip())
    current = ""
    for check, metric, found in rows:
        if check != current:
            lines.append(check)
            current = check
        values = "".join(f"{(r.shown if r else 'n/a'):<{column}}" for r in found.values())
        lines.append(f"  {metric:<{width}} {values}{_target(found)}".rstrip())
    if "blind" in report.reports:
        lines += ["", "Blind pages are measured only: no rule may be written from them."]
    if show_failures:
        for split in splits:
            failures = report.reports[split].failures
            if failures:
                lines += ["", f"Misses ({split}):"] + [f"  {f}" for f in failures]
    return "\n".join(lines)


def report_json(report: SplitReport) -> str:
    rows = []
    for check, metric, found in _aligned(report):
        row: dict[str, Any] = {"check": check, "metric": metric.strip()}
        for split, r in found.items():
            row[split] = None if r is None else r.shown
            row[f"{split}_value"] = None if r is None else r.value
        first = next(r for r in found.values() if r is not None)
        row["target"] = first.target
        row["note"] = first.note
        rows.append(row)
    return json.dumps(
        {
            "pages": {split: rep.pages for split, rep in report.reports.items()},
            "rows": rows,
            "misses": {split: rep.failures for split, rep in report.reports.items()},
        },
        ensure_ascii=False,
        indent=2,
    )


def run_evaluation(directory: Path, now: datetime | None = None) -> SplitReport:
    from checks.outlets.table import default_table

    pages = load_corpus(directory)
    if not pages:
        raise FileNotFoundError(f"no labelled pages (*/labels.json + source.html) in {directory}")
    ctx = Context(now=now or datetime.now(UTC), outlets=default_table())
    checklists = asyncio.run(check_pages(pages, load_checks(), ctx))
    return evaluate_splits(pages, checklists)
