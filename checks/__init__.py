"""sourcecheck's engine: what a check author imports."""

from checks.model import (
    Article,
    Block,
    Check,
    Checklist,
    Context,
    Declared,
    Evidence,
    Link,
    Message,
    Origin,
    Outcome,
    Region,
    Result,
    Status,
    Visibility,
)

__all__ = [
    "Article",
    "Block",
    "Check",
    "Checklist",
    "Context",
    "Declared",
    "Evidence",
    "Link",
    "Message",
    "Origin",
    "Outcome",
    "Region",
    "Result",
    "Status",
    "TemporalExpression",
    "Visibility",
    "find_temporal_expressions",
]


def __getattr__(name: str) -> object:
    # The temporal finder loads every language's patterns: only when someone asks for it.
    if name in ("TemporalExpression", "find_temporal_expressions"):
        from checks import temporal

        return getattr(temporal, name)
    raise AttributeError(f"module 'checks' has no attribute {name!r}")
