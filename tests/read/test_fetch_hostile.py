"""The fetcher against a real loopback server: hostile answers end in bounded time and memory."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from checks.read.fetch import (
    MAX_BYTES,
    USER_AGENT,
    BlockedAddress,
    Fetcher,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NotArticle,
    ProbeResult,
    TooLarge,
    TooManyRedirects,
)

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
PONYS = "17-iloveponys-barbour-anzeige"
# Generous for CI, yet far below what an unbounded read would take (the bomb is 64 MB).
MAX_PEAK_BYTES = 2 * MAX_BYTES
LOCAL = "sourcecheck does not fetch private or local addresses"


def fetcher_for(server: Any, **options: Any) -> Fetcher:
    options.setdefault("total_timeout", 1.0)
    options.setdefault("backoff", 0.01)
    return Fetcher(allow=[("127.0.0.1", server.port)], **options)


async def attempt(fetcher: Fetcher, url: str) -> tuple[FetchError | None, float, int]:
    """Fetch url; return the error (if any), the seconds taken and peak memory allocated."""
    tracemalloc.start()
    started = time.monotonic()
    error = None
    try:
        await fetcher.fetch(url)
    except FetchError as exc:
        error = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        await fetcher.aclose()
    return error, time.monotonic() - started, peak


async def test_a_corpus_page_is_fetched_whole_with_a_truthful_user_agent(server):
    async with fetcher_for(server) as fetcher:
        page = await fetcher.fetch(server.url(f"/pages/{PONYS}"))

    assert (page.status, page.content_type, page.redirects) == (200, "text/html", ())
    assert page.body == (PAGES / PONYS / "source.html").read_bytes()
    assert server.user_agents[-1] == USER_AGENT
    assert USER_AGENT.startswith("sourcecheck/")


@pytest.mark.parametrize("encoding", ["gzip", "raw-deflate"])
async def test_a_compressed_page_is_decoded_as_it_streams(server, encoding):
    async with fetcher_for(server) as fetcher:
        page = await fetcher.fetch(
            server.url(f"/{encoding}/11-nymag-intelligencer-polarization-review")
        )

    source = PAGES / "11-nymag-intelligencer-polarization-review" / "source.html"
    assert page.body == source.read_bytes()


async def test_a_chain_of_five_redirects_is_followed(server):
    async with fetcher_for(server) as fetcher:
        page = await fetcher.fetch(server.url("/redirect/4"))

    assert page.final_url == server.url(f"/pages/{PONYS}")
    assert page.redirects == (
        server.url("/redirect/3"),
        server.url("/redirect/2"),
        server.url("/redirect/1"),
        server.url("/redirect/0"),
        server.url(f"/pages/{PONYS}"),
    )


@pytest.mark.parametrize(
    ("path", "error", "message", "max_seconds"),
    [
        ("/redirect/5", TooManyRedirects, "the link redirects more than 5 times", 1.0),
        ("/loop/a", TooManyRedirects, "the link redirects in a circle", 1.0),
        (
            "/to/metadata",
            BlockedAddress,
            f"this link points to a link-local address (169.254.169.254); {LOCAL}",
            1.0,
        ),
        ("/to/ftp", BlockedAddress, "only http and https links are fetched, not ftp", 1.0),
        ("/gzip-bomb", TooLarge, "the page is larger than 5 MB", 2.0),
        ("/endless", TooLarge, "the page is larger than 5 MB", 2.0),
        ("/lying-length", TooLarge, "the page is larger than 5 MB", 1.0),
        ("/drip", FetchTimeout, "the site took too long to answer (more than 1 s)", 1.5),
        ("/status/404", HTTPStatusError, "the site answered 404 Not Found", 1.0),
        ("/status/500", HTTPStatusError, "the site answered 500 Internal Server Error", 1.0),
        ("/down", HTTPStatusError, "the site answered 503 Service Unavailable", 1.0),
        (
            "/brotli",
            NotArticle,
            "the site sent the page in an encoding sourcecheck cannot read (br)",
            1.0,
        ),
        ("/pdf", NotArticle, "this link is not an article page (type application/pdf)", 1.0),
    ],
)
async def test_hostile_answers_end_in_bounded_time_and_memory(
    server, path, error, message, max_seconds
):
    caught, seconds, peak = await attempt(fetcher_for(server), server.url(path))

    assert (type(caught), str(caught)) == (error, message)
    assert seconds < max_seconds
    assert peak < MAX_PEAK_BYTES


async def test_the_total_time_limit_is_configurable(server):
    caught, seconds, _ = await attempt(fetcher_for(server, total_timeout=0.7), server.url("/drip"))

    assert str(caught) == "the site took too long to answer (more than 0.7 s)"
    assert 0.6 < seconds < 1.2


async def test_the_size_limit_is_configurable(server):
    fetcher = fetcher_for(server, max_bytes=100_000)
    caught, _, peak = await attempt(fetcher, server.url("/gzip-bomb"))

    assert str(caught) == "the page is larger than 98 KB"
    assert peak < 2_000_000


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("other-port", f"this link points to a loopback address (127.0.0.1); {LOCAL}"),
        ("localhost", f"this link points to this machine (localhost); {LOCAL}"),
    ],
)
async def test_the_allowlist_is_per_host_and_port_not_a_switch(
    server, other_server, where, message
):
    before = other_server.connections

    caught, _, _ = await attempt(fetcher_for(server), server.url(f"/to/{where}"))

    assert str(caught) == message
    assert other_server.connections == before


async def test_an_allowed_port_does_not_open_loopback_on_that_port(server, other_server):
    before = other_server.connections
    fetcher = fetcher_for(server, ports={80, 443, other_server.port})

    caught, _, _ = await attempt(fetcher, server.url("/to/other-port"))

    assert str(caught) == f"this link points to a loopback address (127.0.0.1); {LOCAL}"
    assert other_server.connections == before


async def test_a_transient_503_is_retried_a_bounded_number_of_times(server):
    key = f"k{time.monotonic_ns()}"
    async with fetcher_for(server, retries=2) as fetcher:
        page = await fetcher.fetch(server.url(f"/flaky/{key}"))

    assert page.status == 200
    assert server.counts[key] == 3


async def test_a_server_that_stays_down_is_asked_retries_plus_one_times(server):
    before = server.requests.count("/down")

    caught, _, _ = await attempt(fetcher_for(server, retries=2), server.url("/down"))

    assert isinstance(caught, HTTPStatusError)
    assert server.requests.count("/down") - before == 3


async def test_a_404_is_not_retried(server):
    path = f"/status/404?n={time.monotonic_ns()}"

    await attempt(fetcher_for(server, retries=2), server.url(path))

    assert server.requests.count(path) == 1


async def test_probe_reports_reachability_without_raising(server):
    async with fetcher_for(server) as fetcher:
        ok = await fetcher.probe(server.url("/redirect/1"))
        missing = await fetcher.probe(server.url("/status/404"))
        looping = await fetcher.probe(server.url("/loop/a"))

    assert (ok.reachable, ok.status, ok.final_url) == (True, 200, server.url(f"/pages/{PONYS}"))
    assert (missing.reachable, missing.status, missing.error) == (
        False,
        404,
        "the site answered 404 Not Found",
    )
    assert isinstance(looping, ProbeResult)
    assert (looping.reachable, looping.error) == (False, "the link redirects in a circle")


async def test_cookies_live_for_one_fetch_and_are_never_shared_with_the_next(server):
    # A consent redirect may need its cookie; the next user's fetch must not carry it.
    async with fetcher_for(server) as fetcher:
        first = await fetcher.fetch(server.url("/cookie-set"))
        second = await fetcher.fetch(server.url("/cookie-echo"))
    assert b"Cookie seen: session=visitor-a." in first.body
    assert b"Cookie seen: no cookie." in second.body


async def test_a_malformed_international_name_is_refused_not_a_crash(server):
    before = len(server.requests)
    async with fetcher_for(server) as fetcher:
        probed = await fetcher.probe("http://xn--a-/")
        with pytest.raises(FetchError):
            await fetcher.fetch("http://xn--a-/")
    assert probed.reachable is False
    assert len(server.requests) == before
