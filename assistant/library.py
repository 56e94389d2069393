"""The indexed documents as answering reads them: records, texts, chunks, languages and
sentence vectors (chunk lists cached while a document's hash is unchanged; the store caches
texts by version)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.formats import DocumentMeta
from assistant.language import document_language

if TYPE_CHECKING:
    import numpy as np

    from assistant.store import ChunkStore, DocumentRecord
    from assistant.types import Passage

CACHED_DOCUMENTS = 32  # chunk lists kept; beyond that the cache starts over


class Library:
    """Reads of the indexed documents for one store."""

    def __init__(self, store: ChunkStore) -> None:
        self.store = store
        self._chunks: dict[tuple[str, str], list[Passage]] = {}

    def document_record(self, source: str) -> DocumentRecord | None:
        """What the index knows of a document (None when it is not indexed): one read."""
        return self.store.document_records([source]).get(source)

    def document_records(self, sources: Sequence[str]) -> dict[str, DocumentRecord]:
        """The records of several documents, in one read."""
        return self.store.document_records(sources)

    def document_text(self, source: str, record: DocumentRecord | None = None) -> str:
        """The exact text of an indexed document; `record`, read for the same question, saves
        reading it again (the store keeps texts by version)."""
        return self.store.document_text(source, record)

    def article_info(self, source: str) -> tuple[str, DocumentMeta]:
        """An indexed document's title and what it says about itself (author, date, outlet,
        link, pages); empty for a document no longer indexed."""
        record = self.document_record(source)
        return (record.title, record.meta) if record is not None else ("", DocumentMeta())

    def document_language(self, source: str, record: DocumentRecord | None = None) -> str:
        """The language of an indexed document, as detected when it was indexed."""
        record = record or self.document_record(source)
        if record is not None and record.language:
            return record.language
        # An index from before languages were recorded.
        return document_language(self.document_text(source, record))

    def document_passages(self, source: str, record: DocumentRecord | None = None) -> list[Passage]:
        """Every chunk of an indexed document, in order (cached while its hash is unchanged)."""
        record = record or self.document_record(source)
        if record is None:
            return []
        key = (source, record.sha)
        if key not in self._chunks:
            if len(self._chunks) > CACHED_DOCUMENTS:
                self._chunks.clear()
            title = record.title
            self._chunks[key] = [
                replace(p, title=title) for p in self.store.chunks_of(list(record.chunk_ids))
            ]
        return self._chunks[key]

    def sentence_vectors(self, passages: Sequence[Passage]) -> dict[str, np.ndarray]:
        """The sentence embeddings of each passage's chunk, one row per sentence in order."""
        return self.store.sentence_vectors(passages)
