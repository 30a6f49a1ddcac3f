# The compiled twins of the text front-end (``frontends/text.py``; included by
# ``_cwalk.pyx``): a text dump's lines as blocks, and the blocks of a later pass over
# kept lines, each block made slot by slot (``_cnew.pxi``) rather than by the
# dataclass's ``__init__``, which runs in the interpreter and was most of a line's
# front-end work. ``text.py`` is the reference; the equality tests compare both.

from cpython.dict cimport PyDict_GetItemWithError
from cpython.unicode cimport Py_UNICODE_ISLINEBREAK

cdef Py_ssize_t _TL_GAP = -1, _TL_FEATURES = -1
if _BLOCK.usable and "gap_before" in _BLOCK.offset_of and "features" in _BLOCK.offset_of:
    _TL_GAP = _BLOCK.offsets[_BLOCK.offset_of["gap_before"]]
    _TL_FEATURES = _BLOCK.offsets[_BLOCK.offset_of["features"]]
cdef object _TL_ZERO = 0.0


cdef object _tl_block(Py_ssize_t index, str text, bint gap, object features):
    """``Block(index, text, PARAGRAPH, 0, "", 0.0, gap[, features])``."""
    if _TL_GAP < 0:
        if features is None:
            return Block(index, text, _PARAGRAPH, 0, "", 0.0, gap)
        return Block(index, text, _PARAGRAPH, 0, "", 0.0, gap, features)
    if features is None:
        block = _new_block(index, text, _PARAGRAPH, 0, _TL_ZERO)
    else:
        block = _tl_sharing(features)
        _new_put(block, _B_INDEX, index)
        _new_put(block, _B_TEXT, text)
        _new_put(block, _B_KIND, _PARAGRAPH)
        _new_put(block, _B_LEVEL, 0)
        _new_put(block, _B_DENSITY, _TL_ZERO)
    _new_put(block, _TL_GAP, True if gap else False)
    return block


cdef object _tl_sharing(object features):
    """``_new_default(_BLOCK)`` holding ``features``: no default ``Features`` made
    only to be let go (a copied line's block, and every block of a later pass)."""
    obj = <object> PyType_GenericAlloc(_BLOCK.cls, 0)
    Py_XDECREF(<PyObject *> obj)  # (the alloc's reference, which ``obj`` holds too)
    cdef Py_ssize_t i
    for i in range(_BLOCK.n):
        if _BLOCK.offsets[i] == _TL_FEATURES:
            _new_put(obj, _TL_FEATURES, features)
        elif _BLOCK.how[i] == NEW_VALUE:
            _new_put(obj, _BLOCK.offsets[i], <object> _BLOCK.values[i])
        elif _BLOCK.how[i] == NEW_FEATURES:
            _new_put(obj, _BLOCK.offsets[i], _new_features())
        else:
            _new_put(obj, _BLOCK.offsets[i], (<object> _BLOCK.values[i])())
    return obj


cdef object _tl_copy(Py_ssize_t index, object first, bint gap):
    """A block of the same line as ``first``: its text and features shared."""
    cdef char *at = <char *> <PyObject *> first
    if _TL_GAP < 0:
        return _tl_block(index, first.text, gap, first.features)
    text = <object> (<PyObject **> (at + _B_TEXT))[0]
    return _tl_block(index, text, gap, <object> (<PyObject **> (at + _TL_FEATURES))[0])


cdef inline bint _tl_linebreak(Py_UCS4 c) noexcept:
    """``Py_UNICODE_ISLINEBREAK`` without a call for ASCII (most characters): '\\n',
    '\\v', '\\f', '\\r' and the separators 0x1c-0x1e, as ``str.splitlines`` has them."""
    if c < 128:
        return 10 <= c <= 13 or 28 <= c <= 30
    return Py_UNICODE_ISLINEBREAK(c)


def tl_text_blocks(str text not None):
    """``text._text_to_blocks``: one block per non-empty line (``str.splitlines``'
    lines), stripped (``str.strip``), with whether blank lines came before it; a line
    seen before shares its first copy's text and features."""
    cdef list blocks = []
    cdef dict firsts = {}
    cdef PyObject *first
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, j, s, e
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef bint gap = True  # (the first block counts as apart)
    cdef Py_UCS4 c
    while i < n:
        j = i
        while j < n and not _tl_linebreak(PyUnicode_READ(kind, data, j)):
            j += 1
        s, e = i, j
        while s < e and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, s)):
            s += 1
        while e > s and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, e - 1)):
            e -= 1
        if s == e:
            gap = True
        else:
            line = PyUnicode_Substring(text, s, e)
            first = PyDict_GetItemWithError(firsts, line)
            if first is NULL:
                block = _tl_block(len(blocks), line, gap, None)
                firsts[line] = block
            else:
                block = _tl_copy(len(blocks), <object> first, gap)
            blocks.append(block)
            gap = False
        # Past the line break: '\r\n' is one.
        if j + 1 < n and PyUnicode_READ(kind, data, j) == 13 and PyUnicode_READ(kind, data, j + 1) == 10:
            j += 1
        i = j + 1
    return blocks


def tl_blocks_again(list kept):
    """``text._blocks_again``."""
    cdef list blocks = []
    cdef Py_ssize_t n = 0
    for block in kept:
        blocks.append(_tl_block(n, block.text, True, block.features))
        n += 1
    return blocks
