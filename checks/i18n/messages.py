"""Declaring messages, and saying them in a language."""

from __future__ import annotations

import gettext
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from io import BytesIO
from typing import Any

from checks.i18n.language import DEFAULT, LANGUAGES, pick
from checks.model import Message


@dataclass(frozen=True, slots=True)
class Plural:
    """An English template with its plural form; `count` names the parameter that chooses."""

    one: str
    many: str
    count: str = "count"


class Messages:
    """One module's messages: id -> English template (or Plural). Calling it builds a Message.

    The declaring module's top-level package is the catalog's domain: `checks.builtin.outlet`
    is translated by `checks/locale/*/LC_MESSAGES/checks.po`, a plug-in `sourcecheck_x.check`
    by `sourcecheck_x/locale/*/LC_MESSAGES/sourcecheck_x.po`."""

    def __init__(self, module: str, templates: Mapping[str, str | Plural]) -> None:
        self.module = module
        self.domain = module.split(".")[0]
        self.templates = dict(templates)
        for key in self.templates:
            if key in REGISTRY and REGISTRY[key].module != module:
                raise ValueError(f"message id {key!r} is declared twice")
            REGISTRY[key] = self

    def __call__(self, key: str, /, **params: Any) -> Message:
        template = self.templates[key]  # a KeyError here is a typo in the check
        if isinstance(template, Plural):
            return Message(key, params, template.one, template.many, template.count, self.domain)
        return Message(key, params, template, domain=self.domain)

    def text(self, key: str, lang: str, /, **params: Any) -> str:
        """The message said at once, for a module's own words (the bot's texts)."""
        return say(self(key, **params), lang)


# Every declared message id -> the Messages that declares it (for extraction and the tests).
REGISTRY: dict[str, Messages] = {}


def say(message: Message, lang: str = DEFAULT) -> str:
    """The message in `lang` (a reply language; anything else is English)."""
    lang = pick(lang)
    translations = catalog(message.domain, lang) if lang != DEFAULT else None
    if message.plural:
        n = _count(message.params.get(message.count, 0))
        if translations is not None:
            template = translations.npgettext(message.id, message.english, message.plural, n)
        else:
            template = message.english if n == 1 else message.plural
    elif translations is not None:
        template = translations.pgettext(message.id, message.english)
    else:
        template = message.english
    values = {key: _value(value, lang) for key, value in message.params.items()}
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError):
        # A translation that names a parameter the message does not have: say it in English.
        return (message.english if not message.plural or n == 1 else message.plural).format_map(
            values
        )


def say_where(where: str, place: Message | None, lang: str = DEFAULT) -> str:
    """Where a piece of evidence stands, in `lang`: its place when the check gave one, else
    one of the common places known by their English words, else `where` as written."""
    if place is not None:
        return say(place, lang)
    if lang == DEFAULT or not where:
        return where
    from checks.i18n.places import known_place

    known = known_place(where)
    return say(known, lang) if known is not None else where


def placeholders(template: str) -> set[str]:
    """The `{names}` a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@cache  # packages x languages: a few dozen at most
def catalog(domain: str, lang: str) -> gettext.NullTranslations | None:
    """The domain's catalog for `lang`, compiled from its .po file in memory; None when the
    package ships none (its messages are then said in English)."""
    if not domain or lang == DEFAULT:
        return None
    try:
        po = resources.files(domain) / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
        if not po.is_file():
            return None
        with po.open("rb") as handle:
            return compile_po(handle, lang)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return None


def warm(languages: tuple[str, ...] = LANGUAGES) -> None:
    """Compile every declared package's catalogs and load Babel's locale data now.

    Both happen on a language's first reply otherwise (~15–60 ms each, a Ukrainian catalog the
    most): a bot calls this before it takes messages, so no reader's reply waits for it."""
    from babel.dates import format_date, format_timedelta

    domains = sorted({messages.domain for messages in REGISTRY.values()})
    for lang in languages:
        format_date(date(2000, 1, 1), format="long", locale=babel_locale(lang))
        format_timedelta(timedelta(days=-1), add_direction=True, locale=babel_locale(lang))
        for domain in domains:
            catalog(domain, lang)


def compile_po(handle: Any, lang: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    parsed = read_po(handle, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, parsed, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def babel_locale(lang: str) -> str:
    """English dates read "23 May 2023", as the rest of sourcecheck's English does."""
    return "en_GB" if lang == DEFAULT else lang


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return say(value, lang)
    if isinstance(value, list | tuple):
        # A tally ("1 social, 4 to the same outlet"): commas read the same in every language.
        return ", ".join(str(_value(item, lang)) for item in value)
    if callable(getattr(value, "say", None)):
        return value.say(babel_locale(lang))  # e.g. a month number said as the month's name
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        from babel.dates import format_date

        return format_date(value, format="long", locale=babel_locale(lang))
    if isinstance(value, timedelta):
        from babel.dates import format_timedelta

        return format_timedelta(-value, add_direction=True, locale=babel_locale(lang))
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    return value
