"""Every message in every reply language: present, with the same placeholders, with as many
plural forms as the language has; and a reply in each language that reads in that language."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from checks.i18n import LANGUAGES, Messages, Plural, say
from checks.i18n.catalogs import declared, po_path, update
from checks.i18n.messages import placeholders
from checks.i18n.places import known_place
from checks.model import Message, Outcome

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
PACKAGES = ["checks", "bot"]
_TAG = re.compile(r"</?[a-z]+[^>]*>")


def _catalog(package: str, lang: str) -> Catalog:
    with po_path(package, lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=package)


@pytest.mark.parametrize("package", PACKAGES)
@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(package, lang):
    catalog = _catalog(package, lang)
    entries = {m.context: m for m in catalog if m.id}
    expected_forms = Catalog(locale=lang).num_plurals
    assert catalog.num_plurals == expected_forms, "Plural-Forms header is not the language's"
    problems = []
    for key, english in declared(package).items():
        entry = entries.get(key)
        if entry is None or not entry.string or not all(entry.string):
            problems.append(f"{key}: not translated")
            continue
        if isinstance(english, Plural):
            wanted = placeholders(english.one) | placeholders(english.many)
            forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            if len(forms) != expected_forms:
                problems.append(f"{key}: {len(forms)} plural forms, not {expected_forms}")
            for form in forms:
                # A form may leave the count out ("одна ссылка"), never add or drop another.
                if placeholders(form) - wanted or (wanted - {english.count}) - placeholders(form):
                    problems.append(f"{key}: placeholders {placeholders(form)} != {wanted}")
        else:
            if placeholders(entry.string) != placeholders(english):
                problems.append(f"{key}: placeholders {placeholders(entry.string)}")
            # The bot's texts are HTML: a translation keeps every tag of the English.
            if sorted(_TAG.findall(entry.string)) != sorted(_TAG.findall(english)):
                problems.append(f"{key}: HTML tags differ from the English")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("package", PACKAGES)
def test_the_catalogs_are_in_step_with_the_code(package):
    assert update(package, check=True) == []  # run `sourcecheck messages` to fix


def test_the_meta_test_notices_a_dropped_placeholder(tmp_path: Path):
    from checks.i18n.messages import compile_po

    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgctxt "t.x"\nmsgid "{outlet}: flagged"\nmsgstr "beanstandet"\n',
        encoding="utf-8",
    )
    with po.open("rb") as handle:
        translations = compile_po(handle, "de")
    said = translations.pgettext("t.x", "{outlet}: flagged")
    assert placeholders(said) != placeholders("{outlet}: flagged")


def test_plural_forms_follow_the_language():
    flagged = Messages("tests_plural_probe", {"probe.n": Plural("{count} link", "{count} links")})
    assert say(flagged("probe.n", count=1), "en") == "1 link"
    assert say(flagged("probe.n", count=5), "en") == "5 links"
    # A package without catalogs (this test's) is said in English in every language.
    assert say(flagged("probe.n", count=5), "uk") == "5 links"


@pytest.mark.parametrize(
    ("count", "uk"),
    [(1, "1 посилання в тексті, і те"), (3, "3 посилання в тексті, усі"), (5, "5 посилань")],
)
def test_ukrainian_has_three_plural_forms(count, uk):
    from checks.builtin.citations import M

    assert say(M("citations.placeholders", count=count), "uk").startswith(uk)


def test_dates_and_ages_are_said_by_babel():
    from datetime import date

    from checks.builtin.dated_claims import M

    message = M(
        "dated_claims.published",
        date=date(2023, 5, 23),
        age=M("dated_claims.age.years", count=3),
        claims=M("dated_claims.no_claims"),
    )
    assert "23 травня 2023" in say(message, "uk")
    assert "23. Mai 2023" in say(message, "de")
    assert "23 May 2023" in say(message, "en")


_WORDS = re.compile(r"[^\W\d_]{3,}")
# Words spelt the same in English and in the language, and names of things.
_SHARED = {
    "de": {"Link", "Links", "URL", "Blog", "JSON", "JavaScript", "Wayback", "Machine", "fair",
           "use", "Fair", "Use", "Text", "Satire", "json", "format", "mail"},
    "fr": {"blog", "URL", "JSON", "JavaScript", "Wayback", "Machine", "fair", "use", "satire",
           "texte", "format", "json", "mail", "Dates", "dates", "date", "source", "sources",
           "Source", "opinion", "licence", "correction", "document", "documents", "article",
           "page", "message", "social", "mention", "note", "notice", "signature", "sur"},
    "es": {"blog", "URL", "JSON", "JavaScript", "Wayback", "Machine", "fair", "use", "json",
           "format", "mail"},
    "pt": {"link", "links", "blog", "URL", "JSON", "JavaScript", "Wayback", "Machine", "fair",
           "use", "json", "format", "mail"},
    "ru": {"URL", "JSON", "JavaScript", "Wayback", "Machine", "fair", "use", "json", "format",
           "mail"},
    "uk": {"URL", "JSON", "JavaScript", "Wayback", "Machine", "fair", "use", "json", "format",
           "mail"},
}  # fmt: skip


def _masked(message: Message) -> Message:
    """The message with every string parameter (a name, a quote, an address: the article's
    own words, never translated) replaced by a dot: what is left is ours."""

    def mask(value: object) -> object:
        if isinstance(value, Message):
            return _masked(value)
        if isinstance(value, str):
            return "·"
        if isinstance(value, list | tuple):
            return [mask(v) for v in value]
        return value

    return replace(message, params={k: mask(v) for k, v in message.params.items()})


def _ours(outcome: Outcome) -> list[Message]:
    said = [outcome.title_message, outcome.result.message]
    said += [ev.place or known_place(ev.where) for ev in outcome.result.evidence]
    return [_masked(m) for m in said if m is not None]


@pytest.mark.parametrize("lang", TRANSLATED)
async def test_the_seed_reads_without_english_outside_quotes_names_and_links(lang, seed):
    untranslated = []
    for outcome in seed.outcomes:
        assert outcome.result.message is not None, f"{outcome.check} gives no message"
        for message in _ours(outcome):
            english = set(_WORDS.findall(say(message, "en")))
            translated = say(message, lang)
            left = set(_WORDS.findall(translated)) & english - _SHARED[lang]
            if left:
                untranslated.append(f"{outcome.check}: {sorted(left)} in {translated!r}")
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize("lang", TRANSLATED)
async def test_the_rendered_checklists_frame_is_in_the_language_too(lang, seed):
    from checks.render.checklist import render_markdown, render_text

    for rendered in (render_markdown(seed, lang), render_text(seed, lang)):
        frame = [line for line in rendered.splitlines() if not line.lstrip().startswith(">")]
        words = set(_WORDS.findall("\n".join(frame)))
        # Status names, headings and the legend are ours: none may stay in English.
        english = {"warn", "info", "pass", "fail", "Marks", "Outlet", "Sourcing", "checklist",
                   "truth", "Published", "Check", "Finding"}  # fmt: skip
        assert words & english == set(), rendered[:400]


async def test_after_warm_up_no_reply_compiles_a_catalog(seed, monkeypatch):
    """A bot warms its languages before it takes messages: the first Ukrainian or German
    reader's reply must not wait while a catalog is compiled from its .po file."""
    from checks.i18n import messages, warm
    from checks.render.checklist import render_text

    messages.catalog.cache_clear()
    warm()

    def compiling(*args, **kwargs):
        raise AssertionError("a catalog was compiled while replying")

    monkeypatch.setattr(messages, "compile_po", compiling)
    for lang in LANGUAGES:
        assert render_text(seed, lang)
