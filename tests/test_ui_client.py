"""The web chat's API endpoint through `gradio_client`: concurrent sessions never share history."""

from __future__ import annotations

import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from assistant.documents import bundled_source_id
from assistant.embeddings import CachedQueryEmbeddings
from assistant.fixtures import default_fixture_path, load_fixtures, matches_expected
from assistant.types import Turn

pytestmark = pytest.mark.slow

# (fixture item id, an elliptical follow-up that only makes sense after that question)
SESSIONS = [
    ("q14", "Et en Amérique latine ?"),
    ("q16", "Et en Europe ?"),
    ("q20", "Et en Afrique ?"),
    ("q01", "Qui a demandé à les organiser ?"),
    ("q03", "And how many bilateral meetings did Hammouchi hold there?"),
    ("q23", "Et de quoi ont-ils discuté ?"),
    ("q30", "Et avec l’Éthiopie ?"),
    ("q31", "And the one with Norway?"),
    ("q18", "What about Africa?"),
    ("q26", "And who heads the Arab interior ministers council?"),
]


# A note full of HTML, indexed beside the article: the browser test checks it is shown as text.
HOSTILE_NOTE = """# Note du laboratoire de Tanger

Le laboratoire de Tanger a publié une note sur les injections de code dans les pages web. \
La note cite l’exemple <script>window.__pwned=1</script> comme une balise à neutraliser. \
Elle signale aussi <img src=x onerror="window.__pwned=2"> et ${window.__pwned=3} comme des \
pièges classiques.
"""
_SHARED: dict[str, Assistant] = {}


def free_port() -> int:
    """A TCP port nobody listens on right now (on 127.0.0.1)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launch_app(assistant: Assistant) -> tuple[Any, str]:
    """Start the web chat in this process on a free 127.0.0.1 port; (demo, url)."""
    from assistant.ui import build_app, launch_options

    demo = build_app(assistant)
    for attempt in range(3):
        options = launch_options(
            assistant.settings,
            server_name="127.0.0.1",
            server_port=free_port(),
            prevent_thread_lock=True,
            quiet=True,
        )
        try:
            _, url, _ = demo.launch(**options)
            return demo, url
        except OSError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def build_assistant(
    root: Path, embeddings: CachedQueryEmbeddings, extra: list[Path] | None = None
) -> Assistant:
    """An assistant over a fresh index in `root` with the bundled article (and `extra` files)."""
    settings = Settings(index_dir=root / "index", data_dir=root / "data")
    assistant = Assistant(settings, embeddings=embeddings)
    assistant.index()
    if extra:
        report = assistant.index(extra)
        assert not report.errors, report.errors
    return assistant


def shared_assistant(
    tmp_path_factory: pytest.TempPathFactory, embeddings: CachedQueryEmbeddings
) -> Assistant:
    """The article and the hostile note indexed once per test run (the UI tests only read it)."""
    if "assistant" not in _SHARED:
        root = tmp_path_factory.mktemp("ui_index")
        note = root / "note-securite.md"
        note.write_text(HOSTILE_NOTE, encoding="utf-8")
        _SHARED["assistant"] = build_assistant(root, embeddings, extra=[note])
    return _SHARED["assistant"]


def _client(url: str) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


def test_ask_endpoint_returns_the_answer_contract(served: tuple[Assistant, str]) -> None:
    assistant, url = served
    result = _client(url).predict(
        "Combien de réunions bilatérales Hammouchi a-t-il tenues ?", api_name="/ask"
    )
    assert {"question", "answer", "abstained", "citations", "passages", "history"} <= set(result)
    assert "quarante-trois (43)" in result["answer"]
    citation = result["citations"][0]
    text = assistant.document_text(citation["source"])
    assert text[citation["start"] : citation["end"]] == citation["quote"]
    assert result["history"][-1]["question"] == result["question"]


def test_ask_endpoint_errors_are_one_clear_message(served: tuple[Assistant, str]) -> None:
    from gradio_client.exceptions import AppError

    client = _client(served[1])
    with pytest.raises(AppError, match="question is empty"):
        client.predict("   ", api_name="/ask")
    with pytest.raises(AppError, match="history"):
        client.predict("Et en Asie ?", [42], api_name="/ask")
    with pytest.raises(AppError, match=r"No indexed document is 'nope\.md'"):
        client.predict("Combien de réunions ?", [], ["nope.md"], api_name="/ask")


def test_ask_endpoint_takes_the_documents_to_answer_from(served: tuple[Assistant, str]) -> None:
    url = served[1]
    name = Path(bundled_source_id()).name
    result = _client(url).predict("Qui est Tal Goldstein ?", [], [name], api_name="/ask")
    assert {p["source"] for p in result["passages"]} == {bundled_source_id()}
    assert "Forum économique mondial" in result["answer"]


def test_concurrent_sessions_keep_their_own_history(served: tuple[Assistant, str]) -> None:
    assistant, url = served
    items = {q.id: q for q in load_fixtures(default_fixture_path()).items}
    # What each conversation gives when asked alone, in order, straight through the API.
    references = []
    for item_id, follow_up in SESSIONS:
        opening = assistant.ask(items[item_id].q)
        references.append((opening, assistant.ask(follow_up, [Turn.from_answer(opening)])))
    standalones = {second.standalone_question for _, second in references}
    assert len(standalones) == len(SESSIONS), "follow-ups must depend on their own history"

    start = threading.Barrier(len(SESSIONS))

    def converse(index: int) -> tuple[dict[str, Any], dict[str, Any]]:
        item_id, follow_up = SESSIONS[index]
        client = _client(url)
        start.wait(timeout=60)
        first = client.predict(items[item_id].q, [], api_name="/ask")
        second = client.predict(follow_up, first["history"], api_name="/ask")
        return first, second

    with ThreadPoolExecutor(len(SESSIONS)) as pool:
        results = list(pool.map(converse, range(len(SESSIONS))))

    for (item_id, follow_up), (first, second), (ref_first, ref_second) in zip(
        SESSIONS, results, references, strict=True
    ):
        item = items[item_id]
        assert first["question"] == item.q
        assert matches_expected(first["answer"], item.expect), (item_id, first["answer"])
        assert first["answer"] == ref_first.answer
        assert second["question"] == follow_up
        assert second["standalone_question"] == ref_second.standalone_question, item_id
        assert second["answer"] == ref_second.answer, item_id
        assert [c["quote"] for c in second["citations"]] == [c.quote for c in ref_second.citations]
        assert [t["question"] for t in second["history"]] == [item.q, follow_up]


def test_history_may_be_earlier_questions_as_text(served: tuple[Assistant, str]) -> None:
    assistant, url = served
    first = "Quels pays d’Amérique latine ont rencontré Hammouchi ?"
    result = _client(url).predict("Et en Afrique ?", [first], api_name="/ask")
    expected = assistant.ask("Et en Afrique ?", [Turn(first, first)])
    assert result["standalone_question"] == expected.standalone_question != "Et en Afrique ?"
    assert result["answer"] == expected.answer
