"""The command line imports only what the command it runs needs: no spaCy, jieba or
Elasticsearch client for ``--help`` or ``stats``, no spaCy or Elasticsearch client for a search."""
from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "jieba", "elasticsearch")

PROBE = """
import sys
from govdoc.cli.app import main
sys.argv = ["govdoc", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("LOADED", *sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.parametrize("args, allowed", [
    (["--help"], ()),
    (["stats", "--json"], ()),
    (["search", "农村饮水", "--json"], ("jieba",)),  # the query is segmented
])
def test_cli_lazy_imports_only_what_the_command_needs(args, allowed, tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *args, *(["--data", str(tmp_path)]
                                                                                   if args[0] != "--help" else [])],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("LOADED")][-1]
    assert set(line.split()[1:]) <= set(allowed), done.stderr
