"""The list steps read only the positions they are given (``at``).

The main run's list steps look only at the lines the list scan admits
(``list_shapes.py_list_scan`` and its compiled twin; ``test_compiled_listscan.py``
checks that they find what they find on every line).
"""

from __future__ import annotations

import re

import pytest

from cleaner.rules.list_shapes import (
    numbered_lines,
)

SHAPED = [
    "1. First item",
    "• Bullet item",
    "- dash item",
    "* star item",
    "½ Zitrone",
    "200 g flour",
    "THU 1/18/2007 New York",
    "03.05.2024 Probe",
    "Weight: 1.2 kg",
    "cell one\tcell two",
    "١٢ عنصر",
    "Вес: 2 кг",
]


@pytest.mark.parametrize(
    ("at", "found"),
    [(None, {0, 2, 4}), ([0, 2, 4], {0, 2, 4}), ([0, 4], set())],
)
def test_numbered_lines_read_only_the_positions_given(at, found) -> None:
    texts = ["1. a", "text", "2. b", "text", "3. c"]
    assert numbered_lines(texts, 3, 1, at) == found
    assert re.match(r"\d", texts[0])
