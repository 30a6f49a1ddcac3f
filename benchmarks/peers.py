"""The extractors the benchmarks compare: cleaner, the optional peers, and the floor.

Every extractor is a callable ``str -> str``. Peers are optional (``pip install .[bench]``);
a peer that is not installed is skipped with a note, never an error. The way each peer is
called reproduces the figures of ``shared/benchmarks/zyte/README.md`` and
``shared/benchmarks/zyte-text/README.md``.
"""

from __future__ import annotations

import html
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass

Extract = Callable[[str], str]

#: A tiny page to probe whether cleaner's HTML front-end works at all.
_PROBE_HTML = (
    "<!doctype html><html><head><title>t</title></head><body><article>"
    "<p>The probe paragraph has enough ordinary words to be read as an article body.</p>"
    "</article></body></html>"
)


@dataclass(frozen=True)
class Extractor:
    """One way of turning a page into article text."""

    key: str  # short, for --peers and the speed table
    label: str  # shown in tables and the plot, with the version
    extract: Extract
    role: str = "peer"  # "cleaner", "peer", "floor" or "baseline"
    #: Input preparation, done before timing (the text track wraps lines in <p>).
    prepare: Callable[[str], str] | None = None


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def cleaner_version() -> str:
    try:
        import cleaner
    except Exception:
        return "?"
    return str(getattr(cleaner, "__version__", "?"))


# --- cleaner ---------------------------------------------------------------------------


def cleaner_html() -> tuple[Extractor | None, str | None]:
    """cleaner on HTML, or a note saying why it cannot run (front-end not built yet)."""
    try:
        from cleaner import clean_article

        clean_article(_PROBE_HTML, kind="html")
    except Exception as exc:  # any failure of the probe means: not usable on HTML yet
        return None, f"cleaner: HTML front-end unavailable ({type(exc).__name__}: {exc})"

    def extract(page: str) -> str:
        return clean_article(page, kind="html")

    from cleaner.frontends.html.compiled import compiled_available

    walk = "compiled walk" if compiled_available() else "Python walk"
    label = f"cleaner {cleaner_version()} ({walk})"
    return Extractor("cleaner", label, extract, role="cleaner"), None


def cleaner_html_python() -> Extractor | None:
    """cleaner on HTML with its Python walk forced, beside the compiled one (None where
    the compiled walk is not used: the cleaner row is the Python walk already)."""
    from cleaner import clean_article
    from cleaner.frontends.html.compiled import compiled_available, forced

    if not compiled_available():
        return None

    def extract(page: str) -> str:
        with forced("python"):
            return clean_article(page, kind="html")

    label = f"cleaner {cleaner_version()} (Python walk)"
    return Extractor("cleaner-python", label, extract, role="cleaner")


def cleaner_text() -> tuple[Extractor | None, str | None]:
    try:
        from cleaner import clean_article
    except Exception as exc:
        return None, f"cleaner: not importable ({type(exc).__name__}: {exc})"

    def extract(page: str) -> str:
        return clean_article(page, kind="text")

    return Extractor("cleaner", f"cleaner {cleaner_version()}", extract, role="cleaner"), None


# --- peers on HTML ---------------------------------------------------------------------


def _trafilatura(precision: bool) -> Extractor:
    import trafilatura

    if precision:

        def extract(page: str) -> str:
            return trafilatura.extract(page, favor_precision=True) or ""

        key, mode = "trafilatura-precision", "favor_precision"
    else:

        def extract(page: str) -> str:
            return trafilatura.extract(page) or ""

        key, mode = "trafilatura", "defaults"
    return Extractor(key, f"trafilatura {version('trafilatura')} ({mode})", extract)


def _readability() -> Extractor:
    from readability import Document
    from selectolax.lexbor import LexborHTMLParser

    def extract(page: str) -> str:
        summary = Document(page).summary(html_partial=True)
        # A newline between text nodes keeps words of adjacent blocks apart.
        return LexborHTMLParser(summary).text(separator="\n") if summary else ""

    return Extractor("readability", f"readability-lxml {version('readability-lxml')}", extract)


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text

    def extract(page: str) -> str:
        return extract_plain_text(page, main_content=True)

    label = f"resiliparse {version('resiliparse')} (main_content)"
    return Extractor("resiliparse", label, extract)


def _justext() -> Extractor:
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(page: str) -> str:
        paragraphs = justext.justext(page, stoplist)
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return Extractor("justext", f"jusText {version('jusText')} (English stoplist)", extract)


def _boilerpy3() -> Extractor:
    from boilerpy3 import extractors

    article = extractors.ArticleExtractor(raise_on_failure=False)

    def extract(page: str) -> str:
        return article.get_content(page) or ""

    return Extractor("boilerpy3", f"boilerpy3 {version('boilerpy3')} (ArticleExtractor)", extract)


#: key -> (pip name, loader); the order is the order of the tables.
HTML_PEERS: dict[str, tuple[str, Callable[[], Extractor]]] = {
    "trafilatura": ("trafilatura", lambda: _trafilatura(precision=False)),
    "trafilatura-precision": ("trafilatura", lambda: _trafilatura(precision=True)),
    "readability": ("readability-lxml", _readability),
    "resiliparse": ("resiliparse", _resiliparse),
    "justext": ("justext", _justext),
    "boilerpy3": ("boilerpy3", _boilerpy3),
}


def floor() -> tuple[Extractor | None, str | None]:
    """Parse with selectolax (Lexbor) and dump the body's text: the cost of reading a page."""
    try:
        from selectolax.lexbor import LexborHTMLParser
    except Exception as exc:
        return None, f"floor: selectolax.lexbor unavailable ({type(exc).__name__}: {exc})"

    def extract(page: str) -> str:
        body = LexborHTMLParser(page).body
        return body.text(separator="\n") if body is not None else ""

    label = f"floor: selectolax {version('selectolax')} parse + body text, no cleaning"
    return Extractor("floor", label, extract, role="floor"), None


def load_html_peers(wanted: set[str] | None = None) -> tuple[list[Extractor], list[str]]:
    """The installed HTML peers (restricted to ``wanted`` keys if given), and skip notes."""
    found, notes = [], []
    for key, (pip_name, load) in HTML_PEERS.items():
        if wanted is not None and key not in wanted:
            continue
        try:
            found.append(load())
        except ImportError as exc:
            notes.append(f"{key}: not installed ({exc}); `pip install {pip_name}` or `.[bench]`")
        except Exception as exc:
            notes.append(f"{key}: failed to load ({type(exc).__name__}: {exc})")
    return found, notes


# --- the text track: reference baselines and peers run on the lines ----------------------


def _identity(text: str) -> str:
    return text


def _long_lines(text: str) -> str:
    """Lines of more than 8 (whitespace-separated) words, each distinct line once."""
    seen: set[str] = set()
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) > 8 and line not in seen:
            seen.add(line)
            kept.append(line)
    return "\n".join(kept)


def lines_as_html(text: str) -> str:
    """Each non-empty line of a text dump as a ``<p>``, so HTML tools can read it."""
    lines = (line for line in text.splitlines() if line.strip())
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    return f"<html><body>\n{paragraphs}</body></html>"


def text_baselines() -> list[Extractor]:
    return [
        Extractor("identity", "return the text unchanged", _identity, role="baseline"),
        Extractor(
            "long-lines", "keep lines of more than 8 words, each once", _long_lines, "baseline"
        ),
    ]


TEXT_PEERS = ("boilerpy3", "justext", "trafilatura")


def load_text_peers(wanted: set[str] | None = None) -> tuple[list[Extractor], list[str]]:
    """HTML peers run on the text dump's lines wrapped in ``<p>`` (zyte-text/README.md)."""
    keys = {k for k in TEXT_PEERS if wanted is None or k in wanted}
    peers, notes = load_html_peers(keys)
    wrapped = [
        Extractor(
            f"{p.key}-lines",
            f"{p.label.split(' (')[0]} on the lines",
            p.extract,
            p.role,
            prepare=lines_as_html,
        )
        for p in peers
    ]
    return wrapped, notes
