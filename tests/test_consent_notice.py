"""A cookie or consent banner's line on text (rules/signup.py, consent_notice): reasons,
the article's own lines about cookies kept, and max_words pinned from both sides on
hand-built blocks."""

from __future__ import annotations

import pytest
from helpers import PROSE, reason_between_prose

from cleaner.rules.signup import ConsentNotice


def reason(line: str, **params: object) -> str | None:
    return reason_between_prose(ConsentNotice, line, **params)


@pytest.mark.parametrize(
    "line",
    [
        # Worded as consent-management platforms word their banners.
        "Cookies help us deliver our services.",
        "By clicking Accept, you agree to the storing of cookies on your device.",
        "Wir setzen Cookies ein, um unser Angebot für Sie zu verbessern.",
        "Ce site utilise des traceurs : vous pouvez les refuser.",
        "Al hacer clic en Aceptar, usted consiente el uso de cookies.",
        "Utilizziamo i cookie per offrirti la migliore esperienza sul nostro sito.",
        "Wij gebruiken cookies om onze website te verbeteren.",
        "Ao continuar a navegar, você concorda com o uso de cookies.",
        "Сайт использует файлы cookie. Оставаясь на сайте, вы соглашаетесь с этим.",
        "We use cookies to improve your experience.",
        "This site uses cookies. By continuing you accept their use.",
        "Manage your cookie settings",
        "Accept all cookies",  # a button: the acceptance stands in for the person
    ],
)
def test_banner_line_removed(line: str) -> None:
    got = reason(line)
    assert got is not None and got.startswith("a consent banner's line: names")


@pytest.mark.parametrize(
    "line",
    [
        "Cookie Policy",  # a footer link: no one consents (the notice phrases' business)
        # The article's sentence about cookies, naming no one who consents.
        "The court ruled that cookie banners must offer a button to reject them.",
        # Long: the article's sentence about the cookie law, naming the reader.
        "Under the new rules, which take effect in May, you will have to be asked before "
        "any site stores cookies on your computer, and regulators say they will check "
        "that the choice is a real one.",
        "We asked the regulator how it checks the new privacy rules.",  # no consent object
        # A recipe's lines: cookies and the reader, but nothing a banner does with them.
        "We baked cookies for you this weekend.",
        "If you want soft cookies, take them out after ten minutes.",
        "Use a cookie cutter to shape the dough.",  # an act, but no one
        "Most readers accept cookies without reading the banner.",  # a sentence: no person
    ],
)
def test_other_lines_kept(line: str) -> None:
    assert reason(line) is None


def test_max_words() -> None:
    line = "We use cookies to improve your experience on this site"  # 10 words
    assert reason(line, max_words=10) is not None
    assert reason(line, max_words=9) is None


def test_recipe_page_on_text() -> None:
    from cleaner import clean_article

    recipe = [
        "We baked cookies for you this weekend.",
        "If you want soft cookies, take them out after ten minutes.",
        "Use a cookie cutter to shape the dough.",
    ]
    banner = "We use cookies to improve your experience. By continuing you accept their use."
    page = "\n\n".join([PROSE[0], banner, *recipe, PROSE[1], PROSE[2]])
    out = clean_article(page, kind="text")
    assert banner not in out and all(line in out for line in recipe)


def test_whole_page_on_text() -> None:
    from cleaner import clean_article

    line = "Des traceurs nous permettent de mesurer la fréquentation de nos pages."
    page = "\n\n".join([PROSE[0], PROSE[1], line, PROSE[2], PROSE[3]])
    out = clean_article(page, kind="text")
    assert line not in out and PROSE[2] in out
