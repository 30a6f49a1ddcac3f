"""What a generated page is: its segments, its plan, and the answer it must clean to."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..banks import BANKS

if TYPE_CHECKING:
    from ...result import Result


LANGUAGES: tuple[str, ...] = tuple(BANKS)

#: Every kind of boilerplate the pages carry, and the cleaner family meant to remove it.
#: Injected in this order within a zone, which is the order sites print them in.
KINDS = MappingProxyType(
    {
        "cookie_notice": "trailers",
        "accessibility": "accessibility",
        "banner": "navigation",
        "masthead": "quality",
        "menu": "navigation",
        "breadcrumb": "navigation",
        "share_bar": "navigation",
        "counter": "navigation",
        "media_stub": "media",
        "media_label": "media",
        "caption_repeat": "duplicates",
        "pull_quote": "duplicates",
        "paragraph_repeat": "duplicates",
        "inline_link": "navigation",
        "newsletter": "trailers",
        "button": "navigation",
        "trailer": "trailers",
        "copyright": "trailers",
    }
)

#: Segment kinds that belong to the article, and those that are optional in a gold
#: annotation (kept or dropped, either is right, but at most once).
ARTICLE_KINDS = frozenset({"paragraph", "subheading"})
OPTIONAL_KINDS = frozenset({"headline", "dateline", "byline", "caption"})


@dataclass(frozen=True)
class Segment:
    """Consecutive lines of one kind, in one zone of the page."""

    kind: str
    lines: tuple[str, ...]
    zone: str = "body"
    #: Per line: whether a blank line precedes it in a text dump (players and their
    #: titles, menus and repeated captions sit on adjacent lines).
    gaps: tuple[bool, ...] = ()
    #: Which rendering a kind uses ("list", "inline", "video", ...).
    variant: str = ""

    @property
    def role(self) -> str:
        if self.kind in ARTICLE_KINDS:
            return "article"
        if self.kind in OPTIONAL_KINDS:
            return "optional"
        return "boilerplate"


@dataclass(frozen=True)
class TextLayout:
    """How a scraper laid the page out as text: newlines and stray white space."""

    newline: str = "\n"
    #: Single newlines everywhere (no blank lines), as some innerText dumps have.
    dense: bool = False
    indent: str = ""
    trailing: str = ""


@dataclass(frozen=True)
class PagePlan:
    """A page before rendering: its segments in page order and its text layout."""

    language: str
    segments: tuple[Segment, ...]
    layout: TextLayout = TextLayout()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.kind for s in self.segments if s.role == "boilerplate"))


@dataclass(frozen=True, repr=False)
class GeneratedPage:
    """A rendered page, the article it must clean to, and what was injected into it."""

    raw: str
    input_kind: str
    language: str
    #: Article blocks (paragraphs and sub-headings), in order: the expected output.
    article: tuple[str, ...]
    #: Lines that may be kept or dropped (headline, dateline, byline, captions).
    optional: tuple[str, ...]
    #: (kind, line) of every injected boilerplate line.
    boilerplate: tuple[tuple[str, str], ...]

    @property
    def expected(self) -> str:
        """The article as ``clean_article`` renders it: blocks separated by a blank line."""
        return "\n\n".join(self.article)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(kind for kind, _ in self.boilerplate))

    def problems(self, output: str) -> list[str]:
        """Everything wrong with ``output`` as the cleaned page; empty when it is right.

        Right means: the article blocks exactly once each, in order, nothing else except
        optional lines, and no optional line twice. Lines are compared after Unicode NFC
        and white-space collapsing (the HTML path collapses white space).
        """
        out = _paragraphs(output)
        expected = [_norm(p) for p in self.article]
        wanted = set(expected)
        optional = {_norm(p) for p in self.optional}
        found: list[str] = []
        core = [p for p in out if p not in optional or p in wanted]
        counts = Counter(core)
        for p in expected:
            if counts[p] == 0:
                found.append(f"lost article block: {_short(p)}")
            elif counts[p] > 1:
                found.append(f"article block kept {counts[p]} times: {_short(p)}")
        for p in core:
            if p not in wanted:
                found.append(f"kept {self.kind_of(p)}: {_short(p)}")
        if not found and core != expected:
            found.append("article blocks out of order")
        everything = Counter(out)
        for p in optional - wanted:
            if everything[p] > 1:
                found.append(f"optional line kept {everything[p]} times: {_short(p)}")
        return found

    def matches(self, output: str) -> bool:
        return not self.problems(output)

    def kind_of(self, line: str) -> str:
        """The injected kind a line of output comes from ("unknown" if none)."""
        line = _norm(line)
        for kind, text in self.boilerplate:
            if _norm(text) == line:
                return kind
        for kind, text in self.boilerplate:
            text = _norm(text)
            if line in text or text in line:
                return kind
        return "unknown"

    def failure_patterns(self, result: Result) -> list[str]:
        """Short labels for what went wrong, naming the rule or the injected kind.

        ``"lost article: quality/outside_main_run"`` (a rule removed article text) or
        ``"kept: media_stub"`` (boilerplate of that kind survived).
        """
        out = _paragraphs(result.text)
        wanted = {_norm(p) for p in self.article}
        optional = {_norm(p) for p in self.optional}
        kept = Counter(out)
        patterns: list[str] = []
        for p in dict.fromkeys(_norm(a) for a in self.article):
            if kept[p]:
                continue
            rules = {
                f"{d.family}/{d.rule}" for d in result.blocks if not d.kept and _norm(d.text) == p
            }
            patterns.extend(f"lost article: {r}" for r in sorted(rules or {"not in output"}))
        for p in dict.fromkeys(out):
            if p in wanted:
                if kept[p] > 1:
                    patterns.append(f"kept twice: {self.kind_of(p)}")
            elif p not in optional:
                patterns.append(f"kept: {self.kind_of(p)}")
            elif kept[p] > 1:
                patterns.append("kept twice: optional line")
        if not patterns and self.problems(result.text):
            patterns.append("article blocks out of order")
        return patterns

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (a failing page kept as a fixture); ``from_dict`` reads it."""
        return {
            "input_kind": self.input_kind,
            "language": self.language,
            "kinds": list(self.kinds),
            "raw": self.raw,
            "article": list(self.article),
            "optional": list(self.optional),
            "boilerplate": [list(pair) for pair in self.boilerplate],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GeneratedPage:
        return cls(
            raw=data["raw"],
            input_kind=data["input_kind"],
            language=data["language"],
            article=tuple(data["article"]),
            optional=tuple(data["optional"]),
            boilerplate=tuple((kind, line) for kind, line in data["boilerplate"]),
        )

    def __repr__(self) -> str:
        # What Hypothesis prints for a falsifying example: enough to reproduce it.
        return (
            f"GeneratedPage(input_kind={self.input_kind!r}, language={self.language!r}, "
            f"kinds={list(self.kinds)}, raw={self.raw!r})"
        )


# -- comparison helpers ----------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _norm(line: str) -> str:
    return " ".join(unicodedata.normalize("NFC", line).split())


def _paragraphs(text: str) -> list[str]:
    return [p for p in (_norm(line) for line in text.splitlines()) if p]


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _short(text: str, limit: int = 90) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
