"""PLACEHOLDER: replaced by the real check."""

from __future__ import annotations

from checks.model import Article, Context, Result, Status


class OriginalSource:
    name = "original_source"
    title = "Original source"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.SKIP, "not implemented yet")
