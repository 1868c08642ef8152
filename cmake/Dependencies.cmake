# Third-party libraries, all from Debian packages (scripts/setup.sh installs them).
find_package(Threads REQUIRED)
find_package(GTest REQUIRED)
include(GoogleTest)
find_package(Protobuf REQUIRED)
find_package(fmt REQUIRED)
find_package(OpenSSL REQUIRED)

# libpg_query ships no CMake config. Link the static archive and hide its bundled symbols
# (strnlen, palloc, protobuf-c...) so they never override glibc's or libpq's.
find_library(PG_QUERY_LIB NAMES libpg_query.a REQUIRED)
find_path(PG_QUERY_INCLUDE pg_query.h REQUIRED)
add_library(pg_query STATIC IMPORTED GLOBAL)
set_target_properties(pg_query PROPERTIES
  IMPORTED_LOCATION ${PG_QUERY_LIB}
  INTERFACE_INCLUDE_DIRECTORIES ${PG_QUERY_INCLUDE}
  INTERFACE_LINK_OPTIONS "LINKER:--exclude-libs,libpg_query.a")

if(OMENDB_BUILD_SERVER)
  find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS headers)
  find_package(CLI11 REQUIRED)
endif()
# utf8proc: Unicode case mapping (lower, upper, ILIKE).
find_package(PkgConfig REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)

# absl: time zones (absl::time reads the tz database of the tzdata package) and, in the
# benchmarks, btree_map as the B-tree baseline.
find_package(absl REQUIRED)
if(OMENDB_BUILD_BENCH AND NOT OMENDB_SANITIZE)
  find_package(benchmark REQUIRED)
endif()
