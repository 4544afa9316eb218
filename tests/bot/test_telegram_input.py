"""Telegram message -> MessageInput, on the real corpus messages and on focused variants."""

# Real Cyrillic text and typographic quotes are what these tests are about.

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Message, Update

from bot.telegram.message_input import MAX_COMMENTARY, command_args_url, read_message
from checks.engine import load_checks, run
from checks.model import Link, Origin

FIXTURES = Path(__file__).parents[1] / "fixtures" / "telegram"
ATLANTIC = "01-forwarded-atlantic-quote-with-text-links"
OANN = "02-plain-url-oann-reuters"
TASS = "03-forwarded-tass-text-no-links"
SPUTNIK = "04-url-with-commentary-sputnik"
RECEIVED = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
BOT = Bot("123:abc")


def load(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    folder = FIXTURES / name
    message = json.loads((folder / "message.json").read_text("utf-8"))
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    return message, expected


def as_message(data: dict[str, Any]) -> Message:
    update = Update.de_json({"update_id": 1, "message": data}, BOT)
    assert update is not None
    assert update.message is not None
    return update.message


def plain(text: str, entities: list[dict[str, Any]] | None = None, **extra: Any) -> Message:
    data: dict[str, Any] = {
        "message_id": 1,
        "date": 1700000000,
        "chat": {"id": 7, "type": "private", "first_name": "Dana"},
        "text": text,
        **extra,
    }
    if entities:
        data["entities"] = entities
    return as_message(data)


def utf16_offset(text: str, part: str) -> int:
    index = text.index(part)
    return len(text[:index].encode("utf-16-le")) // 2


def utf16_length(part: str) -> int:
    return len(part.encode("utf-16-le")) // 2


def url_entities(expected: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in expected["entity_check"] if e["type"] in ("url", "text_link")]


@pytest.mark.parametrize(
    ("name", "kind"), [(ATLANTIC, "article"), (OANN, "url"), (TASS, "article"), (SPUTNIK, "url")]
)
def test_corpus_message_kind(name: str, kind: str) -> None:
    message, _ = load(name)
    assert read_message(as_message(message), received=RECEIVED).kind == kind


@pytest.mark.parametrize("name", [OANN, SPUTNIK])
def test_single_link_message_gives_the_covered_url(name: str) -> None:
    message, expected = load(name)
    result = read_message(as_message(message), received=RECEIVED)
    [entity] = url_entities(expected)
    assert result.url == entity["covers"]
    assert result.article is None


def test_forwarded_post_links_match_entity_check_despite_emoji() -> None:
    message, expected = load(ATLANTIC)
    article = read_message(as_message(message), received=RECEIVED).article
    assert article is not None
    wanted = [(e["url"], e["covers"]) for e in url_entities(expected)]
    assert [(link.url, link.text) for link in article.links] == wanted
    for link in article.links:
        assert article.text[link.position : link.position + len(link.text)] == link.text
    # 🔥 and 👉 are two UTF-16 units but one code point each: each shifts later positions by one.
    shifts = [1] * 7 + [2]
    assert [link.position for link in article.links] == [
        e["offset_utf16"] - shift for e, shift in zip(url_entities(expected), shifts, strict=True)
    ]
    counts = expected["links"]
    distinct = counts["citations_distinct_urls"] + counts["source_links"]
    assert len({link.url for link in article.links}) == distinct


def test_forwarded_post_article_fields() -> None:
    message, _ = load(ATLANTIC)
    article = read_message(as_message(message), received=RECEIVED).article
    assert article is not None
    assert article.text == message["text"]
    assert article.source_kind == "telegram"
    assert article.title == "California’s Disasters Are a Warning—Climate Change Is Here"
    assert article.origin == Origin(
        "channel",
        name="Climate Reading Room (demo)",
        username="demo_climate_reads",
        url="https://t.me/demo_climate_reads/2291",
        date=datetime(2020, 8, 23, 15, 2, tzinfo=UTC),
    )
    # When the channel posted it is not when the article was published: the dates check
    # anchors on origin.date unless a dateline in the text says the article is older.
    assert article.published is None
    assert article.received == RECEIVED


def test_cyrillic_forward_without_links() -> None:
    message, expected = load(TASS)
    article = read_message(as_message(message), received=RECEIVED).article
    assert article is not None
    assert article.links == ()
    assert article.title == expected["entity_check"][0]["covers"]
    assert article.origin is not None
    assert (article.origin.kind, article.origin.name, article.origin.url) == (
        "channel",
        "Дороги Подмосковья (demo)",
        "https://t.me/demo_msk_roads/918",
    )
    assert "МОСКВА, 29 июня. /ТАСС/." in article.text


def test_cyrillic_text_link_after_emoji_lands_on_its_word() -> None:
    message, _ = load(TASS)
    data = copy.deepcopy(message)
    text = data["text"]
    data["entities"].append(
        {
            "type": "text_link",
            "offset": utf16_offset(text, "Автодора"),
            "length": utf16_length("Автодора"),
            "url": "https://russianhighways.ru/press/news/",
        }
    )
    article = read_message(as_message(data), received=RECEIVED).article
    assert article is not None
    assert article.links == (
        Link("https://russianhighways.ru/press/news/", "Автодора", text.index("Автодора")),
    )


def test_commentary_keeps_the_words_and_drops_the_url() -> None:
    message, _ = load(SPUTNIK)
    result = read_message(as_message(message), received=RECEIVED)
    assert result.commentary == (
        "Is this legit? 🤔 Sputnik says: “Some US States Begin Lifting Lockdowns, "
        "VP Pence Defiantly Tours Clinic Unmasked”\n"
        "I heard the same thing on the radio on Tuesday. Source:"
    )


def test_bare_url_message_has_no_commentary() -> None:
    message, _ = load(OANN)
    assert read_message(as_message(message), received=RECEIVED).commentary == ""


def test_long_post_with_one_link_is_an_article() -> None:
    message, _ = load(TASS)
    data = copy.deepcopy(message)
    data["text"] += "\nhttps://tass.ru/moskva/8836033"
    data["entities"].append(
        {
            "type": "url",
            "offset": utf16_offset(data["text"], "https://tass.ru"),
            "length": utf16_length("https://tass.ru/moskva/8836033"),
        }
    )
    result = read_message(as_message(data), received=RECEIVED)
    assert len(message["text"]) > MAX_COMMENTARY
    assert result.kind == "article"
    assert result.article is not None
    assert [link.url for link in result.article.links] == ["https://tass.ru/moskva/8836033"]


def test_short_text_link_message_is_a_url() -> None:
    text = "Read this 👉 the essay"
    entities = [
        {
            "type": "text_link",
            "offset": utf16_offset(text, "the essay"),
            "length": utf16_length("the essay"),
            "url": "https://www.theatlantic.com/ideas/archive/2020/08/x/615610/",
        }
    ]
    result = read_message(plain(text, entities), received=RECEIVED)
    assert (result.kind, result.url, result.commentary) == (
        "url",
        "https://www.theatlantic.com/ideas/archive/2020/08/x/615610/",
        text,
    )


def test_bare_domain_url_entity_gets_a_scheme() -> None:
    text = "look: example.com/news/1"
    entities = [{"type": "url", "offset": 6, "length": 18}]
    result = read_message(plain(text, entities), received=RECEIVED)
    assert (result.kind, result.url, result.commentary) == (
        "url",
        "http://example.com/news/1",
        "look:",
    )


def test_mentions_and_non_web_links_are_not_links() -> None:
    text = "Ask @someone or Dana about the claim in the report that the council published"
    entities = [
        {"type": "mention", "offset": 4, "length": 8},
        {"type": "text_link", "offset": 16, "length": 4, "url": "tg://user?id=5123456789"},
        {"type": "email", "offset": 0, "length": 3},
    ]
    result = read_message(plain(text, entities), received=RECEIVED)
    assert result.kind == "article"
    assert result.article is not None
    assert result.article.links == ()
    assert result.article.origin is None
    assert result.article.published is None


def test_caption_and_caption_entities_are_read() -> None:
    caption = "Фото: https://example.org/a"
    message = as_message(
        {
            "message_id": 2,
            "date": 1700000000,
            "chat": {"id": 7, "type": "private", "first_name": "Dana"},
            "photo": [{"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1}],
            "caption": caption,
            "caption_entities": [{"type": "url", "offset": 6, "length": 21}],
        }
    )
    result = read_message(message, received=RECEIVED)
    assert (result.kind, result.url, result.commentary) == (
        "url",
        "https://example.org/a",
        "Фото:",
    )


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("   \n ", []),
        ("🤔🔥 👍", []),
        ("/check", [{"type": "bot_command", "offset": 0, "length": 6}]),
        ("/start@sourcecheck_bot  ", [{"type": "bot_command", "offset": 0, "length": 22}]),
    ],
)
def test_empty_messages(text: str, entities: list[dict[str, Any]]) -> None:
    result = read_message(plain(text, entities), received=RECEIVED)
    assert (result.kind, result.url, result.article) == ("empty", None, None)


def test_message_without_text_or_caption_is_empty() -> None:
    message = as_message(
        {
            "message_id": 3,
            "date": 1700000000,
            "chat": {"id": 7, "type": "private", "first_name": "Dana"},
            "sticker": {
                "file_id": "s",
                "file_unique_id": "u",
                "width": 1,
                "height": 1,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            },
        }
    )
    assert read_message(message, received=RECEIVED).kind == "empty"


def test_command_with_url_is_the_url() -> None:
    text = "/check https://www.oann.com/x/"
    entities = [
        {"type": "bot_command", "offset": 0, "length": 6},
        {"type": "url", "offset": 7, "length": 23},
    ]
    result = read_message(plain(text, entities), received=RECEIVED)
    assert (result.kind, result.url, result.commentary) == ("url", "https://www.oann.com/x/", "")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("/check https://example.com/a?b=1", "https://example.com/a?b=1"),
        ("/check@sourcecheck_bot   http://example.com/", "http://example.com/"),
        ("/check example.com/news", "http://example.com/news"),
        ("/check <https://example.com/a>", "https://example.com/a"),
        ("/check", None),
        ("/check please", None),
        ("/check ftp://example.com/file", None),
        ("/check javascript:alert(1)", None),
        ("https://example.com/", None),
    ],
)
def test_command_args_url(text: str, url: str | None) -> None:
    assert command_args_url(text) == url


ORIGIN_DATE = 1598194920


@pytest.mark.parametrize(
    ("forward_origin", "expected"),
    [
        (
            {
                "type": "user",
                "date": ORIGIN_DATE,
                "sender_user": {
                    "id": 9,
                    "is_bot": False,
                    "first_name": "Ana",
                    "last_name": "Ruiz",
                    "username": "ana_r",
                },
            },
            Origin("user", "Ana Ruiz", "ana_r", "https://t.me/ana_r"),
        ),
        (
            {
                "type": "chat",
                "date": ORIGIN_DATE,
                "sender_chat": {"id": -100, "type": "supergroup", "title": "Городской чат"},
            },
            Origin("chat", "Городской чат", "", None),
        ),
        (
            {"type": "hidden_user", "date": ORIGIN_DATE, "sender_user_name": "Anonymous Reader"},
            Origin("hidden_user", "Anonymous Reader", "", None),
        ),
        (
            {
                "type": "channel",
                "date": ORIGIN_DATE,
                "message_id": 55,
                "chat": {"id": -1001876543210, "type": "channel", "title": "Closed channel"},
            },
            Origin("channel", "Closed channel", "", "https://t.me/c/1876543210/55"),
        ),
    ],
)
def test_every_forward_origin_kind(forward_origin: dict[str, Any], expected: Origin) -> None:
    message, _ = load(TASS)
    data = copy.deepcopy(message)
    data["forward_origin"] = forward_origin
    article = read_message(as_message(data), received=RECEIVED).article
    assert article is not None
    assert article.origin == Origin(
        expected.kind,
        expected.name,
        expected.username,
        expected.url,
        datetime.fromtimestamp(ORIGIN_DATE, UTC),
    )


async def test_a_quoted_post_is_read_against_the_article_it_links(check_ctx) -> None:
    # The relay channel quotes the essay and ends with "Read the essay": that link is the
    # source, not a citation; the essay's own links are citations to other outlets.
    message, expected = load(ATLANTIC)
    article = read_message(as_message(message), received=RECEIVED).article
    assert article is not None

    checklist = await run(article, load_checks(), check_ctx, input_label="forward")

    citations = checklist.get("citations").result.data
    links = expected["links"]
    assert (citations["total"], citations["internal"], citations["external"]) == (
        links["citations_total"],
        links["citations_internal"],
        links["citations_external"],
    )
    assert citations["distinct_urls"] == links["citations_distinct_urls"]
    assert checklist.get("outlet").result.data["registered_domain"] == "theatlantic.com"
    assert checklist.get("original_source").result.data["is_republication"] is False


def test_a_last_line_link_that_is_not_a_source_link_leaves_the_article_unanchored() -> None:
    text = "Officials said the bridge will reopen next week, as reported by the city."
    entities = [
        {"type": "text_link", "offset": 0, "length": 9, "url": "https://gov.example/bridge"},
        {"type": "text_link", "offset": 64, "length": 8, "url": "https://city.example/"},
    ]
    message = {"message_id": 5, "date": 1_600_000_000, "chat": {"id": 1, "type": "private"},
               "text": text, "entities": entities}  # fmt: skip

    article = read_message(as_message(message), received=RECEIVED).article

    assert article is not None
    assert article.canonical_url is None


# A forwarded news post: well over MAX_COMMENTARY of text, so it is checked as a post.
NEWS_POST = (
    "Минэкономразвития пересмотрит прогноз\n\n"
    + "Министерство заявило во вторник, что прогноз роста будет пересмотрен к апрелю. "
    "Аналитики считают, что пересмотр запоздал и мало что изменит для бюджета. " * 3
)
RELAY = {
    "type": "channel",
    "chat": {"id": -1001234567890, "title": "Новости 24", "username": "news24demo",
             "type": "channel"},
    "message_id": 555,
    "date": 1_710_000_000,
}  # fmt: skip
RBC = "https://www.rbc.ru/economics/12/03/2024/65f0a1b29a79471e3c2d1f0e"


def post(text: str, link_text: str, url: str | None = None, **extra: Any) -> Message:
    """A forwarded post with one link: a bare URL, or a text_link on `link_text` if url given."""
    entity: dict[str, Any] = {"type": "text_link" if url else "url",
                              "offset": utf16_offset(text, link_text),
                              "length": len(link_text.encode("utf-16-le")) // 2}  # fmt: skip
    if url:
        entity["url"] = url
    return plain(text, [entity], forward_origin=RELAY, **extra)


async def checked(message: Message, check_ctx: Any) -> dict[str, Any]:
    article = read_message(message, received=RECEIVED).article
    assert article is not None
    checklist = await run(article, load_checks(), check_ctx, input_label="forward")
    return {
        name: checklist.get(name).result for name in ("outlet", "original_source", "citations")
    }


async def test_a_bare_url_closing_a_post_is_its_source(check_ctx) -> None:
    message = post(NEWS_POST + "\n\n" + RBC, RBC)

    article = read_message(message, received=RECEIVED).article
    results = await checked(message, check_ctx)

    assert article is not None
    assert article.canonical_url == RBC
    assert results["outlet"].data["registered_domain"] == "rbc.ru"
    assert "only the relay" not in results["outlet"].summary
    assert results["original_source"].data["is_republication"] is False
    assert results["citations"].data["total"] == 0  # the post's own page cites nothing


@pytest.mark.parametrize(
    ("lead", "url", "as_text_link"),
    [
        ("Источник: ", RBC, False),
        ("Источник: ", RBC, True),
        ("Джерело: ", "https://www.pravda.com.ua/news/2024/03/12/7446000/", False),
        ("Source: ", "https://www.reuters.com/world/europe/talks-2024-03-12/", True),
        ("Quelle: ", "https://www.tagesschau.de/inland/haushalt-100.html", False),
        ("Fuente: ", "https://elpais.com/economia/2024-03-12/plan.html", False),
    ],
)
def test_a_source_line_closing_a_post_names_its_page(
    lead: str, url: str, as_text_link: bool
) -> None:
    anchor = "РБК" if as_text_link else url
    text = NEWS_POST + "\n" + lead + anchor + "\n\n#экономика @news24demo"
    message = post(text, anchor, url if as_text_link else None)

    article = read_message(message, received=RECEIVED).article

    assert article is not None
    assert article.canonical_url == url


async def test_a_source_line_is_not_a_republication_of_the_post_itself(check_ctx) -> None:
    url = "https://tass.ru/ekonomika/20212345"
    message = post(NEWS_POST + "\nИсточник: " + url, url)

    results = await checked(message, check_ctx)

    assert results["outlet"].data["registered_domain"] == "tass.ru"
    assert results["citations"].data["total"] == 0
    assert results["original_source"].data["is_republication"] is False


@pytest.mark.parametrize(
    "ending",
    [
        # A link inside a closing sentence cites something; it is not the post's page.
        "\nДокумент опубликован на сайте {url}, где приведены новые цифры.",
        "\nПо данным {url}",
        # A source line followed by more of the post is not where the post closes.
        "\nИсточник: {url}\n\nКомментарий редакции: цифры ещё могут измениться.",
    ],
)
def test_a_link_that_does_not_close_the_post_is_not_its_source(ending: str) -> None:
    text = NEWS_POST + ending.format(url=RBC)

    article = read_message(post(text, RBC), received=RECEIVED).article

    assert article is not None
    assert article.canonical_url is None


def test_a_channel_link_closing_a_post_is_a_signature_not_a_source() -> None:
    text = NEWS_POST + "\n\nhttps://t.me/news24demo"

    article = read_message(post(text, "https://t.me/news24demo"), received=RECEIVED).article

    assert article is not None
    assert article.canonical_url is None


CHANNEL = {"id": -1001876543210, "type": "channel", "title": "Вечерние новости"}


@pytest.mark.parametrize(
    "extra",
    [
        {  # forwarded from a channel that signs its posts
            "forward_origin": {
                "type": "channel",
                "date": ORIGIN_DATE,
                "message_id": 55,
                "chat": CHANNEL,
                "author_signature": "Олена Коваль",
            }
        },
        {"author_signature": "Олена Коваль", "sender_chat": CHANNEL},  # a post in the channel
    ],
)
async def test_a_channel_posts_signature_is_its_byline_and_the_author_line_names_it(
    extra, check_ctx
):
    message, _ = load(TASS)
    data = {**copy.deepcopy(message), **extra}
    article = read_message(as_message(data), received=RECEIVED).article
    assert article is not None
    assert article.byline == "Олена Коваль"
    checklist = await run(article, [c for c in load_checks() if c.name == "author"], check_ctx)
    (author,) = checklist.outcomes
    assert "Олена Коваль" in author.result.summary
    assert any(e.where == "post signature" for e in author.result.evidence)


async def test_a_forwarded_channel_post_names_the_journalist_who_signed_it(check_ctx) -> None:
    message, _ = load(TASS)
    data = copy.deepcopy(message)
    data["forward_origin"]["author_signature"] = "Ирина  Петрова"
    article = read_message(as_message(data), received=RECEIVED).article
    assert article is not None
    assert article.byline == "Ирина Петрова"
    checklist = await run(article, load_checks(), check_ctx, input_label="forward")
    result = checklist.get("author").result
    assert result.data["names"] == ["Ирина Петрова"]
    assert any(e.where == "post signature" for e in result.evidence)


def test_a_channel_post_signature_is_the_byline_and_an_unsigned_post_has_none() -> None:
    text = (
        "Власти города сообщили, что движение по новому участку открыто с понедельника. "
        "По словам представителя мэрии, ремонт моста закончат к концу месяца, а объезд "
        "через промзону останется до весны."
    )
    channel = {"id": -1001, "type": "channel", "title": "Демо"}
    signed = plain(text, chat=channel, author_signature="Олег Иванов")
    unsigned = plain(text, chat=channel)
    assert read_message(signed, received=RECEIVED).article.byline == "Олег Иванов"
    assert read_message(unsigned, received=RECEIVED).article.byline is None
