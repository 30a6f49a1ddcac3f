"""Shared test set-up: the Hypothesis profiles and pytest's ``pytester`` fixture.

The "ci" profile is the default, so the suite is the same on every run and machine:
derandomized (examples come from a fixed seed per test), no deadline and no
time-based health check (a loaded CI machine must not fail a test), no example
database (nothing carried over from earlier runs). ``HYPOTHESIS_PROFILE=explore``
searches with fresh random examples locally; it is ignored when ``CI`` is set.
A failure prints a ``@reproduce_failure`` blob either way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

pytest_plugins = ("pytester",)

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=40,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", parent=settings.get_profile("ci"), derandomize=False)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=500)

settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# -- both walks ---------------------------------------------------------------------------
# The HTML front-end has two walks that must agree: the compiled one (used where it is
# built) and the Python one. The modules below test the walk's decisions in detail: each
# of their tests runs on both ([compiled] and [python] in its id; [compiled] skips where
# the extension is not built). The rest of the suite runs on the walk the process chose
# (the compiled one where built), and test_compiled_walk.py checks that both give the
# same blocks and results on every benchmark page and on generated pages. CI runs the
# whole suite a second time with CLEANER_PURE_PYTHON=1 (.ci/run).
_BOTH_WALKS = frozenset(
    {
        "test_captions",
        "test_container_defects",
        "test_html_boundaries",
        "test_html_frontend",
        "test_html_hidden",
        "test_html_inline_cut",
        "test_html_output",
        "test_html_rules",
        "test_kept_paragraphs",
        "test_layout",
        "test_markdown_blocks",
        "test_page_types",
        "test_player_rules",
        "test_trees",
        "test_xhtml",
    }
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.module.__name__.rpartition(".")[2] in _BOTH_WALKS:
        metafunc.fixturenames.append("walk_path")
        metafunc.parametrize("walk_path", ["compiled", "python"], indirect=True, scope="module")


@pytest.fixture(scope="module")
def walk_path(request: pytest.FixtureRequest) -> Iterator[str]:
    """The walk a module's tests run on (module-scoped: Hypothesis tests allow it)."""
    from cleaner.frontends.html import compiled

    path = request.param
    try:
        forced = compiled.forced(path)
        forced.__enter__()
    except RuntimeError:
        pytest.skip("the compiled walk is not built here")
    try:
        yield path
    finally:
        forced.__exit__(None, None, None)
