#!/usr/bin/env bash
# The whole test suite on a fresh machine: Debian packages, Python packages, a real
# Elasticsearch node (fetched from Maven Central, cached under .cache/), then pytest.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need (a CJK font for the rendered PDF and scan fixtures, Maven, and
# Chromium with its driver for the web pages' browser tests: Selenium drives /usr/bin/chromedriver).
need=()
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei fontconfig)
command -v mvn >/dev/null || need+=(maven)
command -v unzip >/dev/null || need+=(unzip)
command -v curl >/dev/null || need+=(curl)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "warning: missing Debian packages (${need[*]}); run as root or install them" >&2
  fi
fi

bash scripts/setup.sh

if [ -z "${GOVDOC_ES_URL:-}" ] && [ "${GOVDOC_NO_ES:-}" != 1 ]; then
  GOVDOC_ES_URL="$(bash scripts/elasticsearch.sh start)"
  export GOVDOC_ES_URL
  trap 'bash scripts/elasticsearch.sh stop >/dev/null 2>&1 || true' EXIT
fi
echo "Elasticsearch: ${GOVDOC_ES_URL:-not used}" >&2

set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
fi
exit "$rc"
