"""Rule-based follow-up rewriting, with a stub similarity (no model)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.conversation import condense, elliptical_focus
from assistant.types import Turn

NAMES = {"Amérique latine", "Asian", "Ethiopian", "Faisal Shehkar", "norvégienne"}


def similarity(focus: str, candidates: Sequence[str]) -> list[float]:
    return [1.0 if c in NAMES else 0.0 for c in candidates]


@pytest.mark.parametrize(
    ("previous", "follow_up", "expected"),
    [
        (
            "Quels pays d’Amérique latine ont rencontré Hammouchi ?",
            "Et en Asie ?",
            "Quels pays d’Asie ont rencontré Hammouchi ?",
        ),
        (
            "Which Asian countries sent delegations to meet Hammouchi?",
            "What about Europe?",
            "Which Europe countries sent delegations to meet Hammouchi?",
        ),
        (
            "What is the aim of the agreement with the Ethiopian federal police?",
            "And the one with Norway?",
            "What is the aim of the agreement with Norway federal police?",
        ),
        (
            "Quel accord a été signé avec la police norvégienne ?",
            "Et avec l’Éthiopie ?",
            "Quel accord a été signé avec la police Éthiopie ?",
        ),
        ("Qui est Faisal Shehkar ?", "Et Abdulmajid Al Bonyan ?", "Qui est Abdulmajid Al Bonyan ?"),
    ],
)
def test_elliptical_follow_ups_replace_the_previous_focus(
    previous: str, follow_up: str, expected: str
) -> None:
    assert elliptical_focus(follow_up)
    assert condense(follow_up, [Turn(previous, previous)], similarity) == expected


@pytest.mark.parametrize(
    "follow_up",
    ["What did he say about Morocco?", "At whose request?", "Et de quoi ont-ils discuté ?"],
)
def test_follow_ups_leaning_on_the_conversation_keep_it_as_context(follow_up: str) -> None:
    previous = "What role does Faisal Shehkar hold?"
    assert (
        condense(follow_up, [Turn(previous, previous)], similarity) == f"{follow_up} ({previous})"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Combien de réunions bilatérales Abdelatif Hammouchi a-t-il eues pendant l’assemblée d’Interpol ?",
        "Qui a demandé à organiser ces rencontres bilatérales ?",
        "Dans quels domaines les pays veulent-ils profiter de l’expertise du Maroc ?",
        "Which city hosted the Interpol General Assembly?",
    ],
)
def test_standalone_questions_are_left_alone(question: str) -> None:
    previous = "Qui est Tal Goldstein ?"
    assert elliptical_focus(question) == ""
    assert condense(question, [Turn(previous, previous)], similarity) == question


def test_contexts_keep_the_question_leaned_on_and_do_not_pile_up() -> None:
    # « Et ça démarre quand ? » after « Ça va coûter combien ? » after « Qu'est-ce qui est
    # prévu ? »: « ça » is what the first asked about
    first = "What role does Faisal Shehkar hold?"
    second = condense("What did he say?", [Turn(first, first)], similarity)
    turns = [Turn(first, first), Turn("What did he say?", second)]
    third = condense("And why?", turns, similarity)
    assert third == "And why? (What did he say? What role does Faisal Shehkar hold?)"
    fourth = condense("When?", [*turns, Turn("And why?", third)], similarity)
    assert fourth == "When? (And why? What role does Faisal Shehkar hold?)"


def test_a_follow_up_replaces_the_name_after_its_own_preposition() -> None:
    previous = "Le Maroc a-t-il signé quelque chose avec la Norvège ?"
    rewritten = condense("Et avec l’Éthiopie ?", [Turn(previous, previous)], similarity)
    assert rewritten == "Le Maroc a-t-il signé quelque chose avec l’Éthiopie ?"
