"""Page regions: where a label or a notice stands, relative to the headline and the body."""

from __future__ import annotations

import json
from pathlib import Path

from checks.model import Article, Region
from checks.read.html_page import read_html
from checks.read.regions import PLACE_NAMES
from checks.read.text import read_markdown, read_text

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
URL = "https://news.example.com/2024/05/budget-talks.html"
PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of the report says that the council met on the square and talked "
    f"for a long while about the budget, the roads and the schools of the town.</p>"
    for i in range(5)
)
SITE_HEADER = (
    '<header class="site-header"><a href="/">Town Herald</a><nav><a href="/news">News</a>'
    '<a href="/sport">Sport</a></nav></header>'
)
SITE_FOOTER = (
    '<footer class="site-footer"><p>© 2024 Town Herald. All rights reserved.</p>'
    '<a href="/privacy">Privacy</a></footer>'
)


def html(main: str, *, before: str = SITE_HEADER, after: str = SITE_FOOTER) -> bytes:
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Budget talks | Town Herald</title>"
        '<meta property="og:title" content="Budget talks go on into the night"></head>'
        f"<body>{before}<main>{main}</main>{after}</body></html>"
    ).encode()


def read(main: str, **kwargs: str) -> Article:
    return read_html(html(main, **kwargs), url=URL)


def corpus_page(prefix: str) -> Article:
    folder = next(PAGES.glob(f"{prefix}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


def test_a_kicker_in_the_article_header_stands_above_the_headline():
    article = read(
        "<article><header><span class='kicker'>Anzeige</span>"
        "<h1>Budget talks go on into the night</h1>"
        "<div class='byline'>By JIJI</div></header>"
        f"<div class='story-body'>{PARAGRAPHS}</div></article>"
    )

    assert article.region_text(Region.ABOVE_HEADLINE) == "Anzeige"
    assert article.region_text(Region.BYLINE) == "By JIJI"
    assert article.region_text(Region.BODY) == article.text
    assert "Paragraph 0 of the report" in article.text


def test_an_editors_note_between_the_headline_and_the_text_comes_before_the_body():
    article = read(
        "<article><h1>Budget talks go on into the night</h1>"
        "<p class='byline'>By Jane Doe, <time>May 3, 2024</time></p>"
        "<div class='editors-note'><em>Editor's note: This story was first published by "
        "the Valley Ledger and is republished here with permission.</em></div>"
        f"<div class='story-body'>{PARAGRAPHS}</div></article>"
    )

    assert "first published by the Valley Ledger" in article.region_text(Region.BEFORE_BODY)
    assert "first published" not in article.region_text(Region.ABOVE_HEADLINE, Region.FOOTER)
    assert article.region_text(Region.BYLINE) == "By Jane Doe, May 3, 2024"


def test_a_notice_in_its_own_section_outside_the_article_element_is_after_the_body():
    article = read(
        "<article><h1>Budget talks go on into the night</h1>"
        f"<div class='entry-content'>{PARAGRAPHS}</div></article>"
        "<section class='partner-credit'><p>This post originally appeared on Grist."
        "</p></section>"
        "<section class='related'><h2>More stories</h2><ul><li><a href='/a'>A story about "
        "roads</a></li><li><a href='/b'>A story about schools</a></li></ul></section>"
    )

    assert "originally appeared on Grist" in article.region_text(Region.AFTER_BODY)
    assert "A story about roads" in article.region_text(Region.FOOTER)
    assert "A story about roads" not in article.region_text(Region.AFTER_BODY)


def test_a_disclosure_box_is_an_aside_and_site_furniture_is_footer():
    article = read(
        "<article><h1>Budget talks go on into the night</h1>"
        f"<div class='body'>{PARAGRAPHS}</div>"
        "<aside class='disclosure'><h3>Disclosure statement</h3><p>Jane Doe receives funding "
        "from the Town Foundation.</p></aside>"
        "<p class='correction'>This version corrects the date of the meeting.</p></article>",
    )

    assert "receives funding from the Town Foundation" in article.region_text(Region.ASIDE)
    assert "This version corrects" in article.region_text(Region.AFTER_BODY, Region.ASIDE)
    footer = article.region_text(Region.FOOTER)
    assert "All rights reserved" in footer
    assert "Sport" in footer
    # furniture_text, which the checks read today, still carries the site's boxes.
    assert "All rights reserved" in article.furniture_text


def test_an_ad_label_in_a_sidebar_is_not_above_the_headline():
    article = read(
        "<div class='sidebar'><div class='ad-slot'>Anzeige</div></div>"
        "<article><h1>Budget talks go on into the night</h1>"
        f"<div class='story'>{PARAGRAPHS}</div></article>"
    )

    assert "Anzeige" not in article.region_text(Region.ABOVE_HEADLINE)
    assert "Anzeige" in article.region_text(Region.FOOTER)


def test_a_breadcrumb_stands_above_the_headline_and_the_head_is_not_a_region():
    article = read(
        "<nav class='breadcrumb'><a href='/opinion'>Opinion</a> › "
        "<a href='/opinion/letters'>Letters</a></nav>"
        "<article><h1>Budget talks go on into the night</h1>"
        f"<div class='story'>{PARAGRAPHS}</div></article>"
    )

    assert article.region_text(Region.ABOVE_HEADLINE) == "Opinion › Letters"
    assert not any("Budget talks | Town Herald" in b.text for b in article.blocks)


def test_every_region_has_a_place_name():
    assert set(PLACE_NAMES) == set(Region)
    assert PLACE_NAMES[Region.ABOVE_HEADLINE] == "above the headline"
    assert PLACE_NAMES[Region.AFTER_BODY] == "after the article"


def test_real_page_a_sponsored_dateline_label_is_in_the_byline_block():
    article = corpus_page("17")  # "Do 24. Mai 2018, 08:30 | ANZEIGE , UNTERWEGS"

    assert "ANZEIGE" in article.region_text(Region.BYLINE)
    assert "ANZEIGE" not in article.text


def test_real_page_a_section_label_stands_above_the_headline():
    article = corpus_page("08")  # The Atlantic's "Ideas" kicker

    assert article.region_text(Region.ABOVE_HEADLINE).split("\n")[0] == "Ideas"


def test_real_page_a_club_disclaimer_after_the_post():
    article = corpus_page("18")

    assert "n'engagent pas la rédaction" in article.region_text(Region.AFTER_BODY)
    assert "Identifiez-vous" in article.region_text(Region.FOOTER)


def test_pasted_text_maps_its_first_and_last_lines():
    article = read_text(
        "ADVERTORIAL\nBudget talks go on into the night\nBy Jane Doe\n"
        "The council met on the square.\nIt talked about the roads.\n"
        "This post originally appeared on Grist."
    )

    assert article.region_text(Region.ABOVE_HEADLINE).split("\n") == [
        "ADVERTORIAL",
        "Budget talks go on into the night",
    ]
    assert article.region_text(Region.BYLINE) == "By Jane Doe"
    assert article.region_text(Region.BODY).startswith("The council met")
    assert article.region_text(Region.AFTER_BODY) == "This post originally appeared on Grist."


def test_short_text_is_all_body():
    article = read_markdown("The council met. See [the minutes](https://town.example/m).")

    assert [b.region for b in article.blocks] == [Region.BODY]


def test_real_page_a_wire_credit_in_the_byline_block():
    article = corpus_page("37")  # "Periodista Digital: EFE" beside the date

    assert "Periodista Digital: EFE" in article.region_text(Region.BYLINE)


def test_real_page_an_agency_rights_line_after_the_text():
    article = corpus_page("23")

    assert "© Copyright ANSA" in article.region_text(Region.AFTER_BODY)


def test_real_page_most_read_lists_between_headline_and_text_are_furniture():
    article = corpus_page("37")

    assert "Las + leídas" not in article.region_text(Region.BEFORE_BODY)
    assert "Las + leídas" in article.region_text(Region.FOOTER)
