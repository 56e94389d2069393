"""Typed facts of the quoted sentences, rendered in the asker's language for the lead line.

No translation model: a fact is read off a quoted sentence in a form that has one meaning in
both languages (a number, a date, a country by its CLDR code, a person's name as written)
and written out again with Babel in the question's language. A role or a phrase that has no
such form is quoted as written. Nothing is rendered that the quote does not hold; `holds`
checks that independently of how the fact was found.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.entities import (
    MONTHS,
    NAME_ARTICLES,
    NAME_RUN,
    NAME_STEM,
    WEEKDAYS,
    WORD_VALUES,
    WORDS_OF_A_NUMBER,
    capitalised_stems,
    demonym_place,
    find_entities,
    named_places,
    names_at,
    number_key,
    number_words_value,
    only_capitalised_stems,
    place_held,
    roman_value,
    stems_of,
    territory_name,
)
from assistant.language import PLACE_NOUNS, STOPWORDS, content_words, detect_language
from assistant.text import fold
from assistant.types import Citation, Fact
from assistant.understanding import (
    QuestionAnalysis,
    denial_scopes,
    governed_end,
    retraction_scopes,
)
from assistant.verify import folded_with_offsets

MAX_ROLE = 90  # characters of a role shown beside a name in the lead line
MAX_LISTED = 24  # countries named in one lead line; beyond that the quote carries them

# English names that take "the" ("the Bahamas", "the United States"): grammar, not data.
_ENGLISH_ARTICLE = frozenset(
    "BS US GB NL PH AE CF DO GM KM MV MH SB VA CK FO FK KY TC VG VI CZ".split()
)
_SCALES = {
    "million": (1e6, "million", "million", "millions"),
    "millions": (1e6, "million", "million", "millions"),
    "milliard": (1e9, "billion", "milliard", "milliards"),
    "milliards": (1e9, "billion", "milliard", "milliards"),
    "billion": (1e9, "billion", "milliard", "milliards"),
    "billions": (1e9, "billion", "milliard", "milliards"),
    "thousand": (1e3, "thousand", "mille", "mille"),
    "mille": (1e3, "thousand", "mille", "mille"),
}
# The scales a lead writes out as the figure ("24,000", not "24 thousand").
_THOUSANDS = frozenset(scale for scale, (factor, *_) in _SCALES.items() if factor == 1e3)
_CURRENCIES = {
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "$": "USD", "dollar": "USD",
    "dollars": "USD", "usd": "USD", "£": "GBP", "livres": "GBP", "pounds": "GBP",
    "dirham": "MAD", "dirhams": "MAD",
}  # fmt: skip
_CURRENCY_WORDS = {
    "EUR": ("euros", "d’euros", "euros"), "USD": ("dollars", "de dollars", "dollars"),
    "GBP": ("pounds", "de livres", "livres"), "MAD": ("dirhams", "de dirhams", "dirhams"),
}  # fmt: skip
_QUANTITY = re.compile(
    r"(?P<pre>[€$£]\s?)?"
    rf"(?P<num>\d[\d\u202f\u00a0 .,]*\d|\d|(?<![\w-]){WORDS_OF_A_NUMBER}(?![\w]))"
    r"(?:\s*\((?P<digits>\d[\d\s.,]*)\))?"
    r"(?:\s+(?P<scale>millions?|milliards?|billions?|thousand|mille)\b)?"
    r"(?:\s+(?:d[e’']\s?)?(?P<cur>euros?|eur|dollars?|usd|livres|pounds|dirhams?)\b)?",
    re.IGNORECASE,
)
_WORDS_OF_A_NUMBER = re.compile(WORDS_OF_A_NUMBER, re.IGNORECASE)
# Month names as written, accents optional ("décembre", "decembre"): the folded names of
# `entities.MONTHS` with each vowel or c allowed its accented forms.
_ACCENTED = {"e": "[eéèê]", "u": "[uûù]", "a": "[aàâ]", "i": "[iîï]", "o": "[oô]", "c": "[cç]"}
_MONTH_NAME = "|".join(
    "".join(_ACCENTED.get(c, c) for c in name) for name in sorted(MONTHS, key=len, reverse=True)
)
_DAY = r"(\d{1,2})(?:er|st|nd|rd|th)?"
_DATE_FORMS = [
    # "du 24 au 27 novembre 2025", "17 and 18 March", "from 3 to 5 May 2026"
    re.compile(
        rf"\b(?:du\s+|from\s+|between\s+)?{_DAY}\s+(?:au|to|and|et|-|–)\s+{_DAY}\s+"
        rf"({_MONTH_NAME})(?:\s+((?:1\d|20)\d\d))?\b",
        re.IGNORECASE,
    ),
    # "13 juin 2026", "24 November"
    re.compile(rf"\b{_DAY}\s+({_MONTH_NAME})(?:\s+((?:1\d|20)\d\d))?\b", re.IGNORECASE),
    # "June 13, 2026", "March 17 and 18"
    re.compile(
        rf"\b({_MONTH_NAME})\s+{_DAY}(?:\s+(?:and|to|-|–)\s+{_DAY})?(?:,?\s+((?:1\d|20)\d\d))?\b",
        re.IGNORECASE,
    ),
    # "janvier 2027"
    re.compile(rf"\b({_MONTH_NAME})\s+((?:1\d|20)\d\d)\b", re.IGNORECASE),
    # « dès l'automne 2026 », « fin 2029 », "early 2027", "the end of 2029": a part of a year
    re.compile(
        r"\b(printemps|été|ete|automne|hiver|spring|summer|autumn|fall|winter|fin|début|debut"
        r"|early|late|the end of|end of|the start of|start of|mi-|mid-)\s*((?:1\d|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # "sur la période 2027-2030", "from 2026 to 2036", « de 2027 à 2030 »: a span of years
    re.compile(
        r"\b((?:1\d|20)\d\d)\s*(?:-|–|to|à|a|au|until|jusqu'en)\s*((?:1\d|20)\d\d)\b(?![-–/])",
        re.IGNORECASE,
    ),
    re.compile(r"\b((?:1\d|20)\d\d)\b"),
    re.compile(r"\b([IVXL]+)(?:e|ème|eme|th)\s+(siècle|siecle|century)\b"),
]
_PERSON = re.compile(
    r"(?:\b(?:Dr|Pr|M|Mme|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"\b[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    r"(?:\s+(?:(?:bin|ben|ibn|al|el|de|da|van|von|del|di|Al|El)\s+)?[A-ZÀ-Ý][a-zà-ÿ'’]+"
    r"(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?){1,3}\b"
)
# A person's name does not open on an article or a saint's title (« La Chaise-Dieu »,
# « Saint-Aubin de Vernières », "San Sebastián" are places).
_NOT_A_FIRST_NAME = re.compile(r"^(?:la|le|les|l'|l’|saint|sainte|st|ste|san|santa|santo)(?:$|-)")
# Prepositions that may open a sentence before a name (not in STOPWORDS).
_PREPOSITIONS = frozenset(
    "outre malgre hormis parmi durant pendant depuis sans sous vers chez contre during after "
    "before since despite besides beyond".split()
)
# Head nouns of institutions and events: a capitalised run holding one is not a person.
_INSTITUTION = frozenset(
    fold(w)
    for w in (
        "agence agency académie academy association assemblée assembly autorité authority "
        "banque bank bureau centre center comité committee commission conseil council cour "
        "court département department direction fédération federation fondation foundation "
        "fonds fund forum groupe group institut institute ligue league ministère ministry "
        "nations office organisation organization police programme program sommet summit "
        "université university union unies united world mondial européen european africain "
        "african régional regional général general national nationale école school "
        "musée museum abbaye abbey église church région département état state alliance "
        "coalition network réseau declaration déclaration convention treaty traité accord "
        "agreement congress congrès conference conférence government gouvernement parliament "
        "parlement party parti company société cities villes water eau hall hôtel mairie hospital "
        "hôpital trust society club board syndicat collectif coopérative cooperative partnership "
        "homes ltd plc inc infirmary clinic clinique library bibliothèque médiathèque"
    ).split()
)
# Nouns before a firm's name (« la société Restaurelia », "the company Galvanor").
_FIRM = frozenset(fold(w) for w in "société entreprise company firm groupe group traiteur".split())
# A body's noun right before a name, with its determiner: the name is that body's.
_BODY_BEFORE = re.compile(
    r"\b(?:l['’]|la\s+|le\s+|the\s+)(?:association|société|entreprise|company|firm|charity"
    r"|collectif|coopérative|cooperative|fondation|foundation|agence|agency)\s+$",
    re.IGNORECASE,
)
# A role before a name, opening the sentence or a clause, after a speech verb or not (« …
# », CONFIE son patron, Ronan Quéméner).
_ROLE_BEFORE = re.compile(
    r"(?:^|,\s+(?:[a-zà-ÿ]+\s+)?(?=[a-zà-ÿ]))((?:Le|La|L’|L'|The|Son|Sa|Its|His|Her|Their|Leur"
    r"|le|la|l’|l'|the|son|sa|its|his|her|their|leur)\s*[^,;:()«»]{3,120}?),\s*$"
)
# "The most seriously hurt WAS the deckhand, Ryan Coker": a role before a name may follow a verb.
_COPULA = re.compile(
    r"\s(?:was|is|were|are|est|était|etait|sont|fut)\s+(?=(?:the|an?|l[ea]|l['’]|une?)\b)"
)
# A role is a common noun phrase: it starts lowercase, or holds a lowercase word
# ("Portugal’s environment minister"); "Nairobi" after "Cape Town," is the next item.
_ELIDED = re.compile(r"(?:C|L|D|Qu|S|N|J)['’]")  # « C'EST Awa Ndiaye qui … »: no first name
# A run of capitalised words (a name) and the word before it.
_CAPITALISED_RUN = re.compile(rf"(\S*)\s+{NAME_RUN.pattern}")
_INTRODUCING = frozenset(
    "of de du des d' the la le l' les at in for en au aux pour on by sur par".split()
)


def _names_another(role: str) -> bool:
    """Whether what follows a name names someone else, which no preposition or article
    introduces ("Lorna Whitfield, le pianiste cubain Rafael Otero"), unlike "the mayor OF THE
    Northern Uplands"."""
    for match in _CAPITALISED_RUN.finditer(f" {role}"):
        before = fold(match.group(1)).replace("’", "'")
        if before and before not in _INTRODUCING and not before[:1].isupper():
            return True
    return False


# A role that names an office ("the race director", « la maire »), not a description ("a
# 38-year-old plumber") nor words that are no role ("…, with support from …").
_OFFICE = re.compile(
    r"(?!(?:an?|une?|one|l'un|l’un|with|for|from|by|avec|pour|par)\s)\S", re.IGNORECASE
)
# An age in apposition after a name ("Jordan Pike, 17, …", « Josiane Roux, 71 ans, … »).
_AGE = r"\s*,\s*\d{1,3}(?:\s+ans)?\s*"
_AGE_APPOSED = re.compile(rf"{_AGE}[,.;]")
_ROLE_AFTER = re.compile(
    # not a plural ("…, les audioguides"), a verb ("X, a lancé une pétition") nor a relative
    # clause ("the Caddick Building Society, which is the title sponsor")
    # "Jordan Pike, 17, a student at …", « Maëlle Rostaing, 34 ans, monitrice »: past an age
    rf"^(?:{_AGE})?\s*,\s*(?!(?:les|des|ces|leurs|est|etait|était|fut|ont|sont|is|was|has|had|have|were"
    r"|will|which|who|whose|that|where|qui|que|qu[’']|dont|où|and|et|but|mais|or|ou)\s)"
    # French « a » before a participle ("X, a lancé"), not the English article ("X, a student")
    r"(?!a\s+(?:[\wÀ-ÿ'’-]*(?:é|ée|és|ées|i|is|it|u|ue|us|ert|erte|ait)(?=[\s,.;:])|été|eu\b))"
    # (a decimal point or comma is no end: « un chalutier de 21,5 mètres »)
    r"((?:l[ea]\s+|l[’']|the\s+|an?\s+|une?\s+)?"
    r"(?:[a-zà-ÿ](?:[^,.;:()«»]|(?<=\d)[,.](?=\d)){2,120}?"
    r"|[A-ZÀ-Ý][^,.;:()«»]{0,60}?\s[a-zà-ÿ](?:[^,.;:()«»]|(?<=\d)[,.](?=\d)){0,100}?))"
    # "…, spokesperson for the Water Justice Coalition (WJC), …": an abbreviation may follow.
    r"(?=\s*(?:[,.](?!\d)|[;:()])|$)"
)


@dataclass(frozen=True)
class Quantity:
    """A number read off a sentence: its value, scale word and currency, and where it is."""

    value: float
    scale: str
    currency: str
    start: int
    end: int


# The number a sentence compares with: "X, compared with Y", « X, contre Y », "up from Y".
_COMPARISON_LINK = re.compile(
    r"\b(?:compared with|compared to|against|contre|than|up from|down from|versus|vs"
    r"|par rapport a)\b"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# What follows a number said of today ("640 THIS YEAR", « 640 cette année »).
_NOW_AFTER = re.compile(
    r"\s*(?:[\w'-]+\s+){0,2}?(?:this\s+(?:year|time|season)|cette\s+(?:annee|fois|saison)"
    r"|today|now|nowadays|aujourd'hui|desormais|actuellement)\b"
)


def compared_numbers(text: str) -> tuple[float, float] | None:
    """The number a sentence states and the one it compares it with ("24,300 people were
    waiting …, compared with 22,900 a year earlier"), or None."""
    link = _COMPARISON_LINK.search(fold(text))
    if link is None:
        return None
    found = [q for q in quantities(text) if not _YEAR.fullmatch(text[q.start : q.end])]
    before = [q for q in found if q.end <= link.start() and full_value(q) > 0]
    after = [q for q in found if q.start >= link.end() and full_value(q) > 0]
    if not before or not after:
        return None
    then = full_value(after[0])
    # what is compared is of the same order as what it is compared with (not "TWO hospitals")
    now = min((full_value(q) for q in before), key=lambda v: abs(math.log(v / then)))
    if _NOW_AFTER.match(fold(text[after[0].end :])):
        # « L'épisode de 2013 avait touché 120 hectares, contre 640 CETTE ANNÉE »: the number
        # compared with is today's.
        return then, now
    return now, then


def full_value(quantity: Quantity) -> float:
    """A quantity's value times its scale word ("3,2 millions": 3 200 000)."""
    return quantity.value * (_SCALES[quantity.scale.lower()][0] if quantity.scale else 1.0)


def number_value(text: str) -> float | None:
    """The value of a written number: '1 240', '3,2', 'quarante-trois', 'twenty-one'."""
    if _WORDS_OF_A_NUMBER.fullmatch(fold(text)):
        return float(number_words_value(text))
    key = number_key(text.replace("\u202f", " ").replace("\u00a0", " "))
    try:
        return float(key)
    except ValueError:
        return None


def quantities(sentence: str) -> list[Quantity]:
    """The numbers of a sentence that are not part of a date, with their scale and currency."""
    dated = [span for _, span in dates(sentence)]
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(sentence):
        if any(start <= match.start("num") < end for start, end in dated):
            continue
        before = sentence[: match.start()]
        if re.search(r"[A-Za-zÀ-ÿ]$", before):
            continue  # inside a word
        value = number_value(match.group("digits") or match.group("num"))
        if value is None:
            continue
        currency = ""
        for part in (match.group("pre"), match.group("cur")):
            if part:
                currency = _CURRENCIES.get(part.strip().lower(), currency)
        found.append(Quantity(value, (match.group("scale") or "").lower(), currency, *match.span()))
    return found


def states_a_number(text: str, quantity: Quantity, stated: frozenset[str]) -> bool:
    """Whether a quantity of a text is one of the `stated` numbers (by key: « trois » is 3)."""
    return bool(find_entities(text[quantity.start : quantity.end]).numbers & stated)


def is_currency(word: str) -> bool:
    """Whether a word names a currency ("euros", "dollars", "€")."""
    return word.lower() in _CURRENCIES


def render_quantity(quantity: Quantity, language: str) -> str:
    """A number with its scale and currency, written the asker's way: '€2.4 billion'."""
    from babel.numbers import format_decimal

    if quantity.scale in _THOUSANDS and (figure := quantity.value * 1e3) % 1 == 0:
        # « Vingt-quatre mille foyers », "three thousand people": 24,000, « 3 000 », not "24
        # thousand" nor « 3 mille »
        return render_quantity(replace(quantity, value=figure, scale=""), language)
    number = format_decimal(quantity.value, locale=language)
    if quantity.currency and not quantity.scale and quantity.value % 1:
        # a price in cents keeps them: "€1.70", « 1,70 euro », not "1.7"
        number = format_decimal(quantity.value, format="#,##0.00", locale=language)
    if quantity.scale:
        _, english, french_one, french_many = _SCALES[quantity.scale]
        scale = english if language == "en" else (french_one if quantity.value < 2 else french_many)
        number = f"{number} {scale}"
    if quantity.currency:
        english, french_of, french = _CURRENCY_WORDS[quantity.currency]
        if language == "en":
            number = f"{number} {english}"
        else:
            number = f"{number} {french_of if quantity.scale else french}"
    return number


@dataclass(frozen=True)
class DateParts:
    """A date or a range as written: days, month, year, or a century."""

    days: tuple[int, ...] = ()
    month: int = 0
    year: int = 0
    century: str = ""
    joiner: str = "range"  # 'range' (24 to 27) or 'pair' (17 and 18)
    period: str = ""  # a part of the year: spring, summer, autumn, winter, start, mid, end
    until: int = 0  # the last year of a span of years ("2027-2030")


_PERIODS = {
    "printemps": "spring", "spring": "spring", "ete": "summer", "summer": "summer",
    "automne": "autumn", "autumn": "autumn", "fall": "autumn", "hiver": "winter",
    "winter": "winter", "debut": "start", "early": "start", "the start of": "start",
    "start of": "start", "mi-": "mid", "mid-": "mid", "fin": "end", "late": "end",
    "the end of": "end", "end of": "end",
}  # fmt: skip
_PERIOD_WORDS = {
    "en": {"spring": "spring {y}", "summer": "summer {y}", "autumn": "autumn {y}",
           "winter": "winter {y}", "start": "early {y}", "mid": "mid-{y}", "end": "the end of {y}"},
    "fr": {"spring": "printemps {y}", "summer": "été {y}", "autumn": "automne {y}",
           "winter": "hiver {y}", "start": "début {y}", "mid": "mi-{y}", "end": "fin {y}"},
}  # fmt: skip


# "VAUDRENAY, le 27 mars 2026 – …", "SKELBECK, Wednesday 11 February 2026 — …": the place and
# day a news story was filed from, said before its first sentence; not when anything it tells
# happened.
_DATELINE_BEFORE = re.compile(
    rf"^[^\W\d][^,.;:!?–—]{{0,50}},\s+(?:le\s+)?(?:(?:{'|'.join(WEEKDAYS)})\s+)?$", re.IGNORECASE
)
# ... and after it a dash, or a full stop after a year (« Brackenford, Thursday 19 November
# 2026. »; not a clause's end: "Deux jours plus tard, le jeudi 8 octobre, …").
_DATELINE_AFTER = re.compile(r"\s*(?:[–—-]\s|(?<=\d{4})\.(?:\s|$))")
FILING_DATE_WITHIN = 400  # characters: a headline, the dateline, the first sentence
_FILING_AFTER = re.compile(r"\s*(?:[–—-]\s|\.(?:\s|$)|$)")  # a dash, a full stop, its line's end


def _in_dateline(sentence: str, start: int, end: int) -> bool:
    """Whether the date at start:end of a sentence is its dateline's (the day it was filed)."""
    return bool(_DATELINE_BEFORE.match(sentence[:start])) and bool(
        _DATELINE_AFTER.match(sentence, end)
    )


def is_dateline(sentence: str) -> bool:
    """Whether a sentence is only a dateline, the place and day its story was filed
    (« Brackenford, Friday 20 November 2026. »): no content of its own."""
    return any(
        _DATELINE_BEFORE.match(sentence[:start]) and not sentence[end:].strip(" .–—-")
        for parts, (start, end) in dates(sentence)
        if parts.days and parts.month
    )


def filing_date(text: str) -> DateParts | None:
    """The day a news story was filed, from its dateline ("SKELBECK, Wednesday 11 February 2026
    – …", « Brackenford, Thursday 19 November 2026. »); None without one: a first sentence's
    date is often the day the story began, not the day it was told."""
    for line in text[:FILING_DATE_WITHIN].splitlines():
        for parts, (start, end) in dates(line):
            if (
                parts.days
                and parts.month
                and parts.year
                and _DATELINE_BEFORE.match(line[:start])
                and _FILING_AFTER.match(line, end)
            ):
                return parts
    return None


def comes_after(parts: DateParts, filed: DateParts) -> bool | None:
    """Whether a date (a range's end) falls after the day a story was filed; a date without
    its year is of the filing year. None when the date is too coarse to tell."""
    year = parts.until or parts.year or filed.year
    if year != filed.year:
        return year > filed.year
    if not parts.month:
        return None
    if parts.month != filed.month:
        return parts.month > filed.month
    if not parts.days:
        return None
    return parts.days[-1] > filed.days[-1]  # not the filing day's own span (« les 17 et 18 »)


def told_dates(sentence: str) -> list[tuple[DateParts, tuple[int, int]]]:
    """The dates a sentence tells of, without its dateline's."""
    return [(parts, span) for parts, span in dates(sentence) if not _in_dateline(sentence, *span)]


def dates(sentence: str) -> list[tuple[DateParts, tuple[int, int]]]:
    """The dates of a sentence, most precise form first, none overlapping another."""
    found: list[tuple[DateParts, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for number, pattern in enumerate(_DATE_FORMS):
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            groups = [g for g in match.groups()]
            parts = _date_parts(number, groups, match.group(0))
            if parts is not None:
                found.append((parts, span))
                taken.append(span)
    return sorted(found, key=lambda item: item[1][0])


def _date_parts(form: int, groups: list[str | None], text: str) -> DateParts | None:
    joiner = "pair" if re.search(r"\b(?:and|et)\b", text) else "range"
    if form == 0:
        return DateParts(
            (int(groups[0] or 0), int(groups[1] or 0)),
            MONTHS[fold(groups[2] or "")],
            int(groups[3] or 0),
            joiner=joiner,
        )
    if form == 1:
        month = MONTHS[fold(groups[1] or "")]
        return DateParts((int(groups[0] or 0),), month, int(groups[2] or 0))
    if form == 2:
        days = tuple(int(g) for g in groups[1:3] if g)
        month = MONTHS[fold(groups[0] or "")]
        return DateParts(days, month, int(groups[3] or 0), joiner=joiner)
    if form == 3:
        return DateParts((), MONTHS[fold(groups[0] or "")], int(groups[1] or 0))
    if form == 4:
        return DateParts(year=int(groups[1] or 0), period=_PERIODS[fold(groups[0] or "")])
    if form == 5:
        first, last = int(groups[0] or 0), int(groups[1] or 0)
        return DateParts(year=first, until=last) if first < last else None
    if form == 6:
        return DateParts(year=int(groups[0] or 0))
    roman = groups[0] or ""
    return DateParts(century=roman) if roman_value(roman) else None


# « à 20 h 30 », « 10h », "8:30 pm", "20:30": a time of day.
_CLOCK = re.compile(
    r"\b(?:([01]?\d|2[0-3])\s?h(?:\s?([0-5]\d))?(?![\w])"
    r"|([01]?\d|2[0-3])(?::([0-5]\d)(?:\s?([ap])\.?m\.?)?|\.([0-5]\d)\s?([ap])\.?m\.?)(?![\w])"
    r"|(1[0-2]|0?\d)\s?([ap])\.?m\b\.?)",
    re.IGNORECASE,
)
# "What time …?", « À quelle heure … ? »: a time of day is asked, not a date.
ASKS_TIME = re.compile(r"\b(?:what time|at what hour|(?:a )?quelle heure)\b")
# "Le cambriolage, c'était QUEL JOUR ?": a date with its day, not a year.
ASKS_DAY = re.compile(
    r"\b(?:quel jour|what day|which day|on what date|what date|quelle date|quelle nuit"
    r"|what night|which night)\b"
)


def clock_times(sentence: str) -> list[tuple[datetime.time, tuple[int, int]]]:
    """The times of day a sentence gives, with where each is written."""
    found: list[tuple[datetime.time, tuple[int, int]]] = []
    for match in _CLOCK.finditer(sentence):
        hour, minute, hour2, minute2, half, minute_dot, half_dot, hour3, half3 = match.groups()
        if hour is not None:
            value = datetime.time(int(hour), int(minute or 0))
        else:
            h = int(hour2 or hour3 or 0)
            meridiem = (half or half_dot or half3 or "").lower()
            h = h % 12 + (12 if meridiem == "p" else 0) if meridiem else h
            value = datetime.time(h, int(minute2 or minute_dot or 0))
        found.append((value, match.span()))
    return found


def render_time(value: datetime.time, language: str) -> str:
    """A time of day in the asker's language: '8:30 PM', « 20 h 30 », « 6 h »."""
    from babel.dates import format_time

    if language == "fr":
        # The French press writes « 6 h 15 », as the Imprimerie nationale's rules ask, not
        # CLDR's « 06:15 ».
        return str(format_time(value, "H 'h' mm" if value.minute else "H 'h'", locale="fr"))
    return str(format_time(value, "short", locale=language))


def render_date(parts: DateParts, language: str) -> str:
    """A date in the asker's language: '24 to 27 November 2025', « du 24 au 27 novembre 2025 »."""
    from babel.dates import format_date, get_month_names

    if parts.century:
        value = roman_value(parts.century)
        if language == "en":
            suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10 if value // 10 != 1 else 0, "th")
            return f"{value}{suffix} century"
        return f"{parts.century}e siècle"
    if parts.period:
        return _PERIOD_WORDS[language][parts.period].format(y=parts.year)
    if parts.until:
        return f"{parts.year}–{parts.until}"
    if not parts.month:
        return str(parts.year)
    month = str(get_month_names("wide", locale=language)[parts.month])
    if not parts.days:
        return f"{month} {parts.year}" if parts.year else month
    last = f"{parts.days[-1]} {month}"
    if parts.year:
        day = datetime.date(parts.year, parts.month, parts.days[-1])
        last = format_date(day, "d MMMM y", locale=language)
    first = str(parts.days[0])
    if language == "fr":
        # « le 1er octobre »: French writes the first day of a month as an ordinal.
        last = re.sub(r"^1 ", "1er ", last)
        first = "1er" if first == "1" else first
    if len(parts.days) == 1:
        return last
    if parts.joiner == "pair":
        return f"{first} {'and' if language == 'en' else 'et'} {last}"
    return f"{first} to {last}" if language == "en" else f"du {first} au {last}"


def country_name(code: str, language: str) -> str:
    """A country's CLDR name in a language, with "the" where English needs it."""
    name = territory_name(code, language)
    return f"the {name}" if language == "en" and code in _ENGLISH_ARTICLE else name


def countries_in_order(sentence: str) -> list[str]:
    """The CLDR codes of the countries a sentence names (by name or nationality), in order."""
    folded, _ = folded_with_offsets(sentence)
    order: dict[str, int] = {}
    said_by_nationality: dict[str, int] = {}  # "the BA degrees in German, Italian and Russian"
    for code in find_entities(sentence, names_from_capitals=False).places:
        if code.isdigit():
            continue
        names = {fold(territory_name(code, lang)) for lang in ("fr", "en")}
        positions = [folded.find(n) for n in names if folded.find(n) >= 0]
        if not positions and not said_by_nationality:
            for word in re.finditer(r"[a-z]+", folded):
                said_by_nationality.setdefault(demonym_place(word.group()), word.start())
        order[code] = min(positions, default=said_by_nationality.get(code, len(folded)))
    return sorted(order, key=lambda c: (order[c], c))


# Capitalised words going on after a name's run: the run names something longer.
_RUN_GOES_ON = re.compile(r"(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]*)+")
# A verb that makes what follows a name a clause, not a role ("…, visibility HAD dropped").
_FINITE_VERB = re.compile(
    r"\s(?:had|has|have|was|were|is|are|will|would|could|did|does|said|says|ont|est|sont"
    r"|était|avait|avaient|sera|seront|a\s+été)\s"
)
# A noun phrase a determiner opens, to the end: the object of a verb before a name.
_DETERMINED_PHRASE = re.compile(r"\b(?:the|an?|l[ea]s?|l['’]|une?|des?)\s+\S.*$")
# A short capitalised prefix before a name, not a title: "the MV Carrow Belle" is a ship.
_SHORT_PREFIX = re.compile(r"(?<![\w.])(?!(?:Dr|Pr|M|Mme|Mr|Mrs|Ms)\b)[A-Z]{2,4}\s+$")
# A place's preposition right before a name: "in Fernley Park", « au Havre » (not « à »: « confié
# À Lucie Bardet »).
_AT_A_PLACE = re.compile(r"\b(?:au|aux|in|at|near|près de)\s+(?:the\s+)?$")


def people(sentence: str) -> list[tuple[str, str]]:
    """Persons a sentence names (a capitalised run of two words or more that holds no
    institution word and no country) with the role in apposition after the name, if any."""
    found: list[tuple[str, str]] = []
    at = 0
    while match := _PERSON.search(sentence, at):
        at = match.end()
        name = match.group(0)
        words = [re.sub(r"['’]s?$", "", fold(w)) for w in re.findall(r"[\wÀ-ÿ'’-]+", name)]
        if (
            words[0] in NAME_ARTICLES
            and len(words) > 2
            and not _TITLE.match(name, len(name.split()[0]) + 1)
        ):
            continue  # "the Men Glas", « LE Men Glas » : a thing's name, not a person's
        if words[0] in STOPWORDS or words[0] in _PREPOSITIONS or _ELIDED.match(name):
            # « OUTRE Gonfaron, … », « SELON Maria Duarte, … »: a sentence's first word is
            # capitalised anyway; the name, if any, follows it.
            at = match.start() + len(name.split()[0])
            continue
        # the whole run of capitalised words, past the longest name the pattern takes:
        # "Lowmere Valley Public Health AGENCY", "Hensley Green Primary SCHOOL"
        going_on = _RUN_GOES_ON.match(sentence, match.end())
        whole = words + ([fold(w) for w in going_on.group(0).split()] if going_on else [])
        if any(w in _INSTITUTION for w in whole):
            at = going_on.end() if going_on else match.end()
            continue
        if sentence[: match.start()].rstrip().endswith(("«", "“", '"')):
            continue  # « Var Forêt Résilience »: a name given in quotation marks, not a person
        if _NOT_A_FIRST_NAME.match(words[0]):
            continue  # « La Chaise-Dieu », « Saint-Aubin de Vernières »: a place, not a person
        aged = _AGE_APPOSED.match(sentence, match.end()) is not None
        if not aged and find_entities(name, names_from_capitals=False).places:
            continue  # (not "Jordan Pike, 17, a student …": an age makes a person)
        if re.search(rf"\b(?:{_MONTH_NAME})\b", name, re.IGNORECASE):
            continue
        if "&" in sentence[max(0, match.start() - 3) : match.end() + 3]:
            continue  # "Pennwick & District Buses", « Serval & Associés »: a firm's name
        if _AT_A_PLACE.search(sentence[: match.start()]):
            continue  # "crossed the finish line IN Fernley Park": a place
        if _SHORT_PREFIX.search(sentence[: match.start()]):
            continue  # "the MV Carrow Belle": a ship's (or a brand's) name
        if _BODY_BEFORE.search(sentence[: match.start()]):
            continue  # « l'ASSOCIATION Montbrac Vivant », "the charity Sea Watch": a body's name
        before_name = sentence[: match.start()].rstrip()
        if before_name.endswith(",") and re.match(
            r"\s*(?:,|and|et)\s*(?:the\s+|l[ea]s?\s+|l['’])?[A-ZÀ-Ý]", sentence[match.end() :]
        ):
            continue  # an item inside an enumeration of names ("Seville, Cape Town, Nairobi")
        # "Le directeur général de …, Abdelatif Hammouchi, accompagné …": the role opens the
        # sentence or a clause (« Dès le 6 mars, la maire, Nadège Ferrier, … »); else "Faisal
        # Shehkar, chef de …": it follows the name.
        before = _ROLE_BEFORE.search(sentence[: match.start()])
        after = _ROLE_AFTER.match(sentence[match.end() :])
        role = before.group(1) if before else after.group(1) if after else ""
        if after and not before:
            # "a student at Harcastle College WHO takes the 40 home": the role ends at its clause
            role = re.split(r"\s+(?:who|which|qui|dont)\s", role)[0]
        if before:
            # "The most seriously hurt WAS the deckhand, Ryan Coker": the role follows the verb;
            # "The two schools HAVE SHARED an executive headteacher, Sarah Okafor": its object.
            role = _COPULA.split(role)[-1]
            verbs = list(_FINITE_VERB.finditer(f" {role} "))
            if verbs:
                after_verb = f" {role} "[verbs[-1].end() :]
                object_ = _DETERMINED_PHRASE.search(after_verb)
                role = object_.group(0) if object_ else ""
        if not before and (_names_another(role) or _FINITE_VERB.search(role)):
            # "Lorna Whitfield, le pianiste cubain Rafael Otero": the next one's; "led by Alan
            # Pryce, visibility HAD dropped …": a clause, no role.
            role = ""
        found.append((name, role.strip()))
    return found


def names_typed_lowercase(question: str, text: str) -> frozenset[str]:
    """The stems of a question's words typed in lower case that a text writes only as the name
    of a person it names ("how many years has linda ashgrove been in charge?" of "Linda
    Ashgrove, the head …"); not a word of a body's name ("the district council")."""
    typed = {
        re.sub(r"['’]s?$", "", fold(w))
        for w in re.findall(r"(?<![\w'’-])[a-zà-ÿ][\w'’]*", question)
    }
    return frozenset(w[:NAME_STEM] for w in typed & _persons_names(text) if len(w) >= 4)


@lru_cache(maxsize=8)
def _persons_names(text: str) -> frozenset[str]:
    """The folded first names and surnames of the persons a text names, written nowhere in
    lower case: a run's last two words ("Detective Inspector Gareth Stone": a title is no
    name), each spelled whole ("terrain" is not « Terrasses »)."""
    named = {
        fold(w)
        for name, _ in people(text)
        for part in re.findall(r"[\wÀ-ÿ'’-]+", name)[-2:]
        for w in part.split("-")
    }
    only_names = only_capitalised_stems(text)
    return frozenset(w for w in named if w[:NAME_STEM] in only_names)


# A body's name: capitalised words, joined by « de », "of" or "and" ("Chamber of Commerce").
_BODY_NAME = re.compile(
    r"(?<![\w'’-])[A-ZÀ-Ý][\wÀ-ÿ'’-]*"
    r"(?:\s+(?:(?:of|the|and|de|du|des|la|le|et|d['’])\s+)*[A-ZÀ-Ý][\wÀ-ÿ'’-]*)*"
)


@lru_cache(maxsize=8)
def _body_names(text: str) -> tuple[tuple[str, ...], ...]:
    """The folded words of each capitalised name of a text, read once per article."""
    return tuple(tuple(fold(w) for w in m.group().split()) for m in _BODY_NAME.finditer(text))


def bodies_typed_lowercase(question: str, text: str) -> frozenset[str]:
    """The stems that set apart a body's name a question types in lower case, as the last two
    or more words of a name the text capitalises ("the wildlife trust" of "the Lenn Valley
    Wildlife Trust"): a name stated as if capitalised, not a common noun ("the trust")."""
    asked = fold(question)
    capitalised = {fold(w) for w in re.findall(r"(?<![\w'’-])[A-ZÀ-Ý][\wÀ-ÿ'’-]*", question)}
    runs = _body_names(text)
    only_names = only_capitalised_stems(text)
    stems: set[str] = set()
    for words in runs:
        for size in range(2, len(words) + 1):
            tail = words[-size:]
            ends = (tail[0], tail[-1])
            if any(len(w) < 3 or w in STOPWORDS or w in MONTHS or w in WEEKDAYS for w in ends):
                continue  # "In January", "On Tuesday": no name's ends
            if set(tail) & capitalised:
                continue  # typed capitalised, the question's own names already state it
            if not re.search(rf"(?<![\w'’-]){re.escape(' '.join(tail))}(?![\w-])", asked):
                continue
            # What sets it apart: a name the text also gives other things ("the SELCOTE
            # building" names "Selcote School"), or else its head ("the TRUST" names "the
            # wildlife trust", as "the council" does "the district council").
            proper = {
                w[:NAME_STEM]
                for w in tail
                if w[:NAME_STEM] in only_names
                and any(w in other and other[-size:] != tail for other in runs)
            }
            joined = [w for w in tail if w in STOPWORDS]
            head = tail[tail.index(joined[0]) - 1] if joined else tail[-1]
            stems.update(proper or {head[:NAME_STEM]})
    return frozenset(stems)


# A question asking what a person or thing is called: "whats the NAME OF the 63-year-old",
# "the acting manager'S NAME", « C'est quoi LE NOM DE l'arboriculteur », « la boîte
# S'APPELAIT comment ? », "what's the new stadium going to be CALLED?" (not "IN THE NAME of",
# « AU NOM du syndicat », nor "the name vote").
_NAME_ASKED = re.compile(
    r"(?<!in the )\bname of\b|['’]s name\b|\b(?:his|her|their|its) name\b"
    r"|(?<!\bau )\bnom (?:de|du|des|d['’])|\b(?:son|leur) nom\b|\bquel nom\b|\bwhat name\b"
    r"|\bs['’]appel\w*|\bcalled\s*[?.!]*$"
)


def asks_a_name(question: str) -> bool:
    """Whether a question asks what a person or a thing is called."""
    return bool(_NAME_ASKED.search(fold(question)))


_NAME_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\wÀ-ÿ'’-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]*)*")


def names_given(question: str, text: str, article: str = "") -> list[str]:
    """The names a text gives that the question does not state: persons', and other
    capitalised names that are no month or day ("UrbanSpoke Mobility Ltd", "the Bramford
    Markets Trust" for "the trust"); a sentence's first word if the article writes it only as
    a name; a place only when the question asks of a place ("the venue"), not « Montreval »
    of « le centre hospitalier de Montreval » for "the 63-year-old who was the first case"."""
    asked = fold(question)
    own = capitalised_stems(" ".join(question.split()[1:]))  # the question's names

    def stated(name: str) -> bool:
        words = re.findall(r"[\wÀ-ÿ'’-]+", fold(name))
        # a name the question writes ("Audouard's brother"), or types whole ("the eastmoor
        # water spokesperson"); not one that only shares its noun ("the trust")
        return bool(stems_of(name) & own) or all(
            re.search(rf"\b{re.escape(w)}\b", asked) for w in words
        )

    given = [n for n, _ in people(text) if not stated(n)]
    of_a_place = bool(set(content_words(question)) & _PLACE_HEADS)
    cues = (*PLACE_CUES, _PLACE_OF)
    places = {fold(name) for name, _ in _placed_names(question, text, frozenset(), cues)}
    names_only = only_capitalised_stems(article) if article else frozenset()
    for match in _NAME_RUN.finditer(text):
        name = re.sub(r"['’]s$", "", match.group())
        words = [fold(w) for w in name.split()]
        before = text[: match.start()].rstrip()
        if (not before or before[-1] in '.!?«“"') and words[0][:NAME_STEM] not in names_only:
            continue  # a sentence's first word is capitalised anyway
        if stated(name) or words[0] in STOPWORDS:
            continue
        if all(w in MONTHS or w in WEEKDAYS for w in words):
            continue
        if not of_a_place and (
            fold(name) in places or find_entities(name, names_from_capitals=False).places
        ):
            continue
        given.append(name)
    return given


@lru_cache(maxsize=16)
def roles_of_people(text: str) -> Mapping[str, str]:
    """The role a text gives each person in apposition, by folded surname ("menon": "head of
    the urban water programme at UNEP")."""
    roles: dict[str, str] = {}
    for line in text.split("\n"):
        for name, role in people(line):
            if role and "\n" not in name:
                surname = fold(name.split()[-1])
                roles[surname] = f"{roles[surname]}; {role}" if surname in roles else role
    return roles


# "how many PPL", "how many FOLKS": people, said the way readers talk
# Words that end a verb's phrase rather than start a noun's ("voted AGAINST", "turned UP").
_PARTICLES = frozenset({"against", "up", "out", "off", "down", "away", "back", "over"})


def asked_phrase(question: str) -> str:
    """The thing a count question counts, as the asker wrote it ("bilateral meetings", « villes
    pilotes » in « Combien y a-t-il de villes pilotes ? », "delegations" in "How many of the
    delegations …")."""
    match = re.search(
        r"\b(?:how many(?:\s+of(?:\s+the|\s+these|\s+those)?)?"
        r"|combien\s+des\b|combien\s+(?:y\s+(?:a|avait|aura)-t-il\s+|parmi\s+les\s+)?d[e’']"
        r"|number of|nombre\s+d[e’'])\s*"
        r"([\wÀ-ÿ’'-]+(?:\s+[\wÀ-ÿ’'-]+){0,2})",
        question,
        re.IGNORECASE,
    )
    if not match:
        return ""
    kept: list[str] = []
    english = detect_language(question) == "en"
    words = match.group(1).split()
    for at, word in enumerate(words):
        if english and re.search(r"['’]s$", word) and not kept:
            continue  # "how many of THE AIRLINE'S own employees": the owner, not the counted
        if english and not kept and fold(word) == "own":
            continue
        following = fold(words[at + 1]) if at + 1 < len(words) else ""
        if (
            english
            and not kept
            and word.endswith("ed")
            and (not following or following in STOPWORDS or following in _PARTICLES)
        ):
            break  # "how many FAILED?", "how many VOTED against": a verb, nothing named
        if english and kept and word.endswith("ly"):
            break  # "how many of the committee ACTUALLY said yes"
        if fold(word) in STOPWORDS or (word[0].isupper() and kept):
            break
        if kept and not _still_the_noun_phrase(kept[-1] if english else kept[0], word, english):
            break  # "firms WORKED", « habitants COMPTE »: the verb, not the thing counted
        kept.append(word)
    return " ".join(kept)


def counted_head(question: str) -> str:
    """The noun of the counted phrase: its last word in English ("carved CAPITALS"), its
    first in French (« VILLES pilotes »); '' when the question counts nothing."""
    words = asked_phrase(question).split()
    if not words:
        return ""
    return words[-1] if detect_language(question) == "en" else words[0]


def _still_the_noun_phrase(first: str, second: str, english: bool) -> bool:
    """Whether a word still belongs to a counted phrase, given the phrase's last word in
    English (the plural noun ends it: "carved capitals") or its first in French (an adjective
    after the noun agrees with it in the plural: « villes pilotes »; a verb does not)."""
    if english:
        plural = (first.endswith("s") and not first.endswith("ss")) or first.endswith("men")
        plural = plural or fold(first) in {"people", "children"}
        return not plural and not second.endswith("ed")
    return first[-1:] in {"s", "x"} and second[-1:] in {"s", "x"}


# "Luc-en-Provence", "Théâtre des Carmes", "Market Square": the words in between go with the
# capitalised word that follows them; "at THE Belém Congress Centre".
_PLACE_NAME = (
    r"\s+(?:(?:the|la|le|les)\s+|l[’'])?"
    r"([A-ZÀ-Ý][\wÀ-ÿ'’]+(?:[-\s](?:(?:sur|sous|en|de|des|la|le|les|du)[-\s]|d[’'])*"
    r"[A-ZÀ-Ý][\wÀ-ÿ'’]+)*)"
)
# « au LIEU-DIT le Pré-Moulin »: a named locality.
_PLACE = re.compile(
    r"\b(?:à|au|aux|in|at|near|près de|ville de|city of|commune de|village de|lieu-dit|lieudit"
    # "through THE VILLAGE OF Colbrook", not where someone is "from the village of Thornby"
    rf"|(?<!from the )(?:town|village) of){_PLACE_NAME}"
)
# Weaker cues, read after the others: "on Market Square", "onto Mill Wynd", « sur Saint-Loubès »,
# not after a name ("the Summit ON Drought").
_PLACE_ON = re.compile(rf"\b(?:on|onto|along|sur|dans){_PLACE_NAME}")
# Where someone comes from ("Janet Moss, 71, FROM Saxby Marsh"), for a question asking it
# ("Where is she from?", « Elle vient d'où ? »), not a bus going "to and from Little Brantham".
_PLACE_FROM = re.compile(rf"\bfrom{_PLACE_NAME}")
_ASKS_ORIGIN = re.compile(
    r"\bwhere\b.*\b(?:from|come|comes|came)\b|\bd'ou\s+(?:vien|ven|est|sont|etai)"
    r"|\b(?:vien\w*|ven\w*|originaire)\s+d'ou\b|\borigin"
)
# "taken TO Tamsford Royal Infirmary": a place, unless the name is a person's ("spoke to Ann Lee")
_PLACE_TO = re.compile(rf"\b(?:to|into|vers|jusqu'à|jusqu’à){_PLACE_NAME}")
_AFTER_A_NAME = re.compile(r"[A-ZÀ-Ý][\wÀ-ÿ'’-]*\s+$")
# "Lindenau, en Bavière (Allemagne), …": a name placed in another place is a place, and the
# more precise one (it opens its sentence, so the general pattern below would skip it).
_LOCATED = re.compile(
    r"^((?:[A-ZÀ-Ý][\wÀ-ÿ'’-]+)(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+)*),\s+(?:en|au|aux|dans|in)\s+[A-ZÀ-Ý]"
)
# "- Kirkhope, the northern terminus, …": an item of a list opens on the name it lists; or it
# is that name alone ("- the Riverside Food Bank;", "- Mind in Tamsford, the … charity;").
_ITEM_NAME = re.compile(
    r"^(?:(?:the|la|le|les)\s+|l[’'])?"
    r"((?:[A-ZÀ-Ý][\wÀ-ÿ'’-]+)(?:\s+(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]+|de|du|des|of|la|le|the|in|en))*?)"
    r"(?:,\s|\s*[;.]?\s*$)"
)
# "- a day-surgery unit with five operating theatres;": an item opening on an article lists the
# noun phrase it opens on, up to a comma or a word that qualifies it.
# "a 3,500-seat main stand", « un fonds d'urgence de 1,5 million »
_ITEM_WORD = r"(?:\d+(?:[,.\s]\d{3})+|\d+[,.]\d+|[^\s,;:.()«»])+"
_ITEM_PHRASE = re.compile(
    rf"^((?:(?:an?|the|une?|des|les?|la)\s+|l['’]\s*){_ITEM_WORD}"
    r"(?:\s+(?!(?:with|for|which|that|where|who|whose|avec|pour|qui|dont|où|ou)\b)"
    rf"{_ITEM_WORD}){{0,5}})"
)
# "Lisbon hosted, on 17 and 18 March, the summit", « Marrakech a accueilli … »: the host is a
# place, though it opens its sentence.
_HOST = re.compile(
    r"^((?:[A-ZÀ-Ý][\wÀ-ÿ'’-]+)(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+)*)\s+(?:hosted|hosts|will host|has hosted"
    r"|a accueilli|accueille|accueillera|accueillait)\b"
)
# « venus de l’abbaye de LA CHAISE-DIEU »: a capitalised article belongs to the name. After a
# common noun said where something is, « de la », « du », « des » lead to it too (« dans un chemin
# forestier du bois DE LA Vernière »; not « la préfète de la Vaudre »).
_PLACE_OF = re.compile(
    r"(?:\b(?:de|d’|d'|of)\s*|(?<![\w'’])(?:à|au|aux|dans|sur|sous|vers|près d[ue]s?)\s+"
    r"(?:(?:le|la|les|un|une|des|du)\s+|l['’])?(?:[a-zà-ÿ][\wà-ÿ'’-]*\s+){1,4}?"
    r"(?:de\s+la|de\s+l['’]|du|des)\s*)"
    r"((?:(?:La|Le|Les)\s+|L[’'])?[A-ZÀ-Ý][\wÀ-ÿ'’]+(?:-[\wÀ-ÿ'’]+)*)"
)
_CAPITALISED_NAME = re.compile(
    r"\b((?:(?:Le|La|Les)\s+)?(?!(?:Le|La|Les)\b)[A-ZÀ-Ý][\wÀ-ÿ'’]+(?:-[\wÀ-ÿ'’]+)*)"
)
# The common noun that makes a name a place of a kind ("RUE des Moulins", « la GARE de
# Brackenford », "Brackenford railway STATION", "Selcote village GREEN"): the lead gives the
# whole phrase, as a reader would look for it on a map.
_PLACE_HEADS = frozenset(fold(w) for w in PLACE_NOUNS)
_HEAD_WORD = "(?:" + "|".join(PLACE_NOUNS) + ")"
# A name its place noun makes a place: « PLACE DU Foirail », "Selcote VILLAGE GREEN".
_HEADED = rf"(?<![\w'’-])(?i:{_HEAD_WORD})\s+(?:de\s+la\s+|des\s+|du\s+|de\s+|d['’])"
_HEADED_NAME = r"([A-ZÀ-Ý][\wÀ-ÿ'’]+(?:-[\wÀ-ÿ'’]+)*)"
_HEADED_PLACE = re.compile(_HEADED + _HEADED_NAME)
# ... and, for the lead, a name right after its noun: « RUE Pasteur » (not "Market Square", nor
# « musée. Une … »). It does not make a sentence say where (« la RÉGION Centre-Morvan » in a
# list of those sitting at a table).
_HEADED_OR_NAMED_PLACE = re.compile(
    rf"(?:{_HEADED}|(?<![\w'’-]){_HEAD_WORD} (?!(?:Les?|La|L|Une?|Des|Du|The|An?|Ce|Cette|Il"
    rf"|Elle)\b)){_HEADED_NAME}"
)
_PLACE_BEFORE_HEAD = re.compile(
    r"\b(?!(?:The|An?|L[ae]s?|Une?|Des|Du|Ce|Cette|Ces|This|That|These|Those|Its|Their|Our|His"
    r"|Her|Son|Sa|Ses|Leurs?|Notre|Nos|Votre|Vos)\b)([A-ZÀ-Ý][\wÀ-ÿ'’]+(?:[-\s][A-ZÀ-Ý][\wÀ-ÿ'’]+)*"
    rf"(?:\s+[a-z][a-z-]*)?\s+{_HEAD_WORD})(?=$|[\s,.;:)])"
)
# « la RUE DES Cordiers », « rue Pasteur », « la GARE ROUTIÈRE DE Bréville »
_HEAD_BEFORE = re.compile(
    r"(?<![\w'’-])([a-zà-ÿ][\wà-ÿ-]*)(?:\s+([a-zà-ÿ][\wà-ÿ-]*))?"
    r"\s+(?:(?:de\s+la|des|du|de|d['’])\s*)?$"
)
_HEAD_AFTER = re.compile(r"((?:\s+[a-z][a-z-]*){1,2})(?=$|[\s,.;:)])")


PLACE_CUES = (
    _HOST,
    _LOCATED,
    _PLACE,
    _HEADED_PLACE,
    _PLACE_BEFORE_HEAD,
    _PLACE_ON,
    _PLACE_TO,
)  # what says a name is a place
_PLACE_PATTERNS = (*PLACE_CUES, _PLACE_OF, _CAPITALISED_NAME)
# what says, in a quote, the place a lead gives
_LEAD_CUES = tuple(_HEADED_OR_NAMED_PLACE if p is _HEADED_PLACE else p for p in PLACE_CUES)
# Nouns that ask for a person ("which World Economic Forum PERSON", "quel EXPERT").
_PERSON_CONCEPT = re.compile(
    r"^(?:person|people|personn|individu|official|responsab|expert|speaker|spokes|porte-parole"
    r"|leader|dirigeant|minist|chef|head|membre|member)"
)
_COUNTRY_CONCEPT = re.compile(r"^(?:pays|country|countries|nations?|etats?|states?)$")
LANGUAGE_NAMES = {
    "en": {"fr": "French", "en": "English"},
    "fr": {"fr": "français", "en": "anglais"},
}
YES_ONLY = {
    "fr": "{word}, d’après l’article [{n}].",
    "en": "{word}, according to the article [{n}].",
}
ACCORDING = {"fr": "D’après l’article : ", "en": "According to the article: "}
YES_WORD = {"fr": "Oui", "en": "Yes"}
NO_WORD = {"fr": "Non", "en": "No"}
NO_SHORT_FACT = {
    "fr": "La réponse tient dans le passage cité ci-dessous (texte original en {lang}) : "
    "aucun chiffre, date, lieu ou nom ne la résume.",
    "en": "The answer is in the passage quoted below (original {lang}); no number, date, "
    "place or name sums it up.",
}
ORIGINAL = {"fr": "Texte original en {lang} :", "en": "Original {lang}:"}
UNITS_COUNTED = {"fr": "{n} (compté dans la liste)", "en": "{n} (counted in the list)"}


def _quoted(text: str, language: str) -> str:
    return f"« {text} »" if language == "fr" else f"“{text}”"


def facts_of(
    analysis: QuestionAnalysis,
    kind: str,
    citations: Sequence[Citation],
    language: str,
    quote_language: str,
    counted: int = 0,
    own_words: str = "",
    value_at: int = -1,
    value_named: bool = False,
    denied: bool = False,
    named: tuple[int, int] = (-1, -1),
) -> list[Fact]:
    """The facts the lead line states, each from one cited quote, in the asker's language.

    `own_words` is the asker's follow-up as typed ("Et la Banque africaine ?") when the
    analysed question is its standalone rewrite: its words weigh most; `value_at` is where
    the number that answers starts in its document, when the answerer knows it, and
    `value_named` whether the asker's noun may name what it counts (for a when- or a
    where-question, or a who-question naming the role's holder, where the best quote starts; for
    a yes/no question, where the quote deciding it starts);
    `denied` that the first quote answers a yes/no question in the negative; `named` where the
    name that a which-question's noun names, or the person a who-question's role names, starts
    and ends in its document.
    """
    if not citations:
        return []
    question = analysis.text
    for citation in (
        citations if named[0] >= 0 and analysis.intent in {"what", "where", "list"} else ()
    ):
        if citation.start <= named[0] < citation.end:
            # "quel tribunal ?" of « Le tribunal correctionnel de Mervigny a rendu … »
            phrase = citation.quote[named[0] - citation.start : named[1] - citation.start]
            kind_of = "place" if analysis.intent == "where" else "item"
            return [Fact(kind_of, phrase, phrase, citation.n)]
    if analysis.intent in {"who", "when", "where"}:
        # The quotes go in article order; the person or place is read in the best one first.
        best = _holding(citations, value_at)
        citations = best + [c for c in citations if c not in best]
    if counted:
        return [Fact("list-count", "", UNITS_COUNTED[language].format(n=counted), 1)]
    intent = analysis.intent
    if intent == "yesno":
        word = (NO_WORD if denied else YES_WORD)[language]
        # The quote that decided it (the answerer's `value_at`); else "No" cites the quote
        # that denies: « Cllr Morrow denied this. » after the claim.
        deciding = _holding(citations, value_at)
        denying = (c for c in citations if denied and _says_no(c.quote))
        cited = deciding[0] if deciding else next(denying, citations[0])
        facts = [Fact("answer", "", word, cited.n)]
        stated = {c for c in analysis.constraints.places if not c.isdigit()}
        for citation in citations:
            for code in countries_in_order(citation.quote):
                if code in stated:
                    facts.append(_country_fact(code, citation, language))
                    stated.discard(code)
        return facts
    if intent == "count" and counts_days(question):
        spanned = _days_facts(citations, language)
        if spanned:
            return spanned  # else the days a quote counts ("13 days"), as any number
    if _ASKS_WHO_GIVES_WHAT.search(fold(question)):
        sums = _sums_with_holders(citations, language)
        if sums:
            return sums
    if kind == "money" and _COORDINATED.search(fold(question)) and citations:
        # "What do tickets AND passes cost?" of « Le ticket … reste à 1,70 euro, … et
        # l'abonnement mensuel à 38 euros »: each sum the first quote gives, in its order.
        opening = citations[0]
        priced = [q for q in quantities(opening.quote) if q.currency]
        if len(priced) >= 2:
            return [
                Fact(
                    "number",
                    opening.quote[q.start : q.end],
                    render_quantity(q, language),
                    opening.n,
                )
                for q in priced
            ]
    if kind == "size":
        kind = _size_given(citations)
    if kind in {"count", "money", "duration", "age", "measure"} or intent == "count":
        return _quantity_facts(
            question, citations, language, quote_language, own_words, value_at, kind, value_named
        )
    if kind == "date" or intent == "when":
        if ASKS_TIME.search(fold(question)):
            return _time_facts(citations, language, question) or _date_facts(
                citations, language, value_at, question
            )
        return _date_facts(citations, language, value_at, question) or _time_facts(
            citations, language, question
        )
    owners = _owners(citations) if _ASKS_OWNER.search(fold(question)) else []
    if owners:
        return owners  # "who owns the mill?" of « Korsmark, propriétaire de l'usine »
    if intent == "who" and kind != "list":
        holder = _person_named_at(named[0], citations, language, quote_language)
        if holder:
            return holder  # the one named with the asked role ("Who's the prosecutor?")
        found = _person_facts(question, citations, language, quote_language)
        # "Who sponsors the race?" of « … the Caddick Building Society, which is the title
        # sponsor, Clearspring Water, …, Stride Sports and Tamsford Motors »: bodies, which
        # read as no person, enumerated in the first quote.
        # Three phrases answer "Who WERE …?"; otherwise a person outranks fewer than four.
        several = asks_several_people(question)
        enumerated = _enumerated_names(question, citations[:1]) or _enumerated_phrases(
            citations[:1],
            "" if language == quote_language else language,
            MIN_ENUMERATED if several else MIN_ENUMERATED + 1,
        )
        first = [f for f in found if f.n == citations[0].n] if citations else []
        return enumerated if len(enumerated) > len(first) else found
    if intent in {"list", "what"} and not asks_for_countries(analysis):
        # « Castelrovere, en Ombrie (Italie), … » and « Lindenau, en Bavière (Allemagne), … »
        # answer "What are the twin towns?": the places they open on, not their countries.
        located = [
            Fact("place", m.group(1), m.group(1), c.n)
            for c in citations
            if (m := _LOCATED.match(c.quote)) and fold(m.group(1)) not in fold(question)
        ]
        if len(located) >= 2:
            return located
        listed = _listed_names(citations, question, "" if language == quote_language else language)
        if len(listed) >= 2:
            return listed
    places = _country_facts(analysis, citations, language)
    if places and (intent in {"list", "where", "who"} or kind in {"list", "place"}):
        return places
    if intent == "who" or kind in {"person", "name"} or _PERSON_CONCEPT.match(analysis.concept):
        return _person_facts(question, citations, language, quote_language)
    if intent in {"list", "what"}:
        # « Y avait quoi au menu ? » of « … une salade …, un émincé …, un fromage blanc et une
        # mousse au chocolat »: what the first quote enumerates, item by item.
        other = "" if language == quote_language else language  # items quoted for this asker
        # the first quote, and the next sentence when it goes on from it ("The consultation …
        # drew 412 responses. Written submissions came from …, the National Education Union,
        # …")
        first_quotes = [
            *citations[:1],
            *[c for c in citations[1:2] if 0 <= c.start - citations[0].end <= 4],
        ]
        # "what SYMPTOMS were people getting?" asks several things, as "which" does
        several = intent == "list" or bool(_ASKS_SEVERAL_THINGS.search(fold(question)))
        # the asked things, a list must announce (not « quatre conditions » for "which unions")
        announcing = analysis.concept if intent == "list" and not other else ""
        enumerated = (
            _announced_items(first_quotes, other, announcing)
            or (_enumerated_names(question, citations) if intent == "list" else [])
            or _items_after_a_colon(first_quotes, other)
            or (_coordinated_items(first_quotes, other) if several else [])
            or _enumerated_phrases(first_quotes, other)
            or (_coordinated_items(citations, other) if several else [])
            # "à part le bar, ils veulent mettre quoi d'autre ?" of a later quote, "Its plan
            # sets out four uses for the building: a bar and restaurant, a small village shop, …"
            or _announced_items(citations[len(first_quotes) :], other, announcing)
            or _items_after_a_colon(citations[len(first_quotes) :], other)
        )
        if enumerated:
            return enumerated
    between = _between_facts(question, citations) if intent in {"where", "list"} else []
    if between:
        return between
    if intent == "where" or kind == "place":
        return _place_facts(
            question, citations, analysis.constraints.places, language, quote_language
        )
    return []


# Two things asked together ("tickets AND passes", « le ticket ET l'abonnement »).
_COORDINATED = re.compile(r"\w\s+(?:and|et)\s+(?:the\s+|les?\s+|la\s+|l'|des\s+)?\w")
# "Who put in how much?", « Qui a mis la main au portefeuille, et combien chacun ? »: every
# sum, each with who gives or gets it.
_ASKS_WHO_GIVES_WHAT = re.compile(
    r"\b(?:who|qui)\b.*\b(?:how much|combien)\b"
    r"|\b(?:how much|combien)\b.*\b(?:who|qui|each|chacun|chacune)\b"
)
# A name as the quote writes it, its small words inside ("Department of Health and Social Care").
_HOLDER = re.compile(
    r"[A-ZÀ-Ý][\wÀ-ÿ'’-]*(?:\s+(?:(?:of|and|for|the|de|du|des|la|le|et)\s+)*[A-ZÀ-Ý][\wÀ-ÿ'’-]*)*"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|Le|La|Les|L['’])\s*")
# A question asking whom something belongs to, and a quote naming its owner: after "owned by",
# « appartient à », or before ", propriétaire de", ", the owner of".
_ASKS_OWNER = re.compile(
    r"\b(?:who (?:\w+ )?owns|owned by|whose|owners?|belongs? to|a qui (?:appartient|est)"
    r"|appartient a qui|proprietaires?|qui possede)\b"
)
_OWNED_BY = re.compile(
    r"\b(?:owned by|belongs? to|belonging to|appartient à|appartenant à|propriété d(?:e|u|es))\s+"
    rf"(?:(?:the|la|le|les)\s+|l['’])?({_HOLDER.pattern})"
)
_OWNER_OF = re.compile(
    rf"({_HOLDER.pattern}),\s+(?:(?:the|its|le|la|son|sa)\s+)?(?:owner|propriétaire)s?\s"
)


def _owners(citations: Sequence[Citation]) -> list[Fact]:
    """The owner the first quote naming one names, as written; [] when none does."""
    for citation in citations:
        for pattern in (_OWNED_BY, _OWNER_OF):
            found = pattern.search(citation.quote)
            if found is not None:
                owner = _LEADING_ARTICLE.sub("", found.group(1))
                return [Fact("name", owner, owner, citation.n)]
    return []


MAX_SUMS = 6


def _sums_with_holders(citations: Sequence[Citation], language: str) -> list[Fact]:
    """Each sum of the quotes, in the asker's language, with the name written last before it
    (since the sum before): "31,5 millions de livres (Department of Health and Social Care)"."""
    facts: list[Fact] = []
    for citation in citations:
        since = 0
        for quantity in quantities(citation.quote):
            if not quantity.currency:
                continue
            names = _HOLDER.findall(citation.quote[since : quantity.start])
            holder = _LEADING_ARTICLE.sub("", names[-1]) if names else ""
            if holder and not re.search(r"\d", holder):
                rendering = f"{render_quantity(quantity, language)} ({holder})"
                written = citation.quote[quantity.start : quantity.end]
                facts.append(Fact("number", written, rendering, citation.n))
            since = quantity.end
    # Sums nobody is said to give ("cost £46.2 million, against an estimate of £39 million")
    # answer no "who gives what".
    return facts[:MAX_SUMS] if len(facts) >= 2 else []


# "… runs under Scarth Fell BETWEEN Low Ashby AND Brackenthwaite", « ENTRE Lyon ET Turin ».
_NAME = r"((?:[A-ZÀ-Ý][\wÀ-ÿ'’-]+)(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+)*)"
_BETWEEN = re.compile(rf"\b(?:between|entre)\s+{_NAME}\s+(?:and|et)\s+{_NAME}")


# « Les Mayons, Le Luc-en-Provence, La Garde-Freinet et Vidauban »: names enumerated.
# A name may hold "and" or "of" between its capitals ("the Dunmere AND District Sub-Aqua Club").
_ENUMERATED_NAME = (
    r"(?:(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Tt]he)\s*)?[A-ZÀ-Ý][\wÀ-ÿ'’-]+"
    r"(?:\s+(?:(?:and|of|&)\s+)?[A-ZÀ-Ý][\wÀ-ÿ'’-]+)*"
)
_ENUMERATION = re.compile(
    rf"{_ENUMERATED_NAME}(?:,\s+{_ENUMERATED_NAME})+,?\s+(?:et|and)\s+{_ENUMERATED_NAME}"
)
MIN_ENUMERATED = 3


# A relative clause in apposition, left out of an enumeration: ", which supplied the water".
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|qui|dont)\b[^,;.:]*")


def _enumerated_names(question: str, citations: Sequence[Citation]) -> list[Fact]:
    """The names a quote enumerates ("A, B, C and D"), those the question names left out."""
    asked = fold(question)
    for citation in citations:
        # "the Caddick Building Society, WHICH IS THE TITLE SPONSOR, Clearspring Water, …"
        bare = _RELATIVE_CLAUSE.sub("", citation.quote)
        for match in _ENUMERATION.finditer(bare):
            names = _split_enumeration(match.group(0))
            names = [n for n in names if n in citation.quote]
            kept = [n for n in names if fold(n) not in asked]
            if len(names) >= MIN_ENUMERATED and kept:
                return [Fact("item", n, n, citation.n) for n in kept]
    return []


def _split_enumeration(enumeration: str) -> list[str]:
    """An enumeration's items: between commas, the last two joined by the last "and"/"et"."""
    *body, last = re.split(r",\s+", enumeration)
    last = re.sub(r"^(?:et|and)\s+", "", last)
    return [*body, *re.split(r"\s+(?:et|and)\s+(?!.*\s(?:et|and)\s)", last)]


# « … a rassemblé la sous-préfecture, la chambre d'agriculture, le conseil régional et la
# cave coopérative »: noun phrases enumerated, each opening on an article of the quote's
# language (« a » is a verb in French) or, past the first, a name (« Santé publique France »).
def _enumeration(
    opening: str, articles: str, elided: str, prepositions: str, conjunction: str
) -> re.Pattern[str]:
    determined = (
        rf"(?:(?:{opening})\s+|{elided}\s*)[^\s,;:.()«»]"
        # no other article inside, but after a preposition (« un émincé de volaille À LA crème »)
        rf"(?:\s(?:{prepositions})\s(?:(?:{articles})(?=\s)|{elided})"
        rf"|(?!\s(?:{articles})\s|\s{elided})[^,;:.()«»]){{0,80}}?"
    )
    item = rf"(?:{determined}|[A-ZÀ-Ý][^\s,;:.()«»]*(?:\s[^\s,;:.()«»]+){{0,3}}?)"
    return re.compile(
        rf"(?<![\w'’]){determined}(?:,\s+{item}){{1,}},?\s+{conjunction}\s+{item}(?=\s*[,;:.()]|$)"
    )


_ENUMERATED_PHRASES = {
    "fr": _enumeration(
        "les?|la|des|du|une?", "les?|la|une?", "l['’]", "à|de|sur|dans|par|avec|pour|en", "et"
    ),
    "en": _enumeration("the|an?", "the|an?", "(?!)", "of|to|in|for|on|with|from|at|by", "and"),
}
# « l'agence régionale de santé (ARS), … »: a short name in brackets after an item.
_BRACKETED_SHORT_NAME = re.compile(r"\s\([A-ZÀ-Ý][\w.-]{1,9}\)")


def _enumerated_phrases(
    citations: Sequence[Citation], quoted_for: str = "", at_least: int = MIN_ENUMERATED
) -> list[Fact]:
    """The noun phrases a quote enumerates ("la sous-préfecture, la chambre …, … et la cave
    coopérative"), `at_least` of them, each as written; quoted for an asker of the language
    `quoted_for`."""
    for citation in citations:
        enumeration = _ENUMERATED_PHRASES[detect_language(citation.quote)]
        unbracketed = _BRACKETED_SHORT_NAME.sub("", citation.quote)
        # a relative clause may hold the list ("the safety group, which includes the police,
        # the ambulance service and …") or interrupt it (", which is the title sponsor,")
        for text in (unbracketed, _RELATIVE_CLAUSE.sub("", unbracketed)):
            for match in enumeration.finditer(text):
                items = re.split(r",\s+|,?\s+(?:et|and)\s+", match.group(0))
                if len(items) >= at_least and all(item in citation.quote for item in items):
                    return _item_facts(items, citation.n, quoted_for)
    return []


# The words an enumeration's first item follows ("Among the services hit WERE council tax
# payments, …", "blamed a mix OF retirements, …", « … notamment la mairie, … »); not "of"
# inside a name ("Chamber OF Commerce").
_LEAD_IN = re.compile(
    r"\b(?:were|are|was|is|include[sd]?|including|such as|like|of(?!(?-i:\s+[A-ZÀ-Ý]))|from"
    r"|by|with|among|comme|notamment|dont|sont|étaient|etaient|été|ete|était|etait|est|par|avec"
    r"|parmi)\s+",
    re.IGNORECASE,
)
# How an item opens, to tell a next item from the words that lead up to the first one.
_ITEM_OPENING = {
    "det": frozenset("the a an le la les l un une des du de d".split()),
    "prep": frozenset("a au aux sur dans en in at on to from by".split()),
    "pronoun": frozenset("il elle ils elles on it they he she we i nous vous".split()),
    "clause": frozenset(
        "who which that whom whose where when while if because qui que qu ou lorsque quand si"
        " parce".split()
    ),
}
# A conjunction that joins items, not the words of one name ("Transport AND Aviation Union").
_ITEM_AND = re.compile(r"\s(?:and|et|or|ou)\s(?![A-ZÀ-Ý])")
_ITEM_END = re.compile(r"\s(?:that|which|who|qui|dont|where|où)\s")


def _opening(item: str) -> str:
    """The kind of an item's first word: a determiner, a number, a preposition, a pronoun, a
    clause's opening, a capital, or a word."""
    first = fold(item.split()[0]) if item.split() else ""
    first = re.sub(r"['’].*$", "", first)
    for kind, words in _ITEM_OPENING.items():
        if first in words:
            return kind
    if first[:1].isdigit() or first in WORD_VALUES:
        return "number"
    return "capital" if item[:1].isupper() else "word"


def _first_item(part: str, following: Sequence[str]) -> str:
    """Where the first item of an enumeration starts in the words before its first comma:
    after the last lead-in word (not "of" inside a name), or at the first determiner, number
    or preposition after it that opens the next or the last item too (« il faut au minimum QUATRE
    gynécologues, quatre anesthésistes … », "sent by THE Marlcombe Chamber of Commerce, the
    …"); '' when neither is found."""
    cues = list(_LEAD_IN.finditer(part))
    after = cues[-1].end() if cues else 0
    opened = next((o for f in following if (o := _opened_alike(part[after:], f))), "")
    if opened:
        return opened
    return part[after:] if cues else ""


# A named place said with a preposition, right before where a first item opens ("ON ASHWORTH
# ROAD in Dunmore").
_PLACED_BEFORE = re.compile(
    r"(?<![\w'’])(?:on|in|at|à|au|aux|dans|sur|en)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]*\s+)+$"
)


def _opened_alike(part: str, following: str) -> str:
    """A part from the first word that opens `following` too, when that is a determiner, a
    number or a preposition (« mais aussi DE poulets de chair » before « de pintades »)."""
    kind = _opening(following)
    if kind not in {"det", "number", "prep"}:
        return ""
    opening = re.sub(r"['’].*$", "", fold(following.split()[0]))
    same = re.search(rf"(?<![\w'’]){re.escape(opening)}(?![\w])", fold(part))
    if same is None:
        return ""
    # "the branches ON ASHWORTH ROAD in Dunmore, in Kelbrook, …": a named place before it, said
    # with a preposition, belongs to the first item
    placed = _PLACED_BEFORE.search(part, 0, same.start()) if kind == "prep" else None
    return part[placed.start() if placed else same.start() :]


def _coordination(clause: str, led_in: bool) -> list[str]:
    """The items a clause coordinates: parts between commas, the last joined by "and"/"et"
    (after a comma or not; "or"/"ou" without one), each opening like the last, the first cut
    after its lead-in (or the clause's first part whole, after a colon or a dash: `led_in`)."""
    parts = [p.strip() for p in re.split(r",\s+", clause.strip(" .;"))]
    oxford = next((i for i in range(1, len(parts)) if re.match(r"(?:and|et)\s", parts[i])), None)
    if oxford is not None:
        # "… to swimming, sailing, kayaking and fishing at 9am, AND ITS SCIENTISTS took samples
        # …": a ", and" that coordinates no items may join the next clause to the list's
        return _items_of(parts, oxford, led_in) or _items_of(parts[:oxford], None, led_in)
    return _items_of(parts, None, led_in)


def _items_of(parts: list[str], oxford: int | None, led_in: bool) -> list[str]:
    """`_coordination`'s items of a clause's parts between commas, `oxford` the part opening on
    "and"/"et" after a comma, if any."""
    if oxford is not None:
        body, items = parts[:oxford], [re.sub(r"^(?:and|et)\s+", "", parts[oxford])]
    else:
        joined = next((i for i in range(1, len(parts)) if _ITEM_AND.search(parts[i])), None)
        cut = _ITEM_AND.search(parts[joined]) if joined is not None else None
        if joined is None or cut is None:
            return []
        body = parts[:joined]
        items = [parts[joined][: cut.start()], parts[joined][cut.end() :]]
    last = items[-1]
    for at in range(len(body) - 1, -1, -1):
        part = body[at]
        if (
            at > 0
            and len(part.split()) <= MAX_INNER_ITEM_WORDS
            and _opening(part) not in {"pronoun", "clause"}
            and (_opening(part) == _opening(last) or not _LEAD_IN.search(part))
        ):
            items = [_opened_alike(part, last) or part, *items]
            continue
        first = part if led_in and at == 0 and not _LEAD_IN.search(part) else ""
        first = first or _first_item(part, (items[0], last))
        inner = [len(i.split()) for i in items[:-1]]
        if (
            not first
            and inner
            and max(inner) <= BARE_ITEM_WORDS
            and all(_opening(i) == _opening(last) for i in items[:-1])
        ):
            # "closed the reservoir to swimming, sailing, paddleboarding, kayaking and fishing":
            # no word leads in to items of a word or two opening alike; the first is as long
            # as the longest of the others
            first = " ".join(part.split()[-max(inner) :])
        items = [first, *items]
        break
    longest = max(len(i.split()) for i in items[1:])
    if len(items[0].split()) > 2 * longest + 1:
        # "to collect medicines, documents and pets": the first item as long as the others
        items[0] = " ".join(items[0].split()[-longest:])
    heads = [_item_head(_ITEM_END.split(i)[0]) for i in items]
    if len(heads) < MIN_ENUMERATED or not all(heads):
        return []
    return [] if any(_opening(h) in {"pronoun", "clause"} for h in heads) else heads


def _coordinated_items(citations: Sequence[Citation], quoted_for: str = "") -> list[Fact]:
    """The items a quote coordinates in one of its clauses (between colons and dashes); quoted
    for an asker of the language `quoted_for`."""
    for citation in citations:
        # « l'agence régionale de santé (ARS), … »: the item without its short name
        unbracketed = _BRACKETED_SHORT_NAME.sub("", citation.quote)
        clauses = re.split(r"(\s[–—]\s|:\s|;\s)", unbracketed)
        for at in range(0, len(clauses), 2):
            led_in = at > 0 and clauses[at - 1].strip() in {"–", "—", ":"}
            items = _coordination(clauses[at], led_in)
            if items and all(item in citation.quote for item in items):
                return _item_facts(items, citation.n, quoted_for)
    return []


# A what-question asking for things in the plural ("what SYMPTOMS were people getting?",
# "what TYPES of poultry …", "what are the CHOICES …", « c'est quoi LES recommandations ? »).
_PLURAL_NOUN = r"[a-z'-]*[a-hj-rtv-z]s"
_ASKS_SEVERAL_THINGS = re.compile(
    rf"\bwhat (?:(?:[a-z'-]+ ){{0,2}}{_PLURAL_NOUN} (?:is|are|was|were|did|do|does|has|have|had"
    rf"|will|would|can|could|should|must)\b|{_PLURAL_NOUN} of\b|(?:are|were) (?:all )?the "
    rf"{_PLURAL_NOUN}\b)|\b(?:quoi|koi) (?:les|des) [a-z'-]+[sx]\b"
)


def coordinates_items(text: str) -> bool:
    """Whether a sentence coordinates items in one of its clauses ("in five areas: the town
    centre around Market Square, the Station Quarter, … and every road within 200 metres")."""
    return bool(_coordinated_items([Citation(0, "", "", text, 0, len(text), True)]))


def enumerates(text: str) -> bool:
    """Whether a sentence enumerates items: names, noun phrases, or items after a colon."""
    quote = [Citation(0, "", "", text, 0, len(text), True)]
    return bool(
        _enumerated_names("", quote) or _items_after_a_colon(quote) or _enumerated_phrases(quote)
    )


def _item_facts(items: Sequence[str], n: int, quoted_for: str = "") -> list[Fact]:
    """Items as written, quoted for an asker of another language (`quoted_for`)."""
    return [Fact("item", i, _quoted(i, quoted_for) if quoted_for else i, n) for i in items]


# « … sur quatre scènes : la scène du Parc, installée …; le Théâtre des Carmes, une salle …;
# … ; et le Kiosque … »: items after a colon, one per semicolon, each named before its comma.
_SEMICOLON_LIST = re.compile(r":\s+([^:]*;[^:]*;[^:]*)$")
_COMMA_LIST = re.compile(r":\s+([^:;«»“”]+,[^:;«»“”]+\s(?:and|et)\s[^:;«»“”,]+)$")
MAX_ITEM_WORDS = 8
# The most words an item between commas may have before the enumeration is taken to start.
MAX_INNER_ITEM_WORDS = MAX_ITEM_WORDS + 4
# Items this short are told apart from the words before the first one by their length alone.
BARE_ITEM_WORDS = 2


# A quote announcing how many things it lists after a colon: "is calling for FOUR MEASURES: a
# ban on …, average speed cameras, …", « réclamer TROIS MESURES : des caméras …, … et … »
# (the count, a plural noun within three words, what is said of them, the colon).
_COUNTED_THINGS = re.compile(
    r"\s+(?:[^\W\d_][\w'’-]*\s+){0,2}?[^\W\d_][\w'’-]*[sx]\b[^:;.!?«»“”]{0,60}$"
)
MAX_ANNOUNCED = 8


def _announced_count(before_colon: str) -> tuple[int, str]:
    """How many things the words before a colon say follow it, and the words saying so ("four
    measures"); (0, '') when they say none."""
    for word in reversed(list(re.finditer(r"(?<![\w'’-])[^\W_]+", before_colon))):
        count = int(number_value(word.group(0)) or 0)
        if 2 <= count <= MAX_ANNOUNCED and _COUNTED_THINGS.match(before_colon, word.end()):
            return count, before_colon[word.start() :]
    return 0, ""


def _announced_items(
    citations: Sequence[Citation], quoted_for: str = "", concept: str = ""
) -> list[Fact]:
    """The items a quote lists after a colon when it says how many come and as many do, one
    per semicolon, else one per comma and the last "and"/"et"; each item's head, quoted for an
    asker of the language `quoted_for`; when a `concept` is asked in the quote's language, a
    list announcing it ("Which CLUBS …?" of "Four CLUBS train at the centre: …")."""
    for citation in citations:
        quote = citation.quote.rstrip(" .")
        colon = re.search(r":\s+", quote)
        if colon is None:
            continue
        count, announcing = _announced_count(quote[: colon.start()])
        if not count or (concept and fold(concept)[:5] not in stems_of(announcing)):
            continue
        listed = quote[colon.end() :]
        if ";" in listed:
            parts = [re.sub(r"^(?:et|and|or|ou)\s+", "", p.strip()) for p in listed.split(";")]
        else:
            parts = re.split(r",\s+", listed)
            while len(parts) > 1 and _opening(parts[-1]) in {"clause", "pronoun"}:
                parts.pop()  # "…, and Pellingham Canoe Club, WHICH uses the pool in winter"
            joined = re.match(r"(?:and|et|or|ou)\s+", parts[-1])
            if joined is not None:
                parts[-1] = parts[-1][joined.end() :]
            elif cut := list(_ITEM_AND.finditer(parts[-1])):
                parts[-1:] = [parts[-1][: cut[-1].start()], parts[-1][cut[-1].end() :]]
        items = [_item_head(_ITEM_END.split(p)[0]) for p in parts]
        if len(items) == count and all(items):
            return _item_facts(items, citation.n, quoted_for)
    return []


def _items_after_a_colon(citations: Sequence[Citation], quoted_for: str = "") -> list[Fact]:
    """The items a quote lists after a colon, one per semicolon, each up to its first comma,
    or one per comma before a last "and" ("in three phases: motion sensors in every gallery, a
    second alarm line and laminated glass"); quoted for an asker of the language `quoted_for`."""
    for citation in citations:
        quote = citation.quote.rstrip(" .")
        listed = _SEMICOLON_LIST.search(quote)
        if listed is not None:
            # one item per semicolon: each is one, however long; its head is stated
            items = [
                _item_head(re.sub(r"^(?:et|and)\s+", "", part.split(",")[0].strip()))
                for part in listed.group(1).split(";")
            ]
        elif (enumerated := _COMMA_LIST.search(quote)) is not None:
            items = re.split(r",\s+(?:(?:and|et)\s+)?|\s+(?:and|et)\s+", enumerated.group(1))
        else:
            continue
        if len(items) >= MIN_ENUMERATED and all(
            0 < len(item.split()) <= MAX_ITEM_WORDS for item in items
        ):
            return _item_facts(items, citation.n, quoted_for)
    return []


# Where an item's head ends: its first comma or semicolon, or the preposition that opens its
# detail ("drilling boreholes and installing ground sensors ALONG the cliff top").
_ITEM_DETAIL = re.compile(
    r"\s+(?:along|on|in|at|from|to|for|with|by|under|over|after|before|within|near|between"
    r"|à|au|aux|sur|dans|pour|avec|par|sous|entre|après|avant|dès|jusqu['’]?\w*)\s"
)


_TITLE = re.compile(r"(?:Dr|Mr|Mrs|Ms|Mme|Mlle|Pr|Prof|M)\.?\s")


def _item_head(item: str) -> str:
    """An item's words up to its first comma or semicolon, cut before the preposition opening
    its detail when longer than MAX_ITEM_WORDS ("drilling boreholes and installing ground
    sensors", of "… along the cliff top, starting on 16 February;")."""
    item = item.lstrip("-–—•* ")
    if _TITLE.match(item):
        return ""  # "Dr. Mohamed bin Ali Koman, …": a person, whom the person facts read
    head = re.split(r"[;:]|[,.](?!\d)", item, maxsplit=1)[0].strip()  # not "1,500 seats"
    words = head.split()
    if len(words) > MAX_ITEM_WORDS:
        cut = _ITEM_DETAIL.search(head, len(" ".join(words[:2])))
        head = head[: cut.start()] if cut else " ".join(words[:MAX_ITEM_WORDS])
    return head


def _between_facts(question: str, citations: Sequence[Citation]) -> list[Fact]:
    """The two places a quote puts something between, when the question names neither."""
    for citation in citations:
        for match in _BETWEEN.finditer(citation.quote):
            names = [match.group(1), match.group(2)]
            if _places_the_place_before(citation.quote, match.start()):
                continue
            if not any(fold(n) in fold(question) for n in names):
                return [Fact("place", n, n, citation.n) for n in names]
    return []


def _places_the_place_before(quote: str, at: int) -> bool:
    """Whether the "between" at `at` follows, after a comma, a place the quote names: it says
    where that place is (« au lieu-dit la Combe-Noire, ENTRE Lavalade et Montcrozet »)."""
    before = quote[:at].rstrip()
    if not before.endswith(","):
        return False
    before = before[:-1]
    return any(
        m.end() == len(before)
        for pattern in (_PLACE, _HEADED_PLACE)
        for m in pattern.finditer(before)
    )


def _size_given(citations: Sequence[Citation]) -> str:
    """What a size question's quotes give: a sum ("How big is the fund?": €2.4 billion), a
    measure (« 650 mètres carrés »), or else a count."""
    found = [q for c in citations for q in quantities(c.quote)]
    if any(q.currency for q in found):
        return "money"
    if any(MEASURED.search(c.quote) for c in citations):
        return "measure"
    return "count"


def asks_for_countries(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks which countries ("which two countries", « quels pays »)."""
    if analysis.intent not in {"list", "what", "who", "where", "count"}:
        return False
    if analysis.concept:
        return bool(_COUNTRY_CONCEPT.match(analysis.concept))
    return any(_COUNTRY_CONCEPT.match(w) for w in content_words(analysis.text))


def _country_fact(code: str, citation: Citation, language: str) -> Fact:
    written = _written_country(code, citation.quote)
    return Fact("country", written, country_name(code, language), citation.n)


def _written_country(code: str, quote: str) -> str:
    """The words of the quote that name the country (its name or nationality word)."""
    folded, offsets = folded_with_offsets(quote)
    for language in ("fr", "en"):
        name = fold(territory_name(code, language))
        at = folded.find(name)
        if at >= 0:
            return quote[offsets[at] : offsets[at + len(name) - 1] + 1]
    for match in re.finditer(r"[\wÀ-ÿ]+", quote):
        if code in find_entities(match.group(0), names_from_capitals=False).places:
            return match.group(0)
    return ""


def _country_facts(
    analysis: QuestionAnalysis, citations: Sequence[Citation], language: str
) -> list[Fact]:
    stated = analysis.constraints.places
    regions = [c for c in stated if c.isdigit()]
    facts: list[Fact] = []
    seen: set[str] = set()
    for citation in citations:
        listed = named_places(citation.quote)
        codes = countries_in_order(citation.quote)
        on_continent = [c for c in codes if any(place_held(r, {c}) for r in regions)]
        if regions and 2 * len(on_continent) < len(codes):
            continue  # a list of another region ("Asian countries" quoted for "African")
        for code in codes:
            if len(listed) >= 2 and code not in listed:
                continue  # a nationality word beside a list of countries is not an item
            if code in stated or code in seen:
                continue
            seen.add(code)
            facts.append(_country_fact(code, citation, language))
    listing = len(facts) >= 2 or asks_for_countries(analysis)
    return facts[:MAX_LISTED] if listing and len(facts) <= MAX_LISTED else []


NUMBER_OWN_WORDS = 3  # the words right after a number that are its own, within its clause


def _quantity_facts(
    question: str,
    citations: Sequence[Citation],
    language: str,
    quote_language: str,
    own_words: str = "",
    value_at: int = -1,
    kind: str = "",
    value_named: bool = False,
) -> list[Fact]:
    phrase = asked_phrase(question)
    asked = {fold(w)[:5] for w in phrase.split()} if language == quote_language else set()
    candidates: list[tuple[Quantity, Citation]] = [
        (q, c) for c in citations for q in quantities(c.quote)
    ]
    if kind == "count":
        # « Il a pris combien, le directeur ? » is not answered by his age (« 58 ans, »), nor
        # "How many patients …?" by a share ("92% of patients") unless one is asked.
        share_asked = bool(ASKS_SHARE.search(fold(question)))
        unit = asked_unit(question) if counted_head(question) else None
        counting = [
            (q, c)
            for q, c in candidates
            if not is_age(c.quote, q.start, q.end)
            and share_asked == is_share(c.quote, q.end)
            # "How many runners registered?" is not "13.1 MILES": a number in the asked unit
            and (unit is None or number_unit(c.quote, q.start, q.end) == unit)
        ]
        candidates = counting or candidates
        # "How many employees do the THREE town halls have?" is not answered by « trois ».
        stated = find_entities(question).numbers
        unstated = [(q, c) for q, c in candidates if not states_a_number(c.quote, q, stated)]
        candidates = unstated or candidates
    if counts_days(question):
        # "How many days could people ski?" of « … entre 1 150 et 1 620 mètres …, n'a pu ouvrir
        # que 23 jours »: a number of days, in any language.
        of_days = [(q, c) for q, c in candidates if _time_unit(c.quote, q.end) in _DAY_UNITS]
        candidates = of_days or candidates
    if kind == "age":
        # "How old is the postwoman?" of "The 72-year-old … had waited fourteen months": the
        # number that is an age.
        candidates = [
            (q, c) for q, c in candidates if is_age(c.quote, q.start, q.end)
        ] or candidates
    if kind == "money" and any(q.currency for q, _ in candidates):
        # "How much did the committee pay?": a sum, not the three languages of the guides.
        candidates = [(q, c) for q, c in candidates if q.currency]
    if kind == "measure":
        # "How long is the nave?": « sa nef de 38 mètres », said with its unit.
        measured = [(q, c, u) for q, c in candidates if (u := _measure_unit(c.quote, q.end))]
        area = _asks_area(question)
        # the measure the answerer read first (as revised: "now says the hole measures 9 metres")
        measured.sort(
            key=lambda m: (
                (m[2] in _AREA_UNITS) != area,
                not m[1].start + m[0].start <= value_at < m[1].start + m[0].end,
            )
        )
        if measured:
            quantity, citation, unit = measured[0]
            rendering = (
                f"{render_quantity(quantity, language)} {_MEASURE_UNITS[unit][language == 'fr']}"
            )
            written = citation.quote[quantity.start : quantity.end]
            return [Fact("number", written, rendering, citation.n)]
    if kind == "duration":
        # "How long were the works suspended?": « pendant cinq MOIS », said with its unit.
        # (Not an age: « Camille Rouvière, 29 ANS, enceinte de cinq mois » has been nothing
        # for 29 years.)
        timed = [
            (q, c, unit)
            for q, c in candidates
            if (unit := _time_unit(c.quote, q.end)) and not is_age(c.quote, q.start, q.end)
        ]
        # the one said with a word of the question ("How long did X spend on the SITE?" of «
        # "… dans trois cents ans », résume X, qui a passé près de deux ans sur le SITE »)
        said_of = {w[:5] for w in content_words(question)}
        timed.sort(
            key=lambda t: not said_of & {fold(w)[:5] for w in _counted_words(t[1].quote, t[0])}
        )
        if timed:
            quantity, citation, unit = timed[0]
            words = _TIME_UNITS[unit][language == "fr"]
            rendering = f"{render_quantity(quantity, language)} {words[quantity.value >= 2]}"
            written = citation.quote[quantity.start : quantity.end]
            return [Fact("number", written, rendering, citation.n)]
        # "How long did the assembly last?": the days of its range of dates; "How long has he
        # been mayor?": « depuis 2014 ».
        days = _days_facts(citations, language)
        if days:
            return days
        for citation in citations:
            since = SINCE_YEAR.search(citation.quote)
            if since:
                rendering = SINCE[language].format(year=since.group(1))
                return [Fact("date", since.group(0), rendering, citation.n)]
    if not candidates:
        return []
    asked_about = stems_of(" ".join(content_words(question)))
    typed = stems_of(" ".join(content_words(own_words))) if own_words != question else frozenset()

    asked_words = set(content_words(question))
    earlier = bool(_EARLIER_ASKED.search(fold(question)))
    first_asked = earlier or bool(_ORIGINALLY.search(fold(question)))  # "at first", « au départ »
    total_asked = bool(_TOTAL.search(fold(question)))

    def closeness(candidate: tuple[Quantity, Citation]) -> tuple[int, int]:
        # The number whose neighbourhood shares most words with the question (across
        # languages, by stem: "Banque africaine de développement" ~ "African Development Bank").
        quantity, citation = candidate
        # Its neighbourhood stops at the numbers beside it: "X €900 million, Y €400 million".
        others = [q for q, c in candidates if c is citation and q is not quantity]
        # ... and the words a number before it counts are that number's: of « 1 150 salariés
        # EN CDI, auxquels s'ajoutent environ 90 intérimaires », "CDI" is not said of 90.
        begin = max(
            [
                governed_end(citation.quote, q.end, NUMBER_OWN_WORDS)
                for q in others
                if q.end <= quantity.start
            ],
            default=0,
        )
        begin = min(begin, quantity.start)
        end = min([q.start for q in others if q.start >= quantity.end], default=len(citation.quote))
        phrase = re.split(r"[,;:.()]", citation.quote[quantity.end : end], maxsplit=1)[0]
        after = re.findall(r"[\wÀ-ÿ]+", phrase)[:3]  # the noun it counts, if any
        following = {fold(w)[:5] for w in after}
        before = citation.quote[max(begin, quantity.start - 60) : quantity.start]
        near = stems_of(before) | following
        score = len(near & asked_about) + 2 * len(near & typed) + 2 * len(asked & following)
        if total_asked and (
            _TOTAL.search(fold(citation.quote[max(begin, quantity.start - 20) : quantity.start]))
            or _TOTAL_AFTER.match(fold(citation.quote[quantity.end : end]))
        ):
            # "How much must the company pay out ALTOGETHER?" of « une amende de 450 000 euros,
            # …, et devra verser AU TOTAL 1,3 million d'euros »: the total.
            score += 2
        if not first_asked and _revised_to(citation.quote, quantity.start):
            score += 2  # « le chiffre a été REVU À 112 »: the value now
        elif not first_asked and _FIRST_VALUE.search(fold(citation.quote[begin : quantity.start])):
            score -= 2  # « INITIALEMENT ESTIMÉ À 3,4 millions »: the value replaced
        compared_with = bool(_COMPARED_WITH.search(citation.quote[begin : quantity.start]))
        if earlier and compared_with:
            # "How many rooms did the museum have BEFORE?": of « 4 salles …, contre 2 salles
            # auparavant », the number compared with (after « contre », "from").
            score += 3
        elif compared_with:
            # « Combien d'hectares en tout cet été ? » of « au total 3 240 hectares, CONTRE 780
            # hectares l'été précédent »: the number compared with is the earlier one.
            score -= 3
        # Among equals, the one beside the question's very word: "How much did the region put
        # in?" is « la Région …, 800 000 euros », not « direction régionale …, 1,1 million ».
        return score, len(set(content_words(before)) & asked_words)

    known = [(q, c) for q, c in candidates if c.start + q.start <= value_at < c.start + q.end]
    if _ASKS_MOST.search(fold(question)):
        # "Max number of ppl sleeping in the gym on a single night?" of « Quatre-vingt-cinq
        # personnes y ont dormi la première nuit, et JUSQU'À 212 dans la nuit de jeudi »
        most = [(q, c) for q, c in candidates if _TOLD_AS_MOST.search(_before(c.quote, q))]
        known = most[:1] or known
    if _ASKS_TOTAL.search(fold(question)):
        # "Au final ils étaient combien de sauveteurs ?" of "… sent 31 volunteers …, and they
        # were joined later by six members of …, BRINGING THE NUMBER OF rescuers TO 37"; « …
        # combien de maisons EN TOUT ? » of "… two houses and … four more, six homes IN TOTAL".
        totals = [(q, c) for q, c in candidates if _told_as_total(c.quote, q)]
        known = totals[:1] or known
    if known and earlier:
        # « 35 000 visiteurs par an d'ici 2028, CONTRE 21 000 avant la fermeture »: the number
        # the answerer read counts the thing; the one compared with it is the earlier value.
        number, cited = known[0]
        compared = [
            (q, c)
            for q, c in candidates
            if c is cited
            and q.start > number.end
            and _COMPARED_WITH.search(c.quote[max(number.end, q.start - 40) : q.start])
        ]
        known = compared[:1] or known
    chosen = known[0] if known else max(candidates, key=closeness)  # the first among equals
    if not first_asked:
        # "The council first put the detour at 19 miles, but on Monday RAISED IT TO 23 miles":
        # the value that replaced the one read, unless the first one is asked.
        number, cited = chosen
        revised = (
            (q, c)
            for q, c in candidates
            if c is cited and q.start > number.end and _revised_to(c.quote, q.start)
        )
        chosen = next(revised, chosen)
    quantity, citation = chosen
    rendering = render_quantity(quantity, language)
    counted_words = _counted_words(citation.quote, quantity)
    # The asker's noun is said only of a number known to count it: the answerer matched it
    # closely across languages (`value_named`), or it follows the number as the asker wrote
    # it. Else the quote's own noun, quoted ("38 (“mètres”)", not "38 bells" of « une nef de
    # 38 mètres »; "31 (« delegations »)", not « 31 journalistes »).
    counts_it = (bool(known) and value_named) or bool(asked & {fold(w)[:5] for w in counted_words})
    if not quantity.currency and not is_currency((phrase.split() or [""])[-1]):
        if counts_it and phrase and asked:
            # Only the asker's words the quote holds: « 9 vitraux », not « 9 vitraux
            # ANCIENS » of « 9 vitraux contemporains »; none when it counts a synonym.
            held = {fold(w)[:5] for w in counted_words}
            phrase = " ".join(w for w in phrase.split() if fold(w)[:5] in held)
        if counts_it and phrase:
            joiner = " "
            if quantity.scale and language == "fr":  # « 68 millions DE personnes »
                joiner = " d’" if fold(phrase)[:1] in "aeiouyh" else " de "
            rendering = f"{rendering}{joiner}{phrase}"
        elif (
            counted_words
            and not quantity.scale
            and fold(counted_words[0]) not in STOPWORDS
            and not _PART_OF.match(fold(counted_words[0]))  # « 9 d'entre eux »: no noun of its own
        ):
            written = counted_words[0]
            shown = written if language == quote_language else _quoted(written, language)
            rendering = f"{rendering} ({shown})"
    return [Fact("number", citation.quote[quantity.start : quantity.end], rendering, citation.n)]


# A question asking a total, and a number told as one, by the words before or after it.
_ASKS_TOTAL = re.compile(
    r"\b(?:en tout|au total|in total|in all|altogether|all in all|all told|au final|in the end)\b"
)
_TOTAL_AFTER = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}?(?:in total|en tout|au total|altogether|in all)\b", re.IGNORECASE
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:(?:a|an|un|the|le) total (?:of|de)|au total,?|bringing (?:the|its|their) "
    r"(?:total|number)[^,;.]{0,40}? to|portant (?:le total|le nombre)[^,;.]{0,40}? a"
    r"|soit)\s*(?:about|around|some|environ|pres de)?$"
)


# A question asking the most of something, and a number told as the most.
_ASKS_MOST = re.compile(
    r"\b(?:max|maximum|at most|at the most|the most|highest|peak|record|au maximum|au plus"
    r"|le plus|la plus|les plus|au max)\b"
)
_TOLD_AS_MOST = re.compile(
    r"\b(?:jusqu'a|jusqu'au|up to|as many as|as much as|at most|au maximum|au plus|a peak of"
    r"|peaked at|un pic de|un record de|a record)\s*$"
)


def _before(quote: str, quantity: Quantity) -> str:
    """The words right before a number, folded."""
    return fold(quote[max(0, quantity.start - 60) : quantity.start])


def _told_as_total(quote: str, quantity: Quantity) -> bool:
    """Whether a quote tells a number as a total ("six homes in total", "a total of 43")."""
    return bool(
        _TOTAL_BEFORE.search(_before(quote, quantity)) or _TOTAL_AFTER.match(quote, quantity.end)
    )


# A number counting a part of what was said before it: « 9 D'ENTRE eux », "nine OF them".
_PART_OF = re.compile(r"(?:d['’]entre|parmi|among|of)$")
# A share: "92% of patients", « 61 pour cent »; and a question asking for one.
_SHARE_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pour\s?cent\b)", re.IGNORECASE)
ASKS_SHARE = re.compile(
    r"\b(?:percent\w*|pourcentage|pour cent|share|proportion|quelle part|taux)\b|%"
)


def is_share(text: str, end: int) -> bool:
    """Whether the number ending at `end` of a text is a percentage."""
    return bool(_SHARE_AFTER.match(text, end))


# A person's age: "a 72-year-old", "72 years old", « Thierry Vasseur, 58 ans, … ».
_AGE_AFTER = re.compile(r"-year-old\b|\s+years?\s+old\b|\s*ans\s*[,)]")


# What a number of years lasting follows (« conductrice depuis DOUZE ANS, »): no age.
_LASTING_BEFORE = re.compile(
    r"\b(?:depuis|pendant|durant|voici|voila|il y a|au bout de|since|for|during|over)\s*$"
)


def is_age(text: str, start: int, end: int) -> bool:
    """Whether the number of a text from `start` to `end` is someone's age."""
    return bool(_AGE_AFTER.match(text, end)) and not _LASTING_BEFORE.search(fold(text[:start]))


# A question about an earlier time, and the words that introduce an earlier value.
_EARLIER_ASKED = re.compile(
    r"\b(?:before|previously|formerly|used to|earlier|avant|auparavant|precedemment|autrefois)\b"
)
# A total, asked or given ("altogether", « au total », "in all"); given after its number too.
_TOTAL_WORDS = r"au total|en tout|in total|altogether|in all"
_TOTAL = re.compile(rf"\b(?:{_TOTAL_WORDS}|all told|au final|total)\b")
_TOTAL_AFTER = re.compile(rf"\s*(?:[\w'’]+\s+){{0,2}}?(?:{_TOTAL_WORDS})\b")
# A value said to replace another ("raised it TO 23 miles", « a été revu À 112 »,
# « réévalué À 4,7 millions »), and one said to be the first given ("first put the detour AT",
# « initialement estimé À », « une première estimation … faisait état DE »).
_REVISED_VALUE = re.compile(
    r"\b(?:rais\w*|revis\w*|increas\w*|lowered|cut|reduced|rose|fell|climbed|dropped|put up"
    r"|revue?s?|relevee?s?|portee?s?|ramenee?s?|abaissee?s?|reevaluee?s?|corrigee?s?|passee?s?"
    r"|montee?s?|grimpee?s?)\b[^.;:!?]{0,40}?\b(?:to|a|au)(?:\s+(?:about|around|environ))?\s*$"
    # « qui l'évalue DÉSORMAIS À 3 800 tonnes », "now put AT 97": the value it has now
    r"|\b(?:now|desormais|dorenavant)\b[^.;:!?]{0,25}?\b(?:at|to|a)(?:\s+(?:about|around|environ))?\s*$"
)
_FIRST_VALUE = re.compile(
    r"\b(?:first (?:put|set|estimated|counted|reported|announced|gave)|initially|originally"
    r"|initialement|a l'origine|au depart|premiere estimation|premier bilan|d'abord|at first"
    r"|dans un premier temps)\b[^.;:!?]{0,60}$"
)


# The value a revised one replaced, given after it ("… up to 187 million, FROM THE 152 million").
_REPLACED_AFTER = re.compile(r"\b(?:from|contre)(?:\s+(?:the|about|around|environ))?\s*$")


def _revised_to(quote: str, start: int) -> bool:
    """Whether the number starting at `start` of a quote is said to replace an earlier one."""
    return bool(_REVISED_VALUE.search(fold(quote[max(0, start - 50) : start])))


def revision_direction(text: str) -> str:
    """'up' or 'down' when a sentence gives a first value and the one that replaced it
    (« Initialement estimé à 3,4 millions, son coût a été réévalué à 4,7 millions »), else ''."""
    found = [q for q in quantities(text) if full_value(q) > 0]
    revised = [q for q in found if _revised_to(text, q.start)]
    first = [
        q
        for q in found
        if q not in revised and _FIRST_VALUE.search(fold(text[max(0, q.start - 80) : q.start]))
    ]
    if not first and revised:
        # "revised its figure up to 187 million litres, FROM the 152 million it had reported":
        # the value it replaced, given after it
        first = [
            q
            for q in found
            if q.start > revised[0].end
            and _REPLACED_AFTER.search(fold(text[max(revised[0].end, q.start - 20) : q.start]))
        ]
    if not first or not revised or full_value(first[0]) == full_value(revised[0]):
        return ""
    return "up" if full_value(revised[0]) > full_value(first[0]) else "down"


_COMPARED_WITH = re.compile(r"\b(?:contre|from|compared with)\s+(?:about |environ )?$")


def _counted_words(quote: str, quantity: Quantity) -> list[str]:
    """The words right after a number, up to the clause's end: the thing it counts, if any."""
    clause = re.split(r"[,;:.()]", quote[quantity.end :], maxsplit=1)[0]
    return re.findall(r"[\wÀ-ÿ’'-]+", clause)[:5]


# The units a number may be said in, by what they measure (folded forms): a number of minutes
# counts no bus lines, and « 5 communes » is no length ("how many km long is the valley?").
_UNIT_FORMS = {
    "time": r"ans?|annees?|mois|jours?|journees?|semaines?|heures?|h|minutes?|mins?|mn|secondes?"
    r"|siecles?|decennies?|nuits?|years?|yrs?|months?|days?|weeks?|hours?|hrs?|seconds?|secs?"
    r"|centur(?:y|ies)|decades?|nights?|am|pm|a\.m|p\.m",
    "length": r"metres?|meters?|m|kilometres?|kilometers?|km|centimetres?|centimeters?|cm"
    r"|millimetres?|millimeters?|mm|miles?|yards?|feet|foot|ft",
    "area": r"hectares?|ha|acres?|m2|m²|km2|km²|square|carres?",
    "mass": r"tonnes?|tons?|kilos?|kilogrammes?|kilograms?|kg|grammes?|grams?|lbs?",
    "volume": r"litres?|liters?|ml|cl|hl|hectolitres?|m3|m³|gallons?|cubic|cubes?",
    "heat": r"degres?|degrees?|°c?",
    "energy": r"kwh|mwh|gwh|kw|mw|gw|watts?|volts?|kv",
    "speed": r"mph|km/h|kmh|noeuds?|knots?",
}
_UNIT_AFTER_NUMBER = re.compile(
    r"[\s-]*(?:" + "|".join(f"(?P<{d}>{f})" for d, f in _UNIT_FORMS.items()) + r")(?![\w²³/])"
    # right after the number: "36C"; an ordinal, « la 38e semaine », "the 5th"; a clock, "8:30"
    r"|(?P<celsius>c)\b|(?P<rank>e|er|ere|eme|th|st|nd|rd)\b|(?P<clock>:\d\d)"
)
_UNIT_NOUN = {d: re.compile(f"(?:{f})") for d, f in _UNIT_FORMS.items()}


def unit_dimension(noun: str) -> str:
    """What a noun measures when it is a unit ('time' for « jours », 'length' for "km"), else
    ''."""
    folded = fold(noun)
    return next((d for d, form in _UNIT_NOUN.items() if form.fullmatch(folded)), "")


def measured_dimension(text: str, end: int) -> str:
    """What the number of a text ending at `end` measures, by the unit right after it ('time'
    for « 20 minutes », 'length' for "13.1 miles"), or '' when none follows."""
    unit = _UNIT_AFTER_NUMBER.match(fold(text[end : end + 16]))
    if unit is None:
        return ""
    if unit.group("celsius"):
        return "heat"
    if unit.group("rank"):
        return "rank"
    if unit.group("clock"):
        return "time"
    return next(d for d in _UNIT_FORMS if unit.group(d))


def asked_unit(question: str) -> str:
    """What a count question counts in: a unit's kind ("combien de KM ?": 'length'), '' for
    things ("how many bus lines?")."""
    return unit_dimension(counted_head(question))


def number_unit(text: str, start: int, end: int) -> str:
    """What the number of a text between `start` and `end` is said in, to compare with
    `asked_unit`: its unit's kind, 'time' for a time of day ("8:30 a.m."), '' for things
    ("how many bus lines?" is not « 20 minutes », "combien de km ?" not « 5 communes »)."""
    if any(begin <= start < stop for _, (begin, stop) in clock_times(text)):
        return "time"
    return measured_dimension(text, end)


# The folded stems of a day ("how many days" is answered in days).
_DAY_UNITS = frozenset({"jour", "day", "journee"})
# A time unit's folded stem -> (English singular, plural), (French singular, plural).
_TIME_UNITS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "jour": (("day", "days"), ("jour", "jours")),
    "day": (("day", "days"), ("jour", "jours")),
    "semaine": (("week", "weeks"), ("semaine", "semaines")),
    "week": (("week", "weeks"), ("semaine", "semaines")),
    "mois": (("month", "months"), ("mois", "mois")),
    "month": (("month", "months"), ("mois", "mois")),
    "an": (("year", "years"), ("an", "ans")),
    "annee": (("year", "years"), ("année", "années")),
    "year": (("year", "years"), ("an", "ans")),
    "heure": (("hour", "hours"), ("heure", "heures")),
    "hour": (("hour", "hours"), ("heure", "heures")),
    "siecle": (("century", "centuries"), ("siècle", "siècles")),
    "century": (("century", "centuries"), ("siècle", "siècles")),
    "centurie": (("century", "centuries"), ("siècle", "siècles")),
}


# A unit of length or area's folded form -> (English, French), plural (values from 2 on).
_MEASURE_UNITS: dict[str, tuple[str, str]] = {
    "metres carres": ("square metres", "mètres carrés"),
    "square metres": ("square metres", "mètres carrés"),
    "square meters": ("square metres", "mètres carrés"),
    "m2": ("m²", "m²"),
    "metres": ("metres", "mètres"),
    "meters": ("metres", "mètres"),
    "metre": ("metre", "mètre"),
    "meter": ("metre", "mètre"),
    "m": ("m", "m"),
    "kilometres": ("kilometres", "kilomètres"),
    "kilometers": ("kilometres", "kilomètres"),
    "km": ("km", "km"),
    "centimetres": ("centimetres", "centimètres"),
    "cm": ("cm", "cm"),
    "hectares": ("hectares", "hectares"),
    "ha": ("ha", "ha"),
}
# A number with a unit of length or area: what a measure question needs.
MEASURED = re.compile(
    r"\b(?P<num>\d[\d\s.,]*?)\s*(?:mètres? carrés|square met(?:er|re)s|m²|m2|mètres?"
    r"|met(?:er|re)s?|m|kilomètres?|kilomet(?:er|re)s?|km|centimètres?|cm|hectares?|ha)(?![\w²])",
    re.IGNORECASE,
)


_AREA_UNITS = frozenset({"metres carres", "square metres", "square meters", "m2", "hectares", "ha"})


def measures_fitting(question: str, text: str) -> bool:
    """Whether a text gives a measure of the kind a question asks: an area ("What is the AREA
    …?", « superficie ») or a length."""
    area = _asks_area(question)
    units = [_measure_unit(text, m.end("num")) for m in MEASURED.finditer(text)]
    return any((unit in _AREA_UNITS) == area for unit in units if unit)


def _asks_area(question: str) -> bool:
    """Whether a measure question asks an area ("What is the AREA …?", « superficie »), not a
    length."""
    return bool(re.search(r"\b(?:superficie|surface|area|square|carres?)\b", fold(question)))


# One of those units right after a number (folded text; the longest form first).
_UNIT_AFTER = re.compile(
    r"\s*(" + "|".join(map(re.escape, sorted(_MEASURE_UNITS, key=len, reverse=True))) + r")(?!\w)"
)


def _measure_unit(text: str, end: int) -> str:
    """The unit of length or area right after a number, as a key of `_MEASURE_UNITS`, or ''."""
    unit = _UNIT_AFTER.match(fold(text[end : end + 24]))
    return unit.group(1) if unit else ""


def _time_unit(text: str, end: int) -> str:
    """The time unit right after a number ('mois' in « cinq mois »), as a key of
    `_TIME_UNITS`, or ''."""
    match = re.match(r"\s+([\wÀ-ÿ]+)", text[end:])
    if not match:
        return ""
    word = fold(match.group(1))
    for key in (word, word.removesuffix("s"), word.removesuffix("es")):
        if key in _TIME_UNITS:
            return key
    return ""


_COUNTS_DAYS = re.compile(
    r"\b(?:combien de|how many|nombre de|number of)\s+(?:\w+\s+)?(?:jours?|journees?|days?)\b"
)
# "maire de la commune depuis 2014", "a member since 1998": how long, from its start.
SINCE_YEAR = re.compile(r"\b(?:depuis|since)\s+((?:1\d|20)\d{2})\b", re.IGNORECASE)
SINCE = {"fr": "depuis {year}", "en": "since {year}"}
DAYS_SPANNED = {
    "fr": "{n} jours ({dates}, compté d’après les dates)",
    "en": "{n} days ({dates}, counted from the dates)",
}


def counts_days(question: str) -> bool:
    """Whether a question asks how many days something lasted ("combien de jours")."""
    return bool(_COUNTS_DAYS.search(fold(question)))


def days_spanned(sentence: str) -> tuple[int, DateParts, tuple[int, int]] | None:
    """The days a range of dates covers ("du 24 au 27 novembre": 4; "17 and 18 March": 2)."""
    for parts, span in dates(sentence):
        if len(parts.days) == 2 and parts.days[1] > parts.days[0]:
            first, last = parts.days
            return (last - first + 1 if parts.joiner == "range" else 2), parts, span
    return None


def _days_facts(citations: Sequence[Citation], language: str) -> list[Fact]:
    for citation in citations:
        spanned = days_spanned(citation.quote)
        if spanned is not None:
            count, parts, (start, end) = spanned
            rendering = DAYS_SPANNED[language].format(n=count, dates=render_date(parts, language))
            return [Fact("days", citation.quote[start:end], rendering, citation.n)]
    return []


def _holding(citations: Sequence[Citation], at: int) -> list[Citation]:
    """The quote holding the document offset `at` (the answerer's value), if one does."""
    return [c for c in citations if c.start <= at < c.start + len(c.quote)]


def _date_facts(
    citations: Sequence[Citation], language: str, value_at: int = -1, question: str = ""
) -> list[Fact]:
    asked = fold(question)
    # the quote holding the date the answerer read as the answer first
    holding = _holding(citations, value_at)
    for citation in [*holding, *[c for c in citations if c not in holding]]:
        found = told_dates(citation.quote)
        if not found:
            continue
        precise = [d for d in found if d[0].days] or [d for d in found if d[0].month] or found
        # the date the answerer read as the answer, else the most precise one
        known = [d for d in found if citation.start + d[1][0] == value_at]
        parts, (start, end) = (known or precise)[0]
        rendering = render_date(parts, language)
        following = next((d for d in found if d[1][0] >= end), None)
        if following is not None and len(parts.days) <= 1 and not _ASKS_A_START.search(asked):
            joined = _RANGE_JOINER.fullmatch(citation.quote[end : following[1][0]])
            opened = _RANGE_OPENER.search(citation.quote[:start])
            if (
                joined
                and (opened or joined.group(1))
                and not _changed_from(citation.quote, start, end, following[1][0])
            ):
                # « du 7 septembre au 9 octobre 2026 », "from 3 November 2025 to 26 January
                # 2026": a period over two months, both its ends (not a date "moved from …
                # to …").
                last = render_date(following[0], language)
                end = following[1][1]
                rendering = (
                    f"{rendering} to {last}" if language == "en" else f"du {rendering} au {last}"
                )
        weekday = _WEEKDAY_BEFORE.search(citation.quote[:start])
        if weekday and len(parts.days) == 1:
            # "on SUNDAY 9 May": the day of the week the article gives, in the asker's words
            from babel.dates import get_day_names

            day = WEEKDAYS[weekday.group(1).lower()]
            named = str(get_day_names("wide", locale=language)[day])
            rendering = f"{named} {rendering}"
            start = weekday.start()
        return [Fact("date", citation.quote[start:end], rendering, citation.n)]
    return []


# What joins a period's two dates ("from X TO Y", « du X AU Y », "X – Y", "X UNTIL Y"), the
# word opening the first ("FROM", « DU », "BETWEEN") when the joiner alone says no period
# (« au » also says "at"); and a question asking when a thing started, which one date answers.
_RANGE_JOINER = re.compile(r"\s*(?:(until|till|jusqu['’]au|[–-])|to|au|and|et)\s*")
_RANGE_OPENER = re.compile(r"\b(?:from|du|between|entre)\s*$", re.IGNORECASE)
_ASKS_A_START = re.compile(
    r"\b(?:start\w*|begin\w*|began|begun|open\w*|kick\w* off|commenc\w*|debut\w*|demarr\w*"
    r"|ouvert\w*|a partir de quand|since when|depuis quand)\b"
)


# A day of the week written right before a date.
_WEEKDAY_BEFORE = re.compile(rf"\b({'|'.join(WEEKDAYS)})(?:\s+the|\s+le)?\s*$", re.IGNORECASE)


def _time_facts(citations: Sequence[Citation], language: str, question: str = "") -> list[Fact]:
    """The first time of day the quotes give (« Le soir même, à 20 h 30 »); of a time changed
    ("bring the start forward … from 9 a.m. to 8:30 a.m."), the new one unless the question
    asks about before."""
    asked = fold(question)
    earlier = bool(_EARLIER_ASKED.search(asked) or _ORIGINALLY.search(asked))
    for citation in citations:
        times = clock_times(citation.quote)
        if not times:
            continue
        value, (start, end) = times[0]
        if (
            len(times) > 1
            and not earlier
            and _changed_from(citation.quote, start, end, times[1][1][0])
        ):
            value, (start, end) = times[1]
        written = citation.quote[start:end]
        return [Fact("time", written, render_time(value, language), citation.n)]
    return []


# "FROM 9 a.m. TO 8:30 a.m.", « DE 9 h À 8 h 30 », said to have changed ("bring the start
# forward", "moved", « avancé », « repoussé »): not a range ("from 5:30 to 0:30").
_FROM_BEFORE = re.compile(r"\b(?:from|de|du)\s+$")
_TO_BETWEEN = re.compile(r"\s+(?:to|a|au)\s+$")
_CHANGED_BY = re.compile(
    r"\b(?:forward|moved?|brought|shift\w*|chang\w*|put back|push\w*|delay\w*|postpon\w*"
    r"|advanc\w*|avanc\w*|recul\w*|repouss\w*|decal\w*|deplac\w*|modifi\w*|passe\w* de)\b"
)
# "What time was the start ORIGINALLY?", « prévu AU DÉPART »: the value before a change.
_ORIGINALLY = re.compile(r"\b(?:originally|initially|at first|au depart|initialement)\b")


def _changed_from(quote: str, start: int, end: int, next_start: int) -> bool:
    """Whether the value at `start`–`end` of a quote is what a change started from: "from"
    before it, "to" between it and the next value, and a word of change before them."""
    return (
        bool(_FROM_BEFORE.search(quote[max(0, start - 8) : start].lower()))
        and bool(_TO_BETWEEN.fullmatch(" " + fold(quote[end:next_start]) + " "))
        and bool(_CHANGED_BY.search(fold(quote[:start])))
    )


def _listed_names(citations: Sequence[Citation], question: str, quoted_for: str = "") -> list[Fact]:
    """The names the items of a quoted list open on ("Kirkhope, the northern terminus, …"),
    or the noun phrases ("a day-surgery unit", quoted for an asker of the language
    `quoted_for`), in the quotes that follow a lead-in ("It houses:") line by line."""
    found: list[Fact] = []
    previous: Citation | None = None
    in_list = False
    for citation in citations:
        following = previous is not None and 0 <= citation.start - previous.end <= 4
        if citation.quote.rstrip().endswith(":"):
            in_list = True
        elif in_list and following:
            named = _ITEM_NAME.match(citation.quote)
            phrase = None if named else _ITEM_PHRASE.match(citation.quote)
            if named and fold(named.group(1)) not in fold(question):
                found.append(Fact("item", named.group(1), named.group(1), citation.n))
            elif phrase and fold(phrase.group(1)) not in fold(question):
                found += _item_facts([phrase.group(1)], citation.n, quoted_for)
            elif not (named or phrase) and (head := _item_head(citation.quote)):
                # "drilling boreholes and installing ground sensors along …": its head
                found += _item_facts([head], citation.n, quoted_for)
        else:
            in_list = False
        previous = citation
    return found


_ASKS_SEVERAL = re.compile(r"\W*(?:who|qui)\s+(?:were|are|sont|etaient)\b")


def asks_several_people(question: str) -> bool:
    """Whether a who-question asks several people ("Who WERE the headline acts?")."""
    return _ASKS_SEVERAL.match(fold(question)) is not None


MAX_PEOPLE = 6


# What follows a name that places it rather than gives a role ("Grandes Noues, SUR la commune
# de Montcerf": a place read as a name).
_PLACED_ROLE = re.compile(r"(?:sur|à|au|aux|dans|en(?! tant)|in|at|on|near|près)\b", re.IGNORECASE)


def gives_a_role(named: Iterable[tuple[str, str]]) -> bool:
    """Whether one of the people a text names (`entities.people`) is given a role, not placed."""
    return any(role and not _PLACED_ROLE.match(role) for _, role in named)


def _person_facts(
    question: str, citations: Sequence[Citation], language: str, quote_language: str
) -> list[Fact]:
    asked_about = {fold(name) for name, _ in people(question)}
    asked_about |= {fold(word) for _, word in names_at(question)}  # "Who did HAMMOUCHI meet?"
    # "whats the name of the college kid …" is not answered by "Harcastle COLLEGE", nor "who's
    # buying mill LANE?" by "Mill Lane": a name whose head the question writes is what it
    # speaks of, not who.
    question_stems = {w[:5] for w in content_words(question)}
    facts: list[Fact] = []
    # A name with a role in apposition is a person for sure ("Sam Patel, the 34-year-old driver
    # of the first train"); a capitalised run alone may be a line or a firm ("the Ashdale
    # Valley Railway"): quotes naming someone with a role come first.
    named = {c.n: people(c.quote) for c in citations}
    with_role = [c for c in citations if gives_a_role(named[c.n])]
    # An office ("Gareth Pennell, THE race director") before a description ("Mark Hollis, A
    # 38-year-old plumber", someone the article quotes).
    with_role.sort(key=lambda c: not any(_OFFICE.match(role) for _, role in named[c.n]))
    # "Who WERE the big names on the bill?": a quote naming several people, all of them.
    several = asks_several_people(question)
    crowded = [c for c in citations if several and len(named[c.n]) >= MIN_ENUMERATED]
    ordered = crowded + [c for c in with_role if c not in crowded]
    ordered += [c for c in citations if c not in ordered]
    # "Qui a répondu aux accusations côté PRÉFECTURE ?" of « …, répond Arnaud Deschamps,
    # secrétaire général de la PRÉFECTURE »: someone whose role holds the question's words first.
    asked_stems = {w[:5] for w in content_words(question) if len(w) > 3}

    def role_overlap(citation: Citation) -> int:
        # the role, or what the clause after the name says of them ("Gary Holcroft, WHO
        # REPRESENTS the company's DRIVERS as organiser of the Road Transport UNION")
        quote = citation.quote
        said = [
            role or _said_after(quote, quote.find(name) + len(name))
            for name, role in named[citation.n]
        ]
        return max((len(asked_stems & stems_of(s)) for s in said), default=0)

    ordered.sort(key=lambda c: -role_overlap(c))
    for citation in ordered:
        for name, role in named[citation.n]:
            # "Who pulled RYAN out?" names "Ryan Coker" by his first name.
            named_in_question = any(
                set(fold(name).split()) & set(a.split()) for a in asked_about
            ) or (fold(name.split()[-1])[:5] in question_stems and len(name.split()[-1]) > 3)
            if named_in_question:
                if role:
                    shown = role if language == quote_language else _quoted(role, language)
                    facts.append(Fact("role", role, f"{name}, {shown}", citation.n))
                continue
            if any(f.text.startswith(name) for f in facts):
                continue
            facts.append(_person_fact(name, role, citation.n, language, quote_language))
        if facts:
            break
    return facts[: MAX_PEOPLE if crowded else 3]


def _said_after(quote: str, at: int) -> str:
    """The clause a relative pronoun opens right after a name ("…, who chairs the …")."""
    clause = re.match(r",\s+(?:who|qui)\s+([^,;:.]+)", quote[at:])
    return clause.group(1) if clause else ""


def _person_named_at(
    at: int, citations: Sequence[Citation], language: str, quote_language: str
) -> list[Fact]:
    """The person whose name starts at a document offset, with their role; [] when none."""
    for citation in _holding(citations, at):
        for name, role in people(citation.quote):
            if citation.quote.startswith(name, at - citation.start):
                return [_person_fact(name, role, citation.n, language, quote_language)]
    return []


def _person_fact(name: str, role: str, n: int, language: str, quote_language: str) -> Fact:
    """A person as a lead states them: the name, and a short role in brackets."""
    rendering = name
    if role and len(role) <= MAX_ROLE:
        shown = role if language == quote_language else _quoted(role, language)
        rendering = f"{name} ({shown})"
    return Fact("person", name, rendering, n)


def _place_facts(
    question: str,
    citations: Sequence[Citation],
    stated_places: frozenset[str],
    language: str,
    quote_language: str,
) -> list[Fact]:
    """The first named place of the quotes the question does not name (`place_named`); before
    a capitalised word alone, the place a locative phrase of the first quote gives (« à la
    salle des fêtes »)."""
    tied = _place_tied_to_question(question, citations[:1], stated_places)
    if tied:
        return tied
    said = _place_after_asked_word(question, citations[:1], stated_places)
    if said:
        return said
    origin = (_PLACE_FROM,) if _ASKS_ORIGIN.search(fold(question)) else ()
    for pattern in (*origin, *_LEAD_CUES, _PLACE_OF):
        for citation in citations:
            found = _place_fact(question, citation, stated_places, pattern)
            if found:
                return found
    for citation in citations[:1]:
        phrase = locative_place(question, citation.quote, place_noun_after_a=True)
        if phrase:
            shown = phrase if language == quote_language else _quoted(phrase, language)
            return [Fact("place", phrase, shown, citation.n)]
    for citation in citations:
        found = _place_fact(question, citation, stated_places, _CAPITALISED_NAME)
        if found:
            return found
    return []


# The cues of a place said right after a word of the question ("will move TO St Aidan's Court").
_SAID_AT = (_PLACE, _PLACE_TO)
# A verb's forms share their first letters ("move", "moved"; « transférer », « transféré »).
_VERB_ROOT = 4


def _place_after_asked_word(
    question: str, citations: Sequence[Citation], stated_places: frozenset[str]
) -> list[Fact]:
    """The named place a quote gives right after a word of the question (« le proprio, il VIT
    dans quelle ville ? » of « Bernard Lhomond, 67 ans, VIT À Lavernay », not « appartient à la
    SCI Les Tanneurs »); [] when none."""
    asked = {w for w in content_words(question) if len(w) >= 3 and w not in _PLACE_HEADS}
    for citation in citations:
        quote = citation.quote
        cue_at = {m.start(1): m.start() for p in _SAID_AT for m in p.finditer(quote)}  # its cue
        for name, at in _placed_names(question, quote, stated_places, _SAID_AT):
            words = quote[: cue_at.get(at, at)].split()[-1:]
            if words and _said_alike(fold(words[0].strip(",;:")), asked):
                start, end = place_phrase(quote, at, at + len(name))
                return [Fact("place", quote[start:end], quote[start:end], citation.n)]
    return []


def _said_alike(word: str, asked: set[str]) -> bool:
    """Whether a word is one of the asked words, or the same verb in another form ("will MOVE
    to" of "where's he being MOVED to?"): their first four letters match."""
    return word in asked or (
        len(word) >= _VERB_ROOT and any(a[:_VERB_ROOT] == word[:_VERB_ROOT] for a in asked)
    )


def _place_tied_to_question(
    question: str, citations: Sequence[Citation], stated_places: frozenset[str]
) -> list[Fact]:
    """The place of the quotes that the place noun the question names makes (« Le dépôt sur le
    PORT fluvial, il est dans quelle commune ? » of « à Bréville, au Vernet et sur le port
    fluvial de Saint-Jory »); [] when none or several."""
    asked = {w for w in content_words(question) if w in _PLACE_HEADS}
    if not asked:
        return []
    tied: list[Fact] = []
    for citation in citations:
        quote = citation.quote
        for name, at in _placed_names(question, quote, stated_places, (*_LEAD_CUES, _PLACE_OF)):
            start, end = place_phrase(quote, at, at + len(name))
            phrase = quote[start:end]
            if asked & set(content_words(phrase)) and all(f.text != phrase for f in tied):
                tied.append(Fact("place", phrase, phrase, citation.n))
    return tied if len(tied) == 1 else []


def _place_fact(
    question: str, citation: Citation, stated_places: frozenset[str], pattern: re.Pattern[str]
) -> list[Fact]:
    name, at = _place_named_at(question, citation.quote, stated_places, (pattern,))
    if not name:
        return []
    start, end = place_phrase(citation.quote, at, at + len(name))
    phrase = citation.quote[start:end]
    facts = [Fact("place", phrase, phrase, citation.n)]
    # « viennent de Lille, de Bruxelles, de Bucarest et du centre hospitalier de Ternac », "in
    # Kingsford and Dunmere": the places coordinated with it are given with it, up to the one
    # "and"/« et » joins (not « Dans la rue des Cordiers, Mireille Fabre a dû … »).
    coordinated: list[Fact] = []
    while more := _COORDINATED_PLACE.match(citation.quote, end):
        start, end = place_phrase(citation.quote, more.start(1), more.end(1))
        phrase = citation.quote[start:end]
        coordinated.append(Fact("place", phrase, phrase, citation.n))
        if re.search(r"\b(?:and|et)\b", more.group(0)[: more.start(1) - more.start()]):
            facts += coordinated
            coordinated = []
    return facts


# A place name coordinated with the one before: after a comma or "and"/« et », behind a
# preposition or not, alone or completing a place noun (« et DU CENTRE HOSPITALIER DE Ternac »).
_COORDINATED_PLACE = re.compile(
    # the day said of each ("at Marlcombe Town Hall ON 12 NOVEMBER and at Thornby Village Hall")
    r"(?:\s+(?:on|le)\s+(?:[A-Za-z]+\s+)?\d{1,2}(?:er|st|nd|rd|th)?\s+[^\W\d_]+)?"
    r"(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)"
    r"(?:(?:at|in|from|to|à|a|de|d['’]|du|des|en|au|aux)\s*)?"
    r"(?:(?:the|le|la|les|l['’])\s*)?(?:(?:[a-zà-ÿ]+\s+){1,2}(?:de|du|of|d['’])\s*)?"
    r"([A-ZÀ-Ý][\wÀ-ÿ'’-]+(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+)*)"
)


# « réunie À LA SALLE DES FÊTES », "kept ON THE ROOF of the co-op": a place said with a common
# noun; not a time ("at the end", « au début »).
_LOCATIVE_PHRASE = re.compile(
    r"(?<![\w-])(?:(?:à\s+la|au|dans\s+l[ea]|sur\s+l[ea]|in\s+the|at\s+the|on\s+the)\s+"
    r"|(?:à|dans|sur)\s+l['’])([a-zà-ÿ][\wÀ-ÿ'’-]+(?:\s+(?:des|du|de\s+la|de\s+l['’]|de|d['’]"
    r"|of\s+the|of)\s*[\wÀ-ÿ'’-]+)*(?:\s+[a-zà-ÿ]+(?<!et)(?<!and)(?=[\s,.;]))?)"
)
_NOT_A_PLACE = frozenset(
    "fin debut moment heure heures temps end start beginning time morning evening night "
    "afternoon matin soir nuit apres-midi mois annee year week semaine jour day total "
    "meantime moyenne average passe past future avenir lendemain veille cours course "
    "summer winter spring autumn fall ete hiver printemps automne".split()
)


# « à », « au » also say to whom and how; with a place noun only they say where.
_TO_OR_AT = re.compile(r"(?:a|au)\b")


def locative_place(question: str, text: str, place_noun_after_a: bool = False) -> str:
    """The first place a text says with a common noun that the question does not say
    (« à la salle des fêtes », "in the park"; '' when none), with its preposition; not a time
    ("in the summer"); with `place_noun_after_a`, after « à », « au » only a place noun (not
    « présenté au conseil »), as a lead states it."""
    for match in _LOCATIVE_PHRASE.finditer(text):
        phrase = match.group(1)
        if fold(phrase.split()[-1]) in STOPWORDS:  # « à la salle des fêtes LA … »
            phrase = phrase.rsplit(maxsplit=1)[0]
        head = fold(re.split(r"['’\s]", phrase)[0])
        if head in _NOT_A_PLACE or fold(phrase) in fold(question):
            continue
        to_or_at = _TO_OR_AT.match(fold(text[match.start() : match.start(1)]))
        if place_noun_after_a and to_or_at and head not in _PLACE_HEADS:
            continue  # « présenté AU CONSEIL », « poulet À LA CRÈME »: a recipient, a manner
        return text[match.start() : match.start(1) + len(phrase)]
    return ""


def place_named(
    question: str,
    text: str,
    stated_places: frozenset[str],
    patterns: Sequence[re.Pattern[str]] = (),
) -> str:
    """A named place of a text that the question does not name ('' when none): after a place
    preposition first, then after "de"/"of", then any capitalised name that is not a
    sentence's start."""
    return _place_named_at(question, text, stated_places, patterns)[0]


# A road's letters, and the number that makes its name (« RD 9 », « N 7 », "A 38").
_ROAD_LETTERS = re.compile(r"[A-Z]{1,3}")
_ROAD_NUMBER = re.compile(r"\s\d{1,4}\b(?![,.]\d)")


def place_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """A place name's span widened to the phrase its place noun makes with it: « rue des
    Moulins », "Brackenford railway station"; the name's own span without one. A road's
    letters keep their number (« la RD 9 », "the A 38")."""
    numbered = _ROAD_NUMBER.match(text, end) if _ROAD_LETTERS.fullmatch(text, start, end) else None
    end = numbered.end() if numbered else end
    before = _HEAD_BEFORE.search(text, max(0, start - 40), start)
    if before:
        for word in (1, 2):
            if before.group(word) and fold(before.group(word)) in _PLACE_HEADS:
                return before.start(word), end
    after = _HEAD_AFTER.match(text, end)
    if after:
        words = list(re.finditer(r"\S+", after.group(1)))
        for n in range(len(words), 0, -1):  # the longest run that ends on a place noun
            run = [fold(w.group()) for w in words[:n]]
            if run[-1] in _PLACE_HEADS and not any(w in STOPWORDS for w in run):
                return start, end + words[n - 1].end()
    return start, end


def _place_named_at(
    question: str,
    text: str,
    stated_places: frozenset[str],
    patterns: Sequence[re.Pattern[str]] = (),
) -> tuple[str, int]:
    return next(_placed_names(question, text, stated_places, patterns or _PLACE_PATTERNS), ("", -1))


def _placed_names(
    question: str, text: str, stated_places: frozenset[str], patterns: Sequence[re.Pattern[str]]
) -> Iterator[tuple[str, int]]:
    """Each named place of a text that the question does not name, with its offset: the
    patterns' matches in their order."""
    stated = fold(question)
    for pattern in patterns:
        for match in pattern.finditer(text):
            if pattern in (_PLACE_ON, _PLACE_TO) and _AFTER_A_NAME.search(text, 0, match.start()):
                continue
            name = re.sub(r"[’']s$", "", match.group(1))
            places = find_entities(name, names_from_capitals=False).places
            if places & stated_places:
                continue  # the place the question names ("Chilean" for "le Chili")
            # "in Cape Town", "Lindenau, en Bavière", "from Saxby Marsh": a place, though named
            # like a person
            placed = pattern in (*PLACE_CUES, *_LEAD_CUES, _PLACE_FROM) and pattern is not _PLACE_TO
            if _is_place_name(name, stated, text, match.start(1), placed):
                yield name, match.start(1)


def _is_place_name(name: str, stated: str, quote: str, at: int, placed: bool = False) -> bool:
    if fold(name) in stated or re.fullmatch(r"[IVXL]+(?:e|ème|th)?", name):
        return False
    if re.fullmatch(rf"(?:{_MONTH_NAME})", name, re.IGNORECASE) or (people(name) and not placed):
        return False
    if fold(name.split()[0]) in WEEKDAYS:  # "on Tuesday 10 March"
        return False
    if fold(name) in _INSTITUTION:
        return False
    if re.fullmatch(r"[A-Z]{2,6}", name) and quote[at - 1 : at] == "(":
        return False  # "l'Office français de la biodiversité (OFB)": a body's short name
    previous = re.findall(r"[\wÀ-ÿ]+", quote[max(0, at - 30) : at])[-1:]
    if previous and len(previous[0]) > 3 and re.search(rf"\b{fold(previous[0])}\b", stated):
        return False  # « où est l'USINE ? » of « l'usine Galvanor »: the asked thing's own name
    if previous and fold(previous[0]) in _FIRM:
        return False  # « la cuisine centrale de la SOCIÉTÉ Restaurelia »: a firm's name
    if not placed and any(0 <= at - quote.find(p) < len(p) for p, _ in people(quote)):
        return False  # a word of a person's name ("Abdulmajid AL Bonyan")
    before = quote[:at].rstrip()
    # a sentence opens on a capital anyway, unless its name is placed ("Lindenau, en Bavière")
    return (placed and not before) or (bool(before) and before[-1] not in '.!?«“"')


def lead_line(facts: Sequence[Fact], language: str, quote_language: str) -> str:
    """The answer stated first, in the asker's language, each fact with its citation marker."""
    if not facts:
        if quote_language != language:
            return NO_SHORT_FACT[language].format(lang=LANGUAGE_NAMES[language][quote_language])
        return ACCORDING[language].rstrip()
    from babel.lists import format_list

    answer_word = ""
    if facts[0].type == "answer":
        answer_word, citations_of_answer, facts = facts[0].rendering, facts[0].n, facts[1:]
        if not facts:
            return YES_ONLY[language].format(word=answer_word, n=citations_of_answer)
    groups: list[tuple[int, list[str]]] = []
    for fact in facts:
        if groups and groups[-1][0] == fact.n:
            groups[-1][1].append(fact.rendering)
        else:
            groups.append((fact.n, [fact.rendering]))
    separator = " ; " if language == "fr" else "; "
    stated = separator.join(f"{format_list(items, locale=language)} [{n}]" for n, items in groups)
    if answer_word:
        return f"{answer_word} — {stated}."
    return f"{ACCORDING[language]}{stated}."


def original_label(language: str, quote_language: str) -> str:
    """The line above quotes in another language than the asker's: 'Original French:'."""
    if quote_language == language or quote_language not in LANGUAGE_NAMES[language]:
        return ""
    return ORIGINAL[language].format(lang=LANGUAGE_NAMES[language][quote_language])


def _says_no(quote: str) -> bool:
    """Whether a quote negates, retracts or refuses something (what a "No" needs)."""
    return bool(denial_scopes(quote) or retraction_scopes(quote))


def holds(fact: Fact, citations: Sequence[Citation]) -> bool:
    """Whether the quote a fact cites holds it: its words verbatim, and a rendering that says
    the same number, date, country or name (checked by parsing both, not by the producer)."""
    quote = next((c.quote for c in citations if c.n == fact.n), None)
    if quote is None:
        return False
    if fact.type == "answer":
        # "No" needs a negation in its quote (`denial_scopes`), a retraction or refusal, or two
        # numbers compared.
        return (
            fact.rendering not in NO_WORD.values()
            or _says_no(quote)
            or compared_numbers(quote) is not None  # "No" to a comparison the numbers deny
        )
    if fact.type == "list-count":
        value = int(re.findall(r"\d+", fact.rendering)[0])
        return value in {len(citations) - 1, count_items(quote)}
    if not fact.text or fact.text not in quote:
        return False
    if fact.type == "number":
        wanted = quantities(fact.text)
        digits = re.search(r"\d[\d\u202f\u00a0 .,]*\d|\d", fact.rendering)
        if not wanted or digits is None:
            return False
        return any(abs(wanted[0].value - v) < 1e-9 for v in _readings(digits.group(0)))
    if fact.type == "days":
        spanned = days_spanned(fact.text)
        return spanned is not None and fact.rendering.startswith(f"{spanned[0]} ")
    if fact.type == "date":
        written = dates(fact.text)
        shown = dates(fact.rendering)
        return bool(written and shown) and _same_date(written[0][0], shown[0][0])
    if fact.type == "time":
        times, shown_times = clock_times(fact.text), clock_times(fact.rendering)
        return bool(times and shown_times) and times[0][0] == shown_times[0][0]
    if fact.type == "country":
        return bool(
            find_entities(fact.rendering, names_from_capitals=False).places
            & find_entities(fact.text, names_from_capitals=False).places
        )
    if fact.type in {"place", "item"}:
        # as written, or quoted for an asker of the other language ("“toit de la cave”")
        return fact.rendering.strip("“”«»\u202f\u00a0 ") == fact.text
    if fact.type == "metadata":  # a byline value, or its ISO date written out
        if fact.rendering == fact.text:
            return True
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", fact.text)
        shown = dates(fact.rendering)
        if iso is None or not shown:
            return False
        parts = DateParts((int(iso.group(3)),), int(iso.group(2)), int(iso.group(1)))
        return _same_date(parts, shown[0][0])
    if fact.type in {"person", "role"}:
        # The name as written, then at most the role, quoted from the same sentence.
        name, _, role = fact.rendering.partition(", " if fact.type == "role" else " (")
        role = role.rstrip(")").strip("«»“” ")
        return name in quote and (not role or role in quote)
    return False


def _same_date(a: DateParts, b: DateParts) -> bool:
    return (a.days, a.month, a.year, roman_value(a.century), a.period, a.until) == (
        b.days,
        b.month,
        b.year,
        roman_value(b.century),
        b.period,
        b.until,
    )


def _readings(digits: str) -> set[float]:
    """The values a number written by Babel can have, in English and in French."""
    values = set()
    for group, decimal in ((",", "."), ("\u202f", ","), ("\u00a0", ","), (" ", ",")):
        try:
            values.add(float(digits.replace(group, "").replace(decimal, ".")))
        except ValueError:
            continue
    return values


def unverified_claims(text: str, citations: Sequence[Citation]) -> list[str]:
    """The numbers, dates, countries and names a written answer (an LLM's) states that no
    verified quote holds, as the answer writes them."""
    quotes = "\n".join(c.quote for c in citations if c.verified)
    own = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\[\d+\]", " ", text)  # its claims, not its quotes
    held = find_entities(quotes, names_from_capitals=False)
    values = {q.value for q in quantities(quotes)}
    for parts, _ in dates(quotes):
        values |= {float(d) for d in parts.days} | ({float(parts.year)} if parts.year else set())
    months = {parts.month for parts, _ in dates(quotes)} | set(held.months)
    claims: list[str] = []
    for parts, (start, end) in dates(own):
        days_held = all(float(d) in values for d in parts.days)
        if (
            not days_held
            or (parts.year and parts.year not in {int(v) for v in values})
            or (parts.month and parts.month not in months)
        ):
            claims.append(own[start:end])
    dated = [span for _, span in dates(own)]
    for quantity in quantities(own):
        inside = any(s <= quantity.start < e for s, e in dated)
        if not inside and not any(abs(quantity.value - v) < 1e-9 for v in values):
            claims.append(own[quantity.start : quantity.end])
    for code in sorted(find_entities(own, names_from_capitals=False).places - held.places):
        if not code.isdigit():
            claims.append(territory_name(code, detect_language(own)))
    quote_stems = stems_of(quotes)
    for name, _ in people(own):
        words = [w for w in re.findall(r"[\wÀ-ÿ'’-]+", name) if w[0].isupper() and len(w) > 2]
        if not all(fold(w)[:5] in quote_stems for w in words):
            claims.append(name)
    return list(dict.fromkeys(claims))


_ITEM_SPLIT = re.compile(r",\s+|\s+(?:et|and)\s+|\s*;\s*")
_LIST_LEAD = re.compile(
    r"^.*?(?:\b(?:de|des|du|d['’]|with|from|including|notamment|:)\s+)", re.IGNORECASE
)


def list_items(sentence: str) -> list[str]:
    """The items of an enumeration sentence ("de Pologne, de Serbie … et de Suède")."""
    body = sentence.rstrip(" .;:")
    # What comes before the first item ("…avec des délégations d’Inde") is not an item.
    parts = [p.strip() for p in _ITEM_SPLIT.split(body) if p.strip()]
    if len(parts) < 3:
        return []
    first = _LIST_LEAD.sub("", parts[0]).strip()
    items = [first, *parts[1:]]
    # The last item often runs on ("… et du Mozambique, ce qui reflète …"): keep its head.
    return [re.split(r"\s+(?:ce qui|which|qui|that|visant|aimed)\b", i)[0] for i in items if i]


_NAMED_ITEM = re.compile(r"^(?:de|du|des|d['’]|de la|de l['’]|la|le|les|l['’])\s*[A-ZÀ-Ý]")


def count_items(sentence: str) -> int:
    """How many things an enumeration sentence names: its places (CLDR), plus the items
    named like them that CLDR does not know ("de République tchèque"); else its items."""
    places = {c for c in named_places(sentence) if not c.isdigit()}
    if len(places) < 3:
        return len(list_items(sentence))
    parts = [p.strip() for p in _ITEM_SPLIT.split(sentence.rstrip(" .;:")) if p.strip()]
    unknown = [
        p for p in parts if len(p.split()) <= 4 and _NAMED_ITEM.match(p) and _unlisted(p, places)
    ]
    return len(places) + len(unknown)


def _unlisted(item: str, places: set[str]) -> bool:
    """Whether a named item is missing from the places the sentence names by their CLDR name:
    it names no country, or one only a nationality word gives ("de République tchèque")."""
    found = {c for c in find_entities(item, names_from_capitals=False).places if not c.isdigit()}
    return not found <= places if found else True
