"""The house rules of the layout: data flows one way, and test doubles stay out of the product."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _imports(package: str) -> dict[str, set[str]]:
    """Module path -> every module it imports (absolute names), for one top-level package."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        found[str(path.relative_to(ROOT))] = names
    return found


def _offenders(package: str, forbidden: tuple[str, ...], only: str = "") -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in _imports(package).items()
        if module.startswith(only)
        for name in sorted(names)
        if name.split(".")[0] in forbidden or any(name.startswith(f + ".") for f in forbidden)
    ]


def test_the_engine_knows_nothing_of_chat_platforms_or_test_doubles():
    assert _offenders("checks", ("bot", "telegram", "testkit")) == []


def test_the_running_bot_never_imports_the_fake_bot_api():
    assert _offenders("bot", ("testkit",)) == []


def test_the_shared_bot_core_does_not_import_a_platform():
    forbidden = ("bot.telegram", "bot.matrix", "telegram", "nio")
    assert _offenders("bot", forbidden, only="bot/core/") == []


@pytest.mark.parametrize(
    "check", sorted(p.stem for p in (ROOT / "checks/builtin").glob("[!_]*.py"))
)
def test_a_check_never_imports_another_check(check):
    others = tuple(f"checks.builtin.{p.stem}" for p in (ROOT / "checks/builtin").glob("[!_]*.py"))
    imports = _imports("checks")[f"checks/builtin/{check}.py"]
    assert [n for n in imports if n.startswith(others) and n != f"checks.builtin.{check}"] == []


@pytest.mark.parametrize(
    ("platform", "other"), [("bot/telegram/", "bot.matrix"), ("bot/matrix/", "bot.telegram")]
)
def test_one_chat_platform_never_imports_the_other(platform, other):
    assert _offenders("bot", (other,), only=platform) == []


def test_the_matrix_bot_does_not_import_the_telegram_library():
    assert _offenders("bot", ("telegram",), only="bot/matrix/") == []
