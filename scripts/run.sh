#!/usr/bin/env bash
# Builds OmenDB (Release) and starts the server on its embedded defaults: data directory
# ./omendb-data, PostgreSQL protocol on 127.0.0.1:55432, HTTP on 127.0.0.1:58080. Extra
# arguments go to `omendb serve` (e.g. --port 0 to pick a free port).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)" --target omendb
exec build/release/tools/omendb serve "$@"
