"""govdoc.data.load: every rule file loads, every entry's example fires, bad lines name their line."""
import re
from pathlib import Path

import pytest

from govdoc.data import load
from govdoc.errors import BadInput
from govdoc.text.zh import match_text

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*/*.txt"))


@pytest.fixture(scope="module")
def corpus_texts():
    return [match_text(p.read_text(encoding="utf-8", errors="replace")) for p in CORPUS]


@pytest.mark.parametrize("pattern, expected", [
    ("(?:答复|回复|函复)(?:意见)?如下", ["(?:答复|回复|函复)(?:意见)?如下"]),
    ("此复|特此(?:答复|函复)", ["此复", "特此(?:答复|函复)"]),
    ("[|]a|b\\|c", ["[|]a", "b\\|c"]),
])
def test_top_alternatives(pattern, expected):
    assert load.top_alternatives(pattern) == expected


@pytest.mark.parametrize("alternative, word", [
    ("(?:答复|回复|函复)(?:意见)?如下", "如下"),
    ("提出?[以如]下建议", "下建议"),
    ("^[ \\t]*市民[^\\n]{0,4}[:：]", "市民"),
    ("\\d+件[(（][A-D]类", "件"),
    ("^[ \\t]*(?:建议|理由)[ \\t]*[:：]", ""),
    ("办理结果[ \\t]*[:：]", "办理结果"),
])
def test_required_word(alternative, word):
    assert load.required_word(alternative) == word


@pytest.mark.parametrize("cue", load.kind_cues(), ids=lambda c: f"line{c.line}")
def test_kind_cue_example_fires(cue):
    assert cue.rule.search(cue.example)
    assert re.search(cue.rule.readable, cue.example, re.M)


def test_kind_cue_fast_form_answers_as_the_readable_one(corpus_texts):
    for cue in load.kind_cues():
        readable = re.compile(cue.rule.readable, re.M)
        for text in corpus_texts:
            assert cue.rule.search(text) == bool(readable.search(text)), (cue.line, text[:40])


HEADER = "where\tkind\tweight\tpattern\texample\n"


@pytest.mark.parametrize("text, reason", [
    ("# only a comment\n", "no column line"),
    ("where\tkind\tpattern\n", "line 1: the column line"),
    (HEADER + "text\treply\t3.0\t收悉\n", "line 2: 4 tab-separated fields"),
    (HEADER + "\n# c\ntext\treply\t3.0\t(收悉\t收悉\n", "line 4: bad pattern"),
    (HEADER + "text\treply\tmuch\t收悉\t收悉\n", "line 2: weight 'much' is no number"),
    (HEADER + "body\treply\t1\t收悉\t收悉\n", "line 2: where is 'body'"),
    (HEADER + "text\tletter\t1\t收悉\t收悉\n", "line 2: kind is 'letter'"),
])
def test_kind_cues_bad_line(text, reason):
    with pytest.raises(BadInput) as err:
        load.parse_kind_cues(text, "kind_cues.tsv")
    assert err.value.path == "kind_cues.tsv" and reason in err.value.reason
