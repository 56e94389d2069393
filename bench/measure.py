"""Measuring helpers: latency summaries, disk usage, child processes with their peak memory."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.02


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p95, mean, min and max in milliseconds, and the sample count."""
    import numpy as np

    if not seconds:
        return {"n": 0}
    values = np.asarray(seconds, dtype=np.float64) * 1000
    return {
        "n": len(values),
        "p50": round(float(np.percentile(values, 50)), 2),
        "p95": round(float(np.percentile(values, 95)), 2),
        "mean": round(float(values.mean()), 2),
        "min": round(float(values.min()), 2),
        "max": round(float(values.max()), 2),
    }


def median(values: Sequence[float]) -> float:
    """The median (0 for no values)."""
    import statistics

    return float(statistics.median(values)) if values else 0.0


def disk_usage_mb(path: Path) -> float:
    """Disk space used under `path` in MB, counted the way `du` does (allocated blocks)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
    return round(total / 1e6, 2)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_ok(url: str, timeout: float = 1.0) -> bool:
    """Whether GET `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return bool(response.status == 200)
    except Exception:
        return False


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (0 once gone)."""
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            total += process.memory_info().rss
    return total


@dataclass
class ChildRun:
    """One measured child process."""

    command: list[str]
    returncode: int | None = None
    ready_s: float | None = None  # when `ready` first held (e.g. the page was served)
    last_output_s: float | None = None  # when the last stdout byte arrived
    exit_s: float | None = None
    # Sampled with psutil over the whole process tree. (The kernel's ru_maxrss of a child is
    # no use here: it starts from the parent's resident size at fork, torch included.)
    peak_tree_rss_mb: float = 0.0
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, without the full output."""
        return {
            "returncode": self.returncode,
            "ready_s": _r(self.ready_s),
            "last_output_s": _r(self.last_output_s),
            "exit_s": _r(self.exit_s),
            "peak_tree_rss_mb": round(self.peak_tree_rss_mb, 1),
            "timed_out": self.timed_out,
        }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _reader(stream: Any, sink: list[bytes], started: float, stamp: list[float]) -> None:
    fd = stream.fileno()
    while True:
        data = os.read(fd, 65536)
        if not data:
            return
        sink.append(data)
        stamp.append(time.perf_counter() - started)


def run_child(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 120.0,
    ready: Callable[[], bool] | None = None,
    ready_every: float = 0.1,
) -> ChildRun:
    """Run a command, sampling its tree's memory, until it exits or `ready()` holds.

    Without `ready` the child runs to completion. With `ready` (e.g. "the page answers
    200"), the child is stopped once it holds; if the child exits first, `ready_s` stays None.
    """
    run = ChildRun(list(command))
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        env=dict(env) if env is not None else None,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    out: list[bytes] = []
    err: list[bytes] = []
    out_stamps: list[float] = []
    threads = [
        threading.Thread(target=_reader, args=(process.stdout, out, started, out_stamps)),
        threading.Thread(target=_reader, args=(process.stderr, err, started, [])),
    ]
    for thread in threads:
        thread.daemon = True
        thread.start()
    next_ready = 0.0
    peak = 0
    try:
        while True:
            peak = max(peak, tree_rss(process.pid))
            pid, status = os.waitpid(process.pid, os.WNOHANG)
            now = time.perf_counter() - started
            if pid:
                run.exit_s = now
                run.returncode = os.waitstatus_to_exitcode(status)
                process.returncode = run.returncode
                break
            if ready is not None and now >= next_ready:
                if ready():
                    run.ready_s = time.perf_counter() - started
                    peak = max(peak, tree_rss(process.pid))
                    break
                next_ready = now + ready_every
            if now > timeout:
                run.timed_out = True
                break
            time.sleep(POLL_SECONDS)
    finally:
        if process.returncode is None:
            stop_tree(process)
        for thread in threads:
            thread.join(timeout=5)
    run.peak_tree_rss_mb = peak / 1e6
    run.last_output_s = out_stamps[-1] if out_stamps else None
    run.stdout = b"".join(out).decode("utf-8", "replace")
    run.stderr = b"".join(err).decode("utf-8", "replace")
    return run


def stop_tree(process: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """Terminate a child started in its own session, and everything it started."""
    import psutil

    try:
        children = psutil.Process(process.pid).children(recursive=True)
    except psutil.Error:
        children = []
    for proc in [*children]:
        with contextlib.suppress(psutil.Error):
            proc.terminate()
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=grace)
    psutil.wait_procs(children, timeout=grace)
    for proc in children:
        with contextlib.suppress(psutil.Error):
            proc.kill()


def chroma_executable() -> str:
    """The `chroma` command of this virtualenv."""
    candidate = Path(sys.executable).with_name("chroma")
    return str(candidate) if candidate.exists() else (shutil.which("chroma") or "chroma")


@dataclass
class ChromaServer:
    """A `chroma run` started by the benchmark on 127.0.0.1."""

    path: Path
    port: int
    process: subprocess.Popen[bytes]
    start_s: float

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://127.0.0.1:{self.port}"

    def rss_mb(self) -> float:
        """Current resident memory of the server's process tree, in MB."""
        return tree_rss(self.process.pid) / 1e6

    def stop(self) -> None:
        """Stop the server."""
        if self.process.poll() is None:
            stop_tree(self.process)


def start_chroma(path: Path, timeout: float = 90.0) -> ChromaServer:
    """Start `chroma run --path PATH` on a free port and wait for its heartbeat."""
    port = free_port()
    path.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    command = [chroma_executable(), "run", "--path", str(path)]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    server = ChromaServer(path, port, process, 0.0)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited early with status {process.returncode}")
        if http_ok(f"{server.url}/api/v2/heartbeat"):
            server.start_s = time.perf_counter() - started
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"chroma run did not answer within {timeout:.0f} s")
