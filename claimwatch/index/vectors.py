"""Vector indexes: FAISS inner product with an id map (the product), NumPy exact search (the oracle)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal, Protocol

import faiss
import numpy as np

from claimwatch.errors import IndexCorrupt


class VectorIndex(Protocol):
    """Nearest neighbours by inner product over unit vectors, addressed by int64 ids."""

    dim: int

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None: ...
    def remove(self, ids: np.ndarray) -> int: ...
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...
    def __len__(self) -> int: ...


IndexKind = Literal["flat", "hnsw", "ivf"]
EXACT_UP_TO = 50_000  # exact search p99 stays under 50 ms up to here on 2 cores (README, claimwatch bench)


def choose_index_kind(n: int) -> IndexKind:
    """Exact search for small stores; IVF beyond ``EXACT_UP_TO`` (builds in about a minute at 1M
    vectors on 2 cores, where HNSW takes far longer, with recall@10 measured by ``claimwatch bench``)."""
    return "flat" if n <= EXACT_UP_TO else "ivf"


FEW_QUERIES = 4  # searches of at most this many queries run on one OpenMP thread
_THREADS = faiss.omp_get_max_threads()  # the process's default, restored after each such search


PAIR_CHUNK = 4096  # pairs whose rows ``per_pair`` gathers at once


def per_pair(left: np.ndarray, right: np.ndarray, product) -> np.ndarray:
    """``product(a, b)`` (one float32 per pair) over the pairs ``(left[i], right[i])``, taken
    ``PAIR_CHUNK`` pairs at a time: gathering the rows of all pairs at once copies every pair's
    entries twice (280 MB of vectors for 70k pairs of 512-d rows), and the fresh memory costs more
    than the products."""
    out = np.empty(len(left), dtype=np.float32)
    for start in range(0, len(left), PAIR_CHUNK):
        a, b = left[start:start + PAIR_CHUNK], right[start:start + PAIR_CHUNK]
        out[start:start + len(a)] = product(a, b)
    return out


def pair_dots(vectors: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Inner product of ``vectors[left[i]]`` with ``vectors[right[i]]`` for every i."""
    return per_pair(left, right, lambda a, b: np.einsum("ij,ij->i", vectors[a], vectors[b]))


def _new_faiss_index(dim: int, kind: IndexKind, train: np.ndarray | None = None) -> faiss.Index:
    if kind == "flat":
        return faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
    if kind == "hnsw":
        hnsw = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = 80
        hnsw.hnsw.efSearch = 128
        return faiss.IndexIDMap2(hnsw)
    if kind == "ivf":
        n = 0 if train is None else len(train)
        nlist = max(1, min(4096, int(4 * np.sqrt(max(n, 1)))))
        ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        if train is None or len(train) < nlist:
            raise ValueError("an IVF index needs training vectors (at least one per list)")
        ivf.train(np.ascontiguousarray(train, dtype=np.float32))
        ivf.nprobe = max(1, min(nlist, 32))
        return ivf
    raise ValueError(f"unknown index kind {kind!r}")


class FaissIndex:
    """FAISS inner-product search addressed by int64 ids.

    ``flat`` (exact, the default, ids removable), ``hnsw`` (graph ANN; removal is not supported
    by FAISS, the store rebuilds instead) or ``ivf`` (inverted lists; needs training vectors).
    """

    def __init__(self, dim: int, index: faiss.Index | None = None, kind: IndexKind = "flat",
                 train: np.ndarray | None = None) -> None:
        self.dim = dim
        self.kind = kind
        self._index = index if index is not None else _new_faiss_index(dim, kind, train)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids) == 0:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.shape[1] != self.dim:
            raise IndexCorrupt(f"vector dimension {vectors.shape[1]} does not match index dimension {self.dim}",
                               code="index-dimension-mismatch")
        self._index.add_with_ids(vectors, np.asarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray) -> int:
        return int(self._index.remove_ids(np.asarray(ids, dtype=np.int64)))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the ``k`` nearest rows per query; missing neighbours have id -1."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if len(self) == 0 or k <= 0:
            n = len(queries)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        if len(queries) > FEW_QUERIES:
            return self._index.search(queries, min(k, len(self)))
        # One query (verify) is faster on one thread: starting OpenMP's team costs more than the
        # search of a few queries saves, and concurrent requests' teams fight for the same cores.
        faiss.omp_set_num_threads(1)
        try:
            return self._index.search(queries, min(k, len(self)))
        finally:
            faiss.omp_set_num_threads(_THREADS)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def save(self, path: Path) -> None:
        """Write atomically: a temp file in the same folder, fsync, then rename over ``path``."""
        path = Path(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(fd)
        try:
            faiss.write_index(self._index, tmp)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path, dim: int, kind: IndexKind = "flat") -> FaissIndex:
        try:
            index = faiss.read_index(str(path))
        except RuntimeError as exc:
            raise IndexCorrupt(
                f"cannot read the vector index {path}: {exc}. Run 'claimwatch store rebuild --data DIR' "
                "to rebuild it from the vectors kept in SQLite"
            ) from exc
        if index.d != dim:
            raise IndexCorrupt(f"index {path} has dimension {index.d}, the store says {dim}",
                               code="index-dimension-mismatch")
        return cls(dim, index, kind=kind)


class NumpyIndex:
    """Brute-force exact search in NumPy; the oracle the FAISS index is tested against."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._ids = np.zeros(0, dtype=np.int64)
        self._vectors = np.zeros((0, dim), dtype=np.float32)

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._ids = np.concatenate([self._ids, np.asarray(ids, dtype=np.int64)])
        self._vectors = np.vstack([self._vectors, np.asarray(vectors, dtype=np.float32)])

    def remove(self, ids: np.ndarray) -> int:
        keep = ~np.isin(self._ids, ids)
        removed = int((~keep).sum())
        self._ids, self._vectors = self._ids[keep], self._vectors[keep]
        return removed

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, len(self._ids))
        scores = np.asarray(queries, dtype=np.float32) @ self._vectors.T
        order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(scores, order, axis=1), self._ids[order]

    def __len__(self) -> int:
        return len(self._ids)


__all__ = ["VectorIndex", "FaissIndex", "NumpyIndex", "IndexKind", "choose_index_kind", "EXACT_UP_TO"]
