"""The bot's settings: environment variables, overridden by command-line options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.core.secrets import KEY_FILE_ENV, SECRET_ENV, SecretError, parse_secret
from checks.read.article_cache import DEFAULT_MAX_BYTES, default_path

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable and what to do."""


@dataclass(frozen=True, slots=True)
class Settings:
    token: str = field(repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    db_path: Path = field(default_factory=default_path)
    log_level: str = "INFO"
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080
    rate_limit: int = 10  # checks per user per minute
    rate_window: float = 60.0
    max_concurrent: int = 4  # checks running at once, all chats together
    result_ttl: float = 12 * 3600.0
    heartbeat_interval: float = 15.0
    poll_timeout: int = 10  # seconds a getUpdates long poll may wait
    seconds_per_check: float = 10.0
    # Tests only: (host, port) pairs the fetcher may reach although they are local addresses.
    fetch_allow: tuple[tuple[str, int], ...] = ()
    # Bot API calls per second over all chats (Telegram's own limit is about 30).
    overall_rate: float = 30.0
    # Let the checks probe whether cited links and a named original answer (a few requests
    # per article, through the same guarded fetcher).
    probe_links: bool = True
    # The secret behind hashes and sealed rows: SOURCECHECK_SECRET, else a key file beside the
    # database (SOURCECHECK_KEY_FILE, default <database>.key), made on first start.
    secret: bytes | None = field(default=None, repr=False)
    key_file: Path | None = None
    cache_max_bytes: int = DEFAULT_MAX_BYTES

    @property
    def api_base_file_url(self) -> str:
        """The file download base: ".../bot" becomes ".../file/bot", as Telegram lays it out."""
        base = self.api_base_url.rstrip("/")
        head, sep, tail = base.rpartition("/")
        return f"{head}/file/{tail}" if sep else f"{base}/file"


def read_secret(environ: Mapping[str, str], var: str) -> str | None:
    """A secret from the variable `var`, or from the file `var`_FILE names (Docker secrets)."""
    value = environ.get(var, "").strip()
    path = environ.get(f"{var}_FILE", "").strip()
    if not value and path:
        try:
            value = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise SettingsError(
                f"{var}_FILE={path}: cannot read it ({exc.strerror or exc})"
            ) from None
        if not value:
            raise SettingsError(f"{var}_FILE={path}: the file is empty")
    return value or None


def read_token(environ: Mapping[str, str]) -> str:
    """The token from TELEGRAM_BOT_TOKEN, or from the file TELEGRAM_BOT_TOKEN_FILE names."""
    token = read_secret(environ, "TELEGRAM_BOT_TOKEN")
    if not token:
        raise SettingsError(
            "no bot token: set TELEGRAM_BOT_TOKEN (or TELEGRAM_BOT_TOKEN_FILE to a file"
            " holding it); @BotFather gives you one"
        )
    if ":" not in token or any(ch.isspace() for ch in token):
        raise SettingsError("the bot token does not look like one (expected 123456:ABC...)")
    return token


def from_env(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from the environment; keyword arguments (from the command line) win."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {"token": read_token(env)}
    if env.get("TELEGRAM_API_BASE_URL", "").strip():
        values["api_base_url"] = _http_url("TELEGRAM_API_BASE_URL", env["TELEGRAM_API_BASE_URL"])
    if env.get("SOURCECHECK_DB", "").strip():
        values["db_path"] = Path(env["SOURCECHECK_DB"].strip())
    if env.get("SOURCECHECK_LOG_LEVEL", "").strip():
        values["log_level"] = _log_level(env["SOURCECHECK_LOG_LEVEL"])
    for var, key in (("WEBHOOK_URL", "webhook_url"), ("WEBHOOK_SECRET", "webhook_secret")):
        if env.get(var, "").strip():
            values[key] = env[var].strip()
    if env.get("WEBHOOK_LISTEN", "").strip():
        values["webhook_listen"] = env["WEBHOOK_LISTEN"].strip()
    for var, key in (
        ("WEBHOOK_PORT", "webhook_port"),
        ("SOURCECHECK_RATE_LIMIT", "rate_limit"),
        ("SOURCECHECK_MAX_CONCURRENT", "max_concurrent"),
    ):
        if env.get(var, "").strip():
            values[key] = positive_int(var, env[var])
    if env.get(SECRET_ENV, "").strip():
        try:
            values["secret"] = parse_secret(env[SECRET_ENV])
        except SecretError as exc:
            raise SettingsError(str(exc)) from None
    if env.get(KEY_FILE_ENV, "").strip():
        values["key_file"] = Path(env[KEY_FILE_ENV].strip())
    if env.get("SOURCECHECK_CACHE_MB", "").strip():
        values["cache_max_bytes"] = (
            positive_int("SOURCECHECK_CACHE_MB", env["SOURCECHECK_CACHE_MB"]) * 2**20
        )
    if env.get("SOURCECHECK_PROBE_LINKS", "").strip():
        values["probe_links"] = _switch("SOURCECHECK_PROBE_LINKS", env["SOURCECHECK_PROBE_LINKS"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    return validate(settings)


def validate(settings: Settings) -> Settings:
    if settings.webhook_url:
        _http_url("WEBHOOK_URL", settings.webhook_url)
        secret = settings.webhook_secret or ""
        if not secret:
            raise SettingsError(
                "WEBHOOK_URL is set but WEBHOOK_SECRET is not: a webhook needs a secret token"
                " (1-256 characters of A-Z a-z 0-9 _ -)"
            )
        if len(secret) > 256 or not all(ch.isalnum() or ch in "_-" for ch in secret):
            raise SettingsError("WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -")
    if settings.webhook_port > 65535:
        raise SettingsError(f"WEBHOOK_PORT={settings.webhook_port} is not a port number")
    return replace(settings, log_level=_log_level(settings.log_level))


def _http_url(var: str, value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(f"{var}={value}: expected an http:// or https:// URL")
    return value


def positive_int(var: str, value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise SettingsError(f"{var}={value}: expected a whole number") from None
    if number < 1:
        raise SettingsError(f"{var}={value}: must be at least 1")
    return number


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise SettingsError(f"SOURCECHECK_LOG_LEVEL={value}: use DEBUG, INFO, WARNING or ERROR")
    return level


def _switch(var: str, value: str) -> bool:
    word = value.strip().casefold()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{var} must be on or off, not {value.strip()!r}")
