"""The web chat: loads settings and launches the Gradio app (filled in by the web-chat issue)."""

from __future__ import annotations


def main() -> None:
    """Launch the web chat."""
    raise SystemExit("The web chat is not built yet; use `assistant search`.")


if __name__ == "__main__":
    main()
