"""HTML element categories shared by the front-end's walk and the Markdown renderer."""

from __future__ import annotations

#: Never walked into: elements without visible text of their own.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "math",
        "canvas",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "optgroup",
        "datalist",
        "img",
        "picture",
        "source",
        "track",
        "map",
        "area",
        "param",
        "wbr",
        "col",
        "colgroup",
        "frame",
        "frameset",
        "iframe",
        "noframes",
        "noembed",
        "applet",
        "-comment",
    }
)
#: Phrasing elements: their text belongs to the block around them.
INLINE_TAGS = frozenset(
    {
        "a",
        "abbr",
        "acronym",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "nobr",
        "q",
        "rb",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "label",
        "output",
        "meter",
        "progress",
        "blink",
    }
)


def is_custom(tag: str | None) -> bool:
    """A custom element ('hl-trusted-source', 'my-card'): a name holding a hyphen, opening
    with a letter (the parser's own names of nodes open with one: '-text', '-comment').
    A browser shows one inline unless the page styles it otherwise, so the walk reads it
    like a ``<span>``: a citation number set in one stays in its sentence's line instead
    of making a block of its own between two halves of the paragraph."""
    # Lexbor gives some nodes no name at all (None): those are never custom elements.
    return bool(tag) and ("-" in tag or ":" in tag) and tag[:1].isalpha()


def is_inline(tag: str) -> bool:
    """Phrasing content: an element of ``INLINE_TAGS`` or a custom element."""
    return tag in INLINE_TAGS or is_custom(tag)
