"""Helpers for the Matrix tests: a person driven through matrix-nio, the running bot, matchers."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nio import AsyncClient, RoomCreateResponse, RoomSendResponse, SyncResponse

from testkit.synapse import Account

REPO = Path(__file__).parents[2]
SEED = REPO / "checks" / "samples" / "globalresearch-belgorod.md"


@dataclass
class RunningBot:
    account: Account
    process: subprocess.Popen[bytes]
    log: Path
    db: Path

    def log_text(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


@dataclass
class Person:
    """A Matrix user driven by the test through matrix-nio, reading what arrives."""

    client: AsyncClient
    account: Account
    since: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    async def sync(self, timeout_ms: int = 1000) -> None:
        response = await self.client.sync(timeout=timeout_ms, since=self.since)
        assert isinstance(response, SyncResponse), response
        self.since = response.next_batch
        for room_id, room in response.rooms.join.items():
            for event in room.timeline.events:
                self.events.append({**event.source, "room_id": room_id})

    async def wait_for(
        self, match: Callable[[dict[str, Any]], bool], within: float = 30.0
    ) -> dict[str, Any]:
        deadline = time.monotonic() + within
        seen = 0
        while time.monotonic() < deadline:
            for event in self.events[seen:]:
                if match(event):
                    return event
            seen = len(self.events)
            await self.sync()
        raise AssertionError(f"no matching event within {within} s; saw {self.events[-5:]}")

    async def send(self, room_id: str, body: str, **extra: Any) -> str:
        content = {"msgtype": "m.text", "body": body, **extra}
        response = await self.client.room_send(room_id, "m.room.message", content)
        assert isinstance(response, RoomSendResponse), response
        return response.event_id

    async def room(self, *invite: str, name: str = "", direct: bool = False, **kw: Any) -> str:
        response = await self.client.room_create(
            name=name or None, invite=list(invite), is_direct=direct, **kw
        )
        assert isinstance(response, RoomCreateResponse), response
        return response.room_id


def from_bot(bot: RunningBot, room_id: str, **content: Any) -> Callable[[dict[str, Any]], bool]:
    """Matches an event the bot sent in the room whose content has these items."""

    def match(event: dict[str, Any]) -> bool:
        got = event.get("content", {})
        return (
            event.get("sender") == bot.account.user_id
            and event.get("room_id") == room_id
            and all(got.get(k) == v for k, v in content.items())
        )

    return match


async def joined(someone: Person, bot: RunningBot, room_id: str) -> None:
    await someone.wait_for(
        lambda e: (
            e.get("type") == "m.room.member"
            and e.get("state_key") == bot.account.user_id
            and e.get("content", {}).get("membership") == "join"
            and e.get("room_id") == room_id
        )
    )
