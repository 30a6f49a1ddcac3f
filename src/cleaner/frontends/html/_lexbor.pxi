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

# An attribute (lexbor/dom/interfaces/attr.h): its node's local name is its name's id.
ctypedef struct lexbor_str:
    unsigned char *data
    size_t length

ctypedef struct lxb_attr:
    lxb_node node
    uintptr_t upper_name
    uintptr_t qualified_name
    lexbor_str *value
    void *owner
    lxb_attr *next
    lxb_attr *prev

ctypedef struct lxb_element:
    lxb_node node
    uintptr_t upper_name
    uintptr_t qualified_name
    void *is_value
    lxb_attr *first_attr

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


cdef object _attr_key(lxb_attr *a):
    """What tells an attribute's name apart: its id, and its qualified name if it has
    one of its own (a prefix, a case)."""
    if a.node.ns < 256 and a.qualified_name == 0 and a.node.local_name < (<uintptr_t> 1 << 48):
        return (a.node.local_name << 12) | (a.node.ns << 4)
    return (a.node.local_name, a.node.ns, a.qualified_name)


cdef enum:
    SMALL_ATTR_IDS = 512  # (Lexbor's own attribute names have ids below this)
    SMALL_ATTR_NS = 8


cdef class _AttrNames:
    """One walk's attribute names by their ids (``_attr_key``), learnt from selectolax
    (``_learn_names``). The usual ones (a small id and namespace, no qualified name of
    their own) are also kept in an array once met, so that reading them makes no
    Python int and no dict look-up (a page has about a thousand attributes); ``names``
    holds each name's string for the walk."""

    cdef dict names
    cdef PyObject *by_id[SMALL_ATTR_IDS * SMALL_ATTR_NS]

    def __cinit__(self):
        self.names = {}
        memset(self.by_id, 0, sizeof(self.by_id))

    cdef object name(self, lxb_attr *a):
        """``a``'s name, or None when not learnt yet."""
        cdef Py_ssize_t slot = -1
        if a.qualified_name == 0 and a.node.local_name < SMALL_ATTR_IDS and (
            a.node.ns < SMALL_ATTR_NS
        ):
            slot = a.node.local_name * SMALL_ATTR_NS + a.node.ns
            if self.by_id[slot] != NULL:
                return <object> self.by_id[slot]
        name = self.names.get(_attr_key(a))
        if name is not None and slot >= 0:
            self.by_id[slot] = <PyObject *> name  # (``names`` holds it)
        return name


cdef object _read_attributes(lxb_node *node, _AttrNames names):
    """An element's ``attributes`` as selectolax gives them (a value-less attribute's
    value None, bytes it cannot decode replaced), or None when a name is not in
    ``names`` yet (then ``_learn_names``)."""
    cdef lxb_attr *a = (<lxb_element *> node).first_attr
    cdef lexbor_str *value
    cdef dict attrs = {}
    while a != NULL:
        name = names.name(a)
        if name is None:
            return None
        value = a.value
        if value == NULL or value.data == NULL:
            attrs[name] = None
        else:
            attrs[name] = PyUnicode_DecodeUTF8(<char *> value.data, value.length, "replace")
        a = a.next
    return attrs


cdef void _learn_names(lxb_node *node, dict attrs, _AttrNames known) except *:
    """Note the names of an element's attributes (``attrs``, from selectolax, in the
    order of its attribute list) by their ids."""
    cdef lxb_attr *a = (<lxb_element *> node).first_attr
    keys = []
    while a != NULL:
        keys.append(_attr_key(a))
        a = a.next
    if len(keys) == len(attrs):  # (else some name came twice: never learned)
        for key, name in zip(keys, attrs):
            # (A name known already keeps its string: ``known.by_id`` points to it.)
            known.names.setdefault(key, name)
