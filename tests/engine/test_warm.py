"""A bot warms the checks for every article language before its workers fork: the first
German or Russian reader's checks then compile only what the page itself asks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from checks.languages import languages, patterns
from checks.warm import example_text

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter, so that no other test has warmed anything: read real pages in
# several languages, warm, then count the regexes compiled while the checks run on them.
_SCRIPT = """
import asyncio, re._compiler, sys
from datetime import UTC, datetime
from pathlib import Path
from checks.engine import load_checks, run
from checks.model import Context
from checks.read.html_page import read_html
from checks.warm import warm
pages = Path("tests/fixtures/pages")
articles = [read_html((pages / name / "source.html").read_bytes()) for name in sys.argv[2:]]
checks = load_checks()
ctx = Context(now=datetime(2026, 1, 1, tzinfo=UTC))
loop = asyncio.new_event_loop()
if sys.argv[1] == "warm":
    loop.run_until_complete(warm(checks, ctx))
compiled = []
real = re._compiler.compile
re._compiler.compile = lambda pattern, flags=0: compiled.append(pattern) or real(pattern, flags)
for article in articles:
    loop.run_until_complete(run(article, checks, ctx))
print(sorted({a.language for a in articles}), max(map(len, compiled), default=0))
"""
PAGES = (
    "103-elcomercio-redaccion-kenji-juicio",
    "14-madamefigaro-intestin-updated-feature",
    "19-tass-tskad-moscow-ring-road-opening",
    "34-wyborcza-lotos-new-ceo",
)


def _compiles(mode: str) -> tuple[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, mode, *PAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    languages_seen, longest = done.stdout.strip().rsplit(" ", 1)
    return languages_seen, int(longest)


def test_after_warming_the_checks_compile_only_what_a_page_itself_asks_for():
    cold_languages, cold = _compiles("cold")
    warm_languages, warm = _compiles("warm")
    assert cold_languages == warm_languages
    assert cold_languages.count("'") >= 6  # four languages read
    # Cold, the first pages pay for the languages' long alternations. Warm, what is left are
    # the few short patterns built from a page's own values (its years: "(?<!\\d)(?:22|23)").
    assert cold > 200
    assert warm < 40


def test_every_language_warms_from_its_own_examples():
    for language in languages():
        text = example_text(language)
        examples = [p.example for p in patterns("temporal", language) if p.example]
        assert examples, language
        assert all(e in text for e in examples), language
