"""Linked citations: real pages, the sample, and one sentence per furniture rule."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from checks.builtin.citations import Citations, link_kind
from checks.model import Article, Status
from checks.read.body_links import classify
from checks.read.fetch import Fetcher
from checks.read.html_page import read_html

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
SEED = Path(__file__).parents[1] / "fixtures" / "seed-expected.json"


def corpus_page(slug: str) -> Article:
    folder = next(PAGES.glob(f"{slug}*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


def labelled(slug: str) -> dict:
    folder = next(PAGES.glob(f"{slug}*"))
    return json.loads((folder / "labels.json").read_text("utf-8"))["body_links"]


async def check(article: Article, ctx) -> tuple[Status, str, dict, list]:
    result = await Citations().run(article, ctx)
    return result.status, result.summary, dict(result.data), list(result.evidence)


def counted_texts(article: Article) -> list[str]:
    return [r.link.text for r in classify(article) if r.counted]


# --- the sample -------------------------------------------------------------------------


async def test_sample_counts_four_placeholder_links_and_warns(sample_article, check_ctx):
    status, summary, data, evidence = await check(sample_article, check_ctx)
    seed = json.loads(SEED.read_text("utf-8"))["citations"]

    assert counted_texts(sample_article) == seed["body_links"]
    assert status is Status.WARN
    assert summary == "4 links in the text, all placeholders '#': no source can be followed"
    assert (data["total"], data["placeholders"], data["unusable"]) == (4, 4, 4)
    assert len(sample_article.links) == 22
    assert [e.quote for e in evidence] == ["intrusion", "information", "stated", "commented"]
    # pasted text: no page URL, so whose links are "internal" cannot be told
    assert data["internal"] is None
    assert data["external"] is None


def test_sample_furniture_reasons(sample_article):
    reasons: dict[str, str] = {}
    for r in classify(sample_article):
        reasons.setdefault(r.link.text, r.reason)

    assert reasons["Europe"] == "tag or category list"
    assert reasons["Become a Member of Global Research"] == "button or call to action"
    assert reasons["click here"] == "button or call to action"
    assert reasons["Lucas Leiroz de Almeida"] == "byline"


# --- real pages ---------------------------------------------------------------------------


async def test_breitbart_author_tagline_is_not_a_citation(check_ctx):
    article = corpus_page("03-breitbart")
    status, summary, data, _evidence = await check(article, check_ctx)

    assert (data["total"], data["internal"], data["external"]) == (5, 4, 1)
    texts = counted_texts(article)
    assert "#Hamilton" in texts  # the tweet quoted in the text
    assert "@LucasNolan_" not in texts
    assert "lnolan@breitbart.com" not in texts
    assert status is Status.INFO
    assert summary == "5 links: 1 social, 4 to the same outlet"
    assert data["flagged"] == []  # the outlet's own domain is not reported as a linked outlet


async def test_atlantic_read_teasers_and_author_box_are_dropped(check_ctx):
    article = corpus_page("08-theatlantic")
    _status, summary, data, evidence = await check(article, check_ctx)

    assert len(article.links) == 33
    assert (data["total"], data["internal"], data["external"]) == (26, 0, 26)
    reasons = {r.link.text: r.reason for r in classify(article) if r.reason}
    assert reasons["Read: Two disasters are exponentially worse than one"] == (
        "related-article teaser"
    )
    assert reasons["Annie Lowrey: California is becoming unlivable"] == (
        "link on a line of its own"
    )
    assert reasons["Leah C. Stokes"] == "author box or author link"
    assert reasons["All We Can Save"] == "author box or author link"
    assert reasons["Submit a letter"] == "button or call to action"
    assert data["domains"]["bit.ly"] == 3
    assert data["kinds"]["primary source"] == 1  # drought.gov
    assert summary.startswith(
        "26 links: 1 to a primary source, 14 to other outlets, 10 to other sites, 1 social"
    )
    assert len(evidence) == 8
    assert ("years-long", "link 2, primary source (drought.gov)") in [
        (e.quote, e.where) for e in evidence
    ]


async def test_npr_related_boxes_are_not_counted(check_ctx):
    article = corpus_page("13-npr")
    _, _, data, _ = await check(article, check_ctx)
    label = labelled("13-npr")

    assert (data["total"], data["internal"], data["external"]) == (
        label["total"],
        label["internal"],
        label["external"],
    )
    assert "Enlarge this image" not in counted_texts(article)


async def test_lefigaro_subdomains_are_the_same_outlet(check_ctx):
    article = corpus_page("14-madamefigaro")
    _, _, data, _ = await check(article, check_ctx)

    assert (data["total"], data["internal"], data["external"]) == (25, 23, 2)
    assert data["domains"]["lefigaro.fr"] == 23
    reasons = [r.reason for r in classify(article) if r.link.text.startswith("Ballonnements")]
    assert reasons == ["related-article teaser"]  # "À lire aussi »"


async def test_ponys_credits_and_a_link_ending_a_sentence_count(check_ctx):
    article = corpus_page("17-iloveponys")
    _, _, data, _ = await check(article, check_ctx)

    assert (data["total"], data["internal"], data["external"]) == (15, 4, 11)
    texts = counted_texts(article)
    assert "Sophia Mahnert" in texts  # "Fotos: Sophia Mahnert"
    assert "“Monreith”" in texts  # a line of its own, but the end of the sentence above


async def test_a_page_without_body_links_warns(check_ctx):
    status, summary, data, _ = await check(corpus_page("19-tass"), check_ctx)

    assert status is Status.WARN
    assert summary == "No links in the article text: no source can be followed"
    assert data["total"] == 0


# Dev pages of round 2 whose count is still off by more than one: a known miss, not hidden.
NOT_YET = {
    "25-apolut": "count off by more than one",
    "39-fluter": "count off by more than one",
    "79-polygraph": "count off by more than one",
}


def _marks(slug: str) -> pytest.MarkDecorator | tuple[()]:
    reason = next((r for prefix, r in NOT_YET.items() if slug.startswith(prefix)), None)
    return pytest.mark.xfail(strict=True, reason=reason) if reason else ()


def _dev_pages() -> list[str]:
    """Pages whose labels may be tuned on and that have body links labelled: blind pages are
    measured by `sourcecheck evaluate` only, never asserted one by one."""
    labels = {
        p.name: json.loads((p / "labels.json").read_text("utf-8"))
        for p in sorted(PAGES.iterdir())
        if (p / "labels.json").exists()
    }
    return [n for n, d in labels.items() if d.get("split") != "blind" and "body_links" in d]


@pytest.mark.parametrize(
    "slug",
    [pytest.param(p, marks=_marks(p)) for p in _dev_pages()],
)
async def test_corpus_body_link_count_within_one(slug, check_ctx):
    _, _, data, _ = await check(corpus_page(slug), check_ctx)

    assert abs(data["total"] - labelled(slug)["total"]) <= 1


# --- one rule at a time ---------------------------------------------------------------------

URL = "https://news.example.com/2024/05/story.html"


def article_from(make_article, text: str) -> Article:
    return make_article(text, url=URL)


@pytest.mark.parametrize(
    "line",
    [
        "Read more: [Floods hit the coast again](https://news.example.com/floods)",
        "Lesen Sie auch: [Hochwasser an der Küste](https://news.example.com/flut)",
        "À lire aussi » [Les inondations reviennent](https://news.example.com/crue)",
        "Lee también: [Las inundaciones vuelven](https://news.example.com/agua)",
        "Leia também: [As cheias voltaram](https://news.example.com/cheias)",
        "Читайте также: [Наводнение на побережье](https://news.example.com/voda)",
        "Читайте також: [Повінь на узбережжі](https://news.example.com/povin)",
    ],
)
def test_teaser_lines_in_seven_languages(make_article, line):
    text = (
        "The council voted on Monday, according to [the minutes](https://city.gov/minutes).\n"
        f"{line}\nThe mayor did not comment."
    )
    results = classify(article_from(make_article, text))

    assert [r.reason for r in results] == ["", "related-article teaser"]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Follow us on [Twitter](https://twitter.com/news).", "button or call to action"),
        ("Folgen Sie uns auf [Telegram](https://t.me/news).", "button or call to action"),
        ("Suivez-nous sur [Facebook](https://facebook.com/news).", "button or call to action"),
        ("Подписывайтесь на наш [канал](https://t.me/news).", "button or call to action"),
        ("Підписуйтесь на наш [канал](https://t.me/news).", "button or call to action"),
        ("Tags: [Budget](https://news.example.com/t/budget), [Roads](https://news.example.com/t/roads)",
         "tag or category list"),
        ("Copyright © [News Example](https://news.example.com), 2024", "copyright line"),
        ("Write to [desk@news.example.com](mailto:desk@news.example.com) with tips, please.",
         "e-mail or phone link"),
        ("Have a tip? Contact us securely via [our tips page](https://news.example.com/tips).",
         "button or call to action"),
        ("Republish this story for free under our [Creative Commons license]"
         "(https://news.example.com/republish).", "button or call to action"),
        ("[Tom Lee](https://www.news.example.com/author/tom-lee) covers the White House and "
         "previously worked at the Boston Globe.", "author box or author link"),
    ],
)  # fmt: skip
def test_furniture_sentences(make_article, sentence, reason):
    text = (
        "The ministry published [its report](https://ministry.gov.uk/report) on Tuesday, "
        "and the opposition called it incomplete.\n" + sentence
    )
    results = classify(article_from(make_article, text))

    assert results[0].counted
    assert {r.reason for r in results[1:]} == {reason}


def test_a_source_named_after_by_mid_sentence_is_not_a_byline(make_article):
    text = "The figures were disputed by [the statistics office](https://www.destatis.de/x)."
    assert counted_texts(article_from(make_article, text)) == ["the statistics office"]


def test_a_profile_page_on_another_site_is_a_citation(make_article):
    text = (
        "The numbers were checked by [Maria Garcia](https://www.stanford.edu/people/mgarcia), "
        "an economist who studies local budgets."
    )
    assert counted_texts(article_from(make_article, text)) == ["Maria Garcia"]


def test_bio_links_of_an_unlinked_byline_are_not_citations(make_article):
    text = (
        "By MARIA GARCIA and TOM LEE\n"
        "The senator said the bill would pass, citing a [CBO estimate](https://www.cbo.gov/p/1).\n"
        "Maria Garcia is a congressional reporter. [Maria Garcia](https://twitter.com/mgarcia)"
    )
    results = classify(article_from(make_article, text))

    assert [r.reason for r in results] == ["", "author box or author link"]


_OPED = (
    "Congress has one realistic shot at permitting reform, and a [Department of Energy study]"
    "(https://www.energy.gov/study) shows why.\n"
    "Lawmakers have roughly five weeks before the holiday recess. They should use them.\n"
)


@pytest.mark.parametrize(
    "bio",
    [
        "*Rachel Okafor is a former senior adviser at the Federal Energy Regulatory Commission "
        "and a fellow at the [Bipartisan Policy Center](https://www.bipartisanpolicy.org/).*",
        "[Rachel Okafor](https://twitter.com/rokafor) is a former fellow at the Bipartisan "
        "Policy Center.",
        "María López es periodista de [El Diario Regional](https://www.eldiarioregional.es/) y "
        "autora de dos libros sobre vivienda.",
        "Ana de la Cruz es investigadora en la [Universidad de Sevilla](https://www.us.es/).",
        "Hans Meier ist Korrespondent der [Wirtschaftswoche](https://www.wiwo.de/) in Brüssel.",
        "Jean Dupont est chercheur à l'[Institut Montaigne](https://www.institutmontaigne.org/).",
        "Ana Souza é jornalista e pesquisadora da [FGV](https://portal.fgv.br/).",
        "Иван Петров — политолог, научный сотрудник [Института Европы РАН](https://instituteofeurope.ru/).",
        "Олена Коваль — політологиня, аналітикиня [Центру Разумкова](https://razumkov.org.ua/).",
    ],
)  # fmt: skip
def test_an_author_tagline_at_the_end_is_not_a_citation(make_article, bio):
    text = _OPED + bio + "\nThe views expressed by contributors are their own."
    results = classify(article_from(make_article, text))

    assert [r.reason for r in results] == ["", "author box or author link"]


@pytest.mark.parametrize(
    "line",
    [
        # a statement attributed to a source, though shaped like a bio
        "John Smith is a former official at the agency, according to [the inspector general's "
        "report](https://oig.example.gov/report).",
        # an organisation, not a person, as the subject
        "Bipartisan Policy Center is a [think tank](https://www.bipartisanpolicy.org/about) "
        "founded by four former Senate majority leaders.",
        # a sentence of the story, no writer's role
        "Maria Lopez is the owner of the bakery, which [the city fined]"
        "(https://city.example.gov/fines) last year.",
    ],
)
def test_bio_shaped_sentences_that_cite_stay_citations(make_article, line):
    text = _OPED + line + "\nThe views expressed by contributors are their own."
    assert counted_texts(article_from(make_article, text))[1:] == [
        link.text for link in article_from(make_article, line).links
    ]


def test_a_bio_sentence_in_the_middle_of_the_text_stays_a_citation(make_article):
    bio = (
        "Rachel Okafor is a former senior adviser at the [Federal Energy Regulatory "
        "Commission](https://www.ferc.gov/), which approved the line in 2019.\n"
    )
    body = "".join(
        f"Paragraph {n} of the story goes on about transmission lines.\n" for n in range(8)
    )
    results = classify(article_from(make_article, _OPED + bio + body))

    assert [r.reason for r in results] == ["", ""]


@pytest.mark.parametrize("heading", ["Sources", "Notes:", "Quellen", "Источники", "Джерела"])
def test_links_listed_under_a_sources_heading_are_citations(make_article, heading):
    listed = (
        "[CBO, Cost Estimate for S. 1234](https://www.cbo.gov/publication/60001)\n"
        "[BLS employment data](https://www.bls.gov/news.release/empsit.htm)"
    )
    body = "The senator said the bill would pass and cost less than critics claim.\n"
    under_heading = classify(article_from(make_article, f"{body}{heading}\n{listed}"))
    bare = classify(article_from(make_article, body + listed))

    assert [r.counted for r in under_heading] == [True, True]
    assert {r.reason for r in bare} == {"link on a line of its own"}


def test_in_page_anchors_are_not_citations(make_article):
    text = (
        "The senator cited a [CBO estimate](https://www.cbo.gov/p/1)[1](#fn1) on Wednesday.\n"
        "[12 comments](https://www.news.example.com/2024/05/story.html#comments)"
    )
    article = replace(article_from(make_article, text), source_kind="html",
                      url="https://www.news.example.com/2024/05/story.html?utm_source=x",
                      canonical_url="https://www.news.example.com/2024/05/story.html")  # fmt: skip
    reasons = [r.reason for r in classify(article)]

    assert reasons == ["", "link within the page", "link within the page"]


CAPITAL_DISPATCH = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Senator says bill will pass</title>
<meta property="og:site_name" content="Capital Dispatch"></head><body><article>
<h1>Senator says bill will pass</h1>
<p class="byline">By MARIA GARCIA and TOM LEE</p>
<p>Sen. Pat Jones said Wednesday the bill will pass, citing a <a
href="https://www.cbo.gov/publication/60000">CBO estimate</a><sup><a href="#fn1">1</a></sup>.</p>
<p>Critics disagree. "It's dead on arrival," said Rep. Sam Roe, as
<a href="https://www.politico.com/news/2024/11/19/bill-000">Politico reported</a>.</p>
<p>Maria Garcia is a congressional reporter.
<a href="https://www.capitaldispatch.com/author/maria-garcia">Maria Garcia</a></p>
<p><a href="/author/tom-lee">Tom Lee</a> covers the White House for Capital Dispatch and
previously worked at the Boston Globe.</p>
<ol class="footnotes"><li id="fn1">See <a href="https://www.cbo.gov/publication/60001">CBO,
Cost Estimate for S. 1234</a>.</li></ol>
<p>Have a tip? Contact us securely via <a href="/tips">our tips page</a>.</p>
<p>Republish this story for free under our <a href="/republish">Creative Commons license</a>.</p>
</article></body></html>"""


async def test_a_news_page_counts_its_sources_not_its_furniture(check_ctx):
    article = read_html(
        CAPITAL_DISPATCH.encode(), url="https://www.capitaldispatch.com/2024/11/20/bill/"
    )
    _, summary, data, evidence = await check(article, check_ctx)

    assert counted_texts(article) == [
        "CBO estimate",
        "Politico reported",
        "CBO, Cost Estimate for S. 1234",
    ]
    assert summary == "3 links: 2 to primary sources, 1 to another outlet"
    assert data["internal"] == 0
    assert "https://www.cbo.gov/publication/60001" in {e.url for e in evidence}


def test_an_in_text_twitter_link_is_a_citation_not_a_button(make_article):
    text = (
        "The minister wrote on [Twitter](https://twitter.com/minister/status/1) that the "
        "bridge would reopen, which the engineers later contradicted."
    )
    assert counted_texts(article_from(make_article, text)) == ["Twitter"]


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.whitehouse.gov/briefing", "primary source"),
        ("https://www.legifrance.gouv.fr/loda/id/1", "primary source"),
        ("https://www.boe.es/diario/1", "primary source"),
        ("https://www.gob.mx/salud", "primary source"),
        ("https://news.un.org/en/story", "primary source"),
        ("https://doi.org/10.1038/s41564-018-0337-x", "primary source"),
        ("https://www.ox.ac.uk/news", "primary source"),
        ("https://x.com/someone/status/2", "social"),
        ("https://vk.com/wall-1", "social"),
        ("https://www.youtube.com/watch?v=1", "social"),
        ("https://sport.news.example.com/a", "same outlet"),
        ("https://www.bbc.co.uk/news/1", "other outlet"),
        ("#", "placeholder"),
        ("javascript:void(0)", "placeholder"),
        ("ftp://files.example.org/a", "unusable"),
    ],
)
def test_link_kinds(url, kind):
    assert link_kind(url, "example.com")[0] == kind


async def test_summary_counts_kinds_and_flags_listed_outlets(make_article, check_ctx):
    text = (
        "The figures come from [the census](https://www.census.gov/data), were disputed by "
        "[a state broadcaster](https://www.rt.com/news/1) and by "
        "[another](https://www.bbc.co.uk/n), "
        "and were discussed on [Telegram](https://t.me/somechannel/5) and in "
        "[our earlier report](https://news.example.com/earlier)."
    )
    status, summary, data, evidence = await check(article_from(make_article, text), check_ctx)

    assert status is Status.INFO
    assert summary == (
        "5 links: 1 to a primary source, 2 to other outlets, 1 social, 1 to the same outlet;"
        " links to flagged outlets (rt.com)"
    )
    assert (data["internal"], data["external"], data["distinct_urls"]) == (1, 4, 5)
    assert data["flagged"][0]["domain"] == "rt.com"
    assert evidence[0].quote == "the census"
    assert evidence[0].url == "https://www.census.gov/data"
    assert evidence[0].where == "link 1, primary source (census.gov)"


async def test_pasted_text_without_url_has_unknown_outlet(make_article, check_ctx):
    text = "As [the agency reported](https://www.reuters.com/world/x), the talks failed."
    _, summary, data, _ = await check(make_article(text), check_ctx)

    assert (data["internal"], data["external"], data["unknown_outlet"]) == (None, None, 1)
    assert summary == "1 link: 1 to a site (outlet unknown)"


async def test_empty_text_is_skipped(check_ctx):
    result = await Citations().run(Article(text="  "), check_ctx)
    assert result.status is Status.SKIP


# --- dead links, over loopback only -----------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        status = 200 if self.path == "/alive" else 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_HEAD = do_GET


@pytest.fixture
def loopback() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def test_dead_links_are_probed_only_with_a_fetcher(make_article, check_ctx, loopback):
    host, port = loopback.split(":")
    text = (
        f"The [first report](http://{loopback}/alive) was confirmed, the "
        f"[second](http://{loopback}/gone) has vanished."
    )
    article = make_article(text, url="https://news.example.com/a")

    _, _, offline, _ = await check(article, check_ctx)
    async with Fetcher(allow=[(host, int(port))], retries=0) as fetcher:
        _, _, online, _ = await check(article, replace(check_ctx, fetcher=fetcher))

    assert "dead_links" not in offline
    assert [(d["url"], d["status"]) for d in online["dead_links"]] == [
        (f"http://{loopback}/gone", 404)
    ]
    assert (online["probed"], online["unanswered"]) == (2, 0)


async def test_a_link_that_does_not_answer_in_time_is_left_unjudged(
    make_article, check_ctx, loopback
):
    host, port = loopback.split(":")
    text = (
        f"The [report](http://{loopback}/gone) has vanished; the [archive](http://{loopback}/slow)"
        " is slow."
    )
    article = make_article(text, url="https://news.example.com/a")
    ctx = replace(check_ctx, settings={"citations": {"probe_seconds": 0.5}})

    async with Fetcher(allow=[(host, int(port))], retries=0) as fetcher:
        result = await Citations().run(article, replace(ctx, fetcher=fetcher))

    assert result.summary.endswith("; 1 of 1 checked links dead")
    assert (result.data["probed"], result.data["unanswered"]) == (1, 1)
    assert result.evidence[0].where == "dead link"
    assert result.evidence[0].url == f"http://{loopback}/gone"


async def test_sites_no_outlet_dataset_knows_are_other_sites_not_outlets(make_article, check_ctx):
    article = make_article(
        "Damage was confirmed by [the relief agency](https://www.unrwa.org/report) and the"
        " [advocacy group](https://www.rewiringamerica.org/jobs-report), and"
        " [The Guardian](https://www.theguardian.com/world/2023/nov/01/x) reported it first.",
        url="https://www.npr.org/2023/11/09/story",
    )

    _, summary, data, _ = await check(article, check_ctx)

    assert data["kinds"] == {"primary source": 1, "other outlet": 1, "other site": 1}
    assert summary == ("3 links: 1 to a primary source, 1 to another outlet, 1 to another site")


# --- what could not be seen: say so instead of "nothing found"

# Pages the reader could not see (the same shapes as tests/read/test_visibility.py).
JS_SHELL = (
    b"<html><head><title>Talks</title><script>location.reload();</script></head>"
    b'<body><div id="root"></div><script src="/app.js"></script></body></html>'
)
TEASER_PAGE = (
    b'<html><head><title>Talks</title><script type="application/ld+json">{"@context": '
    b'"https://schema.org", "@type": "NewsArticle", "headline": "Talks", '
    b'"isAccessibleForFree": "False"}</script></head><body><article><h1>Talks</h1>'
    b"<p>The minister said on Tuesday that the talks would go on into next week, and that "
    b"both sides had agreed to meet again in the capital. What the two delegations could not "
    b'agree on was the timetable, which the opposition says is</p><div class="paywall"><p>'
    b"Subscribe to continue reading: unlimited access for 1 a month.</p></div>"
    b"</article></body></html>"
)
SHELL_URL = "https://www.example-daily.com/politics/2024/05/talks.html"


async def test_a_page_without_readable_text_could_not_be_looked_at(check_ctx):
    article = read_html(JS_SHELL, url=SHELL_URL)
    status, summary, data, _ = await check(article, check_ctx)
    assert status is Status.SKIP
    assert summary == f"Could not look for links: {article.visibility.reason}"
    assert (data["visible"], data["total"]) == ("none", 0)  # counts of what could be seen


async def test_a_paywalled_teaser_counts_only_its_visible_links(check_ctx):
    _, summary, data, _ = await check(read_html(TEASER_PAGE, url=SHELL_URL), check_ctx)
    assert summary.endswith("(only in the visible part: paywall (isAccessibleForFree: false))")
    assert data["visible"] == "partial"
