"""What the reader could see: the whole text, a paywalled teaser, or nothing readable."""

from __future__ import annotations

import json
from pathlib import Path

from checks.model import Visibility
from checks.read.html_page import read_html

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
URL = "https://www.daily.example/politics/2024/05/talks.html"
FULL = "".join(
    f"<p>Paragraph {i}: the minister said on Tuesday that the talks would go on into next "
    f"week, and that both sides had agreed to meet again in the capital.</p>"
    for i in range(5)
)
TEASER = (
    "<p>The minister said on Tuesday that the talks would go on into next week, and that "
    "both sides had agreed to meet again in the capital. What the two delegations could not "
    "agree on was the timetable, which the opposition says is</p>"
)
NOT_FREE = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "headline": "Talks", "isAccessibleForFree": "False", "hasPart": '
    '{"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".paywall"}}'
    "</script>"
)
WALL = (
    '<div class="paywall"><p>Subscribe to continue reading: unlimited access for 1 € a '
    "month.</p><button>Subscribe</button></div>"
)


def page(head: str = "", body: str = "") -> bytes:
    return f"<html><head><title>Talks</title>{head}</head><body>{body}</body></html>".encode()


def test_a_full_article_is_fully_visible():
    assert read_html(page(body=f"<article>{FULL}</article>"), url=URL).visibility == Visibility()


def test_a_javascript_shell_has_no_readable_text():
    raw = page(
        '<script>window.rbzns = {bereshit: "1"}; location.reload();</script>',
        '<div id="root"></div><script src="/app.js"></script>',
    )

    visibility = read_html(raw, url=URL).visibility

    assert visibility.text == "none"
    assert "JavaScript" in visibility.reason


def test_a_consent_screen_has_no_readable_text():
    raw = page(
        body=(
            '<div class="cmp-consent-wall"><h2>We value your privacy</h2><p>We and our '
            "partners store and access information on your device, such as cookies, to show "
            "you personalised ads and content, to measure them and to improve our services. "
            "You can accept or manage your choices at any time.</p>"
            "<button>Accept all</button><button>Manage choices</button></div>"
        )
    )

    visibility = read_html(raw, url=URL).visibility

    assert visibility.text == "none"
    assert "consent" in visibility.reason


def test_a_declared_paywall_with_a_wall_on_the_page_is_a_partial_view():
    raw = page(NOT_FREE, f"<article><h1>Talks</h1>{TEASER}{WALL}</article>")

    visibility = read_html(raw, url=URL).visibility

    assert visibility == Visibility("partial", "paywall (isAccessibleForFree: false)")


def test_a_wall_where_the_text_breaks_off_is_a_partial_view_without_json_ld():
    raw = page(body=f"<article><h1>Talks</h1>{TEASER}{WALL}</article>")

    assert read_html(raw, url=URL).visibility.text == "partial"


def test_not_free_in_json_ld_but_the_whole_text_on_the_page_is_full():
    # Publishers serve the paywalled text to search engines; we read it like they do.
    raw = page(NOT_FREE, f"<article><h1>Talks</h1>{FULL}</article>")

    assert read_html(raw, url=URL).visibility.text == "full"


def test_a_lock_icon_is_not_a_wall():
    raw = page(body=f'<article><h1>Talks <i class="icon-lock"></i></h1>{TEASER}</article>')

    assert read_html(raw, url=URL).visibility.text == "full"


def test_an_unreadable_document_has_no_text():
    assert read_html(b"", url=URL).visibility.text == "none"


def test_real_pages_with_full_text_are_full():
    for prefix in ("04", "08", "19"):  # 04 and 08 declare isAccessibleForFree: false
        folder = next(PAGES.glob(f"{prefix}-*"))
        labels = json.loads((folder / "labels.json").read_text("utf-8"))
        article = read_html((folder / "source.html").read_bytes(), url=labels["url"])
        assert article.visibility.text == "full", folder.name
