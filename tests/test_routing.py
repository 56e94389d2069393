"""Retrieval across languages and articles: a passage in the other language than the
question's is not outranked by an equally good one in the question's language, and a name
the question shares with few articles brings theirs forward."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.retrieval import (
    ANCHOR_MAX_DOCUMENTS,
    ANCHOR_WEIGHT,
    CANDIDATES,
    CROSS_LANGUAGE_BONUS,
    PASSAGE_ANCHOR_WEIGHT,
    PASSING_MENTION_SHARE,
    Retriever,
)
from assistant.types import Passage


class _Store:
    def __init__(self, passages: list[Passage], anchors: dict[str, set[str]] | None = None) -> None:
        self.passages = passages
        self.anchors = anchors or {}  # document -> its anchors
        self.lookups = 0

    def search(
        self,
        vector: Sequence[float],
        k: int,
        sources: Sequence[str] | None = None,
        other_language: str = "",
        other_k: int = 0,
    ) -> list[Passage]:
        pool = [p for p in self.passages if not sources or p.source in sources]
        others = [p for p in pool[k:] if p.language == other_language]
        return pool[:k] + others[:other_k]

    def document_count(self) -> int:
        return len({p.source for p in self.passages})

    def anchored_documents(
        self, anchors: Sequence[str], limit: int, protagonists: bool = False
    ) -> dict[str, list[str]]:
        self.lookups += 1
        mark = "*" if protagonists else ""  # "MA*": the document is about Morocco
        held = {a: sorted(d for d, own in self.anchors.items() if a + mark in own) for a in anchors}
        return {a: documents[: limit + 1] for a, documents in held.items()}

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


def test_a_rare_name_of_the_question_brings_its_article_into_the_pool_and_forward() -> None:
    # Passages of articles about other people, all nearer to "who is <name>" than the one
    # article that names the person, which is not even among the nearest chunks.
    crowd = [_passage(f"en{i}", 0.85, "en") for i in range(CANDIDATES + 10)]
    profile = _passage("profile", 0.85 - ANCHOR_WEIGHT / 2, "en")
    anchors = {p.source: {"MA", "smith"} for p in crowd} | {"profile.txt": {"MA", "golds", "tal"}}
    retriever = Retriever(_Store([*crowd, profile], anchors), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("Who is Tal Goldstein?", 1)[0].chunk_id == "profile"
    # A name no article holds, or one too many hold, changes nothing.
    assert retriever.search("Who is Jean Dupont?", 1)[0].chunk_id == "en0"
    crowd = [_passage(f"en{i}", 0.85, "en") for i in range(ANCHOR_MAX_DOCUMENTS + 1)]
    common = {p.source: {"golds", "tal"} for p in crowd}
    retriever = Retriever(_Store([*crowd, profile], anchors | common), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("Who is Tal Goldstein?", 1)[0].chunk_id == "en0"


def test_names_are_not_used_to_rank_the_passages_of_one_article() -> None:
    near = Passage("a", "one.txt", "", "text", 0, 4, 0.86, language="en")
    named = Passage("b", "one.txt", "", "text", 0, 4, 0.85, language="en")
    retriever = Retriever(
        _Store([near, named], {"one.txt": {"golds"}}), _Embeddings(), lexical=False
    )  # type: ignore[arg-type]
    assert [p.chunk_id for p in retriever.search("Who is Tal Goldstein?", 2)] == ["a", "b"]


def test_a_search_within_one_chosen_article_looks_up_no_names() -> None:
    store = _Store([_passage("a", 0.85, "en"), _passage("b", 0.84, "en")], {"b.txt": {"golds"}})
    retriever = Retriever(store, _Embeddings(), lexical=False)  # type: ignore[arg-type]
    retriever.search("Who is Tal Goldstein?", 1, sources=["a.txt"])
    assert store.lookups == 0
    assert retriever.search("Who is Tal Goldstein?", 1)[0].chunk_id == "b"
    assert store.lookups == 1


def test_a_name_counts_more_for_the_article_about_it_than_for_one_mentioning_it() -> None:
    gap = ANCHOR_WEIGHT * (1 - PASSING_MENTION_SHARE) / 2
    passing = _passage("passing", 0.85, "en")  # names Morocco once
    about = _passage("about", 0.85 - gap, "en")  # names Morocco throughout
    anchors = {"passing.txt": {"MA"}, "about.txt": {"MA", "MA*"}}
    retriever = Retriever(_Store([passing, about], anchors), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("What did Morocco's police sign?", 1)[0].chunk_id == "about"
    # Two articles mentioning it in passing are told apart by their passages alone.
    anchors["about.txt"] = {"MA"}
    retriever = Retriever(_Store([passing, about], anchors), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("What did Morocco's police sign?", 1)[0].chunk_id == "passing"


def test_a_country_the_question_names_brings_forward_the_passage_naming_it_in_french() -> None:
    def passage(chunk_id: str, score: float, text: str) -> Passage:
        return Passage(chunk_id, "one.txt", "", text, 0, len(text), score, language="fr")

    near = passage("near", 0.86, "Des réunions avec des délégations d’Inde et de Chine.")
    brazil = passage("brazil", 0.86 - PASSAGE_ANCHOR_WEIGHT / 2, "Des partenariats du Brésil.")
    others = [passage(f"o{i}", 0.5, "Le Maroc et la sécurité.") for i in range(4)]
    retriever = Retriever(_Store([near, brazil, *others]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("Did he meet anyone from Brazil?", 1)[0].chunk_id == "brazil"
    # A country most passages name (the article's subject) tells no passage apart.
    morocco = [passage(f"m{i}", 0.5, "Le Maroc coopère.") for i in range(4)]
    india = passage("india", 0.86 - PASSAGE_ANCHOR_WEIGHT / 4, "Des réunions avec l’Inde.")
    subject = passage("subject", 0.86, "Le Maroc, acteur fiable.")
    retriever = Retriever(_Store([subject, india, *morocco]), _Embeddings(), lexical=False)  # type: ignore[arg-type]
    assert retriever.search("Did Morocco meet India?", 1)[0].chunk_id == "india"


class _SentenceStore(_Store):
    """A store whose passages' sentences have vectors: each sentence's cosine is given."""

    def __init__(self, passages: list[Passage], cosines: dict[str, list[float]]) -> None:
        super().__init__(passages)
        self.cosines = cosines

    def sentence_vectors(self, passages: Sequence[Passage]) -> dict[str, object]:
        import numpy as np

        return {
            p.chunk_id: np.array([[c, 0.0] for c in self.cosines[p.chunk_id]], dtype=np.float32)
            for p in passages
        }


def _sentenced(chunk_id: str, score: float, sentences: list[str]) -> Passage:
    text = " ".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Passage(chunk_id, "a.txt", "", text, 0, len(text), score, sentences=tuple(spans))


def test_a_when_question_takes_the_passage_with_a_dated_sentence_among_the_k_best() -> None:
    from assistant.extractive import answer_form

    # "When does the pool reopen?": the passage about the pool that gives no date scores best,
    # the dated one a little less; the reader can only answer from a dated sentence.
    undated = _sentenced("undated", 0.86, ["The pool will reopen once the roof is repaired."])
    dated = _sentenced("dated", 0.84, ["Works start on 3 March.", "The pool shuts for good."])
    other = _sentenced("other", 0.85, ["Swimmers signed a petition."])
    store = _SentenceStore(
        [undated, other, dated], {"undated": [0.86], "other": [0.85], "dated": [0.84, 0.80]}
    )
    plain = Retriever(store, _Embeddings(), lexical=False)  # type: ignore[arg-type]
    typed = Retriever(store, _Embeddings(), lexical=False, answer_form=answer_form)  # type: ignore[arg-type]
    question = "When does the pool reopen?"
    assert [p.chunk_id for p in plain.search(question, k=2)] == ["undated", "other"]
    assert [p.chunk_id for p in typed.search(question, k=2)] == ["undated", "dated"]
    # the k best keep the order of their scores, and a question of another kind is not typed
    assert [p.chunk_id for p in typed.search(question, k=3)] == ["undated", "other", "dated"]
    assert [p.chunk_id for p in typed.search("Why does the pool shut?", k=2)] == [
        "undated",
        "other",
    ]
