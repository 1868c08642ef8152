// A PostgreSQL-protocol client (libpq) timing `SELECT * FROM t WHERE id = $1` as a prepared
// statement (Parse once; Bind/Execute/Sync per query, text results), one query at a time, on
// any server: run it against OmenDB and PostgreSQL to compare the same protocol path.
//
//   omendb_pg_point_bench CONNINFO ROWS SECONDS [LABEL]
//
// Ids are uniform random in [0, ROWS); every answer is checked (one row, the id asked for).
// Prints one line: label, queries, queries/s, mean/p50/p99 latency in microseconds.
// bench/point_query_vs_postgres.sh starts both servers, loads them and runs this.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s CONNINFO ROWS SECONDS [LABEL]\n", argv[0]);
    return 2;
  }
  const uint64_t rows = std::strtoull(argv[2], nullptr, 10);
  const double seconds = std::atof(argv[3]);
  const char* label = argc > 4 ? argv[4] : "server";
  PGconn* conn = PQconnectdb(argv[1]);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::fprintf(stderr, "connect: %s", PQerrorMessage(conn));
    return 1;
  }
  PGresult* prep = PQprepare(conn, "pk", "SELECT * FROM t WHERE id = $1", 1, nullptr);
  if (PQresultStatus(prep) != PGRES_COMMAND_OK) {
    std::fprintf(stderr, "prepare: %s", PQerrorMessage(conn));
    return 1;
  }
  PQclear(prep);
  using Clock = std::chrono::steady_clock;
  std::mt19937_64 rng(7);
  std::vector<double> micros;
  micros.reserve(1 << 20);
  const auto start = Clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  for (;;) {
    auto t0 = Clock::now();
    if (t0 >= end) break;
    std::string id = std::to_string(rng() % rows);
    const char* values[1] = {id.c_str()};
    PGresult* r = PQexecPrepared(conn, "pk", 1, values, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1 || id != PQgetvalue(r, 0, 0)) {
      std::fprintf(stderr, "wrong answer for id %s: %s", id.c_str(), PQerrorMessage(conn));
      return 1;
    }
    PQclear(r);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  double total = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(micros.begin(), micros.end());
  double sum = 0;
  for (double m : micros) sum += m;
  auto pct = [&](double p) { return micros[static_cast<size_t>(p * (micros.size() - 1))]; };
  std::printf("%-12s queries %8zu  %9.0f q/s  mean %7.1f us  p50 %7.1f us  p99 %7.1f us\n", label,
              micros.size(), micros.size() / total, sum / micros.size(), pct(0.5), pct(0.99));
  PQfinish(conn);
  return 0;
}
