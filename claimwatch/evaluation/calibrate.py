"""Calibrate the decision thresholds of one embedder on the development gold sets (our own feeds).

    python -m claimwatch.evaluation.calibrate --embedder use-m3 [--write]

The link threshold maximises the mean clustering B-cubed F1, the clash threshold the mean
conflict F1 (at that link threshold); the verify thresholds maximise
the mean verify macro-F1. Only the development sets are used (``example_zh``, ``example_en``);
the sample feed stays a test set.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from importlib import resources
from pathlib import Path

import numpy as np

from claimwatch.claims.feeds import parse_feed
from claimwatch.claims.verdicts import judge
from claimwatch.evaluation.gold import SpanLocator, load_gold
from claimwatch.evaluation.metrics import bcubed, macro_f1, pair_prf
from claimwatch.evaluation.quality import MODES, VERDICTS
from claimwatch.index.embedders import Embedder, create_embedder
from claimwatch.index.store import open_store
from claimwatch.pipeline import analyse, build_corpus, build_report, ingest_articles, retrieve_evidence

DEV_SETS = ("example_zh", "example_en")
LINK_GRID = np.round(np.arange(0.30, 0.99, 0.025), 3)
# Evidence must at least share the topic: the related threshold never goes below 0.3.
RELATED_GRID = np.round(np.arange(0.30, 0.91, 0.05), 3)
SUPPORT_GRID = np.round(np.arange(0.30, 0.96, 0.05), 3)


def calibrate(embedder: Embedder, repo: Path, shared: Path) -> dict[str, dict[str, float]]:
    golds = [load_gold(name, repo, shared) for name in DEV_SETS]
    feeds = [parse_feed(g.feed_path.read_bytes()) for g in golds]
    corpora = [build_corpus(articles, embedder) for articles in feeds]
    out: dict[str, dict[str, float]] = {}
    for mode in MODES:
        best_link, best_f1 = float(LINK_GRID[0]), -1.0
        for t in LINK_GRID:
            scores = []
            for gold, articles, corpus in zip(golds, feeds, corpora):
                report = build_report(articles, corpus.claims, analyse(corpus, float(t), mode))
                locate = SpanLocator(report, [a.text for a in articles])
                labels: dict[str, set[str]] = {}
                for cluster in gold.data["clusters"]:
                    for member in cluster["members"]:
                        cid = locate.claim_of(member)
                        if cid:
                            labels.setdefault(cid, set()).add(cluster["id"])
                predicted = {c["id"]: c["cluster_id"] for c in report["claims"] if c["cluster_id"]}
                scores.append(bcubed(predicted, labels)["f1"])
            if np.mean(scores) > best_f1:
                best_link, best_f1 = float(t), float(np.mean(scores))
        best_clash, best_cf1 = best_link, -1.0
        for t in LINK_GRID:
            f1s = []
            for gold, articles, corpus in zip(golds, feeds, corpora):
                report = build_report(articles, corpus.claims, analyse(corpus, best_link, mode, float(t)))
                locate = SpanLocator(report, [a.text for a in articles])
                wanted = {frozenset((locate.claim_of(x["a"]), locate.claim_of(x["b"]))) for x in gold.data["conflicts"]}
                got = {frozenset(x["claim_ids"]) for x in report["conflicts"] if x["severity"] == "conflict"}
                f1s.append(pair_prf(got, wanted)["f1"])
            if np.mean(f1s) > best_cf1:
                best_clash, best_cf1 = float(t), float(np.mean(f1s))
        retrieved = []
        for gold, articles in zip(golds, feeds):
            with tempfile.TemporaryDirectory() as tmp:
                store = open_store(Path(tmp), embedder.name, embedder.dim)
                ingest_articles(store, articles, embedder)
                retrieved.append([(item["expected"], retrieve_evidence(store, embedder, item["claim"], 10, mode))
                                  for item in gold.data["verify"]])
                store.close()
        best = (float(RELATED_GRID[0]), float(SUPPORT_GRID[0]), -1.0)
        for related in RELATED_GRID:
            for support in SUPPORT_GRID:
                if support < related:
                    continue
                f1s = []
                for items in retrieved:
                    expected = [e for e, _ in items]
                    got = [judge(q, c, float(related), float(support)).verdict for _, (q, c) in items]
                    f1s.append(macro_f1(expected, got, VERDICTS))
                if np.mean(f1s) > best[2]:
                    best = (float(related), float(support), float(np.mean(f1s)))
        out[mode] = {"link": best_link, "clash": best_clash, "related": best[0], "support": best[1],
                     "dev_bcubed_f1": round(best_f1, 4), "dev_conflict_f1": round(best_cf1, 4),
                     "dev_verify_macro_f1": round(best[2], 4)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="use-m3")
    parser.add_argument("--write", action="store_true", help="store the result in claimwatch/thresholds.json")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parents[2]
    result = calibrate(create_embedder(args.embedder), repo, repo.parent / "shared")
    print(json.dumps({args.embedder: result}, indent=2))
    if args.write:
        path = Path(str(resources.files("claimwatch").joinpath("thresholds.json")))
        table = json.loads(path.read_text("utf-8"))
        table[args.embedder] = {m: {k: result[m][k] for k in ("link", "clash", "related", "support")}
                                for m in ("dense", "hybrid")}
        table["lexical"] = {"lexical": {k: result["lexical"][k] for k in ("link", "clash", "related", "support")}}
        path.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
