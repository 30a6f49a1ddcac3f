"""Configuration: one immutable object holding every threshold as a named default.

``Config`` is a frozen dataclass, so a configured ``Cleaner`` can be shared between
threads. Derive variants with ``config.replace(...)`` or ``Config.from_options(...)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .errors import ConfigError

#: Languages whose phrase files ship with cleaner (``phrases/<lang>.txt``).
SHIPPED_LANGUAGES: tuple[str, ...] = ("en", "ru", "de", "fr", "es", "pt", "it", "nl")


@dataclass(frozen=True)
class HtmlThresholds:
    """The thresholds of the HTML path: the prose anchor, the main container, link-dense
    blocks. A base of ``Config``, which holds them as fields of its own."""

    # -- HTML pages ----------------------------------------------------------------------
    #: Without an article marker, the main container widens from the prose anchor to
    #: its ancestors until it holds this share of the page's prose.
    html_container_min_share: float = 0.8
    #: A sibling before the container joins it when its prose is at least this share of
    #: the container's (a summary or standfirst above the article body).
    html_sibling_min_share: float = 0.2
    #: A block is link-dense when at least this share of its text is link text ...
    html_link_dense_min: float = 0.6
    #: ... and it has at most this many words (long paragraphs with links stay).
    html_link_dense_max_words: int = 40
    #: The prose anchor (``rules/anchor.py``) is the element whose paragraphs say most;
    #: the tree rules spare it and the main container is chosen around it. Blocks (and,
    #: before the walk, ``<p>`` elements) shorter than this many characters have no prose
    #: value and do not vote for it (captions, bylines).
    html_prose_min_chars: int = 40
    #: What each block costs in its prose value, in characters: runs of short teasers
    #: earn little, long paragraphs much.
    html_prose_block_cost: int = 25
    #: Blocks whose words average fewer characters than this (spaces included) have no
    #: prose value: a symbol run or a tag cloud, not sentences.
    html_prose_min_word_chars: int = 3
    #: A block's prose value is scaled by its share of non-link text to this power.
    html_prose_link_exponent: int = 2
    #: A block not ending in sentence punctuation keeps this share of its prose value.
    html_prose_unpunctuated_weight: float = 0.5
    #: A heading of at least this many words is a paragraph set in heading markup (old
    #: pages size their text with ``<h4>``, a slideshow puts its caption in ``<h1>``): it
    #: has a paragraph's prose value, and it is no headline.
    html_heading_paragraph_words: int = 40
    #: A paragraph's prose votes for this many elements: the one holding it (for a
    #: ``<p>``, before and after the walk, the ``<p>``'s parent) and its nearest
    #: ancestors ...
    html_anchor_vote_levels: int = 2
    #: ... each ancestor at this weight of the vote of the element below it.
    html_anchor_child_weight: float = 0.5
    #: Before the walk, only this many best-voted elements are tried as the anchor.
    html_anchor_candidates: int = 10
    #: Before the walk, an anchor with fewer votes than this (characters of paragraph
    #: text) is not trusted: the block-level prunings wait for the walk.
    html_anchor_min_text: int = 400
    #: An anchor outside comments and related teasers (or inside the one article titled
    #: with the page's ``<h1>``) is taken instead of the best one when its votes are at
    #: least this share of the best one's.
    html_anchor_outside_min_share: float = 0.1
    #: Only the first this many ``<main>``, role=main and itemprop=articleBody markers of
    #: a page guard their ancestors from the tree rules (a page marking every teaser is a
    #: listing, not one article).
    html_max_guarding_markers: int = 8
    #: A table holding none of the block elements that mark a layout table is still one
    #: when a cell holds at least this many paragraphs of prose (posts of a bulletin
    #: board apart by ``<br><br>``; ``rules/layout_tables.py``) ...
    html_layout_cell_paragraphs: int = 2
    #: ... each at least this many words, ending a sentence (a data table's cell holds a
    #: value or a line of description).
    html_layout_paragraph_min_words: int = 12
    #: ... and when that cell's row has another cell with text, and at most this many
    #: (a post beside its author's details; a data table's row has a field a column).
    html_layout_row_max_cells: int = 2


@dataclass(frozen=True)
class Config(HtmlThresholds):
    """Every knob of the pipeline. Field defaults are the library's named defaults."""

    # -- input ---------------------------------------------------------------------------
    #: Inputs larger than this many bytes (UTF-8) raise ``InputTooLargeError``.
    max_input_bytes: int = 64 * 1024 * 1024
    #: Pages that make more blocks than this raise ``InputTooLargeError`` (each block
    #: costs ~1 KB of memory through the pipeline; real pages have hundreds).
    max_blocks: int = 500_000
    #: Phrase files to load; the page language is guessed among these.
    languages: tuple[str, ...] = SHIPPED_LANGUAGES

    # -- block features ------------------------------------------------------------------
    #: A block with at least this share of stop words reads like prose.
    prose_min_stopword_ratio: float = 0.18
    #: A block that ends a sentence needs only this fraction of that share.
    sentence_stopword_share: float = 0.5
    #: Fewer stop-word hits than this on a whole page: language unknown.
    language_min_hits: int = 5
    #: ... or when they are less than this share of the page's words.
    language_min_share: float = 0.12
    #: Blocks with fewer words do not vote for the page's language (unless no block has
    #: this many): menu items and labels carry hardly any stop words.
    language_min_block_words: int = 8
    #: Capitalisation is read from a block's first this many words: it matters for short
    #: lines and for how a block opens (``title_ratio``, ``headline_prefix``).
    title_opening_words: int = 40
    #: Scripts written without spaces (CJK, Thai): this many characters count as a word.
    unspaced_chars_per_word: int = 2
    #: Lower-case words of at most this many characters ("of", "a", "to") are passed over
    #: when counting the capitalised words that open a block (``headline_prefix``).
    joiner_max_chars: int = 3

    # -- navigation ----------------------------------------------------------------------
    #: Longest line (in words) that a whole-line chrome phrase may hide in.
    chrome_max_words: int = 12
    #: A menu is at least this many consecutive short lines ...
    menu_min_lines: int = 3
    #: ... each of at most this many words ...
    menu_max_words: int = 5
    #: ... and without sentence punctuation.

    # -- media ---------------------------------------------------------------------------
    #: A line directly above a player stub is the video's title if this short.
    media_title_max_words: int = 25

    # -- duplicates ----------------------------------------------------------------------
    #: Shorter blocks are never treated as duplicates (headings, "Share" repeat legitimately).
    duplicate_min_chars: int = 20
    #: On HTML, a repeat counts as a duplicate only this close (in blocks) after the
    #: previous copy: the tree rules have already removed repeated page furniture, so
    #: what repeats farther apart is the article's own (recipe steps, product specs),
    #: while a caption or heading printed twice sits right after its first copy.
    #: ``None``: any distance, as on the text path.
    html_duplicate_max_distance: int | None = 3
    #: On HTML, a repeat of at least this many words is a paragraph the page itself
    #: prints again (a quoted forum post, a repeated passage), kept as the annotators
    #: keep it; what an HTML page prints twice by accident is short (a caption, a
    #: heading, a standfirst). ``None``: repeats of any length, as on the text path.
    html_duplicate_max_words: int | None = 15
    #: A block contained in a longer one is a duplicate if it has at least this many words.
    contained_min_words: int = 8

    # -- trailers ------------------------------------------------------------------------
    #: A trailer heading ends the article only once this share of the page's prose
    #: (by characters) lies above it.
    trailer_min_prose_share: float = 0.5
    #: A comment-section or recommendation heading ends the article once this many prose
    #: blocks ...
    strong_trailer_min_prose_blocks: int = 2
    #: ... holding this many characters lie above it.
    strong_trailer_min_prose_chars: int = 300
    #: Notices (cookies, newsletter, copyright) longer than this are left alone.
    notice_max_words: int = 60

    # -- quality (main content run) ------------------------------------------------------
    #: A block is prose if it has this many words and ends a sentence ...
    prose_min_words: int = 8
    #: ... or this many words whatever its punctuation.
    prose_long_words: int = 25
    #: A long line without sentence punctuation is not prose above this share of digits.
    prose_max_digit_ratio: float = 0.1
    #: A block opening with this many capitalised words is a teaser, not prose.
    teaser_min_headline_words: int = 8
    #: A prose block adds its words times this to the main run's score.
    run_chars_per_word: int = 6
    #: ... minus this fixed cost per block.
    run_block_cost: int = 60
    #: Sentences of at least this many words next to the run's edges join the run.
    run_edge_min_words: int = 5
    #: Penalty (in characters) that each non-prose block costs the main run.
    run_gap_penalty: int = 60
    #: Share of the penalty a short heading-like line costs (sub-headings inside articles).
    run_heading_penalty_share: float = 0.3
    #: Share of the penalty a list-item-like line costs (lists inside articles) ...
    run_list_item_penalty_share: float = 0.1
    #: ... a sentence-case line of at least this many words, with stop words.
    list_item_min_words: int = 4

    # -- rule selection and extensions ---------------------------------------------------
    #: Rule names or family names that do not run.
    disabled: frozenset[str] = frozenset()
    #: Extra phrases per section, added to the shipped lists of every language.
    extra_phrases: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: Extra rule classes, run after the built-in rules of the same family.
    extra_rules: tuple[type, ...] = ()
    #: Thresholds a rule declares (``Rule.parameters()``), set per rule name:
    #: ``{"counter": {"max_words": 6}}``. Unknown rule or parameter names raise.
    rule_params: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    #: Run the pipeline again on its own output until it changes nothing (idempotence).
    max_passes: int = 4
    #: Fingerprints (``rules.templates.fingerprint``) of paragraphs that recur across
    #: pages of one site, counted over a batch: ``site_template`` removes them.
    site_templates: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Normalise the collection fields so the config stays hashable and immutable.
        object.__setattr__(self, "disabled", frozenset(self.disabled))
        object.__setattr__(self, "languages", tuple(self.languages))
        object.__setattr__(
            self,
            "extra_phrases",
            MappingProxyType({k: tuple(v) for k, v in dict(self.extra_phrases).items()}),
        )
        object.__setattr__(self, "extra_rules", tuple(self.extra_rules))
        object.__setattr__(
            self,
            "rule_params",
            MappingProxyType(
                {k: MappingProxyType(dict(v)) for k, v in dict(self.rule_params).items()}
            ),
        )
        object.__setattr__(self, "site_templates", frozenset(self.site_templates))
        for lang in self.languages:
            if lang not in SHIPPED_LANGUAGES:
                raise ConfigError(f"unknown language {lang!r}; shipped: {SHIPPED_LANGUAGES}")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive")
        if self.max_blocks <= 0:
            raise ConfigError("max_blocks must be positive")
        if self.max_passes < 1:
            raise ConfigError("max_passes must be at least 1")
        if self.rule_params:
            self._check_rule_params()

    def _check_rule_params(self) -> None:
        # Imported here: the rules import this module.
        from .rules import DEFAULT_RULES
        from .rules.params import check_rule_params

        rules = {getattr(r, "name", ""): r for r in (*DEFAULT_RULES, *self.extra_rules)}
        check_rule_params(self.rule_params, rules)

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied (unknown names raise ``ConfigError``)."""
        return Config.from_options(self, **changes)

    @classmethod
    def from_options(cls, base: Config | None = None, **options: Any) -> Config:
        """Build a config from keyword options.

        Besides the field names it understands ``disable=`` (names to add to
        ``disabled``) and ``enable=`` (names to take out of it).
        """
        base = base or cls()
        known = {f.name for f in dataclasses.fields(cls)}
        changes: dict[str, Any] = {}
        disabled = set(base.disabled)
        for name, value in options.items():
            if name == "disable":
                disabled |= set(_names(value))
            elif name == "enable":
                disabled -= set(_names(value))
            elif name in known:
                changes[name] = value
            else:
                raise ConfigError(f"unknown option {name!r}")
        if "disabled" in changes:
            disabled |= set(_names(changes.pop("disabled")))
        return dataclasses.replace(base, disabled=frozenset(disabled), **changes)

    def is_enabled(self, rule_name: str, family: str) -> bool:
        return rule_name not in self.disabled and family not in self.disabled


def _names(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def thresholds() -> dict[str, Any]:
    """The named defaults, for documentation."""
    skip = {
        "disabled",
        "extra_phrases",
        "extra_rules",
        "languages",
        "rule_params",
        "site_templates",
    }
    return {f.name: f.default for f in dataclasses.fields(Config) if f.name not in skip}
