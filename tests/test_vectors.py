"""Sentence vectors packed into chunk metadata keep their cosines and their row count."""

from __future__ import annotations

import numpy as np

from assistant.vectors import pack, unpack


def _unit_rows(count: int, width: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, width)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_packed_rows_keep_their_cosines_to_a_query_within_half_a_hundredth() -> None:
    rows, query = _unit_rows(12, 384, 1), _unit_rows(1, 384, 2)[0]
    restored = unpack(pack(rows.tolist()), 12)
    assert restored.shape == (12, 384)
    assert np.max(np.abs(restored @ query - rows @ query)) < 0.005
    assert np.argmax(restored @ query) == np.argmax(rows @ query)


def test_a_packed_matrix_is_a_quarter_of_its_float32_size_plus_base64() -> None:
    rows = _unit_rows(6, 384, 3)
    assert len(pack(rows.tolist())) <= (6 * 384 + 6 * 2) * 4 / 3 + 4


def test_a_zero_row_survives_and_a_wrong_row_count_gives_nothing() -> None:
    rows = np.vstack([np.zeros((1, 8), dtype=np.float32), _unit_rows(1, 8, 4)])
    packed = pack(rows.tolist())
    assert np.allclose(unpack(packed, 2)[0], 0.0)
    assert unpack(packed, 3).size == 0
    assert unpack(packed, 0).size == 0
    assert unpack("not [packed] vectors", 2).size == 0
