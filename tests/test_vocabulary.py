"""Vocabulary hygiene (issue 14, item 6): weak class/id tokens and the vocabularies' shape.

A weak token ('image', 'photo', 'date', 'meta' ...) says what an element holds, not
that it is chrome: alone it prunes only a short element (``TreeRule.weak_max_words``).
A strong token beside it, or a multi-token entry ('image-credit', 'post-meta'), still
names the element whatever it holds. See docs/vocabulary.md.
"""

from __future__ import annotations

import pytest
from helpers import PROSE

from cleaner import Cleaner
from cleaner.phrases import html_hints
from cleaner.rules.markup import BylineMarkup, CaptionMarkup
from cleaner.rules.tree import TreeRule

CLEANER = Cleaner()
#: A paragraph of about sixty words: prose, not a caption or a date line.
LONG = " ".join(PROSE[:2])


def _page(box: str) -> str:
    """An article of four paragraphs with ``box`` after the second one."""
    paragraphs = [f"<p>{p} {p}</p>" for p in PROSE]
    body = "".join(paragraphs[:2]) + box + "".join(paragraphs[2:])
    return f"<html><body><article>{body}</article></body></html>"


def _kept(html: str) -> str:
    return CLEANER.clean(html, kind="html")


@pytest.mark.parametrize("token", ["image", "photo", "gallery", "meta", "date", "author"])
def test_a_weak_token_alone_keeps_the_prose_it_wraps(token: str) -> None:
    assert LONG in _kept(_page(f'<div class="{token}"><p>{LONG}</p></div>'))


def test_a_weak_token_alone_still_prunes_a_short_box() -> None:
    # A date line and a byline in a "meta" box: short, no prose.
    out = _kept(_page('<div class="meta"><span>May 4, 2024</span> · By Jane Doe</div>'))
    assert "Jane Doe" not in out
    assert PROSE[2] in out
    out = _kept(_page('<div class="image"><img src="a.jpg"> Photo: Jane Doe / Agency</div>'))
    assert "Agency" not in out


@pytest.mark.parametrize(
    "classes", ["image-credit", "post-meta", "image sidebar", "photo-credit", "credit"]
)
def test_a_strong_token_prunes_whatever_the_box_holds(classes: str) -> None:
    # Multi-token entries and strong tokens beside a weak one are not weak.
    out = _kept(_page(f'<div class="{classes}"><p>{LONG}</p></div>'))
    assert LONG not in out
    assert PROSE[2] in out


def _pruned(rule_cls: type[TreeRule], n_words: int, **params: object) -> bool:
    """Whether ``rule_cls``'s weak token prunes a box of ``n_words`` words."""
    rule = rule_cls(CLEANER.config, CLEANER._phrases)
    for name, value in params.items():
        setattr(rule, name, value)
    return rule.weak_allows(" ".join(["word"] * n_words))


@pytest.mark.parametrize("rule_cls", [BylineMarkup, CaptionMarkup])
def test_weak_max_words(rule_cls: type[TreeRule]) -> None:
    # Fifty words (a long news caption with its credit) go; fifty-one are prose.
    assert _pruned(rule_cls, 50)
    assert not _pruned(rule_cls, 51)
    assert _pruned(rule_cls, 51, weak_max_words=51)


def test_weak_max_words_on_a_page() -> None:
    # The same bound through the walk: a weak box of 50 words goes, of 51 stays.
    fifty = " ".join(["word"] * 49) + " end."
    assert fifty not in _kept(_page(f'<div class="photo">{fifty}</div>'))
    assert "more " + fifty in _kept(_page(f'<div class="photo">more {fifty}</div>'))


def test_weak_entries_are_single_tokens_of_content_words() -> None:
    # "~" marks a weak entry; only a lone word can be weak (two tokens are evidence).
    for section, lines in html_hints().items():
        for line in lines:
            if line.startswith("~"):
                assert len(line[1:].split()) == 1, (section, line)


def test_no_entry_is_listed_twice_in_a_section() -> None:
    for section, lines in html_hints().items():
        entries = [line.lstrip("~") for line in lines]
        assert len(entries) == len(set(entries)), section


def _sections(ident: str, heading: str) -> str:
    """An article of four paragraphs with a section (``ident``, headed ``heading``) and
    one more paragraph in it after the second one."""
    return _page(f'<div class="section" id="{ident}"><h2>{heading}</h2><p>{LONG}</p></div>')


def test_an_id_spelling_its_heading_is_a_slug() -> None:
    # Documentation generators name sections by their headings: 'sharing' in such an id
    # names no share tools.
    out = _kept(_sections("sharing-with-a-single-developer", "Sharing with a single developer"))
    assert "Sharing with a single developer" in out
    assert LONG in out


def test_slug_min_words() -> None:
    # Four tokens spelling the heading are a slug; three are a name ('share-this-story'
    # over 'Share this story' is the share box it says).
    assert LONG in _kept(_sections("share-this-story-now", "Share this story now"))
    assert LONG not in _kept(_sections("share-this-story", "Share this story"))
    # An id that does not spell the heading names the element whatever its length.
    assert LONG not in _kept(_sections("share-this-story-now", "Our readers' letters"))
    # The bound is the share rule's Param: at three the short id is a slug too.
    three = Cleaner(rule_params={"share_markup": {"slug_min_words": 3}})
    assert LONG in three.clean(_sections("share-this-story", "Share this story"), kind="html")
