"""Raw input → front-end → blocks with features → named rules → decisions.

``Cleaner`` holds a configuration and the rules compiled for it. It is immutable after
construction, so one instance can serve many threads; every call builds its own
``Document`` and nothing survives from one call to the next.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from .blocks import Block, Features, Removal
from .config import Config
from .errors import ConfigError
from .features import compute_features
from .frontends.text import blocks_again, text_to_blocks
from .inputs import KINDS, check_block_count, coerce
from .metadata import Metadata
from .options import OUTPUTS, OutputOptions
from .phrases import PhraseBook
from .render.outputs import CleanedPage, html_output, page_text, result
from .result import Result
from .rules import DEFAULT_RULES, Document, Rule
from .rules.page_type import DECLARED, PAGE_TYPE, declared_types
from .rules.quality import CONFIDENCE
from .rules.runs import run_steps
from .rules.tree import TreePlan

__all__ = ["OUTPUTS", "Cleaner", "OutputOptions", "ordered_rules"]


class Cleaner:
    """A configured pipeline. ``Cleaner(disable={"trailers"}, run_gap_penalty=80)``."""

    __slots__ = ("_by_kind", "_phrases", "_rules", "_steps", "_tree_plan", "config")

    def __init__(self, config: Config | None = None, **options: Any) -> None:
        self.config = Config.from_options(config, **options) if options else (config or Config())
        self._phrases = PhraseBook(self.config.languages, self.config.extra_phrases)
        order = ordered_rules(self.config.extra_rules)
        check_requirements(order)
        known = {r.name for r in order} | {r.family for r in order}
        unknown = self.config.disabled - known
        if unknown:
            raise ConfigError(f"unknown rule or family names: {sorted(unknown)}")
        enabled = [r for r in order if self.config.is_enabled(r.name, r.family)]
        by_kind, self._rules = _build_rules(enabled, self.config, self._phrases)
        self._by_kind: Mapping[str, tuple[Rule, ...]] = MappingProxyType(by_kind)
        # Per kind: the rules that run before features are computed, and the rest, with
        # runs of line rules on text in one pass each (LineRuleRun).
        steps = {}
        for kind, rules in by_kind.items():
            start = next((i for i, r in enumerate(rules) if r.uses_features), len(rules))
            steps[kind] = (rules[:start], run_steps(rules[start:]))
        self._steps = MappingProxyType(steps)
        # The tree rules arranged for the HTML front-end, once rather than per page.
        self._tree_plan = TreePlan(by_kind["html"], self.config)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules that run, in order (each once, whatever kinds it applies to)."""
        return self._rules

    def rules_for(self, kind: str) -> tuple[Rule, ...]:
        """The rules that run on input of ``kind`` ("text" or "html"), in order."""
        return self._by_kind[kind]

    def clean(
        self,
        raw: object,
        *,
        url: str | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        options: OutputOptions | None = None,
        **option_fields: Any,
    ) -> str:
        """The article body of ``raw``: plain text, Markdown, HTML or a JSON document.

        ``raw`` is a page as ``str`` or ``bytes``, or a parsed one: an lxml element, a
        parsel/Scrapy ``Selector``, a selectolax parser or node. ``options`` (an
        ``OutputOptions``) says what to return; its fields may also be given as keywords
        (``output="markdown"``, ``include_title=True`` ...), which override it.
        ``encoding`` is the charset the server declared for bytes (its HTTP header),
        read before the page's own.
        """
        opts = OutputOptions.merge(options, option_fields)
        if opts.output == "text":
            # The text alone: no decision per block to build (``explain`` has them).
            return page_text(_clean_page(self, raw, url, kind, encoding, opts, opts.wants_metadata))
        result = self.explain(
            raw,
            url=url,
            kind=kind,
            encoding=encoding,
            options=opts,
            metadata=opts.wants_metadata,
        )
        if opts.output == "markdown":
            return result.markdown or ""
        if opts.output == "html":
            return result.html or ""
        if opts.output == "json":
            return result.to_json(removed=False)
        return result.text

    def explain(
        self,
        raw: object,
        *,
        url: str | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        options: OutputOptions | None = None,
        metadata: bool = True,
        **option_fields: Any,
    ) -> Result:
        """The article body plus a decision, with rule and reason, for every block.

        With ``output="markdown"``, ``"html"`` or ``"json"`` (in ``options`` or as a
        keyword) the result carries the Markdown or the HTML too; ``metadata=False``
        skips reading the page's metadata (title, author, date ...).
        """
        opts = OutputOptions.merge(options, option_fields)
        page = _clean_page(self, raw, url, kind, encoding, opts, metadata)
        return result(page, opts, url)

    def clean_tree(
        self,
        raw: object,
        *,
        url: str | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        options: OutputOptions | None = None,
        **option_fields: Any,
    ) -> Any:
        """The article as an lxml element (``<article>``, an ``lxml.html.HtmlElement``):
        the tree of ``output="html"``, for code that goes on with XPath."""
        opts = replace(OutputOptions.merge(options, option_fields), output="html")
        page = _clean_page(self, raw, url, kind, encoding, opts, False)
        return html_output(page, opts, tree=True)

    def run_blocks(
        self,
        blocks: list[Block],
        *,
        kind: str = "text",
        url: str | None = None,
        language_hint: str | None = None,
        elements: Any = None,
        notes: Mapping[str, object] | None = None,
        judged: bool = False,
    ) -> Document:
        """Compute features and run the rules for ``kind`` over ``blocks`` (marks them
        in place).

        Rules that read no features run first, in order; features are computed right
        before the first rule that reads them (for the blocks no rule removed by then).
        Blocks that already carry features computed for ``language_hint`` keep them.
        ``notes`` start the document's notes (what the front-end read for the rules).
        ``judged``: the blocks are the lines an earlier pass over the same text page
        kept; when the language comes out as ``language_hint`` again, the line rules
        have nothing left to remove (``Document.lines_judged``).
        """
        before, after = self._steps[kind]
        doc = Document(blocks, self.config, kind=kind, url=url, elements=elements)
        if notes:
            doc.notes.update(notes)
        for rule in before:
            rule.apply(doc)
        if before and kind == "text":
            # A line shares its copies' features (the text front-end): one removed
            # here keeps empty ones, as features are filled for the lines kept only.
            for block in blocks:
                if block.removal is not None:
                    block.features = Features()
        self._compute_features(doc, language_hint)
        doc.lines_judged = judged and kind == "text" and doc.language == language_hint
        for step in after:
            step.apply(doc)
        return doc

    def _compute_features(self, doc: Document, language_hint: str | None) -> None:
        cfg = self.config
        # The compiled twins where the compiled walk is used (the same features), on
        # both paths: on text, filling the features is a quarter of the work a line.
        from .frontends.html.compiled import compiled_features

        twins = compiled_features()
        language = compute_features(
            doc.blocks,
            self._phrases.stopwords,
            cfg,
            reuse_language=language_hint,
            languages_of=self._phrases.stopword_languages,
            compiled=twins,
        )
        doc.language = language
        doc.stopwords = (
            self._phrases.stopwords.get(language, frozenset()) if language else frozenset()
        )

    def _settle(self, blocks: Sequence[Block], language: str | None) -> None:
        """Run again on the output as a caller would, until it changes nothing.

        This makes ``clean(clean(x)) == clean(x)``: a later pass sees the kept blocks
        without the removed ones around them, exactly as a second call would.
        """
        for n in range(2, self.config.max_passes + 1):
            kept = [b for b in blocks if b.removal is None]
            if not kept:
                return
            # The features are shared, not copied (``blocks_again`` hands each new block
            # its kept block's): the pass redoes only the page-level counts (repeats,
            # stop words), which the kept blocks no longer need.
            again = blocks_again(kept)
            self.run_blocks(again, language_hint=language, judged=True)
            changed = False
            for original, block in zip(kept, again, strict=True):
                if block.removal is not None:
                    r = block.removal
                    original.removal = Removal(r.rule, r.family, f"{r.reason} (pass {n})")
                    changed = True
            if not changed:
                return


def _clean_page(
    cleaner: Cleaner,
    raw: object,
    url: str | None,
    kind: str | None,
    encoding: str | None,
    opts: OutputOptions,
    metadata: bool,
) -> CleanedPage:
    """Front-end and rules: ``raw`` as marked blocks (``Cleaner.explain``'s work)."""
    config = cleaner.config
    include_title = opts.include_title
    count = None
    if isinstance(raw, str):
        # The compiled twin counting the control characters of the page's sample, where
        # the compiled walk is used (the text path uses its features too: on a text dump
        # the count in Python, encoding the sample, costs more than the lines' blocks).
        from .frontends.html.compiled import compiled_prepare

        twins = compiled_prepare()
        count = twins.control_count if twins is not None else None
    text, kind = coerce(
        raw, kind, config.max_input_bytes, config.max_blocks, encoding, count_controls=count
    )
    meta: Metadata | None = None
    base_url = url
    notes: dict[str, object] = {}
    if kind == "html":
        # Imported late: text users skip them.
        from .frontends.html import parse_html, walk_html
        from .frontends.html.compiled import compiled_prepare
        from .frontends.html.prescan import scan_page

        tree = parse_html(text, compiled_prepare(), code=False)
        if metadata or include_title:
            from .metadata import extract_metadata

            # Read before walk_html, which removes scripts (JSON-LD) from the tree.
            meta = extract_metadata(tree, url)
        # What the walk asks of the tree, in one compiled pass (None: the queries ask).
        scan = scan_page(tree, config)
        # Before the walk drops the scripts.
        notes[DECLARED] = declared_types(tree, None if scan is None else scan.declaring)
        blocks, elements = walk_html(
            tree,
            cleaner._tree_plan,
            markup=opts.output != "text",
            inline_marks=opts.links or opts.emphasis or opts.images,
            scan=scan,
        )
        if opts.output != "text":
            base_url = _base_url(tree, url)
    else:
        blocks = text_to_blocks(text)
        elements = None
        if metadata or include_title:
            meta = Metadata(url=url)
    check_block_count(len(blocks), config.max_blocks)
    doc = cleaner.run_blocks(blocks, kind=kind, url=url, elements=elements, notes=notes)
    if kind == "text":
        cleaner._settle(blocks, doc.language)
    # The rules are done and the renderers read no features: on a page of many short
    # lines the features are half of what the blocks hold, so they go before the
    # output is built (one empty set for the page's blocks).
    released = Features()
    for block in blocks:
        block.features = released
    title = meta.title if meta is not None else None
    # The title goes first only when the body does not already start with it.
    lead = title if include_title and title and not _starts_with(blocks, title) else None
    page_type = doc.notes.get(PAGE_TYPE)
    page_type = page_type if isinstance(page_type, str) else None
    return CleanedPage(
        blocks, kind, doc.language, meta, lead, base_url, page_type, doc.notes.get(CONFIDENCE)
    )


def _build_rules(
    enabled: Sequence[type[Rule]], config: Config, phrases: PhraseBook
) -> tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...]]:
    """Each rule built once; each kind's list holds the rules applying to it, in order,
    as set up for that kind (the same instance unless it works differently); and every
    rule once, in order, as set up for its first kind."""
    built = [r(config, phrases) for r in enabled]
    by_kind = {
        kind: tuple(rule.for_kind(kind) for rule in built if kind in rule.kinds) for kind in KINDS
    }
    firsts: dict[type[Rule], Rule] = {}
    for kind in KINDS:
        for rule in by_kind[kind]:
            firsts.setdefault(type(rule), rule)
    return by_kind, tuple(firsts[type(rule)] for rule in built)


def ordered_rules(extra: Sequence[type[Rule]] = ()) -> tuple[type[Rule], ...]:
    """Built-in rules in order, each extra rule right after its family's main group of
    built-in rules (or last, for a family of its own); one that reads features never
    before a built-in rule that does not (those run before features are computed)."""
    order: list[type[Rule]] = list(DEFAULT_RULES)
    structural = max((i + 1 for i, r in enumerate(order) if not r.uses_features), default=0)
    for rule_cls in extra:
        if not (isinstance(rule_cls, type) and issubclass(rule_cls, Rule)):
            raise ConfigError(f"extra rule {rule_cls!r} is not a subclass of cleaner.Rule")
        if not rule_cls.name or not rule_cls.family:
            raise ConfigError(f"extra rule {rule_cls.__name__} needs a name and a family")
        start = structural if rule_cls.uses_features else 0
        family = rule_cls.family
        at = next((i for i in range(start, len(order)) if order[i].family == family), None)
        if at is None:  # no group of its family where it may run: after the first one
            at = next((i for i, r in enumerate(order) if r.family == family), len(order))
        while at < len(order) and order[at].family == family:
            at += 1
        at = max(at, start)
        order.insert(at, rule_cls)
        structural += at < structural
    return tuple(order)


def check_requirements(order: Sequence[type[Rule]]) -> None:
    """Raise ``ConfigError`` unless every rule applies to some input kinds, all known,
    and every rule it requires comes earlier in ``order``.

    A required rule that is disabled, or that does not apply to a kind, is no error:
    it leaves no marks there, and the rule reading them sees none (as on a page where
    it found nothing). Only the order can be wrong.
    """
    position = {rule: i for i, rule in reversed(list(enumerate(order)))}
    for i, rule in enumerate(order):
        kinds = rule.kinds
        if not isinstance(kinds, frozenset) or not kinds or not kinds <= set(KINDS):
            raise ConfigError(
                f"rule {rule.name!r}: kinds must be a non-empty frozenset of {KINDS}, got {kinds!r}"
            )
        for needed in rule.requires:
            if needed not in position:
                raise ConfigError(
                    f"rule {rule.name!r} requires {getattr(needed, '__name__', needed)!r}, "
                    "which is no rule of this pipeline"
                )
            if position[needed] >= i:
                raise ConfigError(
                    f"rule {rule.name!r} requires {needed.name!r}, which runs after it"
                )


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
