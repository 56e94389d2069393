from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.chunking import chunk_document, split_sentences
from assistant.documents import Document, load_bundled_article


def _check_offsets(document: Document, max_chars: int = 1000) -> None:
    chunks = chunk_document(document, max_chars)
    for chunk in chunks:
        assert document.text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip() == chunk.text
        for start, end in chunk.sentences:
            assert chunk.start <= start < end <= chunk.end
            assert document.text[start:end].strip() == document.text[start:end]
    starts = [c.start for c in chunks]
    assert starts == sorted(starts)


def test_bundled_article_chunks_slice_back_and_carry_sections() -> None:
    article = load_bundled_article()
    chunks = chunk_document(article)
    _check_offsets(article)
    assert len(chunks) >= 10
    sections = {c.section for c in chunks}
    assert "Coopération asiatique élargie" in sections
    assert all(c.section for c in chunks)
    assert any("quarante-trois (43) réunions bilatérales" in c.text for c in chunks)


def test_list_items_stay_with_their_lead_in_line() -> None:
    article = load_bundled_article()
    chunk = next(c for c in chunk_document(article) if "Faisal Shehkar" in c.text)
    assert "parmi lesquelles :" in chunk.text
    assert "Dr. Mohamed bin Ali Koman" in chunk.text
    sentences = chunk.sentence_texts(article.text)
    # Each item is its own sentence, without its bullet; "Dr." does not end a sentence.
    assert any(s.startswith("Dr. Mohamed bin Ali Koman, secrétaire général") for s in sentences)
    assert not any(s.startswith("- ") for s in sentences)


def test_sentence_splitting_handles_french_abbreviations_dates_and_initials() -> None:
    text = (
        "Le Dr. Martin est arrivé le 27 novembre 2025. M. Dupont l’a accueilli. "
        "Selon J. Durand, la réunion a duré 3.5 heures ! Qui l’eût cru ? « Personne », dit-il."
    )
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "Le Dr. Martin est arrivé le 27 novembre 2025.",
        "M. Dupont l’a accueilli.",
        "Selon J. Durand, la réunion a duré 3.5 heures !",
        "Qui l’eût cru ?",
        "« Personne », dit-il.",
    ]


def test_markdown_headings_and_long_paragraphs() -> None:
    sentence = "Cette phrase assez longue décrit un fait précis de l’article. "
    text = (
        "# Titre\n\n## Première partie\n\n"
        + sentence * 30
        + "\n\n## Seconde partie\n\nCourt texte.\n"
    )
    document = Document("doc.md", "Titre", text)
    chunks = chunk_document(document, max_chars=300)
    _check_offsets(document, 300)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 + len("## Première partie\n\n# Titre\n\n") for c in chunks)
    assert chunks[-1].section == "Seconde partie"
    assert chunks[0].section == "Première partie"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = "Titre\n\nUne phrase qui continue\nsur la ligne suivante, puis finit.\nUn autre paragraphe.\n"
    chunks = chunk_document(Document("a.txt", "Titre", text))
    assert [c.text for c in chunks] == [
        "Titre\n\nUne phrase qui continue\nsur la ligne suivante, puis finit.",
        "Un autre paragraphe.",
    ]


def test_ids_are_stable_and_distinct() -> None:
    article = load_bundled_article()
    first = [c.chunk_id for c in chunk_document(article)]
    second = [c.chunk_id for c in chunk_document(load_bundled_article())]
    assert first == second
    assert len(set(first)) == len(first)
    other = [c.chunk_id for c in chunk_document(Document("other.txt", "", article.text))]
    assert not set(first) & set(other)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
            st.sampled_from(
                ["", "- item un.", "# Titre", "Section courte", "Fin. Début ! Dr. X ?"]
            ),
        ),
        max_size=30,
    ),
    st.integers(min_value=20, max_value=400),
)
def test_offsets_always_slice_back_on_arbitrary_text(lines: list[str], max_chars: int) -> None:
    text = "\n".join(lines)
    if text.strip():
        _check_offsets(Document("fuzz.txt", "", text), max_chars)
