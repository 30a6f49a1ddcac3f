# The compiled twin of ``blocks.emit_text`` (included by ``_cwalk.pyx``): the blocks of
# one run of text, made without a Python frame per run. ``blocks.emit_text`` is the
# reference; the equality tests run both walks on every page.

from cpython.unicode cimport (
    PyUnicode_READ, PyUnicode_KIND, Py_UNICODE_ISSPACE, PyUnicode_FromKindAndData,
)

from ...blocks import BlockKind
from .blocks import IN_QUOTE, _HEADING_LEVEL

_HEADING = BlockKind.HEADING
_CAPTION = BlockKind.CAPTION
_QUOTE = BlockKind.QUOTE
_LIST_ITEM = BlockKind.LIST_ITEM
_PARAGRAPH = BlockKind.PARAGRAPH
cdef dict _LEVELS = dict(_HEADING_LEVEL)
cdef long _IN_CAPTION = IN_CAPTION, _IN_QUOTE = IN_QUOTE, _IN_ITEM = IN_ITEM
cdef long _ORDERED = ORDERED, _LIST_SHIFT = LIST_SHIFT


cdef void _emit_text(list blocks, list owners, list parts, tuple element, Py_ssize_t owner,
                     Py_ssize_t link_chars, object sources) except *:
    """``blocks.emit_text``: the blocks of the text run ``parts`` inside ``element``."""
    cdef str raw = parts[0] if len(parts) == 1 else "".join(parts)
    cdef Py_ssize_t total
    cdef long ctx = element[2]
    if BR in raw:
        texts = _split_breaks(raw)
        total = sum(map(len, texts)) - (len(texts) - 1)
    else:
        text = _squash(raw)
        if not text:
            return
        texts = (text,)
        total = len(text)
    level = _LEVELS.get(element[3], 0)
    if level:
        kind = _HEADING
    elif ctx & _IN_CAPTION:
        kind = _CAPTION
    elif ctx & _IN_QUOTE:
        kind = _QUOTE
    elif ctx & _IN_ITEM:
        kind = _LIST_ITEM
    else:
        kind = _PARAGRAPH
    cdef long list_depth = ctx >> _LIST_SHIFT
    ordered = bool(ctx & _ORDERED)
    density = min(1.0, link_chars / total) if total > 0 else 0.0
    node = element[0]
    for text in texts:
        block = _new_block(len(blocks), text, kind, level, density)
        if list_depth:
            block.list_depth = list_depth
            block.ordered = ordered
        blocks.append(block)
        owners.append(owner)
        if sources is not None:
            sources.append((block, node))


cdef str _squash(str text):
    """``spaces.squash``: ``" ".join(text.split())``, in one pass without a string a
    word (white space is what ``str.split`` splits at, ``Py_UNICODE_ISSPACE``)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, m = 0
    cdef int kind = PyUnicode_KIND(text)
    if kind == 1:
        return _squash_narrow(text, n)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 ch
    cdef bint gap = False, other = False  # (other: white space but a plain space)
    cdef Py_UCS4 *out = <Py_UCS4 *> malloc((n + 1) * sizeof(Py_UCS4))
    if out == NULL:
        raise MemoryError
    try:
        for i in range(n):
            ch = PyUnicode_READ(kind, data, i)
            if Py_UNICODE_ISSPACE(ch):
                gap = m > 0
                other = other or ch != 32
            else:
                if gap:
                    out[m] = 32
                    m += 1
                    gap = False
                out[m] = ch
                m += 1
        if m == n and not other:
            return text  # nothing to collapse
        return PyUnicode_FromKindAndData(4, out, m)  # (the narrowest kind that holds it)
    finally:
        free(out)


cdef list _split_breaks(str raw):
    """``blocks.split_breaks``: lines joined by newlines, blocks split at empty lines
    and before a line of underscores."""
    cdef list out = [], lines = []
    for chunk in raw.split(BR):
        line = _squash(chunk)
        if line:
            if lines and not line.strip("_"):
                out.append("\n".join(lines))
                lines = []
            lines.append(line)
        elif lines:
            out.append("\n".join(lines))
            lines = []
    if lines:
        out.append("\n".join(lines))
    return out


cdef bint _all_space(str text) except -1:
    """``text.isspace()`` (``text`` not empty)."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    for i in range(n):
        if not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
            return False
    return n > 0


cdef Py_ssize_t _stripped_length(str text) except -1:
    """``len(text.strip())``."""
    cdef Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    while start < end and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    while end > start and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    return end - start


include "_cnew.pxi"  # (``_new_block``, above)
