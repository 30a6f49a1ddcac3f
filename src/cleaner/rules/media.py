"""Media players and what they leave in text: stubs, timelines, titles, labels."""

from __future__ import annotations

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from ..phrases.compile import PHRASE_FLAGS
from .base import Document, LineRule, Rule, WholeLinePhraseRule, quote
from .params import Param


class MediaStub(WholeLinePhraseRule):
    name = "media_stub"
    family = "media"
    description = (
        "A media player's placeholder or control text ('please wait', 'No media source "
        "currently available', 'Your browser does not support the video tag')."
    )
    section = "media_stub"
    what = "a media player stub"

    stub_max_words = Param(
        40,
        "A player's line has at most this many words: its error messages are whole "
        "sentences ('The media could not be loaded, either because ...', 25 words).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        # The line must still be nothing but the phrase: only the length gate differs
        # from the other whole-line rules (chrome_max_words, for menu entries).
        self.max_words = self.stub_max_words


class PlayerTimeline(LineRule):
    name = "player_timeline"
    family = "media"
    description = "A line of only timestamps, as a player's timeline leaves ('0:00 0:03:18 0:00')."

    max_chars = Param(80, "A timeline line has at most this many characters ('0:00 0:03:18').")

    _TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
    pattern = regex.compile(rf"^\W*{_TIME}(?:\W{{1,3}}{_TIME})*\W*$")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        # (Every timestamp holds a colon: a substring test spares the pattern on prose.)
        text = block.text
        if block.features.n_chars <= self.max_chars and ":" in text and self.pattern.match(text):
            return f"a player timeline ({quote(text)})"
        return None


class MediaTitle(Rule):
    name = "media_title"
    family = "media"
    description = "The video's title line sitting directly on top of a player stub."
    requires = (MediaStub, PlayerTimeline)

    blocks_per_gap = Param(
        3,
        "A page separates paragraphs with blank lines when at least one block in this "
        "many has one before it.",
    )
    min_title_ratio = Param(
        0.6,
        "A line above a stub, whatever the spacing, is a title with at least this share "
        "of capitalised words and no full stop.",
    )

    def apply(self, doc: Document) -> None:
        limit = self.config.media_title_max_words
        blocks = doc.blocks
        # Sitting on the line right above the stub only says "title" on a page that
        # separates paragraphs with blank lines; in a dump without them every line does.
        uses_gaps = sum(b.gap_before for b in blocks) * self.blocks_per_gap >= len(blocks)
        for i in range(1, len(blocks)):
            stub, above = blocks[i], blocks[i - 1]
            if not _is_stub(stub) or _is_stub(above) or above.removal is not None:
                continue
            f = above.features
            if f.n_words > limit or f.n_words == 0:
                continue
            adjacent = uses_gaps and not stub.gap_before
            headline = f.title_ratio >= self.min_title_ratio and not above.text.rstrip().endswith(
                "."
            )
            if adjacent or headline:
                self.remove(above, f"the title line directly above a player stub (block {i})")


class MediaLabel(LineRule):
    name = "media_label"
    family = "media"
    description = "A block that starts with a media label ('Image caption', 'Video caption')."

    max_words = Param(40, "A caption opening with a media label has at most this many words.")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        alternation = phrases.pattern("media_label")
        self.pattern = (
            regex.compile(rf"^\W*{alternation}(?:[\s:,.]|$)", PHRASE_FLAGS) if alternation else None
        )

    def reason_for(self, block: Block, doc: Document) -> str | None:
        if self.pattern is None or block.features.n_words > self.max_words:
            return None
        m = self.pattern.match(block.features.folded)
        if m:
            return f"starts with the media label {quote(m.group(0).strip())}"
        return None


class PlayerCluster(Rule):
    name = "player_cluster"
    family = "media"
    description = (
        "The short lines left between a player's stubs (a channel name, menu entries, "
        "'HD' between 'Watch later' and '0:00 / 3:18'): with two stubs or more, the "
        "cluster is one player and goes as a whole."
    )
    # Text only: on HTML the player is an element (media_player prunes it whole).
    kinds = frozenset({"text"})
    # After the chrome rules: lines they removed ('Share', 'Video') join a cluster freely.
    requires = (MediaStub, PlayerTimeline, MediaTitle)

    min_stubs = Param(
        2, "A cluster is a player when it holds at least this many stub or timeline lines."
    )
    max_words = Param(
        8, "A player's leftover line has at most this many words and no sentence end."
    )
    reach = Param(
        2,
        "A cluster spans at most this many kept short lines in a row between two stubs "
        "(removed lines in between cost nothing).",
    )

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        n = len(blocks)
        i = 0
        while i < n:
            if not _is_stub(blocks[i]):
                i += 1
                continue
            # Grow a cluster from this stub: through removed lines freely, through at
            # most `reach` kept short lines in a row, until a line that is neither.
            stubs, end, j, run = 1, i, i + 1, 0
            while j < n:
                b = blocks[j]
                if _is_stub(b):
                    stubs, end, run = stubs + 1, j, 0
                elif b.removal is None and self._leftover(b, doc):
                    run += 1
                    if run > self.reach:
                        break
                elif b.removal is None or b.pruned:
                    break
                j += 1
            if stubs >= self.min_stubs:
                # Only the lines between the first and the last stub: a short line just
                # outside may be the article's sub-heading (the title above the player
                # is media_title's).
                for k in range(i + 1, end):
                    b = blocks[k]
                    if b.removal is None and self._leftover(b, doc):
                        self.remove(b, f"a line inside a player's cluster ({stubs} stubs)")
            i = end + 1

    def _leftover(self, block: Block, doc: Document) -> bool:
        f = block.features
        return 0 < f.n_words <= self.max_words and not f.ends_sentence and not doc.is_prose(block)


#: The rules whose removals are player stubs.
_STUB_RULES = frozenset(rule.name for rule in MediaTitle.requires)


def _is_stub(block: Block) -> bool:
    return block.removal is not None and block.removal.rule in _STUB_RULES


RULES = (MediaStub, PlayerTimeline, MediaTitle, MediaLabel)
#: After the chrome rules, so that the lines they removed join a cluster.
LATE_RULES = (PlayerCluster,)
