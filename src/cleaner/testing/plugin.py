"""pytest plugin, registered through the ``pytest11`` entry point: installing cleaner is enough.

Fixtures:

``clean_article``
    cleaner's ``clean_article``, configured for the test: by the ``cleaner_config``
    fixture (override it in a ``conftest.py``) and ``@pytest.mark.cleaner(**options)``.
    Call it like the library function; ``clean_article.explain(raw)`` gives the Result.
``cleaner_config``
    The ``cleaner.Config`` the other fixtures use. Default: ``Config()``.
``boilerplate_page``
    A test asking for it runs once per shipped sample page (``cleaner.samples``): a raw
    page and its gold annotation, for checking a project's own pipeline on real pages.
``assert_clean``
    ``assert_clean(text)`` fails with a report of every piece of boilerplate cleaner
    finds in already-cleaned text (rule, reason, line), and passes on clean text.

Loading the plugin imports nothing beyond the standard library and pytest: the
pipeline (and regex) loads when a test first uses one of these fixtures.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ..config import Config
    from ..pipeline import Cleaner
    from ..result import Result
    from ..samples import SamplePage

__all__ = [
    "CONTEXT_FAMILIES",
    "CONTEXT_RULES",
    "AssertClean",
    "BoundCleaner",
    "Finding",
    "find_boilerplate",
    "format_report",
]

#: Families whose rules judge a block by where it sits on a page or across pages of a
#: site, not by its own text. On a short, already-clean text they would misfire (a lone
#: paragraph has no "main run" around it), so ``assert_clean`` skips them by default.
CONTEXT_FAMILIES: tuple[str, ...] = ("quality", "templates")
#: Context rules in other families: everything after a trailer heading, and runs of
#: short lines (a list of short items in an article looks like a menu).
CONTEXT_RULES: tuple[str, ...] = ("trailer_zone", "menu_run")

_MARKER = "cleaner"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(**options): cleaner options (Config fields, disable=, enable=) for the "
        "clean_article and assert_clean fixtures of this test",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "boilerplate_page" not in metafunc.fixturenames:
        return
    for marker in metafunc.definition.iter_markers("parametrize"):
        argnames = marker.args[0] if marker.args else marker.kwargs.get("argnames", "")
        if isinstance(argnames, str):
            argnames = [name.strip() for name in argnames.split(",")]
        if "boilerplate_page" in argnames:
            return  # the test chose its own pages
    from ..samples import names

    metafunc.parametrize("boilerplate_page", names(), indirect=True)


# -- fixtures --------------------------------------------------------------------------


@pytest.fixture
def cleaner_config() -> Config:
    """The configuration of ``clean_article`` and ``assert_clean``; override to change it."""
    from ..config import Config

    return Config()


@pytest.fixture(scope="session")
def _cleaner_cache() -> _CleanerCache:
    return _CleanerCache()


@pytest.fixture
def clean_article(
    request: pytest.FixtureRequest, cleaner_config: Config, _cleaner_cache: _CleanerCache
) -> BoundCleaner:
    """``clean_article(raw, *, url=None, kind=None) -> str`` with this test's configuration."""
    config = _marked_config(request, cleaner_config)
    return BoundCleaner(_cleaner_cache.get(config))


@pytest.fixture
def boilerplate_page(request: pytest.FixtureRequest) -> SamplePage:
    """One shipped sample page (raw text and gold); tests using it run once per page."""
    from ..samples import load

    name = getattr(request, "param", None)
    if name is None:
        pytest.fail("boilerplate_page is parametrised by the cleaner plugin; none given")
    return load(name)


@pytest.fixture
def assert_clean(
    request: pytest.FixtureRequest, cleaner_config: Config, _cleaner_cache: _CleanerCache
) -> AssertClean:
    """``assert_clean(text, *, ignore=(), include=())``: fail on any boilerplate in ``text``."""
    return AssertClean(_marked_config(request, cleaner_config), _cleaner_cache)


def _marked_config(request: pytest.FixtureRequest, base: Config) -> Config:
    # Closest marker last, so a test's own marker wins over its class's or module's.
    config = base
    for marker in reversed(list(request.node.iter_markers(_MARKER))):
        if marker.args:
            raise pytest.UsageError(f"@pytest.mark.{_MARKER} takes keyword options only")
        config = config.replace(**marker.kwargs)
    return config


class _CleanerCache:
    """Cleaners built during the session, one per distinct configuration.

    Building one compiles every phrase pattern (tens of milliseconds); a session
    runs few distinct configurations, so a list searched by equality is enough.
    """

    def __init__(self) -> None:
        self._built: list[tuple[Config, Cleaner]] = []

    def get(self, config: Config) -> Cleaner:
        for known, cleaner in self._built:
            if known == config:
                return cleaner
        from ..pipeline import Cleaner

        cleaner = Cleaner(config)
        self._built.append((config, cleaner))
        return cleaner


class BoundCleaner:
    """What the ``clean_article`` fixture returns: the library function, configured."""

    def __init__(self, cleaner: Cleaner) -> None:
        self.cleaner = cleaner

    @property
    def config(self) -> Config:
        return self.cleaner.config

    def __call__(self, raw: str | bytes, *, url: str | None = None, kind: str | None = None) -> str:
        return self.cleaner.clean(raw, url=url, kind=kind)

    def explain(
        self, raw: str | bytes, *, url: str | None = None, kind: str | None = None
    ) -> Result:
        return self.cleaner.explain(raw, url=url, kind=kind)

    def __repr__(self) -> str:
        return f"<clean_article fixture, {len(self.cleaner.rules)} rules>"


# -- judging already-cleaned text ------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One piece of boilerplate found in a text: where it is and which rule says so."""

    line: int
    text: str
    rule: str
    family: str
    reason: str

    def __str__(self) -> str:
        return (
            f"line {self.line}: {_snippet(self.text)}\n    {self.family}/{self.rule}: {self.reason}"
        )


def judging_config(
    config: Config | None = None, ignore: Iterable[str] = (), include: Iterable[str] = ()
) -> Config:
    """``config`` with the context rules (and ``ignore``) off, ``include`` back on.

    ``ignore`` and ``include`` take rule or family names.
    """
    from ..config import Config
    from ..errors import ConfigError
    from ..pipeline import ordered_rules

    base = config or Config()
    rules = ordered_rules(base.extra_rules)
    families: dict[str, set[str]] = {}
    for rule in rules:
        families.setdefault(rule.family, set()).add(rule.name)
        families.setdefault(rule.name, set()).add(rule.name)

    def expand(names: Iterable[str]) -> set[str]:
        names = (names,) if isinstance(names, str) else tuple(names)
        unknown = [n for n in names if n not in families]
        if unknown:
            raise ConfigError(f"unknown rule or family names: {sorted(unknown)}")
        return {rule for name in names for rule in families[name]}

    # Start from the base config's disabled names, expanded to rule names, so that
    # ``include`` can turn one rule of a disabled family back on.
    disabled = {r.name for r in rules if not base.is_enabled(r.name, r.family)}
    context = [n for n in (*CONTEXT_FAMILIES, *CONTEXT_RULES) if n in families]
    disabled |= expand(context) | expand(ignore)
    disabled -= expand(include)
    return dataclasses.replace(base, disabled=frozenset(disabled))


def find_boilerplate(
    text: str,
    *,
    config: Config | None = None,
    ignore: Iterable[str] = (),
    include: Iterable[str] = (),
    cleaner: Cleaner | None = None,
) -> list[Finding]:
    """Every line of ``text`` that cleaner would remove as boilerplate, with the reason.

    Runs the rules that judge a block by its own text or its repeats: accessibility
    links, page chrome, share bars, counters, breadcrumbs, media stubs and labels,
    notices, duplicates. Context rules (``CONTEXT_FAMILIES``, ``CONTEXT_RULES``) are
    skipped unless named in ``include``; ``ignore`` skips more rules or families.
    ``cleaner`` (already built with ``judging_config``) saves building one.
    """
    if not isinstance(text, str):
        from ..errors import InputTypeError

        raise InputTypeError(f"assert_clean judges text (str), got {type(text).__name__}")
    if cleaner is None:
        from ..pipeline import Cleaner

        cleaner = Cleaner(judging_config(config, ignore, include))
    result = cleaner.explain(text, kind="text")
    lines = _line_numbers(text, [b.text for b in result.blocks])
    return [
        Finding(lines[i], b.text, b.rule or "?", b.family or "?", b.reason or "")
        for i, b in enumerate(result.blocks)
        if not b.kept
    ]


def format_report(findings: list[Finding], text: str) -> str:
    """The failure message of ``assert_clean``."""
    n_lines = sum(1 for line in text.splitlines() if line.strip())
    noun = "piece" if len(findings) == 1 else "pieces"
    head = (
        f"assert_clean: {len(findings)} {noun} of boilerplate in a text of {n_lines} "
        "non-empty lines:"
    )
    return "\n".join([head, *(f"  {f}" for f in findings)])


class AssertClean:
    """What the ``assert_clean`` fixture returns. Call it with a text."""

    def __init__(self, config: Config, cache: _CleanerCache | None = None) -> None:
        self.config = config
        self._cache = cache or _CleanerCache()

    def findings(
        self, text: str, *, ignore: Iterable[str] = (), include: Iterable[str] = ()
    ) -> list[Finding]:
        cleaner = self._cache.get(judging_config(self.config, ignore, include))
        return find_boilerplate(text, cleaner=cleaner)

    def __call__(
        self, text: str, *, ignore: Iterable[str] = (), include: Iterable[str] = ()
    ) -> None:
        __tracebackhide__ = True
        found = self.findings(text, ignore=ignore, include=include)
        if found:
            raise AssertionError(format_report(found, text))


def _line_numbers(text: str, block_texts: list[str]) -> list[int]:
    """The 1-based line of ``text`` each block came from (0 when it cannot be found)."""
    lines = [line.strip() for line in text.splitlines()]
    numbers: list[int] = []
    at = 0
    for block in block_texts:
        # Exact line first (the text front-end makes one block per stripped line), then
        # any line containing the block, for front-ends that split lines further.
        found = next((i for i in range(at, len(lines)) if lines[i] == block), None)
        step = 1
        if found is None:
            found = next((i for i in range(at, len(lines)) if block and block in lines[i]), None)
            step = 0  # the rest of that line may hold the next block
        if found is None:
            numbers.append(0)
        else:
            numbers.append(found + 1)
            at = found + step
    return numbers


def _snippet(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
