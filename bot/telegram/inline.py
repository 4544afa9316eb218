"""Inline mode: "@bot <link>" in any chat offers the link's checklist summary to post there."""

from __future__ import annotations

import logging
from html import unescape

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.telegram import texts
from bot.telegram.handlers import NO_PREVIEW, run_checks, service_of
from bot.telegram.keyboards import checklist_links, url_keyboard
from bot.telegram.message_input import MessageInput, command_args_url
from bot.telegram.render import more_from_the_bot, render_checklist
from checks.i18n import pick
from checks.read.fetch import FetchError
from checks.render.checklist import outlet_heading, summary_of

logger = logging.getLogger(__name__)

CACHE_SECONDS = 300
MAX_DESCRIPTION = 200


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A link after the bot's name: its checklist as one result; anything else: a hint."""
    query = update.inline_query
    if query is None:
        return
    url = command_args_url(f"/check {query.query}")
    lang = pick(query.from_user.language_code)
    if url is None:
        await query.answer(
            [],
            cache_time=CACHE_SECONDS,
            button=InlineQueryResultsButton(
                texts.t("inline_hint", lang), start_parameter="inline"
            ),
        )
        return
    service = service_of(context)
    wait = service.store.take_rate(
        query.from_user.id,
        limit=service.settings.rate_limit,
        window=service.settings.rate_window,
    )
    if wait:
        await query.answer([], cache_time=0, is_personal=True)
        return
    try:
        checklist = await run_checks(service, MessageInput("url", url, None), service.checks)
    except FetchError as exc:
        failed = texts.fetch_failed(exc, lang)
        result = InlineQueryResultArticle(
            "failed",
            texts.t("inline_failed", lang),
            InputTextMessageContent(failed, parse_mode=ParseMode.HTML),
            description=unescape(failed)[:MAX_DESCRIPTION],
        )
        await query.answer([result], cache_time=0, is_personal=True)
        return
    summary = render_checklist(checklist, more=more_from_the_bot(lang), lang=lang)
    first = summary_of(checklist.outcomes[0].result, lang) if checklist.outcomes else ""
    result = InlineQueryResultArticle(
        "checklist",
        texts.t("inline_title", lang, outlet=outlet_heading(checklist, lang)),
        InputTextMessageContent(
            summary[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
        ),
        reply_markup=url_keyboard(checklist_links(checklist), lang),
        description=first[:MAX_DESCRIPTION],
    )
    # Telegram caches an answer per query for everyone: one in another language is personal.
    await query.answer([result], cache_time=CACHE_SECONDS, is_personal=lang != "en")
