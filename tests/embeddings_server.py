"""A small real HTTP server speaking the OpenAI embeddings protocol, for tests: a stand-in
for Hugging Face TEI or vLLM that serves real e5 vectors (`mode` simulates faults)."""

from __future__ import annotations

import json
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.openai_server import ChatServer


class EmbeddingsServer(ChatServer):
    """Answers /v1/embeddings with `encode(texts, is_query)`; mode ok | slow | wrong-dimension."""

    def __init__(self, encode: Any) -> None:
        super().__init__(reply=lambda messages: "")  # the same local HTTP server, another route
        self.encode = encode
        self.batches: list[int] = []

    def __enter__(self) -> EmbeddingsServer:
        super().__enter__()
        return self

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
