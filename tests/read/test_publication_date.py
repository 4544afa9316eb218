"""The publication date: the kinds of error found on real pages, each on a snippet of its kind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from checks.read import page_meta
from checks.read.html_page import parse_html, read_html

PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of the report says that the council met on the square and talked "
    f"for a long while about the budget, the roads and the schools of the town.</p>"
    for i in range(4)
)
URL = "https://www.town-herald.example/news/budget-talks"


def html(body: str, *, head: str = "", body_attrs: str = "", lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Budget talks | Town Herald</title>'
        f"{head}</head><body {body_attrs}>{body}</body></html>"
    ).encode()


def day(raw: bytes, url: str = URL) -> str | None:
    article = read_html(raw, url=url)
    return article.published.date().isoformat() if article.published else None


def test_a_drupal_layout_class_on_body_does_not_make_the_page_furniture():
    raw = html(
        "<article><h1>Council agrees the budget for next year</h1>"
        '<time class="published" datetime="2021-03-04T09:00:00+01:00">4 March 2021</time>'
        f"{PARAGRAPHS}</article>",
        body_attrs='class="one-sidebar sidebar-first"',
    )
    assert day(raw) == "2021-03-04"


@pytest.mark.parametrize(
    "footer",
    [
        '<footer><time itemprop="datePublished" datetime="2021-03-04">4 March 2021</time>'
        "</footer>",
        '<div class="footer"><span><time itemprop="datePublished" datetime="2021-03-04">'
        "04.03.2021</time></span></div>",
    ],
)
def test_the_articles_own_footer_keeps_its_date(footer):
    raw = html(
        '<div class="article" itemscope itemtype="http://schema.org/Article">'
        f"<h1>Council agrees the budget for next year</h1>{PARAGRAPHS}{footer}</div>"
        '<footer class="site">&copy; 2024 Town Herald</footer>'
    )
    assert day(raw) == "2021-03-04"


def test_a_sidebar_time_is_still_not_the_date():
    raw = html(
        f"<article><h1>Council agrees the budget for next year</h1>{PARAGRAPHS}</article>"
        '<div class="sidebar"><h3>More</h3><time datetime="2019-01-01">Jan 1</time></div>'
    )
    assert day(raw) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("30.10.23", "2023-10-30"),
        ("The Guardian 02/10/2020 Anna Fazackerley", "2020-10-02"),
        ("Von Anna Muster | 12.03.2024", "2024-03-12"),
    ],
)
def test_date_lines_with_two_digit_years_or_names(line, expected):
    raw = html(
        f"<article><h1>Council agrees the budget for next year</h1><p>{line}</p>"
        f"{PARAGRAPHS}</article>"
    )
    assert day(raw) == expected


def test_a_hidden_logo_headline_does_not_move_the_search_into_the_navigation():
    menu = "".join(f"<p>Section {i} 01.02.2019</p>" for i in range(1))
    raw = html(
        '<header><h1 class="logo"><a href="/"><img alt="Herald"></a></h1>'
        f"<div>{menu}</div></header>"
        + "".join(f"<p>Menu entry {i}</p>" for i in range(50))
        + "<article><h1>Council agrees the budget for next year</h1><p>5 March 2021</p>"
        f"{PARAGRAPHS}</article>"
    )
    assert day(raw) == "2021-03-05"


def test_htmldate_breaks_a_tie_between_the_pages_own_signals():
    # The JSON-LD block kept an earlier draft's date; the meta tag and htmldate agree.
    raw = html(
        f"<article><h1>Council agrees the budget for next year</h1>{PARAGRAPHS}</article>",
        head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget",'
        ' "datePublished": "2023-11-03T10:25:56+00:00"}</script>'
        '<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">',
    )
    article = read_html(raw, url=URL)
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-11-06"
    assert "htmldate" in article.published_basis


def test_agreeing_signals_do_not_ask_htmldate(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("htmldate should not be asked")

    monkeypatch.setattr(page_meta, "htmldate_vote", refuse)
    raw = html(
        "<article><h1>Council agrees the budget for next year</h1>"
        f'<time datetime="2022-03-09">9 March 2022</time>{PARAGRAPHS}</article>',
        head='<meta property="article:published_time" content="2022-03-09T10:00:00Z">',
    )
    assert day(raw) == "2022-03-09"


def test_a_page_its_own_date_line_dates_does_not_ask_htmldate(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("htmldate should not be asked")

    monkeypatch.setattr(page_meta, "htmldate_vote", refuse)
    raw = html(
        "<article><h1>Council agrees the budget for next year</h1>"
        f"<p>Published 9 March 2022</p>{PARAGRAPHS}</article>"
    )
    assert day(raw) == "2022-03-09"


def test_htmldate_dates_a_page_without_our_own_signals():
    # A date only in an <abbr title> of the kind blog engines write: htmldate reads it.
    raw = html(
        "<article><h1>Council agrees the budget for next year</h1>"
        '<div class="post-header"><abbr class="published" title="2020-07-05T10:00:00+02:00">'
        "Sunday</abbr></div>"
        f"{PARAGRAPHS}</article>"
    )
    article = read_html(raw, url="https://herald.example.org/p/budget")
    assert article.published is not None
    assert article.published.date().isoformat() == "2020-07-05"


def test_htmldate_reads_no_furniture_and_no_update():
    root = parse_html(
        html(
            f"<article><h1>Council agrees the budget</h1>{PARAGRAPHS}"
            '<p class="date">Updated 5 May 2024</p></article>'
            '<aside><time datetime="2025-07-01">Jul 1</time></aside>',
            head='<meta property="article:modified_time" content="2024-05-01T10:00:00Z">',
        )
    )
    assert page_meta.htmldate_vote(root, None) is None


def test_the_copy_htmldate_reads_leaves_the_page_alone():
    root = parse_html(html("<article><aside>x</aside><p>text</p></article>"))
    page_meta.htmldate_vote(root, None)
    assert root.find(".//aside") is not None


def test_a_two_digit_year_is_this_century_up_to_next_year():
    assert page_meta._two_digit_year(23) == 2023
    assert page_meta._two_digit_year(98) == 1998
    assert page_meta._two_digit_year(datetime.now(UTC).year % 100 + 2) < 2000


def test_a_copyright_footer_still_gives_no_date():
    raw = html(
        f"<article><h1>Council agrees the budget for next year</h1>{PARAGRAPHS}</article>"
        "<footer>&copy; 2025 Town Herald. All rights reserved.</footer>"
    )
    assert day(raw) is None


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Pubblicato il 3 marzo 2021 alle 10:15", "it", "2021-03-03"),
        ("Aggiornato il 5 marzo 2021 · Pubblicato il 3 marzo 2021", "it", "2021-03-03"),
        ("Opublikowano: 3 marca 2021 r., 10:15", "pl", "2021-03-03"),
        ("Zaktualizowano 5 marca 2021. Opublikowano 3 marca 2021", "pl", "2021-03-03"),
    ],
)
def test_italian_and_polish_published_lines(line, lang, expected):
    raw = html(
        f"<article><h1>Il consiglio approva il bilancio</h1><div>{line}</div>"
        f"{PARAGRAPHS}</article>",
        lang=lang,
    )
    assert day(raw) == expected


def test_one_moment_in_two_time_zones_is_not_a_disagreement(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("htmldate should not be asked")

    monkeypatch.setattr(page_meta, "htmldate_vote", refuse)
    raw = html(
        f"<article><h1>Council agrees the budget for next year</h1>{PARAGRAPHS}</article>",
        head='<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget",'
        ' "datePublished": "2020-01-17T23:30:00-05:00"}</script>'
        '<meta property="article:published_time" content="2020-01-18T04:30:00Z">',
    )
    assert day(raw) == "2020-01-17"
