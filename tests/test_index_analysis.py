from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from govdoc.index.analysis import analyze, bigrams, fold, words


@pytest.mark.parametrize("text, folded", [
    ("錯峰生產", "错峰生产"),
    ("ＰＭ２．５", "pm2.5"),
    ("許昌市環境保護局", "许昌市环境保护局"),
    ("PM10", "pm10"),
])
def test_fold_simplified_halfwidth_lowercase(text, folded):
    assert fold(text) == folded


@given(st.text(max_size=60))
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("text, expected", [
    ("错峰生产", ["错峰", "峰生", "生产"]),
    ("市", ["市"]),
    ("pm2.5平均浓度", ["pm2.5", "平均", "均浓", "浓度"]),
    ("完成率90.9%", ["完成", "成率", "90.9"]),
    ("一、简政放权。", ["一", "简政", "政放", "放权"]),
])
def test_bigrams(text, expected):
    assert bigrams(fold(text)) == expected


@pytest.mark.parametrize("text, contains", [
    ("实行一窗受理", {"一窗受理", "实行"}),
    ("许昌市生态环境局", {"许昌市", "生态环境局"}),
    ("PM2.5平均浓度", {"pm2.5", "平均浓度"}),
])
def test_words_use_the_shared_dictionary(text, contains):
    assert contains <= set(words(fold(text)))


@pytest.mark.parametrize("simplified, traditional", [
    ("关于加强农村学校建设的建议的答复", "關於加強農村學校建設的建議的答復"),
    ("镇康县教育局", "鎮康縣教育局"),
])
def test_analyze_same_tokens_for_simplified_and_traditional(simplified, traditional):
    assert analyze(simplified) == analyze(traditional)


@given(st.text(max_size=80))
def test_analyzed_tokens_survive_whitespace_tokenizing(text):
    for stream in analyze(text):
        for token in stream.split(" "):
            assert token == "" or (token.strip() == token and all(c.isalnum() or c == "." for c in token))
