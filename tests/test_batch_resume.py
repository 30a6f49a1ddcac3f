"""A batch killed with SIGKILL and resumed ends with the output of an uninterrupted run."""

from __future__ import annotations

import gzip
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

CLAIMS = (
    "that the new bridge would open in the spring after two years of work",
    "that the budget for the schools had been cut for the third time in a row",
    "that the river had risen faster than at any time since the records began",
    "that the talks with the union would go on for at least another week",
)


def page(seed: int, repeat: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs = [
        " ".join(
            f"The council said {rng.choice(CLAIMS)}, and item {seed}-{p}-{s} was noted."
            for s in range(3)
        )
        for p in range(4 * repeat)
    ]
    return "\n\n".join(["Home | News | Sport", f"Story {seed}", *paragraphs, "Log in"]) + "\n"


def make_batch(root: Path) -> None:
    """60 pages in three folders, some bad, and one slow page in the middle."""
    for i in range(60):
        folder = root / "in" / f"d{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 17 == 5:
            (folder / f"p{i:02d}.txt.gz").write_bytes(gzip.compress(page(i).encode())[:80])
        elif i == 31:
            (folder / f"p{i:02d}.txt").write_bytes(b"")
        else:
            (folder / f"p{i:02d}.txt").write_text(page(i))
    # A page slow enough (about a second) that the batch is still running when killed.
    (root / "in" / "d1" / "p40-slow.txt").write_text(page(99, repeat=1000))


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "in", "-j", "2", "-q", *args]


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command(*args), cwd=root, capture_output=True, timeout=180, stdin=subprocess.DEVNULL
    )


def run_and_kill(root: Path, output: Path, *args: str, after_progress: bool) -> None:
    """Start the command and SIGKILL it: once some output is written, or at once."""
    proc = subprocess.Popen(command(*args), cwd=root, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while after_progress and proc.poll() is None and time.monotonic() < deadline:
            if _has_output(output):
                break
            time.sleep(0.005)
        if not after_progress:
            time.sleep(0.15)  # early: while the resumed run starts up
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)


def _has_output(output: Path) -> bool:
    if output.is_file():
        return output.stat().st_size > 0
    return output.is_dir() and any(p.suffix == ".txt" for p in output.rglob("*.txt"))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_tree_output_killed_and_resumed_matches_an_uninterrupted_run(tmp_path: Path) -> None:
    make_batch(tmp_path)
    ref = run(tmp_path, "-o", "ref", "--errors", "ref-errors.jsonl")
    assert ref.returncode == 1  # the corrupt pages

    state = tmp_path / "out" / ".cleaner-resume"
    args = ("-o", "out", "--errors", "errors.jsonl")
    run_and_kill(tmp_path, tmp_path / "out", *args, after_progress=True)
    partial = json.loads((state / "state.json").read_text())
    assert not partial["complete"]

    # Resuming with other options is refused, and leaves the state alone.
    other = run(tmp_path, *args, "--format", "json", "--resume")
    assert other.returncode == 2 and b"different command" in other.stderr
    assert state.exists()

    resumed = run(tmp_path, *args, "--resume")
    assert resumed.returncode == 1
    assert not state.exists()
    assert tree(tmp_path / "out") == tree(tmp_path / "ref")
    assert (tmp_path / "errors.jsonl").read_bytes() == (tmp_path / "ref-errors.jsonl").read_bytes()


def test_jsonl_output_killed_twice_and_resumed_is_byte_identical(tmp_path: Path) -> None:
    make_batch(tmp_path)
    ref = run(tmp_path, "--jsonl", "ref.jsonl", "--errors", "ref-errors.jsonl", "--no-timing")
    assert ref.returncode == 1

    state = tmp_path / "out.jsonl.resume"
    args = ("--jsonl", "out.jsonl", "--errors", "errors.jsonl", "--no-timing")
    run_and_kill(tmp_path, state / "partial.jsonl", *args, after_progress=True)
    assert not (tmp_path / "out.jsonl").exists()  # only a complete file gets the name
    run_and_kill(tmp_path, state / "partial.jsonl", *args, "--resume", after_progress=False)

    resumed = run(tmp_path, *args, "--resume")
    assert resumed.returncode == 1
    assert not state.exists()
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "ref.jsonl").read_bytes()
    assert (tmp_path / "errors.jsonl").read_bytes() == (tmp_path / "ref-errors.jsonl").read_bytes()
    records = [json.loads(line) for line in (tmp_path / "ref.jsonl").read_text().splitlines()]
    assert len(records) == 60 - 4 - 1 + 1  # 4 corrupt, 1 empty, the slow page
    assert len({r["id"] for r in records}) == len(records)
