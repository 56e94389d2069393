"""Passage vectors for the scale benchmark: a persistent cache, a time budget, stand-ins.

Embedding a 5–6 KB document through the full pipeline (its chunks and its sentences) takes
about 1.8 s with e5 on 2 cores, so 10,000 documents would take five hours. The benchmark
therefore wraps the real embeddings:

- every passage vector computed for real is kept in an SQLite cache under bench/results/,
  so later runs (and the Chroma-server half of the same run) reuse it;
- real encoding stops when the run's embedding budget is spent; documents indexed after
  that get *stand-in* vectors: a cached real vector, negated, plus a little noise. They have
  the geometry of real vectors (so the store pays what it would pay for real ones; random
  vectors cost HNSW noticeably more) but point away from every question (cosine about
  -0.8 against +0.8), so they never outrank a real passage. They exercise the store at full
  size for throughput, size and latency; retrieval quality counts only the real documents.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embeddings import CachedQueryEmbeddings

POOL_SIZE = 20000
STANDIN_NOISE = 0.3

Encoder = Callable[[list[str]], list[list[float]]]


def cache_path(directory: Path, model_id: str) -> Path:
    """The cache file for one model."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id).strip("_")[-80:]
    return directory / f"vectors-{slug}.sqlite"


class VectorCache:
    """An on-disk map from a passage text to its float32 vector, for one model."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB)")
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str) -> str:
        """Cache key of a passage text."""
        return hashlib.sha1(text.encode()).hexdigest()

    def get_many(self, texts: list[str]) -> dict[int, list[float]]:
        """Cached vectors by position in `texts`."""
        keys = [self.key(t) for t in texts]
        found: dict[str, bytes] = {}
        with self._lock:
            for begin in range(0, len(keys), 500):
                part = keys[begin : begin + 500]
                marks = ",".join("?" * len(part))
                rows = self._db.execute(
                    f"SELECT key, vec FROM vectors WHERE key IN ({marks})", part
                ).fetchall()
                found.update(rows)
        return {
            i: np.frombuffer(found[k], dtype=np.float32).tolist()
            for i, k in enumerate(keys)
            if k in found
        }

    def put_many(self, texts: list[str], vectors: list[list[float]]) -> None:
        """Store vectors for texts."""
        rows = [
            (self.key(t), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in zip(texts, vectors, strict=True)
        ]
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.commit()

    def sample(self, limit: int) -> np.ndarray:
        """Up to `limit` cached vectors, in a fixed order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT vec FROM vectors ORDER BY key LIMIT ?", (limit,)
            ).fetchall()
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.frombuffer(r[0], dtype=np.float32) for r in rows])

    def count(self) -> int:
        """How many vectors are cached."""
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def _seed(text: str) -> int:
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:8], "little")


class BudgetedEmbeddings(CachedQueryEmbeddings):
    """Real query vectors; passage vectors from the cache, the real model or a stand-in.

    `real` chooses, for passages that are not cached, between encoding them with the real
    model (and caching them) and giving them stand-in vectors. Counters record what happened,
    so the benchmark can separate embedding time from store time.
    """

    def __init__(
        self,
        model_id: str,
        encode_query: Callable[[str], list[float]],
        encode_passages: Encoder,
        cache: VectorCache,
        dim: int = 384,
    ) -> None:
        super().__init__()
        self.model_id = model_id
        self._encode_query = encode_query
        self._encode_passages = encode_passages
        self.cache = cache
        self.dim = dim
        self.real = True
        self.query_cache_size = 0  # every question is embedded: what a new question costs
        self._pool: np.ndarray | None = None
        self.reset_counters()

    def reset_counters(self) -> None:
        """Zero the counters."""
        self.encoded = 0
        self.encode_seconds = 0.0
        self.cached = 0
        self.standins = 0

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        if is_query:
            return [list(self._encode_query(t)) for t in texts]
        vectors: list[Any] = [None] * len(texts)
        for position, vector in self.cache.get_many(texts).items():
            vectors[position] = vector
        self.cached += sum(v is not None for v in vectors)
        missing = [i for i, v in enumerate(vectors) if v is None]
        if missing and self.real:
            batch = [texts[i] for i in missing]
            started = time.perf_counter()
            encoded = [list(map(float, v)) for v in self._encode_passages(batch)]
            self.encode_seconds += time.perf_counter() - started
            self.encoded += len(batch)
            self.cache.put_many(batch, encoded)
            for i, vector in zip(missing, encoded, strict=True):
                vectors[i] = vector
        elif missing:
            self.standins += len(missing)
            for i in missing:
                vectors[i] = self.standin(texts[i])
        return vectors

    def standin(self, text: str) -> list[float]:
        """A stand-in vector for a text: a negated cached real vector plus noise."""
        if self._pool is None:
            self._pool = self.cache.sample(POOL_SIZE)
        rng = np.random.default_rng(_seed(text))
        noise = rng.standard_normal(self.dim).astype(np.float32) / np.sqrt(self.dim)
        if len(self._pool):
            vector = -self._pool[int(rng.integers(len(self._pool)))] + STANDIN_NOISE * noise
        else:
            vector = noise
        return (vector / np.linalg.norm(vector)).tolist()
