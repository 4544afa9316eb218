"""How much of the article the reader could see: all of it, a paywalled teaser, or nothing.

A page with no readable text (a JavaScript-only shell, a bot challenge, a consent screen) must
not get "no sign of republication found"; a teaser must not get "no links in the text". The
reader says what it saw and why, from the page's own markup: JSON-LD or microdata
`isAccessibleForFree`, paywall boxes, a text that stops mid-sentence, an empty body.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lxml import etree

from checks.model import Visibility
from checks.read.class_words import marked

# Fewer letters than this is not an article's text (letters, not words: Chinese and Japanese
# do not put spaces between words).
MIN_LETTERS = 120
_FALSE = frozenset(("false", "no", "0", "http://schema.org/false", "https://schema.org/false"))
# Class and id words of a subscription wall ("paywall", "p_lock", "article--locked").
_WALL_WORDS = frozenset(
    """paywall paywalled pay-wall regwall reg-wall lock locked metered gated subscriber-only
    subscribers-only premium-wall plus-wall content-gate""".split()
)
_WALL_TEXT = 30  # characters
# Parts of class and id names of consent screens ("cookiebanner", "cmp-container").
_CONSENT_PARTS = ("consent", "cookie", "gdpr", "cmp-", "cmp ", "privacy-wall", "didomi")
_CONSENT_CHARS = 3_000  # a consent screen says its piece in a few paragraphs
_CONSENT = "consent screen: the article text is not on the page"
_TERMINAL = tuple(".!?:;)\"'”»›」。！？…]")
_MID_SENTENCE = 60  # characters: a last line this long that ends without a stop was cut off
_SHELL_CHARS = 200  # visible characters in <body> below which the page is a script's shell


def _is_false(value: Any) -> bool:
    if isinstance(value, bool):
        return value is False
    return isinstance(value, str) and value.strip().lower() in _FALSE


def _declared_not_free(root: etree._Element, objects: list[dict[str, Any]]) -> bool:
    for obj in objects:
        if _is_false(obj.get("isAccessibleForFree")):
            return True
        parts = obj.get("hasPart")
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, dict) and _is_false(part.get("isAccessibleForFree")):
                return True
    for node in root.iter("meta"):
        if (node.get("itemprop") or node.get("name") or "").lower() == "isaccessibleforfree":
            if _is_false(node.get("content")):
                return True
    return False


def _walls(root: etree._Element) -> list[str]:
    """The text of every subscription wall on the page."""
    found = []
    for node in marked(root, _WALL_WORDS):
        text = " ".join(node.text_content().split())
        # A lock icon is not a wall: a wall says something ("Subscribe to read on").
        if len(text) >= _WALL_TEXT:
            found.append(text)
    return found


def _before_wall(text: str, walls: list[str]) -> str:
    """The text up to where a wall's words begin (extraction may keep the wall's message)."""
    cut = len(text)
    for wall in walls:
        first = wall.split(". ")[0][:60]
        at = text.find(first)
        if at > 0:
            cut = min(cut, at)
    return text[:cut]


def _in_consent_box(root: etree._Element, text: str) -> bool:
    """The extracted text is the consent screen's own (its first words are inside the box)."""
    start = " ".join(text.split())[:60]
    return bool(start) and any(
        start in " ".join(node.text_content().split())
        for node in marked(root, _CONSENT_PARTS, whole=False)
    )


def _last_line(text: str) -> str:
    return text.rstrip().rsplit("\n", 1)[-1].strip()


def _stops_mid_sentence(text: str) -> bool:
    last = _last_line(text)
    if last.endswith(("…", "...")):
        return True
    return len(last) >= _MID_SENTENCE and not last.endswith(_TERMINAL)


def _body_chars(root: etree._Element) -> int:
    body = root.find("body")
    if body is None:
        return 0
    return len(" ".join(body.text_content().split()))


def page_visibility(
    root: etree._Element,
    objects: list[dict[str, Any]],
    meta: Mapping[str, str],
    text: str,
    *,
    scripts: int,
) -> Visibility:
    """The visibility of one page, given its tree with scripts already removed."""
    if len(text) < 4 * MIN_LETTERS and sum(c.isalnum() for c in text) < MIN_LETTERS:
        if _body_chars(root) < _SHELL_CHARS and scripts:
            return Visibility("none", "JavaScript-only page: the HTML holds no article text")
        screens = marked(root, _CONSENT_PARTS, ("form", "div", "section", "dialog"), whole=False)
        if any(node.tag == "form" or node.find(".//button") is not None for node in screens):
            return Visibility("none", _CONSENT)
        return Visibility("none", "no readable article text on the page")
    if len(text) <= _CONSENT_CHARS and _in_consent_box(root, text):
        return Visibility("none", _CONSENT)
    # A page declared not free often carries its whole text for search engines: it is a
    # teaser only when the page also shows a wall or the text breaks off.
    declared = _declared_not_free(root, objects) or (
        meta.get("article:content_tier") or ""
    ).lower() in ("locked", "metered")
    walls = _walls(root)
    if declared and (walls or _last_line(text).endswith(("…", "..."))):
        return Visibility("partial", "paywall (isAccessibleForFree: false)")
    if walls and _stops_mid_sentence(_before_wall(text, walls)):
        return Visibility("partial", "paywall: the text stops at a subscription wall")
    return Visibility()
