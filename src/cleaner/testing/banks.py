"""Word banks for ``cleaner.testing.strategies``: article sentences and boilerplate per language.

The words live in ``data/<language>.json`` (one file per language, the fields of ``Bank``)
and ``data/common.json`` (the languages in generation order and words shared by all of
them), read once when this module is imported. The boilerplate is what real sites print,
in each language, not what the phrase files already list: generated pages test the rules,
they do not mirror them. Sentence parts are whole phrases (subject, verb, object,
complement) chosen so that any combination is grammatical: singular subjects, tenses
without gender agreement (Russian past tense, which agrees, takes the subject's gender
from ``subjects``).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["AGENCIES", "BANKS", "BANK_SETS", "COMMENTERS", "HELDOUT_BANKS", "TIMELINES", "Bank"]


@dataclass(frozen=True)
class Bank:
    """Everything the page builder needs for one language."""

    language: str
    #: (subject, gender) pairs; gender matters for Russian past tense only.
    subjects: tuple[tuple[str, str], ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    complements: tuple[str, ...]
    clauses: tuple[str, ...]
    #: Word order of a sentence: placeholders {S} {V} {O} {C}; {s} is the subject
    #: inside the sentence (first letter lowered), {Cc} the complement capitalised.
    templates: tuple[str, ...]
    subheadings: tuple[str, ...]
    headline_templates: tuple[str, ...]
    topics: tuple[str, ...]
    captions: tuple[str, ...]
    caption_places: tuple[str, ...]
    caption_suffix: str
    # -- boilerplate -------------------------------------------------------------------
    accessibility_top: tuple[str, ...]
    accessibility_bottom: tuple[str, ...]
    banners: tuple[str, ...]
    sites: tuple[str, ...]
    datelines: tuple[str, ...]
    bylines: tuple[str, ...]
    menu: tuple[str, ...]
    regions: tuple[str, ...]
    share_words: tuple[str, ...]
    counters: tuple[str, ...]
    buttons: tuple[str, ...]
    inline_links: tuple[str, ...]
    stub_waits: tuple[str, ...]
    stub_messages: tuple[str, ...]
    media_labels: tuple[str, ...]
    cookie_notices: tuple[str, ...]
    newsletters: tuple[str, ...]
    copyrights: tuple[str, ...]
    about_headings: tuple[str, ...]
    about_texts: tuple[str, ...]
    archive_links: tuple[str, ...]
    related_headings: tuple[str, ...]
    comment_headings: tuple[str, ...]
    comments: tuple[str, ...]
    #: Subject first letters may be lowered inside a sentence (not for proper names).
    lower_subject: bool = True


def _read(name: str) -> dict[str, Any]:
    data = resources.files(__package__).joinpath("data", f"{name}.json")
    return json.loads(data.read_text(encoding="utf-8"))


def _bank(language: str) -> Bank:
    fields = _read(language)
    known = {f.name for f in dataclasses.fields(Bank)} - {"language"}
    if unknown := set(fields) - known:
        # A typo in a data file would otherwise surface as a confusing TypeError.
        raise ValueError(f"data/{language}.json: unknown fields {sorted(unknown)}")
    # JSON has lists only; the bank holds tuples (and (subject, gender) pairs).
    values = {name: _frozen(value) for name, value in fields.items()}
    return Bank(language=language, **values)


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


_COMMON = _read("common")
AGENCIES: tuple[str, ...] = tuple(_COMMON["agencies"])
COMMENTERS: tuple[str, ...] = tuple(_COMMON["commenters"])
TIMELINES: tuple[str, ...] = tuple(_COMMON["timelines"])
BANKS: Mapping[str, Bank] = MappingProxyType({lang: _bank(lang) for lang in _COMMON["languages"]})


def _heldout(language: str, fields: dict[str, Any]) -> Bank:
    known = {f.name for f in dataclasses.fields(Bank)} - {"language"}
    if unknown := set(fields) - known:
        raise ValueError(f"data/heldout.json [{language}]: unknown fields {sorted(unknown)}")
    return dataclasses.replace(
        BANKS[language], **{name: _frozen(value) for name, value in fields.items()}
    )


#: The held-out bank: the dev bank with its boilerplate replaced by entries written after
#: the phrase files and never used to build them (``data/heldout.json``). Exact-clean
#: shares on it measure how far the rules generalise; tune on ``BANKS`` only.
HELDOUT_BANKS: Mapping[str, Bank] = MappingProxyType(
    {
        lang: _heldout(lang, fields)
        for lang, fields in _read("heldout").items()
        if not lang.startswith("_")
    }
)
#: The banks by name, as ``page_plans(bank=...)`` takes them.
BANK_SETS: Mapping[str, Mapping[str, Bank]] = MappingProxyType(
    {"dev": BANKS, "heldout": HELDOUT_BANKS}
)
