"""The shipped phrase files: they parse, hold every section, and work through the rules.

The behaviour tests put one line into a small page of real prose in the same language
and check which rule, if any, removed it. Positive lines are what sites print; negative
lines are ordinary article sentences that contain the same words and must survive.
"""

from __future__ import annotations

import pytest
import regex

from cleaner import clean_and_explain
from cleaner.config import SHIPPED_LANGUAGES
from cleaner.phrases import SECTIONS, alternation, parse_phrases, read_phrase_file

# Four paragraphs of ordinary prose per language: the page the test line sits in.
PROSE: dict[str, list[str]] = {
    "en": [
        "The city council voted on Tuesday to expand the bus network into the northern "
        "suburbs, where residents have complained for years about long commutes.",
        "Officials said the new routes would start running in the spring and that fares "
        "would stay the same for at least two more years.",
        "Several members of the council argued that the plan was too expensive, but the "
        "mayor said the cost would be covered by a regional transport grant.",
        "The first buses are expected to arrive in March, and the council will review the "
        "service after six months to decide whether more routes are needed.",
    ],
    "ru": [
        "Городской совет во вторник проголосовал за расширение автобусной сети в северные "
        "районы, где жители уже много лет жалуются на долгую дорогу до работы.",
        "Чиновники сообщили, что новые маршруты начнут работать весной, а стоимость "
        "проезда не изменится как минимум в течение двух лет.",
        "Несколько депутатов заявили, что план слишком дорогой, но мэр ответил, что "
        "расходы будут покрыты за счёт регионального транспортного гранта.",
        "Первые автобусы должны прибыть в марте, и совет оценит работу новых маршрутов "
        "через шесть месяцев, чтобы решить, нужны ли дополнительные линии.",
    ],
    "de": [
        "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in die nördlichen Vororte "
        "auszubauen, wo sich die Bewohner seit Jahren über lange Fahrzeiten beklagen.",
        "Die Verwaltung teilte mit, dass die neuen Linien im Frühjahr starten und die "
        "Fahrpreise mindestens zwei weitere Jahre gleich bleiben sollen.",
        "Mehrere Mitglieder des Rates hielten den Plan für zu teuer, doch der Bürgermeister "
        "sagte, die Kosten würden durch einen regionalen Zuschuss gedeckt.",
        "Die ersten Busse sollen im März kommen, und der Rat will das Angebot nach sechs "
        "Monaten prüfen, um zu entscheiden, ob weitere Linien nötig sind.",
    ],
    "fr": [
        "Le conseil municipal a voté mardi l'extension du réseau de bus vers les banlieues "
        "du nord, où les habitants se plaignent depuis des années de trajets trop longs.",
        "Les responsables ont indiqué que les nouvelles lignes seraient mises en service au "
        "printemps et que les tarifs ne changeraient pas pendant au moins deux ans.",
        "Plusieurs élus ont jugé le projet trop coûteux, mais le maire a assuré que la "
        "dépense serait couverte par une subvention régionale pour les transports.",
        "Les premiers bus doivent arriver en mars, et le conseil évaluera le service après "
        "six mois pour décider si d'autres lignes sont nécessaires.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes ampliar la red de autobuses hacia los barrios del "
        "norte, donde los vecinos se quejan desde hace años de los largos trayectos.",
        "Los responsables explicaron que las nuevas líneas empezarán a funcionar en "
        "primavera y que las tarifas no cambiarán durante al menos dos años más.",
        "Varios concejales consideraron que el plan era demasiado caro, pero el alcalde "
        "aseguró que el gasto se cubrirá con una subvención regional de transporte.",
        "Los primeros autobuses llegarán en marzo, y el ayuntamiento revisará el servicio "
        "dentro de seis meses para decidir si hacen falta más líneas.",
    ],
}

# (language, line, rule that must remove it) -- what real pages print.
POSITIVE: list[tuple[str, str, str]] = [
    ("en", "Skip to main content", "accessibility_link"),
    ("en", "Continue reading", "chrome_phrase"),
    ("en", "Share this with Facebook", "chrome_phrase"),
    ("en", "Share E-Mail Print", "share_bar"),
    ("en", "Your browser does not support the video tag.", "media_stub"),
    ("en", "This site uses Akismet to reduce spam.", "notice"),
    ("en", "Copyright (c) 2021 Example Media. All rights reserved.", "notice"),
    ("en", "You are using an outdated browser. Please upgrade your browser.", "notice"),
    ("en", "Your browser was unable to load the stylesheet of this page.", "notice"),
    # A documentation or help page's feedback widget.
    ("en", "Was this page helpful?", "chrome_phrase"),
    ("de", "War diese Seite hilfreich?", "chrome_phrase"),
    ("fr", "Cet article vous a-t-il été utile ?", "chrome_phrase"),
    ("es", "¿Te ha resultado útil esta página?", "chrome_phrase"),
    ("es", "¿Le ha resultado útil esta página?", "chrome_phrase"),
    ("ru", "Была ли эта статья полезной?", "chrome_phrase"),
    # A help centre's vote tally and closing line (Zendesk Guide's words).
    ("en", "212 out of 240 found this helpful", "chrome_phrase"),
    ("ru", "Пользователи, считающие этот материал полезным: 212 из 240", "chrome_phrase"),
    ("en", "Have more questions? Submit a request", "chrome_phrase"),
    ("ru", "Еще есть вопросы? Отправить запрос", "chrome_phrase"),
    # A shop review's vote line; Javadoc's headings over inherited members.
    ("en", "Was this review helpful?", "chrome_phrase"),
    ("en", "Your Answer", "chrome_phrase"),
    ("en", "Click to expand...", "chrome_phrase"),
    ("en", "Reaction score", "chrome_phrase"),
    ("es", "Tu respuesta", "chrome_phrase"),
    ("de", "War diese Bewertung hilfreich?", "chrome_phrase"),
    ("fr", "Cet avis vous a-t-il été utile ?", "chrome_phrase"),
    ("en", "Methods inherited from class java.lang.Object", "chrome_phrase"),
    ("en", "Fields inherited from interface java.util.Map", "chrome_phrase"),
    ("ru", "Перейти к основному содержанию", "accessibility_link"),
    ("ru", "Читать далее", "chrome_phrase"),
    ("ru", "Загрузить ещё", "chrome_phrase"),
    ("ru", "Поделиться ВКонтакте Одноклассники Telegram", "share_bar"),
    ("ru", "12 комментариев", "counter"),
    ("ru", "Пожалуйста, подождите", "media_stub"),
    ("ru", "Подпись к фото, Мэр на открытии новой линии", "media_label"),
    ("ru", "Мы используем файлы cookie, чтобы сайт работал лучше.", "notice"),
    ("ru", "© 2024 ООО «Медиа». Все права защищены.", "notice"),
    ("de", "Zum Inhalt springen", "accessibility_link"),
    ("de", "Weiterlesen", "chrome_phrase"),
    ("de", "Impressum Datenschutz", "chrome_phrase"),
    ("de", "Teilen Drucken E-Mail", "share_bar"),
    ("de", "Bitte warten", "media_stub"),
    ("de", "Bildunterschrift: Der Bürgermeister bei der Eröffnung", "media_label"),
    ("de", "Cookies akzeptieren", "notice"),
    ("de", "Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.", "notice"),
    ("fr", "Aller au contenu principal", "accessibility_link"),
    ("fr", "Lire la suite", "chrome_phrase"),
    ("fr", "Partager sur Facebook", "chrome_phrase"),
    ("fr", "Partager Imprimer Courriel", "share_bar"),
    ("fr", "Veuillez patienter", "media_stub"),
    ("fr", "Crédit photo : AFP", "media_label"),
    ("fr", "Nous utilisons des cookies pour améliorer votre expérience.", "notice"),
    ("fr", "© Le Journal 2024 – Tous droits réservés", "notice"),
    ("es", "Saltar al contenido", "accessibility_link"),
    ("es", "Leer más", "chrome_phrase"),
    ("es", "Compartir en Facebook", "chrome_phrase"),
    ("es", "Compartir Imprimir Enviar por correo", "share_bar"),
    ("es", "Por favor espere", "media_stub"),
    ("es", "Pie de foto, El alcalde en la inauguración", "media_label"),
    ("es", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "notice"),
    ("es", "Todos los derechos reservados", "chrome_phrase"),
    # Skip links however worded: a verb of going, where to, a part of the page.
    ("en", "Jump to the footer", "accessibility_link"),
    ("ru", "Вернуться к поиску", "accessibility_link"),
    ("de", "Direkt zur Fußzeile", "accessibility_link"),
    ("fr", "Revenir au pied de page", "accessibility_link"),
    ("es", "Volver a la búsqueda", "accessibility_link"),
]

# (language, line) -- article sentences holding the same words; no phrase rule may touch them.
NEGATIVE: list[tuple[str, str]] = [
    ("en", "Many readers still browse on an older browser, the survey of the council found."),
    ("en", "She said she would continue reading the report before deciding on the budget."),
    ("en", "Photo archives from the 1950s show the old depot before it was rebuilt."),
    ("en", "Residents can share their views with the council at a public meeting next week."),
    ("ru", "Он не хотел читать далее первую главу, потому что отчёт показался ему скучным."),
    ("ru", "Фото старого депо из архива показывает, каким был район в пятидесятых годах."),
    ("ru", "Жители могут поделиться своим мнением с депутатами на открытом собрании в четверг."),
    ("en", "Was this page helpful to the council when it drew up the plan for the new depot?"),
    ("en", "Out of 240 residents asked, 212 found this helpful in planning their journeys."),
    ("ru", "Была ли эта статья полезной для депутатов, решит комиссия на следующей неделе."),
    ("en", "Methods inherited from class hierarchies are listed in the appendix below."),
    ("de", "Er wollte den Bericht weiterlesen, bevor der Rat über den Haushalt entscheidet."),
    ("de", "Bitte warten Sie nicht bis März, sagte der Bürgermeister den Anwohnern am Abend."),
    ("de", "Die Bäckerei am Bahnhof verkauft Cookies und Brezeln an die wartenden Fahrgäste."),
    ("fr", "Il a voulu lire la suite du rapport avant que le conseil ne vote le budget."),
    ("fr", "Légende du football local, l'ancien joueur a inauguré la nouvelle ligne de bus."),
    ("fr", "La boulangerie de la gare vend des cookies aux voyageurs qui attendent le bus."),
    ("es", "Quiso leer más sobre el proyecto antes de votar el presupuesto del ayuntamiento."),
    ("es", "Por favor espere a la primavera, dijo el alcalde a los vecinos del barrio norte."),
    ("es", "La panadería de la estación vende cookies a los viajeros que esperan el autobús."),
    # A skip link's words in an article's line: more than the link.
    ("en", "Go to the top of the hill before dark"),
    ("de", "Zurück zum Inhalt des Vertrags kam der Rat erst am Abend."),
    ("es", "Volver al inicio del proyecto costaría dos años más, dijo el alcalde."),
]

# (language, heading) -- a heading that ends the article; what follows it goes too.
TRAILER: list[tuple[str, str]] = [
    ("en", "Customer reviews"),
    ("en", "Related articles"),
    ("en", "Leave a Reply"),
    ("ru", "Материалы по теме"),
    ("ru", "Комментарии (3)"),
    ("de", "Weitere Beiträge zum Thema"),
    ("de", "3 Gedanken zu „Der neue Busplan“"),
    ("fr", "Articles similaires"),
    ("fr", "Laisser un commentaire"),
    ("es", "Artículos relacionados"),
    ("es", "Deja una respuesta"),
    ("en", "You may also like"),
    (
        "en",
        "Not the answer you're looking for? Browse other questions tagged excel or ask "
        "your own question.",
    ),
    ("es", "¿No es la respuesta que buscas? Examina otras preguntas con la etiqueta excel."),
    ("ru", "Вам может быть интересно"),
    ("de", "Das könnte Sie auch interessieren"),
    ("fr", "Vous aimerez aussi"),
    ("es", "También te puede interesar"),
]

# (language, line) -- "read also" boxes that stand inside articles: the line goes as
# chrome, the article goes on after it.
READ_ALSO: list[tuple[str, str]] = [
    ("ru", "Читайте также"),
    ("de", "Lesen Sie auch"),
    ("fr", "Lire aussi"),
    ("es", "Te puede interesar"),
]

PHRASE_RULES = frozenset(
    {
        "accessibility_link",
        "chrome_phrase",
        "share_bar",
        "counter",
        "media_stub",
        "media_title",
        "media_label",
        "notice",
        "trailer_zone",
    }
)


def _decision_for(lang: str, line: str, *, at: int = 2, prose: dict | None = None):
    """Run the real pipeline on prose with ``line`` inserted; the decision on that line."""
    paragraphs = (prose or PROSE)[lang]
    page = [*paragraphs[:at], line, *paragraphs[at:]]
    result = clean_and_explain("\n\n".join(page), kind="text")
    [decision] = [b for b in result.blocks if b.text == line]
    return result, decision


def assert_removed_by(lang: str, line: str, rule: str, prose: dict | None = None) -> None:
    """``line`` goes by ``rule``, and the prose around it survives untouched."""
    result, decision = _decision_for(lang, line, prose=prose)
    assert decision.rule == rule, str(decision)
    for paragraph in (prose or PROSE)[lang]:
        assert paragraph in result.text


def assert_kept(lang: str, line: str, prose: dict | None = None) -> None:
    """``line`` (an article sentence with a phrase's words) stays."""
    result, decision = _decision_for(lang, line, prose=prose)
    assert decision.kept, str(decision)
    assert line in result.text


# -- the files ---------------------------------------------------------------------------


#: Languages whose phrase files cover every section (it, nl and pt since they gained
#: chrome_words, counter_nouns and media_label). A newer file may start partial
#: (sections absent); it still must parse and compile.
FULL_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "nl", "pt")


def test_full_languages_are_shipped() -> None:
    assert set(FULL_LANGUAGES) <= set(SHIPPED_LANGUAGES)


@pytest.mark.parametrize("lang", FULL_LANGUAGES)
def test_every_section_present_and_filled(lang: str) -> None:
    sections = read_phrase_file(lang)
    missing = [s for s in SECTIONS if not sections.get(s)]
    assert not missing, f"{lang}.txt lacks sections {missing}"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_every_section_compiles(lang: str) -> None:
    sections = read_phrase_file(lang)
    assert sections.get("stopwords"), f"{lang}.txt has no stop words"
    for name, phrases in sections.items():
        if name == "stopwords" or not phrases:
            continue
        pattern = alternation(phrases)
        assert pattern is not None
        regex.compile(pattern)


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_regex_phrases_are_lower_case(lang: str) -> None:
    # Rules match phrases against case-folded text, so an upper-case letter in a
    # regex phrase could never match.
    for name, phrases in read_phrase_file(lang).items():
        for phrase in phrases:
            if phrase.startswith("re:"):
                body = regex.sub(r"\\[pP]\{\w+\}", "", phrase[3:])
                assert body == body.casefold(), f"{lang}.txt [{name}] {phrase!r}"


@pytest.mark.parametrize("lang", SHIPPED_LANGUAGES)
def test_no_duplicate_phrases_within_a_section(lang: str) -> None:
    for name, phrases in read_phrase_file(lang).items():
        folded = [p.casefold() for p in phrases]
        dupes = sorted({p for p in folded if folded.count(p) > 1})
        assert not dupes, f"{lang}.txt [{name}] repeats {dupes}"


def test_parser_rejects_unknown_section_and_orphan_phrase() -> None:
    from cleaner.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown section"):
        parse_phrases("[chrome]\nread more\n[chrom]\nx\n")
    with pytest.raises(ConfigError, match="outside"):
        parse_phrases("read more\n")
    assert parse_phrases("# c\n[chrome]\n\nread more\n") == {"chrome": ["read more"]}


# -- through the rules -------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "line", "rule"), POSITIVE)
def test_boilerplate_line_removed_by_its_rule(lang: str, line: str, rule: str) -> None:
    assert_removed_by(lang, line, rule)


@pytest.mark.parametrize(("lang", "line"), NEGATIVE)
def test_article_sentence_with_phrase_words_kept(lang: str, line: str) -> None:
    assert_kept(lang, line)


@pytest.mark.parametrize(("lang", "heading"), TRAILER)
def test_trailer_heading_ends_the_article(lang: str, heading: str) -> None:
    after = PROSE[lang][0]  # prose after the heading still goes: it is the trailer
    page = [*PROSE[lang][1:], heading, after]
    result = clean_and_explain("\n\n".join(page), kind="text")
    decisions = {b.text: b for b in result.blocks}
    # A heading that is also a chrome phrase ("Leave a Reply") is claimed by that rule
    # first; the cut after it is the trailer rule's either way.
    assert decisions[heading].rule in {"trailer_zone", "chrome_phrase"}, str(decisions[heading])
    assert decisions[after].rule == "trailer_zone", str(decisions[after])
    for paragraph in PROSE[lang][1:]:
        assert decisions[paragraph].kept


@pytest.mark.parametrize(("lang", "line"), READ_ALSO)
def test_read_also_line_does_not_end_the_article(lang: str, line: str) -> None:
    result, decision = _decision_for(lang, line, at=3)
    assert decision.rule == "chrome_phrase", str(decision)
    assert PROSE[lang][3] in result.text


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_trailer_heading_needs_prose_above(lang: str) -> None:
    # The same heading at the top of a page is not a trailer: nothing is cut.
    heading = dict(TRAILER)[lang]
    result = clean_and_explain("\n\n".join([heading, *PROSE[lang]]), kind="text")
    for paragraph in PROSE[lang]:
        assert paragraph in result.text


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_prose_pages_detected_in_their_language(lang: str) -> None:
    # The behaviour tests above rely on the page being read in its own language.
    result = clean_and_explain("\n\n".join(PROSE[lang]), kind="text")
    assert result.language == lang
    assert all(b.kept for b in result.blocks)


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_language_is_read_through_a_long_menu(lang: str) -> None:
    # Two hundred menu items hold no stop words; the paragraphs still tell.
    menu = [f"Section{i} Page{i}" for i in range(200)]
    result = clean_and_explain("\n".join([*menu, "", *PROSE[lang][:2]]), kind="text")
    assert result.language == lang


def test_phrase_rules_listed_exist() -> None:
    from cleaner.rules import DEFAULT_RULES

    names = {r.name for r in DEFAULT_RULES}
    assert names >= PHRASE_RULES
