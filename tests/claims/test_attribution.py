import pytest

from claimwatch.claims.attribution import find_attribution


@pytest.mark.parametrize("text, speaker", [
    pytest.param("黄仁勋曾表示，中国市场规模约为500亿美元", "person:jensen-huang", id="zh-person-said"),
    pytest.param("据某外媒报道，对华出货可能在8月恢复", "speaker:某外媒", id="zh-according-unknown-outlet"),
    pytest.param("根据Bernstein分析，明年国产GPU产能不会大幅提升", "org:bernstein", id="zh-according-to-org"),
    pytest.param("媒体援引知情人士消息称昆仑芯已启动上市筹备", "anon:people-familiar", id="zh-anonymous"),
    pytest.param("Nvidia said the H200 will ship in weeks", "org:nvidia", id="en-said"),
    pytest.param("China is a $50 billion market, according to Jensen Huang", "person:jensen-huang",
                 id="en-according-to"),
    pytest.param("H200配备141GB显存", None, id="zh-own-voice"),
    pytest.param("The H200 has 141GB of memory", None, id="en-own-voice"),
])
def test_find_attribution(text, speaker):
    assert find_attribution(text) == speaker


def test_report_claims_carry_their_speaker():
    from claimwatch.claims.feeds import parse_feed
    from claimwatch.index.embedders import create_embedder
    from claimwatch.pipeline import audit_articles

    feed = '{"source": "A", "title": "t", "text": "Nvidia said the H200 will ship soon."}'
    report = audit_articles(parse_feed(feed), create_embedder("fake"))
    assert report["claims"][0]["attributed_to"] == "org:nvidia"


@pytest.mark.parametrize(("text", "speaker"), [
    ("该公司多次游说监管机构放宽限制", None),  # 说 inside 游说 is no speech verb
    ("The merger will close in March, Bloomberg reported.", "org:bloomberg"),
    ("Margins will shrink next year, analysts estimate.", "anon:analysts"),
    ("Rivertone expects deliveries to rise 20% this year.", None),  # not in the alias table: no named speaker
    ("英特尔预计第四季度营收为133亿美元", "org:intel"),
])
def test_speech_verbs_forecasters_and_trailing_speakers(text, speaker):
    assert find_attribution(text) == speaker
