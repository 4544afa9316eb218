"""Address refusals, tested on a network layer that refuses every connection: nothing is sent."""

from __future__ import annotations

import ipaddress

import pytest

from checks.read.address_guard import BLOCKED_NETWORKS, blocked_category, numeric_ipv4
from checks.read.fetch import BlockedAddress, Fetcher, Unreachable

LOCAL = "sourcecheck does not fetch private or local addresses"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1/", f"this link points to a loopback address (127.0.0.1); {LOCAL}"),
        (
            "http://2130706433/",
            f"this link points to a loopback address (2130706433 = 127.0.0.1); {LOCAL}",
        ),
        (
            "http://0x7f.1/",
            f"this link points to a loopback address (0x7f.1 = 127.0.0.1); {LOCAL}",
        ),
        (
            "http://017700000001/",
            f"this link points to a loopback address (017700000001 = 127.0.0.1); {LOCAL}",
        ),
        ("http://127.1/", f"this link points to a loopback address (127.1 = 127.0.0.1); {LOCAL}"),
        (
            "http://[::ffff:127.0.0.1]/",
            f"this link points to a loopback address (::ffff:127.0.0.1 = 127.0.0.1); {LOCAL}",
        ),
        ("http://[::1]/", f"this link points to a loopback address (::1); {LOCAL}"),
        ("http://localhost./", f"this link points to this machine (localhost.); {LOCAL}"),
        ("http://LOCALHOST/", f"this link points to this machine (localhost); {LOCAL}"),
        ("http://app.localhost/", f"this link points to this machine (app.localhost); {LOCAL}"),
        ("http://0.0.0.0/", f"this link points to an unspecified address (0.0.0.0); {LOCAL}"),
        ("http://10.0.0.5/", f"this link points to a private address (10.0.0.5); {LOCAL}"),
        ("http://192.168.1.1/", f"this link points to a private address (192.168.1.1); {LOCAL}"),
        ("http://172.16.9.9/", f"this link points to a private address (172.16.9.9); {LOCAL}"),
        (
            "http://169.254.169.254/latest/meta-data/",
            f"this link points to a link-local address (169.254.169.254); {LOCAL}",
        ),
        (
            "http://100.64.1.1/",
            f"this link points to a carrier-grade NAT address (100.64.1.1); {LOCAL}",
        ),
        ("http://224.0.0.1/", f"this link points to a multicast address (224.0.0.1); {LOCAL}"),
        (
            "http://[fd00::1]/",
            f"this link points to a private (unique local) address (fd00::1); {LOCAL}",
        ),
        (
            "http://[fe80::1%25eth0]/",
            f"this link points to a link-local address (fe80::1%25eth0 = fe80::1%eth0); {LOCAL}",
        ),
        (
            "http://[64:ff9b::a00:1]/",
            f"this link points to a private address (64:ff9b::a00:1 = 10.0.0.1); {LOCAL}",
        ),
        (
            "http://[2002:7f00:1::]/",
            f"this link points to a loopback address (2002:7f00:1:: = 127.0.0.1); {LOCAL}",
        ),
        ("http://1.2.3.4.5/", "1.2.3.4.5 is not a valid address"),
        (
            "http://256.1.1.1/",
            "this is not a link sourcecheck can fetch (Invalid IPv4 address: '256.1.1.1')",
        ),
        (
            "http://intranet.example/",
            f"this link points to a private address (intranet.example); {LOCAL}",
        ),
        (
            "http://mixed.example/",
            f"this link points to a private address (mixed.example); {LOCAL}",
        ),
        (
            "http://metadata.example/",
            f"this link points to a link-local address (metadata.example); {LOCAL}",
        ),
        (
            "http://v6private.example/",
            f"this link points to a private (unique local) address (v6private.example); {LOCAL}",
        ),
        (
            "http://mapped.example/",
            f"this link points to a private address (mapped.example); {LOCAL}",
        ),
        ("http://93.184.216.34:22/", "only the standard web ports are fetched, not port 22"),
        ("http://news.example:8080/", "only the standard web ports are fetched, not port 8080"),
        ("ftp://news.example/", "only http and https links are fetched, not ftp"),
        ("file:///etc/passwd", "only http and https links are fetched, not file"),
        ("http://user:pw@news.example/", "links with a user name or password are not fetched"),
    ],
)
async def test_refused_before_any_connection(network, resolver, url, message):
    fetcher = Fetcher(network=network, resolver=resolver)

    with pytest.raises(BlockedAddress) as caught:
        await fetcher.fetch(url)
    probe = await fetcher.probe(url)

    assert str(caught.value) == message
    assert (probe.reachable, probe.error) == (False, message)
    assert network.attempts == []
    assert set(resolver.asked) <= {
        "intranet.example",
        "mixed.example",
        "metadata.example",
        "v6private.example",
        "mapped.example",
    }


async def test_connects_to_the_vetted_address_and_never_resolves_again(network, resolver):
    fetcher = Fetcher(network=network, resolver=resolver, retries=1, backoff=0)

    with pytest.raises(Unreachable) as caught:
        await fetcher.fetch("http://news.example/story")

    assert str(caught.value) == "could not connect to news.example"
    # One lookup, then the connection (and its one retry) went to the address checked.
    assert resolver.asked == ["news.example"]
    assert network.attempts == [("93.184.216.34", 80), ("93.184.216.34", 80)]


async def test_a_rebinding_name_cannot_swap_the_address_after_the_check(network, resolver):
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    fetcher = Fetcher(network=network, resolver=rebinding, retries=2, backoff=0)

    with pytest.raises(Unreachable):
        await fetcher.fetch("https://rebind.example/")

    assert network.attempts == [("93.184.216.34", 443)] * 3


async def test_an_unknown_name_is_reported_without_connecting(network, resolver):
    fetcher = Fetcher(network=network, resolver=resolver)

    with pytest.raises(Unreachable) as caught:
        await fetcher.fetch("https://no-such-site.example/")

    assert str(caught.value) == "could not find the site no-such-site.example (no such name)"
    assert network.attempts == []


@pytest.mark.parametrize("block", BLOCKED_NETWORKS, ids=lambda b: b.network)
def test_every_blocked_network_refuses_its_example(block):
    example = ipaddress.ip_address(block.example)

    assert example in ipaddress.ip_network(block.network)
    assert blocked_category(example) is not None


@pytest.mark.parametrize(
    ("address", "category"),
    [
        ("93.184.216.34", None),
        ("2606:2800:220:1:248:1893:25c8:1946", None),
        ("8.8.8.8", None),
        ("::ffff:8.8.8.8", None),
        ("::ffff:169.254.169.254", "link-local"),
        ("192.0.0.9", "reserved"),
    ],
)
def test_public_addresses_pass_and_embedded_private_ones_do_not(address, category):
    assert blocked_category(ipaddress.ip_address(address)) == category


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0177.0.0.01", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1", "10.0.0.1"),
        ("3232235777", "192.168.1.1"),
        ("1.2.3.4.", "1.2.3.4"),
        ("news.example", None),
        ("cafe.be", None),
        ("1password.com", None),
    ],
)
def test_numeric_spellings_are_read_the_way_browsers_read_them(host, address):
    parsed = numeric_ipv4(host)

    assert (str(parsed) if parsed else None) == address
