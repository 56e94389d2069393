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


@pytest.mark.parametrize("split", ["dev", "test"])
def test_outside_question_sets_cover_three_articles_and_every_category(split: str) -> None:
    """Issue 12's sets: each names its article; evidence is checked against that article."""
    from assistant.fixtures import CATEGORIES

    folder = default_fixture_path().parent / split
    files = sorted(folder.glob("*.yaml"))
    assert len(files) == 3
    categories: set[str] = set()
    languages: set[str] = set()
    for path in files:
        fixtures = load_fixtures(path)  # raises if an evidence is not in the named article
        assert fixtures.article is not None and fixtures.article.is_file()
        questions = fixtures.all_questions()
        categories |= {q.category for q in questions if not q.answerable}
        languages |= {q.lang for q in questions}
    assert categories == set(CATEGORIES) and languages == {"fr", "en"}


def test_probe_sets_name_their_article_and_quote_it() -> None:
    """The team's own probes (counts and dates across languages), reported apart."""
    files = sorted((default_fixture_path().parent / "probes").glob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        fixtures = load_fixtures(path)  # raises if an evidence is not in the named article
        assert fixtures.article is not None and fixtures.article.is_file()
        assert {q.lang for q in fixtures.all_questions()} <= {"fr", "en"}


def test_an_article_that_is_missing_or_a_bad_category_is_one_error(tmp_path: Path) -> None:
    missing = tmp_path / "a.yaml"
    missing.write_text("article: nowhere.txt\nitems:\n  - {id: a, q: 'Q?', evidence: x}\n")
    with pytest.raises(FixtureError, match="not found"):
        load_fixtures(missing)
    (tmp_path / "art.txt").write_text("Un texte.\n", encoding="utf-8")
    bad = tmp_path / "b.yaml"
    bad.write_text(
        "article: art.txt\nitems:\n  - {id: u, q: 'Q?', answerable: false, category: rumour}\n"
    )
    with pytest.raises(FixtureError, match="unknown category"):
        load_fixtures(bad)
