"""A document sent to the bot (.html, .htm, .txt, .md) -> Article, read as the command line
reads a file: the same size cap, the same decoding, the same HTML reader."""

from __future__ import annotations

from datetime import datetime

from telegram import Document, Message

from checks.model import Article, Origin
from checks.read.text import MAX_INPUT_BYTES, InputError, read_bytes

SUFFIXES = (".html", ".htm", ".txt", ".md")
# Telegram lets a bot download files up to 20 MB; ours stops at the command line's cap first.
DOWNLOAD_LIMIT = min(MAX_INPUT_BYTES, 20 * 1024 * 1024)


def readable_document(message: Message) -> Document | None:
    """The message's document if it is a kind of file the bot reads, else None."""
    document = message.document
    if document is None or not (document.file_name or "").lower().endswith(SUFFIXES):
        return None
    return document


async def read_document(document: Document, *, received: datetime) -> Article:
    """Download and read the file; InputError (meant for the user) if it cannot be read."""
    name = document.file_name or "document"
    if document.file_size is not None and document.file_size > DOWNLOAD_LIMIT:
        raise InputError(
            f"{name} is {document.file_size / 1e6:.0f} MB; the limit is"
            f" {DOWNLOAD_LIMIT // 10**6} MB"
        )
    file = await document.get_file()
    raw = bytes(await file.download_as_bytearray())
    return read_bytes(raw, name=name, origin=Origin(kind="file", name=name), received=received)
