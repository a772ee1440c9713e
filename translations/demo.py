"""Demo content for translation: an English page changed after it was translated, so the report shows it."""

from django.db.models import F, OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from guides.models import ResourceIndexPage
from home.localize import translate
from translations.status import with_progress

CHANGED_INTRO = (
    "Videos, slides, worksheets, activities and more, for everyone who runs a learning circle. "
    "New this season: sample agendas for a first meeting."
)


def change_english_after_translation(home):
    """Publish a new English intro on the resource index, once, after its translations exist."""
    index = ResourceIndexPage.objects.child_of(home).filter(slug="facilitate").first()
    if index is None or index.intro == CHANGED_INTRO:
        return index
    index.intro = CHANGED_INTRO
    index.save_revision().publish()
    return index


def resync_sources(keep_stale):
    """Sync the sources of pages other demos republished after translating them (e.g. to add a link).

    Only the one page the demo changed on purpose stays stale, so the report shows exactly it.
    """
    published = Page.objects.filter(translation_key=OuterRef("object_id"), locale_id=OuterRef("locale_id"))
    sources = TranslationSource.objects.annotate(
        published_at=Subquery(published.values("last_published_at")[:1]),
        page_id=Subquery(published.values("pk")[:1]),
    ).filter(page_id__isnull=False)
    for source in sources:
        if source.published_at and source.published_at > source.last_updated_at and source.page_id != keep_stale:
            source.update_from_db()


# Strings other demos left in English on pages the translation demo must show fully translated.
# Names of people and places are kept, but a translator still confirms each one.
COMPLETIONS = {
    "Nico Koenig": ("Nico Koenig", "Nico Koenig", "Nico Koenig"),
    "Near the venue": ("Karibu na ukumbi", "Cerca del lugar", "Près du lieu"),
    "Nairobi": ("Nairobi", "Nairobi", "Nairobi"),
    "Kenya": ("Kenya", "Kenia", "Kenya"),
    "P2PU with library partners in Kenya": (
        "P2PU pamoja na washirika wa maktaba nchini Kenya",
        "P2PU con bibliotecas socias de Kenia",
        "P2PU avec des bibliothèques partenaires au Kenya",
    ),
    "Two days of sharing practice between teams that run learning circles in libraries, with room for open "
    "space and a welcome dinner the evening before.": (
        "Siku mbili za timu zinazoendesha miduara ya kujifunza katika maktaba kubadilishana uzoefu, pamoja na "
        "nafasi wazi na chakula cha jioni cha makaribisho usiku uliotangulia.",
        "Dos días para que los equipos que llevan círculos de aprendizaje en bibliotecas compartan su práctica, "
        "con espacio abierto y una cena de bienvenida la víspera.",
        "Deux jours d’échanges entre les équipes qui animent des cercles d’apprentissage en bibliothèque, avec "
        "un forum ouvert et un dîner d’accueil la veille.",
    ),
    "Main hall": ("Ukumbi mkuu", "Sala principal", "Grande salle"),
    "Rooms A and B": ("Vyumba A na B", "Salas A y B", "Salles A et B"),
    "Book your own room; we will share a list of places near the venue.": (
        "Jiwekee chumba mwenyewe; tutashiriki orodha ya malazi karibu na ukumbi.",
        "Cada persona reserva su habitación; compartiremos una lista de alojamientos cerca del lugar.",
        "Chacun réserve sa chambre ; nous partagerons une liste d’hébergements proches du lieu.",
    ),
    "No fee. Lunch on both days and the welcome dinner are provided.": (
        "Hakuna ada. Chakula cha mchana siku zote mbili na chakula cha jioni cha makaribisho vimetolewa.",
        "Sin coste. Se ofrecen la comida de ambos días y la cena de bienvenida.",
        "Gratuit. Le déjeuner des deux jours et le dîner d’accueil sont offerts.",
    ),
    "Join the waiting list. When a place becomes free, the first person waiting gets it and an email.": (
        "Jiunge na orodha ya kusubiri. Nafasi ikipatikana, anayesubiri wa kwanza anaipata pamoja na barua pepe.",
        "Apúntate a la lista de espera. Cuando se libera una plaza, la recibe la primera persona en espera, "
        "junto con un correo.",
        "Inscrivez-vous sur la liste d’attente. Quand une place se libère, la première personne en attente "
        "l’obtient et reçoit un e-mail.",
    ),
    "Facilitation practice<br/>Course design<br/>Team organizing": (
        "Mazoezi ya uwezeshaji<br/>Kubuni kozi<br/>Kuratibu timu",
        "Práctica de facilitación<br/>Diseño de cursos<br/>Organización de equipos",
        "Pratique de l’animation<br/>Conception de cours<br/>Organisation d’équipe",
    ),
}
LANGUAGES = ("sw", "es", "fr")


def complete_translations(home):
    """Fill the strings left in English on the home page and the upcoming gathering (once)."""
    from gathering.models import GatheringPage

    pages = [home, *GatheringPage.objects.filter(locale=home.locale, slug="nairobi-2027")]
    incomplete = with_progress(
        Translation.objects.filter(source__object_id__in=[page.translation_key for page in pages])
    ).filter(translated_segments__lt=F("total_segments"))
    codes_by_key = {}
    for translation in incomplete.select_related("target_locale", "source"):
        codes_by_key.setdefault(translation.source.object_id, []).append(translation.target_locale.language_code)
    for page in pages:
        for code in codes_by_key.get(page.translation_key, []):
            if code in LANGUAGES:
                index = LANGUAGES.index(code)
                translate(page, code, {english: texts[index] for english, texts in COMPLETIONS.items()})


GLOSSARY = {
    "learning circle": ("mduara wa kujifunza", "círculo de aprendizaje", "cercle d’apprentissage"),
    "facilitator": ("mwezeshaji", "facilitador", "animateur"),
    "organizer": ("mratibu", "organizador", "organisateur"),
    "team": ("timu", "equipo", "équipe"),
    "gathering": ("mkusanyiko", "encuentro", "rencontre"),
    "library": ("maktaba", "biblioteca", "bibliothèque"),
}
GLOSSARY_NOTES = {
    "facilitator": (
        "Si mwalimu: anaongoza kikundi bila kuwa mtaalamu.",
        "No es docente: guía al grupo sin ser experto.",
        "Pas un enseignant : il guide le groupe sans être expert.",
    ),
}


def ensure_glossary():
    from wagtail.models import Locale

    from translations.models import GlossaryTerm

    for index, code in enumerate(LANGUAGES):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        for term, translations in GLOSSARY.items():
            note = GLOSSARY_NOTES.get(term, ("", "", ""))[index]
            GlossaryTerm.objects.get_or_create(
                locale=locale, term=term, defaults={"translation": translations[index], "note": note}
            )


# Blog tags and course topics, in the demo's three other languages.
TAG_NAMES = {
    "business": ("biashara", "negocios", "affaires"),
    "careers": ("kazi na taaluma", "carreras profesionales", "carrières"),
    "communication": ("mawasiliano", "comunicación", "communication"),
    "courses": ("kozi", "cursos", "cours"),
    "data": ("data", "datos", "données"),
    "digital skills": ("ujuzi wa kidijitali", "competencias digitales", "compétences numériques"),
    "entrepreneurship": ("ujasiriamali", "emprendimiento", "entrepreneuriat"),
    "evaluation": ("tathmini", "evaluación", "évaluation"),
    "events": ("matukio", "eventos", "événements"),
    "facilitation": ("uwezeshaji", "facilitación", "animation"),
    "fiction writing": ("uandishi wa hadithi za kubuni", "escritura de ficción", "écriture de fiction"),
    "gathering": ("mkusanyiko", "encuentro", "rencontre"),
    "learners": ("wanafunzi", "participantes", "apprenants"),
    "learning circles": ("miduara ya kujifunza", "círculos de aprendizaje", "cercles d’apprentissage"),
    "libraries": ("maktaba", "bibliotecas", "bibliothèques"),
    "marketing": ("masoko", "marketing", "marketing"),
    "music": ("muziki", "música", "musique"),
    "personal finance": ("fedha binafsi", "finanzas personales", "finances personnelles"),
    "photography": ("upigaji picha", "fotografía", "photographie"),
    "programming": ("upangaji programu", "programación", "programmation"),
    "public speaking": ("kuzungumza hadharani", "hablar en público", "prise de parole en public"),
    "reading": ("kusoma", "lectura", "lecture"),
    "writing": ("uandishi", "escritura", "écriture"),
}


def translate_tag_names():
    from django.conf import settings

    from translations.models import TagName

    english = TagName.objects.filter(locale__language_code=settings.LANGUAGE_CODE, name__in=TAG_NAMES)
    done = set(
        TagName.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "translation_key", "locale__language_code"
        )
    )
    for name in english:
        for index, code in enumerate(LANGUAGES):
            if (name.translation_key, code) not in done:
                translate(name, code, {name.name: TAG_NAMES[name.name][index]})


def load(home):
    ensure_glossary()
    translate_tag_names()
    complete_translations(home)
    index = ResourceIndexPage.objects.child_of(home).filter(slug="facilitate").first()
    resync_sources(keep_stale=index.pk if index and index.intro == CHANGED_INTRO else None)
    changed = change_english_after_translation(home)
    if changed is not None:
        resync_sources(keep_stale=changed.pk)
