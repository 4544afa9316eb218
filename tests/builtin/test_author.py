"""author: who the page says wrote it, the byline against the metadata, the author page."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.builtin.author import Author, names_in, same_name
from checks.model import Article, Context, Origin, Status
from checks.read.html_page import read_html
from checks.read.text import read_markdown

ROOT = Path(__file__).parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED = ROOT / "checks" / "samples" / "globalresearch-belgorod.md"
BODY = "<p>" + "The council met on Monday and voted on the budget for next year. " * 8 + "</p>"


def page(head: str = "", byline: str = "", site: str = "Daily Example") -> Article:
    html = (
        f"<html><head><title>Budget vote | {site}</title>"
        f'<meta property="og:site_name" content="{site}">{head}</head>'
        f"<body><article><h1>Budget vote</h1>{byline}{BODY}</article></body></html>"
    )
    return read_html(html.encode(), url="https://news.example.com/2024/05/budget-vote")


def jsonld(author: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        ("By Jane Doe and John Roe | May 3, 2024", "en", ("Jane Doe", "John Roe")),
        ("Von Anna Schmidt und Max Muster, 12.03.2024", "de", ("Anna Schmidt", "Max Muster")),
        ("Par Marie Dupont et Jean Martin", "fr", ("Marie Dupont", "Jean Martin")),
        ("Por Ana García y Luis Pérez", "es", ("Ana García", "Luis Pérez")),
        ("Por Ana Souza e João Silva", "pt", ("Ana Souza", "João Silva")),
        # The preposition that leads into the date goes with it; a name's own "Do" stays.
        (
            "By Matthew Digby , Minh Do on Monday, November 18, 2019",
            "en",
            ("Matthew Digby", "Minh Do"),
        ),
        ("Von Anna Schmidt am Montag, 3. Mai", "de", ("Anna Schmidt",)),
        ("Автор: Иван Петров", "ru", ("Иван Петров",)),
        ("Автор: Іван Петренко", "uk", ("Іван Петренко",)),
        ("Leah C. Stokes Assistant professor of political science", "en", ("Leah C. Stokes",)),
        ("Maren Estrada November 20, 2020", "en", ("Maren Estrada",)),
        ("By Yasemin Saplakoglu - Staff Writer", "en", ("Yasemin Saplakoglu",)),
        ("Von Katharina Schmidt Kategorien: Mode", "de", ("Katharina Schmidt",)),
    ],
)
def test_names_are_read_off_a_byline_in_seven_languages(text, language, names):
    assert names_in(text, language) == names


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        # An initial is no Spanish "y" or Portuguese "e"; a legal form is no second name.
        ("Bruce Y. Lee", "en", ("Bruce Y. Lee",)),
        ("By Sarah E. Needleman", "en", ("Sarah E. Needleman",)),
        ("Deutsches Rotes Kreuz e.V.", "de", ("Deutsches Rotes Kreuz e.V.",)),
        ("Bundesministerium für Wirtschaft und Klimaschutz", "de",
         ("Bundesministerium für Wirtschaft und Klimaschutz",)),
        # Job titles, credentials and the page's furniture around a name.
        ("Hillel Italie, AP National Writer", "en", ("Hillel Italie",)),
        ("By Ron Dicker General Assignment Reporter, HuffPost", "en", ("Ron Dicker",)),
        ("Ilana Muhlstein, MS, RDN", "en", ("Ilana Muhlstein",)),
        ("View all posts by Daniel Lemire", "en", ("Daniel Lemire",)),
        ("dailyrecord Bookmark Share News By John-Paul Clark", "en", ("John-Paul Clark",)),
        ("Artikel von Alexa von Heyden 19. Juni 2019", "de", ("Alexa von Heyden",)),
        ("Julia Deutsch Alle Artikel", "de", ("Julia Deutsch",)),
        ("Nuño Domínguez Twitter", "es", ("Nuño Domínguez",)),
        ("Phil Helsel Phil Helsel is a reporter for NBC News", "en", ("Phil Helsel",)),
        ("By Kashmira Gander On 11/13/19 at 4:00 PM EST", "en", ("Kashmira Gander",)),
        ("Olaf Kempin (Autor)", "de", ("Olaf Kempin",)),
        ("Sputnik https://cdn.img.sputniknews.com/logo.png", "en", ("Sputnik",)),
        ("Richard David Precht im Gespräch mit Karin Fischer", "de",
         ("Richard David Precht", "Karin Fischer")),
        # What names nobody: a box's label, a job title alone, a heading.
        ("Reply", "en", ()),
        ("Inhalt", "de", ()),
        ("Court Reporter", "en", ()),
        ("Zum Profil von jesusfreak", "de", ()),
        ("Von Youtube-Netzwerken lernen", "de", ()),
    ],
)  # fmt: skip
def test_a_byline_box_holds_more_than_names(text, language, names):
    assert names_in(text, language) == names


@pytest.mark.parametrize(
    ("head", "byline", "names"),
    [
        (jsonld({"@type": "Organization", "name": "ハウスコム株式会社"}), "",
         ["ハウスコム株式会社"]),
        ("", '<p class="byline">By bergportal GmbH</p>', ["bergportal GmbH"]),
        ('<meta name="author" content="Außenministerium der Republik Österreich">', "",
         ["Außenministerium der Republik Österreich"]),
        ('<meta name="author" content="The Electronic Frontier Foundation">', "",
         ["The Electronic Frontier Foundation"]),
        ("", '<p class="byline">By CNN.com</p>', ["CNN.com"]),
        # A publication's name, with its address or alone: a site, not a person.
        ('<meta name="author" content="stol.it / Suedtirol Online">', "",
         ["stol.it / Suedtirol Online"]),
        ("", '<p class="byline">Von Lokalzeitung Rundschau</p>', ["Lokalzeitung Rundschau"]),
        ("", '<p class="byline">Por Noticias Regionales</p>', ["Noticias Regionales"]),
    ],
)  # fmt: skip
async def test_an_organisation_as_author_is_no_person(check_ctx, head, byline, names):
    result = await Author().run(page(head, byline), check_ctx)
    assert (result.data["kind"], result.data["names"]) == ("organisation", names)
    assert result.summary.startswith("An organisation named as author, no person named")


async def test_json_ld_authors_are_unescaped_and_read_like_a_byline(check_ctx):
    listed = jsonld({"@type": "Person", "name": "Christal Hayes, Nicholas Wu | USA TODAY"})
    result = await Author().run(page(listed), check_ctx)
    assert result.data["names"] == ["Christal Hayes", "Nicholas Wu"]
    escaped = jsonld({"@type": "Person", "name": "H&#233;ctor J. Cruz"})
    result = await Author().run(page(escaped), check_ctx)
    assert result.data["names"] == ["Héctor J. Cruz"]


def test_names_agree_by_containment_or_surname_and_initial():
    assert same_name("Leah C. Stokes", "Leah Stokes")
    assert same_name("Wilmer Leon", "Wilmer Leon. Sputnik International")
    assert not same_name("Jane Doe", "John Roe")


async def test_a_visible_byline_that_matches_the_json_ld_author_with_a_linked_page(check_ctx):
    article = page(
        jsonld({"@type": "Person", "name": "Jane Doe", "url": "https://news.example.com/by/jd"}),
        '<p class="byline">By <a rel="author" href="/by/jd">Jane Doe</a></p>',
    )
    result = await Author().run(article, check_ctx)
    assert result.status is Status.PASS
    assert result.summary == (
        "A named author: Jane Doe; the metadata names the same; an author page is linked"
    )
    assert result.data["author_url"] == "https://news.example.com/by/jd"
    assert result.data["metadata_agrees"] is True


async def test_a_byline_that_differs_from_the_metadata_is_worth_a_look(check_ctx):
    article = page(
        jsonld({"@type": "Person", "name": "Paul Other"}),
        '<p class="byline">By Jane Doe</p>',
    )
    result = await Author().run(article, check_ctx)
    assert result.status is Status.WARN
    assert result.summary == (
        "A named author: Jane Doe; the JSON-LD author says Paul Other; no author page linked"
    )


@pytest.mark.parametrize(
    ("head", "byline", "kind", "summary_start"),
    [
        ("", '<p class="byline">By Reuters</p>', "wire", "A news agency: Reuters"),
        ("", '<p class="byline">By Times Staff</p>', "desk", "A newsroom or staff byline"),
        ("", '<p class="byline">Von der Redaktion</p>', "desk", "A newsroom or staff byline"),
        ("", '<p class="byline">By Daily Example</p>', "outlet", "The outlet's own name"),
        ('<meta name="parsely-author" content="Jane Doe">', "", "person", "A named author"),
        ('<meta property="article:author" content="Jane Doe">', "", "person", "A named author"),
    ],
)
async def test_who_the_byline_names(check_ctx, head, byline, kind, summary_start):
    result = await Author().run(page(head, byline), check_ctx)
    assert result.data["kind"] == kind
    assert result.summary.startswith(summary_start)


async def test_a_staff_writer_is_a_person_and_staff_alone_a_desk(check_ctx):
    writer = await Author().run(
        page("", '<p class="byline">By Eric Song, IGN Staff</p>'), check_ctx
    )
    assert (writer.data["kind"], writer.data["names"]) == ("person", ["Eric Song", "IGN Staff"])


async def test_metadata_naming_only_the_outlet_does_not_disagree_with_the_byline(check_ctx):
    article = page(
        jsonld({"@type": "Organization", "name": "Daily Example"}),
        '<p class="byline">By Jane Doe</p>',
    )
    result = await Author().run(article, check_ctx)
    assert result.data["metadata_agrees"] is None
    assert result.status is Status.INFO


async def test_an_agency_declared_as_a_person_is_pointed_out(check_ctx):
    article = page(jsonld({"@type": "Person", "name": "AP"}), '<p class="byline">By AP</p>')
    result = await Author().run(article, check_ctx)
    assert result.status is Status.WARN
    assert result.data["organisation_as_person"] is True
    assert "the metadata declares an organisation as a person" in result.summary


async def test_a_guest_post_is_marked(check_ctx):
    article = page("", '<p class="byline">Guest post by Alex Smith</p>')
    result = await Author().run(article, check_ctx)
    assert result.data["guest"] is True
    assert result.data["names"] == ["Alex Smith"]
    assert "(marked as a guest or outside contributor)" in result.summary


async def test_a_cms_account_is_no_author_name(check_ctx):
    result = await Author().run(page(jsonld({"@type": "Person", "name": "admin"})), check_ctx)
    assert result.data["kind"] == "none"


async def test_a_page_with_no_author_anywhere(check_ctx):
    result = await Author().run(page(), check_ctx)
    assert (result.status, result.data["kind"]) == (Status.WARN, "none")


async def test_pasted_markdown_gives_its_by_line(check_ctx):
    result = await Author().run(read_markdown(SEED.read_text("utf-8")), check_ctx)
    assert result.data["names"] == ["Lucas Leiroz de Almeida"]
    assert result.summary == "A named author: Lucas Leiroz de Almeida; no author page linked"


@pytest.mark.parametrize(
    ("origin", "byline", "summary"),
    [
        (Origin("channel", name="Example News", username="examplenews"), "Ivan Petrov",
         "Signed Ivan Petrov in the channel Example News"),
        (Origin("channel", name="Example News", username="examplenews"), None,
         "A post of the channel Example News, not signed by a person"),
        (None, None, "A post with no signature and no channel named"),
    ],
)  # fmt: skip
async def test_a_telegram_post_signature_and_channel(check_ctx, origin, byline, summary):
    article = Article(text="Новость дня.", origin=origin, byline=byline, source_kind="telegram")
    result = await Author().run(article, check_ctx)
    assert result.summary == summary


@dataclass
class Probed:
    reachable: bool
    status: int | None = None
    error: str = ""


class FakeFetcher:
    """Answers every probe the same way and records what was asked; connects nowhere."""

    def __init__(self, answer: Probed) -> None:
        self.answer = answer
        self.asked: list[str] = []

    async def probe(self, url: str) -> Probed:
        self.asked.append(url)
        return self.answer


def _linked() -> Article:
    return page("", '<p class="byline">By <a rel="author" href="/by/jd">Jane Doe</a></p>')


async def test_with_probing_on_a_dead_author_page_is_reported():
    fetcher = FakeFetcher(Probed(False, 404, "the site answered 404 Not Found"))
    ctx = Context(now=datetime(2024, 6, 1, tzinfo=UTC), fetcher=fetcher)
    result = await Author().run(_linked(), ctx)
    assert fetcher.asked == ["https://news.example.com/by/jd"]
    assert result.status is Status.WARN
    assert result.summary.endswith(
        "the linked author page does not answer (the site answered 404 Not Found)"
    )


async def test_probing_can_be_switched_off_for_the_author_page():
    fetcher = FakeFetcher(Probed(True, 200))
    ctx = Context(
        now=datetime(2024, 6, 1, tzinfo=UTC),
        fetcher=fetcher,
        settings={"author": {"probe_author_page": "off"}},
    )
    result = await Author().run(_linked(), ctx)
    assert fetcher.asked == []
    assert "author_page" not in result.data


async def test_without_a_fetcher_nothing_is_asked(check_ctx):
    result = await Author().run(replace(_linked()), check_ctx)
    assert result.summary.endswith("an author page is linked")


def _fixture(name: str) -> Article:
    folder = next(PAGES.glob(f"{name}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


@pytest.mark.parametrize(
    ("name", "kind", "names"),
    [
        ("02", "person", ["Wilmer Leon"]),
        ("12", "outlet", ["KentNews"]),
        ("16", "people", ["Marcus Bensmann", "Justus von Daniels", "Ulrich Stoll"]),
        ("19", "wire", ["ТАСС"]),
        ("05", "wire", ["Reuters"]),
        ("01", "none", []),
    ],
)
async def test_real_pages_name_their_authors(check_ctx, name, kind, names):
    result = await Author().run(_fixture(name), check_ctx)
    assert (result.data["kind"], result.data["names"]) == (kind, names)


async def test_the_sites_own_address_as_author_is_the_outlet_not_a_person(check_ctx):
    article = page(head='<meta name="author" content="News.example.com">')
    result = await Author().run(article, check_ctx)
    assert result.data["kind"] == "outlet"


async def test_a_name_escaped_twice_in_the_metadata_is_read_unescaped(check_ctx):
    article = page(head='<meta name="author" content="H&amp;#233;l&amp;#232;ne Roux">')
    result = await Author().run(article, check_ctx)
    assert result.data["names"] == ["Hélène Roux"]


async def test_a_guest_account_is_no_name_and_the_writer_credited_at_the_end_is(check_ctx):
    body = "<p>" + "Городской совет обсудил бюджет на следующий год. " * 8 + "</p>"
    html = (
        '<html><head><meta name="author" content="Гость"></head><body><article>'
        f"<h1>Бюджет</h1>{body}<p>Текст: Мария Соколова</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://gazeta.example.ru/budget")
    result = await Author().run(article, check_ctx)
    assert result.data["names"] == ["Мария Соколова"]
    assert result.data["kind"] == "person"


async def test_where_the_metadata_names_someone_else_is_said_in_the_readers_language(check_ctx):
    from checks.render.checklist import summary_of, where_of

    article = page(
        '<meta name="parsely-author" content="Paul Other">', '<p class="byline">By Jane Doe</p>'
    )
    result = await Author().run(article, check_ctx)
    german = summary_of(result, "de")
    assert "Meta-Tag parsely-author" in german
    assert "meta parsely-author" not in german
    assert [where_of(e, "uk") for e in result.evidence][-1] == "метатег parsely-author"
    assert result.data["sources"][-1]["where"] == "meta parsely-author"  # JSON stays as it was


async def test_a_byline_block_the_reader_found_names_the_writer(check_ctx):
    # The name stands in a div of its own between the headline and the text, with no class
    # the metadata readers know: the reader's byline region still holds it.
    article = page(
        byline='<div class="info"><span>Текст: Лида Буслаева · 11 октября 2018</span></div>'
    )
    result = await Author().run(article, check_ctx)
    assert (result.data["kind"], result.data["names"]) == ("person", ["Лида Буслаева"])
    assert result.data["sources"][0]["where"] == "byline"


async def test_a_byline_block_without_a_lead_in_names_nobody(check_ctx):
    article = page(byline='<div class="info"><span>Politik · 11. Oktober 2018</span></div>')
    result = await Author().run(article, check_ctx)
    assert result.data["kind"] == "none"


async def test_page_76_the_russian_byline_block_names_its_writer(check_ctx):
    folder = PAGES / "76-wday-model-aging"
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    article = read_html((folder / "source.html").read_bytes(), url=labels["url"])
    result = await Author().run(article, check_ctx)
    assert result.data["names"] == ["Лида Буслаева"]
    assert "Лида Буслаева" in labels["byline"]
