# The page's code left out before Lexbor parses it (included by ``_cwalk.pyx``): the
# text of its ``<script>``s and ``<style>``s, which the walk drops with the elements
# (``walk.DROP_TAGS``) and nothing reads (JSON-LD, which ``declared_types`` and the
# metadata read, is kept: a script whose start tag says ``json`` keeps its text). A
# third of a page's bytes is code on the benchmark sets, and Lexbor reads it a byte at
# a time; the elements stay, empty, so the tree is the same but for their text.
#
# The bytes are read as the HTML tokenizer reads them, with one simplification: where
# the tree would switch the tokenizer in a way this does not follow (foreign content
# beyond a plain SVG drawing, ``<select>``, ``<frameset>``, ``<math>``, ``<plaintext>``,
# a script holding ``<!--``, a tag or element left open at the end), it stops leaving
# anything out and copies the rest as it is. The tests compare the trees parsed with and
# without it on generated markup and on every benchmark page.

cdef enum:
    EL_DATA = 0
    EL_RCDATA = 1  # title, textarea: text up to the end tag
    EL_RAWTEXT = 2  # xmp, iframe, noembed, noframes: the same
    EL_SCRIPT = 3
    EL_STYLE = 4
    EL_STOP = 5  # the tokenizer or the tree goes where this does not follow
    EL_SVG = 6
    EL_OTHER = 7

# How the tokenizer reads what follows a start tag, by its name (others: data), and
# inside an SVG drawing the elements of plain drawings (any other tag stops the leaving
# out: an HTML tag breaks out of the drawing, a ``<foreignObject>`` holds HTML).
cdef const char *_EL_NAMES[13]
cdef int _EL_NAME_KINDS[13]
cdef size_t _EL_NAME_LENGTHS[13]
cdef size_t _EL_SVG_LENGTHS[22]
for _i, (_name, _kind) in enumerate([
    (b"title", EL_RCDATA), (b"textarea", EL_RCDATA), (b"xmp", EL_RAWTEXT),
    (b"iframe", EL_RAWTEXT), (b"noembed", EL_RAWTEXT), (b"noframes", EL_RAWTEXT),
    (b"script", EL_SCRIPT), (b"style", EL_STYLE), (b"select", EL_STOP),
    (b"frameset", EL_STOP), (b"math", EL_STOP), (b"plaintext", EL_STOP), (b"svg", EL_SVG),
]):
    _EL_NAME_KINDS[_i] = _kind
_EL_NAME_BYTES = [b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes",
                  b"script", b"style", b"select", b"frameset", b"math", b"plaintext", b"svg"]
for _i, _name in enumerate(_EL_NAME_BYTES):
    _EL_NAMES[_i] = _name  # (the list holds the bytes)
    _EL_NAME_LENGTHS[_i] = len(_name)
# The names of ``_EL_NAMES`` a tag's name may be, by its first letter (lower case) and
# by its length, a bit each: most tags' names are none, told without lowering them.
cdef unsigned int _EL_BY_FIRST[256]
cdef unsigned int _EL_BY_LENGTH[16]
memset(_EL_BY_FIRST, 0, sizeof(_EL_BY_FIRST))
memset(_EL_BY_LENGTH, 0, sizeof(_EL_BY_LENGTH))
for _i, _name in enumerate(_EL_NAME_BYTES):
    _EL_BY_FIRST[_name[0]] |= 1 << _i
    _EL_BY_LENGTH[len(_name)] |= 1 << _i


cdef inline unsigned int _el_maybe(unsigned char first, Py_ssize_t length) noexcept:
    """The names of ``_EL_NAMES`` opening with ``first`` (lower case) of ``length``
    (3 to 15) bytes, a bit each."""
    return _EL_BY_FIRST[first] & _EL_BY_LENGTH[length]


cdef const char *_EL_SVG_PLAIN[22]
_EL_SVG_BYTES = [
    b"svg", b"g", b"path", b"use", b"circle", b"rect", b"ellipse", b"line", b"polyline",
    b"polygon", b"defs", b"symbol", b"lineargradient", b"radialgradient", b"stop",
    b"clippath", b"mask", b"pattern", b"title", b"desc", b"text", b"tspan",
]
for _i, _name in enumerate(_EL_SVG_BYTES):
    _EL_SVG_PLAIN[_i] = _name
    _EL_SVG_LENGTHS[_i] = len(_name)


cdef int _el_kind(const unsigned char *name, Py_ssize_t length, bint in_svg) noexcept:
    """``EL_*`` of a tag's name (any case): outside a drawing how the tokenizer reads
    what follows its start tag; inside one, ``EL_SVG`` for ``svg``, ``EL_OTHER`` for
    the other elements of plain drawings, else ``EL_STOP``."""
    cdef unsigned char low[16]
    cdef Py_ssize_t k
    cdef unsigned char c
    if length > 15:
        return EL_STOP if in_svg else EL_OTHER
    if not in_svg and (length < 3 or length > 9 or _el_maybe(name[0] | 32, length) == 0):
        return EL_OTHER  # (most tags: no name of ``_EL_NAMES`` of that opening and length)
    for k in range(length):
        c = name[k]
        low[k] = c + 32 if 65 <= c <= 90 else c
    if in_svg:
        if length == 3 and memcmp(low, b"svg", 3) == 0:
            return EL_SVG
        for k in range(22):
            if _EL_SVG_LENGTHS[k] == <size_t> length and memcmp(low, _EL_SVG_PLAIN[k], length) == 0:
                return EL_OTHER
        return EL_STOP
    if length < 3 or length > 9:
        return EL_OTHER  # (no name of ``_EL_NAMES`` is shorter or longer)
    cdef unsigned int maybe = _el_maybe(low[0], length)
    for k in range(13):
        if maybe >> k & 1 and memcmp(low, _EL_NAMES[k], length) == 0:
            return _EL_NAME_KINDS[k]
    return EL_OTHER


cdef inline bint _el_space(unsigned char c) noexcept:
    return c == 32 or c == 9 or c == 10 or c == 12 or c == 13


cdef inline bint _el_alpha(unsigned char c) noexcept:
    return (65 <= c <= 90) or (97 <= c <= 122)


cdef enum:
    # The tokenizer's states inside a tag, after its name.
    T_BEFORE = 0  # before an attribute's name
    T_NAME = 1
    T_AFTER_NAME = 2
    T_BEFORE_VALUE = 3
    T_UNQUOTED = 4
    T_AFTER_QUOTED = 5
    T_SLASH = 6  # after a '/': the tag closes itself if a '>' follows


# Bytes by what they do inside a tag: 1 white space, 2 '/', 3 '=', 4 '>', 5 a quote.
cdef unsigned char _EL_CLASS[256]
memset(_EL_CLASS, 0, sizeof(_EL_CLASS))
for _byte, _class in ((9, 1), (10, 1), (12, 1), (13, 1), (32, 1), (47, 2), (61, 3), (62, 4),
                      (34, 5), (39, 5)):
    _EL_CLASS[_byte] = _class


cdef Py_ssize_t _el_tag_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n,
                            bint *closing) noexcept:
    """Past the ``>`` ending a tag whose name ends at ``i``, or -1 at the end of the
    page; ``closing``: the tag ends in ``/>``."""
    cdef int state = T_BEFORE
    cdef unsigned char k
    cdef const unsigned char *q
    closing[0] = False
    while i < n:
        k = _EL_CLASS[s[i]]
        if k == 4:  # '>' ends the tag in every state here
            closing[0] = state == T_SLASH
            return i + 1
        if state == T_BEFORE_VALUE:
            if k == 5:  # to the closing quote
                q = <const unsigned char *> memchr(s + i + 1, s[i], n - i - 1)
                if q == NULL:
                    return -1
                i = q - s + 1
                state = T_AFTER_QUOTED
                continue
            if k != 1:
                state = T_UNQUOTED
            i += 1
        elif state == T_UNQUOTED:
            while k != 1 and k != 4:
                i += 1
                if i >= n:
                    return -1
                k = _EL_CLASS[s[i]]
            if k == 1:
                state = T_BEFORE
                i += 1
        elif state == T_NAME:
            while k == 0 or k == 5:
                i += 1
                if i >= n:
                    return -1
                k = _EL_CLASS[s[i]]
            if k == 1:
                state = T_AFTER_NAME
            elif k == 2:
                state = T_SLASH
            elif k == 3:
                state = T_BEFORE_VALUE
            if k != 4:
                i += 1
        elif state == T_SLASH or state == T_AFTER_QUOTED:
            if k == 1 and state == T_AFTER_QUOTED:
                state = T_BEFORE
                i += 1
            elif k == 2:
                state = T_SLASH
                i += 1
            else:
                state = T_BEFORE  # (the byte is read again)
        else:  # before a name, or after one
            if k == 2:
                state = T_SLASH
            elif k == 3 and state == T_AFTER_NAME:
                state = T_BEFORE_VALUE
            elif k != 1:
                state = T_NAME  # (a name may start with '=' or a quote)
            i += 1
    return -1


cdef Py_ssize_t _el_end_tag(const unsigned char *s, Py_ssize_t i, Py_ssize_t n,
                            const unsigned char *name, Py_ssize_t length,
                            bint *comment) noexcept:
    """Where ``</name`` (any case) followed by white space, ``/`` or ``>`` first
    starts at or after ``i``, or -1; ``comment``: a ``<!--`` comes before it."""
    cdef const unsigned char *q
    cdef Py_ssize_t k
    cdef unsigned char c
    comment[0] = False
    while i < n:
        q = <const unsigned char *> memchr(s + i, 60, n - i)
        if q == NULL:
            return -1
        i = q - s
        if i + 2 + length < n and s[i + 1] == 47:
            for k in range(length):
                c = s[i + 2 + k]
                if 65 <= c <= 90:
                    c += 32
                if c != name[k]:
                    break
            else:
                c = s[i + 2 + length]
                if _el_space(c) or c == 47 or c == 62:
                    return i
        elif i + 3 < n and s[i + 1] == 33 and s[i + 2] == 45 and s[i + 3] == 45:
            comment[0] = True
        i += 1
    return -1


cdef bint _el_holds(const unsigned char *s, Py_ssize_t i, Py_ssize_t j,
                    const char *word, Py_ssize_t n) noexcept:
    """Whether ``s[i:j]`` holds ``word`` (lower case), ASCII case ignored."""
    cdef Py_ssize_t k, m
    cdef unsigned char c
    for k in range(i, j - n + 1):
        for m in range(n):
            c = s[k + m]
            if 65 <= c <= 90:
                c += 32
            if c != <unsigned char> word[m]:
                break
        else:
            return True
    return False


def elide_code(bytes data):
    """``data`` (a page's UTF-8) without the text of its scripts and style sheets
    (above); ``data`` itself when nothing is left out."""
    cdef const unsigned char *s = <const unsigned char *> PyBytes_AS_STRING(data)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data), i = 0, j, k, name_end, stop, kept = 0
    cdef Py_ssize_t depth = 0  # inside an SVG drawing
    cdef const unsigned char *q
    cdef bint closing, end_tag, comment
    cdef int kind
    cdef unsigned char c
    cdef unsigned char low[16]
    cdef Py_ssize_t m
    cdef list gaps = []  # (start, end) of each text left out
    cdef Py_ssize_t left_out = 0, start
    while i < n:
        q = <const unsigned char *> memchr(s + i, 60, n - i)  # '<'
        if q == NULL or q - s + 1 >= n:
            break
        j = q - s
        c = s[j + 1]
        if c == 33:  # '<!': a comment, a doctype or a bogus comment
            if j + 3 < n and s[j + 2] == 45 and s[j + 3] == 45:
                if depth:
                    break  # (a CDATA section or comment in a drawing: not followed)
                k = j + 4
                if k < n and s[k] == 62:
                    i = k + 1
                    continue
                if k + 1 < n and s[k] == 45 and s[k + 1] == 62:
                    i = k + 2
                    continue
                i = _el_comment_end(s, k, n)
                if i < 0:
                    break
                continue
            if depth:
                break
            q = <const unsigned char *> memchr(s + j + 2, 62, n - j - 2)
            if q == NULL:
                break
            i = q - s + 1
            continue
        if c == 63:  # '<?': a bogus comment
            if depth:
                break
            q = <const unsigned char *> memchr(s + j + 2, 62, n - j - 2)
            if q == NULL:
                break
            i = q - s + 1
            continue
        end_tag = c == 47
        k = j + 2 if end_tag else j + 1
        if k >= n:
            break
        if not _el_alpha(s[k]):
            if end_tag:
                if s[k] == 62:  # '</>': nothing
                    i = k + 1
                    continue
                if depth:
                    break
                q = <const unsigned char *> memchr(s + k, 62, n - k)
                if q == NULL:
                    break
                i = q - s + 1
                continue
            i = j + 1  # a '<' in the text
            continue
        name_end = k
        while name_end < n and _EL_CLASS[s[name_end]] != 1 and (
            _EL_CLASS[s[name_end]] != 2 and _EL_CLASS[s[name_end]] != 4
        ):
            name_end += 1
        i = _el_tag_end(s, name_end, n, &closing)
        if i < 0:
            break
        kind = _el_kind(s + k, name_end - k, depth > 0)
        if depth:
            if kind == EL_STOP:
                break
            if kind == EL_SVG:
                if end_tag:
                    depth -= 1
                elif not closing:
                    depth += 1
            continue
        if end_tag or kind == EL_OTHER:
            continue
        if kind == EL_SVG:
            if not closing:
                depth = 1
            continue
        if kind == EL_STOP:
            break
        # Text up to the end tag: read as text, or left out.
        for m in range(name_end - k):  # (the kinds' names are short, in ``low``)
            low[m] = s[k + m] + 32 if 65 <= s[k + m] <= 90 else s[k + m]
        stop = _el_end_tag(s, i, n, low, name_end - k, &comment)
        if stop < 0:
            break
        if kind == EL_SCRIPT:
            if comment:
                break  # (the script's escaped states: not followed)
            if _el_holds(s, j, i, b"json", 4):
                i = stop
                continue
        if (kind == EL_SCRIPT or kind == EL_STYLE) and stop > i:
            gaps.append((i, stop))
            left_out += stop - i
        i = stop
    if not gaps:
        return data
    out = PyBytes_FromStringAndSize(NULL, n - left_out)
    cdef char *o = PyBytes_AS_STRING(out)
    for start, stop in gaps:
        memcpy(o, s + kept, start - kept)
        o += start - kept
        kept = stop
    memcpy(o, s + kept, n - kept)
    return out


cdef Py_ssize_t _el_comment_end(const unsigned char *s, Py_ssize_t i, Py_ssize_t n) noexcept:
    """Past the ``-->`` (or ``--!>``) ending a comment whose text starts at ``i``, or
    -1."""
    cdef const unsigned char *q
    cdef Py_ssize_t start = i
    while i < n:
        q = <const unsigned char *> memchr(s + i, 62, n - i)  # '>'
        if q == NULL:
            return -1
        i = q - s
        if i - 2 >= start and s[i - 1] == 45 and s[i - 2] == 45:
            return i + 1
        if i - 3 >= start and s[i - 1] == 33 and s[i - 2] == 45 and s[i - 3] == 45:
            return i + 1
        i += 1
    return -1
