"""`bench/load.py --quick`: concurrent sessions through the web app, every answer correct and
in its own session."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from assistant.fixtures import Question

ROOT = Path(__file__).resolve().parent.parent


def load_module() -> ModuleType:
    """bench/load.py as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_the_checks_catch_wrong_mixed_and_misunderstood_answers() -> None:
    load = load_module()
    question = Question("q01", "Combien ?", expect=(("43",),))
    reference = load.Reference("Il y a 43 réunions [1].", "Combien ?", False)
    good: dict[str, Any] = {
        "question": "Combien ?",
        "answer": "Il y a 43 réunions [1].",
        "history": [{"question": "Combien ?"}],
    }
    cases = {
        "good": (good, True, True),
        "wrong": ({**good, "answer": "Il y a 44 réunions."}, False, True),
        "another question": ({**good, "question": "Autre ?"}, False, False),
        "understood otherwise": (
            {**good, "standalone_question": "Combien ? (Autre)"},
            False,
            False,
        ),
        "mixed history": (
            {**good, "history": [{"question": "Autre ?"}, {"question": "Combien ?"}]},
            False,
            False,
        ),
    }
    for name, (result, correct, isolated) in cases.items():
        record = load.Record(0, 1, "q01", "Combien ?", False)
        load.check(record, question, result, reference)
        load.check_history(record, result, ["Combien ?"])
        assert (record.correct, record.isolated) == (correct, isolated), (name, record.problems)
    assert load.percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert load.percentile([float(n) for n in range(1, 101)], 95) == 95.0
    assert load.percentile([], 50) is None


@pytest.mark.slow
def test_quick_load_answers_every_session_correctly_and_separately(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--quick", "--json-out", str(out)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"JSON written to {out}" in run.stdout and "latency p95" in run.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    meta, summary = report["meta"], report["summary"]
    assert meta["mode"] == "quick" and meta["ok"] is True and meta["machine"]["nproc"] >= 1
    assert summary["questions_planned"] == meta["sessions"] * meta["questions_per_session"] == 10
    assert summary["answered"] == summary["correct"] == summary["isolated"] == 10
    assert summary["follow_ups"] >= 1  # some questions were sent with their session's history
    assert summary["errors"] == {} and not summary["stopped_at_time_limit"]
    latency = summary["latency_ms"]
    assert 0 < latency["p50"] <= latency["p95"] <= latency["max"]
    assert summary["throughput_qps"] > 0
    sessions = {r["session"] for r in report["records"]}
    assert sessions == set(range(meta["sessions"]))
    assert report["failures"] == []
