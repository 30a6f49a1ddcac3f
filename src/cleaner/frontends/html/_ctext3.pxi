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

cdef enum:
    _CTEXT3_WORDS = -1  # a TOKENS_ANY need, read from the line's merged word scan
    _CTEXT3_OPENS = -2  # an OPENS need, read from the merged opening look-ups
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


cdef class _Ctext3Line(_Line):
    """A line's facts (``_Line``), with the merged needs' bits once read."""
    cdef unsigned long long words_hit, opens_hit
    cdef bint words_read, opens_read


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
    for gate in _prepare_gates(gates):
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
                else:
                    needs.append(need)
            alternatives.append(tuple(needs))
        prepared.append(tuple(alternatives))
    plan.words = words
    plan.full = full
    plan.short = tuple(sorted(short.items()))
    plan.gates = tuple(prepared)
    plan.n_rules = len(gates)
    for r in range(plan.n_rules):
        plan.bounds[r] = bounds[r]
    return plan


cdef int _ctext3_read_words(_Ctext3Plan plan, _Ctext3Line line) except -1:
    cdef unsigned long long hit = 0
    cdef object t, bits
    cdef dict words = plan.words
    if line.tokens is None:
        line.tokens = line.f.tokens
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
        line.folded = line.f.folded
    folded = line.folded
    n = len(folded)
    c = 0
    if n:
        c = folded[0]
    if not 97 <= c <= 122:
        hit = plan.all_opens  # (gates.OPENS admits a line opening otherwise)
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
            else:
                ok = _need(line, op, need[1])
            if not ok:
                break
        if ok:
            return True
    return False


def line_gate_masks(_Ctext3Plan plan, list blocks):
    """Every block that some gate of ``plan`` admits (removed or pruned ones too: each
    run picks the kept ones when it runs), as (position, mask): bit ``r`` when rule
    ``r``'s gate admits it within the rule's words bound."""
    cdef Py_ssize_t i, r
    cdef long long mask, bound, n
    cdef list found = []
    cdef object block
    cdef tuple gates = plan.gates
    cdef _Ctext3Line line = _Ctext3Line.__new__(_Ctext3Line)  # (reset for every line)
    for i in range(len(blocks)):
        block = blocks[i]
        line.block = block
        line.f = block.features
        line.folded = line.text = line.tokens = line.first = line.opening = None
        line.lower = -1
        line.words_read = line.opens_read = False
        n = line.f.n_words
        mask = 0
        for r in range(plan.n_rules):
            bound = plan.bounds[r]
            if bound >= 0 and n > bound:
                continue
            if _ctext3_admits(plan, line, <tuple> gates[r]):
                mask |= (<long long> 1) << r
        if mask:
            found.append((i, mask))
    return found


def line_gate_pick(list blocks, list found, int shift, int width):
    """Of ``found`` (``line_gate_masks``), the blocks still kept (not removed, not
    pruned) that a rule of bits ``shift`` to ``shift + width - 1`` is to be asked
    about, as (position, mask of those bits shifted to bit 0): ``line_candidates``
    for that run's gates."""
    cdef long long mask, wanted = (((<long long> 1) << width) - 1) << shift
    cdef Py_ssize_t i
    cdef list out = []
    cdef object block
    for item in found:
        mask = (<tuple> item)[1]
        if mask & wanted:
            i = (<tuple> item)[0]
            block = blocks[i]
            if block.removal is None and not block.pruned:
                out.append((i, (mask & wanted) >> shift))
    return out
