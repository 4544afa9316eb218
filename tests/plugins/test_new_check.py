"""`sourcecheck new-check`: the package it writes installs with pip, passes its tests, runs."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from plugin_venv import run, venv_with

from checks.cli.main import main
from checks.cli.new_check import write_package
from checks.testing import SAMPLE_NAME
from testkit.fake_telegram import FakeBotAPI

REPO = Path(__file__).parents[2]
SAMPLE = REPO / "checks" / "samples" / SAMPLE_NAME
CONTRACT_TEST = Path(__file__).with_name("test_plugin_contract.py")
NOW = "2026-11-24T12:00:00+00:00"
SAMPLE_QUOTE = (
    "As well known, it has become common practice for the US to deny involvement"
    " in Ukrainian attacks carried out outside the combat zone."
)


@pytest.fixture(scope="module")
def word_list(tmp_path_factory) -> tuple[Path, Path]:
    """The package `new-check word_list` writes, untouched, and a venv it is installed in."""
    tmp = tmp_path_factory.mktemp("word_list")
    package, _ = write_package("word_list", tmp / "word-list")
    return package, venv_with(tmp, package)


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """A venv with a plug-in whose module cannot be imported."""
    tmp = tmp_path_factory.mktemp("broken")
    package, _ = write_package("broken_check", tmp / "broken")
    check = package / "src" / "sourcecheck_broken_check" / "check.py"
    check.write_text("import a_library_that_is_not_installed  # noqa: F401\n", "utf-8")
    return venv_with(tmp, package)


def test_new_check_writes_the_package_and_says_what_next(capsys, tmp_path):
    target = tmp_path / "wl"

    code = main(["new-check", "word-list", "--dir", str(target)])

    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Wrote the check 'word_list' as the package sourcecheck-word-list in {target}:",
        "  pyproject.toml",
        "  README.md",
        "  .gitignore",
        "  src/sourcecheck_word_list/__init__.py",
        "  src/sourcecheck_word_list/check.py",
        "  tests/test_word_list.py",
        "Next:",
        f"  pip install -e '{target}[test]'",
        f"  pytest {target}",
        "  sourcecheck checks",
    ]
    assert '\nword_list = "sourcecheck_word_list.check:WordList"\n' in (
        target / "pyproject.toml"
    ).read_text("utf-8")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Word List", "'Word List' cannot be a check name: use lower-case letters"),
        ("2fast", "'2fast' cannot be a check name"),
        ("outlet", "a check named 'outlet' is already installed (from sourcecheck)"),
    ],
)
def test_new_check_refuses_a_bad_or_taken_name(capsys, tmp_path, name, message):
    code = main(["new-check", name, "--dir", str(tmp_path / "x")])

    _, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"sourcecheck new-check: {message}")
    assert not (tmp_path / "x").exists()


def test_new_check_never_writes_over_a_directory_in_use(capsys, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")

    code = main(["new-check", "word_list", "--dir", str(tmp_path)])

    assert code == 1
    assert capsys.readouterr().err == (
        f"sourcecheck new-check: {tmp_path} already exists and is not an empty directory\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_generated_code_is_lint_clean(tmp_path):
    package, _ = write_package("word_list", tmp_path / "wl")
    ruff = Path(sys.executable).with_name("ruff")

    assert run(ruff, "check", "--no-cache", ".", cwd=package).returncode == 0
    assert run(ruff, "format", "--check", "--no-cache", ".", cwd=package).returncode == 0


def test_the_generated_tests_pass_as_generated(word_list):
    package, python = word_list

    done = run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=package)

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("5 passed")


def test_an_installed_check_is_listed_with_its_package(word_list):
    _, python = word_list

    done = run(python, "-m", "checks.cli.main", "checks")

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == [
        "word_list",
        "Word",
        "list",
        "sourcecheck-word-list",
        "0.1.0",
    ]


def test_an_installed_check_answers_in_the_checklist(word_list):
    _, python = word_list

    done = run(python, "-m", "checks.cli.main", "check", SAMPLE, "-f", "json", "--now", NOW)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["results"][-1] == {
        "check": "word_list",
        "title": "Word list",
        "status": "warn",
        "summary": "1 sentence(s) lean on a phrase instead of a named source",
        "message": None,  # a plug-in that writes only an English summary
        "evidence": [{"quote": SAMPLE_QUOTE, "where": "text", "place": None, "url": None}],
        "data": {"categories": ["unattributed common knowledge"]},
    }


async def test_an_installed_check_answers_in_the_bots_reply(word_list, tmp_path):
    _, python = word_list
    token = "333333:test-only-fake-token-plugin"
    text = SAMPLE.read_text("utf-8").split("\n\n")
    pasted = "\n\n".join(p for p in text if "As well known" in p or "Belgorod" in p)[:3000]
    update = {
        "message": {
            "message_id": 1,
            "from": {"id": 4242, "is_bot": False, "first_name": "Reader"},
            "chat": {"id": 4242, "type": "private", "first_name": "Reader"},
            "date": int(time.time()),
            "text": pasted,
        }
    }
    async with FakeBotAPI(token) as api:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": token,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "SOURCECHECK_DB": str(tmp_path / "bot.db"),
        }
        process = await asyncio.create_subprocess_exec(
            str(python), "-m", "checks.cli.main", "bot", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            await api.wait_for("getUpdates", timeout=30)
            api.queue_update(update)
            edit = (await api.wait_for("editMessageText", timeout=30))[0]
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 20)

    assert process.returncode == 0, stderr.decode()[-2000:]
    assert "Word list" in edit["params"]["text"]
    assert "lean on a phrase instead of a named source" in edit["params"]["text"]


def test_the_contract_test_covers_the_installed_plugin(word_list):
    _, python = word_list

    done = run(python, "-m", "pytest", "-v", "-p", "no:cacheprovider", CONTRACT_TEST, cwd=REPO)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "test_every_installed_check_honours_the_contract[word_list] PASSED" in done.stdout


def test_configuration_switches_and_configures_an_installed_plugin(word_list):
    _, python = word_list
    script = (
        "from checks.config import load_config; c = load_config();"
        " print([k.name for k in c.load_checks()][-1], dict(c.settings))"
    )

    kept = run(python, "-c", script, SOURCECHECK_CHECK__word_list__phrases="insiders claim")
    dropped = run(python, "-c", script, SOURCECHECK_CHECKS_DISABLE="word_list")

    assert kept.stdout == "word_list {'word_list': {'phrases': 'insiders claim'}}\n"
    assert dropped.stdout == "lateral {}\n"  # the last built-in


@pytest.mark.parametrize("argv", [("checks",), ("check", SAMPLE)])
def test_a_plugin_that_cannot_load_stops_start_up_naming_its_package(broken, argv):
    done = run(broken, "-m", "checks.cli.main", *argv)

    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "sourcecheck: sourcecheck-broken-check[broken_check]: cannot load"
        " sourcecheck_broken_check.check:BrokenCheck:"
        " No module named 'a_library_that_is_not_installed'\n"
    )
