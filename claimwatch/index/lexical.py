"""The lexical signal: cosine of hashed character 1–3-gram counts (sublinear), language-agnostic.

Dense models blur near-verbatim wording; character n-grams see it. Hashing keeps the signal
stateless (no vocabulary to store), so stored and new claims are always comparable.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer

from claimwatch.index.vectors import per_pair

_VECTORIZER = HashingVectorizer(
    analyzer="char_wb", ngram_range=(1, 3), n_features=2**20, alternate_sign=False, norm=None, lowercase=True,
)


def lexical_vectors(texts: list[str]) -> sp.csr_matrix:
    """Unit-length sparse rows; the inner product of two rows is their lexical similarity."""
    if not texts:
        return sp.csr_matrix((0, _VECTORIZER.n_features), dtype=np.float32)
    counts = _VECTORIZER.transform(texts).tocsr().astype(np.float32)
    counts.data = 1.0 + np.log(counts.data)
    # each row's norm from its own entries: a row sum over the matrix multiplies by a vector of all
    # 2**20 columns (3.7 ms for one short text, most of a verify's lexical time)
    lengths = np.diff(counts.indptr)
    norms = np.sqrt(np.bincount(np.repeat(np.arange(len(texts)), lengths), weights=counts.data.astype(np.float64) ** 2,
                                minlength=len(texts))).astype(np.float32)
    norms[norms == 0] = 1.0
    counts.data /= np.repeat(norms, lengths)
    return counts


ROW_CACHE_SIZE = 20_000  # texts whose lexical row verify keeps (about 2 KB each): the stored claims it meets again
_ROWS: OrderedDict[str, sp.csr_matrix] = OrderedDict()
_ROWS_LOCK = threading.Lock()


def cached_lexical_vectors(texts: list[str]) -> sp.csr_matrix:
    """``lexical_vectors(texts)``, reusing the rows of texts seen lately: verify meets the same stored
    claims query after query, and vectorising them was a quarter of its time."""
    with _ROWS_LOCK:
        known = {t: _ROWS[t] for t in texts if t in _ROWS}
        for t in known:
            _ROWS.move_to_end(t)
    missing = list(dict.fromkeys(t for t in texts if t not in known))
    if missing:
        fresh = lexical_vectors(missing)
        with _ROWS_LOCK:
            for n, t in enumerate(missing):
                known[t] = _ROWS[t] = fresh[n]
            while len(_ROWS) > ROW_CACHE_SIZE:
                _ROWS.popitem(last=False)
    if not texts:
        return lexical_vectors([])
    return sp.vstack([known[t] for t in texts], format="csr")


def pair_similarity(rows: sp.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Lexical similarity of row ``left[i]`` with row ``right[i]`` for every i (in chunks: ``per_pair``)."""
    return per_pair(left, right, lambda a, b: np.asarray(rows[a].multiply(rows[b]).sum(axis=1)).ravel())


def row_dots(rows: sp.csr_matrix, query: sp.csr_matrix) -> np.ndarray:
    """Inner product of each row with one query row, by intersecting their sorted column indices.

    Multiplying by the transposed query would build an index over all 2**20 hashed columns;
    this costs only the rows' own entries.
    """
    q_idx, q_val = query.indices, query.data
    out = np.zeros(rows.shape[0], dtype=np.float32)
    for n in range(rows.shape[0]):
        lo, hi = rows.indptr[n], rows.indptr[n + 1]
        _, qi, ri = np.intersect1d(q_idx, rows.indices[lo:hi], assume_unique=True, return_indices=True)
        out[n] = float(np.dot(q_val[qi], rows.data[lo:hi][ri]))
    return out


def hybrid_score(dense: np.ndarray | float, lexical: np.ndarray | float, weight: float = 0.5):
    """Dense similarity lifted by lexical overlap: ``dense + weight * lexical * (1 - dense)``.

    Cross-lingual pairs (no shared characters) keep their dense score; near-verbatim pairs
    approach 1 whatever the dense model thinks.
    """
    return dense + weight * lexical * (1.0 - dense)


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]{2,}|[A-Za-z]+\d[A-Za-z0-9]*")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_COMMON = frozenset("the and for that this with from are was were has have had its not but will would which "
                    "their they been also than into over about after said says".split())


def search_terms(text: str) -> list[str]:
    """The terms a word index is searched with: Latin words and model codes (common words left out)
    and every three-character run of Chinese, in order, each once."""
    terms = [w.lower() for w in _LATIN_WORD.findall(text) if w.lower() not in _COMMON]
    for run in _HAN_RUN.findall(text):
        terms += [run[n:n + 3] for n in range(len(run) - 2)]
    return list(dict.fromkeys(terms))


__all__ = ["search_terms", "lexical_vectors", "cached_lexical_vectors", "pair_similarity", "row_dots", "hybrid_score"]
