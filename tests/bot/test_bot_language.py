"""Replies in the reader's language, through the real Application and the fake Bot API:
a private chat follows the user's Telegram language, /language changes it for the chat."""

from __future__ import annotations

from importlib import resources
from typing import Any

from checks.i18n import LANGUAGES


def _speaker(code: str | None, n: int = 1) -> dict[str, Any]:
    who: dict[str, Any] = {"id": 8_000_000 + n, "is_bot": False, "first_name": f"Reader {n}"}
    if code is not None:
        who["language_code"] = code
    return who


def _press(bot, data: str, sender: dict[str, Any], message: dict[str, Any], query: str) -> int:
    after = bot.mark()
    bot.api.queue_update(
        {
            "callback_query": {
                "id": query,
                "from": sender,
                "chat_instance": "1",
                "data": data,
                "message": message,
            }
        }
    )
    return after


async def test_a_private_chat_follows_the_users_telegram_language(start_bot, tg):
    bot = await start_bot()
    ukrainian = _speaker("uk")
    reply = await bot.reply_to(tg.command("/help", sender=ukrainian), method="sendMessage")
    assert "<b>Як користуватися</b>" in reply
    brazilian = _speaker("pt-br", 2)
    reply = await bot.reply_to(tg.command("/privacy", sender=brazilian), method="sendMessage")
    assert "<b>O que é guardado</b>" in reply


async def test_a_language_we_do_not_speak_gets_english(start_bot, tg):
    bot = await start_bot()
    for n, code in enumerate(("it", None), start=3):
        reply = await bot.reply_to(
            tg.command("/help", sender=_speaker(code, n)), method="sendMessage"
        )
        assert "<b>How to use it</b>" in reply


async def test_the_checklist_and_its_buttons_are_in_the_readers_language(start_bot, tg):
    bot = await start_bot()
    sample = resources.files("checks").joinpath("samples", "globalresearch-belgorod.md")
    text = sample.read_text("utf-8")[:3500]
    reply = await bot.reply_to(tg.message(text, sender=_speaker("ru", 5)), wait=60)
    assert "<b>Кто написал</b>" in reply
    assert "Who wrote it" not in reply
    assert "Global Research (globalresearch.ca)" in reply  # names stay as written
    markup = bot.api.requests("editMessageText")[-1]["params"]["reply_markup"]
    labels = [button["text"] for row in markup["inline_keyboard"] for button in row]
    assert labels[:2] == ["Подробнее", "JSON"]


async def test_language_is_chosen_with_buttons_and_remembered_for_the_chat(start_bot, tg):
    bot = await start_bot()
    reader = _speaker("en", 6)
    await bot.reply_to(tg.command("/language", sender=reader), method="sendMessage")
    offer = bot.api.requests("sendMessage")[-1]
    buttons = [b for row in offer["params"]["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["callback_data"] for b in buttons] == [f"lang:{code}" for code in LANGUAGES]
    assert "Українська" in [b["text"] for b in buttons]

    after = _press(bot, "lang:de", reader, offer["result"], "l1")
    edited = (await bot.api.wait_for("editMessageText", after=after, timeout=10))[0]
    assert edited["params"]["text"] == "Ab jetzt antworte ich in diesem Chat auf Deutsch."

    reply = await bot.reply_to(tg.command("/help", sender=reader), method="sendMessage")
    assert "<b>So geht es</b>" in reply  # the chat's choice beats the user's language_code


async def test_in_a_group_only_an_admin_changes_the_language(start_bot, tg):
    bot = await start_bot(checks=[])
    member = _speaker("fr", 7)
    await bot.reply_to(tg.command("/language", sender=member, chat=tg.GROUP), method="sendMessage")
    offer = bot.api.requests("sendMessage")[-1]["result"]

    after = _press(bot, "lang:uk", member, offer, "g1")
    answer = (await bot.api.wait_for("answerCallbackQuery", after=after, timeout=10))[0]
    assert answer["params"]["text"] == "Only the chat's admins can change its language."
    reply = await bot.reply_to(
        tg.command("/help", sender=member, chat=tg.GROUP), method="sendMessage"
    )
    assert "<b>How to use it</b>" in reply  # a group is English until an admin chooses

    bot.api.admins.add((tg.GROUP["id"], member["id"]))
    after = _press(bot, "lang:uk", member, offer, "g2")
    await bot.api.wait_for("editMessageText", after=after, timeout=10)
    reply = await bot.reply_to(
        tg.command("/help", sender=member, chat=tg.GROUP), method="sendMessage"
    )
    assert "<b>Як користуватися</b>" in reply


async def test_the_command_menu_is_described_in_every_language(start_bot):
    bot = await start_bot()
    calls = bot.api.requests("setMyCommands")
    by_language = {c["params"].get("language_code"): c["params"]["commands"] for c in calls}
    assert set(by_language) == {None} | {code for code in LANGUAGES if code != "en"}
    descriptions = {c["command"]: c["description"] for c in by_language["uk"]}
    assert descriptions["language"] == "вибрати мову відповідей"
    assert {c["command"] for c in by_language[None]} == set(descriptions)
