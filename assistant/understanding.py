"""Question analysis: what a question asks (its intent and concept) and what it takes as given.

One pass over the question's words, French or English, before anything is retrieved:

- the intent: overview, yesno (including "is X mentioned"), count, list, who, when, where,
  why, relation, structure (the title, a paragraph, a section) or what;
- the asked concept: the noun the question phrase is about ("which HOTEL", "combien de
  RÉUNIONS", "what is the WEATHER like"), which the article must mention to answer;
- the constraints it states (places, names, numbers, years, months: `Entities`), which the
  cited sentence must hold too (the premise check);
- a reference to the document's structure, and whether it asks to count named items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.entities import Entities, find_entities
from assistant.language import (
    CHANGE_QUESTION,
    MEASURE_QUESTION,
    PLACE_NOUN_PATTERN,
    QUESTION_FRAME_WORDS,
    STILL,
    STOPWORDS,
    main_clause,
    question_kind,
)
from assistant.text import fold, fold_in_place

_OVERVIEW = re.compile(
    r"\b(gist|summar\w*|resume[sz]?|resumer|sum (?:\w+ ){0,2}up|nutshell|tl;?dr|overview|main points|key points"
    # (not « en gros » alone: « ils colmatent combien de fuites par semaine EN GROS » asks
    # roughly how many)
    r"|points? (cles|principaux)|grandes lignes|l'essentiel|(?:c'est quoi|quel est) le sujet"
    r"|(?:dit|raconte) quoi,?(?: \w+){0,2},? (?:cet |ce |l')?(?:article|texte)"
    r"|de quoi (ca |il |cet article |ce texte |l'article |le texte )?(parle|traite)"
    r"|(what|what's) (is )?(this|the) (article|piece|story|text|report)( all)? about"
    r"|(article|piece|story|text) (is )?about(?=\W*$)|sujet (de|du) (l'article|texte|cet article))\b"
)
_TITLE = re.compile(
    r"\b(headline|intitule|(in|dans) (the|le) (title|titre)|(title|titre) (of|de|du) (the |this |l'|cet )?"
    r"(article|piece|story|text|texte|report|papier))\b|^(what|que|quel)\b.{0,20}\b(title|titre)\b\W*$"
)
_PARAGRAPH = re.compile(
    r"\b(first|last|final|opening|closing|premier|dernier|derniere|premiere)\s+"
    r"(paragraph|paragraphe|section|partie|part|sentence|phrase|line|ligne)\b"
    r"|\b(paragraph|paragraphe|section|partie|part)\s+(final|finale)\b|\b(conclusion|intro|introduction)\b"
)
_SECTION = re.compile(
    r"\b(section|partie|rubrique|chapter|chapitre|heading|intertitre|listed under|under the heading)\b"
)
_YESNO_START = re.compile(
    r"^(?:(?:so|and|but|ok|okay|alors|donc|et|mais)\W+)?(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|est-ce que?|est-ce qu'|y a-t-il"
    r"|y avait-il|y aura-t-il|n'y a-t-il"
    # « C'EST VRAI QUE la mairie va vendre ? », « EST-IL VRAI QU'… »: a statement to confirm
    r"|(?:c'est|est-ce|est-il|il est)\s+(?:bien\s+)?vrai\s+qu(?:e|')|(?:is it|it's|it is)\s+true)\b"
)
# A question opening on an indefinite ("ANYBODY get hurt?", "ANY arrests?", « QUELQU'UN de
# blessé ? », « DES blessés ? »): whether there is such a thing, however short.
_EXISTENCE_START = re.compile(
    r"\W*(?:(?:so|and|but|ok|alors|donc|et|mais)\W+)?(?:any(?:body|one|thing)?|some(?:body|one)"
    r"|quelqu'un|quelque chose|des|du|(?:il )?y a(?: eu)?(?: des| du)?)\b"
)
# « Y EN A qui ont eu des gelures ? », « Y AVAIT qqn dans le van quand c'est tombé ? »: whether
# there is such a thing; a « qui », « que » or « quand » after it opens a clause (right after
# « y a », « qui » asks: « y a qui comme candidat ? »).
_THERE_IS_START = re.compile(
    r"\W*(?:(?:alors|donc|et|mais)\W+)?(?:il )?y (?:en (?:a|avait|aura)(?: eu)? (?!combien)"
    r"|(?:a|avait|aura)(?: eu)?\s+(?!(?:combien|quoi|qui|que|qu'|quel(?:le)?s?|ou|quand|comment"
    r"|pourquoi)\b))"
)
# The question words that still ask after such an opening (« y avait du monde ? COMBIEN … »).
_ASKING_WH = re.compile(
    r"\b(?:combien|quoi|quel(?:le)?s?|lequel|laquelle|lesquel(?:le)?s?|comment|pourquoi)\b"
)
# A statement the asker wants confirmed: "…, right?", « …, non ? », « …, n'est-ce pas ? »
_TAG_QUESTION = re.compile(
    r",\s*(?:non|hein|pas vrai|n'est-ce pas|right|no|isn't it|aren't they|wasn't it|weren't they"
    r"|didn't (?:it|they|he|she)|hasn't it|haven't they)\s*\?\s*$"
)
# "…, or not?", « … ou pas ? »: the asker wants a yes or a no, not a choice between two things.
_OR_NOT = re.compile(r"\b(?:ou (?:pas|non|quoi)|or not|or what)\s*\??\s*$")
_OPENING_QUESTION_WORD = re.compile(
    r"\W*(?:what|which|who|where|when|why|how|quel|quelle|quels|quelles|qui|que|quoi|combien|ou"
    r"|quand|pourquoi|comment)\b"
)
_FRENCH_INVERSION = re.compile(r"^[^?]*\b[\w']+-(t-)?(il|elle|ils|elles|on)\b")
_WH = re.compile(
    r"\b(qu'|qui|que|quoi|quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles|combien|ou|quand"
    r"|pourquoi|comment|who|whom|whose|what|which|where|when|why|how)\b"
)
_MENTION = re.compile(
    r"\b(mention\w*|cite[sd]?|citee?s?|named?|nomme\w*|appear\w*|figure\w*|listed|refer\w*|evoque\w*"
    r"|question (de|d'))\b"
)
_COUNT = re.compile(r"\b(how many|combien|number of|nombre (de|d')|how much|tally|head ?count)\b")
_COUNT_NAMED = re.compile(
    r"\b(named|listed|mentioned|cited|on the list|in the list|nommes?|nommees?|cites?|citees?"
    r"|mentionnes?|mentionnees?|enumere\w*|dans la liste|sur la liste|are there|y a-t-il)\b"
)
_OPENING_WH = re.compile(r"\W*(?:where|when|why|how)\b")
# "WHICH HOSPITAL did the crew chief WHO took a bullet get operated at?", "WHAT happened to the
# firefighters WHO …": a which- or what-phrase asks its own thing, unless it asks a name
# ("what's the NAME of the cleaner who …") or one of some people ("which OF the crew who …").
_OPENING_WHICH = re.compile(r"\W*(?:which|what)\b(?!.{0,30}\bnames?\b)(?!\s+of\b)")
_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("why", re.compile(r"\b(why|pourquoi|how come|for what (purpose|reason)|(?:what.s|what is|what was) the point|a quoi bon|dans quel but|to what end|a quoi (sert|servira|servent|vise)|what for|purpose|objectif|but de|aim of|goal of|raison)\b")),
    ("relation", re.compile(r"\b(link|links|linked|lien|liens|relation|relationship|connect\w*|rapport entre|between .+ and)\b")),
    ("count", _COUNT),
    ("when", re.compile(r"\b(when|quand|(?:what|which) (?:years?|dates?|days?|months?)|(?:what|which)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:new\s+|exact\s+|actual\s+|original\s+|final\s+|next\s+|planned\s+|revised\s+|official\s+)?(?:years?|dates?|days?|months?)|quelles? annees?|en quelle annee|quelles? dates?|a quelle date|quels? jours?|deadline|date limite|echeance|since when|depuis quand|how long|combien de temps|what time|quelle heure|quel mois)\b")),
    ("who", re.compile(r"^(qui|who)\b|\b(who|whom|whose|c'est qui|(?:il )?y (?:a|avait|aura) qui|c qui|c'etait qui|qui est|qui sont|qui a|qui etait|quel poste|what position|what role|quel role|what job|what is .{0,30} job|fait quoi|does .{0,30} do)\b")),
    ("where", re.compile(rf"\b(where|ou (se|a|est|sont|ont|etait|aura|va)|which (\w+ )?(?:{PLACE_NOUN_PATTERN}|country)|quel pays|quel(?:le)? (\w+ )?{PLACE_NOUN_PATTERN}|which (?:part|end|side|corner) of|quel coin|quelle partie|whereabouts|se trouve|se trouvent|located|c'est ou)\b|^ou\b")),
    ("list", re.compile(r"\b(which|quels|quelles|lesquels|lesquelles|list|liste|name (some|the|all)|^(?:the )?names of|^(?:les )?noms (?:des|de|du|d')|what (countries|organisations|organizations|partners|domains|areas|cities|crafts|trades))\b")),
)  # fmt: skip
# An English past tense right after "what" ("what CAUSED …"), not a noun ending so ("speed").
_PAST_VERB = re.compile(r"(?!hundred\b)[a-z]{2,}[^e\W]ed")
_HEAD = re.compile(
    r"(?:\b(?:which|what|quel|quelle|quels|quelles|combien de|how many|how much|number of"
    r"|nombre de|quoi comme)\s+|\b(?:combien|nombre) d'\s*"  # « il voulait QUOI COMME peine »
    # "LIST the stations", « CITEZ les gares »: an imperative opening the question asks too
    r"|^(?:please\s+)?(?:list|name|liste[rz]?|nomme[rz]?|cite[rz]?"
    r"|enumere[rz]?|donne[rz]?-moi)\s+)(?:(?:is|are|was|were|'s|est|sont|etait|the|le|la|les|l'|un|une|des"
    r"|de|d'|sort of|kind of|type of|type de|genre de|sorte de)\s+)*([a-z][a-z'-]+)"
)
# "Combien coûte LE BILLET ?", "How much does THE TICKET cost?": the priced thing is asked.
_COST = re.compile(
    r"\bcombien (?:coute|coutent|a coute|ont coute|coutera|couteront)\b\s*"
    r"(?:le |la |les |l'|un |une )?([a-z][a-z'-]+)"
    r"|\bhow much (?:does|did|do|will|would) (?:the |a |an )?(?:[a-z'-]+ ){0,3}?([a-z][a-z'-]+)"
    r" cost\b"
    # "How much did the choir charge FOR THE CONCERT?", « Combien … pour LA FRESQUE ? »: what
    # the sum pays for.
    r"|\b(?:how much|combien)\b[^?]*?\b(?:pay|paid|charge|charged|spend|spent|give|gave"
    r"|paye|payer|depense|facture|verse|donne)\s+(?:for|pour)\s+"
    r"(?:the |a |an |its |their |le |la |les |l'|un |une |son |sa |ses |leur |leurs )?"
    r"([a-z][a-z'-]+)"
    # "How much is A SINGLE from Kirkhope to Marlow Bridge?", « Combien coûte LE BILLET ? »:
    # the thing whose price is asked (not "How much is the EIB LENDING …").
    r"|^how much (?:is|are|was|were) (?:the |a |an )?([a-z][a-z'-]+)(?!\s+[a-z'-]+ing\b)"
    r"(?=\s*(?:[?.!]|$)|\s+(?:from|to|for|at|on|in|of)\b)"
    # "how much is a southmere water BILL per household?": the head of a longer phrase
    r"|^how much (?:is|are|was|were) (?:the |a |an )?(?:[a-z'-]+ ){1,3}?([a-z][a-z'-]+)"
    r"(?=\s+(?:per|each|a (?:year|month|week|day))\b)"
    # « La NUIT d'hôtel, ça coûte combien ? », « ça coûterait combien, la DÉVIATION ? », « Un
    # POMPIER, ça gagne combien ? »: put before or after the question, the thing a sum is said of
    r"|^(?:(?:le|la|les|un|une) |l')?([a-z][a-z'-]+)\b[^,?]*,\s*ca (?:coute|couterait|coutera"
    r"|coutait|se paie|se paye|vaut|gagne|touche)\b[^?]*\bcombien\b"
    r"|\bca (?:coute|couterait|coutera|coutait|se paie|se paye|vaut) combien\b\s*,?\s*"
    r"(?:le |la |les |l'|un |une )?([a-z][a-z'-]+)"
)
_NUMBER_IN_TEXT = re.compile(r"\b(?:trois|three|deux|two|quatre|four|cinq|five)\b")


# Negation and opposition: closed-class words ("not", "sans"), then the verbs and nouns of
# refusing, cancelling, withdrawing and disagreeing. A sentence embedding cannot tell
# "refused" from "accepted", so a question with this polarity needs a sentence that has it.
# Not "against" (a campaign, planes sent against a fire) nor a protest: an event an article
# may tell without the word (« 400 personnes se sont rassemblées devant l'hôtel de ville »).
_NEGATION = re.compile(
    r"\b(not|cannot|\w+n't|never|without|no|none|nothing|nobody|neither|nor|ne|n'|pas|jamais|sans"
    r"|aucun|aucune|ni|rien)\b"
)
_OPPOSITION = re.compile(
    r"\b(refus\w*|declin\w*|reject\w*|rejet\w*|cancel\w*|annul\w*|withdr\w*|retir\w*"
    r"|pulled out|boycott\w*|oppos\w*|disagree\w*|desaccord\w*|mefian\w*|distrust\w*|hostil\w*"
    r"|quit\w*|abandon\w*|fail\w*|echou\w*|echec\w*|suspend\w*|postpon\w*|left early|dropped"
    r"|denied|deni\w*|deny\w*|critic\w*|objection\w*|objected|objecting|skipp(?:ed|ing)|snub\w*|blocked|bloqu\w*"
    r"|ecart\w*|exclu\w*|laisses? de cote|left out|controvers\w*|polemi\w*|spoke out"
    r"|deplor\w*|denon\w*|denounc\w*|condamn\w*|condemn\w*|contest\w*|dissent\w*"
    r"|vot\w* (?:against|contre))\b"
)


# « La pétition DES OPPOSANTS … ? », "Who speaks for the CRITICS?": a noun of the people who
# oppose names a group, not what the question asks of its answer; so does the opposition
# that qualifies a person ("the OPPOSITION guy", « l'élu D'OPPOSITION ») or owns something
# ("the OPPOSITION'S beef").
_OPPONENTS = re.compile(
    r"\b(?:opposant|opposante|critic|detracteur|detractrice)s?\b"
    r"|\bd'opposition\b|\bopposition(?:'s|\s+(?!to\b|from\b|of\b|in\b|at\b|for\b|and\b|or\b)[a-z]{3,})"
)


# A question about what happened, and a text about what will happen (English: "will",
# "next"; French: « prochain », a verb in the future tense, « se tiendra », « débuteront »).
_PAST_QUESTION = re.compile(
    r"^(?:\w+\s+){0,3}(?:did|was|were|had)\b|^(?:who|what|which\s+\w+)\s+[a-z]{3,}ed\b"
)
# « Où S'EST tenu le sommet ? », « Qui A ORGANISÉ … ? »: an auxiliary and a past participle
# (« à » keeps its accent here; « Quand A LIEU … ? » is the present)
_PAST_QUESTION_FR = re.compile(
    r"\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on|ils|elles))?\s+(?:\w+\s+)?"
    # (not « lieu », nor a word in -i or -u that is no participle: « aussi », « lui », « mardi »,
    # « elle A JUSQU'à quand ? »)
    r"(?!lieu\b|aussi\b|lui\b|ici\b|parmi\b|jusqu\b|(?:lun|mar|mercre|jeu|vendre|same|mi)di\b)"
    r"(?:eu|été|\w+(?:é|ée|és|ées|i|is|ise|it|ite|u|ue|us|ert|erte))\b"
    r"|\b(?:était|étaient|fut|furent)\b|\bs['’](?:est|étai)|\bse sont\b"
    # the verbs of motion and state conjugated with « être »: « Qu'est-ce qui EST RESSORTI … ? »
    r"|\b(?:est|sont)\s+(?:\w+\s+)?(?:allé|venu|revenu|devenu|arrivé|parti|reparti|sorti"
    r"|ressorti|entré|rentré|monté|descendu|tombé|né|mort|resté|retourné|passé)(?:e|s|es)?\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|must"
    r"|[a-zà-ÿ]{2,}(?:era|eront|ira|iront|dra|dront|ura|uront)"
    # the irregular stems: « on AURA », « ce SERA », « il FAUDRA », « on POURRA », « il DEVRA »
    r"|(?:aur|ser|fer|ir|pourr|devr|verr|faudr)(?:a|ont))\b"
)


_SINCE_WHEN = re.compile(r"\b(?:since when|depuis quand|depuis quelle annee)\b")


def asks_about_the_past(question: str) -> bool:
    """Whether a question asks what happened ("Where WAS …?", « Où A EU LIEU … ? »)."""
    folded = fold(question)
    if _SINCE_WHEN.search(folded):
        return True  # "Since when has the GWCA existed?": a start, not a plan
    return bool(_PAST_QUESTION.search(folded) or _PAST_QUESTION_FR.search(question.lower()))


# An organisation asked for by its kind ("WHICH COMPANY built the trams?", « c'est QUELLE
# BOÎTE qui … », "which independent LAB …", « QUEL PARTI »): the answer is its name.
_ORGANISATION_KINDS = (
    r"compan(?:y|ies)|firms?|business(?:es)?|banks?|brands?|labs?|laborator(?:y|ies)"
    r"|consultanc(?:y|ies)|contractors?|builders?|carmakers?|manufacturers?|suppliers?"
    r"|operators?|insurers?|developers?|charit(?:y|ies)|part(?:y|ies)|hotels?|newspapers?"
    r"|societes?|entreprises?|boites?|marques?|banques?|cabinets?|labos?|laboratoires?"
    r"|assureurs?|operateurs?|fournisseurs?|constructeurs?|fabricants?|promoteurs?"
    r"|prestataires?|partis?|journa(?:l|ux)"
)
_ASKS_AN_ORGANISATION = re.compile(
    r"\b(?:which|what|quel(?:le)?s?)\s+(?:(?!(?:the|a|an|this|that|its|their|his|her|le|la|les"
    r"|l|un|une|des|du|de)\b)[a-z-]+\s+)?(?:" + _ORGANISATION_KINDS + r")\b"
)


def asks_an_organisation(question: str) -> bool:
    """Whether a question asks which organisation (a firm, a party, a brand …) by its kind."""
    return bool(_ASKS_AN_ORGANISATION.search(fold(question)))


# "the NEXT summit": what is to come, unless a verb tells it as done (« Pour préparer les
# PROCHAINS étés, la préfète A ANNONCÉ un plan »).
_NEXT = re.compile(r"\b(?:next|prochaine?s?)\b")
_TOLD_AS_DONE = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:été|\w+(?:é|ée|és|ées|is|it|u|ert))\b"
    r"|\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b"
)


def tells_the_future(text: str) -> bool:
    """Whether a text speaks of what will happen ("The NEXT summit WILL be held …")."""
    if _FUTURE.search(text):
        return True
    return bool(_NEXT.search(text)) and not _TOLD_AS_DONE.search(text)


# What is planned, said in the past or the present: "the cabinet WOULD make a recommendation
# in October", « une réunion publique EST PRÉVUE le jeudi 2 avril », "is DUE TO open".
_PLANNED = re.compile(
    r"\b(?:would|is due to|are due to|is expected to|are expected to|is scheduled|are scheduled"
    r"|is set to|are set to|prevue?s?|programmee?s?|doit|doivent|devrait|devraient"
    # "the findings ARE EXPECTED by May", « les conclusions SONT ATTENDUES fin mai »
    r"|(?:is|are) expected|(?:est|sont) attendue?s?)\b"
)


def tells_a_plan(text: str) -> bool:
    """Whether a text says what is planned ("would", "is expected to", « est prévue »)."""
    return _PLANNED.search(fold_in_place(text)) is not None


# A question asking what is to come without a future tense: "when SHOULD we expect …",
# "is it GOING TO …", « L'agence VA RENDRE … », « c'est POUR QUAND ? », « c'est PRÉVU … ».
_ASKS_AHEAD = re.compile(
    r"\b(?:should|going to|gonna|due|expected|planned|scheduled"
    r"|pour quand|prevue?s?|(?:va|vont)\s+(?:\w+\s+)?[a-z]+(?:er|ir|re))\b"
)


def asks_a_plan(question: str) -> bool:
    """Whether a question asks what is or was planned ("is EXPECTED to", « c'est PRÉVU pour
    quand ? », « quelle date l'ARS avait PRÉVU au départ ? »)."""
    return tells_a_plan(question) or _ASKS_AHEAD.search(fold(question)) is not None


def asks_about_the_future(question: str) -> bool:
    """Whether a question asks what will happen or is planned ("When WILL …?", « c'est PRÉVU
    pour quand ? », "when is the prefect EXPECTED to rule?")."""
    if asks_about_the_past(question):
        return False
    # "WILL the ban be lifted?": the auxiliary that opens the question is capitalised (a name
    # inside, "Will Harrow", is not the first word of a question asking the future)
    return tells_the_future(question[:1].lower() + question[1:]) or asks_a_plan(question)


# A sentence's negations and the words they govern: from the cue to the end of its clause, at
# most DENIAL_WORDS words ("there are NO plans to bring back freight trains", « EN DEHORS DE ce
# budget »). French « ne » needs its second part (« ne … que » restricts, it does not deny).
_DENIAL = re.compile(
    r"\b(?:no|not|never|none|nobody|nothing|without|neither|nor|cannot|sans|aucune?|jamais|ni"
    r"|hors d)\b"
    r"|n't\b|\ben dehors d|\b(?:ne|n')\s*(?:[\w-]+\s+){0,3}?"
    r"(?:pas|plus|jamais|aucune?|rien|personne|nullement|guere)\b"
    r"|\b(?:personne|rien)\s+n(?:e\b|')"  # « PERSONNE NE s'attendait à une fermeture »
    r"|\bpas\s+(?:un|une)\s+(?:seule?\s+)?[\w-]+\s+n(?:e\b|')",  # « PAS UNE tonne NE viendra »
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[,.;:()«»“”\"!?]")
DENIAL_WORDS = 10
# A negation that affirms: "It is NOT THE FIRST time the museum has been targeted", "not only",
# "no fewer than", « pas moins de », « ce n'est pas la première fois ».
_AFFIRMING = re.compile(
    r"\s+(?:the\s+first|only|just|least|less|fewer|later|sooner|la\s+premiere|le\s+premier"
    r"|seulement|uniquement|moins)\b"
)


def denial_scopes(text: str, words: int = DENIAL_WORDS) -> list[tuple[int, int]]:
    """Where each negation of a text starts and the end of the (at most `words`) words it
    governs."""
    return _negation_scopes(text, _DENIAL, words)


def _negation_scopes(text: str, cues: re.Pattern[str], words: int) -> list[tuple[int, int]]:
    """Where each of the `cues` of a text starts (not one that affirms, "not only") and the end
    of the (at most `words`) words it governs."""
    folded = fold_in_place(text)
    names = _quoted_names(text, folded)
    return [
        (cue.start(), governed_end(folded, cue.end(), words))
        for cue in cues.finditer(folded)
        if not _AFFIRMING.match(folded, cue.end())
        and not any(start <= cue.start() < end for start, end in names)
    ]


# A short quoted span that is a name: written in title case ("Homes Not Hotels"), or after a
# word that names (« une coalition, « Vionne sans mine » », "a campaign called …").
_QUOTED = re.compile(r"«\s*([^«»]{1,60}?)\s*»|“([^“”]{1,60})”|\"([^\"]{1,60})\"")
QUOTED_NAME_WORDS = 5
_NAMING_BEFORE = re.compile(
    r"\b(?:baptise\w*|appele\w*|nomme\w*|intitule\w*|denomme\w*|called|named|dubbed|entitled"
    r"|coalition|collectif|association|campagne|campaign|groupe?|operation|mouvement|movement"
    r"|slogan|label|programme|program|projet|project|plan|petition|liste|list)\W*$"
)


def _quoted_names(text: str, folded: str) -> list[tuple[int, int]]:
    """Where the short quoted names of a text (`folded`: it folded in place) stand: a negation
    inside one negates nothing (the coalition « Vionne SANS mine » is a coalition; « On n'en
    est pas là » says no)."""
    names = []
    for found in _QUOTED.finditer(text):
        group = next(i for i in (1, 2, 3) if found.group(i) is not None)
        words = found.group(group).split()
        if not words or len(words) > QUOTED_NAME_WORDS or not words[0][:1].isupper():
            continue
        title_case = all(word[:1].isupper() for word in words if len(word) > 3)
        named = _NAMING_BEFORE.search(folded, max(0, found.start() - 40), found.start())
        if title_case or named:
            names.append((found.start(group), found.end(group)))
    return names


# A negation that says a thing does not exist: "NO ONE died", « AUCUN blessé », "there would
# be NO disciplinary action" (not "no longer", « ne … plus »).
_NONE_EXISTS = re.compile(
    r"\b(?:no one|no|none|nobody|aucune?|personne|nul|nulle)\b"
    r"(?!\s+(?:longer|more|later|less|fewer|sooner|than|doubt|plus)\b)"
)
EXISTENCE_WORDS = 2  # the thing said not to exist: the words right after the cue


def existence_denial_scopes(text: str) -> list[tuple[int, int]]:
    """Where each negation of a text that denies a thing exists ("No one died", « Aucun
    blessé ») starts, and the end of the few words naming that thing."""
    return _negation_scopes(text, _NONE_EXISTS, EXISTENCE_WORDS)


def governed_end(folded: str, at: int, words: int) -> int:
    """Where the (at most `words`) words after `at` end, within their clause."""
    stop = CLAUSE_BREAK.search(folded, at)
    end = stop.start() if stop else len(folded)
    governed = list(re.finditer(r"\S+", folded[at:end]))
    return at + governed[words - 1].end() if len(governed) > words else end


# A denial somebody makes: "Mr Kellett DENIED that the site would be sold", « a DÉMENTI toute
# vente », « il NIE », « réfute ».
_DENYING = (
    r"den(?:y|ied|ies|ying)|dementi(?:e|s|es)?|dement(?:ent)?|nie(?:nt)?|refut(?:e|es|ent|ed)"
)
_DENIAL_VERB = re.compile(rf"\b(?:{_DENYING})\b")


def reports_a_denial(text: str) -> bool:
    """Whether a text reports somebody denying something ("He denied claims that …")."""
    return _DENIAL_VERB.search(fold_in_place(text)) is not None


# A claim somebody makes, which a denial may answer: "Some people … have CLAIMED online that
# …", « Plusieurs salariés AFFIRMENT que … », "the group ACCUSED Brightwater of …".
_CLAIMING = re.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed|ations?)|accus(?:e|es|ed|ent|ait|aient|ations?)"
    r"|affirm(?:s|e|ent|ait|aient)|pretend(?:ent|ait|aient)?|rumou?rs?|rumeurs?"
    r"|met(?:tent)? en cause|reportedly|allegedly)\b"
    # reported in the conditional: « SELON plusieurs élus, la direction ENVISAGERAIT de … »
    r"|\bselon\b[^.;!?]{0,80}\b[a-z]{3,}(?:rait|raient)\b"
)
# A rebuttal in a few words: « C'EST FAUX. », "That is untrue," said …
_REBUTTAL = re.compile(
    r"^\W*(?:c'est|c'etait|this is|that is|that's|it is|it's)\s+(?:\w+\s+)?"
    r"(?:faux|inexact|mensonger|untrue|false|wrong|not true|pas vrai|nonsense)\b"
)


def is_a_rebuttal(text: str) -> bool:
    """Whether a text opens by saying what was said is false (« C'est faux. »)."""
    return _REBUTTAL.match(fold_in_place(text).replace("’", "'")) is not None


def reports_a_claim(text: str) -> bool:
    """Whether a text reports somebody claiming or alleging something."""
    return _CLAIMING.search(fold_in_place(text)) is not None


# A participle that takes back what it is said of: "the plan was REJECTED", « la hausse a
# été ABANDONNÉE », "the council SCRAPPED the scheme".
_RETRACTION = re.compile(
    r"\b(?:abandon(?:ed|nee?s?)|reject(?:ed)|rejete(?:e|s|es)?|scrapped|shelved|dropped"
    r"|ruled\s+out|called\s+off|ecarte(?:e|s|es)?|renonce"
    # a refusal: "declined to", « a refusé de recourir à la réquisition », "was refused" (not
    # "refuse collectors")
    r"|refused|refus(?:es?|ee?s?)(?=\s+(?:to|de|d'|par|by)\b|\s*[.,;:!?]|$)|declined\s+to"
    r"|turned\s+down"
    # harm that did not come: "the hives up the valley were SPARED", « ont été ÉPARGNÉS »,
    # "came through UNSCATHED" (not « l'ÉPARGNE des ménages », savings)
    r"|spared|epargnee?s|epargnee|(?<=ete )epargne|(?<=a )epargne|unscathed|unharmed|unaffected"
    r"|indemnes?|" + _DENYING + r")\b"
)
# ... said of its subject when passive ("was discussed but rejected", « a été abandonnée »).
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|be|ete|est|sont|etait|etaient|fut|sera|seront)"
    r"(?:\s+[\w'-]+){0,3}\s+$"
)

# A subordinate clause's opening: a passive retraction after it is not said of the subject.
_SUBORDINATE = re.compile(
    r"\b(?:so that|that|which|who|whom|when|whenever|while|if|because|since|although"
    r"|qui|que|qu'|quand|lorsque|lorsqu'|parce|puisque|si|dont|afin)\b"
)


def retraction_scopes(
    text: str, words: int = DENIAL_WORDS, only_denials: bool = False, asked: str = ""
) -> list[tuple[int, int]]:
    """Where each retraction of a text ("was rejected", « a été abandonnée ») takes back
    something: its subject when passive, else the (at most `words`) words it governs; with
    `only_denials`, only what somebody denies ("denied that …"); not one the `asked` question
    holds itself ("Which hives were SPARED?" of "… were spared" asks about it)."""
    folded = fold_in_place(text)
    asked_stems = {w[:5] for w in re.findall(r"[a-z]+", fold_in_place(asked))}
    scopes: list[tuple[int, int]] = []
    for cue in (_DENIAL_VERB if only_denials else _RETRACTION).finditer(folded):
        if cue.group(0)[:5] in asked_stems:
            continue
        before = folded[: cue.start()]
        clause = re.split(r"[.;:!?]\s", before)[-1]
        if _DENIAL.search(clause[-30:]):
            continue  # "no longer called off" takes nothing back
        if _PASSIVE_BEFORE.search(before):
            if _SUBORDINATE.search(clause):
                continue  # "…, so that operations are no longer called off": not its subject
            # its subject may be long (« La hausse de 10 centimes du ticket, un temps
            # envisagée au printemps, a été abandonnée »): back to the sentence's start
            scopes.append((len(before) - len(clause), cue.end()))
            continue
        complement = _DENIED_THAT.match(folded, cue.end())
        if complement and _DENIAL_VERB.fullmatch(cue.group(0)):
            # "denied reports THAT the company had been warned …, or that its maintenance
            # budget had been cut": what is denied is the whole clause, to the sentence's end
            stop = _SENTENCE_STOP.search(folded, complement.end())
            scopes.append((cue.start(), stop.start() if stop else len(folded)))
            continue
        scopes.append((cue.start(), governed_end(folded, cue.end(), words)))
    return scopes


# A denial's complement clause: "denied (reports) that …", « a démenti que … », « nie avoir … »,
# which runs to the sentence's end.
_DENIED_THAT = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:that|que|qu'|avoir|etre)\b")
_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)")


# A negated "to be", or a passive, says its negation of the clause's subject: "The county's 212
# schools, which use a separate network, WERE NOT affected", « la mousse au chocolat N'ÉTAIT
# PAS en cause ».
_NEGATED_BE = re.compile(
    r"\b(?:(?:was|were|is|are|has|have|had)\s+(?:not|never)|(?:wasn|weren|isn|aren|hasn|haven"
    r"|hadn)'t)(?:\s+been)?\b"
    r"|\bn'(?:est|etait|etaient|a|avait|avaient|ont)\s+(?:pas|jamais)(?:\s+ete)?\b"
    r"|\bne\s+(?:sont|seront|sera|fut|furent|serait|seraient)\s+(?:pas|jamais)\b"
)
# A parenthesis within the subject: "The schools, WHICH USE A SEPARATE NETWORK, were not …"
_PARENTHESIS = re.compile(r",\s*(?:which|who|whose|where|qui|dont|ou)\b[^,]*,")


def subject_denial_scopes(text: str) -> list[tuple[int, int]]:
    """Where each negated "to be" or passive of a text (not in a subordinate clause) denies its
    subject: from the clause's start to the end of the words the negation governs."""
    folded = fold_in_place(text)
    scopes: list[tuple[int, int]] = []
    for cue in _NEGATED_BE.finditer(folded):
        if _AFFIRMING.match(folded, cue.end()):
            continue  # "It is NOT THE FIRST time the museum has been targeted"
        before = folded[: cue.start()]
        clause = re.split(r"[.;:!?]\s", before)[-1]
        if _SUBORDINATE.search(_PARENTHESIS.sub(",", clause)):
            continue  # "…, so that operations are not …": not the subject's own clause
        scopes.append((len(before) - len(clause), governed_end(folded, cue.end(), DENIAL_WORDS)))
    return scopes


def is_negated(question: str) -> bool:
    """Whether a question is asked in the negative ("Isn't …?", « N'y a-t-il pas … ? »), not
    one that only ends on its alternative ("… sold to developers OR NOT?")."""
    return bool(denial_scopes(without_alternative(fold(question))))


# A clause that only dates the asked event (« … combien de jours dans le réseau AVANT DE TOUT
# BLOQUER ? »): its refusing or blocking is not what is asked.
_TIME_CLAUSE = re.compile(r"\b(?:avant d[e']|avant qu[e']|before|until|jusqu'a ce qu[e'])\b.*$")
# A purpose clause (« … ils vont faire quoi POUR QUE ça se reproduise pas ? »): what it negates
# is the purpose, not what the question asks.
_PURPOSE_CLAUSE = re.compile(r"\b(?:pour|afin|de sorte) qu(?:e\b|')|\bso that\b|\bin order that\b")
# « C'est plus grave que 2013 OU PAS ? »: the alternative a yes/no question ends on negates
# nothing.
_TAGGED_ALTERNATIVE = re.compile(r"\b(?:ou pas|ou non|or not)\b")


def _clauses_asked(folded: str) -> str:
    """A folded question up to a clause that only dates or gives the purpose of what it asks."""
    return _PURPOSE_CLAUSE.split(_TIME_CLAUSE.sub("", folded))[0]


def without_alternative(folded: str) -> str:
    """A folded question without the alternative it ends on (« … OU PAS ? »)."""
    return _TAGGED_ALTERNATIVE.sub("", folded)


def polarity(folded: str) -> str:
    """'opposition' (refusing, cancelling…), 'negation' (not, sans…) or '' for a folded text."""
    if _OPPOSITION.search(folded):
        return "opposition"
    if _NEGATION.search(folded):
        return "negation"
    return ""


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks and what it states."""

    text: str
    intent: str
    concept: str = ""  # folded head noun of the question phrase ('' when none)
    predicate: str = ""  # the verb or adjective said of it ("which country REFUSED …")
    constraints: Entities = field(default_factory=Entities)
    structure: str = ""  # 'title', 'first', 'last', 'section' or ''
    asks_mention: bool = False  # "is X mentioned / cité ?"
    counts_named: bool = False  # "how many X are named?": count the items of a list
    points: int = 0  # "in three points": how many the asker wants
    role: str = ""  # the role a who-question asks to fill ("Who is the MAYOR of …")
    polarity: str = ""  # 'opposition' ("which … refused"), 'negation' ("… without …") or ''
    priced: bool = False  # the concept is what a sum pays for ("Combien a coûté LE PAVILLON ?")


# A polite request around the question ("Can you tell me …", « Pouvez-vous me dire … »).
_REQUEST = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would|will)\s+you|(?:pouvez|pourriez)-vous|(?:peux|pourrais)-tu"
    r"|tu peux|vous pouvez)\s+(?:please\s+|svp\s+)?(?:(?:tell|let)\s+(?:me|us)(?:\s+know)?"
    r"|(?:me|nous)\s+(?:dire|indiquer|expliquer)|dire|indiquer|explain|say"
    r"|(?P<listing>list|name|give me|show me|citer|lister|nommer|(?:me|nous)\s+donner|enumerer))"
    r"\s+"
)


def unwrapped(question: str) -> str:
    """A question folded, without the polite request wrapping it: "Can you tell me when …?"
    asks when; "Could you list …?" asks for a list ("list …"): neither is a yes/no."""
    folded = fold(question).replace("’", "'")
    folded = re.sub(r"^(who|what|where|when|how)'s\b", r"\1 is", folded)  # "WHO'S the mayor?"
    return _REQUEST.sub(lambda m: "list " if m.group("listing") else "", folded, count=1)


# « Ils EN SONT OÙ avec les vélos … ? », « OÙ EN EST le projet ? »: how far along, not where.
_HOW_FAR_ALONG = re.compile(
    r"\b(?:ou en (?:est|sont|etait|etaient|sera|seront|sommes|etes)"
    r"|en (?:est|sont|etait|etaient|sera|seront|sommes|etes)(?:-[a-z]+)? ou)\b"
)


@lru_cache(maxsize=1024)
def analyse_question(question: str) -> QuestionAnalysis:
    """The intent, concept, constraints and structure references of a question."""
    folded = unwrapped(question)
    structure = ""
    if _TITLE.search(folded):
        structure = "title"
    else:
        position = _PARAGRAPH.search(folded)
        if position:
            words = position.group(0)
            first = re.search(r"first|premier|premiere|opening|intro", words)
            structure = "first" if first else "last"
        elif _SECTION.search(folded):
            structure = "section"
    intent = _intent(folded, structure)
    if (
        intent == "what"
        and re.search(r"(?<!\w)où(?!\w)", question.lower())
        and not _HOW_FAR_ALONG.search(folded)
    ):
        intent = "where"  # « Elle sera construite OÙ, la caserne ? » (folded, « où » is « ou »)
    points = 0
    wanted = re.search(
        r"\b(trois|three|deux|two|quatre|four|cinq|five)\s+(points?|bullet|phrases|sentences|lignes|lines)",
        folded,
    )
    if wanted:
        points = {"deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4, "four": 4, "cinq": 5, "five": 5}[wanted.group(1)]  # fmt: skip
    concept, predicate = _concept(folded, question)
    if _COUNT_NAMED.search(folded) and predicate and _COUNT_NAMED.search(predicate):
        predicate = ""  # "how many … are NAMED": the frame of a count over a list
    if _MENTION.search(predicate):
        predicate = ""  # "is X MENTIONED": asks whether the article names X
    if intent in {"who", "when", "where", "relation", "why"}:
        # "Quel poste …", "what year …", "which city …", "quel lien …", "what's the POINT of
        # …": the noun names the slot, not a topic.
        concept = ""
    if intent == "when":
        concept = _event_object(folded, question)
    constraints = find_entities(_without_first_word(question))
    return QuestionAnalysis(
        text=question,
        intent=intent,
        concept=concept,
        predicate=predicate,
        role=_asked_role(folded) if intent == "who" else "",
        constraints=constraints,
        structure=structure,
        asks_mention=intent == "yesno" and bool(_MENTION.search(folded)),
        counts_named=intent == "count"
        and (
            bool(_COUNT_NAMED.search(folded)) or _counts_countries_of_a_region(folded, constraints)
        ),
        polarity=""
        if _MENTION.search(folded)
        else polarity(_OPPONENTS.sub("", _clauses_asked(without_alternative(folded)))),
        points=points,
        priced=bool(concept) and concept in {_priced(folded), kind_of_sum(folded)},
    )


# "How much COMPENSATION …?", « Combien d'INDEMNITÉS … ? »: the noun names the kind of sum
# asked (not "how much MONEY", which is any sum, nor "how much EXTRA").
_KIND_OF_SUM = re.compile(r"\b(?:how much|combien de|combien d')\s*([a-z][a-z'-]+)")
_ANY_SUM = frozenset(
    "money argent cash amount montant total cost cout price prix sum somme extra more less "
    "plus moins".split()
)


def kind_of_sum(folded: str) -> str:
    """The noun a question asking a sum names it by ("how much COMPENSATION"), or ''."""
    if question_kind(folded) != "money":
        return ""
    asked = _KIND_OF_SUM.search(folded)
    return asked.group(1) if asked and asked.group(1) not in _ANY_SUM else ""


# "How many AFRICAN COUNTRIES …", « Combien de PAYS D'AMÉRIQUE LATINE … », "How many of the
# DELEGATIONS came from ASIA": countries of a region, counted from the article's list of them.
_COUNTS_COUNTRIES = re.compile(
    r"\b(?:how many|combien d[e']|number of|nombre d[e'])\s*(?:of\s+(?:the\s+)?)?"
    r"(?:[a-z-]+\s+){0,4}?(?:pays|countries|nations|etats|states|delegations)\b"
)


def _counts_countries_of_a_region(folded: str, constraints: Entities) -> bool:
    """Whether a count question counts the countries of a world region it names."""
    return bool(_COUNTS_COUNTRIES.search(folded)) and any(c.isdigit() for c in constraints.places)


# A French relative pronoun after a noun phrase (« les gens QUI voulaient … »): it opens a
# clause, it asks nothing.
_RELATIVE_PRONOUN = re.compile(
    r"\b((?:les|le|la|l'|des|un|une|du|au|aux|ceux|celui|celle|celles|quels|quelles|quel|quelle)"
    r"\s+(?:[\w'-]+\s+){0,2}?"
    r"[\w'-]+)\s+(?:qui\b|que\b|qu')"
)


# The question words that may open a clause after what a question asks about; a word before
# one that asks it (« any IDEA when », "anyone KNOW where", "news ON when", "AND where").
_CLAUSE_OPENER = re.compile(r"\b(?:when|where|who|quand|ou|qui|que|qu')\b")
_ASKS_WHAT_FOLLOWS = re.compile(
    r"\b(?:know|knows|idea|clue|tell|sure|wonder|news|on|about|of|and|or|sait|savez|sais|idee"
    r"|dire|sur|de|et|ou)\s*$"
)


def _opens_clauses_only(folded: str, opened_at: int) -> bool:
    """Whether every question word of a question opens a clause: after a word at least past
    its opening (`opened_at`: « y a QUI comme candidat ? » asks who), in the middle of the
    question, not after a word that asks it."""
    found = list(_WH.finditer(folded))
    return bool(found) and all(
        _CLAUSE_OPENER.fullmatch(m.group(0))
        and re.search(r"\w", folded[opened_at : m.start()])
        and len(re.findall(r"\w+", folded[m.end() :])) >= 2
        and not _ASKS_WHAT_FOLLOWS.search(folded[: m.start()])
        for m in found
    )


def _intent(folded: str, structure: str) -> str:
    if _OVERVIEW.search(folded):
        return "overview"
    # « Ils ont remboursé les gens QUI voulaient … ? » asks yes or no
    folded = _RELATIVE_PRONOUN.sub(r"\1", folded)
    # « Ils vont QUAND MÊME baisser la vitesse ? »: "still", no « quand » that asks when
    folded = STILL.sub("", folded)
    has_wh = bool(_WH.search(folded))
    tagged = _TAG_QUESTION.search(folded) or _OR_NOT.search(folded)
    if tagged and not _OPENING_QUESTION_WORD.match(folded):
        return "yesno"  # « Il y a eu plus de monde que l'an dernier, NON ? »
    if _YESNO_START.search(folded) or (
        not has_wh
        and _FRENCH_INVERSION.search(folded)
        and not re.search(r"\b(or|ou)\b", folded)  # "X ou Y ?" asks which, not yes/no
    ):
        return "yesno"
    if _THERE_IS_START.match(folded) and not _ASKING_WH.search(folded):
        return "yesno"
    # "anybody get hurt?", « Des blessés ? »: short, but asking whether; so is "anyone hurt
    # WHEN the roof fell?", « Des blessés QUAND … ? », whose question words only open clauses
    opening = _EXISTENCE_START.match(folded)
    if opening and (not has_wh or _opens_clauses_only(folded, opening.end())):
        return "yesno"
    asked = main_clause(folded)
    if MEASURE_QUESTION.search(asked) or CHANGE_QUESTION.match(asked):
        return "what"  # "How LONG IS the nave?": a length, not a time; "by how much": a change
    if _HOW_FAR_ALONG.search(asked):
        return "what"
    # "Where did the monks WHO founded the abbey come from?": a relative pronoun after another
    # question word opens a clause, it does not ask who.
    opening = _OPENING_WH.match(asked) or _OPENING_WHICH.match(asked)
    relative = re.sub(r"\b(?:who|whom)\b.*", "", asked) if opening else asked
    for intent, pattern in _INTENTS:
        if pattern.search(relative if intent == "who" else asked):
            return intent
    if structure:
        return "structure"
    if (
        not has_wh
        and folded.rstrip().endswith("?")
        and len(folded.split()) >= YESNO_WORDS
        and not re.match(r"\W*(?:et|and|ou|or|so|alors|donc)\b", folded)
        and not re.search(r"\b(or|ou)\b", folded)
    ):
        return "yesno"  # « Quelqu'un a été arrêté pour le feu ? »: asked by intonation
    return "what"


# Words an intonation question has at least (« Et la Banque africaine ? » follows up).
YESNO_WORDS = 5


def _capitalised(question: str) -> set[str]:
    """The folded words a question capitalises (names, and its first word)."""
    return {fold(w) for w in re.findall(r"\b[A-ZÀ-Ý][\wÀ-ÿ-]*", question)}


def _priced(folded: str) -> str:
    """The thing a cost question prices ("How much did THE PAVILION cost?"), or ''."""
    cost = _COST.search(folded)
    return next((g for g in cost.groups() if g), "") if cost else ""


def _concept(folded: str, question: str) -> tuple[str, str]:
    """The noun the question phrase asks about, and the first word said of it.

    Neither when the noun only frames the question ("what kind of", "quel type de").
    """
    capitalised = _capitalised(question)
    priced = _priced(folded)
    if priced and priced not in STOPWORDS | _AUXILIARIES and priced not in capitalised:
        return priced, ""
    if re.search(r"\b(?:combien de temps|how long)\b", folded):
        return "", ""  # how long something lasted: articles give dates, rarely « a duré »
    match = _HEAD.search(folded)
    if not match:
        subject = _WHO.search(folded)
        if subject:  # "Who OPENED …", « Qui SUCCÉDERA … »: the verb is what is said
            return "", _first_predicate(folded[subject.end() :].split()[:4], capitalised)
        return "", ""
    head = match.group(1)
    if (
        re.match(r"\W*(?:(?:so|and|but|ok|okay)\W+)?(?:what|which)\s", folded)
        and match.start(1) == folded.find(head)
        and _PAST_VERB.fullmatch(head)
    ):
        # "What CAUSED the five-month halt?", "What PROMPTED the council to act?": a verb
        # opens the question, no noun is asked for.
        return "", _first_predicate(folded[match.end() :].split()[:4], capitalised)
    following = [head, *re.findall(r"[a-z][a-z'-]+", folded[match.end() :])]
    # the words of the head's own clause: « combien de canards, LA DAME du GAEC ? » names the
    # subject after a comma, it says nothing of the ducks
    clause = re.split(r"[,;:]", folded[match.end() :])[0]
    clause_end = 1 + len(re.findall(r"[a-z][a-z'-]+", clause))
    concept = ""
    after_name = False
    for position, word in enumerate(following[:4]):
        if word.endswith("'s") or word.strip("'") in capitalised:
            after_name = word.strip("'") in capitalised  # "VERNIÈRES' twin towns" too
            continue  # "the MUSEUM'S opening hours", "which INTERPOL resolution"
        word = word.strip("'-")
        if after_name and word.endswith("ing") and len(word) > 5:
            return "", word  # "How much is the EIB LENDING …?": the name's verb, no concept
        # "la date DE NAISSANCE", "what kind OF CRIME": the frame's complement is asked.
        if (
            word in QUESTION_FRAME_WORDS
            and position + 2 < len(following)
            and following[position + 1] in {"de", "d'", "of", "du", "des"}
        ):
            continue
        if word in {"de", "d'", "of", "du", "des"} or _ORDINAL_WORD.fullmatch(word):
            continue  # "the SECOND memorandum", « le DERNIER accord »: the noun follows
        if word in STOPWORDS or word in QUESTION_FRAME_WORDS or word in _NUMBER_WORDS:
            return "", ""
        if len(word) < 3:
            return "", ""
        if not find_entities(word, names_from_capitals=False):
            concept = word  # "how many EUROPEAN countries": the place is a constraint
            rest = following[position + 1 : min(position + 6, clause_end)]
            break
    else:
        return "", ""
    if len(rest) >= 2 and rest[0] in {"de", "d'", "d"} and rest[1] not in STOPWORDS:
        return concept, rest[1].strip("'-")  # "équipe DE FOOTBALL": one concept in two words
    return concept, _first_predicate(rest, capitalised)


# "When did Chile sign ITS AGREEMENT with Portugal?": the event a when-question dates is
# told by the last noun a determiner opens (the object after the subject).
_WHEN_EVENT = re.compile(r"^(?:when|quand)\b(.*)")
_DETERMINED = re.compile(
    r"(?:\b(?:its|the|a|an|their|his|her|this|that|son|sa|ses|leur|leurs|le|la|les|un|une|ce"
    r"|cet|cette)\s+|\bl'\s*)([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?"
)


def _event_object(folded: str, question: str) -> str:
    """The noun naming what a "when" question dates ("its AGREEMENT"), or ''."""
    event = _WHEN_EVENT.match(folded)
    if not event:
        return ""
    capitalised = _capitalised(question)
    nouns = [
        following if _ORDINAL_WORD.fullmatch(word) else word  # "its FIRST report"
        for word, following in _DETERMINED.findall(event.group(1))
    ]
    nouns = [
        word
        for word in nouns
        if word not in capitalised
        and word not in STOPWORDS
        and word not in QUESTION_FRAME_WORDS
        and not _ORDINAL_WORD.fullmatch(word)
        and not find_entities(word, names_from_capitals=False)
    ]
    return nouns[-1] if nouns else ""


def _first_predicate(words: list[str], capitalised: set[str]) -> str:
    """The first word that says something (not an auxiliary, a name or an adverb)."""
    for position, word in enumerate(words):
        word = word.strip("'-?.!,")
        if position == 0 and word in _AUXILIARIES:
            continue  # « Qui A présidé … ? »: the auxiliary, not the preposition « à »
        if word in _PREPOSITIONS:
            break  # "countries ON THE LIST": a complement, not something said of the concept
        if word in STOPWORDS or word in QUESTION_FRAME_WORDS or word in _AUXILIARIES:
            continue
        if word in capitalised or find_entities(word, names_from_capitals=False) or len(word) < 4:
            continue
        if word.endswith(("ly", "ment")):
            continue  # an adverb ("officially", « exactement »)
        return word
    return ""


_ROLE_ASKED = re.compile(
    r"^(?:who|qui)\s+(?:is|was|are|were|est|etait|sont|etaient)\s+"
    r"(?:(?:currently|now|actually|really|still|actuellement|maintenant|vraiment)\s+)?"
    r"(?:the|le|la|les|l')\s*"
    r"((?:[a-z][a-z'-]*\s+){0,3}?[a-z][a-z'-]*)\s*(?:\b(?:of|in|at|for|de|du|des|d'|a|au|aux"
    r"|dans|pour|over|round|around|there|here|now|today|currently|la-bas|maintenant"
    # "the DETECTIVE running the case", "the judge who …": a clause after the role ends it
    r"|actuellement|who|that|which|[a-z]{2,}ing)\b|[?.!]|$)"
)
# "WHO'S the mayor", « C'EST QUI le maire », « QUI C'EST le maire »: "who is" spoken.
_WHO_IS_SPOKEN = re.compile(r"^(?:who's|c'est qui|c'etait qui|qui c'est)\s+")
# A person said of no role: « c'est qui LE MEC du syndicat », "who's the GUY from the union".
_NO_ROLE = frozenset(
    "mec type gars nana meuf homme femme personne guy bloke man woman person lady fellow".split()
)


# "Who was ELECTED president of …", « Qui a été NOMMÉ directeur … »: the role is asked too.
_ROLE_GIVEN = re.compile(
    r"^(?:who|qui)\s+(?:(?:was|has been|will be|is|a ete|sera|est|fut)\s+)?"
    r"(?:elected|appointed|named|chosen|elue?s?|nommee?s?|designee?s?|choisie?s?)\s+(?:as\s+)?"
)


# A who-question asking who heads a body ("who's the BOSS OF …", « qui est À LA TÊTE DU … »,
# "who RUNS …", « qui DIRIGE … »), and the words naming the body.
_HEAD_ASKED = re.compile(
    r"\b(?:head|boss|chief|chef|cheffe|patron|patronne|leader|director|directeur|directrice"
    r"|president|presidente|chair(?:man|woman|person)?|manager|responsable|a la tete"
    r"|in charge)\s+(?:of|de|du|des|d'|at|chez|for)\s*(.+)"
    r"|\b(?:runs?|heads|headed|heading(?: up)?|leads|leading|chairs|chaired"
    r"|manages|managed|dirige\w*|preside\w*|gere|gerait)\s+(.+)"
)


def headed_body(question: str) -> str:
    """The words naming the body a who-question asks the head of ("the volunteer fire-watch
    committees" of "Who's in charge of …?"); '' when it asks no head."""
    folded = fold(question).replace("’", "'")
    if not re.match(r"\W*who\b", folded) and "qui" not in folded.split():  # « c'est qui … »
        return ""
    found = _HEAD_ASKED.search(folded)
    return (found.group(1) or found.group(2)).strip(" ?") if found else ""


def _asked_role(folded: str) -> str:
    """The role a who-question asks to fill: "Who is the (deputy) MAYOR of …" (English puts the
    noun last), « Qui est le MAIRE (adjoint) de … » (French first), "Who was elected PRESIDENT
    …"; '' for "Who is X?"."""
    spoken = _WHO_IS_SPOKEN.match(folded)
    if spoken:
        who_is = "who is " if folded.startswith("who") else "qui est "
        folded = who_is + folded[spoken.end() :]
    given = _ROLE_GIVEN.match(folded)
    if given:
        folded = ("who is the " if folded.startswith("who") else "qui est le ") + folded[
            given.end() :
        ].removeprefix("the ").removeprefix("le ").removeprefix("la ")
    match = _ROLE_ASKED.search(folded)
    if not match:
        return ""
    words = match.group(1).split()
    english = bool(re.match(r"who\b", folded))
    role = words[-1] if english else words[0]
    if role in STOPWORDS or role in QUESTION_FRAME_WORDS or role in _NO_ROLE or len(role) < 3:
        return ""
    return role


_WHO = re.compile(r"^(?:who|qui)\b(?!\s+(?:is|was|are|were|est|etait|sont|etaient)\b)")


_PREPOSITIONS = set(
    """on in of to at for from with by about into under de du des a au aux dans sur pour par avec
    en vers chez sous entre""".split()
)
_NUMBER_WORDS = set("two three four five six deux trois quatre cinq six".split())
_ORDINAL_WORD = re.compile(
    r"first|second|third|fourth|fifth|last|latest|final|next|previous|\d+(?:st|nd|rd|th|e|er|eme)"
    r"|premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|cinquieme|dernier|derniere"
    r"|prochain|prochaine|precedent|precedente"
    r"|[a-z-]+ieme|[a-z-]*(?:sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|ieth)"
)
_AUXILIARIES = set(
    """did does do was were is are has have had will would can could ete etaient etait sont
    ont a se s sont-ils ont-ils a-t-il a-t-elle ils elles il elle""".split()
)


def _without_first_word(question: str) -> str:
    """The question, its first word marked as a name when it reads as one.

    A question's first word is capitalised anyway; it counts as a name when another
    capitalised word follows ("Tal Goldstein …") or an inverted verb ("Hammouchi a-t-il …").
    """
    words = question.split(maxsplit=2)
    if len(words) >= 2 and words[0][:1].isupper():
        follows = words[1]
        inverted = re.match(r"[\w']+-(t-)?(il|elle|ils|elles|on)\b", follows.lower())
        if fold(words[0]) not in STOPWORDS and (follows[:1].isupper() or inverted):
            return "x " + question
    return question
