"""The page strategies themselves: pages are well formed and say truthfully what they hold."""

from __future__ import annotations

import itertools
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean_and_explain
from cleaner.testing.banks import BANKS
from cleaner.testing.strategies import (
    CAST,
    KINDS,
    LANGUAGES,
    GeneratedPage,
    articles,
    html_pages,
    page_plans,
    paragraphs,
    render_text,
    sentences,
    text_pages,
)


def _lines(raw: str) -> list[str]:
    return [" ".join(line.split()) for line in raw.splitlines() if line.strip()]


@given(text_pages())
def test_text_page_holds_every_line_it_declares(page: GeneratedPage) -> None:
    lines = _lines(page.raw)
    for text in (*page.article, *page.optional, *(line for _, line in page.boilerplate)):
        assert text in lines
    # Nothing on the page that the page does not account for.
    declared = {*page.article, *page.optional, *(line for _, line in page.boilerplate)}
    assert set(lines) <= declared
    # The article in order.
    positions = [lines.index(p) for p in page.article]
    assert positions == sorted(positions)


@given(text_pages())
def test_page_is_right_about_its_own_article(page: GeneratedPage) -> None:
    assert page.problems(page.expected) == []
    assert page.matches("\n".join(page.article))


@given(text_pages(min_kinds=2), st.data())
def test_problems_catch_every_kind_of_mistake(page: GeneratedPage, data: st.DataObject) -> None:
    article = list(page.article)
    lost = data.draw(st.sampled_from(article))
    without = [p for p in article if p != lost]
    assert any("lost article block" in p for p in page.problems("\n\n".join(without)))
    kind, junk = data.draw(st.sampled_from(page.boilerplate))
    found = page.problems("\n\n".join([*article, junk]))
    assert found
    assert any(p.startswith(f"kept {kind}") or "kept" in p for p in found)
    if len(set(article)) > 1:
        swapped = [article[-1], *article[1:-1], article[0]]
        assert page.problems("\n\n".join(swapped))
    assert page.problems("\n\n".join([*article, article[0]]))


def test_optional_lines_may_appear_once_but_not_twice() -> None:
    page = GeneratedPage(
        raw="",
        input_kind="text",
        language="en",
        article=("Para one is here.", "Para two is here."),
        optional=("A caption (file photo)",),
        boilerplate=(("banner", "Breaking News"),),
    )
    assert page.matches("A caption (file photo)\n\nPara one is here.\n\nPara two is here.")
    assert page.matches("Para one is here.\nPara two is here.")
    twice = "A caption (file photo)\nA caption (file photo)\nPara one is here.\nPara two is here."
    assert page.problems(twice) == ["optional line kept 2 times: 'A caption (file photo)'"]
    assert page.problems("Breaking News\nPara one is here.\nPara two is here.") == [
        "kept banner: 'Breaking News'"
    ]


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=10)
@given(data=st.data())
def test_every_kind_can_be_injected_alone(kind: str, data: st.DataObject) -> None:
    page = data.draw(text_pages(kinds=[kind], min_kinds=1, max_kinds=1))
    injected = set(page.kinds)
    # A repeated caption is optional text, not boilerplate; a masthead may add a dateline.
    assert injected == ({kind} if kind != "caption_repeat" else set())
    if kind == "caption_repeat":
        assert page.optional


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=8)
@given(data=st.data())
def test_pages_read_as_their_language(language: str, data: st.DataObject) -> None:
    page = data.draw(text_pages(languages=[language]))
    assert clean_and_explain(page.raw, kind="text").language == language


@given(st.sampled_from(LANGUAGES).flatmap(sentences))
def test_sentences_are_sentences(sentence: str) -> None:
    assert sentence.endswith(".")
    assert sentence[0].isupper()
    assert len(sentence.split()) >= 6
    assert "  " not in sentence


@settings(max_examples=60)
@given(sentences("ru"))
def test_russian_verbs_agree_with_their_subject(sentence: str) -> None:
    endings = {"m": "", "f": "а", "n": "о"}
    folded = sentence.casefold()
    subject, gender = next((s, g) for s, g in BANKS["ru"].subjects if s.casefold() in folded)
    after = folded.split(subject.casefold(), 1)[1].split()
    verb = after[0]
    stems = [v for v in BANKS["ru"].verbs if verb.startswith(v)]
    assert stems, sentence
    assert verb == stems[0] + endings[gender], sentence


@given(articles("de"))
def test_article_blocks_are_distinct_and_not_contained_in_each_other(
    blocks: tuple[str, ...],
) -> None:
    # Sub-headings are short and may echo a phrase; paragraphs must not echo each other.
    paras = [b for b in blocks if b.endswith(".")]
    keys = [" ".join(b.casefold().replace(",", " ").replace(".", " ").split()) for b in paras]
    assert len(set(keys)) == len(keys)
    for i, a in enumerate(keys):
        for j, b in enumerate(keys):
            assert i == j or f" {a} " not in f" {b} "
    sentences = [s for p in paras for s in p.split(". ")]
    assert len(set(sentences)) == len(sentences)


@given(articles("en"))
def test_an_article_tells_one_story(blocks: tuple[str, ...]) -> None:
    # Its sentences come back to CAST actors and CAST things, as a real article's do
    # (English subjects are capitalised as they open a sentence or follow a comma).
    text = " ".join(blocks).casefold()
    actors = {s.casefold() for s, _ in BANKS["en"].subjects if s.casefold() in text}
    things = {o.casefold() for o in BANKS["en"].objects if o.casefold() in text}
    assert 1 <= len(actors) <= CAST and 1 <= len(things) <= CAST, (actors, things)


@given(paragraphs("fr"))
def test_paragraphs_are_single_lines(paragraph: str) -> None:
    assert "\n" not in paragraph
    assert paragraph.endswith(".")


@given(page_plans(languages=["es"], kinds=["media_stub"]))
def test_media_stub_title_sits_right_above_the_player(plan) -> None:  # type: ignore[no-untyped-def]
    page = render_text(plan)
    stub = next(s for s in plan.segments if s.kind == "media_stub")
    if len(stub.lines) > 1 and not stub.gaps[1]:
        lines = page.raw.splitlines()
        pairs = itertools.pairwise(lines)
        assert (stub.lines[0], stub.lines[1]) in [(a.strip(), b.strip()) for a, b in pairs]


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("meta", "link", "img", "input", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (self.open, tag)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(" ".join(data.split()))


@given(html_pages())
def test_html_page_is_balanced_and_holds_its_article(page: GeneratedPage) -> None:
    parser = _TextCollector()
    parser.feed(page.raw)
    parser.close()
    assert parser.open == []
    for paragraph in page.article:
        assert paragraph in parser.texts
    assert page.input_kind == "html"


def test_core_library_does_not_need_hypothesis() -> None:
    # hypothesis blocked: the library works, the strategies module says what it needs.
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import cleaner\n"
        "assert cleaner.clean_article('Skip to main content\\n\\nSome text here.')\n"
        "try:\n"
        "    import cleaner.testing.strategies\n"
        "except ImportError as exc:\n"
        "    print('ImportError:', exc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "cleaner.testing.strategies needs hypothesis" in run.stdout
