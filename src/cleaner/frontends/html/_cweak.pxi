# What ``VocabularyTwin.judge`` asked of Python for the elements it judges, in C
# (included by ``_cwalk.pyx``, after ``_csubtext.pxi``): the twins of
#
# - ``TreeRule.weak_allows(node.text(separator=" "))``: the words of a subtree's text,
#   counted off Lexbor's text nodes up to the bound (``words_up_to``), with no string
#   of the whole text (a weak name such as 'meta' or 'image' may sit on a long box);
# - ``HiddenContent.check_attrs`` and ``PageLandmark.check_attrs``, the watched
#   attributes' rules (a ``style`` that holds neither 'none' nor 'hidden' is no
#   ``display:none``: the pattern is searched only on the others);
# - ``TreeRule.is_heading_slug``'s first test: an ASCII id of fewer tokens than the
#   rule's ``slug_min_words`` is no heading's slug.
#
# Each is used only where the rule's class keeps the method it is the twin of (a rule
# of its own overriding it is asked in Python); the tests compare the twin judge with
# ``ElementJudge.judge`` on generated markup and on every benchmark page.

from ...rules.markup import HiddenContent as _HiddenContent, PageLandmark as _PageLandmark
from ...rules.tree import TreeRule as _TreeRule

cdef object _HIDDEN_CHECK = _HiddenContent.check_attrs
cdef object _LANDMARK_CHECK = _PageLandmark.check_attrs
cdef object _PLAIN_WEAK_ALLOWS = _TreeRule.weak_allows
cdef object _PLAIN_WEAK_SPARES = _TreeRule.weak_spares
cdef object _PLAIN_HEADING_SLUG = _TreeRule.is_heading_slug

cdef enum:
    ATTRS_PYTHON = 0  # (the rule's own ``check_attrs``)
    ATTRS_HIDDEN = 1
    ATTRS_LANDMARK = 2


cdef inline Py_ssize_t _weak_space(const unsigned char *s, size_t i, size_t n) noexcept:
    """The length in bytes of the white space character (``str.isspace``) that starts
    at ``s[i]`` in UTF-8, 0 for none. Every such character past ASCII starts with a
    lead byte, which a decoder never takes into a malformed sequence before it, so a
    whole one found here is one character of the decoded text ("replace")."""
    cdef unsigned char c = s[i], b1, b2
    if c < 0x80:
        return 1 if c == 32 or 9 <= c <= 13 or 28 <= c <= 31 else 0
    if c == 0xC2:
        return 2 if i + 1 < n and (s[i + 1] == 0x85 or s[i + 1] == 0xA0) else 0
    if i + 2 >= n or c < 0xE1 or c > 0xE3:
        return 0
    b1 = s[i + 1]
    b2 = s[i + 2]
    if c == 0xE1:
        return 3 if b1 == 0x9A and b2 == 0x80 else 0
    if c == 0xE3:
        return 3 if b1 == 0x80 and b2 == 0x80 else 0
    if b1 == 0x80:  # (E2: U+2000-200A, 2028, 2029, 202F)
        return 3 if 0x80 <= b2 <= 0x8A or b2 == 0xA8 or b2 == 0xA9 or b2 == 0xAF else 0
    return 3 if b1 == 0x81 and b2 == 0x9F else 0  # (U+205F)


cdef Py_ssize_t _subtree_words(lxb_node *root, uintptr_t text_id, Py_ssize_t cap) noexcept:
    """``words_up_to(_subtext_of(root, text_id), cap)``: the words of the element's
    text (the separator between text nodes splits words, so each node's count adds
    up), counted up to ``cap + 1``. A negative bound: 0, more than it allows, as
    ``words_up_to``'s count is (whatever the text)."""
    cdef lxb_node *node = root.first_child
    cdef lxb_text *text
    cdef const unsigned char *s
    cdef size_t i, n
    cdef Py_ssize_t words = 0, step
    cdef bint inside
    if cap < 0:
        return 0
    while node != NULL:
        if node.local_name == text_id and (<lxb_text *> node).data != NULL:
            text = <lxb_text *> node
            s = text.data
            n = text.length
            i = 0
            inside = False
            while i < n:
                step = _weak_space(s, i, n)
                if step:
                    inside = False
                    i += step
                    continue
                if not inside:
                    inside = True
                    words += 1
                    if words > cap:
                        return cap + 1
                i += 1
        if node.first_child != NULL:
            node = node.first_child
        else:
            while node != root and node.next == NULL:
                node = node.parent
            if node == root:
                break
            node = node.next
    return words


cdef inline bint _ascii_holds_folded(str text, const char *word, Py_ssize_t size) noexcept:
    """Whether the ASCII string ``text`` holds ``word`` (lower case), in any case."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, j
    cdef const char *s = PyUnicode_DATA(text)
    cdef char c
    for i in range(n - size + 1):
        for j in range(size):
            c = s[i + j]
            if 65 <= c <= 90:
                c += 32
            if c != word[j]:
                break
        else:
            return True
    return False


cdef object _hidden_reason(object rule, dict attrs):
    """``HiddenContent.check_attrs``."""
    if "hidden" in attrs:
        return "the hidden attribute"
    aria = attrs.get("aria-hidden")
    if aria and aria.strip().lower() == "true":
        return "aria-hidden='true'"
    style = attrs.get("style")
    if style:
        # (ASCII letters fold to themselves alone: past ASCII, the pattern decides.)
        if PyUnicode_IS_ASCII(style) and not (
            _ascii_holds_folded(style, b"none", 4) or _ascii_holds_folded(style, b"hidden", 6)
        ):
            return None
        m = rule._STYLE.search(style)
        if m:
            return "inline style " + repr(m.group(0))
    return None


cdef object _landmark_reason(object rule, dict attrs):
    """``PageLandmark.check_attrs``."""
    role = attrs.get("role")
    if role:
        role = role.strip().lower()
        if role in rule.roles:
            return "role=" + repr(role)
    return None


cdef int _attrs_kind(object rule):
    """Which twin answers ``rule.check_attrs`` (``ATTRS_PYTHON``: none)."""
    method = getattr(type(rule), "check_attrs", None)
    if method is _HIDDEN_CHECK:
        return ATTRS_HIDDEN
    if method is _LANDMARK_CHECK:
        return ATTRS_LANDMARK
    return ATTRS_PYTHON


cdef Py_ssize_t _ascii_token_count(str name) noexcept:
    """``len(elements.name_tokens(name))`` of an ASCII name (``_ascii_tokens``' cuts)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(name), i, count = 0
    cdef const char *s = PyUnicode_DATA(name)
    cdef char c
    cdef bint inside = False
    for i in range(n):
        c = s[i]
        if _splits(c):
            inside = False
            continue
        if not inside or (65 <= c <= 90 and _lower_or_digit(s[i - 1])):
            count += 1
            inside = True
    return count


def subtree_words(node, Py_ssize_t cap) -> int:
    """``_subtree_words`` of the selectolax element ``node`` (for the tests), the text
    nodes' tag id read off its first text node (none: no words)."""
    cdef lxb_node *top = (<NodeObject *> <PyObject *> node).node
    cdef lxb_node *walker = top
    cdef uintptr_t text_id = 0
    while walker != NULL and not text_id:
        if walker.type == TEXT_NODE:
            text_id = walker.local_name
        if walker.first_child != NULL:
            walker = walker.first_child
            continue
        while walker != top and walker.next == NULL:
            walker = walker.parent
        if walker == top:
            break
        walker = walker.next
    if not text_id:
        return 0
    return _subtree_words(top, text_id, cap)
