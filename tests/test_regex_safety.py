"""No pattern cleaner compiles may backtrack catastrophically (issue 6).

Walks every compiled pattern: the rules of a default ``Cleaner``, every phrase section
compiled the shared ways (whole line, prefix), and the module-level patterns of the
package. Each is fed long adversarial strings (one character, or a two-character unit,
repeated, then a character that makes the match fail at the end) and must finish within
a generous multiple of a trivial linear scan of the same string: quadratic patterns
measure thousands of times the scan on these strings, linear ones below ~50.

To stay fast, every attack is first screened on a short string and only the few that
cost the pattern most relative to the scan are rerun at full length. ``regex``'s own
``timeout`` stops a runaway pattern so the test fails fast instead of hanging; it is how
the test measures, not how cleaner protects itself.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator

import pytest
import regex

import cleaner
from cleaner import Cleaner
from cleaner.phrases import SECTIONS, PhraseBook
from cleaner.phrases.compile import PHRASE_FLAGS, LineMatcher, whole_line_pattern
from cleaner.phrases.trie_search import TwinPattern

#: Length of the full-size adversarial strings: long enough that quadratic work
#: (~N²/2 steps) dwarfs any constant.
N = 40_000
#: Length of the screening strings, and how many of the worst attacks get a full run.
SCREEN_N = 1_000
FULL_RUNS = 4
#: A pattern fails when, on a full-size string, it costs more than MAX_RATIO times a
#: trivial scan of that string AND its time grows more than GROWTH_LIMIT times when the
#: string grows four times (linear: 4, quadratic: 16). Linear patterns measure below ~50
#: times the scan (big alternations tried at every position); quadratic ones above 200.
MAX_RATIO = 100
GROWTH_LIMIT = 8

_BASELINE = regex.compile(r"(?s).")
_BASELINE_BYTES = regex.compile(rb"(?s).")
# Characters of the classes rule patterns use: letters (Latin, accented, CJK), digits,
# white space (including no-break), punctuation, separators, quotes, arrows, symbols.
_BASE_CHARS = "aA1 \t\u00a0.,:;!?-_/|»›→•·'’\"()[]©é中\u0301"
# Two-character units: a word then a separator, the shapes of menus, numbers, lists.
_UNITS = ("a ", "1 ", "a.", "1.", "1,", "1:", ". ", ": ", "a-", "a'", "ab", "1a", " -")
# Characters that make a match fail at the very end (forcing every backtrack).
_FAIL_SUFFIXES = ("", "\x00", "x")


def _patterns_in(obj: object) -> Iterator[tuple[str, regex.Pattern | re.Pattern]]:
    """Compiled patterns held by an object's attributes, one container level deep."""
    seen: dict[str, object] = {}
    for klass in reversed(type(obj).__mro__):
        seen.update(vars(klass))
    if hasattr(obj, "__dict__"):
        seen.update(vars(obj))
    for slot in getattr(type(obj), "__slots__", ()):
        if hasattr(obj, slot):
            seen[slot] = getattr(obj, slot)
    for name, value in seen.items():
        values = value if isinstance(value, (tuple, list)) else [value]
        if isinstance(value, dict):
            values = list(value.values())
        for item in values:
            if isinstance(item, (regex.Pattern, re.Pattern)):
                yield name, item
            elif isinstance(item, LineMatcher):
                # A whole-line matcher's patterns: one per letter a phrase opens with.
                for n, pattern in enumerate(item.patterns()):
                    yield f"{name}[{n}]", pattern
            elif isinstance(item, TwinPattern):
                # A trie matched by regex, and by re on ASCII text.
                for n, pattern in enumerate(item.patterns()):
                    yield f"{name}[{n}]", pattern


def _module_patterns() -> Iterator[tuple[str, regex.Pattern | re.Pattern]]:
    for info in pkgutil.walk_packages(cleaner.__path__, "cleaner."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue  # an optional front-end whose dependency is missing
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                yield f"{info.name}.{name}", value
            elif isinstance(value, type) and value.__module__ == info.name:
                for attr, pattern in _patterns_in(value):
                    yield f"{info.name}.{value.__name__}.{attr}", pattern


def _rule_patterns() -> Iterator[tuple[str, regex.Pattern | re.Pattern]]:
    for rule in Cleaner().rules:
        for attr, pattern in _patterns_in(rule):
            yield f"rule {rule.name}.{attr}", pattern


def _phrase_patterns() -> Iterator[tuple[str, regex.Pattern | re.Pattern]]:
    """Every phrase section compiled as a whole line and as a prefix.

    Searching a section anywhere is only as safe as its phrases: the rule that does it
    (``notice``) is covered by the walk over the rules.
    """
    book = PhraseBook(cleaner.config.SHIPPED_LANGUAGES)
    for section in SECTIONS:
        if section in ("stopwords",):
            continue
        alternation = book.pattern(section)
        if alternation is None:
            continue
        yield f"phrases[{section}] whole line", whole_line_pattern(alternation)
        yield f"phrases[{section}] prefix", regex.compile(rf"^\W*{alternation}", PHRASE_FLAGS)


def _all_patterns() -> dict[str, regex.Pattern | re.Pattern]:
    """Name -> pattern, each distinct pattern once (the first name that found it)."""
    found: dict[str, regex.Pattern | re.Pattern] = {}
    seen: set[tuple[object, int]] = set()
    for source in (_rule_patterns, _phrase_patterns, _module_patterns):
        for name, pattern in source():
            key = (pattern.pattern, pattern.flags)
            if key not in seen:
                seen.add(key)
                found[name] = pattern
    return found


PATTERNS = _all_patterns()


def _literal_chars(pattern: regex.Pattern | re.Pattern) -> str:
    """Printable non-alphanumeric characters the pattern source mentions (separators)."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else ""
    chars = {c for c in source if not c.isalnum() and c.isprintable() and c not in "\\^$"}
    return "".join(sorted(chars))[:24]


def _attacks(pattern: regex.Pattern | re.Pattern, n: int) -> Iterator[tuple[str, str]]:
    """(unit, suffix) pairs with their strings of about ``n`` characters."""
    units = [*dict.fromkeys(_BASE_CHARS + _literal_chars(pattern)), *_UNITS]
    for unit in units:
        body = unit * (n // len(unit))
        for suffix in _FAIL_SUFFIXES:
            yield unit, suffix, body + suffix


def _best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _as_subject(pattern: regex.Pattern | re.Pattern, text: str) -> str | bytes:
    return text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text


def _scan_time(subject: str | bytes) -> float:
    """A trivial linear scan of the subject: one step per character."""
    scan = _BASELINE if isinstance(subject, str) else _BASELINE_BYTES
    return _best_of(lambda: scan.findall(subject))


def _run_time(pattern: regex.Pattern | re.Pattern, subject: str | bytes, budget: float) -> float:
    start = time.perf_counter()
    try:
        if isinstance(pattern, regex.Pattern):
            pattern.findall(subject, timeout=budget)
        else:
            pattern.findall(subject)
    except TimeoutError:
        pass
    return time.perf_counter() - start


def _ratio(pattern: regex.Pattern | re.Pattern, text: str) -> float:
    """Cost of the pattern over the cost of a trivial scan, on a short string."""
    subject = _as_subject(pattern, text)
    return _run_time(pattern, subject, 10.0) / max(_scan_time(subject), 1e-7)


def _check(
    name: str, pattern: regex.Pattern | re.Pattern, unit: str, suffix: str, n: int = N
) -> None:
    small = _as_subject(pattern, unit * (n // 4 // len(unit)) + suffix)
    big = _as_subject(pattern, unit * (n // len(unit)) + suffix)
    t_small = _best_of(lambda: _run_time(pattern, small, 10.0))
    allowed = MAX_RATIO * _scan_time(big)
    # Stop a runaway early: past this budget both conditions below hold.
    budget = max(2 * GROWTH_LIMIT * t_small, allowed)
    t_big = min(_run_time(pattern, big, budget) for _ in range(2))
    growth = t_big / max(t_small, 1e-7)
    if t_big > allowed and growth > GROWTH_LIMIT:
        pytest.fail(
            f"{name}: {t_big:.3f}s on {len(big)} chars of {unit!r} + {suffix!r}, "
            f"{t_big / allowed * MAX_RATIO:.0f}x a linear scan, {growth:.1f}x the time "
            f"on a string 4x shorter: catastrophic backtracking\n"
            f"pattern: {str(pattern.pattern)[:300]!r}"
        )


def test_patterns_were_found() -> None:
    # The walk must see the rules' patterns; if it found none, the test below is void.
    names = set(PATTERNS)
    assert any(n.startswith("rule chrome_phrase") for n in names)
    assert any(n.startswith("phrases[notice]") for n in names)
    assert any(n.startswith("cleaner.inputs.") for n in names)
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_adversarial_strings(name: str) -> None:
    pattern = PATTERNS[name]
    screened = sorted(
        (
            (_ratio(pattern, text), unit, suffix)
            for unit, suffix, text in _attacks(pattern, SCREEN_N)
        ),
        reverse=True,
    )
    for _, unit, suffix in screened[:FULL_RUNS]:
        _check(name, pattern, unit, suffix)


def test_the_check_catches_a_quadratic_pattern() -> None:
    # The harness itself must be able to fail: a textbook overlap of [\d]* and \d+
    # (a class after it, not a literal: regex skips strings lacking a required literal).
    quadratic = regex.compile(r"^[\W\d_]*\d+\p{L}")
    with pytest.raises(pytest.fail.Exception, match="catastrophic"):
        _check("quadratic", quadratic, "1", "\x00", n=12_000)


def test_the_check_passes_a_linear_pattern() -> None:
    _check("linear", regex.compile(r"^[\W\d_]*(?<!\d)\d+\p{L}"), "1", "\x00")
