"""The persistent store: one data directory with ``config.json``, SQLite metadata and a FAISS index.

    DIR/config.json     how the store was built (embedder, dimension, metric, versions, times)
    DIR/claimwatch.db   articles, claims (with their vectors, so the index can be rebuilt), clusters
    DIR/vectors.faiss   the FAISS index over claim vectors, ids = claim row ids

Claims are also indexed for words (SQLite FTS5, trigram tokenizer, so Chinese needs no segmenter):
verify retrieves candidates both by vector and by shared wording. That index lives in the same
database; a store written before it existed gets it built on open.

SQLite is the source of truth. The FAISS file is written atomically after each committed
ingest; if it is missing or out of step on open, it is rebuilt from SQLite and the log says so.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from claimwatch.claims.consistency import Cluster, Conflict, Disagreement, SyndicationGroup
from claimwatch.claims.models import Article, Claim, Quantity
from claimwatch.claims.places import learn_regions
from claimwatch.claims.subjects import learn_names
from claimwatch.errors import EmbedderMismatch, IndexCorrupt, InputError, NotFound, StoreError
from claimwatch.index.vectors import FaissIndex, choose_index_kind

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
RARE_TERMS = 6          # word search looks for the claims sharing the rarest terms of a query ...
WORD_BUDGET_S = 0.015   # ... and gives up after this long (the vector candidates remain)
# Beyond this many claims a query's common trigrams have posting lists SQLite scans in one step
# (no budget can stop it): verify retrieves by vector only. Measured by `claimwatch bench --part verify`.
WORD_SEARCH_MAX = 200_000
RECENT_CLAIMS = 20_000  # stored claims kept in memory once read, for the queries that meet them again
RECENT_ARTICLES = 2_000  # stored articles kept in memory once read (verify looks up each evidence's article)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    row INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, content_hash TEXT UNIQUE NOT NULL,
    source TEXT NOT NULL, title TEXT NOT NULL, published TEXT, url TEXT, language TEXT NOT NULL,
    text TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    row INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id),
    text TEXT NOT NULL, start INTEGER NOT NULL, end_ INTEGER NOT NULL, section TEXT, language TEXT NOT NULL,
    quantities TEXT NOT NULL, hedged INTEGER NOT NULL, hedge_cue TEXT, negated INTEGER NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id);
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT PRIMARY KEY, status TEXT NOT NULL, independent_sources INTEGER NOT NULL,
    sources TEXT NOT NULL, claim_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_cluster (claim_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class IngestResult:
    articles_added: tuple[str, ...]
    articles_skipped: tuple[str, ...]
    claims_added: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_json_atomic(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _remember(cache: dict, key, value, limit: int) -> None:
    """Keep ``value`` in an insertion-ordered ``cache`` of at most ``limit`` entries, the oldest let go."""
    cache[key] = value
    while len(cache) > limit:
        cache.pop(next(iter(cache)))


def _quantities_to_json(quantities: tuple[Quantity, ...]) -> str:
    return json.dumps([asdict(q) for q in quantities], ensure_ascii=False, allow_nan=True)


def _quantities_from_json(text: str) -> tuple[Quantity, ...]:
    return tuple(Quantity(**q) for q in json.loads(text))


class Store:
    """Articles, claims, vectors and clusters in one directory; safe to share between threads."""

    def __init__(self, path: Path, config: dict, *, rebuild: bool = False) -> None:
        self.path = path
        self.config = config
        self.dim = int(config["dimension"])
        self._lock = threading.RLock()
        self.analysis_lock = threading.Lock()  # one re-analysis at a time, each on a fresh snapshot
        self._origin_sources: dict[str, str] | None = None  # cached until the next save_analysis
        self._partners: dict[str, list[Disagreement]] | None = None  # likewise
        self._recent: dict[int, Claim] = {}  # claims read lately by row (rows never change), oldest first
        self._recent_articles: dict[str, Article] = {}  # likewise articles by id (never changed once stored)
        self._db = sqlite3.connect(path / "claimwatch.db", check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        self._words = self._open_word_index()
        learn_names(self.names())  # the names its articles taught, for claims read from now on
        learn_regions(self.regions())  # and which places hold the localities they name
        self._index = self._rebuild_index() if rebuild else self._open_index()

    # ------------------------------------------------------------------ index
    def _open_word_index(self) -> bool:
        """The FTS5 index of claim texts, built from the claims table when it is missing or behind;
        False (word search off, logged) where this SQLite has no FTS5."""
        try:
            self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5("
                             "text, content='claims', content_rowid='row', tokenize='trigram')")
            self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts_vocab USING fts5vocab(claims_fts, 'row')")
        except sqlite3.OperationalError as exc:
            log.warning("SQLite has no FTS5 trigram tokenizer (%s): verify retrieves by vector only", exc)
            return False
        indexed, stored = self._db.execute("SELECT COUNT(*) FROM claims_fts_docsize").fetchone()[0], self.count_claims()
        if indexed != stored:
            log.warning("word index holds %d of %d claims: rebuilding it", indexed, stored)
            self._db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
        return True

    def _open_index(self) -> FaissIndex:
        path = self.path / "vectors.faiss"
        count = self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        if path.exists():
            kind = self.config.get("index", "flat")
            index = FaissIndex.load(path, self.dim, kind if kind in ("flat", "hnsw", "ivf") else "flat")
            if len(index) == count:
                return index
            log.warning("vector index holds %d vectors but SQLite %d claims: rebuilding it", len(index), count)
        elif count:
            log.warning("vector index file missing for %d claims: rebuilding it from SQLite", count)
        return self._rebuild_index()

    def _rebuild_index(self) -> FaissIndex:
        """Build the index from SQLite, of the kind the store's size calls for (exact, or IVF)."""
        count = self.count_claims()
        kind = choose_index_kind(count)
        train = None
        if kind == "ivf":
            train = np.vstack([v for _, v in self._vector_batches()])
            train = train[np.random.default_rng(0).permutation(len(train))[:100_000]]
        index = FaissIndex(self.dim, kind=kind, train=train)
        for rows, vectors in self._vector_batches():
            index.add(rows, vectors)
        index.save(self.path / "vectors.faiss")
        self.config["index"] = kind
        _write_json_atomic(self.path / "config.json", self.config)
        return index

    def rebuild_index(self) -> int:
        """Rebuild the FAISS file from the vectors in SQLite; returns the number of vectors."""
        with self._lock:
            self._index = self._rebuild_index()
            return len(self._index)

    def _vector_batches(self, batch: int = 10000):
        cur = self._db.execute("SELECT row, vector FROM claims ORDER BY row")
        while chunk := cur.fetchmany(batch):
            rows = np.array([r for r, _ in chunk], dtype=np.int64)
            vectors = np.vstack([np.frombuffer(v, dtype=np.float32) for _, v in chunk])
            yield rows, vectors

    # ------------------------------------------------------------------ writes
    def add(self, articles: list[Article], claims: list[Claim], vectors: np.ndarray,
            names: dict[str, str] | None = None, regions: dict[str, list[str]] | None = None) -> IngestResult:
        """Store new articles with their claims and vectors in one transaction; skip known content.
        ``names`` (learned names, ``{name: subject key}``) and ``regions`` (``{locality: places that
        hold it}``) join the store's, for its next opening."""
        if len(claims) != len(vectors):
            raise StoreError("claims and vectors differ in length")
        if len(vectors) and vectors.shape[1] != self.dim:
            raise EmbedderMismatch(f"vectors have dimension {vectors.shape[1]}, the store {self.dim}")
        hashes: dict[str, str] = {}
        for a in articles:  # one id for two texts in one batch: their claims would share ids
            if hashes.setdefault(a.id, a.content_hash) != a.content_hash:
                raise InputError(f"article id {a.id!r} is given twice with different content; "
                                 "give each version its own id", code="article-id-conflict")
        with self._lock:
            added, skipped, new_rows, new_vecs = [], [], [], []
            vec_of = {c.id: v for c, v in zip(claims, vectors)}
            by_article: dict[str, dict[str, Claim]] = {}
            for c in claims:  # one text given twice yields its claims twice: store them once
                by_article.setdefault(c.article_id, {}).setdefault(c.id, c)
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for a in articles:
                    known = self._db.execute(
                        "SELECT id FROM articles WHERE content_hash = ?", (a.content_hash,)).fetchone()
                    if known:
                        skipped.append(known[0])
                        continue
                    if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                        raise InputError(f"article id {a.id!r} is already stored with different content; "
                                         "give the new version another id", code="article-id-conflict")
                    self._db.execute(
                        "INSERT INTO articles (id, content_hash, source, title, published, url, language, text,"
                        " ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
                        (a.id, a.content_hash, a.source, a.title, a.published, a.url, a.language, a.text, _now()),
                    )
                    added.append(a.id)
                    for c in by_article.get(a.id, {}).values():
                        vec = np.ascontiguousarray(vec_of[c.id], dtype=np.float32)
                        cur = self._db.execute(
                            "INSERT INTO claims (id, article_id, text, start, end_, section, language, quantities,"
                            " hedged, hedge_cue, negated, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            (c.id, c.article_id, c.text, c.start, c.end, c.section, c.language,
                             _quantities_to_json(c.quantities), int(c.hedged), c.hedge_cue, int(c.negated),
                             vec.tobytes()),
                        )
                        new_rows.append(cur.lastrowid)
                        if self._words:
                            self._db.execute("INSERT INTO claims_fts(rowid, text) VALUES (?, ?)", (cur.lastrowid, c.text))
                        new_vecs.append(vec)
                if names and added:
                    known = self.names()
                    if names.keys() - known.keys():
                        self._db.execute("INSERT OR REPLACE INTO analysis VALUES ('names', ?)",
                                         (json.dumps({**names, **known}, ensure_ascii=False, sort_keys=True),))
                if regions and added:
                    held = self.regions()
                    merged = {k: sorted(set(held.get(k, ())) | set(regions.get(k, ()))) for k in held.keys() | regions.keys()}
                    if merged != held:
                        self._db.execute("INSERT OR REPLACE INTO analysis VALUES ('regions', ?)",
                                         (json.dumps(merged, ensure_ascii=False, sort_keys=True),))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if new_rows:
                if choose_index_kind(self.count_claims()) != self._index.kind:
                    self._index = self._rebuild_index()  # grew past exact search: switch to IVF
                else:
                    self._index.add(np.array(new_rows, dtype=np.int64), np.vstack(new_vecs))
                    self._index.save(self.path / "vectors.faiss")
            self._touch()
            return IngestResult(tuple(added), tuple(skipped), len(new_rows))

    def save_analysis(self, clusters: list[Cluster], conflicts: list[Conflict],
                      syndication: list[SyndicationGroup]) -> None:
        """Replace the stored clusters, conflicts and syndication groups in one transaction."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("DELETE FROM clusters")
                self._db.execute("DELETE FROM claim_cluster")
                for k in clusters:
                    self._db.execute(
                        "INSERT INTO clusters VALUES (?,?,?,?,?)",
                        (k.id, k.status, k.independent_sources, json.dumps(k.sources, ensure_ascii=False),
                         json.dumps(k.claim_ids)),
                    )
                    self._db.executemany("INSERT OR REPLACE INTO claim_cluster VALUES (?,?)",
                                         [(cid, k.id) for cid in k.claim_ids])
                self._db.execute(
                    "INSERT OR REPLACE INTO analysis VALUES ('conflicts', ?)",
                    (json.dumps([asdict(c) for c in conflicts], ensure_ascii=False, allow_nan=True),),
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO analysis VALUES ('syndication', ?)",
                    (json.dumps([asdict(g) for g in syndication], ensure_ascii=False),),
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._origin_sources = None
            self._partners = None

    def _touch(self) -> None:
        self.config["updated"] = _now()
        self.config["claims"] = self.count_claims()
        _write_json_atomic(self.path / "config.json", self.config)

    # ------------------------------------------------------------------ reads
    def known_hashes(self, hashes: list[str]) -> dict[str, str]:
        """Map each already-stored content hash among ``hashes`` to its article id."""
        if not hashes:
            return {}
        with self._lock:
            marks = ",".join("?" * len(hashes))
            rows = self._db.execute(f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})",
                                    hashes).fetchall()
        return dict(rows)

    # Every use of the one SQLite connection holds the store's lock: a query run beside another
    # thread's word search could wait for the connection while holding the GIL that the search's
    # Python progress handler needs, and both threads would wait forever (seen once: a verify during
    # concurrent ingests hung past a 120 s client timeout).
    def count_claims(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    def count_articles(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def articles(self) -> list[Article]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, source, title, published, text, url, language FROM articles ORDER BY row").fetchall()
        return [Article(*r) for r in rows]

    def get_article(self, article_id: str) -> Article:
        with self._lock:
            hit = self._recent_articles.get(article_id)
            if hit is not None:
                return hit
            r = self._db.execute("SELECT id, source, title, published, text, url, language FROM articles "
                                 "WHERE id = ?", (article_id,)).fetchone()
            if r is None:
                raise NotFound(f"no article {article_id!r}", code="article-not-found")
            article = Article(*r)
            _remember(self._recent_articles, article_id, article, RECENT_ARTICLES)
        return article

    _CLAIM_COLS = "row, id, article_id, text, start, end_, section, language, quantities, hedged, hedge_cue, negated"

    @staticmethod
    def _claim(r: tuple) -> Claim:
        return Claim(id=r[1], article_id=r[2], text=r[3], start=r[4], end=r[5], section=r[6], language=r[7],
                     quantities=_quantities_from_json(r[8]), hedged=bool(r[9]), hedge_cue=r[10],
                     negated=bool(r[11]))

    def claims(self) -> list[Claim]:
        with self._lock:
            rows = self._db.execute(f"SELECT {self._CLAIM_COLS} FROM claims ORDER BY row").fetchall()
        return [self._claim(r) for r in rows]

    def snapshot(self) -> tuple[list[Article], list[Claim], np.ndarray]:
        """Articles, claims and their vectors read together, so a concurrent ingest cannot split them."""
        with self._lock:
            return self.articles(), self.claims(), self.vectors()

    def vectors(self) -> np.ndarray:
        """All claim vectors in claim row order (the order of ``claims()``)."""
        with self._lock:
            parts = [v for _, v in self._vector_batches()]
        return np.vstack(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)

    def vectors_of(self, claim_ids: list[str]) -> np.ndarray:
        """The stored vectors of ``claim_ids``, in that order."""
        if not claim_ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            marks = ",".join("?" * len(claim_ids))
            got = dict(self._db.execute(f"SELECT id, vector FROM claims WHERE id IN ({marks})", claim_ids).fetchall())
        return np.vstack([np.frombuffer(got[c], dtype=np.float32) for c in claim_ids])

    def get_claim(self, claim_id: str) -> Claim:
        with self._lock:
            r = self._db.execute(f"SELECT {self._CLAIM_COLS} FROM claims WHERE id = ?", (claim_id,)).fetchone()
        if r is None:
            raise NotFound(f"no claim {claim_id!r}", code="claim-not-found")
        return self._claim(r)

    def search(self, query: np.ndarray, k: int) -> list[tuple[Claim, float]]:
        """The ``k`` stored claims nearest to one query vector, best first."""
        with self._lock:
            scores, rows = self._index.search(query.reshape(1, -1), k)
            found = [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]
            return self._claims_at(found)

    def _claims_at(self, found: list[tuple[int, float]]) -> list[tuple[Claim, float]]:
        """The claims of ``(row, score)`` pairs, in their order (call under the lock)."""
        if not found:
            return []
        # a stored claim never changes: the ones read lately are kept, as verify meets them again
        got = {r: self._recent[r] for r, _ in found if r in self._recent}
        missing = [r for r, _ in found if r not in got]
        if missing:
            marks = ",".join("?" * len(missing))
            for r in self._db.execute(f"SELECT {self._CLAIM_COLS} FROM claims WHERE row IN ({marks})", missing):
                got[r[0]] = self._claim(r)
                _remember(self._recent, r[0], got[r[0]], RECENT_CLAIMS)
        return [(got[r], float(s)) for r, s in found if r in got]

    def search_words(self, terms: list[str], k: int) -> list[tuple[Claim, float]]:
        """Up to ``k`` stored claims that share the rarest of ``terms`` (three characters or more),
        best first by BM25 (higher is better). Best effort: the ``RARE_TERMS`` rarest terms the store
        holds are searched, within ``WORD_BUDGET_S`` seconds; empty when word search is off, no term
        is stored, the budget runs out, or the store holds more than ``WORD_SEARCH_MAX`` claims."""
        terms = [t for t in dict.fromkeys(t.lower() for t in terms) if len(t) >= 3]
        if not self._words or not terms or k <= 0 or len(self._index) > WORD_SEARCH_MAX:
            return []
        with self._lock:
            deadline = time.perf_counter() + WORD_BUDGET_S  # both look-ups below count against it
            self._db.set_progress_handler(lambda: int(time.perf_counter() > deadline), 1000)
            try:
                grams = {t: {t[n:n + 3] for n in range(len(t) - 2)} for t in terms}  # the index holds trigrams
                wanted = sorted(set().union(*grams.values()))
                marks = ",".join("?" * len(wanted))
                counts = dict(self._db.execute(
                    f"SELECT term, doc FROM claims_fts_vocab WHERE term IN ({marks})", wanted))
                rarity = {t: min(counts.get(g, 0) for g in gs) for t, gs in grams.items()}  # claims with all its trigrams, at most
                rare = sorted((t for t in terms if rarity[t]), key=lambda t: rarity[t])[:RARE_TERMS]
                if not rare:
                    return []
                query = " OR ".join('"' + t.replace('"', '""') + '"' for t in rare)
                found = self._db.execute(
                    "SELECT rowid, -bm25(claims_fts) FROM claims_fts WHERE claims_fts MATCH ? "
                    "ORDER BY bm25(claims_fts) LIMIT ?", (query, k)).fetchall()
            except sqlite3.OperationalError as exc:
                log.debug("word search gave up (%s): verify goes on with the vector candidates", exc)
                return []
            finally:
                self._db.set_progress_handler(None, 0)
            return self._claims_at(found)

    def names(self) -> dict[str, str]:
        """The names learned from this store's articles ("宁德时代" and "CATL" → org:catl)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM analysis WHERE key = 'names'").fetchone()
        return json.loads(row[0]) if row else {}

    def regions(self) -> dict[str, list[str]]:
        """Which places hold the localities this store's articles name (locality:wenchang → place:hainan)."""
        with self._lock:
            row = self._db.execute("SELECT value FROM analysis WHERE key = 'regions'").fetchone()
        return json.loads(row[0]) if row else {}

    def clusters(self, status: str | None = None, offset: int = 0, limit: int = 50) -> tuple[list[Cluster], int]:
        where, args = ("WHERE status = ?", [status]) if status else ("", [])
        with self._lock:
            total = self._db.execute(f"SELECT COUNT(*) FROM clusters {where}", args).fetchone()[0]
            rows = self._db.execute(
                f"SELECT id, claim_ids, status, independent_sources, sources FROM clusters {where} "
                "ORDER BY CAST(SUBSTR(id, 2) AS INTEGER) LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return [self._cluster(r) for r in rows], int(total)

    @staticmethod
    def _cluster(r: tuple) -> Cluster:
        return Cluster(r[0], tuple(json.loads(r[1])), r[2], r[3], tuple(json.loads(r[4])))

    def get_cluster(self, cluster_id: str) -> Cluster:
        with self._lock:
            r = self._db.execute("SELECT id, claim_ids, status, independent_sources, sources FROM clusters "
                                 "WHERE id = ?", (cluster_id,)).fetchone()
        if r is None:
            raise NotFound(f"no cluster {cluster_id!r}", code="cluster-not-found")
        return self._cluster(r)

    def cluster_of(self, claim_id: str) -> str | None:
        with self._lock:
            r = self._db.execute("SELECT cluster_id FROM claim_cluster WHERE claim_id = ?", (claim_id,)).fetchone()
        return r[0] if r else None

    def conflicts(self) -> list[dict]:
        with self._lock:
            r = self._db.execute("SELECT value FROM analysis WHERE key = 'conflicts'").fetchone()
        return json.loads(r[0]) if r else []

    def conflict_partners(self) -> dict[str, list[str]]:
        """Claim id → ids of the claims the last analysis found in conflict with it (explained
        differences excluded); cached until the next save_analysis."""
        return {claim: [p.partner for p in found] for claim, found in self.conflicts_by_claim().items()}

    def conflicts_by_claim(self) -> dict[str, list[Disagreement]]:
        """Claim id → the conflicts the last analysis found it in (explained differences excluded),
        each as the partner's id and the two values as written; cached until the next save_analysis."""
        with self._lock:
            if self._partners is None:
                partners: dict[str, list[Disagreement]] = {}
                for c in self.conflicts():
                    if c["severity"] == "conflict":
                        (a, b), (va, vb) = c["claim_ids"], c.get("values") or ("", "")
                        partners.setdefault(a, []).append(Disagreement(b, va, vb))
                        partners.setdefault(b, []).append(Disagreement(a, vb, va))
                self._partners = partners
            return self._partners

    def origins(self) -> dict[str, str]:
        """Article id → id of the article it was syndicated from (only copied articles appear)."""
        with self._lock:
            r = self._db.execute("SELECT value FROM analysis WHERE key = 'syndication'").fetchone()
        return {aid: g["origin"] for g in (json.loads(r[0]) if r else []) for aid in g["article_ids"]}

    def origin_sources(self) -> dict[str, str]:
        """Article id → outlet of the article it copies (syndicated copies only); cached per analysis."""
        with self._lock:
            if self._origin_sources is None:
                self._origin_sources = {aid: self.get_article(origin).source
                                        for aid, origin in self.origins().items()}
            return self._origin_sources

    def check(self) -> dict:
        """Consistency report: SQLite integrity, and every claim's vector in the index and back."""
        with self._lock:
            integrity = self._db.execute("PRAGMA integrity_check").fetchone()[0]
            rows = {r for (r,) in self._db.execute("SELECT row FROM claims")}
            index_ids = set()
            if self._index.kind == "flat" or hasattr(self._index._index, "id_map"):
                import faiss

                index_ids = set(faiss.vector_to_array(self._index._index.id_map).tolist())
            missing = len(rows - index_ids) if index_ids else max(0, len(rows) - len(self._index))
            extra = len(index_ids - rows) if index_ids else max(0, len(self._index) - len(rows))
        ok = integrity == "ok" and missing == 0 and extra == 0
        return {"ok": ok, "sqlite": integrity, "claims": len(rows), "vectors": len(self._index),
                "missing_vectors": missing, "orphan_vectors": extra, "index": self._index.kind}

    def close(self) -> None:
        with self._lock:
            self._db.close()


def open_store(path: str | os.PathLike, embedder: str | None = None, dim: int | None = None,
               *, create: bool = True, rebuild: bool = False) -> Store:
    """Open (or create) the store in ``path``; refuse to open it with a different embedder."""
    path = Path(path)
    config_path = path / "config.json"
    if config_path.exists():
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise IndexCorrupt(f"cannot read {config_path}: {exc}", code="store-config-corrupt") from exc
        if embedder is not None and config.get("embedder") != embedder:
            raise EmbedderMismatch(
                f"store {path} was built with embedder {config.get('embedder')!r}, not {embedder!r}; "
                "open it with that embedder or use another data directory")
        if dim is not None and int(config.get("dimension", -1)) != dim:
            raise EmbedderMismatch(f"store {path} has dimension {config.get('dimension')}, not {dim}",
                                   code="index-dimension-mismatch")
        return Store(path, config, rebuild=rebuild)
    if not create:
        raise NotFound(f"no claimwatch store in {path} (missing config.json)", code="store-not-found")
    if embedder is None or dim is None:
        raise StoreError("a new store needs an embedder name and dimension")
    path.mkdir(parents=True, exist_ok=True)
    import faiss

    from claimwatch import __version__
    config = {
        "format": SCHEMA_VERSION, "embedder": embedder, "dimension": dim, "metric": "inner_product",
        "index": "flat", "claimwatch": __version__, "faiss": faiss.__version__,
        "created": _now(), "updated": _now(), "claims": 0,
    }
    _write_json_atomic(config_path, config)
    return Store(path, config)


__all__ = ["Store", "open_store", "IngestResult", "SCHEMA_VERSION"]
