"""Find attributed statements in running text, sentence by sentence, from a language's cues.

A sentence is attributed when a cue (a reporting verb, "according to", an anonymous-source
phrase, a cited document) has a source near it outside quotation marks: a name, a source word
("police", "officials"), or a pronoun pointing back at the last speaker. Every regex here and
in the language files is linear: bounded repeats over character classes, no nested quantifiers.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.builtin.sources.prefilter import Branch, WordIndex, Words, required_words, spellings
from checks.languages import Pattern, languages, patterns, resource
from checks.sentence_ends import Abbreviations, abbreviations_of, ends_no_sentence

KINDS = ("direct_quote", "named", "anonymous", "document")
MAX_SOURCE_GAP = 100  # characters between a cue and the name it is attributed to
PRONOUN_GAP = 15  # characters: a pronoun subject stands right by its verb, or one word away
MAX_SENTENCE = 1200
FOLLOW_ON = 1500  # characters within which a quotation or pronoun carries on the last speaker
RUN_ON_WORDS = 8  # words an unnamed source's description may run on by ("close" + "to the …")
APPOSITION = 150  # characters of a description set between commas after a name
MAX_APPOSITIONS = 2  # descriptions one after another ("Jeff Sanborn, president of …, a … agency,")
ACCORDING_WORDS = 8  # words an "according to" phrase's source may run to
_NAME_RUN = re.compile(
    r"(?-i:[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]+\s+[A-ZÀ-ÞА-ЯІЇЄҐ][\w'’.-]+|\b[A-ZА-ЯІЇЄҐ]{2,}\b)"
)
AFTER_VERB_WORDS = 6  # words of a subject that follows its verb ("Dies erklärte ein Sprecher …")
RUN_ON_LOWER = 3  # of them, lower-case words ("to the presidential couple"); names may run on
# Quotations; a single-quoted one (‘…’) may hold apostrophes ("don’t"), never end on one.
_QUOTED = re.compile(
    r"“[^”\"\n]{1,600}[”\"]|«[^»\n]{1,600}»|„[^“”\n]{1,600}[“”]|\"[^\"\n]{1,600}\"|‹[^›\n]{1,600}›"
    r"|(?<!\w)‘(?:[^’\n]|’(?=\w)){1,600}’(?!\w)"
)
# An attribution set into a quotation between dashes: «…, – сказал он. – …», «… - spiega
# Artibani - …». A hyphen inside a word ("BTSV-Coach") does not end it.
_INSERTED = re.compile(
    r"(?:[,!?.…]\s?|\s)[–—-]\s((?-i:[^\W\d_A-ZА-ЯЁІЇЄҐ])(?:[^–—\n-]|-(?=\S)){1,120})"
)
# The signature line of an embedded post: "— Jane Doe (@janedoe) March 14, 2020".
_TWEET_SIGNATURE = re.compile(r"^[—–]\s?([^()\n]{2,60}?)\s?\(@\w{1,30}\)")
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
# A blog's comment header, "Yvonne sagt: 19.04.2016 um 20:55 Uhr", "Jane says: November 3,
# 2019 at 5:12 pm": a name, a speech verb and a colon, then a date with its clock time.
_COMMENT_HEADER = re.compile(r"^\W*[^\W\d][\w.'’ -]{0,40}?\s(?P<verb>[^\W\d]+):\s")
_STAMP_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STAMP_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")
# A wire dateline opening a paragraph: its place and agency never speak, the subject after it
# does. "BERLIN (Reuters) -", "KYIV, May 23 (Reuters) -", "Madrid, 12 may (EFE).-",
# "(CNN) —", "МОСКВА, 23 мая /ТАСС/.", and a capitalised place alone before a dash or a
# colon, "WASHINGTON —", "KYIV, May 23 —", "NEW DELHI:", "BANGKOK:".
_PLACE = r"[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]{0,30}(?:[ -][A-ZÀ-ÞА-ЯЁІЇЄҐ][\w'’.-]{0,30}){0,3}"
_CAPITAL_PLACE = r"[A-ZÀ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÞА-ЯЁІЇЄҐ'’.-]{1,30}(?: [A-ZÀ-ÞА-ЯЁІЇЄҐ'’.-]{2,30}){0,3}"
_DATELINE = re.compile(
    rf"(?:(?:{_PLACE}(?:,[^\n()/–—]{{1,40}}?)?\s?)?\([^()\n]{{2,30}}\)\.?\s?[-–—―]{{1,2}}\s"
    rf"|{_PLACE}(?:,[^\n()/–—]{{1,40}}?)?\s?/[^/\n]{{2,40}}/\.?\s"
    rf"|{_CAPITAL_PLACE}(?:,[^\n()/–—]{{1,40}}?)?\s[-–—―]{{1,2}}\s"
    rf"|{_CAPITAL_PLACE}(?:,[^\n()/–—:]{{1,40}}?)?:\s)"
)
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s?$")
# Sentence ends: . ! ? … followed by space; never inside quotation marks (tracked below).
_OPENERS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "‘": "’"}
_OPENING_MARKS = re.compile(r"[“«„\"‹‘]")  # what every quotation starts with
_QUOTE_MARKS = re.compile(r"[“”«»„‹›‘’\"]")
# A closing quotation mark may stand between the stop and the space ("… bereit.“ Auch …").
_ENDS = re.compile(r"[.!?…][”“»\"’]? ")


@dataclass(frozen=True, slots=True)
class Statement:
    """One attributed sentence: what it says, its kind, and who or what it rests on."""

    quote: str
    kind: str  # one of KINDS
    source: str
    position: int  # offset of the sentence in the text
    proper: bool = False  # the source is a name (a person, an organisation), not a description


@dataclass(frozen=True, slots=True)
class Cues:
    """One language's attribution cues, compiled."""

    speech: tuple[Pattern, ...]  # reporting phrases
    phrases: tuple[Pattern, ...]  # the reporting phrases that are verbs, not "according to"
    verbs: frozenset[str]  # single-word reporting verbs, lower case
    passive_before: frozenset[str]
    anonymous: tuple[Pattern, ...]  # phrases that are anonymous sources on their own
    # Small words that carry an unnamed source's description on to its end: "a source close"
    # + "to the government", "une source proche" + "du dossier", "fuentes del" + "Gobierno".
    anonymous_links: frozenset[str]
    anonymous_ends: frozenset[str]  # words that open a new clause: "… the matter | who asked"
    source_words: frozenset[str]  # words for an unnamed source ("police"), lower case
    document: tuple[Pattern, ...]
    assertion: tuple[Pattern, ...]
    pronouns: frozenset[str]
    first_person: frozenset[str]
    document_links: frozenset[str]
    auxiliaries: frozenset[str]
    not_names: frozenset[str]
    reported_speech: frozenset[str] = frozenset()  # subjunctive forms of indirect speech
    # Words opening a subject that brings in someone new ("a company spokesperson", "an
    # officer"): that subject speaks, not the last speaker. Empty where none are listed.
    indefinites: frozenset[str] = frozenset()
    # Pronouns that are never a verb's subject ("told him", "his doctors say"): they point
    # back at the last speaker only after "according to" ("according to him").
    object_pronouns: frozenset[str] = frozenset()
    # Verbs whose subject always stands before them, the words after being whom it was said
    # to ("he told Business Insider"): never a source after them.
    listener_verbs: frozenset[str] = frozenset()
    # Prepositions: a name right after one is inside a phrase ("in vielen Bereichen gehen",
    # "über Trümmer gehen"), never a verb's subject. Lower case, as written in the text.
    prepositions: frozenset[str] = frozenset()
    # "According to"-phrases whose source stands before them or is not a source: "dem
    # Bericht zufolge", "sagte er gegenüber der Zeitung" (whom he said it to).
    source_before: frozenset[str] = frozenset()
    # What opens a sentence whose subject follows the verb: "Dies erklärte …", "Об этом
    # сообщает …" (the words, lower case, as the whole of what stands before the verb).
    inverted_openers: frozenset[str] = frozenset()
    # Words for unnamed people that are a source only as the sentence's first word: "Others
    # said …", "Andere kritisierten …" (not "with some", "how many"), lower case.
    opening_source_words: frozenset[str] = frozenset()
    # Small words inside a body's name when a capitalised word follows: "Centre for Disease
    # Control", "Rotkreuz- und Rothalbmond-Gesellschaften".
    name_joiners: frozenset[str] = frozenset()
    # Where a verb needs its subject (en, de, fr): the words a subject with no name must end
    # in to be a source ("the ministry's spokesman said"). Empty where none are listed (ru, uk,
    # pl): any subject will do.
    roles: tuple[str, ...] = ()
    # Where the subject may drop (es, it, pt) a subject with no name needs no role; the roles
    # are read only after an article ("El ministro ha dicho").
    subject_drops: bool = False
    # Where a statement's verb comes second (German): a sentence that opens with the verb
    # asks or tells the reader to do something ("Gehen Sie dazu so vor:"), it reports nobody.
    verb_second: bool = False
    # Where a role noun heads its subject after an article (fr, es, it, pt): "Le ministre",
    # "La ministre de la Santé", "L'avocat". Empty where the head comes last (en, de).
    articles: frozenset[str] = frozenset()


@cache
def cues(language: str | None) -> Cues:
    """The cues of a language; English when the language has no folder of its own."""
    code = language if language in languages() else "en"
    found = patterns("attribution", code)
    words = resource("attribution", code).get("words", {})
    calendar = resource("calendar", code)
    # Month and weekday names are not names; their abbreviations may be ("Jan Kowalski").
    short = set(calendar.get("month_abbreviations", []))
    months = {w for spellings in calendar.get("months", []) for w in spellings} - short
    days = {w for spellings in calendar.get("weekdays", []) for w in spellings}
    return Cues(
        speech=_section(found, "speech"),
        phrases=tuple(p for p in _section(found, "speech") if not p.entry.get("according")),
        verbs=_lower(words.get("speech_verbs", [])),
        passive_before=_lower(words.get("passive_before", [])),
        anonymous=_section(found, "anonymous"),
        anonymous_links=_lower(words.get("anonymous_links", [])),
        anonymous_ends=_lower(words.get("anonymous_ends", [])),
        source_words=_lower(words.get("source_words", [])),
        opening_source_words=_lower(words.get("opening_source_words", [])),
        document=_section(found, "document"),
        assertion=_section(found, "assertion"),
        pronouns=frozenset(w.casefold() for w in words.get("pronouns", [])),
        first_person=_lower(words.get("first_person", [])),
        document_links=_lower(words.get("document_links", [])),
        auxiliaries=_lower(words.get("auxiliaries", [])),
        not_names=frozenset(w.casefold() for w in words.get("not_names", [])) | months | days,
        reported_speech=_lower(words.get("reported_speech", [])),
        indefinites=_lower(words.get("indefinites", [])),
        object_pronouns=_lower(words.get("object_pronouns", [])),
        listener_verbs=_lower(words.get("listener_verbs", [])),
        prepositions=frozenset(words.get("prepositions", [])),
        source_before=_lower(words.get("source_before", [])),
        inverted_openers=_lower(words.get("inverted_openers", [])),
        name_joiners=_lower(words.get("name_joiners", [])),
        roles=tuple(sorted(_lower(words.get("roles", [])))),
        subject_drops=bool(words.get("subject_drops", False)),
        verb_second=bool(words.get("verb_second", False)),
        articles=_lower(words.get("articles", [])),
    )


@cache
def name_particles() -> frozenset[str]:
    """Small words inside names, from every language: a name keeps its own language's."""
    return frozenset(
        w
        for code in languages()
        for w in resource("attribution", code).get("words", {}).get("name_particles", [])
    )


_FILTERED = ("speech", "anonymous", "document", "assertion")  # the Cues fields whose regexes
VERBS = 0  # bit 0 of a sentence's mask: a single-word reporting verb may stand in it


@dataclass(frozen=True, slots=True)
class _CueFilter:
    """The words a language's cues need, and which bits of a sentence's mask each cue needs."""

    index: WordIndex
    # Per field, per pattern: the masks of its branches, one of which a sentence's mask must
    # hold in full; None for a pattern that needs no word (it is always tried).
    needs: dict[str, tuple[tuple[int, ...] | None, ...]]


@cache
def _cue_filter(language: str | None) -> _CueFilter:
    cue_list = cues(language)
    # A verb is a token: one with a space in it is never found.
    verbs = (w for w in cue_list.verbs if not any(c.isspace() for c in w))
    bits: dict[Words, int] = {frozenset(s for w in verbs for s in spellings(w)): VERBS}
    needs: dict[str, tuple[tuple[int, ...] | None, ...]] = {}
    for name in _FILTERED:
        found: list[tuple[int, ...] | None] = []
        for pattern in getattr(cue_list, name):
            branches = _with_triggers(required_words(pattern.regex), pattern)
            if branches is None:
                found.append(None)
                continue
            masks = []
            for branch in branches:
                mask = 0
                for words in branch:
                    mask |= 1 << bits.setdefault(words, len(bits))
                masks.append(mask)
            found.append(tuple(masks))
        needs[name] = tuple(found)
    return _CueFilter(WordIndex(list(bits)), needs)


def _with_triggers(
    branches: tuple[Branch, ...] | None, pattern: Pattern
) -> tuple[Branch, ...] | None:
    """A pattern's `triggers` are one more set of words each of its matches needs. Only words
    with no space in them: a blanked quotation may put a space where the sentence has none."""
    triggers = pattern.entry.get("triggers") or ()
    if not triggers or any(c.isspace() for t in triggers for c in t):
        return branches
    words = frozenset(s for t in triggers for s in spellings(t))
    return tuple((*b, words) for b in branches) if branches else ((words,),)


@lru_cache(maxsize=1024)
def _cues_holding(language: str | None, mask: int) -> Cues:
    """The cues of a language that a sentence with this mask can hold, in their order."""
    cue_list = cues(language)
    needs = _cue_filter(language).needs
    kept = {
        name: tuple(
            p
            for p, branches in zip(getattr(cue_list, name), needs[name], strict=True)
            if branches is None or any(mask & b == b for b in branches)
        )
        for name in _FILTERED
    }
    return dataclasses.replace(
        cue_list,
        **kept,
        phrases=tuple(p for p in kept["speech"] if not p.entry.get("according")),
        verbs=cue_list.verbs if mask >> VERBS & 1 else frozenset(),
    )


def _sentence_cues(
    text: str, spans: Sequence[tuple[int, str]], language: str | None
) -> list[Cues]:
    """For each sentence, the cues it can hold: those whose words it contains."""
    masks = _cue_filter(language).index.masks(text, spans)
    if masks is None:
        return [cues(language)] * len(spans)
    return [_cues_holding(language, mask) for mask in masks]


def _lower(words: Sequence[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _section(found: Sequence[Pattern], name: str) -> tuple[Pattern, ...]:
    return tuple(p for p in found if p.path.split("[", 1)[0] == name)


def sentences(text: str, language: str | None = None) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence, never cutting inside a quotation or after an
    abbreviation of the language ("Gov.", "Sept. 30", "sog.", "am 26. September")."""
    abbreviations = abbreviations_of(language)
    for para in re.finditer(r"[^\n]+", text):
        yield from _split_paragraph(para.group(), para.start(), abbreviations)


def _split_paragraph(
    para: str, offset: int, abbreviations: Abbreviations
) -> Iterator[tuple[int, str]]:
    start = 0
    closing = ""
    straight = False
    scanned = 0
    for end in _ENDS.finditer(para):
        i = end.start()
        stop = end.end() - 1  # the space after the stop (and its closing mark)
        for mark in _QUOTE_MARKS.finditer(para, scanned, stop):
            ch = mark.group()
            if closing:
                # "’" inside a word is an apostrophe ("don’t"), not the end of a quotation
                if ch in closing and not para[mark.end() : mark.end() + 1].isalpha():
                    closing = ""
            elif ch in _OPENERS:
                closing = _OPENERS[ch]
            elif ch == '"':
                straight = not straight
        scanned = stop
        after = para[stop + 1 : stop + 2]
        if closing or straight or after.islower():
            continue
        if para[i] == "." and ends_no_sentence(para, i, stop, abbreviations):
            continue
        yield from _piece(para, start, stop, offset)
        start = stop + 1
    yield from _piece(para, start, len(para), offset)


def _piece(para: str, start: int, end: int, offset: int) -> Iterator[tuple[int, str]]:
    piece = para[start:end]
    stripped = piece.strip()
    if stripped:
        yield offset + start + piece.index(stripped[0]), stripped[:MAX_SENTENCE]


def _masked(sentence: str) -> tuple[str, list[str]]:
    """The sentence with quotations blanked out (same length), and the quotations' words."""
    quotes: list[str] = []
    if not _OPENING_MARKS.search(sentence):
        return sentence, quotes

    def blank(match: re.Match[str]) -> str:
        quotes.append(match.group()[1:-1])
        return _blank_quotation(match)

    return _QUOTED.sub(blank, sentence), quotes  # one pass: find and blank together


def _blank_quotation(match: re.Match[str]) -> str:
    """Blank a quotation, keeping an inserted attribution («…, – сказал он. – …»)."""
    text = match.group()
    kept = _INSERTED.search(text)
    if kept is None:
        return " " * len(text)
    return " " * kept.start(1) + kept.group(1) + " " * (len(text) - kept.end(1))


def _without_dateline(masked: str) -> str:
    """The sentence with an opening wire dateline blanked out (same length); the agency may
    come first, then the place ("(ANSA) - ROMA, 12 MAG -")."""
    end = 0
    for _ in range(2):
        dateline = _DATELINE.match(masked, end)
        if dateline is None:
            break
        end = dateline.end()
    return " " * end + masked[end:] if end else masked


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    kind: str  # "name", "generic", "pronoun", "object" (a pronoun never a subject)


def _names(masked: str, tokens: list[re.Match[str]], cue_list: Cues) -> list[_Candidate]:
    """Runs of capitalised words ("Andrey Yusov", "U.S. Marshals"), leading function words
    ("The", "However") dropped."""
    found: list[_Candidate] = []
    run: list[re.Match[str]] = []
    particles = name_particles()

    def close() -> None:
        while run and (run[0].group().casefold() in cue_list.not_names):
            run.pop(0)
        while run and run[-1].group() in particles:
            run.pop()
        if run:
            text = masked[run[0].start() : run[-1].end()]
            text = _POSSESSIVE.sub("", text.rstrip("."))
            single = len(run) == 1
            acronym = single and len(text) >= 2 and text.isupper()
            kind = "acronym" if acronym else ("single" if single else "name")
            found.append(_Candidate(run[0].start(), run[-1].end(), text, kind))
        run.clear()

    digits = _DIGIT.search(masked) is not None
    for token in tokens:
        word = token.group()
        capital = word[0].isupper()
        if not (run or capital):
            continue  # a lower-case word outside a name: nothing to close, nothing to start
        if capital and digits and _is_code(masked, token):
            if run:
                close()  # "N95", "F-35", "G7", "3M": a product code or model number, not a name
            continue
        gap = masked[run[-1].end() : token.start()] if run else ""
        joins = run and gap.strip() == "" and len(gap) <= 2
        if capital and (not run or joins):
            run.append(token)
        elif run and joins and word in particles:
            run.append(token)
        else:
            close()
            if capital:
                run.append(token)
    close()
    return found


def _is_code(masked: str, token: re.Match[str]) -> bool:
    """A token with a digit in it or fused to one."""
    start, word = token.start(), token.group()
    if not word.isalpha() and _DIGIT.search(word):
        return True
    return masked[start - 1 : start].isdigit()


def _candidates(masked: str, tokens: list[re.Match[str]], cue_list: Cues) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, token in enumerate(tokens):
        word = _bare(token.group())
        if word in cue_list.pronouns:
            kind = "object" if word in cue_list.object_pronouns else "pronoun"
            found.append(_Candidate(token.start(), token.end(), token.group(), kind))
        elif word in cue_list.opening_source_words and not masked[: token.start()].strip():
            found.append(_Candidate(token.start(), token.end(), token.group(), "generic"))
        elif word in cue_list.source_words:
            # "American officials", "the police": the word before belongs to the source.
            start = token.start()
            if i and masked[tokens[i - 1].end() : start].isspace():
                start = tokens[i - 1].start()
            found.append(_Candidate(start, token.end(), masked[start : token.end()], "generic"))
    # A capitalised source word ("Полиция", "Police") is a source word, not a name.
    taken = [(c.start, c.end) for c in found]
    names = [
        n
        for n in _names(masked, tokens, cue_list)
        if (n.kind != "single" or not any(a < n.end and n.start < b for a, b in taken))
        and not _after_preposition(masked, n.start, cue_list.prepositions)
    ]
    return names + found


def _after_preposition(masked: str, start: int, prepositions: frozenset[str]) -> bool:
    """Whether the word before `start`, a space apart, is a preposition ("aus Hildesheim")."""
    if not prepositions:
        return False
    head = masked[max(0, start - 12) : start]
    if not head.endswith(" ") or head.endswith("  "):
        return False
    words = head.split()
    return bool(words) and words[-1] in prepositions


def _bare(token: str) -> str:
    return token.rstrip(".'’-").casefold()


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    according: bool  # "according to X": the source follows the cue
    listener: bool = False  # "told X": X is whom it was said to

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _speech(
    masked: str, tokens: list[re.Match[str]], cue_list: Cues, phrases: Sequence[Pattern]
) -> _Cue | None:
    """The first reporting verb (not passive) or phrase of the sentence."""
    found = [
        _Cue(*m.span(), bool(p.entry.get("according")))
        for p in phrases
        if (m := p.regex.search(masked))
    ]
    for i, token in enumerate(tokens if cue_list.verbs else ()):
        if _bare(token.group()) in cue_list.verbs:
            if (
                i
                and _bare(tokens[i - 1].group()) in cue_list.passive_before
                and not masked[tokens[i - 1].end() : token.start()].strip()
            ):
                continue  # "was said", "wurde mitgeteilt"; not "übernommen wird, sagt"
            if i and token.group()[0].isupper():
                continue  # "the United States": a capitalised word inside a sentence is a name
            word = token.group().rstrip(".'’-")
            listener = word.casefold() in cue_list.listener_verbs
            found.append(_Cue(token.start(), token.start() + len(word), False, listener))
            break
    return min(found, key=lambda c: c.start) if found else None


def _according_source(masked: str, cue: _Cue, cue_list: Cues) -> _Candidate | None:
    """The words an "according to" phrase names, up to a comma, a verb or a lower-case word
    after its head: "the Pentagon", "Pentagon spokesman John Kirby", "le ministère de
    l'Intérieur", "Polizei" (in "Laut Polizei wurden …"). None when they name no person,
    body, role or source ("according to a new law")."""
    links = cue_list.anonymous_links | cue_list.document_links | cue_list.articles
    stops = cue_list.verbs | cue_list.auxiliaries | cue_list.pronouns | cue_list.anonymous_ends
    start = end = -1
    kind = ""
    previous = cue.end
    tokens = list(itertools.islice(_TOKEN.finditer(masked, cue.end), ACCORDING_WORDS + 1))
    for n, token in enumerate(tokens[:ACCORDING_WORDS]):
        if masked[previous : token.start()].strip():
            break  # a comma, a dash, a quotation: the phrase has ended
        previous = token.end()
        word = token.group().rstrip(".")
        bare = word.casefold()
        if bare in stops:
            break
        if bare in links:
            continue  # "the", "des", "de": inside the phrase, or before its head
        if bare in cue_list.name_joiners and kind:
            following = tokens[n + 1].group() if n + 1 < len(tokens) else ""
            if following[:1].isupper():
                continue
            break
        role = any(w.endswith(cue_list.roles) for w in (bare, bare.rstrip("s")))
        generic = bare in cue_list.source_words
        # "Police", "Polizei": capitalised, never a name, yet a source
        capital = not (role or generic) and (
            word[0].isupper() or (word[1:2] in "'’" and word[2:3].isupper())
        )
        if capital and bare in cue_list.not_names:
            break
        if not (capital or role or generic):
            break  # "Polizei wurden", "diesen Kosten": a lower-case word ends the phrase
        start = token.start() if start < 0 else start
        end = token.start() + len(word)
        if capital:
            kind = "name"
        elif not kind:
            kind = "generic" if generic else "role"
    if start < 0:
        return None
    return _Candidate(start, end, masked[start:end], kind)


def _apposed_subject(
    masked: str,
    cue: _Cue,
    candidates: list[_Candidate],
    cue_list: Cues,
    found: _Candidate | None,
) -> _Candidate | None:
    """The subject set before an apposition, the verb right after it: "Fan Mengguang, deputy
    director of Inner Mongolia's disease control centre, told", "Sen. Ted Cruz, R-Texas, said
    Epstein's death", "Laura Magallanes, vecina del área, dijo". The names inside the
    apposition or after the verb are not who speaks. The subject opens its clause, at most two
    words before it ("Transportation chief Eulois Cleckley"); an apposition may follow
    another ("Jeff Sanborn, president of Chapter & Verse, a Spokane agency, said")."""
    if (
        found is not None
        and found.kind != "pronoun"  # "Jackson, a poet, says he feels": he is Jackson
        and found.start >= cue.end
        and not masked[cue.end : found.start].strip()
        and not _POSSESSIVE.search(masked[found.start : found.end])
    ):
        return None  # "…, said Velikova": the subject follows its verb ("said Epstein's" not)
    before = masked[: cue.start].rstrip()
    while before and not before.endswith(","):
        head, _, word = before.rpartition(" ")
        if word.casefold() not in cue_list.auxiliaries:
            return None  # "Smith, 45, has said"; anything else is no apposition
        before = head.rstrip()
    end = len(before) - 1
    for _ in range(MAX_APPOSITIONS):
        comma = before.rfind(",", 0, end)
        if comma < 0 or not before[comma + 1 : end].strip() or end - comma > APPOSITION:
            return None
        opening = before.rfind(",", 0, comma) + 1
        subject = next(
            (
                c
                for c in reversed(candidates)
                if c.kind not in ("pronoun", "object")
                and opening <= c.start
                and c.end <= comma
                and not masked[c.end : comma].strip(" .")
            ),
            None,
        )
        if subject is not None:
            lead = masked[opening : subject.start].split()
            if len(lead) <= 2 and not any(
                w.casefold() in cue_list.anonymous_links for w in lead[1:]
            ):
                return subject
        end = comma
    return None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _source_of(
    masked: str, found: _Cue, candidates: list[_Candidate], auxiliaries: frozenset[str]
) -> _Candidate | None:
    best: tuple[tuple[int, int, int], _Candidate] | None = None
    cue = found.span
    for rank, c in enumerate(candidates):
        if c.start < cue[1] and c.end > cue[0]:
            continue  # the cue's own words
        if found.according and c.start < cue[1]:
            continue  # "according to X", "selon X": the source comes after the words
        if found.listener and c.start >= cue[1]:
            continue  # "he told Business Insider": whom it was said to
        gap = _distance((c.start, c.end), cue)
        between = masked[min(c.end, cue[1]) : max(c.start, cue[0])]
        # "Macron a déclaré", "Assange has also denied": only auxiliaries in between.
        beside = all(w.casefold() in auxiliaries for w in between.replace(",", " ").split())
        if c.kind == "single" and not beside:
            continue  # a lone capitalised word counts only beside the verb ("Macron a dit")
        if beside and c.end <= cue[0] and between.strip() and "," not in between:
            gap = 1  # the subject, however many auxiliaries stand between: "Miller had also said"
        if c.kind == "object":
            if not found.according:
                continue  # "told him", "his doctors say": not who speaks
            c = dataclasses.replace(c, kind="pronoun")  # "according to him"
        if c.kind == "pronoun" and gap > PRONOUN_GAP:
            continue  # "he said", "she told reporters", "сказала она": a pronoun is close
        if gap > MAX_SOURCE_GAP:
            continue
        # A name beats a source word it contains or touches ("officials with the LAPD").
        score = gap + (0 if c.kind in ("name", "single", "acronym") else 2)
        # On a tie the subject before the verb wins ("Miller said the United States …").
        key = (score, 0 if c.end <= cue[0] else 1, rank)
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best else None


def statements(text: str, language: str | None) -> list[Statement]:
    """Every attributed sentence of the text, in order."""
    return read_attributions(text, language)[0]


def read_attributions(
    text: str, language: str | None, link_positions: frozenset[int] = frozenset()
) -> tuple[list[Statement], list[tuple[int, str]]]:
    """In one pass: the attributed sentences, and the sentences that present a claim as
    settled fact with no attribution and no link."""
    spans = list(sentences(text, language))
    found: list[Statement] = []
    firm: list[tuple[int, str]] = []
    last: Statement | None = None
    previous: Statement | None = None  # the statement of the sentence just before, if any
    for (position, sentence), cue_list in zip(
        spans, _sentence_cues(text, spans, language), strict=True
    ):
        opens = _opens_paragraph(text, position)
        statement = _statement(sentence, position, cue_list, last, opens) or _carried_on(
            sentence, position, cue_list, previous
        )
        previous = statement
        if statement is not None:
            found.append(statement)
            last = statement
        elif _firm_claim(sentence, position, cue_list, link_positions):
            firm.append((position, sentence))
    return found, firm


def _carried_on(
    sentence: str, position: int, cue_list: Cues, previous: Statement | None
) -> Statement | None:
    """Indirect speech carried on in the subjunctive ("Schwenk habe seine Bronchitis
    auskuriert"): only right after an attributed sentence, and never in the first person."""
    if previous is None or previous.kind == "document" or not cue_list.reported_speech:
        return None
    if sentence.endswith("?") or _QUOTE_MARKS.search(sentence):
        return None
    words = {_bare(t.group()) for t in _TOKEN.finditer(sentence)}
    if words & cue_list.first_person or not words & cue_list.reported_speech:
        return None
    kind = "anonymous" if previous.kind == "anonymous" else "named"
    return Statement(sentence, kind, previous.source, position, previous.proper)


def _firm_claim(sentence: str, position: int, cue_list: Cues, links: frozenset[int]) -> bool:
    if sentence.endswith("?"):
        return False
    if not cue_list.assertion or any(position <= p < position + len(sentence) for p in links):
        return False
    return _first(cue_list.assertion, _masked(sentence)[0]) is not None


def _first(patterns_: Sequence[Pattern], text: str) -> re.Match[str] | None:
    if not patterns_:
        return None
    lower = text.casefold()
    hits = [m for p in patterns_ if _may_match(p, lower) and (m := p.regex.search(text))]
    return min(hits, key=lambda m: m.start()) if hits else None


def _may_match(pattern: Pattern, lower: str) -> bool:
    """A pattern that lists `triggers` needs one of them in the text (a quick test first)."""
    triggers = pattern.entry.get("triggers")
    return not triggers or any(t in lower for t in triggers)


def _triggered(patterns_: Sequence[Pattern], masked: str) -> Sequence[Pattern]:
    """The patterns whose `triggers` the masked sentence holds (the sentence's mask tested
    only the triggers without a space)."""
    if not any(p.entry.get("triggers") for p in patterns_):
        return patterns_
    lower = masked.casefold()
    if "ı" in lower or "\u0307" in lower:
        return patterns_  # "ı" and "İ" match an "i" of the regex, yet fold otherwise
    return tuple(p for p in patterns_ if _may_match(p, lower))


def _first_hit(patterns_: Sequence[Pattern], text: str) -> tuple[Pattern, re.Match[str]] | None:
    """The earliest match, with the pattern that made it."""
    hits = [(p, m) for p in patterns_ if (m := p.regex.search(text))]
    return min(hits, key=lambda hit: hit[1].start()) if hits else None


def _anonymous_source(masked: str, pattern: Pattern, match: re.Match[str], cue_list: Cues) -> str:
    """An unnamed source's phrase, run on to its natural end where its pattern says the phrase
    takes a complement (`runs_on`, or the alternatives in its group `runs_on`): "a source
    close" + "to the government", not "a source who spoke" + "on condition"."""
    runs_on = pattern.entry.get("runs_on") and (
        "runs_on" not in match.re.groupindex or match.group("runs_on") is not None
    )
    end = _run_on(masked, match, cue_list) if runs_on else match.end()
    return " ".join(masked[match.start() : end].split())


def _run_on(masked: str, match: re.Match[str], cue_list: Cues) -> int:
    """Where the complement after the phrase ends: link words, then a few words ("to the
    presidential couple"), then only capitalised ones ("to Prime Minister Boris Johnson"). A
    verb, an auxiliary, a pronoun, a word opening a clause, punctuation or a quotation ends it."""
    links = cue_list.anonymous_links
    stops = cue_list.verbs | cue_list.auxiliaries | cue_list.pronouns | cue_list.anonymous_ends
    words = match.group().split()
    linked = bool(words) and words[-1].casefold() in links  # "fuentes del" + "Gobierno"
    end = previous = match.end()
    content = 0
    for n, token in enumerate(_TOKEN.finditer(masked, match.end())):
        gap = masked[previous : token.start()]
        if n >= RUN_ON_WORDS or len(gap) > 2 or gap.strip():
            break
        previous = token.end()
        word = token.group().rstrip(".")
        bare = word.casefold()
        if bare in links:
            linked = True
            continue
        capital = word[0].isupper()
        if bare in stops or not (linked or content) or (capital and bare in cue_list.not_names):
            break  # "the matter on Tuesday": a month or weekday is no part of the source
        if not capital and content >= RUN_ON_LOWER:
            break
        end, content, linked = token.start() + len(word), content + 1, False
    return end


def _opens_paragraph(text: str, position: int) -> bool:
    """Whether the sentence at `position` is the first of its line."""
    before = text[max(0, position - 8) : position].rstrip(" \t")
    return not before or before.endswith("\n")


def _statement(
    sentence: str, position: int, cue_list: Cues, last: Statement | None, opens: bool = True
) -> Statement | None:
    if sentence.endswith("?"):
        return None  # a question asks; it attributes nothing
    if _comment_header(sentence, cue_list):
        return None  # a reader's comment under the post, not a source the text quotes
    tweet = _TWEET_SIGNATURE.match(sentence)
    if tweet:
        return Statement(sentence, "direct_quote", tweet.group(1).strip(), position, True)
    if not (cue_list.anonymous or cue_list.document or cue_list.speech or cue_list.verbs):
        if not _OPENING_MARKS.search(sentence):
            return None  # no cue and no quotation: nothing to attribute
    masked, quotes = _masked(sentence)
    if opens:
        masked = _without_dateline(masked)  # a dateline opens its paragraph
    quoted = any(len(q.split()) >= 2 for q in quotes)
    speech_cues = _triggered(cue_list.speech, masked)
    phrases = _triggered(cue_list.phrases, masked)
    anonymous = _first_hit(cue_list.anonymous, masked)
    if anonymous:
        kind = "direct_quote" if quoted else "anonymous"
        return Statement(sentence, kind, _anonymous_source(masked, *anonymous, cue_list), position)
    document = _first(cue_list.document, masked)
    # The words are read only where a cue may stand (most sentences hold none).
    holds_speech = bool(speech_cues or cue_list.verbs)
    tokens = list(_TOKEN.finditer(masked)) if document or holds_speech else []
    if document:
        # "X said in a statement": the statement is how a named speaker spoke.
        verb = _speech(masked, tokens, cue_list, phrases)
        speaker = verb and _source_of(
            masked, verb, _names(masked, tokens, cue_list), cue_list.auxiliaries
        )
        if not speaker:
            return Statement(
                sentence, "document", _document_source(masked, document, cue_list), position
            )
        kind = "direct_quote" if quoted else "named"
        return Statement(sentence, kind, speaker.text, position, True)
    speech = _speech(masked, tokens, cue_list, speech_cues) if holds_speech else None
    if (
        speech is not None
        and cue_list.verb_second
        and not speech.according  # "Laut Polizei …", "Nach Angaben von …" open a sentence
        and not sentence[: speech.start].strip()
    ):
        return None  # the verb opens the sentence, not a quotation before it either
    if speech is None:
        near = last is not None and position - last.position < FOLLOW_ON
        if last is not None and near and _opens_with_quote(sentence, quotes):
            return Statement(sentence, "direct_quote", last.source, position, last.proper)
        if not quotes:
            return None  # no quotation, so none after a colon
        return _colon_quote(sentence, masked, position, cue_list, last if near else None)
    candidates = _candidates(masked, tokens, cue_list)
    source = _source_of(masked, speech, candidates, cue_list.auxiliaries)
    if not speech.according:
        source = _apposed_subject(masked, speech, candidates, cue_list, source) or source
    if speech.according and masked[speech.start : speech.end].casefold() not in (
        cue_list.source_before
    ):
        # "according to the Pentagon", "selon le ministère de l'Intérieur", "laut Polizei":
        # the words right after the phrase are its source, not a name further on; where
        # nothing else was found, only a phrase that opens the sentence or follows a comma.
        opening = (
            not masked[: speech.start].strip() or masked[: speech.start].rstrip()[-1:] in ",–—"
        )
        if source is not None or opening:
            source = _according_source(masked, speech, cue_list) or source
    near = last is not None and position - last.position < FOLLOW_ON
    if source is None and speech.according:
        # "selon la langue" names nobody; "según ha concluido" leaves the verb to speak.
        verb = _speech(masked, tokens, cue_list, phrases)
        if verb is None or verb.according:
            return None
        speech, source = verb, _source_of(masked, verb, candidates, cue_list.auxiliaries)
    if not speech.according and cue_list.articles:
        source = _role_subject(masked, tokens, speech, cue_list, source)
    if source is not None and source.text.casefold() in cue_list.inverted_openers:
        source = None  # "Dies erklärte …": a capitalised first word, not a name
    if source is None or source.kind == "pronoun":
        # "he added", or a verb whose subject is dropped (Spanish "añadió") or a role ("the
        # minister said"): a pronoun or a dropped subject carries on the last speaker.
        subject = source.text if source else _words_before(masked, speech.start, cue_list)
        named_after = False
        if source is None and subject.casefold() in cue_list.inverted_openers:
            # "Dies erklärte ein Sprecher", "Про це повідомляє агентство Укрінформ": the words
            # before the verb are what was said; who said it follows the verb.
            subject = _words_after(sentence, speech.end)
            # A name runs over two capitalised words, or is an acronym: in German every
            # noun is capitalised ("die Medizinier ihre Probanden").
            named_after = bool(_NAME_RUN.search(subject))
        if subject.split()[-1:] and subject.split()[-1].casefold() in cue_list.first_person:
            return None  # "I believe", "we think": the writer, not a source
        if (
            source is None
            and subject
            and not (quoted or named_after)
            and not _is_role(subject, cue_list)
        ):
            return None  # "the figures reported": no one is said to speak
        if source is None and not subject:
            after = _subject_after_verb(sentence, speech.end, cue_list)
            if after:
                generic = after.split()[0].casefold() in cue_list.source_words
                kind = "direct_quote" if quoted else ("anonymous" if generic else "named")
                return Statement(sentence, kind, after, position)
            subject = _subject_before_aside(masked, speech.start, cue_list)
        new_speaker = source is None and _brings_in_speaker(subject, cue_list)
        carried = source is not None or not subject or quoted
        if last is not None and near and carried and not new_speaker:
            kind = "anonymous" if last.kind == "anonymous" else "named"
            return Statement(sentence, "direct_quote" if quoted else kind, last.source, position)
        return Statement(
            sentence, "direct_quote" if quoted else "named", subject or "unnamed", position
        )
    kind = "anonymous" if source.kind == "generic" else "named"
    proper = source.kind not in ("generic", "role")
    return Statement(sentence, "direct_quote" if quoted else kind, source.text, position, proper)


def _comment_header(sentence: str, cue_list: Cues) -> bool:
    header = _COMMENT_HEADER.match(sentence)
    if header is None or header.group("verb").casefold() not in cue_list.verbs:
        return False
    stamp = sentence[header.end() : header.end() + 40]
    return bool(_STAMP_YEAR.search(stamp) and _STAMP_CLOCK.search(stamp))


def _role_subject(
    masked: str,
    tokens: list[re.Match[str]],
    verb: _Cue,
    cue_list: Cues,
    found: _Candidate | None,
) -> _Candidate | None:
    """An article, a role noun and its complement right before the verb, auxiliaries between
    ("Le ministre a déclaré", "La ministre de la Santé a assuré", "El portavoz del Gobierno
    ha dicho"): the subject, over a name inside its complement ("Santé") or after the verb.
    A source word that is the role itself ("La police a indiqué") stays what it was."""
    index = next((i for i, t in enumerate(tokens) if t.start() == verb.start), None)
    if index is None:
        return found
    j = index - 1
    while (
        j >= 0 and _bare(tokens[j].group()) in cue_list.auxiliaries and _joined(masked, tokens, j)
    ):
        j -= 1
    for k in range(j, max(-1, j - 6), -1):
        if k < j and not _joined(masked, tokens, k):
            break  # punctuation in between: "Le porte-parole, Gabriel Attal, a déclaré"
        start = _role_start(tokens, k, j, cue_list)
        if start is None:
            continue
        role = _Candidate(start, tokens[j].end(), masked[start : tokens[j].end()], "role")
        if found is None or found.kind == "pronoun":
            return role
        if found.kind == "generic" and found.start < role.end and role.start < found.end:
            return found
        return role if found.start >= role.start else found
    return found


def _joined(masked: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Whether token i and the next stand apart by blanks alone."""
    return i + 1 < len(tokens) and not masked[tokens[i].end() : tokens[i + 1].start()].strip()


def _role_start(tokens: list[re.Match[str]], k: int, j: int, cue_list: Cues) -> int | None:
    """Where a role subject spanning tokens k..j starts, if it is one: an article and a role
    ("le ministre", or elided, "l'avocat"), then nothing or a complement led by a small word
    ("de la Santé"), never a bare name ("le ministre Gérald Darmanin" is Darmanin)."""
    word = tokens[k].group().replace("’", "'")
    head = k
    if "'" in word and word.split("'", 1)[0].casefold() + "'" in cue_list.articles:
        noun = word.split("'", 1)[1]  # "l'avocat"
    elif word.casefold() in cue_list.articles and k < j:
        head = k + 1
        noun = tokens[head].group()
    else:
        return None
    if not _is_role(noun, cue_list, dropped=False):
        return None
    if head < j and _bare(tokens[head + 1].group()) not in cue_list.anonymous_links:
        return None
    return tokens[k].start()


def _colon_quote(
    sentence: str,
    masked: str,
    position: int,
    cue_list: Cues,
    last: Statement | None,
) -> Statement | None:
    """A quotation after a colon, with no reporting verb ("Der Trainer blickte nach vorn:
    „…“"): a full name just before the colon speaks; otherwise only the last speaker, when
    the clause names nobody else or names them again ("stört Flüthmann nicht: „…“")."""
    quotation = _QUOTED.search(sentence)
    if quotation is None or len(quotation.group().split()) < 4:
        return None
    clause = masked[: quotation.start()].rstrip()
    if not clause.endswith(":"):
        return None
    names = _names(clause, list(_TOKEN.finditer(clause)), cue_list)  # no word crosses the colon
    full = [n for n in names if n.kind in ("name", "acronym") and len(clause) - n.end <= 40]
    if full:
        return Statement(sentence, "direct_quote", full[-1].text, position, True)
    if last is None or not last.proper or not last.source.split():
        return None
    surname = last.source.split()[-1]
    if any(n.kind == "name" and surname not in n.text for n in names):
        return None  # someone else is named: not safe to carry the last speaker on
    return Statement(sentence, "direct_quote", last.source, position, True)


def _is_role(subject: str, cue_list: Cues, dropped: bool = True) -> bool:
    """Whether a subject with no name is a role or a body ("the spokesman", "Polizeisprecher",
    "le porte-parole"); always so where the language drops its subjects (unless `dropped` is
    false: the subject is there to be read)."""
    if not cue_list.roles or (dropped and cue_list.subject_drops):
        return dropped
    words = [_bare(w) for w in subject.split()]
    return any(w.endswith(cue_list.roles) for w in words)


def _document_source(masked: str, match: re.Match[str], cue_list: Cues) -> str:
    """ "according to information" + "published by the local government", to the clause end."""
    rest = re.split(r"[,;:.()–—]", masked[match.end() :], maxsplit=1)[0].split()[:6]
    if not rest or rest[0].casefold() not in cue_list.document_links:
        rest = []
    return " ".join([*match.group().split(), *rest])


def _opens_with_quote(sentence: str, quotes: list[str]) -> bool:
    """A sentence that is a quotation carrying on from the last speaker's words."""
    return sentence[:1] in '“«„"‹' and any(len(q.split()) >= 4 for q in quotes)


def _brings_in_speaker(subject: str, cue_list: Cues) -> bool:
    """Whether a subject with no name opens with an indefinite ("A company spokesperson said",
    "an officer told the girl"): someone new speaks, whoever spoke last."""
    words = subject.split()
    return len(words) >= 2 and words[0].casefold() in cue_list.indefinites


def _subject_before_aside(masked: str, end: int, cue_list: Cues) -> str:
    """The subject before an aside set off by commas ("a health official, rejecting the
    allegations, said"), when it opens with an indefinite; else ""."""
    clauses = re.split(r"[,;:–—]\s", masked[:end])
    if len(clauses) < 3 or clauses[-1].strip() or not clauses[-2].strip():
        return ""
    subject = " ".join(clauses[-3].split()[-4:])
    words = subject.split()
    # The subject runs from its indefinite: "Meanwhile" + ", a health official".
    start = next((i for i, w in enumerate(words) if w.casefold() in cue_list.indefinites), None)
    return " ".join(words[start:]) if start is not None else ""


def _words_after(sentence: str, start: int) -> str:
    """The subject after a verb, to the clause's end, quotation marks and all ("die
    „Süddeutsche Zeitung“", "издание «Коммерсантъ»"), up to six words."""
    clause = re.split(r"[,;:–—.!?]\s|[.!?]$", sentence[start:] + " ")[0]
    return " ".join(clause.split()[:AFTER_VERB_WORDS]).strip(" ,;:–—-")


def _subject_after_verb(sentence: str, end: int, cue_list: Cues) -> str:
    """The subject after a verb that opens its clause, when it brings in a new speaker: a
    phrase opened by an indefinite ("…," said a report from Kotak", "sagte ein Teilnehmer") or
    a word for an unnamed source ("…, say experts"). "" otherwise: "…," said the actor" most
    often names again someone named before, who carries on."""
    after = _words_after(sentence, end)
    words = after.split()
    if not words:
        return ""
    if words[0].casefold() in cue_list.source_words or _brings_in_speaker(after, cue_list):
        return after
    return ""


def _words_before(masked: str, end: int, cue_list: Cues) -> str:
    """The subject before a verb, up to four words, its auxiliaries left out ("Le ministre"
    of "Le ministre a déclaré")."""
    clause = re.split(r"[,;:–—]\s", masked[:end])[-1]
    tail = clause.split()[-7:]
    # The subject ends at its auxiliary: "Die Bundesregierung hat am Dienstag erklärt".
    first = next(
        (i for i, w in enumerate(tail) if i and w.casefold() in cue_list.auxiliaries), None
    )
    words = tail[:first][-4:] if first is not None else tail[-4:]
    return " ".join(words).strip(" ,;:–—-")
