"""Retrieval across languages: a passage in the other language than the question's is not
outranked by an equally good one in the question's language."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.retrieval import CANDIDATES, CROSS_LANGUAGE_BONUS, Retriever
from assistant.types import Passage


class _Store:
    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages

    def search(
        self,
        vector: Sequence[float],
        k: int,
        sources: object = None,
        other_language: str = "",
        other_k: int = 0,
    ) -> list[Passage]:
        others = [p for p in self.passages[k:] if p.language == other_language]
        return self.passages[:k] + others[:other_k]

    def sentence_vectors(self, passages: Sequence[Passage]) -> dict[str, object]:
        return {}


class _Embeddings:
    def embed_query(self, text: str) -> list[float]:
        return [1.0, 0.0]


def _passage(chunk_id: str, score: float, language: str) -> Passage:
    return Passage(chunk_id, f"{chunk_id}.txt", "", "text", 0, 4, score, language=language)


def test_an_english_question_reaches_a_french_passage_that_e5_scores_a_little_lower() -> None:
    english = _passage("en", 0.86, "en")
    french = _passage("fr", 0.86 - CROSS_LANGUAGE_BONUS / 2, "fr")
    retriever = Retriever(_Store([english, french]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert [p.chunk_id for p in retriever.search("How many meetings were held?", 2)] == [
        "fr",
        "en",
    ]
    # Asked in French, the English passage is the one in the other language.
    assert retriever.search("Combien de réunions ?", 2)[0].chunk_id == "en"
    # A much better passage in the question's language still wins.
    far = _passage("fr", 0.86 - 2 * CROSS_LANGUAGE_BONUS, "fr")
    retriever = Retriever(_Store([english, far]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("How many meetings were held?", 2)[0].chunk_id == "en"


def test_passages_of_unknown_language_get_no_bonus() -> None:
    old = _passage("old", 0.85, "")
    english = _passage("en", 0.86, "en")
    retriever = Retriever(_Store([old, english]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("How many meetings were held?", 2)[0].chunk_id == "en"


def test_a_french_passage_beyond_the_nearest_chunks_still_reaches_an_english_question() -> None:
    # Many English passages on the same topic fill the nearest-chunk pool...
    crowd = [_passage(f"en{i}", 0.80, "en") for i in range(CANDIDATES + 5)]
    french = _passage("fr", 0.79, "fr")
    retriever = Retriever(_Store([*crowd, french]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    # ...yet the French one is ranked, and outranks them once the language gap is made up.
    assert retriever.search("Which Asian countries were on his agenda?", 1)[0].chunk_id == "fr"
