"""The Matrix bot's settings, from environment variables (secrets may come from files)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.core.settings import SettingsError, positive_int, read_secret
from checks.read.article_cache import default_path


@dataclass(frozen=True, slots=True)
class MatrixSettings:
    homeserver: str  # the client-server API base, e.g. https://matrix.example.org
    user_id: str  # @sourcecheck:example.org
    access_token: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    device_name: str = "sourcecheck"
    # Invites are accepted only from these servers (":example.org") or users; empty: anyone.
    allowed: tuple[str, ...] = ()
    db_path: Path = field(default_factory=default_path)
    log_level: str = "INFO"
    rate_limit: int = 10  # checks per user per minute
    rate_window: float = 60.0
    max_concurrent: int = 4
    result_ttl: float = 12 * 3600.0
    seconds_per_check: float = 10.0
    probe_links: bool = True
    heartbeat_interval: float = 15.0
    sync_timeout_ms: int = 30_000
    fetch_allow: tuple[tuple[str, int], ...] = ()  # tests only, as for the Telegram bot

    @property
    def server_name(self) -> str:
        return self.user_id.partition(":")[2]

    def may_invite(self, sender: str) -> bool:
        """Whether an invite from this user is accepted."""
        if not self.allowed:
            return True
        server = ":" + sender.partition(":")[2]
        return sender in self.allowed or server in self.allowed


def _number(env: Mapping[str, str], var: str, default: int) -> int:
    raw = env.get(var, "").strip()
    return positive_int(var, raw) if raw else default


def from_env(environ: Mapping[str, str] | None = None, **overrides: object) -> MatrixSettings:
    """Settings from MATRIX_* and SOURCECHECK_* variables; keyword arguments win."""
    env = os.environ if environ is None else environ
    homeserver = env.get("MATRIX_HOMESERVER", "").strip().rstrip("/")
    parts = urlsplit(homeserver)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SettingsError(
            "MATRIX_HOMESERVER must be the homeserver's http(s) URL, e.g."
            " https://matrix.example.org"
        )
    user_id = env.get("MATRIX_USER_ID", "").strip()
    if not (user_id.startswith("@") and ":" in user_id):
        raise SettingsError("MATRIX_USER_ID must be a full user id, e.g. @sourcecheck:example.org")
    token = read_secret(env, "MATRIX_ACCESS_TOKEN")
    password = None if token else read_secret(env, "MATRIX_PASSWORD")
    if not token and not password:
        raise SettingsError(
            "no credentials: set MATRIX_ACCESS_TOKEN (or MATRIX_ACCESS_TOKEN_FILE), or"
            " MATRIX_PASSWORD (or MATRIX_PASSWORD_FILE)"
        )
    allowed = tuple(a.strip() for a in env.get("MATRIX_ALLOWED", "").split(",") if a.strip())
    for entry in allowed:
        if not (entry.startswith(":") or (entry.startswith("@") and ":" in entry)):
            raise SettingsError(
                f"MATRIX_ALLOWED: {entry!r} is neither a server (:example.org) nor a user"
                " (@name:example.org)"
            )
    values: dict[str, object] = {
        "homeserver": homeserver,
        "user_id": user_id,
        "access_token": token,
        "password": password,
        "allowed": allowed,
        "rate_limit": _number(env, "SOURCECHECK_RATE_LIMIT", 10),
        "max_concurrent": _number(env, "SOURCECHECK_MAX_CONCURRENT", 4),
    }
    if env.get("SOURCECHECK_DB", "").strip():
        values["db_path"] = Path(env["SOURCECHECK_DB"].strip())
    if env.get("SOURCECHECK_LOG_LEVEL", "").strip():
        values["log_level"] = env["SOURCECHECK_LOG_LEVEL"].strip().upper()
    if env.get("SOURCECHECK_PROBE_LINKS", "").strip():
        values["probe_links"] = env["SOURCECHECK_PROBE_LINKS"].strip().casefold() in (
            "1",
            "true",
            "yes",
            "on",
        )
    values.update({k: v for k, v in overrides.items() if v is not None})
    return MatrixSettings(**values)  # type: ignore[arg-type]
