"""Scale with stand-in vectors: N generated articles indexed through the embeddings-server
path against a local stand-in server (hashed bag-of-words vectors of e5's size, in a process
of its own), embedded or in a Chroma server: index size per document, ingestion rate and
retrieval latency on new questions. It measures the store and the pipeline at sizes real
encoding cannot reach here, and nothing of retrieval quality.

    python bench/standin_scale.py --docs 10000 --chroma-server [--work DIR] [--html]
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import sys
import tempfile
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness as h
from bench.corpus import write_corpus

DIMENSIONS = 384
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Newsroom"><script>{script}</script></head><body>
<nav>{nav}</nav><article><h1>{title}</h1>{body}</article>
<aside>{nav}</aside><footer>{nav} © Newsroom</footer></body></html>"""


class StandIn(BaseHTTPRequestHandler):
    """An OpenAI-compatible /v1/embeddings server answering with hashed token vectors."""

    rows: ClassVar[dict[str, Any]] = {}

    def vector(self, text: str, encoding: str) -> Any:
        from assistant.text import tokens

        for token in tokens(text):
            if token not in self.rows:
                generator = np.random.default_rng(zlib.crc32(token.encode()))
                self.rows[token] = generator.standard_normal(DIMENSIONS)
        total = sum((self.rows[t] for t in tokens(text)), np.zeros(DIMENSIONS))
        unit = (total / (float(np.linalg.norm(total)) or 1.0)).astype("<f4")
        # As OpenAI, vLLM and TEI do: base64 float32 when asked (the openai client asks).
        if encoding == "base64":
            return base64.b64encode(unit.tobytes()).decode("ascii")
        return [round(float(x), 5) for x in unit]

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
        encoding = body.get("encoding_format", "float")
        data = [{"object": "embedding", "index": i, "embedding": self.vector(t, encoding)}
                for i, t in enumerate(texts)]  # fmt: skip
        payload = json.dumps({"object": "list", "data": data, "model": body.get("model")})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload.encode())

    def log_message(self, *args: Any) -> None:
        pass


def as_news_pages(paths: list[Path], folder: Path) -> list[Path]:
    """Each generated article as a news page: navigation, scripts and footer around it."""
    folder.mkdir(parents=True, exist_ok=True)
    nav = " ".join(f'<a href="/s/{i}">Section {i}</a>' for i in range(60))
    pages, script = [], "var tracking = {};" * 400
    for path in paths:
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        body = "".join(
            f"<h2>{html.escape(line)}</h2>" if len(line) < 80 and line[-1] not in ".:" else
            f"<p>{html.escape(line)}</p>"
            for line in lines[1:]
        )  # fmt: skip
        pages.append(folder / f"{path.stem}.html")
        page = PAGE.format(title=html.escape(lines[0]), body=body, nav=nav, script=script)
        pages[-1].write_text(page, "utf-8")
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="Generated articles to index.")
    parser.add_argument("--chroma-server", action="store_true", help="Store in `chroma run`.")
    parser.add_argument("--batch", type=int, default=50, help="Documents per `index` call.")
    parser.add_argument("--html", action="store_true", help="Index them as news pages.")
    parser.add_argument("--work", type=Path, default=None, help="Folder for corpus and index.")
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        ThreadingHTTPServer(("127.0.0.1", args.serve), StandIn).serve_forever()
        return

    from assistant.config import Settings
    from assistant.core import Assistant
    from assistant.fixtures import load_fixtures

    work = args.work or Path(tempfile.mkdtemp(prefix="standin-"))
    paths = write_corpus(work / "corpus", args.docs)
    if args.html:
        paths = as_news_pages(paths, work / "pages")
    standin = h.Server([sys.executable, __file__, "--serve", "{port}"], timeout=30)
    chroma = h.chroma_server(work / "chroma") if args.chroma_server else None
    try:
        options = {"embeddings": "openai:standin", "embeddings_url": f"{standin.url}/v1"}
        options["chroma_url"] = chroma.url if chroma else ""
        assistant = Assistant(Settings(index_dir=work / "index", data_dir=work / "data", **options))
        started = time.perf_counter()
        for begin in range(0, len(paths), args.batch):
            report = assistant.index(paths[begin : begin + args.batch])
            if report.errors:
                raise SystemExit(f"indexing failed: {report.errors[:3]}")
            done = begin + args.batch
            if done % 1000 == 0 or done >= len(paths):
                seconds = time.perf_counter() - started
                print(f"  {min(done, len(paths)):,} docs in {seconds:.0f} s", flush=True)
        seconds = time.perf_counter() - started
        # Every fixture question once, so no query vector is cached.
        files = sorted(h.FIXTURES.rglob("*.yaml"))
        asked = list(dict.fromkeys(item.q for path in files for item in load_fixtures(path).items))
        timings = h.interleaved({"": lambda q: assistant.search(q, 5)}, asked, 1)[""]
        size_mb = h.disk_usage_mb(work / ("chroma" if chroma else "index"))
        result = {"docs": args.docs, "store": "chroma server" if chroma else "embedded"}
        result.update(format="html" if args.html else "txt", **assistant.store.stats())
        result.update(index_s=round(seconds, 1), docs_per_s=round(args.docs / seconds, 2))
        result.update(size_mb=size_mb, kb_per_doc=round(size_mb * 1000 / args.docs, 1))
        result["retrieval_ms"] = h.summary_ms(timings)
        print(json.dumps(result, indent=2))
    finally:
        standin.stop()
        if chroma:
            chroma.stop()


if __name__ == "__main__":
    main()
