"""The checked-in JSON Schema is generated from the pydantic model and must not drift."""
import json

from govdoc.model import Reply
from govdoc.schema import SCHEMA_PATH, render


def test_schema_checked_in_matches_model():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), (
        "schemas/reply.schema.json is stale: run `python -m govdoc.schema`")


def test_schema_top_level_keys_are_the_documented_order():
    keys = list(Reply.model_fields)
    assert keys == ["schema_version", "source", "kind", "doc_number", "issuer", "signatories", "grade",
                    "title", "congress", "item", "addressee", "proposers", "issue_date", "contact", "cc",
                    "printed_by", "printed_date", "disclosure", "outline", "measures", "metrics", "warnings"]


def test_parsed_seed_validates_against_schema(parsed_seed):
    data = json.loads(parsed_seed.model_dump_json())
    assert Reply.model_validate(data) == parsed_seed
    assert list(data) == list(Reply.model_fields)
