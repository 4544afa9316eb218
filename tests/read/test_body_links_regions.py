"""Links the extraction kept from furniture boxes are not citations: the regions say so."""

from __future__ import annotations

import json
from pathlib import Path

from checks.model import Article
from checks.read.body_links import classify, counted
from checks.read.html_page import read_html

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
URL = "https://www.daily.example/city/2024/05/festival.html"
TEXT = (
    "<p>The city council approved the festival budget on Tuesday, according to the "
    '<a href="https://council.example/minutes/2024-05">published minutes</a>, after a '
    "long debate about noise and the cost of cleaning the park afterwards.</p>"
    "<p>Residents of the old town had asked for shorter opening hours, and the organisers "
    "agreed to close the main stage at ten in the evening on every day of the festival.</p>"
    "<p>The police said they would add patrols near the station and along the river, where "
    "most visitors arrive, and that the roads around the park would be closed.</p>"
)
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="es">Festival sin ruido después de las diez '
    '<a href="https://twitter.com/hashtag/Festival">#Festival</a> '
    '<a href="https://t.co/abc123">pic.twitter.com/abc123</a></p>— Daily City (@dailycity) '
    '<a href="https://twitter.com/dailycity/status/1">May 5, 2024</a></blockquote>'
)
WALL = (
    '<div class="article-locked"><p>Full use of the site requires JavaScript; read the '
    '<a href="https://www.daily.example/terms">terms of the subscription</a> and our '
    '<a href="https://www.daily.example/privacy">privacy policy</a> before you subscribe.'
    "</p></div>"
)


def page(body: str) -> Article:
    raw = (
        "<html><head><title>Festival | Daily</title></head><body><main><article>"
        f"<h1>Festival budget approved</h1><div class='story'>{body}</div>"
        "</article></main></body></html>"
    ).encode()
    return read_html(raw, url=URL)


def counted_urls(article: Article) -> list[str]:
    return [r.link.url for r in counted(article)]


def test_links_of_an_embedded_post_are_not_citations():
    article = page(TEXT + TWEET)

    assert "#Festival" in " ".join(link.text for link in article.links)  # the extraction kept it
    assert counted_urls(article) == ["https://council.example/minutes/2024-05"]


def test_links_of_a_subscription_box_in_the_body_are_not_citations():
    article = page(TEXT + WALL)

    assert "https://www.daily.example/terms" in [link.url for link in article.links]
    assert counted_urls(article) == ["https://council.example/minutes/2024-05"]
    reasons = {r.link.url: r.reason for r in classify(article)}
    assert reasons["https://www.daily.example/terms"] == "page furniture (a box beside the text)"


def test_a_line_that_only_recurs_inside_a_sidebar_excerpt_is_still_counted():
    credit = "<p>Written by: <a href='https://other.example/jane'>Jane Roe</a></p>"
    sidebar = (
        "<aside class='sidebar'><h3>Latest</h3><p>Another story. Written by: Jane Roe. "
        "More text of a teaser here.</p></aside>"
    )
    raw = (
        "<html><head><title>Festival | Daily</title></head><body><main><article>"
        f"<h1>Festival budget approved</h1><div class='story'>{credit}{TEXT}</div>"
        f"</article>{sidebar}</main></body></html>"
    ).encode()
    article = read_html(raw, url=URL)

    assert "https://other.example/jane" in counted_urls(article)


def real(prefix: str) -> tuple[Article, dict]:
    folder = next(PAGES.glob(f"{prefix}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"]), labels


def test_real_pages_paywall_box_comment_form_and_embedded_tweets_are_furniture():
    for prefix in ("34", "59", "73"):  # dev pages: a wall, a comment form, a tweet
        article, labels = real(prefix)
        furniture = {
            r.link.url for r in classify(article) if r.reason.startswith("page furniture")
        }
        assert furniture, prefix
        counted_set = {r.link.url for r in counted(article)}
        labelled = {link["url"] for link in labels["body_links"]["links"]}
        assert not furniture & labelled, prefix
        assert len(counted_set) <= labels["body_links"]["total"] + 1, prefix
