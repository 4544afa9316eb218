"""The Matrix bot against a real Synapse: a reader's conversation, read back from the rooms."""

from __future__ import annotations

import sqlite3

from matrix_support import SEED, from_bot, joined

SEED_TEXT = SEED.read_text("utf-8")


def _edit_of(event_id: str):
    def match(event):
        relates = event.get("content", {}).get("m.relates_to") or {}
        return relates.get("rel_type") == "m.replace" and relates.get("event_id") == event_id

    return match


def _replying_to(event_id: str):
    def match(event):
        relates = event.get("content", {}).get("m.relates_to") or {}
        return (relates.get("m.in_reply_to") or {}).get("event_id") == event_id

    return match


async def test_a_pasted_article_in_a_direct_room_gets_the_checklist(matrix_bot, person):
    alice = await person()
    room = await alice.room(matrix_bot.account.user_id, direct=True)
    await joined(alice, matrix_bot, room)
    asked = await alice.send(room, SEED_TEXT)
    checking = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room, msgtype="m.notice")(e) and _replying_to(asked)(e)
    )
    assert checking["content"]["body"] == "Checking…"
    edit = await alice.wait_for(_edit_of(checking["event_id"]), within=60)
    new = edit["content"]["m.new_content"]
    body, html = new["body"], new["formatted_body"]
    assert new["msgtype"] == "m.notice"
    assert new["format"] == "org.matrix.custom.html"
    # The same facts as on Telegram and in the command line.
    assert "Global Research" in body
    assert "InfoBrics" in body
    assert "placeholder" in body
    assert "sole responsibility of the author" in body
    assert "23 May 2023" in body  # the publication date, as a reader says it
    assert "<b>Outlet:</b> Global Research" in html
    # The database holds no words of the article, and the log no token.
    stored = b"".join(p.read_bytes() for p in matrix_bot.db.parent.glob("bot.db*"))
    assert b"Belgorod" not in stored
    assert b"InfoBrics" not in stored
    assert matrix_bot.account.access_token not in matrix_bot.log_text()


async def test_details_as_a_reply_reopen_the_sealed_result(matrix_bot, person):
    alice = await person()
    room = await alice.room(matrix_bot.account.user_id, direct=True)
    await joined(alice, matrix_bot, room)
    asked = await alice.send(room, SEED_TEXT)
    checking = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(asked)(e)
    )
    await alice.wait_for(_edit_of(checking["event_id"]), within=60)
    details = await alice.send(
        room, "!details", **{"m.relates_to": {"m.in_reply_to": {"event_id": checking["event_id"]}}}
    )
    answer = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(details)(e)
    )
    # Details quote more of the evidence than the summary: every disclaimer sentence.
    assert "fair use" in answer["content"]["body"]
    assert "copyrighted material" in answer["content"]["body"]


async def test_in_a_group_room_the_bot_answers_only_when_asked(matrix_bot, person):
    alice, bob = await person(), await person()
    room = await alice.room(matrix_bot.account.user_id, bob.account.user_id, name="newsroom")
    await bob.client.join(room)
    await joined(alice, matrix_bot, room)
    chatter = await alice.send(room, SEED_TEXT)  # pasted into the group, nobody asked the bot
    post = await bob.send(room, "Lunch at one?")
    mention = await alice.send(
        room,
        f"{matrix_bot.account.user_id} what do you make of this one?",
        **{
            "m.mentions": {"user_ids": [matrix_bot.account.user_id]},
            "m.relates_to": {"m.in_reply_to": {"event_id": chatter}},
        },
    )
    checking = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(mention)(e)
    )
    edit = await alice.wait_for(_edit_of(checking["event_id"]), within=60)
    # The mention under the post means the post: the question is not what was checked.
    assert "InfoBrics" in edit["content"]["m.new_content"]["body"]
    replies = [e for e in alice.events if from_bot(matrix_bot, room)(e)]
    assert not [e for e in replies if _replying_to(chatter)(e) or _replying_to(post)(e)]


async def test_check_as_a_reply_checks_that_message(matrix_bot, person):
    alice, bob = await person(), await person()
    room = await alice.room(matrix_bot.account.user_id, bob.account.user_id, name="desk")
    await bob.client.join(room)
    await joined(alice, matrix_bot, room)
    original = await alice.send(room, SEED_TEXT)
    command = await alice.send(
        room, "!check", **{"m.relates_to": {"m.in_reply_to": {"event_id": original}}}
    )
    checking = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(command)(e)
    )
    edit = await alice.wait_for(_edit_of(checking["event_id"]), within=60)
    assert "Global Research" in edit["content"]["m.new_content"]["body"]


async def test_help_privacy_and_a_greeting_get_short_answers(matrix_bot, person):
    alice = await person()
    room = await alice.room(matrix_bot.account.user_id, direct=True)
    await joined(alice, matrix_bot, room)
    hello = await alice.send(room, "hi there!")
    reply = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(hello)(e)
    )
    assert "paste an article" in reply["content"]["body"]
    assert "Outlet" not in reply["content"]["body"]  # a greeting is not checked
    asked = await alice.send(room, "!privacy")
    reply = await alice.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(asked)(e)
    )
    assert "No message text" in reply["content"]["body"]


async def test_an_encrypted_room_is_refused_with_a_reason(matrix_bot, person):
    alice = await person()
    encryption = {
        "type": "m.room.encryption",
        "state_key": "",
        "content": {"algorithm": "m.megolm.v1.aes-sha2"},
    }
    room = await alice.room(matrix_bot.account.user_id, name="secret", initial_state=[encryption])
    said = await alice.wait_for(from_bot(matrix_bot, room, msgtype="m.notice"), within=30)
    assert "end-to-end encrypted" in said["content"]["body"]
    await alice.wait_for(
        lambda e: (
            e.get("type") == "m.room.member"
            and e.get("state_key") == matrix_bot.account.user_id
            and e.get("content", {}).get("membership") == "leave"
            and e.get("room_id") == room
        )
    )


async def test_the_sync_position_is_kept_in_the_database(matrix_bot, person):
    alice = await person()
    room = await alice.room(matrix_bot.account.user_id, direct=True)
    await joined(alice, matrix_bot, room)
    with sqlite3.connect(matrix_bot.db) as conn:
        rows = dict(conn.execute("select key, value from matrix_state"))
    assert rows.get("sync_token")
    assert matrix_bot.account.access_token not in "".join(rows.values())


async def test_a_rooms_moderator_chooses_its_language(matrix_bot, person):
    alice, bob = await person(), await person()  # alice made the room: she moderates it
    room = await alice.room(matrix_bot.account.user_id, bob.account.user_id, name="redaktion")
    await bob.client.join(room)
    await joined(alice, matrix_bot, room)
    asked = await bob.send(room, "!language de")
    refused = await bob.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(asked)(e)
    )
    assert refused["content"]["body"] == "Only the room's moderators can change its language."
    asked = await alice.send(room, "!language de")
    done = await alice.wait_for(lambda e: from_bot(matrix_bot, room)(e) and _replying_to(asked)(e))
    assert done["content"]["body"] == "Ab jetzt antworte ich in diesem Raum auf Deutsch."
    command = await bob.send(room, f"!check {SEED_TEXT}")
    checking = await bob.wait_for(
        lambda e: from_bot(matrix_bot, room)(e) and _replying_to(command)(e)
    )
    assert checking["content"]["body"] == "Ich prüfe…"
    edit = await bob.wait_for(_edit_of(checking["event_id"]), within=60)
    body = edit["content"]["m.new_content"]["body"]
    assert "Wer es geschrieben hat" in body
    assert "23. Mai 2023" in body
    assert "InfoBrics" in body  # names as written
