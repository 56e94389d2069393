"""The Gradio web chat: a streamed, cited chat beside a sources panel (`build_app`).

The HTML comes from `assistant.render`, which escapes every piece of document or user text
before adding markup, so a passage containing `<script>` shows as text and never runs.
`WebChat` holds the behaviour (answering, feedback, the API endpoint) and is tested
without a server; `build_app` only lays out the components and wires events to it.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.errors import AssistantError, ConfigError, QuestionError
from assistant.render import (
    EMPTY_PANEL,
    escape,
    render_answer,
    render_error,
    render_panel,
    render_pending,
    render_question,
)
from assistant.types import Answer, Turn

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.core import Assistant

log = logging.getLogger(__name__)

EXAMPLES = [
    "Combien de réunions bilatérales Hammouchi a-t-il tenues ?",
    "Quels pays d’Amérique latine ont rencontré Hammouchi ?",
    "Quel accord a été signé avec la police norvégienne ?",
    "Which Asian countries sent delegations to meet Hammouchi?",
    "What does the cooperation agreement with the Ethiopian federal police aim to do?",
    "Who is Faisal Shehkar?",
]
QUEUE_MAX_SIZE = 32
MAX_API_HISTORY = 20
FEEDBACK_FILE = "feedback.jsonl"
ANSWER_CONCURRENCY_ID = "answer"

Message = dict[str, str]


# -- feedback -----------------------------------------------------------------------------


class FeedbackLog:
    """Appends one JSON line per vote to `<data_dir>/feedback.jsonl`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def record(self, vote: str, answer: Answer, session_id: str = "") -> None:
        """Append a vote with the question, answer and citations; raises `OSError` on failure."""
        entry = {
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
            "vote": vote,
            "session": session_id,
            "question": answer.question,
            "standalone_question": answer.standalone_question or answer.question,
            "answer": answer.answer,
            "abstained": answer.abstained,
            "backend": answer.backend,
            "citations": [c.to_dict() for c in answer.citations],
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(line)


# -- the chat's behaviour -----------------------------------------------------------------


@dataclass
class ChatSession:
    """One browser session's conversation: chat messages, turns and their answers."""

    id: str = ""
    messages: list[Message] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    message_answers: dict[int, int] = field(default_factory=dict)

    def ensure_id(self) -> str:
        """A random id for this session (set lazily: gr.State copies the initial value)."""
        if not self.id:
            self.id = uuid.uuid4().hex[:12]
        return self.id


@dataclass
class ChatUpdate:
    """One refresh of the chat: messages, sources panel, session, notice line."""

    messages: list[Message]
    panel: str
    session: ChatSession
    notice: str = ""
    keep_question: bool = False  # leave the question box as it is (the question was not taken)


BUSY_NOTICE = (
    '<span class="notice warn">Still answering your previous question: '
    "send this one when it is done.</span>"
)


def history_from_api(history: Any) -> list[Turn]:
    """Turns from the API's `history`: earlier answers (objects) or earlier questions (text)."""
    if history is None or history == "":
        return []
    if isinstance(history, str):
        try:
            history = json.loads(history)
        except json.JSONDecodeError:
            raise QuestionError("`history` must be a JSON list of earlier turns") from None
    if isinstance(history, dict) and "history" in history:
        history = history["history"]
    if not isinstance(history, list):
        raise QuestionError("`history` must be a list of earlier turns")
    turns = []
    for item in history[-MAX_API_HISTORY:]:
        if isinstance(item, str):
            turns.append(Turn(item, item))
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            standalone = item.get("standalone_question") or item.get("standalone")
            turns.append(
                Turn(
                    item["question"],
                    str(standalone or item["question"]),
                    str(item.get("answer", "")),
                )
            )
        else:
            raise QuestionError(
                "each `history` item must be an earlier question (text) or an earlier answer "
                "(an object with `question`, as returned by this endpoint)"
            )
    return turns


def sources_from_api(sources: Any) -> list[str]:
    """The `sources` argument of the API: a document name or a list of them (or nothing)."""
    if sources is None or sources == "":
        return []
    if isinstance(sources, str):
        return [sources]
    if isinstance(sources, (list, tuple)) and all(isinstance(s, str) for s in sources):
        return list(sources)
    raise QuestionError("`sources` must be a document name or a list of document names")


def _turn_dict(turn: Turn) -> dict[str, str]:
    return {
        "question": turn.question,
        "standalone_question": turn.standalone,
        "answer": turn.answer,
    }


class WebChat:
    """What the web chat does, independent of the widgets: answer, record votes, serve the API."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.feedback = FeedbackLog(Path(assistant.settings.data_dir) / FEEDBACK_FILE)
        self._lock = threading.Lock()
        self._answering: set[str] = set()

    def document_length(self, source: str) -> int:
        """Length of an indexed document's text (0 when it cannot be read)."""
        try:
            return len(self.assistant.document_text(source))
        except Exception:
            return 0

    def status_html(self) -> str:
        """Which embedding model, store and answerer are in use, and what is indexed."""
        try:
            refresh = getattr(self.assistant, "refresh_if_replaced", None)
            if refresh is not None:
                refresh()  # a page load after a rebuild shows the new index
            parts = self.assistant.describe()
            line = (
                f"Embeddings <code>{escape(parts['embeddings'])}</code> · "
                f"store {escape(parts['store'])} · "
                f"answerer <code>{escape(parts['answerer'])}</code>"
            )
        except Exception as exc:
            log.warning("cannot describe the assistant: %s", exc)
            line = f"Assistant unavailable: {escape(_error_text(exc))}"
        try:
            stats = self.assistant.store.stats()
            documents, chunks = stats.get("documents", 0), stats.get("chunks", 0)
            counts = (
                f"{documents} document{'s' if documents != 1 else ''}, "
                f"{chunks} chunk{'s' if chunks != 1 else ''} indexed"
            )
        except Exception as exc:
            log.warning("cannot read the index: %s", exc)
            counts = f"index unavailable: {escape(_error_text(exc))}"
        return f'<div class="status">{line} · {counts}</div>'

    def article_choices(self) -> list[tuple[str, str]]:
        """(title and file name, source) of each indexed document, to limit the chat to."""
        try:
            records = self.assistant.store.documents()
        except Exception as exc:
            log.warning("cannot list the indexed documents: %s", exc)
            return []
        return [
            (
                f"{record.title} ({Path(record.source).name})" if record.title else record.source,
                record.source,
            )
            for record in records
        ]

    def new_chat(self) -> tuple[list[Message], str, ChatSession, str, str]:
        """Clear the conversation: empty chat, empty panel, fresh session, no notice."""
        return [], EMPTY_PANEL, ChatSession(), "", ""

    def respond(
        self, question: str, session: ChatSession | None, sources: Sequence[str] | None = None
    ) -> Iterator[ChatUpdate]:
        """Stream the answer to `question` into the chat; errors become a chat message.

        `sources` limits the answer to these indexed documents (empty: all of them).
        """
        session = session if session is not None else ChatSession()
        key = session.ensure_id()
        with self._lock:
            busy = key in self._answering
            self._answering.add(key)
        if busy:  # one question at a time per session, or the histories would interleave
            yield ChatUpdate(
                list(session.messages),
                render_panel(session.answers, self.document_length),
                session,
                BUSY_NOTICE,
                keep_question=True,
            )
            return
        try:
            yield from self._answer(question or "", session, sources or ())
        finally:
            with self._lock:
                self._answering.discard(key)

    def _answer(
        self, question: str, session: ChatSession, sources: Sequence[str]
    ) -> Iterator[ChatUpdate]:
        panel = render_panel(session.answers, self.document_length)
        if question.strip():
            session.messages.append({"role": "user", "content": render_question(question)})
        session.messages.append({"role": "assistant", "content": render_pending()})
        yield ChatUpdate(list(session.messages), panel, session)
        text = ""
        try:
            for event in self.assistant.ask_stream(question, list(session.turns), sources=sources):
                if isinstance(event, Answer):
                    session.answers.append(event)
                    session.turns.append(Turn.from_answer(event))
                    turn = len(session.answers)
                    session.message_answers[len(session.messages) - 1] = turn - 1
                    session.messages[-1] = {
                        "role": "assistant",
                        "content": render_answer(event, turn),
                    }
                    panel = render_panel(session.answers, self.document_length)
                else:
                    text += event
                    session.messages[-1] = {"role": "assistant", "content": render_pending(text)}
                yield ChatUpdate(list(session.messages), panel, session)
        except Exception as exc:
            if not isinstance(exc, AssistantError):
                log.exception("answering %r failed", question)
            session.messages[-1] = {"role": "assistant", "content": render_error(_error_text(exc))}
            yield ChatUpdate(list(session.messages), panel, session)

    def record_vote(self, session: ChatSession | None, index: Any, liked: Any) -> str:
        """Append a thumbs up/down to the feedback file; returns a small notice (HTML)."""
        if session is None:
            return ""
        position = index[0] if isinstance(index, (list, tuple)) else index
        answer_index = session.message_answers.get(position) if isinstance(position, int) else None
        if answer_index is None:
            return '<span class="notice">Only answers can be rated.</span>'
        vote = "up" if liked is True else "down" if liked is False else str(liked or "cleared")
        try:
            self.feedback.record(vote, session.answers[answer_index], session.ensure_id())
        except OSError as exc:
            log.warning("feedback not saved to %s: %s", self.feedback.path, exc)
            reason = exc.strerror or type(exc).__name__
            return (
                '<span class="notice warn">Thanks! Your vote could not be saved '
                f"({escape(reason)}).</span>"
            )
        return '<span class="notice">Thanks for the feedback.</span>'

    def api_ask(self, question: str, history: Any = None, sources: Any = None) -> dict[str, Any]:
        """Answer a question given earlier turns; the `ask` JSON plus the updated `history`."""
        turns = history_from_api(history)
        answer = self.assistant.ask(question, turns, sources=sources_from_api(sources))
        result = answer.to_dict()
        result["history"] = [_turn_dict(t) for t in [*turns, Turn.from_answer(answer)]]
        return result


UPLOADS_FOLDER = "uploads"
EXPORTS_FOLDER = "exports"
UPLOAD_TYPES = (".html", ".htm", ".pdf", ".txt", ".md")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ArticleShelf:
    """The web chat's Articles panel: upload files and links, list and remove articles.

    Uploads are copied under `<data_dir>/uploads/` and indexed from there; one lock makes
    indexing from several sessions take turns, and a file that fails to index is not kept.
    """

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.folder = Path(assistant.settings.data_dir) / UPLOADS_FOLDER
        self._lock = threading.Lock()

    def add_files(self, paths: Sequence[str]) -> str:
        """Index uploaded files; an HTML notice with one line per file (added or why not)."""
        import shutil

        lines: list[str] = []
        for path in paths:
            upload = Path(path)
            name = _safe_name(upload.name)
            if upload.suffix.lower() not in UPLOAD_TYPES:
                lines.append(_failed(f"{name}: not an article file ({', '.join(UPLOAD_TYPES)})"))
                continue
            if upload.stat().st_size > MAX_UPLOAD_BYTES:
                limit = MAX_UPLOAD_BYTES // (1024 * 1024)
                lines.append(_failed(f"{name}: larger than the {limit} MB upload limit"))
                continue
            with self._lock:
                self.folder.mkdir(parents=True, exist_ok=True)
                kept = self.folder / name
                staged = self.folder / f".{uuid.uuid4().hex}{upload.suffix.lower()}"
                shutil.copyfile(upload, staged)
                existed = kept.exists()
                previous = kept.read_bytes() if existed else None
                staged.replace(kept)
                lines.append(self._index(kept, previous))
        return "".join(lines)

    def add_link(self, url: str) -> str:
        """Fetch and index a link; an HTML notice."""
        url = (url or "").strip()
        if not url:
            return _failed("Paste a link (https://…) first.")
        with self._lock:
            return self._index(url, None)

    def _index(self, target: Path | str, previous: bytes | None) -> str:
        name = target.name if isinstance(target, Path) else target
        try:
            report = self.assistant.index([target])
            error = report.errors[0] if report.errors else ""
        except AssistantError as exc:
            error = str(exc)
        if error:
            if isinstance(target, Path):
                # Nothing changes: the previous file of that name comes back, or none stays.
                if previous is None:
                    target.unlink(missing_ok=True)
                else:
                    target.write_bytes(previous)
            return _failed(error.replace(str(self.folder) + "/", ""))
        result = report.results[0]
        return (
            f'<p class="notice ok">✓ {escape(name)}: {escape(result.status)} '
            f"({result.chunks} passages)</p>"
        )

    def remove(self, source: str) -> str:
        """Remove an article from the index (and its uploaded file); an HTML notice."""
        if not source:
            return _failed("Choose the article to remove.")
        with self._lock:
            removed = self.assistant.remove([source]).get(source, 0)
            upload = Path(source)
            if upload.parent.resolve() == self.folder.resolve():
                upload.unlink(missing_ok=True)
        if not removed:
            return _failed(f"{source} is not in the index")
        return f'<p class="notice ok">✓ removed {escape(Path(source).name)}</p>'

    def listing_html(self) -> str:
        """Every indexed article: title, date, outlet and source."""
        try:
            records = self.assistant.store.documents()
        except Exception as exc:
            return _failed(f"index unavailable: {_error_text(exc)}")
        if not records:
            return '<p class="muted">No article is indexed.</p>'
        items = []
        for record in records:
            details = [v for v in (record.meta.outlet, record.meta.published) if v]
            if record.meta.author:
                details.insert(0, record.meta.author)
            items.append(
                f'<li class="article"><strong>{escape(record.title or record.source)}</strong>'
                + (f" · {escape(' · '.join(details))}" if details else "")
                + f'<br><span class="muted source">{escape(record.source)}</span></li>'
            )
        return f'<ul class="article-list">{"".join(items)}</ul>'


def _safe_name(name: str) -> str:
    """A file name safe to keep under the uploads folder (no path, no odd characters)."""
    base = Path(name).name
    cleaned = re.sub(r"[^\w.\-]+", "-", base).strip(".-") or "article"
    return cleaned[:120]


def _failed(message: str) -> str:
    return f'<p class="notice warn" role="alert">⚠ {escape(message)}</p>'


def export_conversation(assistant: Assistant, session: ChatSession, suffix: str = ".md") -> Path:
    """Write a session's answers with their sources under `<data_dir>/exports/`."""
    from assistant.export import write_export

    folder = Path(assistant.settings.data_dir) / EXPORTS_FOLDER
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    path = folder / f"conversation-{stamp}-{session.ensure_id()}{suffix}"
    return write_export(path, session.answers, assistant.article_info)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, AssistantError):
        return str(exc) or type(exc).__name__
    return f"something went wrong ({type(exc).__name__}); the server log has the details"


# -- the Gradio app -----------------------------------------------------------------------

CSS = """
.gradio-container { max-width: 1320px !important; margin: 0 auto !important; }
#title h1 { margin-bottom: 0.1em; font-size: 1.6em; }
#title p { margin-top: 0; color: var(--body-text-color-subdued); }
.status { font-size: 0.82em; color: var(--body-text-color-subdued); }
.status code { font-size: 0.95em; }
#chat .answer p { margin: 0 0 0.55em 0; }
.article-list { margin: 0.3em 0; padding-left: 1.1em; }
.article-list .source { font-size: 0.8em; }
#shelf-notice .notice.ok { color: #15803d; }
#chat .answer p.lead { font-weight: 600; font-size: 1.05em; }
#chat .answer p.original-label { font-size: 0.8em; color: var(--body-text-color-subdued);
  margin-bottom: 0.2em; text-transform: uppercase; letter-spacing: 0.03em; }
#chat .answer p.unverified, .sources-panel .unverified { color: #b45309; font-size: 0.9em; }
.sources-panel .quote-lang { font-size: 0.7em; margin-left: 0.5em; padding: 0 0.4em;
  border: 1px solid var(--border-color-primary); border-radius: 4px; white-space: nowrap; }
#chat .answer p.quote { border-left: 3px solid var(--color-accent); padding-left: 0.6em;
  font-style: italic; }
#chat .answer .meta { font-size: 0.75em; color: var(--body-text-color-subdued); margin-top: 0.3em; }
#chat .answer .notice, #notice .notice { font-size: 0.85em; color: var(--body-text-color-subdued); }
#notice .notice.warn { color: #b45309; }
#chat a.cite { display: inline-block; text-decoration: none; font-weight: 600;
  font-size: 0.8em; padding: 0 0.35em; margin: 0 0.1em; border-radius: 0.6em;
  background: var(--color-accent-soft); color: var(--color-accent); font-style: normal;
  vertical-align: 0.15em; cursor: pointer; }
#chat a.cite:hover { background: var(--color-accent); color: white; }
#chat .answer.abstained { border-left: 4px solid #d97706; padding-left: 0.7em; }
#chat .answer.abstained .badge { display: inline-block; font-size: 0.75em; font-weight: 700;
  text-transform: uppercase; letter-spacing: 0.04em; color: #92400e; background: #fef3c7;
  border-radius: 0.4em; padding: 0.05em 0.5em; margin-bottom: 0.35em; }
#chat .muted, #sources .muted { color: var(--body-text-color-subdued); font-size: 0.9em; }
#chat .cursor { animation: blink 1s steps(2) infinite; opacity: 0.6; }
@keyframes blink { to { visibility: hidden; } }
#chat .msg-error { color: #b91c1c; background: #fef2f2; border: 1px solid #fecaca;
  border-radius: 0.5em; padding: 0.4em 0.7em; }
#sources { max-height: 660px; overflow-y: auto !important; padding-right: 0.3em; }
#sources .sources-empty { color: var(--body-text-color-subdued); font-size: 0.9em;
  border: 1px dashed var(--border-color-primary); border-radius: 0.6em; padding: 1em; }
#sources .cite-sample { color: var(--color-accent); font-weight: 600; }
#sources .turn-title { font-size: 0.95em; margin: 0.2em 0 0.6em 0; font-weight: 600; }
#sources .understood { margin: -0.3em 0 0.6em 0; font-size: 0.8em; }
#sources .turn-title q, #sources summary q { font-weight: 400; font-style: italic; }
#sources details.turn { margin-top: 0.8em; font-size: 0.92em; }
#sources summary { cursor: pointer; color: var(--body-text-color-subdued); }
#sources .source { border: 1px solid var(--border-color-primary); border-radius: 0.6em;
  padding: 0.6em 0.8em; margin-bottom: 0.7em; background: var(--background-fill-primary);
  scroll-margin: 1em; transition: box-shadow 0.3s; }
#sources .source header { display: flex; gap: 0.5em; align-items: baseline;
  margin-bottom: 0.35em; }
#sources .source .num { font-weight: 700; font-size: 0.8em; color: white;
  background: var(--color-accent); border-radius: 0.6em; padding: 0 0.45em; }
#sources .source .section { font-weight: 600; font-size: 0.88em; }
#sources .source .passage { white-space: pre-wrap; font-size: 0.9em; line-height: 1.5;
  margin: 0; }
#sources .source mark { background: #fde68a; color: #1f2937; padding: 0 0.1em;
  border-radius: 0.2em; }
#sources .source .where { font-size: 0.75em; color: var(--body-text-color-subdued);
  margin-top: 0.4em; }
#sources .source .unverified { color: #b45309; font-size: 0.8em; margin: 0.3em 0 0 0; }
#sources .see-also-note { font-size: 0.88em; margin-bottom: 0.6em; color: #92400e;
  background: #fef3c7; border-radius: 0.5em; padding: 0.4em 0.7em; }
#sources .source.see-also { border-style: dashed; opacity: 0.9; }
#sources .source.flash { box-shadow: 0 0 0 3px var(--color-accent); }
#notice { min-height: 1.2em; }
"""

# Citation markers scroll their passage into view (opening a folded earlier answer).
HEAD = """
<script>
(() => {
  if (window.__assistantCites) return;
  window.__assistantCites = true;
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.cite") : null;
    if (!link) return;
    const id = (link.getAttribute("href") || "").replace(/^#/, "");
    const target = id ? document.getElementById(id) : null;
    event.preventDefault();
    event.stopPropagation();
    if (!target) return;
    const folded = target.closest("details");
    if (folded) folded.open = true;
    target.scrollIntoView({ behavior: "smooth", block: "nearest" });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1600);
  }, true);
})();
</script>
"""


def theme() -> gr.themes.Base:
    """The app's theme, with system fonts (no font download: it runs offline)."""
    return gr.themes.Soft(
        primary_hue="indigo",
        font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    ).set(
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        button_primary_text_color="white",
    )


def build_app(assistant: Assistant) -> gr.Blocks:
    """The web chat as Gradio Blocks (launch it with `launch_options(settings)`)."""
    chat = WebChat(assistant)

    with gr.Blocks(title="Article assistant", analytics_enabled=False) as demo:
        gr.Markdown(
            "# Article assistant\n"
            "Ask in French or English. Answers quote the article verbatim; "
            "each marker such as [1] points at its passage on the right.",
            elem_id="title",
        )
        status = gr.HTML(chat.status_html(), elem_id="status", js_on_load=None)
        choices = chat.article_choices()
        articles = gr.Dropdown(
            choices=choices,
            value=[],
            multiselect=True,
            label="Articles",
            info="Answer from these indexed articles only (none chosen: all of them).",
            elem_id="articles",
            visible=len(choices) > 1,
        )
        shelf = ArticleShelf(assistant)
        with gr.Accordion("Add or remove articles", open=False, elem_id="shelf"):
            upload = gr.File(
                label="Upload articles: .html, .htm, .pdf, .txt, .md (drag and drop)",
                file_count="multiple",
                file_types=list(UPLOAD_TYPES),
                elem_id="upload",
            )
            with gr.Row():
                link = gr.Textbox(
                    show_label=False,
                    placeholder="https://… a news page, a PDF or a text file",
                    elem_id="link",
                    scale=5,
                )
                add_link = gr.Button("Add link", elem_id="add-link", scale=1, min_width=110)
            shelf_notice = gr.HTML("", elem_id="shelf-notice", js_on_load=None)
            listing = gr.HTML(shelf.listing_html(), elem_id="article-list", js_on_load=None)
            with gr.Row():
                to_remove = gr.Dropdown(
                    choices=choices, value=None, label="Remove an article", elem_id="to-remove"
                )
                remove = gr.Button("Remove", variant="stop", elem_id="remove", min_width=110)
        session = gr.State(ChatSession())
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=380):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    label="Chat",
                    show_label=False,
                    height=560,
                    render_markdown=False,
                    sanitize_html=True,
                    allow_tags=False,
                    latex_delimiters=[],
                    feedback_options=("Like", "Dislike"),
                    buttons=["copy"],
                    layout="bubble",
                    group_consecutive_messages=False,
                    placeholder="Ask a question about the article, e.g. “Combien de réunions "
                    "bilatérales Hammouchi a-t-il tenues ?”",
                )
                with gr.Row():
                    question = gr.Textbox(
                        elem_id="question",
                        show_label=False,
                        placeholder="Your question (French or English)…",
                        scale=5,
                        lines=1,
                        max_lines=4,
                        submit_btn=False,
                    )
                    ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask", min_width=90)
                    clear = gr.Button("New chat", scale=1, elem_id="new-chat", min_width=120)
                examples = gr.Dataset(
                    label="Examples",
                    components=[question],
                    samples=[[q] for q in EXAMPLES],
                    elem_id="examples",
                    samples_per_page=len(EXAMPLES),
                )
                notice = gr.HTML("", elem_id="notice", js_on_load=None)
                with gr.Row():
                    export = gr.Button(
                        "Export conversation", elem_id="export", size="sm", min_width=160
                    )
                    exported = gr.File(
                        label="The conversation with its sources (Markdown)",
                        visible=False,
                        interactive=False,
                        elem_id="exported",
                    )
            with gr.Column(scale=2, min_width=320):
                sources = gr.HTML(EMPTY_PANEL, elem_id="sources", js_on_load=None)

        def take_example(sample: list[str]) -> str:
            return sample[0] if sample else ""

        def answer_turn(
            text: str, current: ChatSession, chosen: list[str] | None
        ) -> Iterator[tuple[Any, ...]]:
            # The question box is emptied once the question is taken, then left to the user.
            taken = False
            for update in chat.respond(text, current, chosen):
                clear_box = not taken and not update.keep_question
                taken = True
                box: Any = "" if clear_box else gr.skip()
                yield box, update.messages, update.panel, update.session, update.notice

        def vote(current: ChatSession, data: gr.LikeData) -> str:
            return chat.record_vote(current, data.index, data.liked)

        turn_events: dict[str, Any] = {
            "fn": answer_turn,
            "inputs": [question, session, articles],
            "outputs": [question, chatbot, sources, session, notice],
            "api_visibility": "private",
            "show_progress": "hidden",
            "concurrency_id": ANSWER_CONCURRENCY_ID,
        }
        # One event for both triggers: a second question waits for the first to finish.
        asked = gr.on([question.submit, ask.click], trigger_mode="always_last", **turn_events)
        example = examples.click(
            take_example, [examples], [question], queue=False, api_visibility="private"
        ).then(**turn_events)
        for reset in (clear.click, chatbot.clear):
            # A new chat stops the answer being written (it would bring the old chat back).
            reset(
                chat.new_chat,
                None,
                [chatbot, sources, session, notice, question],
                cancels=[asked, example],
                api_visibility="private",
            )
        chatbot.like(vote, [session], [notice], queue=False, api_visibility="private")
        demo.load(chat.status_html, None, [status], queue=False, api_visibility="private")

        def refresh_articles(chosen: list[str] | None) -> Any:
            # A page load after documents were added or removed offers the current list.
            current = chat.article_choices()
            kept = [c for c in chosen or [] if c in {source for _, source in current}]
            return gr.Dropdown(choices=current, value=kept, visible=len(current) > 1)

        demo.load(refresh_articles, [articles], [articles], queue=False, api_visibility="private")

        def shelf_changed(notice_html: str, chosen: list[str] | None) -> tuple[Any, ...]:
            current = chat.article_choices()
            return (
                notice_html,
                shelf.listing_html(),
                refresh_articles(chosen),
                gr.Dropdown(choices=current, value=None),
                chat.status_html(),
            )

        shelf_outputs = [shelf_notice, listing, articles, to_remove, status]

        def on_upload(
            files: list[str] | None,
            chosen: list[str] | None,
            progress: Any = gr.Progress(),  # noqa: B008 (how Gradio injects a progress bar)
        ) -> tuple[Any, ...]:
            progress(0, desc="Indexing the uploaded articles…")
            notice_html = shelf.add_files(list(files or []))
            return (*shelf_changed(notice_html, chosen), None)

        upload.upload(
            on_upload,
            [upload, articles],
            [*shelf_outputs, upload],
            api_visibility="private",
            concurrency_id="shelf",
        )

        def on_link(
            url: str,
            chosen: list[str] | None,
            progress: Any = gr.Progress(),  # noqa: B008 (how Gradio injects a progress bar)
        ) -> Any:
            progress(0, desc="Fetching and indexing the link…")
            notice_html = shelf.add_link(url)
            return (*shelf_changed(notice_html, chosen), "" if "notice ok" in notice_html else url)

        for trigger in (add_link.click, link.submit):
            trigger(
                on_link,
                [link, articles],
                [*shelf_outputs, link],
                api_visibility="private",
                concurrency_id="shelf",
            )

        def on_remove(source: str | None, chosen: list[str] | None) -> tuple[Any, ...]:
            return shelf_changed(shelf.remove(source or ""), chosen)

        remove.click(on_remove, [to_remove, articles], shelf_outputs, api_visibility="private")

        def on_export(current: ChatSession) -> tuple[Any, str]:
            if not current.answers:
                return gr.File(visible=False), '<span class="notice">Nothing to export yet.</span>'
            try:
                path = export_conversation(assistant, current)
            except AssistantError as exc:
                return gr.File(visible=False), render_error(str(exc))
            return gr.File(value=str(path), visible=True), ""

        export.click(on_export, [session], [exported, notice], api_visibility="private")

        def ask_api(
            question: str, history: list[Any] | None = None, sources: list[str] | None = None
        ) -> dict[str, Any]:
            """Answer `question` after the earlier turns in `history`.

            `history` is the `history` list returned by the previous call (or earlier
            questions as text); the result is the `assistant ask --json` object plus the
            updated `history` to send with the next question. `sources` limits the answer
            to these indexed documents (as `assistant index --list` shows them, or their
            file names); none: every document.
            """
            try:
                return chat.api_ask(question, history, sources)
            except AssistantError as exc:
                raise gr.Error(str(exc), print_exception=False) from None
            except Exception as exc:
                log.exception("API question %r failed", question)
                raise gr.Error(_error_text(exc), print_exception=False) from None

        gr.api(ask_api, api_name="ask", concurrency_id=ANSWER_CONCURRENCY_ID)

    demo.queue(
        max_size=QUEUE_MAX_SIZE,
        default_concurrency_limit=concurrency_limit(assistant.settings),
    )
    return demo


def concurrency_limit(settings: Settings) -> int:
    """Answers computed at once: 2 on the CPU, more when an LLM server does the work."""
    if settings.llm.startswith("llamacpp:"):
        return 1  # a local model already uses every core
    if settings.llm:
        return 4  # time goes into waiting on the server
    return 2


def parse_auth(value: str) -> tuple[str, str] | None:
    """`user:password` from ASSISTANT_UI_AUTH (None when empty)."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user.strip() or not password:
        raise ConfigError("ASSISTANT_UI_AUTH must be user:password (both non-empty)")
    return user.strip(), password


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host.strip().lower() in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def launch_options(settings: Settings, **overrides: Any) -> dict[str, Any]:
    """Keyword arguments for `demo.launch()`: address, login, theme, CSS and script."""
    auth = parse_auth(settings.ui_auth)
    if auth is None and not is_loopback(settings.host):
        log.warning(
            "The web chat listens on %s without a login: anyone who can reach this machine "
            "can use it. Set ASSISTANT_UI_AUTH=user:password to require one.",
            settings.host,
        )
    options: dict[str, Any] = {
        "server_name": settings.host,
        "server_port": settings.port,
        "auth": auth,
        "auth_message": "Log in to use the article assistant." if auth else None,
        "show_error": False,
        "footer_links": ["api"],
        "theme": theme(),
        "css": CSS,
        "head": HEAD,
    }
    options.update(overrides)
    return options


__all__ = [
    "EXAMPLES",
    "ChatSession",
    "FeedbackLog",
    "WebChat",
    "build_app",
    "concurrency_limit",
    "history_from_api",
    "is_loopback",
    "launch_options",
    "parse_auth",
]
