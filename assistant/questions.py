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


def said_plainly(question: str) -> str:
    """A question with readers' ways of saying what they count said plainly: "how many ppl
    left?" as "how many people left?", « combien de monde ? » as « combien de personnes ? »."""
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
