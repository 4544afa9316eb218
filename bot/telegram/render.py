"""Checklist -> Telegram HTML replies, split under Telegram's 4,096 UTF-16 units."""

from __future__ import annotations

from bot.core import rich_checklist
from bot.core.rich_checklist import (
    MARKS,
    checklist_lines,
    json_document,
    plain_iso_dates,
    reader_where,
)
from checks.model import Checklist

__all__ = [
    "MARKS",
    "MAX_MESSAGE",
    "MORE_FROM_THE_BOT",
    "MORE_UNDER_DETAILS",
    "plain_iso_dates",
    "reader_where",
    "render_checklist",
    "render_json_document",
    "split_messages",
    "truncate_html",
    "utf16_len",
]

MAX_MESSAGE = 4096  # Telegram's limit on one message's text, in UTF-16 code units
MORE_UNDER_DETAILS = "under <b>Details</b>"
MORE_FROM_THE_BOT = "when you send the link to the bot"


def render_checklist(
    checklist: Checklist,
    *,
    details: bool = False,
    limit: int = MAX_MESSAGE,
    more: str = MORE_UNDER_DETAILS,
) -> list[str]:
    """The checklist as Telegram HTML messages, each at most `limit` UTF-16 code units.
    `more` says where the evidence left out of the summary is ("… and 3 more {more}")."""
    return split_messages(checklist_lines(checklist, details=details, more=more), limit)


def render_json_document(checklist: Checklist) -> bytes:
    """The whole checklist as a JSON file to attach (the `sourcecheck --format json` schema)."""
    return json_document(checklist)


def split_messages(lines: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack self-contained HTML lines into messages; cut only between lines."""
    return rich_checklist.split_messages(lines, limit, utf16_len)


def truncate_html(line: str, limit: int) -> str:
    """Shorten one line of our HTML to `limit` UTF-16 units with "…", closing any open tags."""
    return rich_checklist.truncate_html(line, limit, utf16_len)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
