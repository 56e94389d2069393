"""A deterministic generated news corpus in French and English, for the scale benchmark.

Each document is composed from word lists and sentence templates over many topics, places,
people, organisations, numbers and dates, with section headings, paragraphs and the odd
bulleted list, so the chunker sees the same structure as in real articles. Document `i` of a
seed is always the same text, whatever the corpus size, so smaller corpora are prefixes of
larger ones (and caches built for one size serve the others).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 20251127
MIN_CHARS = 5000
MAX_CHARS = 6000

MONTHS_FR = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()
MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()

# (French, English) place names; a few Moroccan and conference cities on purpose, so the
# bundled article has near neighbours among the distractors.
PLACES = [
    ("Lyon", "Lyon"), ("Marseille", "Marseille"), ("Lille", "Lille"), ("Bordeaux", "Bordeaux"),
    ("Nantes", "Nantes"), ("Strasbourg", "Strasbourg"), ("Toulouse", "Toulouse"),
    ("Genève", "Geneva"), ("Bruxelles", "Brussels"), ("Anvers", "Antwerp"),
    ("Montréal", "Montreal"), ("Québec", "Quebec City"), ("Dakar", "Dakar"),
    ("Abidjan", "Abidjan"), ("Tunis", "Tunis"), ("Alger", "Algiers"), ("Rabat", "Rabat"),
    ("Casablanca", "Casablanca"), ("Fès", "Fez"), ("Tanger", "Tangier"), ("Agadir", "Agadir"),
    ("Marrakech", "Marrakesh"), ("Le Caire", "Cairo"), ("Nairobi", "Nairobi"),
    ("Lagos", "Lagos"), ("Kinshasa", "Kinshasa"), ("Johannesburg", "Johannesburg"),
    ("Londres", "London"), ("Manchester", "Manchester"), ("Édimbourg", "Edinburgh"),
    ("Dublin", "Dublin"), ("Madrid", "Madrid"), ("Séville", "Seville"), ("Lisbonne", "Lisbon"),
    ("Rome", "Rome"), ("Milan", "Milan"), ("Naples", "Naples"), ("Berlin", "Berlin"),
    ("Munich", "Munich"), ("Hambourg", "Hamburg"), ("Vienne", "Vienna"), ("Prague", "Prague"),
    ("Varsovie", "Warsaw"), ("Budapest", "Budapest"), ("Athènes", "Athens"),
    ("Istanbul", "Istanbul"), ("Stockholm", "Stockholm"), ("Oslo", "Oslo"),
    ("Copenhague", "Copenhagen"), ("Helsinki", "Helsinki"), ("Moscou", "Moscow"),
    ("New York", "New York"), ("Chicago", "Chicago"), ("Houston", "Houston"),
    ("Los Angeles", "Los Angeles"), ("Mexico", "Mexico City"), ("Bogota", "Bogotá"),
    ("Lima", "Lima"), ("Santiago", "Santiago"), ("Buenos Aires", "Buenos Aires"),
    ("São Paulo", "São Paulo"), ("Tokyo", "Tokyo"), ("Osaka", "Osaka"), ("Séoul", "Seoul"),
    ("Pékin", "Beijing"), ("Shanghai", "Shanghai"), ("Hong Kong", "Hong Kong"),
    ("Singapour", "Singapore"), ("Bangkok", "Bangkok"), ("Jakarta", "Jakarta"),
    ("Bombay", "Mumbai"), ("New Delhi", "New Delhi"), ("Dubaï", "Dubai"), ("Doha", "Doha"),
    ("Riyad", "Riyadh"), ("Sydney", "Sydney"), ("Melbourne", "Melbourne"),
    ("Auckland", "Auckland"), ("Vancouver", "Vancouver"), ("Toronto", "Toronto"),
]  # fmt: skip

COUNTRIES = [
    ("la France", "France"), ("la Belgique", "Belgium"), ("la Suisse", "Switzerland"),
    ("le Canada", "Canada"), ("le Sénégal", "Senegal"), ("la Côte d’Ivoire", "Ivory Coast"),
    ("la Tunisie", "Tunisia"), ("l’Algérie", "Algeria"), ("le Maroc", "Morocco"),
    ("l’Égypte", "Egypt"), ("le Kenya", "Kenya"), ("le Nigeria", "Nigeria"),
    ("l’Afrique du Sud", "South Africa"), ("le Royaume-Uni", "the United Kingdom"),
    ("l’Irlande", "Ireland"), ("l’Espagne", "Spain"), ("le Portugal", "Portugal"),
    ("l’Italie", "Italy"), ("l’Allemagne", "Germany"), ("l’Autriche", "Austria"),
    ("la Pologne", "Poland"), ("la Hongrie", "Hungary"), ("la Grèce", "Greece"),
    ("la Turquie", "Turkey"), ("la Suède", "Sweden"), ("la Norvège", "Norway"),
    ("le Danemark", "Denmark"), ("la Finlande", "Finland"), ("les États-Unis", "the United States"),
    ("le Mexique", "Mexico"), ("la Colombie", "Colombia"), ("le Pérou", "Peru"),
    ("le Chili", "Chile"), ("l’Argentine", "Argentina"), ("le Brésil", "Brazil"),
    ("le Japon", "Japan"), ("la Corée du Sud", "South Korea"), ("la Chine", "China"),
    ("Singapour", "Singapore"), ("la Thaïlande", "Thailand"), ("l’Indonésie", "Indonesia"),
    ("l’Inde", "India"), ("les Émirats arabes unis", "the United Arab Emirates"),
    ("le Qatar", "Qatar"), ("l’Arabie saoudite", "Saudi Arabia"), ("l’Australie", "Australia"),
    ("la Nouvelle-Zélande", "New Zealand"),
]  # fmt: skip

FIRST_NAMES = (
    "Amina Youssef Claire Julien Fatima Karim Sophie Thomas Nadia Omar Élodie Mehdi Laura "
    "Antoine Leila Hugo Salma Pierre Ines Samir Camille Rachid Chloé Malik Emma Lucas Aïcha "
    "Nicolas Yasmine Mathieu Sarah David Hana Kenji Mei Ravi Priya Carlos Lucía Mateo Ana "
    "James Olivia Michael Grace Daniel Emily Oliver Chiara Marco Ingrid Lars Katarzyna Piotr "
    "Zeynep Emre Kwame Ngozi Tendai Aditya Minh Soo-jin Diego Valentina Aurélien Margaux"
).split()
LAST_NAMES = (
    "Benali Dupont Martin El Amrani Lefèvre Moreau Haddad Bernard Chaoui Rousseau Fontaine "
    "Mercier Belkacem Girard Lambert Ndiaye Diallo Traoré Koné Okafor Mensah Smith Johnson "
    "Williams Brown Taylor Wilson García Fernández López Rossi Bianchi Müller Schmidt Weber "
    "Nowak Kowalski Novák Horváth Papadopoulos Yılmaz Andersson Nilsen Hansen Virtanen "
    "Tanaka Suzuki Kim Park Wang Li Chen Nguyen Sharma Patel Gupta Silva Santos Oliveira "
    "Rodríguez Morales Kaplan O’Brien Murphy Cohen Fischer Leclerc Bouchard Tremblay"
).split()


@dataclass(frozen=True)
class Topic:
    """Vocabulary of one news beat, in French and English."""

    name: str
    fr_subjects: tuple[str, ...]
    en_subjects: tuple[str, ...]
    fr_orgs: tuple[str, ...]
    en_orgs: tuple[str, ...]
    fr_roles: tuple[str, ...]
    en_roles: tuple[str, ...]
    fr_headings: tuple[str, ...]
    en_headings: tuple[str, ...]
    fr_facts: tuple[str, ...]
    en_facts: tuple[str, ...]
    units: tuple[tuple[str, str], ...]


def _t(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.split("|") if s.strip())


TOPICS = [
    Topic(
        "economy",
        _t("le budget régional | la croissance du secteur privé | le plan d’investissement | "
           "la réforme fiscale | le marché de l’emploi | l’inflation des prix alimentaires | "
           "la dette des entreprises | le commerce extérieur"),
        _t("the regional budget | private-sector growth | the investment plan | the tax reform | "
           "the labour market | food price inflation | corporate debt | foreign trade"),
        _t("la chambre de commerce | la banque centrale | le ministère de l’Économie | "
           "l’institut national de la statistique | la fédération des entreprises"),
        _t("the chamber of commerce | the central bank | the finance ministry | "
           "the national statistics office | the employers’ federation"),
        _t("économiste en chef | ministre de l’Économie | gouverneur | présidente | analyste"),
        _t("chief economist | finance minister | governor | chair | analyst"),
        _t("Perspectives économiques | Les chiffres du trimestre | Réactions des marchés | "
           "Un budget sous tension | Ce que prévoient les économistes"),
        _t("Economic outlook | The quarter in figures | Market reactions | A budget under strain | "
           "What economists expect"),
        _t("les exportations ont progressé de {pct} % sur un an | "
           "le déficit public atteint {money} | "
           "{number} entreprises ont été créées depuis janvier | "
           "le taux de chômage est tombé à {pct} %"),
        _t("exports rose {pct}% year on year | the public deficit reached {money} | "
           "{number} companies were founded since January | unemployment fell to {pct}%"),
        (("millions d’euros", "million euros"), ("emplois", "jobs")),
    ),
    Topic(
        "sport",
        _t("le championnat national | la finale de la coupe | le marathon international | "
           "le tournoi de tennis | l’équipe nationale de football | les jeux régionaux | "
           "la course cycliste | le club de rugby"),
        _t("the national league | the cup final | the international marathon | "
           "the tennis tournament | the national football team | the regional games | "
           "the cycling race | the rugby club"),
        _t("la fédération nationale | le comité olympique | la ligue professionnelle | "
           "le club local | l’association des supporters"),
        _t("the national federation | the Olympic committee | the professional league | "
           "the local club | the supporters’ association"),
        _t("entraîneur | capitaine | sélectionneur | présidente du club | arbitre"),
        _t("coach | captain | national team manager | club president | referee"),
        _t("Une saison historique | Le match en détail | Les réactions des joueurs | "
           "Prochaines échéances | Un public au rendez-vous"),
        _t("A historic season | The match in detail | What the players said | What comes next | "
           "A crowd to remember"),
        _t("{number} spectateurs ont assisté à la rencontre | l’équipe a remporté {small} matches "
           "consécutifs | le record de l’épreuve a été battu de {small} secondes | "
           "les billets se sont vendus en {small} heures"),
        _t("{number} spectators attended the game | the team has won {small} games in a row | "
           "the course record was broken by {small} seconds | "
           "tickets sold out in {small} hours"),
        (("spectateurs", "spectators"), ("licenciés", "registered players")),
    ),
    Topic(
        "climate",
        _t("la vague de chaleur | le plan de gestion de l’eau | la sécheresse | "
           "la reforestation des collines | la montée du niveau de la mer | les inondations | "
           "la qualité de l’air | la transition énergétique"),
        _t("the heatwave | the water management plan | the drought | hillside reforestation | "
           "sea-level rise | the floods | air quality | the energy transition"),
        _t("le service météorologique | l’agence de l’environnement | l’observatoire du climat | "
           "le collectif d’associations écologistes | la préfecture"),
        _t("the weather service | the environment agency | the climate observatory | "
           "the coalition of green groups | the regional authority"),
        _t("climatologue | directrice de l’agence | hydrologue | maire | militante"),
        _t("climate scientist | agency director | hydrologist | mayor | campaigner"),
        _t("Un été record | Des nappes phréatiques au plus bas | Les mesures d’urgence | "
           "Ce que disent les scientifiques | Adapter la ville"),
        _t("A record summer | Groundwater at its lowest | Emergency measures | "
           "What scientists say | Adapting the city"),
        _t("les températures ont dépassé {small} degrés pendant {small} jours | "
           "{number} hectares ont été replantés | les réserves d’eau sont remplies à {pct} % | "
           "les émissions ont baissé de {pct} %"),
        _t("temperatures exceeded {small} degrees for {small} days | "
           "{number} hectares were replanted | reservoirs are {pct}% full | "
           "emissions fell by {pct}%"),
        (("hectares", "hectares"), ("tonnes de CO2", "tonnes of CO2")),
    ),
    Topic(
        "health",
        _t("la campagne de vaccination | le nouvel hôpital universitaire | "
           "la pénurie de médecins | le dépistage du diabète | la santé mentale des étudiants | "
           "les urgences pédiatriques | la recherche sur le paludisme | la télémédecine"),
        _t("the vaccination campaign | the new teaching hospital | the shortage of doctors | "
           "diabetes screening | student mental health | paediatric emergency care | "
           "malaria research | telemedicine"),
        _t("le ministère de la Santé | l’agence régionale de santé | l’ordre des médecins | "
           "l’Organisation mondiale de la santé | le centre hospitalier"),
        _t("the health ministry | the regional health agency | the medical council | "
           "the World Health Organization | the hospital trust"),
        _t("médecin-chef | infirmière | épidémiologiste | ministre de la Santé | chercheuse"),
        _t("chief physician | nurse | epidemiologist | health minister | researcher"),
        _t("Des services saturés | Un dispositif inédit | La parole aux soignants | "
           "Les premiers résultats | Prévenir plutôt que guérir"),
        _t("Overstretched services | An unprecedented scheme | Carers speak out | "
           "First results | Prevention first"),
        _t("{number} patients ont été pris en charge | "
           "le délai d’attente a été réduit de {pct} % | "
           "{small} nouveaux lits ont été ouverts | {number} doses ont été administrées"),
        _t("{number} patients were treated | waiting times fell by {pct}% | "
           "{small} new beds were opened | {number} doses were given"),
        (("patients", "patients"), ("lits", "beds")),
    ),
    Topic(
        "technology",
        _t("le centre de données | la plateforme de paiement mobile | l’intelligence artificielle "
           "| la fibre optique | la cybersécurité des PME | le réseau 5G | "
           "la start-up de logistique | la numérisation des services publics"),
        _t("the data centre | the mobile payment platform | artificial intelligence | "
           "fibre broadband | cybersecurity for small firms | the 5G network | "
           "the logistics start-up | the digitisation of public services"),
        _t("l’agence du numérique | l’incubateur | l’opérateur télécom | "
           "le pôle de compétitivité | l’autorité de protection des données"),
        _t("the digital agency | the incubator | the telecom operator | the technology cluster | "
           "the data protection authority"),
        _t("ingénieure | fondateur | directeur technique | développeuse | responsable sécurité"),
        _t("engineer | founder | chief technology officer | developer | security lead"),
        _t("Une levée de fonds record | Sous le capot | Les inquiétudes des usagers | "
           "Un marché en pleine expansion | La course aux talents"),
        _t("A record funding round | Under the hood | Users’ concerns | A booming market | "
           "The race for talent"),
        _t("la plateforme compte {number} utilisateurs | {small} cyberattaques ont été déjouées | "
           "le débit moyen a augmenté de {pct} % | la société a levé {money}"),
        _t("the platform has {number} users | {small} cyberattacks were thwarted | "
           "average speed rose {pct}% | the company raised {money}"),
        (("utilisateurs", "users"), ("serveurs", "servers")),
    ),
    Topic(
        "culture",
        _t("le festival de musique | la rétrospective au musée | le salon du livre | "
           "la restauration de la médina | le festival de cinéma | la biennale d’art contemporain "
           "| le théâtre municipal | la bibliothèque numérique"),
        _t("the music festival | the museum retrospective | the book fair | "
           "the restoration of the old town | the film festival | the contemporary art biennial "
           "| the municipal theatre | the digital library"),
        _t("le ministère de la Culture | la fondation des arts | le musée national | "
           "l’office du tourisme | la maison d’édition"),
        _t("the culture ministry | the arts foundation | the national museum | "
           "the tourist office | the publishing house"),
        _t("commissaire d’exposition | romancière | directeur artistique | cinéaste | "
           "conservatrice"),
        _t("curator | novelist | artistic director | film-maker | conservator"),
        _t("Une programmation éclectique | Dans les coulisses | Le public conquis | "
           "Un patrimoine à protéger | Les temps forts"),
        _t("An eclectic line-up | Behind the scenes | An audience won over | "
           "Heritage to protect | Highlights"),
        _t("{number} visiteurs sont attendus | {small} artistes de {small} pays se produiront | "
           "la restauration a coûté {money} | {number} ouvrages ont été prêtés"),
        _t("{number} visitors are expected | {small} artists from {small} countries will perform "
           "| the restoration cost {money} | {number} books were lent"),
        (("visiteurs", "visitors"), ("œuvres", "works")),
    ),
    Topic(
        "agriculture",
        _t("la récolte d’olives | la filière laitière | l’irrigation au goutte-à-goutte | "
           "le prix des céréales | les coopératives agricoles | l’agriculture biologique | "
           "la pêche artisanale | la campagne de plantation d’arganiers"),
        _t("the olive harvest | the dairy sector | drip irrigation | grain prices | "
           "farm cooperatives | organic farming | small-scale fishing | "
           "the argan planting campaign"),
        _t("la chambre d’agriculture | le syndicat des producteurs | le ministère de l’Agriculture "
           "| l’office des céréales | la coopérative régionale"),
        _t("the chamber of agriculture | the growers’ union | the agriculture ministry | "
           "the grain board | the regional cooperative"),
        _t("agriculteur | agronome | présidente de la coopérative | pêcheur | éleveuse"),
        _t("farmer | agronomist | cooperative chair | fisherman | livestock farmer"),
        _t("Une saison difficile | Des rendements en hausse | Les producteurs inquiets | "
           "Innover pour économiser l’eau | Vers de nouveaux marchés"),
        _t("A difficult season | Yields are up | Worried growers | Innovating to save water | "
           "Towards new markets"),
        _t("la production a atteint {number} tonnes | {number} exploitations sont concernées | "
           "les prix ont reculé de {pct} % | l’aide publique s’élève à {money}"),
        _t("output reached {number} tonnes | {number} farms are affected | prices fell {pct}% | "
           "public aid amounts to {money}"),
        (("tonnes", "tonnes"), ("exploitations", "farms")),
    ),
    Topic(
        "transport",
        _t("la ligne à grande vitesse | le nouveau tramway | l’extension de l’aéroport | "
           "le port de commerce | la grève des contrôleurs | le covoiturage | "
           "les pistes cyclables | la rénovation de l’autoroute"),
        _t("the high-speed line | the new tramway | the airport extension | the commercial port "
           "| the controllers’ strike | car-sharing | cycle lanes | the motorway renovation"),
        _t("la compagnie ferroviaire | l’autorité portuaire | la régie des transports | "
           "le ministère des Transports | l’aéroport international"),
        _t("the rail company | the port authority | the transport authority | "
           "the transport ministry | the international airport"),
        _t("directeur des opérations | ministre des Transports | urbaniste | syndicaliste | "
           "pilote"),
        _t("head of operations | transport minister | urban planner | union official | pilot"),
        _t("Un chantier colossal | Les usagers partagés | Le calendrier des travaux | "
           "Moins de voitures en ville | Ce qui change pour les voyageurs"),
        _t("A colossal project | Divided commuters | The works timetable | Fewer cars in town | "
           "What changes for travellers"),
        _t("{number} voyageurs empruntent la ligne chaque jour | le trajet durera {small} minutes "
           "de moins | le chantier coûtera {money} | le trafic a progressé de {pct} %"),
        _t("{number} passengers use the line every day | the journey will be {small} minutes "
           "shorter | the works will cost {money} | traffic grew {pct}%"),
        (("voyageurs", "passengers"), ("kilomètres", "kilometres")),
    ),
    Topic(
        "education",
        _t("la réforme du baccalauréat | la rentrée universitaire | l’apprentissage des langues | "
           "les bourses d’études | la formation professionnelle | les écoles rurales | "
           "le numérique à l’école | le décrochage scolaire"),
        _t("the exam reform | the start of the academic year | language learning | scholarships "
           "| vocational training | rural schools | digital tools at school | school dropout"),
        _t("le ministère de l’Éducation | l’université | le rectorat | "
           "le syndicat des enseignants | l’association des parents d’élèves"),
        _t("the education ministry | the university | the school board | the teachers’ union | "
           "the parents’ association"),
        _t("rectrice | professeur | directrice d’école | doyen | conseillère pédagogique"),
        _t("vice-chancellor | teacher | head teacher | dean | education adviser"),
        _t("Une rentrée sous le signe du changement | Les enseignants mobilisés | "
           "Des classes surchargées | Le témoignage des élèves | Les moyens annoncés"),
        _t("A new year of change | Teachers mobilised | Overcrowded classrooms | "
           "What pupils say | The resources announced"),
        _t("{number} élèves ont fait leur rentrée | le taux de réussite atteint {pct} % | "
           "{small} écoles seront rénovées | le programme est doté de {money}"),
        _t("{number} pupils went back to school | the pass rate reached {pct}% | "
           "{small} schools will be renovated | the programme is funded with {money}"),
        (("élèves", "pupils"), ("enseignants", "teachers")),
    ),
    Topic(
        "justice",
        _t("le procès pour corruption | la réforme du code pénal | l’enquête sur les marchés "
           "publics | la surpopulation carcérale | le tribunal de commerce | "
           "l’affaire de fraude fiscale | l’aide juridictionnelle | la médiation familiale"),
        _t("the corruption trial | the penal code reform | the public procurement inquiry | "
           "prison overcrowding | the commercial court | the tax fraud case | legal aid | "
           "family mediation"),
        _t("le parquet | la cour d’appel | le barreau | le ministère de la Justice | "
           "le conseil supérieur de la magistrature"),
        _t("the prosecutor’s office | the court of appeal | the bar association | "
           "the justice ministry | the judicial council"),
        _t("procureure | avocat | juge d’instruction | ministre de la Justice | greffière"),
        _t("prosecutor | lawyer | investigating judge | justice minister | court clerk"),
        _t("Un dossier tentaculaire | Les arguments de la défense | Le verdict attendu | "
           "Une réforme contestée | Les victimes témoignent"),
        _t("A sprawling case | The defence’s arguments | The verdict ahead | A contested reform | "
           "Victims testify"),
        _t("{small} prévenus comparaissent | le préjudice est estimé à {money} | "
           "l’audience a duré {small} heures | {number} dossiers sont en attente"),
        _t("{small} defendants are on trial | losses are estimated at {money} | "
           "the hearing lasted {small} hours | {number} cases are pending"),
        (("dossiers", "cases"), ("audiences", "hearings")),
    ),
    Topic(
        "energy",
        _t("la centrale solaire | le parc éolien en mer | le prix de l’électricité | "
           "l’hydrogène vert | la rénovation thermique des logements | le réseau électrique | "
           "la station de dessalement | les économies d’énergie"),
        _t("the solar power plant | the offshore wind farm | electricity prices | "
           "green hydrogen | home insulation | the power grid | the desalination plant | "
           "energy savings"),
        _t("l’agence de l’énergie | l’opérateur du réseau | le régulateur | "
           "le consortium industriel | la compagnie nationale d’électricité"),
        _t("the energy agency | the grid operator | the regulator | the industrial consortium | "
           "the national power company"),
        _t("ingénieur | directrice de projet | ministre de l’Énergie | économiste | technicien"),
        _t("engineer | project director | energy minister | economist | technician"),
        _t("Un projet d’envergure | Les chiffres clés | Le défi du stockage | "
           "Des riverains partagés | Un calendrier serré"),
        _t("A large-scale project | Key figures | The storage challenge | Divided residents | "
           "A tight schedule"),
        _t("la centrale produira {number} mégawattheures par an | {number} foyers seront "
           "alimentés | la facture baissera de {pct} % | l’investissement atteint {money}"),
        _t("the plant will produce {number} megawatt-hours a year | {number} homes will be "
           "supplied | bills will fall {pct}% | the investment reaches {money}"),
        (("mégawatts", "megawatts"), ("foyers", "homes")),
    ),
    Topic(
        "tourism",
        _t("la saison touristique | les croisières | l’hôtellerie de luxe | "
           "le tourisme rural | les vols à bas prix | la fréquentation des musées | "
           "les locations saisonnières | le tourisme d’affaires"),
        _t("the tourist season | cruises | luxury hotels | rural tourism | low-cost flights | "
           "museum attendance | short-term rentals | business travel"),
        _t("l’office du tourisme | la fédération hôtelière | le conseil régional du tourisme | "
           "la compagnie aérienne | l’association des guides"),
        _t("the tourist board | the hotel federation | the regional tourism council | "
           "the airline | the guides’ association"),
        _t("hôtelier | guide | directrice de l’office | ministre du Tourisme | restauratrice"),
        _t("hotelier | guide | tourist board director | tourism minister | restaurant owner"),
        _t("Un été record | Les professionnels satisfaits | La clientèle étrangère | "
           "Des prix en hausse | Préserver les sites"),
        _t("A record summer | Satisfied professionals | Foreign visitors | Rising prices | "
           "Protecting the sites"),
        _t("{number} touristes ont été accueillis | le taux d’occupation atteint {pct} % | "
           "les recettes s’élèvent à {money} | {small} nouvelles lignes aériennes ouvrent"),
        _t("{number} tourists were welcomed | occupancy reached {pct}% | revenue amounts to "
           "{money} | {small} new air routes open"),
        (("nuitées", "overnight stays"), ("touristes", "tourists")),
    ),
    Topic(
        "science",
        _t("la mission spatiale | la découverte archéologique | le télescope géant | "
           "la recherche sur les batteries | le séquençage du génome | l’étude sur les abeilles "
           "| le satellite d’observation | les fouilles sous-marines"),
        _t("the space mission | the archaeological find | the giant telescope | battery research "
           "| genome sequencing | the study on bees | the observation satellite | "
           "the underwater excavation"),
        _t("le centre national de la recherche | l’agence spatiale | l’académie des sciences | "
           "le laboratoire universitaire | l’institut d’archéologie"),
        _t("the national research centre | the space agency | the academy of sciences | "
           "the university laboratory | the archaeology institute"),
        _t("astrophysicienne | archéologue | biologiste | directeur de recherche | doctorante"),
        _t("astrophysicist | archaeologist | biologist | research director | doctoral student"),
        _t("Une première mondiale | La méthode | Ce que cela change | Les prochaines étapes | "
           "Un travail de longue haleine"),
        _t("A world first | The method | Why it matters | Next steps | A long-term effort"),
        _t("l’équipe a analysé {number} échantillons | les vestiges datent de {number} ans | "
           "la précision a été améliorée de {pct} % | le projet a reçu {money}"),
        _t("the team analysed {number} samples | the remains are {number} years old | "
           "accuracy improved by {pct}% | the project received {money}"),
        (("échantillons", "samples"), ("chercheurs", "researchers")),
    ),
    Topic(
        "security",
        _t("la coopération policière | la lutte contre la cybercriminalité | "
           "le sommet sur la sécurité | la formation des forces de l’ordre | "
           "le trafic de stupéfiants | la protection des frontières | "
           "l’échange de renseignements | la sécurité des grands événements"),
        _t("police cooperation | the fight against cybercrime | the security summit | "
           "police training | drug trafficking | border protection | intelligence sharing | "
           "security at major events"),
        _t("la direction de la police | le ministère de l’Intérieur | "
           "l’agence européenne de police "
           "| la gendarmerie | l’office de lutte contre la criminalité organisée"),
        _t("the police directorate | the interior ministry | the European police agency | "
           "the gendarmerie | the organised crime office"),
        _t("commissaire | directeur de la police | ministre de l’Intérieur | "
           "cheffe de délégation | experte en cybersécurité"),
        _t("police commissioner | police chief | interior minister | head of delegation | "
           "cybersecurity expert"),
        _t("Une coopération renforcée | Les accords signés | Les menaces émergentes | "
           "Réunions bilatérales | Former les policiers de demain"),
        _t("Closer cooperation | The agreements signed | Emerging threats | Bilateral meetings | "
           "Training tomorrow’s officers"),
        _t("{small} réunions bilatérales ont été organisées | {number} agents ont été formés | "
           "{small} accords de coopération ont été signés | {number} saisies ont été réalisées"),
        _t("{small} bilateral meetings were held | {number} officers were trained | "
           "{small} cooperation agreements were signed | {number} seizures were made"),
        (("agents", "officers"), ("délégations", "delegations")),
    ),
    Topic(
        "housing",
        _t("la crise du logement | le programme de logements sociaux | la hausse des loyers | "
           "la rénovation des quartiers anciens | l’accession à la propriété | "
           "les villes nouvelles | l’habitat insalubre | les prêts immobiliers"),
        _t("the housing crisis | the social housing programme | rising rents | "
           "the renovation of old neighbourhoods | home ownership | the new towns | "
           "substandard housing | mortgages"),
        _t("le ministère du Logement | l’agence d’urbanisme | la fédération du bâtiment | "
           "l’association des locataires | la mairie"),
        _t("the housing ministry | the planning agency | the building federation | "
           "the tenants’ association | the town hall"),
        _t("architecte | promoteur | adjointe au maire | urbaniste | locataire"),
        _t("architect | developer | deputy mayor | urban planner | tenant"),
        _t("Des loyers qui s’envolent | Le plan du gouvernement | Sur le terrain | "
           "Les familles attendent | Construire plus vite"),
        _t("Soaring rents | The government’s plan | On the ground | Families wait | "
           "Building faster"),
        _t("{number} logements seront construits | les loyers ont augmenté de {pct} % | "
           "{number} familles sont sur liste d’attente | le programme coûtera {money}"),
        _t("{number} homes will be built | rents rose {pct}% | {number} families are on the "
           "waiting list | the programme will cost {money}"),
        (("logements", "homes"), ("familles", "families")),
    ),
    Topic(
        "water",
        _t("le barrage | la gestion des nappes phréatiques | l’accès à l’eau potable | "
           "le traitement des eaux usées | les fuites du réseau | la pollution des rivières | "
           "le dessalement de l’eau de mer | les restrictions d’arrosage"),
        _t("the dam | groundwater management | access to drinking water | wastewater treatment "
           "| leaks in the network | river pollution | seawater desalination | "
           "watering restrictions"),
        _t("l’agence de bassin | la régie des eaux | le ministère de l’Équipement | "
           "l’office national de l’eau | le syndicat intercommunal"),
        _t("the river basin agency | the water utility | the infrastructure ministry | "
           "the national water office | the inter-municipal board"),
        _t("hydrologue | ingénieure | directeur de la régie | élue locale | agricultrice"),
        _t("hydrologist | engineer | utility director | local councillor | farmer"),
        _t("Chaque goutte compte | Un réseau vieillissant | Les solutions envisagées | "
           "Les habitants s’adaptent | Un enjeu régional"),
        _t("Every drop counts | An ageing network | The options on the table | "
           "Residents adapt | A regional issue"),
        _t("le barrage est rempli à {pct} % | {number} mètres cubes sont perdus chaque jour | "
           "{number} habitants sont raccordés | les travaux coûteront {money}"),
        _t("the dam is {pct}% full | {number} cubic metres are lost every day | "
           "{number} residents are connected | the works will cost {money}"),
        (("mètres cubes", "cubic metres"), ("habitants", "residents")),
    ),
]  # fmt: skip

SENTENCES_FR = _t(
    "Selon {person}, {role} de {org}, {subject} à {place} « marque un tournant pour {country} ». | "
    "Le {date}, {org} a annoncé que {fact}. | "
    "À {place}, {subject} mobilise depuis plusieurs mois {org} et de nombreux partenaires. | "
    "D’après les chiffres publiés par {org}, {fact}. | "
    "« Nous avons avancé plus vite que prévu », a déclaré {person}, {role}, lors d’une "
    "conférence de presse à {place}. | "
    "Les discussions sur {subject} se poursuivront à {place2} au mois de {month}. | "
    "Pour {person}, {role}, {subject} reste une priorité, même si {fact}. | "
    "La délégation de {country} a rencontré les responsables de {org} pour évoquer {subject}. | "
    "En {year}, {fact}, un niveau jamais atteint depuis {year2}. | "
    "Cette décision intervient alors que {fact}, selon un rapport rendu public le {date}. | "
    "Plusieurs observateurs estiment cependant que {subject} pourrait prendre du retard. | "
    "Un comité de suivi réunira {org} et les représentants de {country} tous les {small} mois. | "
    "Le projet concerne directement {number} {unit} dans la région de {place}. | "
    "Interrogée sur {subject}, {person} a rappelé que {fact}. | "
    "À terme, les autorités espèrent atteindre {number} {unit} d’ici à {year3}. | "
    "Les premiers effets se font déjà sentir à {place}, où {fact}."
)
SENTENCES_EN = _t(
    "According to {person}, {role} at {org}, {subject} in {place} “marks a turning point for "
    "{country}”. | "
    "On {date}, {org} announced that {fact}. | "
    "In {place}, {subject} has kept {org} and many partners busy for months. | "
    "Figures published by {org} show that {fact}. | "
    "“We moved faster than expected,” said {person}, {role}, at a press conference in {place}. | "
    "Talks on {subject} will continue in {place2} in {month}. | "
    "For {person}, {role}, {subject} remains a priority, even though {fact}. | "
    "The delegation from {country} met officials from {org} to discuss {subject}. | "
    "In {year}, {fact}, a level not seen since {year2}. | "
    "The decision comes as {fact}, according to a report released on {date}. | "
    "Several observers nevertheless believe that {subject} could be delayed. | "
    "A monitoring committee will bring together {org} and representatives of {country} every "
    "{small} months. | "
    "The project directly concerns {number} {unit} in the {place} area. | "
    "Asked about {subject}, {person} recalled that {fact}. | "
    "The authorities eventually hope to reach {number} {unit} by {year3}. | "
    "The first effects are already visible in {place}, where {fact}."
)
LIST_LEAD_FR = _t(
    "Parmi les mesures annoncées : | Les principaux points de l’accord sont les suivants : | "
    "Les participants ont retenu plusieurs priorités :"
)
LIST_LEAD_EN = _t(
    "The measures announced include: | The main points of the agreement are: | "
    "Participants agreed on several priorities:"
)


@dataclass(frozen=True)
class GeneratedDocument:
    """One generated article: file name, language, topic and exact text."""

    name: str
    lang: str
    topic: str
    text: str


CONNECTORS_FR = _t(
    "Par ailleurs, | En outre, | Dans le même temps, | De son côté, | Pour sa part, | "
    "Toutefois, | Selon plusieurs sources, | Depuis le début de l’année,"
)
CONNECTORS_EN = _t(
    "Meanwhile, | In addition, | At the same time, | For its part, | However, | "
    "According to several sources, | Since the start of the year,"
)
_VOWEL_START = re.compile(r"\b([dD]e|[lL]e|[lL]a|[qQ]ue) ([aeiouyéèêâîôAEIOUYÉÈÊÂÎÔ])")
_FRENCH_FIXES = (
    (re.compile(r"\b([dD])e le "), r"\1u "),
    (re.compile(r"\b([dD])e les "), r"\1es "),
    (re.compile(r"\b([àÀ]) le "), r"\1u "),
    (re.compile(r"\b([àÀ]) les "), r"\1ux "),
    (re.compile(r"\b([àÀ]) Le "), r"\1u "),
    (re.compile(r"\bau mois de ([aoAO])"), r"au mois d’\1"),
)


def _french(text: str) -> str:
    """French contractions the templates produce: "de le" → "du", "à Le Caire" → "au Caire"."""
    for pattern, replacement in _FRENCH_FIXES:
        text = pattern.sub(replacement, text)
    return _VOWEL_START.sub(lambda m: f"{m.group(1)[0]}’{m.group(2)}", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    def __init__(self, rng: random.Random, lang: str, topic: Topic) -> None:
        self.rng = rng
        self.lang = lang
        self.topic = topic
        self.fr = lang == "fr"

    def pick(self, items: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(items)

    def place(self) -> str:
        pair = self.rng.choice(PLACES)
        return pair[0] if self.fr else pair[1]

    def country(self) -> str:
        pair = self.rng.choice(COUNTRIES)
        return pair[0] if self.fr else pair[1]

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def date(self) -> str:
        day, month, year = self.rng.randint(1, 28), self.rng.randint(0, 11), self.year()
        if self.fr:
            return f"{day} {MONTHS_FR[month]} {year}"
        return f"{MONTHS_EN[month]} {day}, {year}"

    def year(self) -> int:
        return self.rng.randint(2015, 2026)

    def money(self) -> str:
        amount = self.rng.choice([self.rng.randint(2, 950), round(self.rng.uniform(1.2, 9.8), 1)])
        if self.fr:
            unit = self.pick(["millions d’euros", "milliards de dirhams", "millions de dollars"])
            return f"{str(amount).replace('.', ',')} {unit}"
        unit = self.pick(["million euros", "billion dirhams", "million dollars"])
        return f"{amount} {unit}"

    def number(self) -> str:
        value = self.rng.choice(
            [self.rng.randint(120, 990), self.rng.randint(1000, 99000), self.rng.randint(12, 99)]
        )
        if value >= 1000:
            return f"{value:,}".replace(",", "\u202f" if self.fr else ",")
        return str(value)

    def fill(self, template: str) -> str:
        fr = self.fr
        unit = self.rng.choice(self.topic.units)
        values = {
            "person": self.person(),
            "role": self.pick(self.topic.fr_roles if fr else self.topic.en_roles),
            "org": self.pick(self.topic.fr_orgs if fr else self.topic.en_orgs),
            "subject": self.pick(self.topic.fr_subjects if fr else self.topic.en_subjects),
            "place": self.place(),
            "place2": self.place(),
            "country": self.country(),
            "date": self.date(),
            "month": self.pick(MONTHS_FR if fr else MONTHS_EN),
            "year": str(self.year()),
            "year2": str(self.rng.randint(1990, 2014)),
            "year3": str(self.rng.randint(2027, 2040)),
            "small": str(self.rng.randint(2, 48)),
            "number": self.number(),
            "unit": unit[0] if fr else unit[1],
            "pct": (
                str(self.rng.randint(2, 95))
                if self.rng.random() < 0.6
                else f"{self.rng.uniform(0.5, 30):.1f}".replace(".", "," if fr else ".")
            ),
            "money": self.money(),
        }
        if "{fact}" in template:
            fact = self.pick(self.topic.fr_facts if fr else self.topic.en_facts)
            values["fact"] = fact.format(**values)
        return template.format(**values)

    def sentence(self) -> str:
        text = self.fill(self.pick(SENTENCES_FR if self.fr else SENTENCES_EN))
        if self.rng.random() < 0.25 and not text.startswith(("«", "“")):
            connector = self.pick(CONNECTORS_FR if self.fr else CONNECTORS_EN)
            text = f"{connector} {text[:1].lower()}{text[1:]}"
        return _french(_cap(text)) if self.fr else _cap(text)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))

    def bullet_list(self) -> list[str]:
        lead = self.pick(LIST_LEAD_FR if self.fr else LIST_LEAD_EN)
        items = [f"- {self.sentence()}" for _ in range(self.rng.randint(2, 4))]
        return [lead, *items]

    def title(self) -> str:
        subject = _cap(self.pick(self.topic.fr_subjects if self.fr else self.topic.en_subjects))
        if self.fr:
            return _french(f"{subject} à {self.place()} : {self.person()} fait le point")
        return f"{subject} in {self.place()}: {self.person()} takes stock"


def generate_document(index: int, seed: int = DEFAULT_SEED) -> GeneratedDocument:
    """Document `index` of the corpus for `seed` (5–6 KB of French or English text)."""
    rng = random.Random(f"{seed}:{index}")
    topic = rng.choice(TOPICS)
    lang = "fr" if rng.random() < 0.5 else "en"
    writer = _Writer(rng, lang, topic)
    target = rng.randint(MIN_CHARS, MAX_CHARS)
    headings = list(topic.fr_headings if lang == "fr" else topic.en_headings)
    rng.shuffle(headings)
    lines = [writer.title(), "", writer.paragraph()]
    size = sum(len(line) + 1 for line in lines)
    section = 0
    while size < target:
        block: list[str] = []
        if section < len(headings) and (section == 0 or rng.random() < 0.45):
            heading = headings[section]
            block.append(f"## {heading}" if rng.random() < 0.2 else heading)
            section += 1
        block.extend(writer.bullet_list() if rng.random() < 0.12 else [writer.paragraph()])
        extra = sum(len(line) + 1 for line in block)
        if size + extra > MAX_CHARS and size >= MIN_CHARS - 600:
            break
        lines.extend(block)
        size += extra
    text = "\n".join(lines).rstrip() + "\n"
    if len(text) > MAX_CHARS:  # cut at the last full paragraph that fits
        text = text[: text.rfind("\n", 0, MAX_CHARS) + 1]
    return GeneratedDocument(f"gen-{index:05d}.{lang}.txt", lang, topic.name, text)


def write_corpus(directory: Path, count: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write documents 0..count-1 as files in `directory` (reusing files already there)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        document = generate_document(index, seed)
        path = directory / document.name
        if not path.exists() or path.read_text(encoding="utf-8") != document.text:
            path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths
