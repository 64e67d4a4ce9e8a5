from __future__ import annotations

import json

import pytest
from backends import XUCHANG_2017, XUCHANG_2019

from govdoc.index.load import load_letters
from govdoc.index.records import BODY_KEY


def _load(paths):
    errors: list[str] = []
    letters = list(load_letters(paths, errors.append))
    return letters, errors


def test_load_json_jsonl_and_folders(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(XUCHANG_2017, ensure_ascii=False), encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.jsonl").write_text(json.dumps(XUCHANG_2019) + "\n\n" + json.dumps(XUCHANG_2017) + "\n", encoding="utf-8")
    (sub / "notes.txt").write_text("not a letter", encoding="utf-8")
    letters, errors = _load([tmp_path])
    assert errors == []
    assert [l["source"]["path"] for l in letters] == ["letters/xuchang-2017.txt", "letters/xuchang-2019.txt",
                                                      "letters/xuchang-2017.txt"]


@pytest.mark.parametrize("name, body, reason", [
    ("bad.json", "{not json", "bad.json: not valid JSON"),
    ("shape.json", '{"source": {"path": "x"}}', "shape.json: not a parsed letter: source.sha256"),
    ("list.json", "[1]", "list.json[0]: not a JSON object"),
    ("lines.jsonl", "{oops\n", "lines.jsonl:1: not valid JSON"),
    ("latin1.json", "é".encode("latin-1"), "latin1.json: not valid JSON"),
])
def test_bad_files_get_one_error_naming_them_and_loading_goes_on(tmp_path, name, body, reason):
    bad = tmp_path / name
    bad.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    good = tmp_path / "z-good.json"
    good.write_text(json.dumps(XUCHANG_2019), encoding="utf-8")
    letters, errors = _load([bad, good])
    assert len(letters) == 1
    assert len(errors) == 1 and reason in errors[0]


def test_missing_file_is_named(tmp_path):
    letters, errors = _load([tmp_path / "nope.json"])
    assert letters == [] and "nope.json: cannot read" in errors[0]


@pytest.mark.parametrize("sidecar, body", [
    ("关于加强大气污染防治的建议的答复\n我局对钢铁企业实施错峰生产。\n", "我局对钢铁企业实施错峰生产。"),
    (None, None),
])
def test_json_letter_carries_its_text_sidecar(tmp_path, sidecar, body):
    (tmp_path / "a1b2.json").write_text(json.dumps(XUCHANG_2017, ensure_ascii=False), encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "a1b2.txt").write_text(sidecar, encoding="utf-8")
    letters, errors = _load([tmp_path])
    assert errors == [] and len(letters) == 1
    if body is None:
        assert BODY_KEY not in letters[0]
    else:
        assert body in letters[0][BODY_KEY]


@pytest.mark.parametrize("name, content", [
    ("lines.jsonl", json.dumps(XUCHANG_2017) + "\n"),
    ("list.json", json.dumps([XUCHANG_2017])),
])
def test_jsonl_lines_and_json_lists_take_no_sidecar(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / name).with_suffix(".txt").write_text("实施错峰生产", encoding="utf-8")
    letters, errors = _load([tmp_path])
    assert errors == [] and len(letters) == 1 and BODY_KEY not in letters[0]


def test_sidecar_not_utf8_is_named(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(XUCHANG_2017), encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("错峰生产".encode("gb18030"))
    letters, errors = _load([tmp_path])
    assert letters == [] and len(errors) == 1 and "a.txt is not UTF-8" in errors[0]
