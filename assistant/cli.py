"""The `assistant` command line: index, search, ask, chat, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from assistant.config import Settings, keep_library_files_in_data_dir
from assistant.core import Assistant
from assistant.errors import AssistantError


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn an `AssistantError` into one `Error: ...` line and exit status 1."""
    try:
        yield
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        raise click.ClickException("Interrupted") from None


def _settings_help() -> str:
    lines = ["Settings (environment variables):", ""]
    for variable, default, description in Settings.describe():
        lines.append(f"  {variable} (default {default!r}): {description}")
    return "\n\n".join(
        ["A chat assistant over news articles, with verbatim citations.", "\b\n" + "\n".join(lines)]
    )


@click.group(help=_settings_help())
@click.version_option(package_name="assistant")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """The assistant's commands."""
    with user_errors():
        ctx.obj = Assistant(Settings.from_env())


def _thresholds(value: str | None) -> list[float] | None:
    """`--sweep-support 0.5,0.6`: numbers between 0 and 1, in the order given."""
    if value is None:
        return None
    try:
        numbers = [float(part) for part in value.split(",") if part.strip()]
    except ValueError:
        numbers = []
    if not numbers or not all(0.0 <= n <= 1.0 for n in numbers):
        raise click.BadParameter(f"{value!r}: give numbers between 0 and 1, such as 0.5,0.6")
    return numbers


source_option = click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="DOC",
    help="Only this indexed document (as `assistant index --list` shows it, or its file "
    "name); repeat for several. Default: every indexed document.",
)


def _assistant(ctx: click.Context) -> Assistant:
    assistant = ctx.obj
    assert isinstance(assistant, Assistant)
    return assistant


def _progress_bar(total: int, label: str) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        desc=label,
        unit="text",
        disable=total < 64 or not sys.stderr.isatty(),
        leave=False,
    )
    return bar.update


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--rebuild", is_flag=True, help="Rebuild the whole index (e.g. after changing the model)."
)
@click.option("--remove", "remove", is_flag=True, help="Remove the given documents from the index.")
@click.option("--list", "list_", is_flag=True, help="List the indexed documents.")
@click.pass_context
def index(
    ctx: click.Context, paths: tuple[str, ...], rebuild: bool, remove: bool, list_: bool
) -> None:
    """Index .txt, .md, .html and .pdf articles or https:// links (the bundled article when
    no PATH is given)."""
    assistant = _assistant(ctx)
    with user_errors():
        if list_:
            for record in assistant.store.documents():
                click.echo(f"{record.source}\t{len(record.chunk_ids)} chunks\t{record.title}")
            return
        if remove:
            if not paths:
                raise click.UsageError("--remove needs the PATH of each document to remove")
            for source, count in assistant.remove(paths).items():
                click.echo(f"removed {source} ({count} chunks)")
            return
        report = assistant.index(paths, rebuild=rebuild, progress=_progress_bar)
    for notice in report.notices:
        click.echo(f"notice: {notice}", err=True)
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    for result in report.results:
        detail = f"{result.chunks} chunks"
        if result.status != "unchanged":
            detail += f", {result.added} embedded, {result.removed} removed"
        click.echo(f"{result.status:9} {result.source} ({detail})")
    stats = assistant.store.stats()
    click.echo(
        f"index: {stats['documents']} documents, {stats['chunks']} chunks "
        f"in {assistant.store.location}"
    )
    if report.errors:
        ctx.exit(1)


@cli.command()
@click.argument("question")
@click.option("--k", "k", type=click.IntRange(1, 100), default=None, help="How many passages.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@source_option
@click.pass_context
def search(
    ctx: click.Context, question: str, k: int | None, as_json: bool, sources: tuple[str, ...]
) -> None:
    """Print the passages that best match QUESTION."""
    assistant = _assistant(ctx)
    with user_errors():
        passages = assistant.search(question, k, sources)
    if as_json:
        _print_json({"question": question, "hits": [p.to_dict() for p in passages]})
        return
    for rank, passage in enumerate(passages, 1):
        click.echo(
            f"{rank}. [{passage.score:.3f}] {passage.source} chars {passage.start}-{passage.end}"
            + (f" · {passage.section}" if passage.section else "")
        )
        click.echo(f"   {passage.text}\n")


@cli.command(name="eval")
@click.option(
    "--questions",
    "questions_files",
    type=click.Path(path_type=str),
    multiple=True,
    help="Fixture question file (YAML; repeatable); default tests/fixtures/questions.yaml. "
    "A file naming its own `article` is asked over that article, indexed in a temporary store.",
)
@click.option(
    "--llm",
    "llm",
    default=None,
    metavar="SPEC",
    help="Answerer to evaluate, as ASSISTANT_LLM ('' for the extractive one); default: configured.",
)
@click.option(
    "--k",
    "k",
    type=click.IntRange(1, 100),
    default=None,
    help="Passages per question (default ASSISTANT_TOP_K; with --retrieval-only the depth, 10).",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the JSON report to this file.",
)
@click.option(
    "--markdown",
    "markdown_out",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Write the Markdown report to this file, and its chart beside it (same name, .png).",
)
@click.option(
    "--compare",
    is_flag=True,
    help="Also run the naive LangChain tutorial pipeline on the same questions, side by side.",
)
@click.option(
    "--retrieval-only", is_flag=True, help="Only measure retrieval of the evidence passages."
)
@click.option(
    "--cross-validate",
    "cross_validate_folds",
    type=click.IntRange(2, 20),
    default=None,
    metavar="K",
    help="Answer without a confidence threshold, then choose ASSISTANT_MIN_CONFIDENCE by "
    "K-fold cross-validation and print each fold's threshold and held-out figures.",
)
@click.option(
    "--sweep-support",
    "sweep",
    default=None,
    metavar="T1,T2,...",
    callback=lambda ctx, param, value: _thresholds(value),
    help="Evaluate at each of these support thresholds (0-1; ASSISTANT_SUPPORT_THRESHOLD) and "
    "print the trade-off between refusing unanswerable and answerable questions.",
)
@click.pass_context
def eval_(
    ctx: click.Context,
    questions_files: tuple[str, ...],
    llm: str | None,
    k: int | None,
    json_out: str | None,
    markdown_out: str | None,
    compare: bool,
    retrieval_only: bool,
    sweep: list[float] | None,
    cross_validate_folds: int | None,
) -> None:
    """Evaluate the assistant against fixture questions and write reports.

    Prints a table; writes the JSON and Markdown reports (and a PNG chart) to
    ASSISTANT_DATA_DIR/reports/eval-latest.* unless --json or --markdown is given.
    With --sweep-support, prints only the threshold table.
    """
    if sweep and (compare or retrieval_only):
        raise click.UsageError("--sweep-support goes without --compare and --retrieval-only")
    if cross_validate_folds and (sweep or compare or retrieval_only):
        raise click.UsageError(
            "--cross-validate goes without --sweep-support, --compare and --retrieval-only"
        )
    from pathlib import Path

    from assistant.baseline import evaluate_baseline
    from assistant.evaluate import (
        Evaluation,
        QuestionResult,
        assistant_for,
        count_questions,
        cross_validate,
        evaluate_assistant,
        merge,
        merge_sweeps,
        sweep_support,
    )
    from assistant.fixtures import default_fixture_path, load_fixtures
    from assistant.reports import (
        default_paths,
        format_cross_validation,
        format_sweep,
        format_table,
        write_reports,
    )

    assistant = _assistant(ctx)
    keep_library_files_in_data_dir(assistant.settings)  # matplotlib's cache
    configured_confidence = assistant.settings.min_confidence
    if cross_validate_folds:
        assistant.settings = assistant.settings.replace(min_confidence=0.0)
    with user_errors():
        paths = list(questions_files) or [str(default_fixture_path())]
        for path in paths:
            load_fixtures(path)  # a missing or malformed file fails before any model loads
        if llm:
            assistant.llm_backend(llm)  # an unknown backend is one error line, before any work
        runs: list[Evaluation] = []
        baselines: list[Evaluation] = []
        sweeps: list[list[tuple[float, list[QuestionResult]]]] = []
        for path in paths:
            bare = load_fixtures(path)
            if bare.article is None:
                assistant.ensure_index()
            with assistant_for(bare, assistant) as asked:
                texts = {r.source: asked.document_text(r.source) for r in asked.store.documents()}
                fixtures = load_fixtures(path, list(texts.values()))
                total = count_questions(fixtures, retrieval_only)
                if sweep:
                    with _question_bar(total * len(sweep), "sweep") as bar:
                        sweeps.append(
                            sweep_support(asked, fixtures, sweep, llm=llm, k=k, progress=bar.update)
                        )
                    continue
                with _question_bar(total, "assistant") as bar:
                    runs.append(
                        evaluate_assistant(
                            asked,
                            fixtures,
                            llm=llm,
                            k=k,
                            retrieval_only=retrieval_only,
                            progress=bar.update,
                        )
                    )
                if compare:
                    click.echo(
                        "Building the baseline (all-MiniLM-L6-v2, temporary Chroma)…", err=True
                    )
                    with _question_bar(total, "baseline") as bar:
                        baselines.append(
                            evaluate_baseline(
                                texts,
                                fixtures,
                                asked.document_text,
                                retrieval_only=retrieval_only,
                                k=k,
                                progress=bar.update,
                            )
                        )
        if sweep:
            click.echo(
                f"{sum(count_questions(load_fixtures(p)) for p in paths)} questions from "
                + ", ".join(map(str, paths))
            )
            click.echo(format_sweep(merge_sweeps(sweeps), assistant.settings.support_threshold))
            return
        main = merge(runs)
        baseline = merge(baselines) if baselines else None
    if cross_validate_folds:
        folds, pooled, chosen = cross_validate(main.results, cross_validate_folds)
        click.echo(format_cross_validation(folds, pooled, chosen, configured_confidence))
        return
    click.echo(format_table(main, baseline))
    json_path: Path | None
    markdown_path: Path | None
    if json_out is None and markdown_out is None:
        json_path, markdown_path = default_paths(assistant.settings.data_dir)
    else:
        json_path = Path(json_out) if json_out else None
        markdown_path = Path(markdown_out) if markdown_out else None
    with user_errors():
        written = write_reports(main, baseline, json_path=json_path, markdown_path=markdown_path)
    click.echo("\nReports: " + ", ".join(str(path) for path in written))


@cli.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--k", "k", type=click.IntRange(1, 50), default=None, help="Passages to retrieve.")
@click.option(
    "--llm", "llm", default=None, metavar="SPEC", help="ollama:MODEL, openai:MODEL, llamacpp:PATH."
)
@source_option
@click.pass_context
def ask(
    ctx: click.Context,
    question: str,
    as_json: bool,
    k: int | None,
    llm: str | None,
    sources: tuple[str, ...],
) -> None:
    """Answer QUESTION from the indexed articles, citing verbatim passages."""
    assistant = _assistant(ctx)
    with user_errors():
        answer = _answer(assistant, question, [], llm, k, sources, stream=not as_json)
    if as_json:
        _print_json(answer.to_dict())


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per turn.")
@click.option("--k", "k", type=click.IntRange(1, 50), default=None, help="Passages to retrieve.")
@click.option(
    "--llm", "llm", default=None, metavar="SPEC", help="ollama:MODEL, openai:MODEL, llamacpp:PATH."
)
@click.option(
    "--export",
    "export_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="At the end, write the conversation with its sources to FILE "
    "(Markdown, or JSON when FILE ends in .json).",
)
@source_option
@click.pass_context
def chat(
    ctx: click.Context,
    as_json: bool,
    k: int | None,
    llm: str | None,
    sources: tuple[str, ...],
    export_path: Path | None,
) -> None:
    """A conversation: follow-up questions are understood (`/new` starts over, `/quit` ends)."""
    from assistant.types import Answer, Turn

    assistant = _assistant(ctx)
    with user_errors():  # an unknown --source fails before the first question
        scope = assistant.resolve_sources(sources) or []
    interactive = sys.stdin.isatty() and not as_json
    history: list[Turn] = []
    answered: list[Answer] = []
    if interactive:
        click.echo(
            "Ask about the article (French or English). /new starts over, /quit or Ctrl-D ends."
        )
    while True:
        try:
            line = input("> ") if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            break
        if not interactive and line == "":
            break
        question = line.strip()
        if not question:
            continue
        if question in {"/quit", "/exit"}:
            break
        if question == "/new":
            history.clear()
            continue
        try:
            answer = _answer(assistant, question, history, llm, k, scope, stream=not as_json)
        except AssistantError as exc:
            if as_json:
                _print_json({"question": question, "error": str(exc)})
            else:
                click.echo(f"Error: {exc}", err=True)
            continue
        history.append(Turn.from_answer(answer))
        answered.append(answer)
        if as_json:
            _print_json(answer.to_dict())
        elif interactive:
            click.echo()
    if export_path is not None:
        from assistant.export import write_export

        with user_errors():
            written = write_export(export_path, answered, assistant.article_info)
        click.echo(f"exported {len(answered)} answers to {written}", err=True)


def _answer(
    assistant: Assistant,
    question: str,
    history: list[Any],
    llm: str | None,
    k: int | None,
    sources: Sequence[str],
    stream: bool,
) -> Any:
    """Ask, streaming the text to stdout when `stream`; then list the sources."""
    from assistant.types import Answer

    final: Answer | None = None
    for event in assistant.ask_stream(question, history, llm=llm, k=k, sources=sources):
        if isinstance(event, Answer):
            final = event
        elif stream:
            click.echo(event, nl=False)
            sys.stdout.flush()
    assert final is not None
    if stream:
        click.echo()
        for notice in final.notices:
            click.echo(f"notice: {notice}", err=True)
        if final.citations:
            click.echo("\nSources:")
        for citation in final.citations:
            passage = next((p for p in final.passages if p.chunk_id == citation.chunk_id), None)
            section = f" · {passage.section}" if passage and passage.section else ""
            mark = "" if citation.verified else "  (UNVERIFIED quote)"
            page = f"p. {citation.page}, " if citation.page else ""
            where = f"{citation.source}, {page}chars {citation.start}-{citation.end}"
            click.echo(f"[{citation.n}] {where}{section}{mark}")
        for article in final.articles:
            about = [v for v in (article["title"], article["outlet"], article["published"]) if v]
            click.echo(f"From: {' · '.join(about) or article['source']}")
    return final


def _question_bar(total: int, what: str) -> Any:
    """A progress bar on stderr (shown only on a terminal) counting questions."""
    from tqdm import tqdm

    return tqdm(total=total, desc=what, unit="q", file=sys.stderr, disable=None, leave=False)


def _print_json(payload: dict[str, Any]) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="assistant")  # click turns usage errors and Ctrl-C into messages
    except Exception as exc:  # a bug, not bad input: one line here, the traceback in a file
        where = _log_traceback()
        click.echo(
            f"Error: internal error ({type(exc).__name__}: {exc}); "
            + (f"the traceback is in {where}" if where else "please report it"),
            err=True,
        )
        sys.exit(1)


def _log_traceback() -> str:
    """Append the current exception's traceback to ASSISTANT_DATA_DIR/errors.log; its path."""
    import time
    import traceback

    try:
        path = Settings.from_env().data_dir / "errors.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%dT%H:%M:%S%z')} {sys.argv!r}\n")
            log.write(traceback.format_exc())
        return str(path)
    except Exception:
        return ""
