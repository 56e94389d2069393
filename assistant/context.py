"""What answering a question uses of the assistant, as a protocol: `answer.py` and `llm.py`
depend on it, not on `core.Assistant`, so no module of the package imports its importer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.embeddings import CachedQueryEmbeddings
    from assistant.retrieval import Retriever
    from assistant.store import ChunkStore, DocumentRecord
    from assistant.support import TokenEncoder
    from assistant.types import Passage


class AnswerContext(Protocol):
    """The index, the models and the settings a question is answered with."""

    support_notice: str  # a notice to show once with the next answer ('' for none)

    @property
    def settings(self) -> Settings: ...
    @property
    def embeddings(self) -> CachedQueryEmbeddings: ...
    @property
    def store(self) -> ChunkStore: ...
    @property
    def retriever(self) -> Retriever: ...
    @property
    def support_encoder(self) -> TokenEncoder | None: ...

    def disable_support_check(self, notice: str) -> None:
        """Answer without the support check from now on, saying why once."""

    def document_record(self, source: str) -> DocumentRecord | None:
        """What the index knows of a document."""

    def document_text(self, source: str, record: DocumentRecord | None = None) -> str:
        """The exact text of an indexed document."""

    def document_language(self, source: str, record: DocumentRecord | None = None) -> str:
        """The language of an indexed document."""

    def document_passages(self, source: str, record: DocumentRecord | None = None) -> list[Passage]:
        """Every chunk of an indexed document, in order."""

    def llm_backend(self, spec: str) -> Any:
        """The chat model for an `ASSISTANT_LLM` spec."""
