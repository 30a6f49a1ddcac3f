"""cleaner inside a real datatrove pipeline: WARC in, cleaned JSON Lines out.

The engines are optional extras (the ``test`` extra installs them). Locally, a missing
engine skips these tests; under CI it fails them, so a broken install cannot pass
unnoticed. ``pytest -m "not integration"`` skips them on purpose.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from cleaner import Cleaner, ConfigError, samples
from cleaner.rules import FAMILIES
from cleaner.rules.templates import fingerprint

SAMPLES = Path(samples.__file__).parent  # the pages shipped with the package

BOILERPLATE = (
    "Skip to main content",
    "Home",
    "Share this article",
    "Copyright 2024 Example News",
)

ARTICLES = {
    "river": (
        "The river rose three metres overnight and flooded the low streets of the town, "
        "officials said on Tuesday morning.",
        "Residents were moved to the school gym, where volunteers served soup and handed "
        "out blankets until dawn.",
        "Engineers will inspect the old stone bridge once the water falls, and the road "
        "stays closed until then.",
    ),
    "bakery": (
        "The bakery on the corner has baked bread in the same brick oven since 1921, and "
        "it still opens at five.",
        "Its owner says the secret is patience: the dough rests for a whole night before "
        "it goes into the oven.",
        "Neighbours queue on Saturdays for the rye loaf, which usually sells out well "
        "before nine o'clock.",
    ),
}


def news_page(title: str, paragraphs: Iterable[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title} | Example News</title></head><body>"
        '<a href="#main">Skip to main content</a>'
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav></header>'
        f'<main id="main"><article><h1>{title}</h1>{body}</article></main>'
        "<footer><p>Share this article on Facebook and Twitter</p>"
        "<p>Copyright 2024 Example News. All rights reserved.</p></footer></body></html>"
    )


NAV_ONLY_PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a> "
    "<a href='/contact'>Contact</a></nav></body></html>"
)


def _require(name: str) -> ModuleType:
    if os.environ.get("CI"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


@pytest.fixture(scope="module")
def dt() -> SimpleNamespace:
    """datatrove's pieces, and the integration, imported only when a test needs them."""
    _require("datatrove")
    _require("warcio")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations import datatrove as integration

    return SimpleNamespace(
        Document=Document,
        LocalPipelineExecutor=LocalPipelineExecutor,
        WarcReader=WarcReader,
        JsonlWriter=JsonlWriter,
        CleanerExtractor=integration.CleanerExtractor,
        CleanerFormatter=integration.CleanerFormatter,
        prefix=integration.FAMILY_STAT_PREFIX,
    )


def write_warc(path: Path, records: Iterable[tuple[str, str, str, bytes]]) -> list[str]:
    """Writes (url, WARC type, payload type, payload) records; returns their record ids."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, rec_type, payload_type, payload in records:
            http_headers = None
            if rec_type == "response":
                http_headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", payload_type)], protocol="HTTP/1.1"
                )
            record = writer.create_warc_record(
                url,
                rec_type,
                payload=io.BytesIO(payload),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Identified-Payload-Type": payload_type},
            )
            writer.write_record(record)
            ids.append(record.rec_headers.get_header("WARC-Record-ID"))
    return ids


def run_pipeline(dt: SimpleNamespace, tmp_path: Path, step: object) -> tuple[list[dict], dict]:
    """Runs WarcReader -> step -> JsonlWriter on tmp_path/warc; returns records and stats."""
    out, logs = tmp_path / "out", tmp_path / "logs"
    dt.LocalPipelineExecutor(
        pipeline=[
            dt.WarcReader(str(tmp_path / "warc")),
            step,
            dt.JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(logs),
    ).run()
    records = [
        json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()
    ]
    all_stats = json.loads((logs / "stats.json").read_text())
    (stats,) = [s["stats"] for s in all_stats if "cleaner" in s["name"]]
    return records, stats


def _total(stat: int | dict) -> int:
    return stat if isinstance(stat, int) else stat["total"]


def step_counts(step: object) -> dict[str, int]:
    """A step's stats as plain totals (datatrove's stats object is a defaultdict)."""
    return {name: stat.total for name, stat in step.stats.stats.items()}  # type: ignore[attr-defined]


def family_stats(stats: dict, prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: _total(v) for k, v in stats.items() if k.startswith(prefix)}


@pytest.mark.integration
def test_warc_html_pipeline_keeps_articles_and_counts_families(
    dt: SimpleNamespace, tmp_path: Path
) -> None:
    (tmp_path / "warc").mkdir()
    pages = {f"https://example.org/{k}": news_page(k.title(), v) for k, v in ARTICLES.items()}
    records = [(url, "response", "text/html", html.encode()) for url, html in pages.items()]
    records += [
        ("https://example.org/menu", "response", "text/html", NAV_ONLY_PAGE.encode()),
        ("https://example.org/logo.png", "response", "image/png", b"\x89PNG\r\n\x1a\n\0\0"),
    ]
    ids = write_warc(tmp_path / "warc" / "crawl.warc.gz", records)

    out, stats = run_pipeline(dt, tmp_path, dt.CleanerExtractor(timeout=60))

    # The two articles come out, in WARC order; the menu-only page keeps no text and is
    # dropped; the reader never hands the image to the extractor.
    assert [r["id"] for r in out] == ids[:2]
    reference = Cleaner()
    for record, (url, html), paragraphs in zip(out, pages.items(), ARTICLES.values(), strict=True):
        text = record["text"]
        assert record["metadata"]["url"] == url
        assert text == reference.clean(html, url=url, kind="html")  # same as in-process
        positions = [text.index(p) for p in paragraphs]
        assert positions == sorted(positions)
        for line in BOILERPLATE:
            assert line not in text
        removed = record["metadata"]["cleaner_removed"]
        assert removed and set(removed) <= set(FAMILIES)
        assert record["metadata"]["cleaner_language"] == "en"

    assert (_total(stats["total"]), _total(stats["forwarded"]), _total(stats["dropped"])) == (
        3,
        2,
        1,
    )
    families = family_stats(stats, dt.prefix)
    assert families and set(families) <= set(FAMILIES)
    # The stats add up the per-document counts, the menu-only page's removals included.
    in_records = sum(sum(r["metadata"]["cleaner_removed"].values()) for r in out)
    assert sum(families.values()) > in_records


@pytest.mark.integration
def test_wet_text_pipeline_formats_the_fixture_pages(dt: SimpleNamespace, tmp_path: Path) -> None:
    (tmp_path / "warc").mkdir()
    pages = {
        f"https://example.org/{path.stem}": path.read_text(encoding="utf-8")
        for path in sorted(SAMPLES.glob("*.txt"))
    }
    assert len(pages) >= 5
    records = [(url, "conversion", "text/plain", t.encode()) for url, t in pages.items()]
    write_warc(tmp_path / "warc" / "crawl.warc.wet.gz", records)

    out, stats = run_pipeline(dt, tmp_path, dt.CleanerFormatter())

    reference = Cleaner()
    assert [r["metadata"]["url"] for r in out] == list(pages)
    for record in out:
        raw = pages[record["metadata"]["url"]]
        assert record["text"] == reference.clean(raw, kind="text")
        assert 0 < len(record["text"]) < len(raw)
        assert set(record["metadata"]["cleaner_removed"]) <= set(FAMILIES)
    families = family_stats(stats, dt.prefix)
    assert families and set(families) <= set(FAMILIES)
    assert sum(families.values()) == sum(
        sum(r["metadata"]["cleaner_removed"].values()) for r in out
    )


@pytest.mark.integration
def test_extractor_time_out_drops_the_document(dt: SimpleNamespace) -> None:
    # No sandbox process can start and answer within a microsecond: every document
    # runs into datatrove's per-document time-out.
    step = dt.CleanerExtractor(timeout=1e-6)
    docs = [dt.Document(text=news_page("River", ARTICLES["river"]), id=str(i)) for i in range(2)]
    assert list(step.run(iter(docs))) == []
    counts = step_counts(step)
    assert counts["timeout"] == 2
    assert "forwarded" not in counts


@pytest.mark.integration
def test_extractor_drops_a_refused_record_and_keeps_going(dt: SimpleNamespace) -> None:
    small = news_page("Bakery", ARTICLES["bakery"][:1])
    large = news_page("River", ARTICLES["river"] * 20)
    step = dt.CleanerExtractor(timeout=60, metadata=False, max_input_bytes=len(small) + 10)
    docs = [dt.Document(text=large, id="large"), dt.Document(text=small, id="small")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["small"]
    assert out[0].text == ARTICLES["bakery"][0]
    assert "cleaner_removed" not in out[0].metadata
    assert step_counts(step)["clean_error"] == 1


@pytest.mark.integration
def test_extractor_passes_the_record_url_to_site_rules(dt: SimpleNamespace) -> None:
    # A paragraph known as template on example.org goes; the same page elsewhere keeps it.
    template = ARTICLES["bakery"][2]
    step = dt.CleanerExtractor(timeout=60, site_templates={fingerprint("example.org", template)})
    html = news_page("Bakery", ARTICLES["bakery"])
    docs = [
        dt.Document(text=html, id="here", metadata={"url": "https://www.example.org/bakery"}),
        dt.Document(text=html, id="elsewhere", metadata={"url": "https://example.net/bakery"}),
    ]
    here, elsewhere = step.run(iter(docs))
    assert template not in here.text
    assert here.metadata["cleaner_removed"]["templates"] == 1
    assert template in elsewhere.text
    assert "templates" not in elsewhere.metadata["cleaner_removed"]
    assert step_counts(step)[dt.prefix + "templates"] == 1


@pytest.mark.integration
def test_formatter_keeps_empty_documents_only_when_asked(dt: SimpleNamespace) -> None:
    def docs() -> list:
        return [dt.Document(text="Skip to main content", id="a")]

    assert list(dt.CleanerFormatter().run(iter(docs()))) == []
    kept = list(dt.CleanerFormatter(drop_empty=False).run(iter(docs())))
    assert [(d.id, d.text) for d in kept] == [("a", "")]


@pytest.mark.integration
def test_steps_pickle_and_check_their_options_up_front(dt: SimpleNamespace) -> None:
    html = news_page("River", ARTICLES["river"])
    step = dt.CleanerExtractor(disable={"structure"})
    assert step.extract(html)  # builds the Cleaner, which must not travel in the pickle
    clone = pickle.loads(pickle.dumps(step))
    assert clone.extract(html) == step.extract(html)
    assert clone.extract(html) != Cleaner().clean(html, kind="html")  # the option travelled
    with pytest.raises(ConfigError):
        dt.CleanerExtractor(disable={"no_such_rule"})
    with pytest.raises(ConfigError):
        dt.CleanerFormatter(no_such_threshold=3)


def test_importing_cleaner_imports_no_engine() -> None:
    code = (
        "import sys, cleaner, cleaner.integrations\n"
        "cleaner.clean_article('<p>Some text here.</p>', kind='html')\n"
        "cleaner.clean_article('Some text here.', kind='text')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'datatrove', 'pyspark', 'py4j', 'warcio'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
