"""The rule registry: every built-in rule, in the order the pipeline runs them."""

from __future__ import annotations

from . import (
    about,
    accessibility,
    article_head,
    binary,
    caption_pages,
    captions,
    duplicates,
    fallback,
    html,
    media,
    navigation,
    quality,
    run_copies,
    signup,
    templates,
    trailers,
)
from .base import Document, LineRule, Rule
from .whole_line import WholeLinePhraseRule

#: Built-in rules in pipeline order. A tuple: the registry cannot be mutated at run time;
#: users add rules through ``Config.extra_rules``.
DEFAULT_RULES: tuple[type[Rule], ...] = (
    # HTML only, before block features: the tree rules, applied by the HTML front-end to
    # the parsed page (no-ops on blocks), then the main container.
    *html.STRUCTURE_RULES,
    # Cross-page evidence first: a paragraph on most pages of its site is template.
    *templates.RULES,
    *accessibility.RULES,
    *media.RULES,
    *navigation.RULES,
    *media.LATE_RULES,
    # Trailers before duplicates: a comment quoting a paragraph must not make the
    # article's own copy look like the shorter duplicate.
    *trailers.RULES,
    *signup.RULES,
    *duplicates.RULES,
    # Text only: gallery counters and image captions, before the main run is sought
    # (a caption reads as prose and would stretch the run).
    *captions.RULES,
    # Text only: a gallery's captions are its text, not its pictures' notes.
    *caption_pages.RULES,
    # HTML pages only: headline, captions, link-dense blocks.
    *html.RULES,
    *quality.RULES,
    # Text only: a repeat standing inside the main run is the article's own (a quote).
    *run_copies.RULES,
    # Text only: the dateline and byline the main run took in with its head.
    *article_head.RULES,
    # Text only: a blog's about box the main run took in at its end.
    *about.RULES,
    *navigation.LATE_RULES,
    # HTML pages only: a page the rules above left empty keeps its densest text.
    *fallback.RULES,
    # Last: what is kept must not read as binary data when it is cleaned again.
    *binary.RULES,
)

FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(rule.family for rule in DEFAULT_RULES))

__all__ = ["DEFAULT_RULES", "FAMILIES", "Document", "LineRule", "Rule", "WholeLinePhraseRule"]
