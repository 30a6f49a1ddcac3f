"""What image galleries and captions leave in scraped text: counters, credits, captions.

On HTML a caption is an element (``figcaption``, a caption class) and the markup rules
see it; in a text dump it is a line like any other, told by how captions are written:
a gallery's 'Image 3 of 12' counter, an 'N of M' opening repeated along the gallery,
a photo credit at the end ('(AP Photo/Jane Doe)', 'REUTERS/John Smith', 'Foto: dpa') or
a caption's opening ('FILE PHOTO:', 'In this May 4, 2019, file photo, ...').
"""

from __future__ import annotations

from collections import Counter as Tally

import regex

from ..blocks import Block
from ..config import Config
from ..features import duplicate_key
from ..phrases import PhraseBook, alternation
from ..phrases.compile import PHRASE_FLAGS, required_literals
from ..phrases.literals import branch_gate, holds_branch
from ..phrases.openings import OPENING_CHARS, openings
from ..phrases.trie_search import twin
from .base import Document, LineRule, Rule, bound_by, quote
from .gates import Gate, branches, folded_holds, may_hold_digit, openings_edge, opens
from .params import Param

_NUMBER = r"(\d{1,4})"


def _word_pattern(phrases: PhraseBook, section: str) -> str | None:
    """The single words of a word section as one alternation (None if empty)."""
    return alternation(sorted(phrases.words(section)))


class GalleryCounter(LineRule):
    name = "gallery_counter"
    family = "media"
    description = (
        "An image gallery's counter alone on its line: 'Image 3 of 12', 'Photo 1/8', "
        "'2 of 5' (the first number no larger than the second)."
    )
    # On HTML a gallery is an element that the markup rules judge whole.
    kinds = frozenset({"text"})
    words_bound = bound_by("max_words")

    max_words = Param(
        4,
        "A counter line has at most this many words ('Image 3 of 12', 'Foto 1 von 8').",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        nouns = _word_pattern(phrases, "gallery_nouns")
        of_words = _word_pattern(phrases, "gallery_of")
        noun = rf"{nouns}\s*" if nouns else ""
        of = rf"(?:{of_words}|/)" if of_words else "/"
        # With a noun the slash counts too ('Photo 1/8'); a bare '1/8' may be a date or
        # a fraction, and a bare '2 of 5' needs the word.
        bare = rf"{_NUMBER}\s*{of_words}\s*{_NUMBER}" if of_words else r"(?!)()()"
        self.pattern = twin(
            regex.compile(rf"^\W*(?:{noun}{_NUMBER}\s*{of}\s*{_NUMBER}|{bare})\W*$", PHRASE_FLAGS)
        )

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        # (Its numbers are digits: on ASCII text, ones the features counted.)
        if f.n_words > self.max_words or not (f.digit_ratio or not block.text.isascii()):
            return None
        m = self.pattern.match(f.folded)
        if m is None:
            return None
        numbers = [int(g) for g in m.groups() if g]
        if numbers[0] > numbers[1]:
            return None
        return f"an image gallery's counter ({quote(block.text)})"

    def line_gate(self) -> Gate:
        return (may_hold_digit(),)


class GalleryCaption(Rule):
    name = "gallery_caption"
    family = "media"
    description = (
        "The captions of an image gallery printed with their counters: lines opening "
        "with 'N of M' where several lines of the page share the same M ('1 of 4 A "
        "shopper looks at ...', '2 of 4 ...')."
    )
    kinds = frozenset({"text"})

    min_captions = Param(
        2,
        "A gallery has at least this many lines opening with 'N of M' for one M (a lone "
        "'1 of 3 Americans ...' is the article's sentence).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        of_words = _word_pattern(phrases, "gallery_of")
        self.pattern = (
            regex.compile(
                rf"^\W*(?P<n>\d{{1,4}})\s+{of_words}\s+(?P<total>\d{{1,4}})\s+\w",
                PHRASE_FLAGS,
            )
            if of_words
            else None
        )

    def apply(self, doc: Document) -> None:
        if self.pattern is None:
            return
        found: list[tuple[Block, int]] = []
        pattern = self.pattern
        # (A line opening with a letter opens with no number, nor holds one an ASCII line
        # without digits: the others picked in one comprehension, most lines.)
        for block in [
            b
            for b in doc.blocks
            if b.removal is None
            and ((f := b.features).digit_ratio or not f.folded.isascii())
            and not f.folded[:1].isalpha()
            and not b.pruned
        ]:
            m = pattern.match(block.features.folded)
            if m and int(m.group("n")) <= int(m.group("total")):
                found.append((block, int(m.group("total"))))
        per_total = Tally(total for _, total in found)
        for block, total in found:
            if per_total[total] >= self.min_captions:
                self.remove(
                    block,
                    f"a gallery caption ('N of {total}', {per_total[total]} lines)",
                )


class CaptionCredit(LineRule):
    name = "caption_credit"
    family = "media"
    description = (
        "An image caption: a line ending with a photo credit ('(AP Photo/Jane Doe)', "
        "'REUTERS/John Smith', 'Credit: NASA', 'Foto: dpa') or opening the way captions "
        "do ('FILE PHOTO:', 'In this May 4, 2019, file photo, ...')."
    )
    # On HTML captions are elements (caption markup); a credit there is the markup's.
    kinds = frozenset({"text"})
    words_bound = bound_by("max_words")

    max_words = Param(
        70,
        "A caption has at most this many words (a longer block ending in a credit is a "
        "paragraph that happens to, and stays).",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        credit = alternation(phrases.phrases("caption_credit"))
        lead = alternation(phrases.phrases("caption_lead"))
        # (Both patterns with their ``re`` twins, for the lines both engines read alike.)
        self.credit = twin(regex.compile(rf"{credit}[\s.]*$", PHRASE_FLAGS)) if credit else None
        # The credit pattern is searched from every place of the line: behind a test for
        # the punctuation or text every credit holds ('(', '/', ':' ...), it is searched
        # in about one line in ten. (Without such a gate it is always searched.)
        gate = required_literals(credit, symbols=True) if credit else None
        self.credit_gate: tuple[str, ...] | None = gate
        # A line past that test is searched only when it holds everything some credit
        # requires ('(', ')' and 'photo'; '/' and 'reuters' ...): a line with a colon or
        # brackets seldom does. (None: no such test.)
        self.credit_branches = branch_gate(credit) if credit else None
        self.lead = twin(regex.compile(rf"^\W*{lead}", PHRASE_FLAGS)) if lead else None
        # Likewise the caption openings: each holds one of its phrases' words, and
        # opens as one of them does (None: not known).
        self.lead_gate: tuple[str, ...] | None = required_literals(lead) if lead else None
        self.lead_opens = openings(phrases.phrases("caption_lead"))

    def for_page(self, doc: Document) -> Rule:
        # (A page may hold no line that ends with a credit, or opens as a caption does.)
        gates = (("credit_gate", "credit"), ("lead_gate", "lead"))
        return self.narrowed(doc, gates, self.max_words)

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.n_words > self.max_words:
            return None
        lead_gate, opens, folded = self.lead_gate, self.lead_opens, f.folded
        if (
            self.lead is not None
            and (
                # (Openings.admits, inline: this runs on most lines.)
                opens is None
                or not folded[:1].isalpha()
                or folded[:OPENING_CHARS] in opens.full
                or folded.startswith(opens.short)
            )
            and (lead_gate is None or any(map(f.folded.__contains__, lead_gate)))
            and (m := self.lead.match(f.folded))
        ):
            return f"an image caption: opens with {quote(m.group(0).strip())}"
        gate = self.credit_gate
        if (
            self.credit is not None
            and (gate is None or any(map(f.folded.__contains__, gate)))
            and holds_branch(f.folded, self.credit_branches)
            and (m := self.credit.search(f.folded))
        ):
            return f"an image caption: ends with the credit {quote(m.group(0).strip())}"
        return None

    def line_gate(self) -> Gate:
        return tuple(alternative for gate, _ in self.line_parts() for alternative in gate)

    def line_parts(self) -> tuple[tuple[Gate, str], ...]:
        # The opening and the credit apart: a line one gate admits is not searched for
        # the other (most lines past the credit's gate hold a colon or a bracket).
        found: list[tuple[Gate, str]] = []
        if self.lead is not None:
            lead = opens(self.lead_opens) + openings_edge(self.lead_opens)
            found.append(((lead + folded_holds(self.lead_gate),), "_lead"))
        if self.credit is not None:
            # (And what some credit requires in full: most lines past the literal gate
            # hold a colon or a bracket, and no credit's other strings.)
            gate = folded_holds(self.credit_gate) + branches(self.credit_branches)
            found.append(((gate,), "_credit"))
        return tuple(found)

    def _lead(self, block: Block, doc: Document) -> str | None:
        """``reason_for``'s caption opening alone (its gate tested by the run's)."""
        f = block.features
        if (
            f.n_words <= self.max_words
            and self.lead is not None
            and (m := self.lead.match(f.folded))
        ):
            return f"an image caption: opens with {quote(m.group(0).strip())}"
        return None

    def _credit(self, block: Block, doc: Document) -> str | None:
        """``reason_for``'s credit alone (its literal gate tested by the run's)."""
        f = block.features
        if (
            f.n_words <= self.max_words
            and self.credit is not None
            and holds_branch(f.folded, self.credit_branches)
            and (m := self.credit.search(f.folded))
        ):
            return f"an image caption: ends with the credit {quote(m.group(0).strip())}"
        return None


class CaptionToggle(Rule):
    name = "caption_toggle"
    family = "media"
    description = (
        "A caption printed with its expand and collapse buttons: a line, and next to it "
        "the same line cut short by an ellipsis and a button's word ('Jane Doe shakes "
        "hands with ... less', 'Jane Doe shakes hands ... more'); both copies go."
    )
    # On HTML the toggle's copies are elements the caption markup sees.
    kinds = frozenset({"text"})

    min_words = Param(
        6,
        "The shortened copy keeps at least this many words before its ellipsis (a short "
        "'Read ... more' beside a line is no copy of it).",
    )

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        # Each line's stem once (it depends on the line alone), not once per neighbour.
        # (Kept only where there is one: most lines have none. Every such ending holds
        # an ellipsis: a substring test here spares the call on most lines.)
        n = len(blocks)
        stems = {
            i: t
            for i, b in enumerate(blocks)
            if ("..." in b.text or "\u2026" in b.text) and (t := self._stem(b)) is not None
        }
        # Each line with a stem against its neighbours, in the order of a walk over the
        # pairs of neighbours (i - 1, i): at each i the line i's stem against the line
        # before, then the line before's stem against line i.
        pairs = sorted(
            [(s, 0, s, s - 1) for s in stems if s >= 1]
            + [(s + 1, 1, s, s + 1) for s in stems if s + 1 < n]
        )
        for _, _, s, other in pairs:
            short, full = blocks[s], blocks[other]
            if short.removal is not None and full.removal is not None:
                continue
            stem = stems[s]
            if not full.features.key.startswith(stem) or len(full.features.key) <= len(stem):
                continue
            reason = f"an image caption with its toggle: cut short at block {short.index}"
            for block in (full, short):
                if block.removal is None:
                    self.remove(block, reason)

    def _stem(self, block: Block) -> str | None:
        """The key of the line's words before a closing ellipsis and one word (None:
        no such ending, or too few words before it)."""
        text = block.text
        # (Every such ending holds an ellipsis: a substring test spares the search.)
        if "..." not in text and "\u2026" not in text:
            return None
        m = _TOGGLE_END.search(text)
        if m is None:
            return None
        stem = duplicate_key(text[: m.start()])
        return stem if len(stem.split()) >= self.min_words else None


#: A shortened line's end: an ellipsis, then one word (the toggle's 'more', 'mehr').
_TOGGLE_END = regex.compile(r"(?:\.{3}|…)\s*\w+\W*$")


RULES = (GalleryCounter, GalleryCaption, CaptionCredit, CaptionToggle)
