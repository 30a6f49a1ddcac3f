"""The batch machinery behind the ``cleaner`` command.

``inputs`` finds documents (files, folders, lists, stdin; pages, JSON Lines, WARC),
``worker`` cleans one document in a worker process, ``pool`` runs the workers (time
limits, replacement of dead workers), ``output`` writes results atomically, ``resume``
keeps the checkpoint that makes a killed batch resumable, ``templates`` counts
site-template paragraphs, and ``runner`` ties them together in input order: ``options``
says what a batch is asked to do, ``ledger`` keeps its counts and checkpoint, ``feed``
hands documents to the workers (and runs the template pass), ``commit`` commits the
outcomes in input order.
"""

from __future__ import annotations

from .runner import BatchOptions, Summary, run_batch

__all__ = ["BatchOptions", "Summary", "run_batch"]
