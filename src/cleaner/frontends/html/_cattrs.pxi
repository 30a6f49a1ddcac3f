# The attributes of a long start tag counted in C, for ``scan_tags`` (``_cscan.pxi``;
# included by ``_cwalk.pyx`` before it). A tag with enough boundary bytes for more
# attributes than the cap went to ``parse.cuts`` in Python, which matches
# ``parse._ATTRIBUTE`` up to ``MAX_ATTRIBUTES`` + 1 times: some 150,000 instructions a
# tag, and most such tags are an SVG path or a long ``content`` of a few attributes, or
# no tag at all (a script's ``<`` ahead of text). On a tag of ASCII bytes the same
# matches are made here; only a tag holding more than the cap, or one of other bytes,
# still goes to ``cuts``, which decides. ``tests/test_parse_prepare.py`` compares the
# count with the pattern's.

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE

# Bytes by class for ``_ATTRIBUTE`` on ASCII (``re``'s ``\s`` of a ``str``): 1 white
# space, 2 '/', 3 '=', 4 '>', 5 '"', 6 "'", 0 any other.
cdef unsigned char _CA_CLASS[128]
memset(_CA_CLASS, 0, sizeof(_CA_CLASS))
for _byte in (9, 10, 11, 12, 13, 28, 29, 30, 31, 32):
    _CA_CLASS[_byte] = 1
for _byte, _class in ((47, 2), (61, 3), (62, 4), (34, 5), (39, 6)):
    _CA_CLASS[_byte] = _class


cdef inline bint _ca_tag_name(unsigned char c) noexcept:
    """A character of a tag's name after its first (``parse._TAG_NAME``)."""
    return (48 <= c <= 58) or (65 <= c <= 90) or (97 <= c <= 122) or c == 45


cdef Py_ssize_t _ca_attributes(const unsigned char *h, Py_ssize_t n,
                               Py_ssize_t limit) noexcept:
    """How many times ``parse._cut_tag`` matches ``_ATTRIBUTE`` in the tag ``"<"``
    + ``h[:n]`` (the bytes after its ``<``, to its ``>``), counting no further than
    ``limit``; 0 when it opens no start tag (``_LONG_TAG`` wants a letter), -1 when
    the tag holds a byte past ASCII (not counted here)."""
    cdef Py_ssize_t i, p, q, r, count = 0
    cdef unsigned char k
    cdef bint closed
    if n == 0 or not ((65 <= h[0] <= 90) or (97 <= h[0] <= 122)):
        return 0
    for i in range(n):
        if h[i] >= 128:
            return -1
    i = 1
    while i < n and _ca_tag_name(h[i]):
        i += 1
    while count < limit:
        # ``(?<![\s/])``: the character before is no separator.
        k = _CA_CLASS[h[i - 1]]
        if k == 1 or k == 2:
            break
        p = i
        while p < n and (_CA_CLASS[h[p]] == 1 or _CA_CLASS[h[p]] == 2):
            p += 1
        if p >= n:
            break
        k = _CA_CLASS[h[p]]
        if k == 3:  # '=' and a name of no '/', '>', '=' or white space
            p += 1
            while p < n and (_CA_CLASS[h[p]] == 0 or _CA_CLASS[h[p]] >= 5):
                p += 1
        elif k == 0 or k >= 5:
            while p < n and (_CA_CLASS[h[p]] == 0 or _CA_CLASS[h[p]] >= 5):
                p += 1
        else:
            break  # ('>': no attribute)
        # The value, if one follows: white space, '=', white space, then a quoted
        # value, or else a run of no white space and no '>' (an unclosed quote too).
        q = p
        while q < n and _CA_CLASS[h[q]] == 1:
            q += 1
        if q < n and _CA_CLASS[h[q]] == 3:
            q += 1
            while q < n and _CA_CLASS[h[q]] == 1:
                q += 1
            if q < n:
                k = _CA_CLASS[h[q]]
                closed = False
                if k == 5 or k == 6:
                    r = q + 1
                    while r < n and h[r] != h[q]:
                        r += 1
                    if r < n:
                        p = r + 1
                        closed = True
                if not closed and k != 4:
                    r = q
                    while r < n and _CA_CLASS[h[r]] != 1 and _CA_CLASS[h[r]] != 4:
                        r += 1
                    p = r
        count += 1
        i = p
    return count


def attribute_count(bytes head, Py_ssize_t limit):
    """``_ca_attributes`` of ``head`` (for the tests)."""
    return _ca_attributes(<const unsigned char *> PyBytes_AS_STRING(head),
                          PyBytes_GET_SIZE(head), limit)
