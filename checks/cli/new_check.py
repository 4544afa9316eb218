"""`sourcecheck new-check NAME`: write a ready-to-install package holding one new check."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from string import Template

from checks.engine import check_entry_points

TEMPLATES = ("templates", "new_check")
# (template file, where it goes in the new package; {module} and {name} filled in)
FILES = (
    ("pyproject.toml.tmpl", "pyproject.toml"),
    ("README.md.tmpl", "README.md"),
    ("gitignore.tmpl", ".gitignore"),
    ("init.py.tmpl", "src/{module}/__init__.py"),
    ("check.py.tmpl", "src/{module}/check.py"),
    ("test_check.py.tmpl", "tests/test_{name}.py"),
)
_NAME = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*")


class ScaffoldError(ValueError):
    """The package cannot be written; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class Names:
    """Every spelling of the new check's name that the package needs."""

    name: str  # check and entry-point name: "word_list"
    dist: str  # distribution: "sourcecheck-word-list"
    module: str  # import package: "sourcecheck_word_list"
    class_name: str  # "WordList"
    title: str  # "Word list"
    sourcecheck_version: str


def names_for(raw: str) -> Names:
    """Derive the package's names from NAME; refuse what cannot be a check name."""
    if not _NAME.fullmatch(raw):
        raise ScaffoldError(
            f"{raw!r} cannot be a check name: use lower-case letters, digits and _ or -,"
            " starting with a letter (e.g. word_list)"
        )
    name = raw.replace("-", "_")
    try:
        current = version("sourcecheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        current = "0.1"
    return Names(
        name=name,
        dist="sourcecheck-" + name.replace("_", "-"),
        module="sourcecheck_" + name,
        class_name="".join(part.capitalize() for part in name.split("_")),
        title=name.replace("_", " ").capitalize(),
        sourcecheck_version=".".join(current.split(".")[:2]),
    )


def write_package(raw_name: str, directory: Path | None = None) -> tuple[Path, list[Path]]:
    """Write the package for check `raw_name` into `directory`; return it and the files."""
    names = names_for(raw_name)
    taken = {ep.name: ep for ep in check_entry_points()}
    if names.name in taken:
        ep = taken[names.name]
        owner = ep.dist.name if ep.dist is not None else ep.value
        raise ScaffoldError(f"a check named {names.name!r} is already installed (from {owner})")
    target = directory if directory is not None else Path(names.dist)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} already exists and is not an empty directory")
    values = asdict(names)
    templates = resources.files("checks.cli").joinpath(*TEMPLATES)
    written: list[Path] = []
    for template, dest in FILES:
        text = Template(templates.joinpath(template).read_text("utf-8")).substitute(values)
        path = target / dest.format(module=names.module, name=names.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        written.append(path)
    return target, written


def new_check(args: argparse.Namespace) -> int:
    try:
        target, written = write_package(args.name, Path(args.dir) if args.dir else None)
    except (ScaffoldError, OSError) as exc:
        print(f"sourcecheck new-check: {exc}", file=sys.stderr)
        return 1
    names = names_for(args.name)
    print(f"Wrote the check {names.name!r} as the package {names.dist} in {target}:")
    for path in written:
        print(f"  {path.relative_to(target)}")
    print("Next:")
    print(f"  pip install -e '{target}[test]'")
    print(f"  pytest {target}")
    print("  sourcecheck checks")
    return 0


def register_new_check(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> Callable[[argparse.Namespace], int]:
    """Add `new-check` to the command line; return its handler."""
    parser = subparsers.add_parser(
        "new-check", help="write a ready-to-install package for a new check"
    )
    parser.add_argument("name", metavar="NAME", help="the check's name, e.g. word_list")
    parser.add_argument(
        "--dir", metavar="PATH", help="directory to write (default: ./sourcecheck-NAME)"
    )
    return new_check
