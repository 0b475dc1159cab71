#!/usr/bin/env sh
# Builds and starts the Gatehouse quickstart gateway on http://127.0.0.1:8080 (arguments go to the gateway,
# e.g. ./samples/run.sh --port 9090). Extra Maven flags: MVN_ARGS=-o ./samples/run.sh
set -eu
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_ARGS:-} -pl samples -am package -DskipTests
exec java -jar samples/target/gatehouse-quickstart.jar "$@"
