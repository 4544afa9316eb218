"""Is a message an article to check, or conversation with the bot? The same rule everywhere."""

from __future__ import annotations

# Text with neither a link nor a forward origin is an article only with this much prose;
# shorter text, or a short question, is conversation ("hi", "how does this work?", "thanks!").
MIN_PROSE_WORDS = 12
MIN_PROSE_CHARS = 60  # for scripts written without spaces between words
MAX_QUESTION_WORDS = 25


def is_prose(text: str) -> bool:
    """Enough words to be an article, and not a short question put to the bot."""
    words = text.split()
    letters = sum(ch.isalnum() for ch in text)
    if len(words) < MIN_PROSE_WORDS and (len(words) > 3 or letters < MIN_PROSE_CHARS):
        return False
    return not (text.rstrip().endswith(("?", "？")) and len(words) <= MAX_QUESTION_WORDS)
