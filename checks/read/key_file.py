"""Secret keys kept beside a database file, never inside it; both readable by the owner only."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

KEY_BYTES = 32
PRIVATE_MODE = 0o600


class KeyFileError(ValueError):
    """The key file exists but does not hold a key; the message says which file."""


def key_path_for(database: Path) -> Path:
    """`sourcecheck.db` -> `sourcecheck.db.key`: next to the file, so a backup tool that is
    told to skip `*.key` keeps the secret out of the copy of the database."""
    return database.with_name(database.name + ".key")


def private_file(path: Path) -> None:
    """Make sure the file exists and only its owner can read or write it (SQLite gives its
    -wal and -shm files the database file's mode)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        # Files an older version left readable by others, the database's side files included.
        for existing in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
            if existing.exists() and stat.S_IMODE(existing.stat().st_mode) & 0o077:
                existing.chmod(PRIVATE_MODE)
        return
    os.close(fd)


def load_or_create_key(path: Path) -> bytes:
    """The key in `path` (hex); on first use a new random key, written with mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        return read_key(path)
    key = secrets.token_bytes(KEY_BYTES)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key.hex() + "\n")
    return key


def write_key(path: Path, key: bytes) -> None:
    """Keep an existing key (one moved out of an old database) in a new 0600 file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key.hex() + "\n")


def read_key(path: Path) -> bytes:
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_MODE)
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise KeyFileError(f"{path} does not hold a hex key") from None
    if len(key) < 16:
        raise KeyFileError(f"{path} holds a key of {len(key)} bytes; at least 16 are needed")
    return key
