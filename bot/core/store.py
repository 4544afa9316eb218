"""The bot's state in SQLite (sqlite-utils): chat settings, rate limits, results, heartbeat.

No message text is stored. A rendered result quotes the message, so it is stored sealed
(AES-GCM) under a key derived from the message itself and the bot's secret: whoever reads the
database without both cannot read the result; the same message again, or the buttons under
the reply (their data carries the key), can. People are stored as a keyed hash of their
Telegram id. The secret lives outside the database (bot.core.secrets): a copy of the file
alone opens nothing and reverses no hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import sqlite3
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlite_utils import Database

from bot.core.secrets import bot_secret, derived
from checks.read.key_file import private_file

META, CHATS, RATES, RESULTS, HEARTBEAT = (
    "bot_meta",
    "chat_settings",
    "rate_limit",
    "result_cache",
    "heartbeat",
)
_ID_BYTES, _SECRET_BYTES, _NONCE_BYTES = 12, 16, 12
_TOKEN = re.compile(r"^([0-9a-f]{24})([A-Za-z0-9_-]{22})$")


@dataclass(frozen=True, slots=True)
class ResultHandle:
    """Where a result is stored (id) and the key that opens it (secret, never stored)."""

    id: str
    secret: bytes = field(repr=False)

    @property
    def token(self) -> str:
        """46 characters: fits Telegram's 64-byte callback data with a prefix."""
        return self.id + base64.urlsafe_b64encode(self.secret).rstrip(b"=").decode("ascii")

    @classmethod
    def from_token(cls, token: str) -> ResultHandle | None:
        match = _TOKEN.match(token)
        if match is None:
            return None
        secret = base64.urlsafe_b64decode(match.group(2) + "==")
        return cls(match.group(1), secret)


@dataclass(frozen=True, slots=True)
class StoredResult:
    """A checklist as it was rendered: summary and details chunks, and the JSON document."""

    handle: ResultHandle
    summary: list[str]
    details: list[str]
    document: bytes
    created_at: float


class Store:
    def __init__(
        self,
        path: str | Path | None = None,
        *,
        memory: bool = False,
        secret: bytes | None = None,
        key_file: Path | None = None,
    ) -> None:
        if memory:
            self.db = Database(memory=True)
            self._create_tables()
            self.secret = secret or secrets.token_bytes(32)
        else:
            file = Path(path) if path else Path("sourcecheck.db")
            private_file(file)  # 0600 before SQLite opens it; -wal and -shm inherit the mode
            self.db = Database(file)
            # Every message writes here from the event loop: in WAL mode with NORMAL sync a
            # commit appends to the log instead of syncing the file (0.8 -> 0.05 ms each).
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._create_tables()
            self.secret = bot_secret(self.db, file, secret=secret, key_file=key_file)
        # The secret itself keys the hashes: a salt moved out of an older database keeps
        # finding the rows it made.
        self._salt = self.secret

    def _create_tables(self) -> None:
        db = self.db
        if not db[META].exists():
            db.create_table(META, {"key": str, "value": str}, pk="key")
        if not db[CHATS].exists():
            db.create_table(
                CHATS,
                {"chat": str, "disabled": str, "language": str, "updated_at": float},
                pk="chat",
            )
        elif "language" not in db[CHATS].columns_dict:  # a database from before /language
            db[CHATS].add_column("language", str)
        if not db[RATES].exists():
            db.create_table(RATES, {"id": int, "user": str, "at": float}, pk="id")
            db[RATES].create_index(["user", "at"])
        if not db[RESULTS].exists():
            db.create_table(
                RESULTS,
                {
                    "key": str,
                    "user": str,
                    "sealed": bytes,  # nonce + AES-GCM of the rendered result
                    "created_at": float,
                    "expires_at": float,
                },
                pk="key",
            )
            db[RESULTS].create_index(["user"])
        if not db[HEARTBEAT].exists():
            db.create_table(HEARTBEAT, {"id": int, "at": float, "pid": int}, pk="id")

    def cache_secret(self) -> bytes:
        """The article cache's own key, from the same secret."""
        return derived(self.secret, "article-cache")

    def _hash(self, kind: str, ident: int) -> str:
        digest = hmac.new(self._salt, f"{kind}:{ident}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]

    def user_hash(self, user_id: int) -> str:
        return self._hash("user", user_id)

    def chat_hash(self, chat_id: int) -> str:
        return self._hash("chat", chat_id)

    # --- per-chat settings -------------------------------------------------------------

    def disabled_checks(self, chat_id: int) -> set[str]:
        rows = list(
            self.db.query(
                f"select disabled from {CHATS} where chat = ?", [self.chat_hash(chat_id)]
            )
        )
        return set(json.loads(rows[0]["disabled"])) if rows else set()

    def set_check_enabled(self, chat_id: int, name: str, enabled: bool) -> set[str]:
        """Switch one check on or off for a chat; return the chat's switched-off checks."""
        disabled = self.disabled_checks(chat_id)
        if enabled:
            disabled.discard(name)
        else:
            disabled.add(name)
        self.db[CHATS].upsert(
            {
                "chat": self.chat_hash(chat_id),
                "disabled": json.dumps(sorted(disabled)),
                "updated_at": time.time(),
            },
            pk="chat",
        )
        return disabled

    def chat_language(self, chat_id: int) -> str | None:
        """The reply language chosen for this chat with /language; None if none was."""
        rows = list(
            self.db.query(
                f"select language from {CHATS} where chat = ?", [self.chat_hash(chat_id)]
            )
        )
        return (rows[0]["language"] or None) if rows else None

    def set_chat_language(self, chat_id: int, language: str) -> None:
        key = self.chat_hash(chat_id)
        if not self.db[CHATS].count_where("chat = ?", [key]):
            self.db[CHATS].insert({"chat": key, "disabled": "[]", "updated_at": time.time()})
        with self.db.conn:
            self.db.execute(
                f"update {CHATS} set language = ?, updated_at = ? where chat = ?",
                [language, time.time(), key],
            )

    # --- per-user rate limit -----------------------------------------------------------

    def take_rate(
        self, user_id: int, *, limit: int, window: float, now: float | None = None
    ) -> float:
        """Record one check for the user; 0.0 if allowed, else seconds until one is free."""
        now = time.time() if now is None else now
        user = self.user_hash(user_id)
        rows = list(
            self.db.query(
                f"select at from {RATES} where user = ? and at > ? order by at",
                [user, now - window],
            )
        )
        if len(rows) >= limit:
            return max(0.1, rows[len(rows) - limit]["at"] + window - now)
        self.db[RATES].insert({"user": user, "at": now})
        return 0.0

    # --- results -----------------------------------------------------------------------

    def result_handle(self, kind: str, value: str, checks: Iterable[str]) -> ResultHandle:
        """The same input and checks give the same handle; nothing else can find or open it."""
        payload = json.dumps([kind, value, sorted(checks)], ensure_ascii=False).encode("utf-8")
        digest = hmac.new(self._salt, payload, hashlib.sha512).digest()
        return ResultHandle(
            digest[:_ID_BYTES].hex(), digest[_ID_BYTES : _ID_BYTES + _SECRET_BYTES]
        )

    def get_result(self, handle: ResultHandle, *, now: float | None = None) -> StoredResult | None:
        now = time.time() if now is None else now
        rows = list(
            self.db.query(
                f"select * from {RESULTS} where key = ? and expires_at > ?", [handle.id, now]
            )
        )
        if not rows:
            return None
        sealed = bytes(rows[0]["sealed"])
        try:
            plain = AESGCM(handle.secret).decrypt(
                sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], handle.id.encode("ascii")
            )
        except InvalidTag:
            return None  # a forged or mistyped key opens nothing
        content = json.loads(zlib.decompress(plain))
        return StoredResult(
            handle=handle,
            summary=content["summary"],
            details=content["details"],
            document=content["document"].encode("utf-8"),
            created_at=rows[0]["created_at"],
        )

    def put_result(
        self,
        handle: ResultHandle,
        user_id: int,
        *,
        summary: list[str],
        details: list[str],
        document: bytes,
        ttl: float,
        now: float | None = None,
    ) -> None:
        now = time.time() if now is None else now
        content = {"summary": summary, "details": details, "document": document.decode("utf-8")}
        plain = zlib.compress(json.dumps(content, ensure_ascii=False).encode("utf-8"))
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = nonce + AESGCM(handle.secret).encrypt(nonce, plain, handle.id.encode("ascii"))
        self.db[RESULTS].upsert(
            {
                "key": handle.id,
                "user": self.user_hash(user_id),
                "sealed": sealed,
                "created_at": now,
                "expires_at": now + ttl,
            },
            pk="key",
        )

    # --- /forget -----------------------------------------------------------------------

    def forget(self, user_id: int, private_chat_id: int | None = None) -> int:
        """Delete the user's rate-limit records, results and private-chat settings."""
        user = self.user_hash(user_id)
        deleted = 0
        with self.db.conn:
            for table in (RATES, RESULTS):
                deleted += self.db.execute(f"delete from {table} where user = ?", [user]).rowcount
            if private_chat_id is not None:
                deleted += self.db.execute(
                    f"delete from {CHATS} where chat = ?", [self.chat_hash(private_chat_id)]
                ).rowcount
        return deleted

    # --- housekeeping ------------------------------------------------------------------

    def beat(self, now: float | None = None) -> None:
        now = time.time() if now is None else now
        self.db[HEARTBEAT].upsert({"id": 1, "at": now, "pid": os.getpid()}, pk="id")

    def purge(self, *, window: float, now: float | None = None) -> int:
        """Drop expired results and rate-limit records older than the window."""
        now = time.time() if now is None else now
        with self.db.conn:
            count = self.db.execute(f"delete from {RESULTS} where expires_at <= ?", [now]).rowcount
            count += self.db.execute(f"delete from {RATES} where at <= ?", [now - window]).rowcount
        return count

    def close(self) -> None:
        self.db.close()


def heartbeat_age(path: str | Path, *, now: float | None = None) -> tuple[float | None, str]:
    """Seconds since the bot's last heartbeat, read without creating or changing anything."""
    now = time.time() if now is None else now
    file = Path(path)
    if not file.exists():
        return None, f"no database at {file} (has the bot started?)"
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute(f"select max(at) from {HEARTBEAT}").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None, f"no heartbeat in {file} yet (has the bot started?)"
        return None, f"cannot read {file}: {exc}"
    if row is None or row[0] is None:
        return None, f"no heartbeat in {file} yet (has the bot started?)"
    return now - float(row[0]), ""
