"""Install lines in the README, the docs and the code's messages name our distribution.

The PyPI name ``cleaner`` belongs to an unrelated project, so ``pip install cleaner``
installs the wrong thing without a word. Every ``pip install`` line must install this
checkout (``.``, ``'.[test]'``), our distribution (the name in pyproject.toml) with an
extra it declares, or a third-party package named below on purpose.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent

#: Other projects' packages that an install line means to bring along.
THIRD_PARTY = frozenset({"s3fs", "venv-pack"})

_COMMAND = re.compile(r"\bpip3?\s+install\b|\bpipx\s+install\b")
_TOKEN = re.compile(r"'[^']*'|\"[^\"]*\"|[^\s'\"]+")
#: Where a command ends inside a line of prose, a table cell or a shell line.
_END = re.compile(r"&&|\|\||[`;#|(),]")
_REQUIREMENT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?")
#: Options of pip install that take a value (the value is no requirement).
_WITH_VALUE = frozenset({"-r", "-c", "-e", "-i", "-t", "--index-url", "--extra-index-url"})


def _project() -> dict[str, object]:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _documents() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    files += sorted((ROOT / "benchmarks").glob("*.md"))
    files += sorted((ROOT / "src").rglob("*.py"))
    return files


def install_targets(line: str) -> list[str]:
    """What each ``pip install`` command on ``line`` installs (quotes removed)."""
    targets: list[str] = []
    for match in _COMMAND.finditer(line):
        rest = line[match.end() :]
        skip_value = False
        for token in _TOKEN.findall(rest):
            end = _END.search(token) if token[0] not in "'\"" else None
            word = token[: end.start()] if end else token
            word = word.strip("'\"")
            if skip_value:
                skip_value = False
                if word.startswith("."):
                    targets.append(word)  # -e '.[fuzz]': an editable checkout
            elif word.startswith("-"):
                skip_value = word in _WITH_VALUE
            elif word:
                targets.append(word)
            if end:
                break
    return targets


def install_lines() -> list[tuple[str, str, list[str]]]:
    found = []
    for path in _documents():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            targets = install_targets(line)
            if targets:
                found.append((f"{path.relative_to(ROOT)}:{number}", line.strip(), targets))
    return found


def test_the_parser_reads_commands_in_prose_tables_and_shell() -> None:
    assert install_targets("pip install . && cleaner page.txt") == ["."]
    assert install_targets("pip install -e '.[fuzz]'") == [".[fuzz]"]
    assert install_targets("| `pip install 'x[spark]'` (and Java) |") == ["x[spark]"]
    assert install_targets("# Web archives (pip install 'x[warc]', which brings y).") == ["x[warc]"]
    assert install_targets("env/bin/pip install 'x[spark]' venv-pack") == ["x[spark]", "venv-pack"]
    assert install_targets("pip install cleaner   # the fixtures") == ["cleaner"]
    assert install_targets('needs warcio: pip install x")') == ["x"]
    assert install_targets("apt-get install chromium") == []


def test_install_lines_name_our_distribution() -> None:
    project = _project()
    ours = _normalise(str(project["name"]))
    extras = set(project["optional-dependencies"])  # type: ignore[arg-type]
    lines = install_lines()
    assert lines, "found no install line at all: the scan is broken"
    wrong = []
    by_name = 0
    for where, line, targets in lines:
        for target in targets:
            if target.startswith((".", "/")):
                name, wanted = "", target.partition("[")[2].rstrip("]")
            else:
                match = _REQUIREMENT.fullmatch(target) or _REQUIREMENT.match(target)
                assert match is not None, (where, target)
                name, wanted = _normalise(match.group(1)), match.group(2) or ""
                if name == ours:
                    by_name += 1
                elif name not in THIRD_PARTY:
                    wrong.append(f"{where}: {target!r} is not {ours!r}: {line}")
                    continue
                else:
                    continue
            unknown = {e.strip() for e in wanted.split(",") if e.strip()} - extras
            if unknown:
                wrong.append(f"{where}: no extra {sorted(unknown)} in pyproject.toml: {line}")
    assert wrong == []
    # The docs do tell how to install from PyPI, under our name.
    assert by_name >= 3


def test_pypi_name_is_not_the_import_name_on_its_own() -> None:
    # "cleaner" on PyPI is someone else's project; the import package keeps that name.
    assert _normalise(str(_project()["name"])) != "cleaner"
    assert (ROOT / "src" / "cleaner" / "__init__.py").is_file()


def test_version_and_metadata_look_ups_use_the_distribution_name() -> None:
    project = _project()
    assert project["version"] == cleaner.__version__
    # Code that asks the installed metadata about cleaner must ask under our name.
    pattern = re.compile(r"""(?:version|distribution|metadata|requires)\(\s*["']cleaner["']\s*\)""")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("src", "benchmarks", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
    try:
        installed = importlib.metadata.distribution(str(project["name"]))
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("the project is not installed (run from a plain source tree)")
    assert installed.version == cleaner.__version__
    scripts = {ep.name: ep.value for ep in installed.entry_points if ep.group == "console_scripts"}
    assert scripts.get("cleaner") == "cleaner.tools.cli:main"


def test_the_light_extra_brings_hypothesis_without_the_test_tools() -> None:
    extras = _project()["optional-dependencies"]
    testing = {_REQUIREMENT.match(r).group(1) for r in extras["testing"]}  # type: ignore[index,union-attr]
    assert "hypothesis" in testing
    heavy = {"selenium", "pyspark", "datatrove", "mkdocs"}
    assert not testing & heavy
    guide = (ROOT / "docs" / "pytest-plugin.md").read_text(encoding="utf-8")
    assert "[testing]" in guide and "`test`" in guide
