"""Demo content for the home app: the site, its home page in every language, the
about, privacy and accessibility pages, the footer and one demo user per role.

Every function here is idempotent: it creates what is missing and leaves what
exists alone, so `load_demo` can run on every `make run`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.crypto import get_random_string
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from home import roles
from home.localize import translate
from home.models import FooterText, HomePage, SiteSettings, StandardPage

DEMO_PASSWORD = "learn-together"

# username, first name, last name, group (None for the superuser)
DEMO_USERS = [
    ("admin", "Ada", "Admin", None),
    ("editor", "Esther", "Odanga", roles.EDITORS),
    ("moderator", "Moses", "Imbayi", roles.MODERATORS),
    ("facilitator", "Purity", "Mutuku", roles.FACILITATORS),
    ("organizer", "Juliana", "Muchai", roles.TEAM_ORGANIZERS),
    ("organizer-b", "Brenda", "Okafor", roles.TEAM_ORGANIZERS),
    ("facilitator-indie", "Tomás", "Rivera", roles.FACILITATORS),
    ("translator-sw", "Kaltuma", "Sama", roles.translators_group_name("sw")),
    ("reviewer-sw", "Joseck", "Kweya", roles.reviewers_group_name("sw")),
    ("translator-es", "Lucía", "Fernández", roles.translators_group_name("es")),
    ("gathering-staff", "Sharon", "Miller", roles.GATHERING_STAFF),
]


def paragraph(html):
    return ("paragraph", RichText(html))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def child_page(parent, model, slug, **fields):
    """Return the live child of `parent` with `slug`, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_once(page, language_code, strings):
    """Translate `page` unless a translation in that language exists already."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    # An alias (the untranslated copy locale synchronisation makes) is still to be translated.
    if existing is not None and getattr(existing, "alias_of_id", None) is None:
        return existing
    return translate(page, language_code, strings)


def ensure_root():
    roles.ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    return root


def ensure_home(root):
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(depth=2, locale=default_locale).first()
    if home is not None:
        return home
    # Wagtail's first migration creates a plain "Welcome" page; the demo home page replaces it.
    plain_page = ContentType.objects.get_for_model(Page)
    Page.objects.filter(depth=2, content_type=plain_page).delete()
    home = HomePage(
        title="Learn together at your library",
        slug="home",
        locale=default_locale,
        intro=(
            "Learning circles are free study groups that meet in public libraries and community "
            "centres. Find one near you, start your own, or bring the model to your whole library network."
        ),
        body=[
            heading("How a learning circle works"),
            paragraph(
                "<p>A small group, usually four to twelve people, meets once a week for six to eight "
                "weeks, about ninety minutes each time. Together they work through a free online course. "
                "A facilitator keeps the group on track; they do not need to be an expert in the subject.</p>"
            ),
            heading("Where it started"),
            paragraph(
                "<p>The first learning circles ran at Chicago Public Library in 2015. By 2018 they ran in "
                "27 public library systems in the United States and Canada and in 13 branches of the Kenya "
                "National Library Service.</p>"
            ),
            (
                "quote",
                {
                    "text": "If we're going to change how the world learns, we're going to have to form a "
                    "global learning circle.",
                    "attribution": "Nico Koenig",
                    "role": "Community Lead, P2PU",
                },
            ),
            (
                "call_to_action",
                {
                    "title": "Bring learning circles to your library",
                    "text": "The organizer guide takes you through starting a programme, one step at a time.",
                    "link": {"page": None, "url": "https://www.p2pu.org/en/facilitate/", "label": "Read more"},
                },
            ),
        ],
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def ensure_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Learning circles"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return site


HOME_TRANSLATIONS = {
    "sw": {
        "Learn together at your library": "Jifunzeni pamoja maktabani",
        "Learning circles are free study groups that meet in public libraries and community centres. Find one "
        "near you, start your own, or bring the model to your whole library network.": (
            "Duara za kujifunza ni vikundi vya bure vya kujisomea vinavyokutana katika maktaba za umma na "
            "vituo vya jamii. Tafuta kimoja karibu nawe, anzisha chako, au peleka mtindo huu kwenye mtandao "
            "mzima wa maktaba yako."
        ),
        "How a learning circle works": "Jinsi duara la kujifunza linavyofanya kazi",
        "A small group, usually four to twelve people, meets once a week for six to eight weeks, about ninety "
        "minutes each time. Together they work through a free online course. A facilitator keeps the group on "
        "track; they do not need to be an expert in the subject.": (
            "Kikundi kidogo, kwa kawaida watu wanne hadi kumi na wawili, hukutana mara moja kwa wiki kwa wiki "
            "sita hadi nane, takriban dakika tisini kila mara. Pamoja wanapitia kozi ya bure ya mtandaoni. "
            "Mwezeshaji huongoza kikundi; si lazima awe mtaalamu wa somo hilo."
        ),
        "Where it started": "Ilivyoanza",
        "The first learning circles ran at Chicago Public Library in 2015. By 2018 they ran in 27 public "
        "library systems in the United States and Canada and in 13 branches of the Kenya National Library "
        "Service.": (
            "Duara za kwanza za kujifunza zilifanyika katika Maktaba ya Umma ya Chicago mwaka 2015. Kufikia "
            "2018 zilikuwa zikiendeshwa katika mifumo 27 ya maktaba za umma nchini Marekani na Kanada, na "
            "katika matawi 13 ya Huduma ya Maktaba ya Taifa ya Kenya."
        ),
        "If we're going to change how the world learns, we're going to have to form a global learning "
        "circle.": "Tukitaka kubadilisha jinsi dunia inavyojifunza, itatubidi tuunde duara la kujifunza la dunia nzima.",
        "Community Lead, P2PU": "Kiongozi wa Jamii, P2PU",
        "Bring learning circles to your library": "Leta duara za kujifunza kwenye maktaba yako",
        "The organizer guide takes you through starting a programme, one step at a time.": (
            "Mwongozo wa mratibu unakuelekeza jinsi ya kuanzisha mpango, hatua kwa hatua."
        ),
        "Read more": "Soma zaidi",
    },
    "es": {
        "Learn together at your library": "Aprender juntos en su biblioteca",
        "Learning circles are free study groups that meet in public libraries and community centres. Find one "
        "near you, start your own, or bring the model to your whole library network.": (
            "Los círculos de aprendizaje son grupos de estudio gratuitos que se reúnen en bibliotecas "
            "públicas y centros comunitarios. Encuentre uno cerca de usted, cree el suyo o lleve el modelo a "
            "toda su red de bibliotecas."
        ),
        "How a learning circle works": "Cómo funciona un círculo de aprendizaje",
        "A small group, usually four to twelve people, meets once a week for six to eight weeks, about ninety "
        "minutes each time. Together they work through a free online course. A facilitator keeps the group on "
        "track; they do not need to be an expert in the subject.": (
            "Un grupo pequeño, normalmente de cuatro a doce personas, se reúne una vez por semana durante seis "
            "a ocho semanas, unos noventa minutos cada vez. Juntos siguen un curso gratuito en línea. Una "
            "persona facilitadora orienta al grupo; no necesita ser experta en el tema."
        ),
        "Where it started": "Dónde empezó",
        "The first learning circles ran at Chicago Public Library in 2015. By 2018 they ran in 27 public "
        "library systems in the United States and Canada and in 13 branches of the Kenya National Library "
        "Service.": (
            "Los primeros círculos de aprendizaje se celebraron en la Biblioteca Pública de Chicago en 2015. "
            "En 2018 ya funcionaban en 27 sistemas de bibliotecas públicas de Estados Unidos y Canadá y en 13 "
            "sucursales del Servicio Nacional de Bibliotecas de Kenia."
        ),
        "If we're going to change how the world learns, we're going to have to form a global learning "
        "circle.": "Si queremos cambiar la forma en que el mundo aprende, tendremos que formar un círculo de "
        "aprendizaje mundial.",
        "Community Lead, P2PU": "Responsable de comunidad, P2PU",
        "Bring learning circles to your library": "Lleve los círculos de aprendizaje a su biblioteca",
        "The organizer guide takes you through starting a programme, one step at a time.": (
            "La guía para organizadores le acompaña, paso a paso, en la puesta en marcha de un programa."
        ),
        "Read more": "Más información",
    },
    "fr": {
        "Learn together at your library": "Apprendre ensemble à la bibliothèque",
        "Learning circles are free study groups that meet in public libraries and community centres. Find one "
        "near you, start your own, or bring the model to your whole library network.": (
            "Les cercles d'apprentissage sont des groupes d'étude gratuits qui se réunissent dans les "
            "bibliothèques publiques et les centres communautaires. Trouvez-en un près de chez vous, lancez le "
            "vôtre ou étendez le modèle à tout votre réseau de bibliothèques."
        ),
        "How a learning circle works": "Comment fonctionne un cercle d'apprentissage",
        "A small group, usually four to twelve people, meets once a week for six to eight weeks, about ninety "
        "minutes each time. Together they work through a free online course. A facilitator keeps the group on "
        "track; they do not need to be an expert in the subject.": (
            "Un petit groupe, généralement de quatre à douze personnes, se réunit une fois par semaine pendant "
            "six à huit semaines, environ quatre-vingt-dix minutes à chaque fois. Ensemble, les participants "
            "suivent un cours gratuit en ligne. Une personne facilitatrice guide le groupe ; elle n'a pas "
            "besoin d'être experte du sujet."
        ),
        "Where it started": "Les débuts",
        "The first learning circles ran at Chicago Public Library in 2015. By 2018 they ran in 27 public "
        "library systems in the United States and Canada and in 13 branches of the Kenya National Library "
        "Service.": (
            "Les premiers cercles d'apprentissage ont eu lieu à la bibliothèque publique de Chicago en 2015. "
            "En 2018, on en comptait dans 27 réseaux de bibliothèques publiques aux États-Unis et au Canada, "
            "ainsi que dans 13 antennes du Service national des bibliothèques du Kenya."
        ),
        "If we're going to change how the world learns, we're going to have to form a global learning "
        "circle.": "Si nous voulons changer la façon dont le monde apprend, il nous faudra former un cercle "
        "d'apprentissage mondial.",
        "Community Lead, P2PU": "Responsable de la communauté, P2PU",
        "Bring learning circles to your library": "Faites venir les cercles d'apprentissage dans votre bibliothèque",
        "The organizer guide takes you through starting a programme, one step at a time.": (
            "Le guide de l'organisateur vous accompagne, étape par étape, dans le lancement d'un programme."
        ),
        "Read more": "En savoir plus",
    },
}

PRIVACY_HEADINGS = ["What we keep", "How long we keep it", "Your rights"]
PRIVACY_TEXT = [
    "When you sign up for a learning circle we keep your name, email address, mobile number if you give it, "
    "your answers in the form and your replies to meeting invitations. When you register for a gathering we "
    "keep what its form asks, including any dietary, accessibility or travel-support needs. Only the "
    "facilitators and organizers of that circle, or the gathering staff, can see them.",
    "Learning circles: your details are removed 180 days after the circle's last meeting. Only the fact that "
    "someone signed up stays, so the team's figures stay right.",
    "Gatherings: dietary, accessibility and travel-support answers are removed 30 days after the gathering "
    "ends, and the whole registration is anonymised one year after it ends.",
    "Leaving a circle or cancelling a registration with the link in your confirmation email removes your "
    "details at once.",
    "Write to us to receive a copy of everything we hold about you, or to have all of it erased: signups, "
    "replies, registrations, invitations and the emails we sent you.",
]
PRIVACY_SOURCE = ["Privacy", "What we keep about you, why, and for how long.", *PRIVACY_HEADINGS, *PRIVACY_TEXT]


def privacy_strings(translated):
    return dict(zip(PRIVACY_SOURCE, translated, strict=True))


PRIVACY_TRANSLATIONS = {
    "sw": privacy_strings(
        [
            "Faragha",
            "Tunachohifadhi kukuhusu, kwa nini, na kwa muda gani.",
            "Tunachohifadhi",
            "Tunakihifadhi kwa muda gani",
            "Haki zako",
            "Ukijiandikisha kwa duara la kujifunza tunahifadhi jina lako, anwani ya barua pepe, nambari ya "
            "simu ukiitoa, majibu yako kwenye fomu na majibu yako kwa mialiko ya mikutano. Ukijisajili kwa "
            "mkutano mkuu tunahifadhi kile fomu yake inachouliza, pamoja na mahitaji ya chakula, ufikivu au "
            "msaada wa usafiri. Ni wawezeshaji na waandaaji wa duara hilo, au wafanyakazi wa mkutano, pekee "
            "wanaoweza kuyaona.",
            "Duara za kujifunza: taarifa zako huondolewa siku 180 baada ya mkutano wa mwisho wa duara. Ni "
            "ukweli tu kwamba mtu alijiandikisha unaobaki, ili takwimu za timu zibaki sahihi.",
            "Mikutano mikuu: majibu kuhusu chakula, ufikivu na msaada wa usafiri huondolewa siku 30 baada ya "
            "mkutano kwisha, na usajili wote hufanywa usiojulikana mwaka mmoja baada ya kwisha.",
            "Ukiondoka kwenye duara au kughairi usajili kwa kiungo kilicho kwenye barua pepe ya uthibitisho, "
            "taarifa zako huondolewa mara moja.",
            "Tuandikie upate nakala ya kila kitu tunachohifadhi kukuhusu, au tukifute chote: usajili, majibu, "
            "mialiko na barua pepe tulizokutumia.",
        ],
    ),
    "es": privacy_strings(
        [
            "Privacidad",
            "Qué datos guardamos sobre ti, por qué y durante cuánto tiempo.",
            "Qué guardamos",
            "Cuánto tiempo lo guardamos",
            "Tus derechos",
            "Cuando te apuntas a un círculo de aprendizaje guardamos tu nombre, tu correo electrónico, tu "
            "móvil si nos lo das, tus respuestas al formulario y tus respuestas a las convocatorias de las "
            "sesiones. Cuando te inscribes en un encuentro guardamos lo que pide su formulario, incluidas las "
            "necesidades de alimentación, accesibilidad o ayuda para el viaje. Solo las personas que "
            "facilitan y organizan ese círculo, o el equipo del encuentro, pueden verlos.",
            "Círculos de aprendizaje: tus datos se borran 180 días después de la última sesión del círculo. "
            "Solo queda constancia de que alguien se apuntó, para que las cifras del equipo sigan siendo "
            "correctas.",
            "Encuentros: las respuestas sobre alimentación, accesibilidad y ayuda para el viaje se borran 30 "
            "días después del encuentro, y la inscripción entera se anonimiza un año después.",
            "Si dejas un círculo o cancelas una inscripción con el enlace de tu correo de confirmación, tus "
            "datos se borran en ese momento.",
            "Escríbenos para recibir una copia de todo lo que guardamos sobre ti o para que lo borremos todo: "
            "inscripciones, respuestas, invitaciones y los correos que te enviamos.",
        ],
    ),
    "fr": privacy_strings(
        [
            "Confidentialité",
            "Ce que nous gardons sur vous, pourquoi et pendant combien de temps.",
            "Ce que nous gardons",
            "Pendant combien de temps",
            "Vos droits",
            "Quand vous vous inscrivez à un cercle d'apprentissage, nous gardons votre nom, votre adresse "
            "e-mail, votre numéro de mobile si vous le donnez, vos réponses au formulaire et vos réponses aux "
            "invitations aux séances. Quand vous vous inscrivez à une rencontre, nous gardons ce que son "
            "formulaire demande, y compris vos besoins alimentaires, d'accessibilité ou d'aide au voyage. "
            "Seuls les animateurs et organisateurs de ce cercle, ou l'équipe de la rencontre, peuvent les voir.",
            "Cercles d'apprentissage : vos données sont effacées 180 jours après la dernière séance du cercle. "
            "Il ne reste que le fait qu'une personne s'est inscrite, pour que les chiffres de l'équipe restent "
            "justes.",
            "Rencontres : les réponses sur l'alimentation, l'accessibilité et l'aide au voyage sont effacées "
            "30 jours après la rencontre, et l'inscription entière est anonymisée un an après.",
            "Quitter un cercle ou annuler une inscription avec le lien de votre e-mail de confirmation efface "
            "vos données aussitôt.",
            "Écrivez-nous pour recevoir une copie de tout ce que nous gardons sur vous, ou pour tout effacer : "
            "inscriptions, réponses, invitations et e-mails que nous vous avons envoyés.",
        ],
    ),
}

ABOUT_TRANSLATIONS = {
    "sw": {
        "About": "Kutuhusu",
        "Who we are and how learning circles grew.": "Sisi ni nani na jinsi duara za kujifunza zilivyokua.",
        "Peer 2 Peer University (P2PU) is a non-profit that helps people learn together, for free, in the "
        "places they already go. Learning circles pair free online courses with peer learning in libraries "
        "and community centres.": (
            "Peer 2 Peer University (P2PU) ni shirika lisilo la faida linalosaidia watu kujifunza pamoja, bila "
            "malipo, katika maeneo wanayotembelea tayari. Duara za kujifunza huunganisha kozi za bure za "
            "mtandaoni na kujifunza kwa rika katika maktaba na vituo vya jamii."
        ),
        "In Kenya, the Kenya National Library Service began running learning circles in 2016 in Nakuru and "
        "Nairobi. In 2018 alone it ran 64 circles in 15 libraries, reaching more than 1,000 learners.": (
            "Nchini Kenya, Huduma ya Maktaba ya Taifa ya Kenya ilianza duara za kujifunza mwaka 2016 huko "
            "Nakuru na Nairobi. Mwaka 2018 pekee iliendesha duara 64 katika maktaba 15, ikiwafikia wanafunzi "
            "zaidi ya 1,000."
        ),
    },
    "es": {
        "About": "Quiénes somos",
        "Who we are and how learning circles grew.": "Quiénes somos y cómo crecieron los círculos de aprendizaje.",
        "Peer 2 Peer University (P2PU) is a non-profit that helps people learn together, for free, in the "
        "places they already go. Learning circles pair free online courses with peer learning in libraries "
        "and community centres.": (
            "Peer 2 Peer University (P2PU) es una organización sin ánimo de lucro que ayuda a las personas a "
            "aprender juntas, gratis, en los lugares que ya frecuentan. Los círculos de aprendizaje combinan "
            "cursos gratuitos en línea con el aprendizaje entre pares en bibliotecas y centros comunitarios."
        ),
        "In Kenya, the Kenya National Library Service began running learning circles in 2016 in Nakuru and "
        "Nairobi. In 2018 alone it ran 64 circles in 15 libraries, reaching more than 1,000 learners.": (
            "En Kenia, el Servicio Nacional de Bibliotecas empezó a organizar círculos de aprendizaje en 2016 "
            "en Nakuru y Nairobi. Solo en 2018 celebró 64 círculos en 15 bibliotecas y llegó a más de 1.000 "
            "personas."
        ),
    },
    "fr": {
        "About": "À propos",
        "Who we are and how learning circles grew.": "Qui nous sommes et comment les cercles d'apprentissage ont grandi.",
        "Peer 2 Peer University (P2PU) is a non-profit that helps people learn together, for free, in the "
        "places they already go. Learning circles pair free online courses with peer learning in libraries "
        "and community centres.": (
            "Peer 2 Peer University (P2PU) est une association à but non lucratif qui aide les gens à "
            "apprendre ensemble, gratuitement, dans les lieux qu'ils fréquentent déjà. Les cercles "
            "d'apprentissage associent des cours gratuits en ligne à l'apprentissage entre pairs dans les "
            "bibliothèques et les centres communautaires."
        ),
        "In Kenya, the Kenya National Library Service began running learning circles in 2016 in Nakuru and "
        "Nairobi. In 2018 alone it ran 64 circles in 15 libraries, reaching more than 1,000 learners.": (
            "Au Kenya, le Service national des bibliothèques a lancé ses premiers cercles d'apprentissage en "
            "2016 à Nakuru et à Nairobi. Rien qu'en 2018, il en a organisé 64 dans 15 bibliothèques, pour plus "
            "de 1 000 participants."
        ),
    },
}

FOOTER_TRANSLATIONS = {
    "sw": {
        "Learning circles are run by libraries and community centres around the world, with support from "
        "Peer 2 Peer University.": (
            "Duara za kujifunza huendeshwa na maktaba na vituo vya jamii duniani kote, kwa msaada wa Peer 2 "
            "Peer University."
        ),
        "Content on this site may be reused under CC BY-SA 4.0 unless noted otherwise.": (
            "Maudhui ya tovuti hii yanaweza kutumiwa tena chini ya leseni ya CC BY-SA 4.0 isipokuwa "
            "ikielezwa vinginevyo."
        ),
    },
    "es": {
        "Learning circles are run by libraries and community centres around the world, with support from "
        "Peer 2 Peer University.": (
            "Bibliotecas y centros comunitarios de todo el mundo organizan círculos de aprendizaje con el "
            "apoyo de Peer 2 Peer University."
        ),
        "Content on this site may be reused under CC BY-SA 4.0 unless noted otherwise.": (
            "El contenido de este sitio puede reutilizarse bajo la licencia CC BY-SA 4.0, salvo indicación "
            "en contrario."
        ),
    },
    "fr": {
        "Learning circles are run by libraries and community centres around the world, with support from "
        "Peer 2 Peer University.": (
            "Des bibliothèques et des centres communautaires du monde entier animent des cercles "
            "d'apprentissage avec le soutien de Peer 2 Peer University."
        ),
        "Content on this site may be reused under CC BY-SA 4.0 unless noted otherwise.": (
            "Le contenu de ce site peut être réutilisé sous licence CC BY-SA 4.0, sauf mention contraire."
        ),
    },
}


def ensure_standard_pages(home):
    about = child_page(
        home,
        StandardPage,
        "about",
        title="About",
        show_in_menus=True,
        intro="Who we are and how learning circles grew.",
        body=[
            paragraph(
                "<p>Peer 2 Peer University (P2PU) is a non-profit that helps people learn together, for free, "
                "in the places they already go. Learning circles pair free online courses with peer learning "
                "in libraries and community centres.</p>"
            ),
            paragraph(
                "<p>In Kenya, the Kenya National Library Service began running learning circles in 2016 in "
                "Nakuru and Nairobi. In 2018 alone it ran 64 circles in 15 libraries, reaching more than 1,000 "
                "learners.</p>"
            ),
        ],
    )
    privacy = child_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy",
        intro="What we keep about you, why, and for how long.",
        body=[
            heading(PRIVACY_HEADINGS[0]),
            paragraph(f"<p>{PRIVACY_TEXT[0]}</p>"),
            heading(PRIVACY_HEADINGS[1]),
            *[paragraph(f"<p>{text}</p>") for text in PRIVACY_TEXT[1:4]],
            heading(PRIVACY_HEADINGS[2]),
            paragraph(f"<p>{PRIVACY_TEXT[4]}</p>"),
        ],
    )
    accessibility = child_page(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        intro="We want everyone to be able to use this site.",
        body=[
            paragraph(
                "<p>This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
                "Every page works without JavaScript, on small screens and with a keyboard, and is tested "
                "with automated accessibility checks before each release.</p>"
            ),
            paragraph(
                "<p>If something does not work for you, please tell us through the contact address in the "
                "footer and we will fix it or send you the information in another format.</p>"
            ),
        ],
    )
    return about, privacy, accessibility


def ensure_footer():
    footer = FooterText.objects.filter(locale=Locale.get_default()).first()
    if footer is None:
        footer = FooterText.objects.create(
            locale=Locale.get_default(),
            body=(
                "<p>Learning circles are run by libraries and community centres around the world, with support "
                "from Peer 2 Peer University.</p>"
            ),
            licence_note="Content on this site may be reused under CC BY-SA 4.0 unless noted otherwise.",
        )
    for code, strings in FOOTER_TRANSLATIONS.items():
        if not FooterText.objects.filter(translation_key=footer.translation_key, locale__language_code=code).exists():
            translate(footer, code, strings)


def ensure_settings(site, privacy, accessibility):
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        return site_settings
    site_settings.contact_email = "thepeople@p2pu.org"
    site_settings.forum_url = "https://community.p2pu.org/"
    site_settings.privacy_page = privacy
    site_settings.accessibility_page = accessibility
    site_settings.social_links = [("link", {"name": "YouTube", "url": "https://www.youtube.com/@p2pu"})]
    site_settings.save()
    return site_settings


def ensure_users(stdout=None):
    User = get_user_model()
    created = []
    for username, first_name, last_name, group_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User(
            username=username,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@example.org",
            is_staff=group_name is None,
            is_superuser=group_name is None,
        )
        # Known passwords only on a development machine; elsewhere nobody can log in with them.
        user.set_password(DEMO_PASSWORD if settings.DEBUG else get_random_string(32))
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        created.append(user)
    return created


def load(stdout=None):
    root = ensure_root()
    home = ensure_home(root)
    site = ensure_site(home)
    about, privacy, accessibility = ensure_standard_pages(home)
    for code, strings in HOME_TRANSLATIONS.items():
        translate_once(home, code, strings)
    for code, strings in ABOUT_TRANSLATIONS.items():
        translate_once(about, code, strings)
    for code, strings in PRIVACY_TRANSLATIONS.items():
        translate_once(privacy, code, strings)
    ensure_footer()
    ensure_settings(site, privacy, accessibility)
    return home
