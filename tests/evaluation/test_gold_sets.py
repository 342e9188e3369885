"""Gold sets are well formed: every quoted span is in its article, every index and label is valid.

Runs for every set in ``GOLD_SETS`` whose feed is present; the sample set's feed lives in ../shared
and is skipped (with the reason) where that folder is absent. Fast: no model, no audit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from claimwatch.claims.feeds import parse_feed
from claimwatch.evaluation.gold import GOLD_SETS, GoldSet, load_gold
from tests.conftest import ROOT, SHARED

VERDICTS = {"supported", "refuted", "conflicting", "not_enough_evidence"}
REASONS = {"different_subject", "different_time", "hedged", "update"}
# The three older sets also use "different_scope" (same subject and time, a narrower or wider scope).
LEGACY_REASONS = REASONS | {"different_scope"}
KINDS = {"value_mismatch", "date_mismatch", "ratio_mismatch", "negation", "qualifier_mismatch"}
CHECK_STATUSES = {"passed", "failed"}
# The zh/en sets written to the full brief (four reasons only, every judgement planted).
MIXED_SETS = ("example_mixed", "heldout_quake", "dev_typhoon", "dev_quake", "dev_earnings", "dev_wildfire", "dev_fed",
              "dev_alibaba", "heldout_olympics", "dev_asiad", "dev_trade",
              "dev_shipments", "dev_merger", "heldout_crash",
              "dev_election", "dev_boxoffice", "dev_outage", "dev_lunar",
              "dev_alzheimer", "dev_strike", "dev_euro",
              "dev_bridge", "dev_hajj", "dev_wukong", "dev_evergrande", "dev_redsea", "dev_byd", "dev_svb", "dev_rally")


@pytest.fixture(params=sorted(GOLD_SETS))
def gold(request) -> tuple[GoldSet, list]:
    """One gold set and the parsed articles of its feed."""
    gs = load_gold(request.param, ROOT, SHARED)
    if not gs.feed_path.exists():
        pytest.skip(f"{gs.name}: its feed {gs.feed_path} is absent (../shared is not beside this checkout)")
    return gs, parse_feed(gs.feed_path.read_bytes())


def members(data: dict) -> Iterator[tuple[str, dict]]:
    """Every (section, {"article", "span"}) quoted anywhere in a gold set."""
    for c in data.get("clusters", []):
        for m in c["members"]:
            yield f"cluster {c['id']}", m
    for section in ("conflicts", "explained_differences", "agreements_with_qualifiers"):
        for item in data.get(section, []):
            yield section, item["a"]
            yield section, item["b"]
    for section in ("internal_checks", "hedged"):
        for item in data.get(section, []):
            yield section, item["member"]
    for item in data.get("verify", []):
        for m in item.get("evidence", []):
            yield f"verify {item['claim']!r}", m


def test_every_span_is_an_exact_substring_of_its_article(gold):
    gs, articles = gold
    bad = []
    for where, m in members(gs.data):
        index = m["article"]
        if not (isinstance(index, int) and 0 <= index < len(articles)):
            bad.append(f"{where}: article {index} out of range (feed has {len(articles)})")
        elif not m["span"] or m["span"] not in articles[index].text:
            bad.append(f"{where}: span not in article {index}: {m['span']!r}")
    assert not bad, "\n".join(bad)


def test_article_list_matches_the_feed(gold):
    gs, articles = gold
    listed = gs.data["articles"]
    assert [a["index"] for a in listed] == list(range(len(articles)))
    for a in listed:
        assert (a["source"], a["title"]) == (articles[a["index"]].source, articles[a["index"]].title), a


def test_syndication_indices_are_in_range(gold):
    gs, articles = gold
    for s in gs.data.get("syndication", []):
        assert len(set(s["articles"])) >= 2 and s["origin"] in s["articles"], s
        assert all(0 <= i < len(articles) for i in s["articles"]), s


def test_labels_are_valid(gold):
    gs, _ = gold
    data = gs.data
    reasons = REASONS if gs.name in (*MIXED_SETS, "dev_catl_zh") else LEGACY_REASONS  # dev_catl_zh: zh only, new reasons
    assert {v["expected"] for v in data.get("verify", [])} <= VERDICTS
    assert {v["language"] for v in data.get("verify", [])} <= {"zh", "en"}
    assert {x["reason"] for x in data.get("explained_differences", [])} <= reasons
    assert {c["kind"] for c in data.get("conflicts", []) if "kind" in c} <= KINDS
    assert {x["status"] for x in data.get("internal_checks", [])} <= CHECK_STATUSES
    for v in data.get("verify", []):
        if v["expected"] != "not_enough_evidence":
            assert v["evidence"], f"{v['claim']!r} is {v['expected']} without evidence"


def test_conflicts_are_between_different_outlets(gold):
    gs, articles = gold
    for c in gs.data.get("conflicts", []):
        a, b = articles[c["a"]["article"]], articles[c["b"]["article"]]
        assert a.source != b.source, f"conflict inside one outlet ({a.source}): {c['values']}"


@pytest.mark.parametrize("name", MIXED_SETS)
def test_mixed_set_exercises_every_judgement(name):
    """Each mixed zh/en set keeps what it was written for: several conflict kinds, both languages."""
    gs = load_gold(name, ROOT, SHARED)
    data, articles = gs.data, parse_feed(gs.feed_path.read_bytes())
    assert Counter(a.language for a in articles).keys() == {"zh", "en"}
    assert len(data["conflicts"]) >= 8 and {c["kind"] for c in data["conflicts"]} == KINDS
    assert len(data["explained_differences"]) >= 8
    assert {x["reason"] for x in data["explained_differences"]} == REASONS
    assert sum(x["status"] == "failed" for x in data["internal_checks"]) >= 2
    assert any(x["status"] == "passed" for x in data["internal_checks"])
    assert data["syndication"] and data["hedged"]
    verdicts = Counter(v["expected"] for v in data["verify"])
    assert 40 <= len(data["verify"]) <= 50 and all(verdicts[v] >= 8 for v in VERDICTS), verdicts
    # cross-lingual: a claim whose evidence is entirely in the other language
    across = [v for v in data["verify"]
              if v["evidence"] and all(articles[e["article"]].language != v["language"] for e in v["evidence"])]
    assert len(across) >= len(data["verify"]) // 4


def test_no_test_set_is_calibrated_on():
    from claimwatch.evaluation.calibrate import DEV_SETS
    from claimwatch.evaluation.gold import DEVELOPMENT_SETS, TEST_SETS

    assert {"sample_zh", "heldout_zh", "heldout_crash"} <= TEST_SETS
    assert not set(DEVELOPMENT_SETS) & TEST_SETS and set(DEV_SETS) <= set(DEVELOPMENT_SETS)
    assert set(DEVELOPMENT_SETS) | TEST_SETS == set(GOLD_SETS)
