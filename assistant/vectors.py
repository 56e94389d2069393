"""Sentence vectors packed into a chunk's metadata: 8 bits per value, one scale per row.

Chroma metadata holds strings, so a chunk's sentence vectors travel as base64 text: the
float16 scale of each row, then its values rounded to int8 after division by that scale.
On e5 vectors the packed cosines differ from the float32 ones by under 0.005, far below
the gaps between sentences the answerer ranks (tests/test_vectors.py).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import numpy as np

LEVELS = 127


def pack(rows: Sequence[Sequence[float]]) -> str:
    """Rows of floats as base64 text: float16 scales, then int8 values."""
    matrix = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)
    scales = np.abs(matrix).max(axis=1) / LEVELS
    scales = np.where(scales > 0, scales, 1.0).astype(np.float16)
    values = np.clip(np.rint(matrix / scales.astype(np.float32)[:, None]), -LEVELS, LEVELS)
    return base64.b64encode(scales.tobytes() + values.astype(np.int8).tobytes()).decode("ascii")


def unpack(text: str, count: int) -> np.ndarray:
    """The `count` float32 rows of `pack`'s text (an empty matrix if it does not fit)."""
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:  # not ours: the answerer falls back to the chunk's own score
        return np.zeros((0, 0), dtype=np.float32)
    width, leftover = divmod(len(raw) - 2 * count, count) if count else (0, 1)
    if count <= 0 or width <= 0 or leftover:
        return np.zeros((0, 0), dtype=np.float32)
    scales = np.frombuffer(raw[: 2 * count], dtype=np.float16).astype(np.float32)
    values = np.frombuffer(raw[2 * count :], dtype=np.int8).reshape(count, width)
    return values.astype(np.float32) * scales[:, None]
