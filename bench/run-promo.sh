#!/bin/sh
# Promo image benchmark (RC-6) on the real distribution; see bench/README.md. Extra arguments go to the benchmark:
#   bench/run-promo.sh --machines 1000 --faulty 5 --image-kb 200 --parallel 32 --sample 40 --ssh-port 13222
# Needs the distribution zip and the itests test-jar:
#   mvn -o -q -B install -DskipTests -pl features,distribution && mvn -o -q -B install -DskipITs -pl itests
set -e
cd "$(dirname "$0")/.."
mvn -o -q -B -Pbench install -pl bench
rm -rf bench/target/lib
mvn -o -q -B -Pbench -pl bench dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/bench/target/lib" >/dev/null
exec java -Xmx1g -Dderby.stream.error.file=bench/target/derby.log -Dit.portOffset="${BENCH_PORT_OFFSET:-15000}" \
    -cp "bench/target/classes:bench/target/lib/*" org.coffeecontrol.bench.PromoBenchmark \
    --zip distribution/target/coffee-distribution-0.1.0-SNAPSHOT.zip --work bench/target/promo "$@"
