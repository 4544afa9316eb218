"""Languages as data: one folder per language code, one TOML file per kind of resource.

`checks/languages/<code>/<kind>.toml` holds what the checks need to read one language: month
and weekday names, temporal patterns, label and disclaimer phrasings, republication notices,
wire credits. Word lists are plain arrays; a pattern is a table with a `regex` and an `example`
sentence it must match, so a native speaker can review the file without reading Python.

A regex may name a macro as `{name}`: the loader replaces it with the file's own `[macros]`
entry, or with a shared one from `checks/languages/macros.toml`. Literal braces are written
`{{` and `}}`. A macro may also be a word list, `{ words = [...], except = [...], case = ... }`:
an alternation of the words, longest first, where "@kind.key" stands for every word listed
under `key` in the same language's `kind.toml` ("@calendar.months"); case "title" capitalises
the words, "any" makes them match in any case. A file's top-level `flags` is the default for
its patterns. Everything is read once per process and cached.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
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


def _listed(node: Any) -> Iterator[str]:
    """The words in a resource entry: strings in nested lists, or a table's lists of words
    (for a table of numbers, such as {"торік" = -1}, its keys)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _listed(item)
    elif isinstance(node, Mapping):
        for key, value in node.items():
            yield from _listed(value) if isinstance(value, (str, list, Mapping)) else [key]


def _words(specs: list[str], language: str) -> list[str]:
    found: list[str] = []
    for spec in specs:
        if spec.startswith("@"):
            kind, _, key = spec[1:].partition(".")
            found.extend(_listed(resource(kind, language).get(key, [])))
        else:
            found.append(spec)
    return found


def alternation(words: Iterable[str], case: str = "") -> str:
    """'may', 'march' -> 'march|may': longest first, an apostrophe matches ’ too."""
    if case == "title":
        words = (w[:1].upper() + w[1:] for w in words)
    unique = sorted(set(words), key=len, reverse=True)
    text = "|".join(re.escape(w).replace("'", "['’]") for w in unique)
    return f"(?i:{text})" if case == "any" else text


def word_macro(spec: Mapping[str, Any], language: str) -> str:
    """The regex of a `{ words = [...] }` macro in one language's files."""
    drop = set(_words(list(spec.get("except", [])), language))
    words = [w for w in _words(list(spec["words"]), language) if w not in drop]
    return alternation(words, str(spec.get("case", "")))


def expand(regex: str, macros: Mapping[str, str]) -> str:
    """Replace `{name}` with its macro (recursively); `{{`/`}}` stay literal braces."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise KeyError(f"unknown macro {{{name}}}")
        return expand(macros[name], macros)

    text = regex.replace("{{", "\0").replace("}}", "\1")
    return _MACRO.sub(one, text).replace("\0", "{").replace("\1", "}")


def compile_entry(
    entry: Mapping[str, Any], macros: Mapping[str, str], default_flags: str = DEFAULT_FLAGS
) -> re.Pattern[str]:
    flags = 0
    for letter in str(entry.get("flags", default_flags)):
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
    macros = {
        name: word_macro(value, language) if isinstance(value, Mapping) else str(value)
        for name, value in {**_shared_macros(), **data.get("macros", {})}.items()
    }
    default_flags = str(data.get("flags", DEFAULT_FLAGS))
    return tuple(
        Pattern(
            language,
            kind,
            path,
            compile_entry(entry, macros, default_flags),
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
