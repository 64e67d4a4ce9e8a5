"""extract.scan: the shared cheap scans give the same results as the plain regex searches."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc.extract.scan import LineEnds, TextIndex, find_all, finditer_alternatives, line_matches, nonblank_line_above

# Short texts over an alphabet that makes the patterns below match often.
texts = st.text(alphabet="抄送报:：文件局 \t\n1日号ab", max_size=40)


@given(texts)
@settings(max_examples=400)
def test_colons(text):
    assert TextIndex(text).colons == [m.start() for m in re.finditer("[:：]", text)]
    assert TextIndex(text).colons_in(3, 9) == [m.start() for m in re.finditer("[:：]", text) if 3 <= m.start() < 9]


@given(texts)
@settings(max_examples=400)
def test_first_colons(text):
    expected = []
    pos = 0
    for line in text.split("\n"):
        m = re.search("[:：]", line)
        if m:
            expected.append((pos, pos + m.start(), line[:m.start()].rstrip(" \t")[-1:]))
        pos += len(line) + 1
    assert TextIndex(text).first_colons == expected


@given(texts, st.integers(0, 45), st.integers(0, 45))
@settings(max_examples=400)
def test_find_all(text, start, end):
    assert find_all(text, "文件", start, end) == [m.start() for m in re.finditer("文件", text[:end])
                                                  if m.start() >= start]


CC = re.compile(r"^[ \t]*抄[ \t]*[送报][ \t]*[:：][ \t]*(?P<value>[^\n]*)", re.M)


@given(texts, st.integers(0, 45), st.integers(0, 45))
@settings(max_examples=400)
def test_line_matches(text, start, end):
    expected = [m.span("value") for m in CC.finditer(text, start, end)]
    found = line_matches(CC, text, find_all(text, "抄", start, end), start, end)
    assert [m.span("value") for m in found] == expected


@given(texts, st.integers(0, 45))
@settings(max_examples=400)
def test_line_ends(text, start):
    expected = []
    pos = 0
    for line in text.split("\n"):
        last = line.rstrip(" \t")[-1:]
        if pos >= start and last and re.match(r"[\d日号]", last):
            expected.append((pos, pos + len(line)))
        pos += len(line) + 1
    assert list(LineEnds(r"\d日号").lines(text, start)) == expected


@given(texts)
@settings(max_examples=400)
def test_nonblank_line_above(text):
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    for i, (s, _) in enumerate(lines):
        above = [(a, b) for a, b in lines[:i] if text[a:b].strip()]
        assert nonblank_line_above(text, s) == (above[-1] if above else None)


@given(texts, st.integers(0, 45))
@settings(max_examples=400)
def test_nonblank_line_above_reads_nothing_above_the_floor(text, floor):
    """With a floor, the same as on the text cut at the floor (a line begun above it is cut)."""
    floor = min(floor, len(text))
    for s in [0] + [m.end() for m in re.finditer("\n", text)]:
        if s <= floor:
            continue
        cut = nonblank_line_above(text[floor:], s - floor)
        assert nonblank_line_above(text, s, floor) == (None if cut is None else (cut[0] + floor, cut[1] + floor))


ALTERNATION = re.compile(r"(?:抄送|文件|局)[ \t]*(?P<v>[^\n:]{1,3})")
SPLIT = [re.compile(r"抄送[ \t]*(?P<v>[^\n:]{1,3})"), re.compile(r"文件[ \t]*(?P<v>[^\n:]{1,3})"),
         re.compile(r"局[ \t]*(?P<v>[^\n:]{1,3})")]


@given(texts, st.integers(0, 45), st.integers(0, 45))
@settings(max_examples=400)
def test_finditer_alternatives(text, pos, end):
    expected = [(m.span(), m.span("v")) for m in ALTERNATION.finditer(text, pos, end)]
    assert [(m.span(), m.span("v")) for m in finditer_alternatives(SPLIT, text, pos, end)] == expected
