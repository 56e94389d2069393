"""Shared test fixtures: real e5 embeddings, an assistant over a Chroma store in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.core import Assistant
from assistant.embeddings import CachedQueryEmbeddings, E5Embeddings, make_embeddings


class CountingEmbeddings(CachedQueryEmbeddings):
    """Wraps real embeddings and counts the passages encoded (to prove work is skipped)."""

    def __init__(self, inner: CachedQueryEmbeddings, fail_after: int | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.model_id = inner.model_id
        self.passages_encoded = 0
        self.fail_after = fail_after

    def _encode(self, texts: list[str], is_query: bool) -> list[list[float]]:
        if not is_query:
            if self.fail_after is not None and self.passages_encoded + len(texts) > self.fail_after:
                raise KeyboardInterrupt("simulated interruption")
            self.passages_encoded += len(texts)
        return self.inner._encode(texts, is_query)


@pytest.fixture(scope="session")
def e5() -> CachedQueryEmbeddings:
    """The default embedding model, loaded once."""
    embeddings = make_embeddings("e5")
    embeddings.load()
    return embeddings


@pytest.fixture
def make_assistant(tmp_path: Path, e5: CachedQueryEmbeddings) -> Callable[..., Assistant]:
    """Build assistants over one index folder in tmp_path (optionally with other embeddings)."""

    def build(embeddings: CachedQueryEmbeddings | None = None, **settings: object) -> Assistant:
        values: dict[str, object] = {"index_dir": tmp_path / "index", "data_dir": tmp_path / "data"}
        values.update(settings)
        return Assistant(Settings(**values), embeddings=embeddings or e5)  # type: ignore[arg-type]

    return build


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory, e5: CachedQueryEmbeddings) -> Assistant:
    """An assistant with the bundled article indexed, shared by the tests that only read it.

    Tests that change the index build their own with `make_assistant`.
    """
    folder = tmp_path_factory.mktemp("shared-index")
    assistant = Assistant(
        Settings(index_dir=folder / "index", data_dir=folder / "data"), embeddings=e5
    )
    assistant.index()
    return assistant


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, e5: CachedQueryEmbeddings
) -> Iterator[tuple[Assistant, str]]:
    """The shared web-test index (the article and an HTML-laden note), the web chat serving it."""
    from tests.test_ui_client import launch_app, shared_assistant

    assistant = shared_assistant(tmp_path_factory, e5)
    demo, url = launch_app(assistant)
    try:
        yield assistant, url
    finally:
        demo.close()


__all__ = ["CountingEmbeddings", "E5Embeddings"]
