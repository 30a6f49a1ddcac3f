# ``_squash`` of a one-byte string (included by ``_cwalk.pyx``; ``_ctext.pxi`` hands the
# one-byte kind here, most text on most pages): the general loop reads each character
# through its kind, writes four bytes a character and leaves the result to be narrowed
# again by ``PyUnicode_FromKindAndData``; here a byte is a table look-up and a copy.

from libc.string cimport memcpy

cdef extern from "Python.h":
    object _squash_new "PyUnicode_New"(Py_ssize_t, Py_UCS4)
    unsigned char *PyUnicode_1BYTE_DATA(object)

# White space as ``str.split`` has it (``Py_UNICODE_ISSPACE``) for the one-byte kind.
cdef bint _SQUASH_SPACE[256]
for _squash_ch in range(256):
    _SQUASH_SPACE[_squash_ch] = Py_UNICODE_ISSPACE(<Py_UCS4> _squash_ch)


cdef str _squash_narrow(str text, Py_ssize_t n):
    """``_squash`` of a one-byte string: bytes copied into a buffer, then into a string
    of the narrowest kind that holds them (ASCII when no character past 127 is left:
    an equal string must have the same kind), without a UCS4 buffer to narrow."""
    cdef const unsigned char *data = PyUnicode_1BYTE_DATA(text)
    cdef unsigned char small[256]  # (most runs are short: no allocation)
    cdef unsigned char *out = &small[0]
    cdef Py_ssize_t i, m = 0
    cdef unsigned char ch
    cdef bint gap = False, other = False, high = False
    if n > 256:
        out = <unsigned char *> malloc(n)
        if out == NULL:
            raise MemoryError
    try:
        for i in range(n):
            ch = data[i]
            if _SQUASH_SPACE[ch]:
                gap = m > 0
                other = other or ch != 32
            else:
                if gap:
                    out[m] = 32
                    m += 1
                    gap = False
                out[m] = ch
                m += 1
                high = high or ch > 127
        if m == n and not other:
            return text  # nothing to collapse
        result = _squash_new(m, 255 if high else 127)
        memcpy(PyUnicode_1BYTE_DATA(result), out, m)
        return result
    finally:
        if out != &small[0]:
            free(out)


def squash_twin(str text) -> str:
    """``_squash`` (for the tests, against ``spaces.squash``)."""
    return _squash(text)
