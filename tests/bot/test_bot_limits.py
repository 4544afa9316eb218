"""One person cannot exhaust what everybody shares: notices, button presses, check slots."""

from __future__ import annotations

import asyncio

from bot.core.limits import InProgress, NoticeThrottle, SlidingWindow
from checks.model import Article, Context, Result, Status

ARTICLE = "The council met on Monday and approved the budget, the mayor's office said."


class WordsCheck:
    name = "words"
    title = "Words"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"Counted {len(article.text.split())} words")


async def test_a_flood_gets_one_try_again_notice_then_silence(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()], rate_limit=2)
    replies = [await bot.feed(tg.message(f"{ARTICLE} Number {n}.")) for n in range(30)]

    checked = [r for r in replies if r and r[-1]["method"] == "editMessageText"]
    notices = [r for r in replies if r and "in the last minute" in r[-1]["params"]["text"]]
    assert (len(checked), len(notices)) == (2, 1)
    assert sum(len(r) for r in replies[3:]) == 0  # the other 27 cost no Bot API call at all
    # Someone else still gets their answer and their own notice.
    other = tg.user(8)
    assert (await bot.feed(tg.message(ARTICLE, sender=other)))[-1]["method"] == "editMessageText"


async def test_details_and_json_presses_are_rate_limited(unit_bot, tg):
    bot = await unit_bot(checks=[WordsCheck()])
    calls = await bot.feed(tg.message(ARTICLE))
    data = calls[-1]["params"]["reply_markup"]["inline_keyboard"][0][-1]["callback_data"]
    sent = 0
    for n in range(40):
        press = {"id": str(n), "from": tg.USER, "chat_instance": "1", "data": data,
                 "message": calls[-1]["result"]}  # fmt: skip
        made = await bot.feed({"callback_query": press})
        sent += sum(c["method"] == "sendDocument" for c in made)
        assert [c["method"] for c in made if c["method"] == "answerCallbackQuery"]
    assert sent == 20  # the window's allowance; every press is still answered (quietly)


def test_sliding_window_frees_up_as_time_passes():
    window = SlidingWindow(limit=2, window=60)
    assert [window.take(1, now=t) for t in (0, 1, 2)] == [True, True, False]
    assert window.take(1, now=61) is True
    assert window.take(2, now=2) is True  # per person


def test_notice_throttle_says_it_once_per_window():
    throttle = NoticeThrottle(window=60)
    assert [throttle.due(1, now=t) for t in (0, 10, 59, 61)] == [True, False, False, True]


async def test_one_persons_second_check_waits_for_their_first():
    turns = InProgress()
    order: list[str] = []

    async def check(name: str, seconds: float) -> None:
        async with turns.turn(1):
            order.append(f"{name} starts")
            await asyncio.sleep(seconds)
            order.append(f"{name} ends")

    await asyncio.gather(check("first", 0.05), check("second", 0))
    assert order == ["first starts", "first ends", "second starts", "second ends"]
    assert 1 not in turns  # nothing left behind
