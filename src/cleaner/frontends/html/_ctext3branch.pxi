# The BRANCHES need of the line gates (``gates.branches``: ``literals.holds_branch``)
# tested in C for a line of one-byte characters (included by ``_cwalk.pyx`` before
# ``_ctext3flat.pxi``, which reads it): the line scanned once for all the gate's strings
# (a table of the strings opening with each byte), then each branch read off their bits,
# where the gate's own test (a Python expression of substring tests) cost a rule's call
# and a dozen scans on each line past the rule's literal gate. The answer is
# ``BranchGate.holds``' (tests/test_line_gates.py and tests/test_ctext3_branch.py).

cdef enum:
    _CT3B_BRANCHES = -8  # a BRANCHES need, its gate as ``_Ct3bGate``
    _CT3B_MAX_STRINGS = 64  # strings of a gate (more: the gate's own test)


cdef extern from *:
    int __builtin_ctzll(unsigned long long) nogil


cdef class _Ct3bGate:
    """A ``BranchGate`` as C arrays: its strings (at most 64, latin-1; one of a wider
    character is in no line read here), a bit each; per byte, the strings opening with
    it; per branch, the end of its choices; per choice, the bits of its strings."""
    cdef object gate
    cdef bint fast
    cdef list held  # (the strings' bytes and the arrays' buffers)
    cdef const char *data[_CT3B_MAX_STRINGS]
    cdef Py_ssize_t length[_CT3B_MAX_STRINGS]
    cdef unsigned long long first[256]
    cdef unsigned long long empty
    # The same for a line of two-byte characters: the strings in UTF-16 (of the
    # machine's order; none for one of a character past two bytes), by the low byte of
    # their first character.
    cdef const char *data2[_CT3B_MAX_STRINGS]
    cdef Py_ssize_t length2[_CT3B_MAX_STRINGS]
    cdef unsigned long long first2[256]
    cdef const unsigned long long *choices
    cdef const int *ends
    cdef int n_branches


cdef _Ct3bGate _ct3b_gate(object gate):
    cdef _Ct3bGate out = _Ct3bGate.__new__(_Ct3bGate)
    cdef dict position = {}
    cdef str s
    cdef Py_ssize_t i
    cdef unsigned long long bit
    out.gate = gate
    out.held = []
    out.empty = 0
    for i in range(256):
        out.first[i] = out.first2[i] = 0
    order = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
    masks = []
    ends = []
    for branch in gate.branches:
        for choice in branch:
            mask = 0
            for s in choice:
                if s not in position:
                    position[s] = len(position)
                    i = position[s]
                    if i >= _CT3B_MAX_STRINGS:
                        break
                    bit = (<unsigned long long> 1) << i
                    if not s:
                        out.empty |= bit
                    elif max(map(ord, s)) <= 0xFF:
                        b = s.encode("latin-1")
                        out.held.append(b)
                        out.data[i] = <const char *> b
                        out.length[i] = len(b)
                        out.first[ord(s[0])] |= bit
                    if s and max(map(ord, s)) <= 0xFFFF:
                        b = s.encode(order)
                        out.held.append(b)
                        out.data2[i] = <const char *> b
                        out.length2[i] = len(s)
                        out.first2[ord(s[0]) & 0xFF] |= bit
                if position[s] < _CT3B_MAX_STRINGS:
                    mask |= 1 << position[s]
            masks.append(mask)
        ends.append(len(masks))
    out.fast = len(position) <= _CT3B_MAX_STRINGS
    if out.fast:
        masks_buf = b"".join(m.to_bytes(8, sys.byteorder) for m in masks) or bytes(8)
        ends_buf = b"".join(e.to_bytes(4, sys.byteorder) for e in ends) or bytes(4)
        out.held += [masks_buf, ends_buf]
        out.choices = <const unsigned long long *> (<const char *> masks_buf)
        out.ends = <const int *> (<const char *> ends_buf)
        out.n_branches = len(ends)
    return out


cdef bint _ct3b_holds(_Ct3bGate gate, str s) except -1:
    """``BranchGate.holds(s)``: the strings the line holds found in one scan, then each
    branch's choices read off their bits (a line of wider characters: the gate's own
    test)."""
    cdef const unsigned char *data
    cdef const unsigned short *data2
    cdef Py_ssize_t n, p, i, m
    cdef unsigned long long present, found
    if not gate.fast:
        return bool(gate.gate.holds(s))
    n = len(s)
    present = gate.empty
    if PyUnicode_KIND(s) == PyUnicode_2BYTE_KIND:
        data2 = <const unsigned short *> PyUnicode_DATA(s)
        for p in range(n):
            found = gate.first2[data2[p] & 0xFF] & ~present
            while found:
                i = __builtin_ctzll(found)
                found &= found - 1
                m = gate.length2[i]
                if m <= n - p and memcmp(data2 + p, gate.data2[i], 2 * m) == 0:
                    present |= (<unsigned long long> 1) << i
        return _ct3b_branches(gate, present)
    if PyUnicode_KIND(s) != PyUnicode_1BYTE_KIND:
        return bool(gate.gate.holds(s))
    data = <const unsigned char *> PyUnicode_DATA(s)
    for p in range(n):
        found = gate.first[data[p]] & ~present
        while found:
            i = __builtin_ctzll(found)
            found &= found - 1
            m = gate.length[i]
            if m <= n - p and (m == 1 or (
                data[p + 1] == (<const unsigned char *> gate.data[i])[1]
                and memcmp(data + p, gate.data[i], m) == 0
            )):
                present |= (<unsigned long long> 1) << i
    return _ct3b_branches(gate, present)


cdef inline bint _ct3b_branches(_Ct3bGate gate, unsigned long long present) noexcept:
    """Whether the strings of bits ``present`` hold every choice of some branch."""
    cdef int b, k = 0
    cdef bint ok
    for b in range(gate.n_branches):
        ok = True
        while k < gate.ends[b]:
            if not present & gate.choices[k]:
                ok = False
            k += 1
        if ok:
            return True
    return False


def ct3b_holds(object gate, str s):
    """``_ct3b_holds`` of a ``BranchGate``, for the tests."""
    return _ct3b_holds(_ct3b_gate(gate), s)
