"""The HTML audit page (render_html and its view model): escaping, value marks, CJK, self-contained."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from claimwatch.pipeline import audit_articles
from claimwatch.service.html import anchor, build_view, format_range, render_html, segments, value_spans


def _quantity(text: str, claim_text: str, value: float, unit: str) -> dict:
    start = claim_text.index(text)
    return {"kind": "measure", "value": value, "unit": unit, "low": value, "high": value, "text": text,
            "start": start, "end": start + len(text)}


def _report(texts: dict[str, tuple[str, str, list[dict]]], conflicts: list[dict] | None = None, **extra) -> dict:
    """A small report: ``texts`` maps claim id to (outlet, text, quantities); one article per outlet."""
    outlets = sorted({o for o, _, _ in texts.values()})
    articles = [{"id": f"a{i}", "source": o, "title": f"title {o}", "published": "2025-12-09T01:00",
                 "language": "zh"} for i, o in enumerate(outlets)]
    art_of = {a["source"]: a["id"] for a in articles}
    claims = [{"id": cid, "article_id": art_of[o], "text": t, "quantities": q, "hedged": False, "language": "zh"}
              for cid, (o, t, q) in texts.items()]
    base = {"articles": articles, "claims": claims, "clusters": [], "conflicts": conflicts or [],
            "syndication": [], "internal_checks": []}
    return {**base, **extra}


def _conflict(a: str, b: str, va: str, vb: str, severity: str = "conflict", kind: str = "value_mismatch") -> dict:
    return {"id": "x1", "claim_ids": [a, b], "attribute": "measure (TB/s)", "values": [va, vb],
            "normalised": [[4.5, 4.5], [4.8, 4.8]], "severity": severity, "kind": kind, "explanation": "they differ"}


class _Collector(HTMLParser):
    """Collects marks (text), attributes of every tag, and ids."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[str] = []
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark" and ("class", "value") in attrs:
            self._in_mark = True
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def _parse(html: str) -> _Collector:
    c = _Collector()
    c.feed(html)
    return c


TB = "H200配备141GB显存，带宽为4.5TB/s"
TB2 = "H200带宽为4.8TB/s，显存141GB"


def test_conflict_values_are_marked_as_written():
    report = _report({"c:1": ("甲报", TB, [_quantity("141GB", TB, 141, "GB"), _quantity("4.5TB/s", TB, 4.5, "TB/s")]),
                      "c:2": ("乙报", TB2, [_quantity("4.8TB/s", TB2, 4.8, "TB/s")])},
                     [_conflict("c:1", "c:2", "4.5TB/s", "4.8TB/s")])
    page = _parse(render_html(report))
    assert page.marks == ["4.5TB/s", "4.8TB/s"]
    boxes = [a for t, a in page.tags if "conflict" in (a.get("class") or "").split()]
    assert len(boxes) == 1 and boxes[0]["data-kind"] == "value_mismatch"
    assert json.loads(boxes[0]["data-outlets"]) == ["乙报", "甲报"]


def test_value_without_a_quantity_span_is_found_in_the_text():
    assert value_spans("about 30 billion, not 30 million", [], "30 billion") == [(6, 16)]
    assert value_spans("no such value", [], "5%") == []
    parts = segments("ab25%cd", [(2, 5)])
    assert parts == [{"text": "ab", "mark": False}, {"text": "25%", "mark": True}, {"text": "cd", "mark": False}]
    assert "".join(p["text"] for p in segments("abcdef", [(1, 4), (2, 5)])) == "abcdef"


def test_claim_text_is_escaped():
    evil = '<script>alert("x")</script> 25%'
    report = _report({"c:1": ("A", evil, []), "c:2": ("B<img src=x>", "15%", [])},
                     [_conflict("c:1", "c:2", "25%", "15%")])
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x>" not in html
    assert html.count("<script>") == 1  # the page's own filter script only


def test_empty_report_renders():
    html = render_html(_report({}))
    assert "No conflicting values between outlets." in html
    page = _parse(html)
    assert not page.marks
    assert not any("conflict" in (a.get("class") or "").split() for _, a in page.tags)
    assert 'id="filter-kind"' not in html  # no filters without cards


def test_cjk_text_and_language_preserved():
    report = _report({"c:1": ("芯闻日报", "按照新规则，H200在华销售收入的四分之一要交给美国政府", [])})
    html = render_html(report)
    assert "按照新规则，H200在华销售收入的四分之一要交给美国政府" in html and "芯闻日报" in html
    assert '<html lang="zh">' in html and '<meta charset="utf-8">' in html
    assert "Noto Sans CJK SC" in html and "overflow-wrap:anywhere" in html
    assert 'name="viewport"' in html and "@media (max-width:700px)" in html


def test_page_is_self_contained_and_claim_links_resolve(fake_embedder):
    from claimwatch.claims.feeds import parse_feed
    from tests.conftest import EXAMPLES

    report = audit_articles(parse_feed((EXAMPLES / "h200_wire_en.jsonl").read_bytes(), None), fake_embedder)
    html = render_html(report)
    page = _parse(html)
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
        assert tag not in ("iframe", "object", "embed") and not (tag == "link" and attrs.get("rel") == "stylesheet")
    assert "@import" not in html and "url(" not in html
    ids = {a["id"] for _, a in page.tags if "id" in a}
    links = [a["href"][1:] for _, a in page.tags if (a.get("href") or "").startswith("#claim-")]
    assert links and set(links) <= ids
    assert {anchor(c["id"]) for c in report["claims"]} <= ids


def test_summary_counts_follow_the_report():
    report = _report({"c:1": ("A", TB, []), "c:2": ("B", TB2, []), "c:3": ("B", "x", [])},
                     [_conflict("c:1", "c:2", "4.5TB/s", "4.8TB/s"),
                      {**_conflict("c:1", "c:3", "4.5TB/s", "x", "explained_difference", "hedged"), "id": "x2"}],
                     internal_checks=[{"claim_ids": ["c:1"], "kind": "ratio", "status": "failed", "explanation": "1 ≠ 2"},
                                      {"claim_ids": ["c:2"], "kind": "ratio", "status": "passed", "explanation": "ok"}])
    counts = {s["key"]: s["value"] for s in build_view(report)["summary"]}
    assert counts == {"articles": 2, "outlets": 2, "claims": 3, "corroborated": 0, "conflicts": 1, "explained": 1,
                      "syndication": 0, "checks-passed": 1, "checks-failed": 1}
    view = build_view(report)
    assert [x["id"] for x in view["explained"]] == ["x2"] and view["kinds"] == [("hedged", "hedged"),
                                                                               ("value_mismatch", "value mismatch")]
    rows = {r["outlet"]: r for r in view["outlets"]}
    assert rows["B"]["claims"] == 2 and rows["B"]["conflicts"] == 1 and rows["A"]["explained"] == 1


def test_corroborated_fact_has_one_badge_per_independent_origin():
    report = _report({"o:1": ("Origin", "fact", []), "c:1": ("Copy", "fact", []), "i:1": ("Other", "fact", [])},
                     clusters=[{"id": "k1", "claim_ids": ["o:1", "c:1", "i:1"], "status": "corroborated",
                                "independent_sources": 2}])
    arts = {a["source"]: a["id"] for a in report["articles"]}
    report["syndication"] = [{"article_ids": [arts["Origin"], arts["Copy"]], "origin": arts["Origin"]}]
    fact = build_view(report)["facts"][0]
    assert [b["outlet"] for b in fact["badges"]] == ["Origin", "Other"]
    assert fact["badges"][0]["copies"][0]["outlet"] == "Copy"


@pytest.mark.parametrize("claim_id", ["a:1", "a-1", "a_1", "文章:1", "a b"])
def test_anchor_is_safe_and_injective(claim_id):
    ids = {anchor(x) for x in ["a:1", "a-1", "a_1", "文章:1", "a b"]}
    assert len(ids) == 5 and re.fullmatch(r"claim-[A-Za-z0-9_-]+", anchor(claim_id))


def test_normalised_ranges_read_well():
    assert format_range(4.8, 4.8, "TB/s") == "4.8 TB/s"
    assert format_range(6.0, None, "x") == "≥ 6 x"
    assert format_range(None, 2.0, "x") == "≤ 2 x"
    assert format_range(47.5e9, 52.5e9, "USD") == "47,500,000,000 – 52,500,000,000 USD"
    assert format_range(20231101, 20231101, "date") == "2023-11-01"
    assert format_range(None, None) == "unbounded"
