"""Registered domains (eTLD+1) from the Public Suffix List snapshot bundled with tldextract."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import tldextract

# suffix_list_urls=() and no cache dir: never fetch a fresher list over the network at run time.
_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def host_of(url_or_host: str) -> str:
    """The lower-case host of a URL, or the input itself if it is already a host."""
    value = url_or_host.strip()
    if "://" in value or value.startswith("//"):
        value = urlsplit(value if "://" in value else "http:" + value).hostname or ""
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
