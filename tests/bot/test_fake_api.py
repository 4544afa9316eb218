"""The fake Bot API behaves like Telegram where the bot and the smoke test rely on it."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, InvalidToken

from testkit.fake_telegram import FakeBotAPI

REPO = Path(__file__).parents[2]
TOKEN = "111:fake-api-test-token"


@pytest.fixture
async def api():
    async with FakeBotAPI(TOKEN) as fake:
        yield fake
        assert fake.violations == []


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
        assert len(api.violations) == 1  # over the specification's 4096 characters
        api.violations.clear()
        with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
            await bot.send_message(42, "<b>unclosed", parse_mode="HTML")
        await bot.send_document(42, b'{"a": 1}', filename="r.json")
    document = api.requests("sendDocument")[-1]["params"]["document"]
    assert (document["filename"], document["content"]) == ("r.json", '{"a": 1}')


async def test_get_updates_long_polls_and_honours_offset(api, client):
    url = f"/bot{TOKEN}/getUpdates"
    started = time.monotonic()
    empty = (await client.post(url, json={"timeout": 1})).json()
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


# --- as strict as Telegram -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<span>hidden</span>", 'must have class "tg-spoiler"'),
        ('<span class="tg-spoiler">ok</span> <a>no target</a>', 'must have attribute "href"'),
        ("<blockquote>a<blockquote>b</blockquote></blockquote>", "can't be nested"),
        ("a<b/>b", "self-closing"),
        ("one&nbsp;two", "unsupported HTML entity"),
        ("fish & chips", 'unescaped "&"'),
        ("<div>block</div>", 'unsupported start tag "div"'),
    ],
)
async def test_html_telegram_refuses_is_refused(api, html, error):
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        with pytest.raises(BadRequest, match="(?i)" + re.escape(error)):
            await bot.send_message(42, html, parse_mode="HTML")


async def test_html_telegram_accepts_is_accepted(api):
    text = (
        '<span class="tg-spoiler">s</span> <a href="https://example.org/">a</a> &lt;&amp;&gt;'
        " &#8212; <blockquote>q</blockquote> <tg-spoiler>t</tg-spoiler>"
    )
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        sent = await bot.send_message(42, text, parse_mode="HTML")
    assert sent.text == text


async def test_an_edit_with_the_same_text_and_buttons_is_not_modified(api):
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Details", callback_data="d:1")]])
    other = InlineKeyboardMarkup([[InlineKeyboardButton("Summary", callback_data="s:1")]])
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        sent = await bot.send_message(42, "same", reply_markup=keyboard)
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("same", 42, sent.message_id, reply_markup=keyboard)
        await bot.edit_message_text("same", 42, sent.message_id, reply_markup=other)
        api.delete(42, sent.message_id)
        with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
            await bot.edit_message_text("new", 42, sent.message_id)


async def test_a_caption_is_limited_to_1024_characters(api):
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        await bot.send_document(42, b"{}", filename="a.json", caption="x" * 1024)
        with pytest.raises(BadRequest, match="caption is too long"):
            await bot.send_document(42, b"{}", filename="a.json", caption="x" * 1025)
    assert len(api.violations) == 1  # the specification says 0-1024 too
    api.violations.clear()


async def test_a_thread_id_only_in_a_forum_supergroup(api):
    group = {"id": -1001, "type": "supergroup", "title": "Plain"}
    forum = {"id": -1002, "type": "supergroup", "title": "Forum", "is_forum": True}
    for chat in (group, forum):
        api.queue_update({"message": {"message_id": 1, "date": 1, "chat": chat, "text": "x"}})
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        with pytest.raises(BadRequest, match="thread not found"):
            await bot.send_message(group["id"], "hi", message_thread_id=7)
        with pytest.raises(BadRequest, match="thread not found"):
            await bot.send_chat_action(group["id"], "typing", message_thread_id=7)
        sent = await bot.send_message(forum["id"], "hi", message_thread_id=7)
        await bot.send_chat_action(forum["id"], "typing", message_thread_id=7)
    assert sent.message_thread_id == 7


async def test_a_button_press_is_answered_once(api):
    sender = {"id": 5, "is_bot": False, "first_name": "A"}
    api.queue_update({"callback_query": {"id": "77", "chat_instance": "1", "from": sender}})
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        assert await bot.answer_callback_query("77") is True
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("77")
        with pytest.raises(BadRequest, match=r"(?i)query is too old"):
            await bot.answer_callback_query("never-asked")


async def test_get_updates_delivers_only_the_allowed_updates(api, client):
    chat = {"id": 1, "type": "private"}
    api.queue_update({"message": {"message_id": 1, "date": 1, "chat": chat, "text": "a"}})
    api.queue_update({"edited_message": {"message_id": 1, "date": 1, "chat": chat, "text": "b"}})
    url = f"/bot{TOKEN}/getUpdates"
    only_messages = (await client.post(url, json={"allowed_updates": ["message"]})).json()
    assert [sorted(u) for u in only_messages["result"]] == [["message", "update_id"]]
    api.queue_update({"edited_message": {"message_id": 1, "date": 1, "chat": chat, "text": "c"}})
    remembered = (await client.post(url, json={"offset": 2})).json()
    assert remembered["result"] == []  # the last allowed_updates holds until changed


@pytest.mark.parametrize(
    ("method", "params", "violation"),
    [
        ("sendMessage", {"text": "no chat"}, "required parameter 'chat_id' is missing"),
        ("sendMessage", {"chat_id": 1, "text": "a", "colour": "red"}, "unknown parameter"),
        ("sendMessage", {"chat_id": 1.5, "text": "a"}, "expected Integer"),
        ("sendMessage", {"chat_id": 1, "text": "a", "disable_notification": "yes"}, "Boolean"),
        ("sendMessagez", {"chat_id": 1, "text": "a"}, "no such method"),
        (
            "sendMessage",
            {"chat_id": 1, "text": "a",
             "reply_markup": {"inline_keyboard": [[{"text": "b", "callback_data": "x" * 65}]]}},
            "65 bytes, the specification allows 1-64",
        ),
        (
            "sendMessage",
            {"chat_id": 1, "text": "a", "reply_markup": {"inline_keyboard": [[{"text": "b"}]]}},
            "exactly one action",
        ),
        (
            "answerInlineQuery",
            {"inline_query_id": "1",
             "results": [{"type": "photo", "id": "1", "title": "t",
                          "input_message_content": {"message_text": "m"}}]},
            "",
        ),
    ],
)  # fmt: skip
async def test_a_request_that_breaks_the_specification_is_refused_and_recorded(
    api, method, params, violation
):
    status, answer = await api.call(TOKEN, method, params)
    assert status == 400
    assert violation in answer["description"]
    assert api.violations
    api.violations.clear()
