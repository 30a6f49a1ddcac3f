"""The end-of-article zone: about boxes, related lists, comments; and notices anywhere."""

from __future__ import annotations

import copy

import regex

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook, alternation
from ..phrases.compile import PHRASE_FLAGS, line_matcher, literal_trie, required_literals
from ..phrases.literals import branch_gate, holds_branch
from ..phrases.openings import Openings, openings
from ..phrases.trie_search import TwinPattern, twin
from .base import Document, LineRule, Rule, bound_by, quote
from .discussion import Discussion
from .gates import Gate, branches, folded_holds, tokens_any
from .navigation import ShareBar
from .params import Param
from .recurrence import Recurrence
from .trailer_boxes import BoxTest, HtmlBoxTest, InlineBoxParams, TextBoxTest
from .trailer_heads import HeadingGate
from .wrapped import WrappedHeading


class Notice(LineRule):
    name = "notice"
    family = "trailers"
    description = (
        "A short block carrying a cookie, consent, newsletter or copyright notice "
        "('We use cookies', 'Subscribe to our newsletter', '© 2024')."
    )
    words_bound = bound_by("max_words")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        _, self.triggers, patterns = phrases.gated_patterns("notice")
        # The literal phrases as a trie: the same matches as their alternation, faster
        # (and by ``re`` on most lines, where it finds the same: ``trie_search.twin``).
        literal = literal_trie(phrases.phrases("notice"))
        self.literal = twin(regex.compile(literal, PHRASE_FLAGS)) if literal else None
        self.patterns = twin(regex.compile(patterns, PHRASE_FLAGS)) if patterns else None
        # Text every pattern match contains one of ("cookies", "©", ...): a substring
        # test spares the search on almost every block. None: no gate, always search.
        self.pattern_gate = required_literals(patterns) if patterns else None
        # And past it, only a line holding everything some pattern requires ('sign up
        # for ' and 'newsletter') is searched.
        self.pattern_branches = branch_gate(patterns) if patterns else None
        self.max_words = config.notice_max_words

    def for_page(self, doc: Document) -> Rule:
        return self.narrowed(doc, (("pattern_gate", "patterns"),), self.max_words)

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.n_words > self.max_words:
            return None
        m = None
        if self.literal is not None and not self.triggers.isdisjoint(f.tokens):
            m = self.literal.search(f.folded)
        if m is None and self.patterns is not None:
            gate = self.pattern_gate
            if (gate is None or any(map(f.folded.__contains__, gate))) and holds_branch(
                f.folded, self.pattern_branches
            ):
                m = self.patterns.search(f.folded)
        if m:
            return f"a notice: contains {quote(m.group(0))}"
        return None

    def line_gate(self) -> Gate:
        found = []
        if self.literal is not None:
            found.append(tokens_any(self.triggers))
        if self.patterns is not None:
            found.append(folded_holds(self.pattern_gate) + branches(self.pattern_branches))
        return tuple(found)


_COMMENT_SECTION = "comment-section heading"


class TrailerZone(WrappedHeading, InlineBoxParams, Rule):
    name = "trailer_zone"
    family = "trailers"
    description = (
        "Everything from a trailer heading to the end of the page: a comment-section "
        "heading ('Comments', '34 responses to ...', 'Leave a reply'; text only, on HTML "
        "comments go by their markup) or a recommendation "
        "heading ('You may also like') once some prose lies above it, or another trailer "
        "heading ('About this blog', 'Related articles', 'Most read', or an author box's "
        "'About Jane Doe') once most of the page's prose lies above it, unless it opens a "
        "box inside the article's body with the article going on after it. On text, a "
        "comment heading over a discussion in full paragraphs that weighs as much as the "
        "article (a blog's replies, a forum thread: the posts are the content) cuts nothing, "
        "nor one right over several paragraphs in a row (a part of the article). "
        "Nor does a heading whose words (numbers aside) stand as a line several times, "
        "again further down with prose between: a label under each post of a blog's front "
        "page ('Comments (3)', 'Related posts:') or an entry of a paper's outline, not the "
        "page's end."
    )
    # A 'Comments' button in a share bar is no heading: the share bar's marks tell.
    requires = (ShareBar,)

    max_heading_words = Param(10, "A trailer heading has at most this many words.")
    max_comments_heading_words = Param(
        25, "Comment headings may quote the article's title ('34 responses to \"Title\"')."
    )
    max_author_name_words = Param(
        3, "An author box heading names one to this many capitalised words ('About Jane Doe')."
    )
    discussion_min_prose_share = Param(
        0.8,
        "On text, a comment heading cuts nothing when the discussion under it (to the "
        "page's last paragraph) is at least this share prose by characters: posts in full, "
        "few names, dates, vote counters and buttons between them ...",
    )
    discussion_min_article_share = Param(
        0.5,
        "... and holds at least this share of the prose above the heading: the posts are "
        "the page's content (a blog's replies, a forum thread), not a few readers' notes.",
    )

    comment_section_min_paragraphs = Param(
        4,
        "On text, a comment heading directly followed by this many paragraphs in a row "
        "heads a part of the article (the author's own 'Comments--'), not the readers': "
        "their posts open with a name, a date or a form.",
    )

    label_min_lines = Param(
        3,
        "A heading cuts nothing when its words (numbers aside) stand as a line at least "
        "this many times on the page, again after more prose: a label under each of "
        "several posts ('Comments (0)' ... 'Comments (7)'). Twice is a comment count by "
        "the byline and the comment section's own heading.",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.box_test: type[BoxTest] = TextBoxTest
        self.trailer = line_matcher(phrases.phrases("trailer_heading"))
        lead = alternation(phrases.phrases("author_heading"))
        self.author_lead = twin(regex.compile(rf"{lead}\s+", PHRASE_FLAGS)) if lead else None
        # The lead opens the heading: a line opening with a letter otherwise is turned
        # away by a set look-up, not a match (None: its openings are not known).
        self.author_opens = openings(phrases.phrases("author_heading"))
        self.strong = tuple(
            (what, matcher)
            for what, section in (
                (_COMMENT_SECTION, "comments_heading"),
                ("recommendation heading", "recommendation_heading"),
            )
            if (matcher := line_matcher(phrases.phrases(section))) is not None
        )
        # Whether a block without text (most of an HTML page's) can be a heading at all.
        matchers = (self.trailer, *(m for _, m in self.strong))
        self.empty_heading = any(m is not None and m.match("") for m in matchers)
        self.heads = HeadingGate(self)  # (which blocks to ask)

    def for_kind(self, kind: str) -> TrailerZone:
        # Whether a box inside the article goes on after a heading is told differently
        # on text and on HTML (see ``BoxTest``); the compiled phrases are shared.
        rule = copy.copy(self)
        rule.box_test = HtmlBoxTest if kind == "html" else TextBoxTest
        rule.wrapped_lines = kind != "html"
        if kind == "html":
            # On HTML the comment section is told by its markup (comments_markup). What
            # a page shows under a bare 'Comments' heading without such markup (an old
            # blog's replies, a forum thread) the benchmark sets' annotators keep far
            # more often than not, and a paper's 'Discussion' section is its own.
            rule.strong = tuple(s for s in self.strong if s[0] != _COMMENT_SECTION)
        rule.heads = HeadingGate(rule)
        return rule

    def apply(self, doc: Document) -> None:
        cfg = self.config
        prose = doc.prose_chars()  # (read, never changed)
        total = sum(prose)
        if not total:
            return
        needed = total * cfg.trailer_min_prose_share
        above = blocks_above = 0
        box = self.box_test(
            doc,
            prose,
            self.inline_box_max_lines,
            self.inline_box_resume_paragraphs,
            self.inline_box_last_paragraphs,
            self.inline_box_resume_within,
            self.inline_box_resumed_share,
        )
        shares = (self.discussion_min_prose_share, self.discussion_min_article_share)
        run = self.comment_section_min_paragraphs
        discussion = Discussion(doc, prose, *shares, run)  # (sums the page once a heading asks)
        recurs = Recurrence(doc, prose, self.max_comments_heading_words, self.label_min_lines)
        heads, order = self.heads.order(doc, prose)
        # Each matcher is asked only about the blocks its gate admits (a bit a gate, in
        # HeadingGate.gates' order): the strong ones, the trailer, the author.
        trailer = self.trailer
        blocks = doc.blocks
        trailer_bit = 1 << len(self.strong)
        author_bit = trailer_bit << 1
        for i in order:
            head = heads[i]
            # (Most blocks looked at are prose the rule counts, not headings.)
            if head and ((folded := (block := blocks[i]).features.folded) or self.empty_heading):
                n_words = block.features.n_words
                if (
                    blocks_above >= cfg.strong_trailer_min_prose_blocks
                    and above >= cfg.strong_trailer_min_prose_chars
                ):
                    for k, (what, matcher) in enumerate(self.strong):
                        if (
                            head >> k & 1
                            and matcher.match(folded)
                            and not _in_share_bar(doc.blocks, i)
                            and not (what == _COMMENT_SECTION and discussion.is_content(i, above))
                            and not recurs.after_prose(i)
                        ):
                            _cut(self, doc, i, what)
                            return
                # Whether the block is a trailer heading, asked once for both uses.
                what = None
                if n_words <= self.max_heading_words and (above >= needed or box.may_open(block)):
                    if head & trailer_bit and trailer is not None and trailer.match(folded):
                        what = "trailer heading"
                    elif head & author_bit and _is_author_heading(
                        self.author_lead, self.author_opens, self.max_author_name_words, block
                    ):
                        what = "author box heading"
                    if what is not None and self.goes_on_with_sentence(blocks, i):
                        what = None
                if (
                    what is not None
                    and above >= needed
                    and not box.article_resumes(i)
                    and not recurs.after_prose(i)
                ):
                    _cut(self, doc, i, what)
                    return
                if (
                    box.removes_box
                    and what is not None
                    and block.removal is None
                    and box.article_resumes(i)
                ):
                    # Wherever it stands, a heading opening a box inside the article
                    # goes with the box's lines; the article goes on after them.
                    _drop_box(self, doc, i, box.resumes_at(i))
            if chars := prose[i]:  # (else nothing to count, nor for the box test to pass)
                if blocks[i].removal is None:  # (no call a paragraph)
                    box.last_prose = i
                above, blocks_above = above + chars, blocks_above + 1


def _cut(rule: Rule, doc: Document, start: int, what: str) -> None:
    heading = doc.blocks[start]
    label = quote(heading.text)
    heading.remove(rule.name, rule.family, f"{what} {label}")
    reason = f"after the {what} {label} (block {heading.index})"
    rule.remove_all(doc.blocks[start + 1 :], reason)


def _drop_box(rule: Rule, doc: Document, start: int, end: int) -> None:
    heading = doc.blocks[start]
    label = quote(heading.text)
    span = f"blocks {start}-{end - 1}"
    rule.remove(heading, f"opens a box inside the article ({span}) {label}")
    reason = f"in the box {label} inside the article (block {start})"
    rule.remove_all(doc.blocks[start + 1 : end], reason)


def _is_author_heading(
    lead: TwinPattern | None, opens: Openings | None, max_name: int, block: Block
) -> bool:
    """'About' and a name: the lead words, then one to ``max_name`` capitalised words.
    ``opens`` (None: any) is the leads' openings, a set lookup before the regex."""
    f = block.features
    # ('About' and a name take two words at least.)
    if lead is None or f.ends_sentence or f.n_words <= 1:
        return False
    if opens is not None and not opens.admits(f.folded):
        return False
    m = lead.match(f.folded)
    if m is None:
        return False
    # Casefolding may change lengths ('ß' -> 'ss'): count words, not characters.
    name = block.text.split()[len(m.group(0).split()) :]
    return 0 < len(name) <= max_name and all(word[0].isupper() for word in name)


def _in_share_bar(blocks: list[Block], i: int) -> bool:
    """A 'Comments' button between 'Facebook' and 'Print' is not a section heading."""
    neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
    return any(b.removal is not None and b.removal.rule == ShareBar.name for b in neighbours)


RULES = (Notice, TrailerZone)
