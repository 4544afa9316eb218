"""The `sourcecheck` command line: check articles, list checks, look up outlets."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from checks.config import Config, ConfigError, load_config
from checks.engine import CheckLoadError, load_checks
from checks.i18n import LANGUAGES, from_environment, pick
from checks.model import Article, Check, Checklist, Context, Origin
from checks.read.text import MAX_INPUT_BYTES, InputError, read_bytes, too_large
from checks.render.checklist import FORMATS, render, to_dict
from checks.worker_pool import AnalysisPool, Job, ReadTimeout

if TYPE_CHECKING:
    from checks.read.fetch import Page

COMMANDS_GROUP = "sourcecheck.commands"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

logger = logging.getLogger(__name__)


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://")) or "://" in value[:16]


def printable(text: str) -> str:
    """A file name as one line: newlines and other control characters escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def read_path_bytes(source: str) -> tuple[bytes, str]:
    """A regular file's bytes (or stdin's), never more than the limit; devices, pipes and
    sockets are refused without opening them (/dev/zero never ends, a FIFO may never open)."""
    if source == "-":
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(raw) > MAX_INPUT_BYTES:
            raise too_large("the input", len(raw))
        return raw, ""
    path = Path(source)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"no such file: {printable(source)}") from None
    except OSError as exc:
        raise InputError(f"cannot read {printable(source)}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{printable(source)} is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"{printable(source)} is not a regular file (a device, pipe or socket);"
            " save it to a file, or pipe it to 'sourcecheck check -'"
        )
    if info.st_size > MAX_INPUT_BYTES:
        raise too_large(printable(source), info.st_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            raw = file.read(MAX_INPUT_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        raise InputError(f"cannot read {printable(source)}: {exc.strerror or exc}") from exc
    if len(raw) > MAX_INPUT_BYTES:
        raise too_large(printable(source), len(raw))
    return raw, path.name


def read_path_input(source: str, url: str | None, received: datetime) -> Article:
    """Read a file path or '-' (stdin), refusing oversized input before reading it whole."""
    return path_reader(source, url, received)()


def path_reader(source: str, url: str | None, received: datetime) -> Callable[[], Article]:
    """The bytes are read here (bounded); making an Article of them is left to a worker."""
    raw, name = read_path_bytes(source)
    origin = Origin(kind="file", name=name) if source != "-" else Origin(kind="stdin")
    return partial(read_bytes, raw, name=name, url=url, origin=origin, received=received)


async def read_input(
    source: str, args: argparse.Namespace, received: datetime
) -> Article | Callable[[], Article]:
    """A link is fetched and read here; a file is read into bytes, to be made an Article in a
    worker under the time limit."""
    if is_url(source):
        return await read_url_input(source, args, received)
    return path_reader(source, args.url, received)


async def read_url_input(
    source: str, args: argparse.Namespace, received: datetime
) -> Article | Callable[[], Article]:
    """A link: the cached article, or the page fetched through the guarded fetcher here and
    left to a worker to read (and cache) under the time limit."""
    from checks.read.article_cache import ArticleCache
    from checks.read.fetch import Fetcher, FetchError
    from checks.read.link import parse_allow, progress

    cache_path = getattr(args, "cache", None)
    if not getattr(args, "no_cache", False):
        cache = ArticleCache(cache_path)
        try:
            cached = cache.get(source)
        finally:
            cache.close()
        if cached is not None:
            return replace(cached, origin=Origin(kind="url", url=source), received=received)
    allow = parse_allow(getattr(args, "allow_address", None) or ())
    try:
        async with Fetcher(allow=allow) as fetcher, progress(source):
            page = await fetcher.fetch(source)
    except FetchError as exc:
        raise InputError(str(exc)) from exc
    return partial(read_fetched_page, page, source, cache_path, received)


def read_fetched_page(page: Page, url: str, cache_path: str | None, received: datetime) -> Article:
    """In the worker: the fetched page -> Article, cached for the next run."""
    from checks.read.article_cache import ArticleCache
    from checks.read.fetch import FetchError
    from checks.read.link import page_article

    try:
        article = replace(page_article(page), origin=Origin(kind="url", url=url))
    except FetchError as exc:
        raise InputError(str(exc)) from exc
    cache = ArticleCache(cache_path)
    try:
        cache.put(url, article, final_url=page.final_url)
    finally:
        cache.close()
    return replace(article, received=received)


def make_context(now: datetime, args: argparse.Namespace | None = None) -> Context:
    from checks.outlets.table import default_table

    settings = getattr(args, "settings", None) or {}
    return Context(now=now, outlets=default_table(), settings=settings)


async def check_inputs(args: argparse.Namespace, checks: Sequence[Check]) -> int:
    if not getattr(args, "probe_links", False):
        return await check_each(args, checks, make_context(args.now or datetime.now(UTC), args))
    from checks.read.fetch import Fetcher
    from checks.read.link import parse_allow

    allow = parse_allow(getattr(args, "allow_address", None) or ())
    async with Fetcher(allow=allow) as fetcher:
        ctx = replace(make_context(args.now or datetime.now(UTC), args), fetcher=fetcher)
        return await check_each(args, checks, ctx)


async def check_each(args: argparse.Namespace, checks: Sequence[Check], ctx: Context) -> int:
    now = ctx.now
    status = EXIT_OK
    checklists: list[Checklist] = []
    # One worker process: a pathological input is stopped at the time limit, not waited for.
    pool = AnalysisPool(
        list(checks),
        lambda when: replace(ctx, now=when),
        workers=1,
        seconds_per_check=args.timeout,
    )
    names = tuple(c.name for c in checks)
    try:
        for source in args.inputs:
            label = printable(source)
            try:
                article = await read_input(source, args, now)
                if isinstance(article, Article):
                    if article.received is None:
                        article = replace(article, received=now)
                    job = Job(now, names, article=article, input_label=label)
                else:
                    job = Job(now, names, read=article, input_label=label)
                checklist = (await pool.analyse(job)).checklist
            except InputError as exc:
                print(f"sourcecheck: {label}: {exc}", file=sys.stderr)
                status = EXIT_USAGE
                continue
            except ReadTimeout as exc:
                print(f"sourcecheck: {label}: {exc}", file=sys.stderr)
                status = EXIT_FAILURE
                continue
            if checklist.article.received is None:
                checklist = replace(checklist, article=replace(checklist.article, received=now))
            checklists.append(checklist)
            status = _print_checklist(args, checklist, status)
    finally:
        await pool.aclose()
    return _print_json(args, checklists, status)


def _print_checklist(args: argparse.Namespace, checklist: Checklist, status: int) -> int:
    if args.format != "json":
        print(render(checklist, args.format, args.lang), flush=True)
        if args.format in ("text", "markdown") and len(args.inputs) > 1:
            print()
    return status


def _print_json(args: argparse.Namespace, checklists: list[Checklist], status: int) -> int:
    if args.format == "json" and checklists:
        if len(args.inputs) == 1:
            print(render(checklists[0], "json", args.lang))
        else:
            documents = [to_dict(c, args.lang) for c in checklists]
            print(json.dumps(documents, ensure_ascii=False, indent=2))
    return status


def command_line_config(args: argparse.Namespace) -> Config:
    """The configuration file/environment, narrowed by --only and --skip."""
    config = load_config(args.config)
    if args.only:
        config = replace(config, enable=tuple(args.only), sources=(*config.sources, "--only"))
    if args.skip:
        config = replace(
            config, disable=(*config.disable, *args.skip), sources=(*config.sources, "--skip")
        )
    return config


def pick_language(value: str) -> str:
    return pick(value)


def cmd_check(args: argparse.Namespace) -> int:
    if getattr(args, "lang", None) is None:
        args.lang = from_environment()
    try:
        config = command_line_config(args)
        checks = config.load_checks()
    except (CheckLoadError, ConfigError) as exc:
        print(f"sourcecheck: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    args.settings = config.settings
    return asyncio.run(check_inputs(args, checks))


def cmd_checks(args: argparse.Namespace) -> int:
    from checks.engine import check_entry_points, order_key

    try:
        checks = {c.name: c for c in load_checks()}
    except CheckLoadError as exc:
        print(f"sourcecheck: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    eps = sorted(check_entry_points(), key=lambda ep: order_key(ep.name))
    shown: set[str] = set()
    for ep in eps:
        if ep.name in shown or ep.name not in checks:
            continue
        shown.add(ep.name)
        dist = f"{ep.dist.name} {ep.dist.version}" if ep.dist else "?"
        print(f"{ep.name:<18} {checks[ep.name].title:<28} {dist}")
    return EXIT_OK


def cmd_outlets(args: argparse.Namespace) -> int:
    from checks.outlets.table import default_table, describe_lookup

    text = describe_lookup(default_table(), args.query)
    print(text)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from checks.evaluate.corpus import render_report, report_json, run_evaluation

    try:
        report = run_evaluation(Path(args.corpus), now=args.now)
    except (FileNotFoundError, ValueError, CheckLoadError) as exc:
        print(f"sourcecheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    as_json = args.json or args.format == "json"
    print(report_json(report) if as_json else render_report(report, show_failures=args.misses))
    return EXIT_OK


def parse_now(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[..., int]]]:
    parser = argparse.ArgumentParser(
        prog="sourcecheck",
        description="What can and cannot be verified about an article's sourcing.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True)
    handlers: dict[str, Callable[..., int]] = {}

    check = sub.add_parser("check", help="check one or more articles")
    check.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
    check.add_argument("--format", "-f", choices=FORMATS, default="text")
    check.add_argument(
        "--lang",
        type=pick_language,
        default=None,
        metavar="CODE",
        help=f"reply language: {', '.join(LANGUAGES)} (default: from LANG/LC_MESSAGES/LC_ALL;"
        " English for any other)",
    )
    check.add_argument("--url", help="where a saved page came from (for relative links)")
    check.add_argument("--no-cache", action="store_true", help="fetch again, ignore the cache")
    check.add_argument("--cache", metavar="PATH", help="cache database file")
    # Tests only: let the fetcher reach this HOST:PORT although it is a local address.
    check.add_argument(
        "--allow-address", action="append", metavar="HOST:PORT", help=argparse.SUPPRESS
    )
    check.add_argument("--timeout", type=float, default=10.0, help="seconds per check")
    check.add_argument(
        "--probe-links",
        action="store_true",
        help="ask whether cited links and a named original answer (a few requests per article)",
    )
    check.add_argument("--only", action="append", metavar="CHECK", help="run only this check")
    check.add_argument("--skip", action="append", metavar="CHECK", help="skip this check")
    check.add_argument(
        "--config",
        type=Path,
        metavar="TOML",
        help="checks to enable/disable and their settings (default: $SOURCECHECK_CONFIG)",
    )
    check.add_argument("--now", type=parse_now, help=argparse.SUPPRESS)
    handlers["check"] = cmd_check

    sub.add_parser("checks", help="list the installed checks and their packages")
    handlers["checks"] = cmd_checks

    outlets = sub.add_parser("outlets", help="what the open datasets say about an outlet")
    outlets.add_argument("query", metavar="DOMAIN-or-NAME")
    handlers["outlets"] = cmd_outlets

    evaluate = sub.add_parser("evaluate", help="measure the checks on a labelled corpus")
    evaluate.add_argument("corpus", metavar="CORPUS_DIR")
    evaluate.add_argument("--format", "-f", choices=("text", "json"), default="text")
    evaluate.add_argument("--json", action="store_true", help="the same as --format json")
    evaluate.add_argument("--misses", action="store_true", help="list every page-level miss")
    evaluate.add_argument("--now", type=parse_now, help=argparse.SUPPRESS)
    handlers["evaluate"] = cmd_evaluate

    # Further commands (the bot, its health probe, ...) register through entry points, so
    # that checks/ never imports bot/.
    for ep in entry_points(group=COMMANDS_GROUP):
        if ep.name in handlers:
            continue
        try:
            register = ep.load()
        except ImportError as exc:
            # Still listed, so that `sourcecheck bot` says why it cannot run.
            handlers[ep.name] = _unavailable(sub, ep.name, exc)
            continue
        handlers[ep.name] = register(sub)
    return parser, handlers


def _unavailable(
    sub: argparse._SubParsersAction, name: str, exc: ImportError
) -> Callable[[argparse.Namespace], int]:
    sub.add_parser(name, help=f"(unavailable: {exc})")

    def handler(args: argparse.Namespace) -> int:
        print(f"sourcecheck: the {name} command cannot load: {exc}", file=sys.stderr)
        return EXIT_FAILURE

    return handler


# Loggers whose messages are the command's own; libraries speak only with --verbose.
OWN_LOGGERS = ("checks", "bot", "__main__")


def _own_message(record: logging.LogRecord) -> bool:
    return record.name.split(".")[0] in OWN_LOGGERS


def _configure_logging(*, verbose: bool) -> None:
    root = logging.getLogger()
    if not root.handlers:  # a host that set up logging (a test run, an embedding app) keeps it
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        if not verbose:
            handler.addFilter(_own_message)
        root.addHandler(handler)
        # Python warnings (deprecations, parser notes) go through logging and its filter.
        logging.captureWarnings(True)
        root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    parser, handlers = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(verbose=args.verbose)
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
