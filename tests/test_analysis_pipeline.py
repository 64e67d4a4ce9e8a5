"""extract.analysis: one per-letter object, true requires/assigns, no hidden state in extract/."""
import ast
from pathlib import Path

import pytest

from govdoc.build import parse_text
from govdoc.extract.analysis import Analysis
from govdoc.nlp.pipeline import STAGES, make_nlp

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "govdoc" / "extract"
LETTER = ("许昌市环境保护局\n许环〔2019〕4号\n关于市人大十三届三次会议第12号建议的答复\n尊敬的张三代表：\n"
          "您提出的关于加强大气污染防治的建议收悉，现答复如下：\n一、加强监管\n我局开展执法检查56次。\n"
          "联系人：李四  联系电话：0374-1234567\n许昌市环境保护局\n2019年6月20日\n")


def test_analysis_pipes_declare_what_they_read():
    assert all(not problems for problems in make_nlp().analyze_pipes()["problems"].values())


@pytest.mark.parametrize("text, attribute, expected", [
    (LETTER, "kind", "reply"),
    ("关于加快农村公路建设的建议\n案由：农村公路\n建议如下：\n", "kind", "suggestion"),
    (LETTER, "body_start", LETTER.index("尊敬的")),
])
def test_analysis_properties(text, attribute, expected):
    assert getattr(Analysis(text), attribute) == expected


def test_analysis_title_candidate_is_the_letters_own():
    a = Analysis(LETTER)
    cand = a.title_candidate
    assert a.match[cand.start:cand.end] == "关于市人大十三届三次会议第12号建议的答复"


@pytest.mark.parametrize("order", ["reversed", "kind first"])
def test_stage_order_does_not_change_output(order, monkeypatch):
    """Stages read shared values from the analysis, so any order that respects ``requires``
    gives the same letter."""
    expected = parse_text(LETTER).model_dump()
    stages = STAGES[:1] + (STAGES[1:][::-1] if order == "reversed" else
                           [s for s in STAGES if s[0] == "kind"] + [s for s in STAGES[1:] if s[0] != "kind"])
    # reversed order breaks the requires of grade/issue_date/item: move their fields' stages first
    firsts = ("doc_number", "congress")
    stages = stages[:1] + [s for s in stages[1:] if s[0] in firsts] + [s for s in stages[1:] if s[0] not in firsts]
    monkeypatch.setattr("govdoc.nlp.pipeline.STAGES", stages)
    make_nlp.cache_clear()
    try:
        assert parse_text(LETTER).model_dump() == expected
    finally:
        make_nlp.cache_clear()


def _modules():
    return sorted(EXTRACT.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_extract_module_has_no_global_state_and_no_local_import(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                assert not isinstance(inner, (ast.Import, ast.ImportFrom)), f"{path.name}:{inner.lineno}: import in a function"
        if isinstance(node, ast.Global):
            pytest.fail(f"{path.name}:{node.lineno}: module-global state")
        if isinstance(node, ast.FunctionDef) and node.args.args and any(
                ast.unparse(d).split("(")[0] in ("cache", "lru_cache", "functools.cache") for d in node.decorator_list):
            pytest.fail(f"{path.name}:{node.lineno}: a cache keyed by its arguments (only patterns built"
                        " from the data files, which take none, are kept between letters)")
    assert "user_data" not in path.read_text(encoding="utf-8") or path.name == "__init__.py"


def _runtime_imports(path: Path) -> set[str]:
    """The govdoc.extract modules ``path`` imports at run time (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("govdoc.extract"):
            names = [node.module] if node.module != "govdoc.extract" else [f"govdoc.extract.{a.name}" for a in node.names]
            out.update(n.rsplit(".", 1)[-1] for n in names)
    return out


def test_extract_import_graph_has_no_cycle():
    graph = {p.stem: _runtime_imports(p) for p in _modules()}
    done, stack = set(), []

    def visit(name):
        if name in stack:
            pytest.fail("import cycle: " + " -> ".join(stack[stack.index(name):] + [name]))
        if name in done:
            return
        stack.append(name)
        for dep in graph.get(name, ()):
            visit(dep)
        stack.pop()
        done.add(name)

    for name in graph:
        visit(name)


LOWER = {"normalize": ("govdoc.nlp", "govdoc.model", "govdoc.extract", "govdoc.index"),
         "text": ("govdoc.nlp", "govdoc.model", "govdoc.extract", "govdoc.normalize", "govdoc.index"),
         "data": ("govdoc.nlp", "govdoc.model", "govdoc.extract", "govdoc.normalize", "govdoc.index")}


@pytest.mark.parametrize("package", sorted(LOWER))
def test_lower_layers_import_no_higher_one(package):
    for path in sorted((EXTRACT.parent / package).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module else
                     [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                assert not name.startswith(LOWER[package]), f"{path.name}:{node.lineno} imports {name}"
