"""Coverage-guided fuzzing of ``clean_and_explain`` with atheris (issue 6).

    pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_clean.py -max_total_time=600 -timeout=30 -rss_limit_mb=3072

With no corpus directory on the command line, one is made in a temporary folder from
the fixture pages and the seed page (their first 16 KB). Each input is tried as one of:
bytes with the kind sniffed, bytes as text, bytes as HTML, or text decoded with
``surrogateescape`` (so it can hold lone surrogates). Only ``CleanerError`` may escape;
libFuzzer's ``-timeout`` reports a hang and ``-rss_limit_mb`` a memory blow-up. Not part
of the test suite: tests/test_hostile_fuzz.py is the bounded Hypothesis version CI runs.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner import CleanerError, clean_and_explain

    # Modules the package imports lazily (front-ends, charset guessing) must load here
    # to be instrumented: one text and one HTML page load them.
    clean_and_explain("Warm up.\n\nA line.", kind="text")
    clean_and_explain("<html><body><p>Warm up.</p></body></html>", kind="html")
    clean_and_explain("Привет, мир. Это текст.".encode("cp1251"))

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [
    *sorted((ROOT / "src" / "cleaner" / "samples").glob("*.txt")),
    ROOT.parent / "shared" / "seed" / "rferl-kazakhstan.txt",
]
KINDS = (None, "text", "html")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 3)
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    raw: str | bytes = payload.decode("utf-8", "surrogateescape") if mode == 3 else payload
    with contextlib.suppress(CleanerError):
        clean_and_explain(raw, kind=KINDS[mode % 3])


def _seed_corpus() -> str:
    folder = Path(tempfile.mkdtemp(prefix="cleaner-fuzz-"))
    for i, path in enumerate(p for p in SEEDS if p.is_file()):
        (folder / f"seed{i}").write_bytes(b"\x00" + path.read_bytes()[:16_384])
    html = b"<!doctype html><html><body><article><p>A paragraph.</p></article></body></html>"
    (folder / "html").write_bytes(b"\x00" + html)
    return str(folder)


def main() -> None:
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        argv.append(_seed_corpus())
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
