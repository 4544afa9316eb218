"""Checklist -> what a reader sees: terminal text, Markdown, JSON and JSON Lines."""
