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
