"""The disclaimers check: patterns in seven languages, the sample and the real corpus pages."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from checks.builtin._disclaimer_rules import CATEGORIES, LANGUAGES, PATTERNS
from checks.builtin.disclaimers import Disclaimers, find_disclaimers
from checks.evaluate.corpus import expected_categories
from checks.model import Article, Block, Region, Status
from checks.read.html_page import read_html
from checks.testing import BODY_END, BODY_TOP, placed_article

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
SEED = json.loads((Path(__file__).parents[1] / "fixtures" / "seed-expected.json").read_text())


@cache
def page(prefix: str) -> tuple[Article, dict]:
    folder = next(PAGES.glob(f"{prefix}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"]), labels


def label_quote(labels: dict, kind: str) -> str:
    return next(d["quote"] for d in labels["disclaimers"] if d["type"] == kind)


def folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


async def run(article: Article, ctx) -> tuple[Status, str, list[dict]]:
    result = await Disclaimers().run(article, ctx)
    return result.status, result.summary, list(result.data["findings"])


def of(findings: list[dict], category: str) -> list[dict]:
    return [f for f in findings if f["category"] == category]


# --- the pattern table: every phrasing works on its own example sentence


@pytest.mark.parametrize(
    "pattern", PATTERNS, ids=[f"{p.category}-{p.language}-{i}" for i, p in enumerate(PATTERNS)]
)
def test_each_pattern_finds_its_example_sentence(pattern):
    example = pattern.example.lower()
    # keys start a word: the check looks them up by the first letters of the text's words
    # (Chinese and Japanese run words together: there a key may stand anywhere)
    assert any(
        re.search(rf"(?<!\w){re.escape(key.strip())}", example)
        or (pattern.language in ("zh", "ja") and key in example)
        for key in pattern.keys
    )
    findings = [f for f in find_disclaimers(Article(text=pattern.example)) if f.applies]
    mine = [f for f in findings if f.category == pattern.category]
    assert mine, f"{pattern.category} not found in {pattern.example!r}"
    assert any(f.language == pattern.language for f in mine)
    assert all(f.quote in " ".join(pattern.example.split()) for f in mine)


def test_every_category_has_a_pattern_in_every_language():
    have = {(p.category, p.language) for p in PATTERNS}
    missing = [(c, lang) for c in CATEGORIES for lang in LANGUAGES if (c, lang) not in have]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "category", "language"),
    [
        (
            "Редакция не несёт ответственности за достоверность информации в рекламных "
            "объявлениях.",
            "liability",
            "ru",
        ),
        (
            "Редакція не несе відповідальності за зміст листів читачів.",
            "liability",
            "uk",
        ),
        (
            "Мнение автора может не совпадать с позицией редакции.",
            "views_not_endorsed",
            "ru",
        ),
        ("Статья опубликована на правах рекламы.", "sponsored", "ru"),
        ("Матеріал опубліковано на правах реклами.", "sponsored", "uk"),
        (
            "Оновлено: до матеріалу додано коментар Міністерства охорони здоров'я.",
            "correction",
            "uk",
        ),
        (
            "Обновлено: в материал добавлен комментарий пресс-службы мэрии Москвы.",
            "correction",
            "ru",
        ),
        (
            "Die Meinung des Autors spiegelt nicht die Meinung der Redaktion wider.",
            "views_not_endorsed",
            "de",
        ),
        # an official page's disclaimer form: the guarantee for accuracy is not given
        (
            "Eine Gewähr für die Richtigkeit und Vollständigkeit der Reisehinweise kann nicht "
            "übernommen werden.",
            "liability",
            "de",
        ),
        ("Alle Angaben ohne Gewähr für die Richtigkeit.", "liability", "de"),
        (
            "Les propos tenus dans cette tribune n’engagent que leur auteur.",
            "liability",
            "fr",
        ),
        (
            "Las opiniones expresadas no reflejan necesariamente la postura de este medio.",
            "views_not_endorsed",
            "es",
        ),
        (
            "Os textos assinados são de inteira responsabilidade dos autores.",
            "liability",
            "pt",
        ),
        # short correction notes: the sentence needs no padding once the label has matched
        ("Материал обновлен в 14:30 с комментарием мэрии.", "correction", "ru"),
        ("Матеріал оновлено о 14:30 з коментарем міськради.", "correction", "uk"),
        (
            "Nota de la redacción: una versión anterior de este artículo indicaba erróneamente "
            "la fecha.",
            "correction",
            "es",
        ),
        (
            "Anmerkung der Redaktion: In einer früheren Fassung stand ein falscher Betrag.",
            "correction",
            "de",
        ),
        (
            "Corrections & clarifications: A previous version of this piece gave the wrong "
            "figure.",
            "correction",
            "en",
        ),
        (
            "*Matéria atualizada às 14h30 para incluir a resposta da prefeitura.",
            "correction",
            "pt",
        ),
        (
            "CORRECTION (Nov. 3, 2024, 10:15 a.m. ET): A previous version of this article "
            "incorrectly stated the date of the vote.",
            "correction",
            "en",
        ),
        # the legally required Russian ad marking, and sponsor labels on a line of their own
        ("Реклама. ООО «Ромашка», ИНН 7700000000, erid: 2SDnjdXYZ", "sponsored", "ru"),
        ("Партнерский проект", "sponsored", "ru"),
        ("Спецпроєкт", "sponsored", "uk"),
        ("Промо", "sponsored", "ru"),
        ("PROMOTION", "sponsored", "en"),
        ("Contenu proposé par Acme Assurances", "sponsored", "fr"),
        ("Contenido ofrecido por Banco Ejemplo", "sponsored", "es"),
        ("Publicidade", "sponsored", "pt"),
        (
            "The opinions expressed in this commentary are solely those of the author.",
            "views_not_endorsed",
            "en",
        ),
        (
            "Cet article a été rédigé avec l'aide d'une intelligence artificielle.",
            "ai_generated",
            "fr",
        ),
        (
            "Este contenido ha sido elaborado con ayuda de inteligencia artificial y revisado por "
            "la redacción.",
            "ai_generated",
            "es",
        ),
        ("Текст подготовлен с использованием ИИ и проверен редактором.", "ai_generated", "ru"),
        ("AI-generated summary.", "ai_generated", "en"),
        (
            "Disclaimer: The Babylon Bee is a satire site. All stories are fictional.",
            "satire",
            "en",
        ),
        (
            "This story is part of a series supported by a grant from the Acme Foundation.",
            "funding",
            "en",
        ),
        ("Цей матеріал створено за підтримки Європейського Союзу.", "funding", "uk"),
    ],
)
def test_real_looking_sentences(text, category, language):
    findings = find_disclaimers(Article(text=text))
    assert [(f.category, f.language, f.quote) for f in findings] == [(category, language, text)]


@pytest.mark.parametrize(
    "text",
    [
        # third parties, not the outlet, disclaim or label something
        "The company said it was not responsible for the spill, and the mayor disagreed.",
        "Компания не несет ответственности за утечку данных, заявил ее представитель.",
        "The Babylon Bee, a satirical website, published the story on Monday.",
        "It appears he doesn't know that this is a news satire website.",
        "Researchers say AI-generated images flood social networks before every election.",
        # a donation appeal is not sponsorship (page 16)
        "Die Recherche entstand in Zusammenarbeit mit dem ZDF-Magazin Frontal 21.",
        # bare timestamps are not update notes (pages 02, 05, 06, 15)
        "Updated: January 16, 2020 07:16 PM CST",
        "Updated 11:14 GMT 29.04.2020",
        "Обновлено: 29.06.2020 12:41",
        "Updated: 3 hours ago by John Smith",
        # an editor's note is not a correction; a quoted third party's liability is news
        "Editor's note: This story contains descriptions of violence.",
        "Der Konzern übernimmt keine Haftung für die Schäden, sagte ein Sprecher.",
        "Le groupe décline toute responsabilité dans l'accident de mardi.",
        "Critics say the views of the board do not reflect those of most voters.",
        # a photo credit naming an agency is not the agency's copyright notice
        "© AP Photo/Evan Vucci",
        # a generic footer copyright line is not a notice about the content
        "© 2020 Postmedia Network Inc. All rights reserved.",
        # "Suggest a Correction" is a feedback form
        "Suggest a Correction",
        # an update time, not an update note
        "Материал обновлен 29.06.2020 12:41",
        "Matéria atualizada às 14h30",
        "Updated 3:45 p.m. ET",
        # an earlier draft of a law, the funding of a study, a satire site in the news
        "In einer früheren Fassung des Gesetzes stand ein anderer Betrag.",
        "The study was supported by a grant from the National Institutes of Health.",
        "The project was funded by the European Union, the mayor said.",
        "The Babylon Bee is a satire site that Twitter suspended in 2022.",
        # a refusal of liability reported in the news names no accuracy
        "Der Konzern will keine Haftung für die Schäden übernehmen.",
        # a study's authors, a minister's party: not the outlet's view of its author
        "Die Sprecherin sagte, die Zahlen geben die Meinung der Autoren der Studie wieder.",
        "Der Minister erklärte, seine Position decke sich nicht mit der Haltung der Partei.",
    ],
)
def test_look_alikes_are_not_disclaimers(text):
    assert find_disclaimers(Article(text=text, furniture_text=text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "This article was produced in partnership with ProPublica.",
        "Wir danken dem Autor für das Recht zur Veröffentlichung dieses Beitrags.",
        "Cet article est publié en partenariat avec Mediapart.",
    ],
)
async def test_an_editorial_partnership_is_partner_content_not_a_paid_one(check_ctx, text):
    status, summary, findings = await run(Article(text=text), check_ctx)
    assert [f["category"] for f in findings] == ["partner"]
    assert (status, summary) == (Status.INFO, "partner content (1 quoted)")


def test_a_partnership_in_the_news_is_not_partner_content():
    text = "The city, in partnership with the state, will rebuild the bridge next year."
    assert find_disclaimers(Article(text=text)) == []


# --- rules


async def test_nothing_found_is_said_plainly(check_ctx):
    assert await run(Article(text="The council met on Monday."), check_ctx) == (
        Status.INFO,
        "No disclaimer found",
        [],
    )


async def test_sponsored_label_at_the_top_warns(check_ctx):
    text = "Anzeige\nDie neue Jacke im Test.\n" + "Wir waren wandern. " * 5
    status, summary, findings = await run(Article(text=text), check_ctx)
    assert status is Status.WARN
    assert summary == "Marked as sponsored content (1 quoted)"
    assert findings == [
        {"category": "sponsored", "quote": "Anzeige", "where": "article text", "language": "de"}
    ]


async def test_ad_slot_labels_in_the_furniture_are_not_sponsorship(check_ctx):
    article = Article(text="Ein Bericht.", furniture_text="Anzeige\nSponsored Links\nReklama")
    assert (await run(article, check_ctx))[2] == []


def test_sponsorship_discussed_mid_article_is_not_a_label():
    lines = [f"Paragraph {i} of a report on the advertising market." for i in range(20)]
    lines[10] = "Publishers now sell sponsored content and paid partnerships to brands."
    assert find_disclaimers(Article(text="\n".join(lines))) == []


def test_satire_menu_item_in_the_furniture_is_not_a_self_description():
    article = Article(text="Ein Bericht.", furniture_text="Politik\nSatire\nSport")
    assert find_disclaimers(article) == []


def test_ad_label_in_the_middle_of_the_text_is_an_ad_slot():
    lines = [f"Absatz {i} des Berichts über die Wahl." for i in range(20)]
    lines[10] = "Anzeige"
    assert find_disclaimers(Article(text="\n".join(lines))) == []


def test_correction_note_only_counts_at_the_top_or_end_of_the_text():
    note = "Korrektur: In einer früheren Version haben wir den Namen falsch geschrieben."
    lines = [f"Absatz {i} eines anderen Artikels auf derselben Seite." for i in range(20)]
    middle = [*lines[:10], note, *lines[10:]]
    end = [*lines, note]
    assert find_disclaimers(Article(text="\n".join(middle))) == []
    assert [f.quote for f in find_disclaimers(Article(text="\n".join(end)))] == [note]


def test_correction_note_before_bio_tip_line_and_tags_counts_as_the_end():
    note = "Correction: An earlier version of this story misstated the size of the budget."
    paragraph = "Paragraph of the story about the council and its budget decisions this week. "
    lines = [paragraph * 2] * 8 + [
        note,
        "Jane Doe covers city hall. She joined the Ledger in 2019.",
        "Got a news tip? Email us at tips@springfieldledger.com.",
        "This story was reported with support from the Springfield Community Foundation.",
        "Our journalism depends on readers like you. Subscribe today.",
        "Filed under: Politics, City Hall, Budget",
        "Jane Doe, Staff Writer",
    ]
    findings = find_disclaimers(Article(text="\n".join(lines)))
    assert [(f.category, f.quote) for f in findings] == [
        ("correction", note),
        ("funding", lines[11]),
    ]


def test_sponsor_label_under_byline_and_date_counts_as_the_top():
    text = "# Title of piece\n\nBy Jane Doe\n\nNov. 20, 2024\n\nSponsored by Acme Bank\n\n"
    text += "\n\n".join(f"Paragraph {i} about the product." for i in range(8))
    findings = find_disclaimers(Article(text=text))
    assert [(f.category, f.quote) for f in findings] == [("sponsored", "Sponsored by Acme Bank")]


def test_ad_slot_label_at_the_end_is_not_a_sponsor_label():
    lines = [f"Parágrafo {i} da reportagem sobre a votação." for i in range(10)]
    assert find_disclaimers(Article(text="\n".join([*lines, "Publicidade"]))) == []
    assert [
        f.quote for f in find_disclaimers(Article(text="\n".join(["Publicidade", *lines])))
    ] == ["Publicidade"]


def test_correction_in_furniture_is_ignored():
    note = "Update 16.04.2019: Jetzt ist es amtlich. Die Bundestagsverwaltung verhängt Strafen."
    assert find_disclaimers(Article(text="Ein Bericht.", furniture_text=note)) == []


def test_site_notice_in_furniture_is_reported_as_such():
    notice = "The views expressed by contributors do not necessarily reflect those of the site."
    findings = find_disclaimers(Article(text="A report.", furniture_text=f"About\n{notice}"))
    assert [(f.category, f.quote, f.where) for f in findings] == [
        ("views_not_endorsed", notice, "page furniture")
    ]


def test_short_sentence_is_quoted_with_the_one_before():
    text = "Le Club est l'espace de libre expression. Ses contenus n'engagent pas la rédaction."
    assert [f.quote for f in find_disclaimers(Article(text=text))] == [text]


def test_long_quote_is_trimmed_to_300_characters():
    text = "The views expressed here do not necessarily reflect ours " + "and so on " * 40
    (finding,) = find_disclaimers(Article(text=text))
    assert len(finding.quote) <= 300
    assert finding.quote.startswith("The views expressed here do not necessarily reflect")
    assert finding.quote in text


def test_decomposed_accents_are_matched_and_quoted_composed():
    text = unicodedata.normalize("NFD", "Ses contenus n'engagent pas la rédaction du journal.")
    (finding,) = find_disclaimers(Article(text=text))
    assert finding.quote == "Ses contenus n'engagent pas la rédaction du journal."


def test_disclosure_said_not_to_apply_is_kept_but_marked():
    furniture = (
        "NOTE: The advertising disclaimer below does not apply to this article.\n"
        "Advertising disclosure: We may receive compensation for some of the links in our "
        "stories."
    )
    (finding,) = find_disclaimers(Article(text="An essay.", furniture_text=furniture))
    assert (finding.category, finding.applies) == ("affiliate", False)
    assert finding.note == "NOTE: The advertising disclaimer below does not apply to this article."


@pytest.mark.parametrize(
    ("fields", "quote", "where"),
    [
        ({"meta": {"article:opinion": "true"}}, 'article:opinion = "true"', "page metadata"),
        (
            {"meta": {"jsonld_types": "WebPage, OpinionNewsArticle"}},
            "JSON-LD @type OpinionNewsArticle",
            "page metadata",
        ),
        ({"meta": {"section": "Meinung"}}, 'section "meinung"', "page metadata"),
        ({"meta": {"article:section": "Мнение"}}, 'section "мнение"', "page metadata"),
        (
            {"url": "https://www.lemonde.fr/idees/article/2020/01/02/tribune_1.html"},
            "https://www.lemonde.fr/idees/article/2020/01/02/tribune_1.html",
            "address",
        ),
        (
            {"url": "https://blogs.mediapart.fr/elba/blog/260619/violences"},
            "https://blogs.mediapart.fr/elba/blog/260619/violences",
            "address",
        ),
    ],
)
def test_opinion_from_metadata_and_address(fields, quote, where):
    findings = find_disclaimers(Article(text="Un texte.", **fields))
    assert [(f.category, f.quote, f.where) for f in findings] == [("opinion", quote, where)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.theguardian.com/commentisfree/2024/nov/20/housing-plan",
        "https://www.pravda.com.ua/columns/2024/11/20/7484321/",
        "https://www1.folha.uol.com.br/colunas/fulano/2024/11/o-plano.shtml",
        "https://www.faz.net/aktuell/feuilleton/debatten/der-plan-scheitert-110123.html",
        "https://www.spiegel.de/kultur/kolumne-von-sascha-lobo-a-1234.html",
        "https://www.dw.com/de/kommentar-die-ampel-ist-am-ende/a-70712345",
    ],
)
def test_opinion_sections_and_slugs_in_the_address(url):
    findings = find_disclaimers(Article(text="Ein Text.", url=url))
    assert [(f.category, f.where) for f in findings] == [("opinion", "address")]


def test_opinion_poll_slug_and_title_are_news():
    article = Article(
        text="A report.",
        url="https://www.bbc.com/news/uk-politics-opinion-poll-tracker-123",
        title="Opinion polls show Labour ahead | Politics",
    )
    assert find_disclaimers(article) == []


async def test_opinion_label_in_the_page_title_and_kicker(check_ctx):
    html = (
        "<html lang='en'><head><title>Opinion | Why the housing plan will fail - The Ledger"
        "</title></head><body><article><div class='kicker'>Guest Opinion</div>"
        "<h1>Why the housing plan will fail</h1><p>"
        + "I have lived here for 40 years and never seen a worse idea than this plan. "
        * 4
        + "</p><p><em>Robert Brown is a retired engineer. The views expressed are his own.</em>"
        "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://ledger.example/2024/11/20/housing-plan")
    status, summary, findings = await run(article, check_ctx)
    assert (status, summary) == (Status.INFO, "opinion, views not the outlet's (2 quoted)")
    assert [(f["category"], f["quote"]) for f in findings] == [
        ("opinion", "Guest Opinion"),
        ("opinion", 'page title "Opinion | Why the housing plan will fail - The Ledger"'),
        (
            "views_not_endorsed",
            "Robert Brown is a retired engineer. The views expressed are his own.",
        ),
    ]


async def test_funding_note_is_reported_without_a_warning(check_ctx):
    text = "A report on the river.\nThis story was produced with support from the Acme Foundation."
    assert await run(Article(text=text), check_ctx) == (
        Status.INFO,
        "funding note (1 quoted)",
        [
            {
                "category": "funding",
                "quote": "This story was produced with support from the Acme Foundation.",
                "where": "article text",
                "language": "en",
            }
        ],
    )


def test_news_address_and_opinion_false_are_not_opinion():
    article = Article(
        text="A report.",
        url="https://www.npr.org/2023/11/09/1211571220/israel-gaza-damage-map",
        meta={"article:opinion": "false", "section": "World"},
    )
    assert find_disclaimers(article) == []


async def test_ai_notice_warns(check_ctx):
    text = "Текст сгенерирован нейросетью и проверен редактором.\nВ Москве открыли участок ЦКАД."
    status, summary, _ = await run(Article(text=text), check_ctx)
    assert (status, summary) == (
        Status.WARN,
        "Says it was made with AI (1 quoted)",
    )


def test_a_long_page_is_checked_in_a_few_milliseconds():
    sentence = "Die Regierung hat am Montag neue Regeln beschlossen, sagte der Sprecher. "
    article = Article(text=(sentence * 8 + "\n") * 60, furniture_text=(sentence + "\n") * 250)
    find_disclaimers(article)
    started = time.perf_counter()
    find_disclaimers(article)
    assert time.perf_counter() - started < 0.05


# --- the sample and the corpus


async def test_sample_liability_and_fair_use(sample_article, check_ctx):
    status, summary, findings = await run(sample_article, check_ctx)
    assert (status, summary) == (Status.INFO, "liability, fair use (4 quoted)")
    assert [f["category"] for f in findings] == ["liability"] + ["copyright_notice"] * 3
    for category, seed in zip(("liability", "copyright_notice"), SEED["disclaimers"], strict=True):
        assert any(folded(seed["quote"]) in f["quote"] for f in of(findings, category))


@pytest.mark.parametrize("prefix", [f"{i:02d}" for i in range(1, 21)])
async def test_corpus_page_categories_match_the_labels(prefix, check_ctx):
    article, labels = page(prefix)
    _, _, findings = await run(article, check_ctx)
    has, unsure = expected_categories(labels)
    assert {f["category"] for f in findings} - unsure == has


async def test_page_04_ap_copyright_notice(check_ctx):
    article, labels = page("04")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "copyright notice (1 quoted)"
    assert [f["quote"] for f in findings] == [label_quote(labels, "copyright_notice")]


async def test_page_05_wire_copyright_but_not_the_outlet_footer(check_ctx):
    article, _ = page("05")
    _, _, findings = await run(article, check_ctx)
    assert [f["quote"] for f in findings] == ["© Thomson Reuters 2020"]


async def test_page_10_affiliate_disclosure(check_ctx):
    article, labels = page("10")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "affiliate links (1 quoted)"
    assert findings[0]["quote"] in folded(label_quote(labels, "affiliate_commission"))
    assert "we may earn an affiliate commission" in findings[0]["quote"]


async def test_page_09_affiliate_disclosure_that_does_not_apply(check_ctx):
    article, labels = page("09")
    status, summary, findings = await run(article, check_ctx)
    assert status is Status.INFO
    assert summary == ("affiliate links (the page says it does not apply) (1 quoted)")
    (finding,) = findings
    assert finding["applies"] is False
    assert finding["not_applicable_note"] == label_quote(
        labels, "editorial_note_negating_ad_disclosure"
    )


async def test_page_12_site_wide_liability_and_satire(check_ctx):
    article, labels = page("12")
    status, summary, findings = await run(article, check_ctx)
    assert (status, summary) == (
        Status.WARN,
        "The site calls itself satire; also liability (2 quoted)",
    )
    assert of(findings, "satire")[0]["quote"] == label_quote(labels, "satire_self_description")
    liability = of(findings, "liability")[0]["quote"]
    assert liability == "(Therefore, we cannot verify the accuracy of all articles written!)"
    assert liability in label_quote(labels, "liability")


def test_a_market_data_footnote_in_the_footer_is_not_about_the_article():
    footer = (
        "Verzögerung der Kursdaten: Deutsche Börse 15 Min., Nasdaq und NYSE 20 Min. "
        "Keine Gewähr für die Richtigkeit der Angaben."
    )
    text = "Der Dax schloss am Freitag im Plus."
    assert find_disclaimers(Article(text=text, furniture_text=footer)) == []


async def test_page_125_liability_section_after_a_travel_advisory(check_ctx):
    article, labels = page("125")
    _, _, findings = await run(article, check_ctx)
    (liability,) = of(findings, "liability")
    assert liability["quote"] == folded(label_quote(labels, "liability"))
    assert {f["category"] for f in findings} == {"liability"}


async def test_page_14_french_update_note(check_ctx):
    article, labels = page("14")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "correction/update note (1 quoted)"
    assert findings == [
        {
            "category": "correction",
            "quote": label_quote(labels, "update_note"),
            "where": "article text",
            "language": "fr",
        }
    ]


async def test_page_16_other_articles_correction_is_not_reported(check_ctx):
    article, _ = page("16")
    status, _, findings = await run(article, check_ctx)
    assert status is Status.INFO
    assert [f["category"] for f in findings] == ["funding"]  # the donation box, nothing else


async def test_page_17_sponsored_post(check_ctx):
    article, labels = page("17")
    status, summary, findings = await run(article, check_ctx)
    assert (status, summary) == (
        Status.WARN,
        "Marked as sponsored content (1 quoted)",
    )
    assert findings == [
        {
            "category": "sponsored",
            "quote": label_quote(labels, "sponsored"),
            "where": "article text",
            "language": "de",
        }
    ]


async def test_page_18_reader_blog_not_endorsed_by_the_newsroom(check_ctx):
    article, labels = page("18")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "opinion, views not the outlet's (1 quoted)"
    assert of(findings, "opinion")[0]["where"] == "address"
    assert of(findings, "views_not_endorsed")[0]["quote"] == label_quote(
        labels, "views_not_endorsed_by_outlet"
    )


async def test_page_08_essay_under_ideas_is_opinion_despite_its_metadata(check_ctx):
    article, _ = page("08")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "opinion"
    assert {f["where"] for f in findings} <= {"page metadata", "address", "above the headline"}
    # the section label printed above the headline says it too
    assert {
        "category": "opinion",
        "quote": 'section "ideas"',
        "where": "above the headline",
        "language": "en",
    } in findings


async def test_a_reader_funded_investigation_says_so_in_german(check_ctx):
    article, labels = page("16-correctiv")

    _, _, findings = await run(article, check_ctx)

    funding = of(findings, "funding")
    assert funding, "the donation-box line names who paid for the investigation"
    assert folded(label_quote(labels, "funding_disclosure")) in folded(funding[0]["quote"])
    assert not of(findings, "sponsored")  # readers paying is not advertising


@pytest.mark.parametrize(
    ("text", "licensed"),
    [
        (
            "Officials confirmed the plan on Monday.\n\nEste conteúdo foi publicado originalmente"
            " pela Agência Brasil e é reproduzido sob a licença Creative Commons Atribuição 4.0"
            " Internacional.",
            True,
        ),
        (
            "Officials confirmed the plan on Monday.\n\nThis article is republished from The"
            " Conversation under a Creative Commons license. Read the original article.",
            True,
        ),
        (
            "Officials confirmed the plan on Monday.\n\nPhoto: Jane Doe / Wikimedia Commons,"
            " licensed under Creative Commons.",
            False,
        ),
    ],
)
async def test_a_free_licence_for_the_piece_is_a_copyright_notice_a_photo_credit_is_not(
    make_article, check_ctx, text, licensed
):
    _, _, findings = await run(make_article(text), check_ctx)

    assert bool(of(findings, "copyright_notice")) is licensed


# --- Italian and Polish, added through their language folders alone


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("PUBBLICITÀ\nLe migliori offerte per l'estate.", "sponsored"),
        ("Articolo sponsorizzato. Le migliori offerte per l'estate.", "sponsored"),
        ("Informazione pubblicitaria\nLe migliori offerte per l'estate.", "sponsored"),
        (
            "Le opinioni espresse dall'autore non riflettono necessariamente la linea "
            "editoriale del giornale.",
            "views_not_endorsed",
        ),
        (
            "L'editore non si assume alcuna responsabilità per i contenuti pubblicati dai "
            "lettori.",
            "liability",
        ),
        ("Rettifica: nella versione precedente il nome del sindaco era sbagliato.", "correction"),
        ("Editoriale\nIl paese merita di meglio.", "opinion"),
        ("Artykuł sponsorowany\nNajlepsze oferty na lato.", "sponsored"),
        ("REKLAMA\nNajlepsze oferty na lato.", "sponsored"),
        ("Materiał partnera\nNajlepsze oferty na lato.", "sponsored"),
        (
            "Opinie wyrażone w tekście są poglądami autora i nie muszą odzwierciedlać "
            "stanowiska redakcji.",
            "views_not_endorsed",
        ),
        ("Portal nie ponosi odpowiedzialności za treść komentarzy.", "liability"),
        (
            "Sprostowanie: w poprzedniej wersji tekstu błędnie podaliśmy datę sesji.",
            "correction",
        ),
        ("Felieton\nKraj zasługuje na więcej.", "opinion"),
    ],
)
def test_italian_and_polish_labels_are_found(text, category):
    findings = find_disclaimers(Article(text=text))
    assert category in {f.category for f in findings}, findings


@pytest.mark.parametrize(
    "text",
    [
        "Il ministro ha parlato di pubblicità ingannevole durante la conferenza stampa.",
        "Minister mówił o reklamie podczas konferencji prasowej w Sejmie.",
        "La campagna pubblicitaria è costata due milioni.",
    ],
)
def test_italian_and_polish_mentions_that_are_not_labels(text):
    middle = "Prima riga.\nSeconda riga.\nTerza riga.\nQuarta.\n" + text + "\n" + "Riga.\n" * 8
    assert find_disclaimers(Article(text=middle)) == []


# --- labels from where they stand on the page (the reader's regions)

BODY = "The council voted on Tuesday to close the bridge.\nWork starts in May.\nIt lasts a year."


def paged(*blocks: tuple[Region, str], text: str = BODY) -> Article:
    return Article(
        text=text,
        source_kind="html",
        blocks=(Block(Region.BODY, text), *(Block(r, t) for r, t in blocks)),
    )


@pytest.mark.parametrize(
    ("region", "label", "category", "where"),
    [
        (Region.ABOVE_HEADLINE, "PAID CONTENT", "sponsored", "above the headline"),
        (Region.ABOVE_HEADLINE, "Advertorial", "sponsored", "above the headline"),
        (Region.ABOVE_HEADLINE, "Anzeige", "sponsored", "above the headline"),
        (Region.BYLINE, "Sponsored by Acme Bank", "sponsored", "byline"),
        (
            Region.AFTER_BODY,
            "This version corrects the spelling of the mayor's name.",
            "correction",
            "after the article",
        ),
        (
            Region.AFTER_BODY,
            "Correction: An earlier version of this story gave the wrong date for the vote.",
            "correction",
            "after the article",
        ),
        (
            Region.ASIDE,
            "Disclosure statement Jane Doe receives funding from the Australian Research "
            "Council. She is a member of the Greens.",
            "disclosure",
            "disclosure box",
        ),
        (
            Region.AFTER_BODY,
            "We may earn a commission when you buy through links on our site.",
            "affiliate",
            "after the article",
        ),
        (
            Region.AFTER_BODY,
            "This post originally appeared on Grist. The views expressed are solely those of "
            "the author.",
            "views_not_endorsed",
            "after the article",
        ),
        (Region.ABOVE_HEADLINE, "Letters to the Editor", "opinion", "above the headline"),
        (Region.ABOVE_HEADLINE, "Home > Opinion > Columns", "opinion", "above the headline"),
        (Region.ABOVE_HEADLINE, "Leserbriefe", "opinion", "above the headline"),
    ],
)
def test_labels_count_where_publishers_print_them(region, label, category, where):
    findings = [f for f in find_disclaimers(paged((region, label))) if f.category == category]
    assert findings, find_disclaimers(paged((region, label)))
    assert findings[0].where == where


@pytest.mark.parametrize(
    ("region", "label"),
    [
        (Region.ASIDE, "Anzeige"),  # an ad slot beside the text
        (Region.ASIDE, "Sponsored content from our partners"),
        (Region.FOOTER, "PAID CONTENT"),  # a sidebar teaser
        (Region.AFTER_BODY, "Promotion"),  # top-only label lines say nothing at the end
    ],
)
def test_labels_beside_the_article_are_not_the_articles(region, label):
    assert find_disclaimers(paged((region, label))) == []


def test_a_correction_in_the_middle_of_the_body_is_not_a_note():
    text = "\n".join(
        [
            "The council voted on Tuesday.",
            "Work starts in May.",
            "Correction: the council's own notice had the wrong date, the mayor said today.",
            "The bridge carries 20,000 cars a day.",
            "It lasts a year.",
        ]
    )
    assert find_disclaimers(paged((Region.BYLINE, "By Jane Doe"), text=text)) == []


async def test_engadget_affiliate_disclosure_is_quoted_from_the_block_after_the_article(
    check_ctx,
):
    article, labels = page("10")
    _, _, findings = await run(article, check_ctx)
    affiliate = of(findings, "affiliate")
    assert affiliate[0]["where"] == "after the article"
    assert folded(affiliate[0]["quote"]) in folded(label_quote(labels, "affiliate_commission"))


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
    result = await Disclaimers().run(article, check_ctx)
    assert result.status is Status.SKIP
    assert result.summary == f"Could not look: {article.visibility.reason}"
    assert result.data["visible"] == "none"


async def test_a_paywalled_teaser_is_judged_only_in_its_visible_part(check_ctx):
    article = read_html(TEASER_PAGE, url=SHELL_URL)
    result = await Disclaimers().run(article, check_ctx)
    assert result.status is Status.INFO
    assert result.summary == (
        "No disclaimer found in the visible part (paywall (isAccessibleForFree: false))"
    )


@pytest.mark.parametrize(
    ("blocks", "category"),
    [
        (
            (
                (
                    Region.AFTER_BODY,
                    "BGR may receive a commission on orders placed through this article.",
                ),
            ),
            "affiliate",
        ),
        (
            (
                (
                    Region.AFTER_BODY,
                    "Prices are subject to change without notice and coupons may expire "
                    "at any time.",
                ),
            ),
            "liability",
        ),
        (((Region.ABOVE_HEADLINE, "Sponsored by Acme Bank"),), "sponsored"),
    ],
)
def test_deal_and_sponsor_notes_name_what_they_are(blocks, category):
    assert category in {f.category for f in find_disclaimers(paged(*blocks))}


@pytest.mark.parametrize(
    "blocks",
    [
        ((Region.ABOVE_HEADLINE, "sponsored by"),),  # a sponsor's logo slot names no one
        ((Region.AFTER_BODY, "Anzeige"),),  # an ad slot after the article
        ((Region.AFTER_BODY, "Sponsored"),),
        ((Region.AFTER_BODY, "Реклама"),),
    ],
)
def test_ad_slot_labels_are_not_the_articles(blocks):
    assert find_disclaimers(paged(*blocks)) == []


async def test_an_ad_label_after_a_german_column_is_not_a_sponsored_label(check_ctx):
    _, _, findings = await run(page("68")[0], check_ctx)
    assert of(findings, "sponsored") == []
    assert of(findings, "opinion")


async def test_a_deals_post_says_it_earns_commission_and_prices_may_change(check_ctx):
    _, _, findings = await run(page("66")[0], check_ctx)
    assert of(findings, "affiliate")
    assert of(findings, "liability")


async def test_apolut_thanks_the_author_for_the_right_to_publish(check_ctx):
    article, labels = page("25")
    _, _, findings = await run(article, check_ctx)
    assert [f["quote"] for f in of(findings, "partner")] == [
        label_quote(labels, "partner_content")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The-CNN-Wire™ & © 2020 Cable News Network, Inc., a WarnerMedia Company. All rights "
        "reserved.",
        "© 2024 Kyodo News. All rights reserved.",
    ],
)
def test_a_syndication_wires_copyright_line_after_the_article(line):
    findings = find_disclaimers(paged((Region.AFTER_BODY, line)))
    assert [f.category for f in findings] == ["copyright_notice"]


@pytest.mark.parametrize(
    ("blocks", "found"),
    [
        (((Region.BYLINE, "Opinion by Frida Ghitis"),), ["opinion"]),
        (((Region.BYLINE, "Analysis by Stephen Collinson"),), []),
        (((Region.AFTER_BODY, "Opinion by our readers: write to us"),), []),
    ],
)
def test_an_opinion_label_beside_the_byline(blocks, found):
    assert [f.category for f in find_disclaimers(paged(*blocks))] == found


async def test_ansa_reserves_its_rights_after_the_article_not_under_the_picture(check_ctx):
    article, labels = page("23")
    _, _, findings = await run(article, check_ctx)
    assert [(f["quote"], f["where"]) for f in of(findings, "copyright_notice")] == [
        (label_quote(labels, "copyright_notice"), "after the article")
    ]


def test_an_agency_credit_under_the_lead_picture_is_not_a_rights_line():
    blocks = ((Region.BEFORE_BODY, "© ANSA + CLICCA PER INGRANDIRE"),)
    assert find_disclaimers(paged(*blocks)) == []


# --- the section a page declares, in more of the words publishers use -----------------------


@pytest.mark.parametrize(
    ("section", "category"),
    [
        ("Comment", "opinion"),  # UK papers' opinion pages
        ("Point de vue", "opinion"),
        ("Chroniques", "opinion"),
        ("Columnistas", "opinion"),
        ("Tribuna abierta", "opinion"),
        ("Colunistas", "opinion"),
        ("Точка зрения", "opinion"),
        ("Publirreportaje", "sponsored"),
        ("Contenu partenaire", "sponsored"),
        ("Informe publicitário", "sponsored"),
        ("Gesponsert", "sponsored"),
        ("На правах реклами", "sponsored"),
    ],
)
def test_more_declared_sections_mark_the_piece(section, category):
    findings = find_disclaimers(Article(text="Texto.", meta={"article:section": section}))
    assert [(f.category, f.where) for f in findings] == [(category, "page metadata")]


@pytest.mark.parametrize(
    ("url", "category"),
    [
        ("https://www.telegraph.co.uk/comment/2024/11/20/the-plan-will-fail/", "opinion"),
        ("https://www.independent.co.uk/voices/housing-plan-b2650000.html", "opinion"),
        ("https://www.lefigaro.fr/vox/chroniques/le-plan-echoue-20241120", "opinion"),
        ("https://www.clarin.com/opinion/columnistas/plan-falla_0_abc.html", "opinion"),
        ("https://www.estadao.com.br/opiniao/colunistas/o-plano/", "opinion"),
        ("https://www.eltiempo.com/publirreportaje/banco-lanza-app-123", "sponsored"),
        ("https://www.globo.com/patrocinado/banco-lanca-app/", "sponsored"),
        ("https://www.example-news.com/sponsored-content/bank-launches-app", "sponsored"),
    ],
)
def test_more_address_folders_mark_the_piece(url, category):
    findings = find_disclaimers(Article(text="Text.", url=url))
    assert category in {f.category for f in findings}
    assert {f.where for f in findings} == {"address"}


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example-news.com/politics/2024/11/20/comment-period-opens-on-rule",
        "https://www.example-news.com/news/poll-shows-support-for-plan",
        "https://www.example.es/deportes/el-patrocinador-del-club-cambia",
    ],
)
def test_news_addresses_that_only_mention_the_words(url):
    assert find_disclaimers(Article(text="Text.", url=url)) == []


@pytest.mark.parametrize(
    ("url", "opinion"),
    [
        ("https://blogs.example-paper.fr/jeanne/blog/201124/la-reforme", True),  # writers' blogs
        (
            "https://blog.example-speakers.de/musik-und-sport-so-steigern-songs-deine-leistung/",
            False,
        ),
        (
            "https://www.example-hill.com/blogs/blog-briefing-room/news/471031-man-pleads-guilty",
            False,
        ),
        ("https://www.example-paper.com/news/opinion/the-plan-will-fail", True),
    ],
)
def test_blogs_say_opinion_only_as_a_platform_of_writers(url, opinion):
    findings = find_disclaimers(Article(text="Text.", url=url))
    assert ("opinion" in {f.category for f in findings}) is opinion


def _html_article(blocks: tuple[Block, ...]) -> Article:
    return Article(text="Der Gemeinderat tagte am Dienstag.", source_kind="html", blocks=blocks)


def test_an_ad_slots_label_repeated_over_the_page_is_not_the_articles():
    article = _html_article(
        (
            Block(Region.ABOVE_HEADLINE, "- Anzeige -"),
            Block(Region.BEFORE_BODY, "- Anzeige -"),
            Block(Region.FOOTER, "- Anzeige - Meistgelesen: Wer kommt und wer geht"),
        )
    )
    assert [f for f in find_disclaimers(article) if f.category == "sponsored"] == []


def test_an_advertorials_kicker_beside_its_headline_counts_once():
    article = _html_article(
        (Block(Region.ABOVE_HEADLINE, "Anzeige"), Block(Region.BYLINE, "Von Jana Berg"))
    )
    found = [f for f in find_disclaimers(article) if f.category == "sponsored"]
    assert {f.where for f in found} == {"above the headline"}


def test_another_pieces_label_in_a_list_of_teasers_is_not_this_ones():
    teasers = (
        "MORE ON THIS CAR 2017 Lexus LC 500 review January 22, 2018 AUTO NEWS New LC500 makes "
        "world premiere January 12, 2016 ADVERTORIAL 5 reasons why a hybrid is the perfect "
        "first step October 18, 2019 AUTO NEWS Drop top LC revealed"
    )
    article = _html_article((Block(Region.BEFORE_BODY, teasers),))
    assert [f for f in find_disclaimers(article) if f.category == "sponsored"] == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("本文译自The Next Web。\n版权归原作者所有，如有侵权请联系删除。", "copyright_notice"),
        ("本文经授权发布，未经授权不得转载。", "copyright_notice"),
        ("記事の無断転載を禁じます。", "copyright_notice"),
        ("【訂正】見出しの人名を訂正しました。\n政府は20日、新しい計画を発表した。", "correction"),
    ],
)
def test_chinese_and_japanese_portals_rights_and_correction_notes(text, category):
    findings = find_disclaimers(Article(text=text))
    assert category in {f.category for f in findings}


@pytest.mark.parametrize(
    "text",
    [
        "版权所有 © 2020 新浪网",  # the site's own footer
        "政府は20日、計画の修正案を発表した。\n野党は反発している。\n審議は来週始まる。",
        "该公司表示，将更正其财务报告中的错误数据。",  # news about a company's correction
    ],
)
def test_chinese_and_japanese_text_that_is_no_notice(text):
    assert find_disclaimers(Article(text=text)) == []


@pytest.mark.parametrize(
    "middle",
    [
        "Much of the content under Creative Commons licences there is reused by schools.",
        "Ob ein Inhalt unter Creative Commons lizenziert ist, zeigt das Logo neben dem Bild.",
    ],
)
def test_news_about_creative_commons_in_the_middle_is_no_licence_notice(middle):
    lines = [f"Paragraph {n} of the report on open licences, with its facts." for n in range(20)]
    lines.insert(8, middle)
    findings = find_disclaimers(Article(text="\n".join(lines)))
    assert [f for f in findings if f.category == "copyright_notice"] == []


@pytest.mark.parametrize(
    "jsonld",
    [
        '{"@type": "NewsArticle", "headline": "The plan will fail", "articleSection": '
        '["Politics", "Opinion"]}',
        '{"@type": "NewsArticle", "headline": "The plan will fail", "genre": "Commentary"}',
    ],
)
def test_every_section_the_json_ld_declares_is_read(jsonld):
    html = (
        "<html><head><title>The plan will fail</title>"
        '<meta property="article:section" content="Politics">'
        f'<script type="application/ld+json">{jsonld}</script></head>'
        "<body><article><h1>The plan will fail</h1>"
        + "".join(
            f"<p>Paragraph {n} of the argument, with reasons of its own.</p>" for n in range(8)
        )
        + "</article></body></html>"
    )
    article = read_html(html.encode(), url="https://www.example-news.com/politics/the-plan")
    findings = find_disclaimers(article)
    assert [(f.category, f.where) for f in findings] == [("opinion", "page metadata")]


def test_a_json_ld_breadcrumb_names_the_section_but_not_the_page_itself():
    crumbs = (
        '{"@type": "BreadcrumbList", "itemListElement": ['
        '{"@type": "ListItem", "position": 1, "name": "Home"},'
        '{"@type": "ListItem", "position": 2, "item": {"@id": "https://x.example/opinion",'
        ' "name": "Opinion"}},'
        '{"@type": "ListItem", "position": 3, "name": "The plan will fail"}]}'
    )
    news = crumbs.replace('"Opinion"', '"Politics"').replace("The plan will fail", "Opinion")
    for jsonld, opinion in ((crumbs, True), (news, False)):
        html = (
            f'<html><head><script type="application/ld+json">{jsonld}</script></head>'
            "<body><article><h1>The plan will fail</h1><p>Paragraph one of it.</p>"
            "<p>Paragraph two of it.</p></article></body></html>"
        )
        article = read_html(html.encode(), url="https://x.example/politics/the-plan")
        assert ("opinion" in {f.category for f in find_disclaimers(article)}) is opinion


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Promoted by Acme Bank", "sponsored"),
        ("Advertisement feature", "sponsored"),
        ("In association with the Acme Foundation", "partner"),
    ],
)
def test_labels_above_a_paid_or_partner_piece(label, category):
    body = [label] + [f"Paragraph {n} of the feature about saving money." for n in range(12)]
    found = find_disclaimers(Article(text="\n".join(body)))
    assert category in {f.category for f in found}


@pytest.mark.parametrize(
    "line",
    [
        "The fund was brought to you by the same team that ran the old one, she said.",
        "The museum opened the show in association with two galleries in Paris.",
    ],
)
def test_the_same_words_inside_a_story_are_no_label(line):
    body = [f"Paragraph {n} of the report about the exhibition." for n in range(12)]
    body.insert(6, line)
    found = find_disclaimers(Article(text="\n".join(body)))
    assert not {"sponsored", "partner"} & {f.category for f in found}


# --- press releases: the organisation's own text, said by its folder, section or label


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        (
            {"url": "https://www.bfn.de/pressemitteilungen/allervielfalt-verden-bringt-natur"},
            "address",
        ),
        (
            {"url": "https://www.energy.gov/articles/news-releases/2024/doe-announces-grants"},
            "address",
        ),
        (
            {
                "url": "https://www.interieur.gouv.fr/Actualites/Communiques/communiques-de-presse/x"
            },
            "address",
        ),
        ({"meta": {"article:section": "Press Releases"}}, "page metadata"),
        ({"meta": {"section": "Nota de prensa"}}, "page metadata"),
    ],
)
def test_a_press_release_is_named_from_its_folder_or_section(fields, where):
    findings = find_disclaimers(
        Article(text="Die Behörde stellt ein neues Projekt vor.", **fields)
    )
    assert [(f.category, f.where) for f in findings] == [("press_release", where)]


async def test_a_press_release_label_above_the_headline(check_ctx):
    html = (
        "<html lang='en'><head><title>City opens new library</title></head><body><article>"
        "<div class='kicker'>Press release</div><h1>City opens new library</h1><p>"
        + "The city of Springfield opened its new central library on Monday with 80,000 books. "
        * 3
        + "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://springfield.example/news/library-opens")
    _, summary, findings = await run(article, check_ctx)
    assert summary == "press release (1 quoted)"
    assert [(f["category"], f["quote"], f["where"]) for f in findings] == [
        ("press_release", "Press release", "article text"),
        ("press_release", 'section "press release"', "above the headline"),
    ]


@pytest.mark.parametrize("label", ["Sponsored", "Anzeige", "Advertorial"])
def test_a_sponsored_kicker_the_extractor_kept_in_the_body_is_one_label_not_two_ad_slots(label):
    html = (
        "<html><head><title>City opens new library</title></head><body><article>"
        f"<div class='kicker'>{label}</div><h1>City opens new library</h1><p>"
        + "The city of Springfield opened its new central library on Monday with 80,000 books. "
        * 3
        + "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://springfield.example/news/library-opens")
    assert article.text.startswith(label)  # the body region opens with the kicker too
    found = [(f.category, f.where) for f in find_disclaimers(article) if f.applies]
    assert ("sponsored", "above the headline") in found


@pytest.mark.parametrize(
    "fields",
    [
        # A story quoting a release, and a site menu listing its releases, are not releases.
        {"text": "The company said in a press release on Monday that it would cut 500 jobs."},
        {
            "text": "Die Polizei sucht Zeugen.",
            "furniture_text": "Start\nPressemitteilungen\nKontakt",
        },
        {"text": "A report.", "url": "https://www.reuters.com/business/press-release-rules-2024"},
    ],
)
def test_a_story_that_mentions_a_press_release_is_not_one(fields):
    article = Article(**fields)
    assert [f for f in find_disclaimers(article) if f.category == "press_release"] == []


async def test_page_31_a_release_on_a_distribution_service_names_its_issuer(check_ctx):
    article, labels = page("31")
    _, _, findings = await run(article, check_ctx)
    [release] = of(findings, "press_release")
    assert "【リリース発信元】 ハウスコム株式会社" in release["quote"]
    assert labels["content_labels"]["press_release"] is True


@pytest.mark.parametrize(
    ("trail", "section"),
    [
        # items apart by markup only, by "›", or long enough to end in the headline itself
        ("<ol class='breadcrumbs'><li><a href='/'>Home</a></li><li><a href='/l'>Letters</a></li>"
         "</ol>", "letters"),
        ("<nav class='breadcrumb'><a href='/'>Home</a> › <a href='/opinion'>Opinion</a></nav>",
         "opinion"),
        ("<nav aria-label='breadcrumb'><span>Sie sind hier:</span><a href='/p'>Pressemitteilungen"
         "</a><span>„AllerVielfalt Verden“ bringt Natur an die Aller zurück</span></nav>",
         "pressemitteilungen"),
    ],
)  # fmt: skip
def test_a_breadcrumb_trail_declares_the_section(trail, section):
    html = (
        f"<html><head><title>Page</title></head><body>{trail}<article><h1>The plan fails</h1><p>"
        + "I have lived in this city for forty years and never seen a plan this poor. " * 4
        + "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://ledger.example/2024/11/20/the-plan-fails")
    quotes = [(f.quote, f.where) for f in find_disclaimers(article) if f.applies]
    assert (f'section "{section}"', "above the headline") in quotes


def test_a_news_breadcrumb_ending_in_an_opinion_poll_headline_is_news():
    html = (
        "<html><head><title>Polls</title></head><body><ol class='breadcrumbs'><li><a href='/'>"
        "Home</a></li><li><a href='/news'>News</a></li><li>Opinion polls show Labour ahead</li>"
        "</ol><article><h1>Opinion polls show Labour ahead</h1><p>"
        + "Labour leads the Conservatives by twelve points in three polls this week. " * 4
        + "</p></article></body></html>"
    )
    article = read_html(html.encode(), url="https://ledger.example/2024/11/20/polls")
    assert [f for f in find_disclaimers(article) if f.category == "opinion"] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Der Stadtrat tagte am Dienstag.\nFür Links auf dieser Seite erhält die Redaktion "
            "ggf. eine Provision vom Händler. Danke für Ihre Unterstützung.",
            "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.",
        ),
        (
            "The council met on Tuesday.\nJane Q. Public Contributor Opinions expressed by "
            "Example Contributors are their own.",
            "Jane Q. Public Contributor Opinions expressed by Example Contributors are their own.",
        ),
    ],
)
def test_a_quote_goes_on_past_an_abbreviation_or_an_initial(text, quote):
    assert [f.quote for f in find_disclaimers(Article(text=text))] == [quote]


ZH_BODY = "市议会周二投票决定关闭这座桥。\n工程将于五月开始。\n工期为一年。"


@pytest.mark.parametrize(
    ("text", "opinion"),
    [
        (ZH_BODY + "\n（评论员 罗博 萧海川）", True),  # the staff commentators' signature
        ("本报评论员\n" + ZH_BODY, True),  # the paper's commentator as the byline
        ("新华时评\n" + ZH_BODY, True),  # the agency's commentary label
        (ZH_BODY + "\n央视评论员张三表示，工程将推迟。", False),  # a commentator quoted
        ("张三（评论员）表示，工程将推迟。\n" + ZH_BODY, False),
        (ZH_BODY + "\n（记者 张三）", False),  # a reporter's signature: news
    ],
)
def test_chinese_commentary_is_signed_as_such(text, opinion):
    found = [f.category for f in find_disclaimers(Article(text=text))]
    assert ("opinion" in found) is opinion


def test_xinhuas_commentary_signed_by_its_commentators_is_opinion():
    article, _ = page("24")
    quotes = [f.quote for f in find_disclaimers(article) if f.category == "opinion"]
    assert quotes
    assert quotes[0].endswith("（评论员 罗博 萧海川）")


NEWS_LINES = [
    "The council voted on Tuesday to close the bridge.",
    "Work starts in May and is expected to last a year.",
    "Drivers will be sent along the ring road.",
    "The mayor said the repairs could not wait any longer.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Investors should do their own research before buying, analysts said.",
        "Past performance is not indicative of future results, the fund warned investors.",
        "The views expressed are his own, the minister's spokesman said.",
    ],
)
def test_a_label_said_by_someone_the_text_quotes_is_news(line):
    article = placed_article(line, BODY_END, NEWS_LINES, language="en")
    assert [f.category for f in find_disclaimers(article)] == []


@pytest.mark.parametrize(
    "line",
    [
        "Investors should do their own research before buying.",
        "Past performance is not indicative of future results.",
    ],
)
def test_the_same_label_in_the_pages_own_voice_counts(line):
    article = placed_article(line, BODY_END, NEWS_LINES, language="en")
    assert [f.category for f in find_disclaimers(article)] == ["liability"]


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Brought to you by Acme Bank", ["sponsored"]),
        ("Presented by Acme Outdoor Gear", ["sponsored"]),
        (
            "Brought to you by the same team that made the first game, the sequel is out in May.",
            [],
        ),
        (
            "Presented by the city council on Monday, the plan would close the bridge for a year.",
            [],
        ),
    ],
)
def test_a_sponsors_kicker_is_a_label_line_not_a_sentence(line, found):
    article = placed_article(line, BODY_TOP, NEWS_LINES, language="en")
    assert [f.category for f in find_disclaimers(article)] == found
