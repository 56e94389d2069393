"""The extractive answerer on small documents written for the tests."""

from __future__ import annotations

import numpy as np

from assistant.chunking import chunk_document
from assistant.documents import Document
from assistant.extractive import ArticleView, Extract, extract
from assistant.retrieval import Retrieval
from assistant.types import Passage

CLUB = (
    "Bilan de la saison\n"
    "Le club a signé plusieurs accords cette saison, notamment :\n"
    "- Un accord avec la ville de Lyon pour rénover la piscine municipale.\n"
    "- Un contrat avec la région pour agrandir le stade.\n"
    "Le trésorier a ensuite présenté les comptes de l’année.\n"
)


def _passages(name: str, title: str, text: str, score: float = 0.9) -> list[Passage]:
    """The chunks of a small document, as retrieved passages with one score."""
    chunks = chunk_document(Document(name, title, text))
    return [
        Passage(c.chunk_id, c.source, c.section, c.text, c.start, c.end, score, "", c.sentences)
        for c in chunks
    ]


def _retrieval(name: str, title: str, text: str) -> Retrieval:
    """Every chunk of a small document retrieved, with a query vector that favours none."""
    return Retrieval(_passages(name, title, text), np.ones(384, dtype=np.float32) / np.sqrt(384))


def test_a_list_lead_in_is_quoted_with_the_items_that_follow_it() -> None:
    retrieval = _retrieval("club.txt", "Bilan", CLUB)
    found = extract("Le club a-t-il signé des accords cette saison ?", retrieval)
    quoted = [s.text for s in found.sentences]
    assert quoted[0].endswith("notamment :")
    assert quoted[1:3] == [
        "Un accord avec la ville de Lyon pour rénover la piscine municipale.",
        "Un contrat avec la région pour agrandir le stade.",
    ]
    assert not any("trésorier" in text for text in quoted)


def test_an_overview_quotes_the_key_sentence_of_the_sections_that_say_most() -> None:
    from assistant.reader import overview_sentences

    text = (
        "Le titre\n"
        "Le port\n"
        "Le port a rouvert lundi. Il accueille les ferries.\n"
        "Les travaux\n"
        "Une grue est arrivée. Les travaux du port ont coûté 3 millions.\n"
        "La météo\n"
        "Il a plu. Le vent soufflait.\n"
        "Les ferries\n"
        "Les ferries reprennent. Le port accueille les ferries.\n"
    )
    passages = _passages("port.txt", "Le titre", text, score=0.0)

    themes = {  # port, ferries, works, weather
        "Le port a rouvert lundi.": (1, 0, 0, 0),
        "Il accueille les ferries.": (1, 1, 0, 0),
        "Une grue est arrivée.": (0, 0, 1, 0),
        "Les travaux du port ont coûté 3 millions.": (1, 0, 1, 0),
        "Il a plu.": (0, 0, 0, 1),
        "Le vent soufflait.": (0, 0, 0, 1),
        "Les ferries reprennent.": (0, 1, 0, 0),
        "Le port accueille les ferries.": (1, 1, 0, 0),
    }

    def about(sentence: str) -> np.ndarray:
        vector = np.array(themes.get(sentence, (0, 0, 0, 0)), dtype=np.float32) + 0.01
        return vector / np.linalg.norm(vector)

    vectors = {
        p.chunk_id: np.stack([about(p.text[s - p.start : e - p.start]) for s, e in p.sentences])
        for p in passages
    }
    picked = overview_sentences(passages, "Le titre", points=3, vectors=vectors)
    quoted = [p.text[s - p.start : e - p.start] for p, s, e in picked]
    assert quoted[0] == "Le titre" and quoted[1] == "Le port a rouvert lundi."
    # each section's sentence about the port, not its first one; the weather is left out
    assert quoted[2:] == [
        "Les travaux du port ont coûté 3 millions.",
        "Le port accueille les ferries.",
    ]
    # without vectors: each section's first sentence, spread over the article
    plain = overview_sentences(passages, "Le titre", points=3)
    assert [p.text[s - p.start : e - p.start] for p, s, e in plain][2:] == [
        "Il a plu.",
        "Les ferries reprennent.",
    ]


def test_a_when_question_is_answered_by_an_older_year_a_preposition_marks() -> None:
    text = (
        "Histoire\n"
        "L’abbaye a été fondée en 1068 par des moines bénédictins.\n"
        "Le musée a fermé en octobre 2021 après des fissures.\n"
        "La nef mesure 1500 mètres carrés.\n"
    )
    retrieval = _retrieval("abbaye.txt", "Histoire", text)
    found = extract("En quelle année les moines ont-ils fondé l’abbaye ?", retrieval)
    assert "1068" in found.sentences[0].text
    # a bare number of that size is a count, not a year
    found = extract("Combien de mètres carrés mesure la nef ?", retrieval)
    assert "1500" in found.sentences[0].text


def test_a_count_of_days_needs_a_range_of_dates_not_a_number() -> None:
    text = (
        "Le festival\n"
        "Le festival s’est tenu du 3 au 6 juillet 2025 dans le parc.\n"
        "Il a accueilli 12 000 spectateurs.\n"
    )
    retrieval = _retrieval("festival.txt", "Le festival", text)
    found = extract("Le festival a duré combien de jours ?", retrieval)
    assert found.sentences and "du 3 au 6 juillet" in found.sentences[0].text


def test_a_negative_question_needs_a_negative_sentence_about_what_it_asks() -> None:
    text = (
        "Le chantier\n"
        "Les fouilles ont suspendu les travaux pendant cinq mois.\n"
        "La restauration a redonné leur éclat à 14 chapiteaux romans.\n"
        "Deux chapiteaux du chœur n’ont pas été restaurés, faute de budget.\n"
    )
    retrieval = _retrieval("chantier.txt", "Le chantier", text)
    found = extract("Quels chapiteaux ont été laissés sans restauration ?", retrieval)
    assert found.sentences and "n’ont pas été restaurés" in found.sentences[0].text
    # Without the sentence that says so, the suspended works are no answer.
    retrieval = _retrieval("chantier.txt", "Le chantier", text.rsplit("Deux", 1)[0])
    found = extract("Quels chapiteaux ont été laissés sans restauration ?", retrieval)
    assert not found.sentences and found.negative


def test_the_number_a_question_gives_is_not_its_answer() -> None:
    text = (
        "Le financement\n"
        "Le budget de 3,2 millions d’euros a été réuni en deux ans.\n"
        "Cinq bailleurs se partagent ce budget de 3,2 millions.\n"
    )
    retrieval = _retrieval("budget.txt", "Le financement", text)
    found = extract("Combien de bailleurs se partagent le budget de 3,2 millions ?", retrieval)
    assert found.sentences and found.sentences[0].text.startswith("Cinq bailleurs")
    # Without the sentence that counts them, the budget it states is no answer.
    retrieval = _retrieval("budget.txt", "Le financement", "\n".join(text.split("\n")[:2]))
    found = extract("Combien de bailleurs se partagent le budget de 3,2 millions ?", retrieval)
    assert not found.sentences


def test_the_article_s_own_account_outranks_a_quotation_unless_speech_is_asked() -> None:
    text = (
        "Le chantier\n"
        "« On ne travaille pas pour nous », résume Paul Marin, tailleur de pierre. "
        "Anne Roche, architecte en chef, était à la tête des équipes.\n"
    )
    passages = _passages("chantier.txt", "Le chantier", text)
    (passage,) = [p for p in passages if "Roche" in p.text]
    query = np.eye(384, dtype=np.float32)[0]

    def near(cosine: float, axis: int) -> np.ndarray:
        return cosine * query + np.sqrt(1 - cosine**2) * np.eye(384, dtype=np.float32)[axis]

    # e5 puts the quotation a little nearer to the question than the sentence that answers.
    by_text = {"Marin": near(0.83, 1), "Roche": near(0.81, 2)}
    texts = [passage.text[s - passage.start : e - passage.start] for s, e in passage.sentences]
    other = near(0.5, 3)  # the heading
    vectors = np.array([next((v for k, v in by_text.items() if k in t), other) for t in texts])
    retrieval = Retrieval([passage], query, {passage.chunk_id: vectors})
    found = extract("Qui menait le chantier ?", retrieval)
    assert found.sentences and "Anne Roche" in found.sentences[0].text
    found = extract("Qu’a dit le tailleur de pierre ?", retrieval)
    assert found.sentences and "Paul Marin" in found.sentences[0].text
    # What the article says is asked of the article, not of someone it quotes.
    found = extract("Selon l’article, qui menait le chantier ?", retrieval)
    assert found.sentences and "Anne Roche" in found.sentences[0].text


def test_a_year_the_question_states_may_be_held_by_the_sentence_s_paragraph() -> None:
    text = (
        "Le festival\n"
        "Le festival s’est ouvert le 3 juillet 2025 dans le parc. Il a accueilli 12 000 "
        "spectateurs.\n"
        "Le bilan\n"
        "En 2024, la mairie avait annulé l’édition faute de budget.\n"
    )
    retrieval = _retrieval("festival.txt", "Le festival", text)
    found = extract("Combien de spectateurs le festival a-t-il accueillis en 2025 ?", retrieval)
    assert found.sentences and "12 000" in found.sentences[0].text
    # A year named only in another paragraph does not hold.
    found = extract("Combien de spectateurs le festival a-t-il accueillis en 2024 ?", retrieval)
    assert not found.sentences


WORKS = (
    "Le chantier\n"
    "Le chantier a duré trois ans et a coûté 3,2 millions d’euros.\n"
    "Il a réuni 11 entreprises et 27 artisans venus de toute la région.\n"
)


class _Aligner:
    """A stand-in for the word aligner: each number's noun matches the asked one as given."""

    def __init__(self, closeness: dict[str, float]) -> None:
        self.closeness = closeness

    def counted(
        self, question: str, noun: str, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> list[list[tuple[int, float]]]:
        return [
            [(s, self.closeness.get(text[e:].split()[0], 0.1)) for s, e in numbers]
            for text, numbers in zip(texts, spans, strict=True)
        ]

    def clauses(
        self, question: str, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> list[list[float]]:
        return [[0.0 for _ in numbers] for numbers in spans]


def _works() -> tuple[Retrieval, ArticleView]:
    retrieval = _retrieval("works.txt", "Le chantier", WORKS)
    return retrieval, ArticleView(WORKS, "Le chantier", retrieval.passages, "fr")


def test_a_count_asked_in_the_other_language_reads_the_number_counting_its_noun() -> None:
    retrieval, article = _works()
    question = "How many craftsmen worked on the site?"
    found = extract(
        question,
        retrieval,
        own_words=question,
        article=article,
        min_confidence=0.0,
        aligner=_Aligner({"artisans": 0.7, "entreprises": 0.55}),
    )
    assert not found.abstain_reason
    best = next(s for s in found.sentences if s.start <= found.value_at < s.end)
    text = WORKS[found.value_at :]
    assert text.startswith("27 artisans") and "27 artisans" in best.text


def test_a_count_of_something_no_number_counts_abstains() -> None:
    retrieval, article = _works()
    question = "How many journalists came?"
    found = extract(
        question,
        retrieval,
        own_words=question,
        article=article,
        min_confidence=0.0,
        aligner=_Aligner({}),
    )
    assert found.abstain_reason and not found.sentences
    # a sum of money counts no thing, whatever follows it ("3,2 millions d’euros.")
    found = extract(
        question,
        retrieval,
        own_words=question,
        article=article,
        min_confidence=0.0,
        aligner=_Aligner({".": 0.9, "ans": 0.2}),
    )
    assert found.abstain_reason


PROTEST = (
    "La polémique\n"
    "Le pavillon de verre a été vivement contesté par l’association des Amis du port. "
    "Son président, Paul Marchand, a lancé une pétition. "
    "Le maire a finalement validé le projet.\n"
)


def test_a_who_question_takes_the_person_from_the_sentence_that_refers_back() -> None:
    retrieval = _retrieval("port.txt", "La polémique", PROTEST)
    question = "Qui préside l’association des Amis du port ?"
    found = extract(question, retrieval, own_words=question, min_confidence=0.0)
    quoted = [s.text for s in found.sentences]
    assert any("contesté par l’association" in q for q in quoted)
    assert "Son président, Paul Marchand, a lancé une pétition." in quoted


def test_a_where_question_is_answered_by_a_sentence_naming_a_place() -> None:
    text = (
        "What comes next\n"
        "The next festival will be bigger, the organisers promise. "
        "They will meet again in Annecy, in July 2027.\n"
    )
    retrieval = _retrieval("festival.txt", "What comes next", text)
    found = extract("Where's the next festival?", retrieval, min_confidence=0.0)
    assert [s.text for s in found.sentences] == ["They will meet again in Annecy, in July 2027."]


def test_a_number_stated_with_a_name_must_be_that_name_s_in_an_enumeration() -> None:
    text = (
        "Le financement\n"
        "La Ville de Rennes a apporté 200 000 euros, la Région Bretagne 150 000 euros.\n"
    )
    retrieval = _retrieval("budget.txt", "Le financement", text)
    swapped = extract("Pourquoi la Région Bretagne a-t-elle apporté 200 000 euros ?", retrieval)
    assert not swapped.sentences
    assert swapped.abstain_reason == "no sentence holds everything the question states"
    held = extract(
        "Pourquoi la Région Bretagne a-t-elle apporté 150 000 euros ?",
        retrieval,
        min_confidence=0.0,
    )
    assert [s.text for s in held.sentences] == [text.splitlines()[1]]


def test_a_duration_may_be_written_in_words_without_a_preposition() -> None:
    text = "Le chantier\nLe tailleur de pierre Paul Morel a passé près de deux ans sur le site.\n"
    retrieval = _retrieval("chantier.txt", "Le chantier", text)
    found = extract("How long did Paul Morel spend on the site?", retrieval, min_confidence=0.0)
    assert [s.text for s in found.sentences] == [text.splitlines()[1]]


GUESTS = (
    "Les invités\n"
    "Le ministre a rencontré le président et le secrétaire général de l’Union. "
    "Il a aussi rencontré plusieurs personnalités, parmi lesquelles :\n"
    "- Dr. Ali Koman, secrétaire général du Conseil des ministres arabes.\n"
    "- Dr. Sami Bonyan, président de l’Université Naif arabe.\n"
)


def test_a_role_spelled_alike_across_languages_is_asked_of_the_name_as_written() -> None:
    retrieval = _retrieval("guests.txt", "Les invités", GUESTS)
    article = ArticleView(GUESTS, "Les invités", retrieval.passages, "fr")

    def ask(question: str) -> list[str]:
        found = extract(question, retrieval, own_words=question, article=article, min_confidence=0)
        return [s.text for s in found.sentences]

    # Koman is secretary general, but of the Council (« arabes » is no name there); Bonyan is
    # the university's president: no sentence holds both the role and the university.
    assert ask("Who is the secretary general of the Naif Arab University?") == []
    assert ask("Who is the president of the Naif Arab University?") == [GUESTS.splitlines()[3][2:]]
    # the Union's president is met, never named: no sentence names who holds the role
    assert ask("Who is the president of the Union?") == []
    assert ask("Qui est le président de l’Union ?") == []


def test_a_count_of_days_reads_the_article_s_dates_when_retrieval_missed_them() -> None:
    text = (
        "Le festival\n"
        "Le festival s’est tenu du 3 au 6 juillet 2025 dans le parc de la ville.\n"
        "Les concerts\n"
        "Les concerts ont attiré 12 000 spectateurs, venus de toute la région.\n"
    )
    every = _passages("festival.txt", "Le festival", text)
    article = ArticleView(text, "Le festival", every, "fr")
    concerts = [p for p in every if "spectateurs" in p.text]
    retrieval = Retrieval(concerts, np.ones(384, dtype=np.float32) / np.sqrt(384))
    question = "Combien de jours ont duré les concerts ?"
    found = extract(question, retrieval, own_words=question, article=article, min_confidence=0)
    assert [s.text for s in found.sentences] == [text.splitlines()[1]]


def test_a_list_counted_from_one_of_its_items_quotes_the_whole_list() -> None:
    retrieval = _retrieval("guests.txt", "Les invités", GUESTS)
    question = "How many officials of Arab bodies are named?"
    found = extract(question, retrieval, own_words=question, min_confidence=0.0)
    assert found.counted == 2
    assert [s.text.startswith("Dr.") for s in found.sentences] == [False, True, True]


def test_an_ordinal_beyond_the_count_of_its_noun_across_languages_is_impossible() -> None:
    retrieval, article = _works()

    def ask(question: str, closeness: float = 0.7) -> Extract:
        aligner = _Aligner({"entreprises": closeness})
        return extract(question, retrieval, own_words=question, article=article, aligner=aligner)

    twelfth = ask("What did the twelfth firm build?")
    assert twelfth.abstain_reason == "the article never mentions it"
    assert twelfth.absent == ("twelfth firm",)
    assert ask("What did the fifth firm build?").absent == ()
    # A rank needs only a counted noun as close as a count question's does ("the tenth window"
    # of « 9 vitraux », 0.53); an unrelated one is no bound.
    assert ask("What did the twelfth firm build?", 0.55).absent == ("twelfth firm",)
    assert ask("What did the twelfth firm build?", 0.4).absent == ()


def test_people_are_counted_by_what_the_question_says_they_did() -> None:
    text = (
        "La pétition\n"
        "Le président du club a lancé une pétition qui a recueilli 480 signatures.\n"
        "Le chantier a duré trois ans, l’abbaye comptant 12 salles.\n"
    )
    retrieval = _retrieval("club.txt", "La pétition", text)
    found = extract("Combien de personnes ont signé la pétition ?", retrieval, min_confidence=0.0)
    assert found.sentences and "480 signatures" in found.sentences[0].text
    # A number whose noun says nothing of the verb counts no people.
    found = extract("Combien de personnes ont visité l’abbaye ?", retrieval, min_confidence=0.0)
    assert found.abstain_reason and not found.sentences


def test_countries_asked_of_a_sentence_naming_their_group_come_from_the_next_one() -> None:
    text = (
        "Storm summit\n"
        "The talks were dominated by Nordic countries hit by storms. Delegations came from "
        "Sweden, Norway and Finland, alongside the host country.\n"
        "The mayor closed the summit.\n"
    )
    retrieval = _retrieval("storms.txt", "Storm summit", text)
    found = extract("Which Nordic countries sent delegations?", retrieval, min_confidence=0.0)
    quoted = [s.text for s in found.sentences]
    assert quoted[0].startswith("The talks were dominated by Nordic countries")
    assert any(q.startswith("Delegations came from Sweden") for q in quoted)
    assert not any("mayor" in q for q in quoted)


def test_a_condition_the_question_sets_needs_a_sentence_stating_one() -> None:
    plain = "Le port\nLa ville paiera la digue. Les travaux finiront en 2030.\n"
    found = extract(
        "Qui paiera la digue si les prix doublent ?",
        _retrieval("port.txt", "Le port", plain),
        min_confidence=0.0,
    )
    assert found.abstain_reason and found.conditional and not found.sentences
    conditional = plain.replace("en 2030.", "en 2030, si les crédits sont votés.")
    found = extract(
        "Quand les travaux finiront-ils si les crédits sont votés ?",
        _retrieval("port.txt", "Le port", conditional),
        min_confidence=0.0,
    )
    assert not found.abstain_reason and "si les crédits" in found.sentences[0].text


class _ClauseScores:
    """A stand-in aligner giving each date's clause a fixed score, sentence by sentence."""

    def __init__(self, scores: list[list[float]]) -> None:
        self.scores = scores

    def clauses(
        self,
        question: str,
        texts: list[str],
        spans: list[list[tuple[int, int]]],
        rarity: object = None,
    ) -> list[list[float]]:
        return self.scores


def test_a_year_qualifying_a_noun_dates_no_event() -> None:
    from assistant.extractive import ScoredSentence, _dated_value

    def sentences(other: str) -> list[ScoredSentence]:
        text = f"The decision was taken on Monday 12 October at a board meeting. {other}"
        passage = Passage("c1", "club.txt", "", text, 0, len(text), 0.9)
        cut = text.index(other)
        return [
            ScoredSentence(passage, 0, cut - 1, text[: cut - 1], 0.8, 0.1, 0.81),
            ScoredSentence(passage, cut, len(text), other, 0.8, 0.1, 0.80),
        ]

    question = "When did the board meet?"
    other_better = _ClauseScores([[0.28], [0.36]])
    # "the 1934 main stand": the best sentence's date stands
    attributive = sentences("The clock from the 1934 main stand will go in the park.")
    assert _dated_value(other_better, question, attributive, None) == -1
    # a year dating an event in another quote may still match better
    dating = sentences("The clock was made in 1934 for the main stand.")
    at = _dated_value(other_better, question, dating, None)
    assert dating[1].passage.text[at:].startswith("1934")


def test_a_sentence_whose_every_date_holds_the_stated_years_dates_no_other_event() -> None:
    from assistant.extractive import ScoredSentence, _date_of_the_asked_event

    # both dates hold a year the question states: no other date can be the asked event's
    text = "Ridership fell by a third between 2019 and 2024 as fares doubled."
    passage = Passage("c1", "buses.txt", "", text, 0, len(text), 0.9)
    sentence = ScoredSentence(passage, 0, len(text), text, 0.8, 0.1, 0.8)
    question = "why did ridership grow between 2019 and 2024?"
    years = frozenset({"2019", "2024"})
    assert (
        _date_of_the_asked_event(_ClauseScores([[0.5, 0.5]]), question, sentence, years, None) == ""
    )
