"""A code block's braces in a text dump (rules/code_lines.py): no counter, though they
have no letter; the separators and pagers of the same shape still go."""

from __future__ import annotations

import pytest
from helpers import PROSE, make_doc, make_rule

from cleaner import Cleaner
from cleaner.rules.navigation import Counter


def reason(text: str) -> str | None:
    rule = make_rule(Counter)
    doc = make_doc(text, config=rule.config)
    return rule.reason_for(doc.blocks[0], doc)


@pytest.mark.parametrize("line", ["}", "};", "});", "{", " } ", "}}"])
def test_braces_are_no_counter(line: str) -> None:
    assert reason(line) is None


@pytest.mark.parametrize("line", ["»", "|", "1 2 3", "12/03", "()", ";", "— —"])
def test_bare_symbols_still_go(line: str) -> None:
    assert reason(line)


def test_code_block_keeps_its_braces() -> None:
    code = ["for (Request r : queue) {", "limiter.acquire();", "}"]
    page = [PROSE[0], PROSE[1], *code, PROSE[2], PROSE[3]]
    out = Cleaner().clean("\n".join(page), kind="text")
    assert [line for line in out.split("\n") if line] == page
