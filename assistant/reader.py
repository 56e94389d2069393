"""Decisions by evidence: the premise check and the handlers of intents that need the whole article.

- Premise check: every place, name, number, year and month a question states must be in
  the article; and the sentence quoted must hold them too (with its section heading and the
  lead-in of its list). A question about Poland is never answered with a sentence about
  Norway; a wrong year is a false premise.
- Overview: the lead and the key sentence of the most telling sections, in article order.
- Structure: the title, the first or last paragraph, a section named by the question.
- Counting a list: "how many African countries are named?" counts the items of the list
  (`facts.count_items`).
- Impossible conditions: "the third day" of a two-day summit.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from assistant.chunking import split_sentences
from assistant.entities import (
    NAME_RUN,
    PROTAGONIST_PARAGRAPHS,
    Entities,
    find_entities,
    has_stem,
    in_decade,
    number_phrase,
    place_held,
    stems_of,
    territory_name,
)
from assistant.facts import dates, days_spanned, is_dateline, number_value, quantities
from assistant.language import detect_language
from assistant.text import QUOTATION, fold, without_quotes
from assistant.types import Passage
from assistant.understanding import QuestionAnalysis, tells_a_plan, tells_the_future

MAX_OVERVIEW = 4  # sentences in an overview (plus the title)
MMR_LAMBDA = 0.7  # centrality against novelty when an overview picks its sections


def missing_constraints(
    constraints: Entities, text: str, names: bool = True, regions: bool = True
) -> list[str]:
    """Keys of the question's constraints that `text` does not hold (empty when all hold).

    `names=False` leaves out proper names (a question in another language than the
    article may translate them); `regions=False` leaves out world regions ("Latin
    America" may be named as the Americas or by its countries).
    """
    found = find_entities(text)
    stems = stems_of(text)
    places = {c for c in constraints.places if regions or not c.isdigit()}
    missing = [f"place:{code}" for code in sorted(places) if not place_held(code, found.places)]
    if names:
        missing += [f"name:{n}" for n in sorted(constraints.names) if not has_stem(n, stems)]
    numbers = sorted(constraints.numbers - found.numbers - found.years)
    if numbers:
        numbers = [n for n in numbers if n not in _days_covered(text)]
    missing += [f"number:{n}" for n in numbers]
    missing += [
        f"year:{y}"
        for y in sorted(constraints.years - found.years)
        if not in_decade(y, found.years)  # « les années 90 » of « En 1998 »
    ]
    missing += [f"month:{m}" for m in sorted(constraints.months - found.months)]
    return missing


@lru_cache(maxsize=64)
def _days_covered(text: str) -> frozenset[str]:
    """The days of the month within the ranges of dates a text gives ("du 24 au 27 novembre"
    covers the 25th)."""
    covered: set[str] = set()
    for parts, _ in dates(text):
        if parts.joiner == "range" and len(parts.days) == 2:
            covered |= {str(day) for day in range(parts.days[0], parts.days[1] + 1)}
    return frozenset(covered)


PROTAGONIST_SHARE = 0.75


@lru_cache(maxsize=8)
def _most_named(text: str) -> int:
    """In how many paragraphs the article names the name it names most."""
    counts = Counter(n for p in text.split("\n") if p.strip() for n in find_entities(p).names)
    return max(counts.values(), default=0)


def topic_entities(constraints: Entities, text: str) -> Entities:
    """The constraints the article keeps naming (its protagonists): true of every sentence.

    "Did Morocco sign anything with Ethiopia?" on an article about Morocco's police: the
    agreement sentence names Ethiopia; Morocco is the subject of the whole article.
    """
    paragraphs = [p for p in text.split("\n") if p.strip()]

    def frequent(key: str) -> bool:
        kind, _, value = key.partition(":")
        if kind == "name":
            # Named as a name (capitalised), not a common word of the same stem ("pierre").
            named = [value in find_entities(p).names for p in paragraphs]
        else:
            single = Entities(places=frozenset([value]))
            named = [not missing_constraints(single, p) for p in paragraphs]
        # The headline names the subject too ("l'abbaye de Vernières", then « la commune »).
        headlined = bool(named) and named[0] and sum(named) >= 2
        # Named often, and about as often as the article's most named ("Wenlow", in five
        # paragraphs of an article naming the Elm Wing in seven, is no protagonist).
        leading = sum(named) >= PROTAGONIST_SHARE * _most_named(text)
        return headlined or (sum(named) >= PROTAGONIST_PARAGRAPHS and leading)

    countries = [f"place:{c}" for c in constraints.places if not c.isdigit()]  # not regions
    keys = countries + [f"name:{n}" for n in constraints.names]
    kept = [k for k in keys if frequent(k)]
    return Entities(
        places=frozenset(k[6:] for k in kept if k.startswith("place:")),
        names=frozenset(k[5:] for k in kept if k.startswith("name:")),
    )


@lru_cache(maxsize=8)
def word_rarity(text: str) -> Callable[[str], float]:
    """How rare a word is among the sentences of a text (its inverse sentence frequency, by
    stem; highest for a word the text never uses)."""
    sentences = _sentences(text)
    counts = Counter(stem for sentence in sentences for stem in stems_of(sentence))

    def rarity(word: str) -> float:
        found = [counts[stem] for stem in stems_of(word)]
        return math.log((len(sentences) + 1) / (1 + min(found, default=0)))

    return rarity


def only_to_come(constraints: Entities, text: str) -> list[str]:
    """Keys of the stated years, countries and names that every sentence of `text` holding
    them tells as to come ("fin 2029" of « pour s'achever fin 2029 », "Cape Town" of "The next
    summit will be held in Cape Town"): what a question about the past cannot ask of."""
    sentences = _sentences(text)
    keys = [f"year:{y}" for y in sorted(constraints.years)]
    keys += [f"place:{c}" for c in sorted(constraints.places) if not c.isdigit()]
    keys += [f"name:{n}" for n in sorted(constraints.names) if len(n) >= 4]  # not "cap"ital
    keys += [f"month:{m}" for m in sorted(constraints.months)]
    # A quotation keeps its speaker's tense, the rest the article's (« ceux qui viendront dans
    # trois cents ans », résume Mathieu Roussel: he is not to come).
    pieces = [p for s in sentences for p in (without_quotes(s), *QUOTATION.findall(s))]
    future = []
    for key in keys:
        kind, _, value = key.partition(":")
        single = Entities(
            places=frozenset([value]) if kind == "place" else frozenset(),
            names=frozenset([value]) if kind == "name" else frozenset(),
            years=frozenset([value]) if kind == "year" else frozenset(),
            months=frozenset([int(value)]) if kind == "month" else frozenset(),
        )
        holding = [p for p in pieces if not missing_constraints(single, p)]
        if holding and all(tells_the_future(p) or _planned(single, p) for p in holding):
            future.append(key)
    return future


def _planned(constraint: Entities, text: str) -> bool:
    """Whether the clause of a text holding a constraint says it is planned ("the cabinet would
    make a recommendation in October"; not "In October, the mayor said the road would …")."""
    return any(
        tells_a_plan(clause) and not missing_constraints(constraint, clause)
        for clause in re.split(r"[,;:]\s", text)
    )


@lru_cache(maxsize=8)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(
        line[start:end]
        for line in text.splitlines()
        for start, end in split_sentences(line)
        if line[start:end].strip()
    )


def without(constraints: Entities, dropped: Entities) -> Entities:
    """The constraints less some places and names."""
    return Entities(
        constraints.places - dropped.places,
        constraints.names - dropped.names,
        constraints.numbers,
        constraints.years,
        constraints.months,
    )


def constraint_label(key: str, question: str, language: str) -> str:
    """How to name a constraint to the asker: the question's own word where possible."""
    kind, _, value = key.partition(":")
    if kind == "place":
        return territory_name(value, language)
    if kind == "name":
        for word in re.findall(r"[\wÀ-ÿ'’-]+", question):
            if fold(word).strip("'’-").removeprefix("l'").removeprefix("d'").startswith(value):
                return word.strip("'’-")
        return value
    if kind == "month":
        from babel.dates import get_month_names

        return str(get_month_names("wide", locale=language)[int(value)])
    if kind == "number":
        return number_phrase(question, value) or value
    if kind == "year" and value.endswith("s") and language == "fr":
        return f"années {value[:-1]}"  # a decade: « années 1970 »
    return value


def constraint_labels(constraints: Entities, question: str, names: bool = True) -> tuple[str, ...]:
    """Every stated place, name (unless `names` is off), number and year, as the asker wrote it."""
    keys = [f"place:{c}" for c in sorted(constraints.places)]
    if names:
        keys += [f"name:{n}" for n in sorted(constraints.names)]
    keys += [f"number:{n}" for n in sorted(constraints.numbers)]
    keys += [f"year:{y}" for y in sorted(constraints.years)]
    language = detect_language(question)
    labels = [constraint_label(k, question, language) for k in keys]
    # "Tal Goldstein", not “Goldstein”, “Tal”; "African Development Bank", not “Africa”,
    # “Bank”, “Development”: the words of one name stay together, as the question writes them.
    for run in NAME_RUN.finditer(question):
        words = run.group(0).split()
        if run.start() == 0 and words[0] not in labels:
            words = words[1:]  # "Which Latin American …": the question's first word
        covered: list[str] = []
        for word in words:
            places = find_entities(word, names_from_capitals=False).places & constraints.places
            named = [territory_name(c, language) for c in places] if places else [word]
            if not all(n in labels for n in named):
                break
            covered += named
        else:
            if len(words) > 1:
                at = min(labels.index(w) for w in covered)
                labels = [w for w in labels if w not in covered]
                labels.insert(at, " ".join(words))
    return tuple(labels)


def overview_sentences(
    passages: Sequence[Passage],
    title: str,
    points: int = 0,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> list[tuple[Passage, int, int]]:
    """The headline, the lead, then the key sentence of the sections that say most, in order.

    With the sentences' embeddings, a section's key sentence is the one nearest the whole
    article's centroid, and sections are picked by maximal marginal relevance (central, and
    unlike those already picked); without them, each section's first sentence, spread evenly.
    """
    ordered = sorted(passages, key=lambda p: p.start)
    chosen: list[tuple[Passage, int, int]] = []
    if ordered and ordered[0].sentences:
        start, end = ordered[0].sentences[0]
        if fold(_text(ordered[0], start, end)) == fold(title):
            chosen.append((ordered[0], start, end))  # the headline says it first
    sections: dict[str, list[tuple[Passage, int, int, int]]] = {}
    for passage in ordered:
        rows = vectors.get(passage.chunk_id) if vectors else None
        for row, (start, end) in enumerate(passage.sentences):
            text = _text(passage, start, end)
            if _is_heading_like(text) or is_dateline(text) or (passage, start, end) in chosen:
                continue  # (a dateline tells where and when the story was filed, nothing else)
            usable = rows is not None and row < len(rows)
            sections.setdefault(passage.section, []).append(
                (passage, start, end, row if usable else -1)
            )
    if not sections:
        return chosen
    limit = points or MAX_OVERVIEW
    groups = list(sections.values())
    lead = groups[0][0]
    if vectors and all(row >= 0 for group in groups for *_, row in group):
        keys = _central_sentences(groups, vectors, limit - 1)
    else:
        keys = [group[0] for group in groups[1:]]
        if len(keys) > limit - 1:
            # Sections spread over the article down to its last one.
            step = len(keys) / (limit - 1) if limit > 1 else 0
            keys = [keys[min(len(keys) - 1, round((n + 1) * step) - 1)] for n in range(limit - 1)]
    picked = [lead, *sorted(keys, key=lambda k: k[1])]
    return chosen + [(p, start, end) for p, start, end, _ in picked[:limit]]


def _central_sentences(
    groups: Sequence[list[tuple[Passage, int, int, int]]],
    vectors: Mapping[str, np.ndarray],
    wanted: int,
) -> list[tuple[Passage, int, int, int]]:
    """One sentence per section after the first, nearest the centroid of the whole article,
    then `wanted` of those by maximal marginal relevance (Carbonell and Goldstein, 1998)."""

    def vector(item: tuple[Passage, int, int, int]) -> np.ndarray:
        return np.asarray(vectors[item[0].chunk_id][item[3]], dtype=np.float32)

    every = np.stack([vector(item) for group in groups for item in group]) if groups else None
    if every is None or wanted <= 0:
        return []
    centroid = every.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    keys = [max(group, key=lambda item: float(vector(item) @ centroid)) for group in groups[1:]]
    picked: list[tuple[Passage, int, int, int]] = []
    while keys and len(picked) < wanted:

        def relevance(item: tuple[Passage, int, int, int]) -> float:
            redundancy = max((float(vector(item) @ vector(p)) for p in picked), default=0.0)
            return MMR_LAMBDA * float(vector(item) @ centroid) - (1 - MMR_LAMBDA) * redundancy

        best = max(keys, key=relevance)
        picked.append(best)
        keys.remove(best)
    return picked


def _is_heading_like(text: str) -> bool:
    return text.rstrip()[-1:] not in '.!?…»"”)' and len(text) < 200


def structural_sentences(
    analysis: QuestionAnalysis, passages: Sequence[Passage], title: str
) -> list[tuple[Passage, int, int]]:
    """The sentences a structural reference points to (title, first/last paragraph, section)."""
    ordered = sorted(passages, key=lambda p: p.start)
    if not ordered:
        return []
    if analysis.structure == "title":
        first = ordered[0]
        for start, end in first.sentences:
            text = first.text[start - first.start : end - first.start]
            if fold(text) == fold(title) or _is_heading_like(text):
                return [(first, start, end)]
        return []
    if analysis.structure in {"first", "last"}:
        body = [
            p for p in ordered if any(not _is_heading_like(_text(p, s, e)) for s, e in p.sentences)
        ]
        if not body:
            return []
        passage = body[0] if analysis.structure == "first" else body[-1]
        return [
            (passage, s, e)
            for s, e in passage.sentences
            if not _is_heading_like(_text(passage, s, e))
        ]
    if analysis.structure == "section":
        wanted = analysis.constraints
        for passage in ordered:
            if passage.section and wanted and not missing_constraints(wanted, passage.section):
                return [
                    (passage, s, e)
                    for s, e in passage.sentences
                    if not _is_heading_like(_text(passage, s, e))
                ]
    return []


def _text(passage: Passage, start: int, end: int) -> str:
    return passage.text[start - passage.start : end - passage.start]


_PLACE_NAME = re.compile(
    # « in LES Mayons »: a French article written as part of the name is not the name
    r"\b(?:in|at|near|from|to|à|au|aux|en|près de|de|depuis|vers)\s+(?:(?-i:Le|La|Les)\s+)?"
    r"([A-ZÀ-Ý][\wÀ-ÿ'’-]+)",
    re.IGNORECASE,
)


def unheard_place_names(question: str, text: str) -> list[str]:
    """Names the question places something in or moves it to ("held in Rabat", « à Rabat »,
    "moved from Marrakech to Rabat") that no word of `text` begins like, even across
    languages (four letters: "Lisbon" meets "Lisbonne"), and no name of `text` shares the
    first three consonants of ("Bavaria" meets "Bavière", "Umbria" "Ombrie")."""
    words = {w[:4] for w in re.findall(r"[a-z]+", fold(text)) if len(w) >= 4}
    skeletons = {_skeleton(w) for w in re.findall(r"\b[A-ZÀ-Ý][\wÀ-ÿ-]{3,}", text)}
    unheard = []
    for match in _PLACE_NAME.finditer(question):
        name = match.group(1)
        if not name[0].isupper() or find_entities(name, names_from_capitals=False):
            continue  # a common word, or a country (checked by its CLDR code)
        if fold(name)[:4] not in words and _skeleton(name) not in skeletons:
            unheard.append(name)
    return unheard


def _skeleton(name: str) -> str:
    """The first three consonants of a name, doubled ones once ("Marrakech": "mrk")."""
    consonants = re.sub(r"[^a-z]|[aeiouy]", "", fold(name))
    return re.sub(r"(.)\1+", r"\1", consonants)[:3]


# Ordinal words not read off their number word ("third" is not "thre-th"); the others are.
_ORDINAL_WORDS = {
    "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12,
    "seconde": 2, "cinquieme": 5, "neuvieme": 9,
}  # fmt: skip  # "second"/« second » read as ordinals only before a noun they number
_ORDINAL = re.compile(
    r"\b(?:(\d{1,3})(?:st|nd|rd|th|e|eme|ieme)|("
    + "|".join(_ORDINAL_WORDS)
    + r"|[a-z-]+(?:th|ieme)))\b"
    r"((?:\s+(?:of the|des|of|d'|de|the|les)\s+)?)"
)


def _ordinal_value(word: str) -> int:
    """The rank a folded ordinal word gives: "third" 3, "twentieth" 20, « quinzième » 15 (read
    off its number word); 0 for a word that is none ("month", "growth")."""
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    for suffix, endings in (("ieth", ("y",)), ("th", ("",)), ("ieme", ("", "e"))):
        if word.endswith(suffix):
            for ending in endings:
                value = number_value(word[: -len(suffix)] + ending)
                if value:
                    return int(value)
    return 0


_NOUN_AFTER = re.compile(r"\s*(?:\d[\d\s]*\s+)?(?:[a-z'-]+\s+){0,1}?([a-z]{3,})")


def _count_stem(word: str) -> str:
    return word.rstrip("sx")[:5]


def impossible_ordinals(question: str, text: str) -> list[str]:
    """Ordinals of the question beyond the count the article (or the question) gives of the
    same thing: "the summit's third day" of a two-day summit, "the 44th of the 43 meetings".

    Compared in one language, by the word's stem; an article that uses the ordinal itself
    ("on the third day") is taken at its word.
    """
    folded_question = fold(question)
    counted, folded_text = _counts(text)
    found: list[str] = []
    for ordinal in ordinals(question):
        stem = _count_stem(ordinal.noun)
        if folded_question[ordinal.start : ordinal.end] in folded_text:
            continue
        # the count the question gives after the ordinal: "the 44th of THE 43 MEETINGS"
        stated = _counts(folded_question[ordinal.after :])[0].get(stem, 0)
        count = max(stated, counted.get(stem, 0))
        if count and ordinal.rank > count:
            found.append(question[ordinal.start : ordinal.end].strip())
    return found


class Ordinal(NamedTuple):
    """An ordinal of a question: its rank, the folded noun it ranks, where its phrase starts,
    where the ordinal word ends and where the phrase ends ("the fifth day": 5, 'day')."""

    rank: int
    noun: str
    start: int
    after: int
    end: int


def ordinals(question: str) -> list[Ordinal]:
    """The ordinals of a question from the second on."""
    folded_question = fold(question)
    found: list[Ordinal] = []
    for match in _ORDINAL.finditer(folded_question):
        rank = int(match.group(1)) if match.group(1) else _ordinal_value(match.group(2))
        noun = _NOUN_AFTER.match(folded_question[match.end() :])
        if rank < 2 or noun is None:
            continue
        if _count_stem(noun.group(1)) in {"siecl", "centu"}:
            continue  # "le 12e siècle" is a date, not the twelfth of something counted
        found.append(
            Ordinal(rank, noun.group(1), match.start(), match.end(), match.end() + noun.end())
        )
    return found


@lru_cache(maxsize=64)
def _counts(text: str) -> tuple[dict[str, float], str]:
    """The largest number counting each noun stem of a text, and the folded text."""
    folded = fold(text)
    largest: dict[str, float] = {}
    for quantity in quantities(folded):
        stem = _counted_stem(folded, quantity.end)
        if stem:
            largest[stem] = max(largest.get(stem, 0.0), quantity.value)
    # Days are counted by the ranges of dates too ("du 24 au 27 novembre": 4), in both languages.
    spanned = [days_spanned(line) for line in text.split("\n")]
    spans = [found[0] for found in spanned if found is not None]
    for stem in _DAY_STEMS if spans else ():
        largest[stem] = max(largest.get(stem, 0.0), float(max(spans)))
    return largest, folded


_DAY_STEMS = ("day", "jour", "journ")


def _counted_stem(text: str, end: int) -> str:
    """The stem of the noun a number counts ("two days", « 43 réunions bilatérales »)."""
    noun = re.match(r"\s*(?:\(\d+\)\s*)?([a-z]{3,})", text[end:])
    return _count_stem(noun.group(1)) if noun else ""
