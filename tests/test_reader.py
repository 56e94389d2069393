"""The reader (issue 12) on an article other than the bundled one: question analysis, the
premise check and each intent handler, through `Assistant.ask` over a real index."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.entities import capitalised_stems, find_entities
from assistant.extractive import _ADMISSION, acronyms_spelled_out
from assistant.facts import compared_numbers, people, place_named, roles_of_people
from assistant.language import STOPWORDS, question_kind
from assistant.reader import constraint_labels, impossible_ordinals, topic_entities
from assistant.text import fold
from assistant.types import Answer
from assistant.understanding import analyse_question, denial_scopes, polarity, unwrapped
from tests.test_facts import _cite

LISBON = Path(__file__).parent / "fixtures" / "articles" / "lisbon-water-summit-2026.en.txt"
ABBEY = Path(__file__).parent / "fixtures" / "articles" / "abbaye-saint-aubin-2026.fr.txt"
RAILWAY = Path(__file__).parent / "fixtures" / "articles" / "ashdale-railway-2026.en.txt"
WILDFIRES = Path(__file__).parent / "fixtures" / "articles" / "feux-var-2026.fr.txt"
MUSEUM = Path(__file__).parent / "fixtures" / "articles" / "kelsmuir-museum-theft-2026.en.txt"
TRIAL = Path(__file__).parent / "fixtures" / "articles" / "proces-pollution-riviere-2026.fr.txt"
HOSPITAL = Path(__file__).parent / "fixtures" / "articles" / "harbury-hospital-2026.en.txt"
RACE = Path(__file__).parent / "fixtures" / "articles" / "tamsford-half-marathon-2026.en.txt"
TRAMWAY = Path(__file__).parent / "fixtures" / "articles" / "tramway-valmerac-2026.fr.txt"
SCHOOLS = Path(__file__).parent / "fixtures" / "articles" / "school-closure-vote-2026.en.txt"
CANTEEN = Path(__file__).parent / "fixtures" / "articles" / "intoxication-cantine-2026.fr.txt"
LANDSLIDE = Path(__file__).parent / "fixtures" / "articles" / "landslide-coast-road-2026.en.txt"
MATERNITY = Path(__file__).parent / "fixtures" / "articles" / "maternite-fermeture-2026.fr.txt"
FESTIVAL = (
    Path(__file__).parent / "fixtures" / "articles" / "festival-jazz-saint-loubes-2026.fr.txt"
)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Gimme the gist of this piece.", "overview"),
        ("What is the Lisbon water summit article about?", "overview"),
        ("What was the row about?", "what"),
        ("De quoi parle ce texte, en gros ?", "overview"),
        ("C'est quoi le sujet, en gros ?", "overview"),
        ("Ils en sont où avec les nouveaux bus ?", "what"),
        ("Où en est le projet de piscine ?", "what"),
        ("which part of town lost its buses?", "where"),
        ("C'est dans quel coin que la digue a cédé ?", "where"),
        ("quels coins de la ville ont le plus souffert ?", "list"),
        ("Elle sera construite où, la caserne ?", "where"),
        ("En bref, ça dit quoi cet article ?", "overview"),
        ("Qu'est-ce que le maire a dit en gros sur la fusion ?", "what"),
        ("ils réparent combien de fuites par semaine en gros", "count"),
        ("Is Brazil mentioned?", "yesno"),
        ("Le Népal est-il cité ?", "yesno"),
        ("How many African countries are named?", "count"),
        ("Who chaired the summit?", "who"),
        ("Quand le sommet a-t-il eu lieu ?", "when"),
        ("Pourquoi Lisbonne emprunte-t-elle ?", "why"),
        ("What does the headline say?", "structure"),
        ("What is the link between the fund and the EIB?", "relation"),
        ("By how much did the town cut its losses?", "what"),
        ("Which Italian town sent restorers?", "where"),
        ("De combien la ville a-t-elle réduit ses pertes ?", "what"),
        ("On what dates was the summit held?", "when"),
        ("What is the deadline for the cities' plans?", "when"),
        ("Quelle est la date limite ?", "when"),
        ("Sum it all up for me.", "overview"),
        ("Which venue hosted the gala?", "where"),
        ("Le stade se trouve sur quelle avenue ?", "where"),
        ("Sur quelles années le plan court-il ?", "when"),
        ("Le musée a rouvert en juin, non ?", "yesno"),
        ("The storm hit on a Wednesday, right?", "yesno"),
        ("What's the point of the new hall?", "why"),
        ("Le directeur, il part en prison ou pas ?", "yesno"),
        ("Did the firm appeal or not?", "yesno"),
        ("Y avait qui autour de la table pour la réunion ?", "who"),
        ("c qui qui dirige la cave coop ?", "who"),
        # « quand même » says "still", it does not ask when
        ("Ils vont quand même rouvrir la piscine ?", "yesno"),
        ("Pourquoi ils ont quand même maintenu le match ?", "why"),
    ],
)
def test_intents_in_both_languages(question: str, intent: str) -> None:
    assert analyse_question(question).intent == intent


def test_a_territory_named_like_a_common_word_needs_its_capital() -> None:
    # « la réunion » is a meeting, « La Réunion » the island
    assert find_entities("Quand a eu lieu la réunion avec la Norvège ?").places == {"NO"}
    assert find_entities("Des délégations de La Réunion et de Chine").places == {"RE", "CN"}
    assert find_entities("is morocco mentioned?").places == {"MA"}  # other names, any case


def test_constraints_match_across_languages_through_cldr() -> None:
    assert find_entities("Did Morocco sign with the Ethiopians?").places == {"MA", "ET"}
    assert find_entities("la police nationale norvégienne").places == {"NO"}
    assert {"NO"} <= find_entities("a memorandum with Norway").places
    # Nationality words that are CLDR language names, in either language and any form...
    assert find_entities("Which Norwegian body signed?").places == {"NO"}
    assert find_entities("les délégations polonaise et grecque, le ministre finnois").places == {
        "PL",
        "GR",
        "FI",
    }
    assert find_entities("Spanish and Turkish officers").places == {"ES", "TR"}
    # ...but not a language spoken in many countries, which names none of them.
    assert find_entities("an English and Arabic translation, en anglais").places == set()
    # A whole name and "-i" ("Kuwaiti", "Omanis"); a bare "-an" must nearly spell its name
    # ("Cuban"): « chapiteaux romans », « un roman » are no Romania.
    assert find_entities("Kuwaiti, Omanis and Pakistani officers").places == {"KW", "OM", "PK"}
    assert find_entities("Cuban and Asian delegates").places == {"CU", "142"}
    assert find_entities("14 chapiteaux romans, un roman").places == set()
    assert find_entities("samedi, lundi, un parti, ici").places == set()
    stated = analyse_question("Quels accords ont été signés le 31 novembre 2025 ?").constraints
    assert stated.numbers == {"31"} and stated.years == {"2025"} and stated.months == {11}


def test_the_asked_concept_is_the_head_of_the_question_phrase() -> None:
    assert analyse_question("Dans quel hôtel logeaient les délégations ?").concept == "hotel"
    assert analyse_question("What are the museum's opening hours?").concept == "opening"
    assert analyse_question("Quelle est la date de naissance de X ?").concept == "naissance"
    # a place that qualifies the noun is a constraint, not the concept
    analysis = analyse_question("How many European countries are on the list?")
    assert analysis.concept == "countries" and analysis.counts_named
    # "-ing" after a name is its verb, not a noun asked about
    lending = analyse_question("How much is the EIB lending the town?")
    assert (lending.concept, lending.predicate) == ("", "lending")
    assert analyse_question("What is the lending rate?").concept == "lending"
    # a subject named after a comma says nothing of the noun asked
    ducks = analyse_question("elle avait combien de canards, la dame du GAEC ?")
    assert (ducks.concept, ducks.predicate) == ("canards", "")
    assert analyse_question("combien de canards avait la dame ?").predicate == "avait"


def test_a_priced_thing_is_read_in_a_longer_phrase_or_put_before_the_question() -> None:
    for question, priced in (
        ("how much is a water bill per household?", "bill"),
        ("La nuit d'hôtel, ça coûte combien à la commune ?", "nuit"),
        ("ça coûterait combien, la déviation ?", "deviation"),
        ("Un pompier, ça gagne combien par an ?", "pompier"),
    ):
        analysis = analyse_question(question)
        assert (analysis.concept, analysis.priced) == (priced, True), question


def test_by_how_much_asks_a_change_neither_a_sum_nor_a_count() -> None:
    from assistant.language import question_kind

    assert question_kind("By how much did the town cut its losses?") == "other"
    assert question_kind("De combien la ville a-t-elle réduit ses pertes ?") == "other"
    assert question_kind("De combien d'euros le budget a-t-il augmenté ?") == "money"
    # a sum asked through a verb of worth or of putting money in
    assert question_kind("Ça vaut combien, la broche ?") == "money"
    assert question_kind("How much is the brooch worth?") == "money"
    assert question_kind("La région, elle mettait combien ?") == "money"
    assert question_kind("Tell me how much the firm has to pay out in damages.") == "money"
    assert question_kind("How much rain fell?") == "count"
    # a reason asked about a number, however the why is put
    assert question_kind("how come the number of cars went down so much?") == "other"
    assert question_kind("l'incendie des conteneurs, c'était quelle nuit") == "date"
    assert question_kind("What night did the fire start?") == "date"


def _lead_quote(answer: Answer) -> str:
    """The quote the lead line cites first (a yes/no answer quotes more than its verdict's)."""
    cited = re.search(r"\[(\d+)\]", answer.lead or "")
    number = int(cited.group(1)) if cited else 1
    return next((c.quote for c in answer.citations if c.n == number), "")


def _written(tmp_path_factory: pytest.TempPathFactory, e5, name: str, text: str) -> Assistant:  # type: ignore[no-untyped-def]
    """An assistant over an article written in a test, saved as `name`."""
    article = tmp_path_factory.mktemp("articles") / name
    article.write_text(text, encoding="utf-8")
    return _indexed(tmp_path_factory, e5, article)


def _indexed(tmp_path_factory: pytest.TempPathFactory, e5, article: Path) -> Assistant:  # type: ignore[no-untyped-def]
    """An assistant over one article, in an index of its own."""
    from assistant.config import Settings

    folder = tmp_path_factory.mktemp(article.stem)
    assistant = Assistant(
        Settings(index_dir=folder / "index", data_dir=folder / "data"), embeddings=e5
    )
    assistant.index([article])
    return assistant


@pytest.fixture(scope="module")
def lisbon(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, LISBON)


@pytest.fixture(scope="module")
def abbey(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, ABBEY)


@pytest.fixture(scope="module")
def railway(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, RAILWAY)


@pytest.fixture(scope="module")
def museum(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, MUSEUM)


@pytest.fixture(scope="module")
def festival(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, FESTIVAL)


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, TRIAL)


@pytest.fixture(scope="module")
def hospital(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, HOSPITAL)


@pytest.fixture(scope="module")
def wildfires(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, WILDFIRES)


@pytest.fixture(scope="module")
def race(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, RACE)


@pytest.fixture(scope="module")
def tramway(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, TRAMWAY)


@pytest.fixture(scope="module")
def schools(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, SCHOOLS)


@pytest.fixture(scope="module")
def canteen(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, CANTEEN)


@pytest.fixture(scope="module")
def landslide(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, LANDSLIDE)


@pytest.fixture(scope="module")
def maternity(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, MATERNITY)


def _ask(lisbon: Assistant) -> Callable[[str], tuple[str, bool, list[str]]]:
    def ask(question: str) -> tuple[str, bool, list[str]]:
        answer = lisbon.ask(question)
        return answer.answer, answer.abstained, [c.quote for c in answer.citations]

    return ask


def test_premise_check_refuses_a_place_the_article_never_names(lisbon: Assistant) -> None:
    text, abstained, quotes = _ask(lisbon)("What did Australia pledge to the drought fund?")
    assert abstained and not quotes
    assert "Australia" in text


def test_premise_check_refuses_a_wrong_year(lisbon: Assistant) -> None:
    text, abstained, _ = _ask(lisbon)("What was agreed at the 2019 Lisbon water summit?")
    assert abstained and "2019" in text


def test_premise_check_refuses_a_wrong_number_in_words_or_with_its_scale(lisbon: Assistant) -> None:
    # The article says "two days" and "€900 million": three days and €900 are false premises.
    _, abstained, quotes = _ask(lisbon)("Pourquoi le sommet a-t-il duré trois jours ?")
    assert abstained and not quotes
    text, abstained, _ = _ask(lisbon)("Why did the EIB provide 400 billion euros?")
    assert abstained and "400 billion" in text


def test_a_sum_is_no_number_of_the_same_digits_without_its_scale(abbey: Assistant) -> None:
    # The abbey article has « cinq ans » and « 3,2 millions d’euros », never 5 million.
    text, abstained, _ = _ask(abbey)("Pourquoi les travaux ont-ils coûté 5 millions d’euros ?")
    assert abstained and "5 millions" in text


def test_no_answer_cites_a_sentence_without_the_stated_place(lisbon: Assistant) -> None:
    article = LISBON.read_text(encoding="utf-8")
    for question in (
        "Which agreement did Portugal sign with Spain?",
        "What did Singapore's representatives lead?",
        "Quel accord le Portugal a-t-il signé avec l'Espagne ?",
    ):
        answer = lisbon.ask(question)
        stated = {p for p in analyse_question(question).constraints.places if not p.isdigit()}
        assert not answer.abstained, question
        for citation in answer.citations:
            assert article[citation.start : citation.end] == citation.quote
            block = (
                find_entities(citation.quote).places
                | find_entities(
                    next(p.section for p in answer.passages if p.chunk_id == citation.chunk_id)
                ).places
            )
            # the article's protagonist (Portugal) may stay implicit; the other place may not
            assert stated - {"PT"} <= block, (question, citation.quote)


def test_entity_swap_between_two_places_of_the_article_abstains(lisbon: Assistant) -> None:
    # Both countries are in the article, never in one sentence.
    _, abstained, _ = _ask(lisbon)("Quel accord le Portugal a-t-il signé avec l'Italie ?")
    assert abstained


def test_a_name_spelled_as_in_the_article_is_checked_across_languages(lisbon: Assistant) -> None:
    # A French question on the English article: "Henrik Solberg" is not translated, and the
    # sentence about Africa's urban population is Amina Bello's, not his.
    ask = _ask(lisbon)
    _, abstained, _ = ask("Qu’a déclaré Henrik Solberg sur la population urbaine de l’Afrique ?")
    assert abstained
    _, abstained, quotes = ask("Qu’a déclaré Amina Bello sur la population urbaine de l’Afrique ?")
    assert not abstained and any("Bello" in q and "2050" in q for q in quotes)
    # a name of two words is held by either ("Duarte" in most sentences)
    _, abstained, quotes = ask("What did Lisbon Declaration signatories commit to by 2035?")
    assert not abstained and any("2035" in q for q in quotes)


def test_an_ordinal_beyond_the_count_the_article_gives_is_an_impossible_condition(
    lisbon: Assistant,
) -> None:
    from assistant.reader import impossible_ordinals

    text = LISBON.read_text(encoding="utf-8")
    assert impossible_ordinals("Who chaired the summit's third day?", text) == ["third day"]
    assert impossible_ordinals("Who chaired the summit's second day?", text) == []
    assert impossible_ordinals("Which is the 13th pilot city?", text) == ["13th pilot"]
    assert impossible_ordinals("Which is the 12th pilot city?", text) == []
    # ordinals written in words, beyond the tenth
    assert impossible_ordinals("Which is the thirteenth pilot city?", text) == ["thirteenth pilot"]
    assert impossible_ordinals("Which is the twelfth pilot city?", text) == []
    assert impossible_ordinals("Quel est le quinzième chapiteau ?", "les 14 chapiteaux") == [
        "quinzième chapiteau"
    ]
    assert impossible_ordinals("What did the growth of the 12 cities bring?", text) == []
    # the question may give the count itself
    assert impossible_ordinals("What was said at the 44th of the 43 meetings?", "") != []
    answer = lisbon.ask("Who chaired the summit's third day?")
    assert answer.abstained and not answer.citations and "third day" in answer.answer


def test_a_count_of_days_is_computed_from_a_range_of_dates(lisbon: Assistant) -> None:
    from assistant.facts import holds

    for question, lead in [
        ("How many days did the summit last?", "2 days"),
        ("Le sommet a duré combien de jours ?", "2 jours"),
    ]:
        answer = lisbon.ask(question)
        assert not answer.abstained and answer.lead.startswith(("According", "D’après"))
        assert lead in answer.lead and "17" in answer.lead
        assert [f.type for f in answer.facts] == ["days"]
        assert all(holds(f, answer.citations) for f in answer.facts)


def test_a_capitalised_first_word_before_a_known_name_is_no_false_premise(
    lisbon: Assistant,
) -> None:
    # "Côté" opens the question, capitalised like any first word: it is not a name.
    answer = lisbon.ask("Côté Maria Duarte, qu’a-t-elle dit de l’hiver ?")
    assert not answer.abstained and any("Duarte" in c.quote for c in answer.citations)
    # a name the article lacks still makes a false premise
    assert lisbon.ask("Did Dupont meet Maria Duarte?").abstained


def test_overview_quotes_the_headline_and_sections_in_order(lisbon: Assistant) -> None:
    answer = lisbon.ask("Summarise the article in three points.")
    assert not answer.abstained
    starts = [c.start for c in answer.citations]
    assert starts == sorted(starts) and starts[0] == 0  # the headline first
    assert len(answer.citations) == 4  # the headline and three section leads


def test_yes_no_and_mention_questions(lisbon: Assistant) -> None:
    yes = lisbon.ask("Is Singapore mentioned?")
    assert not yes.abstained and yes.answer.startswith("Yes")
    assert "Singapore" in yes.citations[0].quote
    no = lisbon.ask("Is Australia mentioned?")
    assert no.abstained and no.answer.startswith("No")


def test_counting_a_list_says_it_was_counted(lisbon: Assistant) -> None:
    answer = lisbon.ask("How many Asian and Middle Eastern countries are named?")
    assert "counted in the list" in answer.answer
    quoted = answer.citations[0].quote
    named = {p for p in find_entities(quoted).places if not p.isdigit()}
    assert f"{len(named)} (counted in the list)" in answer.answer


def test_structure_reference_quotes_the_title(lisbon: Assistant) -> None:
    answer = lisbon.ask("What does the headline say?")
    title = LISBON.read_text(encoding="utf-8").splitlines()[0]
    assert answer.citations[0].quote == title


def test_a_place_name_translated_by_another_language_is_heard_in_the_article() -> None:
    from assistant.reader import unheard_place_names

    article = "Lindenau, en Bavière, et Castelrovere, en Ombrie, ont aidé Marrakech."
    assert unheard_place_names("What did the town in Bavaria pay for?", article) == []
    assert unheard_place_names("Which town is in Umbria?", article) == []
    assert unheard_place_names("What happened in Marrakesh?", article) == []
    # A place the article never names stays a false premise.
    assert unheard_place_names("What did the town in Ruritania pay?", article) == ["Ruritania"]
    assert unheard_place_names("Which town is in Burgundy?", article) == ["Burgundy"]
    # So does a place something moved from or to.
    moved = "Why did the meeting move from Marrakesh to Ruritania?"
    assert unheard_place_names(moved, article) == ["Ruritania"]
    assert (
        unheard_place_names("Pourquoi l'aide est-elle allée de Bavière vers Ombrie ?", article)
        == []
    )


def test_centuries_and_dates_are_read_alike_however_written() -> None:
    article = find_entities("la Vierge en majesté du XIIe siècle, fondée en 1068, 43 réunions")
    for question in ("What is the 12th-century Virgin?", "Quelle statue du 12e siècle ?"):
        assert find_entities(question).numbers == article.numbers - {"43"} == {"12e"}
    assert article.years == {"1068"}  # not "1068,43"
    # A comma before a space separates a day from its year ("March 6, 2023").
    stated = find_entities("What happened on March 6, 2023?")
    assert (stated.numbers, stated.years) == ({"6"}, {"2023"})
    assert find_entities("1,850 inhabitants, 3,2 millions").numbers == {"1850", "3200000"}


def test_numbers_in_words_and_with_a_scale_are_read_as_their_value() -> None:
    from assistant.entities import number_phrase

    # "5 million" is no « cinq ans »; "3.2 million" is « 3,2 millions ».
    assert find_entities("costing 5 million euros").numbers == {"5000000"}
    assert find_entities("3.2 million").numbers == find_entities("3,2 millions").numbers
    assert find_entities("2,4 milliards d’euros").numbers == find_entities("€2.4bn").numbers
    # "420k" is 420 000 without a currency too; "400m" is metres unless it is a sum.
    assert find_entities("what r they spending the 420k on").numbers == {"420000"}
    assert find_entities("400m off the quay, £400m").numbers == {"400", "400000000"}
    assert find_entities("trois jours, twenty-one delegations").numbers == {"3", "21"}
    assert find_entities("vingt et un pays, quarante-trois réunions").numbers == {"21", "43"}
    # A compound adjective counts its noun ("a five-month halt"); "two-thirds" is a fraction.
    assert find_entities("a five-month halt, two-thirds of it").numbers == {"5"}
    # « neuf » is nine only before a plural noun: « un musée neuf », « quoi de neuf ? » are new.
    assert find_entities("neuf sarcophages, dix-neuf ans").numbers == {"9", "19"}
    assert find_entities("Quoi de neuf dans le musée neuf ?").numbers == set()
    # An ordinal is no number; "which two" is how many the answer names, not a premise.
    assert find_entities("la trente-deuxième délégation").numbers == set()
    assert find_entities("Which two countries signed? Quels trois accords ?").numbers == set()
    # A number is told to the asker as the question writes it.
    assert number_phrase("Why did it cost 5 million euros?", "5000000") == "5 million"
    assert number_phrase("Pourquoi a-t-il duré trois jours ?", "3") == "trois"


def test_a_century_is_no_ordinal_of_something_counted() -> None:
    from assistant.reader import impossible_ordinals

    article = "Deux statues du XIIe siècle ornent les deux chapelles, après neuf siècles."
    assert impossible_ordinals("Quelle statue du 12e siècle ?", article) == []
    assert impossible_ordinals("Que contient la troisième chapelle ?", article) == [
        "troisième chapelle"
    ]


def test_an_ordinal_qualifies_the_asked_concept_and_is_not_it() -> None:
    assert analyse_question("What was the second memorandum about?").concept == "memorandum"
    assert analyse_question("Quel est le deuxième accord signé ?").concept == "accord"
    assert analyse_question("Which was the first country met?").concept == "country"
    assert analyse_question("Quelle est la douzième ville pilote ?").concept == "ville"
    assert analyse_question("What was the twelfth pilot city?").concept == "pilot"


def test_a_day_within_a_range_of_dates_is_in_the_article() -> None:
    from assistant.reader import missing_constraints

    article = "La ville a accueilli, du 24 au 27 novembre 2025, l'assemblée générale."
    assert missing_constraints(find_entities("What happened on 25 November?"), article) == []
    assert missing_constraints(find_entities("What happened on 29 November?"), article) == [
        "number:29"
    ]


def test_a_count_asked_in_french_states_the_number_counting_that_noun(lisbon: Assistant) -> None:
    from assistant.facts import holds

    # The English sentence holds several numbers: the word aligner tells which counts the
    # asked noun ("ingénieurs" ~ "engineers", "personnes" ~ "people").
    for question, number in [
        ("Combien d’ingénieurs l’accord avec le Maroc prévoit-il de former ?", "200"),
        ("Combien de personnes vivent dans ces villes pilotes ?", "68"),
    ]:
        answer = lisbon.ask(question)
        assert not answer.abstained and answer.lead.startswith("D’après")
        assert [f.type for f in answer.facts] == ["number"] and number in answer.lead
        assert all(holds(f, answer.citations) for f in answer.facts)


def test_a_name_or_a_borrowed_word_says_nothing_of_the_askers_language() -> None:
    from assistant.language import detect_language

    assert detect_language("How many people live in Vernières-sur-Alagnon?") == "en"
    assert detect_language("Did Mathieu Roussel work on the Église?") == "en"
    assert detect_language("Combien de personnes vivent à Vernières ?") == "fr"
    assert detect_language("Et la Norvège ?") == "fr"
    assert detect_language("Is the café a done deal?") == "en"  # a borrowed word
    assert detect_language("Déjà décidé ?") == "fr"


def test_a_when_question_states_the_date_its_clause_answers(lisbon: Assistant) -> None:
    # « …will be held in Cape Town, South Africa, on 9 and 10 March 2027, shortly before the
    # World Water Day on 22 March »: two dates, each dating something else.
    for question, date in [
        ("Quand aura lieu le prochain sommet ?", "9 et 10 mars 2027"),
        ("Quand a lieu la Journée mondiale de l'eau ?", "22 mars"),
    ]:
        answer = lisbon.ask(question)
        assert not answer.abstained and [f.type for f in answer.facts] == ["date"]
        assert answer.facts[0].rendering == date


def test_a_who_question_asking_a_role_needs_a_sentence_naming_that_role(
    lisbon: Assistant,
) -> None:
    assert analyse_question("Who is the deputy mayor of Athens?").role == "mayor"
    assert analyse_question("Qui est le maire adjoint d’Athènes ?").role == "maire"
    assert analyse_question("Who is Rajiv Menon?").role == ""
    # Cape Town and Athens are named, and a mayor (of Seville), but never together.
    for question in ("Who is the mayor of Cape Town?", "Who is the mayor of Athens?"):
        answer = lisbon.ask(question)
        assert answer.abstained and not answer.citations
    assert "Lucía Ferrer" in lisbon.ask("Who is the mayor of Seville?").lead
    # Her sentence is listed under "Who spoke in Lisbon", but she is the mayor OF SEVILLE.
    assert lisbon.ask("Who was the mayor of Lisbon at the summit?").abstained


def test_a_when_question_dates_the_event_its_object_names(lisbon: Assistant) -> None:
    assert analyse_question("When did Chile sign its agreement with Portugal?").concept == (
        "agreement"
    )
    assert analyse_question(
        "Quand le Chili a-t-il signé son accord avec le Portugal ?"
    ).concept == ("accord")
    assert analyse_question("When will the GWCA publish its first report?").concept == "report"
    assert analyse_question("When did it start?").concept == ""
    # Chile is dated (the 2022 megadrought), agreements too, but never Chile's agreement.
    answer = lisbon.ask("When did Chile sign its agreement with Portugal?")
    assert answer.abstained and not answer.citations
    # Spain's agreement is an item under "On 18 March, Portugal signed three agreements …:",
    # not "the first since the 1998 Albufeira Convention" (a year naming another thing).
    answer = lisbon.ask("When did Portugal sign its agreement with Spain?")
    assert "18 March" in answer.lead and "1998" not in answer.lead
    assert answer.citations[0].quote.startswith("On 18 March")
    assert "1998" in lisbon.ask("When was the Albufeira Convention signed?").lead


def test_a_role_asked_in_the_other_language_is_held_by_the_sentence_closest_to_it(
    lisbon: Assistant, abbey: Assistant
) -> None:
    assert analyse_question("Who's the village mayor?").role == "mayor"
    # « maire de la commune », in a long quote, and nothing closer to "mayor" in the article
    assert "Jean-Marc Delorme" in abbey.ask("Who's the village mayor?").lead
    # The mayor the article names is another place's: not Castelrovere's, not Athens'.
    assert abbey.ask("Who is the mayor of Castelrovere?").abstained
    for question in ("Qui est le maire d’Athènes ?", "Qui est le maire de Lisbonne ?"):
        answer = lisbon.ask(question)
        assert answer.abstained and not answer.citations
    assert "Lucía Ferrer" in lisbon.ask("Qui est la maire de Séville ?").lead
    assert "Henrik Solberg" in lisbon.ask("Qui est le vice-président de la BEI ?").lead


def test_a_count_of_the_countries_of_a_region_is_counted_from_its_list(lisbon: Assistant) -> None:
    assert analyse_question("How many of the delegations came from Latin America?").counts_named
    assert not analyse_question("How many delegations came to Lisbon?").counts_named
    for question, count in [
        ("How many African countries sent delegations?", "9 (counted in the list)"),
        ("Combien de pays d’Amérique latine étaient représentés ?", "5 (compté dans la liste)"),
    ]:
        answer = lisbon.ask(question)
        assert not answer.abstained and count in answer.lead
        assert [f.type for f in answer.facts] == ["list-count"]


def test_a_place_after_in_is_a_place_though_named_like_a_person(lisbon: Assistant) -> None:
    for question in ("Où se tiendra le prochain sommet ?", "Where will the next summit be held?"):
        answer = lisbon.ask(question)
        assert not answer.abstained and [f.rendering for f in answer.facts] == ["Cape Town"]


def test_an_acronym_written_as_in_the_article_takes_part_in_what_is_stated(
    lisbon: Assistant,
) -> None:
    # Henrik Solberg (EIB) and the WJC are both named, never together.
    answer = lisbon.ask("What did Henrik Solberg say on behalf of the WJC?")
    assert answer.abstained and not answer.citations
    answer = lisbon.ask("What did Inês Carvalho say on behalf of the WJC?")
    assert not answer.abstained and "Inês Carvalho" in answer.citations[0].quote


def test_a_plural_acronym_is_no_name_the_article_must_spell() -> None:
    # "NGOs" may be spelt out ("non-governmental organisations"): no false premise on it.
    assert find_entities("How many NGOs make up the coalition?").names == set()
    assert find_entities("Did the ÉTAT pay for it?").names == set()


def test_every_word_of_a_compound_role_is_asked(lisbon: Assistant) -> None:
    # Amina Bello directs at the AfDB; the vice-president named is the EIB's.
    answer = lisbon.ask("Who is the vice-president of the African Development Bank?")
    assert answer.abstained and not answer.citations
    assert "Henrik Solberg" in lisbon.ask("Who is the vice-president of the EIB?").lead


def test_a_name_the_headline_and_another_paragraph_give_is_the_articles_subject() -> None:
    # The body calls the village "the village" after naming it once: its twin's sentence need
    # not name it again. A name given once, outside the headline, stays checked.
    text = (
        "Brindlecombe's old mill turns again\n"
        "The watermill of Brindlecombe reopened on Saturday after two years of works.\n"
        "Kesselbach, twinned with the village since 1989, sent two millwrights.\n"
        "The works cost £2 million, said Ada Pryce.\n"
    )
    stated = analyse_question("Since when has Kesselbach been twinned with Brindlecombe?")
    assert topic_entities(stated.constraints, text).names == find_entities("Brindlecombe").names
    assert question_kind("Since when has Kesselbach been twinned with Brindlecombe?") == "date"
    assert question_kind("Depuis quand le musée est-il fermé ?") == "date"
    assert question_kind("Depuis combien de temps le musée est-il fermé ?") == "duration"


def test_a_time_clause_after_the_question_word_is_not_what_is_asked(lisbon: Assistant) -> None:
    question = "What did the minister say when she opened the summit?"
    assert analyse_question(question).intent == "what"
    assert question_kind(question) == "other"
    assert analyse_question("When did the minister open the summit?").intent == "when"
    answer = lisbon.ask(question)
    assert not answer.abstained and "third dry winter" in answer.citations[0].quote


def test_a_goal_is_no_objection(lisbon: Assistant) -> None:
    question = "Quel est l'objectif de Lisbonne pour les pertes d'eau en 2030 ?"
    assert analyse_question(question).polarity == ""
    assert analyse_question("Who raised an objection to the fund?").polarity == "opposition"
    answer = lisbon.ask(question)
    assert not answer.abstained and any("10%" in c.quote for c in answer.citations)


def test_an_acronym_is_held_by_the_name_it_stands_for(lisbon: Assistant) -> None:
    text = LISBON.read_text(encoding="utf-8")
    spelled = acronyms_spelled_out(text)
    assert spelled["eib"] == capitalised_stems("European Investment Bank")
    assert spelled["gwca"] == capitalised_stems("Global Water Cities Alliance")  # not "the"
    # « Henrik Solberg, vice-president of the European Investment Bank, said the bank … »
    answer = lisbon.ask("What does the EIB plan to do by 2028?")
    assert not answer.abstained and "double its lending" in answer.citations[0].quote


def test_a_person_speaks_for_the_body_the_article_gives_as_their_role(lisbon: Assistant) -> None:
    # The list item "Dr. Amina Bello, director … at the AfDB." says nothing she warned about;
    # her sentence names the African Development Bank in full, and her, whose role is AfDB's.
    assert "AfDB" in roles_of_people(LISBON.read_text(encoding="utf-8"))["bello"]
    answer = lisbon.ask("What did the AfDB's water director warn about?")
    assert not answer.abstained and "2050" in answer.citations[0].quote


def test_the_verb_of_a_who_question_may_be_a_paraphrase(abbey: Assistant) -> None:
    # « Le musée, confié à Lucie Bardet, conservatrice du patrimoine, … »: no passage says
    # « dirige »; the verb does not veto, as the asked concept would
    assert "Lucie Bardet" in abbey.ask("Qui dirige le musée ?").lead


def test_the_village_the_headline_names_need_not_be_named_again(abbey: Assistant) -> None:
    # « Castelrovere, …, jumelée avec la commune depuis 1989 »: the commune is Vernières
    assert "1989" in abbey.ask("When was Castelrovere twinned with Vernières?").lead
    assert "1989" in abbey.ask("Depuis quand Castelrovere est-elle jumelée avec Vernières ?").lead
    assert "2014" in abbey.ask("How long has Jean-Marc Delorme been mayor?").lead


def test_the_sentence_holding_a_stated_name_must_speak_of_the_asked_concept(
    abbey: Assistant,
) -> None:
    # English on the French article: the sentence naming Castelrovere speaks of restorers, not
    # of audio guides (Lindenau paid for those), in words the question does not share
    assert abbey.ask("What audio guides did Castelrovere pay for?").abstained
    answer = abbey.ask("Which audio guides did Lindenau fund?")
    assert not answer.abstained and "audioguides" in answer.citations[0].quote


def test_a_date_is_the_one_of_the_asked_event_not_of_the_subject(abbey: Assistant) -> None:
    # « Fondée en 1068 …, l'abbaye Saint-Aubin connaît son âge d'or au XIIe siècle »: the abbey
    # is in many sentences of the article, « Fondée » in one; the rarer word says what is asked
    assert "1068" in abbey.ask("When was the abbey founded?").lead
    assert "1862" in abbey.ask("When was the abbey listed as a historic monument?").lead
    # another quote's date, when its clause matches better than the best sentence's: the
    # reopening (13 June 2026) is in the best sentence, « Vendue comme bien national en 1791 »
    # in the second
    assert "1791" in abbey.ask("When was the abbey sold off as state property?").lead


def test_a_modal_verb_is_no_word_of_what_is_asked(lisbon: Assistant) -> None:
    # "WILL" is in « The EIB WILL provide €900 million », not in « … Fund, endowed with €2.4
    # billion »: as a word to match, it chose the share of one bank over the fund's total
    assert "will" in STOPWORDS and "sera" in STOPWORDS
    assert "2.4 billion" in lisbon.ask("How much money will the new fund raise?").lead


def test_a_listed_sum_belongs_to_the_words_before_it(abbey: Assistant) -> None:
    # « … le Département du Cantal, 450 000 euros ; la commune, 390 000 euros »: 450 000 euros
    # are the Département's, whether the question names it or only says « la commune »
    assert abbey.ask("Pourquoi la commune a-t-elle apporté 450 000 euros ?").abstained
    assert not abbey.ask("Pourquoi le Département a-t-il apporté 450 000 euros ?").abstained
    assert abbey.ask("Pourquoi la Région a-t-elle versé 390 000 euros ?").abstained


def test_a_sum_comes_from_the_sentence_holding_more_of_the_question(lisbon: Assistant) -> None:
    # French on the English article: « fonds » is in « … the Urban Drought Resilience Fund,
    # endowed with €2.4 billion », not in the sentence giving the banks' shares, which e5
    # ranks first
    asked = "Combien d'argent le fonds recevra-t-il au total ?"
    assert "2,4 milliards" in lisbon.ask(asked).lead
    assert "900 millions" in lisbon.ask("Combien la BEI va-t-elle apporter ?").lead


def test_a_count_is_named_with_the_askers_noun_only_when_it_surely_counts_it(
    lisbon: Assistant,
) -> None:
    # "31 delegations" is the closest count to « journalistes » (0.68): the lead states the
    # article's noun, which its quote holds, not "31 journalistes"
    lead = lisbon.ask("Combien de journalistes ont couvert le sommet ?").lead
    assert "journalistes" not in lead and "delegations" in lead
    assert "31 délégations" in lisbon.ask("Combien de délégations ont participé ?").lead


def test_how_long_is_read_from_a_range_of_days(lisbon: Assistant) -> None:
    assert question_kind("How long did the Lisbon summit last?") == "duration"
    assert "2 days" in lisbon.ask("How long did the Lisbon summit last?").lead


def test_a_who_lead_names_someone_the_question_does_not(lisbon: Assistant) -> None:
    lead = lisbon.ask("Who signed the Spanish memorandum with Duarte?").lead
    assert "Elena Marín" in lead and "Maria Duarte" not in lead


def test_a_who_question_takes_the_sentence_saying_who_did_it(lisbon: Assistant) -> None:
    # "The meeting was organised by Portugal's Ministry …" names no person, and answers
    answer = lisbon.ask("Who organised the event?")
    assert "organised by" in answer.citations[0].quote


def test_a_place_after_the_or_hosting_is_where_it_happened(lisbon: Assistant) -> None:
    assert "Belém Congress Centre" in lisbon.ask("Where exactly in Lisbon was the meeting?").lead
    # past tense: not "The next summit will be held in Cape Town"
    lead = lisbon.ask("Where was the summit held?").lead
    assert "Lisbon" in lead and "Cape Town" not in lead
    assert "Cape Town" in lisbon.ask("Where will the next summit be held?").lead
    lead = lisbon.ask("Où a eu lieu le sommet ?").lead  # « a eu lieu »: the past in French too
    assert "Lisbon" in lead and "Cape Town" not in lead
    # « a lieu » is the present (`test_a_when_question_states_the_date_its_clause_answers`)


def test_an_amount_asks_for_a_sum() -> None:
    assert question_kind("Quel est le montant du prêt ?") == "money"
    assert question_kind("What amount did the EIB lend?") == "money"


def test_qu_est_ce_qui_asks_what_and_why_asks_no_sum() -> None:
    assert analyse_question("Qu’est-ce qui est prévu après la réouverture ?").intent == "what"
    assert question_kind("Qu’est-ce qui est prévu après la réouverture ?") == "other"
    assert question_kind("Why did the budget go up?") == "other"
    assert question_kind("What was the budget?") == "money"


def test_no_is_a_negation_and_voting_against_an_opposition(lisbon: Assistant) -> None:
    # « … regretted that the declaration contains NO binding targets for agriculture »
    assert polarity("the declaration contains no binding targets") == "negation"
    answer = lisbon.ask("Why does Inês Carvalho think the fund is not enough?")
    assert not answer.abstained and "drop in the ocean" in answer.citations[0].quote
    # the declaration was adopted by consensus: no sentence says anyone voted against it
    assert polarity("who voted against the declaration") == "opposition"
    assert lisbon.ask("Who voted against the Lisbon Declaration?").abstained
    # a campaign against a plan, a protest, and « … ou pas ? » are neither
    for question in (
        "Who is leading the campaign against the closures?",
        "How many people gathered to protest outside the town hall?",
        "Les parents se sont rassemblés où pour protester ?",
        "C'est plus grave que la grêle de 2013 ou pas ?",
    ):
        assert analyse_question(question).polarity == "", question


def test_a_sum_stated_with_another_funder_is_a_false_premise(lisbon: Assistant) -> None:
    # « The EIB will provide €900 million, the AfDB €400 million »
    assert lisbon.ask("Why did the EIB provide €400 million?").abstained
    assert "900" in lisbon.ask("How much will the EIB provide?").lead
    # a French verb of paying asks a sum: none is said of Singapore
    assert question_kind("Combien la BEI va-t-elle prêter ?") == "money"
    assert question_kind("Combien la pétition a-t-elle recueilli de signatures ?") == "count"
    assert lisbon.ask("Combien Singapour a-t-il versé au fonds ?").abstained


def test_a_person_listed_under_a_lead_in_naming_a_role_holds_it(lisbon: Assistant) -> None:
    # "The main speakers on the opening day included: … - Dr. Amina Bello, director … at the AfDB."
    assert "Amina Bello" in lisbon.ask("Who was the AfDB's speaker?").lead


def test_a_stated_name_whose_sentences_do_not_answer_is_a_swap(lisbon: Assistant) -> None:
    # The loan to renew Lisbon's water mains is the EIB's; the AfDB's sentence gives €400
    # million to the fund. The question's words point to the EIB's sentence.
    swapped = lisbon.ask(
        "How much will the African Development Bank lend Lisbon to renew its mains?"
    )
    assert swapped.abstained and not swapped.citations
    assert "“African Development Bank”" in swapped.answer
    assert "150" in lisbon.ask("How much will the EIB lend Lisbon to renew its water mains?").lead
    # a yes/no question asks whether the stated thing is there: it is not held to this
    assert not lisbon.ask("Did the African Development Bank put money into the fund?").abstained


def test_the_words_of_one_name_are_labelled_together() -> None:
    question = "Which Latin American country met Tal Goldstein?"
    labels = constraint_labels(analyse_question(question).constraints, question)
    assert labels == ("Latin American", "Tal Goldstein")


def test_days_are_counted_by_a_range_of_dates_for_an_ordinal() -> None:
    text = "L’assemblée s’est tenue du 24 au 27 novembre 2025 à Marrakech."
    assert impossible_ordinals("Who spoke on the fifth day?", text) == ["fifth day"]
    assert impossible_ordinals("Qui a parlé le cinquième jour ?", text) == ["cinquième jour"]
    assert impossible_ordinals("Who spoke on the fourth day?", text) == []


@pytest.mark.parametrize(
    "question",
    ["Who condemned the fund?", "Qui a dénoncé le projet ?", "Who contested the declaration?"],
)
def test_words_of_denouncing_ask_for_a_sentence_that_opposes(question: str) -> None:
    assert analyse_question(question).polarity == "opposition"


def test_an_acronym_alone_takes_part_in_what_is_stated(lisbon: Assistant) -> None:
    # The progress report is the GWCA's; UNEP co-organised the summit.
    swapped = lisbon.ask("When will UNEP publish its progress report on the pilot cities?")
    assert swapped.abstained and not swapped.citations
    assert "December 2026" in lisbon.ask("When will the GWCA publish its progress report?").lead


def test_a_role_someone_was_elected_or_appointed_to_is_asked(lisbon: Assistant) -> None:
    assert analyse_question("Who was elected president of the GWCA?").role == "president"
    assert analyse_question("Qui a été nommé directeur du musée ?").role == "directeur"
    # UNEP's head of the urban water programme is named; no president of UNEP is.
    assert lisbon.ask("Who was elected president of UNEP?").abstained
    assert "Lucía Ferrer" in lisbon.ask("Who was elected chair of the GWCA?").lead


def test_a_where_question_is_answered_by_a_sentence_saying_where(abbey: Assistant) -> None:
    from assistant.facts import place_named

    # « … des terrassements DANS LE CLOÎTRE ont mis au jour 9 sarcophages »: a common noun
    # says where; a sentence naming a town but not the sarcophagi does not answer.
    answer = abbey.ask("Where were the sarcophagi found?")
    assert not answer.abstained and "dans le cloître" in answer.citations[0].quote
    # No sentence says where the phonolite comes from: the one about it names no place.
    assert abbey.ask("Where does the phonolite come from?").abstained
    # A word of a person's name is no place.
    text = "Dr. Abdulmajid Al Bonyan, président de l’Université Naif arabe."
    assert place_named("Where is the Naif University based?", text, frozenset()) == ""


def test_a_kind_a_place_qualifies_need_not_be_named_by_the_passages(lisbon: Assistant) -> None:
    # « structure », "outfit": the sentence names the Moroccan, the Spanish party otherwise.
    answer = lisbon.ask("Quelle structure marocaine formera des ingénieurs ?")
    assert not answer.abstained and "Morocco" in answer.citations[0].quote
    answer = lisbon.ask("Which Spanish outfit signed the memorandum?")
    assert not answer.abstained and "Spain" in answer.citations[0].quote
    # Without the place, the word is the whole of what is asked, and nothing speaks of it.
    assert lisbon.ask("Which outfit signed the memorandum?").abstained


def test_a_measure_is_read_with_its_unit_of_length_or_area(abbey: Assistant) -> None:
    from assistant.language import question_kind

    assert question_kind("How long is the nave?") == "measure"
    assert question_kind("Quelle est la superficie du musée ?") == "measure"
    assert question_kind("How long were the works suspended?") == "duration"
    # « sa nef de 38 mètres », not « trois ans de chantier » nor « 420 mètres carrés »
    assert "38 metres" in abbey.ask("How long is the nave?").lead
    assert "650 mètres carrés" in abbey.ask("Quelle est la superficie du musée ?").lead
    assert "5 months" in abbey.ask("How long were the works suspended?").lead


def test_a_who_question_answered_by_a_group_keeps_its_best_sentence(abbey: Assistant) -> None:
    # The choir is no person; a sentence naming the curator, much weaker, does not answer.
    answer = abbey.ask("Who will perform at the concert?")
    assert not answer.abstained
    assert "chœur paroissial de Lindenau" in answer.citations[0].quote


def test_what_the_article_tells_only_as_to_come_cannot_be_asked_of_as_past() -> None:
    from assistant.reader import only_to_come
    from assistant.understanding import asks_about_the_past

    text = (
        "The fair was held in Ghent in 2025. The next fair will be held in Porto in 2028.\n"
        "“Porto must be about results,” the mayor said. « Ceux qui viendront en 2030 », "
        "résume Anna Berg.\n"
    )
    stated = analyse_question("Who opened the Porto fair in 2028?").constraints
    assert asks_about_the_past("Who opened the Porto fair in 2028?")
    assert set(only_to_come(stated, text)) == {"name:porto", "year:2028"}
    # Ghent is past; Anna Berg only quotes the future, she is not to come.
    assert only_to_come(analyse_question("Who went to Ghent?").constraints, text) == []
    assert only_to_come(analyse_question("What did Anna Berg say?").constraints, text) == []


def test_a_past_question_on_a_summit_still_to_come_abstains(lisbon: Assistant) -> None:
    text, abstained, quotes = _ask(lisbon)("What was decided at the Cape Town summit?")
    assert abstained and not quotes
    assert "Cape Town" in text and "to come" in text


def test_a_sum_asked_for_something_is_tied_to_that_thing(abbey: Assistant) -> None:
    assert analyse_question("How much did the band charge for the gala?").concept == "gala"
    assert analyse_question("Combien la ville a-t-elle payé pour la fresque ?").concept == "fresque"
    # Lindenau paid for the audio guides, not the choir for its concert.
    answer = abbey.ask("How much was the Lindenau choir paid for its concert?")
    assert answer.abstained and not answer.citations


def test_a_who_question_reads_the_person_the_next_sentence_names(abbey: Assistant) -> None:
    # « … contesté par l'association des Amis de l'abbaye. » then « Son président, Antoine
    # Chabrier, … »: the group's sentence answers, through the one that refers back to it.
    answer = abbey.ask("Who headed the campaign against the glass pavilion?")
    assert not answer.abstained
    assert "Antoine Chabrier" in answer.lead
    assert any("Antoine Chabrier" in c.quote for c in answer.citations)


def test_a_name_spelled_out_is_held_by_its_acronym(lisbon: Assistant) -> None:
    # The article defines "the Global Water Cities Alliance (GWCA)", then writes "the GWCA".
    answer = lisbon.ask("Who chairs the Global Water Cities Alliance?")
    assert not answer.abstained and "Lucía Ferrer" in answer.lead


def test_the_speaker_of_a_quotation_does_not_answer_who_did_something(lisbon: Assistant) -> None:
    from assistant.extractive import _only_speakers

    assert _only_speakers("“Cape Town must be about results,” Maria Duarte said as she closed it.")
    assert not _only_speakers(
        "« Le cœur du village », confie Jean-Marc Delorme, maire de la commune."
    )
    assert not _only_speakers("Maria Duarte, Portugal’s environment minister, chaired the summit.")
    # Cape Town's summit is to come; the one sentence naming someone beside it is a quotation.
    answer = lisbon.ask("Who will chair the Cape Town summit?")
    assert answer.abstained and not answer.citations
    assert "Maria Duarte" in lisbon.ask("Who chaired the summit?").lead


def test_a_cost_question_needs_a_sum_said_of_the_priced_thing(abbey: Assistant) -> None:
    assert analyse_question("Combien a coûté le pavillon de verre ?").priced
    assert not analyse_question("Combien d'argent le fonds a-t-il réuni ?").priced
    # The pavilion is named (a controversy), the cloister's works priced: not the pavilion.
    answer = abbey.ask("Combien a coûté le pavillon de verre ?")
    assert answer.abstained and not answer.citations
    assert "3,2 millions" in abbey.ask("Combien a coûté la restauration ?").lead


def test_a_count_is_not_answered_with_a_time_when_it_asks_for_things(abbey: Assistant) -> None:
    # The best sentence opens on « trois ANS de chantier »; no number counts monks.
    answer = abbey.ask("How many monks still live at the abbey?")
    assert answer.abstained and not answer.citations
    assert "27" in abbey.ask("How many craftsmen worked on the site?").lead


def test_a_french_nationality_word_in_ane_names_its_country() -> None:
    assert find_entities("la police kényane", names_from_capitals=False).places == {"KE"}
    # « romane », « douane », « organe »: no country, though they end alike.
    for word in ("une église romane", "la douane", "un organe", "une cabane"):
        assert not find_entities(word, names_from_capitals=False).places, word


def test_a_role_before_an_abbreviation_in_brackets_is_the_persons_role(lisbon: Assistant) -> None:
    sentence = "Ana Costa, spokesperson for the River Fund (RF), a group of banks, said no."
    assert people(sentence) == [("Ana Costa", "spokesperson for the River Fund")]
    answer = lisbon.ask("Who is the spokesperson for the Water Justice Coalition?")
    assert not answer.abstained and "Inês Carvalho" in answer.lead


def test_the_countries_a_sentence_lists_are_instances_of_the_asked_countries(
    lisbon: Assistant,
) -> None:
    # "Middle East" is no CLDR region: a name the sentence must hold; it holds no "countries".
    answer = lisbon.ask("How many countries came from Asia and the Middle East?")
    assert not answer.abstained and "6" in answer.lead
    assert "Uzbekistan" in answer.citations[0].quote


def test_a_cost_asked_in_the_other_language_needs_the_priced_thing_near_a_sum(
    abbey: Assistant,
) -> None:
    # The article installs a lift (« un ascenseur ») and prices the dig, not the lift.
    answer = abbey.ask("How much did the lift cost?")
    assert answer.abstained and not answer.citations
    assert "3.2 million" in abbey.ask("How much did the restoration cost?").lead


def test_a_relative_who_after_where_does_not_ask_who(abbey: Assistant) -> None:
    assert analyse_question("Where did the monks who founded the abbey come from?").intent == (
        "where"
    )
    assert analyse_question("What is the name of the man who opened it?").intent == "who"
    answer = abbey.ask("Where did the monks who founded the abbey come from?")
    assert "La Chaise-Dieu" in answer.lead  # the capitalised article belongs to the name


def test_a_time_of_day_is_read_and_stated_in_the_askers_language(abbey: Assistant) -> None:
    from assistant.facts import clock_times, render_time

    assert [str(t) for t, _ in clock_times("à 20 h 30, puis à 7pm et 9:15")] == [
        "20:30:00",
        "19:00:00",
        "09:15:00",
    ]
    assert clock_times("2.45 million, 3,2 millions, en 1068") == []
    assert render_time(clock_times("20 h 30")[0][0], "fr") == "20 h 30"
    assert render_time(clock_times("6:05 a.m.")[0][0], "fr") == "6 h 05"
    assert render_time(clock_times("10 p.m.")[0][0], "fr") == "22 h"
    answer = abbey.ask("What time does the Lindenau choir concert start?")
    assert "8:30" in answer.lead and "PM" in answer.lead
    assert "10 h 30" in abbey.ask("À quelle heure commence l'inauguration ?").lead


def test_items_a_sentence_announces_by_number_are_quoted_and_stated(abbey: Assistant) -> None:
    # « Les deux villes jumelles de Vernières … » names neither; the next two sentences open on
    # them, each placed in its region and country (the towns are asked, not the countries).
    for question in (
        "Quelles sont les villes jumelles de Vernières ?",
        "What are Vernières' twin towns?",
    ):
        answer = abbey.ask(question)
        assert "Castelrovere" in answer.lead and "Lindenau" in answer.lead, question
        assert "Italie" not in answer.lead and "Italy" not in answer.lead
    assert analyse_question("What are Vernières' twin towns?").concept != "vernieres"


def test_a_year_stated_for_the_wrong_event_of_a_sentence_is_a_false_premise(
    abbey: Assistant,
) -> None:
    # « Vendue comme bien national en 1791, …, avant d'être classée monument historique en
    # 1862 »: 1791 is in the sentence, but it dates the sale.
    answer = abbey.ask("Pourquoi l'abbaye a-t-elle été classée monument historique en 1791 ?")
    assert answer.abstained and not answer.citations
    assert "1791 pour un autre événement" in answer.answer and "« 1862 »" in answer.answer
    assert not abbey.ask("Pourquoi l'abbaye a-t-elle été vendue en 1791 ?").abstained


def test_a_french_who_question_with_an_auxiliary_has_its_verb() -> None:
    # « Qui A présidé … » : « a » is the auxiliary here, not the preposition « à ».
    assert analyse_question("Qui a présidé le sommet ?").predicate == "preside"
    assert analyse_question("Who chaired the summit?").predicate == "chaired"


def test_a_sentence_going_on_with_a_pronoun_subject_is_quoted_too(abbey: Assistant) -> None:
    # « Le musée … s'étend désormais sur 4 salles … » then « Il présente 230 objets, dont la
    # Vierge en majesté … »: what the museum shows is in the sentence that goes on about it.
    answer = abbey.ask("Que trouve-t-on dans le musée désormais ?")
    assert any(c.quote.startswith("Il présente 230 objets") for c in answer.citations)


def test_a_part_of_a_year_is_a_date_stated_in_the_askers_language(abbey: Assistant) -> None:
    from assistant.facts import dates, render_date

    (parts, _), *_ = dates("dès l’automne 2026")
    assert (render_date(parts, "en"), render_date(parts, "fr")) == ("autumn 2026", "automne 2026")
    (parts, _), *_ = dates("pour s’achever fin 2029")
    assert render_date(parts, "en") == "the end of 2029"
    assert [render_date(p, "en") for p, _ in dates("Fondée en 1068")] == ["1068"]
    answer = abbey.ask("Quand la commune lancera-t-elle sa nouvelle souscription ?")
    assert "automne 2026" in answer.lead


def test_a_count_of_countries_of_two_regions_is_counted_from_the_list() -> None:
    question = "How many Latin American and Caribbean countries were in on the talks?"
    assert analyse_question(question).counts_named


def test_a_since_when_question_is_dated_by_the_past_not_by_a_plan(lisbon: Assistant) -> None:
    # "… the Global Water Cities Alliance (GWCA), … founded in 2019" and "The GWCA will
    # publish … in December 2026": it exists since 2019.
    answer = lisbon.ask("Since when has the GWCA existed?")
    assert "2019" in answer.lead and "2026" not in answer.lead


def test_a_yes_no_question_the_cited_sentence_negates_is_answered_no(
    lisbon: Assistant, railway: Assistant
) -> None:
    from assistant.facts import holds
    from assistant.types import Citation, Fact
    from assistant.understanding import denial_scopes

    text = "The line will carry passengers only: there are no plans to bring back freight trains."
    assert [text[a:b] for a, b in denial_scopes(text)] == ["no plans to bring back freight trains"]
    text = "Il ne compte que trois moines, en dehors de ce budget."  # « ne … que » restricts
    assert [text[a:b] for a, b in denial_scopes(text)] == ["en dehors de ce budget"]
    for question, word in (
        ("Does the declaration set binding targets for agriculture?", "No"),
        ("La déclaration fixe-t-elle des objectifs contraignants pour l'agriculture ?", "Non"),
    ):
        answer = lisbon.ask(question)
        assert answer.lead.startswith(word), question
        assert any("no binding targets" in c.quote for c in answer.citations)
    assert railway.ask("Will freight trains run on the line again?").lead.startswith("No")
    assert lisbon.ask("Did Greece send a delegation?").lead.startswith("Yes")
    # "No" is checked against its quote like any fact: the quote must hold a negation.
    plain = Citation(1, "c1", "a.txt", "Delegations came from Greece.", 0, 29, True)
    assert not holds(Fact("answer", "", "No", 1), [plain])
    assert holds(Fact("answer", "", "Yes", 1), [plain])


def test_a_sum_with_a_scale_abbreviated_after_a_currency_sign() -> None:
    assert find_entities("What does the £212m not pay for?").numbers == {"212000000"}
    assert find_entities("€2.4bn for the fund").numbers == {"2400000000"}
    assert find_entities("a 300m stretch of embankment").numbers == {"300"}  # metres


def test_an_elided_french_count_question_has_its_concept() -> None:
    assert analyse_question("Combien d'arches compte le viaduc ?").concept == "arches"
    assert analyse_question("Combien d’habitants vivent dans la vallée ?").concept == "habitants"


def test_a_who_lead_names_the_person_the_quotes_give_a_role(railway: Assistant) -> None:
    # A capitalised run alone may be a line or a firm ("the Ashdale Valley Railway").
    answer = railway.ask("Qui conduisait le premier train ?")
    assert "Sam Patel" in answer.lead and "Railway" not in answer.lead


def test_a_when_question_reads_a_tied_runner_up_and_the_tense_asked(railway: Assistant) -> None:
    # "… and works began on 3 October 2023" ties with the winter floods that held them up.
    assert "3 octobre 2023" in railway.ask("Quand les travaux ont-ils commencé ?").lead
    # « aura » asks what is to come: "NUR will publish its first passenger figures in
    # January 2027", not the opening day.
    answer = railway.ask("Quand aura-t-on les premiers chiffres de fréquentation ?")
    assert "janvier 2027" in answer.lead


def test_a_count_reads_the_whole_and_no_list_of_other_things(railway: Assistant) -> None:
    # "Four of the stations were built from scratch" is a part; "through six stations" the
    # whole. The six stations' list does not count parking spaces, and the heading's « a
    # tunnel » is no surname bringing in the Scarth Tunnel's "… between Low Ashby and …".
    assert "6" in railway.ask("How many stations does the line have?").lead
    answer = railway.ask("How many parking spaces does Low Ashby station have?")
    assert answer.abstained and not answer.citations


def test_a_stated_number_counting_another_thing_is_not_held() -> None:
    from assistant.extractive import _counting_other_things

    question = "Who designed the four new stations?"
    stated = find_entities(question)
    heading = "Four decades of campaigning\nNobody is laughing this morning."
    assert _counting_other_things(heading, question, stated) == ["number:4"]
    partitive = "Four of the stations were built from scratch."  # "of": may count them
    assert _counting_other_things(partitive, question, stated) == []


def test_a_polite_request_or_an_imperative_asks_what_it_wraps() -> None:
    assert analyse_question("Can you tell me when the summit took place?").intent == "when"
    assert analyse_question("Peux-tu me dire quand a eu lieu le sommet ?").intent == "when"
    listing = analyse_question("Could you list the countries met?")
    assert (listing.intent, listing.concept) == ("list", "countries")
    assert analyse_question("List the stations, please").concept == "stations"
    assert analyse_question("Can you buy tickets on board?").intent == "yesno"


def test_a_list_question_quotes_the_list_announcing_it_and_states_its_items(
    railway: Assistant,
) -> None:
    answer = railway.ask("List the stations, please")
    assert answer.citations[0].quote == "The trains call at six stations:"
    for station in ("Kirkhope", "Thornby", "Fellgate", "Low Ashby", "Brackenthwaite"):
        assert station in answer.lead


def test_a_why_question_quotes_the_next_sentence_giving_the_reason(railway: Assistant) -> None:
    # The funders' sentence names Harwood Quarries; the next one says why it paid.
    answer = railway.ask("Why did Harwood Quarries put money into the line?")
    assert any("because" in c.quote for c in answer.citations)


def test_a_price_asked_of_a_thing_the_article_never_prices_abstains(railway: Assistant) -> None:
    analysis = analyse_question("How much is a ticket?")
    assert (analysis.concept, analysis.priced) == ("ticket", True)
    assert not analyse_question("How much is the EIB lending?").priced
    assert analyse_question("What's the cost of the whole restoration?").intent != "who"
    answer = railway.ask("How much is a ticket from Kirkhope to Marlow Bridge?")
    assert answer.abstained and "212" not in answer.lead


def test_a_who_question_answered_by_a_sentence_naming_nobody_abstains(
    railway: Assistant,
) -> None:
    # "Four of the stations were built from scratch" says nothing of who built them; the
    # heading « Four decades of campaigning » holds "four" but counts no stations.
    answer = railway.ask("Who designed the four new stations?")
    assert answer.abstained and not answer.citations


def test_the_two_places_something_lies_between_are_stated(railway: Assistant) -> None:
    answer = railway.ask("Le tunnel de Scarth passe entre quelles gares ?")
    assert "Low Ashby" in answer.lead and "Brackenthwaite" in answer.lead


def test_french_dates_spans_of_years_and_intonation_questions() -> None:
    from assistant.facts import dates, render_date

    assert [render_date(p, "fr") for p, _ in dates("le jeudi 1er octobre")] == ["1er octobre"]
    assert [render_date(p, "en") for p, _ in dates("sur la période 2027-2030.")] == ["2027–2030"]
    assert [render_date(p, "en") for p, _ in dates("from 2026 to 2036")] == ["2026–2036"]
    assert analyse_question("Quelqu'un a été arrêté après l'incendie ?").intent == "yesno"
    assert analyse_question("So was the season worse than the last one?").intent == "yesno"
    assert analyse_question("Et la Banque africaine ?").intent != "yesno"  # a follow-up
    assert analyse_question("C'est qui le directeur du SDIS ?").intent == "who"
    assert analyse_question("Elle ouvrira où, la caserne ?").intent == "where"
    assert question_kind("Ça a coûté combien, le plan ?") == "money"
    assert find_entities("How many houses burned in Les Mayons?").names == {"mayon"}


def test_names_that_are_not_people(wildfires: Assistant) -> None:
    sentence = "Outre Gonfaron, où le feu a pris naissance, les flammes ont touché Les Mayons."
    assert people(sentence) == []
    assert people("Selon Maria Duarte, la ville a gagné.")[0][0] == "Maria Duarte"
    quoted = (
        "la préfète du Var, Hélène Marchetti, a annoncé un plan baptisé « Var Forêt Résilience »"
    )
    assert [name for name, _ in people(quoted)] == ["Hélène Marchetti"]
    answer = wildfires.ask("Who unveiled the 24 million euro plan?")
    assert "Hélène Marchetti" in answer.lead and "Résilience" not in answer.lead


def test_the_lead_states_enumerated_names_a_time_and_a_part(wildfires: Assistant) -> None:
    answer = wildfires.ask("Quelles communes ont été touchées en plus de Gonfaron ?")
    for town in ("Les Mayons", "Le Luc-en-Provence", "La Garde-Freinet", "Vidauban"):
        assert town in answer.lead
    assert "2:20" in wildfires.ask("At what time did the fire near Gonfaron break out?").lead
    # « 7 des 12 maisons détruites »: the part is asked, not the whole.
    assert "7" in wildfires.ask("How many destroyed homes were in Les Mayons?").lead


def test_a_number_counting_another_thing_across_languages_is_no_premise_held(
    wildfires: Assistant,
) -> None:
    # « 40 kilomètres de pistes » is not 40 injured firefighters.
    answer = wildfires.ask("What became of the 40 badly injured firefighters?")
    assert answer.abstained and not answer.citations


def test_a_sentence_denying_what_a_yes_no_question_asks_answers_it(
    museum: Assistant, festival: Assistant
) -> None:
    # Across languages the denial is not the best sentence: it is found among the best.
    answer = museum.ask("Est-ce que la police a arrêté quelqu'un ?")
    assert answer.lead.startswith("Non") and "No arrests" in _lead_quote(answer)
    answer = festival.ask("Quelqu'un a été blessé pendant l'orage ?")
    assert answer.lead.startswith("Non") and "Aucun blessé" in _lead_quote(answer)


def test_a_negation_that_affirms_denies_nothing(museum: Assistant) -> None:
    assert denial_scopes("It is not the first time the museum has been targeted.") == []
    assert denial_scopes("Ce n'est pas la première fois, et pas moins de 40 objets.") == []
    assert denial_scopes("No one was injured.") == [(0, 18)]
    assert polarity("it cannot open earlier") == "negation"
    assert museum.ask("Had the museum been robbed before?").lead.startswith("Yes")


def test_places_after_weaker_cues_and_whole_venue_names() -> None:
    assert place_named("Where is it?", "It stands on Market Square.", frozenset()) == (
        "Market Square"
    )
    assert place_named("Où ?", "Il a joué au Théâtre des Carmes.", frozenset()) == (
        "Théâtre des Carmes"
    )
    # not a word of a name ("the Summit ON Drought"), nor a day
    summit = "the Summit on Drought and Water, held at the Belém Congress Centre"
    assert place_named("Where was it held?", summit, frozenset()) == "Belém Congress Centre"
    assert place_named("Where?", "It reopens on Saturday 6 June.", frozenset()) == ""


def test_the_lead_states_a_street_a_day_and_people_counted_by_what_they_are(
    museum: Assistant, festival: Assistant
) -> None:
    assert "Mill Wynd" in museum.ask("Where did the burglars get into the building?").lead
    assert "8 juillet" in festival.ask("L'orage, c'était quel jour ?").lead
    assert "48\u202f300" in festival.ask("Combien de monde est venu au festival ?").lead
    # the part holds more of the question than the whole (« 41 concerts ont été programmés »)
    assert "3 concerts" in festival.ask("Combien de concerts l'orage a-t-il perturbés ?").lead


def test_a_polite_request_unwrapped() -> None:
    assert unwrapped("Could you tell me who the mayor is?") == "who the mayor is?"


def test_a_why_question_quotes_the_reason_tied_with_the_best(
    wildfires: Assistant, festival: Assistant
) -> None:
    answer = wildfires.ask("Why was the Var so dry this summer?")
    assert any("anticyclone" in c.quote for c in answer.citations)
    # a purpose is a reason (« L'objectif est de ne plus dépendre de la météo »)
    answer = festival.ask("What's the point of a covered stage?")
    assert any("objectif" in c.quote for c in answer.citations)


def test_a_name_describing_the_next_person_is_no_role(festival: Assistant) -> None:
    sentence = (
        "Figuraient la chanteuse Lorna Whitfield, le pianiste cubain Rafael Otero et Awa Ndiaye."
    )
    assert people(sentence) == [("Lorna Whitfield", ""), ("Rafael Otero", ""), ("Awa Ndiaye", "")]
    okafor = people("Daniel Okafor, the mayor of the Northern Uplands, spoke.")[0]
    assert okafor == ("Daniel Okafor", "the mayor of the Northern Uplands")
    assert people("C'est Awa Ndiaye qui a ouvert le festival.") == [("Awa Ndiaye", "")]
    # "Who WERE …?": everyone a quote names, not the one person with a role elsewhere
    lead = festival.ask("Who were the headline acts?").lead
    assert all(name in lead for name in ("Whitfield", "Otero", "Ndiaye", "Lindqvist"))


def test_a_number_counts_the_noun_of_its_own_clause() -> None:
    from assistant.extractive import counts_the_asked_thing

    fisherman = "Gérard Pujol, un pêcheur de 67 ans, découvre des dizaines de truites mortes."
    assert not counts_the_asked_thing("Combien de truites ont été pêchées ?", fisherman)
    assert counts_the_asked_thing("Combien de tours de guet ?", "trois des dix tours de guet")
    # the noun a number counts ends at a function word: "years ON this council"
    speech = "the hardest decision I have made in eleven years on this council"
    assert not counts_the_asked_thing("How many councillors voted for it?", speech)
    assert counts_the_asked_thing("How many councillors voted?", "by 34 councillors to 22")


def test_a_short_role_starts_a_longer_word_and_a_number_refers_back(schools: Assistant) -> None:
    # "the HEAD of the two schools" of "The two schools have shared an executive HEADteacher"
    answer = schools.ask("Who is the head of the two schools?")
    assert not answer.abstained and "Sarah Okafor" in answer.lead
    # and "eleven years on this council" counts no councillor
    answer = schools.ask("So how many councillors backed the closures?")
    assert "11" not in answer.lead


def test_a_list_announced_by_one_sentence_is_given_by_the_next(schools: Assistant) -> None:
    # "The consultation … drew 412 responses." then "Written submissions came from A, B, …"
    answer = schools.ask("Which organisations responded to the consultation in writing?")
    quotes = [c.quote for c in answer.citations]
    assert any(q.startswith("Written submissions came from") for q in quotes)
    assert {"Selcote Parish Council", "Little Brantham Parish Council"} <= {
        f.text for f in answer.facts
    }


def test_a_sum_asked_by_its_kind_is_said_of_that_kind(canteen: Assistant) -> None:
    assert analyse_question("How much compensation did the firm pay?").priced
    assert not analyse_question("How much money did the firm pay?").priced
    # « Chaque repas coûte 4,85 euros » is a meal's price, no compensation
    answer = canteen.ask("How much compensation did the caterer pay the families?")
    assert answer.abstained and not answer.citations


def test_a_role_asked_across_languages_is_read_in_the_quote_holding_it(canteen: Assistant) -> None:
    assert analyse_question("who's the mayor round there?").role == "mayor"
    assert analyse_question("C'est qui le maire ?").role == "maire"
    assert analyse_question("c'est qui le mec de la mairie ?").role == ""  # a guy, no role
    # « la maire, Nadège Ferrier » is cited after a sentence naming someone else with a role
    answer = canteen.ask("Who is the town's mayor?")
    assert [f.text for f in answer.facts][:1] == ["Nadège Ferrier"]


def test_a_yes_no_comparison_is_answered_by_the_numbers_compared(festival: Assistant) -> None:
    waiting = "24,300 people were waiting at the trust's two hospitals, compared with 22,900."
    assert compared_numbers(waiting) == (24300, 22900)
    answer = festival.ask("Y a-t-il eu moins de festivaliers que l'an dernier ?")
    assert answer.lead.startswith("Non") and "41 700" in answer.citations[0].quote
    assert festival.ask("Were there more festival-goers than last year?").lead.startswith("Yes")


def test_a_question_taking_for_granted_what_its_sentence_denies_abstains(trial: Assistant) -> None:
    answer = trial.ask("Pourquoi le tribunal a envoyé le directeur en prison ?")
    assert answer.abstained and "L’article dit autre chose" in answer.answer
    assert "aucune peine de prison" in answer.answer  # the denying sentence, quoted
    # asked in the negative, the question agrees with the sentence
    negative = trial.ask("Pourquoi le directeur n'est-il pas allé en prison ?")
    assert not negative.abstained and "aucune peine de prison" in negative.citations[0].quote
    # the asked thing itself (« quoi comme PEINE ») is no premise: a denial of it elsewhere
    # in the sentence does not refuse
    asked = trial.ask("Le proc, il voulait quoi comme peine pour le directeur ?")
    assert not asked.abstained and "douze mois" in asked.citations[0].quote


def test_discourse_adverbs_and_the_point_of_a_thing_veto_nothing(
    trial: Assistant, hospital: Assistant
) -> None:
    leaked = trial.ask("So what actually leaked out of the plant?")
    assert not leaked.abstained
    assert any("bain de décapage" in c.quote for c in leaked.citations)
    point = hospital.ask("what was the point of building a separate wing anyway")
    assert not point.abstained
    assert "separate planned operations" in point.citations[0].quote


def test_a_section_heading_that_best_matches_is_answered_by_its_section(
    hospital: Assistant,
) -> None:
    answer = hospital.ask("Can you tell me what's actually inside the new wing?")
    assert not answer.abstained
    assert all(c.quote != "What the wing contains" for c in answer.citations)
    assert any("Linden Ward" in c.quote for c in answer.citations)


def test_a_share_counts_nothing_and_a_bodys_acronym_or_own_name_is_no_place() -> None:
    from assistant.extractive import counts_the_asked_thing

    sentence = "The trust did not meet its target of treating 92% of patients within 18 weeks."
    assert not counts_the_asked_thing("How many patients were seen?", sentence)
    assert counts_the_asked_thing("How many patients were seen?", "It saw 1,850 patients.")
    text = (
        "Les agents de l'Office français de la biodiversité (OFB) remontent jusqu'à l'usine "
        "Galvanor, installée sur la rive gauche."
    )
    assert place_named("Elle est où, l'usine ?", text, frozenset()) == ""
    assert place_named("Où travaillent les agents ?", text, frozenset()) == "Galvanor"


def test_a_protagonist_is_named_about_as_often_as_the_most_named() -> None:
    paragraphs = [f"The Elm Wing opened ward {i}." for i in range(7)]
    paragraphs[2:6] = [
        f"The Elm Wing eased the load on Wenlow Cottage Hospital, day {i}." for i in range(4)
    ]
    paragraphs.append("Wenlow fears the worst.")
    text = "Hospital news\n" + "\n".join(paragraphs) + "\n"
    stated = analyse_question("How many beds does the Elm Wing have, in Wenlow?").constraints
    names = topic_entities(stated, text).names
    # Elm Wing: seven paragraphs; Wenlow: five, under three quarters of seven
    assert names == find_entities("the Elm Wing").names and "wenlo" in stated.names


def test_a_retraction_takes_back_its_subject_or_its_object() -> None:
    from assistant.understanding import retraction_scopes

    def taken_back(text: str) -> list[str]:
        return [text[start:end] for start, end in retraction_scopes(text)]

    passive = "La hausse du ticket, un temps envisagée au printemps, a été abandonnée en juin."
    assert taken_back(passive) == [
        "La hausse du ticket, un temps envisagée au printemps, a été abandonnée"
    ]
    assert taken_back("The council scrapped the plan to close the ward.") == [
        "scrapped the plan to close the ward"
    ]
    # under a negation, or inside a subordinate clause, it takes nothing back
    assert taken_back("Operations are no longer called off.") == []
    assert taken_back("The aim is to help, so that operations are called off less.") == []


def test_a_premise_an_article_retracts_is_refused_and_a_yes_no_answered_no(
    race: Assistant, tramway: Assistant
) -> None:
    called_off = race.ask("did the race get called off in the end?")
    assert called_off.answer.startswith("No") and "rejected" in called_off.citations[0].quote
    hike = tramway.ask("why did they go ahead with the 10 cent ticket hike?")
    assert hike.abstained and "a été abandonnée" in hike.answer
    # a question asking about the retraction itself is answered
    dropped = tramway.ask("Pourquoi la hausse du ticket a été abandonnée ?")
    assert not dropped.abstained


def test_a_count_of_a_synonym_answers_when_close(tramway: Assistant) -> None:
    riders = tramway.ask("Ils comptent sur combien de passagers par jour avec ce tram ?")
    assert not riders.abstained and "38\u202f000 (voyageurs)" in (riders.lead or "")
    assert "38 000 voyageurs" in riders.citations[0].quote
    cars = tramway.ask("Combien de voitures ont utilisé le parking relais le premier mois ?")
    assert cars.abstained


def test_a_question_that_does_not_ask_about_before_is_not_answered_by_last_year(
    race: Assistant,
) -> None:
    day = race.ask("what day was the race")
    assert "14 June 2026" in (day.lead or "") and "Last year" not in day.citations[0].quote
    before = race.ask("What day was last year's race held on?")
    assert "15 June" in (before.lead or "")


def test_a_name_after_a_places_preposition_is_no_person() -> None:
    sentence = "The first runners crossed the line in Fernley Park, said Lucy Darnell."
    assert [name for name, _ in people(sentence)] == ["Lucy Darnell"]


def test_a_list_of_bare_names_is_the_lead_and_a_relative_clause_no_role(race: Assistant) -> None:
    charities = race.ask("Which charities does the money go to?")
    for name in ["Tamsford Hospice", "Riverside Food Bank", "Mind in Tamsford"]:
        assert name in (charities.lead or "")
    sponsored = (
        "The race is sponsored by the Caddick Building Society, which is the title sponsor, "
        "and Tamsford Motors."
    )
    # a society is no person, and a relative clause is no one's role
    assert "Caddick Building Society" not in [name for name, _ in people(sponsored)]
    assert not any("which" in role for _, role in people(sponsored))


def test_a_why_answered_by_announced_reasons_quotes_them(tramway: Assistant) -> None:
    late = tramway.ask("Pourquoi ça a pris autant de retard, ce chantier ?")
    quotes = [c.quote for c in late.citations]
    assert any("deux raisons" in q for q in quotes)
    assert any("nécropole gallo-romaine" in q for q in quotes)  # the first reason, after it


def test_a_word_said_of_someone_else_is_an_entity_swap(race: Assistant) -> None:
    swapped = race.ask("What does Ingrid Solberg study at Tamsford university?")
    assert swapped.abstained
    # what her own sentence says is answered
    timed = race.ask("How fast did Ingrid Solberg run?")
    assert not timed.abstained and "56 minutes" in timed.citations[0].quote


def test_a_dates_day_of_the_week_is_said_in_the_askers_language(race: Assistant) -> None:
    english = race.ask("When's next year's race gonna be?")
    assert "Sunday 9 May" in (english.lead or "")
    french = race.ask("C'était quel jour, la course ?")
    assert "dimanche 14 juin 2026" in (french.lead or "")
    assert all(f.text in " ".join(c.quote for c in french.citations) for f in french.facts)


def test_who_of_bodies_enumerated_is_answered_by_every_one(race: Assistant) -> None:
    sponsors = race.ask("C'est qui les sponsors de la course ?")
    for body in [
        "Caddick Building Society",
        "Clearspring Water",
        "Stride Sports",
        "Tamsford Motors",
    ]:
        assert body in (sponsors.lead or "")


def test_a_why_taking_the_wrong_way_of_a_comparison_for_granted_abstains(race: Assistant) -> None:
    fell = race.ask("Why did donations fall compared with last year?")
    assert fell.abstained and "£612,000" in fell.answer  # what the article says instead
    rose = race.ask("Why did the charity money go up compared with last year?")
    assert not rose.abstained


def test_a_french_relative_pronoun_asks_nothing_and_a_denial_answers_whatever_its_tense(
    race: Assistant,
) -> None:
    for question in [
        "Ils ont remboursé les gens qui voulaient faire le semi complet ?",
        "Le maire qui a parlé est-il content ?",
        "Les coureurs qui ont abandonné ont-ils été remboursés ?",
    ]:
        assert analyse_question(question).intent == "yesno"
    assert analyse_question("Les élus qui ont voté contre, c'est qui ?").intent == "who"
    refunds = race.ask("Ils ont remboursé les gens qui voulaient faire le semi complet ?")
    assert refunds.answer.startswith("Non") and "no refunds" in _lead_quote(refunds)


def test_a_best_sentence_holding_nothing_asked_lets_a_plain_denial_answer(race: Assistant) -> None:
    deaths = race.ask("Il y a eu des morts ?")
    assert deaths.answer.startswith("Non") and "No one died" in _lead_quote(deaths)
    # a sentence holding what is asked still answers yes
    hotter = race.ask("Was it hotter than last year's race then?")
    assert hotter.answer.startswith("Yes")


def test_two_things_priced_together_get_each_sum_with_its_cents(tramway: Assistant) -> None:
    fares = tramway.ask("what do tickets and passes cost?")
    assert "1.70 euros" in (fares.lead or "") and "38 euros" in (fares.lead or "")
    single = tramway.ask("how much does a ticket cost?")
    assert "38 euros" not in (single.lead or "")


def test_a_thing_a_sentence_says_is_none_is_no_premise(race: Assistant) -> None:
    died = race.ask("What was the name of the runner who died?")
    assert died.abstained and "No one died" in died.answer  # what the article says instead
    treated = race.ask("How many runners got treated?")
    assert not treated.abstained and "41" in (treated.lead or "")


def test_a_share_asked_is_answered_by_a_share_or_not_at_all(race: Assistant) -> None:
    share = race.ask("What percentage of runners finished?")
    assert share.abstained  # the article counts them, it gives no share
    count = race.ask("How many runners finished?")
    assert not count.abstained


def test_a_yes_no_asking_whether_any_happened_finds_the_articles_denial(
    hospital: Assistant,
) -> None:
    # "There were no deaths" is no passage retrieval ranks first for this question
    deaths = hospital.ask("Il y a eu des morts avec cette histoire de gastro ?")
    assert deaths.answer.startswith("Non") and "no deaths" in deaths.citations[0].quote


def test_a_why_taking_a_change_for_granted_abstains_when_the_thing_stayed_as_it_was(
    tramway: Assistant,
) -> None:
    rise = tramway.ask("Pourquoi le ticket à l'unité a augmenté ?")
    assert rise.abstained and "reste à 1,70 euro" in rise.answer  # what the article says
    price = tramway.ask("Combien coûte le ticket à l'unité ?")
    assert not price.abstained and "1,70" in (price.lead or "")


def test_a_count_is_not_answered_by_what_happened_back_then(trial: Assistant) -> None:
    fish = trial.ask("Y a eu combien de poissons morts au final ?")
    assert "12\u202f000" in (fish.lead or "")  # not « À l'époque, on avait perdu 2 000 poissons »


@pytest.fixture(scope="module")
def stadium(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, LISBON.parent / "stadium-move-vote-2026.en.txt")


def test_a_list_whose_items_rank_among_the_best_answers_as_a_block(stadium: Assistant) -> None:
    answer = stadium.ask("What's actually going to be in the new stadium? stands, facilities etc")
    quotes = [c.quote for c in answer.citations]
    assert "The stadium will include:" in quotes
    assert "a 3,500-seat main stand" in (answer.lead or "")  # a number inside an item's phrase


def test_informal_people_are_counted_as_people() -> None:
    from assistant.facts import asked_phrase
    from assistant.questions import said_plainly

    def counted(question: str) -> str:
        return asked_phrase(said_plainly(question))

    assert counted("how many ppl actually made it to the finish") == "people"
    assert counted("Combien de monde à la manif de soutien ?") == "personnes"
    assert counted("how many marched on Saturday?") == "people"  # a verb: its doers
    assert counted("How many runners finished?") == "runners"
    assert counted("how many injured firefighters were there?") == "injured firefighters"


def test_a_negated_to_be_denies_its_subject_and_a_refusal_what_it_refuses(
    canteen: Assistant, museum: Assistant
) -> None:
    from assistant.understanding import (
        existence_denial_scopes,
        retraction_scopes,
        subject_denial_scopes,
    )

    def said(scopes: Callable[[str], list[tuple[int, int]]], text: str) -> list[str]:
        return [text[a:b] for a, b in scopes(text)]

    schools = "The county's 212 schools, which use a separate network, were not affected, and more."
    assert said(subject_denial_scopes, schools) == [
        "The county's 212 schools, which use a separate network, were not affected"
    ]
    # not a negation that affirms, nor one in a subordinate clause
    assert said(subject_denial_scopes, "It is not the first time the museum was hit.") == []
    assert said(subject_denial_scopes, "They moved it so that runners were not caught.") == []
    refused = "La présidente a refusé de recourir à la réquisition des grévistes."
    assert said(retraction_scopes, refused) == ["refusé de recourir à la réquisition des grévistes"]
    assert said(retraction_scopes, "Planning permission was refused.") == [
        "Planning permission was refused"
    ]
    assert said(retraction_scopes, "The refuse collectors went on strike.") == []
    assert said(denial_scopes, "« Personne ne s'attendait à une fermeture », dit-elle.") == [
        "Personne ne s'attendait à une fermeture "
    ]
    assert said(existence_denial_scopes, "No one was injured.") == ["No one was injured"]
    # the subject the question asks about is what the cited sentence denies
    answer = canteen.ask("c'est la mousse au chocolat qui a tout déclenché c'est ça ?")
    assert answer.lead.startswith("Non") and "n'était pas en cause" in answer.citations[0].quote
    answer = museum.ask("Quelqu'un a été blessé ?")
    assert answer.lead.startswith("Non") and "No one was injured" in answer.citations[0].quote


def test_a_role_ends_before_the_clause_that_follows_it_and_may_be_a_title() -> None:
    from assistant.extractive import _names_holder

    assert analyse_question("who's the detective running the case?").role == "detective"
    assert analyse_question("Who was the judge who ran the trial?").role == "judge"
    assert analyse_question("Who is the managing director of Korsmark?").role == "director"
    said = '"Refusing is right," said Detective Inspector Gareth Lloyd, who leads the inquiry.'
    assert _names_holder(said, frozenset({"detec"}))
    assert not _names_holder('"It is right," said Gareth Lloyd.', frozenset({"detec"}))


@pytest.fixture(scope="module")
def hail(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _indexed(tmp_path_factory, e5, LISBON.parent / "grele-vignoble-2026.fr.txt")


def test_a_lead_in_right_after_the_best_sentence_goes_on_from_it(hail: Assistant) -> None:
    answer = hail.ask("what help did the authorities promise, exactly?")
    assert answer.citations[0].quote.endswith("a annoncé quatre mesures :")
    assert "taxe foncière" in (answer.lead or "")
    assert "1,5 million" in (answer.lead or "")  # a decimal number inside an item's phrase


def test_a_short_question_on_anybody_asks_yes_or_no_in_english(landslide: Assistant) -> None:
    from assistant.language import detect_language

    assert detect_language("anybody get hurt?") == "en"
    assert detect_language("tl;dr pls") == "en"
    assert analyse_question("anybody get hurt?").intent == "yesno"
    assert analyse_question("Des blessés ?").intent == "yesno"
    assert analyse_question("Des dégâts, combien ?").intent != "yesno"
    answer = landslide.ask("anybody get hurt?")
    assert (answer.lead or "").startswith("No")  # "Nobody was hurt" denies it
    assert any(c.quote.startswith("Nobody was hurt") for c in answer.citations)


def test_the_items_after_a_lead_in_make_the_lead(landslide: Assistant) -> None:
    answer = landslide.ask("what r the stages of the repair plan")
    lead = answer.lead or ""
    assert "The plan set out by the council on Tuesday has four stages:" in [
        c.quote for c in answer.citations
    ]
    for item in ("drilling boreholes", "draining the slope", "retaining wall", "resurfacing"):
        assert item in lead
    assert "along the cliff top" not in lead  # an item's head, not its detail


def test_a_moved_date_and_a_figure_given_by_its_source(maternity: Assistant) -> None:
    moved = maternity.ask("c'est pour quand, le tout dernier accouchement là-bas ?")
    assert "31 mars" in (moved.lead or "") and "28 février" not in (moved.lead or "")
    first = maternity.ask("quelle date l'ARS avait prévu au départ pour le dernier accouchement ?")
    assert "28 février" in (first.lead or "")
    # « le 24 janvier » is a day, not a figure the sentence gives to someone else
    counted = maternity.ask("ils étaient combien à défiler le 24 janvier d'après la préfecture ?")
    assert not counted.abstained
    lead = (counted.lead or "").replace("\u202f", " ")
    assert "1 900" in lead and "3 200" not in lead


def test_a_lead_states_a_locative_with_a_or_au_only_of_a_place_noun() -> None:
    from assistant.facts import locative_place

    said = "Le plan a été présenté au conseil métropolitain mardi."
    assert locative_place("où ?", said, place_noun_after_a=True) == ""
    assert locative_place("où ?", "du poulet à la crème servi", place_noun_after_a=True) == ""
    assert locative_place("où ?", said) == "au conseil métropolitain"  # it may still say where
    assert locative_place("où ?", "réunie à la salle des fêtes, mardi") == "à la salle des fêtes"
    assert locative_place("où ?", "On les a trouvés dans le cloître.") == "dans le cloître"


def test_common_words_that_end_like_a_nationality_name_no_country() -> None:
    for text in ("how many ppl made it to the finish", "les travaux n'ont jamais été faits"):
        assert find_entities(text).places == frozenset()
    assert find_entities("the parish council, des malaises").places == frozenset()
    assert find_entities("Finnish runners, un touriste jamaïcain").places == {"FI", "JM"}


def test_not_the_first_time_quotes_the_time_before(museum: Assistant) -> None:
    answer = museum.ask("has the museum ever been burgled before?")
    quotes = [c.quote for c in answer.citations]
    assert (answer.lead or "").startswith("Yes")
    assert quotes[0].startswith("It is not the first time") and quotes[1].startswith("In 1979")


def test_a_what_time_question_needs_a_time(race: Assistant) -> None:
    assert race.ask("What time did Lucy Darnell finish in?").abstained  # she led the medics
    crossed = race.ask("what time did the first runners cross the finish line?")
    assert not crossed.abstained and "9:19" in (crossed.lead or "")


def test_days_counted_answer_how_many_days(wildfires: Assistant) -> None:
    answer = wildfires.ask("combien de jours l'accès aux massifs a-t-il été interdit ?")
    assert not answer.abstained and "19" in (answer.lead or "")  # « pendant 19 jours au total »


def test_a_clause_dating_the_question_sets_no_polarity() -> None:
    asked = "Les pirates sont restés planqués combien de jours avant de tout bloquer ?"
    assert analyse_question(asked).polarity == ""
    assert analyse_question("Which country refused to sign before the vote?").polarity


def test_a_change_asked_the_other_way_is_a_false_premise(lisbon: Assistant) -> None:
    wrong_way = lisbon.ask("De combien Séville a-t-elle augmenté ses pertes d'eau ?")
    assert wrong_way.abstained and "reduced its network losses" in wrong_way.answer
    right_way = lisbon.ask("By how much did Seville reduce its water losses?")
    assert not right_way.abstained and "a quarter" in right_way.answer


def test_a_decade_is_held_by_any_year_of_it() -> None:
    from assistant.reader import constraint_label, missing_constraints

    asked = find_entities("Combien de salariés à la fin des années 90 ?")
    assert asked.years == {"1990s"} and not asked.numbers  # not the number 90
    assert missing_constraints(asked, "En 1998, elle comptait encore 460 salariés.") == []
    assert missing_constraints(asked, "En 1978, elle comptait 900 salariés.") == ["year:1990s"]
    assert constraint_label("year:1990s", "années 90 ?", "fr") == "années 1990"
    assert find_entities("in the '80s").years == {"1980s"}


def test_a_verb_after_what_is_no_asked_noun() -> None:
    caused = analyse_question("What caused the five-month halt on the building site?")
    assert (caused.concept, caused.predicate) == ("", "halt")
    assert analyse_question("What speed was the ferry doing?").concept == "speed"
    assert analyse_question("What agreement was signed?").concept == "agreement"


def test_a_vote_tally_counts_the_voters(schools: Assistant) -> None:
    from assistant.extractive import _tallied

    answer = schools.ask("how many councillors actually voted for shutting the schools?")
    assert not answer.abstained and "34" in (answer.lead or "")  # "carried by 34 votes to 22"
    french = "Le projet a été adopté par 25 voix contre 8, après deux heures de débat."
    tally_for, tally_against = french.index("25"), french.index("8,")
    assert _tallied(french, [], "Combien d'élus ont voté pour ?") == [(tally_for, 1.0)]
    assert _tallied(french, [], "combien ont voté contre ?") == [(tally_against, 1.0)]
    present = "Combien d'élus ont été présents ?"  # not a vote: the matches stand
    assert _tallied(french, [(tally_for, 0.2)], present) == [(tally_for, 0.2)]


def test_a_question_on_an_outcome_is_answered_by_a_refusal() -> None:
    from assistant.extractive import _ASKS_AN_OUTCOME
    from assistant.text import fold

    for asked in (
        "they wanted the council to pay its costs - what came of that",
        "What did the prefect decide about the schools?",
        "Qu'a décidé le juge ?",
        "et la demande d'indemnisation, ça a donné quoi ?",
    ):
        assert _ASKS_AN_OUTCOME.search(fold(asked)), asked
    for asked in (
        "Why did the prefect decide to close the schools?",
        "Pourquoi ils ont décidé de fermer les urgences ?",
    ):
        assert not _ASKS_AN_OUTCOME.search(fold(asked)), asked


def test_a_question_on_when_something_ended_takes_a_range_last_date() -> None:
    from assistant.extractive import ScoredSentence, _range_end
    from assistant.types import Passage

    text = "The inquiry sat at the town hall between 14 October and 21 November 2025."
    passage = Passage("c", "s.txt", "", text, 100, 100 + len(text), 0.9)
    sentence = ScoredSentence(passage, 100, 100 + len(text), text, 0.8, 0.1, 0.8)
    first = 100 + text.index("14 October")
    assert _range_end("when did the hearings finish?", [sentence], first) == 100 + text.index("21")
    assert _range_end("l'enquête s'est terminée quand ?", [sentence], -1) == 100 + text.index("21")
    assert _range_end("when did the inquiry start?", [sentence], first) == first
    alone = "The inquiry closed on 21 November, and the report followed on 14 April."
    sentence = ScoredSentence(passage, 0, len(alone), alone, 0.8, 0.1, 0.8)
    assert _range_end("when did the inquiry end?", [sentence], 22) == 22  # no range


class _ClauseScores:
    """An aligner stub scoring each date's clause as given, to isolate the choice of date."""

    def __init__(self, scores: list[list[float]]) -> None:
        self.scores = scores

    def clauses(self, question, texts, spans, rarity):  # type: ignore[no-untyped-def]
        return self.scores


def test_a_when_answer_weighs_a_date_clause_with_its_sentence() -> None:
    from assistant.extractive import ScoredSentence, _dated_value
    from assistant.types import Passage

    survey = "A detailed survey, which will involve lifting the deck, begins on Monday 23 March."
    rust = "A general inspection in 2022 had noted areas of rust under the deck."
    text = f"{survey} {rust}"
    passage = Passage("c", "s.txt", "", text, 0, len(text), 0.9)
    other = len(survey) + 1
    best = ScoredSentence(passage, 0, len(survey), survey, 0.85, 0.1, 0.85)
    weaker = ScoredSentence(passage, other, len(text), rust, 0.82, 0.1, 0.82)
    asked = "When do the engineers start lifting the deck?"
    at_2022 = other + rust.index("2022")
    # a clause a little closer in a weaker sentence does not take the best sentence's date away
    assert _dated_value(_ClauseScores([[0.425], [0.43]]), asked, [best, weaker], None) == -1
    # one closer by more than the sentence trails by does
    assert _dated_value(_ClauseScores([[0.3], [0.6]]), asked, [best, weaker], None) == at_2022
    close = ScoredSentence(passage, other, len(text), rust, 0.845, 0.1, 0.845)
    assert _dated_value(_ClauseScores([[0.425], [0.44]]), asked, [best, close], None) == at_2022


def test_what_is_the_date_asks_when() -> None:
    assert analyse_question("what's the new date for the lab results?").intent == "when"
    assert analyse_question("What is the exact day of the meeting?").intent == "when"
    assert analyse_question("What is the number of stations?").intent != "when"


def test_an_age_answers_only_of_the_one_asked_about(tramway: Assistant) -> None:
    from assistant.extractive import _aged_person

    assert _aged_person("how old is the mayor?") == "mayor"
    assert _aged_person("Il a quel âge, le capitaine du ferry ?") == "capitaine"
    assert _aged_person("How old is Josiane Roux?") == ""  # a name: checked as names are
    # « Josiane Roux, 71 ans, habitante des Hauts-de-Lisle … » is no mayor
    assert tramway.ask("how old is the mayor?").abstained
    named = tramway.ask("Quel âge a Josiane Roux ?")
    assert not named.abstained and "71" in (named.lead or "")


def test_what_someone_said_answers_where_they_are_named(tramway: Assistant) -> None:
    from assistant.extractive import _speaker_asked

    assert _speaker_asked("what did the agriculture minister say at the show?") == "minister"
    assert _speaker_asked("Qu'est-ce qu'il a dit, le préfet, en coupant le ruban ?") == "prefet"
    assert _speaker_asked("What did Duarte say when she wrapped things up?") == ""  # a name
    assert tramway.ask("what did the prefect say when he cut the ribbon?").abstained
    # « … a lancé Hélène Marchadier »: the mayor by her name, which « la maire …, Hélène
    # Marchadier, a coupé le ruban » gives her
    said = tramway.ask("Qu'est-ce qu'elle a dit, la maire, devant la foule ?")
    assert not said.abstained
    assert any("Marchadier" in c.quote for c in said.citations)


def test_a_vote_with_votes_against_was_not_unanimous(schools: Assistant) -> None:
    from assistant.extractive import _split_vote

    answer = schools.ask("Le vote s'est fait à l'unanimité ?")
    assert (answer.lead or "").startswith("Non")  # "vote 34 to 22"
    assert _split_vote("The only director to vote against said he would accept the result.")
    assert _split_vote("adopté par 25 voix contre 8")
    assert not _split_vote("adopté par 25 voix contre 0") and not _split_vote("from 9 to 10")
    assert not _split_vote("The motion was carried unanimously, with two abstentions.")


def test_a_date_moved_or_a_claim_denied_the_other_way_is_a_false_premise() -> None:
    from assistant.extractive import _comparison_holds

    later = "The connection date was pushed back to 2028 by the grid operator."
    moved = "The operator has moved the connection date from October 2028 to March 2031."
    span = "The festival brought forward runs from 3 June to 5 June."
    denied = "Brightwater denied offering money to residents in exchange for their support."
    negative = "Les 14 prélèvements du réseau d'eau potable ont tous été testés négatifs."
    risen = "From 1 May, starting pay for drivers will rise from £12.40 to £13.85 an hour."
    for asked, sentence, holds in (
        ("How come the grid operator moved the connection date forward?", later, False),
        ("Why was the connection date pushed back?", later, None),
        ("Why was the connection date brought forward?", moved, False),
        ("Why was the connection date put back?", moved, None),
        ("Why was the festival brought forward?", span, None),  # a span is no move
        ("pourquoi Brightwater a reconnu avoir proposé de l'argent ?", denied, False),
        ("What did Brightwater deny?", denied, None),
        ("why did the drinking water samples test positive?", negative, False),
        # a fall asked without "more" or "less": « baisser » of a pay rise
        ("Pourquoi le salaire d'embauche va baisser en mai ?", risen, False),
    ):
        assert _comparison_holds(asked, sentence) is holds, asked


def test_a_statement_to_confirm_and_everyone_agreeing_ask_yes_or_no(schools: Assistant) -> None:
    from assistant.understanding import analyse_question

    for asked in (
        "C'est vrai que la mairie va vendre les terrains ?",
        "Est-il vrai qu'ils ferment l'école ?",
        "tout le conseil était d'accord ou pas",
        "the council was all for it or what?",
    ):
        assert analyse_question(asked).intent == "yesno", asked
    assert analyse_question("who won or what?").intent == "who"
    answer = schools.ask("Did everyone on the council agree to close the schools?")
    assert (answer.lead or "").startswith("No")  # "carried by 34 votes to 22"


FOOTBRIDGE = """Hartley closes its footbridge

HARTLEY, Tuesday 10 March 2026 – The Old Mill footbridge over the river Wend has been closed after engineers found cracked beams under its deck.

The closure order was signed by the council's chief engineer on Monday 9 March. Engineers from Corven Structures had inspected the bridge the week before.

Mayor Alice Brandt, who has led the council since 2019, said residents would be asked for their views at a public meeting. It will take place on Thursday 19 March at the community centre.

Residents of the riverside flats were allowed back into their homes on 6 March, with the exception of 12 flats nearest the bridge.

The footbridge will stay shut for months. Every steel beam under the deck has to be replaced by a specialist firm.
"""


@pytest.fixture(scope="module")
def footbridge(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "footbridge-2026.en.txt", FOOTBRIDGE)


def test_a_when_answer_is_no_dateline_nor_a_year_something_lasted_since(
    footbridge: Assistant,
) -> None:
    from assistant.facts import told_dates

    dateline = "SKELBECK, Wednesday 11 February 2026 — A landslide on 9 February cut the road."
    assert [dateline[s:e] for _, (s, e) in told_dates(dateline)] == ["9 February"]
    french = "Vaudrenay, le 27 mars 2026 – Deux semaines après la rupture de la digue"
    assert told_dates(french) == []
    told = "The vote, on 11 March 2026 – a Wednesday – was close."  # no dateline
    assert len(told_dates(told)) == 1
    closed = footbridge.ask("When was the footbridge closed?")
    assert "9 March" in (closed.lead or "") and "10 March" not in (closed.lead or "")
    meeting = footbridge.ask("when is the public meeting?")
    assert "19 March" in (meeting.lead or "") and "2019" not in (meeting.lead or "")
    # a year the question asks: no sentence gives one of the bridge
    assert footbridge.ask("What year was the footbridge built?").abstained


def test_a_question_about_everyone_is_answered_no_by_an_exception(footbridge: Assistant) -> None:
    answer = footbridge.ask("Could all the residents go back home on 6 March?")
    assert (answer.lead or "").startswith("No")
    assert "exception" in answer.citations[0].quote


def test_a_short_why_answer_quotes_the_sentence_that_explains_it(footbridge: Assistant) -> None:
    from assistant.understanding import analyse_question

    assert analyse_question("how come the binmen downed tools in the first place?").intent == "why"
    answer = footbridge.ask("how come the footbridge will stay shut for months?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "stay shut for months" in quotes and "has to be replaced" in quotes
    answer = footbridge.ask("Why will the footbridge stay shut for months?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "stay shut for months" in quotes and "has to be replaced" in quotes


CASTLEBURY = """Castlebury pool stays closed over the winter

CASTLEBURY, Monday 9 November 2026 – The Castlebury leisure centre pool will stay closed until the spring of 2027, the town council confirmed on Monday evening.

The pool on Mill Lane will remain shut to the public and to its two swimming clubs for the whole of the coming winter season. Its roof beams were found to be rotten during a routine inspection in October.

The Harbour Street car park, next to the pool, will not reopen before March either. Its upper deck was shut to cars by the council's building control team on 2 November. Season-ticket holders were sent a letter the next morning. The team acted because concrete was seen crumbling from the ramp.

The swimming clubs will train at the pool in Ashford, nine miles away. A first meeting between the council and the two clubs took place at the town hall on 4 November. It ended without a deal.

The council can now repair the pool's roof, replace it with a new one, or sell the building to a developer. The two swimming clubs are asking the council to pay for their coaches to Ashford.
"""


@pytest.fixture(scope="module")
def castlebury(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "castlebury-pool-2026.en.txt", CASTLEBURY)


def test_a_why_answer_giving_no_reason_quotes_the_next_sentences_of_its_paragraph(
    castlebury: Assistant,
) -> None:
    # However long the best sentence, when it gives no reason the next one of its paragraph does.
    answer = castlebury.ask("why is the Mill Lane pool staying shut for the whole winter?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "roof beams were found to be rotten" in quotes
    # Past a next sentence that gives none either, the one after it names the cause.
    answer = castlebury.ask("how come the car park's upper deck was shut by building control?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "because concrete was seen crumbling" in quotes


def test_a_sentence_carrying_on_denies_across_languages_at_a_looser_match(
    castlebury: Assistant,
) -> None:
    # « signé un accord » ~ "It ended without a DEAL", closer than 0.5 but not 0.6: the sentence
    # after the best one, about the same meeting, still answers no
    answer = castlebury.ask(
        "Le conseil et les clubs ont-ils signé un accord lors de leur première réunion ?"
    )
    assert (answer.lead or "").startswith("Non") and "without a deal" in answer.answer


def test_a_yes_no_question_about_the_future_is_left_open_by_options_or_a_request(
    castlebury: Assistant,
) -> None:
    # "The council CAN now repair the roof, replace it, OR sell the building": options, no yes
    answer = castlebury.ask("Will the council sell the pool building to a developer?")
    assert answer.abstained and "sell the building" in answer.answer
    # "The clubs ARE ASKING the council to pay": asked for, not granted
    answer = castlebury.ask("Is the council going to pay for the clubs' coaches to Ashford?")
    assert answer.abstained and "are asking the council" in answer.answer
    # ... but a question about the request itself is answered by it
    answer = castlebury.ask("Are the clubs asking the council to pay for their coaches?")
    assert not answer.abstained and (answer.lead or "").startswith("Yes")
    # a request is told by its verb, not by the noun ("the demand for homes", « la demande »)
    from assistant.extractive import _REQUESTED

    for told in ("Ils demandent l'annulation", "Le collectif réclame", "They demanded a refund"):
        assert _REQUESTED.search(fold(told)), told
    for noun in ("Demand for homes is high", "une demande a été déposée", "les réclamations"):
        assert not _REQUESTED.search(fold(noun)), noun


SHUTTLE = """Wrenford bridge shut as shuttle buses take over

WRENFORD, Thursday 12 February 2026 – The road bridge over the river Tarn at Wrenford will stay closed until the summer, the county council said on Wednesday.

From Monday 16 February, a free shuttle bus will link both ends of the walkway with the town centre every 20 minutes, between 7am and 7pm on weekdays. Before it closed, the bridge carried 14,200 vehicles a day.

The January flood cracked the bridge's piers. The houses of Quay Street, next to the river, were spared.

Drivers now face a detour of 19 miles through Kelby. Organisers of Sunday's river race shortened the course from the usual 13.1 miles to 10 miles, and of the 6,400 runners who had registered, 5,230 turned up for the start.
"""


@pytest.fixture(scope="module")
def shuttle(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "shuttle-2026.en.txt", SHUTTLE)


def test_a_count_is_a_number_in_the_asked_unit(shuttle: Assistant) -> None:
    from assistant.facts import measured_dimension, unit_dimension

    assert measured_dimension("every 20 minutes", 8) == "time"
    assert measured_dimension("a 36-degree evening", 4) == "heat"
    assert measured_dimension("la 38e semaine", 5) == "rank"
    assert measured_dimension("14,200 vehicles", 6) == ""
    assert (unit_dimension("km"), unit_dimension("tonnes"), unit_dimension("lignes")) == (
        "length",
        "mass",
        "",
    )
    # bus lines are things: « every 20 minutes » counts none (a time), nor "7am"
    assert shuttle.ask("Combien de lignes de bus empruntaient le pont ?").abstained
    # registered runners: not the course's « 13.1 miles », the first number of the quote
    registered = shuttle.ask("Ils étaient combien d'inscrits à la course ?")
    assert "6\u202f400" in (registered.lead or "") and "13" not in (registered.lead or "")
    # a unit asked is read in that unit; things asked are still counted
    assert "19 miles" in (shuttle.ask("how many miles is the detour?").lead or "")
    assert "14,200" in (shuttle.ask("How many vehicles used the bridge each day?").lead or "")


LIBRARY = """Elmbury library reopens after the flood

ELMBURY, Thursday 12 March 2026 – Elmbury's public library reopened on Monday, five months after a burst pipe flooded its ground floor.

The county council first put the number of damaged books at 1,200, but on Friday raised it to 1,450 after staff emptied the basement stores.

About 300 of the library's 900 members live outside the town, and many of them had asked for a mobile service during the closure.

On the first day 52 children took part in a reading morning, and 14 of them stayed for the afternoon film.

The library has 40 computers, 12 of them kept for job seekers.

Martha Quill, who chairs the Friends of Elmbury Library, said the group had raised £8,000 to replace the children's books. "People came back the first morning," she said.

The library's manager, Tom Abbott, said opening hours would stay shorter until the summer.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "library-2026.en.txt", LIBRARY)


def test_a_count_gives_the_revised_figure_unless_the_first_is_asked(library: Assistant) -> None:
    from assistant.language import question_kind

    # "the number of damaged books at 1,200, but on Friday raised it to 1,450"
    for asked in ("How many books were damaged in the end?", "what's the tally of damaged books?"):
        lead = library.ask(asked).lead or ""
        assert "1,450" in lead and "1,200" not in lead, asked
    lead = library.ask("How many books did the council count at first?").lead or ""
    assert "1,200" in lead and "1,450" not in lead
    assert question_kind("what's the headcount of staff in the ward?") == "count"


def test_a_part_of_a_whole_answers_only_what_its_clause_says(library: Assistant) -> None:
    # "The library has 40 computers, 12 of them kept for job seekers."
    assert "40" in (library.ask("How many computers does the library have?").lead or "")
    assert "12" in (library.ask("how many computers are kept for job seekers?").lead or "")
    # "52 children took part …, and 14 of them stayed for the afternoon film"
    assert "14" in (library.ask("How many children stayed for the film?").lead or "")


def test_who_heads_a_body_is_the_one_named_its_head(library: Assistant) -> None:
    from assistant.understanding import headed_body

    assert headed_body("Qui est à la tête du groupe des habitants ?") == "groupe des habitants"
    assert headed_body("who's the boss of the outfit on the levee") == "the outfit on the levee"
    assert headed_body("c qui qui dirige la cave coop ?") == "la cave coop"
    assert headed_body("Who found the books?") == ""
    # "Martha Quill, who CHAIRS the Friends of Elmbury Library, …", across languages
    answer = library.ask("qui dirige l'association des amis ?")
    assert not answer.abstained and "Martha Quill" in (answer.lead or "")
    assert "Library" not in (answer.lead or "")  # "Elmbury Library" is no one


def test_a_why_question_taking_a_change_the_other_way_is_refused(library: Assistant) -> None:
    # "first put the number of damaged books at 1,200, but on Friday raised it to 1,450"
    for asked in (
        "Why did the council bring the number of damaged books down?",
        "Why was the count of damaged books scaled down on Friday?",
    ):
        answer = library.ask(asked)
        assert answer.abstained and "1,450" in answer.answer, asked
    assert not library.ask("Why did the council raise the number of damaged books?").abstained


MARKET_HALL = """Bramford market hall to close for repairs

BRAMFORD, Tuesday 3 November 2026 – Bramford's Victorian market hall will close for eight months from January while its roof is repaired, the town council said on Monday.

The repairs were initially estimated at £310,000, but the council revised the estimate to £480,000 after a survey found rot in the roof timbers.

The hall's traders are worried. Footfall has been falling for three years. The hall counted 41,000 visitors in 2025, and 52,000 in 2022.

The number of stallholders rose from 30 to 38 last year, most of them selling food.

The council has 9 staff at the hall, and all of them will move to the town's library during the works.

Priya Shah, who sells fish in the hall, said the traders would be offered pitches on Bridge Street until the hall reopens.

Traders blamed a mix of rising rents, fewer coach parties, the loss of the Saturday car park, and the online grocers that deliver to the villages.

The hall belongs to the Bramford Markets Trust (BMT). "The roof has waited long enough," said Joan Pike, who chairs the BMT.

The hall's reopening, first planned for the end of March, has slipped to the second week of June, the council said on Monday. Work on the roof has been held up by a shortage of roofers in the county.

The council denied claims that the hall would be sold and turned into flats. "The hall stays a market for as long as Bramford wants one," said Tom Reeve, the council's leader.

Some traders have claimed that their rents will double once the hall reopens. Joan Pike denied this.

The council reportedly plans to move the hall's Victorian clock to the museum. "That is untrue," said Tom Reeve. "The clock belongs in the hall."

A first meeting between the council and the traders took place at the town hall on 12 October. It ended without an agreement.

The traders' association has asked the county court to delay the closure. A judge has yet to decide whether the case can be heard.

The stallholders applied to the county council for a hardship fund in October. No decision has been made on that application, and none is expected before Christmas.

A trader may also give up a pitch for good during the works. Notice would have to be given by 30 November, and the deposit would be returned.

The trust hopes to open a café in the hall's gallery. No decision has been made on who would run it. Tom Reeve said the council would set the café's rent in September.
"""


@pytest.fixture(scope="module")
def market_hall(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "market-hall-2026.en.txt", MARKET_HALL)


def test_a_change_asked_the_other_way_is_refused_by_its_figures_or_paragraph(
    market_hall: Assistant,
) -> None:
    for asked in (
        # "initially estimated at £310,000, but … revised the estimate to £480,000"
        "Why did the repair bill go down?",
        # "Footfall has been falling …" in the paragraph of the visitors counted
        "why did the hall's footfall shoot up in 2025?",
        # "The number of stallholders rose from 30 to 38"
        "Why did the number of stallholders drop last year?",
    ):
        assert market_hall.ask(asked).abstained, asked
    assert not market_hall.ask("Why did the repair estimate go up?").abstained


def test_a_cut_or_a_revision_asked_against_the_figures_given_is_the_other_way() -> None:
    from assistant.extractive import _comparison_holds

    risen = "The council will spend £46,000 on repairs this year, up from £39,000 in 2025."
    # the figure replaced is given after the new one ("… up to 52,000, FROM the 41,000 …")
    revised = (
        "In April, the trust revised its visitor figure for 2025-26 up to 52,000, from the "
        "41,000 it had reported last July."
    )
    assert (
        _comparison_holds("why did the council slash the repair budget this year?", risen) is False
    )
    assert _comparison_holds("why did the council increase the repair budget this year?", risen)
    assert _comparison_holds("Pourquoi le chiffre a été revu à la baisse ?", revised) is False
    assert _comparison_holds("Pourquoi le chiffre a été revu à la hausse ?", revised) is not False


CROWD = """Fête de la musique : la préfecture revoit son bilan

ROCHEVAL, lundi 22 juin 2026 – La fête de la musique a rassemblé samedi soir une foule bien plus nombreuse que prévu dans le centre de Rocheval.

La préfecture avait d'abord estimé la foule à 12 000 personnes. Elle l'a revue à la hausse dimanche, après le comptage des entrées : 19 000 personnes étaient présentes, alors que les ventes des buvettes ont chuté.

Les secours sont intervenus 41 fois, surtout pour des malaises liés à la chaleur.

Le maire, Paul Vidal, a salué « une soirée réussie ». Il souhaite prolonger la fête jusqu'à 2 heures l'an prochain.
"""


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "fete-musique-2026.fr.txt", CROWD)


def test_a_revision_asked_the_other_way_is_refused_by_the_revising_sentence(
    crowd: Assistant,
) -> None:
    for asked in (
        "why did the prefecture lower its estimate of the crowd?",
        "Pourquoi la préfecture a-t-elle revu à la baisse le nombre de participants ?",
    ):
        answer = crowd.ask(asked)
        assert answer.abstained and "revue à la hausse" in answer.answer, asked
    assert not crowd.ask(
        "Pourquoi la préfecture a revu son estimation de la foule à la hausse ?"
    ).abstained


def test_a_yes_no_question_about_a_revision_is_answered_by_the_revising_sentence(
    crowd: Assistant,
) -> None:
    for asked, verdict in (
        ("La préfecture a-t-elle corrigé son estimation de la foule ?", "Oui"),
        ("Is the crowd still put at 12,000?", "No"),
        ("has the prefecture's crowd figure gone up since?", "Yes"),
    ):
        answer = crowd.ask(asked)
        assert answer.answer.startswith(verdict), (asked, answer.answer)
        assert "revue à la hausse" in answer.answer, (asked, answer.answer)


def test_a_revision_goes_the_way_its_own_words_say() -> None:
    from assistant.extractive import _revised_way

    text = (
        "Ce chiffre a été revu nettement à la hausse après un recensement : de nombreuses "
        "colonies se sont effondrées."
    )
    assert _revised_way("why did the union scale back its estimate?", text) is False
    assert _revised_way("Pourquoi ce chiffre a-t-il été revu à la hausse ?", text) is True
    assert _revised_way("Has the figure been corrected?", text) is None  # no way asked


def test_a_decision_asked_the_other_way_is_a_false_premise() -> None:
    from assistant.extractive import _comparison_holds

    approved = "The planning committee approved the plan by eight votes to three."
    granted = "The committee voted on Wednesday to grant outline planning permission."
    opposed = "The consultation drew 412 responses, of which 71% opposed the scheme."
    assert _comparison_holds("why did the committee turn the plan down?", approved) is False
    assert _comparison_holds("Pourquoi la commission a-t-elle recalé le projet ?", granted) is False
    assert _comparison_holds("how come most residents backed the scheme?", opposed) is False
    assert _comparison_holds("why did the committee approve the plan?", approved) is not False
    assert _comparison_holds("why did people oppose the scheme?", opposed) is not False
    # "pushed back the date" moves a date; it backs nothing
    assert _comparison_holds("why did they push back the vote?", approved) is not False


def test_a_thing_asked_as_kept_open_of_a_closure_is_a_false_premise() -> None:
    from assistant.extractive import _comparison_holds

    closed = "In its second week, an outbreak of norovirus closed the ward to new admissions."
    fermeture = "Faute de neige, le conseil municipal vote la fermeture définitive de la station."
    assert (
        _comparison_holds("Why did they keep the ward open during the outbreak?", closed) is False
    )
    assert (
        _comparison_holds("why did the council vote to keep the lifts going?", fermeture) is False
    )
    assert _comparison_holds("Why was the ward closed?", closed) is not False
    assert _comparison_holds("Pourquoi la station ferme-t-elle ?", fermeture) is not False


HOSEPIPE_BAN = """Eastvale Water bans hosepipes

EASTVALE, 21 May 2026 – Eastvale Water will ban the use of hosepipes across its supply area from Friday 29 May, after the driest spring since records began in 1911 left its reservoirs low, the company said.

The board will review the ban on 1 July.
"""


def test_a_date_something_has_lasted_since_does_not_answer_when(
    tmp_path_factory: pytest.TempPathFactory,
    e5,  # type: ignore[no-untyped-def]
) -> None:
    ban = _written(tmp_path_factory, e5, "hosepipe-ban-2026.en.txt", HOSEPIPE_BAN)
    for asked in ("when does the hose thing actually start?", "When does it start?"):
        lead = ban.ask(asked).lead or ""
        assert "29 May" in lead and "1911" not in lead, (asked, lead)
    # asked since when, it does
    assert "1911" in (ban.ask("Since when have records been kept?").lead or "")


def test_a_counted_phrase_skips_its_owner_and_ends_before_a_verb_or_adverb() -> None:
    from assistant.facts import asked_phrase

    assert asked_phrase("How many of the airline's own pilots are based here?") == "pilots"
    assert asked_phrase("so how many of the committee actually said yes") == "committee"
    assert asked_phrase("out of all the samples, how many failed?") == ""
    assert asked_phrase("how many voted against") == ""
    assert asked_phrase("How many bedrooms?") == "bedrooms"


def test_a_count_of_an_owners_staff_is_read_past_the_owner(market_hall: Assistant) -> None:
    assert "9" in (
        market_hall.ask("How many of the council's own staff work at the hall?").lead or ""
    )


def test_a_list_lead_states_the_items_a_sentence_coordinates(market_hall: Assistant) -> None:
    lead = market_hall.ask("What do the traders blame for their troubles? list them").lead or ""
    for item in ("rising rents", "fewer coach parties", "Saturday car park", "online grocers"):
        assert item in lead, (item, lead)
    assert "that deliver" not in lead  # an item ends before its relative clause
    from assistant.facts import _coordinated_items

    quote = "Il faut au minimum quatre chirurgiens, quatre anesthésistes et des pédiatres."
    items = _coordinated_items([_cite(quote)])
    assert [i.text for i in items] == [
        "quatre chirurgiens",
        "quatre anesthésistes",
        "des pédiatres",
    ]
    quote = "Les quartiers les plus touchés ont été le centre, les Tanneurs et la gare."
    items = _coordinated_items([_cite(quote)])
    assert [i.text for i in items] == ["le centre", "les Tanneurs", "la gare"]
    said = "The mayor, who was re-elected in 2020, said the town would cope, and that it would."
    assert not _coordinated_items([_cite(said)])


def test_a_why_answer_quotes_the_next_sentence_naming_the_cause(market_hall: Assistant) -> None:
    # "… has slipped to the second week of June …. Work … has been HELD UP BY a shortage …"
    answer = market_hall.ask("Why has the hall's reopening slipped?")
    assert "shortage of roofers" in " ".join(c.quote for c in answer.citations)


def test_who_heads_a_body_reads_its_short_name_as_the_article_defined_it(
    market_hall: Assistant,
) -> None:
    # "Joan Pike, who chairs the BMT", the "Bramford Markets Trust (BMT)"
    for asked in ("Who heads the markets trust?", "qui est à la tête du trust des marchés ?"):
        assert "Joan Pike" in (market_hall.ask(asked).lead or ""), asked
    from assistant.entities import defined_short_names

    assert defined_short_names(MARKET_HALL) == {"BMT": "Bramford Markets Trust"}
    assert defined_short_names(
        "la direction départementale de la protection des populations (DDPP)"
    )
    assert not defined_short_names("the new hall (BMT) opened")  # no name before it spells it


def test_a_name_placed_by_its_apposition_is_no_person_with_a_role() -> None:
    from assistant.facts import _person_facts
    from assistant.types import Citation

    best = '"The roof has waited long enough," said Joan Pike, who chairs the trust.'
    other = "The trust also manages Castle Yard, in the old town."
    quotes = [
        Citation(1, "", "", best, 100, 100 + len(best), True),
        Citation(2, "", "", other, 0, len(other), True),
    ]
    # "Castle Yard, IN the old town" is placed, not given a role: the best quote's name leads
    facts = _person_facts("Who chairs the markets trust?", quotes, "en", "en")
    assert [f.text for f in facts][:1] == ["Joan Pike"]
    # « en tant que présidente » gives a role, as « en Bavière » would place a name
    role = "Le bail a été signé par Marie Dupont, en tant que présidente du trust."
    quotes = [quotes[0], Citation(2, "", "", role, 0, len(role), True)]
    facts = _person_facts("Qui préside le trust ?", quotes, "fr", "en")
    assert [f.text for f in facts][:1] == ["Marie Dupont"]


def test_a_claim_somebody_denied_is_answered_no_with_their_own_words(
    market_hall: Assistant,
) -> None:
    # "The council DENIED claims that the hall would be sold …" and, next, the leader's words
    for asked in ("Is the hall going to be sold off for flats?", "la halle va être vendue ?"):
        answer = market_hall.ask(asked)
        assert (answer.lead or "").startswith(("No", "Non")), (asked, answer.lead)
        assert "for as long as Bramford wants one" in " ".join(c.quote for c in answer.citations)
    # "Some traders have CLAIMED that their rents will double …. Joan Pike DENIED this."
    for asked in ("Will the traders' rents double after the works?", "les loyers vont doubler ?"):
        answer = market_hall.ask(asked)
        assert (answer.lead or "").startswith(("No", "Non")), (asked, answer.lead)
        assert "Joan Pike denied this." in [c.quote for c in answer.citations]
    said = market_hall.ask("Did some traders say their rents would double?")
    assert (said.lead or "").startswith("Yes"), said.lead
    # asked about a denial the article does not report, it does not say yes
    assert market_hall.ask("Did Priya Shah deny selling fish in the hall?").abstained
    # asked about the denial itself, the denial says yes
    asked = "Did the council deny that the hall would be sold?"
    assert (market_hall.ask(asked).lead or "").startswith("Yes")


def test_a_thing_asked_as_settled_is_answered_no_where_it_is_undecided(
    market_hall: Assistant,
) -> None:
    # "No decision has been made on who would run it."
    for asked in ("Has the café operator been picked yet?", "le café, c'est acté ?"):
        answer = market_hall.ask(asked)
        assert (answer.lead or "").startswith(("No", "Non")), (asked, answer.lead)
        assert "No decision has been made" in " ".join(c.quote for c in answer.citations)


def test_a_name_in_an_enumeration_may_hold_and_or_of() -> None:
    from assistant.facts import _enumerated_names

    quote = (
        "Four clubs train there: the Otters Swimming Club, the Chamber of Commerce, the Dunmere"
        " and District Sub-Aqua Club and Pellingham Canoe Club, which uses the pool in winter."
    )
    names = _enumerated_names("Which clubs?", [_cite(quote)])
    assert [n.text for n in names] == [
        "the Otters Swimming Club",
        "the Chamber of Commerce",
        "the Dunmere and District Sub-Aqua Club",
        "Pellingham Canoe Club",
    ]


def test_a_count_said_to_stand_now_at_a_value_gives_that_value() -> None:
    from assistant.facts import _revised_to

    quote = (
        "Estimée lundi à 2 500 tonnes, la quantité de déchets brûlés a été revue à la hausse"
        " mercredi par la préfecture, qui l'évalue désormais à 3 800 tonnes."
    )
    assert _revised_to(quote, quote.index("3 800"))
    assert not _revised_to(quote, quote.index("2 500"))
    said = "The firm now employs 240 people."
    assert not _revised_to(said, said.index("240"))  # "now" alone revises nothing


def test_a_month_the_article_gives_only_for_a_plan_is_no_past_event(market_hall: Assistant) -> None:
    # "the council WOULD set the café's rent in September": nothing in September has happened
    for asked in (
        "What rent did the council set for the café in September?",
        "Qu'est-ce que le conseil a fini par fixer comme loyer en septembre ?",
    ):
        answer = market_hall.ask(asked)
        assert answer.abstained and answer.abstain_reason == "the article speaks of it as to come"
    from assistant.understanding import asks_about_the_past

    assert asks_about_the_past("Qu'est-ce qui est ressorti de la réunion ?")
    assert not asks_about_the_past("La réunion est prévue quand ?")
    assert not asks_about_the_past("Qu'est-ce qu'il y a mardi ?")  # no participle in -i
    assert not asks_about_the_past("La préfète a jusqu'à quand pour signer ?")  # nor in -u


def test_an_outcome_asked_of_as_past_is_refused_where_it_is_still_to_come(
    market_hall: Assistant,
) -> None:
    # "Tom Reeve said the council WOULD set the café's rent in September."
    answer = market_hall.ask("So what did the council finally set the café's rent at?")
    assert answer.abstained and "would set" in answer.answer


def test_a_why_questions_if_grants_what_follows(market_hall: Assistant) -> None:
    # "Work on the roof has been HELD UP BY a shortage of roofers": the "if" sets no condition
    answer = market_hall.ask("why has the reopening slipped if it's only the roof being fixed?")
    assert not answer.abstained and "shortage of roofers" in answer.answer
    asked = "Why would the trust sell the hall if the council pulled out?"
    assert market_hall.ask(asked).abstained  # what would happen: a condition to be stated


def test_a_sentence_in_the_conditional_answers_a_condition(market_hall: Assistant) -> None:
    # "Notice WOULD have to be given by 30 November": what would happen, stated
    answer = market_hall.ask("By what date would a trader have to give notice if they wanted out?")
    assert not answer.abstained and "30 November" in answer.answer.split("\n")[0]


def test_french_question_words_as_texted_are_read(market_hall: Assistant) -> None:
    from assistant.questions import said_plainly

    assert said_plainly("c koi le problème ?") == "c'est quoi le problème ?"
    assert said_plainly("Pk la halle ferme ?") == "pourquoi la halle ferme ?"
    assert said_plainly("Is it KI or PK?") == "Is it KI or PK?"  # initials stay
    # « c qui » asks who: « Joan Pike, who chairs the BMT »
    assert "Joan Pike" in (market_hall.ask("c qui la présidente du trust ?").lead or "")


def test_english_question_words_texted_without_their_apostrophe_are_read(
    market_hall: Assistant,
) -> None:
    from assistant.questions import said_plainly

    assert said_plainly("whats the fuss") == "what's the fuss"
    assert said_plainly("hw many traders?") == "how many traders?"
    assert said_plainly("Whats up, whos in?") == "what's up, who's in?"
    assert said_plainly("whens it open, whys it shut?") == "when's it open, why's it shut?"
    # "whos", "whats" ask who and what, not yes or no
    assert "leader" in (market_hall.ask("whos Tom Reeve?").lead or "")
    # "whens" asks when, not yes or no
    answer = market_hall.ask("whens the hall closing?")
    assert not (answer.lead or "").startswith(("Yes", "No")), answer.answer
    assert "from January" in answer.answer, answer.answer
    answer = market_hall.ask("hw many visitors did the hall count in 2025?")
    assert "41,000" in (answer.lead or "")
    # « c ou », « c'est où » texted without its accent: where
    answer = market_hall.ask("c ou les commerçants vont vendre pendant les travaux ?")
    assert "Bridge Street" in (answer.lead or "")


def test_a_name_asked_is_a_name_given(market_hall: Assistant) -> None:
    from assistant.facts import asks_a_name, names_given

    # "A judge has yet to decide …", "… turned into flats": the thing asked is there, its name
    # is not
    assert market_hall.ask("the judge, what's he called?").abstained
    assert market_hall.ask("what are the flats going to be called?").abstained
    answer = market_hall.ask("whats the name of the woman who sells fish?")
    assert not answer.abstained and "Priya Shah" in (answer.lead or "")
    assert asks_a_name("Elle s'appelait comment, la boîte ?") and asks_a_name("his name?")
    assert not asks_a_name("Who spoke in the name of the union?")
    assert not asks_a_name("Qui parle au nom du syndicat ?")
    assert not asks_a_name("Was the race called off?")
    # a person, or a name that is no place, month or day, and that the question does not state
    said = "On 3 June the operator, UrbanSpoke Mobility Ltd, moved to Castlebridge."
    assert names_given("which firm runs it?", said) == ["UrbanSpoke Mobility Ltd"]
    assert names_given("what's UrbanSpoke's name?", said) == []
    # a name sharing the asked noun is given; a place, when a place is asked
    fund = "Lisbon launched the Urban Drought Resilience Fund."
    assert names_given("what's the name of the new fund?", fund) == [
        "Urban Drought Resilience Fund"
    ]
    venue = "Delegates met at the Belém Congress Centre."
    assert names_given("What was the venue called?", venue) == ["Belém Congress Centre"]
    assert names_given("what was the delegate called?", venue) == []
    # a sentence's first word, when the article writes it only as a name
    article = "On Monday, Hammouchi met the delegations. Hammouchi spoke first."
    assert names_given("the chief, what's his name?", "Hammouchi spoke first.", article) == [
        "Hammouchi"
    ]
    assert names_given("the chief, what's his name?", "Hammouchi spoke first.") == []


def test_a_yes_no_question_is_answered_no_by_the_sentence_carrying_on_or_a_yet_to(
    market_hall: Assistant,
) -> None:
    # "A first meeting … took place at the town hall on 12 October. IT ended WITHOUT an
    # agreement": the sentence after the best one, about the same meeting, denies what is asked
    answer = market_hall.ask(
        "Did the traders and the council reach an agreement at their first meeting?"
    )
    assert (answer.lead or "").startswith("No") and "without an agreement" in answer.answer
    # "No decision has been made on THAT APPLICATION" after "The stallholders APPLIED …": the
    # best sentence's sequel, by a demonstrative, says it is undecided
    answer = market_hall.ask("Has the county council said yes to the hardship fund yet?")
    assert (answer.lead or "").startswith("No") and "that application" in answer.answer
    # "A judge HAS YET TO decide whether the case can be heard": not yet
    answer = market_hall.ask("Un juge a-t-il déjà accepté d'examiner la plainte des commerçants ?")
    assert (answer.lead or "").startswith("Non") and "yet to decide" in answer.answer


def test_why_something_did_not_happen_is_answered_by_a_cause_without_a_negation(
    market_hall: Assistant,
) -> None:
    # "Work on the roof has been HELD UP BY a shortage of roofers": the cause of what did not
    # happen, said without a "not"
    answer = market_hall.ask("Why isn't the hall reopening at the end of March as first planned?")
    assert not answer.abstained and "shortage of roofers" in answer.answer
    from assistant.extractive import _CAUSE

    # a degree that rules a thing out gives the cause too
    assert _CAUSE.search("its radar was set to a six-mile range, too wide to pick out a boat")


def test_whose_age_is_asked_is_read_where_the_question_puts_them_first() -> None:
    from assistant.extractive import _aged_person

    # « LE MAIRE, il a quel âge ? » asks the mayor's age, as « Quel âge a le maire ? » does
    assert _aged_person("le maire, il a quel âge ?") == "maire"
    assert _aged_person("the mayor, how old is he?") == "mayor"
    assert _aged_person("Quel âge a le maire ?") == "maire"
    # a number word is not whom it is asked of
    assert _aged_person("les trois personnes décédées, elles avaient quel âge ?") == "personnes"
    assert _aged_person("Karim Benali, il a quel âge ?") == ""  # a name: checked as names are


def test_a_sentence_carries_on_by_a_pronoun_or_a_demonstrative_pointing_back() -> None:
    from assistant.extractive import ScoredSentence, _carries_on
    from assistant.types import Passage

    def scored(text: str) -> ScoredSentence:
        passage = Passage("c", "s.txt", "", text, 0, len(text), 0.9)
        return ScoredSentence(passage, 0, len(text), text, 0.8, 0.1, 0.8)

    applied = scored("The council applied to the Local Roads Resilience Fund on 11 February.")
    assert _carries_on(applied, scored("No decision has been made on that application."))
    assert _carries_on(applied, scored("It has had no answer."))
    assert not _carries_on(applied, scored("No decision has been made on that bridge."))
    assert not _carries_on(applied, scored("Traders say they are already feeling it."))


def test_a_persons_name_typed_in_lower_case_is_stated_as_a_name(market_hall: Assistant) -> None:
    # "The council has 9 staff at the hall": how many Tom Reeve has, no sentence says
    for asked in ("how many staff does Tom Reeve have?", "how many staff does tom reeve have?"):
        assert market_hall.ask(asked).abstained, asked
    answer = market_hall.ask("what does priya shah sell in the hall?")
    assert not answer.abstained and "fish" in answer.answer
    from assistant.facts import names_typed_lowercase

    # a word the article also writes in lower case, or a body's name, is no person's name
    assert names_typed_lowercase("what did the council say?", MARKET_HALL) == frozenset()
    assert names_typed_lowercase("who chairs the markets trust?", MARKET_HALL) == frozenset()


def test_a_condition_put_as_whom_it_concerns_is_a_condition() -> None:
    from assistant.extractive import _CONDITION
    from assistant.text import fold

    for stated in (
        "Drivers who do not pay within six days face a penalty of £120.",
        "Anyone caught breaching the ban faces a fine of up to £1,000.",
        "Ceux qui ne paient pas recevront une amende.",
    ):
        assert _CONDITION.search(fold(stated)), stated
    assert not _CONDITION.search(fold("Drivers who live inside the zone are exempt."))


WAREHOUSE = """Incendie dans un entrepôt de meubles à Varennes

VARENNES, mardi 3 mars 2026 – Un incendie a détruit dans la nuit de lundi à mardi un entrepôt de meubles de la zone d'activités des Chaumes, à Varennes.

Aucun employé n'était présent dans l'entrepôt au moment des faits. Trois pompiers, légèrement blessés, ont été soignés sur place. Le feu a été maîtrisé vers 6 heures, après quatre heures de lutte.

Le bâtiment, construit en 1998, abritait un stock de 2 000 canapés. L'enquête devra établir les causes du sinistre.

Un expert mandaté par l'assureur s'est rendu sur place mercredi. Son rapport mentionne un court-circuit dans le local électrique.

Le propriétaire, la société Meubles Arnaud, a renoncé à reconstruire à Varennes. Pour justifier ce choix, son gérant avance deux raisons. D'abord, le bâtiment n'était plus aux normes. Ensuite, la clientèle s'est déplacée vers la métropole.
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "entrepot-2026.fr.txt", WAREHOUSE)


def test_pendant_frames_a_question_as_during_does(warehouse: Assistant) -> None:
    # « PENDANT l'intervention » matched « AU MOMENT des faits » of the employees' absence, which
    # then denied that firefighters were hurt
    answer = warehouse.ask("Des sapeurs ont-ils été blessés pendant l'intervention ?")
    assert answer.answer.startswith("Oui") and "Trois pompiers" in answer.answer


def test_what_is_answered_with_the_sentence_carrying_on_from_the_best(
    warehouse: Assistant,
) -> None:
    # « Un expert … s'est rendu sur place mercredi. » then « SON rapport mentionne … »
    answer = warehouse.ask("Qu'a trouvé l'expert de l'assureur ?")
    assert "court-circuit" in answer.answer


def test_reasons_announced_by_their_number_are_quoted(warehouse: Assistant) -> None:
    # « … son gérant AVANCE DEUX RAISONS. » then « D'abord, … » and « Ensuite, … »
    answer = warehouse.ask("Pourquoi ce choix, selon le gérant ?")
    assert "normes" in answer.answer and "clientèle" in answer.answer


def test_a_negation_inside_a_quoted_name_negates_nothing() -> None:
    from assistant.understanding import denial_scopes

    named = "Opponents formed a coalition, « Vionne sans mine », which brings together four groups."
    assert denial_scopes(named) == []
    assert denial_scopes('The "Homes Not Hotels" campaign marched on Saturday.') == []
    # a short quote that says something still negates
    assert denial_scopes("« On n'en est pas là », a dit le maire.")
    assert denial_scopes('He said: "We won\'t close."')


def test_a_claim_then_denied_goes_before_a_slightly_better_sentence() -> None:
    from assistant.extractive import ScoredSentence, _claim_then_denied
    from assistant.types import Passage

    other = "The trust revised its figures in January."
    claim = "Some traders have claimed that the trust bought the hall in secret."
    denial = "Joan Pike denied this."
    text = f"{other} {claim} {denial}"
    at, then = len(other) + 1, len(other) + len(claim) + 2
    spans = ((0, len(other)), (at, at + len(claim)), (then, len(text)))
    passage = Passage("c", "s.txt", "", text, 0, len(text), 0.9, sentences=spans)
    best = ScoredSentence(passage, 0, len(other), other, 0.85, 0.1, 0.86)

    def claimed(lexical: float, score: float) -> ScoredSentence:
        return ScoredSentence(passage, at, at + len(claim), claim, score, lexical, score)

    closer = claimed(0.2, 0.85)
    assert _claim_then_denied([best, closer], None) is closer
    # not one holding fewer of the question's words, nor one much weaker
    assert _claim_then_denied([best, claimed(0.05, 0.85)], None) is None
    assert _claim_then_denied([best, claimed(0.2, 0.80)], None) is None


def test_a_decision_still_to_come_is_undecided() -> None:
    from assistant.extractive import _UNDECIDED
    from assistant.text import fold

    for said in (
        "The decision is still some weeks away.",
        "The council has still to decide which option to take.",
        "Il reste à trancher entre les trois scénarios.",
        "Le conseil doit encore se prononcer.",
        "La décision est attendue en juin.",
    ):
        assert _UNDECIDED.search(fold(said)), said
    assert not _UNDECIDED.search(fold("The council decided on 3 May to approve the plan."))


def test_a_claim_reported_or_in_the_conditional_and_rebutted_is_answered_no(
    market_hall: Assistant,
) -> None:
    # "The council REPORTEDLY plans to move the hall's clock …" then "THAT IS UNTRUE," said …
    answer = market_hall.ask("Is the hall's clock going to the museum?")
    assert (answer.lead or "").startswith("No"), answer.lead
    assert "That is untrue" in answer.answer and "belongs in the hall" in answer.answer
    from assistant.understanding import is_a_rebuttal, reports_a_claim

    # « SELON plusieurs élus, la direction ENVISAGERAIT de … »: a claim, in the conditional
    assert reports_a_claim("Selon plusieurs élus, la direction envisagerait de partir.")
    assert not reports_a_claim("Selon le maire, la salle est trop petite.")
    assert is_a_rebuttal("« C'est faux. »") and not is_a_rebuttal("It is falling apart.")


MERGER = """Deux communes de la vallée de l'Orme vont fusionner

BELCOURT, jeudi 8 octobre 2026 – Les conseils municipaux de Belcourt et de Ramiers ont approuvé la fusion de leurs communes au 1er janvier 2027.

La nouvelle commune s'appellerait Val-d'Orme, du nom de la rivière qui traverse les deux villages. Le projet réunirait 1 240 habitants.

Le nom a été choisi par les habitants. Sur 402 participants à la consultation, 250 ont choisi Val-d'Orme. Plus de 80 personnes se sont pressées à la réunion publique du 22 septembre.

C'est à Ramiers qu'est née l'opposition. Un collectif a lancé une pétition qui a recueilli 312 signatures, remise à la préfecture le 2 octobre. Le maire de Ramiers, Paul Gendre, saisira le tribunal administratif si la préfecture valide la fusion.

Le conseil de Belcourt a aussi voté une enveloppe de 250 000 euros destinée à la rénovation de la salle des fêtes.
"""


@pytest.fixture(scope="module")
def merger(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "fusion-2026.fr.txt", MERGER)


def test_a_name_spelt_with_an_elided_article_is_found(merger: Assistant) -> None:
    # "Val-d'Orme" was stemmed "val-d", a stem no text holds: « never mentions Val-d'Orme »
    answer = merger.ask("Le nom Val-d'Orme, il fait référence à quoi ?")
    assert not answer.abstained and "rivière" in answer.citations[0].quote, answer.answer


def test_a_count_of_people_is_read_in_the_sentence_answering_best(merger: Assistant) -> None:
    # "people" matches « 80 personnes » (the public meeting) better than « 402 participants »,
    # but the sentence about choosing the name is the consultation's
    answer = merger.ask("how many ppl took part in picking the name")
    assert "402" in (answer.lead or ""), answer.answer


def test_a_noun_of_opponents_is_not_the_questions_polarity(merger: Assistant) -> None:
    # « LA PÉTITION DES OPPOSANTS » asks of a petition, not of a refusal
    answer = merger.ask("La pétition des opposants, elle a eu combien de signataires ?")
    assert "312" in (answer.lead or ""), answer.answer


def test_a_question_about_what_comes_next_is_dated_by_what_is_planned() -> None:
    from assistant.extractive import ScoredSentence, _of_the_asked_time
    from assistant.types import Passage

    texts = [
        "Le préfet a détaillé les aides lors d'une réunion publique organisée le 26 mars.",
        "Une seconde réunion publique est prévue le jeudi 23 avril à Vaudrenay.",
    ]
    sentences = []
    for text in texts:
        passage = Passage("c", "s.txt", "", text, 0, len(text), 0.9, sentences=((0, len(text)),))
        sentences.append(ScoredSentence(passage, 0, len(text), text, 0.85, 0.1, 0.86))
    planned = sentences[1]
    # « la PROCHAINE réunion » asks what is to come: « … EST PRÉVUE le … » says so as a plan
    assert _of_the_asked_time("c'est pour quand la prochaine réunion ?", sentences) == [planned]
    assert _of_the_asked_time("La réunion a eu lieu quand ?", sentences) == sentences
    assert _of_the_asked_time("Quand a lieu la réunion ?", sentences) == sentences


def test_the_opposition_that_qualifies_someone_is_not_the_questions_polarity(
    merger: Assistant,
) -> None:
    # "the OPPOSITION'S petition", "the opposition guy": a side in politics, not a refusal asked
    for question in ("the opposition guy", "l'élu d'opposition", "the opposition's petition"):
        assert not analyse_question(f"{question}, what did it say?").polarity, question
    assert analyse_question("Why was there opposition to the merger?").polarity == "opposition"
    answer = merger.ask("How many signatures did the opposition's petition get?")
    assert "312" in (answer.lead or ""), answer.answer


def test_what_a_sentence_says_only_under_a_condition_is_no_yes(merger: Assistant) -> None:
    # « … saisira le tribunal administratif SI la préfecture valide la fusion »: not yet a yes
    answer = merger.ask("Le maire de Ramiers va-t-il saisir le tribunal administratif ?")
    assert (answer.lead or "").startswith("Non"), answer.answer
    asked_so = "Le maire de Ramiers saisira-t-il le tribunal si la préfecture valide la fusion ?"
    assert (merger.ask(asked_so).lead or "").startswith("Oui")


def test_a_tally_of_votes_for_then_against_counts_the_voters() -> None:
    from assistant.extractive import _tallied

    text = "Le conseil a approuvé le projet par 13 voix pour, 1 contre et 1 abstention."
    yes = _tallied(text, [], "how many councillors voted yes?")
    assert (text.index("13"), 1.0) in yes
    against = _tallied(text, [], "Combien d'élus ont voté contre ?")
    assert (text.index("1 contre"), 1.0) in against and (text.index("13"), 1.0) not in against
    from assistant.extractive import _split_vote

    assert _split_vote(text)  # not unanimous
    assert not _split_vote("Le conseil a approuvé le projet par 13 voix pour, à l'unanimité.")


BLACKOUT = """Blackout leaves 20,000 homes without power as substation fire hits Ashby

ASHBY, Monday 6 July 2026 – A fire broke out at 4.10pm on Sunday in one of the transformers at the Mill Road substation, on the edge of Ashby. Nobody was injured. Forty firefighters brought it under control in three hours.

Power was restored to most homes by Tuesday evening, the grid operator said. Shops on the High Street stayed shut for two days.

The operator's chief executive, Alan Reeve, denied reports that the company had been warned about the transformer, or that its maintenance budget had been cut. The regulator has opened an inquiry into the fire.
"""


@pytest.fixture(scope="module")
def blackout(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "blackout-2026.en.txt", BLACKOUT)


def test_a_time_clause_sets_the_circumstance_of_a_yes_no_question(blackout: Assistant) -> None:
    # asked whether, not when; and what is denied is the hurt, not the headline's « without
    # power as substation fire »
    from assistant.language import question_kind, without_time_clause

    asked = "was anybody hurt when the substation burned?"
    assert question_kind(asked) != "date"
    assert without_time_clause(asked) == "was anybody hurt"
    assert question_kind("So when did the substation burn?") == "date"
    answer = blackout.ask(asked)
    assert (answer.lead or "").startswith("No"), answer.answer
    assert "Nobody was injured" in answer.citations[0].quote, answer.answer


def test_a_sum_the_question_states_counts_no_thing(merger: Assistant) -> None:
    # "the 250K going to pay for": the words after a sum are not a noun it counts, to be
    # matched against « … euros destinée à … »
    answer = merger.ask("what's the 250k going to pay for")
    assert not answer.abstained and "salle des fêtes" in answer.citations[0].quote, answer.answer


def test_a_why_questions_premise_that_somebody_denies_is_refused(blackout: Assistant) -> None:
    # "Alan Reeve DENIED reports that …, or that its maintenance budget had been cut": the
    # whole clause is denied, not its first words
    from assistant.understanding import retraction_scopes

    said = "He denied reports that the firm had been warned, or that its budget had been cut."
    (start, end), *_ = retraction_scopes(said, only_denials=True)
    assert said[start:end].endswith("budget had been cut")
    answer = blackout.ask("Pourquoi l'opérateur a-t-il raboté son budget de maintenance ?")
    assert answer.abstained and "denied reports" in answer.answer, answer.answer


def test_a_date_a_sentence_gives_in_place_of_the_first_answers() -> None:
    from assistant.extractive import ScoredSentence, _revised_within
    from assistant.types import Passage

    text = "Le vote, prévu au départ le 13 octobre, a été reporté au mardi 27 octobre."
    passage = Passage("c", "s.txt", "", text, 0, len(text), 0.9, sentences=((0, len(text)),))
    sentence = ScoredSentence(passage, 0, len(text), text, 0.85, 0.1, 0.86)
    at = _revised_within("so when are the councillors finally voting?", sentence)
    assert at >= 0 and "27 octobre" in text[at : at + 20]
    # not when the question asks for the date first set
    assert _revised_within("Le vote était prévu quand au départ ?", sentence) == -1


def test_an_organisation_asked_by_its_kind_is_answered_by_its_name(warehouse: Assistant) -> None:
    # « Un expert mandaté par l'assureur » names no insurer; « la société Meubles Arnaud » does
    assert warehouse.ask("Which insurer sent the expert?").abstained
    answer = warehouse.ask("C'est quelle boîte qui était propriétaire de l'entrepôt ?")
    assert not answer.abstained and "Meubles Arnaud" in answer.answer, answer.answer


def test_a_sum_asked_per_unit_is_no_total(market_hall: Assistant) -> None:
    from assistant.extractive import _RATE
    from assistant.language import question_kind
    from assistant.text import fold

    # £480,000 is what the repairs cost in all, not what a roofer is paid a day
    assert market_hall.ask("how much do roofers get paid a day?").abstained
    assert "480,000" in (market_hall.ask("How much did the repairs cost?").lead or "")
    for rate in ("Members pay £30 a month.", "une avance de 1 200 euros par hectare", "€0.12/kWh"):
        assert _RATE.search(fold(rate)), rate
    assert not _RATE.search(fold("418 people had pledged a total of £312,400"))
    # « ça GAGNE combien », « il TOUCHE combien »: a sum earned, not a count
    assert question_kind("Un pompier, ça gagne combien par an ?") == "money"
    assert question_kind("Il touche combien par mois, le maire ?") == "money"
    assert question_kind("Combien de personnes touche la mesure ?") == "count"


def test_what_and_a_place_noun_ask_where(market_hall: Assistant) -> None:
    # "what STREET", like "which street", asks a place: « pitches on Bridge Street »
    answer = market_hall.ask("the traders, what street are they moving to during the works?")
    assert "Bridge Street" in (answer.lead or ""), answer.answer
    from assistant.language import question_kind

    assert question_kind("what the hospital said about it") == "other"


def test_an_outcome_asked_as_past_of_what_is_to_come_is_refused(
    footbridge: Assistant,
) -> None:
    # "residents would be asked for their views at a public meeting. It WILL TAKE PLACE on …"
    answer = footbridge.ask("What did the public meeting conclude?")
    assert answer.abstained and answer.abstain_reason == "its best sentence tells it as to come"


def test_a_thing_spared_is_denied_unless_the_sparing_is_asked(shuttle: Assistant) -> None:
    from assistant.understanding import retraction_scopes

    sentence = "Les ruchers de la haute vallée ont été épargnés."
    assert [sentence[a:b] for a, b in retraction_scopes(sentence)] == [sentence[:-1]]
    assert retraction_scopes("L'épargne des ménages a baissé.") == []  # savings, not spared
    assert retraction_scopes(sentence, asked="Quels ruchers ont été épargnés ?") == []
    # "were spared" takes back the flooding the question asks about, in either language
    assert (shuttle.ask("Were the houses of Quay Street flooded?").lead or "").startswith("No")
    flooded = shuttle.ask("les maisons de Quay Street ont-elles été inondées ?")
    assert (flooded.lead or "").startswith("Non")
    # asked whether they were spared, the same sentence says yes
    assert (shuttle.ask("Were the Quay Street houses spared?").lead or "").startswith("Yes")


WALKOUT = """Armoured van raid: guards' union calls a walkout

VAULNAY, Friday 20 November 2026 – Three days after an armoured van was attacked on the D512, the guards' union has called a walkout across the company.

It is not the first time the road has been targeted: on 9 February 2021, a van belonging to another firm was attacked near Vaulnay, and nobody was hurt.

The union wants guards at every branch of the company to stop work on 1 December.

The mayor wrote to the prefect on Wednesday to ask for cameras at both entrances of the village.
"""


@pytest.fixture(scope="module")
def walkout(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "guards-walkout-2026.en.txt", WALKOUT)


def test_a_question_about_what_is_to_come_is_answered_by_a_date_after_the_filing(
    walkout: Assistant,
) -> None:
    for asked in (
        "the guards' walkout, when's that planned for?",
        "L'arrêt de travail des convoyeurs, c'est prévu pour quel jour ?",
    ):
        answer = walkout.ask(asked)
        assert not answer.abstained, asked
        assert "1 December" in answer.answer and "2021" not in answer.answer, (asked, answer.answer)
    # asked about the past, the earlier raid keeps its date
    answer = walkout.ask("When was the earlier van attacked near Vaulnay?")
    assert "9 February 2021" in answer.answer, answer.answer


ROADWORKS = """Coast road: repairs under way after the storm

KELSO BAY, Monday 9 March 2026 – Crews began clearing the coast road on Monday.

Police put barriers across the road at 7am on 17 February, after the storm.

Engineers could reopen the coast road to traffic by 4 May, the council said.
"""


@pytest.fixture(scope="module")
def roadworks(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "coast-road-2026.en.txt", ROADWORKS)


def test_a_question_about_the_past_is_not_answered_by_a_date_after_the_filing(
    roadworks: Assistant,
) -> None:
    for asked, day in (
        ("when was the coast road shut?", "17 February"),
        ("La route côtière a été fermée quel jour ?", "17 février"),
    ):
        answer = roadworks.ask(asked)
        assert day in answer.lead and "4 ma" not in answer.lead, answer.answer


WATER_SCARE = """Tap water scare: Dunmore households told to boil water

DUNMORE, Thursday 12 November 2026 – About 4,200 households in Dunmore have been told to boil their tap water after a bacterium was found at the Holt Lane treatment works.

The first case of the bacterium was a resident who reported cloudy water on 2 November. The contamination was confirmed by the county laboratory on 6 November.

"We acted within hours of the result," said Dr Ruth Penhale, the agency's director, speaking for the Dunmore Vale Public Health Agency.

The Dunmore Residents' Forum, a group of 300 households, says the water board knew of the problem a week earlier.

"That is not true, and we published every test result," said Colin Bray, the board's chief executive.

Tankers have been parked at three schools, and bottled water is handed out at the town hall.

Councillor Jane Holt, who chairs the scrutiny committee, called the delay "a disgrace". She has tabled a motion asking the county to pay for the tankers.

An independent review of the treatment works was ordered on Tuesday. Its findings are expected by the end of January.
"""


@pytest.fixture(scope="module")
def water_scare(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "water-scare-2026.en.txt", WATER_SCARE)


def test_a_long_name_of_a_body_is_no_person_and_its_head_answers(water_scare: Assistant) -> None:
    # "Dunmore Vale Public Health" is the start of a body's name, not a person's
    assert not any(
        "Public" in name for line in WATER_SCARE.splitlines() for name, _ in people(line)
    )
    lead = water_scare.ask("who's the boss of the public health agency?").lead
    assert "Ruth Penhale" in lead, lead


def test_whose_role_holds_the_questions_words_answers_who_when_the_best_names_nobody(
    water_scare: Assistant,
) -> None:
    lead = water_scare.ask("who from the water board said the residents had it wrong?").lead
    assert "Colin Bray" in lead and "Penhale" not in lead, lead


def test_a_when_question_is_answered_by_the_sentence_telling_its_verb(
    water_scare: Assistant,
) -> None:
    answer = water_scare.ask("when did the lab actually confirm the first case?")
    assert "6 November" in answer.lead, answer.answer


def test_a_things_name_after_the_and_a_decimal_in_a_role() -> None:
    # « Le Men Glas » is a boat: a capitalised run opening on an article names no person
    assert people("Le Men Glas, un chalutier de 21,5 mètres, a coulé.") == []
    assert people("The Sea Lark, a trawler, sank.") == []
    assert people("Le Dr Anne Morel, cheffe du service, a parlé.") == [
        ("Dr Anne Morel", "cheffe du service")
    ]
    # a decimal comma does not end a role
    assert people("Jean Vidal, patron d'un chalutier de 21,5 mètres, a disparu.") == [
        ("Jean Vidal", "patron d'un chalutier de 21,5 mètres")
    ]


def test_skippering_a_boat_is_no_opposition() -> None:
    assert analyse_question("who was skippering the boat?").polarity == ""
    assert analyse_question("who skipped the meeting?").polarity == "opposition"


def test_names_of_and_which_things_that_ask_a_list() -> None:
    assert analyse_question("names of the guys still missing?").intent == "list"
    assert analyse_question("C'est quelles écoles qui sont touchées ?").intent == "list"
    assert question_kind("C'est quelles écoles qui sont touchées ?") == "list"
    assert question_kind("qui sont les blessés ?") == "person"


def test_a_ranking_number_is_no_count_but_a_day_is() -> None:
    assert find_entities("what about the 1st case?").numbers == frozenset()
    assert find_entities("la 3e école a fermé").numbers == frozenset()
    assert find_entities("why did they shut on April 1st?").numbers == frozenset({"1"})
    assert find_entities("la grève du 1er décembre").numbers == frozenset({"1"})
    # a digit typed inside a word ("b4" for "before") counts nothing either; a road's does
    assert find_entities("they kept looking b4 calling it off").numbers == frozenset()
    assert find_entities("the crash on the D512").numbers == frozenset({"512"})


def test_a_why_question_taking_an_admission_for_granted_is_refused(water_scare: Assistant) -> None:
    # the board denies; nobody owns up to anything in the article
    for asked in (
        "why did the water board own up to knowing about the problem a week early?",
        "Pourquoi le water board a reconnu avoir été prévenu une semaine plus tôt ?",
    ):
        answer = water_scare.ask(asked)
        assert answer.abstained, (asked, answer.answer)
    # being admitted to hospital is no admission
    assert not _ADMISSION.search(fold("nine children were admitted to hospital"))
    assert _ADMISSION.search(fold("the firm admitted to cutting corners"))


def test_an_outcome_whose_report_is_still_expected_is_refused(water_scare: Assistant) -> None:
    # the next sentence of the paragraph carries on: the findings are still expected
    for asked in (
        "what did the independent review of the works conclude in the end?",
        "La revue indépendante, elle a conclu quoi au final ?",
    ):
        answer = water_scare.ask(asked)
        assert answer.abstained, (asked, answer.answer)


def test_who_is_answered_by_whom_the_pronoun_of_the_best_sentence_stands_for(
    water_scare: Assistant,
) -> None:
    answer = water_scare.ask("who tabled a motion to make the county pay for the tankers?")
    assert "Jane Holt" in answer.lead, answer.answer


QUARRY = """Carrière de Montbrac : l'extension suspendue, les riverains inquiets

Montbrac, mardi 8 décembre 2026. La préfecture a suspendu lundi l'extension de la carrière de Montbrac, exploitée par la société Granulats du Causse, en raison d'un recours des riverains.

Dans un premier temps, l'exploitant avait annoncé que 12 camions par jour traverseraient le village. Le chiffre a été revu à la hausse jeudi, à 19 camions par jour, après l'ajout des livraisons de béton.

« Pas un camion ne passera devant l'école », assure son directeur, Bernard Fauvel, 58 ans.

Les travaux de la nouvelle piste d'accès doivent commencer le lundi 11 janvier et durer deux mois.

Les camions traversent le village parce que la route du col est fermée depuis l'été.

La mairie a saisi le tribunal administratif le 2 décembre, et l'association Montbrac Vivant réclame une étude sur les poussières.
"""


@pytest.fixture(scope="module")
def quarry(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "carriere-montbrac-2026.fr.txt", QUARRY)


def test_a_count_revised_in_the_next_sentence_is_answered_by_the_revised_figure(
    quarry: Assistant,
) -> None:
    for asked in (
        "Au final, combien de camions par jour vont traverser le village ?",
        "how many lorries a day will drive through the village?",
    ):
        answer = quarry.ask(asked)
        assert "19" in answer.lead and "12" not in answer.lead, (asked, answer.answer)
    # asked for the figure first given, that one
    answer = quarry.ask("Combien de camions par jour l'exploitant avait-il annoncés au départ ?")
    assert "12" in answer.lead, answer.answer


def test_a_yes_no_question_ending_on_or_not_is_answered_by_a_denial(quarry: Assistant) -> None:
    # « Pas un camion ne passera … » negates what follows it, as « aucun camion » would
    assert denial_scopes("« Pas un camion ne passera devant l'école », assure son directeur.")
    for asked in (
        "will the lorries drive past the school or not?",
        "Est-ce que des camions vont passer devant l'école ?",
    ):
        answer = quarry.ask(asked)
        assert answer.lead.startswith(("No", "Non")), (asked, answer.answer)


def test_a_texted_question_word_tells_the_kind_of_answer(quarry: Assistant) -> None:
    # « qd » is « quand »: a date is asked, and the lead gives it
    answer = quarry.ask("les travaux de la piste, ça démarre qd ?")
    assert "11 janvier" in answer.lead, answer.answer


def test_a_role_said_after_a_speech_verb_before_a_name_is_the_persons(quarry: Assistant) -> None:
    line = (
        "« Pas un camion ne passera devant l'école », assure son directeur, Bernard Fauvel, 58 ans."
    )
    assert people(line) == [("Bernard Fauvel", "son directeur")]
    # « l'association Montbrac Vivant » is a body's name, not a person's
    assert people("et l'association Montbrac Vivant réclame une étude sur les poussières.") == []
    for asked in (
        "who's the boss of the quarry?",
        "Qui dirige la société qui exploite la carrière ?",
    ):
        lead = quarry.ask(asked).lead
        assert "Bernard Fauvel" in lead and "directeur" in lead, (asked, lead)


def test_why_a_figure_changed_is_answered_by_the_articles_revision_of_it(
    quarry: Assistant,
) -> None:
    # not a sentence giving another cause (« … parce que la route du col est fermée »)
    for asked in (
        "Pourquoi le nombre de camions qui traversent le village a augmenté ?",
        "how come the number of lorries going through the village went up?",
    ):
        answer = quarry.ask(asked)
        assert "livraisons de béton" in answer.answer, (asked, answer.answer)


def test_a_negation_in_a_purpose_clause_gives_the_question_no_polarity() -> None:
    # what the clause negates is the purpose, not what is asked
    assert analyse_question("Ils vont faire quoi pour que ça se reproduise pas ?").polarity == ""
    asked = "what did the crews build so that the liquid could not spread?"
    assert analyse_question(asked).polarity == ""
    asked = "Quels chapiteaux ont été laissés sans restauration ?"
    assert analyse_question(asked).polarity == "negation"
    asked = "pour quelle raison l'équipe n'aurait pas besoin d'être réduite ?"  # no purpose
    assert analyse_question(asked).polarity == "negation"


def test_a_name_asked_of_a_woman_needs_no_word_woman_in_the_sentence(
    water_scare: Assistant,
) -> None:
    # "woman" says only that a person is asked: « Councillor Jane Holt, who chairs … »
    answer = water_scare.ask("what's the name of the woman who chairs the scrutiny committee?")
    assert "Jane Holt" in answer.lead, answer.answer


SOLAR_FARM = """Solar farm at Hadley Moor draws 1,240 objections

Hadley, Tuesday 8 December 2026. A plan to cover 90 hectares of farmland at Hadley Moor with solar panels has drawn 1,240 objections, the district council said on Monday.

The developer, Brightfield Energy, applied for planning permission in June. The panels would power 21,000 homes, the company says.

"Nobody from Brightfield knocked on our door," said Alan Rudd, 64, who farms next to the site. "We read about the cable route in the paper."

The council's planning officer, Karen Doyle, said the application was still being assessed. Nothing has been decided, and the planning committee will not meet before February.

During the six months of works, about 30 lorries a day would use Mill Lane, the council says.

The Environment Agency must also rule on the cable crossing under the River Hale. It said it expected to reach a decision by Friday 29 January.

Brightfield has offered the parish £40,000 a year for village projects. The parish council has not replied.
"""


@pytest.fixture(scope="module")
def solar_farm(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "solar-farm-hadley-2026.en.txt", SOLAR_FARM)


def test_a_decision_told_as_still_to_come_says_no_to_a_question_asking_it_settled(
    solar_farm: Assistant,
) -> None:
    # "Nothing has been decided", not the farmer's "Nobody … knocked on our door", a denial
    # of something else among the best sentences
    for asked in (
        "has the solar farm been approved yet?",
        "C'est déjà acté, le parc solaire ?",
    ):
        answer = solar_farm.ask(asked)
        assert answer.lead.startswith(("No", "Non")), (asked, answer.answer)
        assert "Nothing has been decided" in answer.answer, (asked, answer.answer)
    # a decision said as expected by a date ("it expected to reach a decision by …")
    answer = solar_farm.ask("has the Environment Agency already said yes to the cable crossing?")
    assert answer.lead.startswith("No"), answer.answer
    assert "expected to reach a decision" in answer.answer, answer.answer


def test_an_outcome_asked_as_ended_up_is_none_when_the_article_tells_it_as_to_come(
    solar_farm: Assistant,
) -> None:
    # "did they END UP approving it?" asks how it ended; "Nothing has been decided, and the
    # planning committee will not meet before February" tells it as still to come (not "Yes"
    # from "the application was still being assessed")
    answer = solar_farm.ask("did the planning committee end up approving the solar farm or not?")
    assert answer.abstained, answer.answer
    assert "will not meet before February" in answer.answer, answer.answer


def test_a_figure_asked_per_period_is_one_the_article_gives_per_that_period(
    solar_farm: Assistant,
) -> None:
    answer = solar_farm.ask("combien de camions par jour passeront par Mill Lane ?")
    assert "30" in answer.lead, answer.answer
    answer = solar_farm.ask("how much would Brightfield pay the parish each year?")
    assert "40,000" in answer.lead, answer.answer
    # given a year, the sum is none per month; nor the 1,240 objections a figure per week
    for asked in (
        "Brightfield verse combien par mois à la paroisse ?",
        "how many objections does the council get each week?",
    ):
        answer = solar_farm.ask(asked)
        assert answer.abstained, (asked, answer.answer)


MARINA_LEAK = """Fuite de gazole au port de plaisance de Kervran : l'estimation revue à 95 mètres cubes

Kervran, jeudi 10 décembre 2026. La fuite de gazole découverte sous les pontons du port de plaisance de Kervran est plus importante que prévu.

Hélène Marzin, présidente de l'association des usagers du port, réclame depuis des mois un contrôle de la cuve de la station d'avitaillement du port. « Nous avions prévenu la capitainerie dès le printemps », dit-elle.

Le 3 décembre, la société gestionnaire avait d'abord estimé la fuite à 40 mètres cubes. Ce chiffre a été revu à 95 mètres cubes le 9 décembre : les plongeurs ont découvert une seconde fissure sur la cuve.

Le propriétaire du port, Yannick Le Floch, 58 ans, a promis que les pontons rouvriraient avant Pâques. Sa société paiera le nettoyage, estimé à 310 000 euros.

Onze bateaux de pêche ont dû quitter le port pour celui de Loctudy.
"""


@pytest.fixture(scope="module")
def marina_leak(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "fuite-port-kervran-2026.fr.txt", MARINA_LEAK)


def test_a_revision_told_after_the_first_figure_says_which_way_it_went(
    marina_leak: Assistant,
) -> None:
    # « Ce chiffre a été revu à 95 mètres cubes » after « d'abord estimé … à 40 mètres cubes »:
    # up, whatever « les plongeurs » (divers, not a plunge) says
    answer = marina_leak.ask("why did the company bring its estimate of the leak down?")
    assert answer.abstained, answer.answer
    assert "revu à 95" in answer.answer, answer.answer
    # asked whether it changed one way since, the same reading answers
    answer = marina_leak.ask("has the leak estimate gone up since it was first given?")
    assert answer.lead.startswith("Yes"), answer.answer
    answer = marina_leak.ask("L'estimation de la fuite a baissé depuis ?")
    assert answer.lead.startswith("Non"), answer.answer


RIVER_FLOOD = """River Wend floods Ashby Mead for the second time in a month

Ashby Mead, Sunday 13 December 2026. The River Wend burst its banks on Saturday night and flooded 42 homes in Ashby Mead, the county council said.

Sarah Holt, chair of the Ashby Mead Flood Group, said the garden centre on Mill Road had now flooded twice this year.

The Christmas market, due to open on the village green on Saturday, was cancelled. Stallholders will get their £60 fees back, the parish council said.

The Environment Agency said the river peaked at 3.9 metres at Wend Bridge, its highest level since 2007. A flood barrier promised in 2024 has not been built.

The garden centre's owner, Peter Quinn, 61, said he would not reopen before March.
"""


@pytest.fixture(scope="module")
def river_flood(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "river-wend-flood-2026.en.txt", RIVER_FLOOD)


def test_an_event_called_off_is_no_event_held_as_a_why_question_says(
    river_flood: Assistant,
) -> None:
    # "The Christmas market … was cancelled": a question taking it as held has a false premise
    for asked in (
        "why did they let the christmas market go ahead?",
        "Pourquoi le marché de Noël a-t-il eu lieu malgré la crue ?",
    ):
        answer = river_flood.ask(asked)
        assert answer.abstained, (asked, answer.answer)
        assert "cancelled" in answer.answer, (asked, answer.answer)
    answer = river_flood.ask("did the christmas market go ahead?")
    assert answer.lead.startswith("No"), answer.answer


def test_an_owner_is_the_head_a_question_asking_the_boss_of_a_business_wants(
    river_flood: Assistant,
) -> None:
    # "The garden centre's owner, Peter Quinn", not the flood group's chair, who speaks of the
    # garden centre too
    for asked in (
        "c'est qui le patron de la jardinerie ?",
        "who's the boss of the garden centre?",
        "qui dirige la jardinerie ?",
    ):
        answer = river_flood.ask(asked)
        assert "Peter Quinn" in answer.lead, (asked, answer.answer)


COACH_CRASH = """Un car scolaire sort de la route près de Lonzac

Lonzac, mardi 15 décembre 2026. Un car de la compagnie Delval Mobilité qui transportait 31 collégiens a quitté la route lundi matin et fini sa course dans un fossé, au bord du canal de Sarlieu. Aucun enfant n'a été grièvement blessé.

Le chauffeur, âgé de 58 ans, a été transporté au centre hospitalier de Vernoux, où il a passé la nuit en observation.

Les enfants ont été accueillis à la salle des fêtes de Lonzac, où leurs parents sont venus les chercher.

Le transporteur a été convoqué par le procureur de la République de Saintes. Le tribunal correctionnel de Saintes pourrait être saisi si une faute est établie.

« Le véhicule avait été révisé en novembre », assure Marc Tessier, directeur général de Delval Mobilité.

Une enquête technique doit établir la cause de l'accident ; ses conclusions ne sont pas attendues avant l'été.

Le vote du conseil municipal sur une aide aux familles des collégiens a été reporté.
"""


@pytest.fixture(scope="module")
def coach_crash(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "car-scolaire-lonzac-2026.fr.txt", COACH_CRASH)


def test_a_which_question_s_noun_leads_with_the_name_it_makes_a_phrase_with(
    coach_crash: Assistant,
) -> None:
    # « Le TRIBUNAL correctionnel de Saintes pourrait être saisi »: "quel tribunal ?" is
    # answered by the name its noun makes, not by nothing; as « quel procureur ? »
    answer = coach_crash.ask("Le dossier pourrait aller devant quel tribunal ?")
    assert "tribunal correctionnel de Saintes" in answer.lead, answer.answer
    answer = coach_crash.ask("Le transporteur a été convoqué par quel procureur ?")
    assert "procureur de la République de Saintes" in answer.lead, answer.answer
    # across languages, from its place noun ("hospital" ~ « CENTRE HOSPITALIER de Vernoux »)
    answer = coach_crash.ask("which hospital did the driver go to?")
    assert "centre hospitalier de Vernoux" in answer.lead, answer.answer
    # a relative "who" inside the which-phrase asks no person ("the driver WHO was at the wheel")
    question = "which hospital did the driver who was at the wheel get taken to?"
    assert analyse_question(question).intent == "where"
    assert "centre hospitalier de Vernoux" in coach_crash.ask(question).lead
    assert analyse_question("what's the name of the driver who was at the wheel?").intent == "who"
    # one thing asked with "which", though read as a list ("which PROSECUTOR …?")
    answer = coach_crash.ask("Which prosecutor summoned the coach company?")
    assert "procureur de la République de Saintes" in answer.lead, answer.answer


def test_a_finding_asked_as_past_is_refused_when_told_as_to_come(coach_crash: Assistant) -> None:
    # « Qu'a CONCLU l'enquête ? » asks an outcome, as "what did it decide?" does; the article
    # tells the conclusions as still awaited
    answer = coach_crash.ask("Qu'a conclu l'enquête technique sur la cause de l'accident ?")
    assert answer.abstained, answer.answer
    answer = coach_crash.ask("What was the result of the technical inquiry into the crash?")
    assert answer.abstained, answer.answer
    # an event put off has no outcome yet ("what was the result of the vote?" of « … reporté »)
    answer = coach_crash.ask("What was the result of the council's vote on help for the families?")
    assert answer.abstained, answer.answer


def test_the_head_of_a_body_is_named_with_the_name_the_article_introduced_it_by(
    coach_crash: Assistant,
) -> None:
    # « directeur général de Delval Mobilité » heads the « compagnie » the article introduced
    # as « un car de la compagnie Delval Mobilité »; not the company's name alone
    answer = coach_crash.ask("qui dirige la compagnie de cars ?")
    assert "Marc Tessier" in answer.lead, answer.answer


ALLOTMENTS = """Fernhill allotment holders ration their cans

FERNHILL, Friday 12 June 2026 – Allotment holders in Fernhill have stopped watering their beds at midday as the drought enters its third month.

The Fernhill Allotment Society, which manages 340 plots on four sites, said many of its members were in their seventies and could not carry cans from the river.

The Dunmere Wildlife Trust has said it will object to the water company's drought permit. The trust's petition against the permit has gathered 1,200 signatures.

The county council paid the society £2,000 last month to repair its two boreholes.

The society first said that 12 members had given up their plots this summer. On Thursday it revised that figure down to nine, as three of them had only swapped sites.

The town's supplier, Hollin Water, said the hosepipe ban would stay in place until September.
"""


@pytest.fixture(scope="module")
def allotments(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "allotments-2026.en.txt", ALLOTMENTS)


def test_a_body_named_in_lower_case_is_held_by_the_sentence_that_answers(
    allotments: Assistant,
) -> None:
    # "The Fernhill Allotment Society, which manages 340 plots": not the wildlife trust's
    assert allotments.ask("how many plots does the wildlife trust look after?").abstained
    # "The county council paid the society £2,000": not the water company
    assert allotments.ask("how much did hollin water pay the allotment society?").abstained
    plots = allotments.ask("how many plots does the allotment society look after?")
    assert "340" in (plots.lead or ""), plots.answer
    # named by its head: "The TRUST's petition"
    signatures = allotments.ask("how many signatures did the wildlife trust's petition get?")
    assert "1,200" in (signatures.lead or ""), signatures.answer


POOL = """Piscine de Vernay : la fermeture estivale divise

VERNAY, mardi 9 juin 2026 – La piscine municipale de Vernay fermera tout l'été pour travaux, a annoncé lundi la mairie.

Une réunion publique avec les usagers est prévue le jeudi 18 juin à 19 heures, à la salle des fêtes.

Le maire, Paul Garnier, a expliqué lundi que le bassin perdait 40 mètres cubes d'eau par jour.

Lors du conseil municipal du 2 juin, l'opposition a dénoncé « un calendrier bâclé ».
"""


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "piscine-2026.fr.txt", POOL)


def test_what_was_said_at_an_event_still_to_come_is_refused(pool: Assistant) -> None:
    # « Une réunion publique avec les usagers est prévue le jeudi 18 juin »
    for asked in (
        "Qu'est-ce qui s'est dit à la réunion publique avec les usagers ?",
        "what did the town hall announce at the public meeting with pool users?",
    ):
        assert pool.ask(asked).abstained, asked
    # « Lors du conseil municipal du 2 juin, l'opposition a dénoncé … »: said, and past
    said = pool.ask("Qu'a dit l'opposition lors du conseil municipal du 2 juin ?")
    assert not said.abstained and "calendrier bâclé" in said.answer, said.answer


def test_a_figure_revised_to_a_number_in_words_is_the_answer(allotments: Assistant) -> None:
    # "… said that 12 of its members had given up … it revised that figure down to nine"
    answer = allotments.ask("in the end how many members gave up their plots?")
    assert "9" in (answer.lead or "") and "12" not in (answer.lead or ""), answer.answer


PICKET = """Grève à la papeterie de Vennes

Vennes, jeudi 3 décembre 2026. Les 140 salariés de la papeterie de Vennes sont en grève depuis lundi, contre la fermeture d'une des deux machines.

Patrick Giraud, 54 ans, tient le piquet de nuit devant l'entrée de l'usine.

Nadia Berthier, 38 ans, conductrice de machine depuis douze ans, a rejoint le mouvement dès le premier jour.

La direction doit recevoir les syndicats vendredi.

Les syndicats ont fait savoir qu'ils saisiraient le conseil de prud'hommes si la machine fermait.
"""


@pytest.fixture(scope="module")
def picket(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "papeterie-vennes-2026.fr.txt", PICKET)


def test_an_age_tells_no_duration(picket: Assistant) -> None:
    # « Patrick Giraud, 54 ANS, tient le piquet de nuit »: he is 54, not 54 years on the picket
    for asked in (
        "how long has Patrick Giraud been holding the night picket?",
        "Patrick Giraud tient le piquet depuis combien de temps ?",
    ):
        answer = picket.ask(asked)
        assert "54" not in (answer.lead or ""), answer.answer
    # « 38 ans, conductrice de machine DEPUIS DOUZE ANS, »: the years she has lasted
    answer = picket.ask("how long has Nadia Berthier been a machine operator?")
    assert "12" in (answer.lead or "") and "38" not in (answer.lead or ""), answer.answer


def test_a_time_of_day_asked_is_not_answered_by_a_date(pool: Assistant) -> None:
    # the article gives days (« prévue le jeudi 18 juin », « a annoncé lundi ») but no
    # opening hours: a day is no time of day
    for asked in (
        "what time does the pool open in the morning?",
        "À quelle heure ouvre la piscine le matin ?",
    ):
        assert pool.ask(asked).abstained, asked
    # « le jeudi 18 juin à 19 heures »: a time the article gives
    assert not pool.ask("what time is the public meeting with pool users?").abstained


def test_a_yes_no_answer_quotes_the_best_of_the_top_passages_and_cites_its_verdict(
    race: Assistant,
) -> None:
    # As for any other question, the best sentence of each top passage joins the answer (the
    # sentence deciding it is not always the one holding the fact); the "No" cites its own.
    refunds = race.ask("Ils ont remboursé les gens qui voulaient faire le semi complet ?")
    assert len(refunds.citations) >= 2, refunds.answer
    assert refunds.lead.startswith("Non") and "no refunds" in _lead_quote(refunds)


def test_an_overview_quotes_the_lead_not_its_dateline(coach_crash: Assistant) -> None:
    # « Lonzac, mardi 15 décembre 2026. Un car … a quitté la route … »: the dateline says where
    # and when the story was filed; the lead is the sentence after it
    for asked in ("Tu me résumes l'article vite fait ?", "Ça raconte quoi en gros cet article ?"):
        assert analyse_question(asked).intent == "overview", asked
        answer = coach_crash.ask(asked)
        quotes = [c.quote for c in answer.citations]
        assert "Lonzac, mardi 15 décembre 2026." not in quotes, quotes
        assert any(q.startswith("Un car de la compagnie Delval Mobilité") for q in quotes), quotes


BOATYARD = """Fire at Pelham Quay boatyard destroys three yachts

Pelham, Tuesday 3 November 2026. A fire swept through the Carver boatyard on Pelham Quay overnight, destroying three yachts and a workshop.

The alarm was raised at about 1.20am by a night watchman, Colin Ferris, 58, and the blaze was fought under station commander Ruth Adeyemi, who led the firefighting operation.

Twenty firefighters fought the blaze for four hours. Two crew members were taken to Wexcombe Community Hospital with smoke inhalation, while the damaged yachts were towed to a dry dock at Hallam Point.

The yard's owner, Martin Carver, said the loss would run to hundreds of thousands of pounds.

The harbour master of Pelham Quay, Dennis Ogle, has ordered an inquiry into the cause of the fire.
"""


@pytest.fixture(scope="module")
def boatyard(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "boatyard-fire-2026.en.txt", BOATYARD)


def test_a_who_lead_names_the_one_whose_words_fit_the_asked_role(boatyard: Assistant) -> None:
    # « … by a night watchman, Colin Ferris, 58, and the blaze was fought under station
    # commander Ruth Adeyemi, who led the firefighting operation »: the fire officer asked for
    # is the one named with words of that role, not everyone the quote names
    for asked in (
        "Who was the fire officer in charge that night?",
        "C'est qui le chef des pompiers sur place ?",
    ):
        answer = boatyard.ask(asked)
        assert "Adeyemi" in (answer.lead or ""), answer.answer
        assert "Ferris" not in (answer.lead or ""), answer.answer


def test_a_who_lead_names_the_one_of_the_side_asked(boatyard: Assistant) -> None:
    # "… by a night watchman, Colin Ferris, 58, and the blaze was fought under station
    # commander Ruth Adeyemi": the one AT THE FIRE SERVICE is the one whose words say so
    answer = boatyard.ask("who's the person at the fire service who led the operation?")
    assert "Adeyemi" in (answer.lead or ""), answer.answer
    assert "Ferris" not in (answer.lead or ""), answer.answer
    # "The harbour master of Pelham Quay, Dennis Ogle, …": a person, not the quay
    answer = boatyard.ask("Who was it from the harbour that ordered an inquiry?")
    assert "Dennis Ogle" in (answer.lead or ""), answer.answer
    assert "Pelham Quay and" not in (answer.lead or ""), answer.answer


def test_a_which_question_asking_a_person_names_the_person(boatyard: Assistant) -> None:
    # « The harbour master of Pelham Quay, Dennis Ogle, has ordered an inquiry »: the harbour
    # master asked for is the person, not the phrase of his office
    answer = boatyard.ask("Which harbour master ordered the inquiry into the fire?")
    assert "Dennis Ogle" in (answer.lead or ""), answer.answer
    assert "Pelham Quay" not in (answer.lead or ""), answer.answer


def test_an_outcome_told_in_the_conditional_is_still_to_come(picket: Assistant) -> None:
    # « Les syndicats ont fait savoir qu'ils SAISIRAIENT le conseil de prud'hommes si la machine
    # fermait »: what the court decided is asked as past, and the article tells it only as what
    # would be
    answer = picket.ask("Qu'est-ce que les prud'hommes ont décidé au final ?")
    assert answer.abstained, answer.answer
    assert "saisiraient" in answer.answer, answer.answer  # what the article does say


DEPOT = """Roof of Kelby bus depot gives way after storm

Kelby, Monday 7 December 2026. Part of the roof of the Kelby bus depot gave way on Saturday night, after a storm brought down a chimney stack from the old mill next door.

Nobody was hurt. Early reports put the hole in the roof at about 3 metres across. That estimate was revised on Sunday, after a drone survey: the operator, Kelby Coaches, now says the hole measures 9 metres across.

Twelve buses were damaged by falling masonry. The number of damaged buses was revised up from 8, the figure given on Saturday night.

Buses are parked at the Station Road car park while the roof is made safe, and the depot will reopen to staff on Monday 14 December.

The district council's planning committee will decide in January whether the depot can be rebuilt on the same site.
"""


@pytest.fixture(scope="module")
def depot(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "bus-depot-roof-2026.en.txt", DEPOT)


def test_a_future_left_to_a_decision_still_to_come_is_not_answered_yes_or_no(
    depot: Assistant,
) -> None:
    # "… will decide in January WHETHER the depot can be rebuilt on the same site": what the
    # question asks of the future, the article leaves open
    for asked in (
        "Will the depot be rebuilt on the same site?",
        "Le dépôt va être reconstruit au même endroit ou pas ?",
    ):
        answer = depot.ask(asked)
        assert answer.abstained, answer.answer
        assert "decide in January whether" in answer.answer, answer.answer
    # "the depot will reopen to staff on Monday 14 December": a future the article tells as
    # settled is answered
    answer = depot.ask("Will the depot reopen to staff on 14 December?")
    assert not answer.abstained and (answer.lead or "").startswith("Yes"), answer.answer


def test_a_measure_revised_in_the_next_sentence_answers(depot: Assistant) -> None:
    # "Early reports put the hole … at about 3 metres across." then "THAT ESTIMATE WAS REVISED
    # on Sunday, after a drone survey: … now says the hole measures 9 metres across."
    for asked in ("How big is the hole in the roof?", "Le trou dans le toit fait quelle taille ?"):
        answer = depot.ask(asked)
        assert "9" in (answer.lead or ""), answer.answer
        assert "3" not in (answer.lead or ""), answer.answer
    # "… was revised up FROM 8": the figure replaced is no answer
    answer = depot.ask("How many buses were damaged?")
    assert "12" in (answer.lead or "") and "8" not in (answer.lead or ""), answer.answer


PILEUP = """Fog pile-up on the Ashby bypass

Ashby, Friday 4 December 2026. Eleven vehicles collided in thick fog on the Ashby bypass on Thursday morning, the police said.

The first count, given by the fire service at 9am, was 14 people injured. It was corrected on Thursday evening: 9 people were injured, two of them seriously. The difference comes from five people who had been counted twice, once by the fire service and once by the ambulance service.

Three of the people injured, all of them commuters, were taken to Ashby General Hospital by ambulance.

Paramedics said that 23 people had been checked at the roadside.

The county council at first said that 40 metres of crash barrier were damaged. After a survey on Friday it corrected that figure to 65 metres.

The police have asked the drivers of three vans with the registration numbers KX21 ABC, LM70 DPF and RT19 GHN to come forward as witnesses.

The bypass reopened at 6pm on Thursday.
"""


@pytest.fixture(scope="module")
def pileup(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "bypass-pile-up-2026.en.txt", PILEUP)


def test_a_figure_asked_as_it_finally_stands_is_the_corrected_one(pileup: Assistant) -> None:
    # "The first count … was 14 people injured. IT WAS CORRECTED on Thursday evening: 9 people
    # were injured": the figure as it stands is the corrected one, also where the sentence
    # explaining the correction ranks first ("… five people who had been counted twice")
    for asked in (
        "So how many people were actually injured?",
        "Au final, il y a eu combien de blessés ?",
        "So after they fixed the numbers, how many people were actually hurt?",
    ):
        answer = pileup.ask(asked)
        assert "9" in (answer.lead or "") and "14" not in (answer.lead or ""), answer.answer
    # "… at first said that 40 metres … it CORRECTED THAT FIGURE TO 65 metres"
    answer = pileup.ask("How many metres of crash barrier were damaged in the end?")
    assert "65" in (answer.lead or "") and "40" not in (answer.lead or ""), answer.answer
    # the first count, asked as such, is the first one
    answer = pileup.ask("How many people were injured according to the first count?")
    assert "14" in (answer.lead or ""), answer.answer


def test_a_which_question_on_a_plural_compound_noun_lists_them_all(pileup: Assistant) -> None:
    # "Which registration NUMBERS …?" asks several (the head is the plural after "registration"):
    # each of « KX21 ABC, LM70 DPF and RT19 GHN », not the first alone
    answer = pileup.ask("Which registration numbers are the police looking for?")
    for plate in ("KX21 ABC", "LM70 DPF", "RT19 GHN"):
        assert plate in (answer.lead or ""), answer.answer


CHEVAUX = """Deux chevaux échappés retrouvés après une nuit de recherches

Montval, mercredi 9 décembre 2026. Les deux chevaux qui s'étaient échappés lundi soir du centre équestre de Montval ont été retrouvés sains et saufs.

Les deux juments ont été retrouvées mardi matin dans une clairière du bois de la Garenne, à 4 kilomètres du centre équestre de Montval, par un promeneur et son chien.

Pendant les recherches, la route qui longe le bois a été fermée, et les cars scolaires sont passés par la RD 14, un détour de dix minutes.

Selon la gérante du centre, Sophie Marchal, une clôture avait été endommagée par la tempête de dimanche.
"""


@pytest.fixture(scope="module")
def chevaux(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "chevaux-echappes-2026.fr.txt", CHEVAUX)


def test_a_where_lead_reads_a_place_named_after_a_common_noun_and_a_road_with_its_number(
    chevaux: Assistant,
) -> None:
    # « retrouvées … dans une clairière du bois DE LA Garenne, à 4 kilomètres du centre équestre
    # de Montval »: the place found is the wood's, not the centre the horses left
    for asked in ("Où est-ce qu'on a retrouvé les chevaux ?", "where were the horses found?"):
        answer = chevaux.ask(asked)
        assert "Garenne" in (answer.lead or ""), answer.answer
        assert "Montval" not in (answer.lead or ""), answer.answer
    # « passés par la RD 14 »: a road's letters keep their number
    answer = chevaux.ask("Les cars scolaires sont passés par où pendant les recherches ?")
    assert "RD 14" in (answer.lead or ""), answer.answer


CHECKPOINTS = """Vans stopped at checkpoints after depot break-in

Ashby, Friday 4 December 2026. Police stopped 37 vans on Thursday night after a break-in at the Ashby parcel depot.

The vans were stopped at the checkpoints on Mill Lane in Ashby, in Corby Green, in Wexton and at the Hollin Bridge roundabout.

Two men were arrested and a quantity of parcels was recovered.
"""


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "depot-checkpoints-2026.en.txt", CHECKPOINTS)


def test_a_listed_first_item_keeps_the_place_named_before_its_parallel_part(
    checkpoints: Assistant,
) -> None:
    # "the checkpoints ON MILL LANE in Ashby, in Corby Green, in Wexton and at …": the items open
    # on "in", and the first keeps the named place said before its "in"
    answer = checkpoints.ask("Which checkpoints were the vans stopped at?")
    for place in ("Mill Lane", "Corby Green", "Wexton", "Hollin Bridge"):
        assert place in (answer.lead or ""), answer.answer


def test_a_question_on_whether_any_exist_asks_yes_or_no_though_a_clause_follows(
    race: Assistant,
) -> None:
    # a « qui », « quand » or "when" after what is asked about opens a clause: it asks nothing
    for question in [
        "Y en a qui ont été remboursés ?",
        "Y avait quelqu'un de blessé à l'arrivée quand ils ont compté ?",
        "y a plus de coureurs depuis que le parcours a changé ?",
        "anyone hurt when the runners collapsed?",
        "Des blessés quand la chaleur a frappé ?",
    ]:
        assert analyse_question(question).intent == "yesno"
    for question, intent in [
        ("Y a qui comme organisateurs ?", "who"),
        ("Y en a combien qui ont abandonné ?", "count"),
        ("y avait du monde ? combien de coureurs sont venus", "count"),
        ("any idea where the runners were treated?", "where"),
        ("Des coureurs qui ont abandonné, c'est qui ?", "who"),
    ]:
        assert analyse_question(question).intent == intent
    died = race.ask("Y en a qui sont morts pendant la course ?")
    assert (died.lead or "").startswith("Non")
    assert any("No one died" in c.quote for c in died.citations)
    refunds = race.ask("Y en a qui ont été remboursés ?")
    assert (refunds.lead or "").startswith("Non")
    assert any("no refunds" in c.quote for c in refunds.citations)
    deaths = race.ask("anyone die when the heat hit?")
    assert (deaths.lead or "").startswith("No")
    assert any("No one died" in c.quote for c in deaths.citations)


CAMION = """Un camion de farine sort de la route près de Sarlac

Sarlac, jeudi 10 décembre 2026. Un camion de livraison a quitté la route départementale 31 mercredi à 6 h 40, au lieu-dit le Moulin-Brûlé, entre Sarlac et Vernon.

Le chauffeur, Paul Astruc, 58 ans, a été blessé aux jambes. Hospitalisé à Brive, il sera transféré à Limoges jeudi.

La cargaison, trente palettes de farine, a été récupérée dans l'après-midi par la minoterie qui l'avait expédiée.
"""


@pytest.fixture(scope="module")
def camion(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "camion-farine-2026.fr.txt", CAMION)


def test_a_where_lead_reads_a_named_locality_and_the_place_after_the_asked_verb(
    camion: Assistant,
) -> None:
    # « au lieu-dit le Moulin-Brûlé, entre Sarlac et Vernon »: the between places the locality
    # the lead names, it is no answer of its own
    for asked in (
        "Le camion est sorti de la route à quel endroit exactement ?",
        "where exactly did the lorry leave the road?",
    ):
        answer = camion.ask(asked)
        assert "Moulin-Brûlé" in (answer.lead or ""), answer.answer
        assert "Sarlac" not in (answer.lead or ""), answer.answer
    # « Hospitalisé à Brive, il sera TRANSFÉRÉ À Limoges »: the place after the asked verb, in
    # another form (« transférer »), not the first place of the sentence
    moved = camion.ask("Ils vont le transférer où, le chauffeur ?")
    assert "Limoges" in (moved.lead or "") and "Brive" not in (moved.lead or ""), moved.answer


def test_a_word_saying_exactly_what_time_is_no_concept_of_the_question(camion: Assistant) -> None:
    # « à quelle heure PILE ? », « … PRÉCISÉMENT ? »: "exactly", like « exactement »
    for asked in (
        "Le camion est sorti de la route à quelle heure pile ?",
        "Le camion est sorti de la route à quelle heure précisément ?",
    ):
        answer = camion.ask(asked)
        assert "6 h 40" in (answer.lead or ""), answer.answer


def test_a_where_question_is_answered_by_a_sentence_going_on_about_its_subject(
    camion: Assistant,
) -> None:
    # « Le CHAUFFEUR … a été blessé aux jambes. Hospitalisé à Brive, IL sera transféré … »: the
    # second sentence holds no word of the question, its pronoun stands for the driver
    for asked in ("Le chauffeur, il est soigné où ?", "where is the driver being treated?"):
        answer = camion.ask(asked)
        assert not answer.abstained, answer.answer
        assert "Brive" in (answer.lead or ""), answer.answer


FERRY = """Ferry passengers stranded for six hours at Wenmouth

Wenmouth, Tuesday 8 December 2026. Passengers of the Wenmouth ferry company waited up to six hours on Monday after a mooring line snapped as the morning crossing was boarding.

About 340 passengers were on the quay when the crossing was cancelled, and the company's passengers were kept in the terminal while engineers replaced the line.

Many passengers missed connecting trains, and some of the company's regular passengers said it was the third cancellation this autumn.

Its operations director, Helen Rusk, said the line had passed an inspection in October. The harbour authority has opened an inquiry into the mooring equipment used at the quay.

A voucher worth 40 pounds for a future crossing has been offered by the company to every traveller.
"""


@pytest.fixture(scope="module")
def ferry(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "ferry-delays-2026.en.txt", FERRY)


def test_a_what_question_is_answered_by_a_sentence_doing_what_it_asks(ferry: Assistant) -> None:
    # the best sentences hold the company and its passengers; the one that says what is OFFERED
    # holds the asked verb ("has been offered") and goes first
    answer = ferry.ask("what is the company offering the passengers?")
    assert not answer.abstained, answer.answer
    assert any("40 pounds" in c.quote for c in answer.citations), answer.answer


SCHOOL_FLOOD = """Flood keeps Harwick pupils out of their school

Harwick, Friday 11 December 2026. Harwick Primary School will stay closed until at least the spring after floodwater poured into its classrooms this week.

Of the 140 pupils on the school's roll, 35 are being taught in the church hall for now, and the rest travel by coach to a school in Ashby.

The school was built by the county council in 1974 and extended in 2011.

Parents said the coach journey added forty minutes to their children's day.
"""


@pytest.fixture(scope="module")
def school_flood(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "school-flood-2026.en.txt", SCHOOL_FLOOD)


def test_a_part_told_after_its_whole_is_the_count_asked(school_flood: Assistant) -> None:
    # "Of the 140 pupils …, 35 are being taught in the church hall": the part the question's
    # words go with, or the question asks a part of, not the whole
    for asked in (
        "how many kids are having lessons in the church hall?",
        "Combien des élèves ont cours dans la salle paroissiale ?",  # a part asked
    ):
        answer = school_flood.ask(asked)
        assert not answer.abstained, answer.answer
        assert "35" in (answer.lead or ""), answer.answer
        assert "140" not in (answer.lead or ""), answer.answer


BRIDGE_OPENING = """Le nouveau pont de Vaudreuil inauguré

Vaudreuil, lundi 14 septembre 2026. Des centaines d'habitants se sont pressés samedi 12 septembre sur les berges de la Sorne pour l'inauguration du nouveau pont, en présence du préfet.

L'ancien ouvrage, mis en service en 1958, avait été fermé en 2019 après l'apparition de fissures sur ses piles.

Le chantier a coûté 14 millions d'euros, financés par le département et la région.
"""


@pytest.fixture(scope="module")
def bridge_opening(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "pont-vaudreuil-2026.fr.txt", BRIDGE_OPENING)


def test_a_day_asked_is_a_date_with_its_day(bridge_opening: Assistant) -> None:
    # « quel JOUR » is « samedi 12 septembre », not a year the quotes give (1958, 2019)
    for asked in ("C'était quel jour, l'inauguration du pont ?", "What day was the bridge opened?"):
        answer = bridge_opening.ask(asked)
        assert not answer.abstained, answer.answer
        assert "12" in (answer.lead or ""), answer.answer


SHELL_FOUND = """Un obus découvert sur un chantier de Sarvelle

Sarvelle, mardi 10 novembre 2026. Un obus de la Première Guerre mondiale, le troisième retrouvé dans la commune depuis 2015, a été découvert lundi matin par des ouvriers sur un chantier de la rue des Tilleuls.

La rue a été fermée à la circulation pendant trois heures.

Les démineurs de la sécurité civile l'ont emporté dans l'après-midi pour le détruire.
"""


@pytest.fixture(scope="module")
def shell_found(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "obus-sarvelle-2026.fr.txt", SHELL_FOUND)


def test_a_first_time_asked_is_no_when_the_sentence_tells_it_happened_before(
    shell_found: Assistant,
) -> None:
    # « Un obus …, le TROISIÈME retrouvé dans la commune depuis 2015, … »: not the first time
    answer = shell_found.ask("C'est la première fois qu'on trouve un obus à Sarvelle ?")
    assert not answer.abstained, answer.answer
    assert (answer.lead or "").startswith("Non"), answer.answer


def test_a_denial_speaking_of_what_is_asked_answers_at_the_ordinary_closeness(
    canteen: Assistant,
) -> None:
    # "réa" ~ « réanimation » (0.70, short of a sure denial), and the best sentence, about the
    # children examined at the hospital, matches it less closely: the denial answers no
    answer = canteen.ask("Y a des gosses qui ont fini en réa ?")
    assert (answer.lead or "").startswith("Non")
    assert "Aucun enfant n'a été placé en réanimation" in _lead_quote(answer)


LORGNE = """Eau du robinet : l'interdiction de boire prolongée dans le Val de Lorgne

VAL DE LORGNE, mardi 17 novembre 2026 – L'interdiction de boire l'eau du robinet est prolongée d'au moins deux semaines dans le Val de Lorgne, a annoncé lundi la préfecture.

Depuis bientôt trois semaines, près de 4 200 habitants de la vallée ne peuvent plus boire l'eau du robinet, ni s'en servir pour cuisiner. Des analyses ont révélé des taux de métabolites de pesticides quatre fois supérieurs à la limite autorisée.

La mesure concerne quatre communes : Saint-Paul-des-Bois, Ferrières, Aubreuil et La Motte-sur-Lorgne. Des bouteilles d'eau sont distribuées chaque jour dans les salles des fêtes.

Le syndicat des eaux promet une nouvelle station de traitement pour l'été 2027. Son président, Gilles Marceau, estime son coût à 3,5 millions d'euros.
"""


@pytest.fixture(scope="module")
def lorgne(tmp_path_factory: pytest.TempPathFactory, e5) -> Assistant:  # type: ignore[no-untyped-def]
    return _written(tmp_path_factory, e5, "eau-val-de-lorgne-2026.fr.txt", LORGNE)


def test_a_list_question_is_answered_by_the_sentence_listing_the_asked_things(
    lorgne: Assistant,
) -> None:
    # The best sentence speaks of the ban and lists nothing; the one just below lists the
    # « communes », which "villages" matches across languages: it answers, and the lead
    # names them.
    answer = lorgne.ask("which villages are hit by the ban?")
    assert not answer.abstained
    assert "quatre communes" in _lead_quote(answer)
    assert "Saint-Paul-des-Bois" in (answer.lead or "") and "Aubreuil" in (answer.lead or "")
