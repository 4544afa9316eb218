"""Every input the command line reads is bounded: devices and pipes refused, sizes exact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.read.text import MAX_INPUT_BYTES


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(code: int, out: str, err: str, message: str) -> None:
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device_is_refused_without_reading_it(capsys):
    code, out, err = run_cli(capsys, "check", "/dev/zero")
    assert_one_clear_line(code, out, err, "/dev/zero is not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_with_no_writer_is_refused_not_waited_on(capsys, tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    code, out, err = run_cli(capsys, "check", str(fifo))
    assert_one_clear_line(code, out, err, "is not a regular file (a device, pipe or socket)")


def test_one_byte_over_the_limit_says_by_how_much(capsys, tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_INPUT_BYTES + 1)
    code, out, err = run_cli(capsys, "check", str(path))
    assert_one_clear_line(
        code, out, err, "is 10,485,761 bytes; the limit is 10,485,760 bytes (10 MiB)"
    )


def test_binary_data_named_html_is_not_read_as_a_page(capsys, tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    code, out, err = run_cli(capsys, "check", str(path))
    assert_one_clear_line(code, out, err, "looks like a binary file")


def test_a_file_name_with_newlines_stays_on_one_header_line(capsys, tmp_path):
    path = tmp_path / "note\nOutlet: FAKE\n.txt"
    path.write_text("A short note with no sources at all, written on Monday.\n")
    code, out, _ = run_cli(capsys, "check", str(path), "-f", "text")
    assert code == 0
    assert "\nOutlet: FAKE" not in out
    assert "note\\nOutlet: FAKE\\n.txt" in out.splitlines()[0]


def test_a_missing_file_with_a_newline_in_its_name_is_one_error_line(capsys, tmp_path):
    code, out, err = run_cli(capsys, "check", str(tmp_path / "gone\nsecond line.md"))
    assert_one_clear_line(code, out, err, "gone\\nsecond line.md")
