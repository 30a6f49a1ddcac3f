"""The main run over a thread's author cells, on the text path (``rules/post_gaps.py``):
a gap past the run like the cells between its own posts leads to the thread's next post.
Hand-built blocks; every parameter pinned from both sides."""

from __future__ import annotations

from pathlib import Path

from helpers import make_doc, make_rule

from cleaner import clean_article
from cleaner.blocks import Block, Removal
from cleaner.rules.post_gaps import cell_shape
from cleaner.rules.quality import MainContentRun

POST_A = (
    "My rye starter is about three weeks old and it doubles nicely for the first few hours "
    "after I feed it, but by the evening it has collapsed into a grey soup with liquid on top."
)
POST_A2 = (
    "I feed it one part starter, one part flour and one part water twice a day and keep it "
    "on the kitchen counter, so I wonder whether it is dying or whether this is normal."
)
POST_B = (
    "That is a hungry starter and not a dying one, because the liquid shows up when the "
    "yeast has eaten everything you gave it and your kitchen is warmer than you think."
)
POST_B2 = (
    "Try one part starter to five parts flour and five parts water, since the bigger feed "
    "takes longer to peak and the starter will not be starving by the evening any more."
)
#: The thread's last post: one paragraph, too short to pay for the cell before it.
POST_C = "The bigger feed did it and the loaf had proper holes for the first time, thanks."


def _cell(name: str, day: int) -> list[str]:
    return ["Like", "Report", name, "Member", "Joined", f"Feb {day}, 2023", "Messages"]


def _thread(last_cell: list[str]) -> list[str]:
    return [POST_A, POST_A2, *_cell("pipkin", 2), POST_B, POST_B2, *last_cell, POST_C]


def _kept(items: list[str | Block], **params: object) -> list[str]:
    doc = make_doc(*items)
    make_rule(MainContentRun, **params).apply(doc)
    return [b.text for b in doc.blocks if b.removal is None]


def test_the_run_takes_the_post_past_a_cell_like_its_own() -> None:
    page = _thread(_cell("crust", 9))
    assert _kept(page) == page
    # Without the step, the run stops at the cell.
    assert _kept(page, post_gap_min_repeats=0)[-1] == POST_B2


def test_a_box_unlike_the_run_cells_stays_out() -> None:
    box = ["Similar threads", "Rye starter smells", "Feeding a starter", "Latest posts"]
    assert _kept(_thread(box))[-1] == POST_B2


def test_a_trailer_between_ends_the_thread() -> None:
    cell: list[str | Block] = list(_cell("crust", 9))
    heading = Block(0, "Comments")
    heading.removal = Removal("comments_heading", "trailers", "a trailer heading")
    items = [*_thread([])[:-1], *cell[:3], heading, *cell[3:], POST_C]
    assert _kept(items)[-1] == POST_B2


def test_post_gap_min_repeats() -> None:
    # Two lines of the last cell repeat the run's ('Like', 'Report'), of three.
    page = _thread(["Like", "Report", "crust"])
    assert _kept(page, post_gap_min_repeats=2)[-1] == POST_C
    assert _kept(page, post_gap_min_repeats=3)[-1] == POST_B2


def test_post_gap_repeat_share() -> None:
    # Three of the seven lines repeat the run's cell ('Like', 'Report', 'Joined'): 0.43.
    page = _thread(["Like", "Report", "Joined", "crust", "Guru", "Old hand", "Baker"])
    assert _kept(page, post_gap_repeat_share=0.42)[-1] == POST_C
    assert _kept(page, post_gap_repeat_share=0.43)[-1] == POST_B2


def test_post_gap_max_lines() -> None:
    page = _thread(_cell("crust", 9))  # a gap of seven lines
    assert _kept(page, post_gap_max_lines=7)[-1] == POST_C
    assert _kept(page, post_gap_max_lines=6)[-1] == POST_B2


def test_numbers_are_blanked() -> None:
    # The date differs from the run's ('Feb 2, 2023'): the same line with its digits blanked.
    page = _thread(["crust", "Guru", "Feb 9, 2023", "Like"])
    assert _kept(page, post_gap_repeat_share=0.5)[-1] == POST_C
    page = _thread(["crust", "Guru", "February, 2023", "Like"])
    assert _kept(page, post_gap_repeat_share=0.5)[-1] == POST_B2


def test_forum_fixture_keeps_its_last_post() -> None:
    root = Path(__file__).resolve().parents[1] / "fixtures" / "pagetype" / "text"
    text = clean_article((root / "forum-xenforo-en.txt").read_text(encoding="utf-8"), kind="text")
    assert "The 1:5:5 feed did it." in text
    assert "Similar threads" not in text


def test_a_cells_fields_match_by_label() -> None:
    # 'Posts: 6.412' and 'Location: Kassel' print the same fields as the run's cell.
    run_cell = ["Location: Leeds", "Posts: 3", "Quote"]
    page = [POST_A, POST_A2, *run_cell, POST_B, POST_B2, "Location: Kassel", "Posts: 6.412", POST_C]
    assert _kept(page)[-1] == POST_C
    # A line that only opens like a field's value does not match.
    page = [POST_A, POST_A2, *run_cell, POST_B, POST_B2, "Leeds", "3 posts", POST_C]
    assert _kept(page)[-1] == POST_B2


def test_post_shape() -> None:
    assert cell_shape("14.02.2009, 19:42\t#3") == cell_shape("21.02.2009, 17:26\t#4")
    assert cell_shape("Ort: Kassel") == cell_shape("Ort: Bielefeld") == "Ort:"
    assert cell_shape("Messages 2,418") == cell_shape("Messages 6")
    assert cell_shape("Report") != cell_shape("Reply")
