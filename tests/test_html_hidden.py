"""Hidden means hidden everywhere: inside data tables, ``<pre>``, lists and captions as
inside paragraphs; frames' raw fallbacks never become text; declarative shadow roots
are read as browsers render them (issue 17, item 4)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, clean_article
from cleaner.blocks import BlockKind
from cleaner.frontends.html import html_to_blocks

SECRET = "SECRETWORD"
#: Markup that hides its text, and markup whose text the walk skips (``{}``: the text).
HIDERS = {
    "display:none": '<span style="display:none">{}</span>',
    "visibility:hidden": '<span style="visibility: hidden">{}</span>',
    "hidden attribute": "<span hidden>{}</span>",
    "aria-hidden": '<span aria-hidden="true">{}</span>',
    "sr-only": '<span class="sr-only">{}</span>',
    "visually-hidden": '<span class="visually-hidden">{}</span>',
    "button": "<button>{}</button>",
    "textarea": "<textarea>{}</textarea>",
    "noscript": "<noscript>{}</noscript>",
    "select": "<select><option>{}</option></select>",
}
#: Where the hidden markup sits: each holds visible words around the ``{}``.
CONTAINERS = {
    "paragraph": "<p>Visible before {} visible after.</p>",
    "data table cell": (
        "<table><tr><th>Head one</th><th>Head two</th></tr>"
        "<tr><td>Visible before {} visible after.</td><td>Other cell</td></tr></table>"
    ),
    "layout table cell": (
        "<table><tr><td><div>Visible before {} visible after.</div></td></tr></table>"
    ),
    "definition": "<dl><dt>Term</dt><dd>Visible before {} visible after.</dd></dl>",
    "heading": "<h2>Visible before {} visible after.</h2>",
    "pre": "<pre>Visible before {} visible after.\n  second line</pre>",
    "list item": "<ul><li>Visible before {} visible after.</li><li>Item two</li></ul>",
    "figure caption": (
        "<figure><img src=a.png><figcaption>Visible before {} visible after.</figcaption></figure>"
    ),
    "quote": "<blockquote>Visible before {} visible after.</blockquote>",
}


def blocks_of(html: str, *, markup: bool = False) -> list:
    return html_to_blocks(f"<body>{html}</body>", Cleaner().rules, markup=markup)


def kept_text(html: str) -> str:
    return "\n".join(b.text for b in blocks_of(html) if b.removal is None)


@pytest.mark.parametrize("where", sorted(CONTAINERS))
@pytest.mark.parametrize("how", sorted(HIDERS))
def test_hidden_text_is_left_out_wherever_it_sits(where: str, how: str) -> None:
    html = CONTAINERS[where].format(HIDERS[how].format(SECRET))
    text = kept_text(html)
    assert SECRET not in text
    # The visible words around it stay, in order. (A <noscript> is a block of its own
    # in the walk: the words around it are two blocks; a <pre> keeps its spaces.)
    assert "Visible before visible after." in " ".join(text.split())


@pytest.mark.parametrize("where", sorted(CONTAINERS))
def test_visible_markup_keeps_its_text(where: str) -> None:
    html = CONTAINERS[where].format(f'<span class="note">{SECRET}</span>')
    assert f"Visible before {SECRET} visible after." in kept_text(html)


def test_pre_loses_the_hidden_part_only() -> None:
    (block, hidden) = blocks_of(CONTAINERS["pre"].format(HIDERS["sr-only"].format(SECRET)))
    assert block.text == "Visible before  visible after.\n  second line"
    assert hidden.text == SECRET


def test_table_without_hidden_parts_is_unchanged() -> None:
    html = (
        "<table><tr><th>City</th><th>Share</th></tr>"
        '<tr><td class="player">Oslo <a href="#x">note</a></td><td id="c2">12 %</td></tr></table>'
    )
    (table,) = blocks_of(html)
    assert table.kind is BlockKind.TABLE
    # A class naming something a vocabulary knows ('player') is data inside a table.
    assert table.text == "City\tShare\nOslo note\t12 %"


def test_hidden_part_of_a_table_is_a_removed_block_after_it() -> None:
    html = (
        "<table><tr><td>Price<span class=visually-hidden> in euros</span>: 12</td>"
        "<td>Two</td></tr></table>"
    )
    table, hidden = blocks_of(html)
    # The text runs on both sides join as a browser shows them, with no space added.
    assert table.text == "Price: 12\tTwo"
    assert hidden.pruned
    assert hidden.text == "in euros"
    assert hidden.removal.rule == "screen_reader_markup"


def test_hidden_part_of_a_table_is_out_of_its_markdown_grid() -> None:
    html = (
        "<table><tr><th>A</th><th>B</th></tr>"
        f"<tr><td>one <span hidden>{SECRET}</span></td><td>two</td></tr></table>"
    )
    table = blocks_of(html, markup=True)[0]
    assert table.markup.grid == (("A", "B"), ("one", "two"))
    markdown = clean_article(
        "<html><body><article><p>"
        + "Words of the article. " * 20
        + "</p>"
        + html
        + "</article></body></html>",
        output="markdown",
    )
    assert "| one | two |" in markdown
    assert SECRET not in markdown


def test_pre_keeps_its_lines_without_the_hidden_parts() -> None:
    html = (
        "<pre>def f():\n    return 1<span class=sr-only>Copy code</span>\n"
        "<button>Copy</button>    pass</pre>"
    )
    blocks = blocks_of(html)
    assert blocks[0].kind is BlockKind.CODE
    assert blocks[0].text == "def f():\n    return 1\n    pass"
    assert [b.text for b in blocks[1:]] == ["Copy code"]
    assert all(b.pruned for b in blocks[1:])


def test_visible_spans_in_pre_are_untouched() -> None:
    html = '<pre><span class="k">def</span> <span class="nf">f</span>():\n  pass</pre>'
    (block,) = blocks_of(html)
    assert block.text == "def f():\n  pass"


def test_hidden_element_holding_hidden_elements_is_one_removed_block() -> None:
    html = (
        '<table><tr><td>kept <span style="display:none">outer <b hidden>inner</b></span>'
        "</td><td>b</td></tr></table>"
    )
    table, hidden = blocks_of(html)
    assert table.text == "kept\tb"
    assert hidden.text == "outer inner"


@pytest.mark.parametrize("tag", ["iframe", "noframes", "noembed"])
def test_raw_fallback_content_never_becomes_text(tag: str) -> None:
    html = f"<p>Before.</p><{tag}><p>{SECRET}</p></{tag}><p>After.</p>"
    blocks = blocks_of(html)
    assert [b.text for b in blocks] == ["Before.", "After."]
    assert all("<p>" not in b.text for b in blocks)


def test_raw_fallback_content_never_reaches_a_removed_block() -> None:
    html = f'<div class="share-bar">Share <iframe><p>{SECRET}</p></iframe></div><p>Body.</p>'
    assert all(SECRET not in b.text for b in blocks_of(html))


def test_noscript_content_is_removed_as_hidden() -> None:
    blocks = blocks_of(f"<p>Before.</p><noscript><p>{SECRET}</p></noscript><p>After.</p>")
    assert [b.text for b in blocks if b.removal is None] == ["Before.", "After."]
    assert [b.text for b in blocks if b.pruned] == [SECRET]


@pytest.mark.parametrize("attribute", ["shadowrootmode", "shadowroot"])
@pytest.mark.parametrize("mode", ["open", "closed", "OPEN"])
def test_declarative_shadow_root_is_shown(attribute: str, mode: str) -> None:
    html = f'<div><template {attribute}="{mode}"><p>Shadow text.</p></template></div>'
    assert kept_text(html) == "Shadow text."


def test_plain_template_stays_dropped() -> None:
    html = "<div><template><p>Template text.</p></template><p>Light text.</p></div>"
    assert kept_text(html) == "Light text."


def test_template_with_another_mode_is_a_plain_template() -> None:
    html = '<div><template shadowrootmode="none"><p>No.</p></template><p>Light.</p></div>'
    assert kept_text(html) == "Light."


def test_shadow_root_shows_the_hosts_children_in_its_slots_only() -> None:
    html = (
        '<x-card><template shadowrootmode="open"><h2><slot name="title">Untitled</slot></h2>'
        '<div class="body"><slot></slot></div><p><slot name="note">Default note.</slot></p>'
        "</template>"
        '<span slot="title">Card title</span><p>Card body.</p><p slot="nowhere">Unshown.</p>'
        "</x-card>"
    )
    assert kept_text(html) == "Card title\nCard body.\nDefault note."


def test_shadow_root_without_slots_hides_the_light_children() -> None:
    html = (
        '<div><template shadowrootmode="open"><p>Shadow only.</p></template>'
        "<p>Light, not rendered.</p></div><p>After.</p>"
    )
    assert kept_text(html) == "Shadow only.\nAfter."


def test_nested_shadow_roots_and_the_first_root_of_a_host_only() -> None:
    html = (
        '<x-a><template shadowrootmode="open"><p>Outer.</p>'
        '<x-b><template shadowrootmode="closed"><p>Inner.</p><slot></slot></template>'
        "<p>Light of b.</p></x-b></template></x-a>"
        '<div><template shadowrootmode="open"><p>First root.</p><slot></slot></template>'
        '<template shadowrootmode="open"><p>Second root.</p></template><p>Light.</p></div>'
    )
    assert kept_text(html) == "Outer.\nInner.\nLight of b.\nFirst root.\nLight."


def test_shadow_content_is_judged_like_any_content() -> None:
    html = (
        '<div><template shadowrootmode="open"><script>var x = 1;</script>'
        f"<p>Shown.</p><p hidden>{SECRET}</p><iframe>{SECRET}</iframe></template></div>"
    )
    assert kept_text(html) == "Shown."


def test_shadow_root_on_an_element_that_cannot_host_one_is_a_plain_template() -> None:
    html = '<table><tr><td><template shadowrootmode="open"><p>No.</p></template>Cell</td></tr>'
    assert kept_text(html + "</table>") == "Cell"


def test_the_table_itself_is_judged_by_the_walk_only() -> None:
    # Too long a share of the page for screen_reader_markup's guard: the walk keeps it,
    # and its own class does not make it hidden from inside.
    cells = "".join(f"<tr><td>Row {i} of the data</td><td>{i}</td></tr>" for i in range(40))
    html = f'<p>Short intro.</p><table class="visually-hidden">{cells}</table>'
    blocks = blocks_of(html)
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE]
    assert not any(b.pruned for b in blocks)
