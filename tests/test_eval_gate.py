"""CI gate: the default answerer on the bundled article must not fall below today's figures."""

from __future__ import annotations

import pytest

from assistant.core import Assistant
from assistant.documents import load_bundled_article
from assistant.evaluate import evaluate_assistant
from assistant.fixtures import default_fixture_path, load_fixtures
from assistant.reports import format_table

# Thresholds a few points under the figures measured on 2026-11-29 with the extractive
# answerer, e5 embeddings, lexical on, k=5, support check on, on
# tests/fixtures/questions.yaml (47 single answerable + 15 unanswerable questions,
# 9 conversations of 22 turns): answer correctness 64/68 = 0.941, abstention recall
# 13/16 = 0.812 (precision 13/13), retrieval R@3 47/47 = 1.000 on single questions and
# 66/68 = 0.971 on all answerable ones. On the held-out questions (tests/fixtures/
# heldout.yaml, never used for tuning): correctness 15/16, abstention recall 10/14; on
# the second held-out set (heldout2.yaml): correctness 9/10, abstention recall 2/10.
# Raise them when the answerer improves; never lower them to make a change pass.
MIN_ANSWER_CORRECTNESS = 0.90
MIN_ABSTENTION_RECALL = 0.75
MIN_ABSTENTION_PRECISION = 0.95
MIN_HELDOUT_CORRECTNESS = {"heldout.yaml": 0.85, "heldout2.yaml": 0.80}
MIN_HELDOUT_ABSTENTION_RECALL = {"heldout.yaml": 0.65, "heldout2.yaml": 0.15}
MIN_RECALL_AT_3_SINGLE = 0.95
MIN_RECALL_AT_3_ALL = 0.93


def test_default_answerer_meets_the_gate(indexed: Assistant) -> None:
    fixtures = load_fixtures(default_fixture_path(), [load_bundled_article().text])
    evaluation = evaluate_assistant(indexed, fixtures, llm="")
    summary = evaluation.summary()
    overall, single = summary["overall"], summary["by_set"]["single"]
    report = "\n" + format_table(evaluation)

    assert overall["correctness"] >= MIN_ANSWER_CORRECTNESS, report
    assert overall["abstention_recall"] >= MIN_ABSTENTION_RECALL, report
    assert overall["abstention_precision"] >= MIN_ABSTENTION_PRECISION, report
    assert single["recall@3"] >= MIN_RECALL_AT_3_SINGLE, report
    assert overall["recall@3"] >= MIN_RECALL_AT_3_ALL, report
    unverified = [
        (r.question.id, c.citation.quote)
        for r in evaluation.results
        for c in r.citations
        if not c.verified
    ]
    assert not unverified, f"citations not verbatim in the source: {unverified}"
    assert overall["citations"] > 0


@pytest.mark.parametrize("name", sorted(MIN_HELDOUT_CORRECTNESS))
def test_held_out_questions_generalise(indexed: Assistant, name: str) -> None:
    """Questions written before the abstention rules were designed, never used to tune them."""
    path = default_fixture_path().with_name(name)
    evaluation = evaluate_assistant(indexed, load_fixtures(path), llm="")
    overall = evaluation.summary()["overall"]
    report = "\n" + format_table(evaluation)
    assert overall["correctness"] >= MIN_HELDOUT_CORRECTNESS[name], report
    assert overall["abstention_recall"] >= MIN_HELDOUT_ABSTENTION_RECALL[name], report
