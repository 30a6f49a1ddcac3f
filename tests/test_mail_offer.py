"""A newsletter offer's line on text (rules/signup.py): reasons, and max_words pinned
from both sides on hand-built blocks."""

from __future__ import annotations

import pytest
from helpers import PROSE, reason_between_prose

from cleaner.rules.signup import MailOffer


def reason(line: str, **params: object) -> str | None:
    return reason_between_prose(MailOffer, line, **params)


@pytest.mark.parametrize(
    "line",
    [
        "Our morning briefing, free by email",
        "Wöchentlich ins Postfach: der Newsletter",
        "La lettre quotidienne dans votre boîte mail",
        "Suscríbete al boletín de la redacción",
        "Iscriviti alla newsletter della redazione",
        "Assine a newsletter da redação",
        "Dagelijks de nieuwsbrief in je mailbox",
        "Подпишитесь на рассылку редакции",
        # Other genders, numbers and cases of the offer and channel words.
        "Бесплатное утреннее письмо каждый день",
        "Подписка на наше еженедельное издание",
        "Unser wöchentlicher Newsletter",
        "Les newsletters quotidiennes de la rédaction",
        "Boletines diarios de la redacción",
        "Newsletter subscription",
        # A box's title names the letter by its own name, with the site or the reader
        # standing in for the channel.
        "Get our free morning letter",
        "Recevez chaque semaine notre lettre gratuite",
        "Apúntate gratis a nuestra carta diaria",
    ],
)
def test_offer_removed(line: str) -> None:
    got = reason(line)
    assert got is not None and got.startswith("a newsletter offer: names")


@pytest.mark.parametrize(
    "line",
    [
        "Email",  # a share bar's button: a channel, no offer
        "Contact the newsroom by email",  # no offer
        "Free entry for children under twelve",  # an offer, no channel
        # Long: the article's own sentence about a newsletter.
        "The daily newsletter the ministry sends by email to every school was cut in May.",
    ],
)
def test_other_lines_kept(line: str) -> None:
    assert reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        # A sentence naming the reader and an offer word is the article's.
        "Make exercise part of your daily routine.",
        "The truth will make you free.",
    ],
)
def test_a_sentence_with_a_person_is_kept(line: str) -> None:
    assert reason(line) is None


def test_channels_for_offer() -> None:
    # Without an offer word, two channels and the reader: the letter and its box.
    line = "La sélection de la rédaction dans votre boîte mail"
    assert reason(line) is not None
    assert reason(line, channels_for_offer=3) is None
    # One channel and a person is a contact line, unless one channel is enough.
    assert reason("Send your questions by email") is None
    assert reason("Send your questions by email", channels_for_offer=1) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Newsletter: tell us what lands in your inbox.",  # a sentence
        "The newsletter and the mailbox",  # no site, no reader
    ],
)
def test_two_channels_without_offer_kept(line: str) -> None:
    assert reason(line) is None


def test_max_words() -> None:
    line = "Get our free daily newsletter by email"  # 7 words
    assert reason(line, max_words=7) is not None
    assert reason(line, max_words=6) is None


def test_whole_page_on_text() -> None:
    from cleaner import clean_article

    line = "Den Newsletter gratis ins Postfach holen"
    out = clean_article("\n\n".join([PROSE[0], PROSE[1], line, PROSE[2], PROSE[3]]), kind="text")
    assert line not in out and PROSE[2] in out
