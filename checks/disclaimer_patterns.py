"""Disclaimer phrasings by category and language: data for the `disclaimers` check.

Each pattern carries an example sentence that the tests run it on. Patterns are compiled
case-insensitive and multi-line (`^` is the start of a line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CATEGORIES = (
    "sponsored",
    "satire",
    "ai_generated",
    "opinion",
    "liability",
    "views_not_endorsed",
    "affiliate",
    "copyright_notice",
    "correction",
    "funding",
)
LANGUAGES = ("en", "de", "fr", "es", "pt", "ru", "uk")


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrasing of one kind of disclaimer."""

    category: str
    language: str
    regex: re.Pattern[str]
    example: str
    # "sentence": quote the sentence around the match; "line": quote the whole line.
    scope: str = "sentence"
    # Also searched in the page furniture (site-wide notices in footers and sidebars).
    furniture: bool = True
    # Only in the first or last lines of the article text, where notes and labels sit: the
    # same words in the middle are usually about something else (another article's note).
    edge_only: bool = False
    top_only: bool = False  # with edge_only: only the first lines (bottom lines hold ad slots)
    # The rest of the line after the match must be words, not just a date ("Updated: 9:14 PM").
    needs_words_after: bool = False
    # The sentence must go on for this many words after the match ("Материал обновлен в 14:30
    # с комментарием мэрии", not "Материал обновлен 29.06.2020 12:41").
    words_after: int = 0
    label: str = ""  # how the summary names it when it differs from the category
    # Lower-case fragments of which every match contains one: a fast test that lets the
    # check skip the regular expression for most texts.
    keys: tuple[str, ...] = ()


def _p(category: str, language: str, regex: str, example: str, **options: object) -> Pattern:
    compiled = re.compile(regex, re.I | re.M)
    return Pattern(category, language, compiled, example, **options)  # type: ignore[arg-type]


_A = "['’ʼ]"  # apostrophes as typed and as typeset
# A short label on a line of its own, or followed by a colon or dash and more text.
_LABEL_END = r"\s*(?:$|[:\-–—|])"

PATTERNS: tuple[Pattern, ...] = (
    # --- liability: the outlet limits its responsibility for what it publishes
    _p(
        "liability",
        "en",
        r"\b(?:sole|exclusive) responsibility of the (?:author|writer|contributor)",
        "The contents of this article are of sole responsibility of the author(s).",
        keys=("responsibility of the",),
    ),
    _p(
        "liability",
        "en",
        r"\b(?:will|shall|does|do|can|cannot|is|are) not (?:be )?(?:held )?(?:responsible|liable)"
        r" for (?:any |the )?(?:inaccura|incorrect|accuracy|content|errors?|omissions|opinions"
        r"|views|statements)",
        "The Centre will not be responsible for any inaccurate or incorrect statement.",
        keys=("responsible for", "liable for"),
    ),
    _p(
        "liability",
        "en",
        r"\b(?:does not|do not|cannot|can not|can't) accept (?:any )?(?:liability|responsibility)"
        r" for (?:the |any )?(?:content|accuracy|views|opinions|comments|statements|external"
        r"|third)|\bno (?:liability|responsibility) (?:is|can be) accepted",
        "The publisher does not accept any liability for the views of contributors.",
        keys=("liability", "responsibility"),
    ),
    _p(
        "liability",
        "en",
        r"\b(?:cannot|can not|can't|do not|does not) (?:verify|guarantee|vouch for) the"
        r" (?:accuracy|truth|correctness)",
        "(Therefore, we cannot verify the accuracy of all articles written!)",
        keys=("the accuracy", "the truth", "the correctness"),
    ),
    _p(
        "liability",
        "de",
        r"\b(?:Redaktion|Verlag|Herausgeber|Betreiber)\b[^.!?\n]{0,40}\b(?:keine|nicht)"
        r" (?:Haftung|Gewähr|Verantwortung)|\bfür (?:den|die) Inhalte?\b[^.!?\n]{0,60}\b(?:keine"
        r"|nicht) (?:Haftung|Gewähr|Verantwortung)|\bliegt (?:allein |ausschließlich )?in der"
        r" Verantwortung de[rs] (?:Autor|Verfasser)",
        "Für die Inhalte der Gastbeiträge übernimmt die Redaktion keine Haftung.",
        keys=("haftung", "gewähr", "verantwortung"),
    ),
    _p(
        "liability",
        "fr",
        rf"\bn{_A}engagen?t? que (?:son|leurs?|ses|l{_A}|les) ?auteur"
        r"|\bsous la (?:seule|pleine|stricte) responsabilité de (?:son|leurs?|l.)\s?auteur"
        r"|\bdéclin(?:e|ons) toute responsabilité\b[^.!?\n]{0,40}\b(?:contenu|propos|opinions"
        r"|informations|commentaires|liens)",
        "Cette tribune n'engage que son auteur.",
        keys=("auteur", "responsabilité"),
    ),
    _p(
        "liability",
        "es",
        r"\bresponsabilidad exclusiva de(?:l| su| sus| los)? (?:autor|autora|autores|firmante)"
        r"|\bno se hace responsable de (?:las opiniones|los contenidos|el contenido)",
        "Las opiniones publicadas son responsabilidad exclusiva del autor.",
        keys=("responsabilidad", "responsable"),
    ),
    _p(
        "liability",
        "pt",
        r"\b(?:responsabilidade exclusiva|inteira responsabilidade) d[oae]s? (?:seus? )?"
        r"(?:autor|autora|autores)|\bnão se responsabiliza (?:pel[oa]s? )?(?:conteúdo|opini)",
        "O conteúdo deste artigo é de responsabilidade exclusiva do autor.",
        keys=("responsabili",),
    ),
    _p(
        "liability",
        "ru",
        r"\b(?:редакция|издание|администрация сайта|сайт)[^.!?\n]{0,40}не\s+нес[её]т\s+"
        r"ответственност|ответственность за[^.!?\n]{0,60}нес[уе]т (?:автор|авторы)",
        "Редакция не несет ответственности за содержание авторских материалов.",
        keys=("ответственност",),
    ),
    _p(
        "liability",
        "uk",
        r"\b(?:редакція|видання|адміністрація сайту|сайт)[^.!?\n]{0,40}не\s+несе\s+"
        r"відповідальност|відповідальність за[^.!?\n]{0,60}несуть? (?:автор|автори)",
        "Редакція не несе відповідальності за зміст авторських матеріалів.",
        keys=("відповідальн",),
    ),
    # --- views_not_endorsed: the piece does not speak for the outlet
    _p(
        "views_not_endorsed",
        "en",
        r"\b(?:views|opinions)\b[^.!?\n]{0,80}\b(?:do not|don't|does not|doesn't) necessarily"
        r" (?:reflect|represent)|\b(?:views|opinions) expressed\b[^.!?\n]{0,80}\b(?:do not|don't"
        r"|does not|doesn't) (?:reflect|represent)|\bnot necessarily those of\b",
        "The views expressed in this article do not necessarily reflect those of the editors.",
        keys=("reflect", "represent", "necessarily"),
    ),
    _p(
        "views_not_endorsed",
        "en",
        rf"\b(?:views|opinions) expressed\b[^.!?\n]{{0,60}}\b(?:are|were|is) (?:solely |entirely"
        rf" |strictly |only )?(?:(?:his|her|their|my) own|the author{_A}?s{_A}?(?: own)?\b"
        r"|those of the (?:authors?|writers?|contributors?)\b)",
        "The opinions expressed in this commentary are solely those of the author.",
        keys=("expressed",),
    ),
    _p(
        "views_not_endorsed",
        "de",
        r"\b(?:gibt|geben|spiegelt|spiegeln|entspricht|entsprechen) nicht (?:unbedingt |zwingend"
        r" |notwendigerweise )?(?:die )?(?:Meinung|Ansicht|Haltung|Position) der Redaktion",
        "Der Gastbeitrag gibt nicht unbedingt die Meinung der Redaktion wieder.",
        keys=("redaktion",),
    ),
    _p(
        "views_not_endorsed",
        "fr",
        rf"\bn{_A}engagen?t? pas (?:la rédaction|le journal|la responsabilité de la rédaction)"
        r"|\bne reflète(?:nt)? pas (?:nécessairement )?(?:l.opinion|la position|le point de vue)"
        r" de la rédaction",
        "Le Club est l'espace de libre expression des abonnés. Ses contenus n'engagent pas la "
        "rédaction.",
        keys=("engage", "rédaction"),
    ),
    _p(
        "views_not_endorsed",
        "es",
        r"\bno (?:reflejan?|representan?) necesariamente (?:la|el|los|las) (?:opini|postura"
        r"|punto|línea|posici)",
        "Las opiniones de este artículo no reflejan necesariamente la opinión del periódico.",
        keys=("necesariamente",),
    ),
    _p(
        "views_not_endorsed",
        "pt",
        r"\bnão (?:reflete|refletem|representa|representam|expressa|expressam) (?:necessariamente"
        r" )?(?:a|as|o|os) (?:opini|posi|vis|ponto)",
        "Os artigos assinados não refletem necessariamente a opinião do jornal.",
        keys=("não ",),
    ),
    _p(
        "views_not_endorsed",
        "ru",
        r"\b(?:мнение|точка зрения|позиция) (?:редакции|автора|авторов) (?:может )?не"
        r" (?:совпадать|совпадает)|\bне (?:обязательно |всегда )?отражает (?:точку зрения|мнение"
        r"|позицию) редакции",
        "Мнение редакции может не совпадать с мнением автора.",
        keys=("совпада", "отражает"),
    ),
    _p(
        "views_not_endorsed",
        "uk",
        r"\b(?:думка|точка зору|позиція) (?:редакції|автора|авторів) (?:може )?не"
        r" (?:збігатися|збігається|співпадати)|\bне (?:обов.язково |завжди )?відображає"
        r" (?:точку зору|думку|позицію) редакції",
        "Думка редакції може не збігатися з думкою автора.",
        keys=("збіга", "співпада", "відображає"),
    ),
    # --- sponsored: the piece was paid for (never read from furniture: ad slots say "Anzeige")
    _p(
        "sponsored",
        "en",
        r"\b(?:sponsored (?:content|post|article|story|feature)|paid (?:content|post|partnership)"
        r"|advertorial|partner content|branded content)\b|\b(?:this|the following) (?:post|article"
        r"|content|story|feature) (?:is|was) (?:sponsored|paid for|brought to you) by",
        "This post is sponsored by Acme Outdoor Gear.",
        furniture=False,
        edge_only=True,
        keys=(
            "sponsor",
            "paid",
            "advertorial",
            "partner content",
            "branded content",
            "brought to you",
        ),
    ),
    _p(
        "sponsored",
        "en",
        rf"^\W*(?:(?:sponsored|paid for|presented) by\b|(?:sponsored|advertorial|paid post"
        rf"|promoted){_LABEL_END})",
        "Sponsored by Acme Bank",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("sponsor", "paid", "presented by", "advertorial", "promoted"),
    ),
    _p(
        "sponsored",
        "de",
        r"^\W*(?:Anzeige|Werbung|Sponsored Post)\s*[:\-–—]"
        r"|\b(?:Beitrag|Artikel|Post|Text|Video) (?:ist|wurde|entstand) in (?:bezahlter )?"
        r"(?:Zusammenarbeit|Kooperation) mit|\b(?:bezahlte Partnerschaft|enthält Werbung"
        r"|gesponserter Beitrag)",
        "– Anzeige: Dieser Beitrag ist in Zusammenarbeit mit Barbour entstanden –",
        furniture=False,
        edge_only=True,
        keys=(
            "anzeige",
            "werbung",
            "sponsored",
            "zusammenarbeit",
            "kooperation",
            "partnerschaft",
            "gesponsert",
        ),
    ),
    _p(
        "sponsored",
        "de",
        rf"^\W*(?:Anzeige|Werbung|Gesponsert){_LABEL_END}",
        "ANZEIGE",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("anzeige", "werbung", "gesponsert"),
    ),
    _p(
        "sponsored",
        "fr",
        r"\b(?:contenu|article) (?:sponsorisé|partenaire|sponsoris)|\bpubli-?reportage"
        r"|\bpubli-?rédactionnel|\bpubli-?information",
        "Contenu sponsorisé : cet article a été réalisé en partenariat avec la marque.",
        furniture=False,
        edge_only=True,
        keys=("sponsoris", "partenaire", "publi"),
    ),
    _p(
        "sponsored",
        "es",
        r"\b(?:contenido|artículo) (?:patrocinado|pagado|de marca patrocinado)|\bpublirreportaje"
        r"|\bcontenido pagado",
        "Contenido patrocinado por Banco Ejemplo.",
        furniture=False,
        edge_only=True,
        keys=("patrocinado", "publirreportaje", "pagado", "de marca"),
    ),
    _p(
        "sponsored",
        "pt",
        r"\b(?:conteúdo|artigo) (?:patrocinado|pago)|\bpublieditorial|\binforme publicitário",
        "Conteúdo patrocinado: esta reportagem foi produzida em parceria com a marca.",
        furniture=False,
        edge_only=True,
        keys=("patrocinado", "publieditorial", "publicitário", "pago"),
    ),
    _p(
        "sponsored",
        "ru",
        r"\bна правах рекламы\b|\bпарт?н[её]рский материал|\bрекламный материал",
        "Партнерский материал. Статья подготовлена при поддержке компании.",
        furniture=False,
        edge_only=True,
        keys=("на правах рекламы", "материал", "рекламный"),
    ),
    _p(
        "sponsored",
        "ru",
        rf"^\W*(?:Реклама|Спецпроект){_LABEL_END}",
        "Реклама",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("реклама", "спецпроект"),
    ),
    _p(
        "sponsored",
        "ru",
        # the legally required marking: "Реклама. ООО «Ромашка», ИНН 7700000000, erid: 2SDnj…"
        r"^\W*Реклама\s*[.:,]?\s*(?=[^\n]*\b(?:erid|ИНН|ОГРН)\b)|\berid\s*[:=]\s*[\w-]{6,}",
        "Реклама. ООО «Ромашка», ИНН 7700000000, erid: 2SDnjdXYZ",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("реклама", "erid"),
    ),
    _p(
        "sponsored",
        "ru",
        rf"^\W*(?:Партн[её]рский (?:проект|материал)|Промо){_LABEL_END}",
        "Партнерский проект",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("партнерский", "партнёрский", "промо"),
    ),
    _p(
        "sponsored",
        "uk",
        r"\bна правах реклами\b|\bпартнерський матеріал|\bрекламний матеріал",
        "Партнерський матеріал. Статтю підготовлено за підтримки компанії.",
        furniture=False,
        edge_only=True,
        keys=("на правах реклами", "партнерський", "рекламний"),
    ),
    _p(
        "sponsored",
        "uk",
        rf"^\W*(?:Спецпроєкт|Партнерський (?:проєкт|матеріал)){_LABEL_END}",
        "Спецпроєкт",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("спецпроєкт", "партнерський"),
    ),
    # a label line naming the brand at the top: "Contenu proposé par Acme" (no sentence)
    _p(
        "sponsored",
        "fr",
        r"^\W*(?:contenu (?:proposé|offert|présenté) par|publicité$)[^.!?\n]{0,60}$",
        "Contenu proposé par Acme",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("contenu", "publicité"),
    ),
    _p(
        "sponsored",
        "es",
        r"^\W*(?:contenido (?:ofrecido|presentado|patrocinado) por|publicidad$)[^.!?\n]{0,60}$",
        "Contenido ofrecido por Acme",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("contenido", "publicidad"),
    ),
    _p(
        "sponsored",
        "pt",
        r"^\W*(?:conteúdo (?:oferecido|apresentado|patrocinado) por|publicidade$)[^.!?\n]{0,60}$",
        "Publicidade",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("conteúdo", "publicidade"),
    ),
    _p(
        "sponsored",
        "en",
        r"^\W*(?:promotion|promoted content|paid promotion)\s*$",
        "PROMOTION",
        scope="line",
        furniture=False,
        edge_only=True,
        top_only=True,
        keys=("promot", "paid promotion"),
    ),
    # --- affiliate: the outlet earns from links in the piece
    _p(
        "affiliate",
        "en",
        r"\b(?:we|I) (?:may|might|will|can)? ?(?:earn|receive|get) (?:a |an )?"
        r"(?:small |affiliate |share of |)(?:commission|compensation)"
        r"|\baffiliate (?:links?|commission|partnerships?)"
        r"|\bcommission (?:from|on) (?:purchases|sales|qualifying)"
        r"|\bas an amazon associate",
        "If you buy something through one of these links, we may earn an affiliate commission.",
        keys=("commission", "compensation", "affiliate", "amazon associate"),
    ),
    _p(
        "affiliate",
        "de",
        r"\baffiliate-links?|\b(?:erhalten|bekommen) wir "
        r"(?:eine |ggf\. eine |gegebenenfalls eine )?(?:kleine )?Provision|\bProvisions-?links?",
        "Bei einem Kauf über diese Links erhalten wir eine kleine Provision.",
        keys=("affiliate", "provision"),
    ),
    _p(
        "affiliate",
        "fr",
        rf"\bliens? (?:d{_A})?affili(?:ation|és?)|\b(?:percevons|touchons|recevons|percevoir"
        r"|toucher) une (?:petite )?commission",
        "Cet article contient des liens d'affiliation : nous percevons une commission.",
        keys=("affili", "commission"),
    ),
    _p(
        "affiliate",
        "es",
        r"\benlaces? (?:de )?afiliad[oa]s?|\b(?:recibimos|podemos recibir|obtenemos|ganamos)"
        r" una (?:pequeña )?comisión",
        "Este artículo incluye enlaces de afiliados; podemos recibir una comisión.",
        keys=("afiliad", "comisión"),
    ),
    _p(
        "affiliate",
        "pt",
        r"\blinks? (?:de )?afiliad[oa]s?|\b(?:recebemos|podemos receber|ganhamos) uma"
        r" (?:pequena )?comissão",
        "Este texto contém links de afiliados e podemos receber uma comissão.",
        keys=("afiliad", "comissão"),
    ),
    _p(
        "affiliate",
        "ru",
        r"\bпарт?н[её]рские ссылки|\b(?:мы )?(?:можем )?получ(?:ить|аем) (?:небольшую )?комиссию",
        "В статье есть партнерские ссылки: мы можем получить комиссию с покупки.",
        keys=("ссылки", "комисси"),
    ),
    _p(
        "affiliate",
        "uk",
        r"\bпартнерські посилання|\b(?:ми )?(?:можемо )?отрим(?:ати|уємо) (?:невелику )?комісію",
        "У статті є партнерські посилання: ми можемо отримати комісію.",
        keys=("посилання", "комісі"),
    ),
    # --- copyright_notice: about the content itself, never the generic footer "© Outlet"
    _p(
        "copyright_notice",
        "en",
        r"\bmay not be (?:re)?published, broadcast, rewritten,? or redistributed",
        "This material may not be published, broadcast, rewritten or redistributed.",
        furniture=False,
        keys=("redistributed",),
    ),
    _p(
        "copyright_notice",
        "en",
        r"\bcontains copyrighted material\b|\bprovisions of [\"“]?fair use"
        r"|\bfair use\b[^.\n]{0,80}\bcopyright|\bcopyright\b[^.\n]{0,80}\bfair use\b"
        r"|\bSection 107 of the U\.?S\.? Copyright",
        "This site contains copyrighted material the use of which has not always been "
        "specifically authorized by the copyright owner.",
        label="fair use",
        keys=("copyrighted material", "fair use", "copyright"),
    ),
    _p(
        "copyright_notice",
        "en",
        # a wire agency's copyright line closing the text: the piece is the agency's copy
        r"^\W*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?:Thomson Reuters|Reuters|The"
        r" Associated Press|Associated Press|AP|AFP|Agence France-Presse|dpa|EFE|Bloomberg"
        r"|ANSA|Europa Press|Lusa|Interfax|Интерфакс|ТАСС|РИА Новости|Укрінформ|УНІАН)\b"
        r"(?!\s*(?:Photo|Foto|Images|Video|/))[^\n]{0,200}$",
        "Copyright 2020 The Associated Press. All rights reserved.",
        scope="line",
        furniture=False,
        keys=("©", "(c)", "copyright"),
    ),
    # a free licence the piece is reproduced under: what a reader may do with it, and whose it is
    _p(
        "copyright_notice",
        "en",
        r"\b(?:article|story|text|content|piece|report|post|material)\b[^.\n]{0,120}\b(?:under"
        r"|licensed under) (?:a |the )?(?:Creative Commons|CC[ -]BY)",
        "This article is republished from The Conversation under a Creative Commons license.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "de",
        r"\b(?:Text|Artikel|Beitrag|Inhalt)\b[^.\n]{0,120}\bunter (?:einer |der )?(?:freien )?"
        r"(?:Creative[- ]Commons[- ]Lizenz|Lizenz CC[ -]BY)",
        "Der Text steht unter einer Creative-Commons-Lizenz (CC BY 4.0).",
        label="licence",
        furniture=False,
        keys=("creative", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "fr",
        r"\b(?:article|texte|contenu|reportage)\b[^.\n]{0,120}\bsous (?:la |une )?licence"
        r" (?:Creative Commons|CC[ -]BY)",
        "Cet article est republié à partir de The Conversation sous licence Creative Commons.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "es",
        r"\b(?:artículo|texto|contenido|reportaje|nota)\b[^.\n]{0,120}\bbajo (?:una |la )?"
        r"licencia (?:Creative Commons|CC[ -]BY)",
        "Este artículo fue publicado originalmente en The Conversation bajo una licencia"
        " Creative Commons.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "pt",
        r"\b(?:artigo|texto|conteúdo|matéria|reportagem)\b[^.\n]{0,120}\bsob (?:a |uma )?"
        r"licen[çc]a (?:Creative Commons|CC[ -]BY)",
        "Este conteúdo foi publicado originalmente pela Agência Brasil e é reproduzido sob a"
        " licença Creative Commons Atribuição 4.0 Internacional.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "ru",
        r"\b(?:Материал|материал|Статья|статья|Текст|текст)\w*\b[^.\n]{0,120}\bпо (?:свободной )?"
        r"лицензии (?:Creative Commons|CC[ -]BY)",
        "Материал опубликован по лицензии Creative Commons Attribution 4.0.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "uk",
        r"\b(?:Матеріал|матеріал|Стаття|стаття|Текст|текст)\w*\b[^.\n]{0,120}\bза (?:вільною )?"
        r"ліцензією (?:Creative Commons|CC[ -]BY)",
        "Матеріал поширюється за ліцензією Creative Commons Attribution 4.0.",
        label="licence",
        furniture=False,
        keys=("creative commons", "cc by", "cc-by"),
    ),
    _p(
        "copyright_notice",
        "de",
        r"\b(?:Nachdruck|Weiterverbreitung|Vervielfältigung) (?:nur )?(?:mit|nach) "
        r"(?:vorheriger )?(?:schriftlicher )?Genehmigung|\bfair use\b[^.\n]{0,80}\bUrheberrecht",
        "Nachdruck nur mit schriftlicher Genehmigung des Verlags.",
        furniture=False,
        keys=("genehmigung", "urheberrecht"),
    ),
    _p(
        "copyright_notice",
        "fr",
        r"\b(?:toute )?reproduction (?:totale ou partielle )?(?:est )?(?:strictement )?interdite"
        r" sans|\b(?:usage|utilisation) équitable\b|\bexception de courte citation",
        "Toute reproduction est interdite sans l'autorisation de l'auteur.",
        furniture=False,
        keys=("interdite", "équitable", "courte citation"),
    ),
    _p(
        "copyright_notice",
        "es",
        r"\bprohibida (?:su|la) reproducción|\b(?:uso justo|uso legítimo)\b[^.\n]{0,80}"
        r"\bderechos de autor",
        "Prohibida su reproducción total o parcial sin autorización.",
        furniture=False,
        keys=("reproducción", "derechos de autor"),
    ),
    _p(
        "copyright_notice",
        "pt",
        r"\b(?:é )?proibida a reprodução|\buso justo\b[^.\n]{0,80}\bdireitos autorais",
        "É proibida a reprodução deste conteúdo sem autorização.",
        furniture=False,
        keys=("reprodução", "direitos autorais"),
    ),
    _p(
        "copyright_notice",
        "ru",
        r"\b(?:перепечатка|копирование|воспроизведение)[^.!?\n]{0,40}"
        r"(?:запрещен|без (?:письменного )?(?:разрешения|согласия))"
        r"|\bдобросовестн\w+ использовани",
        "Перепечатка материала без письменного разрешения редакции запрещена.",
        furniture=False,
        keys=("перепечатка", "копирование", "воспроизведение", "добросовестн"),
    ),
    _p(
        "copyright_notice",
        "uk",
        r"\b(?:передрук|копіювання|відтворення)[^.!?\n]{0,40}(?:заборонен|без (?:письмового )?"
        r"(?:дозволу|згоди))|\bдобросовісн\w+ використанн",
        "Передрук матеріалу без письмового дозволу редакції заборонено.",
        furniture=False,
        keys=("передрук", "копіювання", "відтворення", "добросовісн"),
    ),
    # --- correction: update notes and corrections, only at the top or end of the text.
    # A label ("Correction:") must be followed by a sentence, not a time ("Updated: 9:14 PM");
    # a sentence saying the piece was changed needs no such test.
    _p(
        "correction",
        "en",
        r"^\W*(?:corrections?|updates?|updated|clarifications?)\b[^:\n]{0,40}:",
        "Correction: An earlier version of this story misstated the mayor's age.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("correction", "update", "clarification"),
    ),
    _p(
        "correction",
        "en",
        r"\b(?:an earlier|a previous|an older|the original) version of this"
        r" (?:article|story|report|post|piece)|\bthis (?:article|story|report|post|piece)"
        r" (?:has been|was) (?:updated|corrected|amended)",
        "This story has been updated to include a statement from the police.",
        furniture=False,
        edge_only=True,
        keys=("version", "updated", "corrected", "amended"),
    ),
    _p(
        "correction",
        "de",
        r"^\W*(?:Korrektur|Berichtigung|Korrekturhinweis|Aktualisierung|Update)\b[^:\n]{0,40}:",
        "Korrektur: Wir haben den Namen des Bürgermeisters falsch geschrieben.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("korrektur", "berichtigung", "aktualisierung", "update"),
    ),
    _p(
        "correction",
        "de",
        r"\bin einer (?:früheren|älteren|ersten|vorherigen) (?:Version|Fassung) (?:dieses|des)"
        r" (?:Artikels|Textes|Beitrags)|^\W*(?:(?:Anmerkung|Hinweis) der Redaktion\s*:\s*)?"
        r"In einer (?:früheren|älteren|ersten|vorherigen) (?:Version|Fassung) (?:hieß es|stand|war"
        r"|wurde|haben wir|hatten wir)\b|\b(?:dieser|der) (?:Artikel|Text|Beitrag) wurde"
        r" (?:nachträglich )?(?:aktualisiert|korrigiert|ergänzt)",
        "Anmerkung der Redaktion: In einer früheren Fassung stand ein falscher Betrag.",
        furniture=False,
        edge_only=True,
        keys=("in einer", "aktualisiert", "korrigiert", "ergänzt"),
    ),
    _p(
        "correction",
        "fr",
        r"^\W*(?:mise à jour|rectificatif|correction|erratum|MAJ)\b[^:\n]{0,40}:",
        "Mise à jour : le ministère a depuis confirmé l'information.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("mise à jour", "rectificatif", "correction", "erratum", "maj"),
    ),
    _p(
        "correction",
        "fr",
        rf"\b(?:cet article|ce texte|cette dépêche)\b[^.\n]{{0,80}}\ba (?:été (?:mis à jour"
        rf"|corrigé|actualisé|modifié)|fait l{_A}objet d{_A}une (?:mise à jour|correction"
        r"|actualisation))|\bune (?:précédente|première) version de cet article",
        "* Cet article, initialement publié en avril 2017, a fait l'objet d'une mise à jour.",
        furniture=False,
        edge_only=True,
        keys=("cet article", "ce texte", "cette dépêche", "version de cet article"),
    ),
    _p(
        "correction",
        "es",
        r"^\W*(?:fe de erratas|corrección|actualización|aclaración)\b[^:\n]{0,40}:",
        "Fe de erratas: el concejal se llama Juan Pérez, no Juan López como se publicó.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("fe de erratas", "corrección", "actualización", "aclaración"),
    ),
    _p(
        "correction",
        "es",
        r"\buna versión anterior de (?:este artículo|esta nota|esta información|esta noticia)"
        r"|\b(?:este artículo|esta nota|esta noticia) (?:ha sido|fue) (?:actualizad|corregid)[oa]",
        "Nota de la redacción: una versión anterior de este artículo indicaba erróneamente la "
        "fecha.",
        furniture=False,
        edge_only=True,
        keys=("una versión", "actualizad", "corregid"),
    ),
    _p(
        "correction",
        "pt",
        r"^\W*(?:correção|atualização|errata)\b[^:\n]{0,40}:",
        "Correção: o vereador se chama João Silva, e não João Souza como foi publicado.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("correção", "atualização", "errata"),
    ),
    _p(
        "correction",
        "pt",
        r"\buma versão anterior (?:deste|desta) (?:texto|reportagem|artigo|matéria|notícia)"
        r"|\b(?:este texto|este artigo|esta reportagem|esta matéria|esta notícia) (?:foi|é)"
        r" (?:atualizad|corrigid)[oa]",
        "Uma versão anterior deste texto informava a data errada da votação.",
        furniture=False,
        edge_only=True,
        keys=("uma versão", "atualizad", "corrigid"),
    ),
    _p(
        "correction",
        "pt",
        r"^\W*(?:matéria|texto|reportagem|notícia|artigo) (?:atualizad|corrigid)[oa]\b",
        "*Matéria atualizada às 14h30 para incluir a resposta da prefeitura.",
        furniture=False,
        edge_only=True,
        words_after=3,
        keys=("atualizad", "corrigid"),
    ),
    _p(
        "correction",
        "ru",
        r"^\W*(?:исправление|обновлено|обновление|уточнение|поправка)\b[^:\n]{0,40}:",
        "Обновлено: в материал добавлен комментарий пресс-службы мэрии Москвы.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("исправление", "обновл", "уточнение", "поправка"),
    ),
    _p(
        "correction",
        "ru",
        r"\bв (?:предыдущей|первоначальной|ранней) версии (?:материала|статьи|текста|новости)",
        "Исправление: в предыдущей версии материала была неверно указана дата заседания.",
        furniture=False,
        edge_only=True,
        keys=("в предыдущей", "в первоначальной", "в ранней"),
    ),
    _p(
        "correction",
        "ru",
        r"\b(?:материал|статья|текст|новость) (?:был[аио]? )?(?:обновл[её]н|исправлен|дополнен)"
        r"[аоы]?\b",
        "Материал обновлен в 14:30 с комментарием мэрии.",
        furniture=False,
        edge_only=True,
        words_after=2,
        keys=("обновл", "исправлен", "дополнен"),
    ),
    _p(
        "correction",
        "uk",
        r"^\W*(?:виправлення|оновлено|оновлення|уточнення)\b[^:\n]{0,40}:",
        "Оновлено: до матеріалу додано коментар Міністерства охорони здоров'я.",
        scope="line",
        furniture=False,
        edge_only=True,
        needs_words_after=True,
        keys=("виправлення", "оновл", "уточнення"),
    ),
    _p(
        "correction",
        "uk",
        r"\bу (?:попередній|першій|ранній) версії (?:матеріалу|статті|тексту|новини)",
        "Виправлення: у попередній версії матеріалу було неправильно вказано дату засідання.",
        furniture=False,
        edge_only=True,
        keys=("у попередній", "у першій", "у ранній"),
    ),
    _p(
        "correction",
        "uk",
        r"\b(?:матеріал|статтю|текст|новину) (?:було )?(?:оновлено|виправлено|доповнено)\b",
        "Матеріал оновлено о 14:30 з коментарем мера.",
        furniture=False,
        edge_only=True,
        words_after=2,
        keys=("оновлено", "виправлено", "доповнено"),
    ),
    # --- satire: the site or piece calls itself satire or parody
    _p(
        "satire",
        "en",
        r"\b(?:this|our) (?:site|website|blog|publication|newspaper|article|story|piece|content)"
        r" (?:is|are) (?:a work of |pure |purely |a |an )?(?:satire|satirical|parody)"
        r"|\b(?:pinch|splash|dash|touch|dose|bit|sprinkle|hint) of satire"
        r"|\bwe are a (?:satirical|parody) ",
        "Interesting news ...with a pinch of sarcasm and a splash of satire!",
        keys=("satir", "parody"),
    ),
    _p(
        "satire",
        "en",
        # a disclaimer line naming the site ("The Babylon Bee is a satire site") or saying its
        # stories are made up; "X is a satire site" in a news sentence is about someone else
        r"^\W*disclaimer\s*:[^\n]{0,80}\b(?:is|are) (?:a |an )?(?:satire|satirical|parody)"
        r" (?:site|website|publication|blog|newspaper|magazine)\b|\ball (?:stories|articles|posts"
        r"|news stories|content)(?: (?:on|at|in) this (?:site|website|blog))? (?:are|is) (?:purely"
        r" |entirely )?(?:fictional|satire|satirical)\b",
        "Disclaimer: The Babylon Bee is a satire site. All stories are fictional.",
        keys=("disclaimer", "all "),
    ),
    _p(
        "satire",
        "de",
        r"\b(?:dieser|unser) (?:Artikel|Beitrag|Text)\b[^.\n]{0,20}\bist (?:eine |reine )?Satire"
        r"|\b(?:diese|unsere) (?:Seite|Website|Webseite) ist (?:eine |reine )?Satire",
        "Achtung: Dieser Artikel ist Satire.",
        keys=("satire",),
    ),
    _p(
        "satire",
        "fr",
        r"\b(?:cet article|ce texte|ce site|ce billet) est (?:une |un )?(?:satire|parodie"
        r"|satirique|parodique|article satirique)",
        "Avertissement : cet article est une satire.",
        keys=("satir", "parodi"),
    ),
    _p(
        "satire",
        "es",
        r"\b(?:este artículo|este texto|este sitio|esta web|esta página) es (?:una |un )?"
        r"(?:sátira|parodia|satírico|artículo satírico)",
        "Aviso: este artículo es una sátira y no debe tomarse en serio.",
        keys=("sátira", "satíric", "parodia"),
    ),
    _p(
        "satire",
        "pt",
        r"\b(?:este artigo|este texto|este site|esta página) é (?:uma |um )?(?:sátira|paródia"
        r"|satírico|texto satírico)",
        "Aviso: este texto é uma sátira.",
        keys=("sátira", "satíric", "paródia"),
    ),
    _p(
        "satire",
        "ru",
        r"\b(?:эта статья|этот текст|этот материал|наш сайт|этот сайт)"
        r" (?:является )?(?:сатирой|сатирическ\w+|пародией)",
        "Внимание: этот материал является сатирой.",
        keys=("сатир", "пароди"),
    ),
    _p(
        "satire",
        "uk",
        r"\b(?:ця стаття|цей текст|цей матеріал|наш сайт|цей сайт) (?:є )?(?:сатирою"
        r"|сатиричн\w+|пародією)",
        "Увага: цей матеріал є сатирою.",
        keys=("сатир", "пароді"),
    ),
    _p(
        "satire",
        "en",
        r"^\W*(?:satire|parody)\s*$",  # "Satire" is the German label too
        "SATIRE",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("satire", "parody"),
    ),
    _p(
        "satire",
        "ru",
        r"^\W*(?:Сатира|Пародия)\s*$",
        "Сатира",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("сатира", "пародия"),
    ),
    _p(
        "satire",
        "uk",
        r"^\W*(?:Сатира|Пародія)\s*$",
        "Пародія",
        scope="line",
        furniture=False,
        edge_only=True,
        keys=("сатира", "пародія"),
    ),
    # --- opinion: labels in the text itself (metadata and the address are read separately)
    _p(
        "opinion",
        "en",
        r"^\W*(?:(?:guest )?(?:opinion|op-ed|commentary|column|essay)|editorial)\s*(?:$|[|:])"
        r"|\bthis (?:article|piece|column) is (?:an )?(?:opinion|op-ed|commentary)\b",
        "OPINION",
        furniture=False,
        edge_only=True,
        keys=("opinion", "op-ed", "commentary", "column", "guest essay", "editorial"),
    ),
    _p(
        "opinion",
        "de",
        r"^\W*(?:Meinung|Kommentar|Gastkommentar|Gastbeitrag|Standpunkt|Kolumne)\s*(?:$|[|:])",
        "Kommentar",
        furniture=False,
        edge_only=True,
        keys=("meinung", "kommentar", "gastbeitrag", "standpunkt", "kolumne"),
    ),
    _p(
        "opinion",
        "fr",
        r"^\W*(?:tribune|opinion|point de vue|chronique|éditorial)\s*(?:$|[|:])"
        r"|\b(?:ce texte|cet article) est une tribune",
        "TRIBUNE",
        furniture=False,
        edge_only=True,
        keys=("tribune", "opinion", "point de vue", "chronique", "éditorial"),
    ),
    _p(
        "opinion",
        "es",
        r"^\W*(?:opinión|tribuna|columna|editorial)\s*(?:$|[|:])",
        "Opinión",
        furniture=False,
        edge_only=True,
        keys=("opinión", "tribuna", "columna", "editorial"),
    ),
    _p(
        "opinion",
        "pt",
        r"^\W*(?:opinião|artigo de opinião|coluna|editorial)\s*(?:$|[|:])",
        "Opinião",
        furniture=False,
        edge_only=True,
        keys=("opinião", "coluna", "editorial"),
    ),
    _p(
        "opinion",
        "ru",
        r"^\W*(?:мнение|колонка|точка зрения|авторская колонка)\s*(?:$|[|:])",
        "Мнение",
        furniture=False,
        edge_only=True,
        keys=("мнение", "колонка", "точка зрения"),
    ),
    _p(
        "opinion",
        "uk",
        r"^\W*(?:думка|колонка|точка зору|авторська колонка)\s*(?:$|[|:])",
        "Думка",
        furniture=False,
        edge_only=True,
        keys=("думка", "колонка", "точка зору"),
    ),
    # --- ai_generated: the piece says a machine wrote it
    _p(
        "ai_generated",
        "en",
        r"\b(?:this|the) (?:article|story|text|content|summary|post|piece)\b[^.\n]{0,40}\b(?:was"
        r"|is|has been) (?:\w+ )?(?:generated|written|created|produced|drafted)(?: in part)?"
        r" (?:with|by|using) (?:the (?:help|assistance|use) of )?(?:an? )?(?:AI|artificial"
        r" intelligence|generative AI|ChatGPT|(?:large )?language model)"
        r"|\bwritten with the help of (?:AI|artificial intelligence)",
        "This article was generated with AI and reviewed by an editor.",
        furniture=False,
        edge_only=True,
        keys=("generated", "written", "created", "produced", "drafted"),
    ),
    _p(
        "ai_generated",
        "en",
        r"^\W*AI[- ]generated summary\s*(?:$|[.:|\-–—])",
        "AI-generated summary. Our editors reviewed this content.",
        furniture=False,
        edge_only=True,
        keys=("ai",),
    ),
    _p(
        "ai_generated",
        "de",
        r"\b(?:ist|wurde) KI-generiert|^\W*KI-generiert|\b(?:mit Hilfe|mithilfe|mit Unterstützung)"
        r" (?:von |einer )?(?:KI|künstlicher Intelligenz) (?:erstellt|generiert|verfasst"
        r"|geschrieben)",
        "Dieser Text wurde mithilfe von KI erstellt und von der Redaktion geprüft.",
        furniture=False,
        edge_only=True,
        keys=("ki-generiert", " ki ", "künstlicher intelligenz"),
    ),
    _p(
        "ai_generated",
        "fr",
        rf"\b(?:généré|rédigé|écrit|réalisé|produit|créé|traduit)e?s? (?:en partie )?(?:par|avec"
        rf"|grâce à|(?:avec |à )l{_A}aide (?:de |d{_A}))\s*(?:une |l{_A}|la )?(?:IA|intelligence"
        r" artificielle)\b",
        "Cet article a été généré par l'IA puis relu par la rédaction.",
        furniture=False,
        edge_only=True,
        keys=("l'ia", "l’ia", "lʼia", "une ia", "intelligence artificielle"),
    ),
    _p(
        "ai_generated",
        "es",
        r"\b(?:generad|escrit|redactad|cread|elaborad|producid|traducid)[oa]s? (?:en parte )?"
        r"(?:por|con|mediante|usando|utilizando|con (?:la )?(?:ayuda|asistencia) de) (?:una |la )?"
        r"(?:IA|inteligencia artificial)\b",
        "Este artículo fue generado con IA y revisado por un editor.",
        furniture=False,
        edge_only=True,
        keys=(" ia", "inteligencia artificial"),
    ),
    _p(
        "ai_generated",
        "pt",
        r"\b(?:gerad|escrit|redigid|criad|elaborad|produzid|traduzid)[oa]s? (?:em parte )?(?:por"
        r"|com|usando|com (?:a )?(?:ajuda|assistência|auxílio) d[ae]) (?:uma |a )?(?:IA"
        r"|inteligência artificial)\b",
        "Este texto foi gerado por IA e revisado pela redação.",
        furniture=False,
        edge_only=True,
        keys=(" ia", "inteligência artificial"),
    ),
    _p(
        "ai_generated",
        "ru",
        r"\bсгенерирован\w* (?:с помощью |при помощи )?(?:нейросет\w+|ИИ|искусственн\w+"
        r" интеллект\w*)|\b(?:создан|написан|подготовлен|сгенерирован)\w* (?:с помощью|при помощи"
        r"|с использованием) (?:нейросет\w+|ИИ|искусственного интеллекта)\b",
        "Текст сгенерирован нейросетью и проверен редактором.",
        furniture=False,
        edge_only=True,
        keys=(" ии", "нейросет", "искусственн"),
    ),
    _p(
        "ai_generated",
        "uk",
        r"\bзгенерован\w* (?:за допомогою )?(?:ШІ|нейромереж\w+|штучн\w+ інтелект\w*)"
        r"|\b(?:створен|написан|підготовлен)\w* (?:за допомогою|з використанням) (?:ШІ"
        r"|нейромереж\w+|штучного інтелекту)\b",
        "Текст згенеровано ШІ та перевірено редактором.",
        furniture=False,
        edge_only=True,
        keys=("ші", "нейромереж", "штучн"),
    ),
    # --- funding: who paid for the reporting (a grant, a foundation), not a paid placement.
    # The subject must be the piece itself: "The study was supported by a grant from the NIH"
    # is news about a study.
    _p(
        "funding",
        "en",
        r"\b(?:this|our) (?:story|article|report|reporting|series|coverage|investigation|piece"
        r"|journalism|project)\b[^.\n]{0,60}\b(?:(?:supported|funded|underwritten|made possible)"
        r"(?: in part)? (?:by|through)|with (?:the )?(?:financial )?support (?:of|from))\b",
        "This story is part of a series supported by a grant from the Acme Foundation.",
        furniture=False,
        edge_only=True,
        keys=("supported", "funded", "underwritten", "made possible", "support"),
    ),
    _p(
        "funding",
        "de",
        r"\b(?:diese[rs]?) (?:Recherche|Artikel|Beitrag|Text|Serie|Projekt|Reportage)\b"
        r"(?:[^.\n]{0,80}\b(?:gefördert|finanziert)\b|[^.\n]{0,40}\bmit (?:der )?Unterstützung"
        r" (?:von|der|des|unserer)\b[^.\n]{0,60}\b(?:realisiert|ermöglicht|entstanden)\b)"
        r"|\bmit (?:finanzieller )?(?:Förderung"
        r"|Mitteln) (?:der|des|von)\b[^.\n]{0,60}\b(?:Stiftung|Fonds|Programm)",
        "Diese Recherche wurde von der Rudolf Augstein Stiftung gefördert.",
        furniture=False,
        edge_only=True,
        keys=("gefördert", "finanziert", "mit ", "unterstützung"),
    ),
    _p(
        "funding",
        "fr",
        r"\b(?:cet article|cette enquête|ce reportage|cette série|ce projet)\b[^.\n]{0,60}"
        r"\b(?:(?:financée?s?|soutenue?s?|subventionnée?s?) par|(?:grâce au|avec le) soutien"
        r" (?:financier )?(?:de|du|des)\b)",
        "Cette enquête a été réalisée avec le soutien de la Fondation Acme.",
        furniture=False,
        edge_only=True,
        keys=("financé", "soutenu", "subventionné", "grâce au soutien", "avec le soutien"),
    ),
    _p(
        "funding",
        "es",
        r"\b(?:este artículo|este reportaje|esta investigación|esta serie|este proyecto)\b"
        r"[^.\n]{0,60}\b(?:(?:financiad|apoyad)[oa]s? por|con (?:el )?(?:apoyo|financiación"
        r"|financiamiento) (?:de|del)\b)",
        "Esta investigación fue financiada por la Fundación Acme.",
        furniture=False,
        edge_only=True,
        keys=("financiad", "apoyad", "con el apoyo", "con apoyo", "con financia"),
    ),
    _p(
        "funding",
        "pt",
        r"\b(?:esta reportagem|este artigo|esta matéria|esta série|este projeto)\b[^.\n]{0,60}"
        r"\b(?:(?:financiad|apoiad)[oa]s? (?:por|pel[oa]s?)|com (?:o )?(?:apoio|financiamento)"
        r" d[aeo]s?)\b",
        "Esta reportagem foi produzida com o apoio do Instituto Acme.",
        furniture=False,
        edge_only=True,
        keys=("financiad", "apoiad", "com o apoio", "com apoio", "com financia", "com o financia"),
    ),
    _p(
        "funding",
        "ru",
        r"\b(?:материал|статья|публикация|проект|расследование)\b[^.\n]{0,40}\b(?:(?:при"
        r" (?:финансовой )?поддержке|на средства|за сч[её]т средств)[^.\n]{0,40}\b(?:грант\w*"
        r"|фонд\w*)|на (?:средства )?грант\w*)",
        "Материал подготовлен при поддержке Фонда президентских грантов.",
        furniture=False,
        edge_only=True,
        keys=("при поддержке", "при финансовой", "на средства", "за счет", "за счёт", "на грант"),
    ),
    _p(
        "funding",
        "uk",
        r"\b(?:матеріал|статтю|публікацію|проєкт|розслідування)\b[^.\n]{0,40}\b(?:створено"
        r"|підготовлено|опубліковано|реалізовано|виготовлено|зроблено) (?:за (?:фінансової )?"
        r"підтримки|коштом|на кошти)\b",
        "Цей матеріал підготовлено за підтримки Європейського Союзу.",
        furniture=False,
        edge_only=True,
        keys=(
            "створено",
            "підготовлено",
            "опубліковано",
            "реалізовано",
            "виготовлено",
            "зроблено",
        ),
    ),
)

# A note saying the (advertising) disclosure printed on the page does not apply to this piece.
NEGATION = re.compile(
    r"\b(?:disclaimer|disclosure|notice)s? (?:below|above) (?:does|do) not apply"
    r"|\b(?:does|do) not apply to this (?:article|story|post)",
    re.I,
)
NEGATED_CATEGORIES = frozenset({"affiliate", "sponsored"})

# Section names, URL path segments and JSON-LD types that mark opinion and sponsored pieces.
OPINION_SECTIONS = frozenset(
    {
        "opinion",
        "opinions",
        "ideas",
        "commentary",
        "op-ed",
        "op-eds",
        "editorial",
        "editorials",
        "columns",
        "columnists",
        "meinung",
        "kommentar",
        "kommentare",
        "gastbeitrag",
        "gastbeiträge",
        "standpunkt",
        "tribune",
        "tribunes",
        "idées",
        "débats",
        "opinión",
        "opiniones",
        "tribuna",
        "opinião",
        "мнение",
        "мнения",
        "колонки",
        "колумнисты",
        "думка",
        "думки",
        "колонки авторів",
        "блоги",
    }
)
OPINION_URL_SEGMENTS = frozenset(
    {
        "commentisfree",
        "columns",
        "column",
        "colunas",
        "columnas",
        "kolumne",
        "kolumnen",
        "debatten",
        "gastbeitraege",
        "kolonki",
        "kolonky",
        "opinion",
        "opinions",
        "ideas",
        "commentary",
        "op-ed",
        "oped",
        "editorials",
        "columnists",
        "meinung",
        "kommentar",
        "kommentare",
        "gastbeitrag",
        "tribune",
        "tribunes",
        "idees",
        "opiniones",
        "tribuna",
        "opiniao",
        "mnenie",
        "mneniya",
        "dumka",
        "dumky",
        "blogs",
    }
)
# Article slugs that open with the label: spiegel.de/.../kolumne-..., dw.com/de/kommentar-...
# (not "opinion-", which opens "opinion-poll-..." news slugs).
OPINION_SLUG_PREFIXES = ("kolumne-", "kommentar-", "gastbeitrag-", "gastkommentar-", "meinung-")
# Parts of a page title that label the piece: "Opinion | Why the plan fails".
OPINION_TITLE_LABELS = frozenset(
    {
        "opinion",
        "opinions",
        "op-ed",
        "commentary",
        "editorial",
        "guest opinion",
        "guest column",
        "guest essay",
        "guest commentary",
        "meinung",
        "kommentar",
        "gastkommentar",
        "gastbeitrag",
        "kolumne",
        "standpunkt",
        "tribune",
        "point de vue",
        "éditorial",
        "opinión",
        "tribuna",
        "opinião",
        "artigo de opinião",
        "мнение",
        "авторская колонка",
        "думка",
        "авторська колонка",
    }
)
OPINION_HOST_LABELS = frozenset({"blogs", "blog"})  # reader/staff blog subdomains
OPINION_JSONLD = re.compile(r"\bOpinionNewsArticle\b")
SPONSORED_SECTIONS = frozenset(
    {
        "sponsored",
        "sponsored content",
        "advertorial",
        "paid content",
        "partner content",
        "anzeige",
        "werbung",
        "publireportage",
        "contenu sponsorisé",
        "contenido patrocinado",
        "conteúdo patrocinado",
        "реклама",
        "на правах рекламы",
        "партнерский материал",
        "партнерський матеріал",
    }
)
SPONSORED_URL_SEGMENTS = frozenset(
    {"sponsored", "advertorial", "paid-content", "partner-content", "anzeige", "publireportage"}
)
