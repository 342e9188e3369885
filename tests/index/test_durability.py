"""A store survives kill -9 at any moment of an ingest: it reopens consistent, or repairs itself."""

import os
import signal
import subprocess
import sys
import time

import pytest

from claimwatch.index.store import open_store

INGEST_FOREVER = r"""
import sys
from claimwatch.evaluation.synth import generate_feed
from claimwatch.index.embedders import create_embedder
from claimwatch.index.store import open_store
from claimwatch.pipeline import ingest_articles

embedder = create_embedder("fake")
store = open_store(sys.argv[1], embedder.name, embedder.dim)
articles = generate_feed(4000, seed=7).articles
print("ready", flush=True)
for start in range(0, len(articles), 5):
    ingest_articles(store, articles[start:start + 5], embedder)
"""


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.9, 1.7, 2.6])
def test_kill_minus_nine_during_ingest_leaves_a_consistent_store(tmp_path, delay):
    data = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", INGEST_FOREVER, str(data)], stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=10) == -signal.SIGKILL  # it was still ingesting when killed
    store = open_store(data, "fake")  # repairs an index that is out of step with SQLite
    try:
        report = store.check()
        assert report["ok"], report
        assert report["claims"] == report["vectors"]
        claims = store.claims()
        if claims:
            hits = store.search(store.vectors_of([claims[-1].id])[0], 20)
            assert claims[-1].id in [c.id for c, score in hits if score > 0.999]  # copies tie at 1.0
    finally:
        store.close()


def test_store_check_and_rebuild_commands(tmp_path):
    from typer.testing import CliRunner

    from claimwatch.service.cli import app
    from tests.conftest import EXAMPLES

    runner = CliRunner()
    data = str(tmp_path / "store")
    runner.invoke(app, ["ingest", str(EXAMPLES / "h200_digest_zh.txt"), "--data", data, "--embedder", "fake"])
    assert runner.invoke(app, ["store", "check", "--data", data]).exit_code == 0
    index = tmp_path / "store" / "vectors.faiss"
    index.write_bytes(index.read_bytes()[:200])
    broken = runner.invoke(app, ["store", "check", "--data", data])
    assert broken.exit_code == 1 and "index-corrupt" in broken.stderr and "store rebuild" in broken.stderr
    fixed = runner.invoke(app, ["store", "rebuild", "--data", data])
    assert fixed.exit_code == 0 and "rebuilt" in fixed.stdout
    assert runner.invoke(app, ["store", "check", "--data", data]).exit_code == 0
