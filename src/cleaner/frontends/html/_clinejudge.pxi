# The compiled twin of ``runs.judge_masks`` (included by ``_cwalk.pyx``, after
# ``_cnew.pxi``: its block layout): a run of line rules on text judges the lines its
# gates admit straight off the page's masks (``_ctext3.pxi``'s ``line_gate_masks``),
# without a list of (position, mask) pairs first, which on a page of many short lines
# held two objects a candidate line at the run's peak.

from cpython.dict cimport PyDict_GetItemWithError as _lj_get


cdef inline object _lj_field(object block, Py_ssize_t offset, str name):
    """A block's field: read off its slot where the layout is checked (``_cnew.pxi``)."""
    cdef PyObject *value
    if _BLOCK.usable and type(block) is Block:
        value = (<PyObject **> ((<char *> <PyObject *> block) + offset))[0]
        if value != NULL:
            return <object> value
    return getattr(block, name)


def lj_judge_masks(list blocks, bytearray found, int shift, int width, object make_asks,
                   object doc, object removed):
    """``runs.judge_masks``: each block still kept (not removed, not pruned) with a bit
    of ``shift`` to ``shift + width - 1`` in its mask of ``found`` is removed by the
    first of those bits' rules with a reason for it; a line printed again gets its
    first copy's answer: ``removed(rule, block, reason)`` (``runs._removed``) marks the
    first and says what the others get. ``make_asks()`` gives the (rule, reason_for) a
    bit, called at the first line judged."""
    cdef long long mask, wanted = (((<long long> 1) << width) - 1) << shift
    cdef Py_ssize_t i, r, n = len(found) // 8
    cdef const long long *masks = <const long long *> (<char *> found)
    cdef list asks = None
    cdef dict answers = {}
    cdef PyObject *seen
    cdef tuple ask
    if n != len(blocks):
        raise ValueError("the masks are not those of these blocks")
    for i in range(n):
        mask = masks[i] & wanted
        if not mask:
            continue
        block = blocks[i]
        if _lj_field(block, _B_REMOVAL, "removal") is not None or _lj_field(
            block, _B_PRUNED, "pruned"
        ):
            continue
        text = _lj_field(block, _B_TEXT, "text")
        seen = _lj_get(answers, text)
        if seen is NULL:
            if asks is None:
                asks = list(make_asks())
            answer = None
            mask >>= shift
            for r in range(width):
                if mask >> r & 1:
                    ask = <tuple> asks[r]
                    reason = ask[1](block, doc)
                    if reason:
                        answer = removed(ask[0], block, reason)
                        break
            answers[text] = answer
        elif <object> seen is None:
            pass
        elif type(<object> seen) is tuple:
            (<tuple> <object> seen)[0].remove(block, (<tuple> <object> seen)[1])
        elif _BLOCK.usable and type(block) is Block:
            _new_put(block, _B_REMOVAL, <object> seen)
        else:
            block.removal = <object> seen
