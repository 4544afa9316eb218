"""The rest of an article whose body the page prints in several boxes.

Many sites cut the article's text into boxes of one kind, with ad slots, pictures or a
"continued" marker between them: `<div class="article-text">` twice on Engadget, one
`body__container` per chunk on Wired. trafilatura then keeps one box and drops the others,
and with them their paragraphs and the links they cite. The body container found in our
tree tells which kind of box holds the article; its siblings and cousins of the same kind,
in the same article, are the rest of it.

What keeps a box of the same class from being another story's: it stands under the same
article (no headline or <article> start between them), no box of furniture holds it
(related stories, comments, promotions), and it holds prose, not one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from checks.read.regions import FoundBody, holds_no_article_text, line_key

# How far above the body container its sibling boxes may meet it: the boxes of one article
# stand in a few wrappers of their own (a grid cell, a grid, the article's block).
_LEVELS_UP = 5
_PROSE_WORDS = 20  # a paragraph of the article, not a caption or a label
_LONG_PARAGRAPH_WORDS = 40  # one such paragraph is prose enough for a box
# The paragraph-level elements a box's text is read from, as the body's lines.
LINE_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
_BOUNDARIES = ("h1", "article")

_TEXT = etree.XPath("string()", smart_strings=False)


@dataclass(frozen=True, slots=True)
class Parts:
    """The boxes of the article's body that the extraction left out, in document order."""

    before: tuple[etree._Element, ...] = ()
    after: tuple[etree._Element, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.before or self.after)

    @property
    def all(self) -> tuple[etree._Element, ...]:
        return (*self.before, *self.after)


def _classes(node: etree._Element) -> frozenset[str]:
    return frozenset((node.get("class") or "").split())


def _same_kind(node: etree._Element, tag: str, classes: frozenset[str]) -> bool:
    """The body container's kind of box: its tag, and its class names or some of them."""
    if node.tag != tag:
        return False
    theirs = _classes(node)
    return bool(theirs) and (theirs <= classes or classes <= theirs)


def _words(text: str) -> int:
    return len(text.split())


def _is_prose(node: etree._Element) -> bool:
    sizes = [_words(_TEXT(p)) for p in node.iter("p")]
    long_enough = [n for n in sizes if n >= _PROSE_WORDS]
    return len(long_enough) >= 2 or any(n >= _LONG_PARAGRAPH_WORDS for n in long_enough)


def _hidden(node: etree._Element) -> bool:
    style = (node.get("style") or "").replace(" ", "").lower()
    return node.get("hidden") is not None or "display:none" in style


def _held_apart(node: etree._Element, meeting: etree._Element) -> bool:
    """A box of furniture, a hidden element or a box of notes between the node and where it
    meets the body: related stories, comments, a promotion."""
    for above in (node, *node.iterancestors()):
        if above is meeting:
            return False
        if holds_no_article_text(above) or _hidden(above):
            return True
    return False


def _boundary_between(
    first: etree._Element, last: etree._Element, order: dict[etree._Element, int]
) -> bool:
    """A headline or the start of an <article> between two boxes: another story's."""
    low, high = order[first], order[last]
    root = first.getroottree().getroot()
    return any(
        low < order[mark] < high and first not in mark.iterancestors()
        for mark in root.iter(*_BOUNDARIES)
    )


def more_of_the_body(found: FoundBody) -> Parts:
    """The boxes of the body container's kind beside it that hold the article's prose and
    none of the lines trafilatura kept; Parts() when there are none (most pages)."""
    body = found.body
    if body is None:
        return Parts()
    classes = _classes(body)
    if not classes:
        return Parts()
    meeting = body
    for _ in range(_LEVELS_UP):
        parent = meeting.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        meeting = parent
    above = set(body.iterancestors())
    candidates = [
        node
        for node in meeting.iter(body.tag)
        if node is not body
        and node not in above
        and _same_kind(node, body.tag, classes)
        and body not in node.iterancestors()
    ]
    if not candidates:
        return Parts()
    root = body.getroottree().getroot()
    order = {node: i for i, node in enumerate(root.iter())}
    before: list[etree._Element] = []
    after: list[etree._Element] = []
    for node in candidates:
        if any(a in before or a in after for a in node.iterancestors()):
            continue
        if _held_apart(node, meeting) or not _is_prose(node):
            continue
        if any(line_key(_TEXT(p)) in found.keys for p in node.iter(*LINE_TAGS)):
            continue  # trafilatura kept some of it: it is in the text already
        first, last = sorted((node, body), key=order.__getitem__)
        if _boundary_between(first, last, order):
            continue
        (before if order[node] < order[body] else after).append(node)
    return Parts(tuple(before), tuple(after))
