"""The compiled walk's Cython source translates to C.

setup.py turns a failed build into a warning and installs the Python walk (an install
without a compiler must succeed), and every compiled-against-Python test then skips: a
source that no longer compiles (two ``.pxi`` files naming the same function, say) would
pass the suite unnoticed, only slower. Translating needs Cython, not a C compiler, so
this runs on every machine the test extra installs on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The checkout's source: an installed wheel carries the built module, not its source.
PYX = Path(__file__).resolve().parents[1] / "src" / "cleaner" / "frontends" / "html" / "_cwalk.pyx"


def _translate(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cython", "-3", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_compiled_walk_source_translates(tmp_path: Path) -> None:
    done = _translate(PYX, tmp_path / "walk.c")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "walk.c").stat().st_size > 100_000


def test_a_clash_between_included_files_fails_the_translation(tmp_path: Path) -> None:
    # The check itself can fail: two included files defining one cdef function.
    copy = tmp_path / "html"
    copy.mkdir()
    for part in PYX.parent.iterdir():
        if part.suffix in (".pyx", ".pxi"):
            (copy / part.name).write_text(part.read_text(encoding="utf-8"), encoding="utf-8")
    # The merge that this test follows: the same name, two signatures.
    clashes = {
        "_clines.pxi": "\n\ncdef tuple _clash(tuple gates):\n    return gates\n",
        "_cmarks.pxi": "\n\ncdef bint _clash(object root) except -1:\n    return 1\n",
    }
    for name, clash in clashes.items():
        with open(copy / name, "a", encoding="utf-8") as handle:
            handle.write(clash)
    assert _translate(copy / "_cwalk.pyx", tmp_path / "walk.c").returncode != 0
