"""has_traditional: a text is traditional when it holds a character OpenCC's t2s changes on
its own; the check agrees with asking OpenCC for such texts, in and outside the BMP."""
from __future__ import annotations

import pytest

from govdoc.text.zh import _t2s, has_traditional, opencc_traditional_chars, traditional_chars


@pytest.mark.parametrize("text, traditional", [
    ("许昌市生态环境局关于第134号建议的答复", False),
    ("你們在鎮康縣第十七屆人民代表大會提出的建議", True),
    ("联系人：张三\n电话：0374-1234567", False),
    ("abc 123 ，。：", False),
    ("", False),
    ("他以此为藉口", False),  # 藉 is a simplified character too: only the phrase would change
])
def test_has_traditional(text, traditional):
    assert has_traditional(text) is traditional


def test_has_traditional_finds_a_traditional_character_outside_the_bmp():
    astral = {c for c in traditional_chars() if ord(c) >= 0x10000}
    assert astral, "OpenCC's t2s converts no supplementary-plane character any more?"
    char = sorted(astral)[0]
    assert _t2s().convert(char) != char
    assert has_traditional("许昌市" + char + "生态环境局")


def test_has_traditional_agrees_with_opencc_on_single_characters():
    for ch in "們會這個說時為國當來對與發經後進過還麼":
        assert has_traditional(ch) and _t2s().convert(ch) != ch
    for ch in "们会这个说时为国当来对与发经后进过还么":
        assert not has_traditional(ch) and _t2s().convert(ch) == ch


def test_traditional_chars_file_agrees_with_the_installed_opencc():
    assert traditional_chars() == frozenset(opencc_traditional_chars()), \
        "OpenCC changed: run scripts/make_traditional_chars.py"
