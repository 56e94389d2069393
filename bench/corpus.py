"""A deterministic generated news corpus in French and English, for the scale benchmark:
5–6 KB articles from the word lists and sentence templates of corpus_words.ini, with headings,
paragraphs and the odd bulleted list. Document `i` of a seed is always the same text, so
smaller corpora are prefixes of larger ones (and caches built for one size serve the others).
"""

from __future__ import annotations

import configparser
import random
import re
from collections import namedtuple
from pathlib import Path

DEFAULT_SEED = 20251127
MIN_CHARS, MAX_CHARS = 5000, 6000

_INI = configparser.ConfigParser(delimiters=("=",), interpolation=None)
_INI.optionxform = str  # type: ignore[assignment,method-assign]
_INI.read(Path(__file__).with_name("corpus_words.ini"), encoding="utf-8")
Words = dict[str, tuple]  # type: ignore[type-arg]
GeneratedDocument = namedtuple("GeneratedDocument", "name lang topic text")  # one article


def _section(name: str) -> Words:
    """A section of the word file: "|"-separated lists, "fr/en" pairs, space-separated names."""
    out: Words = {}
    for key, raw in _INI[name].items():
        items = tuple(s.strip() for s in raw.replace("\n", " ").split("|"))
        if key.startswith(("months", "first_names", "last_names")):
            items = tuple(raw.split())
        elif key in ("places", "countries", "units"):
            items = tuple((s.split("/")[0], s.split("/")[-1]) for s in items)
        out[key] = items
    return out


WORDS = _section("words")
TOPICS = [{"name": name, **_section(name)} for name in _INI.sections() if name != "words"]
_VOWEL_START = re.compile(r"\b([dD]e|[lL]e|[lL]a|[qQ]ue) ([aeiouyéèêâîôAEIOUYÉÈÊÂÎÔ])")
_FRENCH_FIXES = (
    (re.compile(r"\b([dD])e le "), r"\1u "),
    (re.compile(r"\b([dD])e les "), r"\1es "),
    (re.compile(r"\b([àÀ]) le "), r"\1u "),
    (re.compile(r"\b([àÀ]) les "), r"\1ux "),
    (re.compile(r"\b([àÀ]) Le "), r"\1u "),
    (re.compile(r"\bau mois de ([aoAO])"), r"au mois d’\1"),
)


def _french(text: str) -> str:
    """French contractions the templates produce: "de le" → "du", "à Le Caire" → "au Caire"."""
    for pattern, replacement in _FRENCH_FIXES:
        text = pattern.sub(replacement, text)
    return _VOWEL_START.sub(lambda m: f"{m.group(1)[0]}’{m.group(2)}", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    def __init__(self, rng: random.Random, lang: str, topic: Words) -> None:
        self.rng, self.lang, self.topic, self.fr = rng, lang, topic, lang == "fr"

    def pick(self, key: str) -> str:
        """A random entry of the topic's (else the common) list `key` in this language."""
        return self.rng.choice(self.topic.get(f"{key}_{self.lang}") or WORDS[f"{key}_{self.lang}"])

    def name(self, pairs: tuple[tuple[str, str], ...]) -> str:
        return self.rng.choice(pairs)[0 if self.fr else 1]

    def person(self) -> str:
        return f"{self.rng.choice(WORDS['first_names'])} {self.rng.choice(WORDS['last_names'])}"

    def date(self) -> str:
        day, month, year = self.rng.randint(1, 28), self.rng.randint(0, 11), self.year()
        if self.fr:
            return f"{day} {WORDS['months_fr'][month]} {year}"
        return f"{WORDS['months_en'][month]} {day}, {year}"

    def year(self) -> int:
        return self.rng.randint(2015, 2026)

    def money(self) -> str:
        amount = str(
            self.rng.choice([self.rng.randint(2, 950), round(self.rng.uniform(1.2, 9.8), 1)])
        )
        return f"{amount.replace('.', ',') if self.fr else amount} {self.pick('money_units')}"

    def number(self) -> str:
        value = self.rng.choice(
            [self.rng.randint(120, 990), self.rng.randint(1000, 99000), self.rng.randint(12, 99)]
        )
        if value >= 1000:
            return f"{value:,}".replace(",", "\u202f" if self.fr else ",")
        return str(value)

    def fill(self, template: str) -> str:
        rng, fr = self.rng, self.fr
        unit = rng.choice(self.topic["units"])
        values = {
            "person": self.person(),
            "role": self.pick("roles"),
            "org": self.pick("orgs"),
            "subject": self.pick("subjects"),
            "place": self.name(WORDS["places"]),
            "place2": self.name(WORDS["places"]),
            "country": self.name(WORDS["countries"]),
            "date": self.date(),
            "month": rng.choice(WORDS["months_fr" if fr else "months_en"]),
            "year": str(self.year()),
            "year2": str(rng.randint(1990, 2014)),
            "year3": str(rng.randint(2027, 2040)),
            "small": str(rng.randint(2, 48)),
            "number": self.number(),
            "unit": unit[0] if fr else unit[1],
            "pct": (
                str(rng.randint(2, 95))
                if rng.random() < 0.6
                else f"{rng.uniform(0.5, 30):.1f}".replace(".", "," if fr else ".")
            ),
            "money": self.money(),
        }
        if "{fact}" in template:
            values["fact"] = self.pick("facts").format(**values)
        return template.format(**values)

    def sentence(self) -> str:
        text = self.fill(self.pick("sentences"))
        if self.rng.random() < 0.25 and not text.startswith(("«", "“")):
            text = f"{self.pick('connectors')} {text[:1].lower()}{text[1:]}"
        return _french(_cap(text)) if self.fr else _cap(text)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 6)))

    def bullet_list(self) -> list[str]:
        lead = self.pick("list_lead")
        return [lead, *(f"- {self.sentence()}" for _ in range(self.rng.randint(2, 4)))]

    def title(self) -> str:
        subject, place = _cap(self.pick("subjects")), self.name(WORDS["places"])
        if self.fr:
            return _french(f"{subject} à {place} : {self.person()} fait le point")
        return f"{subject} in {place}: {self.person()} takes stock"


def generate_document(index: int, seed: int = DEFAULT_SEED) -> GeneratedDocument:
    """Document `index` of the corpus for `seed` (5–6 KB of French or English text)."""
    rng = random.Random(f"{seed}:{index}")
    topic = rng.choice(TOPICS)
    lang = "fr" if rng.random() < 0.5 else "en"
    writer = _Writer(rng, lang, topic)
    target = rng.randint(MIN_CHARS, MAX_CHARS)
    headings = list(topic[f"headings_{lang}"])
    rng.shuffle(headings)
    lines = [writer.title(), "", writer.paragraph()]
    size = sum(len(line) + 1 for line in lines)
    section = 0
    while size < target:
        block: list[str] = []
        if section < len(headings) and (section == 0 or rng.random() < 0.45):
            block.append(f"## {headings[section]}" if rng.random() < 0.2 else headings[section])
            section += 1
        block.extend(writer.bullet_list() if rng.random() < 0.12 else [writer.paragraph()])
        extra = sum(len(line) + 1 for line in block)
        if size + extra > MAX_CHARS and size >= MIN_CHARS - 600:
            break
        lines.extend(block)
        size += extra
    text = "\n".join(lines).rstrip() + "\n"
    if len(text) > MAX_CHARS:  # cut at the last full paragraph that fits
        text = text[: text.rfind("\n", 0, MAX_CHARS) + 1]
    return GeneratedDocument(f"gen-{index:05d}.{lang}.txt", lang, str(topic["name"]), text)


def write_corpus(directory: Path, count: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write documents 0..count-1 as files in `directory` (reusing files already there)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        document = generate_document(index, seed)
        path = directory / document.name
        if not path.exists() or path.read_text(encoding="utf-8") != document.text:
            path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths
