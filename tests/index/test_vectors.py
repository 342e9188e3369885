import numpy as np
import pytest

from claimwatch.errors import IndexCorrupt
from claimwatch.index.vectors import FaissIndex, NumpyIndex


def _unit(n, dim, seed=0):
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_faiss_matches_numpy_oracle():
    vectors, queries = _unit(500, 32), _unit(20, 32, seed=1)
    ids = np.arange(1000, 1500)
    faiss_index, oracle = FaissIndex(32), NumpyIndex(32)
    faiss_index.add(ids, vectors)
    oracle.add(ids, vectors)
    fs, fi = faiss_index.search(queries, 10)
    ns, ni = oracle.search(queries, 10)
    assert (fi == ni).all()
    assert np.allclose(fs, ns, atol=1e-5)


def test_removed_ids_are_not_returned():
    index = FaissIndex(8)
    index.add(np.arange(10), _unit(10, 8))
    assert index.remove(np.array([3, 4])) == 2
    _, ids = index.search(_unit(5, 8, seed=3), 10)
    assert len(index) == 8
    assert not np.isin(ids, [3, 4]).any()


def test_save_and_load_round_trip(tmp_path):
    index = FaissIndex(8)
    vectors = _unit(10, 8)
    index.add(np.arange(10) * 7, vectors)
    index.save(tmp_path / "v.faiss")
    again = FaissIndex.load(tmp_path / "v.faiss", 8)
    _, ids = again.search(vectors[:1], 1)
    assert ids[0, 0] == 0 and len(again) == 10
    assert [p.name for p in tmp_path.iterdir()] == ["v.faiss"]  # no temp file left


def test_load_rejects_truncated_file(tmp_path):
    index = FaissIndex(8)
    index.add(np.arange(10), _unit(10, 8))
    index.save(tmp_path / "v.faiss")
    data = (tmp_path / "v.faiss").read_bytes()
    (tmp_path / "v.faiss").write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorrupt) as err:
        FaissIndex.load(tmp_path / "v.faiss", 8)
    assert err.value.code == "index-corrupt"


def test_add_rejects_wrong_dimension():
    with pytest.raises(IndexCorrupt) as err:
        FaissIndex(8).add(np.arange(2), _unit(2, 16))
    assert err.value.code == "index-dimension-mismatch"


def test_search_on_empty_index_returns_nothing():
    scores, ids = FaissIndex(8).search(_unit(2, 8), 5)
    assert scores.shape == (2, 0) and ids.shape == (2, 0)


@pytest.mark.parametrize("kind", ["hnsw", "ivf"])
def test_approximate_indexes_reach_high_recall_against_exact(kind):
    # embeddings have topical structure: points around 50 centres, queries near stored points
    rng = np.random.default_rng(5)
    centres = _unit(50, 32, seed=7)
    vectors = centres[rng.integers(0, 50, 5000)] + 0.15 * rng.normal(size=(5000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[:50] + 0.05 * rng.normal(size=(50, 32)).astype(np.float32)
    ids = np.arange(5000)
    exact, approx = NumpyIndex(32), FaissIndex(32, kind=kind, train=vectors)
    exact.add(ids, vectors)
    approx.add(ids, vectors)
    _, want = exact.search(queries, 10)
    _, got = approx.search(queries, 10)
    recall = np.mean([len(set(w) & set(g)) / 10 for w, g in zip(want, got)])
    assert recall >= 0.9


def test_index_kind_is_chosen_by_size():
    from claimwatch.index.vectors import EXACT_UP_TO, choose_index_kind

    assert choose_index_kind(10_000) == "flat"
    assert choose_index_kind(EXACT_UP_TO + 1) == "ivf"


def test_lexical_row_dots_match_the_sparse_product():
    from claimwatch.index.lexical import lexical_vectors, row_dots

    rows = lexical_vectors(["英伟达H200带宽4.8TB/s", "Nvidia H200 bandwidth", "完全无关的句子", ""])
    query = lexical_vectors(["H200的带宽为4.8TB/s"])
    expected = (rows @ query.T).toarray().ravel()
    assert np.allclose(row_dots(rows, query[0]), expected, atol=1e-6)


def test_a_single_query_runs_on_one_thread_and_finds_what_a_batch_finds():
    import faiss

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(500, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = FaissIndex(16)
    index.add(np.arange(500), vectors)
    before = faiss.omp_get_max_threads()
    batch_scores, batch_ids = index.search(vectors[:10], 5)
    for i in range(10):
        scores, ids = index.search(vectors[i:i + 1], 5)
        assert ids[0].tolist() == batch_ids[i].tolist() and np.allclose(scores[0], batch_scores[i])
    assert faiss.omp_get_max_threads() == before  # the process's thread count is restored


def test_pair_dots_match_the_gathered_product_across_chunks(monkeypatch):
    from claimwatch.index import vectors as module
    monkeypatch.setattr(module, "PAIR_CHUNK", 3)  # ten pairs in four chunks, the last one short
    rng = np.random.default_rng(1)
    vecs = rng.normal(size=(6, 8)).astype(np.float32)
    left, right = rng.integers(0, 6, 10), rng.integers(0, 6, 10)
    want = np.einsum("ij,ij->i", vecs[left], vecs[right])
    assert np.allclose(module.pair_dots(vecs, left, right), want, atol=1e-6)
    assert module.pair_dots(vecs, left[:0], right[:0]).shape == (0,)
