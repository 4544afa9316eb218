"""Checklist -> Telegram HTML: escaping, marks, evidence, and messages Telegram accepts."""

# Real Cyrillic text and typographic quotes are what these tests are about.

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from telegram import Bot, Update

from bot.telegram.message_input import read_message
from bot.telegram.render import (
    MARKS,
    MAX_MESSAGE,
    MORE_FROM_THE_BOT,
    plain_iso_dates,
    reader_where,
    render_checklist,
    render_json_document,
    split_messages,
    truncate_html,
    utf16_len,
)
from checks import engine
from checks.model import Article, Checklist, Evidence, Origin, Outcome, Result, Status
from checks.read.text import read_markdown
from checks.render.checklist import to_dict
from checks.testing import make_context, sample_text

ALLOWED_TAGS = {"b", "i", "a", "blockquote", "code"}
_ENTITY = re.compile(r"&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)")
FIXTURES = Path(__file__).parents[1] / "fixtures"
SEED = json.loads((FIXTURES / "seed-expected.json").read_text("utf-8"))
HOSTILE_URL = 'https://evil.example/?q="><script>alert(1)</script>&x=1'


class TagChecker(HTMLParser):
    """Records what Telegram's HTML parser would choke on: unknown or unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(chunk: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(chunk)
    checker.close()
    assert checker.problems == [], chunk
    assert checker.stack == [], chunk
    assert _ENTITY.search(chunk) is None, chunk
    return checker


def assert_valid_messages(chunks: list[str], limit: int = MAX_MESSAGE) -> None:
    assert chunks
    for chunk in chunks:
        assert 0 < utf16_len(chunk) <= limit
        parsed(chunk)


def seed_checklist(*, article: Article | None = None, input_label: str = "") -> Checklist:
    """A checklist carrying the sample's expected findings (quotes from seed-expected.json)."""
    disclaimer_quotes = tuple(Evidence(d["quote"], where="text") for d in SEED["disclaimers"])
    outlet = SEED["outlet"]
    outcomes = (
        Outcome(
            "outlet",
            "Outlet",
            Result(
                Status.FAIL,
                "Rated unreliable by open datasets",
                evidence=tuple(
                    Evidence(line, where="open data") for line in outlet["what_open_data_says"]
                ),
                data={"name": outlet["name"], "registered_domain": outlet["registered_domain"]},
            ),
        ),
        Outcome(
            "original_source",
            "Original source",
            Result(
                Status.WARN,
                "Republished from InfoBrics, not linked",
                evidence=tuple(
                    Evidence(q, where="text") for q in SEED["original_source"]["evidence"]
                ),
            ),
        ),
        Outcome(
            "citations",
            "Linked citations",
            Result(
                Status.WARN,
                "4 body links, none with a usable target",
                evidence=tuple(
                    Evidence(anchor, where=f"link {i}", url="#")
                    for i, anchor in enumerate(SEED["citations"]["body_links"], 1)
                ),
            ),
        ),
        Outcome(
            "disclaimers",
            "Disclaimers",
            Result(Status.WARN, "The outlet disclaims responsibility", evidence=disclaimer_quotes),
        ),
        Outcome(
            "dated_claims",
            "Dated claims",
            Result(
                Status.INFO,
                "5 dated expressions",
                evidence=tuple(
                    Evidence(e["text"], where=e["role"])
                    for e in SEED["dated_claims"]["expressions"]
                ),
            ),
        ),
        Outcome("extra", "Plug-in", Result(Status.ERROR, "Could not run: RuntimeError")),
        Outcome("pass", "Corrections", Result(Status.PASS, "Correction policy linked")),
        Outcome("skip", "Forward origin", Result(Status.SKIP, "Not a forwarded message")),
    )
    return Checklist(input_label, article or read_markdown(sample_text()), outcomes)


async def engine_checklist(article: Article, input_label: str = "") -> Checklist:
    checks = engine.load_checks()
    return await engine.run(article, checks, make_context(), input_label=input_label)


def test_statuses_have_their_marks() -> None:
    [message] = render_checklist(seed_checklist())
    lines = message.splitlines()
    expected = {
        "Outlet": "❌",
        "Original source": "⚠️",
        "Disclaimers": "⚠️",
        "Dated claims": "ℹ️",
        "Plug-in": "❓",
        "Corrections": "✅",
        "Forward origin": "➖",
    }
    for title, mark in expected.items():
        assert any(line.startswith(f"{mark} <b>{title}</b>: ") for line in lines), title
    assert "❓ <b>Plug-in</b>: Could not run: RuntimeError" in lines
    assert set(MARKS) == set(Status)


def test_header_names_outlet_and_footer_disclaims_truth() -> None:
    [message] = render_checklist(seed_checklist())
    lines = message.splitlines()
    assert lines[1] == "<b>Outlet:</b> Global Research (globalresearch.ca)"
    assert lines[2] == "<b>Checked:</b> pasted text"
    assert lines[-1] == "<i>sourcecheck judges sourcing, not truth.</i>"


def test_header_for_a_url_and_for_a_forward() -> None:
    url = "https://www.oann.com/protesters-gather/?a=1&b=2"
    [by_url] = render_checklist(seed_checklist(article=Article(text="x", url=url)))
    assert (
        '<b>Checked:</b> <a href="https://www.oann.com/protesters-gather/?a=1&amp;b=2">' in by_url
    )
    forwarded = Article(
        text="x",
        origin=Origin(
            "channel", "Дороги <demo>", "demo_msk_roads", "https://t.me/demo_msk_roads/9"
        ),
    )
    [by_forward] = render_checklist(seed_checklist(article=forwarded))
    assert (
        '<b>Checked:</b> forwarded from channel <a href="https://t.me/demo_msk_roads/9">'
        "Дороги &lt;demo&gt; (@demo_msk_roads)</a>"
    ) in by_forward


def test_evidence_quotes_and_where() -> None:
    [message] = render_checklist(seed_checklist())
    first_disclaimer = " ".join(SEED["disclaimers"][0]["quote"].split())
    assert f"    <i>«{first_disclaimer[:120]}" in message
    assert (
        "    <i>«CRED-1: category conspiracy, credibility score 0.095»</i> [open data]" in message
    )
    # "#" is not a web address: the anchor is quoted but nothing is linked.
    assert "    <i>«intrusion»</i> [link 1]" in message
    assert "<a " not in message


def test_details_show_all_evidence_brief_shows_two() -> None:
    checklist = seed_checklist()
    brief = "\n".join(render_checklist(checklist))
    full = "\n".join(render_checklist(checklist, details=True))
    for anchor in SEED["citations"]["body_links"][:2]:
        assert f"<i>«{anchor}»</i>" in brief
    for anchor in SEED["citations"]["body_links"][2:]:
        assert f"<i>«{anchor}»</i>" not in brief
        assert f"<i>«{anchor}»</i>" in full
    assert "    … and 2 more under <b>Details</b>" in brief
    assert "    … " not in full
    assert full.count("<i>«") > brief.count("<i>«")


def test_hostile_strings_are_escaped() -> None:
    article = Article(text="x", title='<script>alert("t")</script>', url=HOSTILE_URL)
    result = Result(
        Status.WARN,
        'Tom & Jerry said "<b>hi</b>"',
        evidence=(
            Evidence("</i><script>x</script> & more", where="<footer>", url=HOSTILE_URL),
            Evidence("click", where="js", url="javascript:alert(1)"),
            Evidence("data", url="data:text/html,<b>x</b>"),
        ),
    )
    outcomes = (Outcome("evil", "<img src=x onerror=alert(1)>", result),)
    chunks = render_checklist(Checklist(HOSTILE_URL, article, outcomes), details=True)
    text = "\n".join(chunks)
    assert_valid_messages(chunks)
    assert "<script" not in text
    assert "<img" not in text
    assert "Tom &amp; Jerry said &quot;&lt;b&gt;hi&lt;/b&gt;&quot;" in text
    checker = parsed(text)
    assert set(checker.hrefs) == {HOSTILE_URL}  # the href round-trips, quotes and all
    assert "&lt;footer&gt;" in text
    assert "</i><script>x</script> & more" in "".join(checker.text)


def test_long_checklist_splits_into_valid_messages() -> None:
    quote = "Ткань «статьи» & <quote> 🔥 — " * 12
    outcomes = tuple(
        Outcome(
            f"c{i}",
            f"Check {i}",
            Result(
                Status.WARN,
                f"Summary {i}",
                evidence=tuple(
                    Evidence(quote, where=f"link {j}", url=f"https://example.com/{i}/{j}?a=1&b=2")
                    for j in range(8)
                ),
            ),
        )
        for i in range(30)
    )
    checklist = Checklist("", Article(text="x"), outcomes)
    chunks = render_checklist(checklist, details=True)
    assert len(chunks) > 1
    assert_valid_messages(chunks)
    joined = "\n".join(chunks)
    positions = [joined.index(f"<b>Check {i}</b>") for i in range(30)]
    assert positions == sorted(positions)
    assert joined.count("<i>«") == 30 * 8
    assert chunks[-1].endswith("<i>sourcecheck judges sourcing, not truth.</i>")


def test_over_long_line_is_truncated_without_breaking_tags() -> None:
    summary = "Tom & Jerry <b> " * 800
    outcomes = (Outcome("long", "Long", Result(Status.INFO, summary)),)
    chunks = render_checklist(Checklist("", Article(text="x"), outcomes))
    assert_valid_messages(chunks)
    [line] = [line for c in chunks for line in c.splitlines() if "<b>Long</b>" in line]
    assert line.endswith("…")
    assert utf16_len(line) <= MAX_MESSAGE


@pytest.mark.parametrize("limit", [40, 57, 61, 90, 200])
def test_small_limits_still_give_valid_messages(limit: int) -> None:
    evidence = (Evidence("word & word " * 20, where="the link", url="https://example.com/?a&b"),)
    outcomes = (Outcome("x", "X & Y", Result(Status.WARN, "Summary & more", evidence=evidence)),)
    chunks = render_checklist(
        Checklist("", Article(text="x"), outcomes), details=True, limit=limit
    )
    assert_valid_messages(chunks, limit)


def test_truncate_html_closes_open_tags() -> None:
    line = '<b>Title</b>: <i>«a &amp; b c d e f»</i> [<a href="https://x.example/">where</a>]'
    cut = truncate_html(line, 30)
    assert utf16_len(cut) <= 30
    assert cut.endswith("…</i>")
    parsed(cut)


def test_split_messages_breaks_only_between_lines() -> None:
    lines = [f"<b>line {i}</b> " + "x" * 50 for i in range(10)]
    chunks = split_messages(lines, limit=200)
    assert [line for chunk in chunks for line in chunk.splitlines()] == lines
    assert all(utf16_len(chunk) <= 200 for chunk in chunks)


async def test_real_engine_on_the_sample() -> None:
    checklist = await engine_checklist(read_markdown(sample_text()), "globalresearch-belgorod.md")
    for details in (False, True):
        chunks = render_checklist(checklist, details=details)
        assert_valid_messages(chunks)
        joined = "\n".join(chunks)
        for outcome in checklist.outcomes:
            mark = MARKS[outcome.result.status]
            assert f"{mark} <b>{outcome.title}</b>: " in joined


async def test_real_engine_on_a_forwarded_telegram_post() -> None:
    folder = FIXTURES / "telegram" / "03-forwarded-tass-text-no-links"
    data = json.loads((folder / "message.json").read_text("utf-8"))
    update = Update.de_json({"update_id": 1, "message": data}, Bot("123:abc"))
    assert update is not None
    assert update.message is not None
    received = datetime(2020, 6, 30, 6, 15, tzinfo=UTC)
    article = read_message(update.message, received=received).article
    assert article is not None
    chunks = render_checklist(await engine_checklist(article))
    assert_valid_messages(chunks)
    assert (
        '<b>Checked:</b> forwarded from channel <a href="https://t.me/demo_msk_roads/918">'
        "Дороги Подмосковья (demo) (@demo_msk_roads)</a>"
    ) in chunks[0]
    assert "<i>Движение по ЦКАД-5 открывается от Можайского до Новорижского шоссе</i>" in chunks[0]


def test_json_document_is_the_full_checklist_in_utf8() -> None:
    checklist = seed_checklist(article=Article(text="x", title="Движение по ЦКАД-5"))
    document = render_json_document(checklist)
    assert json.loads(document.decode("utf-8")) == json.loads(json.dumps(to_dict(checklist)))
    assert "Движение по ЦКАД-5".encode() in document
    assert document.startswith(b'{\n  "schema"')


@pytest.mark.parametrize(
    ("where", "plain"),
    [
        ("dated: Last week → 2020-W33", "dated “Last week”: the week of 10 August 2020"),
        ("dated: throughout the summer → 2020-SU", "dated “throughout the summer”: summer 2020"),
        ("dated: on Thursday → 2020-01-16", "dated “on Thursday”: 16 January 2020"),
        ("dated: abends → 2024-11-19TEV", "dated “abends”: 19 November 2024, evening"),
        ("dated: 2016 → 2016", "dated 2016"),
        ("dated: in the 1990s → 199", "dated “in the 1990s”: the 1990s"),
        ("dated: right now → PRESENT_REF", "dated “right now”: now"),
        ("dated: someday → XXXX-XX", "dated “someday”"),
        ("link 3, unknown outlet (ap.org)", "link 3, ap.org, not in the outlet datasets"),
        ("footer", "footer"),
    ],
)  # fmt: skip
def test_where_evidence_is_told_in_a_readers_words(where, plain):
    assert reader_where(where) == plain


def test_summaries_say_dates_in_words_but_leave_addresses_alone():
    assert plain_iso_dates("Published 2020-01-18 (about 6 years ago)") == (
        "Published 18 January 2020 (about 6 years ago)"
    )
    assert plain_iso_dates("see https://x.example/2020-01-18-story") == (
        "see https://x.example/2020-01-18-story"
    )


def test_evidence_left_out_says_where_to_find_it():
    brief = "\n".join(render_checklist(seed_checklist()))
    inline = "\n".join(render_checklist(seed_checklist(), more=MORE_FROM_THE_BOT))
    assert "more under <b>Details</b>" in brief
    assert "more when you send the link to the bot" in inline
    assert "Details" not in inline  # an inline message has no Details button


def test_an_unidentified_outlet_is_said_once():
    checklist = seed_checklist(article=Article(text="Plain words."))
    checklist = replace(checklist, outcomes=())
    first = render_checklist(checklist)[0]
    assert "<b>Outlet:</b>" not in first
