"""What a byline holds besides a name: lead-ins, tails, job titles, credentials, legal forms.

The words are data (`checks/languages/<code>/byline.toml`, `_shared/byline.toml`). A byline is
too short to tell its language, so every language's words are read for every byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checks.domains import registered_domain
from checks.languages import languages, resource

_SHARED = "_shared"
_TOKEN = re.compile(r"\S+")
# A web address written as a name: "CNN.com", "Par sudinfo.be", "www.eldia.com".
_DOMAIN = re.compile(r"(?:^|\s)((?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})$", re.I)


@dataclass(frozen=True, slots=True)
class BylineWords:
    lead_ins: re.Pattern[str]  # "view all posts by", cut with what stands before
    tails: re.Pattern[str]  # "full bio", "is a", cut with what follows
    titles: frozenset[str]  # "national", "general assignment": job-title words
    organisation_words: frozenset[str]
    organisation_suffixes: tuple[str, ...]  # German compounds: "Außenministerium"
    not_names: frozenset[str]
    articles: frozenset[str]
    particles: frozenset[str]
    legal_forms: frozenset[str]
    legal_marks: tuple[str, ...]
    credentials: frozenset[str]
    social: frozenset[str]


def _all(key: str) -> list[str]:
    return [w for code in languages() for w in resource("byline", code).get(key, [])]


def _phrases(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def byline_words() -> BylineWords:
    shared = resource("byline", _SHARED)
    particles = frozenset(
        w.casefold()
        for code in languages()
        for w in resource("attribution", code).get("words", {}).get("name_particles", [])
    )
    # A one-word lead-in that is also a name particle ("von") counts only at the start,
    # where the attribution cues read it: "Alexa von Heyden" is one name.
    leads = [w for w in _all("lead_ins") if " " in w or w.rstrip(":") not in particles]
    compounds = resource("byline", "de").get("organisation_words", [])
    return BylineWords(
        lead_ins=re.compile(rf"(?<!\w)(?:{_phrases(leads)})(?!\w)\s*", re.I),
        tails=re.compile(
            rf"\s(?:(?i:{_phrases(_all('tails'))})|(?-i:{_phrases(shared['social'])}))(?!\w)"
        ),
        titles=frozenset(_all("title_words")),
        organisation_words=frozenset(_all("organisation_words")),
        organisation_suffixes=tuple(w for w in compounds if len(w) >= 5),
        not_names=frozenset(_all("not_names")),
        articles=frozenset(_all("articles")),
        particles=particles,
        legal_forms=frozenset(shared["legal_forms"]),
        legal_marks=tuple(shared["legal_marks"]),
        credentials=frozenset(shared["credentials"]),
        social=frozenset(shared["social"]),
    )


def after_lead_in(text: str) -> str:
    """ "dailyrecord Bookmark Share News By John-Paul Clark" -> "John-Paul Clark": the name
    starts after the first lead-in that a capitalised word follows."""
    for m in byline_words().lead_ins.finditer(text):
        rest = text[m.end() :]
        # At the start, a phrase ("Zum Profil von jesusfreak") goes whatever follows it.
        if rest[:1].isupper() or (m.start() == 0 and " " in m.group().strip()):
            return rest
    return text


def before_tail(text: str) -> str:
    """ "Nuño Domínguez Twitter" -> "Nuño Domínguez"; "Phil Helsel is a reporter" -> …"""
    m = byline_words().tails.search(text)
    return text[: m.start()] if m else text


def without_title(text: str) -> str:
    """ "Ron Dicker General Assignment" (its role word cut already) -> "Ron Dicker"."""
    words = text.split()
    titles = byline_words().titles
    while len(words) > 2:
        last = words[-1].casefold().strip(",")
        pair = " ".join(words[-2:]).casefold()
        if pair in titles and len(words) > 3:
            words = words[:-2]
        elif last in titles:
            words = words[:-1]
        else:
            break
    return " ".join(words)


def once(text: str) -> str:
    """ "Sean Martin Sean Martin" -> "Sean Martin": a name printed twice (link and label)."""
    words = text.split()
    for n in range(2, len(words) // 2 + 1):
        if words[n : 2 * n] == words[:n]:
            return " ".join(words[:n])
    return text


def is_web_address(name: str) -> bool:
    """Ends in a host name under a public suffix ("CNN.com"; not "edilson.la.rosa")."""
    m = _DOMAIN.search(name)
    return m is not None and registered_domain(f"https://{m.group(1)}/") is not None


def is_credential(part: str) -> bool:
    return part.strip() in byline_words().credentials


def has_legal_form(name: str) -> bool:
    words = byline_words()
    tokens = _TOKEN.findall(name)
    if len(tokens) >= 2 and (
        tokens[-1] in words.legal_forms or " ".join(tokens[-2:]) in words.legal_forms
    ):
        return True
    return any(mark in name for mark in words.legal_marks)


def is_organisation(name: str) -> bool:
    """A company, body or association by its name: a legal form, a word such as "Ministry"
    or "Stiftung", a leading article ("The Water Coolest") or a web address ("CNN.com")."""
    words = byline_words()
    if has_legal_form(name) or is_web_address(name):
        return True
    lowered = [t.casefold().strip(",.()") for t in _TOKEN.findall(name)]
    if not lowered:
        return False
    if len(lowered) > 1 and lowered[0] in words.articles:
        return True
    return any(
        t in words.organisation_words or (len(t) > 8 and t.endswith(words.organisation_suffixes))
        for t in lowered
    )


def is_placeholder(name: str) -> bool:
    """ "Reply", "Unknown", "Inhalt": a byline box's label, naming nobody."""
    return name.strip(" .:").casefold() in byline_words().not_names


def has_loose_words(name: str) -> bool:
    """A lower-case word that is not a name particle: "Youtube-Netzwerken lernen" is a
    heading, "Fuchsy designed" a credit line, not a name."""
    particles = byline_words().particles
    tokens = _TOKEN.findall(name)
    return any(
        t[:1].islower() and t.casefold().strip(".,") not in particles for t in tokens[1:]
    ) or (len(tokens) > 5)
