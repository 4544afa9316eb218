"""The command line: the sample checklist, the formats, and bad input answered in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.cli.main import main
from checks.testing import SAMPLE_NAME

SAMPLE = Path(__file__).parents[2] / "checks" / "samples" / SAMPLE_NAME
NOW = "2026-11-24T12:00:00+00:00"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_follows_the_documented_contract(capsys):
    code, out, err = run_cli(capsys, "check", str(SAMPLE), "--format", "json", "--now", NOW)

    assert code == 0, err
    doc = json.loads(out)
    assert doc["schema"] == 2
    assert doc["input"] == str(SAMPLE)
    assert set(doc["article"]) >= {"url", "title", "byline", "site_name", "published", "language"}
    assert [r["check"] for r in doc["results"]] == [
        "outlet",
        "author",
        "original_source",
        "sources",
        "citations",
        "disclaimers",
        "dated_claims",
        "lateral",
    ]
    for result in doc["results"]:
        assert set(result) == {
            "check", "title", "status", "summary", "message", "evidence", "data"
        }  # fmt: skip
        assert result["status"] in {"pass", "warn", "fail", "info", "skip", "error"}


def test_several_inputs_in_one_run_as_json_lines(capsys, tmp_path):
    other = tmp_path / "note.txt"
    other.write_text("A short note with no sources at all, written on Monday.\n")
    code, out, _ = run_cli(capsys, "check", str(SAMPLE), str(other), "-f", "jsonl", "--now", NOW)

    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["input"] for d in docs] == [str(SAMPLE), str(other)]


def test_markdown_and_text_formats_name_every_check(capsys):
    for fmt in ("text", "markdown"):
        code, out, _ = run_cli(capsys, "check", str(SAMPLE), "-f", fmt, "--now", NOW)
        assert code == 0
        for title in ("Outlet", "Original source", "Linked citations", "Disclaimers", "Dates"):
            assert title in out


def test_stdin_is_read_with_dash(capsys, monkeypatch):
    import io

    fake = io.TextIOWrapper(io.BytesIO(b"Plain text pasted on stdin, said the minister."))
    monkeypatch.setattr(sys, "stdin", fake)
    code, out, _ = run_cli(capsys, "check", "-", "-f", "json", "--now", NOW)
    assert code == 0
    assert json.loads(out)["input"] == "-"


def write_bad_input(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"  \n\n")
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    elif kind == "huge":
        with path.open("wb") as f:  # sparse: 50 MB without writing 50 MB
            f.truncate(50 * 1024 * 1024)
    elif kind == "encoding":
        path.write_bytes(bytes(range(128, 256)) * 40)
    elif kind == "directory":
        path = tmp_path / "adir"
        path.mkdir()
    elif kind == "missing":
        path = tmp_path / "nope.md"
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("empty", "the input is empty"),
        ("binary", "looks like a binary file"),
        ("huge", "is 52,428,800 bytes; the limit is 10,485,760 bytes (10 MiB)"),
        ("encoding", "cannot tell the text encoding"),
        ("directory", "is a directory"),
        ("missing", "no such file"),
    ],
)
def test_bad_input_gets_one_clear_line_and_a_nonzero_exit(capsys, tmp_path, kind, message):
    path = write_bad_input(kind, tmp_path)
    code, out, err = run_cli(capsys, "check", str(path))

    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_a_bad_input_does_not_stop_the_others_in_a_batch(capsys, tmp_path):
    missing = tmp_path / "missing.md"
    code, out, err = run_cli(capsys, "check", str(missing), str(SAMPLE), "-f", "jsonl")
    assert code == 2
    assert "no such file" in err
    assert json.loads(out)["input"] == str(SAMPLE)


def test_installed_console_script_runs_the_sample():
    exe = Path(sys.executable).with_name("sourcecheck")
    proc = subprocess.run(
        [str(exe), "check", str(SAMPLE), "--now", NOW],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Outlet:" in proc.stdout


def test_checks_command_lists_builtins_with_their_package(capsys):
    code, out, _ = run_cli(capsys, "checks")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:8]] == [
        "outlet",
        "author",
        "original_source",
        "sources",
        "citations",
        "disclaimers",
        "dated_claims",
        "lateral",
    ]
    assert all("sourcecheck" in line for line in lines[:8])


def test_the_seed_checklist_says_who_wrote_it_who_is_quoted_and_where_to_look(capsys):
    code, out, _ = run_cli(capsys, "check", str(SAMPLE), "--now", NOW)
    assert code == 0
    lines = out.splitlines()
    author = next(line for line in lines if line.startswith("[i] Who wrote it: "))
    assert (
        author
        == "[i] Who wrote it: A named author: Lucas Leiroz de Almeida; no author page linked"
    )
    quoted = next(line for line in lines if "] Who is quoted: " in line)
    assert quoted.startswith("[!] Who is quoted: ")
    assert "(Andrey Yusov, Matthew Miller)" in quoted
    assert quoted.endswith("; 4 claims stated as fact with no source")
    at = lines.index(quoted)
    shown = "\n".join(lines[at : at + 8])
    assert "participation by NATO agents" in shown
    assert "(no source given)" in shown
    look = lines.index(next(line for line in lines if "] Where else to look: " in line))
    assert "<https://news.google.com/search?q=Belgorod+Attack+Helps+Kiev" in lines[look + 1]
    assert (
        "<https://toolbox.google.com/factcheck/explorer/search/Belgorod%20Attack"
        in lines[look + 2]
    )


def test_the_seed_json_documents_the_unsourced_claims(capsys):
    code, out, _ = run_cli(capsys, "check", str(SAMPLE), "--format", "json", "--now", NOW)
    assert code == 0
    results = {r["check"]: r for r in json.loads(out)["results"]}
    claims = [c["quote"] for c in results["sources"]["data"]["unattributed_claims"]]
    assert any("participation by NATO agents" in c for c in claims)
    assert any("there is certainly Western involvement" in c for c in claims)
    assert results["author"]["data"]["kind"] == "person"
    assert {link["kind"] for link in results["lateral"]["data"]["links"]} == {
        "news_search",
        "fact_check_search",
    }
