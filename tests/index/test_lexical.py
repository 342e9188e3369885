"""The lexical signal (claimwatch.index.lexical)."""

import numpy as np

from claimwatch.index import lexical
from claimwatch.index.lexical import cached_lexical_vectors, lexical_vectors


def test_cached_rows_are_the_rows_and_the_cache_stays_bounded(monkeypatch):
    monkeypatch.setattr(lexical, "ROW_CACHE_SIZE", 3)
    monkeypatch.setattr(lexical, "_ROWS", lexical.OrderedDict())
    texts = ["H200的显存带宽为#TB/s", "Nvidia shares fell #%", "H200的显存带宽为#TB/s", "营收#亿元", "净利润#亿元"]
    got = cached_lexical_vectors(texts)
    assert np.allclose(got.toarray(), lexical_vectors(texts).toarray())
    assert len(lexical._ROWS) == 3  # the oldest text is forgotten
    again = cached_lexical_vectors(texts[::-1])  # from the cache and fresh, in the order asked
    assert np.allclose(again.toarray(), lexical_vectors(texts[::-1]).toarray())
    assert cached_lexical_vectors([]).shape == (0, lexical_vectors([]).shape[1])


def test_pair_similarity_is_the_same_in_chunks(monkeypatch):
    rows = lexical_vectors(["英伟达H200芯片获准出口", "Nvidia may export the H200", "英伟达获准向中国出口H200",
                            "the H200 chip", "商务部回应"])
    left, right = np.array([0, 1, 2, 3, 4, 0, 2]), np.array([2, 3, 0, 1, 0, 4, 2])
    want = np.array([rows[a].multiply(rows[b]).sum() for a, b in zip(left, right)])
    from claimwatch.index import vectors
    monkeypatch.setattr(vectors, "PAIR_CHUNK", 2)
    got = lexical.pair_similarity(rows, left, right)
    assert np.allclose(got, want, atol=1e-6) and got[0] > 0.3 and np.isclose(got[-1], 1.0, atol=1e-5)


def test_lexical_rows_are_unit_length_log_counts_and_empty_texts_give_empty_rows():
    texts = ["英伟达H200芯片获准出口", "", "aaa aaa", "Nvidia may export the H200"]
    rows = lexical_vectors(texts)
    dense = rows.toarray()
    assert rows.shape == (4, lexical._VECTORIZER.n_features) and rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(dense[[0, 2, 3]], axis=1), 1.0, atol=1e-6)
    assert rows[1].nnz == 0
    counts = lexical._VECTORIZER.transform(texts[2:3]).toarray()[0]
    want = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1)), 0.0)
    assert np.allclose(dense[2], want / np.linalg.norm(want), atol=1e-6)
