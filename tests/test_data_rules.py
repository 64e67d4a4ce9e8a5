"""govdoc.data.load: every rule file loads, every entry's example fires, bad lines name their line."""
import re
from pathlib import Path

import pytest

from govdoc.build import parse_text
from govdoc.data import load
from govdoc.errors import BadInput
from govdoc.extract import grade, letter_layout, measures, metric_patterns
from govdoc.extract.analysis import Analysis
from govdoc.text import segment
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


def _reads_unit(text: str, unit: str) -> bool:
    # a multiplier stays with its unit (千米 is read as 千 + 米)
    return any((m.group("mult") or "") + m.group("unit") == unit or m.group("unit") == unit
               for m in metric_patterns.patterns().quantity.finditer(match_text(text)) if m.group("unit"))


@pytest.mark.parametrize("unit", load.units().entries, ids=lambda u: f"line{u.line}-{u.unit}")
def test_unit_example_fires_and_guard_blocks(unit):
    assert _reads_unit(unit.example, unit.unit)
    if unit.guard:
        assert not _reads_unit(unit.blocked, unit.unit)


UNITS_HEADER = "unit\tclass\texample\tguard\tblocked\n"


@pytest.mark.parametrize("text, reason", [
    (UNITS_HEADER + "个 count\n", "line 2: 1 tab-separated fields"),
    (UNITS_HEADER + "个\tpiece\t3个\n", "line 2: class is 'piece'"),
    (UNITS_HEADER + "个\tcount\t3个\n# x\n个\tcount\t4个\n", "line 4: unit '个' is listed already on line 2"),
    (UNITS_HEADER + "方\tmeasure\t3方\t(?![面\n", "line 2: a guard needs a blocked example"),
    (UNITS_HEADER + "方\tmeasure\t3方\t(?![面\t3方面\n", "line 2: bad pattern"),
    (UNITS_HEADER + "方\tmeasure\t3方\t[面]\t3方面\n", "line 2: guard '[面]' is not one look-ahead"),
])
def test_units_bad_line(text, reason):
    with pytest.raises(BadInput) as err:
        load.parse_units(text, "units.tsv")
    assert reason in err.value.reason


def test_a_bad_units_line_fails_the_parse_not_the_import(monkeypatch):
    read = load.read_rule_file
    monkeypatch.setattr(load, "read_rule_file", lambda name: UNITS_HEADER + "个 count\n" if name == load.UNITS else read(name))
    load.units.cache_clear()
    metric_patterns.patterns.cache_clear()
    try:
        with pytest.raises(BadInput, match="units.tsv: line 2"):
            parse_text("我局开展检查56次。")
    finally:
        monkeypatch.undo()
        load.units.cache_clear()
        metric_patterns.patterns.cache_clear()


def _measure_word_fires(word) -> bool:
    pat = measures.heading_patterns()
    if word.group == "problem":
        return bool(pat.problem.match(word.example))
    if word.group == "trait":
        return bool(pat.problem_lead.search(word.example))
    report = bool(pat.report.search(word.example))
    return not report if word.group.startswith("action") else report


@pytest.mark.parametrize("word", [w for ws in load.measure_words().values() for w in ws],
                         ids=lambda w: f"line{w.line}-{w.group}-{w.word}")
def test_measure_word_example_fires(word):
    assert word.word in word.example and _measure_word_fires(word)


WORDS_HEADER = "group\tword\texample\n"


@pytest.mark.parametrize("text, reason", [
    (WORDS_HEADER + "category\t成效\n", "line 2: 2 tab-separated fields"),
    (WORDS_HEADER + "verb\t制定\t制定计划\n", "line 2: group is 'verb'"),
    (WORDS_HEADER + "category\t成(效\t主要成效\n", "line 2: word '成(效' holds a space or a regex character"),
    (WORDS_HEADER + "category\t成效\t主要成效\ncategory\t成效\t主要成效\n", "line 3: '成效' is listed in category already on line 2"),
    (WORDS_HEADER + "category\t成效\t主要成效\n", "no word in group reported"),
])
def test_words_bad_line(text, reason):
    with pytest.raises(BadInput) as err:
        load.parse_words(text, "measure_words.tsv", load.MEASURE_GROUPS)
    assert reason in err.value.reason


@pytest.mark.parametrize("ending", load.organ_endings(), ids=lambda w: f"line{w.line}-{w.word}")
def test_organ_ending_example_fires(ending):
    assert ending.example.endswith(ending.word)
    assert letter_layout.org_span(ending.example) == (0, len(ending.example))
    assert letter_layout.organs().name.fullmatch(ending.example)


@pytest.mark.parametrize("label", load.grade_labels(), ids=lambda g: f"line{g.line}-{g.label}")
def test_grade_label_example_fires(label):
    cands = grade.find_grades(Analysis(label.example), None)
    assert label.label in [c.label for c in cands]


@pytest.mark.parametrize("meaning", load.grade_meanings(), ids=lambda m: f"line{m.line}")
def test_grade_meaning_example_fires(meaning):
    assert grade.scheme_meaning(Analysis(meaning.example), meaning.letter) == meaning.meaning


GRADES_HEADER = "scheme\trank\tlabel\tletter\texample\n"


@pytest.mark.parametrize("text, reason", [
    (GRADES_HEADER + "A-D\tfirst\tA\tA\t办理结果：A\n", "line 2: rank 'first'"),
    (GRADES_HEADER + "A-D\t1\tA\tE\t办理结果：A\n", "line 2: letter 'E'"),
    (GRADES_HEADER + "一二三类\t1\t一类\tA\t答复类别：一类\n", "line 2: a label read as a letter class is one character"),
    (GRADES_HEADER + "A-D\t1\tA\tA\t办理结果：A\nA-D\t2\tA\tB\t办理结果：A\n", "line 3: label 'A' is listed already on line 2"),
])
def test_grade_labels_bad_line(text, reason):
    with pytest.raises(BadInput) as err:
        load.parse_grade_labels(text, "grade_labels.tsv")
    assert reason in err.value.reason


def test_grade_meanings_bad_line():
    text = "organs\tletter\tmeaning\tsource\texample\n某局\tE\t已解决\t某规定\t某局\n"
    with pytest.raises(BadInput, match="line 2: 'E' is no class"):
        load.parse_grade_meanings(text, "grade_meanings.tsv", load.grade_labels())


@pytest.mark.parametrize("word", load.metric_words()["rank_scope"], ids=lambda w: f"line{w.line}-{w.word}")
def test_rank_scope_example_fires(word):
    found = metric_patterns.rank_matches(match_text(word.example))
    assert [m.group("scope") for m in found] == [word.word]


USERDICT = [line.split() for line in
            (Path(load.__file__).parent / "userdict.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


# Entries the segmenter still splits: 联系人 (frequency 20) loses to 联系 + 人.  Raising its frequency
# would change the index's tokens, so it is left to whoever owns the index analysis.
SPLIT_ANYWAY = {"联系人"}


@pytest.mark.parametrize("entry", USERDICT, ids=lambda e: e[0])
def test_userdict_entry_is_well_formed_and_kept_whole(entry):
    assert 1 <= len(entry) <= 3 and (len(entry) < 2 or entry[1].isdigit())
    assert [e[0] for e in USERDICT].count(entry[0]) == 1
    assert (segment.cut(entry[0]) == [entry[0]]) != (entry[0] in SPLIT_ANYWAY)
