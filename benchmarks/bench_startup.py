"""Cold start-up of the command line: launch to output, in a fresh interpreter each time."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "checks" / "samples" / "globalresearch-belgorod.md"


def cli_cold_start_ms(runs: int = 5) -> list[float]:
    exe = Path(sys.executable).with_name("sourcecheck")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(exe), "check", str(SAMPLE)], capture_output=True, check=True, env=env)
        samples.append((time.perf_counter() - started) * 1000)
    return samples
