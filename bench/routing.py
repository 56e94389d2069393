"""Routing among several articles: the three fixture articles and N generated news articles
in one index; for each answerable question of a fixture set, is the first passage from the
question's own article, and is it the evidence? Per language pair (question -> article).
`--bonus` overrides `retrieval.CROSS_LANGUAGE_BONUS`, `--pool`
`retrieval.OTHER_LANGUAGE_CANDIDATES` (0: without).

    python bench/routing.py --docs 40 --sets base,dev,test [--bonus 0] [--pool 0] [--work DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import retrieval
from assistant.config import Settings
from assistant.core import Assistant
from assistant.fixtures import load_fixtures
from assistant.language import detect_language
from bench.corpus import write_corpus
from bench.harness import FIXTURES

BUNDLED = "marrakech-interpol-2025.fr.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=40, help="Generated articles beside them.")
    parser.add_argument("--sets", default="base,dev,test", help="Question sets, comma-separated.")
    parser.add_argument("--bonus", type=float, default=None, help="CROSS_LANGUAGE_BONUS to use.")
    parser.add_argument("--pool", type=int, default=None, help="OTHER_LANGUAGE_CANDIDATES.")
    parser.add_argument("--work", type=Path, default=None, help="Folder to keep the index in.")
    args = parser.parse_args()
    if args.bonus is not None:
        retrieval.CROSS_LANGUAGE_BONUS = args.bonus
    if args.pool is not None:
        retrieval.OTHER_LANGUAGE_CANDIDATES = args.pool
    work = args.work or Path(tempfile.mkdtemp(prefix="routing-"))
    assistant = Assistant(Settings(index_dir=work / "index", data_dir=work / "data"))
    if not assistant.store.exists():
        assistant.index()
        # the splits' two articles (the later ones in that folder are the blind probes')
        split_articles = ("abbaye-saint-aubin-2026.fr.txt", "lisbon-water-summit-2026.en.txt")
        assistant.index([FIXTURES / "articles" / name for name in split_articles])
        assistant.index(write_corpus(work / "docs", args.docs))
    print(
        f"bonus {retrieval.CROSS_LANGUAGE_BONUS}, pool {retrieval.OTHER_LANGUAGE_CANDIDATES}, "
        f"{assistant.store.stats()['documents']} docs"
    )
    for name in args.sets.split(","):
        # `base`: the project's files about the bundled article; `dev`, `test`: the splits.
        files = [FIXTURES / "questions.yaml", FIXTURES / "heldout.yaml"] if name == "base" else []
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for path in files or sorted((FIXTURES / name).glob("*.yaml")):
            fixtures = load_fixtures(path)
            article = fixtures.article.name if fixtures.article else BUNDLED
            for question in fixtures.items:
                if question.answerable and question.evidence:
                    first = assistant.search(question.q, 5)[0]
                    # By language pair: the question's, then its article's (its name's suffix).
                    asked_in = question.lang or detect_language(question.q)
                    row = counts[f"{asked_in}->{Path(article).suffixes[-2].strip('.')}"]
                    row[0] += 1
                    row[1] += first.source.endswith(article)
                    row[2] += question.evidence in first.text
        for pair, (total, own, evidence) in sorted(counts.items()):
            print(
                f"{name} {pair}: {total} questions, article first {own / total:.2f}, "
                f"evidence first {evidence / total:.2f}"
            )


if __name__ == "__main__":
    main()
