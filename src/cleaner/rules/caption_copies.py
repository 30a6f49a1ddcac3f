"""Whether a figure caption is printed again on its page (``html.FigureCaption``)."""

from __future__ import annotations

from ..blocks import Block
from ..features import duplicate_key


class CaptionCopies:
    """Whether a caption's words are printed again on the page: in every block's words,
    removed ones included (a slideshow's counter, a hidden copy), the caption's key
    (``words_key``) at least twice in all, or another caption long enough to be kept
    holding them whole ("Image 1 of 3" and the item's caption). Read once a page, when
    a caption that neither is short nor stands in a list asks.

    A key holds no line break, so it is counted in the keys of the blocks with features
    joined, and in the blocks removed before features (whose key is made from their
    text) one by one; there, only a block whose casefolded text holds the key's longest
    word can hold the key (a word of the key is a substring of a word of the block's, and
    each word of a text is a substring of it, casefolded), and only its key is made.
    """

    def __init__(self, blocks: list[Block], captions: list[Block], min_words: int) -> None:
        self.keys = {b.index: words_key(b) for b in captions}
        self.whole = [(i, k) for i, k in self.keys.items() if k.count(" ") + 1 >= min_words]
        self.blocks = blocks
        self.keyed = "\n".join([b.features.key for b in blocks if b.features.folded])
        self.bare = [b.text for b in blocks if not b.features.folded]
        self.bare_folded = "\n".join(self.bare).casefold()

    def printed_again(self, block: Block) -> bool:
        key = self.keys[block.index]
        return self._count(key) > 1 or any(i != block.index and k in key for i, k in self.whole)

    def _count(self, key: str) -> int:
        """How often ``key`` stands in the blocks' keys joined by line breaks."""
        if not key:  # (found between any two characters: the join as it is)
            return "\n".join(map(words_key, self.blocks)).count(key)
        found = self.keyed.count(key)
        word = max(key.split(" "), key=len)
        if word in self.bare_folded:
            for text in self.bare:
                if word in text.casefold():
                    found += duplicate_key(text).count(key)
        return found


def words_key(block: Block) -> str:
    """``duplicate_key`` of the block's text: its features' key where they are filled
    (every character casefolds to characters of its own kind, a word's or a
    separator's, so the words of the casefolded text are the words casefolded)."""
    f = block.features
    return f.key if f.folded else duplicate_key(block.text)
