"""Word banks for ``cleaner.strategies``: article sentences and boilerplate per language.

Pure data. The boilerplate is what real sites print, in each language, not what the
phrase files already list: generated pages test the rules, they do not mirror them.
Sentence parts are whole phrases (subject, verb, object, complement) chosen so that
any combination is grammatical: singular subjects, tenses without gender agreement
(Russian past tense, which agrees, takes the subject's gender from ``SUBJECTS``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Bank:
    """Everything the page builder needs for one language."""

    language: str
    #: (subject, gender) pairs; gender matters for Russian past tense only.
    subjects: tuple[tuple[str, str], ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    complements: tuple[str, ...]
    clauses: tuple[str, ...]
    #: Word order of a sentence: placeholders {S} {V} {O} {C}; {s} is the subject
    #: inside the sentence (first letter lowered), {Cc} the complement capitalised.
    templates: tuple[str, ...]
    subheadings: tuple[str, ...]
    headline_templates: tuple[str, ...]
    topics: tuple[str, ...]
    captions: tuple[str, ...]
    caption_places: tuple[str, ...]
    caption_suffix: str
    # -- boilerplate -------------------------------------------------------------------
    accessibility_top: tuple[str, ...]
    accessibility_bottom: tuple[str, ...]
    banners: tuple[str, ...]
    sites: tuple[str, ...]
    datelines: tuple[str, ...]
    bylines: tuple[str, ...]
    menu: tuple[str, ...]
    regions: tuple[str, ...]
    share_words: tuple[str, ...]
    counters: tuple[str, ...]
    buttons: tuple[str, ...]
    inline_links: tuple[str, ...]
    stub_waits: tuple[str, ...]
    stub_messages: tuple[str, ...]
    media_labels: tuple[str, ...]
    cookie_notices: tuple[str, ...]
    newsletters: tuple[str, ...]
    copyrights: tuple[str, ...]
    about_headings: tuple[str, ...]
    about_texts: tuple[str, ...]
    archive_links: tuple[str, ...]
    related_headings: tuple[str, ...]
    comment_headings: tuple[str, ...]
    comments: tuple[str, ...]
    #: Subject first letters may be lowered inside a sentence (not for proper names).
    lower_subject: bool = True


AGENCIES = ("Getty Images", "Reuters", "AFP", "EPA", "AP")
COMMENTERS = ("anna_k", "Peter M.", "observer77", "J. Novak", "citizen_2020")
TIMELINES = ("0:00 0:03:18 0:00", "0:00 0:01:32 0:00", "0:00 / 2:45", "00:00 / 04:12", "1:27")

EN = Bank(
    language="en",
    subjects=tuple(
        (s, "m")
        for s in (
            "The government",
            "The prime minister",
            "The city council",
            "The opposition party",
            "A spokeswoman for the ministry",
            "The central bank",
            "The local union",
            "The foreign minister",
            "A group of farmers",
            "The company's chief executive",
            "The regional governor",
            "The health ministry",
            "The supreme court",
            "A coalition of civic groups",
        )
    ),
    verbs=(
        "criticized",
        "defended",
        "announced",
        "rejected",
        "welcomed",
        "postponed",
        "approved",
        "questioned",
        "presented",
        "challenged",
        "discussed",
        "supported",
    ),
    objects=(
        "the new budget",
        "the planned reform",
        "the controversial law",
        "the rise in fuel prices",
        "the proposal for early elections",
        "the agreement with its neighbours",
        "the plan to build a new bridge",
        "the decision to raise taxes",
        "the report on air pollution",
        "the rules for foreign investors",
        "the closure of the old factory",
        "the latest figures on unemployment",
    ),
    complements=(
        "on Tuesday",
        "in the capital",
        "after a long debate",
        "despite strong protests",
        "at a press conference on Monday",
        "earlier this week",
        "in a televised address",
        "for the second time this year",
        "in a statement on Friday",
        "during a visit to the north of the country",
    ),
    clauses=(
        "according to officials familiar with the matter",
        "which drew sharp criticism from the opposition",
        "but the details were not made public",
        "and a vote is expected next month",
        "although many residents remain sceptical",
        "a move that surprised many analysts",
        "as prices continued to rise across the region",
        "while thousands of people gathered outside",
    ),
    templates=("{S} {V} {O} {C}.", "{S} {V} {O} {C}, {clause}.", "{Cc}, {s} {V} {O}."),
    subheadings=(
        "Swift Criticism",
        "A Divided Country",
        "Growing Anger",
        "What Comes Next",
        "Economic Pressure",
        "Old Promises",
        "A Long Road",
    ),
    headline_templates=(
        "Government Under Pressure Over {topic}",
        "Protests Spread As Anger Grows Over {topic}",
        "What's Behind The Row Over {topic}?",
        "Parliament Votes On {topic}",
        "Five Things To Know About {topic}",
    ),
    topics=(
        "Fuel Prices",
        "The Budget Crisis",
        "Election Reform",
        "The Housing Shortage",
        "The Energy Deal",
        "Water Shortages",
    ),
    captions=(
        "Protesters gather outside the parliament building",
        "Police officers stand guard near the main square",
        "Farmers drive their tractors through the city centre",
        "Residents wait in line at a petrol station",
        "Supporters of the opposition listen to a speech",
    ),
    caption_places=(" in the capital", " on Tuesday", ""),
    caption_suffix=" (file photo)",
    accessibility_top=(
        "Skip to main content",
        "Accessibility links",
        "Skip to navigation",
        "Skip to content",
        "Jump to navigation",
    ),
    accessibility_bottom=("Back to top", "Return to top"),
    banners=("Breaking News", "Live", "Breaking", "Live Updates"),
    sites=("The Daily Courier", "Northern Herald", "Steppe Notes", "Metro Post"),
    datelines=("Thursday 6 January 2022", "Updated 14:32 GMT", "Published March 3, 2023"),
    bylines=("By Anna Smith", "By Peter Miller and Jane Doe", "Anna Smith, Political Editor"),
    menu=(
        "Home",
        "World",
        "Business",
        "Politics",
        "Sport",
        "Culture",
        "Science",
        "Opinion",
        "Video",
        "Travel",
    ),
    regions=("Europe", "Asia", "Africa", "Americas", "Middle East"),
    share_words=("Share", "Facebook", "Twitter", "Email", "WhatsApp", "Telegram", "Print"),
    counters=("{n} comments", "{n} views", "Comments ({n})", "{n} shares", "{n} min read"),
    buttons=("Load more", "Show more", "Read more", "Show comments", "See more"),
    inline_links=(
        "Read also: {headline}",
        "Related: {headline}",
        "See also: {headline}",
        "READ MORE: {headline}",
    ),
    stub_waits=("please wait", "Loading..."),
    stub_messages=(
        "No media source currently available",
        "Your browser does not support the video tag.",
        "Media playback is unsupported on your device",
        "Video unavailable",
    ),
    media_labels=("Image caption, {caption}", "Image source, {agency}", "Media caption, {caption}"),
    cookie_notices=(
        "We use cookies to improve your experience on our website. By continuing to use "
        "this site, you agree to our use of cookies.",
        "This website uses cookies to ensure you get the best experience.",
    ),
    newsletters=(
        "Sign up for our newsletter",
        "Get the latest news delivered to your inbox every morning.",
        "Subscribe to our newsletter",
    ),
    copyrights=("© 2024 {site}. All rights reserved.", "Copyright 2023 {site}", "© {site} 2022"),
    about_headings=("About This Blog", "About the Author"),
    about_texts=(
        "{site} is a blog about politics, society and everyday life in the region, "
        "written by our correspondents.",
    ),
    archive_links=("Blog Archive", "All posts"),
    related_headings=(
        "Related Articles",
        "Related",
        "Read Next",
        "You May Also Like",
        "More Stories",
    ),
    comment_headings=("Comments", "Leave a Reply", "Join the Conversation"),
    comments=(
        "This is a very good article, thank you for writing it.",
        "I do not agree with the author on this point at all.",
        "Finally someone is writing about what is really happening here.",
    ),
)

DE = Bank(
    language="de",
    subjects=tuple(
        (s, "m")
        for s in (
            "Die Regierung",
            "Der Ministerpräsident",
            "Der Stadtrat",
            "Die Opposition",
            "Eine Sprecherin des Ministeriums",
            "Die Zentralbank",
            "Die Gewerkschaft",
            "Der Außenminister",
            "Eine Gruppe von Landwirten",
            "Der Vorstandschef des Unternehmens",
            "Die Landesregierung",
            "Das Gesundheitsministerium",
            "Das Verfassungsgericht",
            "Ein Bündnis von Bürgerinitiativen",
        )
    ),
    verbs=(
        "kritisierte",
        "verteidigte",
        "verschob",
        "begrüßte",
        "genehmigte",
        "präsentierte",
        "diskutierte",
        "unterstützte",
        "prüfte",
        "forderte",
    ),
    objects=(
        "den neuen Haushalt",
        "die geplante Reform",
        "das umstrittene Gesetz",
        "den Anstieg der Benzinpreise",
        "den Vorschlag für Neuwahlen",
        "das Abkommen mit den Nachbarländern",
        "den Plan für eine neue Brücke",
        "die Erhöhung der Steuern",
        "den Bericht über die Luftverschmutzung",
        "die Regeln für ausländische Investoren",
        "die Schließung der alten Fabrik",
        "die neuen Zahlen zur Arbeitslosigkeit",
    ),
    complements=(
        "am Dienstag",
        "in der Hauptstadt",
        "nach einer langen Debatte",
        "trotz heftiger Proteste",
        "auf einer Pressekonferenz am Montag",
        "Anfang dieser Woche",
        "in einer Fernsehansprache",
        "zum zweiten Mal in diesem Jahr",
        "in einer Erklärung am Freitag",
        "bei einem Besuch im Norden des Landes",
    ),
    clauses=(
        "wie aus Regierungskreisen verlautete",
        "was bei der Opposition auf scharfe Kritik stieß",
        "doch Einzelheiten wurden nicht bekannt",
        "und eine Abstimmung wird im nächsten Monat erwartet",
        "obwohl viele Einwohner skeptisch bleiben",
        "was viele Beobachter überraschte",
        "während die Preise in der ganzen Region weiter stiegen",
        "während sich Tausende Menschen vor dem Gebäude versammelten",
    ),
    # German is verb-second: a fronted complement moves the subject after the verb.
    templates=("{S} {V} {C} {O}.", "{S} {V} {C} {O}, {clause}.", "{Cc} {V} {s} {O}."),
    subheadings=(
        "Scharfe Kritik",
        "Ein gespaltenes Land",
        "Wachsende Wut",
        "Wie es weitergeht",
        "Wirtschaftlicher Druck",
        "Alte Versprechen",
    ),
    headline_templates=(
        "Streit um {topic}: Was steckt dahinter?",
        "Proteste gegen {topic} weiten sich aus",
        "Was Sie über {topic} wissen müssen",
        "Debatte um {topic} geht weiter",
    ),
    topics=(
        "steigende Benzinpreise",
        "die Haushaltskrise",
        "die Wahlreform",
        "die Wohnungsnot",
        "das Energieabkommen",
        "die Wasserknappheit",
    ),
    captions=(
        "Demonstranten versammeln sich vor dem Parlamentsgebäude",
        "Polizisten stehen am Hauptplatz Wache",
        "Landwirte fahren mit Traktoren durch die Innenstadt",
        "Anwohner warten an einer Tankstelle",
        "Anhänger der Opposition hören eine Rede",
    ),
    caption_places=(" in der Hauptstadt", " am Dienstag", ""),
    caption_suffix=" (Archivbild)",
    accessibility_top=(
        "Zum Inhalt springen",
        "Direkt zum Inhalt",
        "Zur Navigation springen",
        "Springe zum Hauptinhalt",
    ),
    accessibility_bottom=("Nach oben", "Zurück nach oben"),
    banners=("Eilmeldung", "Liveticker", "Aktuell"),
    sites=("Der Tagesbote", "Nordkurier Online", "Stadtanzeiger"),
    datelines=("Donnerstag, 6. Januar 2022", "Aktualisiert am 3. März 2023, 14:32 Uhr"),
    bylines=("Von Anna Schmidt", "Von Peter Müller und Jana Weber"),
    menu=(
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Sport",
        "Kultur",
        "Wissen",
        "Meinung",
        "Video",
        "Reise",
        "Panorama",
    ),
    regions=("Europa", "Deutschland", "Ausland", "Asien"),
    share_words=("Teilen", "Facebook", "Twitter", "E-Mail", "WhatsApp", "Drucken"),
    counters=("{n} Kommentare", "Kommentare ({n})", "{n} Min. Lesezeit"),
    buttons=("Mehr laden", "Weiterlesen", "Mehr anzeigen", "Kommentare anzeigen"),
    inline_links=(
        "Lesen Sie auch: {headline}",
        "Mehr zum Thema: {headline}",
        "Auch interessant: {headline}",
    ),
    stub_waits=("Bitte warten", "Wird geladen..."),
    stub_messages=(
        "Keine Medienquelle verfügbar",
        "Ihr Browser unterstützt dieses Video nicht.",
        "Video nicht verfügbar",
    ),
    media_labels=("Bildunterschrift: {caption}", "Bildquelle: {agency}", "Foto: {agency}"),
    cookie_notices=(
        "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Wenn Sie die "
        "Website weiter nutzen, stimmen Sie der Verwendung von Cookies zu.",
        "Diese Website verwendet Cookies.",
    ),
    newsletters=("Abonnieren Sie unseren Newsletter", "Jetzt für den Newsletter anmelden"),
    copyrights=("© 2024 {site}. Alle Rechte vorbehalten.", "© {site} 2022"),
    about_headings=("Über diesen Blog", "Über die Autorin"),
    about_texts=(
        "{site} ist ein Blog über Politik, Gesellschaft und Alltag in der Region, "
        "geschrieben von unseren Korrespondenten.",
    ),
    archive_links=("Blog-Archiv", "Alle Beiträge"),
    related_headings=(
        "Das könnte Sie auch interessieren",
        "Mehr zum Thema",
        "Ähnliche Artikel",
        "Weitere Artikel",
    ),
    comment_headings=("Kommentare", "Diskutieren Sie mit"),
    comments=(
        "Ein sehr guter Artikel, vielen Dank dafür.",
        "Ich bin mit dem Autor in diesem Punkt überhaupt nicht einverstanden.",
        "Endlich schreibt jemand darüber, was hier wirklich passiert.",
    ),
)

FR = Bank(
    language="fr",
    subjects=tuple(
        (s, "m")
        for s in (
            "Le gouvernement",
            "Le Premier ministre",
            "Le conseil municipal",
            "L'opposition",
            "Une porte-parole du ministère",
            "La banque centrale",
            "Le syndicat local",
            "Le ministre des Affaires étrangères",
            "Un groupe d'agriculteurs",
            "Le directeur de l'entreprise",
            "Le gouverneur de la région",
            "Le ministère de la Santé",
            "Le Conseil constitutionnel",
            "Un collectif d'associations",
        )
    ),
    verbs=(
        "a critiqué",
        "a défendu",
        "a annoncé",
        "a rejeté",
        "a salué",
        "a reporté",
        "a approuvé",
        "a remis en question",
        "a présenté",
        "a contesté",
        "a examiné",
        "a soutenu",
    ),
    objects=(
        "le nouveau budget",
        "la réforme prévue",
        "la loi controversée",
        "la hausse du prix du carburant",
        "la proposition d'élections anticipées",
        "l'accord avec les pays voisins",
        "le projet de nouveau pont",
        "la hausse des impôts",
        "le rapport sur la pollution de l'air",
        "les règles pour les investisseurs étrangers",
        "la fermeture de l'ancienne usine",
        "les derniers chiffres du chômage",
    ),
    complements=(
        "mardi",
        "dans la capitale",
        "après un long débat",
        "malgré de fortes protestations",
        "lors d'une conférence de presse lundi",
        "en début de semaine",
        "dans une allocution télévisée",
        "pour la deuxième fois cette année",
        "dans un communiqué vendredi",
        "lors d'une visite dans le nord du pays",
    ),
    clauses=(
        "selon des sources proches du dossier",
        "ce qui a suscité de vives critiques de l'opposition",
        "mais les détails n'ont pas été rendus publics",
        "et un vote est attendu le mois prochain",
        "même si de nombreux habitants restent sceptiques",
        "une décision qui a surpris de nombreux analystes",
        "alors que les prix continuaient d'augmenter dans toute la région",
        "tandis que des milliers de personnes se rassemblaient devant le bâtiment",
    ),
    templates=("{S} {V} {O} {C}.", "{S} {V} {O} {C}, {clause}.", "{Cc}, {s} {V} {O}."),
    subheadings=(
        "De vives critiques",
        "Un pays divisé",
        "Une colère croissante",
        "Et maintenant ?",
        "Pression économique",
        "De vieilles promesses",
    ),
    headline_templates=(
        "Ce qu'il faut savoir sur {topic}",
        "Le gouvernement sous pression face à {topic}",
        "Manifestations contre {topic} dans plusieurs villes",
        "Le Parlement débat de {topic}",
    ),
    topics=(
        "la hausse des carburants",
        "la crise budgétaire",
        "la réforme électorale",
        "la pénurie de logements",
        "l'accord énergétique",
        "la sécheresse",
    ),
    captions=(
        "Des manifestants se rassemblent devant le Parlement",
        "Des policiers montent la garde près de la place centrale",
        "Des agriculteurs traversent le centre-ville en tracteur",
        "Des habitants font la queue devant une station-service",
        "Des partisans de l'opposition écoutent un discours",
    ),
    caption_places=(" dans la capitale", " mardi", ""),
    caption_suffix=" (photo d'archives)",
    accessibility_top=(
        "Aller au contenu principal",
        "Aller au contenu",
        "Passer au contenu",
        "Aller à la navigation",
    ),
    accessibility_bottom=("Retour en haut", "Haut de page"),
    banners=("Dernière minute", "En direct", "Alerte info"),
    sites=("Le Courrier du Nord", "La Gazette", "Info Régions"),
    datelines=("Jeudi 6 janvier 2022", "Mis à jour le 3 mars 2023 à 14h32"),
    bylines=("Par Anne Martin", "Par Pierre Durand et Julie Petit"),
    menu=(
        "Accueil",
        "International",
        "Politique",
        "Économie",
        "Sport",
        "Culture",
        "Sciences",
        "Opinions",
        "Vidéos",
        "Voyage",
    ),
    regions=("Europe", "France", "Asie", "Afrique"),
    share_words=("Partager", "Facebook", "Twitter", "E-mail", "WhatsApp", "Imprimer"),
    counters=("{n} commentaires", "Commentaires ({n})", "Lecture {n} min"),
    buttons=("Voir plus", "Lire la suite", "Charger plus", "Afficher les commentaires"),
    inline_links=(
        "Lire aussi : {headline}",
        "À lire aussi : {headline}",
        "Voir aussi : {headline}",
    ),
    stub_waits=("Veuillez patienter", "Chargement..."),
    stub_messages=(
        "Aucune source média disponible",
        "Votre navigateur ne prend pas en charge la lecture de vidéos.",
        "Vidéo indisponible",
    ),
    media_labels=("Légende : {caption}", "Crédit photo : {agency}", "Photo : {agency}"),
    cookie_notices=(
        "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre "
        "navigation, vous acceptez l'utilisation de cookies.",
        "Ce site utilise des cookies.",
    ),
    newsletters=("Inscrivez-vous à notre newsletter", "Abonnez-vous à notre lettre d'information"),
    copyrights=("© 2024 {site}. Tous droits réservés.", "© {site} 2022"),
    about_headings=("À propos de ce blog", "À propos de l'auteur"),
    about_texts=(
        "{site} est un blog consacré à la politique, à la société et à la vie quotidienne "
        "dans la région, écrit par nos correspondants.",
    ),
    archive_links=("Archives du blog", "Tous les articles"),
    related_headings=(
        "Articles similaires",
        "À lire aussi",
        "Sur le même sujet",
        "Nos autres articles",
    ),
    comment_headings=("Commentaires", "Réagir à cet article"),
    comments=(
        "Très bon article, merci de l'avoir écrit.",
        "Je ne suis pas du tout d'accord avec l'auteur sur ce point.",
        "Enfin quelqu'un qui écrit sur ce qui se passe vraiment ici.",
    ),
)

ES = Bank(
    language="es",
    subjects=tuple(
        (s, "m")
        for s in (
            "El gobierno",
            "El primer ministro",
            "El ayuntamiento",
            "La oposición",
            "Una portavoz del ministerio",
            "El banco central",
            "El sindicato local",
            "El ministro de Asuntos Exteriores",
            "Un grupo de agricultores",
            "El director de la empresa",
            "El gobernador regional",
            "El Ministerio de Sanidad",
            "El Tribunal Supremo",
            "Una coalición de asociaciones",
        )
    ),
    verbs=(
        "criticó",
        "defendió",
        "anunció",
        "rechazó",
        "celebró",
        "aplazó",
        "aprobó",
        "cuestionó",
        "presentó",
        "impugnó",
        "estudió",
        "apoyó",
    ),
    objects=(
        "el nuevo presupuesto",
        "la reforma prevista",
        "la polémica ley",
        "la subida del precio del combustible",
        "la propuesta de elecciones anticipadas",
        "el acuerdo con los países vecinos",
        "el plan para construir un nuevo puente",
        "la subida de impuestos",
        "el informe sobre la contaminación del aire",
        "las normas para los inversores extranjeros",
        "el cierre de la antigua fábrica",
        "las últimas cifras del paro",
    ),
    complements=(
        "el martes",
        "en la capital",
        "tras un largo debate",
        "a pesar de las fuertes protestas",
        "en una rueda de prensa el lunes",
        "a principios de esta semana",
        "en un discurso televisado",
        "por segunda vez este año",
        "en un comunicado el viernes",
        "durante una visita al norte del país",
    ),
    clauses=(
        "según fuentes cercanas al caso",
        "lo que provocó duras críticas de la oposición",
        "pero los detalles no se hicieron públicos",
        "y se espera una votación el próximo mes",
        "aunque muchos vecinos siguen siendo escépticos",
        "una decisión que sorprendió a muchos analistas",
        "mientras los precios seguían subiendo en toda la región",
        "mientras miles de personas se concentraban frente al edificio",
    ),
    templates=("{S} {V} {O} {C}.", "{S} {V} {O} {C}, {clause}.", "{Cc}, {s} {V} {O}."),
    subheadings=(
        "Críticas inmediatas",
        "Un país dividido",
        "Un enfado creciente",
        "Lo que viene",
        "Presión económica",
        "Viejas promesas",
    ),
    headline_templates=(
        "Lo que hay que saber sobre {topic}",
        "Protestas contra {topic} en varias ciudades",
        "El Parlamento debate {topic}",
        "El gobierno, bajo presión por {topic}",
    ),
    topics=(
        "la subida de los carburantes",
        "la crisis presupuestaria",
        "la reforma electoral",
        "la falta de vivienda",
        "el acuerdo energético",
        "la sequía",
    ),
    captions=(
        "Manifestantes se concentran frente al Parlamento",
        "Agentes de policía vigilan la plaza principal",
        "Agricultores recorren el centro de la ciudad en tractor",
        "Vecinos hacen cola en una gasolinera",
        "Simpatizantes de la oposición escuchan un discurso",
    ),
    caption_places=(" en la capital", " el martes", ""),
    caption_suffix=" (foto de archivo)",
    accessibility_top=(
        "Saltar al contenido principal",
        "Ir al contenido",
        "Saltar a la navegación",
    ),
    accessibility_bottom=("Volver arriba", "Ir arriba"),
    banners=("Última hora", "En directo", "Urgente"),
    sites=("El Correo del Norte", "Diario Regional", "La Crónica"),
    datelines=("Jueves, 6 de enero de 2022", "Actualizado el 3 de marzo de 2023 a las 14:32"),
    bylines=("Por Ana García", "Por Pedro López y Lucía Martín"),
    menu=(
        "Inicio",
        "Internacional",
        "Política",
        "Economía",
        "Deportes",
        "Cultura",
        "Ciencia",
        "Opinión",
        "Vídeos",
        "Viajes",
    ),
    regions=("Europa", "España", "América Latina", "Asia"),
    share_words=("Compartir", "Facebook", "Twitter", "Correo", "WhatsApp", "Imprimir"),
    counters=("{n} comentarios", "Comentarios ({n})", "{n} min de lectura"),
    buttons=("Cargar más", "Leer más", "Ver más", "Mostrar comentarios"),
    inline_links=(
        "Lee también: {headline}",
        "Te puede interesar: {headline}",
        "Más información: {headline}",
    ),
    stub_waits=("Por favor, espere", "Cargando..."),
    stub_messages=(
        "No hay ninguna fuente multimedia disponible",
        "Tu navegador no es compatible con la reproducción de vídeo.",
        "Vídeo no disponible",
    ),
    media_labels=("Pie de foto: {caption}", "Fuente de la imagen: {agency}", "Foto: {agency}"),
    cookie_notices=(
        "Utilizamos cookies para mejorar su experiencia. Si continúa navegando, acepta su uso.",
        "Este sitio web utiliza cookies.",
    ),
    newsletters=("Suscríbete a nuestro boletín", "Recibe las últimas noticias en tu correo"),
    copyrights=("© 2024 {site}. Todos los derechos reservados.", "© {site} 2022"),
    about_headings=("Sobre este blog", "Sobre la autora"),
    about_texts=(
        "{site} es un blog sobre política, sociedad y vida cotidiana en la región, "
        "escrito por nuestros corresponsales.",
    ),
    archive_links=("Archivo del blog", "Todas las entradas"),
    related_headings=(
        "Artículos relacionados",
        "Te puede interesar",
        "Más noticias",
        "Lo más leído",
    ),
    comment_headings=("Comentarios", "Deja un comentario"),
    comments=(
        "Muy buen artículo, gracias por escribirlo.",
        "No estoy nada de acuerdo con el autor en este punto.",
        "Por fin alguien escribe sobre lo que realmente está pasando aquí.",
    ),
)

RU = Bank(
    language="ru",
    subjects=(
        ("Правительство", "n"),
        ("Премьер-министр", "m"),
        ("Городской совет", "m"),
        ("Оппозиция", "f"),
        ("Представитель министерства", "m"),
        ("Центральный банк", "m"),
        ("Местный профсоюз", "m"),
        ("Министр иностранных дел", "m"),
        ("Группа фермеров", "f"),
        ("Руководитель компании", "m"),
        ("Губернатор области", "m"),
        ("Министерство здравоохранения", "n"),
        ("Верховный суд", "m"),
        ("Коалиция общественных организаций", "f"),
    ),
    # Masculine past-tense forms; feminine adds "а", neuter "о".
    verbs=(
        "раскритиковал",
        "защитил",
        "отклонил",
        "одобрил",
        "отложил",
        "представил",
        "поддержал",
        "оспорил",
        "обсудил",
        "приветствовал",
    ),
    objects=(
        "новый бюджет",
        "планируемую реформу",
        "спорный закон",
        "рост цен на топливо",
        "предложение о досрочных выборах",
        "соглашение с соседними странами",
        "план строительства нового моста",
        "повышение налогов",
        "доклад о загрязнении воздуха",
        "правила для иностранных инвесторов",
        "закрытие старого завода",
        "последние данные о безработице",
    ),
    complements=(
        "во вторник",
        "в столице",
        "после долгих дебатов",
        "несмотря на сильные протесты",
        "на пресс-конференции в понедельник",
        "в начале этой недели",
        "в телевизионном обращении",
        "во второй раз за этот год",
        "в заявлении в пятницу",
        "во время визита на север страны",
    ),
    clauses=(
        "как сообщили источники, знакомые с ситуацией",
        "что вызвало резкую критику со стороны оппозиции",
        "но подробности не были обнародованы",
        "а голосование ожидается в следующем месяце",
        "хотя многие жители по-прежнему настроены скептически",
        "что удивило многих аналитиков",
        "пока цены продолжали расти по всему региону",
        "пока тысячи людей собирались у здания",
    ),
    templates=("{S} {V} {O} {C}.", "{S} {V} {O} {C}, {clause}.", "{Cc} {s} {V} {O}."),
    subheadings=(
        "Резкая критика",
        "Расколотая страна",
        "Растущее недовольство",
        "Что дальше",
        "Экономическое давление",
        "Старые обещания",
    ),
    headline_templates=(
        "{topic}: что нужно знать",
        "{topic}: главное к этому часу",
        "{topic}: мнения экспертов",
        "{topic}: протесты в нескольких городах",
    ),
    topics=(
        "Рост цен на топливо",
        "Бюджетный кризис",
        "Избирательная реформа",
        "Нехватка жилья",
        "Энергетическое соглашение",
        "Засуха",
    ),
    captions=(
        "Протестующие собираются у здания парламента",
        "Полицейские дежурят у главной площади",
        "Фермеры едут на тракторах по центру города",
        "Жители стоят в очереди на заправке",
        "Сторонники оппозиции слушают выступление",
    ),
    caption_places=(" в столице", " во вторник", ""),
    caption_suffix=" (архивное фото)",
    accessibility_top=(
        "Перейти к основному содержанию",
        "Перейти к содержанию",
        "Версия для слабовидящих",
        "Перейти к навигации",
    ),
    accessibility_bottom=("Наверх", "Вернуться наверх"),
    banners=("Срочные новости", "Прямой эфир", "Срочно"),
    sites=("Северный вестник", "Городские новости", "Региональное обозрение"),
    datelines=("Четверг, 6 января 2022", "Обновлено 3 марта 2023, 14:32"),
    bylines=("Автор: Анна Иванова", "Авторы: Пётр Смирнов, Ольга Кузнецова"),
    menu=(
        "Главная",
        "Мир",
        "Политика",
        "Экономика",
        "Спорт",
        "Культура",
        "Наука",
        "Мнения",
        "Видео",
        "Путешествия",
    ),
    regions=("Европа", "Россия", "Азия", "Кавказ"),
    share_words=("Поделиться", "ВКонтакте", "Telegram", "Одноклассники", "WhatsApp", "Печать"),
    counters=("{n} комментариев", "Комментарии ({n})", "{n} мин чтения"),
    buttons=("Загрузить ещё", "Читать далее", "Показать ещё", "Показать комментарии"),
    inline_links=(
        "Читайте также: {headline}",
        "По теме: {headline}",
        "Смотрите также: {headline}",
    ),
    stub_waits=("Пожалуйста, подождите", "Загрузка..."),
    stub_messages=(
        "Источник медиа недоступен",
        "Ваш браузер не поддерживает воспроизведение видео.",
        "Видео недоступно",
    ),
    media_labels=(
        "Подпись к фото: {caption}",
        "Источник изображения: {agency}",
        "Фото: {agency}",
    ),
    cookie_notices=(
        "Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая пользоваться "
        "сайтом, вы соглашаетесь с их использованием.",
        "Этот сайт использует файлы cookie.",
    ),
    newsletters=("Подпишитесь на нашу рассылку", "Получайте главные новости на почту"),
    copyrights=("© 2024 {site}. Все права защищены.", "© {site} 2022"),
    about_headings=("Об этом блоге", "Об авторе"),
    about_texts=(
        "«{site}» — это блог о политике, обществе и повседневной жизни в регионе, "
        "который ведут наши корреспонденты.",
    ),
    archive_links=("Архив блога", "Все записи"),
    related_headings=("Читайте также", "Похожие материалы", "Другие новости", "Самое читаемое"),
    comment_headings=("Комментарии", "Оставить комментарий"),
    comments=(
        "Очень хорошая статья, спасибо автору.",
        "Я совершенно не согласен с автором в этом вопросе.",
        "Наконец-то кто-то пишет о том, что здесь происходит на самом деле.",
    ),
)

BANKS: Mapping[str, Bank] = MappingProxyType({b.language: b for b in (EN, DE, FR, ES, RU)})
