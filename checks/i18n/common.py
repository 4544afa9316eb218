"""Words several checks share: what could not be seen, and why."""

from __future__ import annotations

from checks.i18n.messages import Messages
from checks.model import Message

COMMON = Messages(
    __name__,
    {
        "common.could_not_look": "Could not look: {reason}",
        "common.judged_visible": "{summary}; judged only what could be seen ({reason})",
    },
)


def could_not_look(reason: str) -> Message:
    return COMMON("common.could_not_look", reason=reason)


def judged_visible(summary: Message, reason: str) -> Message:
    """A summary of only what a paywalled or script-only page let the reader see."""
    return COMMON("common.judged_visible", summary=summary, reason=reason)
