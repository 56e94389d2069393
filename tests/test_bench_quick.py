"""`bench/run.py --quick` runs end to end and writes sane figures (what `make bench-quick` runs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def positive(value: Any) -> bool:
    return isinstance(value, int | float) and value > 0


def test_quick_benchmark_writes_the_expected_json(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--json-out",
            str(out),
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"JSON written to {out}" in result.stdout
    assert "Targets" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"meta", "article", "cold", "scale", "targets"}
    assert data["meta"]["mode"] == "quick"
    assert data["meta"]["machine"]["nproc"] >= 1

    article = data["article"]
    for name in ("ours", "baseline"):
        figures = article[name]
        assert positive(figures["model_load_s"])
        assert positive(figures["index_s"])
        assert figures["chunks"] > 0
        assert figures["search_ms"]["n"] > 0
        assert 0 < figures["search_ms"]["p50"] <= figures["search_ms"]["p95"]
        assert 0 <= figures["quality"]["recall@1"] <= 1
        assert 0 <= figures["quality"]["mrr"] <= 1
    assert positive(article["ratios"]["index"])
    assert positive(article["ratios"]["search_p50"])
    if article["ours"]["ask_available"] and not article["ours"].get("ask_error"):
        assert positive(article["ours"]["ask_ms"]["p50"])
    # The bundled article alone: the evidence passage is found for most questions.
    assert article["ours"]["quality"]["mrr"] >= 0.5

    cold = data["cold"]
    for name in ("ours_cli", "baseline_cli", "ours_index_cli"):
        assert positive(cold[name]["s"]), cold[name]
        assert positive(cold[name]["peak_rss_mb"])
        assert "error" not in cold[name], cold[name]
    assert cold["ours_cli"]["command"] in {"assistant ask", "assistant search"}
    web = cold["web"]
    if web["available"]:
        assert positive(web["s"])
        assert positive(web["peak_rss_mb"])
    else:
        assert "reason" in web

    scale = data["scale"]
    assert positive(scale["calibration"]["ours"]["texts_per_s"])
    assert positive(scale["calibration"]["baseline"]["texts_per_s"])
    (size,) = scale["sizes"]
    assert size["docs"] == 20
    for key in ("ours_embedded", "ours_server", "baseline_embedded", "baseline_server"):
        figures = size[key]
        assert figures["docs"] == 20
        assert figures["chunks"] > 20
        assert positive(figures["store_chunks_per_s"])
        assert positive(figures["pipeline_chunks_per_s"])
        assert positive(figures["disk_mb"])
        assert 0 < figures["search_ms"]["p50"] <= figures["search_ms"]["p95"]
        assert 0 <= figures["quality"]["recall@1"] <= 1
    # The article is still found among the generated documents.
    assert size["ours_embedded"]["quality"]["article_top1"] >= 0.5
    assert size["ours_server"]["quality"]["article_top1"] >= 0.5

    names = [t["target"] for t in data["targets"]]
    assert len(names) == 5
    assert any("new questions" in name for name in names)
    for target in data["targets"]:
        assert target["met"] in {True, False, None}
