"""PLACEHOLDER: replaced by the real check."""

from __future__ import annotations

from checks.model import Article, Context, Result, Status


class Outlet:
    name = "outlet"
    title = "Outlet"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.SKIP, "not implemented yet")
