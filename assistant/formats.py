"""Article formats: a news page through trafilatura (its main text and its metadata), a PDF
through pypdf (its text page by page). Each gives the text a document is stored as, so that
citations slice it exactly, and the metadata with where each value stands in that text."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass, replace
from typing import Any

from assistant.errors import DocumentError

# The byline the stored text opens with: "Jeanne Dupont · Le Journal · 2026-03-18 · URL".
BYLINE_SEPARATOR = " · "
META_FIELDS = ("author", "outlet", "published", "url")


@dataclass(frozen=True)
class DocumentMeta:
    """What a document says about itself, and where each value stands in its stored text."""

    author: str = ""
    outlet: str = ""
    published: str = ""  # the date as the page gives it (ISO from trafilatura)
    url: str = ""
    spans: tuple[tuple[str, int, int], ...] = ()  # (field, start, end) in the stored text
    pages: tuple[int, ...] = ()  # where each page begins in the stored text (PDF)

    def span(self, field: str) -> tuple[int, int] | None:
        """Offsets of a field's value in the stored text (None when it has none)."""
        return next(((s, e) for f, s, e in self.spans if f == field), None)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page an offset falls on (None for a document without pages)."""
        if not self.pages:
            return None
        return sum(1 for start in self.pages if start <= offset) or 1

    def to_dict(self) -> dict[str, object]:
        """The JSON shape kept in the index."""
        return {
            "author": self.author,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "spans": [list(s) for s in self.spans],
            "pages": list(self.pages),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> DocumentMeta:
        """The inverse of `to_dict` (missing keys: empty)."""
        spans = data.get("spans") or []
        pages = data.get("pages") or []
        assert isinstance(spans, list) and isinstance(pages, list)
        return cls(
            author=str(data.get("author") or ""),
            outlet=str(data.get("outlet") or ""),
            published=str(data.get("published") or ""),
            url=str(data.get("url") or ""),
            spans=tuple((str(f), int(s), int(e)) for f, s, e in spans),
            pages=tuple(int(p) for p in pages),
        )


@dataclass(frozen=True)
class Extracted:
    """A document read from its format: title, stored text, metadata."""

    title: str
    text: str
    meta: DocumentMeta


def byline(values: dict[str, str], start: int = 0) -> tuple[str, DocumentMeta]:
    """The byline line holding the metadata values ("Jeanne Dupont · Le Journal · …"), and
    the metadata with each value's offset, the line standing at `start` in the stored text."""
    spans: list[tuple[str, int, int]] = []
    parts: list[str] = []
    position = start
    for field in META_FIELDS:
        value = " ".join(values.get(field, "").split())
        if not value:
            continue
        if parts:
            position += len(BYLINE_SEPARATOR)
        spans.append((field, position, position + len(value)))
        parts.append(value)
        position += len(value)
    meta = DocumentMeta(
        author=values.get("author", ""),
        outlet=values.get("outlet", ""),
        published=values.get("published", ""),
        url=values.get("url", ""),
        spans=tuple(spans),
    )
    return BYLINE_SEPARATOR.join(parts), meta


def with_byline(title: str, body: str, values: dict[str, str]) -> tuple[str, DocumentMeta]:
    """The stored text: the title, a byline holding the metadata values, then the body;
    and the metadata with the offset of each value, so that an answer can cite it."""
    head = f"{title}\n" if title else ""
    line, meta = byline(values, len(head))
    return head + (f"{line}\n" if line else "") + "\n" + body.strip() + "\n", meta


def read_html(markup: str, name: str, url: str = "") -> Extracted | None:
    """A news page's main text (no menus, banners, related links or footers) and its title,
    author, date and outlet, via trafilatura; None when it finds no main text."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        markup,
        url=url or None,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        favor_precision=True,
    )
    if not xml:
        return None
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        raise DocumentError(f"{name}: the page's text could not be extracted") from None
    title = " ".join((root.get("title") or "").split())
    blocks: list[str] = []
    main = root.find("main")
    for element in main if main is not None else []:
        text = _element_text(element)
        if text and not (not blocks and text == title):  # the title is stored once
            blocks.append(text)
    if not blocks:
        return None
    values = {
        "author": root.get("author") or "",
        "outlet": root.get("sitename") or "",
        "published": root.get("date") or "",
        "url": url or root.get("url") or "",
    }
    text, meta = with_byline(title, "\n\n".join(blocks), values)
    return Extracted(title, text, meta)


def _element_text(element: Any) -> str:
    """One block of trafilatura's XML as text lines: a list as "- item" lines, a table's rows
    with " | " between cells, anything else as one paragraph."""
    if element.tag == "list":
        items = [" ".join("".join(i.itertext()).split()) for i in element.iter("item")]
        return "\n".join(f"- {item}" for item in items if item)
    if element.tag == "table":
        rows = []
        for row in element.iter("row"):
            cells = [" ".join("".join(c.itertext()).split()) for c in row.iter("cell")]
            rows.append(" | ".join(c for c in cells if c))
        return "\n".join(r for r in rows if r)
    return " ".join("".join(element.itertext()).split())


def read_pdf(data: bytes, name: str) -> Extracted:
    """A PDF's text page by page (pages separated by a blank line, their starts recorded),
    its title and author from its metadata, via pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(f"{name}: the PDF is encrypted; save an unprotected copy")
        pages_text = [_clean_page(page.extract_text() or "") for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise DocumentError(f"{name}: not a readable PDF ({exc})") from None
    if not any(t.strip() for t in pages_text):
        raise DocumentError(f"{name}: the PDF has no text layer (a scanned document?)")
    title = " ".join(str((info.title if info else "") or "").split())
    author = " ".join(str((info.author if info else "") or "").split())
    published = ""
    if info is not None:
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        published = created.date().isoformat() if created else ""
    if not title:
        title = next((line.strip() for line in pages_text[0].splitlines() if line.strip()), "")
    head, meta = byline({"author": author, "published": published})
    offset = len(head) + 2 if head else 0
    starts: list[int] = []
    body_parts: list[str] = []
    for page_text in pages_text:
        starts.append(offset)
        body_parts.append(page_text)
        offset += len(page_text) + 2
    text = (head + "\n\n" if head else "") + "\n\n".join(body_parts) + "\n"
    return Extracted(title, text, replace(meta, pages=tuple(starts)))


def _clean_page(text: str) -> str:
    """A page's text reflowed: a PDF breaks lines where the page was full, so a line as long
    as the page's longest joins the next (a hyphen at its end is dropped before a lowercase
    letter); a shorter one ends a paragraph or is a heading."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    full = 0.75 * max(len(line) for line in lines)
    out = lines[0]
    for previous, line in itertools.pairwise(lines):
        if len(previous) >= full and not previous.endswith(":"):
            if previous.endswith("-") and line[:1].islower():
                out = out[:-1] + line
            else:
                out += " " + line
        else:
            out += "\n\n" + line
    return out
