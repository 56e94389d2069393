"""The same code against a real Chroma server started on 127.0.0.1 by the test."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.core import Assistant

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chroma_executable() -> str:
    candidate = Path(sys.executable).with_name("chroma")
    return str(candidate) if candidate.exists() else (shutil.which("chroma") or "chroma")


def start_chroma_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    """Start `chroma run` and wait until it answers its heartbeat."""
    import urllib.request

    process = subprocess.Popen(
        [
            chroma_executable(),
            "run",
            "--path",
            str(path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("chroma run exited early")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("chroma run did not answer within 60 s")


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = start_chroma_server(tmp_path / "server-data", port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_chroma_server_serves_the_same_results_as_the_embedded_store(
    make_assistant: Callable[..., Assistant], chroma_server: str
) -> None:
    embedded = make_assistant()
    embedded.index()
    served = make_assistant(chroma_url=chroma_server)
    served.index()
    assert served.store.stats() == embedded.store.stats()
    for question in (
        "How many bilateral meetings did Hammouchi hold?",
        "Quels accords ont été signés ?",
        "Which Asian countries were there?",
    ):
        local = [(p.chunk_id, p.start, p.end) for p in embedded.search(question, k=5)]
        remote = [(p.chunk_id, p.start, p.end) for p in served.search(question, k=5)]
        assert remote == local
    # Unchanged documents are skipped on the server too.
    assert served.index().results[0].status == "unchanged"


def test_a_rebuild_by_another_client_is_picked_up_by_a_running_one(
    make_assistant: Callable[..., Assistant], chroma_server: str
) -> None:
    question = "How many bilateral meetings did Hammouchi hold?"
    running = make_assistant(chroma_url=chroma_server)
    running.index()
    before = running.search(question, k=3)  # its collection handles are now kept
    make_assistant(chroma_url=chroma_server).index(rebuild=True)  # new collections
    after = running.search(question, k=3)
    assert [p.chunk_id for p in after] == [p.chunk_id for p in before]
    assert running.document_text(after[0].source)[after[0].start : after[0].end] == after[0].text


def test_unreachable_chroma_server_is_one_clear_error(
    make_assistant: Callable[..., Assistant],
) -> None:
    from assistant.errors import StoreError

    assistant = make_assistant(chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="Chroma server"):
        assistant.search("Marrakech")
