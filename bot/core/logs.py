"""Logging for the bot: quiet HTTP libraries, and no secret ever reaches a log line."""

from __future__ import annotations

import logging
import re
import sys
import threading

REDACTED = "[REDACTED]"
# httpx logs every request URL at INFO, and Bot API URLs carry the token.
NOISY_LOGGERS = ("httpx", "httpcore", "hpack", "tornado.access", "apscheduler")
# python-telegram-bot logs every Bot API call's parameters and every update at DEBUG: message
# texts, and button data that holds the key to a sealed result. The page readers log what
# they extract. Whatever level the bot runs at, these loggers say no more than INFO (start,
# stop, errors) or WARNING, so that at DEBUG only sourcecheck's own loggers say more.
PAGE_READERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
FLOORS = {
    "telegram": logging.INFO,
    **{name: logging.WARNING for name in (*NOISY_LOGGERS, *PAGE_READERS)},
}
# A result handle's token (24 hex digits of id + 22 of key), in button data or anywhere else.
_RESULT_TOKEN = re.compile(r"(?<![0-9A-Za-z_-])[0-9a-f]{24}[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])")
_secrets: set[str] = set()
_lock = threading.Lock()
_installed = False


def redact(text: str) -> str:
    """The text with every registered secret replaced."""
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _RESULT_TOKEN.sub(REDACTED, text)


def add_secret(secret: str | None) -> None:
    """Register a secret (the token, its private half, a webhook secret) for redaction."""
    if not secret:
        return
    with _lock:
        _secrets.add(secret)
        _, sep, private = secret.partition(":")
        # The half after the colon is the secret part of a bot token; the id before it is public.
        if sep and len(private) >= 16:
            _secrets.add(private)
    install()


def install() -> None:
    """Redact every record as it is made, whichever handler (or test capture) receives it."""
    global _installed
    with _lock:
        if _installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: object, **kwargs: object) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _redact_record(record)
            return record

        logging.setLogRecordFactory(factory)
        _installed = True


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: leave the record for logging to report
        return
    record.msg = redact(message)
    record.args = None
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class RedactingFilter(logging.Filter):
    """For handlers that format records made before install() (belt and braces)."""

    def filter(self, record: logging.LogRecord) -> bool:
        _redact_record(record)
        return True


def setup_logging(level: str = "INFO", secrets: tuple[str | None, ...] = ()) -> None:
    """Log to stderr at `level`, HTTP libraries at WARNING, secrets redacted."""
    for secret in secrets:
        add_secret(secret)
    install()
    root = logging.getLogger()
    root.setLevel(level)
    if not any(getattr(h, "_sourcecheck", False) for h in root.handlers):
        for old in list(root.handlers):
            root.removeHandler(old)  # basicConfig from the CLI's main(): replaced by ours
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        handler._sourcecheck = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    quiet_http_loggers()


def quiet_http_loggers() -> None:
    """Hold the libraries' loggers at their floors (see FLOORS), at every level of ours."""
    for name, floor in FLOORS.items():
        logger = logging.getLogger(name)
        if logger.level < floor:  # NOTSET (0) included: it would inherit DEBUG from the root
            logger.setLevel(floor)
