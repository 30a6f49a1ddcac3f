"""Where the article is: the densest run of prose, and what lies far from it."""

from __future__ import annotations

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from .base import Document, Rule, quote
from .item_heads import ItemHeads
from .lists import LIST_LINES, ListRun
from .media import MediaLabel, MediaStub, MediaTitle, PlayerTimeline
from .navigation import ChromePhrase, ShareBar
from .params import Param
from .post_gaps import PostGaps
from .prose_hull import ProseHull
from .repeated_items import RepeatedItems
from .run_confidence import RunConfidence
from .run_edges import RunEdges, take_back
from .run_scores import max_run, py_max_run, run_scores
from .trailers import Notice
from .wrapped import WrappedRun


class MainContentRun(
    ListRun,
    WrappedRun,
    ProseHull,
    PostGaps,
    ItemHeads,
    RepeatedItems,
    RunEdges,
    RunConfidence,
    Rule,
):
    name = "outside_main_run"
    family = "quality"
    description = (
        "Blocks before or after the main content run: the stretch of the page with the most "
        "prose, each non-prose block costing a penalty (a maximum-sum run); its edges take back "
        "adjacent sentences, and short paragraphs past a sub-heading sharing the run's words; "
        "scattered prose widens it, and a run of a few words to the whole page (prose_hull)."
    )
    # On HTML the front-end finds the main container (outside_main_container).
    kinds = frozenset({"text"})

    heading_max_words = Param(
        12, "A heading-like line (a lighter penalty) has at most this many words ..."
    )
    heading_min_letter_ratio = Param(
        0.5, "... no sentence punctuation, and more than this share of letters."
    )
    list_item_max_title_ratio = Param(
        0.5,
        "A list-item-like line (a lighter penalty) has less than this share of capitalised "
        "words: sentence case, not a menu entry or a Title-Case teaser headline.",
    )

    bridge_max_lines = Param(
        1,
        "The run's edge steps over at most this many heading-like lines in a row (a "
        "sub-heading, a short question) when a sentence follows them: the article's "
        "short paragraphs resume after its sub-heading.",
    )

    bridge_min_shared = Param(
        0.3,
        "... and when that sentence shares at least this share of its content words with "
        "the run (an author's note or a call to act after a heading shares few). Low: a "
        "lead paragraph above the first sub-heading, or the last one below the last, is "
        "short, and a short run gives few words to share.",
    )
    bridge_min_letters = Param(
        3, "A content word of that sentence has at least this many letters (not 'of', 'a')."
    )

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        kept = [b for b in blocks if b.removal is None and not b.pruned]
        if not kept:
            return
        chars = doc.prose_chars()  # (by position: a block's index)
        prose = [chars[b.index] for b in kept]
        listed = self.list_lines(kept)
        scores = self._scores(kept, prose)
        self.score_wrapped(kept, scores, doc)
        self.score_lists(scores, listed)
        start, end, best = max_run(scores)
        if best > 0:
            # Take back adjacent prose the per-block cost left out (teaser lists stay out).
            start, end = take_back(self, kept, doc, start, end)
            # A numbered list or table right before or after the run is the article's (a
            # standings table, a calendar, a listicle's last items).
            start, end = self.take_lists(
                doc, kept, listed.free, start, end, self._list_heading, self._item_line
            )
            start, end = self.take_posts(doc, kept, start, end)
            # A listing's first title, before its first teaser (item_heads).
            start = self.take_heads(doc, kept, start, end, self._heading_like)
            # More of the page's items past a box beside the run (repeated_items).
            start, end = self.take_rivals(doc, kept, scores, start, end)
        why = self.no_article(kept, start, end, best)
        if why is not None:  # nothing to anchor on: the page is left alone
            doc.notes[CONFIDENCE] = (0.0, (why,))
            return
        value, reasons = self._confidence(kept, prose, scores, start, end, best)
        start, end, reasons = self.prose_hull(kept, prose, start, end, reasons)
        doc.main_run = (kept[start].index, kept[end].index)
        doc.notes[LIST_LINES] = frozenset(kept[i].index for i in listed.shaped if start <= i <= end)
        outside = sum(1 for i in listed.items if not start <= i <= end)
        doc.notes[CONFIDENCE] = self.weaker(doc, kept[start : end + 1], outside, value, reasons)
        span = f"blocks {kept[start].index}-{kept[end].index}"
        self.remove_all(kept[:start], f"before the main content run ({span})")
        self.remove_all(kept[end + 1 :], f"after the main content run ({span})")

    def _sentence(self, block: Block, doc: Document, loose: bool = False) -> bool:
        """A short paragraph that reads as a sentence (``loose``: any opening, stop words)."""
        f = block.features
        cfg = self.config
        if not (f.ends_sentence and f.n_tokens >= cfg.run_edge_min_words):
            return False
        return loose or (
            f.headline_prefix < cfg.teaser_min_headline_words
            and (
                doc.language is None
                or f.stopword_ratio >= cfg.prose_min_stopword_ratio * cfg.sentence_stopword_share
            )
        )

    def _score(self, block: Block, doc: Document) -> float:
        return self._scores([block], [doc.is_prose(block)])[0]

    def _scores(self, kept: list[Block], prose: list[int]) -> list[float]:
        """Each block's score, its prose flag (or characters) beside it."""
        return run_scores(
            kept,
            prose,
            self.config,
            self.list_item_max_title_ratio,
            self.heading_max_words,
            self.heading_min_letter_ratio,
        )

    def _heading_like(self, block: Block, question: bool = False) -> bool:
        """A short line without a sentence end (``question``: or ending in a question
        mark, as sub-headings may: 'What happens next?')."""
        f = block.features
        ends = f.ends_sentence and not (question and block.text.rstrip().endswith("?"))
        return (
            0 < f.n_words <= self.heading_max_words
            and not ends
            and f.letter_ratio > self.heading_min_letter_ratio
        )

    def _list_heading(self, block: Block) -> bool:
        """A list's heading: heading-like, or so but for a colon ('Technische Daten:')."""
        if not block.text.rstrip().endswith(":"):
            return self._heading_like(block)
        f = block.features
        return 0 < f.n_words <= self.heading_max_words and (
            f.letter_ratio > self.heading_min_letter_ratio
        )

    def _list_item_like(self, block: Block) -> bool:
        """A sentence-case phrase with function words: a list item of the article, not a
        menu entry or a Title-Case teaser headline."""
        f = block.features
        return (
            f.n_words >= self.config.list_item_min_words
            and f.title_ratio < self.list_item_max_title_ratio
            and f.stopword_ratio > 0
        )

    def _item_line(self, block: Block) -> bool:
        """A list item without its bullet: item-like, no sentence end."""
        return not block.features.ends_sentence and self._list_item_like(block)


#: The Python reference of ``max_run`` (``fallback`` runs it on its own scores).
_max_run = py_max_run

#: Where the run's rule leaves its confidence in ``Document.notes``: (value, reasons).
CONFIDENCE = "confidence"


class BoxInRun(Rule):
    name = "box_in_run"
    family = "quality"
    description = (
        "The rest of a box inside the main content run: the short lines that follow a "
        "player, ad, sign-up or share line another rule removed, up to the article's "
        "next paragraph (a video's title and buttons, 'Email address', 'Story continues "
        "below')."
    )
    kinds = frozenset({"text"})
    requires = (
        MainContentRun,
        MediaStub,
        PlayerTimeline,
        MediaTitle,
        MediaLabel,
        ChromePhrase,
        ShareBar,
        Notice,
    )

    max_lines = Param(
        6,
        "A box inside the run has at most this many lines after its opening line (a "
        "longer stretch of short lines is the article's own list or table).",
    )
    max_words = Param(
        12, "Each of its lines has at most this many words (the box's labels and buttons)."
    )

    min_headed_lines = Param(
        2,
        "After a page-chrome heading ('Read more', 'Mehr zum Thema'), this many short "
        "lines or more before the article's next paragraph are the box's links (one line "
        "may be the article's subheading).",
    )

    caption_min_words = Param(
        1,
        "A media-label line with at least this many words after its label holds its "
        "caption or credit ('Foto: AFP'): the image's box ends with it, so that a "
        "sub-heading after it is the article's ('Image caption' alone may head more).",
    )
    subheading_max_digit_ratio = Param(
        0.0,
        "... a sub-heading: a line of at most max_words words, no sentence end and at "
        "most this share of digits (a gallery's 'Image 1 of / 5' is the box's).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self._labels = MediaLabel(config, phrases)

    def apply(self, doc: Document) -> None:
        if doc.main_run is None:
            return
        first, last = doc.main_run
        blocks = doc.blocks
        i = first + 1
        while i <= last:
            if not _box_line(blocks[i]):
                i += 1
                continue
            whole = self._whole_caption(blocks[i])
            # From a box line to the last box line before the next paragraph: the short
            # lines kept between them are the box's too. A line right before the
            # paragraph may be the article's subheading: only lines with a removed box
            # line after them go.
            opener, j, closer = blocks[i], i + 1, i
            while j <= last and j - i <= self.max_lines and not self._paragraph(blocks[j], doc):
                block = blocks[j]
                if block.removal is None and block.features.n_words > self.max_words:
                    break
                if whole and block.removal is None and self._subheading(block):
                    break  # the article's next section, past the image and its caption
                if _box_line(block):
                    closer = j
                j += 1
            inside = [b for b in blocks[i + 1 : j] if b.removal is None]
            if (
                len(inside) >= self.min_headed_lines
                and j <= last
                and opener.removal is not None
                and opener.removal.rule in _HEADING_RULES
                and not opener.features.ends_sentence  # a heading, not a copyright line
            ):
                closer = j  # a box's heading and its links or form fields
            label = quote(opener.text)
            reason = f"in the box opened by block {opener.index} {label}"
            self.remove_all(blocks[i + 1 : closer], reason)
            i = max(j, i + 1)

    @staticmethod
    def _paragraph(block: Block, doc: Document) -> bool:
        return block.removal is None and doc.is_prose(block)

    def _subheading(self, block: Block) -> bool:
        f = block.features
        cap = self.subheading_max_digit_ratio
        return f.n_words <= self.max_words and not f.ends_sentence and f.digit_ratio <= cap

    def _whole_caption(self, block: Block) -> bool:
        """A media-label line that holds its caption or credit after the label."""
        pattern = self._labels.pattern
        if pattern is None or block.removal is None or block.removal.rule != MediaLabel.name:
            return False
        m = pattern.match(block.features.folded)
        return m is not None and len(block.features.folded[m.end() :].split()) >= (
            self.caption_min_words
        )


def _box_line(block: Block) -> bool:
    removal = block.removal
    return removal is not None and (removal.rule in _BOX_RULES or removal.family in _BOX_FAMILIES)


#: Removals that make a box inside the article: a player's stub, timeline, title or
#: label, a page-chrome line ('Video', 'Advertisement', 'Sign up'), a share row, a
#: notice (a sign-up call); and whatever an ads rule removes.
_BOX_RULES = frozenset(
    rule.name
    for rule in (MediaStub, PlayerTimeline, MediaTitle, MediaLabel, ChromePhrase, ShareBar, Notice)
)
_BOX_FAMILIES = frozenset({"ads"})
#: Removals that may head a box: a page-chrome heading ('Mehr zum Thema'), a sign-up call.
_HEADING_RULES = frozenset({ChromePhrase.name, Notice.name})


RULES = (MainContentRun, BoxInRun)
