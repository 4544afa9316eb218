"""The bot's handlers: small async functions, each with a guard clause first."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources

from telegram import (
    Bot,
    InlineKeyboardMarkup,
    InputFile,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot.core.analysis import Analyst, build_analyst
from bot.core.limits import Limits
from bot.core.rich_checklist import indented
from bot.core.settings import Settings
from bot.core.store import ResultHandle, Store, StoredResult
from bot.telegram import texts
from bot.telegram.conversation import AnswerBook, Paste, PasteJoiner
from bot.telegram.documents import read_document, readable_document
from bot.telegram.keyboards import (
    CALLBACK_PATTERN,
    DETAILS,
    JSON,
    SUMMARY,
    answer_keyboard,
    checklist_links,
    document_links,
    example_keyboard,
    language_keyboard,
)
from bot.telegram.message_input import MessageInput, command_args_url, read_message
from bot.telegram.render import render_checklist, render_json_document, utf16_len
from checks.config import Config, checks_for_chat
from checks.i18n import DEFAULT, LANGUAGES, pick, say
from checks.model import Article, Check, Checklist, Origin
from checks.read.article_cache import ArticleCache, normalize_url
from checks.read.fetch import Fetcher, FetchError
from checks.read.link import read_url
from checks.read.text import InputError, read_markdown

logger = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
_SPACE = re.compile(r"\s+")
# Telegram does not notify anyone of an edit: an answer that took longer than this comes as a
# new message (and "Checking…" goes), so the reader who went elsewhere hears it is ready.
SLOW_ANSWER = 2.0
SAMPLE = ("samples", "globalresearch-belgorod.md")  # package data of `checks`


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
    answers: AnswerBook = field(default_factory=AnswerBook)
    pastes: PasteJoiner = field(default_factory=PasteJoiner)
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


def language_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The chat's reply language: the one chosen with /language, else in a private chat the
    user's Telegram language (English for any we do not speak), else English."""
    chat, user = update.effective_chat, update.effective_user
    if chat is not None:
        chosen = service_of(context).store.chat_language(chat.id)
        if chosen in LANGUAGES:
            return chosen
    if user is not None and (chat is None or chat.type == ChatType.PRIVATE):
        return pick(user.language_code)
    return DEFAULT


# --- commands ------------------------------------------------------------------------------


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: a short welcome and an example to try; from a group's button, how to go on."""
    if update.effective_message is None:
        return
    lang = language_of(update, context)
    if context.args == ["details"]:  # sent here by Details or JSON pressed in a group
        await update.effective_message.reply_text(texts.t("private_chat_open", lang))
        return
    await update.effective_message.reply_text(
        texts.t("welcome", lang), parse_mode=ParseMode.HTML, reply_markup=example_keyboard(lang)
    )


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what the bot does and what it does not."""
    if update.effective_message is None:
        return
    help_text = texts.help_text(context.bot.username, language_of(update, context))
    await update.effective_message.reply_text(help_text, parse_mode=ParseMode.HTML)


async def on_about(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/about: the datasets, their dates and licences."""
    if update.effective_message is None:
        return
    about = texts.about(language_of(update, context))
    await update.effective_message.reply_text(about, parse_mode=ParseMode.HTML)


async def on_privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/privacy: what is stored."""
    if update.effective_message is None:
        return
    privacy = texts.t("privacy", language_of(update, context))
    await update.effective_message.reply_text(privacy, parse_mode=ParseMode.HTML)


async def on_forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/forget: delete what is stored about the user."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    if message is None or user is None or chat is None:
        return
    lang = language_of(update, context)  # before its setting is forgotten
    private = chat.id if chat.type == ChatType.PRIVATE else None
    count = service_of(context).store.forget(user.id, private)
    await message.reply_text(texts.forgotten(count, lang))


async def on_checks(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/checks lists the checks; `/checks off NAME` / `on NAME` switches one for the chat."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    service = service_of(context)
    lang = language_of(update, context)
    args = [a.lower() for a in context.args or []]
    if args and (len(args) != 2 or args[0] not in ("on", "off")):
        await message.reply_text(texts.t("checks_usage", lang), parse_mode=ParseMode.HTML)
        return
    can_switch = await is_chat_admin(update, context)
    if args:
        action, name = args
        if name not in {c.name for c in service.checks}:
            await message.reply_text(
                texts.t("no_such_check", lang, name=html.escape(name)),
                parse_mode=ParseMode.HTML,
            )
            return
        if not can_switch:
            await message.reply_text(texts.t("not_admin", lang))
            return
        service.store.set_check_enabled(chat.id, name, action == "on")
    disabled = service.store.disabled_checks(chat.id)
    rows = [(c.name, check_title(c, lang), c.name not in disabled) for c in service.checks]
    await message.reply_text(
        texts.checks_list(rows, can_switch=can_switch, lang=lang), parse_mode=ParseMode.HTML
    )


def check_title(check: Check, lang: str) -> str:
    title_message = getattr(check, "title_message", None)
    return say(title_message, lang) if title_message is not None else check.title


async def on_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/language: the seven languages as buttons; the choice is the chat's from then on."""
    message = update.effective_message
    if message is None:
        return
    lang = language_of(update, context)
    await message.reply_text(texts.t("language_choose", lang), reply_markup=language_keyboard())


async def on_language_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A language pressed: remembered for the chat (in a group, only an admin may)."""
    query, chat = update.callback_query, update.effective_chat
    if query is None or chat is None or not query.data:
        return
    chosen = query.data.partition(":")[2]
    if chosen not in LANGUAGES:
        await query.answer()
        return
    if not await is_chat_admin(update, context):
        await query.answer(texts.t("language_not_admin", language_of(update, context)))
        return
    service_of(context).store.set_chat_language(chat.id, chosen)
    await query.answer()
    if isinstance(query.message, Message):
        with contextlib.suppress(BadRequest):
            await query.message.edit_text(texts.language_set(chosen))


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
    target = await command_target(context, message, received)
    if target is None:
        target = await read_target(context, message, received)
        if target.kind in ("empty", "chatter"):
            hint = texts.t("check_hint", language_of(update, context))
            await message.reply_text(hint, parse_mode=ParseMode.HTML)
            return
    await answer(update, context, target)


async def command_target(
    context: ContextTypes.DEFAULT_TYPE, message: Message, received: datetime
) -> MessageInput | None:
    """What "/check" asks about: the link after it, else the message it replies to."""
    url = command_args_url(message.text or message.caption or "")
    if url is not None:
        return MessageInput("url", url, None)
    replied = replied_post(message)
    return None if replied is None else await read_target(context, replied, received)


def replied_post(message: Message) -> Message | None:
    """The message this one replies to, unless that is only the topic's opening service note."""
    replied = message.reply_to_message
    if replied is None or replied.forum_topic_created is not None:
        return None
    return replied


async def read_target(
    context: ContextTypes.DEFAULT_TYPE, message: Message, received: datetime
) -> MessageInput:
    """A message as something to check: a readable file it carries, else its text."""
    document = readable_document(message)
    if document is None:
        return read_message(message, received=received)
    try:
        # The file is made an Article in a worker, under the time limit, like a page.
        reader = service_of(context).analyst.read
        article = await read_document(document, received=received, reader=reader)
    except InputError as exc:
        return MessageInput("unreadable", None, None, commentary=str(exc))
    return MessageInput("article", None, article)


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unknown command in a private chat: point at /help."""
    if update.effective_message is None:
        return
    lang = language_of(update, context)
    await update.effective_message.reply_text(texts.t("unknown_command", lang))


# --- messages ------------------------------------------------------------------------------


async def on_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message: a link, a forward, pasted text or a file, checked as it comes."""
    message = update.effective_message
    if message is None:
        return
    target = await read_target(context, message, service_of(context).now())
    await answer_or_join(update, context, target)


async def on_group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a group, only a reply to the bot or a mention of it; never unprompted."""
    message = update.effective_message
    if message is None:
        return
    received = service_of(context).now()
    replied = replied_post(message)
    if (
        replied is not None
        and replied.from_user is not None
        and replied.from_user.id == (context.bot.id)
    ):
        await answer(update, context, await read_target(context, message, received))
        return
    if not mentions_bot(message, context.bot.username, context.bot.id):
        return
    await answer(update, context, await asked_about(message, context, received))


async def asked_about(
    message: Message, context: ContextTypes.DEFAULT_TYPE, received: datetime
) -> MessageInput:
    """A reply "@bot is this legit?" means the replied-to post; "@bot <link>" the link, and
    a file captioned "@bot" the file."""
    if readable_document(message) is not None:
        return await read_target(context, message, received)
    own = read_message(without_mentions(message, context.bot.username), received=received)
    replied = replied_post(message)
    if own.kind == "url" or replied is None:
        return own
    return await read_target(context, replied, received)


async def on_channel_post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a channel, an admin's "/check" (as a reply, or with a link) or a mention of the bot;
    the channel's own posts are never checked unasked: the answer goes to every subscriber."""
    message = update.channel_post
    if message is None:
        return
    received = service_of(context).now()
    text = message.text or message.caption or ""
    if text.startswith("/check"):
        target = await command_target(context, message, received) or MessageInput(
            "empty", None, None
        )
    elif mentions_bot(message, context.bot.username, context.bot.id):
        target = await asked_about(message, context, received)
    else:
        return
    await answer(update, context, target)


async def on_edited_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message the bot answered is checked again, into the same answer."""
    message = update.edited_message or update.edited_channel_post
    if message is None:
        return
    service = service_of(context)
    answer_id = service.answers.answer_to(message.chat.id, message.message_id)
    if answer_id is None:
        return  # never answered (chatter, or another bot's business): nothing to update
    target = await read_target(context, message, service.now())
    if target.kind in ("url", "article"):
        await answer(update, context, target, into=answer_id)


async def on_my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Added to a group: say hello and how to ask (never in a channel: that is a broadcast)."""
    change = update.my_chat_member
    if change is None or change.chat.type not in (ChatType.GROUP, ChatType.SUPERGROUP):
        return
    was_in = change.old_chat_member.status not in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    is_in = change.new_chat_member.status in (
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.ADMINISTRATOR,
    )
    if was_in or not is_in:
        return
    adder = change.from_user.language_code if change.from_user else None
    greeting = texts.group_greeting(context.bot.username, pick(adder))
    await context.bot.send_message(change.chat.id, greeting, parse_mode=ParseMode.HTML)


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


def input_handle(
    store: Store, target: MessageInput, checks: Sequence[Check], lang: str = DEFAULT
) -> ResultHandle:
    """Where the result for this input lives: derived from the normalised input, the checks
    and the language it is written in."""
    names = [c.name for c in checks] + ([f"lang:{lang}"] if lang != DEFAULT else [])
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


def keyboard(
    handle: ResultHandle,
    links: dict[str, str] | None = None,
    *,
    details: bool = True,
    lang: str = DEFAULT,
) -> InlineKeyboardMarkup:
    return answer_keyboard(handle, links or {}, details=details, lang=lang)


def thread_of(message: Message) -> int | None:
    """The forum topic a message is in; None elsewhere (a reply chain is no topic)."""
    return message.message_thread_id if message.is_topic_message else None


def requester_of(update: Update) -> int:
    """Who is asking. People posting as a channel or as an anonymous admin share one
    placeholder user id: the chat they post as is who is asking."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    sender = message.sender_chat if message is not None else None
    if sender is not None:
        return sender.id
    return user.id if user is not None else chat.id if chat is not None else 0


async def answer_or_join(
    update: Update, context: ContextTypes.DEFAULT_TYPE, target: MessageInput
) -> None:
    """A long paste arrives in pieces: the later pieces join the first one's answer."""
    message = update.effective_message
    # A forward or a file is whole; only typed or pasted text comes in pieces.
    pasted = target.article is not None and target.article.source_kind == "telegram"
    if message is None or not pasted or message.forward_origin is not None:
        await answer(update, context, target)
        return
    assert target.article is not None
    service = service_of(context)
    key = (message.chat.id, requester_of(update))
    size = utf16_len(message.text or "")
    paste = service.pastes.add(key, message.message_id, target.article, size, time.monotonic())
    if paste is None:
        await answer(update, context, target, paste=service.pastes.current(key))
        return
    try:
        into = await asyncio.wait_for(asyncio.shield(paste.answer), SLOW_ANSWER * 5)
    except (TimeoutError, asyncio.CancelledError):
        into = None
    joined = replace(target, article=paste.article)
    await answer(update, context, joined, into=into, paste=paste)


async def answer(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    target: MessageInput,
    *,
    into: int | None = None,
    paste: Paste | None = None,
) -> None:
    """Rate limit, cache, "Checking…", the checks, then the checklist in place of "Checking…"
    (or into `into`, an earlier answer to the same message or paste)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    pieces = paste.pieces if paste is not None else 0  # before any await: later pieces join
    lang = language_of(update, context)
    if target.kind != "url" and target.article is None:
        await message.reply_text(hint_for(target, lang), parse_mode=ParseMode.HTML)
        return
    service = service_of(context)
    settings = service.settings
    requester = requester_of(update)
    wait = service.store.take_rate(
        requester, limit=settings.rate_limit, window=settings.rate_window
    )
    if wait:
        if service.limits.notices.due(requester):  # one notice per window, then silence
            await message.reply_text(texts.rate_limited(settings.rate_limit, wait, lang))
        return
    checks = checks_for_chat(service.checks, service.store.disabled_checks(chat.id))
    key = input_handle(service.store, target, checks, lang)
    stored = service.store.get_result(key)
    if stored is not None:
        markup = keyboard(key, document_links(stored.document), lang=lang)
        first = await deliver(context, message, stored.summary, markup, into=into)
        remember(service, message, paste, first)
        return
    if into is None:
        into = (await message.reply_text(texts.t("checking", lang))).message_id
    if paste is not None and not paste.answer.done():
        paste.answer.set_result(into)
    await typing(context, message)
    started = time.monotonic()
    try:
        # One check in progress per person: their next message waits for this one.
        async with service.limits.in_progress.turn(requester):
            checklist = await run_checks(service, target, checks)
    except FetchError as exc:
        logger.info("fetch failed: %s: %s", type(exc).__name__, exc)
        await deliver(context, message, [texts.fetch_failed(exc, lang)], None, into=into)
        return
    except Exception:
        logger.exception("checking a message failed")
        await deliver(context, message, [texts.t("apology", lang)], None, into=into)
        return
    if paste is not None and paste.pieces != pieces:
        return  # a later piece of the same paste arrived: its answer covers this one
    summary = render_checklist(checklist, lang=lang)
    service.store.put_result(
        key,
        requester,
        summary=summary,
        details=render_checklist(checklist, details=True, lang=lang),
        document=render_json_document(checklist, lang, compact=True),
        ttl=settings.result_ttl,
    )
    slow = time.monotonic() - started > SLOW_ANSWER
    markup = keyboard(key, checklist_links(checklist), lang=lang)
    first = await deliver(context, message, summary, markup, into=into, as_new=slow)
    remember(service, message, paste, first)


def hint_for(target: MessageInput, lang: str = DEFAULT) -> str:
    if target.kind == "chatter":
        return texts.t("chatter_hint", lang)
    if target.kind == "unreadable":
        return texts.unreadable_file(target.commentary, lang)
    return texts.t("empty_hint", lang)


def remember(service: Service, message: Message, paste: Paste | None, answer_id: int) -> None:
    service.answers.remember(message.chat.id, message.message_id, answer_id)
    if paste is not None and not paste.answer.done():
        paste.answer.set_result(answer_id)


async def typing(context: ContextTypes.DEFAULT_TYPE, message: Message) -> None:
    """ "typing…" in the chat (and topic) while the checks run: a courtesy, not the answer."""
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(
            message.chat.id, ChatAction.TYPING, message_thread_id=thread_of(message)
        )


async def run_checks(service: Service, target: MessageInput, checks: Sequence[Check]) -> Checklist:
    """The checks, within the shared bound on work at once."""
    async with service.semaphore:
        return await checklist_for(service, target, list(checks))


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


async def deliver(
    context: ContextTypes.DEFAULT_TYPE,
    source: Message,
    chunks: Sequence[str],
    markup: InlineKeyboardMarkup | None,
    *,
    into: int | None,
    as_new: bool = False,
) -> int:
    """The answer's first chunk into the bot's message `into` (or as a reply to `source` when
    there is none, it was deleted, or the answer should notify), the rest after it. Returns
    the id of the message holding the first chunk."""
    first = None
    if into is not None and not as_new:
        first = await edit_if_there(context.bot, source.chat.id, into, chunks[0], markup)
    if first is None:
        sent = await context.bot.send_message(
            source.chat.id,
            chunks[0],
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup,
            message_thread_id=thread_of(source),
            reply_parameters=ReplyParameters(source.message_id, allow_sending_without_reply=True),
        )
        first = sent.message_id
        if into is not None and as_new:
            with contextlib.suppress(TelegramError):  # already gone is as good
                await context.bot.delete_message(source.chat.id, into)
    await send_rest(context, source.chat.id, chunks[1:], thread=thread_of(source))
    return first


async def edit_if_there(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> int | None:
    """Edit one of the bot's messages; None if the user deleted it meanwhile."""
    try:
        await bot.edit_message_text(
            text,
            chat_id,
            message_id,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=markup,
        )
    except BadRequest as exc:
        reason = str(exc).lower()
        if "message to edit not found" in reason:
            return None
        if "not modified" not in reason:
            raise
    return message_id


async def edit(
    message: Message, text: str, *, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    await edit_if_there(message.get_bot(), message.chat.id, message.message_id, text, reply_markup)


async def send_rest(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    chunks: Sequence[str],
    *,
    thread: int | None = None,
) -> None:
    """Chunks after the first, as further messages in order."""
    for chunk in chunks:
        await context.bot.send_message(
            chat_id,
            chunk,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            message_thread_id=thread,
        )


# --- buttons -------------------------------------------------------------------------------


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Details ⇄ Summary edit the checklist in place; JSON sends the file. In a group they go
    to the presser privately: the shared message stays as everyone saw it."""
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
    message = query.message
    lang = language_of(update, context)
    if stored is None or not isinstance(message, Message):
        await query.answer(texts.t("expired", lang), show_alert=True)
        return
    if message.chat.type != ChatType.PRIVATE:
        await send_privately(update, context, action, stored)
        return
    await query.answer()
    if action == JSON:
        await send_json(context, message.chat.id, stored, thread=thread_of(message), lang=lang)
    else:
        await show_details(context, message, stored, details=action == DETAILS, lang=lang)


async def send_privately(
    update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, stored: StoredResult
) -> None:
    """Details or JSON from a group's answer, to the presser's private chat with the bot."""
    query, user = update.callback_query, update.effective_user
    assert query is not None
    if user is None or action == SUMMARY:
        await query.answer()
        return
    # The answer is in the group's language; the words around it in the presser's own.
    lang = _document_language(stored.document) or pick(user.language_code)
    try:
        if action == JSON:
            await send_json(context, user.id, stored, lang=lang)
        else:
            links = document_links(stored.document)
            first = await context.bot.send_message(
                user.id,
                stored.details[0],
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_markup=answer_keyboard(stored.handle, links, details=False, lang=lang),
            )
            await send_rest(context, first.chat.id, stored.details[1:])
    except Forbidden:  # they have not started a chat with the bot: Telegram opens it for them
        await query.answer(url=f"https://t.me/{context.bot.username}?start=details")
        return
    await query.answer(texts.t("sent_privately", pick(user.language_code)))


def _document_language(document: bytes) -> str | None:
    """The language a stored result was written in (its JSON says), if it is one of ours."""
    match = re.search(rb'"language": ?"([a-z]{2})"', document[:200])
    language = match[1].decode() if match else None
    return language if language in LANGUAGES else None


async def send_json(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    stored: StoredResult,
    *,
    thread: int | None = None,
    lang: str = DEFAULT,
) -> None:
    await context.bot.send_document(
        chat_id,
        InputFile(indented(stored.document), filename=f"sourcecheck-{stored.handle.id[:12]}.json"),
        caption=texts.t("json_caption", lang),
        message_thread_id=thread,
    )


async def show_details(
    context: ContextTypes.DEFAULT_TYPE,
    message: Message,
    stored: StoredResult,
    *,
    details: bool = True,
    lang: str = DEFAULT,
) -> None:
    """All the evidence in place of the summary, or the summary back again."""
    chunks = stored.details if details else stored.summary
    links = document_links(stored.document)
    markup = keyboard(stored.handle, links, details=not details, lang=lang)
    await edit_if_there(context.bot, message.chat.id, message.message_id, chunks[0], markup)
    if details:
        await send_rest(context, message.chat.id, chunks[1:], thread=thread_of(message))


async def on_example(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """ "Try an example": the bundled sample, checked as if it had been pasted."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    text = resources.files("checks").joinpath(*SAMPLE).read_text("utf-8")
    article = replace(read_markdown(text), received=service_of(context).now())
    await answer(update, context, MessageInput("article", None, article))


async def on_unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button this bot no longer knows (an old message): answered, so the client stops."""
    if update.callback_query is not None:
        lang = language_of(update, context)
        await update.callback_query.answer(texts.t("unknown_button", lang), show_alert=True)


# --- errors --------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error first, then a short apology to the chat it came from."""
    logger.error("an update caused an error", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        apology = texts.t("apology", language_of(update, context))
    except Exception:  # the store itself may be what failed
        apology = texts.APOLOGY
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(apology, show_alert=True)
        except Exception:
            logger.warning("could not answer the callback query after an error")
        return
    try:
        await context.bot.send_message(update.effective_chat.id, apology)
    except Exception:
        logger.warning("could not send the apology after an error")
