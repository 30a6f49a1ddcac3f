# The character tests of the compiled features (included by ``_cfeatures.pxi``, after
# its tables): word separators, scripts without spaces, capitals, the words of a text
# as offsets, the capitalised words opening it and whether it ends a sentence; each
# the twin of what ``features.py`` asks of Python's string methods.


cdef inline bint _separates(unsigned int c) noexcept:
    """Whether ``c`` becomes white space in ``text.translate(_TO_SPACE)``."""
    if c < <unsigned int> _TABLE_SIZE:
        return (_SEP[c >> 3] >> (c & 7)) & 1
    return Py_UNICODE_ISSPACE(c)


cdef inline bint _unspaced(unsigned int c) noexcept:
    """``features._UNSPACED``: a character of a script written without spaces."""
    return (
        0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF
        or 0x3040 <= c <= 0x30FF or 0x0E00 <= c <= 0x0EFF or 0x1000 <= c <= 0x109F
        or 0x1780 <= c <= 0x17FF
    )


# ``str.isupper``, ``islower`` and ``istitle``'s character tests (ASCII without a
# look-up in the Unicode database).
cdef inline bint _up(unsigned int c) noexcept:
    return 65 <= c <= 90 if c < 128 else Py_UNICODE_ISUPPER(c)


cdef inline bint _low(unsigned int c) noexcept:
    return 97 <= c <= 122 if c < 128 else Py_UNICODE_ISLOWER(c)


cdef inline bint _title(unsigned int c) noexcept:
    return c >= 128 and Py_UNICODE_ISTITLE(c)


cdef bint _istitle(int kind, const void *data, Py_ssize_t s, Py_ssize_t e) noexcept:
    cdef bint cased = False, previous = False
    cdef Py_ssize_t i
    cdef unsigned int c
    for i in range(s, e):
        c = PyUnicode_READ(kind, data, i)
        if _up(c) or _title(c):
            if previous:
                return False
            previous = cased = True
        elif _low(c):
            if not previous:
                return False
            previous = cased = True
        else:
            previous = False
    return cased


cdef bint _isupper(int kind, const void *data, Py_ssize_t s, Py_ssize_t e) noexcept:
    cdef bint cased = False
    cdef Py_ssize_t i
    cdef unsigned int c
    for i in range(s, e):
        c = PyUnicode_READ(kind, data, i)
        if _low(c) or _title(c):
            return False
        if not cased and _up(c):
            cased = True
    return cased


cdef bint _islower(int kind, const void *data, Py_ssize_t s, Py_ssize_t e) noexcept:
    cdef bint cased = False
    cdef Py_ssize_t i
    cdef unsigned int c
    for i in range(s, e):
        c = PyUnicode_READ(kind, data, i)
        if _up(c) or _title(c):
            return False
        if not cased and _low(c):
            cased = True
    return cased


cdef Py_ssize_t _words(int kind, const void *data, Py_ssize_t start, Py_ssize_t n,
                       Py_ssize_t *spans, Py_ssize_t most) noexcept:
    """The first ``most`` words of ``text[start:n]`` (``translate(_TO_SPACE).split()``)
    as start and end offsets into ``spans``; how many."""
    cdef Py_ssize_t w = 0, i, begin = -1
    for i in range(start, n):
        if _separates(PyUnicode_READ(kind, data, i)):
            if begin >= 0:
                spans[2 * w] = begin
                spans[2 * w + 1] = i
                w += 1
                begin = -1
                if w == most:
                    return w
        elif begin < 0:
            begin = i
    if begin >= 0 and w < most:
        spans[2 * w] = begin
        spans[2 * w + 1] = n
        w += 1
    return w


cdef Py_ssize_t _capitalised_prefix(int kind, const void *data, Py_ssize_t *spans,
                                    Py_ssize_t w, Py_ssize_t joiner) noexcept:
    """``features._capitalised_prefix`` of the words at ``spans``."""
    cdef Py_ssize_t count = 0, j, s, e
    cdef unsigned int first
    for j in range(w):
        s = spans[2 * j]
        e = spans[2 * j + 1]
        first = PyUnicode_READ(kind, data, s)
        if _up(first):
            count += 1
        elif Py_UNICODE_ISDIGIT(first) or (e - s <= joiner and _islower(kind, data, s, e)):
            continue
        else:
            break
    return count


cdef bint _ends_sentence(int kind, const void *data, Py_ssize_t n) except -1:
    """``text.rstrip(_TRAILING)[-1:] in _TERMINALS``."""
    cdef unsigned int c
    cdef Py_ssize_t j
    while n > 0:
        c = PyUnicode_READ(kind, data, n - 1)
        if c < 128:
            if not _ASCII_TRAILING[c]:
                break
        elif PyUnicode_FindChar(_TRAILING_CHARS, c, 0, len(_TRAILING_CHARS), 1) < 0:
            break
        n -= 1
    if n == 0:
        return False
    c = PyUnicode_READ(kind, data, n - 1)
    for j in range(_N_TERM):
        if _TERM[j] == c:
            return True
    return False
