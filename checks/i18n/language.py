"""Which of the reply languages a reader gets: a code, a Telegram `language_code`, or the
POSIX locale variables; anything else falls back to English."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache

# The languages sourcecheck replies in. Reading a language (checks/languages/<code>/) is a
# different thing: it and pl are read but not yet replied in.
LANGUAGES = ("en", "de", "fr", "es", "pt", "ru", "uk")
DEFAULT = "en"
# Each language by its own name, for the /language buttons.
LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt": "Português",
    "ru": "Русский",
    "uk": "Українська",
}


@lru_cache(maxsize=256)
def pick(code: str | None) -> str:
    """'uk', 'uk-UA', 'pt_BR.UTF-8', 'DE' -> a reply language; unknown or empty -> English."""
    if not code:
        return DEFAULT
    base = code.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else DEFAULT


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language gettext would choose: LANGUAGE (a list), LC_ALL, LC_MESSAGES, LANG.
    The first variable that is set decides; "C"/"POSIX" mean English."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        if name == "LANGUAGE":
            # A priority list, "uk:ru:en": the first we reply in wins.
            for code in value.split(":"):
                if pick(code) != DEFAULT or code.lower().startswith("en"):
                    return pick(code)
            continue
        return pick(value)
    return DEFAULT
