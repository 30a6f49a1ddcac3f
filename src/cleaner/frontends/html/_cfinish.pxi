# The twin of the loop ending ``blocks.finish_blocks`` (included by ``_cwalk.pyx``):
# each block's index, element and path, and each element's prose, after the deferred
# prunings. A block's path is its element's, made once per element here, its labels
# by ``_finish_label``, the twin of ``tree.element_label`` (kept in the table's
# ``labels`` as ``Elements.label`` keeps them); indexes and elements go into the
# blocks' slots (``_cnew.pxi``) where the layout is known.

from ...rules.tree import LABEL_CLASSES

cdef Py_ssize_t _FINISH_CLASSES = LABEL_CLASSES
cdef object _FINISH_ZERO = 0.0


cdef str _finish_label(str tag, object attrs):
    """``tree.element_label(tag, attrs)``: 'tag#id.class1.class2'."""
    if not attrs:
        return tag
    ident = attrs.get("id")
    label = tag
    if ident:
        ident = ident.strip()
        if ident:
            label = tag + "#" + ident
    classes = attrs.get("class")
    if classes:
        names = classes.split()
        if names:
            label = label + "." + ".".join(names[:_FINISH_CLASSES])
    return label


cdef str _finish_element_label(object el, dict labels, Py_ssize_t e):
    """``Elements.label(e)``."""
    label = labels.get(e)
    if label is None:
        label = labels[e] = _finish_label(el.tag[e], el.attrs[e])
    return label


def finish_label(tag: str, attrs: object) -> str:
    """``_finish_label`` (for the tests)."""
    return _finish_label(tag, attrs)

def finish_rows(list blocks, list owners, list values, el):
    """``finish_blocks``' loop over ``blocks`` (their ``owners`` and prose ``values``):
    the elements' prose, a list as long as ``el``'s."""
    cdef list parent = el.parent
    cdef Py_ssize_t n = len(parent), i, owner
    cdef double *sums = <double *> malloc((n + 1) * sizeof(double))
    cdef bint *summed = <bint *> malloc((n + 1) * sizeof(bint))
    cdef dict paths = {}, labels = el.labels
    cdef bint slots = _BLOCK.usable
    if sums == NULL or summed == NULL:
        free(sums)
        free(summed)
        raise MemoryError
    try:
        memset(summed, 0, (n + 1) * sizeof(bint))
        if len(owners) != len(blocks) or len(values) != len(blocks):
            raise ValueError("blocks, owners and values differ in length")
        for i in range(len(blocks)):
            block = blocks[i]
            owner_obj = owners[i]
            owner = owner_obj
            value = values[i]
            if slots and type(block) is Block:
                _new_put(block, _B_INDEX, i)
                _new_put(block, _B_ELEMENT, owner_obj)
            else:
                block.index = i
                block.element = owner_obj
            if value:
                # (The Python loop's float additions, in its order.)
                if summed[owner]:
                    sums[owner] += <double> value
                else:
                    sums[owner] = 0.0 + <double> value
                    summed[owner] = True
            if not block.path:
                if owner == 0:
                    block.path = "body"
                else:
                    path = paths.get(owner)
                    if path is None:
                        path = _finish_element_label(el, labels, owner)
                        up = parent[owner]
                        if up:
                            path = _finish_element_label(el, labels, up) + " > " + path
                        paths[owner] = path
                    block.path = path
        # (One 0.0 for the elements without prose, as ``[0.0] * n`` shares it: most are.)
        prose = [_FINISH_ZERO] * n
        for i in range(n):
            if summed[i]:
                prose[i] = sums[i]
        return prose
    finally:
        free(sums)
        free(summed)
