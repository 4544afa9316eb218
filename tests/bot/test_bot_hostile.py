"""One message never takes the bot down: a check that never yields is stopped at its limit,
and everyone else is answered meanwhile."""

from __future__ import annotations

import asyncio
import time

from checks.model import Article, Context, Result, Status


def prose(text: str) -> str:
    """Enough words to be an article rather than chit-chat."""
    return f"{text} The council met on Monday, several local newspapers reported."


class SpinningCheck:
    name = "spins"
    title = "Spins"

    async def run(self, article: Article, ctx: Context) -> Result:
        if "SPIN" in article.text:
            while True:
                pass
        return Result(Status.INFO, "Read it")


async def test_others_are_answered_while_one_message_spins(start_bot, tg):
    bot = await start_bot(checks=[SpinningCheck()], seconds_per_check=3)
    spinner, other = tg.user(1), tg.user(2)
    after = bot.mark()
    bot.send(tg.message(prose("SPIN forever, please."), sender=spinner))
    await bot.api.wait_for(
        "sendMessage", lambda r: r["params"]["chat_id"] == spinner["id"], after=after
    )  # fmt: skip  ("Checking…": the spinning has begun)

    started = time.monotonic()
    help_text = await bot.reply_to(tg.command("/help", sender=other), method="sendMessage")
    assert "sourcecheck" in help_text
    assert time.monotonic() - started < 2

    # A slow answer comes as a new message (Telegram does not notify anyone of an edit).
    stopped = await bot.api.wait_for(
        "sendMessage",
        lambda r: (
            r["params"]["chat_id"] == spinner["id"] and "Could not run" in r["params"]["text"]
        ),
        15,
        after=after,
    )
    assert stopped
    # And the bot still checks messages afterwards.
    reply = await bot.reply_to(tg.message(prose("A calm report."), sender=other))
    assert "Read it" in reply


async def test_one_persons_slow_messages_hold_one_slot_not_all(start_bot, tg):
    bot = await start_bot(checks=[SpinningCheck()], seconds_per_check=1.5, max_concurrent=2)
    greedy, other = tg.user(1), tg.user(2)
    for n in range(3):
        bot.send(tg.message(prose(f"SPIN number {n}."), sender=greedy))
    await asyncio.sleep(0.5)
    started = time.monotonic()
    reply = await bot.reply_to(tg.message(prose("A calm report."), sender=other), wait=10)
    assert "Read it" in reply
    # Three spinning messages from one person would have held both slots for 2.5 s each.
    assert time.monotonic() - started < 2.5
