# Scans and look-ups of ``_ctext3.pxi``'s line gates without a Python object a
# line (included by ``_cwalk.pyx`` right after it: its plan, strings and line classes):
# a line of one-byte characters looked at for several strings past a start-byte table
# and a hash of its first three, its opening's bits read off C tables, and the order in
# which an alternative's needs are tested. The gates' answers are ``_ctext3.pxi``'s
# (``gates.candidates``): tests/test_line_gates.py compares them on every page.

cdef inline long _ctext3_rank(long op) noexcept:
    """What a need costs to test, low first: the bits of the merged look-ups and the
    line's numbers before a scan of its text. An alternative's needs are tested in this
    order (all must hold, and each only reads the line: any order gives its answer)."""
    if op == _CTEXT3_WORDS or op == _CTEXT3_OPENS:
        return 0
    if op == _CTEXT3_MAX_CHARS or op == _CTEXT3_NO_END:
        return 1
    if op == _CTEXT3_DIGIT:
        return 2
    if op == _CTEXT3_FOLDED or op == _CTEXT3_TEXT:
        return 4
    if op == G_BRANCHES:
        return 5  # (after the strings: it reads more of them, ``gates.branches``)
    return 3


cdef inline Py_ssize_t _ctext3_hash3(Py_ssize_t a, Py_ssize_t b, Py_ssize_t c) noexcept:
    return ((a << 10) ^ (b << 5) ^ c) & 0xFFFF


cdef bint _ctext3_scan1(const unsigned char *data, Py_ssize_t n, _Ctext3Strings lits) except -1:
    """``_holds_any``'s scan of a line of one-byte characters (``lits.narrow`` has its
    tables, no empty string): the same answer, a byte opening no string passed over
    at one test, a pair looked up only when the third byte may follow it."""
    cdef const unsigned char *start = lits.start1p
    cdef const unsigned char *single = lits.narrow.single
    cdef const unsigned char *pairs = lits.narrow.pairs
    cdef Py_ssize_t p, m, h
    cdef int c, pair
    cdef bytes b
    for p in range(n):
        c = data[p]
        if not start[c]:
            continue
        if single[c]:
            return True
        if p + 1 < n:
            pair = c << 8 | data[p + 1]
            if lits.exact1p[pair >> 3] & (1 << (pair & 7)):
                return True
            if p + 2 < n and pairs[pair >> 3] & (1 << (pair & 7)):
                h = _ctext3_hash3(c, data[p + 1], data[p + 2])
                if lits.tri1p[h >> 3] & (1 << (h & 7)):
                    for b in <tuple> lits.narrow.by_pair[pair]:
                        m = len(b)
                        if m <= n - p and memcmp(data + p, <const char *> b, m) == 0:
                            return True
    return False


cdef void _ctext3_fast_opens(_Ctext3Plan plan, dict full, dict short) except *:
    """The tables of ``_ctext3_opens1`` (``fast_opens`` off when an opening or a
    prefix is of another length than they read). An opening or prefix that opens
    otherwise than a-z, or holds a character past one byte, is left out: no line read
    there opens so."""
    cdef Py_ssize_t r, size, i, key
    cdef unsigned long long *short2
    cdef unsigned int *keys
    cdef unsigned long long *vals
    cdef str s
    plan.fast_opens = False
    for r in range(26):
        plan.short1[r] = 0
    for s in full:
        if len(s) != G_OPENING_CHARS:
            return
    for length in short:
        if length != 1 and length != 2:
            return
    table2 = bytearray(8 * 26 * 256)
    short2 = <unsigned long long *> (<char *> table2)
    for length, by_length in short.items():
        for s, bits in (<dict> by_length).items():
            if not ("a" <= s[0] <= "z" and _ctext3_one_byte(s)):
                continue
            if length == 1:
                plan.short1[ord(s) - 97] |= <unsigned long long> bits
            else:
                short2[(ord(s[0]) - 97) * 256 + ord(s[1])] |= <unsigned long long> bits
    size = 8
    while size < 2 * len(full) + 2:
        size *= 2
    table_keys = bytearray(4 * size)
    table_vals = bytearray(8 * size)
    keys = <unsigned int *> (<char *> table_keys)
    vals = <unsigned long long *> (<char *> table_vals)
    for s, bits in full.items():
        if not ("a" <= s[0] <= "z" and _ctext3_one_byte(s)):
            continue
        key = ord(s[0]) << 16 | ord(s[1]) << 8 | ord(s[2])
        i = _ctext3_slot(key, size - 1)
        while keys[i] and keys[i] != key + 1:
            i = (i + 1) & (size - 1)
        keys[i] = key + 1
        vals[i] |= <unsigned long long> bits
    plan.short2 = bytes(table2)
    plan.full_keys = bytes(table_keys)
    plan.full_vals = bytes(table_vals)
    plan.short2p = <const unsigned long long *> (<char *> plan.short2)
    plan.full_keysp = <const unsigned int *> (<char *> plan.full_keys)
    plan.full_valsp = <const unsigned long long *> (<char *> plan.full_vals)
    plan.full_mask = size - 1
    plan.fast_opens = True


cdef inline bint _ctext3_one_byte(str s):
    cdef Py_UCS4 c
    for c in s:
        if c > 0xFF:
            return False
    return True


cdef inline Py_ssize_t _ctext3_slot(Py_ssize_t key, Py_ssize_t mask) noexcept:
    return <Py_ssize_t> ((<unsigned long long> key * 2654435761ULL) >> 7) & mask


cdef unsigned long long _ctext3_opens1(_Ctext3Plan plan, const unsigned char *data,
                                       Py_ssize_t n) noexcept:
    """``_ctext3_read_opens``' bits for a line of one-byte characters opening a-z."""
    cdef Py_ssize_t c = data[0] - 97, key, i
    cdef unsigned long long hit = plan.first[c] | plan.short1[c]
    if n >= 2:
        hit |= plan.short2p[c * 256 + data[1]]
    if n >= 3:
        key = (<Py_ssize_t> data[0]) << 16 | (<Py_ssize_t> data[1]) << 8 | data[2]
        i = _ctext3_slot(key, plan.full_mask)
        while plan.full_keysp[i]:
            if plan.full_keysp[i] == key + 1:
                hit |= plan.full_valsp[i]
                break
            i = (i + 1) & plan.full_mask
    return hit
