"""Loaders for the rules kept as data in ``govdoc/data/rules/``, each checked line by line.

A rule file is UTF-8 text, one entry a line, fields separated by tabs; blank lines and lines
starting with ``#`` are comments; the first other line names the columns and must be the one the
loader expects.  Every problem is a :class:`~govdoc.errors.BadInput` naming the file and
``line N: …``; a file is read when a stage first needs it (never at import), and kept once read.
Each loader has a pure ``parse_*(text, path)`` twin that the tests feed with broken lines.

Patterns are written as a reader writes them (``此复|特此(?:答复|函复|回复)``); the fast form the
stages search with is derived here (:class:`Rule`), never written by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

from govdoc.errors import BadInput

def read_data_file(path: str | Path, what: str) -> str:
    """A data file's text (packaged, or a user's own named by an environment variable); one
    :class:`BadInput` naming the file when it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else f"not UTF-8 ({exc.reason})"
        raise BadInput(path, f"cannot read the {what}: {reason}") from exc


def _rule_file(name: str):
    return resources.files("govdoc.data").joinpath("rules", name)


def rule_path(name: str) -> str:
    return str(_rule_file(name))


def read_rule_file(name: str) -> str:
    return _rule_file(name).read_text(encoding="utf-8")


def rows(text: str, path: str, header: tuple[str, ...], optional: int = 0) -> Iterator[tuple[int, tuple[str, ...]]]:
    """``(line number, fields)`` of each entry; ``optional``: how many last columns may be left out."""
    seen_header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.rstrip("\n").split("\t"))
        if not seen_header:
            if fields != header:
                raise BadInput(path, f"line {number}: the column line should be {chr(9).join(header)!r}")
            seen_header = True
            continue
        if not len(header) - optional <= len(fields) <= len(header):
            raise BadInput(path, f"line {number}: {len(fields)} tab-separated fields, expected {len(header)}"
                                 f" ({', '.join(header)})")
        if any(not f for f in fields):
            raise BadInput(path, f"line {number}: an empty field")
        yield number, fields
    if not seen_header:
        raise BadInput(path, "no column line")


def unescape(example: str) -> str:
    """An example as written in a rule file: ``\\n`` and ``\\t`` stand for a line break and a tab."""
    return example.replace("\\n", "\n").replace("\\t", "\t")


def compile_at(pattern: str, path: str, number: int, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise BadInput(path, f"line {number}: bad pattern {pattern!r}: {exc}") from None


def weight_at(value: str, path: str, number: int) -> float:
    try:
        return float(value)
    except ValueError:
        raise BadInput(path, f"line {number}: weight {value!r} is no number") from None


# ---------------------------------------------------------------------------------------------
# Patterns as written, searched fast


def top_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (not inside a group or a character class)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # []…]: a ] right after [ is a member
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return out + [pattern[start:]]


def _skip(pattern: str, i: int) -> int:
    """The offset after the group or character class opening at ``i``."""
    if pattern[i] == "[":
        i += 2 if pattern[i + 1:i + 2] == "]" else 1
        while pattern[i] != "]":
            i += 2 if pattern[i] == "\\" else 1
        return i + 1
    depth = 0
    while True:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip(pattern, i)
            continue
        depth += c == "("
        depth -= c == ")"
        i += 1
        if depth == 0:
            return i


def required_word(alternative: str) -> str:
    """The longest run of plain characters that every match of ``alternative`` (a pattern
    without top-level ``|``) holds: its literals outside groups and classes, not made optional
    or repeated by a quantifier.  '' when there is none."""
    runs, run, i = [], "", 0
    while i < len(alternative):
        c = alternative[i]
        literal = None
        if c == "\\":
            nxt = alternative[i + 1]
            literal = None if nxt.isalnum() else nxt  # \d, \n …: no plain character
            i += 2
        elif c in "[(":
            i = _skip(alternative, i)
        elif c in ".^$":
            i += 1
        else:
            literal = c
            i += 1
        if i < len(alternative) and alternative[i] in "?*+{":
            literal = None  # quantified: maybe absent
            i = alternative.index("}", i) + 1 if alternative[i] == "{" else i + 1
            if i < len(alternative) and alternative[i] in "?+":
                i += 1
        if literal is None:
            runs.append(run)
            run = ""
        else:
            run += literal
    runs.append(run)
    return max(runs, key=len)


@dataclass(frozen=True)
class Rule:
    """A pattern as written (``readable``), searched as its top-level alternatives, each tried
    only when the text holds its required word; an alternative that opens with ``^`` (a line
    start, in MULTILINE mode) is tried at the text's start and searched as a line break followed
    by the rest, a literal the regex engine skips ahead to.  The same answer as
    ``re.search(readable)`` (``tests/test_data_rules.py`` checks it on the corpus), at a fraction of
    the cost when the pattern opens with something the engine cannot skip ahead to."""

    readable: str
    alternatives: tuple[tuple[str, re.Pattern, Optional[re.Pattern]], ...]  # (word, pattern, after a break)

    @classmethod
    def parse(cls, readable: str, path: str, number: int, flags: int = 0) -> "Rule":
        compile_at(readable, path, number, flags)  # the whole pattern must be valid as written
        out = []
        for alternative in top_alternatives(readable):
            at_break = None
            if alternative.startswith("^") and flags & re.M:
                at_break = compile_at("\n" + alternative[1:], path, number, flags)
            out.append((required_word(alternative), compile_at(alternative, path, number, flags), at_break))
        return cls(readable, tuple(out))

    def search(self, text: str) -> bool:
        for word, pattern, at_break in self.alternatives:
            if word not in text:
                continue
            if at_break is None:
                if pattern.search(text):
                    return True
            elif pattern.match(text) or at_break.search(text):
                return True
        return False


# ---------------------------------------------------------------------------------------------
# Kind cues (extract/kind.py)

KIND_CUES = "kind_cues.tsv"
KINDS = ("reply", "suggestion", "other")


@dataclass(frozen=True)
class KindCue:
    where: str  # text | title
    kind: str
    weight: float
    rule: Rule
    example: str
    line: int


def parse_kind_cues(text: str, path: str) -> tuple[KindCue, ...]:
    out = []
    for number, (where, kind, weight, pattern, example) in rows(
            text, path, ("where", "kind", "weight", "pattern", "example")):
        if where not in ("text", "title"):
            raise BadInput(path, f"line {number}: where is {where!r}, not text or title")
        if kind not in KINDS:
            raise BadInput(path, f"line {number}: kind is {kind!r}, not one of {', '.join(KINDS)}")
        out.append(KindCue(where, kind, weight_at(weight, path, number), Rule.parse(pattern, path, number, re.M),
                           unescape(example), number))
    return tuple(out)


@lru_cache(maxsize=None)
def kind_cues() -> tuple[KindCue, ...]:
    return parse_kind_cues(read_rule_file(KIND_CUES), rule_path(KIND_CUES))


# ---------------------------------------------------------------------------------------------
# Units of metrics (extract/metrics.py)

UNITS = "units.tsv"
UNIT_CLASSES = ("count", "measure", "time")


@dataclass(frozen=True)
class Unit:
    unit: str
    unit_class: str  # count | measure | time
    example: str
    guard: str  # a look-ahead the unit must pass ('' when none)
    blocked: str  # a text where the guard keeps the unit from being read ('' when no guard)
    line: int


@dataclass(frozen=True)
class Units:
    entries: tuple[Unit, ...]

    @property
    def classes(self) -> dict[str, str]:
        """unit → class, in file order."""
        return {u.unit: u.unit_class for u in self.entries}

    def alternation(self) -> str:
        """The units as one regex alternation, each behind its guard (a unit ending in a Latin
        letter also behind ``(?![A-Za-z])``): grouped by first character, each followed by the rest
        of its units (longest first), behind a look-ahead on the first characters so that a number
        without a unit fails fast.  (``个(?:月|…|)`` rather than ``个月|…|个``: the same matches in
        the same order, while the engine tries one alternative per first character, not one per
        unit.)"""
        groups: dict[str, list[str]] = {}
        for u in sorted(self.entries, key=lambda u: len(u.unit), reverse=True):
            guard = u.guard
            if u.unit[-1].isascii() and u.unit[-1].isalpha():
                guard += r"(?![A-Za-z])"
            groups.setdefault(u.unit[0], []).append(re.escape(u.unit[1:]) + guard)
        first = "".join(re.escape(c) for c in groups)
        return f"(?=[{first}])(?:" + "|".join(re.escape(c) + "(?:" + "|".join(g) + ")" for c, g in groups.items()) + ")"


def parse_units(text: str, path: str) -> Units:
    out: dict[str, Unit] = {}
    for number, fields in rows(text, path, ("unit", "class", "example", "guard", "blocked"), optional=2):
        unit, unit_class, example = fields[:3]
        if len(fields) == 4:
            raise BadInput(path, f"line {number}: a guard needs a blocked example after it")
        guard, blocked = fields[3:] if len(fields) == 5 else ("", "")
        if any(c.isspace() for c in unit):
            raise BadInput(path, f"line {number}: unit {unit!r} holds a space")
        if unit in out:
            raise BadInput(path, f"line {number}: unit {unit!r} is listed already on line {out[unit].line}")
        if unit_class not in UNIT_CLASSES:
            raise BadInput(path, f"line {number}: class is {unit_class!r}, not one of {', '.join(UNIT_CLASSES)}")
        if guard:
            compile_at(guard, path, number)
            if not guard.startswith(("(?=", "(?!")) or _skip(guard, 0) != len(guard):
                raise BadInput(path, f"line {number}: guard {guard!r} is not one look-ahead (?=…) or (?!…)")
        out[unit] = Unit(unit, unit_class, unescape(example), guard, unescape(blocked), number)
    return Units(tuple(out.values()))


@lru_cache(maxsize=None)
def units() -> Units:
    return parse_units(read_rule_file(UNITS), rule_path(UNITS))


# ---------------------------------------------------------------------------------------------
# Word lists: one word a line, in groups (measures' heading words, organ endings)


@dataclass(frozen=True)
class Word:
    group: str
    word: str
    example: str
    line: int


def parse_words(text: str, path: str, groups: tuple[str, ...]) -> dict[str, tuple[Word, ...]]:
    """group → its words in file order; every group of ``groups`` must have one word at least."""
    out: dict[str, list[Word]] = {g: [] for g in groups}
    seen: dict[tuple[str, str], int] = {}
    for number, (group, word, example) in rows(text, path, ("group", "word", "example")):
        if group not in out:
            raise BadInput(path, f"line {number}: group is {group!r}, not one of {', '.join(groups)}")
        if any(c.isspace() for c in word) or re.escape(word) != word:
            raise BadInput(path, f"line {number}: word {word!r} holds a space or a regex character")
        if (group, word) in seen:
            raise BadInput(path, f"line {number}: {word!r} is listed in {group} already on line {seen[group, word]}")
        seen[group, word] = number
        out[group].append(Word(group, word, unescape(example), number))
    for group, words in out.items():
        if not words:
            raise BadInput(path, f"no word in group {group}")
    return {g: tuple(words) for g, words in out.items()}


def alternation(words: tuple[Word, ...]) -> str:
    """``(?:w1|w2|…)`` in file order."""
    return "(?:" + "|".join(w.word for w in words) + ")"


MEASURE_WORDS = "measure_words.tsv"
MEASURE_GROUPS = ("category", "reported", "action_verb", "action_adverb", "described", "problem", "trait")


@lru_cache(maxsize=None)
def measure_words() -> dict[str, tuple[Word, ...]]:
    return parse_words(read_rule_file(MEASURE_WORDS), rule_path(MEASURE_WORDS), MEASURE_GROUPS)


ORGAN_ENDINGS = "organ_endings.tsv"


@lru_cache(maxsize=None)
def organ_endings() -> tuple[Word, ...]:
    return parse_words(read_rule_file(ORGAN_ENDINGS), rule_path(ORGAN_ENDINGS), ("ending",))["ending"]


# ---------------------------------------------------------------------------------------------
# Grade labels (extract/grade.py) and organs' published grade meanings

GRADE_LABELS = "grade_labels.tsv"
LETTERS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class GradeLabel:
    scheme: str
    rank: int
    label: str
    letter: str  # A–D, or '' for a label of a scheme without letters
    example: str
    line: int


def parse_grade_labels(text: str, path: str) -> tuple[GradeLabel, ...]:
    out: dict[str, GradeLabel] = {}
    for number, (scheme, rank, label, letter, example) in rows(
            text, path, ("scheme", "rank", "label", "letter", "example")):
        if not rank.isdigit() or int(rank) < 1:
            raise BadInput(path, f"line {number}: rank {rank!r} is not a whole number from 1")
        if letter != "-" and letter not in LETTERS:
            raise BadInput(path, f"line {number}: letter {letter!r} is not one of A B C D or -")
        if letter != "-" and len(label) != 1:
            raise BadInput(path, f"line {number}: a label read as a letter class is one character, not {label!r}")
        if label in out:
            raise BadInput(path, f"line {number}: label {label!r} is listed already on line {out[label].line}")
        if any(c.isspace() for c in label) or re.escape(label) != label or label.endswith("类") and letter != "-":
            raise BadInput(path, f"line {number}: label {label!r} holds a space or a regex character")
        out[label] = GradeLabel(scheme, int(rank), label, "" if letter == "-" else letter, unescape(example), number)
    return tuple(out.values())


@lru_cache(maxsize=None)
def grade_labels() -> tuple[GradeLabel, ...]:
    return parse_grade_labels(read_rule_file(GRADE_LABELS), rule_path(GRADE_LABELS))


GRADE_MEANINGS = "grade_meanings.tsv"


@dataclass(frozen=True)
class GradeMeaning:
    organs: tuple[str, ...]
    letter: str
    meaning: str
    source: str
    example: str
    line: int


def parse_grade_meanings(text: str, path: str, labels: tuple[GradeLabel, ...]) -> tuple[GradeMeaning, ...]:
    classes = {g.letter or g.label for g in labels}
    out = []
    for number, (organs, letter, meaning, source, example) in rows(
            text, path, ("organs", "letter", "meaning", "source", "example")):
        names = tuple(o.strip() for o in organs.split("|"))
        if not all(names):
            raise BadInput(path, f"line {number}: an empty organ name in {organs!r}")
        if letter not in classes:
            raise BadInput(path, f"line {number}: {letter!r} is no class of grade_labels.tsv")
        out.append(GradeMeaning(names, letter, meaning, source, unescape(example), number))
    return tuple(out)


@lru_cache(maxsize=None)
def grade_meanings() -> tuple[GradeMeaning, ...]:
    return parse_grade_meanings(read_rule_file(GRADE_MEANINGS), rule_path(GRADE_MEANINGS), grade_labels())


def letter_classes() -> str:
    """The labels read as letter classes (ABCD甲乙丙丁), for a regex character class."""
    return "".join(g.label for g in grade_labels() if g.letter)


METRIC_WORDS = "metric_words.tsv"


@lru_cache(maxsize=None)
def metric_words() -> dict[str, tuple[Word, ...]]:
    return parse_words(read_rule_file(METRIC_WORDS), rule_path(METRIC_WORDS), ("rank_scope",))
