"""Checklist -> Matrix messages: the shared rich-text lines as `org.matrix.custom.html`, and
the same words as the plain `body` every client can show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from bot.core.rich_checklist import checklist_lines, split_messages
from bot.matrix.texts import t
from checks.i18n import DEFAULT
from checks.model import Checklist

# Matrix events may be 64 KiB; a message stays well under it, as clients show it whole.
MAX_HTML = 24_000
MORE_WITH_DETAILS = "with <code>!details</code>"
DETAILS_HINT = (
    "Reply <code>!details</code> for all the evidence, <code>!json</code> for the result as a"
    " file."
)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Rich:
    """One message's two forms: what every client shows, and what HTML clients show."""

    body: str
    html: str


def render_checklist(
    checklist: Checklist, *, details: bool = False, lang: str = DEFAULT
) -> list[Rich]:
    """The checklist as one or more Matrix messages in `lang`, split between lines if long."""
    more = t("more_with_details", lang, command="<code>!details</code>")
    lines = checklist_lines(checklist, details=details, more=more, lang=lang)
    if not details:
        lines.insert(-1, t("details_hint", lang))
    return [rich(chunk) for chunk in split_messages(lines, MAX_HTML)]


def rich(html_lines: str) -> Rich:
    """Our own HTML, one line per fact, as a Matrix message."""
    return Rich(plain(html_lines), html_lines.replace("\n", "<br>"))


def plain(html_lines: str) -> str:
    return unescape(_TAG.sub("", html_lines))
