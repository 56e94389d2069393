"""The scale scenario: the article among N generated documents, in the embedded store and in
a `chroma run` server, for both pipelines: throughput, size on disk, search latency, quality.
Real passage vectors are cached; past the run's encoding budget documents get stand-in
vectors, a cached real vector negated plus noise: they cost the store what real ones cost but
never outrank a real passage (bench/README.md, "Embedding budget and stand-in vectors").
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embeddings import CachedQueryEmbeddings
from bench import baseline
from bench import harness as h
from bench.corpus import write_corpus

POOL_SIZE = 20000
STANDIN_NOISE = 0.3
RATIOS: dict[str, Callable[[dict[str, Any]], float]] = {  # ours / baseline, per kind of store
    "search_p50": lambda r: r["search_ms"]["p50"],
    "pipeline_docs_per_s": lambda r: r["pipeline_docs_per_s"],
    "disk": lambda r: r["disk_mb"],
}


class BudgetedEmbeddings(CachedQueryEmbeddings):
    """Real query vectors; passage vectors from the SQLite cache of this model's vectors, else
    from the real model while `real` (timed, and cached), else stand-ins. Counters tell which."""

    def __init__(self, name: str, model: Any, model_id: str, cache: Path, budget: Any) -> None:
        super().__init__()
        self.name, self.model, self.model_id, self.dim, self.real = name, model, model_id, 384, True
        self.budget, self.rate = budget, 0.0  # seconds of real encoding left; calibrated rate
        self.query_cache_size = 0  # every question is embedded: what a new question costs
        cache.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id).strip("_")[-80:]
        self.path = cache / f"vectors-{slug}.sqlite"
        self.db = sqlite3.connect(str(self.path))
        self.db.executescript(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB);"
        )
        self.pool: np.ndarray | None = None
        self.reset_counters()

    def reset_counters(self) -> None:
        self.encoded, self.encode_seconds, self.cached, self.standins = 0, 0.0, 0, 0

    def query(self, sql: str, *args: Any) -> list[Any]:
        return self.db.execute(sql, args).fetchall()

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        if is_query:
            return [list(self.model.embed_query(t)) for t in texts]
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        found: dict[str, bytes] = {}
        for begin in range(0, len(keys), 500):
            part = keys[begin : begin + 500]
            marks = ",".join("?" * len(part))
            found.update(self.query(f"SELECT key, vec FROM vectors WHERE key IN ({marks})", *part))
        vectors = [
            np.frombuffer(found[k], np.float32).tolist() if k in found else None for k in keys
        ]
        missing = [i for i, v in enumerate(vectors) if v is None]
        self.cached += len(texts) - len(missing)
        if missing and self.real:
            batch = [texts[i] for i in missing]
            seconds, encoded = h.timed(
                lambda: [list(map(float, v)) for v in self.model.embed_documents(batch)]
            )
            self.encode_seconds += seconds
            self.encoded += len(batch)
            rows = [
                (keys[i], np.asarray(encoded[n], np.float32).tobytes())
                for n, i in enumerate(missing)
            ]
            self.db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self.db.commit()
        else:
            self.standins += len(missing)
            encoded = [self.standin(texts[i]) for i in missing]
        for i, vector in zip(missing, encoded, strict=True):
            vectors[i] = vector
        return vectors  # type: ignore[return-value]

    def standin(self, text: str) -> list[float]:
        """A stand-in vector for a text: a negated cached real vector plus noise."""
        if self.pool is None:
            rows = self.query("SELECT vec FROM vectors ORDER BY key LIMIT ?", POOL_SIZE)
            self.pool = np.stack([np.frombuffer(r[0], np.float32) for r in rows]) if rows else []
        pool, seed = self.pool, int.from_bytes(hashlib.sha1(text.encode()).digest()[:8], "little")
        rng = np.random.default_rng(seed)
        noise = rng.standard_normal(self.dim).astype(np.float32) / np.sqrt(self.dim)
        vector = -pool[int(rng.integers(len(pool)))] + STANDIN_NOISE * noise if len(pool) else noise
        return (vector / np.linalg.norm(vector)).tolist()


def build(work: Path, embedder: Any, location: Path, paths: Sequence[Path], url: str) -> Any:
    """The article plus the corpus in one pipeline's index (embedded, or the server at `url`),
    10 documents at a time, encoding for real while the budget allows (embedded pass only:
    the server pass reuses its vectors); throughput with embedding separated from the store,
    and at the measured encoding rate."""
    from assistant.config import Settings
    from assistant.core import Assistant

    embedder.real, name, budget = True, embedder.name, embedder.budget  # the article: real vectors
    if name == "ours":
        settings = Settings(index_dir=location, data_dir=work / "data", chroma_url=url)
        assistant = Assistant(settings, embeddings=embedder)
        assistant.index()
        pipeline = h.ours_pipeline(assistant)

        def add(batch: Sequence[Path]) -> None:
            if errors := assistant.index(batch).errors:
                raise RuntimeError(f"indexing failed: {errors[:3]}")
    else:
        store = baseline.build(embedder, str(location), url)
        pipeline = baseline.pipeline(store)

        def add(batch: Sequence[Path]) -> None:
            store.add_documents(baseline.split([(p.name, p.read_text("utf-8")) for p in batch]))

    embedder.reset_counters()
    real_docs, started = 0, time.perf_counter()
    for begin in range(0, len(paths), 10):
        batch = paths[begin : begin + 10]
        embedder.real = not url and (budget is None or embedder.encode_seconds < budget)
        before = embedder.standins
        add(batch)
        real_docs += len(batch) if embedder.standins == before else 0
        if (done := begin + len(batch)) % 250 == 0 or done == len(paths):
            counts = f"{embedder.encoded} encoded, {embedder.cached} cached, {embedder.standins}"
            seconds = time.perf_counter() - started
            h.log(f"  {name}: {done}/{len(paths)} docs, {seconds:.0f} s ({counts} stand-in)")
    wall = time.perf_counter() - started
    if name == "ours":
        stats = assistant.store.stats()
        chunks, texts = stats["chunks"], stats["chunks"] + stats["sentences"]
    else:
        chunks = texts = store._collection.count()
    store_s = max(wall - embedder.encode_seconds, 1e-9)
    rate = embedder.encoded / embedder.encode_seconds if embedder.encoded >= 200 else embedder.rate
    full_s = store_s + texts / rate
    result = {"docs": len(paths), "real_docs": real_docs, "standin_docs": len(paths) - real_docs}
    result.update(chunks=chunks, embedded_texts=texts, wall_s=round(wall, 2))
    result.update(embed_s=round(embedder.encode_seconds, 2), store_s=round(store_s, 2))
    result.update(encoded_texts=embedder.encoded, cached_texts=embedder.cached)
    result.update(standin_texts=embedder.standins, embed_texts_per_s=round(rate, 2))
    result.update(store_chunks_per_s=round(chunks / store_s, 1))
    result.update(pipeline_chunks_per_s=round(chunks / full_s, 2))
    result.update(pipeline_docs_per_s=round(len(paths) / full_s, 3), pipeline_s=round(full_s, 1))
    result["pipeline_measured"] = embedder.cached == 0 and embedder.standins == 0
    if name == "ours":
        result["sentences"] = stats["sentences"]
    return pipeline, result


def scale_pass(
    config: Any, work: Path, items: Any, embedders: dict[str, Any], paths: Any, kind: str
) -> Any:
    """Both pipelines over one kind of store ("embedded" or "server") at one corpus size."""
    servers: dict[str, h.Server] = {}
    built: dict[str, tuple[h.Pipeline, dict[str, Any], Path]] = {}
    try:
        for name in ("ours", "baseline") if config.baseline_scale else ("ours",):
            location = work / f"scale-{len(paths)}-{name}-{kind}"
            if kind == "server":
                servers[name] = h.chroma_server(location)
            h.log(f"{name}/{kind}: indexing the article and {len(paths):,} documents")
            url = servers[name].url if name in servers else ""
            pipeline, result = build(work, embedders[name], location, paths, url)
            if name in servers:
                result["server_start_s"] = round(servers[name].start_s, 2)
            result["disk_mb"] = h.disk_usage_mb(location)
            built[name] = (pipeline, result, location)
        questions = [i.q for i in items]
        for pipeline, _, _ in built.values():
            pipeline.search(questions[0])
        searches = {name: b[0].search for name, b in built.items()}
        samples = h.interleaved(searches, questions, config.scale_reps)
        for name, (pipeline, result, _) in built.items():
            result["search_ms"] = h.summary_ms(samples[name])
            result["quality"] = h.rank_quality(pipeline, items)
            if name in servers:
                result["server_rss_mb"] = round(servers[name].rss_mb(), 1)
            h.log(
                f"{name}/{kind}: {result['store_chunks_per_s']} chunks/s (store), "
                f"{result['disk_mb']} MB, search p50 {result['search_ms']['p50']} ms, "
                f"R@1 {result['quality']['recall@1']} over {result['real_docs']} real docs"
            )
        return {name: result for name, (_, result, _) in built.items()}
    finally:
        for server in servers.values():
            server.stop()
        for _, _, location in built.values() if not config.keep else ():
            shutil.rmtree(location, ignore_errors=True)


def bench_scale(config: Any, work: Path, items: Sequence[Any], ours: Any, base: Any) -> Any:
    """Throughput, size, latency and quality with the article among generated documents."""
    from assistant.chunking import chunk_document
    from assistant.documents import load_document

    corpus_dir = h.RESULTS_DIR / "corpus" / f"seed{config.seed}"
    h.log(f"scale: writing {max(config.docs):,} generated documents to {corpus_dir}")
    all_paths = write_corpus(corpus_dir, max(config.docs), config.seed)
    texts: dict[str, list[str]] = {"ours": [], "baseline": []}
    n_sample = 1 if config.quick else min(3, len(all_paths))
    for path in all_paths[:n_sample]:
        sample = load_document(path)
        chunks = chunk_document(sample)
        texts["ours"] += [c.embedding_text() for c in chunks]
        texts["ours"] += [sample.text[s:e] for c in chunks for s, e in c.sentences]
        texts["baseline"] += [d.page_content for d in baseline.split([("sample", sample.text)])]
    budgets = {"ours": config.embed_budget_s, "baseline": config.baseline_budget_s}
    models = {"ours": (ours, ours.model_id), "baseline": (base, baseline.MODEL_ID)}
    embedders = {n: BudgetedEmbeddings(n, *models[n], config.cache_dir, budgets[n]) for n in models}
    calibration: dict[str, Any] = {}
    for name, every in (("ours", 16), ("baseline", 4)):
        batch, model = texts[name], embedders[name].model
        per_doc = round(len(batch) / n_sample, 1)
        if config.quick:  # a rate from a few texts (chunks and sentences alike) is enough here
            batch = batch[:: max(1, len(batch) // every)]
        started = time.perf_counter()  # the real encoding rate (nothing cached)
        for begin in range(0, len(batch), 32):
            model.embed_documents(batch[begin : begin + 32])
        seconds = time.perf_counter() - started
        rate = embedders[name].rate = round(len(batch) / seconds, 2)
        calibration[name] = {"texts": len(batch), "seconds": round(seconds, 3), "texts_per_s": rate}
        calibration[name]["chars_per_s"] = round(sum(map(len, batch)) / seconds, 1)
        calibration[name]["texts_per_doc"] = per_doc
        h.log(f"scale: real encoding, {name}: {rate} texts/s, {per_doc} texts/doc")
    sizes_chars = [len(p.read_text("utf-8")) for p in all_paths[:500]]
    out: dict[str, Any] = {"seed": config.seed, "corpus_dir": str(corpus_dir)}
    out.update(doc_chars_mean=round(sum(sizes_chars) / len(sizes_chars), 1))
    out.update(calibration=calibration, embed_budget_s=budgets, sizes=[])
    try:
        for n_docs in sorted(config.docs):
            entry: dict[str, Any] = {"docs": n_docs}
            for kind in ("embedded", "server") if config.server else ("embedded",):
                passes = scale_pass(config, work, items, embedders, all_paths[:n_docs], kind)
                for name, result in passes.items():
                    entry[f"{name}_{kind}"] = result
                    # The budget is for the whole run: what smaller sizes spent is gone.
                    if (left := embedders[name].budget) is not None:
                        embedders[name].budget = max(0.0, left - result["embed_s"])
            entry["ratios"] = {
                f"{kind}_{key}": h.ratio(get(entry[f"ours_{kind}"]), get(entry[f"baseline_{kind}"]))
                for kind in ("embedded", "server")
                if f"baseline_{kind}" in entry
                for key, get in RATIOS.items()
            }
            out["sizes"].append(entry)
    finally:
        out["cache"] = {}
        for name, embedder in embedders.items():
            vectors = embedder.query("SELECT COUNT(*) FROM vectors")[0][0]
            out["cache"][name] = {"path": str(embedder.path), "vectors": vectors}
            embedder.db.close()
    return out
