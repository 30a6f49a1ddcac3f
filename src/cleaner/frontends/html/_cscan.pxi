# The compiled twin of ``parse._scan`` (included by ``_cwalk.pyx``): the page's UTF-8
# read once in C, each ``<`` found by ``memchr``, without the ``bytes`` object a piece
# that ``split`` makes. A tag long enough in bytes, with enough boundaries for more
# attributes than the cap, goes to ``parse.cuts`` as there. ``parse._scan`` is the
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
    cdef Py_ssize_t tags = 0, boundaries, i
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
            cut = cuts(data[piece - s : close + 1 - s])
    return tags, cut


from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.stdint cimport uint16_t, uint32_t, uint64_t
from libc.string cimport memcpy


def utf8(str text):
    """``text.encode("utf-8")``, or None when ``text`` holds a lone surrogate (which
    UTF-8 cannot hold: ``parse._utf8`` replaces them). CPython encodes a page with one
    character past Latin-1 a character at a time; here runs of ASCII go eight bytes of
    the string at a time, or 32 (sixteen characters of a page past Latin-1, eight of
    one past the BMP)."""
    if PyUnicode_IS_ASCII(text):
        return text.encode("utf-8")  # (a copy of its bytes)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, m = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    # (At most two bytes a Latin-1 character, three a BMP one, four past it.)
    cdef unsigned char *out = <unsigned char *> malloc(n * (kind + 1 if kind < 4 else 4) + 1)
    cdef const uint16_t *wide = <const uint16_t *> data
    cdef const uint32_t *wide4 = <const uint32_t *> data
    cdef unsigned int c
    cdef uint64_t word
    cdef uint64_t words[4]
    cdef int k
    if out == NULL:
        raise MemoryError
    try:
        while i < n:
            if kind == 2 and i + 16 <= n:
                # Sixteen ASCII characters (a page's markup is mostly ASCII): one test,
                # then a loop of constant length, which the compiler packs in bulk.
                memcpy(words, <const char *> data + 2 * i, 32)
                if (words[0] | words[1] | words[2] | words[3]) & 0xFF80FF80FF80FF80ULL == 0:
                    for k in range(16):
                        out[m + k] = <unsigned char> wide[i + k]
                    i += 16
                    m += 16
                    continue
            elif kind == 4 and i + 8 <= n:
                memcpy(words, <const char *> data + 4 * i, 32)
                if (words[0] | words[1] | words[2] | words[3]) & 0xFFFFFF80FFFFFF80ULL == 0:
                    for k in range(8):
                        out[m + k] = <unsigned char> wide4[i + k]
                    i += 8
                    m += 8
                    continue
            if kind == 2 and i + 4 <= n:
                memcpy(&word, <const char *> data + 2 * i, 8)
                if word & 0xFF80FF80FF80FF80ULL == 0:  # four ASCII characters
                    out[m] = <unsigned char> wide[i]
                    out[m + 1] = <unsigned char> wide[i + 1]
                    out[m + 2] = <unsigned char> wide[i + 2]
                    out[m + 3] = <unsigned char> wide[i + 3]
                    i += 4
                    m += 4
                    continue
            elif kind == 1 and i + 8 <= n:
                memcpy(&word, <const char *> data + i, 8)
                if word & 0x8080808080808080ULL == 0:  # eight ASCII characters
                    memcpy(out + m, &word, 8)
                    i += 8
                    m += 8
                    continue
            c = PyUnicode_READ(kind, data, i)
            i += 1
            if c < 0x80:
                out[m] = c
                m += 1
            elif c < 0x800:
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
        return PyBytes_FromStringAndSize(<char *> out, m)
    finally:
        free(out)


from ...decoding import _CONTROL_CODES

cdef unsigned char _IS_CONTROL[128]
memset(_IS_CONTROL, 0, sizeof(_IS_CONTROL))
for _byte in _CONTROL_CODES:
    _IS_CONTROL[_byte] = 1


def control_count(str text):
    """``decoding._control_count`` of a ``str``: its control characters, counted where
    they are (each is one ASCII character, as in the UTF-8 that function encodes, which
    holds no other byte below 0x80), without encoding the text first."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef const unsigned char *narrow = <const unsigned char *> data
    cdef const uint16_t *wide = <const uint16_t *> data
    cdef Py_UCS4 c
    # (One loop a kind: the character read without a test of the kind each time.)
    if kind == 1:
        for i in range(n):
            if narrow[i] < 128:
                count += _IS_CONTROL[narrow[i]]
    elif kind == 2:
        for i in range(n):
            if wide[i] < 128:
                count += _IS_CONTROL[wide[i]]
    else:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c < 128:
                count += _IS_CONTROL[c]
    return count
