"""Every request checked against the published Bot API specification (`bot-api-spec.json`).

The specification is `api.json` from github.com/PaulSonOfLars/telegram-bot-api-spec (MIT,
`bot-api-spec.LICENSE`), scraped from core.telegram.org/bots/api: each method's parameters and
each type's fields, with their types, whether they are required, and their descriptions, from
which the length limits ("1-4096 characters", "1-64 bytes") are read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

SPEC_FILE = "bot-api-spec.json"
# "1-4096 characters", "0-1024 characters after entities parsing", "1-64 bytes"
_LENGTH = re.compile(r"\b(\d+)-(\d+) (characters|bytes)\b")
_ARRAY = "Array of "
_SCALARS: dict[str, Callable[[Any], bool]] = {
    "String": lambda v: isinstance(v, str),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "Boolean": lambda v: isinstance(v, bool),
    "True": lambda v: v is True,
    # What PTB uploads as a multipart file part (see fake_telegram._multipart).
    "InputFile": lambda v: isinstance(v, Mapping) and "filename" in v and "size" in v,
}
_MARKUP_PARAMS = frozenset({"text", "caption"})  # lengths count after entities parsing


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    types: tuple[str, ...]
    required: bool
    length: tuple[int, int, str] | None  # (low, high, "characters" | "bytes")


@cache
def specification() -> dict[str, Any]:
    text = resources.files("testkit").joinpath(SPEC_FILE).read_text("utf-8")
    spec: dict[str, Any] = json.loads(text)
    return spec


@cache
def _methods() -> dict[str, str]:
    """Lower-cased method name -> its spelling in the specification (Telegram ignores case)."""
    return {name.lower(): name for name in specification()["methods"]}


def method_name(method: str) -> str | None:
    return _methods().get(method.lower())


@cache
def _fields(kind: str, name: str) -> dict[str, Field]:
    entry = specification()[kind][name]
    fields = {}
    for raw in entry.get("fields", ()):
        match = _LENGTH.search(" ".join(raw.get("description", "").split()))
        length = (int(match[1]), int(match[2]), match[3]) if match else None
        fields[raw["name"]] = Field(raw["name"], tuple(raw["types"]), raw["required"], length)
    return fields


def parameter_types(method: str, name: str) -> tuple[str, ...]:
    """The specification's types of one parameter, () if the method or parameter is unknown."""
    spelled = method_name(method)
    if spelled is None:
        return ()
    found = _fields("methods", spelled).get(name)
    return found.types if found else ()


def violations(
    method: str, params: Mapping[str, Any], *, visible: Callable[[str, str], str] | None = None
) -> list[str]:
    """What in one request breaks the specification; [] for a request Telegram accepts.

    `visible(param, value)` gives a text parameter as it reads after entities parsing (the
    limits on text and caption count that), and is given only when parse_mode asks for it.
    """
    spelled = method_name(method)
    if spelled is None:
        return [f"{method}: no such method in the Bot API"]
    fields = _fields("methods", spelled)
    found = [f"{spelled}: unknown parameter {name!r}" for name in params if name not in fields]
    for field in fields.values():
        if field.name not in params:
            if field.required:
                found.append(f"{spelled}: required parameter {field.name!r} is missing")
            continue
        value = params[field.name]
        if visible is not None and field.name in _MARKUP_PARAMS and isinstance(value, str):
            value_for_length: Any = visible(field.name, value)
        else:
            value_for_length = value
        found.extend(_check(f"{spelled}.{field.name}", field, value, value_for_length))
    return found


def _check(where: str, field: Field, value: Any, measured: Any = None) -> list[str]:
    errors = _typed(where, field.types, value)
    if errors:
        return errors
    if field.length is not None and isinstance(value, str):
        low, high, unit = field.length
        text = value if measured is None else measured
        size = len(text.encode("utf-8")) if unit == "bytes" else _utf16_len(text)
        if not low <= size <= high:
            what = "too long" if size > high else "too short"
            return [f"{where} is {what}: {size} {unit}, the specification allows {low}-{high}"]
    return []


def _typed(where: str, types: tuple[str, ...], value: Any) -> list[str]:
    """[] if the value is one of `types`; else why not (for the closest-looking type)."""
    best: list[str] | None = None
    for kind in types:
        errors = _one_type(where, kind, value)
        if not errors:
            return []
        if best is None or len(errors) < len(best):
            best = errors
    return best or [f"{where}: no type"]


def _one_type(where: str, kind: str, value: Any) -> list[str]:
    if kind.startswith(_ARRAY):
        if not isinstance(value, list):
            return [f"{where}: expected {kind}, got {type(value).__name__}"]
        inner = kind[len(_ARRAY) :]
        return [e for i, item in enumerate(value) for e in _one_type(f"{where}[{i}]", inner, item)]
    if kind in _SCALARS:
        if _SCALARS[kind](value):
            return []
        return [f"{where}: expected {kind}, got {type(value).__name__} {value!r:.40}"]
    types = specification()["types"]
    if kind not in types:
        return [f"{where}: type {kind} is not in the specification"]
    if types[kind].get("subtypes"):
        return _typed(where, tuple(types[kind]["subtypes"]), value)
    return _object(where, kind, value)


def _object(where: str, kind: str, value: Any) -> list[str]:
    if not isinstance(value, Mapping):
        return [f"{where}: expected {kind} (an object), got {type(value).__name__}"]
    fields = _fields("types", kind)
    errors = [f"{where}: {kind} has no field {name!r}" for name in value if name not in fields]
    for field in fields.values():
        if field.name in value:
            errors.extend(_check(f"{where}.{field.name}", field, value[field.name]))
        elif field.required:
            errors.append(f"{where}: {kind} needs {field.name!r}")
    errors.extend(_literal_type(where, kind, value))
    if kind == "InlineKeyboardButton":
        errors.extend(_one_action(where, value))
    return errors


_BUTTON_DECOR = frozenset({"text", "icon_custom_emoji_id", "style"})


def _one_action(where: str, button: Mapping[str, Any]) -> list[str]:
    """ "Exactly one of the fields other than text ... must be used" (InlineKeyboardButton)."""
    actions = sorted(set(button) - _BUTTON_DECOR)
    if len(actions) == 1:
        return []
    return [f"{where}: a button needs exactly one action, has {actions}"]


_MUST_BE = re.compile(r"\bmust be (\w+)")


def _literal_type(where: str, kind: str, value: Mapping[str, Any]) -> list[str]:
    """Union members say which one they are: InlineQueryResultArticle's type "must be article"."""
    raw = next(
        (f for f in specification()["types"][kind].get("fields", ()) if f["name"] == "type"), None
    )
    if raw is None:
        return []
    match = _MUST_BE.search(raw.get("description", ""))
    if match is None or value.get("type") == match[1]:
        return []
    return [f"{where}: {kind}.type must be {match[1]!r}, got {value.get('type')!r}"]


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
