"""Temporal expressions: found with per-language regexes, normalised to TIMEX3-like values.

The language data — units, number words, deictic words, seasons, the patterns and the words
that steer their values — lives in `checks/languages/<code>/temporal.toml` (month and weekday
names in `calendar.toml`; numeric dates and bare years in `checks/languages/_shared/`), read
once at import. This module holds what is the same in every language: `scan()` finds the
spans (patterns are only tried near a trigger word or a number, which keeps a long page to a
few milliseconds); `resolve()` gives each span a value, reading relative ones ("on Friday",
"вчера", "last year", "le 1er décembre") against an anchor date.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, TypeVar

import ahocorasick

from checks import regex_parse
from checks.languages import languages, patterns, resource
from checks.regex_parse import ops as sre

LANGUAGES = languages()
_SHARED = "_shared"  # the folder of patterns every language reads after its own


# --- word tables ------------------------------------------------------------------------------

T = TypeVar("T")


class PerLanguage(Mapping[str, T]):
    """{language: value}, each built the first time it is asked for: a page in one language
    compiles that language's patterns only."""

    def __init__(self, build: Callable[[str], T]) -> None:
        self._build = build
        self._built: dict[str, T] = {}

    def __getitem__(self, code: str) -> T:
        if code not in self._built:
            if code not in LANGUAGES:
                raise KeyError(code)
            self._built[code] = self._build(code)
        return self._built[code]

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


def _temporal(code: str) -> Mapping[str, Any]:
    return resource("temporal", code)


def _tagged(code: str, key: str) -> dict[str, str]:
    """{tag: [words]} in one language's temporal.toml -> {word: tag}."""
    return {word: tag for tag, words in _temporal(code)[key].items() for word in words}


def _everywhere(key: str) -> dict[str, str]:
    """The same table across all languages: values are read whatever the text's language."""
    return {word: tag for code in LANGUAGES for word, tag in _tagged(code, key).items()}


def _calendar(key: str, start: int) -> dict[str, dict[str, int]]:
    """{language: {spelling: number}} from each language's calendar.toml list of spellings."""
    return {
        code: {
            word: number
            for number, spellings in enumerate(resource("calendar", code)[key], start=start)
            for word in spellings
        }
        for code in LANGUAGES
    }


MONTHS = _calendar("months", 1)
# Every spelling of every month, in all languages: what the reader and the outlet check use to
# recognise a written date.
MONTH_NUMBERS: dict[str, int] = {
    word: number for table in MONTHS.values() for word, number in table.items()
}
WEEKDAYS = _calendar("weekdays", 0)  # Monday = 0, as date.weekday()
# Short weekday names only count right before a date ("Do 24. Mai 2018").
_WEEKDAY_SHORT = _calendar("weekday_abbreviations", 0)
UNITS = {code: _tagged(code, "units") for code in LANGUAGES}  # TIMEX3 unit letters
NUMBERS = {
    code: {word: float(n) for word, n in _tagged(code, "numbers").items()} for code in LANGUAGES
}
# Which way a modifier points from the anchor (weekdays, months, "last week").
PAST_WORDS = frozenset(w for code in LANGUAGES for w in _temporal(code)["past_words"])
NEXT_WORDS = frozenset(w for code in LANGUAGES for w in _temporal(code)["next_words"])
_DEICTIC_PARTS = _everywhere("deictic_parts")
# word -> (days from the anchor, TIMEX3 part of day)
DEICTIC = {
    word: (int(days), _DEICTIC_PARTS.get(word, ""))
    for word, days in _everywhere("deictic").items()
}
PARTS_OF_DAY = _everywhere("parts_of_day")
SEASONS = _everywhere("seasons")
# Words for the year itself (uk "торік" = last year), in years from the anchor's.
YEAR_WORDS: dict[str, int] = {
    word: int(n) for code in LANGUAGES for word, n in _temporal(code)["year_words"].items()
}
OFFSET_SIGNS = {word: int(sign) for word, sign in _everywhere("offset_signs").items()}
# "that day" 0, "the following month" 1: units from the date just mentioned
ANAPHOR_STEPS = {word: int(step) for word, step in _everywhere("anaphor_steps").items()}
HOLIDAYS = {
    " ".join(word.replace("’", "'").lower().split()): rule
    for word, rule in _everywhere("holidays").items()
}
REFERENCE_WORDS = _everywhere("reference_words")  # "now" -> "PRESENT_REF"
SET_WORDS = _everywhere("set_words")  # "daily" -> "P1D": TIMEX3 values of recurring times
# "third" -> 3, for quarters and halves ("the third quarter", "first-half")
QUARTER_ORDINALS = {word: int(n) for word, n in _everywhere("period_ordinals").items()}


def _cue(code: str, key: str) -> re.Pattern[str] | None:
    found = [p.regex for p in patterns("temporal", code) if p.path.partition("[")[0] == key]
    return found[0] if found else None


# Words that put a bare weekday or month in the future rather than the past (before it in its
# clause), and cues that wrap around it (German "tritt am 1. Januar in Kraft").
_FUTURE = PerLanguage(lambda code: _cue(code, "future"))
_FUTURE_AROUND = PerLanguage(lambda code: _cue(code, "future_around"))
# "until Tuesday": a deadline word right before a weekday.
_WEEKDAY_DEADLINE = PerLanguage(lambda code: _cue(code, "weekday_deadline"))
_STOPWORDS = {
    code: frozenset(_temporal(code)["stop_words"])
    for code in sorted(LANGUAGES, key=lambda c: c != "en")  # English first on a tie
    if _temporal(code)["stop_words"]
}
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.I)
_UKRAINIAN = re.compile(r"[іїєґ]", re.I)


def detect_language(text: str) -> str:
    """A cheap guess among LANGUAGES from the first 3,000 characters."""
    sample = text[:3000]
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > len(sample) / 5:
        return "uk" if len(_UKRAINIAN.findall(sample)) > cyrillic / 50 else "ru"
    words = _LETTERS.findall(sample.lower())
    return max(_STOPWORDS, key=lambda code: sum(w in _STOPWORDS[code] for w in words))


# --- patterns ---------------------------------------------------------------------------------

_NEEDS = {  # which trigger words must be near for a pattern of this kind to be tried
    "date": frozenset({"month"}),
    "month": frozenset({"month"}),
    "weekday": frozenset({"weekday"}),
    "deictic": frozenset({"deictic"}),
    "unit": frozenset({"unit"}),
    "season": frozenset({"season"}),
    "ago": frozenset({"unit"}),
    "offset": frozenset({"unit"}),
    "duration": frozenset({"unit"}),
    "century": frozenset({"digit", "unit"}),
    "eve": frozenset({"rel"}),
    "part": frozenset({"unit"}),
    "yearword": frozenset({"rel"}),
    "weekend": frozenset({"rel", "unit"}),
    "ref": frozenset({"rel", "unit"}),
    "present": frozenset({"rel"}),
    "set": frozenset({"rel", "unit", "weekday", "month", "season"}),
    "quarter": frozenset({"rel"}),
    "count": frozenset({"unit"}),
    "anaphor": frozenset({"unit"}),
    "holiday": frozenset({"holiday"}),
    "spelled_year": frozenset({"rel"}),
    "noon": frozenset({"rel"}),  # a clock time in words, read as "clock"
}
_DIGIT_ONLY = frozenset({"digit"})
# Kinds TimeML counts that place nothing on a calendar a reader could check a claim against.
UNDATED_KINDS = frozenset({"present", "set", "count", "quarter"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of writing a temporal expression; `kind` says how to resolve it."""

    name: str
    kind: str
    regex: re.Pattern[str]
    example: str  # tests check that the pattern finds exactly this
    requires: str = ""  # a character the text must hold for the pattern to be tried ("月")
    # `regex` with its opening lookbehind made a consumed character (see _consumed_edge)
    edge: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    # Strings one of which every match holds (see _needles): () if none is known
    needles: tuple[str, ...] = field(default=(), repr=False, compare=False)
    # ... as one regex: a single search of a window looks for all of them
    needle: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    @property
    def needs(self) -> frozenset[str]:
        return _NEEDS.get(self.kind, _DIGIT_ONLY)

    def finditer(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(start, match) of each match of `regex` in text[lo:hi], as `regex.finditer` finds
        them; the start is given apart because a match of `edge` begins one character early."""
        if self.edge is None:
            return ((m.start(), m) for m in self.regex.finditer(text, lo, hi))
        return _edge_finditer(self.regex, self.edge, text, lo, hi)


# A pattern that opens with a one-character lookbehind, {B} = (?<![\w'’-]): where nothing
# precedes the match, the regex engine tries the whole pattern at every position, ~40 ns a
# character. The same pattern that consumes that character, [^\w'’-], lets the engine skip
# to the characters of that set (spaces, punctuation) at C speed, 3-10x faster.
_OPENING_LOOKBEHIND = re.compile(r"\(\?<!(?:\[(?!\^)((?:\\.|[^\]\\])+)\]|(\\d))\)")


def _consumed_edge(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """`(?<![S])rest` as `[^S](?=F)rest`: it matches one character before where `regex` does.

    F is every character `rest` can start with, tested as `rest` itself tests it, so that a
    word start where `rest` cannot match costs one lookahead instead of a try of each of its
    alternatives (a case-blind alternation of 30 words is tried word by word).
    """
    opening = _OPENING_LOOKBEHIND.match(regex.pattern)
    if opening is None:
        return None
    characters = opening.group(1) or opening.group(2)
    rest = regex.pattern[opening.end() :]
    first = _first_characters(rest, regex.flags)
    ahead = f"(?={'|'.join(first)})" if first else ""
    return re.compile(f"[^{characters}]{ahead}{rest}", regex.flags)


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
}
_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """A construct whose first characters are not worked out: no lookahead then."""


_RARE_MARKS = frozenset("/:-")  # one-character needles that numbers seldom have near them


def _parsed(source: str, flags: int) -> list[regex_parse.Item]:
    items = regex_parse.parse_source(source, flags)
    if items is None:
        raise _Unknown(source)
    return items


def _needles(regex: re.Pattern[str]) -> tuple[str, ...]:
    """Strings, one of which every match of `regex` holds, in the case the text must have
    them; () unless they are rare enough to be worth looking for ("ago", "/", "Uhr"; not
    "s" or the "1" and "20" of a year)."""
    try:
        found = _required(_parsed(regex.pattern, regex.flags), bool(regex.flags & re.I))
    except _Unknown:
        return ()
    if not found or not all(len(n) >= 3 or n in _RARE_MARKS for n in found):
        return ()
    return tuple(sorted(found))


def _required(items: Iterable[tuple[Any, Any]], caseless: bool) -> frozenset[str] | None:
    """Literal strings one of which a match of the sequence holds (None: none known)."""
    found = regex_parse.needed_runs(items, _literal, caseless)
    return min(found, key=lambda s: (-min(map(len, s)), len(s))) if found else None


def _literal(code: int, caseless: bool) -> str | None:
    """A character as the text must hold it: any, or under IGNORECASE one compared as it is
    (an ASCII digit or sign)."""
    return chr(code) if not caseless or (code < 128 and not chr(code).isalpha()) else None


def _first_characters(source: str, flags: int) -> list[str]:
    """Character classes, one of which the first character of any match of `source` is in
    ([] if that is not known, or if `source` can match the empty string)."""
    try:
        sets, empty = _firsts(_parsed(source, flags), bool(flags & re.I))
    except _Unknown:
        return []
    if empty:
        return []
    # One class per case rule, and each negated set alone: a few checks, not one per letter.
    merged: dict[bool, list[str]] = {}
    negated: list[str] = []
    for caseless, parts in sets:
        if parts[0] == "^":
            negated.append(_written(parts, caseless))
        else:
            kept = merged.setdefault(caseless, [])
            kept.extend(p for p in parts if p not in kept)
    return [_written(parts, caseless) for caseless, parts in merged.items()] + negated


_CharacterSet = tuple[bool, list[str]]  # (read case-blind, the class's parts)


def _firsts(items: Iterable[tuple[Any, Any]], caseless: bool) -> tuple[list[_CharacterSet], bool]:
    """(sets the first character is in, can the sequence match the empty string)."""
    sets: list[_CharacterSet] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # the character after an assertion is still one of the next item's
        if op is sre.LITERAL:
            sets.append((caseless, _parts([(op, av)])))
            return sets, False
        if op is sre.IN:
            sets.append((caseless, _parts(av)))
            return sets, False
        if op is sre.SUBPATTERN:
            _, add, remove, pattern = av
            inner = (caseless or bool(add & re.I)) and not remove & re.I
            found, empty = _firsts(pattern.data, inner)
        elif op is sre.ATOMIC_GROUP:
            found, empty = _firsts(av.data, caseless)
        elif op is sre.BRANCH:
            found, empty = [], False
            for branch in av[1]:
                more, may_be_empty = _firsts(branch.data, caseless)
                found += more
                empty = empty or may_be_empty
        elif op in _REPEATS:
            found, empty = _firsts(av[2].data, caseless)
            empty = empty or av[0] == 0
        else:
            raise _Unknown(op)
        sets += found
        if not empty:
            return sets, False
    return sets, True


def _parts(items: Iterable[tuple[Any, Any]]) -> list[str]:
    """A parsed character set written back as the parts of a class ("^" first if negated)."""
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(f"\\U{av:08x}")
        elif op is sre.RANGE:
            parts.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif op is sre.NEGATE and not parts:
            parts.append("^")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unknown(op)
    return parts


def _written(parts: list[str], caseless: bool) -> str:
    """The class under the case rule its characters were read with."""
    return f"(?{'' if caseless else '-'}i:[{''.join(parts)}])"


def _edge_finditer(
    regex: re.Pattern[str], edge: re.Pattern[str], text: str, lo: int, hi: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """`regex.finditer(text, lo, hi)` by way of `edge`.

    `regex` matches at p > 0 exactly when `edge` matches at p - 1 (its lookbehind sees
    text[p - 1] even at p = lo), with the same end and groups; at 0 only `regex` can.
    Each search starts where the last match ended, as finditer's do. After an empty match
    finditer would try again at the same place, so such a window is searched the slow way.
    """
    found: list[tuple[int, re.Match[str]]] = []
    position = lo
    if lo == 0:
        first = regex.match(text, 0, hi)
        if first is not None:
            if first.end() == 0:
                yield from ((m.start(), m) for m in regex.finditer(text, lo, hi))
                return
            found.append((0, first))
            position = first.end()
    while True:
        m = edge.search(text, max(position - 1, 0), hi)
        if m is None:
            break
        if m.end() == m.start() + 1:  # an empty match of `regex`
            yield from ((m.start(), m) for m in regex.finditer(text, lo, hi))
            return
        found.append((m.start() + 1, m))
        position = m.end()
    yield from found


def _patterns(code: str) -> tuple[Pattern, ...]:
    """A language's own patterns (each anchored at a word start, {B}), then the shared ones."""
    return tuple(
        Pattern(
            str(p.entry["name"]),
            str(p.entry["kind"]),
            p.regex,
            p.example,
            str(p.entry.get("requires", "")),
            None,  # the edge: made for the patterns searched alone (_groups)
            needles := _needles(p.regex),
            re.compile("|".join(map(re.escape, needles))) if needles else None,
        )
        for folder in (code, _SHARED)
        for p in patterns("temporal", folder)
        if p.path.startswith("patterns[")
    )


PATTERNS = PerLanguage(_patterns)


# --- searching patterns together --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    """One match of one pattern, found by its own regex or by its group's."""

    order: int  # the pattern's place in PATTERNS[code]
    pattern: Pattern
    start: int
    end: int
    groups: dict[str, str | None]
    match: re.Match[str]
    prefix: str = ""  # the pattern's group names carry this prefix in `match`

    def group_start(self, name: str) -> int:
        return self.match.start(self.prefix + name)


@dataclass(frozen=True, slots=True)
class _Group:
    """Patterns tried in the same windows.

    Each member searched alone costs one attempt of the regex engine (~100 ns) at every
    character that may precede a match; searched together they share it. `regex` holds every
    member in a lookahead of its own, so one search finds, at each place, what each member's
    own search would find there.
    """

    members: tuple[tuple[int, Pattern], ...]
    regex: re.Pattern[str] | None  # None: each member is searched alone
    at_start: re.Pattern[str] | None = None  # `regex` without the character before
    wrappers: tuple[int, ...] = ()  # the group number of each member's whole match
    names: tuple[tuple[str, ...], ...] = ()  # each member's own group names

    def hits(self, text: str, lo: int, hi: int) -> list[_Hit]:
        if self.regex is None:
            return [
                _Hit(order, pattern, start, m.end(), m.groupdict(), m)
                for order, pattern in self.members
                if not pattern.requires or pattern.requires in text
                if pattern.needle is None or pattern.needle.search(text, lo, hi)
                for start, m in pattern.finditer(text, lo, hi)
            ]
        return self._together(text, lo, hi)

    def _together(self, text: str, lo: int, hi: int) -> list[_Hit]:
        """The members' matches, each as its own finditer would find them: the leftmost
        from where its last match ended, the group's search visiting every place."""
        members = self.members
        cursors = [lo] * len(members)
        hits: list[_Hit] = []
        alone: set[int] = set()  # members with an empty match: searched the slow way
        for start, m in self._places(text, lo, hi):
            for i, wrapper in enumerate(self.wrappers):
                end = m.end(wrapper)
                if end < 0 or start < cursors[i] or i in alone:
                    continue
                if end == start:
                    alone.add(i)
                    continue
                order, pattern = members[i]
                prefix = f"_{i}_"
                groups = {name: m.group(prefix + name) for name in self.names[i]}
                hits.append(_Hit(order, pattern, start, end, groups, m, prefix))
                cursors[i] = end
        if alone:
            slow = {members[i][0] for i in alone}
            hits = [hit for hit in hits if hit.order not in slow]
            for i in sorted(alone):
                order, pattern = members[i]
                hits += (
                    _Hit(order, pattern, m.start(), m.end(), m.groupdict(), m)
                    for m in pattern.regex.finditer(text, lo, hi)
                )
        return hits

    def _places(self, text: str, lo: int, hi: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(position, match) where some member matches: `regex` matches one character early,
        and position 0, with nothing before it to consume, is `at_start`'s."""
        assert self.regex is not None
        assert self.at_start is not None
        if lo == 0:
            first = self.at_start.match(text, 0, hi)
            if first is not None:
                yield 0, first
        for m in self.regex.finditer(text, max(lo - 1, 0), hi):
            yield m.start() + 1, m


_GROUP_NAME = re.compile(r"\(\?P(<|=)(\w+)([>)])")


def _together_regex(
    members: list[Pattern],
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[int, ...]]:
    r"""`\W(?=F)(?:(?=F0)(?=(?P<_0>pattern 0))|)(?:(?=F1)(?=(?P<_1>pattern 1))|)…` that
    matches only where some member does: each member's groups renamed _i_name, its
    lookbehind kept. Fi, the characters member i can start with, spares a place where it
    cannot the try of each of its opening words; F is all of them."""
    parts = []
    firsts: list[list[str]] = []
    for i, pattern in enumerate(members):
        source = pattern.regex.pattern
        renamed = _GROUP_NAME.sub(rf"(?P\1_{i}_\2\3", source)
        opening = _OPENING_LOOKBEHIND.match(source)
        first = _first_characters(source[opening.end() :], re.UNICODE) if opening else []
        guard = f"(?={'|'.join(first)})" if first else ""
        parts.append(f"(?:{guard}(?=(?P<_{i}>{renamed}))|)")
        firsts.append(first)
    some = "".join(f"(?(_{i})|" for i in range(len(members))) + "(?!)" + ")" * len(members)
    ahead = f"(?={'|'.join(_merged_classes(firsts))})" if all(firsts) else ""
    flags = members[0].regex.flags
    regex = re.compile(rf"\W{ahead}{''.join(parts)}{some}", flags)
    at_start = re.compile(f"{ahead}{''.join(parts)}{some}", flags)
    return regex, at_start, tuple(regex.groupindex[f"_{i}"] for i in range(len(members)))


_WRITTEN_CLASS = re.compile(r"\(\?(-?)i:\[(?!\^)(.*)\]\)", re.S)


def _merged_classes(firsts: list[list[str]]) -> list[str]:
    """The members' first-character classes (from _written) as one class per case rule,
    negated ones each alone: the group tests a place once, not once per member's class."""
    merged: dict[bool, list[str]] = {}
    negated: list[str] = []
    for written in (c for first in firsts for c in first):
        plain = _WRITTEN_CLASS.fullmatch(written)
        if plain is None:
            negated.append(written)
        else:
            merged.setdefault(not plain.group(1), []).append(plain.group(2))
    classes = [
        f"(?{'' if caseless else '-'}i:[{''.join(parts)}])" for caseless, parts in merged.items()
    ]
    return classes + negated


def _searched_together(pattern: Pattern) -> bool:
    r"""Can the pattern join a group: it opens with a lookbehind that rules out every word
    character (so the group's \W consumes whatever may precede it), and needs no rare
    character (which a page usually lacks)."""
    opening = _OPENING_LOOKBEHIND.match(pattern.regex.pattern)
    if opening is None or pattern.requires or pattern.regex.flags != re.UNICODE:
        return False
    characters = opening.group(1) or opening.group(2)
    parsed = regex_parse.parse_source(f"[{characters}]", pattern.regex.flags)
    if parsed is None or len(parsed) != 1:
        return False
    ((op, items),) = parsed
    return op is sre.IN and (sre.CATEGORY, sre.CATEGORY_WORD) in items


def _seldom_there(pattern: Pattern, needs: frozenset[str], code: str) -> bool:
    """Has the pattern needles, none of them a trigger word its windows are built around?"""
    triggers = TRIGGERS[code]
    return bool(pattern.needles) and all(
        triggers.get(needle.lower(), frozenset()).isdisjoint(needs) for needle in pattern.needles
    )


def _groups(code: str) -> dict[frozenset[str], list[_Group]]:
    """The patterns of a language by the trigger kinds they need, in groups."""
    by_needs: dict[frozenset[str], list[tuple[int, Pattern]]] = {}
    for order, pattern in enumerate(PATTERNS[code]):
        by_needs.setdefault(pattern.needs, []).append((order, pattern))
    groups: dict[frozenset[str], list[_Group]] = {}
    for needs, members in by_needs.items():
        together = [(o, p) for o, p in members if _searched_together(p)]
        # A pattern that needs a string its windows seldom hold ("ago" near "years") is
        # tried alone, in the windows that hold it.
        together = [(o, p) for o, p in together if not _seldom_there(p, needs, code)]
        alone = [(o, p) for o, p in members if (o, p) not in together]
        if len(together) < 2:
            together, alone = [], members
        found = groups.setdefault(needs, [])
        if together:
            regex, at_start, wrappers = _together_regex([p for _, p in together])
            names = tuple(tuple(p.regex.groupindex) for _, p in together)
            found.append(_Group(tuple(together), regex, at_start, wrappers, names))
        if alone:
            edged = tuple((o, replace(p, edge=_consumed_edge(p.regex))) for o, p in alone)
            found.append(_Group(edged, None))
    return groups


GROUPS = PerLanguage(_groups)


# --- finding spans ----------------------------------------------------------------------------

_COMBINING = re.compile(r"[^\u0300-\u036f][\u0300-\u036f]+")
_MARK = re.compile(r"[\u0300-\u036f]")


def _nfc(text: str) -> tuple[str, Callable[[int], int]]:
    """NFC text (some pages arrive NFD-encoded) and a map from its offsets back to `text`."""
    if unicodedata.is_normalized("NFC", text):
        return text, lambda i: i
    norm = unicodedata.normalize("NFC", text)
    marks = [m.start() for m in _MARK.finditer(text)]
    if len(norm) == len(text) - len(marks):
        # Usual case: every accent merged into its letter. Mark i (at text offset m) ends up
        # right after NFC offset m - i - 1, so an NFC offset p maps to p + (marks before it).
        after = [m - i for i, m in enumerate(marks)]
        return norm, lambda p: p + bisect_right(after, p)
    parts: list[str] = []
    nfc_marks, orig_marks = [0], [0]
    cursor = length = 0
    for cluster in _COMBINING.finditer(text):
        before = text[cursor : cluster.start()]
        composed = unicodedata.normalize("NFC", cluster.group())
        parts += [before, composed]
        length += len(before)
        nfc_marks.append(length)
        orig_marks.append(cluster.start())
        length += len(composed)
        nfc_marks.append(length)
        orig_marks.append(cluster.end())
        cursor = cluster.end()
    parts.append(text[cursor:])
    norm = "".join(parts)
    if not unicodedata.is_normalized("NFC", norm):  # other oddities: keep the text as it is
        return text, lambda i: i

    def to_orig(i: int) -> int:
        k = bisect_right(nfc_marks, i) - 1
        return min(orig_marks[k] + (i - nfc_marks[k]), len(text))

    return norm, to_orig


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec no gen gov sen rep lt"
    " col sgt capt inc co corp ltd vs etc nr ca bzw mme mlle av art abs ул им г гг т п".split()
)
# Tried only where a run of stops begins (a run of 80,000 dots is one attempt, not 80,000).
# The stop or newline comes first, so the regex engine skips to those at C speed; "no stop
# before the run" is checked after it: (?<![.!?…].).
_BOUNDARY = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])(?<![.!?…].)[.!?…]*+[\"»”’)\]]*+\s++(?=[\"«“„(\[]?[^\W\d_a-zа-яё])"
    r"|(?<=\n)\n*)"
)


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each sentence; abbreviations do not end one."""
    spans: list[tuple[int, int, int]] = []
    start = paragraph = 0
    for boundary in _BOUNDARY.finditer(text):
        newline = "\n" in boundary.group()
        if not newline:
            tokens = text[max(start, boundary.start() - 30) : boundary.start()].split()
            word = tokens[-1].lower().strip('"»”’)]([«“„') if tokens else ""
            if word in _ABBREVIATIONS or len(word) == 1 or "." in word:
                continue
        if text[start : boundary.start()].strip():
            spans.append((start, boundary.start() + (0 if newline else 1), paragraph))
        start = boundary.end()
        paragraph += newline
    if text[start:].strip():
        spans.append((start, len(text), paragraph))
    return spans


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # offsets in Scan.text
    end: int
    pattern: Pattern
    groups: Mapping[str, str | None]


@dataclass(frozen=True, slots=True)
class Scan:
    """The spans found in one text, before they are resolved against an anchor date."""

    text: str  # NFC text; Match offsets refer to it
    original: str  # the text as given; Expression offsets and quotes refer to it
    language: str
    matches: tuple[Match, ...]
    sentences: tuple[tuple[int, int, int], ...]  # (start, end, paragraph) in `text`
    to_orig: Callable[[int], int]
    lower: str = field(default="", repr=False, compare=False)  # `text` lower-cased (_lowered)
    # Offsets of copyright marks in `text` (copyright_positions)
    copyright_marks: list[int] = field(default_factory=list, repr=False, compare=False)


# German writes the part of the day into the weekday: "am Dienstagabend".
_WEEKDAY_COMPOUNDS = {
    code: [day + part for day in WEEKDAYS[code] for part in suffixes]
    for code in LANGUAGES
    if (suffixes := _temporal(code)["weekday_part_suffixes"])
}


def _trigger_table(code: str) -> dict[str, frozenset[str]]:
    """Lower-case word -> trigger kinds (for phrases, their longest word)."""
    data = _temporal(code)
    sources: tuple[tuple[str, Iterable[str]], ...] = (
        ("month", MONTHS[code]),
        ("weekday", WEEKDAYS[code]),
        ("unit", UNITS[code]),
        ("unit", data["trigger_units"]),
        ("deictic", _tagged(code, "deictic")),
        ("season", _tagged(code, "seasons")),
        ("rel", [*data["relative_triggers"], *data["year_words"]]),
        ("weekday", _WEEKDAY_COMPOUNDS.get(code, ())),
        ("holiday", _tagged(code, "holidays")),
    )
    table: dict[str, set[str]] = {}
    for kind, words in sources:
        for word in words:
            pieces = _LETTERS.findall(word.lower())
            if pieces:
                table.setdefault(max(pieces, key=len), set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in table.items()}


TRIGGERS = PerLanguage(_trigger_table)
_BEFORE, _AFTER = 45, 70  # how far a pattern may reach around its trigger word
_WORD_REACH = 40  # how far a window may stretch to the end of the word it cuts
_DIGITS = re.compile(r"\d+")
_WORD_PART = re.compile(r"[^\W_]*")  # str.isalnum() characters: \w without the underscore


def _lowered(text: str) -> str:
    """`text` lower-cased, or as it is where a character changes length when lower-cased
    (offsets in the one must be offsets in the other)."""
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def _trigger_finder(code: str) -> ahocorasick.Automaton:
    """The language's trigger words in one automaton: {word: (length, trigger kinds)}."""
    finder = ahocorasick.Automaton()
    for word, kinds in TRIGGERS[code].items():
        finder.add_word(word, (len(word), kinds))
    finder.make_automaton()
    return finder


_TRIGGER_FINDER = PerLanguage(_trigger_finder)


def _trigger_spots(text: str, lower: str, code: str) -> dict[str, list[tuple[int, int]]]:
    """Where the trigger words and numbers are, per trigger kind (`lower` is _lowered(text)).

    A trigger word counts where it is one of the text's words (`_LETTERS`) with no letter
    (str.isalpha) on either side; one pass of an automaton finds every place a trigger word
    stands, inside other words too, and the sides are checked here.
    """
    spots: dict[str, list[tuple[int, int]]] = {"digit": [m.span() for m in _DIGITS.finditer(text)]}
    size = len(lower)
    words: set[str] | None = None  # the text's words, read only where a side is odd
    for last, (length, kinds) in _TRIGGER_FINDER[code].iter(lower):
        i, j = last + 1 - length, last + 1
        before = lower[i - 1] if i else " "
        after = lower[j] if j < size else " "
        if before.isalpha() or after.isalpha():
            continue
        if _odd_side(before) or _odd_side(after):
            # A numeral such as "²" beside it: neither a letter nor a word's end, so the
            # word stands only if it is one of the text's words elsewhere.
            if words is None:
                words = set(_LETTERS.findall(lower))
            if lower[i:j] not in words:
                continue
        for kind in kinds:
            spots.setdefault(kind, []).append((i, j))
    return spots


def _odd_side(char: str) -> bool:
    """A character `_LETTERS` counts into a word though it is no letter ("²", "Ⅻ")."""
    return char.isnumeric() and not char.isdecimal()


def _windows(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    size = len(text)
    for start, end in sorted(spans):
        lo, hi = max(0, start - _BEFORE), min(size, end + _AFTER)
        # Never cut a word: lookaheads must see it. Bounded, and never back over text already
        # walked: Chinese or Japanese runs without spaces are one "word" thousands long.
        word_end = min(size, hi + _WORD_REACH)
        if merged and hi < merged[-1][1]:
            hi = merged[-1][1]
        if hi < word_end:
            run = _WORD_PART.match(text, hi, word_end)
            hi = run.end() if run else hi
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


# Month and weekday names that are also given names; only these get the name test.
_ALSO_NAMES = frozenset({"may", "april", "june", "august", "domingo"})
_SENTENCE_START = re.compile(r"(?:^|[\n.!?:;\"“«(—–-])\s*$")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t]+$")


def _part_of_a_name(text: str, start: int) -> bool:
    """'Theresa May', 'Plácido Domingo': a capitalised word mid-sentence right before."""
    word_here = _LETTERS.match(text, start)
    if word_here is None or word_here.group().lower() not in _ALSO_NAMES:
        return False
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 40) : start]
    word = _PREVIOUS_WORD.search(before)
    if word is None or not word.group(1)[0].isupper():
        return False
    key = word.group(1).lower()
    if key in _ALL_WEEKDAYS or key in _ALL_MONTHS:
        return False
    return not _SENTENCE_START.search(before[: word.start()])


_YEAR_LEAD = frozenset(
    "in since by until till from of the a an his her its their our my your this that to"
    " between and or before after during around about circa early late mid through".split()
)
_PLURAL_NEXT = re.compile(r"[ \t]+[a-z]+s\b")


def _counted(text: str, start: int, end: int) -> bool:
    """'scored 2000 points': an English count before a plural noun, not a year."""
    if not _PLURAL_NEXT.match(text, end):
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    return previous is None or previous.group(1).lower() not in _YEAR_LEAD


_OPENING_QUOTES = "\"“„«‘'"
_CLOSING_QUOTES = "\"”“»’'"


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A year standing alone in quotes is a title (the film “1917”), not a date."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (
        bool(before)
        and before in _OPENING_QUOTES
        and bool(after)
        and (
            after in _CLOSING_QUOTES
            or (after in ",." and text[end + 1 : end + 2] in _CLOSING_QUOTES)
        )
    )


# "H.R. 2024", "No. 2024", "Flight 2024": a number after these is not a year.
_REFERENCE_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:H\.\s?R|H\.\s?Res|S\.\s?Res|S|No|Nr|Art|Sec|pp?)\.|§|"
    r"\b(?:Flight|Route|Highway|Interstate|Room|Suite|Gate))\s*\Z"
)
_REFERENCE_REACH = 16


def _reference_number(text: str, start: int) -> bool:
    return bool(_REFERENCE_BEFORE.search(text, max(0, start - _REFERENCE_REACH), start))


# A date naming a body or a movement ("the Jan. 6 committee", "Движение 6 апреля"),
# and March the protest ("March for Our Lives", "March on Washington", "March Madness").
_NAME_AFTER_DATE = re.compile(
    r"\s+(?:select\s+)?(?:committee|commission|panel|movement|alliance|coalition|caucus)s?\b",
    re.I,
)
_NAME_BEFORE_DATE = re.compile(
    r"(?:movement|mouvement|movimiento|movimento|bewegung|движени[ея]|рух(?:у)?)"
    r"\s+(?:du\s+|del\s+|de\s+|do\s+|vom\s+)?\Z",
    re.I,
)
_MARCH_AS_NOUN = re.compile(r"\s+(?:(?:for|of|on|against|to)\s+(?:the\s+)?[A-Z]|Madness\b)")


def _a_name(text: str, groups: Mapping[str, str | None], start: int, end: int) -> bool:
    """Is a year-less day or month (text[start:end]) part of a name rather than a date?"""
    if groups.get("y"):
        return False
    if groups.get("d") and (
        _NAME_AFTER_DATE.match(text, end)
        or _NAME_BEFORE_DATE.search(text, max(0, start - 20), start)
    ):
        return True
    month = groups.get("m") or ""
    return month == "March" and not groups.get("d") and bool(_MARCH_AS_NOUN.match(text, end))


def _weight(hit: _Hit, norm: str, code: str, leading: re.Pattern[str]) -> int:
    """How much a match counts against the ones it overlaps (0: it does not count)."""
    start, end, kind = hit.start, hit.end, hit.pattern.kind
    if end - start < 2:
        return 0
    if kind == "year" and code == "en" and _counted(norm, start, end):
        return 0
    if kind == "year" and _quoted_title(norm, start, end):
        return 0
    if kind == "year" and _reference_number(norm, start):
        return 0
    if kind in ("date", "month") and _a_name(norm, hit.groups, start, end):
        return 0
    if kind in ("date", "month", "weekday"):
        groups = hit.groups
        name = "wd" if groups.get("wd") else "m" if groups.get("m") else ""
        if _part_of_a_name(norm, hit.group_start(name) if name else start):
            return 0
    # A leading preposition does not make a match longer: "until March 6"
    # is "March 6", which beats "until March".
    lead = leading.match(norm, start, end)
    return end - (lead.end() if lead and lead.end() < end else start)


def scan(text: str, language: str | None = None) -> Scan:
    """Find the temporal expressions; where patterns overlap the longest match wins."""
    norm, to_orig = _nfc(text)
    code = (language or "")[:2].lower()
    if code not in PATTERNS:
        code = detect_language(norm)
    lower = _lowered(norm)
    spots = _trigger_spots(norm, lower, code)
    leading = _LEADING[code]
    found: list[tuple[int, int, _Hit]] = []
    # Windows depend only on which of the needed kinds the text holds: kinds sharing a
    # spot add nothing, so needs that differ only in absent kinds share their windows.
    made: dict[frozenset[str], list[tuple[int, int]]] = {}
    for needs, groups in GROUPS[code].items():
        present = needs.intersection(spots)
        if not present:
            continue
        windows = made.get(present)
        if windows is None:
            spans = (span for kind in present for span in spots[kind])
            windows = made[present] = _windows(spans, norm)
        for group in groups:
            for lo, hi in windows:
                found += (
                    (weight, hit.order, hit)
                    for hit in group.hits(norm, lo, hi)
                    if (weight := _weight(hit, norm, code, leading))
                )
    found.sort(key=lambda f: (-f[0], f[1], f[2].start))
    taken = bytearray(len(norm))
    chosen: list[Match] = []
    for _, _, hit in found:
        start, size = hit.start, hit.end - hit.start
        if taken.find(1, start, start + size) >= 0:
            continue
        taken[start : start + size] = b"\x01" * size
        chosen.append(Match(start, start + size, hit.pattern, hit.groups))
    chosen.sort(key=lambda c: c.start)
    sentences = tuple(sentence_spans(norm))
    marks = _copyright_marks(lower)
    return Scan(norm, text, code, tuple(chosen), sentences, to_orig, lower, marks)


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression as it stands in the article, with its TIMEX3-like value."""

    text: str  # verbatim from the article text
    start: int  # offset in the article text
    value: str | None  # "2020-01-17", "2020-01", "2020", "2020-W02", "2020-01-17TEV", "P2D"...
    type: str  # DATE, TIME or DURATION
    role: str  # "claim", or "copyright" for a year in a copyright line
    sentence: int  # index into Scan.sentences
    explicit: bool  # the text names the year itself: no anchor was needed
    kind: str = "date"  # the pattern kind: "date", "numeric", "weekday", "ago"...

    @property
    def dates_something(self) -> bool:
        """Does it place a statement in time (not a duration, not a copyright line)?"""
        return self.type != "DURATION" and self.role == "claim" and self.value is not None


@dataclass(frozen=True, slots=True)
class _Point:
    day: date
    grain: str  # "D", "W", "M" or "Y"


# Q a quarter, HALF a half year; H and MIN (hours, minutes) only count durations.
_GRAIN_ORDER = {
    "H": 0,
    "MIN": 0,
    "D": 0,
    "W": 0,
    "M": 1,
    "Q": 1,
    "HALF": 1,
    "Y": 2,
    "DE": 2,
    "CE": 2,
}
_PERIOD_GRAINS = frozenset({"Q", "HALF"})
_ANAPHOR_REACH = 4  # sentences back a "that day" may look for its date
# The grains of a date that "that day", "that week"... can refer back to.
_ANAPHOR_GRAINS = {
    "D": {"D"},
    "W": {"D", "W"},
    "M": {"D", "W", "M"},
    "Y": {"D", "W", "M", "Q", "HALF", "Y"},
}
_PERIOD_REACH = 12  # sentences: an earnings report keeps talking about "the quarter"
_TZ = {
    "GMT": "Z", "UTC": "Z", "CET": "+01:00", "CEST": "+02:00", "MSK": "+03:00", "МСК": "+03:00",
    "BST": "+01:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip
_COPYRIGHT_WORDS = (
    "©", "(c) 1", "(c) 2", "copyright", "all rights reserved", "alle rechte", "tous droits",
    "todos los derechos", "todos os direitos", "все права", "усі права", "всі права",
)  # fmt: skip


def copyright_positions(text: str) -> list[int]:
    """Sorted offsets of copyright marks ("©", "All rights reserved") in `text`."""
    return _copyright_marks(_lowered(text))


def _copyright_marks(lower: str) -> list[int]:
    found = []
    for word in _COPYRIGHT_WORDS:
        i = lower.find(word)
        while i >= 0:
            found.append(i)
            i = lower.find(word, i + 1)
    return sorted(found)


def in_copyright_line(marks: list[int], text: str, start: int, end: int) -> bool:
    """Is there a copyright mark on the line of text[start:end] (within 200 characters)?"""
    if not marks:
        return False
    line_start = max(text.rfind("\n", 0, start) + 1, start - 200)
    line_end = text.find("\n", end)
    line_end = end + 200 if line_end < 0 else min(line_end, end + 200)
    i = bisect_right(marks, line_start - 1)
    return i < len(marks) and marks[i] < line_end


_ALL_MONTHS = {k: v for table in MONTHS.values() for k, v in table.items()}
_ALL_WEEKDAYS = {k: v for table in WEEKDAYS.values() for k, v in table.items()}
_ALL_WEEKDAY_SHORT = {k: v for table in _WEEKDAY_SHORT.values() for k, v in table.items()}
_ALL_NUMBERS = {k: v for table in NUMBERS.values() for k, v in table.items()}
_ALL_UNITS = {k: v for table in UNITS.values() for k, v in table.items()}
_UNIT_STEMS = (  # inflected forms the tables do not list ("Monats", "году", "тижня")
    ("W", ("week", "woche", "semaine", "semana", "недел", "тижн", "тижд")),
    ("M", ("month", "monat", "mois", "mes", "mês", "месяц", "місяц")),
    ("Y", ("year", "jahr", "an", "año", "ano", "год", "лет", "рік", "рок", "році")),
)
_CLAUSE_BREAK = re.compile(r".*[,;:()—–]")  # greedy: the last clause break
_NARRATIVE_FUTURE_DAYS = 62
# How far ahead of the anchor a year-less date with nothing pointing either way may lie and
# still be in the anchor's year ("the summit on April 24", written in February).
_AHEAD_DAYS = 92
_DEADLINE_DAYS = 300


def _deadline_words(code: str) -> re.Pattern[str] | None:
    words = _temporal(code)["deadline_words"]
    if not words:
        return None
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    # At the start of the match ("until October"), or right before it ("through June 30").
    return re.compile(rf"(?<!\w)(?:{alternation})\s+(?:(?:the|le|la|el)\s+)?(?=\w|$)", re.I)


_DEADLINES = PerLanguage(_deadline_words)


def _attributive_cues(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(determiner right before, noun right after) of a date that names an event."""
    data = _temporal(code)
    words = data.get("attributive_determiners", [])
    if not words:
        return None
    determiners = "|".join(re.escape(w) for w in words)
    not_nouns = "|".join(re.escape(w) for w in [*words, *data["span_prepositions"], "and", "or"])
    return (
        re.compile(rf"(?<!\w)(?i:{determiners})\s+\Z"),
        re.compile(rf",?[ \t]+(?!(?:{not_nouns})(?![\w-]))[a-z][\w-]{{2,}}"),
    )


_ATTRIBUTIVE = PerLanguage(_attributive_cues)
_CLAUSE_END = re.compile(r"[,;:()—–]")
_SEASON_MONTHS = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}  # the last month of each season
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _key(word: str | None) -> str:
    return " ".join((word or "").replace("’", "'").lower().split()).rstrip(".")


def _unit(word: str | None) -> str | None:
    key = _key(word)
    if key in _ALL_UNITS:
        return _ALL_UNITS[key]
    return next((u for u, stems in _UNIT_STEMS if any(key.startswith(s) for s in stems)), None)


def _number(word: str | None) -> float | None:
    key = _key(word)
    if key[:1].isdigit():
        return float(key.replace(",", "."))
    if key in _ALL_NUMBERS:
        return _ALL_NUMBERS[key]
    parts = [_ALL_NUMBERS.get(w) for w in re.split(r"[ -]", key)]  # "twenty-five"
    return sum(parts) if len(parts) == 2 and None not in parts else None  # type: ignore[arg-type]


def _shift(day: date, amount: float, unit: str) -> date:
    if unit == "H":
        return day + timedelta(hours=amount)
    if unit == "MIN":
        return day + timedelta(minutes=amount)
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = round({"M": 1, "Q": 3, "HALF": 6, "Y": 12, "DE": 120, "CE": 1200}[unit] * amount)
    index = day.year * 12 + day.month - 1 + months
    if index < 12:
        return date(1, 1, 1)
    year, month = index // 12, index % 12 + 1
    # The same day of the month where there is one ("a year earlier" than Feb. 29: Feb. 28).
    return _safe_date(year, month, day.day) or date(year, month, 28)


def _format(point: _Point) -> str:
    if point.grain == "Q":
        return f"{point.day.year:04d}-Q{(point.day.month - 1) // 3 + 1}"
    if point.grain == "HALF":
        return f"{point.day.year:04d}-H{(point.day.month - 1) // 6 + 1}"
    if point.grain == "Y":
        return f"{point.day.year:04d}"
    if point.grain == "M":
        return f"{point.day.year:04d}-{point.day.month:02d}"
    if point.grain == "W":
        year, week, _ = point.day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return point.day.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _time(g: Mapping[str, str | None]) -> str:
    if g.get("noon"):  # TIMEX3 writes midnight as the end of its day, T24:00
        return "T24:00" if _key(g["noon"]) == "midnight" else "T12:00"
    if not g.get("hh"):
        return ""
    hour = int(g["hh"] or 0)
    ampm = _key(g.get("ap")).replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    minute = int(g.get("mi") or 0)
    return f"T{hour:02d}:{minute:02d}" + _TZ.get((g.get("tz") or "").upper(), "")


def _full_year(text: str) -> int:
    """ "2026", or "26" as on "11/13/26 8:00 AM" bylines (this century)."""
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _season_year(season: str, anchor: date, direction: int) -> int:
    last = _SEASON_MONTHS[season]
    if direction > 0:
        return anchor.year + (anchor.month > last)
    if direction < 0:
        return anchor.year - (anchor.month <= last)
    return anchor.year


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def _holiday(rule: str, year: int) -> date:
    """The day of a holiday rule ("12-25", "easter", "thanksgiving-us") in one year."""
    if rule == "easter":
        return _easter(year)
    if rule in ("thanksgiving-us", "black-friday-us"):  # the fourth Thursday of November
        first = date(year, 11, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return thursday + timedelta(days=rule == "black-friday-us")
    month, day = rule.split("-")
    return date(year, int(month), int(day))


def _spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" 1996, "nineteen oh five" 1905, "two thousand and one" 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        century, rest = 2000, words[2:]
    else:
        first = _ALL_NUMBERS.get(words[0]) if words else None
        if first is None:
            return None
        century, rest = int(first) * 100, words[1:]
    if rest == ["hundred"]:
        return century
    parts = [_ALL_NUMBERS.get(w) for w in rest]
    if any(p is None for p in parts):
        return None
    return century + int(sum(p or 0 for p in parts))


def _roman(text: str) -> int:
    values = [_ROMAN.get(c, 0) for c in text.upper()]
    return sum(
        -v if i + 1 < len(values) and values[i + 1] > v else v for i, v in enumerate(values)
    )


class _Resolver:
    """Gives matches their values in text order, remembering the dates already seen.

    Relative expressions follow news convention: a bare weekday is the latest such day on or
    before the anchor, a year-less date is in the anchor's year unless that puts it more than
    about two months after the anchor. A year-less date right after an explicit one (within
    three sentences) is read against that date instead ("im März 2017 ... im Mai").
    """

    def __init__(self, found: Scan, anchor: date | None) -> None:
        self.scan = found
        self.anchor = anchor
        self.future = _FUTURE[found.language]
        self.future_around = _FUTURE_AROUND.get(found.language)
        self.starts = [s for s, _, _ in found.sentences]
        self.last_explicit: tuple[_Point, int] | None = None  # (point, sentence index)
        self.last_any: tuple[_Point, int] | None = None
        self.last_period: tuple[_Point, int] | None = None  # the last quarter or half named

    def sentence_of(self, position: int) -> int:
        return max(bisect_right(self.starts, position) - 1, 0)

    def recent(
        self, ref: tuple[_Point, int] | None, sentence: int, back: int, *, paragraph: bool
    ) -> _Point | None:
        """The remembered date if it is at most `back` sentences back (in the same paragraph)."""
        if ref is None or sentence - ref[1] > back:
            return None
        if paragraph and self.scan.sentences[ref[1]][2] != self.scan.sentences[sentence][2]:
            return None
        return ref[0]

    def remember(self, point: _Point, sentence: int, explicit: bool) -> None:
        self.last_any = (point, sentence)
        if point.grain in _PERIOD_GRAINS:
            self.last_period = (point, sentence)
        if explicit:
            self.last_explicit = (point, sentence)

    def names_an_event(self, match: Match) -> bool:
        """ "the Dec. 21, 1988, bombing": a date naming an event looks back from the story; the
        year-less dates after it are not in its year."""
        cues = _ATTRIBUTIVE[self.scan.language]
        if cues is None:
            return False
        before, noun = cues
        text = self.scan.text
        return bool(
            before.search(text, max(0, match.start - 8), match.start)
            and noun.match(text, match.end)
        )

    def deadline_before(self, match: Match) -> bool:
        """ "until Tuesday", "until 9 a.m. Tuesday": the weekday is a deadline still ahead."""
        cue = _WEEKDAY_DEADLINE[self.scan.language]
        if cue is None:
            return False
        spots = cue.finditer(self.scan.text, max(0, match.start - 24), match.start)
        return any(m.end() == match.start for m in spots)

    def future_cue(self, match: Match, sentence: int) -> bool:
        if not self.scan.sentences:
            return False
        begin = max(self.scan.sentences[sentence][0], match.start - 80)
        clause = _CLAUSE_BREAK.search(self.scan.text[begin : match.start])
        if clause is not None:
            begin += clause.end()
        if self.future.search(self.scan.text, begin, match.start):
            return True
        if self.future_around is None:
            return False
        end = min(self.scan.sentences[sentence][1], match.end + 80)
        after = _CLAUSE_END.search(self.scan.text, match.end, end)
        return bool(
            self.future_around.search(self.scan.text[begin : after.start() if after else end])
        )

    def resolve(self, match: Match) -> tuple[str | None, str, bool]:
        """(value, type, explicit) of one match."""
        g = match.groups
        kind = "clock" if match.pattern.kind == "noon" else match.pattern.kind
        sentence = self.sentence_of(match.start)
        mod = _key(g.get("mod") or g.get("mod2"))
        direction = -1 if mod in PAST_WORDS else 1 if mod in NEXT_WORDS else 0
        if direction == 0 and kind in (
            "date",
            "month",
            "numeric_month",
            "weekday",
            "season",
            "numeric",
            "quarter",
            "clock",
        ):
            direction = 1 if self.future_cue(match, sentence) else 0
        if direction == 0 and g.get("wd") and kind in ("weekday", "clock"):
            direction = 1 if self.deadline_before(match) else 0
        if kind in ("date", "numeric", "numeric_iso", "numeric_cjk"):
            return self.calendar_date(match, sentence, direction)
        if kind in ("month", "numeric_month"):
            return self.month(match, sentence, direction)
        if kind == "year":
            year = int(g["y"] or 0)
            self.remember(_Point(date(year, 1, 1), "Y"), sentence, False)
            return f"{year:04d}", "DATE", True
        if kind == "spelled_year":
            year = _spelled_year(g.get("sy") or "")
            if year is None:
                return None, "DATE", False
            month = _ALL_MONTHS[_key(g["m"])] if g.get("m") else 0
            self.remember(_Point(date(year, month or 1, 1), "M" if month else "Y"), sentence, True)
            return (f"{year:04d}-{month:02d}" if month else f"{year:04d}"), "DATE", True
        if kind == "decade":
            return (g["dec"] or "")[:3], "DATE", True
        if kind == "century":
            number = int(g["cent"]) if g.get("cent") else _roman(g.get("roman") or "")
            return (f"{number - 1:02d}" if 0 < number < 22 else None), "DATE", True
        if kind == "clock" and g.get("m"):  # "5 p.m. EST, Nov. 6"
            return self.calendar_date(match, sentence, direction)
        if kind == "clock" and g.get("wd"):  # "9 a.m. Tuesday"
            return self.weekday(match, sentence, direction)[0][:10] + _time(g), "TIME", False
        if kind == "clock":
            ref = self.recent(self.last_any, sentence, 2, paragraph=False)
            day = ref.day.isoformat() if ref is not None and ref.grain == "D" else "XXXX-XX-XX"
            return day + _time(g), "TIME", False
        if kind == "offset":
            return self.offset(match, sentence)
        if kind == "duration":
            return self.duration(match), "DURATION", False
        if kind == "season":
            return self.season(match, sentence, direction)
        if kind == "ref":
            return "FUTURE_REF", "DATE", False
        if kind == "present":
            return (
                REFERENCE_WORDS.get(_key(g.get("rel") or g.get("rel2")), "PRESENT_REF"),
                "DATE",
                False,
            )
        if kind == "count":
            return self.duration(match), "DURATION", False
        if kind == "anaphor":
            return self.anaphor(match, sentence)
        if kind == "holiday":
            return self.holiday(match, sentence, direction)
        if kind == "set":
            return self.set_value(match), "SET", False
        if kind == "quarter":
            return self.quarter(match, sentence, direction)
        if kind == "eve":
            return self.eve(sentence)
        if self.anchor is None:
            return None, "DATE", False
        if kind == "yearword":
            return f"{self.anchor.year + YEAR_WORDS.get(_key(g['rel']), 0):04d}", "DATE", False
        if kind == "weekend":
            return self.weekend(match, sentence), "DATE", False
        if kind == "weekday":
            return self.weekday(match, sentence, direction)
        if kind == "deictic":
            days, part = DEICTIC.get(_key(g["rel"]), (0, ""))
            day = self.anchor + timedelta(days=days)
            self.remember(_Point(day, "D"), sentence, False)
            return day.isoformat() + part, "TIME" if part else "DATE", False
        if kind == "unit":
            return self.unit(match), "DATE", False
        if kind == "part":
            return self.part(match, sentence), "DATE", False
        return self.ago(match, sentence), "DATE", False

    def year_for(
        self,
        month: int,
        day: int,
        sentence: int,
        direction: int,
        slack: int = 1,
        ahead: int = _AHEAD_DAYS,
    ) -> int | None:
        """The year of a year-less day and month.

        Pointing ahead, a date goes to next year once it is more than `slack` days behind the
        reference: a date only weeks back is told in the narrative future ("Le Monde attendra
        son édition du 13 mai"), not scheduled eleven months ahead.
        """
        anchor = self.anchor
        ref = self.recent(self.last_explicit, sentence, 3, paragraph=False)
        latest = self.last_any[0] if self.last_any else None
        if ref is not None and latest is not None and latest.day.year != ref.day.year:
            ref = None  # a date since has brought the story back to another year
        if ref is not None and ref.grain in ("D", "M"):
            guess = date(ref.day.year, month, min(day, 28))
            if direction > 0:
                year = ref.day.year + (guess < ref.day - timedelta(days=slack))
            else:
                year = ref.day.year - (guess > ref.day + timedelta(days=62))
            point = date(year, month, min(day, 28))
            if anchor is None or (
                point <= anchor + timedelta(days=62)
                # Something still to come is not months before the article was written.
                and not (direction > 0 and point < anchor - timedelta(days=slack))
            ):
                return year
        if anchor is None:
            return None
        guess = date(anchor.year, month, min(day, 28))
        if direction < 0:
            return anchor.year - (guess > anchor)
        if direction > 0:
            return anchor.year + (guess < anchor - timedelta(days=slack))
        return anchor.year - (guess > anchor + timedelta(days=ahead))

    def ahead(self, match: Match) -> int:
        """How far ahead a year-less date may lie: most of a year after "until", "bis"..."""
        deadline = _DEADLINES[self.scan.language]
        if deadline is None:
            return _AHEAD_DAYS
        before = self.scan.text[max(0, match.start - 16) : match.start]
        lead = deadline.match(self.scan.text, match.start, match.end)  # "until October"
        return _DEADLINE_DAYS if lead or deadline.search(before) else _AHEAD_DAYS

    def calendar_date(
        self, match: Match, sentence: int, direction: int
    ) -> tuple[str | None, str, bool]:
        g = match.groups
        kind = match.pattern.kind
        if kind in ("numeric_iso", "numeric_cjk"):
            month, day = int(g["mn"] or 0), int(g["d"] or 0)
        elif kind == "numeric":
            a, b = int(g["a"] or 0), int(g["b"] or 0)
            # Month first only in English with slashes (US usage), and only when it can be.
            month_first = self.scan.language == "en" and g.get("sep") == "/" and a <= 12
            month, day = (a, b) if month_first and (b > 12 or a <= 12) else (b, a)
        else:
            month = _ALL_MONTHS[_key(g["m"])]
            raw_day = _key(g["d"])
            day = 1 if raw_day in ("1er", "premier") else int(raw_day)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None, "DATE", False
        weekday_word = _key(g.get("wd") or g.get("wd2"))
        weekday = _ALL_WEEKDAYS.get(weekday_word, _ALL_WEEKDAY_SHORT.get(weekday_word))
        explicit = bool(g.get("y"))
        year = (
            _full_year(g["y"] or "0")
            if explicit
            else self.year_for(
                month, day, sentence, direction, _NARRATIVE_FUTURE_DAYS, self.ahead(match)
            )
        )
        if year is not None and weekday is not None and not explicit:
            # The weekday settles the year: "mardi 8 janvier" in a June 2019 article is 2019.
            year = next(
                (
                    y
                    for y in (year, year - 1, year + 1)
                    if (d := _safe_date(y, month, day)) and d.weekday() == weekday
                ),
                year,
            )
        if year is None:
            return f"XXXX-{month:02d}-{day:02d}", "DATE", False
        real = _safe_date(year, month, day)
        if real is None:
            return None, "DATE", False
        self.remember(_Point(real, "D"), sentence, explicit and not self.names_an_event(match))
        time = _time(g)
        return real.isoformat() + time, "TIME" if time else "DATE", explicit

    def month(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        g = match.groups
        month = int(g["mn"] or 0) if g.get("mn") else _ALL_MONTHS[_key(g["m"])]
        if g.get("y"):
            year = int(g["y"] or 0)
            self.remember(
                _Point(date(year, month, 1), "M"), sentence, not self.names_an_event(match)
            )
            return f"{year:04d}-{month:02d}", "DATE", True
        mod = _key(g.get("mod"))
        year_word = _key(g.get("yrel"))
        if year_word and self.anchor is not None:  # "January this year", "April next year"
            shift = -1 if year_word in PAST_WORDS else 1 if year_word in NEXT_WORDS else 0
            found: int | None = self.anchor.year + shift
            direction = 0
        elif mod and mod not in PAST_WORDS and mod not in NEXT_WORDS and self.anchor is not None:
            found = self.anchor.year  # "this September"
        else:
            # Pointing ahead, the month under way still counts: its last days are to come.
            day = 28 if direction > 0 else 1
            found = self.year_for(month, day, sentence, direction, ahead=self.ahead(match))
        if found is None:
            return f"XXXX-{month:02d}", "DATE", False
        if direction < 0 and self.anchor is not None and found == self.anchor.year:
            # "last May" written in May is a year back; "in May" with a past cue is this one.
            found -= month >= self.anchor.month if mod in PAST_WORDS else month > self.anchor.month
        self.remember(_Point(date(found, month, 1), "M"), sentence, False)
        return f"{found:04d}-{month:02d}", "DATE", False

    def season(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        g = match.groups
        season = SEASONS[_key(g.get("season") or g.get("season2") or g.get("season3"))]
        if g.get("y") or g.get("sy"):
            year = int(g["y"] or 0) if g.get("y") else _spelled_year(g["sy"] or "") or 0
            self.remember(_Point(date(year, 6, 1), "Y"), sentence, False)
            return f"{year:04d}-{season}", "DATE", True
        if self.anchor is None:
            return None, "DATE", False
        return f"{_season_year(season, self.anchor, direction):04d}-{season}", "DATE", False

    def weekday(self, match: Match, sentence: int, direction: int) -> tuple[str, str, bool]:
        g = match.groups
        anchor = self.anchor or date.min
        weekday = _ALL_WEEKDAYS[_key(g["wd"])]
        if direction > 0:
            ahead = (weekday - anchor.weekday()) % 7
            if ahead == 0 and _key(g.get("mod")) in NEXT_WORDS:
                ahead = 7
            day = anchor + timedelta(days=ahead)
        else:
            back = (anchor.weekday() - weekday) % 7
            if back == 0 and direction < 0:
                back = 7
            day = anchor - timedelta(days=back)
        self.remember(_Point(day, "D"), sentence, False)
        part = PARTS_OF_DAY.get(_key(g.get("pod")), "")
        return day.isoformat() + part, "TIME" if part else "DATE", False

    def eve(self, sentence: int) -> tuple[str | None, str, bool]:
        """ "Накануне", "am Vortag": the day before the date just mentioned, else before the
        anchor (news use it for "yesterday")."""
        ref = self.recent(self.last_any, sentence, 1, paragraph=True)
        base = ref.day if ref is not None and ref.grain == "D" else self.anchor
        if base is None:
            return None, "DATE", False
        day = base - timedelta(days=1)
        self.remember(_Point(day, "D"), sentence, False)
        return day.isoformat(), "DATE", False

    def anaphor(self, match: Match, sentence: int) -> tuple[str | None, str, bool]:
        """ "that day", "the following year": the date just mentioned, moved by whole units;
        nothing without a date fine enough before it ("that day" after a year says no day)."""
        g = match.groups
        unit = _unit(g.get("unit")) or "D"
        ref = self.recent(self.last_any, sentence, _ANAPHOR_REACH, paragraph=False)
        if ref is None or ref.grain not in _ANAPHOR_GRAINS.get(unit, ()):
            return None, "DATE", False
        point = _Point(_shift(ref.day, ANAPHOR_STEPS.get(_key(g.get("step")), 0), unit), unit)
        self.remember(point, sentence, False)
        return _format(point), "DATE", False

    def holiday(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        """ "on Thanksgiving Day", "last Christmas": the holiday's day, in the year a date on
        that day of the month would be read in."""
        g = match.groups
        rule = HOLIDAYS.get(_key(g.get("hol") or g.get("hol2") or g.get("hol3")))
        if rule is None or self.anchor is None:
            return None, "DATE", False
        mod = _key(match.groups.get("mod"))
        if match.groups.get("y"):  # "Black Friday 2019"
            year: int | None = int(match.groups["y"] or 0)
        elif mod == "this":
            year = self.anchor.year
        else:
            first = _holiday(rule, self.anchor.year)
            year = self.year_for(first.month, first.day, sentence, direction)
        if year is None:
            return None, "DATE", False
        day = _holiday(rule, year)
        if mod in PAST_WORDS and day >= self.anchor:  # "last Christmas" said on Christmas
            day = _holiday(rule, year - 1)
        self.remember(_Point(day, "D"), sentence, False)
        return day.isoformat(), "DATE", False

    def weekend(self, match: Match, sentence: int) -> str:
        """The ISO week of the weekend meant, as TIMEX3 "2024-W46-WE"."""
        anchor = self.anchor or date.min
        words = set(_key(match.groups.get("mod") or match.groups.get("mod2")).split())
        saturday = anchor + timedelta(days=5 - anchor.weekday())  # this week's
        if words & PAST_WORDS:
            saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
            if anchor.weekday() >= 5:  # "last weekend" said on a weekend: the one before
                saturday -= timedelta(days=7)
        elif words & NEXT_WORDS - {"coming"}:
            saturday += timedelta(days=7)
        elif not words and not self.future_cue(match, sentence):
            # "over the weekend" with nothing pointing ahead: the one just gone.
            saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        year, week, _ = saturday.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"

    def part(self, match: Match, sentence: int) -> str:
        """ "Anfang des Monats", "a principios de mes": the month or year of the date just
        mentioned, else the anchor's (with "last"/"next", always the anchor's)."""
        g = match.groups
        ref = self.recent(self.last_any, sentence, 1, paragraph=True)
        if g.get("mod") or g.get("mod2") or ref is None:
            return self.unit(match)
        unit = _unit(g.get("unit")) or "Y"
        if _GRAIN_ORDER[ref.grain] > _GRAIN_ORDER[unit]:
            return self.unit(match)
        return _format(_Point(ref.day, unit))

    def unit(self, match: Match) -> str:
        g = match.groups
        unit = _unit(g.get("unit") or g.get("unit2")) or "Y"
        mod = _key(g.get("mod") or g.get("mod2"))
        step = -1 if mod in PAST_WORDS else 1 if mod in NEXT_WORDS else 0
        return _format(_Point(_shift(self.anchor or date.min, step, unit), unit))

    def ago(self, match: Match, sentence: int) -> str:
        g = match.groups
        unit = _unit(g.get("unit") or g.get("unit2"))
        amount = _number(g.get("n") or g.get("n2"))
        if amount is None and not (g.get("n") or g.get("n2")):
            amount = 1  # "год назад"
        if unit is None or not amount or amount > 5000:
            return "PAST_REF"
        period = self.period_back(amount, unit, sentence)
        if period is not None:
            return period
        day = _shift(self.anchor or date.min, -amount, unit)
        grain = "M" if unit in ("Y", "DE", "CE") and amount % 1 else unit
        return _format(_Point(day, "Y" if grain in ("DE", "CE") else grain))

    def offset(self, match: Match, sentence: int) -> tuple[str | None, str, bool]:
        """ "Four days later": from the date just before, if there is one; else a duration."""
        g = match.groups
        unit = _unit(g.get("unit"))
        amount = _number(g.get("n"))
        ref = self.recent(self.last_any, sentence, 1, paragraph=True)
        sign = OFFSET_SIGNS.get(_key(g.get("dir")), 1)
        if unit is not None and amount and (ref is None or ref.grain in _PERIOD_GRAINS):
            # "a year earlier" in an earnings report: the same quarter, a year before.
            period = self.period_back(-sign * amount, unit, sentence)
            if period is not None:
                return period, "DATE", False
        if unit is None or not amount or ref is None:
            return self.duration(match), "DURATION", False
        grain = ref.grain
        if unit in ("Y", "DE", "CE") and amount % 1:
            grain = "M" if ref.grain != "Y" else "Y"
        grain = {"DE": "Y", "CE": "Y", "W": "D"}.get(grain, grain)
        point = _Point(_shift(ref.day, sign * amount, unit), grain)
        self.remember(point, sentence, False)
        return _format(point), "DATE", False

    def duration(self, match: Match) -> str:
        g = match.groups
        unit = _unit(g.get("unit")) or "Y"
        amount = _number(g.get("n"))
        if "n" not in g:  # "the year" is one; "for weeks" an unknown number
            amount = None if _key(g.get("unit")).endswith("s") else 1.0
        if unit in ("H", "MIN"):
            return f"PT{amount:g}{unit[0]}" if amount else f"PTX{unit[0]}"
        return f"P{amount:g}{unit}" if amount else f"PX{unit}"

    def period_back(self, years: float, unit: str, sentence: int) -> str | None:
        """ "a year ago" right after a quarter or half year: that period, a year before."""
        if unit != "Y" or years % 1:
            return None
        ref = self.recent(self.last_period, sentence, _PERIOD_REACH, paragraph=False)
        if ref is None:
            return None
        return _format(_Point(_shift(ref.day, -years, "Y"), ref.grain))

    def set_value(self, match: Match) -> str:
        """ "daily" P1D, "every Monday" XXXX-WXX-1, "each July" XXXX-07, "twice a year" P1Y."""
        g = match.groups
        if g.get("set"):
            return SET_WORDS.get(_key(g["set"]), "P1D")
        if g.get("wd"):
            return f"XXXX-WXX-{_ALL_WEEKDAYS[_key(g['wd'])] + 1}"
        if g.get("m"):
            return f"XXXX-{_ALL_MONTHS[_key(g['m'])]:02d}"
        word = _key(g.get("unit"))
        if word in SEASONS:
            return f"XXXX-{SEASONS[word]}"
        if word in PARTS_OF_DAY:
            return f"XXXX-XX-XX{PARTS_OF_DAY[word]}"
        unit = _unit(word) or "D"
        amount = 2 if g.get("other") else _number(g.get("n")) or 1
        if unit in ("H", "MIN"):
            return f"PT{amount:g}{unit[0]}"
        return f"P{amount:g}{unit}"

    def quarter(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        """ "the third quarter", "third-quarter", "the quarter", "the year-ago quarter", "Q3 2024",
        "the first half of 1990": a quarter (YYYY-QN) or half year (YYYY-HN)."""
        g = match.groups
        code = _key(g.get("qn") or g.get("qn2"))
        part = _key(g.get("part"))
        grain = "HALF" if part == "half" or code.startswith("h") else "Q"
        if part in ("period", "") and not code:  # "the latest period", "year-earlier"
            ref = self.recent(self.last_period, sentence, _PERIOD_REACH, paragraph=False)
            if ref is not None:
                grain = ref.grain
            elif not part and self.anchor is not None:
                return f"{self.anchor.year - 1:04d}", "DATE", False
        months = 6 if grain == "HALF" else 3
        number = int(code[1]) if code else QUARTER_ORDINALS.get(_key(g.get("ord")), 0)
        if grain == "HALF" and number:
            number = min(number, 2)
        which = set(_key(g.get("which")).replace("-", " ").split())
        mod = _key(g.get("mod"))
        year_text = g.get("y") or g.get("yb")
        anchor = self.anchor
        if year_text:
            year = int(year_text)
            explicit = True
        else:
            explicit = False
            if anchor is None:
                return None, "DATE", False
            year = anchor.year + {"last year": -1, "next year": 1}.get(mod, 0)
        if not number:  # "the quarter", "the latest quarter", "last quarter"
            ref = self.recent(self.last_period, sentence, _PERIOD_REACH, paragraph=False)
            if anchor is None:
                return None, "DATE", False
            current = date(anchor.year, (anchor.month - 1) // months * months + 1, 1)
            if mod in PAST_WORDS or which & {"previous", "prior"}:
                base = _shift(ref.day if ref and ref.grain == grain else current, -1, grain)
            elif mod in NEXT_WORDS:
                base = _shift(current, 1, grain)
            elif mod in ("this", "current") or "current" in which:
                base = current
            elif ref is not None and ref.grain == grain:
                base = ref.day
            else:  # the period just reported on
                base = _shift(current, -1, grain)
        else:
            base = date(year, (number - 1) * months + 1, 1)
            if not explicit and mod not in ("last year", "next year") and anchor is not None:
                current = date(anchor.year, (anchor.month - 1) // months * months + 1, 1)
                if direction > 0 and base < current:
                    base = _shift(base, 1, "Y")
                elif direction <= 0 and base > current:
                    base = _shift(base, -1, "Y")
        if which & {"ago", "earlier"}:
            # The same period a year before; the report goes on about the period in view.
            return _format(_Point(_shift(base, -1, "Y"), grain)), "DATE", explicit
        point = _Point(base, grain)
        self.remember(point, sentence, explicit)
        return _format(point), "DATE", explicit


def resolve(found: Scan, anchor: date | None, reach: int | None = None) -> list[Expression]:
    """Values for every span of `found`, relative ones read against `anchor`; with `reach`,
    only of the spans that start within that many characters of the text as given (the
    values are the same: a span's value depends only on the spans before it)."""
    resolver = _Resolver(found, anchor)
    expressions = []
    for match in found.matches:
        if reach is not None and found.to_orig(match.start) > reach:
            break
        try:
            value, kind, explicit = resolver.resolve(match)
        except (OverflowError, ValueError):  # date arithmetic beyond year 1 or 9999
            value, kind, explicit = None, "DATE", False
        expressions.append(_expression(found, resolver, match, value, kind, explicit))
    return expressions


_CALENDAR_DATE_KINDS = frozenset({"date", "numeric", "numeric_iso", "numeric_cjk"})


def explicit_days(found: Scan) -> list[Expression]:
    """The expressions of `found` that write a day with its year ("May 5, 2020", "5.5.2020"),
    as resolve() would give them: their values need neither an anchor nor what came before."""
    resolver = _Resolver(found, None)
    expressions = []
    for match in found.matches:
        kind, groups = match.pattern.kind, match.groups
        if not groups.get("y"):
            continue
        if kind not in _CALENDAR_DATE_KINDS and not (
            kind in ("clock", "noon") and groups.get("m")
        ):
            continue
        try:
            value, type_, explicit = resolver.calendar_date(match, 0, 0)
        except (OverflowError, ValueError):
            value, type_, explicit = None, "DATE", False
        expressions.append(_expression(found, resolver, match, value, type_, explicit))
    return expressions


def _expression(
    found: Scan, resolver: _Resolver, match: Match, value: str | None, kind: str, explicit: bool
) -> Expression:
    copyright = in_copyright_line(found.copyright_marks, found.text, match.start, match.end)
    start, end = found.to_orig(match.start), found.to_orig(match.end)
    return Expression(
        text=found.original[start:end],
        start=start,
        value=value,
        type=kind,
        role="copyright" if copyright else "claim",
        sentence=resolver.sentence_of(match.start),
        explicit=explicit,
        kind=match.pattern.kind,
    )


def find_expressions(
    text: str, anchor: date | None, language: str | None = None
) -> list[Expression]:
    """Temporal expressions in `text`, relative ones read against `anchor`."""
    return resolve(scan(text, language), anchor)


# --- public API: TimeML spans -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A temporal expression as TimeML marks it: its span and its TIMEX3 type and value."""

    start: int  # offset of `text` in the text given
    text: str  # the TimeML span: a leading preposition stays outside ("on Friday" -> "Friday")
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: "2020-01-17", "2020-W02", "P3D", "PRESENT_REF", "XXXX-XX-XX"...


def _leading_words(code: str) -> re.Pattern[str]:
    words = sorted(_temporal(code)["span_prepositions"], key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace("'", "['’]") for w in words)
    return re.compile(rf"(?:(?:{alternation})(?:\s+|(?<=['’])))+", re.I)


_LEADING = PerLanguage(_leading_words)


def timeml_span(expression: Expression, language: str) -> tuple[int, str]:
    """(start, text) of an expression with the leading prepositions TimeML leaves out."""
    text = expression.text
    lead = _LEADING[language].match(text)
    if lead is None or lead.end() >= len(text):
        return expression.start, text
    return expression.start + lead.end(), text[lead.end() :]


_PART_OF_DAY = re.compile(r"\dT(?:MO|AF|EV|NI)$")
_ZONE = re.compile(r"(?<=T\d\d:\d\d)(?:Z|[+-]\d\d:\d\d)$")
_DECADES_AND_CENTURIES = re.compile(r"P(\d+(?:\.\d+)?)(DE|CE|Q)")


def timeml_value(expression: Expression, reference: date | None) -> tuple[str, str]:
    """(type, value) as TIMEX3 writes them where our values are shorthand: a decade "198X",
    a century "19XX", "P20Y" for two decades, "the coming weeks" PXW, a bare clock time on the
    reference day, no time zone."""
    value, kind = expression.value or "", expression.type
    if expression.kind == "decade" and len(value) == 3:
        return kind, value + "X"
    if expression.kind == "century" and len(value) == 2:
        return kind, value + "XX"
    if expression.kind == "ref":
        unit = _unit(expression.text.split()[-1])
        return ("DURATION", f"PX{unit}") if unit and len(unit) == 1 else (kind, value)
    if kind == "DURATION":
        scale = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}  # "three quarters": P9M

        def written_out(m: re.Match[str]) -> str:
            factor, unit = scale[m.group(2)]
            return f"P{float(m.group(1)) * factor:g}{unit}"

        value = _DECADES_AND_CENTURIES.sub(written_out, value)
        if value in ("PXDE", "PXCE"):  # "for decades": an unknown number of years
            value = "PXY"
    if expression.kind == "weekday" and _PART_OF_DAY.search(value):
        return "DATE", value[:-3]  # TimeBank dates "Friday night" by its day alone
    if kind == "TIME" and value.startswith("XXXX-XX-XXT") and reference is not None:
        value = reference.isoformat() + value[10:]
    if kind == "TIME":
        value = _ZONE.sub("", value)  # TimeBank writes the local clock time without its zone
    return kind, value


def find_temporal_expressions(
    text: str, reference: date | None, language: str | None = None
) -> list[TemporalExpression]:
    """The temporal expressions in `text` as TimeML would mark them.

    `reference` is the day relative expressions are read against (the document's creation
    day); `language` a code such as "en" ("" or None: guessed from the text). Expressions
    whose value cannot be worked out are left out.
    """
    found = scan(text, language)
    result = []
    for expression in resolve(found, reference):
        if not expression.value:
            continue
        start, span = timeml_span(expression, found.language)
        kind, value = timeml_value(expression, reference)
        if expression.kind == "offset":
            span, kind, value = _signalled_duration(span, kind, value, found.language)
        result.append(TemporalExpression(start, span, kind, value))
    return result


def _signalled_duration(span: str, kind: str, value: str, language: str) -> tuple[str, str, str]:
    """ "one year after the war": TimeML marks the duration "one year"; "after" is a signal."""
    words = span.split()
    if len(words) < 3 or words[-1].lower() not in _temporal(language)["trailing_signals"]:
        return span, kind, value
    unit, amount = _unit(words[-2]), _number(" ".join(words[:-2]))
    if unit is None or not amount:
        return span, kind, value
    text = span[: span.rstrip().rfind(" ")].rstrip()
    if unit in ("H", "MIN"):
        return text, "DURATION", f"PT{amount:g}{unit[0]}"
    return text, "DURATION", f"P{amount:g}{unit}"
