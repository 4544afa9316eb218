"""pytest plugin: the fixtures sourcecheck's own tests use, shipped for check authors too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import pytest

from checks.model import Article, Context

# Fixed "now" so that ages and relative dates in tests do not drift with the calendar.
TEST_NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SAMPLE_NAME = "globalresearch-belgorod.md"


def sample_text() -> str:
    """The bundled sample article (Markdown-style links, every target a placeholder)."""
    return resources.files("checks").joinpath("samples", SAMPLE_NAME).read_text("utf-8")


def make_context(**overrides: Any) -> Context:
    from checks.outlets.table import default_table

    values: dict[str, Any] = {"now": TEST_NOW, "outlets": default_table()}
    values.update(overrides)
    return Context(**values)


@pytest.fixture
def check_ctx() -> Context:
    """A Context with a fixed clock, the bundled outlet table and no network access."""
    return make_context()


@pytest.fixture
def sample_article() -> Article:
    """The bundled sample article, read the way `sourcecheck check` reads it."""
    from checks.read.text import read_markdown

    return read_markdown(sample_text())


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Build an Article from text (Markdown-style links allowed) plus any field overrides."""
    from dataclasses import replace

    from checks.read.text import read_markdown

    def build(text: str, **fields: Any) -> Article:
        return replace(read_markdown(text), **fields)

    return build
