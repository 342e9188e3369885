"""Feed parsing (claimwatch.claims.feeds): every format from the example files, detection, errors."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimwatch.claims.feeds import FEED_FORMATS, decode_feed, detect_format, make_article, parse_feed
from claimwatch.errors import FeedEmpty, FeedFormatUnknown, FeedMalformed, InputError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DIGEST_ZH = EXAMPLES / "h200_digest_zh.txt"
WIRE_EN = EXAMPLES / "h200_wire_en.jsonl"
SAMPLE_RSS = EXAMPLES / "formats" / "sample.rss"
SAMPLE_ATOM = EXAMPLES / "formats" / "sample.atom"
SAMPLE_JSONFEED = EXAMPLES / "formats" / "sample.json"
SAMPLE_JSONL = EXAMPLES / "formats" / "sample.jsonl"

UTC = timezone.utc
CST = timezone(timedelta(hours=8))
EST = timezone(timedelta(hours=-5))


def _instant(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _raises(data, code: str, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        parse_feed(data, **kwargs)
    assert info.value.code == code, f"expected {code}, got {info.value.code}: {info.value}"
    return info.value


# ---------------------------------------------------------------- every format from the examples

def test_parses_example_digest_in_feed_order():
    articles = parse_feed(DIGEST_ZH.read_bytes())
    assert [a.source for a in articles] == [
        "芯闻日报", "资本市场报", "云端评论", "半导体周刊", "财经快讯", "科技观察网", "芯闻日报",
    ]
    assert articles[0].title == "黄仁勋的中国账本：H200回归能挽回多少份额"
    assert articles[0].published == "2025-12-09T07:10"
    assert articles[3].title == "从15%到25%：美国对华芯片“收费”逐步加码"
    assert articles[3].published == "2025-12-09T03:30"
    assert articles[-1].title == "快讯：美国放行英伟达H200对华销售，收入25%归美方"
    assert articles[-1].published == "2025-12-09T00:40"
    assert all(a.language == "zh" for a in articles)
    assert articles[0].text.startswith("份额与市场 - 黄仁勋在多个场合提到")


def test_digest_page_chrome_is_neither_title_nor_body():
    articles = parse_feed(DIGEST_ZH.read_bytes())
    for chrome in ("Workflow", "AI芯片", "icon", "搜索文档"):
        assert all(a.title != chrome for a in articles)
        assert all(not a.text.startswith(chrome) for a in articles)


def test_digest_articles_get_distinct_content_ids():
    articles = parse_feed(DIGEST_ZH.read_bytes())
    assert len({a.id for a in articles}) == len(articles)
    assert all(a.id.startswith("a-") for a in articles)
    assert [a.id for a in parse_feed(DIGEST_ZH.read_bytes())] == [a.id for a in articles]  # stable


def test_parses_example_wire_jsonl():
    articles = parse_feed(WIRE_EN.read_bytes())
    assert [a.source for a in articles] == [
        "Pacific Wire", "Pacific Wire", "Global Tech Report", "Metro Business Daily", "The Ledger",
        "Asia Markets Today", "Northbridge Times", "Metro Business Daily",
    ]
    assert [a.id for a in articles][:6] == ["pw-20251208-001", "pw-20251209-002", "gtr-1207", "mbd-4471",
                                            "ledger-0055", "amt-88"]
    assert articles[6].id.startswith("a-")  # the line without an id gets a content id
    assert articles[0].title == "Trump clears Nvidia H200 sales to China, US to take 25% cut"
    assert articles[0].published == "2025-12-08T22:15-05:00"  # offset kept as written
    assert articles[5].published == "2025-12-09T13:05+08:00"
    assert _instant(articles[1].published) == datetime(2025, 12, 9, 6, 40, tzinfo=UTC)
    assert articles[0].url == "https://example.com/pacific-wire/2025/12/08/nvidia-h200-china"
    assert all(a.language == "en" for a in articles)


def test_parses_sample_rss_with_outlet_from_source_creator_and_channel():
    articles = parse_feed(SAMPLE_RSS.read_bytes())
    assert [a.source for a in articles] == ["Pacific Wire", "Metro Business Daily", "Harbor Tech Digest"]
    assert [a.title for a in articles] == [
        "US lets Nvidia sell H200 in China for a 25% share of revenue",
        "From 15% to 25%: how Washington's China chip toll grew",
        "Chinese clouds said to prepare first H200 orders",
    ]
    assert _instant(articles[0].published) == datetime(2025, 12, 8, 22, 15, tzinfo=EST)
    assert _instant(articles[1].published) == datetime(2025, 12, 9, 2, 30, tzinfo=UTC)
    assert _instant(articles[2].published) == datetime(2025, 12, 9, 9, 50, tzinfo=UTC)
    assert articles[0].id == "pw-rss-0001"


def test_rss_html_is_stripped_and_entities_unescaped():
    articles = parse_feed(SAMPLE_RSS.read_bytes())
    assert "<" not in articles[0].text and "25%" in articles[0].text
    assert "Blackwell and Rubin chips are not included." in articles[0].text
    assert "terms & conditions" in articles[2].text


def test_parses_sample_atom_with_author_names_and_published_not_updated():
    articles = parse_feed(SAMPLE_ATOM.read_bytes())
    assert [a.source for a in articles] == ["芯闻日报", "半导体周刊"]
    assert [a.title for a in articles] == ["美国放行英伟达H200对华销售，收入25%归美方", "H200参数速览：141GB显存、4.8TB/s带宽"]
    assert _instant(articles[0].published) == datetime(2025, 12, 9, 0, 40, tzinfo=CST)
    assert _instant(articles[1].published) == datetime(2025, 12, 9, 3, 30, tzinfo=CST)  # not <updated> 05:02
    assert articles[0].text.startswith("美方将从H200对华销售额里拿走25%作为分成")
    assert "<p>" not in articles[1].text and "4.8TB/s" in articles[1].text
    assert all(a.language == "zh" for a in articles)


def test_parses_sample_json_feed():
    articles = parse_feed(SAMPLE_JSONFEED.read_bytes())
    assert [a.source for a in articles] == ["Global Tech Report", "The Ledger", "Asia Markets Today"]
    assert [a.id for a in articles] == ["gtr-json-1207", "ledger-json-0055", "amt-json-88"]
    assert articles[1].title == "Nvidia's China reprieve comes with a toll"
    assert articles[0].published == "2025-12-09T01:30+00:00"
    assert articles[2].published == "2025-12-09T13:05+08:00"  # date_published wins over date_modified


def test_parses_sample_jsonl_with_cjk_text():
    articles = parse_feed(SAMPLE_JSONL.read_bytes())
    assert [a.source for a in articles] == ["财经快讯", "半导体周刊", "芯闻日报"]
    assert [a.id for a in articles] == ["cj-001", "bz-002", "xw-003"]
    assert articles[1].title == "从15%到25%：美国对华芯片“收费”逐步加码"
    assert articles[2].published == "2025-12-09T07:10+08:00"
    assert "寒武纪今年出货约7-8万张" in articles[1].text
    assert all(a.language == "zh" for a in articles)


# ---------------------------------------------------------------- format detection and override

@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        pytest.param(DIGEST_ZH, "digest", id="digest"),
        pytest.param(WIRE_EN, "jsonl", id="jsonl-en"),
        pytest.param(SAMPLE_JSONL, "jsonl", id="jsonl-zh"),
        pytest.param(SAMPLE_RSS, "rss", id="rss"),
        pytest.param(SAMPLE_ATOM, "rss", id="atom-handled-by-xml-parser"),
        pytest.param(SAMPLE_JSONFEED, "jsonfeed", id="jsonfeed"),
    ],
)
def test_detects_format_of_example_files(path, fmt):
    assert detect_format(decode_feed(path.read_bytes())) == fmt


def test_detects_json_list():
    lines = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()
    listed = "[\n" + ",\n".join(lines) + "\n]"
    assert detect_format(listed) == "json"
    assert [a.id for a in parse_feed(listed)] == ["cj-001", "bz-002", "xw-003"]


def _articles_object() -> str:
    items = [json.loads(line) for line in SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()]
    return json.dumps({"articles": items}, ensure_ascii=False)


def test_json_object_with_articles_list_parses_with_format_override():
    assert [a.id for a in parse_feed(_articles_object(), format="json")] == ["cj-001", "bz-002", "xw-003"]


def test_detects_json_object_with_articles_list():
    assert detect_format(_articles_object()) == "json"


def test_format_override_beats_detection():
    # A digest whose first line is a bracketed tag looks like JSON to the detector.
    text = "[置顶] 芯片日报\n英伟达H200获准出口\n芯闻日报· 2025-12-09 07:10\n政策 - 美方拿走25%的收入 [1] - Blackwell不在名单内 [2]\n"
    assert detect_format(text) == "json"
    articles = parse_feed(text, format="digest")
    assert [(a.source, a.title, a.published) for a in articles] == [("芯闻日报", "英伟达H200获准出口", "2025-12-09T07:10")]


def test_format_override_to_wrong_parser_is_malformed():
    _raises(SAMPLE_JSONL.read_bytes(), "feed-malformed", format="digest")
    _raises(SAMPLE_JSONL.read_bytes(), "feed-malformed", format="rss")


def test_unknown_format_name_is_refused():
    _raises(SAMPLE_JSONL.read_bytes(), "feed-format-unknown", format="xml")
    assert "xml" not in FEED_FORMATS


def test_undetectable_text_is_format_unknown():
    _raises("hello world\nthis is not a feed at all\n", "feed-format-unknown")


def test_xml_that_is_neither_rss_nor_atom_is_format_unknown():
    _raises(b"<html><body><p>hello</p></body></html>", "feed-format-unknown")


def test_digest_dateline_variants():
    text = "英伟达H200获准出口\n芯闻日报 • 2025-12-09 7:05\n政策 - 美方拿走25%的收入 [1] - Blackwell不在名单内 [2]\n"
    (article,) = parse_feed(text)
    assert (article.source, article.published) == ("芯闻日报", "2025-12-09T07:05")
    (dateonly,) = parse_feed(text.replace(" 7:05", ""))
    assert dateonly.published == "2025-12-09"


# ---------------------------------------------------------------- malformed input

def test_truncated_jsonl_names_the_line():
    data = SAMPLE_JSONL.read_bytes()
    err = _raises(data[: len(data) - 100], "feed-malformed")
    assert isinstance(err, FeedMalformed)
    assert "line 3" in str(err)


def test_jsonl_with_a_broken_middle_line_names_that_line():
    lines = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][:40]
    err = _raises("\n".join(lines), "feed-malformed")
    assert "line 2" in str(err)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a</item>'
                     b"</channel></rss>", id="mismatched-tag"),
        pytest.param(SAMPLE_RSS.read_bytes()[:700], id="truncated-rss"),
        pytest.param(b"<rss version=\"2.0\"><channel><item><title>a & b</title></item></channel></rss>",
                     id="bare-ampersand"),
    ],
)
def test_broken_xml_is_malformed(data):
    _raises(data, "feed-malformed")


@pytest.mark.parametrize("data", [pytest.param(b"", id="bytes"), pytest.param("", id="str")])
def test_empty_file_is_feed_empty(data):
    err = _raises(data, "feed-empty")
    assert isinstance(err, FeedEmpty)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"  \n\t\r\n  ", id="ascii-whitespace"),
        pytest.param("\u3000\n \n", id="ideographic-space"),
        pytest.param(b"\xef\xbb\xbf\n\n", id="bom-then-newlines"),
    ],
)
def test_whitespace_only_is_feed_empty(data):
    _raises(data, "feed-empty")


def test_feed_without_articles_is_feed_empty():
    _raises(b"[]", "feed-empty")
    _raises(b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>', "feed-empty")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), id="png-header"),
        pytest.param(bytes(range(256)) * 4, id="all-bytes"),
        pytest.param(b"title\x00\x00\x00body", id="nul-in-text"),
    ],
)
def test_binary_garbage_with_nul_bytes_is_not_text(data):
    err = _raises(data, "feed-not-text")
    assert isinstance(err, FeedMalformed)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>"""


def test_billion_laughs_is_refused_not_expanded():
    started = time.perf_counter()
    err = _raises(BILLION_LAUGHS, "feed-xml-forbidden")
    assert time.perf_counter() - started < 2.0  # refused up front, never expanded
    assert isinstance(err, FeedMalformed)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                     b'<rss version="2.0"><channel><title>T</title><item><title>&xxe;</title>'
                     b"<description>x</description></item></channel></rss>", id="external-entity"),
        pytest.param(b'<?xml version="1.0"?><!DOCTYPE rss><rss version="2.0"><channel><title>T</title>'
                     b"<item><title>a</title><description>b</description></item></channel></rss>",
                     id="bare-doctype"),
    ],
)
def test_xml_with_doctype_is_forbidden(data):
    _raises(data, "feed-xml-forbidden")


@pytest.mark.parametrize("codec", [pytest.param("gbk", id="gbk"), pytest.param("gb18030", id="gb18030")])
def test_gbk_encoded_digest_is_decoded_by_detection(codec):
    text = DIGEST_ZH.read_text(encoding="utf-8")
    data = text.encode(codec)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the bytes really are not UTF-8
    assert decode_feed(data) == text
    assert [(a.source, a.title, a.published) for a in parse_feed(data)] == [
        (a.source, a.title, a.published) for a in parse_feed(text)
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + DIGEST_ZH.read_bytes(), id="utf8-bom"),
        pytest.param(DIGEST_ZH.read_text(encoding="utf-8").encode("utf-16"), id="utf16-bom"),
        pytest.param(DIGEST_ZH.read_bytes().replace(b"\n", b"\r\n"), id="crlf"),
    ],
)
def test_digest_survives_bom_utf16_and_crlf(data):
    assert [a.source for a in parse_feed(data)] == [a.source for a in parse_feed(DIGEST_ZH.read_bytes())]


def test_jsonl_missing_text_names_the_line():
    first = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()[0]
    err = _raises(first + '\n{"source": "快讯", "title": "只有标题", "published": "2025-12-09T02:05:00+08:00"}\n',
                  "feed-malformed")
    assert "line 2" in str(err)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param('{"source": "快讯", "title": "T", "text": ""}', id="empty-text"),
        pytest.param('{"source": "快讯", "title": "T", "text": 25}', id="numeric-text"),
        pytest.param('{"title": "T", "text": "正文内容足够长"}', id="missing-source"),
        pytest.param('["not", "an", "object"]', id="not-an-object"),
        pytest.param('{"source": "快讯", "title": ["T"], "text": "正文内容足够长"}', id="list-title"),
    ],
)
def test_jsonl_line_without_usable_fields_is_malformed(line):
    _raises(line + "\n", "feed-malformed")


@pytest.mark.parametrize(
    "published",
    [
        pytest.param('"yesterday"', id="words"),
        pytest.param('"2025-13-45"', id="impossible-date"),
        pytest.param('"09/12/2025"', id="not-iso"),
        pytest.param("20251209", id="number"),
    ],
)
def test_bad_published_names_the_line(published):
    first = SAMPLE_JSONL.read_text(encoding="utf-8").splitlines()[0]
    bad = '{"source": "快讯", "title": "T", "text": "正文内容足够长", "published": ' + published + "}"
    err = _raises(first + "\n" + bad + "\n", "feed-malformed")
    assert "line 2" in str(err)


def test_bad_published_in_json_feed_is_malformed():
    feed = json.loads(SAMPLE_JSONFEED.read_text(encoding="utf-8"))
    feed["items"][1]["date_published"] = "last Tuesday"
    _raises(json.dumps(feed), "feed-malformed")


def test_deeply_nested_json_is_malformed_not_a_crash():
    _raises(b"[" * 100_000 + b"]" * 100_000, "feed-malformed")


def test_digest_article_without_body_names_the_line():
    text = "标题一\n芯闻日报· 2025-12-09 07:10\n\n标题二\n芯闻日报· 2025-12-09 08:10\n政策 - 美方拿走25% [1] - 其余不变 [2]\n"
    err = _raises(text, "feed-malformed")
    assert "line 2" in str(err)


def test_errors_are_input_errors_with_stable_codes():
    assert FeedMalformed("x").code == "feed-malformed"
    assert FeedEmpty("x").code == "feed-empty"
    assert FeedFormatUnknown("x").code == "feed-format-unknown"
    assert isinstance(FeedMalformed("x"), ValueError)


# ---------------------------------------------------------------- make_article

def test_make_article_derives_a_stable_content_id_and_language():
    a = make_article(source=" 芯闻日报 ", title="标题", text="美方拿走25%的收入。", published=None)
    b = make_article(source="芯闻日报", title="标题", text="美方拿走25%的收入。", published="2025-12-09")
    c = make_article(source="芯闻日报", title="标题", text="美方拿走15%的收入。", published=None)
    assert a.id == b.id != c.id
    assert a.source == "芯闻日报" and a.language == "zh"
    assert make_article(source="S", title="T", text="x", published=None, id=" given-1 ").id == "given-1"


# ---------------------------------------------------------------- the real sample feed

REAL_SOURCES = ["是说芯语", "观察者网", "南方都市报", "36氪", "傅里叶的猫", "第一财经",
                "搜狐财经", "搜狐财经", "搜狐财经", "钛媒体APP"]


def test_real_sample_feed_has_ten_articles_in_feed_order(sample_feed):
    articles = parse_feed(sample_feed)
    assert len(articles) == 10
    assert [a.source for a in articles] == REAL_SOURCES
    assert len({a.source for a in articles}) == 8
    assert len({a.id for a in articles}) == 10
    assert all(a.language == "zh" for a in articles)


@pytest.mark.parametrize(
    ("index", "title", "published"),
    [
        pytest.param(0, "以NV服务器分销商的身份分析H200的放开", "2025-12-09T06:37", id="shishuo-xinyu"),
        pytest.param(1, "H200是不是要让中国“上瘾”?", "2025-12-09T06:31", id="guancha"),
        pytest.param(3, "突发,英伟达H200对华解禁,老黄赢麻了", "2025-12-09T03:44", id="36kr"),
        pytest.param(5, "英伟达回应获准对华出口H200芯片", "2025-12-09T02:38", id="yicai"),
        pytest.param(7, "昆仑芯拟独立上市,百度确认处于评估阶段", "2025-12-09T01:54", id="sohu-kunlun"),
        pytest.param(9, "突发!特朗普宣布,美国允许英伟达对华出售H200芯片,Blackwell和Rubin除外", "2025-12-09T00:16",
                     id="tmt"),
    ],
)
def test_real_sample_feed_titles_and_times(sample_feed, index, title, published):
    article = parse_feed(sample_feed)[index]
    assert (article.title, article.published) == (title, published)


def test_real_sample_feed_chrome_is_not_an_article(sample_feed):
    articles = parse_feed(sample_feed)
    chrome = {"Workflow", "AI芯片", "icon", "搜索文档"}
    assert not chrome & {a.title for a in articles}
    assert not chrome & {a.source for a in articles}
