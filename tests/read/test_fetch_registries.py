"""The guard against the full IANA special-purpose registries, on a network layer that refuses
every connection: each entry's first, middle and last address is refused before any connect."""

from __future__ import annotations

import ipaddress

import pytest

from checks.read.address_guard import (
    TRANSLATION_PREFIXES,
    Target,
    blocked_category,
    special_purpose_registry,
)
from checks.read.fetch import MAX_PINS, BlockedAddress, Fetcher, PinnedBackend

REGISTRY = special_purpose_registry()
REFUSED = [e for e in REGISTRY if e.network not in TRANSLATION_PREFIXES]


def samples(network: ipaddress.IPv4Network | ipaddress.IPv6Network) -> list[str]:
    first, last = int(network.network_address), int(network.broadcast_address)
    cls = type(network.network_address)
    return sorted({str(cls(first)), str(cls((first + last) // 2)), str(cls(last))})


def test_both_registries_are_there_in_full():
    assert len([e for e in REGISTRY if e.network.version == 4]) >= 26
    assert len([e for e in REGISTRY if e.network.version == 6]) >= 25
    assert {"192.88.99.0/24", "5f00::/16", "3fff::/20", "2001:30::/28"} <= {
        str(e.network) for e in REGISTRY
    }


@pytest.mark.parametrize("entry", REFUSED, ids=lambda e: f"{e.network} {e.name}")
def test_every_registry_entry_is_refused(entry):
    for address in samples(entry.network):
        assert blocked_category(ipaddress.ip_address(address)) is not None, address


@pytest.mark.parametrize("entry", REFUSED, ids=lambda e: f"{e.network} {e.name}")
async def test_a_name_resolving_into_any_entry_is_refused_before_connecting(
    entry, network, resolver
):
    fetcher = Fetcher(network=network, resolver=resolver)
    for address in samples(entry.network):
        resolver.answers["special.example"] = [address]
        with pytest.raises(BlockedAddress):
            await fetcher.fetch("http://special.example/")
    assert network.attempts == []


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("64:ff9b::808:808", None),  # NAT64 of 8.8.8.8: a public server behind DNS64
        ("2002:7f00:1::", "loopback"),  # 6to4 of 127.0.0.1
        ("2002:808:808::1", None),  # 6to4 of 8.8.8.8
    ],
)
def test_translation_prefixes_are_judged_by_the_ipv4_address_they_hold(address, expected):
    assert blocked_category(ipaddress.ip_address(address)) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://168.63.129.16/machine?comp=goalstate",  # a cloud platform's host service
        "http://192.88.99.1/",
        "http://[5f00::1]/",
        "http://[3fff::1]/",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
    ],
)
async def test_addresses_the_review_found_open_are_refused(network, resolver, url):
    fetcher = Fetcher(network=network, resolver=resolver)
    with pytest.raises(BlockedAddress):
        await fetcher.fetch(url)
    assert network.attempts == []


async def test_port_zero_is_not_port_80(network, resolver):
    fetcher = Fetcher(network=network, resolver=resolver)
    with pytest.raises(BlockedAddress, match="not port 0"):
        await fetcher.fetch("http://news.example:0/")
    assert network.attempts == []


def test_the_pinned_address_table_stays_bounded():
    import httpx

    backend = PinnedBackend()
    for n in range(MAX_PINS * 3):
        url = httpx.URL(f"https://site{n}.example/")
        backend.pin(Target(url=url, host=f"site{n}.example", port=443, addresses=("1.2.3.4",)))
    assert len(backend) == MAX_PINS
