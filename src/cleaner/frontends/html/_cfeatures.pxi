# The compiled twins of ``features._fill_all``, ``_page_counts`` and ``_set_page_counts``
# (included by ``_cwalk.pyx``; the HTML path takes them through
# ``compiled.compiled_features()``). Each block's text is read once, in C: its words
# (runs of characters ``features._TO_SPACE`` leaves alone, the table itself read here),
# its key and tokens, digits, capitals and closing punctuation; casefolding past ASCII
# through a table of ``str.casefold``'s folds (``_cfold.pxi``). What only Python does
# exactly stays in Python: a character folding to several, the dateline pattern,
# blocks of ``_LONG_BLOCK_CHARS`` or more (``features._fill``).
# ``features.py`` is the reference; the equality tests compare both on every page.

from cpython.unicode cimport (
    Py_UNICODE_ISDIGIT, Py_UNICODE_ISLOWER, Py_UNICODE_ISTITLE, Py_UNICODE_ISUPPER,
    PyUnicode_FindChar, PyUnicode_Substring,
)
from cpython.bytearray cimport PyByteArray_AS_STRING
from cpython.dict cimport PyDict_GetItemWithError
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from libc.string cimport memcmp, memcpy

from ...features import (
    _DATELINE, _LONG_BLOCK_CHARS, _TERMINALS, _TO_SPACE, _TRAILING, _fill as _py_fill,
    _page_counts as _py_page_counts,
)

cdef extern from "Python.h":
    object PyUnicode_New(Py_ssize_t, Py_UCS4)
    PyObject *PyDict_SetDefault(object, object, object) except NULL
    bint PyUnicode_CheckExact(object)

cdef Py_ssize_t _LONG = _LONG_BLOCK_CHARS
cdef str _TRAILING_CHARS = _TRAILING
_dateline = _DATELINE.match
cdef object _ZERO = 0.0, _ONE = 1.0, _UNSET = -1.0
# Which code points ``_TO_SPACE`` makes white space (a bit each; past its end a code
# point is left as it is), and which ASCII characters ``_TRAILING`` holds.
cdef Py_ssize_t _TABLE_SIZE = len(_TO_SPACE)
cdef unsigned char *_SEP = <unsigned char *> malloc((_TABLE_SIZE >> 3) + 1)
cdef unsigned char _ASCII_TRAILING[128]
# ASCII: which characters ``_TO_SPACE`` makes white space, and each one lower-cased.
cdef unsigned char _ASCII_SEP[128]
cdef char _ASCII_LOWER[128]
# ``_TERMINALS``' code points.
cdef unsigned int _TERM[32]
cdef Py_ssize_t _N_TERM = len(_TERMINALS)


cdef void _init_tables() except *:
    if _SEP == NULL or _N_TERM > 32:
        raise MemoryError
    memset(_SEP, 0, (_TABLE_SIZE >> 3) + 1)
    cdef int kind = PyUnicode_KIND(_TO_SPACE)
    cdef const void *data = PyUnicode_DATA(_TO_SPACE)
    cdef Py_ssize_t c
    for c in range(_TABLE_SIZE):
        if Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, c)):
            _SEP[c >> 3] |= 1 << (c & 7)
    for c in range(128):
        _ASCII_TRAILING[c] = chr(c) in _TRAILING
        _ASCII_SEP[c] = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, c))
        _ASCII_LOWER[c] = c + 32 if 65 <= c <= 90 else c
    for c, ch in enumerate(sorted(_TERMINALS)):
        _TERM[c] = ord(ch)


_init_tables()


include "_cfeatures_chars.pxi"  # (the character tests, on the tables above)


cdef enum:
    SMALL_SPANS = 512  # word offsets held on the stack (a text of 511 characters)


cdef void _fill(object text, object f, Py_ssize_t opening_words, Py_ssize_t per_word,
                Py_ssize_t joiner, object distinct) except *:
    """``features._fill``: the features of one block's text into ``f``."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text)
    if not PyUnicode_CheckExact(text) or n >= _LONG or per_word <= 0 or opening_words < 0:
        _py_fill(text, f, opening_words, per_word, joiner, distinct)
        return
    cdef Py_ssize_t small[SMALL_SPANS]
    cdef Py_ssize_t *spans = small
    if n + 1 > SMALL_SPANS:  # (a word is a character and a separator at least)
        spans = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
        if spans == NULL:
            raise MemoryError
    try:
        _fill_words(text, f, n, spans, opening_words, per_word, joiner, distinct)
    finally:
        if spans != small:
            free(spans)


cdef object _key_tokens(object key, Py_ssize_t *spans, Py_ssize_t w, object distinct):
    """The tokens of an ASCII ``key`` whose ``w`` words sit at ``spans`` (of the text):
    one after another, a space apart."""
    tokens = PyTuple_New(w)
    cdef Py_ssize_t j, at = 0, length
    cdef const char *chars = <const char *> PyUnicode_DATA(key)
    for j in range(w):
        length = spans[2 * j + 1] - spans[2 * j]
        if length > 1 and w > 1:
            # A word's own string, its bytes copied (``PyUnicode_Substring``'s checks
            # and calls cost a third more); a one-character word takes the interpreter's
            # shared string, and a single word is the key itself, as ``split`` gives.
            token = PyUnicode_New(length, 127)
            memcpy(PyUnicode_DATA(token), chars + at, length)
        else:
            token = PyUnicode_Substring(key, at, at + length)
        if distinct is not None:
            token = <object> PyDict_SetDefault(distinct, token, token)
        Py_INCREF(token)
        PyTuple_SET_ITEM(tokens, j, token)
        at += length + 1
    return tokens


cdef enum:
    # The fields ``_fill_words`` writes, by their place in ``_F_SLOTS``.
    F_FOLDED, F_TOKENS, F_KEY, F_N_CHARS, F_N_WORDS, F_N_TOKENS, F_ENDS_SENTENCE
    F_LETTER_RATIO, F_DIGIT_RATIO, F_TITLE_RATIO, F_HEADLINE_PREFIX, F_STOPWORD_RATIO
    F_FIELDS

_F_NAMES = (
    "folded", "tokens", "key", "n_chars", "n_words", "n_tokens", "ends_sentence",
    "letter_ratio", "digit_ratio", "title_ratio", "headline_prefix", "stopword_ratio",
)
# Each field's slot in a ``Features`` (``_cnew.pxi``'s layout, checked there): written
# into without an attribute look-up, where the layout is usable.
cdef Py_ssize_t _F_SLOTS[F_FIELDS]
cdef bint _F_DIRECT = _FEATURES.usable and all(name in _FEATURES.offset_of for name in _F_NAMES)
if _F_DIRECT:
    for _i, _name in enumerate(_F_NAMES):
        _F_SLOTS[_i] = _FEATURES.offsets[_FEATURES.offset_of[_name]]


cdef inline void _fput(object f, bint direct, int field, object value) except *:
    """``setattr(f, _F_NAMES[field], value)``."""
    if direct:
        _new_put(f, _F_SLOTS[field], value)
    else:
        setattr(f, _F_NAMES[field], value)


cdef void _fill_words(object text, object f, Py_ssize_t n, Py_ssize_t *spans,
                      Py_ssize_t opening_words, Py_ssize_t per_word, Py_ssize_t joiner,
                      object distinct) except *:
    cdef int kind = PyUnicode_KIND(text)
    cdef const void *data = PyUnicode_DATA(text)
    cdef bint ascii_text = PyUnicode_IS_ASCII(text), words_ascii = True, upper = False
    cdef Py_ssize_t j, i, m, key_len = 0, digits = 0, n_words, unspaced = 0, n_open, w
    cdef Py_ssize_t capitalised
    cdef unsigned int c
    cdef char *out
    cdef Py_UCS4 *wide
    cdef const unsigned char *ascii = <const unsigned char *> data
    # ASCII text (most lines) in one pass over its bytes: words, digits and capitals.
    if ascii_text:
        w = _ascii_words(ascii, n, spans, &digits, &upper)
    else:
        w = _words(kind, data, 0, n, spans, n + 1)
    for j in range(w):
        key_len += spans[2 * j + 1] - spans[2 * j]
        if not ascii_text and words_ascii:
            for i in range(spans[2 * j], spans[2 * j + 1]):
                if PyUnicode_READ(kind, data, i) >= 128:
                    words_ascii = False
                    break
    key_len += w - 1 if w else 0
    if words_ascii:
        # The words joined by single spaces and lower-cased (casefolding ASCII).
        key = PyUnicode_New(key_len, 127)
        out = <char *> PyUnicode_DATA(key)
        m = 0
        for j in range(w):
            if j:
                out[m] = 32
                m += 1
            if ascii_text:  # (its digits counted already)
                for i in range(spans[2 * j], spans[2 * j + 1]):
                    out[m] = _ASCII_LOWER[ascii[i]]
                    m += 1
                continue
            for i in range(spans[2 * j], spans[2 * j + 1]):
                c = PyUnicode_READ(kind, data, i)
                if 65 <= c <= 90:
                    c += 32
                elif 48 <= c <= 57:
                    digits += 1
                out[m] = <char> c
                m += 1
        tokens = _key_tokens(key, spans, w, distinct)
        n_words = w
    else:
        wide = <Py_UCS4 *> malloc(key_len * sizeof(Py_UCS4))
        if wide == NULL:
            raise MemoryError
        try:
            m = 0
            for j in range(w):
                if j:
                    wide[m] = 32
                    m += 1
                for i in range(spans[2 * j], spans[2 * j + 1]):
                    wide[m] = PyUnicode_READ(kind, data, i)
                    m += 1
            key = _fold_chars(4, wide, key_len)  # (``_cfold.pxi``)
            if key is None:
                key = PyUnicode_FromKindAndData(4, wide, key_len).casefold()
        finally:
            free(wide)
        parts = key.split()
        tokens = tuple(parts if distinct is None else [distinct.setdefault(p, p) for p in parts])
        n_words = len(tokens)
        key_len = PyUnicode_GET_LENGTH(key)
        for i in range(key_len):
            c = PyUnicode_READ(PyUnicode_KIND(key), PyUnicode_DATA(key), i)
            if 48 <= c <= 57:
                digits += 1
    # The casefolded text, the same string as the text or the key where equal.
    if ascii_text:
        if not upper:
            folded = text
        else:
            folded = PyUnicode_New(n, 127)
            out = <char *> PyUnicode_DATA(folded)
            for i in range(n):
                out[i] = _ASCII_LOWER[ascii[i]]
            if n == key_len and memcmp(out, PyUnicode_DATA(key), n) == 0:
                folded = key
    else:
        folded = _fold_text(text)
        folded = text if folded == text else key if folded == key else folded
        for i in range(n):
            if _unspaced(PyUnicode_READ(kind, data, i)):
                unspaced += 1
    cdef bint direct = _F_DIRECT and type(f) is Features
    _fput(f, direct, F_FOLDED, folded)
    _fput(f, direct, F_TOKENS, tokens)
    _fput(f, direct, F_KEY, key)
    _fput(f, direct, F_N_CHARS, n)
    _fput(f, direct, F_N_WORDS, n_words)
    _fput(f, direct, F_N_TOKENS, n_words + unspaced // per_word)
    _fput(f, direct, F_ENDS_SENTENCE, _ends_sentence(kind, data, n))
    _fput(f, direct, F_LETTER_RATIO,
          (<double> (key_len - n_words + 1)) / n if n_words else _ZERO)
    _fput(f, direct, F_DIGIT_RATIO, (<double> digits) / n if digits else _ZERO)
    # Capitals in the opening words, and how many open the block (after a dateline).
    n_open = min(opening_words, w)
    if n_open:
        capitalised = 0
        for j in range(n_open):
            capitalised += _istitle(kind, data, spans[2 * j], spans[2 * j + 1])
            capitalised += _isupper(kind, data, spans[2 * j], spans[2 * j + 1])
        _fput(f, direct, F_TITLE_RATIO, (
            _ZERO if not capitalised
            else _ONE if capitalised == n_open
            else (<double> capitalised) / n_open
        ))
        c = PyUnicode_READ(kind, data, 0)
        if (not ascii_text or (65 <= c <= 90 and (
            n == 1 or _dateline_second(PyUnicode_READ(kind, data, 1))
        ))) and _dash_space(kind, data, n):
            dateline = _dateline(text)
            if dateline is not None:
                n_open = _words(kind, data, dateline.end(), n, spans, opening_words)
    _fput(f, direct, F_HEADLINE_PREFIX, _capitalised_prefix(kind, data, spans, n_open, joiner))
    _fput(f, direct, F_STOPWORD_RATIO, _UNSET)


cdef Py_ssize_t _ascii_words(const unsigned char *text, Py_ssize_t n, Py_ssize_t *spans,
                             Py_ssize_t *digits, bint *upper) noexcept:
    """``_words`` of an ASCII text, counting its digits and noting a capital on the
    way (both only ever inside words)."""
    cdef Py_ssize_t w = 0, i, begin = -1, d = 0
    cdef bint up = False
    cdef unsigned char c
    for i in range(n):
        c = text[i]
        if _ASCII_SEP[c]:
            if begin >= 0:
                spans[2 * w] = begin
                spans[2 * w + 1] = i
                w += 1
                begin = -1
        else:
            if begin < 0:
                begin = i
            if <unsigned char> (c - 48) <= 9:
                d += 1
            elif <unsigned char> (c - 65) <= 25:
                up = True
    if begin >= 0:
        spans[2 * w] = begin
        spans[2 * w + 1] = n
        w += 1
    digits[0] = d
    upper[0] = up
    return w


cdef bint _dash_space(int kind, const void *data, Py_ssize_t n) noexcept:
    """Whether the text holds the dash a dateline ends with and its space ('- ', '— '
    or '– '): without one the pattern cannot match (``features._fill`` asks too)."""
    cdef Py_ssize_t i
    cdef unsigned int c
    for i in range(n - 1):
        c = PyUnicode_READ(kind, data, i)
        if (c == 45 or c == 0x2014 or c == 0x2013) and PyUnicode_READ(kind, data, i + 1) == 32:
            return True
    return False


cdef inline bint _dateline_second(unsigned int c) noexcept:
    """``features._DATELINE_SECOND``: a capital, '.', "'" or a space."""
    return 65 <= c <= 90 or c == 46 or c == 39 or c == 32


def fill_all(list live, Py_ssize_t opening, Py_ssize_t per_word, Py_ssize_t joiner,
             distinct):
    """``features._fill_all``."""
    cdef dict first = {}
    for block in live:
        f = _cslot_features(block)
        if not _cslot_f(f, _CSLOT_F_FOLDED, "folded"):
            text = _cslot_text(block)
            seen = first.get(text)
            if seen is None:
                _fill(text, f, opening, per_word, joiner, distinct)
                first[text] = f
            else:
                block.features = seen


def page_counts(list features, Py_ssize_t min_words, dict languages_of, Py_ssize_t n_languages):
    """``features._page_counts``, and per block counted, its hits in each language
    (``held``, for ``set_page_counts``: its blocks' stop words not looked up again)."""
    if n_languages > 64:  # (a mask of more languages than a C integer holds)
        return _py_page_counts(features, min_words, languages_of, n_languages)
    cdef dict keys = {}
    cdef Py_ssize_t total = 0, longer = 0, i
    cdef unsigned long long mask
    cdef Py_ssize_t hits[64]
    cdef PyObject *found
    cdef unsigned short *own = NULL
    for f in features:
        key = _cslot_f(f, _CSLOT_F_KEY, "key")
        keys[key] = keys.get(key, 0) + 1
        if _cslot_f(f, _CSLOT_F_N_WORDS, "n_words") >= min_words:
            longer += 1
    # The longer blocks' hits per language, two bytes each (0xFFFF: that many or
    # more, looked up again): an eighth of their tokens' own size at most.
    held = None
    if longer and n_languages:
        store = bytearray(longer * n_languages * sizeof(unsigned short))
        own = <unsigned short *> PyByteArray_AS_STRING(store)
        held = (store, n_languages, min_words)
    # A stop word's languages in one look-up, each language's hits counted in C.
    memset(hits, 0, sizeof(hits))
    for f in features:
        if not longer or _cslot_f(f, _CSLOT_F_N_WORDS, "n_words") >= min_words:
            tokens = _cslot_f(f, _CSLOT_F_TOKENS, "tokens")
            total += len(tokens)
            for token in tokens:
                found = PyDict_GetItemWithError(languages_of, token)
                if found is NULL:
                    continue
                mask = <object> found
                i = 0
                while mask:
                    if mask & 1:
                        hits[i] += 1
                        if own != NULL and own[i] != 0xFFFF:
                            own[i] += 1
                    mask >>= 1
                    i += 1
            if own != NULL:
                own += n_languages
    return keys, [hits[i] for i in range(n_languages)], total, held


def set_page_counts(list live, keys, frozenset stopwords, bint refill, held=None,
                    Py_ssize_t language=-1):
    """``features._set_page_counts``; where ``page_counts`` held a block's hits in
    ``language`` (its place among the languages), they are read, not counted."""
    cdef Py_ssize_t hits, n_words, n_languages = 0, min_words = 0
    cdef double ratio
    cdef const unsigned short *own = NULL
    if held is not None and language >= 0:
        store, n_languages, min_words = held
        own = <const unsigned short *> PyByteArray_AS_STRING(store)
    for block in live:
        f = _cslot_features(block)
        _cslot_set_f(f, _CSLOT_F_REPEATS, "repeats", keys[_cslot_f(f, _CSLOT_F_KEY, "key")])
        ratio = _cslot_f(f, _CSLOT_F_STOPWORD_RATIO, "stopword_ratio")
        n_words = _cslot_f(f, _CSLOT_F_N_WORDS, "n_words")
        if refill or ratio < 0:
            hits = 0
            if own != NULL and n_words >= min_words and own[language] != 0xFFFF:
                hits = own[language]
            elif n_words:
                for token in _cslot_f(f, _CSLOT_F_TOKENS, "tokens"):
                    if token in stopwords:
                        hits += 1
            _cslot_set_f(f, _CSLOT_F_STOPWORD_RATIO, "stopword_ratio",
                         (<double> hits) / n_words if hits else _ZERO)
        if own != NULL and n_words >= min_words:
            own += n_languages
