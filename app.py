"""The web chat: loads settings, builds the index if missing, and launches the Gradio app."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from assistant.config import Settings, keep_library_files_in_data_dir
from assistant.core import Assistant
from assistant.errors import AssistantError, ConfigError

log = logging.getLogger("assistant.app")


def _progress(total: int, label: str) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(total=total, desc=label, unit="text", file=sys.stderr)

    def update(done: int) -> None:
        bar.update(done)

    return update


def main() -> None:
    """Launch the web chat on ASSISTANT_HOST:ASSISTANT_PORT (127.0.0.1:7860 by default)."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        settings = Settings.from_env()
        keep_library_files_in_data_dir(settings)
        from assistant.ui import build_app, launch_options

        options = launch_options(settings)
    except ConfigError as exc:
        raise SystemExit(f"Error: {exc}") from None
    assistant = Assistant(settings)
    try:
        if not assistant.store.exists():
            log.info(
                "No index in %s: building it from the bundled article…", assistant.store.location
            )
        if assistant.ensure_index(progress=_progress):
            stats = assistant.store.stats()
            log.info("Index built: %s documents, %s chunks", stats["documents"], stats["chunks"])
        assistant.embeddings.load()  # before the first question, not during it
    except AssistantError as exc:
        # Still serve: the chat shows the error on each question until it is fixed.
        log.error("%s", exc)
    demo = build_app(assistant)
    demo.launch(**options)


if __name__ == "__main__":
    main()
