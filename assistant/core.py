"""The `Assistant`: wires settings to embeddings, store, retriever and answerer for front ends."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.documents import (
    Document,
    is_url,
    load_bundled_article,
    load_document,
    source_id,
)
from assistant.errors import AssistantError, DocumentError, StoreError
from assistant.formats import DocumentMeta
from assistant.library import Library
from assistant.types import Answer, Passage, Turn

if TYPE_CHECKING:
    import chromadb

    from assistant.answer import AnswerParts
    from assistant.embeddings import CachedQueryEmbeddings
    from assistant.extractive import SupportCheck, WordAligner
    from assistant.retrieval import Retriever
    from assistant.store import ChunkStore, DocumentRecord, IndexResult
    from assistant.support import TokenEncoder

ProgressFactory = Callable[[int, str], Callable[[int], None]]
PARALLEL_FROM = 32  # files: below this, starting worker processes costs more than it saves
PARSE_WORKERS = 4
PARSED_SUFFIXES = (".html", ".htm", ".pdf")  # worth a worker process; text files are not


@dataclass
class IndexReport:
    """What an `assistant index` run did."""

    results: list[IndexResult]
    errors: list[str]
    notices: list[str] = field(default_factory=list)


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
        self._library: Library | None = None
        self._owns_client = False
        self._identity: tuple[int, int] | None = None
        self._llms: dict[str, Any] = {}
        self._support: TokenEncoder | None = None
        self._support_unavailable = False
        self.support_notice = ""

    # -- seams -------------------------------------------------------------------------

    @property
    def embeddings(self) -> CachedQueryEmbeddings:
        """The embedding backend (built from settings on first use)."""
        if self._embeddings is None:
            from assistant.embeddings import make_embeddings

            spec = self.settings.embeddings.strip()
            if spec.startswith("openai:"):
                from assistant.embeddings_server import ServerEmbeddings

                self._embeddings = ServerEmbeddings(
                    spec.removeprefix("openai:").strip(),
                    self.settings.embeddings_url,
                    api_key=self.settings.embeddings_api_key,
                    batch_size=self.settings.embeddings_batch,
                    concurrency=self.settings.embeddings_concurrency,
                    timeout=self.settings.embeddings_timeout,
                    prefixes=(
                        self.settings.embeddings_query_prefix,
                        self.settings.embeddings_passage_prefix,
                    ),
                )
            else:
                self._embeddings = make_embeddings(spec, threads=self.settings.threads)
        return self._embeddings

    @property
    def store(self) -> ChunkStore:
        """The Chroma index (embedded, or a server when `chroma_url` is set)."""
        if self._store is None:
            from assistant.store import ChunkStore, make_client

            if self._client is None:
                self._client = make_client(self.settings.index_dir, self.settings.chroma_url)
                self._owns_client = True
                self._identity = self._index_identity()
            location = self.settings.chroma_url or f"{self.settings.index_dir}/"
            self._store = ChunkStore(
                self._client, self.embeddings, self.settings.collection, location
            )
        return self._store

    def _index_identity(self) -> tuple[int, int] | None:
        try:
            status = (self.settings.index_dir / "chroma.sqlite3").stat()
        except OSError:
            return None
        return status.st_dev, status.st_ino

    def refresh_if_replaced(self) -> None:
        """Reopen the embedded index if its files were deleted or replaced (e.g. a rebuild)."""
        if self.settings.chroma_url or not self._owns_client or self._store is None:
            return
        if self._index_identity() == self._identity:
            return
        from assistant.store import forget_client

        forget_client(self._client, self.settings.index_dir)
        self._client = self._store = self._retriever = self._library = None
        self._owns_client = False

    @property
    def retriever(self) -> Retriever:
        """Dense retrieval, with BM25 fused in when `lexical` is on."""
        if self._retriever is None:
            from assistant.extractive import answer_form
            from assistant.retrieval import Retriever

            self._retriever = Retriever(
                self.store, self.embeddings, lexical=self.settings.lexical, answer_form=answer_form
            )
        return self._retriever

    @property
    def support_encoder(self) -> TokenEncoder | None:
        """The word aligner of the support check, or None when `support_check` is off."""
        if not self.settings.support_check or self._support_unavailable:
            return None
        if self._support is None:
            from assistant.errors import ModelLoadError
            from assistant.support import TokenEncoder

            encoder = TokenEncoder()
            try:
                # Loaded on first use (0.3 s): with the e5 backend it embeds every question
                # (`E5Embeddings.use_query_encoder`), then aligns its words in the same pass.
                encoder.check_available()
            except ModelLoadError as exc:
                # Answer without the check rather than not at all; say so once.
                self.support_notice = f"{exc} Answering without the support check."
                self._support_unavailable = True
                return None
            self._support = encoder
            from assistant.embeddings import E5Embeddings

            if isinstance(self.embeddings, E5Embeddings):
                self.embeddings.use_query_encoder(encoder)
        return self._support

    def disable_support_check(self, notice: str) -> None:
        """Go on without the support check (its model cannot be used), with a notice."""
        self.support_notice = notice
        self._support_unavailable = True
        self._support = None

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
        self.refresh_if_replaced()
        documents, errors = self._load(paths)
        notices: list[str] = []
        if not rebuild and self.store.outdated():
            rebuild = True
            notices.append(
                f"The index in {self.store.location} was built by an older version of the "
                "assistant: rebuilt from the documents it holds"
            )
        if rebuild:
            kept = {d.source for d in documents}
            try:
                stored = self.store.stored_documents()
            except StoreError:
                if self.settings.chroma_url:
                    raise
                notices.append(self._set_aside_broken_index())
                stored = []
            documents += [d for d in stored if d.source not in kept]
            results = self.store.rebuild(
                documents, self.settings.chunk_max_chars, _progress(progress, documents)
            )
            return IndexReport(results, errors, notices)
        self.store.check_model()
        if refreshed := self.store.refresh_anchors():
            notices.append(f"The names of {refreshed} indexed documents were read again")
        report = _progress(progress, documents)  # one bar for the whole run
        results = [
            self.store.index_document(document, self.settings.chunk_max_chars, report)
            for document in documents
        ]
        return IndexReport(results, errors, notices)

    def _set_aside_broken_index(self) -> str:
        """Move an unreadable embedded index into a `.broken-*` folder inside the index folder."""
        from assistant.store import forget_client

        forget_client(self._client, self.settings.index_dir)
        self._client = self._store = self._retriever = None
        self._owns_client = False
        folder = self.settings.index_dir
        aside = folder / f".broken-{time.strftime('%Y%m%d-%H%M%S')}"
        aside.mkdir(parents=True, exist_ok=True)
        for entry in folder.iterdir():
            if not entry.name.startswith(".broken-"):
                entry.rename(aside / entry.name)
        return f"The index in {folder}/ could not be read; it was moved to {aside}/ and rebuilt"

    def _load(self, paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Document], list[str]]:
        if not paths:
            return [load_bundled_article()], []
        given = [os.fspath(p) for p in paths]
        files = [p for p in given if not is_url(p)]
        loaded = dict(zip(files, _load_files(files), strict=True))
        documents, errors = [], []
        for path in given:
            if is_url(path):
                from assistant.fetch import fetch_document

                try:
                    documents.append(fetch_document(path))
                except AssistantError as exc:
                    errors.append(str(exc))
                continue
            document, error = loaded[path]
            if document is not None:
                documents.append(document)
            else:
                errors.append(error)
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

    def search(
        self, question: str, k: int | None = None, sources: Sequence[str] = ()
    ) -> list[Passage]:
        """The best passages for a question (in the given indexed documents only, if any)."""
        from assistant.questions import clean_question

        self.refresh_if_replaced()
        scope = self.resolve_sources(sources)
        return self.retriever.search(clean_question(question), k or self.settings.top_k, scope)

    def resolve_sources(self, names: Sequence[str]) -> list[str] | None:
        """The indexed documents that `names` mean: a source as listed, or its file name.

        None (every document) when no name is given; an unknown or ambiguous name is an error.
        """
        if not names:
            return None
        indexed = [record.source for record in self.store.documents()]
        resolved: list[str] = []
        for name in names:
            wanted = source_id(name.strip()) if name.strip() else ""  # "./a.md" is "a.md"
            matches = [s for s in indexed if s == wanted] or [
                s for s in indexed if s.endswith("/" + wanted.lstrip("/"))
            ]
            if not matches:
                raise DocumentError(
                    f"No indexed document is {wanted!r}; `assistant index --list` shows them"
                )
            if len(matches) > 1:
                raise DocumentError(
                    f"{wanted!r} could be any of {', '.join(matches)}: give the full source"
                )
            resolved.append(matches[0])
        return list(dict.fromkeys(resolved))

    @property
    def library(self) -> Library:
        """Reads of the indexed documents (built with the store, cached per document)."""
        if self._library is None or self._library.store is not self.store:
            self._library = Library(self.store)
        return self._library

    def document_record(self, source: str) -> DocumentRecord | None:
        """What the index knows of a document (None when it is not indexed): one read."""
        return self.library.document_record(source)

    def document_text(self, source: str, record: DocumentRecord | None = None) -> str:
        """The exact text of an indexed document (cached by version)."""
        return self.library.document_text(source, record)

    def article_info(self, source: str) -> tuple[str, DocumentMeta]:
        """An indexed document's title and what it says about itself; empty when not indexed."""
        return self.library.article_info(source)

    def document_language(self, source: str, record: DocumentRecord | None = None) -> str:
        """The language of an indexed document, as detected when it was indexed."""
        return self.library.document_language(source, record)

    def document_passages(self, source: str, record: DocumentRecord | None = None) -> list[Passage]:
        """Every chunk of an indexed document, in order."""
        return self.library.document_passages(source, record)

    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        *,
        llm: str | None = None,
        k: int | None = None,
        sources: Sequence[str] = (),
    ) -> Answer:
        """Answer a question (with the conversation so far) from the indexed articles.

        `sources` limits the answer to these indexed documents (names as `resolve_sources`).
        """
        final: Answer | None = None
        for event in self.ask_stream(question, history, llm=llm, k=k, sources=sources):
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
        sources: Sequence[str] = (),
    ) -> Iterator[str | Answer]:
        """Yield the answer text as it is produced, then the complete `Answer`."""
        from assistant.answer import answer_stream

        self.refresh_if_replaced()
        scope = self.resolve_sources(sources)
        yield from answer_stream(
            self.answer_parts(),
            question,
            history,
            llm=self.settings.llm if llm is None else llm,
            k=k,
            sources=scope,
        )

    def answer_parts(self) -> AnswerParts:
        """What answering a question uses, each stage given its part."""
        from assistant.answer import AnswerParts

        return AnswerParts(
            retriever=self.retriever,
            embed_query=self.embeddings.embed_query,
            library=self.library,
            support_check=self.support_check,
            aligner=self.aligner,
            chat_model=self.llm_backend,
            top_k=self.settings.top_k,
            min_confidence=self.settings.min_confidence,
            api_key=self.settings.openai_api_key,
        )

    def support_check(self, notices: list[str]) -> SupportCheck | None:
        """The support check for one question, reporting into its notices (None when off)."""
        encoder = self.support_encoder
        if self.support_notice:
            notices.append(self.support_notice)
            self.support_notice = ""
        if encoder is None:
            return None
        from assistant.errors import ModelLoadError
        from assistant.support import Unsupported, unsupported_terms

        threshold = self.settings.support_threshold

        def check(question: str, texts: list[str]) -> list[Unsupported]:
            try:
                return unsupported_terms(encoder, question, texts, threshold)
            except ModelLoadError as exc:  # the weights are there but unreadable: say so once
                self.disable_support_check(f"{exc} Answering without the support check.")
                notices.append(self.support_notice)
                self.support_notice = ""
                return []

        return check

    def aligner(self) -> WordAligner | None:
        """The support check's word aligner, reading values (None when the check is off)."""
        encoder = self.support_encoder
        if encoder is None:
            return None
        from assistant.support import ValueReader

        return ValueReader(encoder)

    def use_llm(self, spec: str, model: Any) -> None:
        """Register a ready LangChain chat model under a spec name (tests, custom backends)."""
        self._llms[spec] = model

    def llm_backend(self, spec: str) -> Any:
        """The chat model for an `ASSISTANT_LLM`-style spec (built once per spec)."""
        if spec not in self._llms:
            from assistant.llm import make_chat_model

            self._llms[spec] = make_chat_model(spec, self.settings)
        return self._llms[spec]


def _load_file(path: str) -> tuple[Document | None, str]:
    """One file read and parsed, or the one-line reason it cannot be (for worker processes)."""
    try:
        return load_document(path), ""
    except AssistantError as exc:
        return None, str(exc)


def _load_files(paths: Sequence[str]) -> list[tuple[Document | None, str]]:
    """Files read and parsed in worker processes when there are many (HTML and PDF parsing
    is CPU-bound), in this process otherwise; in the order given."""
    workers = min(os.cpu_count() or 1, PARSE_WORKERS)
    parsed = [p for p in paths if p.lower().endswith(PARSED_SUFFIXES)]
    # Spawned workers re-import the main script: not possible from `python -c` or stdin.
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if len(parsed) < PARALLEL_FROM or workers < 2 or not main_file or not os.path.isfile(main_file):
        return [_load_file(p) for p in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Spawned, not forked: this process may run Chroma's and the web server's threads.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_load_file, paths, chunksize=8))
    except (BrokenProcessPool, OSError):  # no processes here: one at a time, same result
        return [_load_file(p) for p in paths]


def _progress(
    factory: ProgressFactory | None, documents: Sequence[Document]
) -> Callable[[int], None] | None:
    if factory is None:
        return None
    # Chunks and sentences are both encoded; a rough total is enough for a progress bar.
    estimate = sum(max(1, len(d.text) // 120) for d in documents)
    return factory(estimate, "embedding")
