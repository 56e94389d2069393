"""The `assistant` command line: index, search, ask, chat, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from assistant.config import Settings
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
    """Index .txt, .md and .html articles (the bundled article when no PATH is given)."""
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
@click.pass_context
def search(ctx: click.Context, question: str, k: int | None, as_json: bool) -> None:
    """Print the passages that best match QUESTION."""
    assistant = _assistant(ctx)
    with user_errors():
        passages = assistant.search(question, k)
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
    "questions_file",
    type=click.Path(path_type=str),
    default=None,
    help="Fixture question file (YAML); default tests/fixtures/questions.yaml.",
)
@click.option(
    "--retrieval-only", is_flag=True, help="Only measure retrieval of the evidence passages."
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Also write the figures as JSON to this file.",
)
@click.pass_context
def eval_(
    ctx: click.Context, questions_file: str | None, retrieval_only: bool, json_out: str | None
) -> None:
    """Evaluate the assistant against fixture questions."""
    from assistant.evaluate import evaluate_retrieval, retrieval_metrics
    from assistant.fixtures import default_fixture_path, load_fixtures

    assistant = _assistant(ctx)
    with user_errors():
        assistant.ensure_index()
        texts = [assistant.store.document_text(r.source) for r in assistant.store.documents()]
        fixtures = load_fixtures(questions_file or default_fixture_path(), texts)
        results = evaluate_retrieval(assistant, fixtures.items)
    metrics = retrieval_metrics([r.rank for r in results])
    click.echo(f"retrieval ({assistant.embeddings.model_id}, {int(metrics['n'])} questions):")
    for key in ("recall@1", "recall@3", "recall@5", "mrr"):
        click.echo(f"  {key:9} {metrics[key]:.3f}")
    for result in results:
        if result.rank != 1:
            click.echo(f"  rank {result.rank or '>10'}: {result.question.id} {result.question.q}")
    if json_out:
        with open(json_out, "w", encoding="utf-8") as handle:
            json.dump({"retrieval": metrics}, handle, indent=2)


def _print_json(payload: dict[str, Any]) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="assistant")
