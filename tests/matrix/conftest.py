"""A real Synapse on 127.0.0.1 for the whole run, and the real `sourcecheck matrix` process."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from matrix_support import Person, RunningBot
from nio import AsyncClient

from testkit.synapse import Homeserver

_names = itertools.count(1)


@pytest.fixture(scope="session")
def homeserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    server = Homeserver.start(tmp_path_factory.mktemp("synapse"))
    try:
        yield server
    finally:
        server.stop()


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
