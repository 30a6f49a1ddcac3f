# The check that the structs ``_lexbor.pxi`` declares are the installed selectolax's
# (included by ``_cwalk.pyx``; ``compiled.py`` runs it before anything reads them).

def check_layout(node_type: type, node: object, parser: object, text_node: object,
                 element: object) -> bool:
    """Whether the structs above are the installed selectolax's: read off live nodes
    (``node`` an element with a first child, ``text_node`` a text node, ``element`` one
    with attributes), compared with what its Python API says. Reads only inside the
    objects and nodes given, each field checked before it is followed."""
    cdef PyTypeObject *t = <PyTypeObject *> node_type
    if t.tp_basicsize != sizeof(NodeObject) or type(node) is not node_type:
        return False
    for obj in (node, text_node, element):
        if type(obj) is not node_type:
            return False
        if <uintptr_t> (<NodeObject *> <PyObject *> obj).node != <uintptr_t> obj.mem_id:
            return False
        if (<NodeObject *> <PyObject *> obj).parser != <PyObject *> parser:
            return False
    cdef lxb_node *n = (<NodeObject *> <PyObject *> node).node
    first = node.first_child
    if first is None or <uintptr_t> n.first_child != <uintptr_t> first.mem_id:
        return False
    if n.type != ELEMENT_NODE or n.parent == NULL:
        return False
    if n.first_child.parent != n:
        return False
    cdef lxb_node *t_node = (<NodeObject *> <PyObject *> text_node).node
    if t_node.type != TEXT_NODE:
        return False
    expected = text_node.text_content.encode("utf-8")
    cdef lxb_text *text = <lxb_text *> t_node
    if text.length != <size_t> len(expected) or text.data == NULL:
        return False
    if (<char *> text.data)[:text.length] != expected:
        return False
    cdef lxb_element *el = <lxb_element *> (<NodeObject *> <PyObject *> element).node
    if el.first_attr == NULL or (<lxb_element *> n).first_attr != NULL:
        return False
    # ``element``'s one attribute, as its Python API gives it.
    values = list(element.attributes.values())
    cdef lxb_attr *attr = el.first_attr
    if len(values) != 1 or values[0] is None or attr.node.type != ATTRIBUTE_NODE:
        return False
    if attr.owner != <void *> el or attr.next != NULL or attr.value == NULL:
        return False
    expected = values[0].encode("utf-8")
    if attr.value.length != <size_t> len(expected) or attr.value.data == NULL:
        return False
    return (<char *> attr.value.data)[:attr.value.length] == expected
