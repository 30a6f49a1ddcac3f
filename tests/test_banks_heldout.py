"""The held-out word bank measures generalisation: no phrase file holds its entries.

Generated pages drawn from the dev bank (``BANKS``) test the rules on boilerplate the
phrase files were partly built from; the held-out bank (``HELDOUT_BANKS``, written apart
from them) replaces that boilerplate, so exact-clean shares on it say how far the rules
reach beyond their lists (tests/test_generated_pages.py reports both).
"""

from __future__ import annotations

import dataclasses

import regex

from cleaner.config import SHIPPED_LANGUAGES
from cleaner.phrases import read_phrase_file
from cleaner.testing.banks import BANKS, HELDOUT_BANKS, _read


def _literal_phrases() -> dict[str, str]:
    """Every literal phrase of every phrase file (casefolded, white space collapsed),
    with where it comes from."""
    found: dict[str, str] = {}
    for lang in SHIPPED_LANGUAGES:
        for section, phrases in read_phrase_file(lang).items():
            if section == "stopwords":
                continue
            for phrase in phrases:
                if not phrase.startswith("re:"):
                    found.setdefault(" ".join(phrase.casefold().split()), f"{lang}.txt [{section}]")
    return found


def _key(entry: str) -> str:
    # As a whole-line phrase sees a line: edge punctuation and digits do not count.
    core = regex.sub(r"^[\W\d_]+|[\W\d_]+$", "", entry)
    return " ".join(core.casefold().split())


def test_heldout_entries_are_in_no_phrase_file() -> None:
    phrases = _literal_phrases()
    shared = []
    for lang, fields in _read("heldout").items():
        if lang.startswith("_"):
            continue
        for name, entries in fields.items():
            for entry in entries:
                if _key(entry) in phrases or " ".join(entry.casefold().split()) in phrases:
                    shared.append((lang, name, entry, phrases.get(_key(entry))))
    assert not shared, shared


def test_dev_bank_entries_are_in_no_phrase_file() -> None:
    # Issue 15, item 7: the dev bank is written apart from the phrase files too, so that
    # tuning on it develops rules that decide on shape, not on the lists' own entries.
    phrases = _literal_phrases()
    shared = []
    for lang, bank in BANKS.items():
        for field in dataclasses.fields(bank):
            if field.name == "language":
                continue  # the bank's language code ('de'), not an entry
            for entry in _strings(getattr(bank, field.name)):
                key = _key(entry)
                if key and (key in phrases or " ".join(entry.casefold().split()) in phrases):
                    shared.append((lang, field.name, entry, phrases.get(key)))
    assert not shared, shared


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_heldout_bank_replaces_the_boilerplate_only() -> None:
    assert set(HELDOUT_BANKS) == set(BANKS)
    replaced = set(_read("heldout")["en"])
    for lang, bank in HELDOUT_BANKS.items():
        dev = BANKS[lang]
        for field in dataclasses.fields(bank):
            same = getattr(bank, field.name) == getattr(dev, field.name)
            # Article sentences are shared; each replaced field differs from the dev one.
            assert same is (field.name not in replaced), (lang, field.name)


def test_heldout_entries_are_fresh() -> None:
    # Written apart from the dev bank too: no entry of a replaced field is a dev entry.
    for lang, bank in HELDOUT_BANKS.items():
        for name in _read("heldout")[lang]:
            dev = {_key(e) for e in getattr(BANKS[lang], name)}
            # Only the dev side is named on failure: printing the held-out set (as an
            # assertion on the sets would) shows its entries to whoever reads the log.
            clashes = sorted(dev & {_key(e) for e in getattr(bank, name)})
            count = len(clashes)
            assert count == 0, f"{lang} [{name}]: dev entries also held out: {clashes}"
