# The compiled twin of ``rules.gates.candidates`` (included by ``_cwalk.pyx``; a run of
# line rules on text takes it through ``compiled.compiled_features()``): which lines
# each rule's gate admits, every gate of the run looked at for a line in one call, the
# line's facts read once. ``rules/gates.py`` is the reference (its operation numbers
# are these: ``_check_gate_ops``); the equality tests compare both on every page.

from cpython.unicode cimport PyUnicode_1BYTE_KIND

from ...rules import gates as _gates

cdef enum:
    G_TOKENS_ANY = 0
    G_TOKENS_ALL = 1
    G_FOLDED_HOLDS = 2
    G_TEXT_HOLDS = 3
    G_OPENS = 4
    G_MAX_CHARS = 5
    G_NO_SENTENCE_END = 6
    G_MAY_HOLD_DIGIT = 7
    G_EDGE_OPENS = 8
    G_BRANCHES = 9
    G_OPENING_CHARS = 3


cdef void _check_gate_ops() except *:
    ops = (_gates.TOKENS_ANY, _gates.TOKENS_ALL, _gates.FOLDED_HOLDS, _gates.TEXT_HOLDS,
           _gates.OPENS, _gates.MAX_CHARS, _gates.NO_SENTENCE_END, _gates.MAY_HOLD_DIGIT,
           _gates.EDGE_OPENS, _gates.BRANCHES)
    if ops != tuple(range(10)) or _gates.OPENING_CHARS != G_OPENING_CHARS:
        raise ImportError("rules.gates' operations are not the ones _clines.pxi reads")


_check_gate_ops()


cdef class _Line:
    """One line's facts, each read when a gate first needs it."""
    cdef object block, f
    cdef str folded, text
    cdef tuple tokens
    cdef object first, opening
    cdef int lower  # -1 unread; else whether the casefolded text opens with a-z


cdef class _Literals:
    """A need's ``gates.Strings`` as read here: its strings, and when it has tables,
    pointers into them (held by the ``Strings``)."""
    cdef tuple all
    cdef bint scan, empty
    cdef object held
    cdef const unsigned char *single
    cdef const unsigned char *pairs
    cdef dict by_pair


cdef _Literals _literals(object strings):
    cdef _Literals out = _Literals.__new__(_Literals)
    cdef str lit
    out.held = strings
    out.all = strings.all
    out.empty = any([not lit for lit in out.all])
    single, pairs = strings.single, strings.pairs
    out.scan = len(single) == 256 and len(pairs) == 65536 // 8
    if out.scan:
        out.single = <const unsigned char *> (<char *> single)
        out.pairs = <const unsigned char *> (<char *> pairs)
        out.by_pair = strings.by_pair
    return out


cdef bint _holds_any(str s, _Literals literals) except -1:
    cdef object lit
    cdef const unsigned char *data
    cdef Py_ssize_t n, p, m
    cdef int pair
    cdef bytes b
    if literals.empty:
        return True
    if not literals.scan or PyUnicode_KIND(s) != PyUnicode_1BYTE_KIND:
        for lit in literals.all:
            if lit in s:
                return True
        return False
    data = <const unsigned char *> PyUnicode_DATA(s)
    n = len(s)
    for p in range(n):
        if literals.single[data[p]]:
            return True
        if p + 1 < n:
            pair = data[p] << 8 | data[p + 1]
            if literals.pairs[pair >> 3] & (1 << (pair & 7)):
                for b in <tuple> literals.by_pair[pair]:
                    m = len(b)
                    if m <= n - p and memcmp(data + p, <const char *> b, m) == 0:
                        return True
    return False


cdef tuple _prepare_gates(tuple gates):
    """``gates`` with each need for strings holding them as ``_Literals``."""
    return tuple([
        tuple([
            tuple([
                (need[0], _literals(need[1]))
                if need[0] == G_FOLDED_HOLDS or need[0] == G_TEXT_HOLDS else need
                for need in <tuple> alternative
            ])
            for alternative in <tuple> gate
        ])
        for gate in gates
    ])


cdef bint _need(_Line line, int op, object arg) except -1:
    cdef object t
    cdef Py_UCS4 c
    if op == G_TOKENS_ANY:
        if line.tokens is None:
            line.tokens = line.f.tokens
        for t in line.tokens:
            if t in <frozenset> arg:
                return True
        return False
    if op == G_TOKENS_ALL:
        if line.tokens is None:
            line.tokens = line.f.tokens
        if not line.tokens:
            return False
        for t in line.tokens:
            if t not in <frozenset> arg:
                return False
        return True
    if op == G_FOLDED_HOLDS:
        if line.folded is None:
            line.folded = line.f.folded
        return _holds_any(line.folded, <_Literals> arg)
    if op == G_TEXT_HOLDS:
        if line.text is None:
            line.text = line.block.text
        return _holds_any(line.text, <_Literals> arg)
    if op == G_OPENS:
        if line.folded is None:
            line.folded = line.f.folded
        if line.lower < 0:
            line.lower = 0
            if len(line.folded):
                c = line.folded[0]
                line.lower = 97 <= c <= 122
        if not line.lower:
            return True
        if line.first is None:
            line.first = line.folded[:1]
            line.opening = line.folded[:G_OPENING_CHARS]
        letters, full, short = <tuple> arg
        return (
            line.first in <frozenset> letters
            or line.opening in <frozenset> full
            or line.folded.startswith(short)
        )
    if op == G_MAX_CHARS:
        return line.f.n_chars <= arg
    if op == G_NO_SENTENCE_END:
        return not line.f.ends_sentence
    if op == G_MAY_HOLD_DIGIT:
        if line.f.digit_ratio:
            return True
        if line.text is None:
            line.text = line.block.text
        return not line.text.isascii()
    if op == G_EDGE_OPENS:
        if line.folded is None:
            line.folded = line.f.folded
        return _edge_opens(line.folded, <tuple> arg)
    if op == G_BRANCHES:
        if line.folded is None:
            line.folded = line.f.folded
        return bool(arg.holds(line.folded))
    raise ValueError(f"unknown gate operation {op}")


cdef bint _edge_opens(str s, tuple arg) except -1:
    """``gates._edge_opens``: the line's edge read up to its first letter a-z."""
    cdef Py_ssize_t p, n = len(s)
    cdef long reach = arg[4]
    cdef Py_UCS4 c
    cdef frozenset edge = arg[3]
    if n and 97 <= s[0] <= 122:
        return True
    if 0 <= reach < n:
        n = reach
    for p in range(n):
        c = s[p]
        if c > 127 or c in edge:
            return True
        if 97 <= c <= 122:
            return (
                s[p:p + 1] in <frozenset> arg[0]
                or s[p:p + G_OPENING_CHARS] in <frozenset> arg[1]
                or s.startswith(<tuple> arg[2], p)
            )
    return False


cdef bint _admits(_Line line, tuple gate) except -1:
    cdef tuple alternative, need
    cdef bint ok
    for alternative in gate:
        ok = True
        for need in alternative:
            if not _need(line, need[0], need[1]):
                ok = False
                break
        if ok:
            return True
    return False


def line_candidates(list blocks, tuple gates, tuple bounds):
    """``gates.candidates``: the kept blocks that some gate admits, as (position, mask)."""
    cdef Py_ssize_t i, r, n_rules = len(gates)
    cdef long long mask, bound, n
    cdef list found = []
    cdef object block
    cdef _Line line = _Line.__new__(_Line)  # (one for every line: its facts reset)
    if n_rules > 62:
        raise ValueError("a run of more than 62 line rules")
    gates = _prepare_gates(gates)
    for i in range(len(blocks)):
        block = blocks[i]
        if block.removal is not None or block.pruned:
            continue
        line.block = block
        line.f = block.features
        line.folded = line.text = line.tokens = line.first = line.opening = None
        line.lower = -1
        n = line.f.n_words
        mask = 0
        for r in range(n_rules):
            bound = bounds[r]
            if bound >= 0 and n > bound:
                continue
            if _admits(line, <tuple> gates[r]):
                mask |= (<long long> 1) << r
        if mask:
            found.append((i, mask))
    return found
