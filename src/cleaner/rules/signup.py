"""A newsletter offer left in a text dump: a short line pairing a mail channel with an
offer ('Den Newsletter gratis ins Postfach holen', 'Our daily email briefing')."""

from __future__ import annotations

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from .base import Document, LineRule
from .params import Param


class MailOffer(LineRule):
    name = "mail_offer"
    family = "trailers"
    description = (
        "Text only: a short line naming a mail channel ('email', 'inbox', 'newsletter', "
        "'Postfach', 'рассылка') together with an offer word ('free', 'daily', "
        "'subscribe', 'gratuit', 'бесплатно'): a newsletter sign-up box's line. A "
        "channel word alone does not tell ('Email', 'Contact us by e-mail'): a share bar "
        "or the article's own line."
    )
    kinds = frozenset({"text"})

    max_words = Param(10, "The line has at most this many words.")

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.channels = phrases.words("mail_channel")
        self.offers = phrases.words("mail_offer")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        if f.n_words > self.max_words or not f.n_words:
            return None
        channel = next((t for t in f.tokens if t in self.channels), None)
        if channel is None:
            return None
        offer = next((t for t in f.tokens if t in self.offers), None)
        if offer is None:
            return None
        return f"a newsletter offer: names {channel!r} with {offer!r}"


RULES = (MailOffer,)
