"""Player UI text and ad markers in the thinner phrase files (issue 15, items 1 and 2).

The Italian, Dutch and Portuguese files gained the strings the players publish in their
translation tables (Video.js, JW Player, MediaElement.js), the embeds' account, region
and loading notes, and the ad slots' labels; French, Spanish, German and Russian gained
the categories they lacked (JW Player's ad and error lines, menus with a value, download
lists, Google's ad-feedback panel). Each line sits in a page of ordinary prose in its
language; a positive line goes by the rule named, a negative line (an article sentence
with the same words) stays.
"""

from __future__ import annotations

import pytest
from test_phrases import PROSE as FULLER_PROSE
from test_phrases import assert_kept, assert_removed_by

from cleaner import clean_and_explain

# Four paragraphs of ordinary prose per language: the page the test line sits in (the
# fuller languages' pages are test_phrases's).
PROSE: dict[str, list[str]] = {
    **FULLER_PROSE,
    "it": [
        "Il consiglio comunale ha approvato martedì l'estensione della rete di autobus "
        "verso i quartieri a nord, dove i residenti lamentano da anni tragitti troppo lunghi.",
        "I funzionari hanno spiegato che le nuove linee partiranno in primavera e che le "
        "tariffe resteranno invariate per almeno altri due anni.",
        "Diversi consiglieri hanno giudicato il progetto troppo costoso, ma il sindaco ha "
        "assicurato che la spesa sarà coperta da un contributo regionale per i trasporti.",
        "I primi autobus arriveranno a marzo, e il consiglio valuterà il servizio dopo sei "
        "mesi per decidere se serviranno altre linee.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag ingestemd met de uitbreiding van het busnet naar de "
        "noordelijke wijken, waar bewoners al jaren klagen over lange reistijden.",
        "Ambtenaren zeiden dat de nieuwe lijnen in het voorjaar gaan rijden en dat de "
        "tarieven nog minstens twee jaar hetzelfde blijven.",
        "Verschillende raadsleden vonden het plan te duur, maar de burgemeester zei dat de "
        "kosten worden gedekt door een regionale subsidie voor het vervoer.",
        "De eerste bussen komen in maart, en de raad beoordeelt de dienst na zes maanden "
        "om te beslissen of er meer lijnen nodig zijn.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira a ampliação da rede de ônibus para os "
        "bairros do norte, onde os moradores reclamam há anos de viagens muito longas.",
        "Os responsáveis disseram que as novas linhas começarão a circular na primavera e "
        "que as tarifas não vão mudar durante pelo menos mais dois anos.",
        "Vários vereadores consideraram o projeto caro demais, mas o prefeito garantiu que "
        "o custo será coberto por uma verba regional destinada aos transportes.",
        "Os primeiros ônibus devem chegar em março, e a câmara vai avaliar o serviço depois "
        "de seis meses para decidir se são necessárias mais linhas.",
    ],
}

# (language, line, rule) -- what a player or an ad slot leaves, and the rule it goes by.
POSITIVE: list[tuple[str, str, str]] = [
    # Italian: Video.js, JW Player, MediaElement.js, YouTube; ads; share bar; counter.
    ("it", "Disattiva l’audio", "media_stub"),
    ("it", "Fine della finestra di dialogo.", "media_stub"),
    ("it", "Il video non può essere riprodotto in questo browser.", "media_stub"),
    ("it", "Velocità di riproduzione: 1,5x", "media_stub"),
    ("it", "Qualità: 720p (HD)", "media_stub"),
    ("it", "Accedi per confermare la tua età", "media_stub"),
    ("it", "Ascoltalo su Spotify", "media_stub"),
    ("it", "Scarica MP4 (720p, 48 MB)", "media_stub"),
    ("it", "Pubblicità in caricamento", "chrome_phrase"),
    ("it", "Perché questo annuncio?", "chrome_phrase"),
    ("it", "L'articolo prosegue dopo la pubblicità", "chrome_phrase"),
    ("it", "Contenuti sponsorizzati", "chrome_phrase"),
    ("it", "Condividi su WhatsApp", "share_bar"),
    ("it", "1.234 visualizzazioni", "counter"),
    ("it", "Questo sito utilizza i cookie per migliorare la tua esperienza.", "notice"),
    # Dutch.
    ("nl", "Afspelen", "media_stub"),
    ("nl", "Deze video kan niet worden afgespeeld in je browser.", "media_stub"),
    ("nl", "Reclame overslaan in 5", "media_stub"),
    ("nl", "Volume schuifbalk", "media_stub"),
    ("nl", "Kwaliteit: 1080p", "media_stub"),
    ("nl", "Deze video is niet beschikbaar in jouw land", "media_stub"),
    ("nl", "Luister nu op Spotify", "media_stub"),
    ("nl", "Waarom deze advertentie?", "chrome_phrase"),
    ("nl", "Gesponsorde links", "chrome_phrase"),
    ("nl", "Lees verder na de advertentie", "chrome_phrase"),
    ("nl", "Deel via WhatsApp", "share_bar"),
    ("nl", "2.300 weergaven", "counter"),
    ("nl", "Je e-mailadres wordt niet gepubliceerd.", "notice"),
    # Portuguese (Brazil and Portugal).
    ("pt", "Desativar som", "media_stub"),
    ("pt", "O vídeo não pode ser reproduzido neste navegador.", "media_stub"),
    ("pt", "Pular anúncio em 5", "media_stub"),
    ("pt", "Velocidade: 2x", "media_stub"),
    ("pt", "Faça login para confirmar sua idade", "media_stub"),
    ("pt", "Ouça no Spotify", "media_stub"),
    ("pt", "Baixar MP3 (128 kbps)", "media_stub"),
    ("pt", "Publicidade - continue lendo abaixo", "chrome_phrase"),
    ("pt", "A matéria continua após a publicidade", "chrome_phrase"),
    ("pt", "Informe publicitário", "chrome_phrase"),
    ("pt", "Por que este anúncio?", "chrome_phrase"),
    ("pt", "Compartilhar por e-mail", "share_bar"),
    ("pt", "1.234 visualizações", "counter"),
    ("pt", "O seu endereço de email não será publicado.", "notice"),
    # The categories the fuller files lacked.
    ("fr", "Sauter la publicité dans 5", "media_stub"),
    ("fr", "Qualité : 720p", "media_stub"),
    ("fr", "Pourquoi cette annonce ?", "chrome_phrase"),
    ("es", "Saltar anuncio en 5", "media_stub"),
    ("es", "Descargar MP4 (720p, 48 MB)", "media_stub"),
    ("es", "La noticia continúa tras el anuncio", "chrome_phrase"),
    ("es", "¿Por qué este anuncio?", "chrome_phrase"),
    ("de", "Überspringe Werbung in 5", "media_stub"),
    ("de", "Qualität: 1080p", "media_stub"),
    ("de", "Warum diese Werbung?", "chrome_phrase"),
    ("ru", "Пропустить рекламу через 5", "media_stub"),
    ("ru", "Качество: 720p", "media_stub"),
    ("ru", "Продолжение статьи после рекламы", "chrome_phrase"),
]

# (language, line) -- article sentences holding the same words: they stay.
NEGATIVE: list[tuple[str, str]] = [
    ("it", "La durata del mandato resta di cinque anni, ha ricordato il sindaco ai cronisti."),
    ("it", "La stampa locale ha seguito il dibattito fino a tarda sera, come ogni anno."),
    ("it", "Il sindaco ha detto che la pubblicità dei lavori sarà garantita a tutti."),
    ("it", "Continuando a navigare lungo la costa, i pescatori hanno trovato il relitto."),
    ("nl", "De looptijd van het contract is vijf jaar, zei de wethouder tegen de raad."),
    ("nl", "De reclame voor de nieuwe lijnen hangt vanaf maandag in alle bushokjes van de stad."),
    ("nl", "Bewoners kunnen hun reacties op het plan tot eind mei bij de gemeente indienen."),
    ("pt", "A duração do contrato é de cinco anos, lembrou o prefeito aos jornalistas."),
    ("pt", "O anúncio do novo serviço foi feito pelo prefeito na praça central da cidade."),
    ("pt", "Ao continuar navegando pelo rio, os pescadores encontraram o barco perdido."),
    ("es", "El alcalde explicó por qué este anuncio llega ahora, después de meses de debate."),
    ("de", "Warum diese Werbung so teuer war, wollte der Bürgermeister nicht sagen."),
    ("ru", "Качество дорог в северных районах остаётся главной жалобой жителей города."),
]


@pytest.mark.parametrize(("lang", "line", "rule"), POSITIVE)
def test_player_or_ad_line_removed_by_its_rule(lang: str, line: str, rule: str) -> None:
    assert_removed_by(lang, line, rule, prose=PROSE)


@pytest.mark.parametrize(("lang", "line"), NEGATIVE)
def test_article_sentence_with_the_same_words_kept(lang: str, line: str) -> None:
    assert_kept(lang, line, prose=PROSE)


@pytest.mark.parametrize("lang", ["it", "nl", "pt"])
def test_a_player_in_the_thinner_languages_goes_whole(lang: str) -> None:
    # A player's leftovers as an innerText dump prints them, between two paragraphs:
    # label lines, the timeline and the menus all go, and the article stays whole.
    player = {
        "it": ["Lettore video", "0:00 / 2:41", "Velocità di riproduzione", "Sottotitoli"],
        "nl": ["Videospeler", "0:00 / 2:41", "Afspeelsnelheid", "Ondertiteling"],
        "pt": ["Reprodutor de vídeo", "0:00 / 2:41", "Velocidade de reprodução", "Legendas"],
    }[lang]
    paragraphs = PROSE[lang]
    page = "\n".join([*paragraphs[:2], *player, *paragraphs[2:]])
    assert clean_and_explain(page, kind="text").text == "\n\n".join(paragraphs)
