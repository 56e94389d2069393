"""Load article files (.txt, .md, .html, .pdf) into `Document`s that keep their exact text."""

from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

from assistant.errors import DocumentError
from assistant.formats import DocumentMeta, Extracted, read_html, read_pdf

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
BUNDLED_ARTICLE = "marrakech-interpol-2025.fr.txt"
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    """One article: its source id, a title, and its text exactly as citations slice it."""

    source: str
    title: str
    text: str
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # author, date, outlet, pages

    @property
    def sha(self) -> str:
        """Content hash of the text, used to skip unchanged documents."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def bundled_article_path() -> Path:
    """Path of the article shipped inside the package."""
    return Path(str(resources.files("assistant") / "data" / BUNDLED_ARTICLE))


def bundled_source_id() -> str:
    """Source id of the bundled article: its path inside the package."""
    return f"assistant/data/{BUNDLED_ARTICLE}"


def is_url(text: str) -> bool:
    """Whether a path given to `assistant index` is a link rather than a file."""
    return bool(re.match(r"https?://", text.strip(), re.IGNORECASE))


def source_id(path: str | os.PathLike[str]) -> str:
    """A document's source id: its path as given, normalised (no `./`, no `a/../`); a link
    as given."""
    text = os.fspath(path)
    if is_url(text):
        return text.strip()
    return os.path.normpath(text)


def load_document(path: str | os.PathLike[str], source: str | None = None) -> Document:
    """Read one file; raise `DocumentError` with one clear line when it is unusable."""
    file = Path(path)
    name = os.fspath(path)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{name}: unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if not file.exists():
        raise DocumentError(f"{name}: no such file")
    if not file.is_file():
        raise DocumentError(f"{name}: not a regular file")
    size = file.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError(
            f"{name}: {size / 1e6:.1f} MB is larger than the "
            f"{MAX_DOCUMENT_BYTES / 1e6:.0f} MB limit for one article; split it into articles"
        )
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{name}: cannot be read ({exc.strerror})") from None
    if suffix == ".pdf":
        return document_from(read_pdf(raw, name), source or source_id(path), file.stem)
    if b"\x00" in raw:
        raise DocumentError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); "
            "convert it with `iconv -t UTF-8`"
        ) from None
    decoded = decoded.removeprefix("\ufeff")
    if suffix in (".html", ".htm"):
        return html_document(decoded, name, source or source_id(path), fallback_title=file.stem)
    if suffix in (".md", ".markdown"):
        text = decoded
        title = markdown_title(text) or first_line_title(text)
    else:
        text = decoded
        title = first_line_title(text)
    if not text.strip():
        raise DocumentError(f"{name}: empty document (no text to index)")
    return Document(source=source or source_id(path), title=title or file.stem, text=text)


def html_document(
    markup: str, name: str, source: str, fallback_title: str, url: str = ""
) -> Document:
    """A news page: its main text and metadata (trafilatura), else all its text."""
    extracted = read_html(markup, name, url)
    if extracted is None:
        # No main text found (a short or unusual page): all its text, as before.
        title, text = html_to_text(markup)
        extracted = Extracted(title or first_line_title(text), text, DocumentMeta(url=url))
    return document_from(extracted, source, fallback_title)


def document_from(extracted: Extracted, source: str, fallback_title: str) -> Document:
    """A `Document` from a format reader's result; an empty text is an error."""
    if not extracted.text.strip():
        raise DocumentError(f"{source}: empty document (no text to index)")
    title = extracted.title or first_line_title(extracted.text) or fallback_title
    return Document(source=source, title=title, text=extracted.text, meta=extracted.meta)


def load_bundled_article() -> Document:
    """The article that ships with the package."""
    return load_document(bundled_article_path(), source=bundled_source_id())


def first_line_title(text: str) -> str:
    """The first non-empty line, if it is short enough to be a title."""
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped if len(stripped) <= 200 else stripped[:197] + "..."
    return ""


def markdown_title(text: str) -> str:
    """The first `# ` heading of a Markdown text."""
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", text, flags=re.MULTILINE)
    return match.group(1) if match else ""


_BLOCK_TAGS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "br", "li",
    "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre",
    "figcaption", "dt", "dd", "hr", "title",
}  # fmt: skip
_SKIPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """Reduce HTML to (title, text): scripts and styles dropped, blocks become lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = [
        re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    ]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    title = html.unescape(" ".join("".join(parser.title_parts).split()))
    return title, text if text.strip() else ""
