"""The bot as Telegram users meet it: the real application polling the strict fake Bot API."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.telegram import conversation, handlers, texts
from bot.telegram.keyboards import document_links
from checks.model import Article, Context, Result, Status
from checks.read.text import read_bytes

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
PAGES_DIR = "01-oann-reuters-paris-theater-protest"
POST = (
    "The regional governor said on Monday that the bridge would reopen in March, after two"
    " years of repairs paid for by the federal budget."
)
WORDS = len(POST.split())
CHANNEL = {
    "id": -1001999888777,
    "type": "channel",
    "title": "Daily Wire Relay",
    "username": "relay",
}
FORUM = {"id": -1005555, "type": "supergroup", "title": "Readers' forum", "is_forum": True}


@dataclass
class WordsCheck:
    name: str = "words"
    title: str = "Words"
    delay: float = 0.0

    async def run(self, article: Article, ctx: Context) -> Result:
        await asyncio.sleep(self.delay)
        return Result(Status.INFO, f"Counted {len(article.text.split())} words")


@dataclass
class LateralStub:
    """Stands in for the `lateral` check (issue 16): links built from the article alone."""

    name: str = "lateral"
    title: str = "Look elsewhere"

    async def run(self, article: Article, ctx: Context) -> Result:
        links = [
            {"kind": "original", "label": "Reuters", "url": "https://www.reuters.com/world/a"},
            {"kind": "news_search", "label": "News", "url": "https://news.example/?q=bridge"},
            {"kind": "fact_check_search", "label": "Checks", "url": "https://fc.example/?q=b"},
            {"kind": "archive", "label": "Archive", "url": "https://web.archive.org/web/x"},
            {"kind": "about", "label": "About", "url": "https://example.com/about-us"},
            {"kind": "corrections", "label": "Fixes", "url": "https://example.com/corrections"},
        ]
        return Result(Status.INFO, "Where else to look", data={"links": links})


def texts_of(calls: list[dict[str, Any]]) -> list[str]:
    return [str(c["params"].get("text", "")) for c in calls]


def after(bot: Any, mark: int, method: str | None = None) -> list[dict[str, Any]]:
    return [r for r in bot.api.requests()[mark:] if method is None or r["method"] == method]


async def settle(seconds: float = 0.5) -> None:
    await asyncio.sleep(seconds)


def press(
    bot: Any, tg: Any, data: str, message: dict[str, Any], query_id: str, **who: Any
) -> None:
    bot.api.queue_update(
        {
            "callback_query": {
                "id": query_id,
                "from": who.get("sender", tg.USER),
                "chat_instance": "1",
                "data": data,
                "message": message,
            }
        }
    )


def buttons(call: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return call["params"]["reply_markup"]["inline_keyboard"]


# --- what is an article -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["hi", "Hello! How does this bot work?", "thanks!", "ok 👍"])
async def test_chit_chat_gets_one_helpful_line(start_bot, tg, text):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    reply = await bot.reply_to(tg.message(text), method="sendMessage")
    assert reply == texts.CHATTER_HINT
    await settle(0.3)
    assert after(bot, mark, "editMessageText") == []
    assert "Checking…" not in texts_of(after(bot, mark, "sendMessage"))


async def test_check_with_a_greeting_is_a_hint_not_a_checklist(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    reply = await bot.reply_to(tg.command("/check hello"), method="sendMessage")
    assert "Reply <code>/check</code> to a message" in reply


async def test_a_thank_you_to_the_bot_in_a_group_is_not_checked(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    answer = tg.message("Checklist…", chat=tg.GROUP, sender=api_bot_user(bot))
    reply = await bot.reply_to(
        tg.message("thanks!", chat=tg.GROUP, reply_to_message=answer), method="sendMessage"
    )
    assert reply == texts.CHATTER_HINT


def api_bot_user(bot: Any) -> dict[str, Any]:
    return bot.api.bot_user()


async def test_enough_prose_is_an_article(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    assert f"Counted {WORDS} words" in await bot.reply_to(tg.message(POST))


# --- groups: the post, not the question -----------------------------------------------------


def forwarded_post(tg: Any, **fields: Any) -> dict[str, Any]:
    origin = {"type": "channel", "chat": CHANNEL, "message_id": 42, "date": 1_789_000_000}
    return tg.message(POST, chat=tg.GROUP, forward_origin=origin, **fields)


@pytest.mark.parametrize(
    "question",
    [
        lambda tg: tg.mention("is this legit?", chat=tg.GROUP),
        lambda tg: tg.message(
            f"what do you think @{tg.BOT_USERNAME}?",
            chat=tg.GROUP,
            entities=[{"type": "mention", "offset": 18, "length": len(tg.BOT_USERNAME) + 1}],
        ),
        lambda tg: tg.command("/check", chat=tg.GROUP),
    ],
)
async def test_a_question_in_reply_checks_the_replied_to_post(start_bot, tg, question):
    bot = await start_bot(checks=[WordsCheck()])
    asked = question(tg) | {"reply_to_message": forwarded_post(tg)}
    reply = await bot.reply_to(asked)
    assert f"Counted {WORDS} words" in reply
    assert "Daily Wire Relay" in reply  # the forward's channel, so it is the post


async def test_discussion_group_reply_to_the_channels_post_checks_the_post(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    automatic = forwarded_post(tg, is_automatic_forward=True, sender_chat=CHANNEL)
    reply = await bot.reply_to(tg.mention("source?", chat=tg.GROUP, reply_to_message=automatic))
    assert f"Counted {WORDS} words" in reply
    assert "Daily Wire Relay" in reply


async def test_a_channel_admin_checks_a_post_with_check_as_a_reply(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    post = {"message_id": 900, "chat": CHANNEL, "date": 1_790_000_000, "text": POST,
            "sender_chat": CHANNEL}  # fmt: skip
    ask = {"message_id": 901, "chat": CHANNEL, "date": 1_790_000_001, "text": "/check",
           "sender_chat": CHANNEL, "reply_to_message": post,
           "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}  # fmt: skip
    mark = bot.mark()
    bot.api.queue_update({"channel_post": post})
    await settle(0.5)
    assert [c for c in after(bot, mark) if c["method"] != "getUpdates"] == []  # never unasked
    bot.api.queue_update({"channel_post": ask})
    edit = await bot.api.wait_for("editMessageText", after=mark, timeout=10)
    assert edit[0]["params"]["chat_id"] == CHANNEL["id"]
    assert f"Counted {WORDS} words" in edit[0]["params"]["text"]


# --- long pastes, edits -------------------------------------------------------------------


async def test_a_long_paste_in_pieces_gets_one_checklist(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck(delay=0.2)])
    first = " ".join(["word"] * 800)  # 3,999 characters: a client's split point
    second = "The end of the article, with a final sentence that is long enough."
    mark = bot.mark()
    piece = tg.message(first)
    bot.send(piece)
    bot.send(tg.message(second, message_id=piece["message_id"] + 1))
    await bot.api.wait_for(
        "editMessageText", lambda r: "Counted 813 words" in r["params"]["text"], after=mark
    )
    await settle(0.6)
    sent = texts_of(after(bot, mark, "sendMessage"))
    assert sent.count("Checking…") == 1
    final = [t for t in texts_of(after(bot, mark, "editMessageText")) if "Counted" in t]
    assert final[-1].count("Counted") == 1
    assert "Counted 813 words" in final[-1]


async def test_paste_pieces_are_forgotten_once_the_window_has_passed():
    joiner = conversation.PasteJoiner(window=1.0)
    piece = Article(text="word " * 700)
    assert joiner.add((1, 1), 10, piece, 3500, now=0.0) is None  # starts a paste
    joined = joiner.add((1, 1), 11, Article(text="end."), 4, now=0.5)
    assert joined is not None
    assert joined.article.text.endswith("\n\nend.")
    assert joiner.add((2, 2), 20, Article(text="short"), 5, now=5.0) is None
    assert joiner.current((1, 1)) is None  # no text kept beyond the window
    assert joiner.add((3, 3), 30, Article(text="short"), 5, now=6.0) is None
    assert joiner.current((3, 3)) is None  # a short message is whole: nothing kept at all


async def test_a_paste_is_dropped_when_its_window_ends_even_if_nothing_follows():
    joiner = conversation.PasteJoiner(window=0.05)
    assert joiner.add((1, 1), 10, Article(text="word " * 700), 3500, now=0.0) is None
    assert joiner.current((1, 1)) is not None
    await asyncio.sleep(0.1)
    assert joiner.current((1, 1)) is None


async def test_only_the_senders_very_next_message_continues_a_paste():
    joiner = conversation.PasteJoiner(window=1.0)
    piece = Article(text="word " * 700)
    assert joiner.add((1, 1), 10, piece, 3500, now=0.0) is None
    assert joiner.add((1, 1), 12, piece, 3500, now=0.2) is None  # a message came between
    pieces = [joiner.add((1, 1), 13 + i, piece, 3500, now=0.3) for i in range(20)]
    most = conversation.MAX_PIECES - 1
    assert [p is not None for p in pieces[: most + 1]] == [True] * most + [False]  # a new one


async def test_two_separate_messages_are_two_checklists(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    one = await bot.reply_to(tg.message(POST))
    two = await bot.reply_to(tg.message(POST + " The mayor disagreed."))
    assert (f"Counted {WORDS} words" in one, f"Counted {WORDS + 3} words" in two) == (True, True)


async def test_an_edited_message_is_checked_again_into_the_same_answer(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    original = tg.message(POST)
    await bot.reply_to(original)
    answer_id = bot.api.requests("editMessageText")[-1]["params"]["message_id"]
    mark = bot.mark()
    edited = {**original, "text": POST + " The mayor disagreed.", "edit_date": 1_790_000_100}
    bot.api.queue_update({"edited_message": edited})
    edit = (await bot.api.wait_for("editMessageText", after=mark))[0]
    assert edit["params"]["message_id"] == answer_id
    assert f"Counted {WORDS + 3} words" in edit["params"]["text"]
    assert after(bot, mark, "sendMessage") == []


async def test_an_edit_of_a_message_never_answered_is_left_alone(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    bot.api.queue_update({"edited_message": tg.message(POST, edit_date=1_790_000_100)})
    await settle(0.6)
    assert [c["method"] for c in after(bot, mark) if c["method"] != "getUpdates"] == []


# --- documents ------------------------------------------------------------------------------


def document(tg: Any, bot: Any, name: str, content: bytes, **fields: Any) -> dict[str, Any]:
    file_id = f"file-{name}"
    bot.api.add_file(file_id, content)
    doc = {"file_id": file_id, "file_unique_id": file_id, "file_name": name,
           "file_size": len(content), **fields}  # fmt: skip
    return tg.message(None, document=doc)


async def test_an_html_file_is_read_like_the_command_line_reads_it(start_bot, tg):
    raw = (PAGES / PAGES_DIR / "source.html").read_bytes()
    bot = await start_bot(checks=[WordsCheck()])
    reply = await bot.reply_to(document(tg, bot, "protest.html", raw))
    words = len(read_bytes(raw, name="protest.html").text.split())
    assert f"Counted {words} words" in reply
    assert "file protest.html" in reply


@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.txt", POST.encode("cp1252")), ("notes.md", f"[{POST}](https://x.example/)".encode())],
)
async def test_text_and_markdown_files_are_read(start_bot, tg, name, content):
    bot = await start_bot(checks=[WordsCheck()])
    assert f"Counted {WORDS} words" in await bot.reply_to(document(tg, bot, name, content))


async def test_in_a_group_a_file_captioned_with_a_mention_is_read(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    handle = f"@{tg.BOT_USERNAME}"
    sent = document(tg, bot, "notes.txt", POST.encode()) | {
        "chat": tg.GROUP,
        "caption": handle,
        "caption_entities": [{"type": "mention", "offset": 0, "length": len(handle)}],
    }
    assert f"Counted {WORDS} words" in await bot.reply_to(sent)


async def test_a_file_over_the_cap_or_of_another_kind_is_explained(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    huge = document(tg, bot, "big.txt", b"x", file_size=30 * 1024 * 1024)
    assert "the limit is 10,485,760 bytes (10 MiB)" in await bot.reply_to(
        huge, method="sendMessage"
    )
    pdf = document(tg, bot, "report.pdf", b"%PDF-1.4")
    assert ".html, .htm, .txt or .md" in await bot.reply_to(pdf, method="sendMessage")


# --- failure paths ----------------------------------------------------------------------------


async def test_a_deleted_checking_message_gets_the_checklist_as_a_new_one(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck(delay=0.5)])
    mark = bot.mark()
    bot.send(tg.message(POST))
    checking = (await bot.api.wait_for("sendMessage", after=mark))[0]
    bot.api.delete(checking["params"]["chat_id"], checking["result"]["message_id"])
    sent = await bot.api.wait_for(
        "sendMessage", lambda r: "Counted" in r["params"]["text"], after=mark
    )
    assert sent[0]["status"] == 200
    assert buttons(sent[0])[0][0]["text"] == "Details"


async def test_repeated_429s_are_waited_out_and_the_answer_arrives(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    bot.api.fail("editMessageText", 429, retry_after=1, count=4)  # one more than PTB's 3
    reply = await bot.reply_to(tg.message(POST), wait=20)
    assert f"Counted {WORDS} words" in reply
    statuses = [c["status"] for c in bot.api.requests("editMessageText")]
    assert statuses == [429, 429, 429, 429, 200]


async def test_a_button_the_bot_does_not_know_is_answered(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    press(bot, tg, "v1:old-button", tg.message("x", sender=bot.api.bot_user()), "q-old")
    answered = (await bot.api.wait_for("answerCallbackQuery", after=mark))[0]
    assert answered["params"]["text"] == texts.UNKNOWN_BUTTON


# --- threads --------------------------------------------------------------------------------


async def test_in_a_forum_topic_everything_goes_to_the_topic(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    asked = tg.mention(POST, chat=FORUM, message_thread_id=77, is_topic_message=True)
    await bot.reply_to(asked)
    action = after(bot, mark, "sendChatAction")[0]["params"]
    checking = after(bot, mark, "sendMessage")[0]["params"]
    assert (action.get("message_thread_id"), checking.get("message_thread_id")) == (77, 77)


async def test_a_reply_chain_in_an_ordinary_group_sends_no_thread_id(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck(delay=2.2)])
    mark = bot.mark()
    root = tg.message("root", chat=tg.GROUP)
    # In an ordinary supergroup a reply carries the chain's root as message_thread_id.
    asked = tg.command(
        "/check",
        chat=tg.GROUP,
        message_thread_id=root["message_id"],
        reply_to_message=tg.message(POST, chat=tg.GROUP, message_thread_id=root["message_id"]),
    )
    bot.send(asked)
    await bot.api.wait_for("sendMessage", lambda r: "Counted" in r["params"]["text"], after=mark)
    sent = [c for c in after(bot, mark) if c["method"] != "getUpdates"]
    assert all("message_thread_id" not in c["params"] for c in sent)
    assert all(c["status"] == 200 for c in sent)


# --- notifications ------------------------------------------------------------------------


async def test_a_slow_check_answers_with_a_new_message_and_removes_checking(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck(delay=handlers.SLOW_ANSWER + 0.3)])
    mark = bot.mark()
    source = tg.message(POST)
    bot.send(source)
    sent = await bot.api.wait_for(
        "sendMessage", lambda r: "Counted" in r["params"]["text"], after=mark
    )
    checking = after(bot, mark, "sendMessage")[0]
    assert checking["params"]["text"] == "Checking…"
    assert sent[0]["params"]["reply_parameters"]["message_id"] == source["message_id"]
    deleted = (await bot.api.wait_for("deleteMessage", after=mark))[0]
    assert deleted["params"]["message_id"] == checking["result"]["message_id"]
    assert after(bot, mark, "editMessageText") == []


# --- buttons ----------------------------------------------------------------------------------


async def test_url_buttons_come_from_the_lateral_check(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck(), LateralStub()])
    await bot.reply_to(tg.message(POST))
    edit = bot.api.requests("editMessageText")[-1]
    rows = buttons(edit)
    assert [[b["text"] for b in row] for row in rows] == [
        ["Details", "JSON"],
        ["Open the original", "Archived copy"],
        ["Other coverage", "Fact-checks"],
        ["About the outlet", "Corrections"],
    ]
    assert rows[1][0]["url"] == "https://www.reuters.com/world/a"
    assert rows[2][1]["url"] == "https://fc.example/?q=b"
    assert rows[3][1]["url"] == "https://example.com/corrections"
    mark = bot.mark()
    bot.send(tg.message(POST))  # from the cache: the same buttons
    cached = (await bot.api.wait_for("sendMessage", after=mark))[0]
    assert buttons(cached) == rows


async def test_without_the_lateral_check_there_are_no_url_buttons(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    await bot.reply_to(tg.message(POST))
    assert [
        [b["text"] for b in row] for row in buttons(bot.api.requests("editMessageText")[-1])
    ] == [["Details", "JSON"]]


async def group_answer(bot: Any, tg: Any) -> dict[str, Any]:
    asked = tg.command("/check", chat=tg.GROUP, reply_to_message=forwarded_post(tg))
    await bot.reply_to(asked)
    return bot.api.requests("editMessageText")[-1]


async def test_in_a_group_details_and_json_go_to_the_presser_privately(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    edit = await group_answer(bot, tg)
    details, as_json = buttons(edit)[0]
    mark = bot.mark()
    press(bot, tg, details["callback_data"], edit["result"], "g1")
    private = (await bot.api.wait_for("sendMessage", after=mark))[0]
    assert private["params"]["chat_id"] == tg.USER["id"]
    assert buttons(private)[0][0]["text"] == "Summary"
    press(bot, tg, as_json["callback_data"], edit["result"], "g2")
    document = (await bot.api.wait_for("sendDocument", after=mark))[0]
    assert document["params"]["chat_id"] == tg.USER["id"]
    answers = await bot.api.wait_for("answerCallbackQuery", after=mark, count=2)
    assert [a["params"]["text"] for a in answers] == [texts.SENT_PRIVATELY] * 2
    assert after(bot, mark, "editMessageText") == []  # the shared message is as it was


async def test_in_a_group_a_stranger_is_sent_to_start_a_private_chat(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    edit = await group_answer(bot, tg)
    stranger = tg.user(9)
    bot.api.strangers.add(stranger["id"])
    mark = bot.mark()
    press(bot, tg, buttons(edit)[0][0]["callback_data"], edit["result"], "g3", sender=stranger)
    answered = (await bot.api.wait_for("answerCallbackQuery", after=mark))[0]
    assert answered["params"]["url"] == f"https://t.me/{tg.BOT_USERNAME}?start=details"
    assert after(bot, mark, "editMessageText") == []
    # Telegram opens the chat; pressing Start there sends "/start details".
    bot.api.strangers.discard(stranger["id"])
    started = tg.command("/start details", sender=stranger)
    assert await bot.reply_to(started, method="sendMessage") == texts.PRIVATE_CHAT_OPEN


async def test_start_welcomes_and_offers_an_example(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    await bot.reply_to(tg.command("/start"), method="sendMessage")
    welcome = after(bot, mark, "sendMessage")[0]
    example = buttons(welcome)[0][0]
    assert example["text"] == "Try an example"
    press(bot, tg, example["callback_data"], welcome["result"], "ex1")
    edit = (await bot.api.wait_for("editMessageText", after=mark))[0]
    assert "Counted" in edit["params"]["text"]


async def test_added_to_a_group_the_bot_says_how_to_ask(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    change = {
        "chat": tg.GROUP,
        "from": tg.USER,
        "date": 1_790_000_000,
        "old_chat_member": {"status": "left", "user": bot.api.bot_user()},
        "new_chat_member": {"status": "member", "user": bot.api.bot_user()},
    }
    bot.api.queue_update({"my_chat_member": change})
    greeting = (await bot.api.wait_for("sendMessage", after=mark))[0]
    assert greeting["params"]["chat_id"] == tg.GROUP["id"]
    assert "<code>/check</code>" in greeting["params"]["text"]


# --- inline mode ----------------------------------------------------------------------------


async def test_inline_query_with_a_link_offers_the_checklist(start_bot, tg, page_server):
    bot = await start_bot(checks=[WordsCheck(), LateralStub()], fetch_allow=page_server.allow)
    url = page_server.url(f"pages/{PAGES_DIR}")
    mark = bot.mark()
    bot.api.queue_update(
        {"inline_query": {"id": "iq1", "from": tg.USER, "query": url, "offset": ""}}
    )
    answered = (await bot.api.wait_for("answerInlineQuery", after=mark, timeout=15))[0]
    (result,) = answered["params"]["results"]
    assert result["type"] == "article"
    assert result["title"].startswith("Sourcing checklist")
    assert "Counted" in result["input_message_content"]["message_text"]
    assert result["reply_markup"]["inline_keyboard"][0][0]["text"] == "Open the original"


async def test_inline_query_without_a_link_offers_the_how_to(start_bot, tg):
    bot = await start_bot(checks=[WordsCheck()])
    mark = bot.mark()
    bot.api.queue_update({"inline_query": {"id": "iq2", "from": tg.USER, "query": "is th",
                                           "offset": ""}})  # fmt: skip
    answered = (await bot.api.wait_for("answerInlineQuery", after=mark))[0]
    assert answered["params"]["results"] == []
    assert answered["params"]["button"]["start_parameter"] == "inline"


def test_the_json_document_is_what_the_buttons_read_back():
    document = json.dumps(
        {"results": [{"check": "lateral", "data": {"links": [
            {"kind": "archive", "label": "a", "url": "https://web.archive.org/x"},
            {"kind": "original", "label": "o", "url": "javascript:alert(1)"},
        ]}}]}
    ).encode()  # fmt: skip
    assert document_links(document) == {"archive": "https://web.archive.org/x"}
