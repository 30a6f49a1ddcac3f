"""The checkpoint that makes a killed batch resumable.

Results are committed strictly in input order, so the state of a run is a prefix: the
first ``next_seq`` documents are done, the JSON Lines output and the error log had
``out_bytes`` and ``err_bytes`` bytes then, and the counters had these values. The
checkpoint is rewritten atomically (temporary file, rename) after data it describes
has been written, so a run killed at any moment leaves a checkpoint that is true.

``--resume`` truncates both files back to the checkpoint and carries on from
``next_seq``; documents committed after the last checkpoint are simply done again,
giving the same bytes. A mirror tree needs no truncation: its files are written
atomically, and rewriting one gives the same file.

The state lives in a folder of its own: ``OUTDIR/.cleaner-resume`` for a tree,
``OUT.resume`` beside a JSON Lines file. It is removed when the batch completes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATE_VERSION = 1


class ResumeError(Exception):
    """The saved state does not belong to this command, or cannot be read."""


@dataclass
class Checkpoint:
    signature: str
    next_seq: int = 0
    out_bytes: int = 0
    err_bytes: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    complete: bool = False
    version: int = STATE_VERSION


class StateDir:
    """The files of one run's state: checkpoint, template table, temporary files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.checkpoint_file = root / "state.json"
        self.templates_file = root / "templates.json"
        self.partial = root / "partial.jsonl"
        self.tmp = root / "tmp"

    def load(self, signature: str) -> Checkpoint | None:
        """The saved checkpoint, or None when there is none to resume from."""
        try:
            data: dict[str, Any] = json.loads(self.checkpoint_file.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ResumeError(f"cannot read {self.checkpoint_file}: {exc}") from exc
        if data.get("version") != STATE_VERSION:
            raise ResumeError(f"{self.checkpoint_file} was written by another version")
        if data.get("signature") != signature:
            raise ResumeError(
                "the saved state belongs to a different command (other inputs, output "
                "or options); run it again without --resume to start afresh"
            )
        return Checkpoint(**data)

    def start_fresh(self) -> None:
        self.remove()
        self.tmp.mkdir(parents=True)

    def prepare_resume(self) -> None:
        # Temporary files of the killed run are incomplete by definition.
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.tmp.mkdir(parents=True)

    def save(self, checkpoint: Checkpoint) -> None:
        self._atomic_json(self.checkpoint_file, asdict(checkpoint))

    def save_templates(self, fingerprints: frozenset[str]) -> None:
        self._atomic_json(self.templates_file, sorted(fingerprints))

    def load_templates(self) -> frozenset[str] | None:
        try:
            return frozenset(json.loads(self.templates_file.read_text("utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ResumeError(f"cannot read {self.templates_file}: {exc}") from exc

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def _atomic_json(self, target: Path, data: object) -> None:
        tmp = target.with_name(target.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out)
        os.replace(tmp, target)


def truncate(path: Path, size: int) -> None:
    """Cut a file back to ``size`` bytes (create it empty if it is missing)."""
    with contextlib.suppress(FileNotFoundError), open(path, "r+b") as f:
        f.truncate(size)
        return
    path.write_bytes(b"")
