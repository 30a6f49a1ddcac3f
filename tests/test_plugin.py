"""The pytest plugin, seen from a throwaway project that only installed cleaner."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path

import goldscore
import pytest

import cleaner
from cleaner import Config, samples
from cleaner.testing.plugin import (
    CONTEXT_FAMILIES,
    CONTEXT_RULES,
    find_boilerplate,
    judging_config,
)

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("regex", "selectolax", "hypothesis", "lxml", "charset_normalizer", "cleaner.pipeline")
DIRTY = (
    "The council voted on Tuesday to extend the program for another year.\n"
    "\n"
    "Skip to main content\n"
    "\n"
    "0:00 0:03:18 0:00\n"
    "Share Facebook Twitter Email\n"
)


def test_plugin_is_registered_through_the_entry_point() -> None:
    plugins = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert plugins.get("cleaner") == "cleaner.testing.plugin"


def test_loading_the_plugin_imports_nothing_heavy() -> None:
    code = (
        "import sys, pytest\n"
        "import cleaner.testing.plugin\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_throwaway_project(pytester: pytest.Pytester) -> None:
    """Collection loads nothing heavy; fixtures work; one test per sample page."""
    pytester.makepyfile(
        test_project=f"""
        import sys

        import pytest

        AT_COLLECTION = sorted(m for m in {HEAVY!r} if m in sys.modules)


        def test_collection_was_light():
            print("AT_COLLECTION", AT_COLLECTION)


        def test_my_pipeline(boilerplate_page, clean_article):
            out = clean_article(boilerplate_page.raw, kind=boilerplate_page.kind)
            assert boilerplate_page.must_keep
            # Every kept line is a line of the page: nothing invented.
            assert not [p for p in boilerplate_page.problems(out) if "not in the input" in p]


        def test_after_use():
            print("AFTER_USE", "cleaner.pipeline" in sys.modules)
        """
    )
    # A fresh process: this one has long imported everything. The project has no
    # hypothesis, whose own plugin would import it for a verbose header.
    result = pytester.runpytest_subprocess("-v", "-s", "-p", "no:hypothesispytest")
    names = samples.names()
    result.assert_outcomes(passed=len(names) + 2)
    result.stdout.fnmatch_lines(["*AT_COLLECTION []*", "*AFTER_USE True*"])
    for name in names:
        result.stdout.fnmatch_lines([f"*test_my_pipeline?{name}? PASSED*"])


def test_failing_assert_clean_prints_the_report(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        f"""
        def test_output_is_clean(assert_clean):
            assert_clean({DIRTY!r})
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*assert_clean: 3 pieces of boilerplate in a text of 4 non-empty lines:*",
            "*line 3: 'Skip to main content'*",
            "*accessibility/accessibility_link: the whole block is an accessibility link*",
            "*line 5: '0:00 0:03:18 0:00'*",
            "*media/player_timeline: *",
            "*line 6: 'Share Facebook Twitter Email'*",
            "*navigation/share_bar: *",
        ]
    )
    # The report, not the plugin's internals, is what the user sees.
    assert "find_boilerplate" not in result.stdout.str()


def test_project_overrides_config_and_marks_tests(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        """
        import pytest
        from cleaner import Config

        @pytest.fixture
        def cleaner_config():
            return Config(disabled={"media"})
        """
    )
    pytester.makepyfile(
        """
        import pytest

        STUB = "Some article text that the council voted on today.\\n\\nplease wait"

        def test_project_config(clean_article, assert_clean):
            assert "please wait" in clean_article(STUB)
            assert_clean(STUB)  # media rules are off for this project

        @pytest.mark.cleaner(enable={"media"})
        def test_marker_wins(clean_article, assert_clean):
            assert "please wait" not in clean_article(STUB)
            with pytest.raises(AssertionError, match="media/media_stub"):
                assert_clean(STUB)

        @pytest.mark.cleaner(no_such_option=1)
        def test_bad_marker(clean_article):
            pass
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*unknown option 'no_such_option'*"])


def test_own_parametrisation_of_boilerplate_page_wins(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.parametrize("boilerplate_page", ["rferl-kazakhstan"], indirect=True)
        def test_one_page(boilerplate_page):
            assert boilerplate_page.name == "rferl-kazakhstan"
        """
    )
    pytester.runpytest().assert_outcomes(passed=1)


# -- assert_clean in this suite ---------------------------------------------------------------


def test_assert_clean_passes_on_clean_text(assert_clean) -> None:  # type: ignore[no-untyped-def]
    assert_clean(
        "The council voted on Tuesday to extend the program for another year.\n\n"
        "Swift Criticism\n\n"
        "Critics said the figures were too early to judge."
    )
    assert_clean("")


@pytest.mark.parametrize("name", samples.names())
def test_gold_bodies_are_clean(name: str, assert_clean) -> None:  # type: ignore[no-untyped-def]
    # A real article body, one paragraph a line, as a project's output would be.
    assert_clean("\n\n".join(samples.load(name).must_keep))


def test_raw_seed_page_is_not_clean() -> None:
    page = samples.load("rferl-kazakhstan")
    found = find_boilerplate(page.raw)
    rules = {f.rule for f in found}
    assert {"accessibility_link", "media_stub", "player_timeline", "exact_duplicate"} <= rules
    # Context rules do not judge: nothing is flagged as outside a main run.
    assert not {f.family for f in found} & set(CONTEXT_FAMILIES)
    assert not {f.rule for f in found} & set(CONTEXT_RULES)
    lines = page.raw.splitlines()
    for finding in found:
        assert lines[finding.line - 1].strip() == finding.text


def test_ignore_and_include(assert_clean) -> None:  # type: ignore[no-untyped-def]
    assert_clean(DIRTY, ignore=["accessibility", "media", "share_bar"])
    with pytest.raises(AssertionError, match="share_bar"):
        assert_clean(DIRTY, ignore=["accessibility", "media"])
    # A site name after the article: clean to phrase rules, outside the main run. (The
    # article has 25 words or more: a shorter run is no article, and nothing is cut.)
    text = (
        "The council voted on Tuesday to extend the program for another year, after "
        "residents asked for more time to apply and the mayor promised to review the "
        "budget in spring.\n\nNorthern Herald"
    )
    assert_clean(text)
    with pytest.raises(AssertionError, match="quality/outside_main_run"):
        assert_clean(text, include=["quality"])


def test_judging_config() -> None:
    judge = judging_config(Config(disabled={"trailers"}), ignore=["counter"], include=["notice"])
    assert {"outside_main_run", "trailer_zone", "menu_run", "counter"} <= judge.disabled
    assert "notice" not in judge.disabled
    assert "chrome_phrase" not in judge.disabled
    from cleaner.errors import ConfigError

    with pytest.raises(ConfigError):
        judging_config(ignore=["no_such_rule"])


def test_clean_article_fixture_is_the_library_function(clean_article) -> None:  # type: ignore[no-untyped-def]
    raw = samples.load("rferl-kazakhstan").raw
    assert clean_article(raw) == cleaner.clean_article(raw)
    assert clean_article.explain(raw).text == clean_article(raw)


# -- the shipped sample pages ------------------------------------------------------------------


def test_sample_pages_have_one_copy() -> None:
    # The sample pages live in src/cleaner/samples/ only; fixtures/ keeps what is not shipped.
    folder = resources.files("cleaner.samples")
    pages = {e.name for e in folder.iterdir() if e.name.endswith((".txt", ".json"))}
    assert {f"{name}.gold.json" for name in samples.names()} <= pages
    copies = [p.name for p in (ROOT / "fixtures").rglob("*") if p.name in pages]
    assert copies == [], "the sample pages belong in src/cleaner/samples/ only"


@pytest.mark.parametrize("folder", ["samples", "testing/data"])
def test_data_files_are_package_data(folder: str) -> None:
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cleaner"]
    entries = list((ROOT / "src" / "cleaner" / folder).iterdir())
    assert any(e.name.endswith((".txt", ".json")) for e in entries)
    for entry in entries:
        relative = f"{folder}/{entry.name}"
        if entry.name.endswith((".txt", ".json")):
            assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative


def test_sample_scoring_agrees_with_the_fixture_scorer() -> None:
    for name in samples.names():
        page = samples.load(name)
        out = cleaner.clean_article(page.raw)
        report = goldscore.score(out, page.raw, dict(page.gold), name)
        expected = report.failures() if "bar" not in page.gold else report.bar_failures(page.bar)
        assert bool(page.problems(out)) == bool(expected), (name, page.problems(out), expected)
        assert bool(page.problems(out, strict=True)) == bool(report.failures()), name


def test_sample_problems_catch_mistakes() -> None:
    page = samples.load("rferl-kazakhstan")
    body = list(page.must_keep)
    assert page.problems("\n".join(body)) == []
    assert page.problems("\n".join(body[1:]))
    assert page.problems("\n".join([*body, page.must_remove[0]]))
    assert page.problems("\n".join([body[1], body[0], *body[2:]]))
    assert any("invented" in p for p in page.problems("\n".join([*body, "Made up."])))
    with pytest.raises(AssertionError, match="rferl-kazakhstan"):
        page.assert_passes("")
    with pytest.raises(LookupError):
        samples.load("no-such-page")
