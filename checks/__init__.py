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
from checks.temporal import TemporalExpression, find_temporal_expressions

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
    "TemporalExpression",
    "Visibility",
    "find_temporal_expressions",
]
