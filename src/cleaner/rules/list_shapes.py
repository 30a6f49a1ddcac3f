"""The shapes of list lines on the text path, and the steps that find a stretch of them.

``lists`` (the main content run's list steps) explains what the shapes are for; this
module only says which lines have one: ``line_shape`` for one line, ``numbered_lines``,
``shaped_lines`` and ``record_lines`` for the stretches of a page's kept lines, and
``list_scan``, which tells which lines those steps need to look at. The
functions take their thresholds as arguments; the rule that calls them declares them as
its parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from .run_scores import compiled_twins

__all__ = [
    "SHAPES",
    "filled",
    "line_shape",
    "list_scan",
    "numbered_lines",
    "py_list_scan",
    "record_lines",
    "shaped_lines",
]

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
#: A leading number's first digit comes within this many characters (``_LEADING_NUMBER``).
_NUMBER_REACH = 9
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
    if "\t" in text and "\t" in text.strip():  # two cells or more (none at either end)
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
    shapes: Iterable[tuple[int, str]] | None = None,
) -> set[int]:
    """Positions of the lines of one shape (``line_shape``) in stretches of at least
    ``min_items`` with at most ``shape_max_gap`` other lines between two of them (a
    list's items are printed one after the other; a teaser list repeats its '3 comments'
    line every few lines). At least
    ``min_distinct_share`` of a stretch's items open with words of their own: items that
    all open alike are one widget printed again and again ('- Select a link -').
    ``at``: the positions that may have a shape, in order (None: every line);
    ``shapes``: the lines' shapes already found, (position, shape) in order (``list_scan``)."""
    found: set[int] = set()

    def close(run: list[int]) -> None:
        if len(run) < min_items:
            return  # (most stretches: no list, and no openings to read)
        openings = {tuple(_WORD.findall(texts[i])[:_OPENING_WORDS]) for i in run}
        if len(openings) >= min_distinct_share * len(run):
            found.update(run)

    if shapes is None:
        lines = range(len(texts)) if at is None else at
        shapes = [(i, s) for i in lines if (s := line_shape(texts[i], field_max_words))]
    last: dict[str, list[int]] = {}
    for i, shape in shapes:
        run = last.setdefault(shape, [])
        if run and i - run[-1] > shape_max_gap + 1:
            close(run)
            run.clear()
        run.append(i)
    for run in last.values():
        close(run)
    return found


def list_scan(
    texts: list[str], field_max_words: int
) -> tuple[list[tuple[int, str]], list[int], list[int]]:
    """``py_list_scan``, by its compiled twin (``_clistscan.pxi``) where it is used."""
    twins = compiled_twins()
    if twins is None:
        return py_list_scan(texts, field_max_words)
    return twins.ls_list_scan(  # type: ignore[no-any-return]
        texts,
        field_max_words,
        SHAPES,
        (_DATE.match, _BULLET.match, _QUANTITY.match, _FIELD.match),
        "".join(sorted(_BULLET_SIGNS)),
        "".join(sorted(_FRACTIONS)),
        _DATE_REACH,
        _FIELD_REACH,
        _NUMBER_REACH,
    )


def py_list_scan(
    texts: Sequence[str], field_max_words: int
) -> tuple[list[tuple[int, str]], list[int], list[int]]:
    """In one pass over a page's lines: each line's shape where it has one (position,
    shape), the positions of the lines that may open with a number (a digit, or a
    character past ASCII, before any ASCII letter within ``_NUMBER_REACH``
    characters: what ``numbered_lines`` reads) and of those whose first colon comes
    after the first character and within ``_FIELD_REACH`` (``record_lines``)."""
    found: list[tuple[int, str]] = []
    numbers: list[int] = []
    colons: list[int] = []
    for i, text in enumerate(texts):
        if text.find(":", 0, _FIELD_REACH) > 0:
            colons.append(i)
        for ch in text[:_NUMBER_REACH]:
            if not ch.isascii() or ch.isdigit():
                numbers.append(i)
                break
            if ch.isalpha() or ch == "_":
                break
        shape = line_shape(text, field_max_words)
        if shape is not None:
            found.append((i, shape))
    return found, numbers, colons


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
