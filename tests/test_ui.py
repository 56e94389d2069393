"""Fast tests of the web chat without a server: HTML rendering, feedback, errors, settings."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from assistant import render, ui
from assistant.config import Settings
from assistant.core import Assistant
from assistant.embeddings import CachedQueryEmbeddings
from assistant.errors import ConfigError, QuestionError, StoreError
from assistant.formats import DocumentMeta
from assistant.types import Answer, Citation, Passage, Turn

ARTICLE = "Titre\n\nSection A\nPremière phrase. La note cite <script>alert(1)</script> ici. Fin."
QUOTE = "La note cite <script>alert(1)</script> ici."


def _passage(text: str = ARTICLE[7:], start: int = 7, **changes: Any) -> Passage:
    values: dict[str, Any] = {
        "chunk_id": "c1",
        "source": "news/note.md",
        "section": "Section <A>",
        "text": text,
        "start": start,
        "end": start + len(text),
        "score": 0.8,
    }
    values.update(changes)
    return Passage(**values)


def _answer(abstained: bool = False, **changes: Any) -> Answer:
    start = ARTICLE.index(QUOTE)
    citation = Citation(1, "c1", "news/note.md", QUOTE, start, start + len(QUOTE), True)
    values: dict[str, Any] = {
        "question": "Que cite la note ?",
        "answer": f"D’après l’article :\n« {QUOTE} » [1] [7]",
        "citations": [citation],
        "passages": [_passage()],
        "timings_ms": {"total": 12.0},
    }
    if abstained:
        values.update(
            answer="L’article ne le dit pas.\nPassages les plus proches (sans réponse) :\n- …",
            citations=[],
        )
    values.update(changes)
    return Answer(abstained=abstained, **values)


# -- rendering ------------------------------------------------------------------------------


def test_highlight_escapes_every_piece_and_marks_the_quote() -> None:
    text = "avant <b>gras</b> " + QUOTE + " & après"
    shown = render.highlight(text, QUOTE, text.index(QUOTE))
    assert "<b>" not in shown and "<script>" not in shown
    assert "<mark>La note cite &lt;script&gt;alert(1)&lt;/script&gt; ici.</mark>" in shown
    assert shown.startswith("avant &lt;b&gt;gras&lt;/b&gt; ")
    assert shown.endswith(" &amp; après")


def test_highlight_falls_back_to_searching_then_to_no_mark() -> None:
    assert render.highlight("a b a", "a", 99) == "<mark>a</mark> b a"
    assert render.highlight("a b a", "a", 4) == "a b <mark>a</mark>"
    assert render.highlight("<i>x</i>", "absent", 0) == "&lt;i&gt;x&lt;/i&gt;"


def test_answer_markers_link_to_their_sources() -> None:
    shown = render.render_answer(_answer(), turn=3)
    assert shown.count('<a class="cite" href="#src-3-1"') == 1
    assert "[7]" in shown and "#src-3-7" not in shown  # not a citation: left as text
    assert "<script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert 'class="quote"' in shown and "abstained" not in shown


def test_abstention_looks_different_and_cites_nothing() -> None:
    shown = render.render_answer(_answer(abstained=True), turn=1)
    assert 'class="answer abstained"' in shown
    assert "Pas dans l’article" in shown and "Voir aussi" in shown
    assert "cite" not in shown and "Passages les plus proches (sans" not in shown
    english = render.render_answer(
        _answer(abstained=True, question="How old is he?", answer="The article does not say."),
        turn=1,
    )
    assert "Not in the article" in english and "See also" in english


def test_abstention_names_what_the_article_does_not_mention() -> None:
    text = "The article does not say.\nNo passage mentions “hotel”.\n" + (
        "Closest passages (no answer there):\n- Some passage."
    )
    shown = render.render_answer(_answer(abstained=True, question="Which hotel?", answer=text), 1)
    assert "No passage mentions “hotel”." in shown
    assert "Some passage" not in shown and "Closest passages" not in shown


def test_sources_show_section_quote_and_position() -> None:
    shown = render.render_sources(_answer(), turn=2, doc_length=lambda source: len(ARTICLE))
    assert 'id="src-2-1"' in shown
    assert "Section &lt;A&gt;" in shown
    assert "<mark>La note cite &lt;script&gt;alert(1)&lt;/script&gt; ici.</mark>" in shown
    start = ARTICLE.index(QUOTE)
    assert f"characters {start}–{start + len(QUOTE)}" in shown
    assert f"{100 * start / len(ARTICLE):.0f}–" in shown and "% of the article" in shown
    assert "note.md" in shown and "<script>" not in shown


def test_sources_of_an_abstention_are_see_also_not_citations() -> None:
    shown = render.render_sources(_answer(abstained=True), turn=1)
    assert 'class="source see-also"' in shown and 'id="see-1-1"' in shown
    assert "<mark>" not in shown and "src-1-" not in shown
    assert "&lt;script&gt;" in shown and "<script>" not in shown


def test_unverified_quotes_are_flagged_and_unknown_passages_still_shown() -> None:
    answer = _answer()
    answer.citations = [Citation(1, "gone", "x.md", "<q>", 0, 3, False)]
    answer.passages = []
    shown = render.render_sources(answer, turn=1)
    assert "<mark>&lt;q&gt;</mark>" in shown and "not found verbatim" in shown


def test_panel_shows_the_latest_answer_first_and_folds_earlier_ones() -> None:
    assert render.render_panel([]) == render.EMPTY_PANEL
    first, second = _answer(question="Q <1>"), _answer(question="Q 2")
    shown = render.render_panel([first, second])
    assert shown.index('id="src-2-1"') < shown.index('id="src-1-1"')
    assert shown.count("<details") == 1 and "Q &lt;1&gt;" in shown
    assert "understood as" not in shown
    second.standalone_question = "Q 2 <about X>"
    assert "understood as: <q>Q 2 &lt;about X&gt;</q>" in render.render_panel([first, second])


def test_questions_and_errors_are_escaped() -> None:
    assert render.render_question("<img src=x onerror=alert(1)>") == (
        '<div class="user-question">&lt;img src=x onerror=alert(1)&gt;</div>'
    )
    assert "&lt;b&gt;" in render.render_error("<b>bad</b>")
    assert "<b>bad" not in render.render_error("x")
    assert "&lt;script&gt;" in render.render_pending("<script>")


# -- behaviour with a fake assistant ----------------------------------------------------------


class FakeStore:
    """Index counts."""

    def stats(self) -> dict[str, int]:
        return {"documents": 1, "chunks": 14, "sentences": 34}

    def documents(self) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(source="news/a.md", title="Rabat", meta=DocumentMeta()),
            SimpleNamespace(source="news/b.md", title="", meta=DocumentMeta()),
        ]


class FakeAssistant:
    """Streams a fixed answer (or raises) and records the history it was given."""

    def __init__(self, data_dir: Path, fail: Exception | None = None) -> None:
        self.settings = Settings(data_dir=data_dir)
        self.store = FakeStore()
        self.fail = fail
        self.histories: list[list[Turn]] = []
        self.scopes: list[list[str]] = []

    def describe(self) -> dict[str, str]:
        return {
            "embeddings": "e5:test",
            "store": "Chroma (embedded) in x/",
            "answerer": "extractive",
        }

    def document_text(self, source: str) -> str:
        return ARTICLE

    def ask_stream(
        self, question: str, history: Sequence[Turn] = (), sources: Sequence[str] = ()
    ) -> Iterator[str | Answer]:
        self.histories.append(list(history))
        self.scopes.append(list(sources))
        if not question.strip():
            raise QuestionError("The question is empty: type a question about the article")
        if self.fail is not None:
            raise self.fail
        answer = _answer(question=question)
        answer.standalone_question = f"{question} (standalone)"
        yield answer.answer[:10]
        yield answer.answer[10:]
        yield answer

    def ask(
        self, question: str, history: Sequence[Turn] = (), sources: Sequence[str] = ()
    ) -> Answer:
        final = [e for e in self.ask_stream(question, history, sources) if isinstance(e, Answer)]
        return final[-1]


def _chat(tmp_path: Path, **kwargs: Any) -> tuple[ui.WebChat, FakeAssistant]:
    fake = FakeAssistant(tmp_path / "data", **kwargs)
    return ui.WebChat(fake), fake  # type: ignore[arg-type]


def _run(chat: ui.WebChat, question: str, session: ui.ChatSession) -> list[ui.ChatUpdate]:
    return list(chat.respond(question, session))


def test_respond_streams_then_renders_the_answer_and_keeps_history(tmp_path: Path) -> None:
    chat, fake = _chat(tmp_path)
    session = ui.ChatSession()
    updates = _run(chat, "Que cite la note ?", session)
    assert len(updates) == 4  # pending, two chunks, final
    assert "streaming" in updates[1].messages[-1]["content"]
    messages, panel, state = updates[-1].messages, updates[-1].panel, updates[-1].session
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert 'href="#src-1-1"' in messages[-1]["content"] and 'id="src-1-1"' in panel
    assert state.turns == [
        Turn(
            "Que cite la note ?",
            "Que cite la note ? (standalone)",
            state.answers[0].answer,
            ("news/note.md",),  # the article it cited: a follow-up stays with it
        )
    ]
    _run(chat, "Et ensuite ?", state)
    assert fake.histories[-1] == state.turns[:1]
    assert state.message_answers == {1: 0, 3: 1}


def test_errors_become_chat_messages_not_tracebacks(tmp_path: Path) -> None:
    chat, _ = _chat(tmp_path)
    messages = _run(chat, "  ", ui.ChatSession())[-1].messages
    assert [m["role"] for m in messages] == ["assistant"]
    assert "msg-error" in messages[0]["content"] and "question is empty" in messages[0]["content"]

    chat, _ = _chat(tmp_path, fail=StoreError("No index in index/: run `assistant index`"))
    messages = _run(chat, "Q ?", ui.ChatSession())[-1].messages
    assert "No index in index/" in messages[-1]["content"]

    chat, _ = _chat(tmp_path, fail=RuntimeError("secret internals"))
    session = ui.ChatSession()
    messages = _run(chat, "Q ?", session)[-1].messages
    assert "RuntimeError" in messages[-1]["content"] and "secret" not in messages[-1]["content"]
    assert "Traceback" not in messages[-1]["content"] and session.turns == []


def test_one_question_at_a_time_per_session(tmp_path: Path) -> None:
    chat, fake = _chat(tmp_path)
    session = ui.ChatSession()
    first = chat.respond("Q1 ?", session)
    next(first)  # Q1 is being answered
    busy = list(chat.respond("Q2 ?", session))
    assert len(busy) == 1 and busy[0].keep_question and "Still answering" in busy[0].notice
    list(first)
    other = list(chat.respond("Q3 ?", ui.ChatSession()))  # other sessions are not held up
    assert not other[-1].keep_question
    assert fake.histories == [[], []]
    assert [t.question for t in session.turns] == ["Q1 ?"]
    assert not list(chat.respond("Q2 ?", session))[-1].keep_question  # free again


def test_votes_are_appended_as_json_lines(tmp_path: Path) -> None:
    chat, _ = _chat(tmp_path)
    session = ui.ChatSession()
    _run(chat, "Que cite la note ?", session)
    assert "Thanks" in chat.record_vote(session, 1, True)
    assert "Thanks" in chat.record_vote(session, [1], False)
    assert "Only answers" in chat.record_vote(session, 0, True)  # the user's message
    lines = (tmp_path / "data" / "feedback.jsonl").read_text("utf-8").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["vote"] for e in entries] == ["up", "down"]
    assert entries[0]["question"] == "Que cite la note ?"
    assert entries[0]["answer"] == session.answers[0].answer
    assert entries[0]["citations"][0]["quote"] == QUOTE
    assert entries[0]["timestamp"].endswith("+00:00") and entries[0]["session"] == session.id


def test_a_failing_feedback_write_does_not_break_the_chat(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    chat, _ = _chat(tmp_path)
    session = ui.ChatSession()
    _run(chat, "Que cite la note ?", session)
    notice = chat.record_vote(session, 1, True)
    assert "could not be saved" in notice
    messages = _run(chat, "Et ensuite ?", session)[-1].messages
    assert 'href="#src-2-1"' in messages[-1]["content"]


def test_new_chat_forgets_everything(tmp_path: Path) -> None:
    chat, _ = _chat(tmp_path)
    messages, panel, session, notice, question = chat.new_chat()
    assert (messages, panel, notice, question) == ([], render.EMPTY_PANEL, "", "")
    assert session.turns == [] and session.answers == []


def test_status_names_the_models_and_counts(tmp_path: Path) -> None:
    shown = ui.WebChat(FakeAssistant(tmp_path)).status_html()  # type: ignore[arg-type]
    assert "e5:test" in shown and "extractive" in shown and "Chroma" in shown
    assert "1 document, 14 chunks" in shown


def test_api_history_accepts_earlier_answers_or_questions() -> None:
    assert ui.history_from_api(None) == [] and ui.history_from_api("") == []
    previous = {"question": "Q1", "standalone_question": "Q1 full", "answer": "A1"}
    assert ui.history_from_api([previous, "Q2"]) == [Turn("Q1", "Q1 full", "A1"), Turn("Q2", "Q2")]
    assert ui.history_from_api({"history": [previous]}) == [Turn("Q1", "Q1 full", "A1")]
    assert ui.history_from_api(json.dumps(["Q"])) == [Turn("Q", "Q")]
    for bad in (42, [42], "not json", [{"answer": "no question"}]):
        with pytest.raises(QuestionError):
            ui.history_from_api(bad)


def test_api_ask_returns_the_contract_and_the_next_history(tmp_path: Path) -> None:
    chat, fake = _chat(tmp_path)
    first = chat.api_ask("Q1 ?")
    second = chat.api_ask("Q2 ?", first["history"])
    assert fake.histories[-1] == [Turn("Q1 ?", "Q1 ? (standalone)", first["answer"])]
    assert second["citations"][0]["quote"] == QUOTE
    assert [t["question"] for t in second["history"]] == ["Q1 ?", "Q2 ?"]


def test_the_chosen_articles_reach_the_assistant(tmp_path: Path) -> None:
    chat, fake = _chat(tmp_path)
    assert chat.article_choices() == [("Rabat (a.md)", "news/a.md"), ("news/b.md", "news/b.md")]
    list(chat.respond("Q1 ?", None, ["news/b.md"]))
    list(chat.respond("Q2 ?", None))
    chat.api_ask("Q3 ?", None, "news/a.md")
    chat.api_ask("Q4 ?", None, ["news/a.md", "news/b.md"])
    assert fake.scopes == [["news/b.md"], [], ["news/a.md"], ["news/a.md", "news/b.md"]]
    for bad in (42, [42], {"source": "a"}):
        with pytest.raises(QuestionError, match="`sources`"):
            chat.api_ask("Q ?", None, bad)


# -- settings and the app ---------------------------------------------------------------------


def test_auth_and_loopback() -> None:
    assert ui.parse_auth("") is None
    assert ui.parse_auth("ann:s3:cret") == ("ann", "s3:cret")
    for bad in ("nopassword", ":pw", "user:"):
        with pytest.raises(ConfigError):
            ui.parse_auth(bad)
    assert ui.is_loopback("127.0.0.1") and ui.is_loopback("localhost") and ui.is_loopback("::1")
    assert not ui.is_loopback("0.0.0.0") and not ui.is_loopback("example.org")


def test_launch_options_warn_when_exposed_without_login(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="assistant.ui"):
        options = ui.launch_options(Settings())
        assert (options["server_name"], options["server_port"], options["auth"]) == (
            "127.0.0.1",
            7860,
            None,
        )
        assert not caplog.records
        ui.launch_options(Settings(host="0.0.0.0", ui_auth="ann:pw"))
        assert not caplog.records
        ui.launch_options(Settings(host="0.0.0.0"))
    assert "without a login" in caplog.text


def test_concurrency_suits_two_cores() -> None:
    assert ui.concurrency_limit(Settings()) == 2
    assert ui.concurrency_limit(Settings(llm="ollama:qwen2.5")) == 4
    assert ui.concurrency_limit(Settings(llm="llamacpp:/m.gguf")) == 1


def test_build_app_exposes_only_the_ask_endpoint(tmp_path: Path) -> None:
    demo = ui.build_app(FakeAssistant(tmp_path))  # type: ignore[arg-type]
    public = [fn.api_name for fn in demo.fns.values() if fn.api_visibility == "public"]
    assert public == ["ask"]
    assert demo._queue.max_size == ui.QUEUE_MAX_SIZE


@pytest.mark.slow
def test_with_a_real_assistant_an_unwritable_data_dir_still_answers(
    tmp_path_factory: pytest.TempPathFactory, e5: CachedQueryEmbeddings, tmp_path: Path
) -> None:
    from tests.test_ui_client import shared_assistant

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    indexed = shared_assistant(tmp_path_factory, e5)
    assistant = Assistant(indexed.settings.replace(data_dir=blocker), embeddings=e5)
    chat = ui.WebChat(assistant)
    session = ui.ChatSession()
    _run(chat, "Combien de réunions bilatérales Hammouchi a-t-il tenues ?", session)
    assert "could not be saved" in chat.record_vote(session, 1, False)
    last = _run(chat, "Et en Afrique ?", session)[-1]
    messages, panel = last.messages, last.panel
    assert "msg-error" not in messages[-1]["content"]
    assert 'href="#src-2-1"' in messages[-1]["content"] and "<mark>" in panel
