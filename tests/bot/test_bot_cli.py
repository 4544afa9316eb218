"""`sourcecheck bot` as a real process against the fake Bot API, and `sourcecheck health`."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.core.store import Store
from checks.cli.main import main
from testkit.fake_telegram import FakeBotAPI

sys.path.insert(0, str(Path(__file__).parents[2] / "deploy"))
from smoke_client import forwarded_update

REPO = Path(__file__).parents[2]
TOKEN = "222222:test-only-fake-token-cli"


def bot_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "WEBHOOK_"))}
    env.update(
        {
            "SOURCECHECK_DB": str(tmp_path / "bot.db"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            **extra,
        }
    )
    return env


async def start(args: list[str], env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, *args, cwd=REPO, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def test_sourcecheck_bot_answers_the_forwarded_sample(tmp_path, capsys):
    async with FakeBotAPI(TOKEN) as api:
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=api.base_url)
        process = await start(["-m", "checks.cli.main", "bot"], env)
        try:
            await api.wait_for("getUpdates", timeout=30)
            api.queue_update(forwarded_update(1))
            edit = (await api.wait_for("editMessageText", timeout=30))[0]
            assert edit["token"] == TOKEN
            assert "InfoBrics" in edit["params"]["text"]
            assert main(["health", "--db", str(tmp_path / "bot.db")]) == 0
            assert capsys.readouterr().out.startswith("healthy: last heartbeat")
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 20)
    log = stderr.decode()
    assert process.returncode == 0, log[-2000:]
    assert "running (long polling)" in log
    assert TOKEN.partition(":")[2] not in log
    assert "Belgorod" not in log  # at the default level no message text is logged


@pytest.mark.parametrize(
    ("args", "extra", "code", "message"),
    [
        (["-m", "checks.cli.main", "bot"], {}, 2, "no bot token: set TELEGRAM_BOT_TOKEN"),
        (["-m", "bot"], {"TELEGRAM_BOT_TOKEN": "bad token"}, 2, "does not look like one"),
        (
            ["-m", "bot"],
            {"TELEGRAM_BOT_TOKEN": "1:x", "WEBHOOK_URL": "https://example.org/t"},
            2,
            "WEBHOOK_SECRET is not",
        ),
    ],
)
async def test_bot_refuses_bad_settings(tmp_path, args, extra, code, message):
    process = await start(args, bot_env(tmp_path, **extra))
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == code
    assert message in stderr.decode()


async def test_wrong_token_is_reported_without_the_token(tmp_path):
    async with FakeBotAPI(TOKEN) as api:
        wrong = "222222:test-only-wrong-token-cli"
        env = bot_env(tmp_path, TELEGRAM_BOT_TOKEN=wrong, TELEGRAM_API_BASE_URL=api.base_url)
        process = await start(["-m", "checks.cli.main", "bot"], env)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 1
    assert "Telegram refused the token" in stderr.decode()
    assert wrong.partition(":")[2] not in stderr.decode()


def test_health_reports_a_stale_or_missing_heartbeat(tmp_path, capsys):
    path = tmp_path / "bot.db"
    assert main(["health", "--db", str(path)]) == 1
    assert capsys.readouterr().out == f"unhealthy: no database at {path} (has the bot started?)\n"
    store = Store(path)
    store.beat(now=0.0)
    store.close()
    assert main(["health", "--db", str(path), "--max-age", "60"]) == 1
    assert "unhealthy: last heartbeat" in capsys.readouterr().out


def test_health_reads_sourcecheck_db(tmp_path, capsys, monkeypatch):
    path = tmp_path / "bot.db"
    store = Store(path)
    store.beat()
    store.close()
    monkeypatch.setenv("SOURCECHECK_DB", str(path))
    assert main(["health"]) == 0
    assert capsys.readouterr().out.startswith("healthy")
