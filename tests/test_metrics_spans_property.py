"""Property: whatever the text, every metric's span points at verbatim text holding its number."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc.extract.measures import find_measures
from govdoc.extract.measures import to_models as measure_models
from govdoc.data.load import units
from govdoc.extract.metrics import find_metrics, to_models
from govdoc.extract.analysis import Analysis
from govdoc.text.numerals import to_number

WORDS = ["全市", "排名全省第", "较全省均值低", "截止", "新增", "约", "余", "以上", "第", "年", "月", "日", "号",
         "，", "。", "；", "、", "“", "”", "《", "》", "（", "）", " ", "\n", "一是", "二是", "一、", "(二)", "1.",
         "平均浓度", "建设", "项目", "老旧小区", "PM", "GB", "-", "/", ":", "万", "三", "十", "两", "一"]
NUMBERS = st.one_of(st.integers(0, 99999).map(str),
                    st.floats(0, 9999, allow_nan=False).map(lambda f: f"{f:.2f}"),
                    st.sampled_from(["三", "十二", "三千", "九", "二十五", "一百零五"]))
PIECE = st.one_of(st.sampled_from(WORDS), NUMBERS, st.sampled_from(sorted(units().classes)))
TEXTS = st.lists(PIECE, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_metric_spans_hold_their_number(text):
    norm = Analysis(text)
    found = find_metrics(norm)
    for c in found:
        assert c.start <= c.num_start < c.num_end <= c.end <= len(text)
        assert to_number(norm.match[c.num_start:c.num_end]) == pytest.approx(c.value, rel=1e-12)
    for m in to_models(norm, found):
        assert m.raw and norm.slice(m.span.start, m.span.end) == m.raw
        assert m.unit and m.unit in m.raw.replace(" ", "") or m.unit == "名次"


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_measure_spans_are_their_titles(text):
    norm = Analysis(text)
    for m in measure_models(norm, find_measures(norm)):
        assert m.title and norm.slice(m.span.start, m.span.end) == m.title
