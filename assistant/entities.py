"""Named things in a text, comparable across French and English: places, names, numbers, dates.

Countries and world regions come from CLDR (Babel) in both languages, so "Norway",
"Norvège" and "norvégienne" all give the key `NO`. Other proper names are kept as folded
word stems, compared by prefix so that "Lisbon" meets "Lisbonne" and "Economic Forum"
meets "Forum économique". Numbers are normalised ("1 240", "3,2", "43"); years and
Roman-numeral centuries are kept apart from counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.text import fold

# Endings of nationality adjectives in both languages ("norvégienne", "Ethiopians", "chinois").
_DEMONYM_SUFFIX = re.compile(
    r"(?:iennes?|iens?|eennes?|eens?|aines?|ains?|aises?|ais|oises?|ois|ians?|anes?|ans?|ese|ish)$"
)
_STEM = 5  # letters two spellings of one name share (Lisbon/Lisbonne, économique/economic)
NAME_STEM = _STEM
# Paragraphs naming something that make it the text's subject ("Morocco" in an article about
# Morocco's police, not in one that mentions a Moroccan delegation once).
PROTAGONIST_PARAGRAPHS = 4
# A comma before a space separates ("March 6, 2023"); inside a number it does not ("1,850").
_DIGITS = re.compile(r"\d(?:[\d\s.]|,(?!\s))*\d|\d")
_UNITS = (
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize",
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
)
_TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
# "un"/"one" are left out: far more often an article or a pronoun than a count.
WORD_VALUES = {w: i + 2 for units in _UNITS for i, w in enumerate(units.split())} | _TENS
NUMBER_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
WORD_VALUES |= {"un": 1, "one": 1}  # ("vingt-et-un", "twenty-one")
# Words multiplying the number before them by a hundred (« trois CENTS », "four HUNDRED"); «
# cent » alone is a hundred (« CENT vingt élèves »).
_HUNDREDS = frozenset({"cent", "cents", "hundred"})
# A number in words, as many words as it takes: « quatre-vingt-cinq », « soixante et onze », «
# deux cent vingt », "one hundred and forty-six"; not two numbers side by side ("two three-bed
# houses", « entre deux et trois »).
_TENS_BEFORE_ET = "|".join(
    f"(?<={t})" for t in ("vingt", "trente", "quarante", "cinquante", "soixante")
)
_FRENCH_UNITS_BEFORE = "|".join(
    f"(?<={u})" for u in ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
)
WORDS_OF_A_NUMBER = (
    # « cent » opens a number only before another ("10 CENT ticket", "per CENT" are no hundred)
    rf"(?:{NUMBER_WORD}|cent(?=[-\s]+(?:{NUMBER_WORD})\b)|one(?=\s+hundred\b))"
    rf"(?:-(?:et-)?(?:{NUMBER_WORD}|un|one|cents?|vingts)"
    r"|\s+hundred\b"
    rf"|(?:{_FRENCH_UNITS_BEFORE})\s+cents?\b"
    rf"|(?:(?<=cent)|(?<=cents)|(?<=hundred))\s+(?:and\s+)?(?:{NUMBER_WORD})"
    rf"|(?:{_TENS_BEFORE_ET})\s+et\s+(?:un|onze)\b)*"
)
# Numbers in words; "trente" of « trente-deuxième » is none (an ordinal).
_WRITTEN_NUMBER = re.compile(
    rf"(?<![\w-]){WORDS_OF_A_NUMBER}"
    # "a FIVE-month halt": a compound adjective counts its noun; "two-thirds" is a fraction.
    r"(?:(?![\w-])|(?=-(?!(?:thirds?|quarters?|fifths?|tenths?)\b)[a-z]{3,}\b))",
    re.IGNORECASE,
)
# "WHICH TWO countries", « QUELS TROIS accords »: the number the answer is to name.
_ASKED_COUNT = re.compile(r"\b(?:which|what|quels?|quelles?)\Z")
_SCALE_VALUES = {
    "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "thousand": 10**3, "mille": 10**3,
}  # fmt: skip
_SCALE_WORD = re.compile(r"\s*(million|millions|milliards?|billions?|bn|thousand|mille)\b", re.I)
# After a currency sign, a scale may be one letter or two: "£212m", "€2.4bn", "$40k".
_SHORT_SCALE = re.compile(r"(m|bn|k)\b", re.I)
_SHORT_SCALE_VALUES = {"m": 10**6, "bn": 10**9, "k": 10**3}
_ATTACHED = re.compile(r"(bn|k)\b", re.I)
_ROMAN_CENTURY = re.compile(
    r"\b([IVXL]{2,}|[IVX])(?:e|ème|eme|th)\b(?=\s+(?:siècle|siecle|century))"
)
_CENTURY = re.compile(
    r"\b(\d{1,2})(?:e|ème|eme|er|st|nd|rd|th)[\s-]+(?:siècles?|siecles?|century|centuries)\b",
    re.IGNORECASE,
)
# An ordinal's ending on a number, then the noun it ranks ("1st CASE"; not "on the 24th").
_RANK_OF_A_NOUN = re.compile(r"(?:st|nd|rd|th|er|re|e|ème|eme)\s+([^\W\d_]{3,})\b", re.IGNORECASE)
MONTHS = {
    "janvier": 1, "january": 1, "fevrier": 2, "february": 2, "mars": 3, "march": 3,
    "avril": 4, "april": 4, "mai": 5, "may": 5, "juin": 6, "june": 6, "juillet": 7,
    "july": 7, "aout": 8, "august": 8, "septembre": 9, "september": 9, "octobre": 10,
    "october": 10, "novembre": 11, "november": 11, "decembre": 12, "december": 12,
}  # fmt: skip  # folded month names, French and English
WEEKDAYS = {
    name: day
    for names in ("lundi mardi mercredi jeudi vendredi samedi dimanche",
                  "monday tuesday wednesday thursday friday saturday sunday")
    for day, name in enumerate(names.split())
}  # fmt: skip  # folded day names, French and English, with their number (Monday is 0)


@dataclass(frozen=True)
class Entities:
    """What a text names: CLDR territory codes, name stems, numbers, years, months."""

    places: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    months: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.places or self.names or self.numbers or self.years or self.months)


# Territory names (folded, without « La ») that are also common words of French or English.
_COMMON_WORD_NAMES = frozenset(
    # "the finish", "to polish", « jamais », "the parish", « des malaises »: common words that
    # read as a nationality (Finnish, Polish, Jamaican, Paraguayan, Malaysian)
    {"reunion", "jersey", "turkey", "china", "chili", "guinea", "panama", "finish", "polish"}
    | {"jamais", "parish", "malaise", "malaises"}
)


@lru_cache(maxsize=1)
def _territories() -> tuple[dict[str, str], re.Pattern[str], dict[str, str]]:
    """(folded name -> code, a pattern matching any name, stem of one-word names -> code)."""
    from babel import Locale

    names: dict[str, str] = {}
    for language in ("fr", "en"):
        for code, name in Locale(language).territories.items():
            if code in {"ZZ", "EU", "EZ", "UN", "QO", "001"}:
                continue  # not places a question means ("United Nations", "World Economic Forum")
            folded = fold(name)
            names.setdefault(folded, code)
            # "Fédération de Russie" is also "Russie"; "Corée du Sud" stays whole.
            short = re.sub(
                r"^(?:republique|federation|royaume|etat|etats) (?:de |du |d')", "", folded
            )
            names.setdefault(short, code)
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in ordered) + r")\b")
    stems = {n[:_STEM]: c for n, c in names.items() if " " not in n and len(n) >= 4}
    return names, pattern, stems


# The UN M49 macro-regions CLDR names, by continent: "Latin America" and "South America"
# overlap, "Western Europe" is in Europe.
_REGION_CONTINENT = {
    "002": "africa", "011": "africa", "014": "africa", "015": "africa", "017": "africa",
    "018": "africa", "202": "africa",
    "019": "america", "419": "america", "005": "america", "013": "america", "029": "america",
    "021": "america", "003": "america",
    "142": "asia", "143": "asia", "145": "asia", "030": "asia", "034": "asia", "035": "asia",
    "150": "europe", "151": "europe", "154": "europe", "155": "europe", "039": "europe",
    "009": "oceania", "053": "oceania", "054": "oceania", "057": "oceania", "061": "oceania",
}  # fmt: skip
_ZONE_CONTINENT = {"Europe": "europe", "Africa": "africa", "Asia": "asia", "America": "america"}


@lru_cache(maxsize=512)
def continents(code: str) -> frozenset[str]:
    """The continents of a territory: its M49 region, or where its CLDR time zones lie."""
    if code.isdigit():
        return frozenset([_REGION_CONTINENT[code]]) if code in _REGION_CONTINENT else frozenset()
    from babel.core import get_global

    zones = get_global("territory_zones").get(code, [])
    return frozenset(
        _ZONE_CONTINENT[z.split("/")[0]] for z in zones if z.split("/")[0] in _ZONE_CONTINENT
    )


def place_held(code: str, places: frozenset[str] | set[str]) -> bool:
    """Whether a text naming `places` holds a stated place: the same country, or for a
    world region any place on its continent ("les pays d’Amérique latine": "du Chili")."""
    if code in places:
        return True
    if not code.isdigit():
        return False
    wanted = continents(code)
    return any(continents(p) & wanted for p in places)


def territory_name(code: str, language: str) -> str:
    """The CLDR name of a territory in a language ('fr' or 'en')."""
    from babel import Locale

    return str(Locale(language).territories.get(code, code))


@lru_cache(maxsize=1)
def _language_demonyms() -> dict[str, str]:
    """CLDR language names that are nationality words too ("polish", "norvegien", "grec"),
    each with the territory its language is most likely spoken in (CLDR likely subtags),
    when that territory's name begins as the word does: "Polish" is Poland's, while
    "English" (United States) and "arabe" (Égypte) point to no one country."""
    from babel import Locale
    from babel.core import get_global

    likely = get_global("likely_subtags")
    found: dict[str, str] = {}
    for language in ("fr", "en"):
        territories = Locale(language).territories
        for code, name in Locale(language).languages.items():
            word = fold(name)
            territory = str(likely.get(code, "")).rsplit("_", 1)[-1]
            place = fold(str(territories.get(territory, "")))
            if re.fullmatch(r"[a-z]{4,}", word) and place[:3] == word[:3]:
                found.setdefault(word, territory)
    return found


def demonym_place(word: str) -> str:
    """The territory a nationality word points to ("norvegienne" -> NO), or ''."""
    languages = _language_demonyms()
    # "Norwegians", « polonaise », « norvégiennes », « grecque », « turques »: the language
    # name with an ending.
    singular = word[:-1] if word.endswith("s") else word
    forms = [word, singular, singular.removesuffix("e"), singular.removesuffix("ne")]
    if singular.endswith("que"):
        forms += [singular[:-3], singular[:-3] + "c"]
    for form in forms:
        if form in languages:
            return languages[form]
    names, _, stems = _territories()
    # "Omani", "Kuwaitis", "Pakistani": the whole name and an "-i".
    bare = re.sub(r"is?$", "", word)
    if bare != word and " " not in bare and bare in names:
        return names[bare]
    for ending in _DEMONYM_SUFFIX.findall(word) and _endings(word):
        root = word[: -len(ending)]
        if len(root) >= _STEM:
            code = stems.get(root[:_STEM], "")
        elif len(root) >= 3 and not ending.startswith("ain"):
            # ("dom-aines" is no nationality word: French "-ain" words have long roots.)
            # A short root ("asi-an", "dan-ish") must point to one territory only; before a bare
            # "-an", one whose name it nearly spells ("cub-an"): « roman » is no "Romania".
            longest = len(root) + 2 if ending.startswith("an") else len(root) + 99
            matches = {
                code
                for name, code in names.items()
                if " " not in name and name.startswith(root) and len(name) <= longest
            }
            code = matches.pop() if len(matches) == 1 else ""
        else:
            code = ""
        if code:
            return code
    return ""


def _endings(word: str) -> list[str]:
    """Every nationality ending the word has, longest first ("asian": "ian", "an")."""
    found = {m.group(0) for n in range(len(word)) if (m := _DEMONYM_SUFFIX.match(word, n))}
    return sorted((e for e in found if word.endswith(e)), key=len, reverse=True)


def roman_value(roman: str) -> int:
    """The value of a Roman numeral of a century ("XII" -> 12, "IX" -> 9); 0 if not one."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for char, following in zip(roman, roman[1:] + " ", strict=False):
        value = values.get(char, 0)
        total += -value if values.get(following, 0) > value else value
    return total if 0 < total <= 30 else 0


def number_key(text: str) -> str:
    """A number as digits with '.' for decimals: '1 240' -> '1240', '3,2' -> '3.2'."""
    compact = re.sub(r"\s", "", text)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):
        return re.sub(r"[.,]", "", compact)
    return compact.replace(",", ".").rstrip(".")


def numbers_at(text: str) -> list[tuple[int, str]]:
    """Where each number of a text starts, with its key (`number_key`, times its scale);
    years included."""
    return [
        (m.start(), _scaled(number_key(m.group(0)), text[m.end() :]))
        for m in _DIGITS.finditer(text)
    ]


def numbers_followed(text: str) -> list[tuple[str, str]]:
    """Each number of a text, in digits or in words, by its key, with the text after it."""
    found = [
        (_scaled(number_key(m.group(0)), text[m.end() :], text[: m.start()]), text[m.end() :])
        for m in _DIGITS.finditer(text)
    ]
    return found + [(key, text[match.end() :]) for match, key in _written_number_matches(text)]


def written_numbers(text: str) -> list[tuple[str, str]]:
    """The numbers a text writes in words ("trois", "twenty-one", "cinq millions"), each as
    written with its key; not one that says how many the answer names ("which TWO")."""
    return [(match.group(0), key) for match, key in _written_number_matches(text)]


def _written_number_matches(text: str) -> list[tuple[re.Match[str], str]]:
    """Where a text writes each number in words, with its key (`written_numbers`)."""
    found: list[tuple[re.Match[str], str]] = []
    for match in _WRITTEN_NUMBER.finditer(text):
        if _ASKED_COUNT.search(fold(text[: match.start()])):
            continue  # "WHICH TWO countries …": how many the answer names, not a premise
        words = re.split(r"[-\s]+", match.group(0).lower())
        if words == ["neuf"] and not _before_a_plural(text[match.end() :]):
            continue  # « un musée NEUF », « quoi de neuf ? »: new, not nine
        key = _scaled(str(number_words_value(match.group(0))), text[match.end() :])
        found.append((match, key))
    return found


def number_words_value(written: str) -> int:
    """The value of a number written in words (`WORDS_OF_A_NUMBER`): « quatre-vingt-cinq » is
    85, not 4 + 20 + 5; « deux cents » 200, "one hundred and twelve" 112."""
    words = [w for w in re.split(r"[-\s]+", written.lower()) if w not in {"et", "and"}]
    value = 0
    for at, word in enumerate(words):
        if word in _HUNDREDS:
            value = max(value, 1) * 100
        elif word.startswith("vingt") and at > 0 and words[at - 1] == "quatre":
            value += 80 - 4  # four twenties
        else:
            value += WORD_VALUES.get(word, 0)
    return value


def _before_a_plural(after: str) -> bool:
    """Whether a text goes on with a plural noun (« neuf SARCOPHAGES », « neuf MOIS »)."""
    from assistant.language import STOPWORDS

    following = re.match(r"\s+([^\W\d_]+)", after)
    word = fold(following.group(1)) if following else ""
    return word.endswith(("s", "x")) and word not in STOPWORDS


def number_phrase(text: str, key: str) -> str:
    """How a text writes the number of a key, with its scale ("5 million", « trois »); ''."""
    for match in _DIGITS.finditer(text):
        scale = _SCALE_WORD.match(text, match.end())
        if _scaled(number_key(match.group(0)), text[match.end() :]) == key:
            return text[match.start() : scale.end() if scale else match.end()]
    return next((written for written, k in written_numbers(text) if k == key), "")


def scale_follows(after: str) -> bool:
    """Whether the text right after a number scales it: a word (" million", « milliards ») or
    a sum's abbreviation ("m", "bn", "k")."""
    return bool(_SHORT_SCALE.match(after) or _SCALE_WORD.match(after))


def _scaled(key: str, after: str, before: str = "") -> str:
    """A number's key times the scale word after it: "3,2 millions" and "3.2 million" are both
    '3200000', not the 3 of « trois ans »; so is a sum's abbreviated scale ("£212m", "420k")."""
    scale = _SCALE_WORD.match(after)
    # "420k" is 420 000 however it is written; "420m" only after a currency (else metres).
    short = _SHORT_SCALE.match(after) if re.search(r"[€$£]\s?$", before) else _ATTACHED.match(after)
    if short is not None:
        return str(round(float(key) * _SHORT_SCALE_VALUES[short.group(1).lower()]))
    if scale is None:
        return key
    try:
        value = float(key) * _SCALE_VALUES[fold(scale.group(1))]
    except ValueError:
        return key
    return str(round(value))


def capitalised_stems(text: str) -> frozenset[str]:
    """The stems of the words a text writes as names (capitalised), its first word included."""
    return stems_of(" ".join(_CAPITALISED.findall(text)))


def names_at(text: str) -> list[tuple[int, str]]:
    """Where each capitalised word of a text starts (its first word left out), with the word."""
    return [(m.start(), m.group(0)) for m in _CAPITALISED.finditer(text) if m.start() > 0]


# A decade: « les années 90 », « années 1990 », "the 1990s", "the '90s".
_DECADE = re.compile(
    r"\bann[ée]es\s+((?:19|20)?\d0)\b|\b((?:19|20)?\d0)['’]?s\b|['’](\d0)s\b", re.IGNORECASE
)


def decade_key(match: re.Match[str]) -> str:
    """A decade's key, "1990s" for « les années 90 » or "the '90s"."""
    digits = next(g for g in match.groups() if g)
    if len(digits) == 2:
        digits = ("20" if digits in {"00", "10", "20"} else "19") + digits
    return f"{digits}s"


def in_decade(key: str, years: frozenset[str] | set[str]) -> bool:
    """Whether a year key is a decade ("1990s") that one of `years` falls in ("1998")."""
    return key.endswith("s") and any(y[:3] == key[:3] and not y.endswith("s") for y in years)


@lru_cache(maxsize=8192)
def find_entities(text: str, names_from_capitals: bool = True) -> Entities:
    """The places, proper names, numbers, years and months a text names."""
    folded = fold(text)
    names_table, pattern, _ = _territories()
    # « la réunion de crise », "a turkey": a name that is also a common word is a place only
    # when the text writes it with a capital.
    common = _COMMON_WORD_NAMES.intersection(re.findall(r"[a-z]+", folded))
    capitalised = (
        {fold(w) for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w[0].isupper()}
        if common
        else set()
    )
    named = [
        m.group(0)
        for m in pattern.finditer(folded)
        if (word := m.group(0).split()[-1]) not in _COMMON_WORD_NAMES or word in capitalised
    ]
    places = {names_table[name] for name in named}
    place_words = {w for name in named for w in re.findall(r"[a-z]+", name)}
    for word in re.findall(r"[a-z]+", folded):
        if word in _COMMON_WORD_NAMES and word not in capitalised:
            continue
        code = demonym_place(word)
        if code:
            places.add(code)
            place_words.add(word)
    numbers: set[str] = set()
    years: set[str] = set()
    # A century has one key however written: "XIIe siècle", "12e siècle", "12th-century".
    centuries = [(m.start(), m.group(1)) for m in _CENTURY.finditer(text)]
    numbers |= {f"{int(n)}e" for _, n in centuries}
    decades = [(m.span(), decade_key(m)) for m in _DECADE.finditer(text)]
    years |= {key for _, key in decades}
    for match in _DIGITS.finditer(text):
        if any(start == match.start() for start, _ in centuries):
            continue
        if any(start <= match.start() < end for (start, end), _ in decades):
            continue
        if match.start() and text[match.start() - 1].islower():
            continue  # "keep looking B4 calling off": a word typed with a digit, no number
        rank = _RANK_OF_A_NOUN.match(text, match.end())
        if rank and fold(rank.group(1)) not in MONTHS:
            continue  # "the 1st case", « la 3e école »: a rank (« le 1er mai » is a day)
        key = number_key(match.group(0))
        if re.fullmatch(r"(?:1\d|20)\d\d", match.group(0)):
            years.add(key)
        else:
            numbers.add(_scaled(key, text[match.end() :], text[: match.start()]))
    for match in _ROMAN_CENTURY.finditer(text):
        numbers.add(f"{roman_value(match.group(1))}e")
    numbers |= {key for _, key in written_numbers(text)}
    months = {MONTHS[w] for w in re.findall(r"[a-z]+", folded) if w in MONTHS}
    names: set[str] = set()
    if names_from_capitals:
        names = set(proper_name_stems(text, place_words | set(MONTHS)))
    return Entities(
        frozenset(places), frozenset(names), frozenset(numbers), frozenset(years),
        frozenset(months),
    )  # fmt: skip


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][\wÀ-ÿ'’-]*")
NAME_ARTICLES = frozenset({"le", "la", "les", "the"})
# A run of capitalised words: one name ("Abdellatif Hammouchi", "African Development Bank").
NAME_RUN = re.compile(r"[A-ZÀ-Ý][\wÀ-ÿ'’-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]*)+")


def proper_name_stems(text: str, skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Folded stems of capitalised words that are not the first word of a sentence.

    Words in `skip` (places, months: compared by their own keys) are left out.
    """
    stems: list[str] = []
    for match in _CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] in '.!?:;«"“(-–—\n' or before.endswith("- "):
            continue  # a sentence or item start: capitalised anyway
        if re.fullmatch(r"[A-ZÀ-Ý]{2,6}s?", match.group(0)):
            continue  # an acronym, "NGOs" too: spelt differently in the other language (EIB /
            # BEI) or spelt out ("non-governmental organisations")
        word = fold(match.group(0)).strip("'-")
        word = re.sub(r"^(?:l|d|qu)'|'s$", "", word)
        roman = re.fullmatch(r"[IVXL]+(?:e|ème|th)", match.group(0))
        if word in NAME_ARTICLES:
            continue  # « LES Mayons », « LE Luc-en-Provence »: the article is no name
        if len(word) >= 3 and word not in skip and not roman:
            stems.append(_name_stem(word))
    return stems


def _name_stem(word: str) -> str:
    """A folded name's stem: its first letters, or its longest word when the first is too short
    to stand for it ("val-d'arveze" is "arvez": "val-d" is in no text's stems)."""
    stem = word[:_STEM]
    parts = re.findall(r"[a-z0-9]+", word)
    if stem.isalnum() or not parts or len(parts[0]) >= 4:
        return stem
    return max(parts, key=len)[:_STEM]


@lru_cache(maxsize=8)
def only_capitalised_stems(text: str) -> frozenset[str]:
    """The stems of the words a text writes only as names: capitalised where no sentence starts
    and never in lower case ("Ashgrove", not "Council" where it also writes "the council")."""
    lower = {fold(w)[:_STEM] for w in re.findall(r"(?<![\w'’])[a-zà-ÿ][\w'’]*", text)}
    calendar = {w[:_STEM] for w in (*MONTHS, *WEEKDAYS)}  # "December" is no name
    return frozenset(proper_name_stems(text)) - lower - calendar


@lru_cache(maxsize=8192)
def stems_of(text: str) -> frozenset[str]:
    """Folded five-letter stems of every word of a text (to find a name in any case)."""
    return frozenset(w[:_STEM] for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) >= 3)


def has_stem(name: str, stems: frozenset[str]) -> bool:
    """Whether a name stem is among `stems` ("arab" also matches "arabe")."""
    if name in stems:
        return True
    if len(name) < _STEM:
        return any(s.startswith(name) for s in stems)
    # "Eastern" and "East": a whole word of four letters that starts the name.
    return any(len(s) == 4 and name.startswith(s) for s in stems)


def anchors_of(text: str, most: int = 0) -> list[str]:
    """The names a text holds that can single it out among documents, in either language:
    proper-name stems and CLDR territory codes ("hammo", "MA"); the `most` frequent names only
    when `most` is set."""
    entities = find_entities(text)
    names = list(entities.names)
    if most and len(names) > most:
        counts = Counter(s for s in proper_name_stems(text) if s in entities.names)
        names = [name for name, _ in counts.most_common(most)]
    return sorted({*names, *entities.places})


def protagonists(text: str, anchors: Iterable[str]) -> set[str]:
    """The anchors that `PROTAGONIST_PARAGRAPHS` paragraphs of a text name or more: what the
    text is about, not a passing mention."""
    counts = Counter(a for p in text.split("\n") if p.strip() for a in set(anchors_of(p)))
    return {a for a in anchors if counts[a] >= PROTAGONIST_PARAGRAPHS}


def named_places(text: str) -> set[str]:
    """The countries a text names by their CLDR name (not by a nationality word)."""
    names_table, pattern, _ = _territories()
    return {names_table[m.group(0)] for m in pattern.finditer(fold(text))} - set(_REGION_CONTINENT)


_ACRONYM = re.compile(r"\(([A-ZÀ-Ý][A-ZÀ-Ý&]{1,7})\)")
_ACRONYM_SKIPPED = frozenset("de des du la le les l d of the and et for pour en a au aux".split())


def defined_short_names(text: str) -> dict[str, str]:
    """The short names a text defines in brackets after a body's full name, with that name:
    « Syndicat intercommunal des eaux du Val de Sérenne (SIEVS) » gives SIEVS; the initials of
    the words before the bracket (small words aside) spell the short name."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        short = match.group(1)
        window = max(0, match.start() - 160)  # the words a full name may take before it
        words = list(re.finditer(r"[^\W\d_][\w'’-]*", text[window : match.start()]))
        letters = ""
        for at in range(len(words) - 1, -1, -1):
            word = words[at].group(0)
            if fold(word) in _ACRONYM_SKIPPED:
                continue
            letters = fold(word)[0] + letters
            if letters == fold(short).replace("&", ""):
                found.setdefault(short, text[window + words[at].start() : match.start()].strip())
                break
            if len(letters) >= len(short):
                break
    return found
