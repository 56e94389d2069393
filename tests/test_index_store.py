from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.documents import bundled_source_id, load_bundled_article
from assistant.errors import AssistantError, DocumentError, ModelMismatchError
from tests.conftest import CountingEmbeddings

QUESTION_EN = "How many bilateral meetings did Hammouchi hold?"
QUESTION_FR = "Combien de réunions bilatérales ont eu lieu à Marrakech ?"
EVIDENCE = "quarante-trois (43) réunions bilatérales"


@pytest.mark.parametrize("question", [QUESTION_EN, QUESTION_FR])
def test_bilateral_meetings_passage_ranks_first(indexed: Assistant, question: str) -> None:
    hits = indexed.search(question, k=5)
    assert EVIDENCE in hits[0].text
    assert hits[0].source == bundled_source_id()
    document = indexed.store.document_text(hits[0].source)
    for hit in hits:
        assert document[hit.start : hit.end] == hit.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_reindexing_an_unchanged_file_embeds_nothing(
    make_assistant: Callable[..., Assistant], e5, tmp_path: Path
) -> None:
    counting = CountingEmbeddings(e5)
    assistant = make_assistant(counting)
    first = assistant.index()
    assert first.results[0].status == "added"
    encoded = counting.passages_encoded
    assert encoded > 0
    before = assistant.store.stats()
    again = make_assistant(counting).index()
    assert again.results[0].status == "unchanged"
    assert counting.passages_encoded == encoded
    assert make_assistant(counting).store.stats() == before


def test_a_changed_file_replaces_its_chunks(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    path = tmp_path / "news.md"
    path.write_text(
        "# Nouvelles\n\nLe port de Tanger a ouvert un terminal.\n\nLe maire a parlé.\n",
        encoding="utf-8",
    )
    assistant = make_assistant()
    assistant.index([path])
    old_ids = set(assistant.store.documents()[0].chunk_ids)
    path.write_text(
        "# Nouvelles\n\nLe port de Tanger a fermé un terminal.\n\nLe maire a parlé.\n",
        encoding="utf-8",
    )
    result = assistant.index([path]).results[0]
    assert result.status == "replaced"
    record = assistant.store.documents()[0]
    assert set(record.chunk_ids) != old_ids
    assert assistant.store.stats()["chunks"] == len(record.chunk_ids)
    texts = " ".join(p.text for p in assistant.search("terminal du port de Tanger", k=5))
    assert "fermé" in texts and "ouvert" not in texts


def test_remove_a_document(make_assistant: Callable[..., Assistant], tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("Titre\n\nUn texte sur la pêche au thon en Méditerranée.\n", encoding="utf-8")
    assistant = make_assistant()
    assistant.index()
    assistant.index([path])
    assert assistant.store.stats()["documents"] == 2
    assistant.remove([str(path)])
    assert [r.source for r in assistant.store.documents()] == [bundled_source_id()]
    assert all(p.source == bundled_source_id() for p in assistant.search("pêche au thon", k=10))
    with pytest.raises(AssistantError, match="not in the index"):
        assistant.remove([str(path)])


def test_model_mismatch_is_a_clear_error_and_rebuild_fixes_it(
    make_assistant: Callable[..., Assistant], e5
) -> None:
    make_assistant().index()

    class OtherModel(CountingEmbeddings):
        model_id = "sentence-transformers:other-model"

    other = OtherModel(e5)
    other.model_id = "sentence-transformers:other-model"
    assistant = make_assistant(other)
    with pytest.raises(ModelMismatchError, match=r"built with e5:.*--rebuild"):
        assistant.search("Marrakech")
    with pytest.raises(ModelMismatchError):
        assistant.index()
    assistant.index(rebuild=True)
    assert assistant.store.built_with() == "sentence-transformers:other-model"
    assert EVIDENCE in assistant.search(QUESTION_EN)[0].text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.md", b"   \n\n  ", "empty document"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Réunion à Marrakech".encode("latin-1"), "not UTF-8"),
        ("missing.txt", None, "no such file"),
        ("image.png", b"abc", "unsupported file type"),
    ],
)
def test_bad_input_files_give_one_clear_error_and_leave_the_index_unchanged(
    indexed: Assistant, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    before = indexed.store.stats()
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    report = indexed.index([path])
    assert report.results == []
    assert len(report.errors) == 1
    assert message in report.errors[0]
    assert "\n" not in report.errors[0] and str(path) in report.errors[0]
    assert indexed.store.stats() == before
    assert EVIDENCE in indexed.search(QUESTION_EN)[0].text


def test_interrupted_indexing_leaves_the_previous_index_usable(
    make_assistant: Callable[..., Assistant], e5, tmp_path: Path
) -> None:
    make_assistant().index()
    before = make_assistant().store.stats()
    article = load_bundled_article()
    changed = tmp_path / "article.txt"
    changed.write_text(
        article.text.replace("quarante-trois (43)", "quarante-quatre (44)"), encoding="utf-8"
    )
    make_assistant().index([changed])
    changed.write_text(
        article.text.replace("quarante-trois (43)", "quarante-cinq (45)"), encoding="utf-8"
    )
    # Fail after some chunks were embedded and written.
    interrupted = make_assistant(CountingEmbeddings(e5, fail_after=20))
    with pytest.raises(KeyboardInterrupt):
        interrupted.index([changed])
    survivor = make_assistant()
    hits = survivor.search("Combien de réunions bilatérales ?", k=10)
    from_changed = [h for h in hits if h.source == str(changed)]
    assert any("quarante-quatre (44)" in h.text for h in from_changed)
    assert not any("quarante-cinq" in h.text for h in hits)
    assert len({h.chunk_id for h in hits}) == len(hits)
    # The next run completes and clears the debris.
    survivor.index([changed])
    assert any(
        "quarante-cinq (45)" in h.text for h in survivor.search("Combien de réunions ?", k=10)
    )
    stats = survivor.store.stats()
    records = survivor.store.documents()
    assert stats["chunks"] == sum(len(r.chunk_ids) for r in records)
    assert stats["documents"] == before["documents"] + 1


def test_html_is_reduced_to_text(make_assistant: Callable[..., Assistant], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port de Tanger</title><script>alert('x')</script></head>"
        "<body><h1>Port de Tanger</h1><p>Le port a ouvert un <b>nouveau</b> terminal.</p></body></html>",
        encoding="utf-8",
    )
    assistant = make_assistant()
    assistant.index([page])
    record = assistant.store.documents()[0]
    assert record.title == "Port de Tanger"
    text = assistant.store.document_text(record.source)
    assert "alert" not in text and "<" not in text
    assert "Le port a ouvert un nouveau terminal." in text


def test_unsupported_documents_raise_document_error(tmp_path: Path) -> None:
    from assistant.documents import load_document

    with pytest.raises(DocumentError):
        load_document(tmp_path / "nothing.txt")


def test_an_index_of_the_previous_schema_is_rebuilt_from_its_own_documents(
    make_assistant: Callable[..., Assistant], e5
) -> None:
    # Schema 2: texts in the document records, sentence vectors in a third collection.
    assistant = make_assistant()
    client = assistant.store.client
    legacy = {"embedding_model": e5.model_id, "schema": 2}
    text = "Note de l'utilisateur.\n\nLe comité a tenu 12 séances à Rabat en mars 2024."
    chunks = client.create_collection("articles", metadata=legacy)
    chunks.add(ids=["c1"], embeddings=[[0.1] * 384], metadatas=[{"source": "note.txt"}])
    client.create_collection("articles__sentences", metadata=legacy).add(
        ids=["c1:0"], embeddings=[[0.1] * 384]
    )
    records = client.create_collection("articles__documents", metadata=legacy)
    records.add(
        ids=["note.txt"],
        documents=[text],
        embeddings=[[1.0]],
        metadatas=[{"title": "Note", "sha": "old", "chunk_ids": '["c1"]', "chars": len(text)}],
    )

    report = assistant.index()

    assert any("older version" in notice for notice in report.notices)
    assert {r.source for r in assistant.store.documents()} >= {"note.txt"}
    names = {c.name for c in client.list_collections()}
    assert "articles__sentences" not in names and "articles" not in names  # one per language now
    assert "articles__chunks_fr" in names
    assert assistant.document_text("note.txt") == text
    hits = assistant.search("Combien de séances le comité a-t-il tenues à Rabat ?", k=3)
    assert hits[0].source == "note.txt" and "12 séances" in hits[0].text
    assert EVIDENCE in assistant.search(QUESTION_EN)[0].text


def test_removing_a_document_removes_its_text(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    assistant = make_assistant()
    note = tmp_path / "note.txt"
    note.write_text("Le comité a tenu 12 séances à Rabat en mars 2024.", encoding="utf-8")
    assistant.index([note])
    note.write_text("Le comité a tenu 14 séances à Rabat en mars 2024.", encoding="utf-8")
    assistant.index([note])
    texts = assistant.store.client.get_collection("articles__texts")
    assert len(texts.get(where={"source": str(note)})["ids"]) == 1  # the old version went
    assistant.store.remove_document(str(note))
    assert texts.get(where={"source": str(note)})["ids"] == []


def test_documents_are_found_by_the_names_they_hold_in_either_language(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    oslo = tmp_path / "oslo.md"
    oslo.write_text("# Oslo\n\nLa police norvégienne a reçu Tal Goldstein à Oslo.\n", "utf-8")
    rabat = tmp_path / "rabat.md"
    rabat.write_text("# Rabat\n\nThe Moroccan police met Faisal Shehkar in Rabat.\n", "utf-8")
    assistant = make_assistant()
    assistant.index([oslo, rabat])
    store = assistant.store
    assert store.document_count() == 2
    # Names by their stem, countries by their CLDR code whatever the language they are in.
    found = store.anchored_documents(["golds", "NO", "MA", "shehk", "zzzzz"], limit=5)
    assert found == {
        "golds": [str(oslo)],
        "NO": [str(oslo)],
        "MA": [str(rabat)],
        "shehk": [str(rabat)],
        "zzzzz": [],
    }
    assert len(store.anchored_documents(["golds"], limit=0)["golds"]) == 1  # limit + 1 at most
    # A new version's names replace the old ones; a removed document's go with it.
    oslo.write_text("# Oslo\n\nLa police norvégienne a reçu Jürgen Stock à Oslo.\n", "utf-8")
    assert assistant.index([oslo]).results[0].status == "replaced"
    assert store.anchored_documents(["golds", "stock"], limit=5) == {
        "golds": [],
        "stock": [str(oslo)],
    }
    store.remove_document(str(rabat))
    assert store.anchored_documents(["shehk"], limit=5) == {"shehk": []}


def test_documents_about_a_name_are_told_from_those_that_mention_it(
    make_assistant: Callable[..., Assistant], tmp_path: Path
) -> None:
    about = tmp_path / "about.md"
    about.write_text(
        "# La Norvège et sa police\n\n"
        + "\n\n".join(f"La police de Norvège a signé l'accord {n}." for n in range(4)),
        "utf-8",
    )
    passing = tmp_path / "passing.md"
    passing.write_text("# Rabat\n\nUne délégation de Norvège est venue à Rabat.\n", "utf-8")
    assistant = make_assistant()
    assistant.index([about, passing])
    store = assistant.store
    assert sorted(store.anchored_documents(["NO"], limit=5)["NO"]) == sorted(
        [str(about), str(passing)]
    )
    assert store.anchored_documents(["NO"], limit=5, protagonists=True) == {"NO": [str(about)]}
    assert store.refresh_anchors() == 0  # written in today's form: nothing to re-read
    # An index whose names were written before protagonists were marked re-reads them from
    # its stored texts at the next `assistant index`, without re-embedding anything.
    names = assistant.store.client.get_collection("articles__anchors")
    names.upsert(ids=[str(about)], embeddings=[[1.0]], metadatas=[{"anchors": ["NO", "norve"]}])
    names.modify(metadata={"schema": 4})
    later = make_assistant()  # the next run
    assert later.store.anchored_documents(["NO"], limit=5, protagonists=True) == {"NO": []}
    report = later.index([passing])
    assert report.notices == ["The names of 2 indexed documents were read again"]
    assert later.store.anchored_documents(["NO"], 5, protagonists=True) == {"NO": [str(about)]}
    assert make_assistant().index([passing]).notices == []  # once
