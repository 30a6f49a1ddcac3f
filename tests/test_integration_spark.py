"""cleaner on a DataFrame column in Spark local mode: one session for the whole run.

Locally, a missing pyspark or Java skips these tests; under CI it fails them.
``pytest -m "not integration"`` skips them on purpose.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner, ConfigError, InputTypeError, InputValueError, samples
from cleaner.rules import FAMILIES
from cleaner.rules.templates import fingerprint, site_host

pytestmark = pytest.mark.integration

SAMPLES = Path(samples.__file__).parent  # the pages shipped with the package

BOILERPLATE = ("Skip to main content", "Home", "Share this page", "Copyright 2024 Example Post")

ARTICLES = {
    "harbour": (
        "The harbour master counted forty boats leaving before sunrise, twice as many as "
        "on an ordinary Monday.",
        "Fishermen said the mackerel had come close to the shore after a week of warm "
        "weather and calm seas.",
    ),
    "library": (
        "The town library will stay open until ten in the evening during the exam "
        "weeks, the council decided on Friday.",
        "Students had asked for longer hours because the reading rooms fill up by noon "
        "on most weekdays in May.",
    ),
    "orchard": (
        "An old orchard at the edge of the village has been replanted with apple "
        "varieties that nearly vanished.",
        "Volunteers grafted the trees in March, and the first small harvest is expected "
        "in three years' time.",
    ),
}


def news_page(title: str, paragraphs: tuple[str, ...]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title} | Example Post</title></head><body>"
        '<a href="#content">Skip to main content</a>'
        '<header><nav><a href="/">Home</a> <a href="/local">Local</a> '
        '<a href="/weather">Weather</a></nav></header>'
        f'<main id="content"><article><h1>{title}</h1>{body}</article></main>'
        "<footer><p>Share this page with a friend</p>"
        "<p>Copyright 2024 Example Post. All rights reserved.</p></footer></body></html>"
    )


def _require(name: str) -> Any:
    if os.environ.get("CI"):
        return importlib.import_module(name)
    return pytest.importorskip(name)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    _require("pyspark")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")) and not os.environ.get("CI"):
        pytest.skip("Spark needs Java (17 or newer)")
    from pyspark.sql import SparkSession

    # Python workers must run this interpreter, the one that has cleaner installed;
    # pyspark reads the variable when the session starts, so it is set only until then.
    saved = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        session = (
            SparkSession.builder.master("local[2]")
            .appName("cleaner-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .getOrCreate()
        )
    finally:
        if saved is None:
            del os.environ["PYSPARK_PYTHON"]
        else:
            os.environ["PYSPARK_PYTHON"] = saved
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_text_column_matches_in_process_cleaning(spark: Any) -> None:
    from cleaner.integrations.spark import clean_column

    pages = {path.stem: path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))}
    assert len(pages) >= 5
    rows = spark.sparkContext.parallelize(list(pages.items()), 3)
    df = spark.createDataFrame(rows, "name string, body string")

    cleaned = clean_column(df, "body", kind="text", explain=True)

    assert cleaned.columns == [
        "name",
        "body",
        "body_clean",
        "body_clean_language",
        "body_clean_removed",
        "body_clean_error",
    ]
    assert cleaned.rdd.getNumPartitions() == 3
    collected = cleaned.collect()
    assert [r["name"] for r in collected] == list(pages)  # order kept
    reference = Cleaner()
    for row in collected:
        expected = reference.explain(pages[row["name"]], kind="text")
        assert row["body"] == pages[row["name"]]
        assert row["body_clean"] == expected.text
        assert 0 < len(row["body_clean"]) < len(row["body"])
        assert row["body_clean_removed"] == expected.counts_by_family()
        assert set(row["body_clean_removed"]) <= set(FAMILIES)
        assert row["body_clean_language"] == expected.language
        assert row["body_clean_error"] is None


def test_html_files_read_whole_lose_their_boilerplate(spark: Any, tmp_path: Path) -> None:
    from pyspark.sql.functions import input_file_name

    from cleaner.integrations.spark import clean_column

    for name, paragraphs in ARTICLES.items():
        (tmp_path / f"{name}.html").write_text(news_page(name.title(), paragraphs), "utf-8")
    df = spark.read.text(str(tmp_path), wholetext=True).withColumn("path", input_file_name())
    # A folder of files is one site (the host of a file: URL is its folder); one
    # paragraph is known as template there, which shows that each row's URL arrives.
    (path,) = {r["path"] for r in df.collect() if r["path"].endswith("library.html")}
    template = ARTICLES["library"][1]
    templates = {fingerprint(site_host(path), template)}

    rows = clean_column(
        df,
        "value",
        kind="html",
        output="article",
        url_column="path",
        explain=True,
        site_templates=templates,
    ).collect()

    assert len(rows) == len(ARTICLES)
    reference = Cleaner(site_templates=templates)
    for row in rows:
        name = Path(row["path"]).stem
        text = row["article"]
        assert text == reference.clean(row["value"], url=row["path"], kind="html")
        paragraphs = [p for p in ARTICLES[name] if p != template]
        positions = [text.index(p) for p in paragraphs]
        assert positions == sorted(positions)
        for line in (*BOILERPLATE, template):
            assert line not in text
        assert row["article_removed"].get("templates", 0) == (name == "library")
        assert set(row["article_removed"]) <= set(FAMILIES)


def test_nulls_refusals_and_bytes(spark: Any) -> None:
    from cleaner.integrations.spark import clean_column

    small = news_page("Harbour", ARTICLES["harbour"][:1]).encode()
    large = news_page("Library", ARTICLES["library"] * 30).encode()
    df = spark.createDataFrame(
        [("null", None), ("large", bytearray(large)), ("small", bytearray(small))],
        "id string, page binary",
    )

    rows = {
        r["id"]: r
        for r in clean_column(
            df, "page", kind="html", explain=True, max_input_bytes=len(small) + 10
        ).collect()
    }

    assert [rows["null"][c] for c in ("page_clean", "page_clean_removed", "page_clean_error")] == [
        None,
        None,
        None,
    ]
    assert rows["large"]["page_clean"] is None
    assert rows["large"]["page_clean_error"].startswith("InputTooLargeError")
    assert rows["small"]["page_clean"] == ARTICLES["harbour"][0]
    assert rows["small"]["page_clean_error"] is None


def test_mistakes_fail_on_the_driver(spark: Any) -> None:
    from cleaner.integrations.spark import clean_column

    df = spark.createDataFrame([(1, "a page", "x")], "n int, body string, body_clean string")
    with pytest.raises(ConfigError):
        clean_column(df, "body", kind="text", output="out", disable={"no_such_family"})
    with pytest.raises(ConfigError):
        clean_column(df, "body", kind="pdf", output="out")
    with pytest.raises(InputValueError):
        clean_column(df, "missing", kind="text")
    with pytest.raises(InputTypeError):
        clean_column(df, "n", kind="text")
    with pytest.raises(InputValueError):
        clean_column(df, "body", kind="text")  # body_clean already exists
    assert clean_column(df, "body", kind="text", output="out").columns[-1] == "out"
