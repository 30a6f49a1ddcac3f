"""How the pipeline is put together: rule kinds and requirements, one rule list per
kind, features computed when first needed, the output options object, and shared
Cleaners for equal options."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from types import MappingProxyType

import pytest

import cleaner
from cleaner import Cleaner, OutputOptions, clean_and_explain, clean_article
from cleaner.errors import ConfigError, InputValueError
from cleaner.phrases import html_hints
from cleaner.pipeline import ordered_rules
from cleaner.rules import DEFAULT_RULES, FAMILIES, Document, LineRule, Rule
from cleaner.rules.duplicates import ExactDuplicate
from cleaner.rules.media import MediaTitle
from cleaner.rules.navigation import MenuRun, ShareBar
from cleaner.rules.quality import MainContentRun
from cleaner.rules.trailers import TrailerZone

RULES_DIR = Path(cleaner.__file__).parent / "rules"
PROSE = (
    "The council met on Tuesday to discuss the new budget for the coming year, and "
    "the members agreed that the roads would be repaired before the winter."
)
TEXT_PAGE = f"{PROSE}\n\nSPY MARKER LINE\n\n{PROSE} Again the members spoke at length."
HTML_PAGE = f"<html><body><article><p>{PROSE}</p><p>SPY MARKER LINE</p></article></body></html>"


class _Spy(LineRule):
    family = "hidden"  # runs early (after the first group of built-in rules)
    description = "Removes the marker line."

    def reason_for(self, block, doc):
        return "the marker" if "SPY MARKER" in block.text else None


class TextSpy(_Spy):
    name = "text_spy"
    kinds = frozenset({"text"})


class HtmlSpy(_Spy):
    name = "html_spy"
    kinds = frozenset({"html"})


def _remover(page: str, spy: type[Rule]) -> str | None:
    result = clean_and_explain(page, extra_rules=(spy,))
    return next((d.rule for d in result.blocks if "SPY MARKER" in d.text), None)


def test_a_text_rule_never_runs_on_html_and_an_html_rule_never_on_text() -> None:
    assert _remover(TEXT_PAGE, TextSpy) == "text_spy"
    assert _remover(HTML_PAGE, TextSpy) != "text_spy"
    assert _remover(HTML_PAGE, HtmlSpy) == "html_spy"
    assert _remover(TEXT_PAGE, HtmlSpy) != "html_spy"


def test_each_kind_has_its_own_rule_list() -> None:
    c = Cleaner(extra_rules=(TextSpy, HtmlSpy))
    text = {type(r) for r in c.rules_for("text")}
    html = {type(r) for r in c.rules_for("html")}
    assert TextSpy in text and TextSpy not in html
    assert HtmlSpy in html and HtmlSpy not in text
    assert MainContentRun in text and MainContentRun not in html
    assert MenuRun in text and MenuRun not in html
    # Cleaner.rules: every enabled rule once, in pipeline order.
    assert [type(r) for r in c.rules] == list(ordered_rules((TextSpy, HtmlSpy)))


def test_a_rule_working_differently_per_kind_is_built_per_kind() -> None:
    c = Cleaner()
    text = {type(r): r for r in c.rules_for("text")}
    html = {type(r): r for r in c.rules_for("html")}
    for rule_cls in (ExactDuplicate, TrailerZone):
        assert text[rule_cls] is not html[rule_cls]
    assert text[TrailerZone].trailer is html[TrailerZone].trailer  # compiled once
    assert text[ExactDuplicate].max_distance is None
    assert html[ExactDuplicate].max_distance == c.config.html_duplicate_max_distance
    # Line rules answer once per text on text input (a line repeated); their compiled
    # phrases are shared.
    assert text[ShareBar].by_text and not html[ShareBar].by_text
    assert text[ShareBar].words is html[ShareBar].words
    # Rules alike on both kinds are built once and shared by both lists.
    assert text[MediaTitle] is html[MediaTitle]


def test_every_rule_declares_known_kinds() -> None:
    for rule_cls in DEFAULT_RULES:
        assert rule_cls.kinds and rule_cls.kinds <= {"text", "html"}, rule_cls


def test_a_rule_must_come_after_the_rules_it_requires() -> None:
    class Early(_Spy):
        name = "early_spy"
        requires = (TextSpy,)

    Cleaner(extra_rules=(TextSpy, Early))
    with pytest.raises(ConfigError, match="runs after it"):
        Cleaner(extra_rules=(Early, TextSpy))  # the same family: in the order given


def test_a_required_rule_must_be_in_the_pipeline() -> None:
    class Needy(_Spy):
        name = "needy_spy"
        requires = (TextSpy,)

    with pytest.raises(ConfigError, match="no rule of this pipeline"):
        Cleaner(extra_rules=(Needy,))


def test_a_disabled_required_rule_leaves_no_marks_and_is_no_error() -> None:
    c = Cleaner(disable={ShareBar.name})
    assert TrailerZone in {type(r) for r in c.rules}
    assert ShareBar not in {type(r) for r in c.rules}


def test_built_in_requirements_come_first() -> None:
    for i, rule_cls in enumerate(DEFAULT_RULES):
        for needed in rule_cls.requires:
            assert DEFAULT_RULES.index(needed) < i, (rule_cls, needed)


def test_kinds_must_be_known() -> None:
    class Odd(_Spy):
        name = "odd_spy"
        kinds = frozenset({"pdf"})

    with pytest.raises(ConfigError, match="kinds"):
        Cleaner(extra_rules=(Odd,))


def test_rules_without_features_run_before_features_are_computed() -> None:
    seen: list[tuple[str | None, bool]] = []

    class Early(Rule):
        name = "early_spy"
        family = "spy"
        uses_features = False

        def apply(self, doc: Document) -> None:
            seen.append((doc.language, any(b.features.folded for b in doc.blocks)))
            for block in doc.blocks:
                if "SPY MARKER" in block.text:
                    self.remove(block, "the marker, before features")

    class Late(Rule):
        name = "late_spy"
        family = "spy"

        def apply(self, doc: Document) -> None:
            seen.append((doc.language, any(b.features.folded for b in doc.blocks)))

    c = Cleaner(extra_rules=(Early, Late), disable=set(FAMILIES))
    blocks = [b for b in c.explain(TEXT_PAGE, kind="text").blocks]
    assert seen[0] == (None, False)  # no language, no features yet
    assert seen[1] == ("en", True)
    marker = next(b for b in blocks if "SPY MARKER" in b.text)
    assert marker.rule == "early_spy"


def test_a_line_removed_before_features_keeps_empty_ones() -> None:
    """The text front-end gives a repeated line its first copy's features; a copy that
    a rule removes before the features are filled keeps empty ones, as it would alone."""
    held: list[tuple[bool, ...]] = []

    class Early(Rule):
        name = "early_spy"
        family = "spy"
        uses_features = False

        def apply(self, doc: Document) -> None:
            self.remove(doc.blocks[0], "the first copy, before features")

    class Late(Rule):
        name = "late_spy"
        family = "spy"

        def apply(self, doc: Document) -> None:
            held.append(tuple(bool(b.features.folded) for b in doc.blocks))

    c = Cleaner(extra_rules=(Early, Late), disable=set(FAMILIES))
    c.explain("Read more\n\nSome words here.\n\nRead more", kind="text")
    assert held[0] == (False, True, True)


def test_output_options_are_one_frozen_checked_object() -> None:
    opts = OutputOptions(output="markdown", links=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.links = False  # type: ignore[misc]
    with pytest.raises(InputValueError):
        OutputOptions(output="pdf")
    assert OutputOptions.merge(opts, {"images": True}) == dataclasses.replace(opts, images=True)
    assert OutputOptions.merge(opts, {}) is opts
    with pytest.raises(TypeError):
        OutputOptions.merge(None, {"link": True})
    assert hash(opts) == hash(OutputOptions(output="markdown", links=True))


def test_options_object_and_keywords_give_the_same_output() -> None:
    c = Cleaner()
    page = HTML_PAGE.replace("SPY MARKER LINE", '<a href="/x">a <em>link</em></a> here')
    opts = OutputOptions(output="markdown", links=True, emphasis=True)
    assert c.clean(page, options=opts) == c.clean(
        page, output="markdown", links=True, emphasis=True
    )
    assert clean_article(page, output="markdown", links=True, emphasis=True) == c.clean(
        page, options=opts
    )
    with pytest.raises(InputValueError):
        c.clean(page, output="pdf")
    with pytest.raises(InputValueError):
        clean_article(page, output="pdf")


def test_clean_article_shares_a_cleaner_for_equal_options() -> None:
    a = cleaner._cleaner(None, {"run_gap_penalty": 80, "disable": frozenset({"media"})})
    b = cleaner._cleaner(None, {"disable": frozenset({"media"}), "run_gap_penalty": 80})
    assert a is b
    assert cleaner._cleaner(None, {"run_gap_penalty": 81}) is not a
    assert cleaner._cleaner(None, {}) is cleaner._cleaner(None, {})
    # Equal but not alike: 1 and True are different settings.
    assert cleaner._cleaner(None, {"max_passes": 1}) is not cleaner._cleaner(
        None, {"max_passes": True}
    )


def test_unhashable_options_build_a_new_cleaner() -> None:
    options = {"extra_phrases": {"chrome": ("support our journalism",)}}
    assert cleaner._cleaner(None, options) is not cleaner._cleaner(None, options)


def test_html_hints_are_parsed_once_and_read_only() -> None:
    hints = html_hints()
    assert hints is html_hints()
    assert isinstance(hints, MappingProxyType)
    assert all(isinstance(lines, tuple) for lines in hints.values())


def _rule_modules() -> list[tuple[Path, ast.Module]]:
    return [(p, ast.parse(p.read_text("utf-8"))) for p in sorted(RULES_DIR.glob("*.py"))]


def test_no_rule_asks_the_document_its_kind() -> None:
    found = [
        f"{path.name}:{node.lineno}"
        for path, tree in _rule_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "kind"
        and isinstance(node.value, ast.Name)
        and node.value.id == "doc"
    ]
    assert not found, f"rules checking doc.kind (declare kinds instead): {found}"


def test_no_rule_names_another_rule_by_a_string() -> None:
    names = {r.name for r in DEFAULT_RULES}
    allowed: set[int] = set()  # ids of string nodes that are no reference to a rule
    found = []
    for path, tree in _rule_modules():
        for node in ast.walk(tree):
            # A rule's own name, and phrase sections (some share a rule's name).
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id in ("name", "section", "vocabulary")
                for t in node.targets
            ):
                allowed.add(id(node.value))
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("phrases", "pattern", "gated_patterns", "words")
            ):
                allowed.update(id(a) for a in node.args)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in names and id(node) not in allowed:
                found.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert not found, f"rule names as strings (refer to the class instead): {found}"


def test_an_extra_rule_reading_features_runs_after_the_structure_rules() -> None:
    class StructureSpy(Rule):
        name = "structure_spy"
        family = "structure"  # the family of page_landmark and outside_main_container

        def apply(self, doc: Document) -> None:
            pass

    order = [r.name for r in ordered_rules((StructureSpy,))]
    last_structural = max(i for i, r in enumerate(ordered_rules()) if not r.uses_features)
    assert order.index("structure_spy") > last_structural
    assert order.index("structure_spy") > order.index("outside_main_container")


def test_line_rules_run_in_one_pass_mark_what_they_mark_one_after_another() -> None:
    from cleaner.frontends.text import text_to_blocks
    from cleaner.rules.runs import LineRuleRun

    c = Cleaner()
    runs = [s for s in c._steps["text"][1] if isinstance(s, LineRuleRun)]
    assert any(len(run.rules) >= 2 for run in runs)
    assert not any(isinstance(s, LineRuleRun) for s in c._steps["html"][1])
    samples = Path(cleaner.__file__).parent / "samples"
    marked: set[str] = set()
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text("utf-8")
        fused = text_to_blocks(text)
        c.run_blocks(fused)
        apart = text_to_blocks(text)
        doc = Document(apart, c.config, kind="text")
        c._compute_features(doc, None)
        for rule in c.rules_for("text"):
            rule.apply(doc)
        assert [b.removal for b in fused] == [b.removal for b in apart], path.name
        marked |= {b.removal.rule for b in fused if b.removal is not None}
    # The samples hold lines that rules of the runs remove (no empty comparison).
    assert len(marked & {rule.name for run in runs for rule in run.rules}) >= 3


def test_html_line_rules_run_in_one_pass_mark_what_they_mark_one_after_another() -> None:
    from cleaner.frontends.html import parse_html, walk_html
    from cleaner.rules.page_type import DECLARED, declared_types
    from cleaner.rules.runs import BlockRuleRun

    c = Cleaner()
    runs = [s for s in c._steps["html"][1] if isinstance(s, BlockRuleRun)]
    assert any(len(run.rules) >= 2 for run in runs)
    before = c._steps["html"][0]
    fixtures = Path(__file__).parent.parent / "fixtures"
    prose = "<p>" + "The council met on Tuesday and voted on the new budget for the town. " * 4
    chrome = (
        "<p><a href='/a'>Skip to main content</a></p><p>Home &gt; News &gt; World</p>"
        "<p>Share Facebook Twitter</p><p>12 comments</p><p>Read also: Council Votes Again</p>"
    )
    pages = [("chrome", f"<html><body>{chrome}{prose}</p>{prose}</p>{chrome}</body></html>")]
    for path in sorted([*fixtures.glob("html/*.html"), *fixtures.glob("pagetype/*.html")]):
        pages.append((path.name, path.read_text("utf-8")))
    marked: set[str] = set()
    for name, page in pages:
        removals = []
        for fused in (True, False):
            tree = parse_html(page)
            notes = {DECLARED: declared_types(tree)}
            blocks, elements = walk_html(tree, c._tree_plan)
            if fused:
                c.run_blocks(blocks, kind="html", elements=elements, notes=notes)
            else:  # each rule on its own, one after another
                doc = Document(blocks, c.config, kind="html", elements=elements)
                doc.notes.update(notes)
                for rule in before:
                    rule.apply(doc)
                c._compute_features(doc, None)
                for rule in c.rules_for("html")[len(before) :]:
                    rule.apply(doc)
            removals.append([b.removal for b in blocks])
        assert removals[0] == removals[1], name
        marked |= {r.rule for r in removals[0] if r is not None}
    # The pages hold blocks that rules of the runs remove (no empty comparison).
    assert len(marked & {rule.name for run in runs for rule in run.rules}) >= 3
