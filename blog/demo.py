"""The network's stories: seven posts from its blog, retold briefly, three of them translated."""

from datetime import date

from blog.models import BlogAuthor, BlogIndexPage, BlogPostPage
from home.demo import child_page, paragraph, translate_once

INDEX_TRANSLATIONS = {
    "sw": {
        "Stories": "Hadithi",
        "News and stories from learning circles around the world.": "Habari na hadithi kutoka duara za kujifunza duniani kote.",
    },
    "es": {
        "Stories": "Historias",
        "News and stories from learning circles around the world.": "Noticias e historias de círculos de aprendizaje de todo el mundo.",
    },
    "fr": {
        "Stories": "Récits",
        "News and stories from learning circles around the world.": "Actualités et récits des cercles d'apprentissage du monde entier.",
    },
}

# slug, title, date, author, role, tags, intro, paragraphs
POSTS = [
    (
        "next-library-lab",
        "A learning lab at the Next Library conference",
        date(2019, 6, 20),
        "P2PU team",
        "",
        ["libraries", "events"],
        "Dokk1, the library in Aarhus, Denmark, invited us to run an informal learning space beside the keynotes "
        "and sessions of its Next Library conference.",
        [
            "Dokk1 wanted a different kind of room at the conference: somewhere participants could learn from each "
            "other instead of listening to a stage. We set it up as a drop-in learning circle.",
            "People came in between sessions, picked a question they cared about, and worked on it with whoever "
            "else was there. It showed how little a learning circle needs: a table, a question and a facilitator.",
        ],
    ),
    (
        "creating-an-open-course",
        "How we turned our training into an open course",
        date(2019, 5, 14),
        "P2PU team",
        "",
        ["courses", "facilitation"],
        "This year we want better training materials for facilitators and an easier way for anyone to publish "
        "an open course for learning circles.",
        [
            "In March and April we used our own Course in a Box tool to rebuild the learning circle training "
            "materials as an open course that any group can take together.",
            "Doing it ourselves showed us where the tool is clumsy, and those lessons now shape the workflow we "
            "are building for other course creators.",
        ],
    ),
    (
        "what-is-a-learning-circle",
        "What is a learning circle?",
        date(2019, 3, 4),
        "P2PU team",
        "",
        ["learning circles"],
        "Learning circles bring free online courses together with peer learning, in public places such as libraries.",
        [
            "Peer 2 Peer University is a global community that believes everyone should have access to free, social "
            "learning run by the community itself.",
            "A learning circle is a small group that meets every week to work through a course together. Nobody "
            "lectures: the group sets its pace, talks things through and helps each member finish.",
        ],
    ),
    (
        "how-we-evaluate-our-work",
        "How we evaluate our work",
        date(2018, 11, 8),
        "P2PU team",
        "",
        ["evaluation"],
        "Grant reporting asks for numbers; our values ask for something more careful. Here is how we try to do both.",
        [
            "P2PU is mostly funded by grants, and grants come with reporting. Traditional ways of assessing and "
            "collecting data can clash with the values we hold most: peer learning, community and equity.",
            "So we ask learners and facilitators what mattered to them, share the results openly, and collect only "
            "the data we will actually use.",
        ],
    ),
    (
        "online-learning-at-the-library",
        "Online learning at the library",
        date(2018, 9, 12),
        "P2PU team",
        "",
        ["libraries", "courses"],
        "We started with the idea that good online courses already exist and only need better framing. Three "
        "years on, that is only half true.",
        [
            "Many courses are excellent, but few are written for a group meeting in a library, with mixed "
            "experience and sometimes slow internet.",
            "That is why we now spend as much time on how a course is used in a circle as on which course is chosen.",
        ],
    ),
    (
        "kansas-city-gathering-recap",
        "What happened in Kansas City? The gathering recap",
        date(2018, 7, 10),
        "Nico Koenig",
        "Community Lead, P2PU",
        ["gathering", "events"],
        "On 17 May 2018, 43 librarians and educators met in Kansas City for two days of active learning, "
        "planning and barbecue.",
        [
            "By 2018 learning circles ran in 27 public library systems and community centres in the United States "
            "and Canada and in 13 branches of the Kenya National Library Service, yet their organizers had hardly "
            "ever met. With support from the Institute of Museum and Library Services, Kansas City Public Library "
            "hosted the first gathering.",
            "It opened with an optional rooftop dinner and went on with an opening circle, a scenario activity in "
            "which groups wrote their own definition of a learning circle, open-space breakouts chosen by the "
            "participants, and an action plan for every organisation. One participant called it a large learning "
            "circle for learning circles.",
        ],
    ),
    (
        "advice-for-learners-from-learners",
        "Advice for learners, from learners",
        date(2018, 5, 2),
        "P2PU team",
        "",
        ["learning circles", "learners"],
        "A learning circle is not school: the learners run it. Here is what people who took part would tell a "
        "newcomer.",
        [
            "In 2018 the Technology and Social Change Group asked learners about their circles. Their advice: come "
            "every week, say when you are stuck, and help the person next to you.",
            "Several said the group kept them going where studying alone had not.",
        ],
    ),
]

POST_TRANSLATIONS = {
    "what-is-a-learning-circle": {
        "sw": {
            "What is a learning circle?": "Duara la kujifunza ni nini?",
            "Learning circles bring free online courses together with peer learning, in public places such as "
            "libraries.": "Duara za kujifunza huunganisha kozi za bure za mtandaoni na kujifunza kwa rika, katika "
            "maeneo ya umma kama maktaba.",
            "Peer 2 Peer University is a global community that believes everyone should have access to free, social "
            "learning run by the community itself.": "Peer 2 Peer University ni jamii ya kimataifa inayoamini kwamba "
            "kila mtu anastahili kupata elimu ya bure, ya kijamii, inayoendeshwa na jamii yenyewe.",
            "A learning circle is a small group that meets every week to work through a course together. Nobody "
            "lectures: the group sets its pace, talks things through and helps each member finish.": "Duara la "
            "kujifunza ni kikundi kidogo kinachokutana kila wiki kupitia kozi pamoja. Hakuna anayehutubia: kikundi "
            "huamua kasi yake, hujadiliana na humsaidia kila mwanachama kumaliza.",
        },
        "es": {
            "What is a learning circle?": "¿Qué es un círculo de aprendizaje?",
            "Learning circles bring free online courses together with peer learning, in public places such as "
            "libraries.": "Los círculos de aprendizaje combinan cursos gratuitos en línea con el aprendizaje entre "
            "pares, en espacios públicos como las bibliotecas.",
            "Peer 2 Peer University is a global community that believes everyone should have access to free, social "
            "learning run by the community itself.": "Peer 2 Peer University es una comunidad mundial convencida de "
            "que todas las personas deberían poder aprender gratis, en compañía y de la mano de su comunidad.",
            "A learning circle is a small group that meets every week to work through a course together. Nobody "
            "lectures: the group sets its pace, talks things through and helps each member finish.": "Un círculo "
            "de aprendizaje es un grupo pequeño que se reúne cada semana para avanzar juntos en un curso. Nadie da "
            "clase: el grupo marca su ritmo, conversa y ayuda a que cada persona termine.",
        },
        "fr": {
            "What is a learning circle?": "Qu'est-ce qu'un cercle d'apprentissage ?",
            "Learning circles bring free online courses together with peer learning, in public places such as "
            "libraries.": "Les cercles d'apprentissage associent des cours gratuits en ligne et l'apprentissage "
            "entre pairs, dans des lieux publics comme les bibliothèques.",
            "Peer 2 Peer University is a global community that believes everyone should have access to free, social "
            "learning run by the community itself.": "Peer 2 Peer University est une communauté mondiale qui pense "
            "que chacun devrait pouvoir apprendre gratuitement, avec d'autres, dans un cadre animé par la "
            "communauté elle-même.",
            "A learning circle is a small group that meets every week to work through a course together. Nobody "
            "lectures: the group sets its pace, talks things through and helps each member finish.": "Un cercle "
            "d'apprentissage est un petit groupe qui se retrouve chaque semaine pour suivre un cours ensemble. "
            "Personne ne fait cours : le groupe choisit son rythme, discute et aide chacun à aller au bout.",
        },
    },
    "kansas-city-gathering-recap": {
        "sw": {
            "What happened in Kansas City? The gathering recap": "Nini kilitokea Kansas City? Muhtasari wa mkutano",
            "On 17 May 2018, 43 librarians and educators met in Kansas City for two days of active learning, "
            "planning and barbecue.": "Tarehe 17 Mei 2018, wakutubi na waelimishaji 43 walikutana Kansas City kwa "
            "siku mbili za kujifunza kwa vitendo, kupanga na kula nyama choma.",
            "Community Lead, P2PU": "Kiongozi wa Jamii, P2PU",
        },
        "es": {
            "What happened in Kansas City? The gathering recap": "¿Qué pasó en Kansas City? Resumen del encuentro",
            "On 17 May 2018, 43 librarians and educators met in Kansas City for two days of active learning, "
            "planning and barbecue.": "El 17 de mayo de 2018, 43 bibliotecarios y educadores se reunieron en "
            "Kansas City durante dos días de aprendizaje activo, planificación y barbacoa.",
            "Community Lead, P2PU": "Responsable de comunidad, P2PU",
        },
        "fr": {
            "What happened in Kansas City? The gathering recap": "Que s'est-il passé à Kansas City ? Le bilan de la rencontre",
            "On 17 May 2018, 43 librarians and educators met in Kansas City for two days of active learning, "
            "planning and barbecue.": "Le 17 mai 2018, 43 bibliothécaires et éducateurs se sont retrouvés à Kansas "
            "City pour deux jours d'apprentissage actif, de planification et de barbecue.",
            "Community Lead, P2PU": "Responsable de la communauté, P2PU",
        },
    },
    "advice-for-learners-from-learners": {
        "sw": {
            "Advice for learners, from learners": "Ushauri kwa wanafunzi, kutoka kwa wanafunzi",
            "A learning circle is not school: the learners run it. Here is what people who took part would tell a "
            "newcomer.": "Duara la kujifunza si shule: wanafunzi ndio huliendesha. Haya ndiyo ambayo walioshiriki "
            "wangemwambia mgeni.",
        },
        "es": {
            "Advice for learners, from learners": "Consejos para aprendices, de otros aprendices",
            "A learning circle is not school: the learners run it. Here is what people who took part would tell a "
            "newcomer.": "Un círculo de aprendizaje no es la escuela: lo dirigen quienes aprenden. Esto es lo que "
            "le dirían a alguien nuevo las personas que ya participaron.",
        },
        "fr": {
            "Advice for learners, from learners": "Conseils aux participants, par des participants",
            "A learning circle is not school: the learners run it. Here is what people who took part would tell a "
            "newcomer.": "Un cercle d'apprentissage n'est pas l'école : ce sont les participants qui le mènent. "
            "Voici ce que d'anciens participants diraient à un nouveau venu.",
        },
    },
}


def load(home):
    index = child_page(
        home,
        BlogIndexPage,
        "blog",
        title="Stories",
        show_in_menus=True,
        intro="News and stories from learning circles around the world.",
    )
    for code, strings in INDEX_TRANSLATIONS.items():
        translate_once(index, code, strings)
    for slug, title, posted, author, role, tags, intro, paragraphs in POSTS:
        post = BlogPostPage.objects.child_of(index).filter(slug=slug).first()
        if post is None:
            post = BlogPostPage(
                title=title,
                slug=slug,
                date=posted,
                intro=intro,
                body=[paragraph(f"<p>{text}</p>") for text in paragraphs],
                authors=[BlogAuthor(name=author, role=role)],
            )
            post.tags.add(*tags)
            index.add_child(instance=post)
            post.save_revision().publish()
        for code, strings in POST_TRANSLATIONS.get(slug, {}).items():
            translate_once(post, code, strings)
    return index
