"""The outlet table: what four open datasets say about a news outlet, looked up by domain or name.

Every rating keeps its dataset, snapshot date and licence. Absence from the table means
"not rated", never "fine": the datasets mostly list low-credibility sites.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from importlib import resources
from urllib.parse import urlsplit

from checks.domains import host_of, registered_domain

_DATA = "datasets"


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    date: str  # snapshot date of the content
    licence: str
    url: str
    path: str  # inside checks/outlets/datasets


WIKIPEDIA = Dataset(
    "Wikipedia perennial sources",
    "2021-03-17",
    "CC BY-SA 3.0",
    "https://en.wikipedia.org/wiki/Wikipedia:Reliable_sources/Perennial_sources",
    "wikipedia-perennial-sources/perennial-sources.csv",
)
CRED1 = Dataset(
    "CRED-1",
    "2026-08-04",
    "CC BY 4.0",
    "https://github.com/aloth/cred-1",
    "cred-1/cred1_current.csv",
)
STATE_MEDIA = Dataset(
    "State Media Profiles (ASD/GMF)",
    "2023-08-24",
    "MIT",
    "https://github.com/ASD-at-GMF/state-media-profiles",
    "state-media-profiles/State_Media_Matrix.csv",
)
IDIAP = Dataset(
    "News Media Reliability (Idiap)",
    "2024",
    "Apache-2.0",
    "https://github.com/idiap/News-Media-Reliability",
    "news-media-reliability/reliability_scores.json.gz",
)
DATASETS = (WIKIPEDIA, CRED1, STATE_MEDIA, IDIAP)

# Wikipedia statuses that tell a reader to be careful; "No consensus" is shown, not flagged.
_WIKI_FLAGS = {"generally unreliable", "deprecated", "blacklisted"}
# State Media Monitor typology (statemediamonitor.com); only the captured/controlled kinds flag.
_TYPOLOGY = {
    "SC": ("state-controlled media", True),
    "CaPu": ("captured public/state-managed media", True),
    "CaPr": ("captured private media", True),
    "IP": ("independent public media", False),
    "ISFM": ("independent state-funded and state-managed media", False),
    "ISF": ("independent state-funded media", False),
    "ISM": ("independent state-managed media", False),
}
_MAX_FAMILY = 3
_IDIAP_LOW = -0.5  # at or below: the model leans clearly towards "unreliable"

_NON_WORD = re.compile(r"[\W_]+")
_DOMAINISH = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
# A parenthesis that qualifies a Wikipedia row ("(politics)", "(2013-present)", "(UK)") rather
# than giving an alias ("(RT, Russia Today)").
_QUALIFIER = re.compile(r"^(?:[a-z0-9]|UK$|US$)")
_PARENS = re.compile(r"\s*\(([^()]*)\)")
_GENERIC_NAMES = {"radio", "television", "tv", "news", "gold", "channel"}
# Russian/Ukrainian names in Latin letters as the datasets spell them: "РИА Новости" -> "RIA
# Novosti". Only ever compared with whole listed names, so a rough transliteration is enough.
_CYRILLIC = re.compile("[а-яёіїєґ]", re.I)
_TRANSLIT = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"},
    }
)


@dataclass(frozen=True, slots=True)
class Rating:
    """One dataset's claim about one outlet."""

    dataset: str
    dataset_date: str
    licence: str
    claim: str  # what the dataset says, shown verbatim to the reader
    detail: str = ""
    row_ref: str = ""  # file and row, so a reader can check it
    url: str = ""  # the dataset's page
    flagged: bool = False  # the dataset marks it unreliable, state-controlled, satire...
    estimate: bool = False  # a model's estimate, not a human rating

    def as_dict(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "date": self.dataset_date,
            "licence": self.licence,
            "claim": self.claim,
            "detail": self.detail,
            "row": self.row_ref,
            "flagged": self.flagged,
            "model_estimate": self.estimate,
        }


@dataclass(frozen=True, slots=True)
class OutletRecord:
    """Everything the table knows about one outlet: its names, domains and ratings."""

    names: tuple[str, ...]
    domains: tuple[str, ...]
    ratings: tuple[Rating, ...]

    @property
    def flagged(self) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.flagged)


@dataclass(slots=True)
class _Entry:
    """One dataset row; its Rating is built only when a look-up needs it (keeps loading fast)."""

    dataset: Dataset
    names: tuple[str, ...]
    hosts: tuple[str, ...]
    make: Callable[[], Rating]
    group: str = ""  # rows of one dataset that describe the same outlet share a group
    scope: str = ""  # set when the row was found for another host of the same domain
    built: Rating | None = None

    @property
    def rating(self) -> Rating:
        if self.built is None:
            rating = self.make()
            if self.scope:
                rating = replace(rating, detail=f"listed for {self.scope}; {rating.detail}")
            self.built = rating
        return self.built


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of an outlet name."""
    if text.isascii():  # nothing to decompose, no accents to drop (most names)
        bare = text.casefold()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NON_WORD.sub(" ", bare).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def transliterate(text: str) -> str:
    """Cyrillic letters in Latin ones, case kept on the first letter of each word."""
    return "".join(
        c.lower().translate(_TRANSLIT).capitalize() if c.isupper() else c.translate(_TRANSLIT)
        for c in text
    )


def _clean_host(value: str) -> str:
    host = host_of(value)
    return host[4:] if host.startswith("www.") else host


def _suffixes(host: str) -> Iterator[str]:
    """`fr.sputniknews.com` -> itself, `sputniknews.com` (never a bare TLD)."""
    labels = host.split(".")
    for i in range(len(labels) - 1):
        yield ".".join(labels[i:])


_IDIAP_KEY = re.compile(rb'"([^"]+)": \{')


class OutletTable:
    """Index over the bundled datasets; build with `default_table()`."""

    def __init__(self, entries: Iterable[_Entry], idiap: bytes = b"") -> None:
        self._entries = list(entries)
        self._by_suffix: dict[str, list[_Entry]] = {}
        self._names: dict[str, list[_Entry]] | None = None
        self._by_group: dict[str, list[_Entry]] = {}
        for entry in self._entries:
            for host in entry.hosts:
                for suffix in _suffixes(host):
                    self._by_suffix.setdefault(suffix, []).append(entry)
            if entry.group:
                self._by_group.setdefault(entry.group, []).append(entry)
        self._idiap_gz = idiap
        self._idiap: dict[str, int] | None = None  # domain -> offset of its object
        self._idiap_raw = b""

    def __len__(self) -> int:
        return len(self._entries)

    def by_domain(self, url_or_host: str) -> OutletRecord | None:
        """Ratings for a site: exact host first, else its registered domain, else its family."""
        host = _clean_host(url_or_host)
        reg = registered_domain(url_or_host)
        if not host or not reg:
            return None
        entries = self._domain_entries(host, reg)
        # Sibling hosts of the same outlet (state media rows list tass.ru and tass.com) fill in
        # datasets that do not list this host themselves.
        have = {e.dataset.name for e in entries}
        for sibling in self._siblings(entries):
            sib_entries = self._domain_entries(sibling, registered_domain(sibling) or sibling)
            entries += [e for e in sib_entries if e.dataset.name not in have]
        ratings = [e.rating for e in entries]
        estimate = self._idiap_rating(host) or self._idiap_rating(reg)
        if estimate:
            ratings.append(estimate)
        if not ratings:
            return None
        return _record(entries, ratings, first_domain=reg)

    def by_name(self, text: str) -> OutletRecord | None:
        """Ratings for an outlet named exactly (aliases included): "RT", "Global Research"."""
        value = text.strip()
        if _DOMAINISH.match(value) or "://" in value:
            return self.by_domain(value)
        index = self._name_index()
        entries = list(index.get(normalize_name(value), ()))
        if not entries and _CYRILLIC.search(value):
            entries = list(index.get(normalize_name(transliterate(value)), ()))
        if not entries:
            return None
        domains: list[str] = []
        for entry in entries:
            for host in entry.hosts:
                reg = registered_domain(host) or host
                if reg not in domains:
                    domains.append(reg)
        ratings = [e.rating for e in entries]
        seen = set(map(id, entries))
        for domain in domains:
            for entry in self._domain_entries(domain, domain, family=False):
                if id(entry) not in seen:
                    seen.add(id(entry))
                    entries.append(entry)
                    ratings.append(entry.rating)
            estimate = self._idiap_rating(domain)
            if estimate:
                ratings.append(estimate)
        return _record(entries, ratings, first_domain=domains[0] if domains else None)

    def _name_index(self) -> dict[str, list[_Entry]]:
        if self._names is None:
            self._names = {}
            for entry in self._entries:
                for name in entry.names:
                    key = normalize_name(name)
                    if key and key not in _GENERIC_NAMES:
                        self._names.setdefault(key, []).append(entry)
        return self._names

    def names_for(self, url_or_host: str) -> tuple[str, ...]:
        record = self.by_domain(url_or_host)
        return record.names if record else ()

    def _domain_entries(self, host: str, reg: str, *, family: bool = True) -> list[_Entry]:
        """Per dataset: rows for the exact host, else for the registered domain, else (for a
        registered domain itself) a few rows under it, e.g. RT's de.rt.com for rt.com."""
        found: list[_Entry] = []
        candidates = self._by_suffix.get(reg, [])
        for dataset in DATASETS:
            rows = [e for e in candidates if e.dataset is dataset]
            exact = [e for e in rows if host in e.hosts] or [e for e in rows if reg in e.hosts]
            if exact:
                found += exact
            elif family and host == reg and 0 < len(rows) <= _MAX_FAMILY:
                # Blog platforms list many unrelated subdomains; a handful is one outlet's.
                found += [_scoped(e) for e in rows]
        return found

    def _siblings(self, entries: list[_Entry]) -> list[str]:
        hosts: list[str] = []
        own = {h for e in entries for h in e.hosts}
        for entry in entries:
            for other in self._by_group.get(entry.group, ()) if entry.group else ():
                hosts += [h for h in other.hosts if h not in own and h not in hosts]
        return hosts

    def _idiap_rating(self, domain: str) -> Rating | None:
        if not self._idiap_gz:
            return None
        if self._idiap is None:
            # Decompressed and indexed on first use only (~40 ms; a full json.loads would cost
            # ~80 ms more). Looking a missing site up in the raw text cost ~1 ms every time.
            self._idiap_raw = gzip.decompress(self._idiap_gz)
            self._idiap = {
                m.group(1).decode("ascii", "replace"): m.end() - 1
                for m in _IDIAP_KEY.finditer(self._idiap_raw)
            }
        begin = self._idiap.get(domain)
        if begin is None:
            return None
        raw = self._idiap_raw
        values = json.loads(raw[begin : raw.index(b"}", begin) + 1])
        score = values.get("p+fp-average")
        if not isinstance(score, int | float):
            return None
        return Rating(
            IDIAP.name,
            IDIAP.date,
            IDIAP.licence,
            f"a model estimates its reliability at {score:.2f} (from -1, low, to 1, high)",
            "estimated from how other news sites link to it (Burdisso et al., NAACL 2024);"
            " not an editorial rating",
            f"reliability_scores.json {domain}",
            IDIAP.url,
            flagged=score <= _IDIAP_LOW,
            estimate=True,
        )


def _scoped(entry: _Entry) -> _Entry:
    """The same row, saying which host it was listed for."""
    return _Entry(
        entry.dataset, entry.names, entry.hosts, entry.make, entry.group, ", ".join(entry.hosts)
    )


def _record(
    entries: list[_Entry], ratings: list[Rating], *, first_domain: str | None
) -> OutletRecord:
    names: list[str] = []
    domains: list[str] = [first_domain] if first_domain else []
    for entry in entries:
        names += [n for n in entry.names if n not in names]
        for host in entry.hosts:
            reg = registered_domain(host) or host
            if reg not in domains:
                domains.append(reg)
    unique: dict[tuple[str, str], Rating] = {}
    for rating in ratings:
        unique.setdefault((rating.dataset, rating.claim), rating)
    return OutletRecord(tuple(names), tuple(domains), tuple(unique.values()))


# --- loading ---------------------------------------------------------------------------------


def _read_text(path: str) -> str:
    return resources.files("checks.outlets").joinpath(_DATA, path).read_text("utf-8")


def _url_host(url: str) -> str:
    value = url.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "http://" + value.lstrip("/")
    try:
        host = (urlsplit(value).hostname or "").lower().rstrip(".")
    except ValueError:  # a malformed address from a page: no host
        return ""
    return host[4:] if host.startswith("www.") else host


def _split_wiki_name(raw: str) -> tuple[str, list[str], list[str]]:
    """ "RT (Russia Today)" -> ("RT", ["Russia Today"], []); qualifiers go in the third list."""
    aliases: list[str] = []
    qualifiers: list[str] = []
    for part in _PARENS.findall(raw):
        if _QUALIFIER.match(part.strip()) and not _DOMAINISH.match(part.strip()):
            qualifiers.append(part.strip())
        else:
            aliases += [a.strip().strip('"') for a in part.split(",") if a.strip()]
    base = _PARENS.sub("", raw).strip()
    return base, aliases, list(dict.fromkeys(qualifiers))


def _compact(text: str) -> str:
    return normalize_name(text).replace(" ", "")


def _wiki_url_fits(url: str, names: list[str]) -> bool:
    """Wikipedia's url lists mix the outlet's site with Wikidata, stock tickers, YouTube pages:
    keep a site's root, or a deeper link only when the outlet's name shows in its host."""
    parts = urlsplit(url if "://" in url else "http://" + url.lstrip("/"))
    if parts.path.strip("/") == "" and not parts.query:
        return True
    host = _url_host(url).replace("-", "")
    labels = host.split(".")
    for name in names:
        compact = _compact(name)
        if compact and (compact in labels or (len(compact) >= 4 and compact in host)):
            return True
        if any(len(w) >= 3 and w in host for w in normalize_name(name).split()):
            return True
    return False


def _wiki_entries(text: str) -> Iterator[_Entry]:
    for row in csv.DictReader(io.StringIO(text, newline="")):
        base, aliases, qualifiers = _split_wiki_name(row["name"])
        names = [base, *aliases]
        hosts = [_url_host(u) for u in json.loads(row["urls"] or "[]") if _wiki_url_fits(u, names)]
        hosts += [n.lower() for n in names if _DOMAINISH.match(n)]
        hosts = [h for h in dict.fromkeys(hosts) if h]
        yield _Entry(WIKIPEDIA, tuple(names), tuple(hosts), partial(_wiki_rating, row, qualifiers))


def _wiki_rating(row: dict[str, str], qualifiers: list[str]) -> Rating:
    statuses = [s for s in json.loads(row["status"] or "[]") if not s.startswith("Wikipedia:")]
    claim = "; ".join(statuses) or "listed, status not parsed"
    if qualifiers:
        claim += f" ({', '.join(qualifiers)})"
    info = " ".join(row["info"].split())
    return Rating(
        WIKIPEDIA.name,
        WIKIPEDIA.date,
        WIKIPEDIA.licence,
        claim,
        f"{row['name']}: {info[:280]}{'…' if len(info) > 280 else ''}",
        f"perennial-sources.csv id {row['id']}",
        WIKIPEDIA.url,
        flagged=any(s.casefold() in _WIKI_FLAGS for s in statuses),
    )


_CRED1_COLUMNS = (
    "domain",
    "category",
    "credibility_score",
    "sources",
    "iffy_factual",
    "iffy_bias",
)


def _cred1_entries(text: str) -> Iterator[_Entry]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    index = [header.index(name) for name in _CRED1_COLUMNS]
    for line, row in enumerate(reader, start=2):
        values = [row[i] for i in index]
        host = values[0].strip().lower().removeprefix("www.")
        yield _Entry(CRED1, (), (host,), partial(_cred1_rating, values, line))


def _cred1_rating(values: list[str], line: int) -> Rating:
    _domain, category, score, sources, factual, bias = values
    detail = f"score from 0 (low) to 1; {sources} source list(s)"
    if factual or bias:
        detail += f"; MBFC codes via Iffy.news: factual {factual or '-'}, bias {bias or '-'}"
    return Rating(
        CRED1.name,
        CRED1.date,
        CRED1.licence,
        f"category {category}, credibility score {score} (from 0, low, to 1, high)",
        detail,
        f"cred1_current.csv line {line}",
        CRED1.url,
        flagged=category != "reliable",
    )


_ASSET_KIND = re.compile(r"^\s*[A-Za-z][A-Za-z ]{1,20}:\s*(?=\S)")


def _state_media_entries(text: str) -> Iterator[_Entry]:
    for line, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        host = _url_host(row["URL"])
        company = row["Media company"].strip()
        # "Print: Izvestia", "News agency: Belta": the kind of asset, then its name.
        asset = _ASSET_KIND.sub("", row["Main assets"]).strip()
        yield _Entry(
            STATE_MEDIA,
            tuple(n for n in dict.fromkeys((asset, company.rstrip("*"))) if n),
            (host,) if host else (),
            partial(_state_media_rating, row, line),
            group=f"state:{company.casefold()}|{asset.casefold()}",
        )


def _state_media_rating(row: dict[str, str], line: int) -> Rating:
    code = row["Typology"].strip()
    label, flagged = _TYPOLOGY.get(code.rstrip("?"), ("typology not given", False))
    claim = f"{label} ({code})" if code else label
    url = row["URL"].strip()
    return Rating(
        STATE_MEDIA.name,
        STATE_MEDIA.date,
        STATE_MEDIA.licence,
        f"{claim}, {row['Country'].strip()}; company: {row['Media company'].strip()}",
        f"asset {row['Main assets'].strip()}" + (f" ({url})" if url else ""),
        f"State_Media_Matrix.csv line {line}",
        STATE_MEDIA.url,
        flagged=flagged,
    )


def load_table() -> OutletTable:
    entries: list[_Entry] = []
    entries += _wiki_entries(_read_text(WIKIPEDIA.path))
    entries += _cred1_entries(_read_text(CRED1.path))
    entries += _state_media_entries(_read_text(STATE_MEDIA.path))
    idiap = resources.files("checks.outlets").joinpath(_DATA, IDIAP.path).read_bytes()
    return OutletTable(entries, idiap)


@lru_cache(maxsize=1)
def default_table() -> OutletTable:
    """The table built from the bundled files, once per process."""
    return load_table()


# --- `sourcecheck outlets QUERY` -------------------------------------------------------------


def describe_lookup(table: OutletTable, query: str) -> str:
    """What the bundled datasets say about a domain or name, one line per dataset claim."""
    record = table.by_name(query) or table.by_domain(query)
    if record is None:
        return (
            f"{query}: not rated in any bundled dataset"
            " (absence says nothing either way about reliability)"
        )
    heading = query
    if record.names:
        heading += f" — {record.names[0]}"
    if record.domains:
        heading += f" ({', '.join(record.domains[:4])})"
    lines = [heading]
    for rating in record.ratings:
        line = f"  {rating.dataset} ({rating.dataset_date}, {rating.licence}): {rating.claim}"
        if rating.detail:
            line += f" — {rating.detail}"
        lines.append(line)
    return "\n".join(lines)


__all__ = [
    "DATASETS",
    "Dataset",
    "OutletRecord",
    "OutletTable",
    "Rating",
    "default_table",
    "describe_lookup",
    "normalize_name",
    "transliterate",
]
