"""Replies in the reader's language: messages as data, gettext catalogs, Babel for the rest.

A module declares its messages once (`Messages(__name__, {...})`), builds `Message`s from
them, and a renderer says them with `say(message, lang)`. Translations live in gettext
catalogs inside the declaring package, `<package>/locale/<code>/LC_MESSAGES/<package>.po`
(msgctxt = the message id, msgid = the English template), compiled in memory when first
needed. A package that ships no catalog is said in English.
"""

from checks.i18n.language import DEFAULT, LANGUAGE_NAMES, LANGUAGES, from_environment, pick
from checks.i18n.messages import REGISTRY, Messages, Plural, say, say_where, warm

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "REGISTRY",
    "Messages",
    "Plural",
    "from_environment",
    "pick",
    "say",
    "say_where",
    "warm",
]
