"""Evaluation against fixture questions: retrieval, answers, citations, abstention, latency.

Every question goes through the code path users get (`Assistant.ask`, conversations turn
by turn with their history). Definitions (also in docs/evaluation.md):

- evidence rank: 1-based rank of the first of `answer.passages` (the top-k the answer
  used, after condensing a follow-up) whose text contains the evidence string; 0 when
  none does. Retrieval-only runs rank `search(question, RANK_DEPTH)` instead.
- correct: an answerable question whose answer matches every expected group and that
  was not abstained on.
- citation precision: over the citations of answers to answerable questions, the share
  whose cited passage (by chunk id among the answer's passages) contains the evidence.
- citation verification: over all citations, the share whose quote is verbatim in the
  source: `document_text(source)[start:end] == quote`.
- abstention precision: abstentions on unanswerable questions / all abstentions;
  abstention recall: abstentions on unanswerable questions / unanswerable questions.
- latency: p50 and p95 of `timings_ms["total"]`.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.fixtures import Fixtures, Question, matches_expected
from assistant.types import Answer, Citation, Passage, Turn

if TYPE_CHECKING:
    from assistant.core import Assistant

RANK_DEPTH = 10
RECALL_AT = (1, 3, 5)

AskFunction = Callable[[Question, Sequence[Turn]], Answer]
SearchFunction = Callable[[str, int], list[Passage]]
TextFunction = Callable[[str], str]
Progress = Callable[[int], Any]


@dataclass(frozen=True)
class RetrievalResult:
    """Where the evidence passage of one question was ranked (0: not in the top RANK_DEPTH)."""

    question: Question
    rank: int


@dataclass(frozen=True)
class CitationCheck:
    """One citation of an answer and what the evaluation found about it."""

    citation: Citation
    verified: bool
    on_evidence: bool | None  # None: the question has no evidence (unanswerable)

    def to_dict(self) -> dict[str, Any]:
        """The citation's JSON shape with the two checks."""
        return {
            **self.citation.to_dict(),
            "verified": self.verified,
            "on_evidence": self.on_evidence,
        }


@dataclass(frozen=True)
class QuestionResult:
    """How one fixture question (an item or a conversation turn) fared."""

    question: Question
    rank: int | None  # evidence rank (0: not among the passages); None without evidence
    answer: Answer | None = None  # None in retrieval-only runs
    correct: bool | None = None  # None for unanswerable questions and retrieval-only runs
    citations: tuple[CitationCheck, ...] = ()
    lead_correct: bool | None = None  # the lead states the `lead` facts (None: none expected)

    @property
    def abstained(self) -> bool:
        """Whether the answer was an abstention."""
        return self.answer is not None and self.answer.abstained

    @property
    def latency_ms(self) -> float | None:
        """Total time to answer, as the answer measured it."""
        if self.answer is None:
            return None
        return self.answer.timings_ms.get("total")

    @property
    def failures(self) -> list[str]:
        """Why this question counts as failed (empty when it passed)."""
        reasons: list[str] = []
        if self.answer is not None:
            if self.question.answerable and self.abstained:
                reasons.append("abstained")
            elif self.correct is False:
                reasons.append("wrong answer")
            if self.lead_correct is False and not self.abstained:
                reasons.append("lead lacks the fact in the asker's language")
            if not self.question.answerable and not self.abstained:
                reasons.append("did not abstain")
            if any(not c.verified for c in self.citations):
                reasons.append("unverified citation")
        if self.rank == 0:
            reasons.append("evidence not retrieved")
        return reasons

    def to_dict(self) -> dict[str, Any]:
        """One entry of the JSON report's `questions` list."""
        q = self.question
        answer = self.answer
        return {
            "id": q.id,
            "conversation": q.conversation or None,
            "turn": q.turn or None,
            "lang": q.lang,
            "kind": q.kind,
            "question": q.q,
            "standalone_question": (answer.standalone_question or answer.question)
            if answer
            else None,
            "answerable": q.answerable,
            "expect": [list(group) for group in q.expect],
            "evidence": q.evidence or None,
            "evidence_rank": self.rank,
            "answer": answer.answer if answer else None,
            "abstained": answer.abstained if answer else None,
            "abstain_reason": answer.abstain_reason if answer else None,
            "backend": answer.backend if answer else None,
            "correct": self.correct,
            "lead": answer.lead if answer else None,
            "lead_expect": [list(group) for group in q.lead] or None,
            "lead_correct": self.lead_correct,
            "citations": [c.to_dict() for c in self.citations],
            "latency_ms": round(self.latency_ms, 2) if self.latency_ms is not None else None,
            "notices": list(answer.notices) if answer else [],
            "failures": self.failures,
        }


@dataclass
class Evaluation:
    """One run over the fixture questions: the settings used and every question's result."""

    name: str
    settings: dict[str, Any]
    results: list[QuestionResult] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Metrics overall and split by language, by kind and by set (single / conversation)."""
        return {
            "overall": summarize(self.results),
            "by_language": _grouped(self.results, lambda r: r.question.lang or "unknown"),
            "by_kind": _grouped(self.results, lambda r: r.question.group),
            "by_set": _grouped(
                self.results,
                lambda r: "conversation" if r.question.conversation else "single",
                order=("single", "conversation"),
            ),
        }

    def failures(self) -> list[QuestionResult]:
        """The results that failed, in fixture order."""
        return [r for r in self.results if r.failures]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: settings, metrics and every question."""
        return {
            "settings": dict(self.settings),
            **self.summary(),
            "questions": [r.to_dict() for r in self.results],
        }


# -- scoring one answer ---------------------------------------------------------------


def evidence_rank(passages: Sequence[Passage], evidence: str) -> int:
    """1-based rank of the first passage containing the evidence, 0 if none does."""
    for rank, passage in enumerate(passages, 1):
        if evidence in passage.text:
            return rank
    return 0


def citation_verified(citation: Citation, document_text: TextFunction) -> bool:
    """Whether the quote is verbatim in its source at its offsets."""
    try:
        text = document_text(citation.source)
    except AssistantError:
        return False
    return bool(citation.quote) and text[citation.start : citation.end] == citation.quote


def citation_on_evidence(
    citation: Citation, passages: Sequence[Passage], evidence: str, document_text: TextFunction
) -> bool:
    """Whether the cited passage contains the evidence (by chunk id, else by offsets)."""
    for passage in passages:
        if passage.chunk_id == citation.chunk_id:
            return evidence in passage.text
    # The chunk is not among the answer's passages: fall back to the quote's own span.
    try:
        text = document_text(citation.source)
    except AssistantError:
        return False
    position = text.find(evidence)
    while position >= 0:
        if position < citation.end and citation.start < position + len(evidence):
            return True
        position = text.find(evidence, position + 1)
    return False


def score_answer(question: Question, answer: Answer, document_text: TextFunction) -> QuestionResult:
    """Score one answer against its fixture question."""
    checks = tuple(
        CitationCheck(
            citation,
            citation_verified(citation, document_text),
            citation_on_evidence(citation, answer.passages, question.evidence, document_text)
            if question.answerable and question.evidence
            else None,
        )
        for citation in answer.citations
    )
    correct = (
        (not answer.abstained and matches_expected(answer.answer, question.expect))
        if question.answerable
        else None
    )
    rank = evidence_rank(answer.passages, question.evidence) if question.evidence else None
    lead_correct = None
    if question.lead and question.answerable:
        lead = answer.lead or answer.answer.split("\n", 1)[0]
        lead_correct = not answer.abstained and matches_expected(lead, question.lead)
    return QuestionResult(question, rank, answer, correct, checks, lead_correct)


# -- metrics --------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The pct-th percentile with linear interpolation (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * pct / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summarize(results: Sequence[QuestionResult]) -> dict[str, Any]:
    """Every metric for a set of results; a metric with nothing to measure is None."""
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    ranks = [r.rank for r in answerable if r.rank is not None]
    answered = [r for r in results if r.answer is not None]
    graded = [r for r in answerable if r.correct is not None]
    leads = [r for r in answerable if r.lead_correct is not None]
    checks = [c for r in answered for c in r.citations]
    on_evidence = [c for c in checks if c.on_evidence is not None]
    abstained = [r for r in answered if r.abstained]
    answered_unanswerable = [r for r in unanswerable if r.answer is not None]
    abstained_correctly = [r for r in abstained if not r.question.answerable]
    latencies = [r.latency_ms for r in answered if r.latency_ms is not None]
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    metrics: dict[str, Any] = {
        "n_questions": len(results),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "n_ranked": len(ranks),
    }
    for at in RECALL_AT:
        metrics[f"recall@{at}"] = _ratio(sum(1 for r in ranks if 0 < r <= at), len(ranks))
    metrics["mrr"] = sum(1 / r for r in ranks if r) / len(ranks) if ranks else None
    metrics.update(
        {
            "correct": sum(1 for r in graded if r.correct),
            "n_graded": len(graded),
            "correctness": _ratio(sum(1 for r in graded if r.correct), len(graded)),
            "n_leads": len(leads),
            "n_lead_correct": sum(1 for r in leads if r.lead_correct),
            "lead_in_asker_language": _ratio(sum(1 for r in leads if r.lead_correct), len(leads)),
            "citations": len(checks),
            "citations_on_evidence": sum(1 for c in on_evidence if c.on_evidence),
            "citations_checked_for_evidence": len(on_evidence),
            "citation_precision": _ratio(
                sum(1 for c in on_evidence if c.on_evidence), len(on_evidence)
            ),
            "citations_verified": sum(1 for c in checks if c.verified),
            "citation_verification": _ratio(sum(1 for c in checks if c.verified), len(checks)),
            "abstained": len(abstained),
            "abstained_correctly": len(abstained_correctly),
            "abstention_precision": _ratio(len(abstained_correctly), len(abstained)),
            "abstention_recall": _ratio(len(abstained_correctly), len(answered_unanswerable)),
            "latency_p50_ms": round(p50, 2) if p50 is not None else None,
            "latency_p95_ms": round(p95, 2) if p95 is not None else None,
        }
    )
    return metrics


def _grouped(
    results: Sequence[QuestionResult],
    key: Callable[[QuestionResult], str],
    order: Sequence[str] = (),
) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[QuestionResult]] = {}
    for result in results:
        groups.setdefault(key(result), []).append(result)
    names = [n for n in order if n in groups] + sorted(set(groups) - set(order))
    return {name: summarize(groups[name]) for name in names}


def retrieval_metrics(ranks: Sequence[int]) -> dict[str, float]:
    """recall@1/3/5 and MRR from evidence ranks."""
    n = len(ranks) or 1
    return {
        "n": float(len(ranks)),
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        "recall@3": sum(1 for r in ranks if 0 < r <= 3) / n,
        "recall@5": sum(1 for r in ranks if 0 < r <= 5) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
    }


# -- running --------------------------------------------------------------------------


def count_questions(fixtures: Fixtures, retrieval_only: bool = False) -> int:
    """How many questions a run asks (for a progress bar)."""
    if retrieval_only:
        return sum(1 for q in fixtures.items if q.answerable and q.evidence)
    return len(fixtures.all_questions())


def run_questions(
    ask: AskFunction,
    fixtures: Fixtures,
    document_text: TextFunction,
    progress: Progress | None = None,
) -> list[QuestionResult]:
    """Ask every item, then every conversation turn by turn with its history, and score."""
    results: list[QuestionResult] = []
    for question in fixtures.items:
        results.append(score_answer(question, ask(question, ()), document_text))
        if progress:
            progress(1)
    for turns in fixtures.conversations.values():
        history: list[Turn] = []
        for question in turns:
            answer = ask(question, tuple(history))
            history.append(Turn.from_answer(answer))
            results.append(score_answer(question, answer, document_text))
            if progress:
                progress(1)
    return results


def run_retrieval(
    search: SearchFunction,
    questions: Iterable[Question],
    depth: int = RANK_DEPTH,
    progress: Progress | None = None,
) -> list[QuestionResult]:
    """Rank the evidence of each standalone answerable question in `search(q, depth)`."""
    results: list[QuestionResult] = []
    for question in questions:
        if question.answerable and question.evidence:
            rank = evidence_rank(search(question.q, depth), question.evidence)
            results.append(QuestionResult(question, rank))
            if progress:
                progress(1)
    return results


def evaluate_retrieval(
    assistant: Assistant, questions: Sequence[Question]
) -> list[RetrievalResult]:
    """Rank the evidence passage of each standalone answerable question."""
    return [
        RetrievalResult(r.question, r.rank or 0)
        for r in run_retrieval(assistant.search, questions, RANK_DEPTH)
    ]


@contextmanager
def assistant_for(fixtures: Fixtures, assistant: Assistant) -> Iterator[Assistant]:
    """The assistant to ask a fixture file's questions: over its own article, if it names one.

    The article is indexed into a temporary embedded store with the same embeddings and
    settings, so questions about any article are answered by the code path users get.
    """
    if fixtures.article is None:
        yield assistant
        return
    from pathlib import Path

    from assistant.core import Assistant
    from assistant.store import forget_client

    with tempfile.TemporaryDirectory(prefix="assistant-eval-") as folder:
        index_dir = Path(folder) / "index"
        scoped = Assistant(
            assistant.settings.replace(index_dir=index_dir, chroma_url=""),
            embeddings=assistant.embeddings,
        )
        report = scoped.index([fixtures.article])
        if report.errors:
            raise AssistantError(f"{fixtures.path}: {report.errors[0]}")
        try:
            yield scoped
        finally:
            forget_client(scoped._client, index_dir)


def merge(evaluations: Sequence[Evaluation]) -> Evaluation:
    """One evaluation over several fixture files (the first run's settings, all files named)."""
    if len(evaluations) == 1:
        return evaluations[0]
    first = evaluations[0]
    settings = dict(first.settings)
    settings["questions_file"] = ", ".join(
        str(e.settings.get("questions_file")) for e in evaluations
    )
    settings["documents"] = [d for e in evaluations for d in e.settings.get("documents", [])]
    return Evaluation(first.name, settings, [r for e in evaluations for r in e.results])


def assistant_settings(
    assistant: Assistant, fixtures: Fixtures, *, llm: str | None, k: int | None, mode: str
) -> dict[str, Any]:
    """What a run of the assistant was measured with (the JSON report's `settings`)."""
    settings = assistant.settings
    return {
        "system": "assistant",
        "mode": mode,
        "questions_file": str(fixtures.path),
        "embeddings": assistant.embeddings.model_id,
        "store": assistant.describe()["store"],
        "answerer": (settings.llm if llm is None else llm) or "extractive",
        "k": k or settings.top_k,
        "rank_depth": (k or RANK_DEPTH) if mode == "retrieval-only" else (k or settings.top_k),
        "lexical": settings.lexical,
        "chunk_max_chars": settings.chunk_max_chars,
        "documents": [r.source for r in assistant.store.documents()],
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def evaluate_assistant(
    assistant: Assistant,
    fixtures: Fixtures,
    *,
    llm: str | None = None,
    k: int | None = None,
    retrieval_only: bool = False,
    progress: Progress | None = None,
) -> Evaluation:
    """Run the fixture questions through `Assistant.ask` (or only its retrieval)."""
    mode = "retrieval-only" if retrieval_only else "full"
    settings = assistant_settings(assistant, fixtures, llm=llm, k=k, mode=mode)
    if retrieval_only:
        results = run_retrieval(assistant.search, fixtures.items, k or RANK_DEPTH, progress)
    else:

        def ask(question: Question, history: Sequence[Turn]) -> Answer:
            return assistant.ask(question.q, history, llm=llm, k=k)

        results = run_questions(ask, fixtures, assistant.document_text, progress)
        backends: dict[str, int] = {}
        for result in results:
            if result.answer is not None:
                backends[result.answer.backend] = backends.get(result.answer.backend, 0) + 1
        settings["backends_used"] = backends
    return Evaluation("assistant", settings, results)


def sweep_support(
    assistant: Assistant,
    fixtures: Fixtures,
    thresholds: Sequence[float],
    *,
    llm: str | None = None,
    k: int | None = None,
    progress: Progress | None = None,
) -> list[tuple[float, list[QuestionResult]]]:
    """The results at each support threshold: what a stricter check refuses, and costs."""
    configured = assistant.settings
    rows: list[tuple[float, list[QuestionResult]]] = []
    try:
        for threshold in thresholds:
            assistant.settings = configured.replace(support_check=True, support_threshold=threshold)
            run = evaluate_assistant(assistant, fixtures, llm=llm, k=k, progress=progress)
            rows.append((threshold, run.results))
    finally:
        assistant.settings = configured
    return rows


def merge_sweeps(
    sweeps: Sequence[Sequence[tuple[float, list[QuestionResult]]]],
) -> list[tuple[float, dict[str, Any]]]:
    """Overall metrics per threshold over the sweeps of several fixture files."""
    if not sweeps:
        return []
    return [
        (threshold, summarize([r for sweep in sweeps for r in sweep[n][1]]))
        for n, (threshold, _) in enumerate(sweeps[0])
    ]


# -- the confidence threshold, chosen by cross-validation -------------------------------

CONFIDENCE_GRID = tuple(round(0.70 + 0.005 * n, 3) for n in range(41))  # 0.70 … 0.90


@dataclass(frozen=True)
class FoldResult:
    """One fold: the threshold chosen on the other folds, and this fold's figures with it."""

    fold: int
    threshold: float
    metrics: dict[str, Any]


def _fold_of(question: Question, folds: int) -> int:
    import hashlib

    key = question.conversation or question.id  # a conversation stays in one fold
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % folds


def _decided(result: QuestionResult, threshold: float) -> tuple[bool, bool]:
    """(abstains, right) for one answer had the threshold been `threshold`."""
    answer = result.answer
    assert answer is not None
    abstains = answer.abstained or answer.confidence < threshold
    if result.question.answerable:
        return abstains, (not abstains) and bool(result.correct)
    return abstains, abstains


def threshold_metrics(results: Sequence[QuestionResult], threshold: float) -> dict[str, Any]:
    """Correctness, abstention recall and precision had answers below `threshold` abstained."""
    answerable = [r for r in results if r.question.answerable]
    unanswerable = [r for r in results if not r.question.answerable]
    decided = {id(r): _decided(r, threshold) for r in results}
    abstained = [r for r in results if decided[id(r)][0]]
    return {
        "threshold": threshold,
        "correctness": _ratio(sum(decided[id(r)][1] for r in answerable), len(answerable)),
        "abstention_recall": _ratio(
            sum(decided[id(r)][0] for r in unanswerable), len(unanswerable)
        ),
        "abstention_precision": _ratio(
            sum(1 for r in abstained if not r.question.answerable), len(abstained)
        ),
        "right": sum(decided[id(r)][1] for r in results),
        "n": len(results),
    }


def best_threshold(
    results: Sequence[QuestionResult], grid: Sequence[float] = CONFIDENCE_GRID
) -> float:
    """The threshold that gets most questions right (answered correctly or rightly refused);
    the middle of the best plateau, so a fold's noise does not push it to an edge."""
    scores = [threshold_metrics(results, t)["right"] for t in grid]
    top = max(scores)
    best = [t for t, s in zip(grid, scores, strict=True) if s == top]
    return best[len(best) // 2]


def cross_validate(
    results: Sequence[QuestionResult], folds: int = 5, grid: Sequence[float] = CONFIDENCE_GRID
) -> tuple[list[FoldResult], dict[str, Any], float]:
    """k-fold cross-validation of the confidence threshold over answers made without one.

    Returns each fold's threshold (chosen on the other folds) with the held-out fold's
    figures, the figures pooled over every held-out fold, and the threshold all data choose.
    """
    answered = [r for r in results if r.answer is not None]
    fold_results: list[FoldResult] = []
    pooled: list[tuple[QuestionResult, float]] = []
    for fold in range(folds):
        train = [r for r in answered if _fold_of(r.question, folds) != fold]
        held = [r for r in answered if _fold_of(r.question, folds) == fold]
        threshold = best_threshold(train, grid)
        fold_results.append(FoldResult(fold, threshold, threshold_metrics(held, threshold)))
        pooled += [(r, threshold) for r in held]
    answerable = [(r, t) for r, t in pooled if r.question.answerable]
    unanswerable = [(r, t) for r, t in pooled if not r.question.answerable]
    abstained = [(r, t) for r, t in pooled if _decided(r, t)[0]]
    summary = {
        "correctness": _ratio(sum(_decided(r, t)[1] for r, t in answerable), len(answerable)),
        "abstention_recall": _ratio(
            sum(_decided(r, t)[0] for r, t in unanswerable), len(unanswerable)
        ),
        "abstention_precision": _ratio(
            sum(1 for r, _ in abstained if not r.question.answerable), len(abstained)
        ),
        "n": len(pooled),
    }
    return fold_results, summary, best_threshold(answered, grid)
