"""Quote verification, fuzzed: whatever the text, found offsets always slice to the quote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.text import fold
from assistant.verify import locate_quote

TYPOGRAPHIC = {"'": "’", '"': "«", " ": "\u00a0", "e": "é", "a": "à", "c": "ç"}
alphabet = st.sampled_from(list("abcdeé’'\"«» \u00a0\nxyzÉÀçœ.,-0123"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=alphabet, min_size=1, max_size=200), st.data())
def test_a_verbatim_quote_is_found_and_slices_back(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    if not fold(quote):
        return
    span = locate_quote(text, quote)
    assert span is not None
    found = text[span[0] : span[1]]
    assert fold(found) == fold(quote)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=alphabet, min_size=1, max_size=200), st.data())
def test_typographic_variants_are_found_with_true_offsets(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    original = text[start:end]
    if not fold(original):
        return
    variant = "".join(TYPOGRAPHIC.get(c, c) if data.draw(st.booleans()) else c for c in original)
    span = locate_quote(text, variant)
    assert span is not None
    assert fold(text[span[0] : span[1]]) == fold(variant)


def test_absent_quote_is_none_and_search_stays_in_range() -> None:
    text = "Le port de Tanger. Le port de Casablanca."
    assert locate_quote(text, "port de Rabat") is None
    assert locate_quote(text, "Le port de", 19) == (19, 29)
    assert locate_quote(text, "L’ÉTÉ") is None
    assert locate_quote("Il a dit l’été dernier", "l'ete") == (9, 14)


def test_folding_in_place_keeps_every_offset() -> None:
    from assistant.text import fold_char, fold_in_place

    text = "Œuvre d’Élise … « Ça » 12\u202f000 ﬁn ½"
    folded = fold_in_place(text)
    assert len(folded) == len(text)
    assert folded.startswith('ouvre d\'elise . " ca " 12 000 f')
    assert folded == "".join((fold_char(c) or c)[0] for c in text)  # one character for one
    assert fold_in_place(text) == folded  # the table filled on first use gives the same
