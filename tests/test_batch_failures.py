"""Bad inputs never stop a batch: they are reported, logged, and set the exit status."""

from __future__ import annotations

import ctypes
import gzip
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2

CLAIMS = (
    "that the new bridge would open in the spring after two years of work",
    "that the budget for the schools had been cut for the third time in a row",
    "that the river had risen faster than at any time since the records began",
    "that the talks with the union would go on for at least another week",
)


def page(seed: int) -> str:
    rng = random.Random(seed)
    paragraphs = [
        " ".join(
            f"The council said {rng.choice(CLAIMS)}, and item {seed}-{p}-{s} was noted."
            for s in range(3)
        )
        for p in range(4)
    ]
    return "\n".join(["Home", "News", "", f"Story {seed}", "", *paragraphs, "", "Log in"]) + "\n"


def _can_drop_read_override() -> bool:
    """As root, permission bits do not stop reads; without these two capabilities they do."""
    if os.geteuid() != 0:
        return True  # an ordinary user: chmod alone makes a folder unreadable
    try:
        probe = subprocess.run(
            [sys.executable, "-c", "pass"], preexec_fn=_drop_read_override, capture_output=True
        )
    except (OSError, subprocess.SubprocessError):
        return False  # no CAP_SETPCAP (a restricted container): cannot be made
    return probe.returncode == 0


def _drop_read_override() -> None:
    """In the child, before exec: take the read-anything capabilities out of reach."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def run(*args: str, cwd: Path, drop_caps: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        preexec_fn=_drop_read_override if drop_caps else None,
    )


def read_log(path: Path) -> dict[str, tuple[str, str]]:
    entries = [json.loads(line) for line in path.read_text().splitlines()]
    return {e["path"]: (e["status"], e["error"]) for e in entries}


def test_mixed_batch_completes_with_status_1_and_an_error_log(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"good{i}.txt").write_text(page(i))
    (src / "good-gz.txt.gz").write_bytes(gzip.compress(page(10).encode()))
    (src / "corrupt.txt.gz").write_bytes(gzip.compress(page(11).encode())[:60])
    (src / "latin1.txt").write_bytes(page(12).replace("council", "conseil é").encode("latin-1"))
    rng = random.Random(0)
    (src / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    # Not UTF-8 and not clean in any charset: decoded as well as can be, still cleaned.
    broken = page(15).encode().replace(b"council", b"coun\xc3\x28\xa0\xffcil")
    (src / "undecodable.txt").write_bytes(broken)
    (src / "empty.txt").write_bytes(b"")
    # 50 MB of one page: more than the --timeout allows, far less than the size limit.
    with open(src / "huge.txt", "w") as huge:
        block = page(13)
        for _ in range(50_000_000 // len(block) + 1):
            huge.write(block)
    locked = src / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(page(14))
    locked.chmod(0)
    can_lock = _can_drop_read_override()
    try:
        proc = run(
            *("in", "-o", "out", "--errors", "errors.jsonl", "-j", "2", "--timeout", "2"),
            cwd=tmp_path,
            drop_caps=can_lock,
        )
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    log = read_log(tmp_path / "errors.jsonl")
    expected = {
        "in/binary.txt": ("failed", "InputBinaryError"),
        "in/corrupt.txt.gz": ("failed", "BadGzipFile"),
        "in/empty.txt": ("skipped", "EmptyInput"),
        "in/huge.txt": ("failed", "DocumentTimeoutError"),
    }
    if can_lock:
        expected["in/locked"] = ("failed", "PermissionError")
    assert log == expected
    out = tmp_path / "out" / "in"
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        *("good-gz.txt", "good0.txt", "good1.txt", "good2.txt", "good3.txt"),
        *("latin1.txt", "undecodable.txt"),
    ]
    assert (out / "good2.txt").read_text() == cleaner.clean_article(page(2)) + "\n"
    assert "conseil é" in (out / "latin1.txt").read_text(encoding="utf-8")
    assert "item 15-0-0 was noted" in (out / "undecodable.txt").read_text(encoding="utf-8")
    failed = 4 if can_lock else 3
    summary = proc.stderr.decode().strip().splitlines()[-1]
    assert f"{7 + failed + 1} documents: 7 ok, {failed} failed, 1 skipped" in summary
    if not can_lock:
        pytest.skip("cannot make a folder unreadable here (root with CAP_DAC_OVERRIDE)")


def test_failures_go_to_stderr_without_an_error_log(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text(page(1))
    (tmp_path / "in" / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    proc = run("in", "missing.html", "--jsonl", "out.jsonl", "-j", "1", cwd=tmp_path)
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "in/bad.txt.gz: BadGzipFile" in err
    assert "missing.html: FileNotFoundError" in err
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    quiet = run("in", "--jsonl", "out2.jsonl", "-q", cwd=tmp_path)
    assert quiet.returncode == 1 and quiet.stderr == b""


def test_all_good_exits_0_and_size_limit_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(page(1))
    assert run("in", "-o", "out", "-q", cwd=tmp_path).returncode == 0
    (tmp_path / "in" / "big.txt").write_text(page(2) * 200)  # about 100 KB
    proc = run("in", "-o", "out2", "--max-size", "0.05", "--errors", "e.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert read_log(tmp_path / "e.jsonl") == {"in/big.txt": ("failed", "InputTooLargeError")}


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(page(1))
    proc = run("pipe.txt", "ok.txt", "--jsonl", "-", "--errors", "e.jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert read_log(tmp_path / "e.jsonl") == {"pipe.txt": ("failed", "NotRegularFileError")}


def test_every_input_that_is_no_readable_page_gets_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"good{i}.txt").write_text(page(i))
    (src / "dangling.txt").symlink_to(src / "moved.txt")
    os.mkfifo(src / "pipe.txt")
    monkeypatch.chdir(src)  # a short name: socket paths are limited to 108 bytes
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("socket.txt")
    locked = src / "locked.txt"
    locked.write_text(page(3))
    locked.chmod(0)
    can_lock = _can_drop_read_override()
    args = ("in", "-o", "out", "--errors", "errors.jsonl", "-j", "2")
    start = time.monotonic()
    proc = run(*args, cwd=tmp_path, drop_caps=can_lock)
    assert time.monotonic() - start < 60, "a FIFO was waited on"
    assert proc.returncode == 1, proc.stderr
    entries = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    reasons = {e["path"]: (e["status"], e["error"], e["message"]) for e in entries}
    expected = {
        "in/dangling.txt": (
            "failed",
            "BrokenLinkError",
            f"dangling symbolic link: in/dangling.txt -> {src / 'moved.txt'}",
        ),
        "in/pipe.txt": (
            "failed",
            "NotRegularFileError",
            "not a regular file but a FIFO: in/pipe.txt",
        ),
        "in/socket.txt": (
            "failed",
            "NotRegularFileError",
            "not a regular file but a socket: in/socket.txt",
        ),
    }
    if can_lock:
        expected["in/locked.txt"] = (
            "failed",
            "PermissionError",
            "Permission denied: in/locked.txt",
        )
    assert reasons == expected
    written = sorted(p.name for p in (tmp_path / "out" / "in").iterdir())
    assert written == ["good0.txt", "good1.txt", *([] if can_lock else ["locked.txt"])]
    summary = proc.stderr.decode().strip().splitlines()[-1]
    ok = 2 if can_lock else 3
    assert f"6 documents: {ok} ok, {6 - ok} failed" in summary
    if not can_lock:
        pytest.skip("cannot make a file unreadable here (root with CAP_DAC_OVERRIDE)")


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find the workers")
def test_a_killed_worker_is_replaced_and_its_document_retried(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    # Slow pages first, so that the worker is busy when it is killed.
    for i in range(2):  # about 3 MB each: half a second to clean
        (src / f"a{i}.txt").write_text(page(i) * 2000)
    for i in range(5):
        (src / f"b{i}.txt").write_text(page(i))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "in", "--jsonl", "out.jsonl", "-j", "1", "--no-timing"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    killed = None
    deadline = time.monotonic() + 30
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        # Workers are the leaves of the process tree (forked, or under a forkserver).
        tree = _descendants(proc.pid)
        workers = [pid for pid in tree if not _children(pid)]
        if workers:
            time.sleep(0.1)
            try:
                os.kill(min(workers), signal.SIGKILL)
                killed = min(workers)
            except ProcessLookupError:  # it had just finished: look again
                continue
    _, err = proc.communicate(timeout=120)
    assert killed is not None, "no worker process was found"
    assert proc.returncode == 0, err
    records = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [f"in/a{i}.txt" for i in range(2)] + [
        f"in/b{i}.txt" for i in range(5)
    ]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []
