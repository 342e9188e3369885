"""Names a feed translates itself are learned: one subject across languages, kept by the store."""

from claimwatch.claims.name_pairs import mine_names
from claimwatch.claims.subjects import find_subjects, learn_names

ZH = ["全球电池龙头晨曦能源（Dawnlight）今日在港上市，晨曦能源发行价为每股80港元。",
      "晨曦能源董事长林海川（Haichuan Lin）表示，公司将向匈牙利塞格德（Szeged）工厂投入资金。",
      "林海川称塞格德工厂明年投产。"]
EN = ["The Regional Water Authority (RWA) said on Monday that 40% of wells were dry.",
      "RWA officials later raised the figure."]


def test_a_chinese_name_and_its_bracketed_latin_form_are_one_pair():
    names = mine_names(ZH)
    assert names["晨曦能源"] == names["Dawnlight"]
    assert names["塞格德"] == names["Szeged"] != names["Dawnlight"]
    assert names["林海川"] == names["Haichuan Lin"] and names["林海川"].startswith("person:")
    assert not any(n.startswith(("董事长", "向", "匈牙利")) for n in names)  # titles and prepositions left out


def test_capitalised_words_and_their_initials_are_one_pair():
    names = mine_names(EN)
    assert names["Regional Water Authority"] == names["RWA"]
    assert mine_names(["The figure (about US$5 million) was revised (Reuters)."]) == {}


def test_a_name_the_alias_table_knows_lends_its_key():
    names = mine_names(["辉达（Nvidia）的股价下跌。"])
    assert names.get("辉达", "org:nvidia") == "org:nvidia" and names.get("Nvidia", "org:nvidia") == "org:nvidia"


def test_learned_names_make_one_subject_across_languages():
    text_zh, text_en = "黎明储能发布了新电池", "Lumenstore launched a new battery"
    before = find_subjects(text_zh) | find_subjects(text_en)
    assert learn_names(mine_names(["储能企业黎明储能（Lumenstore）宣布扩产，黎明储能称"])) >= 1
    assert find_subjects(text_zh) == find_subjects(text_en) == {"org:lumenstore"} != before


def test_the_store_keeps_learned_names_for_its_next_opening(tmp_path, fake_embedder):
    from claimwatch.claims import subjects
    from claimwatch.claims.models import Article
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import ingest_articles

    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    text = "远航电池（Voyacell）今年营收增长20%。远航电池的利润也在增长。"
    ingest_articles(store, [Article(id="a", source="A", title="t", published="2025-01-02", text=text)], fake_embedder)
    store.close()
    subjects._LEARNED.pop("远航电池")  # as in a new process
    subjects._LEARNED.pop("Voyacell")
    subjects.learn_names({})
    subjects._aliases.cache_clear()
    subjects.find_subjects.cache_clear()
    subjects.subject_mentions.cache_clear()
    assert find_subjects("Voyacell grew") == frozenset()
    again = open_store(tmp_path / "s", fake_embedder.name)
    assert again.names()["Voyacell"] == "org:voyacell"
    assert find_subjects("Voyacell grew") == find_subjects("远航电池增长") == {"org:voyacell"}
    again.close()


def test_a_feed_of_endless_brackets_is_read_up_to_a_bound():
    from claimwatch.claims.name_pairs import MAX_BRACKETS

    latin = lambda n: "N" + "".join(chr(97 + n // 26 ** k % 26) for k in range(3))  # noqa: E731
    hostile = "。".join(f"{chr(0x4e00 + n)}{chr(0x5e00 + n)}（{latin(n)}）" for n in range(MAX_BRACKETS + 10))
    late = "深蓝电池（Deepblue）发布新品，深蓝电池称"
    assert "Deepblue" in mine_names([late])
    assert "Deepblue" not in mine_names([hostile, late])  # beyond the bound: not read


def test_learning_stops_at_its_bound(monkeypatch):
    from claimwatch.claims import subjects

    monkeypatch.setattr(subjects, "MAX_LEARNED", len(subjects._LEARNED))
    assert learn_names({"新名称甲": "org:new-name-a"}) == 0 and "新名称甲" not in subjects._LEARNED


def test_a_store_keeps_only_the_names_its_own_feeds_taught(tmp_path, fake_embedder):
    from claimwatch.claims.models import Article
    from claimwatch.index.store import open_store
    from claimwatch.pipeline import ingest_articles

    learn_names({"别处公司": "org:elsewhere-co"})  # learned in this process from some other feed
    store = open_store(tmp_path / "s", fake_embedder.name, fake_embedder.dim)
    text = "青峰电池（Qingfeng）今年营收增长20%。青峰电池的利润也在增长。"
    ingest_articles(store, [Article(id="a", source="A", title="t", published="2025-01-02", text=text)], fake_embedder)
    assert store.names() == {"青峰电池": "org:qingfeng", "Qingfeng": "org:qingfeng"}
    store.close()


def test_a_translated_name_the_feed_also_writes_with_a_place_suffix_is_a_place():
    assert mine_names(["震中位于西藏境内的东坪（Dongping）一带。", "日喀则市东坪县发生地震。"])["东坪"] == "place:dongping"
    assert mine_names(["远航电池（Voyacell）发布新品。远航电池称销量增长。"])["远航电池"] == "org:voyacell"


def test_a_common_word_ending_a_bracketed_name_is_no_name():
    texts = ["1年期贷款市场报价利率（LPR）为3.35%，5年期以上LPR为3.85%。", "日本央行维持利率不变。", "英国央行维持利率不变。",
             "市场预计利率将下调。", "利率走势", "利率前景", "降低利率", "利率决议", "利率政策", "贷款市场报价利率连续两个月不变。"]
    names = mine_names(texts)
    assert "利率" not in names and names["LPR"] == names["贷款市场报价利率"]


def test_a_company_named_with_its_suffix_is_also_named_without_it():
    texts = ["美国钢铁公司（U.S. Steel）宣布接受收购。美国钢铁公司股价上涨。", "美国钢铁将保留品牌，美国钢铁总部不变。"]
    found = mine_names(texts)
    assert found["美国钢铁"] == found["美国钢铁公司"] == found["U.S. Steel"]
    # a stem the feed never writes alone is not learned
    assert "宁德时代" not in mine_names(["宁德时代集团（CATL）宣布。宁德时代集团股价上涨。"])


def test_a_title_ends_what_stands_before_the_name():
    # the title-and-name run is written often enough to outscore the name alone if the title were kept
    texts = ["星河航空首席执行官莫里森（Dana Morrison）表示，航线将恢复。",
             "星河航空首席执行官莫里森称，停飞将持续一周。", "星河航空首席执行官莫里森道歉。", "莫里森上月刚刚上任。"]
    found = mine_names(texts)
    assert found["莫里森"] == found["Dana Morrison"]
    assert not any("执行官" in name for name in found)
