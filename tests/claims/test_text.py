"""Width folding, language detection and citation stripping (claimwatch.claims.text)."""

from __future__ import annotations

import pytest

from claimwatch.claims.text import detect_language, fold_width, strip_citations


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        pytest.param("２５％", "25%", id="fullwidth-percent"),
        pytest.param("４．８ＴＢ／ｓ", "4.8TB/s", id="fullwidth-measure"),
        pytest.param("ＵＳ＄５７", "US$57", id="fullwidth-dollar"),
        pytest.param("Ｈ２００", "H200", id="fullwidth-model-code"),
        pytest.param("７－８万张", "7-8万张", id="fullwidth-hyphen-keeps-han"),
        pytest.param("一\u3000二", "一 二", id="ideographic-space"),
        pytest.param("英伟达，份额。", "英伟达,份额。", id="fullwidth-comma-ideographic-stop-kept"),
        pytest.param("plain ascii 25%", "plain ascii 25%", id="ascii-unchanged"),
    ],
)
def test_fold_width_maps_fullwidth_to_ascii(raw, folded):
    assert fold_width(raw) == folded


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("收入的２５％归美方，市值４．５１万亿美元", id="zh-mixed"),
        pytest.param("😀\u200b\u3000ＡＢＣ\x00", id="emoji-zero-width-control"),
        pytest.param("", id="empty"),
    ],
)
def test_fold_width_preserves_length_so_offsets_carry_over(raw):
    folded = fold_width(raw)
    assert len(folded) == len(raw)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("英伟达在中国数据中心芯片市场的份额已经从95%一路跌到0", "zh", id="zh-prose"),
        pytest.param("H200配备141GB HBM3e高速内存,带宽高达4.8TB/s", "zh", id="zh-with-latin-codes"),
        pytest.param("英伟达的H200芯片", "zh", id="zh-short-with-model-code"),
        pytest.param("Nvidia will ship the H200 to approved customers in China", "en", id="en-prose"),
        pytest.param("Nvidia reported revenue of US$57 bn for its latest quarter", "en", id="en-with-numbers"),
        pytest.param("12345 %% 67", "other", id="digits-only"),
        pytest.param("", "other", id="empty"),
        pytest.param("😀😀 🚀", "other", id="emoji-only"),
        pytest.param("Ελληνικά κείμενο", "other", id="greek"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("份额跌到0 [1]", "份额跌到0", id="spaced-marker"),
        pytest.param("市场规模约为500亿美元[1][2]", "市场规模约为500亿美元", id="glued-double-marker"),
        pytest.param("收入[3]的25% [4] 归美方", "收入的25% 归美方", id="mid-text-markers"),
        pytest.param("H200 [12] ships", "H200 ships", id="two-digit-marker-spaces-tidied"),
        pytest.param("in [2025] terms", "in [2025] terms", id="four-digit-bracket-kept"),
        pytest.param("no markers here", "no markers here", id="no-marker"),
    ],
)
def test_strip_citations_removes_markers_and_tidies_spaces(raw, clean):
    assert strip_citations(raw) == clean
