// `SELECT * FROM t WHERE id = $1` through the embedded API (include/omendb/omendb.h): the whole
// query path (bind, optimize, learned-index lookup, text results) on a table of N rows in main
// segments, against the same query answered by a full scan in the same run.
//
//   prepared        Connection::ExecutePrepared of the statement, random existing ids (from
//                   the second execution on, its cached generic plan)
//   prepared_custom_plan  the same with plan_cache_mode = force_custom_plan: bound and
//                   optimized again with the value at every execution
//   unprepared      Connection::Query(sql, params): parsed and analysed on every call
//   literal         Connection::Query("... WHERE id = <n>"): the simple-query path
//   full_scan       the prepared `WHERE id + 0 = $1` (no key predicate: every row evaluated)
//
//   OMENDB_BENCH_ROWS  N (default 10000000)
//
// Regenerate docs/benchmarks/sql.md's table with:
//   ninja -C build/release omendb_sql_point_bench
//   ./build/release/bench/omendb_sql_point_bench --benchmark_repetitions=3
//       (with --benchmark_report_aggregates_only=true)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "omendb/omendb.h"
#include "session/session.h"

namespace omendb {
namespace {

uint64_t Rows() {
  const char* env = std::getenv("OMENDB_BENCH_ROWS");
  return env ? std::strtoull(env, nullptr, 10) : 10'000'000;
}

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.message().c_str());
    std::exit(1);
  }
}

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<DB> db;
  std::unique_ptr<Connection> conn;
  std::unique_ptr<Connection> custom;  // plan_cache_mode = force_custom_plan
  uint64_t rows = 0;

  Fixture() {
    rows = Rows();
    dir = std::filesystem::temp_directory_path() /
          ("omendb_sql_point_bench_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Load();
    db = DB::Open(dir.string());
    if (!db) std::exit(1);
    conn = db->Connect();
    auto check = [](std::optional<QueryError> e) {
      if (e) {
        std::fprintf(stderr, "prepare: %s\n", e->message.c_str());
        std::exit(1);
      }
    };
    check(conn->Prepare("pk", "SELECT * FROM t WHERE id = $1"));
    check(conn->Prepare("scan", "SELECT * FROM t WHERE id + 0 = $1"));
    custom = db->Connect();
    if (!custom->Query("SET plan_cache_mode = force_custom_plan").ok()) std::exit(1);
    check(custom->Prepare("pk", "SELECT * FROM t WHERE id = $1"));
  }
  ~Fixture() {
    custom.reset();
    conn.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }

  // Rows (id, id * 7 % 1000, id / 2.0, 'row <id>') loaded in one transaction, then
  // checkpointed into main segments (as a table is after its load settles).
  void Load() {
    auto opened = Database::Open(dir.string());
    Check(opened.status(), "open");
    std::unique_ptr<Database> database = std::move(opened).value();
    Session session(database.get());
    struct Quiet final : ResultSink {
      Status OnColumns(const std::vector<ResultColumn>&) override { return Status::OK(); }
      Status OnChunk(const DataChunk&, size_t) override { return Status::OK(); }
      Status OnComplete(const std::string&) override { return Status::OK(); }
    } quiet;
    Check(session.Execute("CREATE TABLE t (id bigint PRIMARY KEY, a integer, b double precision, "
                          "c text)", &quiet), "create");
    uint64_t table_id = database->storage().catalog().FindTable("t")->table_id;
    auto txn = database->storage().Begin(IsolationLevel::kReadCommitted);
    DataChunk chunk({TypeId::kBigInt, TypeId::kInteger, TypeId::kDouble, TypeId::kText});
    for (uint64_t from = 0; from < rows; from += kVectorSize) {
      uint64_t to = std::min<uint64_t>(rows, from + kVectorSize);
      chunk.SetSize(to - from);
      for (uint64_t i = from; i < to; ++i) {
        size_t r = i - from;
        chunk.column(0).Data<int64_t>()[r] = static_cast<int64_t>(i);
        chunk.column(1).Data<int32_t>()[r] = static_cast<int32_t>(i * 7 % 1000);
        chunk.column(2).Data<double>()[r] = static_cast<double>(i) / 2;
        chunk.column(3).Strings()[r] = "row " + std::to_string(i);
      }
      Check(txn->Insert(table_id, chunk), "insert");
    }
    Check(txn->Commit(), "commit");
    Check(session.Execute("CHECKPOINT", &quiet), "checkpoint");
  }
};

Fixture& F() {
  static Fixture* f = new Fixture();
  return *f;
}

void Verify(const QueryResult& r, uint64_t id) {
  if (!r.ok() || r.statements.size() != 1 || r.statements[0].rows.size() != 1 ||
      r.statements[0].rows[0][0] != std::to_string(id)) {
    std::fprintf(stderr, "wrong answer for id %llu: %s\n", static_cast<unsigned long long>(id),
                 r.ok() ? "unexpected rows" : r.error->message.c_str());
    std::exit(1);
  }
}

template <typename Run>
void PointQueries(benchmark::State& state, Run run) {
  Fixture& f = F();
  std::mt19937_64 rng(7);
  uint64_t n = 0;
  for (auto _ : state) {
    uint64_t id = rng() % f.rows;
    QueryResult r = run(f, id);
    if (n++ < 100) Verify(r, id);
    benchmark::DoNotOptimize(r);
  }
  state.counters["rows"] = static_cast<double>(f.rows);
}

void BM_Prepared(benchmark::State& state) {
  PointQueries(state, [](Fixture& f, uint64_t id) {
    return f.conn->ExecutePrepared("pk", {std::to_string(id)});
  });
}
BENCHMARK(BM_Prepared)->Name("prepared");

void BM_PreparedCustomPlan(benchmark::State& state) {
  PointQueries(state, [](Fixture& f, uint64_t id) {
    return f.custom->ExecutePrepared("pk", {std::to_string(id)});
  });
}
BENCHMARK(BM_PreparedCustomPlan)->Name("prepared_custom_plan");

void BM_Unprepared(benchmark::State& state) {
  PointQueries(state, [](Fixture& f, uint64_t id) {
    return f.conn->Query("SELECT * FROM t WHERE id = $1", {std::to_string(id)});
  });
}
BENCHMARK(BM_Unprepared)->Name("unprepared");

void BM_Literal(benchmark::State& state) {
  PointQueries(state, [](Fixture& f, uint64_t id) {
    return f.conn->Query("SELECT * FROM t WHERE id = " + std::to_string(id));
  });
}
BENCHMARK(BM_Literal)->Name("literal");

void BM_FullScan(benchmark::State& state) {
  PointQueries(state, [](Fixture& f, uint64_t id) {
    return f.conn->ExecutePrepared("scan", {std::to_string(id)});
  });
}
BENCHMARK(BM_FullScan)->Name("full_scan")->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace
}  // namespace omendb

BENCHMARK_MAIN();
