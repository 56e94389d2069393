from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
    }


def test_index_then_search_json_contract(env: dict[str, str]) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["index"], env=env)
    assert result.exit_code == 0, result.output
    assert "added" in result.output
    assert runner.invoke(cli, ["index"], env=env).output.startswith("unchanged")
    result = runner.invoke(
        cli,
        ["search", "How many bilateral meetings did Hammouchi hold?", "--json", "--k", "3"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["question"] == "How many bilateral meetings did Hammouchi hold?"
    assert len(payload["hits"]) == 3
    assert set(payload["hits"][0]) == {
        "chunk_id",
        "source",
        "section",
        "text",
        "start",
        "end",
        "score",
    }
    assert "quarante-trois (43) réunions bilatérales" in payload["hits"][0]["text"]


def test_bad_file_is_one_error_line_and_exit_1(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00binary")
    result = CliRunner().invoke(cli, ["index", str(bad)], env=env)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"Error: {bad}: binary file" in result.output


def test_search_without_index_says_what_to_do(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["search", "Marrakech"], env=env)
    assert result.exit_code == 1
    assert "run `assistant index` first" in result.output
    assert "Traceback" not in result.output


def test_invalid_setting_is_one_clear_line(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["search", "x"], env={**env, "ASSISTANT_TOP_K": "many"})
    assert result.exit_code == 1
    assert "ASSISTANT_TOP_K='many' is not a valid int" in result.output


def test_unknown_embedding_backend_is_one_clear_line(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["index"], env={**env, "ASSISTANT_EMBEDDINGS": "word2vec"})
    assert result.exit_code == 1
    assert "ASSISTANT_EMBEDDINGS='word2vec' is not known" in result.output


def test_missing_sentence_transformers_model_is_one_clear_line(
    env: dict[str, str], tmp_path: Path
) -> None:
    spec = f"sentence-transformers:{tmp_path / 'no-such-model'}"
    result = CliRunner().invoke(cli, ["index"], env={**env, "ASSISTANT_EMBEDDINGS": spec})
    assert result.exit_code == 1
    assert "Cannot load sentence-transformers model" in result.output
    assert "Traceback" not in result.output


def test_remove_and_list(env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    doc = tmp_path / "note.md"
    doc.write_text("# Note\n\nUne note sur le port de Tanger.\n", encoding="utf-8")
    runner.invoke(cli, ["index"], env=env)
    assert runner.invoke(cli, ["index", str(doc)], env=env).exit_code == 0
    listing = runner.invoke(cli, ["index", "--list"], env=env).output
    assert str(doc) in listing and "assistant/data/" in listing
    removed = runner.invoke(cli, ["index", "--remove", str(doc)], env=env)
    assert removed.exit_code == 0 and "removed" in removed.output
    assert str(doc) not in runner.invoke(cli, ["index", "--list"], env=env).output


@pytest.mark.slow
def test_python_dash_m_and_sentence_transformers_backend(env: dict[str, str]) -> None:
    """The console module works, and the MiniLM backend indexes and searches offline."""
    full_env = {
        **os.environ,
        **env,
        "ASSISTANT_EMBEDDINGS": "sentence-transformers:all-MiniLM-L6-v2",
    }
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "index"], env=full_env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "search", "Accords avec la Norvège", "--json"],
        env=full_env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    hits = json.loads(run.stdout)["hits"]
    assert any("norvégienne" in h["text"] for h in hits[:3])
