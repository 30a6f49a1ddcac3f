"""The core stands apart from the tooling built on it.

The core (the pipeline, the front-ends, the rules, the renderers, the samples) never
imports the packages around it: ``tools`` (the command, the explain report, the
catalogue), ``testing`` (the pytest plugin, the strategies), ``batch`` and
``integrations``. The tooling never imports the test helpers. No module of the package
is over 400 lines, and no class over 200.
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


#: The project's size rule (issue 13): a module that grows past this wants splitting by
#: what its parts do, and a class past ``MAX_CLASS_LINES`` wants collaborators.
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200


def _too_long(path: Path, name: str) -> list[str]:
    """What in ``path`` breaks the size rule, one line each, with its size."""
    source = path.read_text(encoding="utf-8")
    found: list[str] = []
    lines = len(source.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{name}: {lines} lines (module limit {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            # From the first decorator: a dataclass's decorators are part of it.
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            size = (node.end_lineno or node.lineno) - start + 1
            if size > MAX_CLASS_LINES:
                found.append(f"{name}: class {node.name}: {size} lines (limit {MAX_CLASS_LINES})")
    return found


def test_no_module_or_class_is_too_long() -> None:
    offenders = [
        problem
        for path in sorted(PACKAGE.rglob("*.py"))
        for problem in _too_long(path, str(path.relative_to(PACKAGE)))
    ]
    assert not offenders, "too long:\n" + "\n".join(offenders)


def test_the_size_check_finds_a_long_module_and_a_long_class(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_CLASS_LINES))
    big = tmp_path / "big.py"
    big.write_text("class Big:\n" + body + "\n" * (MAX_MODULE_LINES - MAX_CLASS_LINES))
    assert _too_long(big, "big.py") == [
        f"big.py: {MAX_MODULE_LINES + 1} lines (module limit {MAX_MODULE_LINES})",
        f"big.py: class Big: {MAX_CLASS_LINES + 1} lines (limit {MAX_CLASS_LINES})",
    ]
    small = tmp_path / "small.py"
    small.write_text("class Small:\n" + body[: body.index("\n") + 1])
    assert _too_long(small, "small.py") == []
