"""sources: attributed statements by kind, in seven languages, on the seed and on real pages."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from checks.builtin.sources import Sources
from checks.builtin.sources.statements import sentences, statements
from checks.model import Article, Status
from checks.read.html_page import read_html
from checks.read.text import read_markdown

ROOT = Path(__file__).parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
SEED = ROOT / "checks" / "samples" / "globalresearch-belgorod.md"

# (language, sentence, kind, words the source must contain)
SENTENCES = [
    (
        "en",
        "Detective Jon Saxby said ‘Dealers don’t care. We’ll target them’.",
        "direct_quote",
        "Jon Saxby",
    ),
    ("en", "Assange has denied both allegations.", "named", "Assange"),
    ("fr", "Macron a affirmé que la réforme serait maintenue.", "named", "Macron"),
    ("es", "Imbroda ha explicado que superó la enfermedad en marzo.", "named", "Imbroda"),
    (
        "en",
        "“We will not back down,” Mayor Jane Ortiz said on Tuesday.",
        "direct_quote",
        "Jane Ortiz",
    ),
    (
        "en",
        "The talks have stalled, a source familiar with the matter said.",
        "anonymous",
        "source familiar",
    ),
    (
        "en",
        "Prices rose 3% last year, according to figures from the national statistics office.",
        "document",
        "figures",
    ),
    ("en", "Officials said the bridge would reopen in May.", "anonymous", "Officials"),
    ("en", "Miller said the United States did not enable the strike.", "named", "Miller"),
    (
        "de",
        "„Wir werden nicht nachgeben“, sagte Bürgermeisterin Anna Schmidt am Dienstag.",
        "direct_quote",
        "Anna Schmidt",
    ),
    (
        "de",
        "Aus informierten Kreisen hieß es, die Gespräche stockten.",
        "anonymous",
        "informierten Kreisen",
    ),
    (
        "de",
        "Laut einer Studie der Universität Mainz sinkt die Zahl der Unfälle.",
        "document",
        "Studie",
    ),
    ("de", "Die Polizei teilte mit, der Mann sei festgenommen worden.", "anonymous", "Polizei"),
    ("de", "Olaf Scholz sagte, die Regierung werde handeln.", "named", "Olaf Scholz"),
    (
        "fr",
        "« Nous ne céderons pas », a déclaré la maire Anne Hidalgo mardi.",
        "direct_quote",
        "Anne Hidalgo",
    ),
    (
        "fr",
        "Selon une source proche du dossier, les négociations sont suspendues.",
        "anonymous",
        "source proche",
    ),
    ("fr", "Selon le dernier rapport de l'Insee, le chômage recule.", "document", "rapport"),
    ("fr", "La police a indiqué que l'homme avait été interpellé.", "anonymous", "police"),
    (
        "fr",
        "Emmanuel Macron a affirmé que la réforme serait maintenue.",
        "named",
        "Emmanuel Macron",
    ),
    (
        "es",
        "«No daremos marcha atrás», dijo el alcalde José Martínez.",
        "direct_quote",
        "José Martínez",
    ),
    (
        "es",
        "Según fuentes cercanas a la negociación, el acuerdo está cerca.",
        "anonymous",
        "fuentes",
    ),
    ("es", "Según el último informe del INE, el paro baja.", "document", "informe"),
    ("es", "La policía dijo que el hombre fue detenido.", "anonymous", "policía"),
    ("es", "Pedro Sánchez aseguró que el Gobierno actuará.", "named", "Pedro Sánchez"),
    ("pt", "“Não vamos recuar”, disse o prefeito João Silva.", "direct_quote", "João Silva"),
    ("pt", "Segundo fontes próximas ao governo, o acordo está perto.", "anonymous", "fontes"),
    ("pt", "Segundo o relatório do IBGE, o desemprego caiu.", "document", "relatório"),
    ("pt", "A polícia disse que o homem foi detido.", "anonymous", "polícia"),
    ("pt", "Luiz Inácio Lula da Silva afirmou que o governo vai agir.", "named", "Lula da Silva"),
    ("ru", "«Мы не отступим», — заявил мэр Сергей Собянин.", "direct_quote", "Сергей Собянин"),
    ("ru", "По словам источника, переговоры зашли в тупик.", "anonymous", "источника"),
    ("ru", "Согласно докладу Росстата, безработица снизилась.", "document", "докладу"),
    ("ru", "Полиция сообщила, что мужчина задержан.", "anonymous", "Полиция"),
    ("ru", "Дмитрий Песков заявил, что Кремль не комментирует слухи.", "named", "Дмитрий Песков"),
    ("uk", "«Ми не відступимо», — заявив мер Віталій Кличко.", "direct_quote", "Віталій Кличко"),
    ("uk", "За словами джерела, переговори зайшли в глухий кут.", "anonymous", "джерела"),
    ("uk", "Згідно з доповіддю Держстату, безробіття знизилося.", "document", "доповіддю"),
    ("uk", "Поліція повідомила, що чоловіка затримано.", "anonymous", "Поліція"),
    ("uk", "Дмитро Кулеба заявив, що Україна не погодиться.", "named", "Дмитро Кулеба"),
    # Reporting verbs in more of their inflections.
    ("de", "Ministerin Anna Berger mahnte, die Frist einzuhalten.", "named", "Anna Berger"),
    ("de", "„Wir bauen weiter“, schildert Bauleiter Jonas Kraft.", "direct_quote", "Jonas Kraft"),
    ("de", "„Das war knapp“, erzählt Martina Vogel am Telefon.", "direct_quote", "Martina Vogel"),
    ("fr", "Le maire Paul Girard déclarait que le pont resterait fermé.", "named", "Paul Girard"),
    (
        "es",
        "La alcaldesa Marta Ruiz puntualizó que el puente seguirá cerrado.",
        "named",
        "Marta Ruiz",
    ),
    (
        "it",
        "Il sindaco Marco Bellini sottolineava che il ponte resterà chiuso.",
        "named",
        "Marco Bellini",
    ),
    ("pl", "Burmistrz Jan Nowak tłumaczył, że most pozostanie zamknięty.", "named", "Jan Nowak"),
    ("ru", "Мэр Иван Петров подчеркивает, что мост останется закрытым.", "named", "Иван Петров"),
    ("uk", "Мер Олег Шевчук наголошує, що міст залишиться закритим.", "named", "Олег Шевчук"),
    # An attribution set into the quotation between spaced dashes, with no comma before it.
    (
        "it",
        "«Il ponte resterà chiuso fino a maggio - spiega Marco Bellini - e poi si vedrà».",
        "direct_quote",
        "Marco Bellini",
    ),
    # A quotation introduced by a colon after a full name, with no reporting verb.
    (
        "de",
        "Für Trainerin Lena Hoffmann ist die Sache klar: „Wir müssen am Samstag gewinnen.“",
        "direct_quote",
        "Lena Hoffmann",
    ),
    # A role with no name is a source where the verb needs its subject.
    (
        "en",
        "The ministry's spokesman said the talks would resume on Monday.",
        "named",
        "spokesman",
    ),
    (
        "de",
        "Der Polizeisprecher erklärte, die Straße bleibe gesperrt.",
        "named",
        "Polizeisprecher",
    ),
    (
        "fr",
        "Le porte-parole du ministère a précisé que les négociations reprendraient.",
        "named",
        "porte-parole",
    ),
    # "heißt es" after a quotation: a voice the text does not name.
    ("de", "„Die Lage ist stabil“, heißt es aus dem Rathaus.", "direct_quote", "heißt es"),
    # German subordinate clauses fuse a separable verb: "wie … mitteilte", "bekanntgab".
    (
        "de",
        "Wie ein Sprecher des Konzerns mitteilte, soll das Werk schließen.",
        "named",
        "Sprecher",
    ),
    ("de", "Wie die Stadt bekanntgab, bleibt die Brücke gesperrt.", "named", "Stadt"),
    # A passive auxiliary before a comma belongs to the clause before: "…, sagt X".
    (
        "de",
        "Ein Link sei nötig, wenn das Werk übernommen wird, sagt Rechtsanwalt Till Jaeger.",
        "named",
        "Till Jaeger",
    ),
    # Reporting verbs beyond "said": "quipped", "suggests", "countered".
    ("en", "“We were lucky,” quipped coach Dan Reyes.", "direct_quote", "Dan Reyes"),
    ("en", "Economist Ana Ruiz suggests that rates will fall next year.", "named", "Ana Ruiz"),
    ("ru", "Министр Иван Петров пообещал, что реформа будет продолжена.", "named", "Иван Петров"),
    ("uk", "Міністр Іван Петренко вказав, що реформа триватиме.", "named", "Іван Петренко"),
    ("es", "El ministro Juan Pérez respondió que la reforma se mantendrá.", "named", "Juan Pérez"),
    # What was said opens the sentence ("Dies", "Про це"); who said it follows the verb.
    ("uk", "Про це повідомляє агентство Укрінформ.", "named", "агентство Укрінформ"),
    ("ru", "Об этом сообщает издание «Коммерсантъ».", "named", "Коммерсантъ"),
    ("de", "Dies erklärte ein Sprecher des Ministeriums.", "named", "Sprecher des Ministeriums"),
    ("de", "Dazu erklärt Patrick Dörr, Mitglied im Vorstand.", "named", "Patrick Dörr"),
    # A study or report as the subject of its finding.
    ("en", "The study found no link between the vaccine and autism.", "document", "study"),
    (
        "uk",
        "Дослідження, опубліковане в журналі Nature, показує, що лід тане швидше.",
        "document",
        "Дослідження",
    ),
    # An "according to" phrase names its source in the words right after it.
    ("en", "According to the Pentagon, two soldiers were wounded.", "named", "Pentagon"),
    ("en", "Two soldiers were wounded, according to the Pentagon.", "named", "Pentagon"),
    (
        "en",
        "According to the Centre for Disease Control, the plague spread.",
        "named",
        "Centre for Disease Control",
    ),
    (
        "fr",
        "Selon le ministère de l'Intérieur, deux policiers ont été blessés.",
        "named",
        "ministère de l'Intérieur",
    ),
    ("de", "Laut Polizei wurden zwei Beamte verletzt.", "anonymous", "Polizei"),
    (
        "de",
        "Nach Angaben des Innenministeriums wurden zwei Beamte verletzt.",
        "named",
        "Innenministeriums",
    ),
]

# Sentences that attribute nothing: scare quotes, questions, passive voice, an infinitive.
UNATTRIBUTED = [
    ("en", 'The attack worked as a "psychological operation" of mass distraction.'),
    ("en", "Who said the bridge would reopen?"),
    ("en", "The results were reported in 2019 and widely shared."),
    ("en", "It has become common practice for the US to deny involvement."),
    ("en", "Heat waves are five times more likely in the western United States."),
    ("de", "Die Regierung will die Steuern im nächsten Jahr senken."),
    ("fr", "Le gouvernement veut baisser les impôts l'an prochain."),
    ("fr", "Ils ont classé les messages selon la langue."),
    ("es", "El Gobierno quiere bajar los impuestos el próximo año."),
    ("pt", "O governo quer reduzir os impostos no próximo ano."),
    ("ru", "Правительство хочет снизить налоги в следующем году."),
    ("uk", "Уряд хоче знизити податки наступного року."),
    # A reporting verb whose subject is neither a name nor a role: nobody is said to speak.
    ("en", "It is unclear whether the numbers announced last week were final."),
    ("fr", "Le chiffre annoncé la semaine dernière reste provisoire."),
    ("de", "Die Zahl, die danach erklärt wurde, bleibt unklar."),
    # A colon before a quotation names nobody: no speaker is guessed.
    ("de", "Auf dem Plakat am Eingang steht: „Bitte Abstand halten und Maske tragen.“"),
    # The subjunctive alone, with no attributed sentence before it, is no attribution.
    ("de", "Es sei denn, der Regen hört bis zum Abend auf."),
    # Spaced dashes inside a quotation that hold no reporting verb.
    ("it", "Il progetto - ambizioso e costoso - resterà sulla carta."),
    # "escribe" a constitution, "responde" a interests: acts, not speech.
    ("es", "La Convención Constituyente escribe una nueva Carta Magna."),
    # "teilten" as "divided", with no speaker after it.
    ("de", "Dazu teilten die Forscher ihre Probanden in zwei Gruppen."),
    # "observed" is also to watch: not among the reporting verbs.
    ("en", "The researchers observed the comet for seventeen nights."),
    # A report someone read before another subject found something.
    ("en", "She read the report before she found her keys."),
    ("ru", "Он прочитал доклад, и она показала его коллегам."),
    # A passive or an infinitive names no speaker.
    ("de", "Es wurde mitgeteilt, dass die Brücke gesperrt bleibt."),
    ("de", "Dazu gibt es nichts zu sagen."),
    # "gegenüber" as "compared with", "according to" a law: no one is the source.
    ("de", "Gegenüber diesen Kostensteigerungen fällt der Anstieg gering aus."),
    ("en", "According to a new law, drivers must stop at the line."),
]

# A claim stated as settled fact, with no source.
FIRM_CLAIMS = [
    ("en", "Kiev is controlled by Western agencies, so there is certainly Western involvement."),
    ("de", "Zweifellos steckt der Westen hinter dem Angriff."),
    ("fr", "Il est évident que l'Occident est derrière l'attaque."),
    ("es", "Sin duda Occidente está detrás del ataque."),
    ("pt", "Sem dúvida o Ocidente está por trás do ataque."),
    ("ru", "Несомненно, за атакой стоит Запад."),
    ("uk", "Безсумнівно, за атакою стоїть Захід."),
]


@pytest.mark.parametrize(("language", "sentence", "kind", "source"), SENTENCES)
def test_an_attributed_sentence_is_found_with_its_kind_and_source(
    language, sentence, kind, source
):
    [found] = statements(sentence, language)
    assert (found.kind, source in found.source) == (kind, True), found


@pytest.mark.parametrize(("language", "sentence"), UNATTRIBUTED)
def test_a_sentence_without_a_source_is_not_an_attribution(language, sentence):
    assert statements(sentence, language) == []


@pytest.mark.parametrize(("language", "sentence"), FIRM_CLAIMS)
async def test_a_claim_stated_as_fact_with_no_source_is_listed(check_ctx, language, sentence):
    result = await Sources().run(Article(text=sentence, language=language), check_ctx)
    assert result.data["unattributed_claims"] == [{"quote": sentence, "position": 0}]
    assert result.data["attributions"] == []


async def test_an_article_resting_only_on_unnamed_sources_says_so(check_ctx):
    text = (
        "The minister will resign next week, a source familiar with the matter said. "
        "Officials said the decision was taken on Friday. "
        "According to reports, a successor has been chosen."
    )
    result = await Sources().run(Article(text=text, language="en"), check_ctx)
    assert result.status is Status.WARN
    assert result.data["counts"] == {"direct_quote": 0, "named": 0, "anonymous": 3, "document": 0}
    assert result.data["only_anonymous"] is True
    assert result.summary == "3 unnamed sources; every attribution is to an unnamed source"


async def test_a_pronoun_carries_on_the_last_named_speaker(check_ctx):
    text = (
        "Mayor Jane Ortiz said the budget was balanced. "
        "“We did not cut a single school,” she added."
    )
    result = await Sources().run(Article(text=text, language="en"), check_ctx)
    assert [(a["kind"], a["source"]) for a in result.data["attributions"]] == [
        ("named", "Mayor Jane Ortiz"),
        ("direct_quote", "Mayor Jane Ortiz"),
    ]
    assert result.data["named_sources"] == ["Mayor Jane Ortiz"]


async def test_a_colon_quotation_carries_on_the_last_speaker_only_when_nobody_else_is_named(
    check_ctx,
):
    text = (
        "„Wir haben gut trainiert“, sagte Trainer Karl Brandt am Freitag. "
        "Der Coach blickte nach vorn: „Am Sonntag wollen wir die drei Punkte holen.“ "
        "Auch der Kapitän Jens Maier war zuversichtlich: „Wir sind alle fit und bereit.“"
    )
    result = await Sources().run(Article(text=text, language="de"), check_ctx)
    assert [(a["kind"], a["source"]) for a in result.data["attributions"]] == [
        ("direct_quote", "Trainer Karl Brandt"),
        ("direct_quote", "Trainer Karl Brandt"),  # "the coach": the last speaker, no one else
        ("direct_quote", "Kapitän Jens Maier"),
    ]


async def test_indirect_speech_in_the_subjunctive_carries_on_right_after_its_source(check_ctx):
    text = (
        "Bürgermeisterin Eva Lang sagte am Montag, die Brücke werde im Mai eröffnet. "
        "Die Kosten seien im Rahmen geblieben. "
        "Der Verkehr fließt seit Wochen über die Umleitung. "
        "Ein Bus habe dort am Dienstag eine Panne gehabt."
    )
    result = await Sources().run(Article(text=text, language="de"), check_ctx)
    found = [(a["quote"], a["source"]) for a in result.data["attributions"]]
    # The bus sentence follows a sentence with no source: it is not Eva Lang's.
    assert found == [
        (
            "Bürgermeisterin Eva Lang sagte am Montag, die Brücke werde im Mai eröffnet.",
            "Bürgermeisterin Eva Lang",
        ),
        ("Die Kosten seien im Rahmen geblieben.", "Bürgermeisterin Eva Lang"),
    ]


async def test_a_language_without_cues_is_skipped_not_guessed(check_ctx):
    article = Article(text="Polis, adamın gözaltına alındığını söyledi.", language="tr")
    result = await Sources().run(article, check_ctx)
    assert (result.status, result.summary) == (
        Status.SKIP,
        "no attribution cues for this language (tr) yet",
    )


async def test_a_post_without_a_declared_language_is_read_in_its_own(check_ctx):
    text = (
        "Движение по новому участку открывается в понедельник. Об этом говорится в сообщении"
        " госкомпании. «Это позволит исключить пробки», — заявил глава компании Вячеслав"
        " Петушенко. Он также сказал, что и остальные участки будут построены в срок."
    )
    result = await Sources().run(Article(text=text, source_kind="telegram"), check_ctx)
    assert [(a["kind"], a["source"]) for a in result.data["attributions"]] == [
        ("document", "в сообщении"),
        ("direct_quote", "Вячеслав Петушенко"),
        ("named", "Вячеслав Петушенко"),
    ]


async def test_i_believe_is_the_writer_not_a_source(check_ctx):
    text = "I believe the council is wrong. We think the budget is too small."
    result = await Sources().run(Article(text=text, language="en"), check_ctx)
    assert result.data["attributions"] == []


def test_a_sentence_ending_inside_a_closing_quotation_mark_ends_there():
    text = 'Er sagte: „Wir sind bereit.“ Danach ging er. She said: "We won." Then she left.'
    assert [s for _, s in sentences(text)] == [
        "Er sagte: „Wir sind bereit.“",
        "Danach ging er.",
        'She said: "We won."',
        "Then she left.",
    ]


def test_sentences_are_not_cut_inside_a_quotation_or_after_an_initial():
    text = "“It is over. We lost,” R.C. Baker said. Then he left."
    assert [s for _, s in sentences(text)] == [
        "“It is over. We lost,” R.C. Baker said.",
        "Then he left.",
    ]


async def test_the_seed_names_its_spokesmen_its_document_and_its_unsourced_claims(check_ctx):
    article = read_markdown(SEED.read_text("utf-8"))
    result = await Sources().run(article, check_ctx)
    data = result.data
    assert data["named_sources"][:2] == ["Andrey Yusov", "Matthew Miller"]
    documents = [a for a in data["attributions"] if a["kind"] == "document"]
    assert [d["source"] for d in documents] == [
        "according to information published by the local government"
    ]
    claims = [c["quote"] for c in data["unattributed_claims"]]
    assert any("NATO agents" in c for c in claims)
    assert any("Western involvement" in c for c in claims)
    attributed = " ".join(a["quote"] for a in data["attributions"])
    assert "NATO agents" not in attributed
    assert "Western involvement" not in attributed
    assert result.status is Status.WARN
    assert "4 claims stated as fact with no source" in result.summary


def _page(name: str) -> Article:
    folder = next(PAGES.glob(f"{name}-*"))
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    return read_html((folder / "source.html").read_bytes(), url=labels["url"])


async def test_an_ap_story_names_its_two_police_spokesmen(check_ctx):
    result = await Sources().run(_page("04"), check_ctx)
    named = {(a["kind"], a["source"]) for a in result.data["attributions"]}
    assert ("named", "Inspector Frank Lempka") in named
    assert ("named", "Officer Sean Hickman") in named
    assert ("anonymous", "news outlets") in named


async def test_a_fact_check_cites_the_pentagon_not_the_group_it_fights(check_ctx):
    result = await Sources().run(_page("79"), check_ctx)
    cited = {a["source"] for a in result.data["attributions"] if "outpost" in a["quote"]}
    assert cited == {"Pentagon"}  # "According to the Pentagon, the base … Islamic State"


async def test_a_spanish_wire_story_quotes_the_police_spokesman(check_ctx):
    result = await Sources().run(_page("20"), check_ctx)
    quotes = [a for a in result.data["attributions"] if a["kind"] == "direct_quote"]
    assert [q["source"] for q in quotes] == ["Oliver Peiler"]
    assert quotes[0]["quote"].startswith("“Todo está realmente muy calmado en la ciudad.")


async def test_a_russian_wire_story_cites_the_operators_statement(check_ctx):
    result = await Sources().run(_page("19"), check_ctx)
    first = result.data["attributions"][0]
    assert (first["kind"], first["quote"]) == (
        "document",
        'Об этом говорится в сообщении "Автодора".',
    )


def test_long_text_is_read_in_linear_time():
    unit = "Officials with the “Agency Of Many Capital Words” said, «quote» " * 2000
    started = time.perf_counter()
    statements(unit + "\n" + "A" * 50_000 + " said.", "en")
    assert time.perf_counter() - started < 2.0


def test_a_pattern_s_triggers_are_in_its_example():
    from checks.languages import languages, patterns

    listed = [
        p for code in languages() for p in patterns("attribution", code) if p.entry.get("triggers")
    ]
    assert listed  # the document patterns list theirs
    for p in listed:
        assert any(t in p.example.casefold() for t in p.entry["triggers"]), (p.language, p.path)
