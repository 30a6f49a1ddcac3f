"""Which walk makes a page's blocks: the compiled twin (``_cwalk``) or the Python walk;
and with it, which features the HTML path computes (``_cwalk``'s twins of
``features._fill_all``, ``_page_counts`` and ``_set_page_counts``, or the Python ones)
and how it encodes and scans a page before parsing (``_cwalk.utf8`` and ``scan_tags``,
or ``str.encode`` and ``parse._scan``).

The compiled walk reads selectolax's Lexbor tree through structs declared by hand, so
it runs only where it is known to read them right; each check runs before the next
reads anything:

1. ``CLEANER_PURE_PYTHON=1`` in the environment: Python, no question asked.
2. The extension is not built (an install without a compiler): Python, silently (the
   install said so).
3. The installed selectolax is not one of ``SUPPORTED_SELECTOLAX``, the versions the
   extension was tested with: Python, with one warning. Struct layouts and tag ids
   change between selectolax releases, and this check reads no struct.
4. The layouts are checked against live nodes (``_cwalk.check_layout``), then both
   walks run on a bundled page (``selftest.html``) and must give the same blocks and
   element table (the compiled one judging class names with its twin of the
   judge's vocabulary matching, ``VocabularyTwin``), and the same features (each twin
   computing them on its walk's blocks); both encodings and scans, and the pass before
   the walk and the queries it stands for (``prescan.py``), must agree on it.
   A difference or an error: Python, with one warning.

The choice is made once a process, at the first page. Both walks stay: the Python one
is the reference, and the test suite runs on both (``tests/conftest.py``).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from types import ModuleType
from typing import Any

#: The selectolax releases the compiled walk was tested against: the layout check, the
#: self-test and the equality tests over every benchmark page passed on each. (0.4.13
#: passes the layout check but names some elements differently from its ``tag``; 0.3.x
#: fails the layout check.)
SUPPORTED_SELECTOLAX = frozenset({"1.0.0", "1.0.1", "1.0.2"})
#: The environment variable that forces the Python walk.
PURE_PYTHON_ENV = "CLEANER_PURE_PYTHON"

# The process's choice: [] undecided, else [the compiled module or None]. Set once (or
# by ``forced``); holds no page's data.
_chosen: list[ModuleType | None] = []
# The compiled module as ``forced`` finds it when the environment chose Python.
_unforced: list[ModuleType | None] = []


def _compiled() -> ModuleType | None:
    if not _chosen:
        _chosen.append(_choose())
    return _chosen[0]


def compiled_walk() -> Callable[..., Any] | None:
    """The compiled walk when it may be used here, else None (use the Python walk)."""
    module = _compiled()
    return None if module is None else module.walk


def compiled_features() -> ModuleType | None:
    """The compiled features (``features.compute_features``' ``compiled=``) when the
    compiled walk is used here, else None (the Python ones)."""
    return _compiled()


def compiled_prepare() -> ModuleType | None:
    """The compiled twins of ``parse.prepare_html``'s encoding and scan (its
    ``compiled=``), of the selector query finding the elements the walk drops
    (``find_elements``: ``walk.dropped_elements``) and of the count of control
    characters (``control_count``: ``inputs.coerce``' ``count_controls``) when the
    compiled walk is used here, else None (Python's)."""
    return _compiled()


def compiled_available() -> bool:
    """Whether the compiled walk is used in this process (the checks above passed)."""
    return compiled_walk() is not None


@contextmanager
def forced(path: str) -> Iterator[None]:
    """Run the block with the ``"python"`` walk, or the ``"compiled"`` one (which must
    pass its checks): for tests and benchmarks comparing both."""
    if path not in ("python", "compiled"):
        raise ValueError(f"unknown walk {path!r}")
    chosen = _compiled()  # the process decides first; its choice comes back after
    before = list(_chosen)
    module = None
    if path == "compiled":
        if chosen is None and not _unforced:
            # (Checked once: CLEANER_PURE_PYTHON may have chosen Python for the process.)
            _unforced.append(_choose(environ={}))
        module = chosen or _unforced[0]
        if module is None:
            raise RuntimeError("the compiled walk is not available here")
    _chosen[:] = [module]
    try:
        yield
    finally:
        _chosen[:] = before


def _choose(environ: Any = os.environ) -> ModuleType | None:
    if environ.get(PURE_PYTHON_ENV, "") not in ("", "0"):
        return None
    try:
        from . import _cwalk  # type: ignore[attr-defined]
    except ImportError:
        return None  # not built: a pure-Python install
    version = _selectolax_version()
    if version not in SUPPORTED_SELECTOLAX:
        _warn(
            f"selectolax {version} is not one the compiled walk was tested with "
            f"({', '.join(sorted(SUPPORTED_SELECTOLAX))})"
        )
        return None
    try:
        if not _layout_matches(_cwalk):
            problem = "selectolax's node layout is not the one the compiled walk reads"
        elif not _self_test(_cwalk):
            problem = (
                "the compiled walk, features or scan differ from the Python ones on the "
                "bundled page"
            )
        else:
            return _cwalk
    except Exception as error:  # never a crash: the Python walk is always there
        problem = f"the compiled walk's self-test failed ({error!r})"
    _warn(problem)
    return None


def _selectolax_version() -> str:
    try:
        from importlib.metadata import version

        return version("selectolax")
    except Exception:
        import selectolax

        return str(getattr(selectolax, "__version__", "unknown"))


def _warn(why: str) -> None:
    warnings.warn(f"cleaner: using the Python walk: {why}.", RuntimeWarning, stacklevel=3)


def _layout_matches(cwalk: Any) -> bool:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

    tree = LexborHTMLParser("<body><div><p>Layout check, 37 bytes of ascii. <b id=x>b")
    div = tree.css_first("div")
    p = tree.css_first("p")
    text = p.first_child if p is not None else None
    b = tree.css_first("b")
    if div is None or text is None or b is None or text.tag != "-text":
        return False
    return bool(cwalk.check_layout(LexborNode, div, tree, text, b))


def _self_test(cwalk: ModuleType) -> bool:
    """Whether the compiled walk, features, encoding, scan, element finder and
    control count give the Python ones' on the bundled page."""
    from .parse import _scan

    page = resources.files(__package__).joinpath("selftest.html").read_text("utf-8")
    data = page.encode("utf-8")
    many = data + b"<p" + b" a" * 300 + b">"  # (a tag with attributes to cut)
    if cwalk.scan_tags(data) != _scan(data) or cwalk.scan_tags(many) != _scan(many):
        return False
    if cwalk.utf8(page) != data or cwalk.utf8(page + "\ud800") is not None:
        return False
    if find_signature(page, cwalk) != find_signature(page, None):
        return False
    from .prescan import scan_signature

    if scan_signature(page, cwalk) not in (None, scan_signature(page, None)):
        return False  # (None: the scan does not run; the queries do)
    from ...decoding import _control_count

    controls = page + "\x00\x08\x0b\x1b\x1f\x7f\x80\ud800\U0001f600"
    if cwalk.control_count(controls) != _control_count(controls):
        return False
    return walk_signature(page, cwalk.walk, cwalk) == walk_signature(page, None, None)


def walk_signature(page: str, walk: Callable[..., Any] | None, twins: Any) -> tuple[Any, ...]:
    """What a walk and a features computation give for ``page``, as comparable data:
    the blocks with their features, each block's element, the page's language, and the
    element table (each element's node as its tag and text). ``walk`` None is the
    Python walk; ``twins`` the compiled features (``compiled_features()``), None the
    Python ones."""
    from ...config import Config
    from ...features import compute_features
    from ...phrases import PhraseBook
    from ...rules.tree import TreePlan
    from .parse import parse_html
    from .walk import DROP_SELECTOR, PageWalk, _default_tree_rules, _walk

    config = Config()
    plan = TreePlan(_default_tree_rules(config), config)
    tree = parse_html(page)
    body = tree.body
    if body is None:
        return ()
    for node in body.css(DROP_SELECTOR):
        node.decompose()
    state = PageWalk(body, plan, twins)
    sources: list[Any] = []
    blocks, owners, el = (walk or _walk)(body, plan, state.judge, state.guard, sources)
    table = (
        [(node.tag, node.mem_id == body.mem_id) for node in el.node],
        el.parent,
        el.ctx,
        el.tag,
        el.marker,
        el.depth,
        [hit and (hit[0].name, hit[1]) for hit in el.hit],
        el.attrs,
        el.end,
    )
    at = {id(block): i for i, block in enumerate(blocks)}
    text_sources = [(at.get(id(b)), n.tag, n.text()) for b, n in sources]
    book = PhraseBook(config.languages)
    language = compute_features(
        blocks, book.stopwords, config, languages_of=book.stopword_languages, compiled=twins
    )
    return blocks, owners, language, table, text_sources


def find_signature(page: str, twins: Any) -> tuple[Any, ...]:
    """The elements the walk drops from ``page`` (each as its tag and position in the
    page), as comparable data: found by the compiled ``find_elements`` (``twins``, the
    compiled module) or by the selector engine (None)."""
    from .parse import parse_html
    from .walk import _DROP_SET, DROP_SELECTOR

    tree = parse_html(page)
    body = tree.body
    if body is None:
        return ()
    order = {node.mem_id: i for i, node in enumerate(tree.root.traverse())}
    dropped = body.css(DROP_SELECTOR) if twins is None else twins.find_elements(body, _DROP_SET)
    return tuple((n.tag, order[n.mem_id]) for n in dropped)
