"""A conversation with the bot as a user has it, from a real run against the fake Bot API.

`python -m benchmarks.telegram_transcript > docs/telegram-transcript.md`

The real application (serve(), the installed checks) polls the strict fake Bot API on
127.0.0.1; each step queues what a Telegram client would send and records what the bot
answered. Linked pages come from the test corpus (tests/fixtures/pages), put into the bot's
page cache under their real addresses beforehand, so nothing is fetched from the internet.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from bot.core.settings import from_env
from bot.core.store import Store
from bot.telegram.app import serve
from checks.config import Config
from checks.read.article_cache import ArticleCache
from checks.read.html_page import read_html
from testkit.fake_telegram import BOT_USERNAME, FakeBotAPI

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
TELEGRAM = ROOT / "tests" / "fixtures" / "telegram"
TOKEN = "555555:transcript-only-fake-token"
DANA = {"id": 5123456789, "is_bot": False, "first_name": "Dana", "username": "dana_demo"}
SAM = {"id": 5987654321, "is_bot": False, "first_name": "Sam"}
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Readers' club"}
LINKED = "05-vancouversun-reuters-microsoft-carbon"
INLINE = "15-reuters-sag-awards-parasite"
PASTED = "08-theatlantic-ideas-california-climate"
FILED = "01-oann-reuters-paris-theater-protest"
GROUP_POST = "03-forwarded-tass-text-no-links"
FORWARD = "01-forwarded-atlantic-quote-with-text-links"
SHOWN_LINES = 40  # a long message is cut here in the transcript (the bot sends it whole)
PIECE = 4000  # where a Telegram client splits a long paste, about


class _Markdown(HTMLParser):
    """Telegram HTML -> Markdown, as near as the two allow."""

    MARKS: ClassVar[dict[str, str]] = {"b": "**", "strong": "**", "i": "_", "em": "_", "code": "`"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.MARKS:
            self.out.append(self.MARKS[tag])
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")
            self.out.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.MARKS:
            self.out.append(self.MARKS[tag])
        elif tag == "a" and self.href:
            self.out.append(f"]({self.href.pop()})")

    def handle_data(self, data: str) -> None:
        self.out.append(data.replace("*", "\\*").replace("_", "\\_").replace("[", "\\["))


def markdown(html_text: str) -> str:
    parser = _Markdown()
    parser.feed(html_text)
    parser.close()
    return "".join(parser.out)


def quoted(text: str, *, limit: int = SHOWN_LINES) -> list[str]:
    lines = text.split("\n")
    shown = lines[:limit]
    out = [f"> {line}\\" if line.strip() else ">" for line in shown]
    if len(lines) > limit:
        out.append(f"> _(… {len(lines) - limit} more lines in the same message)_")
    elif out:
        out[-1] = out[-1].removesuffix("\\")
    return out


def keyboard(markup: dict[str, Any] | None) -> str:
    if not markup:
        return ""
    rows = [
        " ".join(f"[{b['text']}]({b['url']})" if "url" in b else f"`[ {b['text']} ]`" for b in row)
        for row in markup.get("inline_keyboard", [])
    ]
    return "\\\n".join(rows)


class Transcript:
    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        self.lines: list[str] = []
        self.ids = iter(range(1000, 100000))

    def say(self, *lines: str) -> None:
        self.lines.extend(lines)

    def message(self, sender: dict[str, Any], chat: dict[str, Any] | None, **fields: Any) -> dict:
        return {
            "message_id": next(self.ids),
            "from": sender,
            "chat": chat or {"id": sender["id"], "type": "private", "first_name": "Dana"},
            "date": int(datetime.now(UTC).timestamp()),
            **fields,
        }

    async def exchange(
        self, update: dict[str, Any], *, done: Callable[[list[dict[str, Any]]], bool]
    ) -> list[dict[str, Any]]:
        """Queue an update; wait until the bot's calls since satisfy `done`; write them."""
        mark = len(self.api.requests())
        self.api.queue_update(update)
        for _ in range(300):
            await asyncio.sleep(0.05)
            calls = [c for c in self.api.requests()[mark:] if c["method"] != "getUpdates"]
            if done(calls):
                break
        await asyncio.sleep(0.3)  # anything that follows the answer (more chunks)
        calls = [c for c in self.api.requests()[mark:] if c["method"] != "getUpdates"]
        self.write_calls(calls)
        return calls

    def write_calls(self, calls: list[dict[str, Any]]) -> None:
        for call in calls:
            params, method = call["params"], call["method"]
            where = self.where(params.get("chat_id"))
            if method == "sendMessage":
                self.say("", f"**sourcecheck**{where}:", "", *quoted(markdown(params["text"])))
                self.buttons(params.get("reply_markup"))
            elif method == "editMessageText":
                self.say("", f"**sourcecheck** edits its message{where} into:", "")
                self.say(*quoted(markdown(params["text"])))
                self.buttons(params.get("reply_markup"))
            elif method == "sendDocument":
                name = params["document"]["filename"]
                size = params["document"]["size"]
                self.say("", f"**sourcecheck** sends a file{where}: `{name}` ({size:,} bytes)")
                self.say("", *quoted(markdown(params.get("caption", ""))))
            elif method == "sendChatAction":
                self.say("", "_(“sourcecheck is typing…”)_")
            elif method == "deleteMessage":
                self.say("", "_(sourcecheck removes its “Checking…”)_")
            elif method == "answerCallbackQuery":
                text = params.get("text") or ""
                if params.get("url"):
                    self.say("", f"_(Telegram opens the private chat with @{BOT_USERNAME})_")
                elif text:
                    self.say("", f"_(a notice pops up: “{text}”)_")
            elif method == "answerInlineQuery":
                self.inline(params)

    def where(self, chat_id: Any) -> str:
        if chat_id == GROUP["id"]:
            return " (in the group)"
        if chat_id == SAM["id"]:
            return " (to Sam, privately)"
        return ""

    def buttons(self, markup: dict[str, Any] | None) -> None:
        shown = keyboard(markup)
        if shown:
            self.say(">", f"> {shown}")

    def inline(self, params: dict[str, Any]) -> None:
        results = params.get("results", [])
        if not results:
            button = params.get("button", {}).get("text", "")
            self.say("", f"_(Telegram shows no result yet, and a button: “{button}”)_")
            return
        result = results[0]
        self.say("", "Telegram offers one result above the keyboard:", "")
        self.say(f"> **{result['title']}**\\", f"> {result.get('description', '')}")
        self.say("", "Dana taps it; the message posted in her chat is:", "")
        self.say(*quoted(markdown(result["input_message_content"]["message_text"])))
        self.buttons(result.get("reply_markup"))


def press(query_id: str, sender: dict[str, Any], message: dict[str, Any], data: str) -> dict:
    """The callback_query update a client sends when `sender` presses a button."""
    query = {"id": query_id, "from": sender, "chat_instance": "1", "message": message}
    return {"callback_query": {**query, "data": data}}


def button_data(markup: dict[str, Any], row: int = 0, column: int = 0) -> str:
    return str(markup["inline_keyboard"][row][column]["callback_data"])


def page_article(slug: str) -> tuple[str, Any]:
    labels = json.loads((PAGES / slug / "labels.json").read_text("utf-8"))
    raw = (PAGES / slug / "source.html").read_bytes()
    return labels["url"], read_html(raw, url=labels["url"])


def preview(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def answered(calls: list[dict[str, Any]]) -> bool:
    """A checklist (or a one-line answer with no "Checking…" before it) has been sent."""
    for call in calls:
        text = str(call["params"].get("text", ""))
        if call["method"] in ("sendMessage", "editMessageText") and text != "Checking…":
            return True
    return False


def called(method: str) -> Callable[[list[dict[str, Any]]], bool]:
    return lambda calls: any(c["method"] == method for c in calls)


async def converse(api: FakeBotAPI, db: Path) -> list[str]:
    settings = from_env(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "SOURCECHECK_DB": str(db),
        },
        poll_timeout=1,
        probe_links=False,
    )
    # The bot seals its cache under a key derived from its store's secret: seed it with that.
    store = Store(settings.db_path, secret=settings.secret, key_file=settings.key_file)
    cache = ArticleCache(settings.db_path, secret=store.cache_secret())
    for slug in (LINKED, INLINE):
        url, article = page_article(slug)
        cache.put(url, article)
    cache.close()
    store.close()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop=stop, config=Config()))
    for _ in range(200):
        await asyncio.sleep(0.05)
        if api.requests("getUpdates"):
            break
    t = Transcript(api)
    try:
        await script(t)
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
    return t.lines


async def script(t: Transcript) -> None:
    t.say("## 1. Dana opens the bot", "", "Dana presses **Start** (`/start`).")
    start = t.message(
        DANA, None, text="/start", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
    )
    calls = await t.exchange({"message": start}, done=called("sendMessage"))
    welcome = calls[0]["result"]
    t.say("", "She presses **Try an example**.")
    example = press("cb-example", DANA, welcome, button_data(welcome["reply_markup"]))
    await t.exchange(example, done=answered)

    t.say("", "## 2. Chit-chat", "", "Dana: “Hello! How does this bot work?”")
    hello = t.message(DANA, None, text="Hello! How does this bot work?")
    await t.exchange({"message": hello}, done=answered)

    forward = json.loads((TELEGRAM / FORWARD / "message.json").read_text("utf-8"))
    forward.update(message_id=next(t.ids), chat=t.message(DANA, None)["chat"], **{"from": DANA})
    channel = forward["forward_origin"]["chat"]["title"]
    said = preview(forward["text"])
    t.say("", "## 3. A forwarded post", "", f"Dana forwards a post from *{channel}*: “{said}”")
    calls = await t.exchange({"message": forward}, done=lambda c: sum(map(answered_edit, c)) > 0)
    answer = next(c for c in calls if c["method"] == "editMessageText")
    await buttons_round(t, answer)

    url, _ = page_article(LINKED)
    t.say("", "## 4. A link", "", f"Dana sends a link: {url}")
    link = t.message(
        DANA, None, text=url, entities=[{"type": "url", "offset": 0, "length": len(url)}]
    )
    await t.exchange({"message": link}, done=lambda c: sum(map(answered_edit, c)) > 0)

    await long_paste(t)
    await edit_round(t)
    await document_round(t)
    await group_round(t)

    url, _ = page_article(INLINE)
    t.say(
        "",
        "## 9. Inline mode, in another chat",
        "",
        f"In a chat with a friend, Dana types `@{BOT_USERNAME} {url}`.",
    )
    query = {"id": "iq-1", "from": DANA, "query": url, "offset": ""}
    await t.exchange({"inline_query": query}, done=called("answerInlineQuery"))


def answered_edit(call: dict[str, Any]) -> bool:
    return call["method"] in ("editMessageText", "sendMessage") and bool(
        call["params"].get("reply_markup")
    )


async def buttons_round(t: Transcript, answer: dict[str, Any]) -> None:
    row = answer["params"]["reply_markup"]["inline_keyboard"][0]
    shown = answer["result"]
    t.say("", "Dana presses **Details**.")
    details = press("cb-details", DANA, shown, row[0]["callback_data"])
    calls = await t.exchange(details, done=called("editMessageText"))
    toggle = next(c for c in calls if c["method"] == "editMessageText")
    t.say("", "And **Summary** to go back.")
    summary = button_data(toggle["params"]["reply_markup"])
    await t.exchange(
        press("cb-summary", DANA, toggle["result"], summary), done=called("editMessageText")
    )
    t.say("", "Then **JSON**.")
    as_json = press("cb-json", DANA, shown, row[1]["callback_data"])
    await t.exchange(as_json, done=called("sendDocument"))


async def long_paste(t: Transcript) -> None:
    _, article = page_article(PASTED)
    text = article.text
    cut = text.rfind("\n", 0, PIECE)
    first, second = text[:cut], text[cut + 1 :]
    t.say(
        "",
        "## 5. A long paste",
        "",
        f"Dana pastes the text of an article ({len(text):,} characters). Her Telegram client"
        f" sends it as two messages: “{preview(first, 80)}”"
        f" and “{preview(second, 80)}”.",
    )
    mark = len(t.api.requests())
    t.api.queue_update({"message": t.message(DANA, None, text=first)})
    t.api.queue_update({"message": t.message(DANA, None, text=second)})
    for _ in range(200):
        await asyncio.sleep(0.05)
        calls = [c for c in t.api.requests()[mark:] if c["method"] != "getUpdates"]
        if any(answered_edit(c) for c in calls):
            break
    await asyncio.sleep(1.5)
    calls = [c for c in t.api.requests()[mark:] if c["method"] != "getUpdates"]
    t.write_calls(calls)


async def edit_round(t: Transcript) -> None:
    text = (
        "The city council said yesterday that the new tram line will open in spring, two years"
        " later than planned, because the tunnel under the river needs more work."
    )
    t.say("", "## 6. An edited message", "", f"Dana pastes: “{text}”")
    sent = t.message(DANA, None, text=text)
    await t.exchange({"message": sent}, done=lambda c: sum(map(answered_edit, c)) > 0)
    wire = "BERLIN (Reuters) - "
    edited = {
        **sent,
        "text": wire + text.replace("yesterday", "on Tuesday"),
        "edit_date": sent["date"] + 60,
    }
    t.say(
        "",
        "She edits it to the wording of the wire report she copied it from: “BERLIN"
        " (Reuters) - The city council said on Tuesday …”.",
    )
    await t.exchange({"edited_message": edited}, done=called("editMessageText"))


async def document_round(t: Transcript) -> None:
    raw = (PAGES / FILED / "source.html").read_bytes()
    t.api.add_file("file-protest", raw)
    t.say(
        "",
        "## 7. A saved page",
        "",
        f"Dana sends a saved page as a file, `protest.html` ({len(raw):,} bytes).",
    )
    doc = {
        "file_id": "file-protest",
        "file_unique_id": "file-protest",
        "file_name": "protest.html",
        "file_size": len(raw),
    }
    await t.exchange(
        {"message": t.message(DANA, None, document=doc)},
        done=lambda c: sum(map(answered_edit, c)) > 0,
    )


async def group_round(t: Transcript) -> None:
    post = json.loads((TELEGRAM / GROUP_POST / "message.json").read_text("utf-8"))
    post.update(message_id=next(t.ids), chat=GROUP, **{"from": DANA})
    channel = post["forward_origin"]["chat"]["title"]
    t.say("", "## 8. In a group", "", f"The bot is added to the group *{GROUP['title']}*.")
    bot_user = t.api.bot_user(TOKEN)
    change = {
        "chat": GROUP,
        "from": DANA,
        "date": post["date"],
        "old_chat_member": {"status": "left", "user": bot_user},
        "new_chat_member": {"status": "member", "user": bot_user},
    }
    await t.exchange({"my_chat_member": change}, done=called("sendMessage"))
    t.say(
        "",
        f"Dana forwards a post from *{channel}* into the group: “{preview(post['text'])}”."
        " The bot says nothing: nobody asked.",
    )
    await t.exchange({"message": post}, done=lambda c: False)
    question = f"@{BOT_USERNAME} is this legit?"
    mention = {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}
    ask = t.message(SAM, GROUP, text=question, reply_to_message=post, entities=[mention])
    t.say("", f"Sam replies to the post: “{question}”")
    calls = await t.exchange({"message": ask}, done=lambda c: sum(map(answered_edit, c)) > 0)
    answer = next(c for c in calls if answered_edit(c))
    t.say("", "Sam presses **Details**: the group's message stays as it is for everyone.")
    details = press(
        "cb-group", SAM, answer["result"], button_data(answer["params"]["reply_markup"])
    )
    await t.exchange(details, done=called("answerCallbackQuery"))
    thanks = t.message(SAM, GROUP, text="thanks!", reply_to_message=answer["result"])
    t.say("", "Sam replies to the bot: “thanks!”")
    await t.exchange({"message": thanks}, done=called("sendMessage"))


HEADER = """\
# sourcecheck on Telegram: a conversation

What a reader sees, step by step. Generated by `python -m benchmarks.telegram_transcript`
from a real run: the bot (`serve()`, with the checks installed: {checks}) polling the fake
Bot API (`testkit/fake_telegram.py`, which checks every request against the published Bot
API specification: {violations}). Linked pages are corpus pages (`tests/fixtures/pages`)
placed in the bot's page cache under their real addresses, so nothing was fetched. Long
messages are cut after {shown} lines here; the bot sends them whole. Buttons are shown as
`[ Details ]`; URL buttons as links.
"""


async def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        async with FakeBotAPI(TOKEN) as api:
            lines = await converse(api, Path(tmp) / "bot.db")
            violations = len(api.violations)
    names = ", ".join(c.name for c in Config().load_checks())
    sys.stdout.write(
        HEADER.format(
            checks=names,
            violations=f"{violations} violations" if violations else "no violation",
            shown=SHOWN_LINES,
        )
    )
    sys.stdout.write("\n" + "\n".join(lines) + "\n")
    fetched = [line for line in lines if "could not reach the site" in line]
    if fetched:
        sys.stderr.write(f"a linked page was not served from the cache: {fetched[0]}\n")
    return 1 if violations or fetched else 0


if __name__ == "__main__":
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    sys.exit(asyncio.run(main()))
