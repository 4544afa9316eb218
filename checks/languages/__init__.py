"""Languages as data: one folder per language code, one TOML file per kind of resource.

`checks/languages/<code>/<kind>.toml` holds what the checks need to read one language: month
and weekday names, temporal patterns, label and disclaimer phrasings, republication notices,
wire credits. Word lists are plain arrays; a pattern is a table with a `regex` and an `example`
sentence it must match, so a native speaker can review the file without reading Python.

A regex may name a macro as `{name}`: the loader replaces it with the file's own `[macros]`
entry, or with a shared one from `checks/languages/macros.toml`. Literal braces are written
`{{` and `}}`. Everything is read once per process and cached.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

_MACRO = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}
DEFAULT_FLAGS = "im"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One pattern from a language file, compiled, with the sentence that shows it at work."""

    language: str
    kind: str
    path: str  # where in the file: "patterns[3]", "notices[0]"
    regex: re.Pattern[str]
    example: str
    entry: Mapping[str, Any]  # the whole table, for the options a check reads


def _root() -> Any:
    return resources.files("checks.languages")


@cache
def languages() -> tuple[str, ...]:
    """Every language that has a folder, in code order."""
    return tuple(
        sorted(p.name for p in _root().iterdir() if p.is_dir() and not p.name.startswith("_"))
    )


@cache
def kinds(language: str) -> frozenset[str]:
    """The resource kinds one language provides (its file names without `.toml`)."""
    folder = _root().joinpath(language)
    return frozenset(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def _shared_macros() -> Mapping[str, str]:
    path = _root().joinpath("macros.toml")
    return tomllib.loads(path.read_text("utf-8")) if path.is_file() else {}


@cache
def resource(kind: str, language: str) -> Mapping[str, Any]:
    """One language's resource of one kind, as parsed from its TOML file ({} if it has none)."""
    path = _root().joinpath(language, f"{kind}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text("utf-8"))


def expand(regex: str, macros: Mapping[str, str]) -> str:
    """Replace `{name}` with its macro (recursively); `{{`/`}}` stay literal braces."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise KeyError(f"unknown macro {{{name}}}")
        return expand(macros[name], macros)

    text = regex.replace("{{", "\0").replace("}}", "\1")
    return _MACRO.sub(one, text).replace("\0", "{").replace("\1", "}")


def compile_entry(entry: Mapping[str, Any], macros: Mapping[str, str]) -> re.Pattern[str]:
    flags = 0
    for letter in str(entry.get("flags", DEFAULT_FLAGS)):
        flags |= _FLAGS[letter]
    return re.compile(expand(str(entry["regex"]), macros), flags)


def _tables(node: Any, path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, Mapping):
        if "regex" in node:
            yield path, node
        for key, value in node.items():
            if key != "macros":
                yield from _tables(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _tables(value, f"{path}[{i}]")


@cache
def patterns(kind: str, language: str) -> tuple[Pattern, ...]:
    """Every table with a `regex` in one resource file, compiled, in file order."""
    data = resource(kind, language)
    macros = {**_shared_macros(), **data.get("macros", {})}
    return tuple(
        Pattern(
            language,
            kind,
            path,
            compile_entry(entry, macros),
            str(entry.get("example", "")),
            entry,
        )
        for path, entry in _tables(data, "")
    )


@cache
def shared(kind: str) -> Mapping[str, Any]:
    """A resource that every language shares (`checks/languages/<kind>.toml`), e.g. the wires."""
    path = _root().joinpath(f"{kind}.toml")
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text("utf-8"))
