"""Schemathesis against the service's own OpenAPI schema: no 5xx, responses match the schema."""

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from claimwatch.service.app import create_app  # noqa: E402
from claimwatch.service.config import Settings  # noqa: E402
from tests.conftest import EXAMPLES  # noqa: E402

_DATA = Path(tempfile.mkdtemp(prefix="claimwatch-fuzz-"))
app = create_app(Settings(data=_DATA, embedder="fake", max_body_bytes=200_000))
_client = TestClient(app)
_client.__enter__()  # run the lifespan once: open the store, load the embedder
_client.post("/v1/articles", content=(EXAMPLES / "h200_digest_zh.txt").read_bytes(),
             headers={"content-type": "text/plain"})
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_responses_match_the_schema(case):
    response = case.call()
    assert response.status_code < 500, response.text
    if response.status_code < 400:
        case.validate_response(response)
    else:
        content_type = response.headers["content-type"]
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert content_type.startswith("application/problem+json"), response.text
