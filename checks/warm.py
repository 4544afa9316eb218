"""Load, before the first reader, what the checks build on first use in each language.

A check compiles a language's patterns, automata and tables the first time an article in that
language reaches it: 25–100 ms a language. A bot warms them at start-up (and its worker
processes, forked after, inherit them), so no reader's first message waits for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from checks import engine
from checks.languages import kinds, languages, patterns
from checks.model import Article, Check, Context


def example_text(language: str) -> str:
    """The language's own example sentences, one paragraph each: they reach every kind of its
    data (dates, attributions, labels, republication notices)."""
    examples = (p.example for kind in sorted(kinds(language)) for p in patterns(kind, language))
    return "\n\n".join(dict.fromkeys(e for e in examples if e))


_BUILTIN = "checks.builtin."
# A byline reaches the author check's name patterns, which the examples' text does not.
_BYLINE = "Jane Doe and John Roe"


async def warm(checks: Sequence[Check], ctx: Context) -> None:
    """Run the built-in checks once on each language's examples; the results are not kept.
    Plug-ins are left out: their data is theirs, and one may be slow or ask the network."""
    builtin = [c for c in checks if type(c).__module__.startswith(_BUILTIN)]
    for language in languages() if builtin else ():
        article = Article(text=example_text(language), language=language, byline=_BYLINE)
        await engine.run(article, builtin, ctx)
