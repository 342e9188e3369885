"""`claimwatch eval`: quality on the gold sets and public paraphrase benchmarks, against baselines.

Every metric is computed in one run for three similarities: lexical only (character n-grams),
dense only (the embedder), and the hybrid claimwatch uses, so the table shows what each part buys.
"""

from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path

import numpy as np

from claimwatch.claims.consistency import disjoint_slots
from claimwatch.claims.feeds import parse_feed
from claimwatch.claims.masking import mask_quantities
from claimwatch.claims.subjects import forget_learned
from claimwatch.evaluation.gold import GoldSet, SpanLocator
from claimwatch.evaluation.metrics import (
    accuracy, bcubed, best_threshold, expected_calibration_error, macro_f1, pair_prf, roc_auc, spearman,
)
from claimwatch.index.embedders import Embedder
from claimwatch.index.lexical import lexical_vectors
from claimwatch.index.store import open_store
from claimwatch.pipeline import (
    Similarity, audit_articles, build_corpus, candidate_pairs, ingest_articles, pair_scores, query_claim,
    verify_claim,
)

MODES: tuple[Similarity, ...] = ("lexical", "dense", "hybrid")
VERDICTS = ("supported", "refuted", "conflicting", "not_enough_evidence")


def evaluate_gold(gold: GoldSet, embedder: Embedder, mode: Similarity, verify_limit: int | None = None) -> dict:
    """Clustering, conflicts, syndication and verify metrics of one gold set under one similarity,
    read with no names or places learned from another set (as a fresh process would read it)."""
    forget_learned()
    articles = parse_feed(gold.feed_path.read_bytes())
    report = audit_articles(articles, embedder, mode=mode)
    locate = SpanLocator(report, [a.text for a in articles])
    g = gold.data
    out: dict = {"set": gold.name, "mode": mode, "claims": len(report["claims"])}

    gold_labels: dict[str, set[str]] = {}
    for cluster in g.get("clusters", []):
        for member in cluster["members"]:
            cid = locate.claim_of(member)
            if cid:
                gold_labels.setdefault(cid, set()).add(cluster["id"])
    predicted = {c["id"]: c["cluster_id"] for c in report["claims"] if c.get("cluster_id")}
    out["clustering"] = bcubed(predicted, gold_labels)

    def pairs_of(items, a="a", b="b"):
        found = set()
        for item in items:
            x, y = locate.claim_of(item[a]), locate.claim_of(item[b])
            if x and y and x != y:
                found.add(frozenset((x, y)))
        return found

    gold_conflicts = pairs_of(g.get("conflicts", []))
    reported = {frozenset(x["claim_ids"]) for x in report["conflicts"] if x["severity"] == "conflict"}
    out["conflicts"] = pair_prf(reported, gold_conflicts)
    out["explained_as_conflict"] = len(pairs_of(g.get("explained_differences", [])) & reported)
    out["naive_conflicts"] = pair_prf(naive_conflicts(articles, embedder), gold_conflicts)

    gold_failed = {locate.claim_of(x["member"]) for x in g.get("internal_checks", []) if x["status"] == "failed"}
    got_failed = {cid for x in report["internal_checks"] if x["status"] == "failed" for cid in x["claim_ids"]}
    out["arithmetic"] = pair_prf({frozenset([c]) for c in got_failed}, {frozenset([c]) for c in gold_failed - {None}})
    ids = [locate.article_id(i) for i in range(len(articles))]
    gold_synd = {frozenset((ids[x], ids[y])) for s in g.get("syndication", []) for x, y in combinations(s["articles"], 2)}
    pred_synd = {frozenset(p) for s in report["syndication"] for p in combinations(s["article_ids"], 2)}
    out["syndication"] = pair_prf(pred_synd, gold_synd)
    out["verify"] = evaluate_verify(gold, articles, embedder, mode, locate, verify_limit)
    return out


def naive_conflicts(articles, embedder: Embedder) -> set[frozenset]:
    """Baseline: each claim's most similar cross-outlet claim, flagged when any shared-unit value differs."""
    corpus = build_corpus(articles, embedder)
    source = {a.id: a.source for a in articles}
    best: dict[int, tuple[float, int]] = {}
    for p in candidate_pairs(corpus, mode="dense"):
        a, b = corpus.claims[p.i], corpus.claims[p.j]
        if source[a.article_id] == source[b.article_id]:
            continue
        for x, y in ((p.i, p.j), (p.j, p.i)):
            if p.dense > best.get(x, (-2.0, -1))[0]:
                best[x] = (p.dense, y)
    flagged = set()
    for x, (_, y) in best.items():
        if any(True for _ in disjoint_slots(corpus.claims[x], corpus.claims[y])):
            flagged.add(frozenset((corpus.claims[x].id, corpus.claims[y].id)))
    return flagged


def evaluate_verify(gold: GoldSet, articles, embedder: Embedder, mode: Similarity, locate: SpanLocator,
                    limit: int | None) -> dict:
    items = gold.data.get("verify", [])[:limit]
    if not items:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp), embedder.name, embedder.dim)
        try:
            ingest_articles(store, articles, embedder)
            # the store's claim ids equal the report's: both come from the same segmentation
            answers = [verify_claim(store, embedder, item["claim"], 10, mode=mode) for item in items]
        finally:
            store.close()
    expected = [i["expected"] for i in items]
    got = [a["verdict"] for a in answers]
    recalls = []
    for item, answer in zip(items, answers):
        wanted = {locate.claim_of(m) for m in item.get("evidence", [])} - {None}
        if wanted:
            top = {e["claim_id"] for e in answer["evidence"][:5]}
            recalls.append(len(wanted & top) / min(5, len(wanted)))
    correct = [e == p for e, p in zip(expected, got)]
    return {
        "n": len(items), "accuracy": accuracy(expected, got), "macro_f1": macro_f1(expected, got, VERDICTS),
        "ece": expected_calibration_error([a["confidence"] for a in answers], correct),
        "recall_at_5": float(np.mean(recalls)) if recalls else float("nan"),
        "errors": [{"claim": i["claim"], "expected": e, "got": p}
                   for i, e, p in zip(items, expected, got) if e != p],
    }


# ---------------------------------------------------------------- public paraphrase benchmarks

def read_pairs(path: Path, limit: int | None = None) -> tuple[list[str], list[str], list[int]]:
    """PAWS-X TSV (dropping untranslated ``NS`` rows) or SOHU JSON Lines → (left, right, label)."""
    left, right, labels = [], [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if path.suffix == ".tsv":
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3 or "NS" in (parts[0].strip(), parts[1].strip()):
                    continue
                a, b, y = parts
            else:
                row = json.loads(line)
                a, b, y = row["sentence1"], row["sentence2"], row["label"]
            left.append(a)
            right.append(b)
            labels.append(int(y))
            if limit and len(labels) >= limit:
                break
    return left, right, labels


def score_pairs(left: list[str], right: list[str], embedder: Embedder, mode: Similarity) -> np.ndarray:
    """The same-fact score of each (left, right) pair, computed as claimwatch computes it for claims."""
    qa, qb = [query_claim(t) for t in left], [query_claim(t) for t in right]
    ma, mb = [mask_quantities(q) for q in qa], [mask_quantities(q) for q in qb]
    lex_a, lex_b = lexical_vectors(ma), lexical_vectors(mb)
    lexical = np.asarray(lex_a.multiply(lex_b).sum(axis=1)).ravel()
    if mode == "lexical":
        dense = np.zeros(len(left), dtype=np.float32)
    else:
        va, vb = embedder.embed(ma), embedder.embed(mb)
        dense = np.einsum("ij,ij->i", va, vb)
    return pair_scores(mode, qa, qb, dense, lexical)


def evaluate_benchmarks(bench_root: Path, embedder: Embedder, limit: int | None = None) -> list[dict]:
    """PAWS-X zh/en (accuracy at a dev-calibrated threshold, ROC AUC) and SOHU 2021 (Spearman)."""
    rows = []
    zh_dev = read_pairs(bench_root / "pawsx_zh" / "dev.tsv", limit)
    zh_test = read_pairs(bench_root / "pawsx_zh" / "test.tsv", limit)
    en_all = read_pairs(bench_root / "pawsx_en" / "dev.tsv", limit)
    # English has only a dev split: calibrate on its even rows, test on its odd rows.
    en_dev = tuple(x[0::2] for x in en_all)
    en_test = tuple(x[1::2] for x in en_all)
    for mode in MODES:
        for name, dev, test in (("PAWS-X zh", zh_dev, zh_test), ("PAWS-X en", en_dev, en_test)):
            t, _ = best_threshold(dev[2], score_pairs(dev[0], dev[1], embedder, mode))
            s = score_pairs(test[0], test[1], embedder, mode)
            rows.append({"benchmark": name, "mode": mode, "n": len(test[2]), "threshold": t,
                         "accuracy": accuracy([y == 1 for y in test[2]], list(s >= t)), "auc": roc_auc(test[2], s)})
        for part in ("dd", "dc"):
            a, b, y = read_pairs(bench_root / "sohu2021" / f"{part}-test.jsonl", limit)
            rows.append({"benchmark": f"SOHU 2021 {part}", "mode": mode, "n": len(y),
                         "spearman": spearman(score_pairs(a, b, embedder, mode), y)})
    return rows


# ---------------------------------------------------------------- printing

def _f(x) -> str:
    return "–" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.3f}" if isinstance(x, float) else str(x)


def format_gold_table(results: list[dict]) -> str:
    head = ("| set | similarity | cluster B³ P / R / F1 | conflict P / R / F1 (n gold) | naive conflict P / R | "
            "explained→conflict | syndication P / R | failed arithmetic P / R (n gold) | "
            "verify acc / macro-F1 / ECE (n) | evidence R@5 |")
    lines = [head, "|" + "---|" * 10]
    for r in results:
        c, x, nv, s, v = r["clustering"], r["conflicts"], r["naive_conflicts"], r["syndication"], r["verify"]
        lines.append(
            f"| {r['set']} | {r['mode']} | {_f(c['precision'])} / {_f(c['recall'])} / {_f(c['f1'])} | "
            f"{_f(x['precision'])} / {_f(x['recall'])} / {_f(x['f1'])} ({x['gold']}) | "
            f"{_f(nv['precision'])} / {_f(nv['recall'])} | {r['explained_as_conflict']} | "
            f"{_f(s['precision'])} / {_f(s['recall'])} | "
            f"{_f(r['arithmetic']['precision'])} / {_f(r['arithmetic']['recall'])} ({r['arithmetic']['gold']}) | "
            + (f"{_f(v['accuracy'])} / {_f(v['macro_f1'])} / {_f(v['ece'])} ({v['n']}) | {_f(v['recall_at_5'])} |"
               if v else "– | – |")
        )
    return "\n".join(lines)


def format_benchmark_table(rows: list[dict]) -> str:
    lines = ["| benchmark | similarity | n | accuracy (dev-calibrated) | ROC AUC | Spearman |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['benchmark']} | {r['mode']} | {r['n']} | {_f(r.get('accuracy'))} | {_f(r.get('auc'))} | "
                     f"{_f(r.get('spearman'))} |")
    return "\n".join(lines)


__all__ = ["evaluate_gold", "evaluate_verify", "evaluate_benchmarks", "naive_conflicts", "read_pairs",
           "score_pairs", "format_gold_table", "format_benchmark_table", "MODES"]
