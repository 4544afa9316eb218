"""What the bot says in its own words (Telegram HTML), in the reader's language."""

from __future__ import annotations

from html import escape

from bot.core.texts import ABOUT as ABOUT
from bot.core.texts import about as about
from bot.core.texts import fetch_failed as fetch_failed
from bot.core.texts import rate_limited as rate_limited
from checks.i18n import DEFAULT, Messages, Plural

HELP_EN = """\
<b>sourcecheck</b> tells you what can and cannot be verified about an article's \
<i>sourcing</i>: which outlet published it, whether it is republished from somewhere else, \
which sources it links, what disclaimers it carries, and what its dates refer to. Every \
finding quotes its evidence.

It does <b>not</b> say whether an article is true or false, and it takes no political side. \
It is a checklist for your own judgement.

<b>How to use it</b>
• Send or forward a post, paste an article's text, or send a link.
• <code>/check</code> as a reply to a message checks that message; \
<code>/check https://…</code> checks a link.
• In a group it answers only when asked: <code>/check</code>, a reply to the bot, or a \
mention.
• Under each answer: <b>Details</b> shows all the evidence (<b>Summary</b> goes back), \
<b>JSON</b> sends the result as a file; in a group both come to you privately. Links open \
the original, other coverage, fact-checks or an archived copy when there are any.
• In any chat, <code>@{username} https://…</code> offers the checklist to post there.

/checks lists the checks (group admins can switch one off), /language chooses the \
language, /about names the data it uses, /privacy says what is stored, /forget deletes it."""

PRIVACY_EN = """\
<b>What is stored</b> (one SQLite file on the bot's server, readable by the bot's account \
only; the secret behind its keys is kept apart from it, in a key file or the environment):
• <b>No message text and no link in plain text.</b> A checklist quotes what you sent, so it \
is stored encrypted under a key made from your message (or link) and the bot's secret, and \
expires after 12 hours. Pages fetched for a link are cached the same way, for up to 12 hours.
• The times of your checks in the last day (for the rate limit), and per-chat settings \
(checks switched off, language), under keyed hashes of your Telegram id and the chat id.
• In memory only, never written down: a message while it is being checked, and the first \
pieces of a long paste for a second and a half while the rest arrives, so that the pieces \
are checked as one article.

<b>Who can read what</b>
• Someone with a copy of the database alone: nothing of the above, not even which ids or \
links it concerns.
• Whoever runs the bot also holds the secret. They still cannot list the messages, links or \
people in it; they can confirm a guess (that a given text, link or Telegram id is there), \
as anyone can by sending the same message again within 12 hours.
• Whoever runs the bot's server can change its code and see messages as they arrive: these \
promises are about what is kept, not about them.

<b>Logs</b> (at any level) hold no message text, no links (only a site's name when it \
cannot be fetched), no button keys and not the bot's token. When a check crashes its \
traceback is logged, and could quote a fragment of the page that made it crash.

/forget deletes your rate-limit records, the results of checks you asked for, and your \
private chat's settings."""

WELCOME_EN = """\
<b>Hello! I check an article's sourcing</b>: who published it, whether it is copied from \
somewhere else, what it links to, which labels it carries and what its dates refer to. \
Every line quotes its evidence; I never say whether it is true.

Send me a link, forward a post, paste an article's text or send a .html, .txt or .md file. \
Or try it on an example first. /help says more."""

EMPTY_HINT_EN = (
    "There is nothing to check in this message. Send a link, forward a post, paste the"
    " text of an article, or send it as a .html, .htm, .txt or .md file."
)
CHATTER_HINT_EN = (
    "Send me a link, forward a post, or paste an article's text, and I will check its"
    " sourcing. /help says more."
)
SENT_PRIVATELY_EN = "Sent to you in our private chat."
PRIVATE_CHAT_OPEN_EN = (
    "Thanks, I can write to you here now. Press Details or JSON under the answer in the group"
    " again and they will come to this chat."
)
JSON_CAPTION_EN = (
    "The whole checklist as JSON: every check's finding with its evidence, for a program"
    " or your notes."
)
UNKNOWN_BUTTON_EN = (
    "This button belongs to an older answer I can no longer use. Send the message again."
)
INLINE_HINT_EN = "Type or paste a link after my name to check it"


CHECK_HINT_EN = (
    "Reply <code>/check</code> to a message to check it, or send <code>/check</code>"
    " followed by a link."
)
CHECKING_EN = "Checking…"
APOLOGY_EN = "Sorry, something went wrong on my side while answering. Please try again later."
EXPIRED_EN = "This result is no longer stored; send the message again to check it."
NOT_ADMIN_EN = "Only the chat's admins can switch checks on or off."


M = Messages(
    __name__,
    {
        "telegram.help": HELP_EN,
        "telegram.privacy": PRIVACY_EN,
        "telegram.welcome": WELCOME_EN,
        "telegram.empty_hint": EMPTY_HINT_EN,
        "telegram.chatter_hint": CHATTER_HINT_EN,
        "telegram.sent_privately": SENT_PRIVATELY_EN,
        "telegram.private_chat_open": PRIVATE_CHAT_OPEN_EN,
        "telegram.json_caption": JSON_CAPTION_EN,
        "telegram.unknown_button": UNKNOWN_BUTTON_EN,
        "telegram.inline_hint": INLINE_HINT_EN,
        "telegram.check_hint": CHECK_HINT_EN,
        "telegram.checking": CHECKING_EN,
        "telegram.apology": APOLOGY_EN,
        "telegram.expired": EXPIRED_EN,
        "telegram.not_admin": NOT_ADMIN_EN,
        "telegram.forgotten": Plural(
            "Done: {count} stored record about you deleted.",
            "Done: {count} stored records about you deleted.",
        ),
        "telegram.unreadable_file": "I could not read that file ({reason}).",
        "telegram.group_greeting": "Hello! I check the <i>sourcing</i> of articles and posts,"
        " never unasked. To ask me, reply to a post with <code>/check</code> or"
        " <code>@{username}</code>, or send <code>/check</code> followed by a link. In any"
        " chat, type <code>@{username} &lt;link&gt;</code> to share a checklist. /help says"
        " more.",
        "telegram.checks_heading": "<b>Checks</b> (✓ on, ✗ switched off in this chat):",
        "telegram.checks_how": "Switch one off or on for this chat: <code>/checks off NAME</code>,"
        " <code>/checks on NAME</code>.",
        "telegram.checks_usage": "Use <code>/checks</code>, <code>/checks off NAME</code> or"
        " <code>/checks on NAME</code>.",
        "telegram.no_such_check": "There is no check called <code>{name}</code>;"
        " /checks lists them.",
        "telegram.unknown_command": "I do not know that command; /help lists mine.",
        "telegram.language_choose": "Choose the language I answer in, in this chat:",
        "telegram.language_set": "From now on I answer in English in this chat.",
        "telegram.language_not_admin": "Only the chat's admins can change its language.",
        "telegram.inline_failed": "Could not check that link",
        "telegram.inline_title": "Sourcing checklist: {outlet}",
        "telegram.button.details": "Details",
        "telegram.button.summary": "Summary",
        "telegram.button.example": "Try an example",
        "telegram.button.original": "Open the original",
        "telegram.button.archive": "Archived copy",
        "telegram.button.news_search": "Other coverage",
        "telegram.button.fact_check_search": "Fact-checks",
        "telegram.button.about": "About the outlet",
        "telegram.button.corrections": "Corrections",
        "telegram.command.check": "check a link, or the message you reply to",
        "telegram.command.checks": "list the checks; admins switch one off or on",
        "telegram.command.language": "choose the language I answer in",
        "telegram.command.help": "what the bot does and does not do",
        "telegram.command.about": "the data sources and their licences",
        "telegram.command.privacy": "what is stored",
        "telegram.command.forget": "delete what is stored about you",
    },
)


def t(key: str, lang: str = DEFAULT, /, **params: object) -> str:
    """One of the bot's texts in `lang` ("help" -> telegram.help)."""
    return M.text(f"telegram.{key}", lang, **params)


FORGOTTEN = "Done: {count} stored record(s) about you deleted."


PRIVACY = PRIVACY_EN
WELCOME = WELCOME_EN
EMPTY_HINT = EMPTY_HINT_EN
CHATTER_HINT = CHATTER_HINT_EN
SENT_PRIVATELY = SENT_PRIVATELY_EN
PRIVATE_CHAT_OPEN = PRIVATE_CHAT_OPEN_EN
JSON_CAPTION = JSON_CAPTION_EN
UNKNOWN_BUTTON = UNKNOWN_BUTTON_EN
INLINE_HINT = INLINE_HINT_EN
CHECK_HINT = CHECK_HINT_EN
CHECKING = CHECKING_EN
APOLOGY = APOLOGY_EN
EXPIRED = EXPIRED_EN
NOT_ADMIN = NOT_ADMIN_EN
HELP = HELP_EN
FORGOTTEN = "Done: {count} stored record(s) about you deleted."


def forgotten(count: int, lang: str = DEFAULT) -> str:
    return t("forgotten", lang, count=count)


def unreadable_file(reason: str, lang: str = DEFAULT) -> str:
    return escape(t("unreadable_file", lang, reason="\0")).replace("\0", escape(reason))


def group_greeting(username: str, lang: str = DEFAULT) -> str:
    return t("group_greeting", lang, username=escape(username))


def help_text(username: str, lang: str = DEFAULT) -> str:
    return t("help", lang, username=escape(username))


def language_set(lang: str) -> str:
    return t("language_set", lang)


def checks_list(
    rows: list[tuple[str, str, bool]], *, can_switch: bool, lang: str = DEFAULT
) -> str:
    lines = [t("checks_heading", lang)]
    for name, title, enabled in rows:
        mark = "✓" if enabled else "✗"
        lines.append(f"{mark} <code>{escape(name)}</code> — {escape(title)}")
    if can_switch:
        lines.append("")
        lines.append(t("checks_how", lang))
    return "\n".join(lines)
