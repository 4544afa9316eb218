"""A sqlite-utils cache of articles read from fetched pages, under keyed hashes of their links."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
import zlib
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlite_utils import Database

from checks.model import Article, Block, Declared, Link, Origin, Region, Visibility
from checks.read.key_file import key_path_for, load_or_create_key, private_file

DEFAULT_TTL = 12 * 3600.0
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_ENTRY_BYTES = 2 * 1024 * 1024  # compressed and sealed
SCHEMA = 1
TABLE = "sealed_articles"
_NONCE = 12
# Query parameters that only say where a click came from; the page is the same without them.
TRACKING_PARAMS = ("fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga")
TRACKING_PREFIXES = ("utm_",)


def default_path() -> Path:
    """$XDG_DATA_HOME/sourcecheck/cache.db, else ~/.local/share/sourcecheck/cache.db."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sourcecheck" / "cache.db"


def normalize_url(url: str) -> str:
    """One key per page: lower-case scheme and host, no default port, fragment or trackers."""
    parsed = httpx.URL(url)
    host = parsed.raw_host.decode("ascii").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    port = parsed.port
    default = {"http": 80, "https": 443}.get(parsed.scheme)
    netloc = host if port in (None, default) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parsed.query.decode("ascii"), keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parsed.raw_path.decode("ascii").split("?", 1)[0] or "/"
    return f"{parsed.scheme}://{netloc}{path}" + (f"?{urlencode(query)}" if query else "")


def article_to_json(article: Article) -> str:
    data = asdict(article)
    data["meta"] = dict(article.meta)
    return json.dumps(data, ensure_ascii=False, default=_encode)


def article_from_json(text: str) -> Article:
    data: dict[str, Any] = json.loads(text)
    data["links"] = tuple(Link(**link) for link in data["links"])
    data["blocks"] = tuple(Block(Region(b["region"]), b["text"]) for b in data.get("blocks", ()))
    data["declared"] = tuple(Declared(**d) for d in data.get("declared", ()))
    data["visibility"] = Visibility(**data.get("visibility", {}))
    if data["origin"] is not None:
        origin = data["origin"]
        origin["date"] = _date(origin["date"])
        data["origin"] = Origin(**origin)
    for key in ("published", "received"):
        data[key] = _date(data[key])
    return Article(**data)


def _encode(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def _date(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class ArticleCache:
    """Articles read from public pages, each kept for `ttl` seconds, `max_bytes` in all.

    Nothing in the file names a page: a row's key is a keyed hash (HMAC-SHA256) of the
    normalised link, and the article is sealed (AES-GCM) under a key derived from the link
    and the secret. The secret lives outside the file (a key file beside it, mode 0600, or
    the caller's own), so a copy of the database alone reveals no link a user sent, and even
    with the secret a link can only be confirmed by guessing it, not listed.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        ttl: float = DEFAULT_TTL,
        memory: bool = False,
        secret: bytes | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
    ) -> None:
        if memory:
            self.db = Database(memory=True)
            self._secret = secret or secrets.token_bytes(32)
        else:
            file = Path(path) if path else default_path()
            private_file(file)
            self.db = Database(file)
            self._secret = secret or load_or_create_key(key_path_for(file))
        self.ttl = ttl
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes
        self._drop_plaintext_table()
        self.table = self.db.table(TABLE)
        if not self.table.exists():
            self.db.create_table(
                TABLE,
                {
                    "key": str,
                    "sealed": bytes,  # nonce + AES-GCM of the zlib-compressed article JSON
                    "size": int,
                    "schema": int,
                    "fetched_at": float,
                    "expires_at": float,
                },
                pk="key",
            )
            self.table.create_index(["expires_at"])
            self.table.create_index(["fetched_at"])

    def _drop_plaintext_table(self) -> None:
        """The first cache kept links in plain text: drop it, and the pages that held it."""
        if self.db["articles"].exists():
            self.db.execute("PRAGMA secure_delete = ON")
            self.db["articles"].drop()
            self.db.conn.commit()
            self.db.vacuum()

    def _key(self, url: str) -> tuple[str, bytes]:
        normalized = normalize_url(url).encode("utf-8")
        row = hmac.new(self._secret, b"article-row:" + normalized, hashlib.sha256).hexdigest()
        seal = hmac.new(self._secret, b"article-seal:" + normalized, hashlib.sha256).digest()
        return row[:40], seal

    def get(self, url: str, *, now: float | None = None) -> Article | None:
        """The cached article for url, or None if there is none or it has expired."""
        now = time.time() if now is None else now
        row_key, seal = self._key(url)
        rows = list(
            self.db.query(
                f"select sealed from {TABLE} where key = ? and expires_at > ? and schema = ?",
                [row_key, now, SCHEMA],
            )
        )
        if not rows:
            return None
        sealed = bytes(rows[0]["sealed"])
        try:
            plain = AESGCM(seal).decrypt(sealed[:_NONCE], sealed[_NONCE:], row_key.encode())
        except InvalidTag:
            return None
        return article_from_json(zlib.decompress(plain).decode("utf-8"))

    def put(
        self, url: str, article: Article, *, final_url: str = "", now: float | None = None
    ) -> None:
        """Keep the article (unless it alone is over the entry limit), then hold the limits."""
        now = time.time() if now is None else now
        row_key, seal = self._key(url)
        plain = zlib.compress(article_to_json(article).encode("utf-8"), 6)
        if len(plain) > self.max_entry_bytes:
            return  # a page this large is read again rather than crowding out a hundred others
        nonce = secrets.token_bytes(_NONCE)
        sealed = nonce + AESGCM(seal).encrypt(nonce, plain, row_key.encode())
        self.table.upsert(
            {
                "key": row_key,
                "sealed": sealed,
                "size": len(sealed),
                "schema": SCHEMA,
                "fetched_at": now,
                "expires_at": now + self.ttl,
            },
            pk="key",
        )
        self.purge(now=now)

    def purge(self, *, now: float | None = None) -> int:
        """Delete expired rows, then the oldest until the cache fits max_bytes; return how many."""
        now = time.time() if now is None else now
        count = self.db.execute(f"delete from {TABLE} where expires_at <= ?", [now]).rowcount
        total = self.db.execute(f"select coalesce(sum(size), 0) from {TABLE}").fetchone()[0]
        if total > self.max_bytes:
            excess = total - self.max_bytes
            rows = self.db.execute(
                f"select key, size from {TABLE} order by fetched_at, key"
            ).fetchall()
            doomed = []
            for key, size in rows:
                if excess <= 0:
                    break
                doomed.append(key)
                excess -= size
            self.db.conn.executemany(f"delete from {TABLE} where key = ?", [(k,) for k in doomed])
            count += len(doomed)
        self.db.conn.commit()
        return int(count)

    def size(self) -> int:
        """Bytes the cached articles take (sealed), for tests and metrics."""
        return int(self.db.execute(f"select coalesce(sum(size), 0) from {TABLE}").fetchone()[0])

    def close(self) -> None:
        self.db.close()
