"""Which thresholds do the tests pin? Multiply and divide each one by 10 and see.

    python benchmarks/mutants.py [--jobs 2] [--only NAME] [--list]

Every numeric ``Config`` field default and every ``Param(...)`` default a rule declares
(found by reading the source with ``ast``, so a new rule's parameters join by
themselves) is changed, one at a time, to ten times and a tenth of its value. For each
change the fast tests run on a copy of ``src/`` where that one literal was rewritten;
a change that no test fails on "survives". The table lists the survivors; the target
is none. Nothing in the library knows about this: the copy is plain source.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "cleaner"

#: The fast tests: rules called directly, the rule and configuration tests, the
#: fixtures and a few end-to-end ones; seconds, not minutes. Boundary tests first: they
#: fail soonest under ``-x``.
FAST_TESTS = (
    "tests/test_rule_boundaries.py",
    "tests/test_rule_boundaries_runs.py",
    "tests/test_html_boundaries.py",
    "tests/test_player_rules.py",
    "tests/test_rules_line.py",
    "tests/test_rules_document.py",
    "tests/test_config.py",
    "tests/test_fixtures.py",
    "tests/test_html_rules.py",
    "tests/test_html_frontend.py",
    "tests/test_api.py",
    "tests/test_text_lists.py",
    "tests/test_trailer_wrapped.py",
)
#: The classes of config.py whose fields make up ``Config`` (it and its bases).
CONFIG_CLASSES = frozenset({"Config", "HtmlThresholds"})
#: Config fields that bound resources, not what is kept: no mutant of theirs is made.
NOT_THRESHOLDS = frozenset({"max_input_bytes", "max_blocks", "max_passes"})


@dataclass(frozen=True)
class Threshold:
    name: str  # "Config.prose_min_words" or "Counter.max_words"
    path: Path  # relative to src/
    line: int
    col: int
    end_line: int
    end_col: int
    value: int | float


@dataclass(frozen=True)
class Mutant:
    threshold: Threshold
    value: int | float
    label: str  # "x10" or "/10"


def _number(node: ast.expr) -> int | float | None:
    """The value of a literal number or a product of literals (``64 * 1024``)."""
    if isinstance(node, ast.Constant):
        value = node.value
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
        left, right = _number(node.left), _number(node.right)
        if left is None or right is None:
            return None
        return left * right if isinstance(node.op, ast.Mult) else left / right
    return None


def _threshold(name: str, path: Path, node: ast.expr) -> Threshold | None:
    value = _number(node)
    if value is None:
        return None
    assert node.end_lineno is not None and node.end_col_offset is not None
    rel = path.relative_to(SRC)
    return Threshold(
        name, rel, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, value
    )


def find_thresholds() -> list[Threshold]:
    """Every numeric Config field default and every Param default under src/cleaner."""
    found: list[Threshold] = []
    config = PACKAGE / "config.py"
    for node in ast.parse(config.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.name in CONFIG_CLASSES:
            for item in node.body:
                if (
                    isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and item.value is not None
                    and item.target.id not in NOT_THRESHOLDS
                ):
                    t = _threshold(f"Config.{item.target.id}", config, item.value)
                    if t is not None:
                        found.append(t)
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for item in cls.body:
                if not (isinstance(item, ast.Assign) and isinstance(item.value, ast.Call)):
                    continue
                call = item.value
                if not (isinstance(call.func, ast.Name) and call.func.id == "Param"):
                    continue
                target = item.targets[0]
                if call.args and isinstance(target, ast.Name):
                    t = _threshold(f"{cls.name}.{target.id}", path, call.args[0])
                    if t is not None:
                        found.append(t)
    return found


def mutants(thresholds: list[Threshold]) -> list[Mutant]:
    out = []
    for t in thresholds:
        if isinstance(t.value, int):
            changes = ((t.value * 10, "x10"), (t.value // 10, "/10"))
        else:
            changes = ((t.value * 10, "x10"), (t.value / 10, "/10"))
        out.extend(Mutant(t, value, label) for value, label in changes if value != t.value)
    return out


def _rewrite(source: str, t: Threshold, value: int | float) -> str:
    lines = source.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: t.line - 1]) + _byte_col(lines[t.line - 1], t.col)
    end = sum(len(x) for x in lines[: t.end_line - 1]) + _byte_col(lines[t.end_line - 1], t.end_col)
    return source[:start] + repr(value) + source[end:]


def _byte_col(line: str, col: int) -> int:
    """ast's column offsets count UTF-8 bytes: the character index they stand for."""
    return len(line.encode("utf-8")[:col].decode("utf-8"))


def run_tests(src: Path, tests: tuple[str, ...]) -> bool:
    """True when the tests pass with ``src`` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1"}
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=False)
    return done.returncode == 0


def run_mutant(m: Mutant, tests: tuple[str, ...]) -> bool:
    """True when the mutant survives: the tests pass with it applied."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        target = copy / m.threshold.path
        target.write_text(
            _rewrite(target.read_text(encoding="utf-8"), m.threshold, m.value), encoding="utf-8"
        )
        return run_tests(copy, tests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    parser.add_argument("--only", action="append", default=[], help="names containing this")
    parser.add_argument("--list", action="store_true", help="list the thresholds and stop")
    parser.add_argument("--tests", nargs="+", default=list(FAST_TESTS), help="test files")
    args = parser.parse_args(argv)
    found = find_thresholds()
    if args.only:
        found = [t for t in found if any(o in t.name for o in args.only)]
    if args.list:
        for t in found:
            print(f"{t.name:50} {t.value!r:>10}  {t.path}:{t.line}")
        return 0
    tests = tuple(args.tests)
    started = time.perf_counter()
    if not run_tests(SRC, tests):
        print("the fast tests fail without any mutant: fix them first", file=sys.stderr)
        return 2
    todo = mutants(found)
    print(f"{len(found)} thresholds, {len(todo)} mutants, {args.jobs} at a time ...", flush=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        survived = [
            m
            for m, alive in zip(todo, pool.map(lambda m: run_mutant(m, tests), todo), strict=True)
            if alive
        ]
    elapsed = time.perf_counter() - started
    if survived:
        print(f"\n{'threshold':50} {'default':>10} {'mutant':>12}  where")
        for m in survived:
            t = m.threshold
            change = f"{m.label} {m.value!r}"
            print(f"{t.name:50} {t.value!r:>10} {change:>12}  {t.path}:{t.line}")
    print(f"\n{len(survived)} of {len(todo)} mutants survived ({elapsed:.0f} s)")
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
