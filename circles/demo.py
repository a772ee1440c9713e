"""Demo content: the course database, three library teams and independent circles.

Circle dates are relative to today, so the listing always shows upcoming, running
and completed circles. Every step is idempotent.
"""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from circles.models import (
    CircleFacilitator,
    CircleIndexPage,
    Course,
    CourseIndexPage,
    LearningCirclePage,
    Signup,
    TeamMember,
    TeamPage,
)
from home.demo import child_page, ensure_users, translate_once

# title, provider, link, format, topics, language, licence, self-paced, caption
COURSES = [
    (
        "Fundamentals of Public Speaking",
        "P2PU",
        "https://www.p2pu.org/en/courses/",
        "course",
        ["public speaking", "communication"],
        "en",
        "CC BY-SA 4.0",
        True,
        "Plan a short talk, practise it with the group and get kind, useful feedback every week.",
    ),
    (
        "Starting Your Own Business",
        "OpenLearn",
        "https://www.open.edu/openlearn/",
        "course",
        ["entrepreneurship", "business"],
        "en",
        "CC BY-NC-SA 4.0",
        True,
        "Turn an idea into a simple business plan: customers, costs, prices and first sales.",
    ),
    (
        "Marketing on a Small Budget",
        "OpenLearn",
        "https://www.open.edu/openlearn/",
        "course",
        ["marketing", "business"],
        "en",
        "CC BY-NC-SA 4.0",
        True,
        "Find the people who need what you offer and reach them with free and low-cost tools.",
    ),
    (
        "Writing Short Fiction",
        "OpenLearn",
        "https://www.open.edu/openlearn/",
        "course",
        ["fiction writing", "writing"],
        "en",
        "CC BY-NC-SA 4.0",
        True,
        "Write a short story from first idea to final draft, sharing pages with the group as you go.",
    ),
    (
        "Music Theory for Beginners",
        "OpenLearn",
        "https://www.open.edu/openlearn/",
        "course",
        ["music"],
        "en",
        "CC BY-NC-SA 4.0",
        True,
        "Read notes, rhythms and chords, and hear how the songs you know are put together.",
    ),
    (
        "Computer Basics",
        "GCFGlobal",
        "https://edu.gcfglobal.org/en/",
        "course",
        ["digital skills"],
        "en",
        "",
        True,
        "Switch on, type, save files and browse safely: the first steps for anyone new to computers.",
    ),
    (
        "Programming for Everybody (Python)",
        "Dr. Chuck",
        "https://www.py4e.com/",
        "course",
        ["programming", "digital skills"],
        "en",
        "CC BY 3.0",
        True,
        "Learn to write small programs in Python, with no maths or computing background needed.",
    ),
    (
        "Résumés and Job Interviews",
        "GCFGlobal",
        "https://edu.gcfglobal.org/en/",
        "course",
        ["careers"],
        "en",
        "",
        True,
        "Write a résumé that gets read and practise interview answers with people who want you to succeed.",
    ),
    (
        "Spreadsheets Step by Step",
        "GCFGlobal",
        "https://edu.gcfglobal.org/en/",
        "course",
        ["digital skills", "data"],
        "en",
        "",
        True,
        "Build budgets, lists and simple charts, and learn the formulas you will use most.",
    ),
    (
        "Managing Your Money",
        "OpenLearn",
        "https://www.open.edu/openlearn/",
        "course",
        ["personal finance"],
        "en",
        "CC BY-NC-SA 4.0",
        True,
        "Make a budget, understand credit and savings, and plan for the things that matter to you.",
    ),
    (
        "The Photographer's Eye",
        "Library copy",
        "https://openlibrary.org/",
        "book",
        ["photography"],
        "en",
        "",
        True,
        "A book on composition to read a chapter at a time, with photo walks between meetings.",
    ),
    (
        "Learning Circle Facilitation Videos",
        "P2PU",
        "https://www.p2pu.org/en/facilitate/",
        "video",
        ["facilitation"],
        "en",
        "CC BY-SA 4.0",
        True,
        "Short videos on running a first meeting, keeping a group going and closing well.",
    ),
    (
        "Make a Website",
        "P2PU",
        "https://www.p2pu.org/en/courses/",
        "course",
        ["programming", "digital skills"],
        "en",
        "CC BY-SA 4.0",
        True,
        "Build and publish a personal web page with HTML and CSS, one small step each week.",
    ),
    (
        "Klabu ya Kusoma",
        "Maktaba",
        "https://www.knls.ac.ke/",
        "interest_group",
        ["reading"],
        "sw",
        "",
        False,
        "Kikundi cha kusoma vitabu vya Kiswahili pamoja na kujadili kila sura kila wiki.",
    ),
    (
        "Cómo empezar un negocio",
        "GCFGlobal",
        "https://edu.gcfglobal.org/es/",
        "course",
        ["entrepreneurship", "business"],
        "es",
        "",
        True,
        "Los primeros pasos para convertir una idea en un pequeño negocio, con ejemplos prácticos.",
    ),
]

TEAMS = [
    {
        "slug": "knls",
        "title": "Kenya National Library Service",
        "subtitle": "Learning circles in libraries across Kenya",
        "intro": "KNLS began running learning circles in 2016 in Nakuru and Nairobi Buruburu. In 2018 alone it "
        "ran 64 circles in 15 libraries, reaching more than 1,000 learners.",
        "location": "Nairobi, Kenya",
        "website": "https://www.knls.ac.ke/",
        "contact_email": "learningcircles@knls.example.org",
        "members": [("organizer", "organizer"), ("facilitator", "facilitator")],
    },
    {
        "slug": "chicago",
        "title": "Chicago Public Library",
        "subtitle": "Where learning circles began, in 2015",
        "intro": "Free study groups in neighbourhood branches across Chicago, open to every library card holder.",
        "location": "Chicago, Illinois, United States",
        "website": "https://www.chipublib.org/",
        "contact_email": "",
        "members": [],
    },
    {
        "slug": "kansas-city",
        "title": "Kansas City Public Library",
        "subtitle": "Learning together in Kansas City, Missouri",
        "intro": "The library that hosted the first gathering of learning circle practitioners, in 2018.",
        "location": "Kansas City, Missouri, United States",
        "website": "https://kclibrary.org/",
        "contact_email": "",
        "members": [],
    },
]

# slug, parent ("" = independent), course title, title, venue, city, country, time zone, language,
# first meeting in days from today, start time, weeks, limit, facilitator (username or name), learners
CIRCLES = [
    (
        "public-speaking-buruburu",
        "knls",
        "Fundamentals of Public Speaking",
        "Public speaking at Buruburu",
        "Nairobi Buruburu Library",
        "Nairobi",
        "Kenya",
        "Africa/Nairobi",
        "en",
        -15,
        time(14, 0),
        6,
        8,
        "facilitator",
        11,
    ),
    (
        "entrepreneurship-nakuru",
        "knls",
        "Starting Your Own Business",
        "Start a small business",
        "Nakuru Library",
        "Nakuru",
        "Kenya",
        "Africa/Nairobi",
        "en",
        9,
        time(10, 0),
        8,
        12,
        "Hilda Mwangi",
        5,
    ),
    (
        "marketing-nakuru",
        "knls",
        "Marketing on a Small Budget",
        "Marketing for market traders",
        "Nakuru Library",
        "Nakuru",
        "Kenya",
        "Africa/Nairobi",
        "en",
        -80,
        time(15, 0),
        6,
        12,
        "Hilda Mwangi",
        9,
    ),
    (
        "fiction-writing-buruburu",
        "knls",
        "Writing Short Fiction",
        "Write a short story",
        "Nairobi Buruburu Library",
        "Nairobi",
        "Kenya",
        "Africa/Nairobi",
        "en",
        4,
        time(16, 0),
        6,
        6,
        "facilitator",
        9,
    ),
    (
        "computer-basics-muranga",
        "knls",
        "Computer Basics",
        "Computer basics for beginners",
        "Murang'a Library",
        "Murang'a",
        "Kenya",
        "Africa/Nairobi",
        "en",
        -8,
        time(10, 0),
        6,
        10,
        "Kennedy Rutoh",
        7,
    ),
    (
        "careers-narok",
        "knls",
        "Résumés and Job Interviews",
        "Get ready for job interviews",
        "Narok Library",
        "Narok",
        "Kenya",
        "Africa/Nairobi",
        "en",
        -60,
        time(11, 0),
        6,
        12,
        "Sylvia Nairesiai",
        10,
    ),
    (
        "klabu-ya-kusoma-buruburu",
        "knls",
        "Klabu ya Kusoma",
        "Klabu ya kusoma Buruburu",
        "Nairobi Buruburu Library",
        "Nairobi",
        "Kenya",
        "Africa/Nairobi",
        "sw",
        12,
        time(15, 0),
        8,
        None,
        "Rose Makau",
        4,
    ),
    (
        "music-theory-chicago",
        "chicago",
        "Music Theory for Beginners",
        "Music theory at Harold Washington",
        "Harold Washington Library Center",
        "Chicago",
        "United States",
        "America/Chicago",
        "en",
        6,
        time(18, 0),
        6,
        12,
        "Marcus Reyes",
        3,
    ),
    (
        "python-chicago",
        "chicago",
        "Programming for Everybody (Python)",
        "Learn Python together",
        "Chinatown Branch",
        "Chicago",
        "United States",
        "America/Chicago",
        "en",
        -22,
        time(17, 30),
        8,
        10,
        "Dana Kowalski",
        8,
    ),
    (
        "public-speaking-chicago",
        "chicago",
        "Fundamentals of Public Speaking",
        "Speak up at Sulzer",
        "Sulzer Regional Library",
        "Chicago",
        "United States",
        "America/Chicago",
        "en",
        -90,
        time(18, 0),
        6,
        12,
        "Marcus Reyes",
        10,
    ),
    (
        "job-interviews-chicago",
        "chicago",
        "Résumés and Job Interviews",
        "Résumé and interview practice",
        "Legler Branch",
        "Chicago",
        "United States",
        "America/Chicago",
        "en",
        2,
        time(13, 0),
        6,
        5,
        "Dana Kowalski",
        8,
    ),
    (
        "negocio-chicago",
        "chicago",
        "Cómo empezar un negocio",
        "Empieza tu negocio",
        "Back of the Yards Branch",
        "Chicago",
        "United States",
        "America/Chicago",
        "es",
        16,
        time(18, 30),
        6,
        12,
        "Lucía Fernández",
        2,
    ),
    (
        "spreadsheets-kansas-city",
        "kansas-city",
        "Spreadsheets Step by Step",
        "Spreadsheets for your budget",
        "Central Library",
        "Kansas City",
        "United States",
        "America/Chicago",
        "en",
        -10,
        time(18, 0),
        6,
        12,
        "Sharon Miller",
        6,
    ),
    (
        "fiction-kansas-city",
        "kansas-city",
        "Writing Short Fiction",
        "Fiction writing at Plaza",
        "Plaza Branch",
        "Kansas City",
        "United States",
        "America/Chicago",
        "en",
        -100,
        time(18, 0),
        8,
        10,
        "Jo Park",
        9,
    ),
    (
        "marketing-kansas-city",
        "kansas-city",
        "Marketing on a Small Budget",
        "Marketing your small business",
        "Lucile H. Bluford Branch",
        "Kansas City",
        "United States",
        "America/Chicago",
        "en",
        20,
        time(12, 0),
        6,
        12,
        "Jo Park",
        1,
    ),
    (
        "website-kansas-city",
        "kansas-city",
        "Make a Website",
        "Make your first website",
        "Central Library",
        "Kansas City",
        "United States",
        "America/Chicago",
        "en",
        30,
        time(18, 0),
        6,
        8,
        "Sharon Miller",
        0,
    ),
    (
        "photography-toronto",
        "",
        "The Photographer's Eye",
        "Photo walks and composition",
        "Lillian H. Smith Branch",
        "Toronto",
        "Canada",
        "America/Toronto",
        "en",
        8,
        time(18, 30),
        6,
        10,
        "Amir Haddad",
        4,
    ),
    (
        "money-nairobi",
        "",
        "Managing Your Money",
        "Managing your money",
        "Kibera Community Centre",
        "Nairobi",
        "Kenya",
        "Africa/Nairobi",
        "en",
        -5,
        time(9, 30),
        6,
        15,
        "Joan Njoki",
        12,
    ),
    (
        "business-kampala",
        "",
        "Starting Your Own Business",
        "Business skills in Kampala",
        "Kampala Public Library",
        "Kampala",
        "Uganda",
        "Africa/Kampala",
        "en",
        14,
        time(10, 0),
        6,
        12,
        "Moses Okello",
        3,
    ),
    (
        "ecriture-montreal",
        "",
        "Writing Short Fiction",
        "Atelier d'écriture de nouvelles",
        "Bibliothèque du Plateau",
        "Montréal",
        "Canada",
        "America/Toronto",
        "fr",
        11,
        time(18, 0),
        6,
        10,
        "Claire Tremblay",
        2,
    ),
    (
        "python-boston",
        "",
        "Programming for Everybody (Python)",
        "Python at the library",
        "Central Library in Copley Square",
        "Boston",
        "United States",
        "America/New_York",
        "en",
        -120,
        time(18, 0),
        6,
        12,
        "Sam Okafor",
        7,
    ),
    (
        "facilitation-lusaka",
        "",
        "Learning Circle Facilitation Videos",
        "Become a learning circle facilitator",
        "Lusaka City Library",
        "Lusaka",
        "Zambia",
        "Africa/Lusaka",
        "en",
        25,
        time(10, 0),
        4,
        16,
        "Juliana Muchai",
        6,
    ),
]

FIRST_NAMES = [
    "Amina",
    "Brian",
    "Carol",
    "David",
    "Esther",
    "Faith",
    "George",
    "Halima",
    "Isaac",
    "Janet",
    "Kevin",
    "Linda",
    "Mary",
    "Nelson",
    "Olivia",
    "Peter",
    "Rita",
    "Samuel",
    "Teresa",
    "Victor",
]

INDEX_TRANSLATIONS = {
    "sw": {
        "Learning circles": "Duara za kujifunza",
        "Find a free learning circle near you and sign up.": "Tafuta duara la kujifunza la bure karibu nawe na ujisajili.",
    },
    "es": {
        "Learning circles": "Círculos de aprendizaje",
        "Find a free learning circle near you and sign up.": "Encuentre un círculo de aprendizaje gratuito cerca de usted e inscríbase.",
    },
    "fr": {
        "Learning circles": "Cercles d'apprentissage",
        "Find a free learning circle near you and sign up.": "Trouvez un cercle d'apprentissage gratuit près de chez vous et inscrivez-vous.",
    },
}

COURSE_INDEX_TRANSLATIONS = {
    "sw": {
        "Courses": "Kozi",
        "Free courses, books and videos that learning circles have tried and liked.": "Kozi za bure, vitabu na video ambazo duara za kujifunza zimejaribu na kupenda.",
    },
    "es": {
        "Courses": "Cursos",
        "Free courses, books and videos that learning circles have tried and liked.": "Cursos, libros y vídeos gratuitos que los círculos de aprendizaje han probado y les han gustado.",
    },
    "fr": {
        "Courses": "Cours",
        "Free courses, books and videos that learning circles have tried and liked.": "Des cours, livres et vidéos gratuits que des cercles d'apprentissage ont essayés et appréciés.",
    },
}

KNLS_TRANSLATIONS = {
    "sw": {
        "Kenya National Library Service": "Huduma ya Maktaba ya Taifa ya Kenya",
        "Learning circles in libraries across Kenya": "Duara za kujifunza katika maktaba kote Kenya",
        "KNLS began running learning circles in 2016 in Nakuru and Nairobi Buruburu. In 2018 alone it ran 64 circles "
        "in 15 libraries, reaching more than 1,000 learners.": "KNLS ilianza kuendesha duara za kujifunza mwaka 2016 "
        "huko Nakuru na Nairobi Buruburu. Mwaka 2018 pekee iliendesha duara 64 katika maktaba 15, ikiwafikia "
        "wanafunzi zaidi ya 1,000.",
        "Nairobi, Kenya": "Nairobi, Kenya",
    },
    "es": {
        "Kenya National Library Service": "Servicio Nacional de Bibliotecas de Kenia",
        "Learning circles in libraries across Kenya": "Círculos de aprendizaje en bibliotecas de toda Kenia",
        "KNLS began running learning circles in 2016 in Nakuru and Nairobi Buruburu. In 2018 alone it ran 64 circles "
        "in 15 libraries, reaching more than 1,000 learners.": "El KNLS empezó a organizar círculos de aprendizaje en "
        "2016 en Nakuru y en Buruburu, Nairobi. Solo en 2018 celebró 64 círculos en 15 bibliotecas y llegó a más de "
        "1.000 personas.",
        "Nairobi, Kenya": "Nairobi, Kenia",
    },
    "fr": {
        "Kenya National Library Service": "Service national des bibliothèques du Kenya",
        "Learning circles in libraries across Kenya": "Des cercles d'apprentissage dans les bibliothèques de tout le Kenya",
        "KNLS began running learning circles in 2016 in Nakuru and Nairobi Buruburu. In 2018 alone it ran 64 circles "
        "in 15 libraries, reaching more than 1,000 learners.": "Le KNLS a lancé ses premiers cercles d'apprentissage en "
        "2016 à Nakuru et à Buruburu, Nairobi. Rien qu'en 2018, il en a organisé 64 dans 15 bibliothèques, pour plus "
        "de 1 000 participants.",
        "Nairobi, Kenya": "Nairobi, Kenya",
    },
}

DESCRIPTION = (
    "<p>A free study group that meets at the library once a week. We work through the course together, talk "
    "about what we learned and help each other keep going. No experience needed: just bring curiosity.</p>"
)
WHAT_TO_EXPECT = (
    "<p>About ninety minutes each week: a short check-in, time on the course, discussion, and a plan for next "
    "week. The library has computers, or bring your own device.</p>"
)


def ensure_courses():
    locale = Locale.get_default()
    courses = {}
    for title, provider, link, fmt, topics, language, licence, self_paced, caption in COURSES:
        course = Course.objects.filter(title=title, locale=locale).first()
        if course is None:
            course = Course(
                title=title,
                provider=provider,
                link=link,
                format=fmt,
                language=language,
                licence=licence,
                self_paced=self_paced,
                caption=caption,
                locale=locale,
            )
            course.topics.add(*topics)
            course.save()
            course.save_revision().publish()
        courses[title] = course
    return courses


def ensure_teams(home, users):
    teams = {}
    for data in TEAMS:
        fields = {key: value for key, value in data.items() if key not in {"slug", "members"}}
        members = [
            TeamMember(user=users[username], role=role, weekly_digest=True)
            for role, username in data["members"]
            if username in users
        ]
        teams[data["slug"]] = child_page(home, TeamPage, data["slug"], members=members, **fields)
    return teams


def _learners(count, slug):
    return [
        (f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {chr(65 + (i * 7) % 26)}.", f"{slug}-learner{i + 1}@example.org")
        for i in range(count)
    ]


def ensure_circles(index, teams, courses, users):
    today = timezone.localdate()
    for (
        slug,
        team,
        course,
        title,
        venue,
        city,
        country,
        zone,
        language,
        offset,
        start,
        weeks,
        limit,
        facilitator,
        learners,
    ) in CIRCLES:
        parent = teams[team] if team else index
        circle = LearningCirclePage.objects.child_of(parent).filter(slug=slug).first()
        if circle is None:
            if facilitator in users:
                facilitators = [CircleFacilitator(user=users[facilitator])]
            else:
                facilitators = [CircleFacilitator(name=facilitator)]
            circle = LearningCirclePage(
                title=title,
                slug=slug,
                course=courses[course],
                venue_name=venue,
                city=city,
                country=country,
                time_zone=zone,
                language=language,
                description=DESCRIPTION,
                what_to_expect=WHAT_TO_EXPECT,
                signup_limit=limit,
                facilitators=facilitators,
                intro=f"A free weekly study group in {city}, using {course}.",
                signup_question="Which device will you bring, if any?" if slug.endswith("chicago") else "",
            )
            circle.fill_weekly_meetings(today + timedelta(days=offset), weeks=weeks, start_time=start)
            parent.add_child(instance=circle)
            circle.save_revision().publish()
        if not Signup.objects.filter(circle=circle).exists():
            for number, (name, email) in enumerate(_learners(learners, slug)):
                waiting = limit is not None and number >= limit
                Signup.objects.create(
                    circle=circle,
                    name=name,
                    email=email,
                    consent=True,
                    status=Signup.Status.WAITING if waiting else Signup.Status.CONFIRMED,
                    goals="Learn something new with my neighbours.",
                )


def load(home):
    index = child_page(
        home,
        CircleIndexPage,
        "circles",
        title="Learning circles",
        show_in_menus=True,
        intro="Find a free learning circle near you and sign up.",
    )
    course_index = child_page(
        home,
        CourseIndexPage,
        "courses",
        title="Courses",
        intro="Free courses, books and videos that learning circles have tried and liked.",
    )
    ensure_users()
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["organizer", "facilitator"])}
    courses = ensure_courses()
    teams = ensure_teams(home, users)
    ensure_circles(index, teams, courses, users)
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_once(index, code, strings)
    for code, strings in COURSE_INDEX_TRANSLATIONS.items():
        translate_once(course_index, code, strings)
    for code, strings in KNLS_TRANSLATIONS.items():
        translate_once(teams["knls"], code, strings)
    return index
