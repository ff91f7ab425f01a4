"""Embeddings that need no network and no downloaded weights.

The default is LSA: character 1–3-gram TF-IDF fitted on the corpus, reduced by truncated SVD,
saved beside the index. Fitting uses scikit-learn; embedding a query uses only numpy with the
saved vocabulary, idf and components (the same formulas as sklearn's TfidfVectorizer with
smooth idf and l2 norm), so a search process never imports scikit-learn.

Optional, by configuration: a local sentence-transformers model directory
(`PAYGUIDE_EMBED_MODEL_DIR`) or an OpenAI-compatible embeddings endpoint
(`PAYGUIDE_EMBED_BASE_URL`, `PAYGUIDE_EMBED_MODEL`, `PAYGUIDE_EMBED_API_KEY`).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

LSA_DIMENSIONS = 192
NGRAM_RANGE = (1, 3)
_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9%]+")


def char_ngrams(text: str) -> list[str]:
    """Character n-grams within runs of CJK/alphanumerics (punctuation breaks a run)."""
    grams: list[str] = []
    for run in _KEEP.findall(text.lower()):
        for n in range(NGRAM_RANGE[0], NGRAM_RANGE[1] + 1):
            grams += [run[i : i + n] for i in range(len(run) - n + 1)]
    return grams


class LsaEmbeddings:
    """Embeddings over a fitted LSA model, with LangChain's `Embeddings` interface
    (embed_documents / embed_query) but not its import: a cold search loads no LangChain."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, components: np.ndarray):
        self.vocabulary = vocabulary
        self.idf = idf.astype(np.float32)
        self.components = components.astype(np.float32)  # (dimensions, vocabulary size)

    @classmethod
    def fit(cls, texts: Sequence[str], dimensions: int = LSA_DIMENSIONS) -> LsaEmbeddings:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(analyzer=char_ngrams, min_df=1, sublinear_tf=False)
        matrix = vectorizer.fit_transform(texts)
        dimensions = max(2, min(dimensions, matrix.shape[0] - 1, matrix.shape[1] - 1))
        # ARPACK: exact for a corpus this size, and 5× faster than the randomized solver here.
        svd = TruncatedSVD(n_components=dimensions, random_state=0, algorithm="arpack")
        svd.fit(matrix)
        vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
        return cls(vocabulary, vectorizer.idf_, svd.components_)

    def save(self, path: Path) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez(path, terms=np.array(terms, dtype=object), idf=self.idf, components=self.components)

    @classmethod
    def load(cls, path: Path) -> LsaEmbeddings:
        data = np.load(path, allow_pickle=True)
        vocabulary = {str(term): i for i, term in enumerate(data["terms"])}
        return cls(vocabulary, data["idf"], data["components"])

    def _tfidf(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(vocabulary indexes, l2-normalised tf-idf weights) of the text's known n-grams."""
        pairs = [(self.vocabulary[g], c) for g, c in Counter(char_ngrams(text)).items() if g in self.vocabulary]
        if not pairs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        index = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        weights = np.fromiter((c for _, c in pairs), dtype=np.float32, count=len(pairs)) * self.idf[index]
        return index, weights / np.linalg.norm(weights)

    def embed_matrix(self, texts: Sequence[str]) -> np.ndarray:
        # Sparse: only the columns of the text's own n-grams (a dense vocabulary-sized row per
        # text would cost milliseconds per query and gigabytes for 10,000 passages).
        reduced = np.zeros((len(texts), self.components.shape[0]), dtype=np.float32)
        for row, text in enumerate(texts):
            index, weights = self._tfidf(text)
            if len(index):
                reduced[row] = self.components[:, index] @ weights
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return reduced / norms

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_matrix(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_matrix([text])[0].tolist()


def configured_embeddings(load: bool = True) -> tuple[str, Any] | None:
    """(a name for the index hash, embeddings) when an optional model is configured;
    `load=False` gives the name only (cheap: for the index key)."""
    model_dir = os.environ.get("PAYGUIDE_EMBED_MODEL_DIR")
    if model_dir:
        return f"st:{model_dir}", _SentenceTransformerEmbeddings(model_dir) if load else None
    base_url = os.environ.get("PAYGUIDE_EMBED_BASE_URL")
    model = os.environ.get("PAYGUIDE_EMBED_MODEL")
    if base_url and model:
        if not load:
            return f"openai:{base_url}:{model}", None
        from langchain_openai import OpenAIEmbeddings

        # base_url, api_key and timeout are the model's documented aliases, which mypy's pydantic plugin does not accept
        embeddings = OpenAIEmbeddings(base_url=base_url, model=model, api_key=os.environ.get("PAYGUIDE_EMBED_API_KEY", "none"),  # type: ignore[call-arg]
                                      check_embedding_ctx_length=False, timeout=30)
        return f"openai:{base_url}:{model}", embeddings
    return None


class _SentenceTransformerEmbeddings:
    """Duck-typed like LangChain's `Embeddings`. A sentence-transformers model loaded from a local directory (never from a hub)."""

    def __init__(self, model_dir: str):
        from sentence_transformers import SentenceTransformer  # optional dependency

        self.model = SentenceTransformer(model_dir, device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(texts, normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]
