"""The engine: discovery through entry points, stable order, crashes and hangs contained."""

from __future__ import annotations

import asyncio
from importlib.metadata import EntryPoint

import pytest

from checks import Article, Context, Result, Status
from checks.engine import (
    BUILTIN_ORDER,
    CheckLoadError,
    load_check,
    load_checks,
    run,
)
from checks.model import Link


class Answers:
    name = "answers"
    title = "Answers"

    async def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, f"{len(article.text)} characters")


class Crashes:
    name = "crashes"
    title = "Crashes"

    async def run(self, article: Article, ctx: Context) -> Result:
        raise RuntimeError("boom")


class Hangs:
    name = "hangs"
    title = "Hangs"

    async def run(self, article: Article, ctx: Context) -> Result:
        await asyncio.sleep(60)
        raise AssertionError("unreachable")


class ReturnsJunk:
    name = "junk"
    title = "Junk"

    async def run(self, article: Article, ctx: Context) -> str:
        return "not a result"


class SyncRun:
    name = "sync_run"
    title = "Sync"

    def run(self, article: Article, ctx: Context) -> Result:
        return Result(Status.INFO, "sync")


def entry_point(name: str, target: str) -> EntryPoint:
    return EntryPoint(name=name, value=f"{__name__}:{target}", group="sourcecheck.checks")


async def test_a_crash_and_a_hang_become_error_lines_while_others_answer(check_ctx):
    checks = [Answers(), Crashes(), Hangs(), ReturnsJunk()]
    checklist = await run(Article(text="hello"), checks, check_ctx, seconds_per_check=0.2)

    assert [(o.check, o.result.status) for o in checklist.outcomes] == [
        ("answers", Status.INFO),
        ("crashes", Status.ERROR),
        ("hangs", Status.ERROR),
        ("junk", Status.ERROR),
    ]
    assert checklist.outcomes[0].result.summary == "5 characters"
    assert checklist.outcomes[1].result.summary == "Could not run: RuntimeError"
    assert checklist.outcomes[2].result.summary == "Could not run: no answer within 0.2 s"
    assert checklist.outcomes[2].seconds < 1.0


async def test_checks_run_concurrently_so_one_slow_check_does_not_add_up(check_ctx):
    checklist = await run(Article(text="x"), [Hangs(), Hangs()], check_ctx, seconds_per_check=0.3)
    assert max(o.seconds for o in checklist.outcomes) < 0.6


def test_builtin_checks_load_in_reading_order():
    assert [c.name for c in load_checks()][: len(BUILTIN_ORDER)] == list(BUILTIN_ORDER)


def test_enable_and_disable_by_name():
    assert [c.name for c in load_checks(enabled=["disclaimers", "outlet"])] == [
        "outlet",
        "disclaimers",
    ]
    assert "citations" not in [c.name for c in load_checks(disabled=["citations"])]


def test_unknown_check_name_is_refused():
    with pytest.raises(CheckLoadError, match="unknown check"):
        load_checks(enabled=["no_such_check"])


@pytest.mark.parametrize(
    ("name", "target", "message"),
    [
        ("other_name", "Answers", "check name 'answers' differs from its entry point"),
        ("sync_run", "SyncRun", "run\\(\\) must be an async method"),
        ("missing", "DoesNotExist", "cannot load"),
    ],
)
def test_a_bad_plugin_fails_fast_naming_itself(name, target, message):
    with pytest.raises(CheckLoadError, match=message) as caught:
        load_check(entry_point(name, target))
    assert f"[{name}]" in str(caught.value)


def test_a_good_plugin_loads():
    check = load_check(entry_point("answers", "Answers"))
    assert check.name == "answers"


async def test_malformed_link_targets_never_crash_a_builtin_check(check_ctx):
    targets = ("https://[::1", "http://[x]/a", "http://exa mple.com", "http://xn--a-/", "")
    text = "The ministry said on Monday it would publish the figures, according to a statement."
    article = Article(
        text=text,
        url="http://[broken",
        canonical_url="https://[::1/x",
        links=tuple(Link(url=t, text="statement", position=50) for t in targets),
    )

    checklist = await run(article, load_checks(), check_ctx)

    assert [o.check for o in checklist.outcomes if o.result.status is Status.ERROR] == []
