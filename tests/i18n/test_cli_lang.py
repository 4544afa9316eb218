"""`sourcecheck check --lang` and the locale variables; JSON stays language-neutral."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from checks.i18n import from_environment, pick
from checks.model import Result, Status
from checks.render.checklist import render, to_dict

SEED = str(resources.files("checks") / "samples" / "globalresearch-belgorod.md")


def _run(*args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli.main", "check", SEED, "--now", "2026-12-01", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **(env or {})},
        check=False,
    )
    return done.stdout


def test_lang_gives_the_reply_in_that_language():
    out = _run("--lang", "uk")
    assert "Кого цитують" in out
    assert "Who is quoted" not in out


def test_lang_environment_is_honoured_and_lang_option_wins():
    assert "Wer es geschrieben hat" in _run(env={"LANG": "de_DE.UTF-8"})
    assert "Qui l'a écrit" in _run(env={"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"})
    assert "Who wrote it" in _run("--lang", "en", env={"LANG": "de_DE.UTF-8"})


def test_an_unknown_language_falls_back_to_english():
    assert "Who wrote it" in _run("--lang", "it")
    assert "Who wrote it" in _run(env={"LANG": "C"})


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LC_MESSAGES": "pt_BR", "LANG": "de_DE"}, "pt"),
        ({"LANGUAGE": "it:ru:en", "LANG": "de_DE"}, "ru"),
        ({"LANG": "pl_PL.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_from_environment(environ, lang):
    assert from_environment(environ) == lang


def test_pick_reads_telegram_and_posix_codes():
    assert [pick(c) for c in ("uk", "pt-BR", "DE", "zh-hans", None)] == [
        "uk",
        "pt",
        "de",
        "en",
        "en",
    ]


def test_json_carries_ids_and_params_and_the_summary_in_the_language():
    document = json.loads(_run("--format", "json", "--lang", "ru"))
    assert document["schema"] == 2
    assert document["language"] == "ru"
    outlet = next(r for r in document["results"] if r["check"] == "outlet")
    assert outlet["message"]["id"] == "outlet.flagged"
    assert outlet["message"]["params"]["count"] == 2
    assert "негативная пометка в 2 открытых базах" in outlet["summary"]
    dates = next(r for r in document["results"] if r["check"] == "dated_claims")
    assert dates["message"]["params"]["date"] == "2023-05-23"
    english = json.loads(_run("--format", "json", "--lang", "en"))
    ids = [(r["message"] or {}).get("id") for r in english["results"]]
    assert ids == [(r["message"] or {}).get("id") for r in document["results"]]


async def test_a_plugin_without_catalogs_shows_its_english_summary_in_every_language(seed):
    from dataclasses import replace

    from checks.model import Outcome

    plugin = Outcome("word_list", "Word list", Result(Status.WARN, "1 sentence leans on a phrase"))
    checklist = replace(seed, outcomes=(*seed.outcomes, plugin))
    for lang in ("en", "de", "fr", "es", "pt", "ru", "uk"):
        assert "[!] Word list: 1 sentence leans on a phrase" in render(checklist, "text", lang)
        results = to_dict(checklist, lang)["results"]
        assert results[-1]["summary"] == "1 sentence leans on a phrase"
        assert results[-1]["message"] is None
