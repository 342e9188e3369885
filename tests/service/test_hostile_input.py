"""Hostile and odd inputs: encodings, huge feeds, huge articles, very long lines."""

import json

import pytest
from fastapi.testclient import TestClient

from claimwatch.claims.feeds import parse_feed
from claimwatch.pipeline import extract_claims
from claimwatch.service.app import create_app
from claimwatch.service.config import Settings
from tests.conftest import EXAMPLES


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(Settings(data=tmp_path / "data", embedder="fake"))) as c:
        yield c


@pytest.mark.parametrize("encoding", ["gbk", "big5", "utf-16"])
def test_legacy_encodings_are_detected(encoding):
    text = (EXAMPLES / "h200_digest_zh.txt").read_text(encoding="utf-8")
    if encoding == "big5":
        text = "英偉達獲准向中國出口H200\n芯聞日報· 2025-12-09 07:10\n政策 - 美方拿走25%的收入 [1] - 新規則公佈 [2]\n"
    data = text.encode(encoding, errors="ignore")
    articles = parse_feed(data)
    assert articles and "H200" in articles[0].title


def test_a_hundred_thousand_tiny_articles_parse_and_segment():
    lines = [json.dumps({"source": f"S{i % 50}", "title": "t", "text": f"Item {i} costs {i} dollars."})
             for i in range(100_000)]
    articles = parse_feed("\n".join(lines))
    assert len(articles) == 100_000
    assert len(extract_claims(articles[:20_000])) == 20_000


@pytest.mark.slow
def test_a_five_megabyte_article_is_refused_by_default_and_handled_when_allowed(tmp_path):
    text = ("H200的带宽为4.8TB/s，配备141GB显存。" * 120_000)[:2_900_000]  # over 5 MB of UTF-8
    body = json.dumps([{"source": "A", "title": "big", "text": text}], ensure_ascii=False).encode()
    settings = Settings(data=tmp_path / "d", embedder="fake", max_body_bytes=8 * 2**20)
    with TestClient(create_app(settings)) as c:
        r = c.post("/v1/articles", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json()["code"] == "article-too-large"
    articles = parse_feed(body)
    assert len(articles[0].text.encode()) > 5_000_000 and len(extract_claims(articles)) > 50_000


def test_a_very_long_line_without_punctuation_is_one_claim(client):
    text = "数据" * 50_000
    r = client.post("/v1/audits", json=[{"source": "A", "title": "t", "text": text}])
    assert r.status_code == 200 and len(r.json()["claims"]) == 1
