"""The rule catalogue, generated from the registry so the documentation cannot drift.

python -m cleaner.tools.catalogue > docs/rules.md
"""

from __future__ import annotations

from ..config import thresholds
from ..pipeline import ordered_rules
from ..rules.base import Rule

# The input kinds, in the order the catalogue lists them; a rule that declares no
# kinds applies to both.
_KINDS = ("text", "html")


def rule_catalogue() -> str:
    """Markdown: every built-in rule by family, in pipeline order, its parameters, and every
    threshold."""
    lines = [
        "# Rule catalogue",
        "",
        "Generated from the rule registry by `python -m cleaner.tools.catalogue`; "
        "a test fails when this file is out of date.",
        "",
        "Rules run in this order. Each removal in an explanation names its rule and family;",
        "disable either by name: `Cleaner(disable={'media_title', 'trailers'})`.",
        "A rule runs only on the input kinds listed (`text`: scraped page text, `html`: HTML);",
        "its module is the file under `src/cleaner/` that defines it.",
        "",
    ]
    family = None
    for rule in ordered_rules():
        if rule.family != family:
            family = rule.family
            lines += [
                "",
                f"## {family}",
                "",
                "| rule | input kinds | module | what it removes |",
                "| --- | --- | --- | --- |",
            ]
        description = " ".join(rule.description.split())
        lines.append(f"| `{rule.name}` | {_kinds(rule)} | `{_module_path(rule)}` | {description} |")
    lines += _parameter_table(ordered_rules())
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


def _parameter_table(rules: list[type[Rule]]) -> list[str]:
    """The ``Param``s each rule declares, in pipeline order: name, default, meaning."""
    lines = [
        "",
        "## Rule parameters",
        "",
        "Thresholds a single rule declares (`Param`), with their defaults; override them per",
        "rule name: `Config(rule_params={'counter': {'max_words': 6}})`.",
        "",
        "| rule.parameter | default | what it bounds |",
        "| --- | --- | --- |",
    ]
    for rule in rules:
        for name, param in rule.parameters().items():
            doc = " ".join(param.doc.split())
            lines.append(f"| `{rule.name}.{name}` | `{param.default!r}` | {doc} |")
    return lines


def _kinds(rule: object) -> str:
    kinds = getattr(rule, "kinds", frozenset(_KINDS))
    return ", ".join(kind for kind in _KINDS if kind in kinds)


def _module_path(rule: object) -> str:
    """``cleaner.rules.media`` as ``rules/media.py``: where to read the rule."""
    module = rule.__module__.removeprefix("cleaner.")
    return module.replace(".", "/") + ".py"


if __name__ == "__main__":
    print(rule_catalogue(), end="")
