"""The rule catalogue, generated from the registry so the documentation cannot drift.

python -m cleaner.catalogue > docs/rules.md
"""

from __future__ import annotations

from .config import thresholds
from .pipeline import ordered_rules


def rule_catalogue() -> str:
    """Markdown: every built-in rule by family, in pipeline order, and every threshold."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rule registry by `python -m cleaner.catalogue`; "
        "a test fails when this file is out of date.",
        "",
        "Rules run in this order. Each removal in an explanation names its rule and family;",
        "disable either by name: `Cleaner(disable={'media_title', 'trailers'})`.",
        "",
    ]
    family = None
    for rule in ordered_rules():
        if rule.family != family:
            family = rule.family
            lines += ["", f"## {family}", "", "| rule | what it removes |", "| --- | --- |"]
        lines.append(f"| `{rule.name}` | {' '.join(rule.description.split())} |")
    lines += [
        "",
        "## Thresholds",
        "",
        "Every threshold is a field of `cleaner.Config` with this default; override any of",
        "them per call (`clean_article(raw, run_gap_penalty=80)`) or per `Cleaner`.",
        "",
        "| name | default |",
        "| --- | --- |",
    ]
    lines += [f"| `{name}` | `{value!r}` |" for name, value in thresholds().items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(rule_catalogue(), end="")
