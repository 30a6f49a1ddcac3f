"""Phrase lists, one data file per language.

File format (``<lang>.txt``, UTF-8): ``[section]`` headers, then one phrase a line.
A phrase is literal text (matched case-insensitively through Unicode case folding, any
run of white space matching any white space) unless it starts with ``re:``, in which
case the rest is a ``regex`` pattern, written in lower case because it is matched
against case-folded text. ``#`` starts a comment line. Rules decide how a section is
matched (the whole line, a prefix, or anywhere); the files only hold the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

import regex

from ..errors import ConfigError
from ..language import stopword_languages

#: Sections a phrase file may hold; an unknown one is a typo and raises.
SECTIONS: tuple[str, ...] = (
    "stopwords",
    "accessibility",
    "chrome",
    "related_lead",
    "chrome_words",
    "counter_nouns",
    "media_stub",
    "media_words",
    "media_parts",
    "media_states",
    "media_label",
    "trailer_heading",
    "author_heading",
    "site_about",
    "mail_channel",
    "mail_offer",
    "consent_object",
    "consent_person",
    "consent_act",
    "consent_accept",
    "recommendation_heading",
    "comments_heading",
    "notice",
    "gallery_nouns",
    "gallery_of",
    "caption_credit",
    "caption_lead",
    "month_names",
    "dateline_words",
    "byline_lead",
)


def read_phrase_file(lang: str) -> dict[str, list[str]]:
    """The sections of ``phrases/<lang>.txt`` as lists of raw phrase lines."""
    try:
        text = resources.files(__package__).joinpath(f"{lang}.txt").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"no phrase file for language {lang!r}") from exc
    return parse_phrases(text, source=f"{lang}.txt")


#: The class/id vocabularies of the HTML tree rules (``[section]`` headers, any name).
HINTS_FILE = "html_hints.txt"


@cache
def html_hints() -> Mapping[str, tuple[str, ...]]:
    """The sections of ``html_hints.txt`` as tuples of entry lines, read-only.

    Parsed once per process: every tree rule reads its section from it, and one
    ``Cleaner`` holds some fifteen of them. The result cannot be changed, so sharing it
    carries nothing from one caller to another.
    """
    text = resources.files(__package__).joinpath(HINTS_FILE).read_text("utf-8")
    sections = parse_phrases(text, source=HINTS_FILE, known=None)
    return MappingProxyType({name: tuple(lines) for name, lines in sections.items()})


def parse_phrases(
    text: str, source: str = "<phrases>", known: Iterable[str] | None = SECTIONS
) -> dict[str, list[str]]:
    """``[section]`` headers and one entry a line; ``known=None`` takes any section name."""
    allowed = None if known is None else frozenset(known)
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if allowed is not None and name not in allowed:
                raise ConfigError(f"{source}:{lineno}: unknown section [{name}]")
            current = sections.setdefault(name, [])
            continue
        if current is None:
            raise ConfigError(f"{source}:{lineno}: phrase outside a [section]")
        current.append(line)
    return sections


def phrase_to_pattern(phrase: str) -> str:
    """One phrase line as a regex fragment that matches case-folded text."""
    if phrase.startswith("re:"):
        return phrase[3:].strip()
    return r"\s+".join(regex.escape(word.casefold()) for word in phrase.split())


def alternation(phrases: Iterable[str]) -> str | None:
    """All phrases as one non-capturing alternation, longest first; None if empty.

    Alternatives that start with a letter or digit are put behind a word boundary,
    which lets the regex engine skip most positions of a long text quickly.
    """
    word_start: set[str] = set()
    other: set[str] = set()
    for phrase in phrases:
        pattern = phrase_to_pattern(phrase)
        literal_start = phrase[3:].strip()[:1] if phrase.startswith("re:") else phrase[:1]
        (word_start if literal_start.isalnum() else other).add(pattern)
    groups = []
    if word_start:
        groups.append(r"\b(?:" + "|".join(_longest_first(word_start)) + ")")
    if other:
        groups.append("(?:" + "|".join(_longest_first(other)) + ")")
    return "(?:" + "|".join(groups) + ")" if groups else None


def _words(text: str) -> list[str]:
    from ..features import words_of  # the same word split as block features use

    return words_of(text)


def _longest_first(patterns: set[str]) -> list[str]:
    return sorted(patterns, key=lambda s: (-len(s), s))


class PhraseBook:
    """The phrases of several languages, merged per section, plus stop words per language."""

    __slots__ = ("_sections", "stopword_languages", "stopwords")

    def __init__(
        self, languages: Iterable[str], extra: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        merged: dict[str, list[str]] = {name: [] for name in SECTIONS}
        stopwords: dict[str, frozenset[str]] = {}
        for lang in languages:
            sections = read_phrase_file(lang)
            stopwords[lang] = frozenset(
                word.casefold() for line in sections.pop("stopwords", []) for word in line.split()
            )
            for name, phrases in sections.items():
                merged[name].extend(phrases)
        for name, phrases in (extra or {}).items():
            if name not in SECTIONS or name == "stopwords":
                raise ConfigError(f"unknown phrase section {name!r}")
            merged[name].extend(phrases)
        self._sections = {name: tuple(p) for name, p in merged.items()}
        self.stopwords: Mapping[str, frozenset[str]] = stopwords
        #: Each stop word's languages, as the language guess reads them (a mask a word).
        self.stopword_languages: Mapping[str, int] = stopword_languages(stopwords)

    def phrases(self, section: str) -> tuple[str, ...]:
        return self._sections[section]

    def words(self, section: str) -> frozenset[str]:
        """A section of single words, casefolded, for set look-ups."""
        return frozenset(w.casefold() for line in self._sections[section] for w in line.split())

    def pattern(self, section: str) -> str | None:
        return alternation(self._sections[section])

    def gated_patterns(self, section: str) -> tuple[str | None, frozenset[str], str | None]:
        """The section split for a cheap gate: the literal phrases' alternation, the
        set of their trigger words (each phrase's longest word), and the alternation of
        the ``re:`` phrases, which have no trigger and are always searched.

        A literal phrase can only occur in a text whose words include its trigger, so a
        set look-up spares the regex search on almost every block.
        """
        literal = [p for p in self._sections[section] if not p.startswith("re:")]
        patterns = [p for p in self._sections[section] if p.startswith("re:")]
        triggers = frozenset(
            max(words, key=len) for p in literal if (words := _words(p.casefold()))
        )
        return alternation(literal), triggers, alternation(patterns)
