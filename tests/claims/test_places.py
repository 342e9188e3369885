"""Places and localities, one name in two scripts, and which place holds a locality (claims/places.py)."""

import pytest

from claimwatch.claims import places
from claimwatch.claims.consistency import Pair, build_clusters
from claimwatch.claims.models import Article
from claimwatch.claims.places import learn_regions, mine_regions, places_of
from claimwatch.claims.segment import segment_claims


@pytest.mark.parametrize("text, named", [
    ("台风在海南省东岭市登陆", {"place:china", "region:hainan", "locality:dongling"}),
    ("The storm came ashore in Dongling on Friday", {"locality:dongling"}),
    ("Rain in Dongling county topped 300 mm", {"locality:dongling"}),
    ("Rainfall in parts of Nan Qiao and Bai Sha topped 300 mm", {"locality:nanqiao", "locality:baisha"}),
    ("富寿省峰州桥垮塌", {"region:fushou"}),  # a province by its suffix is a region, listed or not
    ("Sales in March rose", set()),  # a month after "in" is no locality
    ("越南的降雨", {"place:vietnam"}),
    ("中国海南的降雨", {"place:china", "region:hainan"}),
])
def test_places_and_localities_a_text_names(text, named):
    assert places_of(text) == named


def test_a_locality_is_one_in_both_scripts():
    assert places_of("白沙县降雨量达286毫米") == places_of("Bai Sha county saw 286 mm of rain") == {"locality:baisha"}


def test_which_place_holds_a_locality_is_read_from_how_feeds_write_it():
    regions = mine_regions(["台风在海南省龙湾市西坪镇登陆。", "Qingshi town in Longwan collected 421 mm.",
                            "Rain fell in Longwan, Hainan.", "Rainfall in Nan Qiao and Bai Sha topped 300 mm."])
    assert regions["locality:longwan"] == ["region:hainan"]
    assert regions["locality:xiping"] == ["locality:longwan", "region:hainan"]  # held through Longwan
    assert regions["locality:qingshi"] == ["locality:longwan", "region:hainan"]
    assert mine_regions(["台风在越南南岭省沿海登陆"]) == {"region:nanling": ["place:vietnam"]}
    assert "locality:nanqiao" not in regions  # two localities of a list hold neither


def test_learned_regions_tell_a_locality_from_another_province():
    def clash(*texts):
        articles = [Article(id=f"a{n}", source=f"S{n}", title="", published="2024-09-07", text=t)
                    for n, t in enumerate(texts)]
        claims = [c for a in articles for c in segment_claims(a)]
        result = build_clusters(articles, claims, [Pair(0, 1, 0.9, 0.5, 0.9)], [], threshold=0.7)
        return [(c.severity, c.reason) for c in result.conflicts]

    wind_in_town = "台风于9月6日在青石镇沿海登陆，登陆时中心附近最大风速58米/秒。"
    wind_in_province = "台风于9月6日在广东省沿海登陆，登陆时中心附近最大风速45米/秒。"
    assert clash(wind_in_town, wind_in_province) == [("conflict", "value_mismatch")]  # where 青石 lies is unknown
    assert learn_regions(mine_regions(["台风在海南省青石镇登陆。"])) == 1
    assert clash(wind_in_town, wind_in_province) == [("explained_difference", "different_subject")]
    assert learn_regions(mine_regions(["台风在海南省青石镇登陆。"])) == 0  # nothing new: caches kept


def test_learning_regions_stops_at_its_bound(monkeypatch):
    monkeypatch.setattr(places, "MAX_REGIONS", len(places._REGIONS))
    assert learn_regions({"locality:nowhere": ["region:hainan"]}) == 0 and "locality:nowhere" not in places._REGIONS


def test_the_store_keeps_its_regions_for_its_next_opening(tmp_path, fake_embedder):
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import ingest_articles

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    text = "台风在海南省南岭市登陆，南岭市降雨量达300毫米。"
    ingest_articles(store, [Article(id="a", source="A", title="t", published="2024-09-07", text=text)], fake_embedder)
    store.close()
    places._REGIONS.pop("locality:nanling")  # as in a new process
    places.forget_places()
    assert places_of("Rain in Nanling town") == {"locality:nanling"}
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert again.regions() == {"locality:nanling": ["region:hainan"]}
    assert places_of("Rain in Nanling town") == {"locality:nanling", "region:hainan", "place:china"}
    again.close()


def test_a_learned_locality_named_bare_is_that_locality():
    from claimwatch.claims.places import forget_places, learn_regions, mine_regions, places_of
    try:
        learn_regions(mine_regions(["台风于9月6日在海南省琼山市沿海登陆。"]))
        assert "locality:qiongshan" in places_of("台风登陆琼山时中心最低气压为935百帕")
        assert "region:hainan" in places_of("Qiongshan was hit hardest.")
        assert "locality:qiongshan" not in places_of("中心最低气压为935百帕")
    finally:
        from claimwatch.claims import places
        places._REGIONS.pop("locality:qiongshan", None)
        forget_places()


def test_a_town_that_measured_a_figure_is_a_place_but_who_recorded_it_is_not():
    from claimwatch.claims.places import places_of

    assert places_of("Nearby Turís logged 771.8 mm over the day") == {"locality:turis"}
    assert places_of("In the hills, Chiva was drenched by 491 mm of rain") == {"locality:chiva"}
    assert places_of("Officials recorded 5 deaths") == frozenset()
