"""Scoring the author check against the labelled pages' `byline` field.

The label is free text: the name comes first ('Wilmer Leon (visible "by Wilmer Leon"; …)',
'"KentNews" (site account)'); `null`, "none …" or "unsure …" mean no byline (unsure is skipped).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checks.builtin.author import same_name

_LEAD = re.compile(r"^[\"“”']?([^\"“”'(;]+)")
_NOBODY = re.compile(r"^(?:none|no |unsure)", re.I)


@dataclass(slots=True)
class AuthorScore:
    named: int = 0  # pages whose label names an author
    named_right: int = 0  # ... where the check names the same (one of its names)
    nobody: int = 0  # pages labelled with no byline
    nobody_right: int = 0  # ... where the check names no person
    misses: list[str] = field(default_factory=list)


def labelled_name(label: Any) -> str | None:
    """The author's name a `byline` label starts with, or None when it says there is none."""
    if not isinstance(label, str) or _NOBODY.match(label.strip()):
        return None
    match = _LEAD.match(label.strip())
    return match.group(1).strip(" ,") if match else None


def score_page(
    page_id: str, labels: Mapping[str, Any], data: Mapping[str, Any], into: AuthorScore
) -> None:
    label = labels.get("byline")
    if isinstance(label, str) and label.lower().startswith("unsure"):
        return
    want = labelled_name(label)
    names = [str(n) for n in data.get("names", [])]
    if want is None:
        into.nobody += 1
        # No person named: nobody, the site, a desk, a body, or a wire agency ("AP").
        ok = data.get("kind") in ("none", "outlet", "desk", "organisation", "wire")
        into.nobody_right += ok
    else:
        into.named += 1
        parts = [p for p in re.split(r",| and | und | et | y ", want) if p.strip()]
        ok = any(same_name(n, p) for n in names for p in parts) or any(
            same_name(n, want) for n in names
        )
        into.named_right += ok
    if not ok:
        into.misses.append(f"author {page_id}: got {names or data.get('kind')} vs {label!r:.60}")


def add_rows(report: Any, pairs: Sequence[tuple[Any, Any]]) -> None:
    """Rows for `sourcecheck evaluate`, per split; misses listed for dev pages only."""
    scores: dict[str, AuthorScore] = {}
    for page, checklist in pairs:
        outcome = checklist.get("author")
        data = outcome.result.data if outcome else {}
        split = "blind" if page.labels.get("split") == "blind" else "dev"
        score_page(page.id, page.labels, data, scores.setdefault(split, AuthorScore()))
    for split in ("dev", "blind"):
        score = scores.get(split)
        if score is None:
            continue
        report.ratio(
            "author", f"labelled author named ({split})", score.named_right, score.named, None
        )
        report.ratio(
            "author",
            f"no person named when none is ({split})",
            score.nobody_right,
            score.nobody,
            None,
        )
        if split == "dev":
            report.failures.extend(score.misses)
