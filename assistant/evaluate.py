"""Evaluation against fixture questions: retrieval recall and MRR of the evidence passage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.fixtures import Question
from assistant.types import Passage

if TYPE_CHECKING:
    from assistant.core import Assistant

RANK_DEPTH = 10


@dataclass(frozen=True)
class RetrievalResult:
    """Where the evidence passage of one question was ranked (0: not in the top RANK_DEPTH)."""

    question: Question
    rank: int


def evidence_rank(passages: Sequence[Passage], evidence: str) -> int:
    """1-based rank of the first passage containing the evidence, 0 if none does."""
    for rank, passage in enumerate(passages, 1):
        if evidence in passage.text:
            return rank
    return 0


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


def evaluate_retrieval(
    assistant: Assistant, questions: Sequence[Question]
) -> list[RetrievalResult]:
    """Rank the evidence passage of each standalone answerable question."""
    return [
        RetrievalResult(q, evidence_rank(assistant.search(q.q, RANK_DEPTH), q.evidence))
        for q in questions
        if q.answerable and q.evidence
    ]
