"""Index: sentence embedders, the lexical signal, FAISS indexes and the on-disk store."""

from claimwatch.index.embedders import DEFAULT_EMBEDDER, Embedder, create_embedder
from claimwatch.index.lexical import hybrid_score, lexical_vectors
from claimwatch.index.store import Store, open_store
from claimwatch.index.vectors import FaissIndex, NumpyIndex, choose_index_kind

__all__ = [
    "DEFAULT_EMBEDDER", "Embedder", "FaissIndex", "NumpyIndex", "Store", "choose_index_kind", "create_embedder",
    "hybrid_score", "lexical_vectors", "open_store",
]
