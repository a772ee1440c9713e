"""The organizer guide (a welcome letter and six steps) and the facilitator resources
library, retold from the Kenya National Library Service and P2PU guide of 2018-19.

Idempotent: pages and topics that exist are left alone; translations are made once.
"""

from datetime import date

from wagtail.models import Locale

from guides.demo_translations import (
    CHAPTER_TRANSLATIONS,
    GUIDE_TRANSLATIONS,
    RESOURCE_INDEX_TRANSLATIONS,
    RESOURCE_TRANSLATIONS,
    TOPIC_TRANSLATIONS,
)
from guides.models import (
    GuideChapterPage,
    GuideContributor,
    GuideIndexPage,
    ResourceIndexPage,
    ResourcePage,
    ResourceTopic,
)
from home.demo import child_page, heading, paragraph, translate_once
from home.localize import translate

FORUM = "https://community.p2pu.org/"

# slug, name, description
TOPICS = [
    ("background", "Background and history", "Where learning circles come from and why they work."),
    (
        "create-a-circle",
        "Create a circle and choose a course",
        "Setting up a learning circle and finding a good free course for it.",
    ),
    (
        "promote",
        "Promote and assess community needs",
        "Telling people about your circle and finding out what they want to learn.",
    ),
    ("facilitate", "Facilitate discussion", "Feeling at ease leading a group conversation."),
    ("reflect", "Reflect afterwards", "Looking back on a circle to make the next one better."),
    ("share", "Share and learn from others", "Learning from other facilitators' experience, and sharing yours."),
]

CONTRIBUTORS = [
    "Abdikadir Diba", "Alex Nyaribo", "Amina Bulle", "Andrew Muite", "Ann Mtai", "Anne Katei",
    "Caroline Ngacaku", "Charles Osinde", "Dario Oturi", "Edgar Yatich", "Elijah Gachihi", "Elizabeth Kerubo",
    "Emily Onchari", "Esther Odanga", "Francis Leyian", "Hilda Mwangi", "James Waruinge", "Joan Njoki",
    "Joseck Kweya", "Joseph Gitahi", "Joseph Neru", "Juliana Muchai", "Kaltuma Sama", "Kennedy Rutoh",
    "Koi Kazungu", "Miriam Mureithi", "Moses Imbayi", "Patrick Nguyo", "Polycarp Omwamba", "Purity Mutuku",
    "Ratemo Isoka", "Raymond Chepkwony", "Richard Atuti", "Rose Makau", "Rufus Githinji", "Sarah Ogembo",
    "Sylvia Nairesiai", "Yusuf Ganyana",
]  # fmt: skip

# slug, title, kind, topics, summary, url field, url, minutes, body paragraphs
RESOURCES = [
    (
        "what-is-a-learning-circle-video",
        "What is a learning circle? A short video",
        "video",
        ["background", "promote"],
        "A few minutes that explain learning circles to colleagues, managers or future learners.",
        "video_url",
        "https://www.youtube.com/@p2pu",
        4,
        ["Play it at the start of a staff meeting or share the link in an email to colleagues."],
    ),
    (
        "introduction-slides",
        "Introduction to learning circles: slides",
        "slides",
        ["background", "create-a-circle"],
        "A slide deck to present learning circles at a staff meeting or training workshop.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        None,
        ["Adapt the slides with your own library's examples and photos before you present them."],
    ),
    (
        "learning-circles-infographic",
        "Learning circles at a glance: infographic",
        "infographic",
        ["background", "promote"],
        "One picture of how a learning circle works, from choosing a course to the last meeting.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        None,
        [],
    ),
    (
        "one-page-flyer",
        "One-page flyer",
        "flyer",
        ["promote"],
        "A flyer to print and put up around town, or hand out at the library desk.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        None,
        ["In Buruburu, librarians handed flyers to patrons during the focus group and put them up around town."],
    ),
    (
        "new-team-member-survey",
        "Survey for new team members",
        "survey",
        ["create-a-circle"],
        "A short form colleagues fill in when they want to join the pilot, so you can plan a first meeting.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        5,
        [],
    ),
    (
        "weekly-check-in-activity",
        "Weekly check-in activity",
        "activity",
        ["facilitate"],
        "Ideas for the opening round of a meeting, where everyone says how they are and what they hope for.",
        "link_url",
        "https://community.p2pu.org/t/weekly-check-in-activity/2778",
        15,
        [
            "Every learning circle meeting begins with a check-in. The facilitator asks one icebreaker question "
            "and answers it first; then everyone takes a turn."
        ],
    ),
    (
        "plus-delta-activity",
        "Plus/delta wrap-up activity",
        "activity",
        ["reflect", "facilitate"],
        "Close each meeting with one thing that went well and one thing to change next time.",
        "link_url",
        "https://community.p2pu.org/t/weekly-plus-delta-wrap-up-activity/2779",
        10,
        ["Write the pluses and deltas down: they are the best notes you will have when planning the next meeting."],
    ),
    (
        "team-planning-worksheet",
        "Team planning worksheet",
        "worksheet",
        ["create-a-circle", "reflect"],
        "A worksheet a new team fills in together to agree on its vision and its next steps.",
        "link_url",
        "https://community.p2pu.org/t/team-planning-worksheet-for-your-p2pu-community/2783",
        30,
        ["Share your finished worksheet on the community forum if you are comfortable doing so."],
    ),
    (
        "library-patron-focus-group",
        "Library patron focus group questions",
        "forum-thread",
        ["promote"],
        "Questions to ask library users about what they would like to learn and how at ease they are online.",
        "link_url",
        "https://community.p2pu.org/t/library-patron-focus-group/3129",
        None,
        [],
    ),
    (
        "q-method",
        "Find out what your community wants to learn with the Q-method",
        "activity",
        ["promote"],
        "A quick sorting exercise that records people's interests and tells them about learning circles at the "
        "same time.",
        "link_url",
        FORUM,
        20,
        [],
    ),
    (
        "facilitator-handbook",
        "Facilitator handbook",
        "handbook",
        ["background", "facilitate"],
        "Everything a new facilitator needs, from the first meeting to the last.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        None,
        [],
    ),
    (
        "learning-circles-user-manual",
        "Learning circles user manual",
        "handbook",
        ["create-a-circle"],
        "How to use the website: creating a learning circle, managing signups and the organizer dashboard.",
        "link_url",
        "https://learning-circles-user-manual.readthedocs.io/en/latest/index.html",
        None,
        [],
    ),
    (
        "facilitating-learning-circles-course",
        "Facilitating learning circles: an open course",
        "course",
        ["facilitate", "reflect"],
        "The facilitator training, rebuilt as an open course that a group can take together as a learning circle.",
        "link_url",
        "https://www.p2pu.org/en/courses/",
        None,
        [],
    ),
    (
        "course-database",
        "The course database",
        "course",
        ["create-a-circle"],
        "Free online courses that facilitators have tried and liked; anyone with an account can add one.",
        "link_url",
        "https://www.p2pu.org/en/courses/",
        None,
        [],
    ),
    (
        "testimonials",
        "Testimonials from other organisations",
        "forum-thread",
        ["share", "background"],
        "How learning circles worked for other libraries and community groups, in their own words.",
        "link_url",
        FORUM,
        None,
        ["Read these before you pitch learning circles to your managers, and note what sounds like your library."],
    ),
    (
        "community-calls",
        "Monthly community calls",
        "forum-thread",
        ["share"],
        "Online calls where facilitators and organizers share their experience; every call is announced here.",
        "link_url",
        FORUM,
        60,
        [],
    ),
    (
        "learner-feedback-form",
        "Learner feedback form",
        "survey",
        ["reflect"],
        "A short questionnaire for learners at the end of a circle.",
        "link_url",
        "https://www.p2pu.org/en/facilitate/",
        5,
        [],
    ),
]


def rich(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def resource_links(pages, *slugs):
    return [{"page": pages[slug], "url": "", "label": "", "note": ""} for slug in slugs]


def outside_link(url, label, note=""):
    return {"page": None, "url": url, "label": label, "note": note}


def activity(title, description, prompt, task, resources, minutes=None):
    return {
        "title": title,
        "description": description,
        "discussion_prompt": prompt,
        "task": task,
        "resources": resources,
        "minutes": minutes,
    }


def chapters(resources):
    """The six steps: slug, title, summary, quote, quote author, their role, body."""
    return [
        (
            "orient-yourself",
            "Orient yourself to P2PU",
            "What learning circles, facilitators, organizers and teams are, and how to get started.",
            "KNLS' success with learning circles shows that online learning and public libraries are a perfect "
            "match. The resources here can help you create coordinated, network-wide learning circles in your own "
            "community.",
            "Ramune Petuchovaite",
            "Manager of the Public Libraries Innovation Programme, EIFL",
            [
                paragraph(
                    rich(
                        "When KNLS began in 2016, Chicago Public Library was the only other organisation running "
                        "learning circles. There was a facilitator handbook and some software, but nothing for the "
                        "people coordinating the work. This guide records what we learned in Kenya.",
                        "Read it like a travel book before a journey: dig into the parts you need and skim the rest. "
                        "It will not plan the trip for you, and it is a living guide that your experience can improve.",
                    )
                ),
                heading("Terminology"),
                paragraph(
                    rich(
                        "A learning circle is a group of people who meet in person to learn something together, "
                        "using learning resources such as online courses and peer learning practices.",
                        "Each circle has a facilitator who organises the meetings and helps lead the discussion. "
                        "Facilitators need not be experts in the subject; they should feel comfortable bringing "
                        "people together.",
                        "Facilitator resources help facilitators with six needs:",
                    )
                    + bullet_list(
                        [
                            "understand the background and history of learning circles;",
                            "create a learning circle and choose a good course;",
                            "promote their circle and find out what the community needs;",
                            "feel comfortable facilitating a group discussion;",
                            "reflect on the experience afterwards;",
                            "share and learn from other people's experiences.",
                        ]
                    )
                ),
                heading("The role of the organizer"),
                paragraph(
                    rich(
                        "When several circles run in one institution, one person leads them: the organizer. The "
                        "circles an organizer looks after form a team. An organizer is both the team's leader and "
                        "its spokesperson."
                    )
                ),
                (
                    "checklist",
                    {
                        "title": "What an organizer does",
                        "groups": [
                            {
                                "title": "As a leader",
                                "items": [
                                    "Introduce your team to learning circles.",
                                    "Host team training workshops and regional meetings.",
                                    "Help your team solve problems as they run their circles.",
                                    "Pass on new resources, tools and strategies from P2PU and other partners.",
                                    "Make sure laptops, internet access and a projector are ready for your team.",
                                    "Keep in touch with the P2PU team about issues and opportunities.",
                                ],
                            },
                            {
                                "title": "As a spokesperson",
                                "items": [
                                    "Document your team's good practices and outcomes.",
                                    "Share outcomes, questions and resources on the community forum.",
                                    "Represent your team on community calls and at gatherings.",
                                    "Present the impact of learning circles to your management and local partners.",
                                ],
                            },
                        ],
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "note",
                        "title": "Two ways to become an organizer",
                        "text": rich(
                            "Some organizers are appointed: a programme coordinator is asked to help colleagues "
                            "start circles. Others grow into it: they try one circle, tell colleagues, and the idea "
                            "catches on. Both work."
                        ),
                    },
                ),
                heading("How to sign up"),
                paragraph(
                    rich(
                        "Create a free account on the P2PU website. With it you can publish learning circles, take "
                        "part in the online community, add courses to the course database and receive news.",
                        "Then say hello on the community forum and tell us you would like to organise a team: we will "
                        "set up your organizer dashboard.",
                    )
                ),
            ],
        ),
        (
            "gather-a-team",
            "Gather a team",
            "Win support from your managers, choose the first people and places, and invite colleagues.",
            "New partners should be able to mobilise support within their organisation and community, so that the "
            "whole organisation has buy-in from the beginning. When you get buy-in, your colleagues will not allow "
            "the programme to die.",
            "Juliana Muchai",
            "Learning circle coordinator, KNLS",
            [
                heading("Generate interest and buy-in"),
                paragraph(
                    rich(
                        "Without support from the people who make decisions, a programme can fail. Juliana studied "
                        "how learning circles could serve the library's own strategy and described them in its "
                        "language.",
                        "KNLS wanted to build its staff's digital skills, had little money for licensed content and "
                        "was asked to work with community organisations. So Juliana presented learning circles as a "
                        "way to improve librarians' ICT skills and bring the library closer to its community, with no "
                        "licence fees.",
                    )
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": "Speak your organisation's language",
                        "text": rich(
                            "Read the testimonials on the community forum, then reread your organisation's latest "
                            "strategy and use its words when you talk to colleagues."
                        ),
                    },
                ),
                heading("Find the right people and places"),
                paragraph(
                    rich(
                        "Look for people who welcome new services, can spread the word inside the organisation and "
                        "care about their community. Juliana did not ask for advanced technical skills: that could "
                        "have put off good facilitators.",
                        "Places matter too: check each site's equipment, its capacity and its existing programmes. "
                        "The pilot ran with four librarians in two branches, Buruburu in Nairobi, with many young "
                        "people keen to study, and Nakuru, a town with many university campuses.",
                    )
                ),
                heading("Reach out to potential facilitators"),
                paragraph(
                    rich(
                        "Start with four to twelve people, the same size we recommend for a learning circle. These "
                        "resources help you explain the idea:"
                    )
                ),
                (
                    "resource_list",
                    {
                        "title": "Explain learning circles to colleagues",
                        "items": resource_links(
                            resources,
                            "what-is-a-learning-circle-video",
                            "introduction-slides",
                            "learning-circles-infographic",
                            "one-page-flyer",
                            "new-team-member-survey",
                        ),
                    },
                ),
                (
                    "email_template",
                    {
                        "title": "A sample email to colleagues",
                        "subject": "Would you help start learning circles at our library?",
                        "body": (
                            "Hi there,\n\n"
                            "I am working with Peer 2 Peer University (P2PU), a non-profit that runs free, "
                            "non-formal learning programmes, to start something new in our community.\n\n"
                            "P2PU created learning circles: study groups that meet in public places such as "
                            "libraries to take free online courses together, helped by peer learning. They give "
                            "people good course materials at no cost, make the library a place where the community "
                            "learns, and build the professional skills of library staff.\n\n"
                            "Learning circles are free to join and free to start. This short video explains how "
                            "they work: https://www.youtube.com/@p2pu. You can read more at p2pu.org.\n\n"
                            "I am looking for a few volunteers to pilot them here. If you are interested, please "
                            "fill in this short form and we will find a date to meet: [link to your form]\n\n"
                            "Thank you!"
                        ),
                    },
                ),
            ],
        ),
        (
            "onboard-facilitators",
            "Onboard facilitators",
            "Meet your new team in person with a two-hour meeting that works like a learning circle.",
            "It's better when the interest is coming from your colleagues, as opposed to going out and telling them "
            "what to do.",
            "Juliana Muchai",
            "Learning circle coordinator, KNLS",
            [
                paragraph(
                    rich(
                        "Once you have a core team, meet everyone in person: a half-day workshop, a few shorter "
                        "meetings, or time added to a regular staff meeting. Juliana began with four librarians and "
                        "P2PU in Nakuru in September 2016.",
                        "You can run the meeting on your own, or ask P2PU to join you online or in person.",
                    )
                ),
                heading("The onboarding meeting"),
                (
                    "agenda",
                    {
                        "title": "Five-part onboarding meeting",
                        "introduction": "The meeting follows the shape of a learning circle. Two hours is the "
                        "minimum; it can grow to half a day or a full day.",
                        "start_time": None,
                        "activities": [
                            activity(
                                "Check-in",
                                "Open with a round where everyone introduces themselves and says what they hope to "
                                "learn today.",
                                "Thanks for coming! Learning circles start with a check-in, so let's do one: what "
                                "brings you here, and what do you hope to get done today? I'll go first.",
                                "Everyone knows each other and you have a sense of how people feel.",
                                resource_links(resources, "weekly-check-in-activity"),
                                15,
                            ),
                            activity(
                                "Coursework",
                                "Explore the facilitator resources together. The page is built like an online "
                                "course, so moving between the screen and the group shows what a learning circle "
                                "feels like.",
                                "Share your own experience of learning circles and why they fit your plans. Then: "
                                "let's look at the opening video and a few resources together; by the end, each of "
                                "us will have a draft learning circle.",
                                "Everyone creates an account and a draft learning circle.",
                                [outside_link("https://www.p2pu.org/en/facilitate/", "P2PU facilitator page")],
                                45,
                            ),
                            activity(
                                "Reflection",
                                "Learning circles are flexible and every town runs them differently. Think together "
                                "about how yours will adapt the model, and work through the questions that come up.",
                                "What is still unclear? Let's search the community forum, and post the questions we "
                                "can't answer ourselves.",
                                "Answer what you can; post the rest on the community forum.",
                                [outside_link(FORUM, "P2PU community forum")],
                                20,
                            ),
                            activity(
                                "Planning",
                                "Before you finish, write down where you are and agree on next steps with the "
                                "planning worksheet.",
                                "It sounds like we're ready! Let's fill in this worksheet together to make a plan.",
                                "Complete the planning worksheet, and share it on the forum if you like.",
                                resource_links(resources, "team-planning-worksheet"),
                                30,
                            ),
                            activity(
                                "Plus / delta",
                                "Close the way a learning circle closes: each person names one thing that went well "
                                "(plus) and one thing to change (delta).",
                                "We started with a check-in and we end with a check-out: one thing that worked and "
                                "one thing to change. Who will start?",
                                "The meeting ends with a shared sense of how it went.",
                                resource_links(resources, "plus-delta-activity"),
                                10,
                            ),
                        ],
                    },
                ),
                heading("Add-on: a focus group with library patrons"),
                (
                    "activity",
                    activity(
                        "Library patron focus group",
                        "During their first meeting, the KNLS facilitators also talked with library users. "
                        "Juliana learned what interested and worried future learners, and how confident they were "
                        "online. A focus group can be formal or informal, part of the workshop or run later by each "
                        "facilitator.",
                        "Let's spend the afternoon finding out what our patrons would like to learn and how at ease "
                        "they are with computers. Here are some questions to ask.",
                        "Understand what your patrons need and want from learning circles.",
                        resource_links(resources, "library-patron-focus-group", "q-method"),
                    ),
                ),
            ],
        ),
        (
            "support-your-facilitators",
            "Support your facilitators",
            "Stay in touch with your team, help sites promote their circles, and use the organizer dashboard.",
            "Every week, I check to see what facilitators are doing through the P2PU dashboard, and then I follow up "
            "if there seem to be problems. Being in touch with the facilitators is very important.",
            "Juliana Muchai",
            "Learning circle coordinator, KNLS",
            [
                paragraph(
                    rich(
                        "The first months after onboarding were a learning process. Some facilitators were not yet "
                        "at ease finding and registering for online courses, and each one needed support from the "
                        "managers and staff of their own branch.",
                        "Promotion needed care too, because learning circles were new. In Buruburu, librarians gave "
                        "out leaflets during the focus group, used the Q-method to record interests, put up flyers "
                        "and contacted groups such as senior citizens' clubs and student associations.",
                    )
                ),
                heading("The organizer dashboard"),
                paragraph(
                    rich(
                        "P2PU and KNLS built the organizer dashboard to save organizers time. When you log in you "
                        "will find four tabs:"
                    )
                    + bullet_list(
                        [
                            "<b>Upcoming meetings</b>: the circles meeting this week across your team, with the "
                            "weeks before and after;",
                            "<b>Active learning circles</b>: every circle with meetings still to come;",
                            "<b>Facilitators</b>: everyone in your team;",
                            "<b>Invitations</b>: where you invite new facilitators to join.",
                        ]
                    )
                ),
                (
                    "table",
                    {
                        "data": [
                            ["Day", "Learning circle", "Facilitator", "Time"],
                            ["Monday 23 October", "Fundamentals of Public Speaking, week 1", "Arystin", "18:00"],
                            ["Tuesday 24 October", "How Music Can Change Your Life", "Patrice", "17:30"],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Example: the upcoming meetings tab for one week",
                    },
                ),
                heading("Your team page and weekly updates"),
                paragraph(
                    rich(
                        "Your team also gets its own web address listing all its current circles, which you can "
                        "share as a promotional page; Kenya's is p2pu.org/knls.",
                        "While your team has active circles, you receive a weekly email with the number of signups "
                        "per circle, the week's schedule and a summary of facilitator feedback, plus a report when "
                        "each circle ends.",
                    )
                ),
                (
                    "resource_list",
                    {
                        "title": "How the software works",
                        "items": resource_links(resources, "learning-circles-user-manual"),
                    },
                ),
            ],
        ),
        (
            "grow-your-program",
            "Grow your programme",
            "Train new trainers, hold regional meetings, keep in touch between them and celebrate in public.",
            "Having regional leaders helps. I created a regional support system so I knew who I could rely on to help "
            "others. Not everyone has to work at the same level.",
            "Juliana Muchai",
            "Learning circle coordinator, KNLS",
            [
                paragraph(
                    rich(
                        "By July 2017, 14 circles had run in four Kenyan libraries, and the first facilitators "
                        "co-led a full-day workshop for colleagues in Nairobi. In 2018 alone, KNLS ran 64 circles in "
                        "15 libraries for more than 1,000 learners."
                    )
                ),
                heading("Ongoing training"),
                paragraph(
                    rich(
                        "Juliana ran further workshops in Murang'a and Narok, each time with an experienced "
                        "facilitator, and later helped veteran facilitators train neighbouring libraries on their "
                        "own. That cost less than large central workshops and gave librarians new skills."
                    )
                ),
                heading("Regional meetings"),
                paragraph(
                    rich(
                        "Regional meetings build relationships, share results, solve problems and plan the coming "
                        "months. The first, in Murang'a in April 2018, brought together ten librarians from four "
                        "libraries."
                    )
                ),
                (
                    "agenda",
                    {
                        "title": "Regional meeting agenda",
                        "introduction": "",
                        "start_time": None,
                        "activities": [
                            activity(
                                "Presentations",
                                "Each facilitator or branch presents a summary of their experience, outcomes and "
                                "impact; what worked well; their challenges; then takes questions from the audience.",
                                "",
                                "",
                                [],
                            ),
                            activity(
                                "Common strategies", "Discuss the strategies that work across branches.", "", "", []
                            ),
                            activity("Next steps", "Agree on next steps and upcoming plans.", "", "", []),
                        ],
                    },
                ),
                heading("Keep in touch between meetings"),
                paragraph(
                    rich(
                        "Juliana started a WhatsApp group for her facilitators; it grew to almost 30 members who "
                        "share stories, photos, posters and quick questions. Choose a tool your team already uses, "
                        "and post to the P2PU community forum too."
                    )
                ),
                heading("Public events and professional development"),
                paragraph(
                    rich(
                        "Graduation ceremonies matter in Kenya: in Murang'a, 40 learners graduated in front of local "
                        "partners and guests, with speeches, music and cake.",
                        "Presenting at conferences helps facilitators grow. KNLS librarians presented in Kenya, South "
                        "Africa, Cameroon and Denmark, and trained public librarians in Uganda and Zambia in 2018.",
                    )
                ),
            ],
        ),
        (
            "join-the-global-community",
            "Participate in the global community",
            "Where learning circle people meet: the forum, the digest, community calls and the annual gathering.",
            "If we're going to change how the world learns, we're going to have to form a global learning circle.",
            "Nico Koenig",
            "Community Lead, P2PU",
            [
                paragraph(
                    rich(
                        "Every learning circle should be a little better because of the ones that came before it, "
                        "so sharing what we learn is central to the network."
                    )
                ),
                heading("Community forum"),
                paragraph(
                    rich(
                        "The forum is the main place for discussion and usually the first place to ask a question. "
                        "For private matters, send a private message or write to thepeople@p2pu.org."
                    )
                ),
                heading("Community digest"),
                paragraph(
                    rich("Every three weeks, the digest brings news of events, conferences and community calls.")
                ),
                heading("Community calls"),
                paragraph(
                    rich(
                        "Monthly calls feature members sharing their experience; other calls cover new features and "
                        "facilitator training. All are announced on the forum."
                    )
                ),
                heading("Course database"),
                paragraph(
                    rich(
                        "The course database lists free courses that facilitators have tried and liked. Anyone with "
                        "an account can add one."
                    )
                ),
                heading("Annual gathering"),
                paragraph(
                    rich(
                        "The community meets in person at least once a year; in 2018 the gathering was at Kansas "
                        "City Public Library. There is no entry fee."
                    )
                ),
            ],
        ),
    ]


def ensure_topics():
    default = Locale.get_default()
    topics = {}
    for order, (slug, name, description) in enumerate(TOPICS):
        topic, _created = ResourceTopic.objects.get_or_create(
            slug=slug, locale=default, defaults={"name": name, "description": description, "sort_order": order}
        )
        topics[slug] = topic
        for code, strings in TOPIC_TRANSLATIONS.items():
            if not ResourceTopic.objects.filter(
                translation_key=topic.translation_key, locale__language_code=code
            ).exists():
                translate(topic, code, strings)
    return topics


def ensure_resources(home, topics):
    index = child_page(
        home,
        ResourceIndexPage,
        "facilitate",
        title="Facilitator resources",
        show_in_menus=True,
        intro="Videos, slides, worksheets, activities and more, for everyone who runs a learning circle.",
    )
    for code, strings in RESOURCE_INDEX_TRANSLATIONS.items():
        translate_once(index, code, strings)
    pages = {}
    for slug, title, kind, topic_slugs, summary, field, url, minutes, paragraphs in RESOURCES:
        page = ResourcePage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = ResourcePage(
                title=title,
                slug=slug,
                kind=kind,
                summary=summary,
                duration_minutes=minutes,
                licence="CC BY-SA 4.0",
                body=[paragraph(rich(text)) for text in paragraphs],
                **{field: url},
            )
            page.topics = [topics[topic] for topic in topic_slugs]
            index.add_child(instance=page)
            page.save_revision().publish()
        pages[slug] = page
        for code, strings in RESOURCE_TRANSLATIONS.get(slug, {}).items():
            translate_once(page, code, strings)
    return index, pages


def ensure_guide_index(home):
    """The guide's index page, created before the resources so it comes first in the menu."""
    guide = GuideIndexPage.objects.child_of(home).filter(slug="guide").first()
    if guide is None:
        guide = GuideIndexPage(slug="guide", title="Organizer guide", show_in_menus=True)
        home.add_child(instance=guide)
    return guide.specific


def ensure_guide(guide, resources):
    if not guide.welcome:
        guide.title = "Organizer guide"
        guide.show_in_menus = True
        guide.intro = (
            "How to start a learning circle community: plan, coordinate and support learning circles across a "
            "library system or a region."
        )
        guide.welcome = rich(
            "Karibu! Welcome!",
            "On behalf of the Kenya National Library Service (KNLS) and Peer 2 Peer University (P2PU), I am happy "
            "to welcome you as a new learning circle organizer. This guide is for people who want to plan, "
            "coordinate and support a network of learning circles in an institution or a region, as we have done "
            "in Kenya.",
            "Learning circles began in Kenya in 2016, when our coordinator Juliana Muchai worked with librarians "
            "in Nakuru and Nairobi, two of the 62 branches of KNLS. By 2018 the programme reached more than 1,000 "
            "adults across the country, studying everything from entrepreneurship to fiction writing, and our "
            "librarians had run trainings in Uganda and Zambia.",
            "The programme fits Kenya's Vision 2030, which calls for a strong culture of independent learning and "
            "gives libraries a central role in it. It has worked because our librarians own it, because we "
            "invested in their digital skills, and because people want to learn and trust the library to help "
            "them.",
            "We still have work to do, and we look forward to learning from you. Good luck with your learning "
            "circle adventure!",
        )
        guide.signatory_name = "Richard Atuti"
        guide.signatory_role = "Director, KNLS"
        guide.version_label = "2.0"
        guide.version_date = date(2019, 1, 1)
        guide.licence_name = "Creative Commons BY-SA 4.0"
        guide.licence_url = "https://creativecommons.org/licenses/by-sa/4.0/"
        guide.attribution = (
            "Developed by the Kenya National Library Service and Peer 2 Peer University in 2018. You may reuse all "
            "of it under the licence below."
        )
        guide.supporters = rich(
            "Supported by Electronic Information for Libraries (EIFL), Open Society Foundations (OSF) and the "
            "Open Society Initiative for East Africa (OSIEA)."
        )
        guide.credits_note = "Thanks to every librarian in Kenya who made this work possible."
        guide.contributors = [GuideContributor(name=name) for name in CONTRIBUTORS]
        guide.save_revision().publish()
    chapter_pages = {}
    for slug, title, summary, quote, author, role, body in chapters(resources):
        chapter_pages[slug] = child_page(
            guide,
            GuideChapterPage,
            slug,
            title=title,
            summary=summary,
            quote_text=quote,
            quote_author=author,
            quote_role=role,
            body=body,
        )
    for code, strings in GUIDE_TRANSLATIONS.items():
        translate_once(guide, code, strings)
    for slug, by_language in CHAPTER_TRANSLATIONS.items():
        for code, strings in by_language.items():
            translate_once(chapter_pages[slug], code, strings)
    return guide


def load(home):
    guide = ensure_guide_index(home)
    topics = ensure_topics()
    _index, resources = ensure_resources(home, topics)
    return ensure_guide(guide, resources)
