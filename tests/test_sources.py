"""Limiting search and answers to some indexed documents (`--source`, `sources=`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.core import Assistant
from assistant.documents import bundled_source_id
from assistant.errors import DocumentError

# A made-up article on the same subject as the bundled one, so that an unscoped search
# mixes both and a scoped one must not.
RIVAL = """# Lyon accueille une conférence régionale sur la sécurité

La ville de Lyon a accueilli, du 3 au 5 mars 2026, une conférence régionale sur la \
sécurité. Le préfet de police y a tenu douze réunions bilatérales avec des délégations \
étrangères, consacrées à la coopération policière et à la lutte contre la cybercriminalité.

Un mémorandum d’entente a été signé avec la police suisse pour échanger des expertises.
"""
QUESTION = "Combien de réunions bilatérales ont été tenues ?"


@pytest.fixture
def two_articles(tmp_path: Path, make_assistant: Callable[..., Assistant]) -> tuple[Assistant, str]:
    rival = tmp_path / "news" / "lyon.md"
    rival.parent.mkdir()
    rival.write_text(RIVAL, encoding="utf-8")
    assistant = make_assistant()
    assistant.index()
    assistant.index([str(rival)])
    return assistant, str(rival)


def test_search_and_answers_stay_in_the_chosen_documents(
    two_articles: tuple[Assistant, str],
) -> None:
    assistant, rival = two_articles
    article = bundled_source_id()
    everywhere = {p.source for p in assistant.search(QUESTION, 10)}
    assert everywhere == {article, rival}  # the question matches both
    assert {p.source for p in assistant.search(QUESTION, 10, [rival])} == {rival}
    assert {p.source for p in assistant.search(QUESTION, 10, ["lyon.md"])} == {rival}
    assert assistant.resolve_sources([f"{Path(rival).parent}/./lyon.md", rival]) == [rival]
    only_article = assistant.ask(QUESTION, sources=[Path(article).name])
    assert {p.source for p in only_article.passages} == {article}
    assert "43" in only_article.answer and "douze" not in only_article.answer
    only_rival = assistant.ask(QUESTION, sources=[rival])
    assert "douze" in only_rival.answer
    assert {c.source for c in only_rival.citations} == {rival}


def test_unknown_and_ambiguous_documents_are_clear_errors(
    two_articles: tuple[Assistant, str], tmp_path: Path
) -> None:
    assistant, _ = two_articles
    with pytest.raises(DocumentError, match=r"No indexed document is 'nope\.md'"):
        assistant.ask(QUESTION, sources=["nope.md"])
    twin = tmp_path / "other" / "lyon.md"
    twin.parent.mkdir()
    twin.write_text(RIVAL.replace("douze", "onze"), encoding="utf-8")
    assistant.index([str(twin)])
    with pytest.raises(DocumentError, match=r"'lyon\.md' could be any of"):
        assistant.search(QUESTION, 3, ["lyon.md"])
    assert {p.source for p in assistant.search(QUESTION, 10, [str(twin)])} == {str(twin)}


def test_the_command_line_takes_source(two_articles: tuple[Assistant, str]) -> None:
    assistant, rival = two_articles
    env = {
        "ASSISTANT_INDEX_DIR": str(assistant.settings.index_dir),
        "ASSISTANT_DATA_DIR": str(assistant.settings.data_dir),
    }
    runner = CliRunner()
    result = runner.invoke(cli, ["ask", QUESTION, "--json", "--source", "lyon.md"], env=env)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {p["source"] for p in payload["passages"]} == {rival}
    result = runner.invoke(cli, ["search", QUESTION, "--json", "--source", "lyon.md"], env=env)
    assert {h["source"] for h in json.loads(result.output)["hits"]} == {rival}
    result = runner.invoke(
        cli, ["chat", "--json", "--source", rival], input=f"{QUESTION}\nEt à Lyon ?\n", env=env
    )
    turns = [json.loads(line) for line in result.output.splitlines()]
    assert len(turns) == 2
    assert all(p["source"] == rival for turn in turns for p in turn["passages"])
    result = runner.invoke(cli, ["chat", "--source", "nope.md"], input=QUESTION, env=env)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: No indexed document is 'nope.md'; `assistant index --list` shows them"
    ]
