"""What republished text says about its origin: notices, wire credits and the wires' domains."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wire:
    """A news agency: how texts credit it and the domains where its own copy lives."""

    name: str
    aliases: tuple[str, ...]  # case-sensitive, as credited in text
    domains: tuple[str, ...]


WIRES = (
    Wire(
        "Reuters",
        ("Reuters", "REUTERS", "Thomson Reuters", "Рейтер", "Рейтерс"),
        ("reuters.com", "thomsonreuters.com"),
    ),
    Wire(
        "The Associated Press",
        ("AP", "Associated Press", "The Associated Press", "Ассошиэйтед Пресс"),
        ("apnews.com", "ap.org"),
    ),
    Wire("AFP", ("AFP", "Agence France-Presse", "Agence France Presse", "АФП"), ("afp.com",)),
    Wire("TASS", ("ТАСС", "ИТАР-ТАСС", "TASS", "ITAR-TASS"), ("tass.ru", "tass.com")),
    Wire("RIA Novosti", ("РИА Новости", "RIA Novosti"), ("ria.ru",)),
    Wire(
        "Interfax",
        (
            "Интерфакс",
            "ИНТЕРФАКС",
            "Інтерфакс",
            "Інтерфакс-Україна",
            "ІНТЕРФАКС-УКРАЇНА",
            "Интерфакс-Украина",
            "Interfax",
            "Interfax-Ukraine",
        ),
        ("interfax.ru", "interfax.com", "interfax.com.ua"),
    ),
    Wire("Ukrinform", ("Укрінформ", "Укринформ", "Ukrinform"), ("ukrinform.ua", "ukrinform.net")),
    Wire("UNIAN", ("УНІАН", "УНИАН", "UNIAN"), ("unian.ua", "unian.net", "unian.info")),
    Wire("BelTA", ("БелТА", "BelTA"), ("belta.by",)),
    Wire("dpa", ("dpa", "DPA", "dpa-AFX", "Deutsche Presse-Agentur"), ("dpa.com", "dpa.de")),
    Wire("epd", ("epd",), ("epd.de",)),
    Wire("KNA", ("KNA",), ("kna.de",)),
    Wire("EFE", ("EFE", "Agencia EFE"), ("efe.com",)),
    Wire("Europa Press", ("Europa Press", "EUROPA PRESS"), ("europapress.es",)),
    Wire("Lusa", ("Lusa", "Agência Lusa"), ("lusa.pt",)),
    Wire("Agência Brasil", ("Agência Brasil",), ("ebc.com.br",)),
    Wire("ANSA", ("ANSA",), ("ansa.it",)),
    Wire("Xinhua", ("Xinhua", "Синьхуа", "新华社"), ("xinhuanet.com", "news.cn")),
    Wire("Kyodo", ("Kyodo", "Kyodo News"), ("kyodonews.net",)),
    Wire("Yonhap", ("Yonhap",), ("yna.co.kr",)),
    Wire("UPI", ("UPI", "United Press International"), ("upi.com",)),
    Wire("PTI", ("PTI",), ("ptinews.com",)),
    Wire("Bloomberg", ("Bloomberg",), ("bloomberg.com",)),
    Wire(
        "The Canadian Press",
        ("The Canadian Press", "Canadian Press", "CP", "La Presse Canadienne"),
        ("thecanadianpress.com",),
    ),
)
WIRE_BY_ALIAS = {alias: wire for wire in WIRES for alias in wire.aliases}
WIRE_BY_DOMAIN = {domain: wire for wire in WIRES for domain in wire.domains}
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
# Reuters' house style: "(Reporting by …; editing by …)".
REUTERS_CREDIT = re.compile(
    r"\(?\b(?:Additional |Further )?[Rr]eporting by [^\n;()]{3,200};\s*"
    r"(?:[Ww]riting by [^\n;()]{3,200};\s*)?[Ee]diting by [^\n()]{3,200}\)?"
)
# A byline line naming an agency near the top: "By The Associated Press", "By JANE DOE Reuters".
HEAD_BYLINE = re.compile(
    rf"^(?:By|Von|Par|Por|От|Від)\s+(?:[^\n]{{0,60}}?[\s,]+)?(?P<name>{_WIRE_ALT})"
    r"(?:\s+(?:Staff|Writers?|Reporters?))?\.?[ \t]*$",
    re.M,
)
# "… — AP" or a last line that is only "(AFP)".
TRAILING_WIRE = re.compile(
    rf"(?:[-–—]\s*\(?(?P<name>{_WIRE_ALT})\)?|^\(?(?P<alone>{_WIRE_ALT})\)?)\.?[ \t]*$", re.M
)
TAIL_LINES = 3
# Credit lines ("Mit Material von dpa", "Le Monde avec AFP") may stand in the last lines or
# as a byline near the top.
CREDIT_TAIL_LINES = 6

# "Kyiv. 12 березня. ІНТЕРФАКС-УКРАЇНА - …": the agency after the place and date.
NAME_DASH_DATELINE = re.compile(
    rf"^(?P<lead>[^\n]{{2,60}}?\d[^\n]{{0,20}}?)[.,]\s+(?P<name>{_WIRE_ALT})\s*[-–—]\s", re.M
)
# Outlets known to open stories with a place-less "(CNN) —"; a wire needs no list.
PLACELESS_OUTLETS = frozenset(("CNN", "CNN Business", "CNN Español", "NEXSTAR", "NewsNation"))
# "WATCH (VIDEO) —", "UPDATE (Wednesday) —": editorial labels, not a place and an outlet.
EDITORIAL_LABELS = frozenset(
    """
    video videos photo photos audio watch listen live update updated breaking exclusive
    opinion analysis gallery map podcast vídeo vidéo фото видео відео оновлено обновлено
    """.split()
)

_WIRE_ITEM = rf"(?:(?:the|la|el|a|o|das|der|die)\s+|l['’]\s*)?(?:{_WIRE_ALT})(?![\w-])"
_MORE_ITEM = (
    rf"(?:{_WIRE_ITEM}|(?i:(?:other |otras |outras |andere |autres )?"
    r"(?:agenc\w*|agentur\w*|agências|агентств\w*|wires)))"
)
_SEP = r"\s*(?:,|/|&|\+|\b(?:and|und|et|y|e|и|і|та)\b)\s*"
_LINE_END = r"\s*[)\].]*[*_]*[ \t]*$"
# A line that credits wires for the text: "(Avec AFP)", "Le Monde avec AFP", "Mit Material
# von dpa", "(Con información de EFE y Reuters)", "Com Reuters e AFP", "По материалам
# Reuters и AFP", "With reporting from Reuters".
CREDIT_LINE = re.compile(
    r"^[ \t]*+[*_(\[—–-]*+[ \t]*+"
    # the outlet before "avec": "Le Monde avec AFP", "La rédaction avec l'AFP"
    r"(?:(?:[A-ZÀ-ÝА-ЯЁІЇЄ][\w'’.-]*\s+){1,4}(?=(?i:avec)\b)|(?i:la rédaction\s+))?(?i:"
    r"(?:with |additional )?(?:reporting|information) (?:from|by)|with files from"
    r"|mit (?:material|informationen) (?:von|der|des|aus)(?: den)?"
    r"(?: (?:nachrichten)?agenturen?)?"
    r"|avec(?: les agences)?"
    r"|con (?:información|informaciones) de(?: las agencias| la agencia)?"
    r"|com(?: informações d[aoe]s?)?(?: agências?)?"
    r"|(?:подготовлено )?по материалам(?: агентств[а]?)?"
    r"|(?:підготовлено )?за матеріалами(?: агентств[а]?)?"
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
DATA_SOURCE = re.compile(
    r"statisti|\bcensus|\bbureau|\bministr|\bdepartment|\bsurvey|\binstitut|\bdata\b"
    r"|\bINE\b|\bIBGE\b|\bINSEE\b|\bDestatis|Eurostat|Росстат|Держстат|статисти|міністерств"
    r"|министерств|\bministère|\bministerio|\bministério|\bbundesamt",
    re.I,
)

_I = re.I | re.M

_TEXT_NOUNS = (
    r"article|story|piece|post|essay|column|interview|op-ed|commentary|text|version"
    r"|artikel|beitrag|kommentar|gastbeitrag|texte|entretien|tribune|billet|chronique"
    r"|artículo|texto|nota|columna|entrevista|artigo|matéria|coluna|reportagem"
    r"|статья|статью|материал|публикация|интервью|колонка|текст"
    r"|стаття|статтю|матеріал|публікація|інтерв['’]ю"
)
# "This article …", "Cette tribune …", "Этот материал …" anywhere before the notice; a bare
# "Der Text …", "Материал …" only where the sentence starts.
ABOUT_THIS = re.compile(
    r"\b(?:this|these|dieser|diese|dieses|cet|cette|ce|este|esta|этот|эта|эту|данный|данная"
    rf"|настоящий|цей|ця|цю|даний|дана)\s+(?:\w+\s+)?(?:{_TEXT_NOUNS})\b"
    r"|^\W*(?:(?:der|die|das|le|la|l['’]|el|o)\s*)?"
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


def _notice(
    kind: str,
    lang: str,
    regex: str,
    example: str,
    name: str | None,
    *,
    needs_name: bool = True,
    tail_only: bool = False,
    about_this: bool = False,
    triggers: tuple[str, ...] = (),
    edge_line: bool = False,
) -> Notice:
    pattern = re.compile(regex, _I)
    return Notice(
        kind, lang, pattern, example, name, needs_name, tail_only, about_this, triggers, edge_line
    )


_SOURCE_LINE = r"^[ \t]*(?:{})[ \t]*:"

NOTICES = (
    # English
    _notice(
        "notice",
        "en",
        r"\bthe original source of this (?:article|story|text|post|piece) is\b:?",
        "The original source of this article is InfoBrics",
        "InfoBrics",
        needs_name=False,
        triggers=("original source",),
    ),
    _notice(
        "notice",
        "en",
        r"\b(?:originally|first) (?:published|posted|appeared|ran) (?:at|in|by|on)\b",
        "This article was originally published on The Conversation.",
        "The Conversation",
        about_this=True,
        triggers=(
            "originally publ",
            "originally post",
            "originally appe",
            "originally ran",
            "first publ",
            "first post",
            "first appe",
            "first ran",
        ),
    ),
    _notice(
        "notice",
        "en",
        r"\b(?:republished|reproduced|reposted)(?: here)? with (?:kind )?permission"
        r"(?: (?:from|of|by))?",
        "This story is republished with permission from Grist.",
        "Grist",
        needs_name=False,
        triggers=("with permission", "with kind permission"),
    ),
    _notice(
        "notice",
        "en",
        r"\b(?:republished|reprinted|cross-posted|crossposted|reposted)"
        r"(?: with (?:kind )?permission)? from\b",
        "Reprinted from Foreign Policy with permission.",
        "Foreign Policy",
        needs_name=False,
        triggers=("republished", "reprinted", "cross-posted", "crossposted", "reposted"),
    ),
    _notice(
        "notice",
        "en",
        r"\bis republished under a creative commons licen[cs]e\b",
        "The Conversation piece is republished under a Creative Commons license.",
        None,
        needs_name=False,
        triggers=("creative commons",),
    ),
    _notice(
        "notice",
        "en",
        r"^[ \t]*(?:(?:this )?(?:article|story|text|post) (?:is )?)?courtesy of\b",
        "This story is courtesy of Forests News.",
        "Forests News",
        triggers=("courtesy of",),
        edge_line=True,
    ),
    _notice(
        "source_line",
        "en",
        _SOURCE_LINE.format("source|via|original source"),
        "Source: Reuters",
        "Reuters",
        tail_only=True,
    ),
    _notice(
        "translation",
        "en",
        r"\btranslated (?:(?:into \w+ )?from|by \S+(?: \S+)? from)\b",
        "Translated from Le Monde by Jane Doe.",
        "Le Monde",
        about_this=True,
        triggers=("translated",),
    ),
    # German
    _notice(
        "notice",
        "de",
        r"\b(?:erschien|erschienen) (?:zuerst|ursprünglich|erstmals) (?:bei|in|im|auf)\b",
        "Dieser Artikel erschien zuerst bei netzpolitik.org.",
        "netzpolitik.org",
        about_this=True,
        triggers=("erschien",),
    ),
    _notice(
        "notice",
        "de",
        r"\b(?:zuerst|ursprünglich|erstmals) veröffentlicht (?:bei|in|im|auf|von)\b",
        "Der Text wurde zuerst veröffentlicht auf Zeit Online.",
        "Zeit Online",
        about_this=True,
        triggers=("veröffentlicht",),
    ),
    _notice(
        "notice",
        "de",
        r"\berstveröffentlichung(?:\s*:|\s+(?:bei|in|im|auf))",
        "Erstveröffentlichung: Frankfurter Rundschau",
        "Frankfurter Rundschau",
        triggers=("erstveröffentlichung",),
    ),
    _notice(
        "source_line", "de", _SOURCE_LINE.format("quelle"), "Quelle: dpa", "dpa", tail_only=True
    ),
    # French
    _notice(
        "notice",
        "fr",
        r"\b(?:initialement|originellement|d['’]abord|précédemment|originalement)"
        r" (?:été )?(?:paru|publiée?)\s+(?:sur|dans|par|chez)\b",
        "Cet article a été initialement publié sur The Conversation.",
        "The Conversation",
        about_this=True,
        triggers=("initialement", "originellement", "abord", "précédemment", "originalement"),
    ),
    _notice(
        "notice",
        "fr",
        r"\b(?:paru|publiée?) (?:initialement|originellement|d['’]abord|à l['’]origine)"
        r"\s+(?:sur|dans|par|chez)\b",
        "Ce texte a été publié à l'origine dans Libération.",
        "Libération",
        about_this=True,
        triggers=("paru", "publié"),
    ),
    _notice(
        "notice",
        "fr",
        r"\brepubliée? avec (?:l['’])?autorisation (?:de|du|des)\b",
        "Article republié avec l'autorisation de Mediapart.",
        "Mediapart",
        needs_name=False,
        triggers=("republié",),
    ),
    _notice(
        "source_line",
        "fr",
        _SOURCE_LINE.format("source"),
        "Source : Agence France-Presse",
        "Agence France-Presse",
        tail_only=True,
    ),
    # Spanish
    _notice(
        "notice",
        "es",
        r"\b(?:publicad[oa]|aparecid[oa]|se public[óo]|apareci[óo]) (?:originalmente|"
        r"inicialmente|por primera vez) (?:en|por)\b",
        "Este artículo fue publicado originalmente en El País.",
        "El País",
        about_this=True,
        triggers=("originalmente", "inicialmente", "por primera vez"),
    ),
    _notice(
        "notice",
        "es",
        r"\boriginalmente publicad[oa] (?:en|por)\b",
        "Texto originalmente publicado en BBC Mundo.",
        "BBC Mundo",
        about_this=True,
        triggers=("originalmente",),
    ),
    _notice(
        "source_line", "es", _SOURCE_LINE.format("fuente"), "Fuente: EFE", "EFE", tail_only=True
    ),
    # Portuguese
    _notice(
        "notice",
        "pt",
        r"\b(?:publicad[oa]|divulgad[oa]) (?:originalmente|inicialmente|primeiro)"
        r" (?:em|no|na|pelo|pela|por)\b",
        "Este texto foi publicado originalmente no Nexo Jornal.",
        "Nexo Jornal",
        about_this=True,
        triggers=("originalmente", "inicialmente", "primeiro"),
    ),
    _notice(
        "notice",
        "pt",
        r"\boriginalmente publicad[oa] (?:em|no|na|pelo|pela|por)\b",
        "Artigo originalmente publicado na Agência Pública.",
        "Agência Pública",
        about_this=True,
        triggers=("originalmente",),
    ),
    _notice(
        "source_line",
        "pt",
        _SOURCE_LINE.format("fonte"),
        "Fonte: Agência Brasil",
        "Agência Brasil",
        tail_only=True,
    ),
    # Russian
    _notice(
        "notice",
        "ru",
        r"\bвпервые (?:был[аио]? )?опубликован[аоы]?(?:\s*:|\s+(?:в|во|на)\b)",
        "Материал впервые опубликован на сайте «Новая газета».",
        "Новая газета",
        about_this=True,
        triggers=("впервые",),
    ),
    _notice(
        "notice",
        "ru",
        r"\bоригинал (?:статьи|публикации|материала|текста)\b\s*[:—-]?(?:\s*(?:на|в)\b)?",
        "Оригинал публикации: Politico",
        "Politico",
        needs_name=False,
        triggers=("оригинал",),
    ),
    _notice(
        "notice",
        "ru",
        r"\bперепечатан[аоы]?(?: с разрешения)? (?:из|с сайта)\b",
        "Текст перепечатан из журнала «Эксперт».",
        "Эксперт",
        needs_name=False,
        triggers=("перепечатан",),
    ),
    _notice(
        "source_line",
        "ru",
        _SOURCE_LINE.format("источник"),
        "Источник: РИА Новости",
        "РИА Новости",
        tail_only=True,
    ),
    _notice(
        "translation",
        "ru",
        r"\bперевод(?: с [а-яё]+(?: языка)?)? (?:статьи|материала|публикации|текста)"
        r" (?:из|с сайта)\b",
        "Перевод статьи из The Guardian.",
        "The Guardian",
        triggers=("перевод",),
    ),
    # Ukrainian
    _notice(
        "notice",
        "uk",
        r"\bвперше (?:було )?опублікован[оаі]?(?:\s*:|\s+(?:в|у|на)\b)",
        "Матеріал вперше опубліковано на сайті «Українська правда».",
        "Українська правда",
        about_this=True,
        triggers=("вперше",),
    ),
    _notice(
        "notice",
        "uk",
        r"\bоригінал (?:статті|публікації|матеріалу|тексту)\b\s*[:—-]?(?:\s*(?:на|в|у)\b)?",
        "Оригінал статті: The Economist",
        "The Economist",
        needs_name=False,
        triggers=("оригінал",),
    ),
    _notice(
        "source_line",
        "uk",
        _SOURCE_LINE.format("джерело"),
        "Джерело: Укрінформ",
        "Укрінформ",
        tail_only=True,
    ),
    _notice(
        "translation",
        "uk",
        r"\bпереклад(?: з [а-яіїєґ'’]+(?: мови)?)? (?:статті|матеріалу|публікації|тексту)"
        r" (?:з|із|зі)\b",
        "Переклад статті з The New York Times.",
        "The New York Times",
        triggers=("переклад",),
    ),
)

# A name never starts with these: dates ("originally published on March 3") and pronouns.
NOT_A_NAME = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag
    samstag sonntag
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля
    август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря
    січень січня лютий лютого березень березня квітень квітня травень травня червень червня
    липень липня серпень серпня вересень вересня жовтень жовтня листопад листопада
    грудень грудня
    this that these those it here there we our us his her their its my i you your
    today yesterday print full
    """.split()
)
# Language names: "translated from Russian" names a language, not an outlet.
LANGUAGES = frozenset(
    """
    english german french spanish portuguese russian ukrainian italian polish chinese arabic
    japanese hebrew turkish dutch englischen deutschen französischen russischen anglais
    allemand russe espagnol ukrainien inglés alemán francés ruso inglês alemão francês russo
    английского немецкого французского украинского русского испанского
    англійської німецької французької російської української
    """.split()
)
# Small words that may sit inside a name ("Center for Research on Globalization").
NAME_JOINERS = frozenset(
    "of the for on and & de del la le les des du di da do das dos für der die das und y e "
    "et и і".split()
)
