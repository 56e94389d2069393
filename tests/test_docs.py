"""The documentation stays readable and true to the code: a short README, every setting
documented, no broken relative link. Offline and fast: it reads files only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.config import Settings

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CONFIG = ROOT / "assistant" / "config.py"
CONFIGURATION_DOC = ROOT / "docs" / "configuration.md"
MAX_README_LINES = 300

# [text](target) and ![alt](target), with an optional "title"; and [label]: target definitions.
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$", re.MULTILINE)
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+).*?\1")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def markdown_files() -> list[Path]:
    return [README, *sorted((ROOT / "docs").glob("*.md"))]


def prose(text: str) -> str:
    """The text outside fenced code blocks and code spans (links there are not links)."""
    kept, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            kept.append(CODE_SPAN.sub("", line))
    return "\n".join(kept)


def links(text: str) -> list[str]:
    body = prose(text)
    return INLINE_LINK.findall(body) + REFERENCE_LINK.findall(body)


def relative_links(text: str) -> list[str]:
    return [t for t in links(text) if not SCHEME.match(t) and not t.startswith("#")]


def broken_links(path: Path) -> list[str]:
    """Relative links of a Markdown file whose file (anchor and query cut) does not exist."""
    broken = []
    for target in relative_links(path.read_text(encoding="utf-8")):
        file = target.split("#", 1)[0].split("?", 1)[0]
        if not (path.parent / file).exists():
            broken.append(target)
    return broken


def anchors(text: str) -> set[str]:
    """GitHub's anchors for the headings of a Markdown text (duplicates get -1, -2…)."""
    found: set[str] = set()
    for line in prose(text.replace("`", "")).splitlines():
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
        candidate, n = slug, 0
        while candidate in found:
            n += 1
            candidate = f"{slug}-{n}"
        found.add(candidate)
    return found


def broken_anchors(path: Path) -> list[str]:
    """Links to a heading (`file.md#heading`, `#heading`) that no heading there gives."""
    broken = []
    for target in links(path.read_text(encoding="utf-8")):
        if SCHEME.match(target) or "#" not in target:
            continue
        file, anchor = target.split("#", 1)
        document = (path.parent / file) if file else path
        if document.suffix != ".md" or not document.is_file():
            continue  # a missing file is broken_links' business
        if anchor not in anchors(document.read_text(encoding="utf-8")):
            broken.append(target)
    return broken


def config_variables() -> list[str]:
    """Every ASSISTANT_* variable: one per `Settings` field, and any named in config.py."""
    from_fields = [variable for variable, _, _ in Settings.describe()]
    named = re.findall(r"\bASSISTANT_[A-Z0-9_]*[A-Z0-9]\b", CONFIG.read_text(encoding="utf-8"))
    return sorted(set(from_fields) | set(named))


def missing_variables(text: str) -> list[str]:
    """The config variables a text never names (whole names: ASSISTANT_LLM is not in
    ASSISTANT_LLM_TIMEOUT)."""
    return [
        variable
        for variable in config_variables()
        if not re.search(rf"(?<![A-Z0-9_]){variable}(?![A-Z0-9_])", text)
    ]


def test_the_readme_is_short() -> None:
    lines = len(README.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_README_LINES, f"README.md has {lines} lines; move detail into docs/"


def test_config_variables_are_found() -> None:
    variables = config_variables()
    assert len(variables) >= 20
    assert "ASSISTANT_EMBEDDINGS_URL" in variables and "ASSISTANT_UI_AUTH" in variables
    assert "ASSISTANT_" not in variables


@pytest.mark.parametrize("path", [README, CONFIGURATION_DOC], ids=lambda p: p.name)
def test_every_setting_is_documented(path: Path) -> None:
    missing = missing_variables(path.read_text(encoding="utf-8"))
    assert not missing, f"{path.relative_to(ROOT)} does not name {', '.join(missing)}"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.name)
def test_relative_links_point_to_existing_files(path: Path) -> None:
    broken = broken_links(path)
    assert not broken, f"{path.relative_to(ROOT)}: no such file for {', '.join(broken)}"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: p.name)
def test_links_to_headings_find_them(path: Path) -> None:
    broken = broken_anchors(path)
    assert not broken, f"{path.relative_to(ROOT)}: no such heading for {', '.join(broken)}"


def test_the_checks_catch_what_they_check(tmp_path: Path) -> None:
    """Each helper fails on a document that breaks its rule."""
    assert missing_variables("ASSISTANT_LLM_TIMEOUT only") == [
        v for v in config_variables() if v != "ASSISTANT_LLM_TIMEOUT"
    ]
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("# Here\n\n## The `Answer` contract\n", encoding="utf-8")
    page.write_text(
        "[ok](there.md) [gone](gone.md#x) ![img](missing.png) [web](https://example.org/x.md)\n"
        "[anchor](there.md#here) [anchor2](there.md#the-answer-contract) [bad](there.md#nowhere)\n"
        "`[code](span.md)`\n```\n[fenced](block.md)\n```\n[ref]: ref.md\n",
        encoding="utf-8",
    )
    assert broken_links(page) == ["gone.md#x", "missing.png", "ref.md"]
    assert broken_anchors(page) == ["there.md#nowhere"]
