"""Where evidence stands, as data: the page's regions and the other places the checks name.

A check gives `Evidence.place = PLACES("place.footer")` (or a message of its own); a `where`
written as one of these English names (an older plug-in's "footer") is translated too."""

from __future__ import annotations

from checks.i18n.messages import Messages
from checks.model import Message, Region

PLACES = Messages(
    __name__,
    {
        # The page's regions (checks/read/regions.py names them in English).
        "place.above_headline": "above the headline",
        "place.byline": "byline",
        "place.before_body": "before the article",
        "place.body": "article text",
        "place.after_body": "after the article",
        "place.aside": "disclosure box",
        "place.footer": "page footer or sidebar",
        # Other places the checks cite.
        "place.page_furniture": "page furniture",
        "place.page_metadata": "page metadata",
        "place.page_address": "page address",
        "place.address": "address",
        "place.text": "text",
        "place.link": "link",
        "place.linked": "linked",
        "place.footer_short": "footer",
        "place.forward_origin": "forward origin",
        "place.post_signature": "post signature",
        "place.dateline": "dateline",
        "place.dead_link": "dead link",
        "place.note_on_page": "note on the page",
        "place.claim_without_date": "claim without a date",
        "place.no_source_given": "no source given",
        "place.credit_in_text": "credit in the text",
        "place.publication_date": "publication date",
        "place.message_date": "message date",
        "place.forward_date": "forward date",
        "place.canonical_url": "canonical URL",
        "place.metadata": "metadata",
        # Where a byline is read: the tag's own name ("parsely-author") is never translated.
        "place.jsonld_author": "JSON-LD author",
        "place.meta_tag": "meta tag {tag}",
        "place.author_link": "author link",
    },
)

REGION_IDS = {
    Region.ABOVE_HEADLINE: "place.above_headline",
    Region.BYLINE: "place.byline",
    Region.BEFORE_BODY: "place.before_body",
    Region.BODY: "place.body",
    Region.AFTER_BODY: "place.after_body",
    Region.ASIDE: "place.aside",
    Region.FOOTER: "place.footer",
}

_BY_ENGLISH = {template: key for key, template in PLACES.templates.items()}


def region_place(region: Region) -> Message:
    return PLACES(REGION_IDS[region])


def known_place(where: str) -> Message | None:
    """The place named by these English words, if it is one of the common ones."""
    key = _BY_ENGLISH.get(where.strip())
    return PLACES(key) if key is not None else None


def place(where: str) -> Message | str:
    """A place as data when it is a known one, else the words as written."""
    if where.startswith("meta ") and " " not in where[5:]:
        return PLACES("place.meta_tag", tag=where[5:])
    return known_place(where) or where
