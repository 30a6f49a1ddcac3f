# Fields of a block and of its features read straight from their slots (included by
# ``_cwalk.pyx`` after ``_cnew.pxi``, whose layouts give the offsets). A line's gates
# and the page's counts read five to ten fields a line; through ``getattr`` each read
# costs a type look-up and a descriptor call, here a load. An object of another type
# (a subclass, a stand-in in a test), or a layout ``_cnew.pxi`` could not use, takes
# ``getattr`` as before.

from cpython.object cimport Py_TYPE


cdef Py_ssize_t _cslot_offset(_NewLayout layout, str name):
    """The offset of field ``name`` in ``layout``'s instances, or -1: use ``getattr``."""
    if not layout.usable or name not in layout.offset_of:
        return -1
    return layout.offsets[layout.offset_of[name]]


cdef Py_ssize_t _CSLOT_B_FEATURES = _cslot_offset(_BLOCK, "features")
cdef Py_ssize_t _CSLOT_B_TEXT = _cslot_offset(_BLOCK, "text")
cdef Py_ssize_t _CSLOT_F_FOLDED = _cslot_offset(_FEATURES, "folded")
cdef Py_ssize_t _CSLOT_F_TOKENS = _cslot_offset(_FEATURES, "tokens")
cdef Py_ssize_t _CSLOT_F_KEY = _cslot_offset(_FEATURES, "key")
cdef Py_ssize_t _CSLOT_F_N_WORDS = _cslot_offset(_FEATURES, "n_words")
cdef Py_ssize_t _CSLOT_F_STOPWORD_RATIO = _cslot_offset(_FEATURES, "stopword_ratio")
cdef Py_ssize_t _CSLOT_F_REPEATS = _cslot_offset(_FEATURES, "repeats")


cdef inline object _cslot_get(object obj, Py_ssize_t offset, _NewLayout layout, str name):
    """``getattr(obj, name)``, from the slot at ``offset`` when ``obj`` is of
    ``layout``'s class."""
    cdef PyObject *value
    if offset >= 0 and <PyTypeObject *> Py_TYPE(obj) == layout.cls:
        value = (<PyObject **> ((<char *> <PyObject *> obj) + offset))[0]
        if value != NULL:
            return <object> value
    return getattr(obj, name)  # (an unset slot raises here as it would there)


cdef inline object _cslot_features(object block):
    return _cslot_get(block, _CSLOT_B_FEATURES, _BLOCK, "features")


cdef inline object _cslot_text(object block):
    return _cslot_get(block, _CSLOT_B_TEXT, _BLOCK, "text")


cdef inline object _cslot_f(object f, Py_ssize_t offset, str name):
    return _cslot_get(f, offset, _FEATURES, name)


cdef inline void _cslot_set_f(object f, Py_ssize_t offset, str name, object value) except *:
    """``setattr(f, name, value)``, into the slot when ``f`` is a ``Features``."""
    if offset >= 0 and <PyTypeObject *> Py_TYPE(f) == _FEATURES.cls:
        _new_put(f, offset, value)
    else:
        setattr(f, name, value)
