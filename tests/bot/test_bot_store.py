"""The bot's SQLite storage: rate limits, cached results, /forget, heartbeat."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from bot.store import Store, heartbeat_age, result_key


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
    store.put_result(
        "k" * 40, 42, summary=["<b>a</b>"], details=["<b>a</b> b"], document=b"{}", ttl=10, now=0
    )
    stored = store.get_result("k" * 40, now=5)
    assert stored is not None
    assert (stored.summary, stored.details, stored.document) == (
        ["<b>a</b>"],
        ["<b>a</b> b"],
        b"{}",
    )
    assert store.get_result("k" * 40, now=11) is None
    assert store.purge(window=60, now=11) == 1


def test_people_are_stored_only_as_keyed_hashes(tmp_path):
    path = tmp_path / "bot.db"
    store = Store(path)
    store.take_rate(5123456789, limit=10, window=60)
    store.put_result("a" * 40, 5123456789, summary=["x"], details=["x"], document=b"{}", ttl=60)
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
    for user in (1, 2):
        store.take_rate(user, limit=10, window=60)
        store.put_result(
            f"{user}" * 40, user, summary=["x"], details=["x"], document=b"{}", ttl=60
        )
    store.set_check_enabled(1, "outlet", False)
    assert store.forget(1, private_chat_id=1) == 3
    assert store.get_result("1" * 40) is None
    assert store.get_result("2" * 40) is not None
    assert store.disabled_checks(1) == set()
    assert store.forget(1) == 0


def test_chat_settings_switch_on_and_off(store):
    assert store.set_check_enabled(-100, "disclaimers", False) == {"disclaimers"}
    assert store.disabled_checks(-100) == {"disclaimers"}
    assert store.disabled_checks(-101) == set()
    assert store.set_check_enabled(-100, "disclaimers", True) == set()


def test_result_key_ignores_check_order():
    assert result_key("text", "abc", ["b", "a"]) == result_key("text", "abc", ["a", "b"])
    assert result_key("text", "abc", ["a"]) != result_key("url", "abc", ["a"])


def test_heartbeat_age(tmp_path):
    path = tmp_path / "bot.db"
    assert heartbeat_age(path)[0] is None
    assert not path.exists()  # reading never creates the database
    store = Store(path)
    assert heartbeat_age(path) == (None, f"no heartbeat in {path} yet (has the bot started?)")
    store.beat(now=1000.0)
    store.close()
    assert heartbeat_age(path, now=1012.5) == (12.5, "")
