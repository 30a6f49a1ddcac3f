# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The compiled twin of ``walk._walk``: the same walk, reading selectolax's Lexbor tree
through its structs instead of one Python object per node.

Read here: node type, tag, attributes, children and siblings, text. Every decision
stays in Python: the tree rules judge elements (``ElementJudge``, a tag rule's
``check_tag``); only the judge's cheap reject runs here, on the rules' vocabulary
(``_cjudge.pxi``: no class or id token starts an entry), and the twins of the prune
guard's ``allows``, of ``in_sentence`` and of ``walk_path`` (``_cguard.pxi``). Text
runs become blocks as ``blocks.emit_text`` makes them (its twin, ``_ctext.pxi``). A node
becomes a selectolax ``LexborNode`` only where Python needs one (an element judged, a
block-level element, a pruned one).

Nothing here may run before ``compiled.py`` has checked the selectolax version and the
layouts below against live nodes (``check_layout``): the structs are Lexbor's, declared
by hand (no Lexbor headers), and differ between selectolax releases.
"""

from cpython.object cimport PyObject, PyTypeObject
from cpython.ref cimport Py_INCREF, Py_XDECREF
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.stdint cimport uintptr_t
from libc.stdlib cimport free, realloc
from libc.string cimport memset

from ...blocks import Block, Removal
from ...rules.layout_tables import holds_prose_paragraphs
from ...rules.tree import Elements, element_label
from .blocks import BR, IN_CAPTION, IN_ITEM, IN_LINK, LIST_SHIFT, ORDERED, make_leaf
from . import walk as _py

include "_lexbor.pxi"
include "_cjudge.pxi"
include "_ctext.pxi"
include "_csquash.pxi"
include "_cfold.pxi"
include "_cslot.pxi"  # (after _ctext.pxi's _cnew.pxi: its layouts)
include "_cfeatures.pxi"
include "_cdupes.pxi"  # (contained_duplicate's word counts)
include "_cruns.pxi"
include "_cattrs.pxi"  # (before _cscan.pxi, which counts with it)
include "_cscan.pxi"
include "_clines.pxi"
include "_ctext3.pxi"  # (after _clines.pxi: its line facts)
include "_ctext3scan.pxi"  # (after _ctext3.pxi: its plan and line classes)
include "_ctext3branch.pxi"  # (before _ctext3flat.pxi, which reads it)
include "_ctext3flat.pxi"  # (after _ctext3scan.pxi: its plan, lines and tests)

cdef enum:
    ELEMENT_NODE = 1
    ATTRIBUTE_NODE = 2
    TEXT_NODE = 3
    # What the walk does with a node (``walk._CATEGORY``).
    K_TEXT = 0
    K_SKIP = 1
    K_BREAK = 2
    K_INLINE = 3
    K_BLOCK = 4
    K_SPECIAL = 5
    # Tag ids and namespaces below these are looked up in per-walk arrays.
    SMALL_IDS = 256
    SMALL_NS = 8

_KINDS = {
    _py._TEXT: K_TEXT,
    _py._SKIPPED: K_SKIP,
    _py._BREAK: K_BREAK,
    _py._INLINE_KIND: K_INLINE,
    _py._BLOCK: K_BLOCK,
    _py._SPECIAL: K_SPECIAL,
}
include "_cfind.pxi"  # (after the node types and sizes above)
include "_cfirst.pxi"
include "_cmarks.pxi"
include "_celide.pxi"

include "_clayout.pxi"
include "_csubtext.pxi"
include "_cweak.pxi"  # (after _csubtext.pxi; the judge's twins, _cvocab.pxi's)
include "_cfinish.pxi"
include "_cguard.pxi"  # (after _cfinish.pxi and _csubtext.pxi: their labels and text)
include "_cdefer.pxi"
include "_canchor.pxi"  # (after _cnew.pxi: its block layout)
include "_ctextlines.pxi"  # (the text front-end's twins)
include "_clinejudge.pxi"  # (after _cnew.pxi: its block layout)
include "_crunscore.pxi"  # (after _cslot.pxi: its slot reads; the main run's loops)
include "_clistscan.pxi"  # (the main run's list lines)


ctypedef struct Frame:
    lxb_node *next  # the next child to walk
    Py_ssize_t owner
    long ctx
    bint is_block


cdef class _Run:
    """One walk's text run and output (what ``walk._walk`` keeps in locals)."""

    cdef list blocks, owners, elements, parts, pending
    cdef object sources
    cdef Py_ssize_t seg_owner, seg_link

    cdef void flush(self) except *:
        if self.parts:
            _emit_text(self.blocks, self.owners, self.parts, self.elements[self.seg_owner],
                       self.seg_owner, self.seg_link, self.sources)
            self.parts = []
        self.seg_owner = -1
        self.seg_link = 0
        if self.pending:
            for block, owner in self.pending:
                block.index = len(self.blocks)
                self.blocks.append(block)
                self.owners.append(owner)
            self.pending.clear()


def walk(body, plan, judge, guard, sources):
    """``walk._walk`` over the same tree: the blocks, each block's element, and the
    element table (the same, field for field)."""
    body_type = type(body)
    cdef PyTypeObject *node_type = <PyTypeObject *> body_type
    parser = body.parser
    matcher = judge._matcher
    judge_element = matcher.judge  # (the compiled twin's, with its matching)
    cdef VocabularyTwin twin = matcher if type(matcher) is VocabularyTwin else None
    judge_anchor = judge.judge_anchor
    cdef _GuardSides sides = _guard_sides(parser, node_type, judge)
    cdef dict category = _py._CATEGORY
    cdef frozenset watched = plan.watched
    cdef frozenset first_tokens = plan.first_tokens
    cdef dict unknown_names = {}  # (``_unjudged``'s memo)
    anchor_rules = plan.anchor_rules
    # (Typed where the walk reads them per element: the C API's own look-ups.)
    cdef dict tag_rules = dict(plan.tag_rules)
    cdef dict markers = dict(guard.markers)
    anchor_chain = guard.anchor_chain
    cdef frozenset leaf_blocks = _py._LEAF_BLOCKS
    cdef frozenset lists = _py._LISTS
    cdef dict context_bits = _py._CONTEXT_BITS
    layout_signs = _py._LAYOUT_SIGNS
    config = plan.config
    cdef dict labels = {}
    cdef _Run run = _Run()
    run.blocks = []
    run.owners = []
    run.elements = [(body, -1, 0, "body", 0, 0, None, None)]
    run.parts = []
    run.pending = []
    run.sources = sources
    run.seg_owner = -1
    run.seg_link = 0
    cdef list blocks = run.blocks, owners = run.owners, elements = run.elements
    cdef list ends = [0]
    leaf = make_leaf(blocks, owners, elements, labels, judge, guard, plan, sources)
    # Tag and kind by node type, tag id and namespace, asked of selectolax once a page.
    cdef dict tags = {}
    cdef signed char kind_of[SMALL_IDS * SMALL_NS]
    cdef unsigned int type_of[SMALL_IDS * SMALL_NS]
    cdef PyObject *tag_of[SMALL_IDS * SMALL_NS]
    memset(kind_of, -1, sizeof(kind_of))
    cdef Py_ssize_t slot
    cdef uintptr_t text_id = 0  # (the text nodes' tag id once met; till then selectolax's)
    cdef bint watched_hit
    # Attribute names by their ids (``_read_attributes``), learnt from selectolax.
    cdef _AttrNames attr_names = _AttrNames()

    cdef Py_ssize_t depth = 0, size = 64, owner, index
    cdef long ctx, new_ctx, caption
    cdef int kind
    cdef Frame *stack = <Frame *> realloc(NULL, size * sizeof(Frame))
    if stack == NULL:
        raise MemoryError
    cdef lxb_node *root = (<NodeObject *> <PyObject *> body).node
    cdef lxb_node *node
    cdef lxb_text *text_node
    cdef Frame *top
    try:
        stack[0].next = root.first_child
        stack[0].owner = 0
        stack[0].ctx = 0
        stack[0].is_block = True
        depth = 1
        while depth:
            top = &stack[depth - 1]
            node = top.next
            if node == NULL:
                depth -= 1
                if top.is_block:
                    if run.parts:
                        run.flush()
                    ends[top.owner] = len(elements)
                continue
            top.next = node.next
            owner = top.owner
            ctx = top.ctx
            # An element's name is its tag id's, unless it has a qualified name of its
            # own (a prefix, a case): then the key holds that too. The usual ids (small,
            # no qualified name) are looked up in the arrays, the others in ``tags``.
            slot = -1
            if node.local_name < SMALL_IDS and node.ns < SMALL_NS and (
                node.type != ELEMENT_NODE or (<lxb_element *> node).qualified_name == 0
            ):
                slot = node.local_name * SMALL_NS + node.ns
            if slot >= 0 and kind_of[slot] >= 0 and type_of[slot] == node.type:
                kind = kind_of[slot]
                tag = <object> tag_of[slot]
            else:
                if node.ns < 256 and node.type < 16 and (
                    node.type != ELEMENT_NODE or (<lxb_element *> node).qualified_name == 0
                ):
                    key_obj = (node.local_name << 12) | (node.ns << 4) | node.type
                else:
                    key_obj = (node.local_name, node.ns, node.type,
                               (<lxb_element *> node).qualified_name
                               if node.type == ELEMENT_NODE else 0)
                entry = tags.get(key_obj)
                if entry is None:
                    tag = _node(node, parser, node_type).tag
                    entry = tags[key_obj] = (tag, _KINDS[_guard_kind(category, tag)])
                tag, kind = entry
                if kind == K_TEXT and node.type == TEXT_NODE:
                    text_id = node.local_name  # (``_subtext_of``'s)
                    sides.text_id = text_id
                    if twin is not None:
                        twin._met_text(text_id, body_type)
                if slot >= 0:  # (``tags`` holds the tag for the walk)
                    kind_of[slot] = kind
                    type_of[slot] = node.type
                    tag_of[slot] = <PyObject *> tag
            if kind == K_TEXT:
                if node.type != TEXT_NODE:
                    continue  # (``text_content`` is None)
                text_node = <lxb_text *> node
                if text_node.data == NULL or text_node.length == 0:
                    continue
                if owner != run.seg_owner:
                    if _blank(text_node.data, text_node.length):
                        continue
                    text = PyUnicode_DecodeUTF8(<char *> text_node.data, text_node.length,
                                                "replace")
                    if _all_space(text):
                        continue
                    if run.parts:
                        run.flush()
                    run.seg_owner = owner
                else:
                    text = PyUnicode_DecodeUTF8(<char *> text_node.data, text_node.length,
                                                "replace")
                run.parts.append(text)
                if ctx & IN_LINK:
                    run.seg_link += _stripped_length(text)
                continue
            if kind == K_SKIP:
                continue
            if kind == K_BREAK:
                if owner == run.seg_owner:
                    run.parts.append(BR)
                continue
            obj = None
            if node.type == ELEMENT_NODE and (<lxb_element *> node).first_attr != NULL:
                attrs = _read_attributes(node, attr_names)
                if attrs is None:
                    obj = _node(node, parser, node_type)
                    attrs = obj.attributes
                    _learn_names(node, attrs, attr_names)
            else:
                attrs = {}
            watched_hit = bool(attrs) and _any_in(attrs, watched)
            if watched_hit or (attrs and ("class" in attrs or "id" in attrs)):
                if not watched_hit and _unjudged(attrs, first_tokens, unknown_names):
                    hit = None
                else:
                    if obj is None:
                        obj = _node(node, parser, node_type)
                    if twin is not None:
                        hit = twin._judge(tag, attrs, obj)
                    else:
                        hit = judge_element(tag, attrs, obj)
                    if hit is not None and kind == K_INLINE and _guard_in_sentence(
                        sides, node, tag, hit[0]
                    ):
                        hit = None  # part of a sentence: its words stay in it
            else:
                hit = None
            caption = 0
            if hit is not None and hit[0].walked_as_caption and kind != K_INLINE:
                hit = None
                caption = IN_CAPTION
            if hit is None:
                if tag in tag_rules:
                    rule = tag_rules[tag]
                    reason = rule.check_tag(tag, attrs)
                    if reason:
                        hit = (rule, reason)
                elif tag == "a" and anchor_rules:
                    href = attrs.get("href")
                    if href and href[0] == "#":
                        hit = judge_anchor(href)
                        if hit is not None and _guard_in_sentence(sides, node, tag, hit[0]):
                            hit = None
            if hit is not None and (
                anchor_chain is not None
                or hit[0].immediate
                or kind == K_INLINE
                or tag in leaf_blocks
            ):
                rule, reason = hit
                if obj is None:
                    obj = _node(node, parser, node_type)
                text = _squash(_subtext_of(node, text_id) if text_id else obj.text(separator=" "))
                if _guard_allows(guard, rule, obj, text, text_id):
                    if text:
                        block = _new_pruned(
                            text,
                            _guard_path(elements, labels, owner, _finish_label(tag, attrs)),
                            Removal(rule.name, rule.family, reason),
                        )
                        if kind == K_INLINE and owner == run.seg_owner:
                            run.pending.append((block, owner))
                        else:
                            if run.parts:
                                run.flush()
                            block.index = len(blocks)
                            blocks.append(block)
                            owners.append(owner)
                    continue
                hit = None
            if depth == size:
                size *= 2
                top = <Frame *> realloc(stack, size * sizeof(Frame))
                if top == NULL:
                    raise MemoryError
                stack = top
            if kind == K_INLINE:
                stack[depth].next = node.first_child
                stack[depth].owner = owner
                stack[depth].ctx = ctx | IN_LINK if tag == "a" and "href" in attrs else ctx
                stack[depth].is_block = False
                depth += 1
                continue
            # A block-level element.
            if run.parts:
                run.flush()
            if obj is None:
                obj = _node(node, parser, node_type)
            new_ctx = ctx
            if kind == K_SPECIAL:
                if tag == "pre" or tag == "table":
                    if tag == "pre" or (
                        obj.css_first(layout_signs) is None
                        and not holds_prose_paragraphs(obj, config)
                    ):
                        leaf(obj, tag, attrs, owner)
                        continue
                elif tag in lists:
                    new_ctx = (ctx & 0xFF & ~(ORDERED | IN_ITEM)) | (((ctx >> LIST_SHIFT) + 1) << LIST_SHIFT)
                    if tag == "ol":
                        new_ctx |= ORDERED
                else:
                    new_ctx = ctx | context_bits[tag]
            new_ctx |= caption
            index = len(elements)
            elements.append(
                (
                    obj,
                    owner,
                    new_ctx,
                    tag,
                    markers.get(<uintptr_t> node, 0) if markers else 0,
                    elements[owner][5] + 1,
                    hit,
                    attrs,
                )
            )
            ends.append(0)
            stack[depth].next = node.first_child
            stack[depth].owner = index
            stack[depth].ctx = new_ctx
            stack[depth].is_block = True
            depth += 1
        if run.parts or run.pending:
            run.flush()
    finally:
        free(stack)
    return blocks, owners, Elements(elements, ends, labels)
