"""Evaluation reports: a plain-text table, JSON, Markdown and a PNG chart per language."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.evaluate import Evaluation, FoldResult, QuestionResult

SCHEMA_VERSION = 1
DEFAULT_STEM = "eval-latest"
ANSWER_CHARS_TERMINAL = 300
ANSWER_CHARS_MARKDOWN = 600
MISSING = "–"
BASELINE_NOTE = (
    "(The baseline retrieves 4 chunks, so its R@5 counts ranks 1-4; it answers with the first "
    "chunk, never abstains, cites nothing and asks conversation turns without history.)"
)

# (summary key, label, (numerator key, denominator key) shown as counts, or None)
METRIC_ROWS: tuple[tuple[str, str, tuple[str, str] | None], ...] = (
    ("n_questions", "questions", None),
    ("recall@1", "retrieval R@1", None),
    ("recall@3", "retrieval R@3", None),
    ("recall@5", "retrieval R@5", None),
    ("mrr", "retrieval MRR", None),
    ("correctness", "answer correctness", ("correct", "n_graded")),
    ("lead_in_asker_language", "lead in asker's language", ("n_lead_correct", "n_leads")),
    (
        "citation_precision",
        "citation precision",
        ("citations_on_evidence", "citations_checked_for_evidence"),
    ),
    ("citation_verification", "citations verified", ("citations_verified", "citations")),
    ("abstention_precision", "abstention precision", ("abstained_correctly", "abstained")),
    ("abstention_recall", "abstention recall", ("abstained_correctly", "n_unanswerable")),
    ("latency_p50_ms", "latency p50 (ms)", None),
    ("latency_p95_ms", "latency p95 (ms)", None),
)
KIND_COLUMNS: tuple[tuple[str, str], ...] = (
    ("n_questions", "n"),
    ("recall@1", "R@1"),
    ("recall@3", "R@3"),
    ("mrr", "MRR"),
    ("correctness", "correct"),
    ("lead_in_asker_language", "lead"),
    ("citation_precision", "cit.prec"),
    ("abstention_recall", "abst.rec"),
)
CHART_METRICS: tuple[tuple[str, str], ...] = (
    ("recall@1", "R@1"),
    ("recall@3", "R@3"),
    ("mrr", "MRR"),
    ("correctness", "correct"),
    ("citation_precision", "citation\nprecision"),
    ("citation_verification", "citations\nverified"),
    ("abstention_precision", "abstention\nprecision"),
    ("abstention_recall", "abstention\nrecall"),
)


class ReportError(AssistantError):
    """A report file cannot be written."""


def default_paths(data_dir: Path) -> tuple[Path, Path]:
    """Where reports go when no path is given: `<data_dir>/reports/eval-latest.{json,md}`."""
    folder = Path(data_dir) / "reports"
    return folder / f"{DEFAULT_STEM}.json", folder / f"{DEFAULT_STEM}.md"


def chart_path(markdown_path: Path) -> Path:
    """The chart beside a Markdown report: same stem, `.png`."""
    return Path(markdown_path).with_suffix(".png")


# -- JSON -----------------------------------------------------------------------------


def report_dict(main: Evaluation, baseline: Evaluation | None = None) -> dict[str, Any]:
    """The JSON report: schema, settings, metrics, questions and the baseline (or None)."""
    return {
        "schema": SCHEMA_VERSION,
        **main.to_dict(),
        "baseline": baseline.to_dict() if baseline is not None else None,
    }


def write_json(main: Evaluation, baseline: Evaluation | None, path: Path) -> Path:
    """Write the JSON report."""
    text = json.dumps(report_dict(main, baseline), ensure_ascii=False, indent=2) + "\n"
    return _write(Path(path), text)


# -- formatting helpers ---------------------------------------------------------------


def _number(value: Any, key: str) -> str:
    if value is None:
        return MISSING
    if key.startswith("n_") or isinstance(value, bool):
        return str(value)
    if key.endswith("_ms"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def _cell(metrics: dict[str, Any], key: str, counts: tuple[str, str] | None) -> str:
    text = _number(metrics.get(key), key)
    if counts and metrics.get(key) is not None:
        text += f" ({metrics.get(counts[0], 0)}/{metrics.get(counts[1], 0)})"
    return text


def _delta(main: Any, other: Any, key: str) -> str:
    if main is None or other is None or key.startswith("n_"):
        return ""
    difference = main - other
    return f"{difference:+.1f}" if key.endswith("_ms") else f"{difference:+.3f}"


def _columns(summary: dict[str, Any], sets: bool = False) -> list[tuple[str, dict[str, Any]]]:
    columns = [("overall", summary["overall"]), *summary["by_language"].items()]
    if sets and len(summary["by_set"]) > 1:
        columns += summary["by_set"].items()
    return columns


def _rows_with_values(
    summaries: Sequence[dict[str, Any]],
) -> list[tuple[str, str, tuple[str, str] | None]]:
    """Metric rows that at least one summary measured (retrieval-only runs drop the rest)."""
    return [
        row
        for row in METRIC_ROWS
        if row[0] == "n_questions" or any(s.get(row[0]) is not None for s in summaries)
    ]


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _align(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(widths[i]) if i < left else cell.rjust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


SWEEP_COLUMNS: tuple[tuple[str, tuple[str, str] | None], ...] = (
    ("correctness", ("correct", "n_graded")),
    ("abstention_recall", ("abstained_correctly", "n_unanswerable")),
    ("abstention_precision", ("abstained_correctly", "abstained")),
)


def format_sweep(rows: Sequence[tuple[float, dict[str, Any]]], configured: float) -> str:
    """The support-threshold trade-off as a table; `*` marks the configured threshold."""
    header = [
        "support threshold",
        "answer correctness",
        "abstention recall",
        "precision",
        "answerable refused",
    ]
    table = [
        [
            f"{threshold:.2f}" + (" *" if math.isclose(threshold, configured) else ""),
            *(_cell(metrics, key, counts) for key, counts in SWEEP_COLUMNS),
            str(metrics["abstained"] - metrics["abstained_correctly"]),
        ]
        for threshold, metrics in rows
    ]
    return "\n".join(_align(header, table))


def format_cross_validation(
    folds: Sequence[FoldResult], pooled: dict[str, Any], chosen: float, configured: float
) -> str:
    """Each fold's threshold (chosen on the others) and held-out figures, then pooled."""
    header = ["fold", "threshold", "correctness", "abstention recall", "precision", "questions"]
    rows = [
        [
            str(f.fold + 1),
            f"{f.threshold:.3f}",
            _number(f.metrics["correctness"], "correctness"),
            _number(f.metrics["abstention_recall"], "abstention_recall"),
            _number(f.metrics["abstention_precision"], "abstention_precision"),
            str(f.metrics["n"]),
        ]
        for f in folds
    ]
    rows.append(
        [
            "pooled",
            "",
            _number(pooled["correctness"], "correctness"),
            _number(pooled["abstention_recall"], "abstention_recall"),
            _number(pooled["abstention_precision"], "abstention_precision"),
            str(pooled["n"]),
        ]
    )
    lines = _align(header, rows)
    lines.append(
        f"\nThreshold chosen on all questions: {chosen:.3f} "
        f"(configured ASSISTANT_MIN_CONFIDENCE: {configured:.3f})"
    )
    return "\n".join(lines)


def describe_run(evaluation: Evaluation) -> str:
    """One line saying what was measured."""
    s = evaluation.settings
    if s.get("system") == "baseline":
        return (
            f"baseline: {s.get('pipeline')}, {s.get('splitter')}, {s.get('embeddings')}, "
            f"k={s.get('k')}, answer = {s.get('answerer')}, no history"
        )
    parts = [
        f"embeddings {s.get('embeddings')}",
        f"answerer {s.get('answerer')}",
        f"k={s.get('k')}",
        f"lexical {'on' if s.get('lexical') else 'off'}",
    ]
    if s.get("mode") == "retrieval-only":
        parts[1:3] = [f"retrieval only, depth {s.get('rank_depth')}"]
    backends = s.get("backends_used") or {}
    if backends and set(backends) != {s.get("answerer")}:
        # An LLM that failed falls back to the extractive answerer: say who really answered.
        used = ", ".join(f"{name} {count}" for name, count in sorted(backends.items()))
        parts.append(f"answers actually given by: {used}")
    return "assistant: " + ", ".join(parts)


def describe_questions(evaluation: Evaluation) -> str:
    """One line counting the questions of a run."""
    results = evaluation.results
    singles = [r for r in results if not r.question.conversation]
    turns = [r for r in results if r.question.conversation]
    unanswerable = sum(1 for r in results if not r.question.answerable)
    conversations = len({r.question.conversation for r in turns})
    return (
        f"{len(results)} questions from {evaluation.settings.get('questions_file')}: "
        f"{len(singles)} single ({unanswerable} unanswerable), "
        f"{len(turns)} turns of {conversations} conversations"
    )


def _reasons(result: QuestionResult) -> str:
    reasons = result.failures
    if result.rank and "evidence not retrieved" not in reasons and result.rank > 1:
        reasons = [*reasons, f"evidence rank {result.rank}"]
    return ", ".join(reasons)


# -- terminal table -------------------------------------------------------------------


def format_table(main: Evaluation, baseline: Evaluation | None = None) -> str:
    """The plain-text report: metrics by language, by kind, the comparison and failures."""
    summary = main.summary()
    columns = _columns(summary, sets=True)
    lines = [describe_questions(main), describe_run(main)]
    if baseline is not None:
        lines.append(describe_run(baseline))
    lines.append("")
    rows = _rows_with_values([m for _, m in columns])
    lines += _align(
        ["metric", *(name for name, _ in columns)],
        [[label, *(_cell(m, key, counts) for _, m in columns)] for key, label, counts in rows],
    )
    lines.append("")
    kinds = summary["by_kind"]
    kind_columns = [c for c in KIND_COLUMNS if any(m.get(c[0]) is not None for m in kinds.values())]
    lines += _align(
        ["kind", *(label for _, label in kind_columns), "failed"],
        [
            [
                kind,
                *(_number(metrics.get(key), key) for key, _ in kind_columns),
                str(sum(1 for r in main.results if r.question.group == kind and r.failures)),
            ]
            for kind, metrics in kinds.items()
        ],
    )
    if baseline is not None:
        lines += ["", *format_comparison(main, baseline), BASELINE_NOTE]
    failures = main.failures()
    lines += ["", f"Failures: {len(failures)} of {len(main.results)}"]
    for result in failures:
        lines += _failure_lines(result)
    if baseline is not None:
        lines.append(f"(baseline: {len(baseline.failures())} failures, listed in the JSON report)")
    return "\n".join(lines)


def comparison_rows(main: Evaluation, baseline: Evaluation) -> tuple[list[str], list[list[str]]]:
    """Header and rows: assistant and baseline overall (with the gain) and per language."""
    ours, theirs = main.summary(), baseline.summary()
    languages = sorted(set(ours["by_language"]) | set(theirs["by_language"]))
    header = ["assistant vs baseline", "assistant", "baseline", "Δ"]
    for lang in languages:
        header += [f"{lang} asst", f"{lang} base"]
    rows = []
    for key, label, _ in _rows_with_values([ours["overall"], theirs["overall"]]):
        a, b = ours["overall"].get(key), theirs["overall"].get(key)
        row = [label, _number(a, key), _number(b, key), _delta(a, b, key)]
        for lang in languages:
            row += [
                _number(ours["by_language"].get(lang, {}).get(key), key),
                _number(theirs["by_language"].get(lang, {}).get(key), key),
            ]
        rows.append(row)
    return header, rows


def format_comparison(main: Evaluation, baseline: Evaluation) -> list[str]:
    """Assistant and baseline side by side, as aligned plain-text lines."""
    return _align(*comparison_rows(main, baseline))


def _failure_lines(result: QuestionResult) -> list[str]:
    q = result.question
    lines = [f"  {q.id}  [{q.lang or '?'} {q.kind or 'other'}]  {_reasons(result)}"]
    lines.append(f"      Q: {q.q}")
    answer = result.answer
    if answer is not None:
        standalone = answer.standalone_question
        if standalone and standalone != answer.question:
            lines.append(f"      as: {standalone}")
        lines.append(f"      A: {_one_line(answer.answer, ANSWER_CHARS_TERMINAL)}")
    if q.expect:
        lines.append("      expected: " + " AND ".join("/".join(g) for g in q.expect))
    return lines


# -- Markdown -------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_escape(c) for c in row) + " |" for row in rows]
    return lines


def format_markdown(
    main: Evaluation, baseline: Evaluation | None = None, chart: str | None = None
) -> str:
    """The Markdown report (with a link to the chart when `chart` names it)."""
    summary = main.summary()
    columns = _columns(summary, sets=True)
    lines = ["# Evaluation report", "", f"- {describe_questions(main)}", f"- {describe_run(main)}"]
    if baseline is not None:
        lines.append(f"- {describe_run(baseline)}")
    lines.append(f"- generated {main.settings.get('generated_at', '')}")
    lines += ["", "## Metrics by language and by set (single questions, conversation turns)", ""]
    lines += _md_table(
        ["metric", *(name for name, _ in columns)],
        [
            [label, *(_cell(m, key, counts) for _, m in columns)]
            for key, label, counts in _rows_with_values([m for _, m in columns])
        ],
    )
    if chart:
        lines += ["", f"![Metrics per language]({chart})"]
    lines += ["", "## Metrics by kind", ""]
    kinds = summary["by_kind"]
    lines += _md_table(
        ["kind", *(label for _, label in KIND_COLUMNS)],
        [
            [kind, *(_number(metrics.get(key), key) for key, _ in KIND_COLUMNS)]
            for kind, metrics in kinds.items()
        ],
    )
    if baseline is not None:
        lines += ["", "## Assistant vs baseline", ""]
        lines += _md_table(*comparison_rows(main, baseline))
        lines += [
            "",
            BASELINE_NOTE,
        ]
    failures = main.failures()
    lines += ["", f"## Failures ({len(failures)} of {len(main.results)})", ""]
    if failures:
        lines += _md_table(
            ["id", "lang", "kind", "failed", "question", "expected", "answer"],
            [
                [
                    r.question.id,
                    r.question.lang,
                    r.question.kind,
                    _reasons(r),
                    _question_text(r),
                    " AND ".join("/".join(g) for g in r.question.expect),
                    _one_line(r.answer.answer, ANSWER_CHARS_MARKDOWN) if r.answer else "",
                ]
                for r in failures
            ],
        )
    else:
        lines.append("None.")
    lines += ["", "## All questions", ""]
    lines += _md_table(
        ["id", "lang", "kind", "evidence rank", "correct", "abstained", "citations", "ms", "ok"],
        [
            [
                r.question.id,
                r.question.lang,
                r.question.kind,
                MISSING if r.rank is None else (str(r.rank) if r.rank else "none"),
                MISSING if r.correct is None else ("yes" if r.correct else "no"),
                MISSING if r.answer is None else ("yes" if r.abstained else "no"),
                f"{len(r.citations)} ({sum(c.verified for c in r.citations)} verified)",
                MISSING if r.latency_ms is None else f"{r.latency_ms:.0f}",
                "✗" if r.failures else "✓",
            ]
            for r in main.results
        ],
    )
    return "\n".join(lines) + "\n"


def _question_text(result: QuestionResult) -> str:
    answer = result.answer
    if answer and answer.standalone_question and answer.standalone_question != answer.question:
        return f"{result.question.q} (as: {answer.standalone_question})"
    return result.question.q


def write_markdown(
    main: Evaluation, baseline: Evaluation | None, path: Path, chart: Path | None = None
) -> Path:
    """Write the Markdown report (linking the chart by its file name)."""
    return _write(Path(path), format_markdown(main, baseline, chart.name if chart else None))


# -- chart ----------------------------------------------------------------------------


def write_chart(main: Evaluation, baseline: Evaluation | None, path: Path) -> Path:
    """A PNG bar chart of the metrics per language (one panel per system)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    runs = [main] if baseline is None else [main, baseline]
    figure = Figure(figsize=(11, 3.6 * len(runs)), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(len(runs), 1, squeeze=False)[:, 0]
    for ax, run in zip(axes, runs, strict=True):
        columns = _columns(run.summary())
        width = 0.8 / len(columns)
        for i, (name, metrics) in enumerate(columns):
            values = [metrics.get(key) for key, _ in CHART_METRICS]
            heights = [math.nan if v is None else float(v) for v in values]
            positions = [m + (i - (len(columns) - 1) / 2) * width for m in range(len(values))]
            bars = ax.bar(positions, heights, width, label=name)
            ax.bar_label(
                bars,
                labels=["" if v is None else f"{v:.2f}" for v in values],
                fontsize=6,
                padding=1,
            )
        overall = columns[0][1]
        latency = overall.get("latency_p50_ms")
        title = f"{run.name}: {overall.get('n_questions')} questions"
        if latency is not None:
            title += f", latency p50 {latency:.0f} ms"
        ax.set_title(title, fontsize=10)
        ax.set_xticks(range(len(CHART_METRICS)), [label for _, label in CHART_METRICS], fontsize=8)
        for m, (key, _) in enumerate(CHART_METRICS):
            if all(metrics.get(key) is None for _, metrics in columns):
                ax.text(m, 0.02, "n/a", ha="center", fontsize=8, color="grey")
        ax.set_ylim(0, 1.3)
        ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.set_ylabel("score")
        ax.legend(fontsize=8, loc="upper left", ncols=len(columns))
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, format="png", dpi=110)
    except OSError as exc:
        raise ReportError(f"Cannot write {path}: {exc.strerror or exc}") from None
    return path


# -- all of them ----------------------------------------------------------------------


def write_reports(
    main: Evaluation,
    baseline: Evaluation | None,
    *,
    json_path: Path | None = None,
    markdown_path: Path | None = None,
) -> list[Path]:
    """Write the JSON report and/or the Markdown report with its chart; return the paths."""
    written = []
    if json_path is not None:
        written.append(write_json(main, baseline, json_path))
    if markdown_path is not None:
        chart = write_chart(main, baseline, chart_path(markdown_path))
        written.append(write_markdown(main, baseline, markdown_path, chart))
        written.append(chart)
    return written


def _write(path: Path, text: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"Cannot write {path}: {exc.strerror or exc}") from None
    return path
