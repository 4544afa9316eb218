"""Dates: how old the article is, and which of its attributed claims say when they were made."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Any

from checks.model import Article, Context, Evidence, Result, Status
from checks.read.body_links import TEASER_LINE
from checks.read.page_meta import UPDATED_LABEL
from checks.temporal import (
    Expression,
    Scan,
    copyright_positions,
    in_copyright_line,
    resolve,
    scan,
)

# "X said", "according to": a sentence that reports what someone claims.
REPORTING_VERBS = {
    "en": r"said|says|stated|states|announced|announces|told|tells|according to|reported|"
    r"reports|claimed|claims|confirmed|confirms|denied|denies|added|wrote|writes|explained|"
    r"noted|insisted|warned|declared|tweeted|alleged|argued",
    "de": r"sagte|sagt|sagten|erklärte|erklärt|erklärten|teilte|teilten|berichtete|berichtet|"
    r"betonte|kündigte|bestätigte|bestätigt|laut|zufolge|behauptete|behauptet|schrieb|warnte|"
    r"meldete|hieß es|antwortet|antwortete",
    "fr": r"a déclaré|ont déclaré|déclare|a dit|a affirmé|affirme|a annoncé|annonce|selon|"
    r"d['’]après|a indiqué|indique|a expliqué|explique|a précisé|précise|a confirmé|"
    r"a assuré|assure|a estimé|estime|a souligné|a ajouté|ajoute|a écrit|raconte|"
    r"a rapporté|rapporte|a averti|dénonce|a dénoncé",
    "es": r"dijo|dice|afirmó|afirma|declaró|anunció|según|aseguró|asegura|explicó|señaló|"
    r"indicó|informó|confirmó|agregó|añadió|sostuvo|advirtió|escribió|reportó",
    "pt": r"disse|diz|afirmou|afirma|declarou|anunciou|segundo|de acordo com|informou|"
    r"explicou|confirmou|garantiu|acrescentou|disseram|relatou|escreveu",
    "ru": r"заявил[аи]?|заявляет|сообщил[аи]?|сообщает|сообщается|сказал[аи]?|отметил[аи]?|"
    r"подчеркнул[аи]?|объявил[аи]?|по словам|по данным|по информации|пояснил[аи]?|"
    r"рассказал[аи]?|говорится|уточнил[аи]?|подтвердил[аи]?|согласно|утверждает|передает|"
    r"передаёт",
    "uk": r"заявив|заявила|заявили|заявляє|повідомив|повідомила|повідомили|повідомляє|"
    r"сказав|сказала|зазначив|зазначила|за словами|за даними|оголосив|підтвердив|розповів|"
    r"наголосив|пояснив|йдеться|згідно з",
}
# Lower-case text, case-sensitive pattern: a plain alternation scans fastest.
_REPORTING = {code: re.compile(f"(?:{words})") for code, words in REPORTING_VERBS.items()}
# "PARIS, Jan 17 (Reuters) -", "МОСКВА, 29 июня. /ТАСС/.": a wire dateline opens its line.
_WIRE_DATELINE = re.compile(r"^\W*[A-ZÀ-ÞА-ЯЁІЇЄҐ][\w .'’-]{1,40},\s")
_MAX_DISPLAYED = 3
_DATELINE_REACH = 800
_FORWARD_KINDS = frozenset({"channel", "user", "chat", "hidden_user"})  # Telegram forwards
_CALENDAR_KINDS = frozenset(
    {"date", "numeric", "numeric_iso"}
)  # a day and month written out  # characters from the top of the text
_SHORT_LINE = 100
_QUOTE_LIMIT = 300
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

    async def run(self, article: Article, ctx: Context) -> Result:
        found = scan(article.text, article.language)
        anchor = _declared_anchor(article)
        expressions = resolve(found, anchor.day if anchor else _fallback_day(article))
        dateline = _dateline(found, expressions)
        better = _with_dateline(anchor, dateline, found)
        if better is None and article.received is not None:
            better = Anchor(article.received.date(), "date received", False)
        if better is not None and (anchor is None or better.day != anchor.day):
            expressions = resolve(found, better.day)
        shown = _displayed_dates(article, found.language, better)
        return _result(found, expressions, better, ctx, shown)


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
    if anchor is None or not anchor.published or not article.furniture_text:
        return []
    furniture = article.furniture_text
    shown: list[Expression] = []
    seen: set[str] = set()
    for expression in resolve(scan(furniture, language), anchor.day):
        value = expression.value or ""
        day = _day(value)
        if not expression.explicit or day is None or value in seen:
            continue
        offset = (day - anchor.day).days
        if offset == 0 or (offset == 1 and _updated_line(furniture, expression.start)):
            seen.add(value)
            shown.append(expression)
    return shown[:_MAX_DISPLAYED]


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


def _dateline(found: Scan, expressions: list[Expression]) -> Expression | None:
    """A full date on a short line near the top ("Global Research, May 23, 2023")."""
    for expression in expressions:
        if expression.start > _DATELINE_REACH:
            break
        if expression.kind not in _CALENDAR_KINDS or expression.role != "claim":
            continue
        if _day(expression.value or "") is None:
            continue
        line = _line_of(found.original, expression.start)
        if TEASER_LINE.match(line):
            continue
        if len(line.strip()) <= _SHORT_LINE or _WIRE_DATELINE.match(line):
            return expression
    return None


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


def _sentence_quote(found: Scan, index: int) -> str:
    start, end, _ = found.sentences[index]
    return _trim(_collapse(found.original[found.to_orig(start) : found.to_orig(end)]))


def _age(days: int) -> str:
    if days < 0:
        return "after the date of this check"
    if days == 0:
        return "the day of this check"
    if days < 45:
        return f"{days} day{'s' * (days != 1)} before this check"
    if days < 365:
        return f"about {round(days / 30.44)} months before this check"
    years = int(days // 365.25)
    months = round((days - years * 365.25) / 30.44)
    if months == 12:
        years, months = years + 1, 0
    text = f"about {years} year{'s' * (years != 1)}"
    if months:
        text += f" {months} month{'s' * (months != 1)}"
    return text + " before this check"


def _claim_sentences(found: Scan) -> list[int]:
    """Indices of sentences with a reporting verb ("said", "заявил"), copyright lines left out."""
    text = found.text
    lower = text.lower()
    if len(lower) != len(text):
        lower = text
    starts = [start for start, _, _ in found.sentences]
    marks = copyright_positions(text)
    claims: set[int] = set()
    for verb in _REPORTING[found.language].finditer(lower):
        before = lower[verb.start() - 1 : verb.start()]
        after = lower[verb.end() : verb.end() + 1]
        if (before and (before.isalnum() or before == "-")) or (
            after and (after.isalnum() or after == "-")
        ):
            continue
        index = bisect_right(starts, verb.start()) - 1
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
    examples = [_sentence_quote(found, i) for i in undated[:_EXAMPLES]]
    published = anchor.day if anchor is not None and anchor.published else None
    age_days = (ctx.now.date() - published).days if published else None
    data: dict[str, Any] = {
        "published": published.isoformat() if published else None,
        "published_basis": anchor.basis if anchor else "",
        "anchor": anchor.day.isoformat() if anchor else None,
        "age_days": age_days,
        "language": found.language,
        "expressions": [_expression_data(found, e) for e in expressions[:_MAX_EXPRESSIONS]]
        + [_displayed_data(e) for e in shown],
        "dated_sentences": len(dated),
        "claim_sentences": len(claims),
        "dated_claim_sentences": len(claims) - len(undated),
        "undated_claim_sentences": len(undated),
        "undated_claim_examples": examples,
    }
    claims_part = (
        f"{len(claims) - len(undated)} of {len(claims)} attributed claims carry a date"
        if claims
        else "no attributed claims found"
    )
    if published is not None and age_days is not None:
        summary = f"Published {published.isoformat()} ({_age(age_days)}); {claims_part}"
        old = age_days > 365
        status = Status.WARN if old else Status.INFO
    elif anchor is not None:
        summary = (
            f"No publication date found; words like “yesterday” are read as from the day "
            f"it was received ({anchor.day.isoformat()}); {claims_part}"
        )
        status = Status.WARN
    else:
        summary = f"No publication date found; {claims_part}"
        status = Status.WARN
    evidence = [anchor.evidence] if anchor is not None and anchor.evidence else []
    evidence += _dated_evidence(found, expressions, anchor)
    evidence += [Evidence(quote, where="claim without a date") for quote in examples]
    return Result(status, summary, evidence=tuple(evidence), data=data)


def _dated_evidence(
    found: Scan, expressions: list[Expression], anchor: Anchor | None
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
        quote = _sentence_quote(found, expression.sentence) if found.sentences else ""
        if not quote or quote in skip or skip in quote:
            continue
        seen.add(expression.sentence)
        where = f"dated: {expression.text} → {expression.value}"
        shown.append(Evidence(quote, where=where))
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


def _expression_data(found: Scan, expression: Expression) -> dict[str, Any]:
    return {
        "text": expression.text,
        "normalized": expression.value,
        "type": expression.type,
        "position": expression.start,
        "role": expression.role,
        "sentence": _sentence_quote(found, expression.sentence) if found.sentences else "",
    }
