"""The jieba tokenizer builds a real spaCy Doc whose text is the input and whose tokens are
jieba's words."""
import pytest

from govdoc.nlp.extensions import DocFields, field_values
from govdoc.nlp.pipeline import make_nlp
from govdoc.nlp.segment import cut


@pytest.mark.parametrize("text", [
    "关于市十三届人大三次会议第123号建议的答复",
    "PM2.5平均浓度 85 微克/立方米，较去年下降 9.3%。\n\n二、下一步工作",
    "  答 复 函\f第二页  ",
    "abc def",
])
def test_doc_text_is_input_and_tokens_are_jieba_words(text):
    doc = make_nlp().make_doc(text)
    assert doc.text == text
    assert [t.text for t in doc] == cut(text)
    assert all(not t.whitespace_ for t in doc)


def test_same_word_twice_reuses_its_lexeme():
    doc = make_nlp().make_doc("答复答复")
    assert [t.text for t in doc] == ["答复", "答复"]
    assert doc[0].orth == doc[1].orth


def test_empty_text_gives_empty_doc():
    doc = make_nlp().make_doc("")
    assert doc.text == "" and len(doc) == 0


def test_doc_fields_read_and_write_the_doc_extensions():
    doc = make_nlp().make_doc("答复")
    fields = DocFields(doc)
    assert fields.title is None
    fields.title = "标题"
    assert doc._.title == "标题" and fields.title == "标题" and fields.get("title") == "标题"
    fields.set("kind", "reply")
    assert doc._.kind == "reply"
    assert field_values(doc, ("title", "kind", "issuer")) == {"title": "标题", "kind": "reply", "issuer": None}
    with pytest.raises(AttributeError):
        fields.no_such_field
    with pytest.raises(AttributeError):
        fields.no_such_field = 1
