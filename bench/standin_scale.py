"""Scale with stand-in vectors: N generated articles indexed through the embeddings-server
path (`ASSISTANT_EMBEDDINGS=openai:…`) against a local stand-in server, stored embedded or in
a Chroma server; prints the index size per document, the ingestion rate and the retrieval
latency on questions never asked before in the process.

    python bench/standin_scale.py --docs 10000 --chroma-server [--work DIR]

The stand-in serves hashed bag-of-words vectors of e5's size in a process of its own, at
thousands of texts per second, so the store and the pipeline are measured at sizes that real
encoding on 2 cores (13–17 texts/s) would take a day to reach. Retrieval *quality* means
nothing here; `bench/run.py` and `bench/routing.py` measure it with real vectors.
"""

from __future__ import annotations

import argparse
import base64
import json
import subprocess
import sys
import tempfile
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import disk_usage_mb, free_port, http_ok, start_chroma, summary_ms

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
DIMENSIONS = 384


def serve_standin(port: int) -> None:
    """An OpenAI-compatible /v1/embeddings server answering with hashed token vectors."""
    import numpy as np

    from assistant.text import tokens

    rows: dict[str, np.ndarray] = {}

    def row(token: str) -> np.ndarray:
        if token not in rows:
            seed = zlib.crc32(token.encode())
            rows[token] = np.random.default_rng(seed).standard_normal(DIMENSIONS)
        return rows[token]

    def vector(text: str, encoding: str) -> Any:
        total = sum((row(t) for t in tokens(text)), np.zeros(DIMENSIONS))
        unit = (total / (float(np.linalg.norm(total)) or 1.0)).astype("<f4")
        # As OpenAI, vLLM and TEI do: base64 float32 when asked (the openai client asks).
        if encoding == "base64":
            return base64.b64encode(unit.tobytes()).decode("ascii")
        return [round(float(x), 5) for x in unit]

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
            encoding = body.get("encoding_format", "float")
            data = [{"object": "embedding", "index": i, "embedding": vector(t, encoding)}
                    for i, t in enumerate(texts)]  # fmt: skip
            payload = json.dumps({"object": "list", "data": data, "model": body.get("model")})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload.encode())

        def log_message(self, *args: Any) -> None:
            pass

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def start_standin() -> tuple[subprocess.Popen[bytes], str]:
    """The stand-in server in a process of its own; returns it and its base URL."""
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while not http_ok(url) and time.monotonic() < deadline:
        time.sleep(0.1)
    return process, f"{url}/v1"


PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Newsroom"><script>{script}</script></head><body>
<nav>{nav}</nav><article><h1>{title}</h1>{body}</article>
<aside>{nav}</aside><footer>{nav} © Newsroom</footer></body></html>"""


def as_news_pages(paths: list[Path], folder: Path) -> list[Path]:
    """Each generated article as a news page: navigation, scripts and footer around it."""
    import html

    folder.mkdir(parents=True, exist_ok=True)
    nav = " ".join(f'<a href="/s/{i}">Section {i}</a>' for i in range(60))
    script = "var tracking = {};" * 400
    pages = []
    for path in paths:
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        body = "".join(
            f"<h2>{html.escape(line)}</h2>" if len(line) < 80 and line[-1] not in ".:" else
            f"<p>{html.escape(line)}</p>"
            for line in lines[1:]
        )  # fmt: skip
        page = folder / f"{path.stem}.html"
        title = html.escape(lines[0])
        page.write_text(PAGE.format(title=title, body=body, nav=nav, script=script), "utf-8")
        pages.append(page)
    return pages


def questions() -> list[str]:
    """Every fixture question once, so no query vector is cached."""
    from assistant.fixtures import load_fixtures

    paths = sorted(FIXTURES.rglob("*.yaml"))
    return list(dict.fromkeys(item.q for path in paths for item in load_fixtures(path).items))


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
        serve_standin(args.serve)
        return

    from assistant.config import Settings
    from assistant.core import Assistant
    from bench.corpus import write_corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="standin-"))
    paths = write_corpus(work / "corpus", args.docs)
    if args.html:
        paths = as_news_pages(paths, work / "pages")
    standin, embeddings_url = start_standin()
    chroma = start_chroma(work / "chroma") if args.chroma_server else None
    try:
        settings = Settings(
            index_dir=work / "index",
            data_dir=work / "data",
            embeddings="openai:standin",
            embeddings_url=embeddings_url,
            chroma_url=chroma.url if chroma else "",
        )
        assistant = Assistant(settings)
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
        stats = assistant.store.stats()
        asked = questions()
        timings = []
        for question in asked:
            began = time.perf_counter()
            assistant.search(question, 5)
            timings.append(time.perf_counter() - began)
        size_mb = disk_usage_mb(work / ("chroma" if chroma else "index"))
        result = {
            "docs": args.docs,
            "store": "chroma server" if chroma else "embedded",
            "format": "html" if args.html else "txt",
            **stats,
            "index_s": round(seconds, 1),
            "docs_per_s": round(args.docs / seconds, 2),
            "size_mb": size_mb,
            "kb_per_doc": round(size_mb * 1000 / args.docs, 1),
            "retrieval_ms": summary_ms(timings),
        }
        print(json.dumps(result, indent=2))
    finally:
        standin.terminate()
        if chroma:
            chroma.stop()


if __name__ == "__main__":
    main()
