"""Literal gates: the literal text every match of a phrase pattern contains.

Split from ``compile`` (which re-exports ``required_literals``); pure functions of a
pattern string, nothing cached.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

# -- literal gates ---------------------------------------------------------------------
#
# A phrase pattern searched in every short block costs a regex scan per block, though
# almost no block matches. Most patterns cannot match without some literal text
# ("cookies", "©", "copyright"): a plain substring test on it rules out nearly every
# block first. ``required_literals`` reads that text off the pattern. It understands a
# small, common subset of the syntax and answers None beyond it, so a gate built from
# it never turns a match into a miss: None means "no gate, always search".


class _Unsupported(Exception):
    """Pattern syntax the reader does not model."""


#: Escapes that stand for a class of characters or a position, never for literal text.
_CLASS_ESCAPES = frozenset("sSdDwWbBAZ")


def required_literals(pattern: str, *, symbols: bool = False) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None.

    For a case-sensitive pattern (``PHRASE_FLAGS``): ``(website|site)\\s+uses\\s+cookies``
    gives ``("cookies",)``, ``(sd|hd)`` gives ``("sd", "hd")``. None when some match
    needs no literal text or the syntax is beyond this reader (inline flags, escapes
    with arguments, nested sets, fuzzy matching).

    Where a branch requires several things, the longest text is taken; with
    ``symbols``, punctuation and symbols (no letter, digit or space) go before any
    text: ``\\b(ap|afp)\\s*/`` gives ``("/",)``, not ``("ap", "afp")``. Prose is
    made of words, so a symbol rules out more lines than a short word does.
    """
    key = _by_symbols_then_length if symbols else _by_length
    try:
        found, end = _alternation_literals(pattern, 0, key)
    except _Unsupported:
        return None
    if end != len(pattern):
        return None  # an unbalanced ")"
    return found and _shortest(found)


def _shortest(strings: tuple[str, ...]) -> tuple[str, ...]:
    """``strings`` less those holding another of them: a text holding 'photo
    illustration' holds 'photo', so the test for 'photo' answers for both (a gate is
    tested once per page for each of its strings, then on every line)."""
    return tuple(s for s in strings if not any(o in s and o != s for o in strings))


#: What a top-level branch of a pattern requires: choices of strings, every one of
#: which a match of the branch holds (one string of each).
Requirements = tuple[tuple[str, ...], ...]


def branch_literals(pattern: str) -> tuple[Requirements, ...] | None:
    """Everything each top-level branch of ``pattern`` requires, or None (some branch
    requires nothing, or the syntax is beyond the reader).

    Where ``required_literals`` answers with one choice for the whole pattern (the union
    of each branch's most selective one), this keeps every choice of each branch: a
    text holding none of a branch's choices in full cannot match that branch.
    ``\\((?:photo|image)\\s*:[^()]+\\)|/\\s*(?:ap|afp)`` gives ``(("photo", "image"), ("(",),
    (":",), (")",))`` and ``(("ap", "afp"), ("/",))``: a line holding ':' and '(' but
    neither 'photo' nor 'image' passes ``required_literals`` but not these. A branch
    that is one group (after a ``\\b``) counts as that group's branches.
    """
    try:
        found = _branch_requirements(pattern, 0, len(pattern))
    except _Unsupported:
        return None
    return None if found is None else tuple(dict.fromkeys(found))


class BranchGate:
    """``branch_literals`` of a pattern, and their test as one expression of substring
    tests (``holds``): each branch's choices joined by ``and``, each choice's strings by
    ``or``, the branches by ``or``, the choices of single characters first (a scan for
    one character is the cheapest, and a line of prose lacks most punctuation).

    The expression is compiled once per gate, from the strings' ``repr`` only: in a
    loop over the choices, each substring test cost five times its own work (this runs
    on every line past a rule's literal gate)."""

    __slots__ = ("branches", "holds")

    def __init__(self, branches: tuple[Requirements, ...]) -> None:
        self.branches = branches
        self.holds: Callable[[str], bool] = _substring_test(branches)


def _substring_test(branches: tuple[Requirements, ...]) -> Callable[[str], bool]:
    def one_of(choice: tuple[str, ...]) -> str:
        return "(" + " or ".join(f"{string!r} in t" for string in choice) + ")"

    def all_of(branch: Requirements) -> str:
        ordered = sorted(branch, key=lambda c: not all(len(s) == 1 for s in c))
        return "(" + (" and ".join(map(one_of, ordered)) or "True") + ")"

    source = "lambda t: " + (" or ".join(map(all_of, branches)) or "False")
    test: Callable[[str], bool] = eval(source, {"__builtins__": {}})
    return test


def branch_gate(pattern: str) -> BranchGate | None:
    """``branch_literals`` of ``pattern`` as ``holds_branch`` reads them (None: no gate)."""
    branches = branch_literals(pattern)
    return None if branches is None else BranchGate(branches)


def holds_branch(text: str, gate: BranchGate | None) -> bool:
    """Whether ``text`` holds a string of each choice of some branch (True for None):
    if not, the pattern cannot match it."""
    return gate is None or gate.holds(text)


def _branch_requirements(pattern: str, i: int, stop: int) -> list[Requirements] | None:
    found: list[Requirements] = []
    while True:
        choices, end = _sequence_choices(pattern, i, _by_length)
        j = i + 2 if pattern.startswith("\\b", i) else i
        inner = None
        if pattern.startswith("(?:", j) or (
            pattern.startswith("(", j) and pattern[j + 1 : j + 2] != "?"
        ):
            _, after = _group_literals(pattern, j, _by_length)
            if after == end:  # one group, unrepeated, spans the branch
                inner = _branch_requirements(
                    pattern, j + (3 if pattern[j + 1] == "?" else 1), end - 1
                )
                if inner is None:
                    return None
        if inner is not None:
            found.extend(inner)
        elif not choices:
            return None
        else:
            # The rarest first: a line is ruled out by the first choice it lacks.
            found.append(
                tuple(sorted((_shortest(c) for c in choices), key=_by_length, reverse=True))
            )
        if end < stop and pattern[end] == "|":
            i = end + 1
            continue
        return found if end == stop else None  # (an unbalanced ")")


def _by_length(strings: tuple[str, ...]) -> tuple[int, ...]:
    """The most selective choice: its shortest string longest, then fewer strings."""
    return (min(map(len, strings)), -len(strings))


def _by_symbols_then_length(strings: tuple[str, ...]) -> tuple[int, ...]:
    symbolic = all(not any(c.isalnum() or c.isspace() for c in s) for s in strings)
    return (symbolic, -len(strings) if symbolic else 0, *_by_length(strings))


_Key = Callable[[tuple[str, ...]], tuple[int, ...]]


def _alternation_literals(
    pattern: str, i: int, key: _Key = _by_length
) -> tuple[tuple[str, ...] | None, int]:
    """Branches from ``i`` to the ``)`` or end closing them: the union of each branch's
    best choice, None if some branch has none."""
    union: list[str] = []
    complete = True
    while True:
        best, i = _sequence_literals(pattern, i, key)
        if best is None:
            complete = False
        else:
            union.extend(best)
        if i < len(pattern) and pattern[i] == "|":
            i += 1
            continue
        return (tuple(dict.fromkeys(union)) if complete else None), i


def _sequence_literals(pattern: str, i: int, key: _Key) -> tuple[tuple[str, ...] | None, int]:
    """One branch from ``i``: its most selective requirement (by ``key``) and where the
    branch ends."""
    choices, i = _sequence_choices(pattern, i, key)
    return (max(choices, key=key) if choices else None), i


def _sequence_choices(pattern: str, i: int, key: _Key) -> tuple[list[tuple[str, ...]], int]:
    """One branch from ``i``: everything it requires (each a choice of strings, one of
    which every match holds) and where the branch ends."""
    choices: list[tuple[str, ...]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            choices.append(("".join(run),))
            run.clear()

    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c in "|)":
            break
        if c == "(":
            group, i = _group_literals(pattern, i, key)
            end_run()
            at_least, i = _quantifier(pattern, i)
            if group is not None and at_least >= 1:
                choices.append(group)
            continue
        if c == "[":
            i = _skip_set(pattern, i)
            end_run()
            _, i = _quantifier(pattern, i)
            continue
        if c in ".^$":
            end_run()
            _, i = _quantifier(pattern, i + 1)
            continue
        if c in "*+?{":
            raise _Unsupported  # a quantifier with nothing to repeat, or a literal "{"
        if c == "\\":
            if i + 1 >= n:
                raise _Unsupported
            escaped = pattern[i + 1]
            if escaped.isalnum() or escaped == "_":
                if escaped not in _CLASS_ESCAPES:
                    raise _Unsupported  # \p{..}, \x41, \1, \N{..}: not modelled
                end_run()
                _, i = _quantifier(pattern, i + 2)
                continue
            char, i = escaped, i + 2
        else:
            char, i = c, i + 1
        if i < n and pattern[i] in "*+?{":
            # A repeated or optional character: not part of a contiguous run.
            end_run()
            _, i = _quantifier(pattern, i)
            continue
        run.append(char)
    end_run()
    return choices, i


def _group_literals(pattern: str, i: int, key: _Key) -> tuple[tuple[str, ...] | None, int]:
    """The group opening at ``i``: what it requires (None for a lookaround: it consumes
    nothing) and the index after its ``)``."""
    if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
        start = i + (4 if pattern[i + 2] == "<" else 3)
        _, end = _alternation_literals(pattern, start, key)
        return None, _close(pattern, end)
    if pattern.startswith("(?:", i):
        start = i + 3
    elif pattern.startswith("(?P<", i) or pattern.startswith("(?<", i):
        start = pattern.find(">", i) + 1
        if start == 0:
            raise _Unsupported
    elif pattern.startswith("(?", i):
        raise _Unsupported  # inline flags, atomic groups, conditionals, comments
    else:
        start = i + 1
    found, end = _alternation_literals(pattern, start, key)
    return found, _close(pattern, end)


def _close(pattern: str, i: int) -> int:
    if i >= len(pattern) or pattern[i] != ")":
        raise _Unsupported
    return i + 1


def _skip_set(pattern: str, i: int) -> int:
    """The index after the character set opening at ``i``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1  # a "]" right after "[" or "[^" is literal
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            raise _Unsupported  # nested sets, POSIX classes
        if c == "]":
            return j + 1
        j += 1
    raise _Unsupported


_QUANTIFIER_BRACES = regex.compile(r"\{(\d*)(?:,(\d*))?\}")


def _quantifier(pattern: str, i: int) -> tuple[int, int]:
    """The quantifier at ``i``, if any: the fewest repeats it allows (1 without one) and
    the index after it (and after a lazy "?" or possessive "+")."""
    if i >= len(pattern) or pattern[i] not in "*+?{":
        return 1, i
    c = pattern[i]
    if c == "{":
        m = _QUANTIFIER_BRACES.match(pattern, i)
        if m is None:
            raise _Unsupported  # fuzzy matching "{e<=1}" or a literal "{"
        at_least, i = int(m.group(1) or 0), m.end()
    else:
        at_least, i = (1 if c == "+" else 0), i + 1
    if i < len(pattern) and pattern[i] in "?+":
        i += 1
    return at_least, i
