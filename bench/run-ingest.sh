#!/bin/sh
# Ingest benchmark on the real distribution; see bench/README.md. Extra arguments go to the benchmark, e.g.
#   bench/run-ingest.sh --machines 2000 --events 100 --batch 100 --clients 16 --profile yes
# Needs the distribution zip and the itests test-jar:
#   mvn -o -q -B install -DskipTests -pl features,distribution && mvn -o -q -B install -DskipITs -pl itests
set -e
cd "$(dirname "$0")/.."
mvn -o -q -B -Pbench install -pl bench
# A private copy of the class path: other builds may reinstall the snapshots in ~/.m2 while the benchmark runs.
rm -rf bench/target/lib
mvn -o -q -B -Pbench -pl bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib" >/dev/null
# Ports shifted by 15000 (REST 23181) so that the integration tests (18181) and a demo (8181) can run alongside.
# The raw baseline gets the page cache the distribution gives Derby (bin/setenv), so the two compare like for like.
exec java -Xmx1g -Dderby.stream.error.file=bench/target/derby.log -Dderby.storage.pageCacheSize=${COFFEE_DERBY_PAGE_CACHE:-16000} -Dit.portOffset="${BENCH_PORT_OFFSET:-15000}" \
    -cp "bench/target/classes:bench/target/lib/*" org.coffeecontrol.bench.IngestBenchmark \
    --zip distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip --work bench/target/karaf "$@"
