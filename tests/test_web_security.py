"""Security checks of the web app: where it listens, the login warning, no API key leaks, and
nothing written outside the data and index folders."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from tests.test_ui import FakeAssistant, FakeStore
from tests.test_ui_client import free_port

ROOT = Path(__file__).resolve().parent.parent
CANARY_KEY = "sk-CANARY-do-not-leak-4f7a1c9e"
LIBRARY_FOLDERS = ("GRADIO_TEMP_DIR", "MPLCONFIGDIR")


class ReadyStore(FakeStore):
    """An index that exists."""

    location = "index/"

    def exists(self) -> bool:
        return True


class ReadyEmbeddings:
    """A model that is already loaded."""

    def load(self) -> None:
        return None


class ReadyAssistant(FakeAssistant):
    """What `app.main` needs: settings, an index that exists, a loaded model."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings.data_dir)
        self.settings = settings
        self.store = ReadyStore()
        self.embeddings = ReadyEmbeddings()

    def ensure_index(self, progress: Any = None) -> bool:
        return False


def run_main(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict[str, Any]:
    """`app.main()` with these ASSISTANT_* variables; the keyword arguments given to launch()."""
    import gradio as gr

    import app

    for name in [n for n in os.environ if n.startswith("ASSISTANT_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    launched: dict[str, Any] = {}
    monkeypatch.setattr(app, "Assistant", ReadyAssistant)
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **options: launched.update(options))
    app.main()
    return launched


def test_app_listens_on_loopback_unless_told_and_warns_without_a_login(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    for name in LIBRARY_FOLDERS:  # restored after the test, whatever app.main sets
        monkeypatch.setenv(name, str(tmp_path / name))
    data = str(tmp_path / "data")
    with caplog.at_level(logging.WARNING, logger="assistant.ui"):
        options = run_main(monkeypatch, ASSISTANT_DATA_DIR=data)
        assert options["server_name"] == "127.0.0.1" and options["auth"] is None
        assert not caplog.records
        options = run_main(monkeypatch, ASSISTANT_DATA_DIR=data, ASSISTANT_HOST="::1")
        assert options["server_name"] == "::1" and not caplog.records
        options = run_main(
            monkeypatch, ASSISTANT_DATA_DIR=data, ASSISTANT_HOST="0.0.0.0", ASSISTANT_UI_AUTH="a:b"
        )
        assert options["server_name"] == "0.0.0.0" and options["auth"] == ("a", "b")
        assert not caplog.records
        options = run_main(monkeypatch, ASSISTANT_DATA_DIR=data, ASSISTANT_HOST="0.0.0.0")
        assert options["server_name"] == "0.0.0.0" and options["auth"] is None
    [warning] = caplog.records
    assert warning.levelno == logging.WARNING
    assert "0.0.0.0 without a login" in warning.getMessage()
    assert "ASSISTANT_UI_AUTH" in warning.getMessage()
    assert options["show_error"] is False  # server errors are not sent to browsers verbatim
    with pytest.raises(SystemExit, match="Error: ASSISTANT_UI_AUTH must be user:password"):
        run_main(monkeypatch, ASSISTANT_HOST="0.0.0.0", ASSISTANT_UI_AUTH="no-password")


def test_library_folders_go_into_the_data_dir_unless_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import app

    for name in LIBRARY_FOLDERS:
        monkeypatch.setenv(name, "")
    app.keep_library_files_in_data_dir(Settings(data_dir=tmp_path / "data"))
    assert os.environ["GRADIO_TEMP_DIR"] == str(tmp_path / "data" / "cache" / "gradio")
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "data" / "cache" / "matplotlib")
    monkeypatch.setenv("GRADIO_TEMP_DIR", "/elsewhere")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MPLCONFIGDIR", "")
    app.keep_library_files_in_data_dir(Settings(data_dir=blocked))
    assert os.environ["GRADIO_TEMP_DIR"] == "/elsewhere"  # the user's choice stands
    assert os.environ["MPLCONFIGDIR"] == ""  # unwritable data folder: library default


def listening_addresses(pid: int) -> set[str]:
    """The addresses a process listens on."""
    import psutil

    process = psutil.Process(pid)
    connections = getattr(process, "net_connections", process.connections)()
    return {c.laddr.ip for c in connections if c.status == psutil.CONN_LISTEN}


@pytest.mark.slow
def test_the_app_leaks_no_key_listens_locally_and_writes_only_its_folders(tmp_path: Path) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    home, work, tmp = tmp_path / "home", tmp_path / "work", tmp_path / "tmp"
    for folder in (home, work, tmp):
        folder.mkdir()
    port, closed = free_port(), free_port()  # nothing listens on `closed`: the LLM is down
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "GRADIO_"))}
    env.pop("MPLCONFIGDIR", None)
    env.update(
        HOME=str(home),
        TMPDIR=str(tmp),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        ASSISTANT_INDEX_DIR=str(tmp_path / "index"),
        ASSISTANT_DATA_DIR=str(tmp_path / "data"),
        ASSISTANT_PORT=str(port),
        ASSISTANT_LLM="openai:x",
        ASSISTANT_OPENAI_BASE_URL=f"http://127.0.0.1:{closed}/v1",
        ASSISTANT_OPENAI_API_KEY=CANARY_KEY,
        ASSISTANT_LLM_TIMEOUT="5",
    )
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py")], cwd=work, env=env, stdout=out, stderr=err
        )
    url = f"http://127.0.0.1:{port}/"
    seen: list[str] = []
    try:
        limit = time.monotonic() + 180
        while True:
            assert process.poll() is None, stderr.read_text("utf-8", "replace")[-2000:]
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    seen.append(response.read().decode("utf-8", "replace"))
                break
            except OSError:
                assert time.monotonic() < limit, "the app did not start"
                time.sleep(0.25)
        assert listening_addresses(process.pid) == {"127.0.0.1"}  # ASSISTANT_HOST unset

        api = Client(url, verbose=False, download_files=False, analytics_enabled=False)
        first = api.predict(
            "Combien de réunions bilatérales Hammouchi a-t-il tenues ?", [], api_name="/ask"
        )
        then = api.predict("Et en Afrique ?", first["history"], api_name="/ask")
        with pytest.raises(AppError) as empty:
            api.predict("  ", [], api_name="/ask")
        seen += [json.dumps(first), json.dumps(then), str(empty.value)]
        with urllib.request.urlopen(url + "config", timeout=5) as response:
            seen.append(response.read().decode("utf-8", "replace"))
        # The LLM is down: each answer says so in a notice and falls back to the extractive one.
        assert first["backend"] == "extractive" and "quarante-trois (43)" in first["answer"]
        assert any("language model (openai:x) failed" in n for n in first["notices"])
        assert any("Follow-up rewritten without the LLM" in n for n in then["notices"])
    finally:
        process.terminate()
        process.wait(timeout=30)
    logs = stdout.read_text("utf-8", "replace") + stderr.read_text("utf-8", "replace")
    assert "Traceback" not in logs
    for text in [*seen, logs]:
        assert CANARY_KEY not in text and CANARY_KEY[3:20] not in text
    # Nothing outside the data and index folders: not HOME, not the working folder, not TMPDIR.
    assert sorted(str(p.relative_to(tmp_path)) for p in home.rglob("*")) == []
    assert sorted(str(p.relative_to(tmp_path)) for p in work.rglob("*")) == []
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp.rglob("*")) == []
    assert {p.name for p in tmp_path.iterdir()} == {
        "home",
        "work",
        "tmp",
        "index",
        "data",
        "stdout.log",
        "stderr.log",
    }
