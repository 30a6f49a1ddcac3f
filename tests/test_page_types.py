"""Pages that are not news articles: the page-type guess and the main content kept.

The fixtures (``fixtures/pagetype/``, see its README) are pages written by hand for
this project, one kind each, with a gold file saying what a reader would call the
page's main content. The unit tests pin each threshold of ``rules/page_type.py`` from
both sides on small hand-built pages.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from helpers import expected_failures
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner, Result, clean_and_explain, clean_article
from cleaner.rules.page_items import at_least
from cleaner.rules.page_type import PAGE_TYPES, GuessPageType
from cleaner.rules.threads import ThreadChrome

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "pagetype"
NAMES = sorted(p.name.removesuffix(".gold.json") for p in FIXTURES.glob("*.gold.json"))

#: Fixtures below their bar today, and why. Strict: the mark must go when they pass.
BELOW_BAR: dict[str, str] = {
    "forum-tables-era": (
        "user details left in (phpBB's 'postdetails' cells): removing them costs cleaneval "
        "HTML dev -0.0001, whose gold keeps a phpBB thread's user cards"
    ),
    # The second wave (session 12): measured shortfalls, kept as the work list.
    "forum-vbulletin-de": (
        "vBulletin user cells (rank, join date, post count) and the thank-you line are kept, "
        "as phpBB's are (forum-tables-era)"
    ),
    "gallery-photo-essay-es": (
        "the ten captions, the page's only prose, go in the walk: <span class='caption-text'> "
        "(caption_text); and og:type article"
    ),
    "product-shop2010-de": (
        "the table-laid side columns' boxes (Bestseller, cross-sell, manufacturer) and the "
        "visit counter are kept"
    ),
    "service-agency-fr": (
        "the hero's <h1> goes as the page headline (headline); the client-logo strip's line "
        "and the contact band's heading are kept"
    ),
    # The held-out batch (session 14, gold field "group": "heldout-s14"): written after
    # the rules were tuned and measured before any change; the shortfalls are the work list.
    "s14-docs-hugo-es": (
        "the Docsy note alert (role='alert') is dropped; the feedback widget's thank-you line "
        "is kept"
    ),
    "s14-forum-phpbb3-it": "the edit notice and phpBB's 'who is online' box are kept",
    "s14-listing-agenda-fr": "the event titles (heading links over each description) go",
    "s14-listing-directory2005-en": "the sort line and the page-number line are kept",
    "s14-product-magento-de": (
        "the review-form notice, the upsell heading, the quantity label and stock line are kept"
    ),
    "s14-product-shopify-nl": "the quantity label is kept",
    "s14-product-woocommerce-pt": "the short description above the cart form goes",
    "s14-profile-react-en": "the project cards' titles (heading inside the card link) go",
    "s14-qa-stackexchange-en": "'You must log in to answer this question.' is kept",
    "s14-recipe-wordpress-it": "the recipe card's Instagram call to action is kept",
}
#: Fixtures whose kind is not guessed right today, and why. Strict.
TYPE_MISSES: dict[str, str] = {
    "docs-javadoc-en": (
        "guessed unknown: one <pre> (min_code_blocks 2); Javadoc sets its member signatures "
        "in <div class='member-signature'>, no code block"
    ),
    "docs-sphinx-en": "the Article microdata it declares is read before the code blocks",
    "gallery-photo-essay-es": "og:type article is read before the ten captioned figures",
    "product-shop2010-de": "guessed unknown (cause not traced yet)",
    "service-clinic-en": "a price table of sessions reads as a product's price and specs",
    "s14-docs-hugo-es": "guessed article: its og:type article (cause not traced further)",
    "s14-help-center-ru": "guessed unknown (cause not traced yet)",
    "s14-listing-agenda-fr": "guessed forum (cause not traced yet)",
    "s14-listing-directory2005-en": "guessed unknown (cause not traced yet)",
    "s14-wiki-mediawiki-fr": "guessed unknown",
}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@cache
def _page(name: str) -> tuple[str, dict[str, Any]]:
    gold = json.loads((FIXTURES / f"{name}.gold.json").read_text(encoding="utf-8"))
    return (FIXTURES / gold["source"]).read_text(encoding="utf-8"), gold


@cache
def _cleaned(name: str) -> Result:
    return clean_and_explain(_page(name)[0])


def _visible(raw: str) -> str:
    tree = LexborHTMLParser(raw)
    for node in tree.css("script, style, head"):
        node.decompose()
    body = tree.body
    # Inline elements get a space on each side: none before punctuation.
    return _squash(body.text(separator=" ") if body is not None else "")


def _squash(text: str) -> str:
    """``text`` normalised with no space before punctuation (a French '!' has one)."""
    return re.sub(r" (?=[,.;:!?)])", "", norm(text))


def _failures(name: str) -> list[str]:
    gold = _page(name)[1]
    result = _cleaned(name)
    out = norm(result.text)
    lines = {norm(line) for line in result.text.split("\n") if line.strip()}
    problems = []
    keep = [norm(k) for k in gold["must_keep"]]
    kept = [k for k in keep if out.count(k) == 1]
    if len(kept) < gold["bar"]["min_must_keep_share"] * len(keep):
        problems += [f"not kept once: {k[:80]}" for k in keep if k not in kept]
    positions = [out.find(k) for k in kept]
    if positions != sorted(positions):
        problems.append("kept content out of order")
    left = [norm(r) for r in gold["must_remove"] if norm(r) in out]
    left += [norm(r) for r in gold.get("must_remove_lines", []) if norm(r) in lines]
    if len(left) > gold["bar"]["max_must_remove_left"]:
        problems += [f"left in: {r[:80]}" for r in left]
    return problems


def test_every_kind_has_fixtures() -> None:
    kinds = {k for n in NAMES for k in _kinds(_page(n)[1])}
    assert kinds >= set(PAGE_TYPES) - {"article", "unknown"}
    for kind in ("forum", "product", "documentation", "listing", "gallery", "service"):
        assert sum(_kinds(_page(n)[1])[0] == kind for n in NAMES) >= 2, kind


def _kinds(gold: dict[str, Any]) -> list[str]:
    kind = gold["page_type"]
    return [kind] if isinstance(kind, str) else list(kind)


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_well_formed(name: str) -> None:
    raw, gold = _page(name)
    visible = _visible(raw)
    assert set(_kinds(gold)) <= set(PAGE_TYPES)
    assert {"min_must_keep_share", "max_must_remove_left", "why"} <= set(gold["bar"])
    for key in ("must_keep", "must_remove", "must_remove_lines", "optional"):
        for line in gold.get(key, []):
            assert _squash(line) in visible, f"{key}: {line[:80]}"
    keep = [norm(k) for k in gold["must_keep"]]
    assert len(set(keep)) == len(keep)
    at = 0
    for k in map(_squash, keep):  # in the page's order (a title may come earlier in a menu too)
        at = visible.find(k, at)
        assert at >= 0, f"must_keep out of the page's order: {k[:80]}"


@pytest.mark.parametrize("name", NAMES)
def test_text_dump_is_the_pages_visible_text(name: str) -> None:
    """Each page's innerText dump (``text/``, ``benchmarks/innertext.py``) holds every
    must_keep piece but those a browser hides: the body of a closed ``<details>``."""
    raw, gold = _page(name)
    dump = FIXTURES / "text" / f"{Path(gold['source']).stem}.txt"
    text = norm(dump.read_text(encoding="utf-8"))
    tree = LexborHTMLParser(raw)
    for summary in tree.css("details summary"):
        summary.decompose()
    closed = " ".join(norm(d.text(separator=" ")) for d in tree.css("details:not([open])"))
    missing = [k for k in map(norm, gold["must_keep"]) if k not in text]
    assert all(_squash(k) in _squash(closed) for k in missing), missing[:3]
    assert len(missing) < len(gold["must_keep"]) / 2


@pytest.mark.parametrize(
    "name",
    expected_failures(NAMES, TYPE_MISSES),
)
def test_page_type_guess(name: str) -> None:
    assert _cleaned(name).page_type in _kinds(_page(name)[1])


@pytest.mark.parametrize(
    "name",
    expected_failures(NAMES, BELOW_BAR),
)
def test_fixture_keeps_the_main_content(name: str) -> None:
    assert _failures(name) == []


def test_page_type_in_result_and_json() -> None:
    raw, _ = _page("listing-cards")
    doc = json.loads(clean_article(raw, output="json"))
    assert doc["page_type"] == "listing"
    assert clean_and_explain(raw).as_dict()["page_type"] == "listing"
    # Text input: the kind is not guessed.
    assert clean_and_explain("One line of text.\n\nAnother line.").page_type is None
    assert json.loads(clean_article("One line.", output="json"))["page_type"] is None


# -- the guess, threshold by threshold, on small pages ----------------------------------


def guess(html: str, **params: Any) -> str | None:
    cleaner = Cleaner(rule_params={GuessPageType.name: params}) if params else Cleaner()
    return cleaner.explain(html).page_type


TEASER = "A short teaser sentence that tells the reader what the story is about."


def card(n: int, teaser: str = TEASER) -> str:
    return f'<div class="card"><h3><a href="/s/{n}">Story number {n}</a></h3><p>{teaser}</p></div>'


def listing(n: int, teaser: str = TEASER) -> str:
    cards = "".join(card(i, teaser) for i in range(n))
    return f"<html><body><nav><a href='/'>Home</a></nav><main>{cards}</main></body></html>"


def test_listing_needs_min_items() -> None:
    assert guess(listing(3)) == "listing"
    assert guess(listing(2)) != "listing"
    assert guess(listing(2), min_items=2) == "listing"


def test_listing_teaser_needs_min_words() -> None:
    eight = "One two three four five six seven eight."
    assert guess(listing(4, eight)) == "listing"
    assert guess(listing(4, "One two three four five six seven.")) != "listing"
    assert guess(listing(4, eight), teaser_min_words=9) != "listing"


def test_listing_items_hold_most_of_the_page() -> None:
    prose = "<p>" + "The council met again on Tuesday to discuss the budget at length. " * 12
    page = listing(3).replace("<main>", "<main><article>" + prose + "</p></article>")
    assert guess(page) != "listing"
    assert guess(page, items_min_share=0.2) == "listing"


def front(rows: int, prose: int = 0) -> str:
    """A section front: ``rows`` groups of three teaser cards (one group per <ul>), each
    too small a share of the page for a listing alone, and ``prose`` sentences of an
    article above them."""
    lists = "".join(
        "<ul>" + "".join(f"<li>{card(3 * r + i)}</li>" for i in range(3)) + "</ul>"
        for r in range(rows)
    )
    text = "<article><p>" + "A sentence of the lead story's long text. " * prose + "</p></article>"
    return f"<html><body><nav><a href='/'>Home</a></nav><main>{text}{lists}</main></body></html>"


def test_listing_of_several_rows() -> None:
    # Two rows of cards, each a third of the page's text: a listing together.
    assert guess(front(2, prose=8)) == "listing"
    assert guess(front(2, prose=8), min_rows=3) != "listing"
    assert guess(front(3, prose=8), min_rows=3) == "listing"
    # The rows together still hold items_min_share of the text: a long article is none.
    assert guess(front(2, prose=30)) != "listing"
    # The lead story's title and every card's title stay on the front.
    text = clean_article(front(2, prose=8))
    assert all(f"Story number {n}" in text for n in range(6))


def post(n: int, words: int = 30, author: bool = True) -> str:
    meta = f'<div class="meta"><time datetime="2024-01-0{n}">Jan {n}</time></div>' if author else ""
    text = " ".join(["word"] * (words - 1)) + " end."
    return f'<article class="post">{meta}<p>Post {n} says this: {text}</p></article>'


def thread(*posts: str) -> str:
    return f"<html><body><h1>A question</h1><div class='posts'>{''.join(posts)}</div></body></html>"


def test_thread_needs_min_posts_with_authors() -> None:
    assert guess(thread(post(1), post(2))) == "forum"
    assert guess(thread(post(1), post(2)), min_posts=3) != "forum"
    assert guess(thread(post(1, author=False), post(2, author=False))) != "forum"


def test_thread_authors_by_class_name_or_id() -> None:
    def by(meta: str) -> str:
        return thread(*(post(n, author=False).replace("<p>", meta + "<p>") for n in (1, 2)))

    # Tokens of camelCase, upper-case and capitalised names, on inline elements too.
    for meta in ('<span class="x postAuthor">A</span>', '<b id="USERNAME">A</b>'):
        assert guess(by(meta)) == "forum"
    assert guess(by('<div class="Member-card">A</div>')) == "forum"
    # vBulletin's user name link, in every post of its threads.
    assert guess(by('<a class="bigusername" href="/member.php?u=1">A</a>')) == "forum"
    # A word holding a token's letters is no token.
    for meta in ('<span class="authority">A</span>', '<b id="Users">A</b>'):
        assert guess(by(meta)) != "forum"
    # The author named by itemprop or rel, or a <time>, deep inside the post.
    for meta in ('<span itemprop="author">A</span>', '<i><a rel="author" href="/a">A</a></i>'):
        assert guess(by(meta)) == "forum"
    assert guess(by("<span><time>Jan 1</time></span>")) == "forum"
    for meta in ('<span itemprop="authorship">A</span>', '<a rel="nofollow" href="/a">A</a>'):
        assert guess(by(meta)) != "forum"


def test_thread_no_post_dominates() -> None:
    # One long post and a short reply: an article with a comment, no thread.
    long_one = thread(post(1, words=200), post(2, words=30))
    assert guess(long_one) != "forum"
    assert guess(long_one, max_post_share=0.95) == "forum"


def test_thread_keeps_every_post() -> None:
    # Each post its own <article>: the container is all of them, not the longest one.
    text = clean_article(thread(post(1, 40), post(2, 60), post(3, 30)))
    assert all(f"Post {n} says this" in text for n in (1, 2, 3))


def test_declared_types() -> None:
    body = "<body><p>" + "Some plain words of text in a sentence here. " * 3 + "</p></body>"

    def page(head: str) -> str:
        return f"<html><head>{head}</head>{body}</html>"

    def ld(data: object) -> str:
        return f'<script type="application/ld+json">{json.dumps(data)}</script>'

    assert guess(page(ld({"@type": "Product", "name": "A kettle"}))) == "product"
    assert guess(page(ld({"@graph": [{"@type": "WebPage"}, {"@type": "QAPage"}]}))) == "forum"
    # Nested objects are no claim about the page: a review's item is not the page.
    review = {"@type": "Review", "itemReviewed": {"@type": "Product", "name": "A kettle"}}
    assert guess(page(ld(review))) != "product"
    assert guess(page('<meta property="og:type" content="product">')) == "product"
    assert guess(page(ld({"@type": ["NewsArticle"]}))) == "article"
    assert guess(page(ld({"@type": "NewsArticle"}) + ld({"@type": "ImageGallery"}))) == "gallery"
    micro = body.replace("<body>", '<body itemscope itemtype="https://schema.org/TechArticle">')
    assert guess(f"<html>{micro}</html>") == "documentation"
    assert guess(page('<script type="application/ld+json">{not json</script>')) != "product"


def code_page(blocks: int, lines: int = 3) -> str:
    pre = "<pre><code>" + "\n".join(f"x = call({i})" for i in range(lines)) + "</code></pre>"
    intro = "<p>" + "How to call the function from your own program safely. " * 3 + "</p>"
    return f"<html><body><main>{intro}{pre * blocks}</main></body></html>"


def test_documentation_needs_code_blocks() -> None:
    assert guess(code_page(2)) == "documentation"
    assert guess(code_page(1)) != "documentation"
    assert guess(code_page(2), min_code_blocks=3) != "documentation"
    assert guess(code_page(2, lines=1), code_min_share=0.5) != "documentation"


def gallery(n: int) -> str:
    figures = "".join(
        f'<figure><img src="/{i}.jpg" alt=""><figcaption>Picture {i} shows the harbour at '
        "dawn with the ferry coming in.</figcaption></figure>"
        for i in range(n)
    )
    return f"<html><body><main><p>Our pictures of the week.</p>{figures}</main></body></html>"


def test_gallery_needs_min_captions() -> None:
    assert guess(gallery(3)) == "gallery"
    assert guess(gallery(2)) != "gallery"
    assert guess(gallery(3), min_captions=4) != "gallery"
    assert guess(gallery(3), captions_min_share=0.99) != "gallery"
    # On a gallery the captions are the text.
    assert "Picture 2 shows the harbour" in clean_article(gallery(3))


def test_gallery_declared_as_an_article() -> None:
    # A photo essay declaring og:type article: its captions, most of its text, make a
    # gallery still, and stay (a strip of three figures' captions otherwise goes).
    essay = (
        gallery(3)
        .replace("<head>", "")
        .replace("<html>", '<html><head><meta property="og:type" content="article"></head>')
    )
    assert guess(essay) == "gallery"
    assert "Picture 2 shows the harbour" in clean_article(essay)
    assert guess(essay, captions_min_share=0.99) == "article"
    # An article with a strip of captioned figures under long prose stays an article.
    prose = "<p>" + "The harbour board met on Monday to discuss the ferry timetable. " * 12
    story = essay.replace("<main>", "<main>" + prose + "</p>")
    assert guess(story) == "article"
    assert "Picture 2 shows the harbour" not in clean_article(story)


def test_product_needs_a_price_and_specifications() -> None:
    rows = "".join(f"<tr><th>Size {i}</th><td>{i} cm</td></tr>" for i in range(3))
    page = (
        "<html><body><main><h1>A kettle</h1><div>39.90 EUR</div>"
        "<p>A kettle for every hob, in brushed steel.</p>"
        f"<table>{rows}</table></main></body></html>"
    )
    assert guess(page) == "product"
    assert guess(page.replace("39.90 EUR", "Ask us")) != "product"
    assert guess(page, spec_min_rows=4) != "product"
    assert guess(page, price_max_words=1) != "product"


def test_service_sections_and_article_length() -> None:
    box = "<h2>Section {0}</h2><p>We do the work {0} quickly and tidily for you.</p>"
    page = "<html><body>" + "".join(box.format(i) for i in range(3)) + "</body></html>"
    assert guess(page) == "service"
    assert guess(page, min_sections=4) != "service"
    long_page = page.replace("</body>", "<p>" + "A long sentence of prose. " * 20 + "</p></body>")
    assert guess(long_page) == "article"
    assert guess(long_page, article_min_chars=1000, section_max_chars=1000) == "service"
    assert guess("<html><body><div>Hello</div></body></html>") == "unknown"


# -- the chrome around a thread's posts ------------------------------------------------


def chrome_thread(extra: str, *, author: bool = True) -> str:
    posts = [post(1), post(2)]
    if not author:
        posts = [post(1, author=False), post(2, author=False)]
    posts[1] = posts[1].replace("</article>", extra + "</article>")
    return thread(*posts)


def test_thread_chrome_goes_on_threads_only() -> None:
    sig = '<div class="signature">Baking every Sunday since the year two thousand.</div>'
    result = clean_and_explain(chrome_thread(sig))
    assert result.page_type == "forum"
    (decision,) = result.why("Baking every Sunday")
    assert decision.rule == ThreadChrome.name and "signature" in (decision.reason or "")
    # Not a thread: "signature" may be the end of an open letter.
    letter = "<p>" + "We the undersigned ask the council to keep the library open. " * 4
    page = f"<html><body><article>{letter}</p>{sig}</article></body></html>"
    assert clean_and_explain(page).page_type != "forum"
    assert "Baking every Sunday" in clean_article(page)


def test_thread_chrome_looks_up_levels_elements() -> None:
    said = "Sixty one readers said this answer helped them."
    vote = f'<div class="votecell"><div class="box"><div class="count">{said}</div></div></div>'
    page = chrome_thread(vote)
    assert said not in clean_article(page)
    two = Cleaner(rule_params={ThreadChrome.name: {"levels": 2}})
    assert said in two.clean(page)


def test_thread_chrome_inline_names_only_short_blocks() -> None:
    meta = '<div class="who">millstone <span class="user-badge">Regular</span> Feb 11</div>'
    page = chrome_thread(meta)
    assert "millstone" not in clean_article(page)
    short = Cleaner(rule_params={ThreadChrome.name: {"inline_max_words": 3}})
    assert "millstone Regular Feb 11" in short.clean(page)


def test_thread_signature_after_a_drawn_rule() -> None:
    sig = "<p>Last words of the post.<br>_________________<br>Slow bikes, long rides.</p>"
    page = chrome_thread(sig)
    (decision,) = clean_and_explain(page).why("Slow bikes")
    assert decision.rule == ThreadChrome.name and "drawn rule" in (decision.reason or "")
    assert "Last words of the post." in clean_article(page)
    # signature_max_words: a longer text after the rule is the post's own.
    four = Cleaner(rule_params={ThreadChrome.name: {"signature_max_words": 4}})
    assert "Slow bikes" not in four.clean(page)
    three = Cleaner(rule_params={ThreadChrome.name: {"signature_max_words": 3}})
    assert "Slow bikes, long rides." in three.clean(page)
    # Not a thread: a line of underscores is only a line.
    letter = "<p>" + "We the undersigned ask the council to keep the library open. " * 4
    other = f"<html><body><article>{letter}</p>{sig}</article></body></html>"
    assert "Slow bikes, long rides." in clean_article(other)


@given(signs=st.lists(st.booleans(), max_size=12), need=st.floats(0, 13) | st.integers(0, 13))
def test_items_are_counted_only_until_the_answer_is_known(signs: list[bool], need: float) -> None:
    read: list[int] = []

    def sign(n: int) -> bool:
        read.append(n)
        return signs[n]

    items = list(range(len(signs)))
    assert at_least(items, sign, need) == (sum(signs) >= need)
    # It stops once enough show the sign, or too few are left to.
    shown = [sum(signs[:k]) for k in range(len(signs) + 1)]
    known = next(k for k, n in enumerate(shown) if n >= need or n + len(signs) - k < need)
    assert read == items[:known]
