"""Temporal expressions: found with per-language regexes, normalised to TIMEX3-like values.

`scan()` finds the spans (patterns are only tried near a trigger word or a number, which keeps
a long page to a few milliseconds); `resolve()` gives each span a value, reading relative ones
("on Friday", "вчера", "last year", "le 1er décembre") against an anchor date.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from checks.languages import resource

LANGUAGES = ("en", "de", "fr", "es", "pt", "ru", "uk")


# --- word tables ------------------------------------------------------------------------------


def _numbered(spec: str, start: int = 1) -> dict[str, int]:
    """'january jan | february feb' -> {"january": 1, "jan": 1, "february": 2, ...}."""
    return {
        word: number
        for number, group in enumerate(spec.split("|"), start=start)
        for word in group.split()
    }


def _tagged(spec: str) -> dict[str, str]:
    """'D: day days | W: week weeks' -> {"day": "D", "days": "D", "week": "W", ...}."""
    table: dict[str, str] = {}
    for group in spec.split("|"):
        tag, words = group.split(":", 1)
        table.update(dict.fromkeys((w.replace("_", " ") for w in words.split()), tag.strip()))
    return table


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
# Abbreviations alone ("Mar", "Dec") are too ambiguous without a day or a year beside them.
_MONTH_ABBREVIATIONS = frozenset(
    word for code in LANGUAGES for word in resource("calendar", code)["month_abbreviations"]
)
WEEKDAYS = _calendar("weekdays", 0)  # Monday = 0, as date.weekday()
# Short weekday names only count right before a date ("Do 24. Mai 2018").
_WEEKDAY_SHORT = _calendar("weekday_abbreviations", 0)
UNITS = {  # TIMEX3 unit letters; DE = decade, CE = century
    "en": _tagged(
        "D: day days | W: week weeks | M: month months | Y: year years |"
        " DE: decade decades | CE: century centuries"
    ),
    "de": _tagged(
        "D: tag tage tagen | W: woche wochen | M: monat monate monaten | Y: jahr jahre jahren |"
        " DE: jahrzehnt jahrzehnte jahrzehnten | CE: jahrhundert jahrhunderte jahrhunderten"
    ),
    "fr": _tagged(
        "D: jour jours | W: semaine semaines | M: mois | Y: an ans année années |"
        " DE: décennie décennies | CE: siècle siècles"
    ),
    "es": _tagged(
        "D: día días | W: semana semanas | M: mes meses | Y: año años |"
        " DE: década décadas | CE: siglo siglos"
    ),
    "pt": _tagged(
        "D: dia dias | W: semana semanas | M: mês mes meses | Y: ano anos |"
        " DE: década décadas | CE: século séculos"
    ),
    "ru": _tagged(
        "D: день дня дней | W: неделю недели недель | M: месяц месяца месяцев |"
        " Y: год года лет | DE: десятилетие десятилетия десятилетий | CE: век века веков"
    ),
    "uk": _tagged(
        "D: день дні днів | W: тиждень тижні тижнів | M: місяць місяці місяців |"
        " Y: рік роки років | DE: десятиліття | CE: століття"
    ),
}
NUMBERS = {
    code: {word: float(n) for word, n in _tagged(spec).items()}
    for code, spec in {
        "en": "1: a an one | 2: two a_couple_of | 3: three | 4: four | 5: five | 6: six |"
        " 7: seven | 8: eight | 9: nine | 10: ten | 11: eleven | 12: twelve | 15: fifteen |"
        " 20: twenty | 30: thirty | 40: forty | 50: fifty | 100: a_hundred one_hundred |"
        " 0.5: half_a",
        "de": "1: ein eine einem einen einer | 2: zwei | 3: drei | 4: vier | 5: fünf |"
        " 6: sechs | 7: sieben | 8: acht | 9: neun | 10: zehn | 11: elf | 12: zwölf |"
        " 20: zwanzig | 30: dreißig | 100: hundert | 0.5: einem_halben einen_halben",
        "fr": "1: un une | 2: deux | 3: trois | 4: quatre | 5: cinq | 6: six | 7: sept |"
        " 8: huit | 9: neuf | 10: dix | 11: onze | 12: douze | 15: quinze | 20: vingt |"
        " 30: trente | 40: quarante | 50: cinquante | 100: cent",
        "es": "1: un una uno | 2: dos | 3: tres | 4: cuatro | 5: cinco | 6: seis | 7: siete |"
        " 8: ocho | 9: nueve | 10: diez | 11: once | 12: doce | 15: quince | 20: veinte |"
        " 30: treinta | 40: cuarenta | 50: cincuenta | 100: cien",
        "pt": "1: um uma | 2: dois duas | 3: três | 4: quatro | 5: cinco | 6: seis | 7: sete |"
        " 8: oito | 9: nove | 10: dez | 11: onze | 12: doze | 15: quinze | 20: vinte |"
        " 30: trinta | 40: quarenta | 50: cinquenta | 100: cem",
        "ru": "1: один одну | 2: два две двух | 3: три трех трёх | 4: четыре четырех |"
        " 5: пять пяти | 6: шесть | 7: семь | 8: восемь | 9: девять | 10: десять |"
        " 20: двадцать | 30: тридцать | 40: сорок | 50: пятьдесят | 100: сто",
        "uk": "1: один одну | 2: два дві двох | 3: три трьох | 4: чотири | 5: п'ять |"
        " 6: шість | 7: сім | 8: вісім | 9: дев'ять | 10: десять | 20: двадцять |"
        " 30: тридцять | 40: сорок | 50: п'ятдесят | 100: сто",
    }.items()
}
# Which way a modifier points from the anchor (weekdays, months, "last week").
PAST_WORDS = frozenset(
    "last past previous dernier dernière passé passée letzten letzte letztes vergangenen"
    " vergangene vergangenes vorigen vorige voriges pasado pasada passado passada прошлый"
    " прошлую прошлое прошлом прошлой прошлым минувший минувшем минувшей минувшим минулого"
    " минулому минулий"
    " último última прошлого прошлые прошлых минувшие минувших минулої минулі минулих".split()
)
NEXT_WORDS = frozenset(
    "next coming prochain prochaine nächsten nächste nächstes kommenden kommende kommendes"
    " próximo próxima следующий следующую следующее следующем следующей наступного"
    " наступному наступний следующего следующие следующих следующим наступної наступні"
    " наступних".split()
) | {"que vem"}
_DEICTIC_DAYS = _tagged(
    "0: today heute aujourd'hui hoy hoje сегодня сьогодні tonight heute_nacht cette_nuit"
    " esta_noche this_morning heute_morgen ce_matin esta_mañana this_afternoon this_evening"
    " heute_abend ce_soir | -1: yesterday gestern hier ayer ontem вчера вчора учора"
    " gestern_abend hier_soir last_night anoche | 1: tomorrow morgen demain mañana amanhã"
    " завтра | -2: vorgestern avant-hier anteayer anteontem позавчера позавчора |"
    " 2: übermorgen après-demain pasado_mañana послезавтра післязавтра"
)
_DEICTIC_PARTS = _tagged(
    "TNI: tonight heute_nacht cette_nuit esta_noche last_night anoche |"
    " TMO: this_morning heute_morgen ce_matin esta_mañana | TAF: this_afternoon |"
    " TEV: this_evening heute_abend ce_soir gestern_abend hier_soir"
)
# word -> (days from the anchor, TIMEX3 part of day)
DEICTIC = {w: (int(days), _DEICTIC_PARTS.get(w, "")) for w, days in _DEICTIC_DAYS.items()}
PARTS_OF_DAY = _tagged(
    "TMO: morning morgen vormittag mittag matin mañana manhã утром вранці |"
    " TAF: afternoon nachmittag après-midi tarde днем днём вдень |"
    " TEV: evening abend soir soirée вечером ввечері | TNI: night nacht nuit noche noite"
    " ночью вночі"
)
SEASONS = _tagged(
    "SP: spring frühling frühjahr printemps primavera весной навесні весни |"
    " SU: summer sommer été verano verão летом влітку літа |"
    " FA: fall autumn herbst automne otoño outono осенью восени осені |"
    " WI: winter hiver invierno inverno зимой зимою взимку зими"
)
# Words for the year itself (uk "торік" = last year), in years from the anchor's.
YEAR_WORDS = {"торік": -1, "позаторік": -2, "цьогоріч": 0, "минулоріч": -1}
# Words that only the relative patterns below use; they wake those patterns up.
_RELATIVE_TRIGGERS = {
    "en": "weekend coming",
    "de": "vortag tags wochenende kommenden nächsten",
    "fr": "week weekend prochains prochaines venir",
    "es": "semana próximas próximos",
    "pt": "semana próximas próximos",
    "ru": "накануне выходные выходных ближайшие ближайшее",
    "uk": "напередодні вихідні вихідних найближчими найближчим найближчі " + " ".join(YEAR_WORDS),
}
OFFSET_SIGNS = {
    word: int(sign)
    for word, sign in _tagged(
        "1: later after afterwards später danach après después depois спустя через plus_tard"
        " más_tarde mais_tarde | -1: earlier before prior zuvor vorher früher auparavant avant"
        " antes plus_tôt"
    ).items()
}
# Words that put a bare weekday or month in the future rather than the past: helper verbs,
# future tense endings (fr "entrera", es "entrará", pt "será", uk "працюватиме"), perfective
# verbs (ru "вступит") and present tenses that news use for what is scheduled ("takes effect").
_FUTURE = {
    code: re.compile(rx, re.I)
    for code, rx in {
        "en": r"\b(?:will|won't|shall|scheduled|slated|upcoming|set to|expected to|"
        r"due\s+(?:on|by|in|out|back)|(?:is|are)\s+due|due\s+to\s+(?:be|start|begin|open|"
        r"close|end|take|arrive|return|resume|expire|launch|meet|vote|report|hold|sign)|"
        r"plans? to|planned|going to|next|takes? effect|goes into effect|go into effect|"
        r"comes? into (?:force|effect)|effective|takes? place|begins|opens|reopens?|starts|"
        r"resumes?|launches|kicks? off)\b|'ll\b",
        "de": r"\b(?:wird|werden|soll|sollen|geplant|kommende[nrs]?|nächste[nrs]?|"
        r"voraussichtlich|bevorstehende[nrs]?|anstehende[nrs]?|"
        r"(?:dauer[nt]|läuft|laufen|gilt|gelten)\s+(?:noch\s+)?bis)\b",
        "fr": r"\b(?:sera|seront|va|vont|aura|auront|prévue?s?|prochaine?s?|doit|doivent|"
        r"devrait|devraient|"
        r"entre en vigueur|entrent en vigueur)\b"
        r"|(?-i:\b[a-zàâçéèêëîïôûù]{2,}(?:era|eront|(?<!e)ira|iront|dra|dront|vra|vront|rra|"
        r"rront)\b)",
        "es": r"\b(?:va a|van a|previst[oa]s?|próxim[oa]s?|programad[oa]s?|entra en vigor|"
        r"entran en vigor)\b|(?-i:\b[a-záéíóúñ]{2,}rán?\b)",
        "pt": r"\b(?:será|serão|vai|vão|previst[oa]s?|próxim[oa]s?|haverá|marcad[oa]s?|"
        r"entra em vigor|entram em vigor)\b|(?-i:\b[a-záâãéêíóôõúç]{2,}(?:rá|arão|erão|irão)\b)",
        "ru": r"(?<!\w)(?:будет|будут|состоится|состоятся|планируется|планируют|намерен\w*|"
        r"предстоит|следующ\w+|вступит|вступят|вступает в силу|вступают в силу|начнется|"
        r"начнётся|начнутся|начнет|начнёт|начнут|пройдет|пройдёт|пройдут|откроется|откроются|"
        r"заработает|заработают|завершится|завершатся|продлится|стартует|ожидается|"
        r"запланирован\w*|намечен\w*|предстоящ\w+|грядущ\w+)(?!\w)",
        "uk": r"(?<!\w)(?:буде|будуть|відбудеться|відбудуться|планується|має намір|"
        r"наступн\w+|набуде|набудуть|набирає чинності|набирають чинності|почнеться|"
        r"почнуться|розпочнеться|стартує|відкриється|запрацює|запрацюють|завершиться|"
        r"очікується|запланован\w*|майбутн\w+|\w+тиме(?:ться)?|\w+тимуть(?:ся)?)(?!\w)",
    }.items()
}
# German puts the separable particle after the date: "tritt am 1. Januar in Kraft".
_FUTURE_AROUND = {
    "de": re.compile(
        r"\b(?:tritt|treten)\b.*\bin\s+Kraft\b|\b(?:findet|finden)\b.*\bstatt\b"
        r"|\bbis\s+(?:Ende|Mitte|Anfang)\b.*\b(?:dauern|dauert|laufen|läuft|gelten|gilt)\b"
    )
}
_STOPWORDS = {
    "en": frozenset("the and of to is that for was with said".split()),
    "de": frozenset("der die und das ist nicht mit sich auch dem".split()),
    "fr": frozenset("le les et des est une pour dans qui que".split()),
    "es": frozenset("el los las del y que por una para con".split()),
    "pt": frozenset("os as do da não uma para com que em".split()),
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


def _alt(words: Iterable[str]) -> str:
    unique = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("'", "['’]") for w in unique)


def _ci(words: Iterable[str]) -> str:
    return f"(?i:{_alt(words)})"


def _cap(words: Iterable[str]) -> str:
    """Capitalised forms only: English and German month and weekday names."""
    return _alt(w[:1].upper() + w[1:] for w in words)


_B = r"(?<![\w'’-])"  # start of a word
_E = r"(?![\w'’])"  # end of a word ("mid-May", "May-June" keep their hyphen)
_POSSESSIVE_OR_E = rf"(?=['’]s\b|{_E})"
YEAR = r"(?P<y>1\d{3}|20\d{2})(?!\d|[.,]\d)"
DAY = r"(?P<d>[0-3]?\d)(?!\d)"
AMPM = r"[AaPp]\.[Mm]\.|[AaPp][Mm]\b"
TIME = (
    r"(?P<hh>2[0-3]|[01]?\d)(?:[:.](?P<mi>[0-5]\d)|(?=\s*[AaPp]\.?[Mm]\b))"
    rf"(?:\s*(?P<ap>{AMPM}))?(?:\s*(?P<tz>GMT|UTC|CET|CEST|MSK|BST|[ECMP][SD]?T)\b)?"
)
TIME_AFTER = rf"(?:,?\s*(?:/|at|um|à|a las|às|в|о)?\s*{TIME}(?:\s*(?:Uhr|h)\b)?)?"
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
}
_DIGIT_ONLY = frozenset({"digit"})


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way of writing a temporal expression; `kind` says how to resolve it."""

    name: str
    kind: str
    regex: re.Pattern[str]
    example: str  # tests check that the pattern finds exactly this

    @property
    def needs(self) -> frozenset[str]:
        return _NEEDS.get(self.kind, _DIGIT_ONLY)


def _english(p: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    pre = (
        r"(?i:in|since|by|until|till|for|from|during|through|throughout|early|late|mid|last|"
        r"next|this|of|only|before|after|between|and|or|to|around)"
    )
    return [
        (
            "day month year",
            "date",
            rf"{p['wd_prefix']}(?:the\s+)?{DAY}(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{p['mon']})"
            rf"(?:,?\s+{YEAR})?{TIME_AFTER}",
            "Friday 14th June 2019",
        ),
        (
            "month day year",
            "date",
            rf"{p['wd_prefix']}(?P<m>{p['mon']})\s+{DAY}(?:st|nd|rd|th)?(?!\s*(?:%|percent))"
            rf"(?:,?\s+{YEAR})?{TIME_AFTER}",
            "Nov 20, 2020 / 05:25 PM CST",
        ),
        ("month year", "month", rf"(?P<m>{p['mon']}),?\s+(?:of\s+)?{YEAR}", "November 2023"),
        ("month", "month", rf"{pre}[\s-](?P<m>{p['mon_full']}){_E}", "in October"),
        (
            "weekday",
            "weekday",
            r"(?:(?P<mod>(?i:late on|early on|on|last|next|this|past|coming|late|early))\s+)?"
            r"(?<!Black )(?<!Good )(?<!Super )(?<!Cyber )(?<!Ash )(?<!Easter )(?<!Palm )"
            rf"(?<!Holy )(?<!Bloody )(?<!Mail on )(?P<wd>{p['wd']}){_POSSESSIVE_OR_E}"
            r"(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Night Live|[Ss]chool|paper))"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?",
            "on Friday evening",
        ),
        (
            "deictic",
            "deictic",
            r"(?P<rel>(?i:today|yesterday|tomorrow|tonight|this morning|this afternoon|"
            r"this evening|last night))(?![\w'’])",
            "yesterday",
        ),
        (
            "last/this/next unit",
            "unit",
            r"(?:(?i:earlier|later|the end of|the start of|the beginning of|the middle of|"
            r"end of)\s+)?(?P<mod>(?i:last|next|this|previous|coming))\s+"
            r"(?P<unit>week|month|year)(?![\w-]|['’]s\b)",
            "earlier this month",
        ),
        (
            "season",
            "season",
            rf"(?:(?P<mod>(?i:this past|this|last|next))\s+(?P<season>{p['seasons']})"
            rf"{_POSSESSIVE_OR_E}|(?i:throughout|over|during|in|since|until|by)\s+the\s+"
            r"(?P<season2>(?i:spring|summer|winter|autumn))(?!\s+of\b)"
            rf"|(?P<season3>{p['seasons']})\s+(?:of\s+)?{YEAR})",
            "throughout the summer",
        ),
        (
            "clock time",
            "clock",
            r"(?i:at|around|about|by|before|after|until|from)\s+(?:about\s+|around\s+)?"
            rf"(?P<hh>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})"
            r"(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]?T)\b)?",
            "around 10pm",
        ),
        ("ago", "ago", rf"{p['num']}\s+(?P<unit>{p['units']})\s+(?P<dir>ago)\b", "five years ago"),
        (
            "offset",
            "offset",
            rf"{p['num']}\s+(?P<unit>{p['units']})\s+"
            r"(?P<dir>later|earlier|after|before|afterwards)\b",
            "Two days after",
        ),
        (
            "duration",
            "duration",
            r"(?i:for|over|during|within|in)\s+(?:the\s+(?:past|last|next|first)\s+)?"
            rf"(?:about\s+|almost\s+|nearly\s+|more than\s+)?{p['num']}\s+"
            rf"(?P<unit>{p['units']})(?!\s+(?:old|of age|ago|later|earlier|after|before))\b",
            "over the next four years",
        ),
        (
            "weekend",
            "weekend",
            r"(?:(?P<mod>(?i:this past|this coming|this|last|next|past|coming))\s+|"
            r"(?i:over|during|on|at|across)\s+the\s+)(?i:weekend)(?![\w-])",
            "over the weekend",
        ),
        (
            "coming weeks",
            "ref",
            r"(?i:in|over|within|during)\s+the\s+(?i:coming|next\s+few|next\s+several)\s+"
            r"(?P<unit>(?i:days|weeks|months|years))\b",
            "in the coming weeks",
        ),
        (
            "short numeric date and time",
            "numeric",
            r"(?<![\w/.:-])(?P<a>[01]?\d)(?P<sep>/)(?P<b>[0-3]?\d)/(?P<y>\d\d)(?![\w/])"
            rf",?\s+(?P<hh>1[0-2]|0?[1-9]):(?P<mi>[0-5]\d)\s*(?P<ap>{AMPM})"
            r"(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]?T)\b)?",
            "11/13/26 8:00 AM ET",
        ),
        ("decade", "decade", r"(?:the\s+)?(?P<dec>1\d{2}0|20[0-2]0)['’]?s\b", "the 1990s"),
        (
            "century",
            "century",
            r"(?P<cent>[12]?\d)(?:st|nd|rd|th)[- ](?i:century)",
            "20th century",
        ),
    ]


def _german(p: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    return [
        (
            "day month year",
            "date",
            rf"{p['wd_prefix']}(?:(?:am|vom|zum|bis zum|seit dem|den)\s+)?{DAY}\.\s*"
            rf"(?P<m>{p['mon']})(?:\s+{YEAR})?{TIME_AFTER}",
            "am 30. März 2017",
        ),
        (
            "month year",
            "month",
            rf"(?:(?i:im|seit|bis|ab|anfang|ende|mitte)\s+)?(?P<m>{p['mon']})\s+{YEAR}",
            "im März 2017",
        ),
        (
            "month",
            "month",
            r"(?i:im|seit|bis|ab|anfang|ende|mitte|vergangenen|letzten|nächsten|kommenden)"
            rf"\s+(?P<m>{p['mon_full']}){_E}(?!\s+\d)",
            "im Mai",
        ),
        (
            "weekday",
            "weekday",
            r"(?:(?P<mod>(?i:am|letzten|vergangenen|nächsten|kommenden|diesen|seit))\s+)?"
            rf"(?P<wd>{p['wd']})(?P<pod>morgen|vormittag|mittag|nachmittag|abend|nacht)?{_E}",
            "am Montag",
        ),
        (
            "deictic",
            "deictic",
            r"(?<!\bam )(?<!\bjeden )(?<!\bguten )"
            r"(?P<rel>(?i:heute abend|heute morgen|heute nacht|gestern abend|vorgestern|"
            r"übermorgen|heute|gestern)|morgen)(?!\w)",
            "heute Abend",
        ),
        (
            "last/this/next unit",
            "unit",
            r"(?:(?i:im|in der|in diesem|in dieser|am|an diesem)\s+)?"
            r"(?P<mod>(?i:letzte[nrs]?|vergangene[nrs]?|vorige[nrs]?|nächste[nrs]?|"
            r"kommende[nrs]?|diese[nrs]?))\s+(?P<unit>Woche|Monats?|Jahr(?:es|s)?)(?!\w)",
            "vergangene Woche",
        ),
        (
            "season",
            "season",
            rf"(?:(?i:im|diesen|letzten|nächsten)\s+)?(?P<season>{p['seasons']})\s+{YEAR}",
            "im Herbst 2019",
        ),
        (
            "clock time",
            "clock",
            r"(?i:um|gegen|ab|bis)\s+(?P<hh>2[0-3]|[01]?\d)(?:[.:](?P<mi>[0-5]\d))?\s*Uhr\b",
            "um 21 Uhr",
        ),
        (
            "ago",
            "ago",
            rf"(?P<dir>(?i:vor))\s+{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "vor acht Jahren",
        ),
        (
            "offset",
            "offset",
            rf"{p['num']}\s+(?P<unit>{p['units']})\s+"
            r"(?P<dir>später|danach|zuvor|vorher|früher)(?!\w)",
            "zwei Tage später",
        ),
        (
            "duration",
            "duration",
            rf"(?i:seit|für|über|während|nach|innerhalb von)\s+{p['num']}\s+"
            rf"(?P<unit>{p['units']})(?!\w)",
            "seit zwei Jahren",
        ),
        (
            "the day before",
            "eve",
            r"(?:(?i:am)\s+Vortag(?!\s+(?:des|der|von)\b)|(?i:tags|am Tag)\s+(?:zuvor|davor))"
            r"(?!\w)",
            "am Vortag",
        ),
        (
            "season",
            "season",
            r"(?<!vor allem )(?<!besonders )(?<!meist )(?<!meistens )(?<!oft )(?<!häufig )"
            r"(?<!immer )(?<!gerne )(?<!gern )(?<!jeweils )(?<!normalerweise )"
            r"(?:(?i:im|seit dem|bis zum|ab dem)\s+(?:(?P<mod>vergangenen|letzten|nächsten|"
            r"kommenden)\s+)?|(?P<mod2>(?i:diesen|letzten|vergangenen|nächsten|kommenden))\s+)"
            r"(?P<season2>Frühjahr|Frühling|Sommer|Herbst|Winter)(?!\w)(?!\s*\d)"
            r"(?!\s*(?:,|und|oder|bis)\s*(?:im\s+)?(?:Frühjahr|Frühling|Sommer|Herbst|Winter))",
            "im Frühjahr",
        ),
        (
            "start/end of unit",
            "part",
            r"(?i:anfang|ende|mitte)\s+(?:(?i:des|dieses)\s+|(?P<mod>(?i:nächsten|kommenden|"
            r"vergangenen|letzten|vorigen))\s+)(?P<unit>Monats|Jahres)(?!\w)",
            "Anfang des Monats",
        ),
        (
            "weekend",
            "weekend",
            r"(?i:am|an diesem|übers|über das)\s+(?:(?P<mod>(?i:vergangenen|letzten|kommenden|"
            r"nächsten))\s+)?Wochenende(?!\w)",
            "am vergangenen Wochenende",
        ),
        (
            "coming weeks",
            "ref",
            r"(?i:in den (?:kommenden|nächsten))\s+(?P<unit>Tagen|Wochen|Monaten|Jahren)(?!\w)",
            "in den kommenden Wochen",
        ),
        ("decade", "decade", r"(?P<dec>1\d{2}0|20[0-2]0)er(?:\s+Jahren?)?(?!\w)", "1990er Jahre"),
        ("century", "century", r"(?P<cent>[12]?\d)\.\s+Jahrhunderts?(?!\w)", "20. Jahrhundert"),
    ]


def _french(p: Mapping[str, str]) -> list[tuple[str, str, str, str]]:
    return [
        (
            "day month year",
            "date",
            rf"{p['wd_prefix']}(?:(?:le|du|au|depuis le|dès le|jusqu'au)\s+)?"
            rf"(?:(?P<wd2>{p['wd']})\s+)?(?P<d>1er|premier|[0-3]?\d(?!\d))\s+(?P<m>{p['mon']})"
            rf"(?:\s+{YEAR})?(?:\s+(?P<mod>dernier|prochain))?"
            r"(?:\s+(?:à|a)\s+(?P<hh>2[0-3]|[01]?\d)\s?h\s?(?P<mi>[0-5]\d)?)?",
            "le 13 mai dernier",
        ),
        (
            "month year",
            "month",
            rf"(?:(?:en|depuis|dès|fin|début|mi-)\s*)?(?P<m>{p['mon']})\s+{YEAR}",
            "avril 2017",
        ),
        (
            "month",
            "month",
            r"(?:en|depuis|dès|fin|début|mi-|au mois de|jusqu'en)\s*"
            rf"(?P<m>{p['mon_full']}){_E}(?:\s+(?P<mod>dernier|prochain))?",
            "en mai dernier",
        ),
        (
            "month last/next",
            "month",
            rf"(?P<m>{p['mon_full']})\s+(?P<mod>dernier|prochain){_E}",
            "mai dernier",
        ),
        (
            "weekday",
            "weekday",
            rf"(?:(?:ce|dès|depuis|jusqu'à|le)\s+)?(?P<wd>{p['wd']}){_E}"
            r"(?:\s+(?P<pod>matin|après-midi|soir|soirée|nuit))?"
            r"(?:\s+(?P<mod>dernier|prochain))?",
            "mardi soir",
        ),
        (
            "deictic",
            "deictic",
            r"(?P<rel>aujourd['’]hui|avant-hier|après-demain|hier soir|ce matin|ce soir|"
            r"cette nuit|hier|demain)(?!\w)",
            "hier",
        ),
        (
            "last/this/next unit",
            "unit",
            r"(?:(?:fin|début)\s+)?(?:(?:la|le|l['’]|cette|ce|en)\s*)?"
            r"(?:(?P<unit>semaine|mois|année|an)\s+(?P<mod>dernière|dernier|passée|passé|"
            r"prochaine|prochain)|(?P<mod2>cette|ce)\s+(?P<unit2>semaine|mois|année)"
            r"(?:-ci)?)(?!\w)",
            "l'an dernier",
        ),
        (
            "season",
            "season",
            rf"(?:(?:au|en|cet|l['’]|ce)\s*)?(?P<season>{p['seasons']})"
            rf"(?:\s+(?:de\s+|d['’])?{YEAR}|\s+(?P<mod>dernier|prochain))",
            "au printemps 2015",
        ),
        (
            "clock time",
            "clock",
            r"(?:à|vers|dès|jusqu'à)\s+(?P<hh>2[0-3]|[01]?\d)\s?(?:h|heures?)\s?(?P<mi>[0-5]\d)?"
            r"(?!\w)",
            "à 21h30",
        ),
        (
            "ago",
            "ago",
            rf"(?P<dir>il y a)\s+{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "il y a cinq ans",
        ),
        (
            "offset",
            "offset",
            rf"{p['num']}\s+(?P<unit>{p['units']})\s+"
            r"(?P<dir>plus tard|auparavant|plus tôt|après|avant)(?!\w)",
            "Quatre jours plus tard",
        ),
        (
            "duration",
            "duration",
            rf"(?:depuis|pendant|durant|en)\s+{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "depuis deux ans",
        ),
        (
            "start/end of unit",
            "part",
            r"(?:(?:en|au|à la)\s+)?(?:début|fin|milieu)\s+(?:du\s+|de\s+ce\s+|de\s+l['’]|"
            r"de\s+cette\s+|d['’])(?P<unit>mois|année)(?!\w)",
            "en fin d'année",
        ),
        (
            "weekend",
            "weekend",
            r"(?:ce\s+week-?end|(?:le|du|au)\s+week-?end\s+(?P<mod>dernier|prochain)|"
            r"(?:le|du|au)\s+(?P<mod2>dernier|prochain)\s+week-?end)(?![\w-])",
            "le week-end dernier",
        ),
        (
            "coming weeks",
            "ref",
            r"dans\s+les\s+(?:prochain(?:e)?s\s+(?P<unit>jours|semaines|mois|années)|"
            r"(?P<unit2>jours|semaines|mois|années)\s+à\s+venir)(?!\w)",
            "dans les prochaines semaines",
        ),
        (
            "decade",
            "decade",
            r"(?:les\s+)?années\s+(?P<dec>1\d{2}0|20[0-2]0)(?!\d)",
            "années 1990",
        ),
        ("century", "century", r"(?P<roman>[XVI]{1,5})(?:e|ème)\s+siècle", "XXe siècle"),
    ]


def _iberian(p: Mapping[str, str], code: str) -> list[tuple[str, str, str, str]]:
    es = code == "es"
    of = r"(?:de|del|do|da)"
    article = "el|del|desde el|hasta el|este" if es else "o|no|na|do|desde o|neste|nesta"
    return [
        (
            "day month year",
            "date",
            rf"{p['wd_prefix']}(?:(?:{article})\s+)?{DAY}(?:º|°)?\s+(?:{of}\s+)?"
            rf"(?P<m>{p['mon']})(?:,?\s+(?:{of}\s+)?{YEAR})?(?:\s+(?P<mod>pasado|passado))?",
            "16 de mayo de 2020" if es else "16 de maio de 2020",
        ),
        (
            "month year",
            "month",
            rf"(?P<m>{p['mon']})\s+(?:{of}\s+)?{YEAR}",
            "mayo de 2020" if es else "maio de 2020",
        ),
        (
            "month",
            "month",
            r"(?:en|desde|hasta|em|até|a partir de|antes de|a finales de|a principios de|"
            r"a mediados de|"
            rf"no final de|no início de)\s+(?:de\s+)?(?P<m>{p['mon_full']}){_E}"
            r"(?!\s+(?:de\s+)?\d)(?:\s+(?P<mod>pasado|próximo|passado))?",
            "en marzo pasado" if es else "em março passado",
        ),
        (
            "weekday",
            "weekday",
            r"(?:(?:el|este|esta|desde el|hasta el|o|no|na|neste|nesta|desde)\s+)?"
            rf"(?<!Santo )(?P<wd>{p['wd']}){_E}(?:\s+(?P<mod>pasado|pasada|próximo|próxima|"
            r"passado|passada))?(?:\s+(?:por la|à|de)\s+(?P<pod>mañana|tarde|noche|manhã|"
            r"noite))?",
            "el sábado" if es else "na segunda-feira",
        ),
        (
            "deictic",
            "deictic",
            r"(?<!la )(?<!una )(?<!de )(?<!cada )(?<!toda )(?<!pela )(?<!da )"
            r"(?P<rel>hoy|ayer|anteayer|anoche|pasado mañana|esta mañana|esta noche|mañana|"
            r"hoje|ontem|anteontem|amanhã)(?!\w)",
            "ayer" if es else "ontem",
        ),
        (
            "last/this/next unit",
            "unit",
            r"(?:(?:la|el|a|o|na|no|em)\s+)?(?:(?P<unit>semana|mes|año|mês|ano)\s+"
            r"(?P<mod>pasad[oa]|próxim[oa]|passad[oa]|que vem)|(?P<mod2>próxim[oa]|"
            r"est[ea]|nest[ea])\s+(?P<unit2>semana|mes|año|mês|ano))(?!\w)",
            "el año pasado" if es else "no ano passado",
        ),
        (
            "season",
            "season",
            rf"(?:(?:en|el|la|em|no|na|este|neste)\s+){{0,2}}(?P<season>{p['seasons']})"
            rf"\s+(?:{of}\s+)?{YEAR}",
            "en el verano de 2019" if es else "no verão de 2019",
        ),
        (
            "clock time",
            "clock",
            r"(?:a las|hacia las|desde las|às|por volta das)\s+(?P<hh>2[0-3]|[01]?\d)"
            r"(?:[:.h](?P<mi>[0-5]\d))?(?:\s*(?:horas|h)\b)?",
            "a las 21:00" if es else "às 21h",
        ),
        (
            "ago",
            "ago",
            rf"(?:(?P<dir>hace|há)\s+{p['num']}\s+(?P<unit>{p['units']})|{p['num2']}\s+"
            rf"(?P<unit2>{p['units']})\s+atrás)(?!\w)",
            "hace dos años" if es else "há dois anos",
        ),
        (
            "start/end of unit",
            "part",
            r"(?:a\s+(?:principios|finales|mediados|comienzos|inicios)\s+(?:de|del)|"
            r"n?o\s+(?:início|começo|fim|final)\s+(?:do|deste))\s+"
            r"(?:(?P<mod>este|próximo|pasado)\s+)?(?P<unit>mes|año|mês|ano)"
            r"(?:\s+(?P<mod2>pasado|próximo|passado|que vem))?(?!\w)",
            "a principios de mes" if es else "no início do mês",
        ),
        (
            "weekend",
            "weekend",
            r"(?:el|este|durante el|todo el|no|neste|nesse|durante o|o)\s+"
            r"(?:(?P<mod>pasado|próximo|último)\s+)?fin(?:al)?\s+de\s+semana"
            r"(?:\s+(?P<mod2>pasado|próximo|passado|que vem))?(?!\w)"
            if es
            else r"(?:no|neste|nesse|durante o|este)\s+(?:(?P<mod>último|próximo)\s+)?"
            r"fim\s+de\s+semana(?:\s+(?P<mod2>passado|que vem))?(?!\w)",
            "el pasado fin de semana" if es else "no último fim de semana",
        ),
        (
            "coming weeks",
            "ref",
            r"(?:en\s+(?:las|los)|n[oa]s)\s+próxim[oa]s\s+"
            r"(?P<unit>horas|días|dias|semanas|meses|años|anos)(?!\w)",
            "en las próximas semanas" if es else "nas próximas semanas",
        ),
        (
            "offset",
            "offset",
            rf"{p['num']}\s+(?P<unit>{p['units']})\s+"
            r"(?P<dir>después|más tarde|antes|depois|mais tarde)(?!\w)",
            "dos días después" if es else "dois dias depois",
        ),
        (
            "duration",
            "duration",
            r"(?:durante|desde hace|tras|por|en los últimos|nos últimos|após|há)\s+"
            rf"{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "tras dos meses" if es else "após dois meses",
        ),
    ]


def _slavic(p: Mapping[str, str], code: str) -> list[tuple[str, str, str, str]]:
    ru = code == "ru"
    year_word = r"(?:\s*(?:года|году|год|г\.))?" if ru else r"(?:\s*(?:року|році|рік|р\.))?"
    prep = r"(?:в|во|у|с|со|до|к|на|з|із|после|після|начиная с)"
    # "Накануне" alone is the day before; "накануне выборов" is the eve of something else.
    # So it must be followed by a preposition, a pronoun, a past verb, or a subject that is
    # plainly nominative (a consonant or "-ий" ending, not "-ов"/"-ів") and then a past verb.
    past = (
        r"\w+(?:л|ла|ло|ли|лся|лась|лось|лись)" if ru else r"\w+(?:в|ла|ло|ли|лася|лося|лись|лися)"
    )
    subject = r"\w+(?:[бвгджзклмнпрстфхцчшщ](?<!ов)(?<!ев)(?<!ів)(?<!їв)|ий|ый|ой)"
    eve_next = (
        r"в|во|на|с|со|о|об|по|у|из|к|за|вечером|утром|днем|днём|ночью|он|она|они|мы|я|"
        r"стало|сообщалось|(?!(?:недели|земли|ралли)\b)\w+(?:л|ла|ло|ли|лся|лась|лось|лись)"
        if ru
        else r"в|у|на|з|із|зі|о|об|по|до|ввечері|вранці|вдень|вночі|він|вона|вони|ми|я|"
        r"стало|було|\w+(?:ив|ав|ла|ло|ли|лася|лося|лись|лися)"
    ) + rf"|{subject}\s+{past}"
    return [
        (
            "day month year",
            "date",
            rf"{p['wd_prefix']}{DAY}(?:-?(?:го|е|ого))?\s+(?P<m>{p['mon']})"
            rf"(?:\s+{YEAR}{year_word})?{TIME_AFTER}",
            "30 марта 2017 года" if ru else "30 березня 2017 року",
        ),
        (
            "month year",
            "month",
            rf"(?:{prep}\s+)?(?P<m>{p['mon']})\s+{YEAR}{year_word}",
            "в октябре 2020 года" if ru else "у жовтні 2020 року",
        ),
        (
            "month",
            "month",
            rf"(?:{prep}|в начале|в конце|в середине|на початку|наприкінці|в середині|"
            rf"у середині|до конца|к концу|до кінця)\s+(?P<m>{p['mon_full']}){_E}(?!\s+\d)",
            "в октябре" if ru else "у жовтні",
        ),
        (
            "weekday",
            "weekday",
            rf"(?:в|во|у)\s+(?:(?P<mod>{p['past_next']}|эту|этот|это|цю|цей)\s+)?"
            rf"(?P<wd>{p['wd']}){_E}",
            "в понедельник" if ru else "у понеділок",
        ),
        (
            "deictic",
            "deictic",
            r"(?P<rel>сегодня|вчера|завтра|позавчера|послезавтра|сьогодні|вчора|учора|"
            r"позавчора|післязавтра)(?!\w)",
            "вчера" if ru else "вчора",
        ),
        (
            "last/this/next unit",
            "unit",
            r"(?:(?:в|на|у)\s+)?(?P<mod>прошлом|прошлой|этом|этой|следующем|следующей|"
            r"текущем|минувшем|минулого|цього|наступного|минулому|наступному|поточного)\s+"
            r"(?P<unit>году|месяце|неделе|року|місяця|тижня|році|місяці|тижні)(?!\w)",
            "в прошлом году" if ru else "минулого року",
        ),
        (
            "clock time",
            "clock",
            r"(?:в|около|о|до|після|после)\s+(?P<hh>2[0-3]|[01]?\d)[:.](?P<mi>[0-5]\d)"
            r"(?:\s*(?P<tz>мск))?(?!\d)",
            "в 21:00" if ru else "о 21:00",
        ),
        (
            "ago",
            "ago",
            rf"(?:{p['num']}\s+)?(?P<unit>{p['units']})\s+(?P<dir>назад|тому)(?!\w)",
            "восемь лет назад" if ru else "вісім років тому",
        ),
        (
            "offset",
            "offset",
            rf"(?P<dir>спустя|через)\s+{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "спустя два дня" if ru else "через два дні",
        ),
        (
            "duration",
            "duration",
            r"(?:в течение|за|на протяжении|протягом|впродовж)\s+"
            rf"{p['num']}\s+(?P<unit>{p['units']})(?!\w)",
            "в течение двух лет" if ru else "протягом двох років",
        ),
        (
            "the day before",
            "eve",
            rf"(?P<rel>{'накануне' if ru else 'напередодні'})(?=\s*[,.;:!?)—–-]|\s*$|"
            rf"\s+(?:{eve_next})(?!\w))",
            "Накануне" if ru else "Напередодні",
        ),
        (
            "start/end of unit",
            "part",
            (
                r"(?:в\s+(?:начале|конце|середине)|до\s+конца|к\s+концу)\s+"
                r"(?:(?P<mod>этого|прошлого|следующего|"
                r"текущего)\s+)?(?P<unit>месяца|года|недели)(?!\w)"
                if ru
                else r"(?:на\s+початку|наприкінці|[ву]\s+кінці|[ву]\s+середині|до\s+кінця)\s+"
                r"(?:(?P<mod>цього|минулого|наступного|поточного)\s+)?"
                r"(?P<unit>місяця|року|тижня)(?!\w)"
            ),
            "В начале месяца" if ru else "на початку місяця",
        ),
        (
            "weekend",
            "weekend",
            (
                r"(?:(?:в|на)\s+)?(?P<mod>минувшие|прошлые|эти|следующие|ближайшие|минувших|"
                r"прошлых|этих|следующих|ближайших)\s+выходн(?:ые|ых)(?!\w)|на\s+выходных(?!\w)"
                if ru
                else r"(?:(?:у|в|на)\s+)?(?P<mod>минулі|наступні|ці|найближчі|минулих|"
                r"наступних|цих|найближчих)\s+вихідн(?:і|их)(?!\w)|на\s+вихідних(?!\w)"
            ),
            "В минувшие выходные" if ru else "минулих вихідних",
        ),
        (
            "coming weeks",
            "ref",
            (
                r"в\s+ближайш(?:ие\s+(?P<unit>дни|недели|месяцы|годы|часы)|ее\s+время)(?!\w)"
                if ru
                else r"(?:найближчими\s+(?P<unit>днями|тижнями|місяцями|роками)|"
                r"найближчим\s+часом|[ву]\s+найближчі\s+(?P<unit2>дні|тижні|місяці|роки))(?!\w)"
            ),
            "в ближайшие недели" if ru else "найближчими тижнями",
        ),
        (
            "season",
            "season",
            r"(?P<mod>прошлой|прошлым|этой|этим|следующей|следующим|минувшей|минувшим|"
            r"минулої|минулого|цієї|цього|наступної|наступного)\s+"
            rf"(?P<season>{p['seasons']}){_E}",
            "прошлой зимой" if ru else "Минулої зими",
        ),
        (
            "decade",
            "decade",
            r"(?:(?:в|во|у|с|з|до|к|на)\s+)?(?P<dec>1\d{2}0|20[0-2]0)-?(?:х|е|ые|ых|ті|тих)"
            r"(?:\s+(?:годах|годов|годы|года|роках|років|роки|рр\.|гг\.))?(?!\w)",
            "в 1960-х годах" if ru else "у 1990-х роках",
        ),
        (
            "year",
            "year",
            rf"(?:{prep}\s+)?(?P<y>1\d{{3}}|20\d\d){year_word}(?!\w|[.,]\d)",
            "после 2022 года" if ru else "після 2022 року",
        ),
    ] + ([] if ru else _ukrainian_only())


def _ukrainian_only() -> list[tuple[str, str, str, str]]:
    return [
        (
            "weekday genitive",
            "weekday",
            r"(?P<mod>минулого|наступного|минулої|наступної|цього|цієї)\s+"
            r"(?P<wd>понеділка|вівторка|середи|четверга|п['’]ятниці|суботи|неділі)(?!\w)",
            "минулого понеділка",
        ),
        (
            "year word",
            "yearword",
            rf"(?P<rel>{_alt(YEAR_WORDS)})(?!\w)",
            "Торік",
        ),
    ]


_UNIVERSAL = (
    Pattern(
        "iso date",
        "numeric_iso",
        re.compile(
            r"(?<![\w/.-])(?P<y>1[89]\d\d|20\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)"
            r"(?:[T ](?P<hh>2[0-3]|[01]\d):(?P<mi>[0-5]\d))?"
        ),
        "2020-01-17",
    ),
    Pattern(
        "numeric date",
        "numeric",
        re.compile(
            r"(?<![\w/.:-])(?<!\d[,.])(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)"
            r"(?P<y>1[89]\d\d|20\d\d)(?![\w/]|[.,:-]\d)(?:,?\s+(?P<hh>2[0-3]|[01]?\d):"
            rf"(?P<mi>[0-5]\d)\s*(?P<ap>{AMPM})?)?"
        ),
        "16/05/2020, 12:36 PM",
    ),
    Pattern(
        "day/month",
        "numeric",
        re.compile(r"(?<![\w/.:,-])(?P<a>[0-3]\d)/(?P<b>[01]\d)(?![\w/]|[.,:-]\d)"),
        "16/05",
    ),
    Pattern(
        "time then date",
        "numeric",
        re.compile(
            r"(?<![\w:.])(?P<hh>2[0-3]|[01]?\d):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|MSK|CET)?\s+"
            r"(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>1[89]\d\d|20\d\d)(?!\d)"
        ),
        "22:57 GMT 28.04.2020",
    ),
    Pattern(
        "year",
        "year",
        re.compile(
            r"(?<![\w$€£#№@/:])(?<!\d[-.,])(?P<y>1[89]\d\d|20\d\d)"
            r"(?!\w|[.,:/]\d|-\d(?!\d{3})|\s?%|\s?(?:percent|km|kg|mph|euros?|dollars?|\$|€))"
        ),
        "2017",
    ),
)


def _patterns(code: str) -> tuple[Pattern, ...]:
    capital = code in ("en", "de")  # month and weekday names are capitalised there
    months = MONTHS[code]
    full = [m for m in months if m not in _MONTH_ABBREVIATIONS]
    abbreviations = [m for m in months if m in _MONTH_ABBREVIATIONS]
    name = _cap if capital else _ci
    num = rf"(?P<n>(?<![\d,.])\d{{1,3}}(?:[.,]5)?|{_ci(NUMBERS[code])})"
    parts = {
        "mon": rf"(?:{name(full)}|(?:{name(abbreviations)})(?:\.|(?![\w'’])))"
        if abbreviations
        else name(full),
        "mon_full": name(full),
        "wd": name(WEEKDAYS[code]),
        "wd_prefix": rf"(?:(?P<wd>{name(WEEKDAYS[code])}|{_ci(_WEEKDAY_SHORT[code])})\.?,?\s+)?",
        "units": _ci(UNITS[code]),
        "num": num,
        "num2": num.replace("?P<n>", "?P<n2>"),
        "seasons": _ci(SEASONS),
        "past_next": _alt(w for w in PAST_WORDS | NEXT_WORDS if _CYRILLIC.match(w)),
    }
    if code == "en":
        table = _english(parts)
    elif code == "de":
        table = _german(parts)
    elif code == "fr":
        table = _french(parts)
    elif code in ("es", "pt"):
        table = _iberian(parts, code)
    else:
        table = _slavic(parts, code)
    flags = 0 if capital else re.I
    own = tuple(
        Pattern(name, kind, re.compile(_B + regex, flags), example)
        for name, kind, regex, example in table
    )
    return own + _UNIVERSAL


PATTERNS = {code: _patterns(code) for code in LANGUAGES}


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
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"»”’)\]]*+\s++(?=[\"«“„(\[]?[^\W\d_a-zа-яё])|\n+")


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


# German writes the part of the day into the weekday: "am Dienstagabend".
_WEEKDAY_COMPOUNDS = {
    "de": [
        day + part
        for day in WEEKDAYS["de"]
        for part in "morgen vormittag mittag nachmittag abend nacht".split()
    ]
}


def _trigger_table(code: str) -> dict[str, frozenset[str]]:
    """Lower-case word -> trigger kinds (for phrases, their longest word)."""
    extra_units = {"de": "monats jahres", "ru": "году месяце неделе", "uk": "року році місяця"}
    sources: tuple[tuple[str, Iterable[str]], ...] = (
        ("month", MONTHS[code]),
        ("weekday", WEEKDAYS[code]),
        ("unit", UNITS[code]),
        ("unit", [*extra_units.get(code, "").split(), "тижня", "тижні", "місяці"]),
        ("deictic", DEICTIC),
        ("season", SEASONS),
        ("rel", _RELATIVE_TRIGGERS[code].split()),
        ("weekday", _WEEKDAY_COMPOUNDS.get(code, ())),
    )
    table: dict[str, set[str]] = {}
    for kind, words in sources:
        for word in words:
            pieces = _LETTERS.findall(word.lower())
            if pieces:
                table.setdefault(max(pieces, key=len), set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in table.items()}


TRIGGERS = {code: _trigger_table(code) for code in LANGUAGES}
_BEFORE, _AFTER = 45, 70  # how far a pattern may reach around its trigger word
_DIGITS = re.compile(r"\d+")


def _trigger_spots(text: str, code: str) -> dict[str, list[tuple[int, int]]]:
    """Where the trigger words and numbers are, per trigger kind."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters change length when lower-cased
        lower = text
    table = TRIGGERS[code]
    spots: dict[str, list[tuple[int, int]]] = {"digit": [m.span() for m in _DIGITS.finditer(text)]}
    for word in set(_LETTERS.findall(lower)) & table.keys():
        i = lower.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not lower[i - 1].isalpha()) and (
                j == len(lower) or not lower[j].isalpha()
            ):
                for kind in table[word]:
                    spots.setdefault(kind, []).append((i, j))
            i = lower.find(word, j)
    return spots


def _windows(spans: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    size = len(text)
    for start, end in sorted(spans):
        lo, hi = max(0, start - _BEFORE), min(size, end + _AFTER)
        while hi < size and text[hi].isalnum():  # never cut a word: lookaheads must see it
            hi += 1
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


def _a_name(text: str, m: re.Match[str]) -> bool:
    """Is a year-less day or month part of a name rather than a date?"""
    groups = m.groupdict()
    if groups.get("y"):
        return False
    if groups.get("d") and (
        _NAME_AFTER_DATE.match(text, m.end())
        or _NAME_BEFORE_DATE.search(text, max(0, m.start() - 20), m.start())
    ):
        return True
    month = groups.get("m") or ""
    return month == "March" and not groups.get("d") and bool(_MARCH_AS_NOUN.match(text, m.end()))


def scan(text: str, language: str | None = None) -> Scan:
    """Find the temporal expressions; where patterns overlap the longest match wins."""
    norm, to_orig = _nfc(text)
    code = (language or "")[:2].lower()
    if code not in PATTERNS:
        code = detect_language(norm)
    spots = _trigger_spots(norm, code)
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}
    found: list[tuple[int, int, int, re.Match[str], Pattern]] = []
    for order, pattern in enumerate(PATTERNS[code]):
        if pattern.needs not in windows:
            spans = (span for kind in pattern.needs for span in spots.get(kind, ()))
            windows[pattern.needs] = _windows(spans, norm)
        for lo, hi in windows[pattern.needs]:
            for m in pattern.regex.finditer(norm, lo, hi):
                if m.end() - m.start() < 2:
                    continue
                if pattern.kind == "year" and code == "en" and _counted(norm, *m.span()):
                    continue
                if pattern.kind == "year" and _quoted_title(norm, *m.span()):
                    continue
                if pattern.kind == "year" and _reference_number(norm, m.start()):
                    continue
                if pattern.kind in ("date", "month") and _a_name(norm, m):
                    continue
                if pattern.kind in ("date", "month", "weekday"):
                    groups = m.groupdict()
                    name = "wd" if groups.get("wd") else "m" if groups.get("m") else 0
                    if _part_of_a_name(norm, m.start(name)):
                        continue
                found.append((m.end() - m.start(), order, m.start(), m, pattern))
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    taken = bytearray(len(norm))
    chosen: list[Match] = []
    for size, _, start, m, pattern in found:
        if taken.find(1, start, start + size) >= 0:
            continue
        taken[start : start + size] = b"\x01" * size
        chosen.append(Match(start, start + size, pattern, m.groupdict()))
    chosen.sort(key=lambda c: c.start)
    return Scan(norm, text, code, tuple(chosen), tuple(sentence_spans(norm)), to_orig)


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


_GRAIN_ORDER = {"D": 0, "W": 0, "M": 1, "Y": 2, "DE": 2, "CE": 2}
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
    lower = text.lower()
    if len(lower) != len(text):
        lower = text
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
    return _ALL_NUMBERS.get(key)


def _shift(day: date, amount: float, unit: str) -> date:
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = round({"M": 1, "Y": 12, "DE": 120, "CE": 1200}[unit] * amount)
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1) if index >= 12 else date(1, 1, 1)


def _format(point: _Point) -> str:
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
        if explicit:
            self.last_explicit = (point, sentence)

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
        kind = match.pattern.kind
        sentence = self.sentence_of(match.start)
        mod = _key(g.get("mod") or g.get("mod2"))
        direction = -1 if mod in PAST_WORDS else 1 if mod in NEXT_WORDS else 0
        if direction == 0 and kind in ("date", "month", "weekday", "season", "numeric"):
            direction = 1 if self.future_cue(match, sentence) else 0
        if kind in ("date", "numeric", "numeric_iso"):
            return self.calendar_date(match, sentence, direction)
        if kind == "month":
            return self.month(match, sentence, direction)
        if kind == "year":
            year = int(g["y"] or 0)
            self.remember(_Point(date(year, 1, 1), "Y"), sentence, False)
            return f"{year:04d}", "DATE", True
        if kind == "decade":
            return (g["dec"] or "")[:3], "DATE", True
        if kind == "century":
            number = int(g["cent"]) if g.get("cent") else _roman(g.get("roman") or "")
            return (f"{number - 1:02d}" if 0 < number < 22 else None), "DATE", True
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
        return self.ago(match), "DATE", False

    def year_for(
        self, month: int, day: int, sentence: int, direction: int, slack: int = 1
    ) -> int | None:
        """The year of a year-less day and month.

        Pointing ahead, a date goes to next year once it is more than `slack` days behind the
        reference: a date only weeks back is told in the narrative future ("Le Monde attendra
        son édition du 13 mai"), not scheduled eleven months ahead.
        """
        anchor = self.anchor
        ref = self.recent(self.last_explicit, sentence, 3, paragraph=False)
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
        return anchor.year - (guess > anchor + timedelta(days=62))

    def calendar_date(
        self, match: Match, sentence: int, direction: int
    ) -> tuple[str | None, str, bool]:
        g = match.groups
        kind = match.pattern.kind
        if kind == "numeric_iso":
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
            else self.year_for(month, day, sentence, direction, _NARRATIVE_FUTURE_DAYS)
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
        self.remember(_Point(real, "D"), sentence, explicit)
        time = _time(g)
        return real.isoformat() + time, "TIME" if time else "DATE", explicit

    def month(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        g = match.groups
        month = _ALL_MONTHS[_key(g["m"])]
        if g.get("y"):
            year = int(g["y"] or 0)
            self.remember(_Point(date(year, month, 1), "M"), sentence, True)
            return f"{year:04d}-{month:02d}", "DATE", True
        found = self.year_for(month, 1, sentence, direction)
        if found is None:
            return f"XXXX-{month:02d}", "DATE", False
        if direction < 0 and self.anchor is not None and found == self.anchor.year:
            found -= month > self.anchor.month
        self.remember(_Point(date(found, month, 1), "M"), sentence, False)
        return f"{found:04d}-{month:02d}", "DATE", False

    def season(self, match: Match, sentence: int, direction: int) -> tuple[str | None, str, bool]:
        g = match.groups
        season = SEASONS[_key(g.get("season") or g.get("season2") or g.get("season3"))]
        if g.get("y"):
            year = int(g["y"] or 0)
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

    def ago(self, match: Match) -> str:
        g = match.groups
        unit = _unit(g.get("unit") or g.get("unit2"))
        amount = _number(g.get("n") or g.get("n2"))
        if amount is None and not (g.get("n") or g.get("n2")):
            amount = 1  # "год назад"
        if unit is None or not amount or amount > 5000:
            return "PAST_REF"
        day = _shift(self.anchor or date.min, -amount, unit)
        grain = "M" if unit in ("Y", "DE", "CE") and amount % 1 else unit
        return _format(_Point(day, "Y" if grain in ("DE", "CE") else grain))

    def offset(self, match: Match, sentence: int) -> tuple[str | None, str, bool]:
        """ "Four days later": from the date just before, if there is one; else a duration."""
        g = match.groups
        unit = _unit(g.get("unit"))
        amount = _number(g.get("n"))
        ref = self.recent(self.last_any, sentence, 1, paragraph=True)
        if unit is None or not amount or ref is None:
            return self.duration(match), "DURATION", False
        sign = OFFSET_SIGNS.get(_key(g.get("dir")), 1)
        grain = unit if _GRAIN_ORDER[unit] > _GRAIN_ORDER[ref.grain] else ref.grain
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
        return f"P{amount:g}{unit}" if amount else f"PX{unit}"


def resolve(found: Scan, anchor: date | None) -> list[Expression]:
    """Values for every span of `found`, relative ones read against `anchor`."""
    resolver = _Resolver(found, anchor)
    marks = copyright_positions(found.text)
    expressions = []
    for match in found.matches:
        try:
            value, kind, explicit = resolver.resolve(match)
        except (OverflowError, ValueError):  # date arithmetic beyond year 1 or 9999
            value, kind, explicit = None, "DATE", False
        copyright = in_copyright_line(marks, found.text, match.start, match.end)
        role = "copyright" if copyright else "claim"
        start, end = found.to_orig(match.start), found.to_orig(match.end)
        expressions.append(
            Expression(
                text=found.original[start:end],
                start=start,
                value=value,
                type=kind,
                role=role,
                sentence=resolver.sentence_of(match.start),
                explicit=explicit,
                kind=match.pattern.kind,
            )
        )
    return expressions


def find_expressions(
    text: str, anchor: date | None, language: str | None = None
) -> list[Expression]:
    """Temporal expressions in `text`, relative ones read against `anchor`."""
    return resolve(scan(text, language), anchor)
