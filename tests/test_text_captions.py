"""Gallery counters and image captions in scraped text (rules/captions.py), each Param
pinned from both sides on hand-built blocks, and the article's own lines kept."""

from __future__ import annotations

import pytest
from helpers import PROSE, make_doc, make_rule, words

from cleaner import Cleaner
from cleaner.rules.captions import CaptionCredit, CaptionToggle, GalleryCaption, GalleryCounter


def reason(rule, text: str) -> str | None:
    doc = make_doc(text, config=rule.config)
    return rule.reason_for(doc.blocks[0], doc)


def removed_lines(rule, *texts: str) -> list[str]:
    doc = make_doc(*texts, config=rule.config)
    rule.apply(doc)
    return [b.text for b in doc.blocks if b.removal is not None]


# -- gallery counters ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Image 1 of 8", "Photo 3/12", "2 of 5", "Bild 1 von 8", "Фото 2 из 9", "Foto 4 de 10"],
)
def test_gallery_counter_removed(line: str) -> None:
    assert reason(make_rule(GalleryCounter), line)


@pytest.mark.parametrize("line", ["9 of 8", "1/8", "Image 1 of 8 shows the harbour", "24/7"])
def test_not_a_gallery_counter(line: str) -> None:
    # The first number past the second, a bare fraction or date, a sentence.
    assert not reason(make_rule(GalleryCounter), line)


def test_gallery_counter_max_words() -> None:
    # 'Image 1 of 8' is four words (numbers count).
    assert reason(make_rule(GalleryCounter), "Image 1 of 8")
    assert not reason(make_rule(GalleryCounter, max_words=3), "Image 1 of 8")


# -- gallery captions ------------------------------------------------------------------

_SHOPPER = "A shopper looks at extension cords at the hardware store on Tuesday."


def test_gallery_caption_min_captions() -> None:
    rule = make_rule(GalleryCaption)
    one = f"1 of 4 {_SHOPPER}"
    two = f"2 of 4 {_SHOPPER}"
    assert removed_lines(rule, PROSE[0], one, two, PROSE[1]) == [one, two]
    # One line alone is a sentence of the article ('1 of 3 Americans ...').
    assert removed_lines(rule, PROSE[0], one, PROSE[1]) == []
    assert removed_lines(make_rule(GalleryCaption, min_captions=3), one, two) == []


def test_gallery_captions_share_their_total() -> None:
    rule = make_rule(GalleryCaption)
    # Two different totals, and a first number past its total: no gallery.
    assert removed_lines(rule, f"1 of 4 {_SHOPPER}", f"2 of 5 {_SHOPPER}") == []
    assert removed_lines(rule, f"5 of 4 {_SHOPPER}", f"6 of 4 {_SHOPPER}") == []


# -- captions with credits -------------------------------------------------------------

_CAPTION = "Traders work on the floor of the stock exchange in New York on Monday."


@pytest.mark.parametrize(
    "line",
    [
        f"{_CAPTION} (AP Photo/Jane Doe)",
        f"{_CAPTION} REUTERS/Brendan Smith",
        f"{_CAPTION} (Photo by Jane Doe/Getty Images)",
        f"{_CAPTION} Credit: NASA",
        f"{_CAPTION} Jane Doe / AP file",
        "Photo by Jane Doe",
        f"FILE PHOTO: {_CAPTION}",
        f"In this Monday, Nov. 18, 2019, file photo, {_CAPTION[0].lower()}{_CAPTION[1:]}",
        "Angela Merkel spricht im Bundestag. Foto: dpa",
        "Un Népalais prie à Katmandou, le 30 avril 2015. (photo AFP)",
    ],
)
def test_caption_removed(line: str) -> None:
    assert reason(make_rule(CaptionCredit), line)


@pytest.mark.parametrize(
    "line",
    [
        "Miss Moscow picked from 49 top beauties (PHOTOS)",
        "New chapter for people with bad credit: loans, tips and scams to avoid",
        "RSS (photowire)",
        "He took a photo of the harbour and sent it to his editor by mail.",
        "The agency said 24/7 support would follow.",
    ],
)
def test_article_line_with_photo_words_kept(line: str) -> None:
    assert not reason(make_rule(CaptionCredit), line)


def test_caption_max_words() -> None:
    rule = make_rule(CaptionCredit)
    credit = " (AP Photo/Jane Doe)"  # four words
    assert reason(rule, words(66) + credit)  # seventy words
    assert not reason(rule, words(67) + credit)
    assert reason(make_rule(CaptionCredit, max_words=71), words(67) + credit)


def test_article_around_a_gallery_keeps_its_paragraphs() -> None:
    page = "\n\n".join(
        [
            PROSE[0],
            f"1 of 2 {_SHOPPER}",
            f"2 of 2 {_SHOPPER}",
            "Image 1 of 2",
            f"{_CAPTION} (AP Photo/Jane Doe)",
            PROSE[1],
            PROSE[2],
        ]
    )
    out = Cleaner().clean(page, kind="text")
    assert out == "\n\n".join([PROSE[0], PROSE[1], PROSE[2]])


# -- a caption with its expand and collapse buttons -----------------------------------

_TOGGLED = (
    "Jane Doe, left, and John Roe shake hands at the harbour in Hanoi on Wednesday. "
    "Doe is on a visit to strengthen relations with the region."
)


def _toggle_pair(stem_words: int) -> tuple[str, str]:
    """The caption with its 'less' button, and its first ``stem_words`` words cut short
    with '... more'."""
    stem = " ".join(_TOGGLED.split()[:stem_words])
    return f"{_TOGGLED} less", f"{stem}... more"


def test_caption_toggle_min_words() -> None:
    full, short = _toggle_pair(6)
    assert removed_lines(make_rule(CaptionToggle), PROSE[0], full, short, PROSE[1]) == [
        full,
        short,
    ]
    # The shortened copy the other way round, before the full one.
    assert removed_lines(make_rule(CaptionToggle), short, full) == [short, full]
    full5, short5 = _toggle_pair(5)
    assert removed_lines(make_rule(CaptionToggle), full5, short5) == []
    assert removed_lines(make_rule(CaptionToggle, min_words=7), full, short) == []


@pytest.mark.parametrize(
    "lines",
    [
        # Not next to each other: a teaser elsewhere on the page.
        (f"{_TOGGLED} less", PROSE[0], _toggle_pair(8)[1]),
        # No ellipsis: a line and its own opening, no button.
        (f"{_TOGGLED} less", " ".join(_TOGGLED.split()[:8]) + " more"),
        # The ellipsis opens another text.
        (PROSE[0], "Jane Doe and the harbour of Hanoi in spring... more"),
    ],
)
def test_no_caption_toggle(lines: tuple[str, ...]) -> None:
    assert removed_lines(make_rule(CaptionToggle), *lines) == []


def test_article_keeps_its_paragraphs_around_a_caption_toggle() -> None:
    full, short = _toggle_pair(12)
    page = "\n\n".join([PROSE[0], full, short, "Photo: Jane Doe, AP", PROSE[1], PROSE[2]])
    out = Cleaner().clean(page, kind="text")
    assert out == "\n\n".join([PROSE[0], PROSE[1], PROSE[2]])


# -- sign-up boxes' small print (notice phrases) ---------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "No spam, we promise. You can unsubscribe at any time.",
        "Sign up for e-mail newsletters",
        "This site is protected by reCAPTCHA Privacy Policy | Terms of Service",
        "Please check the opt-in box to acknowledge that you would like to subscribe.",
        "Sie können den Newsletter jederzeit abbestellen.",
        "Vous pouvez vous désabonner à tout moment.",
    ],
)
def test_sign_up_small_print_is_a_notice(line: str) -> None:
    from cleaner.rules.trailers import Notice

    assert reason(make_rule(Notice), line)


def test_an_article_sentence_on_spam_is_no_notice() -> None:
    from cleaner.rules.trailers import Notice

    assert not reason(make_rule(Notice), "Filters catch no spam at all when the sender is new.")
