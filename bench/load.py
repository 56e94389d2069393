"""A bounded load test of the web chat's `ask` endpoint through `gradio_client`.

    .venv/bin/python bench/load.py                  # 50 sessions x 5 questions, 10 at a time
    .venv/bin/python bench/load.py --quick          # 5 sessions x 2 questions (CI)
    .venv/bin/python bench/load.py --url http://127.0.0.1:7860/   # an app already running

Without `--url` it starts `app.py` in a subprocess on a free 127.0.0.1 port, over an index
it builds in a temporary folder (the extractive answerer, whatever ASSISTANT_LLM says).

Each session is one `gradio_client.Client` (one user) asking its own questions in turn:
one of the fixture conversations (its follow-ups sent with the history the previous answer
returned, so a mixed-up history would change how they are understood) and single
questions, each of which starts a new conversation (empty history, as "New chat" does).
Questions come from tests/fixtures/questions.yaml: items with `expect` groups (and
unanswerable ones, which must abstain) and conversations. A reference pass first asks each
question it draws alone, one at a time; questions the assistant gets wrong even then are
left out (that is the evaluation's business, `assistant eval`) and listed in the report.

Under load every answer is checked: correct (`matches_expected`, or an abstention where one
is expected, and the same text as asked alone) and isolated (its `question` is what this
session asked, its `history` holds exactly this conversation's questions, and a follow-up
is understood as it was alone). A hard time limit (`--time-limit`, default 240 s, counted
from the start) stops the run and reports what was done. Exit status 0 only when every
planned question was answered correctly and in its own session.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant.fixtures import (  # noqa: E402
    Question,
    default_fixture_path,
    load_fixtures,
    matches_expected,
)

STARTUP_TIMEOUT_S = 180.0
HISTORY_KEPT = 21  # the endpoint keeps the last 20 turns sent, plus the new one


@dataclass
class Topic:
    """Questions asked one after the other with a shared history: an item or a conversation."""

    id: str
    turns: list[Question]


@dataclass
class Reference:
    """What a question gives when asked alone (after its conversation's earlier turns)."""

    answer: str
    standalone: str
    abstained: bool


@dataclass
class Record:
    """One question asked under load and what came of it."""

    session: int
    turn: int
    id: str
    question: str
    follow_up: bool
    latency_ms: float | None = None
    server_ms: float | None = None  # the answer's own `timings_ms.total` (no queueing)
    correct: bool = False
    isolated: bool = False
    error: str = ""
    problems: list[str] = field(default_factory=list)


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def machine() -> dict[str, Any]:
    """nproc, CPU model, load average, Python and library versions."""
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count() or 1
    versions = {}
    for name in ("gradio", "gradio_client"):
        with contextlib.suppress(Exception):
            versions[name] = metadata.version(name)
    return {
        "nproc": nproc,
        "cpu_model": model,
        "loadavg": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        **versions,
    }


def free_port() -> int:
    """A TCP port nobody listens on right now (on 127.0.0.1)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class App:
    """`app.py` in a subprocess over a fresh index in a temporary folder."""

    def __init__(self, deadline: float) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="assistant-load-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = self.folder / "app.log"
        env = {
            **os.environ,
            "ASSISTANT_INDEX_DIR": str(self.folder / "index"),
            "ASSISTANT_DATA_DIR": str(self.folder / "data"),
            "ASSISTANT_HOST": "127.0.0.1",
            "ASSISTANT_PORT": str(self.port),
            "ASSISTANT_LLM": "",
            "ASSISTANT_UI_AUTH": "",
        }
        self._log = open(self.log_path, "wb")  # noqa: SIM115 (closed in stop())
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py")],
            cwd=self.folder,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        limit = min(deadline, started + STARTUP_TIMEOUT_S)
        while True:
            if self.process.poll() is not None:
                output = self.log()
                self.stop()
                raise RuntimeError(f"app.py exited with {self.process.returncode}:\n{output}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > limit:
                output = self.log()
                self.stop()
                raise RuntimeError(f"app.py did not answer on {self.url} in time:\n{output}")
            time.sleep(0.25)
        self.startup_s = time.monotonic() - started

    def log(self, tail: int = 3000) -> str:
        """The end of the app's output."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-tail:]
        except OSError:
            return ""

    def rss_mb(self) -> float | None:
        """Resident memory of the app process now."""
        try:
            import psutil

            return round(psutil.Process(self.process.pid).memory_info().rss / 2**20, 1)
        except Exception:
            return None

    def stop(self) -> None:
        """Stop the app and remove its folder."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def client(url: str) -> Any:
    """A fresh `gradio_client.Client`: one simulated user."""
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False)


def ask(api: Any, question: str, history: list[Any], timeout: float) -> dict[str, Any]:
    """One call of the `ask` endpoint, cancelled after `timeout` seconds."""
    job = api.submit(question, history, api_name="/ask")
    try:
        result = job.result(timeout=max(0.05, timeout))
    except BaseException:
        job.cancel()
        raise
    if not isinstance(result, dict):
        raise TypeError(f"unexpected result type {type(result).__name__}")
    return result


def topics_of(path: Path) -> tuple[list[Topic], list[Topic]]:
    """Single questions (items) and conversations of a fixture file, as topics."""
    fixtures = load_fixtures(path)
    items = [
        Topic(q.id, [q]) for q in fixtures.items if (q.expect or not q.answerable) and q.q.strip()
    ]
    conversations = [Topic(cid, turns) for cid, turns in fixtures.conversations.items()]
    return items, conversations


def expected_ok(question: Question, result: dict[str, Any]) -> bool:
    """The fixture's expectation: an abstention, or every `expect` group in the answer."""
    if not question.answerable:
        return bool(result.get("abstained"))
    return not result.get("abstained") and matches_expected(
        str(result.get("answer", "")), question.expect
    )


class References:
    """Asks topics alone, once each, and keeps the turns answered correctly (a prefix)."""

    def __init__(self, url: str, deadline: float) -> None:
        self.url = url
        self.deadline = deadline
        self.api: Any = None
        self.valid: dict[str, int] = {}  # topic id -> number of usable turns
        self.answers: dict[str, Reference] = {}  # "topic#turn" -> reference
        self.excluded: list[str] = []
        self.seconds = 0.0

    def usable(self, topic: Topic) -> int:
        """How many leading turns of `topic` the assistant answers correctly alone."""
        if topic.id in self.valid:
            return self.valid[topic.id]
        started = time.monotonic()
        if self.api is None:
            self.api = client(self.url)
        history: list[Any] = []
        good = 0
        for n, turn in enumerate(topic.turns):
            result = ask(self.api, turn.q, history, self.deadline - time.monotonic())
            if not expected_ok(turn, result):
                self.excluded.append(turn.id)
                break
            self.answers[f"{topic.id}#{n}"] = Reference(
                str(result["answer"]),
                str(result.get("standalone_question") or result["question"]),
                bool(result.get("abstained")),
            )
            history = result["history"]
            good += 1
        self.excluded.extend(t.id for t in topic.turns[good + 1 :])
        self.valid[topic.id] = good
        self.seconds += time.monotonic() - started
        return good


def plan_sessions(
    sessions: int,
    per_session: int,
    items: list[Topic],
    conversations: list[Topic],
    references: References,
    seed: int,
) -> list[list[Topic]]:
    """Each session: a conversation (first in even sessions; last in odd ones when there are
    3 slots or more) and single questions, drawn without repeats within a session."""
    plans = []
    conv_cursor = 0
    for index in range(sessions):
        rng = random.Random(seed * 1000 + index)
        pool = items[:]
        rng.shuffle(pool)
        plan: list[Topic] = []
        slots = per_session
        conversation: Topic | None = None
        want_conversation = per_session >= 2 and (index % 2 == 0 or per_session >= 3)
        tries = 0
        while want_conversation and conversation is None and tries < len(conversations):
            candidate = conversations[conv_cursor % len(conversations)]
            conv_cursor += 1
            tries += 1
            usable = references.usable(candidate)
            if usable >= 2:
                room = per_session if index % 2 == 0 else max(2, per_session // 2)
                conversation = Topic(candidate.id, candidate.turns[: min(usable, room)])
        if conversation is not None:
            slots -= len(conversation.turns)
        chosen: list[Topic] = []
        while slots > 0 and pool:
            candidate = pool.pop()
            if references.usable(candidate) >= 1:
                chosen.append(candidate)
                slots -= 1
        if conversation is None:
            plan = chosen
        elif index % 2 == 0:
            plan = [conversation, *chosen]
        else:
            plan = [*chosen, conversation]
        plans.append(plan)
    return plans


def run_session(
    index: int,
    plan: list[Topic],
    url: str,
    references: References,
    deadline: float,
    stop: threading.Event,
) -> list[Record]:
    """One user: a client of its own, its questions in order, its own history."""
    records = [
        Record(index, 0, t.id if len(t.turns) == 1 else f"{t.id}.{n + 1}", q.q, n > 0)
        for t in plan
        for n, q in enumerate(t.turns)
    ]
    for position, record in enumerate(records):
        record.turn = position + 1
    if stop.is_set() or time.monotonic() >= deadline:
        for record in records:
            record.error = "not asked: time limit"
        return records
    try:
        api = client(url)
    except Exception as exc:
        for record in records:
            record.error = f"cannot connect: {type(exc).__name__}: {str(exc)[:200]}"
        return records
    position = 0
    for topic in plan:
        # A new topic starts a new conversation (as "New chat" does in the browser): the
        # rule-based follow-up rewriting would otherwise read some standalone questions as
        # follow-ups of the previous topic. Within a conversation, each turn is sent with
        # the history the previous answer returned.
        history: list[Any] = []
        asked: list[str] = []
        failed = False
        for n, turn in enumerate(topic.turns):
            record = records[position]
            position += 1
            if stop.is_set() or time.monotonic() >= deadline:
                record.error = "not asked: time limit"
                continue
            if failed:  # without the earlier answer, the follow-up has no history to lean on
                record.error = "not asked: an earlier turn of its conversation failed"
                continue
            failed = True  # until the answer arrives
            started = time.perf_counter()
            try:
                result = ask(api, turn.q, history, deadline - time.monotonic())
            except TimeoutError:
                record.error = "time limit reached while waiting for the answer"
                continue
            except Exception as exc:
                record.error = f"{type(exc).__name__}: {str(exc)[:300]}"
                continue
            finally:
                record.latency_ms = round((time.perf_counter() - started) * 1000, 1)
            total = (result.get("timings_ms") or {}).get("total")
            record.server_ms = float(total) if isinstance(total, int | float) else None
            failed = False
            asked.append(turn.q)
            check(record, turn, result, references.answers[f"{topic.id}#{n}"])
            check_history(record, result, asked)
            history = result.get("history") or []
    # No `api.close()`: it waits up to 1 s for the heartbeat thread; dropping the client
    # stops it without holding up this worker.
    del api
    return records


def check(record: Record, question: Question, result: dict[str, Any], ref: Reference) -> None:
    """Isolated: its question, understood as alone. Correct: that, the fixture's expectation
    and the same answer as alone."""
    problems = []
    if result.get("question") != question.q:
        problems.append(f"answer is for another question: {str(result.get('question'))[:120]!r}")
    standalone = str(result.get("standalone_question") or result.get("question"))
    if standalone != ref.standalone:
        problems.append(f"understood as {standalone[:120]!r}, alone as {ref.standalone[:120]!r}")
    isolated = not problems
    if not expected_ok(question, result):
        problems.append("does not match the expected answer")
    if result.get("answer") != ref.answer:
        problems.append("differs from the answer given alone")
    record.correct = not problems
    record.isolated = isolated
    record.problems = problems


def check_history(record: Record, result: dict[str, Any], asked: list[str]) -> None:
    """Isolated: the returned history holds this conversation's questions, in order, only."""
    history = result.get("history")
    questions = [t.get("question") for t in history] if isinstance(history, list) else None
    if questions != asked[-HISTORY_KEPT:]:
        record.isolated = record.correct = False
        record.problems.append(f"history holds {questions!r}, this session asked {asked!r}")


def summarize(records: list[Record], load_s: float) -> dict[str, Any]:
    """Counts, latency percentiles and throughput."""
    answered = [r for r in records if not r.error]
    latencies = [r.latency_ms for r in answered if r.latency_ms is not None]
    server = [r.server_ms for r in answered if r.server_ms is not None]
    errors: dict[str, int] = {}
    for record in records:
        if record.error:
            kind = record.error.split(":", 1)[0]
            errors[kind] = errors.get(kind, 0) + 1
    return {
        "questions_planned": len(records),
        "answered": len(answered),
        "correct": sum(r.correct for r in answered),
        "isolated": sum(r.isolated for r in answered),
        "follow_ups": sum(r.follow_up for r in answered),
        "errors": errors,
        "latency_ms": {
            "n": len(latencies),
            "p50": percentile(latencies, 50),
            "p95": percentile(latencies, 95),
            "max": max(latencies) if latencies else None,
            "mean": round(sum(latencies) / len(latencies), 1) if latencies else None,
        },
        "server_ms": {
            "n": len(server),
            "p50": percentile(server, 50),
            "p95": percentile(server, 95),
        },
        "load_s": round(load_s, 2),
        "throughput_qps": round(len(answered) / load_s, 2) if load_s > 0 else None,
    }


def table(rows: list[tuple[str, str]]) -> str:
    """Two aligned columns."""
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def fmt(value: Any, unit: str = "") -> str:
    """A figure for the table."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}"
    return f"{value}{unit}"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sessions", type=int, default=None, help="sessions (default 50)")
    parser.add_argument(
        "--questions", type=int, default=None, help="questions per session (default 5)"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="sessions run at once (default 10)"
    )
    parser.add_argument(
        "--time-limit", type=float, default=240.0, help="hard limit for the whole run, seconds"
    )
    parser.add_argument("--quick", action="store_true", help="5 sessions x 2 questions (CI)")
    parser.add_argument("--url", default="", help="an app already running (else one is started)")
    parser.add_argument("--json-out", type=Path, default=ROOT / "bench/results/load-latest.json")
    parser.add_argument("--fixtures", type=Path, default=default_fixture_path())
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    quick = {"sessions": 5, "questions": 2, "workers": 5}
    full = {"sessions": 50, "questions": 5, "workers": 10}
    for name, value in (quick if args.quick else full).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if min(args.sessions, args.questions, args.workers) < 1:
        parser.error("--sessions, --questions and --workers must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the load test; 0 when every planned question was answered correctly and isolated."""
    args = parse_args(argv)
    # gradio_client sends telemetry unless told not to (read when it is imported and used).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    started = time.monotonic()
    deadline = started + args.time_limit
    report: dict[str, Any] = {
        "meta": {
            "mode": "quick" if args.quick else "full",
            "sessions": args.sessions,
            "questions_per_session": args.questions,
            "workers": args.workers,
            "time_limit_s": args.time_limit,
            "seed": args.seed,
            "machine": machine(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
    }
    app: App | None = None
    records: list[Record] = []
    stopped = False
    status = 1
    try:
        if args.url:
            url = args.url
        else:
            print("Starting app.py over a fresh index…", file=sys.stderr)
            app = App(deadline)
            url = app.url
            report["meta"]["startup_s"] = round(app.startup_s, 2)
        report["meta"]["url"] = url
        items, conversations = topics_of(args.fixtures)
        references = References(url, deadline)
        plans = plan_sessions(
            args.sessions, args.questions, items, conversations, references, args.seed
        )
        report["reference"] = {
            "seconds": round(references.seconds, 2),
            "excluded": sorted(set(references.excluded)),
            "topics_checked": len(references.valid),
        }
        references.api = None
        print(
            f"Reference pass: {len(references.valid)} topics in {references.seconds:.1f} s; "
            f"left out (wrong even alone): {', '.join(sorted(set(references.excluded))) or 'none'}",
            file=sys.stderr,
        )
        stop = threading.Event()
        load_started = time.monotonic()
        pool = ThreadPoolExecutor(max_workers=args.workers, thread_name_prefix="session")
        futures: dict[Future[list[Record]], int] = {
            pool.submit(run_session, i, plan, url, references, deadline, stop): i
            for i, plan in enumerate(plans)
        }
        pending = set(futures)
        while pending:
            done, pending = wait(
                pending, timeout=max(0.0, deadline - time.monotonic()), return_when=FIRST_COMPLETED
            )
            for future in done:
                records.extend(future.result())
            if pending and time.monotonic() >= deadline:
                stopped = True
                stop.set()
                # Give running questions a moment to notice, then report what was done.
                done, pending = wait(pending, timeout=5)
                for future in done:
                    records.extend(future.result())
                for future in pending:
                    future.cancel()
                    index = futures[future]
                    records.extend(
                        Record(index, n + 1, "?", "", False, error="not asked: time limit")
                        for n in range(sum(len(t.turns) for t in plans[index]))
                    )
                break
        pool.shutdown(wait=False, cancel_futures=True)
        load_s = time.monotonic() - load_started
        records.sort(key=lambda r: (r.session, r.turn))
        summary = summarize(records, load_s)
        summary["sessions_completed"] = len(
            {r.session for r in records} - {r.session for r in records if r.error}
        )
        summary["stopped_at_time_limit"] = stopped
        if app is not None:
            summary["app_rss_mb_end"] = app.rss_mb()
        report["summary"] = summary
        report["failures"] = [asdict(r) for r in records if r.error or not r.correct][:100]
        report["records"] = [
            {
                "session": r.session,
                "turn": r.turn,
                "id": r.id,
                "follow_up": r.follow_up,
                "latency_ms": r.latency_ms,
                "server_ms": r.server_ms,
                "correct": r.correct,
                "isolated": r.isolated,
                "error": r.error,
            }
            for r in records
        ]
        all_good = (
            not stopped
            and summary["answered"] == summary["questions_planned"] > 0
            and summary["correct"] == summary["answered"]
            and summary["isolated"] == summary["answered"]
        )
        status = 0 if all_good else 1
    except Exception as exc:
        report["error"] = f"{type(exc).__name__}: {exc}"
        print(f"Error: {report['error']}", file=sys.stderr)
    finally:
        if app is not None:
            report.setdefault("app_log_tail", app.log(1500))
            if sessions_still_running():
                # Their clients print a traceback when the app goes away under them.
                sys.stderr.flush()
                sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (until os._exit below)
            app.stop()
    report["meta"]["total_s"] = round(time.monotonic() - started, 2)
    report["meta"]["ok"] = status == 0
    print_report(report)
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"JSON written to {args.json_out}")
    sys.stdout.flush()
    if sessions_still_running():
        os._exit(status)  # a session thread is still blocked on the network: do not wait
    return status


def server_line(server: dict[str, Any]) -> str:
    """The server's own answer time (retrieval and answer, no queueing, no HTTP)."""
    return f"{fmt(server['p50'], ' ms')} / {fmt(server['p95'], ' ms')}"


def sessions_still_running() -> bool:
    """Whether a session thread is still blocked on the network (after the time limit)."""
    return any(t.name.startswith("session") and t.is_alive() for t in threading.enumerate())


def print_report(report: dict[str, Any]) -> None:
    """The figures as a table, and the first failures."""
    meta, summary = report["meta"], report.get("summary")
    machine_line = f"{meta['machine']['nproc']} CPU · {meta['machine']['cpu_model']}"
    rows = [
        ("mode", f"{meta['mode']}: {meta['sessions']} sessions x {meta['questions_per_session']}"),
        ("workers (sessions at once)", str(meta["workers"])),
        ("machine", machine_line),
    ]
    if "startup_s" in meta:
        rows.append(("app startup (index build)", fmt(meta["startup_s"], " s")))
    if "reference" in report:
        rows.append(("reference pass", fmt(report["reference"]["seconds"], " s")))
    if summary:
        latency = summary["latency_ms"]
        rows += [
            ("questions answered", f"{summary['answered']} / {summary['questions_planned']}"),
            ("follow-ups among them", str(summary["follow_ups"])),
            ("correct", f"{summary['correct']} / {summary['answered']}"),
            ("isolated (own session)", f"{summary['isolated']} / {summary['answered']}"),
            ("errors", json.dumps(summary["errors"]) if summary["errors"] else "none"),
            ("latency p50", fmt(latency["p50"], " ms")),
            ("latency p95", fmt(latency["p95"], " ms")),
            ("latency max", fmt(latency["max"], " ms")),
            ("server compute p50 / p95", server_line(summary["server_ms"])),
            ("load phase", fmt(summary["load_s"], " s")),
            ("throughput", fmt(summary["throughput_qps"], " questions/s")),
            ("stopped at time limit", "yes" if summary["stopped_at_time_limit"] else "no"),
        ]
        if summary.get("app_rss_mb_end") is not None:
            rows.append(("app RSS at the end", fmt(summary["app_rss_mb_end"], " MB")))
    rows.append(("total wall time", fmt(meta["total_s"], " s")))
    rows.append(("result", "OK" if meta["ok"] else "FAILED"))
    print(table(rows))
    if report.get("error"):
        print(f"\nError: {report['error']}")
    for failure in report.get("failures", [])[:10]:
        reason = failure["error"] or "; ".join(failure["problems"])
        print(f"  session {failure['session']} turn {failure['turn']} {failure['id']}: {reason}")


if __name__ == "__main__":
    sys.exit(main())
