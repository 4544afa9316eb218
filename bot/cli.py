"""`sourcecheck bot` and `sourcecheck health`, registered through entry points."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

logger = logging.getLogger(__name__)


def register_bot(sub: argparse._SubParsersAction) -> Callable[[argparse.Namespace], int]:  # type: ignore[type-arg]
    bot = sub.add_parser(
        "bot",
        help="run the Telegram bot",
        description="Run the Telegram bot: long polling, or a webhook with --webhook-url."
        " The token comes from TELEGRAM_BOT_TOKEN or TELEGRAM_BOT_TOKEN_FILE.",
    )
    bot.add_argument("--webhook-url", help="public HTTPS URL for Telegram (env WEBHOOK_URL)")
    bot.add_argument("--webhook-listen", help="address to listen on (env WEBHOOK_LISTEN)")
    bot.add_argument("--webhook-port", type=int, help="port to listen on (env WEBHOOK_PORT)")
    bot.add_argument("--db", type=Path, help="SQLite database (env SOURCECHECK_DB)")
    bot.add_argument("--log-level", help="DEBUG, INFO, WARNING (env SOURCECHECK_LOG_LEVEL)")
    bot.add_argument(
        "--rate-limit", type=int, help="checks per user per minute (env SOURCECHECK_RATE_LIMIT)"
    )
    bot.add_argument(
        "--max-concurrent", type=int, help="checks at once (env SOURCECHECK_MAX_CONCURRENT)"
    )
    # Tests only: let the fetcher reach this HOST:PORT although it is a local address.
    bot.add_argument(
        "--allow-address", action="append", metavar="HOST:PORT", help=argparse.SUPPRESS
    )
    return cmd_bot


def register_health(sub: argparse._SubParsersAction) -> Callable[[argparse.Namespace], int]:  # type: ignore[type-arg]
    health = sub.add_parser(
        "health",
        help="exit 0 if the running bot's heartbeat is fresh (never calls Telegram)",
    )
    health.add_argument("--max-age", type=float, default=60.0, metavar="SECONDS")
    health.add_argument("--db", type=Path, help="SQLite database (env SOURCECHECK_DB)")
    return cmd_health


def cmd_bot(args: argparse.Namespace) -> int:
    from telegram.error import InvalidToken, NetworkError

    from bot.core.logs import redact, setup_logging
    from bot.core.settings import SettingsError, from_env
    from checks.config import ConfigError
    from checks.engine import CheckLoadError
    from checks.read.link import parse_allow
    from checks.read.text import InputError

    try:
        settings = from_env(
            os.environ,
            webhook_url=args.webhook_url,
            webhook_listen=args.webhook_listen,
            webhook_port=args.webhook_port,
            db_path=args.db,
            log_level=args.log_level,
            rate_limit=args.rate_limit,
            max_concurrent=args.max_concurrent,
            fetch_allow=tuple(parse_allow(args.allow_address or ())) or None,
        )
    except (SettingsError, InputError) as exc:
        print(f"sourcecheck bot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    setup_logging(settings.log_level, secrets=(settings.token, settings.webhook_secret))
    try:
        asyncio.run(_run(settings))
    except InvalidToken:
        print("sourcecheck bot: Telegram refused the token (401 Unauthorized)", file=sys.stderr)
        return EXIT_FAILURE
    except NetworkError as exc:
        print(f"sourcecheck bot: cannot reach the Bot API: {redact(str(exc))}", file=sys.stderr)
        return EXIT_FAILURE
    except (ConfigError, CheckLoadError) as exc:
        print(f"sourcecheck bot: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


async def _run(settings: object) -> None:
    from bot.telegram.app import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, stop=stop)  # type: ignore[arg-type]
    logger.info("stopped")


def cmd_health(args: argparse.Namespace) -> int:
    from bot.core.store import heartbeat_age
    from checks.read.article_cache import default_path

    path = args.db or Path(os.environ.get("SOURCECHECK_DB", "").strip() or default_path())
    age, reason = heartbeat_age(path)
    if age is None:
        print(f"unhealthy: {reason}")
        return EXIT_FAILURE
    if age > args.max_age:
        print(f"unhealthy: last heartbeat {age:.0f} s ago (more than {args.max_age:g} s)")
        return EXIT_FAILURE
    print(f"healthy: last heartbeat {max(age, 0):.0f} s ago")
    return EXIT_OK


def register_matrix(sub: argparse._SubParsersAction) -> Callable[[argparse.Namespace], int]:  # type: ignore[type-arg]
    matrix = sub.add_parser(
        "matrix",
        help="run the Matrix bot",
        description="Run the Matrix bot. It reads MATRIX_HOMESERVER, MATRIX_USER_ID and"
        " MATRIX_ACCESS_TOKEN (or MATRIX_PASSWORD; either also as a *_FILE).",
    )
    matrix.add_argument("--db", type=Path, help="SQLite database (env SOURCECHECK_DB)")
    matrix.add_argument("--log-level", help="DEBUG, INFO, WARNING (env SOURCECHECK_LOG_LEVEL)")
    return cmd_matrix


def cmd_matrix(args: argparse.Namespace) -> int:
    from bot.core.logs import setup_logging
    from bot.core.settings import SettingsError
    from bot.matrix.settings import from_env
    from checks.config import ConfigError
    from checks.engine import CheckLoadError

    try:
        settings = from_env(os.environ, db_path=args.db, log_level=args.log_level)
    except SettingsError as exc:
        print(f"sourcecheck matrix: {exc}", file=sys.stderr)
        return EXIT_USAGE
    setup_logging(settings.log_level, secrets=(settings.access_token, settings.password))
    # The client library logs whole events at DEBUG: message text stays out of every level.
    logging.getLogger("nio").setLevel(logging.WARNING)
    try:
        asyncio.run(_run_matrix(settings))
    except PermissionError as exc:
        print(f"sourcecheck matrix: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:
        print(f"sourcecheck matrix: cannot reach the homeserver: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except (ConfigError, CheckLoadError) as exc:
        print(f"sourcecheck matrix: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


async def _run_matrix(settings: object) -> None:
    from bot.matrix.client import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await serve(settings, stop=stop)  # type: ignore[arg-type]
