"""A document Elasticsearch rejects: the error names the letter and the record, the letter is left
out whole, and the other letters of the batch are indexed."""
from __future__ import annotations

import copy

import pytest
from backends import NANHUA_2019, XUCHANG_2017, XUCHANG_2019
from elastic_support import needs_es

from govdoc.index.base import Query, letter_id

pytestmark = needs_es


def with_metric_value(letter: dict, value) -> dict:
    changed = copy.deepcopy(letter)
    changed["metrics"][0]["value"] = value
    return changed


def with_doc_number_year(letter: dict, year) -> dict:
    changed = copy.deepcopy(letter)
    changed["issue_date"] = None
    changed["doc_number"] = {"span": None, "confidence": 1.0, "raw": "许环〔二〇一九〕12号", "prefix": "许环",
                             "year": year, "serial": 12}
    return changed


@pytest.mark.parametrize("bad, record_suffix", [
    (with_metric_value(XUCHANG_2019, "五十七"), ":k1"),  # a metric value that is no number
    (with_metric_value(XUCHANG_2019, {"value": 57}), ":k1"),
    # a year that is no number: in every record of the letter; the first sent (its measures and
    # metrics go before the letter record) is named
    (with_doc_number_year(XUCHANG_2019, "二〇一九"), ":m1"),
])
def test_rejected_document_is_named_and_its_letter_left_out(es_index, bad, record_suffix):
    result = es_index.index([XUCHANG_2017, bad, NANHUA_2019])
    lid = letter_id(bad)
    assert result.indexed == 2
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.startswith(f"{bad['source']['path']}: Elasticsearch rejected record {lid}{record_suffix} ")
    assert "(HTTP 400): " in error and "parsing_exception" in error and error.endswith("the letter was not indexed")
    stats = es_index.stats()
    assert (stats["letters"], stats["measures"], stats["metrics"]) == (2, 2, 2)
    assert es_index.search(Query(letter_id=lid, record="measures"))["total"] == 0


def test_rejected_reindex_leaves_no_half_letter(es_index):
    assert es_index.index([XUCHANG_2019]).errors == []
    result = es_index.index([with_metric_value(XUCHANG_2019, "五十七")])
    assert result.indexed == 0 and len(result.errors) == 1
    for record in ("letters", "measures", "metrics"):
        assert es_index.search(Query(letter_id=letter_id(XUCHANG_2019), record=record))["total"] == 0


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_batches_of_any_size_index_every_letter_once(es_index, batch_size):
    letters = [XUCHANG_2017, XUCHANG_2019, NANHUA_2019, XUCHANG_2019]
    assert es_index.index(letters, batch_size=batch_size).errors == []
    stats = es_index.stats()
    assert (stats["letters"], stats["measures"], stats["metrics"]) == (3, 5, 4)
