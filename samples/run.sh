#!/usr/bin/env sh
# Builds the samples jar and starts a sample on http://127.0.0.1:8080, printing ready-to-paste curl commands.
#   ./samples/run.sh                 sample (a): servlet app on Jetty 12 + GatehouseFilter (key, JWT, rate limit, CORS)
#   ./samples/run.sh netty           sample (b): Netty gateway in front of a tiny backend
#   ./samples/run.sh quickstart      the JDK HttpServer quickstart
#   ./samples/run.sh --port 9090     options go to the sample (./samples/run.sh help lists them)
# Extra Maven flags: MVN_ARGS=-o ./samples/run.sh. Skip the build when the jar exists: SKIP_BUILD=1 ./samples/run.sh
set -eu
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f samples/target/gatehouse-quickstart.jar ]; then
  echo "building samples/target/gatehouse-quickstart.jar (the first build downloads dependencies) ..."
  mvn -B -q ${MVN_ARGS:-} -pl samples -am package -DskipTests
fi
exec java -jar samples/target/gatehouse-quickstart.jar "$@"
