"""Media players and what they leave in text: stubs, timelines, titles, labels."""

from __future__ import annotations

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from ..phrases.compile import PHRASE_FLAGS
from ..phrases.openings import OPENING_CHARS, openings
from ..phrases.trie_search import twin
from .base import Document, LineRule, Rule, bound_by, quote
from .gates import NEVER, Gate, max_chars, opening, openings_edge, opens, text_holds
from .params import Param
from .whole_line import WholeLinePhraseRule


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

    @property
    def words_bound(self) -> int:
        # A line of max_chars characters holds no more words: each takes a character.
        return self.max_chars

    _TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
    pattern = regex.compile(rf"^\W*{_TIME}(?:\W{{1,3}}{_TIME})*\W*$")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        # (Every timestamp holds a colon: a substring test spares the pattern on prose.)
        text = block.text
        if block.features.n_chars <= self.max_chars and ":" in text and self.pattern.match(text):
            return f"a player timeline ({quote(text)})"
        return None

    def line_gate(self) -> Gate:
        # (It opens with a digit or no word character: never with a letter a-z.)
        return (max_chars(self.max_chars) + opening() + text_holds((":",)),)


class PlayerLine(Rule):
    name = "player_line"
    family = "media"
    description = (
        "A player's status or error line told by its shape, whatever its wording: a short "
        "line, not the article's prose, that names the medium ('The clip cannot be played "
        "in this browser', 'Starting the player'), trails off in an ellipsis "
        "('Buffering...') or names a player's state ('The footage was removed'), standing "
        "apart between paragraphs rather than in a list, beside another player line or "
        "stub; or alone, when it names the medium and ends in a full stop or an ellipsis "
        "('This player needs a newer browser.'), names the medium and its state ('The clip "
        "has been removed', 'Starting the player'), or names the medium and the player's "
        "side of it, the player, the playback or the browser, even as a sentence ('Your "
        "browser does not support video playback.')."
    )
    # Text only: on HTML the player is an element (media_player prunes it whole).
    kinds = frozenset({"text"})

    max_words = Param(
        10,
        "A line naming the medium has at most this many words: a player's message, not a "
        "caption or a sentence about a video ('This player needs a newer browser').",
    )
    ellipsis_max_words = Param(
        4,
        "A line ending in an ellipsis has at most this many words: a status line "
        "('Loading the player...'), not a sentence left hanging.",
    )
    max_stretch = Param(
        4,
        "The line stands among at most this many short lines between paragraphs (a player's "
        "title, status and error lines); a longer stretch is a list or a table, whose items "
        "may name a medium ('4K video', 'Speaking on a video call').",
    )

    min_media_words = Param(
        2,
        "A short line naming at least this many different media words, one of them the "
        "player's side (the player, the playback, the browser), is a player's line alone, "
        "and even when it reads as a sentence: a player's error message names the medium "
        "and the browser ('The video cannot be played in this browser'); the article's "
        "short lines seldom do.",
    )

    blocks_per_gap = Param(
        3,
        "A page separates paragraphs with blank lines when at least one block in this "
        "many has one before it (as media_title reads it).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.words = phrases.words("media_words")
        self.states = phrases.words("media_states")
        self.parts = phrases.words("media_parts")
        self.named = self.words | self.states

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        named, most, dots = self.named, self.max_words, _ELLIPSES
        # The lines ``_reason`` may give one (naming the medium or a state, or trailing
        # off), found without a call a line: most pages have none.
        maybe = [
            i
            for i, b in enumerate(blocks)
            if 0 < (f := b.features).n_words <= most
            and not (named.isdisjoint(f.tokens) and not b.text.rstrip().endswith(dots))
        ]
        short: dict[int, bool] = {}

        def is_short(k: int) -> bool:  # (once a line, before any removal)
            if k not in short:
                b = blocks[k]
                kept = b.removal is None and not b.pruned and 0 < b.features.n_words <= most
                short[k] = kept and (not doc.is_prose(b) or self._parts(b))
            return short[k]

        # The stretch of kept short lines between prose (removed lines are passed over)
        # holding each such line, each stretch measured once.
        reasons: dict[int, str] = {}
        n, lo, hi, size = len(blocks), 0, 0, 0
        for i in filter(is_short, maybe):
            if not lo <= i < hi:
                lo, hi = i, i + 1
                while lo and (blocks[lo - 1].removal is not None or is_short(lo - 1)):
                    lo -= 1
                while hi < n and (blocks[hi].removal is not None or is_short(hi)):
                    hi += 1
                size = sum(map(is_short, range(lo, hi)))
            if size <= self.max_stretch and (reason := self._reason(blocks[i])) is not None:
                reasons[i] = reason
                is_short(i - 1) if i else None  # (read below)
        # Alone, such a line may be the article's sub-heading ('The Video'); it is a
        # player's when another player line or stub sits next to it, or when it hangs
        # under the line above (no blank line between, on a page that has them): the
        # video's title.
        uses_gaps = bool(reasons) and sum(b.gap_before for b in blocks) * self.blocks_per_gap >= n
        for i, reason in reasons.items():
            near = (i > 0 and (reasons.get(i - 1) or _is_stub(blocks[i - 1]))) or (
                i < n - 1 and (reasons.get(i + 1) or _is_stub(blocks[i + 1]))
            )
            hangs = uses_gaps and i > 0 and short[i - 1] and not blocks[i].gap_before
            block = blocks[i]
            if near or hangs or self._message(block) or self._status(block) or self._parts(block):
                self.remove(block, reason)

    def _parts(self, block: Block) -> bool:
        """A line naming the medium and the player's side of it, the player, its playback
        or the browser ('The video cannot be played in this browser', 'Tu navegador no es
        compatible con la reproducción de vídeo.'): a player's error message, sentence or
        not. Two media alone ('CNN provides video and audio.') name no player."""
        tokens = block.features.tokens
        named = self.words.intersection(tokens)
        return len(named) >= self.min_media_words and not self.parts.isdisjoint(named)

    def _message(self, block: Block) -> bool:
        """Alone, one sentence naming the medium, opening with a letter and ending in a
        full stop or an ellipsis: a player's message ('This player needs a newer
        browser.', 'Fetching the clip...'); a sub-heading never ends so, and a notice
        ('© 2024 Example Media. All rights reserved.') opens otherwise."""
        text = block.text.strip()
        return (
            text[:1].isalpha()
            and text.endswith(_MESSAGE_ENDS)
            and _INNER_SENTENCE_END.search(text) is None
            and bool(self.words.intersection(block.features.tokens))
        )

    def _status(self, block: Block) -> bool:
        """Alone, a line naming the medium and its state, as players word their status
        and error lines ('The clip has been removed', 'Starting the player',
        'Видео недоступно'); a sub-heading names a topic, not a medium's state."""
        tokens = block.features.tokens
        return bool(self.words.intersection(tokens)) and bool(self.states.intersection(tokens))

    def _reason(self, block: Block) -> str | None:
        f = block.features
        named = self.words.intersection(f.tokens)
        if named:
            return f"a player's line: short, apart, it names the medium ({quote(min(named))})"
        if f.n_words <= self.ellipsis_max_words and block.text.rstrip().endswith(_ELLIPSES):
            return f"a short line apart, trailing off in an ellipsis ({quote(block.text)})"
        state = self.states.intersection(f.tokens)
        if state:
            return f"a player's line: short, apart, it names a state ({quote(min(state))})"
        return None


_ELLIPSES = ("...", "\u2026")
_MESSAGE_ENDS = (".", "!", *_ELLIPSES)
#: A sentence end inside a line: the line holds more than one sentence.
_INNER_SENTENCE_END = regex.compile(r"[.!?…]\s+\S")


class MediaTitle(Rule):
    name = "media_title"
    family = "media"
    description = (
        "The video's title line sitting directly on top of a player stub: right on it on "
        "a page of blank lines, or, in a dump without them, any line on it that does not "
        "end a sentence."
    )
    requires = (MediaStub, PlayerTimeline, PlayerLine)

    blocks_per_gap = Param(
        3,
        "A page separates paragraphs with blank lines when at least one block in this "
        "many has one before it.",
    )
    min_title_ratio = Param(
        0.6,
        "A line a blank line apart above a stub is a title with at least this share of "
        "capitalised words and no full stop.",
    )
    min_words = Param(
        3,
        "A line above a stub that does not hang on it (a blank line apart, or in a dump "
        "without blank lines) is its title only with at least this many words: a video's "
        "title is a headline ('Video Shows Protesters Storming City Hall', 'Засуха: мнения "
        "экспертов'); a two-word line there is the article's sub-heading ('Swift "
        "Criticism') over an untitled player.",
    )

    def apply(self, doc: Document) -> None:
        limit = self.config.media_title_max_words
        blocks = doc.blocks
        # (The stubs after the first block, without a call a block; most pages: none.)
        named = _STUB_RULES
        stubs = [i for i, b in enumerate(blocks) if i and b.removal and b.removal.rule in named]
        if not stubs:
            return
        # Sitting right on the stub only says "title" on a page of blank lines; in a
        # dump without them the line on top of a stub is its title unless it ends a
        # sentence or is short for a headline: Title Case would find English titles only.
        uses_gaps = sum(b.gap_before for b in blocks) * self.blocks_per_gap >= len(blocks)
        for i in stubs:
            stub, above = blocks[i], blocks[i - 1]
            if above.removal is not None:  # (a stub too, or removed)
                continue
            f = above.features
            if f.n_words > limit or f.n_words == 0:
                continue
            hangs = uses_gaps and not stub.gap_before
            # Apart from it, or in a dump without gaps, a short line is the article's
            # sub-heading rather than the title (a headline-long line).
            titled = f.n_words >= self.min_words
            dense = not uses_gaps and titled and not f.ends_sentence
            headline = (
                titled
                and f.title_ratio >= self.min_title_ratio
                and not above.text.rstrip().endswith(".")
            )
            if hangs or dense or headline:
                self.remove(above, f"the title line directly above a player stub (block {i})")


class MediaLabel(LineRule):
    name = "media_label"
    family = "media"
    description = "A block that starts with a media label ('Image caption', 'Video caption')."
    words_bound = bound_by("max_words")

    max_words = Param(40, "A caption opening with a media label has at most this many words.")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        alternation = phrases.pattern("media_label")
        # (With its ``re`` twin, for the lines both engines read alike.)
        pattern = rf"^\W*{alternation}(?:[\s:,.]|$)"
        self.pattern = twin(regex.compile(pattern, PHRASE_FLAGS)) if alternation else None
        # A line opening with a letter as no label does is no label's (None: any).
        self.opens = openings(phrases.phrases("media_label"))

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if self.pattern is None or f.n_words > self.max_words:
            return None
        opens, folded = self.opens, f.folded
        if (
            # (Openings.admits, inline: this runs on most lines.)
            opens is not None
            and folded[:1].isalpha()
            and folded[:OPENING_CHARS] not in opens.full
            and not folded.startswith(opens.short)
        ):
            return None
        m = self.pattern.match(folded)
        if m:
            return f"starts with the media label {quote(m.group(0).strip())}"
        return None

    def line_gate(self) -> Gate:
        return NEVER if self.pattern is None else (opens(self.opens) + openings_edge(self.opens),)


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
    requires = (MediaStub, PlayerTimeline, PlayerLine, MediaTitle)

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
        if _STUB_RULES.isdisjoint({b.removal.rule for b in blocks if b.removal}):
            return  # no stub on the page (most pages), told without a call a block
        n = len(blocks)
        i = 0
        while i < n:
            if not _is_stub(blocks[i]):
                i += 1
                continue
            # Grow a cluster from this stub: through removed lines freely, through
            # `reach` kept short lines in a row at most, to a line that is neither.
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


RULES = (MediaStub, PlayerTimeline, MediaLabel)
#: After the chrome rules: the lines they removed (a share bar beside the player) are
#: passed over when player_line counts the short lines around a stub, and join a cluster.
LATE_RULES = (PlayerLine, MediaTitle, PlayerCluster)
