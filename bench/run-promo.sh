#!/bin/sh
# Promo image benchmark (RC-6) and command round trip (RC-1) on the real distribution; see bench/README.md. Extra
# arguments go to the benchmark:
#   bench/run-promo.sh --machines 1000 --faulty 5 --image-kb 200 --parallel 32 --sample 40 --ssh-port 13222
# Needs the distribution zip and the itests test-jar:
#   mvn -o -q -B install -DskipTests -pl features,distribution && mvn -o -q -B install -DskipITs -pl itests
set -e
cd "$(dirname "$0")/.."
# BENCH_MAVEN_REPO: a private local repository (-Dmaven.repo.local), if the build uses one.
MVN="mvn -o -q -B ${BENCH_MAVEN_REPO:+-Dmaven.repo.local=$BENCH_MAVEN_REPO}"
$MVN -Pbench install -pl bench
# A private copy of the class path: other builds may reinstall the snapshots while the benchmark runs.
rm -rf bench/target/lib-promo
$MVN -Pbench -pl bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib-promo" >/dev/null
exec java -Xmx1g -Dderby.stream.error.file=bench/target/derby.log -Dit.portOffset="${BENCH_PORT_OFFSET:-15000}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.sshd=error \
    -cp "bench/target/classes:bench/target/lib-promo/*" org.coffeecontrol.bench.PromoBenchmark \
    --zip distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip --work bench/target/promo "$@"
