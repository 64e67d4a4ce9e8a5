"""The index cuts a letter's fields from the tokens its parse made (by block), exactly as
segmenting them again would."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.build import parse_read
from govdoc.index.records import BLOCKS_KEY, BODY_KEY, analyzed_fields, analyzed_records, records_for
from govdoc.read import read_path
from govdoc.text.segment import block_tokens, cut, cut_for_search, cut_with, search_words
from govdoc.text.zh import fold

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*/*.txt"))


@pytest.mark.parametrize("text", ["关于加快农村饮水安全工程建设的建议答复，PM2.5浓度下降了12.5%",
                                  "中华人民共和国国务院办公厅 2019年", "一窗受理、农网改造升级工程"])
def test_search_words_equal_jieba_search_mode(text):
    assert list(search_words(cut(text))) == cut_for_search(text)


@pytest.mark.parametrize("text", ["农村饮水安全。\r\n２０１９年PM2.5下降\u3000㐀一窗受理\n\n", "", "，。"])
def test_cut_with_follows_jieba(text):
    tokens = cut(text)
    assert list(cut_with(text, {})) == tokens
    assert list(cut_with(text, block_tokens(text, tokens))) == tokens


def test_block_tokens_of_wrong_tokens_keep_only_what_fits():
    blocks = block_tokens("农村饮水，安全工程", ["农村", "饮水", "，", "安全"])  # the last block's tokens missing
    assert blocks == {"农村饮水": ["农村", "饮水"]}


def test_block_tokens_cut_the_corpora_as_jieba_does():
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        blocks = block_tokens(text, cut(text))
        folded = fold(text)
        assert list(cut_with(folded, blocks)) == cut(folded), path.name


def test_block_tokens_index_the_corpora_as_segmenting_again():
    for path in CORPUS:
        reply, norm, tokens = parse_read(read_path(path), with_tokens=True)
        letter = {**reply.model_dump(mode="json"), BODY_KEY: norm.text}
        again = [(record, analyzed_fields(record)) for record in records_for(letter)]  # each line cut anew
        assert analyzed_records(letter) == again, path.name
        assert analyzed_records({**letter, BLOCKS_KEY: block_tokens(norm.text, tokens)}) == again, path.name
