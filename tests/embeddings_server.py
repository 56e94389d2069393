"""A small real HTTP server speaking the OpenAI embeddings protocol, for tests: a stand-in
for Hugging Face TEI or vLLM that serves real e5 vectors (`mode` simulates faults)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class EmbeddingsServer:
    """Answers /v1/embeddings with `encode(texts, is_query)`; mode ok | slow | wrong-dimension."""

    def __init__(self, encode: Any) -> None:
        self.encode = encode
        self.mode = "ok"
        self.batches: list[int] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.handle(self, body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> EmbeddingsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def handle(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        texts = body.get("input") or []
        if isinstance(texts, str):
            texts = [texts]
        self.batches.append(len(texts))
        if self.mode == "slow":
            time.sleep(3)
        queries = [t.startswith("query: ") for t in texts]
        plain = [t.removeprefix("query: ").removeprefix("passage: ") for t in texts]
        vectors = [
            self.encode([text], is_query)[0] for text, is_query in zip(plain, queries, strict=True)
        ]
        if self.mode == "wrong-dimension":
            vectors = [v[:16] for v in vectors]
        payload = json.dumps(
            {
                "object": "list",
                "model": body.get("model", ""),
                "data": [
                    {"object": "embedding", "index": i, "embedding": v}
                    for i, v in enumerate(vectors)
                ],
                "usage": {"prompt_tokens": 0, "total_tokens": 0},
            }
        ).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
