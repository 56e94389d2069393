"""Structure-aware chunking: sections, paragraphs, list blocks and sentences, with offsets."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.documents import Document

Span = tuple[int, int]

# Words that end with a period without ending a sentence (compared lower-cased).
ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "me",
        "mgr",
        "pr",
        "prof",
        "st",
        "ste",
        "sts",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "gen",
        "gal",
        "col",
        "cpt",
        "lt",
        "sgt",
        "gov",
        "sen",
        "rep",
        "etc",
        "cf",
        "p",
        "pp",
        "ex",
        "vol",
        "no",
        "nos",
        "n°",
        "art",
        "al",
        "av",
        "bd",
        "fig",
        "ch",
        "chap",
        "ed",
        "eds",
        "approx",
        "env",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "u.s",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "jan",
        "janv",
        "feb",
        "fév",
        "févr",
        "mar",
        "apr",
        "avr",
        "jun",
        "jul",
        "juil",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "déc",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"»”’)\]]*(?=\s+)")
_SENTENCE_START = re.compile(r"\s+[\"«“‘(\[—–-]?\s*[A-ZÀ-ÖØ-Þ0-9]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–—]|\d{1,3}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_FINAL_PUNCTUATION = '.!?…:;,»"”)'


@dataclass(frozen=True)
class Chunk:
    """A passage of one document: exact text, offsets into the document, sentence spans."""

    chunk_id: str
    source: str
    section: str
    text: str
    start: int
    end: int
    sentences: tuple[Span, ...]

    def sentence_texts(self, document_text: str) -> list[str]:
        """The text of each sentence, sliced from the document."""
        return [document_text[s:e] for s, e in self.sentences]

    def embedding_text(self) -> str:
        """What is embedded for retrieval: the section heading gives the passage context."""
        if not self.section or self.text.startswith(self.section):
            return self.text
        return f"{self.section}\n{self.text}"


@dataclass
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # the stripped line

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class _Block:
    section: str
    lines: list[_Line]
    is_list: bool = False
    headings: list[_Line] = field(default_factory=list)  # heading lines right above it


def chunk_document(document: Document, max_chars: int = 1000) -> list[Chunk]:
    """Cut a document into passages; every chunk's text equals `text[start:end]`."""
    text = document.text
    chunks: list[Chunk] = []
    for block in _blocks(text):
        for group in _split_block(text, block, max_chars):
            start, end = group[0][0], group[-1][1]
            chunk_text = text[start:end]
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(document.source, start, chunk_text),
                    source=document.source,
                    section=block.section,
                    text=chunk_text,
                    start=start,
                    end=end,
                    sentences=tuple(group),
                )
            )
    return chunks


def chunk_id(source: str, start: int, text: str) -> str:
    """Stable id from the content: the same passage at the same place gets the same id."""
    digest = hashlib.sha1(f"{source}\x1f{start}\x1f{text}".encode()).hexdigest()
    return digest[:24]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of `text[start:end]`, trimmed, in document offsets."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        boundary = match.end()
        if not _SENTENCE_START.match(text, boundary, end):
            continue
        if match.group().startswith(".") and _ends_with_abbreviation(text, cursor, match.start()):
            continue
        spans.extend(_trimmed(text, cursor, boundary))
        cursor = boundary
    spans.extend(_trimmed(text, cursor, end))
    return spans


def _ends_with_abbreviation(text: str, sentence_start: int, period: int) -> bool:
    word_match = re.search(r"(\S+)$", text[sentence_start:period])
    if not word_match:
        return False
    word = word_match.group(1).lstrip("(«\"“'‘").lower()
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. Dupont"), not the end of a sentence.
    return len(word) == 1 and word.isalpha() and text[period - 1].isupper()


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _lines(text: str) -> Iterator[_Line]:
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        start = offset + lead
        yield _Line(start=start, end=start + len(stripped), text=stripped)
        offset += len(raw)


def _is_heading(line: _Line, next_line: _Line | None) -> bool:
    if _MD_HEADING.match(line.text):
        return True
    if _LIST_ITEM.match(line.text) or len(line.text) > 200 or len(line.text.split()) > 25:
        return False
    if line.text[-1] in _FINAL_PUNCTUATION or not (
        line.text[0].isupper() or line.text[0].isdigit()
    ):
        return False
    # A heading introduces text; a short unpunctuated line at the very end is a footer.
    return next_line is not None and not _continues(line, next_line)


def _continues(previous: _Line, line: _Line) -> bool:
    """Whether `line` continues a hard-wrapped paragraph."""
    return previous.text[-1] not in '.!?…:»"”' and (
        line.text[0].islower() or previous.text[-1] in ",;-"
    )


def _blocks(text: str) -> Iterator[_Block]:
    lines = list(_lines(text))
    section = ""
    headings: list[_Line] = []
    current: _Block | None = None

    def new_block(line: _Line, is_list: bool = False) -> _Block:
        nonlocal headings
        block = _Block(section, [line], is_list=is_list, headings=headings)
        headings = []
        return block

    for index, line in enumerate(lines):
        if line.blank:
            if current is not None and not current.is_list:
                yield current
                current = None
            continue
        following = next((n for n in lines[index + 1 :] if not n.blank), None)
        if _is_heading(line, following):
            if current is not None:
                yield current
                current = None
            section = _MD_HEADING.sub("", line.text).strip().strip("#").strip()
            headings.append(line)
            continue
        if _LIST_ITEM.match(line.text):
            if current is not None and (current.is_list or current.lines[-1].text.endswith(":")):
                current.is_list = True
                current.lines.append(line)
            else:
                if current is not None:
                    yield current
                current = new_block(line, is_list=True)
            continue
        if current is not None and _continues(current.lines[-1], line):
            current.lines.append(line)
            continue
        if current is not None:
            yield current
        current = new_block(line)
    if current is not None:
        yield current


def _block_sentences(text: str, block: _Block) -> list[Span]:
    """Sentences of a block: its headings, then its text; list items without their bullet."""
    spans: list[Span] = [(h.start, h.end) for h in block.headings]
    if not block.is_list:
        return spans + split_sentences(text, block.lines[0].start, block.lines[-1].end)
    for line in block.lines:
        bullet = _LIST_ITEM.match(line.text)
        start = line.start + (bullet.end() if bullet else 0)
        spans.extend(split_sentences(text, start, line.end))
    return spans


def _split_block(text: str, block: _Block, max_chars: int) -> list[list[Span]]:
    """Group a block's sentences into chunks no longer than `max_chars` where possible."""
    sentences = _block_sentences(text, block)
    if not sentences:
        return []
    groups: list[list[Span]] = [[]]
    for span in sentences:
        group = groups[-1]
        if group and span[1] - group[0][0] > max_chars:
            groups.append([span])
        else:
            group.append(span)
    return groups
