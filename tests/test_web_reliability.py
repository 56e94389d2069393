"""The web chat under bad questions and faults: a clear message, never a traceback, still serving.

Bad questions go through the `ask` endpoint (`gradio_client`) and through `WebChat.respond`,
the code behind the chat box; a full disk while writing feedback; the index deleted while
the app runs, then rebuilt by `assistant index --rebuild` in another process.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.core import Assistant
from assistant.embeddings import CachedQueryEmbeddings
from assistant.ui import ChatSession, WebChat
from tests.test_ui_client import build_assistant, launch_app, shared_assistant

pytestmark = pytest.mark.slow

# (question, what the user must get: a one-line error, an answer, or an answer with a notice)
BAD_QUESTIONS = [
    ("", "error"),
    (" \t\n ", "error"),
    ("\x00\x00\x1b[31m", "error"),
    ("Qui est\x00 Tal\x07 Goldstein ?", "answer"),
    ("Qui est Tal Goldstein 😀🎉 ?", "answer"),
    ("Who is Тал Goldstein، 高德斯坦?", "answer"),
    ("¿Quién es Tal Goldstein?", "notice"),
    ("من هو طال غولدشتاين؟", "notice"),
    ("Combien de réunions bilatérales ? " + "x" * 100_000, "notice"),
]
IDS = ["empty", "whitespace", "nul-ansi-only", "nul-bell", "emoji", "mixed-scripts", "spanish"]
IDS += ["arabic", "100k-chars"]
COUNT_QUESTION = "Combien de réunions bilatérales Hammouchi a-t-il tenues ?"
TAL = "Qui est Tal Goldstein ?"


def client(url: str) -> Any:
    """A `gradio_client.Client` for the app."""
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False)


def no_traceback_logged(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing was logged with a traceback (an unexpected failure) while the test ran."""
    failures = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not failures, [r.getMessage()[:200] for r in failures]


def assert_one_clear_line(message: str) -> None:
    """A user-facing error: one short line naming the problem, no traceback."""
    assert "Traceback" not in message and 'File "' not in message
    assert "\n" not in message.strip() and 0 < len(message) < 300, message


def check_citations(assistant: Assistant, citations: list[dict[str, Any]]) -> None:
    """Every citation is a verbatim slice of its source."""
    for citation in citations:
        text = assistant.document_text(citation["source"])
        assert text[citation["start"] : citation["end"]] == citation["quote"]


# -- bad questions ----------------------------------------------------------------------------


@pytest.mark.parametrize(("question", "expectation"), BAD_QUESTIONS, ids=IDS)
def test_bad_questions_through_the_api(
    served: tuple[Assistant, str],
    caplog: pytest.LogCaptureFixture,
    question: str,
    expectation: str,
) -> None:
    from gradio_client.exceptions import AppError

    assistant, url = served
    api = client(url)
    with caplog.at_level(logging.WARNING):
        if expectation == "error":
            with pytest.raises(AppError) as caught:
                api.predict(question, [], api_name="/ask")
            assert_one_clear_line(str(caught.value))
            assert "question" in str(caught.value).lower()
        else:
            result = api.predict(question, [], api_name="/ask")
            assert result["answer"].strip()
            check_citations(assistant, result["citations"])
            if expectation == "notice":
                assert result["notices"], result
            # A follow-up after the odd question works too (its history came back usable).
            then = api.predict("Et de quoi ont-ils discuté ?", result["history"], api_name="/ask")
            assert then["answer"].strip()
    no_traceback_logged(caplog)


@pytest.mark.parametrize(("question", "expectation"), BAD_QUESTIONS, ids=IDS)
def test_bad_questions_in_the_chat(
    served: tuple[Assistant, str],
    caplog: pytest.LogCaptureFixture,
    question: str,
    expectation: str,
) -> None:
    chat = WebChat(served[0])
    session = ChatSession()
    with caplog.at_level(logging.WARNING):
        updates = list(chat.respond(question, session))
    last = updates[-1].messages[-1]["content"]
    assert "Traceback" not in last
    if expectation == "error":
        assert "msg-error" in last and "question" in last.lower()
        assert session.turns == []
    else:
        assert "msg-error" not in last and 'class="answer' in last
        assert len(session.turns) == 1
        if expectation == "notice":
            assert 'class="notice"' in last
    no_traceback_logged(caplog)
    # The session goes on: the next question is answered.
    after = list(chat.respond(COUNT_QUESTION, session))[-1].messages[-1]["content"]
    assert "quarante-trois (43)" in after


def test_the_app_still_serves_after_the_bad_questions(served: tuple[Assistant, str]) -> None:
    api = client(served[1])
    result = api.predict(COUNT_QUESTION, [], api_name="/ask")
    assert "quarante-trois (43)" in result["answer"]


# -- faults -----------------------------------------------------------------------------------


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or not os.path.exists("/dev/full"),
    reason="needs Linux's /dev/full",
)
def test_a_full_disk_while_writing_feedback_does_not_stop_the_chat(
    tmp_path_factory: pytest.TempPathFactory, e5: CachedQueryEmbeddings, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "feedback.jsonl").symlink_to("/dev/full")  # every write fails with ENOSPC
    indexed = shared_assistant(tmp_path_factory, e5)
    chat = WebChat(Assistant(indexed.settings.replace(data_dir=data), embeddings=e5))
    session = ChatSession()
    list(chat.respond(COUNT_QUESTION, session))
    notice = chat.record_vote(session, 1, True)
    assert "could not be saved" in notice and "No space left on device" in notice
    assert "could not be saved" in chat.record_vote(session, 1, False)
    last = list(chat.respond("Et en Afrique ?", session))[-1]
    assert "msg-error" not in last.messages[-1]["content"]
    assert 'href="#src-2-1"' in last.messages[-1]["content"] and "<mark>" in last.panel
    assert len(session.turns) == 2


def test_index_deleted_while_the_app_runs_then_rebuilt_in_another_process(
    e5: CachedQueryEmbeddings, tmp_path: Path
) -> None:
    from gradio_client.exceptions import AppError

    assistant = build_assistant(tmp_path, e5)
    demo, url = launch_app(assistant)
    chat = WebChat(assistant)  # the chat box's code, on the assistant the app serves
    try:
        api = client(url)
        assert "Tal Goldstein" in api.predict(TAL, [], api_name="/ask")["answer"]
        shutil.rmtree(tmp_path / "index")

        with pytest.raises(AppError) as caught:
            api.predict(TAL, [], api_name="/ask")
        assert_one_clear_line(str(caught.value))
        assert "assistant index" in str(caught.value)
        shown = list(chat.respond(TAL, ChatSession()))[-1].messages[-1]["content"]
        assert "msg-error" in shown and "assistant index" in shown and "Traceback" not in shown
        assert "0 documents, 0 chunks indexed" in chat.status_html()

        rebuilt = subprocess.run(
            [sys.executable, "-m", "assistant", "index", "--rebuild"],
            env={**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "index")},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert rebuilt.returncode == 0, rebuilt.stderr

        result = api.predict(TAL, [], api_name="/ask")  # the running app answers again
        assert "Tal Goldstein" in result["answer"]
        check_citations(assistant, result["citations"])
        shown = list(chat.respond(TAL, ChatSession()))[-1].messages[-1]["content"]
        assert "msg-error" not in shown and 'href="#src-1-1"' in shown
        assert "1 document, 14 chunks" in chat.status_html()
    finally:
        demo.close()
