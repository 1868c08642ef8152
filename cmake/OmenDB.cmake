# Project-wide compiler settings and helpers for declaring layered libraries and tests.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  set(CMAKE_C_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()

find_program(LLD_PROGRAM ld.lld)
if(LLD_PROGRAM)
  add_link_options(-fuse-ld=lld)
endif()

add_compile_options(-Wall -Wextra -Wpedantic -Wno-unused-parameter)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # g++ 12 reports false -Wrestrict positives inside std::string's operator+ (GCC PR 105329).
  add_compile_options(-Wno-restrict)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  add_compile_options(-Wthread-safety)
endif()
# The default build may use the machine's own vector units (CRC32C via SSE4.2 is required).
add_compile_options(-msse4.2)

if(OMENDB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

set(OMENDB_SRC_ROOT ${PROJECT_SOURCE_DIR}/src)

# omendb_add_library(NAME SOURCES... DEPS ...)
# Declares library omendb_NAME from the given sources. It may use only the libraries named in
# DEPS (the layers below it); scripts/check_layering.py verifies the #includes agree.
function(omendb_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(omendb_${name} STATIC ${ARG_SOURCES})
  target_include_directories(omendb_${name} PUBLIC ${OMENDB_SRC_ROOT} ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(omendb_${name} PUBLIC ${ARG_DEPS})
endfunction()

# omendb_add_unit_test(NAME SOURCES... DEPS ...)
# A GoogleTest binary whose tests are registered with ctest under the label "unit".
function(omendb_add_unit_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock_main)
  gtest_discover_tests(${name} PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
endfunction()
