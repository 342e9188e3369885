"""Exports: claims as JSON Lines, conflicts as CSV, a verify answer as schema.org ClaimReview,
and the Accept negotiation of POST /v1/verify (JSON or JSON-LD) over the in-process app."""

import csv
import io
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from claimwatch.claims.feeds import parse_feed
from claimwatch.index.embedders import create_embedder
from claimwatch.pipeline import audit_articles
from claimwatch.service.app import create_app
from claimwatch.service.config import Settings
from claimwatch.service.exports import (
    CONFLICT_COLUMNS, EXTENSION_KEY, VERDICT_RATINGS, claim_review, claims_jsonl, conflicts_csv,
)
from claimwatch.service.routes.verify import wants_json_ld
from tests.conftest import EXAMPLES

DIGEST = (EXAMPLES / "h200_digest_zh.txt").read_bytes()
TRICKY = [
    '英伟达称，"H200" 的带宽为4.8TB/s, 而非4.5TB/s',
    "第一行\n第二行，带逗号, and \"quotes\"\r\nthird line",
    "a line\u2028separator and a NEL\x85 inside",
]


@pytest.fixture(scope="module")
def report():
    return audit_articles(parse_feed(DIGEST), create_embedder("fake"))


def _tricky_report() -> dict:
    """A hand-made report whose claims carry Chinese, commas, quotes, newlines and line separators."""
    articles = [{"id": f"a{n}", "source": f"媒体{n}, Inc.", "title": "t", "published": f"2025-12-0{n + 1}T08:00",
                 "language": "zh"} for n in range(3)]
    claims = [{"id": f"a{n}:0", "article_id": f"a{n}", "text": text, "quantities": [], "hedged": False,
               "cluster_id": "k1" if n < 2 else None} for n, text in enumerate(TRICKY)]
    conflicts = [
        {"id": "x1", "claim_ids": ["a0:0", "a1:0"], "attribute": "measure (TB/s)", "values": ["4.8TB/s", "4,5 TB/s"],
         "normalised": [[4.8, 4.8], [4.5, None]], "severity": "conflict", "kind": "value_mismatch",
         "explanation": 'one says "4.8", the other, 4.5;\nthey cannot both hold'},
        {"id": "x2", "claim_ids": ["a1:0", "a2:0"], "attribute": "percent", "values": ["15%", "25%"],
         "normalised": [[15.0, 15.0], [25.0, 25.0]], "severity": "explained_difference", "kind": "different_time",
         "explanation": "不同时间"},
    ]
    return {"articles": articles, "claims": claims, "clusters": [], "conflicts": conflicts, "syndication": [],
            "internal_checks": [], "stats": {}}


# ------------------------------------------------------------------ JSON Lines


def test_claims_jsonl_one_object_per_line_with_article_fields(report):
    text = claims_jsonl(report)
    lines = text.splitlines()
    assert len(lines) == len(report["claims"]) and text.endswith("\n")
    articles = {a["id"]: a for a in report["articles"]}
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == [c["id"] for c in report["claims"]]
    for row, claim in zip(rows, report["claims"]):
        article = articles[claim["article_id"]]
        assert row["source"] == article["source"] and row["published"] == article["published"]
        assert row["cluster_id"] == claim["cluster_id"] and row["text"] == claim["text"]
    assert any(r["cluster_id"] for r in rows)
    assert report["claims"][0]["text"] in text  # CJK written as is (ensure_ascii=False)


def test_claims_jsonl_survives_line_separators_in_claims():
    report = _tricky_report()
    text = claims_jsonl(report)
    assert "英伟达" in text  # ensure_ascii=False
    lines = text.splitlines()  # splits on \u2028 and \x85 too: they must be escaped
    assert len(lines) == len(TRICKY)
    assert [json.loads(line)["text"] for line in lines] == TRICKY


# ------------------------------------------------------------------ CSV


def test_conflicts_csv_round_trips_tricky_text():
    report = _tricky_report()
    rows = list(csv.DictReader(io.StringIO(conflicts_csv(report), newline="")))
    assert len(rows) == 2 and tuple(rows[0]) == CONFLICT_COLUMNS
    first, second = rows
    assert first["text_a"] == TRICKY[0] and first["text_b"] == TRICKY[1] and second["text_b"] == TRICKY[2]
    assert first["value_b"] == "4,5 TB/s" and first["explanation"] == report["conflicts"][0]["explanation"]
    assert first["outlet_a"] == "媒体0, Inc." and first["published_b"] == "2025-12-02T08:00"
    assert json.loads(first["normalised_b"]) == [4.5, None]
    assert (first["claim_a"], first["claim_b"]) == ("a0:0", "a1:0")
    assert [r["severity"] for r in rows] == ["conflict", "explained_difference"]
    assert second["kind"] == "different_time"


def test_conflicts_csv_of_a_real_audit(report):
    rows = list(csv.DictReader(io.StringIO(conflicts_csv(report), newline="")))
    assert len(rows) == len(report["conflicts"])
    claims = {c["id"]: c for c in report["claims"]}
    for row, x in zip(rows, report["conflicts"]):
        assert row["id"] == x["id"] and row["severity"] == x["severity"]
        assert [row["value_a"], row["value_b"]] == x["values"]
        assert row["text_a"] == claims[x["claim_ids"][0]]["text"]


def test_conflicts_csv_without_conflicts_is_only_the_header():
    report = {**_tricky_report(), "conflicts": []}
    assert conflicts_csv(report).strip() == ",".join(CONFLICT_COLUMNS)


# ------------------------------------------------------------------ ClaimReview


def _evidence(claim_id, source, relation, published, cluster="k1", score=0.9):
    return {"claim_id": claim_id, "text": f"{source} text", "source": source, "published": published,
            "title": "headline", "url": None, "relation": relation, "score": score, "note": "n",
            "cluster_id": cluster}


def _answer(verdict="supported"):
    return {"claim": "美国将抽取25%", "verdict": verdict, "confidence": 0.8, "explanation": "why", "quantities": [],
            "evidence": [
                _evidence("b:1", "Copy Daily", "supports", "2025-12-09T03:00"),
                _evidence("a:1", "Origin Times", "supports", "2025-12-09T01:00"),
                _evidence("c:2", "Third Post", "supports", None),
                _evidence("d:0", "Dissent", "refutes", "2025-12-08T00:00", cluster="k2"),
                _evidence("e:4", "Aside", "related", "2025-12-07T00:00", cluster=None),
            ]}


def test_claim_review_structure():
    review = claim_review(_answer(), today=date(2026, 1, 2))
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "美国将抽取25%" and review["datePublished"] == "2026-01-02"
    assert review["author"] == {"@type": "Organization", "name": "claimwatch"}
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"] == "True"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    # only supporting evidence is an appearance of the claim
    assert [a["identifier"] for a in claim["appearance"]] == ["b:1", "a:1", "c:2"]
    first = claim["appearance"][0]
    assert first["@type"] == "CreativeWork" and first["publisher"] == {"@type": "Organization", "name": "Copy Daily"}
    assert first["datePublished"] == "2025-12-09T03:00" and first["text"] == "Copy Daily text" and "url" not in first
    assert claim["firstAppearance"]["identifier"] == "a:1"  # the earliest dated one
    analysis = review[EXTENSION_KEY]
    assert analysis["verdict"] == "supported" and analysis["confidence"] == 0.8
    assert analysis["cluster_ids"] == ["k1", "k2"]
    assert [e["claim_id"] for e in analysis["refuting_evidence"]] == ["d:0"]
    assert [e["claim_id"] for e in analysis["related_evidence"]] == ["e:4"]
    assert analysis["independent_sources"] == {"supporting": 3, "refuting": 1}
    json.dumps(review, allow_nan=False)


def test_claim_review_counts_a_syndicated_copy_once():
    review = claim_review(_answer(), origin_source={"b": "Origin Times"})
    analysis = review[EXTENSION_KEY]
    assert analysis["independent_sources"]["supporting"] == 2
    assert analysis["supporting_outlets"] == ["Origin Times", "Third Post"]


@pytest.mark.parametrize("verdict", sorted(VERDICT_RATINGS))
def test_every_verdict_maps_to_a_rating(verdict):
    rating = claim_review(_answer(verdict))["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == VERDICT_RATINGS[verdict]


def test_verdict_words_follow_the_truth_scale():
    value = {v: VERDICT_RATINGS[v][0] for v in VERDICT_RATINGS}
    assert value["refuted"] < value["conflicting"] < value["supported"]
    assert len({words for _, words in VERDICT_RATINGS.values()}) == len(VERDICT_RATINGS)


def test_claim_review_without_supporting_evidence_has_no_first_appearance():
    answer = {**_answer("refuted"), "evidence": [_evidence("d:0", "Dissent", "refutes", "2025-12-08")]}
    claim = claim_review(answer)["itemReviewed"]
    assert claim["appearance"] == [] and "firstAppearance" not in claim


# ------------------------------------------------------------------ HTTP: Accept negotiation


@pytest.mark.parametrize("accept, expected", [
    (None, False), ("*/*", False), ("application/json", False), ("application/ld+json", True),
    ("application/ld+json, */*;q=0.1", True), ("application/ld+json, */*", True),
    ("application/json, application/ld+json", False), ("application/ld+json;q=0.5, application/json", False),
    ("application/json;q=0.2, application/ld+json", True), ("application/ld+json;q=0", False),
    ("Application/LD+JSON", True), ("application/ld+json;q=oops, application/json;q=0.1", False),
])
def test_wants_json_ld(accept, expected):
    assert wants_json_ld(accept) is expected


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data = tmp_path_factory.mktemp("exports") / "data"
    with TestClient(create_app(Settings(data=data, embedder="fake"))) as c:
        assert c.post("/v1/articles", content=DIGEST, headers={"content-type": "text/plain"}).status_code == 201
        yield c


CLAIM = "H200配备141GB显存，带宽为4.5TB/s"


def test_verify_answers_claim_review_for_json_ld(client):
    plain = client.post("/v1/verify", json={"claim": CLAIM})
    assert plain.headers["content-type"].startswith("application/json") and "accept" in plain.headers["vary"].lower()
    r = client.post("/v1/verify", json={"claim": CLAIM}, headers={"accept": "application/ld+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/ld+json") and "accept" in r.headers["vary"].lower()
    review = r.json()
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == CLAIM
    answer = plain.json()
    analysis = review[EXTENSION_KEY]
    assert analysis["verdict"] == answer["verdict"]
    assert review["reviewRating"]["alternateName"] == VERDICT_RATINGS[answer["verdict"]][1]
    supports = [e["claim_id"] for e in answer["evidence"] if e["relation"] == "supports"]
    assert [a["identifier"] for a in review["itemReviewed"]["appearance"]] == supports
    assert review["datePublished"] == date.today().isoformat()


def test_verify_prefers_json_when_both_are_named(client):
    r = client.post("/v1/verify", json={"claim": CLAIM}, headers={"accept": "application/json, application/ld+json"})
    assert r.headers["content-type"].startswith("application/json") and "verdict" in r.json()


def test_verify_errors_stay_problem_json_under_json_ld(client):
    r = client.post("/v1/verify", json={"claim": ""}, headers={"accept": "application/ld+json"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")


def test_openapi_documents_both_media_types(client):
    content = client.get("/openapi.json").json()["paths"]["/v1/verify"]["post"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("/VerifyResponse")
    assert "ClaimReview" in content["application/ld+json"]["schema"]["properties"]["@type"]["enum"]


def test_conflicts_csv_keeps_feed_text_from_being_read_as_a_formula():
    report = _tricky_report()
    report["claims"][0]["text"] = '=HYPERLINK("http://evil.example","click")'
    report["articles"][1]["source"] = "@outlet"
    report["conflicts"][0]["values"] = ["=1+1", "-5%"]
    rows = list(csv.DictReader(io.StringIO(conflicts_csv(report), newline="")))
    first = rows[0]
    assert first["text_a"] == "'" + report["claims"][0]["text"] and first["outlet_b"] == "'@outlet"
    assert first["value_a"] == "'=1+1" and first["value_b"] == "-5%"  # a negative figure stays a figure
