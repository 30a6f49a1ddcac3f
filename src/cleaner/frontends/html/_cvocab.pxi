# The element judge's vocabulary matching, in C (included by ``_cwalk.pyx``): the
# twins of ``ElementJudge._match_classes`` and ``_match_name`` (with
# ``TreeRule.match_tokens``), on the same data (the plan's token index, each rule's
# entries). Most of a page's judged elements carry class names the judge has not met
# yet on the page, and the Python matching spends its time in the interpreter's loops
# over tokens, entries and rules, not in string methods. An ASCII name is split into
# tokens here (``_ascii_tokens``); any other goes through ``elements.name_tokens``.
# The equality tests compare both on generated names and on every benchmark page.

from ...rules.elements import (
    _HAS_DIGIT,
    _NAME_SEPARATORS,
    described_positions as _described_positions,
    name_tokens as _name_tokens,
)

cdef inline bint _ascii_space(char c) noexcept:
    """White space to ``str.split`` among ASCII characters."""
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef object _UNSEEN = object()  # (a name not judged yet on the page: None is a verdict)


cdef list _ascii_tokens(str names, bint *lower):
    """``elements.name_tokens`` of an ASCII name; of several (white space between
    them), the tokens of each in order. ``lower`` is set when ``names`` has no
    capital (its tokens are then ``elements.lower_case_tokens``')."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(names), i, start = -1
    cdef const char *s = PyUnicode_DATA(names)
    cdef char small[128]
    cdef char *buf = small
    cdef char c
    cdef list out = []
    lower[0] = True
    if n > 128:
        buf = <char *> malloc(n)
        if buf == NULL:
            raise MemoryError
    try:
        for i in range(n + 1):
            c = s[i] if i < n else 32
            if 65 <= c <= 90:
                lower[0] = False
            # The same cuts as ``_tokens_unknown`` (``_cjudge.pxi``).
            if _splits(c) or (
                65 <= c <= 90 and start >= 0 and i > 0 and _lower_or_digit(s[i - 1])
            ):
                if start >= 0:
                    out.append(PyUnicode_FromStringAndSize(buf + start, i - start))
                    start = -1
                if _splits(c):
                    continue
            if start < 0:
                start = i
            buf[i] = c + 32 if 65 <= c <= 90 else c
        return out
    finally:
        if buf != small:
            free(buf)


cdef class _VocabRule:
    """What the matching reads of one vocabulary rule, read off it once a page (at its
    first use), and the reasons it gave on the page, by entry (its own
    ``vocabulary_reason``, asked once an entry)."""

    cdef object rule
    cdef frozenset not_after, unless, not_before, weak_entries  # (C set look-ups)
    cdef dict candidates, reasons

    def __init__(self, rule):
        self.rule = rule
        self.not_after = frozenset(rule._not_after)
        self.unless = frozenset(rule._unless)
        self.not_before = frozenset(rule._not_before)
        self.weak_entries = frozenset(rule.weak_entries)
        candidates = rule._candidates
        self.candidates = candidates if type(candidates) is dict else dict(candidates)
        self.reasons = {}

    cdef object reason(self, entry):
        reason = self.reasons.get(entry)
        if reason is None:
            reason = self.reasons[entry] = self.rule.vocabulary_reason(entry)
        return reason


cdef object _match_tokens(_VocabRule rule, list tokens, Py_ssize_t at):
    """``TreeRule.match_tokens``: the entry of ``rule`` matching ``tokens`` from ``at``."""
    cdef Py_ssize_t n = len(tokens), length, end, i
    cdef tuple entry
    cdef bint same
    cdef frozenset unless = rule.unless
    cdef str token, want
    if at > 0 and tokens[at - 1] in rule.not_after:
        return None
    if unless:
        for token in tokens:
            if token in unless:
                return None
    for candidate in rule.candidates.get(tokens[at], ()):
        entry, length_obj, exact, joined = candidate
        length = length_obj
        end = at + length
        if length > 1:
            if end > n:
                continue
            same = True
            for i in range(length):
                token = tokens[at + i]
                want = entry[i]
                if token != want:
                    same = False
                    break
            if not same:
                continue
        if exact:
            if at == 0 and end == n:
                return joined
            continue
        if end < n and tokens[end] in rule.not_before:
            continue
        return joined
    return None


cdef class VocabularyTwin:
    """One page's vocabulary matching for an ``ElementJudge`` (its ``_matcher``): the
    judge's plan data and its verdicts per class attribute and per name, shared with
    it; ``judge`` is the compiled walk's (the prose anchor's and the other callers'
    stay ``ElementJudge.judge``)."""

    cdef frozenset first, watched, qualifiers
    cdef dict index
    cdef list attr_rules  # (rule, which twin answers its ``check_attrs``)
    cdef Py_ssize_t weak_rank
    cdef dict by_class, by_name
    cdef list vocab  # each vocabulary rule's ``_VocabRule`` by priority, once used
    cdef dict weak  # rule -> (its weak bound, or None: its own ``weak_allows``; spares?)
    # The text nodes' tag id and the nodes' type once the walk met them (``_cweak.pxi``
    # counts a weak element's words off Lexbor's nodes then).
    cdef uintptr_t text_id
    cdef object node_type

    def __init__(self, judge, dict by_class, dict by_name):
        self.first = judge.first_tokens
        self.qualifiers = judge.qualifiers
        self.watched = judge.watched
        self.attr_rules = [(rule, _attrs_kind(rule)) for rule in judge.attr_rules]
        rules = judge.token_rules
        self.index = rules if type(rules) is dict else dict(rules)
        self.weak_rank = len(judge.vocab_rules)
        self.by_class = by_class
        self.by_name = by_name
        self.vocab = [None] * self.weak_rank
        self.weak = {}
        self.text_id = 0
        self.node_type = None

    def judge(self, tag, dict attrs not None, node=None):
        """``ElementJudge.judge`` (see there), without an interpreted frame a call."""
        return self._judge(tag, attrs, node)

    cdef object _judge(self, tag, dict attrs, node):
        cdef int kind
        for name in attrs:
            if name in self.watched:
                for rule, kind in self.attr_rules:
                    if kind == ATTRS_HIDDEN:
                        reason = _hidden_reason(rule, attrs)
                    elif kind == ATTRS_LANDMARK:
                        reason = _landmark_reason(rule, attrs)
                    else:
                        reason = rule.check_attrs(tag, attrs, None)
                    if reason:
                        return (rule, reason)
                break
        if self.weak_rank == 0:
            return None
        best = None
        classes = attrs.get("class")
        if classes:
            best = self.by_class.get(classes, _UNSEEN)
            if best is _UNSEEN:
                best = self.by_class[classes] = self._classes(classes)
        ident = attrs.get("id")
        # (``_HAS_DIGIT`` is ``re``'s ``\d``, Unicode digits too: past ASCII, ask it.)
        if ident and not (
            _has_digit(ident) if PyUnicode_IS_ASCII(ident) else _HAS_DIGIT.search(ident)
        ):
            hit = self.by_name.get(ident, _UNSEEN)
            if hit is _UNSEEN:
                hit = self.by_name[ident] = self._name(ident, None)
            if (
                hit is not None
                and (best is None or hit[0] < best[0])
                and (node is None or not self._heading_slug(hit[1], ident, node))
            ):
                best = hit
        if best is None:
            return None
        if best[3] and node is not None:
            rule = best[1]
            if not self._weak_allows(rule, node) or self._weak_spares(rule, node):
                return None
        return (best[1], best[2])

    cdef bint _heading_slug(self, rule, str ident, node) except -1:
        """``rule.is_heading_slug(ident, node)``."""
        if (
            PyUnicode_IS_ASCII(ident)
            and getattr(type(rule), "is_heading_slug", None) is _PLAIN_HEADING_SLUG
            and _ascii_token_count(ident) < rule.slug_min_words
        ):
            return False
        return rule.is_heading_slug(ident, node)

    cdef tuple _weak_of(self, rule):
        known = self.weak.get(rule)
        if known is None:
            cls = type(rule)
            limit = getattr(rule, "weak_max_words", 0)
            plain = getattr(cls, "weak_allows", None) is _PLAIN_WEAK_ALLOWS and type(limit) is int
            known = self.weak[rule] = (
                limit if plain else None,
                getattr(cls, "weak_spares", None) is not _PLAIN_WEAK_SPARES,
            )
        return known

    cdef bint _weak_allows(self, rule, node) except -1:
        """``rule.weak_allows(node.text(separator=" "))``."""
        limit = self._weak_of(rule)[0]
        if limit is not None and self.text_id and type(node) is self.node_type:
            return _subtree_words(
                (<NodeObject *> <PyObject *> node).node, self.text_id, limit
            ) <= <Py_ssize_t> limit
        return rule.weak_allows(node.text(separator=" "))

    cdef bint _weak_spares(self, rule, node) except -1:
        """``rule.weak_spares(node)`` (``TreeRule``'s spares none)."""
        return self._weak_of(rule)[1] and rule.weak_spares(node)

    cdef void _met_text(self, uintptr_t text_id, node_type) noexcept:
        """The walk met the page's text nodes: their tag id, and the nodes' type."""
        self.text_id = text_id
        self.node_type = node_type

    def met_text(self, node) -> None:
        """``_met_text`` read off the text node ``node`` (for the tests)."""
        self._met_text((<NodeObject *> <PyObject *> node).node.local_name, type(node))

    def _match_classes(self, str classes):
        """``ElementJudge._match_classes``."""
        return self._classes(classes)

    cdef object _classes(self, str classes):
        cdef bint lower
        cdef list tokens
        if PyUnicode_IS_ASCII(classes):
            return self._ascii_classes(classes)
        else:
            lower = classes.lower() == classes
            tokens = classes.translate(_NAME_SEPARATORS).split() if lower else None
            if lower and not self._any_first(tokens):
                return None
        names = classes.split()
        if len(names) == 1 and lower:
            return self._verdict(names[0], tokens)
        best = None
        for name in names:
            hit = self._verdict(name, None)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit
        return best

    cdef object _ascii_classes(self, str classes):
        """``_classes`` of an ASCII attribute: its names cut out here (``str.split``'s
        white space) and judged one by one, each verdict kept per name, without the
        tokens of the whole attribute (the walk judges an attribute only when one of
        its names, or the id, holds a token starting an entry: ``_unjudged``)."""
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(classes), i = 0, start
        cdef const char *s = PyUnicode_DATA(classes)
        best = None
        while True:
            while i < n and _ascii_space(s[i]):
                i += 1
            if i >= n:
                return best
            start = i
            while i < n and not _ascii_space(s[i]):
                i += 1
            if start == 0 and i == n:
                name = classes
            else:
                name = PyUnicode_FromStringAndSize(s + start, i - start)
            hit = self._verdict(name, None)
            if hit is not None and (best is None or hit[0] < best[0]):
                best = hit

    def _match_name(self, str name, tokens=None):
        """``ElementJudge._match_name``."""
        return self._name(name, tokens)

    cdef object _verdict(self, str name, list tokens):
        hit = self.by_name.get(name, _UNSEEN)
        if hit is _UNSEEN:
            hit = self.by_name[name] = self._name(name, tokens)
        return hit

    cdef bint _any_first(self, list tokens) except -1:
        for token in tokens:
            if token in self.first:
                return True
        return False

    cdef object _name(self, str name, list tokens):
        cdef bint lower = True  # (given tokens are a lower-case name's)
        cdef Py_ssize_t at, i, priority, best_rank = -1
        if tokens is None:
            if PyUnicode_IS_ASCII(name):
                tokens = _ascii_tokens(name, &lower)
            else:
                tokens = _name_tokens(name)
                lower = name.lower() == name
        if not self._any_first(tokens):
            return None
        # ``ElementJudge._match_name``'s qualified compounds: only a name with humps.
        described = None
        if not lower:
            for i in range(len(tokens) - 1):
                if tokens[i] in self.qualifiers:
                    described = _described_positions(name, tokens, self.qualifiers)
                    break
        cdef _VocabRule rule, best_rule = None
        best_entry = None
        for at in range(len(tokens)):
            if described is not None and at in described:
                continue
            for pair in self.index.get(tokens[at], ()):
                priority = pair[0]
                if best_rank >= 0 and priority >= best_rank:
                    break
                rule = self.vocab[priority]
                if rule is None or rule.rule is not pair[1]:
                    rule = self.vocab[priority] = _VocabRule(pair[1])
                entry = _match_tokens(rule, tokens, at)
                if entry:
                    if entry in rule.weak_entries:
                        if best_rank < 0 or priority + self.weak_rank < best_rank:
                            best_rank = priority + self.weak_rank
                            best_rule, best_entry = rule, entry
                        continue
                    best_rank = priority
                    best_rule, best_entry = rule, entry
                    break
        if best_rank < 0:
            return None
        return (best_rank, best_rule.rule, best_rule.reason(best_entry),
                best_rank >= self.weak_rank)
