"""The built wheel, installed (not editable) into a fresh venv, parses, indexes and searches from
another folder: everything it reads at run time is inside the package.

The venv sees the project's already installed dependencies through a ``.pth`` line naming this
venv's site-packages (a ``.pth`` line adds a folder to ``sys.path`` without running the ``.pth``
files there, so the editable govdoc of this checkout stays out); the wheel is installed with
``--no-deps``.  Building the wheel needs setuptools >= 77 from the package index (or pip's
cache): without it the test skips.  About 8 s here: not marked slow."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpora" / "seed" / "xuchang-2019-reply.txt"
OFFLINE = ("No matching distribution", "Could not find a version", "NewConnectionError", "Network is unreachable")


def _run(args: list, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, **kw)


def _build_wheel(src: Path, out: Path) -> Path:
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".cache", ".git", "build", "*.egg-info",
                                                            "__pycache__", "tests", "corpora", "govdoc-data"))
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, src], cwd=out.parent)
    if done.returncode and any(s in done.stdout + done.stderr for s in OFFLINE):
        pytest.skip("no setuptools >= 77 to build the wheel with (offline)")
    assert done.returncode == 0, done.stderr[-3000:]
    return next(out.glob("govdoc-*.whl"))


def _fresh_venv(where: Path) -> Path:
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=where).stdout.strip()
    Path(site, "project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


def test_package_wheel_installed_elsewhere_parses_indexes_searches(tmp_path):
    wheel = _build_wheel(tmp_path / "src", tmp_path / "dist")
    python = _fresh_venv(tmp_path / "venv")
    done = _run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel], cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(LETTER, work / "letter.txt")
    env = {**os.environ, "PYTHONPATH": "", "GOVDOC_DATA": str(work / "data")}
    where = _run([python, "-c", "import govdoc; print(govdoc.__file__)"], cwd=work, env=env)
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout + where.stderr
    govdoc = tmp_path / "venv" / "bin" / "govdoc"
    parsed = _run([govdoc, "parse", "letter.txt", "--out", "json"], cwd=work, env=env)
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads((work / "json" / "letter.json").read_text(encoding="utf-8"))["issuer"]["name"]
    indexed = _run([govdoc, "index", "json"], cwd=work, env=env)
    assert indexed.returncode == 0, indexed.stderr
    found = _run([govdoc, "search", "环境", "--json"], cwd=work, env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 1
