"""Privacy that holds against the database and at every log level."""

from __future__ import annotations

import logging
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.core.logs import setup_logging
from bot.core.store import Store
from checks.model import Article, Context, Result, Status
from checks.read.article_cache import ArticleCache, normalize_url
from checks.read.key_file import key_path_for

SECRET_TEXT = (
    "Confidential memo number 4417 about the harbour deal, said the minister on Monday,"
    " according to two officials who had read it and spoke to several local newspapers."
)


class WordsCheck:
    name = "words"
    title = "Words"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"Counted {len(article.text.split())} words")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def all_bytes(database: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in database.parent.iterdir() if p.name.startswith(database.name)
        and not p.name.endswith(".key")
    )  # fmt: skip


def test_the_secret_lives_beside_the_database_not_in_it(tmp_path):
    database = tmp_path / "bot.db"
    store = Store(database)
    user = store.user_hash(123456789)
    store.close()

    key = key_path_for(database)
    assert mode(key) == 0o600
    assert mode(database) == 0o600
    assert bytes.fromhex(key.read_text().strip()) not in database.read_bytes()
    reopened = Store(database)
    assert reopened.user_hash(123456789) == user  # the same key on the next start
    reopened.close()
    # Without the key file the same database gives other hashes: they cannot be recomputed.
    key.unlink()
    stranger = Store(database)
    assert stranger.user_hash(123456789) != user
    stranger.close()


def test_an_environment_secret_makes_no_key_file(tmp_path):
    database = tmp_path / "bot.db"
    store = Store(database, secret=bytes(range(32)))
    assert not key_path_for(database).exists()
    assert store.user_hash(1) == Store(memory=True, secret=bytes(range(32))).user_hash(1)
    store.close()


def test_a_salt_an_older_version_kept_in_the_database_moves_out(tmp_path):
    database = tmp_path / "bot.db"
    salt = bytes(range(100, 132))
    with sqlite3.connect(database) as conn:
        conn.execute("create table bot_meta (key text primary key, value text)")
        conn.execute("insert into bot_meta values ('salt', ?)", [salt.hex()])
    store = Store(database)
    assert store.secret == salt  # old hashes still find their rows
    store.close()
    assert bytes.fromhex(key_path_for(database).read_text().strip()) == salt
    with sqlite3.connect(database) as conn:
        assert conn.execute("select count(*) from bot_meta").fetchone() == (0,)
    assert salt.hex().encode() not in all_bytes(database)


def test_the_article_cache_keeps_no_link_in_plain_text(tmp_path):
    database = tmp_path / "bot.db"
    url = "https://news.example.com/story?session=SECRET-SESSION-TOKEN"
    cache = ArticleCache(database, secret=b"k" * 32)
    cache.put(url, Article(text="The harbour story.", url=url), final_url=url)
    assert cache.get(url) is not None
    cache.close()

    stored = all_bytes(database)
    for secret in (b"SECRET-SESSION-TOKEN", b"news.example.com", normalize_url(url).encode()):
        assert secret not in stored
    # The same file under another secret finds nothing.
    assert ArticleCache(database, secret=b"x" * 32).get(url) is None


def test_a_plaintext_cache_table_from_before_is_dropped(tmp_path):
    database = tmp_path / "cache.db"
    with sqlite3.connect(database) as conn:
        conn.execute("create table articles (key text primary key, url text, article text)")
        conn.execute("insert into articles values ('k', 'https://a.example/?session=XYZ', '{}')")
    ArticleCache(database, secret=b"k" * 32).close()
    assert b"session=XYZ" not in all_bytes(database)


def test_the_cache_holds_its_size_cap_and_time_to_live(tmp_path):
    cache = ArticleCache(tmp_path / "c.db", secret=b"k" * 32, max_bytes=60_000, ttl=100)
    noise = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(20_000))  # compresses badly
    for n in range(10):
        cache.put(f"https://site.example/{n}", Article(text=noise + str(n)), now=1000.0 + n)
    assert cache.size() <= 60_000
    assert cache.get("https://site.example/9", now=1010) is not None  # the newest stay
    assert cache.get("https://site.example/0", now=1010) is None  # the oldest went first
    assert cache.purge(now=2000) >= 1
    assert cache.size() == 0  # past their time to live
    cache.close()


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
    for handler in before:
        if handler not in root.handlers:
            root.addHandler(handler)


async def test_no_log_level_records_message_text_or_button_keys(
    unit_bot, tg, caplog, restore_logging
):
    setup_logging("DEBUG")  # as SOURCECHECK_LOG_LEVEL=DEBUG does
    logging.getLogger().addHandler(caplog.handler)  # pytest's capture listens as well
    caplog.set_level(logging.DEBUG)
    bot = await unit_bot(checks=[WordsCheck()])
    calls = await bot.feed(tg.message(SECRET_TEXT))
    answer = next(c for c in calls if "reply_markup" in c["params"])
    data = answer["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    press = {
        "callback_query": {
            "id": "1",
            "from": tg.USER,
            "chat_instance": "1",
            "data": data,
            "message": answer["result"],
        }
    }
    await bot.feed(press)

    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert logging.getLogger("bot").isEnabledFor(logging.DEBUG)  # our own loggers say more
    assert "harbour" not in logged
    assert data.split(":", 1)[1] not in logged


@pytest.mark.parametrize("name", ["bot.db-wal", "bot.db-shm"])
def test_sqlite_side_files_are_private_too(tmp_path, name):
    store = Store(tmp_path / "bot.db")
    store.take_rate(1, limit=5, window=60)
    path = tmp_path / name
    if path.exists():
        assert mode(path) == 0o600
    store.close()


def test_files_an_older_version_left_readable_are_tightened(tmp_path):
    database = tmp_path / "bot.db"
    first = Store(database)
    first.take_rate(1, limit=5, window=60)
    first.close()
    for path in tmp_path.iterdir():
        path.chmod(0o644)
    Store(database).close()
    assert {p.name: mode(p) for p in tmp_path.iterdir()} == {
        p.name: 0o600 for p in tmp_path.iterdir()
    }


def test_privacy_tells_how_long_the_pieces_of_a_paste_are_held():
    from bot.telegram.conversation import PASTE_WINDOW
    from bot.telegram.texts import PRIVACY_EN

    # /privacy says "a second and a half": change both together.
    assert PASTE_WINDOW == 1.5
    assert "a second and a half" in PRIVACY_EN
    assert "never written down" in PRIVACY_EN
