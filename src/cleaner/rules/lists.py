"""Lines that make a list or a table of the article, on the text path.

An innerText dump prints a list or a table as short lines that read as no prose: a
listicle's numbered items, a recipe's ingredients, a product's specifications, a table's
rows (cells joined by tabs), a calendar or a standings table. The main content run
(``quality.MainContentRun``) lets such lines cost nothing, so that a list between two
stretches of the article, or next to it, stays with it, and a page that is only a list
is not cut down to its one paragraph of prose.

A line counts only inside a stretch of lines of the same shape: a menu line that happens
to open with a number, a single 'Tags: ...' line, are no list. The shapes (see
``line_shape``):

- ``numbered``: opening with numbers that count up by one (1, 2, 3 ...);
- ``table``: cells joined by tabs (how innerText prints a table row);
- ``date``: opening with a date in digits, after a weekday's short name at most
  ('THU 1/18/2007 New York', '2024-05-03 Choir', '03.05.2024 Probe');
- ``bullet``: opening with a bullet sign (``•``, ``▪``, ``*`` or a dash and a space);
- ``quantity``: opening with an amount and a word ('200 g flour', '2 cups milk',
  '½ Zitrone');
- ``field``: a short label, a colon and a value ('Weight: 1.2 kg', 'Prep time: 20 min').

A description list prints its term and its value on lines of their own ('Weight', then
'1.2 kg'): ``list_pairs.pair_lines`` finds those pairs, counted as shaped lines too.

The functions take their thresholds as arguments; the rule that calls them declares
them as its parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, count, pairwise
from typing import NamedTuple

from ..blocks import Block
from .base import Document
from .gates import Gate, may_hold_digit, opening, text_holds
from .list_pairs import pair_lines
from .params import Param

__all__ = [
    "LIST_LINES",
    "SHAPES",
    "ListRun",
    "Listed",
    "filled",
    "line_shape",
    "list_step",
    "numbered_lines",
    "record_lines",
    "shaped_lines",
]

#: ``Document.notes`` key: the indices of the shaped list lines (not the numbered ones:
#: a 'most read' box is numbered too) the main run took in (a frozenset), which the
#: menu rule leaves alone: a specification list or a table's rows read like a menu's
#: short Title-Case lines.
LIST_LINES = "list_lines"

#: The shapes of list lines other than numbered ones, in the order they are tried.
SHAPES = ("table", "date", "bullet", "quantity", "field")

_LEADING_NUMBER = re.compile(r"^\W{0,8}(\d{1,4})(?!\d)")
_WORD = re.compile(r"\w+")
#: How many words open an item (what tells a widget printed again from a list's items).
_OPENING_WORDS = 3
#: A date in digits (day, month and year in any order, or ISO), after a short word (a
#: weekday's short name) at most.
_DATE = re.compile(
    r"^(?:[^\W\d_]{2,4}\.?,?\s)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b"
)
_DIGIT = re.compile(r"\d")
#: A date's first digit comes within this many characters (after 'Thu., ').
_DATE_REACH = 8
#: The colon of a field comes within this many characters (a label of 40 at most).
_FIELD_REACH = 41
_BULLET_SIGNS = frozenset("•·▪▫‣⁃◦∙●○■□►▸▹➢➤✓✔☐☑→-–—*+")
_FRACTIONS = frozenset("½¼¾⅓⅔⅛")
#: A bullet sign, then the item (a dash or a star only with a space after it: '-5 °C'
#: and '*Update' are no items).
_BULLET = re.compile(r"^(?:[•·▪▫‣⁃◦∙●○■□►▸▹➢➤✓✔☐☑→]\s*|[-–—*+]\s+)\w")
#: An amount (a whole number, a decimal, a fraction, a range) and then a word.
_QUANTITY = re.compile(
    r"^(?:\d{1,4}(?:[.,/]\d{1,3})?\s?[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])"
    r"(?:\s?(?:-|–|to|bis|à|a|до)\s?\d{1,4}(?:[.,/]\d{1,3})?)?\s?[^\W\d_]"
)
#: A label (opening with a letter, no sentence inside it), a colon, a value ('Address:
#: ______' is a form's blank, no field).
_FIELD = re.compile(r"^([^\W\d_][^:.!?]{0,39}):\s+(?!__)\S")


def line_shape(text: str, field_max_words: int) -> str | None:
    """The list shape of one line (``SHAPES``), or None; a field's label has at most
    ``field_max_words`` words."""
    if "\t" in text.strip():  # two cells or more (no tab at either end of the line)
        return "table"
    # Cheap tests first: most lines open with a letter and have no colon near the start.
    first = text[:1]
    if _DIGIT.search(text, 0, _DATE_REACH) and _DATE.match(text):
        return "date"
    if first in _BULLET_SIGNS and _BULLET.match(text):
        return "bullet"
    if (first.isdigit() or first in _FRACTIONS) and _QUANTITY.match(text):
        return "quantity"
    m = _FIELD.match(text) if text.find(":", 0, _FIELD_REACH) > 0 else None
    if m and len(m.group(1).split()) <= field_max_words:
        return "field"
    return None


def numbered_lines(
    texts: Sequence[str], min_items: int, max_gap: int, at: Iterable[int] | None = None
) -> set[int]:
    """Positions of lines opening with numbers that count up by one, in sequences of at
    least ``min_items`` with at most ``max_gap`` other lines between two of them.
    ``at``: the positions that may open with a number, in order (None: every line)."""
    found: set[int] = set()
    run: list[int] = []
    expected = -1
    for i in range(len(texts)) if at is None else at:
        if run and i - run[-1] > max_gap + 1 and at is not None:  # (no number since)
            found.update(run if len(run) >= min_items else ())
            run, expected = [], -1
        m = _LEADING_NUMBER.match(texts[i])
        number = int(m.group(1)) if m else -1
        if run and number == expected and i - run[-1] <= max_gap + 1:
            run.append(i)
            expected += 1
            continue
        if number < 0 and run and i - run[-1] <= max_gap:
            continue
        if len(run) >= min_items:
            found.update(run)
        run, expected = ([i], number + 1) if number >= 0 else ([], -1)
    if len(run) >= min_items:
        found.update(run)
    return found


def shaped_lines(
    texts: Sequence[str],
    min_items: int,
    shape_max_gap: int,
    field_max_words: int,
    min_distinct_share: float,
    at: Iterable[int] | None = None,
) -> set[int]:
    """Positions of the lines of one shape (``line_shape``) in stretches of at least
    ``min_items`` with at most ``shape_max_gap`` other lines between two of them (a
    list's items are printed one after the other; a teaser list repeats its '3 comments'
    line every few lines). At least
    ``min_distinct_share`` of a stretch's items open with words of their own: items that
    all open alike are one widget printed again and again ('- Select a link -').
    ``at``: the positions that may have a shape, in order (None: every line)."""
    found: set[int] = set()

    def close(run: list[int]) -> None:
        openings = {tuple(_WORD.findall(texts[i])[:_OPENING_WORDS]) for i in run}
        if len(run) >= min_items and len(openings) >= min_distinct_share * len(run):
            found.update(run)

    last: dict[str, list[int]] = {}
    for i in range(len(texts)) if at is None else at:
        shape = line_shape(texts[i], field_max_words)
        if shape is None:
            continue
        run = last.setdefault(shape, [])
        if run and i - run[-1] > shape_max_gap + 1:
            close(run)
            run.clear()
        run.append(i)
    for run in last.values():
        close(run)
    return found


def filled(positions: set[int], max_gap: int, end: int) -> set[int]:
    """``positions`` and the lines between two of them at most ``max_gap`` lines apart:
    a list's items with the text printed under each (a listicle item's line, its link);
    and under the last item of such a stretch, as many lines as under the item that has
    the fewest (lines before ``end`` only)."""
    ordered = sorted(positions)
    out = set(positions)
    fewest = -1  # the fewest lines under an item of the current stretch (-1: no stretch)
    for a, b in pairwise(ordered):
        if b - a <= max_gap + 1:
            out.update(range(a + 1, b))
            fewest = b - a - 1 if fewest < 0 else min(fewest, b - a - 1)
        else:
            out.update(range(a + 1, min(a + 1 + max(fewest, 0), end)))
            fewest = -1
    if ordered:
        out.update(range(ordered[-1] + 1, min(ordered[-1] + 1 + max(fewest, 0), end)))
    return out


def record_lines(
    texts: Sequence[str],
    min_items: int,
    max_period: int,
    field_max_words: int,
    at: Iterable[int] | None = None,
) -> set[int]:
    """Positions of the lines of repeated records: a field label ('Location:', 'Fee:')
    opening at least ``min_items`` lines, at most ``max_period`` lines apart; the lines
    from its first to its last record are the list's (a directory, a course list).
    ``at``: the positions of the lines holding a colon, in order (None: every line)."""
    seen: dict[str, list[int]] = {}
    for i in range(len(texts)) if at is None else at:
        text = texts[i]
        m = _FIELD.match(text) if text.find(":", 0, _FIELD_REACH) > 0 else None
        if m and len(m.group(1).split()) <= field_max_words:
            seen.setdefault(m.group(1).casefold(), []).append(i)
    found: set[int] = set()
    for places in seen.values():
        run = [places[0]]
        for a, b in pairwise(places):
            if b - a > max_period:
                if len(run) >= min_items:
                    found.update(range(run[0], run[-1] + 1))
                run = []
            run.append(b)
        if len(run) >= min_items:
            found.update(range(run[0], run[-1] + 1))
    return found


#: Gates (``gates``) of lines that may have a shape, open with a number, hold a field.
LIST_GATES: tuple[Gate, ...] = (
    (opening(), may_hold_digit(), text_holds(("\t", ":"))),
    (may_hold_digit(),),
    (text_holds((":",)),),
)


#: Removals that head a page's box (a menu or chrome heading, a trailer, an ad label): a
#: list after one is the box's, not the article's.
_BOX_HEAD_FAMILIES = frozenset({"navigation", "trailers", "ads"})


def list_step(
    doc: Document,
    kept: Sequence[Block],
    listed: set[int],
    edge: int,
    way: int,
    bridge: int,
    heading_like: Callable[[Block], bool],
    items: int = 0,
    item_like: Callable[[Block], bool] | None = None,
) -> int:
    """How many lines from the run's ``edge`` (``way``: 1 after it, -1 before it) the run
    may reach to take in the next list line of ``listed``: over at most ``bridge``
    heading-like lines ('Ingredients') and at most ``items`` item-like ones (a bullet
    list innerText printed without its bullets), never over a line a page-box rule
    removed ('Contact', 'Most read'); 0: none."""
    headings = crossed = 0
    for n in range(1, bridge + items + 2):
        at = edge + way * n
        if not 0 <= at < len(kept):
            return 0
        if at in listed:
            lo, hi = sorted((kept[edge].index, kept[at].index))
            boxed = any(
                b.removal is not None and b.removal.family in _BOX_HEAD_FAMILIES
                for b in doc.blocks[lo + 1 : hi]
            )
            return 0 if boxed else n
        if item_like is not None and crossed < items and item_like(kept[at]):
            crossed += 1
        elif headings < bridge and heading_like(kept[at]):
            headings += 1
        else:
            return 0
    return 0


class Listed(NamedTuple):
    """The list lines of a page's kept lines (positions in them)."""

    items: set[int]  # every item: numbered and shaped
    counted: set[int]  # the numbered items
    shaped: set[int]  # the items of the other shapes
    free: set[int]  # what costs nothing: items, the lines between them, records


class ListRun:
    """The main content run's parameters and steps for lists and tables (a mixin of
    ``quality.MainContentRun``: the rule declares these thresholds)."""

    list_min_items = Param(
        4,
        "Lines opening with numbers that count up by one (1, 2, 3 ...: a numbered list, "
        "a table's rows, a calendar), or lines of one list shape (table rows, bullets, "
        "amounts, 'Label: value' fields; see rules/lists.py) cost nothing in the run "
        "(their prose still counts) from this many on ...",
    )
    list_max_gap = Param(
        3, "... with at most this many other lines between two of them (an item's text)."
    )
    list_item_score = Param(
        6.0,
        "A line of a numbered list scores this much (a word of prose) rather than nothing: "
        "a long chart, league table or listicle weighs like prose and draws the run to "
        "itself over a line or two of page chrome. Lines of the other shapes only cost "
        "nothing (a bullet menu is shaped like a list).",
    )
    shape_max_gap = Param(
        1,
        "Lines of one list shape (not numbered) make a list only with at most this many "
        "other lines between two of them: items follow each other (a wrapped item takes "
        "two lines), a teaser list's '3 comments' lines come every few lines.",
    )
    list_min_distinct_share = Param(
        0.5,
        "Lines of one list shape make a list only when at least this share of them open "
        "with words of their own (not '- Select a link -' printed under each heading).",
    )
    record_max_period = Param(
        8,
        "A field label ('Location:', 'Fee:') opening list_min_items lines or more, at most "
        "this many lines apart, makes repeated records (a directory, a course list): the "
        "lines from the first record to the last cost nothing.",
    )
    field_max_words = Param(
        3,
        "A 'Label: value' line is a field of a specification list when its label has at "
        "most this many words (a longer one is a sentence with a colon).",
    )
    pair_value_max_words = Param(
        12,
        "A term line (at most field_max_words words, no digit, no sentence end) and the "
        "line after it make a pair of a specification list when that line has at most "
        "this many words, and a number or more words than the term (list_min_items pairs "
        "one after the other: see rules/list_pairs.py).",
    )
    pair_min_number_share = Param(
        0.5,
        "... and when at least this share of the pairs' values hold a number (sizes, "
        "weights, years: a menu's alternating entries hold none).",
    )
    list_bridge_lines = Param(
        1,
        "A list or table this many short lines away from the run's edge is still the "
        "article's: its heading ('Ingredients', 'Specifications') sits between them.",
    )

    list_bridge_items = Param(
        6,
        "... and over at most this many item-like lines as well (sentence-case phrases "
        "with function words, no sentence end: a product's feature bullets, which "
        "innerText prints without their bullets, between its description and its "
        "specification table).",
    )

    _list_plan: object = None  # (``LIST_GATES``' compiled plan, built by a page)

    def list_lines(self, kept: Sequence[Block]) -> Listed:
        texts, at = [b.text for b in kept], self._list_candidates(kept)
        shaped = shaped_lines(
            texts,
            self.list_min_items,
            self.shape_max_gap,
            self.field_max_words,
            self.list_min_distinct_share,
            at[0],
        )
        # A description list's term and value lines, as many pairs as items.
        shaped |= pair_lines(
            kept,
            self.list_min_items,
            self.field_max_words,
            self.pair_value_max_words,
            self.pair_min_number_share,
        )
        counted = numbered_lines(texts, self.list_min_items, self.list_max_gap, at[1])
        # The items and the lines between them (an item's text, its link) cost nothing.
        n = len(kept)
        free = filled(counted, self.list_max_gap, n) | filled(shaped, self.shape_max_gap, n)
        free |= record_lines(
            texts, self.list_min_items, self.record_max_period, self.field_max_words, at[2]
        )
        return Listed(shaped | counted, counted, shaped, free)

    def _list_candidates(self, kept: Sequence[Block]) -> tuple[Iterable[int] | None, ...]:
        """Where each of ``LIST_GATES`` admits, lazily (one compiled pass; None: all)."""
        from ..frontends.html.compiled import compiled_features  # (it imports rules)

        twins = compiled_features()
        if twins is None:
            return (None, None, None)
        if self._list_plan is None:
            self._list_plan = twins.line_gate_plan(LIST_GATES, (-1,) * len(LIST_GATES))
        masks = memoryview(twins.line_gate_masks(self._list_plan, list(kept))).cast("q")
        return tuple(compress(count(), map((1 << r).__and__, masks)) for r in range(3))

    def score_lists(self, scores: list[float], listed: Listed) -> None:
        """Lines of lists cost nothing in the run; a numbered item scores a little."""
        for i in listed.free:
            scores[i] = max(scores[i], self.list_item_score if i in listed.counted else 0.0)

    def take_lists(
        self,
        doc: Document,
        kept: Sequence[Block],
        free: set[int],
        start: int,
        end: int,
        heading_like: Callable[[Block], bool],
        item_like: Callable[[Block], bool] | None = None,
    ) -> tuple[int, int]:
        """The run's edges moved over the list lines next to them (see ``list_step``)."""
        bridge, items = self.list_bridge_lines, self.list_bridge_items
        while (
            step := list_step(doc, kept, free, end, 1, bridge, heading_like, items, item_like)
        ) > 0:
            end += step
        # Back over headings only: item-like lines before the run are a home page's
        # teaser headlines more often than the article's list.
        while (step := list_step(doc, kept, free, start, -1, bridge, heading_like)) > 0:
            start -= step
        return start, end
