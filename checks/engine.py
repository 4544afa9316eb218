"""Finds the installed checks and runs them: one crash or hang never silences the others."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points

from checks.model import Article, Check, Checklist, Context, Outcome, Result, Status

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "sourcecheck.checks"
DEFAULT_TIMEOUT = 10.0
# Built-ins come first, in the order a reader goes through an article; plug-ins follow by name.
BUILTIN_ORDER = (
    "outlet", "author", "original_source", "sources", "citations", "disclaimers",
    "dated_claims", "lateral",
)  # fmt: skip


class CheckLoadError(Exception):
    """An installed check could not be loaded; the message names its package."""


def _plugin_label(ep: EntryPoint) -> str:
    dist = ep.dist.name if ep.dist is not None else "?"
    return f"{dist}[{ep.name}]"


def load_check(ep: EntryPoint) -> Check:
    """Import one entry point and make sure it honours the Check contract."""
    label = _plugin_label(ep)
    try:
        obj = ep.load()
        check = obj() if inspect.isclass(obj) else obj
    except Exception as exc:
        raise CheckLoadError(f"{label}: cannot load {ep.value}: {exc}") from exc
    name = getattr(check, "name", None)
    if name != ep.name:
        raise CheckLoadError(f"{label}: check name {name!r} differs from its entry point")
    if not isinstance(getattr(check, "title", None), str) or not check.title:
        raise CheckLoadError(f"{label}: check has no title")
    if not inspect.iscoroutinefunction(getattr(check, "run", None)):
        raise CheckLoadError(f"{label}: run() must be an async method")
    return check  # type: ignore[no-any-return]


def check_entry_points() -> list[EntryPoint]:
    return list(entry_points(group=ENTRY_POINT_GROUP))


def order_key(name: str) -> tuple[int, str]:
    try:
        return (BUILTIN_ORDER.index(name), name)
    except ValueError:
        return (len(BUILTIN_ORDER), name)


def load_checks(enabled: Iterable[str] | None = None, disabled: Iterable[str] = ()) -> list[Check]:
    """Load installed checks in stable order; fail fast naming the package of a bad one."""
    wanted = set(enabled) if enabled is not None else None
    skipped = set(disabled)
    seen: dict[str, str] = {}
    checks: list[Check] = []
    for ep in check_entry_points():
        label = _plugin_label(ep)
        if ep.name in seen:
            if seen[ep.name] == ep.value:
                continue  # the same distribution seen twice on sys.path
            raise CheckLoadError(f"{label}: duplicate check name, also in {seen[ep.name]}")
        seen[ep.name] = ep.value
        if (wanted is not None and ep.name not in wanted) or ep.name in skipped:
            continue
        checks.append(load_check(ep))
    if wanted is not None:
        unknown = wanted - set(seen)
        if unknown:
            raise CheckLoadError(f"unknown check(s): {', '.join(sorted(unknown))}")
    return sorted(checks, key=lambda c: order_key(c.name))


async def run_check(check: Check, article: Article, ctx: Context, seconds: float) -> Outcome:
    """Run one check; a crash, a hang or a wrong return value becomes one ERROR result."""
    started = time.perf_counter()
    try:
        result = await asyncio.wait_for(check.run(article, ctx), seconds)
        if not isinstance(result, Result):
            raise TypeError(f"run() returned {type(result).__name__}, not Result")
        if result.status is Status.ERROR:
            raise ValueError("only the engine may report status 'error'")
    except TimeoutError:
        logger.warning("check %s timed out after %.1f s", check.name, seconds)
        result = Result(Status.ERROR, f"Could not run: no answer within {seconds:g} s")
    except Exception as exc:
        logger.exception("check %s crashed", check.name)
        result = Result(Status.ERROR, f"Could not run: {type(exc).__name__}")
    return Outcome(check.name, check.title, result, time.perf_counter() - started)


async def run(
    article: Article,
    checks: Sequence[Check],
    ctx: Context,
    *,
    input_label: str = "",
    seconds_per_check: float = DEFAULT_TIMEOUT,
) -> Checklist:
    """Run every check concurrently, each with its own timeout; keep the checks' order."""
    outcomes = await asyncio.gather(
        *(run_check(c, article, ctx, seconds_per_check) for c in checks)
    )
    return Checklist(input=input_label, article=article, outcomes=tuple(outcomes))
