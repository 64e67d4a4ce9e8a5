"""The C++ route (``DatSegmenter``) cuts exactly as jieba does, and its trie is cached once."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from govdoc.text import dat_segment
from govdoc.text.jieba_cache import dictionary_key, full_freq, jieba
from govdoc.text.segment import JiebaSegmenter, _userdict, jieba_tokenizer, segmenter

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(ROOT.glob("corpora/*/*.txt"))

pytestmark = pytest.mark.skipif(not dat_segment.available(), reason="jieba_fast_dat is not installed")


def random_texts(n: int, seed: int = 7) -> list[str]:
    """Dictionary words, user words, random ideographs, numbers with dots, Latin, punctuation,
    full-width spaces and line breaks, glued at random."""
    rnd = random.Random(seed)
    words = sorted(w for w, c in full_freq(jieba_tokenizer()).items() if c)[::50]  # ~7,000 words
    extra = ["5.7", "PM2.5", "A级", "B1类", "，", "\n", "\r\n", "2019年", "abc", "%", "－", "　", " ", "〔2019〕",
             "一窗受理", "放管服", "圐圙", "鎮康縣", "Ⅲ类", "①", "..", "3.", ".5"]
    chars = [chr(c) for c in range(0x4E00, 0x9FD6)]
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(150):
            r = rnd.random()
            parts.append(rnd.choice(words) if r < 0.5 else rnd.choice(chars) if r < 0.8 else rnd.choice(extra))
        texts.append("".join(parts))
    return texts


@pytest.fixture(scope="module")
def reference():
    return jieba_tokenizer()


def test_dat_cut_equals_jieba_on_every_corpus_letter(reference):
    seg = segmenter()
    assert isinstance(seg, dat_segment.DatSegmenter)
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        assert list(seg.cut(text)) == list(reference.cut(text, HMM=True)), path.name


def test_dat_cut_equals_jieba_on_random_texts(reference):
    seg = segmenter()
    for text in random_texts(120):
        assert list(seg.cut(text)) == list(reference.cut(text, HMM=True))
    for text in ["", "\n", "一", "5.7", "中华人民共和国", "联系人及电话", "a", "　"]:
        assert list(seg.cut(text)) == list(reference.cut(text, HMM=True)), text


def test_dat_freq_is_jieba_freq_for_words_prefixes_and_others(reference):
    seg = segmenter()
    for word in ["农村", "一窗受理", "中华人民共和", "中华人民共和国", "饮水安全", "圐", "xyz", "", "5.7"]:
        assert seg.freq(word) == (reference.FREQ.get(word) or 0), word
    assert seg.freq("一窗受理") == 20  # a user-dictionary word, with its count


def test_jieba_segmenter_is_the_same_interface(reference):
    plain, fast = JiebaSegmenter(reference), segmenter()
    text = CORPUS[0].read_text(encoding="utf-8")
    assert list(plain.cut(text)) == list(fast.cut(text))
    assert plain.freq("一窗受理") == fast.freq("一窗受理") == 20 and plain.freq("xyz") == 0


def test_trie_built_once_then_opened_from_the_cache(tmp_path):
    key, userdict = dictionary_key(jieba.Tokenizer()), _userdict()
    calls = []

    def tokenizer():
        calls.append(1)
        return jieba_tokenizer()

    first = dat_segment.dat_segmenter(tmp_path, key, userdict, tokenizer)
    path = dat_segment.dat_path(tmp_path, key, userdict)
    assert path.exists() and path.with_suffix(".total").exists() and calls == [1]
    second = dat_segment.dat_segmenter(tmp_path, key, userdict, tokenizer)
    assert calls == [1]  # opened, not built
    text = "许昌市生态环境局关于一窗受理改革和农村饮水安全5.7公里的答复"
    assert list(second.cut(text)) == list(first.cut(text)) == list(jieba_tokenizer().cut(text, HMM=True))


def test_damaged_trie_is_built_again(tmp_path):
    key, userdict = dictionary_key(jieba.Tokenizer()), _userdict()
    path = dat_segment.dat_path(tmp_path, key, userdict)
    dat_segment.dat_segmenter(tmp_path, key, userdict, jieba_tokenizer)
    path.write_bytes(b"not a trie" * 10)
    assert dat_segment.open_dat(path) is None
    seg = dat_segment.dat_segmenter(tmp_path, key, userdict, jieba_tokenizer)
    assert list(seg.cut("一窗受理")) == ["一窗受理"] and dat_segment.open_dat(path) is not None
    path.with_suffix(".total").write_text("garbage", encoding="ascii")
    assert dat_segment.open_dat(path) is None


def test_trie_key_follows_the_user_dictionary(tmp_path):
    key = dictionary_key(jieba.Tokenizer())
    assert dat_segment.dat_path(tmp_path, key, b"a 3 n\n") != dat_segment.dat_path(tmp_path, key, b"a 4 n\n")
    assert dat_segment.dat_path(tmp_path, key + "x", b"") != dat_segment.dat_path(tmp_path, key, b"")


def test_unwritable_cache_still_segments(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    seg = dat_segment.dat_segmenter(blocker / "govdoc", dictionary_key(jieba.Tokenizer()), _userdict(),
                                    jieba_tokenizer)
    assert list(seg.cut("一窗受理容缺办理")) == ["一窗受理", "容缺办理"]
