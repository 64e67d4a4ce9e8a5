"""The index analysis derived from the parse's tokens equals segmenting each line again."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.build import parse_read
from govdoc.index.analysis import _analyze_line
from govdoc.index.line_analysis import line_analyses, same_cut
from govdoc.read import read_path
from govdoc.text.segment import cut, cut_for_search, search_words

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*/*.txt"))


@pytest.mark.parametrize("text", ["关于加快农村饮水安全工程建设的建议答复，PM2.5浓度下降了12.5%",
                                  "中华人民共和国国务院办公厅 2019年", "一窗受理、农网改造升级工程"])
def test_search_words_equal_jieba_search_mode(text):
    assert list(search_words(cut(text))) == cut_for_search(text)


@pytest.mark.parametrize("raw, folded, same", [("农村，饮水", "农村,饮水", True), ("２０１９年", "2019年", False),
                                               ("PM2.5", "pm2.5", False), ("農村", "农村", False)])
def test_same_cut_only_when_no_word_character_changes(raw, folded, same):
    assert same_cut(raw, folded) is same


def test_line_analyses_equal_analyzing_each_line_on_the_corpora():
    derived = total = 0
    for path in CORPUS:
        reply, norm, tokens = parse_read(read_path(path), with_tokens=True)
        lines = line_analyses(norm.text, tokens)
        for line, analysis in lines.items():
            assert analysis == _analyze_line(line), f"{path.name}: {line!r}"
        total += len({line for line in norm.text.splitlines() if line.strip()})
        derived += len(lines)
    assert derived > 0.8 * total, f"only {derived} of {total} lines derived"
