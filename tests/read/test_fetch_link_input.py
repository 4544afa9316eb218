"""A link read through the fetcher: the same checklist as the saved page, charset, cache, CLI."""

from __future__ import annotations

import asyncio
import io
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.model import Link, Origin
from checks.read.article_cache import ArticleCache
from checks.read.decoding import decode_page
from checks.read.fetch import Fetcher, Page
from checks.read.link import page_article, progress, read_url

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
NOW = "2026-11-24T12:00:00+00:00"
RECEIVED = datetime(2026, 11, 24, 12, tzinfo=UTC)
LOCAL = "sourcecheck does not fetch private or local addresses"


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "slug",
    [
        "04-tucson-ap-georgetown-player-arrested",
        "13-npr-gaza-damage-satellite-map",
        "14-madamefigaro-intestin-updated-feature",
        "17-iloveponys-barbour-anzeige",
        "19-tass-tskad-moscow-ring-road-opening",
    ],
)
def test_a_page_over_loopback_gives_the_checklist_of_the_saved_file(
    capsys, tmp_path, server, slug
):
    url = server.url(f"/pages/{slug}")
    source = PAGES / slug / "source.html"

    code_url, out_url, err_url = cli(
        capsys, "check", url, "-f", "json", "--now", NOW,
        "--allow-address", f"127.0.0.1:{server.port}", "--cache", str(tmp_path / "c.db"),
    )  # fmt: skip
    code_file, out_file, _ = cli(capsys, "check", str(source), "--url", url, "-f", "json",
                                 "--now", NOW)  # fmt: skip

    assert (code_url, err_url, code_file) == (0, "", 0)
    fetched, saved = json.loads(out_url), json.loads(out_file)
    assert fetched["article"].pop("origin") == {
        "kind": "url", "name": None, "username": None, "url": url, "date": None,
    }  # fmt: skip
    assert saved["article"].pop("origin")["kind"] == "file"
    assert (fetched["input"], saved["input"]) == (url, str(source))
    del fetched["input"], saved["input"]
    assert fetched == saved


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/pages/x",
        "http://2130706433:{port}/",
        "http://0x7f.1:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://localhost.:{port}/",
    ],
)
def test_cli_refuses_a_local_link_by_default_and_sends_nothing(capsys, tmp_path, server, url):
    url = url.format(port=server.port)
    before = server.connections

    code, out, err = cli(capsys, "check", url, "--cache", str(tmp_path / "c.db"))

    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"sourcecheck: {url}: this link points to ")
    assert err.endswith(f"; {LOCAL}\n")
    assert server.connections == before


def test_cli_takes_a_second_check_from_the_cache_and_no_cache_fetches_again(
    capsys, tmp_path, server
):
    path = f"/pages/17-iloveponys-barbour-anzeige?run={time.monotonic_ns()}"
    args = ["check", server.url(path), "-f", "json", "--now", NOW, "--cache",
            str(tmp_path / "c.db"), "--allow-address", f"127.0.0.1:{server.port}"]  # fmt: skip

    first = cli(capsys, *args)
    second = cli(capsys, *args)
    asked_after_two = server.requests.count(path)
    third = cli(capsys, *args, "--no-cache")

    assert first == second
    assert first[0] == 0
    assert (asked_after_two, server.requests.count(path)) == (1, 2)
    assert third == first


async def test_read_url_caches_the_article_under_its_normalized_url(server):
    url = server.url(f"/pages/17-iloveponys-barbour-anzeige?n={time.monotonic_ns()}")
    path = url.removeprefix(server.url(""))
    cache = ArticleCache(memory=True)

    async with Fetcher(allow=[("127.0.0.1", server.port)]) as fetcher:
        fresh = await read_url(url, fetcher=fetcher, cache=cache, received=RECEIVED)
        again = await read_url(url + "&utm_source=tg#top", fetcher=fetcher, cache=cache,
                               received=RECEIVED)  # fmt: skip
        bypass = await read_url(url, fetcher=fetcher, cache=cache, use_cache=False,
                                received=RECEIVED)  # fmt: skip

    assert server.requests.count(path) == 2
    assert again.origin == Origin(kind="url", url=url + "&utm_source=tg#top")
    assert fresh == bypass
    assert (again.text, again.links, again.title) == (fresh.text, fresh.links, fresh.title)


async def test_a_wrong_charset_declaration_loses_to_the_bytes(server):
    async with Fetcher(allow=[("127.0.0.1", server.port)]) as fetcher:
        page = await fetcher.fetch(server.url("/wrong-charset"))
    article = page_article(page)

    assert page.charset == "gb2312"
    assert article.text == (
        "Le conseil municipal de Zürich a voté jeudi une résolution sur l'accès aux données, "
        "selon un communiqué publié par la ville et repris par plusieurs journaux régionaux.\n"
        "« Nous voulons des règles claires », a déclaré la maire, citée par le communiqué."
    )
    assert article.links == (Link(url=server.url("/source"), text="le communiqué", position=235),)


async def test_a_page_whose_charset_comes_late_is_read_as_utf8(server):
    slug = "19-tass-tskad-moscow-ring-road-opening"
    async with Fetcher(allow=[("127.0.0.1", server.port)]) as fetcher:
        article = page_article(await fetcher.fetch(server.url(f"/pages/{slug}")))

    assert (article.title, article.site_name) == (
        "Движение по ЦКАД-5 открывается от Можайского до Новорижского шоссе",
        "ТАСС",
    )


async def test_a_plain_text_page_is_read_as_text(server):
    async with Fetcher(allow=[("127.0.0.1", server.port)]) as fetcher:
        page = await fetcher.fetch(server.url("/plain"))
    article = page_article(page)

    assert (article.source_kind, article.url) == ("text", server.url("/plain"))
    assert article.links == (
        Link(url="https://example.org/report.pdf", text="https://example.org/report.pdf",
             position=50),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "declared", "expected"),
    [
        ("Zürich".encode(), ["gb2312"], "Zürich"),
        ("Zürich".encode(), ["iso-8859-1"], "Zürich"),
        ("Zürich".encode("cp1252"), ["windows-1252"], "Zürich"),
        ("Zürich".encode("cp1252"), ["utf-8", "windows-1252"], "Zürich"),
        ("Привет".encode("koi8-r"), ["koi8-r"], "Привет"),
        ("Zürich".encode("utf-16"), ["iso-8859-1"], "Zürich"),
        ("Zürich".encode(), ["no-such-charset"], "Zürich"),
    ],
)
def test_decode_body_trusts_bytes_then_the_declaration(raw, declared, expected):
    assert decode_page(raw, declared) == expected


def test_page_article_reads_html_without_a_content_type_by_its_bytes():
    body = b"<!doctype html><html><body><article><p>" + b"A sentence. " * 20 + b"</p></article>"
    page = Page(url="https://a.example/", final_url="https://a.example/x", status=200,
                content_type="", charset=None, body=body)  # fmt: skip

    article = page_article(page)

    assert (article.source_kind, article.url) == ("html", "https://a.example/x")
    assert article.text == ("A sentence. " * 20).strip()


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "shown"), [(FakeTerminal(), True), (io.StringIO(), False)])
async def test_progress_is_shown_only_on_a_terminal(stream, shown):
    async with progress("https://slow.example/", stream=stream, delay=0.01, interval=0.01):
        await asyncio.sleep(0.05)

    written = stream.getvalue()
    assert written.startswith("\r\x1b[Kfetching https://slow.example/… 0.0") is shown
    assert written.endswith("\r\x1b[K") is shown
    assert (written == "") is not shown


def test_probe_links_reports_a_dead_citation_from_the_command_line(capsys, tmp_path, server):
    note = tmp_path / "note.md"
    alive, dead = server.url("/pages/13-npr-gaza-damage-satellite-map"), server.url("/status/404")
    note.write_text(
        f"The ministry released [its figures]({alive}) on Monday, while [the statement]({dead})"
        " it cited has since been removed, according to the agency's spokesman.\n",
        "utf-8",
    )
    allow = ("--allow-address", f"127.0.0.1:{server.port}")

    code, offline, _ = cli(capsys, "check", str(note), *allow)
    code_probed, probed, err = cli(capsys, "check", str(note), "--probe-links", *allow)

    assert (code, code_probed, err) == (0, 0, "")
    assert "checked links" not in offline
    assert "1 of 2 checked links dead" in probed
    assert "/status/404" in server.requests
