import pytest

from govdoc.text.numerals import cn_to_int, digits_only, to_number


@pytest.mark.parametrize("text,value", [
    ("七", 7), ("十", 10), ("十三", 13), ("二十", 20), ("二十一", 21), ("一百零五", 105),
    ("三千", 3000), ("一万二千", 12000), ("两百", 200), ("十八", 18), ("134", 134),
    ("二〇一九", 2019), ("二○一一", 2011),
])
def test_cn_to_int_reads_positional_numerals(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "届", "abc", "十届"])
def test_cn_to_int_rejects_non_numerals(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize("text,value", [("二〇一九", 2019), ("〇九", 9), ("2019", 2019)])
def test_digits_only_reads_digit_by_digit(text, value):
    assert digits_only(text) == value


@pytest.mark.parametrize("text,value", [("85", 85), ("90.9", 90.9), ("1.2万", 12000.0), ("三千", 3000),
                                        ("1,617", 1617)])
def test_to_number_handles_mixed_forms(text, value):
    assert to_number(text) == pytest.approx(value)
