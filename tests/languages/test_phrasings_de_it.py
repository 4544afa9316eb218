"""German and Italian labels and republication notices, phrased as publishers print them,
placed where they print them; and the look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from checks.builtin.disclaimers import Disclaimers
from checks.builtin.original_source import OriginalSource
from checks.model import Article, Region
from checks.testing import BODY_END, BODY_MIDDLE, BODY_TOP, placed_article

BODIES = {
    "de": "Der Stadtrat hat am Dienstag beschlossen, die Brücke zu schließen.\n"
    "Die Arbeiten beginnen im Mai und sollen bis zum Herbst dauern.",
    "it": "Il consiglio comunale ha deciso martedì di chiudere il ponte.\n"
    "I lavori inizieranno a maggio e dureranno fino all'autunno.",
}
URLS = {
    "de": "https://www.example.de/politik/artikel-1.html",
    "it": "https://www.example.it/cronaca/articolo-1.html",
}
ABOVE, BYLINE, BEFORE = Region.ABOVE_HEADLINE, Region.BYLINE, Region.BEFORE_BODY
AFTER, ASIDE, FOOTER = Region.AFTER_BODY, Region.ASIDE, Region.FOOTER
# In the middle case, a few paragraphs on each side of the line.
BEFORE_LINE, AFTER_LINE = ("Ein Absatz.", "Noch einer."), ("Und einer.", "Und noch einer.")


def placed(language: str, line: str, where: Region | str) -> Article:
    """An article in `language` with `line` where a publisher prints it."""
    first, last = BODIES[language].split("\n")
    return placed_article(
        line,
        where,
        (first, last),
        middle=((first, *BEFORE_LINE), (*AFTER_LINE, last)),
        url=URLS[language],
        language=language,
    )


async def findings(article: Article, ctx) -> list[tuple[str, str]]:
    result = await Disclaimers().run(article, ctx)
    return [(f["category"], f["quote"]) for f in result.data["findings"]]


@pytest.mark.parametrize(
    ("language", "line", "where", "category"),
    [
        ("de", "Anzeige", ABOVE, "sponsored"),
        ("de", "WERBUNG", ABOVE, "sponsored"),
        ("de", "Sponsored Post", ABOVE, "sponsored"),
        ("de", "Advertorial", ABOVE, "sponsored"),
        ("de", "In freundlicher Zusammenarbeit mit Nivea", ABOVE, "sponsored"),
        (
            "de",
            "Dieser Beitrag entstand in Kooperation mit der Deutschen Bahn.",
            AFTER,
            "sponsored",
        ),
        (
            "de",
            "Dieser Beitrag entstand in freundlicher Zusammenarbeit mit Samsung.",
            BODY_TOP,
            "sponsored",
        ),
        ("de", "Bezahlte Partnerschaft mit Adidas", BYLINE, "sponsored"),
        ("de", "*unbezahlte Werbung", BODY_TOP, "disclosure"),
        ("de", "Werbung, da Markennennung", BODY_TOP, "disclosure"),
        ("de", "Dieser Artikel enthält Werbung.", BODY_END, "sponsored"),
        ("de", "Anzeige | Ein Angebot der Sparkasse", ABOVE, "sponsored"),
        ("de", "Gesponserter Inhalt", ABOVE, "sponsored"),
        ("de", "Dieser Artikel wurde von Vodafone gesponsert.", BODY_END, "sponsored"),
        ("de", "Mit freundlicher Unterstützung von Miele", ABOVE, "sponsored"),
        ("de", "Anzeigen-Sonderveröffentlichung", ABOVE, "sponsored"),
        ("de", "Sonderveröffentlichung", ABOVE, "sponsored"),
        ("de", "Werbebeitrag", ABOVE, "sponsored"),
        ("de", "Dieser Text ist eine bezahlte Kooperation mit Zalando.", BODY_TOP, "sponsored"),
        ("de", "Werbung | Dieser Beitrag wurde von Lidl bezahlt.", BODY_TOP, "sponsored"),
        ("de", "Paid Content", ABOVE, "sponsored"),
        ("de", "Präsentiert von Telekom", ABOVE, "sponsored"),
        ("de", "Dieser Artikel enthält Affiliate-Links.", BODY_END, "affiliate"),
        ("de", "*Affiliate-Link", AFTER, "affiliate"),
        ("de", "Die mit * markierten Links sind sogenannte Affiliate Links.", AFTER, "affiliate"),
        (
            "de",
            "Wir erhalten eine Provision, wenn Sie über diese Links einkaufen.",
            AFTER,
            "affiliate",
        ),
        (
            "de",
            "Bei einem Kauf über diese Links erhalten wir eine kleine Provision.",
            AFTER,
            "affiliate",
        ),
        (
            "de",
            "Für Links auf dieser Seite erhält die Redaktion gegebenenfalls eine Provision vom "
            "Händler.",
            BEFORE,
            "affiliate",
        ),
        (
            "de",
            "Wenn Sie über einen dieser Links einkaufen, bekommen wir eine Provision vom Händler.",
            AFTER,
            "affiliate",
        ),
        ("de", "Die Links in diesem Artikel sind Partnerlinks.", AFTER, "affiliate"),
        ("de", "*Werbelink", AFTER, "affiliate"),
        (
            "de",
            "Als Amazon-Partner verdienen wir an qualifizierten Verkäufen.",
            AFTER,
            "affiliate",
        ),
        ("de", "Mit * gekennzeichnete Links sind Provisionslinks.", AFTER, "affiliate"),
        (
            "de",
            "Für Sie entstehen dabei keine Mehrkosten, wir erhalten jedoch eine Vergütung über "
            "die Partnerlinks.",
            AFTER,
            "affiliate",
        ),
        ("de", "Hinweis: Dieser Artikel enthält Affiliatelinks.", BODY_TOP, "affiliate"),
        (
            "de",
            "Wenn Sie auf einen dieser Links klicken und etwas kaufen, verdienen wir eine kleine "
            "Provision.",
            BODY_END,
            "affiliate",
        ),
        (
            "de",
            "Korrektur: In einer früheren Version dieses Artikels hieß es, der Bürgermeister sei "
            "zurückgetreten.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Berichtigung: Anders als zunächst berichtet, fand die Sitzung am Montag statt.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Richtigstellung: Der Verein hat nicht 300, sondern 30 Mitglieder.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "In einer früheren Version dieses Artikels hieß es, die Brücke sei gesperrt.",
            BODY_END,
            "correction",
        ),
        (
            "de",
            "In einer früheren Fassung dieses Textes war von 300 Toten die Rede.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Anmerkung der Redaktion: Wir haben den Namen des Bürgermeisters korrigiert.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Transparenzhinweis: In einer früheren Version dieses Artikels stand ein falsches "
            "Datum.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Wir haben den Fehler korrigiert und bitten, ihn zu entschuldigen.",
            BODY_END,
            "correction",
        ),
        (
            "de",
            "Wir haben die Stelle korrigiert und bitten um Entschuldigung.",
            AFTER,
            "correction",
        ),
        ("de", "Dieser Artikel wurde am Dienstag um 15.20 Uhr aktualisiert.", AFTER, "correction"),
        (
            "de",
            "Korrekturhinweis: In einer ersten Version hatten wir geschrieben, der Minister sei "
            "in Berlin gewesen.",
            AFTER,
            "correction",
        ),
        (
            "de",
            "Aktualisierung, 14.30 Uhr: Die Polizei hat die Sperrung inzwischen wieder "
            "aufgehoben.",
            BODY_TOP,
            "correction",
        ),
        (
            "de",
            "In einer vorherigen Version dieses Beitrags wurde der Ort falsch angegeben. Wir "
            "haben das korrigiert.",
            AFTER,
            "correction",
        ),
        ("de", "Hinweis: Dieser Text wurde nachträglich korrigiert.", AFTER, "correction"),
        (
            "de",
            "Gegendarstellung: In der Ausgabe vom 3. Mai behaupten Sie, ich sei Mitglied der "
            "Partei gewesen.",
            BODY_TOP,
            "correction",
        ),
        ("de", "Kommentar", ABOVE, "opinion"),
        ("de", "Meinung", ABOVE, "opinion"),
        ("de", "Gastbeitrag", ABOVE, "opinion"),
        ("de", "Kolumne", ABOVE, "opinion"),
        ("de", "Ein Kommentar von Anna Schmidt", BYLINE, "opinion"),
        ("de", "Eine Kolumne von Sascha Lobo", BYLINE, "opinion"),
        ("de", "Ein Gastbeitrag von Prof. Dr. Hans Meier", BYLINE, "opinion"),
        ("de", "Leitartikel", ABOVE, "opinion"),
        ("de", "Leserbrief", ABOVE, "opinion"),
        ("de", "Glosse", ABOVE, "opinion"),
        ("de", "Gastkommentar: Warum die Rente reformiert werden muss", ABOVE, "opinion"),
        ("de", "Meinungsbeitrag", ABOVE, "opinion"),
        ("de", "Kommentar von Max Mustermann", BYLINE, "opinion"),
        (
            "de",
            "Die Meinung des Autors gibt nicht unbedingt die Meinung der Redaktion wieder.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Gastbeiträge geben nicht zwingend die Meinung der Redaktion wieder.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Der Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der "
            "Redaktion.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Die Ansichten des Autors stimmen nicht unbedingt mit denen der Redaktion überein.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Der Inhalt gibt die Meinung des Autors wieder und muss nicht der Meinung der "
            "Redaktion entsprechen.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Gastkommentare spiegeln nicht notwendigerweise die Meinung der Redaktion wider.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Die Meinung des Autors deckt sich nicht unbedingt mit der der Redaktion.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Die Beiträge in dieser Rubrik stellen nicht unbedingt die Meinung der Redaktion dar.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Kommentare geben die Meinung des jeweiligen Autors wieder.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Namentlich gekennzeichnete Beiträge geben nicht in jedem Fall die Meinung der "
            "Redaktion wieder.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "de",
            "Keine Anlageberatung: Die hier veröffentlichten Inhalte stellen keine "
            "Anlageberatung dar.",
            AFTER,
            "liability",
        ),
        ("de", "Dieser Artikel stellt keine Anlageberatung dar.", AFTER, "liability"),
        (
            "de",
            "Haftungsausschluss: Für die Richtigkeit der Kurse übernehmen wir keine Haftung.",
            AFTER,
            "liability",
        ),
        ("de", "Für die Richtigkeit der Angaben übernehmen wir keine Gewähr.", AFTER, "liability"),
        (
            "de",
            "Die Inhalte stellen keine Aufforderung zum Kauf oder Verkauf von Wertpapieren dar.",
            AFTER,
            "liability",
        ),
        (
            "de",
            "Risikohinweis: Der Handel mit Kryptowährungen ist mit hohen Risiken verbunden.",
            AFTER,
            "liability",
        ),
        (
            "de",
            "Dieser Beitrag stellt keine Anlage-, Steuer- oder Rechtsberatung dar.",
            AFTER,
            "liability",
        ),
        (
            "de",
            "Haftungsausschluss: Die Redaktion übernimmt keine Haftung für die Inhalte externer "
            "Seiten.",
            AFTER,
            "liability",
        ),
        ("de", "Pressemitteilung", ABOVE, "press_release"),
        ("de", "Quelle: Pressemitteilung der Stadt Köln", BODY_END, "press_release"),
        ("de", "Pressemitteilung vom 12. März 2024", ABOVE, "press_release"),
        (
            "de",
            "Pressekontakt: Max Muster, Tel. 0221 123456, presse@example.de",
            BODY_END,
            "press_release",
        ),
        (
            "de",
            "Original-Content von: Polizeipräsidium Mainz, übermittelt durch news aktuell",
            BODY_END,
            "press_release",
        ),
        (
            "de",
            "Köln (ots) - Die Polizei sucht nach einem Unfall Zeugen.",
            BODY_TOP,
            "press_release",
        ),
        ("de", "Pressemeldung der Polizei Hamburg", ABOVE, "press_release"),
        (
            "de",
            "Gemeinsame Pressemitteilung mit Naturschutzbund Deutschland e.V. und Landkreis "
            "Verden",
            BEFORE,
            "press_release",
        ),
        ("de", "Quelle: Pressemeldung", BODY_END, "press_release"),
        ("de", "In Kooperation mit dem Deutschlandfunk", ABOVE, "partner"),
        ("de", "Dieser Artikel ist Teil einer Kooperation mit Correctiv.", AFTER, "partner"),
        (
            "de",
            "Dieser Artikel erscheint in Zusammenarbeit mit dem Recherchezentrum Correctiv.",
            AFTER,
            "partner",
        ),
        (
            "de",
            "Dieser Text erscheint im Rahmen einer Medienpartnerschaft mit dem Tagesspiegel.",
            AFTER,
            "partner",
        ),
        ("de", "Eine Kooperation von ZEIT ONLINE und der Stiftung Warentest", ABOVE, "partner"),
        (
            "de",
            "Dieser Beitrag ist im Rahmen einer Kooperation mit der Bundeszentrale für "
            "politische Bildung entstanden.",
            AFTER,
            "partner",
        ),
        ("de", "Transparenzhinweis: Der Autor ist Mitglied der SPD.", AFTER, "disclosure"),
        ("de", "Die Reise wurde unterstützt von Visit Norway.", AFTER, "disclosure"),
        (
            "de",
            "Transparenzhinweis: Die Reise erfolgte auf Einladung des Tourismusverbands.",
            AFTER,
            "disclosure",
        ),
        (
            "de",
            "Hinweis auf Interessenkonflikte: Der Autor hält Aktien der genannten Unternehmen.",
            AFTER,
            "disclosure",
        ),
        ("it", "Contenuto sponsorizzato", ABOVE, "sponsored"),
        ("it", "Contenuto offerto da Enel", ABOVE, "sponsored"),
        ("it", "Informazione pubblicitaria", ABOVE, "sponsored"),
        ("it", "Publiredazionale", ABOVE, "sponsored"),
        ("it", "Pubbliredazionale a cura di Acme", ABOVE, "sponsored"),
        ("it", "Articolo sponsorizzato", ABOVE, "sponsored"),
        ("it", "Questo articolo è sponsorizzato da Barilla.", BODY_TOP, "sponsored"),
        ("it", "Messaggio promozionale", ABOVE, "sponsored"),
        ("it", "Contenuto realizzato in collaborazione con Samsung.", BODY_TOP, "sponsored"),
        ("it", "Partnership retribuita con Nike", BYLINE, "sponsored"),
        ("it", "Pubblicità", ABOVE, "sponsored"),
        ("it", "Post sponsorizzato", BODY_TOP, "sponsored"),
        (
            "it",
            "Questo post è stato realizzato in collaborazione con Lavazza.",
            BODY_TOP,
            "sponsored",
        ),
        ("it", "Contenuto a pagamento", ABOVE, "sponsored"),
        ("it", "Sponsorizzato da Vodafone", ABOVE, "sponsored"),
        ("it", "ADV", ABOVE, "sponsored"),
        ("it", "Contenuto promozionale", ABOVE, "sponsored"),
        ("it", "Questo articolo contiene link di affiliazione.", AFTER, "affiliate"),
        (
            "it",
            "In qualità di Affiliato Amazon, ricevo un guadagno dagli acquisti idonei.",
            AFTER,
            "affiliate",
        ),
        (
            "it",
            "Se acquisti tramite i nostri link, potremmo ricevere una commissione.",
            AFTER,
            "affiliate",
        ),
        (
            "it",
            "Se acquisti tramite i nostri link, potremmo guadagnare una commissione.",
            AFTER,
            "affiliate",
        ),
        (
            "it",
            "Alcuni dei link presenti in questa pagina sono link affiliati.",
            AFTER,
            "affiliate",
        ),
        ("it", "*link affiliato", AFTER, "affiliate"),
        (
            "it",
            "Il sito riceve una commissione per gli acquisti effettuati tramite i link in pagina.",
            AFTER,
            "affiliate",
        ),
        (
            "it",
            "Questo articolo contiene link di affiliazione, che ci permettono di ottenere una "
            "piccola percentuale sulle vendite.",
            AFTER,
            "affiliate",
        ),
        (
            "it",
            "Se fai un acquisto tramite questi link, riceviamo una piccola commissione senza "
            "costi aggiuntivi per te.",
            AFTER,
            "affiliate",
        ),
        ("it", "I link presenti nell'articolo sono link sponsorizzati.", AFTER, "affiliate"),
        (
            "it",
            "Rettifica: nella prima versione dell'articolo avevamo indicato una data sbagliata.",
            AFTER,
            "correction",
        ),
        ("it", "Precisazione: il sindaco non era presente alla riunione.", AFTER, "correction"),
        ("it", "Errata corrige: la cifra corretta è 3 milioni, non 30.", AFTER, "correction"),
        ("it", "Errata corrige", AFTER, "correction"),
        (
            "it",
            "Una versione precedente di questo articolo riportava erroneamente il nome del "
            "sindaco.",
            AFTER,
            "correction",
        ),
        (
            "it",
            "In una prima versione dell'articolo avevamo scritto che il ponte era chiuso.",
            BODY_END,
            "correction",
        ),
        ("it", "L'articolo è stato corretto.", AFTER, "correction"),
        ("it", "Ci scusiamo con i lettori per l'errore.", BODY_END, "correction"),
        ("it", "Ce ne scusiamo con i lettori e con gli interessati.", AFTER, "correction"),
        ("it", "Abbiamo corretto l'errore.", AFTER, "correction"),
        (
            "it",
            "Nota della redazione: una precedente versione di questo articolo indicava un dato "
            "errato.",
            AFTER,
            "correction",
        ),
        (
            "it",
            "Correzione: il nome corretto dell'assessore è Maria Bianchi.",
            AFTER,
            "correction",
        ),
        (
            "it",
            "Questo articolo è stato modificato il 3 marzo per correggere un errore nel titolo.",
            AFTER,
            "correction",
        ),
        ("it", "Il commento", ABOVE, "opinion"),
        ("it", "Commento", ABOVE, "opinion"),
        ("it", "Editoriale", ABOVE, "opinion"),
        ("it", "L'editoriale", ABOVE, "opinion"),
        ("it", "L'opinione", ABOVE, "opinion"),
        ("it", "Opinioni", ABOVE, "opinion"),
        ("it", "Il commento di Mario Rossi", BYLINE, "opinion"),
        ("it", "L'editoriale di Marco Travaglio", BYLINE, "opinion"),
        ("it", "L'opinione di Giulia Bianchi", BYLINE, "opinion"),
        ("it", "Lettera al direttore", ABOVE, "opinion"),
        ("it", "Il corsivo", ABOVE, "opinion"),
        ("it", "Punto di vista", ABOVE, "opinion"),
        ("it", "Rubrica", ABOVE, "opinion"),
        ("it", "Le opinioni espresse sono dell'autore.", AFTER, "views_not_endorsed"),
        (
            "it",
            "Le opinioni espresse in questo articolo sono esclusivamente dell'autore.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "Le opinioni espresse dagli autori non riflettono necessariamente la posizione della "
            "testata.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "Le opinioni sono personali e non impegnano la testata.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "L'articolo esprime esclusivamente il punto di vista dell'autore.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "Il contenuto rispecchia esclusivamente le opinioni dell'autore.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "Gli articoli firmati esprimono l'opinione dei rispettivi autori.",
            AFTER,
            "views_not_endorsed",
        ),
        ("it", "Le opinioni espresse sono personali.", AFTER, "views_not_endorsed"),
        (
            "it",
            "Le opinioni espresse dall'autore non rappresentano necessariamente quelle della "
            "redazione.",
            AFTER,
            "views_not_endorsed",
        ),
        (
            "it",
            "La redazione non si assume alcuna responsabilità per i contenuti dei commenti.",
            AFTER,
            "liability",
        ),
        (
            "it",
            "Le informazioni contenute in questo articolo non costituiscono consulenza "
            "finanziaria.",
            AFTER,
            "liability",
        ),
        (
            "it",
            "Questo articolo non costituisce sollecitazione all'investimento.",
            AFTER,
            "liability",
        ),
        (
            "it",
            "Il presente articolo ha scopo puramente informativo e non rappresenta una "
            "raccomandazione di investimento.",
            AFTER,
            "liability",
        ),
        (
            "it",
            "La redazione non è responsabile dei contenuti dei siti esterni.",
            AFTER,
            "liability",
        ),
        (
            "it",
            "Disclaimer: il presente articolo non costituisce consulenza in materia di "
            "investimenti.",
            AFTER,
            "liability",
        ),
        ("it", "Comunicato stampa", ABOVE, "press_release"),
        ("it", "Comunicato stampa del Comune di Milano", ABOVE, "press_release"),
        ("it", "Fonte: comunicato stampa", BODY_END, "press_release"),
        ("it", "Nota stampa", ABOVE, "press_release"),
        ("it", "Fonte: Ufficio stampa Regione Lombardia", BODY_END, "press_release"),
        ("it", "In collaborazione con Valigia Blu", ABOVE, "partner"),
        ("it", "In partnership con Valigia Blu", ABOVE, "partner"),
        (
            "it",
            "Questo articolo è stato pubblicato in collaborazione con Valigia Blu.",
            AFTER,
            "partner",
        ),
        (
            "it",
            "Questo articolo fa parte di un progetto realizzato in collaborazione con IrpiMedia.",
            AFTER,
            "partner",
        ),
        ("it", "© Riproduzione riservata", AFTER, "copyright_notice"),
    ],
)
async def test_a_label_is_found_and_quoted(check_ctx, language, line, where, category):
    found = await findings(placed(language, line, where), check_ctx)
    quotes = [quote for kind, quote in found if kind == category]
    assert quotes, found
    assert quotes[0] == " ".join(line.split())


@pytest.mark.parametrize(
    ("language", "line", "where", "outlet"),
    [
        (
            "de",
            "Dieser Text erschien zuerst in der Süddeutschen Zeitung.",
            AFTER,
            "Süddeutschen Zeitung",
        ),
        ("de", "Dieser Text erschien zuerst bei Zeit Online.", AFTER, "Zeit Online"),
        ("de", "Der Beitrag erschien zuerst auf Telepolis.", AFTER, "Telepolis"),
        (
            "de",
            "Dieser Artikel ist zuerst auf netzpolitik.org erschienen.",
            AFTER,
            "netzpolitik.org",
        ),
        ("de", "Erstveröffentlichung: Frankfurter Rundschau", AFTER, "Frankfurter Rundschau"),
        ("de", "Übernahme mit freundlicher Genehmigung von Übermedien.", AFTER, "Übermedien"),
        ("de", "Quelle: dpa", BODY_END, "dpa"),
        ("de", "Mit Material von dpa", AFTER, "dpa"),
        ("de", "Mit Material von dpa und AFP", BODY_END, "dpa"),
        ("de", "Zuerst erschienen bei Zeit Online.", AFTER, "Zeit Online"),
        (
            "de",
            "Erstmals erschienen in: Blätter für deutsche und internationale Politik 5/2023",
            AFTER,
            "Blätter",
        ),
        ("de", "Dieser Beitrag erschien erstmals am 3. Mai 2023 in der FAZ.", AFTER, "FAZ"),
        ("de", "Das Original erschien im Guardian.", AFTER, "Guardian"),
        (
            "de",
            "Wir veröffentlichen diesen Beitrag mit freundlicher Genehmigung des "
            "Verfassungsblogs.",
            AFTER,
            "Verfassungsblogs",
        ),
        (
            "de",
            "Der Text wurde mit freundlicher Genehmigung von Krautreporter übernommen.",
            AFTER,
            "Krautreporter",
        ),
        ("de", "fab/dpa/AFP", BODY_END, "dpa"),
        (
            "de",
            "Dieser Text ist ursprünglich auf Englisch bei The Conversation erschienen.",
            AFTER,
            "The Conversation",
        ),
        ("de", "Dieser Artikel erschien im Original bei Foreign Policy.", AFTER, "Foreign Policy"),
        ("de", "Dieser Beitrag wurde vom Tagesspiegel übernommen.", AFTER, "Tagesspiegel"),
        ("de", "Zuerst veröffentlicht bei Spektrum.de", AFTER, "Spektrum.de"),
        ("de", "Mit Material der Nachrichtenagenturen dpa und Reuters", AFTER, "dpa"),
        (
            "de",
            "Der Text ist ein Auszug aus dem Buch „Die Erschöpfung der Demokratie“, erschienen "
            "bei C.H. Beck.",
            AFTER,
            "Die Erschöpfung der Demokratie",
        ),
        (
            "de",
            "Dieser Artikel ist eine Übersetzung aus dem Englischen. Das Original erschien bei "
            "The Atlantic.",
            AFTER,
            "The Atlantic",
        ),
        (
            "it",
            "Articolo pubblicato originariamente su The Conversation.",
            AFTER,
            "The Conversation",
        ),
        (
            "it",
            "Questo articolo è apparso per la prima volta su Internazionale.",
            AFTER,
            "Internazionale",
        ),
        ("it", "Articolo originariamente pubblicato su Il Post.", AFTER, "Il Post"),
        (
            "it",
            "Questo articolo è stato pubblicato originariamente in inglese su The Guardian.",
            AFTER,
            "The Guardian",
        ),
        ("it", "Fonte: ANSA", BODY_END, "ANSA"),
        ("it", "(con ANSA)", BODY_END, "ANSA"),
        ("it", "ROMA (ANSA) - Il governo ha approvato il decreto.", BODY_TOP, "ANSA"),
        ("it", "Articolo tratto da Il Fatto Quotidiano.", AFTER, "Il Fatto Quotidiano"),
        ("it", "Tratto da: Valigia Blu", AFTER, "Valigia Blu"),
        (
            "it",
            "Articolo ripubblicato su gentile concessione di Valigia Blu.",
            AFTER,
            "Valigia Blu",
        ),
        ("it", "Pubblicato per gentile concessione di Internazionale.", AFTER, "Internazionale"),
        (
            "it",
            "Questo articolo è ripubblicato da The Conversation sotto licenza Creative Commons. "
            "Leggi l'articolo originale.",
            AFTER,
            "The Conversation",
        ),
        ("it", "L'articolo originale è stato pubblicato su Le Monde.", AFTER, "Le Monde"),
        ("it", "Articolo ripreso da Domani.", AFTER, "Domani"),
        (
            "it",
            "Questo articolo è uscito originariamente su Rivista Studio.",
            AFTER,
            "Rivista Studio",
        ),
    ],
)
async def test_a_republication_notice_names_the_original(check_ctx, language, line, where, outlet):
    result = await OriginalSource().run(placed(language, line, where), check_ctx)
    assert result.data["is_republication"] is True, result.data["signals"]
    assert result.data["original_outlet"] == outlet


@pytest.mark.parametrize(
    ("language", "line", "where"),
    [
        ("de", "Das Gesetz wurde vom Bundestag übernommen.", BODY_END),
        (
            "de",
            "Der Konzern sponsert seit Jahren den Fußballverein, der Sponsoringvertrag läuft bis "
            "2026.",
            BODY_TOP,
        ),
        (
            "de",
            "Die Werbung für Tabak soll weiter eingeschränkt werden, beschloss der Bundestag.",
            BODY_TOP,
        ),
        ("de", "Die Anzeige gegen den Bürgermeister wurde zurückgezogen.", BODY_TOP),
        ("de", "Anzeige erstattet: Die Polizei ermittelt gegen den Fahrer.", BODY_TOP),
        ("de", "Der Makler erhält eine Provision von 3,57 Prozent des Kaufpreises.", BODY_END),
        ("de", "Beim Kauf über einen Makler wird eine Provision fällig.", BODY_END),
        ("de", "Die Kommission zur Aufarbeitung der Vorfälle legte ihren Bericht vor.", BODY_END),
        ("de", "Das teilte die Polizei in einer Pressemitteilung mit.", BODY_MIDDLE),
        (
            "de",
            "Wie aus einer Pressemitteilung der Stadt hervorgeht, wird die Brücke gesperrt.",
            BODY_END,
        ),
        ("de", "Foto: dpa", BODY_END),
        ("de", "Kommentare", FOOTER),
        ("de", "Kommentar schreiben", AFTER),
        ("de", "Kommentar von Margit Heumann — 2019-01-01 @ 00:39 | Antworten", BODY_TOP),
        ("de", "Kommentare (12)", AFTER),
        ("de", "Eine Meinungsumfrage zeigt, dass die Mehrheit die Reform ablehnt.", BODY_TOP),
        ("de", "Korrekturen", FOOTER),
        ("de", "Haftungsausschluss", FOOTER),
        ("de", "Impressum | Datenschutz | Haftungsausschluss | Kontakt", FOOTER),
        ("de", "Die Bank wurde wegen fehlerhafter Anlageberatung verurteilt.", BODY_END),
        (
            "de",
            "Der Minister ließ über einen Sprecher eine Richtigstellung verbreiten.",
            BODY_MIDDLE,
        ),
        (
            "de",
            "Der Verlag übernimmt keine Haftung für unverlangt eingesandte Manuskripte.",
            FOOTER,
        ),
        ("de", "Der Roman erschien zuerst 1925 in einem kleinen Verlag.", BODY_MIDDLE),
        ("de", "Die Studie erschien zuerst in der Fachzeitschrift Nature.", BODY_MIDDLE),
        ("de", "Der Präsident stimmt nicht unbedingt mit der Linie der Partei überein.", BODY_END),
        ("de", "Die Reise des Kanzlers wurde von Protesten begleitet.", BODY_END),
        ("de", "Fehler gefunden? Jetzt melden.", AFTER),
        ("de", "Mit freundlicher Genehmigung des Museums zeigen wir das Bild.", BODY_MIDDLE),
        ("de", "Der Autor erhält für seine Kolumne keine Provision.", BODY_MIDDLE),
        ("de", "Die Brücke wurde in Zusammenarbeit mit der Bahn saniert.", BODY_TOP),
        ("de", "In Zusammenarbeit mit der Polizei wurde der Täter gefasst.", BODY_TOP),
        ("de", "Der Spiegel berichtete zuerst über den Fall.", BODY_END),
        ("de", "Die Sonderveröffentlichung des Ministeriums zum Haushalt liegt vor.", BODY_TOP),
        ("de", "Das Unternehmen präsentierte am Montag seine Zahlen.", BODY_TOP),
        ("it", "Traduzione dall'inglese di Mario Rossi.", AFTER),
        ("it", "Il film è tratto da un romanzo di Elena Ferrante.", BODY_END),
        ("it", "La Commissione europea ha approvato il piano.", BODY_END),
        ("it", "L'agente immobiliare riceve una commissione del 3 per cento.", BODY_END),
        ("it", "Lascia un commento", AFTER),
        ("it", "Nessun commento", AFTER),
        ("it", "Commenti (3)", AFTER),
        ("it", "Il commento del sindaco: «Una vergogna»", BEFORE),
        ("it", "Secondo un sondaggio d'opinione, la maggioranza è contraria.", BODY_TOP),
        ("it", "Lo ha reso noto la Regione in un comunicato stampa.", BODY_MIDDLE),
        ("it", "Fonte: Istat", BODY_END),
        ("it", "Foto: ANSA", BEFORE),
        ("it", "Il video ripreso da un passante è diventato virale.", BODY_END),
        ("it", "Il ministro ha chiesto una rettifica al quotidiano.", BODY_MIDDLE),
        ("it", "La sponsorizzazione della squadra è stata rinnovata fino al 2026.", BODY_TOP),
        ("it", "La collaborazione con la polizia ha permesso di arrestare il ladro.", BODY_TOP),
        (
            "it",
            "In collaborazione con la polizia locale sono stati effettuati controlli.",
            BODY_TOP,
        ),
        ("it", "Privacy | Note legali | Disclaimer | Contatti", FOOTER),
        ("it", "La banca è stata condannata per consulenza finanziaria scorretta.", BODY_END),
        ("it", "Il libro è stato pubblicato per la prima volta nel 1950.", BODY_MIDDLE),
    ],
)
async def test_a_look_alike_stays_silent(check_ctx, language, line, where):
    article = placed(language, line, where)
    assert await findings(article, check_ctx) == []
    result = await OriginalSource().run(article, check_ctx)
    assert result.data["is_republication"] is False, result.data["signals"]
