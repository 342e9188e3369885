"""Real concurrent HTTP requests against a running server: reads during ingests, duplicate ingests."""

import json
import threading

import pytest

from claimwatch.evaluation.synth import generate_feed
from tests.service.test_server import running_server


def _jsonl(articles) -> bytes:
    return "\n".join(json.dumps({"id": a.id, "source": a.source, "title": a.title, "published": a.published,
                                 "text": a.text}, ensure_ascii=False) for a in articles).encode()


@pytest.mark.slow
def test_reads_are_answered_during_ingests_and_duplicates_are_stored_once(tmp_path):
    articles = generate_feed(3000, seed=11).articles
    first, second = _jsonl(articles[: len(articles) // 2]), _jsonl(articles[len(articles) // 2:])
    with running_server(tmp_path / "store", "fake") as client:
        client.post("/v1/articles", content=_jsonl(articles[:10]), headers={"content-type": "application/x-ndjson"})
        results, errors = [], []

        def ingest(body):
            try:
                results.append(client.post("/v1/articles", content=body,
                                           headers={"content-type": "application/x-ndjson"}).status_code)
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

        writers = [threading.Thread(target=ingest, args=(body,)) for body in (first, first, second)]
        for w in writers:
            w.start()
        answers = []
        while any(w.is_alive() for w in writers):
            r = client.post("/v1/verify", json={"claim": articles[3].text.split(". ")[0], "top_k": 5})
            answers.append((r.status_code, r.json().get("verdict")))
            assert client.get("/v1/clusters", params={"limit": 5}).status_code == 200
        for w in writers:
            w.join()
        assert not errors and results == [201, 201, 201]
        assert answers and all(status == 200 and verdict for status, verdict in answers)
        health = client.get("/healthz").json()
        assert health["articles"] == len(articles)  # the duplicated half is stored once


def test_concurrent_verifies_are_computed_one_at_a_time_and_all_answered(tmp_path, monkeypatch):
    import time

    from fastapi.testclient import TestClient

    from claimwatch.service.app import create_app
    from claimwatch.service.config import Settings
    from claimwatch.service.routes import verify as route

    running, most = [0], [0]
    lock = threading.Lock()
    real = route.verify_claim

    def counted(*args, **kwargs):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)  # long enough for the other requests to arrive meanwhile
        try:
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(route, "verify_claim", counted)
    with TestClient(create_app(Settings(data=tmp_path / "data", embedder="fake"))) as client:
        client.post("/v1/articles", content=_jsonl(generate_feed(50, seed=3).articles),
                    headers={"content-type": "application/x-ndjson"})
        statuses = []
        threads = [threading.Thread(target=lambda: statuses.append(
            client.post("/v1/verify", json={"claim": "Revenue rose 5% in 2024.", "top_k": 3}).status_code))
            for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert statuses == [200] * 6
    assert most[0] == 1
