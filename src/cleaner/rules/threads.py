"""The chrome around the posts of a forum thread or a Q&A page.

On a page ``page_type.GuessPageType`` takes for a thread, every post is content, and
what forum software puts around each post is not: signatures, vote counters, user
badges and reputation, user cards, post toolbars. Their class names and ids say so
(the ``[thread_chrome]`` section of ``phrases/html_hints.txt``), and a signature the line
of underscores drawn above it (``frontends/html/blocks.py`` starts a block there); on
other pages the same words and lines may mean something else ("badge" on a product,
"signature" under an open letter), so the rule reads them on threads only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook, html_hints
from ..spaces import words_up_to
from .base import Document, Rule, quote
from .elements import name_tokens
from .page_type import PAGE_TYPE, GuessPageType
from .params import Param

if TYPE_CHECKING:
    from .tree import Elements

__all__ = ["ThreadChrome"]


class ThreadChrome(Rule):
    name = "thread_chrome"
    family = "thread"
    description = (
        "On a forum thread or a Q&A page: the blocks of signatures, vote counters, user "
        "badges and reputation, user cards and post toolbars, told by their class names "
        "and ids ([thread_chrome] in html_hints.txt)."
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"html"})
    uses_features: ClassVar[bool] = False
    requires = (GuessPageType,)
    #: The ``html_hints.txt`` section of the class and id tokens.
    vocabulary = "thread_chrome"

    levels = Param(
        3,
        "A block goes when its element or one of this many elements around it is named "
        "as chrome (a vote count inside the vote box inside the vote cell).",
    )
    inline_max_words = Param(
        12,
        "A block with an inline element named as chrome inside (a badge after a user "
        "name) goes when it has at most this many words: a post's meta line, not its text.",
    )

    signature_max_words = Param(
        30,
        "A block opening with a line of underscores (the rule forum software draws above "
        "a signature) is a signature when it has at most this many words.",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        entries = [tuple(line.lower().split()) for line in html_hints().get(self.vocabulary, ())]
        #: Entries by first token, longest first (a reason names the most specific).
        self.entries: dict[str, list[tuple[str, ...]]] = {}
        for entry in sorted(entries, key=len, reverse=True):
            self.entries.setdefault(entry[0], []).append(entry)

    def apply(self, doc: Document) -> None:
        el = doc.elements
        if el is None or doc.notes.get(PAGE_TYPE) != "forum":
            return
        verdicts: dict[int, str | None] = {}
        for block in doc.blocks:
            if block.removal is not None or block.pruned:
                continue
            if self._signature(block.text):
                self.remove(block, f"signature after a drawn rule ({quote(block.text)})")
                continue
            entry = self._named(el, block.element, verdicts)
            short = words_up_to(block.text, self.inline_max_words) <= self.inline_max_words
            if entry is None and short:
                entry = self._inline(el.node[block.element])
            if entry is not None:
                self.remove(block, self._reason(entry, block))

    def _signature(self, text: str) -> bool:
        """A short block whose first line is underscores only (the HTML front-end starts
        a block at such a line)."""
        first, _, rest = text.partition("\n")
        if not rest or first.strip("_"):
            return False
        return words_up_to(rest, self.signature_max_words) <= self.signature_max_words

    def _named(self, el: Elements, start: int, verdicts: dict[int, str | None]) -> str | None:
        """The entry naming ``start`` or one of its ``levels`` nearest ancestors."""
        e = start
        for _ in range(self.levels):
            if e <= 0:
                return None
            if e not in verdicts:
                verdicts[e] = self._match(el.attrs[e])
            if verdicts[e] is not None:
                return verdicts[e]
            e = el.parent[e]
        return None

    def _inline(self, node: Any) -> str | None:
        for child in node.css("[class], [id]"):
            entry = self._match(child.attributes)
            if entry is not None:
                return entry
        return None

    def _match(self, attrs: dict[str, str | None] | None) -> str | None:
        if not attrs:
            return None
        for key in ("class", "id"):
            for name in (attrs.get(key) or "").split():
                tokens = name_tokens(name)
                for at, token in enumerate(tokens):
                    for entry in self.entries.get(token, ()):
                        if tuple(tokens[at : at + len(entry)]) == entry:
                            return "-".join(entry)
        return None

    @staticmethod
    def _reason(entry: str, block: Block) -> str:
        return f"thread chrome, class/id token {entry!r} ({quote(block.text)})"
