#!/bin/sh
# Reports benchmark (issue 7): drinks report from rollups vs a naive scan of the same raw events, and a large xlsx
# export with a small heap; see bench/README.md. Extra arguments go to the benchmark, e.g.
#   BENCH_HEAP=1g nice -n 15 bench/run-reports.sh --dir /data/bench-reports --patterns 40 --load-only   # data set
#   BENCH_SKIP_BUILD=1 bench/run-reports.sh --dir /data/bench-reports --reuse                          # measures
# A load run again on the same --dir resumes an interrupted load. Needs the simulator, the reports module and its
# test jar installed: mvn -o -q -B install -DskipTests -pl simulator,bundles/core,bundles/reports
set -e
cd "$(dirname "$0")/.."
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    mvn -o -q -B -Pbench install -pl bench -DskipTests ${BENCH_MAVEN_OPTS:-}
    rm -rf bench/target/lib
    mvn -o -q -B -Pbench -pl bench ${BENCH_MAVEN_OPTS:-} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib" >/dev/null
fi
# 256 MB of heap: enough for a 100,000-row result, not for a workbook held in memory. durability=test skips
# Derby's log syncs while the data set is built; the measured steps only read.
# The page cache is the distribution's (bin/setenv, 16000 pages = 64 MB): with 4000 pages a year of month rollups
# for 1,000 machines no longer fit and the report read them from the file system at every run.
exec java -Xmx"${BENCH_HEAP:-256m}" -Duser.timezone=UTC -Dderby.system.durability=test -Dderby.stream.error.file=bench/target/derby-reports.log \
    -Dderby.storage.pageCacheSize=16000 \
    -cp "bench/target/classes:bench/target/lib/*" org.coffeecontrol.reports.internal.ReportsBench \
    --dir bench/target/bench-reports "$@"
