"""The Python clients against the real app in-process (both clients), a mock transport, and a running server."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import anyio.from_thread
import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from claimwatch.client import AsyncClient, ClaimwatchAPIError, Client, guess_media_type
from claimwatch.service.app import create_app
from claimwatch.service.config import Settings
from claimwatch.service.schemas import (
    AuditReport, ClaimPublic, ClusterDetail, ClusterPublic, ClustersPublic, Health, IngestResponse, VerifyResponse,
)
from tests.conftest import EXAMPLES
from tests.service.test_server import running_server

DIGEST = EXAMPLES / "h200_digest_zh.txt"
WIRE = EXAMPLES / "h200_wire_en.jsonl"
FORMATS = sorted((EXAMPLES / "formats").iterdir())
MAX_BODY = 100_000


class _ViaTestClient(httpx.BaseTransport):
    """Sends through a started ``TestClient``: the app runs in-process, its lifespan included.

    The request is rebuilt rather than passed on, as the ``TestClient`` may be built on another httpx.
    """

    def __init__(self, test_client: TestClient) -> None:
        self.test_client = test_client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.test_client.request(request.method, str(request.url), headers=request.headers.multi_items(),
                                          content=request.read())
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)


class _Blocking:
    """An ``AsyncClient`` driven through an anyio portal, so one test body exercises both clients."""

    def __init__(self, portal: anyio.from_thread.BlockingPortal, client: AsyncClient) -> None:
        self._portal, self._client = portal, client

    def __getattr__(self, name: str):
        method = getattr(self._client, name)
        if name == "iter_clusters":
            return lambda *a, **k: self._portal.call(_collect, method(*a, **k))
        return lambda *a, **k: self._portal.call(functools.partial(method, *a, **k))


async def _collect(items) -> list:
    return [item async for item in items]


@contextmanager
def in_process(kind: str, settings: Settings, **options) -> Iterator[Client | _Blocking]:
    """A ``Client`` (kind "sync") or an ``AsyncClient`` behind ``_Blocking`` ("async") on a fresh app."""
    app = create_app(settings)
    if kind == "sync":
        with TestClient(app) as test_client, Client("http://testserver", transport=_ViaTestClient(test_client),
                                                    **options) as client:
            yield client
        return
    with anyio.from_thread.start_blocking_portal() as portal:
        with portal.wrap_async_context_manager(app.router.lifespan_context(app)):
            client = AsyncClient("http://testserver", transport=httpx.ASGITransport(app), **options)
            try:
                yield _Blocking(portal, client)
            finally:
                portal.call(client.aclose)


@pytest.fixture(params=["sync", "async"])
def kind(request) -> str:
    return request.param


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data=tmp_path / "data", embedder="fake", max_body_bytes=MAX_BODY)


@pytest.fixture
def client(kind, settings):
    with in_process(kind, settings) as c:
        yield c


@pytest.fixture
def loaded(client):
    """The client after ingesting the example digest, and the ingest's answer."""
    return client, client.ingest(DIGEST)


def test_ingest_updates_health_and_is_idempotent(client):
    empty = client.health()
    assert isinstance(empty, Health) and empty.embedder == "fake" and (empty.claims, empty.articles) == (0, 0)
    first = client.ingest(DIGEST)
    assert isinstance(first, IngestResponse) and first.articles_added and first.claims_added > 0
    health = client.health()
    assert (health.articles, health.claims) == (len(first.articles_added), first.claims_total)
    again = client.ingest(DIGEST.read_text(encoding="utf-8"))  # the same feed as text: stored once
    assert again.articles_added == [] and sorted(again.articles_skipped) == sorted(first.articles_added)
    assert again.claims_added == 0 and client.health().claims == health.claims


def test_iter_clusters_walks_every_page(loaded):
    client, _ = loaded
    total = client.clusters(limit=1)
    assert isinstance(total, ClustersPublic) and total.count >= 3 and len(total.data) == 1
    walked = list(client.iter_clusters(page_size=2))
    assert all(isinstance(k, ClusterPublic) for k in walked)
    assert len(walked) == total.count and len({k.id for k in walked}) == total.count
    for status in ("corroborated", "conflicting", "single_source"):
        some = list(client.iter_clusters(status, page_size=3))
        assert len(some) == client.clusters(status).count and all(k.status == status for k in some)


def test_cluster_and_claim_lookups_agree(loaded):
    client, _ = loaded
    first = client.clusters(limit=1).data[0]
    cluster = client.cluster(first.id)
    assert isinstance(cluster, ClusterDetail) and cluster.id == first.id
    assert [c.id for c in cluster.claims] == cluster.claim_ids == first.claim_ids
    claim = client.claim(cluster.claim_ids[0])
    assert isinstance(claim, ClaimPublic) and claim.id == cluster.claim_ids[0]
    assert claim.cluster_id == cluster.id and claim.source and claim.text == cluster.claims[0].text


def test_verify_answers_a_typed_verdict_with_stored_evidence(loaded):
    client, _ = loaded
    stored = client.claim(client.clusters(limit=1).data[0].claim_ids[0])
    answer = client.verify(stored.text, top_k=5)
    assert isinstance(answer, VerifyResponse) and answer.explanation and 0 <= answer.confidence <= 1
    assert 0 < len(answer.evidence) <= 5
    assert stored.id in {e.claim_id for e in answer.evidence}  # the claim itself is its own nearest evidence
    assert client.claim(answer.evidence[0].claim_id).text == answer.evidence[0].text


def test_audit_reports_without_storing(client):
    report = client.audit(WIRE)
    assert isinstance(report, AuditReport)
    assert len(report.articles) == len(WIRE.read_bytes().strip().splitlines()) and report.claims
    assert client.health().claims == 0


@pytest.mark.parametrize("path", FORMATS, ids=lambda p: p.name)
def test_every_example_format_is_sent_with_a_type_the_server_reads(client, path):
    data = path.read_bytes()
    assert guess_media_type(data) == guess_media_type(data, path.name)  # content agrees with the suffix
    from_path, from_bytes = client.audit(path), client.audit(data)
    assert from_path.articles and [a.id for a in from_path.articles] == [a.id for a in from_bytes.articles]


def test_api_errors_carry_the_problem(client):
    with pytest.raises(ClaimwatchAPIError) as bad:
        client.ingest(b"<rss><broken", content_type="application/rss+xml")
    error = bad.value
    assert (error.status, error.code) == (400, "feed-malformed") and error.title and error.detail
    assert error.problem["code"] == "feed-malformed" and error.problem["status"] == 400
    for lookup, code in ((client.cluster, "cluster-not-found"), (client.claim, "claim-not-found")):
        with pytest.raises(ClaimwatchAPIError) as missing:
            lookup("no such?id")  # quoted into one path segment
        assert (missing.value.status, missing.value.code) == (404, code)
    with pytest.raises(ClaimwatchAPIError) as large:
        client.ingest(b"x" * (MAX_BODY + 1), content_type="text/plain")
    assert (large.value.status, large.value.code) == (413, "payload-too-large")
    with pytest.raises(ClaimwatchAPIError) as invalid:
        client.verify("something", top_k=0)  # validated by the server, not the client
    assert (invalid.value.status, invalid.value.code) == (422, "request-invalid")
    assert client.health().claims == 0


def test_api_key_is_sent_as_the_servers_header(kind, tmp_path):
    settings = Settings(data=tmp_path / "data", embedder="fake", api_key="s3cret")
    for key, code in ((None, "api-key-missing"), ("wrong", "api-key-invalid")):
        with in_process(kind, settings, api_key=key) as client:
            with pytest.raises(ClaimwatchAPIError) as denied:
                client.ingest(DIGEST)
            assert (denied.value.status, denied.value.code) == (401, code)
            assert client.health().claims == 0  # reads stay open
    with in_process(kind, settings, api_key="s3cret") as client:
        assert client.ingest(DIGEST).claims_added > 0


def test_a_stored_audit_reads_back_as_json_and_html(client):
    report = client.audit(WIRE)
    assert report.audit_id
    again = client.get_audit(report.audit_id)
    assert isinstance(again, AuditReport) and again.audit_id == report.audit_id
    assert [c.id for c in again.claims] == [c.id for c in report.claims]
    page = client.audit_page(report.audit_id)
    assert isinstance(page, str) and "<html" in page.lower() and report.articles[0].source in page
    for lookup in (client.get_audit, client.audit_page):
        with pytest.raises(ClaimwatchAPIError) as missing:
            lookup("no-such-audit")
        assert missing.value.status == 404 and missing.value.code


# --- request shape and failures, with a mock transport --------------------------------------------------

def _recording(answer: httpx.Response) -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return answer

    return seen, httpx.MockTransport(handler)


def test_requests_name_the_media_type_format_and_key():
    seen, transport = _recording(httpx.Response(200, json={"data": [], "count": 0, "offset": 0, "limit": 50}))
    with Client("http://cw.test/base", api_key="k", transport=transport) as client:
        for call in (lambda: client.ingest(WIRE, format="jsonl"), lambda: client.ingest_url("https://x.test/f.rss"),
                     lambda: client.clusters(), lambda: client.verify("c", top_k=3), lambda: client.claim("a/b:1")):
            with contextlib.suppress(ValidationError):  # the canned answer fits only clusters(): requests count
                call()
    ingest, by_url, clusters, verify, claim = seen
    assert ingest.method == "POST" and ingest.url.path == "/base/v1/articles"
    assert ingest.headers["content-type"] == "application/x-ndjson" and ingest.url.params["format"] == "jsonl"
    assert ingest.content == WIRE.read_bytes() and all(r.headers["x-api-key"] == "k" for r in seen)
    assert by_url.headers["content-type"] == "application/json" and json.loads(by_url.content) == {
        "url": "https://x.test/f.rss"}
    assert "format" not in by_url.url.params and "status" not in clusters.url.params
    assert json.loads(verify.content) == {"claim": "c", "top_k": 3}
    assert claim.url.raw_path == b"/base/v1/claims/a%2Fb:1"


@pytest.mark.parametrize("feed, media", [
    ("标题\n某报· 2025-12-09 06:37\n要点 - 内容", "text/plain"),
    ('[{"source": "A", "text": "t"}]', "application/json"),
    ('{"source": "A", "text": "t"}\n{"source": "B", "text": "u"}\n', "application/x-ndjson"),
    ("\ufeff<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'/>", "application/atom+xml"),
    ("  <rss version='2.0'><channel/></rss>", "application/rss+xml"),
])
def test_media_type_is_guessed_from_content(feed, media):
    assert guess_media_type(feed.encode("utf-8")) == media


def test_a_non_problem_error_body_still_raises(kind):
    transport = httpx.MockTransport(lambda request: httpx.Response(502, text="upstream down"))
    with pytest.raises(ClaimwatchAPIError) as raised:
        if kind == "sync":
            Client(transport=transport).health()
        else:
            asyncio.run(AsyncClient(transport=transport).health())
    assert (raised.value.status, raised.value.code, raised.value.detail) == (502, None, "upstream down")
    assert raised.value.problem == {}


def test_transport_errors_propagate_as_httpx_errors(kind):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    transport = httpx.MockTransport(refuse)
    with pytest.raises(httpx.ConnectError):
        if kind == "sync":
            Client(transport=transport).verify("x")
        else:
            asyncio.run(AsyncClient(transport=transport).verify("x"))


# --- against a running server -----------------------------------------------------------------------------

async def _async_round(base_url: str) -> tuple[IngestResponse, VerifyResponse, ClaimwatchAPIError]:
    async with AsyncClient(base_url) as client:
        added = await client.ingest(WIRE)
        answer = await client.verify((await client.audit(WIRE)).claims[0].text)
        try:
            await client.cluster("no-such-cluster")
        except ClaimwatchAPIError as error:
            return added, answer, error
    raise AssertionError("an unknown cluster was found")


@pytest.mark.slow
def test_both_clients_against_a_running_server(tmp_path):
    with running_server(tmp_path / "store", "fake") as http:
        base_url = str(http.base_url).rstrip("/")
        with Client(base_url) as client:
            added = client.ingest(DIGEST)
            assert client.health().claims == added.claims_total > 0
            answer = client.verify(client.claim(client.clusters(limit=1).data[0].claim_ids[0]).text)
            assert isinstance(answer, VerifyResponse) and answer.evidence
            with pytest.raises(ClaimwatchAPIError) as bad:
                client.ingest(b"<rss><broken", content_type="application/rss+xml")
            assert (bad.value.status, bad.value.code) == (400, "feed-malformed")
        wire, answer, error = asyncio.run(_async_round(base_url))
        assert wire.articles_added and wire.claims_total == added.claims_total + wire.claims_added
        assert isinstance(answer, VerifyResponse) and answer.evidence
        assert (error.status, error.code) == (404, "cluster-not-found")


def test_importing_the_client_leaves_the_server_stack_out():
    import subprocess
    import sys

    code = "import sys, claimwatch.client; print(*(m in sys.modules for m in ('fastapi', 'faiss', 'numpy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]
