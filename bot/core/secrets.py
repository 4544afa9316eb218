"""The bot's secret: what its keyed hashes and sealed rows are derived from, kept out of the
database (an environment secret, or a key file beside the database, mode 0600)."""

from __future__ import annotations

import hashlib
import hmac
import logging
from pathlib import Path

from sqlite_utils import Database

from checks.read.key_file import key_path_for, load_or_create_key, read_key, write_key

logger = logging.getLogger(__name__)

SECRET_ENV = "SOURCECHECK_SECRET"
KEY_FILE_ENV = "SOURCECHECK_KEY_FILE"
LEGACY_TABLE = "bot_meta"


class SecretError(ValueError):
    """The secret given is unusable; the message says which setting and why."""


def parse_secret(value: str) -> bytes:
    """SOURCECHECK_SECRET: at least 32 hex digits (16 bytes); `openssl rand -hex 32` makes one."""
    try:
        secret = bytes.fromhex(value.strip())
    except ValueError:
        raise SecretError(f"{SECRET_ENV} must be hex digits (openssl rand -hex 32)") from None
    if len(secret) < 16:
        raise SecretError(f"{SECRET_ENV} must be at least 32 hex digits (16 bytes)")
    return secret


def bot_secret(
    db: Database, database: Path, *, secret: bytes | None = None, key_file: Path | None = None
) -> bytes:
    """The secret, from the environment or the key file (made on first start). A salt that an
    older version kept inside the database moves to the key file, so existing hashes still
    find their rows, and is wiped from the database."""
    legacy = _legacy_salt(db)
    if secret is None:
        path = key_file or key_path_for(database)
        if legacy is not None and not path.exists():
            write_key(path, legacy)
            logger.warning("moved the secret out of the database into %s (mode 0600)", path)
        secret = read_key(path) if path.exists() else load_or_create_key(path)
    if legacy is not None:
        db.execute("PRAGMA secure_delete = ON")
        with db.conn:
            db.execute(f"delete from {LEGACY_TABLE} where key = 'salt'")
    return secret


def derived(secret: bytes, purpose: str) -> bytes:
    """One key per purpose (user hashes, result handles, the article cache) from one secret."""
    return hmac.new(secret, f"sourcecheck:{purpose}".encode(), hashlib.sha256).digest()


def _legacy_salt(db: Database) -> bytes | None:
    if not db[LEGACY_TABLE].exists():
        return None
    rows = list(db.query(f"select value from {LEGACY_TABLE} where key = 'salt'"))
    return bytes.fromhex(rows[0]["value"]) if rows else None
