"""Links to listed domains: tests using the fixtures sourcecheck ships as a pytest plugin."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from checks import Evidence, Result, Status

from sourcecheck_linked_domain_list.check import LinkedDomainList, ListedDomain, parse_entry

SHORTENERS = Path(__file__).parents[1] / "lists" / "link-shorteners.txt"
TEXT = "The [report](https://www.bit.ly/abc) cites [a study](https://news.example.org/s)."


def with_settings(ctx, **settings):
    return replace(ctx, settings={"linked_domain_list": settings})


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("bit.ly  link shortener", ListedDomain("bit.ly", "link shortener")),
        (
            "https://www.Example.ORG/path, state outlet",
            ListedDomain("example.org", "state outlet"),
        ),
        ("news.example.com", ListedDomain("news.example.com")),
        ("# a comment", None),
        ("   ", None),
    ],
)
def test_list_lines(line, expected):
    assert parse_entry(line) == expected


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (
            {"domains": ["example.org"]},
            Result(
                Status.WARN,
                "1 of 2 links point to domains on the operator's list: example.org",
                evidence=(
                    Evidence(
                        "a study", where="link 2, example.org", url="https://news.example.org/s"
                    ),
                ),
                data={"links": 2, "listed_links": 1, "domains": {"example.org": ""}},
            ),
        ),
        (
            {"domains": "other.net, example.com", "list_name": "our watch list"},
            Result(
                Status.PASS,
                "None of 2 links points to a domain on our watch list",
                data={"links": 2, "listed_links": 0, "domains": {}},
            ),
        ),
        ({}, Result(Status.SKIP, "No domain list configured")),
    ],
)
async def test_links_against_the_configured_domains(check_ctx, make_article, settings, expected):
    result = await LinkedDomainList().run(make_article(TEXT), with_settings(check_ctx, **settings))
    assert result == expected


async def test_the_list_can_be_a_file(check_ctx, make_article):
    ctx = with_settings(check_ctx, file=str(SHORTENERS))

    result = await LinkedDomainList().run(make_article(TEXT), ctx)

    assert result.evidence == (
        Evidence("report", where="link 1, bit.ly: link shortener", url="https://www.bit.ly/abc"),
    )


async def test_the_bundled_sample_links_nowhere(check_ctx, sample_article):
    ctx = with_settings(check_ctx, file=str(SHORTENERS))

    result = await LinkedDomainList().run(sample_article, ctx)

    assert result == Result(Status.SKIP, "The article links to no other page")
