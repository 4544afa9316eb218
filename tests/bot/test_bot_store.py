"""The bot's SQLite storage: rate limits, cached results, /forget, heartbeat."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from bot.core.store import ResultHandle, Store, heartbeat_age


@pytest.fixture
def store():
    s = Store(memory=True)
    yield s
    s.close()


def test_rate_limit_is_a_sliding_window(store):
    def take(at: float) -> float:
        return store.take_rate(42, limit=3, window=60, now=at)

    assert [take(t) for t in (0, 10, 20)] == [0.0, 0.0, 0.0]
    assert take(30) == pytest.approx(30.0)  # the first check leaves the window at 60
    assert take(61) == 0.0
    assert store.take_rate(43, limit=3, window=60, now=61) == 0.0  # others are not counted


def test_results_expire(store):
    handle = store.result_handle("text", "k", ["outlet"])
    store.put_result(
        handle, 42, summary=["<b>a</b>"], details=["<b>a</b> b"], document=b"{}", ttl=10, now=0
    )
    stored = store.get_result(handle, now=5)
    assert stored is not None
    assert (stored.summary, stored.details, stored.document) == (
        ["<b>a</b>"],
        ["<b>a</b> b"],
        b"{}",
    )
    assert store.get_result(handle, now=11) is None
    assert store.purge(window=60, now=11) == 1


def test_people_are_stored_only_as_keyed_hashes(tmp_path):
    path = tmp_path / "bot.db"
    store = Store(path)
    store.take_rate(5123456789, limit=10, window=60)
    handle = store.result_handle("text", "a", ["outlet"])
    store.put_result(handle, 5123456789, summary=["x"], details=["x"], document=b"{}", ttl=60)
    store.set_check_enabled(5123456789, "outlet", False)
    hashed = store.user_hash(5123456789)
    store.close()
    with closing(sqlite3.connect(path)) as conn:
        dump = "\n".join(conn.iterdump())
    assert "5123456789" not in dump
    assert hashed in dump
    again = Store(path)  # the key survives a restart, so /forget still finds old rows
    assert again.user_hash(5123456789) == hashed
    assert again.disabled_checks(5123456789) == {"outlet"}
    again.close()


def test_forget_deletes_only_that_users_rows(store):
    handles = {user: store.result_handle("text", str(user), ["outlet"]) for user in (1, 2)}
    for user in (1, 2):
        store.take_rate(user, limit=10, window=60)
        store.put_result(handles[user], user, summary=["x"], details=["x"], document=b"{}", ttl=60)
    store.set_check_enabled(1, "outlet", False)
    assert store.forget(1, private_chat_id=1) == 3
    assert store.get_result(handles[1]) is None
    assert store.get_result(handles[2]) is not None
    assert store.disabled_checks(1) == set()
    assert store.forget(1) == 0


def test_chat_settings_switch_on_and_off(store):
    assert store.set_check_enabled(-100, "disclaimers", False) == {"disclaimers"}
    assert store.disabled_checks(-100) == {"disclaimers"}
    assert store.disabled_checks(-101) == set()
    assert store.set_check_enabled(-100, "disclaimers", True) == set()


def test_result_handle_ignores_check_order(store):
    handle = store.result_handle
    assert handle("text", "abc", ["b", "a"]) == handle("text", "abc", ["a", "b"])
    assert handle("text", "abc", ["a"]) != handle("url", "abc", ["a"])


def test_a_stored_result_cannot_be_read_without_the_message(tmp_path):
    path = tmp_path / "bot.db"
    store = Store(path)
    secret = "My doctor told me on Monday that the diagnosis is lupus."
    handle = store.result_handle("text", secret, ["disclaimers"])
    rendered = [f"<b>Checked:</b> <i>{secret}</i>"]
    store.put_result(handle, 7, summary=rendered, details=rendered, document=b'{"q": 1}', ttl=60)
    store.close()

    with closing(sqlite3.connect(path)) as conn:
        dump = "\n".join(conn.iterdump())
    again = Store(path)
    forged = ResultHandle(handle.id, bytes(16))

    assert "lupus" not in dump
    assert "diagnosis" not in dump
    assert again.get_result(forged) is None  # the row is there, but nothing opens it
    assert again.get_result(ResultHandle.from_token(handle.token)).summary == rendered
    again.close()


def test_heartbeat_age(tmp_path):
    path = tmp_path / "bot.db"
    assert heartbeat_age(path)[0] is None
    assert not path.exists()  # reading never creates the database
    store = Store(path)
    assert heartbeat_age(path) == (None, f"no heartbeat in {path} yet (has the bot started?)")
    store.beat(now=1000.0)
    store.close()
    assert heartbeat_age(path, now=1012.5) == (12.5, "")


def test_a_chats_language_is_kept_apart_from_its_checks_and_survives_a_restart(tmp_path):
    path = tmp_path / "bot.db"
    store = Store(path)
    assert store.chat_language(-100) is None
    store.set_chat_language(-100, "uk")
    store.set_check_enabled(-100, "lateral", False)
    store.close()
    again = Store(path)
    assert again.chat_language(-100) == "uk"
    assert again.disabled_checks(-100) == {"lateral"}
    assert again.chat_language(-200) is None


def test_a_database_from_before_languages_gains_the_column(tmp_path):
    path = tmp_path / "old.db"
    store = Store(path)
    store.set_check_enabled(-100, "lateral", False)
    store.close()
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "create table chats_old (chat text primary key, disabled text, updated_at float)"
        )
        db.execute("insert into chats_old select chat, disabled, updated_at from chat_settings")
        db.execute("drop table chat_settings")
        db.execute("alter table chats_old rename to chat_settings")
        db.commit()
    again = Store(path)
    assert again.disabled_checks(-100) == {"lateral"}
    again.set_chat_language(-100, "de")
    assert again.chat_language(-100) == "de"
