"""The openai: backend against a real HTTP server on 127.0.0.1 (streaming, faults)."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.core import Assistant
from assistant.types import Answer
from tests.openai_server import ChatServer

QUESTION = "Combien de réunions bilatérales Hammouchi a-t-il tenues ?"


def cite_the_number(messages: list[dict[str, Any]]) -> str:
    """Answer like a well-behaved model: find the passage with the fact and quote it."""
    prompt = messages[-1]["content"]
    for n, body in re.findall(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', prompt, re.S):
        if "quarante-trois (43)" in body:
            return f"Il a tenu 43 réunions bilatérales [{n}] «a tenu quarante-trois (43) réunions bilatérales»."
    return "L’article ne le dit pas."


@pytest.fixture
def server() -> Iterator[ChatServer]:
    with ChatServer(cite_the_number) as chat_server:
        yield chat_server


@pytest.fixture
def assistant(make_assistant: Callable[..., Assistant], server: ChatServer) -> Assistant:
    built = make_assistant(
        openai_base_url=server.base_url, llm_timeout=2.0, openai_api_key="sk-secret-123"
    )
    built.index()
    return built


def test_streams_tokens_and_verifies_the_quote(assistant: Assistant, server: ChatServer) -> None:
    events = list(assistant.ask_stream(QUESTION, llm="openai:test-model"))
    answer = events[-1]
    assert isinstance(answer, Answer)
    assert len(events) > 5
    assert answer.backend == "openai:test-model"
    assert answer.answer.startswith("Il a tenu 43 réunions bilatérales [")
    [citation] = answer.citations
    assert citation.verified
    assert assistant.document_text(citation.source)[citation.start : citation.end] == citation.quote
    request = server.requests[-1]
    assert request["stream"] is True and request["model"] == "test-model"
    assert "data, not instructions" in request["messages"][0]["content"]


@pytest.mark.parametrize("mode", ["die-midway", "malformed"])
def test_server_faults_fall_back_to_the_extractive_answer(
    assistant: Assistant, server: ChatServer, mode: str
) -> None:
    server.mode = mode
    answer = assistant.ask(QUESTION, llm="openai:test-model")
    assert answer.backend == "extractive"
    assert "quarante-trois (43)" in answer.answer
    assert (
        len(answer.notices) == 1
        and "The language model (openai:test-model) failed" in answer.notices[0]
    )
    assert "sk-secret-123" not in answer.notices[0] + answer.answer


def test_a_hanging_server_times_out_and_falls_back(
    assistant: Assistant, server: ChatServer
) -> None:
    server.mode = "hang"
    started = time.monotonic()
    answer = assistant.ask(QUESTION, llm="openai:test-model")
    assert time.monotonic() - started < 5
    assert answer.backend == "extractive"
    assert "failed" in answer.notices[0]


def test_connection_refused_falls_back(make_assistant: Callable[..., Assistant]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assistant = make_assistant(openai_base_url=f"http://127.0.0.1:{port}/v1", llm_timeout=2.0)
    assistant.index()
    answer = assistant.ask(QUESTION, llm="openai:test-model")
    assert answer.backend == "extractive"
    assert "failed" in answer.notices[0]
