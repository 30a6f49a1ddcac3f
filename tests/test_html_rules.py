"""HTML rules: each tree rule and block rule removes what it names, and spares look-alikes.

Every case builds a small article page, puts one piece of markup into it and checks the
explanation: the piece is removed under the rule's own name (positive), or kept
(negative). The article's own paragraphs must survive every case.
"""

from __future__ import annotations

import pytest
from helpers import PROSE

from cleaner import Cleaner, Result
from cleaner.rules.elements import described_positions, name_tokens
from cleaner.rules.html import TREE_RULES

MARK = "Quartermaster wombat lantern"  # the piece under test; no rule knows these words

CLEANER = Cleaner()


def article(*, inside: str = "", before: str = "", after: str = "", outside: str = "") -> str:
    """A page whose article body holds four paragraphs; pieces go around or inside them."""
    paragraphs = [f"<p>{PROSE[0]}</p>", inside, *(f"<p>{p}</p>" for p in PROSE[1:])]
    return (
        "<!doctype html><html><head><title>Clinic program</title></head><body>"
        f"{outside}<div id='page'><div class='content'>"
        "<h1>Council extends the clinic program</h1>"
        f"{before}<div class='entry-content'>{''.join(paragraphs)}</div>{after}"
        "</div></div></body></html>"
    )


def explain(html: str, cleaner: Cleaner = CLEANER) -> Result:
    result = cleaner.explain(html, kind="html")
    for paragraph in PROSE:
        assert paragraph in result.text, "an article paragraph was lost"
    return result


def rule_for(result: Result, needle: str = MARK) -> str | None:
    """The rule that removed the block holding ``needle`` (None: kept)."""
    matches = [b for b in result.blocks if needle in b.text]
    assert matches, f"no block holds {needle!r}"
    return matches[0].rule


# -- tree rules: positive and negative cases -----------------------------------------

POSITIVE = [
    ("hidden_content", f"<div hidden><p>{MARK}</p></div>", "inside"),
    ("hidden_content", f"<p aria-hidden='true'>{MARK}</p>", "inside"),
    ("hidden_content", f"<div style='color: red; display: none'>{MARK}</div>", "inside"),
    ("hidden_content", f"<p><span style='visibility:hidden'>{MARK}</span></p>", "inside"),
    ("hidden_content", f"<noscript>{MARK}</noscript>", "inside"),
    ("screen_reader_markup", f"<p><span class='sr-only'>{MARK}</span></p>", "inside"),
    ("screen_reader_markup", f"<div class='print-header'>{MARK}</div>", "before"),
    ("skip_link", f"<a href='#main-content'>{MARK}</a>", "outside"),
    ("skip_link", f"<div class='skip-links'><a href='#x'>{MARK}</a></div>", "outside"),
    ("page_landmark", f"<nav><a href='/'>{MARK}</a></nav>", "outside"),
    ("page_landmark", f"<aside><p>{MARK}</p></aside>", "after"),
    ("page_landmark", f"<div role='navigation'>{MARK}</div>", "outside"),
    ("page_landmark", f"<div role='contentinfo'>{MARK}</div>", "outside"),
    ("page_header_footer", f"<footer><p>{MARK}</p></footer>", "after"),
    ("page_header_footer", f"<header><p>{MARK}</p></header>", "outside"),
    ("media_player", f"<video src='a.mp4'>{MARK}</video>", "inside"),
    ("media_player", f"<p class='vjs-no-js'>{MARK}</p>", "inside"),
    ("media_player", f"<div class='jwplayer'><p>{MARK}</p></div>", "inside"),
    ("consent_markup", f"<div class='cookie-banner'>{MARK}</div>", "outside"),
    ("overlay_markup", f"<div class='newsletterModal'>{MARK}</div>", "outside"),
    ("comments_markup", f"<div id='comments'><p>{MARK}</p></div>", "after"),
    ("related_markup", f"<ul class='related-posts'><li>{MARK}</li></ul>", "after"),
    ("related_markup", f"<div class='crosssell'><a href='/p'>{MARK}</a></div>", "after"),
    ("related_markup", f"<ul class='frequently-bought-together'><li>{MARK}</li></ul>", "after"),
    ("share_markup", f"<div class='shareBar'>{MARK}</div>", "before"),
    ("share_markup", f"<div class='social'>{MARK}</div>", "after"),
    ("share_markup", f"<div class='social-media-links'>{MARK}</div>", "after"),
    ("ad_markup", f"<div class='ad-slot'>{MARK}</div>", "inside"),
    ("ad_markup", f"<div id='ad'>{MARK}</div>", "inside"),
    ("newsletter_markup", f"<div class='newsletter-signup'>{MARK}</div>", "after"),
    ("navigation_markup", f"<ul class='breadcrumbs'><li>{MARK}</li></ul>", "before"),
    ("navigation_markup", f"<div class='pagination'>{MARK}</div>", "after"),
    # A qualifier after the entry, or in another part of the name, names no other thing.
    ("navigation_markup", f"<div class='navbarWithSearch'>{MARK}</div>", "outside"),
    ("navigation_markup", f"<div class='hasSearch-navbar'>{MARK}</div>", "outside"),
    ("sidebar_markup", f"<div id='sidebar'><p>{MARK}</p></div>", "outside"),
    ("sidebar_markup", f"<div class='widget-area'><p>{MARK}</p></div>", "outside"),
    ("byline_markup", f"<p class='byline'>{MARK}</p>", "before"),
    ("caption_markup", f"<div class='photo-credit'>{MARK}</div>", "inside"),
    ("caption_markup", f"<div class='image top'><img src='a.jpg'><p>{MARK}</p></div>", "before"),
    ("pull_quote_markup", f"<blockquote class='pull-quote'><p>{MARK}</p></blockquote>", "inside"),
    ("pull_quote_markup", f"<div class='pullout'><p>{MARK}</p></div>", "inside"),
]


@pytest.mark.parametrize(("rule", "markup", "where"), POSITIVE)
def test_tree_rule_prunes_its_markup(rule: str, markup: str, where: str) -> None:
    result = explain(article(**{where: markup}))
    assert rule_for(result) == rule
    assert MARK not in result.text


NEGATIVE = [
    # Whole tokens only: these names merely contain a vocabulary word.
    f"<div class='cookie-recipe'><p>{MARK}.</p></div>",
    f"<div class='shadow-box'><p>{MARK}.</p></div>",
    f"<div class='header-intro'><p>{MARK}.</p></div>",
    f"<div class='loaded'><p>{MARK}.</p></div>",
    # A description of the element, not its role.
    f"<div class='tag-share'><p>{MARK}.</p></div>",
    f"<div class='has-comments'><p>{MARK}.</p></div>",
    f"<div class='comments-open'><p>{MARK}.</p></div>",
    # The words after a camelCase qualifier describe the element (Docusaurus headings).
    f"<h2 class='anchor anchorWithStickyNavbar'>{MARK}</h2>",
    f"<div class='contentHasSidebar'><p>{MARK}.</p></div>",
    # A widget the class calls the article's: an embedded post inside the body.
    f"<div class='sdc-article-widget'><blockquote><p>{MARK}.</p></blockquote></div>",
    # A quotation the article makes, not a pull quote.
    f"<blockquote class='quote'><p>{MARK}.</p></blockquote>",
    # An embedded post quoted by the article, not share buttons.
    f"<div class='social-media-embed'><blockquote><p>{MARK}.</p></blockquote></div>",
    # Visible despite hiding-related attributes or look-alike classes.
    f"<p style='color: red'>{MARK}.</p>",
    f"<p aria-hidden='false'>{MARK}.</p>",
    f"<p class='hidden-xs'>{MARK}.</p>",
    f"<dialog open><p>{MARK}.</p></dialog>",
    # In-page links that are not skip links.
    f"<p>See <a href='#section-2'>{MARK}</a> below, where the council lists its costs.</p>",
    # Landmarks that are the content.
    f"<div role='main'><p>{MARK}.</p></div>",
    f"<div role='article'><p>{MARK}.</p></div>",
]


@pytest.mark.parametrize("markup", NEGATIVE)
def test_look_alike_markup_is_kept(markup: str) -> None:
    result = explain(article(inside=markup))
    assert rule_for(result) is None
    assert MARK in result.text


def test_every_tree_rule_has_a_positive_case() -> None:
    # (A rule walking its matches as captions removes nothing itself: figure_caption
    # judges them, tests/test_captions.py.)
    captions = {r.name for r in TREE_RULES if r.walked_as_caption}
    covered = {rule for rule, _, _ in POSITIVE} | {"outside_main_container"} | captions
    assert {r.name for r in TREE_RULES} <= covered


# -- guards against over-pruning -----------------------------------------------------


def test_a_vocabulary_match_on_the_articles_own_box_does_not_prune_it() -> None:
    # Blog themes call the post's box a "widget" too; the prose anchor is inside, so it
    # stays (explain() checks every paragraph) while the real widget goes.
    html = article(after=f"<div class='widget'><p>{MARK} in the side column.</p></div>")
    result = explain(html.replace("class='entry-content'", "class='widget post-body'"))
    assert rule_for(result) == "sidebar_markup"


def test_a_header_holding_the_article_is_kept() -> None:
    html = (
        "<html><body><header class='site'><h1>Title</h1>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + "</header><footer><p>Contact us at the office.</p></footer></body></html>"
    )
    result = explain(html)
    assert rule_for(result, "Contact us") == "page_header_footer"


def test_comments_lose_to_a_shorter_article_outside_them() -> None:
    long_comment = " ".join(PROSE) + " " + " ".join(PROSE)
    html = article(
        after=f"<ol class='comment-list'><li class='comment'><p>{long_comment}</p>"
        f"<p>{MARK} says thanks.</p></li></ol>"
    )
    result = explain(html)
    assert rule_for(result) == "comments_markup"


def test_main_marker_protects_its_ancestors() -> None:
    html = (
        "<html><body><div class='content-sidebar-wrap'><main>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + f"</main><div class='sidebar'><p>{MARK}</p></div></div></body></html>"
    )
    result = explain(html)
    assert rule_for(result) == "sidebar_markup"


# -- the main container --------------------------------------------------------------


def test_blocks_outside_the_main_container_are_removed() -> None:
    teasers = "".join(
        f"<div class='card'><h3>Story {i}</h3><p>{MARK} number {i} is a short teaser.</p></div>"
        for i in range(3)
    )
    result = explain(article(outside=teasers))
    decision = next(b for b in result.blocks if MARK in b.text)
    assert decision.rule == "outside_main_container"
    assert decision.family == "structure"
    assert "main container" in (decision.reason or "")


def test_an_article_marker_is_the_container() -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    html = (
        f"<html><body><div><p>{MARK} is a longish introduction that sits outside the "
        "article element, on its own, and reads like a sentence.</p></div>"
        f"<article>{body}</article></body></html>"
    )
    assert rule_for(explain(html)) == "outside_main_container"


TEAMS = ["England (Group A)", "Spain (Group F)", "Sweden (Group F)", "France (Group H)"]


def test_short_plain_list_items_in_the_article_are_no_menu() -> None:
    items = "".join(f"<li>{team}</li>" for team in TEAMS)
    result = explain(article(inside=f"<ul>{items}</ul>"))
    assert all(team in result.text for team in TEAMS)


def test_teasers_cut_short_do_not_widen_the_container() -> None:
    # A news ticker above the article: linked titles with summaries cut off by "...".
    teasers = "".join(
        f"<li><a href='/s{i}'>{MARK} story {i}</a> <span>The council said on Tuesday that "
        f"the plan would be reviewed next spring by a panel of outside experts and...</span></li>"
        for i in range(8)
    )
    page = (
        "<html><body><div class='main'>"
        f"<div class='ticker'><ul>{teasers}</ul></div>"
        f"<div class='story'>{''.join(f'<p>{p}</p>' for p in PROSE)}</div>"
        "</div></body></html>"
    )
    result = explain(page)
    assert rule_for(result) == "outside_main_container"


def _body_with(box: str, tail: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PROSE[:3])
    return (
        "<html><body><article><h1>Council extends</h1><div class='body'>"
        f"{body}{box}<p>{PROSE[3]}</p></div>{tail}</article></body></html>"
    )


def test_inline_related_box_inside_the_body_does_not_cut_the_article() -> None:
    box = "<p>Related articles</p><h3><a href='/other'>Another story about the clinics</a></h3>"
    result = CLEANER.explain(_body_with(box), kind="html")
    assert PROSE[3] in result.text


def test_section_heading_between_paragraphs_with_ids_does_not_cut_the_article() -> None:
    # Paragraphs carrying ids of their own (generated, one per paragraph) still share
    # one parent: a heading reading like a trailer ('More than ...') between them is a
    # section of the article.
    paras = "".join(f"<p id='p{i}x'>{p}</p>" for i, p in enumerate(PROSE[:3]))
    html = (
        "<html><body><article><h1>Council extends</h1><div class='body'>"
        f"{paras}<h2>More than just the clinics</h2><p id='p9x'>{PROSE[3]}</p>"
        "</div></article></body></html>"
    )
    result = CLEANER.explain(html, kind="html")
    assert PROSE[3] in result.text
    assert "More than just the clinics" in result.text


def test_comments_heading_without_comment_markup_does_not_cut_html() -> None:
    # On HTML the comment section goes by its markup; a bare 'Comments' heading over
    # plain paragraphs (an old blog, a paper's section) cuts only on text input.
    reply = f"{MARK} is what a reader wrote back about the council and its clinics here."
    html = (
        "<html><body><div class='body'>"
        + "".join(f"<p>{p}</p>" for p in PROSE)
        + f"<h3>Comments</h3><p>{reply}</p></div></body></html>"
    )
    result = CLEANER.explain(html, kind="html")
    assert reply in result.text
    as_text = CLEANER.explain("\n\n".join([*PROSE, "Comments", reply]), kind="text")
    assert reply not in as_text.text
    marked = html.replace(f"<p>{reply}</p>", f"<div class='comments'><p>{reply}</p></div>")
    assert reply not in CLEANER.explain(marked, kind="html").text


def test_related_section_after_the_body_is_still_cut() -> None:
    teaser = f"{MARK} is a teaser that sums up another story in a sentence or two here."
    tail = f"<div class='more'><p>Related articles</p><p>{teaser}</p></div>"
    result = CLEANER.explain(_body_with("", tail), kind="html")
    assert rule_for(result) == "trailer_zone"
    assert PROSE[3] in result.text


LONG_RELATED = (
    "{mark} number {i}: the related post runs on at length about other things, with "
    "long sentences that outweigh the short post above it, and then some more words."
)


def _post_with_related(h1: bool) -> str:
    title = "<h1>Council extends</h1>" if h1 else "<h2>Council extends</h2>"
    short = "".join(f"<p>{p[:90].rsplit(' ', 1)[0]}.</p>" for p in PROSE[:2])
    related = "".join(
        f"<article class='post'><h3>Related {i}</h3><p>{LONG_RELATED.format(mark=MARK, i=i)}"
        f" {LONG_RELATED.format(mark='More', i=i)}</p></article>"
        for i in range(3)
    )
    return f"<html><body><article class='post'>{title}{short}</article>{related}</body></html>"


def test_the_article_with_the_h1_is_the_post_not_a_longer_related_one() -> None:
    result = CLEANER.explain(_post_with_related(h1=True), kind="html")
    assert PROSE[0][:40] in result.text
    assert MARK not in result.text
    assert rule_for(result) == "outside_main_container"


def test_without_an_h1_the_longest_article_stays_the_anchor() -> None:
    result = CLEANER.explain(_post_with_related(h1=False), kind="html")
    assert MARK in result.text


def _next_entry_kept(n_links: int) -> bool:
    """A blog's front page: a post ending with 'Related posts:' and ``n_links`` titles of
    posts in a quote, then the next post's title and paragraphs (the page going on)."""
    links = "".join(
        f"<p>Post {i}: what the council decided about the harbour wall and its costs.</p>"
        for i in range(n_links)
    )
    first = "".join(f"<p>{p}</p>" for p in PROSE)
    entry = "<div class='entry'><h3>{}</h3><div class='entry-body'>{}</div></div>"
    next_post = (
        f"<p>{MARK} is how the next post of the blog begins, about the works on the harbour"
        " wall that the council approved last spring.</p><p>The engineers expect to finish"
        " them before the storms of the autumn, if the weather holds until then.</p>"
    )
    box = f"<p>Related posts:</p><blockquote>{links}</blockquote>"
    html = (
        "<html><body>"
        + entry.format("First post", first + box)
        + entry.format("Second post", next_post)
        + "</body></html>"
    )
    return rule_for(explain(html)) is None


def test_trailer_inline_box_max_lines_on_html() -> None:
    # After the box's lines and the next post's title, six lines in all, a paragraph
    # stands where the first post's stood: the page goes on, no cut; after seven, the
    # trailer heading ends the page.
    assert _next_entry_kept(5)
    assert not _next_entry_kept(6)


def test_a_camel_case_qualifier_describes_the_rest_of_its_compound() -> None:
    qualifiers = frozenset({"with", "has", "no"})

    def described(name: str) -> list[int]:
        return sorted(described_positions(name, name_tokens(name), qualifiers))

    assert described("anchorWithStickyNavbar") == [2, 3]
    assert described("stickyNavbarWith") == []  # (nothing after it)
    assert described("hasSearch-navbar") == [1]  # a separator ends its reach
    assert described("has-search-navbar") == []  # ([not_after] alone: the next token)
    assert described("tablet--noRightRail") == [2, 3]
