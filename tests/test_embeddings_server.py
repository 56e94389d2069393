"""Embeddings from an OpenAI-compatible server (a local stand-in serving real e5 vectors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from assistant.errors import AssistantError
from tests.embeddings_server import EmbeddingsServer

NOTE = "Note du port\n\nLe port de Tanger a reçu 12 nouvelles grues en 2026.\n"


def _assistant(folder: Path, url: str, **extra: object) -> Assistant:
    settings = Settings(
        index_dir=folder / "index",
        data_dir=folder / "data",
        embeddings="openai:multilingual-e5-small",
        embeddings_url=url,
        embeddings_batch=8,
        embeddings_concurrency=2,
        embeddings_query_prefix="query: ",
        embeddings_passage_prefix="passage: ",
        **extra,  # type: ignore[arg-type]
    )
    return Assistant(settings)


def test_index_and_answer_with_vectors_from_a_server(tmp_path: Path, e5) -> None:  # type: ignore[no-untyped-def]
    with EmbeddingsServer(e5._encode) as server:
        assistant = _assistant(tmp_path, server.base_url)
        assistant.index()
        assert server.batches and max(server.batches) <= 8  # bounded batches
        assert assistant.store.built_with() == "openai:multilingual-e5-small"
        answer = assistant.ask("Combien de réunions bilatérales Hammouchi a-t-il tenues ?")
        assert "43" in answer.lead and answer.citations[0].verified


def test_a_server_that_is_down_slow_or_serving_another_model_changes_nothing(
    tmp_path: Path, e5
) -> None:  # type: ignore[no-untyped-def]
    note = tmp_path / "note.md"
    note.write_text(NOTE, encoding="utf-8")
    with EmbeddingsServer(e5._encode) as server:
        assistant = _assistant(tmp_path, server.base_url)
        assistant.index()
        before = [(r.source, r.sha) for r in assistant.store.documents()]

        server.mode = "wrong-dimension"
        with pytest.raises(AssistantError, match="dimensions"):
            assistant.index([note])
        assert [(r.source, r.sha) for r in assistant.store.documents()] == before

        server.mode = "slow"
        fresh = _assistant(tmp_path, server.base_url, embeddings_timeout=0.5)
        with pytest.raises(AssistantError, match=r"did not answer within 0.5 s"):
            fresh.index([note])
        assert [(r.source, r.sha) for r in fresh.store.documents()] == before
        url = server.base_url
    down = _assistant(tmp_path, url)
    with pytest.raises(AssistantError, match="cannot be reached") as raised:
        down.index([note])
    assert "\n" not in str(raised.value)
    assert [(r.source, r.sha) for r in down.store.documents()] == before


def test_a_model_name_without_a_url_is_one_clear_error(tmp_path: Path) -> None:
    assistant = _assistant(tmp_path, "")
    with pytest.raises(AssistantError, match="needs ASSISTANT_EMBEDDINGS_URL"):
        assistant.embeddings.embed_query("x")
