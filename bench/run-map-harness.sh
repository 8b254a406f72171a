#!/bin/sh
# Overview map harness (issue 4): the UI bundle's pos-map.js against Leaflet's one-circleMarker-per-point baseline,
# 10,000 synthetic points in headless Chromium, no platform; see bench/README.md. Extra arguments go to MapHarness,
# e.g. bench/run-map-harness.sh --points 10000 --runs 5 --script bundles/ui/src/main/resources/META-INF/resources/coffee/pos-map.js
# Needs the itests test-jar (browser helper): mvn -o -q -B install -DskipITs -pl itests
set -e
cd "$(dirname "$0")/.."
# BENCH_MAVEN_REPO: a private local repository (-Dmaven.repo.local), if the build uses one.
MVN="mvn -o -q -B ${BENCH_MAVEN_REPO:+-Dmaven.repo.local=$BENCH_MAVEN_REPO}"
$MVN -Pbench install -pl bench
rm -rf bench/target/lib-map-harness
$MVN -Pbench -pl bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib-map-harness" >/dev/null
exec java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "bench/target/classes:bench/target/lib-map-harness/*" org.coffeecontrol.bench.MapHarness "$@"
