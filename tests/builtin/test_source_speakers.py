"""sources: who the speaker is. A wire dateline or a product code never speaks."""

from __future__ import annotations

import pytest

from checks.builtin.sources.statements import statements

# (language, text, words the speaker must contain, words it must not)
DATELINES = [
    (
        "en",
        "BERLIN (Reuters) - The city council said on Tuesday that the tram line will open in"
        " spring.",
        "city council",
        "BERLIN",
    ),
    (
        "en",
        "KYIV, May 23 (Reuters) - Ukraine's foreign minister said the talks would resume.",
        "foreign minister",
        "KYIV",
    ),
    (
        "en",
        "WASHINGTON — The Pentagon said on Monday it would send more troops to the region.",
        "Pentagon",
        "WASHINGTON",
    ),
    ("en", "(CNN) — The governor said the state would reopen schools.", "governor", "CNN"),
    (
        "de",
        "BERLIN (dpa) - Der Bürgermeister sagte am Dienstag, die Straße bleibe gesperrt.",
        "Bürgermeister",
        "BERLIN",
    ),
    ("fr", "PARIS (AFP) - Le gouvernement a annoncé mardi une hausse des impôts.", "gouv", "AFP"),
    (
        "es",
        "MADRID, 12 may (EFE).- El Gobierno anunció este martes una subida de impuestos.",
        "Gobierno",
        "MADRID",
    ),
    ("it", "ROMA (ANSA) - Il ministro ha dichiarato che le tasse saliranno.", "ministro", "ANSA"),
    ("pt", "LISBOA (Lusa) - O ministro afirmou que os impostos vão subir.", "ministro", "LISBOA"),
    (
        "pl",
        "WARSZAWA (PAP) - Minister finansów powiedział, że podatki wzrosną.",
        "Minister",
        "WARSZAWA",
    ),
    (
        "ru",
        "МОСКВА, 23 мая /ТАСС/. Министр иностранных дел заявил, что переговоры продолжатся.",
        "Министр",
        "МОСКВА",
    ),
    (
        "uk",
        "КИЇВ, 23 травня. /Укрінформ/. Міністр закордонних справ заявив, що переговори"
        " продовжаться.",
        "Міністр",
        "КИЇВ",
    ),
    (
        "uk",
        "ІНТЕРФАКС-УКРАЇНА - Міністр закордонних справ заявив, що переговори продовжаться.",
        "Міністр",
        "ІНТЕРФАКС",
    ),
    # The agency first, then the place and date.
    (
        "it",
        "(ANSA) - ROMA, 12 MAG - Il ministro ha detto che le tasse saliranno.",
        "ministro",
        "MAG",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker", "not_speaker"), DATELINES)
def test_a_dateline_is_never_the_speaker_the_subject_after_it_is(
    language, text, speaker, not_speaker
):
    found = statements(text, language)
    assert found, text
    assert all(not_speaker not in s.source for s in found), found
    assert speaker in found[-1].source, found


def test_a_name_after_a_bare_label_and_dash_still_speaks():
    [found] = statements("BREAKING — Senator Jane Doe said the bill would pass.", "en")
    assert (found.source, found.proper) == ("Senator Jane Doe", True)


# Product codes, model numbers and acronyms with digits: never a name.
CODES = [
    ("en", "My friend posted a picture of herself wearing an N95 mask with a valve.", "N95"),
    ("en", "N95 respirators filter most particles, the agency said.", "N95"),
    ("en", "The F-35 program said costs had risen again this year.", "F-35"),
    ("de", "Nach Angaben von Alfa Romeo wird der C42 am Morgen vorgestellt.", "C42"),
    ("fr", "Le A320neo a été présenté, a annoncé Airbus mardi.", "A320"),
]


@pytest.mark.parametrize(("language", "text", "code"), CODES)
def test_a_product_code_is_not_a_named_source(language, text, code):
    assert all(code not in s.source for s in statements(text, language))


# An unnamed source's description runs to its natural end, not to the adjective.
ANONYMOUS = [
    (
        "en",
        "A source close to the government said the minister would resign.",
        "A source close to the government",
    ),
    (
        "en",
        "“There was an attempted invasion,” a source close to the presidential couple said.",
        "a source close to the presidential couple",
    ),
    (
        "en",
        "The talks have stalled, a source familiar with the matter said on Tuesday.",
        "a source familiar with the matter",
    ),
    (
        "en",
        "A source close to Prime Minister Boris Johnson said he would stay.",
        "A source close to Prime Minister Boris Johnson",
    ),
    (
        "en",
        "A source familiar with the matter who asked not to be named said the deal was off.",
        "A source familiar with the matter",
    ),
    (
        "fr",
        "Une source proche du dossier a indiqué que les négociations étaient suspendues.",
        "Une source proche du dossier",
    ),
    (
        "fr",
        "Selon une source proche de l’Élysée, le remaniement est prêt.",
        "une source proche de l’Élysée",
    ),
    (
        "es",
        "Fuentes cercanas al Gobierno dijeron que el acuerdo está cerca.",
        "Fuentes cercanas al Gobierno",
    ),
    (
        "es",
        "Fuentes del Ministerio del Interior confirmaron la cifra.",
        "Fuentes del Ministerio del Interior",
    ),
    (
        "it",
        "Fonti vicine al dossier hanno detto che l'accordo è vicino.",
        "Fonti vicine al dossier",
    ),
    (
        "pt",
        "Fontes próximas ao governo disseram que o acordo está perto.",
        "Fontes próximas ao governo",
    ),
    (
        "ru",
        "Источник в правительстве сообщил, что министр уйдет в отставку.",
        "Источник в правительстве",
    ),
    (
        "ru",
        "Источник, близкий к правительству, сообщил, что министр уйдет в отставку.",
        "Источник, близкий к правительству",
    ),
    (
        "uk",
        "Джерело в уряді повідомило, що міністр піде у відставку.",
        "Джерело в уряді",
    ),
    (
        "pl",
        "Źródło zbliżone do rządu powiedziało, że podatki wzrosną.",
        "Źródło zbliżone do rządu",
    ),
]


@pytest.mark.parametrize(("language", "text", "source"), ANONYMOUS)
def test_an_unnamed_source_runs_to_the_end_of_its_description(language, text, source):
    [found] = statements(text, language)
    assert (found.kind in ("anonymous", "direct_quote"), found.source) == (True, source)


def test_an_unnamed_source_that_spoke_on_condition_of_anonymity_stops_at_its_verb():
    text = "A person who spoke on condition of anonymity said the talks had stalled."
    [found] = statements(text, "en")
    assert found.source == "A person who spoke"


# A role noun after an article, subject of a speech verb (in the compound past or not): the
# role speaks, with its complement, not a name inside the complement or after the verb.
ROLES = [
    ("fr", "Le ministre a déclaré que les impôts allaient baisser.", "Le ministre"),
    ("fr", "La porte-parole a indiqué que la réunion était reportée.", "La porte-parole"),
    (
        "fr",
        "La ministre de la Santé a assuré que les hôpitaux tiendraient.",
        "La ministre de la Santé",
    ),
    (
        "fr",
        "Le ministre a déclaré que le président Emmanuel Macron se rendrait à Kiev.",
        "Le ministre",
    ),
    ("fr", "L’avocate a déclaré que sa cliente était innocente.", "L’avocate"),
    ("es", "El ministro dijo que Pedro Sánchez viajará a Bruselas.", "El ministro"),
    ("es", "La portavoz ha explicado que la reunión se aplaza.", "La portavoz"),
    (
        "es",
        "El portavoz del Gobierno ha dicho que la reunión se aplaza.",
        "El portavoz del Gobierno",
    ),
    ("it", "Il ministro ha dichiarato che le tasse aumenteranno.", "Il ministro"),
    (
        "it",
        "Il portavoce della Procura di Milano ha detto che l’indagine è chiusa.",
        "Il portavoce della Procura di Milano",
    ),
    ("pt", "O ministro afirmou que os impostos vão baixar.", "O ministro"),
    ("pt", "O ministro tem afirmado que os impostos vão baixar.", "O ministro"),
    (
        "pt",
        "A porta-voz da Presidência havia dito que Lula viajará.",
        "A porta-voz da Presidência",
    ),
]


@pytest.mark.parametrize(("language", "text", "source"), ROLES)
def test_a_role_after_an_article_is_the_subject_of_its_speech_verb(language, text, source):
    [found] = statements(text, language)
    assert (found.kind, found.source, found.proper) == ("named", source, False)


# Where the role is only a title before a name, or set off by commas, the name speaks; a
# source word stays unnamed; a passive participle has no speaker.
ROLES_LEFT_ALONE = [
    (
        "fr",
        "Le ministre Gérald Darmanin a déclaré que la loi serait votée.",
        "named",
        "Gérald Darmanin",
    ),
    (
        "fr",
        "Le porte-parole du gouvernement, Gabriel Attal, a déclaré que la réforme tiendrait.",
        "named",
        "Gabriel Attal",
    ),
    ("fr", "La police a indiqué que l’homme avait été interpellé.", "anonymous", "La police"),
    ("es", "La policía dijo que el hombre fue detenido.", "anonymous", "La policía"),
]


@pytest.mark.parametrize(("language", "text", "kind", "source"), ROLES_LEFT_ALONE)
def test_a_name_or_a_source_word_keeps_its_place_beside_a_role(language, text, kind, source):
    [found] = statements(text, language)
    assert (found.kind, found.source) == (kind, source)


def test_a_portuguese_passive_participle_has_no_speaker():
    assert statements("Foi anunciado que o acordo está perto.", "pt") == []


# Auxiliaries and adverbs of the compound past between a subject and its participle.
AUXILIARIES = [
    ("en", "Assange has also denied both allegations.", "Assange"),
    ("en", "Miller had also said the United States did not enable the strike.", "Miller"),
    ("fr", "Macron a également déclaré que la réforme serait maintenue.", "Macron"),
    ("fr", "Le ministre a également déclaré que la réforme serait maintenue.", "Le ministre"),
    ("it", "Il sindaco ha poi spiegato che il ponte resterà chiuso.", "Il sindaco"),
    ("es", "El ministro ha además explicado que la reunión se aplaza.", "El ministro"),
]


@pytest.mark.parametrize(("language", "text", "source"), AUXILIARIES)
def test_the_subject_speaks_across_its_auxiliaries(language, text, source):
    [found] = statements(text, language)
    assert (found.kind, found.source) == ("named", source)


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("de", "Die Bundesregierung hat am Dienstag erklärt, dass die Hilfe weitergeht.",
         "Die Bundesregierung"),
        ("de", "Der Verband hatte im Mai betont, die Preise würden steigen.", "Der Verband"),
        ("en", "The ministry has also said it would act.", "The ministry"),
    ],
)  # fmt: skip
def test_a_subject_ends_at_its_auxiliary(language, text, speaker):
    assert [s.source for s in statements(text, language)] == [speaker]
