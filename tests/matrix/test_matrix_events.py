"""Reading Matrix events and writing Matrix HTML, without a homeserver."""

from __future__ import annotations

import pytest

from bot.core.settings import SettingsError
from bot.matrix.events import read_event, single_url
from bot.matrix.render import render_checklist
from bot.matrix.settings import from_env
from checks.model import Article, Checklist, Evidence, Outcome, Result, Status

BOT = "@sourcecheck:example.org"


def _read(content, name="sourcecheck"):
    return read_event(content, event_id="$e", sender="@alice:example.org", bot_user_id=BOT,
                      bot_name=name)  # fmt: skip


def test_a_reply_loses_its_quoted_fallback_and_keeps_what_it_answers():
    message = _read(
        {
            "msgtype": "m.text",
            "body": "> <@bob:example.org> Troops crossed the border today\n\n!check",
            "m.relates_to": {"m.in_reply_to": {"event_id": "$post"}},
        }
    )
    assert (message.text, message.command, message.reply_to) == ("!check", "check", "$post")


def test_links_come_from_the_formatted_body_with_their_place_in_the_text():
    message = _read(
        {
            "msgtype": "m.text",
            "body": "Officials confirmed it (source)",
            "format": "org.matrix.custom.html",
            "formatted_body": 'Officials <a href="https://gov.example/statement">confirmed</a> it',
        }
    )
    assert message.text == "Officials confirmed it"
    [link] = message.links
    assert (link.url, link.text, message.text[link.position :][:9]) == (
        "https://gov.example/statement",
        "confirmed",
        "confirmed",
    )


@pytest.mark.parametrize(
    ("content", "mentioned"),
    [
        ({"body": "what do you think?", "m.mentions": {"user_ids": [BOT]}}, True),
        ({"body": f"{BOT}: is this legit?"}, True),
        ({"body": "sourcecheck, is this legit?"}, True),
        ({"body": "is this legit?"}, False),
        ({"body": "we should sourcecheckify everything"}, False),
    ],
)
def test_a_mention_is_by_id_by_name_or_by_the_mentions_list(content, mentioned):
    assert _read({"msgtype": "m.text", **content}).mentions_bot is mentioned


def test_a_bare_link_is_a_link_to_fetch():
    assert single_url("  https://news.example/a?b=1 ") == "https://news.example/a?b=1"
    assert single_url("see https://news.example/a") is None


def test_untrusted_strings_are_escaped_in_the_html():
    article = Article(text="x", title="<script>alert(1)</script>", url="https://e.example/")
    outcome = Outcome(
        "citations",
        "Linked citations",
        Result(
            Status.WARN, "1 <b>link</b>", (Evidence('"><img src=x>', "link 1", "javascript:x"),)
        ),
    )
    [message] = render_checklist(Checklist("in", article, (outcome,)))
    assert "<script>" not in message.html
    assert "<img" not in message.html
    assert "&lt;script&gt;" in message.html
    assert "javascript:" not in message.html  # only web links become anchors
    assert "<script>alert(1)</script>" in message.body  # plain text stays as written


def test_settings_name_what_is_missing():
    with pytest.raises(SettingsError, match="MATRIX_HOMESERVER"):
        from_env({})
    env = {"MATRIX_HOMESERVER": "https://matrix.example.org", "MATRIX_USER_ID": BOT}
    with pytest.raises(SettingsError, match="no credentials"):
        from_env(env)
    settings = from_env(
        {**env, "MATRIX_ACCESS_TOKEN": "syt_secret", "MATRIX_ALLOWED": ":example.org"}
    )
    assert "syt_secret" not in repr(settings)
    assert settings.may_invite("@alice:example.org")
    assert not settings.may_invite("@mallory:evil.example")


def test_a_long_checklist_is_split_between_outcomes():
    article = Article(text="x")
    long = Result(Status.INFO, "many", tuple(Evidence("q" * 300, f"line {i}") for i in range(200)))
    outcomes = tuple(Outcome(f"c{i}", f"Check {i}", long) for i in range(10))
    messages = render_checklist(Checklist("in", article, outcomes), details=True)
    assert len(messages) > 1
    assert all(len(m.html.encode()) <= 60_000 for m in messages)
    assert sum(m.body.count("line ") for m in messages) == 2000  # nothing dropped
