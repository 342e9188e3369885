"""The HTTP API in-process (TestClient): contract fields, problem+json errors, stored data kept."""

import json

import pytest
from fastapi.testclient import TestClient

from claimwatch.errors import ClaimwatchError
from claimwatch.service.app import create_app
from claimwatch.service.config import Settings
from claimwatch.service.problems import status_for
from tests.conftest import EXAMPLES

DIGEST = (EXAMPLES / "h200_digest_zh.txt").read_bytes()
WIRE = (EXAMPLES / "h200_wire_en.jsonl").read_bytes()


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(Settings(data=tmp_path / "data", embedder="fake", max_body_bytes=200_000))) as c:
        yield c


def _problem(response, status, code):
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code and body["status"] == status and body["title"] and body["detail"]
    return body


def test_health_reports_empty_store(client):
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "embedder": "fake", "claims": 0, "articles": 0, "version": body["version"]}


def test_ingest_then_list_clusters_and_get_claim(client):
    r = client.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"})
    assert r.status_code == 201
    body = r.json()
    assert len(body["articles_added"]) == 7 and body["claims_total"] > 20
    page = client.get("/v1/clusters", params={"limit": 3}).json()
    assert page["count"] >= len(page["data"]) and len(page["data"]) <= 3
    cluster = client.get(f"/v1/clusters/{page['data'][0]['id']}").json()
    assert len(cluster["claims"]) == len(cluster["claim_ids"]) >= 2
    claim = client.get(f"/v1/claims/{cluster['claim_ids'][0]}").json()
    assert claim["cluster_id"] == cluster["id"] and claim["source"]


def test_cluster_status_filter(client):
    client.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"})
    for status in ("corroborated", "conflicting", "single_source"):
        page = client.get("/v1/clusters", params={"status": status}).json()
        assert all(k["status"] == status for k in page["data"])
    _problem(client.get("/v1/clusters", params={"status": "nonsense"}), 422, "request-invalid")


def test_ingest_json_list_and_jsonl(client):
    r = client.post("/v1/articles", json=[{"source": "A", "title": "t", "text": "Nvidia may sell the H200 in China."}])
    assert r.status_code == 201 and r.json()["claims_added"] == 1
    r = client.post("/v1/articles", content=WIRE, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 201 and len(r.json()["articles_added"]) == WIRE.count(b"\n")


def test_audit_follows_the_output_contract(client):
    r = client.post("/v1/audits", content=WIRE, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 200
    report = r.json()
    for key in ("articles", "claims", "clusters", "conflicts", "syndication", "internal_checks"):
        assert isinstance(report[key], list)
    assert {"id", "source", "title", "published", "language"} <= report["articles"][0].keys()
    assert {"id", "article_id", "text", "quantities", "hedged"} <= report["claims"][0].keys()
    assert client.get("/healthz").json()["claims"] == 0  # an audit stores nothing


def test_verify_answers_the_contract(client):
    client.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"})
    body = client.post("/v1/verify", json={"claim": "英伟达须把H200在华销售收入的25%交给美国政府", "top_k": 5}).json()
    assert body["verdict"] in ("supported", "refuted", "conflicting", "not_enough_evidence")
    assert 0 <= body["confidence"] <= 1 and body["explanation"]
    for e in body["evidence"]:
        assert {"claim_id", "text", "source", "published", "relation", "score"} <= e.keys()


@pytest.mark.parametrize("payload, ctype, status, code", [
    pytest.param(b'{"source": "A", "text": "x"}\n{"source": "B", "te', "application/x-ndjson", 400,
                 "feed-malformed", id="truncated-jsonl"),
    pytest.param(b"<rss><channel><item>", "application/rss+xml", 400, "feed-malformed", id="broken-xml"),
    pytest.param(b"", "text/plain", 400, "feed-empty", id="empty"),
    pytest.param(b"\x00\x01\x02\xff\xfe garbage \x00", "application/octet-stream", 400, "feed-not-text",
                 id="binary"),
    pytest.param(b"just some words with no structure", "text/plain", 400, "feed-format-unknown", id="unknown"),
    pytest.param(b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><rss>&b;</rss>",
                 "application/rss+xml", 400, "feed-xml-forbidden", id="entity-expansion"),
    pytest.param(b"x" * 300_000, "text/plain", 413, "payload-too-large", id="too-large"),
    pytest.param(b"a,b,c", "text/csv", 415, "unsupported-media-type", id="csv"),
])
def test_bad_feeds_are_problems_and_store_is_unchanged(client, payload, ctype, status, code):
    client.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"})
    before = client.get("/healthz").json()
    _problem(client.post("/v1/articles", content=payload, headers={"content-type": ctype}), status, code)
    _problem(client.post("/v1/audits", content=payload, headers={"content-type": ctype}), status, code)
    assert client.get("/healthz").json() == before


@pytest.mark.parametrize("body", [
    pytest.param({"claim": ""}, id="empty-claim"),
    pytest.param({"claim": "x", "top_k": 0}, id="top-k-zero"),
    pytest.param({"claim": "x", "top_k": 10_000}, id="top-k-huge"),
    pytest.param({"text": "wrong field"}, id="wrong-field"),
    pytest.param({"claim": "x" * 5000}, id="too-long"),
])
def test_bad_verify_requests_are_422(client, body):
    _problem(client.post("/v1/verify", json=body), 422, "request-invalid")


def test_malformed_json_body_is_422(client):
    _problem(client.post("/v1/verify", content=b"{not json", headers={"content-type": "application/json"}),
             422, "request-invalid")


def test_unknown_ids_are_404(client):
    _problem(client.get("/v1/clusters/k404"), 404, "cluster-not-found")
    _problem(client.get("/v1/claims/nope:1"), 404, "claim-not-found")
    _problem(client.get("/v1/nothing-here"), 404, "route-not-found")


def test_every_domain_error_has_an_http_mapping():
    import claimwatch.errors as errors

    for name in errors.__all__:
        cls = getattr(errors, name)
        if isinstance(cls, type) and issubclass(cls, ClaimwatchError):
            status, title = status_for(cls("x"))
            assert title and 400 <= status < 600
            if issubclass(cls, errors.InputError):
                assert 400 <= status < 500, name


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/healthz", "/v1/articles", "/v1/audits", "/v1/verify", "/v1/clusters", "/v1/clusters/{cluster_id}",
            "/v1/claims/{claim_id}"} <= paths.keys()


def test_api_key_guards_writes_only(tmp_path):
    settings = Settings(data=tmp_path / "data", embedder="fake", api_key="s3cret")
    with TestClient(create_app(settings)) as c:
        _problem(c.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"}), 401,
                 "api-key-missing")
        _problem(c.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain", "x-api-key": "no"}),
                 401, "api-key-invalid")
        ok = c.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain", "x-api-key": "s3cret"})
        assert ok.status_code == 201
        assert c.post("/v1/verify", json={"claim": "H200带宽为4.8TB/s"}).status_code == 200  # reads stay open


def test_read_only_mode_refuses_ingest(tmp_path):
    with TestClient(create_app(Settings(data=tmp_path / "data", embedder="fake", read_only=True))) as c:
        _problem(c.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"}), 403, "read-only")
        assert c.get("/healthz").status_code == 200


def test_no_cors_headers_by_default(client):
    r = client.options("/v1/verify", headers={"origin": "https://evil.example", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in r.headers


def test_article_and_claim_limits_are_413(tmp_path):
    settings = Settings(data=tmp_path / "data", embedder="fake", max_article_chars=500, max_claims=20)
    with TestClient(create_app(settings)) as c:
        long_article = json.dumps({"source": "A", "title": "t", "text": "很长的句子。" * 200}, ensure_ascii=False)
        _problem(c.post("/v1/articles", content=long_article.encode(), headers={"content-type": "application/x-ndjson"}),
                 413, "article-too-large")
        _problem(c.post("/v1/audits", content=DIGEST, headers={"content-type": "text/plain"}), 413, "too-many-claims")
        assert c.get("/healthz").json()["claims"] == 0


def test_deeply_nested_json_is_a_clear_error(client):
    nested = b"[" * 100_000 + b"]" * 100_000
    r = client.post("/v1/articles", content=nested, headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.json()["code"] == "feed-malformed"


def test_control_and_zero_width_characters_are_handled(client):
    text = "H200\u200b带宽\u0000为4.8TB/s\u202e。" * 3
    r = client.post("/v1/audits", json=[{"source": "A", "title": "t\u0007", "text": text}])
    assert r.status_code == 200 and r.json()["claims"]


def test_requests_that_run_too_long_get_503(tmp_path):
    from claimwatch.evaluation.synth import generate_feed

    body = "\n".join(json.dumps({"source": a.source, "title": a.title, "text": a.text})
                     for a in generate_feed(3000, seed=2).articles).encode()
    settings = Settings(data=tmp_path / "data", embedder="fake", request_timeout=0.05, max_body_bytes=10 * 2**20)
    with TestClient(create_app(settings)) as c:
        _problem(c.post("/v1/audits", content=body, headers={"content-type": "application/x-ndjson"}), 503,
                 "request-timeout")
        assert c.get("/healthz").status_code == 200
