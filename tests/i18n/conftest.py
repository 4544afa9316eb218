from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

import pytest

from checks import engine
from checks.cli.main import make_context
from checks.read.text import read_markdown


@pytest.fixture
async def seed():
    """The seed article's checklist, as `sourcecheck check` makes it."""
    path = resources.files("checks") / "samples" / "globalresearch-belgorod.md"
    now = datetime(2026, 12, 1, tzinfo=UTC)
    article = read_markdown(path.read_text(encoding="utf-8"))
    label = "globalresearch-belgorod.md"
    return await engine.run(article, engine.load_checks(), make_context(now), input_label=label)
