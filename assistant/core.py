"""The `Assistant`: wires settings to embeddings, store, retriever and answerer for front ends."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.documents import Document, load_bundled_article, load_document, source_id
from assistant.errors import AssistantError
from assistant.types import Answer, Passage, Turn

if TYPE_CHECKING:
    import chromadb

    from assistant.embeddings import CachedQueryEmbeddings
    from assistant.retrieval import Retriever
    from assistant.store import ChunkStore, IndexResult

ProgressFactory = Callable[[int, str], Callable[[int], None]]


@dataclass
class IndexReport:
    """What an `assistant index` run did."""

    results: list[IndexResult]
    errors: list[str]


class Assistant:
    """The one object front ends use; dependencies are injected or built from settings."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embeddings: CachedQueryEmbeddings | None = None,
        client: chromadb.ClientAPI | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self._embeddings = embeddings
        self._client = client
        self._store: ChunkStore | None = None
        self._retriever: Retriever | None = None
        self._texts: dict[tuple[str, str], str] = {}
        self._llms: dict[str, Any] = {}

    # -- seams -------------------------------------------------------------------------

    @property
    def embeddings(self) -> CachedQueryEmbeddings:
        """The embedding backend (built from settings on first use)."""
        if self._embeddings is None:
            from assistant.embeddings import make_embeddings

            self._embeddings = make_embeddings(self.settings.embeddings)
        return self._embeddings

    @property
    def store(self) -> ChunkStore:
        """The Chroma index (embedded, or a server when `chroma_url` is set)."""
        if self._store is None:
            from assistant.store import ChunkStore, make_client

            if self._client is None:
                self._client = make_client(self.settings.index_dir, self.settings.chroma_url)
            location = self.settings.chroma_url or f"{self.settings.index_dir}/"
            self._store = ChunkStore(
                self._client, self.embeddings, self.settings.collection, location
            )
        return self._store

    @property
    def retriever(self) -> Retriever:
        """Dense retrieval, with BM25 fused in when `lexical` is on."""
        if self._retriever is None:
            from assistant.retrieval import Retriever

            self._retriever = Retriever(self.store, self.embeddings, lexical=self.settings.lexical)
        return self._retriever

    def describe(self) -> dict[str, str]:
        """Which embedding model, store and answerer are in use."""
        return {
            "embeddings": self.embeddings.model_id,
            "store": f"Chroma server {self.settings.chroma_url}"
            if self.settings.chroma_url
            else f"Chroma (embedded) in {self.settings.index_dir}/",
            "answerer": self.settings.llm or "extractive",
        }

    # -- indexing ----------------------------------------------------------------------

    def index(
        self,
        paths: Sequence[str | os.PathLike[str]] = (),
        *,
        rebuild: bool = False,
        progress: ProgressFactory | None = None,
    ) -> IndexReport:
        """Index files (the bundled article when none are given); bad files are reported."""
        documents, errors = self._load(paths)
        if rebuild:
            kept = {d.source for d in documents}
            documents += [d for d in self.store.stored_documents() if d.source not in kept]
            results = self.store.rebuild(
                documents, self.settings.chunk_max_chars, _progress(progress, documents)
            )
            return IndexReport(results, errors)
        self.store.check_model()
        results = []
        for document in documents:
            results.append(
                self.store.index_document(
                    document, self.settings.chunk_max_chars, _progress(progress, [document])
                )
            )
        return IndexReport(results, errors)

    def _load(self, paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[str]]:
        if not paths:
            return [load_bundled_article()], []
        documents, errors = [], []
        for path in paths:
            try:
                documents.append(load_document(path))
            except AssistantError as exc:
                errors.append(str(exc))
        return documents, errors

    def remove(self, paths: Sequence[str]) -> dict[str, int]:
        """Remove documents by the path they were indexed under."""
        return {source_id(p): self.store.remove_document(source_id(p)) for p in paths}

    def ensure_index(self, progress: ProgressFactory | None = None) -> bool:
        """Build the index from the bundled article if there is none; True if it built one."""
        if self.store.exists():
            return False
        self.index(progress=progress)
        return True

    # -- questions ---------------------------------------------------------------------

    def search(self, question: str, k: int | None = None) -> list[Passage]:
        """The best passages for a question."""
        from assistant.questions import clean_question

        return self.retriever.search(clean_question(question), k or self.settings.top_k)

    def document_text(self, source: str) -> str:
        """The exact text of an indexed document (cached while its hash is unchanged)."""
        record = self.store.document_records([source]).get(source)
        key = (source, record.sha if record else "")
        if key not in self._texts:
            if len(self._texts) > 32:
                self._texts.clear()
            self._texts[key] = self.store.document_text(source)
        return self._texts[key]

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        *,
        llm: str | None = None,
        k: int | None = None,
    ) -> Answer:
        """Answer a question (with the conversation so far) from the indexed articles."""
        final: Answer | None = None
        for event in self.ask_stream(question, history, llm=llm, k=k):
            if isinstance(event, Answer):
                final = event
        assert final is not None
        return final

    def ask_stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        *,
        llm: str | None = None,
        k: int | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the answer text as it is produced, then the complete `Answer`."""
        from assistant.answer import answer_stream

        yield from answer_stream(
            self, question, history, llm=self.settings.llm if llm is None else llm, k=k
        )

    def llm_backend(self, spec: str) -> Any:
        """The chat model for an `ASSISTANT_LLM`-style spec (built once per spec)."""
        if spec not in self._llms:
            from assistant.llm import make_chat_model

            self._llms[spec] = make_chat_model(spec, self.settings)
        return self._llms[spec]


def _progress(
    factory: ProgressFactory | None, documents: Sequence[Document]
) -> Callable[[int], None] | None:
    if factory is None:
        return None
    # Chunks and sentences are both encoded; a rough total is enough for a progress bar.
    estimate = sum(max(1, len(d.text) // 120) for d in documents)
    return factory(estimate, "embedding")
