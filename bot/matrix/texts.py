"""What the Matrix bot says in its own words (Matrix HTML; the plain body is derived)."""

from __future__ import annotations

from html import escape

from checks.i18n import DEFAULT, LANGUAGE_NAMES, LANGUAGES, Messages, Plural

HELP = """\
<b>sourcecheck</b> tells you what can and cannot be verified about an article's \
<i>sourcing</i>: which outlet published it, whether it is republished from somewhere else, \
which sources it links, what disclaimers it carries, and what its dates refer to. Every \
finding quotes its evidence. It does <b>not</b> say whether an article is true or false.

<b>How to use it</b>
• In a direct chat: send a link or paste an article's text.
• In a room: mention me, reply to me, or send <code>!check</code> as a reply to a message \
(or <code>!check https://…</code>).
• Reply <code>!details</code> to an answer for all the evidence (or react with 🔍), \
<code>!json</code> for the result as a file.
• <code>!checks</code> lists the checks (room moderators: <code>!checks off NAME</code>), \
<code>!language</code> chooses the language, <code>!about</code> names the data, \
<code>!privacy</code> says what is stored, <code>!forget</code> deletes it."""

PRIVACY = """\
<b>What sourcecheck stores</b> (one SQLite file on the bot's server):
• <b>No message text.</b> A checklist quotes the message, so it is stored encrypted with a \
key derived from the message itself and never stored: without the message nobody can read \
it. It lets <code>!details</code> work and expires after 12 hours.
• For the per-user rate limit: the times of your checks in the last day, under a keyed hash \
of your Matrix id.
• Per-room settings (checks switched off, language), under a keyed hash of the room id.
• The bot's sync position and device id, so it does not answer a message twice.
Your homeserver keeps the room's messages, as it does for every member of the room; \
sourcecheck cannot change that. <code>!forget</code> deletes your rate-limit records and \
the results of checks you asked for."""

WELCOME = (
    "Hello! I check an article's <i>sourcing</i>: send me a link or paste a text. In a room,"
    " mention me or reply <code>!check</code> to a message. <code>!help</code> for more."
)
ENCRYPTED = (
    "This room is end-to-end encrypted, and sourcecheck cannot read encrypted messages, so I"
    " am leaving. Invite me to an unencrypted room or a direct chat without encryption."
)
NOT_AN_ARTICLE = (
    "Send me a link or paste an article's text (a few sentences at least), and I will check"
    " its sourcing. <code>!help</code> says more."
)
CHECK_HINT = (
    "Reply <code>!check</code> to a message to check it, or send <code>!check</code> followed"
    " by a link."
)
REOPEN_HINT = "Reply <code>!details</code> or <code>!json</code> to one of my checklists."
CHECKING = "Checking…"
STILL_CHECKING = "I am still checking your previous message; one at a time, please."
APOLOGY = "Sorry, something went wrong on my side while answering. Please try again later."
FORGOTTEN = "Done: {count} stored record(s) about you deleted."  # English, as before
NOT_ADMIN = "Only the room's moderators can switch checks on or off."


M = Messages(
    __name__,
    {
        "matrix.help": HELP,
        "matrix.privacy": PRIVACY,
        "matrix.welcome": WELCOME,
        "matrix.encrypted": ENCRYPTED,
        "matrix.not_an_article": NOT_AN_ARTICLE,
        "matrix.check_hint": CHECK_HINT,
        "matrix.reopen_hint": REOPEN_HINT,
        "matrix.checking": CHECKING,
        "matrix.still_checking": STILL_CHECKING,
        "matrix.apology": APOLOGY,
        "matrix.not_admin": NOT_ADMIN,
        "matrix.forgotten": Plural(
            "Done: {count} stored record about you deleted.",
            "Done: {count} stored records about you deleted.",
        ),
        "matrix.unknown_check": "There is no check called <code>{name}</code>. Checks: {names}",
        "matrix.checks_heading": "<b>Checks</b> (✓ on, ✗ switched off in this room):",
        "matrix.more_with_details": "with {command}",
        "matrix.details_hint": "Reply <code>!details</code> for all the evidence,"
        " <code>!json</code> for the result as a file.",
        "matrix.language_set": "From now on I answer in English in this room.",
        "matrix.language_usage": "Choose the language I answer in here: {choices}.",
        "matrix.language_not_admin": "Only the room's moderators can change its language.",
    },
)


def t(key: str, lang: str = DEFAULT, /, **params: object) -> str:
    """One of the Matrix bot's texts in `lang` ("help" -> matrix.help)."""
    return M.text(f"matrix.{key}", lang, **params)


def forgotten(count: int, lang: str = DEFAULT) -> str:
    return t("forgotten", lang, count=count)


def language_usage(lang: str = DEFAULT) -> str:
    choices = ", ".join(
        f"<code>!language {code}</code> ({escape(LANGUAGE_NAMES[code])})" for code in LANGUAGES
    )
    return t("language_usage", lang, choices=choices)


def unknown_check(name: str, names: list[str], lang: str = DEFAULT) -> str:
    listed = ", ".join(f"<code>{escape(n)}</code>" for n in names)
    return t("unknown_check", lang, name=escape(name), names=listed)


def checks_list(rows: list[tuple[str, str, bool]], lang: str = DEFAULT) -> str:
    lines = [t("checks_heading", lang)]
    for name, title, enabled in rows:
        lines.append(f"{'✓' if enabled else '✗'} <code>{escape(name)}</code> — {escape(title)}")
    return "\n".join(lines)
