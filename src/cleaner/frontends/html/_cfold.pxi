# ``str.casefold`` in C for the compiled features (included by ``_cwalk.pyx``, before
# ``_cfeatures.pxi``). Python folds a text past ASCII a character at a time through
# its Unicode database, building the result in a buffer four bytes a character; a
# block's text and key are folded once each, and that was a third of the features of
# a page in a language with accents. Casefolding has no context (each character folds
# on its own), so a table of the Basic Multilingual Plane, each character's fold read
# off ``str.casefold`` itself once a process, gives the same string. A character
# folding to several (``ß`` to ``ss``) or lying past the plane is left to Python:
# the whole text is then folded by ``str.casefold``.

# Each BMP character's fold when it is one BMP character; 0 where Python must fold
# (and for U+0000, which folds to itself: asked of Python too, rarely met).
cdef unsigned short *_fold_table = <unsigned short *> malloc(0x10000 * sizeof(unsigned short))


cdef void _fold_init() except *:
    if _fold_table == NULL:
        raise MemoryError
    cdef Py_ssize_t base, i, c
    cdef str block, folded, one
    for base in range(0, 0x10000, 256):
        block = "".join(map(chr, range(base, base + 256)))
        folded = block.casefold()
        if len(folded) == 256:  # (each character folds to one, at its own place)
            for i in range(256):
                _fold_table[base + i] = PyUnicode_READ(
                    PyUnicode_KIND(folded), PyUnicode_DATA(folded), i)
            continue
        for i in range(256):
            one = chr(base + i).casefold()
            c = ord(one) if len(one) == 1 else 0x10000
            _fold_table[base + i] = c if c < 0x10000 else 0
    _fold_table[0] = 0


_fold_init()


cdef object _fold_chars(int kind, const void *data, Py_ssize_t n):
    """``str.casefold`` of the ``n`` characters at ``data`` (``kind`` bytes each), or
    None when one of them needs Python's."""
    cdef unsigned short *out = <unsigned short *> malloc((n + 1) * sizeof(unsigned short))
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    cdef unsigned short f
    if out == NULL:
        raise MemoryError
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c >= 0x10000:
                return None
            f = _fold_table[c]
            if f == 0:
                return None
            out[i] = f
        # (The narrowest kind that holds the folded characters.)
        return PyUnicode_FromKindAndData(2, out, n)
    finally:
        free(out)


cdef object _fold_text(object text):
    """``text.casefold()`` of a ``str``."""
    folded = _fold_chars(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text))
    return text.casefold() if folded is None else folded


def fold_text(str text):
    """``text.casefold()``, folded here (the tests compare both)."""
    return _fold_text(text)
