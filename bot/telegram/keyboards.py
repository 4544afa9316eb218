"""The buttons under an answer: Details ⇄ Summary and JSON, and URL buttons from the checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.store import ResultHandle
from checks.model import Checklist

DETAILS, SUMMARY, JSON = "d", "s", "j"
EXAMPLE = "x:example"
CALLBACK_PATTERN = re.compile(rf"^[{DETAILS}{SUMMARY}{JSON}]:[0-9a-f]{{24}}[A-Za-z0-9_-]{{22}}$")
# What the `lateral` check's links are called on a button, in the order they are shown.
LINK_BUTTONS = (
    ("original", "Open the original"),
    ("archive", "Archived copy"),
    ("news_search", "Other coverage"),
    ("fact_check_search", "Fact-checks"),
)
LATERAL = "lateral"


def answer_keyboard(
    handle: ResultHandle, links: Mapping[str, str], *, details: bool = True
) -> InlineKeyboardMarkup:
    """Details (or Summary, to go back) and JSON, then two URL buttons a row."""
    token = handle.token
    toggle = (
        InlineKeyboardButton("Details", callback_data=f"{DETAILS}:{token}")
        if details
        else InlineKeyboardButton("Summary", callback_data=f"{SUMMARY}:{token}")
    )
    rows = [[toggle, InlineKeyboardButton("JSON", callback_data=f"{JSON}:{token}")]]
    url_buttons = [
        InlineKeyboardButton(label, url=links[kind])
        for kind, label in LINK_BUTTONS
        if kind in links
    ]
    rows += [url_buttons[i : i + 2] for i in range(0, len(url_buttons), 2)]
    return InlineKeyboardMarkup(rows)


def url_keyboard(links: Mapping[str, str]) -> InlineKeyboardMarkup | None:
    """URL buttons only (an inline result's message has no stored result behind it)."""
    buttons = [
        InlineKeyboardButton(label, url=links[kind])
        for kind, label in LINK_BUTTONS
        if kind in links
    ]
    if not buttons:
        return None
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def example_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("Try an example", callback_data=EXAMPLE)]])


def checklist_links(checklist: Checklist) -> dict[str, str]:
    """kind -> URL from the `lateral` check's data, when it ran and gave any."""
    outcome = checklist.get(LATERAL)
    return _web_links(outcome.result.data.get("links", ()) if outcome else ())


def document_links(document: bytes) -> dict[str, str]:
    """The same links read back from a stored result's JSON document (answers from cache)."""
    try:
        results = json.loads(document).get("results", ())
    except (ValueError, AttributeError):
        return {}
    lateral = next((r for r in results if r.get("check") == LATERAL), None)
    return _web_links(lateral.get("data", {}).get("links", ()) if lateral else ())


def _web_links(raw: Iterable[Any]) -> dict[str, str]:
    links: dict[str, str] = {}
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        kind, url = item.get("kind"), item.get("url")
        if isinstance(kind, str) and isinstance(url, str) and _is_web_url(url):
            links.setdefault(kind, url)
    return links


def _is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
