# Whether a subtree holds an element by its tag, in C (included by ``_cwalk.pyx``, after
# ``_cfind.pxi``): the twin of ``node.css_first(type selectors) is not None``, which the
# tree rules ask while the walk prunes (``rules/descendants.py``). Lexbor parses the
# selector on every call and tests each node of the subtree against each selector of
# the list: a ``<header>`` asked for a heading cost 50 microseconds a page on the zyte
# set, more than the rest of its guard. Here tags are compared by id, each tag asked of
# selectolax once a call, and the walk stops at the first match. The query stays the
# reference: the tests compare both on generated markup and on every benchmark page.


def first_has(root, frozenset tags):
    """Whether ``root`` (a selectolax node) or an element under it has a ``tag`` in
    ``tags``: ``find_elements(root, tags)`` is not empty, found without a list."""
    node_type = type(root)
    cdef PyTypeObject *ntype = <PyTypeObject *> node_type
    parser = root.parser
    cdef lxb_node *top = (<NodeObject *> <PyObject *> root).node
    cdef lxb_node *node = top
    # Whether a tag is in ``tags``, by tag id and namespace (-1: not asked yet); names
    # with a qualified name of their own (a prefix, a case) by their whole key.
    cdef signed char small[SMALL_IDS * SMALL_NS]
    cdef dict other = None
    cdef Py_ssize_t slot
    cdef int hit
    memset(small, -1, sizeof(small))
    while node != NULL:
        if node.type == ELEMENT_NODE:
            slot = -1
            if (node.local_name < SMALL_IDS and node.ns < SMALL_NS
                    and (<lxb_element *> node).qualified_name == 0):
                slot = node.local_name * SMALL_NS + node.ns
                hit = small[slot]
            else:
                if other is None:
                    other = {}
                key = (node.local_name, node.ns, (<lxb_element *> node).qualified_name)
                hit = other.get(key, -1)
            if hit < 0:
                hit = _node(node, parser, ntype).tag in tags
                if slot >= 0:
                    small[slot] = hit
                else:
                    other[key] = hit
            if hit:
                return True
        # The next node in document order, never leaving ``root``'s subtree.
        if node.first_child != NULL:
            node = node.first_child
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    return False
