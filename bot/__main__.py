"""`python -m bot`: the same as `sourcecheck bot` (options and environment alike)."""

from __future__ import annotations

import sys

from checks.cli.main import main

if __name__ == "__main__":
    sys.exit(main(["bot", *sys.argv[1:]]))
