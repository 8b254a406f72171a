#!/usr/bin/env bash
# Coffee Control front door.
#   ./coffee start   build if needed, boot Karaf on embedded Derby, start the demo fleet simulator
#   ./coffee stop    stop both
#   ./coffee test    install test prerequisites, run every test (unit, integration, browser)
#   ./coffee status  health of the running platform
# Environment: COFFEE_ADMIN_PASSWORD (admin password at first start; generated when unset),
#              COFFEE_HOME (where the distribution is unpacked; default ./run), DEMO_MACHINES, DEMO_POS, DEMO_CLIENTS.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RUN_DIR="${COFFEE_HOME:-$ROOT/run}"
KARAF="$RUN_DIR/karaf"
VERSION="0.1.0-SNAPSHOT"
ZIP="$ROOT/distribution/target/coffee-distribution-$VERSION.zip"
SIM_JAR_DIR="$ROOT/simulator/target"
REST="http://localhost:8181"

log() { printf '\033[1m[coffee]\033[0m %s\n' "$*"; }

need_java_and_maven() {
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -q 'version "17'; then
    log "Java 17 is required (apt-get install openjdk-17-jdk-headless)"; exit 1
  fi
  if ! command -v mvn >/dev/null; then
    log "installing Maven from Debian packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null
  fi
}

need_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

need_postgres() {
  # The storage tests run on a throwaway PostgreSQL cluster made from the server binaries (TestPostgres); without
  # them those tests are skipped, so a failed install only costs that coverage.
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    log "installing postgresql (server binaries) for the storage tests on PostgreSQL"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
      || log "could not install postgresql: the PostgreSQL storage tests will be skipped"
  fi
}

build_if_needed() {
  local newest
  newest=$(find "$ROOT" -path "$ROOT/run" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.xml' -o -name '*.cfg' -o -name '*.sql' -o -name '*.properties' -o -name '*.css' \) -newer "$ZIP" -print 2>/dev/null | grep -v '/target/' | head -1 || true)
  if [[ ! -f "$ZIP" || -n "$newest" ]]; then
    need_java_and_maven
    log "building (mvn install -DskipTests; first build downloads dependencies)"
    mvn -B -q install -DskipTests
  fi
}

wait_for_health() {
  for _ in $(seq 1 180); do
    if curl -fs -m 2 "$REST/api/health" 2>/dev/null | grep -Eq '"status":"(UP|DEGRADED)"'; then return 0; fi
    sleep 1
  done
  log "platform did not become healthy within 180 s; see $KARAF/data/log/karaf.log"; return 1
}

admin_password() {
  if [[ -n "${COFFEE_ADMIN_PASSWORD:-}" ]]; then echo "$COFFEE_ADMIN_PASSWORD";
  elif [[ -f "$KARAF/data/coffee-admin-password.txt" ]]; then sed -n 2p "$KARAF/data/coffee-admin-password.txt";
  elif [[ -f "$RUN_DIR/admin-password" ]]; then cat "$RUN_DIR/admin-password"; fi
}

start() {
  build_if_needed
  if [[ ! -d "$KARAF" ]]; then
    log "unpacking the distribution into $KARAF"
    mkdir -p "$RUN_DIR"
    local tmp; tmp=$(mktemp -d)
    unzip -q "$ZIP" -d "$tmp"
    mv "$tmp"/coffee-distribution-* "$KARAF"
    rmdir "$tmp"
  fi
  if [[ -f "$KARAF/data/port" ]] && "$KARAF/bin/status" >/dev/null 2>&1; then
    log "Karaf is already running"
  else
    log "starting Karaf"
    "$KARAF/bin/start"
  fi
  wait_for_health
  local pw; pw=$(admin_password)
  if [[ -d "$SIM_JAR_DIR" ]] && ls "$SIM_JAR_DIR"/coffee-simulator-*.jar >/dev/null 2>&1; then
    if [[ -f "$RUN_DIR/simulator.pid" ]] && kill -0 "$(cat "$RUN_DIR/simulator.pid")" 2>/dev/null; then
      log "simulator already running"
    else
      log "starting the demo fleet simulator (log: $RUN_DIR/simulator.log)"
      COFFEE_ADMIN_PASSWORD="$pw" nohup "$ROOT/simulator/bin/simulator" --platform "$REST" \
        --clients "${DEMO_CLIENTS:-3}" --pos "${DEMO_POS:-50}" --machines "${DEMO_MACHINES:-120}" \
        --seed 42 --ssh-port 2222 --seed-platform --backfill 2h >"$RUN_DIR/simulator.log" 2>&1 &
      echo $! >"$RUN_DIR/simulator.pid"
    fi
  fi
  cat <<INFO

  Coffee Control is running.
    Web UI     http://localhost:8080/
    REST API   $REST/api/   (docs: $REST/api/docs, OpenAPI: $REST/api/openapi.json, health: $REST/api/health)
    Shell      ssh -p 8101 admin@localhost      (or $KARAF/bin/client -u admin)
    Login      admin / ${pw:-<see $KARAF/data/coffee-admin-password.txt>}
    Data       $KARAF/data (Derby database under data/derby)
    Stop with  ./coffee stop

INFO
}

stop() {
  if [[ -f "$RUN_DIR/simulator.pid" ]]; then
    kill "$(cat "$RUN_DIR/simulator.pid")" 2>/dev/null || true
    rm -f "$RUN_DIR/simulator.pid"
  fi
  if [[ -x "$KARAF/bin/stop" ]]; then "$KARAF/bin/stop" 2>/dev/null || true; fi
  log "stopped"
}

run_tests() {
  need_java_and_maven
  need_browser
  need_postgres
  log "running all tests (unit + integration + browser)"
  mvn -B install "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) curl -s "$REST/api/health"; echo ;;
  test) shift; run_tests "$@" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
