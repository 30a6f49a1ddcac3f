# The compiled twin of ``list_shapes.py_list_scan`` (included by ``_cwalk.pyx``): each
# kept line's list shape, and which lines may open with a number or hold a field's
# colon, in one pass over a page's lines for the main content run's list steps. The
# cheap tests (a tab, a digit near the start, the first character, a colon near the
# start) run on the characters in C; a pattern runs only on a line they let through,
# the pattern that ``line_shape`` runs: a call a line in Python cost a run's list steps
# most of their work. ``\d`` is ``Py_UCS4.isdecimal`` (the same for every character).


def ls_list_scan(list texts, Py_ssize_t field_max_words, tuple shapes, tuple patterns,
                 str bullet_signs, str fractions, Py_ssize_t date_reach,
                 Py_ssize_t field_reach, Py_ssize_t number_reach):
    """``list_shapes.py_list_scan``: ``shapes`` the names of ``SHAPES`` (table, date,
    bullet, quantity, field), ``patterns`` the ``match`` of ``_DATE``, ``_BULLET``,
    ``_QUANTITY`` and ``_FIELD``."""
    cdef Py_ssize_t i, j, n = len(texts), length, colon, reach
    cdef Py_UCS4 ch, first
    cdef bint digit
    cdef str text
    cdef list found = [], numbers = [], colons = []
    date_match, bullet_match, quantity_match, field_match = patterns
    for i in range(n):
        text = <str> texts[i]
        length = len(text)
        # The first colon within the field's reach, after the first character.
        colon = -1
        reach = min(length, field_reach)
        for j in range(reach):
            if text[j] == u":":
                colon = j
                break
        if colon > 0:
            colons.append(i)
        # A number may open the line: a digit, or a character past ASCII, before any
        # ASCII letter or '_' within the number's reach.
        reach = min(length, number_reach)
        for j in range(reach):
            ch = text[j]
            if ch >= 128 or u"0" <= ch <= u"9":
                numbers.append(i)
                break
            if u"a" <= ch <= u"z" or u"A" <= ch <= u"Z" or ch == u"_":
                break
        # ``line_shape``, its tests in its order.
        if u"\t" in text and u"\t" in text.strip():
            found.append((i, shapes[0]))
            continue
        if not length:
            continue
        digit = False
        reach = min(length, date_reach)
        for j in range(reach):
            if (<Py_UCS4> text[j]).isdecimal():
                digit = True
                break
        if digit and date_match(text) is not None:
            found.append((i, shapes[1]))
            continue
        first = text[0]
        if first in bullet_signs and bullet_match(text) is not None:
            found.append((i, shapes[2]))
            continue
        if (first.isdigit() or first in fractions) and quantity_match(text) is not None:
            found.append((i, shapes[3]))
            continue
        if colon > 0:
            m = field_match(text)
            if m is not None and len(m.group(1).split()) <= field_max_words:
                found.append((i, shapes[4]))
    return found, numbers, colons
