"""Dates: how old the article is, and which of its attributed claims say when they were made."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

import ahocorasick

from checks import regex_parse
from checks.i18n import Messages, Plural
from checks.i18n.dates import dated_place
from checks.languages import patterns
from checks.model import Article, Context, Evidence, Message, Region, Result, Status
from checks.read.body_links import TEASER_LINE
from checks.read.page_meta import UPDATED_LABEL
from checks.regex_parse import ops as sre
from checks.temporal import (
    UNDATED_KINDS,
    Expression,
    PerLanguage,
    Scan,
    explicit_days,
    in_copyright_line,
    resolve,
    scan,
)


def _top_alternatives(source: str) -> list[str]:
    """The source of each top-level alternative of a pattern ("a|b(c|d)" -> a, b(c|d))."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # a "]" first in a class is a literal
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return [*parts, source[start:]]


def _by_first_letter(regex: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """`said|says|told` as `s(?:aid|ays)|t(?:old)`: the same matches, leftmost first (the
    alternatives that can match at a place all open with its character, and keep their
    order), but the engine tries one letter's words at a place, not every word."""
    if regex is None or regex.flags & re.IGNORECASE:
        return regex
    items = regex_parse.parse(regex)
    if not items or len(items) != 1:
        return regex
    if items[0][0] is not sre.BRANCH:
        return regex
    branches = items[0][1][1]
    sources = _top_alternatives(regex.pattern)
    inner = regex.pattern[3:-1]
    if len(sources) == 1 and regex.pattern.startswith("(?:") and regex.pattern.endswith(")"):
        if repr(regex_parse.parse_source(inner)) == repr(items):  # "(?:a|b)" is "a|b"
            return _by_first_letter(re.compile(inner, regex.flags))
    if len(sources) != len(branches):
        return regex
    letters: dict[str, list[str]] = {}
    for branch, source in zip(branches, sources, strict=True):
        first = branch.data[0] if branch.data else None
        if first is None or first[0] is not sre.LITERAL or source[:1] != chr(first[1]):
            return regex
        if not source[:1].isalpha() or repr(regex_parse.parse_source(source)) != repr(branch):
            return regex  # the split is not the parser's: leave the pattern as it is
        letters.setdefault(source[0], []).append(source[1:])
    factored = "|".join(f"{c}(?:{'|'.join(rests)})" for c, rests in letters.items())
    return re.compile(factored, regex.flags)


# "X said", "according to": a sentence that reports what someone claims, per language
# (checks/languages/<code>/temporal.toml, [reporting]); matched on lower-cased text.
_REPORTING = PerLanguage(
    lambda code: _by_first_letter(
        next((p.regex for p in patterns("temporal", code) if p.path == "reporting"), None)
    )
)


def _verb_finder(regex: re.Pattern[str] | None) -> ahocorasick.Automaton | None:
    """The reporting words in one automaton, {word: (the engine's order of trying it,
    length)}, when the pattern is only literal words (None: the regex is run)."""
    words = regex_parse.literal_alternatives(regex) if regex is not None else None
    if not words or "" in words:
        return None
    finder = ahocorasick.Automaton()
    for order, word in enumerate(words):
        if word not in finder:  # a word listed twice is tried at its first place
            finder.add_word(word, (order, len(word)))
    finder.make_automaton()
    return finder


_VERB_FINDER = PerLanguage(lambda code: _verb_finder(_REPORTING[code]))


def _verb_spans(lower: str, language: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of the language's reporting pattern in `lower`, as its
    finditer gives them: at the leftmost place, the word the engine tries first there,
    and the next search from its end. The automaton finds them in one pass."""
    finder = _VERB_FINDER.get(language)
    if finder is None:
        reporting = _REPORTING.get(language)
        yield from (m.span() for m in reporting.finditer(lower)) if reporting else ()
        return
    first: dict[int, tuple[int, int]] = {}  # start -> (order, length) of the first word tried
    for last, (order, length) in finder.iter(lower):
        start = last + 1 - length
        if start not in first or order < first[start][0]:
            first[start] = (order, length)
    end = 0
    for start in sorted(first):
        if start >= end:
            end = start + first[start][1]
            yield start, end


# "PARIS, Jan 17 (Reuters) -", "МОСКВА, 29 июня. /ТАСС/.": a wire dateline opens its line.
_WIRE_DATELINE = re.compile(r"^\W*[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w .'’-]{1,40},\s")
_MAX_DISPLAYED = 3
_DATELINE_GAP = 3  # characters between the place's comma and the date
_PLACE_DATE = re.compile(r"\d")  # a place name has no digits; "Am 4. Oktober kommt …" does
# /2019/01/01/ or /2013/10/ in an address: the year and month (and day) it was filed under.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?")
_DATELINE_REACH = 800
_FORWARD_KINDS = frozenset({"channel", "user", "chat", "hidden_user"})  # Telegram forwards
_CALENDAR_KINDS = frozenset(
    {"date", "numeric", "numeric_iso"}
)  # a day and month written out  # characters from the top of the text
_SHORT_LINE = 100
_QUOTE_LIMIT = 300
M = Messages(
    __name__,
    {
        "dated_claims.title": "Dates",
        "dated_claims.published": "Published {date} ({age}); {claims}",
        "dated_claims.received": "No publication date found; words like “yesterday” are read as"
        " from the day it was received ({date}); {claims}",
        "dated_claims.no_date": "No publication date found; {claims}",
        "dated_claims.claims": Plural(
            "{dated} of {count} attributed claims carry a date",
            "{dated} of {count} attributed claims carry a date",
        ),
        "dated_claims.no_claims": "no attributed claims found",
        "dated_claims.age.after": "after the date of this check",
        "dated_claims.age.same_day": "the day of this check",
        "dated_claims.age.days": Plural(
            "{count} day before this check", "{count} days before this check"
        ),
        "dated_claims.age.months": Plural(
            "about {count} month before this check", "about {count} months before this check"
        ),
        "dated_claims.age.years": Plural(
            "about {count} year before this check", "about {count} years before this check"
        ),
        "dated_claims.age.years_months": "about {years} {months} before this check",
        "dated_claims.years": Plural("{count} year", "{count} years"),
        "dated_claims.months": Plural("{count} month", "{count} months"),
    },
)
_EXAMPLES = 3
_FORWARD_BASIS = "forward origin"
_MAX_EXPRESSIONS = 200


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date
    basis: str  # "page metadata", "forward origin", "dateline in the text", "date received"
    published: bool  # is this the article's own date (not just when we received it)?
    evidence: Evidence | None = None
    local: bool = False  # the date carries the newsroom's own UTC offset: a dateline won't move it


class DatedClaims:
    name = "dated_claims"
    title = "Dates"
    title_message = M("dated_claims.title")

    async def run(self, article: Article, ctx: Context) -> Result:
        found = scan(article.text, article.language)
        anchor = _local_day_from_url(
            _not_after_receipt(_declared_anchor(article), article), article
        )
        day = anchor.day if anchor else _fallback_day(article)
        # The dateline is looked for near the top: only the spans there are read first.
        head = _dates(found, day, _DATELINE_REACH)
        dateline = _dateline(found, head, _url_month(article.url))
        better = _not_after_receipt(_with_dateline(anchor, dateline, found), article)
        if better is None and article.received is not None:
            better = Anchor(article.received.date(), "date received", False)
        if better is not None and (anchor is None or better.day != anchor.day):
            day = better.day
        expressions = _dates(found, day)
        shown = _displayed_dates(article, found.language, better)
        return _result(found, expressions, better, ctx, shown)


def _dates(found: Scan, anchor: date | None, reach: int | None = None) -> list[Expression]:
    """The expressions a reader can check against a calendar: not "now", "daily", "90 days"
    or "the quarter", which TimeML counts but which date no claim (with `reach`, only those
    that start within so many characters)."""
    return [e for e in resolve(found, anchor, reach) if e.kind not in UNDATED_KINDS]


def _declared_anchor(article: Article) -> Anchor | None:
    if article.published is not None:
        basis = article.published_basis or "publication date"
        quote = f"{article.published.date().isoformat()} ({basis})"
        offset = article.published.utcoffset()
        local = offset is not None and offset.total_seconds() != 0
        return Anchor(article.published.date(), basis, True, Evidence(quote, where=basis), local)
    origin = article.origin
    if origin is not None and origin.date is not None and origin.kind in _FORWARD_KINDS:
        day = origin.date.date()
        where = _FORWARD_BASIS
        return Anchor(day, where, True, Evidence(f"{day.isoformat()} ({where})", where=where))
    return None


def _fallback_day(article: Article) -> date | None:
    return article.received.date() if article.received else None


def _displayed_dates(article: Article, language: str, anchor: Anchor | None) -> list[Expression]:
    """Dates the page shows beside the article ("Posted: Nov 20, 2020") on its own day.

    Only the anchor's day (or the next, on an "Updated" line) and each date once: the
    furniture also lists other articles with their dates.
    """
    # The byline block and the lines around the headline carry the date line ("2020-02-19
    # 20:29:58 来源：…", "Updated 5:27 am CST, Wednesday, November 20, 2019") as often as the
    # page furniture does.
    near = article.region_text(Region.ABOVE_HEADLINE, Region.BYLINE, Region.BEFORE_BODY)
    furniture = "\n".join(t for t in (near, article.furniture_text) if t)
    if anchor is None or not anchor.published or not furniture:
        return []
    furniture = _lines_with_the_year(furniture, anchor.day)
    shown: list[Expression] = []
    seen: set[str] = set()
    # Only a date that writes its year is shown as the page's own, and such a date's value
    # needs nothing else resolved.
    for expression in explicit_days(scan(furniture, language)):
        value = expression.value or ""
        day = _day(value)
        if not expression.explicit or day is None or value in seen:
            continue
        offset = (day - anchor.day).days
        if offset == 0 or (offset == 1 and _updated_line(furniture, expression.start)):
            seen.add(value)
            shown.append(expression)
    return shown[:_MAX_DISPLAYED]


def _lines_with_the_year(text: str, day: date) -> str:
    """Only the lines that write the day's year (or the next, for a late "Updated"), in four
    digits or two: a date that names no year is not shown as the page's own, and scanning
    the rest of a long furniture (menus, link lists) is most of this check's time."""
    years = (day.year, day.year + 1)
    short = re.compile(rf"(?<!\d)(?:{years[0] % 100:02d}|{years[1] % 100:02d})(?!\d)")
    kept = [
        line
        for line in text.split("\n")
        if str(years[0]) in line or str(years[1]) in line or short.search(line)
    ]
    return "\n".join(kept)


def _updated_line(text: str, position: int) -> bool:
    line = _line_of(text, position)
    return bool(UPDATED_LABEL.search(line[-200:] if len(line) > 400 else line))


def _day(value: str) -> date | None:
    """The calendar day of a TIMEX3 value, if it names one ("2020-01-17TEV" -> 2020-01-17)."""
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)]


def _dateline(
    found: Scan, expressions: list[Expression], url_month: tuple[int, int] | None = None
) -> Expression | None:
    """A full date on a short line near the top ("Global Research, May 23, 2023").

    A wire dateline puts the date right after the place ("PARIS, Jan 17 (Reuters) -"): a
    sentence that opens with a date ("Am 4. Oktober kommt …", "У понеділок, 8 червня, …")
    is not one. A date in another month than the address's /2013/10/ is not the page's.
    """
    previous_end = -1
    for expression in expressions:
        if expression.start > _DATELINE_REACH:
            break
        after_another = previous_end
        previous_end = expression.start + len(expression.text)
        if expression.kind not in _CALENDAR_KINDS or expression.role != "claim":
            continue
        day = _day(expression.value or "")
        if day is None or (url_month is not None and (day.year, day.month) != url_month):
            continue
        line = _line_of(found.original, expression.start)
        if TEASER_LINE.match(line):
            continue
        line_start = found.original.rfind("\n", 0, expression.start) + 1
        if len(line.strip()) <= _SHORT_LINE or (
            after_another < line_start and _wire_dateline(found, expression, line)
        ):
            return expression
    return None


def _wire_dateline(found: Scan, expression: Expression, line: str) -> bool:
    place = _WIRE_DATELINE.match(line)
    if place is None:
        return False
    line_start = found.original.rfind("\n", 0, expression.start) + 1
    at = expression.start - line_start
    return place.end() - 1 <= at <= place.end() + _DATELINE_GAP and not _PLACE_DATE.search(
        line[: place.end()]
    )


def _url_month(url: str | None) -> tuple[int, int] | None:
    match = _URL_DATE.search((url or "").split("?", 1)[0])
    return (int(match.group(1)), int(match.group(2))) if match else None


def _url_day(url: str | None) -> date | None:
    match = _URL_DATE.search((url or "").split("?", 1)[0])
    if match is None or match.group(3) is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _not_after_receipt(anchor: Anchor | None, article: Article) -> Anchor | None:
    """A publication date after the day the page was received is never right."""
    if anchor is not None and article.received is not None:
        if anchor.published and anchor.day > article.received.date():
            return None
    return anchor


def _local_day_from_url(anchor: Anchor | None, article: Article) -> Anchor | None:
    """An evening UTC timestamp, and the address says the next day (/2019/01/01/): the
    newsroom's local day is the address's (and the other way round for a morning one)."""
    day = _url_day(article.url)
    if anchor is None or anchor.local or day is None or article.published is None:
        return anchor
    hour = article.published.astimezone(UTC).hour
    shift = (day - anchor.day).days
    if (shift == 1 and hour >= 10) or (shift == -1 and hour < 14):
        basis = f"{anchor.basis}, local day from the address"
        return Anchor(day, basis, anchor.published, anchor.evidence, local=True)
    return anchor


def _with_dateline(
    anchor: Anchor | None, dateline: Expression | None, found: Scan
) -> Anchor | None:
    """The dateline dates an undated text, and gives the local day when metadata is off by one."""
    if dateline is None:
        return anchor
    day = _day(dateline.value or "") or date.min
    quote = _collapse(_line_of(found.original, dateline.start))
    evidence = Evidence(_trim(quote), where="dateline")
    if anchor is None:
        if not dateline.explicit:
            # "May 23" alone would be read against the day of the check: a 2013 page
            # would be dated this year. Only a dateline that writes its year dates the page.
            return None
        return Anchor(day, "dateline in the text", True, evidence)
    if abs((day - anchor.day).days) == 1 and not anchor.local:
        # Metadata and forward dates are often UTC; the dateline carries the newsroom's day.
        return Anchor(day, f"{anchor.basis}, local day from the dateline", True, evidence)
    if anchor.basis == _FORWARD_BASIS and day < anchor.day:
        # A post relaying an older article: the dateline dates the article, the forward
        # only says when it was passed on.
        basis = f"dateline in the text (forwarded {anchor.day.isoformat()})"
        return Anchor(day, basis, True, evidence)
    return anchor


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _trim(text: str) -> str:
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1].rstrip() + "…"


class _Quotes:
    """Each sentence's quote, made once: many expressions share a sentence."""

    def __init__(self, found: Scan) -> None:
        self.found = found
        self.made: dict[int, str] = {}

    def __call__(self, index: int) -> str:
        if index not in self.made:
            self.made[index] = _sentence_quote(self.found, index)
        return self.made[index]


def _sentence_quote(found: Scan, index: int) -> str:
    start, end, _ = found.sentences[index]
    begin, stop = found.to_orig(start), found.to_orig(end)
    # A quote shows at most _QUOTE_LIMIT characters: of a pathologically long sentence only the
    # words that can show are collapsed (the last, perhaps cut, word of the window dropped).
    window = 4 * _QUOTE_LIMIT
    while begin + window < stop:
        head = " ".join(found.original[begin : begin + window].split()[:-1])
        if len(head) > _QUOTE_LIMIT:
            return _trim(head)
        window *= 4
    return _trim(_collapse(found.original[begin:stop]))


def _age(days: int) -> Message:
    if days < 0:
        return M("dated_claims.age.after")
    if days == 0:
        return M("dated_claims.age.same_day")
    if days < 45:
        return M("dated_claims.age.days", count=days)
    if days < 365:
        return M("dated_claims.age.months", count=round(days / 30.44))
    years = int(days // 365.25)
    months = round((days - years * 365.25) / 30.44)
    if months == 12:
        years, months = years + 1, 0
    if not months:
        return M("dated_claims.age.years", count=years)
    return M(
        "dated_claims.age.years_months",
        years=M("dated_claims.years", count=years),
        months=M("dated_claims.months", count=months),
    )


def _claim_sentences(found: Scan) -> list[int]:
    """Indices of sentences with a reporting verb ("said", "заявил"), copyright lines left out."""
    text, lower = found.text, found.lower
    starts = [start for start, _, _ in found.sentences]
    marks = found.copyright_marks
    claims: set[int] = set()
    for verb_start, verb_end in _verb_spans(lower, found.language):
        before = lower[verb_start - 1 : verb_start]
        after = lower[verb_end : verb_end + 1]
        if (before and (before.isalnum() or before == "-")) or (
            after and (after.isalnum() or after == "-")
        ):
            continue
        index = bisect_right(starts, verb_start) - 1
        start, end, _ = found.sentences[index]
        if index >= 0 and not in_copyright_line(marks, text, start, end):
            claims.add(index)
    return sorted(claims)


def _result(
    found: Scan,
    expressions: list[Expression],
    anchor: Anchor | None,
    ctx: Context,
    shown: list[Expression],
) -> Result:
    dated = {e.sentence for e in expressions if e.dates_something}
    claims = _claim_sentences(found)
    undated = [i for i in claims if i not in dated]
    quote = _Quotes(found)
    examples = [quote(i) for i in undated[:_EXAMPLES]]
    published = anchor.day if anchor is not None and anchor.published else None
    age_days = (ctx.now.date() - published).days if published else None
    data: dict[str, Any] = {
        "published": published.isoformat() if published else None,
        "published_basis": anchor.basis if anchor else "",
        "anchor": anchor.day.isoformat() if anchor else None,
        "age_days": age_days,
        "language": found.language,
        "expressions": [_expression_data(found, e, quote) for e in expressions[:_MAX_EXPRESSIONS]]
        + [_displayed_data(e) for e in shown],
        "dated_sentences": len(dated),
        "claim_sentences": len(claims),
        "dated_claim_sentences": len(claims) - len(undated),
        "undated_claim_sentences": len(undated),
        "undated_claim_examples": examples,
    }
    claims_part = (
        M("dated_claims.claims", dated=len(claims) - len(undated), count=len(claims))
        if claims
        else M("dated_claims.no_claims")
    )
    if published is not None and age_days is not None:
        age = _age(age_days)
        summary = M("dated_claims.published", date=published, age=age, claims=claims_part)
        old = age_days > 365
        status = Status.WARN if old else Status.INFO
    elif anchor is not None:
        summary = M("dated_claims.received", date=anchor.day, claims=claims_part)
        status = Status.WARN
    else:
        summary = M("dated_claims.no_date", claims=claims_part)
        status = Status.WARN
    evidence = [anchor.evidence] if anchor is not None and anchor.evidence else []
    evidence += _dated_evidence(found, expressions, anchor, quote)
    evidence += [Evidence(quote, where="claim without a date") for quote in examples]
    return Result(status, evidence=tuple(evidence), data=data, message=summary)


def _dated_evidence(
    found: Scan, expressions: list[Expression], anchor: Anchor | None, quote: _Quotes
) -> list[Evidence]:
    """The first few statements the text itself dates, each with its normalized value."""
    skip = anchor.evidence.quote if anchor is not None and anchor.evidence else ""
    shown: list[Evidence] = []
    seen: set[int] = set()
    for expression in expressions:
        if len(shown) == _EXAMPLES:
            break
        if not expression.dates_something or expression.sentence in seen:
            continue
        sentence = quote(expression.sentence) if found.sentences else ""
        if not sentence or sentence in skip or skip in sentence:
            continue
        seen.add(expression.sentence)
        where = f"dated: {expression.text} → {expression.value}"
        place = dated_place(expression.text, expression.value)
        shown.append(Evidence(sentence, where=where, place=place))
    return shown


def _displayed_data(expression: Expression) -> dict[str, Any]:
    return {
        "text": expression.text,
        "normalized": expression.value,
        "type": expression.type,
        "position": -1,  # not in the article text
        "role": "displayed date",
        "where": "page furniture",
    }


def _expression_data(found: Scan, expression: Expression, quote: _Quotes) -> dict[str, Any]:
    return {
        "text": expression.text,
        "normalized": expression.value,
        "type": expression.type,
        "position": expression.start,
        "role": expression.role,
        "sentence": quote(expression.sentence) if found.sentences else "",
    }
