"""The Matrix bot checks in the shared worker pool: a check that never yields is stopped at its
limit, shows as "could not run", and the sync loop keeps running meanwhile."""

from __future__ import annotations

import asyncio
import time

from nio import MatrixRoom

from bot.matrix.client import build_bot
from bot.matrix.events import RoomMessage
from bot.matrix.settings import MatrixSettings
from checks.config import Config
from checks.model import Article, Context, Result, Status


class SpinningCheck:
    name = "spins"
    title = "Spins"

    async def run(self, article: Article, ctx: Context) -> Result:
        if "SPIN" in article.text:
            while True:
                pass
        return Result(Status.INFO, "Read it")


def _message(text: str) -> RoomMessage:
    return RoomMessage("$e1", "@alice:localhost", text, (), None, False, None, "")


async def test_a_spinning_check_is_stopped_while_the_loop_keeps_ticking(tmp_path):
    settings = MatrixSettings(
        homeserver="http://127.0.0.1:9",  # never contacted: nothing here syncs
        user_id="@sourcecheck:localhost",
        access_token="not-used",
        db_path=tmp_path / "bot.db",
        seconds_per_check=1.0,
        probe_links=False,
    )
    bot = build_bot(settings, checks=[SpinningCheck()], config=Config())
    room = MatrixRoom("!room:localhost", settings.user_id)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1

    ticker = asyncio.create_task(tick())
    try:
        started = time.monotonic()
        checklist = await bot._checklist(_message("Please SPIN forever."), room, bot.checks)
        elapsed = time.monotonic() - started
        calm = await bot._checklist(_message("A calm report."), room, bot.checks)
    finally:
        ticker.cancel()
        await bot.aclose()

    (spun,) = checklist.outcomes
    assert spun.result.status is Status.ERROR
    assert spun.result.summary.startswith("Could not run")
    assert elapsed < 8
    # The loop was free the whole time: about one tick per 50 ms, not none.
    assert ticks >= elapsed / 0.05 * 0.5
    assert calm.outcomes[0].result.summary == "Read it"
