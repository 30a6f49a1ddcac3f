# The compiled twin of ``rules/duplicates.py``'s anchors (included by ``_cwalk.pyx``):
# each candidate's rarest word among all the candidates' words, counted once a pass on
# a text page. ``Counter`` looks a word up twice and makes an int each time; here each
# word goes once through a table of its own in C (open addressing on the words' cached
# hashes, equal as a dict finds them equal), and the candidates read their counts back
# from the slots recorded, without a look-up.

from cpython.object cimport PyObject_Hash, PyObject_RichCompareBool, Py_EQ
from libc.stdlib cimport calloc


cdef inline bint _cd_equal(PyObject *key, object token) except -1:
    """``key == token``: two strings compared as the dict would, without the call."""
    cdef object other = <object> key
    cdef Py_ssize_t n
    if PyUnicode_CheckExact(other) and PyUnicode_CheckExact(token):
        n = PyUnicode_GET_LENGTH(other)
        return (
            n == PyUnicode_GET_LENGTH(token)
            and PyUnicode_KIND(other) == PyUnicode_KIND(token)
            and memcmp(PyUnicode_DATA(other), PyUnicode_DATA(token), n * PyUnicode_KIND(other)) == 0
        )
    return PyObject_RichCompareBool(other, token, Py_EQ)


cdef Py_ssize_t _cd_slot(PyObject **keys, Py_hash_t *hashes, Py_ssize_t mask,
                         object token, Py_hash_t h) except -1:
    """The slot holding ``token`` in the table, or the empty one where it goes."""
    cdef Py_ssize_t i = <Py_ssize_t> (<size_t> h & <size_t> mask)
    cdef size_t perturb = <size_t> h
    while keys[i] != NULL:
        if keys[i] == <PyObject *> token or (hashes[i] == h and _cd_equal(keys[i], token)):
            return i
        perturb >>= 5
        i = <Py_ssize_t> ((5 * <size_t> i + 1 + perturb) & <size_t> mask)
    return i


def cd_anchors(list words, Py_ssize_t most):
    """``duplicates.py_anchors``: for each tuple of words, None or (its first rarest
    word, that word's place) when every word occurs at least twice in ``words`` and the
    rarest at most ``most`` times."""
    cdef Py_ssize_t total = 0, pos = 0, j, n, count, rarest, offset, size = 8, s
    cdef list anchors = []
    cdef tuple tokens
    cdef Py_hash_t h
    for tokens in words:
        total += len(tokens)
    while size < 2 * total:
        size <<= 1
    # The table (words borrowed from ``words``, which holds them), each slot's count,
    # and each place's slot.
    cdef PyObject **keys = <PyObject **> calloc(size, sizeof(PyObject *))
    cdef Py_hash_t *hashes = <Py_hash_t *> malloc(size * sizeof(Py_hash_t))
    cdef Py_ssize_t *tally = <Py_ssize_t *> malloc(size * sizeof(Py_ssize_t))
    cdef Py_ssize_t *place = <Py_ssize_t *> malloc((total + 1) * sizeof(Py_ssize_t))
    try:
        if keys == NULL or hashes == NULL or tally == NULL or place == NULL:
            raise MemoryError
        for tokens in words:
            for token in tokens:
                h = PyObject_Hash(token)
                s = _cd_slot(keys, hashes, size - 1, token, h)
                if keys[s] == NULL:
                    keys[s] = <PyObject *> token
                    hashes[s] = h
                    tally[s] = 1
                else:
                    tally[s] += 1
                place[pos] = s
                pos += 1
        pos = 0
        for tokens in words:
            n = len(tokens)
            rarest = -1
            offset = 0
            for j in range(n):
                count = tally[place[pos + j]]
                if count == 1:
                    rarest = -1
                    break
                if rarest < 0 or count < rarest:
                    rarest = count
                    offset = j
            pos += n
            if rarest < 0 or rarest > most:
                anchors.append(None)
            else:
                anchors.append((tokens[offset], offset))
    finally:
        free(keys)
        free(hashes)
        free(tally)
        free(place)
    return anchors
