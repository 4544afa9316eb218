"""Each language's function words tell its own prose apart from every other language's."""

from __future__ import annotations

import pytest

from checks.languages import languages, resource
from checks.read.page_meta import text_language


@pytest.mark.parametrize("code", languages())
def test_a_languages_sample_is_recognised_as_that_language(code):
    sample = resource("stopwords", code)["sample"]
    # Declared wrong on purpose: the text's own words must outvote the page's claim.
    wrong = "en" if code != "en" else "de"
    assert text_language(sample * 2, declared=wrong) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Secondo il ministero, i dati della regione non sono ancora completi e le scuole "
            "resteranno chiuse anche nella prossima settimana per questo motivo.",
            "it",
        ),
        (
            "Według ministerstwa dane z regionu nie są jeszcze pełne, a szkoły pozostaną "
            "zamknięte także w przyszłym tygodniu, ponieważ prace nie zostały zakończone.",
            "pl",
        ),
    ],
)
def test_italian_and_polish_news_prose_is_not_taken_for_spanish_or_another_language(text, code):
    assert text_language(text) == code
