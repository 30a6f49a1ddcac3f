"""The kept text read as a later call reads its input: binary data keeps nothing."""

from __future__ import annotations

from ..blocks import Block
from ..config import Config
from ..decoding import BINARY_SAMPLE_CHARS, binary_text_kind
from ..phrases import PhraseBook
from ..render import render_text
from .base import Document, Rule


class BinaryOutput(Rule):
    name = "binary_output"
    family = "quality"
    description = (
        "Everything kept, when the kept text is what a call would read as binary data "
        "(dense control characters): cleaning the output again must give the output."
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        from ..frontends.html.compiled import compiled_prepare  # (it imports rules)

        super().__init__(config, phrases)
        # Looked up once, not by an import statement a page.
        self._twins = compiled_prepare

    def apply(self, doc: Document) -> None:
        # A page whose input was not binary can still keep a part dense with control
        # characters once the lines around it are gone; cleaning that output again would
        # empty it. The same check as the input's makes the first call agree with the
        # second. Only the sample the input check reads is joined.
        kept: list[Block] = []
        size = 0
        for block in doc.blocks:
            if block.removal is None:
                kept.append(block)
                size += len(block.text) + 2
                if size > BINARY_SAMPLE_CHARS:
                    break
        if not kept:
            return
        # The compiled twin counting control characters where the compiled walk is used
        # (as the pipeline's input check does): Python's encodes the sample to count.
        twins = self._twins()
        count = twins.control_count if twins is not None else None
        what = binary_text_kind(render_text(kept), count)
        if what is None:
            return
        self.remove_all(doc.blocks, f"the kept text looks binary ({what})")


RULES = (BinaryOutput,)
