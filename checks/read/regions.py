"""The page's regions around the extracted article: kicker, byline, notes, asides, footer.

trafilatura finds the article's paragraphs but keeps nothing of what surrounds them, and
publishers print provenance and labels exactly there: "Anzeige" or "PAID CONTENT" above the
headline, "By JIJI" in the byline block, an editor's note before the text, "This post
originally appeared on …" or "This version corrects …" right after it, a disclosure box
beside it. We find the extracted paragraphs in our own tree, take the element holding them
(the body container) and the headline element, then walk the tree once in document order:
every subtree that holds neither is one block, placed by where it stands relative to the
headline and the body and by what its markup says it is (`<nav>`, `<footer>`, `<aside>`,
class names such as "byline" or "sidebar").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from lxml import etree

from checks.model import Block, Region
from checks.read import class_words

# Region -> the words evidence uses to say where a quote stands.
PLACE_NAMES: dict[Region, str] = {
    Region.ABOVE_HEADLINE: "above the headline",
    Region.BYLINE: "byline",
    Region.BEFORE_BODY: "before the article",
    Region.BODY: "article text",
    Region.AFTER_BODY: "after the article",
    Region.ASIDE: "disclosure box",
    Region.FOOTER: "page footer or sidebar",
}

# Paragraph-level elements whose text trafilatura turns into the body's lines.
_TEXT_TAGS = frozenset(
    ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "td", "figcaption")
)
_KEY_CHARS = 80
_SKIP = frozenset(("head", "script", "style", "noscript", "template", "svg", "select", "button"))
# Site furniture by tag or ARIA role: menus, masthead, site footer, sidebars.
_FURNITURE_TAGS = frozenset(("nav", "footer", "aside", "form", "menu", "header", "dialog"))
_FURNITURE_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog")
)
_WORD_SPLIT = re.compile(r"[\s_-]+")
# Class/id words of site furniture. Matched on whole words of the class names.
_FURNITURE_WORDS = frozenset(
    """nav navbar navigation menu footer sidebar sidebars rail masthead topbar toolbar
    site-header siteheader header-nav share sharing social comments comment related
    recommended newsletter promo outbrain taboola widget widgets cookie cookies consent
    ad ads advert adverts advertisement advertising adslot dfp banner subnav""".split()
)
# Class/id words of boxes that belong to the article: disclosures, notes, corrections.
_BOX_WORDS = frozenset(
    """notice note notes editor-note
    editors-note correction corrections footnote footnotes endnote endnotes credit credits
    sources republish republishing licence license copyright partner attribution""".split()
)
# Of those, the words of a disclosure box (an aside whatever its tag).
_DISCLOSURE_WORDS = frozenset("disclosure disclosures disclaimer disclaimers".split())
# Class/id/itemprop words of a byline block.
_BYLINE_WORDS = frozenset(
    """byline bylines author authors autor auteur writer dateline date time timestamp
    published publish pubdate contributor contributors credit credits source meta
    entry-meta post-meta article-meta story-meta info details""".split()
)
# Inside the body container, what trafilatura keeps of these is furniture, not the article:
# comment forms, share and newsletter boxes, subscription walls, embedded posts.
_INLINE_FURNITURE_TAGS = frozenset(("nav", "aside", "form", "menu", "dialog"))
_INLINE_FURNITURE_WORDS = _FURNITURE_WORDS | frozenset(
    """paywall regwall lock locked subscribe subscription login write-comment
    twitter-tweet instagram-media tiktok-embed fb-post embed embedded""".split()
)
_BREADCRUMB = re.compile(r"breadcrumb", re.I)
_LABEL_CHARS = 200  # a kicker, a section label or an editor's note line, not a list
BLOCK_LIMIT = 2_000  # characters kept of one block
REGION_LIMIT = 20_000  # characters kept of one region


_NO_WORDS: frozenset[str] = frozenset()


def _words(node: etree._Element) -> frozenset[str]:
    cls, ident, prop = node.get("class"), node.get("id"), node.get("itemprop")
    if not (cls or ident or prop):
        return _NO_WORDS
    return _marks_words(f"{cls or ''} {ident or ''} {prop or ''}")


@lru_cache(maxsize=4096)
def _marks_words(marks: str) -> frozenset[str]:
    """The words of class, id and itemprop, whole and split at "-" and "_" (a page repeats
    the same few values on many elements)."""
    words = set(marks.lower().split())
    for word in list(words):
        words.update(_WORD_SPLIT.split(word))
    return frozenset(words)


def _fold(text: str) -> str:
    return " ".join(text.split())


def line_key(text: str) -> str:
    """How a line of the extracted text is found again in our tree (see body_keys)."""
    return _key(text)


def _key(text: str) -> str:
    # Folding a prefix gives a prefix of the folded text: when it is long enough, the rest
    # of a long paragraph need not be split.
    head = _fold(text[: 4 * _KEY_CHARS])
    if len(head) < _KEY_CHARS:
        head = _fold(text)
    return head[:_KEY_CHARS].casefold()


# An element's text, "".join(itertext()), joined by libxml2.
_STRING = etree.XPath("string()", smart_strings=False)


def body_keys(extracted: etree._Element | None) -> set[str]:
    """Keys of the lines trafilatura kept, to find them again in our tree."""
    if extracted is None:
        return set()
    keys = set()
    for node in extracted.iter():
        if not isinstance(node.tag, str) or node is extracted:
            continue
        if (node.text and node.text.strip()) or len(node):
            key = _key(_STRING(node))
            if len(key) >= 20:
                keys.add(key)
    return keys


def _matched_in(
    nodes: Iterable[etree._Element],
    keys: set[str],
    paragraphs: set[etree._Element] | None = None,
) -> list[etree._Element]:
    """The nodes whose key is one of the keys; a <p> is matched when it is one of
    `paragraphs` (the <p> matched already), when those are given."""
    found = []
    for node in nodes:
        tag = node.tag
        if paragraphs is not None and tag == "p":
            if node in paragraphs:
                found.append(node)
            continue
        if tag == "div" and not (node.text and node.text.strip()):
            continue
        text = _STRING(node)
        if len(text) >= 20 and _key(text) in keys:
            found.append(node)
    return found


def _matched(root: etree._Element, keys: set[str]) -> list[etree._Element]:
    """The elements of our tree that print the extracted lines, outermost only."""
    # Most of a body is <p>: find its container from them, then look at every kind of
    # paragraph inside it only, instead of every list item and div of the page.
    found = _matched_in(root.iter("p"), keys)
    container = body_container(found) if 2 * len(found) >= len(keys) else None
    if container is None:
        found = _matched_in(root.iter(*_TEXT_TAGS, "div"), keys)
    else:
        outside = [n for n in found if n is not container and container not in n.iterancestors()]
        found = outside + _matched_in(container.iter(*_TEXT_TAGS, "div"), keys, set(found))
    # A list item inside a matched quote is already counted with it.
    return _outermost(found)


def _outermost(nodes: list[etree._Element]) -> list[etree._Element]:
    """The nodes below none of the others."""
    chosen = set(nodes)
    # Whether a node or one of its ancestors is chosen, for every node looked at: siblings
    # share their parent's answer instead of each walking up to the root.
    covered: dict[etree._Element, bool] = {}

    def is_covered(node: etree._Element | None) -> bool:
        chain = []
        while node is not None and node not in covered:
            if node in chosen:
                answer = True
                break
            chain.append(node)
            node = node.getparent()
        else:
            answer = False if node is None else covered[node]
        for item in chain:
            covered[item] = answer
        return answer

    return [n for n in nodes if not is_covered(n.getparent())]


def body_container(matched: list[etree._Element]) -> etree._Element | None:
    """The deepest element holding most (85 %) of the matched text: the article's body."""
    if not matched:
        return None
    weight: dict[etree._Element, int] = {}
    total = 0
    for node in matched:
        size = len(_STRING(node))
        total += size
        weight[node] = weight.get(node, 0) + size
    depth = _depths(weight)
    # Each node's weight passed up to its parent, the deepest first: every ancestor ends up
    # holding the text of the matched nodes under it.
    for node in sorted(depth, key=depth.__getitem__, reverse=True):
        parent = node.getparent()
        if parent is not None:
            weight[parent] = weight.get(parent, 0) + weight.get(node, 0)
    # Two nodes of one depth are apart: only one can hold 85 % of the text (every matched
    # node holds 20 characters or more, so there is text).
    best = None
    for node, size in weight.items():
        if size >= 0.85 * total and (best is None or depth[node] > depth[best]):
            best = node
    return best


def _depths(nodes: Iterable[etree._Element]) -> dict[etree._Element, int]:
    """The depth below the root of these nodes and of all their ancestors."""
    depth: dict[etree._Element, int] = {}
    for node in nodes:
        chain = []
        above: etree._Element | None = node
        while above is not None and above not in depth:
            chain.append(above)
            above = above.getparent()
        level = -1 if above is None else depth[above]
        for item in reversed(chain):
            level += 1
            depth[item] = level
    return depth


def headline_element(
    root: etree._Element, title: str | None, body: etree._Element | None
) -> etree._Element | None:
    """The <h1> that prints the headline; else the page's only <h1>."""
    heads = [h for h in root.iter("h1") if _fold(h.text_content())]
    if title:
        want = _key(title)
        for head in heads:
            text = _key(head.text_content())
            if text and (text == want or (len(text) >= 15 and (text in want or want in text))):
                return head
    outside = [h for h in heads if body is None or body not in h.iterancestors()]
    return outside[0] if len(outside) == 1 else None


def _common_ancestor(a: etree._Element, b: etree._Element) -> etree._Element:
    seen = {a, *a.iterancestors()}
    for node in (b, *b.iterancestors()):
        if node in seen:
            return node
    return b.getroottree().getroot()


def _is_furniture(node: etree._Element, words: frozenset[str]) -> bool:
    if node.tag in _FURNITURE_TAGS or (node.get("role") or "").lower() in _FURNITURE_ROLES:
        return True
    return bool(words & _FURNITURE_WORDS)


def holds_no_article_text(node: etree._Element) -> bool:
    """Site furniture, or a box of notes or disclosures: nothing in it is the article's
    running text."""
    words = _words(node)
    return _is_furniture(node, words) or bool(words & (_BOX_WORDS | _DISCLOSURE_WORDS))


def _is_box(node: etree._Element, words: frozenset[str]) -> bool:
    return node.tag == "aside" or bool(words & (_BOX_WORDS | _DISCLOSURE_WORDS))


def _is_byline(node: etree._Element, words: frozenset[str]) -> bool:
    if words & _BYLINE_WORDS or node.tag in ("time", "address"):
        return True
    for child in node.iter("a", "time", "address"):
        if child.tag != "a" or "author" in (child.get("rel") or "").lower():
            return True
    return False


def _is_breadcrumb(node: etree._Element, crumbs: dict[str, bool]) -> bool:
    """Marked as a breadcrumb trail (`crumbs`: the page's class and id values tested; the word
    spans no space, so testing "class id label" is testing each)."""
    return (
        _crumb_value(node.get("class"), crumbs)
        or _crumb_value(node.get("id"), crumbs)
        or _crumb_value(node.get("aria-label"), {})
        or "BreadcrumbList" in (node.get("itemtype") or "")
    )


def _crumb_value(value: str | None, crumbs: dict[str, bool]) -> bool:
    if value is None:
        return False
    known = crumbs.get(value)
    return _BREADCRUMB.search(value) is not None if known is None else known


# The subtree's text pieces as itertext() gives them, without an object for each element.
_TEXTS = etree.XPath("descendant::text()", smart_strings=False)


def _visible(node: etree._Element) -> str:
    """The subtree's text, as much as a block keeps (scripts are gone from the tree by now)."""
    parts = _TEXTS(node)
    if sum(map(len, parts)) > 2 * BLOCK_LIMIT:
        # Up to the piece that passes twice the block's length.
        parts = parts[: bisect_right(list(accumulate(map(len, parts))), 2 * BLOCK_LIMIT) + 1]
    return _fold(" ".join(parts))


CRUMB_SEPARATOR = "›"  # between a breadcrumb trail's items, as the reader writes them
_CRUMB_MARKS = "›»>/|·•→-–"


def _crumbs(node: etree._Element) -> str:
    """A breadcrumb trail with its items apart ("Home › Opinion › Letters"), however the page
    separates them: often only by markup (`<li>`, links or spans side by side). All its text
    stays."""
    parts: list[str] = []
    apart = False  # an item began: the next text opens it

    def add(text: str | None) -> None:
        nonlocal apart
        piece = (text or "").strip()
        if not piece:
            return
        if apart and parts and parts[-1][-1] not in _CRUMB_MARKS and piece[0] not in _CRUMB_MARKS:
            parts.append(CRUMB_SEPARATOR)
        apart = False
        parts.append(piece)

    def walk(el: etree._Element) -> None:
        nonlocal apart
        if el is not node and el.tag in ("li", "a", "span"):
            apart = True
        add(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            add(child.tail)

    walk(node)
    return _fold(" ".join(parts))[: 2 * BLOCK_LIMIT]


class _Walk:
    """One pass over the tree in document order, placing every subtree off the article's path.

    The path leads to the headline, the body's paragraphs and any paragraph trafilatura kept
    outside the body container (a comment form, a widget): those are placed one by one, so
    their text is a block of its own wherever they stand.
    """

    def __init__(
        self,
        headline: etree._Element | None,
        body: etree._Element,
        paragraphs: list[etree._Element],
        strays: list[etree._Element],
        scope: etree._Element,
        body_text: str,
    ) -> None:
        self.headline = headline
        self.body = body
        self.paragraphs = set(paragraphs)
        self.strays = set(strays)
        self.scope = scope
        self.body_text = body_text
        self.trunk = {body, *body.iterancestors()}
        if headline is not None:  # the headline's boxes are the article's, never furniture
            self.trunk.update((headline, *headline.iterancestors()))
        self.path: set[etree._Element] = set(self.trunk)
        for node in (*paragraphs, *strays, *([headline] if headline is not None else [])):
            self.path.add(node)
            self.path.update(node.iterancestors())
        # The page's main area, when it marks one: outside it, a short line before the
        # headline is the site's header (a menu item, an ad label), not the article's kicker.
        self.main = next(
            (
                a
                for a in (scope, *scope.iterancestors())
                if a.tag == "main" or (a.get("role") or "").lower() == "main"
            ),
            None,
        )
        self.left = len(paragraphs)
        self.seen_headline = headline is None
        self.blocks: list[Block] = []
        self.sizes: dict[Region, int] = {}
        self.after_furniture = False  # past the first site furniture after the body
        self.crumbs: dict[str, bool] = {}  # the page's class and id values tested by `run`

    def run(self, root: etree._Element) -> list[Block]:
        self.crumbs = class_words.value_tests(root, _BREADCRUMB)
        self.visit(root, inside=root is self.scope, in_body=root is self.body, boxed=False)
        return self.blocks

    def visit(
        self,
        node: etree._Element,
        *,
        inside: bool,
        in_body: bool,
        boxed: bool,
        words: frozenset[str] | None = None,
    ) -> None:
        if node is self.headline:
            self.seen_headline = True
            return
        if node in self.paragraphs:
            if self.left == len(self.paragraphs) and self.body_text:
                self.add(Region.BODY, self.body_text, limit=False)
            self.left -= 1
            if boxed:
                # Kept by the extraction, yet it stands in a share box, a wall, an embed.
                self.add(Region.FOOTER, _visible(node))
            return
        if node in self.strays or node not in self.path:
            self.place(
                node,
                inside=inside,
                in_body=in_body,
                boxed=boxed,
                words=_words(node) if words is None else words,
            )
            return
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                below = in_body or child is self.body
                # The class words, worked out once for the box test and for placing.
                child_words = _words(child)
                self.visit(
                    child,
                    inside=inside or child is self.scope,
                    in_body=below,
                    boxed=boxed
                    or (
                        child not in self.trunk
                        and _boxing(child, child_words, below, inside=inside)
                    ),
                    words=child_words,
                )

    def place(
        self,
        node: etree._Element,
        *,
        inside: bool,
        in_body: bool,
        boxed: bool,
        words: frozenset[str],
    ) -> None:
        started = self.left < len(self.paragraphs)
        ended = self.left == 0
        if _is_breadcrumb(node, self.crumbs) and not ended:
            self.add(Region.ABOVE_HEADLINE, _crumbs(node))
            return
        if boxed:
            if ended and not inside:
                self.after_furniture = True
            self.add(Region.FOOTER, _visible(node))
            return
        furniture = _is_furniture(node, words)
        region: Region | None
        if ended:
            region = self._after(node, words, furniture, inside)
        elif started:
            # Between the body's paragraphs: only boxes that belong to the article count.
            region = Region.ASIDE if _is_box(node, words) else None
            if region is None and furniture and not in_body:
                region = Region.FOOTER
        elif furniture and not (inside and node.tag in ("header", "footer")):
            region = Region.FOOTER
        elif not self.seen_headline:
            region = Region.ABOVE_HEADLINE if inside or self._near(node) else Region.FOOTER
        elif _is_byline(node, words):
            region = Region.BYLINE
        elif inside and not self._teasers(node):
            region = Region.BEFORE_BODY
        else:
            region = Region.BEFORE_BODY if self._near(node) else Region.FOOTER
        if region is not None:
            self.add(region, _visible(node))

    def _after(
        self, node: etree._Element, words: frozenset[str], furniture: bool, inside: bool
    ) -> Region:
        if self.after_furniture:
            return Region.FOOTER
        disclosure = bool(words & _DISCLOSURE_WORDS)
        if disclosure or (node.tag == "aside" and (inside or words & _BOX_WORDS)):
            return Region.ASIDE
        if words & _BOX_WORDS:
            return Region.AFTER_BODY
        if furniture and not (inside and node.tag == "footer"):
            if not inside:
                self.after_furniture = True
            return Region.FOOTER
        if inside or not _link_dense(node):
            return Region.AFTER_BODY
        self.after_furniture = True
        return Region.FOOTER

    def _near(self, node: etree._Element) -> bool:
        """A short line outside the article element that still stands in the main area."""
        if (
            self.main is not None
            and self.main is not node
            and self.main not in set(node.iterancestors())
        ):
            return False
        return self._short(node)

    @staticmethod
    def _teasers(node: etree._Element) -> bool:
        """A list of links longer than a label: "most read", "in pictures", a menu."""
        return _text_length(node) > _LABEL_CHARS and _link_dense(node)

    @staticmethod
    def _short(node: etree._Element) -> bool:
        """A kicker or label outside the article element: a few words, not a menu."""
        return 0 < _text_length(node) <= _LABEL_CHARS and not _link_dense(node)

    def add(self, region: Region, text: str, *, limit: bool = True) -> None:
        if not text:
            return
        if limit:
            text = text[:BLOCK_LIMIT]
            used = self.sizes.get(region, 0)
            if used >= REGION_LIMIT:
                return
            self.sizes[region] = used + len(text)
        self.blocks.append(Block(region, text))


def _boxing(
    node: etree._Element, words: frozenset[str], below_body: bool, *, inside: bool
) -> bool:
    """Whether everything under this node is furniture: inside the body container only clear
    furniture counts (a share box, a wall, an embedded post); outside it, site furniture,
    but the article's own <header> and <footer> belong to the article."""
    if words & (_BOX_WORDS | _DISCLOSURE_WORDS):
        return False
    if below_body or words & _INLINE_FURNITURE_WORDS:
        return node.tag in _INLINE_FURNITURE_TAGS or bool(words & _INLINE_FURNITURE_WORDS)
    if inside and node.tag in ("header", "footer"):
        return False
    return _is_furniture(node, words)


# Measured by libxml2: the text's length, and the text pieces inside links.
_TEXT_LENGTH = etree.XPath("string-length(normalize-space())")
_LINK_TEXTS = etree.XPath("descendant-or-self::a//text()", smart_strings=False)


def _text_length(node: etree._Element) -> int:
    return int(_TEXT_LENGTH(node))


def _link_dense(node: etree._Element) -> bool:
    """Mostly anchors: a menu, a teaser list or a tag cloud rather than prose."""
    total = _text_length(node)
    if not total:
        return False
    linked = sum(len(_fold(text)) for text in _LINK_TEXTS(node))
    return linked >= 0.5 * total


@dataclass(frozen=True, slots=True)
class FoundBody:
    """Where our tree prints the extracted text: the keys of its lines (`line_key`), the
    elements printing them, outermost only, and the element holding most of them (None when
    the text is not found)."""

    keys: set[str]
    paragraphs: list[etree._Element]
    body: etree._Element | None


def find_body(root: etree._Element, extracted: etree._Element | None) -> FoundBody:
    keys = body_keys(extracted)
    paragraphs = _matched(root, keys)
    return FoundBody(keys, paragraphs, body_container(paragraphs))


def page_regions(
    root: etree._Element,
    found: FoundBody,
    body_text: str,
    title: str | None,
    more_body: Iterable[etree._Element] = (),
) -> tuple[Block, ...]:
    """The page's blocks by region, in document order; () when the body cannot be found.

    `more_body`: boxes of the body that the extraction left out and the text has now."""
    body = found.body
    if body is None:
        return (Block(Region.BODY, body_text),) if body_text else ()
    paragraphs = found.paragraphs
    strays = [p for p in paragraphs if p is not body and body not in p.iterancestors()]
    paragraphs = [p for p in paragraphs if p is body or body in p.iterancestors()]
    headline = headline_element(root, title, body)
    if headline is not None and headline in paragraphs:
        paragraphs.remove(headline)
    if body in paragraphs:
        # The body is a single paragraph-level element: its own children are the body.
        paragraphs = [body]
    scope = body if headline is None else _common_ancestor(headline, body)
    if scope.tag in ("html", "body"):
        scope = next((a for a in body.iterancestors("article", "main")), body)
    if not paragraphs:
        return (Block(Region.BODY, body_text),) if body_text else ()
    paragraphs.extend(more_body)
    return tuple(_Walk(headline, body, paragraphs, strays, scope, body_text).run(root))


def place_name(region: Region) -> str:
    return PLACE_NAMES[region]


def texts(blocks: Iterable[Block], *regions: Region) -> list[str]:
    return [b.text for b in blocks if b.region in regions]
