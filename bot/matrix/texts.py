"""What the Matrix bot says in its own words (Matrix HTML; the plain body is derived)."""

from __future__ import annotations

from html import escape

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
<code>!about</code> names the data, <code>!privacy</code> says what is stored, \
<code>!forget</code> deletes it."""

PRIVACY = """\
<b>What sourcecheck stores</b> (one SQLite file on the bot's server):
• <b>No message text.</b> A checklist quotes the message, so it is stored encrypted with a \
key derived from the message itself and never stored: without the message nobody can read \
it. It lets <code>!details</code> work and expires after 12 hours.
• For the per-user rate limit: the times of your checks in the last day, under a keyed hash \
of your Matrix id.
• Per-room settings (checks switched off), under a keyed hash of the room id.
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
FORGOTTEN = "Done: {count} stored record(s) about you deleted."
NOT_ADMIN = "Only the room's moderators can switch checks on or off."


def unknown_check(name: str, names: list[str]) -> str:
    return f"There is no check called <code>{escape(name)}</code>. Checks: " + ", ".join(
        f"<code>{escape(n)}</code>" for n in names
    )


def checks_list(rows: list[tuple[str, str, bool]]) -> str:
    lines = ["<b>Checks</b> (✓ on, ✗ switched off in this room):"]
    for name, title, enabled in rows:
        lines.append(f"{'✓' if enabled else '✗'} <code>{escape(name)}</code> — {escape(title)}")
    return "\n".join(lines)
