"""The `sourcecheck` command line and its tools (`new-check`); `main` is the console script."""
