"""Navigation and page chrome: banners, menus, breadcrumbs, share bars, counters."""

from __future__ import annotations

import re
from itertools import compress

import regex

from ..blocks import Block
from ..config import Config
from ..features import words_of
from ..phrases import PhraseBook
from ..phrases.compile import PHRASE_FLAGS
from ..phrases.openings import openings
from ..phrases.trie_search import twin
from .base import Document, LineRule, Rule, bound_by, quote
from .code_lines import bare_line
from .gates import (
    NEVER,
    Gate,
    folded_holds,
    max_chars,
    may_hold_digit,
    no_sentence_end,
    opening,
    opens,
    text_holds,
    tokens_all,
)
from .lists import LIST_LINES
from .menu_lists import RunLists
from .params import Param
from .whole_line import WholeLinePhraseRule


class ChromePhrase(WholeLinePhraseRule):
    name = "chrome_phrase"
    family = "navigation"
    description = (
        "A short block that is only a page-chrome phrase: a banner ('Breaking News'), "
        "a button ('Load more', 'Read more', 'Show comments'), a menu entry."
    )
    section = "chrome"
    what = "a page-chrome phrase"


class RelatedLink(LineRule):
    name = "related_link"
    family = "navigation"
    description = (
        "A link to another story set in the article: a 'Read also' lead, a colon and the "
        "story's headline ('Read also: Parliament Votes On Fuel Prices'), one sentence at most."
    )
    words_bound = bound_by("max_words")

    max_words = Param(
        20,
        "A lead and its headline have at most this many words: a headline runs longer in "
        "French or Spanish than in English, past what a chrome phrase may hold.",
    )
    #: Inside the headline, a sentence end followed by more words: the line is prose
    #: that happens to open with the lead's words ('See also: the 2019 report. It ...').
    _SENTENCE_BREAK = regex.compile(r"[.!?…;]\s+\w")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        leads = phrases.pattern("related_lead")
        # (With its ``re`` twin, for the lines both engines read alike.)
        self.pattern = twin(regex.compile(rf"^\W*{leads}\s*:", PHRASE_FLAGS)) if leads else None
        # A line opening with a letter as no lead does is no link (None: any).
        self.opens = openings(phrases.phrases("related_lead"))

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if self.pattern is None or f.n_words > self.max_words:
            return None
        folded = f.folded
        if ":" not in folded or (self.opens is not None and not self.opens.admits(folded)):
            return None  # no colon (most lines), or no lead's opening
        m = self.pattern.match(folded)
        if m is None or self._SENTENCE_BREAK.search(folded, m.end()):
            return None
        return f"a link to another story ({quote(block.text)})"

    def line_gate(self) -> Gate:
        return NEVER if self.pattern is None else (folded_holds((":",)) + opens(self.opens),)


class ShareBar(LineRule):
    name = "share_bar"
    family = "navigation"
    description = "A block made only of share/follow words and network names."
    words_bound = bound_by("max_words")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.words = phrases.words("chrome_words")
        self.max_words = config.chrome_max_words

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if not 0 < f.n_words <= self.max_words:
            return None
        if self.words.issuperset(f.tokens):
            return f"only share/follow words ({quote(block.text)})"
        return None

    def line_gate(self) -> Gate:
        return (tokens_all(self.words),)


class ShareCluster(Rule):
    name = "share_cluster"
    family = "navigation"
    description = (
        "The other buttons of a share bar: short lines among the network names share_bar "
        "removed ('Send to a friend', 'Print version' between 'Facebook' and 'WhatsApp'), "
        "or hanging on them with no blank line between (on a dump without blank lines, the "
        "one line at each edge), and a row of one line that is mostly share words ('Pass it "
        "on Email Twitter')."
    )
    # Text only: on HTML a share bar is an element (the share class hints prune it).
    kinds = frozenset({"text"})
    requires = (ShareBar,)

    max_words = Param(
        4, "A share bar's other button has at most this many words and no sentence end."
    )
    min_shares = Param(
        2,
        "A cluster holds at least this many lines share_bar removed; a one-line row at "
        "least this many share words ...",
    )
    row_min_share = Param(
        0.5,
        "... making up at least this share of its words (a headline naming two networks "
        "has more words of its own) ...",
    )
    row_max_words = Param(10, "... in at most this many words, with no sentence end.")
    row_min_letters = Param(
        4,
        "A row's share words count toward min_shares from this many letters on: 'x', "
        "'on', 'par' or the 'e' of 'e-mail' name no network or button.",
    )
    tight_min_shares = Param(
        1,
        "A tight cluster, its lines with no blank line between them on a page that has "
        "blank lines, holds at least this many lines share_bar removed: a bar printed as "
        "one list ('Pass it on', 'Facebook', 'Print version'); apart, short lines may be "
        "the article's.",
    )
    dense_edge_lines = Param(
        1,
        "On a dump without blank lines, the bar takes at most this many button lines at "
        "each edge ('Send to a friend' above 'Facebook'): nothing tells a button from a "
        "sub-heading further out.",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.words = phrases.words("chrome_words")

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        row_max = self.row_max_words
        max_words = self.max_words
        # (No share word: no row, most lines; one test in C, without a call.)
        words = self.words if self.min_shares > 0 else None
        # The rows, then the share lines (share_bar's or this rule's); members of a cluster
        # (those, or short kept lines ending no sentence: buttons) asked next to them only.
        rows = [
            block
            for block in blocks
            if block.removal is None
            and not block.pruned
            and 0 < (f := block.features).n_words <= row_max
            and not f.ends_sentence
            and (words is None or not words.isdisjoint(f.tokens))
        ]
        for block in rows:
            if self._row(block):
                self.remove(block, f"a share row: mostly share words ({quote(block.text)})")
        names = (ShareBar.name, ShareCluster.name)
        share = [(r := block.removal) is not None and r.rule in names for block in blocks]
        if True not in share:
            return

        def member(k: int) -> bool:
            if share[k]:
                return True
            block = blocks[k]
            removal = block.removal
            if removal is not None:  # (a button a cluster below took was a member)
                return removal.rule == ShareCluster.name
            f = block.features
            return not block.pruned and 0 < f.n_words <= max_words and not f.ends_sentence

        # Clusters: consecutive members holding a share line, found from their first.
        uses_gaps = any(b.gap_before for b in blocks[1:])
        n, j = len(blocks), 0
        for at in compress(range(n), share):
            if at < j:
                continue  # (in the cluster just done)
            i = at
            while i > 0 and member(i - 1):
                i -= 1
            j = at + 1
            while j < n and member(j):
                j += 1
            self._cluster(blocks, share, i, j, uses_gaps)

    def _cluster(self, blocks: list[Block], share: list[bool], i: int, j: int, gaps: bool) -> None:
        """The buttons of the cluster of lines ``i`` to ``j`` (past the last), of shares."""
        shares = [k for k in range(i, j) if share[k]]
        tight = gaps and not any(blocks[k].gap_before for k in range(i + 1, j))
        if len(shares) >= (self.tight_min_shares if tight else self.min_shares):
            first, last = shares[0], shares[-1]
            reach = self.dense_edge_lines
            for k in range(i, j):
                b = blocks[k]
                if share[k]:
                    continue
                # Between two share lines it is the bar's; at its edge only when it
                # hangs on the bar with no blank line between (else: a sub-heading),
                # or, in a dump without blank lines, when it touches the bar.
                inside = first < k < last
                above = k < first and all(not blocks[m].gap_before for m in range(k + 1, first + 1))
                below = k > last and all(not blocks[m].gap_before for m in range(last + 1, k + 1))
                edge = first - reach <= k <= last + reach
                if inside or (above or below if gaps else edge):
                    self.remove(b, f"a button of the share bar around block {first}")

    def _row(self, block: Block) -> bool:
        """A short line holding a share word (``apply`` tests both) that is a row."""
        f = block.features
        shared = [w for w in f.tokens if w in self.words]
        if len(shared) == len(f.tokens):
            return False  # only share words: share_bar's (disabling it keeps them)
        # Distinct words of four letters or more: 'x', 'on', 'par' or an 'e' of 'e-mail'
        # are share words too short to name a network or a button.
        named = {w for w in shared if len(w) >= self.row_min_letters}
        return len(named) >= self.min_shares and len(shared) >= self.row_min_share * len(f.tokens)


class Counter(LineRule):
    name = "counter"
    family = "navigation"
    description = (
        "A counter ('3 comments', '12K views', 'Comments (4)') or a bare number; on an "
        "HTML page, not a number in a table's cell, which is the table's data."
    )
    words_bound = bound_by("max_words")

    max_words = Param(4, "A counter has at most this many words: '12K views', 'Comments (4)'.")
    max_bare_chars = Param(
        12, "A line of numbers and symbols only ('1 2 3 … 10', '12/03') is this short."
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        nouns = "|".join(sorted(phrases.words("counter_nouns"), key=len, reverse=True))
        # Possessive runs (*+): what follows each run can never start with a character
        # the run takes, so giving characters back cannot help; it only made runs of
        # punctuation or digit separators cost a noun-alternation attempt per character.
        number = r"\d[\d.,]*+\s*+[kKmM]?\+?"
        # (Each with its ``re`` twin, for the lines both engines read alike.)
        self.pattern = twin(
            regex.compile(
                rf"^\W*+(?:{number}\s*+(?:{nouns})|(?:{nouns})\W*+{number})\W*+$", PHRASE_FLAGS
            )
        )
        self.bare = twin(regex.compile(bare_line(self.max_bare_chars), PHRASE_FLAGS))
        # A counter opens with a number or a noun (when they are all plain words, the
        # letters they open with; else None: any), a bare line with no letter.
        words = phrases.words("counter_nouns")
        self.opens = frozenset(w[:1] for w in words) if all(map(str.isalpha, words)) else None

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.n_words > self.max_words:
            return None
        first = f.folded[:1]
        if self.opens is not None and first not in self.opens and first.isalpha():
            return None
        # A counter holds a digit: on ASCII text, one the features counted (the pattern
        # is tried on any other text, whose digits may be of other scripts).
        if (f.digit_ratio or not block.text.isascii()) and self.pattern.match(f.folded):
            return f"a counter ({quote(block.text)})"
        if f.n_chars <= self.max_bare_chars and self.bare.match(block.text):
            if _in_table_cell(block, doc) and any(ch.isdigit() for ch in block.text):
                return None  # a table's figure; a cell of bars or dashes is a separator
            return f"no letters, only numbers or symbols ({quote(block.text)})"
        return None

    def line_gate(self) -> Gate:
        first = () if self.opens is None else opening(self.opens)
        # A bare line has no letter: none opening with a-z (opening() admits no such
        # line; a casefolded a-z comes of a letter only).
        return (first + may_hold_digit(), opening() + max_chars(self.max_bare_chars))


#: The cells of a table (``<td>``, ``<th>``).
_CELLS = frozenset({"td", "th"})


def _in_table_cell(block: Block, doc: Document) -> bool:
    """Whether an HTML block is a table's cell or the one element inside it: a number
    there is the table's data (an amount, a score, a year, a row's figure in a table of
    statistics or a version table), not a pager or a counter. (The text path has no
    elements: False.)"""
    el = doc.elements
    if el is None or block.element <= 0:
        return False
    tag = el.tag
    return tag[block.element] in _CELLS or tag[el.parent[block.element]] in _CELLS


class Breadcrumb(LineRule):
    name = "breadcrumb"
    family = "navigation"
    description = "A breadcrumb trail: short items joined by '>', '›', '»', '/' or '|'."
    words_bound = bound_by("max_words")

    # Only try to start where a white-space run starts (or where the previous match
    # ended, \G): starting inside a run rescans it, quadratic on long runs of spaces.
    _SEPARATOR = regex.compile(r"(?:\G|(?<!\s))(?:\s+[>›»/|→·•]\s+|\s*[›»→]\s*)")
    #: Every separator holds one of these: a line without any is one item, unsplit.
    #: (One scan by ``re``: a set look-up a character cost ten times as much.)
    _SEPARATOR_CHAR = re.compile("[>›»/|→·•]")
    max_words = Param(15, "A breadcrumb trail has at most this many words in all ...")
    min_items = Param(3, "... and at least this many items ...")
    max_item_words = Param(5, "... each of at most this many words.")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.ends_sentence or f.n_words > self.max_words:
            return None
        text = block.text
        if (
            # (On ASCII text the separators are '>', '/' and '|': three scans in C are
            # cheaper than the search, on most lines.)
            text.isascii() and "/" not in text and ">" not in text and "|" not in text
        ) or self._SEPARATOR_CHAR.search(text) is None:
            if self.min_items > 1:
                return None  # one item
            pieces = [text]
        else:
            pieces = self._SEPARATOR.split(text)
        parts = [p for p in pieces if p.strip()]
        if len(parts) >= self.min_items and all(
            len(words_of(p)) <= self.max_item_words for p in parts
        ):
            return f"a breadcrumb or link row of {len(parts)} items ({quote(block.text)})"
        return None

    def line_gate(self) -> Gate:
        # (With one item allowed, a line without a separator may be a trail.)
        separated = text_holds(tuple(">›»/|→·•")) if self.min_items > 1 else ()
        return (no_sentence_end() + separated,)


class MenuRun(RunLists, Rule):
    name = "menu_run"
    family = "navigation"
    description = (
        "A run of consecutive short title-case lines without sentence punctuation: a menu "
        "(text input; on HTML the markup tells menus)."
    )
    # On HTML markup tells menus (navigation landmarks and classes, link_dense); short
    # plain lines left inside the article are its own list.
    kinds = frozenset({"text"})

    min_title_ratio = Param(0.5, "A menu line has at least this share of capitalised words ...")
    max_stopword_ratio = Param(0.25, "... and at most this share of stop words.")

    def apply(self, doc: Document) -> None:
        # The main run's list lines are the article's list, however menu-like they read.
        listed = doc.notes.get(LIST_LINES) or frozenset()
        run: list[Block] = []
        for block in [*doc.kept(), None]:
            if block is not None and block.index not in listed and self._menu_like(block):
                run.append(block)
                continue
            if run and len(run) >= self.menu_min_lines(doc, run):
                self.remove_all(run, f"one of {len(run)} consecutive menu-like short lines")
            run = []

    def _menu_like(self, block: Block) -> bool:
        f = block.features
        return (
            0 < f.n_words <= self.config.menu_max_words
            and not f.ends_sentence
            and f.title_ratio >= self.min_title_ratio
            and f.stopword_ratio <= self.max_stopword_ratio
        )


RULES = (ChromePhrase, RelatedLink, ShareBar, Counter, Breadcrumb, ShareCluster)
LATE_RULES = (MenuRun,)
