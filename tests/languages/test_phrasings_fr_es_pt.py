"""French, Spanish and Portuguese labels and republication notices, as publishers print them:
each sentence stands where pages put it, and look-alikes in the same places stay silent."""

from __future__ import annotations

import pytest

from checks.builtin.disclaimers import find_disclaimers
from checks.builtin.original_source import OriginalSource
from checks.model import Article, Block, Region
from checks.testing import BODY_END, BODY_MIDDLE, BODY_TOP, placed_article

BODIES = {
    "fr": (
        "Le conseil municipal a voté mardi la fermeture du pont.",
        "Les travaux commenceront en mai et dureront un an.",
        "Le maire a salué une décision attendue depuis longtemps.",
        "L'opposition dénonce un calendrier trop serré.",
        "Une réunion publique est prévue le 12 mars.",
    ),
    "es": (
        "El pleno del Ayuntamiento aprobó el martes el cierre del puente.",
        "Las obras empezarán en mayo y durarán un año.",
        "El alcalde celebró una decisión esperada desde hace tiempo.",
        "La oposición critica un calendario demasiado ajustado.",
        "Habrá una reunión vecinal el 12 de marzo.",
    ),
    "pt": (
        "A Câmara Municipal aprovou nesta terça-feira o fechamento da ponte.",
        "As obras começam em maio e devem durar um ano.",
        "O prefeito comemorou uma decisão esperada havia muito tempo.",
        "A oposição critica um cronograma apertado demais.",
        "Uma audiência pública está marcada para 12 de março.",
    ),
}
BYLINES = {"fr": "Par Jeanne Dupont", "es": "Por Juana Pérez", "pt": "Por Joana Souza"}
REGIONS = {
    "kicker": Region.ABOVE_HEADLINE,
    "byline": Region.BYLINE,
    "standfirst": Region.BEFORE_BODY,
    "end": Region.AFTER_BODY,
    "aside": Region.ASIDE,
}


# The body's first, middle and last paragraph, in the tables' words.
IN_BODY = {"top": BODY_TOP, "middle": BODY_MIDDLE, "bottom": BODY_END}


def placed(lang: str, where: str, line: str) -> Article:
    """An article page with `line` where publishers print it: a region of its own, the first or
    last paragraph of the body ("top", "bottom"), the middle of the body, or the footer. The
    page has a byline, as article pages do: the reader then knows where the body starts."""
    body = BODIES[lang]
    return placed_article(
        line,
        REGIONS.get(where) or IN_BODY.get(where),
        body,
        middle=(body[:3], body[3:]),
        blocks=() if where == "byline" else (Block(Region.BYLINE, BYLINES[lang]),),
        furniture_text=line if where == "footer" else "",
        language=lang,
    )


# (language, where, the line as the page prints it, the category a reader should see)
LABELS = [
    # --- sponsored
    ("fr", "kicker", "Contenu sponsorisé", "sponsored"),
    ("fr", "kicker", "Publi-rédactionnel", "sponsored"),
    ("fr", "kicker", "Article sponsorisé", "sponsored"),
    ("fr", "kicker", "PUBLIREPORTAGE", "sponsored"),
    ("fr", "kicker", "Contenu proposé par Acme", "sponsored"),
    ("fr", "kicker", "Contenu commandité", "sponsored"),
    ("fr", "kicker", "Contenu publicitaire", "sponsored"),
    ("fr", "byline", "Contenu de marque", "sponsored"),
    ("fr", "kicker", "Sponsorisé par Acme", "sponsored"),
    ("fr", "kicker", "Publi-communiqué", "sponsored"),
    ("fr", "top", "Cet article est sponsorisé par la Banque Acme.", "sponsored"),
    (
        "fr",
        "end",
        "Ce contenu a été réalisé par M Publicité pour Acme. La rédaction du Monde n'a pas "
        "participé à sa réalisation.",
        "sponsored",
    ),
    ("es", "kicker", "Contenido patrocinado", "sponsored"),
    ("es", "kicker", "Publirreportaje", "sponsored"),
    ("es", "kicker", "Patrocinado por Banco Ejemplo", "sponsored"),
    ("es", "kicker", "PATROCINADO", "sponsored"),
    ("es", "kicker", "Contenido de marca", "sponsored"),
    ("es", "byline", "Contenido ofrecido por Acme", "sponsored"),
    ("es", "kicker", "Contenido publicitario", "sponsored"),
    ("es", "kicker", "Nota patrocinada", "sponsored"),
    ("es", "top", "Este artículo ha sido patrocinado por Banco Ejemplo.", "sponsored"),
    ("es", "top", "Este contenido está patrocinado por Acme.", "sponsored"),
    ("es", "kicker", "Artículo patrocinado", "sponsored"),
    ("pt", "kicker", "Conteúdo patrocinado", "sponsored"),
    ("pt", "kicker", "Publieditorial", "sponsored"),
    ("pt", "kicker", "Informe publicitário", "sponsored"),
    ("pt", "kicker", "Patrocinado por Banco Exemplo", "sponsored"),
    ("pt", "kicker", "Conteúdo de marca", "sponsored"),
    ("pt", "kicker", "Conteúdo publicitário", "sponsored"),
    ("pt", "kicker", "Publirreportagem", "sponsored"),
    ("pt", "top", "Este conteúdo é patrocinado pela Acme.", "sponsored"),
    ("pt", "byline", "Conteúdo oferecido por Acme", "sponsored"),
    ("pt", "kicker", "Conteúdo pago", "sponsored"),
    # --- affiliate
    ("fr", "byline", "Cet article contient des liens affiliés.", "affiliate"),
    (
        "fr",
        "end",
        "Lorsque vous achetez via nos liens, nous pouvons percevoir une commission.",
        "affiliate",
    ),
    ("fr", "end", "Certains liens de cet article sont affiliés.", "affiliate"),
    (
        "fr",
        "end",
        "Les liens marqués d'un astérisque sont des liens d'affiliation.",
        "affiliate",
    ),
    (
        "fr",
        "end",
        "Lorsque vous achetez par le biais de liens sur notre site, nous pouvons gagner une "
        "commission d'affiliation.",
        "affiliate",
    ),
    (
        "fr",
        "standfirst",
        "Si vous achetez un produit via nos liens, Frandroid peut percevoir une rémunération.",
        "affiliate",
    ),
    (
        "fr",
        "end",
        "Le Parisien Le Guide peut être rémunéré lorsqu'un achat est réalisé via nos liens.",
        "affiliate",
    ),
    ("fr", "end", "Nous touchons une petite commission sur chaque achat.", "affiliate"),
    ("es", "byline", "Este artículo incluye enlaces de afiliados.", "affiliate"),
    (
        "es",
        "end",
        "Este artículo contiene enlaces de afiliación, por lo que podemos recibir una comisión.",
        "affiliate",
    ),
    (
        "es",
        "end",
        "Nota: algunos de los enlaces aquí publicados son de afiliados.",
        "affiliate",
    ),
    (
        "es",
        "end",
        "Cuando un lector compra a través de los enlaces incluidos en este artículo, EL PAÍS "
        "Escaparate recibe una comisión.",
        "affiliate",
    ),
    (
        "es",
        "end",
        "Si compras a través de estos enlaces, podemos ganar una comisión.",
        "affiliate",
    ),
    (
        "es",
        "end",
        "Podríamos recibir una pequeña comisión sin coste adicional para ti.",
        "affiliate",
    ),
    ("pt", "byline", "Este texto contém links de afiliados.", "affiliate"),
    ("pt", "end", "Podemos receber uma comissão pelas compras feitas nos links.", "affiliate"),
    ("pt", "end", "Este artigo contém links de afiliação.", "affiliate"),
    (
        "pt",
        "end",
        "Ao comprar por meio dos links desta página, o Canaltech pode receber comissão.",
        "affiliate",
    ),
    ("pt", "end", "Este artigo contém ligações de afiliados.", "affiliate"),
    (
        "pt",
        "end",
        "Podemos ser remunerados por compras feitas a partir dos links desta página.",
        "affiliate",
    ),
    (
        "pt",
        "end",
        "Ao clicar nos links e realizar uma compra, podemos ganhar comissão, sem custo extra "
        "para você.",
        "affiliate",
    ),
    # --- correction
    (
        "fr",
        "end",
        "Rectificatif : dans une version précédente de cet article, nous indiquions que le "
        "pont fermerait en avril.",
        "correction",
    ),
    ("fr", "end", "Erratum : le maire s'appelle Jean Dupont, et non Jean Durand.", "correction"),
    (
        "fr",
        "end",
        "Correction : le vote a eu lieu mardi et non mercredi, comme nous l'avions écrit.",
        "correction",
    ),
    (
        "fr",
        "bottom",
        "Une version précédente de cet article indiquait à tort que le pont fermerait en avril.",
        "correction",
    ),
    (
        "fr",
        "end",
        "Précision : le projet avait été présenté en conseil municipal dès janvier.",
        "correction",
    ),
    (
        "fr",
        "bottom",
        "Contrairement à ce que nous avions écrit, le vote a eu lieu mardi.",
        "correction",
    ),
    (
        "fr",
        "top",
        "Article mis à jour le 12 mars à 14 h 30 avec la réaction du ministre des Transports.",
        "correction",
    ),
    ("fr", "end", "L'article a été corrigé pour rectifier le nom du maire.", "correction"),
    ("es", "end", "Fe de errores: el concejal se llama Juan Pérez, no Juan López.", "correction"),
    (
        "es",
        "end",
        "Rectificación: una versión anterior de esta noticia situaba el puente en Vigo.",
        "correction",
    ),
    (
        "es",
        "bottom",
        "En una versión previa de esta noticia se indicó erróneamente la fecha de la votación.",
        "correction",
    ),
    (
        "es",
        "bottom",
        "Este artículo fue modificado para corregir el nombre del alcalde.",
        "correction",
    ),
    (
        "es",
        "end",
        "Esta información ha sido actualizada con las declaraciones del alcalde.",
        "correction",
    ),
    (
        "es",
        "top",
        "Noticia actualizada a las 14.30 con la reacción del Gobierno y de la oposición.",
        "correction",
    ),
    ("es", "end", "Corrección: la obra costará 12 millones de euros, no 21.", "correction"),
    ("pt", "end", "Errata: o vereador se chama João Silva, e não João Souza.", "correction"),
    (
        "pt",
        "end",
        "Correção: diferentemente do que foi publicado, a votação ocorreu na terça-feira.",
        "correction",
    ),
    (
        "pt",
        "end",
        "Erramos: diferentemente do informado, a ponte será fechada em maio, e não em abril.",
        "correction",
    ),
    (
        "pt",
        "bottom",
        "Diferentemente do que foi publicado, a votação ocorreu na terça-feira.",
        "correction",
    ),
    (
        "pt",
        "bottom",
        "A versão anterior desta reportagem informava a data errada da votação.",
        "correction",
    ),
    (
        "pt",
        "end",
        "Rectificação: o presidente da câmara chama-se Carlos Moedas e não Carlos Medina.",
        "correction",
    ),
    (
        "pt",
        "end",
        "Esclarecimento: a obra foi aprovada pela Câmara, e não pela Assembleia.",
        "correction",
    ),
    (
        "pt",
        "bottom",
        "*Texto atualizado às 17h45 para acréscimo de informações da prefeitura.",
        "correction",
    ),
    # --- opinion
    ("fr", "kicker", "Tribune", "opinion"),
    ("fr", "kicker", "Chronique", "opinion"),
    ("fr", "kicker", "Éditorial", "opinion"),
    ("fr", "kicker", "Point de vue", "opinion"),
    ("fr", "kicker", "L'édito", "opinion"),
    ("fr", "kicker", "Carte blanche", "opinion"),
    ("fr", "kicker", "Libre opinion", "opinion"),
    (
        "fr",
        "top",
        "TRIBUNE - Pour l'économiste Jeanne Dupont, la réforme est mal conçue.",
        "opinion",
    ),
    ("fr", "kicker", "Lettre ouverte", "opinion"),
    ("es", "kicker", "Opinión", "opinion"),
    ("es", "kicker", "Columna", "opinion"),
    ("es", "kicker", "Tribuna", "opinion"),
    ("es", "kicker", "Columna de opinión", "opinion"),
    ("es", "kicker", "Artículo de opinión", "opinion"),
    ("es", "kicker", "Punto de vista", "opinion"),
    ("es", "top", "OPINIÓN - El puente que nadie quería", "opinion"),
    ("es", "end", "Este es un artículo de opinión.", "opinion"),
    ("pt", "kicker", "Opinião", "opinion"),
    ("pt", "kicker", "Coluna", "opinion"),
    ("pt", "kicker", "Artigo", "opinion"),
    ("pt", "kicker", "Crônica", "opinion"),
    ("pt", "kicker", "Crónica", "opinion"),
    ("pt", "kicker", "Ponto de vista", "opinion"),
    ("pt", "kicker", "Artigo de opinião", "opinion"),
    ("pt", "end", "Este é um artigo de opinião.", "opinion"),
    # --- views_not_endorsed and liability
    ("fr", "end", "Les propos tenus n'engagent que leur auteur.", "liability"),
    (
        "fr",
        "end",
        "Les opinions exprimées dans cet article n'engagent que leurs auteurs.",
        "liability",
    ),
    (
        "fr",
        "end",
        "Les opinions exprimées ne reflètent pas nécessairement celles de la rédaction.",
        "views_not_endorsed",
    ),
    (
        "fr",
        "end",
        "Les points de vue exprimés dans cette tribune ne reflètent pas forcément ceux du "
        "journal.",
        "views_not_endorsed",
    ),
    (
        "fr",
        "end",
        "Les opinions exprimées dans ce texte sont celles de l'auteur.",
        "views_not_endorsed",
    ),
    (
        "fr",
        "footer",
        "La rédaction ne saurait être tenue responsable des propos tenus dans les commentaires.",
        "liability",
    ),
    (
        "fr",
        "end",
        "Les propos publiés dans cette rubrique n'engagent en rien la rédaction.",
        "views_not_endorsed",
    ),
    (
        "es",
        "end",
        "Las opiniones expresadas son responsabilidad exclusiva de su autor.",
        "liability",
    ),
    (
        "es",
        "end",
        "Las opiniones expresadas en esta columna son de exclusiva responsabilidad del autor.",
        "liability",
    ),
    (
        "es",
        "end",
        "El contenido de esta columna es responsabilidad de su autor.",
        "liability",
    ),
    (
        "es",
        "end",
        "Las opiniones expresadas en esta columna son exclusivamente suyas.",
        "views_not_endorsed",
    ),
    (
        "es",
        "end",
        "Los artículos de opinión no necesariamente reflejan la línea editorial del diario.",
        "views_not_endorsed",
    ),
    (
        "es",
        "end",
        "Las opiniones de este artículo no reflejan la línea editorial de este medio.",
        "views_not_endorsed",
    ),
    (
        "es",
        "footer",
        "El Diario no se responsabiliza de las opiniones vertidas por los lectores.",
        "liability",
    ),
    (
        "pt",
        "end",
        "As opiniões expressas são de responsabilidade do autor e não refletem, "
        "necessariamente, a opinião do jornal.",
        "views_not_endorsed",
    ),
    (
        "pt",
        "end",
        "As opiniões expressas são de responsabilidade do autor e não refletem a linha "
        "editorial do site.",
        "views_not_endorsed",
    ),
    (
        "pt",
        "end",
        "Os artigos de opinião são da exclusiva responsabilidade dos seus autores.",
        "liability",
    ),
    (
        "pt",
        "end",
        "O conteúdo desta coluna é de responsabilidade do colunista.",
        "liability",
    ),
    (
        "pt",
        "footer",
        "O portal não se responsabiliza pelos comentários dos leitores.",
        "liability",
    ),
    # --- press releases
    ("fr", "kicker", "Communiqué de presse", "press_release"),
    ("fr", "top", "COMMUNIQUÉ", "press_release"),
    ("fr", "top", "POUR DIFFUSION IMMÉDIATE", "press_release"),
    ("es", "kicker", "Nota de prensa", "press_release"),
    ("es", "top", "Comunicado de prensa", "press_release"),
    ("es", "top", "Boletín de prensa", "press_release"),
    ("es", "top", "Para su publicación inmediata", "press_release"),
    ("pt", "top", "Comunicado de imprensa", "press_release"),
    ("pt", "top", "Release", "press_release"),
    ("pt", "top", "Nota de imprensa", "press_release"),
    ("pt", "top", "Nota à imprensa", "press_release"),
    # --- partner content
    ("fr", "kicker", "En partenariat avec Mediapart", "partner"),
    ("fr", "end", "Cet article est publié en partenariat avec Mediapart.", "partner"),
    (
        "fr",
        "end",
        "Cet article a été réalisé dans le cadre d'un partenariat avec Mediapart.",
        "partner",
    ),
    ("fr", "end", "Article réalisé en partenariat avec Mediapart.", "partner"),
    ("fr", "kicker", "En collaboration avec Radio-Canada", "partner"),
    ("es", "kicker", "En colaboración con El Faro", "partner"),
    ("es", "end", "Este artículo fue publicado en alianza con El Faro.", "partner"),
    (
        "es",
        "end",
        "Esta historia es parte de una alianza periodística entre El Faro y Agencia Ocote.",
        "partner",
    ),
    ("es", "end", "Este reportaje se publica en colaboración con El Faro.", "partner"),
    ("pt", "kicker", "Em parceria com a Agência Pública", "partner"),
    ("pt", "end", "Esta reportagem foi feita em parceria com a Agência Pública.", "partner"),
    (
        "pt",
        "end",
        "Esta reportagem faz parte de uma parceria entre o Nexo e a Agência Pública.",
        "partner",
    ),
    ("pt", "end", "Reportagem publicada em parceria com a Agência Pública.", "partner"),
    # --- more of the same kinds, as other sites word them
    ("fr", "kicker", "Contenu partenaire", "sponsored"),
    ("fr", "top", "Cet article vous est proposé par Acme.", "sponsored"),
    (
        "fr",
        "end",
        "Ce contenu a été produit par Acme Studio pour la Banque Acme, sans participation de la "
        "rédaction.",
        "sponsored",
    ),
    ("fr", "byline", "Article sponsorisé par la marque Acme", "sponsored"),
    ("fr", "end", "Cet article peut contenir des liens affiliés.", "affiliate"),
    ("fr", "end", "En achetant via ces liens, vous soutenez la rédaction.", "affiliate"),
    (
        "fr",
        "end",
        "NDLR : une version antérieure de cet article comportait une erreur sur le montant.",
        "correction",
    ),
    ("fr", "kicker", "Tribune libre", "opinion"),
    ("fr", "top", "ÉDITORIAL - Le pont de la discorde", "opinion"),
    (
        "fr",
        "end",
        "Les propos tenus dans cette rubrique ne reflètent pas la position de la rédaction.",
        "views_not_endorsed",
    ),
    ("fr", "top", "Communiqué de presse - Paris, le 12 mars 2024", "press_release"),
    ("es", "byline", "Patrocinado por Acme", "sponsored"),
    (
        "es",
        "end",
        "Si compras algo a través de nuestros enlaces, es posible que recibamos una comisión.",
        "affiliate",
    ),
    (
        "es",
        "bottom",
        "Esta nota fue actualizada para incluir la respuesta del ministerio.",
        "correction",
    ),
    (
        "es",
        "end",
        "Las opiniones expresadas por los columnistas son de su exclusiva responsabilidad.",
        "liability",
    ),
    (
        "es",
        "end",
        "Los textos de opinión no reflejan necesariamente la postura de este medio.",
        "views_not_endorsed",
    ),
    ("es", "end", "Este reportaje fue realizado en colaboración con Connectas.", "partner"),
    ("pt", "end", "Ao comprar pelos links, ganhamos uma pequena comissão.", "affiliate"),
    (
        "pt",
        "bottom",
        "Esta reportagem foi atualizada às 18h para incluir a resposta da prefeitura.",
        "correction",
    ),
    (
        "pt",
        "end",
        "Este texto não reflete, necessariamente, a opinião do Metrópoles.",
        "views_not_endorsed",
    ),
    ("pt", "top", "NOTA À IMPRENSA", "press_release"),
    ("pt", "end", "Esta matéria foi produzida em parceria com o InfoAmazonia.", "partner"),
]

# (language, where, the line, why it is no label): news about the same things, menus, ads.
LOOK_ALIKES = [
    ("fr", "middle", "La marque a sponsorisé le tournoi pendant dix ans, rappelle le maire."),
    ("fr", "middle", "Une commission d'enquête parlementaire a été créée en janvier."),
    ("fr", "bottom", "L'agent immobilier perçoit une commission de 5 % sur chaque vente."),
    ("fr", "footer", "Mentions légales | Publicité | Contact | Rectificatifs"),
    ("fr", "middle", "Le communiqué de presse du ministère évoque un « calendrier serré »."),
    ("fr", "middle", "Selon un sondage d'opinion publié lundi, 60 % des habitants approuvent."),
    ("fr", "aside", "Sponsorisé"),
    ("fr", "middle", "Précision : le maire a tenu à répondre point par point à ses opposants."),
    ("fr", "bottom", "Le texte a été modifié par le Sénat en deuxième lecture."),
    ("es", "middle", "El banco patrocinó el torneo durante diez años, recordó el alcalde."),
    ("es", "middle", "La comisión de investigación del Congreso se reunirá el lunes."),
    ("es", "bottom", "El agente inmobiliario recibe una comisión por cada venta."),
    ("es", "middle", "Según un sondeo de opinión, el 60 % de los vecinos apoya el cierre."),
    ("es", "middle", "En un comunicado de prensa, el ministerio habló de un calendario ajustado."),
    ("es", "footer", "Aviso legal | Publicidad | Contacto | Fe de errores"),
    ("es", "bottom", "La reparación se hará sin coste adicional para los vecinos."),
    ("pt", "middle", "O banco patrocinou o torneio durante dez anos, lembrou o prefeito."),
    ("pt", "middle", "A comissão parlamentar de inquérito ouviu o ministro na segunda-feira."),
    ("pt", "bottom", "O corretor pode receber uma comissão de 6% sobre a venda."),
    ("pt", "bottom", "O texto foi alterado pelo Senado e volta para a Câmara."),
    ("pt", "middle", "Segundo pesquisa de opinião, 60% dos moradores apoiam o fechamento."),
    ("pt", "footer", "Expediente | Publicidade | Fale conosco | Erramos"),
    ("pt", "middle", "Em nota à imprensa, a prefeitura afirmou que a obra segue o cronograma."),
    ("pt", "bottom", "A matéria foi aprovada pela Câmara dos Deputados nesta terça-feira."),
    ("pt", "bottom", "Ao comprar o imóvel, o casal pagou uma comissão ao corretor."),
    # fact checks open with what was wrongly said elsewhere; crime news names the culprits
    (
        "pt",
        "top",
        "Diferentemente do que foi publicado nas redes sociais, a vacina não altera o DNA.",
    ),
    ("pt", "bottom", "A morte é de responsabilidade dos autores do crime, disse o delegado."),
    ("es", "bottom", "El atentado es responsabilidad de los autores del ataque, dijo el fiscal."),
    ("es", "aside", "Patrocinado"),
    ("fr", "top", "Cet article vous est offert par un abonné."),
    ("fr", "middle", "Le festival, sponsorisé par Acme, ouvre vendredi ses portes."),
    ("es", "middle", "Este artículo fue actualizado por el Congreso en la reforma de 2019."),
    ("pt", "middle", "Erramos: o governo admite que a obra atrasou."),
    ("fr", "footer", "Tribunes | Chroniques | Éditoriaux | Courrier des lecteurs"),
    ("es", "bottom", "El acusado compró el arma a través de enlaces en redes sociales."),
]


@pytest.mark.parametrize(("lang", "where", "line", "category"), LABELS)
def test_labels_as_publishers_print_them(lang, where, line, category):
    findings = [f for f in find_disclaimers(placed(lang, where, line)) if f.applies]
    mine = [f for f in findings if f.category == category]
    assert mine, [(f.category, f.quote) for f in findings]
    # the quote is the page's own words (or the section label it names)
    assert mine[0].quote in line or mine[0].quote == f'section "{line.casefold()}"'


@pytest.mark.parametrize(("lang", "where", "line"), LOOK_ALIKES)
def test_look_alikes_say_nothing(lang, where, line):
    assert [(f.category, f.quote) for f in find_disclaimers(placed(lang, where, line))] == []


# (language, where, the line, the original outlet a reader should be told of, or None)
NOTICES = [
    (
        "fr",
        "end",
        "Cet article a été initialement publié sur The Conversation.",
        "The Conversation",
    ),
    ("fr", "end", "Publié initialement par Mediapart.", "Mediapart"),
    (
        "fr",
        "end",
        "Cet article est republié à partir de The Conversation sous licence Creative Commons.",
        "The Conversation",
    ),
    ("fr", "end", "Avec AFP", "AFP"),
    ("fr", "end", "(Avec AFP et Reuters)", "AFP"),
    ("fr", "byline", "Le Figaro avec AFP", "AFP"),
    ("fr", "end", "Cet article a d'abord été publié dans Libération.", "Libération"),
    ("fr", "end", "Cet article est paru dans Le Point.", "Le Point"),
    (
        "fr",
        "end",
        "Cet article a été publié pour la première fois sur Slate.fr.",
        "Slate.fr",
    ),
    (
        "fr",
        "end",
        "Cet article a été publié à l'origine en anglais sur The Guardian.",
        "The Guardian",
    ),
    (
        "fr",
        "end",
        "Article reproduit avec l'aimable autorisation de Mediapart.",
        "Mediapart",
    ),
    ("fr", "end", "Traduction d'un article du New York Times.", "New York Times"),
    ("fr", "end", "Source : AFP", "AFP"),
    ("fr", "end", "Avec Belga", "Belga"),
    ("es", "end", "Este artículo fue publicado originalmente en El País.", "El País"),
    ("es", "end", "Publicado originalmente en BBC Mundo.", "BBC Mundo"),
    ("es", "end", "Este texto se publicó por primera vez en El Faro.", "El Faro"),
    ("es", "end", "Con información de EFE", "EFE"),
    ("es", "end", "(Con información de Reuters y AFP)", "Reuters"),
    ("es", "end", "Con reportes de AP", "The Associated Press"),
    ("es", "end", "Con información de Europa Press", "Europa Press"),
    (
        "es",
        "end",
        "Este artículo fue publicado originalmente en inglés en The Guardian.",
        "The Guardian",
    ),
    (
        "es",
        "end",
        "La versión original de este artículo se publicó en Nexos.",
        "Nexos",
    ),
    (
        "es",
        "end",
        "Este artículo es republicado de The Conversation bajo licencia Creative Commons.",
        "The Conversation",
    ),
    ("es", "end", "Este artículo apareció originalmente en Gatopardo.", "Gatopardo"),
    ("es", "end", "Fuente: Europa Press", "Europa Press"),
    (
        "pt",
        "end",
        "Este artigo foi publicado originalmente em The Conversation.",
        "The Conversation",
    ),
    ("pt", "end", "Publicado originalmente no Nexo Jornal.", "Nexo Jornal"),
    ("pt", "end", "Com informações da Agência Brasil", "Agência Brasil"),
    ("pt", "end", "Com informações da Reuters", "Reuters"),
    ("pt", "end", "Com Estadão Conteúdo", "Estadão Conteúdo"),
    ("pt", "end", "Esse texto foi publicado originalmente no Nexo Jornal.", "Nexo Jornal"),
    (
        "pt",
        "end",
        "Este conteúdo foi publicado originalmente na Agência Pública.",
        "Agência Pública",
    ),
    (
        "pt",
        "end",
        "Este artigo foi republicado do The Conversation sob uma licença Creative Commons.",
        "The Conversation",
    ),
    (
        "pt",
        "end",
        "Este texto foi publicado originalmente em inglês no The Guardian.",
        "The Guardian",
    ),
    ("pt", "end", "(Com Lusa)", "Lusa"),
    ("pt", "end", "Fonte: Folhapress", "Folhapress"),
    ("pt", "end", "*Com informações do Estadão Conteúdo", "Estadão Conteúdo"),
    (
        "fr",
        "end",
        "Cet article a été publié initialement le 3 mai 2021 sur le site de Slate.",
        "Slate",
    ),
    (
        "fr",
        "end",
        "Cet article est une traduction d'un texte publié par The Economist.",
        "The Economist",
    ),
    ("fr", "end", "La rédaction avec AFP", "AFP"),
    (
        "es",
        "end",
        "Este artículo se publicó originalmente el 5 de mayo en El Faro.",
        "El Faro",
    ),
    ("es", "end", "Con información de agencias EFE y AFP", "EFE"),
    (
        "pt",
        "end",
        "Esta reportagem foi publicada originalmente em inglês pela BBC News.",
        "BBC News",
    ),
]

# Sentences about other texts, or credits of something other than this text.
NOT_NOTICES = [
    ("fr", "middle", "Un article paru dans Le Monde a suscité la colère des élus."),
    ("fr", "middle", "L'étude, publiée pour la première fois dans Nature, montre un lien."),
    ("fr", "middle", "Le ministre l'a confié à l'AFP lundi."),
    ("es", "middle", "Un artículo publicado originalmente en 1998 inspiró la reforma."),
    ("es", "middle", "El estudio, publicado por primera vez en Nature, muestra un vínculo."),
    ("es", "middle", "El ministro habló con EFE el lunes."),
    ("pt", "middle", "O estudo, publicado originalmente na Nature, mostra uma relação."),
    ("pt", "middle", "O ministro falou com a Reuters na segunda-feira."),
    ("fr", "end", "Photo reproduite avec l'aimable autorisation de la famille."),
    ("fr", "middle", "L'enquête est parue dans la revue Nature la semaine dernière."),
    ("es", "middle", "El vídeo fue reproducido desde la cuenta oficial del club."),
    ("pt", "middle", "O vídeo foi reproduzido do perfil oficial do clube."),
    ("es", "end", "Con información de los vecinos y de la Policía Local."),
    ("pt", "top", "O conteúdo foi publicado originalmente no TikTok em 2022."),
    ("es", "top", "El reportaje, publicado originalmente en El País, reveló el fraude."),
]


async def _original(article: Article, ctx) -> dict:
    result = await OriginalSource().run(article, ctx)
    return dict(result.data)


@pytest.mark.parametrize(("lang", "where", "line", "outlet"), NOTICES)
async def test_republication_notices_name_the_original(check_ctx, lang, where, line, outlet):
    data = await _original(placed(lang, where, line), check_ctx)
    assert (data["is_republication"], data["original_outlet"]) == (True, outlet), data["signals"]
    assert any(s["quote"] in line for s in data["signals"])


@pytest.mark.parametrize(("lang", "where", "line"), NOT_NOTICES)
async def test_mentions_that_are_not_notices(check_ctx, lang, where, line):
    data = await _original(placed(lang, where, line), check_ctx)
    assert data["is_republication"] is False, data["signals"]
