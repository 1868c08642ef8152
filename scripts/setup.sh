#!/usr/bin/env bash
# Installs every Debian package OmenDB's build and tests need. Idempotent: when all
# packages are present it only checks (no network, well under a second).
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache lld clang-14 libclang-rt-14-dev pkg-config
  # PostgreSQL parser and its typed tree
  libpg-query-dev protobuf-compiler libprotobuf-dev libssl-dev
  # networking, logging, CLI, containers
  libboost1.81-dev libfmt-dev libspdlog-dev libcli11-dev libabsl-dev tzdata libutf8proc-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # clients used by integration tests
  postgresql-client postgresql-15 python3 python3-psycopg2 python3-psycopg python3-asyncpg
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
