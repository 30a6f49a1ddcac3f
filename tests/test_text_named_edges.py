"""Issue 15 on the text path: a sentence at the main run's edge that reads as no
paragraph (a long name opens it, its Title-Case opening like a teaser's headline; or a
reference, with no stop words) is the article's when it shares the run's words
(``edge_loose_min_shared``), pinned from both sides."""

from __future__ import annotations

from helpers import make_doc, make_rule
from test_text_bridges import P1, P2

from cleaner.rules.quality import MainContentRun

#: Nine Title-Case words open it (a teaser's headline by its shape); 2 of its 10
#: content words are the run's ('budget', 'schools'): 0.2.
NAMED = "Mayor Jane Doe Of Lincoln County Told Reporters Yesterday the budget is for schools."
#: The same with one more word not the run's ('today'): 2 of 11.
FEWER = (
    "Mayor Jane Doe Of Lincoln County Told Reporters Yesterday and Today the budget is for schools."
)


def _reasons(*texts: str, **params: object) -> list[str | None]:
    doc = make_doc(*texts)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.removal.reason if b.removal else None for b in doc.blocks]


def test_named_sentence_features() -> None:
    # The case the parameter is for: not a plain edge sentence (the headline prefix)
    # and not prose (a Title-Case headline glued to a summary reads as a teaser).
    doc = make_doc(P1, P2, NAMED)
    block = doc.blocks[2]
    assert block.features.headline_prefix >= doc.config.teaser_min_headline_words
    assert not doc.is_prose(block)
    assert not make_rule(MainContentRun)._sentence(block, doc)


def test_edge_loose_min_shared_default() -> None:
    # 2 of 10 content words shared: taken back, after the run and before it.
    assert _reasons(P1, P2, NAMED) == [None, None, None]
    assert _reasons(NAMED, P1, P2) == [None, None, None]
    # 2 of 11: a teaser for another story, outside the run.
    assert _reasons(P1, P2, FEWER) == [None, None, "after the main content run (blocks 0-1)"]
    assert _reasons(FEWER, P1, P2) == ["before the main content run (blocks 1-2)", None, None]


def test_edge_loose_min_shared_bounds() -> None:
    assert _reasons(P1, P2, NAMED, edge_loose_min_shared=0.2)[-1] is None
    assert _reasons(P1, P2, NAMED, edge_loose_min_shared=0.21)[-1] == (
        "after the main content run (blocks 0-1)"
    )
    assert _reasons(P1, P2, FEWER, edge_loose_min_shared=0.18)[-1] is None
    # Above 1: never (the edge took no such sentence before the parameter).
    assert _reasons(P1, P2, NAMED, edge_loose_min_shared=1.01)[-1] is not None


#: A reference: no stop words (no paragraph by them), no Title-Case opening; 6 of its
#: 12 content words are the run's.
REFERENCE = "Budget notes: city council, public schools, parks; Lincoln press 2001, 2002, 2003."


def test_a_reference_without_stop_words() -> None:
    doc = make_doc(P1, P2, REFERENCE)
    block = doc.blocks[2]
    assert block.features.headline_prefix < doc.config.teaser_min_headline_words
    assert block.features.stopword_ratio == 0
    assert not make_rule(MainContentRun)._sentence(block, doc)
    assert _reasons(P1, P2, REFERENCE) == [None, None, None]
    assert _reasons(P1, P2, REFERENCE, edge_loose_min_shared=0.5)[-1] is None
    assert _reasons(P1, P2, REFERENCE, edge_loose_min_shared=0.51) == [
        None,
        None,
        "after the main content run (blocks 0-1)",
    ]
