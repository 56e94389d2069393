from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {
        "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
    }
    assert CliRunner().invoke(cli, ["index"], env=values).exit_code == 0
    return values


def test_ask_json_follows_the_contract(env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        cli, ["ask", "How many bilateral meetings did Hammouchi hold?", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {
        "question",
        "answer",
        "abstained",
        "backend",
        "citations",
        "passages",
        "timings_ms",
    } <= set(payload)
    assert payload["backend"] == "extractive" and payload["abstained"] is False
    citation = payload["citations"][0]
    assert set(citation) == {"n", "chunk_id", "source", "quote", "start", "end", "verified"}
    article = Path("assistant/data/marrakech-interpol-2025.fr.txt").read_text(encoding="utf-8")
    assert article[citation["start"] : citation["end"]] == citation["quote"]
    assert set(payload["timings_ms"]) == {"retrieve", "answer", "total"}
    assert set(payload["passages"][0]) == {
        "chunk_id",
        "source",
        "section",
        "text",
        "start",
        "end",
        "score",
    }


def test_ask_json_says_why_the_article_gave_no_answer(env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        cli, ["ask", "What is the name of Hammouchi's dog?", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["abstained"] is True and payload["abstain_reason"]
    answered = CliRunner().invoke(
        cli, ["ask", "How many bilateral meetings did Hammouchi hold?", "--json"], env=env
    )
    assert json.loads(answered.output)["abstain_reason"] == ""


def test_ask_prints_the_answer_and_its_sources(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["ask", "Qui est Tal Goldstein ?"], env=env)
    assert result.exit_code == 0
    assert "Tal Goldstein, membre du comité exécutif du Forum économique mondial" in result.output
    assert "Sources:\n[1] assistant/data/marrakech-interpol-2025.fr.txt, chars " in result.output


def test_ask_empty_question_is_one_error_line(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["ask", "   "], env=env)
    assert result.exit_code == 1
    assert (
        result.output.strip() == "Error: The question is empty: type a question about the article"
    )


def test_chat_json_reads_one_question_per_line_with_history(env: dict[str, str]) -> None:
    stdin = "Quel accord a été signé avec la police norvégienne ?\n\nEt avec l’Éthiopie ?\n"
    result = CliRunner().invoke(cli, ["chat", "--json"], input=stdin, env=env)
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.output.splitlines()]
    assert len(turns) == 2
    assert "norvégienne" in turns[0]["answer"]
    assert "Éthiopie" in turns[1]["standalone_question"]
    assert "éthiopienne" in turns[1]["answer"]


def test_unknown_llm_backend_is_one_error_line(env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        cli, ["ask", "Qui est Tal Goldstein ?", "--llm", "gpt4all:foo"], env=env
    )
    assert result.exit_code == 1
    assert "unknown backend 'gpt4all'" in result.output


def test_an_internal_error_is_one_line_and_a_logged_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug (not bad input) still gives one line; the traceback goes to data/errors.log."""
    from assistant import cli as cli_module
    from assistant.core import Assistant

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(Assistant, "ask_stream", broken)
    monkeypatch.setattr("sys.argv", ["assistant", "ask", "Combien ?"])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (RuntimeError: boom)" in err
    assert "Traceback" in (tmp_path / "data" / "errors.log").read_text(encoding="utf-8")
