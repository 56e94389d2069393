from __future__ import annotations

from pathlib import Path

import pytest

from assistant.documents import load_bundled_article
from assistant.fixtures import FixtureError, default_fixture_path, load_fixtures, matches_expected


def test_fixture_file_is_valid_and_covers_the_article() -> None:
    article = load_bundled_article().text
    fixtures = load_fixtures(default_fixture_path(), [article])
    answerable = [q for q in fixtures.items if q.answerable]
    assert len(answerable) >= 25
    assert len([q for q in fixtures.items if not q.answerable]) >= 8
    assert len(fixtures.conversations) >= 4
    assert {q.lang for q in answerable} == {"fr", "en"}
    for question in fixtures.all_questions():
        if question.answerable:
            assert question.evidence in article


def test_matching_folds_case_accents_and_spaces() -> None:
    assert matches_expected(
        "Il a tenu  QUARANTE-TROIS réunions à Séoul", [["43", "quarante-trois"], ["seoul"]]
    )
    assert not matches_expected("Il a tenu des réunions", [["43", "quarante-trois"]])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("items: [\n  - id: q1\n", "not valid YAML"),
        (
            "items:\n  - id: q1\n    q: Où ?\n    evidence: absent du texte\n",
            "item q1: evidence 'absent du texte' is not in any",
        ),
        (
            "items:\n  - id: q1\n    q: Où ?\n    colour: red\n    evidence: Marrakech\n",
            "item q1: unknown key 'colour'",
        ),
        ("items:\n  - id: q1\n    q: Où ?\n", "item q1: an answerable question needs `evidence`"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_bad_fixture_files_name_the_file_and_the_item(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FixtureError) as error:
        load_fixtures(path, [load_bundled_article().text])
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_unknown_fixture_file(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="no such question file"):
        load_fixtures(tmp_path / "nope.yaml")
