"""Faults around the index: deleted, corrupted, killed mid-indexing, Chroma server restarts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.errors import StoreError
from tests.test_chroma_server import free_port, start_chroma_server

pytestmark = pytest.mark.slow


def run_cli(
    env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def big_article(path: Path, paragraphs: int) -> None:
    """A long but varied article, so indexing takes a few seconds."""
    topics = ["port", "école", "hôpital", "marché", "gare", "musée", "stade", "barrage"]
    cities = ["Tanger", "Fès", "Agadir", "Oujda", "Meknès", "Safi", "Nador", "Tétouan"]
    lines = ["Un long article de test", ""]
    for n in range(paragraphs):
        topic, city = topics[n % len(topics)], cities[(n // len(topics)) % len(cities)]
        lines.append(f"Section {n}")
        lines.append(
            f"Le {topic} de {city} a reçu {n + 3} visiteurs le {n % 28 + 1} mars. "
            f"Les responsables du {topic} prévoient {n * 7 % 90 + 10} nouveaux projets à {city}."
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_deleted_index_gives_a_clear_error_and_rebuild_recovers(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    running = make_assistant()
    running.index()
    assert running.ask("Qui est Tal Goldstein ?").citations
    shutil.rmtree(tmp_path / "index")
    with pytest.raises(StoreError, match="run `assistant index` first"):
        running.ask("Qui est Tal Goldstein ?")
    env = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    assert run_cli(env, "index", "--rebuild").returncode == 0
    assert running.ask("Qui est Tal Goldstein ?").citations  # the running app sees the new index


def test_corrupted_index_is_a_clear_error_and_rebuild_recovers(tmp_path: Path) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    assert run_cli(env, "index").returncode == 0
    with open(tmp_path / "index" / "chroma.sqlite3", "r+b") as handle:
        handle.write(b"this is not a database" * 50)
    broken = run_cli(env, "ask", "Qui est Tal Goldstein ?")
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr
    assert broken.stderr.strip().startswith("Error: Cannot open the index")
    assert "assistant index --rebuild" in broken.stderr
    rebuilt = run_cli(env, "index", "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "moved to" in rebuilt.stderr
    answer = json.loads(run_cli(env, "ask", "Qui est Tal Goldstein ?", "--json").stdout)
    assert "Tal Goldstein" in answer["citations"][0]["quote"]


def test_indexing_killed_with_sigkill_leaves_the_previous_index_answering(tmp_path: Path) -> None:
    env = {"ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    assert run_cli(env, "index").returncode == 0
    article = tmp_path / "long.txt"
    big_article(article, 200)
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "index", str(article)],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(2.5)  # model loaded, part of the chunks embedded and written
    assert process.poll() is None, (
        "indexing finished before it could be killed: make the article longer"
    )
    process.send_signal(signal.SIGKILL)
    process.wait()
    answer = run_cli(
        env, "ask", "Combien de réunions bilatérales Hammouchi a-t-il tenues ?", "--json"
    )
    assert answer.returncode == 0, answer.stderr
    assert "quarante-trois (43)" in json.loads(answer.stdout)["answer"]
    listing = run_cli(env, "index", "--list").stdout
    assert str(article) not in listing  # the killed run never committed
    completed = run_cli(env, "index", str(article), timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert "added" in completed.stdout
    hits = json.loads(run_cli(env, "search", "visiteurs du musée de Fès", "--json").stdout)["hits"]
    assert any(h["source"] == str(article) for h in hits)


def test_chroma_server_stopped_and_restarted_mid_session(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    port = free_port()
    data = tmp_path / "server-data"
    server = start_chroma_server(data, port)
    try:
        assistant = make_assistant(chroma_url=f"http://127.0.0.1:{port}")
        assistant.index()
        assert assistant.ask("Qui est Tal Goldstein ?").citations
        server.terminate()
        server.wait(timeout=10)
        with pytest.raises(StoreError):
            assistant.ask("Qui est Tal Goldstein ?")
        server = start_chroma_server(data, port)
        assert assistant.ask("Qui est Tal Goldstein ?").citations
    finally:
        server.terminate()
        server.wait(timeout=10)
