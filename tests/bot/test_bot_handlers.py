"""Handlers, fed updates through Application.process_update with an in-process Bot API."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest
from telegram import Bot, Message
from telegram.ext import AIORateLimiter

from bot.core.store import Store
from bot.telegram.app import MessageRateLimiter
from bot.telegram.handlers import (
    CALLBACK_PATTERN,
    DETAILS,
    MessageInput,
    article_for,
    input_handle,
    without_mentions,
)
from bot.telegram.message_input import read_message
from checks.builtin.outlet import Outlet
from checks.model import Article, Context, Result, Status


@dataclass
class WordsCheck:
    name: str = "words"
    title: str = "Words"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"Counted {len(article.text.split())} words")


ARTICLE = "The council voted on Tuesday to close the library, the mayor told reporters."


def methods(calls):
    return [c["method"] for c in calls]


async def test_private_text_is_checked_in_place(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    calls = await bot.feed(tg.message(ARTICLE))
    assert methods(calls) == ["sendMessage", "sendChatAction", "editMessageText"]
    assert calls[0]["params"]["text"] == "Checking…"
    assert calls[1]["params"]["action"] == "typing"
    edit = calls[2]["params"]
    assert edit["message_id"] == calls[0]["result"]["message_id"]
    assert "Counted 13 words" in edit["text"]
    assert edit["parse_mode"] == "HTML"
    assert edit["link_preview_options"] == {"is_disabled": True}


async def test_group_chatter_is_never_answered(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    assert await bot.feed(tg.message(ARTICLE, chat=tg.GROUP)) == []
    assert await bot.feed(tg.link("https://example.org/a", chat=tg.GROUP)) == []
    other_bot_reply = tg.message("Hello", chat=tg.GROUP, sender={**tg.user(3), "is_bot": True})
    assert (
        await bot.feed(tg.message(ARTICLE, chat=tg.GROUP, reply_to_message=other_bot_reply)) == []
    )
    assert await bot.feed(tg.command("/check@some_other_bot", chat=tg.GROUP)) == []


async def test_group_prompts_without_anything_to_check_get_a_hint(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    calls = await bot.feed(tg.command("/check", chat=tg.GROUP))
    assert methods(calls) == ["sendMessage"]
    assert "Reply <code>/check</code> to a message" in calls[0]["params"]["text"]
    calls = await bot.feed(tg.mention(chat=tg.GROUP))
    assert calls[0]["params"]["text"].startswith("There is nothing to check")


async def test_mention_with_text_checks_the_text_without_the_mention(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    calls = await bot.feed(tg.mention(ARTICLE, chat=tg.GROUP))
    assert "Counted 13 words" in calls[-1]["params"]["text"]


async def test_check_command_with_addressed_name(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    post = tg.message(ARTICLE, chat=tg.GROUP, sender=tg.user(4))
    calls = await bot.feed(
        tg.command(f"/check@{tg.BOT_USERNAME}", chat=tg.GROUP, reply_to_message=post)
    )
    assert "Counted 13 words" in calls[-1]["params"]["text"]


async def test_refused_link_gets_its_reply_without_network(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    url = "http://127.0.0.1:9/admin"
    data = tg.mention(url, chat=tg.GROUP)
    data["entities"].append(
        {"type": "url", "offset": len(data["text"]) - len(url), "length": len(url)}
    )
    calls = await bot.feed(data)
    assert methods(calls)[-1] == "editMessageText"
    assert calls[-1]["params"]["text"].startswith("I do not fetch that address")


async def test_rate_limit_reply(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()], rate_limit=2)
    for n in range(2):
        calls = await bot.feed(tg.message(f"{ARTICLE} Number {n}."))
        assert methods(calls)[-1] == "editMessageText"
    calls = await bot.feed(tg.message(f"{ARTICLE} Number 3."))
    assert methods(calls) == ["sendMessage"]
    assert "You have asked for 2 checks in the last minute" in calls[0]["params"]["text"]
    # Someone else is not limited by it.
    calls = await bot.feed(tg.message(ARTICLE, sender=tg.user(8)))
    assert methods(calls)[-1] == "editMessageText"


async def test_people_posting_as_different_channels_do_not_share_a_rate_limit(unit_bot, tg):
    # Telegram gives every post made as a channel the same placeholder sender.
    placeholder = {
        "id": 136817688,
        "is_bot": True,
        "first_name": "Channel",
        "username": "Channel_Bot",
    }
    bot = await unit_bot(checks=[WordsCheck()], rate_limit=1)

    def as_channel(n: int) -> dict:
        channel = {"id": -1009000 - n, "type": "channel", "title": f"Channel {n}"}
        return tg.message(f"/check {ARTICLE} {n}", sender=placeholder, sender_chat=channel)

    private = {"id": 42, "type": "private", "first_name": "x"}
    replies = [await bot.feed({**as_channel(n), "chat": private}) for n in (1, 2, 1)]

    assert methods(replies[0])[-1] == "editMessageText"
    assert methods(replies[1])[-1] == "editMessageText"  # another channel, its own bucket
    assert "in the last minute" in replies[2][-1]["params"]["text"]  # channel 1 again


async def test_edited_messages_and_channel_posts_are_ignored(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    assert await bot.feed({"edited_message": {**tg.message(ARTICLE), "edit_date": 1}}) == []
    channel = {"id": -100777, "type": "channel", "title": "A channel"}
    post = {"message_id": 5, "date": 1, "chat": channel, "text": ARTICLE}
    assert await bot.feed({"channel_post": post}) == []


async def test_unexpected_error_is_logged_and_apologised_for(unit_bot, tg, caplog, monkeypatch):
    bot = await unit_bot(checks=[WordsCheck()])
    store = bot.app.bot_data["service"].store

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "take_rate", broken)
    caplog.set_level(logging.ERROR)
    calls = await bot.feed(tg.message(ARTICLE))
    assert methods(calls) == ["sendMessage"]
    assert calls[0]["params"]["text"].startswith("Sorry, something went wrong")
    assert "disk full" in caplog.text


async def test_checks_switch_in_private_chat(unit_bot, tg):
    other = WordsCheck(name="other", title="Other")
    bot = await unit_bot(checks=[WordsCheck(), other])
    calls = await bot.feed(tg.command("/checks off other"))
    assert "✗ <code>other</code>" in calls[0]["params"]["text"]
    calls = await bot.feed(tg.message(ARTICLE))
    assert "Other" not in calls[-1]["params"]["text"]
    calls = await bot.feed(tg.command("/checks on other"))
    assert "✓ <code>other</code>" in calls[0]["params"]["text"]
    calls = await bot.feed(tg.command("/checks off nosuch"))
    assert "There is no check called <code>nosuch</code>" in calls[0]["params"]["text"]


def test_without_mentions_shifts_entities_in_utf16(tg):
    url = "https://example.org/ü"
    text = f"@{tg.BOT_USERNAME} 🔥 see {url}"
    handle = len(tg.BOT_USERNAME) + 1
    url_offset = handle + 1 + 2 + 5  # the emoji is two UTF-16 units
    data = tg.message(text, entities=[
        {"type": "mention", "offset": 0, "length": handle},
        {"type": "url", "offset": url_offset, "length": len(url)},
    ])  # fmt: skip
    message = Message.de_json(data, Bot(tg.TOKEN))
    stripped = without_mentions(message, tg.BOT_USERNAME)
    assert stripped.text == f"🔥 see {url}"
    assert stripped.parse_entities() == {stripped.entities[0]: url}


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("The mayor  said\n\nthis.", "The mayor said this.", True),
        ("The mayor said this.", "The mayor said that.", False),
    ],
)
def test_input_handle_normalises_whitespace(tg, first, second, same):
    store = Store(memory=True)

    def key(text: str) -> str:
        text = f"After a long debate the council voted to close the library. {text}"
        message = Message.de_json(tg.message(text), Bot(tg.TOKEN))
        target = read_message(message, received=message.date)
        return input_handle(store, target, [WordsCheck()]).token

    assert (key(first) == key(second)) is same


def test_input_handle_depends_on_link_and_checks():
    store, checks = Store(memory=True), [WordsCheck()]
    plain = MessageInput("url", "https://Example.org/a?utm_source=x", None)
    tracked = MessageInput("url", "https://example.org/a", None)
    handle = input_handle(store, plain, checks)
    assert handle == input_handle(store, tracked, checks)
    assert handle != input_handle(store, plain, [*checks, WordsCheck(name="other")])
    # The button data carries the handle and stays within Telegram's 64 bytes.
    data = f"{DETAILS}:{handle.token}"
    assert CALLBACK_PATTERN.match(data)
    assert len(data.encode()) <= 64


async def test_chat_actions_and_button_answers_do_not_spend_the_message_budget(monkeypatch):
    limiter = MessageRateLimiter(overall_max_rate=1, overall_time_period=1)
    metered: list[str] = []

    async def count(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        metered.append(endpoint)
        return await callback(*args, **kwargs)

    monkeypatch.setattr(AIORateLimiter, "process_request", count)

    async def call() -> bool:
        return True

    for endpoint in ("sendChatAction", "answerCallbackQuery", "sendMessage", "editMessageText"):
        assert await limiter.process_request(call, (), {}, endpoint, {}, None) is True

    assert metered == ["sendMessage", "editMessageText"]


async def test_a_forwarded_link_keeps_who_forwarded_it(unit_bot, tg, page_server):
    # A channel forwards nothing but a link: the fetched page is checked, and the checklist
    # still says which channel passed it on.
    bot = await unit_bot(fetch_allow=page_server.allow)
    service = bot.app.bot_data["service"]
    url = page_server.url("pages/01-oann-reuters-paris-theater-protest")
    channel = {"id": -1001234500000, "title": "Paris Watch (demo)", "username": "paris_watch_demo",
               "type": "channel"}  # fmt: skip
    forward = {"type": "channel", "chat": channel, "message_id": 77, "date": 1_679_900_000}
    forwarded = Message.de_json(tg.link(url, forward_origin=forward), Bot(tg.TOKEN))
    target = read_message(forwarded, received=forwarded.date)
    assert target.kind == "url"

    article = await article_for(service, target)
    result = await Outlet().run(article, Context(now=forwarded.date))

    assert article.url == url
    assert article.origin is not None
    assert (article.origin.username, article.origin.url) == (
        "paris_watch_demo",
        "https://t.me/paris_watch_demo/77",
    )
    assert result.data["forwarded_by"] == "@paris_watch_demo (Paris Watch (demo))"
    shown = [e.quote for e in result.evidence if e.where == "forward origin"]
    assert shown == ["forwarded by channel @paris_watch_demo (Paris Watch (demo))"]
    # The same link sent plainly is another answer: its checklist names no forwarder.
    plain = read_message(Message.de_json(tg.link(url), Bot(tg.TOKEN)), received=forwarded.date)
    checks = [WordsCheck()]
    assert input_handle(service.store, plain, checks) != input_handle(
        service.store, target, checks
    )
