"""Embeddings from a server: any OpenAI-compatible `/v1/embeddings` endpoint (Hugging Face
TEI, vLLM, Infinity, Ollama, llama.cpp), through LangChain's `OpenAIEmbeddings`.

The scale-out engine for encoding many articles: batches of bounded size sent by a bounded
number of threads, each retried a bounded number of times; every failure is one clear
`EmbeddingsServerError` line, raised before anything is written to the index.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from assistant.embeddings import CachedQueryEmbeddings
from assistant.errors import AssistantError

SERVER_PREFIX = "openai:"


class EmbeddingsServerError(AssistantError):
    """The embeddings server is down, slow, or answered something unusable."""


class ServerEmbeddings(CachedQueryEmbeddings):
    """Vectors from an OpenAI-compatible embeddings server; `model_id` is `openai:MODEL`."""

    def __init__(
        self,
        model: str,
        url: str,
        api_key: str = "",
        batch_size: int = 64,
        concurrency: int = 4,
        timeout: float = 30.0,
        retries: int = 2,
        prefixes: tuple[str, str] = ("", ""),
        client: Any = None,
    ) -> None:
        super().__init__()
        if not model:
            raise EmbeddingsServerError("ASSISTANT_EMBEDDINGS=openai: needs a model name")
        if not url:
            raise EmbeddingsServerError(
                f"ASSISTANT_EMBEDDINGS=openai:{model} needs ASSISTANT_EMBEDDINGS_URL, the "
                "server's base URL (e.g. http://127.0.0.1:8080/v1)"
            )
        self.model_id = f"{SERVER_PREFIX}{model}"
        self.url = url
        self.batch_size = max(1, batch_size)
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.dimension = 0  # learnt from the first answer; every later vector must match it
        self.query_prefix, self.passage_prefix = prefixes
        self._client = client or self._make_client(model, url, api_key, timeout, retries)

    @staticmethod
    def _make_client(model: str, url: str, api_key: str, timeout: float, retries: int) -> Any:
        from langchain_openai import OpenAIEmbeddings
        from pydantic import SecretStr

        return OpenAIEmbeddings(
            model=model,
            base_url=url,
            api_key=SecretStr(api_key or "not-needed"),
            timeout=timeout,
            max_retries=retries,
            # Send the texts as they are: no tokenizer download, no client-side splitting.
            check_embedding_ctx_length=False,
            tiktoken_enabled=False,
            chunk_size=10**6,  # batching is ours
        )

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        prefix = self.query_prefix if is_query else self.passage_prefix
        texts = [prefix + t for t in texts] if prefix else texts
        if is_query or len(texts) <= self.batch_size:
            return self._request(texts)
        batches = [texts[i : i + self.batch_size] for i in range(0, len(texts), self.batch_size)]
        with ThreadPoolExecutor(max_workers=self.concurrency) as pool:
            results = list(pool.map(self._request, batches))
        return [vector for batch in results for vector in batch]

    def embed_passages(self, texts: Any, progress: Any = None) -> list[list[float]]:
        """Embed passages: `batch_size` texts per request, `concurrency` requests at once."""
        texts = list(texts)
        step = self.batch_size * self.concurrency
        vectors: list[list[float]] = []
        for begin in range(0, len(texts), step):
            part = texts[begin : begin + step]
            vectors.extend(self._encode(part, is_query=False))
            if progress:
                progress(len(part))
        return vectors

    def _request(self, texts: list[str]) -> list[list[float]]:
        try:
            vectors = self._client.embed_documents(texts)
        except Exception as exc:
            raise EmbeddingsServerError(self._reason(exc)) from None
        if len(vectors) != len(texts):
            raise EmbeddingsServerError(
                f"The embeddings server at {self.url} returned {len(vectors)} vectors for "
                f"{len(texts)} texts"
            )
        for vector in vectors:
            if not self.dimension:
                self.dimension = len(vector)
            if len(vector) != self.dimension or not vector:
                raise EmbeddingsServerError(
                    f"The embeddings server at {self.url} returned a vector of {len(vector)} "
                    f"dimensions where {self.model_id} gave {self.dimension}; is it serving "
                    "another model?"
                )
        return [list(map(float, v)) for v in vectors]

    def _reason(self, exc: Exception) -> str:
        name = type(exc).__name__
        where = f"The embeddings server at {self.url}"
        if "Timeout" in name:
            return f"{where} did not answer within {self.timeout:g} s"
        if "Connection" in name:
            return f"{where} cannot be reached ({name}); is it running?"
        status = getattr(exc, "status_code", None)
        if status is not None:
            return f"{where} answered HTTP {status} for {self.model_id}"
        return f"{where} failed: {name}: {str(exc)[:200]}"
