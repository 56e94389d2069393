"""A conversation exported with its sources: Markdown for people, JSON for programs.

Each answer keeps its numbered quotes with where they stand (article, section, page or
character offsets) and the metadata of each cited article, so that the export can be checked
against the articles without the assistant.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.formats import DocumentMeta
from assistant.types import Answer, Citation

EXPORT_SCHEMA = 1
ArticleInfo = Callable[[str], tuple[str, DocumentMeta]]  # source -> (title, metadata)


class ExportError(AssistantError):
    """The export file cannot be written."""


def _section(citation: Citation, answer: Answer) -> str:
    return next((p.section for p in answer.passages if p.chunk_id == citation.chunk_id), "")


def conversation_dict(answers: Sequence[Answer], article_info: ArticleInfo) -> dict[str, Any]:
    """The JSON export: every turn with its citations, and every cited article's metadata."""
    cited = sorted({c.source for a in answers for c in a.citations})
    articles = {}
    for source in cited:
        title, meta = article_info(source)
        articles[source] = {
            "title": title,
            "author": meta.author,
            "outlet": meta.outlet,
            "published": meta.published,
            "url": meta.url,
        }
    return {
        "schema": EXPORT_SCHEMA,
        "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "turns": [
            {
                **answer.to_dict(),
                "citations": [
                    {**c.to_dict(), "section": _section(c, answer)} for c in answer.citations
                ],
            }
            for answer in answers
        ],
        "articles": articles,
    }


def conversation_markdown(answers: Sequence[Answer], article_info: ArticleInfo) -> str:
    """The Markdown export: each question, its answer, its numbered quotes with their place."""
    data = conversation_dict(answers, article_info)
    lines = [
        "# Conversation with the article assistant",
        "",
        f"Exported {data['exported_at']}.",
        "",
    ]
    for number, answer in enumerate(answers, 1):
        lines += [f"## {number}. {answer.question}", ""]
        if answer.standalone_question and answer.standalone_question != answer.question:
            lines += [f"*Understood as:* {answer.standalone_question}", ""]
        body = answer.lead if answer.lead and not answer.abstained else answer.answer
        lines += [body, ""]
        for citation in answer.citations:
            where = [f"`{citation.source}`"]
            section = _section(citation, answer)
            if section:
                where.append(f"section “{section}”")
            if citation.page:
                where.append(f"p. {citation.page}")
            where.append(f"characters {citation.start}–{citation.end}")
            if not citation.verified:
                where.append("**not found verbatim in the source**")
            lines += [f"> [{citation.n}] « {citation.quote} »", ">", f"> — {', '.join(where)}", ""]
    if data["articles"]:
        lines += ["## Cited articles", ""]
        for source, info in data["articles"].items():
            facts = [info["title"] or source]
            facts += [v for v in (info["author"], info["outlet"], info["published"]) if v]
            link = info["url"] or source
            lines.append(f"- {' · '.join(facts)} — `{link}`")
        lines.append("")
    return "\n".join(lines)


def write_export(path: Path, answers: Sequence[Answer], article_info: ArticleInfo) -> Path:
    """Write the conversation to `path`: JSON when it ends in .json, Markdown otherwise."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        text = json.dumps(conversation_dict(answers, article_info), ensure_ascii=False, indent=2)
    else:
        text = conversation_markdown(answers, article_info)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(text + "\n", encoding="utf-8")
        temporary.replace(path)  # a crash never leaves half an export
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the export ({exc.strerror})") from None
    return path
