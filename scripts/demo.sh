#!/usr/bin/env bash
# The main job on the embedded default: install, ingest the bundled sample corpus into the
# SQLite index under ./govdoc-data, and run example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export GOVDOC_DATA="${GOVDOC_DATA:-$PWD/govdoc-data}"
.venv/bin/govdoc ingest corpora/seed corpora/real
.venv/bin/govdoc search 错峰生产 --year 2017..2021
.venv/bin/govdoc search 一窗受理 --records measures --limit 5
.venv/bin/govdoc stats
echo
echo "Web pages (search, letters with their fields highlighted, charts, JSON API), read-only, on this machine only:"
echo "  .venv/bin/govdoc serve --data \"$GOVDOC_DATA\"    # then open http://127.0.0.1:8000/"
