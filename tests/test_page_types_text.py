"""The page-type fixtures on the text path: each page's innerText dump
(``fixtures/pagetype/text/``, from headless Chromium: ``benchmarks/innertext.py``)
cleaned with ``kind="text"`` against the same gold and bar as its HTML.

A dump has no markup: forum cells, product specification lists, docs' TOCs and listing
items are bare short lines. ``TEXT_BELOW_BAR`` is the text path's work list, measured;
``benchmarks/pagetypes.py --track text --pages`` gives the figures.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from helpers import expected_failures

from cleaner import clean_article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pagetype"
NAMES = sorted(p.name.removesuffix(".gold.json") for p in FIXTURES.glob("*.gold.json"))

_CODE = "code lines (no list shape) outside the run"
_FIRST_TITLE = "the first item's title sits before the run (a heading, not a sentence)"
_CELLS = "author cells' lines left inside the run (rank, join date, counts, signatures)"
#: The held-out batch (gold group heldout-s14), recorded as measured when it joined the text track.
_S14 = "held-out batch, measured at merge"
#: Pages below their bar on the text track today, and why. Strict.
TEXT_BELOW_BAR: dict[str, str] = {
    "docs-docusaurus-fr": f"the nginx snippet: {_CODE}",
    "docs-javadoc-en": "the last method's 'Returns:' lines cut; 'Methods inherited' kept",
    "docs-linked-headings": "two section headings go as copies of the TOC's entries",
    "docs-mkdocs-de": "two section headings ('...¶') go as copies of the TOC's entries",
    "docs-reference": f"the synopsis and the example: {_CODE}; the parameter table too",
    "docs-sphinx-en": f"one example: {_CODE}",
    "forum-articles": _CELLS,
    "forum-tables-era": _CELLS,
    "forum-vbulletin-de": _CELLS,
    "forum-xenforo-en": f"{_CELLS}; 'You must log in' kept after the last post",
    "gallery-museum-de": "object titles: the first before the run, others in a menu_run",
    "gallery-photo-essay-es": "the 'more galleries' box after the essay is kept",
    "listing-archive": "post titles after 'Continue reading' go as that box's (box_in_run)",
    "listing-jobs-de": "a title after an ad (box_in_run); the city's blurb kept",
    "listing-shop-category-de": f"{_FIRST_TITLE} (menu_run); facet lines and buttons kept",
    "product-avis-fr": "the care advice sits in a closed tab, not in the dump; its title is cut",
    "qa-es": "'Añade un comentario' lines and the answer form's terms note kept",
    "qa-thread": "the question, before the first answer's cell, is cut; badges kept",
    "service-agency-fr": "the hero and FAQ sections lie outside the run",
    "service-landing": "'Watch a demo' kept",
    "service-sections": "the hero's sentence, before the first section's title, is cut",
    "s14-docs-gitbook-en": (f"{_S14}: 1 must_keep cut ('Verify the signature')"),
    "s14-event-drupal-de": (
        f"{_S14}: 2 must_keep cut ('Wanderparkplatz Hirschberg, an der L 2041')"
    ),
    "s14-forum-phpbb3-it": (f"{_S14}: 8 must_remove kept ('Iscritto il: 3 gennaio 2012, 11:40')"),
    "s14-listing-agenda-fr": (f"{_S14}: 1 must_keep cut ('Marché aux courges et aux pommes')"),
    "s14-product-magento-de": (
        f"{_S14}: 3 must_keep cut ('Leichte 18-V-Heckenschere mit 52 cm Messerlän')"
    ),
    "s14-product-shopify-nl": (f"{_S14}: 4 must_keep cut ('Afmetingen en gebruik')"),
    "s14-product-woocommerce-pt": (
        f"{_S14}: 3 must_keep cut ('Azeite de colheita precoce, extraído a frio a')"
    ),
    "s14-qa-stackexchange-en": (
        f"{_S14}: 1 must_keep cut ('If you want the crust crisp for dinner');"
        " 5 must_remove kept ('Show activity on this post.')"
    ),
    "s14-recipe-wordpress-it": f"{_S14}: 2 must_remove kept ('Hai provato questa ricetta?')",
    "s14-search-typo3-de": (f"{_S14}: 1 must_remove kept (the result's address line)"),
    "s14-wiki-mediawiki-fr": f"{_S14}: 5 must_remove kept ('modifier le code')",
}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@cache
def _page(name: str) -> tuple[str, dict[str, Any]]:
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    dump = FIXTURES / "text" / f"{Path(gold['source']).stem}.txt"
    return dump.read_text(encoding="utf-8"), gold


def _failures(name: str) -> list[str]:
    raw, gold = _page(name)
    text = clean_article(raw, kind="text")
    out = norm(text)
    lines = {norm(line) for line in text.split("\n") if line.strip()}
    keep = [norm(k) for k in gold["must_keep"]]
    kept = [k for k in keep if out.count(k) == 1]
    problems = []
    if len(kept) < gold["bar"]["min_must_keep_share"] * len(keep):
        problems += [f"not kept once: {k[:80]}" for k in keep if k not in kept]
    left = [norm(r) for r in gold["must_remove"] if norm(r) in out]
    left += [norm(r) for r in gold.get("must_remove_lines", []) if norm(r) in lines]
    if len(left) > gold["bar"]["max_must_remove_left"]:
        problems += [f"left in: {r[:80]}" for r in left]
    return problems


@pytest.mark.parametrize("name", expected_failures(NAMES, TEXT_BELOW_BAR))
def test_text_dump_keeps_the_main_content(name: str) -> None:
    assert _failures(name) == []


def test_work_list_names_fixtures() -> None:
    assert set(TEXT_BELOW_BAR) <= set(NAMES)
    assert len(TEXT_BELOW_BAR) < len(NAMES)
