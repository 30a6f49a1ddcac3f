"""Repeated text: exact repeats, captions printed twice, pull quotes, short copies."""

from __future__ import annotations

from bisect import bisect_right

from .base import Document, Rule, quote


class ExactDuplicate(Rule):
    name = "exact_duplicate"
    family = "duplicates"
    description = (
        "A block whose text (casefolded, punctuation and spacing ignored) appeared earlier "
        "on the page: the first copy stays."
    )

    def apply(self, doc: Document) -> None:
        first_seen: dict[str, int] = {}
        minimum = self.config.duplicate_min_chars
        for block in doc.blocks:
            key = block.features.key
            if block.features.repeats < 2 or len(key) < minimum:
                continue
            if key in first_seen:
                if block.removal is None and not block.pruned:
                    self.remove(block, f"repeats block {first_seen[key]} {quote(block.text)}")
            else:
                first_seen[key] = block.index


class ContainedDuplicate(Rule):
    name = "contained_duplicate"
    family = "duplicates"
    description = (
        "A block contained in a longer block elsewhere on the page (a pull quote, a "
        "paragraph printed once cut short): the fuller copy stays."
    )

    def apply(self, doc: Document) -> None:
        min_words = self.config.contained_min_words
        candidates = [
            b for b in doc.kept() if b.features.n_words >= min_words and b.features.repeats == 1
        ]
        if len(candidates) < 2:
            return
        # One string of every kept key, so each probe is a single C-level search.
        starts: list[int] = []
        parts: list[str] = []
        offset = 0
        for block in candidates:
            starts.append(offset)
            parts.append(block.features.key)
            offset += len(block.features.key) + 1
        haystack = "\n".join(parts)
        for block in candidates:
            key = block.features.key
            pos = haystack.find(key)
            while pos != -1:
                end = pos + len(key)
                whole_words = (pos == 0 or haystack[pos - 1] in " \n") and (
                    end == len(haystack) or haystack[end] in " \n"
                )
                other = candidates[bisect_right(starts, pos) - 1]
                if (
                    whole_words
                    and other is not block
                    and len(other.features.key) > len(key)
                    and other.removal is None
                ):
                    self.remove(block, f"a shorter copy of block {other.index} {quote(block.text)}")
                    break
                pos = haystack.find(key, pos + 1)


RULES = (ExactDuplicate, ContainedDuplicate)
