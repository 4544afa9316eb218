"""`sourcecheck messages`: the gettext catalogs of a package, kept in step with the messages
its modules declare.

    sourcecheck messages                 # update checks/locale/*/LC_MESSAGES/checks.po
    sourcecheck messages --package bot   # the bot's words
    sourcecheck messages --check         # exit 1 if a catalog lacks or has a stale entry

Every module of the package is imported, every `Messages(...)` it declares is collected, and
each language's .po file gets the new entries (empty, for a translator), loses the obsolete
ones and keeps every translation whose message is unchanged. msgctxt is the message id, msgid
the English template, so a translator reads English and the JSON carries the id."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from checks.i18n.language import DEFAULT, LANGUAGES
from checks.i18n.messages import REGISTRY, Plural


def declared(package: str) -> dict[str, str | Plural]:
    """id -> English template of every message the package's modules declare."""
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if ".tests" in info.name or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:
            continue  # an optional platform's module whose library is not installed
    return {
        key: messages.templates[key]
        for key, messages in sorted(REGISTRY.items())
        if messages.domain == package
    }


def template_catalog(package: str):  # -> babel.messages.catalog.Catalog
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="sourcecheck", domain=package)
    for key, english in declared(package).items():
        msgid = (english.one, english.many) if isinstance(english, Plural) else english
        catalog.add(msgid, context=key)
    return catalog


def po_path(package: str, lang: str) -> Path:
    base = Path(str(resources.files(package)))
    return base / "locale" / lang / "LC_MESSAGES" / f"{package}.po"


def update(package: str, *, check: bool = False) -> list[str]:
    """Update (or, with check, only compare) every reply language's catalog; returns what is
    out of step ("uk: 3 new, 1 obsolete")."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = template_catalog(package)
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in template if m.id}
    report = []
    for lang in LANGUAGES:
        if lang == DEFAULT:
            continue
        path = po_path(package, lang)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang, domain=package)
        else:
            catalog = Catalog(locale=lang, domain=package, project="sourcecheck")
        have = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
        new, gone = wanted - have, have - wanted
        if new or gone:
            report.append(f"{lang}: {len(new)} new, {len(gone)} obsolete")
        if check:
            continue
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.fuzzy = False  # a fuzzy header would be dropped, and its Plural-Forms with it
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=99, omit_header=False, sort_output=True)
    return report


def register_messages(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> Callable[[argparse.Namespace], int]:
    parser = subparsers.add_parser(
        "messages", help="update the reply-language catalogs (.po) from the declared messages"
    )
    parser.add_argument("--package", default="checks", help="checks (default), bot, a plug-in")
    parser.add_argument(
        "--check", action="store_true", help="only report; exit 1 when a catalog is out of step"
    )
    return run


def run(args: argparse.Namespace) -> int:
    report = update(args.package, check=args.check)
    for line in report:
        print(line)
    return 1 if args.check and report else 0
