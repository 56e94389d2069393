"""Fixture questions (YAML): load, validate against the documents, and match answers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.text import fold

ITEM_KEYS = {"id", "q", "lang", "kind", "expect", "lead", "evidence", "answerable", "category"}
TURN_KEYS = ITEM_KEYS - {"id"}
CONVERSATION_KEYS = {"id", "turns"}
TOP_KEYS = {"items", "conversations", "article"}
# How SQuAD 2.0 built unanswerable questions, plus requests that are not questions.
CATEGORIES = (
    "entity-swap",
    "negation",
    "false-premise",
    "absent-detail",
    "impossible-condition",
    "out-of-scope",
    "injection",
)


class FixtureError(AssistantError):
    """The fixture file cannot be used; the message names the file and the item."""


@dataclass(frozen=True)
class Question:
    """One fixture question (an item, or one turn of a conversation)."""

    id: str
    q: str
    lang: str = ""
    kind: str = ""
    expect: tuple[tuple[str, ...], ...] = ()
    evidence: str = ""
    answerable: bool = True
    conversation: str = ""
    turn: int = 0
    category: str = ""  # how an unanswerable question was made (CATEGORIES)
    lead: tuple[tuple[str, ...], ...] = ()  # what the lead line must state, asker's language

    @property
    def group(self) -> str:
        """The kind, or for an unanswerable question its category: a row of the report."""
        if not self.answerable and self.category:
            return f"unanswerable/{self.category}"
        return self.kind or "other"


@dataclass
class Fixtures:
    """All questions of a fixture file."""

    path: Path
    items: list[Question] = field(default_factory=list)
    conversations: dict[str, list[Question]] = field(default_factory=dict)
    article: Path | None = None  # the article the questions are about; None: the index's

    def all_questions(self) -> list[Question]:
        """Items first, then every conversation turn."""
        return self.items + [t for turns in self.conversations.values() for t in turns]


def default_fixture_path() -> Path:
    """tests/fixtures/questions.yaml beside the package (a source checkout)."""
    return Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "questions.yaml"


def load_fixtures(path: str | Path, documents: Sequence[str] = ()) -> Fixtures:
    """Parse and validate a fixture file; every evidence must be in one of `documents`."""
    import yaml

    path = Path(path)
    if not path.is_file():
        raise FixtureError(f"{path}: no such question file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise FixtureError(
            f"{path}{line}: not valid YAML: {getattr(exc, 'problem', None) or exc}"
        ) from None
    if not isinstance(data, dict):
        raise FixtureError(f"{path}: expected a mapping with `items` and `conversations`")
    _check_keys(path, "top level", data, TOP_KEYS)
    fixtures = Fixtures(path)
    if data.get("article") is not None:
        article = data["article"]
        if not isinstance(article, str) or not article.strip():
            raise FixtureError(f"{path}: `article` must be a path (relative to the file)")
        fixtures.article = (path.parent / article).resolve()
        if not fixtures.article.is_file():
            raise FixtureError(f"{path}: article {article!r} not found")
        # Evidence is checked against this article, whatever the index holds.
        documents = [fixtures.article.read_text(encoding="utf-8")]
    seen: set[str] = set()
    for position, raw in enumerate(data.get("items") or [], 1):
        item_id = str(raw.get("id", f"#{position}")) if isinstance(raw, dict) else f"#{position}"
        question = _question(path, item_id, raw, ITEM_KEYS, documents)
        if question.id in seen:
            raise FixtureError(f"{path}: item {question.id}: duplicate id")
        seen.add(question.id)
        fixtures.items.append(question)
    for position, raw in enumerate(data.get("conversations") or [], 1):
        conv_id = str(raw.get("id", f"#{position}")) if isinstance(raw, dict) else f"#{position}"
        if not isinstance(raw, dict):
            raise FixtureError(f"{path}: conversation {conv_id}: expected a mapping")
        _check_keys(path, f"conversation {conv_id}", raw, CONVERSATION_KEYS)
        turns = raw.get("turns")
        if not isinstance(turns, list) or not turns:
            raise FixtureError(f"{path}: conversation {conv_id}: needs a list of `turns`")
        if conv_id in seen:
            raise FixtureError(f"{path}: conversation {conv_id}: duplicate id")
        seen.add(conv_id)
        fixtures.conversations[conv_id] = [
            _question(
                path, f"{conv_id}.{n}", turn, TURN_KEYS, documents, conversation=conv_id, turn=n
            )
            for n, turn in enumerate(turns, 1)
        ]
    if not fixtures.items and not fixtures.conversations:
        raise FixtureError(f"{path}: no items and no conversations")
    return fixtures


def _check_keys(path: Path, where: str, raw: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise FixtureError(
            f"{path}: {where}: unknown key {', '.join(map(repr, unknown))} "
            f"(allowed: {', '.join(sorted(allowed))})"
        )


def _question(
    path: Path, qid: str, raw: Any, allowed: set[str], documents: Sequence[str], **extra: Any
) -> Question:
    where = f"item {qid}"
    if not isinstance(raw, dict):
        raise FixtureError(f"{path}: {where}: expected a mapping")
    _check_keys(path, where, raw, allowed)
    text = raw.get("q")
    if not isinstance(text, str) or not text.strip():
        raise FixtureError(f"{path}: {where}: `q` must be a non-empty question")
    answerable = raw.get("answerable", True)
    if not isinstance(answerable, bool):
        raise FixtureError(f"{path}: {where}: `answerable` must be true or false")
    expect = raw.get("expect") or []
    if not isinstance(expect, list) or not all(
        isinstance(g, list) and g and all(isinstance(a, (str, int, float)) for a in g)
        for g in expect
    ):
        raise FixtureError(f"{path}: {where}: `expect` must be a list of lists of strings")
    lead = raw.get("lead") or []
    if not isinstance(lead, list) or not all(
        isinstance(g, list) and g and all(isinstance(a, (str, int, float)) for a in g) for g in lead
    ):
        raise FixtureError(f"{path}: {where}: `lead` must be a list of lists of strings")
    category = str(raw.get("category") or "")
    if category and category not in CATEGORIES:
        raise FixtureError(
            f"{path}: {where}: unknown category {category!r} (one of {', '.join(CATEGORIES)})"
        )
    evidence = raw.get("evidence") or ""
    if not isinstance(evidence, str):
        raise FixtureError(f"{path}: {where}: `evidence` must be a string")
    if answerable and not evidence:
        raise FixtureError(f"{path}: {where}: an answerable question needs `evidence`")
    if evidence and documents and not any(evidence in d for d in documents):
        raise FixtureError(f"{path}: {where}: evidence {evidence!r} is not in any indexed document")
    return Question(
        id=qid,
        q=text,
        lang=str(raw.get("lang", "")),
        kind=str(raw.get("kind", "")) or ("unanswerable" if not answerable else ""),
        expect=tuple(tuple(str(a) for a in group) for group in expect),
        lead=tuple(tuple(str(a) for a in group) for group in lead),
        evidence=evidence,
        answerable=answerable,
        category=category,
        **extra,
    )


def matches_expected(answer: str, expect: Iterable[Sequence[str]]) -> bool:
    """Every group has an alternative in the answer (lower-cased, accents and spaces folded)."""
    folded = fold(answer)
    return all(any(fold(alt) in folded for alt in group) for group in expect)
