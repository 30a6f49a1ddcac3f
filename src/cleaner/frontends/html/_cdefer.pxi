# The twin of ``prune.prune_deferred`` (included by ``_cwalk.pyx``, after
# ``_cnew.pxi``): the block-level prunings the walk deferred, made after it. The
# per-block and per-element loops (each element's kept characters, which subtrees go)
# run here on C arrays; the guard's questions stay the rule's (``spares``, its share of
# the page's text, compared as Python compares them), and the removed block of each
# pruned subtree is made as there. ``finish_blocks`` calls it where the compiled walk is
# used; the tests compare both on every benchmark page.

from ...spaces import squash as _defer_squash


def defer_prune(list blocks, list owners, list values, el, keep, protected):
    """``prune_deferred(blocks, owners, values, el, keep, protected)``."""
    cdef list parent = el.parent, hits = el.hit, nodes = el.node
    cdef Py_ssize_t n = len(parent), e, r, owner, group_root = -1, i, count = len(blocks)
    cdef Py_ssize_t *chars
    cdef Py_ssize_t *root
    cdef Py_ssize_t total
    if not any(hits):
        return blocks, owners, values
    if len(owners) != count or len(values) != count:
        raise ValueError("blocks, owners and values differ in length")
    chars = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    root = <Py_ssize_t *> malloc((n + 1) * sizeof(Py_ssize_t))
    if chars == NULL or root == NULL:
        free(chars)
        free(root)
        raise MemoryError
    cdef list out = [], out_owners = [], out_values = [], group = []
    try:
        memset(chars, 0, (n + 1) * sizeof(Py_ssize_t))
        for i in range(count):
            block = blocks[i]
            if not block.pruned:
                chars[<Py_ssize_t> owners[i]] += len(block.text)
        for e in range(n - 1, 0, -1):
            chars[<Py_ssize_t> parent[e]] += chars[e]
        total = chars[0]
        for e in range(n):
            root[e] = -1
        for e in range(1, n):
            r = root[<Py_ssize_t> parent[e]]
            if r >= 0:
                root[e] = r
                continue
            hit = hits[e]
            if hit is None or e in keep or nodes[e].mem_id in protected:
                continue
            rule = hit[0]
            if rule.may_spare and rule.spares(nodes[e]):
                continue
            if (
                rule.max_share < 1.0
                and chars[e] >= rule.guard_min_chars
                and chars[e] > rule.max_share * total
            ):
                continue
            root[e] = e
        for i in range(count):
            block = blocks[i]
            owner_obj = owners[i]
            r = root[<Py_ssize_t> owner_obj]
            if r != group_root and group:
                _defer_close(out, out_owners, out_values, group, el, group_root)
                group = []
            group_root = r
            if r < 0:
                out.append(block)
                out_owners.append(owner_obj)
                out_values.append(values[i])
            else:
                group.append(block)
        if group:
            _defer_close(out, out_owners, out_values, group, el, group_root)
        return out, out_owners, out_values
    finally:
        free(chars)
        free(root)


cdef void _defer_close(
    list out, list out_owners, list out_values, list group, object el, Py_ssize_t at
) except *:
    """``prune_deferred``'s ``close``: one removed block for the subtree ``at``."""
    rule, reason = el.hit[at]
    up = el.parent[at]
    out.append(
        Block(
            index=0,
            text=_defer_squash(" ".join([b.text for b in group])),
            path=el.path(up, el.label(at)),
            pruned=True,
            removal=Removal(rule.name, rule.family, reason),
        )
    )
    out_owners.append(up)
    out_values.append(0.0)
