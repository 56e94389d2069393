"""Question intake: clean control characters, refuse empty questions, cap the length."""

from __future__ import annotations

import re
import unicodedata

from assistant.errors import QuestionError

MAX_QUESTION_CHARS = 2000
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


# Readers' ways of saying "how many people": "how many PPL", "how many FOLKS", « combien de
# MONDE »; and "how many MARCHED on Saturday?", a verb whose doers are people (not "how many
# injured FIREFIGHTERS", which names them).
_PEOPLE_SAID = re.compile(r"\b(how many|combien de)\s+(?:ppl|folks|monde)\b", re.IGNORECASE)
_DOERS_COUNTED = re.compile(
    r"\b(how many)\s+(?=(?!hundred\b)[a-z]{3,}ed\b(?!\s+[a-z]+s\b))", re.IGNORECASE
)


# French question words as texted: « C KOI les consignes ? », « c qui le maire ? », « PK … »,
# « KAN … », « CB de … », « ça démarre QD ? », « QQN a vu … ? » (their spelling, not a list
# of a batch's words: the question words).
_TEXTED = {
    "koi": "quoi",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "pourkoi": "pourquoi",
    "kan": "quand",
    "ki": "qui",
    "kel": "quel",
    "kelle": "quelle",
    "kels": "quels",
    "kelles": "quelles",
    "cb": "combien",
    "cmb": "combien",
    "koman": "comment",
    "qd": "quand",
    "qqn": "quelqu'un",
}
# lower case, or capitalised as a question's first word ("KI", "PK" may be initials)
_TEXTED_WORD = re.compile(
    r"\b(" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _TEXTED) + r")\b"
)
_TEXTED_IT_IS = re.compile(
    r"\b(c)\s+(?=(?:qui|quoi|quand|où|ou|combien|quel|quelle|quels|quelles|comment)\b)",
    re.IGNORECASE,
)


# English question words as texted, without their apostrophe: "WHATS the manager's name?",
# "WHOS the woman speaking …", "HW many …" ("whats" is no word but "what's").
_TEXTED_EN = {
    "whats": "what's",
    "whos": "who's",
    "wheres": "where's",
    "hows": "how's",
    "whens": "when's",
    "whys": "why's",
    "hw": "how",
    "wat": "what",
    "wen": "when",
}
_TEXTED_EN_WORD = re.compile(r"\b(" + "|".join(_TEXTED_EN) + r")\b", re.IGNORECASE)


def said_plainly(question: str) -> str:
    """A question with readers' ways of saying what they count said plainly: "how many ppl
    left?" as "how many people left?", « combien de monde ? » as « combien de personnes ? »;
    question words as texted spelled out (« c koi » as « c'est quoi », "whats" as "what's")."""
    question = _TEXTED_WORD.sub(lambda m: _TEXTED[m.group(1).lower()], question)
    question = _TEXTED_EN_WORD.sub(lambda m: _TEXTED_EN[m.group(1).lower()], question)
    question = _TEXTED_IT_IS.sub(lambda m: f"{m.group(1)}'est ", question)
    question = _PEOPLE_SAID.sub(
        lambda m: f"{m.group(1)} {'people' if m.group(1).lower() == 'how many' else 'personnes'}",
        question,
    )
    return _DOERS_COUNTED.sub(r"\1 people ", question)


def clean_question(question: str) -> str:
    """The question without control characters, whitespace folded and capped in length."""
    return prepare_question(question)[0]


def prepare_question(question: str) -> tuple[str, list[str]]:
    """(clean question, notices); raises `QuestionError` for an empty question."""
    if not isinstance(question, str):
        raise QuestionError("The question must be text")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", _ANSI.sub("", question)))
    text = " ".join(text.split())
    if not text:
        raise QuestionError("The question is empty: type a question about the article")
    if not any(c.isalpha() for c in text):
        raise QuestionError("The question has no words: type a question about the article")
    notices = []
    if len(text) > MAX_QUESTION_CHARS:
        cut = text.rfind(" ", 0, MAX_QUESTION_CHARS)
        text = text[: cut if cut > MAX_QUESTION_CHARS // 2 else MAX_QUESTION_CHARS]
        notices.append(
            f"The question was {len(question):,} characters long; only its first "
            f"{len(text):,} were used."
        )
    return text, notices
