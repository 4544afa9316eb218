"""A sqlite-utils cache of articles read from fetched pages, keyed by normalized URL."""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
from sqlite_utils import Database

from checks.model import Article, Block, Declared, Link, Origin, Region, Visibility

DEFAULT_TTL = 12 * 3600.0
SCHEMA = 1
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
    """Articles read from public pages, each kept for `ttl` seconds."""

    def __init__(
        self, path: str | Path | None = None, *, ttl: float = DEFAULT_TTL, memory: bool = False
    ) -> None:
        if memory:
            self.db = Database(memory=True)
        else:
            file = Path(path) if path else default_path()
            file.parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(file)
        self.ttl = ttl
        self.table = self.db.table("articles")
        if not self.table.exists():
            self.db.create_table(
                "articles",
                {
                    "key": str,
                    "url": str,
                    "final_url": str,
                    "article": str,
                    "schema": int,
                    "fetched_at": float,
                    "expires_at": float,
                },
                pk="key",
            )

    def get(self, url: str, *, now: float | None = None) -> Article | None:
        """The cached article for url, or None if there is none or it has expired."""
        now = time.time() if now is None else now
        rows = list(
            self.db.query(
                "select article from articles where key = ? and expires_at > ? and schema = ?",
                [normalize_url(url), now, SCHEMA],
            )
        )
        return article_from_json(rows[0]["article"]) if rows else None

    def put(
        self, url: str, article: Article, *, final_url: str = "", now: float | None = None
    ) -> None:
        now = time.time() if now is None else now
        self.table.upsert(
            {
                "key": normalize_url(url),
                "url": url,
                "final_url": final_url or url,
                "article": article_to_json(article),
                "schema": SCHEMA,
                "fetched_at": now,
                "expires_at": now + self.ttl,
            },
            pk="key",
        )

    def purge(self, *, now: float | None = None) -> int:
        """Delete expired rows; return how many."""
        now = time.time() if now is None else now
        count = self.db.execute("delete from articles where expires_at <= ?", [now]).rowcount
        self.db.conn.commit()
        return int(count)

    def close(self) -> None:
        self.db.close()
