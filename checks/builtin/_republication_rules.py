"""The original_source check's language data, read once from `checks/languages`.

Phrasings (notices, source lines, credit lines, byline words) come from each language's
`republication.toml`, the wire agencies from the shared `wires.toml` (`checks.wires`). What
stays here is the typography every language shares: datelines "PARIS (Reuters) –",
"МОСКВА, 29 июня. /ТАСС/.", copyright lines, a last line "— AP".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checks import regex_parse
from checks.languages import languages as all_languages
from checks.languages import patterns, resource, shared
from checks.wires import WIRE_BY_ALIAS

KIND = "republication"
# Chinese and Japanese portals' forms: read on every page, though not a language we read yet.
PORTALS = "_portals"


def languages() -> tuple[str, ...]:
    """English first: labels written in English ("Update:") are used by pages in any language,
    so a finding's language is English when another language's phrasing also matches."""
    return tuple(sorted(all_languages(), key=lambda code: code != "en"))


def _resources() -> Iterator[Mapping[str, Any]]:
    for code in languages():
        yield resource(KIND, code)


def _words(key: str) -> tuple[str, ...]:
    """Every language's entries under one key, in language order, each once."""
    return tuple(dict.fromkeys(w for data in _resources() for w in data.get(key, ())))


def _either(words: Iterable[str]) -> str:
    return "|".join(words)


def _word(word: str) -> str:
    return re.escape(word).replace("'", "['’]")


_WIRE_ALT = "|".join(re.escape(a) for a in sorted(WIRE_BY_ALIAS, key=len, reverse=True))
WIRE_NAME = re.compile(rf"(?<![\w-])(?:{_WIRE_ALT})(?![\w-])")

# "PARIS (Reuters) –", "DORTMUND, Alemania (AP) —", "Madrid, 12 may (EFE).-": first lines only.
PAREN_DATELINE = re.compile(
    r"^(?P<lead>[^\n()]{0,80}?)[ \t]*\((?P<name>[^()\n]{2,40})\)\s*\.?\s*[-–—―]", re.M
)
# "МОСКВА, 29 июня. /ТАСС/." and "/Корр. ТАСС Иван Иванов/."
SLASH_DATELINE = re.compile(r"^(?P<lead>[^\n/]{2,60}?)\s/(?P<name>[^/\n]{2,40})/", re.M)
# "МОСКВА, 29 июн — РИА Новости."
DASH_DATELINE = re.compile(
    rf"^(?P<lead>[^\n]{{2,60}}?)\s[-–—]\s(?P<name>{_WIRE_ALT})(?=[.,:])", re.M
)
DATELINE_CHARS = 1500  # datelines open the story: headline, caption and date come first

# Credit lines that name a wire wherever they stand.
COPYRIGHT_WIRE = re.compile(
    rf"(?:Copyright|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d\s*)?(?:by\s+)?(?P<name>{_WIRE_ALT})"
    rf"(?![\w-])"
)
# A rights line under the text naming its holder: "© 2024 The Washington Post", "Copyright
# 2019 The New York Times Company. All rights reserved.", "(c) 2019, Los Angeles Times".
RIGHTS_LINE = re.compile(
    # one line, blanks only and possessive: "Copyright" over a run of newlines is linear
    r"^[ \t*_]*+\(?(?i:©|\(c\)|copyright)[ \t]*+(?:©[ \t]*+)?(?:(?:19|20)\d\d)?,?[ \t]*+"
    r"(?i:by[ \t]+)?"
    r"(?P<name>[A-Z][^\n.;|©]{1,60}?)"
    r"(?:,?[ \t]+(?:Company|Co\.|Inc\.?|LLC|Ltd\.?|GmbH|plc))?\.?"
    r"(?:[ \t]+(?i:all rights reserved)\.?)?[ \t]*$",
    re.M,
)
# Reuters' house style: "(Reporting by …; editing by …)".
REUTERS_CREDIT = re.compile(
    r"\(?\b(?:Additional |Further )?[Rr]eporting by [^\n;()]{3,200};\s*"
    r"(?:[Ww]riting by [^\n;()]{3,200};\s*)?[Ee]diting by [^\n()]{3,200}\)?"
)
# A byline line naming an agency near the top: "By The Associated Press", "By JANE DOE Reuters".
HEAD_BYLINE = re.compile(
    rf"^(?:{_either(_words('byline_words'))})\s+(?P<middle>[^\n]{{0,60}}?[\s,]+)?(?P<name>{_WIRE_ALT})"
    r"(?:\s+(?:Staff|Writers?|Reporters?))?\.?[ \t]*$",
    re.M,
)
# A byline block that runs a person's name into the agency's, as Gannett and other US chains
# print it: "Tom Davies Associated Press", "By Jane Doe AP", then maybe the date.
PERSON_THEN_WIRE = re.compile(
    rf"^(?:(?:{_either(_words('byline_words'))})\s+)?+(?:[A-ZÀ-Ý][\w.'’-]+\s+){{2,4}}"
    rf"(?P<name>{_WIRE_ALT})"
    r"(?:\s+(?:Published|Updated|Posted|\d)[^\n]*)?$"
)
# "By Michael Bloomberg": a first name alone before an agency's name is a person's surname.
FIRST_NAME_ONLY = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+\s+")
# "… — AP" or a last line that is only "(AFP)".
TRAILING_WIRE = re.compile(
    rf"(?:[-–—]\s*\(?(?P<name>{_WIRE_ALT})\)?|^\(?(?P<alone>{_WIRE_ALT})\)?)\.?[ \t]*$", re.M
)
# "…と述べた。（共同）", "(AFP)" at the end of a line in the last lines.
CJK_TRAILING_WIRE = re.compile(rf"[（(](?P<name>{_WIRE_ALT})[）)][ \t]*$", re.M)
# "… mit effet immédiat. (ats/nxp)", "(dpa/lnw)", "(APA/red)": agencies and an editor's
# initials in brackets closing the last paragraph, as German-, French- and Italian-language
# regional papers credit agency copy. At least one part must be an agency (checked by the
# caller), so "(red)" or "(mt/jk)" alone is not a credit.
_CREDIT_PART = rf"(?:{_WIRE_ALT}|[a-zäöü]{{2,4}})"
TRAILING_PAREN_CREDIT = re.compile(
    rf"[（(](?P<names>{_CREDIT_PART}(?:\s*/\s*{_CREDIT_PART})+)[）)]\.?[ \t]*$", re.M
)
# Japanese agencies' datelines: "【ワシントン共同】", "【ニューヨーク時事】".
BRACKET_DATELINE = re.compile(r"【(?P<lead>[^】\n]{0,20}?)(?P<name>共同|時事)】")
TAIL_LINES = 3
# Credit lines ("Mit Material von dpa", "Le Monde avec AFP") may stand in the last lines or
# as a byline near the top.
CREDIT_TAIL_LINES = 6

# "Kyiv. 12 березня. ІНТЕРФАКС-УКРАЇНА - …": the agency after the place and date.
NAME_DASH_DATELINE = re.compile(
    rf"^(?P<lead>[^\n]{{2,60}}?\d[^\n]{{0,20}}?)[.,]\s+(?P<name>{_WIRE_ALT})\s*[-–—]\s", re.M
)
PLACELESS_OUTLETS = frozenset(shared("wires").get("placeless_outlets", ()))
# "WATCH (VIDEO) —", "UPDATE (Wednesday) —": editorial labels, not a place and an outlet.
EDITORIAL_LABELS = frozenset(_words("editorial_labels"))

_WIRE_ITEM = rf"(?:(?:the|la|el|a|o|das|der|die)\s+|l['’]\s*)?(?:{_WIRE_ALT})(?![\w-])"
_MORE_ITEM = (
    rf"(?:{_WIRE_ITEM}|(?i:(?:other |otras |outras |andere |autres )?"
    r"(?:agenc\w*|agentur\w*|agências|агентств\w*|wires)))"
)
_SEP = r"\s*(?:,|/|&|\+|\b(?:and|und|et|y|e|и|і|та)\b)\s*"
_LINE_END = r"\s*[)\].]*[*_]*[ \t]*$"
_CREDIT_PHRASES = _either(
    p.regex.pattern
    for code in languages()
    for p in patterns(KIND, code)
    if p.path.startswith("credit_lines")
)
# A line that credits wires for the text: "(Avec AFP)", "Le Monde avec AFP", "Mit Material
# von dpa", "(Con información de EFE y Reuters)", "Com Reuters e AFP", "По материалам
# Reuters и AFP", "With reporting from Reuters".
CREDIT_LINE = re.compile(
    r"^[ \t]*+[*_(\[—–-]*+[ \t]*+"
    # the outlet before "avec": "Le Monde avec AFP", "La rédaction avec l'AFP"
    r"(?:(?:[A-ZÀ-ÝА-ЯЁІЇЄ][\w'’.-]*\s+){1,4}(?=(?i:avec|with)\b)|(?i:la rédaction\s+))?(?i:"
    rf"{_CREDIT_PHRASES}"
    rf")\s+(?P<name>{_WIRE_ITEM})(?:{_SEP}{_MORE_ITEM})*{_LINE_END}",
    re.M,
)
# "dpa/AFP/epd", "(dpa/AFP)", "mbe/dpa": agencies and an editor's initials, on a line alone.
SLASH_CREDIT = re.compile(
    rf"^[ \t]*\(?(?:[a-zäöü]{{2,4}}|{_WIRE_ALT})(?:\s*/\s*(?:[a-zäöü]{{2,4}}|{_WIRE_ALT}))+"
    r"\)?\.?[ \t]*$",
    re.M,
)
# "The Associated Press contributed to this report.", "AP writer Jane Doe contributed …",
# "Jane Doe of Reuters contributed …", "Information from Reuters was used in this report."
CONTRIBUTED = re.compile(
    r"^[ \t*_(]*(?:(?:Additional )?[Ii]nformation from "
    r"|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3},? (?:of|from) )?"
    rf"(?P<name>{_WIRE_ITEM})(?:{_SEP}{_WIRE_ITEM})*(?:['’]s)?"
    r"(?:\s+(?:writers?|reporters?|correspondents?|journalists?|staff)\b[^\n]{0,100}?)?"
    r"\s+(?:contributed(?: reporting)? to|(?:was|were) used in) this (?:report|story|article)\b",
    re.M,
)
# "This report by The Canadian Press was first published Nov. 20, 2024."
REPORT_BY = re.compile(
    r"\bThis (?:report|story|article) by (?P<name>[A-Z][^\n]{1,60}?)"
    r" was (?:first|originally) published\b"
)
# A "Source:" line that names a statistics office or a ministry cites data, not a text.
DATA_SOURCE = re.compile(_either(_words("data_sources")), re.I)

_TEXT_NOUNS = _either(_word(w) for w in _words("text_nouns"))
_THIS_WORDS = _either(_word(w) for w in _words("this_words"))
# "This post …", "Dieser Artikel …", "Этот материал …": a sentence that names this text.
THIS_TEXT = re.compile(rf"\b(?:{_THIS_WORDS})\s+(?:\w+\s+)?(?:{_TEXT_NOUNS})\b", re.I)
# "This article …", "Cette tribune …", "Этот материал …" anywhere before the notice; a bare
# "Der Text …", "Материал …" only where the sentence starts.
ABOUT_THIS = re.compile(
    rf"\b(?:{_THIS_WORDS})\s+(?:\w+\s+)?(?:{_TEXT_NOUNS})\b"
    rf"|^\W*(?:(?:{_either(_word(w) for w in _words('sentence_articles'))})\s*)?"
    rf"(?:{_TEXT_NOUNS})\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Notice:
    """A sentence in which a text says where it was first published, with an example."""

    kind: str  # "notice", "source_line", "translation"
    lang: str
    pattern: re.Pattern[str]
    example: str
    example_name: str | None  # the outlet the example names
    needs_name: bool = True  # counts only if it names an outlet or links to another site
    tail_only: bool = False  # only in the last lines of the text
    # Counts only when the sentence is about this text ("This article was first published
    # in …"), not about a study or a letter it reports on ("The study, first published in …").
    about_this: bool = False
    # Lower-case words of which at least one must occur (a fast pre-check); () = always run.
    triggers: tuple[str, ...] = ()
    # A bare credit line ("Courtesy of NASA") counts only when it opens or closes the text and
    # holds nothing but the name: elsewhere it is a photo caption.
    edge_line: bool = False


NOTICES = tuple(
    Notice(
        p.entry["kind"],
        code,
        p.regex,
        p.example,
        p.entry.get("names"),
        needs_name=p.entry.get("needs_name", True),
        tail_only=p.entry.get("place") == "tail",
        about_this=p.entry.get("about_this", False),
        triggers=tuple(p.entry.get("triggers", ())),
        edge_line=p.entry.get("edge_line", False),
    )
    for code in (*languages(), PORTALS)
    for p in patterns(KIND, code)
    if p.path.startswith("notices")
)

_PORTAL_WORDS = resource(KIND, PORTALS)
# "聯合報 記者林宸誼／即時報導": the reporter's paper, then the word for reporter.
REPORTER_BYLINE = re.compile(
    r"(?:^|(?<=\s))(?P<name>[\u3400-\u9fff]{2,8}?)\s*(?:"
    + _either(_PORTAL_WORDS.get("reporter_words", ()))
    + ")"
)
NOT_AN_OUTLET = frozenset(_PORTAL_WORDS.get("not_an_outlet", ()))

# A name never starts with these: dates ("originally published on March 3") and pronouns.
NOT_A_NAME = frozenset(_words("not_a_name"))
# Language names: "translated from Russian" names a language, not an outlet.
LANGUAGES = frozenset(_words("language_names"))
# Small words that may sit inside a name ("Center for Research on Globalization").
NAME_JOINERS = frozenset(_words("name_joiners"))


def line_start_probe(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern every match of which opens at a line start ("^", multi-line), a search
    that finds the same matches from the line break before them: it matches somewhere in a
    text only where the pattern does, or at the text's very start. A search that opens with a
    character skips ahead to it; one that opens with "^" is tried at every place. None for a
    pattern that may match elsewhere ("^a|b")."""
    if pattern.flags & re.VERBOSE or not regex_parse.opens_lines(pattern):
        return None
    return re.compile("\\n" + pattern.pattern[1:], pattern.flags)


def needed_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of characters every match of a pattern holds one of each: a text lacking all of one
    set cannot match. Read from the pattern's parse; only letters without case count under
    IGNORECASE ("来", ":", not "a", which also matches "A")."""
    parsed = regex_parse.parse(pattern)
    if parsed is None:
        return ()
    return tuple(dict.fromkeys(_needs(parsed, bool(pattern.flags & re.IGNORECASE))))


def _cased(char: str) -> bool:
    return char.lower() != char or char.upper() != char


def _needs(items: Iterable[tuple[Any, Any]], ignore_case: bool) -> list[frozenset[str]]:
    needs: list[frozenset[str]] = []
    for op, av in items:
        needs += _item_needs(op, av, ignore_case)
    return needs


def _item_needs(op: Any, av: Any, ignore_case: bool) -> list[frozenset[str]]:
    c = regex_parse.ops
    if op is c.LITERAL:
        char = chr(av)
        return [] if ignore_case and _cased(char) else [frozenset(char)]
    if op is c.IN:
        if any(kind is not c.LITERAL for kind, _ in av):
            return []  # a range, a category or a negation: too many characters to list
        chars = frozenset(chr(code) for _, code in av)
        return [] if ignore_case and any(map(_cased, chars)) else [chars]
    if op is c.SUBPATTERN:
        _, add, remove, items = av
        case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _needs(items, case)
    if op is c.ATOMIC_GROUP:
        return _needs(av, ignore_case)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, items = av
        return _needs(items, ignore_case) if low >= 1 else []
    if op is c.BRANCH:
        each = [_needs(branch, ignore_case) for branch in av[1]]
        if all(each):
            return [frozenset().union(*(min(needs, key=len) for needs in each))]
    return []


@dataclass(frozen=True, slots=True)
class LineStarts:
    """One test of whether any of several patterns that open with "^" (multi-line) can match
    in a text: a line break followed by one of them, or one of them at the very start."""

    after_break: re.Pattern[str]
    at_start: re.Pattern[str]

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> LineStarts | None:
        """None when a pattern may match elsewhere, or their flags differ."""
        patterns = list(patterns)
        if not patterns or len({p.flags for p in patterns}) != 1:
            return None
        if any(line_start_probe(pattern) is None for pattern in patterns):
            return None
        rests = [f"(?:{pattern.pattern[1:]})" for pattern in patterns]
        flags = patterns[0].flags
        try:
            after_break = re.compile("\\n(?:" + "|".join(rests) + ")", flags)
            at_start = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags)
        except re.error:  # the same group name in two patterns
            return None
        return cls(after_break, at_start)

    def may_match(self, text: str, endpos: int | None = None) -> bool:
        end = len(text) if endpos is None else endpos
        return bool(self.after_break.search(text, 0, end) or self.at_start.match(text, 0, end))
