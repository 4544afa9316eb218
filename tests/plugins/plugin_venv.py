"""Throw-away venvs for plug-in tests: on .venv's interpreter, seeing .venv's packages.

A plug-in pip-installed there never leaks into the environment the rest of the suite runs in.
pip builds offline (--no-build-isolation --no-index) with the setuptools .venv already has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOURCECHECK_", "PYTEST_"))}
    return {**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **extra}


def run(
    *argv: str | Path, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def venv_with(tmp: Path, *packages: Path) -> Path:
    """A throw-away venv that sees .venv's packages, with `packages` pip-installed into it."""
    venv = tmp / "venv"
    made = run(sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", venv)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    parent = sysconfig.get_paths()["purelib"]
    pth = Path(purelib.stdout.strip()) / "_sourcecheck_parent.pth"
    pth.write_text(f"import site; site.addsitedir({parent!r})\n", "utf-8")
    pip = (python, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps", "--no-index")
    installed = run(*pip, *packages)
    assert installed.returncode == 0, installed.stderr
    return python


def copy_package(source: Path, target: Path) -> Path:
    """A clean copy, so that pip's in-tree build leaves nothing behind in the repository."""
    junk = shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".*_cache")
    shutil.copytree(source, target, ignore=junk)
    return target
