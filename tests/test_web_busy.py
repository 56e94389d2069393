"""A full queue: a client is told at once that the app is busy, rather than left waiting.

The app is launched with a queue of one waiting request and one answer at a time, over a
fake assistant that holds every answer until the test releases it. `gradio_client` raises
`QueueError("Queue is full! Please try again.")` (HTTP 503, "Queue is full. Max size is 1
…"); a browser shows an error toast "This application is currently busy. Please try again."
and keeps the question in the box.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from assistant import ui
from assistant.types import Answer, Turn
from tests.test_ui import FakeAssistant
from tests.test_ui_browser import CHROMIUM, CHROMIUM_ARGS
from tests.test_ui_client import launch_app

pytestmark = pytest.mark.slow


class HeldAssistant(FakeAssistant):
    """Answers only once `release` is set (a deliberately slow answerer)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.started = threading.Event()
        self.release = threading.Event()

    def ask_stream(
        self, question: str, history: Sequence[Turn] = (), sources: Sequence[str] = ()
    ) -> Iterator[str | Answer]:
        self.started.set()
        self.release.wait(timeout=60)
        yield from super().ask_stream(question, history, sources)


@pytest.fixture
def held(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[tuple[HeldAssistant, Any, str]]:
    """The app with max_size=1 and one answer at a time, over a held assistant."""
    monkeypatch.setattr(ui, "QUEUE_MAX_SIZE", 1)
    monkeypatch.setattr(ui, "concurrency_limit", lambda settings: 1)
    assistant = HeldAssistant(tmp_path / "data")
    demo, url = launch_app(assistant)  # type: ignore[arg-type]
    try:
        yield assistant, demo, url
    finally:
        assistant.release.set()
        demo.close()


def client(url: str) -> Any:
    """A `gradio_client.Client` for the app."""
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False)


def wait_for(condition: Any, timeout: float = 10) -> None:
    """Poll until `condition()` is true."""
    limit = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < limit, "timed out"
        time.sleep(0.02)


def test_a_full_queue_refuses_at_once_with_a_clear_message(
    held: tuple[HeldAssistant, Any, str],
) -> None:
    import httpx
    from gradio_client.exceptions import AppError
    from gradio_client.utils import QueueError

    assistant, demo, url = held
    assert demo._queue.max_size == 1
    first_client, second_client = client(url), client(url)
    first = first_client.submit("Q1 ?", [], api_name="/ask")
    assert assistant.started.wait(10)  # Q1 is being answered (the one slot)
    second = second_client.submit("Q2 ?", [], api_name="/ask")
    wait_for(lambda: len(demo._queue) == 1)  # Q2 waits: the queue is full

    overflow = [client(url) for _ in range(3)]
    results: list[tuple[float, BaseException | None]] = [(0.0, None)] * len(overflow)

    def fire(index: int) -> None:
        started = time.monotonic()
        try:
            overflow[index].predict("Q3 ?", [], api_name="/ask")
            results[index] = (time.monotonic() - started, None)
        except Exception as exc:
            results[index] = (time.monotonic() - started, exc)

    threads = [threading.Thread(target=fire, args=(i,)) for i in range(len(overflow))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    for elapsed, error in results:
        assert isinstance(error, QueueError), error
        assert "Queue is full" in str(error)
        assert elapsed < 3, f"refused after {elapsed:.1f} s: not at once"
        assert not isinstance(error, AppError)

    # Without gradio_client, the HTTP answer says it too: 503 and the reason.
    config = httpx.get(url + "config").json()
    fn_index = next(d["id"] for d in config["dependencies"] if d.get("api_name") == "ask")
    refused = httpx.post(
        url + "gradio_api/queue/join",
        json={"data": ["Q5 ?", []], "fn_index": fn_index, "session_hash": "busytest"},
    )
    assert refused.status_code == 503
    assert "Queue is full" in refused.json()["detail"]

    assistant.release.set()
    assert first.result(timeout=15)["question"] == "Q1 ?"
    assert second.result(timeout=15)["question"] == "Q2 ?"
    # Once the queue drains, the app serves again.
    assert overflow[0].predict("Q4 ?", [], api_name="/ask")["question"] == "Q4 ?"


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_a_browser_user_is_told_the_app_is_busy(held: tuple[HeldAssistant, Any, str]) -> None:
    from playwright.sync_api import sync_playwright

    assistant, demo, url = held
    first = client(url).submit("Q1 ?", [], api_name="/ask")
    assert assistant.started.wait(10)
    second = client(url).submit("Q2 ?", [], api_name="/ask")
    wait_for(lambda: len(demo._queue) == 1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            page.goto(url)
            page.fill("#question textarea", "Combien de réunions ?")
            page.click("#ask")
            toast = page.locator(".toast-body").filter(has_text="busy")
            toast.wait_for()
            assert "This application is currently busy. Please try again." in toast.inner_text()
            # The question stays in the box, to send again.
            assert page.input_value("#question textarea") == "Combien de réunions ?"
        finally:
            browser.close()
    assistant.release.set()
    assert first.result(timeout=15)["question"] == "Q1 ?"
    assert second.result(timeout=15)["question"] == "Q2 ?"
