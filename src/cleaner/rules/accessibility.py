"""Accessibility links and screen-reader labels: "Skip to main content", "Back to top"."""

from __future__ import annotations

from .whole_line import WholeLinePhraseRule


class AccessibilityLink(WholeLinePhraseRule):
    name = "accessibility_link"
    family = "accessibility"
    description = (
        "A block that is only an accessibility link or screen-reader label "
        "('Skip to main content', 'Accessibility links', 'Back to top')."
    )
    section = "accessibility"
    what = "an accessibility link or screen-reader label"


RULES = (AccessibilityLink,)
