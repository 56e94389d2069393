"""Typed facts read off quotes and rendered in the asker's language (no model, no index)."""

from __future__ import annotations

import pytest

from assistant.facts import (
    compared_numbers,
    country_name,
    dates,
    facts_of,
    holds,
    is_age,
    lead_line,
    original_label,
    people,
    place_named,
    quantities,
    render_date,
    render_quantity,
    unverified_claims,
)
from assistant.types import Citation, Fact
from assistant.understanding import analyse_question


def _cite(quote: str, n: int = 1) -> Citation:
    return Citation(n, f"c{n}", "article.txt", quote, 0, len(quote), True)


@pytest.mark.parametrize(
    ("written", "language", "rendered"),
    [
        ("du 24 au 27 novembre 2025", "en", "24 to 27 November 2025"),
        ("from 24 to 27 November 2025", "fr", "du 24 au 27 novembre 2025"),
        ("on 17 and 18 March", "fr", "17 et 18 mars"),
        ("June 13, 2026", "fr", "13 juin 2026"),
        ("le 6 mars 2023", "en", "6 March 2023"),
        ("dès janvier 2027", "en", "January 2027"),
        ("au XVe siècle", "en", "15th century"),
        ("in 1068", "fr", "1068"),
    ],
)
def test_dates_are_read_and_written_in_the_other_language(
    written: str, language: str, rendered: str
) -> None:
    parts, _ = dates(written)[0]
    assert render_date(parts, language) == rendered


@pytest.mark.parametrize(
    ("written", "language", "rendered"),
    [
        ("quarante-trois (43) réunions", "en", "43"),
        ("un montant de 3,2 millions d’euros", "en", "3.2 million euros"),
        ("endowed with €2.4 billion", "fr", "2,4 milliards d’euros"),
        ("€900 million", "fr", "900 millions d’euros"),
        ("1 850 habitants", "en", "1,850"),
        ("twenty-one teams", "fr", "21"),
        # thousands are written as the figure, not "24 thousand" nor « 3 mille »
        ("Vingt-quatre mille foyers", "en", "24,000"),
        ("three thousand pounds", "fr", "3\u202f000 livres"),
        ("2.5 thousand people", "en", "2,500"),
    ],
)
def test_numbers_keep_their_value_scale_and_currency(
    written: str, language: str, rendered: str
) -> None:
    assert render_quantity(quantities(written)[0], language) == rendered


def test_a_number_inside_a_date_or_an_article_is_not_a_quantity() -> None:
    assert quantities("du 24 au 27 novembre 2025, un pays") == []


def test_country_names_come_from_cldr_with_english_articles() -> None:
    assert country_name("BS", "en") == "the Bahamas"
    assert country_name("BS", "fr") == "Bahamas"
    assert country_name("NO", "fr") == "Norvège"


def test_people_are_names_not_institutions_and_keep_their_role() -> None:
    sentence = (
        "Hammouchi a également rencontré Tal Goldstein, membre du comité exécutif du Forum "
        "économique mondial, et des responsables des Nations Unies."
    )
    assert people(sentence) == [
        ("Tal Goldstein", "membre du comité exécutif du Forum économique mondial")
    ]


def test_english_list_question_gets_cldr_names_in_quote_order() -> None:
    quote = (
        "Des partenariats avec des responsables du Chili, d’Argentine, des Bahamas ont été abordés."
    )
    analysis = analyse_question("Which Latin American countries were involved?")
    facts = facts_of(analysis, "list", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["Chile", "Argentina", "the Bahamas"]
    assert lead_line(facts, "en", "fr") == (
        "According to the article: Chile, Argentina, and the Bahamas [1]."
    )
    assert all(holds(f, [_cite(quote)]) for f in facts)


def test_french_question_on_an_english_quote_gets_french_facts() -> None:
    quote = (
        "The European Investment Bank (EIB) will provide €900 million, the African Development "
        "Bank (AfDB) €400 million."
    )
    analysis = analyse_question("Combien la Banque africaine de développement apporte-t-elle ?")
    facts = facts_of(analysis, "count", [_cite(quote)], "fr", "en")
    assert [f.rendering for f in facts] == ["400 millions d’euros"]
    assert facts[0].text == "€400 million"
    assert original_label("fr", "en") == "Texte original en anglais :"


def test_who_is_question_gets_the_role_quoted_when_languages_differ() -> None:
    quote = "Faisal Shehkar, chef de la police des Nations Unies."
    facts = facts_of(
        analyse_question("Who is Faisal Shehkar?"), "person", [_cite(quote)], "en", "fr"
    )
    assert [(f.type, f.rendering) for f in facts] == [
        ("role", "Faisal Shehkar, “chef de la police des Nations Unies”")
    ]
    assert holds(facts[0], [_cite(quote)])


def test_yes_no_states_the_country_the_question_names() -> None:
    quote = "Un accord de coopération avec la police fédérale éthiopienne."
    analysis = analyse_question("Did Morocco sign a deal with Ethiopia?")
    facts = facts_of(analysis, "yesno", [_cite(quote)], "en", "fr")
    assert lead_line(facts, "en", "fr") == "Yes — Ethiopia [1]."


def test_no_fact_means_a_plain_pointer_to_the_quote() -> None:
    facts = facts_of(
        analyse_question("Why does it matter?"), "other", [_cite("Parce que.")], "en", "fr"
    )
    assert facts == []
    assert "original French" in lead_line(facts, "en", "fr")
    assert lead_line(facts, "fr", "fr") == "D’après l’article :"


@pytest.mark.parametrize(
    "fact",
    [
        Fact("number", "quarante-trois (43)", "44 meetings", 1),
        Fact("date", "du 24 au 27 novembre 2025", "24 to 28 November 2025", 1),
        Fact("country", "Chili", "Chad", 1),
        Fact("person", "Tal Goldstein", "Tal Goldstone", 1),
        Fact("number", "quarante-trois (43)", "43", 2),  # cites a quote that is not there
        Fact("place", "Rabat", "Rabat", 1),  # not in the quote
    ],
)
def test_holds_rejects_a_fact_its_quote_does_not_state(fact: Fact) -> None:
    quote = (
        "Du 24 au 27 novembre 2025, Hammouchi a tenu quarante-trois (43) réunions avec le Chili "
        "et Tal Goldstein."
    )
    assert not holds(fact, [_cite(quote)])


def test_an_llm_answer_with_a_figure_or_name_in_no_quote_is_flagged() -> None:
    quotes = [_cite("Hammouchi a tenu quarante-trois (43) réunions du 24 au 27 novembre 2025.")]
    faithful = "Hammouchi held 43 meetings from 24 to 27 November 2025 [1]."
    assert unverified_claims(faithful, quotes) == []
    invented = "He held 45 meetings with Germany on 3 December 2024, with Karim Benzema [1]."
    assert unverified_claims(invented, quotes) == [
        "3 December 2024",
        "45",
        "Germany",
        "Karim Benzema",
    ]


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("How many firms worked on the site?", "firms"),
        ("How many craftsmen took part in the works?", "craftsmen"),
        ("How many stained glass windows did they make?", "stained glass windows"),
        ("How many carved capitals were restored?", "carved capitals"),
        ("How many people live there?", "people"),
        ("Combien d’habitants compte le village ?", "habitants"),
        ("Combien d’ingénieurs seront formés ?", "ingénieurs"),
        ("Combien de villes pilotes le fonds aidera-t-il ?", "villes pilotes"),
    ],
)
def test_the_counted_phrase_stops_before_the_verb(question: str, phrase: str) -> None:
    from assistant.facts import asked_phrase

    assert asked_phrase(question) == phrase


def test_the_number_the_answerer_chose_is_the_one_the_lead_states() -> None:
    quote = "Il a coordonné le travail de 11 entreprises et de 27 artisans."
    citation = Citation(1, "c1", "article.txt", quote, 100, 100 + len(quote), True)
    analysis = analyse_question("How many craftsmen worked on the site?")
    at = 100 + quote.index("27")
    facts = facts_of(analysis, "count", [citation], "en", "fr", value_at=at, value_named=True)
    assert [f.rendering for f in facts] == ["27 craftsmen"]
    # chosen, but not matched closely enough to be named with the asker's noun: the article's
    facts = facts_of(analysis, "count", [citation], "en", "fr", value_at=at)
    assert [f.rendering for f in facts] == ["27 (“artisans”)"]
    # Without it, the first number among equals is stated, with the noun it counts (not the
    # asker's: nothing says it counts craftsmen).
    assert facts_of(analysis, "count", [citation], "en", "fr")[0].rendering == "11 (“entreprises”)"


def test_places_are_no_people_and_a_role_is_no_verb_or_plural() -> None:
    assert people("venus de l’abbaye de La Chaise-Dieu, l’abbaye Saint-Aubin connaît") == []
    assert people("l’abbaye Saint-Aubin de Vernières-sur-Alagnon rouvrira") == []
    assert people("Son président, Antoine Chabrier, a lancé une pétition.") == [
        ("Antoine Chabrier", "Son président")
    ]
    assert people("présidé par Henrike Vogel, les audioguides du musée, pour 18 000 euros") == [
        ("Henrike Vogel", "")
    ]


def test_a_scaled_count_keeps_its_noun_in_either_language() -> None:
    quote = "Together, these cities are home to about 68 million people."
    for question, language, rendering in [
        ("Combien de personnes vivent dans ces villes ?", "fr", "68 millions de personnes"),
        ("Combien d’habitants comptent ces villes ?", "fr", "68 millions d’habitants"),
        ("How many people live in these cities?", "en", "68 million people"),
    ]:
        at = quote.index("68")  # the number the answerer matched closely (across languages)
        analysis = analyse_question(question)
        cited = [_cite(quote)]
        facts = facts_of(analysis, "count", cited, language, "en", value_at=at, value_named=True)
        assert [f.rendering for f in facts] == [rendering]
        assert all(holds(f, [_cite(quote)]) for f in facts)


def test_a_name_placed_in_another_place_is_the_place_a_where_question_gets() -> None:
    quote = (
        "Lindenau, en Bavière (Allemagne), jumelle depuis 1996, a financé les audioguides du "
        "musée, pour 18 000 euros."
    )
    from dataclasses import replace

    analysis = replace(analyse_question("Which town paid for the audio guides?"), intent="where")
    facts = facts_of(analysis, "place", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["Lindenau"]
    # a sentence that merely opens on a capitalised word is no place
    facts = facts_of(analysis, "place", [_cite("Le musée, en 2024, a rouvert.")], "en", "fr")
    assert [f.rendering for f in facts] == []


def test_a_where_lead_is_the_place_said_after_the_questions_own_word() -> None:
    quote = (
        "L'immeuble appartient à la SCI Les Tanneurs, dont le gérant, Bernard Lhomond, 67 ans, "
        "vit à Lavernay."
    )
    question = "le proprio, il vit dans quelle ville ?"
    facts = facts_of(analyse_question(question), "place", [_cite(quote)], "fr", "fr")
    assert [f.rendering for f in facts] == ["Lavernay"]
    # asked otherwise, the first place the quote gives
    facts = facts_of(analyse_question("c'est où ?"), "place", [_cite(quote)], "fr", "fr")
    assert [f.rendering for f in facts] != ["Lavernay"]


def test_a_sum_answers_how_much_and_a_duration_keeps_its_unit() -> None:
    quote = "Lindenau a financé les audioguides du musée en trois langues, pour 18 000 euros."
    question = "How much did Lindenau pay for the audio guides?"
    facts = facts_of(analyse_question(question), "money", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["18,000 euros"]
    quote = "Les fouilles ont suspendu les travaux pendant cinq mois et coûté 280 000 euros."
    for question, language, rendering in [
        ("How long were the works suspended?", "en", "5 months"),
        ("Combien de temps les travaux ont-ils été suspendus ?", "fr", "5 mois"),
    ]:
        facts = facts_of(analyse_question(question), "duration", [_cite(quote)], language, "fr")
        assert [f.rendering for f in facts] == [rendering]
        assert all(holds(f, [_cite(quote)]) for f in facts)


def test_the_asker_s_noun_is_said_only_of_a_number_that_counts_it() -> None:
    quote = "L’église a une nef de 38 mètres et un chevet à trois absidioles."
    facts = facts_of(
        analyse_question("How many bells does the abbey have?"), "count", [_cite(quote)], "en", "fr"
    )
    # (a length counts no bells either: the number of a thing is shown, with its own noun)
    assert [f.rendering for f in facts] == ["3 (“absidioles”)"]
    quote = "Il a réuni 11 entreprises et 27 artisans."
    facts = facts_of(
        analyse_question("Combien d’entreprises ?"), "count", [_cite(quote)], "fr", "fr"
    )
    assert [f.rendering for f in facts] == ["11 entreprises"]


def test_the_asker_s_count_phrase_keeps_only_the_words_its_quote_holds() -> None:
    # « anciens » of the question is not in the quote: the lead does not state it.
    quote = "Les maîtres verriers, auteurs de 12 fenêtres contemporaines."
    for question, rendering in [
        ("Combien de fenêtres anciennes ?", "12 fenêtres"),
        ("Combien de fenêtres contemporaines ?", "12 fenêtres contemporaines"),
    ]:
        facts = facts_of(analyse_question(question), "count", [_cite(quote)], "fr", "fr")
        assert [f.rendering for f in facts] == [rendering]


def test_a_sum_among_equals_is_the_one_beside_the_question_s_very_word() -> None:
    # « régionale » shares the stem of "region"; « la Région » is the word itself.
    quote = (
        "La direction régionale du sport a versé 2,5 millions d’euros ; la Région Bretagne, "
        "600 000 euros ; la ville, 90 000 euros."
    )
    question = "How much did the region pay?"
    facts = facts_of(analyse_question(question), "money", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["600,000 euros"]


def test_a_size_is_the_sum_the_measure_or_the_count_the_quote_gives() -> None:
    from assistant.language import question_kind

    for question in ("How big is the port?", "Quelle est la taille du port ?", "How large was it?"):
        assert question_kind(question) == "size"
    for quote, rendering in [
        ("Le fonds portuaire est doté de 3 millions d’euros sur deux ans.", "3 million euros"),
        ("Le port s’étend sur 2 bassins et 900 mètres carrés.", "900 square metres"),
        ("Le port compte 40 quais.", "40 (“quais”)"),
    ]:
        analysis = analyse_question("How big is the port?")
        facts = facts_of(analysis, "size", [_cite(quote)], "en", "fr")
        assert [f.rendering for f in facts] == [rendering]
        assert all(holds(f, [_cite(quote)]) for f in facts)


def test_a_count_asked_of_an_earlier_time_is_the_number_compared_with() -> None:
    quote = "Le port compte désormais 6 quais et 900 mètres, contre 3 quais auparavant."
    for question, rendering in [
        ("Combien de quais le port avait-il auparavant ?", "3 quais"),
        ("Combien de quais le port compte-t-il désormais ?", "6 quais"),
    ]:
        facts = facts_of(analyse_question(question), "count", [_cite(quote)], "fr", "fr")
        assert [f.rendering for f in facts] == [rendering]
    # the number the answerer read, then the one compared with it
    quote = "Le port vise 9 000 visiteurs d’ici 2030, contre 4 000 avant les travaux."
    at = quote.index("9 000")
    question = "How many visitors came before the works?"
    facts = facts_of(
        analyse_question(question),
        "count",
        [_cite(quote)],
        "en",
        "fr",
        value_at=at,
        value_named=True,
    )
    assert [f.rendering for f in facts] == ["4,000 visitors"]


def test_a_count_is_not_answered_by_someones_age() -> None:
    quote = "Le directeur, Paul Martin, 58 ans, écope de 30 000 euros d'amende."
    analysis = analyse_question("Il a pris combien, le directeur ?")
    facts = facts_of(analysis, "count", [_cite(quote)], "fr", "fr")
    assert [f.rendering for f in facts] == ["30\u202f000 euros"]
    # an age still answers when it is all the quote gives
    only_age = facts_of(
        analysis, "count", [_cite("Paul Martin, 58 ans, dirige le site.")], "fr", "fr"
    )
    assert [f.text for f in only_age] == ["58"]
    older = "A 72-year-old woman and 3 friends"
    assert [f.text for f in facts_of(analysis, "count", [_cite(older)], "en", "en")] == ["3"]


def test_a_count_is_not_answered_by_a_share_unless_one_is_asked() -> None:
    quote = "Only 61% of the 1,850 patients were treated within 18 weeks."
    many = facts_of(analyse_question("How many patients?"), "count", [_cite(quote)], "en", "en")
    assert [f.text for f in many] == ["1,850"]
    took_part = analyse_question("How many runners took part?")
    quote_2 = "In all 6,400 runners took part and 78% finished."
    assert [f.text for f in facts_of(took_part, "count", [_cite(quote_2)], "en", "en")] == ["6,400"]
    share = analyse_question("What percentage of patients were treated in time?")
    assert [f.text for f in facts_of(share, "count", [_cite(quote)], "en", "en")] == ["61"]


def test_who_gives_how_much_states_each_sum_with_its_giver() -> None:
    quote = (
        "The Department of Health and Social Care provided £31.5 million, Ambershire County "
        "Council £6 million and the Wenlow Foundation £4 million."
    )
    analysis = analyse_question("Qui a mis la main au portefeuille, et combien chacun ?")
    facts = facts_of(analysis, "list", [_cite(quote)], "fr", "en")
    assert [f.rendering for f in facts] == [
        "31,5 millions de livres (Department of Health and Social Care)",
        "6 millions de livres (Ambershire County Council)",
        "4 millions de livres (Wenlow Foundation)",
    ]
    assert all(holds(f, [_cite(quote)]) for f in facts)
    # sums nobody gives are no answer to it
    cost = "The wing cost £46.2 million, against an initial estimate of £39 million."
    assert len(facts_of(analysis, "list", [_cite(cost)], "fr", "en")) < 2


def test_a_count_is_not_answered_by_the_number_it_is_compared_with() -> None:
    quote = "Les feux ont parcouru au total 3 240 hectares, contre 780 hectares l’été précédent."
    now = analyse_question("Ça a brûlé combien d'hectares en tout cet été ?")
    assert [f.text for f in facts_of(now, "count", [_cite(quote)], "fr", "fr")] == ["3 240"]
    before = analyse_question("Combien d'hectares avaient brûlé avant, l'été précédent ?")
    assert [f.text for f in facts_of(before, "count", [_cite(quote)], "fr", "fr")] == ["780"]


def test_a_role_before_a_name_follows_its_verb_and_a_ship_is_no_person() -> None:
    hurt = "The most seriously hurt was the deckhand, Ryan Coker, 23, who was pulled out."
    assert people(hurt) == [("Ryan Coker", "the deckhand")]
    assert people("The MV Carrow Belle, operated by the town, was late.") == []
    assert people("Dr Amina Bello, director at the bank, said so.") == [
        ("Dr Amina Bello", "director at the bank")
    ]


def test_a_person_the_question_names_by_first_name_is_not_its_answer() -> None:
    quote = "The most seriously hurt was the deckhand, Ryan Coker, 23, who was pulled out."
    analysis = analyse_question("who pulled Ryan out of the water?")
    facts = facts_of(analysis, "person", [_cite(quote)], "en", "en")
    assert [f.type for f in facts] == ["role"]  # who Ryan is, not Ryan as the one who did it


def test_the_number_compared_with_may_be_todays() -> None:
    earlier_first = "L'épisode de juin 2013 avait touché 120 hectares, contre 640 cette année."
    assert compared_numbers(earlier_first) == (640.0, 120.0)
    today_first = "The ferry carried 512,000 passengers in 2025, against 588,000 the year before."
    assert compared_numbers(today_first) == (512000.0, 588000.0)


def test_a_list_of_noun_phrases_is_stated_item_by_item() -> None:
    quote = (
        "Le mardi 25 août, une réunion a rassemblé la sous-préfecture, la chambre "
        "d'agriculture, le conseil régional et la cave coopérative."
    )
    analysis = analyse_question("Qui était à la réunion, quels organismes ?")
    from dataclasses import replace

    bodies = [
        "la sous-préfecture",
        "la chambre d'agriculture",
        "le conseil régional",
        "la cave coopérative",
    ]
    facts = facts_of(replace(analysis, intent="list"), "list", [_cite(quote)], "fr", "fr")
    assert [f.rendering for f in facts] == bodies
    # and for a who-question, bodies named with common nouns are who
    who = analyse_question("Y avait qui autour de la table pour la réunion ?")
    assert [f.rendering for f in facts_of(who, "person", [_cite(quote)], "fr", "fr")] == bodies


def test_a_place_said_with_a_common_noun_is_the_where_answer() -> None:
    from dataclasses import replace

    analysis = replace(analyse_question("where is the weather station?"), intent="where")
    quote = "La station installée sur le toit de la cave coopérative a relevé 38 millimètres."
    facts = facts_of(analysis, "place", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["“sur le toit de la cave coopérative”"]
    assert holds(facts[0], [_cite(quote)])  # quoted, it is still the quote's words
    # a preposition is a word: « au » is not the start of « audioguides »
    quote = "Le comité a financé les audioguides du musée."
    assert facts_of(analysis, "place", [_cite(quote)], "en", "fr") == []
    # a time is no place
    quote = "Au début de la nuit, la grêle est tombée."
    assert facts_of(analysis, "place", [_cite(quote)], "en", "fr") == []


def test_an_age_is_told_apart_from_a_count() -> None:
    quote = "« Je n'ai jamais vu ça », confie la vigneronne de 38 ans, installée depuis 2014."
    at = quote.index("38")
    assert is_age(quote, at, at + 2)
    counted = "Au total, 38 exploitations sont sinistrées."
    assert not is_age(counted, counted.index("38"), counted.index("38") + 2)
    # « conductrice depuis 12 ans, »: years lasted, not an age
    lasted = "Nadia Berthier, conductrice depuis 12 ans, a rejoint le mouvement."
    assert not is_age(lasted, lasted.index("12"), lasted.index("12") + 2)


def test_items_listed_after_a_colon_one_per_semicolon_are_each_named() -> None:
    from dataclasses import replace

    quote = (
        "Au total, 41 concerts ont été programmés sur quatre scènes : la scène du Parc, "
        "installée au pied du château ; le Théâtre des Carmes, une salle de 600 places ; la "
        "place du Marché ; et le Kiosque des bords du Lot, réservé aux jeunes."
    )
    analysis = replace(analyse_question("Ça se passait sur quelles scènes ?"), intent="list")
    facts = facts_of(analysis, "list", [_cite(quote)], "fr", "fr")
    assert [f.rendering for f in facts] == [
        "la scène du Parc",
        "le Théâtre des Carmes",
        "la place du Marché",
        "le Kiosque des bords du Lot",
    ]


def test_items_listed_after_a_colon_in_a_later_quote_are_named() -> None:
    first = "The firm wants to convert the pub into two houses and build four more."
    listing = (
        "Its plan sets out four uses for the building: a bar and restaurant, a small village "
        "shop, a post office counter two mornings a week, and a community room for clubs."
    )
    analysis = analyse_question("à part le bar, ils veulent mettre quoi d'autre dans le bâtiment ?")
    far = Citation(2, "c2", "article.txt", listing, 400, 400 + len(listing), True)
    facts = facts_of(analysis, "what", [_cite(first), far], "fr", "en")
    assert "« a small village shop »" in [f.rendering for f in facts]
    assert {f.n for f in facts} == {2}


def test_a_place_is_named_after_the_village_of_not_where_one_comes_from() -> None:
    detour = "Drivers now face a diversion through the village of Colbrook, 9 miles away."
    parked = "An ambulance waits in the car park of the Southmead community centre."
    analysis = analyse_question("so where do you have to drive round now?")
    facts = facts_of(analysis, "place", [_cite(detour), _cite(parked, 2)], "en", "en")
    assert [(f.text, f.n) for f in facts] == [("village of Colbrook", 1)]
    treated = (
        "Doreen Makepeace, 71, a retired teacher from the village of Thornby, flies every six "
        "weeks for treatment at the Port Alder Royal Infirmary."
    )
    analysis = analyse_question("where does the retired teacher get her treatment?")
    facts = facts_of(analysis, "place", [_cite(treated)], "en", "en")
    assert [f.text for f in facts] == ["Port Alder Royal Infirmary"]


def test_a_period_over_two_months_is_given_by_both_its_ends() -> None:
    held = "L'enquête publique s'est déroulée du 7 septembre au 9 octobre 2026."
    asked = analyse_question("L'enquête publique a eu lieu à quelles dates ?")
    facts = facts_of(asked, "date", [_cite(held)], "fr", "fr")
    assert [f.rendering for f in facts] == ["du 7 septembre au 9 octobre 2026"]
    ran = "The consultation ran from 3 November 2025 to 26 January 2026 and drew 9,847 replies."
    asked = analyse_question("La concertation, elle s'est tenue sur quelle période ?")
    facts = facts_of(asked, "date", [_cite(ran)], "fr", "en")
    assert [f.rendering for f in facts] == ["du 3 novembre 2025 au 26 janvier 2026"]
    # its start, when asked; a date moved is no period
    asked = analyse_question("When did the consultation start?")
    assert [f.rendering for f in facts_of(asked, "date", [_cite(ran)], "en", "en")] == [
        "3 November 2025"
    ]
    moved = "The vote was moved from 3 November 2025 to 26 January 2026."
    asked = analyse_question("When was the vote?")
    facts = facts_of(asked, "date", [_cite(moved)], "en", "en")
    assert "to" not in facts[0].rendering


def test_a_clause_after_a_name_is_no_role() -> None:
    led = "The inquiry, led by Captain Alan Pryce, visibility had dropped to 150 metres."
    assert people(led) == [("Captain Alan Pryce", "")]


def test_a_total_asked_is_the_number_said_to_be_the_total() -> None:
    quote = (
        "L'entreprise est condamnée à une amende de 450 000 euros, dont 150 000 euros avec "
        "sursis, et devra verser au total 1,3 million d'euros de dommages et intérêts."
    )
    altogether = analyse_question("How much does the company have to pay out altogether?")
    facts = facts_of(altogether, "money", [_cite(quote)], "en", "fr")
    assert [f.rendering for f in facts] == ["1.3 million euros"]
    fine = analyse_question("How much is the fine?")
    assert [f.rendering for f in facts_of(fine, "money", [_cite(quote)], "en", "fr")] == [
        "450,000 euros"
    ]


def test_a_role_before_a_name_may_open_a_clause_or_be_a_verbs_object() -> None:
    opening = "Dès le vendredi 6 mars, la maire, Nadège Ferrier, a suspendu le contrat."
    assert people(opening) == [("Nadège Ferrier", "la maire")]
    shared = "The two schools have shared an executive headteacher, Sarah Okafor, since 2022."
    assert people(shared) == [("Sarah Okafor", "an executive headteacher")]
    # a building's name is no person
    assert people("she said after the vote, on the steps of County Hall.") == []


def test_a_firms_name_is_no_place() -> None:
    quote = "Les repas étaient tous préparés par la cuisine centrale de la société Restaurelia."
    assert place_named("where was the food cooked?", quote, frozenset()) == ""
    located = "La cuisine centrale est située à Vabres-sur-Dourne."
    assert place_named("where was the food cooked?", located, frozenset()) == "Vabres-sur-Dourne"


def _items(
    question: str, quotes: list[Citation], asker: str, quoted: str, intent: str
) -> list[str]:
    """The lead's renderings for a question read with the given intent, each held."""
    from dataclasses import replace

    analysis = replace(analyse_question(question), intent=intent)
    kind = {"list": "list", "who": "person"}.get(intent, "other")
    facts = facts_of(analysis, kind, quotes, asker, quoted)
    assert all(holds(f, quotes) for f in facts)  # quoted or not, each is the quote's words
    return [f.rendering for f in facts]


_MENU = (
    "Le menu comprenait une salade de carottes râpées, un émincé de volaille à la crème, un "
    "fromage blanc et une mousse au chocolat."
)
# French « a » is a verb, not an article; a short name in brackets goes; an item may be a name
# without an article
_BODIES = (
    "L'enquête a été menée par l'agence régionale de santé (ARS), la direction départementale "
    "de la protection des populations (DDPP), Santé publique France et le laboratoire "
    "départemental."
)
_PHASES = (
    "The system will be installed in three phases: motion sensors in every gallery, a second "
    "alarm line to the police station and laminated glass on all display cases."
)
# three noun phrases, inside the relative clause that holds them, answer "who are …"
_GROUP = "the safety group, which includes the police, the ambulance service and the council."


@pytest.mark.parametrize(
    ("question", "quote", "asker", "quoted", "intent", "expected"),
    [
        (
            "Qu'est-ce qu'il y avait au menu ?",
            _MENU,
            "fr",
            "fr",
            "list",
            [
                "une salade de carottes râpées",
                "un émincé de volaille à la crème",
                "un fromage blanc",
                "une mousse au chocolat",
            ],
        ),
        (
            "Which bodies ran the inquiry?",
            _BODIES,
            "en",
            "fr",
            "list",
            [
                "“l'agence régionale de santé”",
                "“la direction départementale de la protection des populations”",
                "“Santé publique France”",
                "“le laboratoire départemental”",
            ],
        ),
        (
            "What will the new system include?",
            _PHASES,
            "en",
            "en",
            "what",
            [
                "motion sensors in every gallery",
                "a second alarm line to the police station",
                "laminated glass on all display cases",
            ],
        ),
        (
            "Who are the members of the group?",
            _GROUP,
            "en",
            "en",
            "who",
            ["the police", "the ambulance service", "the council"],
        ),
    ],
)
def test_a_lead_lists_the_items_a_quote_enumerates(
    question: str, quote: str, asker: str, quoted: str, intent: str, expected: list[str]
) -> None:
    assert _items(question, [_cite(quote)], asker, quoted, intent) == expected


def test_a_time_or_a_place_is_read_first_in_the_best_quote() -> None:
    from dataclasses import replace

    first = _cite("The race was due to start at 9 a.m. on Castle Street.", 1)
    best = Citation(2, "c2", "article.txt", "The decision was made at 5:45 a.m.", 60, 94, True)
    when = replace(analyse_question("What time did they decide?"), intent="when")
    facts = facts_of(when, "date", [first, best], "en", "en", value_at=best.start)
    assert [f.text for f in facts] == ["5:45 a.m."]
    assert [f.text for f in facts_of(when, "date", [first, best], "en", "en")] == ["9 a.m."]


def test_list_items_opening_on_an_article_give_their_noun_phrase() -> None:
    lead_in = Citation(1, "c1", "article.txt", "It houses:", 0, 10, True)
    unit = Citation(2, "c2", "article.txt", "a day-surgery unit with five theatres;", 11, 49, True)
    ward = Citation(3, "c3", "article.txt", "Linden Ward, a 28-bed ward;", 50, 77, True)
    inside = _items("Qu'y a-t-il dans l'aile ?", [lead_in, unit, ward], "fr", "en", "list")
    assert inside == ["« a day-surgery unit »", "Linden Ward"]  # quoted across languages


def test_a_time_changed_is_answered_by_the_new_one_unless_the_old_is_asked() -> None:
    from dataclasses import replace

    moved = _cite("They brought the start forward by half an hour, from 9 a.m. to 8:30 a.m.")
    now = replace(analyse_question("Finalement le départ, c'était à quelle heure ?"), intent="when")
    assert [f.rendering for f in facts_of(now, "date", [moved], "fr", "en")] == ["8 h 30"]
    before = replace(analyse_question("What time was the start originally?"), intent="when")
    assert [f.text for f in facts_of(before, "date", [moved], "en", "en")] == ["9 a.m."]
    # a range is no change
    hours = _cite("Les trams circulent de 5 h 30 à 0 h 30.")
    assert [f.text for f in facts_of(now, "date", [hours], "fr", "fr")] == ["5 h 30"]


def test_a_number_counting_a_part_of_something_said_before_shows_no_noun() -> None:
    asked = analyse_question("How many kids were kept in overnight?")
    kept = _cite("Dans la soirée, 9 d'entre eux ont été gardés une nuit en observation.")
    assert [f.rendering for f in facts_of(asked, "count", [kept], "en", "fr")] == ["9"]
    hail = _cite("Au total, 640 hectares ont été touchés.")
    assert [f.rendering for f in facts_of(asked, "count", [hail], "en", "fr")] == [
        "640 (“hectares”)"
    ]


@pytest.mark.parametrize(
    ("question", "quote", "expected"),
    [
        # the place noun before the name, or after it, makes the place a reader looks for
        (
            "Where are the strikers?",
            "Ils se relaient autour d'un brasero, rue des Moulins.",
            "rue des Moulins",
        ),
        (
            "D'où partent les navettes ?",
            "Free buses will run from Brackenford railway station every 10 minutes.",
            "Brackenford railway station",
        ),
        (
            "Ils se sont réunis où ?",
            "Ils étaient 400 devant la mairie, place du Foirail.",
            "place du Foirail",
        ),
        # the name the question states is not the answer, though its place phrase is
        (
            "D'où part le bus de Selcote ?",
            "The minibus leaves Selcote village green at 8.10am.",
            "Selcote village green",
        ),
        # a place said with a common noun keeps its preposition; a season is no place
        (
            "where's the clock going?",
            "Demolition starts in the summer of 2028; the clock will be put up in the park.",
            "in the park",
        ),
        # a name without a place noun stays the name
        ("Where did they meet?", "They met in Lisbon, on 17 March.", "Lisbon"),
        # the noun before its article and name, or right before the name (not a heading's
        # next line)
        (
            "Elle est où, la boulangerie ?",
            "Dans la rue des Cordiers, Mireille Fabre a dû fermer sa terrasse.",
            "rue des Cordiers",
        ),
        (
            "which street went up in flames?",
            "47 conteneurs ont pris feu rue Pasteur, dans le quartier des Tanneurs.",
            "rue Pasteur",
        ),
        (
            "Where is the abbey?",
            "L'abbaye rouvre son musée\n\nUne renaissance pour l'abbaye de Vernières.",
            "Vernières",
        ),
        # the place the place noun the question names makes, before the first one
        (
            "Le dépôt sur le port fluvial, il est dans quelle commune ?",
            "Ils ont bloqué les dépôts – à Bréville, au Vernet et sur le port fluvial de "
            "Saint-Jory.",
            "port fluvial de Saint-Jory",
        ),
        # where someone comes from, asked so; not a bus going "to and from" a village
        (
            "Elle vient d'où, la dame ?",
            "Janet Moss, 71, from Saxby Marsh, cares for her husband, who has Parkinson's.",
            "Saxby Marsh",
        ),
    ],
)
def test_a_where_lead_gives_the_place_phrase_its_place_noun_makes(
    question: str, quote: str, expected: str
) -> None:
    from dataclasses import replace

    analysis = replace(analyse_question(question), intent="where")
    language = "fr" if "'" in question or "où" in question else "en"
    facts = facts_of(analysis, "place", [_cite(quote)], language, language)
    assert [f.text for f in facts] == [expected]
    assert holds(facts[0], [_cite(quote)])


def test_a_where_lead_gives_the_places_coordinated_with_the_first() -> None:
    from dataclasses import replace

    def places(question: str, quote: str, language: str) -> list[str]:
        analysis = replace(analyse_question(question), intent="where")
        facts = facts_of(analysis, "place", [_cite(quote)], language, language)
        assert all(holds(f, [_cite(quote)]) for f in facts)
        return [f.text for f in facts]

    doctors = (
        "Les quatre généralistes recrutés viennent de Lille, de Bruxelles, de Bucarest et du "
        "centre hospitalier de Ternac."
    )
    assert places("Ils travaillaient où avant ?", doctors, "fr") == [
        "Lille",
        "Bruxelles",
        "Bucarest",
        "centre hospitalier de Ternac",
    ]
    stalled = "Estate agents in Kingsford and Dunmere say some house sales have stalled."
    assert places("where have house sales stalled?", stalled, "en") == ["Kingsford", "Dunmere"]
    # a name after a comma that no "and" closes is no place of the list
    named = "The pool in Harnham, Councillor Ruth Dale said, will reopen in May."
    assert places("where will the pool reopen?", named, "en") == ["Harnham"]


def test_a_body_named_with_a_possessive_is_no_person() -> None:
    quote = "Brackenford District Council's planning committee approved it, said Nadia Okafor."
    assert [name for name, _ in people(quote)] == ["Nadia Okafor"]
    trust = "The Brackenford Town Supporters' Trust surveyed its members."
    assert people(trust) == []


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which hospital were the injured taken to?", "where"),
        ("On a emmené les blessés dans quel hôpital ?", "where"),
        ("Dans quelle salle a eu lieu le concert ?", "where"),
        # a plural asks for a list; « place » names other things too
        ("Quelles communes ont été touchées ?", "list"),
        ("Quelle place occupe le Maroc dans le classement ?", "what"),
    ],
)
def test_a_kind_of_place_asked_with_which_asks_where(question: str, intent: str) -> None:
    assert analyse_question(question).intent == intent


def test_a_place_taken_to_is_a_place_but_a_person_spoken_to_is_not() -> None:
    from dataclasses import replace

    analysis = replace(analyse_question("Which hospital were they taken to?"), intent="where")
    taken = "Nine were taken to Tamsford Royal Infirmary."
    assert [f.text for f in facts_of(analysis, "place", [_cite(taken)], "en", "en")] == [
        "Tamsford Royal Infirmary"
    ]
    spoken = "She spoke to Margaret Oakes after the meeting."
    assert place_named("Where did she go?", spoken, frozenset()) == ""


def test_a_no_holds_in_a_quote_that_refuses_what_was_asked() -> None:
    quote = "La présidente a refusé de recourir à la réquisition des grévistes."
    no = Fact("answer", "No", "No", 1)
    assert holds(no, [_cite(quote)])
    assert not holds(no, [_cite("La présidente a recouru à la réquisition des grévistes.")])


def test_a_name_with_an_age_is_a_person_and_a_firm_joined_by_an_ampersand_is_not() -> None:
    student = "Jordan Pike, 17, a student at Harcastle College who takes the 40 home, said so."
    assert people(student) == [("Jordan Pike", "a student at Harcastle College")]
    assert people("Pennwick & District Buses, which runs the buses, will cut nine routes.") == []
    assert people("Marie Dupont, a lancé une pétition.") == [("Marie Dupont", "")]
    assert people("Ann Lee, a former nurse, said the ward was closing.") == [
        ("Ann Lee", "a former nurse")
    ]


def test_the_words_a_number_counts_are_not_said_of_the_next_number() -> None:
    # "CDI" counts with 1 150 (« 1 150 salariés en CDI »), not with the 90 after the comma
    quote = (
        "Le site emploie aujourd'hui 1 150 salariés en CDI, auxquels s'ajoutent environ "
        "90 intérimaires."
    )
    analysis = analyse_question("ils sont combien à bosser là-bas en CDI ?")
    facts = facts_of(analysis, "count", [_cite(quote)], "fr", "fr")
    assert [f.text for f in facts] == ["1 150"]


def test_a_number_the_question_states_is_not_its_count() -> None:
    # "How many employees do the THREE town halls have?" of « Les trois mairies emploient … »
    quote = "Les trois mairies emploient au total sept agents, dont deux secrétaires."
    analysis = analyse_question("How many employees do the three town halls have between them?")
    facts = facts_of(analysis, "count", [_cite(quote)], "en", "fr")
    assert facts and facts[0].rendering.startswith("7"), facts


def test_a_what_question_asking_several_things_gives_the_items_a_quote_coordinates() -> None:
    quote = "Their symptoms included diarrhoea, vomiting, stomach cramps and ear infections."
    listed = ["diarrhoea", "vomiting", "stomach cramps", "ear infections"]
    for question in ("what symptoms were people getting?", "what are the symptoms?"):
        facts = facts_of(analyse_question(question), "other", [_cite(quote)], "en", "en")
        assert [f.text for f in facts] == listed, question
    # a thing asked in the singular is no list
    asked = "what was the worst symptom?"
    facts = facts_of(analyse_question(asked), "other", [_cite(quote)], "en", "en")
    assert [f.text for f in facts] != listed


def test_items_of_a_word_or_two_need_no_lead_in_and_a_clause_may_follow_them() -> None:
    from assistant.facts import _coordination

    # no word leads in to the items ("closed the reservoir TO swimming"), and ", and its
    # scientists took samples" joins a clause to the list, not an item
    quote = (
        "The water company closed the reservoir to swimming, sailing, paddleboarding, kayaking "
        "and fishing on Monday, and its scientists took samples at seven points that morning."
    )
    question = "which activities on the water got banned?"
    facts = facts_of(analyse_question(question), "other", [_cite(quote)], "en", "en")
    assert [f.text for f in facts][:4] == ["swimming", "sailing", "paddleboarding", "kayaking"]
    assert facts[-1].text.startswith("fishing")
    # items opening unlike the last are not read that way: « Fièvre très élevée, toux, …, et
    # des antibiotiques … » lists no "élevée"
    symptoms = (
        "« Fièvre très élevée, toux, difficultés respiratoires, et des antibiotiques classiques "
        "qui ne faisaient aucun effet."
    )
    assert _coordination(symptoms, led_in=False) == []


def test_the_filing_date_and_what_comes_after_it() -> None:
    from assistant.facts import DateParts, comes_after, filing_date

    text = "Guards strike\n\nVAULNAY, Friday 20 November 2026 – Three days after the raid, …"
    filed = filing_date(text)
    assert filed == DateParts((20,), 11, 2026)
    assert filing_date("A story with no date in its opening lines.") is None
    assert comes_after(DateParts((1,), 12), filed) is True  # of the filing year
    assert comes_after(DateParts((9,), 2, 2021), filed) is False
    assert comes_after(DateParts((17,), 11), filed) is False
    assert comes_after(DateParts(year=2027, period="spring"), filed) is True
    assert comes_after(DateParts(year=2026), filed) is None  # too coarse to tell
    # the filing days' own span is not after them
    assert comes_after(DateParts((18,), 3, 2026), DateParts((17, 18), 3, 2026)) is False
    # a dateline closed by a full stop; a first sentence's date is no dateline
    crane = "Crane collapse\n\nBrackenford, Thursday 19 November 2026. More than forty families …"
    assert filing_date(crane) == DateParts((19,), 11, 2026)
    opening = (
        "A first patient\nAt 7:30 a.m. on Monday 9 March 2026, the first patient was admitted."
    )
    assert filing_date(opening) is None


def test_a_dateline_closed_by_a_full_stop_tells_no_date() -> None:
    from assistant.facts import told_dates

    # "La rocade a été rouverte quel jour ?" is not answered by the day the story was filed
    assert told_dates("Thornleigh, Friday 13 November 2026.") == []
    assert told_dates("VAULNAY, Friday 20 November 2026 – Three days after the raid") == []
    assert len(told_dates("It reopened at 3.40pm on Thursday 12 November.")) == 1


def test_a_list_announcing_how_many_things_follow_its_colon_gives_them_all() -> None:
    from assistant.facts import _announced_items

    # items too long to be read as a plain comma list, which the count announced tells apart
    quote = (
        "The tenants' union is asking for three changes: a rent freeze for every flat on the "
        "estate until the repairs are finished, weekly inspections of the lifts, and a named "
        "officer at the housing office who answers complaints within five days."
    )
    analysis = analyse_question("Qu'est-ce que le syndicat des locataires réclame ?")
    facts = facts_of(analysis, "other", [_cite(quote)], "fr", "en")
    assert [f.text for f in facts] == [
        "a rent freeze",
        "weekly inspections of the lifts",
        "a named officer at the housing office",
    ]
    # « quatre » announced, four given after the semicolons, each up to its comma
    quote = (
        "Le collectif formule quatre demandes : la réouverture du guichet, au moins le matin ; "
        "un bus de rabattement vers la gare ; des tarifs réduits pour les retraités ; et la "
        "publication des comptes de la régie."
    )
    facts = facts_of(
        analyse_question("what does the group want?"), "other", [_cite(quote)], "en", "fr"
    )
    assert facts[0].text == "la réouverture du guichet"
    assert len(facts) == 4
    # a list of other things than those asked is not their list: which unions, not demands
    quote = (
        "L'intersyndicale, qui réunit le SGTC, la Fédération des Mineurs Unis et le syndicat "
        "Agents et Techniciens réunis, a posé trois conditions : le maintien des postes, une "
        "prime de départ et le remboursement des aides publiques."
    )
    assert _announced_items([_cite(quote)], concept="syndicats") == []
    assert len(_announced_items([_cite(quote)], concept="conditions")) == 3
    # a clause after the last item is none ("…, which uses the pool in winter"): four clubs
    # announced, three told apart by commas, so the plain reading stands
    quote = (
        "Four clubs train at the centre: the Otters Swimming Club, the Masters Swimming Club, "
        "the Dunmere and District Sub-Aqua Club and Pellingham Canoe Club, which uses the pool "
        "in winter."
    )
    facts = facts_of(
        analyse_question("Which clubs use the pool?"), "list", [_cite(quote)], "en", "en"
    )
    assert "which uses the pool in winter" not in " ".join(f.text for f in facts)


def test_countries_named_by_nationality_come_in_the_order_written() -> None:
    from assistant.facts import countries_in_order

    # not in the arbitrary order of a set, which changed from one run to the next
    sentence = "The talks brought together German, Italian, Spanish and Polish officers."
    assert countries_in_order(sentence) == ["DE", "IT", "ES", "PL"]
    assert countries_in_order("Avec la Norvège, puis des policiers chinois.") == ["NO", "CN"]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Quatre-vingt-cinq personnes y ont dormi", 85),  # four twenties and five, not 24
        ("quatre-vingts lits", 80),
        ("quatre-vingt-dix-neuf maisons", 99),
        ("soixante et onze maisons", 71),
        ("trente et un jours", 31),
        ("deux cents élèves", 200),
        ("cent vingt élèves", 120),
        ("two hundred and twelve people", 212),
        ("four hundred students", 400),
    ],
)
def test_numbers_in_words_are_read_whole(written: str, value: int) -> None:
    from assistant.entities import find_entities

    read = quantities(written)
    assert [q.value for q in read] == [value]
    assert written.startswith(written[read[0].start : read[0].end])
    assert find_entities(written).numbers == {str(value)}


def test_two_numbers_side_by_side_stay_two() -> None:
    assert [q.value for q in quantities("entre deux et trois heures")] == [2, 3]
    assert [q.value for q in quantities("two three-bedroom houses")] == [2, 3]
    # « mille » scales the number before it, as "thousand" does
    from assistant.entities import find_entities

    assert find_entities("Vingt-quatre mille foyers").numbers == {"24000"}


def test_a_duration_asked_is_the_one_said_with_the_questions_words() -> None:
    # « trois cents ans » is read whole now, and is a duration too: the one the question's
    # words go with answers
    quote = (
        "« On bâtit pour ceux qui viendront dans trois cents ans », résume Jeanne Morel, "
        "charpentière, qui a passé près de deux ans sur le chantier."
    )
    analysis = analyse_question("How long did Jeanne Morel spend on the chantier?")
    facts = facts_of(analysis, "duration", [_cite(quote)], "en", "fr")
    assert facts[0].rendering == "2 years"


def test_a_total_asked_is_the_number_told_as_one() -> None:
    quote = (
        "The station sent 22 firefighters to the blaze, and they were joined at dawn by nine "
        "crews from the next county, bringing the number of firefighters on site to 58."
    )
    analysis = analyse_question("Au final ils étaient combien de pompiers ?")
    assert facts_of(analysis, "count", [_cite(quote)], "fr", "en")[0].text == "58"
    quote = (
        "The developer plans to turn the old chapel into three flats and to build five more "
        "behind it, eight homes in total."
    )
    analysis = analyse_question("Le promoteur veut faire combien de logements en tout ?")
    assert facts_of(analysis, "count", [_cite(quote)], "fr", "en")[0].text == "eight"


def test_an_owner_asked_is_the_one_the_quote_says_owns_it() -> None:
    quotes = [
        _cite("The quarry's manager, Paul Dennet, said blasting would stop in March.", 1),
        _cite("The quarry is owned by Holloway Aggregates Ltd, a family firm.", 2),
    ]
    analysis = analyse_question("who actually owns the quarry?")
    assert facts_of(analysis, "person", quotes, "en", "en")[0].text == "Holloway Aggregates Ltd"
    quote = (
        "Le directeur, Marc Viel, a lu un texte du groupe Valdor, propriétaire du site depuis 2011."
    )
    analysis = analyse_question("À qui appartient le site ?")
    assert facts_of(analysis, "other", [_cite(quote)], "fr", "fr")[0].text == "Valdor"


def test_a_person_whose_role_holds_the_questions_words_goes_first() -> None:
    quotes = [
        _cite("Sa présidente, Nadia Roux, affirme que la mairie savait depuis mercredi.", 1),
        _cite("« Nous ne savions rien », répond Hugo Marin, directeur de cabinet du préfet.", 2),
    ]
    analysis = analyse_question("Qui a répondu côté préfet ?")
    assert facts_of(analysis, "person", quotes, "fr", "fr")[0].text == "Hugo Marin"


def test_places_coordinated_each_with_its_day_are_all_given() -> None:
    quote = (
        "Drop-in sessions will be held at Ashcombe Library on 3 March and at Kelby Village Hall "
        "on 10 March."
    )
    analysis = analyse_question("On peut aller poser nos questions où ?")
    facts = facts_of(analysis, "place", [_cite(quote)], "fr", "en")
    assert [f.text for f in facts] == ["Ashcombe Library", "Kelby Village Hall"]


def test_the_most_asked_is_the_number_told_as_the_most() -> None:
    quote = (
        "Soixante-dix personnes y ont dormi la première nuit, et jusqu'à 240 dans la nuit de "
        "samedi à dimanche, la plus froide."
    )
    analysis = analyse_question("What was the max number of people sleeping there in one night?")
    assert facts_of(analysis, "count", [_cite(quote)], "en", "fr")[0].text == "240"


def test_a_person_the_clause_after_their_name_ties_to_the_question_goes_first() -> None:
    quotes = [
        _cite("Mr Dale blamed the cost of training and the split shifts.", 1),
        _cite(
            '"We warned them," said Ruth Amos, who speaks for the cleaners as organiser of the '
            "Service Workers Union.",
            2,
        ),
    ]
    analysis = analyse_question("who's speaking for the cleaners' union?")
    assert facts_of(analysis, "person", quotes, "en", "en")[0].text == "Ruth Amos"
