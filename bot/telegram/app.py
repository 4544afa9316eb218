"""build_application(): the one place that lists handlers; serve(): polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import time
from collections.abc import Callable, Coroutine, Sequence
from datetime import datetime
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.core.logs import add_secret, quiet_http_loggers
from bot.core.settings import Settings
from bot.core.store import Store
from bot.telegram import handlers, inline, texts
from bot.telegram.handlers import SAMPLE, Service
from bot.telegram.keyboards import CALLBACK_PATTERN, EXAMPLE, LANGUAGE_PATTERN
from bot.telegram.render import render_checklist
from checks import engine, i18n
from checks.config import Config, load_config
from checks.i18n import DEFAULT, LANGUAGES
from checks.model import Check, Context
from checks.outlets.table import default_table
from checks.read.article_cache import ArticleCache
from checks.read.fetch import Fetcher
from checks.read.text import read_markdown
from checks.warm import warm as warm_checks

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CHANNEL_POST,
    Update.EDITED_CHANNEL_POST,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
    Update.MY_CHAT_MEMBER,
]
COMMAND_NAMES = ("check", "checks", "language", "help", "about", "privacy", "forget")


def commands(lang: str = DEFAULT) -> list[BotCommand]:
    """The command menu, described in `lang`."""
    return [BotCommand(name, texts.t(f"command.{name}", lang)) for name in COMMAND_NAMES]


COMMANDS = commands()


async def set_commands(bot: Bot) -> None:
    """The menu in English for everyone, and in each reply language for its speakers."""
    await bot.set_my_commands(COMMANDS)
    for lang in LANGUAGES:
        if lang != DEFAULT:
            await bot.set_my_commands(commands(lang), language_code=lang)


# Rate-limit records outlive their minute by a day, so a restart or a backup loses nothing
# that was just written (the deploy smoke test compares row counts across restarts).
RATE_RETENTION = 24 * 3600.0
# RetryAfter from Telegram: wait as told and try again, while the waits fit in this budget.
FLOOD_BUDGET = 60.0


class _WaitedOutHere(logging.Filter):
    """PTB logs every 429 it passes on as an exception; MessageRateLimiter waits it out."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Rate limit hit after maximum of 0 retries")


_WAITED_OUT_HERE = _WaitedOutHere()


class MessageRateLimiter(AIORateLimiter):
    """Telegram's flood limits count messages; a chat action or a button's answer is none.
    Letting them past the shared budget keeps it for replies (15 a second instead of 10).
    A 429 is waited out as Telegram says, again and again while the waits fit the budget."""

    UNMETERED = frozenset({"sendChatAction", "answerCallbackQuery", "answerInlineQuery"})

    def __init__(self, *args: Any, budget: float = FLOOD_BUDGET, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        logging.getLogger("telegram.ext.AIORateLimiter").addFilter(_WAITED_OUT_HERE)

    async def process_request(  # type: ignore[override]
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        if endpoint in self.UNMETERED:
            return await callback(*args, **kwargs)
        deadline = time.monotonic() + self.budget
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait.total_seconds() if not isinstance(wait, int | float) else wait
                if time.monotonic() + seconds > deadline:
                    raise
                logger.info("flood limit on %s: waiting %.0f s", endpoint, seconds)
                await asyncio.sleep(seconds + 0.1)


def build_application(
    settings: Settings,
    *,
    checks: Sequence[Check] | None = None,
    config: Config | None = None,
    request: BaseRequest | None = None,
    now: Callable[[], datetime] | None = None,
) -> Application:  # type: ignore[type-arg]
    """The bot with its handlers, storage and checks; nothing is contacted until it starts."""
    # Opt in to PTB 23's timedelta durations now: otherwise every RetryAfter from Telegram
    # raises a deprecation warning inside PTB.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    add_secret(settings.token)
    add_secret(settings.webhook_secret)
    quiet_http_loggers()
    config = config if config is not None else load_config()
    selected = list(checks) if checks is not None else config.load_checks()
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_base_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(
            MessageRateLimiter(
                overall_max_rate=settings.overall_rate,
                overall_time_period=1,
            )
        )
        # Checks wait on the service's semaphore, so updates may be taken on freely.
        .concurrent_updates(max(16, settings.max_concurrent * 8))
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        # getUpdates holds its connection for the whole long poll; the others get a pool.
        builder = builder.connection_pool_size(max(8, settings.max_concurrent * 4))
    application = builder.build()
    store = Store(settings.db_path, secret=settings.secret, key_file=settings.key_file)
    service = Service(
        settings=settings,
        store=store,
        checks=selected,
        config=config,
        fetcher=Fetcher(allow=settings.fetch_allow),
        cache=ArticleCache(
            settings.db_path, secret=store.cache_secret(), max_bytes=settings.cache_max_bytes
        ),
        outlets=default_table(),
    )
    if now is not None:
        service.now = now
    application.bot_data["service"] = service
    add_handlers(application)
    return application


def add_handlers(application: Application) -> None:  # type: ignore[type-arg]
    message = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("start", handlers.on_start, filters=message))
    application.add_handler(CommandHandler("help", handlers.on_help, filters=message))
    application.add_handler(CommandHandler("about", handlers.on_about, filters=message))
    application.add_handler(CommandHandler("privacy", handlers.on_privacy, filters=message))
    application.add_handler(CommandHandler("forget", handlers.on_forget, filters=message))
    application.add_handler(CommandHandler("checks", handlers.on_checks, filters=message))
    application.add_handler(CommandHandler("language", handlers.on_language, filters=message))
    application.add_handler(CommandHandler("check", handlers.on_check_command, filters=message))
    application.add_handler(CallbackQueryHandler(handlers.on_button, pattern=CALLBACK_PATTERN))
    application.add_handler(CallbackQueryHandler(handlers.on_example, pattern=f"^{EXAMPLE}$"))
    application.add_handler(
        CallbackQueryHandler(handlers.on_language_button, pattern=LANGUAGE_PATTERN)
    )
    application.add_handler(CallbackQueryHandler(handlers.on_unknown_button))
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    application.add_handler(
        ChatMemberHandler(handlers.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_handler(
        MessageHandler(
            filters.UpdateType.EDITED_MESSAGE | filters.UpdateType.EDITED_CHANNEL_POST,
            handlers.on_edited_message,
        )
    )
    application.add_handler(
        MessageHandler(filters.UpdateType.CHANNEL_POST, handlers.on_channel_post)
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & message & filters.COMMAND, handlers.on_unknown_command
        )
    )
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & message, handlers.on_private_message)
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.GROUPS & message & ~filters.COMMAND, handlers.on_group_message
        )
    )
    application.add_error_handler(handlers.on_error)


async def warm_up(service: Service) -> None:
    """Check the bundled sample once before polling, then every article language's examples,
    and load every reply language. What loads on first use (the public suffix list, the
    outlet name index, the reliability scores: ~100 ms; each article language's patterns:
    25–100 ms; each reply language's catalogs and Babel data: ~15–60 ms) would otherwise
    stall the event loop, or a reader's first reply, behind the first readers."""
    try:
        i18n.warm()
        text = resources.files("checks").joinpath(*SAMPLE).read_text("utf-8")
        ctx = Context(now=service.now(), outlets=service.outlets)  # type: ignore[arg-type]
        ctx = service.config.context(ctx)
        render_checklist(await engine.run(read_markdown(text), service.checks, ctx))
        await warm_checks(service.checks, ctx)
    except Exception:
        logger.warning("could not warm up the checks", exc_info=True)


async def heartbeat(service: Service) -> None:
    """Tell `sourcecheck health` the bot is alive; drop expired rows on the way."""
    while True:
        try:
            service.store.beat()
            service.store.purge(window=RATE_RETENTION)
            service.cache.purge()  # the time-to-live and size cap hold while running
        except Exception:
            logger.exception("could not write the heartbeat")
        await asyncio.sleep(service.settings.heartbeat_interval)


async def serve(
    settings: Settings,
    *,
    stop: asyncio.Event | None = None,
    checks: Sequence[Check] | None = None,
    config: Config | None = None,
) -> None:
    """Run the bot until `stop` is set: long polling, or a webhook if one is configured."""
    stop = stop or asyncio.Event()
    application = build_application(settings, checks=checks, config=config)
    service: Service = application.bot_data["service"]
    try:
        async with application:  # getMe: fails here on a wrong token
            try:
                await set_commands(application.bot)
            except TelegramError as exc:
                logger.warning("could not set the command list: %s", exc)
            await application.start()
            await warm_up(service)
            # What is loaded by now lives as long as the process: out of the collector's way,
            # a full collection no longer stalls every chat for ~50 ms under load.
            gc.collect()
            gc.freeze()
            assert application.updater is not None
            if settings.webhook_url:
                await application.updater.start_webhook(
                    listen=settings.webhook_listen,
                    port=settings.webhook_port,
                    url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                    webhook_url=settings.webhook_url,
                    secret_token=settings.webhook_secret,
                    allowed_updates=ALLOWED_UPDATES,
                )
                mode = f"webhook on {settings.webhook_listen}:{settings.webhook_port}"
            else:
                await application.updater.start_polling(
                    timeout=settings.poll_timeout, allowed_updates=ALLOWED_UPDATES
                )
                mode = "long polling"
            beat = asyncio.create_task(heartbeat(service))
            logger.info(
                "sourcecheck bot @%s running (%s), checks: %s",
                application.bot.username,
                mode,
                ", ".join(c.name for c in service.checks),
            )
            try:
                await stop.wait()
            finally:
                beat.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await beat
                if application.updater.running:
                    await application.updater.stop()
                if application.running:
                    await application.stop()
    finally:
        await service.aclose()
