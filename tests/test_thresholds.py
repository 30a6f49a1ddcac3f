"""Every threshold is a named, documented parameter: a ``Config`` field or a rule's ``Param``.

The code that decides what to remove is read with ``ast``: a bare number in it (other
than the few in ``ALLOWED``) fails, naming the file and line. A number belongs in a
``Config`` field (shared thresholds) or in a ``Param`` the rule declares, where users can
set it, the catalogue lists it and ``benchmarks/mutants.py`` finds it.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from cleaner import Config
from cleaner.rules import DEFAULT_RULES
from cleaner.rules.params import Param

SRC = Path(__file__).resolve().parents[1] / "src" / "cleaner"

#: The modules whose code decides what to remove, relative to ``src/cleaner``.
DECISION_MODULES = (
    "features.py",
    "frontends/html/blocks.py",
    "frontends/html/nesting.py",
    "frontends/html/parse.py",
    "frontends/html/walk.py",
    "rules/accessibility.py",
    "rules/anchor.py",
    "rules/article_head.py",
    "rules/captions.py",
    "rules/base.py",
    "rules/container.py",
    "rules/duplicates.py",
    "rules/elements.py",
    "rules/html.py",
    "rules/layout_tables.py",
    "rules/link_text.py",
    "rules/markup.py",
    "rules/media.py",
    "rules/navigation.py",
    "rules/page_items.py",
    "rules/page_type.py",
    "rules/threads.py",
    "rules/prune.py",
    "rules/quality.py",
    "rules/signup.py",
    "rules/templates.py",
    "rules/trailers.py",
    "rules/tree.py",
)

#: Numbers that are never thresholds: 0 (nothing, an empty count, a start) and 1 (one
#: item, the next or previous one; ``-1``, "none found" or "the last", is 1 negated).
#: Every other number, 2 included, is a choice someone made and gets a name.
ALLOWED = frozenset({0, 1})

#: Module-level names holding numbers that decide nothing, with the reason.
NOT_THRESHOLDS = {
    "QUOTE_MAX_CHARS": "how much of a block a reason quotes: display only",
    "FINGERPRINT_BYTES": "the size of a template fingerprint: identity, not a bound",
    "LABEL_CLASSES": "how many class names an element's label shows: display only",
    "ARTICLE": "a code in the element table's marker column, not a quantity",
    # The walk's context flags: a bit layout.
    "IN_QUOTE": "a bit of the walk's context flags",
    "IN_CAPTION": "a bit of the walk's context flags",
    "ORDERED": "a bit of the walk's context flags",
    "IN_ITEM": "a bit of the walk's context flags",
    "LIST_SHIFT": "where the list depth starts in the walk's context flags",
    "_HEADING_LEVEL": "h1 is level 1 ... h6 level 6: the HTML spec",
    # Resource limits on parsing, like Config.max_blocks: how much work a page may cost.
    "MAX_NESTING": "deeper elements are flattened before parsing: parse time grows with "
    "depth squared",
    "NESTING_CHECK_MIN_TAGS": "pages with fewer tags cannot nest deep enough to be slow",
    "MAX_ATTRIBUTES": "attributes an element keeps before parsing: parse time grows with "
    "their count squared",
    "_MIN_ATTRIBUTE_CHARS": "a fact of HTML's syntax: an attribute takes a space and a name",
    "_LONG_TAG_BYTES": "the bytes after its '<' of the shortest tag _LONG_TAG finds: derived",
    "_SCAN_WINDOW": "how much of a page is split at '<' at once: memory, not a decision",
    "_LOOKBACK": "how far down the open elements the nesting model looks for an element: "
    "a cost bound",
    "_ABSENT": "a code _find returns, not a quantity",
    # Where long blocks take the lean path: memory, not a decision (same features).
    "_LONG_BLOCK_CHARS": "blocks this long get their words without a string per word",
    "_TOKEN_CHUNK_CHARS": "how much of a long key is split at once",
    "_SHARED_WORDS_MIN_CHARS": "pages this long share one string per word: memory, not a "
    "decision (same features)",
    "_ASCII_TO_SPACE": "the ASCII code points of a byte table: a table's layout",
    "PRESENT_PIECE_CHARS": "how much of a page Document.present joins at once: memory",
}

#: Functions whose numbers are not thresholds (offsets into a string, bit layouts), by
#: module, with the reason beside each entry.
NOT_DECISIONS: dict[str, frozenset[str]] = {}


def bare_numbers(path: Path, skip_functions: frozenset[str] = frozenset()) -> list[str]:
    """``file:line: number`` for each numeric literal of ``path`` that is no named
    parameter: not a ``Param(...)`` argument, not a code point or bit mask written in
    hex, not a constant listed in ``NOT_THRESHOLDS``, not a position in a record
    (``row[3]``: the column of a tuple, not a bound), not in ``ALLOWED``."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    exempt: set[int] = set()
    for node in ast.walk(tree):
        named = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "Param"
        )
        constant = isinstance(node, ast.Assign | ast.AnnAssign) and any(
            isinstance(t, ast.Name) and t.id in NOT_THRESHOLDS
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
        skipped = (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in skip_functions
        )
        if named or constant or skipped:
            exempt.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            exempt.add(id(node.slice))  # row[3]: a column; slices (text[:40]) are not exempt
    found = []
    for node in ast.walk(tree):
        if id(node) in exempt or not isinstance(node, ast.Constant):
            continue
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float | complex):
            continue
        if ast.get_source_segment(source, node).lower().startswith("0x"):
            continue  # a code point (Unicode ranges) or a bit mask, not a quantity
        if value not in ALLOWED:
            found.append(f"{path}:{node.lineno}: {value!r}")
    return found


@pytest.mark.parametrize("module", DECISION_MODULES)
def test_no_bare_number_decides(module: str) -> None:
    found = bare_numbers(SRC / module, NOT_DECISIONS.get(module, frozenset()))
    assert not found, "bare numbers; make each a Param or a Config field:\n" + "\n".join(found)


def test_the_check_sees_a_bare_number(tmp_path: Path) -> None:
    # The check itself can fail: a threshold written inline is caught, a Param is not.
    module = tmp_path / "cleaner" / "rule.py"
    module.parent.mkdir()
    module.write_text(
        "from .params import Param\n"
        "class R:\n"
        "    limit = Param(7, 'why')\n"
        "    def reason_for(self, f):\n"
        "        return f.n_words > 4 and f.n_chars > self.limit and f.i - 1 >= 0\n"
    )
    assert bare_numbers(module) == [f"{module}:5: 4"]


def test_a_record_column_is_no_threshold_but_a_slice_bound_is(tmp_path: Path) -> None:
    module = tmp_path / "walk.py"
    module.write_text("def f(row, text):\n    return row[3], text[:40]\n")
    assert bare_numbers(module) == [f"{module}:2: 40"]


def test_every_param_is_documented_and_resolved() -> None:
    config = Config()
    from cleaner.phrases import PhraseBook

    phrases = PhraseBook(config.languages)
    for rule_cls in DEFAULT_RULES:
        rule = rule_cls(config, phrases)
        for name, param in rule_cls.parameters().items():
            assert isinstance(param, Param)
            assert param.doc.strip(), f"{rule_cls.name}.{name} has no doc"
            assert not isinstance(param.default, str)
            # The instance holds the plain value, not the Param.
            assert getattr(rule, name) == param.default


def test_every_numeric_config_field_is_documented() -> None:
    # Each field of Config is preceded by a "#:" comment saying what it bounds.
    source = (SRC / "config.py").read_text(encoding="utf-8").splitlines()
    for f in dataclasses.fields(Config):
        if isinstance(f.default, bool) or not isinstance(f.default, int | float):
            continue
        line = next(i for i, text in enumerate(source) if text.strip().startswith(f"{f.name}:"))
        assert source[line - 1].strip().startswith("#:"), f"Config.{f.name} is undocumented"
