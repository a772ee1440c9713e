"""Kiswahili, Spanish and French for the demo guide index, two chapters, the resource
library's index, two resources and the six topics.

Each table row is (English source segment, sw, es, fr); `by_language` turns a table into
the {language: {source: translation}} mappings `home.localize.translate` takes.
"""

LANGUAGES = ("sw", "es", "fr")


def by_language(rows):
    return {code: {row[0]: row[index] for row in rows} for index, code in enumerate(LANGUAGES, start=1)}


TOPIC_ROWS = [
    ("Background and history", "Chimbuko na historia", "Antecedentes e historia", "Contexte et histoire"),
    (
        "Where learning circles come from and why they work.",
        "Duara za kujifunza zilitoka wapi na kwa nini zinafanya kazi.",
        "De dónde vienen los círculos de aprendizaje y por qué funcionan.",
        "D'où viennent les cercles d'apprentissage et pourquoi ils fonctionnent.",
    ),
    (
        "Create a circle and choose a course",
        "Anzisha duara na uchague kozi",
        "Crear un círculo y elegir un curso",
        "Créer un cercle et choisir un cours",
    ),
    (
        "Setting up a learning circle and finding a good free course for it.",
        "Kuanzisha duara la kujifunza na kupata kozi nzuri ya bure kwa ajili yake.",
        "Poner en marcha un círculo de aprendizaje y encontrar un buen curso gratuito para él.",
        "Mettre sur pied un cercle d'apprentissage et lui trouver un bon cours gratuit.",
    ),
    (
        "Promote and assess community needs",
        "Tangaza na tathmini mahitaji ya jamii",
        "Difundir y conocer las necesidades de la comunidad",
        "Faire connaître et évaluer les besoins de la communauté",
    ),
    (
        "Telling people about your circle and finding out what they want to learn.",
        "Kuwaeleza watu kuhusu duara lako na kujua wanataka kujifunza nini.",
        "Dar a conocer su círculo y averiguar qué quiere aprender la gente.",
        "Parler de votre cercle autour de vous et découvrir ce que les gens veulent apprendre.",
    ),
    ("Facilitate discussion", "Ongoza majadiliano", "Facilitar el diálogo", "Animer la discussion"),
    (
        "Feeling at ease leading a group conversation.",
        "Kujiamini unapoongoza mazungumzo ya kikundi.",
        "Sentirse cómodo guiando una conversación en grupo.",
        "Se sentir à l'aise pour mener une conversation de groupe.",
    ),
    ("Reflect afterwards", "Tafakari baadaye", "Reflexionar después", "Faire le bilan"),
    (
        "Looking back on a circle to make the next one better.",
        "Kutazama nyuma duara lililopita ili lijalo liwe bora zaidi.",
        "Mirar atrás para que el próximo círculo salga mejor.",
        "Revenir sur un cercle pour que le suivant soit meilleur.",
    ),
    (
        "Share and learn from others",
        "Shiriki na ujifunze kutoka kwa wengine",
        "Compartir y aprender de otros",
        "Partager et apprendre des autres",
    ),
    (
        "Learning from other facilitators' experience, and sharing yours.",
        "Kujifunza kutokana na uzoefu wa wawezeshaji wengine, na kushiriki wako.",
        "Aprender de la experiencia de otras personas facilitadoras y compartir la suya.",
        "Apprendre de l'expérience d'autres animateurs et partager la vôtre.",
    ),
]

RESOURCE_INDEX_ROWS = [
    ("Facilitator resources", "Nyenzo za wawezeshaji", "Recursos para facilitadores", "Ressources pour les animateurs"),
    (
        "Videos, slides, worksheets, activities and more, for everyone who runs a learning circle.",
        "Video, slaidi, karatasi za kazi, shughuli na zaidi, kwa kila mtu anayeendesha duara la kujifunza.",
        "Vídeos, diapositivas, fichas de trabajo, actividades y más, para quien dirige un círculo de aprendizaje.",
        "Vidéos, diaporamas, fiches de travail, activités et plus encore, pour toute personne qui anime un cercle "
        "d'apprentissage.",
    ),
]

LICENCE_ROW = ("CC BY-SA 4.0", "CC BY-SA 4.0", "CC BY-SA 4.0", "CC BY-SA 4.0")

RESOURCE_ROWS = {
    "weekly-check-in-activity": [
        (
            "Weekly check-in activity",
            "Shughuli ya kuanza mkutano wa kila wiki",
            "Actividad de bienvenida semanal",
            "Activité d'ouverture hebdomadaire",
        ),
        (
            "Ideas for the opening round of a meeting, where everyone says how they are and what they hope for.",
            "Mawazo ya mzunguko wa kwanza wa mkutano, ambapo kila mtu husema hali yake na anachotarajia.",
            "Ideas para la ronda inicial de una reunión, en la que cada persona cuenta cómo está y qué espera.",
            "Des idées pour le tour de table d'ouverture, où chacun dit comment il va et ce qu'il espère.",
        ),
        (
            "Every learning circle meeting begins with a check-in. The facilitator asks one icebreaker question and "
            "answers it first; then everyone takes a turn.",
            "Kila mkutano wa duara la kujifunza huanza kwa kujitambulisha. Mwezeshaji huuliza swali moja la "
            "kuchangamsha na hulijibu kwanza; kisha kila mtu hupata zamu yake.",
            "Cada reunión de un círculo de aprendizaje empieza con una ronda de bienvenida. La persona facilitadora "
            "hace una pregunta para romper el hielo y la responde primero; después, todos toman su turno.",
            "Chaque rencontre d'un cercle d'apprentissage commence par un tour de table. L'animateur pose une "
            "question pour briser la glace et y répond en premier ; puis chacun prend la parole à son tour.",
        ),
        LICENCE_ROW,
    ],
    "plus-delta-activity": [
        (
            "Plus/delta wrap-up activity",
            "Shughuli ya kufunga: plus/delta",
            "Actividad de cierre: más/delta",
            "Activité de clôture : plus/delta",
        ),
        (
            "Close each meeting with one thing that went well and one thing to change next time.",
            "Funga kila mkutano kwa jambo moja lililokwenda vizuri na jambo moja la kubadilisha wakati ujao.",
            "Cierre cada reunión con algo que salió bien y algo que cambiar la próxima vez.",
            "Terminez chaque rencontre par une chose qui a bien marché et une chose à changer la prochaine fois.",
        ),
        (
            "Write the pluses and deltas down: they are the best notes you will have when planning the next meeting.",
            "Andika mambo mazuri na ya kubadilisha: ndiyo maelezo bora utakayokuwa nayo unapopanga mkutano ujao.",
            "Anote los aspectos positivos y los cambios: serán sus mejores notas para preparar la próxima reunión.",
            "Notez les plus et les deltas : ce seront vos meilleures notes pour préparer la rencontre suivante.",
        ),
        LICENCE_ROW,
    ],
}

GUIDE_ROWS = [
    ("Organizer guide", "Mwongozo wa mratibu", "Guía para organizadores", "Guide de l'organisateur"),
    (
        "How to start a learning circle community: plan, coordinate and support learning circles across a library "
        "system or a region.",
        "Jinsi ya kuanzisha jamii ya duara za kujifunza: panga, ratibu na saidia duara za kujifunza katika mfumo "
        "mzima wa maktaba au katika eneo.",
        "Cómo crear una comunidad de círculos de aprendizaje: planificar, coordinar y apoyar círculos en toda una "
        "red de bibliotecas o una región.",
        "Comment lancer une communauté de cercles d'apprentissage : planifier, coordonner et soutenir des cercles "
        "dans tout un réseau de bibliothèques ou une région.",
    ),
    ("Karibu! Welcome!", "Karibu!", "¡Karibu! ¡Bienvenida, bienvenido!", "Karibu ! Bienvenue !"),
    (
        "On behalf of the Kenya National Library Service (KNLS) and Peer 2 Peer University (P2PU), I am happy to "
        "welcome you as a new learning circle organizer. This guide is for people who want to plan, coordinate and "
        "support a network of learning circles in an institution or a region, as we have done in Kenya.",
        "Kwa niaba ya Huduma ya Maktaba ya Taifa ya Kenya (KNLS) na Peer 2 Peer University (P2PU), nina furaha "
        "kukukaribisha kama mratibu mpya wa duara za kujifunza. Mwongozo huu ni kwa watu wanaotaka kupanga, "
        "kuratibu na kusaidia mtandao wa duara za kujifunza katika taasisi au eneo, kama tulivyofanya nchini Kenya.",
        "En nombre del Servicio Nacional de Bibliotecas de Kenia (KNLS) y de Peer 2 Peer University (P2PU), me "
        "alegra darle la bienvenida como nueva persona organizadora de círculos de aprendizaje. Esta guía es para "
        "quienes quieren planificar, coordinar y apoyar una red de círculos en una institución o una región, como "
        "hicimos en Kenia.",
        "Au nom du Service national des bibliothèques du Kenya (KNLS) et de Peer 2 Peer University (P2PU), je suis "
        "heureux de vous accueillir comme nouvel organisateur de cercles d'apprentissage. Ce guide s'adresse à ceux "
        "qui veulent planifier, coordonner et soutenir un réseau de cercles dans une institution ou une région, "
        "comme nous l'avons fait au Kenya.",
    ),
    (
        "Learning circles began in Kenya in 2016, when our coordinator Juliana Muchai worked with librarians in "
        "Nakuru and Nairobi, two of the 62 branches of KNLS. By 2018 the programme reached more than 1,000 adults "
        "across the country, studying everything from entrepreneurship to fiction writing, and our librarians had "
        "run trainings in Uganda and Zambia.",
        "Duara za kujifunza zilianza nchini Kenya mwaka 2016, mratibu wetu Juliana Muchai alipofanya kazi na "
        "wakutubi wa Nakuru na Nairobi, matawi mawili kati ya 62 ya KNLS. Kufikia 2018 mpango huu uliwafikia watu "
        "wazima zaidi ya 1,000 kote nchini, wakisoma kila kitu kuanzia ujasiriamali hadi uandishi wa hadithi, na "
        "wakutubi wetu walikuwa wameendesha mafunzo nchini Uganda na Zambia.",
        "Los círculos de aprendizaje empezaron en Kenia en 2016, cuando nuestra coordinadora Juliana Muchai trabajó "
        "con bibliotecarios de Nakuru y Nairobi, dos de las 62 sedes del KNLS. En 2018 el programa llegaba ya a más "
        "de 1.000 adultos de todo el país, que estudiaban desde emprendimiento hasta escritura de ficción, y "
        "nuestros bibliotecarios habían dado formaciones en Uganda y Zambia.",
        "Les cercles d'apprentissage ont commencé au Kenya en 2016, quand notre coordinatrice Juliana Muchai a "
        "travaillé avec des bibliothécaires de Nakuru et de Nairobi, deux des 62 antennes du KNLS. En 2018, le "
        "programme touchait plus de 1 000 adultes dans tout le pays, qui étudiaient aussi bien l'entrepreneuriat que "
        "l'écriture de fiction, et nos bibliothécaires avaient donné des formations en Ouganda et en Zambie.",
    ),
    (
        "The programme fits Kenya's Vision 2030, which calls for a strong culture of independent learning and gives "
        "libraries a central role in it. It has worked because our librarians own it, because we invested in their "
        "digital skills, and because people want to learn and trust the library to help them.",
        "Mpango huu unaendana na Dira ya Kenya 2030, inayotaka utamaduni imara wa kujisomea na inayozipa maktaba "
        "nafasi kuu katika hilo. Umefanikiwa kwa sababu wakutubi wetu wanaumiliki, kwa sababu tuliwekeza katika "
        "ujuzi wao wa kidijitali, na kwa sababu watu wanataka kujifunza na wanaiamini maktaba kuwasaidia.",
        "El programa encaja con la Visión 2030 de Kenia, que aspira a una sólida cultura de aprendizaje autónomo y "
        "da a las bibliotecas un papel central. Ha funcionado porque nuestros bibliotecarios lo sienten suyo, "
        "porque invertimos en sus competencias digitales y porque la gente quiere aprender y confía en que la "
        "biblioteca la ayude.",
        "Le programme s'inscrit dans la Vision 2030 du Kenya, qui veut une solide culture de l'apprentissage "
        "autonome et donne aux bibliothèques un rôle central. Il a réussi parce que nos bibliothécaires se le sont "
        "approprié, parce que nous avons investi dans leurs compétences numériques, et parce que les gens veulent "
        "apprendre et font confiance à la bibliothèque pour les y aider.",
    ),
    (
        "We still have work to do, and we look forward to learning from you. Good luck with your learning circle "
        "adventure!",
        "Bado tuna kazi ya kufanya, na tunatazamia kujifunza kutoka kwako. Kila la heri katika safari yako ya duara "
        "za kujifunza!",
        "Aún nos queda trabajo por hacer y esperamos aprender de usted. ¡Mucha suerte en su aventura con los "
        "círculos de aprendizaje!",
        "Il nous reste du travail, et nous avons hâte d'apprendre de vous. Bonne chance dans votre aventure des "
        "cercles d'apprentissage !",
    ),
    ("Director, KNLS", "Mkurugenzi, KNLS", "Director del KNLS", "Directeur du KNLS"),
    (
        "Creative Commons BY-SA 4.0",
        "Creative Commons BY-SA 4.0",
        "Creative Commons BY-SA 4.0",
        "Creative Commons BY-SA 4.0",
    ),
    (
        "Developed by the Kenya National Library Service and Peer 2 Peer University in 2018. You may reuse all of it "
        "under the licence below.",
        "Uliandaliwa na Huduma ya Maktaba ya Taifa ya Kenya na Peer 2 Peer University mwaka 2018. Unaweza kuutumia "
        "tena wote chini ya leseni iliyo hapa chini.",
        "Elaborada por el Servicio Nacional de Bibliotecas de Kenia y Peer 2 Peer University en 2018. Puede "
        "reutilizarla entera con la licencia que figura abajo.",
        "Rédigé par le Service national des bibliothèques du Kenya et Peer 2 Peer University en 2018. Vous pouvez "
        "le réutiliser entièrement selon la licence ci-dessous.",
    ),
    (
        "Supported by Electronic Information for Libraries (EIFL), Open Society Foundations (OSF) and the Open "
        "Society Initiative for East Africa (OSIEA).",
        "Kwa msaada wa Electronic Information for Libraries (EIFL), Open Society Foundations (OSF) na Open Society "
        "Initiative for East Africa (OSIEA).",
        "Con el apoyo de Electronic Information for Libraries (EIFL), Open Society Foundations (OSF) y la Open "
        "Society Initiative for East Africa (OSIEA).",
        "Avec le soutien d'Electronic Information for Libraries (EIFL), des Open Society Foundations (OSF) et de "
        "l'Open Society Initiative for East Africa (OSIEA).",
    ),
    (
        "Thanks to every librarian in Kenya who made this work possible.",
        "Shukrani kwa kila mkutubi nchini Kenya aliyewezesha kazi hii.",
        "Gracias a todas las bibliotecarias y bibliotecarios de Kenia que hicieron posible este trabajo.",
        "Merci à tous les bibliothécaires du Kenya qui ont rendu ce travail possible.",
    ),
]

ORIENT_ROWS = [
    ("Orient yourself to P2PU", "Ifahamu P2PU", "Conozca P2PU", "Découvrir P2PU"),
    (
        "What learning circles, facilitators, organizers and teams are, and how to get started.",
        "Duara za kujifunza, wawezeshaji, waratibu na timu ni nini, na jinsi ya kuanza.",
        "Qué son los círculos de aprendizaje, las personas facilitadoras, las organizadoras y los equipos, y cómo "
        "empezar.",
        "Ce que sont les cercles d'apprentissage, les animateurs, les organisateurs et les équipes, et comment "
        "commencer.",
    ),
    (
        "KNLS' success with learning circles shows that online learning and public libraries are a perfect match. "
        "The resources here can help you create coordinated, network-wide learning circles in your own community.",
        "Mafanikio ya KNLS katika duara za kujifunza yanaonyesha kwamba kujifunza mtandaoni na maktaba za umma "
        "vinaendana kikamilifu. Nyenzo hizi zinaweza kukusaidia kuunda duara za kujifunza zilizoratibiwa katika "
        "mtandao mzima wa jamii yako.",
        "El éxito del KNLS con los círculos de aprendizaje demuestra que el aprendizaje en línea y las bibliotecas "
        "públicas encajan a la perfección. Estos recursos pueden ayudarle a crear círculos coordinados en toda la "
        "red de su propia comunidad.",
        "Le succès du KNLS avec les cercles d'apprentissage montre que l'apprentissage en ligne et les bibliothèques "
        "publiques vont parfaitement ensemble. Ces ressources peuvent vous aider à créer des cercles coordonnés dans "
        "tout le réseau de votre communauté.",
    ),
    (
        "Manager of the Public Libraries Innovation Programme, EIFL",
        "Meneja wa Mpango wa Ubunifu wa Maktaba za Umma, EIFL",
        "Responsable del Programa de Innovación en Bibliotecas Públicas, EIFL",
        "Responsable du programme d'innovation des bibliothèques publiques, EIFL",
    ),
    (
        "When KNLS began in 2016, Chicago Public Library was the only other organisation running learning circles. "
        "There was a facilitator handbook and some software, but nothing for the people coordinating the work. This "
        "guide records what we learned in Kenya.",
        "KNLS ilipoanza mwaka 2016, Maktaba ya Umma ya Chicago ndiyo iliyokuwa shirika pekee lingine lililoendesha "
        "duara za kujifunza. Kulikuwa na kitabu cha mwezeshaji na programu kadhaa, lakini hakuna kitu kwa watu "
        "walioratibu kazi. Mwongozo huu unahifadhi tuliyojifunza nchini Kenya.",
        "Cuando el KNLS empezó en 2016, la Biblioteca Pública de Chicago era la única otra organización con círculos "
        "de aprendizaje. Había un manual para facilitadores y algunas herramientas, pero nada para quienes "
        "coordinaban el trabajo. Esta guía recoge lo que aprendimos en Kenia.",
        "Quand le KNLS a commencé en 2016, la bibliothèque publique de Chicago était la seule autre organisation à "
        "animer des cercles d'apprentissage. Il existait un manuel pour les animateurs et quelques logiciels, mais "
        "rien pour les personnes qui coordonnaient le travail. Ce guide rassemble ce que nous avons appris au Kenya.",
    ),
    (
        "Read it like a travel book before a journey: dig into the parts you need and skim the rest. It will not "
        "plan the trip for you, and it is a living guide that your experience can improve.",
        "Usome kama kitabu cha safari kabla ya kusafiri: zama katika sehemu unazohitaji na upitie zilizobaki kwa "
        "haraka. Hautakupangia safari, na ni mwongozo hai ambao uzoefu wako unaweza kuuboresha.",
        "Léala como una guía de viaje antes de partir: profundice en lo que necesite y hojee el resto. No planificará "
        "el viaje por usted, y es una guía viva que su experiencia puede mejorar.",
        "Lisez-le comme un guide de voyage avant le départ : approfondissez ce dont vous avez besoin et survolez le "
        "reste. Il ne préparera pas le voyage à votre place, et c'est un guide vivant que votre expérience peut "
        "enrichir.",
    ),
    ("Terminology", "Istilahi", "Terminología", "Vocabulaire"),
    (
        "A learning circle is a group of people who meet in person to learn something together, using learning "
        "resources such as online courses and peer learning practices.",
        "Duara la kujifunza ni kikundi cha watu wanaokutana ana kwa ana ili kujifunza kitu pamoja, wakitumia nyenzo "
        "za kujifunzia kama kozi za mtandaoni na mbinu za kujifunza kwa rika.",
        "Un círculo de aprendizaje es un grupo de personas que se reúne en persona para aprender algo juntas, con "
        "recursos como cursos en línea y prácticas de aprendizaje entre pares.",
        "Un cercle d'apprentissage est un groupe de personnes qui se réunissent en personne pour apprendre quelque "
        "chose ensemble, à l'aide de ressources comme des cours en ligne et de pratiques d'apprentissage entre pairs.",
    ),
    (
        "Each circle has a facilitator who organises the meetings and helps lead the discussion. Facilitators need "
        "not be experts in the subject; they should feel comfortable bringing people together.",
        "Kila duara lina mwezeshaji anayepanga mikutano na kusaidia kuongoza majadiliano. Wawezeshaji si lazima "
        "wawe wataalamu wa somo; wanapaswa kujiamini katika kuwaleta watu pamoja.",
        "Cada círculo tiene una persona facilitadora que organiza las reuniones y ayuda a guiar la conversación. No "
        "hace falta ser experta en la materia; basta con sentirse cómoda reuniendo a la gente.",
        "Chaque cercle a un animateur qui organise les rencontres et aide à mener la discussion. Il n'a pas besoin "
        "d'être expert du sujet ; il doit se sentir à l'aise pour rassembler des gens.",
    ),
    (
        "Facilitator resources help facilitators with six needs:",
        "Nyenzo za wawezeshaji huwasaidia wawezeshaji katika mahitaji sita:",
        "Los recursos para facilitadores responden a seis necesidades:",
        "Les ressources pour les animateurs répondent à six besoins :",
    ),
    (
        "understand the background and history of learning circles;",
        "kuelewa chimbuko na historia ya duara za kujifunza;",
        "entender los antecedentes y la historia de los círculos de aprendizaje;",
        "comprendre le contexte et l'histoire des cercles d'apprentissage ;",
    ),
    (
        "create a learning circle and choose a good course;",
        "kuanzisha duara la kujifunza na kuchagua kozi nzuri;",
        "crear un círculo de aprendizaje y elegir un buen curso;",
        "créer un cercle d'apprentissage et choisir un bon cours ;",
    ),
    (
        "promote their circle and find out what the community needs;",
        "kutangaza duara lao na kujua jamii inahitaji nini;",
        "dar a conocer su círculo y averiguar qué necesita la comunidad;",
        "faire connaître leur cercle et découvrir les besoins de la communauté ;",
    ),
    (
        "feel comfortable facilitating a group discussion;",
        "kujiamini katika kuongoza majadiliano ya kikundi;",
        "sentirse cómodas facilitando una conversación en grupo;",
        "se sentir à l'aise pour animer une discussion de groupe ;",
    ),
    (
        "reflect on the experience afterwards;",
        "kutafakari uzoefu baadaye;",
        "reflexionar después sobre la experiencia;",
        "faire le bilan de l'expérience ;",
    ),
    (
        "share and learn from other people's experiences.",
        "kushiriki na kujifunza kutokana na uzoefu wa watu wengine.",
        "compartir y aprender de la experiencia de otras personas.",
        "partager et apprendre de l'expérience des autres.",
    ),
    (
        "The role of the organizer",
        "Kazi ya mratibu",
        "El papel de la persona organizadora",
        "Le rôle de l'organisateur",
    ),
    (
        "When several circles run in one institution, one person leads them: the organizer. The circles an "
        "organizer looks after form a team. An organizer is both the team's leader and its spokesperson.",
        "Duara kadhaa zinapoendeshwa katika taasisi moja, mtu mmoja huziongoza: mratibu. Duara anazosimamia mratibu "
        "huunda timu. Mratibu ni kiongozi wa timu na pia msemaji wake.",
        "Cuando una institución tiene varios círculos, una persona los lidera: la organizadora. Los círculos a su "
        "cargo forman un equipo. Quien organiza es a la vez líder y portavoz del equipo.",
        "Quand plusieurs cercles fonctionnent dans une même institution, une personne les coordonne : "
        "l'organisateur. Les cercles dont il s'occupe forment une équipe. L'organisateur en est à la fois le leader "
        "et le porte-parole.",
    ),
    ("What an organizer does", "Kazi za mratibu", "Qué hace la persona organizadora", "Ce que fait l'organisateur"),
    ("As a leader", "Kama kiongozi", "Como líder", "En tant que leader"),
    (
        "Introduce your team to learning circles.",
        "Itambulishe timu yako kwa duara za kujifunza.",
        "Presente los círculos de aprendizaje a su equipo.",
        "Faites découvrir les cercles d'apprentissage à votre équipe.",
    ),
    (
        "Host team training workshops and regional meetings.",
        "Andaa warsha za mafunzo ya timu na mikutano ya kanda.",
        "Organice talleres de formación y reuniones regionales.",
        "Organisez des ateliers de formation et des réunions régionales.",
    ),
    (
        "Help your team solve problems as they run their circles.",
        "Saidia timu yako kutatua matatizo wanapoendesha duara zao.",
        "Ayude a su equipo a resolver los problemas que surjan en sus círculos.",
        "Aidez votre équipe à résoudre les problèmes qui se posent dans leurs cercles.",
    ),
    (
        "Pass on new resources, tools and strategies from P2PU and other partners.",
        "Sambaza nyenzo, zana na mikakati mipya kutoka P2PU na washirika wengine.",
        "Difunda nuevos recursos, herramientas y estrategias de P2PU y de otros socios.",
        "Transmettez les nouvelles ressources, les outils et les stratégies de P2PU et d'autres partenaires.",
    ),
    (
        "Make sure laptops, internet access and a projector are ready for your team.",
        "Hakikisha kompyuta mpakato, intaneti na projekta viko tayari kwa timu yako.",
        "Asegúrese de que su equipo tenga portátiles, conexión a internet y un proyector listos.",
        "Veillez à ce que les ordinateurs portables, l'accès à internet et un projecteur soient prêts pour votre "
        "équipe.",
    ),
    (
        "Keep in touch with the P2PU team about issues and opportunities.",
        "Wasiliana na timu ya P2PU kuhusu changamoto na fursa.",
        "Manténgase en contacto con el equipo de P2PU sobre problemas y oportunidades.",
        "Restez en contact avec l'équipe de P2PU au sujet des difficultés et des occasions.",
    ),
    ("As a spokesperson", "Kama msemaji", "Como portavoz", "En tant que porte-parole"),
    (
        "Document your team's good practices and outcomes.",
        "Andika mbinu bora na matokeo ya timu yako.",
        "Documente las buenas prácticas y los resultados de su equipo.",
        "Documentez les bonnes pratiques et les résultats de votre équipe.",
    ),
    (
        "Share outcomes, questions and resources on the community forum.",
        "Shiriki matokeo, maswali na nyenzo kwenye jukwaa la jamii.",
        "Comparta resultados, preguntas y recursos en el foro de la comunidad.",
        "Partagez résultats, questions et ressources sur le forum de la communauté.",
    ),
    (
        "Represent your team on community calls and at gatherings.",
        "Iwakilishe timu yako katika simu za jamii na kwenye mikusanyiko.",
        "Represente a su equipo en las llamadas comunitarias y en los encuentros.",
        "Représentez votre équipe lors des appels communautaires et des rencontres.",
    ),
    (
        "Present the impact of learning circles to your management and local partners.",
        "Eleza matokeo ya duara za kujifunza kwa uongozi wako na washirika wa eneo lako.",
        "Presente el impacto de los círculos a su dirección y a sus socios locales.",
        "Présentez l'impact des cercles à votre direction et à vos partenaires locaux.",
    ),
    (
        "Two ways to become an organizer",
        "Njia mbili za kuwa mratibu",
        "Dos maneras de llegar a organizar",
        "Deux façons de devenir organisateur",
    ),
    (
        "Some organizers are appointed: a programme coordinator is asked to help colleagues start circles. Others "
        "grow into it: they try one circle, tell colleagues, and the idea catches on. Both work.",
        "Baadhi ya waratibu huteuliwa: mratibu wa programu huombwa kuwasaidia wenzake kuanzisha duara. Wengine "
        "hukua katika nafasi hiyo: hujaribu duara moja, huwaeleza wenzao, na wazo huenea. Njia zote mbili hufaa.",
        "A algunas personas las nombran: se pide a una coordinadora de programas que ayude a sus colegas a crear "
        "círculos. Otras llegan poco a poco: prueban un círculo, se lo cuentan a sus colegas y la idea prende. Las "
        "dos vías funcionan.",
        "Certains organisateurs sont nommés : on demande à un coordinateur de programme d'aider ses collègues à "
        "lancer des cercles. D'autres le deviennent peu à peu : ils essaient un cercle, en parlent à leurs collègues, "
        "et l'idée fait son chemin. Les deux fonctionnent.",
    ),
    ("How to sign up", "Jinsi ya kujisajili", "Cómo registrarse", "Comment s'inscrire"),
    (
        "Create a free account on the P2PU website. With it you can publish learning circles, take part in the "
        "online community, add courses to the course database and receive news.",
        "Fungua akaunti ya bure kwenye tovuti ya P2PU. Kwayo unaweza kuchapisha duara za kujifunza, kushiriki katika "
        "jamii ya mtandaoni, kuongeza kozi kwenye hifadhidata ya kozi na kupokea habari.",
        "Cree una cuenta gratuita en el sitio web de P2PU. Con ella podrá publicar círculos de aprendizaje, "
        "participar en la comunidad en línea, añadir cursos a la base de datos y recibir noticias.",
        "Créez un compte gratuit sur le site de P2PU. Il vous permet de publier des cercles d'apprentissage, de "
        "participer à la communauté en ligne, d'ajouter des cours à la base de cours et de recevoir des nouvelles.",
    ),
    (
        "Then say hello on the community forum and tell us you would like to organise a team: we will set up your "
        "organizer dashboard.",
        "Kisha tusalimie kwenye jukwaa la jamii na utueleze kwamba ungependa kuratibu timu: tutakuandalia dashibodi "
        "yako ya mratibu.",
        "Después, salude en el foro de la comunidad y cuéntenos que quiere organizar un equipo: le prepararemos su "
        "panel de organización.",
        "Ensuite, dites bonjour sur le forum de la communauté et dites-nous que vous aimeriez organiser une équipe : "
        "nous préparerons votre tableau de bord d'organisateur.",
    ),
]

COMMUNITY_ROWS = [
    (
        "Participate in the global community",
        "Shiriki katika jamii ya dunia",
        "Participe en la comunidad mundial",
        "Participer à la communauté mondiale",
    ),
    (
        "Where learning circle people meet: the forum, the digest, community calls and the annual gathering.",
        "Mahali watu wa duara za kujifunza hukutana: jukwaa, jarida, simu za jamii na mkutano wa kila mwaka.",
        "Dónde se encuentra la gente de los círculos: el foro, el boletín, las llamadas comunitarias y el encuentro "
        "anual.",
        "Où se retrouvent les gens des cercles : le forum, la lettre d'information, les appels communautaires et la "
        "rencontre annuelle.",
    ),
    (
        "If we're going to change how the world learns, we're going to have to form a global learning circle.",
        "Tukitaka kubadilisha jinsi dunia inavyojifunza, itatubidi tuunde duara la kujifunza la dunia nzima.",
        "Si queremos cambiar la forma en que el mundo aprende, tendremos que formar un círculo de aprendizaje mundial.",
        "Si nous voulons changer la façon dont le monde apprend, il nous faudra former un cercle d'apprentissage "
        "mondial.",
    ),
    (
        "Community Lead, P2PU",
        "Kiongozi wa Jamii, P2PU",
        "Responsable de comunidad, P2PU",
        "Responsable de la communauté, P2PU",
    ),
    (
        "Every learning circle should be a little better because of the ones that came before it, so sharing what "
        "we learn is central to the network.",
        "Kila duara la kujifunza linapaswa kuwa bora kidogo kwa sababu ya yale yaliyotangulia, kwa hiyo kushiriki "
        "tunachojifunza ni kiini cha mtandao.",
        "Cada círculo debería ser un poco mejor gracias a los anteriores; por eso compartir lo que aprendemos es "
        "esencial para la red.",
        "Chaque cercle devrait être un peu meilleur grâce à ceux qui l'ont précédé : partager ce que nous apprenons "
        "est donc au cœur du réseau.",
    ),
    ("Community forum", "Jukwaa la jamii", "Foro de la comunidad", "Forum de la communauté"),
    (
        "The forum is the main place for discussion and usually the first place to ask a question. For private "
        "matters, send a private message or write to thepeople@p2pu.org.",
        "Jukwaa ndilo mahali pakuu pa majadiliano na kwa kawaida mahali pa kwanza pa kuuliza swali. Kwa mambo ya "
        "faragha, tuma ujumbe binafsi au andika kwa thepeople@p2pu.org.",
        "El foro es el lugar principal de conversación y, por lo general, el primero donde preguntar. Para asuntos "
        "privados, envíe un mensaje privado o escriba a thepeople@p2pu.org.",
        "Le forum est le principal lieu d'échange et, en général, le premier endroit où poser une question. Pour "
        "les sujets privés, envoyez un message privé ou écrivez à thepeople@p2pu.org.",
    ),
    ("Community digest", "Jarida la jamii", "Boletín de la comunidad", "Lettre de la communauté"),
    (
        "Every three weeks, the digest brings news of events, conferences and community calls.",
        "Kila baada ya wiki tatu, jarida huleta habari za matukio, makongamano na simu za jamii.",
        "Cada tres semanas, el boletín trae noticias de eventos, congresos y llamadas comunitarias.",
        "Toutes les trois semaines, la lettre annonce les événements, les conférences et les appels communautaires.",
    ),
    ("Community calls", "Simu za jamii", "Llamadas comunitarias", "Appels communautaires"),
    (
        "Monthly calls feature members sharing their experience; other calls cover new features and facilitator "
        "training. All are announced on the forum.",
        "Simu za kila mwezi huwashirikisha wanachama wakieleza uzoefu wao; simu nyingine huhusu vipengele vipya na "
        "mafunzo ya wawezeshaji. Zote hutangazwa kwenye jukwaa.",
        "En las llamadas mensuales, miembros de la comunidad cuentan su experiencia; otras tratan sobre funciones "
        "nuevas y la formación de facilitadores. Todas se anuncian en el foro.",
        "Les appels mensuels donnent la parole à des membres qui partagent leur expérience ; d'autres portent sur "
        "les nouvelles fonctions et la formation des animateurs. Tous sont annoncés sur le forum.",
    ),
    ("Course database", "Hifadhidata ya kozi", "Base de datos de cursos", "Base de cours"),
    (
        "The course database lists free courses that facilitators have tried and liked. Anyone with an account can "
        "add one.",
        "Hifadhidata ya kozi huorodhesha kozi za bure ambazo wawezeshaji wamezijaribu na kuzipenda. Yeyote mwenye "
        "akaunti anaweza kuongeza kozi.",
        "La base de datos reúne cursos gratuitos que otras personas facilitadoras han probado y recomiendan. "
        "Cualquiera con una cuenta puede añadir uno.",
        "La base de cours recense des cours gratuits que des animateurs ont essayés et appréciés. Toute personne "
        "ayant un compte peut en ajouter.",
    ),
    ("Annual gathering", "Mkutano wa kila mwaka", "Encuentro anual", "Rencontre annuelle"),
    (
        "The community meets in person at least once a year; in 2018 the gathering was at Kansas City Public "
        "Library. There is no entry fee.",
        "Jamii hukutana ana kwa ana angalau mara moja kwa mwaka; mwaka 2018 mkutano ulifanyika katika Maktaba ya "
        "Umma ya Kansas City. Hakuna ada ya kuingia.",
        "La comunidad se reúne en persona al menos una vez al año; en 2018 el encuentro fue en la Biblioteca "
        "Pública de Kansas City. No se cobra entrada.",
        "La communauté se réunit en personne au moins une fois par an ; en 2018, la rencontre a eu lieu à la "
        "bibliothèque publique de Kansas City. L'entrée est gratuite.",
    ),
]

TOPIC_TRANSLATIONS = by_language(TOPIC_ROWS)
RESOURCE_INDEX_TRANSLATIONS = by_language(RESOURCE_INDEX_ROWS)
RESOURCE_TRANSLATIONS = {slug: by_language(rows) for slug, rows in RESOURCE_ROWS.items()}
GUIDE_TRANSLATIONS = by_language(GUIDE_ROWS)
CHAPTER_TRANSLATIONS = {
    "orient-yourself": by_language(ORIENT_ROWS),
    "join-the-global-community": by_language(COMMUNITY_ROWS),
}
