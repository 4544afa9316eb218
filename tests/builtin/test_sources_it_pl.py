"""sources in Italian and Polish: the same kinds of attribution, from their own cue files."""

from __future__ import annotations

import pytest

from checks.builtin.sources.statements import statements

SENTENCES = [
    (
        "it",
        "«Non ci arrenderemo», ha detto il sindaco Marco Rossi.",
        "direct_quote",
        "Marco Rossi",
    ),
    ("it", "Secondo fonti vicine al dossier, l'accordo è vicino.", "anonymous", "fonti"),
    ("it", "Secondo il rapporto dell'Istat, la disoccupazione cala.", "document", "rapporto"),
    ("it", "La polizia ha detto che l'uomo è stato arrestato.", "anonymous", "polizia"),
    ("it", "Giorgia Meloni ha affermato che il governo agirà.", "named", "Giorgia Meloni"),
    (
        "pl",
        "„Nie poddamy się” – powiedział burmistrz Jan Kowalski.",
        "direct_quote",
        "Jan Kowalski",
    ),
    ("pl", "Według naszych źródeł rozmowy utknęły.", "anonymous", "źródeł"),
    ("pl", "Według raportu GUS bezrobocie spadło.", "document", "raportu"),
    ("pl", "Policja poinformowała, że mężczyzna został zatrzymany.", "anonymous", "Policja"),
    ("pl", "Donald Tusk powiedział, że rząd zadziała.", "named", "Donald Tusk"),
]


@pytest.mark.parametrize(("language", "sentence", "kind", "source"), SENTENCES)
def test_an_attributed_sentence_is_found_with_its_kind_and_source(
    language, sentence, kind, source
):
    [found] = statements(sentence, language)
    assert (found.kind, source in found.source) == (kind, True), found
