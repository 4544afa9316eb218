"""The buttons under an answer: Details ⇄ Summary and JSON, and URL buttons from the checks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.store import ResultHandle
from bot.telegram.texts import t
from checks.i18n import DEFAULT, LANGUAGE_NAMES, LANGUAGES
from checks.model import Checklist

DETAILS, SUMMARY, JSON = "d", "s", "j"
EXAMPLE = "x:example"
LANGUAGE = "lang"
LANGUAGE_PATTERN = re.compile(rf"^{LANGUAGE}:[a-z]{{2}}$")
CALLBACK_PATTERN = re.compile(rf"^[{DETAILS}{SUMMARY}{JSON}]:[0-9a-f]{{24}}[A-Za-z0-9_-]{{22}}$")
# What the `lateral` check's links are called on a button, in the order they are shown.
LINK_BUTTONS = (
    ("original", "Open the original"),
    ("archive", "Archived copy"),
    ("news_search", "Other coverage"),
    ("fact_check_search", "Fact-checks"),
    ("about", "About the outlet"),
    ("corrections", "Corrections"),
)  # the English labels; the buttons say them in the chat's language
LATERAL = "lateral"


def answer_keyboard(
    handle: ResultHandle, links: Mapping[str, str], *, details: bool = True, lang: str = DEFAULT
) -> InlineKeyboardMarkup:
    """Details (or Summary, to go back) and JSON, then two URL buttons a row."""
    token = handle.token
    toggle = (
        InlineKeyboardButton(t("button.details", lang), callback_data=f"{DETAILS}:{token}")
        if details
        else InlineKeyboardButton(t("button.summary", lang), callback_data=f"{SUMMARY}:{token}")
    )
    rows = [[toggle, InlineKeyboardButton("JSON", callback_data=f"{JSON}:{token}")]]
    url_buttons = _url_buttons(links, lang)
    rows += [url_buttons[i : i + 2] for i in range(0, len(url_buttons), 2)]
    return InlineKeyboardMarkup(rows)


def url_keyboard(links: Mapping[str, str], lang: str = DEFAULT) -> InlineKeyboardMarkup | None:
    """URL buttons only (an inline result's message has no stored result behind it)."""
    buttons = _url_buttons(links, lang)
    if not buttons:
        return None
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def _url_buttons(links: Mapping[str, str], lang: str) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(t(f"button.{kind}", lang), url=links[kind])
        for kind, _ in LINK_BUTTONS
        if kind in links
    ]


def example_keyboard(lang: str = DEFAULT) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(t("button.example", lang), callback_data=EXAMPLE)
    return InlineKeyboardMarkup([[button]])


def language_keyboard() -> InlineKeyboardMarkup:
    """The reply languages, each by its own name, two a row."""
    buttons = [
        InlineKeyboardButton(LANGUAGE_NAMES[code], callback_data=f"{LANGUAGE}:{code}")
        for code in LANGUAGES
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


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
