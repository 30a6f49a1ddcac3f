"""The player rules of issue 15: whole-line player and ad phrases, and the cluster of
short lines around a player's stubs (thresholds pinned from both sides)."""

from __future__ import annotations

import pytest
from helpers import PROSE, make_doc, make_rule, page, prose, words
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, Config, clean_and_explain
from cleaner.blocks import Block, Removal
from cleaner.rules.media import MediaStub, PlayerCluster, PlayerLine
from cleaner.rules.whole_line import WholeLinePhraseRule


def _stub(text: str = "Watch later", rule: str = "media_stub") -> Block:
    block = Block(0, text)
    block.removal = Removal(rule, "media", "a stub")
    return block


def _chrome(text: str = "Share") -> Block:
    block = Block(0, text)
    block.removal = Removal("chrome_phrase", "navigation", "chrome")
    return block


def _cluster(*items: str | Block, **params: object) -> list[str]:
    """The kept texts after PlayerCluster, between two paragraphs of prose."""
    doc = make_doc(prose(120, "lorem"), *items, prose(120, "ipsum"))
    make_rule(PlayerCluster, **params).apply(doc)
    return [b.text for b in doc.blocks[1:-1] if b.removal is None]


def test_player_cluster_min_stubs() -> None:
    assert _cluster(_stub(), "City TV", _stub("0:00 / 3:18", "player_timeline")) == []
    assert _cluster(_stub(), "City TV") == ["City TV"]  # one stub: no cluster
    assert _cluster(_stub(), "City TV", _stub(), min_stubs=3) == ["City TV"]


def test_player_cluster_max_words() -> None:
    eight, nine = words(8, "Qz"), words(9, "Qz")
    assert _cluster(_stub(), eight, _stub()) == []
    assert _cluster(_stub(), nine, _stub()) == [nine]


def test_player_cluster_takes_no_sentence() -> None:
    assert _cluster(_stub(), "City TV.", _stub()) == ["City TV."]


def test_player_cluster_reach() -> None:
    two, three = ["Qa", "Qb"], ["Qa", "Qb", "Qc"]
    assert _cluster(_stub(), *two, _stub()) == []
    assert _cluster(_stub(), *three, _stub()) == three  # two players of one stub each
    assert _cluster(_stub(), *three, _stub(), reach=3) == []


def test_player_cluster_leaves_the_lines_around_it() -> None:
    # A short line just before or after a player may be the article's sub-heading.
    assert _cluster("Qa", _stub(), "Qb", _stub(), "Qc") == ["Qa", "Qc"]


def test_player_cluster_crosses_removed_lines_freely() -> None:
    lines = ["Qa", _chrome(), _chrome(), "Qb", _chrome()]
    assert _cluster(_stub(), *lines, _stub(), _chrome(), _chrome(), _stub()) == []


def test_player_cluster_stops_at_prose() -> None:
    kept = prose(90, "dolor")
    assert _cluster(_stub(), "Qa", kept, "Qb", _stub()) == ["Qa", kept, "Qb"]


def test_media_stub_max_words() -> None:
    # Whole-line phrases of up to 40 words (a player's error sentence), not 41.
    config = Config(extra_phrases={"media_stub": [r"re:(qq\s*)+"]})
    rule = make_rule(MediaStub, config)
    for n, expected in ((40, True), (41, False)):
        doc = make_doc(words(n, "qq"), config=config)
        assert bool(rule.reason_for(doc.blocks[0], doc)) is expected, n


ARTICLE = [
    "The council voted on Tuesday to extend the program for another year, and the mayor "
    "said it was a victory for everybody involved in the long debate.",
    "Critics of the plan said the money would be better spent on roads and schools, but "
    "the vote passed with a comfortable majority after a short discussion.",
    "The program will now run until the end of next year, when the council is expected "
    "to review its results and decide whether to make it permanent.",
]

# Player leftovers and ad markers as innerText dumps carry them, one list per language.
LEFTOVERS = {
    "en": [
        "Watch later",
        "Copy link",
        "Watch on YouTube",
        "Playback Rate",
        "1.5x",
        "Advertisement - Scroll to continue",
        "Story continues below advertisement",
    ],
    "de": [
        "Später ansehen",
        "Link kopieren",
        "Wiedergabegeschwindigkeit",
        "Untertitel aus",
        "Externen Inhalt laden",
        "Anzeige",
        "Weiterlesen nach der Anzeige",
    ],
    "fr": [
        "À regarder plus tard",
        "Copier le lien",
        "Vitesse de lecture",
        "Plein écran",
        "Publicité",
        "La suite après la publicité",
    ],
    "es": [
        "Ver más tarde",
        "Copiar enlace",
        "Velocidad de reproducción",
        "Pantalla completa",
        "Publicidad",
        "Continúa después de la publicidad",
    ],
    "it": [
        "Guarda più tardi",
        "Copia link",
        "Velocità di riproduzione",
        "Schermo intero",
        "Pubblicità",
        "Continua a leggere dopo la pubblicità",
    ],
    "nl": [
        "Later bekijken",
        "Link kopiëren",
        "Weergavesnelheid",
        "Volledig scherm",
        "Advertentie",
        "Lees verder onder de advertentie",
    ],
    "pt": [
        "Assistir mais tarde",
        "Copiar link",
        "Velocidade de reprodução",
        "Tela cheia",
        "Publicidade",
        "Continua após a publicidade",
    ],
    "ru": [
        "Смотреть позже",
        "Копировать ссылку",
        "Скорость воспроизведения",
        "Полноэкранный режим",
        "Реклама",
        "Продолжение после рекламы",
    ],
}


@pytest.mark.parametrize("lang", sorted(LEFTOVERS))
def test_player_and_ad_lines_go_in_every_language(lang: str) -> None:
    raw = "\n".join([ARTICLE[0], *LEFTOVERS[lang], "0:00 / 3:18", *ARTICLE[1:]])
    result = clean_and_explain(raw, kind="text")
    assert result.text == "\n\n".join(ARTICLE), [(b.text, b.rule) for b in result.blocks]


def test_a_player_cluster_goes_whole() -> None:
    # The channel name and the menu entry between the stubs are in no list: the cluster
    # takes them (the headline above the timeline is media_title's).
    player = ["Mayor Speaks After The Vote", "0:00 / 3:18", "City TV", "Opaque", "Watch later"]
    raw = "\n".join([ARTICLE[0], *player, *ARTICLE[1:]])
    assert clean_and_explain(raw, kind="text").text == "\n\n".join(ARTICLE)


def test_ui_words_inside_prose_stay() -> None:
    # Whole lines only: the same words inside a sentence are text.
    sentence = (
        "Viewers could watch later on YouTube, where the advertisement ran at playback "
        "rate one and a half, the station said."
    )
    raw = "\n".join([ARTICLE[0], sentence, *ARTICLE[1:]])
    assert sentence in clean_and_explain(raw, kind="text").text


# The whole-line rules try their literal trie only on a block holding one of its trigger
# words (each phrase's longest): the gate must never turn a match into a miss.
_RULES = [r for r in Cleaner().rules_for("text") if isinstance(r, WholeLinePhraseRule)]
_WORDS = sorted(
    {w for r in _RULES for w in r.triggers} | {"1", ":", "•", "»", "-", "_", "'", "x", "the"}
)


@given(
    rule=st.sampled_from(_RULES),
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
    edges=st.tuples(st.sampled_from(["", "• ", "1. ", "_"]), st.sampled_from(["", ":", " »"])),
)
def test_the_trigger_gate_of_whole_line_rules_loses_no_match(rule, words, edges) -> None:
    doc = make_doc(edges[0] + " ".join(words) + edges[1])
    block = doc.blocks[0]
    folded = block.features.folded
    plain = bool(
        (rule.literal is not None and rule.literal.match(folded))
        or (rule.patterns is not None and rule.patterns.match(folded))
    )
    assert bool(rule.reason_for(block, doc)) is plain


def test_every_literal_phrase_passes_the_trigger_gate() -> None:
    for rule in _RULES:
        for phrase in Cleaner()._phrases.phrases(rule.section):
            if phrase.startswith("re:") or len(phrase.split()) > rule.max_words:
                continue
            doc = make_doc(phrase)
            assert rule.reason_for(doc.blocks[0], doc), (rule.name, phrase)


# -- player_line: a player's status or error line told by its shape ----------------------


def _player_lines(*items: str | Block, **params: object) -> list[str]:
    """The texts player_line removes, between two paragraphs of prose."""
    doc = make_doc(prose(120, "lorem"), *items, prose(120, "ipsum"))
    make_rule(PlayerLine, **params).apply(doc)
    return [b.text for b in doc.blocks[1:-1] if b.removal and b.removal.rule == "player_line"]


def test_player_line_needs_a_player_beside_it() -> None:
    # Alone between paragraphs a short line naming the medium may be a sub-heading.
    assert _player_lines("The Video") == []
    assert _player_lines("The clip cannot be played here", _stub()) == [
        "The clip cannot be played here"
    ]
    assert _player_lines("Starting the player", "The clip was removed") == [
        "Starting the player",
        "The clip was removed",
    ]


def test_player_line_alone_naming_the_state() -> None:
    # Alone, a line naming the medium and its state is a player's status line; naming
    # only the medium or only a state, it may be the article's sub-heading.
    for line in (
        "The clip has been removed",
        "Iniciando el reproductor",
        "Video nicht verfügbar",
        "Vidéo indisponible",
        "Видео недоступно",
    ):
        assert _player_lines(line) == [line], line
    assert _player_lines("The Video") == []
    assert _player_lines("Roads removed from the map") == []


def test_player_line_state_beside_a_player() -> None:
    # Naming a player's state without the medium ('footage' is no media word): beside a
    # stub or another player line it is the player's; alone it may be the article's.
    assert _player_lines("The footage was removed", _stub()) == ["The footage was removed"]
    assert _player_lines("Starting the player", "The footage was removed") == [
        "Starting the player",
        "The footage was removed",
    ]
    assert _player_lines("The footage was removed") == []
    assert _player_lines("Roads removed from the map") == []


def test_player_line_min_media_words() -> None:
    # Alone, a line naming the medium and the player's side of it (the browser, the
    # playback) is a player's error message, even as a sentence; one medium alone, or two
    # media, may be a sub-heading or the article's sentence.
    line = "The video cannot be played in this browser"  # video, browser
    assert _player_lines(line) == [line]
    assert _player_lines(line, min_media_words=3) == []
    sentence = "Tu navegador no es compatible con la reproducción de vídeo."  # 3 parts
    assert _player_lines(sentence) == [sentence]
    assert _player_lines(sentence, min_media_words=3) == [sentence]
    assert _player_lines(sentence, min_media_words=4) == []  # prose, alone
    assert _player_lines("The video was filmed by a resident last week.") == []
    assert _player_lines("The station offers video and audio of every debate.") == []
    assert _player_lines("The Video") == []


def test_player_line_max_words() -> None:
    line = "The video " + words(8)  # 10 words
    assert _player_lines(line, _stub()) == [line]
    assert _player_lines(line, _stub(), max_words=9) == []


def test_player_line_ellipsis_max_words() -> None:
    assert _player_lines("Fetching the latest clip...", _stub()) == ["Fetching the latest clip..."]
    assert _player_lines("One moment please…", _stub()) == ["One moment please…"]
    assert _player_lines("Hold on one short moment…", _stub()) == []  # 5 words
    assert _player_lines("Hold on one short moment…", _stub(), ellipsis_max_words=5) == [
        "Hold on one short moment…"
    ]


def test_player_line_max_stretch() -> None:
    # A list of short lines naming a medium is the article's (a spec list), not a player.
    items = ["4K video recording", "Stereo audio output", "Video calls in HD", "Podcast app"]
    assert _player_lines(*items) == items
    assert _player_lines(*items, "Night mode") == []
    assert _player_lines(*items, max_stretch=3) == []


def test_player_line_under_a_title() -> None:
    # No blank line between the title and the line under it, on a page that has them.
    # ('Video report' names no state: alone, it could be a sub-heading.)
    title, line = Block(0, "Protests spread across the region"), Block(0, "Video report")
    line.gap_before = False
    assert _player_lines(title, line) == ["Video report"]
    spaced = Block(0, "Video report")
    assert _player_lines(Block(0, "Protests spread across the region"), spaced) == []


def test_player_line_blocks_per_gap() -> None:
    # Hanging under a line says "title" only on a page that separates paragraphs with
    # blank lines: here 2 blocks in 6 have one.
    def removed(blocks_per_gap: int) -> bool:
        texts = (prose(120), "A title above", "Video report", "Other words", "More", prose(120))
        blocks = [Block(0, t) for t in texts]
        for i, b in enumerate(blocks):
            b.gap_before = i in (0, 1)
        doc = make_doc(*blocks)
        make_rule(PlayerLine, blocks_per_gap=blocks_per_gap).apply(doc)
        return doc.blocks[2].removal is not None

    assert removed(3)
    assert not removed(2)


def test_player_line_whole_pages_in_three_languages() -> None:
    for title, status, message in (
        ("Protests spread across the region", "Starting the player...", "This clip is gone."),
        ("Proteste in mehreren Städten", "Player startet …", "Dieses Video wurde entfernt"),
        ("Протесты в нескольких городах", "Запуск плеера...", "Ролик был удалён"),
    ):
        text = page(f"{title}\n{status}", message, "0:00 / 2:45")
        out = Cleaner().clean(text, kind="text")
        assert not {title, status, message} & set(out.split("\n")), out


def test_media_title_in_a_dump_without_blank_lines() -> None:
    # Every line hangs under the one above, so only the sentence end tells the article's
    # last line from the video's title (in sentence case outside English).
    for title in ("Debatte um die Wohnungsnot geht weiter", "Засуха: мнения экспертов"):
        text = page(title, "0:00 / 2:45").replace("\n\n", "\n")
        out = Cleaner().clean(text, kind="text")
        assert title not in out.split("\n"), out
        assert all(p in out for p in (PROSE[0], PROSE[-1])), out
    # The paragraph above a stub stays.
    text = page("0:00 / 2:45").replace("\n\n", "\n")
    assert PROSE[1] in Cleaner().clean(text, kind="text")
