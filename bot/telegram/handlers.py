"""The bot's handlers: small async functions, each with a guard clause first."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.core.analysis import Analyst, build_analyst
from bot.core.limits import Limits
from bot.core.settings import Settings
from bot.core.store import ResultHandle, Store, StoredResult
from bot.telegram import texts
from bot.telegram.message_input import MessageInput, command_args_url, read_message
from bot.telegram.render import render_checklist, render_json_document
from checks.config import Config, checks_for_chat
from checks.model import Article, Check, Checklist, Origin
from checks.read.article_cache import ArticleCache, normalize_url
from checks.read.fetch import Fetcher, FetchError
from checks.read.link import read_url

logger = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
DETAILS, JSON = "d", "j"
CALLBACK_PATTERN = re.compile(rf"^[{DETAILS}{JSON}]:[0-9a-f]{{24}}[A-Za-z0-9_-]{{22}}$")
_SPACE = re.compile(r"\s+")


@dataclass
class Service:
    """What the handlers share: settings, storage, the checks, and the bounds on work."""

    settings: Settings
    store: Store
    checks: list[Check]
    config: Config
    fetcher: Fetcher
    cache: ArticleCache
    outlets: object = None
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    semaphore: asyncio.Semaphore = field(init=False)
    analyst: Analyst = field(init=False)
    limits: Limits = field(init=False)

    def __post_init__(self) -> None:
        self.semaphore = asyncio.Semaphore(self.settings.max_concurrent)
        self.analyst = build_analyst(
            self.settings, self.checks, self.config, self.outlets,  # type: ignore[arg-type]
            self.fetcher, self.cache,
        )  # fmt: skip
        self.limits = Limits(window=self.settings.rate_window)

    async def aclose(self) -> None:
        await self.analyst.aclose()
        await self.fetcher.aclose()
        self.cache.close()
        self.store.close()


def service_of(context: ContextTypes.DEFAULT_TYPE) -> Service:
    service: Service = context.bot_data["service"]
    return service


# --- commands ------------------------------------------------------------------------------


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start and /help: what the bot does and what it does not."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.HELP, parse_mode=ParseMode.HTML)


async def on_about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: the datasets, their dates and licences."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.ABOUT, parse_mode=ParseMode.HTML)


async def on_privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/privacy: what is stored."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text(texts.PRIVACY, parse_mode=ParseMode.HTML)


async def on_forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/forget: delete what is stored about the user."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    private = chat.id if chat.type == ChatType.PRIVATE else None
    count = service_of(context).store.forget(user.id, private)
    await message.reply_text(texts.FORGOTTEN.format(count=count))


async def on_checks(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/checks lists the checks; `/checks off NAME` / `on NAME` switches one for the chat."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    service = service_of(context)
    args = [a.lower() for a in context.args or []]
    if args and (len(args) != 2 or args[0] not in ("on", "off")):
        await message.reply_text(
            "Use <code>/checks</code>, <code>/checks off NAME</code> or"
            " <code>/checks on NAME</code>.",
            parse_mode=ParseMode.HTML,
        )
        return
    can_switch = await is_chat_admin(update, context)
    if args:
        action, name = args
        if name not in {c.name for c in service.checks}:
            await message.reply_text(
                f"There is no check called <code>{html.escape(name)}</code>; /checks lists them.",
                parse_mode=ParseMode.HTML,
            )
            return
        if not can_switch:
            await message.reply_text(texts.NOT_ADMIN)
            return
        service.store.set_check_enabled(chat.id, name, action == "on")
    disabled = service.store.disabled_checks(chat.id)
    rows = [(c.name, c.title, c.name not in disabled) for c in service.checks]
    await message.reply_text(
        texts.checks_list(rows, can_switch=can_switch), parse_mode=ParseMode.HTML
    )


async def is_chat_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Anyone in their private chat; in a group, its admins (anonymous admins included)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id  # an anonymous admin posts as the group
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


async def on_check_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/check URL, /check as a reply to a message, or /check followed by text."""
    message = update.effective_message
    if message is None:
        return
    received = service_of(context).now()
    url = command_args_url(message.text or message.caption or "")
    if url is not None:
        target = MessageInput("url", url, None)
    elif message.reply_to_message is not None:
        target = read_message(message.reply_to_message, received=received)
    else:
        target = read_message(message, received=received)
        if target.kind == "empty":
            await message.reply_text(texts.CHECK_HINT, parse_mode=ParseMode.HTML)
            return
    await answer(update, context, target)


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command in a private chat: point at /help."""
    if update.effective_message is None:
        return
    await update.effective_message.reply_text("I do not know that command; /help lists mine.")


# --- messages ------------------------------------------------------------------------------


async def on_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message: a link, a forward or pasted text, checked as it comes."""
    message = update.effective_message
    if message is None:
        return
    await answer(update, context, read_message(message, received=service_of(context).now()))


async def on_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, only a reply to the bot or a mention of it; never unprompted."""
    message = update.effective_message
    if message is None:
        return
    received = service_of(context).now()
    replied = message.reply_to_message
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == (context.bot.id)
    ):
        await answer(update, context, read_message(message, received=received))
        return
    if not mentions_bot(message, context.bot.username, context.bot.id):
        return
    target = read_message(without_mentions(message, context.bot.username), received=received)
    if target.kind == "empty" and replied is not None:
        target = read_message(replied, received=received)
    await answer(update, context, target)


def mentions_bot(message: Message, username: str, bot_id: int) -> bool:
    entities = message.parse_entities() if message.text else message.parse_caption_entities()
    for entity, text in entities.items():
        if entity.type == MessageEntity.MENTION and text[1:].lower() == username.lower():
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def without_mentions(message: Message, username: str) -> Message:
    """The message with "@bot" taken out, so that "@bot <link>" reads as the link alone."""
    text = message.text if message.text is not None else message.caption
    if not text:
        return message
    pattern = re.compile(rf"@{re.escape(username)}\b", re.I)
    match = pattern.match(text.lstrip())
    if match is None:
        return message
    # Only a leading mention is removed: entity offsets after it shift by a known amount.
    cut = len(text) - len(text.lstrip()) + match.end()
    rest = text[cut:]
    cut += len(rest) - len(rest.lstrip())
    shift = len(text[:cut].encode("utf-16-le")) // 2
    entities = message.entities if message.text is not None else message.caption_entities
    moved = tuple(
        MessageEntity(e.type, e.offset - shift, e.length, url=e.url, user=e.user)
        for e in entities
        if e.offset >= shift
    )
    fields = {"text": text[cut:], "entities": moved}
    if message.text is None:
        fields = {"caption": text[cut:], "caption_entities": moved}
    data = message.to_dict()
    data.update({k: [e.to_dict() for e in v] if k.endswith("entities") else v
                 for k, v in fields.items()})  # fmt: skip
    copy = Message.de_json(data, message.get_bot())
    assert copy is not None
    return copy


# --- the check itself ----------------------------------------------------------------------


def input_handle(store: Store, target: MessageInput, checks: Sequence[Check]) -> ResultHandle:
    """Where the result for this input lives: derived from the normalised input and checks."""
    names = [c.name for c in checks]
    if target.kind == "url" and target.url:
        try:
            value = normalize_url(target.url)
        except Exception:  # an unparsable link: the fetch will say why
            value = target.url
        # A forwarded link's checklist names the forwarder: not the same answer as the bare link.
        if target.origin is not None:
            value = f"{value}\n{_origin_key(target.origin)}"
        return store.result_handle("url", value, names)
    article = target.article
    assert article is not None
    origin = article.origin
    parts = [
        _SPACE.sub(" ", article.text).strip(),
        *(link.url for link in article.links),
        _origin_key(origin) if origin else "",
    ]
    return store.result_handle("text", "\n".join(parts), names)


def _origin_key(origin: Origin) -> str:
    return f"{origin.kind}|{origin.username}|{origin.name}"


def keyboard(handle: ResultHandle, *, details: bool = True) -> InlineKeyboardMarkup:
    token = handle.token
    buttons = [InlineKeyboardButton("JSON", callback_data=f"{JSON}:{token}")]
    if details:
        buttons.insert(0, InlineKeyboardButton("Details", callback_data=f"{DETAILS}:{token}"))
    return InlineKeyboardMarkup([buttons])


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE, target: MessageInput) -> None:
    """Rate limit, cache, "Checking…", the checks, then the checklist in place of "Checking…"."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or chat is None:
        return
    if target.kind == "empty":
        await message.reply_text(texts.EMPTY_HINT)
        return
    service = service_of(context)
    settings = service.settings
    # People posting as a channel or as an anonymous admin share one placeholder user id:
    # the chat they post as is who is asking.
    sender = message.sender_chat
    requester = sender.id if sender is not None else user.id if user is not None else chat.id
    wait = service.store.take_rate(
        requester, limit=settings.rate_limit, window=settings.rate_window
    )
    if wait:
        if service.limits.notices.due(requester):  # one notice per window, then silence
            await message.reply_text(texts.rate_limited(settings.rate_limit, wait))
        return
    checks = checks_for_chat(service.checks, service.store.disabled_checks(chat.id))
    key = input_handle(service.store, target, checks)
    stored = service.store.get_result(key)
    if stored is not None:
        first = await message.reply_text(
            stored.summary[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=keyboard(key),
        )
        await send_rest(context, chat.id, stored.summary[1:], reply_to=first)
        return
    progress = await message.reply_text(texts.CHECKING)
    try:
        with contextlib.suppress(TelegramError):  # "typing…" is a courtesy, not the answer
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        async with service.limits.in_progress.turn(requester), service.semaphore:
            checklist = await checklist_for(service, target, checks)
    except FetchError as exc:
        logger.info("fetch failed: %s: %s", type(exc).__name__, exc)
        await edit(progress, texts.fetch_failed(exc))
        return
    except Exception:
        logger.exception("checking a message failed")
        await edit(progress, texts.APOLOGY)
        return
    summary = render_checklist(checklist)
    service.store.put_result(
        key,
        requester,
        summary=summary,
        details=render_checklist(checklist, details=True),
        document=render_json_document(checklist),
        ttl=settings.result_ttl,
    )
    await edit(progress, summary[0], reply_markup=keyboard(key))
    await send_rest(context, chat.id, summary[1:], reply_to=progress)


async def checklist_for(service: Service, target: MessageInput, checks: list[Check]) -> Checklist:
    """Read and check in a worker process: a pathological input cannot stall other chats."""
    now = service.now()
    if target.article is not None:
        label = target.url or "Telegram message"
        return await service.analyst.check_article(target.article, checks, now=now, label=label)
    assert target.url is not None
    received = target.received or now
    return await service.analyst.check_link(
        target.url, checks, now=now, received=received, origin=target.origin
    )


async def article_for(service: Service, target: MessageInput) -> Article:
    if target.article is not None:
        return target.article
    assert target.url is not None
    received = target.received or service.now()
    article = await read_url(
        target.url, fetcher=service.fetcher, cache=service.cache, received=received
    )
    # A forwarded link keeps who forwarded it: the checklist says "forwarded by channel X".
    if target.origin is not None:
        article = replace(article, origin=target.origin)
    return article if article.received else replace(article, received=received)


async def edit(
    message: Message, text: str, *, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    try:
        await message.edit_text(
            text,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=reply_markup,
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def send_rest(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, chunks: Sequence[str], *, reply_to: Message
) -> None:
    """Chunks after the first, as further messages in order."""
    for chunk in chunks:
        await context.bot.send_message(
            chat_id,
            chunk,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            message_thread_id=reply_to.message_thread_id,
        )


# --- buttons -------------------------------------------------------------------------------


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Details" edits the checklist in place with all evidence; "JSON" sends the file."""
    query = update.callback_query
    if query is None or not query.data or not CALLBACK_PATTERN.match(query.data):
        return
    user = update.effective_user
    if user is not None and not service_of(context).limits.buttons.take(user.id):
        await query.answer()  # pressed too often: quietly nothing
        return
    action, _, token = query.data.partition(":")
    handle = ResultHandle.from_token(token)
    stored = service_of(context).store.get_result(handle) if handle else None
    if stored is None:
        await query.answer(texts.EXPIRED, show_alert=True)
        return
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return  # too old for Telegram to show us
    if action == DETAILS:
        await show_details(context, message, stored)
    else:
        await context.bot.send_document(
            message.chat.id,
            InputFile(stored.document, filename=f"sourcecheck-{stored.handle.id[:12]}.json"),
            caption="The checklist as JSON (schema in the README).",
            message_thread_id=message.message_thread_id,
        )


async def show_details(
    context: ContextTypes.DEFAULT_TYPE, message: Message, stored: StoredResult
) -> None:
    await edit(message, stored.details[0], reply_markup=keyboard(stored.handle, details=False))
    await send_rest(context, message.chat.id, stored.details[1:], reply_to=message)


# --- errors --------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error first, then a short apology to the chat it came from."""
    logger.error("an update caused an error", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(texts.APOLOGY, show_alert=True)
        except Exception:
            logger.warning("could not answer the callback query after an error")
        return
    try:
        await context.bot.send_message(update.effective_chat.id, texts.APOLOGY)
    except Exception:
        logger.warning("could not send the apology after an error")
