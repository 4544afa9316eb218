"""Bytes of a page -> text, trusting the bytes over what the page or server declares."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def meta_charset(raw: bytes) -> str | None:
    """The first <meta charset> in the page (looked for well past the 1,024-byte pre-scan)."""
    match = _META_CHARSET.search(raw[:16384])
    return match.group(1).decode("ascii").lower() if match else None


def decode_page(raw: bytes, declared: Iterable[str] = ()) -> str:
    """A BOM wins; then valid UTF-8 is UTF-8 whatever is declared (a real page declares gb2312
    and is UTF-8); then the declared charsets (HTTP header first), the <meta> one, a guess."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = meta_charset(raw)
    for charset in (*declared, *([meta] if meta else [])):
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is not None and best.encoding:
        return raw.decode(best.encoding, errors="replace")
    return raw.decode("cp1252", errors="replace")
