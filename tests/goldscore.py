"""Score a cleaned text against a gold annotation of its raw page.

The checks are those of ``shared/seed/score.py`` (the seed page's scorer), made reusable
for every sample page (``src/cleaner/samples/``), returning a structured report instead of
printing:

- every ``must_keep`` paragraph exactly once, in its original order;
- no ``must_remove`` paragraph left;
- no ``at_most_once`` paragraph twice;
- the short copy of a ``contained_duplicate`` gone (when the page has one);
- nothing that is not a paragraph of the input (altered or invented text);
- plus token F1 against the ``must_keep`` text, and a per-page ``bar``.

A paragraph is one non-empty line, compared after Unicode NFC and whitespace collapsing.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def norm(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).split())


def paragraphs(text: str) -> list[str]:
    return [p for p in (norm(line) for line in text.split("\n")) if p]


@dataclass
class GoldReport:
    """What a cleaned text got right and wrong against one gold file."""

    name: str
    must_keep_total: int
    #: must_keep paragraphs found exactly once.
    kept_once: int
    #: must_keep paragraphs found zero times, or more than once (with their count).
    missing: list[str] = field(default_factory=list)
    repeated: list[tuple[str, int]] = field(default_factory=list)
    #: must_remove paragraphs still in the output.
    boilerplate_left: list[str] = field(default_factory=list)
    #: at_most_once paragraphs found more than once.
    duplicates_left: list[str] = field(default_factory=list)
    contained_duplicate_left: bool = False
    #: output paragraphs that are not paragraphs of the input.
    not_in_input: list[str] = field(default_factory=list)
    #: must_keep paragraphs appear in their original order.
    keep_order_ok: bool = True
    #: every output paragraph appears in the input, in the input's order.
    input_order_ok: bool = True
    token_f1: float = 0.0

    @property
    def must_keep_share(self) -> float:
        return self.kept_once / self.must_keep_total if self.must_keep_total else 1.0

    @property
    def invariants_ok(self) -> bool:
        """The hard promises: nothing altered or invented, nothing reordered."""
        return not self.not_in_input and self.keep_order_ok and self.input_order_ok

    def failures(self) -> list[str]:
        """Every failed check of the full gold, one line each (empty: all passed)."""
        out = [f"must keep exactly once, found 0x: {p[:90]}" for p in self.missing]
        out += [f"must keep exactly once, found {n}x: {p[:90]}" for p, n in self.repeated]
        out += [f"boilerplate left in: {p[:90]}" for p in self.boilerplate_left]
        out += [f"duplicate left in: {p[:90]}" for p in self.duplicates_left]
        if self.contained_duplicate_left:
            out.append("contained duplicate left in")
        out += [f"paragraph not in the input: {p[:90]}" for p in self.not_in_input]
        if not self.keep_order_ok:
            out.append("kept paragraphs are out of their original order")
        if not self.input_order_ok:
            out.append("output paragraphs are not in the input's order")
        return out

    def bar_failures(self, bar: Mapping[str, Any]) -> list[str]:
        """Failed thresholds of a page's ``bar`` (plus the hard invariants)."""
        out = [] if self.invariants_ok else ["hard invariant broken"]
        share = bar.get("min_must_keep_share")
        if share is not None and self.must_keep_share < share:
            out.append(
                f"kept {self.kept_once}/{self.must_keep_total} body paragraphs once "
                f"({self.must_keep_share:.2f} < {share})"
            )
        left = bar.get("max_must_remove_left")
        if left is not None and len(self.boilerplate_left) > left:
            out.append(f"{len(self.boilerplate_left)} boilerplate paragraphs left (> {left})")
        f1 = bar.get("min_token_f1")
        if f1 is not None and self.token_f1 < f1:
            out.append(f"token F1 {self.token_f1:.3f} < {f1}")
        if bar.get("at_most_once", True) and self.duplicates_left:
            out.append(f"{len(self.duplicates_left)} repeated paragraphs left")
        return out

    def summary(self) -> str:
        return (
            f"{self.name}: {self.kept_once}/{self.must_keep_total} body paragraphs kept once, "
            f"{len(self.boilerplate_left)} boilerplate left, "
            f"{len(self.not_in_input)} not in input, token F1 {self.token_f1:.3f}"
        )


def is_subsequence(needle: Sequence[str], haystack: Iterable[str]) -> bool:
    """True when ``needle`` appears in ``haystack`` in order (gaps allowed)."""
    it = iter(haystack)
    return all(any(p == h for h in it) for p in needle)


def token_f1(output: str, gold: Mapping[str, Any]) -> float:
    """Bag-of-tokens F1 of the output against the must_keep text (as score.py)."""
    pred = Counter(output.split())
    true = Counter(" ".join(gold["must_keep"]).split())
    common = sum((pred & true).values())
    if not common:
        return 0.0
    p, r = common / sum(pred.values()), common / sum(true.values())
    return 2 * p * r / (p + r)


def score(output: str, raw: str, gold: Mapping[str, Any], name: str = "") -> GoldReport:
    """Check ``output`` (the cleaned text of ``raw``) against ``gold``."""
    out = paragraphs(output)
    counts = Counter(out)
    keep = [norm(p) for p in gold["must_keep"]]
    report = GoldReport(name=name or gold.get("source", ""), must_keep_total=len(keep), kept_once=0)
    for p in keep:
        n = counts[p]
        if n == 1:
            report.kept_once += 1
        elif n == 0:
            report.missing.append(p)
        else:
            report.repeated.append((p, n))
    report.boilerplate_left = [norm(p) for p in gold["must_remove"] if counts[norm(p)]]
    report.duplicates_left = [norm(p) for p in gold.get("at_most_once", []) if counts[norm(p)] > 1]
    contained = gold.get("contained_duplicate")
    if contained:
        report.contained_duplicate_left = bool(counts[norm(contained["short"])])

    source = paragraphs(raw)
    source_set = set(source)
    report.not_in_input = [p for p in out if p not in source_set]
    keep_set = set(keep)
    seen = [p for p in out if p in keep_set]
    report.keep_order_ok = seen == sorted(set(seen), key=keep.index)
    report.input_order_ok = is_subsequence(out, source)
    report.token_f1 = token_f1(output, gold)
    return report


def load(gold_path: Path) -> tuple[str, dict[str, Any]]:
    """The raw page text and the gold annotation of ``<name>.gold.json``."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold["source"]).read_text(encoding="utf-8")
    return raw, gold


def validate_gold(raw: str, gold: Mapping[str, Any]) -> list[str]:
    """Problems with an annotation itself (empty: well formed)."""
    problems: list[str] = []
    source = paragraphs(raw)
    source_set = set(source)
    for key in ("must_keep", "must_remove", "optional", "at_most_once"):
        for p in gold.get(key, []):
            if norm(p) not in source_set:
                problems.append(f"{key} line not in the raw text: {p[:80]}")
    keep = [norm(p) for p in gold["must_keep"]]
    if len(set(keep)) != len(keep):
        problems.append("must_keep repeats a paragraph")
    if not is_subsequence(keep, source):
        problems.append("must_keep is not in the raw text's order")
    groups = {
        k: {norm(p) for p in gold.get(k, [])} for k in ("must_keep", "must_remove", "optional")
    }
    for a, b in (
        ("must_keep", "must_remove"),
        ("must_keep", "optional"),
        ("must_remove", "optional"),
    ):
        for p in sorted(groups[a] & groups[b]):
            problems.append(f"in both {a} and {b}: {p[:80]}")
    contained = gold.get("contained_duplicate")
    if contained and norm(contained["short"]) not in source_set:
        problems.append("contained_duplicate.short is not a line of the raw text")
    return problems


class FixtureSuite:
    """The gold pages of one fixtures folder (``<lang>-<kind>.gold.json``), each loaded
    and cleaned at most once per test session."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names = sorted(p.name.removesuffix(".gold.json") for p in folder.glob("*.gold.json"))
        self._pages: dict[str, tuple[str, dict[str, Any]]] = {}
        self._cleaned: dict[str, Any] = {}

    def page(self, name: str) -> tuple[str, dict[str, Any]]:
        if name not in self._pages:
            self._pages[name] = load(self.folder / f"{name}.gold.json")
        return self._pages[name]

    def report(self, name: str) -> GoldReport:
        """``name`` cleaned as text (with explanations) and scored against its gold."""
        from cleaner import clean_and_explain

        if name not in self._cleaned:
            self._cleaned[name] = clean_and_explain(self.page(name)[0])
        raw, gold = self.page(name)
        return score(self._cleaned[name].text, raw, gold, name)

    def missing_pages(self, kinds: Iterable[str], min_languages: int = 3) -> list[str]:
        """The ``<lang>-<kind>`` pages absent from the folder, or a note when it holds
        fewer than ``min_languages`` languages (empty: every kind in every language)."""
        languages = {name.split("-", 1)[0] for name in self.names}
        wanted = {f"{lang}-{kind}" for lang in languages for kind in kinds}
        notes = sorted(wanted - set(self.names))
        if len(languages) < min_languages:
            notes.append(f"only {len(languages)} language(s)")
        return notes
