#!/usr/bin/env bash
# Create .venv (if needed) and install govdoc with its test extras.  Idempotent and quiet on
# repeat runs; pip's download cache lives under .cache/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-$PWD/.cache/pip}"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
stamp=.venv/.govdoc-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  touch "$stamp"
fi
