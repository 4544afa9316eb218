"""Checklist -> Telegram HTML replies, split under Telegram's 4,096 UTF-16 units."""

from __future__ import annotations

from html import escape

from bot.core import rich_checklist
from bot.core.rich_checklist import (
    MARKS,
    checklist_lines,
    json_document,
    plain_iso_dates,
    reader_where,
)
from checks.i18n import DEFAULT, Messages
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


M = Messages(
    __name__,
    {
        "telegram.more_under_details": "under {details}",
        "telegram.details": "Details",
        "telegram.more_from_the_bot": "when you send the link to the bot",
    },
)


def more_under_details(lang: str = DEFAULT) -> str:
    """'under <b>Details</b>', in `lang` (the button's own label in bold)."""
    button = f"<b>{escape(M.text('telegram.details', lang))}</b>"
    return escape(M.text("telegram.more_under_details", lang, details="\0")).replace("\0", button)


def more_from_the_bot(lang: str = DEFAULT) -> str:
    return escape(M.text("telegram.more_from_the_bot", lang))


def render_checklist(
    checklist: Checklist,
    *,
    details: bool = False,
    limit: int = MAX_MESSAGE,
    more: str | None = None,
    lang: str = DEFAULT,
) -> list[str]:
    """The checklist as Telegram HTML messages in `lang`, each at most `limit` UTF-16 code
    units. `more` says where the evidence left out of the summary is ("… and 3 more {more}")."""
    where = more_under_details(lang) if more is None else more
    lines = checklist_lines(checklist, details=details, more=where, lang=lang)
    return split_messages(lines, limit)


def render_json_document(
    checklist: Checklist, lang: str = DEFAULT, *, compact: bool = False
) -> bytes:
    """The whole checklist as a JSON file to attach (the `sourcecheck --format json` schema);
    `compact` to store it (see `rich_checklist.indented`)."""
    return json_document(checklist, lang, compact=compact)


def split_messages(lines: list[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack self-contained HTML lines into messages; cut only between lines."""
    return rich_checklist.split_messages(lines, limit, utf16_len)


def truncate_html(line: str, limit: int) -> str:
    """Shorten one line of our HTML to `limit` UTF-16 units with "…", closing any open tags."""
    return rich_checklist.truncate_html(line, limit, utf16_len)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
