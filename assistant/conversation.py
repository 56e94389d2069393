"""Follow-up questions: rewrite them into standalone questions using the conversation so far."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from assistant.language import STOPWORDS, content_words, detect_language
from assistant.text import fold
from assistant.types import Turn

_CUE = re.compile(
    r"^\s*(?:and\s+what\s+about|what\s+about|how\s+about|and\s+about|and|et\s+pour|"
    r"et\s+concernant|qu['’]en\s+est-il\s+(?:de|du|des|d['’])?|et|also|aussi|puis)\b[\s,]*",
    re.IGNORECASE,
)
_FOCUS_LEAD = re.compile(
    r"^(?:(?:the\s+one|the\s+ones|that|those)\s+|(?:in|with|for|from|of|about|on|to|at|en|avec|"
    r"pour|au|aux|du|des|de\s+la|de|dans|à|chez|sur|la|le|les|the)\s+|[ldLD]['’]\s*)",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(
    r"\b(?:what|which|who|whom|whose|when|where|why|how|quoi|que|qu['’]|quel|quels|quelle|quelles|"
    r"qui|quand|où|comment|pourquoi|combien)\b",
    re.IGNORECASE,
)
# Personal pronouns and "there" that point back at the conversation; not inverted subjects
# ("a-t-il", "ont-ils") nor demonstratives ("ces rencontres"), which standalone questions use.
_REFERENCE = re.compile(
    r"(?<![-\w])(?:il|elle|ils|elles|lui|he|she|they|him|her|them|there|là-bas)(?![-\w])",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(
    r"[A-ZÀ-Ý][\wÀ-ÿ-]+(?:\s+(?:bin|ben|al|el|de|du|von|van)?\s*[A-ZÀ-Ý][\wÀ-ÿ-]+)*"
    r"(?:\s+[a-zà-ÿ]{4,}(?=\s|\?|$))?"
)

Similarity = Callable[[str, Sequence[str]], list[float]]


def elliptical_focus(question: str) -> str:
    """The new focus of an elliptical follow-up ("Et en Asie ?" -> "Asie"), else ''."""
    cue = _CUE.match(question)
    if not cue:
        return ""
    body = question[cue.end() :]
    focus = body.strip().rstrip("?？!. ").strip()
    for _ in range(3):  # "the one with Norway", "avec l’Éthiopie"
        focus = _FOCUS_LEAD.sub("", focus).strip()
    if not focus or _QUESTION_WORD.search(body) or len(content_words(focus)) > 4:
        return ""
    return focus


def condense(question: str, history: Sequence[Turn], similarity: Similarity) -> str:
    """A standalone version of `question` given the turns before it (rule-based)."""
    if not history:
        return question
    previous = history[-1].standalone
    focus = elliptical_focus(question)
    if focus:
        return _substitute(previous, focus, similarity, _lead_word(question, focus), question)
    if len(content_words(question)) <= 3 or _REFERENCE.search(question) or _CUE.match(question):
        # A question that leans on what came before: keep the previous question as context,
        # and the one it leaned on («Et ça démarre quand ?» after «Ça va coûter combien ?»
        # after «Qu'est-ce qui est prévu ?»).
        context = _first_question(previous)
        leaned_on = _appended_context(previous)
        if leaned_on:
            context = f"{context} {leaned_on}"
        return f"{question} ({context})"
    return question


def _first_question(standalone: str) -> str:
    """Drop the context a previous rewrite appended, so contexts do not pile up."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", standalone) or standalone


def _appended_context(standalone: str) -> str:
    """The first question of the context a previous rewrite appended, or ''."""
    appended = re.search(r"\(([^()]*)\)\s*$", standalone)
    if not appended:
        return ""
    return re.split(r"(?<=[?？])\s", appended.group(1).strip(), maxsplit=1)[-1]


def _lead_word(question: str, focus: str) -> str:
    """The preposition just before the focus of a follow-up ("Et AVEC l'Éthiopie ?"), or ''."""
    before = question[: question.find(focus)] if focus in question else ""
    words = re.findall(r"[\wÀ-ÿ]+", before)
    found = [w for w in words if re.fullmatch(r"(?:with|for|from|about|in|avec|pour|sur|chez)", w)]
    return found[-1].lower() if found else ""


def _substitute(
    previous: str, focus: str, similarity: Similarity, lead: str = "", question: str = ""
) -> str:
    """Replace the previous question's phrase most like `focus` ("Amérique latine" -> "Asie"),
    the one after the same preposition first ("avec la Norvège" for "Et avec l'Éthiopie ?")."""
    base = _first_question(previous)
    # "Amérique latine": a French name with its adjective; "Asian countries": an English
    # adjective with its noun, where only "Asian" is the name.
    keep_adjective = detect_language(base) == "fr"
    # The first word is capitalised only because it starts the question.
    first_word_end = len(base.split(" ", 1)[0]) + 1
    names = [
        m.group(0) if keep_adjective else _without_trailing_lowercase(m.group(0))
        for m in _CAPITALISED.finditer(base, first_word_end)
    ]
    words = [
        word
        for word in re.findall(r"[\wÀ-ÿ-]{4,}", base)
        if fold(word) not in STOPWORDS and not any(word in name for name in names)
    ]
    # A named focus ("Asie") replaces a name; otherwise any content word may be replaced.
    candidates = names if focus[:1].isupper() and names else names + words
    own = re.search(rf"\b{lead}\b.*?{re.escape(focus)}", question, re.IGNORECASE) if lead else None
    if own and focus[:1].isupper():
        # "avec la Norvège" becomes the follow-up's own words, "avec l'Éthiopie"
        for candidate in names:
            phrase = rf"\b{lead}\s+(?:(?:la|le|les|the)\s+|[ldLD]['’]\s*)?{re.escape(candidate)}"
            found = re.search(phrase, base, re.IGNORECASE)
            if found:
                return base[: found.start()] + own.group(0) + base[found.end() :]
    if not candidates:
        return f"{base} {focus}"
    scores = similarity(focus, candidates)
    target = candidates[int(np.argmax(scores))]
    return base.replace(target, focus, 1)


def _without_trailing_lowercase(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return " ".join(words)


def embedding_similarity(embed: Callable[[str], list[float]]) -> Similarity:
    """Similarity of a phrase to candidates by cosine of their (cached) query embeddings."""

    def similarity(focus: str, candidates: Sequence[str]) -> list[float]:
        target = np.asarray(embed(focus), dtype=np.float32)
        return [float(np.asarray(embed(c), dtype=np.float32) @ target) for c in candidates]

    return similarity
