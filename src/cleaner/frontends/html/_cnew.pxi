# Blocks made without a Python frame (included by ``_cwalk.pyx``). ``Block`` and
# ``Features`` are slotted dataclasses: their ``__init__`` runs in the interpreter and
# cost a few thousand instructions a block, most of a text run's. Here a block is
# allocated by its type and each field written into its slot, with the dataclass's own
# defaults (read off ``dataclasses.fields`` once a process, so a field added there is
# made here too). The layout is checked first: every field a plain object slot, and a
# block made here equal (``==``, every field) to one ``__init__`` makes; if not, the
# classes are called as before.

import dataclasses

from ...blocks import Features

cdef extern from "structmember.h":
    ctypedef struct PyMemberDef:
        const char *name
        int type
        Py_ssize_t offset
        int flags
    enum:
        T_OBJECT_EX
        READONLY

cdef extern from "Python.h":
    ctypedef struct PyMemberDescrObject:
        PyMemberDef *d_member
    PyObject *PyType_GenericAlloc(PyTypeObject *, Py_ssize_t) except NULL

cdef enum:
    NEW_MAX_FIELDS = 32
    NEW_VALUE = 0
    NEW_FACTORY = 1
    NEW_FEATURES = 2


cdef class _NewLayout:
    """One slotted dataclass's fields: each slot's offset and default: a value, or a
    factory to call (``_new_features`` for ``Features``)."""

    cdef PyTypeObject *cls
    cdef Py_ssize_t n
    cdef Py_ssize_t offsets[NEW_MAX_FIELDS]
    cdef PyObject *values[NEW_MAX_FIELDS]  # (held by ``held``)
    cdef char how[NEW_MAX_FIELDS]  # NEW_VALUE, NEW_FACTORY or NEW_FEATURES
    cdef list held
    cdef dict offset_of
    cdef bint usable


cdef _NewLayout _new_layout(object cls):
    cdef _NewLayout layout = _NewLayout()
    cdef PyMemberDescrObject *descr
    layout.cls = <PyTypeObject *> cls
    layout.held = []
    layout.offset_of = {}
    layout.usable = False
    member_type = type(Features.n_chars)
    fields = dataclasses.fields(cls)
    if len(fields) > NEW_MAX_FIELDS or layout.cls.tp_itemsize != 0:
        return layout
    for i, f in enumerate(fields):
        member = cls.__dict__.get(f.name)
        if type(member) is not member_type:
            return layout
        descr = <PyMemberDescrObject *> <PyObject *> member
        if descr.d_member.type != T_OBJECT_EX or descr.d_member.flags & READONLY:
            return layout
        layout.offsets[i] = descr.d_member.offset
        layout.offset_of[f.name] = i
        if f.default is not dataclasses.MISSING:
            value, how = f.default, NEW_VALUE
        elif f.default_factory is Features:
            value, how = None, NEW_FEATURES
        elif f.default_factory is not dataclasses.MISSING:
            value, how = f.default_factory, NEW_FACTORY
        else:
            value, how = None, NEW_VALUE  # (the caller sets it)
        layout.held.append(value)
        layout.values[i] = <PyObject *> value
        layout.how[i] = how
    layout.n = len(fields)
    layout.usable = True
    return layout


cdef inline void _new_put(object obj, Py_ssize_t offset, object value) noexcept:
    """Write ``value`` into the slot at ``offset`` (the old value released)."""
    cdef PyObject **slot = <PyObject **> ((<char *> <PyObject *> obj) + offset)
    cdef PyObject *old = slot[0]
    Py_INCREF(value)
    slot[0] = <PyObject *> value
    Py_XDECREF(old)


cdef object _new_default(_NewLayout layout):
    """An instance with every field at its default (one without a default: None, for
    the caller to set)."""
    obj = <object> PyType_GenericAlloc(layout.cls, 0)
    Py_XDECREF(<PyObject *> obj)  # (the alloc's reference, which ``obj`` holds too)
    cdef Py_ssize_t i
    for i in range(layout.n):
        if layout.how[i] == NEW_VALUE:
            _new_put(obj, layout.offsets[i], <object> layout.values[i])
        elif layout.how[i] == NEW_FEATURES:
            _new_put(obj, layout.offsets[i], _new_features())
        else:
            _new_put(obj, layout.offsets[i], (<object> layout.values[i])())
    return obj


cdef _NewLayout _FEATURES = _new_layout(Features)
cdef _NewLayout _BLOCK = _new_layout(Block)
cdef Py_ssize_t _B_INDEX, _B_TEXT, _B_KIND, _B_LEVEL, _B_DENSITY, _B_PATH, _B_PRUNED, _B_REMOVAL
cdef Py_ssize_t _B_ELEMENT


cdef object _new_features():
    """``Features()``."""
    if not _FEATURES.usable:
        return Features()
    return _new_default(_FEATURES)


cdef object _new_block(object index, str text, object kind, object level, object density):
    """``Block(index, text, kind, level, link_density=density)``."""
    if not _BLOCK.usable:
        return Block(index, text, kind, level, link_density=density)
    block = _new_default(_BLOCK)
    _new_put(block, _B_INDEX, index)
    _new_put(block, _B_TEXT, text)
    _new_put(block, _B_KIND, kind)
    _new_put(block, _B_LEVEL, level)
    _new_put(block, _B_DENSITY, density)
    return block


cdef object _new_pruned(str text, str path, object removal):
    """``Block(index=0, text=text, path=path, pruned=True, removal=removal)``."""
    if not _BLOCK.usable:
        return Block(index=0, text=text, path=path, pruned=True, removal=removal)
    block = _new_block(0, text, _PARAGRAPH, 0, 0.0)
    _new_put(block, _B_PATH, path)
    _new_put(block, _B_PRUNED, True)
    _new_put(block, _B_REMOVAL, removal)
    return block


cdef void _new_check() except *:
    """Use the layouts only where a block and its features made here equal those the
    classes make."""
    global _B_INDEX, _B_TEXT, _B_KIND, _B_LEVEL, _B_DENSITY, _B_PATH, _B_PRUNED, _B_REMOVAL
    global _B_ELEMENT
    if _BLOCK.usable:
        try:
            _B_INDEX = _BLOCK.offsets[_BLOCK.offset_of["index"]]
            _B_TEXT = _BLOCK.offsets[_BLOCK.offset_of["text"]]
            _B_KIND = _BLOCK.offsets[_BLOCK.offset_of["kind"]]
            _B_LEVEL = _BLOCK.offsets[_BLOCK.offset_of["heading_level"]]
            _B_DENSITY = _BLOCK.offsets[_BLOCK.offset_of["link_density"]]
            _B_PATH = _BLOCK.offsets[_BLOCK.offset_of["path"]]
            _B_PRUNED = _BLOCK.offsets[_BLOCK.offset_of["pruned"]]
            _B_REMOVAL = _BLOCK.offsets[_BLOCK.offset_of["removal"]]
            _B_ELEMENT = _BLOCK.offsets[_BLOCK.offset_of["element"]]
        except KeyError:
            _BLOCK.usable = False
    if _FEATURES.usable and _new_features() != Features():
        _FEATURES.usable = False
    if _BLOCK.usable:
        kind = BlockKind.HEADING
        made = _new_block(3, "a text", kind, 2, 0.25)
        pruned = _new_pruned("a text", "div > p", Removal("a rule", "a family", "why"))
        if made != Block(3, "a text", kind, 2, link_density=0.25) or pruned != Block(
            0, "a text", path="div > p", pruned=True, removal=Removal("a rule", "a family", "why")
        ):
            _BLOCK.usable = False


_new_check()


def slots_usable() -> bool:
    """Whether blocks and their features are made slot by slot here (the tests ask)."""
    return _BLOCK.usable and _FEATURES.usable
