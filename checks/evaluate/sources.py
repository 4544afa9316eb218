"""Scoring the sources check against labelled attributions (`attributions` in labels.json).

A labelled attribution is found when one of the check's attributed sentences holds most of
its words; a found sentence is right when it holds most of some labelled attribution's words.
Pages are scored by split ("dev", or "blind" for pages kept only for measuring), and only
pages that carry an `attributions` list count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_WORD = re.compile(r"\w+")
OVERLAP = 0.6  # share of a labelled quote's words a found sentence must hold
TARGET_PRECISION = 0.9
TARGET_RECALL = 0.8


@dataclass(slots=True)
class SourcesScore:
    """Counts for one split: statements found and right, kinds agreeing."""

    pages: int = 0
    labelled: int = 0
    found_labelled: int = 0  # labelled attributions some found sentence covers
    found: int = 0
    found_right: int = 0  # found sentences that cover a labelled attribution
    kind_right: int = 0  # of the labelled ones found, how many with the labelled kind
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.found_right / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.found_labelled / self.labelled if self.labelled else None


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def covers(sentence: str, quote: str) -> bool:
    """Whether a found sentence holds most of a labelled quote (or the quote the sentence)."""
    want, have = _words(quote), set(_words(sentence))
    if not want or not have:
        return False
    if sum(w in have for w in want) / len(want) >= OVERLAP:
        return True
    got = _words(sentence)
    quote_words = set(want)
    return sum(w in quote_words for w in got) / len(got) >= OVERLAP


def score_page(
    page_id: str, labels: Mapping[str, Any], found: Sequence[Mapping[str, Any]], into: SourcesScore
) -> None:
    """Add one page's counts: `found` is the check's `data["attributions"]`."""
    labelled = labels.get("attributions")
    if not isinstance(labelled, list):
        return
    into.pages += 1
    into.labelled += len(labelled)
    into.found += len(found)
    for item in labelled:
        hits = [f for f in found if covers(f["quote"], item["quote"])]
        if hits:
            into.found_labelled += 1
            into.kind_right += any(f["kind"] == item["kind"] for f in hits)
        else:
            into.misses.append(f"sources {page_id}: missed {item['kind']} {item['quote'][:90]!r}")
    for f in found:
        if any(covers(f["quote"], item["quote"]) for item in labelled):
            into.found_right += 1
        else:
            into.misses.append(f"sources {page_id}: not labelled {f['kind']} {f['quote'][:90]!r}")


def split_of(labels: Mapping[str, Any]) -> str:
    return "blind" if labels.get("split") == "blind" else "dev"


def add_rows(report: Any, pairs: Sequence[tuple[Any, Any]]) -> None:
    """Rows for `sourcecheck evaluate`: precision and recall per split, misses on dev only."""
    scores: dict[str, SourcesScore] = {}
    for page, checklist in pairs:
        outcome = checklist.get("sources")
        found = outcome.result.data.get("attributions", []) if outcome else []
        split = split_of(page.labels)
        score_page(page.id, page.labels, found, scores.setdefault(split, SourcesScore()))
    for split in ("dev", "blind"):
        score = scores.get(split)
        if score is None or not score.pages:
            continue
        label = f"{split}, {score.pages} pages"
        report.number(
            "sources", f"attributions precision ({label})", score.precision, TARGET_PRECISION
        )
        report.number("sources", f"attributions recall ({label})", score.recall, TARGET_RECALL)
        report.ratio(
            "sources", f"kind agrees ({split})", score.kind_right, score.found_labelled, None
        )
        if split == "dev":
            report.failures.extend(score.misses)
