"""Which cues a sentence can hold at all, found for every sentence of a text in one pass.

Every match of a cue's regex contains one of a few literal words (`required_words`: "said"
or "told", "according", "source" or "official"); a sentence holding none of them cannot match,
so its regex is not run. One Aho-Corasick automaton per language finds the words of all its
cues in the lower-cased text at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import ahocorasick

try:  # CPython's own regex parser: private, so the filter steps aside where it is missing
    from re import _constants as _ops
    from re import _parser
except ImportError:  # pragma: no cover - another Python
    _parser = None

MIN_WORD = 2  # a single letter is in every sentence: no use as a filter
Words = frozenset[str]


def required_words(regex: re.Pattern[str]) -> Words | None:
    """Lower-case words, one of which every match of the regex contains; None when the regex
    names no such word (or only single letters). A word never holds a space: quotations are
    blanked to spaces before the cues are read, so a word found in the cue's text is found at
    the same place in the sentence itself."""
    if _parser is None:
        return None
    try:
        found = _required(_parser.parse(regex.pattern, regex.flags))
    except (re.error, TypeError, ValueError, AttributeError):  # pragma: no cover - defensive
        return None
    if not found or min(len(w) for w in found) < MIN_WORD:
        return None
    return found


def _required(items: object) -> Words | None:
    """The best set of words for a sequence of regex items: of the sets its items need (a run
    of literals is one word), the one whose shortest word is longest."""
    needs: list[Words] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            needs.append(frozenset(["".join(run)]))
        run.clear()

    for op, arg in items:  # type: ignore[attr-defined]
        if op is _ops.LITERAL and _comparable_char(chr(arg)):
            run.append(chr(arg).casefold())
            continue
        end_run()
        need = _item_needs(op, arg)
        if need:
            needs.append(need)
    end_run()
    return max(needs, key=lambda s: (min(len(w) for w in s), -len(s))) if needs else None


def _item_needs(op: object, arg: object) -> Words | None:
    """What one regex item needs: a group its content, an alternation one word of each branch,
    a repeat its body if it must occur, a lookahead or lookbehind its content; else nothing."""
    if op is _ops.SUBPATTERN:
        return _required(arg[3])  # type: ignore[index]
    if op is _ops.ATOMIC_GROUP:
        return _required(arg)
    if op is _ops.BRANCH:
        branches = [_required(b) for b in arg[1]]  # type: ignore[index]
        if any(b is None for b in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        return _required(arg[2]) if arg[0] >= 1 else None  # type: ignore[index]
    if op is _ops.ASSERT:
        return _required(arg[1])  # type: ignore[index]
    return None


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
            self._automaton.add_word(word, mask)
        self._empty = not bits
        if not self._empty:
            self._automaton.make_automaton()

    def masks(self, text: str, spans: Sequence[tuple[int, str]]) -> list[int] | None:
        """For each (offset, sentence) span of the text, the entries whose words it holds;
        None when the text's case rules out the comparison (every entry may then match)."""
        lowered = text.lower()
        if not comparable_case(text, lowered):
            return None
        if self._empty:
            return [0] * len(spans)
        found = []
        for position, sentence in spans:
            mask = 0
            for _, bits in self._automaton.iter(lowered, position, position + len(sentence)):
                mask |= bits
            found.append(mask)
        return found
