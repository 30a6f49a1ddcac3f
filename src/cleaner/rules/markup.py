"""Tree rules for markup that is never the article.

Hidden content, ARIA landmarks, page headers and footers, skip links and media players
are told by their tags and attributes; the other rules by class/id vocabularies
(``phrases/html_hints.txt``, one section a rule). The HTML front-end asks them about
each element it walks (see ``tree.TreeRule``); ``html.TREE_RULES`` lists them in
priority order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from .descendants import holds_tag
from .params import Param
from .tree import WEAK_MAX_WORDS, TreeRule


class HiddenContent(TreeRule):
    name = "hidden_content"
    family = "hidden"
    immediate = True
    shown = False
    description = (
        "Content a reader does not see: the hidden attribute, aria-hidden='true', inline "
        "display:none or visibility:hidden, <noscript> fallbacks, closed <dialog>s."
    )
    tags = frozenset({"noscript", "dialog"})
    attributes = frozenset({"hidden", "aria-hidden", "style"})
    # Pruned whatever share of the page it holds: no share guard, nothing to tune.
    max_share = 1.0
    guard_min_chars = 0

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
    max_share = Param(
        0.3,
        "A <header> or <footer> holding more of the page's text than this is the article's own.",
    )
    item_min_siblings = Param(
        2,
        "A <header> holding a heading, opening an <article> beside at least this many "
        "other <article>s so headed, is a listing item's title, kept: an archive's posts "
        "are its content. A lone article's header (the page's headline and byline) goes, "
        "and so do comments' headers (a name and a date, no heading).",
    )
    may_spare = True

    def spares(self, node: Any) -> bool:
        if node.tag != "header" or not _titled(node):
            return False
        item = node.parent
        if item is None or item.tag != "article":
            return False
        holder = item.parent
        if holder is None:
            return False
        need = self.item_min_siblings
        own = item.mem_id
        sibling = holder.child
        while sibling is not None:
            if sibling.tag == "article" and sibling.mem_id != own and _has_titled_header(sibling):
                need -= 1
                if need <= 0:
                    return True
            sibling = sibling.next
        return False


_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADINGS = "h1, h2, h3, h4, h5, h6"
_FIGCAPTION = frozenset({"figcaption"})


def _titled(header: Any) -> bool:
    return holds_tag(header, _HEADING_TAGS, _HEADINGS)


def _has_titled_header(node: Any) -> bool:
    """Whether one of ``node``'s child elements is a <header> holding a heading."""
    child = node.child
    while child is not None:
        if child.tag == "header" and _titled(child):
            return True
        child = child.next
    return False


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
        "Media players and their fallbacks: <video>, <audio>, <object>, <embed>, "
        "Video.js 'vjs-no-js' notes, elements named player, video-player, jwplayer."
    )
    # (<iframe>s never reach the rules: the front-end drops them, their content is
    # never shown.)
    tags = frozenset({"video", "audio", "object", "embed"})
    vocabulary = "player"
    what = "a media player"
    max_share = Param(
        0.3, "A player element holding more of the page's text than this is the article."
    )


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
    weak_max_words = WEAK_MAX_WORDS
    what = "related links"


class CommentsMarkup(_Vocabulary):
    name = "comments_markup"
    family = "trailers"
    holds_prose = True
    description = "Elements whose class or id names comments, replies or a discussion."
    vocabulary = "comments"
    weak_max_words = WEAK_MAX_WORDS
    what = "comments"


class ConsentMarkup(_Vocabulary):
    name = "consent_markup"
    family = "trailers"
    immediate = True
    description = "Elements whose class or id names a cookie or consent banner."
    vocabulary = "consent"
    what = "a cookie or consent banner"
    # Pruned whatever share of the page it holds: no share guard, nothing to tune.
    max_share = 1.0
    guard_min_chars = 0


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
    weak_max_words = WEAK_MAX_WORDS
    what = "a byline or article metadata"
    max_share = Param(
        0.2, "A byline element holding more of the page's text than this is the article."
    )


class CaptionMarkup(_Vocabulary):
    name = "caption_markup"
    family = "media"
    description = (
        "Elements whose class or id names a photo credit, a gallery or a slideshow (or an "
        "image's box holding a short caption)."
    )
    vocabulary = "caption"
    weak_max_words = WEAK_MAX_WORDS
    what = "a caption or credit"

    gallery_min_items = Param(
        3,
        "An element a weak token alone names (gallery, slideshow, photo) that holds a "
        "<figcaption> is a gallery's item, not pruned whatever its length, when at least "
        "this many siblings of its tag hold one (itself included): figure_caption judges "
        "its caption once the page's type is known.",
    )

    def weak_spares(self, node: Any) -> bool:
        """A gallery's item: its caption is the text on a gallery, which the walk cannot
        tell from an article's slideshow yet."""
        up = node.parent
        if up is None or not holds_tag(node, _FIGCAPTION, "figcaption"):
            return False
        tag = node.tag
        items = 0
        for sibling in up.iter():
            if sibling.tag == tag and holds_tag(sibling, _FIGCAPTION, "figcaption"):
                items += 1
                if items >= self.gallery_min_items:
                    return True
        return False

    max_share = Param(
        0.2, "A caption element holding more of the page's text than this is the article."
    )


class CaptionText(_Vocabulary):
    name = "caption_text"
    family = "media"
    walked_as_caption = True
    description = (
        "Elements whose class or id names a caption (caption, wp-caption-text, "
        "image-caption): read as figure captions rather than pruned, and judged as such "
        "by figure_caption once the page's type and main container are known."
    )
    vocabulary = "caption_text"
    what = "a caption"


class PullQuoteMarkup(_Vocabulary):
    name = "pull_quote_markup"
    family = "duplicates"
    description = (
        "Elements whose class or id names a pull quote: a line of the article printed "
        "again, large, as decoration."
    )
    vocabulary = "pull_quote"
    what = "a pull quote (the article's own words, repeated)"
    max_share = Param(
        0.2, "A pull-quote element holding more of the page's text than this is the article."
    )


class OverlayMarkup(_Vocabulary):
    name = "overlay_markup"
    family = "hidden"
    immediate = True
    shown = False
    description = (
        "Elements whose class or id names a modal, popup, lightbox or overlay (a link so "
        "named inside a sentence is the control that opens it, and stays)."
    )
    vocabulary = "overlay"
    links_shown = True
    what = "an overlay"


class ScreenReaderMarkup(_Vocabulary):
    name = "screen_reader_markup"
    family = "hidden"
    immediate = True
    shown = False
    description = (
        "Elements whose class or id hides them from sight: sr-only, screen-reader-text, "
        "visually-hidden, class 'hidden', print-only headers."
    )
    vocabulary = "screen_reader"
    what = "text for screen readers only"
    max_share = Param(
        0.2, "A screen-reader-only element holding more of the page's text than this is no label."
    )
