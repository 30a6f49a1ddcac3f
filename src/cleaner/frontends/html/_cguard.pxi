# The twins of questions the walk asked of Python for each tag and for each element a
# tree rule matches (included by ``_cwalk.pyx``, after ``_cfinish.pxi`` and
# ``_csubtext.pxi``):
#
# - ``walk.tag_kind``: what the walk does with a tag, asked once a walk a tag;
# - ``blocks.walk_path``: a pruned element's path, its parent's label by
#   ``_finish_label`` (``tree.element_label``'s twin), kept in the walk's labels;
# - ``prune.PruneGuard.allows``: the guard of a pruning, the same steps on the same
#   guard (its rule's ``spares``, a look-alike it keeps, and the page's text asked of
#   Python as there);
# - ``visible.in_sentence``: whether an inline element is words of its line, its
#   siblings read off Lexbor's nodes (a sibling's tag asked of selectolax once a walk;
#   a tree rule's judgement of a sibling asked of the judge as there).
#
# The Python functions stay the reference: the tests compare each twin with them on
# hand-built markup and on every benchmark page (the walk's blocks, both walks).

from ..tags import INLINE_TAGS as _GUARD_INLINE

cdef str _guard_path(list rows, dict labels, Py_ssize_t owner, str own):
    """``walk_path(rows, labels, owner, own)``."""
    if owner == 0:
        return own
    label = labels.get(owner)
    if label is None:
        row = rows[owner]
        label = labels[owner] = _finish_label(row[3], row[7])
    return label + " > " + own


cdef object _guard_body_chars(object guard, object node, uintptr_t text_id):
    """``guard.body_chars()``: the length of the body's text, squashed; read here by
    the twins the walk reads a pruned element's text with (``_subtext_of``, ``_squash``)
    once the text nodes' tag id is known, and kept where the guard keeps it. ``node``:
    a selectolax node of the page (its type is the body's)."""
    chars = guard._body_chars
    if chars is None:
        if not text_id:
            return guard.body_chars()
        body = guard._body
        if type(body) is not type(node):
            return guard.body_chars()
        chars = len(_squash(_subtext_of((<NodeObject *> <PyObject *> body).node, text_id)))
        guard._body_chars = chars
    return chars


cdef bint _guard_allows(object guard, object rule, object node, str text,
                        uintptr_t text_id=0) except -1:
    """``guard.allows(rule, node, text)`` for the selectolax node ``node``;
    ``text_id``: the text nodes' tag id as the walk met it (0: not yet)."""
    if rule.may_spare and rule.spares(node):
        return False
    mem_id = <uintptr_t> (<NodeObject *> <PyObject *> node).node  # (``node.mem_id``)
    if rule.immediate:
        if mem_id in guard.weak:
            return False
    elif mem_id in guard.protected:
        return False
    else:
        chain = guard.anchor_chain
        if chain is not None:
            return mem_id not in chain
    max_share = rule.max_share
    if max_share >= 1.0 or len(text) < rule.guard_min_chars:
        return True
    return len(text) <= max_share * _guard_body_chars(guard, node, text_id)


cdef bint _guard_custom(object tag):
    """``tags.is_custom(tag)``: a name with a hyphen or a colon, opening with a letter."""
    if not tag:
        return False
    cdef str name = tag
    return ("-" in name or ":" in name) and name[0].isalpha()


cdef bint _guard_is_inline(object tag):
    """``tags.is_inline(tag)``: ``INLINE_TAGS`` or a custom element (``is_custom``)."""
    return tag in _GUARD_INLINE or _guard_custom(tag)


cdef object _guard_kind(dict category, object tag):
    """``walk.tag_kind(tag)``: ``category`` (``walk._CATEGORY``)'s, else inline for a
    custom element, else block-level; a nameless node is skipped."""
    if tag is None:
        return _py._SKIPPED
    kind = category.get(tag)
    if kind is None:
        kind = _py._INLINE_KIND if _guard_custom(tag) else _py._BLOCK
    return kind


cdef bint _guard_alnum(str text):
    """``any(ch.isalnum() for ch in text)``."""
    cdef Py_UCS4 ch
    for ch in text:
        if ch.isalnum():
            return True
    return False


cdef bint _guard_bytes_alnum(const unsigned char *data, size_t length):
    """Whether the UTF-8 ``data`` (as the walk decodes it) holds a letter or digit."""
    cdef size_t i
    cdef bint wide = False
    cdef unsigned char c
    for i in range(length):
        c = data[i]
        if c >= 0x80:
            wide = True
        elif (48 <= c <= 57) or (65 <= c <= 90) or (97 <= c <= 122):
            return True
    if not wide:
        return False
    return _guard_alnum(PyUnicode_DecodeUTF8(<char *> data, length, "replace"))


cdef class _GuardSides:
    """What ``in_sentence`` needs of one walk: the parser and node type (to make the
    selectolax node of a sibling), the judge, the text nodes' tag id once met, and
    the tags asked of selectolax (by node kind, as the walk keys them)."""

    cdef object parser, judge
    cdef PyTypeObject *ntype
    cdef dict tags
    cdef uintptr_t text_id

    cdef object tag(self, lxb_node *node):
        """``node``'s selectolax ``tag``, asked once a walk by its tag id, namespace,
        type and (an element's own) qualified name."""
        cdef uintptr_t qualified = 0
        if node.type == ELEMENT_NODE:
            qualified = (<lxb_element *> node).qualified_name
        key = (node.local_name, node.ns, node.type, qualified)
        tag = self.tags.get(key, self)
        if tag is self:
            tag = self.tags[key] = _node(node, self.parser, self.ntype).tag
        return tag

    cdef bint words(self, lxb_node *node, bint to_prev) except -1:
        """``visible._words_beside(node, side, judge)``, ``side`` "prev" or "next"."""
        cdef lxb_node *sibling
        cdef lxb_text *text_node
        while True:
            sibling = node.prev if to_prev else node.next
            while sibling != NULL:
                tag = self.tag(sibling)
                if tag == "-text":
                    if sibling.type == TEXT_NODE:
                        text_node = <lxb_text *> sibling
                        if text_node.data != NULL and text_node.length and _guard_bytes_alnum(
                            text_node.data, text_node.length
                        ):
                            return True
                    else:
                        text = _node(sibling, self.parser, self.ntype).text_content
                        if text and _guard_alnum(text):
                            return True
                elif tag != "-comment":
                    if not _guard_is_inline(tag):
                        return False  # a block, a line break: the line ends here
                    obj = _node(sibling, self.parser, self.ntype)
                    if self.text_id and sibling.type == ELEMENT_NODE:
                        inner = _subtext_of(sibling, self.text_id)
                    else:
                        inner = obj.text()
                    if _guard_alnum(inner):
                        attrs = obj.attributes
                        return not attrs or self.judge.judge(tag, attrs, obj) is None
                sibling = sibling.prev if to_prev else sibling.next
            node = node.parent
            if node == NULL or not _guard_is_inline(self.tag(node)):
                return False


cdef _GuardSides _guard_sides(object parser, PyTypeObject *ntype, object judge):
    cdef _GuardSides sides = _GuardSides()
    sides.parser = parser
    sides.ntype = ntype
    sides.judge = judge
    sides.tags = {}
    sides.text_id = 0
    return sides


cdef bint _guard_in_sentence(
    _GuardSides sides, lxb_node *node, object tag, object rule
) except -1:
    """``visible.in_sentence(node, rule, judge)`` for the element ``node`` (``tag``)."""
    if not (rule.shown or (rule.links_shown and tag == "a")):
        return False
    return sides.words(node, True) or sides.words(node, False)


def guard_kind(tag) -> str:
    """``_guard_kind`` with the walk's table (for the tests)."""
    return _guard_kind(_py._CATEGORY, tag)


def guard_path(list rows, dict labels, Py_ssize_t owner, str own) -> str:
    """``_guard_path`` (for the tests)."""
    return _guard_path(rows, labels, owner, own)


def guard_allows(guard, rule, node, str text, uintptr_t text_id=0) -> bool:
    """``_guard_allows`` (for the tests; ``text_id``: the text nodes' tag id, 0 to ask
    the guard for the body's text)."""
    return _guard_allows(guard, rule, node, text, text_id)


def guard_body_chars(guard, node, uintptr_t text_id) -> int:
    """``_guard_body_chars`` (for the tests)."""
    return _guard_body_chars(guard, node, text_id)


def text_tag_id(node) -> int:
    """The tag id of the text nodes under ``node`` (0: none), as the walk learns it."""
    cdef lxb_node *top = (<NodeObject *> <PyObject *> node).node
    cdef lxb_node *walker = top.first_child
    while walker != NULL:
        if walker.type == TEXT_NODE:
            return walker.local_name
        if walker.first_child != NULL:
            walker = walker.first_child
            continue
        while walker != top and walker.next == NULL:
            walker = walker.parent
        if walker == top:
            break
        walker = walker.next
    return 0


def guard_in_sentence(node, rule, judge) -> bool:
    """``_guard_in_sentence`` on the selectolax node ``node`` (for the tests; the text
    nodes' tag id read off the page as the walk learns it)."""
    node_type = type(node)
    cdef _GuardSides sides = _guard_sides(node.parser, <PyTypeObject *> node_type, judge)
    cdef lxb_node *top = (<NodeObject *> <PyObject *> node).node
    cdef lxb_node *walker = top
    while walker.parent != NULL:  # (the root of the node's tree)
        walker = walker.parent
    while walker != NULL and not sides.text_id:
        if walker.type == TEXT_NODE and sides.tag(walker) == "-text":
            sides.text_id = walker.local_name
        if walker.first_child != NULL:
            walker = walker.first_child
            continue
        while walker.next == NULL and walker.parent != NULL:
            walker = walker.parent
        walker = walker.next
    return _guard_in_sentence(sides, top, node.tag, rule)
