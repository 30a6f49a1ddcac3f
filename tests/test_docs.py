"""Documentation that is generated must be current."""

from __future__ import annotations

from pathlib import Path

from cleaner.catalogue import rule_catalogue
from cleaner.rules import DEFAULT_RULES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_rule_catalogue_is_current() -> None:
    current = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert current == rule_catalogue(), "run: python -m cleaner.catalogue > docs/rules.md"


def test_catalogue_lists_every_rule() -> None:
    text = rule_catalogue()
    for rule in DEFAULT_RULES:
        assert f"`{rule.name}`" in text
