"""The real bot (serve(), as `sourcecheck bot` runs it) against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from telegram import Bot, Message

from bot.telegram.message_input import read_message
from bot.telegram.render import plain_iso_dates
from checks.config import Config
from checks.engine import run
from checks.model import Article, Context, Evidence, Result, Status
from checks.outlets.table import default_table
from checks.read.html_page import read_html
from testkit.fake_telegram import check_html

sys.path.insert(0, str(Path(__file__).parents[2] / "deploy"))
from smoke_client import forwarded_update

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


@dataclass
class StaticCheck:
    name: str
    title: str
    result: Result

    async def run(self, article: Article, ctx: Context) -> Result:
        return self.result


class CrashingCheck:
    name = "crashes"
    title = "Crashes"

    async def run(self, article: Article, ctx: Context) -> Result:
        raise RuntimeError("this check always fails")


class SlowCheck:
    name = "slow"
    title = "Slow"

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.running = 0
        self.most = 0

    async def run(self, article: Article, ctx: Context) -> Result:
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(self.seconds)
        finally:
            self.running -= 1
        return Result(Status.INFO, f"Read {len(article.text.split())} words")


def words_check() -> StaticCheck:
    return StaticCheck("words", "Words", Result(Status.INFO, "Counted the words"))


def long_checks(count: int = 30) -> list[StaticCheck]:
    """Checks whose lines together run far past one Telegram message."""
    quote = "The minister said the figures were published in the annual report of the agency. "
    return [
        StaticCheck(
            f"long_{i:02d}",
            f"Long check {i:02d}",
            Result(
                Status.WARN,
                f"Finding {i:02d} <needs> escaping & attention",
                evidence=(Evidence(quote * 2, where=f"paragraph {i}"),),
            ),
        )
        for i in range(count)
    ]


def prose(text: str) -> str:
    """Enough words to be an article rather than chit-chat."""
    return f"{text} It was reported by several local newspapers."


def visible(text: str) -> str:
    return html.unescape(check_html(text))


def cache_rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from result_cache").fetchone()[0])


# --- the sample forwarded from a channel ---------------------------------------------------


async def test_forwarded_sample_gets_the_checklist_in_place_of_checking(start_bot):
    bot = await start_bot()
    update = forwarded_update(1)
    after = bot.mark()
    bot.api.queue_update(update)
    edit = (await bot.api.wait_for("editMessageText", after=after, timeout=20))[0]
    calls = bot.api.requests()[after:]
    methods = [c["method"] for c in calls if c["method"] != "getUpdates"]
    assert methods[:3] == ["sendMessage", "sendChatAction", "editMessageText"]
    checking = calls[[c["method"] for c in calls].index("sendMessage")]
    assert checking["params"]["text"] == "Checking…"
    params = edit["params"]
    assert params["message_id"] == checking["result"]["message_id"]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    buttons = params["reply_markup"]["inline_keyboard"][0]
    assert [b["text"] for b in buttons] == ["Details", "JSON"]
    assert "InfoBrics" in params["text"]  # what deploy/smoke.sh looks for
    assert "Global Research" in params["text"]

    # The same facts as the engine gives for the same message, check by check.
    tg_message = Message.de_json(update["message"], Bot(bot.settings.token))
    source = read_message(tg_message, received=datetime.now(UTC))
    checklist = await run(
        source.article,
        Config().load_checks(),
        Context(now=datetime.now(UTC), outlets=default_table()),
    )
    for outcome in checklist.outcomes:
        said = plain_iso_dates(outcome.result.summary)  # dates in words, for the reader
        assert html.escape(said) in params["text"], outcome.check


async def test_the_same_forward_again_is_answered_from_the_cache(start_bot):
    bot = await start_bot()
    first = await bot.reply_to(forwarded_update(1)["message"])
    assert cache_rows(bot.settings.db_path) == 1
    after = bot.mark()
    again = forwarded_update(2)["message"]
    bot.send(again)
    sent = await bot.api.wait_for("sendMessage", after=after, timeout=10)
    assert sent[0]["params"]["text"] == first  # no "Checking…": straight from the cache
    assert sent[0]["params"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "Details"
    assert cache_rows(bot.settings.db_path) == 1
    assert not bot.api.requests("editMessageText")[1:]
    # What was cached quotes the post, yet the database file holds none of its words.
    stored = b"".join(p.read_bytes() for p in bot.settings.db_path.parent.glob("bot.db*"))
    for words in ("Belgorod", "InfoBrics", "sole responsibility"):
        assert words.encode() not in stored


async def test_details_and_json_buttons(start_bot, tg):
    bot = await start_bot()
    sent = tg.message(forwarded_update(1)["message"]["text"])
    await bot.reply_to(sent)
    edit = bot.api.requests("editMessageText")[-1]
    details, as_json = edit["params"]["reply_markup"]["inline_keyboard"][0]
    shown = edit["result"]

    def press(data: str, query_id: str) -> None:
        bot.api.queue_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": tg.USER,
                    "chat_instance": "1",
                    "data": data,
                    "message": shown,
                }
            }
        )

    after = bot.mark()
    press(details["callback_data"], "q1")
    detailed = (await bot.api.wait_for("editMessageText", after=after, timeout=10))[0]
    assert detailed["params"]["message_id"] == shown["message_id"]
    assert len(visible(detailed["params"]["text"])) > len(visible(edit["params"]["text"]))
    toggle, _ = detailed["params"]["reply_markup"]["inline_keyboard"][0]
    assert toggle["text"] == "Summary"  # and back again
    assert bot.api.requests("answerCallbackQuery")[-1]["params"]["callback_query_id"] == "q1"

    after = bot.mark()
    press(toggle["callback_data"], "q1b")
    back = (await bot.api.wait_for("editMessageText", after=after, timeout=10))[0]
    assert back["params"]["text"] == edit["params"]["text"]
    assert back["params"]["reply_markup"] == edit["params"]["reply_markup"]

    after = bot.mark()
    press(as_json["callback_data"], "q2")
    document = (await bot.api.wait_for("sendDocument", after=after, timeout=10))[0]
    data = json.loads(document["params"]["document"]["content"])
    assert document["params"]["document"]["filename"].endswith(".json")
    assert data["schema"] == 2
    assert {r["check"] for r in data["results"]} == {c.name for c in Config().load_checks()}


async def test_a_button_for_a_forgotten_result_says_so(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    await bot.reply_to(tg.message(prose("A short text about the council vote on Tuesday.")))
    edit = bot.api.requests("editMessageText")[-1]
    data = edit["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await bot.reply_to(tg.command("/forget"), method="sendMessage")
    after = bot.mark()
    bot.api.queue_update(
        {
            "callback_query": {
                "id": "q9",
                "from": tg.USER,
                "chat_instance": "1",
                "data": data,
                "message": edit["result"],
            }
        }
    )
    answered = (await bot.api.wait_for("answerCallbackQuery", after=after, timeout=10))[0]
    assert "no longer stored" in answered["params"]["text"]


# --- the Telegram fixtures -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("01-forwarded-atlantic-quote-with-text-links", "Climate Reading Room (demo)"),
        ("03-forwarded-tass-text-no-links", "Дороги Подмосковья (demo)"),
    ],
)
async def test_forwarded_fixture_is_checked_as_a_post(start_bot, tg, slug, expected):
    bot = await start_bot()
    reply = await bot.reply_to(tg.fixture_message(slug))
    assert "forwarded from channel" in reply
    assert html.escape(expected) in reply
    assert not bot.api.requests("getUpdates")[0]["params"].get("offset")  # sanity: polled


@pytest.mark.parametrize(
    ("slug", "page"),
    [
        ("02-plain-url-oann-reuters", "01-oann-reuters-paris-theater-protest"),
        ("04-url-with-commentary-sputnik", "02-sputnik-critical-hour-lockdowns"),
    ],
)
async def test_link_fixture_is_fetched_and_checked(start_bot, tg, page_server, slug, page):
    bot = await start_bot(fetch_allow=page_server.allow)
    url = page_server.url(f"pages/{page}")
    reply = await bot.reply_to(tg.with_url(tg.fixture_message(slug), url))
    article = read_html((PAGES / page / "source.html").read_bytes(), url=url)
    assert f"/pages/{page}" in page_server.paths
    assert article.title
    assert html.escape(article.title[:60]) in reply
    assert html.escape(url) in reply


async def test_cited_links_are_probed_and_a_dead_one_is_reported(start_bot, tg, page_server):
    bot = await start_bot(fetch_allow=page_server.allow, probe_links=True)
    text = (
        "The ministry published its figures on Monday, according to the report it released,"
        " while the archived statement has since been removed from the ministry's site."
    )
    alive = page_server.url("pages/13-npr-gaza-damage-satellite-map")
    dead = page_server.url("gone")
    entities = [
        {"type": "text_link", "offset": text.index("the report"), "length": 10, "url": alive},
        {"type": "text_link", "offset": text.index("the archived"), "length": 12, "url": dead},
    ]

    reply = await bot.reply_to(tg.message(text, entities=entities))

    assert "Linked citations" in reply
    assert "1 of 2 checked links dead" in reply
    assert "/gone" in page_server.paths


@pytest.mark.parametrize(
    ("path", "allowed", "expected"),
    [
        ("report.pdf", True, "not an article page"),
        ("nowhere", True, "did not give me the page (the site answered 404 Not Found)"),
        ("pages/01-oann-reuters-paris-theater-protest", False, "I do not fetch that address"),
    ],
)
async def test_failed_fetches_get_their_own_reply(
    start_bot, tg, page_server, path, allowed, expected
):
    bot = await start_bot(fetch_allow=page_server.allow if allowed else ())
    reply = await bot.reply_to(tg.link(page_server.url(path)))
    assert expected in reply
    assert cache_rows(bot.settings.db_path) == 0


async def test_check_command_with_a_link(start_bot, tg, page_server):
    bot = await start_bot(fetch_allow=page_server.allow)
    url = page_server.url("pages/19-tass-tskad-moscow-ring-road-opening")
    reply = await bot.reply_to(tg.command(f"/check {url}"))
    assert html.escape(url) in reply


# --- groups --------------------------------------------------------------------------------


async def test_group_message_without_mention_gets_no_reply(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    after = bot.mark()
    bot.send(tg.link("https://example.org/news/1", chat=tg.GROUP))
    bot.send(tg.message("Plain chatter in the group about the weather.", chat=tg.GROUP))
    # A later /help in the same group is answered: the two before it were seen and ignored.
    help_reply = await bot.reply_to(tg.command("/help", chat=tg.GROUP), method="sendMessage")
    assert "does <b>not</b> say" in help_reply
    replies = [
        c
        for c in bot.api.requests()[after:]
        if c["method"] not in ("getUpdates",) and c["params"].get("chat_id") == tg.GROUP["id"]
    ]
    assert [c["method"] for c in replies] == ["sendMessage"]


async def test_check_as_reply_in_a_group(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    post = tg.message(
        "The council voted on Tuesday to close the library, the mayor said.",
        chat=tg.GROUP,
        sender=tg.user(2),
    )
    reply = await bot.reply_to(tg.command("/check", chat=tg.GROUP, reply_to_message=post))
    assert "Counted the words" in reply
    assert "pasted text" in reply


async def test_mention_and_reply_to_the_bot_in_a_group(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    post = tg.message(
        "The council voted on Tuesday to close the library, the mayor said.",
        chat=tg.GROUP,
        sender=tg.user(2),
    )
    assert "Counted the words" in await bot.reply_to(
        tg.mention(chat=tg.GROUP, reply_to_message=post)
    )
    bot_message = bot.api.requests("editMessageText")[-1]["result"]
    follow_up = tg.message(
        "And this one: the budget grew by 4% in 2024, the report says.",
        chat=tg.GROUP,
        reply_to_message=bot_message,
    )
    assert "Counted the words" in await bot.reply_to(follow_up)
    assert cache_rows(bot.settings.db_path) == 2


async def test_group_admin_switches_a_check_off(start_bot, tg):
    checks = [words_check(), StaticCheck("other", "Other", Result(Status.PASS, "Other is fine"))]
    bot = await start_bot(checks=checks)
    refused = await bot.reply_to(
        tg.command("/checks off other", chat=tg.GROUP), method="sendMessage"
    )
    assert "Only the chat's admins" in refused
    bot.api.admins.add((tg.GROUP["id"], tg.USER["id"]))
    listing = await bot.reply_to(
        tg.command("/checks off other", chat=tg.GROUP), method="sendMessage"
    )
    assert "✗ <code>other</code>" in listing
    reply = await bot.reply_to(
        tg.command(
            "/check",
            chat=tg.GROUP,
            reply_to_message=tg.message(
                prose("Some text to check about the vote."),
                chat=tg.GROUP,
            ),
        )
    )
    assert "Counted the words" in reply
    assert "Other is fine" not in reply


# --- long results, crashes, flood control, many users -------------------------------------


async def test_long_checklist_is_split_over_messages(start_bot, tg):
    checks = long_checks()
    bot = await start_bot(checks=checks)
    after = bot.mark()
    sent = tg.message("A paragraph to check, long enough to be an article of sorts.")
    bot.send(sent)
    await bot.api.wait_for("editMessageText", after=after, timeout=15)
    await bot.api.wait_for(
        "sendMessage", lambda r: "Long check" in r["params"]["text"], after=after, timeout=15
    )
    parts = [
        c
        for c in bot.api.requests()[after:]
        if c["method"] in ("editMessageText", "sendMessage")
        and "Long check" in c["params"]["text"]
    ]
    assert all(c["status"] == 200 for c in parts)
    assert len(parts) >= 2
    text = "\n".join(visible(c["params"]["text"]) for c in parts)
    assert all(len(visible(c["params"]["text"])) <= 4096 for c in parts)
    positions = [text.index(f"Long check {i:02d}") for i in range(len(checks))]
    assert positions == sorted(positions)
    assert "Finding 07 <needs> escaping & attention" in text


async def test_a_crashing_check_still_gets_a_reply(start_bot, tg, caplog):
    bot = await start_bot(checks=[CrashingCheck(), words_check()])
    reply = await bot.reply_to(tg.message(prose("The mayor said on Monday that taxes will rise.")))
    assert "Could not run: RuntimeError" in reply
    assert "Counted the words" in reply
    assert "check crashes crashed" in caplog.text


async def test_429_retry_after_is_honoured(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    bot.api.fail("editMessageText", 429, retry_after=1, count=1)
    reply = await bot.reply_to(
        tg.message(prose("The mayor said on Monday that taxes will rise.")),
        wait=20,
    )
    assert "Counted the words" in reply
    failed, done = bot.api.requests("editMessageText")
    assert (failed["status"], done["status"]) == (429, 200)
    assert done["time"] - failed["time"] >= 1.0


async def test_twenty_users_at_once_all_answered_and_limit_enforced(start_bot, tg):
    slow = SlowCheck(0.2)
    bot = await start_bot(checks=[slow], rate_limit=3, max_concurrent=4)
    after = bot.mark()
    users = [tg.user(n) for n in range(20)]
    for n, sender in enumerate(users):
        bot.send(
            tg.message(
                prose(f"Report number {n}: the council met on Monday."),
                sender=sender,
            )
        )
    greedy = tg.user(99)
    for n in range(5):
        bot.send(
            tg.message(
                prose(f"Greedy message {n} about the budget."),
                sender=greedy,
            )
        )
    edits = await bot.api.wait_for("editMessageText", after=after, timeout=30, count=23)
    answered = {e["params"]["chat_id"] for e in edits}
    assert answered == {u["id"] for u in users} | {greedy["id"]}
    assert sum(e["params"]["chat_id"] == greedy["id"] for e in edits) == 3
    limited = await bot.api.wait_for(
        "sendMessage",
        lambda r: "the most I do for one person" in r["params"]["text"],
        after=after,
        timeout=10,
    )
    # Two messages over the limit, one notice: a flood of them would eat the send budget.
    assert [r["params"]["chat_id"] for r in limited] == [greedy["id"]]


async def test_empty_message_gets_a_hint(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    sticker = tg.message(
        None,
        sticker={
            "file_id": "s",
            "file_unique_id": "s",
            "type": "regular",
            "width": 1,
            "height": 1,
            "is_animated": False,
            "is_video": False,
        },
    )
    reply = await bot.reply_to(sticker, method="sendMessage")
    assert reply.startswith("There is nothing to check")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", "I never say whether it is true"),
        ("/help", "/forget deletes it"),
        ("/help", "<code>@sourcecheck_test_bot https://…</code>"),
        ("/about", "CC BY 4.0"),
        ("/privacy", "No message text and no link in plain text."),
        ("/checks", "<code>words</code>"),
        ("/forget", "stored records about you deleted"),
        ("/nonsense", "/help lists mine"),
    ],
)
async def test_commands(start_bot, tg, text, expected):
    bot = await start_bot(checks=[words_check()])
    assert expected in await bot.reply_to(tg.command(text), method="sendMessage")


async def test_forget_deletes_the_users_rows(start_bot, tg):
    bot = await start_bot(checks=[words_check()])
    await bot.reply_to(tg.message(prose("A first text about the council vote.")))
    other = tg.user(5)
    await bot.reply_to(
        tg.message(
            prose("Another person's text about the budget."),
            sender=other,
        )
    )
    assert cache_rows(bot.settings.db_path) == 2
    reply = await bot.reply_to(tg.command("/forget"), method="sendMessage")
    assert reply.startswith("Done: 2 stored records")  # one result, one rate-limit entry
    assert cache_rows(bot.settings.db_path) == 1


# --- logs, heartbeat, webhook ------------------------------------------------------------


async def test_token_never_reaches_the_logs(start_bot, tg, caplog, page_server):
    caplog.set_level(logging.DEBUG)
    bot = await start_bot(fetch_allow=page_server.allow)
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    # Even with httpx turned up, which logs every URL (token included), nothing leaks.
    caplog.set_level(logging.DEBUG, logger="httpx")
    logging.getLogger("test").warning("the token is %s", bot.settings.token)
    await bot.reply_to(forwarded_update(3)["message"])
    await bot.reply_to(tg.link(page_server.url("nowhere")))
    bot.api.fail("sendMessage", 500, retry_after=None, description="Internal Server Error")
    bot.send(tg.message(prose("Text that will fail to be answered.")))
    await bot.api.wait_for("sendMessage", lambda r: r["status"] == 500, timeout=10)
    await asyncio.sleep(0.2)
    secret = bot.settings.token.partition(":")[2]
    assert "HTTP Request: POST" in caplog.text
    assert "[REDACTED]" in caplog.text
    assert secret not in caplog.text
    for record in caplog.records:
        assert secret not in record.getMessage()
        assert secret not in (record.exc_text or "")


async def test_heartbeat_is_written_while_running(start_bot):
    bot = await start_bot(heartbeat_interval=0.1)
    with sqlite3.connect(bot.settings.db_path) as conn:
        first = conn.execute("select at from heartbeat").fetchone()[0]
    await asyncio.sleep(0.4)
    with sqlite3.connect(bot.settings.db_path) as conn:
        later = conn.execute("select at from heartbeat").fetchone()[0]
    assert later > first


async def test_webhook_checks_the_secret(start_bot, tg, unused_tcp_port):
    url = f"http://127.0.0.1:{unused_tcp_port}/telegram"
    secret = "s3cret_token-for-tests"
    bot = await start_bot(
        checks=[words_check()],
        webhook_url=url,
        webhook_secret=secret,
        webhook_port=unused_tcp_port,
    )
    registered = bot.api.requests("setWebhook")[-1]["params"]
    assert (registered["url"], registered["secret_token"]) == (url, secret)
    update = {
        "update_id": 1,
        "message": tg.message(prose("The mayor said on Monday that taxes rise.")),
    }
    after = bot.mark()
    async with httpx.AsyncClient(trust_env=False) as client:
        refused = await client.post(url, json=update)
        wrong = await client.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
        )
        accepted = await client.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
        )
    assert (refused.status_code, wrong.status_code, accepted.status_code) == (403, 403, 200)
    edits = await bot.api.wait_for("editMessageText", after=after, timeout=10)
    assert "Counted the words" in edits[0]["params"]["text"]
    assert len(bot.api.requests("sendChatAction")) == 1  # the refused posts did nothing
    assert not bot.api.requests("getUpdates")
