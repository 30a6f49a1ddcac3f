# The gates of every run of line rules on a text page, looked at in one pass over its
# lines (included by ``_cwalk.pyx`` after ``_clines.pxi``, whose line facts and needs it
# reads; ``runs.PageGates`` takes it through ``compiled.compiled_features()``).
#
# ``line_candidates`` looks at one run's gates, a call a run: each call reads the
# line's facts again, each word set scans the line's words again, each opening need
# slices the line again. Here a plan built once per ``Cleaner`` merges the needs of all
# the runs' gates that read the same fact: every word set into one dict (a word -> a bit
# per set holding it) and every opening into look-ups by its first letter, its first
# three characters and its short prefixes (-> a bit per need). A line's words are
# scanned once and its opening looked up once, whatever the number of gates; each rule
# then reads its bits. ``gates.candidates`` is the reference: ``line_gate_pick`` of
# ``line_gate_masks`` gives for each run what ``candidates`` gives for its gates
# (tests/test_line_gates.py, on every page).

import sys

from cpython.unicode cimport PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND

cdef enum:
    _CTEXT3_WORDS = -1  # a TOKENS_ANY need, read from the line's merged word scan
    _CTEXT3_OPENS = -2  # an OPENS need, read from the merged opening look-ups
    _CTEXT3_FOLDED = -3  # a FOLDED_HOLDS need, its strings as ``_Ctext3Strings``
    _CTEXT3_TEXT = -4  # a TEXT_HOLDS need, likewise
    _CTEXT3_MAX_CHARS = -5  # a MAX_CHARS need, its limit read off the slot
    _CTEXT3_NO_END = -6  # a NO_SENTENCE_END need, likewise
    _CTEXT3_DIGIT = -7  # a MAY_HOLD_DIGIT need, likewise
    _CTEXT3_MAX_BITS = 62  # bits of a mask (rules, word sets, openings)


cdef class _Ctext3Plan:
    """What ``line_gate_plan`` built: the merged look-ups and each rule's gate."""
    cdef dict words, full
    cdef tuple short  # ((length, {prefix: bits}), ...)
    cdef unsigned long long first[26]  # per letter a-z: the opening needs it admits
    cdef unsigned long long all_opens  # every opening need (a line not opening a-z)
    cdef tuple gates
    cdef long long bounds[_CTEXT3_MAX_BITS]
    cdef Py_ssize_t n_rules
    # The opening look-ups again for a line of one-byte characters opening with a-z
    # (``_ctext3_opens1``), without a slice of the line or a dict look-up: per first
    # letter the short prefixes of one character; per first letter and second byte those
    # of two; the full openings in a table of open addressing (a 3-byte key + 1, 0:
    # empty). ``fast_opens``: every opening and prefix is of a length read so.
    cdef bint fast_opens
    cdef unsigned long long short1[26]
    cdef bytes short2, full_keys, full_vals
    cdef const unsigned long long *short2p
    cdef const unsigned int *full_keysp
    cdef const unsigned long long *full_valsp
    cdef Py_ssize_t full_mask
    cdef object flat  # the gates as arrays (``_ctext3flat.pxi``; None: the tuples)


#: The fields the plan's own needs read off a line's features (-1: by ``getattr``).
cdef Py_ssize_t _CTEXT3_F_N_CHARS = _cslot_offset(_FEATURES, "n_chars")
cdef Py_ssize_t _CTEXT3_F_ENDS = _cslot_offset(_FEATURES, "ends_sentence")
cdef Py_ssize_t _CTEXT3_F_DIGITS = _cslot_offset(_FEATURES, "digit_ratio")


cdef class _Ctext3Line(_Line):
    """A line's facts (``_Line``), with the merged needs' bits once read."""
    cdef unsigned long long words_hit, opens_hit
    cdef bint words_read, opens_read


cdef class _Ctext3Strings:
    """A need's ``gates.Strings``: as ``_clines.pxi`` reads them (``narrow``: lines of
    one-byte characters, and of four), and for lines of two-byte characters (most lines
    of Cyrillic, Greek, or with a curly quote or a dash) tables for one scan of the line
    too, where ``in`` would scan the line once a string: its strings of one character
    by that character, the others by a hash of their first two."""
    cdef _Literals narrow
    cdef bint empty, wide
    # For ``narrow``'s scan of a line of one-byte characters (``_ctext3_scan1``): a byte
    # per byte that opens some string, a bit per pair that is a whole string, and a bit
    # per hash of the first three bytes of the longer ones (the strings by their pair
    # are looked up only past that bit: most pairs that open one open no string).
    cdef bytes start1, exact1, tri1
    cdef const unsigned char *start1p
    cdef const unsigned char *exact1p
    cdef const unsigned char *tri1p
    cdef bytes single2, pair2  # a bit per code unit, per hash (8192 bytes each)
    cdef const unsigned char *single2p
    cdef const unsigned char *pair2p
    cdef dict by_pair2  # hash -> the strings (UTF-16 in the machine's order) as bytes
    # And for the strings of two characters, a bit per hash of them; for the longer,
    # per hash of their first three: a pair's strings are looked up only past these.
    cdef bytes exact2, tri2
    cdef const unsigned char *exact2p
    cdef const unsigned char *tri2p


cdef inline Py_ssize_t _ctext3_hash(Py_ssize_t first, Py_ssize_t second) noexcept:
    return ((first << 5) ^ second) & 0xFFFF


cdef _Ctext3Strings _ctext3_strings(object strings):
    cdef _Ctext3Strings out = _Ctext3Strings.__new__(_Ctext3Strings)
    cdef str lit
    cdef Py_ssize_t h, u
    out.narrow = _literals(strings)
    out.empty = out.narrow.empty
    out.wide = len(strings.all) >= 2  # (one string: ``in`` is one scan)
    single2 = bytearray(8192)
    pair2 = bytearray(8192)
    by_pair2 = {}
    exact2 = bytearray(8192)
    tri2 = bytearray(8192)
    order = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
    for lit in strings.all:
        if not lit or max(map(ord, lit)) > 0xFFFF:
            continue  # ('': ``empty``; a character beyond: in no two-byte line)
        if len(lit) == 1:
            u = ord(lit)
            single2[u >> 3] |= 1 << (u & 7)
            continue
        h = _ctext3_hash(ord(lit[0]), ord(lit[1]))
        pair2[h >> 3] |= 1 << (h & 7)
        if len(lit) == 2:
            exact2[h >> 3] |= 1 << (h & 7)
        else:
            u = _ctext3_hash3(ord(lit[0]), ord(lit[1]), ord(lit[2]))
            tri2[u >> 3] |= 1 << (u & 7)
        by_pair2.setdefault(h, []).append(lit.encode(order))
    start1 = bytearray(256)
    exact1 = bytearray(8192)
    tri1 = bytearray(8192)
    for lit in strings.all:
        if not lit or max(map(ord, lit)) > 0xFF:
            continue  # ('': ``empty``; a wider character: in no one-byte line)
        start1[ord(lit[0])] = 1
        if len(lit) == 2:
            u = ord(lit[0]) << 8 | ord(lit[1])
            exact1[u >> 3] |= 1 << (u & 7)
        elif len(lit) > 2:
            h = _ctext3_hash3(ord(lit[0]), ord(lit[1]), ord(lit[2]))
            tri1[h >> 3] |= 1 << (h & 7)
    out.start1 = bytes(start1)
    out.exact1 = bytes(exact1)
    out.tri1 = bytes(tri1)
    out.start1p = <const unsigned char *> (<char *> out.start1)
    out.exact1p = <const unsigned char *> (<char *> out.exact1)
    out.tri1p = <const unsigned char *> (<char *> out.tri1)
    out.single2 = bytes(single2)
    out.pair2 = bytes(pair2)
    out.single2p = <const unsigned char *> (<char *> out.single2)
    out.pair2p = <const unsigned char *> (<char *> out.pair2)
    out.by_pair2 = {h: tuple(found) for h, found in by_pair2.items()}
    out.exact2 = bytes(exact2)
    out.tri2 = bytes(tri2)
    out.exact2p = <const unsigned char *> (<char *> out.exact2)
    out.tri2p = <const unsigned char *> (<char *> out.tri2)
    return out


cdef bint _ctext3_holds(str s, _Ctext3Strings lits) except -1:
    """Whether ``s`` holds one of the strings (``_holds_any``, with a scan of its own
    for a line of two-byte characters)."""
    cdef const unsigned short *data
    cdef Py_ssize_t n, p, h, m, u, t
    cdef bytes b
    cdef bint look
    if PyUnicode_KIND(s) == PyUnicode_1BYTE_KIND and lits.narrow.scan and not lits.empty:
        return _ctext3_scan1(<const unsigned char *> PyUnicode_DATA(s), len(s), lits)
    if not lits.wide or PyUnicode_KIND(s) != PyUnicode_2BYTE_KIND:
        return _holds_any(s, lits.narrow)
    if lits.empty:
        return True
    data = <const unsigned short *> PyUnicode_DATA(s)
    n = len(s)
    for p in range(n):
        u = data[p]
        if lits.single2p[u >> 3] & (1 << (u & 7)):
            return True
        if p + 1 < n:
            h = _ctext3_hash(u, data[p + 1])
            if lits.pair2p[h >> 3] & (1 << (h & 7)):
                # (A string of three or more opens with a third character's hash set.)
                look = (lits.exact2p[h >> 3] & (1 << (h & 7))) != 0
                if not look and p + 2 < n:
                    t = _ctext3_hash3(u, data[p + 1], data[p + 2])
                    look = (lits.tri2p[t >> 3] & (1 << (t & 7))) != 0
                if not look:
                    continue
                for b in <tuple> lits.by_pair2[h]:
                    m = len(b)
                    if m <= 2 * (n - p) and memcmp(data + p, <const char *> b, m) == 0:
                        return True
    return False


def line_gate_plan(tuple gates, tuple bounds):
    """The plan for ``gates`` (each rule's ``line_gate``, the runs' rules in order) and
    ``bounds`` (each rule's words bound, -1: none)."""
    cdef _Ctext3Plan plan = _Ctext3Plan.__new__(_Ctext3Plan)
    cdef Py_ssize_t r, n_words = 0, n_opens = 0
    cdef dict words = {}, full = {}, short = {}
    cdef object bit
    cdef str s
    if len(gates) > _CTEXT3_MAX_BITS or len(gates) != len(bounds):
        raise ValueError("a plan holds at most 62 line rules, each with its bound")
    for r in range(26):
        plan.first[r] = 0
    prepared = []
    for gate in gates:
        alternatives = []
        for alternative in <tuple> gate:
            needs = []
            for need in <tuple> alternative:
                op = need[0]
                if op == G_TOKENS_ANY and n_words < _CTEXT3_MAX_BITS:
                    bit = 1 << n_words
                    n_words += 1
                    for s in <frozenset> need[1]:
                        words[s] = words.get(s, 0) | bit
                    needs.append((_CTEXT3_WORDS, bit))
                elif op == G_OPENS and n_opens < _CTEXT3_MAX_BITS:
                    bit = 1 << n_opens
                    n_opens += 1
                    letters, openings, prefixes = <tuple> need[1]
                    for s in <frozenset> letters:  # (a-z only: gates.opening)
                        if not (len(s) == 1 and "a" <= s <= "z"):
                            raise ValueError(f"an opening letter not a-z: {s!r}")
                        plan.first[ord(s) - 97] |= <unsigned long long> bit
                    for s in <frozenset> openings:
                        full[s] = full.get(s, 0) | bit
                    for s in <tuple> prefixes:
                        by_length = short.setdefault(len(s), {})
                        by_length[s] = by_length.get(s, 0) | bit
                    plan.all_opens |= <unsigned long long> bit
                    needs.append((_CTEXT3_OPENS, bit))
                elif op == G_FOLDED_HOLDS or op == G_TEXT_HOLDS:
                    strings = _ctext3_strings(need[1])
                    needs.append((_CTEXT3_FOLDED if op == G_FOLDED_HOLDS else _CTEXT3_TEXT, strings))
                elif op == G_MAX_CHARS and type(need[1]) is int:
                    needs.append((_CTEXT3_MAX_CHARS, need[1]))
                elif op == G_NO_SENTENCE_END:
                    needs.append((_CTEXT3_NO_END, None))
                elif op == G_MAY_HOLD_DIGIT:
                    needs.append((_CTEXT3_DIGIT, None))
                else:
                    needs.append(need)
            needs.sort(key=lambda need: _ctext3_rank(need[0]))  # (stable)
            alternatives.append(tuple(needs))
        prepared.append(tuple(alternatives))
    plan.words = words
    plan.full = full
    plan.short = tuple(sorted(short.items()))
    _ctext3_fast_opens(plan, full, short)
    plan.gates = tuple(prepared)
    plan.n_rules = len(gates)
    for r in range(plan.n_rules):
        plan.bounds[r] = bounds[r]
    plan.flat = _ct3f_flatten(plan)
    return plan


cdef int _ctext3_read_words(_Ctext3Plan plan, _Ctext3Line line) except -1:
    cdef unsigned long long hit = 0
    cdef object t, bits
    cdef dict words = plan.words
    if line.tokens is None:
        line.tokens = _cslot_f(line.f, _CSLOT_F_TOKENS, "tokens")
    for t in line.tokens:
        bits = words.get(t)
        if bits is not None:
            hit |= <unsigned long long> bits
    line.words_hit = hit
    line.words_read = True
    return 0


cdef int _ctext3_read_opens(_Ctext3Plan plan, _Ctext3Line line) except -1:
    cdef unsigned long long hit
    cdef Py_UCS4 c
    cdef Py_ssize_t n, length
    cdef object bits
    cdef str folded
    if line.folded is None:
        line.folded = _cslot_f(line.f, _CSLOT_F_FOLDED, "folded")
    folded = line.folded
    n = len(folded)
    c = 0
    if n:
        c = folded[0]
    if not 97 <= c <= 122:
        hit = plan.all_opens  # (gates.OPENS admits a line opening otherwise)
    elif plan.fast_opens and PyUnicode_KIND(folded) == PyUnicode_1BYTE_KIND:
        hit = _ctext3_opens1(plan, <const unsigned char *> PyUnicode_DATA(folded), n)
    else:
        hit = plan.first[<Py_ssize_t> c - 97]
        bits = plan.full.get(folded[:G_OPENING_CHARS])
        if bits is not None:
            hit |= <unsigned long long> bits
        for length, by_length in plan.short:
            if length <= n:
                bits = (<dict> by_length).get(folded[:length])
                if bits is not None:
                    hit |= <unsigned long long> bits
    line.opens_hit = hit
    line.opens_read = True
    return 0


cdef bint _ctext3_admits(_Ctext3Plan plan, _Ctext3Line line, tuple gate) except -1:
    cdef tuple alternative, need
    cdef bint ok
    cdef long op
    for alternative in gate:
        ok = True
        for need in alternative:
            op = need[0]
            if op == _CTEXT3_WORDS:
                if not line.words_read:
                    _ctext3_read_words(plan, line)
                ok = (line.words_hit & <unsigned long long> need[1]) != 0
            elif op == _CTEXT3_OPENS:
                if not line.opens_read:
                    _ctext3_read_opens(plan, line)
                ok = (line.opens_hit & <unsigned long long> need[1]) != 0
            elif op == _CTEXT3_FOLDED:
                if line.folded is None:
                    line.folded = _cslot_f(line.f, _CSLOT_F_FOLDED, "folded")
                ok = _ctext3_holds(line.folded, <_Ctext3Strings> need[1])
            elif op == _CTEXT3_TEXT:
                if line.text is None:
                    line.text = _cslot_text(line.block)
                ok = _ctext3_holds(line.text, <_Ctext3Strings> need[1])
            elif op == _CTEXT3_MAX_CHARS:
                ok = _cslot_f(line.f, _CTEXT3_F_N_CHARS, "n_chars") <= need[1]
            elif op == _CTEXT3_NO_END:
                ok = not _cslot_f(line.f, _CTEXT3_F_ENDS, "ends_sentence")
            elif op == _CTEXT3_DIGIT:
                # (``gates.MAY_HOLD_DIGIT``: a digit ratio, or text not all ASCII.)
                ok = bool(_cslot_f(line.f, _CTEXT3_F_DIGITS, "digit_ratio"))
                if not ok:
                    if line.text is None:
                        line.text = _cslot_text(line.block)
                    ok = not PyUnicode_IS_ASCII(line.text)
            else:
                ok = _need(line, op, need[1])
            if not ok:
                break
        if ok:
            return True
    return False


def line_gate_masks(_Ctext3Plan plan, list blocks):
    """What the gates of ``plan`` admit of every block (removed or pruned ones too: each
    run picks the kept ones when it runs): a mask a block, 8 bytes each (a page of many
    short lines holds no object a line), bit ``r`` when rule ``r``'s gate admits it
    within the rule's words bound."""
    cdef Py_ssize_t i, r, n_blocks = len(blocks)
    cdef long long mask, bound, n
    cdef bytearray found = bytearray(8 * n_blocks)
    cdef long long *out = <long long *> (<char *> found)
    cdef object block
    cdef tuple gates = plan.gates
    cdef _Ctext3Line line = _Ctext3Line.__new__(_Ctext3Line)  # (reset for every line)
    if plan.flat is not None:
        return _ct3f_masks(plan, <_Ct3fPlan> plan.flat, blocks)
    for i in range(n_blocks):
        block = blocks[i]
        line.block = block
        line.f = _cslot_features(block)
        line.folded = line.text = line.tokens = line.first = line.opening = None
        line.lower = -1
        line.words_read = line.opens_read = False
        n = _cslot_f(line.f, _CSLOT_F_N_WORDS, "n_words")
        mask = 0
        for r in range(plan.n_rules):
            bound = plan.bounds[r]
            if bound >= 0 and n > bound:
                continue
            if _ctext3_admits(plan, line, <tuple> gates[r]):
                mask |= (<long long> 1) << r
        out[i] = mask
    return found


def line_gate_pick(list blocks, bytearray found, int shift, int width):
    """Of ``found`` (``line_gate_masks``), the blocks still kept (not removed, not
    pruned) that a rule of bits ``shift`` to ``shift + width - 1`` is to be asked
    about, as (position, mask of those bits shifted to bit 0): ``line_candidates``
    for that run's gates."""
    cdef long long mask, wanted = (((<long long> 1) << width) - 1) << shift
    cdef Py_ssize_t i, n = len(found) // 8
    cdef const long long *masks = <const long long *> (<char *> found)
    cdef list out = []
    cdef object block
    if n != len(blocks):
        raise ValueError("the masks are not those of these blocks")
    for i in range(n):
        mask = masks[i] & wanted
        if mask:
            block = blocks[i]
            if block.removal is None and not block.pruned:
                out.append((i, mask >> shift))
    return out
