# Elements by tag, in C (included by ``_cwalk.pyx``): the twin of a selector query made
# of type selectors alone, ``walk.DROP_SELECTOR``. Lexbor's engine matches each node
# against each selector of the list; this asks each tag once a page and then compares
# tag ids (on the first 30 zyte pages, a quarter of the query's time). The query stays
# as the reference: the equality tests compare both on generated markup and on every
# benchmark page, and the self-test on the bundled page.


def find_elements(root, frozenset tags):
    """The elements at and under ``root`` (a selectolax node) whose ``tag`` is in
    ``tags``, in document order: the nodes ``root.css`` gives for the type selectors
    of ``tags`` (the template contents, not children, are not walked, as there)."""
    node_type = type(root)
    cdef PyTypeObject *ntype = <PyTypeObject *> node_type
    parser = root.parser
    cdef lxb_node *top = (<NodeObject *> <PyObject *> root).node
    cdef lxb_node *node = top
    # Whether a tag is in ``tags``, by tag id and namespace (-1: not asked yet); names
    # with a qualified name of their own (a prefix, a case) by their whole key.
    cdef signed char small[SMALL_IDS * SMALL_NS]
    memset(small, -1, sizeof(small))
    cdef dict other = {}
    cdef list found = []
    cdef Py_ssize_t slot
    cdef int hit
    while node != NULL:
        if node.type == ELEMENT_NODE:
            slot = -1
            if (node.local_name < SMALL_IDS and node.ns < SMALL_NS
                    and (<lxb_element *> node).qualified_name == 0):
                slot = node.local_name * SMALL_NS + node.ns
                hit = small[slot]
            else:
                key = (node.local_name, node.ns, (<lxb_element *> node).qualified_name)
                hit = other.get(key, -1)
            if hit < 0:
                hit = _node(node, parser, ntype).tag in tags
                if slot >= 0:
                    small[slot] = hit
                else:
                    other[key] = hit
            if hit:
                found.append(_node(node, parser, ntype))
        # The next node in document order, never leaving ``root``'s subtree.
        if node.first_child != NULL:
            node = node.first_child
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    return found
