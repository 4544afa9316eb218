"""Finds the installed checks and runs them: one crash or hang never silences the others."""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from importlib.metadata import EntryPoint, entry_points

from checks.i18n import Messages
from checks.model import Article, Check, Checklist, Context, Outcome, Result, Status, Visibility

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "sourcecheck.checks"
DEFAULT_TIMEOUT = 10.0
# Built-ins come first, in the order a reader goes through an article; plug-ins follow by name.
BUILTIN_ORDER = (
    "outlet", "author", "original_source", "sources", "citations", "disclaimers",
    "dated_claims", "lateral",
)  # fmt: skip


# How much of an article the checks are given. The longest article text in a pool of ~500
# real pages is 53,000 characters (its furniture 7,800, its links 242): only a pathological
# page reaches these, and it is checked on its first part, marked as such, in bounded time.
MAX_TEXT_CHARS = 300_000
MAX_FURNITURE_CHARS = 100_000
MAX_LINKS = 3_000
MAX_FIELD_CHARS = 2_000  # title, byline, site name, each metadata value


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


M = Messages(
    __name__,
    {
        "engine.timed_out": "Could not run: no answer within {seconds} s",
        "engine.crashed": "Could not run: {error}",
        "engine.not_passed_on": "Could not run: its result could not be passed on",
    },
)


def timed_out(seconds: float) -> Result:
    return Result(Status.ERROR, message=M("engine.timed_out", seconds=f"{seconds:g}"))


def outcome_of(check: Check, result: Result, seconds: float) -> Outcome:
    """The check's result with its name and title (as data too, when the check declares it)."""
    title_message = getattr(check, "title_message", None)
    return Outcome(check.name, check.title, result, seconds, title_message)


async def run_check(
    check: Check,
    article: Article,
    ctx: Context,
    seconds: float,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Outcome:
    """Run one check; a crash, a hang or a wrong return value becomes one ERROR result.

    `on_outcome` hears of the outcome the moment it is known, in the step that produced it
    (not when the event loop next gets round to this task): a worker process passes it on at
    once, so that a check that never yields does not cost the others their results."""
    started = time.perf_counter()

    async def attempt() -> Outcome:
        result = await check.run(article, ctx)
        if not isinstance(result, Result):
            raise TypeError(f"run() returned {type(result).__name__}, not Result")
        if result.status is Status.ERROR:
            raise ValueError("only the engine may report status 'error'")
        outcome = outcome_of(check, result, time.perf_counter() - started)
        if on_outcome is not None:
            on_outcome(outcome)
        return outcome

    try:
        # A deadline on this task, not a second task per check as wait_for would make.
        async with asyncio.timeout(seconds):
            return await attempt()
    except TimeoutError:
        logger.warning("check %s timed out after %.1f s", check.name, seconds)
        result = timed_out(seconds)
    except Exception as exc:
        logger.exception("check %s crashed", check.name)
        result = Result(Status.ERROR, message=M("engine.crashed", error=type(exc).__name__))
    outcome = outcome_of(check, result, time.perf_counter() - started)
    if on_outcome is not None:
        on_outcome(outcome)
    return outcome


def bounded(article: Article) -> Article:
    """The article as the checks see it: at most MAX_TEXT_CHARS of text, MAX_LINKS links...;
    an article within the bounds (every real one) comes back unchanged."""
    short = {
        name: value[:MAX_FIELD_CHARS]
        for name in ("title", "byline", "site_name")
        if isinstance(value := getattr(article, name), str) and len(value) > MAX_FIELD_CHARS
    }
    long_meta = any(len(v) > MAX_FIELD_CHARS for v in article.meta.values())
    blocks_chars = sum(len(b.text) for b in article.blocks)
    if not (
        short
        or long_meta
        or len(article.text) > MAX_TEXT_CHARS
        or len(article.furniture_text) > MAX_FURNITURE_CHARS
        or len(article.links) > MAX_LINKS
        or blocks_chars > MAX_TEXT_CHARS + MAX_FURNITURE_CHARS
    ):
        return article
    links = tuple(link for link in article.links if link.position < MAX_TEXT_CHARS)[:MAX_LINKS]
    blocks, room = [], MAX_TEXT_CHARS + MAX_FURNITURE_CHARS
    for block in article.blocks:
        if room <= 0:
            break
        blocks.append(replace(block, text=block.text[:room]))
        room -= len(block.text)
    reason = f"only the first {MAX_TEXT_CHARS:,} characters and {MAX_LINKS:,} links were checked"
    return replace(
        article,
        text=article.text[:MAX_TEXT_CHARS],
        furniture_text=article.furniture_text[:MAX_FURNITURE_CHARS],
        links=links,
        blocks=tuple(blocks),
        meta={k: v[:MAX_FIELD_CHARS] for k, v in article.meta.items()},
        visibility=Visibility(
            text="none" if article.visibility.text == "none" else "partial",
            reason="; ".join(r for r in (article.visibility.reason, reason) if r),
        ),
        **short,
    )


async def run(
    article: Article,
    checks: Sequence[Check],
    ctx: Context,
    *,
    input_label: str = "",
    seconds_per_check: float = DEFAULT_TIMEOUT,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Checklist:
    """Run every check concurrently, each with its own timeout; keep the checks' order."""
    article = bounded(article)
    outcomes = await asyncio.gather(
        *(run_check(c, article, ctx, seconds_per_check, on_outcome) for c in checks)
    )
    return Checklist(input=input_label, article=article, outcomes=tuple(outcomes))
