import json

import pytest

from claimwatch.claims import subjects
from claimwatch.claims.subjects import distinguishing, find_subjects, subject_mentions


@pytest.mark.parametrize("text, expected", [
    pytest.param("英伟达获准向中国出口H200", {"org:nvidia", "place:china", "product:H200"}, id="zh-org-product"),
    pytest.param("Nvidia may ship the H200 to China", {"org:nvidia", "place:china", "product:H200"}, id="en-same"),
    pytest.param("黄仁勋表示", {"person:jensen-huang"}, id="zh-person"),
    pytest.param("该片北美首周末票房约270万美元", {"place:north-america"}, id="zh-region"),
    pytest.param("It made $7.2 million in its North American opening weekend", {"place:north-america"}, id="en-region"),
    pytest.param("Jensen Huang said", {"person:jensen-huang"}, id="en-person"),
    pytest.param("美国商务部调查超微", {"org:us-commerce", "org:supermicro"}, id="longest-name-wins"),
    pytest.param("The mayor of Intelligence Park spoke", set(), id="no-partial-words"),
    pytest.param("Analysts told us the chips are scarce", set(), id="pronoun-us-is-not-the-US"),
])
def test_find_subjects_normalises_across_languages(text, expected):
    assert find_subjects(text) == expected


def test_framing_places_do_not_distinguish():
    assert distinguishing(find_subjects("英伟达在中国的份额")) == {"org:nvidia"}


def test_users_extend_the_alias_table(tmp_path, monkeypatch):
    extra = tmp_path / "aliases.json"
    extra.write_text(json.dumps({"org:acme": ["艾克米", "Acme Chips"]}), encoding="utf-8")
    monkeypatch.setenv("CLAIMWATCH_ALIASES", str(extra))
    subjects._aliases.cache_clear()
    subjects.find_subjects.cache_clear()
    try:
        assert find_subjects("艾克米发布新品") == find_subjects("Acme Chips launched") == {"org:acme"}
    finally:
        monkeypatch.delenv("CLAIMWATCH_ALIASES")
        subjects._aliases.cache_clear()
        subjects.find_subjects.cache_clear()


def test_one_digit_model_codes_are_products_but_periods_and_standards_are_not():
    from claimwatch.claims.subjects import find_subjects
    assert find_subjects("DeepSeek-V3 and R1 were released") >= {"product:V3", "product:R1"}
    assert not {s for s in find_subjects("Q3 revenue and H1 sales on HBM3e and DDR5") if s.startswith("product:")}


def test_an_organisation_outside_the_alias_table_is_named_by_its_suffix():
    from claimwatch.claims.subjects import subject_mentions

    assert {m.key for m in subject_mentions("去年华茂集团在港上市，江城银行与海港证券参与")} == {
        "org:华茂集团", "org:江城银行", "org:海港证券"}
    assert subject_mentions("量化基金与股份有限公司") == ()  # generic words are no name
    assert [m.key for m in subject_mentions("英伟达集团")] == ["org:nvidia"]  # a known name keeps its key


@pytest.mark.parametrize("text", ["本季度集团收入为2365.03亿元人民币", "今年公司净利润增长", "当季集团营收创新高"])
def test_a_time_before_the_suffix_names_no_organisation(text):
    assert not {s for s in find_subjects(text) if s.startswith("org:")}


@pytest.mark.parametrize("zh, en", [("比亚迪", "BYD"), ("宁德时代", "CATL"), ("中国石化", "Sinopec")])
def test_well_known_companies_are_one_subject_in_both_languages(zh, en):
    assert find_subjects(f"{zh}营收增长") == find_subjects(f"{en} revenue grew") != frozenset()


def test_places_outside_the_alias_table_are_named_by_their_suffix_when_it_ends_a_word():
    from claimwatch.claims.subjects import subject_mentions

    keys = [m.key for m in subject_mentions("台风在海南省文昌市翁田镇沿海登陆，富寿省峰州桥垮塌")]
    assert {"place:hainan", "place:文昌", "place:富寿"} <= set(keys)
    assert not any(k.startswith("place:") for k in find_subjects("华茂集团在港上市，城市与市场"))  # 上市, 城市, 市场 name no place
    assert "place:quang-ninh" in find_subjects("It came ashore in Quang Ninh province")


@pytest.mark.parametrize(("text", "keys"), [
    ("The top iPhone 16 Pro Max starts at 9,999 yuan in China", ["product:iphone-16-pro-max"]),
    ("Mate XT 19999元的起售价约为国行iPhone 16（5999元）的3.3倍", ["product:mate-xt", "product:iphone-16"]),
    ("Samsung sells the Galaxy Z Fold6 for 13,999 yuan", ["org:samsung", "product:galaxy-z-fold6"]),
])
def test_a_product_is_named_by_its_line_and_model(text, keys):
    assert [m.key for m in subject_mentions(text) if not m.key.startswith("place:")] == keys


def test_a_product_line_belongs_to_its_maker_and_no_other_company():
    from claimwatch.claims.consistency import same_subject

    assert same_subject("org:huawei", "product:mate-xt")
    assert not same_subject("org:huawei", "product:iphone-16")
    assert not same_subject("product:iphone-16", "product:iphone-16-pro-max")  # two phones


def test_a_model_number_is_no_count_and_a_headline_is_about_its_first_uncompared_product():
    from claimwatch.claims.slots import _title_subject
    from claimwatch.pipeline import query_claim

    assert [q.text for q in query_claim("国行iPhone 16起售价为5999元").quantities] == ["5999元"]
    assert _title_subject("Huawei unveils tri-fold phone hours after Apple's iPhone 16 launch") == "org:huawei"
    assert _title_subject("华为发布三折叠屏手机Mate XT 售价19999元起") == "product:mate-xt"


def test_cal_fire_is_an_agency_not_a_fire():
    from claimwatch.claims.subjects import subject_mentions
    keys = {m.key for m in subject_mentions("Cal Fire inspectors counted 2,130 homes destroyed in the Mesa Fire.")}
    assert "event:fire-mesa" in keys and "event:fire-cal" not in keys


def test_forgetting_what_was_learned_leaves_only_the_tables():
    from claimwatch.claims import places, subjects
    saved_names = dict(subjects._LEARNED)
    saved_regions = {k: sorted(v) for k, v in places._REGIONS.items()}
    try:
        subjects.learn_names({"泽恩特里克斯": "org:zentrix"})
        places.learn_regions({"locality:qingshi": ["region:hainan"]})
        assert subjects.key_of("泽恩特里克斯") == "org:zentrix" and places.learned_regions() >= 1
        subjects.forget_learned()
        assert subjects.key_of("泽恩特里克斯") is None and places.learned_regions() == 0
        assert "org:zentrix" not in subjects.find_subjects("泽恩特里克斯发布了新品")
        assert subjects.key_of("英伟达") == "org:nvidia"  # the alias table stays
    finally:
        subjects.learn_names(saved_names)
        places.learn_regions(saved_regions)
