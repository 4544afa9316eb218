"""News agencies: their names as texts credit them, and their domains (`languages/wires.toml`)."""

from __future__ import annotations

from dataclasses import dataclass

from checks.languages import shared


@dataclass(frozen=True, slots=True)
class Wire:
    """A news agency: how texts credit it and the domains where its own copy lives."""

    name: str
    aliases: tuple[str, ...]  # case-sensitive, as credited in text
    domains: tuple[str, ...]


WIRES = tuple(
    Wire(str(w["name"]), tuple(w["aliases"]), tuple(w["domains"]))
    for w in shared("wires").get("wires", ())
)
WIRE_BY_ALIAS = {alias: wire for wire in WIRES for alias in wire.aliases}
WIRE_BY_DOMAIN = {domain: wire for wire in WIRES for domain in wire.domains}
