"""Question analysis: language (French or English) and the kind of answer a question wants."""

from __future__ import annotations

import re

from assistant.text import fold, tokens

_FRENCH = set(
    """
    le la les un une des du de d l au aux et ou est sont a ont quel quelle quels quelles qui que
    quoi combien quand ou comment pourquoi il elle ils elles on ce cette ces avec pour par sur
    dans en pas ne se sa son ses leur leurs nous vous je tu y t qu s lors apres avant ete etre eu
    """.split()
)
_ENGLISH = set(
    """
    the a an of and or is are was were did do does has have had which what who whom whose when
    where why how many much with for by on in at to from he she they it this that these those
    his her their not be been about tell me there can could will would should shall may might
    must you your we our i my its any before after ever
    """.split()
)
# English words of readers' questions that are no function words (so not STOPWORDS), but tell
# the language of a question that has none ("anybody get hurt?", "tl;dr pls").
_ENGLISH_CLUES = set(
    """
    anybody anyone anything somebody someone something nobody everybody everyone get got gets
    gonna wanna pls plz
    """.split()
)

STOPWORDS = (
    _FRENCH
    | _ENGLISH
    | set(
        """
    tout tous toute toutes tres plus moins aussi autre autres selon article texte entre etait
    faire fait ont-ils a-t-il est-ce any some other according say says said
    will would can could shall should might must va vont sera seront serait seraient peut
    peuvent pourra pourront doit doivent devra devront
    """.split()
    )
)


# Words that frame a question rather than name what it asks about ("what TYPE of",
# "its PURPOSE", "TAKE place", "what YEAR"), and English function words missing above.
QUESTION_FRAME_WORDS = set(
    """
    name names nom noms type types kind kinds sort sorts sorte sortes genre genres purpose
    length width height area depth distance longueur largeur hauteur superficie profondeur
    size taille ampleur
    purposes goal goals aim aims but buts objectif objectifs titre title role
    so as into onto up under own its will would can could should like during all full anyone
    pendant durant
    anything any thing things something chose choses one ones celui celle ceux celles
    year years annee annees date dates day days jour jours mois month months time number nombre amount amounts montant montants
    take took taken place get got go going gone come came become became make made know known
    held hold holds give given seem
    please pls plz svp stp merci thanks thank
    actually really exactly anyway basically concretely roughly approximately back
    vraiment exactement precisement pile concretement finalement each chacun chacune
    """.split()
)


_SPANISH = set(
    """
    el los las qué que cuántas cuántos cuantas cuantos dónde donde cuándo cuando cómo como por
    quién quien quiénes cuál cual cuáles del una unos unas fue fueron hubo sobre hay es son
    """.split()
)
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


def other_language(text: str) -> str:
    """A name for the question's language when it is neither French nor English, else ''."""
    letters = [c for c in text if c.isalpha()]
    if letters and len(_OTHER_SCRIPT.findall(text)) > len(letters) / 3:
        return "another script"
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    spanish = sum(w in _SPANISH and w not in _FRENCH and w not in _ENGLISH for w in words)
    if "¿" in text or "ñ" in text.lower() or spanish >= 2:
        return "Spanish"
    return ""


LANGUAGE_SAMPLE = 3000  # characters of a document enough to tell its language


def document_language(text: str) -> str:
    """A document's language ('fr' or 'en'), from its beginning."""
    return detect_language(text[:LANGUAGE_SAMPLE])


_FRENCH_LETTER = re.compile(r"[éèêàçùûôîœ]")
_NAME_AFTER_FIRST = re.compile(r"(?<=[^\s.!?])(\s+)[A-ZÀ-Ý][^\W\d_]*(?:[-'’][^\W\d_]+)*")
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W\d_])", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[^\W\d_]['’]s\b")


def detect_language(text: str) -> str:
    """'fr' or 'en', from function words and French letters; French when unsure."""
    # A name says nothing of the asker's language ("How many people live in Vernières-sur-
    # Alagnon?"): capitalised words after the first are left out.
    text = _NAME_AFTER_FIRST.sub(" ", text)
    words = tokens(text)
    # The typographic apostrophe is no clue by itself (English uses it too); elision is.
    elisions = len(_ELISION.findall(text))
    # A French letter counts once: "Is the CAFÉ a done deal?" borrows a word, it is English.
    french = sum(w in _FRENCH for w in words) + len(_FRENCH_LETTER.findall(text)) + 2 * elisions
    english = sum(w in _ENGLISH or w in _ENGLISH_CLUES for w in words)
    english += len(_POSSESSIVE.findall(text)) + ("tl;dr" in text.lower())
    return "en" if english > french else "fr"


# The kind of answer a question asks for, from its wording (folded text).
# "How long IS the nave?", « Quelle est la HAUTEUR du clocher ? »: a length, an area, a distance
# (a duration is "how long did … last").
MEASURE_QUESTION = re.compile(
    r"\b(?:how long (?:is|are)\b|how (?:wide|high|tall|deep|far) (?:is|are|was|were)\b"
    r"|quelle (?:est|etait) (?:la )?(?:longueur|largeur|hauteur|superficie|surface|profondeur"
    r"|distance)|combien (?:mesure|mesurent|mesurait)"
    r"|what (?:is|was) the (?:length|width|height|area|surface|depth|distance)\b)"
)
# "By how much did Seville cut its losses?", « De combien … ? »: a change ("by a quarter"),
# neither a sum nor a count (« de combien d'euros » is a sum).
CHANGE_QUESTION = re.compile(r"\W*(?:by how much|de combien)\b(?! d'| de )")
# "How big is the fund?", « Quelle est la taille du musée ? »: a sum, a measure or a count,
# whichever the answer gives.
SIZE_QUESTION = re.compile(
    r"\b(?:how (?:big|large) (?:is|are|was|were|will)\b|what size\b|(?:quelle|de quelle) taille"
    r"|quelle (?:est|etait|sera) (?:l'ampleur|la taille))"
)

# Common nouns of kinds of places: "WHICH HOSPITAL …?" and « dans quelle SALLE … ? » ask where,
# and « rue des Moulins », "Brackenford railway STATION" are places a reader can find.
PLACE_NOUNS = (
    "rue avenue boulevard place quai gare station parc park square pont bridge route road street "
    "lane chemin allée impasse zone quartier district stade stadium ground salle hall green "
    "terminal port aéroport airport plage beach marché market église church cathédrale cathedral "
    "musée museum esplanade parvis jardin garden centre center hôpital hospital infirmary "
    "clinique clinic ville city town village commune région region venue building bâtiment site "
    "lieu endroit scène stage"
).split()
# asked with "which" or « quel »: not words that name other things too (« quelle PLACE
# occupe … », "which GROUND for the appeal", "which MARKET")
_ASKED_PLACE_NOUNS = {fold(w) for w in PLACE_NOUNS} - {
    "place",
    "ground",
    "green",
    "stage",
    "market",
}
PLACE_NOUN_PATTERN = "(?:" + "|".join(sorted(_ASKED_PLACE_NOUNS, key=len, reverse=True)) + ")"
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("measure", MEASURE_QUESTION),
    ("size", SIZE_QUESTION),
    ("money", re.compile(r"\b(how much (money|did|does|will|was|is)|combien (d'argent|coute|a coute)|cost|budget|cout|coute|coutent|coutera|couteront|coutait|montant|amount|worth|vaut|valent|valait|valaient|valeur)\b"
                         # « Combien la commune a-t-elle APPORTÉ ? »: a verb of paying, nothing counted
                         r"|\bcombien\b(?! d[e'])[^?]{0,60}\b(?:pay|vers|apport|depens|financ|invest|pret|donn|contribu|collect|recolt|lev|rapport|cout)(?:e|ee|es|ees|er|ir|i|ie|ies|is|ent|era|ront)\b"
                         # « Le département, il METTAIT combien ? », « Qui MET combien ? »
                         r"|\b(?:met|mets|mettent|mettait|mettaient|mis|mettra|mettront)\b[^?]{0,30}\bcombien\b(?! d[e'])"
                         # « ça GAGNE combien par an ? », « il TOUCHE combien ? », « combien TOUCHENT
                         # les agents ? »: a verb of earning said of someone (not « les vignerons
                         # TOUCHÉS, y en avait combien »)
                         r"|\b(?:ca|il|elle|ils|elles|on|tu|vous|qui|je|j')\s+(?:gagne|gagnent|gagnait|gagnaient|gagnera|gagneront|touche|touchent|touchait|touchaient|touchera|toucheront|paie|paye|paient|payent)\b[^?]{0,30}\bcombien\b(?! d[e'])"
                         r"|\bcombien\s+(?:gagne|gagnent|gagnait|touche|touchent|touchait)\b"
                         # "How much does the company have to PAY OUT?": a verb of paying
                         r"|\bhow much\b(?! of\b)[^?]{0,60}\b(?:pay|paid|spen[dt]|invest|raise|donate|contribute|fine|charge|earn)(?:s|ed|d|ing)?\b")),
    ("age", re.compile(r"\b(quel age|how old|age of|l'age)\b")),
    # "Since when …?", « Depuis quand … ? »: a starting date ("depuis 1989"), not a duration.
    ("duration", re.compile(r"\b(how long|depuis combien de temps|combien de temps|pendant combien|for how long)\b")),
    ("count", re.compile(r"\b(how many|combien|number of|nombre de|nombre d'|(?:what is|what's|quelle est) (?:the |la )?population|how much (?!money))\b")),
    ("date", re.compile(r"\b(when|quand|depuis quand|since when|(?:what|which) (?:years?|dates?|days?|nights?|evenings?|mornings?|weekend)|quelle annee|en quelle annee|quelles? dates?|a quelle date|quels? jours?|quelles? (?:nuits?|soirees?|matinees?)|quels? (?:soirs?|matins?|week-ends?)|deadline|date limite|echeance)\b")),
    ("name", re.compile(r"\b(comment s'appelle|comment s'appellent|s'appellen?t? comment|what is the name|what's the name|quel est le nom|what are the names|quels sont les noms)\b")),
    ("person", re.compile(r"^(qui|who)\b|\b(who is|who was|who were|qui est|qui etait|qui sont|whom|comment s'appelle|what is the name|quel est le nom)\b")),
    ("place", re.compile(rf"\b(where|ou se|ou a|ou est|ou sont|ou ont|which country|quel pays|(?:(?:in|at|to|from) )?which (?:\w+ )?{PLACE_NOUN_PATTERN}|(?:(?:in|at|to|from) )?what (?:(?!(?:the|a|an|this|that|its|their|his|her|our|does|did|is|was|will|has|have|do)\b)\w+ )?{PLACE_NOUN_PATTERN}|(?:(?:dans|a|de|vers) )?quel(?:le)? (?:\w+ )?{PLACE_NOUN_PATTERN})\b")),
    ("list", re.compile(r"\b(which|quels|quelles|what (countries|organisations|organizations|partners|domains|areas)|name (some|the)|list)\b")),
]  # fmt: skip


# "Combien de BAILLEURS se partagent le budget ?": counting a noun, whatever else is named.
_COUNTED_NOUN = re.compile(
    r"\b(how many|combien de|combien d'|number of|nombre de|nombre d'|tally of|head ?count of)\s*"
    r"(?!argent|euros?\b|dollars?\b|money|temps|jours?\b|days?\b|ans\b|annees|years?\b|mois\b"
    r"|months?\b|semaines?\b|weeks?\b|heures?\b|hours?\b)[a-z]"
)


# "What did the minister say WHEN she opened the summit?": a clause after the question word
# tells the circumstance, not what is asked.
_QUESTION_WORD = re.compile(
    r"\b(?:what|which|who|whom|whose|how|why|qu'|que|quoi|quel|quelle|quels|quelles|qui|comment"
    r"|pourquoi|combien|when|quand)\b"
)
_TIME_CLAUSE = re.compile(r"\s(?:when|while|quand|lorsque|lorsqu'|pendant que)\s")
# A question opening as one asking whether: an auxiliary, « est-ce que », an indefinite.
_ASKS_WHETHER = re.compile(
    r"\W*(?:(?:so|and|but|ok|okay|alors|donc|et|mais)\W+)?(?:is|are|was|were|did|does|do|has"
    r"|have|had|can|could|will|would|should|est-ce qu|any(?:one|body)|y a(?:vait)?|quelqu'un)\b"
)


def main_clause(folded: str) -> str:
    """A folded question without a time clause that follows its question word, « qu'est-ce
    qui » read as what it asks (« QU'EST-CE QUI est prévu ? » asks what, not who)."""
    folded = re.sub(r"\bqu'est-ce qu(?:i\b|e\b|')", "quoi ", folded)
    first = _QUESTION_WORD.search(folded)
    if first is None:
        return folded
    if first.group(0) in {"when", "quand"}:
        return without_time_clause(folded)  # "was anybody hurt WHEN …?" asks whether
    clause = _TIME_CLAUSE.search(folded, first.end())
    return folded[: clause.start()] if clause else folded


def without_time_clause(question: str) -> str:
    """A question asking whether, without the time clause that sets its circumstance ("Was
    anybody hurt WHEN THE SUBSTATION BURNED?" asks whether anybody was hurt, not when)."""
    clause = _TIME_CLAUSE.search(question.lower())
    if clause is None or not _ASKS_WHETHER.match(fold(question)):
        return question
    return question[: clause.start()]


# « C'est QUELLES ÉCOLES QUI … ? »: « qui » after « quel(le)s + noun » is a relative pronoun.
_WHICH_THING_THAT = re.compile(r"\bquel(?:le)?s?\s+[\w'-]+(?:\s+[\w'-]+)?\s+qui\b")


# « quand même », "still": no « quand » asking when (« Ils vont QUAND MÊME baisser la vitesse ? »).
STILL = re.compile(r"\bquand meme\b\s*")


def question_kind(question: str) -> str:
    """One of measure, size, money, age, duration, count, date, name, person, place, list,
    or other."""
    folded = main_clause(STILL.sub("", fold(question).replace("’", "'")))
    if re.match(r"\W*(?:why|pourquoi|how come)\b", folded):
        return "other"  # "Why did the BUDGET go up?" asks a reason, not a sum
    if CHANGE_QUESTION.match(folded):
        return "other"
    if _COUNTED_NOUN.search(folded):
        return "count"
    # « C'est QUELLES ÉCOLES QUI sont touchées ? »: the relative pronoun does not ask who.
    which_thing = _WHICH_THING_THAT.search(folded)
    for kind, pattern in _KINDS:
        if kind == "person" and which_thing and not re.match(r"\W*(?:qui|who)\b", folded):
            continue
        if pattern.search(folded):
            return kind
    return "other"


def content_words(text: str) -> list[str]:
    """Folded tokens that carry meaning (no function words, no one-letter tokens)."""
    return [w for w in tokens(text) if w not in STOPWORDS and len(w) > 1]


_OFF_TASK = re.compile(
    r"\b(ignore|disregard|forget|oublie[sz]?|ignore[sz]?|ne tiens pas compte|ne tenez pas compte)\b.{0,40}\b(instructions?|consignes?|rules|regles|prompt|article|texte|text)\b"
    r"|\b(prompt|invite) (systeme|system|cache)|\b(system|hidden) prompt\b|\b(mode|mod) (developpeur|debug|developer|admin)\b|\bdebug mode\b|\bsystem override\b"
    r"|\b(affirme|ecris|dis|say|write|confirm|confirme|claim|pretend) (que|that)\b"
    r"|\b(recette|recipe|haiku|limerick)\b"
    r"|\b(tell|write|compose|raconte[sz]?|ecri[st]|ecrivez|compose[sz]?)\b.{0,30}\b(joke|poem|story|song|blague|poeme|histoire|chanson)\b"
    r"|\b(you are now|tu es maintenant|act as|pretend|fais semblant|system prompt)\b"
)


# Asking the assistant's own view: the article's words can answer what it says, not that.
_OPINION = re.compile(
    r"\b(?:what (?:do )?you think|your (?:own )?(?:opinion|view|take)|ton avis|votre avis"
    r"|(?:tu|vous) (?:penses|pensez|crois|croyez)|(?:penses|pensez|crois|croyez)-(?:tu|vous)"
    r"|selon (?:toi|vous)|(?:do|would) you (?:think|agree|believe))\b"
)


def is_off_task(question: str) -> bool:
    """A request to change the instructions, to write something or to give an opinion, not a
    question on the article."""
    folded = fold(question).replace("’", "'")
    return bool(_OFF_TASK.search(folded) or _OPINION.search(folded))
