"""No words cut from inside a kept paragraph, on every benchmark page (issue 14, item 5).

For each element of the page that holds no other block-level element (a paragraph, a
heading, a list item ...) and has a kept block, the texts of its blocks, in order, are
its visible text: the text of the element with nothing taken out but what a reader does
not see (hidden elements, screen-reader text, pop-ups shown on hover, a player's
fallback). White space is left out of the comparison: the front-end joins and splits
lines, never words. A class or id vocabulary match on a visible inline element
(``player-link``, ``share``) never takes words out of such an element.

The pages are the HTML track of every set under ``../shared/benchmarks`` (see
``benchmark_pages.py``; skipped when the folder is absent, failed in CI).
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmark_pages import BENCHMARKS, html_pages

from cleaner import Cleaner
from cleaner.blocks import Block, Removal
from cleaner.frontends.html import parse_html, walk_html
from cleaner.frontends.tags import INLINE_TAGS, SKIP_TAGS
from cleaner.rules.tree import TreeRule

SETS = ("zyte", "cleaneval", "portals", "readability-tests")
CLEANER = Cleaner()
#: Tree rules whose removals are text a reader does not see; and the tag-pruning rule
#: of players, whose fallback text shows only where the player cannot play.
_UNSEEN_RULES = frozenset(
    r.name for r in CLEANER.rules_for("html") if isinstance(r, TreeRule) and not r.shown
)
_PLAYER_RULE = "media_player"
#: Stands for a line break in an element's text (no page holds it).
_LINE_END = "\x00"
#: How many violations a failure lists.
_SHOWN = 10


def _squeeze(text: str) -> str:
    """The text without white space (and the invisible soft hyphen and zero-width
    characters, which the front-end may drop)."""
    return "".join(text.split()).replace("\u00ad", "").replace("\u200b", "")


def _lines_of(node: Any) -> list[str]:
    """The text of an element as the walk reads it, one string per line (``<br>`` ends
    a line): skipped elements (scripts, form controls ...) leave nothing."""
    parts: list[str] = []
    stack = [node.iter(include_text=True)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag == "br":
                parts.append(_LINE_END)
            elif tag not in SKIP_TAGS and tag != "-comment":
                stack.append(child.iter(include_text=True))
                break
        else:
            stack.pop()
    return "".join(parts).split(_LINE_END)


def _inline(block: Any) -> bool:
    """Whether a pruned block is an inline element (the last step of its path)."""
    last = block.path.rsplit(" > ", 1)[-1]
    tag = last.split("#", 1)[0].split(".", 1)[0]
    return tag in INLINE_TAGS


def _unseen(block: Any) -> bool:
    removal = block.removal
    if removal.rule in _UNSEEN_RULES:
        return True
    # "<video> element": a player's fallback text, not a word of the sentence.
    return removal.rule == _PLAYER_RULE and removal.reason.startswith("<")


def violations(page: str) -> list[str]:
    """What cuts words from a kept paragraph of one page, one line each."""
    tree = parse_html(page)
    blocks, elements = walk_html(tree, CLEANER._tree_plan)
    if elements is None:
        return []
    CLEANER.run_blocks(blocks, kind="html", elements=elements)
    return check(blocks, elements)


def check(blocks: list[Any], elements: Any) -> list[str]:
    """The kept paragraphs among ``blocks`` (a page's, its rules run) that lose words."""
    by_element: dict[int, list[Any]] = {}
    for block in blocks:
        by_element.setdefault(block.element, []).append(block)
    found = []
    for e, own in by_element.items():
        if e == 0 or elements.end[e] != e + 1:
            continue  # the body, or an element holding other block-level elements
        if not any(b.removal is None and not b.pruned for b in own):
            continue
        lines = [_squeeze(line) for line in _lines_of(elements.node[e])]
        shown = []
        cut = []
        for block in own:
            if not block.pruned:
                shown.append(block.text)
                continue
            if not _inline(block):
                # A block-level element the walk pruned (a pull-quote table inside a
                # <p>): a box of its own, not words of the paragraph's lines.
                lines = [line.replace(_squeeze(block.text), "", 1) for line in lines]
                continue
            gone = _squeeze(block.text)
            at = next((i for i, line in enumerate(lines) if gone in line), None)
            if at is None:
                if _unseen(block):
                    continue  # hidden inside an element the walk skips (<math>'s alt text)
                cut.append(f"{block.removal.rule}: {block.text[:60]!r} (not found)")
                continue
            lines[at] = lines[at].replace(gone, "", 1)
            # Unseen text goes wherever it is; seen text only as a whole line.
            if lines[at] and not _unseen(block):
                cut.append(f"{block.removal.rule}: {block.text[:60]!r}")
        got = _squeeze("".join(shown))
        expected = "".join(lines)
        if cut or got != expected:
            at = next(
                (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b), None
            )
            at = min(len(got), len(expected)) if at is None else at
            found.append(
                f"{elements.label(e)}: cut {cut} kept …{got[max(0, at - 30) : at + 40]!r} "
                f"visible …{expected[max(0, at - 30) : at + 40]!r}"
            )
    return found


@pytest.mark.parametrize("name", SETS)
def test_kept_paragraphs_are_whole_on_every_benchmark_page(name: str) -> None:
    if not (BENCHMARKS / name).is_dir():
        pytest.skip(f"{BENCHMARKS / name} is not beside the repository")
    bad = [(page_id, v) for page_id, page in html_pages(name) for v in violations(page)]
    shown = "\n".join(f"{page_id}: {v}" for page_id, v in bad[:_SHOWN])
    assert not bad, f"{len(bad)} kept paragraphs lose words:\n{shown}"


_PAGE = (
    "<html><body><article><p>The council voted on Tuesday to extend the programme for "
    "another year, <a class='player-link' href='/p'>officials</a> said on Wednesday.</p>"
    "<p>Critics argued that the figures were too early to judge.<span class='sr-only'> "
    "(opens in a new window)</span></p></article></body></html>"
)


def _walked(page: str) -> tuple[list[Any], Any]:
    blocks, elements = walk_html(parse_html(page), CLEANER._tree_plan)
    CLEANER.run_blocks(blocks, kind="html", elements=elements)
    return blocks, elements


def test_a_whole_page_passes_the_check() -> None:
    # The player link inside the sentence stays; the screen-reader note goes unseen.
    assert violations(_PAGE) == []


def test_the_check_sees_a_word_cut_from_a_kept_paragraph() -> None:
    blocks, elements = _walked(_PAGE)
    kept = next(b for b in blocks if b.removal is None and "officials" in b.text)
    kept.text = kept.text.replace("officials ", "")
    assert len(check(blocks, elements)) == 1


def test_the_check_sees_a_seen_inline_element_pruned_inside_a_line() -> None:
    blocks, elements = _walked(_PAGE)
    at = next(i for i, b in enumerate(blocks) if b.removal is None and "officials" in b.text)
    blocks[at].text = blocks[at].text.replace("officials ", "")
    pruned = Block(0, "officials", path="p > a.player-link", pruned=True)
    pruned.removal = Removal("media_player", "media", "class/id token 'player'")
    pruned.element = blocks[at].element
    blocks.insert(at + 1, pruned)
    found = check(blocks, elements)
    assert len(found) == 1
    assert "media_player: 'officials'" in found[0]
