"""The audit page in a real browser: Debian's chromium, driven headless by playwright, against the real server.

Needs ``/usr/bin/chromium`` (.ci/run installs it with apt) and the ``playwright`` package (test extra);
playwright's own browser downloads are never used. Leaves a screenshot in ``test-output/report.png``.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import ROOT
from tests.service.test_server import running_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run does it as root)"),
]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SHOT = ROOT / "test-output" / "report.png"

# Two English and two Chinese outlets; two give 4.8TB/s and two 4.5TB/s for the H200's bandwidth.
FEED = [
    {"source": "Alpha Daily", "title": "Nvidia cleared to ship H200", "published": "2025-12-09T01:00:00+00:00",
     "text": "Washington approved exports of the chip on Monday after months of lobbying. "
             "Nvidia's H200 carries 141GB of HBM3e memory with a bandwidth of 4.8TB/s."},
    {"source": "Beta News", "title": "What the H200 decision means", "published": "2025-12-09T02:00:00+00:00",
     "text": "Analysts expect Chinese cloud firms to place large orders next quarter. "
             "The H200 comes with 141GB of HBM3e memory and 4.5TB/s of bandwidth."},
    {"source": "芯闻日报", "title": "H200获准出口", "published": "2025-12-09T03:00:00+08:00",
     "text": "美国商务部周一批准了出口许可。H200配备141GB HBM3e显存，带宽为4.8TB/s。"},
    {"source": "财经快讯", "title": "国内云厂商评估H200", "published": "2025-12-09T04:00:00+08:00",
     "text": "多家云厂商表示将评估采购计划。H200配备141GB显存，带宽为4.5TB/s。"},
]


def _expected_counts(report: dict) -> dict[str, int]:
    """The summary the page must show, counted here from the report's own lists."""
    conflicts, checks = report["conflicts"], report["internal_checks"]
    return {"articles": len(report["articles"]), "outlets": len({a["source"] for a in report["articles"]}),
            "claims": len(report["claims"]),
            "corroborated": sum(k["status"] == "corroborated" for k in report["clusters"]),
            "conflicts": sum(x["severity"] == "conflict" for x in conflicts),
            "explained": sum(x["severity"] == "explained_difference" for x in conflicts),
            "syndication": len(report["syndication"]),
            "checks-passed": sum(c["status"] == "passed" for c in checks),
            "checks-failed": sum(c["status"] == "failed" for c in checks)}


def _outlets_of(report: dict) -> dict[str, set[str]]:
    source = {a["id"]: a["source"] for a in report["articles"]}
    article = {c["id"]: c["article_id"] for c in report["claims"]}
    return {x["id"]: {source[article[c]] for c in x["claim_ids"]} for x in report["conflicts"]}


def _visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(".conflict, .explained",
                                         "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.id)"))


def _card_id(x: dict) -> str:
    return ("conflict-" if x["severity"] == "conflict" else "explained-") + x["id"]


@pytest.fixture
def audited(tmp_path):
    """A running server (fake embedder) and the report of FEED it kept."""
    with running_server(tmp_path / "store", "fake") as client:
        r = client.post("/v1/audits", content=json.dumps(FEED, ensure_ascii=False).encode(),
                        headers={"content-type": "application/json"})
        assert r.status_code == 200, r.text
        report = r.json()
        assert any(x["severity"] == "conflict" for x in report["conflicts"]), \
            f"the feed should produce a conflict (4.8TB/s against 4.5TB/s): {report['conflicts']}"
        yield str(client.base_url).rstrip("/"), report


def test_report_page_in_chromium(audited, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    base, report = audited
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            requested: list[str] = []
            page.on("request", lambda req: requested.append(req.url))
            response = page.goto(f"{base}/audits/{report['audit_id']}")
            assert response.status == 200 and response.headers["content-type"].startswith("text/html")
            _check_content(page, report)
            _check_filters(page, report)
            SHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOT), full_page=True)
            _check_phone_width(page, report)
            assert requested and all(u.startswith(base) for u in requested), requested  # loads nothing else
        finally:
            context.close()
    assert SHOT.stat().st_size > 10_000


def _check_content(page, report: dict) -> None:
    counts = _expected_counts(report)
    shown = {k: int(page.inner_text(f'[data-stat="{k}"] .num')) for k in counts}
    assert shown == counts
    conflicts = [x for x in report["conflicts"] if x["severity"] == "conflict"]
    assert page.locator(".conflict").count() == len(conflicts)
    assert page.locator(".explained").count() == counts["explained"]
    for x in report["conflicts"]:
        cards = page.locator(f"#{_card_id(x)} .card")
        assert cards.count() == 2
        for i, value in enumerate(x["values"]):
            marks = cards.nth(i).locator("mark.value").all_inner_texts()
            assert marks and all(m == value for m in marks), (x["id"], i, marks, value)
    link = page.locator(".conflict .claim-link").first
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(f"#articles ~ article.src li{target}").count() == 1
    claim_text = page.inner_text(f"li{target}")
    assert claim_text.startswith(link.inner_text().strip()[:10])
    assert "带宽为" in page.content()  # CJK text arrives intact


def _check_filters(page, report: dict) -> None:
    outlets_of = _outlets_of(report)
    all_cards = {_card_id(x) for x in report["conflicts"]}
    assert _visible_ids(page) == all_cards
    for outlet in sorted(set().union(*outlets_of.values())):
        page.select_option("#filter-outlet", outlet)
        assert _visible_ids(page) == {_card_id(x) for x in report["conflicts"] if outlet in outlets_of[x["id"]]}
    page.select_option("#filter-outlet", "")
    for kind in {x["kind"] for x in report["conflicts"]}:
        page.select_option("#filter-kind", kind)
        assert _visible_ids(page) == {_card_id(x) for x in report["conflicts"] if x["kind"] == kind}
    page.select_option("#filter-kind", "")
    assert _visible_ids(page) == all_cards


def _check_phone_width(page, report: dict) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    first = f"#{_card_id(report['conflicts'][0])} .card"
    wide = [page.locator(first).nth(i).bounding_box() for i in range(2)]
    assert wide[0]["y"] == wide[1]["y"]  # side by side on a wide screen
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    narrow = [page.locator(first).nth(i).bounding_box() for i in range(2)]
    assert narrow[1]["y"] >= narrow[0]["y"] + narrow[0]["height"]  # stacked on a phone
