"""Site templates: paragraphs recurring across pages of one site, counted over a batch."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import cleaner
from cleaner.batch.templates import TemplateCounter
from cleaner.rules.templates import fingerprint, normalise_paragraph, site_host

CLAIMS = (
    "that the new bridge would open in the spring after two years of work",
    "that the budget for the schools had been cut for the third time in a row",
    "that the river had risen faster than at any time since the records began",
    "that the talks with the union would go on for at least another week",
)
# Prose-like, so that no single-page rule would take them for boilerplate.
FOOTER_A = (
    "Our newsroom is funded by readers like you, and every contribution helps us to "
    "report on the stories that matter in the region."
)
FOOTER_B = "The Valley Courier is published every morning by the Valley Media Group."


def article(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(
            f"The council said {rng.choice(CLAIMS)}, and item {seed}-{p}-{s} was noted."
            for s in range(3)
        )
        for p in range(4)
    ]


def page(seed: int, year: int = 2024) -> str:
    return "\n\n".join([*article(seed), FOOTER_A, f"{FOOTER_B} © {year}"]) + "\n"


# -- the rule and its helpers -----------------------------------------------------------


def test_normalisation_folds_case_digits_and_punctuation() -> None:
    assert normalise_paragraph("  © 2023 The  Courier!  ") == normalise_paragraph(
        "© 2024 the courier"
    )
    assert normalise_paragraph("12 comments") == normalise_paragraph("3 Comments")
    assert normalise_paragraph("Read more") != normalise_paragraph("Read less")
    assert fingerprint("a.example", "—|—") is None


def test_site_host() -> None:
    assert site_host("https://www.Example.com:8080/a/b?q=1") == "example.com"
    assert site_host("http://news.example.com/") == "news.example.com"
    assert site_host("file:///data/site%20a/page.html") == "/data/site a"
    assert site_host(None) == "" and site_host("not a url") == ""
    assert site_host("http://[::1") == ""  # malformed: no site, no exception


def test_rule_removes_only_fingerprinted_paragraphs_of_the_same_site() -> None:
    raw = page(1)
    prints = frozenset({fingerprint("example.com", FOOTER_A)})
    result = cleaner.clean_and_explain(raw, url="https://www.example.com/x", site_templates=prints)
    (removed,) = [b for b in result.removed if b.family == "templates"]
    assert removed.text == FOOTER_A and removed.rule == "site_template"
    assert "example.com" in removed.reason
    assert article(1)[0] in result.text
    # Another site, or no URL: the same paragraph is not template there.
    other = cleaner.clean_and_explain(raw, url="https://other.example/x", site_templates=prints)
    assert not [b for b in other.removed if b.family == "templates"]
    plain = cleaner.clean_and_explain(raw, url="https://www.example.com/x")
    assert not [b for b in plain.removed if b.family == "templates"]


def test_rule_can_be_disabled_by_name_or_family() -> None:
    prints = frozenset({fingerprint("example.com", FOOTER_A)})
    for name in ("site_template", "templates"):
        result = cleaner.clean_and_explain(
            page(1), url="https://example.com/", site_templates=prints, disable={name}
        )
        assert not [b for b in result.removed if b.family == "templates"]


def test_counter_thresholds() -> None:
    counter = TemplateCounter(min_pages=3, min_share=0.5)
    for i in range(8):
        counter.add(
            "a", ["everywhere", *(["often"] if i < 4 else []), *(["rare"] if i < 2 else [])]
        )
    for _ in range(2):
        counter.add("b", ["small-site"])
    assert counter.templates() == frozenset({"everywhere", "often"})
    strict = TemplateCounter(min_pages=3, min_share=0.6)
    for i in range(8):
        strict.add("a", ["everywhere", *(["often"] if i < 4 else [])])
    assert strict.templates() == frozenset({"everywhere"})


# -- through the command ----------------------------------------------------------------


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        cwd=root,
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def test_folders_act_as_sites(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / "siteA").mkdir(exist_ok=True)
        (tmp_path / "siteA" / f"p{i}.txt").write_text(page(i, year=2020 + i))
    for i in range(2):  # the same footer, but on two pages only: below --template-min-pages
        (tmp_path / "siteB").mkdir(exist_ok=True)
        (tmp_path / "siteB" / f"p{i}.txt").write_text(page(10 + i))
    proc = run(tmp_path, "siteA", "siteB", "--site-templates", "--jsonl", "t.jsonl", "-j", "2")
    assert proc.returncode == 0, proc.stderr
    with_templates = records(tmp_path / "t.jsonl")
    for i in range(4):
        rec = with_templates[f"siteA/p{i}.txt"]
        assert FOOTER_A not in rec["text"] and FOOTER_B not in rec["text"]
        assert rec["removed"].get("templates") == 2  # the year differs, the footer matches
        assert article(i)[0] in rec["text"]
    for i in range(2):
        assert "templates" not in with_templates[f"siteB/p{i}.txt"]["removed"]

    proc = run(tmp_path, "siteA", "--jsonl", "plain.jsonl", "-j", "2")
    assert proc.returncode == 0
    assert all("templates" not in r["removed"] for r in records(tmp_path / "plain.jsonl").values())


def test_jsonl_urls_name_the_sites_and_explain_shows_the_rule(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"a{i}", "url": f"https://www.a.example/{i}", "text": page(i)})
        for i in range(3)
    ] + [
        json.dumps({"id": f"b{i}", "url": f"https://b.example/{i}", "text": page(20 + i)})
        for i in range(3)
    ]
    (tmp_path / "recs.jsonl").write_text("\n".join(lines) + "\n")
    proc = run(
        tmp_path,
        "recs.jsonl",
        *("--site-templates", "--template-min-pages", "3", "--template-min-share", "0.9"),
        *("-o", "out", "--explain", "--format", "json", "-j", "2"),
    )
    assert proc.returncode == 0, proc.stderr
    explained = proc.stdout.decode()
    assert "templates/site_template: recurs on many pages of a.example" in explained
    assert "templates/site_template: recurs on many pages of b.example" in explained
    rec = json.loads((tmp_path / "out" / "recs" / "000004.json").read_text())
    assert rec["id"] == "b0" and rec["removed"]["templates"] == 2
