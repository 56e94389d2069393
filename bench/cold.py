"""Cold starts: process start to the printed answer (`assistant ask`, the baseline script),
`assistant index` into a fresh folder, `python app.py` to its first page; peak memory of each."""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import harness as h

QUIET = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
QUIET.update(ANONYMIZED_TELEMETRY="False", GRADIO_ANALYTICS_ENABLED="False")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for child processes: no ASSISTANT_* from the caller, offline hubs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    return {**env, **QUIET, **extra}


def summarize(runs: Sequence[Any], key: str, **out: Any) -> dict[str, Any]:
    """Median time (`key` of each run) and peak memory over repeated child runs."""
    values = [getattr(r, key) for r in runs if getattr(r, key) is not None]
    out["s"] = round(statistics.median(values), 3) if values else None
    out["runs_s"] = [round(v, 3) for v in values]
    out["peak_rss_mb"] = round(max((r.peak_tree_rss_mb for r in runs), default=0.0), 1)
    if runs and runs[-1].stdout.strip():
        out["output_head"] = runs[-1].stdout.strip()[:160]
    if failed := [r for r in runs if r.returncode not in (0, None) or r.timed_out]:
        lines = failed[-1].stderr.strip().splitlines() or [f"status {failed[-1].returncode}"]
        out["error"] = lines[-1][:300]
    return out


def bench_cold(config: Any, work: Path, ours_index: Path, base_index: Path, question: str) -> Any:
    """Process start to printed answer (CLI, baseline script) and to first page (web)."""
    exe, data = h.venv_script("assistant"), str(work / "data")
    env = clean_env(ASSISTANT_INDEX_DIR=str(ours_index), ASSISTANT_DATA_DIR=data)
    script = [sys.executable, str(h.BENCH_DIR / "baseline.py"), "--index", str(base_index)]
    ours, base, index = [], [], []
    for rep in range(config.cold_reps):  # alternated, so both see the same machine load
        ours.append(h.run_child([exe, "ask", question], env=env, cwd=h.ROOT, timeout=180))
        base.append(h.run_child([*script, question], env=clean_env(), cwd=h.ROOT, timeout=300))
        fresh = clean_env(ASSISTANT_INDEX_DIR=str(work / f"cold-{rep}"), ASSISTANT_DATA_DIR=data)
        index.append(h.run_child([exe, "index"], env=fresh, cwd=h.ROOT, timeout=300))
    result: dict[str, Any] = {
        "ours_cli": summarize(ours, "last_output_s", command="assistant ask"),
        "baseline_cli": summarize(base, "last_output_s", command="python bench/baseline.py"),
        "ours_index_cli": summarize(index, "exit_s", command="assistant index"),
    }
    h.log("cold: " + ", ".join(f"{key} {value['s']} s" for key, value in result.items()))
    result["web"] = bench_web(config, ours_index, data) if config.web else {"available": False}
    ours_cli, base_cli = result["ours_cli"], result["baseline_cli"]
    result["ratios"] = {
        "cli": h.ratio(ours_cli["s"], base_cli["s"]),
        "cli_peak_rss": h.ratio(ours_cli["peak_rss_mb"], base_cli["peak_rss_mb"]),
    }
    return result


def bench_web(config: Any, index: Path, data: str) -> dict[str, Any]:
    """Cold start of the web app to its first served page."""
    runs: list[Any] = []
    for _ in range(max(1, min(config.cold_reps, 2))):
        port = h.free_port()
        env = clean_env(ASSISTANT_HOST="127.0.0.1", ASSISTANT_PORT=str(port))
        env.update(ASSISTANT_INDEX_DIR=str(index), ASSISTANT_DATA_DIR=data)
        command = [sys.executable, str(h.ROOT / "app.py")]
        ready = lambda port=port: h.http_ok(f"http://127.0.0.1:{port}/")  # noqa: E731
        runs.append(run := h.run_child(command, env=env, cwd=h.ROOT, timeout=180, ready=ready))
        if run.ready_s is None:
            lines = (run.stderr.strip() or run.stdout.strip()).splitlines()
            reason = lines[-1][:300] if lines else f"exited with status {run.returncode}"
            reason = "no page within 180 s" if run.timed_out else reason
            h.log(f"cold: web app n/a ({reason})")
            return {"available": False, "reason": reason}
    h.log(f"cold: web app first page {(result := summarize(runs, 'ready_s'))['s']} s")
    return {"available": True, **result}
