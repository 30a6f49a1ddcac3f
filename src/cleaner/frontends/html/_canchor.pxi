# The prose anchor's arithmetic after the walk, in C (included by ``_cwalk.pyx``, after
# ``_cnew.pxi``, whose checked block layout it reads): the twins of the prose values
# ``anchor.find_anchor`` takes of every block (``anchor.prose_value``) and of its votes
# (``anchor.prose_votes``). A page has a few hundred blocks and elements, and the Python
# spends its time in a call and a dozen attribute reads a block, not in arithmetic. The
# sums are made in the same order with the same doubles, so the floats are the same;
# ``anchor.py`` stays the reference, and what this cannot read plainly (a block kind
# that is no ``BlockKind`` member, a negative base of the link power) it asks of it.
# The equality tests compare both on generated blocks and on every benchmark page.

from libc.math cimport pow as _anc_pow, isfinite as _anc_finite
from cpython.array cimport array as _anc_array, clone as _anc_clone

from ...blocks import BlockKind as _AncKind
from ...rules.anchor import prose_value as _py_prose_value

cdef object _ANC_PARAGRAPH = _AncKind.PARAGRAPH
cdef object _ANC_QUOTE = _AncKind.QUOTE
cdef object _ANC_ITEM = _AncKind.LIST_ITEM
cdef object _ANC_HEADING = _AncKind.HEADING
cdef tuple _ANC_OTHER_KINDS = tuple(
    k for k in _AncKind if k not in (_ANC_PARAGRAPH, _ANC_QUOTE, _ANC_ITEM, _ANC_HEADING)
)
cdef object _ANC_ZERO = 0.0
cdef _anc_array _ANC_DOUBLES = _anc_array("d")


cdef inline object _anc_field(object block, Py_ssize_t offset, str name):
    """A block's field: read off its slot where the layout is checked (``_cnew.pxi``)."""
    cdef PyObject *value
    if _BLOCK.usable:
        value = (<PyObject **> ((<char *> <PyObject *> block) + offset))[0]
        if value != NULL:
            return <object> value
    return getattr(block, name)


cdef inline bint _anc_closes(Py_UCS4 c) noexcept:
    """Whether ``c`` is one of the marks ending a sentence in ``prose_value``."""
    return c in u".!?…:;\"'”’»)。！？"


cdef bint _anc_truncated(str text, Py_ssize_t m):
    """Whether ``text[:m]`` ends with one of ``anchor._TRUNCATION_MARKS``."""
    cdef Py_UCS4 last = text[m - 1], opening
    if last == u"…":
        return True
    if last == u".":
        return m >= 3 and text[m - 2] == u"." and text[m - 3] == u"."
    if last == u"]" or last == u")":
        opening = u"[" if last == u"]" else u"("
        if m >= 3 and text[m - 2] == u"…" and text[m - 3] == opening:
            return True
        return (
            m >= 5 and text[m - 2] == u"." and text[m - 3] == u"." and text[m - 4] == u"."
            and text[m - 5] == opening
        )
    return False


cdef class _AncConfig:
    """The thresholds ``prose_value`` reads, read off a ``Config`` once a page."""

    cdef double min_chars, word_chars, heading_words, cost, unpunctuated
    cdef object exponent
    cdef double exponent_c
    cdef bint plain_exponent

    def __init__(self, config):
        self.min_chars = config.html_prose_min_chars
        self.word_chars = config.html_prose_min_word_chars
        self.heading_words = config.html_heading_paragraph_words
        self.cost = config.html_prose_block_cost
        self.unpunctuated = config.html_prose_unpunctuated_weight
        self.exponent = config.html_prose_link_exponent
        self.plain_exponent = type(self.exponent) is int or type(self.exponent) is float
        self.exponent_c = self.exponent if self.plain_exponent else 0.0


cdef object _anc_value(object block, _AncConfig c, object config):
    """``prose_value(block, config)`` (``block`` not pruned)."""
    kind = _anc_field(block, _B_KIND, "kind")
    text = _anc_field(block, _B_TEXT, "text")
    if type(text) is not str:
        return _py_prose_value(block, config)
    cdef str s = <str> text
    cdef Py_ssize_t n = len(s), i, spaces = 0, m
    for i in range(n):
        if s[i] == u" ":
            spaces += 1
    if kind is _ANC_PARAGRAPH or kind is _ANC_QUOTE or kind is _ANC_ITEM:
        pass
    elif kind is _ANC_HEADING:
        if not (spaces + 1 >= c.heading_words):
            return _ANC_ZERO
    elif any(kind is other for other in _ANC_OTHER_KINDS):
        return _ANC_ZERO
    else:
        return _py_prose_value(block, config)  # (a kind no member is: Python's tests)
    if n < c.min_chars:
        return _ANC_ZERO
    if n < c.word_chars * (spaces + 1):
        return _ANC_ZERO
    m = n  # (``text.rstrip()``'s length)
    while m > 0 and Py_UNICODE_ISSPACE(s[m - 1]):
        m -= 1
    if m > 0 and _anc_truncated(s, m):
        return _ANC_ZERO
    density = _anc_field(block, _B_DENSITY, "link_density")
    cdef double base, value
    if type(density) is float and c.plain_exponent:
        base = 1.0 - <double> density
        if not (base > 0.0 and _anc_finite(base) and _anc_finite(c.exponent_c)):
            return _py_prose_value(block, config)
        value = (n - c.cost) * _anc_pow(base, c.exponent_c)
    else:
        return _py_prose_value(block, config)
    if m > 0 and not _anc_closes(s[m - 1]):
        value *= c.unpunctuated
    return value


def anchor_values(list blocks not None, config):
    """``[0.0 if b.pruned else prose_value(b, config) for b in blocks]``."""
    cdef _AncConfig c = _AncConfig(config)
    cdef Py_ssize_t i, n = len(blocks)
    cdef list out = [_ANC_ZERO] * n
    for i in range(n):
        block = blocks[i]
        pruned = _anc_field(block, _B_PRUNED, "pruned")
        if pruned is True or (pruned is not False and pruned):
            continue
        value = _anc_value(block, c, config)
        if value is not _ANC_ZERO:
            out[i] = value
    return out


def anchor_votes(list values not None, list owners not None, list parent not None,
                 list tags not None, Py_ssize_t levels, double child_weight):
    """``anchor.prose_votes``: each element's votes (an array of doubles) and the first
    element holding the most."""
    cdef Py_ssize_t n = len(parent), i, e, owner, k, best = 0
    if len(values) != len(owners):
        raise ValueError("values and owners differ in length")
    cdef _anc_array direct = _anc_clone(_ANC_DOUBLES, n, True)
    cdef double *d = direct.data.as_doubles
    cdef double value
    for i in range(len(values)):
        value = values[i]
        if value == 0.0:  # (NaN votes, as ``if value`` says)
            continue
        owner = owners[i]
        e = parent[owner] if owner and tags[owner] == "p" else owner
        for k in range(levels):
            d[e] += value
            if not e:
                break
            e = parent[e]
            value *= child_weight
    for i in range(1, n):
        if d[i] > d[best]:
            best = i
    return direct, best
