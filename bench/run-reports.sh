#!/bin/sh
# Reports benchmark (issue 7): drinks report from rollups vs a naive scan of the raw events, and a large xlsx
# export with a small heap; see bench/README.md. Extra arguments go to the benchmark, e.g.
#   bench/run-reports.sh --machines 1000 --days 365 --raw-days 14 --xlsx-rows 100000
# Needs the reports module and its test jar installed: mvn -o -q -B install -DskipTests -pl bundles/reports
set -e
cd "$(dirname "$0")/.."
mvn -o -q -B -Pbench install -pl bench -DskipTests ${BENCH_MAVEN_OPTS:-}
rm -rf bench/target/lib
mvn -o -q -B -Pbench -pl bench ${BENCH_MAVEN_OPTS:-} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib" >/dev/null
# 256 MB of heap: enough for a 100,000-row result, not for a workbook held in memory. durability=test skips
# Derby's log syncs while loading a year of rollups; the measured steps only read.
exec java -Xmx"${BENCH_HEAP:-256m}" -Duser.timezone=UTC -Dderby.system.durability=test -Dderby.stream.error.file=bench/target/derby-reports.log \
    -Dderby.storage.pageCacheSize=4000 \
    -cp "bench/target/classes:bench/target/lib/*" org.coffeecontrol.reports.internal.ReportsBench \
    --dir bench/target/bench-reports "$@"
