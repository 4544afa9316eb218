"""What the bot says in its own words (Telegram HTML)."""

from __future__ import annotations

from html import escape

from bot.core.texts import ABOUT as ABOUT
from bot.core.texts import fetch_failed as fetch_failed
from bot.core.texts import rate_limited as rate_limited

HELP = """\
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

/checks lists the checks (group admins can switch one off), /about names the data it uses, \
/privacy says what is stored, /forget deletes it."""

PRIVACY = """\
<b>What is stored</b> (one SQLite file on the bot's server):
• <b>No message text.</b> The checklist for a message quotes it, so it is stored \
encrypted with a key derived from the message itself and never stored: without your message \
(or the buttons under the reply, which carry the key) nobody can read it, not even whoever \
runs the bot. It lets the buttons work and the same post be answered at once, and expires \
after 12 hours.
• For the per-user rate limit: the times of your checks in the last day, under a keyed hash \
of your Telegram id (not the id itself).
• Per-chat settings (checks switched off), under a keyed hash of the chat id.
• Pages fetched from public links are cached for 12 hours, keyed by the link, not by who \
sent it.

At the default log level the logs hold no message text; they never hold the bot's token.
/forget deletes your rate-limit records, the results of checks you asked for, and your \
private chat's settings."""

WELCOME = """\
<b>Hello! I check an article's sourcing</b>: who published it, whether it is copied from \
somewhere else, what it links to, which labels it carries and what its dates refer to. \
Every line quotes its evidence; I never say whether it is true.

Send me a link, forward a post, paste an article's text or send a .html, .txt or .md file. \
Or try it on an example first. /help says more."""

EMPTY_HINT = (
    "There is nothing to check in this message. Send a link, forward a post, paste the"
    " text of an article, or send it as a .html, .htm, .txt or .md file."
)
CHATTER_HINT = (
    "Send me a link, forward a post, or paste an article's text, and I will check its"
    " sourcing. /help says more."
)
SENT_PRIVATELY = "Sent to you in our private chat."
PRIVATE_CHAT_OPEN = (
    "Thanks, I can write to you here now. Press Details or JSON under the answer in the group"
    " again and they will come to this chat."
)
JSON_CAPTION = (
    "The whole checklist as JSON: every check's finding with its evidence, for a program"
    " or your notes."
)
UNKNOWN_BUTTON = (
    "This button belongs to an older answer I can no longer use. Send the message again."
)
INLINE_HINT = "Type or paste a link after my name to check it"


def unreadable_file(reason: str) -> str:
    return f"I could not read that file ({escape(reason)})."


def group_greeting(username: str) -> str:
    return (
        "Hello! I check the <i>sourcing</i> of articles and posts, never unasked. To ask me,"
        f" reply to a post with <code>/check</code> or <code>@{escape(username)}</code>, or"
        f" send <code>/check</code> followed by a link. In any chat, type"
        f" <code>@{escape(username)} &lt;link&gt;</code> to share a checklist. /help says more."
    )


CHECK_HINT = (
    "Reply <code>/check</code> to a message to check it, or send <code>/check</code>"
    " followed by a link."
)
CHECKING = "Checking…"
APOLOGY = "Sorry, something went wrong on my side while answering. Please try again later."
EXPIRED = "This result is no longer stored; send the message again to check it."
FORGOTTEN = "Done: {count} stored record(s) about you deleted."
NOT_ADMIN = "Only the chat's admins can switch checks on or off."


def checks_list(rows: list[tuple[str, str, bool]], *, can_switch: bool) -> str:
    lines = ["<b>Checks</b> (✓ on, ✗ switched off in this chat):"]
    for name, title, enabled in rows:
        mark = "✓" if enabled else "✗"
        lines.append(f"{mark} <code>{escape(name)}</code> — {escape(title)}")
    if can_switch:
        lines.append("")
        lines.append(
            "Switch one off or on for this chat: <code>/checks off NAME</code>,"
            " <code>/checks on NAME</code>."
        )
    return "\n".join(lines)
