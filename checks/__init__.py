"""sourcecheck's engine: what a check author imports."""

from checks.model import (
    Article,
    Check,
    Checklist,
    Context,
    Evidence,
    Link,
    Origin,
    Outcome,
    Result,
    Status,
)

__all__ = [
    "Article",
    "Check",
    "Checklist",
    "Context",
    "Evidence",
    "Link",
    "Origin",
    "Outcome",
    "Result",
    "Status",
]
