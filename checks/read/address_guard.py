"""Vet a link's address before anything connects to it: scheme, port, and every resolved IP."""

from __future__ import annotations

import asyncio
import csv
import io
import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass
from importlib import resources

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

logger = logging.getLogger(__name__)

DEFAULT_PORTS = frozenset({80, 443})
SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Block:
    """A range of addresses sourcecheck never connects to, with an address that is in it."""

    network: str
    category: str
    example: str


# Checked on top of `not ip.is_global`, so that a refusal names the kind of network, and so
# that a change in the standard library's tables cannot silently open one of these.
BLOCKED_NETWORKS: tuple[Block, ...] = (
    Block("0.0.0.0/8", "unspecified", "0.0.0.0"),
    Block("10.0.0.0/8", "private", "10.1.2.3"),
    Block("100.64.0.0/10", "carrier-grade NAT", "100.64.0.1"),
    Block("127.0.0.0/8", "loopback", "127.0.0.1"),
    Block("169.254.0.0/16", "link-local", "169.254.169.254"),
    Block("172.16.0.0/12", "private", "172.16.0.1"),
    Block("192.0.0.0/24", "reserved", "192.0.0.170"),
    Block("192.0.2.0/24", "documentation", "192.0.2.1"),
    Block("192.168.0.0/16", "private", "192.168.1.1"),
    Block("198.18.0.0/15", "benchmarking", "198.18.0.1"),
    Block("224.0.0.0/4", "multicast", "224.0.0.1"),
    Block("240.0.0.0/4", "reserved", "255.255.255.255"),
    Block("::/128", "unspecified", "::"),
    Block("::1/128", "loopback", "::1"),
    Block("::/96", "IPv4-compatible", "::7f00:1"),
    Block("fc00::/7", "private (unique local)", "fd12:3456::1"),
    Block("fe80::/10", "link-local", "fe80::1"),
    Block("fec0::/10", "site-local", "fec0::1"),
    Block("ff00::/8", "multicast", "ff02::1"),
    Block("2001:db8::/32", "documentation", "2001:db8::1"),
    Block("100::/64", "discard", "100::1"),
    # Local-use NAT64 (RFC 8215) puts the IPv4 address at an operator-chosen place; the
    # old "IPv4-translated" form likewise: neither is ever a public web server.
    Block("64:ff9b:1::/48", "local NAT64", "64:ff9b:1:7f00:0:100:808:808"),
    Block("::ffff:0:0:0/96", "IPv4-translated", "::ffff:0:7f00:1"),
    # Public addresses that answer only from inside a cloud: Azure's host service (WireServer)
    # sits at the same address in every virtual network.
    Block("168.63.129.16/32", "cloud host service", "168.63.129.16"),
)
_WELL_KNOWN_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NETWORKS = tuple((ipaddress.ip_network(b.network), b.category) for b in BLOCKED_NETWORKS)


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One row of an IANA special-purpose address registry."""

    network: ipaddress.IPv4Network | ipaddress.IPv6Network
    name: str
    rfc: str


REGISTRY_FILES = ("ipv4-special-registry.csv", "ipv6-special-registry.csv")
# Judged by the IPv4 address they stand for (see _embedded_ipv4), not refused outright.
TRANSLATION_PREFIXES = frozenset(
    {ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("2002::/16")}
)


def special_purpose_registry() -> tuple[RegistryEntry, ...]:
    """The IANA IPv4 and IPv6 special-purpose registries, as copied into checks/read/iana."""
    entries = []
    for name in REGISTRY_FILES:
        text = resources.files("checks.read").joinpath("iana", name).read_text("utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            for block in row["Address Block"].split(","):
                network = ipaddress.ip_network(block.strip())
                entries.append(RegistryEntry(network, row["Name"].strip('"'), row["RFC"]))
    return tuple(entries)


_REGISTRY = tuple(
    (e.network, f"special-purpose ({e.name})")
    for e in special_purpose_registry()
    if e.network not in TRANSLATION_PREFIXES
)

# RFC 6761 names that must resolve to this machine, whatever a DNS server says.
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_LOCAL_SUFFIXES = (".localhost",)


class AddressRefused(ValueError):
    """The address is not one sourcecheck fetches; the message is meant for the user."""


class NameNotFound(LookupError):
    """The host name does not resolve; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where one request goes: the URL as sent, and the addresses it may connect to."""

    url: httpx.URL
    host: str  # ASCII (IDNA) host, lower case, as httpcore will ask for it
    port: int
    addresses: tuple[str, ...]


def blocked_category(ip: IPAddress) -> str | None:
    """The kind of non-public network ip belongs to, or None if it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return "link-local"
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            # Mapped, 6to4 and well-known NAT64 forms are as public as their IPv4.
            return blocked_category(embedded)
    for network, category in _NETWORKS:
        if ip.version == network.version and ip in network:
            return category
    for network, category in _REGISTRY:
        if ip.version == network.version and ip in network:
            return category
    if not ip.is_global:
        return "non-public"
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form stands for (mapped, 6to4, NAT64), if any. Teredo
    (2001::/32) is a tunnel endpoint, never a web server: the registry refuses it outright."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _WELL_KNOWN_NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _ipv4_number(part: str) -> int | None:
    """One dotted part as the WHATWG URL parser reads it: decimal, 0x-hex or 0-octal."""
    radix = 10
    if part[:2].lower() == "0x":
        radix, part = 16, part[2:]
    elif len(part) > 1 and part.startswith("0"):
        radix, part = 8, part[1:]
    if part == "":
        return 0
    try:
        return int(part, radix) if part.isalnum() else None
    except ValueError:
        return None


def _ends_in_number(host: str) -> bool:
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    last = labels[-1]
    return last.isdigit() or (
        last[:2].lower() == "0x" and all(c in "0123456789abcdef" for c in last[2:].lower())
    )


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser would read from a host such as 2130706433 or 0x7f.1."""
    if not host or not _ends_in_number(host):
        return None
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    numbers = [_ipv4_number(p) if p else None for p in parts]
    if len(parts) > 4 or any(n is None for n in numbers):
        raise AddressRefused(f"{host} is not a valid address")
    values = [n for n in numbers if n is not None]
    if any(n > 255 for n in values[:-1]) or values[-1] >= 256 ** (5 - len(values)):
        raise AddressRefused(f"{host} is not a valid address")
    number = values[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(values[:-1]))
    return ipaddress.IPv4Address(number)


def literal_address(host: str) -> IPAddress | None:
    """The address a host names by itself (any spelling), or None for a DNS name."""
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.replace("%25", "%"))
        except ValueError as exc:
            raise AddressRefused(f"{host} is not a valid address") from exc
    return numeric_ipv4(host)


async def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with the operating system's resolver (one lookup; its answer is pinned)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _refusal(host: str, ip: IPAddress, category: str) -> AddressRefused:
    if isinstance(ip, ipaddress.IPv6Address) and _embedded_ipv4(ip) is not None:
        ip = _embedded_ipv4(ip) or ip
    if _is_ip_literal(host):
        where = str(ip) if str(ip) == host else f"{host} = {ip}"
    else:
        # What a name resolves to stays in the log: telling strangers would map the
        # network behind the bot.
        logger.info("refused %s: it resolves to %s (%s)", host, ip, category)
        where = host
    article = "an" if category[0] in "aeiouAEIOU" else "a"
    return AddressRefused(
        f"this link points to {article} {category} address ({where}); "
        "sourcecheck does not fetch private or local addresses"
    )


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return _ends_in_number(host)  # 2130706433, 0x7f.1, 127.1: numbers, not names
    return True


def check_url_form(url: httpx.URL) -> tuple[str, int]:
    """Refuse a URL by its form alone (scheme, credentials, host); return (host, port)."""
    if url.scheme not in SCHEMES:
        scheme = url.scheme or "no scheme"
        raise AddressRefused(f"only http and https links are fetched, not {scheme}")
    host = url.raw_host.decode("ascii").lower()
    if not host:
        raise AddressRefused("the link has no host name")
    if url.userinfo:
        raise AddressRefused("links with a user name or password are not fetched")
    # Port 0 is no port: `url.port or 80` made http://host:0/ a request to port 80.
    return host, url.port if url.port is not None else (443 if url.scheme == "https" else 80)


async def vet(
    url: httpx.URL,
    *,
    resolver: Resolver = system_resolver,
    ports: Collection[int] = DEFAULT_PORTS,
    allow: Collection[tuple[str, int]] = (),
) -> Target:
    """Check the URL and resolve its host once; every address must be public (or allowed)."""
    host, port = check_url_form(url)
    literal = literal_address(host)
    if (host, port) in allow:
        addresses = [str(literal)] if literal else await _resolve(resolver, host, port)
        return Target(url=url, host=host, port=port, addresses=tuple(addresses))
    bare = host.rstrip(".")
    if bare in _LOCAL_NAMES or bare.endswith(_LOCAL_SUFFIXES):
        raise AddressRefused(
            f"this link points to this machine ({host}); "
            "sourcecheck does not fetch private or local addresses"
        )
    if literal is not None and (category := blocked_category(literal)):
        raise _refusal(host, literal, category)
    if port not in ports:
        raise AddressRefused(f"only the standard web ports are fetched, not port {port}")
    if literal is not None:
        return Target(url=url, host=host, port=port, addresses=(str(literal),))
    addresses = await _resolve(resolver, host, port)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        category = "link-local" if "%" in address else blocked_category(ip)
        if category:
            raise _refusal(host, ip, category)
    return Target(url=url, host=host, port=port, addresses=tuple(addresses))


async def _resolve(resolver: Resolver, host: str, port: int) -> list[str]:
    try:
        addresses = await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise NameNotFound(f"could not find the site {host} (no such name)") from exc
    if not addresses:
        raise NameNotFound(f"could not find the site {host} (no such name)")
    return addresses


def normalize_allow(pairs: Iterable[tuple[str, int]]) -> frozenset[tuple[str, int]]:
    """Allowlist entries compared the way vet() compares hosts: lower case, IPv6 unbracketed."""
    return frozenset((h.strip("[]").lower(), int(p)) for h, p in pairs)
