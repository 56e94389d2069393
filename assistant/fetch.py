"""Links: fetch a news page, a PDF or a text file over HTTP(S) and read it like a file."""

from __future__ import annotations

from assistant.documents import Document, document_from, first_line_title, html_document
from assistant.errors import DocumentError
from assistant.formats import read_pdf

FETCH_TIMEOUT_S = 15.0
MAX_FETCH_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown"}
USER_AGENT = "article-assistant/1 (+https://github.com/; fetches one page a user asked for)"


def fetch_document(
    url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_FETCH_BYTES
) -> Document:
    """Fetch a link and read it as a document; one `DocumentError` line for each failure."""
    import httpx

    url = url.strip()
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise DocumentError(
                    f"{url}: the server answered HTTP {response.status_code} "
                    f"{response.reason_phrase}".rstrip()
                )
            content_type = response.headers.get("content-type", "").split(";")[0].strip()
            if content_type not in _HTML_TYPES | _TEXT_TYPES | {"application/pdf"}:
                raise DocumentError(
                    f"{url}: content type {content_type or '(none)'!r} is not an article "
                    "(expected an HTML page, a PDF or plain text)"
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise DocumentError(_too_big(url, max_bytes))
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise DocumentError(_too_big(url, max_bytes))
            final_url = str(response.url)
            encoding = response.charset_encoding or "utf-8"
    except httpx.TimeoutException:
        raise DocumentError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise DocumentError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.InvalidURL as exc:
        raise DocumentError(f"{url}: not a valid link ({exc})") from None
    except httpx.HTTPError as exc:
        raise DocumentError(f"{url}: cannot be fetched ({type(exc).__name__}: {exc})") from None
    data = bytes(body)
    if content_type == "application/pdf":
        return document_from(read_pdf(data, url), url, url)
    try:
        decoded = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        decoded = data.decode("utf-8", errors="replace")
    decoded = decoded.removeprefix("\ufeff")
    if content_type in _HTML_TYPES:
        return html_document(decoded, url, url, fallback_title=url, url=final_url)
    if not decoded.strip():
        raise DocumentError(f"{url}: empty document (no text to index)")
    return Document(source=url, title=first_line_title(decoded) or url, text=decoded)


def _too_big(url: str, max_bytes: int) -> str:
    return f"{url}: larger than the {max_bytes / 1e6:.0f} MB limit for one article"
