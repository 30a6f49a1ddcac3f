"""HTML-only rules: what markup says about a subtree, and link-dense or caption blocks.

Two kinds of rule live here.

``TreeRule`` subclasses are applied by the HTML front-end (``frontends/html.py``) to the
parsed page, before any block exists: hidden content, ARIA landmarks, page headers and
footers, skip links, media players, and class/id vocabularies (``phrases/html_hints.txt``).
Each pruned subtree becomes one removed block carrying the rule's name, family and
reason, so explanations name them like any other rule. Their ``apply`` has nothing left
to do; they sit in the registry so that they can be listed, documented and disabled.

The other rules judge blocks of HTML pages (``doc.kind == "html"``) and leave text
input alone: link-dense blocks (menus, teaser lists) and figure captions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any, ClassVar

import regex

from ..blocks import Block, BlockKind
from ..config import Config
from ..errors import ConfigError
from ..phrases import PhraseBook, parse_phrases
from .base import Document, LineRule, Rule, quote

#: The data file of class/id vocabularies, beside the phrase files.
HINTS_FILE = "html_hints.txt"

# A hump in camelCase ("shareBar") or between a digit run and a word: a token boundary.
# (``re``, not ``regex``: ASCII classes only, and ``re`` substitutes three times faster.)
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NAME_SEPARATORS = str.maketrans({"-": " ", "_": " ", ":": " ", ".": " "})


def name_tokens(name: str) -> list[str]:
    """The lower-cased tokens of one class name or id: 'shareBar-top' -> share, bar, top."""
    if name.lower() == name:
        return name.translate(_NAME_SEPARATORS).split()  # no humps to find
    return _CAMEL_HUMP.sub(" ", name).translate(_NAME_SEPARATORS).lower().split()


def lower_case_tokens(names: str) -> list[str] | None:
    """The tokens of every name in a space-separated list (a class attribute) when it is
    all lower case, which makes them the union of each name's ``name_tokens``; else None
    (camelCase humps split names in ways one pass over the list cannot)."""
    if names.lower() != names:
        return None
    return names.translate(_NAME_SEPARATORS).split()


def read_hints() -> dict[str, list[str]]:
    """The sections of ``phrases/html_hints.txt`` as lists of entry lines."""
    text = resources.files("cleaner.phrases").joinpath(HINTS_FILE).read_text("utf-8")
    return parse_phrases(text, source=HINTS_FILE, known=None)


class TreeRule(Rule):
    """A rule the HTML front-end applies to the parsed page (see the module docstring).

    The front-end asks ``check_attrs`` about elements that carry a class, an id, or a
    hiding or role attribute, ``check_tag`` about every element it walks, and matches
    ``vocabulary`` tokens against class names and ids. A match prunes the subtree unless
    a guard refuses: the subtree holds the page's main content marker (``<main>``,
    ``itemprop=articleBody``, the largest ``<article>``) or, for guarded rules, more
    than ``max_share`` of the page's text.
    """

    #: Tags this rule prunes whatever their attributes.
    tags: ClassVar[frozenset[str]] = frozenset()
    #: Attributes ``check_attrs`` looks at (it is only asked about elements having one).
    attributes: ClassVar[frozenset[str]] = frozenset()
    #: The ``html_hints.txt`` section whose class/id entries this rule matches.
    vocabulary: ClassVar[str] = ""
    #: Largest share of the page's text a pruned subtree may hold (1.0: no limit).
    max_share: ClassVar[float] = 0.5
    #: What a match is, for reasons: "share tools" in "class/id 'share-bar': share tools".
    what: ClassVar[str] = ""
    #: True: prune as soon as the walk meets the element. False: a block-level match
    #: waits until the walk has found where the prose is, and is not pruned if it holds
    #: it (a blog theme may call the post's own box a "widget").
    immediate: ClassVar[bool] = False
    #: True for boilerplate that can hold long prose (comments, related teasers): the
    #: prose anchor avoids such subtrees when there is prose elsewhere.
    holds_prose: ClassVar[bool] = False

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        entries: dict[str, list[tuple[str, ...]]] = {}
        exact: set[tuple[str, ...]] = set()
        not_after: frozenset[str] = frozenset()
        not_before: frozenset[str] = frozenset()
        unless: set[str] = set()
        if self.vocabulary:
            hints = read_hints()
            if self.vocabulary not in hints:
                raise ConfigError(f"{HINTS_FILE} has no section [{self.vocabulary}]")
            for line in hints[self.vocabulary]:
                if line.startswith("!"):
                    unless.update(line[1:].lower().split())
                    continue
                whole = line.startswith("=")
                tokens = tuple(name_tokens(line.lstrip("=")) if whole else line.lower().split())
                if whole:
                    exact.add(tokens)
                entries.setdefault(tokens[0], []).append(tokens)
            not_after = frozenset(w for line in hints.get("not_after", []) for w in line.split())
            not_before = frozenset(w for line in hints.get("not_before", []) for w in line.split())
        # Longest entries first, so a reason names the most specific one.
        self.entries: Mapping[str, tuple[tuple[str, ...], ...]] = {
            first: tuple(sorted(set(seqs), key=len, reverse=True))
            for first, seqs in entries.items()
        }
        #: First tokens of the entries: the front-end intersects them with a page's tokens.
        self.first_tokens: frozenset[str] = frozenset(self.entries)
        self._exact = frozenset(exact)
        # What ``match_tokens`` needs of each entry, worked out once: the entry, its
        # length, whether it must be the whole name, and its name in reasons.
        self._candidates = {
            first: tuple((e, len(e), e in self._exact, "-".join(e)) for e in seqs)
            for first, seqs in self.entries.items()
        }
        self._not_after = not_after
        self._not_before = not_before
        #: Tokens that make a class name none of this vocabulary's ("social-embed" is
        #: an embedded post, not share buttons).
        self._unless = frozenset(unless)

    def apply(self, doc: Document) -> None:
        """Nothing to do on blocks: the front-end applied this rule to the tree."""

    def check_tag(self, tag: str, attrs: Mapping[str, Any] | None) -> str | None:
        """Why an element with this tag is pruned, or None."""
        if tag in self.tags:
            return f"<{tag}> element"
        return None

    def check_attrs(self, tag: str, attrs: Mapping[str, Any], node: Any) -> str | None:
        """Why an element with these attributes is pruned, or None."""
        return None

    def match_tokens(self, tokens: list[str], at: int) -> str | None:
        """The vocabulary entry matching ``tokens`` (one class name) from ``at``, or None."""
        if at > 0 and tokens[at - 1] in self._not_after:
            return None
        if self._unless and not self._unless.isdisjoint(tokens):
            return None
        for entry, length, exact, joined in self._candidates.get(tokens[at], ()):
            end = at + length
            # (Entries are filed under their first token: one-token entries match.)
            if length > 1 and tuple(tokens[at:end]) != entry:
                continue
            if exact:
                if at == 0 and end == len(tokens):
                    return joined
                continue
            if end < len(tokens) and tokens[end] in self._not_before:
                continue
            return joined
        return None

    def check_anchor(self, href: str) -> str | None:
        """Why an in-page link (``href`` starting with '#') is pruned, or None."""
        return None

    def vocabulary_reason(self, entry: str) -> str:
        return f"class/id token {entry!r}: {self.what}"


# -- rules applied to the tree -------------------------------------------------------


class HiddenContent(TreeRule):
    name = "hidden_content"
    family = "hidden"
    immediate = True
    description = (
        "Content a reader does not see: the hidden attribute, aria-hidden='true', inline "
        "display:none or visibility:hidden, <noscript> fallbacks, closed <dialog>s."
    )
    tags = frozenset({"noscript", "dialog"})
    attributes = frozenset({"hidden", "aria-hidden", "style"})
    max_share = 1.0

    _STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)

    def check_tag(self, tag: str, attrs: Mapping[str, Any] | None) -> str | None:
        if tag == "dialog" and attrs is not None and "open" in attrs:
            return None
        return super().check_tag(tag, attrs)

    def check_attrs(self, tag: str, attrs: Mapping[str, Any], node: Any) -> str | None:
        if "hidden" in attrs:
            return "the hidden attribute"
        if (attrs.get("aria-hidden") or "").strip().lower() == "true":
            return "aria-hidden='true'"
        style = attrs.get("style")
        if style:
            m = self._STYLE.search(style)
            if m:
                return f"inline style {m.group(0)!r}"
        return None


class PageLandmark(TreeRule):
    name = "page_landmark"
    family = "structure"
    description = (
        "ARIA landmarks and roles that are never the article: navigation, banner, "
        "contentinfo, complementary, search, menu, menubar, dialog, alert, alertdialog; "
        "and the <nav> and <aside> elements."
    )
    tags = frozenset({"nav", "aside"})
    attributes = frozenset({"role"})
    roles: ClassVar[frozenset[str]] = frozenset(
        {
            "navigation",
            "banner",
            "contentinfo",
            "complementary",
            "search",
            "menu",
            "menubar",
            "dialog",
            "alert",
            "alertdialog",
        }
    )

    def check_attrs(self, tag: str, attrs: Mapping[str, Any], node: Any) -> str | None:
        role = attrs.get("role")
        if role and role.strip().lower() in self.roles:
            return f"role={role.strip().lower()!r}"
        return None


class PageHeaderFooter(TreeRule):
    name = "page_header_footer"
    family = "structure"
    description = (
        "<header> and <footer> elements (site banners, article headers with the title and "
        "byline, footers with tags and share tools), unless they hold the main content."
    )
    tags = frozenset({"header", "footer"})
    max_share = 0.3


class SkipLink(TreeRule):
    name = "skip_link"
    family = "accessibility"
    immediate = True
    description = (
        "Skip links and accessibility link lists: links to #main, #content and the like, "
        "elements named skip-link, skip-links, accessibility-links. (Other links that only "
        "read 'Skip to main content' are removed by the shared accessibility_link rule.)"
    )
    vocabulary = "skip"
    what = "accessibility links"
    #: Where skip links point.
    targets: ClassVar[frozenset[str]] = frozenset(
        {
            "#main",
            "#main-content",
            "#maincontent",
            "#main_content",
            "#content",
            "#skip",
            "#skip-content",
            "#skip-to-content",
            "#start-of-content",
            "#primary",
            "#page-content",
            "#site-content",
        }
    )

    def check_anchor(self, href: str) -> str | None:
        if href.lower() in self.targets:
            return f"a skip link to {href!r}"
        return None


class MediaPlayer(TreeRule):
    name = "media_player"
    family = "media"
    immediate = True
    description = (
        "Media players and their fallbacks: <video>, <audio>, <iframe>, <object>, <embed>, "
        "Video.js 'vjs-no-js' notes, elements named player, video-player, jwplayer."
    )
    tags = frozenset({"video", "audio", "iframe", "object", "embed"})
    vocabulary = "player"
    what = "a media player"
    max_share = 0.3


class _Vocabulary(TreeRule):
    """A class/id vocabulary rule: everything comes from its ``html_hints.txt`` section."""


class NavigationMarkup(_Vocabulary):
    name = "navigation_markup"
    family = "navigation"
    description = (
        "Elements whose class or id names navigation: nav, menu, breadcrumbs, pagination, "
        "site header/footer, tag lists, search forms."
    )
    vocabulary = "navigation"
    what = "navigation"


class SidebarMarkup(_Vocabulary):
    name = "sidebar_markup"
    family = "navigation"
    description = "Elements whose class or id names a sidebar, a rail or a widget area."
    vocabulary = "sidebar"
    what = "a sidebar"


class ShareMarkup(_Vocabulary):
    name = "share_markup"
    family = "navigation"
    description = "Elements whose class or id names share or social-media tools."
    vocabulary = "share"
    what = "share tools"


class AdMarkup(_Vocabulary):
    name = "ad_markup"
    family = "ads"
    description = "Elements whose class or id names an ad slot, a sponsor or an ad network."
    vocabulary = "ads"
    what = "an advertisement"


class RelatedMarkup(_Vocabulary):
    name = "related_markup"
    family = "trailers"
    holds_prose = True
    description = (
        "Elements whose class or id names related, recommended, popular or 'read next' "
        "links and promos."
    )
    vocabulary = "related"
    what = "related links"


class CommentsMarkup(_Vocabulary):
    name = "comments_markup"
    family = "trailers"
    holds_prose = True
    description = "Elements whose class or id names comments, replies or a discussion."
    vocabulary = "comments"
    what = "comments"


class ConsentMarkup(_Vocabulary):
    name = "consent_markup"
    family = "trailers"
    immediate = True
    description = "Elements whose class or id names a cookie or consent banner."
    vocabulary = "consent"
    what = "a cookie or consent banner"
    max_share = 1.0


class NewsletterMarkup(_Vocabulary):
    name = "newsletter_markup"
    family = "trailers"
    description = "Elements whose class or id names a newsletter, subscription or paywall box."
    vocabulary = "newsletter"
    what = "a newsletter or subscription box"


class BylineMarkup(_Vocabulary):
    name = "byline_markup"
    family = "metadata"
    description = "Elements whose class or id names a byline, author box, date or article metadata."
    vocabulary = "byline"
    what = "a byline or article metadata"
    max_share = 0.2


class CaptionMarkup(_Vocabulary):
    name = "caption_markup"
    family = "media"
    description = (
        "Elements whose class or id names a caption, a photo credit, a gallery or a slideshow."
    )
    vocabulary = "caption"
    what = "a caption or credit"
    max_share = 0.2


class PullQuoteMarkup(_Vocabulary):
    name = "pull_quote_markup"
    family = "duplicates"
    description = (
        "Elements whose class or id names a pull quote: a line of the article printed "
        "again, large, as decoration."
    )
    vocabulary = "pull_quote"
    what = "a pull quote (the article's own words, repeated)"
    max_share = 0.2


class OverlayMarkup(_Vocabulary):
    name = "overlay_markup"
    family = "hidden"
    immediate = True
    description = "Elements whose class or id names a modal, popup, lightbox or overlay."
    vocabulary = "overlay"
    what = "an overlay"


class ScreenReaderMarkup(_Vocabulary):
    name = "screen_reader_markup"
    family = "hidden"
    immediate = True
    description = (
        "Elements whose class or id hides them from sight: sr-only, screen-reader-text, "
        "visually-hidden, class 'hidden', print-only headers."
    )
    vocabulary = "screen_reader"
    what = "text for screen readers only"
    max_share = 0.2


class OutsideMainContainer(TreeRule):
    name = "outside_main_container"
    family = "structure"
    description = (
        "Blocks outside the page's main content container: the deepest element holding "
        "most of the page's prose (text density, paragraphs, few links), preferring "
        "<article>, <main> and itemprop=articleBody when they hold enough of it."
    )


# -- rules applied to the blocks of HTML pages ---------------------------------------


class LinkDense(LineRule):
    name = "link_dense"
    family = "navigation"
    description = (
        "A block of an HTML page whose text is mostly link text (a menu entry, a teaser "
        "headline, a 'read more' link) and that is not a long paragraph."
    )

    def reason_for(self, block: Block, doc: Document) -> str | None:
        if doc.kind != "html" or block.kind is BlockKind.CODE:
            return None
        cfg = self.config
        if block.link_density < cfg.html_link_dense_min:
            return None
        if block.features.n_words > cfg.html_link_dense_max_words:
            return None
        return f"{block.link_density:.0%} of its text is link text ({quote(block.text)})"


class FigureCaption(LineRule):
    name = "figure_caption"
    family = "media"
    description = "A figure caption (<figcaption>) on an HTML page: not part of the article text."

    def reason_for(self, block: Block, doc: Document) -> str | None:
        if doc.kind == "html" and block.kind is BlockKind.CAPTION:
            return f"a figure caption ({quote(block.text)})"
        return None


class Headline(Rule):
    name = "headline"
    family = "structure"
    description = (
        "The page's headline: the first <h1> of an HTML page, which is the title and not "
        "part of the article body."
    )

    def apply(self, doc: Document) -> None:
        if doc.kind != "html":
            return
        for block in doc.blocks:
            if block.kind is BlockKind.HEADING and block.heading_level == 1 and not block.pruned:
                self.remove(block, f"the page headline {quote(block.text)}")
                return


#: Applied by the HTML front-end, in priority order: when several match an element,
#: the first names the removal.
TREE_RULES: tuple[type[TreeRule], ...] = (
    HiddenContent,
    ScreenReaderMarkup,
    SkipLink,
    PageLandmark,
    MediaPlayer,
    ConsentMarkup,
    OverlayMarkup,
    CommentsMarkup,
    RelatedMarkup,
    ShareMarkup,
    AdMarkup,
    NewsletterMarkup,
    NavigationMarkup,
    SidebarMarkup,
    BylineMarkup,
    CaptionMarkup,
    PullQuoteMarkup,
    PageHeaderFooter,
    OutsideMainContainer,
)
#: Block rules for HTML pages, run with the shared rules.
RULES: tuple[type[Rule], ...] = (Headline, FigureCaption, LinkDense)


class TreePlan:
    """The enabled tree rules arranged the way the HTML front-end asks them: by tag, by
    attribute, by the first token of their vocabulary entries.

    Worked out once per ``Cleaner`` (it depends on the rules only, never on a page) and
    read-only afterwards, so that no page pays for it.
    """

    __slots__ = (
        "anchor_rules",
        "attr_rules",
        "container_rule",
        "first_tokens",
        "rules",
        "tag_rules",
        "token_rules",
        "vocab_rules",
        "watched",
    )

    def __init__(self, rules: Iterable[Rule]) -> None:
        tree_rules = [r for r in rules if isinstance(r, TreeRule)]
        #: The rules judging elements; the container rule acts after the walk.
        self.rules = tuple(r for r in tree_rules if not isinstance(r, OutsideMainContainer))
        self.container_rule = next(
            (r for r in tree_rules if isinstance(r, OutsideMainContainer)), None
        )
        tag_rules: dict[str, TreeRule] = {}
        for rule in self.rules:
            for tag in rule.tags:
                tag_rules.setdefault(tag, rule)
        self.tag_rules: Mapping[str, TreeRule] = tag_rules
        self.anchor_rules = tuple(
            r for r in self.rules if type(r).check_anchor is not TreeRule.check_anchor
        )
        self.attr_rules = tuple(r for r in self.rules if r.attributes)
        self.watched: frozenset[str] = frozenset().union(*(r.attributes for r in self.attr_rules))
        self.vocab_rules = tuple(r for r in self.rules if r.first_tokens)
        self.first_tokens: frozenset[str] = frozenset().union(
            *(r.first_tokens for r in self.vocab_rules)
        )
        # Which rules (priority = position in ``vocab_rules``) have an entry starting
        # with each token.
        token_rules: dict[str, list[tuple[int, TreeRule]]] = {}
        for priority, rule in enumerate(self.vocab_rules):
            for token in rule.first_tokens:
                token_rules.setdefault(token, []).append((priority, rule))
        self.token_rules: Mapping[str, tuple[tuple[int, TreeRule], ...]] = {
            token: tuple(entries) for token, entries in token_rules.items()
        }
