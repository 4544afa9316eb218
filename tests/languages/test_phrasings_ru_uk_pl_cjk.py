"""Labels and copy notices as Russian, Ukrainian and Polish pages and Chinese and Japanese
portals print them, each where publishers put it, and the look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from checks.builtin.disclaimers import Disclaimers
from checks.builtin.original_source import OriginalSource
from checks.model import Article, Region
from checks.testing import BODY_END, BODY_MIDDLE, BODY_TOP, placed_article

BODY = {
    "ru": "Городской совет во вторник проголосовал за закрытие моста.\n"
    "Работы начнутся в мае.\nОни продлятся год.",
    "uk": "Міська рада у вівторок проголосувала за закриття мосту.\n"
    "Роботи почнуться у травні.\nВони триватимуть рік.",
    "pl": "Rada miasta we wtorek zagłosowała za zamknięciem mostu.\n"
    "Prace ruszą w maju.\nPotrwają rok.",
    "zh": "市议会周二投票决定关闭这座桥。\n工程将于五月开始。\n工期为一年。",
    "ja": "市議会は火曜日、橋の閉鎖を決めた。\n工事は5月に始まる。\n期間は1年の予定だ。",
}
REGIONS = {
    "top": Region.ABOVE_HEADLINE,
    "byline": Region.BYLINE,
    "before": Region.BEFORE_BODY,
    "after": Region.AFTER_BODY,
    "aside": Region.ASIDE,
    "footer": Region.FOOTER,
}


# The body's first, middle and last line, in the tables' words.
IN_BODY = {"body-top": BODY_TOP, "body-mid": BODY_MIDDLE, "body-end": BODY_END}


def page(lang: str, where: str, line: str) -> Article:
    """An article in `lang` with `line` where a publisher prints it: a region of the page, or
    the body's first line, its last, or its middle ("body-top", "body-end", "body-mid")."""
    body = BODY[lang].split("\n")
    return placed_article(
        line,
        REGIONS.get(where) or IN_BODY[where],
        body,
        middle=(body * 4, body * 4),
        language=lang,
        # the reader keeps the site's footer and sidebars apart, as the page's furniture
        furniture_text=line if where == "footer" else "",
    )


# (where, line, category the checklist shows, or None: nothing at all)
LABELS = [
    # --- Russian
    # sponsored: a kicker above the headline, the ad-law line ("Реклама. ООО … ИНН … erid")
    ("top", "На правах рекламы", "sponsored"),
    ("top", "Реклама", "sponsored"),
    ("top", "Партнёрский материал", "sponsored"),
    ("top", "Спецпроект", "sponsored"),
    ("top", "Материал партнера", "sponsored"),
    ("top", "Партнерский проект", "sponsored"),
    ("top", "При поддержке Альфа-Банка", "sponsored"),
    ("before", "Статья опубликована на правах рекламы.", "sponsored"),
    ("after", "Реклама. ООО «Ромашка», ИНН 7701234567, erid: LjN8KXYZ1", "sponsored"),
    (
        "after",
        "Реклама. Рекламодатель ООО «Альфа», ИНН 7712345678. Erid: 2VtzqwZ4kLm",
        "sponsored",
    ),
    ("body-end", "Реклама. АО «Тинькофф Банк», ИНН 7710140679. erid: 2SDnjdGJ1aB", "sponsored"),
    ("body-end", "Материал опубликован на коммерческой основе.", "sponsored"),
    ("footer", "Реклама", None),
    ("aside", "Реклама", None),
    ("body-mid", "Компания потратила на рекламу 2 млрд рублей за год.", None),
    ("body-mid", "Закон требует маркировать рекламу токеном erid до показа.", None),
    ("body-mid", "Партнерский материал о банке вызвал споры в сети.", None),
    ("body-mid", "Форум прошёл при поддержке правительства Москвы.", None),
    ("top", "При поддержке Фонда президентских грантов", None),
    ("top", "При поддержке губернатора Московской области", None),
    # affiliate: under the byline or after the text
    (
        "after",
        "В статье есть партнёрские ссылки: мы можем получить комиссию с покупки.",
        "affiliate",
    ),
    ("byline", "Статья содержит партнерские ссылки.", "affiliate"),
    ("after", "Мы можем получать комиссию с покупок по ссылкам в этой статье.", "affiliate"),
    ("after", "Если вы купите товар по ссылке, мы получим небольшую комиссию.", "affiliate"),
    (
        "after",
        "Редакция может получать вознаграждение за покупки по ссылкам в тексте.",
        "affiliate",
    ),
    ("after", "Некоторые ссылки в материале являются реферальными.", "affiliate"),
    (
        "before",
        "Ссылки в тексте — партнёрские: с покупок по ним мы получаем процент.",
        "affiliate",
    ),
    ("after", "Это партнерская ссылка: покупая по ней, вы поддерживаете редакцию.", "affiliate"),
    ("body-mid", "Агентство получает комиссию за каждую проданную квартиру.", None),
    ("body-mid", "Банк берёт комиссию 1% за перевод по ссылке.", None),
    # correction: a note after the text or at its top
    (
        "after",
        "Исправление: в первоначальной версии статьи была неверно указана фамилия министра.",
        "correction",
    ),
    ("after", "Уточнение: ранее в материале говорилось, что суд отклонил иск.", "correction"),
    (
        "body-end",
        "В первоначальной версии статьи ошибочно говорилось, что закон вступит в силу в марте.",
        "correction",
    ),
    ("after", "Редакция приносит извинения за допущенную ошибку.", "correction"),
    ("body-end", "Ранее в статье ошибочно утверждалось, что мэр подал в отставку.", "correction"),
    ("body-top", "UPD: пресс-служба министерства подтвердила информацию о встрече.", "correction"),
    (
        "after",
        "Upd. 15:40. Министерство ответило на запрос редакции и подтвердило отставку.",
        "correction",
    ),
    ("after", "В материал внесены изменения: уточнена дата заседания суда.", "correction"),
    ("after", "Материал исправлен: в заголовке была неверно указана сумма.", "correction"),
    ("after", "Обновлено в 15:40: добавлен комментарий пресс-службы мэрии.", "correction"),
    (
        "after",
        "Поправка: в предыдущей версии новости был неверно указан возраст погибшего.",
        "correction",
    ),
    ("body-end", "Текст был дополнен комментарием губернатора области.", "correction"),
    (
        "after",
        "В новости была допущена ошибка в названии компании. Приносим извинения.",
        "correction",
    ),
    ("body-mid", "Осуждённый отбывал срок в исправительной колонии № 5.", None),
    ("body-mid", "Депутаты предложили поправки в закон о рекламе.", None),
    ("body-top", "Обновление iOS 18: что нового", None),
    ("footer", "Исправления и уточнения", None),
    ("body-mid", "Пресс-секретарь принёс извинения за допущенную в отчёте ошибку.", None),
    ("body-end", "«Приносим извинения за доставленные неудобства», — сообщили в компании.", None),
    ("body-end", "Ранее в статье «Ведомостей» сообщалось, что сделка сорвалась.", None),
    # opinion: the label above the headline
    ("top", "Мнение", "opinion"),
    ("top", "Колонка", "opinion"),
    ("top", "Точка зрения", "opinion"),
    ("top", "Авторская колонка", "opinion"),
    ("top", "Мнение | Иван Петров", "opinion"),
    ("top", "Колонка Дмитрия Быкова", "opinion"),
    ("top", "Колонка главного редактора", "opinion"),
    ("top", "Особое мнение", "opinion"),
    ("top", "Мнение эксперта", "opinion"),
    ("top", "Редакционная колонка", "opinion"),
    ("body-mid", "По мнению экспертов, цены продолжат расти.", None),
    ("body-top", "Опрос общественного мнения показал рост рейтинга мэра.", None),
    ("footer", "Мнения", None),
    # views_not_endorsed: after the text, in a column or a blog
    ("after", "Мнение редакции может не совпадать с мнением автора.", "views_not_endorsed"),
    ("after", "Мнение автора может не совпадать с позицией редакции.", "views_not_endorsed"),
    ("after", "Точка зрения автора может не совпадать с позицией редакции.", "views_not_endorsed"),
    ("after", "Редакция может не разделять мнение автора.", "views_not_endorsed"),
    (
        "after",
        "Мнения, высказанные в материале, могут не совпадать с позицией редакции.",
        "views_not_endorsed",
    ),
    ("after", "Материал отражает личное мнение автора.", "views_not_endorsed"),
    ("after", "Публикация отражает исключительно точку зрения автора.", "views_not_endorsed"),
    (
        "after",
        "Материалы ИноСМИ содержат оценки исключительно зарубежных СМИ и не отражают позицию"
        " редакции ИноСМИ.",
        "views_not_endorsed",
    ),
    ("after", "Редакция не всегда разделяет мнение авторов колонок.", "views_not_endorsed"),
    ("body-end", "Позиция редакции может не совпадать с мнением автора.", "views_not_endorsed"),
    ("body-mid", "Мнение министра не совпадает с позицией правительства.", None),
    ("body-mid", "Суд не разделяет позицию защиты, сообщил адвокат.", None),
    ("body-mid", "Опрос отражает мнение большинства жителей.", None),
    # liability: the outlet's or the footer's
    (
        "footer",
        "Редакция не несёт ответственности за содержание рекламных материалов.",
        "liability",
    ),
    ("after", "Ответственность за достоверность информации несут авторы.", "liability"),
    (
        "footer",
        "Авторы публикаций несут полную ответственность за подбор и точность приведённых фактов.",
        "liability",
    ),
    ("footer", "Редакция не отвечает за содержание рекламных объявлений.", "liability"),
    ("footer", "За содержание рекламы ответственность несёт рекламодатель.", "liability"),
    ("after", "Не является индивидуальной инвестиционной рекомендацией.", "liability"),
    (
        "after",
        "Информация носит ознакомительный характер и не является инвестиционной рекомендацией.",
        "liability",
    ),
    ("after", "Материал носит исключительно информационный характер.", "liability"),
    ("footer", "Администрация сайта не несет ответственности за комментарии.", "liability"),
    ("body-mid", "Компания не несёт ответственности за подрядчиков, заявил юрист.", None),
    ("body-mid", "Прокуратура установит, кто несёт ответственность за аварию.", None),
    ("body-mid", "Аналитик подчеркнул, что это не является инвестиционной рекомендацией.", None),
    ("body-mid", "Визит носит ознакомительный характер, сообщили в мэрии.", None),
    ("after", "Информация о ценах не является публичной офертой.", "liability"),
    ("body-end", "В банке подчеркнули, что рассылка не является офертой.", None),
    # press_release
    ("top", "Пресс-релиз", "press_release"),
    ("body-end", "Публикуется на правах пресс-релиза.", "press_release"),
    ("after", "Материал предоставлен пресс-службой компании.", "press_release"),
    ("after", "Информация предоставлена пресс-службой администрации города.", "press_release"),
    ("body-mid", "Как говорится в пресс-релизе компании, выручка выросла на 12%.", None),
    ("body-top", "Компания распространила пресс-релиз о выходе на биржу.", None),
    ("after", "Фото предоставлено пресс-службой администрации города.", None),
    ("footer", "Пресс-релизы", None),
    # partner
    ("after", "Материал подготовлен совместно с изданием «Новая газета Европа».", "partner"),
    ("after", "Текст подготовлен в партнерстве с фондом «Общественный вердикт».", "partner"),
    ("top", "Совместный проект «Медузы» и «Кинопоиска»", "partner"),
    ("after", "Материал подготовлен в рамках партнёрства с порталом «Такие дела».", "partner"),
    ("body-mid", "Банк и фонд запустили совместный проект для школ.", None),
    # --- Ukrainian
    ("top", "На правах реклами", "sponsored"),
    ("top", "Партнерський матеріал", "sponsored"),
    ("top", "Спецпроєкт", "sponsored"),
    ("top", "Матеріал партнера", "sponsored"),
    ("top", "Промо", "sponsored"),
    ("top", "За підтримки Райффайзен Банку", "sponsored"),
    ("before", "Матеріал опубліковано на правах реклами.", "sponsored"),
    ("body-end", "Матеріал розміщено на комерційній основі.", "sponsored"),
    ("top", "Спонсорований матеріал", "sponsored"),
    ("body-mid", "Компанія витратила на рекламу 2 млн гривень.", None),
    ("body-mid", "Форум відбувся за підтримки Міністерства освіти.", None),
    ("top", "За підтримки Київської міської ради", None),
    ("after", "У статті є партнерські посилання: ми можемо отримати комісію.", "affiliate"),
    ("after", "Ми можемо отримувати комісію з покупок за посиланнями в цій статті.", "affiliate"),
    ("after", "Редакція може отримати винагороду за покупки за посиланнями.", "affiliate"),
    ("after", "Деякі посилання в статті є партнерськими.", "affiliate"),
    ("after", "Якщо ви купите товар за посиланням, ми отримаємо невелику комісію.", "affiliate"),
    ("body-mid", "Банк стягує комісію 1% за переказ.", None),
    (
        "after",
        "Виправлення: у попередній версії статті було неправильно вказано дату засідання.",
        "correction",
    ),
    ("after", "Уточнення: раніше в матеріалі йшлося, що суд відхилив позов.", "correction"),
    ("after", "Оновлено: додано коментар пресслужби Міністерства охорони здоров'я.", "correction"),
    (
        "body-end",
        "В попередній версії матеріалу помилково зазначено прізвище міністра.",
        "correction",
    ),
    ("after", "Редакція перепрошує за помилку.", "correction"),
    (
        "body-end",
        "Раніше в матеріалі помилково зазначалося, що мер подав у відставку.",
        "correction",
    ),
    ("after", "Статтю було виправлено: у заголовку була неправильна сума.", "correction"),
    ("after", "Ми виправили помилку в заголовку.", "correction"),
    ("body-end", "В оригінальній версії статті було неправильно вказано дату.", "correction"),
    ("body-mid", "Засуджений відбував покарання у виправній колонії.", None),
    ("body-mid", "Речник перепрошує за незручності, пов'язані з ремонтом.", None),
    ("top", "Думка", "opinion"),
    ("top", "Колонка", "opinion"),
    ("top", "Точка зору", "opinion"),
    ("top", "Авторська колонка", "opinion"),
    ("top", "Колонка Віталія Портникова", "opinion"),
    ("top", "Думка експерта", "opinion"),
    ("body-mid", "На думку експертів, ціни зростатимуть.", None),
    ("after", "Думка автора може не збігатися з позицією редакції.", "views_not_endorsed"),
    ("after", "Редакція може не поділяти думку автора.", "views_not_endorsed"),
    ("after", "Редакція може не поділяти думки авторів блогів.", "views_not_endorsed"),
    (
        "after",
        "Думки, висловлені в колонці, можуть не збігатися з позицією редакції.",
        "views_not_endorsed",
    ),
    ("after", "Матеріал відображає особисту думку автора.", "views_not_endorsed"),
    ("after", "Публікація відображає виключно позицію автора.", "views_not_endorsed"),
    ("after", "Позиція редакції може не співпадати з думкою автора.", "views_not_endorsed"),
    ("after", "Редакція не завжди поділяє думки авторів.", "views_not_endorsed"),
    ("body-mid", "Суд не поділяє позицію захисту.", None),
    ("body-mid", "Опитування відображає думку більшості мешканців.", None),
    ("footer", "Редакція не несе відповідальності за зміст рекламних матеріалів.", "liability"),
    ("after", "Відповідальність за достовірність фактів несуть автори.", "liability"),
    (
        "footer",
        "Автори публікацій несуть повну відповідальність за підбір і точність фактів.",
        "liability",
    ),
    ("footer", "За зміст реклами відповідальність несе рекламодавець.", "liability"),
    ("after", "Матеріал не є інвестиційною рекомендацією.", "liability"),
    ("after", "Інформація має виключно ознайомчий характер.", "liability"),
    ("body-mid", "Прокуратура з'ясує, хто несе відповідальність за аварію.", None),
    ("top", "Прес-реліз", "press_release"),
    ("body-end", "Публікується на правах прес-релізу.", "press_release"),
    ("after", "Інформацію надано пресслужбою компанії.", "press_release"),
    ("body-mid", "Як ідеться в прес-релізі компанії, виручка зросла.", None),
    ("after", "Фото надано пресслужбою міської ради.", None),
    ("after", "Матеріал підготовлено у партнерстві з виданням «Бабель».", "partner"),
    ("top", "Спільний проєкт «Суспільного» та «Громадського»", "partner"),
    # --- Polish
    ("top", "Artykuł sponsorowany", "sponsored"),
    ("top", "Materiał partnera", "sponsored"),
    ("top", "Materiał promocyjny", "sponsored"),
    ("top", "Reklama", "sponsored"),
    ("top", "Materiał sponsorowany", "sponsored"),
    ("top", "Współpraca reklamowa", "sponsored"),
    ("top", "Post sponsorowany", "sponsored"),
    ("after", "Artykuł powstał we współpracy z marką Samsung.", "sponsored"),
    ("after", "Wpis powstał we współpracy z marką Rossmann.", "sponsored"),
    ("body-end", "Materiał powstał przy współpracy z marką Orlen.", "sponsored"),
    ("after", "Tekst powstał na zlecenie firmy Acme.", "sponsored"),
    ("after", "Artykuł zawiera lokowanie produktu.", "sponsored"),
    ("footer", "Reklama", None),
    ("body-mid", "Firma wydała na reklamę 2 mln zł w ubiegłym roku.", None),
    ("body-mid", "Artykuł sponsorowany przez ambasadę wywołał burzę.", None),
    ("body-end", "Firma zakończyła współpracę reklamową z piłkarzem.", None),
    ("body-end", "Film powstał na zlecenie Ministerstwa Kultury.", None),
    ("after", "Artykuł zawiera linki afiliacyjne.", "affiliate"),
    ("byline", "Wpis zawiera linki partnerskie.", "affiliate"),
    ("after", "Linki w tekście są linkami afiliacyjnymi.", "affiliate"),
    ("after", "Za zakupy z linków w tekście możemy otrzymać prowizję.", "affiliate"),
    ("after", "Jeśli kupisz produkt przez nasz link, otrzymamy niewielką prowizję.", "affiliate"),
    ("after", "Redakcja może otrzymać prowizję od sprzedaży.", "affiliate"),
    ("after", "Oznaczone gwiazdką linki są linkami afiliacyjnymi.", "affiliate"),
    ("body-mid", "Pośrednik otrzymuje prowizję od każdej sprzedanej polisy.", None),
    ("body-mid", "Agent może otrzymać prowizję od sprzedaży mieszkania.", None),
    ("body-end", "Autor może otrzymać prowizję od sprzedaży każdego egzemplarza.", None),
    ("after", "Sprostowanie: w pierwotnej wersji tekstu podaliśmy błędną datę.", "correction"),
    ("after", "Korekta: nazwisko ministra zostało poprawione w całym tekście.", "correction"),
    (
        "body-end",
        "W pierwotnej wersji artykułu błędnie podaliśmy, że ustawa wejdzie w życie w marcu.",
        "correction",
    ),
    ("after", "Przepraszamy za pomyłkę.", "correction"),
    ("after", "Za błąd przepraszamy.", "correction"),
    ("body-end", "W artykule błędnie podaliśmy, że burmistrz podał się do dymisji.", "correction"),
    ("after", "Poprawiliśmy błąd w tytule.", "correction"),
    (
        "after",
        "Aktualizacja (godz. 14:30): ministerstwo potwierdziło informację w oficjalnym"
        " komunikacie.",
        "correction",
    ),
    ("after", "Artykuł zaktualizowano o komentarz ministerstwa.", "correction"),
    ("body-end", "Wcześniej błędnie napisaliśmy, że spółka zbankrutowała.", "correction"),
    ("body-mid", "Korekta podatku VAT wyniesie 2 mld zł, podało ministerstwo.", None),
    ("body-mid", "Rzecznik przeprosił za pomyłkę w komunikacie.", None),
    ("footer", "Sprostowania", None),
    ("top", "Opinia", "opinion"),
    ("top", "Felieton", "opinion"),
    ("top", "Komentarz", "opinion"),
    ("top", "Punkt widzenia", "opinion"),
    ("top", "Polemika", "opinion"),
    ("top", "List do redakcji", "opinion"),
    ("body-top", "Opinia biegłego była kluczowa dla sprawy.", None),
    ("body-mid", "Sondaż opinii publicznej przeprowadzono w maju.", None),
    (
        "after",
        "Opinie wyrażone w tekście są opiniami autora i nie muszą odzwierciedlać stanowiska"
        " redakcji.",
        "views_not_endorsed",
    ),
    (
        "after",
        "Tekst wyraża poglądy autora, które nie muszą być zgodne ze stanowiskiem redakcji.",
        "views_not_endorsed",
    ),
    ("after", "Redakcja nie musi podzielać poglądów autora.", "views_not_endorsed"),
    ("after", "Artykuł wyraża wyłącznie opinię autora.", "views_not_endorsed"),
    ("after", "Poglądy wyrażone w artykule są poglądami autora.", "views_not_endorsed"),
    (
        "after",
        "Stanowisko autora nie jest tożsame ze stanowiskiem redakcji.",
        "views_not_endorsed",
    ),
    ("after", "Redakcja nie zawsze podziela opinie autorów felietonów.", "views_not_endorsed"),
    ("after", "Felieton odzwierciedla wyłącznie poglądy autora.", "views_not_endorsed"),
    ("after", "Zdanie autora nie musi być zgodne ze zdaniem redakcji.", "views_not_endorsed"),
    ("body-mid", "Minister nie podziela opinii ekspertów.", None),
    ("body-mid", "Sondaż odzwierciedla wyłącznie opinię mieszkańców stolicy.", None),
    ("footer", "Redakcja nie ponosi odpowiedzialności za treść ogłoszeń.", "liability"),
    ("footer", "Wydawca nie odpowiada za treść reklam.", "liability"),
    (
        "after",
        "Materiał nie stanowi rekomendacji w rozumieniu przepisów o obrocie instrumentami"
        " finansowymi.",
        "liability",
    ),
    (
        "after",
        "Artykuł ma charakter wyłącznie informacyjny i nie stanowi porady inwestycyjnej.",
        "liability",
    ),
    ("after", "Treść artykułu nie stanowi porady medycznej.", "liability"),
    ("footer", "Odpowiedzialność za treść wpisów ponoszą ich autorzy.", "liability"),
    ("body-mid", "Spółka nie ponosi odpowiedzialności za szkody, orzekł sąd.", None),
    ("body-mid", "Prokurator uznał, że to nie stanowi przestępstwa.", None),
    ("body-end", "Rzecznik urzędu podkreślił, że ulotka nie stanowi oferty.", None),
    ("top", "Informacja prasowa", "press_release"),
    ("top", "Komunikat prasowy", "press_release"),
    ("top", "Materiał prasowy", "press_release"),
    ("body-end", "Źródło: informacja prasowa", "press_release"),
    ("after", "Źródło: materiały prasowe firmy Acme", "press_release"),
    ("after", "Fot. materiały prasowe", None),
    ("body-mid", "Jak czytamy w komunikacie prasowym, zysk wzrósł o 5 proc.", None),
    ("after", "Tekst publikujemy w ramach współpracy z portalem OKO.press.", "partner"),
    ("top", "Partnerem materiału jest Fundacja Batorego", "partner"),
    # --- Chinese and Japanese portals
    ("top", "广告", "sponsored"),
    ("top", "推广", "sponsored"),
    ("body-end", "本文由华为赞助。", "sponsored"),
    ("body-end", "（本文为商业推广内容）", "sponsored"),
    ("footer", "广告", None),
    ("body-mid", "该公司去年的广告收入增长了12%。", None),
    ("body-end", "声明：本文仅代表作者个人观点，不代表本站立场。", "views_not_endorsed"),
    ("after", "文章内容仅供参考，不构成投资建议。", "liability"),
    ("after", "未经授权禁止转载。", "copyright_notice"),
    ("top", "【PR】", "sponsored"),
    ("top", "[PR]", "sponsored"),
    ("top", "広告特集", "sponsored"),
    ("top", "スポンサードコンテンツ", "sponsored"),
    ("body-end", "この記事は株式会社アクメの提供でお送りしています。", "sponsored"),
    ("body-mid", "同社の広告費は前年より増えた。", None),
    ("top", "プレスリリース", "press_release"),
    ("body-mid", "同社はプレスリリースで新製品を発表した。", None),
]


@pytest.mark.parametrize(("where", "line", "category"), LABELS)
async def test_labels_where_publishers_print_them(check_ctx, where, line, category):
    lang = _language_of(line)
    result = await Disclaimers().run(page(lang, where, line), check_ctx)
    found = [f for f in result.data["findings"] if f.get("applies", True)]
    if category is None:
        assert [(f["category"], f["quote"]) for f in found] == []
        return
    quotes = [f["quote"] for f in found if f["category"] == category]
    assert quotes, found
    # the sentence quoted, or the label read as the page's section ('section "Реклама"')
    assert any(q in " ".join(line.split()) for q in quotes), quotes


# (where, line, the original's name, True for a copy whose source is not named, or None)
COPIES = [
    # --- Russian
    ("after", "Впервые опубликовано в «Новой газете».", "Новой газете"),
    ("body-end", "Материал впервые опубликован на сайте «Коммерсантъ».", "Коммерсантъ"),
    ("after", "Статья была впервые опубликована в журнале «Огонёк».", "Огонёк"),
    ("after", "Оригинал статьи: The New York Times", "The New York Times"),
    ("after", "Оригинал материала опубликован на сайте The Atlantic.", "The Atlantic"),
    ("after", "Перепечатка с разрешения журнала «Эксперт».", "Эксперт"),
    ("after", "Перепечатано с разрешения журнала «Сноб».", "Сноб"),
    ("after", "Публикуется с разрешения редакции «Republic».", "Republic"),
    ("after", "Перевод статьи The New York Times.", "The New York Times"),
    ("after", "Перевод статьи из The Guardian.", "The Guardian"),
    ("after", "Сокращённый перевод статьи из журнала Foreign Affairs.", "Foreign Affairs"),
    ("after", "Источник: «Ведомости»", "Ведомости"),
    ("body-end", "По материалам Reuters и AFP", "Reuters"),
    ("after", "Текст перепечатан из журнала «Эксперт».", "Эксперт"),
    ("body-mid", "Роман, впервые опубликованный в 1962 году, переведён на 40 языков.", None),
    ("after", "Источник: Росстат", None),
    ("after", "Источник фото: пресс-служба мэрии", None),
    ("after", "Перепечатка материалов без разрешения редакции запрещена.", None),
    ("after", "Перевод с английского: Мария Иванова", None),
    ("after", "Публикуется с разрешения правообладателя.", None),
    ("after", "Текст опубликован с согласия героини.", None),
    ("body-mid", "По материалам уголовного дела, обвиняемый скрылся.", None),
    # --- Ukrainian
    ("after", "Вперше опубліковано в «Українській правді».", "Українській правді"),
    ("body-end", "Матеріал вперше опубліковано на сайті «Дзеркало тижня».", "Дзеркало тижня"),
    ("after", "Статтю вперше опубліковано в журналі «Новое время».", "Новое время"),
    ("after", "Переклад статті The Economist.", "The Economist"),
    ("after", "Оригінал статті: The Economist", "The Economist"),
    ("after", "Передрук з дозволу редакції «Тижня».", "Тижня"),
    ("after", "Публікується з дозволу видання «Новинарня».", "Новинарня"),
    ("after", "Джерело: Укрінформ", "Укрінформ"),
    ("after", "За матеріалами Reuters", "Reuters"),
    ("after", "Переклад: Олена Петренко", None),
    ("after", "Джерело: Держстат", None),
    ("after", "Передрук матеріалів без дозволу редакції заборонено.", None),
    ("body-mid", "Книжку вперше опубліковано в 1991 році у Нью-Йорку.", None),
    # --- Polish
    ("after", "Tekst ukazał się pierwotnie w „Gazecie Wyborczej”.", "Gazecie Wyborczej"),
    ("after", "Artykuł pierwotnie opublikowany w serwisie OKO.press.", "OKO.press"),
    ("after", "Przedruk za zgodą redakcji „Polityki”.", "Polityki"),
    ("after", "Tekst ukazał się w „Tygodniku Powszechnym” nr 12/2023.", "Tygodniku Powszechnym"),
    ("after", "Artykuł ukazał się na łamach miesięcznika „Znak”.", "Znak"),
    ("after", "Tekst jest tłumaczeniem artykułu z „The Guardian”.", "The Guardian"),
    ("after", "Przedruk z „Tygodnika Powszechnego”.", "Tygodnika Powszechnego"),
    ("after", "Publikujemy za zgodą redakcji „Kultury Liberalnej”.", "Kultury Liberalnej"),
    ("after", "Źródło: „Rzeczpospolita”", "Rzeczpospolita"),
    ("after", "Źródło: informacja prasowa", None),
    ("after", "Przedruk z podaniem źródła dozwolony.", None),
    ("after", "Tłumaczenie tekstu z „The Economist”.", "The Economist"),
    ("after", "Tłumaczenie: Jan Kowalski", None),
    ("body-mid", "Książka ukazała się pierwotnie w 1982 roku w Paryżu.", None),
    ("after", "Źródło: GUS", None),
    ("body-mid", "Tekst ustawy został opublikowany w Dzienniku Ustaw w piątek.", None),
    ("after", "Przedruk bez zgody redakcji zabroniony.", None),
    ("after", "Fot. PAP/Leszek Szymański", None),
    # --- Chinese portals
    ("after", "稿件来源：新华网", "新华网"),
    ("body-end", "来源：新华社", "新华社"),
    ("after", "文章来源：界面新闻", "界面新闻"),
    ("after", "原文链接：https://www.wsj.com/articles/abc", "wsj.com"),
    ("after", "本文来源于澎湃新闻", "澎湃新闻"),
    ("after", "本文转载自微信公众号“量子位”。", "量子位"),
    ("after", "编译自《纽约时报》", "纽约时报"),
    ("after", "本文由译言网翻译自《经济学人》。", "经济学人"),
    ("after", "数据来源：国家统计局", None),
    ("after", "图片来源：视觉中国", None),
    ("after", "编译：李明", None),
    ("after", "转载请注明出处。", None),
    # --- Japanese portals
    ("after", "出典：共同通信", "共同通信"),
    ("after", "提供：共同通信", "共同通信"),
    ("after", "※本記事は「東洋経済オンライン」より転載しています。", True),
    ("after", "本記事は米国版ZDNETの記事を翻訳・編集したものです。", True),
    ("after", "初出：「文藝春秋」2023年5月号", "文藝春秋"),
    ("after", "※この記事は『週刊文春』2024年1月11日号に掲載されたものです。", True),
    ("after", "画像出典：Unsplash", None),
    ("after", "翻訳：山田太郎", None),
]


@pytest.mark.parametrize(("where", "line", "original"), COPIES)
async def test_copy_notices_where_publishers_print_them(check_ctx, where, line, original):
    article = page(_language_of(line), where, line)
    result = await OriginalSource().run(article, check_ctx)
    if original is None:
        assert result.data["is_republication"] is False, result.data["signals"]
        return
    assert result.data["is_republication"] is True
    if original is not True:
        assert result.data["original_outlet"] == original
    assert any(s["quote"] in " ".join(line.split()) for s in result.data["signals"])


# Japanese lines written without kana
JAPANESE_MARKS = ("記事", "出典", "初出", "PR")


def _language_of(line: str) -> str:
    """The language of a table line, for the article around it."""
    if any("\u3040" <= c <= "\u30ff" for c in line) or any(m in line for m in JAPANESE_MARKS):
        return "ja"
    if any("\u4e00" <= c <= "\u9fff" for c in line):
        return "zh"
    if any(c in "іїєґІЇЄҐ" for c in line):
        return "uk"
    if any("\u0400" <= c <= "\u04ff" for c in line):
        return "ru"
    return "pl"
