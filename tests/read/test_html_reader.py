"""The HTML reader on real corpus pages and on small pages built to isolate one rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.languages import languages
from checks.model import Article
from checks.read.html_page import read_html
from checks.read.page_meta import parse_date, text_language

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
MOSCOW = timezone(timedelta(hours=3))


def corpus_page(slug: str) -> Article:
    folder = next(PAGES.glob(f"{slug}*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


def page(head: str = "", body: str = "", *, lang: str = "en") -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the report says that the council met on the square and talked "
        f"for a long while about the budget, the roads and the schools of the town.</p>"
        for i in range(4)
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Budget talks | Town Herald</title>'
        f"{head}</head><body><article>{body}{paragraphs}</article></body></html>"
    ).encode()


def test_tass_late_charset_reads_as_cyrillic_with_the_moscow_date():
    article = corpus_page("19-tass")

    assert article.title is not None
    assert article.title.startswith("Движение по ЦКАД-5")
    assert "МОСКВА, 29 июня. /ТАСС/" in article.text
    assert article.published == datetime(2020, 6, 29, 0, 16, 15, tzinfo=MOSCOW)
    assert article.published.date().isoformat() == "2020-06-29"  # not the UTC 28 June
    assert article.published_basis == "JSON-LD datePublished"
    assert article.language == "ru"


def test_valid_utf8_wins_over_a_charset_declared_after_the_prescan_window():
    filler = "<!-- " + "x" * 5000 + " -->"
    raw = page(f'{filler}<meta charset="windows-1251">', "<h1>Заголовок новости</h1>")

    article = read_html(raw, url="https://example.ru/news/1")

    assert article.meta["title"] == "Budget talks | Town Herald"
    assert "Ð" not in article.text


def test_a_page_in_a_legacy_charset_is_decoded_by_its_declaration():
    text = "<p>Мэрия сообщила, что новая дорога откроется в понедельник утром.</p>" * 5
    raw = page('<meta charset="windows-1251">', text).decode().encode("cp1251")

    article = read_html(raw, url="https://example.ru/news/2")

    assert "Мэрия сообщила, что новая дорога откроется" in article.text


def test_lefigaro_publication_date_is_the_original_not_the_update():
    article = corpus_page("14-madamefigaro")

    assert article.published == datetime(
        2017, 4, 12, 18, 33, 59, tzinfo=timezone(timedelta(hours=2))
    )
    assert article.published_basis == "article:published_time"
    assert article.meta["article:modified_time"] == "2020-02-19T15:24:33+01:00"


def test_text_language_beats_a_wrong_html_lang_attribute():
    article = corpus_page("14-madamefigaro")

    assert article.language == "fr"  # the page says <html lang="en">


def test_sidebar_dates_of_other_posts_are_not_the_publication_date():
    article = corpus_page("18-mediapart")

    assert article.published is not None
    assert article.published.date().isoformat() == "2019-06-27"  # the sidebar lists 30 July first


def test_engadget_jsonld_date_in_words_keeps_its_zone():
    article = corpus_page("10-engadget")

    edt = timezone(timedelta(hours=-4))
    assert article.published == datetime(2020, 9, 15, 10, 1, 41, tzinfo=edt)


def test_oann_without_date_metadata_falls_back_to_the_visible_date():
    article = corpus_page("01-oann")

    assert article.published is not None
    assert article.published.date().isoformat() == "2020-01-18"
    assert article.published_basis == "visible date line"  # "January 18, 2020" under the title


def test_kentnews_site_wide_notes_are_furniture_not_article_text():
    article = corpus_page("12-kentnews")
    liability = "we cannot verify the accuracy of all articles written!"
    satire = "with a pinch of sarcasm and a splash of satire!"

    assert liability in article.furniture_text
    assert satire in article.furniture_text
    assert liability not in article.text
    assert satire not in article.text
    assert len(article.furniture_text) <= 20_000


def test_metadata_fields_of_a_real_page():
    article = corpus_page("08-theatlantic")

    assert article.site_name == "The Atlantic"
    assert article.byline == "Leah C. Stokes"
    assert article.canonical_url == article.url
    assert article.meta["og:type"] == "article"
    assert "NewsArticle" in article.meta["jsonld_types"]
    assert article.source_kind == "html"


def test_relative_links_resolve_against_the_page_not_the_host():
    body = '<p>The figures are in <a href="annex/report.pdf">the annex</a> of the budget.</p>'
    article = read_html(page(body=body), url="https://herald.example/news/2024/budget.html")

    (link,) = article.links
    assert link.url == "https://herald.example/news/2024/annex/report.pdf"
    assert article.text[link.position : link.position + len(link.text)] == "the annex"


def test_relative_links_with_an_address_in_their_query_resolve_too():
    body = (
        '<p>The figures are in <a href="/go?u=https://x.example/r">the report</a> and '
        '<a href="//cdn.example/annex.pdf">the annex</a>.</p>'
    )
    article = read_html(page(body=body), url="https://herald.example/news/2024/budget.html")

    assert [link.url for link in article.links] == [
        "https://herald.example/go?u=https://x.example/r",
        "https://cdn.example/annex.pdf",
    ]


def test_in_page_anchors_keep_the_page_address_not_the_home_page():
    body = (
        '<p>The estimate<sup><a href="#fn1">1</a></sup> was published on Monday, see '
        '<a href="#comments">the comments</a> and the <a href="#">share</a> button.</p>'
    )
    article = read_html(page(body=body), url="https://herald.example/news/budget.html?x=1")

    assert [(link.text, link.url) for link in article.links] == [
        ("1", "https://herald.example/news/budget.html?x=1#fn1"),
        ("the comments", "https://herald.example/news/budget.html?x=1#comments"),
        ("share", "#"),
    ]


FOOTNOTES = (
    '<p>The senator cited a <a href="https://www.cbo.gov/publication/60000">CBO estimate</a>'
    '<sup><a href="#fn1">1</a></sup> on Wednesday.</p>'
)


@pytest.mark.parametrize(
    ("notes", "heading"),
    [
        ('<ol class="footnotes"><li id="fn1">See <a href="https://www.cbo.gov/publication/60001">'
         "CBO, Cost Estimate for S. 1234</a>.</li></ol>", "Notes"),
        ('<ol><li id="fn1">See <a href="https://www.cbo.gov/publication/60001">'
         "CBO, Cost Estimate for S. 1234</a>.</li></ol>", "Notes"),
        ('<h2>Sources</h2><ul><li><a href="https://www.cbo.gov/publication/60001">'
         "CBO, Cost Estimate for S. 1234</a></li></ul>", "Sources"),
    ],
)  # fmt: skip
def test_footnotes_the_extractor_drops_are_kept_with_their_links(notes, heading):
    raw = page(body=FOOTNOTES).replace(b"</article>", notes.encode() + b"</article>")
    article = read_html(raw, url="https://herald.example/news/budget.html")

    cited = [link for link in article.links if link.url.endswith("60001")]
    assert len(cited) == 1
    (link,) = cited
    assert article.text[link.position : link.position + len(link.text)] == link.text
    assert link.text == "CBO, Cost Estimate for S. 1234"
    assert heading in article.text.split("\n")


def test_a_footnote_list_the_extractor_keeps_is_not_repeated():
    notes = (
        '<p>Notes: the estimate is <a href="https://www.cbo.gov/publication/60001">CBO, Cost '
        "Estimate for S. 1234</a>, released on Monday with the full tables.</p>"
    )
    article = read_html(page(body=FOOTNOTES + notes), url="https://herald.example/news/b.html")

    assert [link.url for link in article.links].count("https://www.cbo.gov/publication/60001") == 1


def test_byline_from_a_by_line_box_without_a_name_element():
    body = '<p class="byline">By MARIA GARCIA and TOM LEE</p>'
    article = read_html(page(body=body), url="https://herald.example/news/b.html")

    assert article.byline == "MARIA GARCIA and TOM LEE"


def test_lenient_jsonld_cdata_graph_and_trailing_junk():
    jsonld = (
        '<script type="application/ld+json">//<![CDATA[\n{"@context": "https://schema.org",'
        ' "@graph": [{"@type": "WebSite", "name": "Herald"}, {"@type": "NewsArticle",'
        ' "datePublished": "2024-03-01T09:30:00", "author": [{"@type": "Person",'
        ' "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],'
        ' "publisher": {"name": "Town Herald"}}]}'
        " ;var x = 1;\n//]]></script>"
    )
    article = read_html(page(jsonld), url="https://herald.example/a")

    assert article.published == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)  # naive -> UTC
    assert article.byline == "Ann Lee, Bo Chen"
    assert article.site_name == "Town Herald"
    assert article.meta["jsonld_types"] == "WebSite, NewsArticle"


def test_site_name_from_the_title_suffix_when_nothing_else_names_it():
    article = read_html(page(), url="https://herald.example/a")

    assert article.site_name == "Town Herald"


def test_canonical_link_is_made_absolute():
    head = '<link rel="canonical" href="/news/budget-talks">'
    article = read_html(page(head), url="https://herald.example/amp/budget-talks")

    assert article.canonical_url == "https://herald.example/news/budget-talks"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-06-29T00:16:15+03:00", datetime(2020, 6, 29, 0, 16, 15, tzinfo=MOSCOW)),
        ("2020-01-16 10:02:53", datetime(2020, 1, 16, 10, 2, 53, tzinfo=UTC)),
        ("20200915", datetime(2020, 9, 15, tzinfo=UTC)),
        ("2019-06-27", datetime(2019, 6, 27, tzinfo=UTC)),
        ("not a date", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Regierung hat am Montag erklärt, dass die Reform nicht vor dem Sommer kommt, "
         "und die Opposition ist mit dem Plan auch nicht zufrieden.", "de"),
        ("El gobierno anunció que la reforma se aplicará en todo el país, y los sindicatos "
         "dijeron que la medida es más dura de lo que se esperaba por la población.", "es"),
        ("O governo disse que não vai adiar a reforma, que é para os trabalhadores também "
         "mais difícil do que foi prometido pela coligação.", "pt"),
        ("Мэрия сообщила, что движение по новому участку было открыто в понедельник, и это "
         "как раз то, что они обещали для всех жителей.", "ru"),
        ("Міська рада повідомила, що рух новою ділянкою було відкрито в понеділок, і це "
         "саме те, що вони обіцяли для всіх мешканців, але їх не почули.", "uk"),
        ("Le gouvernement a annoncé que la réforme des retraites sera appliquée dans les "
         "régions qui sont pour le moment pas prêtes, selon le ministre.", "fr"),
        # Italian and Czech used to read as Spanish, Polish as nothing at all.
        ("Il ministro ha detto che il governo non cambierà la legge, perché è stata approvata "
         "dal parlamento, e anche questa volta gli alleati sono più prudenti.", "it"),
        ("Minister powiedział, że rząd nie zmieni ustawy, która została przyjęta przez Sejm, "
         "ale jego zdaniem jest to także sprawa dla sądu, który może ją uchylić.", "pl"),
        ("Ministr řekl, že vláda není připravena a že zákon, který byl schválen, je podle "
         "něj také sporný, protože mezi poslanci už se nenajde shoda.", "cs"),
    ],
)  # fmt: skip
def test_text_language_by_stopwords(text, lang):
    assert text_language(text, declared="en") == lang


def test_each_language_folder_lists_stopwords_no_other_language_shares_entirely():
    from checks.read.page_meta import _STOPWORDS

    for code in languages():
        assert _STOPWORDS[code], code  # a folder whose every stopword is shared cannot win


def test_short_text_keeps_the_declared_language():
    assert text_language("Breaking news", declared="de-DE") == "de"


def test_a_site_name_that_is_only_an_address_gives_way_to_the_named_publisher():
    html = (
        b'<html><head><meta property="og:site_name" content="www.diariolibre.com">'
        b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Liga",'
        b' "publisher": {"@type": "Organization", "name": "Diario Libre"}}</script>'
        b"</head><body><article><p>La Bundesliga vuelve a jugar sin publico este fin de semana,"
        b" anunciaron los organizadores en un comunicado publicado el viernes.</p>"
        b"</article></body></html>"
    )
    article = read_html(html, url="https://www.diariolibre.com/deportes/liga")
    assert article.site_name == "Diario Libre"


NEWS_URL = "https://www.example-news.com/politics/plan-review"


def dated(
    head: str = "", body: str = "", *, lang: str = "en", tail: str = "", url: str = NEWS_URL
):
    raw = page(head, "<h1>Minister announces plan review</h1>" + body, lang=lang)
    return read_html(raw.replace(b"</body>", tail.encode() + b"</body>"), url=url)


@pytest.mark.parametrize(
    ("tail", "body", "head"),
    [
        ("<footer>&copy; 2025 Example News. All rights reserved.</footer>", "", ""),
        ("<aside><ul><li>Other story <time datetime='2025-07-01'>Jul 1</time></li></ul></aside>",
         "", ""),
        ("", "<p>The report of 5 January 2023 found problems.</p>", ""),
        ("", "<p>The study, published on 5 January 2023, found problems in the plan.</p>", ""),
        ("", "", '<meta property="article:modified_time" content="2024-05-01T10:00:00Z">'),
        ("", '<p class="date">Updated 5 May 2024</p>', ""),
        ("", '<div class="related"><ul><li><a href="/x">Old story</a> '
             '<time datetime="2019-01-01">Jan 1</time></li></ul></div>', ""),
    ],
)  # fmt: skip
def test_no_publication_date_is_invented_from_footer_sidebar_body_or_update(tail, body, head):
    article = dated(head, body, tail=tail)

    assert article.published is None
    assert article.published_basis == ""


@pytest.mark.parametrize(
    ("line", "lang", "day"),
    [
        ("Publicado el 12 de marzo de 2024 - 10:00", "es", "2024-03-12"),
        ("Publicado em 12 de março de 2024", "pt", "2024-03-12"),
        ("Опубликовано 12.03.2024 14:05", "ru", "2024-03-12"),
        ("Опубліковано 12 березня 2024, 14:05", "uk", "2024-03-12"),
        ("Veröffentlicht am 12. März 2024, 10:15 Uhr", "de", "2024-03-12"),
        ("Publié le 1er mars 2024 à 10h00", "fr", "2024-03-01"),
        ("By Jane Doe. Updated: May 5, 2024. Published: March 3, 2024", "en", "2024-03-03"),
        ("Updated 5 May 2024. Published 3 March 2024", "en", "2024-03-03"),
        ("12 марта 2024, 01:30", "ru", "2024-03-12"),
    ],
)
def test_a_visible_published_line_near_the_headline_gives_the_date(line, lang, day):
    article = dated(body=f'<div class="date">{line}</div>', lang=lang)

    assert article.published is not None
    assert article.published.date().isoformat() == day
    assert article.published_basis == "visible date line"


def test_a_date_in_the_url_path_beats_a_date_in_the_body():
    body = "<p>The report of 5 January 2023 found problems.</p>"
    article = dated(body=body, url="https://www.example-news.com/news/20240312-plan-review")

    assert article.published == datetime(2024, 3, 12, tzinfo=UTC)
    assert article.published_basis == "date in the URL"


def test_a_utc_timestamp_takes_the_local_offset_of_a_time_element_for_the_same_instant():
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"datePublished":"2024-03-11T22:30:00.000Z"}</script>'
    )
    body = '<time datetime="2024-03-12T01:30:00+03:00">12 марта 2024, 01:30</time>'
    article = dated(head, body, lang="ru")

    assert article.published == datetime(2024, 3, 12, 1, 30, tzinfo=MOSCOW)
    assert article.published_basis == "JSON-LD datePublished"


@pytest.mark.parametrize(
    ("stamp", "line", "local"),
    [
        ("2024-03-11T22:30:00Z", "12 марта 2024, 01:30",
         datetime(2024, 3, 12, 1, 30, tzinfo=MOSCOW)),
        ("2024-03-13T02:30:00Z", "Published March 12, 2024 at 10:30 p.m. EDT",
         datetime(2024, 3, 12, 22, 30, tzinfo=timezone(timedelta(hours=-4)))),
    ],
)  # fmt: skip
def test_a_utc_timestamp_is_read_on_the_local_day_the_page_prints(stamp, line, local):
    head = f'<meta property="article:published_time" content="{stamp}">'
    article = dated(head, f'<div class="date">{line}</div>')

    assert article.published == local
    assert article.published.date() == local.date()
    assert article.published_basis == "article:published_time"


def test_a_utc_timestamp_without_a_local_signal_stays_utc():
    head = '<meta property="article:published_time" content="2024-03-11T22:30:00Z">'
    assert dated(head).published == datetime(2024, 3, 11, 22, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("content", "lang", "day"),
    [
        ("12.03.2024", "en-US", "2024-03-12"),
        ("12/03/2024", "en", "2024-03-12"),
        ("04/03/2024", "en-GB", "2024-03-04"),
        ("04/03/2024", "en-US", "2024-04-03"),
        ("13/03/2024", "en-US", "2024-03-13"),
        ("1710237600", "en", "2024-03-12"),
    ],
)
def test_numeric_meta_dates_are_day_first_unless_the_page_is_us_english(content, lang, day):
    article = dated(f'<meta name="date" content="{content}">', lang=lang)

    assert article.published is not None
    assert article.published.date().isoformat() == day


def test_the_time_labelled_first_published_beats_the_updated_one():
    body = (
        '<div class="meta">Updated <time datetime="2024-05-01T10:00:00Z">May 1</time>, '
        'first published <time datetime="2024-03-12T10:00:00Z">Mar 12</time></div>'
    )
    assert dated(body=body).published == datetime(2024, 3, 12, 10, tzinfo=UTC)


def test_a_related_list_inside_the_article_does_not_beat_the_article_time():
    body = (
        '<div class="related-stories"><ul><li><a href="/x">Old story</a> '
        '<time datetime="2019-01-01">Jan 1</time></li></ul></div>'
        '<time datetime="2024-03-12T10:00:00Z">Mar 12</time>'
    )
    assert dated(body=body).published == datetime(2024, 3, 12, 10, tzinfo=UTC)


def jsonld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (jsonld('{"@type":"WebPage","mainEntity":{"@type":"NewsArticle",'
                '"datePublished":"2024-03-12T10:00:00Z"}}'),
         datetime(2024, 3, 12, 10, tzinfo=UTC)),
        (jsonld('{"@type":"NewsArticle","datePublished":["2024-03-12T10:00:00Z"]}'),
         datetime(2024, 3, 12, 10, tzinfo=UTC)),
        (jsonld('{"@type":"WebPage","datePublished":"2019-01-01T00:00:00Z"}')
         + '<meta property="article:published_time" content="2024-03-12T10:00:00Z">',
         datetime(2024, 3, 12, 10, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_jsonld_article_dates_nested_listed_and_weighed_against_a_webpage(head, expected):
    assert dated(head).published == expected


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Example News | Minister announces plan review", "Example News"),
        ("Minister announces plan review - Example News, 12.03.2024", "Example News"),
        ("Minister announces plan review | Example News - Breaking News & Analysis",
         "Example News"),
        ("Minister announces plan review — Example News — Latest news", "Example News"),
        ("Minister says 'no' - and critics agree | Small Town Paper", "Small Town Paper"),
    ],
)  # fmt: skip
def test_site_name_is_the_title_part_that_fits_the_domain(title, site):
    raw = page().replace(b"Budget talks | Town Herald", title.encode())
    article = read_html(raw, url=NEWS_URL)

    assert article.site_name == site
    assert article.title is not None
    assert site not in article.title


def test_a_generic_og_site_name_gives_way_to_the_jsonld_publisher():
    head = '<meta property="og:site_name" content="News">' + jsonld(
        '{"@type":"NewsArticle","publisher":{"@type":"NewsMediaOrganization",'
        '"name":"Example News"}}'
    )
    article = dated(head)

    assert article.site_name == "Example News"
    assert article.meta["jsonld_publisher"] == "Example News"


def test_a_section_og_site_name_gives_way_to_the_title():
    article = dated('<meta property="og:site_name" content="Politics">')

    assert article.site_name == "Town Herald"


def test_byline_with_a_date_after_a_bar():
    article = dated(body='<p class="byline">By Jane Doe | March 12, 2024</p>')

    assert article.byline == "Jane Doe"
    assert article.published is not None
    assert article.published.date().isoformat() == "2024-03-12"


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (
            b'<html><head><link rel="canonical" href="http://[broken"></head>',
            "https://a.example/x",
        ),
        (b'<html><head><base href="http://[broken"></head>', "https://a.example/x"),
        (b"<html><head></head>", "http://[not-an-address"),
    ],
)
def test_broken_addresses_in_a_page_or_its_url_are_ignored_not_fatal(html, url):
    body = (
        b"<body><article><p>The council approved the budget on Tuesday, the mayor told"
        b' reporters, citing <a href="/report">the report</a> and'
        b' <a href="http://[::1">a broken link</a>.</p></article></body></html>'
    )

    article = read_html(html + body, url=url)

    assert "approved the budget" in article.text


@pytest.mark.parametrize(
    "href",
    ["/a/../b", "/a/./b", "/a?", "/a#", "/a;p", "/a\nb", "/a\tb", "//host/x", "/", "/a?b=/c#d",
     "/%2e%2e/x", "/a b", "/ünï", "/a?#", "/..", "/a/.", "/a//b"],
)  # fmt: skip
@pytest.mark.parametrize(
    "page", ["https://Example.COM:8080/x/y.html?q=1", "http://user@host/", "https://h"]
)
def test_a_path_from_the_root_resolves_as_urljoin_resolves_it(page, href):
    from urllib.parse import urljoin

    from checks.read.html_page import _joined, _origin

    assert _joined(page, _origin(page), href) == urljoin(page, href)
