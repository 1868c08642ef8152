#!/usr/bin/env bash
# Builds OmenDB and runs the whole test suite:
#   1. Release build: unit (GoogleTest), SQL logic (test/sql) and integration tests (psql,
#      psycopg2, kill -9 durability, shell, HTTP against a started server);
#   2. AddressSanitizer + UndefinedBehaviorSanitizer build: unit and SQL logic tests.
# Installs missing Debian packages first (scripts/setup.sh). Safe to rerun; builds are
# incremental (ccache is used when present).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

JOBS=$(nproc)
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1

echo "== Release build"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$JOBS"
echo "== Release tests (unit, sql, integration)"
ctest --test-dir build/release --output-on-failure -j "$JOBS"

echo "== ASan+UBSan build"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOMENDB_SANITIZE=ON \
  -DOMENDB_BUILD_SERVER=OFF -DOMENDB_BUILD_BENCH=OFF >/dev/null
cmake --build build/asan -j "$JOBS"
echo "== ASan+UBSan tests (unit, sql)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan -L 'unit|sql' --output-on-failure -j "$JOBS"
