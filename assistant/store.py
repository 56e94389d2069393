"""The Chroma index: chunks, their sentences and the documents, kept consistent across failures.

Three collections share one name prefix:
  NAME              chunk embeddings (searched through langchain-chroma)
  NAME__sentences   sentence embeddings, computed at index time for the answerer
  NAME__documents   one record per document: exact text, title, hash and its chunk ids

The documents record is the commit point: a chunk counts only once the record of its
document lists it. New chunks are written first, then the record, then stale chunks are
deleted, so a run killed at any point leaves the previous version searchable.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlparse

from assistant.chunking import Chunk, chunk_document
from assistant.documents import Document
from assistant.errors import ConfigError, ModelMismatchError, StoreError
from assistant.formats import DocumentMeta
from assistant.language import document_language
from assistant.types import Passage

if TYPE_CHECKING:
    import chromadb
    from langchain_chroma import Chroma

    from assistant.embeddings import CachedQueryEmbeddings

SCHEMA_VERSION = 2
SENTENCES_SUFFIX = "__sentences"
DOCUMENTS_SUFFIX = "__documents"
WRITE_BATCH = 256
Progress = Callable[[int], None]


@dataclass(frozen=True)
class IndexResult:
    """What indexing one document did."""

    source: str
    status: str  # "added", "replaced" or "unchanged"
    chunks: int
    added: int
    removed: int


@dataclass(frozen=True)
class DocumentRecord:
    """A document as the index knows it."""

    source: str
    title: str
    sha: str
    chunk_ids: tuple[str, ...]
    chars: int
    language: str = ""  # 'fr' or 'en', detected when it was indexed ('' in older indexes)
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # author, date, outlet, pages


def make_client(index_dir: Path, chroma_url: str = "") -> chromadb.ClientAPI:
    """A Chroma client: the embedded store in `index_dir`, or a server at `chroma_url`."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if chroma_url:
        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise ConfigError(
                f"ASSISTANT_CHROMA_URL={chroma_url!r} is not an http(s)://host:port URL"
            )
        ssl = url.scheme == "https"
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if ssl else 8000),
                ssl=ssl,
                settings=settings,
            )
        except Exception as exc:
            raise StoreError(
                f"Cannot reach the Chroma server at {chroma_url}: {_reason(exc)}"
            ) from None
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(index_dir), settings=settings)
    except Exception as exc:
        raise StoreError(
            f"Cannot open the index in {index_dir}/ ({_reason(exc)}); "
            "run `assistant index --rebuild` to rebuild it"
        ) from None


def forget_client(client: chromadb.ClientAPI | None, index_dir: Path | None = None) -> None:
    """Drop Chroma's in-process cache entry for this store, so that the next client reopens
    the files (after a deletion, a rebuild by another process, or a failed open).

    Chroma shares one "system" per folder within a process; clearing its whole cache would
    break every other store open in the process, so only this store's entry goes.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    identifiers = {getattr(client, "_identifier", None)}
    if index_dir is not None:
        identifiers.add(str(index_dir))
    for identifier in identifiers - {None}:
        SharedSystemClient._identifier_to_system.pop(str(identifier), None)
        SharedSystemClient._identifier_to_refcount.pop(str(identifier), None)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


class ChunkStore:
    """Chunks, sentences and documents of one index, for one embedding model."""

    def __init__(
        self,
        client: chromadb.ClientAPI,
        embeddings: CachedQueryEmbeddings,
        collection: str = "articles",
        location: str = "index/",
    ) -> None:
        self.client = client
        self.embeddings = embeddings
        self.name = collection
        self.location = location
        self._vectorstore: Chroma | None = None

    # -- collections -------------------------------------------------------------------

    def _metadata(self) -> dict[str, Any]:
        return {"embedding_model": self.embeddings.model_id, "schema": SCHEMA_VERSION}

    def _collection(self, suffix: str = "", create: bool = False) -> chromadb.Collection | None:
        name = self.name + suffix
        try:
            if create:
                return self.client.get_or_create_collection(
                    name=name,
                    metadata=self._metadata(),
                    configuration={"hnsw": {"space": "cosine"}},
                )
            return self.client.get_collection(name=name)
        except Exception as exc:
            if not create and _is_not_found(exc):
                return None
            raise StoreError(
                f"The index in {self.location} cannot be used: {_reason(exc)}"
            ) from None

    def exists(self) -> bool:
        """Whether an index has been built here."""
        return self._collection(DOCUMENTS_SUFFIX) is not None

    def built_with(self) -> str | None:
        """The embedding model the index was built with, if there is an index."""
        collection = self._collection()
        if collection is None:
            return None
        return str((collection.metadata or {}).get("embedding_model", "unknown"))

    def check_model(self) -> None:
        """Raise `ModelMismatchError` when the index was built with another model or schema."""
        collection = self._collection()
        if collection is None:
            return
        metadata = collection.metadata or {}
        if metadata.get("schema") != SCHEMA_VERSION:
            raise ModelMismatchError(
                f"The index in {self.location} was built by another version of the assistant "
                f"(schema {metadata.get('schema')}, expected {SCHEMA_VERSION}); "
                "run `assistant index --rebuild`"
            )
        built = str(metadata.get("embedding_model", "unknown"))
        if built != self.embeddings.model_id:
            raise ModelMismatchError(
                f"The index in {self.location} was built with {built}, but the configured "
                f"embedding model is {self.embeddings.model_id}; run `assistant index --rebuild` "
                "or set ASSISTANT_EMBEDDINGS to match"
            )

    def _require(self, suffix: str = "") -> chromadb.Collection:
        collection = self._collection(suffix)
        if collection is None:
            raise StoreError(f"No index in {self.location}: run `assistant index` first")
        return collection

    def vectorstore(self) -> Chroma:
        """The chunks collection as a LangChain vector store."""
        if self._vectorstore is None:
            from langchain_chroma import Chroma

            self._require()
            self._vectorstore = Chroma(
                client=self.client,
                collection_name=self.name,
                embedding_function=self.embeddings,
                create_collection_if_not_exists=False,
            )
        return self._vectorstore

    # -- reading -----------------------------------------------------------------------

    def documents(self) -> list[DocumentRecord]:
        """Every document in the index (without its text)."""
        collection = self._collection(DOCUMENTS_SUFFIX)
        if collection is None:
            return []
        result = collection.get(include=["metadatas"])
        return [
            _record(i, m) for i, m in zip(result["ids"], result["metadatas"] or [], strict=True)
        ]

    def document_records(self, sources: Iterable[str]) -> dict[str, DocumentRecord]:
        """The records of the given sources that are in the index."""
        wanted = sorted(set(sources))
        if not wanted:
            return {}
        result = self._require(DOCUMENTS_SUFFIX).get(ids=wanted, include=["metadatas"])
        return {
            i: _record(i, m) for i, m in zip(result["ids"], result["metadatas"] or [], strict=True)
        }

    def document_text(self, source: str) -> str:
        """The exact text of an indexed document."""
        result = self._require(DOCUMENTS_SUFFIX).get(ids=[source], include=["documents"])
        documents = result["documents"] or []
        if not documents or documents[0] is None:
            raise StoreError(f"{source} is not in the index")
        return documents[0]

    def stats(self) -> dict[str, int]:
        """How many documents, chunks and sentences the index holds."""
        counts = {}
        for key, suffix in (
            ("documents", DOCUMENTS_SUFFIX),
            ("chunks", ""),
            ("sentences", SENTENCES_SUFFIX),
        ):
            collection = self._collection(suffix)
            counts[key] = collection.count() if collection is not None else 0
        return counts

    def search(
        self, vector: Sequence[float], k: int, sources: Sequence[str] | None = None
    ) -> list[Passage]:
        """The `k` chunks nearest to `vector` (of `sources` only, if given), committed ones."""
        self.check_model()
        collection = self._require()
        where = cast(Any, {"source": {"$in": list(sources)}}) if sources else None
        # Ask for a few more than k: chunks of an interrupted run are filtered out below.
        # Chroma directly, not through langchain-chroma: its import costs a cold start 0.5 s.
        try:
            # Chroma returns fewer results when it holds fewer; no count() (it grows with size).
            result = collection.query(
                query_embeddings=cast(Any, [list(vector)]),
                n_results=k + 8,
                where=where,
                include=cast(Any, ["documents", "metadatas", "distances"]),
            )
        except Exception as exc:
            raise StoreError(
                f"Searching the index in {self.location} failed: {_reason(exc)}"
            ) from None
        ids = result["ids"][0] if result["ids"] else []
        texts = (result["documents"] or [[]])[0]
        metas = (result["metadatas"] or [[]])[0]
        distances = (result["distances"] or [[]])[0]
        records = self.document_records(str((m or {}).get("source", "")) for m in metas)
        passages: list[Passage] = []
        for chunk_id, text, meta, distance in zip(ids, texts, metas, distances, strict=True):
            record = records.get(str((meta or {}).get("source")))
            if record is None or chunk_id not in record.chunk_ids:
                continue
            passage = _passage(
                chunk_id, text or "", meta or {}, 1.0 - float(distance), record.title
            )
            passages.append(replace(passage, language=record.language))
        return passages[:k]

    def chunks_of(self, chunk_ids: Sequence[str]) -> list[Passage]:
        """Chunks by id, scored 0 (for lexical retrieval and conversation context)."""
        if not chunk_ids:
            return []
        result = self._require().get(ids=list(chunk_ids), include=["documents", "metadatas"])
        by_id = {
            i: _passage(i, d or "", m or {}, 0.0, "")
            for i, d, m in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            )
        }
        return [by_id[i] for i in chunk_ids if i in by_id]

    def all_chunks(self) -> list[Passage]:
        """Every committed chunk (for lexical retrieval); not meant for very large indexes."""
        committed = {cid for record in self.documents() for cid in record.chunk_ids}
        result = self._require().get(include=["documents", "metadatas"])
        return [
            _passage(i, d or "", m or {}, 0.0, "")
            for i, d, m in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            )
            if i in committed
        ]

    def sentence_vectors(self, passages: Sequence[Passage]) -> dict[str, list[list[float]]]:
        """The sentence embeddings of each passage's chunk, in sentence order."""
        ids = [f"{p.chunk_id}:{n}" for p in passages for n in range(len(p.sentences))]
        if not ids:
            return {}
        result = self._require(SENTENCES_SUFFIX).get(ids=ids, include=["embeddings"])
        vectors = dict(zip(result["ids"], _rows(result["embeddings"]), strict=True))
        return {
            p.chunk_id: [vectors[f"{p.chunk_id}:{n}"] for n in range(len(p.sentences))]
            for p in passages
            if all(f"{p.chunk_id}:{n}" in vectors for n in range(len(p.sentences)))
        }

    # -- writing -----------------------------------------------------------------------

    def index_document(
        self, document: Document, max_chars: int = 1000, progress: Progress | None = None
    ) -> IndexResult:
        """Add or replace one document; an unchanged document adds nothing."""
        self.check_model()
        chunks_collection = self._collection(create=True)
        sentences_collection = self._collection(SENTENCES_SUFFIX, create=True)
        documents_collection = self._collection(DOCUMENTS_SUFFIX, create=True)
        assert chunks_collection and sentences_collection and documents_collection
        previous = self.document_records([document.source]).get(document.source)
        stored_ids = set(
            chunks_collection.get(where={"source": document.source}, include=[])["ids"]
        )
        if previous is not None and previous.sha == document.sha:
            leftovers = stored_ids - set(previous.chunk_ids)
            self._delete_chunks(sorted(leftovers))  # debris of an interrupted run
            return IndexResult(
                document.source, "unchanged", len(previous.chunk_ids), 0, len(leftovers)
            )

        chunks = chunk_document(document, max_chars=max_chars)
        new_chunks = [c for c in chunks if c.chunk_id not in stored_ids]
        self._write_chunks(document, new_chunks, progress)
        # The commit point: from here on, searches see the new version.
        documents_collection.upsert(
            ids=[document.source],
            documents=[document.text],
            embeddings=cast(Any, [[1.0]]),
            metadatas=[
                {
                    "title": document.title,
                    "sha": document.sha,
                    "chunk_ids": json.dumps([c.chunk_id for c in chunks]),
                    "chars": len(document.text),
                    "language": document_language(document.text),
                    "meta": json.dumps(document.meta.to_dict(), ensure_ascii=False),
                    "indexed_at": time.time(),
                }
            ],
        )
        stale = sorted(stored_ids - {c.chunk_id for c in chunks})
        self._delete_chunks(stale)
        status = "added" if previous is None else "replaced"
        return IndexResult(document.source, status, len(chunks), len(new_chunks), len(stale))

    def _write_chunks(
        self, document: Document, chunks: Sequence[Chunk], progress: Progress | None
    ) -> None:
        if not chunks:
            return
        sentence_rows = [
            (
                f"{chunk.chunk_id}:{n}",
                document.text[s:e],
                {"chunk_id": chunk.chunk_id, "n": n, "source": chunk.source},
            )
            for chunk in chunks
            for n, (s, e) in enumerate(chunk.sentences)
        ]
        chunk_vectors = self.embeddings.embed_passages(
            [c.embedding_text() for c in chunks], progress
        )
        sentence_vectors = self.embeddings.embed_passages(
            [text for _, text, _ in sentence_rows], progress
        )
        self._check_dimension(chunk_vectors + sentence_vectors)
        sentences = self._require(SENTENCES_SUFFIX)
        for begin in range(0, len(sentence_rows), WRITE_BATCH):
            rows = sentence_rows[begin : begin + WRITE_BATCH]
            sentences.upsert(
                ids=[r[0] for r in rows],
                documents=[r[1] for r in rows],
                metadatas=[r[2] for r in rows],  # type: ignore[misc]
                embeddings=sentence_vectors[begin : begin + WRITE_BATCH],  # type: ignore[arg-type]
            )
        collection = self._require()
        for begin in range(0, len(chunks), WRITE_BATCH):
            batch = chunks[begin : begin + WRITE_BATCH]
            collection.upsert(
                ids=[c.chunk_id for c in batch],
                documents=[c.text for c in batch],
                metadatas=[
                    {
                        "source": c.source,
                        "section": c.section,
                        "title": document.title,
                        "start": c.start,
                        "end": c.end,
                        "sentences": json.dumps(c.sentences),
                    }
                    for c in batch
                ],
                embeddings=chunk_vectors[begin : begin + WRITE_BATCH],  # type: ignore[arg-type]
            )

    def _check_dimension(self, vectors: Sequence[Sequence[float]]) -> None:
        """Refuse vectors of another size than the index holds (a server now serving another
        model under the same name), before anything is written."""
        sizes = {len(v) for v in vectors}
        stored = self._require().get(limit=1, include=["embeddings"])["embeddings"]
        if stored is not None and len(stored):
            sizes.add(len(stored[0]))
        if len(sizes) > 1:
            raise StoreError(
                f"The embedding model {self.embeddings.model_id} now gives vectors of "
                f"{', '.join(map(str, sorted(sizes)))} dimensions where the index holds one "
                "size; nothing was written (run `assistant index --rebuild` if the model changed)"
            )

    def _delete_chunks(self, chunk_ids: Sequence[str]) -> None:
        if not chunk_ids:
            return
        ids = list(chunk_ids)
        self._require().delete(ids=ids)
        self._require(SENTENCES_SUFFIX).delete(where=cast(Any, {"chunk_id": {"$in": ids}}))

    def remove_document(self, source: str) -> int:
        """Remove a document and its chunks; returns how many chunks went."""
        record = self.document_records([source]).get(source)
        if record is None:
            raise StoreError(f"{source} is not in the index (see `assistant index --list`)")
        # Uncommit first, so an interruption never leaves a half-removed document searchable.
        self._require(DOCUMENTS_SUFFIX).delete(ids=[source])
        stored = self._require().get(where={"source": source}, include=[])["ids"]
        self._delete_chunks(stored)
        return len(stored)

    def drop(self) -> None:
        """Delete all three collections."""
        for suffix in ("", SENTENCES_SUFFIX, DOCUMENTS_SUFFIX):
            if self._collection(suffix) is not None:
                self.client.delete_collection(self.name + suffix)
        self._vectorstore = None

    def rebuild(
        self, documents: Sequence[Document], max_chars: int = 1000, progress: Progress | None = None
    ) -> list[IndexResult]:
        """Build a fresh index of `documents` beside the old one, then swap it in."""
        staging = ChunkStore(
            self.client,
            self.embeddings,
            f"{self.name}__rebuild_{uuid.uuid4().hex[:8]}",
            self.location,
        )
        try:
            results = [staging.index_document(d, max_chars, progress) for d in documents]
        except BaseException:
            staging.drop()
            raise
        self.drop()
        for suffix in (SENTENCES_SUFFIX, "", DOCUMENTS_SUFFIX):
            self.client.get_collection(staging.name + suffix).modify(name=self.name + suffix)
        return results

    def stored_documents(self) -> list[Document]:
        """The indexed documents with their exact text (to rebuild without the files)."""
        collection = self._collection(DOCUMENTS_SUFFIX)
        if collection is None:
            return []
        result = collection.get(include=["documents", "metadatas"])
        return [
            Document(
                source=i,
                title=str((m or {}).get("title", "")),
                text=d or "",
                meta=_record(i, m).meta,  # a rebuild keeps the author, the date, the pages
            )
            for i, d, m in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            )
        ]


def _record(source: str, meta: Any) -> DocumentRecord:
    meta = meta or {}
    return DocumentRecord(
        source=source,
        title=str(meta.get("title", "")),
        sha=str(meta.get("sha", "")),
        chunk_ids=tuple(json.loads(str(meta.get("chunk_ids", "[]")))),
        chars=int(meta.get("chars", 0)),
        language=str(meta.get("language", "")),
        meta=DocumentMeta.from_dict(json.loads(str(meta.get("meta") or "{}"))),
    )


def _passage(chunk_id: str, text: str, meta: Any, score: float, title: str) -> Passage:
    return Passage(
        chunk_id=chunk_id,
        source=str(meta.get("source", "")),
        section=str(meta.get("section", "")),
        text=text,
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        score=score,
        title=title or str(meta.get("title", "")),
        sentences=tuple((int(a), int(b)) for a, b in json.loads(str(meta.get("sentences", "[]")))),
    )


def _is_not_found(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "notfound" in text.replace(" ", "") or "does not exist" in text or "not found" in text


def _rows(embeddings: Any) -> list[list[float]]:
    if embeddings is None:
        return []
    return [list(map(float, row)) for row in embeddings]
