# The compiled twins of the main content run's loops a line on text (included by
# ``_cwalk.pyx`` after ``_cslot.pxi``: its slot reads): ``rules/run_scores.py``'s (each
# kept line's score, the stretch whose scores sum highest), ``wrapped.wrapped_runs`` and
# ``list_pairs``' pair openings; the run goes over every kept line twice a page. The
# same arithmetic in the same order on doubles (Python's floats): the same answers.

cdef Py_ssize_t _RS_F_N_TOKENS = _cslot_offset(_FEATURES, "n_tokens")
cdef Py_ssize_t _RS_F_TITLE_RATIO = _cslot_offset(_FEATURES, "title_ratio")
cdef Py_ssize_t _RS_F_ENDS_SENTENCE = _cslot_offset(_FEATURES, "ends_sentence")
cdef Py_ssize_t _RS_F_LETTER_RATIO = _cslot_offset(_FEATURES, "letter_ratio")
cdef Py_ssize_t _RS_F_DIGIT_RATIO = _cslot_offset(_FEATURES, "digit_ratio")


def rs_run_scores(list kept, list prose, double per_word, double cost, double gap,
                  double item, double heading, double item_words, double item_title,
                  double head_words, double head_letters):
    """``run_scores.py_run_scores``, its thresholds worked out: each block's score."""
    cdef Py_ssize_t i, n = len(kept)
    cdef double words
    cdef list out = []
    if len(prose) != n:
        raise ValueError("zip() arguments differ in length")
    for i in range(n):
        f = _cslot_features(kept[i])
        if prose[i]:
            out.append(
                <double> _cslot_f(f, _RS_F_N_TOKENS, "n_tokens") * per_word - cost
            )
            continue
        words = <double> _cslot_f(f, _CSLOT_F_N_WORDS, "n_words")
        if (
            words >= item_words
            and <double> _cslot_f(f, _RS_F_TITLE_RATIO, "title_ratio") < item_title
            and <double> _cslot_f(f, _CSLOT_F_STOPWORD_RATIO, "stopword_ratio") > 0
        ):
            out.append(-item)
        elif (
            0 < words <= head_words
            and not _cslot_f(f, _RS_F_ENDS_SENTENCE, "ends_sentence")
            and <double> _cslot_f(f, _RS_F_LETTER_RATIO, "letter_ratio") > head_letters
        ):
            out.append(-heading)
        else:
            out.append(-gap)
    return out


def rs_max_run(list scores):
    """``run_scores.py_max_run``: start, end (inclusive) and sum of the maximum-sum
    contiguous run (Kadane), on scores that are floats."""
    cdef Py_ssize_t i, n = len(scores), best_start = 0, best_end = 0, current_start = 0
    cdef double best = float("-inf"), current = 0.0, score
    for i in range(n):
        score = <double> scores[i]
        if current <= 0:
            current, current_start = score, i
        else:
            current += score
        if current > best:
            best, best_start, best_end = current, current_start, i
    return best_start, best_end, best


def rs_wrapped_runs(list blocks, Py_ssize_t min_lines, Py_ssize_t min_chars,
                    Py_ssize_t max_chars, object lower_word):
    """``wrapped.wrapped_runs``, ``lower_word`` its pattern's ``match``: the stretches
    ``(lo, hi)`` of hard-wrapped lines."""
    cdef Py_ssize_t i, lo = 0, n = len(blocks), length
    cdef list runs = []
    for i in range(1, n):
        prev = blocks[i - 1]
        if not _cslot_f(_cslot_features(prev), _RS_F_ENDS_SENTENCE, "ends_sentence"):
            line = _cslot_text(prev)
            length = len(line)
            if min_chars <= length <= max_chars:
                text = _cslot_text(blocks[i])
                # (Its last character, '' for none: no negative index without wraparound.)
                last = line[length - 1 :] if length else ""
                if (text[:1].islower() and lower_word(text)) or last in ",;-":
                    continue
        if i - lo >= min_lines:
            runs.append((lo, i))
        lo = i
    if n and n - lo >= min_lines:
        runs.append((lo, n))
    return runs


def rs_pair_starts(list blocks, double term_max_words, double value_max_words):
    """``list_pairs._pair_starts``: where a term line and its value line open a pair."""
    cdef Py_ssize_t i, n = len(blocks)
    cdef double words, value_words
    cdef set starts = set()
    for i in range(n - 1):
        f = _cslot_features(blocks[i])
        words = <double> _cslot_f(f, _CSLOT_F_N_WORDS, "n_words")
        if not 0 < words <= term_max_words:
            continue
        if <double> _cslot_f(f, _RS_F_DIGIT_RATIO, "digit_ratio") != 0:
            continue
        v = _cslot_features(blocks[i + 1])
        value_words = <double> _cslot_f(v, _CSLOT_F_N_WORDS, "n_words")
        if (
            0 < value_words <= value_max_words
            and not _cslot_f(v, _RS_F_ENDS_SENTENCE, "ends_sentence")
            and (
                value_words > words
                or <double> _cslot_f(v, _RS_F_DIGIT_RATIO, "digit_ratio") != 0
            )
        ):
            text = _cslot_text(blocks[i])
            if text[:1].isalpha() and ":" not in text:
                starts.add(i)
    return starts
