#!/bin/sh
# Rollup catch-up through core's EventLog vs the former direct SQL on cc_event, same events, same run; see
# bench/README.md. Extra arguments go to the benchmark, e.g. bench/run-catchup.sh --machines 200 --events 2000.
# Needs core, the simulator, the reports module and its test jar installed:
#   mvn -o -q -B install -DskipTests -pl bundles/api,bundles/core,simulator,bundles/reports
set -e
cd "$(dirname "$0")/.."
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    mvn -o -q -B -Pbench install -pl bench -DskipTests ${BENCH_MAVEN_OPTS:-}
    rm -rf bench/target/lib
    mvn -o -q -B -Pbench -pl bench ${BENCH_MAVEN_OPTS:-} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib" >/dev/null
fi
exec java -Xmx"${BENCH_HEAP:-1g}" -Duser.timezone=UTC -Dderby.stream.error.file=bench/target/derby-catchup.log \
    -cp "bench/target/classes:bench/target/lib/*" org.coffeecontrol.reports.internal.CatchUpBench "$@"
