"""The HTML front-end: blocks, their kinds and text, pruned subtrees, deep nesting."""

from __future__ import annotations

import pytest
from helpers import PROSE

from cleaner import Cleaner, clean_and_explain, clean_article
from cleaner.blocks import BlockKind
from cleaner.config import Config
from cleaner.frontends.html import MAX_NESTING, html_to_blocks, limit_nesting


def blocks_of(html: str):
    return html_to_blocks(html, Cleaner().rules)


def kept(html: str) -> list:
    return [b for b in blocks_of(html) if b.removal is None]


# -- block structure -----------------------------------------------------------------


def test_kinds_of_blocks() -> None:
    html = (
        "<body><article><h2>Section</h2><p>Paragraph one.</p>"
        "<ul><li>first</li><li>second<ol><li>nested</li></ol></li></ul>"
        "<blockquote><p>Quoted words.</p></blockquote>"
        "<figure><img src=x><figcaption>A caption</figcaption></figure>"
        "<pre>  indented\n    code</pre></article></body>"
    )
    by_text = {b.text: b for b in blocks_of(html)}
    assert by_text["Section"].kind is BlockKind.HEADING
    assert by_text["Section"].heading_level == 2
    assert by_text["Paragraph one."].kind is BlockKind.PARAGRAPH
    assert by_text["first"].kind is BlockKind.LIST_ITEM
    assert (by_text["first"].list_depth, by_text["first"].ordered) == (1, False)
    assert (by_text["nested"].list_depth, by_text["nested"].ordered) == (2, True)
    assert by_text["second"].kind is BlockKind.LIST_ITEM
    assert by_text["Quoted words."].kind is BlockKind.QUOTE
    assert by_text["A caption"].kind is BlockKind.CAPTION
    assert by_text["  indented\n    code"].kind is BlockKind.CODE
    assert by_text["Paragraph one."].path == "article > p"


def test_blocks_are_in_page_order_with_indexes() -> None:
    html = "<body><div>One.</div><p>Two.</p><div>Three.<p>Four.</p>Five.</div></body>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == ["One.", "Two.", "Three.", "Four.", "Five."]
    assert [b.index for b in blocks] == list(range(5))


def test_inline_markup_never_splits_words_and_white_space_collapses() -> None:
    html = "<body><p>  <b>W</b>ord  and\n\n   <a href=x>more</a>\twords. </p></body>"
    assert [b.text for b in blocks_of(html)] == ["Word and more words."]


def test_a_single_br_is_a_newline_and_two_end_the_block() -> None:
    html = "<body><p>First line<br>second line<br><br>New paragraph</p></body>"
    assert [b.text for b in blocks_of(html)] == ["First line\nsecond line", "New paragraph"]


def test_data_table_is_one_block_with_rows_and_cells() -> None:
    html = (
        "<body><table><tr><th>City</th><th>Share</th></tr>"
        "<tr><td>Oslo</td><td>12 %</td></tr><tr><td> </td><td></td></tr></table></body>"
    )
    (table,) = html_to_blocks(html, Cleaner().rules, markup=True)
    assert table.kind is BlockKind.TABLE
    assert table.markup.grid == (("City", "Share"), ("Oslo", "12 %"))
    assert table.text == "City\tShare\nOslo\t12 %"


def test_layout_table_is_walked_like_any_container() -> None:
    html = "<body><table><tr><td><div>Left column.</div></td><td><p>Right.</p></td></tr></table>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == ["Left column.", "Right."]
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)


def test_a_table_of_one_cell_is_a_layout_box() -> None:
    # Old pages set the whole article in one cell, paragraphs split by <br>s: no grid of
    # data, a box. Its text is blocks like any container's (and can be the article).
    body = "<br><br>".join(PROSE)
    html = f"<body><table><tr><td>{body}</td></tr></table></body>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == list(PROSE)
    assert all(b.kind is BlockKind.PARAGRAPH for b in blocks)
    assert clean_article("<body><p>Site of the week.</p>" + html[6:], kind="html").startswith(
        PROSE[0]
    )
    # One row of two cells, or two rows of one, are still a grid.
    for grid in (
        "<tr><td>Oslo</td><td>12 %</td></tr>",
        "<tr><td>Oslo</td></tr><tr><td>Rome</td></tr>",
    ):
        (table,) = blocks_of(f"<body><table>{grid}</table></body>")
        assert table.kind is BlockKind.TABLE


def test_link_density_counts_link_text() -> None:
    html = "<body><p><a href=x>Read this</a></p><p>Plain words only here.</p></body>"
    linked, plain = blocks_of(html)
    assert linked.link_density == pytest.approx(1.0)
    assert plain.link_density == 0.0


def test_an_anchor_without_href_is_no_link() -> None:
    # <a name> marks a place; written XHTML-style (<a name="top"/>) it opens an element
    # a browser keeps open around the rest of the page. Its text is not link text.
    html = '<body><a name="top"/><p>Plain words only here.</p><p><a href=x>Read</a></p></body>'
    plain, linked = blocks_of(html)
    assert plain.link_density == 0.0
    assert linked.link_density == pytest.approx(1.0)
    table = "<body><table><tr><td><a name=a>Oslo</a></td><td><a href=x>12</a></td></tr></table>"
    (grid,) = blocks_of(table)
    assert grid.link_density == pytest.approx(2 / len("Oslo\t12"))


def test_code_and_controls_leave_no_text() -> None:
    html = (
        "<body><script>var secret = 1;</script><style>p{}</style><p>Visible.</p>"
        "<button>Click me</button><select><option>Choice</option></select>"
        "<svg><text>Vector</text></svg><template><p>Later</p></template></body>"
    )
    assert [b.text for b in blocks_of(html)] == ["Visible."]


# -- pruned subtrees -----------------------------------------------------------------


def test_a_pruned_subtree_is_one_removed_block_with_its_path() -> None:
    html = (
        "<body><article>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</article>"
        "<div id='bottom'><ul class='menu main'><li><a href=/a>About us</a></li>"
        "<li><a href=/b>Contact</a></li></ul></div></body>"
    )
    result = clean_and_explain(html, kind="html")
    (menu,) = [b for b in result.blocks if "About us" in b.text]
    assert menu.text == "About us Contact"
    assert menu.rule == "navigation_markup"
    assert menu.family == "navigation"
    assert "menu" in (menu.reason or "")
    assert menu.path == "div#bottom > ul.menu.main"
    assert not any("Contact" in b.text for b in result.blocks if b is not menu)


def test_pruned_blocks_are_marked_pruned() -> None:
    html = "<body><nav>Home News</nav><p>Story text that is long enough.</p></body>"
    nav = blocks_of(html)[0]
    assert nav.pruned
    assert nav.removal is not None and nav.removal.rule == "page_landmark"


def test_an_inline_pruned_element_keeps_its_paragraph_whole() -> None:
    html = "<body><p>Before <span class='sr-only'>(opens in new window)</span> after.</p></body>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == ["Before after.", "(opens in new window)"]
    assert blocks[1].removal is not None
    assert blocks[1].removal.rule == "screen_reader_markup"


def test_tree_rules_default_when_none_are_given() -> None:
    assert html_to_blocks("<body><nav>Menu</nav><p>Text.</p></body>")[0].pruned


# -- deep nesting and bad input ------------------------------------------------------


def test_a_hundred_thousand_nested_divs() -> None:
    depth = 100_000
    html = "<body>" + "<div class='x'>" * depth + f"<p>{PROSE[0]}</p>" + "</div>" * depth
    result = clean_and_explain(html, kind="html")
    assert result.text == PROSE[0]


def test_deeply_nested_inline_and_unclosed_elements() -> None:
    depth = 100_000
    assert clean_article("<body>" + "<span>" * depth + "deep words", kind="html") == "deep words"
    assert clean_article("<div>" * depth + "at the bottom", kind="html") == "at the bottom"


def test_limit_nesting_flattens_only_past_the_limit() -> None:
    shallow = "<div>" * 10 + "x" + "</div>" * 10
    assert limit_nesting(shallow, max_depth=5) == shallow  # too few tags to bother
    deep = "<div>" * 5000 + "<p>x</p>" + "</div>" * 5000
    flat = limit_nesting(deep, max_depth=MAX_NESTING)
    assert flat.count("<div>") == MAX_NESTING
    assert flat.count("</div>") == MAX_NESTING
    assert "x" in flat


def test_limit_nesting_keeps_script_text_out_of_the_count() -> None:
    script = "<script>" + "'<div>'+" * 5000 + "''</script>"
    html = "<body>" + script + "<p>text</p></body>"
    assert limit_nesting(html, max_depth=10) == html


@pytest.mark.parametrize(
    "html",
    ["", "   ", "<html></html>", "<body></body>", "<script>only code</script>", "<!-- c -->"],
)
def test_empty_pages_give_empty_results(html: str) -> None:
    result = clean_and_explain(html, kind="html")
    assert result.text == ""


def test_the_same_page_twice_gives_the_same_result() -> None:
    html = "<body><nav>Home</nav>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</body>"
    assert clean_and_explain(html, kind="html") == clean_and_explain(html, kind="html")


# -- a realistic small page, end to end ----------------------------------------------

PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clinic program extended</title>
<style>.x {{ color: red }}</style><script>window.dataLayer = [];</script></head>
<body class="single post-template-default">
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="cookie-banner">We use cookies. <button>Accept</button></div>
<header class="site-header"><a href="/">City Times</a>
  <nav class="main-menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav></header>
<div class="layout">
<main id="main">
  <article class="post has-comments">
    <h1 class="entry-title">Council extends the clinic program</h1>
    <div class="entry-meta"><span class="byline">By Ann Writer</span>
      <time>November 19, 2019</time></div>
    <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
    <div class="entry-content">
      <p>{PROSE[0]}</p>
      <figure><img src="clinic.jpg"><figcaption>The clinic on Main Street.</figcaption></figure>
      <p>{PROSE[1]}</p>
      <div class="video-player"><p>please wait</p><p>No media source currently available</p>
        <p>0:00 0:03:18 0:00</p></div>
      <h2>What comes next</h2>
      <p>{PROSE[2]}</p>
      <div class="ad-container"><p>Advertisement</p></div>
      <p>{PROSE[3]}</p>
    </div>
    <footer class="entry-footer">Tags: <a href="/t/council">council</a></footer>
  </article>
  <section class="related-posts"><h3>Related</h3>
    <ul><li><a href="/a">Another story about the budget and the clinic</a></li></ul></section>
  <div id="comments" class="comments-area"><h3>2 comments</h3>
    <p>Great article, thanks for writing it up so clearly for all of us.</p></div>
</main>
<aside class="sidebar"><h3>Most read</h3><p>Something else entirely happened today.</p></aside>
</div>
<footer class="site-footer"><p>© 2019 City Times. All rights reserved.</p></footer>
</body></html>"""

EXPECTED = "\n\n".join([PROSE[0], PROSE[1], "What comes next", PROSE[2], PROSE[3]])


def test_realistic_page_end_to_end() -> None:
    assert clean_article(PAGE) == EXPECTED  # sniffed as HTML
    assert clean_article(PAGE.encode("utf-8")) == EXPECTED


def test_realistic_page_explains_every_removal() -> None:
    result = clean_and_explain(PAGE, kind="html")

    def rule(start: str) -> str | None:
        (block,) = [b for b in result.blocks if b.text.startswith(start)]
        return block.rule

    assert rule("Skip to content") == "skip_link"
    assert rule("We use cookies.") == "consent_markup"
    assert rule("Council extends the clinic program") in {"headline", "outside_main_container"}
    assert rule("The clinic on Main Street.") in {"figure_caption", "caption_markup"}
    assert rule("Facebook Twitter") == "share_markup"
    assert rule("Advertisement") == "ad_markup"
    assert rule("2 comments") == "comments_markup"
    assert rule("Related") == "related_markup"
    assert rule("Most read") == "sidebar_markup"
    assert rule("© 2019") == "navigation_markup"
    assert all(b.rule and b.family and b.reason for b in result.removed)
    assert result.input_kind == "html"
    assert result.language == "en"


def test_seed_like_media_stub_in_html() -> None:
    # The seed page's players, as HTML: a title line above the stub inside the body.
    stub = (
        "<p>WATCH: Protesters gather in Almaty</p>"
        "<div class='media-block'><p>please wait</p>"
        "<p>No media source currently available</p><p>0:00 0:03:18 0:00</p></div>"
    )
    html = (
        "<body><article>"
        + "".join(f"<p>{p}</p>" for p in PROSE[:2])
        + stub
        + "".join(f"<p>{p}</p>" for p in PROSE[2:])
        + "</article></body>"
    )
    result = clean_and_explain(html, kind="html")
    rules = {b.text: b.rule for b in result.removed}
    assert rules["please wait"] == "media_stub"
    assert rules["No media source currently available"] == "media_stub"
    assert rules["0:00 0:03:18 0:00"] == "player_timeline"
    assert result.text == "\n\n".join(PROSE)


# -- a table of posts: layout, told by its cells' prose ---------------------------------

#: Twelve words ending a sentence: a paragraph of prose by the default bound.
TWELVE = "The chain guard rusted after one winter outside in the wet garden."


def post_table(*cells_a_row: str, rows: int = 2) -> str:
    row = "<tr>" + "".join(f"<td>{c}</td>" for c in cells_a_row) + "</tr>"
    return f"<body><table>{row * rows}</table></body>"


def kinds(html: str, **fields: int) -> set[BlockKind]:
    return {b.kind for b in html_to_blocks(html, config=Config(**fields))}


def test_a_cell_of_prose_paragraphs_beside_a_short_cell_makes_a_layout_table() -> None:
    post = f"{TWELVE}<br><br>{TWELVE}"
    page = post_table("greta_w<br>Joined: 2006", post)
    assert kinds(page) == {BlockKind.PARAGRAPH}
    assert [b.text for b in blocks_of(page)][:3] == ["greta_w\nJoined: 2006", TWELVE, TWELVE]
    # An <hr> parts paragraphs as two <br>s do.
    assert kinds(post_table("greta_w", f"{TWELVE}<hr>{TWELVE}")) == {BlockKind.PARAGRAPH}
    # html_layout_cell_paragraphs: one paragraph is a cell of data.
    assert kinds(post_table("greta_w", TWELVE)) == {BlockKind.TABLE}
    assert kinds(page, html_layout_cell_paragraphs=3) == {BlockKind.TABLE}
    assert kinds(post_table("greta_w", TWELVE), html_layout_cell_paragraphs=1) == {
        BlockKind.PARAGRAPH
    }


def test_a_prose_paragraph_has_min_words_and_ends_a_sentence() -> None:
    eleven = TWELVE.replace("wet ", "")
    short = post_table("greta_w", f"{eleven}<br><br>{eleven}")
    assert kinds(short) == {BlockKind.TABLE}
    assert kinds(short, html_layout_paragraph_min_words=11) == {BlockKind.PARAGRAPH}
    assert kinds(post_table("greta_w", f"{TWELVE}<br><br>{TWELVE}")) == {BlockKind.PARAGRAPH}
    assert kinds(post_table("greta_w", f"{TWELVE}<br><br>{TWELVE[:-1]}")) == {BlockKind.TABLE}
    # A single <br> is a line break inside a paragraph, not a new one.
    assert kinds(post_table("greta_w", f"{TWELVE}<br>{TWELVE}")) == {BlockKind.TABLE}


def test_a_data_table_row_has_a_field_a_column() -> None:
    post = f"{TWELVE}<br><br>{TWELVE}"
    # A logbook: topic, author, text. A row of html_layout_row_max_cells is the most.
    logbook = post_table("RF", "Paul", post)
    assert kinds(logbook) == {BlockKind.TABLE}
    assert kinds(logbook, html_layout_row_max_cells=3) == {BlockKind.PARAGRAPH}
    # An empty spacer cell is no field.
    assert kinds(post_table("&nbsp;", "greta_w", post)) == {BlockKind.PARAGRAPH}
    # Rows of one cell: a box whose title rows stay with its text as one block.
    assert kinds(post_table(post)) == {BlockKind.TABLE}


def test_a_line_of_underscores_starts_a_block() -> None:
    html = f"<body><p>{TWELVE}<br>_________________<br>Slow bikes, long rides.</p></body>"
    assert [b.text for b in blocks_of(html)] == [
        TWELVE,
        "_________________\nSlow bikes, long rides.",
    ]
