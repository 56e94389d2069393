"""What the benchmarks share: paths, progress, the machine, timing and latency summaries, the
retrieval figures of a pipeline, child processes and servers with their memory, the report."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import psutil

BENCH_DIR = Path(__file__).resolve().parent
ROOT, RESULTS_DIR = BENCH_DIR.parent, BENCH_DIR / "results"
FIXTURES = ROOT / "tests" / "fixtures"
RANK_DEPTH = 10
HIDDEN = re.compile(r"_ms\.(n|mean|min)$|by_lang\.\w+\.(n|mrr)$")  # figures left out of tables


def log(message: str) -> None:
    """Progress to stderr (the table goes to stdout)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine(*packages: str) -> dict[str, Any]:
    """Where the figures were measured: cores, CPU, Python, load average, library versions."""
    cpu = platform.processor()
    with contextlib.suppress(OSError):
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((x.split(":", 1)[1].strip() for x in lines if x.startswith("model name")), cpu)
    versions: dict[str, str | None] = dict.fromkeys(packages)
    for package in packages:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[package] = metadata.version(package)
    info = {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "python": platform.python_version()}
    info["platform"] = platform.platform()
    info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    return {**info, "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "versions": versions}


def write_json(path: Path, data: Any) -> None:
    """Write the report's JSON and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"JSON written to {path}")


def leaves(data: dict[str, Any], prefix: str = "") -> list[str]:
    """The "a.b" paths of the numbers in nested dicts."""
    paths = []
    for key, value in data.items():
        if isinstance(value, dict):
            paths += leaves(value, f"{prefix}{key}.")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            paths.append(prefix + key)
    return paths


def table(title: str, columns: Mapping[str, Any], ratios: bool = True) -> str:
    """A section of the report: a row per number in the columns, by its path in the JSON (but
    a latency's n, mean and min, and per-language counts and MRR), a column per pipeline or
    command, and the ratio of the first two columns if `ratios`."""
    keys = dict.fromkeys(k for c in columns.values() for k in leaves(c) if not HIDDEN.search(k))
    names = [*columns, "ours/base"] if ratios else list(columns)
    header = f"  {'':<42}" + "".join(f"{name:>17}" for name in names)
    lines = ["", title, header] if any(names) else ["", title]
    for key in keys:
        values = []
        for column in columns.values():
            for part in key.split("."):
                column = column.get(part) if isinstance(column, dict) else None
            values.append(column)
        if ratios:
            values.append(ratio(*(v if isinstance(v, int | float) else None for v in values[:2])))
        lines.append(
            f"  {key:<42}" + "".join(f"{'n/a' if v is None else f'{v:,}':>17}" for v in values)
        )
    return "\n".join(lines)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def interleaved(functions: Mapping[str, Any], questions: Sequence[str], reps: int) -> Any:
    """Seconds per call of each function, alternating per question (and reversing the order
    every other round) so that all of them see the same machine load."""
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for rep in range(reps):
        for question in questions:
            for name, function in list(functions.items())[:: -1 if rep % 2 else 1]:
                started = time.perf_counter()
                function(question)
                samples[name].append(time.perf_counter() - started)
    return samples


def percentile(values: Sequence[float], p: float, method: str = "inverted_cdf") -> float | None:
    """numpy's percentile; by default the nearest rank (a value of the sample). None for none."""
    return float(np.percentile(values, p, method=method)) if len(values) else None


def summary_ms(seconds: Any, scale: float = 1e3, digits: int = 2, method: str = "linear") -> Any:
    """Sample count, p50, p95, mean, min and max in milliseconds (`scale` 1: already ms)."""
    values = np.asarray(seconds, dtype=np.float64) * scale
    if not len(values):
        return {"n": 0}
    p50, p95 = (round(percentile(values, p, method) or 0.0, digits) for p in (50, 95))
    mean, low, high = (round(float(f(values)), digits) for f in (np.mean, np.min, np.max))
    return {"n": len(values), "p50": p50, "p95": p95, "mean": mean, "min": low, "max": high}


def ratio(ours: float | None, base: float | None) -> float | None:
    """ours / baseline, rounded (None when either is missing or the baseline is 0)."""
    return None if ours is None or not base else round(ours / base, 3)


# One pipeline's index as the benchmark sees it: the article's source id, the default search
# (ours: top 5; baseline: k=4), (source, text) of the top RANK_DEPTH, and the answer.
Pipeline = namedtuple("Pipeline", "article_source search ranked answer")


def ours_pipeline(assistant: Any) -> Pipeline:
    """Our assistant as a `Pipeline`."""
    from assistant.documents import bundled_source_id

    def ranked(q: str) -> list[tuple[str, str]]:
        return [(p.source, p.text) for p in assistant.search(q, RANK_DEPTH)]

    return Pipeline(bundled_source_id(), assistant.search, ranked, assistant.ask)


def rank_quality(pipeline: Pipeline, items: Sequence[Any]) -> dict[str, Any]:
    """recall@1/3 and MRR of the passage holding each answerable fixture item's evidence, how
    often the article's passage came first; recall@1 and MRR per question language too."""
    ranks, tops, langs = [], [], []
    for item in (i for i in items if i.answerable and i.evidence):
        hits = pipeline.ranked(item.q)
        held = [s == pipeline.article_source and item.evidence in t for s, t in hits]
        ranks.append(held.index(True) + 1 if any(held) else 0)
        tops.append(bool(hits) and hits[0][0] == pipeline.article_source)
        langs.append(item.lang)

    def share(values: Sequence[float]) -> float:
        return round(sum(values) / (len(values) or 1), 3)

    def figures(picked: list[int]) -> dict[str, Any]:
        mrr = share([1 / r if r else 0 for r in picked])
        return {"n": len(picked), "recall@1": share([r == 1 for r in picked]), "mrr": mrr}

    pairs = list(zip(ranks, langs, strict=True))
    by_lang = {g or "?": figures([r for r, x in pairs if x == g]) for g in sorted(set(langs))}
    recall3, top1 = share([0 < r <= 3 for r in ranks]), share(tops)
    return {**figures(ranks), "recall@3": recall3, "article_top1": top1, "by_lang": by_lang}


def venv_script(name: str) -> str:
    """A console script (`assistant`, `chroma`) of this virtualenv, else from PATH."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def disk_usage_mb(path: Path) -> float:
    """Disk space used under `path` in MB, counted the way `du` does (allocated blocks)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
    return round(total / 1e6, 2)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_ok(url: str, timeout: float = 1.0) -> bool:
    """Whether GET `url` answers 200."""
    with contextlib.suppress(Exception), urllib.request.urlopen(url, timeout=timeout) as answer:
        return bool(answer.status == 200)
    return False


def tree(pid: int) -> list[psutil.Process]:
    """A process and all its descendants (none once it is gone)."""
    with contextlib.suppress(psutil.Error):
        return [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    return []


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 once gone)."""
    total = 0
    for process in tree(pid):
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


def stop_tree(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Terminate a child started in its own session, and everything it started."""
    processes = tree(process.pid)
    for proc in processes:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    for proc in psutil.wait_procs(processes, timeout=grace)[1]:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    process.wait(timeout=grace)


def run_child(command: Sequence[str], timeout: float, ready: Any = None, **popen: Any) -> Any:
    """Run a command (Popen options: env, cwd) until it exits or `ready()` (tried every 0.1 s)
    holds, then stop it. Its times: exit_s, ready_s (None if it exited first), last_output_s
    (the last stdout byte). The peak resident memory of its process tree, sampled with psutil
    every 20 ms (a child's ru_maxrss starts from the parent's size at fork): peak_tree_rss_mb."""
    run = SimpleNamespace(returncode=None, exit_s=None, ready_s=None, timed_out=False)
    started, out, stamps = time.perf_counter(), [], []  # type: ignore[var-annotated]
    err = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        command, **popen, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
        start_new_session=True,
    )  # fmt: skip

    def read() -> None:  # stdout, with the time each piece arrived
        while data := os.read(process.stdout.fileno(), 65536):  # type: ignore[union-attr]
            out.append(data)
            stamps.append(time.perf_counter() - started)

    (reader := threading.Thread(target=read, daemon=True)).start()
    next_ready, peak = 0.0, 0
    try:
        while True:
            peak = max(peak, tree_rss(process.pid))
            pid, status = os.waitpid(process.pid, os.WNOHANG)
            now = time.perf_counter() - started
            if pid:
                run.exit_s = now
                run.returncode = process.returncode = os.waitstatus_to_exitcode(status)
                break
            if ready is not None and now >= next_ready:
                if ready():
                    run.ready_s = time.perf_counter() - started
                    peak = max(peak, tree_rss(process.pid))
                    break
                next_ready = now + 0.1
            if now > timeout:
                run.timed_out = True
                break
            time.sleep(0.02)
    finally:
        if process.returncode is None:
            stop_tree(process)
        reader.join(timeout=5)
        err.seek(0)
    run.peak_tree_rss_mb, run.last_output_s = peak / 1e6, stamps[-1] if stamps else None
    run.stdout = b"".join(out).decode("utf-8", "replace")
    run.stderr = err.read().decode("utf-8", "replace")
    err.close()
    return run


class Server:
    """A process serving HTTP on a free 127.0.0.1 port, in a session of its own, its output
    to `log` if given: started, awaited until GET `ready_path` answers 200, stopped with all
    it started. "{port}" in the command and the environment's values stands for the port."""

    def __init__(self, command: Sequence[str], ready_path: str = "/", **options: Any) -> None:
        self.port, self.log = free_port(), options.get("log")
        self.url, port = f"http://127.0.0.1:{self.port}", str(self.port)
        command = [c.replace("{port}", port) for c in command]
        env = {k: v.replace("{port}", port) for k, v in options.get("env", {}).items()}
        self.output = open(self.log, "wb") if self.log else subprocess.DEVNULL  # noqa: SIM115
        started, timeout = time.perf_counter(), options.get("timeout", 90.0)
        self.process = subprocess.Popen(
            command, env={**os.environ, "ANONYMIZED_TELEMETRY": "False", **env},
            cwd=options.get("cwd"), stdin=subprocess.DEVNULL, stdout=self.output,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        name = Path(command[1] if command[0] == sys.executable else command[0]).name
        while not http_ok(self.url + ready_path, timeout=2.0):
            problem = (
                "" if self.process.poll() is None else f"exited with {self.process.returncode}"
            )
            if not problem and time.perf_counter() - started > timeout:
                problem = f"did not answer on {self.url} within {timeout:.0f} s"
            if problem:
                self.stop()
                raise RuntimeError(f"{name} {problem}" + (f":\n{self.tail()}" if self.log else ""))
            time.sleep(options.get("poll", 0.1))
        self.start_s = time.perf_counter() - started

    def tail(self, chars: int = 3000) -> str:
        """The end of the server's output (with `log`)."""
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:] if self.log else ""

    def rss_mb(self, unit: float = 1e6) -> float:
        """Resident memory of the server's process tree now (MB; `unit` 2**20: MiB)."""
        return tree_rss(self.process.pid) / unit

    def stop(self) -> None:
        """Stop the server and everything it started."""
        if self.process.poll() is None:
            stop_tree(self.process)
        if self.log:
            self.output.close()


def chroma_server(path: Path) -> Server:
    """`chroma run` storing in `path`."""
    path.mkdir(parents=True, exist_ok=True)
    command = [venv_script("chroma"), "run", "--path", str(path), "--host", "127.0.0.1"]
    return Server([*command, "--port", "{port}"], "/api/v2/heartbeat")
