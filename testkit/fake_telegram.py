"""A fake Telegram Bot API on 127.0.0.1 for tests and the deploy smoke test (stdlib asyncio).

It answers the methods the bot uses the way Telegram does, and as strictly: long-polled
getUpdates with offsets that delivers only the `allowed_updates` asked for, 401 for an unknown
token, 429 with retry_after on request, 400 for over-long text (4,096) or captions (1,024), for
HTML Telegram does not parse (`<span>` without class tg-spoiler, `<a>` without href, nested
`<blockquote>`, `<b/>`, named entities other than &lt; &gt; &amp; &quot;), for an edit that
changes neither text nor buttons, for a thread id outside a forum supergroup, and for a button
press or inline query answered twice. Every request is checked against the published Bot API
specification (`bot_api_spec`); what breaks it is answered 400 and kept in `violations`, which
the test fixtures assert empty. Control endpoints drive it over HTTP: POST /_test/updates (an
Update without update_id), GET /_test/requests, POST /_test/fail, POST /_test/reset.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import itertools
import json
import logging
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from testkit import bot_api_spec

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456789:fake-token-for-tests"
BOT_USERNAME = "sourcecheck_test_bot"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
# Updates Telegram sends when allowed_updates is not given (or empty).
DEFAULT_UPDATES = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
     "business_message", "edited_business_message", "deleted_business_messages",
     "inline_query", "chosen_inline_result", "callback_query", "shipping_query",
     "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member",
     "chat_join_request", "chat_boost", "removed_chat_boost"}
)  # fmt: skip
_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})
_CALLBACK_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
# Tags Telegram accepts with parse_mode HTML.
HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
     "code", "pre", "blockquote", "tg-emoji"}
)  # fmt: skip
MAX_BODY = 60 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters


@dataclass
class _Failure:
    error_code: int
    retry_after: int | None
    description: str
    count: int


# A tag, a character reference, or a "<", ">" or "&" that is neither (which Telegram refuses).
_HTML_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>|&(#?[0-9a-zA-Z]+);|[<>&]")
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def _attributes(raw: str) -> dict[str, str]:
    return {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTRIBUTE.finditer(raw)}


def _start_tag_error(tag: str, raw: str, stack: list[str]) -> str:
    values = _attributes(raw)
    if tag not in HTML_TAGS:
        return f'unsupported start tag "{tag}"'
    if tag == "span" and values.get("class") != "tg-spoiler":
        return 'tag "span" must have class "tg-spoiler"'
    if tag == "a" and not values.get("href"):
        return 'tag "a" must have attribute "href"'
    if tag == "blockquote" and "blockquote" in stack:
        return 'tag "blockquote" can\'t be nested'
    return ""


def _reference(name: str) -> str:
    if not name.startswith("#"):
        if name not in _NAMED:
            raise ValueError(f'unsupported HTML entity "&{name};"')
        return _NAMED[name]
    try:
        return chr(int(name[2:], 16) if name[1:2] in "xX" else int(name[1:]))
    except (ValueError, OverflowError):
        raise ValueError(f'invalid character reference "&{name};"') from None


@functools.lru_cache(maxsize=512)  # the same text is checked by the spec and by the method
def check_html(text: str) -> str:
    """The visible text of a Telegram HTML message; ApiError 400 as Telegram would answer."""
    stack: list[str] = []
    visible: list[str] = []
    cursor = 0
    error = ""
    for match in _HTML_TOKEN.finditer(text):
        visible.append(text[cursor : match.start()])
        cursor = match.end()
        closing, tag, raw, reference = match.group(1, 2, 3, 4)
        if tag is None and reference is None:
            error = f'unescaped "{match.group()}"'
        elif reference is not None:
            try:
                visible.append(_reference(reference))
            except ValueError as exc:
                error = str(exc)
        elif raw.rstrip().endswith("/"):
            error = f'unsupported self-closing tag "{tag.lower()}"'
        elif closing:
            if not stack or stack[-1] != tag.lower():
                error = f'unmatched end tag "{tag.lower()}"'
            else:
                stack.pop()
        else:
            error = _start_tag_error(tag.lower(), raw, stack)
            stack.append(tag.lower())
        if error:
            break
    visible.append(text[cursor:])
    if not error and stack:
        error = f'can\'t find end tag corresponding to start tag "{stack[-1]}"'
    if error:
        raise ApiError(400, f"Bad Request: can't parse entities: {error}")
    return "".join(visible)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotAPI:
    """The Bot API for one or more tokens, served on 127.0.0.1."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        extra_tokens: tuple[str, ...] = (),
    ) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the fake Bot API binds to loopback only")
        self.token = token
        self.tokens = {token, *extra_tokens}
        self.host = host
        self.port = port
        self.admins: set[tuple[int, int]] = set()  # (chat_id, user_id) pairs
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        # Users who never opened a private chat with the bot: it cannot write to them first.
        self.strangers: set[int] = set()
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()
        self._changed = asyncio.Condition()
        self.reset()

    # --- state ---------------------------------------------------------------------------

    def reset(self) -> None:
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100_000)
        self._requests: list[dict[str, Any]] = []
        self._failures: dict[str, _Failure] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        # (chat, message) -> (text, reply_markup), for edits
        self._sent: dict[tuple[int, int], tuple[str, Any]] = {}
        self._open_queries: set[str] = set()  # callback and inline queries not yet answered
        self._allowed_updates: frozenset[str] = DEFAULT_UPDATES
        self.violations: list[str] = []  # requests that break the Bot API specification
        self.webhook_url = ""

    @property
    def base_url(self) -> str:
        """What to give ApplicationBuilder().base_url() (or TELEGRAM_API_BASE_URL)."""
        return f"http://{self.host}:{self.port}/bot"

    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def bot_user(self, token: str | None = None) -> dict[str, Any]:
        bot_id = int((token or self.token).partition(":")[0] or 1)
        return {
            "id": bot_id,
            "is_bot": True,
            "first_name": "sourcecheck (test)",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def queue_update(self, update: dict[str, Any]) -> int:
        """Add an Update (update_id assigned unless given); return its update_id."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        self.note_update(update)
        self._updates.append(update)
        self._notify()
        return int(update["update_id"])

    def note_update(self, update: dict[str, Any]) -> None:
        """Learn what Telegram would know from an update: its chats, its open queries."""
        for kind in ("message", "edited_message", "channel_post", "edited_channel_post"):
            self._learn_chat(update.get(kind))
        self._learn_chat((update.get("callback_query") or {}).get("message"))
        self._learn_chat(update.get("my_chat_member"))
        for kind in ("callback_query", "inline_query"):
            if isinstance(update.get(kind), dict):
                self._open_queries.add(str(update[kind]["id"]))

    def _learn_chat(self, holder: Any) -> None:
        if isinstance(holder, dict) and isinstance(holder.get("chat"), dict):
            chat = holder["chat"]
            self._chats[chat["id"]] = chat
            reply = holder.get("reply_to_message")
            if isinstance(reply, dict):
                self._learn_chat(reply)

    def add_file(self, file_id: str, content: bytes, *, file_path: str = "") -> None:
        """A file the bot may fetch with getFile and download from the file URL."""
        self.files[file_id] = (file_path or f"documents/{file_id}", content)

    def file_content(self, token: str, file_path: str) -> bytes | None:
        if token not in self.tokens:
            return None
        return next((c for p, c in self.files.values() if p == file_path), None)

    def fail(
        self, method: str, error_code: int = 429, retry_after: int | None = 1, count: int = 1,
        description: str = "",
    ) -> None:  # fmt: skip
        """The next `count` calls of `method` fail as Telegram fails them."""
        if not description:
            description = (
                f"Too Many Requests: retry after {retry_after}"
                if error_code == 429
                else "Internal Server Error"
            )
        self._failures[method.lower()] = _Failure(error_code, retry_after, description, count)

    def requests(self, method: str | None = None) -> list[dict[str, Any]]:
        """Recorded calls in order: {"method", "token", "params", "time", "status"}."""
        return [r for r in self._requests if method is None or r["method"] == method]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 (a test helper's deadline)
        *,
        after: int = 0,
        count: int = 1,
    ) -> list[dict[str, Any]]:
        """Wait until `count` calls of `method` (after index `after`) match; return them."""

        def matches() -> list[dict[str, Any]]:
            return [
                r
                for r in self._requests[after:]
                if r["method"] == method and (predicate is None or predicate(r))
            ]

        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: len(matches()) >= count), timeout
                )
            except TimeoutError:
                seen = [(r["method"], str(r["params"].get("text", ""))[:80]) for r in matches()]
                raise AssertionError(
                    f"{count} x {method} not seen within {timeout} s; matching so far: {seen}"
                ) from None
        return matches()[:count]

    def _notify(self) -> None:
        async def notify() -> None:
            async with self._changed:
                self._changed.notify_all()

        with contextlib.suppress(RuntimeError):  # no running loop: nobody is waiting
            asyncio.get_running_loop().create_task(notify())

    # --- server --------------------------------------------------------------------------

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        logger.info("fake Bot API listening on %s", self.root_url)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    break
                method, target, headers, body = request
                status, payload = await self._dispatch(method, target, headers, body)
                if isinstance(payload, bytes):
                    data = payload
                else:
                    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                writer.write(
                    f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                    "Content-Type: application/json\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n".encode("latin-1")
                    + data
                )
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            self._connections.discard(task)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _dispatch(
        self, verb: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        parts = urlsplit(target)
        path = parts.path
        if path.startswith("/_test/"):
            return self._control(verb, path, body)
        if path.startswith("/file/bot"):
            token, _, file_path = unquote(path[len("/file/bot") :]).partition("/")
            content = self.file_content(token, file_path)
            if content is None:
                return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            return 200, content
        if not path.startswith("/bot") or path.count("/") != 2:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, _, method = path[len("/bot") :].partition("/")
        params = _params(parts.query, headers.get("content-type", ""), body, method)
        return await self.call(token, method, params)

    async def call(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        """One Bot API call, recorded: (HTTP status, the JSON answer Telegram would give)."""
        record: dict[str, Any] = {
            "method": method,
            "token": token,
            "params": params,
            "time": time.monotonic(),
            "status": 200,
        }
        self._requests.append(record)
        self._notify()  # waiters see a long poll as soon as it starts
        try:
            if token not in self.tokens:
                raise ApiError(401, "Unauthorized")
            self._check_specification(method, params)
            failure = self._failures.get(method.lower())
            if failure is not None and failure.count > 0:
                failure.count -= 1
                extra = {"retry_after": failure.retry_after} if failure.retry_after else {}
                raise ApiError(failure.error_code, failure.description, **extra)
            handler = getattr(self, f"_api_{method.lower()}", None)
            if handler is None:
                raise ApiError(404, "Not Found")
            result = await handler(token, params)
        except ApiError as exc:
            record["status"] = exc.code
            self._notify()
            answer: dict[str, Any] = {
                "ok": False,
                "error_code": exc.code,
                "description": exc.description,
            }
            if exc.parameters:
                answer["parameters"] = exc.parameters
            return exc.code, answer
        record["result"] = result
        self._notify()
        return 200, {"ok": True, "result": result}

    def _check_specification(self, method: str, params: dict[str, Any]) -> None:
        html_mode = str(params.get("parse_mode", "")).upper() == "HTML"
        found = bot_api_spec.violations(
            method, params, visible=_visible_or_raw if html_mode else None
        )
        if found:
            self.violations.extend(found)
            logger.error("a request breaks the Bot API specification: %s", found)
            raise ApiError(400, f"Bad Request: {found[0]}")

    def _control(self, verb: str, path: str, body: bytes) -> tuple[int, Any]:
        data = json.loads(body) if body.strip() else {}
        if path == "/_test/updates" and verb == "POST":
            return 200, {"update_id": self.queue_update(data)}
        if path == "/_test/requests" and verb == "GET":
            return 200, self._requests
        if path == "/_test/fail" and verb == "POST":
            self.fail(
                data["method"],
                int(data.get("error_code", 429)),
                data.get("retry_after", 1),
                int(data.get("count", 1)),
                data.get("description", ""),
            )
            return 200, {"ok": True}
        if path == "/_test/reset" and verb == "POST":
            self.reset()
            return 200, {"ok": True}
        return 404, {"ok": False, "description": "no such control endpoint"}

    # --- Bot API methods ---------------------------------------------------------------

    async def _api_getme(self, token: str, params: dict[str, Any]) -> Any:
        return self.bot_user(token)

    async def _api_logout(self, token: str, params: dict[str, Any]) -> Any:
        return True

    _api_close = _api_logout
    _api_setmycommands = _api_logout
    _api_deletemycommands = _api_logout

    async def _api_getmycommands(self, token: str, params: dict[str, Any]) -> Any:
        for call in reversed(self._requests):
            if call["method"].lower() == "setmycommands" and call["token"] == token:
                return call["params"].get("commands", [])
        return []

    async def _api_deletewebhook(self, token: str, params: dict[str, Any]) -> Any:
        self.webhook_url = ""
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _api_setwebhook(self, token: str, params: dict[str, Any]) -> Any:
        self.webhook_url = str(params.get("url", ""))
        return True

    async def _api_getwebhookinfo(self, token: str, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}  # fmt: skip

    async def _api_getupdates(self, token: str, params: dict[str, Any]) -> Any:
        if self.webhook_url:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        if "allowed_updates" in params:  # Telegram keeps the last list it was given
            given = params["allowed_updates"] or []
            self._allowed_updates = frozenset(given) if given else DEFAULT_UPDATES
        self._updates = [u for u in self._updates if self._allowed(u)]
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if offset:  # confirms every update before it, as Telegram does
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            async with self._changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self._updates)), timeout
                    )
        return self._updates[:limit]

    def _allowed(self, update: dict[str, Any]) -> bool:
        return any(kind in self._allowed_updates for kind in update if kind != "update_id")

    def _chat(self, chat_id: Any) -> dict[str, Any]:
        try:
            ident = int(chat_id)
        except (TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        if ident in self.strangers:
            raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return self._chats.get(ident, {"id": ident, "type": "private" if ident > 0 else "group"})

    def _message(self, token: str, chat: dict[str, Any], **fields: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user(token),
        }
        message.update({k: v for k, v in fields.items() if v is not None})
        return message

    def _text(self, params: dict[str, Any], key: str = "text") -> str:
        text = params.get(key)
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        visible = check_html(text) if str(params.get("parse_mode", "")).upper() == "HTML" else text
        if key == "caption" and _utf16_len(visible) > CAPTION_LIMIT:
            raise ApiError(400, "Bad Request: message caption is too long")
        if _utf16_len(visible) > TEXT_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        return text

    def _thread(self, chat: dict[str, Any], params: dict[str, Any]) -> int | None:
        """Topics exist only in forum supergroups: a thread id elsewhere is refused."""
        thread = params.get("message_thread_id")
        if thread is None:
            return None
        if not chat.get("is_forum"):
            raise ApiError(400, "Bad Request: message thread not found")
        return int(thread)

    async def _api_sendmessage(self, token: str, params: dict[str, Any]) -> Any:
        chat = self._chat(params.get("chat_id"))
        thread = self._thread(chat, params)
        text = self._text(params)
        markup = params.get("reply_markup")
        message = self._message(
            token, chat, text=text, reply_markup=markup, message_thread_id=thread
        )
        if thread is not None:
            message["is_topic_message"] = True
        self._sent[(chat["id"], message["message_id"])] = (text, markup)
        return message

    async def _api_deletemessage(self, token: str, params: dict[str, Any]) -> Any:
        chat = self._chat(params.get("chat_id"))
        if self._sent.pop((chat["id"], int(params["message_id"])), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    def delete(self, chat_id: int, message_id: int) -> None:
        """The user deletes a message the bot sent (so editing it fails)."""
        self._sent.pop((chat_id, message_id), None)

    async def _api_getfile(self, token: str, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": len(content),
                "file_path": path}  # fmt: skip

    async def _api_answerinlinequery(self, token: str, params: dict[str, Any]) -> Any:
        self._close_query(str(params["inline_query_id"]))
        return True

    def _close_query(self, query_id: str) -> None:
        if query_id not in self._open_queries:
            raise ApiError(400, _CALLBACK_TOO_OLD)
        self._open_queries.discard(query_id)

    async def _api_editmessagetext(self, token: str, params: dict[str, Any]) -> Any:
        if params.get("inline_message_id"):
            self._text(params)
            return True
        chat = self._chat(params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        if key not in self._sent:
            raise ApiError(400, "Bad Request: message to edit not found")
        text = self._text(params)
        markup = params.get("reply_markup")
        if self._sent[key] == (text, markup):
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply"
                " markup are exactly the same as a current content and reply markup of the"
                " message",
            )
        self._sent[key] = (text, markup)
        return self._message(token, chat, text=text, reply_markup=markup) | {
            "message_id": key[1],
            "edit_date": int(time.time()),
        }

    async def _api_sendchataction(self, token: str, params: dict[str, Any]) -> Any:
        self._thread(self._chat(params.get("chat_id")), params)
        return True

    async def _api_answercallbackquery(self, token: str, params: dict[str, Any]) -> Any:
        self._close_query(str(params.get("callback_query_id")))
        return True

    async def _api_senddocument(self, token: str, params: dict[str, Any]) -> Any:
        chat = self._chat(params.get("chat_id"))
        self._thread(chat, params)
        document = params.get("document")
        if not isinstance(document, dict):
            raise ApiError(400, "Bad Request: there is no document in the request")
        if "caption" in params:
            self._text(params, "caption")
        file_id = f"fake-file-{next(self._message_ids)}"
        return self._message(
            token,
            chat,
            caption=params.get("caption"),
            document={
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_name": document.get("filename"),
                "mime_type": document.get("content_type"),
                "file_size": document.get("size"),
            },
        )

    async def _api_getchatmember(self, token: str, params: dict[str, Any]) -> Any:
        chat_id = int(params.get("chat_id") or 0)
        user_id = int(params.get("user_id") or 0)
        user = {"id": user_id, "is_bot": False, "first_name": "User"}
        if chat_id == user_id:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if (chat_id, user_id) in self.admins:
            rights = (
                "can_be_edited is_anonymous can_manage_chat can_delete_messages"
                " can_manage_video_chats can_restrict_members can_promote_members"
                " can_change_info can_invite_users can_post_stories can_edit_stories"
                " can_delete_stories"
            ).split()
            return {"status": "administrator", "user": user, **dict.fromkeys(rights, False)}
        return {"status": "member", "user": user}


# --- HTTP plumbing ---------------------------------------------------------------------


async def _read_request(
    reader: asyncio.StreamReader,
) -> tuple[str, str, dict[str, str], bytes] | None:
    line = await reader.readline()
    if not line:
        return None
    verb, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = await reader.readline()
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                await reader.readline()
                break
            body += await reader.readexactly(size)
            await reader.readline()
            if len(body) > MAX_BODY:
                raise ValueError("body too large")
        return verb, target, headers, bytes(body)
    length = int(headers.get("content-length") or 0)
    if length > MAX_BODY:
        raise ValueError("body too large")
    return verb, target, headers, await reader.readexactly(length) if length else b""


def _visible_or_raw(name: str, value: str) -> str:
    try:
        return check_html(value)
    except ApiError:
        return value  # the method itself answers the parse error


def _decode(name: str, value: str, method: str = "") -> Any:
    """A form value as PTB sent it: JSON, except for parameters the specification types String
    only (so an id made of digits stays a string)."""
    if bot_api_spec.parameter_types(method, name) == ("String",):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _params(query: str, content_type: str, body: bytes, method: str = "") -> dict[str, Any]:
    params = {k: _decode(k, v, method) for k, v in parse_qsl(query, keep_blank_values=True)}
    mime, _, options = content_type.partition(";")
    mime = mime.strip().lower()
    if mime == "application/json" and body.strip():
        params.update(json.loads(body))
    elif mime == "application/x-www-form-urlencoded":
        text = body.decode("utf-8")
        params.update(
            {k: _decode(k, v, method) for k, v in parse_qsl(text, keep_blank_values=True)}
        )
    elif mime == "multipart/form-data":
        boundary = ""
        for option in options.split(";"):
            key, _, value = option.strip().partition("=")
            if key.lower() == "boundary":
                boundary = value.strip('"')
        params.update(_multipart(body, boundary, method))
    return params


def _multipart(body: bytes, boundary: str, method: str = "") -> dict[str, Any]:
    """Form fields as values; file fields as {"filename", "content_type", "size", "content"}."""
    fields: dict[str, Any] = {}
    if not boundary:
        return fields
    for part in body.split(b"--" + boundary.encode("latin-1")):
        if not part.strip() or part.strip() == b"--":
            continue
        head, _, content = part.lstrip(b"\r\n").partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        disposition: dict[str, str] = {}
        content_type = ""
        for line in head.decode("utf-8", "replace").split("\r\n"):
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-disposition":
                for item in value.split(";")[1:]:
                    key, _, val = item.strip().partition("=")
                    disposition[key.lower()] = val.strip('"')
            elif name.strip().lower() == "content-type":
                content_type = value.strip()
        field_name = disposition.get("name", "")
        if "filename" in disposition:
            try:
                text: str | None = content.decode("utf-8")
            except UnicodeDecodeError:
                text = None
            fields[field_name] = {
                "filename": disposition["filename"],
                "content_type": content_type,
                "size": len(content),
                "content": text,
            }
        else:
            fields[field_name] = _decode(field_name, content.decode("utf-8"), method)
    return fields


# --- command line ----------------------------------------------------------------------


async def _main(host: str, port: int, tokens: list[str]) -> None:
    api = FakeBotAPI(tokens[0], host=host, port=port, extra_tokens=tuple(tokens[1:]))
    await api.start()
    print(f"fake Bot API listening on {api.root_url} (base URL {api.base_url})", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await api.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m testkit.fake_telegram", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", choices=("127.0.0.1", "localhost", "::1"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", action="append", help="a token it accepts (repeatable)")
    args = parser.parse_args(argv)
    asyncio.run(_main(args.host, args.port, args.token or [DEFAULT_TOKEN]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
