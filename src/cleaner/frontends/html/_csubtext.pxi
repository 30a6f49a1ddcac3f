# The text of a subtree, read off Lexbor's nodes (included by ``_cwalk.pyx``): the twin
# of selectolax's ``LexborNode.text(separator=" ")`` on an element, which the walk asks
# of each element it prunes. selectolax walks the element's descendants in document
# order (Lexbor's ``lxb_dom_node_simple_walk``: the element itself not included), takes
# each node whose tag id is the text nodes' and whose data is set, puts the separator
# between each two and decodes the UTF-8 with "replace"; so does this, without a
# Python object per text node.

from libc.string cimport memcpy

cdef enum:
    SUBTEXT_SMALL = 1024  # bytes held on the stack before the buffer grows


cdef object _subtext_of(lxb_node *root, uintptr_t text_id):
    """``text(separator=" ")`` of the element ``root``; ``text_id``: the text nodes'
    tag id (as the walk met it)."""
    cdef unsigned char small[SUBTEXT_SMALL]
    cdef unsigned char *buf = small
    cdef unsigned char *grown
    cdef size_t size = 0, room = SUBTEXT_SMALL, need
    cdef Py_ssize_t count = 0
    cdef lxb_node *node = root.first_child
    cdef lxb_text *text
    try:
        while node != NULL:
            if node.local_name == text_id and (<lxb_text *> node).data != NULL:
                text = <lxb_text *> node
                need = size + text.length + 1
                if need > room:
                    room = 2 * need
                    grown = <unsigned char *> malloc(room)
                    if grown == NULL:
                        raise MemoryError
                    memcpy(grown, buf, size)
                    if buf != small:
                        free(buf)
                    buf = grown
                if count:
                    buf[size] = 32
                    size += 1
                memcpy(buf + size, text.data, text.length)
                size += text.length
                count += 1
            if node.first_child != NULL:
                node = node.first_child
            else:
                while node != root and node.next == NULL:
                    node = node.parent
                if node == root:
                    break
                node = node.next
        if size == 0:
            return ""
        return PyUnicode_DecodeUTF8(<char *> buf, size, "replace")
    finally:
        if buf != small:
            free(buf)
