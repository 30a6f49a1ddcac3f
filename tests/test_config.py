"""Configuration: immutable, named thresholds, rules and families switched by name."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from helpers import PROSE, explain, page, removed_by

from cleaner import Cleaner, Config, ConfigError, Rule, clean_article
from cleaner.config import thresholds
from cleaner.rules import DEFAULT_RULES, FAMILIES
from cleaner.rules.base import LineRule
from cleaner.rules.params import Param


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().run_gap_penalty = 1  # type: ignore[misc]


# (That every threshold is named: tests/test_thresholds.py reads the code.)


def test_thresholds_lists_the_numeric_fields() -> None:
    names = thresholds()
    assert names["run_gap_penalty"] == Config().run_gap_penalty
    assert "rule_params" not in names and "extra_rules" not in names


def test_unknown_option_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown option"):
        Cleaner(run_gap_penality=3)


def test_unknown_rule_name_is_refused() -> None:
    with pytest.raises(ConfigError, match="unknown rule or family"):
        Cleaner(disable={"no_such_rule"})


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ConfigError):
        Config(languages=("xx",))


def test_disabling_a_rule_by_name() -> None:
    text = page("Skip to main content")
    assert removed_by(explain(text), "Skip to main content") == "accessibility_link"
    result = explain(text, Cleaner(disable={"accessibility_link"}))
    assert removed_by(result, "Skip to main content") != "accessibility_link"


def test_disabling_a_whole_family() -> None:
    text = page("please wait", "0:00 0:03:18 0:00")
    result = explain(text, Cleaner(disable={"media"}))
    assert all(b.family != "media" for b in result.removed)
    assert all(r.family != "media" for r in Cleaner(disable={"media"}).rules)


def test_enable_takes_a_name_back() -> None:
    base = Config(disabled=frozenset({"media"}))
    assert "media" not in Config.from_options(base, enable={"media"}).disabled


def test_options_reach_clean_article() -> None:
    text = page("Skip to main content")
    assert "Skip to main content" in clean_article(text, disable={"accessibility", "quality"})


def test_extra_phrases_are_added_to_a_section() -> None:
    text = page("Support our journalism")
    assert removed_by(explain(text), "Support our journalism") is None
    custom = Cleaner(extra_phrases={"chrome": ("support our journalism",)})
    assert removed_by(explain(text, custom), "Support our journalism") == "chrome_phrase"


def test_unknown_phrase_section_is_refused() -> None:
    with pytest.raises(ConfigError):
        Cleaner(extra_phrases={"chrom": ("x",)})


class DropShouting(LineRule):
    name = "drop_shouting"
    family = "navigation"
    description = "Lines in capitals."

    def reason_for(self, block, doc):
        return "all capitals" if block.text.isupper() else None


def test_extra_rule_runs_with_its_family() -> None:
    custom = Cleaner(extra_rules=(DropShouting,))
    names = [r.name for r in custom.rules]
    assert names.index("drop_shouting") < names.index("outside_main_run")
    result = explain(page("READ THIS NOW"), custom)
    assert removed_by(result, "READ THIS NOW") == "drop_shouting"
    assert removed_by(result, PROSE[0]) is None


class DropLongShouting(LineRule):
    """A user's rule with a threshold of its own."""

    name = "drop_long_shouting"
    family = "navigation"
    description = "Lines in capitals of at least some words."

    min_words = Param(3, "Shorter capitals are acronyms and labels.")

    def reason_for(self, block, doc):
        if block.text.isupper() and block.features.n_words >= self.min_words:
            return "all capitals"
        return None


def test_user_rule_declares_its_own_param() -> None:
    assert DropLongShouting.parameters() == {"min_words": DropLongShouting.min_words}
    text = page("READ THIS NOW", "READ THIS")
    result = explain(text, Cleaner(extra_rules=(DropLongShouting,)))
    assert removed_by(result, "READ THIS NOW") == "drop_long_shouting"
    assert removed_by(result, "READ THIS") is None
    lenient = Cleaner(
        extra_rules=(DropLongShouting,), rule_params={"drop_long_shouting": {"min_words": 2}}
    )
    assert removed_by(explain(text, lenient), "READ THIS") == "drop_long_shouting"


def test_later_passes_do_not_ask_line_rules_again() -> None:
    # The page runs again over its kept lines (clean(clean(x)) == clean(x)); a line
    # rule's answer depends on the line alone, and it let each of them stay the first
    # time: it is asked once per distinct line of the page, not once per pass.
    asked: list[str] = []

    class AskedLines(LineRule):
        name = "asked_lines"
        family = "navigation"
        description = "Keeps every line, noting which it was asked about (a test's probe)."

        def reason_for(self, block, doc):
            asked.append(block.text)
            return None

    custom = Cleaner(extra_rules=(AskedLines,))
    text = page("Home > News > World", "Breaking News", "A short kept line", "Breaking News")
    result = explain(text, custom)
    assert PROSE[0] in asked and "A short kept line" in asked
    assert len(asked) == len(set(asked))
    assert custom.clean(result.text, kind="text") == result.text


def test_rule_params_override_a_built_in_param() -> None:
    text = page("Comments (4) so far today")
    assert removed_by(explain(text), "Comments (4) so far today") is None
    wider = Cleaner(rule_params={"counter": {"max_words": 5}})
    assert wider.config.rule_params["counter"]["max_words"] == 5
    rule = next(r for r in wider.rules if r.name == "counter")
    assert rule.max_words == 5
    assert next(r for r in Cleaner().rules if r.name == "counter").max_words == 4


def test_rule_params_stay_immutable() -> None:
    config = Config(rule_params={"counter": {"max_words": 5}})
    with pytest.raises(TypeError):
        config.rule_params["counter"]["max_words"] = 6  # type: ignore[index]


@pytest.mark.parametrize(
    ("rule_params", "message"),
    [
        ({"no_such_rule": {"max_words": 5}}, "unknown rule"),
        ({"counter": {"max_wrods": 5}}, "has no parameter"),
        ({"counter": {"max_words": "5"}}, "must be of type int"),
        ({"counter": {"max_words": True}}, "must be of type int"),
        ({"drop_long_shouting": {"min_words": 2}}, "unknown rule"),  # not registered
    ],
)
def test_rule_params_unknown_names_or_types_are_refused(rule_params, message) -> None:
    with pytest.raises(ConfigError, match=message):
        Config(rule_params=rule_params)


def test_extra_rule_must_be_a_rule() -> None:
    with pytest.raises(ConfigError):
        Cleaner(extra_rules=(str,))

    class Nameless(Rule):
        pass

    with pytest.raises(ConfigError):
        Cleaner(extra_rules=(Nameless,))


def test_registry_rules_have_names_families_and_descriptions() -> None:
    names = [r.name for r in DEFAULT_RULES]
    assert len(names) == len(set(names))
    for rule in DEFAULT_RULES:
        assert rule.name and rule.family in FAMILIES and rule.description


def test_threshold_changes_behaviour() -> None:
    # (Inside the article a menu needs four lines: menu_run.in_run_min_lines.)
    menu = ("World", "Business", "Sport", "Science")
    assert removed_by(explain(page(*menu)), "Business") == "menu_run"
    lenient = Cleaner(menu_min_lines=5)
    assert removed_by(explain(page(*menu), lenient), "Business") != "menu_run"


def test_one_cleaner_is_safe_across_threads() -> None:
    shared = Cleaner()
    pages = [page("Breaking News", PROSE[i % 4]) for i in range(8)]
    expected = [shared.clean(p) for p in pages]
    results: list[list[str]] = []

    def work() -> None:
        results.append([shared.clean(p) for p in pages])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4
