"""sources: kinds of error seen on real pages the rules were not written on. A sentence does
not end at an abbreviation; a quote's speaker is the subject of its own sentence (someone
brought in by "a"/"an", the name before an apposition), never whom it was told to, nor an
object or possessive pronoun."""

from __future__ import annotations

import pytest

from checks.builtin.sources.statements import sentences, statements

# (language, text, the sentences it holds)
ABBREVIATIONS = [
    (
        "en",
        "Gov. Gavin Newsom said the state would act. It did.",
        ["Gov. Gavin Newsom said the state would act.", "It did."],
    ),
    (
        "en",
        "The company announced on Sept. 30 that it would withdraw its filing. Shares fell.",
        ["The company announced on Sept. 30 that it would withdraw its filing.", "Shares fell."],
    ),
    (
        "en",
        "Sen. Ted Cruz and Rep. Ilhan Omar spoke at the hearing on Nov. 5. It ran late.",
        ["Sen. Ted Cruz and Rep. Ilhan Omar spoke at the hearing on Nov. 5.", "It ran late."],
    ),
    (
        "en",
        "She lives at No. 10 with Mrs. Smith. The house is old.",
        ["She lives at No. 10 with Mrs. Smith.", "The house is old."],
    ),
    (
        "de",
        "Am Samstag, 29. Oktober warnte die Gemeinde vor dem Wasser. Es war trüb.",
        ["Am Samstag, 29. Oktober warnte die Gemeinde vor dem Wasser.", "Es war trüb."],
    ),
    (
        "de",
        "Laut Prof. Müller ist der sog. Bonner Plan gescheitert. Er bleibt dabei.",
        ["Laut Prof. Müller ist der sog. Bonner Plan gescheitert.", "Er bleibt dabei."],
    ),
    (
        "es",
        "Según la Dra. García, el tratamiento funciona. Nadie lo discute.",
        ["Según la Dra. García, el tratamiento funciona.", "Nadie lo discute."],
    ),
    (
        "it",
        "Secondo il prof. Rossi la riforma è tardiva. Il governo tace.",
        ["Secondo il prof. Rossi la riforma è tardiva.", "Il governo tace."],
    ),
    (
        "pl",
        "Według prof. Nowaka reforma jest spóźniona. Rząd milczy.",
        ["Według prof. Nowaka reforma jest spóźniona.", "Rząd milczy."],
    ),
    (
        "ru",
        "Об этом рассказал проф. Иванов. Министерство молчит.",
        ["Об этом рассказал проф. Иванов.", "Министерство молчит."],
    ),
    # What still ends a sentence: a year, a month abbreviation before a capitalised word.
    (
        "en",
        "The law passed in 2019. Critics objected.",
        ["The law passed in 2019.", "Critics objected."],
    ),
    (
        "de",
        "Er wurde 2019 Dritter. Danach kam nichts.",
        ["Er wurde 2019 Dritter.", "Danach kam nichts."],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), ABBREVIATIONS)
def test_a_sentence_does_not_end_at_an_abbreviation(
    language: str, text: str, expected: list[str]
) -> None:
    assert [s for _, s in sentences(text, language)] == expected


def test_a_date_after_an_abbreviation_stays_in_the_attributed_sentence() -> None:
    found = statements(
        "WASHINGTON — NASA announced Nov. 18 that it was adding five companies to the contract.",
        "en",
    )
    assert [s.source for s in found] == ["NASA"]
    assert found[0].quote.endswith("adding five companies to the contract.")


# (language, text, the speakers of its attributed sentences in order)
SPEAKERS = [
    # Someone brought in by "a"/"an" speaks, not the source of the sentence before.
    (
        "en",
        "Reuters reported that the company had filed for a listing. A company spokesperson said"
        " in an email that “we have received an inquiry and are cooperating fully.”",
        ["Reuters", "A company spokesperson"],
    ),
    (
        "en",
        "The suspect said he needed to get dressed. “Come on, sweetheart. You are going to be"
        " OK,” an officer told the girl.",
        ["he", "an officer"],
    ),
    (
        "en",
        "Police said relatives protested at the hospital. Meanwhile, a health official,"
        " rejecting the allegations, said both babies died due to preterm birth.",
        ["Police", "a health official"],
    ),
    (
        "fr",
        "Le maire Jean Dupont a annoncé la fermeture du pont. Un témoin a raconté : « Nous avons"
        " entendu une énorme explosion dans la nuit. »",
        ["Jean Dupont", "Un témoin"],
    ),
    # Whom it was told to is not the source: "he" carries on the last speaker.
    (
        "en",
        "Sarah Lee, a nurse at the clinic, said the ward was full. “We had no beds left,” she"
        " told Business Insider.",
        ["Sarah Lee", "Sarah Lee"],
    ),
    (
        "en",
        "“This is how epidemics begin,” Dr. Luz Contreras Arroyo, a member of the group, told"
        " NBC News.",
        ["Dr. Luz Contreras Arroyo"],
    ),
    # The name before an apposition speaks, not a name inside it or after the verb.
    (
        "en",
        "Fan Mengguang, deputy director of Inner Mongolia’s disease control centre, told the"
        " media that the case is “isolated and unrelated” to the others.",
        ["Fan Mengguang"],
    ),
    (
        "en",
        "Sen. Ted Cruz, R-Texas, said Epstein's death is a symptom of deeper problems.",
        ["Sen. Ted Cruz"],
    ),
    (
        "en",
        "Jeff Sanborn, president of Chapter & Verse, a Spokane advertising agency, said the"
        " campaign worked.",
        ["Jeff Sanborn"],
    ),
    (
        "de",
        "Anna Berg, Sprecherin der Stadtwerke München, sagte, der Strom fließe wieder.",
        ["Anna Berg"],
    ),
    (
        "es",
        "Laura Magallanes, vecina del área e integrante de la ONG Conservación de Especies"
        " Nativas del Uruguay, dijo que los campos fueron quemados.",
        ["Laura Magallanes"],
    ),
    (
        "it",
        "Marco Rossi, portavoce della Regione Lombardia, ha detto che le scuole riapriranno.",
        ["Marco Rossi"],
    ),
    (
        "fr",
        "Marie Curie, directrice du laboratoire de Lyon, a déclaré que les résultats étaient"
        " prometteurs.",
        ["Marie Curie"],
    ),
    (
        "en",
        "Jackson, a prize-winning poet based in Vermont, says he feels “guilty because of the"
        " anxiety they express.”",
        ["Jackson"],
    ),
    # A name inside a prepositional phrase is no subject: the source is who stands before it.
    (
        "en",
        "Health authorities in China’s Inner Mongolia have confirmed a third case of plague.",
        ["Health authorities"],
    ),
    (
        "de",
        "Was nach dem Weltcup in Willingen befürchtet wurde, ist nun Wirklichkeit: Marita Kramer"
        " erklärte, sie falle aus.",
        ["Marita Kramer"],
    ),
    # ... but a role before the name, or a subject after its verb, stays what it was.
    (
        "es",
        "La presidenta de la organización Mujeres Populares, Ada Álvarez Conde, denunció ayer la"
        " presión del partido.",
        ["Ada Álvarez Conde"],
    ),
    (
        "en",
        "Specifically, these vitamins protect your eyes in several ways, said Velikova.",
        ["Velikova"],
    ),
    # An object or possessive pronoun never speaks; "according to him" still carries on.
    (
        "en",
        "Miller said the plan would fail. The plan would fail, according to him.",
        ["Miller", "Miller"],
    ),
    (
        "en",
        "The reelection-seeking president has said his plans are working.",
        ["The reelection-seeking president"],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SPEAKERS)
def test_the_speaker_is_the_subject_of_its_own_sentence(
    language: str, text: str, expected: list[str]
) -> None:
    assert [s.source for s in statements(text, language)] == expected


# (language, text, a source that must not be listed)
NOT_SPEAKERS = [
    ("en", "A man’s decision to change his bedding left him ill, his doctors say.", "his"),
    ("en", "“We need to know,” he told Business Insider.", "Business Insider"),
    ("en", "Experts on jail suicide told USA TODAY that the rule is clear.", "USA TODAY"),
    (
        "de",
        "Wie auch in Band 1, wird die Geschichte in Zwei Zeitebenen erzählt.",
        "Zwei Zeitebenen",
    ),
    (
        "en",
        "If it fails and you believe it should work, let us know at Parallels Forum.",
        "Parallels Forum",
    ),
    ("de", "Trainer Marco Rose sagte, das Team sei bereit. Der Präsident sagte ihm alles.", "ihm"),
    ("ru", "Мэр Сергей Собянин заявил, что метро откроется. Министр сказал ему правду.", "ему"),
    ("uk", "Мер Віталій Кличко заявив, що метро відкриють. Міністр сказав йому правду.", "йому"),
]


@pytest.mark.parametrize(("language", "text", "source"), NOT_SPEAKERS)
def test_whom_it_was_said_to_never_speaks(language: str, text: str, source: str) -> None:
    assert source not in [s.source for s in statements(text, language)]


# A subject after its verb that brings in someone new speaks, not the last speaker named; a
# definite one ("said the actor") most often names that speaker again, and carries on.
SUBJECT_AFTER_THE_VERB = [
    (
        "en",
        'Miller said the plan was sound. "The market is pricing in a recovery," said a report '
        "from Kotak Institutional Equities.",
        ("direct_quote", "a report from Kotak Institutional Equities"),
    ),
    (
        "en",
        'Miller said the plan was sound. "The talks have stalled," said a company spokesperson.',
        ("direct_quote", "a company spokesperson"),
    ),
    (
        "en",
        "Miller said the plan was sound. The index rose 2% on Monday, say experts.",
        ("anonymous", "experts"),
    ),
    (
        "de",
        "Miller sagte, der Plan sei gut. „Der Vertreter beharrte auf seiner Position“, berichtet "
        "ein Teilnehmer.",
        ("direct_quote", "ein Teilnehmer"),
    ),
    (
        "en",
        'Van Der Beek said the season was hard. "It makes you more human," said the actor.',
        ("direct_quote", "Van Der Beek"),
    ),
]


@pytest.mark.parametrize(("language", "text", "last"), SUBJECT_AFTER_THE_VERB)
def test_a_new_speaker_after_the_verb_speaks(language, text, last):
    found = statements(text, language)
    assert (found[-1].kind, found[-1].source) == last


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Yvonne sagt: 19.04.2016 um 20:55 Uhr Großartig!"),
        ("en", "Jane says: November 3, 2019 at 5:12 pm Great recipe, thanks!"),
    ],
)
def test_a_blogs_comment_header_quotes_no_source(language, text):
    assert statements(text, language) == []


def test_a_quote_after_a_colon_that_opens_with_a_year_is_still_one():
    found = statements("Merkel sagte: 2015 war ein schweres Jahr für Europa.", "de")
    assert [(s.kind, s.source) for s in found] == [("named", "Merkel")]


@pytest.mark.parametrize(
    ("language", "text", "source"),
    [
        (
            "en",
            "NEW DELHI: The government will cut taxes, the finance minister said on Monday.",
            "the finance minister",
        ),
        ("en", "READ MORE: Card skimmers jailed, police said.", "police"),
    ],
)
def test_a_capitalised_place_or_label_before_a_colon_never_speaks(language, text, source):
    assert [s.source for s in statements(text, language)] == [source]


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("en", "Others said the plan was flawed.", [("anonymous", "Others")]),
        ("de", "Andere kritisierten den Plan als vulgär.", [("anonymous", "Andere")]),
        # inside the sentence they are quantifiers, not people
        ("en", "The toll may be higher, with some reports suggesting that 200 died.", []),
        ("en", "I can’t tell you how many times I said so.", []),
    ],
)
def test_others_and_some_opening_a_sentence_are_unnamed_sources(language, text, found):
    assert [(s.kind, s.source) for s in statements(text, language)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gehen Sie dazu folgendermaßen vor:", []),  # the verb first: the reader is told
        ("Laut Polizei wurden zwei Beamte verletzt.", [("anonymous", "Polizei")]),
        (
            "„Wir gehen in Berufung“, sagte ein Sprecher der Stadt.",
            [("direct_quote", "ein Sprecher")],
        ),
    ],
)
def test_a_german_sentence_that_opens_with_its_verb_reports_nobody(text, found):
    assert [(s.kind, s.source) for s in statements(text, "de")] == found


def test_an_adverb_in_first_place_is_no_german_speaker():
    found = statements("Danach erklärte Innenminister Thomas Strobl, die Lage sei ernst.", "de")
    assert [(s.kind, s.source) for s in found] == [("named", "Innenminister Thomas Strobl")]
    assert statements("Daraufhin teilte Bushido gegen seinen Kollegen aus.", "de") == []
