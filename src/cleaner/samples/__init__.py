"""Real pages with gold annotations, shipped with the package.

Each page is ``<name>.txt`` (or ``.html``), the raw page as a scraper got it, and
``<name>.gold.json`` saying paragraph by paragraph what a clean article keeps:
``must_keep`` (in order, each exactly once), ``must_remove``, ``optional``,
``at_most_once``, ``contained_duplicate`` (a short copy that must go) and an optional
``bar`` (``min_must_keep_share``, ``max_must_remove_left``) for pages where perfection
is not required. A paragraph is one non-empty line, compared after Unicode NFC and
white-space collapsing.

    from cleaner import samples
    for name in samples.names():
        page = samples.load(name)
        assert not page.problems(my_clean(page.raw))

These files are the only copy of the pages in the repository (the tests read them from
here; ``README.md`` beside them describes the pages and the gold format). This module
uses the standard library only.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["SamplePage", "load", "names"]

_GOLD_SUFFIX = ".gold.json"


def names() -> tuple[str, ...]:
    """The names of the shipped pages, sorted."""
    found = (
        entry.name[: -len(_GOLD_SUFFIX)]
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(_GOLD_SUFFIX)
    )
    return tuple(sorted(found))


def load(name: str) -> SamplePage:
    """The page called ``name`` (see ``names()``) with its gold annotation."""
    root = resources.files(__package__)
    gold_file = root.joinpath(name + _GOLD_SUFFIX)
    if "/" in name or "\\" in name or not gold_file.is_file():
        raise LookupError(f"no sample page {name!r}; shipped: {', '.join(names())}")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    source = gold.get("source") or f"{name}.txt"
    raw = root.joinpath(source).read_text(encoding="utf-8")
    return SamplePage.from_gold(
        name, raw, gold, kind="html" if source.endswith(".html") else "text"
    )


def norm(line: str) -> str:
    """A paragraph as gold annotations compare it: NFC, white space collapsed."""
    return " ".join(unicodedata.normalize("NFC", line).split())


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of ``text``, normalised."""
    return [p for p in (norm(line) for line in text.splitlines()) if p]


@dataclass(frozen=True)
class SamplePage:
    """A raw page and what its cleaned version must and must not contain."""

    name: str
    raw: str
    #: "text" (a scraper's text dump) or "html".
    kind: str
    must_keep: tuple[str, ...]
    must_remove: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    at_most_once: tuple[str, ...] = ()
    #: Short copies of paragraphs that must not survive.
    contained_short: tuple[str, ...] = ()
    #: ``must_remove`` lines that a phrase rule (not only a positional one) must remove.
    phrase_boilerplate: tuple[str, ...] = ()
    #: The bar: the share of ``must_keep`` that must survive exactly once ...
    min_keep_share: float = 1.0
    #: ... and how many ``must_remove`` paragraphs may be left in.
    max_remove_left: int = 0
    language: str | None = None
    url: str | None = None
    gold: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}), repr=False)

    def __repr__(self) -> str:
        # Short: pytest prints fixture values in failure reports.
        return (
            f"SamplePage({self.name!r}, kind={self.kind!r}, language={self.language!r}, "
            f"must_keep={len(self.must_keep)}, must_remove={len(self.must_remove)})"
        )

    @classmethod
    def from_gold(
        cls, name: str, raw: str, gold: Mapping[str, Any], kind: str = "text"
    ) -> SamplePage:
        contained = gold.get("contained_duplicate") or ()
        if isinstance(contained, Mapping):
            contained = (contained,)
        bar = gold.get("bar") or {}
        return cls(
            name=name,
            raw=raw,
            kind=kind,
            must_keep=tuple(gold.get("must_keep", ())),
            must_remove=tuple(gold.get("must_remove", ())),
            optional=tuple(gold.get("optional", ())),
            at_most_once=tuple(gold.get("at_most_once", ())),
            contained_short=tuple(c["short"] for c in contained),
            phrase_boilerplate=tuple(gold.get("phrase_boilerplate", ())),
            min_keep_share=float(bar.get("min_must_keep_share", 1.0)),
            max_remove_left=int(bar.get("max_must_remove_left", 0)),
            language=gold.get("language"),
            url=gold.get("url"),
            gold=MappingProxyType(dict(gold)),
        )

    def score(self, output: str) -> dict[str, float]:
        """Counts behind ``problems``: body kept once, boilerplate left, token F1."""
        out = paragraphs(output)
        counts = Counter(out)
        kept_once = sum(counts[norm(p)] == 1 for p in self.must_keep)
        return {
            "must_keep": len(self.must_keep),
            "kept_once": kept_once,
            "keep_share": kept_once / len(self.must_keep) if self.must_keep else 1.0,
            "must_remove_left": sum(bool(counts[norm(p)]) for p in self.must_remove),
            "token_f1": token_f1(output, self.must_keep),
        }

    def problems(self, output: str, *, strict: bool = False) -> list[str]:
        """What is wrong with ``output`` as the cleaned page; empty when it passes.

        It passes when it clears the page's bar (``strict``: every ``must_keep`` exactly
        once and no ``must_remove`` left), keeps no ``at_most_once`` line twice, drops
        the short copy of a contained duplicate, keeps the body in order and, for text
        pages, invents nothing and keeps the input's order.
        """
        out = paragraphs(output)
        counts = Counter(out)
        found: list[str] = []
        min_share = 1.0 if strict else self.min_keep_share
        max_left = 0 if strict else self.max_remove_left
        missing = [p for p in self.must_keep if counts[norm(p)] != 1]
        share = 1 - len(missing) / len(self.must_keep) if self.must_keep else 1.0
        if share < min_share:
            found.append(
                f"kept {share:.0%} of the body exactly once (the bar is {min_share:.0%}); "
                f"missing or repeated:"
            )
            found.extend(f"  {counts[norm(p)]}x {_short(p)}" for p in missing)
        left = [p for p in self.must_remove if counts[norm(p)]]
        if len(left) > max_left:
            found.append(f"{len(left)} boilerplate paragraphs left in (the bar allows {max_left}):")
            found.extend(f"  {_short(p)}" for p in left)
        min_f1 = None if strict else self.bar.get("min_token_f1")
        if min_f1 is not None and token_f1(output, self.must_keep) < min_f1:
            found.append(f"token F1 {token_f1(output, self.must_keep):.3f} < {min_f1}")
        if strict or self.bar.get("at_most_once", True):
            found.extend(
                f"kept {counts[norm(p)]} times (at most once): {_short(p)}"
                for p in self.at_most_once
                if counts[norm(p)] > 1
            )
        found.extend(
            f"short copy left in: {_short(p)}" for p in self.contained_short if counts[norm(p)]
        )
        order = {norm(p): i for i, p in enumerate(self.must_keep)}
        positions = [order[p] for p in out if p in order]
        if positions != sorted(positions):
            found.append("body paragraphs are out of their original order")
        if self.kind == "text":
            source = paragraphs(self.raw)
            known = set(source)
            found.extend(
                f"not in the input (altered or invented): {_short(p)}"
                for p in out
                if p not in known
            )
            if not _is_subsequence(out, source):
                found.append("output paragraphs are not in the input's order")
        return found

    @property
    def bar(self) -> Mapping[str, Any]:
        return self.gold.get("bar") or {}

    def assert_passes(self, output: str, *, strict: bool = False) -> None:
        """Raise ``AssertionError`` listing every problem of ``output``."""
        __tracebackhide__ = True
        found = self.problems(output, strict=strict)
        if found:
            raise AssertionError(f"sample page {self.name!r}:\n" + "\n".join(found))


def token_f1(output: str, must_keep: Sequence[str]) -> float:
    """Bag-of-tokens F1 of ``output`` against the body text."""
    pred = Counter(output.split())
    true = Counter(" ".join(must_keep).split())
    common = sum((pred & true).values())
    if not common:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def _is_subsequence(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    it = iter(haystack)
    return all(any(p == h for h in it) for p in needle)


def _short(text: str, limit: int = 100) -> str:
    text = norm(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
