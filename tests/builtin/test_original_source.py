"""original_source: republication notices, wire credits, canonical URLs, the original's link."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from checks.builtin._republication_rules import NOTICES
from checks.builtin.original_source import OriginalSource, name_after
from checks.evaluate.corpus import Tally
from checks.model import Article, Block, Declared, Link, Origin, Region, Result, Status
from checks.read.fetch import Fetcher
from checks.read.html_page import read_html
from checks.wires import WIRE_BY_ALIAS

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = FIXTURES / "pages"


@cache
def page(slug: str) -> tuple[Article, dict[str, Any]]:
    folder = next(PAGES.glob(f"{slug}*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"]), labels


async def check(article: Article, ctx) -> Result:
    return await OriginalSource().run(article, ctx)


def signal_quotes(result: Result, kind: str) -> list[str]:
    return [s["quote"] for s in result.data["signals"] if s["kind"] == kind]


# --- the bundled sample ------------------------------------------------------------------


async def test_sample_names_infobrics_behind_a_placeholder_link(sample_article, check_ctx):
    result = await check(sample_article, check_ctx)
    assert result.status is Status.WARN
    assert result.summary == "Republished from InfoBrics (named, not linked: placeholder '#')"
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == "InfoBrics"
    assert result.data["original_linked"] is False
    assert result.data["link_usable"] is False
    assert result.data["original_url"] is None
    assert result.data["reachable"] is None
    assert result.evidence[0].quote == "The original source of this article is InfoBrics"
    assert (result.evidence[-1].quote, result.evidence[-1].url) == ("InfoBrics", "#")


# --- real corpus pages ---------------------------------------------------------------------


async def test_oann_carries_reuters_copy_without_a_link(check_ctx):
    result = await check(page("01")[0], check_ctx)
    assert result.status is Status.WARN
    assert result.summary == "Republished from Reuters (dateline); no link to the original"
    assert result.data["original_outlet"] == "Reuters"
    assert (result.data["original_url"], result.data["link_usable"]) == (None, None)
    assert signal_quotes(result, "dateline")[0].startswith("PARIS (Reuters) – Protesters")
    assert signal_quotes(result, "wire_credit") == [
        "(Reporting by Gus Trompiz, Jean-Stephane Brosse and Marine Pennetier;"
        " editing by Mike Harrison)"
    ]


async def test_tucson_ap_story_points_its_canonical_url_at_apnews(check_ctx):
    result = await check(page("04")[0], check_ctx)
    assert result.status is Status.WARN
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == "The Associated Press"
    assert result.data["original_url"] == "https://apnews.com/748f8eb6520f3f32aeb8411de8c59d37"
    assert result.data["original_linked"] is False
    assert "canonical URL is on apnews.com" in result.summary
    assert signal_quotes(result, "dateline")[0].startswith("LAWRENCEVILLE, Ga. (AP) — U.S.")
    assert "Copyright 2020 The Associated Press." in signal_quotes(result, "wire_credit")


async def test_vancouver_sun_names_reuters_and_the_sister_title_canonical(check_ctx):
    result = await check(page("05")[0], check_ctx)
    assert result.data["original_outlet"] == "Reuters"
    assert result.data["original_url"].startswith("https://business.financialpost.com/")
    # The in-text link to another Financial Post story is not the original.
    assert result.data["original_linked"] is False
    assert [s["kind"] for s in result.data["signals"]] == ["wire_credit", "byline", "canonical"]
    assert signal_quotes(result, "wire_credit") == ["© Thomson Reuters 2020"]


async def test_whnt_dateline_links_newsnation_home_page_only(check_ctx):
    result = await check(page("06")[0], check_ctx)
    assert result.status is Status.WARN
    assert result.summary == "Republished from NewsNation Now; linked only to its home page"
    assert result.data["link_usable"] is True
    assert result.data["original_linked"] is False
    assert result.data["original_url"] == page("06")[1]["republication"]["original_url"]


async def test_planetary_press_courtesy_notice_and_link_to_forests_news(check_ctx):
    result = await check(page("07")[0], check_ctx)
    assert result.status is Status.PASS
    assert result.summary == "Republished from Forests News, with a link to the original"
    assert result.data["original_linked"] is True
    assert result.data["original_url"] == page("07")[1]["republication"]["original_url"]
    assert result.evidence[0].quote == "Courtesy of Forests News"
    assert result.evidence[-1].quote == "Julie Mollins"


async def test_diario_libre_spanish_ap_dateline(check_ctx):
    result = await check(page("20")[0], check_ctx)
    assert result.data["original_outlet"] == "The Associated Press"
    assert signal_quotes(result, "dateline")[0].startswith("DORTMUND, Alemania (AP) —")
    assert signal_quotes(result, "byline") == ["AP"]


@pytest.mark.parametrize(("slug", "agency"), [("15", "Reuters"), ("19", "ТАСС (TASS)")])
async def test_wire_copy_on_the_wires_own_site_is_not_republication(check_ctx, slug, agency):
    result = await check(page(slug)[0], check_ctx)
    assert result.status is Status.INFO
    assert result.summary == f"{agency} copy on its own site: not a republication"
    assert result.data["is_republication"] is False
    assert result.data["original_outlet"] is None
    dateline = result.data["signals"][0]
    assert (dateline["kind"], dateline["own_outlet"]) == ("dateline", True)


async def test_tass_dateline_is_quoted_in_cyrillic(check_ctx):
    result = await check(page("19")[0], check_ctx)
    assert signal_quotes(result, "dateline") == ["МОСКВА, 29 июня. /ТАСС/."]


@pytest.mark.parametrize("slug", ["02", "13", "14", "16", "18"])
async def test_quoting_and_self_updates_are_not_republication(check_ctx, slug):
    result = await check(page(slug)[0], check_ctx)
    assert (result.status, result.summary) == (Status.INFO, "No sign of republication found")
    assert result.data["signals"] == []


async def test_corpus_republication_f1_meets_the_target(check_ctx):
    tally = Tally()
    for folder in sorted(PAGES.iterdir()):
        article, labels = page(folder.name[:2])
        if labels.get("split") == "blind":
            continue  # measured by `sourcecheck evaluate` only, never asserted
        expected = labels["republication"]["is_republished"]
        if isinstance(expected, bool):
            result = await check(article, check_ctx)
            tally.add(expected, result.data["is_republication"])
    assert tally.f1 is not None
    assert tally.f1 >= 0.85


async def test_every_quote_is_verbatim_and_short(check_ctx):
    for folder in sorted(PAGES.iterdir()):
        article, _ = page(folder.name[:2])
        result = await check(article, check_ctx)
        for signal in result.data["signals"]:
            if signal["where"] in ("text", "dateline"):
                assert signal["quote"] in article.text
            assert 0 < len(signal["quote"]) <= 300


# --- notices, one real-looking sentence per pattern ----------------------------------------


def _expected_outlet(name: str | None) -> str | None:
    """An agency as the page writes it when that is Cyrillic ("ТАСС"), else its English name."""
    wire = WIRE_BY_ALIAS.get(name or "")
    if wire is None or not name or name.isascii():
        return wire.name if wire else name
    return name


@pytest.mark.parametrize("notice", NOTICES, ids=lambda n: f"{n.lang}-{n.example[:30]}")
async def test_each_notice_pattern_finds_its_example(check_ctx, notice):
    text = "The council voted on Tuesday.\nThe mayor welcomed the decision.\n" + notice.example
    result = await check(Article(text=text), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == _expected_outlet(notice.example_name)
    assert result.data["signals"][0]["kind"] == notice.kind
    assert result.data["signals"][0]["quote"] == notice.example


@pytest.mark.parametrize(
    "text",
    [
        "This article was originally published on March 3, 2020 and updated since.",
        "This article was originally published in 2019.",
        "It first appeared in our print edition.",
        "Cet article, initialement publié en avril 2017, a fait l'objet d'une mise à jour.",
        "The study, first published in The Lancet, found a link between the two.",
        "L'étude, publiée initialement dans Nature, montre un lien.",
        "Исследование, впервые опубликованное в Nature, показало связь.",
        "Дослідження, вперше опубліковане в Nature, показало зв'язок.",
        "Photo courtesy of NASA",
        "Translated from Russian by Jane Doe.",
        "Apple (AAPL) — shares rose today after the results.",
        "Photo: © AFP",
        "Feel free to repost and share widely Global Research articles.",
        "Source: the council minutes.\nThe mayor spoke.\nShe left.\nThe end of the story is here.",
        # Adaptations, first editions and translations of something else than this text.
        "The movie was adapted from a story by Stephen King and premiered in Venice.",
        "The photo is reprinted by permission of the family.",
        "He translated from the Russian original published in 1866 by the Russian Messenger.",
        "Das Buch ist zuerst im Verlag C.H. Beck erschienen und wurde ein Bestseller.",
        "Die Studie ist zuerst in der Fachzeitschrift Nature erschienen.",
        "Der Originaltext wurde veröffentlicht in einem Blog, sagte die Polizei.",
        "Le rapport a été republié depuis le site du ministère après une erreur.",
        "Переклад статті викликав суперечки в парламенті.",
    ],
)
async def test_sentences_that_are_not_republication_notices(check_ctx, text):
    result = await check(Article(text=text), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("A version of this story first appeared on ProPublica.", "ProPublica"),
        ("Originally published at Common Dreams.", "Common Dreams"),
        ("Этот материал впервые опубликован в «Коммерсантъ».", "Коммерсантъ"),
        ("Цей матеріал вперше опубліковано на сайті «Дзеркало тижня».", "Дзеркало тижня"),
        ("Der Beitrag erschien zuerst im Spiegel.", "Spiegel"),
        ("Cette tribune a d'abord été publiée dans Le Monde.", "Le Monde"),
        ("Este artículo se publicó originalmente en El Faro.", "El Faro"),
        ("Esta reportagem foi publicada originalmente pela Agência Pública.", "Agência Pública"),
        # The verb at the end of a German sentence; a book excerpt's title and publisher.
        ("Dieser Beitrag wurde zuerst auf netzpolitik.org veröffentlicht.", "netzpolitik.org"),
        (
            "Excerpted from The Long Road Home by Jane Doe. Copyright © 2020 by Jane Doe."
            " Reprinted by permission of Acme Books.",
            "The Long Road Home",
        ),
        ("Adapted from an article published by ProPublica.", "ProPublica"),
    ],
)
async def test_notices_about_this_text_in_each_language(check_ctx, text, outlet):
    result = await check(Article(text=text), check_ctx)
    assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    ("after", "name"),
    [
        (" on The Conversation, a nonprofit.", "The Conversation"),
        (" at netzpolitik.org.", "netzpolitik.org"),
        (" on the website of the Center for Research on Globalization.", None),
        (" in the journal Science last week.", "Science"),
        (" на сайте «Новая газета».", "Новая газета"),
        (" on March 3.", None),
        (" in 2019.", None),
    ],
)
def test_name_after_a_notice(after, name):
    found = name_after(after, 0)
    assert (found[0] if found else None) == name


# --- wire credits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("МОСКВА, 29 июня. /ТАСС/. Движение открывается в понедельник.", "ТАСС"),
        ("МОСКВА, 29 июн — РИА Новости. Движение открывается в понедельник.", "РИА Новости"),
        ("КИЇВ, 12 травня /Укрінформ/. Рух відкривається в понеділок.", "Укрінформ"),
        ("Київ, 12 травня (УНІАН) — Рух відкривається в понеділок.", "УНІАН"),
        ("Berlin (dpa) - Die Bundesregierung hat am Montag beschlossen.", "dpa"),
        ("PARIS (AFP) - Le gouvernement a annoncé lundi une réforme.", "AFP"),
        ("Madrid, 12 may (EFE).- El Gobierno aprobó el lunes la reforma.", "EFE"),
        ("Lisboa, 12 mai 2020 (Lusa) - O Governo aprovou hoje a reforma.", "Lusa"),
        ("BEIJING, May 12 (Xinhua) -- China announced a new plan on Tuesday.", "Xinhua"),
        ("The council met.\nCopyright 2021 The Associated Press. All rights reserved.", "AP"),
        ("The council met.\n(Reporting by Jane Doe; Editing by John Roe)", "Reuters"),
        ("The council met on Monday.\nThe vote is next week. — AP", "AP"),
        ("Council votes\nBy JANE DOE Associated Press\nThe council met on Monday.", "AP"),
        ("Council votes\nBy Reuters Staff\nThe council met on Monday.", "Reuters"),
    ],
)
async def test_wire_credits_name_the_agency(check_ctx, text, agency):
    result = await check(Article(text=text, url="https://example-news.com/story"), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == _expected_outlet(agency)
    assert result.data["original_outlet_en"] == WIRE_BY_ALIAS[agency].name
    assert result.status is Status.WARN


@pytest.mark.parametrize(
    ("text", "written", "summary"),
    [
        (
            "ЕКАТЕРИНБУРГ, 18 ноября. /ТАСС/. Два моста закроют на ремонт в понедельник.",
            "ТАСС",
            "Republished from ТАСС (TASS; dateline); no link to the original",
        ),
        (
            "Уряд ухвалив постанову про пункти незламності.\n\nДжерело: Укрінформ",
            "Укрінформ",
            "Republished from Укрінформ (Ukrinform; source line); no link to the original",
        ),
        (
            "PARIS (AFP) - Le gouvernement a annoncé lundi une réforme.",
            "AFP",
            "Republished from AFP (dateline); no link to the original",
        ),
    ],
)
async def test_agency_named_as_the_page_writes_it(check_ctx, text, written, summary):
    result = await check(Article(text=text, url="https://example-news.ru/a"), check_ctx)
    assert result.data["original_outlet"] == written
    assert result.data["original_outlet_en"] == WIRE_BY_ALIAS[written].name
    assert result.summary == summary


async def test_byline_that_is_only_an_agency(check_ctx):
    article = Article(
        text="The council met.", url="https://example-news.com/a", byline="By Reuters Staff"
    )
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == "Reuters"
    assert result.summary == "Republished from Reuters (byline); no link to the original"


async def test_forwarded_tass_post_without_url_is_tass_copy(check_ctx):
    message = json.loads(
        (FIXTURES / "telegram/03-forwarded-tass-text-no-links/message.json").read_text("utf-8")
    )
    channel = message["forward_origin"]["chat"]
    origin = Origin("channel", name=channel["title"], username=channel["username"])
    result = await check(Article(text=message["text"], origin=origin), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == "ТАСС"
    assert result.data["original_outlet_en"] == "TASS"
    assert signal_quotes(result, "dateline") == ["МОСКВА, 29 июня. /ТАСС/."]


async def test_post_from_the_agencys_own_channel_is_not_republication(check_ctx):
    origin = Origin("channel", name="ТАСС", username="tass_agency")
    article = Article(text="МОСКВА, 29 июня. /ТАСС/. Движение открывается.", origin=origin)
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False


# --- canonical URL and links ---------------------------------------------------------------


async def test_canonical_on_another_domain(check_ctx):
    article = Article(
        text="The council met on Monday.",
        url="https://www.local-paper.com/news/council",
        canonical_url="https://www.bignews.org/politics/council-vote",
    )
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == "bignews.org"
    assert result.data["original_url"] == "https://www.bignews.org/politics/council-vote"
    assert result.summary == "Republished from bignews.org (canonical URL); no link in text"


async def test_canonical_on_a_subdomain_of_the_same_site_is_not_republication(check_ctx):
    article = Article(
        text="The council met on Monday.",
        url="https://amp.local-paper.com/news/council",
        canonical_url="https://www.local-paper.com/news/council",
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("#", "placeholder '#'"),
        ("", "empty link"),
        ("javascript:void(0)", "javascript: link"),
        ("mailto:desk@grist.org", "mailto: link"),
    ],
)
async def test_unusable_link_to_the_original_is_named_in_the_summary(
    check_ctx, make_article, target, reason
):
    text = "Some story.\nThis story was originally published by Grist."
    article = replace(
        make_article(text), links=(Link(url=target, text="Grist", position=text.index("Grist")),)
    )
    result = await check(article, check_ctx)
    assert result.status is Status.WARN
    assert result.summary == f"Republished from Grist (named, not linked: {reason})"
    assert result.data["link_usable"] is False


async def test_usable_link_in_the_notice_passes(check_ctx, make_article):
    article = make_article(
        "Some story.\nThis article was originally published on "
        "[The Conversation](https://theconversation.com/council-vote-123).",
        url="https://example-news.com/council",
    )
    result = await check(article, check_ctx)
    assert result.status is Status.PASS
    assert result.data["original_url"] == "https://theconversation.com/council-vote-123"
    assert result.data["original_linked"] is True


async def test_links_to_the_articles_own_site_are_not_the_original(check_ctx, make_article):
    article = make_article(
        "Some story.\nThis article was originally published on "
        "The Conversation. [More news](https://example-news.com/more).",
        url="https://example-news.com/council",
    )
    result = await check(article, check_ctx)
    assert result.data["link_usable"] is None
    assert result.data["original_url"] is None


# --- reachability, against a loopback server only ------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        status = 200 if self.path == "/original" else 404
        body = b"<html><body>original</body></html>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def loopback() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("path", "reachable"), [("/original", True), ("/gone", False)])
async def test_original_link_is_probed_when_a_fetcher_is_given(
    check_ctx, make_article, loopback, path, reachable
):
    url = f"http://127.0.0.1:{loopback}{path}"
    article = make_article(f"Story.\nThis article was originally published on [Grist]({url}).")
    async with Fetcher(allow=[("127.0.0.1", loopback)], retries=0) as fetcher:
        result = await check(article, replace(check_ctx, fetcher=fetcher))
    assert result.data["reachable"] is reachable
    assert result.summary.endswith("the original does not answer") is not reachable


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Матеріал вперше опубліковано на сайті Української правди.", "Української правди"),
        ("Статья впервые опубликована в Новой газете.", "Новой газете"),
        ("Статья впервые опубликована в Коммерсанте вчера.", "Коммерсанте"),
        ("This article was first published on The Conversation last week.", "The Conversation"),
    ],
)
async def test_a_slavic_outlet_name_keeps_the_noun_after_its_adjective(
    make_article, check_ctx, sentence, outlet
):
    article = make_article(f"Officials confirmed the figures on Tuesday.\n\n{sentence}")

    result = await OriginalSource().run(article, check_ctx)

    assert result.data["original_outlet"] == outlet


# --- wire credit lines, place-less datelines, own outlet, captions (review round) ----------

_BODY = "Die Regierung hat am Mittwoch beschlossen, die Hilfen zu verlängern.\n\n"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (_BODY + "dpa/AFP/epd", "dpa"),
        (_BODY + "(dpa/AFP)", "dpa"),
        (_BODY + "mbe/dpa", "dpa"),
        (_BODY + "Mit Material von dpa", "dpa"),
        (_BODY + "Mit Material der Nachrichtenagenturen AFP und dpa", "AFP"),
        (_BODY + "Quelle: dpa-AFX", "dpa"),
        ("Le gouvernement a annoncé mercredi un nouveau plan.\n\n(Avec AFP)", "AFP"),
        ("Le gouvernement a annoncé mercredi un nouveau plan.\n\nLe Monde avec AFP", "AFP"),
        ("Le Monde avec l’AFP\n\nLe gouvernement a annoncé mercredi un nouveau plan.", "AFP"),
        (
            "El Gobierno aprobó este martes el decreto.\n\n(Con información de EFE y Reuters)",
            "EFE",
        ),
        ("O Governo aprovou hoje o decreto.\n\nCom informações da Reuters", "Reuters"),
        (
            "O Governo aprovou hoje o decreto.\n\n*Com informações da Agência Brasil",
            "Agência Brasil",
        ),
        ("O Governo aprovou hoje o decreto.\n\nCom Reuters e AFP", "Reuters"),
        ("Правительство утвердило постановление.\n\nПо материалам Reuters и AFP", "Reuters"),
        ("Уряд ухвалив постанову.\n\nЗа матеріалами Reuters", "Reuters"),
        # A declined agency name: "за матеріалами Укрінформу", "по материалам Интерфакса".
        ("Уряд ухвалив постанову.\n\nЗа матеріалами Укрінформу", "Укрінформу"),
        # dpa's line under its copy on German sites, with the story's dpa number.
        ("Die Regierung plant neue Regeln.\n\n© dpa-infocom, dpa:240512-99-123456/2", "dpa"),
        ("Правительство утвердило постановление.\n\nПо материалам Интерфакса", "Интерфакса"),
        ("Київ. 12 березня. ІНТЕРФАКС-УКРАЇНА - Уряд ухвалив постанову.", "ІНТЕРФАКС-УКРАЇНА"),
        ("Stocks fell on Wednesday.\n\nThe Associated Press contributed to this report.", "AP"),
        ("Stocks fell on Wednesday.\n\nReuters contributed to this report.", "Reuters"),
        (
            "Stocks fell.\n\nAP writers Jane Doe in Tokyo and John Roe contributed to this story.",
            "AP",
        ),
        ("Stocks fell.\n\nJane Doe of The Associated Press contributed to this report.", "AP"),
        ("Stocks fell.\n\nInformation from Reuters was used in this report.", "Reuters"),
        ("Stocks fell on Wednesday.\n\nWith reporting from Reuters and AFP.", "Reuters"),
        ("Stocks fell on Wednesday.\n\nWith files from The Canadian Press", "The Canadian Press"),
        ("Stocks fell on Wednesday.\n\nThe Canadian Press", "The Canadian Press"),
    ],
)
async def test_wire_credit_lines_in_each_language(make_article, check_ctx, text, agency):
    article = make_article(text, url="https://example-news.com/story")
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == _expected_outlet(agency), result.data["signals"]
    assert result.status is Status.WARN
    assert result.summary.endswith("no link to the original")


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre l'a dit dans un entretien avec l'AFP.\n\nIl est reparti mardi.",
        "Reuters said the deal contributed to this report's main finding.\n\nMore text.",
        "Jane Doe, a former Reuters reporter, contributed to this report.",
        "NPR's Geoff Brumfiel contributed to this report.",
        "Die Regierung beschloss es.\n\nund/oder",
        "Sie sagte das der dpa.\n\nMit Material von Jane Doe",
    ],
)
async def test_wire_mentions_that_are_not_credit_lines(make_article, check_ctx, text):
    result = await check(make_article(text, url="https://example-news.com/story"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize("where", ["top", "end"])
async def test_canadian_press_first_published_line(make_article, check_ctx, where):
    line = "This report by The Canadian Press was first published Nov. 20, 2024."
    body = "Stocks fell on Wall Street on Wednesday."
    text = f"{line}\n\n{body}" if where == "top" else f"{body}\n\n{line}"
    result = await check(make_article(text, url="https://www.ctvnews.ca/business/x"), check_ctx)
    assert (
        result.summary == "Republished from The Canadian Press (notice); no link to the original"
    )
    assert result.evidence[0].quote == line
    own = await check(make_article(text, url="https://www.thecanadianpress.com/x"), check_ctx)
    assert own.summary == "The Canadian Press copy on its own site: not a republication"


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(CNN) — The Supreme Court on Wednesday agreed to hear a case.", "CNN"),
        ("(NEXSTAR) — The Supreme Court on Wednesday agreed to hear a case.", "NEXSTAR"),
        ("(AFP) - La Cour suprême a accepté mercredi d'examiner l'affaire.", "AFP"),
    ],
)
async def test_place_less_dateline_of_a_known_outlet(make_article, check_ctx, line, outlet):
    article = make_article(f"# Court to hear case\n\n{line}", url="https://wkrn.com/news/x")
    result = await check(article, check_ctx)
    assert result.summary == f"Republished from {outlet} (dateline); no link to the original"
    assert signal_quotes(result, "dateline") == [line]


async def test_place_less_dateline_on_the_outlets_own_site(make_article, check_ctx):
    article = make_article(
        "(CNN) — The Supreme Court on Wednesday agreed to hear a case.",
        url="https://edition.cnn.com/2024/11/20/politics/x",
        site_name="CNN",
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        (
            "WELLINGTON (AP) — Officials said the storm would hit.",
            "https://www.thepress.co.nz/x",
            "AP",
        ),
        (
            "TOKYO (Kyodo) — Officials said the storm would hit.",
            "https://www.news.com.au/x",
            "Kyodo",
        ),
        (
            "Body text.\n\nThis article originally appeared in The Kansas City Star.",
            "https://www.thestar.com/news/x",
            "The Kansas City Star",
        ),
        (
            "Body text.\n\nThis article was originally published in the Financial Times.",
            "https://www.thetimes.co.uk/article/x",
            "Financial Times",
        ),
    ],
)
async def test_a_name_sharing_a_word_with_the_site_is_another_outlet(
    make_article, check_ctx, text, url, outlet
):
    result = await check(make_article(text, url=url), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == _expected_outlet(outlet)
    assert not any(s["own_outlet"] for s in result.data["signals"])


@pytest.mark.parametrize(
    ("text", "url", "site_name"),
    [
        ("Der Text erschien zuerst bei Zeit Online.", "https://www.zeit.de/x", None),
        ("Der Beitrag erschien zuerst im Spiegel.", "https://www.spiegel.de/x", "DER SPIEGEL"),
        ("This article first appeared on Grist.", "https://grist.org/x", "Grist"),
        ("This article was reprinted from khn.org.", "https://www.khn.org/x", None),
    ],
)
async def test_own_outlet_by_its_name_or_domain(make_article, check_ctx, text, url, site_name):
    article = make_article(f"Body text.\n\n{text}", url=url, site_name=site_name)
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False
    assert [s["own_outlet"] for s in result.data["signals"]] == [True]


async def test_the_input_file_name_is_not_the_outlet(make_article, check_ctx):
    article = make_article(
        "Body text.\n\n(c) 2023 Reuters", origin=Origin("file", name="c_reuters.md")
    )
    result = await check(article, check_ctx)
    assert result.summary == "Republished from Reuters (wire credit); no link to the original"


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment fell to 3.9% in October.\n\nChart: Unemployment rate by month\n\n"
        "Source: U.S. Bureau of Labor Statistics",
        "El paro bajó al 11% en octubre.\n\nFuente: INE",
        "Die Inflation sank im Oktober.\n\nQuelle: Statistisches Bundesamt",
        "Безработица снизилась.\n\nИсточник: Росстат",
        "Unemployment fell.\n\nSource: [Bureau of Labor Statistics](https://www.bls.gov/cps/)",
        "The rover landed on Mars on Tuesday.\n\nCourtesy of NASA/JPL-Caltech\n\n"
        "Scientists cheered as the first images came back.\n\nMore text follows.",
        "The family said he loved fishing.\n\nCourtesy of the Smith family",
        "The rover landed.\n\nCourtesy of NASA",
        "# Fire downtown\n\nWATCH (VIDEO) — Firefighters battle a blaze in downtown Springfield.",
        "# Arrest\n\nUPDATE (Wednesday) — Police said the suspect was arrested.",
    ],
)
async def test_data_sources_and_captions_are_not_republication(make_article, check_ctx, text):
    result = await check(make_article(text, url="https://example-news.com/x"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]
    assert result.summary == "No sign of republication found"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Body.\n\nCourtesy of [Grist](https://grist.org/politics/x/)", "Grist"),
        ("Текст.\n\nИсточник: [«Коммерсантъ»](https://www.kommersant.ru/doc/123)", None),
        ("Текст.\n\nИсточник: «Ведомости»", "Ведомости"),
        ("Text.\n\nSource: Reuters", "Reuters"),
    ],
)
async def test_source_and_courtesy_lines_that_credit_a_text(make_article, check_ctx, text, outlet):
    result = await check(make_article(text, url="https://example-news.com/x"), check_ctx)
    assert result.data["is_republication"] is True
    if outlet is not None:
        assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    ("byline", "agency"),
    [("Jane Doe, Reuters", "Reuters"), ("Jane Doe | AP", "AP"), ("Redacción / EFE", "EFE")],
)
async def test_byline_with_a_person_and_an_agency(check_ctx, byline, agency):
    article = Article(text="The council met.", url="https://example-news.com/a", byline=byline)
    result = await check(article, check_ctx)
    name = _expected_outlet(agency)
    assert result.summary == f"Republished from {name} (byline); no link to the original"
    own = await check(
        replace(article, url=f"https://www.{WIRE_BY_ALIAS[agency].domains[0]}/a"), check_ctx
    )
    assert own.data["is_republication"] is False


# --- Italian and Polish, added through their language folders alone ------------------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Il governo ha approvato il decreto.\nQuesto articolo è stato pubblicato "
            "originariamente su Internazionale.",
            "Internazionale",
        ),
        (
            "L'articolo è apparso per la prima volta sul Corriere della Sera.",
            "Corriere della Sera",
        ),
        ("Il testo è stato tradotto dal Financial Times.", "Financial Times"),
        (
            "Rząd przyjął projekt ustawy.\nArtykuł ukazał się pierwotnie w „Gazecie Wyborczej”.",
            "Gazecie Wyborczej",
        ),
        ("Tekst został opublikowany po raz pierwszy na łamach Polityki.", "Polityki"),
        ("Przedruk za zgodą „Tygodnika Powszechnego”.", "Tygodnika Powszechnego"),
    ],
)
async def test_italian_and_polish_notices_name_the_original(check_ctx, text, outlet):
    result = await check(Article(text=text, url="https://example-news.it/a"), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("(ANSA) - ROMA, 12 MAG - Il Consiglio dei ministri ha approvato il decreto.", "ANSA"),
        ("Il Consiglio dei ministri ha approvato il decreto.\n\nFonte: ANSA", "ANSA"),
        ("Il Consiglio dei ministri ha approvato il decreto.\n\n(con ANSA)", "ANSA"),
        ("Warszawa (PAP) - Sejm uchwalił w piątek nowelizację ustawy.", "PAP"),
        ("Sejm uchwalił w piątek nowelizację ustawy.\n\nŹródło: PAP", "PAP"),
        ("Sejm uchwalił w piątek nowelizację ustawy.\n\nNa podstawie informacji PAP", "PAP"),
        # national agencies whose credits run in member papers as the big wires' do
        ("ROMA (askanews) - Il Consiglio dei ministri ha approvato il decreto.", "Askanews"),
        ("Il Consiglio dei ministri ha approvato il decreto.\n\nFonte: Italpress", "Italpress"),
        ("Sejm uchwalił w piątek nowelizację ustawy.\n\nŹródło: ISBnews", "ISBnews"),
        ("The senate passed the bill on Tuesday.\n\n(NAN)", "News Agency of Nigeria"),
        ("By Press Trust of India\nThe court adjourned the hearing to Monday.", "PTI"),
    ],
)
async def test_national_agencies_wire_credits(make_article, check_ctx, text, agency):
    result = await check(make_article(text, url="https://example-news.pl/a"), check_ctx)
    assert result.data["original_outlet"] == agency, result.data["signals"]
    assert result.status is Status.WARN


@pytest.mark.parametrize(
    "text",
    [
        "Lo studio, pubblicato originariamente su Nature, mostra un legame tra i due fenomeni.",
        "Badanie, opublikowane pierwotnie w Nature, wykazało związek.",
        "Fonte: Istat, elaborazione della redazione",
        "Źródło: GUS",
    ],
)
async def test_italian_and_polish_sentences_that_are_not_notices(make_article, check_ctx, text):
    result = await check(make_article(text, url="https://example-news.it/a"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


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
    result = await check(article, check_ctx)
    assert result.status is Status.SKIP
    assert result.summary == f"Could not look: {article.visibility.reason}"
    assert result.data["visible"] == "none"
    assert result.data["is_republication"] is None


async def test_markup_still_speaks_when_the_text_cannot_be_read(check_ctx):
    article = replace(
        read_html(JS_SHELL, url=SHELL_URL), canonical_url="https://apnews.com/article/talks-1"
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is True
    assert result.summary.endswith(
        f"; judged only what could be seen ({article.visibility.reason})"
    )


async def test_a_paywalled_teaser_is_judged_only_in_its_visible_part(check_ctx):
    result = await check(read_html(TEASER_PAGE, url=SHELL_URL), check_ctx)
    assert result.status is Status.INFO
    assert result.summary == (
        "No sign of republication in the visible part (paywall (isAccessibleForFree: false))"
    )


# --- every signal the page gives: regions, declared provenance, partner addresses, portals


def paged_article(*blocks: tuple[Region, str], url: str, text: str = "", **fields) -> Article:
    text = text or "The council voted on Tuesday to close the bridge.\nWork starts in May."
    body = (Block(Region.BODY, text),)
    return Article(
        text=text,
        url=url,
        source_kind="html",
        blocks=body + tuple(Block(r, t) for r, t in blocks),
        **fields,
    )


async def test_a_notice_in_its_own_section_after_the_article(check_ctx):
    article = paged_article(
        (Region.AFTER_BODY, "This post originally appeared on Grist."),
        url="https://www.salon.com/2023/05/01/heat-waves-are-getting-longer_partner/",
    )
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == "Grist"
    kinds = {(s["kind"], s["where"]) for s in result.data["signals"]}
    assert kinds == {("notice", "after the article"), ("address", "address")}


async def test_a_partner_address_alone_says_republished_without_a_name(check_ctx):
    article = paged_article(url="https://www.salon.com/2023/05/01/heat-waves_partner/")
    result = await check(article, check_ctx)
    assert result.summary == "Republished, but the original is not named"
    assert result.status is Status.WARN


@pytest.mark.parametrize(
    ("region", "line", "agency"),
    [
        (Region.BYLINE, "By JIJI", "Jiji Press"),
        (Region.BYLINE, "KYODO", "Kyodo"),
        (Region.BYLINE, "Jane Doe — Kyodo", "Kyodo"),
        (Region.BYLINE, "By The Associated Press", "The Associated Press"),
        (Region.ABOVE_HEADLINE, "AP", "The Associated Press"),
        (
            Region.AFTER_BODY,
            "The Associated Press contributed to this report.",
            "The Associated Press",
        ),
        (Region.AFTER_BODY, "(Reporting by Jane Doe; Editing by John Roe)", "Reuters"),
    ],
)
async def test_wire_credits_in_the_byline_block_and_after_the_article(
    check_ctx, region, line, agency
):
    article = paged_article((region, line), url="https://www.japantimes.co.jp/news/2024/a/")
    result = await check(article, check_ctx)
    assert result.data["original_outlet_en"] == agency, result.data["signals"]
    assert result.status is Status.WARN


async def test_a_photo_credit_before_the_article_is_not_a_wire_credit(check_ctx):
    article = paged_article(
        (Region.BEFORE_BODY, "Firefighters on Monday. Noah Berger / AP"),
        (Region.BEFORE_BODY, "JIM WATSON/AFP/Getty Images"),
        url="https://www.theatlantic.com/ideas/archive/2020/08/a/615599/",
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("【ワシントン共同】米政府は12日、新たな制裁を発表した。", "Kyodo"),
        ("【ニューヨーク時事】12日のニューヨーク株式市場は続落した。", "Jiji Press"),
        ("米政府は12日、新たな制裁を発表した。\n政府高官が明らかにした。（共同）", "Kyodo"),
        ("国务院发布了新的规定。\n来源：新华社", "Xinhua"),
    ],
)
async def test_chinese_and_japanese_agency_credits(check_ctx, text, agency):
    result = await check(Article(text=text, url="https://news.example-portal.jp/a/1"), check_ctx)
    assert result.data["original_outlet_en"] == agency, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("苹果发布了新款手机。\n本文来源：澎湃新闻", "澎湃新闻"),
        ("本文转载自微信公众号“量子位”。\n苹果发布了新款手机。", "量子位"),
        ("原标题：外卖骑手的一天\n他每天工作十二个小时。", None),
    ],
)
async def test_chinese_portal_notices(check_ctx, text, outlet):
    result = await check(Article(text=text, url="https://www.sohu.com/a/1"), check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    ("declared", "outlet", "url"),
    [
        (
            Declared("isBasedOn", "https://thenextweb.com/news/ai-chips", "JSON-LD NewsArticle"),
            "thenextweb.com",
            "https://thenextweb.com/news/ai-chips",
        ),
        (
            Declared("provider", "Associated Press", "JSON-LD NewsArticle"),
            "The Associated Press",
            None,
        ),
        (Declared("provider", "CNET Japan", "provider block"), "CNET Japan", None),
        (Declared("sourceOrganization", "Reuters", "JSON-LD NewsArticle"), "Reuters", None),
        (
            Declared("author", "The Associated Press", "JSON-LD NewsArticle"),
            "The Associated Press",
            None,
        ),
        (
            Declared(
                "original-source", "https://grist.org/climate/heat/", "link rel=original-source"
            ),
            "grist.org",
            "https://grist.org/climate/heat/",
        ),
    ],
)
async def test_declared_provenance_names_the_original(check_ctx, declared, outlet, url):
    article = paged_article(url="https://news.yahoo.co.jp/articles/abc", declared=(declared,))
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == outlet
    assert result.data["original_url"] == url
    assert result.data["signals"][0]["where"] == declared.where


@pytest.mark.parametrize(
    "declared",
    [
        Declared("publisher", "Condé Nast", "JSON-LD NewsArticle"),
        Declared("copyrightHolder", "Hearst Newspapers", "JSON-LD NewsArticle"),
        Declared(
            "article:publisher", "https://www.facebook.com/Breitbart", "meta article:publisher"
        ),
        Declared("publisher", "Yahoo Japan", "JSON-LD NewsArticle"),
        Declared("isBasedOn", "https://news.yahoo.co.jp/print/abc", "JSON-LD NewsArticle"),
    ],
)
async def test_declared_parent_companies_and_own_pages_are_not_originals(check_ctx, declared):
    article = paged_article(
        url="https://news.yahoo.co.jp/articles/abc", declared=(declared,), site_name="Yahoo Japan"
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


async def test_tucson_prints_the_ap_credit_above_the_headline(check_ctx):
    result = await check(page("04")[0], check_ctx)
    assert {
        "kind": "byline",
        "quote": "AP",
        "where": "above the headline",
        "outlet": "The Associated Press",
        "own_outlet": False,
    } in result.data["signals"]


async def test_a_wire_declared_on_its_own_site_is_not_a_republication(check_ctx):
    result = await check(page("19")[0], check_ctx)
    assert result.data["is_republication"] is False
    declared = [s for s in result.data["signals"] if s["kind"] == "declared"]
    assert declared
    assert all(s["own_outlet"] for s in declared)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("2020-02-19 20:29:58 来源： 半月谈", "半月谈"),
        ("2020-10-04 15:05 聯合報 記者林宸誼／即時報導", "聯合報"),
        ("新华社记者 王明", "新华社"),
    ],
)
async def test_chinese_source_lines_and_reporter_bylines_before_the_text(check_ctx, line, outlet):
    article = paged_article((Region.BEFORE_BODY, line), url="https://money.udn.com/money/story/1")
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == outlet, result.data["signals"]


@pytest.mark.parametrize(
    "line",
    [
        "本报记者 王明",  # "our reporter"
        "数据来源：国家统计局",  # a chart's data source
        "2020-10-04 15:05 特约记者 王明",
    ],
)
async def test_a_papers_own_reporter_and_data_sources_are_not_originals(check_ctx, line):
    article = paged_article((Region.BEFORE_BODY, line), url="https://money.udn.com/money/story/1")
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


async def test_photographers_credits_under_pictures_are_not_the_texts_agency(check_ctx):
    article, _ = page("59")
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == "dpa"
    assert not [s for s in result.data["signals"] if s["outlet"] == "AFP"]


async def test_xinhuanet_copy_names_its_source_under_the_headline(check_ctx):
    result = await check(page("24")[0], check_ctx)
    assert result.data["original_outlet"] == "半月谈"
    assert result.data["signals"][0]["where"] == "before the article"


async def test_lexpress_declares_afp_as_the_author_in_json_ld(check_ctx):
    result = await check(page("45")[0], check_ctx)
    assert result.data["original_outlet"] == "AFP"
    assert {
        "kind": "declared",
        "quote": "author: AFP",
        "where": "JSON-LD NewsArticle",
        "outlet": "AFP",
        "own_outlet": False,
    } in result.data["signals"]


async def test_nbc_news_prints_the_reuters_credit_after_the_article(check_ctx):
    result = await check(page("55")[0], check_ctx)
    assert result.data["original_outlet"] == "Reuters"
    assert {
        "kind": "wire_credit",
        "quote": "Reuters",
        "where": "after the article",
        "outlet": "Reuters",
        "own_outlet": False,
    } in result.data["signals"]


@pytest.mark.parametrize(
    "text",
    [
        "Nachdruck mit freundlicher Genehmigung des Autors.",
        "Traduit de l'anglais par Jeanne Dupont.",
        "Aus dem Englischen übersetzt von Jane Doe.",
    ],
)
async def test_a_translator_or_an_author_is_not_the_original_outlet(check_ctx, text):
    result = await check(Article(text=text, url="https://example-news.de/a"), check_ctx)
    assert result.data["original_outlet"] is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("2024/05/12 10:30 提供元：CNET Japan", "CNET Japan"),
        ("配信元：共同通信", "共同通信"),
    ],
)
async def test_a_japanese_portal_names_its_provider(check_ctx, line, outlet):
    article = paged_article((Region.BYLINE, line), url="https://news.yahoo.co.jp/articles/abc")
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == outlet, result.data["signals"]


async def test_a_note_about_this_post_in_its_own_section_past_the_furniture(check_ctx):
    article = paged_article(
        (Region.FOOTER, "Share this story Facebook Twitter Email"),
        (Region.FOOTER, "This post originally appeared on Grist. Grist is a nonprofit."),
        url="https://www.salon.com/2023/05/01/heat-waves/",
    )
    result = await check(article, check_ctx)
    assert result.data["original_outlet"] == "Grist"
    assert result.data["signals"][0]["where"] == "page footer or sidebar"


@pytest.mark.parametrize(
    "line",
    [
        "Originally published at Common Dreams.",  # a teaser's note, not about this text
        "Portions of our coverage first appeared in The Daily Bugle.",
    ],
)
async def test_footer_notes_that_do_not_name_this_text_do_not_count(check_ctx, line):
    article = paged_article((Region.FOOTER, line), url="https://www.salon.com/2023/05/01/a/")
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


# --- national agencies and bracketed credits closing the text --------------------------------


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "Le Conseil fédéral a retiré mercredi l'autorisation du produit. Les agriculteurs "
            "devront s'adapter dès janvier. (ats/nxp)",
            "ats",
        ),
        (
            "Die Polizei sperrte die Straße am Abend für zwei Stunden. Verletzt wurde "
            "niemand. (dpa/lnw)",
            "dpa",
        ),
        ("Der Nationalrat stimmte dem Gesetz am Donnerstag zu. (APA/red)", "APA"),
        ("Il sindaco ha firmato l'ordinanza nella notte. (ANSA/mc)", "ANSA"),
        ("Der Trainer verlängerte seinen Vertrag bis 2027. (sid/dpa)", "sid"),
    ],
)
async def test_bracketed_agency_credits_closing_the_text(make_article, check_ctx, text, agency):
    article = make_article(text, url="https://www.example-zeitung.ch/region/story/123")
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]
    assert result.data["original_outlet"] == _expected_outlet(agency)


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinde lädt am Samstag zum Fest ein. (red/mt)",
        "Der Verein sucht neue Mitglieder. (jk)",
        "La réunion est fixée à jeudi (voir/ci-dessous).",
    ],
)
async def test_editors_initials_alone_are_not_an_agency_credit(make_article, check_ctx, text):
    result = await check(make_article(text, url="https://www.example-zeitung.ch/x"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("WIEN (APA) – Der Nationalrat hat am Donnerstag das Budget beschlossen.", "APA"),
        ("BRUSSEL (Belga) – De regering keurde de begroting goed.", "Belga"),
        ("STOCKHOLM (TT) – Regeringen presenterade budgeten på onsdagen.", "TT"),
        ("HELSINKI (STT) – Hallitus esitteli budjetin keskiviikkona.", "STT"),
        ("SYDNEY (AAP) – The state government announced the budget on Tuesday.", "AAP"),
        ("ANKARA (Anadolu Agency) – The parliament approved the budget.", "Anadolu Agency"),
    ],
)
async def test_national_agencies_datelines(make_article, check_ctx, text, agency):
    article = make_article(text + "\n\nMore text follows.", url="https://www.example-news.net/a")
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]
    assert result.data["original_outlet"] == _expected_outlet(agency)


@pytest.mark.parametrize(
    "text",
    [
        "The figures were provided by the county health office.\n\nMore text follows.\n\nEnd.",
        "The council met on Tuesday.\n\nPhoto provided by the Smith family",
        "The council met on Tuesday.\n\nData provided by Morningstar.",
        "The study was based on a press release draft that never went out, she said.",
    ],
)
async def test_things_provided_by_someone_are_not_a_press_release_copy(
    make_article, check_ctx, text
):
    result = await check(make_article(text, url="https://www.example-news.com/x"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


async def test_a_press_release_credit_under_the_text_names_the_issuer(make_article, check_ctx):
    text = (
        "Researchers found that the coating lasts twice as long.\n\n"
        "More information: J. Doe et al., Journal of Coatings (2024).\n\n"
        "Provided by University of Leeds"
    )
    result = await check(
        make_article(text, url="https://sciencenews-aggregator.org/n/1"), check_ctx
    )
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == "University of Leeds"


@pytest.mark.parametrize(
    ("block", "agency"),
    [
        ("Jane Miller Associated Press Published 6:02 a.m. ET March 3, 2021", "Associated Press"),
        ("By Jane Miller AP", "AP"),
        ("Carlos Ruiz Reuters", "Reuters"),
    ],
)
async def test_a_byline_block_running_the_name_into_the_agency(check_ctx, block, agency):
    article = Article(
        text="The council met on Tuesday.\nThe mayor spoke.",
        url="https://www.example-news.com/story/1",
        blocks=(Block(Region.BYLINE, block),),
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == _expected_outlet(agency)


@pytest.mark.parametrize(
    "block",
    ["By Michael Bloomberg", "Jane Miller Staff Writer Published 6:02 a.m.", "Jane Miller"],
)
async def test_a_byline_block_with_a_person_only_is_not_wire_copy(check_ctx, block):
    article = Article(
        text="The council met on Tuesday.\nThe mayor spoke.",
        url="https://www.example-news.com/story/1",
        blocks=(Block(Region.BYLINE, block),),
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "is_copy"),
    [
        ("The union reached a deal on Sunday.\n\nLe Monde with AFP", True),
        ("The union reached a deal on Sunday.\n\nThe Straits Times with Reuters", True),
        ("He said so in an interview with Reuters.\n\nThe talks resume on Monday.", False),
    ],
)
async def test_an_outlet_with_an_agency_on_a_line_of_its_own(
    make_article, check_ctx, text, is_copy
):
    result = await check(make_article(text, url="https://www.example-news.com/x"), check_ctx)
    assert result.data["is_republication"] is is_copy, result.data["signals"]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Used with permission of The Washington Post.", "The Washington Post"),
        ("The original version of this story appeared in Quanta Magazine.", "Quanta Magazine"),
        ("This post was syndicated from TechCrunch.", "TechCrunch"),
        ("©2024 Los Angeles Times. Distributed by Tribune Content Agency, LLC.", None),
        ("— Tribune News Service", "Tribune News Service"),
        ("Bloomberg News contributed to this report.", "Bloomberg"),
    ],
)
async def test_us_syndication_lines_under_the_text(make_article, check_ctx, text, outlet):
    body = "The council voted on Tuesday.\n\nThe mayor welcomed the decision.\n\n" + text
    result = await check(make_article(body, url="https://www.example-courier.com/x"), check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]
    if outlet is not None:
        assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Photo used with permission of the Smith family.",
        "The film is distributed by Netflix.",
        "The original story was a myth, the historian said.",
    ],
)
async def test_permissions_and_distribution_that_are_not_syndication(
    make_article, check_ctx, text
):
    body = "The council voted on Tuesday.\n\nThe mayor welcomed the decision.\n\n" + text
    result = await check(make_article(body, url="https://www.example-courier.com/x"), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("© 2024 The Washington Post", "The Washington Post"),
        ("Copyright 2024 The New York Times Company. All rights reserved.", "The New York Times"),
        ("(c) 2024, Los Angeles Times", "Los Angeles Times"),
    ],
)
async def test_a_rights_line_naming_another_known_outlet(make_article, check_ctx, line, outlet):
    body = "The council voted on Tuesday.\n\nThe mayor welcomed the decision.\n\n" + line
    result = await check(make_article(body, url="https://www.example-courier.com/x"), check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]
    assert result.data["original_outlet"] == outlet
    assert "rights line" in result.summary


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("© 2024 Jane Doe", "https://www.example-courier.com/x"),  # an author's own rights
        (
            "Copyright © 2024 by Jane Doe. All rights reserved.",
            "https://www.example-courier.com/x",
        ),
        ("© 2024 The Washington Post", "https://www.washingtonpost.com/politics/x"),  # its own
    ],
)
async def test_rights_lines_that_are_not_another_outlets(make_article, check_ctx, line, url):
    body = "The council voted on Tuesday.\n\nThe mayor welcomed the decision.\n\n" + line
    result = await check(make_article(body, url=url), check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Text ist ein Auszug aus dem Buch „Die Erschöpfung der Demokratie“.",
        "Es handelt sich um Auszüge aus dem neuen Buch „Die Erschöpfung der Demokratie“.",
    ],
)
async def test_a_german_book_excerpt_in_the_singular_and_the_plural(check_ctx, text):
    result = await check(Article(text=text, language="de"), check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Quelle: Der Spiegel", "Der Spiegel"),
        ("Source: The Guardian", "The Guardian"),
    ],
)
async def test_a_source_line_naming_another_known_outlet_credits_its_text(check_ctx, line, outlet):
    # No link, no wire, no quotation marks: the outlet table knows the name as another site's.
    article = paged_article((Region.AFTER_BODY, line), url="https://www.example-news.de/a/")
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is True
    assert result.data["original_outlet"] == outlet


async def test_a_source_line_naming_the_sites_own_outlet_is_not_a_copy(check_ctx):
    article = paged_article(
        (Region.AFTER_BODY, "Quelle: Der Spiegel"), url="https://www.spiegel.de/a/"
    )
    result = await check(article, check_ctx)
    assert result.data["is_republication"] is not True


async def test_a_source_line_under_the_lead_picture_credits_the_picture(check_ctx):
    caption = "Die Brücke über die Oker am Dienstag.\nQuelle: dpa"
    before = paged_article((Region.BEFORE_BODY, caption), url="https://www.example-news.de/a/")
    after = paged_article((Region.AFTER_BODY, "Quelle: dpa"), url="https://www.example-news.de/a/")
    assert (await check(before, check_ctx)).data["is_republication"] is not True
    assert (await check(after, check_ctx)).data["original_outlet"] == "dpa"
