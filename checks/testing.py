"""pytest plugin: the fixtures sourcecheck's own tests use, shipped for check authors too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import pytest

from checks.model import Article, Block, Context, Region

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


# Where in the body a line stands: its first line, its last line, or between other paragraphs.
BODY_TOP, BODY_MIDDLE, BODY_END = "body top", "body middle", "body end"


def placed_article(
    line: str,
    where: Region | str | None,
    body: Sequence[str],
    *,
    middle: tuple[Sequence[str], Sequence[str]] | None = None,
    blocks: Sequence[Block] = (),
    **fields: Any,
) -> Article:
    """An article whose body is `body` with `line` where a publisher prints it: the body's
    first or last line, its middle (between the lines `middle` gives before and after it; by
    default the body before and again after), a region of its own; or nowhere (None), when
    the caller puts it in the furniture. `blocks` are the page's other regions, `fields` the
    Article's other fields."""
    lines = list(body)
    if where == BODY_TOP:
        lines.insert(0, line)
    elif where == BODY_END:
        lines.append(line)
    elif where == BODY_MIDDLE:
        before, after = middle if middle is not None else (body, body)
        lines = [*before, line, *after]
    text = "\n".join(lines)
    own = (Block(where, line),) if isinstance(where, Region) else ()
    return Article(
        text=text,
        source_kind="html",
        blocks=(Block(Region.BODY, text), *blocks, *own),
        **fields,
    )
