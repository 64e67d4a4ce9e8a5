"""Letters parsed together (``build.parse_reads`` / ``parse_many``, ``pipeline.run_batch``): each
gets what it gets when parsed alone, in its turn; a letter that fails fails alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdoc import build
from govdoc.build import parse_many, parse_read, parse_reads
from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from govdoc.errors import BadInput
from govdoc.read import read_path
from govdoc.read.base import Page, ReadResult, sha256

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "xuchang-2019-reply.txt"
GOLD_LETTERS = sorted(p.with_name(p.name[: -len(".gold.json")] + ".txt") for p in (ROOT / "corpora").rglob("*.gold.json"))


def letter(text: str, path: str) -> ReadResult:
    return ReadResult(path, sha256(text.encode("utf-8")), "text", [Page(1, text)])


def dumps(outcomes) -> list[dict]:
    return [outcome[0].model_dump() for outcome in outcomes]


def test_one_batch_of_every_corpus_letter_equals_each_parsed_alone():
    # 69 letters in one batch: each keeps its own analysis (doc._.analysis), nothing is shared between them
    results = [read_path(p) for p in GOLD_LETTERS]
    alone = dumps(parse_read(r) for r in results)
    assert dumps(parse_reads(results)) == alone
    assert dumps(parse_reads(results[::-1])) == alone[::-1]


def test_a_stage_that_fails_on_one_letter_fails_that_letter_only(monkeypatch):
    import govdoc.extract.cc as cc
    import govdoc.extract.metrics as metrics

    find_cc, find_metrics, seen = cc.find_cc, metrics.find_metrics, []

    def failing_cc(norm):
        if "【坏】" in norm.text:
            raise RuntimeError("cc broke")
        return find_cc(norm)

    def watched_metrics(norm, *args):
        seen.append(norm.text)
        return find_metrics(norm, *args)

    monkeypatch.setattr(cc, "find_cc", failing_cc)
    monkeypatch.setattr(metrics, "find_metrics", watched_metrics)
    text = SEED.read_text(encoding="utf-8")
    good, bad = letter(text, "good.txt"), letter(text + "\n【坏】\n", "bad.txt")
    out = parse_reads([good, bad, good])
    assert isinstance(out[1], RuntimeError) and str(out[1]) == "cc broke"
    assert dumps([out[0]]) == dumps([out[2]]) == dumps([parse_read(good)])
    assert not any("【坏】" in t for t in seen)  # its later stages were skipped
    with pytest.raises(RuntimeError, match="cc broke"):
        parse_read(bad)


def test_a_letter_that_fails_to_normalize_or_tokenize_fails_alone(monkeypatch):
    from govdoc.nlp.tokenizer import JiebaTokenizer

    normalize, tokenize = build.normalize, JiebaTokenizer.__call__

    def failing_normalize(pages):
        if "【不可规范】" in pages[0].text:
            raise ValueError("normalize broke")
        return normalize(pages)

    def failing_tokenize(self, text):
        if "【不可切分】" in text:
            raise ValueError("tokenizer broke")
        return tokenize(self, text)

    monkeypatch.setattr(build, "normalize", failing_normalize)
    monkeypatch.setattr(JiebaTokenizer, "__call__", failing_tokenize)
    text = SEED.read_text(encoding="utf-8")
    out = parse_reads([letter(text + "【不可规范】", "a.txt"), letter(text, "b.txt"),
                       letter(text + "【不可切分】", "c.txt")])
    assert [str(o) if isinstance(o, Exception) else o[0].source.path for o in out] == [
        "normalize broke", "b.txt", "tokenizer broke"]


def test_parse_many_keeps_the_order_and_reports_a_bad_file_in_its_place(monkeypatch):
    batches: list[int] = []
    parse = build.parse_reads
    monkeypatch.setattr(build, "parse_reads", lambda results: batches.append(len(results)) or parse(results))
    monkeypatch.setattr(build, "BATCH_LETTERS", 3)
    text = SEED.read_text(encoding="utf-8")

    def read(item: str) -> ReadResult:
        if item == "bad":
            raise BadInput(item, "not a letter")
        return letter(text, item)

    got = list(parse_many(["a", "bad", "b", "c", "d"], read))
    assert [item for item, _ in got] == ["a", "bad", "b", "c", "d"]
    assert isinstance(got[1][1], BadInput) and got[1][1].line() == "bad: not a letter"
    assert [o[0].source.path for item, o in got if item != "bad"] == ["a", "b", "c", "d"]
    assert batches == [2, 2]  # [a, bad, b] holds two letters to parse, then [c, d]


@pytest.mark.parametrize("limit", ["BATCH_CHARS", "BATCH_SECONDS"])
def test_parse_many_parses_early_when_the_letters_are_long_or_slow_to_read(monkeypatch, limit):
    batches: list[int] = []
    parse = build.parse_reads
    monkeypatch.setattr(build, "parse_reads", lambda results: batches.append(len(results)) or parse(results))
    monkeypatch.setattr(build, limit, 0)  # every letter reaches the limit
    text = SEED.read_text(encoding="utf-8")
    got = list(parse_many(["a", "b", "c"], lambda item: letter(text, item)))
    assert [o[0].source.path for _item, o in got] == ["a", "b", "c"]
    assert batches == [1, 1, 1, 0]  # the last call: nothing left over


def test_parse_command_goes_on_past_a_bad_file_in_a_batch(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    first, second = GOLD_LETTERS[0], GOLD_LETTERS[1]
    result = CliRunner().invoke(app, ["parse", str(first), str(bad), str(second), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [d["source"]["path"] for d in lines] == [str(first), str(second)]
    assert lines[0] == parse_read(read_path(first))[0].model_dump(mode="json")
    assert f"{bad}:" in result.stderr and "1 of 3 file(s) failed" in result.stderr
