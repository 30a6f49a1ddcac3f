"""Sign-up and consent boxes left in a text dump: a newsletter offer, a short line pairing
a mail channel with an offer ('Den Newsletter gratis ins Postfach holen', 'Our daily email
briefing'), and a cookie or consent banner's line, naming what the banner asks consent
for, what is done with it and the site or the reader ('Ce site utilise des traceurs :
vous pouvez les refuser')."""

from __future__ import annotations

from ..blocks import Block
from ..config import Config
from ..phrases import PhraseBook
from .base import Document, LineRule, bound_by
from .gates import Gate, tokens_any
from .params import Param


class MailOffer(LineRule):
    name = "mail_offer"
    family = "trailers"
    description = (
        "Text only: a short line naming a mail channel ('email', 'inbox', 'newsletter', "
        "'Postfach', 'рассылка') together with an offer word ('free', 'daily', "
        "'subscribe', 'gratuit', 'бесплатно'): a newsletter sign-up box's line. A "
        "channel word alone does not tell ('Email', 'Contact us by e-mail'): a share bar "
        "or the article's own line. In a line that ends no sentence, the site or the "
        "reader (a consent_person word: 'our', 'notre', 'nuestra') stands in for the "
        "channel ('Get our free morning letter'), or, naming two channels ('boîte mail', "
        "'newsletter ... inbox'), for the offer ('Our pick of the day in your inbox')."
    )
    kinds = frozenset({"text"})
    words_bound = bound_by("max_words")

    max_words = Param(10, "The line has at most this many words.")
    channels_for_offer = Param(
        2,
        "A line ending no sentence that names the site or the reader needs no offer word "
        "when it names at least this many different channel words: the letter and where "
        "it lands ('Notre sélection dans votre boîte mail'); one channel with a person is "
        "a contact line ('Email us').",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.channels = phrases.words("mail_channel")
        self.offers = phrases.words("mail_offer")
        self.persons = phrases.words("consent_person")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        # (Every reason needs an offer word: one set test in C turns away almost every
        # line before a word-by-word look.)
        if f.n_words > self.max_words:
            return None
        if self.offers.isdisjoint(f.tokens):
            # (_delivered's first test inline: most lines name no channel either.)
            if f.ends_sentence or self.channels.isdisjoint(f.tokens):
                return None
            return self._delivered(block)
        channel = next((t for t in f.tokens if t in self.channels), None)
        if channel is None and not f.ends_sentence:
            # A box's title names the letter by its own name, with the site or the reader
            # ('Get our free morning letter'); a sentence doing so is the article's ('Make
            # exercise part of your daily routine.').
            channel = next((t for t in f.tokens if t in self.persons), None)
        if channel is None:
            return None
        offer = next((t for t in f.tokens if t in self.offers), None)
        if offer is None:
            return None
        return f"a newsletter offer: names {channel!r} with {offer!r}"

    def line_gate(self) -> Gate:
        return (tokens_any(self.offers | self.channels),)

    def _delivered(self, block: Block) -> str | None:
        """A line without an offer word: the letter delivered to the reader's box."""
        f = block.features
        if f.ends_sentence or self.channels.isdisjoint(f.tokens):
            return None  # (most lines: no channel word, one test in C)
        named = self.channels.intersection(f.tokens)
        if len(named) < self.channels_for_offer:
            return None
        person = next((t for t in f.tokens if t in self.persons), None)
        if person is None:
            return None
        return f"a newsletter offer: names {' and '.join(map(repr, sorted(named)))} for {person!r}"


class ConsentNotice(LineRule):
    name = "consent_notice"
    family = "trailers"
    description = (
        "Text only: a short line naming what a consent banner asks consent for (cookies, "
        "trackers, privacy settings: 'cookies', 'traceurs', 'Datenschutzeinstellungen'), "
        "what is done with them ('use', 'accept', 'continuing', 'settings', 'site', "
        "'utilise', 'соглашаетесь': the consent_act words) and the site or the reader "
        "('we', 'you', 'vous', 'вы'): a cookie or consent banner's line, however worded. A "
        "line ending no sentence may name the acceptance instead of a person ('Accept all "
        "cookies'). The article's sentence about cookies or privacy law is longer, or lacks "
        "one of the three; a recipe names cookies and the reader without what banners do "
        "('If you want soft cookies, take them out after ten minutes.')."
    )
    kinds = frozenset({"text"})
    words_bound = bound_by("max_words")

    max_words = Param(
        30,
        "The line has at most this many words: a banner's one or two sentences ('We use "
        "cookies to improve your experience. By continuing, you accept their use.').",
    )

    def __init__(self, config: Config, phrases: PhraseBook) -> None:
        super().__init__(config, phrases)
        self.objects = phrases.words("consent_object")
        self.acts = phrases.words("consent_act")
        self.persons = phrases.words("consent_person")
        self.accepts = phrases.words("consent_accept")

    def reason_for(self, block: Block, doc: Document) -> str | None:
        f = block.features
        # (As mail_offer: the object word first, in one set test.)
        if f.n_words > self.max_words or self.objects.isdisjoint(f.tokens):
            return None
        thing = next(t for t in f.tokens if t in self.objects)
        act = next((t for t in f.tokens if t in self.acts), None)
        if act is None:
            return None
        person = next((t for t in f.tokens if t in self.persons), None)
        if person is None and not f.ends_sentence:
            # A button or a box's title accepts without naming anyone ('Accept all
            # cookies'); a sentence doing so is the article's ('Most readers accept cookies.').
            person = next((t for t in f.tokens if t in self.accepts), None)
        if person is None:
            return None
        return f"a consent banner's line: names {thing!r} with {act!r} and {person!r}"

    def line_gate(self) -> Gate:
        return (tokens_any(self.objects) + tokens_any(self.acts),)


RULES = (MailOffer, ConsentNotice)
