"""Value objects every stage and front end share: passages, citations, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its place in the source document and a relevance score."""

    chunk_id: str
    source: str
    section: str
    text: str
    start: int
    end: int
    score: float
    title: str = ""
    sentences: tuple[Span, ...] = ()
    language: str = ""  # its document's language, as detected at index time ('' unknown)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md's contracts."""
        return {
            "chunk_id": self.chunk_id,
            "source": self.source,
            "section": self.section,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class Fact:
    """One fact the lead line states: its type, the quote's words, its rendering, its citation."""

    type: str  # number, date, time, days, country, person, role, place, list-count, answer
    text: str  # the words of the cited quote it comes from ('' for a count or a yes)
    rendering: str  # in the asker's language
    n: int  # the citation number

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `facts` in `assistant ask --json`."""
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    """A numbered, verbatim quote of a source document with its offsets."""

    n: int
    chunk_id: str
    source: str
    quote: str
    start: int
    end: int
    verified: bool
    page: int | None = None  # the PDF page the quote starts on

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md's contracts (plus `page` for a paged document)."""
        data = asdict(self)
        if self.page is None:
            del data["page"]
        return data


def stage_timings(started: float, retrieved: float, done: float) -> dict[str, float]:
    """`timings_ms` from three `time.perf_counter()` readings."""
    return {
        "retrieve": (retrieved - started) * 1000,
        "answer": (done - retrieved) * 1000,
        "total": (done - started) * 1000,
    }


@dataclass
class Answer:
    """What every front end consumes: the text, its citations and how it was made."""

    question: str
    answer: str
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    abstained: bool = False
    backend: str = "extractive"
    timings_ms: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    standalone_question: str = ""
    confidence: float = 0.0  # the extractive answerer's score (1.0: computed from the article)
    lead: str = ""  # the answer stated first, in the asker's language
    facts: list[Fact] = field(default_factory=list)
    quote_language: str = ""  # the language of the quoted document, as detected at index time
    unverified: list[str] = field(default_factory=list)  # an LLM's figures/names in no quote
    articles: list[dict[str, str]] = field(default_factory=list)  # the cited articles
    abstain_reason: str = ""  # why the code found no answer in the article ("weak evidence")

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant ask --json`."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "backend": self.backend,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "notices": list(self.notices),
            "standalone_question": self.standalone_question or self.question,
            "confidence": round(self.confidence, 4),
            "lead": self.lead,
            "facts": [f.to_dict() for f in self.facts],
            "quote_language": self.quote_language,
            "unverified": list(self.unverified),
            "articles": [dict(a) for a in self.articles],
            "abstain_reason": self.abstain_reason,
        }


@dataclass(frozen=True)
class Turn:
    """One answered question of a conversation."""

    question: str
    standalone: str
    answer: str = ""
    sources: tuple[str, ...] = ()  # the articles its answer cited

    @classmethod
    def from_answer(cls, answer: Answer) -> Turn:
        """The turn an answer adds to its conversation."""
        cited = tuple(dict.fromkeys(c.source for c in answer.citations))
        return cls(
            answer.question, answer.standalone_question or answer.question, answer.answer, cited
        )
