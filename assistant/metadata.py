"""Questions about the article itself (who wrote it, when, in which outlet), answered from the
metadata its page carried, cited where the stored text holds it (the byline)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.formats import DocumentMeta
from assistant.language import content_words
from assistant.text import fold
from assistant.types import Citation, Fact, Passage

# The question must point at the article itself ("this article", « l’article », "it").
_ARTICLE = (
    r"(?:(?:this|the) (?:article|piece|story|text|page|report)|cet article|l'article|ce texte"
    r"|le texte|cette page|la page|\bit\b|\bil\b|\belle\b|\bce papier\b)"
)
_FIELD_QUESTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "author",
        re.compile(
            r"\b(?:who (?:wrote|authored|penned|signed)|author|by whom|written by|signed by"
            r"|qui (?:a|l'a) (?:ecrit|redige|signe)|auteur|autrice|ecrit par|signe par)\b"
            rf".*{_ARTICLE}|{_ARTICLE}.*\b(?:written|authored|signed|ecrit|redige|signe)e? par\b"
            r"|\bqui l'a (?:ecrit|redige|signe)\b|\bwho wrote it\b"
        ),
    ),
    (
        "published",
        re.compile(
            rf"\b(?:when|what day|what date)\b.*\b(?:published|posted|written|out)\b.*|{_ARTICLE}.*"
            r"\b(?:published|posted)\b|\bpublication date\b|\bdate de (?:publication|parution)\b"
            r"|\bquand\b.*\b(?:publie|paru|ecrit|mis en ligne)e?\b"
            r"|\b(?:publie|paru)e? quand\b"
        ),
    ),
    (
        "outlet",
        re.compile(
            r"\b(?:which|what) (?:outlet|newspaper|paper|site|website|publication|media|magazine)\b"
            r"|\bquel (?:journal|media|site|quotidien|magazine)\b|\bquelle (?:publication|revue)\b"
            r"|\bdans quel (?:journal|media)\b|\bwho published\b|\bqui a publie\b"
        ),
    ),
)
LABELS = {
    "fr": {"author": "auteur", "published": "date de publication", "outlet": "média"},
    "en": {"author": "author", "published": "publication date", "outlet": "outlet"},
}
LEAD = {
    "fr": "D’après les métadonnées de l’article ({label}) : {value} [1].",
    "en": "According to the article's metadata ({label}): {value} [1].",
}
NOT_RECORDED = {
    "fr": "L’article ne le dit pas : sa page n’indique pas de {label}.",
    "en": "The article does not say: its page gives no {label}.",
}


def asked_field(question: str) -> str:
    """'author', 'published' or 'outlet' when the question asks about the article itself."""
    folded = fold(question).replace("’", "'")
    for name, pattern in _FIELD_QUESTIONS:
        if pattern.search(folded):
            if name == "published" and not _about_the_article(folded):
                continue  # « Quand le rapport d'étape sera-t-il publié ? »: the report's date
            return name
    return ""


_PUBLISHING = frozenset(
    "when quand what day date published posted written out publie publiee paru parue ecrit "
    "ecrite mis en ligne publication parution".split()
)


def _about_the_article(folded: str) -> bool:
    """Whether a question on publishing is about the article: it names it, or nothing else
    ("When was it published?", « Quand a-t-il été publié ? »; not « Quand le rapport sera-t-il
    publié ? »)."""
    if _NAMES_THE_ARTICLE.search(folded):
        return True
    return not [w for w in content_words(folded) if w not in _PUBLISHING]


_NAMES_THE_ARTICLE = re.compile(r"\b(?:article|piece|story|texte?|page|papier)\b")


def metadata_citation(
    field: str,
    meta: DocumentMeta,
    source: str,
    text: str,
    passages: Sequence[Passage],
) -> Citation | None:
    """The byline value of a field, as a verbatim citation (None when the page gave none)."""
    span = meta.span(field)
    if span is None:
        return None
    start, end = span
    chunk = next((p for p in passages if p.start <= start and end <= p.end), None)
    quote = text[start:end]
    return Citation(
        1, chunk.chunk_id if chunk else "", source, quote, start, end, bool(quote.strip())
    )


def metadata_answer(field: str, citation: Citation, language: str) -> tuple[str, Fact]:
    """The lead line stating a metadata value, and its fact."""
    label = LABELS[language][field]
    value = citation.quote
    if field == "published" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        import datetime

        from babel.dates import format_date

        day = datetime.date.fromisoformat(value)
        value = format_date(day, "d MMMM y", locale=language)  # "14 May 2026", « 14 mai 2026 »
    lead = LEAD[language].format(label=label, value=value)
    return lead, Fact("metadata", citation.quote, value, 1)


def not_recorded(field: str, language: str) -> str:
    """The abstention for a metadata field the page did not give."""
    return NOT_RECORDED[language].format(label=LABELS[language][field])
