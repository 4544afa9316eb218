"""A real Synapse on 127.0.0.1 for the whole run, and the real `sourcecheck matrix` process."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from nio import AsyncClient, RoomCreateResponse, RoomSendResponse, SyncResponse

from testkit.synapse import Account, Homeserver

REPO = Path(__file__).parents[2]
SEED = REPO / "checks" / "samples" / "globalresearch-belgorod.md"
_names = itertools.count(1)


@pytest.fixture(scope="session")
def homeserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    server = Homeserver.start(tmp_path_factory.mktemp("synapse"))
    try:
        yield server
    finally:
        server.stop()


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


@pytest.fixture
async def person(homeserver: Homeserver) -> AsyncIterator[Callable[..., Any]]:
    made: list[AsyncClient] = []

    async def make(localpart: str = "") -> Person:
        account = homeserver.register(localpart or f"reader{next(_names)}")
        client = AsyncClient(homeserver.url, account.user_id)
        client.restore_login(account.user_id, "TESTDEVICE", account.access_token)
        made.append(client)
        someone = Person(client, account)
        await someone.sync(timeout_ms=0)
        return someone

    yield make
    for client in made:
        await client.close()


@pytest.fixture
def matrix_bot(homeserver: Homeserver, tmp_path: Path) -> Iterator[RunningBot]:
    account = homeserver.register(f"sourcecheck{next(_names)}")
    token_file = tmp_path / "token"
    token_file.write_text(account.access_token)
    log = tmp_path / "bot.log"
    db = tmp_path / "bot.db"
    env = {
        **os.environ,
        "MATRIX_HOMESERVER": homeserver.url,
        "MATRIX_USER_ID": account.user_id,
        "MATRIX_ACCESS_TOKEN_FILE": str(token_file),
        "SOURCECHECK_DB": str(db),
        "SOURCECHECK_PROBE_LINKS": "off",
        "SOURCECHECK_LOG_LEVEL": "DEBUG",
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("MATRIX_ACCESS_TOKEN", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "checks.cli.main", "matrix"], env=env, stdout=out, stderr=out
        )
    bot = RunningBot(account, process, log, db)
    deadline = time.monotonic() + 60
    while "running" not in bot.log_text():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the Matrix bot did not start:\n{bot.log_text()}")
        time.sleep(0.1)
    try:
        yield bot
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


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
