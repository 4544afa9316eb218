"""Who is quoted, and how: attributed statements in the article's text, by kind."""

from checks.builtin.sources.check import Sources

__all__ = ["Sources"]
