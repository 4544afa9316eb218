"""The example plug-in (examples/linked-domain-list) on a real page, and installed with pip."""

from __future__ import annotations

import importlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from plugin_venv import copy_package, run, venv_with

from checks import Evidence, Result, Status
from checks.read.html_page import read_html

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "examples" / "linked-domain-list"
PAGE = REPO / "tests" / "fixtures" / "pages" / "08-theatlantic-ideas-california-climate"
SHORTENER = "http://bit.ly/scp-kindle"


@pytest.fixture
def example_check(monkeypatch):
    """The example's check class, imported from its source tree (it is not installed here)."""
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    return importlib.import_module("sourcecheck_linked_domain_list.check").LinkedDomainList


@pytest.fixture
def atlantic():
    labels = json.loads((PAGE / "labels.json").read_text("utf-8"))
    return read_html((PAGE / "source.html").read_bytes(), url=labels["url"])


async def test_link_shorteners_on_a_real_page(example_check, atlantic, check_ctx):
    settings = {"file": str(EXAMPLE / "lists" / "link-shorteners.txt"), "list_name": "shorteners"}
    ctx = replace(check_ctx, settings={"linked_domain_list": settings})

    result = await example_check().run(atlantic, ctx)

    where = "bit.ly: link shortener"
    assert result == Result(
        Status.WARN,
        "3 of 33 links point to domains on shorteners: bit.ly",
        evidence=(
            Evidence("attacking", where=f"link 23, {where}", url=SHORTENER),
            Evidence("rooftop-solar", where=f"link 24, {where}", url=SHORTENER),
            Evidence("policy", where=f"link 25, {where}", url=SHORTENER),
        ),
        data={"links": 33, "listed_links": 3, "domains": {"bit.ly": "link shortener"}},
    )


async def test_a_subdomain_entry_does_not_cover_the_whole_site(example_check, atlantic, check_ctx):
    settings = {"domains": ["california.latimes.com", "nytimes.com"]}
    ctx = replace(check_ctx, settings={"linked_domain_list": settings})

    result = await example_check().run(atlantic, ctx)

    assert [(e.quote, e.where) for e in result.evidence] == [
        ("1.4 million people", "link 14, nytimes.com"),
        ("human error", "link 20, nytimes.com"),
    ]


def test_the_example_declares_its_entry_point_by_the_checks_name():
    text = (EXAMPLE / "pyproject.toml").read_text("utf-8")
    expected = '[project.entry-points."sourcecheck.checks"]\n'
    expected += 'linked_domain_list = "sourcecheck_linked_domain_list.check:LinkedDomainList"\n'
    assert expected in text


def test_the_example_installs_with_pip_and_its_own_tests_pass(tmp_path):
    package = copy_package(EXAMPLE, tmp_path / "linked-domain-list")
    python = venv_with(tmp_path, package)

    tests = run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=package)
    listed = run(python, "-m", "checks.cli.main", "checks")

    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert tests.stdout.splitlines()[-1].startswith("10 passed")
    assert listed.stdout.splitlines()[-1].split() == [
        "linked_domain_list",
        "Links",
        "to",
        "listed",
        "domains",
        "sourcecheck-linked-domain-list",
        "0.1.0",
    ]
