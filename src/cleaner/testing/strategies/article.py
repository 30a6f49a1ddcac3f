"""Article text: sentences, paragraphs and sub-headings from the word banks."""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import assume
from hypothesis import strategies as st

from ..banks import BANKS, Bank
from .model import Segment, _key


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _compose_sentence(
    language: str,
    template: str,
    subject_gender: tuple[str, str],
    verb: str,
    obj: str,
    complement: str,
    clause: str,
) -> tuple[str, tuple[str, ...]]:
    """A sentence and its core (subject, verb, object, complement): two sentences with
    one core say the same thing, one with a trailing clause and one without."""
    subject, gender = subject_gender
    if language == "ru":  # Russian past tense agrees with the subject's gender
        verb += {"m": "", "f": "а", "n": "о"}[gender]
    lower = BANKS[language].lower_subject
    text = template.format(
        S=subject,
        s=_lower_first(subject) if lower else subject,
        V=verb,
        O=obj,
        C=complement,
        Cc=_upper_first(complement),
        clause=clause,
    )
    return text, (subject, verb, obj, complement)


def _sentence_strategy(
    language: str,
    subjects: tuple[tuple[str, str], ...] | None = None,
    objects: tuple[str, ...] | None = None,
) -> st.SearchStrategy[tuple[str, tuple[str, ...]]]:
    bank = BANKS[language]
    return st.builds(
        _compose_sentence,
        st.just(language),
        st.sampled_from(bank.templates),
        st.sampled_from(subjects or bank.subjects),
        st.sampled_from(bank.verbs),
        st.sampled_from(objects or bank.objects),
        st.sampled_from(bank.complements),
        st.sampled_from(bank.clauses),
    )


def _headline_strategy(bank: Bank) -> st.SearchStrategy[str]:
    return st.builds(
        lambda template, topic: _upper_first(template.format(topic=topic)),
        st.sampled_from(bank.headline_templates),
        st.sampled_from(bank.topics),
    )


def _caption_strategy(bank: Bank) -> st.SearchStrategy[str]:
    return st.builds(
        lambda what, where, credit: what + where + credit,
        st.sampled_from(bank.captions),
        st.sampled_from(bank.caption_places),
        st.sampled_from((".", bank.caption_suffix)),
    )


# Built once: strategies are immutable, and building them per draw costs more than
# drawing from them.
_SENTENCES = MappingProxyType({lang: _sentence_strategy(lang) for lang in BANKS})
_HEADLINES = MappingProxyType({lang: _headline_strategy(bank) for lang, bank in BANKS.items()})
_CAPTIONS = MappingProxyType({lang: _caption_strategy(bank) for lang, bank in BANKS.items()})


#: How many actors (subjects) and things (objects) one article's sentences draw from.
CAST = 3


def sentences(language: str = "en") -> st.SearchStrategy[str]:
    """One news sentence in ``language`` (6 to 30 words), ending with a full stop."""
    return _SENTENCES[language].map(lambda pair: pair[0])


def paragraphs(language: str = "en", max_sentences: int = 4) -> st.SearchStrategy[str]:
    """A paragraph: one to ``max_sentences`` sentences, none saying the same thing."""
    return st.lists(
        _SENTENCES[language],
        min_size=1,
        max_size=max_sentences,
        unique_by=lambda pair: pair[1],
    ).map(lambda pairs: " ".join(text for text, _ in pairs))


@st.composite
def articles(
    draw: st.DrawFn, language: str = "en", min_paragraphs: int = 3, max_paragraphs: int = 8
) -> tuple[str, ...]:
    """Article blocks: paragraphs with a sub-heading or two between them."""
    return tuple(
        s.lines[0] for s in draw(_article_segments(language, min_paragraphs, max_paragraphs))
    )


@st.composite
def _article_segments(
    draw: st.DrawFn, language: str, min_paragraphs: int = 3, max_paragraphs: int = 8
) -> list[Segment]:
    bank = BANKS[language]
    sizes = draw(st.lists(st.integers(1, 4), min_size=min_paragraphs, max_size=max_paragraphs))
    # An article tells one story: its sentences come back to a few actors and a few
    # things (drawn from the whole bank, they would share no more words than sentences
    # of unrelated articles, and the article's own paragraphs read as a stranger's).
    cast = draw(st.lists(st.sampled_from(bank.subjects), min_size=CAST, max_size=CAST, unique=True))
    things = draw(
        st.lists(st.sampled_from(bank.objects), min_size=CAST, max_size=CAST, unique=True)
    )
    # No sentence (core) twice in an article: real articles do not repeat themselves,
    # and a repeat would make one paragraph a contained copy of another.
    drawn = draw(
        st.lists(
            _sentence_strategy(language, tuple(cast), tuple(things)),
            min_size=sum(sizes),
            max_size=sum(sizes),
            unique_by=lambda pair: pair[1],
        )
    )
    texts: list[str] = []
    at = 0
    for size in sizes:
        texts.append(" ".join(text for text, _ in drawn[at : at + size]))
        at += size
    # Belt and braces: a paragraph whose words all appear, in order, inside another is a
    # shorter copy of it (the contained_duplicate rule rightly drops it).
    keys = [f" {_key(t)} " for t in texts]
    texts = [
        t
        for i, t in enumerate(texts)
        if not any(j != i and keys[i] in keys[j] for j in range(len(keys)))
    ]
    assume(len(texts) >= min(min_paragraphs, 2))
    blocks = [Segment("paragraph", (t,)) for t in texts]
    # Sub-headings go between paragraphs, never first or last.
    if len(blocks) >= 3:
        count = draw(st.integers(0, min(2, len(blocks) // 3)))
        headings = draw(
            st.lists(st.sampled_from(bank.subheadings), min_size=count, max_size=count, unique=True)
        )
        slots = draw(
            st.lists(st.integers(1, len(blocks) - 1), min_size=count, max_size=count, unique=True)
        )
        for slot, heading in sorted(zip(slots, headings, strict=True), reverse=True):
            blocks.insert(slot, Segment("subheading", (heading,)))
    return blocks


def _headlines(bank: Bank, avoid: str = "") -> st.SearchStrategy[str]:
    """Headlines (of videos, related articles), never the page's own ``avoid``."""
    strategy = _HEADLINES[bank.language]
    return strategy.filter(lambda headline: headline != avoid) if avoid else strategy


def _captions(bank: Bank) -> st.SearchStrategy[str]:
    return _CAPTIONS[bank.language]
