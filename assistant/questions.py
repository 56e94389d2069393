"""Question intake: clean control characters, refuse empty questions, cap the length."""

from __future__ import annotations

import re
import unicodedata

from assistant.errors import QuestionError

MAX_QUESTION_CHARS = 2000
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")


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
