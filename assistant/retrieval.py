"""Retrieval: dense candidates from Chroma, re-scored with their best sentence and BM25,
with the articles the question's names point to.

Measured on the fixture questions (docs/architecture.md): a passage's score is the mean of
its own cosine and its best sentence's cosine, plus a small BM25 term over accent-folded,
prefix-truncated tokens (which lets "bilateral" meet "bilatérales"), computed over the
dense candidates only so the cost does not grow with the index.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from assistant.entities import anchors_of
from assistant.language import detect_language
from assistant.text import tokens
from assistant.types import Passage

if TYPE_CHECKING:
    from assistant.embeddings import CachedQueryEmbeddings
    from assistant.store import ChunkStore

CANDIDATES = 30
QUERY_MAX_CHARS = 600
CHUNK_WEIGHT = 0.5
FOCUS_WEIGHT = 2.0
LEXICAL_WEIGHT = 0.1
PREFIX_CHARS = 7
# e5 scores a passage in the question's own language higher than an equally relevant one in
# the other language, so among several articles an English question drifts to English
# articles. Chosen on the dev split with 40 generated news articles beside the fixture ones
# (`bench/routing.py`, docs/evaluation.md): English questions found their article
# first 0.46 -> 0.52 of the time, French 0.62 -> 0.62 (0.03 changed nothing).
CROSS_LANGUAGE_BONUS = 0.08
# Among many same-topic articles a French article's passages can all fall out of an English
# question's 30 nearest chunks (`bench/routing.py`: 8 of 14 dev misses on the bundled article),
# so the pool also takes the 10 nearest chunks of the other language's collection (store.py).
OTHER_LANGUAGE_CANDIDATES = 10
# A name the question shares with few documents points at them in either language ("Qui est
# Tal Goldstein ?" went to generated articles with a "who is <name>, <role>" sentence). Each
# document scores the share of the question's names it holds, weighted by rarity (IDF); the
# best few join the pool with their nearest chunks and that share adds to their passages'
# scores. Chosen on the dev questions with 1,000 generated articles (docs/evaluation.md).
ANCHOR_WEIGHT = 0.1
PASSAGE_ANCHOR_WEIGHT = 0.05  # per share of the question's names a passage holds
ANCHOR_DOCUMENTS = 3  # anchored documents whose nearest chunks join the pool
ANCHOR_CANDIDATES = 10
ANCHOR_MAX_DOCUMENTS = 50  # a name held by more documents singles none out
# A name counts in full for the documents about it (named in several paragraphs), half for
# those that mention it in passing: "Morocco" in a question went to an article naming a
# Moroccan delegation once (`bench/run.py --docs 100 --full-embed`: English R@1 0.833 ->
# 0.917; `bench/routing.py`: dev -1, frozen test +1 question; docs/evaluation.md).
PASSING_MENTION_SHARE = 0.5
# A when-question is answered by a sentence giving a date (the reader keeps only those), so a
# passage enters the k best by its best dated sentence, and one with none scores this much
# less; the k keep their order. On the 211 tuning questions asking when that have an evidence
# passage, it is among the 5 for 202 against 191 (`assistant eval --retrieval-only` at depth 5;
# at its default depth of 10, the 10 chosen so are listed by their own scores); read by
# the answerer, +4 right and +4 leads of 244, nothing lost. Not for counts and sums: with a
# number in more of the 5 passages, sums the article never gives were answered (-4 refusals,
# docs/evaluation.md).
UNDATED_PASSAGE_PENALTY = 0.1


def lexical_tokens(text: str) -> list[str]:
    """Accent-folded tokens cut to a prefix: a cheap stemmer that also meets cognates."""
    return [t[:PREFIX_CHARS] for t in tokens(text)]


@dataclass(frozen=True)
class Retrieval:
    """Ranked passages with what the answerer reuses: the query and sentence vectors."""

    passages: list[Passage]
    query_vector: np.ndarray
    sentence_vectors: dict[str, np.ndarray] = field(default_factory=dict)


class Retriever:
    """Finds the passages that best match a question."""

    def __init__(
        self,
        store: ChunkStore,
        embeddings: CachedQueryEmbeddings,
        lexical: bool = True,
        answer_form: Callable[[str], re.Pattern[str] | None] | None = None,
    ) -> None:
        self.store = store
        self.embeddings = embeddings
        self.lexical = lexical
        # The form a sentence answering a question must have (a date for "when"), or None.
        self.answer_form = answer_form

    def search(
        self, question: str, k: int = 5, sources: Sequence[str] | None = None
    ) -> list[Passage]:
        """The `k` best passages for `question`, best first."""
        return self.retrieve(question, k, sources=sources).passages

    def retrieve(
        self, question: str, k: int = 5, focus: str = "", sources: Sequence[str] | None = None
    ) -> Retrieval:
        """The `k` best passages with the vectors used to rank them.

        `focus` is the new subject of an elliptical follow-up ("Asie" in "Et en Asie ?"):
        passages must match it as well as the rewritten question. `sources` limits the
        search to these indexed documents.
        """
        # The model reads 512 tokens at most; longer input only costs time.
        query = np.asarray(
            self.embeddings.embed_query(question[:QUERY_MAX_CHARS]), dtype=np.float32
        )
        asked_in = detect_language(question)  # 'fr' or 'en'
        candidates = self.store.search(
            query.tolist(),
            max(k, CANDIDATES),
            sources,
            "fr" if asked_in == "en" else "en",
            OTHER_LANGUAGE_CANDIDATES,
        )
        anchored = self._anchor_shares(question, sources)
        present = {p.source for p in candidates}
        unseen = [s for s in sorted(anchored, key=lambda s: -anchored[s]) if s not in present]
        if unseen[:ANCHOR_DOCUMENTS]:
            found = self.store.search(query.tolist(), ANCHOR_CANDIDATES, unseen[:ANCHOR_DOCUMENTS])
            ids = {p.chunk_id for p in candidates}
            candidates += [p for p in found if p.chunk_id not in ids]
        if not candidates:
            return Retrieval([], query)
        scores = np.array([p.score for p in candidates], dtype=np.float32)
        sentence_vectors = self.store.sentence_vectors(candidates)
        # each candidate's sentences against the question, computed once for what reads them
        cosines = {chunk_id: vectors @ query for chunk_id, vectors in sentence_vectors.items()}
        best_sentence = np.array(
            [
                float(np.max(cosines[p.chunk_id])) if p.chunk_id in cosines else p.score
                for p in candidates
            ],
            dtype=np.float32,
        )
        combined = CHUNK_WEIGHT * scores + (1 - CHUNK_WEIGHT) * best_sentence
        if focus:
            combined = combined + FOCUS_WEIGHT * self._focus_scores(
                focus, candidates, sentence_vectors
            )
        if self.lexical:
            combined = combined + LEXICAL_WEIGHT * bm25_scores(question, candidates)
        if anchored:
            shares = [anchored.get(p.source, 0.0) for p in candidates]
            combined = combined + ANCHOR_WEIGHT * np.array(shares, dtype=np.float32)
        named = _places(question)
        if named:
            # "Did he meet anyone from BRAZIL?" of « … du Brésil … »: the passages that name
            # the places the question names, in either language (CLDR codes; names are
            # spelled alike, and the lexical score finds them).
            held = [named & _places(p.text) for p in candidates]
            # Not what most passages name (the article's subject, « le Maroc »): no clue.
            rare = {a for a in named if sum(a in h for h in held) <= len(candidates) / 3}
            holding = [len(h & rare) / len(named) for h in held]
            combined = combined + PASSAGE_ANCHOR_WEIGHT * np.array(holding, dtype=np.float32)
        other = np.array([bool(p.language) and p.language != asked_in for p in candidates])
        combined = combined + CROSS_LANGUAGE_BONUS * other.astype(np.float32)
        form = self.answer_form(question) if self.answer_form is not None else None
        shifts = _form_shifts(form, candidates, cosines, best_sentence) if form is not None else 0.0
        chosen = np.argsort(-(combined + shifts), kind="stable")[:k]
        order = sorted(chosen, key=lambda i: -combined[i])  # the k keep their own scores' order
        passages = [replace(candidates[i], score=float(combined[i])) for i in order]
        kept = {
            p.chunk_id: sentence_vectors[p.chunk_id]
            for p in passages
            if p.chunk_id in sentence_vectors
        }
        return Retrieval(passages, query, kept)

    def _anchor_shares(self, question: str, sources: Sequence[str] | None) -> dict[str, float]:
        """The documents holding names of the question, each with the IDF-weighted share of
        those names it holds (nothing when the search is over one document: the index holds
        one, or one is chosen or under discussion)."""
        anchors = anchors_of(question)
        if not anchors or (sources is not None and len(set(sources)) < 2):
            return {}
        total_documents = self.store.document_count()
        if total_documents < 2:
            return {}
        holders = self.store.anchored_documents(anchors, ANCHOR_MAX_DOCUMENTS)
        weights = {
            a: math.log(1 + total_documents / (len(holders.get(a, ())) + 0.5)) for a in anchors
        }
        whole = sum(weights.values())
        # Which holders are about the name matters only when several hold it.
        shared = [a for a, d in holders.items() if 1 < len(d) <= ANCHOR_MAX_DOCUMENTS]
        about = (
            self.store.anchored_documents(shared, ANCHOR_MAX_DOCUMENTS, protagonists=True)
            if shared
            else {}
        )
        scope = set(sources) if sources else None
        shares: dict[str, float] = defaultdict(float)
        for anchor, documents in holders.items():
            if len(documents) > ANCHOR_MAX_DOCUMENTS:
                continue
            leading = set(about.get(anchor, documents))
            for source in documents:
                if scope is None or source in scope:
                    share = 1.0 if source in leading else PASSING_MENTION_SHARE
                    shares[source] += share * weights[anchor] / whole
        return dict(shares)

    def _focus_scores(
        self, focus: str, candidates: list[Passage], sentence_vectors: dict[str, np.ndarray]
    ) -> np.ndarray:
        """How well each candidate's best sentence matches the focus alone."""
        vector = np.asarray(self.embeddings.embed_query(focus), dtype=np.float32)
        return np.array(
            [
                float(np.max(sentence_vectors[p.chunk_id] @ vector))
                if p.chunk_id in sentence_vectors
                else 0.0
                for p in candidates
            ],
            dtype=np.float32,
        )


def _form_shifts(
    form: re.Pattern[str],
    candidates: list[Passage],
    cosines: dict[str, np.ndarray],
    best_sentence: np.ndarray,
) -> np.ndarray:
    """How each candidate's score moves when its best sentence must have `form`."""
    shifts = []
    for passage, best in zip(candidates, best_sentence, strict=True):
        of_form = [
            float(cosine)
            for (start, end), cosine in zip(
                passage.sentences, cosines.get(passage.chunk_id, ()), strict=False
            )
            if form.search(passage.text[start - passage.start : end - passage.start])
        ]
        shifts.append(max(of_form) - float(best) if of_form else -UNDATED_PASSAGE_PENALTY)
    return (1 - CHUNK_WEIGHT) * np.array(shifts, dtype=np.float32)


def _places(text: str) -> set[str]:
    """The CLDR codes of the countries and regions a text names."""
    return {a for a in anchors_of(text) if a.isupper() or a.isdigit()}


def bm25_scores(question: str, passages: list[Passage]) -> np.ndarray:
    """BM25 of each passage for the question, scaled so the best is 1 (0 when none match)."""
    from rank_bm25 import BM25Okapi

    corpus = [lexical_tokens(f"{p.section}\n{p.text}") or ["_"] for p in passages]
    raw = np.asarray(BM25Okapi(corpus).get_scores(lexical_tokens(question)), dtype=np.float32)
    top = float(raw.max()) if raw.size else 0.0
    return raw / top if top > 0 else np.zeros(len(passages), dtype=np.float32)
