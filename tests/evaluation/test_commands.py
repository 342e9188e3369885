"""`claimwatch eval` and `claimwatch bench` run at a small size and print their tables (no timing asserts)."""

import json

import pytest
from typer.testing import CliRunner

from claimwatch.service.cli import app
from tests.conftest import EXAMPLES, SHARED

runner = CliRunner()


@pytest.mark.slow
def test_eval_small_prints_gold_and_benchmark_tables(tmp_path):
    out = tmp_path / "eval.json"
    result = runner.invoke(app, ["eval", "--size", "small", "--set", "example_zh", "--limit", "30", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "| example_zh | hybrid |" in result.stdout and "| example_zh | lexical |" in result.stdout
    figures = json.loads(out.read_text())
    hybrid = next(r for r in figures["gold"] if r["mode"] == "hybrid")
    assert 0 <= hybrid["clustering"]["f1"] <= 1 and hybrid["verify"]["n"] == 30
    if (SHARED / "benchmarks").exists():
        assert "PAWS-X zh" in result.stdout and "SOHU 2021 dd" in result.stdout


@pytest.mark.slow
def test_bench_small_prints_throughput_and_ratio():
    result = runner.invoke(app, ["bench", "--size", "small", "--feed", str(EXAMPLES / "h200_digest_zh.txt")])
    assert result.exit_code == 0, result.output
    assert "audit / embedder" in result.stdout and "cores" in result.stdout
    assert "clustering growth exponent" in result.stdout and "recall@10 vs exact" in result.stdout
    assert "| 2000 | 100 | 4 |" in result.stdout  # the load part: claims, requests, concurrency
    assert "per-MB cost / smallest" in result.stdout  # the understanding part
    assert "word search p50 ms" in result.stdout  # the word half of hybrid verify


def test_word_search_bench_finds_each_querys_own_claim_in_a_small_store():
    from claimwatch.evaluation.scale import bench_words

    (row,) = bench_words((800,), queries=50)
    assert row.size == 800 and row.found_own >= 0.9 and row.p50_ms <= row.p99_ms


def test_grown_articles_reach_their_size_and_carry_hostile_fragments():
    from claimwatch.evaluation.linearity import grow_article, understand

    seed = (EXAMPLES / "h200_digest_zh.txt").read_text(encoding="utf-8")
    article = grow_article(seed, 0.05)
    assert 50_000 <= len(article.text.encode("utf-8")) < 50_000 + len(seed.encode("utf-8")) * 2
    assert "\u200b" in article.text and "<p>" in article.text
    assert understand(article) > 0
