# The element judge's cheap reject, in C (included by ``_cwalk.pyx``): an element whose
# class names and id hold no token starting a vocabulary entry (``TreePlan.first_tokens``,
# the tree rules' data, passed in) and that carries no watched attribute is one
# ``ElementJudge.judge`` returns None for, without looking further: the walk then does
# not call it. Anything this cannot read plainly (a name with a character past ASCII)
# goes to the judge, which decides; the equality tests run both walks on every page.

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object)
    const char *PyUnicode_DATA(object)
    Py_ssize_t PyUnicode_GET_LENGTH(object)
    object PyUnicode_FromStringAndSize(const char *, Py_ssize_t)

from libc.stdlib cimport malloc


cdef inline bint _splits(char c) noexcept:
    """Whether an ASCII character ends a name's token: white space (``str.split``) or one
    of ``elements._NAME_SEPARATORS``."""
    return c == 32 or (9 <= c <= 13) or (28 <= c <= 31) or c == 45 or c == 95 or c == 58 or c == 46


cdef inline bint _lower_or_digit(char c) noexcept:
    return (97 <= c <= 122) or (48 <= c <= 57)


cdef bint _tokens_unknown(str names, frozenset first) except -1:
    """Whether no token of ``names`` (``elements.name_tokens`` of each name, ASCII
    only) is in ``first``: lower-cased, split at separators, white space and at a
    camelCase hump (a capital after a lower-case letter or digit)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(names), i, start = -1
    cdef const char *s = PyUnicode_DATA(names)
    cdef char small[128]
    cdef char *buf = small
    cdef char c
    if n > 128:
        buf = <char *> malloc(n)
        if buf == NULL:
            raise MemoryError
    try:
        for i in range(n + 1):
            c = s[i] if i < n else 32
            if _splits(c) or (
                65 <= c <= 90 and start >= 0 and i > 0 and _lower_or_digit(s[i - 1])
            ):
                if start >= 0:
                    if PyUnicode_FromStringAndSize(buf + start, i - start) in first:
                        return False
                    start = -1
                if _splits(c):
                    continue
            if start < 0:
                start = i
            buf[i] = c + 32 if 65 <= c <= 90 else c
        return True
    finally:
        if buf != small:
            free(buf)


cdef inline bint _any_in(dict attrs, frozenset names) except -1:
    """``not names.isdisjoint(attrs)``."""
    for name in attrs:
        if name in names:
            return True
    return False


cdef bint _unjudged(dict attrs, frozenset first, dict memo) except -1:
    """Whether ``ElementJudge.judge`` surely returns None for attributes without a
    watched one (see above); ``memo`` holds each name list's answer for the walk."""
    classes = attrs.get("class")
    if classes:
        if not PyUnicode_IS_ASCII(classes):
            return False
        known = memo.get(classes)
        if known is None:
            known = memo[classes] = _tokens_unknown(classes, first)
        if not known:
            return False
    ident = attrs.get("id")
    if ident:
        if not PyUnicode_IS_ASCII(ident):
            return False
        if not _has_digit(ident):  # (an id with a digit is not judged: ``judge``)
            known = memo.get(ident)
            if known is None:
                known = memo[ident] = _tokens_unknown(ident, first)
            if not known:
                return False
    return True


cdef inline bint _has_digit(str text) noexcept:
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text)
    cdef const char *s = PyUnicode_DATA(text)
    for i in range(n):
        if 48 <= s[i] <= 57:
            return True
    return False


include "_cvocab.pxi"  # (the matching past this reject, on the same cuts)
