"""Which cues a sentence can hold at all, found for every sentence of a text in one pass.

Every match of a cue's regex needs some literal words ("according", "sources" and one of
"said", "told"; `required_words`); a sentence lacking them cannot match, so the regex is not
run on it. One Aho-Corasick automaton per language finds the words of all its cues in the
lower-cased text at once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

import ahocorasick

from checks import regex_parse
from checks.regex_parse import Item as _Item
from checks.regex_parse import ops as _ops

MIN_WORD = 4  # shorter words ("the", "so") are in most sentences: they filter little
MIN_LAST_RESORT = 2  # ... yet better than nothing where a branch has no longer word
Words = frozenset[str]  # a sentence needs one of them
Branch = tuple[Words, ...]  # a sentence needs each of them


def required_words(regex: re.Pattern[str]) -> tuple[Branch, ...] | None:
    """What every match of the regex needs, as alternatives, one per top-level branch: each a
    few sets of lower-case words, one word of every set in the text ("sources" and "said" or
    "told"). None when some branch needs no word. A word never holds a space:
    quotations are blanked to spaces before the cues are read, so a word found in the cue's
    text is found at the same place in the sentence itself."""
    items = regex_parse.parse(regex)
    if items is None:
        return None
    # The pattern is one alternation, maybe between word boundaries ("\b(?:a|b)\b").
    found = [item for item in items if item[0] is not _ops.AT]
    if len(found) == 1 and _alternatives(found[0]):
        branches = [_needs(list(b)) for b in _alternatives(found[0])]
    else:
        branches = [_needs(items)]
    if not all(branches):
        return None
    return tuple(branches)


def _alternatives(item: _Item) -> list[Any]:
    """The branches of an alternation, bare or the whole of a group ("\\b(?:a|b)"); else []."""
    op, arg = item
    if op is _ops.SUBPATTERN and len(arg[3]) == 1:
        op, arg = arg[3][0]
    return list(arg[1]) if op is _ops.BRANCH else []


def _needs(items: Sequence[_Item]) -> Branch:
    """The sets of words a sequence of regex items needs, each met: its runs of literals
    and what its groups, repeats and lookarounds need; short words only where nothing longer."""
    found = _all_needs(items)
    long = tuple(w for w in found if min(len(x) for x in w) >= MIN_WORD)
    if long:
        return long
    short = [w for w in found if min(len(x) for x in w) >= MIN_LAST_RESORT]
    return (regex_parse.most_telling(short),) if short else ()


def _all_needs(items: Sequence[_Item]) -> list[Words]:
    """Every set of words a sequence of regex items needs, a run of literals one word, what
    lookaheads and lookbehinds need too."""
    return regex_parse.needed_runs(items, _folded_literal, lookarounds=True)


def _folded_literal(code: int, caseless: bool) -> str | None:
    char = chr(code)
    return char.casefold() if _comparable_char(char) else None


def _comparable_char(char: str) -> bool:
    """A literal that stands for itself in lower-cased text: one character when case-folded
    ("ß" folds to two), no space, and not the Turkish dotless i (which matches "i")."""
    folded = char.casefold()
    return len(folded) == 1 and not folded.isspace() and folded != "ı"


def comparable_case(text: str, lowered: str) -> bool:
    """Whether a word's place in `lowered` is its place in `text`, and the regex engine's
    case-insensitive match of a word is a plain match in `lowered`: no character changes
    length or folds otherwise than it lowers ("İ", "ſ", a final sigma, "ﬁ"), no dotless i.
    "ß" may stand (German has it everywhere): no word holds it, and `spellings` gives the
    forms a case-folded word has with it."""
    if len(lowered) != len(text) or "ı" in lowered:
        return False
    folded = text.casefold()
    return lowered == folded or ("ß" in lowered and lowered.replace("ß", "ss") == folded)


def spellings(folded: str) -> Iterator[str]:
    """The lower-case spellings of a case-folded word, "ß" for any "ss": "hiess" and "hieß"."""
    if not folded:
        yield ""
        return
    if folded.startswith("ss"):
        for rest in spellings(folded[2:]):
            yield "ß" + rest
    for rest in spellings(folded[1:]):
        yield folded[0] + rest


class WordIndex:
    """An automaton over the words that entries need; `masks` sets bit i for a span where
    one of entry i's words occurs."""

    def __init__(self, needs: Sequence[Words]) -> None:
        bits: dict[str, int] = {}
        for i, words in enumerate(needs):
            for word in words:
                bits[word] = bits.get(word, 0) | 1 << i
        self._automaton = ahocorasick.Automaton()
        for word, mask in bits.items():
            self._automaton.add_word(word, (mask, len(word)))
        self._empty = not bits
        if not self._empty:
            self._automaton.make_automaton()

    def masks(self, text: str, spans: Sequence[tuple[int, str]]) -> list[int] | None:
        """For each (offset, sentence) span of the text, in order, the entries whose words it
        holds; None when the text's case rules out the comparison (every entry may match)."""
        lowered = text.lower()
        if not comparable_case(text, lowered):
            return None
        found = [0] * len(spans)
        if self._empty:
            return found
        starts = [position for position, _ in spans]
        for last, (mask, length) in self._automaton.iter(lowered):
            i = bisect_right(starts, last - length + 1) - 1
            if i >= 0 and last < starts[i] + len(spans[i][1]):
                found[i] |= mask
        return found
