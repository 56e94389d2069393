"""The web chat in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.core import Assistant
from assistant.types import Answer, Turn

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COUNT_QUESTION = "Combien de réunions bilatérales Hammouchi a-t-il tenues ?"
FIRST_QUESTION = "Quels pays d’Amérique latine ont rencontré Hammouchi ?"
FOLLOW_UP = "Et en Afrique ?"
SCRIPT_QUESTION = "Quel exemple d’injection la note du laboratoire de Tanger cite-t-elle ?"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any, served: tuple[Assistant, str]) -> Iterator[Any]:
    """A fresh browser session (its own chat history) with the app loaded."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(served[1])
    page.wait_for_selector("#question textarea")
    try:
        yield page
    finally:
        context.close()


def ask(page: Any, question: str) -> Any:
    """Type a question, send it, wait for the reply; the last assistant message's locator."""
    done = page.locator("#chat .answer:not(.streaming), #chat .msg-error")
    before = done.count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.wait_for_function(
        "n => document.querySelectorAll("
        "'#chat .answer:not(.streaming), #chat .msg-error').length > n",
        arg=before,
    )
    return done.last


def _quote_marks(page: Any) -> list[str]:
    return [text.strip() for text in page.locator("#sources section.latest mark").all_inner_texts()]


def _check_answer(page: Any, message: Any, expected: Answer, turn: int) -> None:
    """The chat message and the sources panel show `expected`, with working markers."""
    shown = message.inner_text()
    for citation in expected.citations:
        assert citation.quote in shown
    markers = message.locator("a.cite")
    assert markers.count() >= len(expected.citations) > 0
    hrefs = {markers.nth(i).get_attribute("href") for i in range(markers.count())}
    assert hrefs == {f"#src-{turn}-{c.n}" for c in expected.citations}
    assert _quote_marks(page) == [c.quote for c in expected.citations]
    for citation in expected.citations:
        card = page.locator(f"#src-{turn}-{citation.n}")
        assert f"{citation.start:,}".replace(",", "\u202f") in card.locator(".where").inner_text()


def test_answers_with_citations_follow_ups_and_sources(
    page: Any, served: tuple[Assistant, str], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    assistant, _ = served
    message = ask(page, COUNT_QUESTION)
    expected = assistant.ask(COUNT_QUESTION)
    assert "quarante-trois (43) réunions bilatérales" in message.inner_text()
    _check_answer(page, message, expected, turn=1)
    mark = page.locator("#src-1-1 mark")
    assert "quarante-trois (43) réunions bilatérales" in mark.inner_text()

    # A follow-up is answered with the conversation so far.
    history = [Turn.from_answer(expected)]
    first = assistant.ask(FIRST_QUESTION, history)
    history.append(Turn.from_answer(first))
    follow = assistant.ask(FOLLOW_UP, history)
    assert follow.standalone_question != FOLLOW_UP
    _check_answer(page, ask(page, FIRST_QUESTION), first, turn=2)
    reply = ask(page, FOLLOW_UP)
    _check_answer(page, reply, follow, turn=3)
    assert re.search(r"Sénégal.*Kenya", reply.inner_text(), re.S)
    assert page.locator("#sources details.earlier").count() == 2

    # A marker of an earlier answer opens its folded sources and brings the passage into view.
    target = page.locator("#src-2-1")
    assert not target.is_visible()
    page.locator("#chat a.cite[href='#src-2-1']").first.click()
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    page.locator("#chat a.cite[href='#src-3-1']").first.click()
    expect(page.locator("#src-3-1")).to_be_in_viewport()
    page.screenshot(path=str(tmp_path / "web-chat.png"), full_page=True)
    assert (tmp_path / "web-chat.png").stat().st_size > 10_000


def test_an_english_question_gets_an_english_lead_above_the_french_original(
    page: Any, served: tuple[Assistant, str], tmp_path: Path
) -> None:
    assistant, _ = served
    question = "When did the Interpol General Assembly take place in Marrakech?"
    expected = assistant.ask(question)
    message = ask(page, question)
    lead = message.locator("p.lead")
    assert lead.inner_text() == expected.lead
    assert "24 to 27 November 2025" in lead.inner_text()
    assert message.locator("p.original-label").inner_text().strip().lower() == "original french:"
    quote = message.locator("p.quote").first
    assert quote.get_attribute("lang") == "fr"
    assert "du 24 au 27 novembre 2025" in quote.inner_text()
    # The lead comes first on the page, the original below it.
    assert lead.bounding_box()["y"] < quote.bounding_box()["y"]
    card = page.locator("#src-1-1")
    assert card.locator(".quote-lang").inner_text() == "French original"
    assert card.locator(".passage").get_attribute("lang") == "fr"
    _check_answer(page, message, expected, turn=1)
    page.screenshot(path=str(tmp_path / "english-answer.png"), full_page=True)


def test_an_abstention_says_what_no_passage_mentions_and_cites_nothing(
    page: Any, served: tuple[Assistant, str], tmp_path: Path
) -> None:
    assistant, _ = served
    question = "Dans quel hôtel les délégations étrangères ont-elles été reçues ?"
    expected = assistant.ask(question)
    assert expected.abstained
    message = ask(page, question)
    shown = message.inner_text()
    assert "pas dans l’article" in shown.lower() and "L’article ne le dit pas." in shown
    assert expected.answer.splitlines()[1] in shown
    assert message.locator("a.cite").count() == 0
    see_also = page.locator("#sources section.latest .see-also")
    assert see_also.count() >= 1 and page.locator("#sources section.latest mark").count() == 0
    page.screenshot(path=str(tmp_path / "abstention.png"), full_page=True)


def test_thumbs_are_appended_to_the_feedback_file(page: Any, served: tuple[Assistant, str]) -> None:
    assistant, _ = served
    ask(page, COUNT_QUESTION)
    page.locator("#chat button[aria-label='Like']").last.click()
    page.wait_for_function("() => document.querySelector('#notice').innerText.includes('Thanks')")
    lines = (assistant.settings.data_dir / "feedback.jsonl").read_text("utf-8").splitlines()
    entry = json.loads(lines[-1])
    assert entry["vote"] == "up"
    assert entry["question"] == COUNT_QUESTION
    assert entry["citations"] and "quarante-trois" in entry["citations"][0]["quote"]


def test_empty_question_shows_an_error_not_a_traceback(page: Any) -> None:
    message = ask(page, "   ")
    text = message.inner_text()
    assert "question is empty" in text
    assert "Traceback" not in page.locator("body").inner_text()
    assert page.locator("#chat .msg-error").count() == 1


def test_document_html_is_shown_as_text_never_run(page: Any, served: tuple[Assistant, str]) -> None:
    assistant, _ = served
    expected = assistant.ask(SCRIPT_QUESTION)
    assert expected.citations and "<script>" in expected.citations[0].quote
    message = ask(page, SCRIPT_QUESTION)
    assert "<script>window.__pwned=1</script>" in message.inner_text()
    panel = page.locator("#sources section.latest")
    assert "<script>window.__pwned=1</script>" in panel.locator("mark").first.inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#sources script, #sources img, #chat .answer script").count() == 0


def test_new_chat_and_other_sessions_start_without_history(
    page: Any, browser: Any, served: tuple[Assistant, str]
) -> None:
    assistant, url = served
    ask(page, FIRST_QUESTION)
    # Another browser session asks the same follow-up: it has no history of its own.
    other = browser.new_context().new_page()
    try:
        other.goto(url)
        other.wait_for_selector("#question textarea")
        alone = assistant.ask(FOLLOW_UP)
        assert ask(other, FOLLOW_UP).inner_text().startswith(alone.answer.split("\n", 1)[0])
        assert _quote_marks(other) == [c.quote for c in alone.citations]
    finally:
        other.context.close()
    page.locator("#new-chat").click()
    page.wait_for_function("() => !document.querySelector('#chat .answer')")
    assert page.locator("#sources mark").count() == 0
    ask(page, FOLLOW_UP)
    assert _quote_marks(page) == [c.quote for c in alone.citations]


def test_the_articles_menu_limits_answers_to_the_chosen_document(
    page: Any, served: tuple[Assistant, str], tmp_path: Path
) -> None:
    assistant, _ = served
    sources = [record.source for record in assistant.store.documents()]
    note = next(s for s in sources if s.endswith("note-securite.md"))
    expected = assistant.ask(COUNT_QUESTION, sources=[note])
    assert "quarante-trois" not in expected.answer
    menu = page.locator("#articles")
    assert menu.is_visible()  # two documents are indexed
    menu.locator("input").click()
    menu.get_by_role("option", name="Note du laboratoire de Tanger (note-securite.md)").click()
    page.keyboard.press("Escape")
    message = ask(page, COUNT_QUESTION)
    assert "quarante-trois" not in message.inner_text()
    assert expected.answer.splitlines()[1] in message.inner_text()  # what the note lacks
    cards = page.locator("#sources section.latest").inner_text()
    assert "marrakech-interpol" not in cards and "note-securite.md" in cards
    page.screenshot(path=str(tmp_path / "articles.png"), full_page=True)


def test_upload_ask_export_and_remove_an_article_from_the_web_chat(
    page: Any, served: tuple[Assistant, str], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    assistant, _ = served
    page_file = Path(__file__).parent / "fixtures" / "pages" / "porto-tram-2026.html"
    page.get_by_text("Add or remove articles").click()
    page.locator("#upload input[type=file]").set_input_files(str(page_file))
    expect(page.locator("#shelf-notice")).to_contain_text("added", timeout=60_000)
    listing = page.locator("#article-list").inner_text()
    assert "Porto opens its first new tram line in forty years" in listing
    assert "Inês Moreira" in listing and "The Harbour Courier" in listing
    [source] = [r.source for r in assistant.store.documents() if r.source.endswith(page_file.name)]
    assert Path(source).read_bytes() == page_file.read_bytes()  # kept under the data folder

    question = "How many stops does the new tram line serve?"
    expected = assistant.ask(question)
    message = ask(page, question)
    assert "14" in message.locator("p.lead").inner_text()
    _check_answer(page, message, expected, turn=1)
    page.screenshot(path=str(tmp_path / "uploaded.png"), full_page=True)

    page.locator("#export").click()
    download_link = page.locator("#exported a").first
    expect(download_link).to_be_visible()
    with page.expect_download() as download:
        download_link.click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert question in exported
    for citation in expected.citations:
        text = assistant.document_text(citation.source)
        assert text[citation.start : citation.end] == citation.quote
        assert citation.quote in exported
        assert f"characters {citation.start}–{citation.end}" in exported
    assert "Inês Moreira · The Harbour Courier · 2026-05-14" in exported

    menu = page.locator("#to-remove")
    menu.locator("input").click()
    menu.get_by_role(
        "option", name=f"Porto opens its first new tram line in forty years ({page_file.name})"
    ).click()
    page.keyboard.press("Escape")
    page.locator("#remove").click()
    expect(page.locator("#shelf-notice")).to_contain_text("removed", timeout=30_000)
    assert source not in [r.source for r in assistant.store.documents()]
    assert not Path(source).exists()
    page.screenshot(path=str(tmp_path / "articles-panel.png"), full_page=True)
