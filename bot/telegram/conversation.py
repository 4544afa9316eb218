"""What the bot remembers between updates, in memory only: which answer belongs to which
message (ids, no text), and the pieces of a long paste for the few seconds they arrive in."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from checks.model import Article

ANSWERS_KEPT = 5000
# Telegram clients split a paste longer than 4,096 characters into messages sent back to back,
# so the pieces have consecutive message ids in the chat. A piece that long, followed within
# this window by the sender's very next message, continues.
PASTE_WINDOW = 1.5
PIECE_MIN = 3000  # UTF-16 units: shorter messages are whole, not a piece of a split paste
MAX_PIECES = 16  # a paste of 64,000 characters; beyond that a new article starts


class AnswerBook:
    """(chat, message id) -> id of the bot's answer to it, so an edit can re-check in place."""

    def __init__(self, size: int = ANSWERS_KEPT) -> None:
        self._answers: OrderedDict[tuple[int, int], int] = OrderedDict()
        self._size = size

    def remember(self, chat_id: int, message_id: int, answer_id: int) -> None:
        self._answers[(chat_id, message_id)] = answer_id
        self._answers.move_to_end((chat_id, message_id))
        while len(self._answers) > self._size:
            self._answers.popitem(last=False)

    def answer_to(self, chat_id: int, message_id: int) -> int | None:
        return self._answers.get((chat_id, message_id))


@dataclass
class Paste:
    """A long paste as it comes in: the article so far and where its answer goes."""

    article: Article
    last_at: float
    last_id: int
    answer: asyncio.Future[int]
    pieces: int = 1


@dataclass
class PasteJoiner:
    """Consecutive pieces from one sender in one chat, joined while they keep coming."""

    window: float = PASTE_WINDOW
    _pastes: dict[tuple[int, int], Paste] = field(default_factory=dict)

    def add(
        self, key: tuple[int, int], message_id: int, article: Article, size: int, now: float
    ) -> Paste | None:
        """The paste this piece continues (now joined), or None if it starts one or none."""
        self._drop_old(now)
        paste = self._pastes.pop(key, None)
        if paste is not None and message_id == paste.last_id + 1 and paste.pieces < MAX_PIECES:
            paste.article = joined(paste.article, article)
            paste.last_at, paste.last_id = now, message_id
            paste.pieces += 1
            self._keep(key, paste)
            return paste
        if size >= PIECE_MIN:
            future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
            self._keep(key, Paste(article, now, message_id, future))
        return None

    def _keep(self, key: tuple[int, int], paste: Paste) -> None:
        """Hold the paste for one window: its text is gone then even if nothing else comes."""
        self._pastes[key] = paste
        loop = asyncio.get_running_loop()
        loop.call_later(self.window, self._expire, key, paste, paste.pieces)

    def _expire(self, key: tuple[int, int], paste: Paste, pieces: int) -> None:
        if self._pastes.get(key) is paste and paste.pieces == pieces:  # no piece came since
            del self._pastes[key]
            if not paste.answer.done():
                paste.answer.cancel()

    def current(self, key: tuple[int, int]) -> Paste | None:
        return self._pastes.get(key)

    def _drop_old(self, now: float) -> None:
        for key in [k for k, p in self._pastes.items() if now - p.last_at > self.window]:
            paste = self._pastes.pop(key)
            if not paste.answer.done():
                paste.answer.cancel()


def joined(first: Article, second: Article) -> Article:
    """Two pieces as one article: the text run together, the second piece's links moved."""
    gap = "\n" if first.text.endswith("\n") else "\n\n"
    shift = len(first.text) + len(gap)
    links = first.links + tuple(
        replace(link, position=link.position + shift) for link in second.links
    )
    canonical = second.canonical_url or first.canonical_url
    return replace(
        first, text=first.text + gap + second.text, links=links, canonical_url=canonical
    )
