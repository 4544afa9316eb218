"""The bot under test: a fake Bot API on 127.0.0.1, the real application, loopback pages."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.core.settings import Settings, from_env
from bot.telegram.app import build_application, serve
from checks.config import Config
from checks.model import Check
from testkit.fake_telegram import BOT_USERNAME, FakeBotAPI, _decode

TOKEN = "111111:test-only-fake-token-conftest"
FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = FIXTURES / "pages"
TELEGRAM = FIXTURES / "telegram"
USER = {"id": 5123456789, "is_bot": False, "first_name": "Dana", "username": "dana_demo"}
GROUP = {"id": -1001234567890, "type": "supergroup", "title": "Readers' club (demo)"}
_message_ids = itertools.count(1)


# --- updates -------------------------------------------------------------------------------


def user(n: int) -> dict[str, Any]:
    return {"id": 7_000_000 + n, "is_bot": False, "first_name": f"Reader {n}"}


def private_chat(sender: dict[str, Any]) -> dict[str, Any]:
    return {"id": sender["id"], "type": "private", "first_name": sender["first_name"]}


def message(
    text: str | None = None,
    *,
    sender: dict[str, Any] = USER,
    chat: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A Message dict from `sender` (in their private chat unless `chat` is given)."""
    data: dict[str, Any] = {
        "message_id": next(_message_ids),
        "from": sender,
        "chat": chat or private_chat(sender),
        "date": 1_790_000_000,
    }
    if text is not None:
        data["text"] = text
    if entities:
        data["entities"] = entities
    data.update(fields)
    return data


def command(text: str, **fields: Any) -> dict[str, Any]:
    """A message starting with a /command, with its bot_command entity."""
    name = text.split()[0]
    return message(
        text, entities=[{"type": "bot_command", "offset": 0, "length": len(name)}], **fields
    )


def link(url: str, **fields: Any) -> dict[str, Any]:
    """A message that is one link, with the "url" entity Telegram adds."""
    return message(url, entities=[{"type": "url", "offset": 0, "length": len(url)}], **fields)


def mention(text: str = "", **fields: Any) -> dict[str, Any]:
    handle = f"@{BOT_USERNAME}"
    body = f"{handle} {text}".strip()
    return message(
        body, entities=[{"type": "mention", "offset": 0, "length": len(handle)}], **fields
    )


def fixture_message(slug: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TELEGRAM / slug / "message.json").read_text("utf-8"))
    return data


def with_url(data: dict[str, Any], url: str) -> dict[str, Any]:
    """The message with its one "url" entity pointing at `url` instead (offsets in UTF-16)."""
    target = next(e for e in data["entities"] if e["type"] == "url")
    start, end = target["offset"], target["offset"] + target["length"]
    units = data["text"].encode("utf-16-le")
    text = (units[: start * 2] + url.encode("utf-16-le") + units[end * 2 :]).decode("utf-16-le")
    shift = len(url) - target["length"]  # an ASCII URL: one UTF-16 unit per character
    entities = []
    for entity in data["entities"]:
        entity = dict(entity)
        if entity is not target and entity["offset"] >= end:
            entity["offset"] += shift
        entities.append(entity)
    entities = [
        {**e, "length": len(url)} if e["type"] == "url" and e["offset"] == start else e
        for e in entities
    ]
    return {**data, "text": text, "entities": entities}


class Updates:
    """The update builders above, for test modules (which cannot import this conftest)."""

    TOKEN = TOKEN
    USER = USER
    GROUP = GROUP
    BOT_USERNAME = BOT_USERNAME
    user = staticmethod(user)
    private_chat = staticmethod(private_chat)
    message = staticmethod(message)
    command = staticmethod(command)
    mention = staticmethod(mention)
    link = staticmethod(link)
    fixture_message = staticmethod(fixture_message)
    with_url = staticmethod(with_url)


@pytest.fixture
def tg() -> type[Updates]:
    return Updates


# --- the fake Bot API and the bot --------------------------------------------------------


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotAPI]:
    async with FakeBotAPI(TOKEN) as api:
        yield api
    # A request that breaks the Bot API specification fails the test that made it.
    assert api.violations == []


@dataclass
class RunningBot:
    api: FakeBotAPI
    settings: Settings
    stop: asyncio.Event
    task: asyncio.Task[None]

    def send(self, message_dict: dict[str, Any]) -> int:
        return self.api.queue_update({"message": message_dict})

    def mark(self) -> int:
        return len(self.api.requests())

    async def reply_to(
        self, message_dict: dict[str, Any], *, method: str = "editMessageText", wait: float = 15
    ) -> str:
        """Send a message; the text of the first `method` call to its chat after it."""
        after = self.mark()
        chat_id = message_dict["chat"]["id"]
        self.send(message_dict)
        calls = await self.api.wait_for(
            method,
            lambda r: r["params"].get("chat_id") == chat_id and r["status"] == 200,
            wait,
            after=after,
        )
        return str(calls[0]["params"]["text"])


@pytest.fixture
async def start_bot(
    fake_api: FakeBotAPI, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable[RunningBot]]]:
    """Start the real application through serve() (what `sourcecheck bot` runs)."""
    running: list[RunningBot] = []

    async def start(
        *,
        checks: list[Check] | None = None,
        environ: dict[str, str] | None = None,
        **overrides: Any,
    ) -> RunningBot:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": fake_api.base_url,
            "SOURCECHECK_DB": str(tmp_path / "bot.db"),
            **(environ or {}),
        }
        overrides.setdefault("poll_timeout", 2)
        # Articles in these tests cite real sites: the checks must not probe them. The probing
        # test turns it on with links to the loopback page server only.
        overrides.setdefault("probe_links", False)
        settings = from_env(env, **overrides)
        stop = asyncio.Event()
        after = len(fake_api.requests())
        task = asyncio.create_task(serve(settings, stop=stop, checks=checks, config=Config()))
        ready = "setWebhook" if settings.webhook_url else "getUpdates"
        polling = asyncio.create_task(fake_api.wait_for(ready, after=after, timeout=15))
        done, _ = await asyncio.wait({task, polling}, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            polling.cancel()
            task.result()  # raises what went wrong
            raise AssertionError("the bot stopped before polling")
        polling.result()
        bot = RunningBot(fake_api, settings, stop, task)
        running.append(bot)
        return bot

    yield start
    for bot in running:
        bot.stop.set()
    for bot in running:
        await asyncio.wait_for(bot.task, 15)


# --- an in-process request for unit tests (Application.process_update) ---------------------


class FakeRequest(BaseRequest):
    """PTB's request interface answered by a FakeBotAPI without HTTP, as PTB's tests do."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            token, _, file_path = unquote(url.partition("/file/bot")[2]).partition("/")
            content = self.api.file_content(token, file_path)
            return (200, content) if content is not None else (404, b"Not Found")
        token, _, name = url.rpartition("/bot")[2].partition("/")
        params: dict[str, Any] = {}
        if request_data is not None:
            params = {k: _decode(k, v, name) for k, v in request_data.json_parameters.items()}
            for field, (filename, content, mime) in request_data.multipart_data.items():
                body = content if isinstance(content, bytes) else content.read()
                params[field] = {
                    "filename": filename,
                    "content_type": mime,
                    "size": len(body),
                    "content": body.decode("utf-8"),
                }
        status, payload = await self.api.call(token, name, params)
        return status, json.dumps(payload).encode("utf-8")


# --- article pages on a loopback HTTP server --------------------------------------------


class _PageHandler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.server.paths.append(self.path)  # type: ignore[attr-defined]
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts[0] == "pages" and len(parts) == 2 and (PAGES / parts[1]).is_dir():
            self._reply(200, (PAGES / parts[1] / "source.html").read_bytes(), "text/html")
        elif parts[0] == "report.pdf":
            self._reply(200, b"%PDF-1.4 not an article", "application/pdf")
        else:
            self._reply(404, b"<html><body>not here</body></html>", "text/html")

    def _reply(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


@dataclass
class PageServer:
    host: str
    port: int
    paths: list[str]

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}/{path.lstrip('/')}"

    @property
    def allow(self) -> tuple[tuple[str, int], ...]:
        return ((self.host, self.port),)


@pytest.fixture(scope="session")
def page_server() -> Iterator[PageServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
    server.paths = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield PageServer("127.0.0.1", server.server_address[1], server.paths)  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class UnitBot:
    app: Application  # type: ignore[type-arg]
    api: FakeBotAPI

    async def feed(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        """Process one update (a Message dict or an Update dict); the Bot API calls it made."""
        if "message_id" in update:
            update = {"message": update}
        update = {"update_id": next(_message_ids), **update}
        self.api.note_update(update)
        after = len(self.api.requests())
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return self.api.requests()[after:]


@pytest.fixture
async def unit_bot(tmp_path: Path) -> AsyncIterator[Callable[..., Awaitable[UnitBot]]]:
    """The application fed updates directly, its Bot API answered in process (no HTTP)."""
    apps: list[Application] = []  # type: ignore[type-arg]
    apis: list[FakeBotAPI] = []

    async def build(*, checks: list[Check] | None = None, **overrides: Any) -> UnitBot:
        api = FakeBotAPI(TOKEN)
        apis.append(api)
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SOURCECHECK_DB": str(tmp_path / "unit.db")}
        app = build_application(
            from_env(env, **overrides), checks=checks, config=Config(), request=FakeRequest(api)
        )
        await app.initialize()
        apps.append(app)
        return UnitBot(app, api)

    yield build
    for app in apps:
        await app.shutdown()
        await app.bot_data["service"].aclose()
    for api in apis:
        assert api.violations == []
