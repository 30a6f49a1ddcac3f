"""Raw input → front-end → blocks with features → named rules → decisions.

``Cleaner`` holds a configuration and the rules compiled for it. It is immutable after
construction, so one instance can serve many threads; every call builds its own
``Document`` and nothing survives from one call to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from .blocks import Block, Removal
from .config import Config
from .errors import ConfigError, InputValueError
from .features import compute_features
from .frontends.text import text_to_blocks
from .inputs import check_block_count, coerce
from .metadata import Metadata
from .phrases import PhraseBook
from .render import render_text
from .result import BlockDecision, Result
from .rules import DEFAULT_RULES, Document, Rule
from .rules.html import TreePlan

#: What ``Cleaner.clean`` can return: plain text, Markdown, or a JSON document.
OUTPUTS = ("text", "markdown", "json")


class Cleaner:
    """A configured pipeline. ``Cleaner(disable={"trailers"}, run_gap_penalty=80)``."""

    __slots__ = ("_phrases", "_rules", "_tree_plan", "config")

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = Config.from_options(config, **options) if options else (config or Config())
        self._phrases = PhraseBook(self.config.languages, self.config.extra_phrases)
        self._rules = tuple(
            rule_cls(self.config, self._phrases)
            for rule_cls in ordered_rules(self.config.extra_rules)
            if self.config.is_enabled(rule_cls.name, rule_cls.family)
        )
        known = {r.name for r in ordered_rules(self.config.extra_rules)}
        known |= {r.family for r in ordered_rules(self.config.extra_rules)}
        unknown = self.config.disabled - known
        if unknown:
            raise ConfigError(f"unknown rule or family names: {sorted(unknown)}")
        # The tree rules arranged for the HTML front-end, once rather than per page.
        self._tree_plan = TreePlan(self._rules)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules that run, in order."""
        return self._rules

    def clean(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        kind: str | None = None,
        output: str = "text",
        include_title: bool = False,
        links: bool = False,
        emphasis: bool = False,
        images: bool = False,
    ) -> str:
        """The article body of ``raw``: plain text, Markdown or a JSON document.

        ``output`` is ``"text"``, ``"markdown"`` or ``"json"`` (text, Markdown and the
        page's metadata; see docs/output-formats.md). ``include_title`` puts the title
        first; ``links``, ``emphasis``, ``images`` add inline Markdown.
        """
        result = self.explain(
            raw,
            url=url,
            kind=kind,
            output=output,
            include_title=include_title,
            links=links,
            emphasis=emphasis,
            images=images,
            metadata=output == "json" or include_title,
        )
        if output == "markdown":
            return result.markdown or ""
        if output == "json":
            return result.to_json(removed=False)
        return result.text

    def explain(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        kind: str | None = None,
        output: str = "text",
        include_title: bool = False,
        links: bool = False,
        emphasis: bool = False,
        images: bool = False,
        metadata: bool = True,
    ) -> Result:
        """The article body plus a decision, with rule and reason, for every block.

        With ``output="markdown"`` or ``"json"`` the result carries the Markdown too;
        ``metadata=False`` skips reading the page's metadata (title, author, date ...).
        """
        if output not in OUTPUTS:
            raise InputValueError(f"output must be one of {OUTPUTS}, got {output!r}")
        text, kind = coerce(raw, kind, self.config.max_input_bytes, self.config.max_blocks)
        meta: Metadata | None = None
        tree: Any = None
        if kind == "html":
            # Imported late: text users skip them.
            from .frontends.html import html_to_blocks, parse_html

            tree = parse_html(text)
            if metadata or include_title:
                from .metadata import extract_metadata

                # Read before html_to_blocks, which removes scripts (JSON-LD) from the tree.
                meta = extract_metadata(tree, url)
            blocks = html_to_blocks(
                tree,
                self._tree_plan,
                self.config,
                markup=output != "text",
                inline_marks=links or emphasis or images,
            )
        else:
            blocks = text_to_blocks(text)
            if metadata or include_title:
                meta = Metadata(url=url)
        check_block_count(len(blocks), self.config.max_blocks)
        doc = self.run_blocks(blocks, kind=kind, url=url)
        if kind == "text":
            self._settle(blocks, doc.language)
        title = meta.title if meta is not None else None
        # The title goes first only when the body does not already start with it.
        lead = title if include_title and title and not _starts_with(blocks, title) else None
        body = render_text(blocks)
        markdown = None
        if output != "text":
            from .render.markdown import render_markdown

            markdown = render_markdown(
                blocks,
                title=lead,
                links=links,
                emphasis=emphasis,
                images=images,
                base_url=_base_url(tree, url) if kind == "html" else url,
            )
        return Result(
            text=f"{lead}\n\n{body}" if lead and body else (lead or body),
            blocks=tuple(_decision(b) for b in blocks),
            input_kind=kind,
            language=doc.language,
            url=url,
            title=title,
            metadata=meta,
            markdown=markdown,
        )

    def run_blocks(
        self,
        blocks: list[Block],
        *,
        kind: str = "text",
        url: str | None = None,
        language_hint: str | None = None,
    ) -> Document:
        """Compute features and run every rule over ``blocks`` (marks them in place).

        Blocks that already carry features computed for ``language_hint`` keep them.
        """
        cfg = self.config
        language = compute_features(
            blocks,
            self._phrases.stopwords,
            cfg.language_min_hits,
            cfg.language_min_share,
            reuse_language=language_hint,
        )
        stopwords = self._phrases.stopwords.get(language, frozenset()) if language else frozenset()
        doc = Document(blocks, self.config, language, stopwords, kind, url)
        for rule in self._rules:
            rule.apply(doc)
        return doc

    def _settle(self, blocks: Sequence[Block], language: str | None) -> None:
        """Run again on the output as a caller would, until it changes nothing.

        This makes ``clean(clean(x)) == clean(x)``: a later pass sees the kept blocks
        without the removed ones around them, exactly as a second call would.
        """
        for n in range(2, self.config.max_passes + 1):
            kept = [b for b in blocks if b.removal is None]
            if not kept:
                return
            again = text_to_blocks(render_text(kept))
            for original, block in zip(kept, again, strict=True):
                block.features = replace(original.features)
            self.run_blocks(again, language_hint=language)
            changed = False
            for original, block in zip(kept, again, strict=True):
                if block.removal is not None:
                    r = block.removal
                    original.removal = Removal(r.rule, r.family, f"{r.reason} (pass {n})")
                    changed = True
            if not changed:
                return


def ordered_rules(extra: Sequence[type[Rule]] = ()) -> tuple[type[Rule], ...]:
    """Built-in rules in order, each extra rule right after its family's main group of
    built-in rules (or last, for a family of its own)."""
    order: list[type[Rule]] = list(DEFAULT_RULES)
    for rule_cls in extra:
        if not (isinstance(rule_cls, type) and issubclass(rule_cls, Rule)):
            raise ConfigError(f"extra rule {rule_cls!r} is not a subclass of cleaner.Rule")
        if not rule_cls.name or not rule_cls.family:
            raise ConfigError(f"extra rule {rule_cls.__name__} needs a name and a family")
        at = next((i for i, r in enumerate(order) if r.family == rule_cls.family), len(order))
        while at < len(order) and order[at].family == rule_cls.family:
            at += 1
        order.insert(at, rule_cls)
    return tuple(order)


def _base_url(tree: Any, url: str | None) -> str | None:
    """What relative links resolve against: ``<base href>`` (itself against ``url``)."""
    base = tree.css_first("base[href]")
    href = base.attributes.get("href") if base is not None else None
    if not href:
        return url
    from urllib.parse import urljoin

    try:
        return urljoin(url or "", href.strip())
    except ValueError:
        return url


def _starts_with(blocks: Sequence[Block], title: str) -> bool:
    first = next((b for b in blocks if b.removal is None), None)
    return first is not None and " ".join(first.text.split()) == title


def _decision(block: Block) -> BlockDecision:
    r = block.removal
    return BlockDecision(
        index=block.index,
        text=block.text,
        kind=block.kind.value,
        kept=r is None,
        rule=r.rule if r else None,
        family=r.family if r else None,
        reason=r.reason if r else None,
        path=block.path,
    )
