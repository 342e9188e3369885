"""Kept audits in-process: POST keeps the report, GET answers it as JSON and as the HTML page."""

from __future__ import annotations

import json
import os
import pathlib
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from claimwatch.errors import NotFound
from claimwatch.service.app import create_app
from claimwatch.service.audit_archive import AUDIT_ID, load_audit, prune_audits, save_audit
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
    assert [p.name for p in (tmp_path / "data" / "audits").iterdir()] == [f"{audit_id}.json"]  # temp file renamed

    kept = client.get(f"/v1/audits/{audit_id}")
    assert kept.status_code == 200 and kept.json() == report

    page = client.get(f"/audits/{audit_id}")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.text.count('<article class="conflict"') == sum(x["severity"] == "conflict" for x in report["conflicts"])
    assert report["articles"][0]["title"] in page.text and f'href="../v1/audits/{audit_id}"' in page.text
    # relative, so it still points at the JSON when the API is served under a path prefix
    from urllib.parse import urljoin
    assert urljoin(f"/api/audits/{audit_id}", f"../v1/audits/{audit_id}") == f"/api/v1/audits/{audit_id}"


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


def _age(data, audit_id: str, seconds_ago: int) -> None:
    """Date a kept audit back, so the order by mtime never rests on the clock's granularity."""
    path = data / "audits" / f"{audit_id}.json"
    t = path.stat().st_mtime_ns - seconds_ago * 10**9
    os.utime(path, ns=(t, t))


def test_max_audits_prunes_the_oldest(tmp_path):
    data = tmp_path / "data"
    with TestClient(create_app(Settings(data=data, embedder="fake", max_audits=2))) as c:
        ids = []
        for i in range(3):
            r = c.post("/v1/audits", content=WIRE, headers=NDJSON)
            assert r.status_code == 200 and r.headers["location"] == f"/v1/audits/{r.json()['audit_id']}"
            ids.append(r.json()["audit_id"])
            if i < 2:
                _age(data, ids[-1], 100 - 10 * i)
        _problem(c.get(f"/v1/audits/{ids[0]}"), 404, "audit-not-found")
        _problem(c.get(f"/audits/{ids[0]}"), 404, "audit-not-found")
        for audit_id in ids[1:]:
            assert c.get(f"/v1/audits/{audit_id}").json()["audit_id"] == audit_id
            assert c.get(f"/audits/{audit_id}").status_code == 200
    assert sorted(p.name for p in (data / "audits").iterdir()) == sorted(f"{i}.json" for i in ids[1:])


def test_max_audits_zero_keeps_nothing(tmp_path):
    data = tmp_path / "data"
    with TestClient(create_app(Settings(data=data, embedder="fake", max_audits=0))) as c:
        r = c.post("/v1/audits", content=WIRE, headers=NDJSON)
        assert r.status_code == 200 and r.json()["claims"] and r.json().get("audit_id") is None
        assert "location" not in r.headers
    assert not (data / "audits").exists() or not list((data / "audits").iterdir())


def test_max_audits_setting_reads_the_environment_and_refuses_negatives(monkeypatch):
    assert Settings().max_audits == 1000
    monkeypatch.setenv("CLAIMWATCH_MAX_AUDITS", "7")
    assert Settings().max_audits == 7
    monkeypatch.setenv("CLAIMWATCH_MAX_AUDITS", "-1")
    with pytest.raises(ValidationError):
        Settings()


def test_pruning_counts_only_finished_audit_files(tmp_path):
    folder = tmp_path / "audits"
    folder.mkdir()
    others = [".tmp-abc123.part", "notes.txt", "bad.name.json", ".hidden.json", "README"]
    for name in others:
        (folder / name).write_text("{}")
        os.utime(folder / name, ns=(0, 0))  # older than every audit: would go first if they counted
    kept = [save_audit(tmp_path, {"n": i})["audit_id"] for i in range(3)]
    for i, audit_id in enumerate(kept[:2]):
        _age(tmp_path, audit_id, 100 - 10 * i)
    assert prune_audits(tmp_path, 2) == [kept[0]]
    assert sorted(p.name for p in folder.iterdir()) == sorted(others + [f"{i}.json" for i in kept[1:]])
    assert prune_audits(tmp_path, 2) == []  # already within the bound


def test_pruning_breaks_mtime_ties_by_name_and_tolerates_vanished_files(tmp_path, monkeypatch):
    ids = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd"]
    folder = tmp_path / "audits"
    folder.mkdir()
    for audit_id in reversed(ids):
        (folder / f"{audit_id}.json").write_text("{}")
        os.utime(folder / f"{audit_id}.json", ns=(10**18, 10**18))
    real_unlink = pathlib.Path.unlink

    def racing_unlink(self, missing_ok=False):  # another process deletes "aaaaaaaa" first
        if self.name == "aaaaaaaa.json":
            real_unlink(self)
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(pathlib.Path, "unlink", racing_unlink)
    assert prune_audits(tmp_path, 2) == ["bbbbbbbb"]
    assert sorted(p.stem for p in folder.iterdir()) == ids[2:]


def test_concurrent_saves_stay_within_the_bound(tmp_path):
    with ThreadPoolExecutor(8) as pool:
        kept = list(pool.map(lambda i: save_audit(tmp_path, {"n": i}, max_audits=3)["audit_id"], range(40)))
    names = [p.name for p in (tmp_path / "audits").iterdir()]
    assert len(set(kept)) == 40 and len(names) == 3 and all(n[:-5] in kept for n in names)


def test_save_audit_refuses_a_bound_that_keeps_nothing(tmp_path):
    with pytest.raises(ValueError):
        save_audit(tmp_path, {}, max_audits=0)
    assert not (tmp_path / "audits").exists()
