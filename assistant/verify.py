"""Quote verification: find a quote in the source despite typographic differences."""

from __future__ import annotations

from assistant.text import fold_char


def folded_with_offsets(text: str, start: int = 0, end: int | None = None) -> tuple[str, list[int]]:
    """`text[start:end]` folded (case, accents, quotes, spaces) and each folded char's offset."""
    end = len(text) if end is None else end
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = True
    for index in range(start, end):
        for char in fold_char(text[index]):
            if char.isspace():
                if previous_space:
                    continue
                char = " "
                previous_space = True
            else:
                previous_space = False
            chars.append(char)
            offsets.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def locate_quote(
    text: str, quote: str, start: int = 0, end: int | None = None
) -> tuple[int, int] | None:
    """Offsets (start, end) of `quote` in `text[start:end]`, compared folded; None if absent."""
    needle, _ = folded_with_offsets(quote.strip())
    if not needle:
        return None
    haystack, offsets = folded_with_offsets(text, start, end)
    position = haystack.find(needle)
    while position >= 0:
        after = position + len(needle)
        # The match must cover whole source characters ("œ" folds to two letters).
        starts_clean = position == 0 or offsets[position - 1] != offsets[position]
        ends_clean = after == len(offsets) or offsets[after] != offsets[after - 1]
        if starts_clean and ends_clean:
            return offsets[position], offsets[after - 1] + 1
        position = haystack.find(needle, position + 1)
    return None
