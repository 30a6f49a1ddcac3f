# The compiled twin of ``parse._scan`` (included by ``_cwalk.pyx``): the page's UTF-8
# read once in C, each ``<`` found by ``memchr``, without the ``bytes`` object a piece
# that ``split`` makes. A tag long enough in bytes, with enough boundaries for more
# attributes than the cap, goes to ``parse.cuts`` as there, unless its attributes,
# counted in C (``_cattrs.pxi``), are no more than the cap. ``parse._scan`` is the
# reference; the tests compare both on generated pages and on every benchmark page.

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE
from libc.string cimport memchr

from .parse import MAX_ATTRIBUTES, _BOUNDARY_BYTES, _LONG_TAG_BYTES, cuts

cdef Py_ssize_t _TAG_BYTES = _LONG_TAG_BYTES, _MAX_ATTRIBUTES = MAX_ATTRIBUTES
cdef unsigned char _BOUNDARY[256]
memset(_BOUNDARY, 0, sizeof(_BOUNDARY))
for _byte in _BOUNDARY_BYTES:
    _BOUNDARY[_byte] = 1


def scan_tags(bytes data):
    """``parse._scan``: how many ``<`` ``data`` holds, and whether ``cap_attributes``
    would cut one of its tags."""
    cdef const char *s = PyBytes_AS_STRING(data)
    cdef const char *end = s + PyBytes_GET_SIZE(data)
    cdef const char *at = <const char *> memchr(s, 60, end - s)  # '<'
    cdef const char *piece
    cdef const char *stop
    cdef const char *close
    cdef Py_ssize_t tags = 0, boundaries, i, count
    cdef bint cut = False
    while at != NULL:
        tags += 1
        piece = at + 1
        at = <const char *> memchr(piece, 60, end - piece)
        stop = end if at == NULL else at
        if cut or stop - piece < _TAG_BYTES:
            continue
        close = <const char *> memchr(piece, 62, stop - piece)  # '>'
        if close == NULL or close + 1 - piece < _TAG_BYTES:
            continue
        boundaries = 0
        for i in range(close + 1 - piece):
            boundaries += _BOUNDARY[<unsigned char> piece[i]]
        if boundaries >= _MAX_ATTRIBUTES:
            # Counted here on ASCII (``_cattrs.pxi``): no more than the cap, no cut.
            count = _ca_attributes(<const unsigned char *> piece, close + 1 - piece,
                                   _MAX_ATTRIBUTES + 1)
            if count < 0 or count > _MAX_ATTRIBUTES:
                cut = cuts(data[piece - s : close + 1 - s])
    return tags, cut


from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.stdint cimport uint16_t, uint32_t, uint64_t
from libc.string cimport memcpy


cdef extern from "Python.h":
    int _PyBytes_Resize(PyObject **, Py_ssize_t) except -1


def utf8(str text):
    """``text.encode("utf-8")``, or None when ``text`` holds a lone surrogate (which
    UTF-8 cannot hold: ``parse._utf8`` replaces them). CPython encodes a page with one
    character past Latin-1 a character at a time; here runs of ASCII go sixteen
    characters at a time (``_cruns.pxi``), into the ``bytes`` object itself, made as
    large as the text could need and cut to its length at the end."""
    if PyUnicode_IS_ASCII(text):
        return text.encode("utf-8")  # (a copy of its bytes)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, m = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    # (At most two bytes a Latin-1 character, three a BMP one, four past it.)
    cdef object made = PyBytes_FromStringAndSize(NULL, n * (kind + 1 if kind < 4 else 4))
    cdef PyObject *result = <PyObject *> made
    cdef unsigned char *out = <unsigned char *> PyBytes_AS_STRING(made)
    cdef unsigned int c
    while i < n:
        c = _runs_ascii(kind, data, i, n, out + m)
        i += c
        m += c
        if i >= n:
            break
        c = PyUnicode_READ(kind, data, i)  # (past ASCII)
        i += 1
        if c < 0x800:
            out[m] = 0xC0 | (c >> 6)
            out[m + 1] = 0x80 | (c & 0x3F)
            m += 2
        elif c < 0x10000:
            if 0xD800 <= c <= 0xDFFF:
                return None
            out[m] = 0xE0 | (c >> 12)
            out[m + 1] = 0x80 | ((c >> 6) & 0x3F)
            out[m + 2] = 0x80 | (c & 0x3F)
            m += 3
        else:
            out[m] = 0xF0 | (c >> 18)
            out[m + 1] = 0x80 | ((c >> 12) & 0x3F)
            out[m + 2] = 0x80 | ((c >> 6) & 0x3F)
            out[m + 3] = 0x80 | (c & 0x3F)
            m += 4
    # (``made``'s reference moves to ``result``, which the resize may replace.)
    Py_INCREF(made)
    del made
    _PyBytes_Resize(&result, m)
    made = <object> result
    Py_XDECREF(result)
    return made


from ...decoding import _CONTROL_CODES

cdef unsigned char _IS_CONTROL[128]
memset(_IS_CONTROL, 0, sizeof(_IS_CONTROL))
for _byte in _CONTROL_CODES:
    _IS_CONTROL[_byte] = 1


# (The blocks ``_runs_no_controls`` passes over hold none of these only while every
# one is below 0x20 or 0x7F.)
cdef bint _CONTROLS_LOW = all(_byte < 0x20 or _byte == 0x7F for _byte in _CONTROL_CODES)


def control_count(str text):
    """``decoding._control_count`` of a ``str``: its control characters, counted where
    they are (each is one ASCII character, as in the UTF-8 that function encodes, which
    holds no other byte below 0x80), without encoding the text first. Stretches of
    sixteen characters without one are passed over (``_cruns.pxi``)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, stop, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    while i < n:
        if _CONTROLS_LOW:
            i += _runs_no_controls(kind, data, i, n)
        stop = min(i + 16, n)
        while i < stop:
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                count += _IS_CONTROL[c]
            i += 1
    return count
