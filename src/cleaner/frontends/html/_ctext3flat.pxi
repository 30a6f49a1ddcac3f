# The gates of ``_ctext3.pxi``'s plan as C arrays (included by ``_cwalk.pyx`` after
# ``_ctext3scan.pxi``): ``line_gate_masks`` tests every rule's gate on every line, and
# walking the gates' tuples there (an alternative, a need, its operation and its bits
# each read off a Python object, a line's numbers compared as objects) cost more than
# the tests themselves. Here each need is an operation, bits and a limit in arrays,
# and a line's numbers are read once. The answers are the tuples' (``_ctext3_admits``):
# tests/test_line_gates.py compares the masks with ``gates.candidates`` on every page.

cdef enum:
    _CT3F_MAX_ALTS = 512  # alternatives of all the plan's gates (more: the tuples)
    _CT3F_MAX_NEEDS = 1024  # their needs


cdef class _Ct3fPlan:
    """Per rule, the end of its alternatives; per alternative, the end of its needs
    (each starts where the one before ends); per need, its operation, bits (merged
    look-ups), limit (MAX_CHARS) and argument (strings, or another operation's)."""
    cdef int alt_end[_CTEXT3_MAX_BITS]
    cdef int need_end[_CT3F_MAX_ALTS]
    cdef int op[_CT3F_MAX_NEEDS]
    cdef unsigned long long bits[_CT3F_MAX_NEEDS]
    cdef long long limit[_CT3F_MAX_NEEDS]
    cdef PyObject *arg[_CT3F_MAX_NEEDS]
    cdef list held  # (the arguments, alive as long as the plan)
    # Per rule whose every alternative holds a need of the merged look-ups (``quick``):
    # the bits of one such need an alternative, by look-up. A line none of them hits
    # is admitted by no alternative: the rule's gate is not walked for it.
    cdef bint quick[_CTEXT3_MAX_BITS]
    cdef unsigned long long quick_words[_CTEXT3_MAX_BITS]
    cdef unsigned long long quick_opens[_CTEXT3_MAX_BITS]


cdef class _Ct3fLine(_Ctext3Line):
    """A line's facts, with its numbers read once (-1: not yet)."""
    cdef long long n_chars
    cdef int ends, digits


cdef object _ct3f_flatten(_Ctext3Plan plan):
    """The plan's gates as arrays, or None when they hold more than the arrays do."""
    cdef _Ct3fPlan flat = _Ct3fPlan.__new__(_Ct3fPlan)
    cdef Py_ssize_t r, a = 0, k = 0
    cdef tuple need
    flat.held = []
    for r in range(plan.n_rules):
        flat.quick[r] = True
        flat.quick_words[r] = flat.quick_opens[r] = 0
        for alternative in <tuple> plan.gates[r]:
            if a >= _CT3F_MAX_ALTS:
                return None
            _ct3f_quick(flat, r, <tuple> alternative)
            for need in <tuple> alternative:
                if k >= _CT3F_MAX_NEEDS:
                    return None
                op = need[0]
                flat.op[k] = op
                flat.bits[k] = 0
                flat.limit[k] = 0
                if op == _CTEXT3_WORDS or op == _CTEXT3_OPENS:
                    flat.bits[k] = <unsigned long long> need[1]
                elif op == _CTEXT3_MAX_CHARS:
                    if not -(1 << 62) < need[1] < (1 << 62):
                        return None  # (an int: line_gate_plan; one past C's: the tuples)
                    flat.limit[k] = need[1]
                arg = need[1]
                if op == G_BRANCHES:
                    flat.op[k] = _CT3B_BRANCHES
                    arg = _ct3b_gate(arg)
                flat.held.append(arg)
                flat.arg[k] = <PyObject *> arg
                k += 1
            flat.need_end[a] = k
            a += 1
        flat.alt_end[r] = a
    return flat


cdef void _ct3f_quick(_Ct3fPlan flat, Py_ssize_t r, tuple alternative) noexcept:
    """Adds an alternative of rule ``r`` to its quick test: the bits of its first need
    of the merged look-ups (none: the rule has no quick test)."""
    cdef tuple need
    for need in alternative:
        if need[0] == _CTEXT3_WORDS:
            flat.quick_words[r] |= <unsigned long long> need[1]
            return
        if need[0] == _CTEXT3_OPENS:
            flat.quick_opens[r] |= <unsigned long long> need[1]
            return
    flat.quick[r] = False


cdef long long _ct3f_n_chars(_Ct3fLine line) except? -2:
    cdef object n
    if line.n_chars == -1:
        n = _cslot_f(line.f, _CTEXT3_F_N_CHARS, "n_chars")
        # (Not an int of a C size: compared as an object, by the tuples' test.)
        line.n_chars = n if type(n) is int and 0 <= n < (1 << 62) else -3
    return line.n_chars


cdef bint _ct3f_admits(_Ctext3Plan plan, _Ct3fPlan flat, _Ct3fLine line, Py_ssize_t r) except -1:
    """``_ctext3_admits`` of rule ``r``'s gate, off the arrays."""
    cdef Py_ssize_t a, k
    cdef int op
    cdef bint ok = False
    cdef long long n
    a = flat.alt_end[r - 1] if r else 0
    k = flat.need_end[a - 1] if a else 0
    while a < flat.alt_end[r]:
        ok = True
        while k < flat.need_end[a]:
            op = flat.op[k]
            if op == _CTEXT3_WORDS:
                if not line.words_read:
                    _ctext3_read_words(plan, line)
                ok = (line.words_hit & flat.bits[k]) != 0
            elif op == _CTEXT3_OPENS:
                if not line.opens_read:
                    _ctext3_read_opens(plan, line)
                ok = (line.opens_hit & flat.bits[k]) != 0
            elif op == _CTEXT3_FOLDED:
                if line.folded is None:
                    line.folded = _cslot_f(line.f, _CSLOT_F_FOLDED, "folded")
                ok = _ctext3_holds(line.folded, <_Ctext3Strings> flat.arg[k])
            elif op == _CTEXT3_TEXT:
                if line.text is None:
                    line.text = _cslot_text(line.block)
                ok = _ctext3_holds(line.text, <_Ctext3Strings> flat.arg[k])
            elif op == _CT3B_BRANCHES:
                if line.folded is None:
                    line.folded = _cslot_f(line.f, _CSLOT_F_FOLDED, "folded")
                ok = _ct3b_holds(<_Ct3bGate> flat.arg[k], line.folded)
            elif op == _CTEXT3_MAX_CHARS:
                n = _ct3f_n_chars(line)
                if n >= 0:
                    ok = n <= flat.limit[k]
                else:
                    ok = _cslot_f(line.f, _CTEXT3_F_N_CHARS, "n_chars") <= <object> flat.arg[k]
            elif op == _CTEXT3_NO_END:
                if line.ends < 0:
                    line.ends = bool(_cslot_f(line.f, _CTEXT3_F_ENDS, "ends_sentence"))
                ok = not line.ends
            elif op == _CTEXT3_DIGIT:
                if line.digits < 0:
                    # (``gates.MAY_HOLD_DIGIT``: a digit ratio, or text not all ASCII.)
                    line.digits = bool(_cslot_f(line.f, _CTEXT3_F_DIGITS, "digit_ratio"))
                    if not line.digits:
                        if line.text is None:
                            line.text = _cslot_text(line.block)
                        line.digits = not PyUnicode_IS_ASCII(line.text)
                ok = line.digits
            else:
                ok = _need(line, op, <object> flat.arg[k])
            if not ok:
                break
            k += 1
        if ok:
            return True
        a += 1
        k = flat.need_end[a - 1]
    return False


cdef inline bint _ct3f_quick_hit(_Ctext3Plan plan, _Ct3fPlan flat, _Ct3fLine line,
                                 Py_ssize_t r) except -1:
    """Whether the line hits rule ``r``'s quick test (``_Ct3fPlan.quick``)."""
    if flat.quick_opens[r]:
        if not line.opens_read:
            _ctext3_read_opens(plan, line)
        if line.opens_hit & flat.quick_opens[r]:
            return True
    if flat.quick_words[r]:
        if not line.words_read:
            _ctext3_read_words(plan, line)
        if line.words_hit & flat.quick_words[r]:
            return True
    return False


cdef bytearray _ct3f_masks(_Ctext3Plan plan, _Ct3fPlan flat, list blocks):
    """``line_gate_masks`` off the arrays."""
    cdef Py_ssize_t i, r, n_blocks = len(blocks)
    cdef long long mask, bound, n
    cdef bytearray found = bytearray(8 * n_blocks)
    cdef long long *out = <long long *> (<char *> found)
    cdef object block
    cdef _Ct3fLine line = _Ct3fLine.__new__(_Ct3fLine)  # (reset for every line)
    for i in range(n_blocks):
        block = blocks[i]
        line.block = block
        line.f = _cslot_features(block)
        line.folded = line.text = line.tokens = line.first = line.opening = None
        line.lower = -1
        line.words_read = line.opens_read = False
        line.n_chars = -1
        line.ends = line.digits = -1
        n = _cslot_f(line.f, _CSLOT_F_N_WORDS, "n_words")
        mask = 0
        for r in range(plan.n_rules):
            bound = plan.bounds[r]
            if bound >= 0 and n > bound:
                continue
            if flat.quick[r] and not _ct3f_quick_hit(plan, flat, line, r):
                continue
            if _ct3f_admits(plan, flat, line, r):
                mask |= (<long long> 1) << r
        out[i] = mask
    return found
