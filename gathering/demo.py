"""Demo gatherings: Kansas City 2018 and Boston 2019 as they happened, and one upcoming gathering
dated from today with registration open, a small capacity and a waiting list already forming."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from gathering.models import ExtraQuestion, GatheringIndexPage, GatheringPage, Registration
from home.demo import child_page, translate_once


def session(start, end, title, kind, room="", description=""):
    return {
        "start": time(*start),
        "end": time(*end),
        "title": title,
        "format": kind,
        "room": room,
        "description": description,
    }


def day(on, title, sessions):
    return ("day", {"date": on, "title": title, "sessions": sessions})


def faq(question, answer):
    return ("item", {"question": question, "answer": RichText(f"<p>{answer}</p>")})


KANSAS_CITY = {
    "slug": "kansas-city-2018",
    "title": "Kansas City 2018",
    "intro": "The first time learning circle organizers met in person: two days at Kansas City Public Library, "
    "with a barbecue dinner the evening before.",
    "start_date": date(2018, 5, 17),
    "end_date": date(2018, 5, 18),
    "time_zone": "America/Chicago",
    "pre_event_title": "Welcome barbecue dinner",
    "pre_event_date": date(2018, 5, 16),
    "pre_event_start": time(18, 30),
    "pre_event_end": time(21, 0),
    "pre_event_place": "Rooftop of the main library",
    "venue_name": "Kansas City Public Library, main branch",
    "city": "Kansas City, Missouri",
    "country": "United States",
    "hosts": "P2PU and Kansas City Public Library",
    "supporters": "Institute of Museum and Library Services",
    "summary": "<p>Since the pilot at Chicago Public Library in 2015, learning circles had spread to 27 library "
    "systems in the United States and Canada and 13 branches of the Kenya National Library Service, with more "
    "than a thousand meetings held. Yet the people running them had barely met. This gathering was meant to be "
    "small and hands-on: thirty to forty practitioners, run like a learning circle of its own.</p>",
    "goals": [
        "Meet one another and lay the foundation of a community of practice.",
        "Collect and write down stories, results and good practice from circles in libraries and community centres.",
        "Design new activities and tools together that circles and other library programmes can use.",
        "Talk through the learning circle model and its values, and agree where the movement should go next.",
    ],
    "agenda": [
        day(
            date(2018, 5, 17),
            "Sharing what we know",
            [
                session((8, 30), (9, 15), "Breakfast", "meal"),
                session((9, 15), (10, 30), "Opening circle", "large_group", "", "Everyone introduces themselves."),
                session(
                    (10, 45),
                    (12, 15),
                    "What is a learning circle, exactly?",
                    "breakout",
                    "",
                    "Groups read fifteen real circle scenarios and write their own definition.",
                ),
                session((12, 15), (13, 15), "Lunch", "meal"),
                session((13, 15), (15, 0), "Stories, results and stumbling blocks", "large_group"),
                session((15, 15), (17, 0), "Making resources together", "breakout"),
            ],
        ),
        day(
            date(2018, 5, 18),
            "Looking ahead",
            [
                session((8, 30), (9, 0), "Breakfast", "meal"),
                session((9, 0), (9, 45), "P2PU: where the organisation is going", "large_group"),
                session(
                    (9, 45),
                    (11, 0),
                    "Open space",
                    "open_space",
                    "",
                    "Topics chosen on the day, such as team coordination, circles for GED students and adapting "
                    "online courses.",
                ),
                session((11, 0), (12, 0), "Action plans and closing circle", "large_group"),
                session((12, 0), (13, 0), "Lunch", "meal"),
                session((13, 0), (14, 0), "Tour of the main library", "tour"),
            ],
        ),
    ],
    "organisations": "\n".join(
        [
            "Boston Public Library",
            "Charlotte Mecklenburg Library",
            "Chicago Public Library",
            "Cleveland Public Library",
            "Detroit Public Library",
            "Kansas City Public Library",
            "Miami-Dade Public Library",
            "Free Library of Philadelphia",
            "San José Public Library",
            "Tampa-Hillsborough County Public Library",
            "Toronto Public Library",
            "Wichita Public Library",
            "Notre Dame Education Center",
            "Partners Bridging the Digital Divide",
            "University of Arizona",
        ]
    ),
    "lodging_notes": "<p>Everyone booked their own room; there was no hotel block. The library shared a list of "
    "hotels near the main branch.</p>",
    "cost_note": "<p>No fee. Guests paid their own travel and lodging; dinner on the first evening, breakfast and "
    "lunch were provided.</p>",
    "faq": [
        faq(
            "I have never run a learning circle. Can I come?",
            "Possibly. The gathering is small and by invitation, but if you are serious about this work, write to "
            "the organizers and tell them why you would like to take part.",
        ),
        faq(
            "Can P2PU pay for my travel?",
            "Probably not. Sponsors were being sought, but there was no travel funding when registration opened.",
        ),
        faq(
            "How much does it cost?",
            "Nothing to attend. Your costs are the trip to Kansas City, your room and some meals; dinner, breakfast "
            "and lunch are provided.",
        ),
        faq(
            "Can I take part online?",
            "No. The gathering is about meeting in person. A session that gathers input from people who cannot "
            "travel may be organised separately.",
        ),
        faq(
            "Will it be recorded?",
            "Partly: expect photos, short videos and a written summary afterwards, not recordings of long talks.",
        ),
    ],
    "registration_opens": datetime(2018, 3, 1, 15, 0, tzinfo=timezone.get_fixed_timezone(0)),
    "registration_closes": datetime(2018, 5, 10, 23, 0, tzinfo=timezone.get_fixed_timezone(0)),
    "capacity": 40,
    "pre_event_capacity": 40,
}

BOSTON = {
    "slug": "boston-2019",
    "title": "Boston 2019",
    "intro": "The second gathering: about fifty people, most of them facilitators, at Boston Public Library, "
    "with site visits the day before.",
    "start_date": date(2019, 9, 19),
    "end_date": date(2019, 9, 20),
    "time_zone": "America/New_York",
    "pre_event_title": "Site visits and an introduction to learning circles",
    "pre_event_date": date(2019, 9, 18),
    "pre_event_start": time(13, 0),
    "pre_event_end": time(17, 0),
    "pre_event_place": "Boston Public Library and nearby sites",
    "venue_name": "Boston Public Library, Central Library",
    "city": "Boston, Massachusetts",
    "country": "United States",
    "hosts": "P2PU and Boston Public Library",
    "supporters": "Grant funders who sponsored about 25 participants",
    "summary": "<p>The agenda grew out of a community call in April and feedback from Kansas City. Four rooms "
    "at the library made room for several formats at once: large-group sharing, breakouts led by participants, "
    "open space and social time.</p>",
    "goals": [
        "Hear what worked and what did not in other circles, and learn from failures together.",
        "Talk about funding and community partnerships with people from IMLS and other funders.",
        "Try out new P2PU tools and give feedback on them.",
        "Practise facilitation and learn to run your own facilitator training.",
    ],
    "agenda": [
        day(
            date(2019, 9, 19),
            "Updates and practice",
            [
                session((9, 0), (9, 45), "Breakfast", "meal"),
                session((9, 45), (10, 45), "The year behind and ahead at P2PU", "large_group", "Room 1"),
                session((11, 0), (12, 30), "What works, what does not: workshopping failures", "breakout", "Rooms 2–4"),
                session((12, 30), (13, 30), "Lunch", "meal"),
                session((13, 30), (15, 0), "Funding and partners, with IMLS", "large_group", "Room 1"),
                session((15, 15), (17, 0), "Facilitation theory and practice", "breakout", "Room 2"),
                session((18, 30), (21, 0), "Group dinner", "social"),
            ],
        ),
        day(
            date(2019, 9, 20),
            "Tools and next steps",
            [
                session((9, 0), (9, 30), "Breakfast", "meal"),
                session((9, 30), (11, 0), "User testing of new tools and course materials", "breakout", "Rooms 2–4"),
                session((11, 0), (12, 30), "Open space", "open_space", "Room 1"),
                session((12, 30), (13, 30), "Lunch and meeting for team organizers", "meal", "Room 1"),
                session((13, 30), (14, 30), "Tour of Boston Public Library", "tour"),
            ],
        ),
    ],
    "organisations": "Boston Public Library\nCambridge Public Library\nMIT Media Lab",
    "lodging_notes": "<p>Participants arranged their own lodging.</p>",
    "cost_note": "<p>No registration fee. About 25 people were sponsored through grants; everyone else only "
    "covered their food.</p>",
    "faq": [
        faq(
            "Who is it for?",
            "People who have facilitated learning circles, and some newcomers from the Boston area.",
        ),
        faq("Is there a fee?", "No. Sponsored participants have their costs covered; others pay only for food."),
        faq(
            "What happens the day before?",
            "Optional site visits and an introduction to learning circles for people new to them.",
        ),
    ],
    "registration_opens": datetime(2019, 5, 20, 15, 0, tzinfo=timezone.get_fixed_timezone(0)),
    "registration_closes": datetime(2019, 9, 6, 23, 0, tzinfo=timezone.get_fixed_timezone(0)),
    "capacity": 50,
    "pre_event_capacity": 30,
}


def upcoming_gathering(today):
    start = today + timedelta(days=45)
    return {
        "slug": f"nairobi-{start.year}",
        "title": f"Nairobi {start.year}",
        "intro": "A small working gathering for learning circle facilitators and team organizers in East Africa "
        "and beyond.",
        "start_date": start,
        "end_date": start + timedelta(days=1),
        "time_zone": "Africa/Nairobi",
        "pre_event_title": "Welcome dinner",
        "pre_event_date": start - timedelta(days=1),
        "pre_event_start": time(18, 30),
        "pre_event_end": time(21, 0),
        "pre_event_place": "Near the venue",
        "venue_name": "Nairobi community library",
        "venue_address": "",
        "city": "Nairobi",
        "country": "Kenya",
        "hosts": "P2PU with library partners in Kenya",
        "supporters": "",
        "summary": "<p>Two days of sharing practice between teams that run learning circles in libraries, "
        "with room for open space and a welcome dinner the evening before.</p>",
        "goals": [
            "Share what teams have learned running circles in libraries.",
            "Plan facilitator training for the coming year.",
        ],
        "agenda": [
            day(
                start,
                "Sharing practice",
                [
                    session((9, 0), (10, 0), "Opening circle", "large_group", "Main hall"),
                    session((10, 15), (12, 30), "Team stories", "breakout", "Rooms A and B"),
                    session((12, 30), (13, 30), "Lunch", "meal"),
                    session((13, 30), (16, 0), "Open space", "open_space", "Main hall"),
                ],
            ),
            day(
                start + timedelta(days=1),
                "Planning",
                [
                    session((9, 0), (11, 30), "Training plans for the year", "breakout", "Rooms A and B"),
                    session((11, 30), (12, 30), "Closing circle", "large_group", "Main hall"),
                ],
            ),
        ],
        "organisations": "",
        "lodging_notes": "<p>Book your own room; we will share a list of places near the venue.</p>",
        "cost_note": "<p>No fee. Lunch on both days and the welcome dinner are provided.</p>",
        "faq": [
            faq("Is there a fee?", "No. Lunch and the welcome dinner are provided."),
            faq(
                "What if the gathering is full?",
                "Join the waiting list. When a place becomes free, the first person waiting gets it and an email.",
            ),
        ],
        "registration_opens": timezone.now() - timedelta(days=10),
        "registration_closes": datetime.combine(
            start - timedelta(days=7), time(21, 0), tzinfo=timezone.get_fixed_timezone(0)
        ),
        "capacity": 5,
        "pre_event_capacity": 4,
        "promotion_cutoff_days": 2,
        "offer_window_days": 14,
        "offer_hours": 48,
    }


UPCOMING_QUESTIONS = [
    (
        "Which workshop interests you most?",
        ExtraQuestion.Kind.SINGLE_CHOICE,
        "Facilitation practice\nCourse design\nTeam organizing",
        True,
    ),
    ("I can help set up the room on the first morning", ExtraQuestion.Kind.CHECKBOX, "", False),
]

# name, email, organisation, status
UPCOMING_REGISTRATIONS = [
    ("Amina Njeri", "amina@example.org", "Community library", Registration.Status.CONFIRMED),
    ("Brian Otieno", "brian@example.org", "Public library", Registration.Status.CONFIRMED),
    ("Carmen Ruiz", "carmen@example.org", "City library", Registration.Status.CONFIRMED),
    ("David Mwangi", "david@example.org", "Branch library", Registration.Status.CONFIRMED),
    ("Esther Wanjiru", "esther@example.org", "Community centre", Registration.Status.CONFIRMED),
    ("Faith Achieng", "faith@example.org", "Branch library", Registration.Status.WAITING),
    ("George Kamau", "george@example.org", "Literacy centre", Registration.Status.WAITING),
]

INDEX_TRANSLATIONS = {
    "sw": {
        "Gatherings": "Mikutano",
        "Once a year the learning circle community meets in person.": "Mara moja kwa mwaka jamii ya duara za "
        "kujifunza hukutana ana kwa ana.",
    },
    "es": {
        "Gatherings": "Encuentros",
        "Once a year the learning circle community meets in person.": "Una vez al año, la comunidad de los "
        "círculos de aprendizaje se reúne en persona.",
    },
    "fr": {
        "Gatherings": "Rencontres",
        "Once a year the learning circle community meets in person.": "Une fois par an, la communauté des "
        "cercles d'apprentissage se retrouve en personne.",
    },
}


def upcoming_translations(title):
    year = title.split()[-1]
    return {
        "sw": {
            title: f"Nairobi {year}",
            "A small working gathering for learning circle facilitators and team organizers in East Africa and "
            "beyond.": "Mkutano mdogo wa kazi kwa wawezeshaji wa duara za kujifunza na waratibu wa timu wa Afrika "
            "Mashariki na kwingineko.",
            "Welcome dinner": "Chakula cha jioni cha makaribisho",
            "Nairobi community library": "Maktaba ya jamii ya Nairobi",
            "Kenya": "Kenya",
            "Share what teams have learned running circles in libraries.": "Kushirikishana yale ambayo timu "
            "zimejifunza katika kuendesha duara maktabani.",
            "Plan facilitator training for the coming year.": "Kupanga mafunzo ya wawezeshaji kwa mwaka ujao.",
            "Sharing practice": "Kushirikishana uzoefu",
            "Planning": "Kupanga",
            "Opening circle": "Duara la ufunguzi",
            "Team stories": "Hadithi za timu",
            "Lunch": "Chakula cha mchana",
            "Open space": "Nafasi huru",
            "Training plans for the year": "Mipango ya mafunzo ya mwaka",
            "Closing circle": "Duara la kufunga",
            "Is there a fee?": "Je, kuna ada?",
            "No. Lunch and the welcome dinner are provided.": "Hapana. Chakula cha mchana na cha jioni cha "
            "makaribisho vinatolewa.",
            "What if the gathering is full?": "Itakuwaje mkutano ukijaa?",
            "Which workshop interests you most?": "Ni warsha gani inayokuvutia zaidi?",
            "I can help set up the room on the first morning": "Ninaweza kusaidia kuandaa ukumbi asubuhi ya kwanza",
        },
        "es": {
            title: f"Nairobi {year}",
            "A small working gathering for learning circle facilitators and team organizers in East Africa and "
            "beyond.": "Un pequeño encuentro de trabajo para facilitadores de círculos de aprendizaje y "
            "coordinadores de equipos de África oriental y otros lugares.",
            "Welcome dinner": "Cena de bienvenida",
            "Nairobi community library": "Biblioteca comunitaria de Nairobi",
            "Share what teams have learned running circles in libraries.": "Compartir lo que los equipos han "
            "aprendido al organizar círculos en bibliotecas.",
            "Plan facilitator training for the coming year.": "Planificar la formación de facilitadores para el "
            "próximo año.",
            "Sharing practice": "Compartir la práctica",
            "Planning": "Planificación",
            "Opening circle": "Círculo de apertura",
            "Team stories": "Historias de los equipos",
            "Lunch": "Almuerzo",
            "Open space": "Espacio abierto",
            "Training plans for the year": "Planes de formación para el año",
            "Closing circle": "Círculo de cierre",
            "Is there a fee?": "¿Hay que pagar inscripción?",
            "No. Lunch and the welcome dinner are provided.": "No. El almuerzo y la cena de bienvenida están "
            "incluidos.",
            "What if the gathering is full?": "¿Y si el encuentro está completo?",
            "Which workshop interests you most?": "¿Qué taller le interesa más?",
            "I can help set up the room on the first morning": "Puedo ayudar a preparar la sala la primera mañana",
        },
        "fr": {
            title: f"Nairobi {year}",
            "A small working gathering for learning circle facilitators and team organizers in East Africa and "
            "beyond.": "Une petite rencontre de travail pour les animateurs de cercles d'apprentissage et les "
            "coordinateurs d'équipe d'Afrique de l'Est et d'ailleurs.",
            "Welcome dinner": "Dîner d'accueil",
            "Nairobi community library": "Bibliothèque communautaire de Nairobi",
            "Share what teams have learned running circles in libraries.": "Partager ce que les équipes ont "
            "appris en animant des cercles en bibliothèque.",
            "Plan facilitator training for the coming year.": "Préparer la formation des animateurs pour l'année "
            "à venir.",
            "Sharing practice": "Partage de pratiques",
            "Planning": "Planification",
            "Opening circle": "Cercle d'ouverture",
            "Team stories": "Récits d'équipes",
            "Lunch": "Déjeuner",
            "Open space": "Forum ouvert",
            "Training plans for the year": "Plans de formation pour l'année",
            "Closing circle": "Cercle de clôture",
            "Is there a fee?": "L'inscription est-elle payante ?",
            "No. Lunch and the welcome dinner are provided.": "Non. Le déjeuner et le dîner d'accueil sont offerts.",
            "What if the gathering is full?": "Et si la rencontre est complète ?",
            "Which workshop interests you most?": "Quel atelier vous intéresse le plus ?",
            "I can help set up the room on the first morning": "Je peux aider à installer la salle le premier matin",
        },
    }


def _gathering(index, fields, existing=None):
    page = existing or GatheringPage.objects.child_of(index).filter(slug=fields["slug"]).first()
    if page is not None:
        return page, False
    data = dict(fields)
    data["summary"] = data["summary"]
    data["goals"] = [("goal", text) for text in data["goals"]]
    page = GatheringPage(**data)
    return page, True


def _publish(index, page, questions=()):
    for label, kind, choices, required in questions:
        page.extra_questions.add(ExtraQuestion(label=label, kind=kind, choices=choices, required=required))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(home):
    index = child_page(
        home,
        GatheringIndexPage,
        "gatherings",
        title="Gatherings",
        show_in_menus=True,
        intro="Once a year the learning circle community meets in person.",
    )
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_once(index, code, strings)

    kansas_city, created = _gathering(index, KANSAS_CITY)
    if created:
        _publish(index, kansas_city)
    boston, created = _gathering(index, BOSTON)
    if created:
        _publish(index, boston)

    existing = GatheringPage.objects.child_of(index).filter(slug__startswith="nairobi-").first()
    upcoming, created = _gathering(index, upcoming_gathering(timezone.localdate()), existing=existing)
    if created:
        _publish(index, upcoming, UPCOMING_QUESTIONS)
        _add_registrations(upcoming)
    for code, strings in upcoming_translations(upcoming.title).items():
        translate_once(upcoming, code, strings)

    _link_recap(home, kansas_city)
    return index


def _add_registrations(gathering):
    """People already registered, created directly (no email): five confirmed fill it, two wait."""
    now = timezone.now()
    question = gathering.extra_questions.first()
    for number, (name, email, organisation, status) in enumerate(UPCOMING_REGISTRATIONS):
        Registration.objects.get_or_create(
            gathering=gathering,
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "city": "Nairobi",
                "country": "Kenya",
                "circles_facilitated": number % 4,
                "status": status,
                "queued_at": now - timedelta(hours=10 - number) if status == Registration.Status.WAITING else None,
                "pre_event_requested": number < 5,
                "pre_event_confirmed": number < 4,
                "dietary_needs": "Vegetarian" if number in (1, 5) else "",
                "travel_support_requested": number == 2,
                "travel_support_reason": "Coming from a branch far from Nairobi." if number == 2 else "",
                "privacy_consent": True,
                "photo_consent": number % 2 == 0,
                "answers": {question.key: "Facilitation practice"} if question else {},
            },
        )


def _link_recap(home, gathering):
    """The Kansas City recap story lives in the blog; make sure it exists and points back here."""
    from blog import demo as blog_demo
    from blog.models import BlogPostPage

    blog_demo.load(home)  # idempotent; the gathering demo runs before the blog's in load_demo
    post = BlogPostPage.objects.filter(slug="kansas-city-gathering-recap", locale=Locale.get_default()).first()
    if post is not None and post.recap_of_id != gathering.pk:
        post.recap_of = gathering
        post.save_revision().publish()
