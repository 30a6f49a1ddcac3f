"""Trees in and out: lxml, parsel (Scrapy) and selectolax pages as input; lxml out."""

from __future__ import annotations

import lxml.etree
import lxml.html
import parsel
import pytest
from benchmark_pages import html_pages
from helpers import PROSE
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner, InputTypeError, InputValueError, clean_article, clean_tree

PAGE = f"""<!DOCTYPE html><html><head><title>Trees</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Trees</h1><p>{PROSE[0]}</p><p>{PROSE[1]} <a href="/more">Read more</a>.</p>
<ul><li>{PROSE[2]}</li></ul><p>{PROSE[3]}</p></article>
<footer>Copyright 2024. All rights reserved.</footer></body></html>"""


def _inputs(text: str) -> dict[str, object]:
    """The same page as each kind of tree a caller may hold."""
    return {
        "lxml.html": lxml.html.document_fromstring(text),
        "lxml.etree": lxml.etree.fromstring(text, lxml.etree.HTMLParser()).getroottree(),
        "parsel": parsel.Selector(text=text),
        "parsel root": parsel.Selector(text=text).root,
        "selectolax": LexborHTMLParser(text),
    }


@pytest.mark.parametrize("name", list(_inputs(PAGE)))
def test_a_tree_cleans_as_its_page(name: str) -> None:
    tree = _inputs(PAGE)[name]
    assert clean_article(tree) == clean_article(PAGE)
    result = Cleaner().explain(tree)
    assert result.input_kind == "html"
    assert clean_article(tree, output="markdown", links=True) == clean_article(
        PAGE, output="markdown", links=True
    )


def test_an_element_cleans_as_its_own_markup() -> None:
    article = lxml.html.document_fromstring(PAGE).find(".//article")
    expected = clean_article(lxml.html.tostring(article, encoding="unicode"))
    assert clean_article(article) == expected
    node = LexborHTMLParser(PAGE).css_first("article")
    assert clean_article(node) == clean_article(node.html)
    assert "Copyright" not in expected and PROSE[0] in expected


def test_the_callers_tree_is_left_as_it_was() -> None:
    root = lxml.html.document_fromstring(PAGE.replace("</nav>", "<script>x()</script></nav>"))
    before = lxml.html.tostring(root)
    parser = LexborHTMLParser(PAGE.replace("</nav>", "<script>x()</script></nav>"))
    before_lexbor = parser.html
    clean_article(root)
    clean_tree(root)
    clean_article(parser)
    assert lxml.html.tostring(root) == before
    assert parser.html == before_lexbor


@pytest.mark.parametrize(
    "value",
    [parsel.Selector(text='{"a": 1}', type="json"), 3, ["<p>x</p>"], object()],
)
def test_what_is_no_tree_is_refused(value: object) -> None:
    with pytest.raises(InputTypeError):
        clean_article(value)


def test_a_tree_is_html() -> None:
    with pytest.raises(InputValueError):
        clean_article(lxml.html.document_fromstring(PAGE), kind="text")


def test_clean_tree_returns_the_article_as_lxml() -> None:
    article = clean_tree(PAGE, links=True, url="https://example.org/a/")
    assert isinstance(article, lxml.html.HtmlElement)
    assert article.tag == "article"
    assert article.xpath("//a/@href") == ["https://example.org/more"]
    assert article.xpath("count(//li)") == 1
    assert lxml.html.tostring(article, encoding="unicode") == clean_article(
        PAGE, output="html", links=True, url="https://example.org/a/"
    )
    assert Cleaner().clean_tree(PAGE, output="text").tag == "article"  # always the tree


def test_scrapy_parsel_example() -> None:
    # docs/usage.md, "Scrapy and parsel": a spider's callback holds a Selector
    # (``response.selector``); clean its tree, go on with XPath on the article.
    selector = parsel.Selector(text=PAGE)
    text = clean_article(selector.root, url="https://example.org/a/")
    article = clean_tree(selector.root, url="https://example.org/a/", links=True)
    paragraphs = article.xpath("//p/text()")
    links = article.xpath("//a/@href")
    assert PROSE[0] in text and "Home" not in text
    assert paragraphs[0] == PROSE[0]
    assert links == ["https://example.org/more"]
    # Back to parsel for the rest of the crawl's code.
    assert parsel.Selector(root=article).css("li::text").getall() == [PROSE[2]]


def test_tree_inputs_clean_as_their_page_on_every_benchmark_page() -> None:
    cleaner = Cleaner()
    pages = html_pages("zyte")
    differ = []
    for name, text in pages:
        expected = cleaner.clean(text, kind="html")
        trees = {
            "lxml": lxml.html.document_fromstring(text),
            "parsel": parsel.Selector(text=text).root,
            "selectolax": LexborHTMLParser(text),
        }
        differ.extend(
            (name, kind) for kind, tree in trees.items() if cleaner.clean(tree) != expected
        )
    assert len(pages) == 181
    assert differ == []
