"""The main container keeps the text set in its parent itself (issue 14): a table cell
holding a paragraph and then a nested table with the rest of the article, a <div> whose
text runs between its child elements. The parent's other children, the text of
elements further up, and text beside an article marker still go."""

from __future__ import annotations

from helpers import element_table, make_rule

from cleaner import Config, clean_article
from cleaner.blocks import Block
from cleaner.rules.base import Document
from cleaner.rules.container import OutsideMainContainer
from cleaner.rules.prune import ARTICLE
from cleaner.rules.tree import Elements


def _kept(el: Elements, owners: list[int]) -> list[int]:
    """The owners of the blocks outside_main_container keeps (one block per owner)."""
    blocks = [Block(i, f"block {e}", element=e) for i, e in enumerate(owners)]
    doc = Document(blocks, Config(), kind="html", elements=el)
    make_rule(OutsideMainContainer, kind="html").apply(doc)
    return [b.element for b in blocks if b.removal is None]


# body > G(1) > P(2) > [B(3), S(4)]; the anchor B holds 90 % of the prose: B is the
# container, P its parent, G its grandparent, S a sibling after it.
PARENTS = [-1, 0, 1, 2, 2]
PROSE = [0.0, 0.0, 0.0, 90.0, 10.0]


def test_the_parents_own_text_stays() -> None:
    # A block of P's own (text in P beside B) stays with B.
    assert _kept(element_table(PARENTS, PROSE, anchor=3), [2, 3]) == [2, 3]


def test_other_text_around_the_container_goes() -> None:
    # The sibling S after B and the grandparent G's own text are not the parent's own.
    assert _kept(element_table(PARENTS, PROSE, anchor=3), [1, 2, 3, 4]) == [2, 3]


def test_beside_an_article_marker_the_parents_text_goes() -> None:
    el = element_table(PARENTS, PROSE, anchor=3)
    el.marker[3] = ARTICLE
    assert _kept(el, [2, 3]) == [3]


def test_the_bodys_own_text_goes() -> None:
    # body > B(1), S(2): the container's parent is the body; its loose text is chrome.
    el = element_table([-1, 0, 0], [0.0, 90.0, 10.0], anchor=1)
    assert _kept(el, [0, 1]) == [1]


SENTENCE = (
    "The council voted on Tuesday to extend the programme for another year, after a long "
    "debate about its cost and its results, officials said."
)


def test_a_cells_paragraph_before_its_body_is_kept() -> None:
    # A layout cell opens with a paragraph set in the cell itself, then a <div> holds the
    # rest of the article: the cell's paragraph is the article's first.
    inner = "".join(f"<p>Paragraph {i}: {SENTENCE}</p>" for i in range(2, 9))
    page = (
        "<body><table><tr><td><a href=/>Home</a><br><a href=/news>News</a></td>"
        f"<td>Opening words: {SENTENCE}<div>{inner}</div></td>"
        "</tr></table></body>"
    )
    out = clean_article(page, kind="html")
    assert out.startswith("Opening words:")
    assert "Paragraph 8:" in out
    assert "Home" not in out
