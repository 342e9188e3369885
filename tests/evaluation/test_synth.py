"""The synthetic feed generator: deterministic, one claim per sentence, gold spans that locate claims."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimwatch.claims.feeds import parse_feed
from claimwatch.claims.quantities import extract_quantities
from claimwatch.evaluation.gold import SpanLocator
from claimwatch.evaluation.synth import SynthFeed, generate_feed, write_jsonl
from claimwatch.pipeline import extract_claims

N = 2000


@pytest.fixture(scope="module")
def feed() -> SynthFeed:
    return generate_feed(N, seed=7)


@pytest.fixture(scope="module")
def claims(feed):
    return extract_claims(feed.articles)


@pytest.fixture(scope="module")
def locator(feed, claims) -> SpanLocator:
    report = {"articles": [{"id": a.id} for a in feed.articles],
              "claims": [{"id": c.id, "article_id": c.article_id, "start": c.start, "end": c.end} for c in claims]}
    return SpanLocator(report, [a.text for a in feed.articles])


def _members(gold: dict) -> list[dict]:
    out = [m for c in gold["clusters"] for m in c["members"]]
    for key in ("conflicts", "explained_differences"):
        out += [item[side] for item in gold[key] for side in ("a", "b")]
    return out + [h["member"] for h in gold["hedged"]]


def _when(published: str) -> datetime:
    return datetime.fromisoformat(published.replace("Z", "+00:00"))


def test_same_seed_same_feed_and_different_seed_different_feed(feed):
    again = generate_feed(N, seed=7)
    assert [(a.id, a.source, a.title, a.published, a.text) for a in again.articles] == \
           [(a.id, a.source, a.title, a.published, a.text) for a in feed.articles]
    assert again.gold == feed.gold
    other = generate_feed(N, seed=8)
    assert [a.text for a in other.articles] != [a.text for a in feed.articles]
    assert other.gold["clusters"] != feed.gold["clusters"]


def test_every_gold_case_is_present(feed):
    gold = feed.gold
    for key in ("clusters", "conflicts", "explained_differences", "syndication", "hedged"):
        assert gold[key], key
    assert {x["reason"] for x in gold["explained_differences"]} == {"different_subject", "different_time"}
    assert [g["index"] for g in gold["articles"]] == list(range(len(feed.articles)))
    assert [g["source"] for g in gold["articles"]] == [a.source for a in feed.articles]
    assert len({a.id for a in feed.articles}) == len(feed.articles)
    assert all(c["id"].startswith("f") for c in gold["clusters"])
    assert len({c["id"] for c in gold["clusters"]}) == len(gold["clusters"])
    # facts are corroborated across outlets, and some across languages
    lang = {g["index"]: g["language"] for g in gold["articles"]}
    assert sum(len({lang[m["article"]] for m in c["members"]}) == 2 for c in gold["clusters"]) > 50


def test_gold_spans_are_substrings_of_their_articles(feed):
    texts = [a.text for a in feed.articles]
    for member in _members(feed.gold):
        assert member["span"] in texts[member["article"]], member


def test_claim_count_is_close_to_requested(claims):
    assert abs(len(claims) - N) <= 0.15 * N


def test_each_gold_span_maps_to_its_own_claim(feed, claims, locator):
    by_id = {c.id: c for c in claims}
    spans: dict[str, str] = {}
    for member in _members(feed.gold):
        cid = locator.claim_of(member)
        assert cid is not None, member
        # the claim is exactly that sentence: no claim carries two fact sentences
        assert by_id[cid].text.rstrip("。.") == member["span"]
        assert spans.setdefault(cid, member["span"]) == member["span"]
    cluster_claims = [locator.claim_of(m) for c in feed.gold["clusters"] for m in c["members"]]
    assert len(cluster_claims) == len(set(cluster_claims))  # each claim states one fact


def test_conflicts_and_explained_differences(feed, locator):
    source = [a.source for a in feed.articles]
    for item in feed.gold["conflicts"]:
        assert source[item["a"]["article"]] != source[item["b"]["article"]]
        assert item["values"][0] != item["values"][1]
        assert locator.claim_of(item["a"]) != locator.claim_of(item["b"])
    cluster_of = {(m["article"], m["span"]): c["id"] for c in feed.gold["clusters"] for m in c["members"]}
    for item in feed.gold["conflicts"]:  # one fact, two values at least 15 % apart
        assert cluster_of[(item["a"]["article"], item["a"]["span"])] == cluster_of[(item["b"]["article"], item["b"]["span"])]
        qa, qb = (extract_quantities(v) for v in item["values"])
        if qa and qb and qa[0].kind != "date":
            assert abs(qa[0].value - qb[0].value) >= 0.15 * max(qa[0].value, qb[0].value) * 0.999
    for item in feed.gold["explained_differences"]:  # two facts
        assert cluster_of[(item["a"]["article"], item["a"]["span"])] != cluster_of[(item["b"]["article"], item["b"]["span"])]


def test_syndication_origin_is_earlier_and_by_another_outlet(feed):
    for item in feed.gold["syndication"]:
        origin, copy = item["origin"], next(i for i in item["articles"] if i != item["origin"])
        a, b = feed.articles[origin], feed.articles[copy]
        assert a.source != b.source
        assert _when(a.published) < _when(b.published)
        assert len(a.text) == pytest.approx(len(b.text), rel=0.2)


def test_copies_join_the_clusters_of_their_origin(feed):
    member_of = {}
    for c in feed.gold["clusters"]:
        for m in c["members"]:
            member_of.setdefault(m["article"], set()).add(c["id"])
    for item in feed.gold["syndication"]:
        origin, copy = item["origin"], next(i for i in item["articles"] if i != item["origin"])
        assert member_of.get(origin) == member_of.get(copy)


def test_both_languages_and_published_times(feed):
    assert {a.language for a in feed.articles} == {"zh", "en"}
    for a in feed.articles:
        assert a.published.endswith("+08:00") if a.language == "zh" else a.published.endswith("Z")
        _when(a.published)


def test_write_jsonl_parses_back(feed, tmp_path):
    path = tmp_path / "synth.jsonl"
    write_jsonl(feed, path)
    parsed = parse_feed(path.read_bytes())
    assert len(parsed) == len(feed.articles)
    assert [(a.id, a.source, a.title, a.text) for a in parsed] == [(a.id, a.source, a.title, a.text) for a in feed.articles]


def test_one_language_and_small_feeds():
    en = generate_feed(300, n_outlets=3, seed=1, languages=("en",))
    assert {a.language for a in en.articles} == {"en"}
    tiny = generate_feed(10, n_outlets=1, seed=2)
    assert tiny.articles and not tiny.gold["syndication"] and not tiny.gold["conflicts"]
    with pytest.raises(ValueError):
        generate_feed(100, languages=("fr",))


def test_twenty_thousand_claims():
    big = generate_feed(20_000, seed=3)
    sentences = sum(a.text.count("。") if a.language == "zh" else a.text.count(". ") + a.text.count(".\n") + 1
                    for a in big.articles)
    assert sentences == len(big.articles) * 8 and abs(sentences - 20_000) <= 2_000
    assert len(big.gold["clusters"]) > 4_000 and big.gold["conflicts"] and big.gold["syndication"]
