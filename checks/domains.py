"""Registered domains (eTLD+1) from the Public Suffix List snapshot bundled with tldextract."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

# suffix_list_urls=() and no cache dir: never fetch a fresher list over the network at run time.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def host_of(url_or_host: str) -> str:
    """The lower-case host of a URL, or the input itself if it is already a host."""
    value = url_or_host.strip()
    if "://" in value or value.startswith("//"):
        try:
            value = urlsplit(value if "://" in value else "http:" + value).hostname or ""
        except ValueError:  # "http://[::1": a broken link in a page has no host
            return ""
    else:
        value = value.split("/", 1)[0].split(":", 1)[0]
    return value.lower().rstrip(".")


@lru_cache(maxsize=4096)
def registered_domain(url_or_host: str) -> str | None:
    """`https://www.bbc.co.uk/news` -> `bbc.co.uk`; None for IPs, bare names and junk."""
    host = host_of(url_or_host)
    if not host:
        return None
    parts = _extract(host)
    if not parts.suffix or not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}"


@dataclass(frozen=True, slots=True)
class Wrapper:
    """A page address that serves someone else's page: a cache, an archive, an aggregator."""

    kind: str  # "Google AMP cache", "Wayback Machine archive", ...
    host: str
    original: str | None  # the wrapped page's address, when the wrapper's address holds it


_ARCHIVE_TODAY = {"archive.ph", "archive.today", "archive.is", "archive.li", "archive.vn"}
_ARCHIVE_TODAY |= {"archive.md", "archive.fo"}
# web.archive.org/web/20240312101010im_/https://...: a timestamp, maybe a mode suffix.
_WAYBACK_PATH = re.compile(r"^/web/\d{1,14}[a-z_]*/(?P<url>.+)$", re.I)
_AMP_PATH = re.compile(r"^/[cvi]/(?P<secure>s/)?(?P<url>[^/]+\.[^/]+/.*)$")
_EMBEDDED_URL = re.compile(
    r"(?P<url>(?:https?:/{1,2})?(?:[a-z0-9\-]++\.)++[a-z]{2,24}(?:/.*)?)$", re.I
)
_GOOGLE_NEWS_URL = re.compile(rb"https?://[\x21-\x7e]+")


def unwrap(url: str) -> Wrapper | None:
    """What a wrapper address wraps: `…cdn.ampproject.org/c/s/www.bbc.com/x` -> bbc.com's page.
    None when the address is an ordinary page."""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        host = (parts.hostname or "").lower()
    except ValueError:  # "http://[x": not an address anything could wrap
        return None
    path = parts.path
    if host.endswith(".cdn.ampproject.org") or host.endswith(".translate.goog"):
        kind = "Google AMP cache" if host.endswith(".org") else "Google Translate proxy"
        found = _AMP_PATH.match(path) if kind == "Google AMP cache" else None
        if found:
            scheme = "https://" if found.group("secure") else "http://"
            return Wrapper(kind, host, scheme + found.group("url"))
        # www-theguardian-com -> www.theguardian.com ("--" stands for a real hyphen).
        label = host.split(".", 1)[0]
        original = label.replace("--", "\0").replace("-", ".").replace("\0", "-")
        return Wrapper(kind, host, f"https://{original}{path}" if "." in original else None)
    if host == "web.archive.org":
        found = _WAYBACK_PATH.match(path)
        return Wrapper(
            "Wayback Machine archive", host, _embedded(found.group("url") if found else "")
        )
    if host in _ARCHIVE_TODAY or host.removeprefix("www.") in _ARCHIVE_TODAY:
        rest = path.split("/", 2)[2] if path.count("/") >= 2 else ""
        return Wrapper("archive.today archive", host, _embedded(rest))
    if host == "news.google.com":
        return Wrapper("Google News aggregator", host, _google_news_target(path))
    return None


def _embedded(text: str) -> str | None:
    """A URL at the end of a wrapper's path; `https:/www.x.com` (slashes merged) is repaired."""
    found = _EMBEDDED_URL.match(text.strip())
    if not found:
        return None
    value = re.sub(r"^(https?):/+", r"\1://", found.group("url"), flags=re.I)
    value = value if "://" in value else "http://" + value
    return value if registered_domain(value) else None


def _google_news_target(path: str) -> str | None:
    """Older Google News article ids are base64 of a record holding the article's URL."""
    token = path.rstrip("/").rsplit("/", 1)[-1]
    if "articles" not in path or len(token) < 12:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        return None
    found = _GOOGLE_NEWS_URL.search(raw)
    if not found:
        return None
    value = found.group().decode("ascii")
    return value if registered_domain(value) and "google." not in host_of(value) else None
