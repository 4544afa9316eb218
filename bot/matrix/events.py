"""A Matrix room message -> what the bot was asked and what there is to check."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from typing import Any

from bot.core.prose import is_prose
from checks.model import Article, Link, Origin
from checks.read.text import bare_url_links, read_markdown

COMMANDS = (
    "check", "details", "json", "help", "about", "privacy", "forget", "checks", "language"
)  # fmt: skip
_COMMAND = re.compile(r"^!([a-z]+)\b\s*(.*)$", re.S | re.I)
_URL_ONLY = re.compile(r"^\s*<?(https?://\S+?)>?\s*$", re.I)
# A reply's plain body starts with the quoted original ("> <@alice:x> text"), then a blank line.
_REPLY_FALLBACK = re.compile(r"\A(?:>[^\n]*\n)+\n?")
_MX_REPLY = re.compile(r"<mx-reply>.*?</mx-reply>", re.S | re.I)


@dataclass(frozen=True, slots=True)
class RoomMessage:
    """One m.room.message as the bot reads it."""

    event_id: str
    sender: str
    text: str  # the body without the reply fallback
    links: tuple[Link, ...]
    reply_to: str | None  # the event this one answers
    mentions_bot: bool
    command: str | None  # "check", "help", ... for "!check ...", else None
    argument: str  # what follows the command


class _Anchors(HTMLParser):
    """Plain text and links of a formatted_body, with each link's offset in that text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.links: list[Link] = []
        self._href: str | None = None
        self._start = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._start = self.size
        elif tag in ("br", "p", "li", "blockquote", "div") and self.parts:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href:
            text = "".join(self.parts)[self._start : self.size]
            self.links.append(Link(self._href, text.strip(), self._start))
            self._href = None

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)


def read_event(
    content: Mapping[str, Any], *, event_id: str, sender: str, bot_user_id: str, bot_name: str
) -> RoomMessage:
    body = str(content.get("body") or "")
    relates = content.get("m.relates_to") or {}
    reply_to = (relates.get("m.in_reply_to") or {}).get("event_id") if relates else None
    if reply_to:
        body = _REPLY_FALLBACK.sub("", body, count=1)
    links: tuple[Link, ...] = ()
    formatted = content.get("formatted_body")
    if content.get("format") == "org.matrix.custom.html" and isinstance(formatted, str):
        parser = _Anchors()
        parser.feed(_MX_REPLY.sub("", formatted))
        parser.close()
        raw = "".join(parser.parts)
        lead = len(raw) - len(raw.lstrip())
        if parser.links and raw.strip():
            body = raw.strip()
            links = tuple(replace(k, position=max(0, k.position - lead)) for k in parser.links)
    if not links:
        links = bare_url_links(body)
    mentioned = bot_user_id in ((content.get("m.mentions") or {}).get("user_ids") or ())
    mentioned = (
        mentioned
        or bot_user_id in body
        or bool(bot_name and re.search(rf"(?<!\w){re.escape(bot_name)}(?!\w)", body, re.I))
    )
    text = _without_mention(body, bot_user_id, bot_name)
    command, argument = None, ""
    match = _COMMAND.match(text.strip())
    if match and match.group(1).lower() in COMMANDS:
        command, argument = match.group(1).lower(), match.group(2).strip()
    return RoomMessage(event_id, sender, text, links, reply_to, mentioned, command, argument)


def _without_mention(body: str, user_id: str, name: str) -> str:
    text = body.replace(user_id, " ")
    if name:
        text = re.sub(rf"^\s*{re.escape(name)}\s*[:,]?\s*", "", text, flags=re.I)
    return text.strip()


def single_url(text: str) -> str | None:
    """The URL, when the message is nothing but one link."""
    match = _URL_ONLY.match(text)
    return match.group(1) if match else None


def looks_like_article(text: str, links: tuple[Link, ...]) -> bool:
    """A link, or enough prose; a greeting or a question is not an article."""
    return bool(links) or is_prose(text)


def article_of(message: RoomMessage, *, room_name: str) -> Article:
    """Pasted text (Markdown links understood, HTML links kept) as an Article."""
    origin = Origin(kind="text", name=room_name)
    article = read_markdown(message.text, origin=origin)
    if message.links and not article.links:
        article = replace(article, links=message.links)
    return article
