"""Telegram message (text, entities, forward origin) -> a URL to fetch or an Article to check."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from telegram import (
    Message,
    MessageEntity,
    MessageOrigin,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)

from bot.core.prose import is_prose
from checks.model import Article, Link, Origin
from checks.read.text import text_regions

# Above this much text besides its one link a message is a post to check, not a link to fetch.
MAX_COMMENTARY = 300
MAX_TITLE = 200
_HTTP_URL = re.compile(r"https?://\S+", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?(?=\s|$)")
# Telegram hands out "url" entities for bare domains ("example.com/x"); those count as web links.
_BARE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.I)
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class MessageInput:
    """What a message asks us to check: a URL, the message itself as an article, or nothing."""

    kind: str  # "url" | "article" | "chatter" | "empty" | "unreadable" (reason in commentary)
    url: str | None
    article: Article | None
    commentary: str = ""
    # For a link to fetch: who forwarded it and when it came, kept for the fetched article.
    origin: Origin | None = None
    received: datetime | None = None


@dataclass(frozen=True, slots=True)
class _Span:
    """An entity translated from UTF-16 units into code-point offsets of the message text."""

    type: str
    start: int
    end: int
    url: str | None = None


_SOURCE_ANCHOR = re.compile(
    r"^\W*(?:read|more|full (?:story|text|article)|source|original|via|"
    r"(?:weiter)?lesen|quelle|lire|source|fuente|leer|fonte|ler|"
    r"читать|подробнее|источник|оригинал|читати|детальніше|джерело|оригінал)\b",
    re.I,
)


# A lead-in naming what follows as the post's source: "Источник: <link>", "Source: <link>".
_SOURCE_LEAD = re.compile(
    r"(?:^|[^\w])(?:sources?|quelle|fuente|fonte|via|источник|джерело|оригинал|оригінал"
    r"|original|read more|full (?:story|text|article)|weiterlesen|lire la suite|leer más"
    r"|leia mais|подробнее|читать (?:полностью|далее)|детальніше|читати далі)"
    r"\s*[:：—–-]?\s*$",
    re.I,
)
# Lines a channel closes its posts with: hashtags, "@channel", a t.me "subscribe" link.
_SIGNATURE_LINE = re.compile(r"^[\W_]*(?:[#@][\w]+[\W_]*)+$")
_TELEGRAM_HOSTS = re.compile(
    r"^https?://(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)(?:[/?#]|$)", re.I
)


def _source_link(text: str, links: list[Link]) -> str | None:
    """The link closing the post that names the page the post comes from.

    It sits on the post's last line (after any signature lines), and either its words say so
    ("Read the essay"), a lead-in says so ("Источник: <link>"), or it is a bare URL on a line of
    its own.
    """
    web = [link for link in links if link.url.startswith("http")]
    end = _body_end(text, web)
    web = [link for link in web if link.position < end]
    if not web:
        return None
    last = web[-1]
    if _TELEGRAM_HOSTS.match(last.url):
        return None  # a channel's own post or profile, not a web page the text comes from
    line_start = text.rfind("\n", 0, last.position) + 1
    if "\n" in text[last.position : end].strip():
        return None
    before = text[line_start : last.position]
    after = text[last.position + len(last.text) : end]
    if _SOURCE_ANCHOR.match(last.text):
        return last.url
    if any(ch.isalnum() for ch in after):
        return None
    if _SOURCE_LEAD.search(before):
        return last.url
    bare = last.url in (last.text, "http://" + last.text)
    return last.url if bare and not any(ch.isalnum() for ch in before) else None


def _body_end(text: str, links: list[Link]) -> int:
    """Where the post ends once trailing signature lines (hashtags, channel links) are cut."""
    end = len(text.rstrip())
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        for link in links:
            if start <= link.position < end and _TELEGRAM_HOSTS.match(link.url):
                line = line.replace(link.text, " ")
        if line.strip() and not _SIGNATURE_LINE.match(line) and any(c.isalnum() for c in line):
            return end
        end = len(text[:start].rstrip())
    return end


def read_message(message: Message, *, received: datetime) -> MessageInput:
    """Decide whether a message is one link to fetch, a post to check, or empty."""
    text = message.text if message.text is not None else message.caption
    entities = message.entities if message.text is not None else message.caption_entities
    if not text:
        return MessageInput("empty", None, None)
    spans = _spans(text, entities)
    cut = _leading_command_end(text, spans)
    if cut:
        text = text[cut:]
        spans = [_Span(s.type, s.start - cut, s.end - cut, s.url) for s in spans if s.start >= cut]
    if not any(ch.isalnum() for ch in text):
        return MessageInput("empty", None, None)

    links = _links(text, spans)
    origin = message_origin(message.forward_origin)
    if not links and origin is None and not is_prose(text):
        return MessageInput("chatter", None, None)
    targets = {link.url for link in links}
    if len(targets) == 1:
        commentary = _commentary(text, spans)
        if len(commentary) < MAX_COMMENTARY:
            return MessageInput("url", links[0].url, None, commentary, origin, received)
    article = Article(
        text=text,
        links=tuple(links),
        # A post quoting an article usually ends with a link to it ("Read the essay"): that
        # page is where the text comes from, so links are internal or external against it.
        canonical_url=_source_link(text, links),
        title=_title(text),
        # The post's date is when the channel posted it, not when the article was published:
        # it stays in origin.date, and the dates check weighs it against any dateline.
        origin=origin,
        received=received,
        source_kind="telegram",
        blocks=text_regions(text),
        byline=_signature(message),
    )
    return MessageInput("article", None, article)


def _signature(message: Message) -> str | None:
    """Who signed the post: the channel's author signature on the post itself or, for a
    forwarded channel post, on its origin."""
    origin = message.forward_origin
    signed = message.author_signature
    if not signed and isinstance(origin, MessageOriginChannel):
        signed = origin.author_signature
    return " ".join(signed.split()) if signed and signed.strip() else None


def command_args_url(text: str) -> str | None:
    """The URL in "/check URL" (scheme added to a bare domain), or None if there is none."""
    match = _COMMAND.match(text.strip())
    if match is None:
        return None
    args = text.strip()[match.end() :].split()
    if not args:
        return None
    return _web_url(args[0].strip("<>"))


def message_origin(origin: MessageOrigin | None) -> Origin | None:
    """Who first posted a forwarded message: a channel, a user, a group or a hidden user."""
    if origin is None:
        return None
    if isinstance(origin, MessageOriginChannel):
        chat = origin.chat
        return Origin(
            "channel",
            name=chat.title or "",
            username=chat.username or "",
            url=_post_url(chat.username, chat.id, origin.message_id),
            date=origin.date,
        )
    if isinstance(origin, MessageOriginUser):
        user = origin.sender_user
        username = user.username or ""
        url = f"https://t.me/{username}" if username else None
        return Origin("user", name=user.full_name, username=username, url=url, date=origin.date)
    if isinstance(origin, MessageOriginChat):
        chat = origin.sender_chat
        username = chat.username or ""
        url = f"https://t.me/{username}" if username else None
        return Origin("chat", name=chat.title or "", username=username, url=url, date=origin.date)
    if isinstance(origin, MessageOriginHiddenUser):
        return Origin("hidden_user", name=origin.sender_user_name, date=origin.date)
    return Origin(str(origin.type), date=origin.date)


def _post_url(username: str | None, chat_id: int, message_id: int) -> str:
    if username:
        return f"https://t.me/{username}/{message_id}"
    # Private channels: t.me/c/<id without the -100 prefix>/<post>, readable by members only.
    internal = str(chat_id).removeprefix("-100").lstrip("-")
    return f"https://t.me/c/{internal}/{message_id}"


def _spans(text: str, entities: Sequence[MessageEntity]) -> list[_Span]:
    """Entity offsets count UTF-16 code units; map them onto Python string indexes."""
    if not entities:
        return []
    index_at_unit: dict[int, int] = {}
    units = 0
    for i, ch in enumerate(text):
        index_at_unit[units] = i
        units += 2 if ord(ch) > 0xFFFF else 1
    index_at_unit[units] = len(text)
    spans = []
    for entity in entities:
        start = index_at_unit.get(entity.offset)
        end = index_at_unit.get(entity.offset + entity.length)
        if start is None or end is None or end < start:
            continue  # splits a surrogate pair or runs past the text: not a real entity
        spans.append(_Span(str(entity.type), start, end, entity.url))
    return spans


def _leading_command_end(text: str, spans: Sequence[_Span]) -> int:
    """Where the text after a leading "/command" starts, 0 if the message has no command."""
    for span in spans:
        if span.type == MessageEntity.BOT_COMMAND and span.start == 0:
            end = span.end
            return end + (len(text[end:]) - len(text[end:].lstrip()))
    return 0


def _links(text: str, spans: Sequence[_Span]) -> list[Link]:
    links = []
    for span in spans:
        if span.type == MessageEntity.TEXT_LINK and span.url:
            url = _web_url(span.url)
        elif span.type == MessageEntity.URL:
            url = _web_url(text[span.start : span.end])
        else:
            continue
        if url is not None:
            links.append(Link(url=url, text=text[span.start : span.end], position=span.start))
    return links


def _web_url(candidate: str) -> str | None:
    """An http(s) URL, with "http://" added to a bare domain; None for any other scheme."""
    if _HTTP_URL.fullmatch(candidate):
        return candidate
    if _SCHEME.match(candidate) or not _BARE_HOST.match(candidate):
        return None
    return "http://" + candidate


def _commentary(text: str, spans: Sequence[_Span]) -> str:
    """The words around a message's one link, with the link's bare URL taken out."""
    cuts = sorted((s.start, s.end) for s in spans if s.type == MessageEntity.URL)
    parts = []
    cursor = 0
    for start, end in cuts:
        if start >= cursor:
            parts.append(text[cursor:start])
            cursor = end
    parts.append(text[cursor:])
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _title(text: str) -> str | None:
    """A channel post's headline: a short first line set apart by a blank line."""
    first, sep, rest = text.strip().partition("\n")
    if not sep or not rest.startswith("\n") or len(first) > MAX_TITLE:
        return None
    title = first.strip()
    # Posts often open the headline with an emoji; the title is the words after it.
    while title and not title[0].isalnum() and title[0] not in "\"'«“„(":
        title = title[1:].lstrip()
    return title or None
