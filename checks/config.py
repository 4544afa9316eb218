"""Which checks run and with what settings: a TOML file plus environment variables."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checks.engine import check_entry_points, load_checks
from checks.model import Check, Context

CONFIG_ENV = "SOURCECHECK_CONFIG"
ENABLE_ENV = "SOURCECHECK_CHECKS_ENABLE"
DISABLE_ENV = "SOURCECHECK_CHECKS_DISABLE"
# SOURCECHECK_CHECK__<check>__<key>=value sets one string setting of one check.
SETTING_ENV_PREFIX = "SOURCECHECK_CHECK__"
_LIST_KEYS = ("enable", "disable")


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file or variable at fault."""


@dataclass(frozen=True, slots=True)
class Config:
    """The checks to run and their settings; `enable=None` means every installed check."""

    enable: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # where the values came from, for error messages

    def load_checks(self) -> list[Check]:
        """The installed checks this configuration selects, in the engine's order."""
        self.validate_names({ep.name for ep in check_entry_points()})
        return load_checks(enabled=self.enable, disabled=self.disable)

    def validate_names(self, installed: Iterable[str]) -> None:
        """Refuse a name that matches no installed check: a typo must not pass silently."""
        known = set(installed)
        named = {
            "enable": self.enable or (),
            "disable": self.disable,
            "settings": tuple(self.settings),
        }
        for what, names in named.items():
            unknown = sorted(set(names) - known)
            if unknown:
                origin = " or ".join(self.sources) or "configuration"
                raise ConfigError(
                    f"{origin}: {what} names unknown check(s): {', '.join(unknown)}"
                    f" (installed: {', '.join(sorted(known))})"
                )

    def context(self, ctx: Context) -> Context:
        """The context with these settings, each check's table under its name."""
        return replace(ctx, settings={**ctx.settings, **self.settings})


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the TOML file (`path`, else $SOURCECHECK_CONFIG), then let the environment override."""
    env = os.environ if environ is None else environ
    if path is None and env.get(CONFIG_ENV):
        path = Path(env[CONFIG_ENV])
    config = Config()
    if path is not None:
        config = read_toml(path)
    return apply_environment(config, env)


def read_toml(path: Path) -> Config:
    """`[checks] enable/disable = [...]` and one `[checks.<name>]` table per check."""
    try:
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    section = doc.get("checks", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [checks] must be a table")
    lists: dict[str, tuple[str, ...]] = {}
    settings: dict[str, Mapping[str, Any]] = {}
    for key, value in section.items():
        if key in _LIST_KEYS:
            lists[key] = _names(value, f"{path}: checks.{key}")
        elif isinstance(value, dict):
            settings[key] = value
        else:
            raise ConfigError(
                f"{path}: checks.{key} must be a [checks.{key}] table of settings,"
                " or one of: enable, disable"
            )
    return Config(
        enable=lists.get("enable"),
        disable=lists.get("disable", ()),
        settings=settings,
        sources=(str(path),),
    )


def apply_environment(config: Config, environ: Mapping[str, str]) -> Config:
    """Environment variables replace the file's enable/disable lists and single settings."""
    changes: dict[str, Any] = {}
    sources = list(config.sources)
    if environ.get(ENABLE_ENV, "").strip():  # empty, as compose writes an unset one: all
        changes["enable"] = _split(environ[ENABLE_ENV])
        sources.append(f"${ENABLE_ENV}")
    if DISABLE_ENV in environ:
        changes["disable"] = _split(environ[DISABLE_ENV])
        sources.append(f"${DISABLE_ENV}")
    settings = {name: dict(table) for name, table in config.settings.items()}
    for var, value in sorted(environ.items()):
        if not var.startswith(SETTING_ENV_PREFIX):
            continue
        check, sep, key = var[len(SETTING_ENV_PREFIX) :].partition("__")
        if not (check and sep and key):
            raise ConfigError(f"${var}: expected {SETTING_ENV_PREFIX}<check>__<setting>")
        settings.setdefault(check.lower(), {})[key.lower()] = value
        sources.append(f"${var}")
    if settings != config.settings:
        changes["settings"] = settings
    if not changes:
        return config
    return replace(config, sources=tuple(sources), **changes)


def checks_for_chat(all_checks: Sequence[Check], disabled_in_chat: set[str]) -> list[Check]:
    """The checks a chat has not switched off, in the order given."""
    return [check for check in all_checks if check.name not in disabled_in_chat]


def _split(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


def _names(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of check names")
    return tuple(value)
