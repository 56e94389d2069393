"""The extractive answerer on small documents written for the tests."""

from __future__ import annotations

import numpy as np

from assistant.chunking import chunk_document
from assistant.documents import Document
from assistant.extractive import extract
from assistant.retrieval import Retrieval
from assistant.types import Passage

CLUB = (
    "Bilan de la saison\n"
    "Le club a signé plusieurs accords cette saison, notamment :\n"
    "- Un accord avec la ville de Lyon pour rénover la piscine municipale.\n"
    "- Un contrat avec la région pour agrandir le stade.\n"
    "Le trésorier a ensuite présenté les comptes de l’année.\n"
)


def test_a_list_lead_in_is_quoted_with_the_items_that_follow_it() -> None:
    chunks = chunk_document(Document("club.txt", "Bilan", CLUB))
    passages = [
        Passage(c.chunk_id, c.source, c.section, c.text, c.start, c.end, 0.9, "", c.sentences)
        for c in chunks
    ]
    retrieval = Retrieval(passages, np.ones(384, dtype=np.float32) / np.sqrt(384))
    found = extract("Le club a-t-il signé des accords cette saison ?", retrieval)
    quoted = [s.text for s in found.sentences]
    assert quoted[0].endswith("notamment :")
    assert quoted[1:3] == [
        "Un accord avec la ville de Lyon pour rénover la piscine municipale.",
        "Un contrat avec la région pour agrandir le stade.",
    ]
    assert not any("trésorier" in text for text in quoted)
