"""The core stands apart from the tooling built on it.

The core (the pipeline, the front-ends, the rules, the renderers, the samples) never
imports the packages around it: ``tools`` (the command, the explain report, the
catalogue), ``testing`` (the pytest plugin, the strategies), ``batch`` and
``integrations``. The tooling never imports the test helpers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cleaner"
OUTER = ("tools", "testing", "batch", "integrations")


def _imports(path: Path) -> set[str]:
    """Every ``cleaner`` module ``path`` imports, as a dotted name (``cleaner.tools.cli``)."""
    module = ["cleaner", *path.relative_to(PACKAGE).with_suffix("").parts]
    if module[-1] == "__init__":
        module.pop()
    package = module if path.name == "__init__.py" else module[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            found.add(name)
            # ``from .. import batch`` names the package in the alias.
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "cleaner"}


def _part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0] if len(path.relative_to(PACKAGE).parts) > 1 else ""


CORE = sorted(p for p in PACKAGE.rglob("*.py") if _part(p) not in OUTER and p.name != "__main__.py")


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_never_imports_the_tooling(path: Path) -> None:
    outer = {f"cleaner.{name}" for name in OUTER}
    bad = {m for m in _imports(path) if any(m == o or m.startswith(o + ".") for o in outer)}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


@pytest.mark.parametrize("part", ["tools", "batch", "integrations"])
def test_the_tooling_never_imports_the_test_helpers(part: str) -> None:
    for path in (PACKAGE / part).rglob("*.py"):
        bad = {m for m in _imports(path) if m.startswith("cleaner.testing")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_import_walk_sees_relative_imports() -> None:
    cli = _imports(PACKAGE / "tools" / "cli.py")
    assert "cleaner.batch.runner" in cli
    assert "cleaner.config" in cli
    assert "cleaner.tools.report" in cli
