"""Which of an article's links are citations in its own text, and which are page furniture.

Article.links holds every link the reader found in the main text. Sites put more than
citations there: bylines and author boxes, "Read:" teasers, tag lists, share and follow
buttons, newsletter and donation boxes. The rules below look only at the anchor text and the
line and sentence an anchor sits in, so they work the same for HTML pages and pasted text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from checks.domains import registered_domain
from checks.model import Article, Link, Region

# Lines that announce another article ("Read:", "À lire aussi »", "Читайте также"); the dates
# check skips them too, since a teaser dates that other article.
TEASER_LINE = re.compile(
    r"^\W{0,3}(?:read|read more|read also|also read|related|see also|more on this|recommended"
    r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch"
    r"|[àa] lire (?:aussi|également)|lire aussi|voir aussi|sur le même sujet"
    r"|le[ea] (?:también|más)|te puede interesar|leia (?:também|mais)|veja também"
    r"|читайте (?:также|також)|также читайте|смотрите также|по теме|дивіться також"
    r"|читати також)\b\s*[:»>\-–—]?",
    re.I,
)
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright\b)", re.I)
# "By <author>" (and its translations) right before an anchor.
# The line opens with it, after at most a date: "27 juin 2019 Par <Elba>".
_BY_BEFORE = re.compile(
    r"^\W{0,3}(?:\d[\w .,/:|-]{0,28}\s)?(?:by|par|von|por|autor|автор|від)\s*:?\s*$", re.I
)
# Labels that introduce a credit, which the article's own text includes: kept.
_CREDIT_LABEL = re.compile(
    r"^\W{0,3}(?:written by|text|photos?|fotos?|bild(?:er)?|images?|header image|credits?"
    r"|sources?|quelle|fuentes?|fontes?|via|courtesy of|источник|джерело|фото)\b",
    re.I,
)
# Anchors that are buttons or calls to action whatever sentence they sit in.
_CTA_ANCHOR = re.compile(
    r"\b(?:subscribe|sign up|newsletter|donate|become a (?:member|subscriber|patron)"
    r"|support us|comment on|share (?:this|on)|print this|email this|follow us"
    r"|read more|continue reading|submit a letter|write a (?:letter|guest opinion)"
    r"|privacy (?:policy|notice)|terms of (?:service|use)|(?:our )?tips? (?:page|line)"
    r"|send (?:us )?a tip|republish this (?:story|article)|creative commons licen[cs]e"
    r"|jetzt unterstützen|spenden|abonnieren|weiterlesen|datenschutz"
    r"|s'abonner|abonnez-vous|faire un don|lire la suite|mentions légales"
    r"|suscríbete|suscribirse|leer más|hazte socio|assine|leia mais"
    r"|подписаться|подпишитесь|читать далее|підписатися|читати далі)\b",
    re.I,
)
# Sentences asking the reader to do something: their links are buttons, not sources.
_CTA_SENTENCE = re.compile(
    r"\b(?:follow (?:us|me|him|her|them|[A-Z]\w+) on|subscribe to|sign up (?:for|to)"
    r"|(?:daily|weekly|our) newsletter|e-?mail (?:us|me|him|her|them) at"
    r"|letter to the editor|become a (?:member|subscriber|patron)|share button"
    r"|have a (?:news )?tip|republish (?:this|our) (?:story|article|stories|work)"
    r"|folgen sie|folgt uns|abonnieren sie|unterstützen sie|suivez-nous|abonnez-vous"
    r"|soutenez-nous|síguenos|suscríbete|siga-nos|inscreva-se"
    r"|подписывайтесь|подпишитесь на|підписуйтесь|підпишіться на)\b",
    re.I,
)
# One of these stands, lower-cased, in every match of _CTA_SENTENCE: a sentence holding none
# is not searched (most sentences; the case-insensitive search tries every position).
_CTA_NEEDLES = (
    "follow", "subscribe", "sign up", "letter", "mail", "become a", "share button", "have a",
    "republish", "folg", "abonn", "unterstützen", "suivez-nous", "soutenez-nous", "síguenos",
    "suscríbete", "siga-nos", "inscreva-se", "подпи", "підпи",
)  # fmt: skip
# Headings of a notes or sources section: the links listed under them are the citations.
_NOTES_HEADING = re.compile(
    r"^\W{0,3}(?:(?:foot|end)?notes|sources|references|sources and notes|quellen|anmerkungen"
    r"|fußnoten|einzelnachweise|notes et références|références|fuentes|referencias|notas"
    r"|fontes|referências|источники|примечания|сноски|джерела|примітки|виноски)\W{0,3}$",
    re.I,
)
# A byline line of the text itself: "By MARIA GARCIA and TOM LEE".
_BYLINE_LINE = re.compile(r"^\W{0,3}(?:by|von|par|por|автор|від)\s*:?\s+(\D{3,80})$", re.I)
# Profile pages of the site's own writers.
_PROFILE_PATH = re.compile(
    r"/(?:authors?|autor(?:en)?|auteurs?|staff|people|profiles?|reporters?|journalists?"
    r"|contributors?|columnists?|writers?|avtor|avtory)/[^/?#]+",
    re.I,
)
# An end-of-article bio: "Rachel Okafor is a former fellow at …", "María López es periodista",
# "Hans Meier ist Korrespondent", "Иван Петров — политолог". Name, then a copula, then a role.
_TAGLINE = re.compile(
    r"^[\W_]{0,3}(?P<name>[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){1,4}?),?\s+"
    r"(?:is|was|serves as|has been|es|fue|ha sido|est|était|a été|ist|war|é|foi"
    r"|является|являлся|был|была|є|був|була|[—–-])\s+(?P<role>.{1,40})",
)
_ROLE = re.compile(
    r"\b(?:former|senior|professor|fellow|journalist|writer|author|columnist|contributor"
    r"|reporter|correspondent|editor|advis[eo]r|analyst|researcher|director|economist|lawyer"
    r"|attorney|president|chair|founder|co-founder|ceo|scientist|historian|lecturer|partner"
    r"|consultant|veteran|retired|freelance|expert|periodista|escritor|profes|investigador"
    r"|abogad|analista|columnista|corresponsal|catedr|exminist|polit[oó]log|fundador"
    r"|journaliste|écrivain|chercheu|économiste|avocat|analyste|directeur|directrice"
    r"|chroniqueu|correspondant|politologue|ancien|historien|enseignant"
    r"|korrespondent|autor(?:in)?\b|redakteur|ökonom|politolog|historiker|wissenschaftler"
    r"|leiter|publizist|kolumnist|forscher|ehemalig|früher|jornalista|pesquisador|advogad"
    r"|diretor|colunista|correspondente|historiador|политолог|журналист|писател|профессор"
    r"|исследовател|экономист|юрист|адвокат|аналитик|директор|обозревател|колумнист"
    r"|корреспондент|историк|эксперт|бывш|основател|доцент|социолог|публицист|редактор"
    r"|політолог|журналіст|письменни|професор|дослідни|економіст|аналітик|оглядач|колумніст"
    r"|кореспондент|історик|експерт|колишн|засновни|соціолог|публіцист)",
    re.I,
)
# A bio line reports nothing: one that attributes a statement is a sentence of the article.
_ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|told|reported|según|dijo|selon|a déclaré|laut|sagte"
    r"|segundo|disse|по данным|сообщ\w*|заявил\w*|сказал\w*|за даними|повідоми\w*|заяви\w*)\b",
    re.I,
)
# Words that open a sentence but never a person's name.
_NOT_A_NAME = frozenset(
    """the this that these those it he she they we our his her their there here a an
    el la los las este esta le les ce cette il elle der die das dieser diese er sie es
    o a os as este esta ele ela это этот эта он она они цей ця він вона вони""".split()
)
# Last words of an organisation's name: "Bipartisan Policy Center is a think tank …".
_ORG_WORD = re.compile(
    r"^(?:cent(?:er|re|ro|r)|institut\w*|council|foundation|fundaci[oó]n|funda[cç][aã]o"
    r"|fondation|stiftung|universit\w*|committee|agency|department|association|group|party"
    r"|company|inc|corp|news|press|times|post|ministr\w*|minist[eè]re|commission|bank|office"
    r"|service|union|fund|court|government|verband|zentrum|gruppe|партия|партія|фонд|центр"
    r"|институт|інститут|университет|університет|министерство|міністерство)$",
    re.I,
)
_NAME_PARTICLES = frozenset(
    "de del della di da dos das du van von der den ter bin al la le".split()
)
_TAGLINE_TAIL = 6  # non-empty lines at the end of the text where a bio may sit
_TAGLINE_MAX = 320  # characters: a bio is a short paragraph
_NOTES_SPAN = 60  # lines a notes section may run to
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.-]+$")
_SEPARATOR = r"[\s,;|/·•&+»«\"'“”„.()\[\]–—-]"  # characters that are no word's
_JOINER = r"\b(?:and|und|et|y|e|и|і|та)\b"  # a word alone
_SEPARATORS = re.compile(rf"{_SEPARATOR}+|{_JOINER}", re.I)
# A text of nothing but those: what _SEPARATORS.sub would leave blank, told without the sub
# (a separator is no word character and a joiner a whole word, so the two never overlap).
_ONLY_SEPARATORS = re.compile(rf"(?:{_SEPARATOR}|{_JOINER})*+", re.I)
_TERMINAL = tuple(".!?:;…\"'”»)")
PLACEHOLDER_TARGETS = ("", "#")
_TOP = 600  # characters: where a byline line may sit
_SHORT_LINE = 160


@dataclass(frozen=True, slots=True)
class BodyLink:
    """A link of the article with its number (1-based) and why it is not counted ('' if it is)."""

    link: Link
    number: int
    reason: str = ""

    @property
    def counted(self) -> bool:
        return not self.reason


def is_placeholder(url: str) -> bool:
    """A target that leads nowhere: "#", empty, or a script."""
    target = url.strip()
    return target in PLACEHOLDER_TARGETS or target.lower().startswith("javascript:")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    lines = []
    start = 0
    for part in text.split("\n"):
        lines.append(_Line(start, start + len(part), part))
        start += len(part) + 1
    return lines


def _line_index(lines: list[_Line], position: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= position:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _continues(previous: str) -> bool:
    """A long line that stops mid-sentence goes on in the next one (a link split it)."""
    stripped = previous.rstrip()
    return len(stripped) >= 60 and not stripped.endswith(_TERMINAL)


_STOP_BEFORE = re.compile(r"[.!?](?= )")
_STOP_AFTER = re.compile(r"[.!](?= )")


@dataclass(slots=True)
class _LineFacts:
    """What a line's links share, worked out once per line: a line of 2,000 links costs one
    pass over it, not 2,000."""

    line: _Line
    links: list[Link]
    stops_before: list[int] = field(init=False)
    stops_after: list[int] = field(init=False)
    # The line without its anchors and separators; worked out for short lines only, the
    # only ones whose rest is read ("Tags:"): a long line is only asked whether it is bare.
    rest: str = field(init=False)
    bare: bool = field(init=False)  # nothing but anchors and separators
    teaser: bool = field(init=False)
    copyright: bool = field(init=False)
    credit: bool = field(init=False)
    short: bool = field(init=False)
    anchored: int = field(init=False)
    stripped_length: int = field(init=False)
    _cta: dict[tuple[int, int], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        text = self.line.text
        self.teaser = TEASER_LINE.match(text) is not None
        self.copyright = _COPYRIGHT.match(text) is not None
        self.credit = _CREDIT_LABEL.match(text) is not None
        self.stripped_length = len(text.strip())
        self.short = self.stripped_length <= _SHORT_LINE
        self.anchored = sum(len(other.text) for other in self.links)
        self.stops_before = [m.start() for m in _STOP_BEFORE.finditer(text)]
        self.stops_after = [m.start() for m in _STOP_AFTER.finditer(text)]
        parts, cursor = [], 0
        for other in sorted(self.links, key=lambda o: o.position):
            a = other.position - self.line.start
            if a < cursor:  # overlapping anchors: cut as the one-by-one cutting did
                return self._rest_one_by_one()
            parts += [text[cursor:a], " "]
            cursor = a + len(other.text)
        parts.append(text[cursor:])
        self._set_rest("".join(parts))

    def _rest_one_by_one(self) -> None:
        rest = self.line.text
        for other in sorted(self.links, key=lambda o: o.position, reverse=True):
            a = other.position - self.line.start
            rest = rest[:a] + " " + rest[a + len(other.text) :]
        self._set_rest(rest)

    def _set_rest(self, unlinked: str) -> None:
        """The line's text outside its anchors, judged: the sub over a long paragraph costs
        far more than the test that stops at its first word."""
        if self.short:
            self.rest = _SEPARATORS.sub(" ", unlinked).strip()
            self.bare = not self.rest
        else:
            self.rest = ""
            self.bare = _ONLY_SEPARATORS.fullmatch(unlinked) is not None

    def call_to_action(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) asks for a click: from after the last ". ",
        "! " or "? " before it to the first ". " or "! " after it. Links in one sentence
        share the answer."""
        i = bisect.bisect_right(self.stops_before, start - 2) - 1
        left = self.stops_before[i] if i >= 0 else -1
        j = bisect.bisect_left(self.stops_after, end)
        right = self.stops_after[j] if j < len(self.stops_after) else len(self.line.text)
        if (left, right) not in self._cta:
            sentence = self.line.text[left + 1 : right]
            self._cta[(left, right)] = _asks_for_action(sentence)
        return self._cta[(left, right)]


def _asks_for_action(sentence: str) -> bool:
    lowered = sentence.lower()
    if _lowers_like_regex(sentence, lowered) and not any(n in lowered for n in _CTA_NEEDLES):
        return False
    return _CTA_SENTENCE.search(sentence) is not None


def _lowers_like_regex(text: str, lowered: str) -> bool:
    """Whether a case-insensitive match of a word in `text` is a plain match in `lowered`: no
    character lowers to two ("İ") or folds otherwise than it lowers ("ſ", "ᲀ"), no dotless i.
    "ß" may stand: it folds to "ss", yet matches no needle's letters."""
    if len(lowered) != len(text) or "ı" in lowered:
        return False
    folded = text.casefold()
    return lowered == folded or ("ß" in lowered and lowered.replace("ß", "ss") == folded)


def _names(byline: str | None) -> set[str]:
    if not byline:
        return set()
    parts = re.split(r",|\band\b|\bund\b|\bet\b|\by\b", byline)
    return {p.strip().casefold() for p in parts if len(p.strip()) > 2}


def classify(article: Article) -> list[BodyLink]:
    """Every link of the article, each counted as a citation or given the reason it is not."""
    lines = _lines(article.text)
    in_line: dict[int, list[Link]] = {}
    for link in article.links:
        if 0 <= link.position <= len(article.text):
            in_line.setdefault(_line_index(lines, link.position), []).append(link)
    authors = _names(article.byline) | _byline_names(lines, in_line)
    author_lines = _author_box_lines(lines, in_line, authors) | _tagline_lines(
        lines, in_line, authors
    )
    notes = _notes_lines(lines, in_line)
    furniture = _furniture_lines(article, lines, in_line)
    home = registered_domain(article.url or article.canonical_url or "")
    results = []
    facts: dict[int, _LineFacts] = {}
    for number, link in enumerate(article.links, 1):
        reason = _target_reason(link, article) or _profile_reason(link, home)
        if not reason and 0 <= link.position <= len(article.text):
            if _line_index(lines, link.position) in furniture:
                reason = "page furniture (a box beside the text)"
        if not reason and 0 <= link.position <= len(article.text):
            index = _line_index(lines, link.position)
            if index not in facts:
                facts[index] = _LineFacts(lines[index], in_line[index])
            reason = _context_reason(link, index, lines, facts[index], authors, author_lines)
            if reason in _LAYOUT_REASONS and index in notes:
                reason = ""
        elif not reason and _CTA_ANCHOR.search(link.text):
            reason = "button or call to action"
        results.append(BodyLink(link, number, reason))
    return _same_as_furniture(results)


# Judged from the layout alone; under a "Notes" or "Sources" heading the layout is a list.
_LAYOUT_REASONS = frozenset(
    ("link on a line of its own", "tag or category list", "headline teaser")
)


_FURNITURE_REGIONS = (Region.FOOTER,)
# Characters (spaces left out): a shorter line may stand inside a furniture box by coincidence
# ("Written by: <name>" in a sidebar's excerpt); it counts only as the box's whole text.
_MIN_SHARED = 40


def _furniture_lines(
    article: Article, lines: list[_Line], in_line: dict[int, list[Link]]
) -> set[int]:
    """Linked lines of the text that the page prints in its furniture: a comment form, a
    share or newsletter box, a wall or an embedded post the extraction kept (the reader's
    regions say where each stands)."""
    # Compared without spaces: the extraction and the tree space inline elements differently.
    boxes = ["".join(b.text.split()) for b in article.blocks if b.region in _FURNITURE_REGIONS]
    if not boxes:
        return set()
    whole = set(boxes)
    found = set()
    for index in in_line:
        text = "".join(lines[index].text.split())
        if text in whole or (len(text) >= _MIN_SHARED and any(text in box for box in boxes)):
            found.add(index)
    return found


def _byline_names(lines: list[_Line], in_line: dict[int, list[Link]]) -> set[str]:
    """Names of an unlinked byline near the top; a linked one is judged where it stands."""
    for index, line in enumerate(lines):
        if line.start >= _TOP:
            break
        found = None if index in in_line else _BYLINE_LINE.match(line.text.strip())
        if found:
            return _names(found.group(1))
    return set()


def _notes_lines(lines: list[_Line], in_line: dict[int, list[Link]]) -> set[int]:
    """Lines of a notes section: after a heading line, for as long as each line has a link."""
    found: set[int] = set()
    for index, line in enumerate(lines):
        if index in in_line or not _NOTES_HEADING.match(line.text.strip()):
            continue
        for nxt in range(index + 1, min(len(lines), index + 1 + _NOTES_SPAN)):
            if nxt not in in_line:
                break
            found.add(nxt)
    return found


def _profile_reason(link: Link, home: str | None) -> str:
    """A link to a writer's profile page on the site itself, on the writer's name."""
    anchor = link.text.strip()
    if (
        home
        and _PROFILE_PATH.search(link.url)
        and len(anchor.split()) <= 4
        and not any(c.isdigit() for c in anchor)
        and registered_domain(link.url) == home
    ):
        return "author box or author link"
    return ""


def _target_reason(link: Link, article: Article) -> str:
    url = link.url.strip()
    lower = url.lower()
    if not link.text.strip():
        return "no anchor text (image or icon link)"
    if lower.startswith(("mailto:", "tel:", "sms:")) or _EMAIL.match(link.text.strip()):
        return "e-mail or phone link"
    if article.source_kind == "html":
        # On a web page these are buttons run by scripts, or anchors without href.
        if is_placeholder(url):
            return "no target (button)"
        if url.startswith("#"):
            return "link within the page"
        for page in (article.url, article.canonical_url):
            page = (page or "").split("#")[0]
            if page and url.startswith(page + "#"):
                return "link within the page"
    return ""


def _author_box_lines(
    lines: list[_Line], in_line: dict[int, list[Link]], authors: set[str]
) -> set[int]:
    """Lines of an author box: a line opening with the author's linked name, and its sequel."""
    boxes: set[int] = set()
    if not authors:
        return boxes
    for index, links in in_line.items():
        first = links[0]
        opens = first.position - lines[index].start <= 1
        if opens and first.text.strip().casefold() in authors:
            boxes.add(index)
            nxt = index
            while nxt + 1 < len(lines) and _continues(lines[nxt].text):
                nxt += 1
                boxes.add(nxt)
    return boxes


def _tagline_lines(
    lines: list[_Line], in_line: dict[int, list[Link]], authors: set[str]
) -> set[int]:
    """Linked lines among the last few that are a writer's bio: "<Name> is a … at [Org]"."""
    found: set[int] = set()
    tail = [i for i, line in enumerate(lines) if line.text.strip()][-_TAGLINE_TAIL:]
    for index in tail:
        text = lines[index].text.strip()
        if index in in_line and len(text) <= _TAGLINE_MAX and _is_tagline(text, authors):
            found.add(index)
    return found


def _is_tagline(text: str, authors: set[str]) -> bool:
    match = _TAGLINE.match(text)
    if match is None or _ATTRIBUTION.search(text):
        return False
    name = match.group("name")
    words = name.split()
    if words[0].casefold() in _NOT_A_NAME or not all(
        w[:1].isupper() or w.casefold() in _NAME_PARTICLES for w in words
    ):
        return False
    if any(_ORG_WORD.match(w) for w in words):
        return False
    return name.casefold() in authors or _ROLE.search(match.group("role")) is not None


def _context_reason(
    link: Link,
    index: int,
    lines: list[_Line],
    facts: _LineFacts,
    authors: set[str],
    author_lines: set[int],
) -> str:
    line, links = lines[index], facts.links
    text = line.text
    start = link.position - line.start
    end = start + len(link.text)
    anchor = link.text.strip()
    if facts.teaser:
        return "related-article teaser"
    if facts.copyright:
        return "copyright line"
    if index in author_lines or anchor.casefold() in authors:
        return "author box or author link"
    if _CTA_ANCHOR.search(anchor) or facts.call_to_action(start, end):
        return "button or call to action"
    if facts.credit:
        return ""
    short = facts.short
    if (
        short
        and line.start < _TOP
        and any(_after_by(text, o.position - line.start) for o in links)
    ):
        return "byline"
    rest = facts.rest
    if facts.bare:
        if index > 0 and _continues(lines[index - 1].text) and len(anchor.split()) <= 4:
            return ""  # the end of the sentence above, cut off by the link
        return "link on a line of its own"
    if short and rest.endswith(":") and len(rest) <= 30:
        return "tag or category list"
    if short and facts.anchored >= 0.6 * facts.stripped_length:
        return "headline teaser"
    return ""


def _after_by(text: str, start: int) -> bool:
    return _BY_BEFORE.search(text[:start]) is not None


def _same_as_furniture(results: list[BodyLink]) -> list[BodyLink]:
    """An anchor repeating one already judged furniture (the author, a source badge) is too."""
    furniture = {
        (r.link.text.strip().casefold(), r.link.url)
        for r in results
        if r.reason and r.link.text.strip()
    }
    out = []
    for r in results:
        key = (r.link.text.strip().casefold(), r.link.url)
        if r.counted and key in furniture:
            r = BodyLink(r.link, r.number, "same link as page furniture")
        out.append(r)
    return out


def counted(article: Article) -> list[BodyLink]:
    return [r for r in classify(article) if r.counted]
