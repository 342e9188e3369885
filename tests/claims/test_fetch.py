"""Feed URLs: scheme allow-list, non-public addresses refused on every hop, caps and timeouts."""

import http.server
import threading

import httpx
import pytest

from claimwatch.claims.fetch import FetchFailed, UrlNotAllowed, check_url, fetch_feed
from tests.conftest import EXAMPLES

PUBLIC = {"feeds.example": ["93.184.216.34"], "cdn.example": ["93.184.216.35"], "sneaky.example": ["10.1.2.3"],
          "meta.example": ["169.254.169.254"], "six.example": ["::1"], "mapped.example": ["::ffff:127.0.0.1"]}


def resolve(host):
    return PUBLIC[host]


def _client(handler):
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=False)


@pytest.mark.parametrize("url, code", [
    pytest.param("file:///etc/passwd", "url-scheme-not-allowed", id="file"),
    pytest.param("ftp://feeds.example/x", "url-scheme-not-allowed", id="ftp"),
    pytest.param("http://127.0.0.1/feed", "url-not-allowed", id="loopback"),
    pytest.param("http://sneaky.example/feed", "url-not-allowed", id="private-after-dns"),
    pytest.param("http://meta.example/latest", "url-not-allowed", id="metadata-link-local"),
    pytest.param("http://six.example/", "url-not-allowed", id="ipv6-loopback"),
    pytest.param("http://mapped.example/", "url-not-allowed", id="ipv4-mapped"),
    pytest.param("http://[fe80::1]/", "url-not-allowed", id="ipv6-link-local-literal"),
])
def test_non_public_targets_are_refused(url, code):
    with pytest.raises(UrlNotAllowed) as err:
        check_url(url, resolve=resolve)
    assert err.value.code == code


def test_public_feed_is_fetched():
    body = (EXAMPLES / "formats" / "sample.rss").read_bytes()
    client = _client(lambda req: httpx.Response(200, content=body, headers={"content-type": "application/rss+xml"}))
    assert fetch_feed("https://feeds.example/rss", client=client, resolve=resolve) == body


def test_every_redirect_hop_is_checked():
    def handler(request):
        if request.url.host == "feeds.example":
            return httpx.Response(302, headers={"location": "http://meta.example/latest/meta-data"})
        return httpx.Response(200, content=b"secret", headers={"content-type": "text/plain"})

    with pytest.raises(UrlNotAllowed):
        fetch_feed("https://feeds.example/rss", client=_client(handler), resolve=resolve)


def test_redirect_limit():
    client = _client(lambda req: httpx.Response(301, headers={"location": "https://cdn.example/again"}))
    with pytest.raises(FetchFailed) as err:
        fetch_feed("https://feeds.example/rss", client=client, resolve=resolve, max_redirects=3)
    assert err.value.code == "url-too-many-redirects"


def test_size_cap_while_streaming():
    client = _client(lambda req: httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/plain"}))
    with pytest.raises(FetchFailed) as err:
        fetch_feed("https://feeds.example/rss", client=client, resolve=resolve, max_bytes=1000)
    assert err.value.code == "url-too-large"


def test_content_type_must_be_a_feed():
    client = _client(lambda req: httpx.Response(200, content=b"\x89PNG", headers={"content-type": "image/png"}))
    with pytest.raises(FetchFailed) as err:
        fetch_feed("https://feeds.example/a.png", client=client, resolve=resolve)
    assert err.value.code == "url-content-type"


def test_timeouts_become_clear_errors():
    def handler(request):
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchFailed) as err:
        fetch_feed("https://feeds.example/rss", client=_client(handler), resolve=resolve)
    assert err.value.code == "url-timeout"


@pytest.fixture
def loopback_server():
    body = (EXAMPLES / "h200_wire_en.jsonl").read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's API
            self.send_response(200)
            self.send_header("content-type", "application/x-ndjson")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/feed.jsonl", body
    server.shutdown()


def test_real_loopback_server_is_refused_by_default_and_allowed_when_listed(loopback_server):
    url, body = loopback_server
    with pytest.raises(UrlNotAllowed):
        fetch_feed(url)
    assert fetch_feed(url, allow_hosts=["127.0.0.1"]) == body


def test_audit_endpoint_fetches_a_url(loopback_server, tmp_path):
    from fastapi.testclient import TestClient

    from claimwatch.service.app import create_app
    from claimwatch.service.config import Settings

    url, _ = loopback_server
    with TestClient(create_app(Settings(data=tmp_path / "d", embedder="fake"))) as c:
        refused = c.post("/v1/audits", json={"url": url})
        assert refused.status_code == 400 and refused.json()["code"] == "url-not-allowed"
    with TestClient(create_app(Settings(data=tmp_path / "d", embedder="fake", fetch_allow_hosts="127.0.0.1"))) as c:
        report = c.post("/v1/audits", json={"url": url}).json()
        assert len(report["articles"]) == 8
