"""The answer stage: condense, retrieve, decide to abstain, answer (extractive or LLM), verify."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.conversation import condense, elliptical_focus, embedding_similarity
from assistant.entities import anchors_of
from assistant.errors import AssistantError, LLMError
from assistant.extractive import (
    ArticleView,
    Extract,
    SupportCheck,
    WordAligner,
    abstention_text,
    compose,
    extract,
)
from assistant.facts import unverified_claims
from assistant.formats import DocumentMeta
from assistant.language import detect_language, other_language, question_kind
from assistant.metadata import asked_field, metadata_answer, metadata_citation, not_recorded
from assistant.questions import prepare_question, said_plainly
from assistant.reader import constraint_labels, missing_constraints, topic_entities, without
from assistant.types import Answer, Citation, Passage, Turn, stage_timings
from assistant.understanding import QuestionAnalysis, analyse_question

if TYPE_CHECKING:
    from assistant.library import Library
    from assistant.retrieval import Retriever

STREAM_CHUNK = 24


@dataclass(frozen=True)
class AnswerParts:
    """What answering a question uses; each stage below is given only its part."""

    retriever: Retriever
    embed_query: Callable[[str], list[float]]
    library: Library  # the indexed documents: records, texts, chunks, sentence vectors
    support_check: Callable[[list[str]], SupportCheck | None]  # reports into these notices
    aligner: Callable[[], WordAligner | None]  # its word aligner, reading values
    chat_model: Callable[[str], Any]  # a LangChain chat model by `ASSISTANT_LLM` spec
    top_k: int
    min_confidence: float
    api_key: str = ""  # removed from any error message


def answer_stream(
    parts: AnswerParts,
    question: str,
    history: Sequence[Turn],
    *,
    llm: str = "",
    k: int | None = None,
    sources: Sequence[str] | None = None,
) -> Iterator[str | Answer]:
    """Yield text as it is produced, then the final `Answer` (see `Assistant.ask_stream`)."""
    started = time.perf_counter()
    clean, notices = prepare_question(question)
    language = detect_language(clean)
    foreign = other_language(clean)
    if foreign:
        language = "en"
        notices.append(
            f"The question seems to be in {foreign}; the assistant answers in French or English "
            "and quotes the article in its own language."
        )
    support = parts.support_check(notices)  # loaded first: it also embeds the question
    standalone = _standalone(parts, clean, history, llm, notices)
    focus = elliptical_focus(clean) if history else ""
    if sources is None and history:
        sources = _article_under_discussion(parts.library, clean, history)
    retrieval = parts.retriever.retrieve(standalone, k or parts.top_k, focus=focus, sources=sources)
    focus_vector = None
    if standalone != clean and standalone.startswith(clean):
        # Context was appended: sentences must also answer the user's own words.
        focus_vector = np.asarray(parts.embed_query(clean), dtype=np.float32)
    elif focus:
        focus_vector = np.asarray(parts.embed_query(focus), dtype=np.float32)
    retrieved = time.perf_counter()
    # The user's own words tell the kind of answer, unless the follow-up was elliptical.
    kind = question_kind(clean) if focus_vector is not None or standalone == clean else ""
    # Retrieval reads the asker's words; the reading of the question, them said plainly.
    plain = said_plainly(clean)
    analysis = analyse_question(plain)
    if focus:
        # An elliptical follow-up ("Et avec l’Éthiopie ?") asks what the question it continues
        # asked, about the new focus.
        analysis = replace(analyse_question(standalone), constraints=analysis.constraints)
    answer = Answer(
        question=question,
        answer="",
        passages=retrieval.passages,
        standalone_question=standalone,
        notices=notices,
    )

    def finish() -> Answer:
        answer.citations, answer.articles = _cited_articles(parts.library, answer.citations)
        answer.timings_ms = stage_timings(started, retrieved, time.perf_counter())
        return answer

    field = asked_field(clean)
    choices = _articles_to_choose(analysis, bool(field), clean, retrieval.passages, sources)
    if choices:
        # "De quoi parle cet article ?" with several articles indexed and none chosen or under
        # discussion: ask which, rather than summarise whichever came first.
        answer.abstained = True
        answer.abstain_reason = "several articles and none named"
        answer.answer = _which_article_text(language, choices)
        yield from _chunks(answer.answer)
        yield finish()
        return
    article = _article_view(parts.library, retrieval.passages)
    if article is not None and analysis.intent == "overview":
        vectors = parts.library.sentence_vectors(article.passages)
        article = replace(article, sentence_vectors=vectors)
    if field and article is not None:
        # "Who wrote this article?": from the metadata its page carried, not its sentences.
        _metadata_answer(field, article, retrieval.passages[0].source, language, answer)
        yield from _chunks(answer.answer)
        yield finish()
        return
    found = extract(
        said_plainly(standalone),
        retrieval,
        focus_vector,
        kind=kind,
        own_words=plain,
        support=support,
        analysis=analysis,
        article=article,
        min_confidence=parts.min_confidence,
        aligner=parts.aligner() if support is not None else None,
    )
    answer.confidence = min(1.0, max(0.0, found.evidence))

    if found.abstain_reason:
        # The code, not a model, decides that the article does not answer.
        answer.abstained = True
        answer.abstain_reason = found.abstain_reason
        answer.answer = abstention_text(
            language,
            retrieval.passages,
            found.missing,
            found,
            yes_no=analysis.intent == "yesno",
        )
        yield from _chunks(answer.answer)
        yield finish()
        return

    if llm:
        from assistant.llm import llm_answer_stream

        emitted = False
        try:
            model = parts.chat_model(llm)
            stream = llm_answer_stream(
                model,
                llm,
                clean,
                standalone,
                language,
                retrieval,
                parts.library.document_text,
                api_key=parts.api_key,
            )
            for event in stream:
                if isinstance(event, str):
                    emitted = True
                    yield event
                else:
                    answer.answer, answer.citations = event
            answer.backend = llm
            answer.quote_language = article.language if article is not None else language
            answer.lead = _written_lead(answer.answer)
            answer.unverified = unverified_claims(answer.answer, answer.citations)
            reason = llm_premise_failure(analysis, answer.citations, retrieval.passages, article)
            if not answer.citations or reason:
                # The model abstained, or cited nothing that holds what the question states:
                # the code's premise check applies to its answer too.
                answer.abstained = True
                answer.abstain_reason = (
                    reason.abstain_reason if reason else "the model cited nothing"
                )
                answer.citations = []
                answer.lead, answer.unverified = "", []
                answer.answer = abstention_text(language, retrieval.passages, found=reason)
                yield "\n\n" + answer.answer
            yield finish()
            return
        except LLMError as exc:
            notice = f"{exc} Showing the extractive answer instead."
            answer.notices.append(notice)
            yield ("\n\n" if emitted else "") + notice + "\n\n"

    quote_language = article.language if article is not None else language
    read_once = article.text if article is not None else ""
    article_source = retrieval.passages[0].source if retrieval.passages else ""

    def document_text(source: str) -> str:
        # The article was read for this question already; another source is read from the index.
        return (
            read_once
            if source == article_source and read_once
            else parts.library.document_text(source)
        )

    answer.answer, answer.citations, answer.lead, answer.facts = compose(
        found, language, document_text, analysis, quote_language, own_words=plain
    )
    answer.quote_language = quote_language
    # An overview or a structural answer quotes passages retrieval did not return: list them.
    shown = {p.chunk_id for p in answer.passages}
    cited = [s.passage for s in found.sentences if s.passage.chunk_id not in shown]
    answer.passages = list({p.chunk_id: p for p in cited}.values()) + answer.passages
    answer.backend = "extractive"
    yield from _chunks(answer.answer)
    yield finish()


def _metadata_answer(
    field: str, article: ArticleView, source: str, language: str, answer: Answer
) -> None:
    """Fill `answer` with a metadata value cited from the byline, or an abstention."""
    citation = metadata_citation(field, article.meta, source, article.text, article.passages)
    answer.quote_language = article.language
    answer.backend = "extractive"
    if citation is None:
        answer.abstained = True
        answer.abstain_reason = f"the page records no {field}"
        answer.answer = not_recorded(field, language)
        return
    answer.confidence = 1.0
    answer.lead, fact = metadata_answer(field, citation, language)
    answer.facts = [fact]
    answer.citations = [citation]  # its page is added with every answer's (`_cited_articles`)
    answer.answer = f"{answer.lead}\n« {citation.quote} » [1]"


MAX_CHOICES = 3
# How far the closest article's best passage must lead the next one's for a question about a
# whole article to be taken as about it: among the 3 fixture articles and 40 generated ones,
# questions naming a subject ("Summarize the article about the water summit") led by
# 0.04-0.10, questions naming nothing ("De quoi parle cet article ?") by 0.001-0.014.
CLEAR_LEAD = 0.03
_WHICH_ARTICLE = {
    "fr": (
        "Plusieurs articles sont indexés et la question n’en nomme aucun. Lequel ? "
        "Les plus proches :",
        "Reposez la question en le nommant (son sujet, une personne ou un lieu qu’il cite), "
        "ou choisissez-le (`--source` en ligne de commande).",
    ),
    "en": (
        "Several articles are indexed and the question names none of them. Which one? The closest:",
        "Ask again naming it (its subject, a person or a place it mentions), or choose it "
        "(`--source` on the command line).",
    ),
}


def _articles_to_choose(
    analysis: QuestionAnalysis,
    asks_metadata: bool,
    question: str,
    passages: Sequence[Passage],
    sources: Sequence[str] | None,
) -> list[Passage]:
    """For a question about one whole article (its gist, its headline, its last paragraph,
    its author) that names nothing, asked with no article chosen or under discussion: the
    best passage of each article among the closest, when there is more than one article."""
    whole = analysis.intent == "overview" or bool(analysis.structure) or asks_metadata
    if sources is not None or not whole or anchors_of(question):
        return []
    best: dict[str, Passage] = {}
    for passage in passages:
        best.setdefault(passage.source, passage)
    ranked = list(best.values())
    if len(ranked) > 1 and ranked[0].score - ranked[1].score >= CLEAR_LEAD:
        return []  # "Résume l'article sur l'abbaye": its subject points at one article
    return ranked[:MAX_CHOICES] if len(ranked) > 1 else []


def _which_article_text(language: str, choices: Sequence[Passage]) -> str:
    """The question back to the user: which of these articles?"""
    ask, how = _WHICH_ARTICLE.get(language, _WHICH_ARTICLE["en"])
    open_quote, close_quote = ("« ", " »") if language == "fr" else ("“", "”")
    titles = [f"- {open_quote}{p.title or p.source}{close_quote} ({p.source})" for p in choices]
    return "\n".join([ask, *titles, how])


def _article_under_discussion(
    library: Library, question: str, history: Sequence[Turn]
) -> list[str] | None:
    """A follow-up stays with the article the previous answer cited, unless it names a place
    or a name that article never mentions (then every article is searched)."""
    cited = next((t.sources for t in reversed(history) if t.sources), ())
    if not cited:
        return None
    stated = analyse_question(question).constraints
    if not (stated.places or stated.names):
        return list(cited)
    try:
        texts = "\n".join(library.document_text(source) for source in cited)
    except AssistantError:
        return None  # the article was removed since
    # Names are compared across languages too: a name the article lacks only widens the
    # search back to every article, it refuses nothing.
    if missing_constraints(stated, texts, names=True, regions=False):
        return None
    return list(cited)


def _cited_articles(
    library: Library, citations: list[Citation]
) -> tuple[list[Citation], list[dict[str, str]]]:
    """The citations with their page (in a paged document such as a PDF), and which article
    the answer comes from: source, title, outlet and date where known (one index read)."""
    sources = list(dict.fromkeys(c.source for c in citations))
    if not sources:
        return citations, []
    records = library.document_records(sources)
    paged = [
        replace(c, page=records[c.source].meta.page_of(c.start))
        if c.source in records and records[c.source].meta.pages
        else c
        for c in citations
    ]
    articles = [
        {
            "source": source,
            "title": records[source].title,
            "outlet": records[source].meta.outlet,
            "published": records[source].meta.published,
        }
        for source in sources
        if source in records
    ]
    return paged, articles


def _written_lead(text: str) -> str:
    """A written answer's first line, when it states something before quoting."""
    first = text.strip().split("\n", 1)[0].strip()
    return "" if first.startswith(("«", "“", '"')) else first


def llm_premise_failure(
    analysis: QuestionAnalysis,
    citations: Sequence[Citation],
    passages: Sequence[Passage],
    article: ArticleView | None = None,
) -> Extract | None:
    """Why an LLM answer fails the premise check (None when its quotes hold the question's
    stated places, names and numbers, as an extractive answer's quote must)."""
    stated = analysis.constraints
    if article is not None:
        stated = without(stated, topic_entities(stated, article.text))
    if not stated or not citations:
        return None
    sections = {p.chunk_id: p.section for p in passages}
    for citation in citations:
        if citation.verified and not missing_constraints(
            stated, f"{sections.get(citation.chunk_id, '')}\n{citation.quote}", names=False
        ):
            return None
    return Extract(
        [],
        analysis.intent,
        0.0,
        "the quotes do not hold what the question states",
        apart=constraint_labels(analysis.constraints, analysis.text, names=False),
    )


def _article_view(library: Library, passages: Sequence[Passage]) -> ArticleView | None:
    """The whole document of the best passage (all chunks, its text and title)."""
    if not passages:
        return None
    source = passages[0].source
    record = library.document_record(source)  # read once for the whole question
    chunks = library.document_passages(source, record)
    text = library.document_text(source, record)
    language = library.document_language(source, record)
    meta = record.meta if record is not None else DocumentMeta()
    return ArticleView(text, passages[0].title, chunks, language, meta)


def _standalone(
    parts: AnswerParts, question: str, history: Sequence[Turn], llm: str, notices: list[str]
) -> str:
    if not history:
        return question
    if llm:
        from assistant.llm import condense_with_llm

        try:
            return condense_with_llm(parts.chat_model(llm), llm, question, history, parts.api_key)
        except LLMError as exc:
            notices.append(f"{exc} Follow-up rewritten without the LLM.")
    return condense(question, history, embedding_similarity(parts.embed_query))


def _chunks(text: str) -> Iterator[str]:
    for begin in range(0, len(text), STREAM_CHUNK):
        yield text[begin : begin + STREAM_CHUNK]
