"""The author, sources and lateral lines in the bot's Telegram HTML reply."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from bot.telegram.render import render_checklist
from checks import engine
from checks.read.text import read_markdown
from checks.testing import make_context

SEED = Path(__file__).parents[2] / "checks" / "samples" / "globalresearch-belgorod.md"


def _reply() -> str:
    article = read_markdown(SEED.read_text("utf-8"))
    checklist = asyncio.run(engine.run(article, engine.load_checks(), make_context()))
    return "\n".join(render_checklist(checklist))


def test_the_seed_reply_has_the_three_new_lines_in_reading_order():
    reply = _reply()
    titles = re.findall(r"^\S+ <b>([^<]+)</b>: ", reply, re.M)
    assert titles == [
        "Outlet",
        "Who wrote it",
        "Original source",
        "Who is quoted",
        "Linked citations",
        "Disclaimers",
        "Dates",
        "Where else to look",
    ]
    assert "ℹ️ <b>Who wrote it</b>: A named author: Lucas Leiroz de Almeida" in reply


def test_the_sources_line_quotes_an_unsourced_claim_first_escaped():
    reply = _reply()
    quoted = reply.split("<b>Who is quoted</b>", 1)[1].split("\n\n", 1)[0]
    assert "(Andrey Yusov, Matthew Miller)" in quoted
    assert "[no source given]" in quoted
    assert "participation by NATO agents" in quoted


def test_the_lateral_links_are_links_in_the_reply():
    reply = _reply()
    lateral = reply.split("<b>Where else to look</b>", 1)[1]
    assert '<a href="https://news.google.com/search?q=Belgorod+Attack+Helps+Kiev' in lateral
    assert '<a href="https://toolbox.google.com/factcheck/explorer/search/Belgorod' in lateral
