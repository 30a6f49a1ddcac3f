# What the compiled walk reads of selectolax's tree: Lexbor's structs, their leading
# fields only, and selectolax's node object (included by ``_cwalk.pyx``; nothing here
# may be used before ``compiled.py``'s checks, see there).

# Lexbor's structs (lexbor/dom/interfaces/node.h, element.h,
# character_data.h; lexbor/core/str.h). A node starts every interface's struct.
ctypedef struct lxb_node:
    void *events
    uintptr_t local_name  # the tag id
    uintptr_t prefix
    uintptr_t ns
    void *owner_document
    lxb_node *next
    lxb_node *prev
    lxb_node *parent
    lxb_node *first_child
    lxb_node *last_child
    void *user
    unsigned int type

ctypedef struct lxb_element:
    lxb_node node
    uintptr_t upper_name
    uintptr_t qualified_name
    void *is_value
    void *first_attr

ctypedef struct lxb_text:
    lxb_node node
    unsigned char *data
    size_t length

# selectolax's ``LexborNode`` object (selectolax/lexbor.pxd): the vtable pointer Cython
# gives a class with C methods, then its fields in order.
ctypedef struct NodeObject:
    Py_ssize_t ob_refcnt
    PyTypeObject *ob_type
    void *vtab
    lxb_node *node
    PyObject *parser
    int is_fragment_root
    int is_template_content

cdef object _EMPTY = ()


cdef object _node(lxb_node *p, object parser, PyTypeObject *node_type):
    """A selectolax node for ``p``, as selectolax's own ``LexborNode.new`` makes one."""
    obj = node_type.tp_new(<type> node_type, <PyObject *> _EMPTY, NULL)
    cdef NodeObject *o = <NodeObject *> <PyObject *> obj
    o.node = p
    cdef PyObject *old = o.parser
    Py_INCREF(parser)
    o.parser = <PyObject *> parser
    Py_XDECREF(old)
    return obj


cdef inline bint _blank(const unsigned char *data, size_t length) noexcept:
    """Whether UTF-8 text is ASCII white space alone (what ``str.isspace`` says of it;
    other text is decoded and asked)."""
    cdef size_t i
    cdef unsigned char c
    for i in range(length):
        c = data[i]
        if not (c == 32 or (9 <= c <= 13) or (28 <= c <= 31)):
            return False
    return True
