"""What a run has committed, and the state folder that keeps it across a kill.

The ``Ledger`` holds the counters and the checkpoint of a run, loads them back on
``--resume``, opens the output where the killed run stopped, and saves a checkpoint
after the data it vouches for (see ``resume`` for the files themselves).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import BinaryIO, Protocol

from .inputs import DocRef
from .options import BatchOptions
from .output import ErrorLog, StreamWriter, TreeWriter
from .resume import Checkpoint, ResumeError, StateDir
from .worker import Outcome

#: Seconds between checkpoints: the most work a killed run can lose.
CHECKPOINT_SECONDS = 0.5
#: Name of the state folder inside an output tree.
TREE_STATE = ".cleaner-resume"


class _Writer(Protocol):
    def write(self, doc: DocRef, outcome: Outcome) -> int: ...
    def position(self) -> int: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


class _NullWriter:
    def write(self, doc: DocRef, outcome: Outcome) -> int:
        return 0

    def position(self) -> int:
        return 0

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def signature(options: BatchOptions) -> str:
    """What must not change between a killed run and its ``--resume``."""
    r = options.read
    parts = {
        "inputs": options.inputs,
        "from_list": options.from_list,
        "outdir": str(options.outdir.resolve()) if options.outdir else None,
        "jsonl": os.path.abspath(options.jsonl) if options.jsonl else None,
        "fmt": options.fmt,
        "read": [r.field, r.id_field, r.url_field, r.max_bytes, list(r.globs)],
        "kind": options.kind,
        "cleaner": sorted((k, repr(v)) for k, v in options.cleaner_options.items()),
        "errors": str(options.errors.resolve()) if options.errors else None,
        "timing": options.timing,
        "templates": [
            options.site_templates,
            options.template_min_pages,
            options.template_min_share,
        ],
        "cwd": os.getcwd(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def state_dir(options: BatchOptions) -> StateDir | None:
    if options.outdir is not None:
        return StateDir(options.outdir / TREE_STATE)
    if options.jsonl not in (None, "-"):
        return StateDir(Path(f"{options.jsonl}.resume"))
    return None


class Ledger:
    """The counters and checkpoint of one run, and its state folder (None: no resume)."""

    def __init__(self, options: BatchOptions, stdout: BinaryIO) -> None:
        self.options = options
        self.stdout = stdout
        self.state = state_dir(options)
        self.checkpoint = Checkpoint(signature(options))
        self.counts: Counter[str] = Counter()
        self.resumed = False

    def open_state(self) -> None:
        if self.state is None:
            return
        saved = self.state.load(self.checkpoint.signature) if self.options.resume else None
        if saved is None:
            self.state.start_fresh()
        else:
            self.state.prepare_resume()
            self.checkpoint = saved
            self.resumed = True
            self.counts.update(saved.counts)

    def open_writer(self) -> _Writer:
        o = self.options
        if o.outdir is not None:
            assert self.state is not None
            return TreeWriter(o.outdir, o.fmt, o.timing, self.state.tmp)
        if o.jsonl == "-":
            return StreamWriter(self.stdout, "json", o.timing)
        if o.jsonl is not None:
            assert self.state is not None
            partial = self.state.partial
            if self.resumed:
                if not partial.exists() and self.checkpoint.out_bytes:
                    raise ResumeError(f"{partial} is missing; run again without --resume")
                stream = open(partial, "r+b" if partial.exists() else "wb")  # noqa: SIM115
                stream.truncate(self.checkpoint.out_bytes)
                stream.seek(self.checkpoint.out_bytes)
            else:
                stream = open(partial, "wb")  # noqa: SIM115
            return StreamWriter(stream, "json", o.timing)
        if not o.print_text:
            return _NullWriter()
        return StreamWriter(self.stdout, o.fmt, o.timing)

    def save_checkpoint(self, writer: _Writer, errors: ErrorLog, next_seq: int) -> None:
        # Data first, then the checkpoint that vouches for it.
        writer.flush()
        errors.flush()
        if self.state is None:
            return
        cp = self.checkpoint
        cp.next_seq = next_seq
        cp.out_bytes = writer.position()
        cp.err_bytes = errors.position()
        cp.counts = {k: v for k, v in self.counts.items() if k != "processed"}
        self.state.save(cp)

    def complete(self) -> None:
        """Mark the run done: the JSON Lines output takes its name, the state goes."""
        if self.state is not None:
            self.checkpoint.complete = True
            self.state.save(self.checkpoint)
            if self.options.jsonl not in (None, "-") and self.state.partial.exists():
                os.replace(self.state.partial, self.options.jsonl)
            self.state.remove()
