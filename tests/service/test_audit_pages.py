"""Kept audits in-process: POST keeps the report, GET answers it as JSON and as the HTML page."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from claimwatch.errors import NotFound
from claimwatch.service.app import create_app
from claimwatch.service.audit_archive import AUDIT_ID, load_audit, save_audit
from claimwatch.service.config import Settings
from tests.conftest import EXAMPLES

WIRE = (EXAMPLES / "h200_wire_en.jsonl").read_bytes()
NDJSON = {"content-type": "application/x-ndjson"}


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(Settings(data=tmp_path / "data", embedder="fake"))) as c:
        yield c


def _problem(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == code


def test_audit_is_kept_and_served_as_json_and_html(client, tmp_path):
    r = client.post("/v1/audits", content=WIRE, headers=NDJSON)
    assert r.status_code == 200
    report = r.json()
    audit_id = report["audit_id"]
    assert AUDIT_ID.fullmatch(audit_id) and r.headers["location"] == f"/v1/audits/{audit_id}"
    assert (tmp_path / "data" / "audits" / f"{audit_id}.json").is_file()
    assert not list((tmp_path / "data" / "audits").glob(".tmp-*"))  # the temporary file was renamed away

    kept = client.get(f"/v1/audits/{audit_id}")
    assert kept.status_code == 200 and kept.json() == report

    page = client.get(f"/audits/{audit_id}")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.text.count('<article class="conflict"') == sum(x["severity"] == "conflict" for x in report["conflicts"])
    assert report["articles"][0]["title"] in page.text and f'href="/v1/audits/{audit_id}"' in page.text


def test_each_audit_gets_its_own_id(client):
    ids = {client.post("/v1/audits", content=WIRE, headers=NDJSON).json()["audit_id"] for _ in range(3)}
    assert len(ids) == 3


@pytest.mark.parametrize("audit_id", ["unknown-id-1234", "..secret-file", "short", "a" * 65, "bad.id.json"])
def test_unknown_or_invalid_ids_are_404_problems(client, audit_id):
    _problem(client.get(f"/v1/audits/{audit_id}"), 404, "audit-not-found")
    _problem(client.get(f"/audits/{audit_id}"), 404, "audit-not-found")


def test_traversal_ids_never_reach_the_file_system(tmp_path):
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"articles": []}))
    for audit_id in ("../secret", "../../secret", "/etc/passwd", "a/../../secret", "x" * 7):
        with pytest.raises(NotFound):
            load_audit(tmp_path / "data", audit_id)


def test_archive_round_trip_keeps_cjk(tmp_path):
    report = {"articles": [{"id": "a", "source": "芯闻日报"}], "claims": []}
    kept = save_audit(tmp_path, report)
    assert load_audit(tmp_path, kept["audit_id"]) == kept == {**report, "audit_id": kept["audit_id"]}
    assert "芯闻日报" in (tmp_path / "audits" / f"{kept['audit_id']}.json").read_text(encoding="utf-8")


def test_read_only_server_audits_but_keeps_nothing(tmp_path):
    data = tmp_path / "data"
    kept = save_audit(data, {"articles": [], "claims": [], "clusters": [], "conflicts": [], "syndication": [],
                             "internal_checks": []})
    with TestClient(create_app(Settings(data=data, embedder="fake", read_only=True))) as c:
        r = c.post("/v1/audits", content=WIRE, headers=NDJSON)
        assert r.status_code == 200 and r.json()["claims"] and r.json().get("audit_id") is None
        assert "location" not in r.headers
        assert c.get(f"/audits/{kept['audit_id']}").status_code == 200  # audits kept before stay readable
    assert [p.name for p in (data / "audits").iterdir()] == [f"{kept['audit_id']}.json"]


def test_openapi_lists_the_audit_pages(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/audits/{audit_id}", "/audits/{audit_id}"} <= paths.keys()
    assert "text/html" in paths["/audits/{audit_id}"]["get"]["responses"]["200"]["content"]
