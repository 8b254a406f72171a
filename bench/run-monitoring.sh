#!/bin/sh
# Monitoring benchmark (issue 4): 10,000 simulated machines against the real distribution with a 512 MB heap;
# see bench/README.md. Extra arguments go to the benchmark, e.g.
#   bench/run-monitoring.sh --machines 10000 --upload-interval 60 --inject 100 --offline 100
# Needs the distribution zip and the itests test-jar:
#   mvn -o -q -B install -DskipTests -pl features,distribution && mvn -o -q -B install -DskipITs -pl itests
set -e
cd "$(dirname "$0")/.."
# BENCH_MAVEN_REPO: a private local repository (-Dmaven.repo.local), if the build uses one.
MVN="mvn -o -q -B ${BENCH_MAVEN_REPO:+-Dmaven.repo.local=$BENCH_MAVEN_REPO}"
$MVN -Pbench install -pl bench
# A private copy of the class path: other builds may reinstall the snapshots in ~/.m2 while the benchmark runs.
rm -rf bench/target/lib-monitoring
$MVN -Pbench -pl bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib-monitoring" >/dev/null
# Ports shifted by 15500 (REST 23681, UI 23580) so that the ingest benchmark, the integration tests and a demo can
# run alongside; the platform gets -Xmx512m (JAVA_MAX_MEM) as the issue requires.
exec java -Xmx1g -Dit.maxMem=512M -Dit.bootMinutes=10 -Dit.portOffset="${BENCH_PORT_OFFSET:-15500}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "bench/target/classes:bench/target/lib-monitoring/*" org.coffeecontrol.bench.MonitoringBenchmark \
    --zip distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip --work bench/target/karaf-monitoring "$@"
