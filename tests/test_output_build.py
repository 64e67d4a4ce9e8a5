"""extract.output.build: the same value, validation and errors as the model's keyword constructor."""
import pytest
from pydantic import ValidationError

from govdoc.extract.output import build
from govdoc.model import Contact, Name, Span


def test_same_value_as_constructor():
    span = Span(page=1, start=3, end=9)
    built = build(Name, name="许昌市生态环境局", span=span, confidence=0.9)
    made = Name(name="许昌市生态环境局", span=span, confidence=0.9)
    assert built == made and type(built) is Name
    assert built.model_dump_json() == made.model_dump_json()
    assert built.model_fields_set == made.model_fields_set
    values = {"unit": None, "person": "张三", "phone": "13800001111"}
    assert build(Contact, **values, span=span, confidence=0.75) == Contact(**values, span=span, confidence=0.75)


@pytest.mark.parametrize("fields", [{"name": "x", "confidence": 1.5}, {"name": "x", "extra": 1}])
def test_same_validation(fields):
    with pytest.raises(ValidationError):
        build(Name, **fields)
    with pytest.raises(ValidationError):
        Name(**fields)


@pytest.mark.parametrize("model, fields", [
    (Name, {"name": "许昌市生态环境局", "confidence": 0.9}),
    (Contact, {"unit": None, "person": "张三", "phone": "13800001111", "confidence": 0.75}),
])
def test_span_given_as_its_fields(model, fields):
    """Stages give the span as ``NormText.span_dict``: the same model as with a ``Span``."""
    assert build(model, **fields, span={"page": 2, "start": 3, "end": 9}) == model(**fields, span=Span(page=2, start=3, end=9))
