"""An article printed in several boxes of one kind is read whole, and only its own boxes."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from checks.model import Region
from checks.read.html_page import read_html
from checks.read.regions import FoundBody
from checks.read.split_body import more_of_the_body

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
URL = "https://news.example.com/2024/05/budget-talks.html"


def paragraph(n: int, link: str = "") -> str:
    cited = f' as <a href="{link}">the report</a> shows' if link else ""
    return (
        f"<p>Paragraph {n}: the council met on the square and talked for a long while about "
        f"the budget, the roads and the schools of the town{cited}, and the mayor said the "
        f"vote would come in May.</p>"
    )


def page(main: str) -> bytes:
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Budget talks | Town Herald</title>"
        '<meta property="og:title" content="Budget talks go on into the night"></head>'
        "<body><header class='site-header'><a href='/'>Town Herald</a></header>"
        f"<main><article><h1>Budget talks go on into the night</h1>{main}</article></main>"
        "<footer class='site-footer'><p>© 2024 Town Herald</p></footer></body></html>"
    ).encode()


def box(*paragraphs: str, cls: str = "article-text") -> str:
    return f'<div class="{cls}">{"".join(paragraphs)}</div>'


AD = '<div class="ad-slot"><p>Advertisement</p></div>'
# trafilatura keeps the longest box of a body cut in two: the short one is what it drops.
LEAD = box(paragraph(1, "https://stats.example.org/budget"), paragraph(2))
REST = box(*(paragraph(n) for n in range(3, 12)), cls="article-text wide")


def test_a_body_cut_by_an_ad_slot_is_read_whole_with_its_links():
    article = read_html(page(LEAD + AD + REST), url=URL)
    assert article.text.startswith("Paragraph 1: the council met")
    assert "Paragraph 11" in article.text
    assert "Advertisement" not in article.text
    cited = [link for link in article.links if link.url == "https://stats.example.org/budget"]
    assert len(cited) == 1
    start = cited[0].position
    assert article.text[start : start + len("the report")] == "the report"
    body = [b.text for b in article.blocks if b.region is Region.BODY]
    assert body == [article.text]
    assert not any("Paragraph 1:" in b.text for b in article.blocks if b.region is not Region.BODY)


def test_related_stories_and_comments_in_boxes_of_the_same_class_stay_out():
    related = f'<section class="related-stories">{box(paragraph(90), paragraph(91))}</section>'
    comments = f'<div id="comments">{box(paragraph(92), paragraph(93))}</div>'
    article = read_html(page(REST + related + comments), url=URL)
    assert "Paragraph 3" in article.text
    assert "Paragraph 90" not in article.text
    assert "Paragraph 92" not in article.text


def test_the_next_story_on_an_endless_page_is_not_this_ones():
    next_story = "</article><article><h1>Bridge closes for a year</h1>" + box(
        paragraph(80), paragraph(81)
    )
    article = read_html(page(REST + next_story), url=URL)
    assert "Paragraph 3" in article.text
    assert "Paragraph 80" not in article.text


def test_a_one_line_box_of_the_same_class_is_not_more_of_the_body():
    caption = box("<p>Photo: Town Herald. The council chamber on the square, in May.</p>")
    root = lxml.html.fromstring(page(caption + LEAD + AD + REST))
    body = root.find_class("wide")[0]
    parts = more_of_the_body(FoundBody(set(), [], body))  # trafilatura kept no line of it
    assert [node.text_content()[:12] for node in parts.before] == ["Paragraph 1:"]
    assert parts.after == ()


def test_a_real_page_whose_lead_stands_in_its_own_box():
    # Engadget prints the first two paragraphs in one div.article-text, the rest, after an
    # ad, in another: the lead's two links (the press release, the store) were lost.
    folder = next(PAGES.glob("10-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    article = read_html((folder / "source.html").read_bytes(), url=labels["url"])
    assert article.text.startswith("Today sees the advent of Amazon’s Luxury Stores division")
    urls = [link.url for link in article.links]
    assert urls[0].startswith("https://www.businesswire.com/news/home/20200915005426/")
    assert len(urls) == labels["body_links"]["total"]
    for link in article.links:
        assert article.text[link.position :].startswith(link.text[:10])
