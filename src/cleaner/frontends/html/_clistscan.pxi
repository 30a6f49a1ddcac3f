# The compiled twin of ``list_shapes.py_list_scan`` (included by ``_cwalk.pyx``): each
# kept line's list shape, and which lines may open with a number or hold a field's
# colon, in one pass over a page's lines for the main content run's list steps. The
# cheap tests (a tab, a digit near the start, the first character, a colon near the
# start) run on the characters in C; a pattern runs only on a line they let through,
# the pattern that ``line_shape`` runs: a call a line in Python cost a run's list steps
# most of their work. ``\d`` is ``Py_UCS4.isdecimal`` (the same for every character).


from cpython.unicode cimport Py_UNICODE_ISDECIMAL


def ls_list_scan(list texts, Py_ssize_t field_max_words, tuple shapes, tuple patterns,
                 str bullet_signs, str fractions, Py_ssize_t date_reach,
                 Py_ssize_t field_reach, Py_ssize_t number_reach):
    """``list_shapes.py_list_scan``: ``shapes`` the names of ``SHAPES`` (table, date,
    bullet, quantity, field), ``patterns`` the ``match`` of ``_DATE``, ``_BULLET``,
    ``_QUANTITY`` and ``_FIELD``."""
    cdef Py_ssize_t i, j, n = len(texts), length, colon, reach
    cdef Py_ssize_t n_signs = len(bullet_signs), n_fractions = len(fractions)
    cdef Py_UCS4 ch, first
    cdef bint digit
    cdef int kind
    cdef const void *data
    cdef str text
    cdef list found = [], numbers = [], colons = []
    date_match, bullet_match, quantity_match, field_match = patterns
    for i in range(n):
        text = <str> texts[i]
        length = len(text)
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
        # The first colon within the field's reach, after the first character.
        colon = PyUnicode_FindChar(text, 58, 0, min(length, field_reach), 1)  # (':')
        if colon > 0:
            colons.append(i)
        # A number may open the line: a digit, or a character past ASCII, before any
        # ASCII letter or '_' within the number's reach.
        reach = min(length, number_reach)
        for j in range(reach):
            ch = PyUnicode_READ(kind, data, j)
            if ch >= 128 or 48 <= ch <= 57:
                numbers.append(i)
                break
            if 97 <= ch <= 122 or 65 <= ch <= 90 or ch == 95:
                break
        # ``line_shape``, its tests in its order.
        if PyUnicode_FindChar(text, 9, 0, length, 1) >= 0 and u"\t" in text.strip():
            found.append((i, shapes[0]))
            continue
        if not length:
            continue
        digit = False
        reach = min(length, date_reach)
        for j in range(reach):
            if Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j)):
                digit = True
                break
        if digit and date_match(text) is not None:
            found.append((i, shapes[1]))
            continue
        first = PyUnicode_READ(kind, data, 0)
        if (
            PyUnicode_FindChar(bullet_signs, first, 0, n_signs, 1) >= 0
            and bullet_match(text) is not None
        ):
            found.append((i, shapes[2]))
            continue
        if (
            Py_UNICODE_ISDIGIT(first)
            or PyUnicode_FindChar(fractions, first, 0, n_fractions, 1) >= 0
        ) and quantity_match(text) is not None:
            found.append((i, shapes[3]))
            continue
        if colon > 0:
            m = field_match(text)
            if m is not None and len(m.group(1).split()) <= field_max_words:
                found.append((i, shapes[4]))
    return found, numbers, colons
