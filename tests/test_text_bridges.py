"""Issue 15 on the text path: the main run past a sub-heading, share bars whole, a
player's message alone. Each rule is called on hand-built blocks; every parameter is
pinned from both sides."""

from __future__ import annotations

from helpers import make_doc, make_rule, prose

from cleaner import clean_article
from cleaner.blocks import Block, Removal
from cleaner.rules.media import PlayerLine
from cleaner.rules.navigation import ShareCluster
from cleaner.rules.quality import MainContentRun

# -- main_run: the article resumes past its sub-heading ----------------------------------

P1 = (
    "The city council approved the new budget on Tuesday after a long debate about the "
    "funding of public schools and parks."
)
P2 = (
    "Several members argued that the plan would raise taxes for families who already "
    "struggle with the cost of living in the area."
)
#: Short (it scores nothing in the run), its content words almost all the run's.
RESUMED = "The city council defended the new budget for public schools."
#: As short, but another text: an author's note.
NOTE = "Jane Doe writes about gardens and travel for a weekly magazine."


def _kept(*items: str | Block, **params: object) -> list[str]:
    doc = make_doc(*items)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal is None]


def test_the_run_resumes_past_a_sub_heading() -> None:
    assert _kept(P1, P2, "Swift Criticism", RESUMED) == [P1, P2, "Swift Criticism", RESUMED]
    # Before the run too: a short lead paragraph above the first sub-heading.
    assert _kept(RESUMED, "Swift Criticism", P1, P2) == [RESUMED, "Swift Criticism", P1, P2]
    # A sub-heading may be a question.
    assert _kept(P1, P2, "What happens next?", RESUMED)[-1] == RESUMED


def test_another_text_past_a_heading_stays_out() -> None:
    assert _kept(P1, P2, "About the Author", NOTE) == [P1, P2]


def test_bridge_max_lines() -> None:
    two = ("Swift Criticism", "Other Words Here")
    assert _kept(P1, P2, *two, RESUMED) == [P1, P2]
    assert _kept(P1, P2, *two, RESUMED, bridge_max_lines=2)[-1] == RESUMED


def test_bridge_min_shared() -> None:
    # RESUMED: 5 of its 6 content words are the run's (all but 'defended'): 0.83.
    assert _kept(P1, P2, "Swift Criticism", RESUMED, bridge_min_shared=0.83)[-1] == RESUMED
    assert _kept(P1, P2, "Swift Criticism", RESUMED, bridge_min_shared=0.84) == [P1, P2]


def test_bridge_min_shared_default() -> None:
    # One of three content words the run's ('budget'; 'them', 'all' are stopwords): in.
    third = "Critics praised the budget for all of them."
    assert _kept(P1, P2, "Swift Criticism", third)[-1] == third
    # One of four ('courage' too): out, as an author's note is.
    quarter = "Critics praised the budget for its courage."
    assert _kept(P1, P2, "Swift Criticism", quarter) == [P1, P2]


def test_bridge_min_letters() -> None:
    # 'tax' and 'fee' are not the run's: 5 of 8 content words, or 5 of 6 without them.
    line = "The city council defended the budget for public schools, tax and fee."
    assert _kept(P1, P2, "Swift Criticism", line, bridge_min_shared=0.7) == [P1, P2]
    assert (
        _kept(P1, P2, "Swift Criticism", line, bridge_min_shared=0.7, bridge_min_letters=4)[-1]
        == line
    )


def test_a_short_article_keeps_its_sub_heading_and_last_paragraph() -> None:
    page = "\n\n".join(["Site Name", P1, P2, "Swift Criticism", RESUMED, "Contact us"])
    assert clean_article(page) == "\n\n".join([P1, P2, "Swift Criticism", RESUMED])


# -- share_cluster: the share bar's other buttons, and share rows ------------------------


def _share(text: str) -> Block:
    block = Block(0, text, gap_before=False)
    block.removal = Removal("share_bar", "navigation", "share words")
    return block


def _line(text: str, gap: bool = True) -> Block:
    return Block(0, text, gap_before=gap)


def _cluster(*items: Block, **params: object) -> list[str]:
    """The texts share_cluster removes between two paragraphs of prose."""
    doc = make_doc(_line(prose(120)), *items, _line(prose(120, "ipsum")))
    make_rule(ShareCluster, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal and b.removal.rule == "share_cluster"]


def test_share_cluster_takes_the_bar_whole() -> None:
    bar = (
        _line("Send to a friend"),
        _share("Facebook"),
        _line("Print version", gap=False),
        _share("Twitter"),
    )
    assert _cluster(*bar) == ["Send to a friend", "Print version"]


def test_share_cluster_leaves_a_sub_heading_standing_apart() -> None:
    # A blank line between it and the bar: the article's sub-heading, not a button.
    spaced = (_line("Swift Criticism"), _line("Facebook"), _share("Twitter"))
    spaced[1].removal = Removal("share_bar", "navigation", "share words")
    assert _cluster(*spaced) == []


def test_share_cluster_min_shares() -> None:
    def bar() -> tuple[Block, ...]:  # fresh blocks each time: a rule marks them
        # A blank line inside: not a tight cluster (tight_min_shares is pinned below).
        return (_share("Facebook"), _line("Print version", gap=True), _share("Twitter"))

    assert _cluster(*bar()) == ["Print version"]
    assert _cluster(*bar(), min_shares=3) == []


def test_share_cluster_tight_min_shares() -> None:
    # A bar printed as one list (no blank line between its lines, on a page that has
    # them) needs only one network line; with blank lines between, two.
    def bar(gap: bool = False) -> tuple[Block, ...]:
        return (_line("Pass it on"), _share("Facebook"), _line("Print version", gap=gap))

    assert _cluster(*bar()) == ["Pass it on", "Print version"]
    assert _cluster(*bar(), tight_min_shares=2) == []
    assert _cluster(*bar(gap=True)) == []  # not tight: min_shares (2) holds


def test_share_cluster_dense_edge_lines() -> None:
    # A dump without blank lines: the one button line touching the bar at each edge goes,
    # a line further out may be a sub-heading and stays.
    def removed(**params: object) -> list[str]:
        texts = ("Swift Criticism", "Send to a friend", "Facebook", "Twitter", "Print version")
        blocks = [Block(0, t, gap_before=False) for t in texts]
        for b in blocks[2:4]:
            b.removal = Removal("share_bar", "navigation", "share words")
        lead, tail = Block(0, prose(120), gap_before=False), Block(0, prose(120, "ipsum"))
        tail.gap_before = False
        doc = make_doc(lead, *blocks, tail)
        make_rule(ShareCluster, **params).apply(doc)
        return [b.text for b in doc.blocks if b.removal and b.removal.rule == "share_cluster"]

    assert removed() == ["Send to a friend", "Print version"]
    assert removed(dense_edge_lines=0) == []
    assert removed(dense_edge_lines=2) == ["Swift Criticism", "Send to a friend", "Print version"]


def test_share_cluster_max_words() -> None:
    line = "Send this one to a friend"  # 6 words

    def bar() -> tuple[Block, ...]:
        return (_share("Facebook"), _line(line, gap=False), _share("Twitter"))

    assert _cluster(*bar()) == []
    assert _cluster(*bar(), max_words=6) == [line]


def test_share_row() -> None:
    assert _cluster(_line("Pass it on Email Twitter")) == ["Pass it on Email Twitter"]
    # A headline naming two networks has more words of its own.
    assert _cluster(_line("Facebook and Twitter ban the president")) == []
    # A sentence is no row.
    assert _cluster(_line("Share on Facebook and Twitter.")) == []
    # Only share words: share_bar's line (disabling share_bar keeps it).
    assert _cluster(_line("Share Facebook Twitter Email")) == []


def test_share_row_min_share() -> None:
    line = "Facebook Twitter news today"  # 2 share words of 4
    assert _cluster(_line(line)) == [line]
    assert _cluster(_line(line), row_min_share=0.51) == []


def test_share_row_max_words() -> None:
    line = "Facebook Twitter Email WhatsApp Telegram Reddit one two three four five"  # 11
    assert _cluster(_line(line)) == []
    assert _cluster(_line(line), row_max_words=11) == [line]


def test_share_row_min_letters() -> None:
    # 'x' names a network but counts only from one letter on.
    assert _cluster(_line("Email X now")) == []
    assert _cluster(_line("Email X now"), row_min_letters=1) == ["Email X now"]


# -- player_line: a player's message alone ---------------------------------------------


def _player_lines(*items: str) -> list[str]:
    doc = make_doc(prose(120, "lorem"), *items, prose(120, "ipsum"))
    make_rule(PlayerLine).apply(doc)
    return [b.text for b in doc.blocks[1:-1] if b.removal and b.removal.rule == "player_line"]


def test_a_player_message_goes_alone() -> None:
    # Naming the medium and ending in a full stop or an ellipsis: no sub-heading ends so.
    assert _player_lines("This player needs a newer browser.") == [
        "This player needs a newer browser."
    ]
    assert _player_lines("Fetching the clip...") == ["Fetching the clip..."]


def test_a_lone_line_without_the_medium_or_the_ending_stays() -> None:
    assert _player_lines("The Video") == []  # a sub-heading
    assert _player_lines("Thanks again...") == []  # the article's own ellipsis
    assert _player_lines("To be blunt.") == []
    # A notice names 'media' too: two sentences, opening with a symbol.
    assert _player_lines("© 2024 Example Media. All rights reserved.") == []
    assert _player_lines("Example Media. All rights reserved.") == []
    assert _player_lines("© Example Media.") == []
