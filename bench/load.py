"""A bounded load test of the web chat's `ask` endpoint through `gradio_client`.

    .venv/bin/python bench/load.py                  # 50 sessions x 5 questions, 10 at a time
    .venv/bin/python bench/load.py --quick          # 5 sessions x 2 questions (CI)
    .venv/bin/python bench/load.py --url http://127.0.0.1:7860/   # an app already running

Each session is a client of its own asking a fixture conversation and single questions; each
answer must be correct and isolated (README.md, "Load"). Without `--url` it starts `app.py`
over an index built in a temporary folder. Exit status 0 only if every planned question was
answered correctly and in its own session within `--time-limit`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, namedtuple
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.fixtures import Question, default_fixture_path, load_fixtures, matches_expected
from bench.harness import ROOT, Server, machine, summary_ms, table, write_json
from bench.harness import percentile as percentile  # the one summary_ms uses here (tested)

HISTORY_KEPT = 21  # the endpoint keeps the last 20 turns sent, plus the new one
# An item (one question) or a conversation, asked in turn with a shared history.
Topic = namedtuple("Topic", "id turns")
# What a question gives when asked alone (after its conversation's earlier turns).
Reference = namedtuple("Reference", "answer standalone abstained")


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


def client(url: str) -> Any:
    """A fresh `gradio_client.Client`: one simulated user."""
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, analytics_enabled=False)


def expected_ok(question: Question, result: dict[str, Any]) -> bool:
    """The fixture's expectation: an abstention, or every `expect` group in the answer."""
    abstained, answer = bool(result.get("abstained")), str(result.get("answer", ""))
    if not question.answerable:
        return abstained
    return not abstained and matches_expected(answer, question.expect)


class References:
    """Asks topics alone, once each, and keeps the turns answered correctly (a prefix)."""

    def __init__(self, url: str, deadline: float) -> None:
        self.url, self.deadline, self.api, self.seconds = url, deadline, None, 0.0
        self.valid: dict[str, int] = {}  # topic id -> number of usable turns
        self.answers: dict[str, Reference] = {}  # "topic#turn" -> reference
        self.excluded: list[str] = []

    def usable(self, topic: Topic) -> int:
        """How many leading turns of `topic` the assistant answers correctly alone."""
        if topic.id in self.valid:
            return self.valid[topic.id]
        started, history, good = time.perf_counter(), [], 0
        self.api = self.api or client(self.url)
        for n, turn in enumerate(topic.turns):
            result = ask(self.api, turn.q, history, self.deadline - time.perf_counter())
            if not expected_ok(turn, result):
                self.excluded.append(turn.id)
                break
            standalone = str(result.get("standalone_question") or result["question"])
            reference = Reference(str(result["answer"]), standalone, bool(result.get("abstained")))
            self.answers[f"{topic.id}#{n}"] = reference
            history, good = result["history"], good + 1
        self.excluded.extend(t.id for t in topic.turns[good + 1 :])
        self.valid[topic.id] = good
        self.seconds += time.perf_counter() - started
        return good


def plan_sessions(args: Any, items: list[Topic], conversations: list[Topic], refs: Any) -> Any:
    """Each session: a conversation (first in even sessions; last in odd ones when there are
    3 slots or more) and single questions, drawn without repeats within a session."""
    plans, cursor, per_session = [], 0, args.questions
    for index in range(args.sessions):
        pool, conversation = items[:], None
        random.Random(args.seed * 1000 + index).shuffle(pool)
        wanted = per_session >= 2 and (index % 2 == 0 or per_session >= 3)
        for _ in range(len(conversations) if wanted else 0):
            candidate, cursor = conversations[cursor % len(conversations)], cursor + 1
            if (usable := refs.usable(candidate)) >= 2:
                room = per_session if index % 2 == 0 else max(2, per_session // 2)
                conversation = Topic(candidate.id, candidate.turns[: min(usable, room)])
                break
        slots, chosen = per_session - (len(conversation.turns) if conversation else 0), []
        while slots > 0 and pool:
            if refs.usable(candidate := pool.pop()) >= 1:
                chosen.append(candidate)
                slots -= 1
        if conversation is None:
            plans.append(chosen)
        else:
            plans.append([conversation, *chosen] if index % 2 == 0 else [*chosen, conversation])
    return plans


def run_session(index: int, plan: list, url: str, refs: Any, deadline: float, stop: Any) -> Any:
    """One user: a client of its own, its questions in order, its own history."""
    turns = [(t, n, q) for t in plan for n, q in enumerate(t.turns)]
    ids = [t.id if len(t.turns) == 1 else f"{t.id}.{n + 1}" for t, n, _ in turns]
    records = [Record(index, i + 1, ids[i], q.q, n > 0) for i, (_, n, q) in enumerate(turns)]
    try:
        api = None if stop.is_set() or time.perf_counter() >= deadline else client(url)
    except Exception as exc:
        for record in records:
            record.error = f"cannot connect: {type(exc).__name__}: {str(exc)[:200]}"
        return records
    pending = iter(records)
    for topic in plan:
        # A new topic starts a new conversation (as "New chat" does), else some questions would
        # be read as follow-ups; each turn is sent with the history the previous answer gave.
        history, asked, failed = [], [], False  # type: ignore[var-annotated]
        for n, (turn, record) in enumerate(zip(topic.turns, pending, strict=False)):
            if api is None or stop.is_set() or time.perf_counter() >= deadline:
                record.error = "not asked: time limit"
                continue
            if failed:  # without the earlier answer, the follow-up has no history to lean on
                record.error = "not asked: an earlier turn of its conversation failed"
                continue
            failed, started = True, time.perf_counter()  # failed until the answer arrives
            try:
                result = ask(api, turn.q, history, deadline - time.perf_counter())
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
            check(record, turn, result, refs.answers[f"{topic.id}#{n}"])
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
    record.isolated = not problems
    if not expected_ok(question, result):
        problems.append("does not match the expected answer")
    if result.get("answer") != ref.answer:
        problems.append("differs from the answer given alone")
    record.correct, record.problems = not problems, problems


def check_history(record: Record, result: dict[str, Any], asked: list[str]) -> None:
    """Isolated: the returned history holds this conversation's questions, in order, only."""
    history = result.get("history")
    questions = [t.get("question") for t in history] if isinstance(history, list) else None
    if questions != asked[-HISTORY_KEPT:]:
        record.isolated = record.correct = False
        record.problems.append(f"history holds {questions!r}, this session asked {asked!r}")


def load(args: Any, url: str, deadline: float, report: dict[str, Any]) -> bool:
    """The reference pass, then every session in a pool of `--workers` threads until all are
    done or the time limit; records and summary go into `report`. True if all went right."""
    fixtures, refs = load_fixtures(args.fixtures), References(url, deadline)
    asked = [q for q in fixtures.items if (q.expect or not q.answerable) and q.q.strip()]
    items = [Topic(q.id, [q]) for q in asked]
    plans = plan_sessions(args, items, [Topic(*c) for c in fixtures.conversations.items()], refs)
    excluded, refs.api = sorted(set(refs.excluded)), None
    report["reference"] = {"seconds": round(refs.seconds, 2), "excluded": excluded}
    report["reference"]["topics_checked"] = len(refs.valid)
    left_out = f"{len(refs.valid)} topics; wrong even alone: {', '.join(excluded) or 'none'}"
    print(f"Reference pass in {refs.seconds:.1f} s: {left_out}", file=sys.stderr)
    stop, load_started = threading.Event(), time.perf_counter()
    pool = ThreadPoolExecutor(max_workers=args.workers, thread_name_prefix="session")
    run = partial(run_session, url=url, refs=refs, deadline=deadline, stop=stop)
    futures = [pool.submit(run, i, plan) for i, plan in enumerate(plans)]
    if stopped := bool(wait(futures, timeout=max(0.0, deadline - time.perf_counter())).not_done):
        stop.set()
        wait(futures, timeout=5)  # give running questions a moment to notice, then report
    records: list[Record] = []
    for index, future in enumerate(futures):
        if future.done():
            records += future.result()
        else:
            future.cancel()
            planned = range(1, 1 + sum(len(t.turns) for t in plans[index]))
            records += [
                Record(index, n, "?", "", False, error="not asked: time limit") for n in planned
            ]
    pool.shutdown(wait=False, cancel_futures=True)
    load_s = time.perf_counter() - load_started
    answered, failed = [r for r in records if not r.error], [r for r in records if r.error]
    latencies = [r.latency_ms for r in answered if r.latency_ms is not None]
    server = [r.server_ms for r in answered if r.server_ms is not None]
    summary = {"questions_planned": len(records), "answered": len(answered)}
    summary["correct"] = sum(r.correct for r in answered)
    summary["isolated"] = sum(r.isolated for r in answered)
    summary["follow_ups"] = sum(r.follow_up for r in answered)
    summary["errors"] = dict(Counter(r.error.split(":", 1)[0] for r in failed))
    # Nearest-rank percentiles of the client-side latency and of the server's own time.
    summary["latency_ms"] = summary_ms(latencies, scale=1, digits=1, method="inverted_cdf")
    summary["server_ms"] = summary_ms(server, scale=1, digits=2, method="inverted_cdf")
    summary["load_s"] = round(load_s, 2)
    summary["throughput_qps"] = round(len(answered) / load_s, 2) if load_s > 0 else None
    summary["sessions_completed"] = len({r.session for r in records} - {r.session for r in failed})
    report["summary"] = {**summary, "stopped_at_time_limit": stopped}
    report["failures"] = [asdict(r) for r in records if r.error or not r.correct][:100]
    omit = ("question", "problems")
    report["records"] = [{k: v for k, v in asdict(r).items() if k not in omit} for r in records]
    all_right = len(records) == len(answered) == summary["correct"] == summary["isolated"] > 0
    return all_right and not stopped


def sessions_still_running() -> bool:
    """Whether a session thread is still blocked on the network (after the time limit)."""
    return any(t.name.startswith("session") and t.is_alive() for t in threading.enumerate())


def main(argv: list[str] | None = None) -> int:
    """Run the load test; 0 when every planned question was answered correctly and isolated."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    add = parser.add_argument
    add("--sessions", type=int, help="sessions (default 50)")
    add("--questions", type=int, help="questions per session (default 5)")
    add("--workers", type=int, help="sessions run at once (default 10)")
    add("--time-limit", type=float, default=240.0, help="hard limit for the whole run, seconds")
    add("--quick", action="store_true", help="5 sessions x 2 questions (CI)")
    add("--url", default="", help="an app already running (else one is started)")
    add("--json-out", type=Path, default=ROOT / "bench/results/load-latest.json")
    add("--fixtures", type=Path, default=default_fixture_path())
    add("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    defaults = {"sessions": 5, "questions": 2, "workers": 5} if args.quick else {}
    for name, default in {"sessions": 50, "questions": 5, "workers": 10, **defaults}.items():
        setattr(args, name, default if getattr(args, name) is None else getattr(args, name))
    if min(args.sessions, args.questions, args.workers) < 1:
        parser.error("--sessions, --questions and --workers must be at least 1")
    # gradio_client sends telemetry unless told not to (read when it is imported and used).
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    started = time.perf_counter()
    deadline, folder = started + args.time_limit, Path(tempfile.mkdtemp(prefix="assistant-load-"))
    meta = {"mode": "quick" if args.quick else "full", "sessions": args.sessions}
    meta.update(questions_per_session=args.questions, workers=args.workers)
    meta.update(time_limit_s=args.time_limit, seed=args.seed)
    meta.update(machine=machine("gradio", "gradio_client"), started=time.strftime("%FT%T%z"))
    report: dict[str, Any] = {"meta": meta}
    app, ok = None, False
    try:
        if not (url := args.url):
            print("Starting app.py over a fresh index…", file=sys.stderr)
            env = {"ASSISTANT_INDEX_DIR": str(folder / "index"), "ASSISTANT_LLM": ""}
            env.update(ASSISTANT_DATA_DIR=str(folder / "data"), ASSISTANT_UI_AUTH="")
            env.update(ASSISTANT_HOST="127.0.0.1", ASSISTANT_PORT="{port}")
            timeout = min(180.0, deadline - time.perf_counter())
            command = [sys.executable, str(ROOT / "app.py")]
            app = Server(
                command, env=env, cwd=folder, log=folder / "app.log", timeout=timeout, poll=0.25
            )
            url, meta["startup_s"] = f"{app.url}/", round(app.start_s, 2)
        meta["url"] = url
        ok = load(args, url, deadline, report)
        if app is not None:
            report["summary"]["app_rss_mb_end"] = round(app.rss_mb(2**20), 1)
    except Exception as exc:
        report["error"] = f"{type(exc).__name__}: {exc}"
        print(f"Error: {report['error']}", file=sys.stderr)
    finally:
        if app is not None:
            report.setdefault("app_log_tail", app.tail(1500))
            if sessions_still_running():
                # Their clients print a traceback when the app goes away under them.
                sys.stderr.flush()
                sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (until os._exit below)
            app.stop()
        shutil.rmtree(folder, ignore_errors=True)
    meta["total_s"], meta["ok"] = round(time.perf_counter() - started, 2), ok
    summary = report.get("summary", {})
    p50, p95 = (summary.get("latency_ms", {}).get(k) for k in ("p50", "p95"))
    title = f"Load test ({meta['mode']}, {args.sessions} sessions x {args.questions}): "
    title += f"{'OK' if ok else 'FAILED'}, latency p50 {p50} ms, latency p95 {p95} ms"
    figures = {**meta, "reference": report.get("reference", {}), **summary}
    print(table(title, {"": figures}, ratios=False).lstrip())
    if report.get("error"):
        print(f"\nError: {report['error']}")
    for failure in report.get("failures", [])[:10]:
        reason = failure["error"] or "; ".join(failure["problems"])
        print(f"  session {failure['session']} turn {failure['turn']} {failure['id']}: {reason}")
    write_json(args.json_out, report)
    sys.stdout.flush()
    if sessions_still_running():
        os._exit(0 if ok else 1)  # a session thread is still blocked on the network: do not wait
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
