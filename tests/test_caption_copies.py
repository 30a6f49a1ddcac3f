"""``CaptionCopies``: whether a caption's words stand elsewhere on the page, counted per
block (the keys of blocks with features joined, the others' keys made only where their
casefolded text holds the caption's longest word) as in all the blocks' keys joined."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.blocks import Block, BlockKind
from cleaner.rules.base import Document
from cleaner.rules.caption_copies import CaptionCopies, words_key

CLEANER = Cleaner()


def _blocks(texts: list[str], bare: set[int]) -> list[Block]:
    """Blocks of ``texts``, the first a caption; those in ``bare`` without features (as
    blocks removed before the features are)."""
    blocks = [
        Block(i, t, kind=BlockKind.CAPTION if i == 0 else BlockKind.PARAGRAPH)
        for i, t in enumerate(texts)
    ]
    with_features = [b for b in blocks if b.index not in bare]
    CLEANER._compute_features(Document(with_features, CLEANER.config, kind="html"), None)
    return blocks


def _reference(blocks: list[Block], caption: Block) -> bool:
    page = "\n".join(map(words_key, blocks))
    return page.count(words_key(caption)) > 1


CAPTION = "The Mayor opens the new bridge over the river on Sunday"


def test_a_copy_in_a_block_removed_before_features_counts() -> None:
    blocks = _blocks(
        [CAPTION, "Photo 3 of 9: THE MAYOR opens the new bridge over the river on Sunday!"], {1}
    )
    assert CaptionCopies(blocks, [blocks[0]], 6).printed_again(blocks[0])


def test_a_copy_in_a_block_with_features_counts() -> None:
    blocks = _blocks(
        [CAPTION, "A long day. The mayor opens the new bridge over the river on Sunday."], set()
    )
    assert CaptionCopies(blocks, [blocks[0]], 6).printed_again(blocks[0])


def test_the_words_apart_are_no_copy() -> None:
    blocks = _blocks([CAPTION, "The mayor opens the new bridge", "over the river on Sunday"], {1})
    assert not CaptionCopies(blocks, [blocks[0]], 6).printed_again(blocks[0])


WORDS = st.sampled_from(
    ["the", "Mayor", "opens", "bridge", "river", "Ströme", "STRASSE", "straße", "—", "9"]
)


@given(
    st.lists(st.lists(WORDS, min_size=0, max_size=8).map(" ".join), min_size=1, max_size=6),
    st.sets(st.integers(1, 5)),
)
def test_the_count_is_the_joined_keys_count(texts: list[str], bare: set[int]) -> None:
    blocks = _blocks(texts, bare)
    copies = CaptionCopies(blocks, [blocks[0]], 99)  # (no caption long enough to hold)
    assert copies.printed_again(blocks[0]) == _reference(blocks, blocks[0])
