"""Container defects that adversarial inputs found (issue 14, item 7): each input gives
the article. (The fused-words repro, item 7's last, is in test_html_inline_cut.py.)"""

from __future__ import annotations

import pytest

from cleaner import Cleaner, clean_article


def _p(i: int) -> str:
    return (
        f"<p>Paragraph {i}: the council voted on Tuesday to extend the programme for "
        "another year, officials said.</p>"
    )


def _paragraphs(out: str) -> list[str]:
    return [line for line in out.split("\n\n") if line.startswith("Paragraph")]


ARTICLE = "".join(_p(i) for i in (1, 2, 3))
HIDDEN = (
    "<p>A hidden copy: "
    + "the draft said the plan would be scrapped before the vote on Tuesday. " * 6
    + "</p>"
) * 2


def test_a_notice_before_a_box_inside_the_article_does_not_end_it() -> None:
    notice = "<div><p>We use cookies to give you the best experience on our website.</p></div>"
    box = "<h3>Related articles</h3><ul><li><a href=/a>Other story one</a></li></ul>"
    out = clean_article(f"<div class=story>{ARTICLE}{notice}{box}{_p(4)}{_p(5)}</div>")
    assert _paragraphs(out) == [" ".join(_p(i)[3:-4].split()) for i in range(1, 6)]
    assert "cookies" not in out
    assert "Other story one" not in out


@pytest.mark.parametrize(
    "wrap",
    [
        '<div style="display:none">{}</div>',
        '<div style="visibility: hidden">{}</div>',
        "<div hidden>{}</div>",
        '<div aria-hidden="true">{}</div>',
        "<noscript>{}</noscript>",
        "<template>{}</template>",
        '<section><div hidden><div class="copy">{}</div></div></section>',
    ],
)
@pytest.mark.parametrize("marker", ["article", "main"])
@pytest.mark.parametrize("hidden_first", [True, False])
def test_a_hidden_marker_is_never_the_container(wrap: str, marker: str, hidden_first: bool) -> None:
    hidden = wrap.format(f"<{marker}>{HIDDEN}</{marker}>")
    visible = f"<article>{ARTICLE}</article>"
    page = hidden + visible if hidden_first else visible + hidden
    out = clean_article(f"<body>{page}</body>")
    assert len(_paragraphs(out)) == 3
    assert "hidden copy" not in out


def test_a_visible_article_inside_a_hidden_looking_class_is_still_the_article() -> None:
    # A class name guesses ('modal': an overlay); a snapshot may show the modal's
    # article, with the page behind it aria-hidden.
    behind = '<div aria-hidden="true"><p>Home News Sport Weather</p></div>'
    out = clean_article(f"<body>{behind}<div class=modal><article>{ARTICLE}</article></div></body>")
    assert len(_paragraphs(out)) == 3


@pytest.mark.parametrize(
    "wrap",
    [
        "<div class=desktop>{}</div><div class=mobile>{}</div>",
        "<div><div>{}</div></div><section><div>{}</div></section>",
    ],
)
def test_an_article_repeated_in_a_sibling_comes_out_once(wrap: str) -> None:
    body = "<h2>The vote</h2>" + "".join(_p(i) for i in range(1, 13))
    out = clean_article("<body>" + wrap.format(body, body) + "</body>")
    assert len(_paragraphs(out)) == 12
    assert out.count("The vote") == 1


FOOTER = "<footer><p>© 2024 Example News. All rights reserved.</p></footer>"
STEPS = ["Preheat the oven to 200 degrees", "Mix the flour and sugar in a bowl"]
STEPS += ["Bake for 25 minutes until golden"]


def test_an_article_that_is_only_a_list_is_not_lost_to_the_footer() -> None:
    items = "".join(f"<li>{s}</li>" for s in STEPS)
    out = clean_article(f"<main><ol>{items}</ol></main>{FOOTER}")
    assert out.split("\n\n") == STEPS


def test_an_article_that_is_only_a_table_is_not_lost_to_the_footer() -> None:
    rows = "".join(f"<tr><td>{s}</td></tr>" for s in STEPS)
    out = clean_article(f"<main><table>{rows}</table></main>{FOOTER}")
    assert out.split("\n") == STEPS


def test_the_fallback_explains_itself() -> None:
    # The container is the copyright line, which the notice rule removes: the densest
    # run of text (the steps) is kept; the line before the footer says why it is not.
    items = "".join(f"<li>{s}</li>" for s in STEPS)
    menu = "<div><p>Sign in to save your recipes</p></div><footer><p>Follow us</p></footer>"
    result = Cleaner().explain(f"{menu}<div><ol>{items}</ol></div>{FOOTER}")
    assert result.text.split("\n\n") == STEPS
    rules = [b.rule for b in result.removed]
    assert rules == ["densest_text", "page_header_footer", "notice"]
    assert "outside the densest run of text (blocks 2-4)" in (result.removed[0].reason or "")


@pytest.mark.parametrize(
    "page",
    [
        "<p><a href=/a>abc</a></p><p><a href=/b>def</a></p>",  # links only
        "<h1>Page not found</h1>" + FOOTER,  # no main text
        f"<div hidden>{HIDDEN}</div>{FOOTER}",  # hidden text is not shown
    ],
)
def test_a_page_without_visible_main_text_stays_empty(page: str) -> None:
    assert clean_article(page) == ""
