# One pass over a parsed page before the walk, in C (included by ``_cwalk.pyx``, after
# ``_cfind.pxi``): the twin of the three selector queries made there, each of which
# walks the whole tree, and of the prose anchor's reading of each ``<p>``'s text.
#
# - ``declared.DECLARING`` over the page (its JSON-LD scripts, ``og:type``, microdata
#   ``itemtype``), before anything is dropped;
# - ``walk.DROP_SELECTOR`` under the body (``find_elements``);
# - ``prune.PARAGRAPH_OR_MARKER`` under the body once the dropped elements are gone:
#   the ``<p>``s and the main-content markers, each marker reported once per selector
#   of ``prune.MARKER_SELECTOR`` it matches, as the engine reports it;
# - the length of each ``<p>``'s ``text()`` once the dropped elements are gone.
#
# Lexbor's engine matches a type selector on the tag's id and an attribute selector on
# the attribute's local name's id, in any namespace (``xlink:role`` is a ``role``), the
# value case-sensitively. Lexbor's own tags and attribute names have fixed ids, read
# once a process from a probe page (``_prepare``); a name Lexbor made for the page is
# read from its entry (an attribute) or asked of selectolax once a page (a tag).
# ``prescan.py`` uses the scan; the tests compare it with the queries on generated
# markup and on every benchmark page.

from libc.string cimport memcmp

cdef enum:
    F_DROP = 1
    F_P = 2
    F_MAIN = 4
    F_ARTICLE = 8
    F_SCRIPT = 16
    F_META = 32
    F_TEXT = 64  # (a node whose data ``text()`` reads: selectolax asks its tag id)
    A_OTHER = 0
    A_ROLE = 1
    A_ITEMPROP = 2
    A_ITEMTYPE = 3
    A_TYPE = 4
    A_PROPERTY = 5
    HASH_SHORT = 16  # (Lexbor's LEXBOR_HASH_SHORT_SIZE: longer names are elsewhere)

_SCAN_TAGS = {"p": F_P, "main": F_MAIN, "article": F_ARTICLE, "script": F_SCRIPT,
              "meta": F_META, "-text": F_TEXT}
_SCAN_NAMES = {"role": A_ROLE, "itemprop": A_ITEMPROP, "itemtype": A_ITEMTYPE,
               "type": A_TYPE, "property": A_PROPERTY}
# A page naming each tag and attribute the scan asks about, and two names Lexbor does
# not know (one longer than ``HASH_SHORT``), read once a process (``_prepare``).
_PROBE = (
    "<html><head><meta><script></script><style></style><noframes></noframes></head>"
    "<body><p type role itemprop itemtype property xq data-cleaner-scan-probe-name>t</p>"
    "<main></main><article></article><svg></svg><template></template><select></select>"
    "<iframe></iframe><noembed></noembed></body></html>"
)

# Lexbor's name of an id it made for a page (lexbor/core/hash.h ``lexbor_hash_entry``):
# the name's bytes in place (or a pointer to them, when longer than ``HASH_SHORT``),
# then its length. Lexbor's own names have small ids (an index in its tables).
ctypedef struct hash_entry:
    unsigned char short_str[24]  # (a union of 17 bytes and a pointer, padded)
    size_t length

# What the scan makes of Lexbor's own tag and attribute ids: the same for every page of
# the installed selectolax (its compiled-in tables), so read once a process, as the
# walk's choice is (``compiled.py``), from ``_PROBE`` (``_prepare``): 1 ready, 0 the
# probe disagreed with selectolax (the scan never runs), -1 not read yet.
cdef int _scan_ready = -1
cdef signed char _TAG_FLAGS[SMALL_IDS]
cdef signed char _ATTR_CODES[SMALL_ATTR_IDS]


cdef int _own_code(uintptr_t name_id) noexcept:
    """``A_*`` of an attribute's local name by its id: Lexbor's own names from the
    probe's table, the page's from Lexbor's entry (all five names are short)."""
    if name_id < SMALL_ATTR_IDS:
        return _ATTR_CODES[name_id]
    cdef hash_entry *e = <hash_entry *> name_id
    if e.length == 4:
        if memcmp(e.short_str, b"role", 4) == 0:
            return A_ROLE
        if memcmp(e.short_str, b"type", 4) == 0:
            return A_TYPE
    elif e.length == 8:
        if memcmp(e.short_str, b"itemprop", 8) == 0:
            return A_ITEMPROP
        if memcmp(e.short_str, b"itemtype", 8) == 0:
            return A_ITEMTYPE
        if memcmp(e.short_str, b"property", 8) == 0:
            return A_PROPERTY
    return A_OTHER


cdef bint _prepare(object root) except -1:
    """Read the probe page: each tag's flags and each attribute's code by their ids,
    checked against selectolax's names. False: the scan cannot be used."""
    from selectolax.lexbor import LexborHTMLParser

    memset(_TAG_FLAGS, 0, sizeof(_TAG_FLAGS))
    memset(_ATTR_CODES, 0, sizeof(_ATTR_CODES))
    probe = LexborHTMLParser(_PROBE)
    node_type = type(root)
    cdef PyTypeObject *ntype = <PyTypeObject *> node_type
    cdef lxb_node *top = (<NodeObject *> <PyObject *> probe.root).node
    cdef lxb_node *node = top
    cdef lxb_attr *a
    cdef int code
    found = set()
    while node != NULL:
        obj = _node(node, probe, ntype)
        tag = obj.tag
        if node.type == ELEMENT_NODE or tag == "-text":
            if node.local_name >= SMALL_IDS or (
                node.type == ELEMENT_NODE and (<lxb_element *> node).qualified_name != 0
            ):
                return False
            _TAG_FLAGS[node.local_name] = _SCAN_TAGS.get(tag, 0) | (
                F_DROP if tag in _py._DROP_SET else 0
            )
            found.add(tag)
        if node.type == ELEMENT_NODE:
            names = list(obj.attributes)
            a = (<lxb_element *> node).first_attr
            for name in names:
                if a == NULL or a.qualified_name != 0:
                    return False
                code = _SCAN_NAMES.get(name, A_OTHER)
                if a.node.local_name < SMALL_ATTR_IDS:
                    _ATTR_CODES[a.node.local_name] = code
                found.add(name)
                a = a.next
            if a != NULL:
                return False
        if node.first_child != NULL:
            node = node.first_child
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    # Every name read back through Lexbor's entries as selectolax names it.
    p = probe.css_first("p")
    node = (<NodeObject *> <PyObject *> p).node
    names = list(p.attributes)
    a = (<lxb_element *> node).first_attr
    for name in names:
        if _own_code(a.node.local_name) != _SCAN_NAMES.get(name, A_OTHER):
            return False
        if a.node.local_name >= SMALL_ATTR_IDS:
            if (<hash_entry *> a.node.local_name).length != len(name.encode()):
                return False
            if len(name) <= HASH_SHORT and (
                (<char *> (<hash_entry *> a.node.local_name).short_str)[:len(name)]
                != name.encode()
            ):
                return False
        a = a.next
    wanted = set(_SCAN_TAGS) | set(_py._DROP_SET) | set(_SCAN_NAMES)
    return wanted <= found


cdef class _Scan:
    """One page's scan: what a tag the probe did not name means to it (a custom
    element, an SVG name with capitals ...), asked of selectolax once a page."""

    cdef object parser
    cdef PyTypeObject *ntype
    cdef dict other

    cdef int flags(self, lxb_node *node) except -1:
        """``F_*`` of a node's tag."""
        cdef bint element = node.type == ELEMENT_NODE
        if node.local_name < SMALL_IDS and (
            not element or (<lxb_element *> node).qualified_name == 0
        ):
            return _TAG_FLAGS[node.local_name]
        key = (node.local_name, node.ns, node.type,
               (<lxb_element *> node).qualified_name if element else 0)
        found = self.other.get(key)
        if found is None:
            tag = _node(node, self.parser, self.ntype).tag
            found = _SCAN_TAGS.get(tag, 0) if element or tag == "-text" else 0
            if element and tag in _py._DROP_SET:
                found |= F_DROP
            self.other[key] = found
        return found


cdef bint _equals(lexbor_str *value, const char *word, size_t n) noexcept:
    return value != NULL and value.data != NULL and value.length == n and (
        memcmp(value.data, word, n) == 0
    )


cdef bint _has_word(lexbor_str *value, const char *word, size_t n) noexcept:
    """Whether ``word`` is one of the value's words split at HTML white space (the
    engine's ``~=``)."""
    if value == NULL or value.data == NULL:
        return False
    cdef size_t i = 0, start, length = value.length
    cdef const unsigned char *s = value.data
    while i < length:
        while i < length and (s[i] == 32 or s[i] == 9 or s[i] == 10 or s[i] == 12 or s[i] == 13):
            i += 1
        start = i
        while i < length and not (s[i] == 32 or s[i] == 9 or s[i] == 10 or s[i] == 12 or s[i] == 13):
            i += 1
        if i - start == n and memcmp(s + start, word, n) == 0:
            return True
    return False


cdef bint _holds_ascii_folded(lexbor_str *value, const char *word, size_t n) noexcept:
    """Whether the value holds ``word`` (lower case), ASCII case ignored."""
    if value == NULL or value.data == NULL or value.length < n:
        return False
    cdef size_t i, j
    cdef unsigned char c
    for i in range(value.length - n + 1):
        for j in range(n):
            c = value.data[i + j]
            if 65 <= c <= 90:
                c += 32
            if c != <unsigned char> word[j]:
                break
        else:
            return True
    return False


cdef Py_ssize_t _text_length(lxb_node *top, _Scan scan) except -1:
    """``len(top.text())`` once the dropped elements under it are gone: the
    characters of its text nodes' UTF-8 (selectolax decodes their concatenation)."""
    cdef lxb_node *node = top.first_child
    cdef Py_ssize_t count = 0
    cdef size_t i
    cdef int flags
    cdef lxb_text *text
    while node != NULL and node != top:
        flags = scan.flags(node)
        if flags & F_TEXT:
            text = <lxb_text *> node
            if text.data != NULL:
                for i in range(text.length):
                    count += (text.data[i] & 0xC0) != 0x80
        elif node.first_child != NULL and not flags & F_DROP:
            node = node.first_child
            continue
        while node != top and node.next == NULL:
            node = node.parent
        if node == top:
            break
        node = node.next
    return count


def scan_page(root, body, Py_ssize_t min_chars):
    """The page's declaring elements (a superset of what ``declared.DECLARING``
    matches under ``root``, for ``declared_types`` to read), the elements under
    ``body`` whose tag is in ``walk.DROP_TAGS`` (``find_elements``), and, as if those
    were gone, the ``<p>``s under ``body`` whose text holds ``min_chars`` characters
    or more, those lengths, and the main-content markers (``MARKER_SELECTOR``'s
    matches, each once per selector it matches): a tuple, or None when the scan
    cannot read this selectolax (then the queries run). ``body`` None: the declaring
    elements alone (the rest empty)."""
    global _scan_ready
    if _scan_ready < 0:
        _scan_ready = _prepare(root)
    if not _scan_ready:
        return None
    cdef _Scan scan = _Scan()
    scan.parser = root.parser
    node_type = type(root)
    scan.ntype = <PyTypeObject *> node_type
    scan.other = {}
    cdef lxb_node *top = (<NodeObject *> <PyObject *> root).node
    cdef lxb_node *body_node = NULL if body is None else (<NodeObject *> <PyObject *> body).node
    cdef lxb_node *node = top
    cdef lxb_node *gone = NULL  # the outermost dropped element around the node
    cdef lxb_attr *a
    cdef bint in_body = False, role_main, role_article, body_word, itemtype, ld_json, og
    cdef int flags, code, matches
    cdef Py_ssize_t length
    cdef list declaring = [], dropped = [], paragraphs = [], lengths = [], marked = []
    while node != NULL:
        if node == body_node:
            in_body = True
        if node.type == ELEMENT_NODE:
            flags = scan.flags(node)
            role_main = role_article = body_word = itemtype = ld_json = og = False
            a = (<lxb_element *> node).first_attr
            while a != NULL:
                code = _own_code(a.node.local_name)
                if code == A_ROLE:
                    role_main = role_main or _equals(a.value, b"main", 4)
                    role_article = role_article or _equals(a.value, b"article", 7)
                elif code == A_ITEMPROP:
                    body_word = body_word or _has_word(a.value, b"articleBody", 11)
                elif code == A_ITEMTYPE:
                    itemtype = True
                elif code == A_TYPE:
                    ld_json = ld_json or _holds_ascii_folded(a.value, b"ld+json", 7)
                elif code == A_PROPERTY:
                    og = og or _equals(a.value, b"og:type", 7)
                a = a.next
            if itemtype or (ld_json and flags & F_SCRIPT) or (og and flags & F_META):
                declaring.append(_node(node, scan.parser, scan.ntype))
            if in_body:
                if flags & F_DROP:
                    dropped.append(_node(node, scan.parser, scan.ntype))
                    if gone == NULL:
                        gone = node
                if gone == NULL:
                    if flags & F_P:
                        length = _text_length(node, scan)
                        if length >= min_chars:
                            paragraphs.append(_node(node, scan.parser, scan.ntype))
                            lengths.append(length)
                    matches = ((flags & F_MAIN != 0) + role_main + body_word
                               + (flags & F_ARTICLE != 0) + role_article)
                    if matches:
                        obj = _node(node, scan.parser, scan.ntype)
                        marked.extend([obj] * matches)
        # The next node in document order, never leaving ``root``'s subtree.
        if node.first_child != NULL:
            node = node.first_child
            continue
        while True:
            if node == gone:
                gone = NULL
            if node == body_node:
                in_body = False
            if node == top or node.next != NULL:
                break
            node = node.parent
        if node == top:
            break
        node = node.next
    return declaring, dropped, paragraphs, lengths, marked
