import json

import numpy as np
import pytest

from claimwatch.claims.feeds import parse_feed
from claimwatch.errors import EmbedderMismatch, InputError
from claimwatch.index.store import open_store
from claimwatch.pipeline import build_corpus, ingest_articles
from tests.conftest import EXAMPLES


@pytest.fixture
def articles():
    return parse_feed((EXAMPLES / "h200_digest_zh.txt").read_bytes())


def test_new_store_describes_itself(tmp_path, fake_embedder):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    store.close()
    config = json.loads((tmp_path / "s" / "config.json").read_text())
    assert config["embedder"] == "fake" and config["dimension"] == fake_embedder.dim
    assert {"metric", "faiss", "claimwatch", "created", "updated"} <= config.keys()


def test_reopen_keeps_claims_and_vectors(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    before = [c.id for c in store.claims()]
    vectors = store.vectors()
    store.close()
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert [c.id for c in again.claims()] == before
    assert np.array_equal(again.vectors(), vectors)
    hits = again.search(vectors[3], 1)
    assert hits[0][0].id == before[3]


def test_same_article_twice_is_stored_once(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    first = ingest_articles(store, articles, fake_embedder)
    second = ingest_articles(store, articles, fake_embedder)
    assert second["articles_added"] == [] and second["claims_added"] == 0
    assert len(second["articles_skipped"]) == len(articles)
    assert store.count_claims() == first["claims_total"]


def test_open_with_another_embedder_is_refused(tmp_path, fake_embedder):
    open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim).close()
    with pytest.raises(EmbedderMismatch) as err:
        open_store(tmp_path / "s", "use-m3", 512)
    assert err.value.code == "index-embedder-mismatch"


def test_missing_index_file_is_rebuilt_from_sqlite(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    n = store.count_claims()
    store.close()
    (tmp_path / "s" / "vectors.faiss").unlink()
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert len(again._index) == n
    assert (tmp_path / "s" / "vectors.faiss").exists()


def test_conflicting_article_id_is_refused_and_store_unchanged(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles[:2], fake_embedder)
    before = store.count_claims()
    clash = parse_feed('{"id": "%s", "source": "X", "title": "t", "text": "全新的内容，完全不同。"}' % articles[0].id)
    with pytest.raises(InputError) as err:
        ingest_articles(store, clash + articles[2:], fake_embedder)
    assert err.value.code == "article-id-conflict"
    assert store.count_claims() == before
    assert len(store._index) == before


def test_store_add_checks_vector_dimension(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    corpus = build_corpus(articles[:1], fake_embedder)
    with pytest.raises(EmbedderMismatch):
        store.add(articles[:1], corpus.claims, np.zeros((len(corpus.claims), 3), dtype=np.float32))
    assert store.count_claims() == 0


def test_store_switches_to_ivf_when_it_outgrows_exact_search(tmp_path, fake_embedder, articles, monkeypatch):
    import claimwatch.index.vectors as vectors

    monkeypatch.setattr(vectors, "EXACT_UP_TO", 20)
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    assert store.count_claims() > 20 and store._index.kind == "ivf"
    first = store.claims()[0]
    store.close()
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert json.loads((tmp_path / "s" / "config.json").read_text())["index"] == "ivf"
    assert again._index.kind == "ivf" and len(again._index) == again.count_claims()
    hits = again.search(again.vectors_of([first.id])[0], 3)
    assert first.id in [c.id for c, _ in hits]


def test_ingesting_more_news_keeps_existing_cluster_ids(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles[:5], fake_embedder)
    before = {k.id: set(k.claim_ids) for k in store.clusters(limit=1000)[0]}
    assert before
    ingest_articles(store, articles[5:], fake_embedder)
    after = {k.id: set(k.claim_ids) for k in store.clusters(limit=1000)[0]}
    for cid, members in before.items():
        # an old fact keeps its id as long as a cluster still holds its claims
        holders = [k for k, m in after.items() if m & members]
        if holders:
            assert cid in after and after[cid] & members
    assert len(set(after)) == len(after)


def test_keep_cluster_ids_reuses_ids_by_overlap():
    from claimwatch.claims.consistency import Cluster
    from claimwatch.pipeline import keep_cluster_ids

    old = [Cluster("k1", ("a", "b"), "corroborated", 2, ()), Cluster("k7", ("c", "d"), "corroborated", 2, ())]
    new = [Cluster("k1", ("c", "d", "e"), "corroborated", 3, ()), Cluster("k2", ("x", "y"), "corroborated", 2, ()),
           Cluster("k3", ("a", "b", "z"), "corroborated", 3, ())]
    assert [k.id for k in keep_cluster_ids(old, new)] == ["k7", "k8", "k1"]


def test_concurrent_ingests_of_one_feed_store_it_once_and_never_fail(tmp_path, fake_embedder):
    import threading

    from claimwatch.evaluation.synth import generate_feed

    feed = generate_feed(1500, seed=11).articles
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    errors = []

    def run(batch):
        try:
            ingest_articles(store, batch, fake_embedder)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    half = len(feed) // 2
    threads = [threading.Thread(target=run, args=(b,)) for b in (feed[:half], feed[:half], feed[half:], feed)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_articles() == len(feed)
    assert store.check()["ok"]


def test_word_search_finds_claims_by_shared_wording_in_both_scripts(tmp_path, fake_embedder, articles):
    from claimwatch.index.lexical import search_terms

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    for claim in store.claims()[::7]:
        hits = store.search_words(search_terms(claim.text), 5)
        assert claim.id in [c.id for c, _ in hits], claim.text
        assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert store.search_words(search_terms("zebra quokka marmalade"), 5) == []
    assert store.search_words(["ab", "x"], 5) == []  # terms under three characters are not searched


def test_word_index_persists_and_is_rebuilt_for_a_store_written_without_it(tmp_path, fake_embedder, articles):
    import sqlite3

    from claimwatch.index.lexical import search_terms

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    target = store.claims()[5]
    store.close()
    reopened = open_store(tmp_path / "s", fake_embedder.name)
    assert reopened.search_words(search_terms(target.text), 3)[0][0].id == target.id
    reopened.close()
    db = sqlite3.connect(tmp_path / "s" / "claimwatch.db")  # as a store of an earlier version left it
    db.execute("DROP TABLE claims_fts")
    db.commit()
    db.close()
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert again.search_words(search_terms(target.text), 3)[0][0].id == target.id
    assert again.count_claims() == len(again.claims())


def test_word_search_is_off_beyond_its_size_limit(tmp_path, fake_embedder, articles, monkeypatch):
    from claimwatch.index import store as store_module
    from claimwatch.index.lexical import search_terms

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    claim = store.claims()[3]
    assert store.search_words(search_terms(claim.text), 3)
    monkeypatch.setattr(store_module, "WORD_SEARCH_MAX", store.count_claims() - 1)
    assert store.search_words(search_terms(claim.text), 3) == []


def test_one_id_for_two_texts_in_one_batch_is_refused_and_nothing_is_stored(tmp_path, fake_embedder):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    twice = parse_feed('{"id": "a", "source": "X", "title": "t", "text": "英伟达H200的显存带宽为4.8TB/s。"}\n'
                       '{"id": "a", "source": "Y", "title": "t", "text": "英伟达H200的显存带宽为4.5TB/s。"}')
    with pytest.raises(InputError) as err:
        ingest_articles(store, twice, fake_embedder)
    assert err.value.code == "article-id-conflict"
    assert store.count_claims() == 0 and len(store._index) == 0
    # the same text twice is one article
    same = parse_feed('{"id": "a", "source": "X", "title": "t", "text": "英伟达H200的显存带宽为4.8TB/s。"}\n' * 2)
    assert ingest_articles(store, same, fake_embedder)["articles_added"] == ["a"]


def test_claims_read_again_come_from_memory_and_equal_the_stored_ones(tmp_path, fake_embedder, articles):
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles, fake_embedder)
    query = fake_embedder.embed([articles[0].text])[0]
    first = store.search(query, 5)
    assert store._recent and all(c.id in {x.id for x in store.claims()} for c, _ in first)
    assert store.search(query, 5) == first  # the same claims, in the same order, with the same scores
    store.close()
    reopened = open_store(tmp_path / "s", fake_embedder.name)
    assert reopened.search(query, 5) == first


def test_articles_read_again_come_from_memory_a_bounded_number_of_them(tmp_path, fake_embedder, articles, monkeypatch):
    from claimwatch.errors import NotFound
    from claimwatch.index import store as store_module

    monkeypatch.setattr(store_module, "RECENT_ARTICLES", 2)
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles[:3], fake_embedder)
    ids = [a.id for a in store.articles()]
    first = store.get_article(ids[0])
    assert store.get_article(ids[0]) is first  # the second read is the remembered article
    for article_id in ids[1:]:
        store.get_article(article_id)
    assert list(store._recent_articles) == ids[1:]  # the oldest read is let go
    assert store.get_article(ids[0]) == first  # and read again from SQLite, equal
    with pytest.raises(NotFound):
        store.get_article("no-such-article")
    store.close()


def test_counting_waits_for_the_store_lock_like_every_use_of_the_connection(tmp_path, fake_embedder, articles):
    import threading

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    ingest_articles(store, articles[:2], fake_embedder)
    held, counted = threading.Event(), []
    release = threading.Event()

    def hold():
        with store._lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    counter = threading.Thread(target=lambda: counted.append((store.count_claims(), store.count_articles())))
    counter.start()
    counter.join(0.3)
    assert counter.is_alive() and not counted  # it waits while another thread holds the connection
    release.set()
    counter.join(10)
    holder.join(10)
    assert counted == [(store.count_claims(), 2)]
    store.close()


def test_conflict_partners_name_both_sides_of_each_conflict_and_follow_the_latest_analysis(tmp_path, fake_embedder):
    from claimwatch.claims.consistency import Conflict, Disagreement

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)

    def conflict(n: str, a: str, b: str, severity: str) -> Conflict:
        return Conflict(n, (a, b), "revenue", ("1", "2"), ((1, 1), (2, 2)), severity, "value_mismatch", "why")

    store.save_analysis([], [conflict("k1", "a", "b", "conflict"), conflict("k2", "a", "c", "conflict"),
                             conflict("k3", "b", "d", "explained_difference")], [])
    assert store.conflict_partners() == {"a": ["b", "c"], "b": ["a"], "c": ["a"]}
    # each side sees its own value first: verify turns a partner's value against the claim's (verdicts.py)
    assert store.conflicts_by_claim()["a"][0] == Disagreement("b", "1", "2")
    assert store.conflicts_by_claim()["b"] == [Disagreement("a", "2", "1")]
    store.save_analysis([], [conflict("k4", "c", "d", "conflict")], [])
    assert store.conflict_partners() == {"c": ["d"], "d": ["c"]}  # the cache follows the new analysis
    store.close()
    store = open_store(tmp_path / "s")
    assert store.conflict_partners() == {"c": ["d"], "d": ["c"]}
    store.close()
