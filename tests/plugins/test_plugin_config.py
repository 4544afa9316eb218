"""Choosing checks: a TOML file and environment variables enable, disable and configure them."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import Context
from checks.config import Config, ConfigError, checks_for_chat, load_config
from checks.engine import BUILTIN_ORDER, CheckLoadError

TOML = """
[checks]
enable = ["outlet", "citations", "disclaimers"]
disable = ["citations"]

[checks.disclaimers]
extra_phrases = ["views are the author's own"]
max_quotes = 3
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sourcecheck.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("toml", "environ", "expected"),
    [
        (None, {}, Config()),
        (
            TOML,
            {},
            Config(
                enable=("outlet", "citations", "disclaimers"),
                disable=("citations",),
                settings={
                    "disclaimers": {
                        "extra_phrases": ["views are the author's own"],
                        "max_quotes": 3,
                    }
                },
            ),
        ),
        (
            None,
            {"SOURCECHECK_CHECKS_ENABLE": "outlet, disclaimers", "SOURCECHECK_CHECKS_DISABLE": ""},
            Config(enable=("outlet", "disclaimers")),
        ),
        (None, {"SOURCECHECK_CHECKS_ENABLE": "", "HOME": "/root"}, Config()),
        (
            TOML,
            {
                "SOURCECHECK_CHECKS_DISABLE": "outlet,citations",
                "SOURCECHECK_CHECK__DISCLAIMERS__MAX_QUOTES": "5",
                "SOURCECHECK_CHECK__outlet__table": "/data/outlets.csv",
            },
            Config(
                enable=("outlet", "citations", "disclaimers"),
                disable=("outlet", "citations"),
                settings={
                    "disclaimers": {
                        "extra_phrases": ["views are the author's own"],
                        "max_quotes": "5",
                    },
                    "outlet": {"table": "/data/outlets.csv"},
                },
            ),
        ),
    ],
    ids=["nothing", "file", "environment", "empty-enable-means-all", "environment-overrides"],
)
def test_file_then_environment(tmp_path, toml, environ, expected):
    path = write(tmp_path, toml) if toml is not None else None

    config = load_config(path, environ)

    assert (config.enable, config.disable, config.settings) == (
        expected.enable,
        expected.disable,
        expected.settings,
    )


def test_the_file_can_be_named_in_the_environment(tmp_path):
    path = write(tmp_path, '[checks]\ndisable = ["dated_claims"]\n')

    config = load_config(environ={"SOURCECHECK_CONFIG": str(path)})

    assert config.disable == ("dated_claims",)
    assert config.sources == (str(path),)


def test_an_explicit_path_beats_the_environment(tmp_path):
    chosen = write(tmp_path, '[checks]\ndisable = ["outlet"]\n')
    config = load_config(chosen, {"SOURCECHECK_CONFIG": str(tmp_path / "other.toml")})
    assert config.disable == ("outlet",)


def test_enabled_and_disabled_checks_are_what_loads(tmp_path):
    config = load_config(write(tmp_path, TOML), {})
    assert [c.name for c in config.load_checks()] == ["outlet", "disclaimers"]


def test_disabling_one_check_keeps_the_others_in_order():
    config = load_config(None, {"SOURCECHECK_CHECKS_DISABLE": "citations"})
    names = [c.name for c in config.load_checks()]
    assert names[: len(BUILTIN_ORDER) - 1] == [n for n in BUILTIN_ORDER if n != "citations"]


def test_settings_reach_the_context_under_each_checks_name(tmp_path, check_ctx):
    config = load_config(write(tmp_path, TOML), {})

    ctx = config.context(check_ctx)

    assert isinstance(ctx, Context)
    assert ctx.settings == {
        "disclaimers": {"extra_phrases": ["views are the author's own"], "max_quotes": 3}
    }
    assert (ctx.now, ctx.outlets, ctx.fetcher) == (check_ctx.now, check_ctx.outlets, None)


@pytest.mark.parametrize(
    ("toml", "environ", "message"),
    [
        ("[checks\n", {}, "sourcecheck.toml: not valid TOML: "),
        ('[checks]\nenable = "outlet"\n', {}, "checks.enable must be a list of check names"),
        ("[checks]\nfrequency = 3\n", {}, "checks.frequency must be a [checks.frequency] table"),
        ("checks = 1\n", {}, "[checks] must be a table"),
        (
            None,
            {"SOURCECHECK_CHECK__outlet": "x"},
            "expected SOURCECHECK_CHECK__<check>__<setting>",
        ),
    ],
)
def test_a_broken_configuration_is_refused_naming_where(tmp_path, toml, environ, message):
    path = write(tmp_path, toml) if toml is not None else None
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ)
    assert message in str(caught.value)


def test_a_missing_file_is_named(tmp_path):
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError) as caught:
        load_config(path, {})
    assert str(caught.value) == f"{path}: no such configuration file"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (Config(disable=("citatons",)), "disable names unknown check(s): citatons (installed: "),
        (
            Config(settings={"outlets": {}}, sources=("prod.toml",)),
            "prod.toml: settings names unknown check(s): outlets",
        ),
        (Config(enable=("outlet", "nope")), "enable names unknown check(s): nope"),
    ],
)
def test_a_typo_in_a_check_name_stops_start_up(config, message):
    with pytest.raises(ConfigError) as caught:
        config.load_checks()
    assert message in str(caught.value)
    assert not isinstance(caught.value, CheckLoadError)


def test_a_chat_switches_checks_off_for_itself_only():
    checks = Config().load_checks()

    chosen = checks_for_chat(checks, {"citations", "dated_claims"})

    assert [c.name for c in chosen] == [
        c.name for c in checks if c.name not in {"citations", "dated_claims"}
    ]
    assert checks_for_chat(checks, set()) == checks
