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
