"""The Matrix bot: logs in, follows its rooms, and answers with the same checklist as on Telegram.

Etiquette: in a direct room (the bot and one person) every article is checked; in a group room
only a mention, a `!command`, or a reply to the bot. "Checking…" comes first as an `m.notice`
replying to the message, then the checklist replaces it (`m.replace`). `!details` and `!json`
as a reply to an answer (or a 🔍 reaction) re-open the sealed result: the key is derived from
the original message, which the answer points to, so nothing that opens it is stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    InviteMemberEvent,
    MatrixRoom,
    ReactionEvent,
    RoomGetEventResponse,
    RoomGetStateEventResponse,
    RoomMessageText,
    RoomSendResponse,
    SyncResponse,
    UploadResponse,
    WhoamiResponse,
)

from bot.core import texts as shared_texts
from bot.core.analysis import Analyst, build_analyst
from bot.core.limits import NoticeThrottle
from bot.core.rich_checklist import indented, json_document
from bot.core.store import ResultHandle, Store
from bot.matrix import texts
from bot.matrix.events import RoomMessage, article_of, looks_like_article, read_event, single_url
from bot.matrix.render import Rich, render_checklist, rich
from bot.matrix.settings import MatrixSettings
from bot.matrix.state import MatrixState
from checks.config import Config, checks_for_chat, load_config
from checks.i18n import DEFAULT, LANGUAGES, say, warm
from checks.model import Check, Checklist, Context
from checks.outlets.table import default_table
from checks.read.article_cache import ArticleCache
from checks.read.fetch import Fetcher, FetchError
from checks.warm import warm as warm_checks

logger = logging.getLogger(__name__)

HTML = "org.matrix.custom.html"
DETAILS_REACTIONS = frozenset({"🔍", "🔎", "ℹ️", "\u2139"})
ADMIN_LEVEL = 50  # the power level Matrix clients call "Moderator"
CREATOR_LEVEL = 150  # above any level the power-levels event can grant


@dataclass
class MatrixBot:
    settings: MatrixSettings
    checks: list[Check]
    config: Config
    store: Store
    state: MatrixState
    fetcher: Fetcher
    cache: ArticleCache
    outlets: object = None
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    client: AsyncClient = field(init=False)
    _busy: set[str] = field(default_factory=set)  # users with a check in progress
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _semaphore: asyncio.Semaphore = field(init=False)
    _display_name: str = ""
    analyst: Analyst = field(init=False)
    notices: NoticeThrottle = field(init=False)

    def __post_init__(self) -> None:
        self._semaphore = asyncio.Semaphore(self.settings.max_concurrent)
        # Reading and checks run in killable worker processes, as for Telegram: a hostile
        # page cannot stall the sync loop and everybody else's rooms.
        self.analyst = build_analyst(
            self.settings, self.checks, self.config, self.outlets,  # type: ignore[arg-type]
            self.fetcher, self.cache,
        )  # fmt: skip
        self.notices = NoticeThrottle(self.settings.rate_window)
        config = AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False)
        self.client = AsyncClient(
            self.settings.homeserver,
            self.settings.user_id,
            device_id=self.state.get("device_id") or "",
            store_path=None,
            config=config,
        )

    # --- life cycle ------------------------------------------------------------------------

    async def login(self) -> None:
        settings = self.settings
        if settings.access_token:
            self.client.access_token = settings.access_token
            who = await self.client.whoami()
            if not isinstance(who, WhoamiResponse):
                raise PermissionError(f"the homeserver refused the access token: {who}")
            if who.user_id != settings.user_id:
                raise PermissionError(
                    f"the access token belongs to {who.user_id}, not {settings.user_id}"
                )
            self.client.restore_login(who.user_id, who.device_id or "", settings.access_token)
        else:
            response = await self.client.login(
                settings.password or "", device_name=settings.device_name
            )
            if not getattr(response, "access_token", None):
                raise PermissionError(f"the homeserver refused the password: {response}")
        if self.client.device_id:
            self.state.set("device_id", self.client.device_id)
        profile = await self.client.get_displayname(settings.user_id)
        self._display_name = getattr(profile, "displayname", "") or ""

    async def warm_checks(self) -> None:
        """Every article language's patterns loaded before the workers fork from this process."""
        try:
            ctx = Context(now=self.now(), outlets=self.outlets)  # type: ignore[arg-type]
            await warm_checks(self.checks, self.config.context(ctx))
        except Exception:
            logger.warning("could not warm up the checks", exc_info=True)

    async def run(self, stop: asyncio.Event) -> None:
        """Sync until `stop` is set; what happened before the first start is not answered."""
        warm()  # every reply language loaded now, not on some reader's first reply
        await self.warm_checks()
        await self.login()
        since = self.state.get("sync_token")
        if since is None:
            first = await self.client.sync(timeout=0, full_state=True)
            if isinstance(first, SyncResponse):
                since = first.next_batch
                self.state.set("sync_token", since)
        for room_id, room in list(self.client.invited_rooms.items()):
            await self._consider_invite(room_id, room, None)
        self.client.add_event_callback(self._on_message, RoomMessageText)
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self.client.add_event_callback(self._on_reaction, ReactionEvent)
        beat = asyncio.create_task(self._heartbeat())
        logger.info(
            "sourcecheck Matrix bot %s running, checks: %s",
            self.settings.user_id,
            ", ".join(c.name for c in self.checks),
        )
        try:
            while not stop.is_set():
                sync = asyncio.create_task(
                    self.client.sync(timeout=self.settings.sync_timeout_ms, since=since)
                )
                stopper = asyncio.create_task(stop.wait())
                done, _ = await asyncio.wait({sync, stopper}, return_when=asyncio.FIRST_COMPLETED)
                stopper.cancel()
                if sync not in done:
                    sync.cancel()
                    with contextlib.suppress(asyncio.CancelledError, Exception):
                        await sync
                    break
                response = sync.result()
                if isinstance(response, SyncResponse):
                    since = response.next_batch
                    self.state.set("sync_token", since)
                else:
                    logger.warning("sync failed: %s", getattr(response, "message", response))
                    await asyncio.sleep(2)
        finally:
            beat.cancel()
            for task in list(self._tasks):
                task.cancel()
            await self.aclose()

    async def aclose(self) -> None:
        await self.client.close()
        await self.analyst.aclose()
        await self.fetcher.aclose()
        self.cache.close()
        self.store.close()

    async def _heartbeat(self) -> None:
        while True:
            try:
                self.store.beat()
                self.store.purge(window=24 * 3600.0)
            except Exception:
                logger.exception("could not write the heartbeat")
            await asyncio.sleep(self.settings.heartbeat_interval)

    def _spawn(self, job: Any) -> None:
        task = asyncio.create_task(job)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("handling an event failed", exc_info=task.exception())

    # --- invites ---------------------------------------------------------------------------

    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        if event.state_key == self.settings.user_id and event.membership == "invite":
            self._spawn(self._consider_invite(room.room_id, room, event.sender))

    async def _consider_invite(self, room_id: str, room: MatrixRoom, sender: str | None) -> None:
        inviter = sender or getattr(room, "inviter", None) or ""
        if not self.settings.may_invite(inviter):
            logger.info("declined an invite from a server or user not allowed")
            await self.client.room_leave(room_id)
            return
        await self.client.join(room_id)
        if getattr(room, "encrypted", False) or await self._is_encrypted(room_id):
            await self._notice(room_id, texts.ENCRYPTED)
            await self.client.room_leave(room_id)
            return
        await self._notice(room_id, texts.WELCOME)

    async def _is_encrypted(self, room_id: str) -> bool:
        state = await self.client.room_get_state_event(room_id, "m.room.encryption")
        return isinstance(state, RoomGetStateEventResponse) and bool(
            state.content.get("algorithm")
        )

    # --- messages --------------------------------------------------------------------------

    async def _on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender == self.settings.user_id:
            return
        content = event.source.get("content", {})
        if (content.get("m.relates_to") or {}).get("rel_type") == "m.replace":
            return  # edits are not re-checked yet
        message = read_event(
            content,
            event_id=event.event_id,
            sender=event.sender,
            bot_user_id=self.settings.user_id,
            bot_name=self._display_name,
        )
        self._spawn(self._handle(room, message))

    async def _handle(self, room: MatrixRoom, message: RoomMessage) -> None:
        direct = room.member_count <= 2
        replied, replied_sender = None, ""
        if message.reply_to:
            replied, replied_sender = await self._fetch(room.room_id, message.reply_to)
        to_bot = replied_sender == self.settings.user_id
        if message.command and message.command != "check":
            await self._command(room, message)
            return
        if not (direct or message.mentions_bot or to_bot or message.command):
            return  # a group conversation the bot was not asked into
        if to_bot and not message.command and not looks_like_article(message.text, message.links):
            return  # "thanks!" to the bot is not an article
        target = self._target(message, None if to_bot else replied)
        if target is None:
            lang = self._language(room.room_id)
            hint = texts.t("check_hint" if message.command else "not_an_article", lang)
            await self._notice(room.room_id, hint, reply_to=message.event_id)
            return
        await self._answer(room, target, requester=message.sender, reply_to=message.event_id)

    @staticmethod
    def _target(message: RoomMessage, replied: RoomMessage | None) -> RoomMessage | None:
        """What a message asks to check: itself, its link, or the post it replies to."""
        if message.command == "check":
            argument = message.argument
            if single_url(argument) or looks_like_article(argument, message.links):
                return RoomMessage(
                    message.event_id, message.sender, argument, message.links,
                    None, False, None, "",
                )  # fmt: skip
            return replied
        if looks_like_article(message.text, message.links):
            return message
        return replied  # "@bot is this legit?" under a post: the post

    def _language(self, room_id: str) -> str:
        """The room's reply language, chosen with !language; English until then."""
        chosen = self.store.chat_language(room_id)  # type: ignore[arg-type]
        return chosen if chosen in LANGUAGES else DEFAULT

    async def _command(self, room: MatrixRoom, message: RoomMessage) -> None:
        room_id, command = room.room_id, message.command
        lang = self._language(room_id)
        if command == "help":
            await self._notice(room_id, texts.t("help", lang), reply_to=message.event_id)
        elif command == "about":
            await self._notice(room_id, shared_texts.about(lang), reply_to=message.event_id)
        elif command == "privacy":
            await self._notice(room_id, texts.t("privacy", lang), reply_to=message.event_id)
        elif command == "forget":
            count = self.store.forget(message.sender)  # type: ignore[arg-type]
            await self._notice(room_id, texts.forgotten(count, lang), message.event_id)
        elif command == "checks":
            await self._checks_command(room, message)
        elif command == "language":
            await self._language_command(room, message)
        elif command in ("details", "json"):
            await self._reopen(room, message, detail=command == "details")

    async def _language_command(self, room: MatrixRoom, message: RoomMessage) -> None:
        """!language CODE (room moderators, like !checks off); !language alone lists them."""
        lang = self._language(room.room_id)
        code = message.argument.strip().lower()
        if code not in LANGUAGES:
            await self._notice(room.room_id, texts.language_usage(lang), message.event_id)
            return
        if room.member_count > 2 and await self._level(room, message.sender) < ADMIN_LEVEL:
            await self._notice(room.room_id, texts.t("language_not_admin", lang), message.event_id)
            return
        self.store.set_chat_language(room.room_id, code)  # type: ignore[arg-type]
        await self._notice(room.room_id, texts.t("language_set", code), message.event_id)

    async def _checks_command(self, room: MatrixRoom, message: RoomMessage) -> None:
        words = message.argument.split()
        lang = self._language(room.room_id)
        disabled = self.store.disabled_checks(room.room_id)  # type: ignore[arg-type]
        if len(words) == 2 and words[0] in ("on", "off"):
            if await self._level(room, message.sender) < ADMIN_LEVEL:
                await self._notice(
                    room.room_id, texts.t("not_admin", lang), reply_to=message.event_id
                )
                return
            names = {c.name for c in self.checks}
            if words[1] not in names:
                await self._notice(
                    room.room_id,
                    texts.unknown_check(words[1], sorted(names), lang),
                    message.event_id,
                )
                return
            disabled = self.store.set_check_enabled(
                room.room_id,  # type: ignore[arg-type]
                words[1],
                words[0] == "on",
            )
        rows = [(c.name, _title(c, lang), c.name not in disabled) for c in self.checks]
        await self._notice(room.room_id, texts.checks_list(rows, lang), message.event_id)

    async def _level(self, room: MatrixRoom, user_id: str) -> int:
        """The user's power level, asked of the server when the synced state does not know.
        A room's creators (room version 12 lists them in m.room.create, not among the power
        levels) outrank everyone."""
        level = self._power(room, user_id)
        if level >= ADMIN_LEVEL:
            return level
        response = await self.client.room_get_state(room.room_id)
        for event in getattr(response, "events", None) or []:
            content = event.get("content") or {}
            if event.get("type") == "m.room.create":
                if user_id in (event.get("sender"), *content.get("additional_creators", ())):
                    return CREATOR_LEVEL
            elif event.get("type") == "m.room.power_levels":
                users = content.get("users") or {}
                level = max(level, int(users.get(user_id, content.get("users_default", 0))))
        return level

    def _power(self, room: MatrixRoom, user_id: str) -> int:
        levels = getattr(room, "power_levels", None)
        return int(levels.get_user_level(user_id)) if levels is not None else 0

    # --- answering -------------------------------------------------------------------------

    def _handle_for(
        self, target: RoomMessage, checks: Sequence[Check], lang: str = DEFAULT
    ) -> ResultHandle:
        url = single_url(target.text)
        kind, value = ("url", url) if url else ("text", target.text)
        names = [c.name for c in checks] + ([f"lang:{lang}"] if lang != DEFAULT else [])
        return self.store.result_handle(kind, value, names)

    async def _answer(
        self, room: MatrixRoom, target: RoomMessage, *, requester: str, reply_to: str
    ) -> None:
        room_id = room.room_id
        lang = self._language(room_id)
        wait = self.store.take_rate(
            requester,  # type: ignore[arg-type]
            limit=self.settings.rate_limit,
            window=self.settings.rate_window,
        )
        if wait:
            if self.notices.due(requester):  # type: ignore[arg-type]  # one notice, then silence
                text = shared_texts.rate_limited(self.settings.rate_limit, wait, lang)
                await self._notice(room_id, text)
            return
        if requester in self._busy:
            await self._notice(room_id, texts.t("still_checking", lang), reply_to=reply_to)
            return
        checks = checks_for_chat(self.checks, self.store.disabled_checks(room_id))  # type: ignore[arg-type]
        handle = self._handle_for(target, checks, lang)
        stored = self.store.get_result(handle)
        if stored is not None:
            for part in stored.summary:
                await self._send(room_id, _rich(part), reply_to=reply_to)
            return
        progress = await self._notice(room_id, texts.t("checking", lang), reply_to=reply_to)
        self._busy.add(requester)
        try:
            with contextlib.suppress(Exception):
                await self.client.room_typing(room_id, True, timeout=15_000)
            async with self._semaphore:
                checklist = await self._checklist(target, room, checks)
        except FetchError as exc:
            logger.info("fetch failed: %s: %s", type(exc).__name__, exc)
            await self._edit(room_id, progress, rich(shared_texts.fetch_failed(exc, lang)))
            return
        except Exception:
            logger.exception("checking a message failed")
            await self._edit(room_id, progress, rich(texts.t("apology", lang)))
            return
        finally:
            self._busy.discard(requester)
            with contextlib.suppress(Exception):
                await self.client.room_typing(room_id, False)
        summary = render_checklist(checklist, lang=lang)
        details = render_checklist(checklist, details=True, lang=lang)
        self.store.put_result(
            handle,
            requester,  # type: ignore[arg-type]
            summary=[_stored(r) for r in summary],
            details=[_stored(r) for r in details],
            document=json_document(checklist, lang, compact=True),
            ttl=self.settings.result_ttl,
        )
        await self._edit(room_id, progress, summary[0])
        for part in summary[1:]:
            await self._send(room_id, part, reply_to=reply_to)

    async def _checklist(
        self, target: RoomMessage, room: MatrixRoom, checks: Sequence[Check]
    ) -> Checklist:
        """Read and check in a worker process, under the per-check and reading time limits."""
        now = self.now()
        url = single_url(target.text)
        if url:
            return await self.analyst.check_link(url, checks, now=now, received=now)
        article = replace(article_of(target, room_name=room.display_name), received=now)
        return await self.analyst.check_article(article, checks, now=now, label="Matrix message")

    async def _reopen(self, room: MatrixRoom, message: RoomMessage, *, detail: bool) -> None:
        """!details / !json as a reply to one of the bot's answers."""
        stored = None
        if message.reply_to:
            stored = await self._stored_for_answer(room, message.reply_to)
        if stored is None:
            hint = texts.t("reopen_hint", self._language(room.room_id))
            await self._notice(room.room_id, hint, reply_to=message.event_id)
            return
        if detail:
            for part in stored.details:
                await self._send(room.room_id, _rich(part), reply_to=message.event_id)
        else:
            document = indented(stored.document)
            await self._send_file(room.room_id, document, reply_to=message.event_id)

    async def _on_reaction(self, room: MatrixRoom, event: ReactionEvent) -> None:
        if event.sender == self.settings.user_id or event.key not in DETAILS_REACTIONS:
            return
        self._spawn(self._details_for_reaction(room, event.reacts_to))

    async def _details_for_reaction(self, room: MatrixRoom, answer_id: str) -> None:
        stored = await self._stored_for_answer(room, answer_id)
        if stored is not None:
            for part in stored.details:
                await self._send(room.room_id, _rich(part), reply_to=answer_id)

    async def _stored_for_answer(self, room: MatrixRoom, answer_id: str) -> Any:
        response = await self.client.room_get_event(room.room_id, answer_id)
        if not isinstance(response, RoomGetEventResponse):
            return None
        answer = response.event.source
        if answer.get("sender") != self.settings.user_id:
            return None
        relates = answer.get("content", {}).get("m.relates_to") or {}
        asked_id = (relates.get("m.in_reply_to") or {}).get("event_id")
        if not asked_id:
            return None
        asked, _ = await self._fetch(room.room_id, asked_id)
        if asked is None:
            return None
        replied = None
        if asked.reply_to:
            replied, _ = await self._fetch(room.room_id, asked.reply_to)
        target = self._target(asked, replied)
        if target is None:
            return None
        checks = checks_for_chat(self.checks, self.store.disabled_checks(room.room_id))  # type: ignore[arg-type]
        return self.store.get_result(self._handle_for(target, checks))

    async def _fetch(self, room_id: str, event_id: str) -> tuple[RoomMessage | None, str]:
        response = await self.client.room_get_event(room_id, event_id)
        if not isinstance(response, RoomGetEventResponse):
            return None, ""
        source = response.event.source
        content = source.get("content", {})
        if content.get("msgtype") not in ("m.text", "m.notice"):
            return None, source.get("sender", "")
        message = read_event(
            content,
            event_id=event_id,
            sender=source.get("sender", ""),
            bot_user_id=self.settings.user_id,
            bot_name=self._display_name,
        )
        return message, message.sender

    # --- sending ---------------------------------------------------------------------------

    async def _notice(self, room_id: str, html: str, reply_to: str | None = None) -> str:
        return await self._send(room_id, rich(html), reply_to=reply_to)

    async def _send(self, room_id: str, rich: Rich, *, reply_to: str | None = None) -> str:
        content: dict[str, Any] = {
            "msgtype": "m.notice",
            "body": rich.body,
            "format": HTML,
            "formatted_body": rich.html,
            "m.mentions": {},
        }
        if reply_to:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        response = await self.client.room_send(room_id, "m.room.message", content)
        return response.event_id if isinstance(response, RoomSendResponse) else ""

    async def _edit(self, room_id: str, event_id: str, rich: Rich) -> None:
        if not event_id:
            await self._send(room_id, rich)
            return
        new = {
            "msgtype": "m.notice",
            "body": rich.body,
            "format": HTML,
            "formatted_body": rich.html,
        }
        content = {
            **new,
            "body": f"* {rich.body}",
            "formatted_body": f"* {rich.html}",
            "m.new_content": new,
            "m.relates_to": {"rel_type": "m.replace", "event_id": event_id},
            "m.mentions": {},
        }
        await self.client.room_send(room_id, "m.room.message", content)

    async def _send_file(self, room_id: str, data: bytes, *, reply_to: str) -> None:
        upload, _ = await self.client.upload(
            io.BytesIO(data),
            content_type="application/json",
            filename="sourcecheck.json",
            filesize=len(data),
        )
        if not isinstance(upload, UploadResponse):
            apology = texts.t("apology", self._language(room_id))
            await self._notice(room_id, apology, reply_to=reply_to)
            return
        content = {
            "msgtype": "m.file",
            "body": "sourcecheck.json",
            "filename": "sourcecheck.json",
            "url": upload.content_uri,
            "info": {"mimetype": "application/json", "size": len(data)},
            "m.relates_to": {"m.in_reply_to": {"event_id": reply_to}},
        }
        await self.client.room_send(room_id, "m.room.message", content)


def _title(check: Check, lang: str) -> str:
    title_message = getattr(check, "title_message", None)
    return say(title_message, lang) if title_message is not None else check.title


def _stored(message: Rich) -> str:
    return json.dumps({"body": message.body, "html": message.html}, ensure_ascii=False)


def _rich(stored: str) -> Rich:
    data = json.loads(stored)
    return Rich(data["body"], data["html"])


def build_bot(
    settings: MatrixSettings,
    *,
    checks: Sequence[Check] | None = None,
    config: Config | None = None,
) -> MatrixBot:
    config = config if config is not None else load_config()
    selected = list(checks) if checks is not None else config.load_checks()
    store = Store(settings.db_path)
    return MatrixBot(
        settings=settings,
        checks=selected,
        config=config,
        store=store,
        state=MatrixState(store.db),
        fetcher=Fetcher(allow=settings.fetch_allow),
        cache=ArticleCache(settings.db_path),
        outlets=default_table(),
    )


async def serve(settings: MatrixSettings, *, stop: asyncio.Event | None = None) -> None:
    bot = build_bot(settings)
    started = time.monotonic()
    await bot.run(stop or asyncio.Event())
    logger.info("stopped after %.0f s", time.monotonic() - started)
