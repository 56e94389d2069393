"""User-facing errors: each becomes one clear line in the CLI and a message in the UI."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error a user should see as one line, never as a traceback."""


class ConfigError(AssistantError):
    """A setting has a value that cannot be used."""


class DocumentError(AssistantError):
    """A document cannot be read or has no usable text."""


class ModelLoadError(AssistantError):
    """An embedding or language model cannot be loaded."""


class StoreError(AssistantError):
    """The index is missing, unreachable, corrupt or built with another model."""


class ModelMismatchError(StoreError):
    """The index was built with another embedding model than the one configured."""


class QuestionError(AssistantError):
    """The question cannot be answered as given (empty, unusable)."""


class LLMError(AssistantError):
    """The language model backend failed; callers fall back to the extractive answer."""
