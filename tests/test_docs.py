"""Documentation that is generated must be current."""

from __future__ import annotations

from pathlib import Path

from cleaner.rules import DEFAULT_RULES
from cleaner.tools.catalogue import _kinds, rule_catalogue

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_rule_catalogue_is_current() -> None:
    current = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert current == rule_catalogue(), "run: python -m cleaner.tools.catalogue > docs/rules.md"


def test_catalogue_lists_every_rule() -> None:
    text = rule_catalogue()
    for rule in DEFAULT_RULES:
        assert f"`{rule.name}`" in text


def test_catalogue_rows_name_kinds_and_module() -> None:
    rows = {
        line.split("|")[1].strip(): line
        for line in rule_catalogue().splitlines()
        if line.startswith("| `")
    }
    src = Path(__file__).resolve().parent.parent / "src" / "cleaner"
    for rule in DEFAULT_RULES:
        cells = [cell.strip() for cell in rows[f"`{rule.name}`"].split("|")[1:-1]]
        kinds = getattr(rule, "kinds", frozenset({"text", "html"}))
        assert cells[1] == ", ".join(k for k in ("text", "html") if k in kinds)
        module = cells[2].strip("`")
        assert (src / module).is_file(), module
        assert rule.__module__ == "cleaner." + module.removesuffix(".py").replace("/", ".")


def test_catalogue_shows_declared_kinds() -> None:
    class HtmlOnly:
        kinds = frozenset({"html"})

    assert _kinds(HtmlOnly) == "html"
    assert _kinds(object) == "text, html"
