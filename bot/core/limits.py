"""Per-person bounds on what everybody shares: check slots, notices and button presses.

Kept in memory: they guard the running process, and a restart may forget them.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

# Past this many people remembered, the longest-quiet ones are forgotten first.
MAX_TRACKED = 10_000


@dataclass
class SlidingWindow:
    """At most `limit` events per `window` seconds for each key."""

    limit: int
    window: float
    _events: OrderedDict[int, deque[float]] = field(default_factory=OrderedDict)

    def take(self, key: int, now: float | None = None) -> bool:
        """Count one event for key; False (nothing counted) if the window is full."""
        now = time.monotonic() if now is None else now
        events = self._events.pop(key, None) or deque()
        while events and events[0] <= now - self.window:
            events.popleft()
        allowed = len(events) < self.limit
        if allowed:
            events.append(now)
        self._events[key] = events
        while len(self._events) > MAX_TRACKED:
            self._events.popitem(last=False)
        return allowed


@dataclass
class NoticeThrottle:
    """One "please wait" notice per key per window; after that, silence."""

    window: float
    _last: OrderedDict[int, float] = field(default_factory=OrderedDict)

    def due(self, key: int, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        last = self._last.get(key)
        if last is not None and now - last < self.window:
            return False
        self._last.pop(key, None)
        self._last[key] = now
        while len(self._last) > MAX_TRACKED:
            self._last.popitem(last=False)
        return True


@dataclass
class InProgress:
    """One check in progress per person: their next message waits for their last one, and
    holds none of the shared slots meanwhile (ten slow links from one person fill one)."""

    _turns: dict[int, asyncio.Lock] = field(default_factory=dict)
    _waiting: dict[int, int] = field(default_factory=dict)

    @asynccontextmanager
    async def turn(self, key: int) -> AsyncIterator[None]:
        lock = self._turns.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._turns[key]

    def __contains__(self, key: object) -> bool:
        return key in self._turns


@dataclass
class Limits:
    """The bot's per-person limits beside the stored per-minute rate limit."""

    window: float = 60.0
    buttons_per_window: int = 20
    in_progress: InProgress = field(default_factory=InProgress)
    notices: NoticeThrottle = field(init=False)
    buttons: SlidingWindow = field(init=False)

    def __post_init__(self) -> None:
        self.notices = NoticeThrottle(self.window)
        self.buttons = SlidingWindow(self.buttons_per_window, self.window)
