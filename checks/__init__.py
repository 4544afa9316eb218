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
    "Origin",
    "Outcome",
    "Region",
    "Result",
    "Status",
    "Visibility",
]
