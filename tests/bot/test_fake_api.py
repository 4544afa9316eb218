"""The fake Bot API behaves like Telegram where the bot and the smoke test rely on it."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, InvalidToken

from testkit.fake_telegram import FakeBotAPI

REPO = Path(__file__).parents[2]
TOKEN = "111:fake-api-test-token"


@pytest.fixture
async def api():
    async with FakeBotAPI(TOKEN) as fake:
        yield fake


@pytest.fixture
async def client(api):
    async with httpx.AsyncClient(base_url=api.root_url, trust_env=False) as c:
        yield c


async def test_unknown_token_is_401(api):
    bot = Bot("222:wrong", base_url=api.base_url)
    try:
        with pytest.raises(InvalidToken):
            await bot.initialize()
    finally:
        await bot.shutdown()
    assert api.requests()[-1]["status"] == 401


async def test_ptb_bot_talks_to_it(api):
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        assert bot.username == "sourcecheck_test_bot"
        sent = await bot.send_message(42, "<b>hi</b>", parse_mode="HTML")
        assert sent.chat.type == "private"
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text(
                "<b>hi</b>", chat_id=42, message_id=sent.message_id, parse_mode="HTML"
            )
        with pytest.raises(BadRequest, match="too long"):
            await bot.send_message(42, "x" * 4097)
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(42, "<b>unclosed", parse_mode="HTML")
        await bot.send_document(42, b'{"a": 1}', filename="r.json")
    document = api.requests("sendDocument")[-1]["params"]["document"]
    assert (document["filename"], document["content"]) == ("r.json", '{"a": 1}')


async def test_get_updates_long_polls_and_honours_offset(api, client):
    url = f"/bot{TOKEN}/getUpdates"
    started = time.monotonic()
    empty = (await client.post(url, json={"timeout": 0.3})).json()
    assert empty == {"ok": True, "result": []}
    assert time.monotonic() - started >= 0.3

    async def deliver_later() -> None:
        await asyncio.sleep(0.2)
        await client.post(
            "/_test/updates",
            json={"message": {"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}}},
        )

    started = time.monotonic()
    _, answer = await asyncio.gather(
        deliver_later(), client.post(url, json={"timeout": 5}, timeout=10)
    )
    assert time.monotonic() - started < 2  # woken by the update, not by the timeout
    updates = answer.json()["result"]
    assert [u["update_id"] for u in updates] == [1]
    api.queue_update(
        {"message": {"message_id": 2, "date": 1, "chat": {"id": 1, "type": "private"}}}
    )
    again = (await client.post(url, json={"offset": 2})).json()["result"]
    assert [u["update_id"] for u in again] == [2]  # offset 2 confirmed update 1
    polls = api.requests("getUpdates")
    assert len(polls) == 3  # one call per poll: no busy loop while waiting


async def test_control_endpoints(api, client):
    failed = await client.post(
        "/_test/fail",
        json={"method": "sendMessage", "error_code": 429, "retry_after": 3, "count": 1},
    )
    assert failed.status_code == 200
    first = await client.post(f"/bot{TOKEN}/sendMessage", data={"chat_id": "5", "text": "a"})
    assert first.status_code == 429
    assert first.json()["parameters"] == {"retry_after": 3}
    second = await client.post(f"/bot{TOKEN}/sendMessage", data={"chat_id": "5", "text": "a"})
    assert second.json()["ok"] is True
    recorded = (await client.get("/_test/requests")).json()
    assert [(r["method"], r["token"], r["params"]) for r in recorded] == [
        ("sendMessage", TOKEN, {"chat_id": 5, "text": "a"}),
        ("sendMessage", TOKEN, {"chat_id": 5, "text": "a"}),
    ]
    await client.post("/_test/reset")
    assert (await client.get("/_test/requests")).json() == []


def test_command_line_prints_listening_on():
    process = subprocess.Popen(
        [sys.executable, "-m", "testkit.fake_telegram", "--port", "0", "--token", TOKEN],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "listening on http://127.0.0.1:" in line
        port = int(line.split("http://127.0.0.1:")[1].split()[0])
        answer = httpx.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", trust_env=False)
        assert answer.json()["result"]["is_bot"] is True
    finally:
        process.terminate()
        process.wait(10)
        if process.stdout:
            process.stdout.close()
    assert process.returncode == 0


def test_refuses_to_bind_beyond_loopback():
    with pytest.raises(ValueError, match="loopback only"):
        FakeBotAPI(TOKEN, host="0.0.0.0")
