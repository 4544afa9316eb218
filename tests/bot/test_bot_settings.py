"""Settings from the environment, and logs that never hold a secret."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.core.logs import REDACTED, add_secret, quiet_http_loggers, redact
from bot.core.settings import DEFAULT_API_BASE_URL, SettingsError, from_env

TOKEN = "123456:test-only-fake-token-settings"


def test_defaults_from_a_token_alone():
    settings = from_env({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.api_base_url == DEFAULT_API_BASE_URL
    assert settings.api_base_file_url == "https://api.telegram.org/file/bot"
    assert (settings.rate_limit, settings.max_concurrent) == (10, 4)
    assert settings.webhook_url is None
    assert settings.db_path.name == "cache.db"  # the article cache's file
    assert TOKEN not in repr(settings)


def test_environment_is_read():
    settings = from_env(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
            "SOURCECHECK_DB": "/data/x.db",
            "SOURCECHECK_LOG_LEVEL": "debug",
            "SOURCECHECK_RATE_LIMIT": "3",
            "SOURCECHECK_MAX_CONCURRENT": "2",
            "WEBHOOK_URL": "https://bot.example.org/telegram",
            "WEBHOOK_SECRET": "abc_DEF-123",
            "WEBHOOK_LISTEN": "0.0.0.0",
            "WEBHOOK_PORT": "8443",
        }
    )
    assert settings.api_base_file_url == "http://127.0.0.1:8081/file/bot"
    assert settings.db_path == Path("/data/x.db")
    assert settings.log_level == "DEBUG"
    assert (settings.rate_limit, settings.max_concurrent) == (3, 2)
    assert (settings.webhook_listen, settings.webhook_port) == ("0.0.0.0", 8443)


def test_options_override_the_environment():
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "SOURCECHECK_RATE_LIMIT": "3"}
    assert from_env(env, rate_limit=7, max_concurrent=None).rate_limit == 7


def test_token_from_a_file(tmp_path):
    secret = tmp_path / "token"
    secret.write_text(TOKEN + "\n")
    assert from_env({"TELEGRAM_BOT_TOKEN_FILE": str(secret)}).token == TOKEN


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "no bot token: set TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN_FILE": "/nonexistent/token"}, "cannot read it"),
        ({"TELEGRAM_BOT_TOKEN": "not a token"}, "does not look like one"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "SOURCECHECK_RATE_LIMIT": "ten"}, "a whole number"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "SOURCECHECK_MAX_CONCURRENT": "0"}, "at least 1"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": "ftp://x/bot"}, "http://"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://x.org/t"}, "needs a secret"),
        (
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "WEBHOOK_URL": "https://x.org/t",
                "WEBHOOK_SECRET": "a b",
            },
            "1-256 characters",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "SOURCECHECK_LOG_LEVEL": "loud"}, "use DEBUG, INFO"),
    ],
)
def test_clear_errors(env, message):
    with pytest.raises(SettingsError, match=message):
        from_env(env)


def test_redaction_covers_messages_arguments_and_tracebacks(caplog):
    add_secret(TOKEN)
    private = TOKEN.partition(":")[2]
    log = logging.getLogger("sourcecheck.test")
    caplog.set_level(logging.INFO)
    log.info("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    log.info("only the private half: %s", private)
    try:
        raise RuntimeError(f"failed for https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        log.exception("request failed")
    assert private not in caplog.text
    assert caplog.text.count(REDACTED) >= 3
    assert redact(f"x {TOKEN} y") == f"x {REDACTED} y"


def test_http_loggers_are_quiet():
    logging.getLogger("httpx").setLevel(logging.DEBUG)
    quiet_http_loggers()
    assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("httpcore").getEffectiveLevel() == logging.WARNING
