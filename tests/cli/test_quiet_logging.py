"""At the default level the command prints only its own messages, never a library's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# A library that logs a warning and raises a Python warning while the page is read.
NOISY = """
import logging, sys, warnings
import checks.read.html_page as html_page
from checks.cli.main import main

read = html_page.read_html

def noisy(*args, **kwargs):
    logging.getLogger("trafilatura.core").warning("discarding data: None")
    warnings.warn("a library's parser note", UserWarning, stacklevel=1)
    logging.getLogger("checks.read.fetch").warning("our own warning")
    return read(*args, **kwargs)

html_page.read_html = noisy
sys.exit(main(sys.argv[1:]))
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>A short page.</p></body></html>", "utf-8")
    return subprocess.run(
        [sys.executable, "-c", NOISY, *args, "check", str(page)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_library_warnings_stay_off_stderr_by_default(tmp_path):
    result = run(tmp_path)

    assert result.returncode == 0
    assert "discarding data" not in result.stderr
    assert "parser note" not in result.stderr
    assert "our own warning" in result.stderr


def test_verbose_shows_library_messages_too(tmp_path):
    result = run(tmp_path, "-v")

    assert "discarding data" in result.stderr
    assert "parser note" in result.stderr
