"""The Chroma index: chunks, their sentences and the documents, kept consistent across failures.

Collections sharing one name prefix:
  NAME__chunks_fr,  chunk embeddings and offsets of the French and of the English documents;
  NAME__chunks_en   each chunk's metadata also carries its sentences' embeddings, computed
                    at index time for the answerer, packed as 8-bit integers (`vectors.py`)
  NAME__documents   one record per document: title, hash, language, its chunk ids; its
                    metadata names the model and the schema
  NAME__texts       each document's exact text, compressed, keyed by source and hash
  NAME__anchors     the names that single each document out (`entities.anchors_of`), as a
                    metadata list Chroma finds by element; apart from the records, whose
                    every read would otherwise carry them (+10 ms a question)

One chunk collection per language, because e5 scores a passage in the question's language
higher than an equally relevant one in the other: among many articles, the other language's
best chunks fall hundreds of places down one shared ranking, and only a query of their own
collection finds them at the cost of one more nearest-neighbour search (a metadata filter
costs Chroma a scan of every match: +35 ms at 1,000 articles).

Chroma indexes every stored text for full-text search and every metadata string twice, none
of which this index uses: a chunk's text is sliced from its document's text, and sentence
vectors are only ever read by chunk. So texts are stored once, compressed, as metadata, and
sentence vectors beside their chunk (schema 2 kept them in a searchable collection): the
index went from 294 to 127 KB per generated 5.6 KB article (`bench/standin_scale.py`).

The documents record is the commit point: a chunk counts only once the record of its
document lists it. New chunks are written first, then the record, then stale chunks are
deleted, so a run killed at any point leaves the previous version searchable.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlparse

import numpy as np

from assistant.chunking import Chunk, chunk_document
from assistant.documents import Document
from assistant.entities import anchors_of
from assistant.entities import protagonists as protagonists_of
from assistant.errors import ConfigError, ModelMismatchError, StoreError
from assistant.formats import DocumentMeta
from assistant.language import document_language
from assistant.types import Passage
from assistant.vectors import pack, unpack

if TYPE_CHECKING:
    import chromadb

    from assistant.embeddings import CachedQueryEmbeddings

SCHEMA_VERSION = 4
LEGACY_SENTENCES_SUFFIX = "__sentences"  # schema 2 kept sentence vectors in a collection
LEGACY_CHUNKS_SUFFIX = ""  # schemas 2 and 3 kept every chunk in one collection
LANGUAGES = ("fr", "en")  # what `document_language` tells apart; a chunk id starts with it
DOCUMENTS_SUFFIX = "__documents"
TEXTS_SUFFIX = "__texts"
ANCHORS_SUFFIX = "__anchors"
WRITE_BATCH = 256
VECTOR_KEY = "v"  # metadata keys v0, v1, …: the packed vector of each sentence
RECENT_VECTORS = 512  # chunks whose sentence vectors are kept from recent searches
MAX_ANCHORS = 300  # names kept per document (the most frequent, for long documents)
# A name a document is about is stored twice, the second time marked ("MA" and "MA*"), so that
# one lookup finds the documents about it (`entities.protagonists`).
PROTAGONIST_MARK = "*"
ANCHORS_VERSION = 2  # 2: names marked as protagonists; an index with older names re-reads them
TEXT_CACHE = 256  # document texts kept decompressed (about 1.5 MB of 5.6 KB articles)
Progress = Callable[[int], None]
T = TypeVar("T")


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
    sentences: int = 0
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
        # Collections by name: getting one costs Chroma a round trip (~3 ms, 4 per question).
        self._handles: dict[str, chromadb.Collection] = {}
        # Texts by source@sha: a version's text never changes, so it is read once.
        self._text_cache: OrderedDict[str, str] = OrderedDict()
        # Sentence vectors of the chunks last returned by `search`, read with them.
        self._recent_vectors: dict[str, np.ndarray] = {}

    # -- collections -------------------------------------------------------------------

    def _metadata(self) -> dict[str, Any]:
        return {
            "embedding_model": self.embeddings.model_id,
            "schema": SCHEMA_VERSION,
            "anchors_version": ANCHORS_VERSION,
        }

    def _collection(self, suffix: str = "", create: bool = False) -> chromadb.Collection | None:
        name = self.name + suffix
        if not create and name in self._handles:
            return self._handles[name]
        try:
            if create:
                collection = self.client.get_or_create_collection(
                    name=name,
                    metadata=self._metadata(),
                    configuration={"hnsw": {"space": "cosine"}},
                )
            else:
                collection = self.client.get_collection(name=name)
        except Exception as exc:
            if not create and _is_not_found(exc):
                return None
            raise StoreError(
                f"The index in {self.location} cannot be used: {_reason(exc)}"
            ) from None
        self._handles[name] = collection
        return collection

    def _fresh(self, read: Callable[[], T]) -> T:
        """Run a read; if it fails with collection handles kept from earlier, get them again
        and retry once (another process may have rebuilt the index since)."""
        if not self._handles:
            return read()
        try:
            return read()
        except Exception:
            self._handles.clear()
            return read()

    def _chunks(self, language: str, create: bool = False) -> chromadb.Collection | None:
        """The chunk collection of one document language."""
        return self._collection(_chunks_suffix(language), create)

    def _chunk_collections(self) -> list[chromadb.Collection]:
        """The chunk collections that exist."""
        return [c for c in (self._chunks(lang) for lang in LANGUAGES) if c is not None]

    def _by_language(
        self, chunk_ids: Sequence[str]
    ) -> Iterator[tuple[chromadb.Collection, list[str]]]:
        """The chunk ids grouped by the collection that holds them (an id starts with its
        document's language), for the collections that exist."""
        for language in LANGUAGES:
            ids = [i for i in chunk_ids if i.startswith(f"{language}-")]
            collection = self._chunks(language) if ids else None
            if collection is not None:
                yield collection, ids

    def _get_chunks(self, chunk_ids: Sequence[str]) -> list[tuple[str, Any]]:
        """(id, metadata) of the chunks that exist, each read from its language's collection."""
        found: list[tuple[str, Any]] = []
        for collection, ids in self._by_language(chunk_ids):
            result = collection.get(ids=ids, include=["metadatas"])
            found += zip(result["ids"], result["metadatas"] or [], strict=True)
        return found

    def _stored_chunk_ids(self, source: str) -> set[str]:
        """The ids of every chunk stored for `source`, committed or not."""
        where = cast(Any, {"source": source})
        return {i for c in self._chunk_collections() for i in c.get(where=where, include=[])["ids"]}

    def exists(self) -> bool:
        """Whether an index has been built here."""
        return self._collection(DOCUMENTS_SUFFIX) is not None

    def built_with(self) -> str | None:
        """The embedding model the index was built with, if there is an index."""
        collection = self._collection(DOCUMENTS_SUFFIX)
        if collection is None:
            return None
        return str((collection.metadata or {}).get("embedding_model", "unknown"))

    def outdated(self) -> bool:
        """Whether the index was built by an older version of the assistant (older schema)."""
        collection = self._collection(DOCUMENTS_SUFFIX)
        schema = (collection.metadata or {}).get("schema") if collection is not None else None
        return isinstance(schema, int) and schema < SCHEMA_VERSION

    def check_model(self) -> None:
        """Raise `ModelMismatchError` when the index was built with another model or schema."""
        collection = self._collection(DOCUMENTS_SUFFIX)
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

    def document_text(self, source: str, record: DocumentRecord | None = None) -> str:
        """The exact text of an indexed document (of `record`'s version, if given: one read
        fewer; texts are cached by version)."""
        return self._fresh(lambda: self._document_text(source, record))

    def _document_text(self, source: str, record: DocumentRecord | None) -> str:
        record = record or self.document_records([source]).get(source)
        text = self._texts([record] if record else []).get(source)
        if text is None:
            raise StoreError(f"{source} is not in the index")
        return text

    def _texts(self, records: Iterable[DocumentRecord]) -> dict[str, str]:
        """The exact text of each record's version of its document, by source."""
        wanted = {_text_id(r.source, r.sha): r.source for r in records}
        cache = self._text_cache
        missing = sorted(i for i in wanted if i not in cache)
        if missing:
            result = self._require(TEXTS_SUFFIX).get(ids=missing, include=["metadatas"])
            for i, m in zip(result["ids"], result["metadatas"] or [], strict=True):
                cache[i] = _decompress(str((m or {}).get("text", "")))
            while len(cache) > TEXT_CACHE:
                cache.popitem(last=False)
        for i in wanted:
            if i in cache:
                cache.move_to_end(i)
        return {source: cache[i] for i, source in wanted.items() if i in cache}

    def stats(self) -> dict[str, int]:
        """How many documents, chunks and sentences the index holds."""
        records = self.documents()
        return {
            "documents": len(records),
            "chunks": sum(c.count() for c in self._chunk_collections()),
            "sentences": sum(r.sentences for r in records),
        }

    def document_count(self) -> int:
        """How many documents the index holds."""

        def read() -> int:
            collection = self._collection(DOCUMENTS_SUFFIX)
            return collection.count() if collection is not None else 0

        return self._fresh(read)

    def anchored_documents(
        self, anchors: Iterable[str], limit: int, protagonists: bool = False
    ) -> dict[str, list[str]]:
        """For each anchor, the documents that hold it (`protagonists`: that are about it):
        `limit` + 1 of them at most, so that more than `limit` means "too common to tell
        documents apart"."""
        mark = PROTAGONIST_MARK if protagonists else ""

        def read() -> dict[str, list[str]]:
            collection = self._collection(ANCHORS_SUFFIX)
            if collection is None:
                return {}
            return {
                anchor: collection.get(
                    where=cast(Any, {"anchors": {"$contains": anchor + mark}}),
                    limit=limit + 1,
                    include=[],
                )["ids"]
                for anchor in anchors
            }

        return self._fresh(read)

    def search(
        self,
        vector: Sequence[float],
        k: int,
        sources: Sequence[str] | None = None,
        other_language: str = "",
        other_k: int = 0,
    ) -> list[Passage]:
        """The `k` committed chunks nearest to `vector` (of `sources` only, if given), then up
        to `other_k` more of documents in `other_language`, from the next nearest."""
        return self._fresh(lambda: self._search(vector, k, sources, other_language, other_k))

    def _search(
        self,
        vector: Sequence[float],
        k: int,
        sources: Sequence[str] | None,
        other_language: str,
        other_k: int,
    ) -> list[Passage]:
        self.check_model()
        if not self.exists():
            raise StoreError(f"No index in {self.location}: run `assistant index` first")
        where = cast(Any, {"source": {"$in": list(sources)}}) if sources else None
        # A few more than k from each language: chunks of an interrupted run are filtered out
        # below. Ids and distances first (a query with metadata costs Chroma ~8 times more).
        # Chroma directly, not through langchain-chroma: its import costs a cold start 0.5 s.
        distance: dict[str, float] = {}
        other: list[str] = []
        try:
            for language in LANGUAGES:
                collection = self._chunks(language)
                if collection is None:
                    continue
                # Chroma returns fewer results when it holds fewer; no count() (it grows).
                found = collection.query(
                    query_embeddings=cast(Any, [list(vector)]),
                    n_results=k + 8,
                    where=where,
                    include=cast(Any, ["distances"]),
                )
                ids = found["ids"][0] if found["ids"] else []
                distance.update(zip(ids, (found["distances"] or [[]])[0], strict=True))
                if language == other_language:
                    other = ids
            nearest = sorted(distance, key=distance.__getitem__)[: k + 8]
            taken = set(nearest)
            extra = [i for i in other if i not in taken][: other_k + 4] if other_k else []
            by_id = dict(self._get_chunks(nearest + extra))
        except Exception as exc:
            raise StoreError(
                f"Searching the index in {self.location} failed: {_reason(exc)}"
            ) from None
        passages = self._committed(
            [(i, by_id[i], distance[i]) for i in nearest + extra if i in by_id]
        )
        extra_ids = set(extra)
        main = [p for p in passages if p.chunk_id not in extra_ids][:k]
        return main + [p for p in passages if p.chunk_id in extra_ids][:other_k]

    def _committed(
        self, found: Sequence[tuple[str, Any, float]], keep_vectors: bool = True
    ) -> list[Passage]:
        """Passages of the (id, metadata, distance) found that their document's record lists,
        in order, keeping their sentence vectors for `sentence_vectors` if asked."""
        records = self.document_records(str((m or {}).get("source", "")) for _, m, _ in found)
        texts = self._texts(records.values())
        passages: list[Passage] = []
        vectors: dict[str, np.ndarray] = {}
        for chunk_id, meta, distance in found:
            record = records.get(str((meta or {}).get("source")))
            if record is None or chunk_id not in record.chunk_ids or record.source not in texts:
                continue
            passage = _passage(
                chunk_id, texts[record.source], meta or {}, 1.0 - float(distance), record.title
            )
            passages.append(replace(passage, language=record.language))
            packed = _packed_vectors(meta, len(passage.sentences)) if keep_vectors else None
            if packed is not None:
                vectors[chunk_id] = packed
        if len(self._recent_vectors) > RECENT_VECTORS:
            self._recent_vectors = {}
        self._recent_vectors.update(vectors)
        return passages

    def chunks_of(self, chunk_ids: Sequence[str]) -> list[Passage]:
        """Chunks by id, scored 0 (for lexical retrieval and conversation context)."""
        if not chunk_ids:
            return []
        found = self._get_chunks(chunk_ids)
        return self._unscored([i for i, _ in found], [m for _, m in found])

    def all_chunks(self) -> list[Passage]:
        """Every committed chunk (for lexical retrieval); not meant for very large indexes."""
        ids: list[str] = []
        metas: list[Any] = []
        for collection in self._chunk_collections():
            result = collection.get(include=["metadatas"])
            ids += result["ids"]
            metas += result["metadatas"] or []
        return self._unscored(ids, metas)

    def _unscored(self, ids: Sequence[str], metas: Sequence[Any]) -> list[Passage]:
        found = [(i, m, 1.0) for i, m in zip(ids, metas, strict=True)]  # distance 1: score 0
        return self._committed(found, keep_vectors=False)

    def sentence_vectors(self, passages: Sequence[Passage]) -> dict[str, np.ndarray]:
        """The sentence embeddings of each passage's chunk, one row per sentence in order."""
        recent = self._recent_vectors
        vectors = {p.chunk_id: recent[p.chunk_id] for p in passages if p.chunk_id in recent}
        missing = [p for p in passages if p.chunk_id not in vectors]
        if missing:  # chunks not found by the last search: read their metadata
            counts = {p.chunk_id: len(p.sentences) for p in missing}
            for chunk_id, meta in self._get_chunks(list(counts)):
                packed = _packed_vectors(meta, counts[chunk_id])
                if packed is not None:
                    vectors[chunk_id] = packed
        return vectors

    # -- writing -----------------------------------------------------------------------

    def index_document(
        self, document: Document, max_chars: int = 1000, progress: Progress | None = None
    ) -> IndexResult:
        """Add or replace one document; an unchanged document adds nothing."""
        self.check_model()
        language = document_language(document.text)
        chunks_collection = self._chunks(language, create=True)
        texts_collection = self._collection(TEXTS_SUFFIX, create=True)
        documents_collection = self._collection(DOCUMENTS_SUFFIX, create=True)
        assert chunks_collection and texts_collection and documents_collection
        previous = self.document_records([document.source]).get(document.source)
        stored_ids = self._stored_chunk_ids(document.source)
        if previous is not None and previous.sha == document.sha:
            leftovers = stored_ids - set(previous.chunk_ids)
            self._delete_chunks(sorted(leftovers))  # debris of an interrupted run
            return IndexResult(
                document.source, "unchanged", len(previous.chunk_ids), 0, len(leftovers)
            )

        chunks = [
            replace(c, chunk_id=f"{language}-{c.chunk_id}")  # see `search`
            for c in chunk_document(document, max_chars=max_chars)
        ]
        new_chunks = [c for c in chunks if c.chunk_id not in stored_ids]
        self._write_chunks(document, new_chunks, language, progress)
        # Each version's text has its own id, so the previous version stays whole until the
        # record below points to the new one.
        texts_collection.upsert(
            ids=[_text_id(document.source, document.sha)],
            embeddings=cast(Any, [[1.0]]),
            metadatas=[{"source": document.source, "text": _compress(document.text)}],
        )
        # Read only through records, so a stale list of names does no harm.
        self._write_anchors(document.source, document.text)
        # The commit point: from here on, searches see the new version.
        documents_collection.upsert(
            ids=[document.source],
            embeddings=cast(Any, [[1.0]]),
            metadatas=[
                {
                    "title": document.title,
                    "sha": document.sha,
                    "chunk_ids": json.dumps([c.chunk_id for c in chunks]),
                    "chars": len(document.text),
                    "sentences": sum(len(c.sentences) for c in chunks),
                    "language": language,
                    "meta": json.dumps(document.meta.to_dict(), ensure_ascii=False),
                    "indexed_at": time.time(),
                }
            ],
        )
        stale = sorted(stored_ids - {c.chunk_id for c in chunks})
        self._delete_chunks(stale)
        self._delete_texts(document.source, keep=_text_id(document.source, document.sha))
        status = "added" if previous is None else "replaced"
        return IndexResult(document.source, status, len(chunks), len(new_chunks), len(stale))

    def _write_chunks(
        self,
        document: Document,
        chunks: Sequence[Chunk],
        language: str,
        progress: Progress | None,
    ) -> None:
        if not chunks:
            return
        chunk_vectors = self.embeddings.embed_passages(
            [c.embedding_text() for c in chunks], progress
        )
        sentence_vectors = self.embeddings.embed_passages(
            [document.text[s:e] for chunk in chunks for s, e in chunk.sentences], progress
        )
        self._check_dimension(chunk_vectors + sentence_vectors)
        # One key per sentence: SQLite stores a metadata string over ~1 KB partly in overflow
        # pages, in the metadata table and again in Chroma's index on it (a chunk's vectors as
        # one string took twice the space).
        packed: list[dict[str, str]] = []
        rows = iter(sentence_vectors)
        for chunk in chunks:
            packed.append(
                {f"{VECTOR_KEY}{n}": pack([next(rows)]) for n in range(len(chunk.sentences))}
            )
        collection = self._chunks(language, create=True)
        assert collection is not None
        for begin in range(0, len(chunks), WRITE_BATCH):
            batch = chunks[begin : begin + WRITE_BATCH]
            collection.upsert(
                ids=[c.chunk_id for c in batch],
                metadatas=[
                    {
                        "source": c.source,
                        "section": c.section,
                        "language": language,
                        "start": c.start,
                        "end": c.end,
                        "sentences": json.dumps(c.sentences),
                        **vectors,
                    }
                    for c, vectors in zip(batch, packed[begin : begin + WRITE_BATCH], strict=True)
                ],
                embeddings=chunk_vectors[begin : begin + WRITE_BATCH],  # type: ignore[arg-type]
            )

    def _check_dimension(self, vectors: Sequence[Sequence[float]]) -> None:
        """Refuse vectors of another size than the index holds (a server now serving another
        model under the same name), before anything is written."""
        sizes = {len(v) for v in vectors}
        for collection in self._chunk_collections():
            stored = collection.get(limit=1, include=["embeddings"])["embeddings"]
            if stored is not None and len(stored):
                sizes.add(len(stored[0]))
        if len(sizes) > 1:
            raise StoreError(
                f"The embedding model {self.embeddings.model_id} now gives vectors of "
                f"{', '.join(map(str, sorted(sizes)))} dimensions where the index holds one "
                "size; nothing was written (run `assistant index --rebuild` if the model changed)"
            )

    def _delete_chunks(self, chunk_ids: Sequence[str]) -> None:
        for collection, ids in self._by_language(chunk_ids):
            collection.delete(ids=ids)

    def _delete_texts(self, source: str, keep: str = "") -> None:
        texts = self._require(TEXTS_SUFFIX)
        stored = texts.get(where={"source": source}, include=[])["ids"]
        stale = [i for i in stored if i != keep]
        if stale:
            texts.delete(ids=stale)

    def remove_document(self, source: str) -> int:
        """Remove a document and its chunks; returns how many chunks went."""
        record = self.document_records([source]).get(source)
        if record is None:
            raise StoreError(f"{source} is not in the index (see `assistant index --list`)")
        # Uncommit first, so an interruption never leaves a half-removed document searchable.
        self._require(DOCUMENTS_SUFFIX).delete(ids=[source])
        stored = sorted(self._stored_chunk_ids(source))
        self._delete_chunks(stored)
        self._delete_texts(source)
        if (anchors := self._collection(ANCHORS_SUFFIX)) is not None:
            anchors.delete(ids=[source])
        return len(stored)

    def drop(self) -> None:
        """Delete the collections (and those of older schemas)."""
        for suffix in (*_SUFFIXES, LEGACY_CHUNKS_SUFFIX, LEGACY_SENTENCES_SUFFIX):
            if self._collection(suffix) is not None:
                self.client.delete_collection(self.name + suffix)
        self._handles.clear()

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
        for suffix in _SUFFIXES:
            if staging._collection(suffix) is not None:  # no English chunks, no collection
                self.client.get_collection(staging.name + suffix).modify(name=self.name + suffix)
        self._handles.clear()
        return results

    def _write_anchors(self, source: str, text: str) -> None:
        names = anchors_of(text, MAX_ANCHORS)
        anchors = names + sorted(a + PROTAGONIST_MARK for a in protagonists_of(text, names))
        collection = self._collection(ANCHORS_SUFFIX, create=True)
        assert collection is not None
        if anchors:  # Chroma refuses an empty list
            # Chroma's metadata lists are typed list[str | int | float | bool] (invariant).
            listed = cast(list[str | int | float | bool], anchors)
            collection.upsert(
                ids=[source], embeddings=cast(Any, [[1.0]]), metadatas=[{"anchors": listed}]
            )
        else:
            collection.delete(ids=[source])

    def refresh_anchors(self) -> int:
        """Re-read every document's names from its stored text when the index holds an older
        form of them (nothing is re-embedded); the number of documents re-read."""
        collection = self._collection(ANCHORS_SUFFIX)
        metadata = dict(collection.metadata or {}) if collection is not None else {}
        if collection is None or metadata.get("anchors_version") == ANCHORS_VERSION:
            return 0
        records = self.documents()
        for record in records:
            self._write_anchors(record.source, self.document_text(record.source, record))
        # Last, so that an interrupted refresh starts again next time.
        collection.modify(metadata={**metadata, "anchors_version": ANCHORS_VERSION})
        return len(records)

    def stored_documents(self) -> list[Document]:
        """The indexed documents with their exact text (to rebuild without the files)."""
        collection = self._collection(DOCUMENTS_SUFFIX)
        if collection is None:
            return []
        # A schema-2 index kept each text in its record: an upgrade rebuilds from those.
        legacy = self._collection(TEXTS_SUFFIX) is None
        result = collection.get(include=["documents", "metadatas"] if legacy else ["metadatas"])
        records = [
            _record(i, m) for i, m in zip(result["ids"], result["metadatas"] or [], strict=True)
        ]
        texts = (
            dict(zip(result["ids"], result["documents"] or [], strict=True))
            if legacy
            else self._texts(records)
        )
        return [
            # a rebuild keeps the author, the date, the pages
            Document(source=r.source, title=r.title, text=texts[r.source] or "", meta=r.meta)
            for r in records
            if r.source in texts
        ]


def _chunks_suffix(language: str) -> str:
    return f"__chunks_{language}"


_SUFFIXES = (
    *(_chunks_suffix(lang) for lang in LANGUAGES),
    TEXTS_SUFFIX,
    ANCHORS_SUFFIX,
    DOCUMENTS_SUFFIX,
)


def _record(source: str, meta: Any) -> DocumentRecord:
    meta = meta or {}
    return DocumentRecord(
        source=source,
        title=str(meta.get("title", "")),
        sha=str(meta.get("sha", "")),
        chunk_ids=tuple(json.loads(str(meta.get("chunk_ids", "[]")))),
        chars=int(meta.get("chars", 0)),
        sentences=int(meta.get("sentences", 0)),
        language=str(meta.get("language", "")),
        meta=DocumentMeta.from_dict(json.loads(str(meta.get("meta") or "{}"))),
    )


def _passage(chunk_id: str, document_text: str, meta: Any, score: float, title: str) -> Passage:
    start, end = int(meta.get("start", 0)), int(meta.get("end", 0))
    return Passage(
        chunk_id=chunk_id,
        source=str(meta.get("source", "")),
        section=str(meta.get("section", "")),
        text=document_text[start:end],
        start=start,
        end=end,
        score=score,
        title=title,
        sentences=tuple((int(a), int(b)) for a, b in json.loads(str(meta.get("sentences", "[]")))),
    )


def _is_not_found(exc: Exception) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return "notfound" in text.replace(" ", "") or "does not exist" in text or "not found" in text


def _text_id(source: str, sha: str) -> str:
    return f"{source}@{sha}"


def _compress(text: str) -> str:
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def _decompress(packed: str) -> str:
    return zlib.decompress(base64.b64decode(packed)).decode("utf-8")


def _packed_vectors(meta: Any, count: int) -> np.ndarray | None:
    """A chunk's sentence vectors from its metadata (None unless all `count` rows are there)."""
    packed = [(meta or {}).get(f"{VECTOR_KEY}{n}") for n in range(count)]
    if not count or not all(packed):
        return None
    rows = [unpack(str(row), 1) for row in packed]
    if rows[0].shape[0] != 1 or len({row.shape for row in rows}) != 1:
        return None
    return np.vstack(rows)
