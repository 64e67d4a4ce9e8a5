#!/usr/bin/env bash
# A real single-node Elasticsearch for tests, benchmarks and local use.
#
#   scripts/elasticsearch.sh start    fetch (once), start, wait until healthy, print the URL
#   scripts/elasticsearch.sh stop     stop the node (SIGTERM, then SIGKILL); idempotent
#   scripts/elasticsearch.sh status   "running <url>" (exit 0) or "stopped" (exit 1)
#   scripts/elasticsearch.sh url      the URL of the running node (exit 1 when stopped)
#
#   scripts/elasticsearch.sh pair-start      a two-node cluster on loopback (HTTP 9250/9251, transport
#                                            9350/9351; GOVDOC_ES_PAIR_HTTP / _TRANSPORT change the first
#                                            port): node 1 master+data, node 2 data only, so node 2 can be
#                                            stopped without losing the master; prints "URL1,URL2"
#   scripts/elasticsearch.sh pair-stop-node N   stop node N (1 or 2) of the pair
#   scripts/elasticsearch.sh pair-stop       stop both nodes; idempotent
#
# The distribution is Elasticsearch's integ-test-zip from Maven Central, fetched with mvn into
# Maven's local repository (~/.m2/repository, or $GOVDOC_M2_REPO), so later runs need no network.
# Maven Central serves no 9.x integ-test-zip (newest: 8.19.x), hence the 8.x default.
# The node listens on 127.0.0.1 only, at the first free port from 9200, security off, small heap.
# As root it runs as the system user govdoc-es, from /var/tmp/govdoc-es (readable by that user
# wherever the repository lives); otherwise from .cache/elasticsearch in the repository.
#
# Environment: GOVDOC_ES_VERSION, GOVDOC_ES_PORT (first port tried), GOVDOC_ES_HEAP (e.g. 1g),
# GOVDOC_ES_BASE (folder for the unpacked distribution and node state), GOVDOC_M2_REPO, JAVA_HOME,
# GOVDOC_ES_KEEP_DATA=1 (keep the indices of the previous run; by default each start begins empty),
# GOVDOC_ES_START_TIMEOUT (seconds to wait for a healthy node, default 120).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="${GOVDOC_ES_VERSION:-8.19.21}"
GROUP="org.elasticsearch.distribution.integ-test-zip"
FIRST_PORT="${GOVDOC_ES_PORT:-9200}"
HEAP_MAX="${GOVDOC_ES_HEAP:-1g}"
START_TIMEOUT="${GOVDOC_ES_START_TIMEOUT:-120}"
ES_USER="govdoc-es"
M2_REPO="${GOVDOC_M2_REPO:-$HOME/.m2/repository}"

if [ "$(id -u)" = 0 ]; then
  BASE="${GOVDOC_ES_BASE:-/var/tmp/govdoc-es}"
else
  BASE="${GOVDOC_ES_BASE:-$REPO/.cache/elasticsearch}"
fi
# One node state folder per repository checkout, so two checkouts never share a data folder.
RUN="$BASE/run-$(printf '%s' "$REPO" | sha1sum | cut -c1-10)"
HOME_DIR="$BASE/elasticsearch-$VERSION"
PID_FILE="$RUN/es.pid"
URL_FILE="$RUN/url"

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }
log() { echo "elasticsearch.sh: $*" >&2; }

# --- Java: the newest JDK >= 21 under /usr/lib/jvm (or JAVA_HOME when it is one) -------------
java_major() {  # $1 = JDK folder; prints its major version, or nothing
  local v
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)"
  [ -n "$v" ] && [ -x "$1/bin/java" ] && echo "$v"
}

find_java() {
  local best="" best_v=0 dir v
  if [ -n "${JAVA_HOME:-}" ] && v="$(java_major "$JAVA_HOME")" && [ "${v:-0}" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [ -L "$dir" ] && continue
    v="$(java_major "$dir")" || continue
    if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer under /usr/lib/jvm (each JDK's 'release' file was read); install one, e.g. apt-get install openjdk-21-jdk-headless"
  echo "$best"
}

# --- Fetch and unpack ------------------------------------------------------------------------
zip_path() { echo "$M2_REPO/${GROUP//.//}/elasticsearch/$VERSION/elasticsearch-$VERSION.zip"; }

fetch() {
  local zip; zip="$(zip_path)"
  if [ ! -s "$zip" ]; then
    command -v mvn >/dev/null || die "mvn not found; install Maven (apt-get install maven)"
    log "fetching $GROUP:elasticsearch:$VERSION:zip from Maven Central into $M2_REPO"
    mvn -B -q -Dmaven.repo.local="$M2_REPO" dependency:get \
      -Dartifact="$GROUP:elasticsearch:$VERSION:zip" -Dtransitive=false >&2 \
      || die "mvn could not fetch $GROUP:elasticsearch:$VERSION:zip (is Maven Central reachable? is GOVDOC_ES_VERSION right?)"
  fi
  [ -s "$zip" ] || die "mvn reported success but $zip is missing"
  if [ ! -x "$HOME_DIR/bin/elasticsearch" ]; then
    log "unpacking $zip into $BASE"
    mkdir -p "$BASE"
    local tmp; tmp="$(mktemp -d "$BASE/.unpack.XXXXXX")"
    unzip -q "$zip" -d "$tmp" || die "cannot unzip $zip"
    rm -rf "$HOME_DIR"
    mv "$tmp/elasticsearch-$VERSION" "$HOME_DIR"
    rm -rf "$tmp"
    chmod -R a+rX "$HOME_DIR"
  fi
}

# --- The user the node runs as ---------------------------------------------------------------
ensure_user() {
  [ "$(id -u)" = 0 ] || return 0
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" \
      || die "cannot create the system user $ES_USER"
  fi
  # Every folder above the base must be traversable by that user.
  local d="$BASE"
  while [ "$d" != / ]; do
    runuser -u "$ES_USER" -- test -x "$d" 2>/dev/null || chmod o+x "$d"
    d="$(dirname "$d")"
  done
}

as_node_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

# --- Node state ------------------------------------------------------------------------------
running_pid() {  # prints the pid of a live node started from this checkout
  local pid
  [ -s "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

first_free_port() {
  local p
  for ((p = FIRST_PORT; p < FIRST_PORT + 100; p++)); do
    if port_free "$p"; then echo "$p"; return; fi
  done
  die "no free port in $FIRST_PORT..$((FIRST_PORT + 99)) on 127.0.0.1"
}

write_config() {  # $1 = http port
  # A throw-away node: each start begins with no indices unless GOVDOC_ES_KEEP_DATA=1.
  [ "${GOVDOC_ES_KEEP_DATA:-}" = 1 ] || rm -rf "$RUN/data"
  mkdir -p "$RUN/config" "$RUN/data" "$RUN/logs"
  cp -r "$HOME_DIR/config/." "$RUN/config/"
  local security=""
  # The integ-test-zip ships x-pack-security: turn it off (the node only listens on loopback).
  [ -d "$HOME_DIR/modules/x-pack-security" ] && security="xpack.security.enabled: false"
  cat > "$RUN/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh: a throw-away single node for govdoc's tests.
cluster.name: govdoc
node.name: govdoc-es
discovery.type: single-node
network.host: 127.0.0.1
http.port: $1
transport.port: 9300-9399
path.data: $RUN/data
path.logs: $RUN/logs
$security
# A fuller disk must not turn the test indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  cat > "$RUN/config/jvm.options.d/govdoc.options" <<EOF
-Xms512m
-Xmx$HEAP_MAX
EOF
  rm -f "$RUN/config/elasticsearch.keystore"
  [ "$(id -u)" = 0 ] && chown -R "$ES_USER:" "$RUN"
  return 0
}

last_log_lines() {
  local f
  for f in "$RUN/logs/govdoc.log" "$RUN/logs/console.log"; do
    [ -s "$f" ] && { echo "--- last lines of $f:"; tail -n 30 "$f"; }
  done
  return 0
}

healthy() {  # $1 = url
  curl -fsS -m 5 "$1/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
    | grep -Eq '"status":"(green|yellow)"'
}

start() {
  local pid url port java
  if pid="$(running_pid)" && url="$(cat "$URL_FILE" 2>/dev/null)" && healthy "$url"; then
    echo "$url"; return 0
  fi
  [ -n "${pid:-}" ] && stop >/dev/null
  java="$(find_java)"
  fetch
  ensure_user
  port="$(first_free_port)"
  url="http://127.0.0.1:$port"
  mkdir -p "$RUN"
  write_config "$port"
  log "starting Elasticsearch $VERSION on $url (java: $java, state: $RUN)"
  # -d: the launcher detaches once the node has started (or fails and says why); -p: pid file.
  if ! as_node_user env ES_JAVA_HOME="$java" ES_PATH_CONF="$RUN/config" ES_TMPDIR="$RUN/tmp" \
      ES_JAVA_OPTS="${ES_JAVA_OPTS:-}" bash -c 'mkdir -p "$ES_TMPDIR" && exec "$0" -d -p "$1"' \
      "$HOME_DIR/bin/elasticsearch" "$PID_FILE" > "$RUN/logs/console.log" 2>&1 </dev/null; then
    last_log_lines >&2
    die "Elasticsearch $VERSION failed to start (state: $RUN)"
  fi
  echo "$url" > "$URL_FILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until healthy "$url"; do
    if ! running_pid >/dev/null; then
      last_log_lines >&2
      die "Elasticsearch exited during start-up (state: $RUN)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      last_log_lines >&2
      die "Elasticsearch at $url not healthy after ${START_TIMEOUT}s; it is still running (stop it with: $0 stop)"
    fi
    sleep 1
  done
  echo "$url"
}

stop() {
  local pid i
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE" "$URL_FILE"
    echo "stopped"; return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "node $pid did not stop within 60 s of SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE" "$URL_FILE"
  echo "stopped"
}

status() {
  local url
  if running_pid >/dev/null && url="$(cat "$URL_FILE" 2>/dev/null)"; then
    echo "running $url"
  else
    echo "stopped"; return 1
  fi
}

url() {
  running_pid >/dev/null && cat "$URL_FILE" 2>/dev/null || die "not running (start it with: $0 start)"
}

# --- A two-node cluster (index replicas, a node lost mid-ingest) -----------------------------
PAIR="$RUN-pair"
PAIR_HTTP="${GOVDOC_ES_PAIR_HTTP:-9250}"
PAIR_TRANSPORT="${GOVDOC_ES_PAIR_TRANSPORT:-9350}"

pair_config() {  # $1 = node number (1 or 2)
  local dir="$PAIR/node$1" roles="[master, data]" security=""
  [ "$1" = 2 ] && roles="[data]"
  [ -d "$HOME_DIR/modules/x-pack-security" ] && security="xpack.security.enabled: false"
  rm -rf "$dir"
  mkdir -p "$dir/config" "$dir/data" "$dir/logs" "$dir/tmp"
  cp -r "$HOME_DIR/config/." "$dir/config/"
  cat > "$dir/config/elasticsearch.yml" <<EOF
# Written by scripts/elasticsearch.sh pair-start: node $1 of a throw-away two-node cluster.
cluster.name: govdoc-pair
node.name: govdoc-pair-$1
node.roles: $roles
network.host: 127.0.0.1
http.port: $((PAIR_HTTP + $1 - 1))
transport.port: $((PAIR_TRANSPORT + $1 - 1))
discovery.seed_hosts: ["127.0.0.1:$PAIR_TRANSPORT"]
cluster.initial_master_nodes: ["govdoc-pair-1"]
path.data: $dir/data
path.logs: $dir/logs
$security
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  printf -- '-Xms512m\n-Xmx%s\n' "$HEAP_MAX" > "$dir/config/jvm.options.d/govdoc.options"
  rm -f "$dir/config/elasticsearch.keystore"
  [ "$(id -u)" = 0 ] && chown -R "$ES_USER:" "$PAIR"
  return 0
}

pair_node_start() {  # $1 = node number, $2 = JDK folder
  local dir="$PAIR/node$1" port=$((PAIR_HTTP + $1 - 1))
  port_free "$port" || die "port $port is taken (GOVDOC_ES_PAIR_HTTP picks others)"
  pair_config "$1"
  log "starting node $1 of the pair on http://127.0.0.1:$port"
  if ! as_node_user env ES_JAVA_HOME="$2" ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
      ES_JAVA_OPTS="${ES_JAVA_OPTS:-}" "$HOME_DIR/bin/elasticsearch" -d -p "$dir/es.pid" \
      > "$dir/logs/console.log" 2>&1 </dev/null; then
    tail -n 30 "$dir/logs/console.log" >&2
    die "node $1 of the pair failed to start (state: $dir)"
  fi
}

pair_start() {
  local java url1 url2 deadline
  url1="http://127.0.0.1:$PAIR_HTTP" url2="http://127.0.0.1:$((PAIR_HTTP + 1))"
  java="$(find_java)"
  fetch
  ensure_user
  pair_stop >/dev/null
  mkdir -p "$PAIR"
  pair_node_start 1 "$java"
  pair_node_start 2 "$java"
  deadline=$((SECONDS + START_TIMEOUT))
  until curl -fsS -m 5 "$url1/_cluster/health?wait_for_nodes=2&timeout=2s" 2>/dev/null | grep -q '"number_of_nodes":2'; do
    [ "$SECONDS" -ge "$deadline" ] && die "the pair did not form within ${START_TIMEOUT}s (state: $PAIR)"
    sleep 1
  done
  echo "$url1,$url2"
}

pair_stop_node() {  # $1 = node number; SIGTERM, then SIGKILL
  local pidf="$PAIR/node$1/es.pid" pid i
  if ! { [ -s "$pidf" ] && pid="$(cat "$pidf")" && kill -0 "$pid" 2>/dev/null; }; then
    rm -f "$pidf"; return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidf"
}

pair_stop() {
  pair_stop_node 2
  pair_stop_node 1
  echo "stopped"
}

case "${1:-}" in
  pair-start) pair_start ;;
  pair-stop) pair_stop ;;
  pair-stop-node) { [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ]; } || die "pair-stop-node: 1 or 2"; pair_stop_node "$2"; echo "stopped node $2" ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) echo "usage: $0 start|stop|status|url|pair-start|pair-stop|pair-stop-node N" >&2; exit 2 ;;
esac
