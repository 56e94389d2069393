"""The web chat's HTML: answers, sources and the side panel, every piece of text escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from itertools import takewhile

from assistant.extractive import SEE_ALSO
from assistant.facts import LANGUAGE_NAMES, original_label
from assistant.language import detect_language
from assistant.types import Answer, Citation, Passage

SEE_ALSO_PASSAGES = 3
UNVERIFIED = {
    "fr": "Non vérifié : aucune citation ne contient",
    "en": "Unverified: no quote holds",
}

DocumentLength = Callable[[str], int]

_LABELS = {
    "fr": {
        "abstained": "Pas dans l’article",
        "see_also": "Passages les plus proches (ils ne répondent pas à la question)",
        "see_also_hint": "Les passages les plus proches sont listés à droite, sous « Voir aussi ».",
        "see_also_title": "Voir aussi",
    },
    "en": {
        "abstained": "Not in the article",
        "see_also": "Closest passages (they do not answer the question)",
        "see_also_hint": "The closest passages are listed on the right, under “See also”.",
        "see_also_title": "See also",
    },
}


# -- rendering (pure functions: text in, escaped HTML out) --------------------------------


def escape(text: str) -> str:
    """HTML-escape text (quotes too), so it can never become markup."""
    return html.escape(text, quote=True)


def _lines_html(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _language(answer: Answer) -> str:
    language = detect_language(answer.question or answer.answer)
    return language if language in _LABELS else "en"


def render_question(question: str) -> str:
    """A user's message for the chat, escaped."""
    return f'<div class="user-question">{_lines_html(question)}</div>'


def render_pending(text: str = "") -> str:
    """The answer while it streams: the text so far, escaped, with a cursor."""
    body = _lines_html(text) if text else '<span class="muted">Searching the article…</span>'
    return f'<div class="answer streaming">{body}<span class="cursor">▍</span></div>'


def render_error(message: str) -> str:
    """An error as a chat message (one line, no traceback)."""
    return f'<div class="msg-error" role="alert"><strong>⚠ Error:</strong> {escape(message)}</div>'


def _link_markers(line_html: str, citations: dict[int, Citation], turn: int) -> str:
    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        citation = citations.get(n)
        if citation is None:
            return match.group(0)
        tip = citation.quote if len(citation.quote) <= 160 else citation.quote[:157] + "…"
        return f'<a class="cite" href="#src-{turn}-{n}" title="{escape(tip)}">[{n}]</a>'

    return re.sub(r"\[(\d{1,3})\]", link, line_html)


def render_answer(answer: Answer, turn: int) -> str:
    """A finished answer for the chat: citation markers link to `#src-<turn>-<n>`."""
    if answer.abstained:
        labels = _LABELS[_language(answer)]
        # The see-also list of the text answer is shown as cards in the sources panel.
        lines = answer.answer.split("\n")
        said = [x.strip() for x in takewhile(lambda x: x not in SEE_ALSO.values(), lines)]
        said = [line for line in said if line] or [labels["abstained"]]
        hint = f'<p class="muted">{escape(labels["see_also_hint"])}</p>' if answer.passages else ""
        body = (
            f'<div class="answer abstained"><span class="badge">{escape(labels["abstained"])}'
            "</span>" + "".join(f"<p>{escape(line)}</p>" for line in said) + hint
        )
    else:
        citations = {c.n: c for c in answer.citations}
        paragraphs = []
        quoted_in = f' lang="{escape(answer.quote_language)}"' if answer.quote_language else ""
        label = original_label(_language(answer), answer.quote_language)
        for line in answer.answer.split("\n"):
            if not line.strip():
                continue
            if line.lstrip().startswith(("«", "“", '"', ">")):
                css = f' class="quote"{quoted_in}'
            elif answer.lead and line == answer.lead:
                css = ' class="lead"'  # the answer stated first, in the asker's language
            elif label and line == label:
                css = ' class="original-label"'
            else:
                css = ""
            paragraphs.append(f"<p{css}>{_link_markers(escape(line), citations, turn)}</p>")
        body = '<div class="answer">' + "".join(paragraphs)
        if answer.unverified:
            body += (
                f'<p class="unverified">⚠ {escape(UNVERIFIED[_language(answer)])} '
                f"{escape(', '.join(answer.unverified))}</p>"
            )
    for notice in answer.notices:
        body += f'<p class="notice">{escape(notice)}</p>'
    total = answer.timings_ms.get("total")
    meta = escape(answer.backend) + (f" · {total / 1000:.2f} s" if total is not None else "")
    for article in answer.articles:
        about = [v for v in (article["title"], article["outlet"], article["published"]) if v]
        meta += (
            f' · <span class="from">from {escape(" · ".join(about) or article["source"])}</span>'
        )

    return body + f'<div class="meta">{meta}</div></div>'


def _find_passage(citation: Citation, passages: Sequence[Passage]) -> Passage | None:
    for passage in passages:
        if passage.chunk_id == citation.chunk_id:
            return passage
    for passage in passages:
        if (
            passage.source == citation.source
            and passage.start <= citation.start
            and citation.end <= passage.end
        ):
            return passage
    return None


def highlight(text: str, quote: str, offset: int | None = None) -> str:
    """`text` escaped, with `quote` (at `offset` in it, else its first occurrence) in <mark>."""
    start = offset if offset is not None and text[offset : offset + len(quote)] == quote else -1
    if start < 0:
        start = text.find(quote) if quote else -1
    if start < 0:
        return escape(text)
    end = start + len(quote)
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def _position(source: str, start: int, end: int, doc_length: DocumentLength | None) -> str:
    where = f"characters {start:,}–{end:,}".replace(",", "\u202f")
    length = 0
    if doc_length is not None:
        try:
            length = doc_length(source)
        except Exception:  # the position is a nicety; never fail the panel for it
            length = 0
    if length > 0:
        where += f" · {100 * start / length:.0f}–{100 * end / length:.0f}% of the article"
    return f"{escape(source.rsplit('/', 1)[-1])} · {escape(where)}"


def _source_card(
    citation: Citation,
    passage: Passage | None,
    turn: int,
    doc_length: DocumentLength | None,
    quote_language: str = "",
) -> str:
    if passage is not None:
        text = highlight(passage.text, citation.quote, citation.start - passage.start)
        section = passage.section
    else:
        text = f"<mark>{escape(citation.quote)}</mark>"
        section = ""
    warning = (
        ""
        if citation.verified
        else '<p class="unverified">⚠ This quote was not found verbatim in the source.</p>'
    )
    language = f' lang="{escape(quote_language)}"' if quote_language else ""
    badge = (
        f'<span class="quote-lang" title="Language of the original text">'
        f"{escape(LANGUAGE_NAMES['en'].get(quote_language, quote_language))} original</span>"
        if quote_language
        else ""
    )
    return (
        f'<article class="source" id="src-{turn}-{citation.n}">'
        f'<header><span class="num">{citation.n}</span>'
        f'<span class="section">{escape(section or "(no section)")}</span>{badge}</header>'
        f'<p class="passage"{language}>{text}</p>{warning}'
        f'<footer class="where">'
        f"{_position(citation.source, citation.start, citation.end, doc_length)}</footer>"
        "</article>"
    )


def _see_also_card(
    passage: Passage, turn: int, index: int, doc_length: DocumentLength | None
) -> str:
    return (
        f'<article class="source see-also" id="see-{turn}-{index}">'
        f'<header><span class="section">{escape(passage.section or "(no section)")}</span>'
        "</header>"
        f'<p class="passage">{escape(passage.text)}</p>'
        f'<footer class="where">'
        f"{_position(passage.source, passage.start, passage.end, doc_length)}</footer>"
        "</article>"
    )


def render_sources(answer: Answer, turn: int, doc_length: DocumentLength | None = None) -> str:
    """The sources of one answer: cited passages with the quote in <mark>, or see-also."""
    if answer.abstained:
        labels = _LABELS[_language(answer)]
        cards = [
            _see_also_card(p, turn, i, doc_length)
            for i, p in enumerate(answer.passages[:SEE_ALSO_PASSAGES], 1)
        ]
        return (
            f'<div class="see-also-note"><strong>{escape(labels["see_also_title"])}</strong> · '
            f"{escape(labels['see_also'])}</div>" + "".join(cards)
        )
    if not answer.citations:
        return '<p class="muted">This answer cites no passage.</p>'
    return "".join(
        _source_card(c, _find_passage(c, answer.passages), turn, doc_length, answer.quote_language)
        for c in answer.citations
    )


EMPTY_PANEL = (
    '<div class="sources-panel"><div class="sources-empty">'
    "<strong>Sources</strong><br>Each answer’s quoted sentences appear here, highlighted in "
    "their passage, with their section and position in the article. Click a marker such as "
    '<span class="cite-sample">[1]</span> in an answer to jump to its passage.</div></div>'
)


def _understood_as(answer: Answer) -> str:
    standalone = answer.standalone_question
    if not standalone or standalone == answer.question:
        return ""
    return f'<p class="understood muted">Follow-up understood as: <q>{escape(standalone)}</q></p>'


def render_panel(answers: Sequence[Answer], doc_length: DocumentLength | None = None) -> str:
    """The sources panel: the latest answer first, earlier answers folded below."""
    if not answers:
        return EMPTY_PANEL
    parts = ['<div class="sources-panel">']
    latest = len(answers)
    parts.append(
        f'<section class="turn latest"><h3 class="turn-title">Sources · '
        f"<q>{escape(answers[-1].question)}</q></h3>{_understood_as(answers[-1])}"
        f"{render_sources(answers[-1], latest, doc_length)}</section>"
    )
    for turn in range(latest - 1, 0, -1):
        answer = answers[turn - 1]
        parts.append(
            f'<details class="turn earlier"><summary>Earlier · <q>{escape(answer.question)}</q>'
            f"</summary>{render_sources(answer, turn, doc_length)}</details>"
        )
    parts.append("</div>")
    return "".join(parts)


__all__ = [
    "EMPTY_PANEL",
    "escape",
    "highlight",
    "render_answer",
    "render_error",
    "render_panel",
    "render_pending",
    "render_question",
    "render_sources",
]
