"""Declared provenance: what the page's markup says about where its content comes from."""

from __future__ import annotations

import json
from pathlib import Path

from checks.model import Article, Declared
from checks.read.html_page import read_html

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
URL = "https://www.portal.example/news/story-123.html"
TEXT = "".join(
    f"<p>Paragraph {i}: the minister said on Tuesday that the talks would go on into next "
    f"week, and that both sides had agreed to meet again in the capital.</p>"
    for i in range(4)
)


def read(head: str = "", body: str = "") -> Article:
    raw = (
        f"<html><head><title>Talks go on</title>{head}</head><body>{body}"
        f"<article><h1>Talks go on</h1>{TEXT}</article></body></html>"
    ).encode()
    return read_html(raw, url=URL)


def jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def corpus_page(prefix: str) -> Article:
    folder = next(PAGES.glob(f"{prefix}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


def test_jsonld_is_based_on_and_source_organization_are_kept_as_written():
    article = read(
        jsonld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Talks go on",
                "isBasedOn": {"@type": "NewsArticle", "url": "https://apnews.com/article/abc"},
                "sourceOrganization": {"@type": "Organization", "name": "Associated Press"},
                "copyrightHolder": "The Associated Press",
            }
        )
    )

    assert Declared("isBasedOn", "https://apnews.com/article/abc", "JSON-LD NewsArticle") in (
        article.declared
    )
    assert Declared("sourceOrganization", "Associated Press", "JSON-LD NewsArticle") in (
        article.declared
    )
    assert Declared("copyrightHolder", "The Associated Press", "JSON-LD NewsArticle") in (
        article.declared
    )


def test_a_graph_reference_is_resolved_and_an_organisation_author_is_a_credit():
    article = read(
        jsonld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "Organization", "@id": "https://jiji.example/#org", "name": "Jiji"},
                    {
                        "@type": "NewsArticle",
                        "headline": "Talks go on",
                        "provider": {"@id": "https://jiji.example/#org"},
                        "author": [
                            {"@type": "Person", "name": "Hana Sato"},
                            {"@type": "Organization", "name": "Jiji Press"},
                        ],
                    },
                ],
            }
        )
    )

    pairs = {(d.key, d.value) for d in article.declared}
    assert ("provider", "Jiji") in pairs
    assert ("author", "Jiji Press") in pairs
    assert ("author", "Hana Sato") not in pairs  # a person is the byline, not provenance


def test_meta_and_link_sources_are_kept():
    article = read(
        '<meta name="syndication-source" content="https://www.grist.org/climate/story">'
        '<meta name="DC.source" content="Reuters">'
        '<link rel="original-source" href="https://www.grist.org/climate/story">'
    )

    assert (
        Declared(
            "syndication-source", "https://www.grist.org/climate/story", "meta syndication-source"
        )
        in article.declared
    )
    assert Declared("dc.source", "Reuters", "meta dc.source") in article.declared
    assert (
        Declared(
            "original-source", "https://www.grist.org/climate/story", "link rel=original-source"
        )
        in article.declared
    )


def test_a_portal_provider_block_is_kept_but_a_photo_credit_is_not():
    article = read(
        body=(
            '<div class="caas-attr-provider"><img alt="CNET Japan" src="/logo.png"></div>'
            '<figure><span class="provider-name">Getty Images</span></figure>'
            '<div itemscope itemtype="https://schema.org/NewsArticle">'
            '<meta itemprop="copyrightHolder" content="Kyodo News">'
            '<figure itemscope itemtype="https://schema.org/ImageObject">'
            '<span itemprop="copyrightHolder">Photo Agency</span></figure></div>'
        )
    )

    pairs = {(d.key, d.value, d.where) for d in article.declared}
    assert ("provider", "CNET Japan", "provider block") in pairs
    assert ("copyrightHolder", "Kyodo News", "microdata") in pairs
    assert not any(value in ("Getty Images", "Photo Agency") for _, value, _ in pairs)


def test_share_buttons_embeds_feeds_and_form_fields_are_not_provider_blocks():
    article = read(
        body=(
            '<ul><li class="social-share__provider social-share__provider--twitter">'
            "Twitter Icon</li></ul>"
            '<figure class="wp-block-embed is-provider-instagram">'
            "View this post on Instagram A post shared by Jane Doe (@jdoe)</figure>"
            '<div id="syndication"><a href="/feed">Entries RSS</a> | '
            '<a href="/comments/feed">Comments RSS</a></div>'
            '<form><label id="source-name">Your name</label>'
            '<input id="source_name" value="Jane"></form>'
            '<div class="content-provider">Jiji Press</div>'
        )
    )

    assert [(d.key, d.value) for d in article.declared if d.where == "provider block"] == [
        ("provider", "Jiji Press")
    ]


def test_a_page_without_provenance_markup_declares_nothing():
    assert read().declared == ()


def test_real_page_an_agency_names_itself_as_author_and_publisher():
    article = corpus_page("19")  # TASS on its own site

    assert Declared("author", "ТАСС", "JSON-LD NewsArticle") in article.declared
    assert Declared("publisher", "ТАСС", "JSON-LD NewsArticle") in article.declared


def test_real_page_meta_original_source_is_read():
    article = corpus_page("16")

    assert any(d.key == "original-source" and "correctiv.org" in d.value for d in article.declared)
