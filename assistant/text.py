"""Text normalisation shared by retrieval, quote verification and evaluation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201e": '"',
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
        "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-",
        "\u2026": "...", "\u0153": "oe", "\u0152": "OE", "\u00e6": "ae",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character lower-cased, accent-folded and with typographic forms made plain."""
    plain = char.translate(_TYPOGRAPHIC)
    decomposed = unicodedata.normalize("NFKD", plain.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FirstFolded(dict[int, str]):
    """Each character's first folded one (itself when it folds to nothing), filled on use:
    a table `str.translate` reads, so that folding a text in place runs in C."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = (fold_char(char) or char)[0]
        self[code] = folded
        return folded


_FIRST_FOLDED = _FirstFolded()


def fold_in_place(text: str) -> str:
    """A text folded one character for one (`fold_char`'s first), so its offsets hold."""
    return text.translate(_FIRST_FOLDED)


@lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Lower-case, fold accents, typographic quotes and spaces; collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHIC).lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def tokens(text: str) -> list[str]:
    """Accent-folded word tokens."""
    return _WORD.findall(fold(text))


QUOTATION = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")  # words a sentence quotes


def without_quotes(text: str) -> str:
    """A sentence without the words it quotes (a name there is the speaker's, not an answer;
    a verb there is in the speaker's tense)."""
    return QUOTATION.sub(" ", text)
