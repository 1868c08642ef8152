// Storage engine benchmarks through the StorageEngine / TableData API, with absl::btree_map as
// the in-memory baseline for lookups and scans.
//
// Table: (id bigint primary key, a bigint, b double precision, c text of 5..9 bytes), keys
// strictly increasing but irregular (2i or 2i+1), loaded in key order.
//
//   bulk_load          N rows inserted in chunks of 2048 in one transaction, then committed
//                      (WAL write + fdatasync); rows/s. The loaded engine runs without
//                      background maintenance: merges and checkpoints happen where measured.
//   memory             bytes per row in the delta store: heap (mallinfo2) and RSS growth of
//                      the load, vs the absl::btree_map<int64_t, Row> holding the same rows.
//   lookup/*           random existing keys: TableData::FindVisible (position only); a Scan
//                      with a one-key ScanSpec::key_points (the full row, what a primary-key
//                      SELECT does); absl::btree_map::find reading the row.
//   scan_1000/*        1000-row key-range scans (ScanSpec::use_key_range, all 4 columns) vs
//                      iterating 1000 btree entries.
//   merge              TableData::Merge of the loaded delta into the main store (segments with
//                      learned indexes); heap/RSS per row afterwards. */main: the same lookups
//                      and scans against the main store.
//   recovery/wal_only  reopening after R more one-row transactions (one WAL record each), with
//                      no checkpoint: the WAL replays the bulk load and the R transactions.
//   checkpoint         StorageEngine::Checkpoint(): merge, segment files, manifest, WAL trim.
//   recovery/checkpoint      reopening right after the checkpoint (segments mapped, no replay).
//   recovery/checkpoint+wal  reopening after R more one-row transactions on top of it.
//   lookup/find_visible/delta10  FindVisible on random keys of all rows when a tenth of them
//                      are in the delta (those R transactions' rows, topped up as needed).
//   commit/*           C one-row insert transactions by 1, 8 and 64 concurrent committers:
//                      synchronous commit with group commit, without group commit (one
//                      fdatasync per commit), and synchronous_commit off (10*C commits), each
//                      on a fresh data directory. Real fdatasync on OMENDB_BENCH_DIR's file
//                      system; syncs/commit counts fdatasync calls (group commit's sharing).
// Times are wall-clock; "heap" is mallinfo2 (in use + mmapped), "rss" /proc/self/statm, both
// relative to before the load and without the btree.
//
// Environment (all optional):
//   OMENDB_BENCH_ROWS          N, rows of the loaded table             (default 10000000)
//   OMENDB_BENCH_RECOVERY_TXNS R, small transactions per recovery run  (default 1000000)
//   OMENDB_BENCH_COMMITS       C, commits per commit configuration     (default 2000)
//   OMENDB_BENCH_SEGMENT_ROWS  rows per main segment (default: StorageOptions' default)
//   OMENDB_BENCH_DIR           parent of the temporary data directories (default /tmp)
// Run order matters (lookups use the loaded table, recovery reopens it); a benchmark filtered
// out is replaced by untimed setup where a later one needs it. On the 2-core development VM
// (busy with other work) the defaults took 127 s and 4.3 GB peak RSS; OMENDB_BENCH_ROWS=1000000
// took 46-53 s (the commit benchmarks, ~8 s, and the 1M recovery transactions do not shrink).
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <absl/container/btree_map.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "common/fault_injection_env.h"
#include "storage/storage_engine.h"

namespace {

using namespace omendb;  // NOLINT
using Clock = std::chrono::steady_clock;

uint64_t EnvNum(const char* name, uint64_t def) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : def;
}

uint64_t g_rows = 10'000'000;
uint64_t g_recovery_txns = 1'000'000;
uint64_t g_commits = 2000;
uint64_t g_segment_rows = 0;  // 0: the engine's default
std::string g_parent = "/tmp";

// The i-th key: strictly increasing, irregular gaps.
int64_t Key(uint64_t i) {
  uint64_t h = i * 0x9E3779B97F4A7C15ull;
  return static_cast<int64_t>(2 * i + ((h >> 63) & 1));
}
int64_t ColA(uint64_t i) { return static_cast<int64_t>(i * 7919 % 1'000'003); }
double ColB(uint64_t i) { return static_cast<double>(i) * 0.25; }
std::string ColC(uint64_t i) { return "name" + std::to_string(i % 99'991); }

const std::vector<LogicalType> kTypes = {TypeId::kBigInt, TypeId::kBigInt, TypeId::kDouble,
                                         TypeId::kText};

TableSchema Schema(const std::string& name) {
  TableSchema s;
  s.name = name;
  s.columns = {{"id", TypeId::kBigInt, true},
               {"a", TypeId::kBigInt, false},
               {"b", TypeId::kDouble, false},
               {"c", TypeId::kText, false}};
  s.primary_key = {0};
  return s;
}

// Rows [from, to) of the table, into a chunk of capacity kVectorSize.
void FillChunk(uint64_t from, uint64_t to, DataChunk* c) {
  c->SetSize(to - from);
  int64_t* id = c->column(0).Data<int64_t>();
  int64_t* a = c->column(1).Data<int64_t>();
  double* b = c->column(2).Data<double>();
  std::vector<std::string>& s = c->column(3).Strings();
  for (uint64_t i = from; i < to; ++i) {
    size_t r = i - from;
    id[r] = Key(i);
    a[r] = ColA(i);
    b[r] = ColB(i);
    s[r] = ColC(i);
  }
}

size_t HeapBytes() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}
size_t RssBytes() {
  std::ifstream f("/proc/self/statm");
  size_t pages = 0, rss = 0;
  f >> pages >> rss;
  return rss * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}
double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = g_parent + "/omendb_storage_bench_XXXXXX";
    if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
    path_ = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::unique_ptr<StorageEngine> OpenOrDie(const std::string& dir, StorageOptions opt = {},
                                         Env* env = Env::Default()) {
  auto e = StorageEngine::Open(dir, opt, env);
  if (!e.ok()) {
    std::fprintf(stderr, "open: %s\n", e.status().ToString().c_str());
    std::abort();
  }
  return std::move(e).value();
}
void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
    std::abort();
  }
}

// The loaded table's engine options.
StorageOptions LoadedOptions() {
  StorageOptions opt;
  opt.background_maintenance = false;  // merges and checkpoints only where measured
  if (g_segment_rows != 0) opt.segment_rows = g_segment_rows;
  return opt;
}

// --- the loaded table and its btree twin ----------------------------------------------------

struct Row {
  int64_t a;
  double b;
  std::string c;
};
using Btree = absl::btree_map<int64_t, Row>;

struct Loaded {
  std::unique_ptr<TempDir> dir;
  std::unique_ptr<StorageEngine> engine;
  uint64_t table_id = 0;
  uint64_t rows = 0;          // rows with keys Key(0..rows)
  uint64_t extra_rows = 0;    // one-row transactions added for recovery (keys above)
  double load_seconds = 0;
  size_t heap_before = 0, rss_before = 0;  // before the engine was opened
  size_t heap_bytes = 0, rss_bytes = 0;  // growth by the load
  bool merged = false;
  std::unique_ptr<Btree> btree;
  size_t btree_heap_bytes = 0;
  std::vector<uint64_t> queries;  // random row numbers
};
Loaded g;

// Bytes of the loaded directory's files whose names start with `prefix`.
uint64_t DirBytes(const char* prefix) {
  uint64_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(g.dir->path())) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) n += e.file_size();
  }
  return n;
}

std::shared_ptr<TableData> Table() { return g.engine->GetTableData(g.table_id); }

// Loads N rows into a fresh directory; g.load_seconds is the time the load took (the open of
// the empty directory excluded).
void Load() {
  g.engine.reset();  // before its directory goes
  g = Loaded{};
  malloc_trim(0);
  g.dir = std::make_unique<TempDir>();
  g.heap_before = HeapBytes();
  g.rss_before = RssBytes();
  g.engine = OpenOrDie(g.dir->path(), LoadedOptions());
  auto start = Clock::now();
  {
    auto tx = g.engine->Begin(IsolationLevel::kReadCommitted);
    auto t = tx->CreateTable(Schema("t"));
    Check(t.status(), "create");
    g.table_id = (*t)->table_id;
    DataChunk chunk(kTypes);
    for (uint64_t i = 0; i < g_rows; i += kVectorSize) {
      FillChunk(i, std::min<uint64_t>(g_rows, i + kVectorSize), &chunk);
      Check(tx->Insert(g.table_id, chunk), "insert");
    }
    Check(tx->Commit(), "commit");
  }
  g.load_seconds = Seconds(start);
  g.rows = g_rows;
  malloc_trim(0);
  g.heap_bytes = HeapBytes() - g.heap_before;
  g.rss_bytes = RssBytes() - g.rss_before;
  std::mt19937_64 rng(42);
  g.queries.resize(1 << 18);
  for (uint64_t& q : g.queries) q = rng() % g.rows;
}
void EnsureLoaded() {
  if (!g.engine) Load();
}
Btree& GetBtree() {
  if (!g.btree) {
    malloc_trim(0);
    size_t before = HeapBytes();
    g.btree = std::make_unique<Btree>();
    for (uint64_t i = 0; i < g.rows; ++i) {
      g.btree->emplace_hint(g.btree->end(), Key(i), Row{ColA(i), ColB(i), ColC(i)});
    }
    g.btree_heap_bytes = HeapBytes() - before;
  }
  return *g.btree;
}

// --- (4) bulk load, (6) memory ----------------------------------------------------------------

void BM_BulkLoad(benchmark::State& state) {
  for (auto _ : state) {
    Load();
    state.SetIterationTime(g.load_seconds);
  }
  state.counters["rows"] = static_cast<double>(g.rows);
  state.counters["rows/s"] = static_cast<double>(g.rows) / g.load_seconds;
  state.counters["wal_MB"] = static_cast<double>(DirBytes("wal-")) / 1e6;
}

void BM_Memory(benchmark::State& state) {
  EnsureLoaded();
  for (auto _ : state) GetBtree();
  const double n = static_cast<double>(g.rows);
  state.counters["engine_heap_B/row"] = static_cast<double>(g.heap_bytes) / n;
  state.counters["engine_rss_B/row"] = static_cast<double>(g.rss_bytes) / n;
  state.counters["btree_heap_B/row"] = static_cast<double>(g.btree_heap_bytes) / n;
}

// --- (1) point lookups, (2) range scans ----------------------------------------------------------

// Times FindVisible on `keys` (a power of two of them, all present) in turn.
void TimeFindVisible(benchmark::State& state, const std::vector<std::vector<Value>>& keys) {
  auto table = Table();
  Snapshot snap = g.engine->txns().TakeSnapshot(0);
  for (size_t i = 0; i < 1000; ++i) {
    if (table->FindVisible(keys[i], snap) == kNoPosition) return state.SkipWithError("missing key");
  }
  const size_t mask = keys.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    uint64_t pos = table->FindVisible(keys[i], snap);
    benchmark::DoNotOptimize(pos);
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_LookupFindVisible(benchmark::State& state) {
  EnsureLoaded();
  std::vector<std::vector<Value>> keys;
  keys.reserve(g.queries.size());
  for (uint64_t q : g.queries) keys.push_back({Value::BigInt(Key(q))});
  TimeFindVisible(state, keys);
}

void BM_LookupScanPoint(benchmark::State& state) {
  EnsureLoaded();
  auto table = Table();
  ScanSpec spec;
  spec.snapshot = g.engine->txns().TakeSnapshot(0);
  spec.column_ids = {0, 1, 2, 3};
  spec.use_key_points = true;
  spec.key_points = {{Value::BigInt(0)}};
  DataChunk out(kTypes);
  auto lookup = [&](uint64_t q) -> bool {
    spec.key_points[0][0] = Value::BigInt(Key(q));
    auto scan = table->Scan(spec);
    auto more = scan->Next(&out);
    return more.ok() && *more && out.size() == 1;
  };
  for (size_t i = 0; i < 1000; ++i) {
    uint64_t q = g.queries[i];
    if (!lookup(q) || out.column(1).Data<int64_t>()[0] != ColA(q) ||
        out.column(3).Strings()[0] != ColC(q)) {
      return state.SkipWithError("wrong row");
    }
  }
  const size_t mask = g.queries.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    bool found = lookup(g.queries[i]);
    benchmark::DoNotOptimize(found);
    benchmark::DoNotOptimize(out.column(3).Strings()[0].size());
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_LookupBtree(benchmark::State& state) {
  EnsureLoaded();
  const Btree& t = GetBtree();
  const size_t mask = g.queries.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    auto it = t.find(Key(g.queries[i]));
    // Read the whole row, as the engine's scan copies it out.
    int64_t a = it->second.a;
    double b = it->second.b;
    size_t c = it->second.c.size();
    benchmark::DoNotOptimize(a);
    benchmark::DoNotOptimize(b);
    benchmark::DoNotOptimize(c);
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations());
}

constexpr uint64_t kScanRows = 1000;

void BM_ScanEngine(benchmark::State& state) {
  EnsureLoaded();
  auto table = Table();
  ScanSpec spec;
  spec.snapshot = g.engine->txns().TakeSnapshot(0);
  spec.column_ids = {0, 1, 2, 3};
  spec.use_key_range = true;
  spec.lower = {{Value::BigInt(0)}, true};
  spec.upper = {{Value::BigInt(0)}, true};
  DataChunk out(kTypes);
  const uint64_t span = g.rows - kScanRows;
  auto scan_from = [&](uint64_t first) -> uint64_t {
    spec.lower.prefix[0] = Value::BigInt(Key(first));
    spec.upper.prefix[0] = Value::BigInt(Key(first + kScanRows - 1));
    auto scan = table->Scan(spec);
    uint64_t n = 0;
    double sum = 0;
    for (;;) {
      auto more = scan->Next(&out);
      if (!more.ok() || !*more) break;
      const double* b = out.column(2).Data<double>();
      for (size_t r = 0; r < out.size(); ++r) sum += b[r];
      n += out.size();
    }
    benchmark::DoNotOptimize(sum);
    return n;
  };
  if (scan_from(g.queries[0] % span) != kScanRows) return state.SkipWithError("wrong count");
  const size_t mask = g.queries.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    uint64_t n = scan_from(g.queries[i] % span);
    benchmark::DoNotOptimize(n);
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations() * kScanRows);
}

void BM_ScanBtree(benchmark::State& state) {
  EnsureLoaded();
  const Btree& t = GetBtree();
  const uint64_t span = g.rows - kScanRows;
  const size_t mask = g.queries.size() - 1;
  size_t i = 0;
  for (auto _ : state) {
    auto it = t.lower_bound(Key(g.queries[i] % span));
    double sum = 0;
    size_t len = 0;
    for (uint64_t n = 0; n < kScanRows; ++n, ++it) {
      sum += it->second.b + static_cast<double>(it->second.a);
      len += it->second.c.size();
    }
    benchmark::DoNotOptimize(sum);
    benchmark::DoNotOptimize(len);
    i = (i + 1) & mask;
  }
  state.SetItemsProcessed(state.iterations() * kScanRows);
}

// --- the main store ----------------------------------------------------------------------------

// Per-row heap and RSS of everything but the btree baseline, relative to before the load.
void MemoryCounters(benchmark::State& state) {
  malloc_trim(0);
  const size_t rss = RssBytes();
  const double n = static_cast<double>(g.rows + g.extra_rows);
  state.counters["heap_B/row"] =
      (static_cast<double>(HeapBytes()) - static_cast<double>(g.heap_before) -
       static_cast<double>(g.btree_heap_bytes)) / n;
  state.counters["rss_B/row"] =
      (static_cast<double>(rss) - static_cast<double>(g.rss_before) -
       static_cast<double>(g.btree_heap_bytes)) / n;
}

// Folds the loaded table's delta into its main store.
MergeStats MergeLoaded(double* secs) {
  auto start = Clock::now();
  auto r = Table()->Merge(LoadedOptions().segment_rows, 600'000);
  *secs = Seconds(start);
  if (!r.ok() || !r->merged) {
    std::fprintf(stderr, "merge failed: %s\n", r.ok() ? "writers" : r.status().ToString().c_str());
    std::abort();
  }
  g.merged = true;
  return *r;
}

void BM_Merge(benchmark::State& state) {
  EnsureLoaded();
  GetBtree();  // so that the memory counters leave it out consistently
  for (auto _ : state) {
    double secs;
    MergeStats stats = MergeLoaded(&secs);
    state.SetIterationTime(secs);
    state.counters["rows/s"] = static_cast<double>(stats.main_rows) / secs;
    state.counters["segments"] = static_cast<double>(stats.segments);
    state.counters["writers_held_ms"] = stats.writers_held_ms;
  }
  MemoryCounters(state);
}

// Runs `bench` against the main store (merging first when needed).
template <void (*Bench)(benchmark::State&)>
void OnMain(benchmark::State& state) {
  EnsureLoaded();
  if (!g.merged) {
    double secs;
    MergeLoaded(&secs);
  }
  Bench(state);
}

// --- (5) checkpoint and recovery ------------------------------------------------------------

// Commits R one-row transactions (synchronous_commit off: each is its own WAL record), then
// one synchronous commit that makes them all durable. Returns transactions per second.
double AddSmallTxns() {
  auto start = Clock::now();
  DataChunk row(kTypes, 1);
  const uint64_t first = g.rows + g.extra_rows;
  for (uint64_t i = first; i < first + g_recovery_txns; ++i) {
    FillChunk(i, i + 1, &row);
    auto tx = g.engine->Begin(IsolationLevel::kReadCommitted);
    Check(tx->Insert(g.table_id, row), "insert");
    Check(tx->Commit(/*synchronous=*/i + 1 == first + g_recovery_txns), "commit");
  }
  g.extra_rows += g_recovery_txns;
  return static_cast<double>(g_recovery_txns) / Seconds(start);
}

// Closes the engine cleanly and times reopening the directory.
void ReopenTimed(benchmark::State& state) {
  const double wal_mb = static_cast<double>(DirBytes("wal-")) / 1e6;
  const double seg_mb = static_cast<double>(DirBytes("seg-")) / 1e6;
  for (auto _ : state) {
    g.engine.reset();
    malloc_trim(0);
    auto start = Clock::now();
    g.engine = OpenOrDie(g.dir->path(), LoadedOptions());
    double secs = Seconds(start);
    state.SetIterationTime(secs);
    state.counters["wal_MB"] = wal_mb;
    state.counters["segment_MB"] = seg_mb;
    state.counters["rows/s"] = static_cast<double>(g.rows + g.extra_rows) / secs;
  }
  g.merged = Table()->delta_versions() == 0;
  auto table = Table();
  Snapshot snap = g.engine->txns().TakeSnapshot(0);
  for (uint64_t q : {uint64_t{0}, g.rows / 2, g.rows + g.extra_rows - 1}) {
    if (table->FindVisible({Value::BigInt(Key(q))}, snap) == kNoPosition) {
      return state.SkipWithError("row lost in recovery");
    }
  }
  MemoryCounters(state);
}

// The whole table in the WAL: the bulk load plus R small transactions, no checkpoint.
void BM_RecoveryWal(benchmark::State& state) {
  EnsureLoaded();
  GetBtree();
  state.counters["gen_txns/s"] = AddSmallTxns();
  ReopenTimed(state);
}

void BM_Checkpoint(benchmark::State& state) {
  EnsureLoaded();
  for (auto _ : state) {
    auto start = Clock::now();
    Check(g.engine->Checkpoint(), "checkpoint");
    state.SetIterationTime(Seconds(start));
  }
  g.merged = true;
  state.counters["segment_MB"] = static_cast<double>(DirBytes("seg-")) / 1e6;
  state.counters["wal_MB_left"] = static_cast<double>(DirBytes("wal-")) / 1e6;
}

// Segments from the checkpoint; nothing (or, with `txns`, R small transactions) to replay.
void BM_RecoveryCheckpoint(benchmark::State& state, bool txns) {
  EnsureLoaded();
  GetBtree();
  if (DirBytes("seg-") == 0 || (!g.merged && Table()->delta_versions() != 0)) {
    Check(g.engine->Checkpoint(), "checkpoint");
  }
  if (txns) state.counters["gen_txns/s"] = AddSmallTxns();
  ReopenTimed(state);
}

// Point lookups on a table whose delta holds a tenth of its rows: the main store as the
// checkpoint left it, plus the rows added since (the recovery runs' one-row transactions, or
// a bulk insert of keys above the others when those runs were filtered out). Keys are drawn
// from all rows, so about one lookup in ten finds its row in the delta; every lookup searches
// the delta's index first.
void BM_LookupWithDelta(benchmark::State& state) {
  EnsureLoaded();
  if (!g.merged) {
    double secs;
    MergeLoaded(&secs);
  }
  const uint64_t delta = Table()->delta_versions();
  const uint64_t total = g.rows + g.extra_rows;
  if (delta * 10 < total) {
    const uint64_t add = (total - 10 * delta) / 9;
    auto tx = g.engine->Begin(IsolationLevel::kReadCommitted);
    DataChunk chunk(kTypes);
    for (uint64_t i = total; i < total + add; i += kVectorSize) {
      FillChunk(i, std::min<uint64_t>(total + add, i + kVectorSize), &chunk);
      Check(tx->Insert(g.table_id, chunk), "insert");
    }
    Check(tx->Commit(), "commit");
    g.extra_rows += add;
  }
  const uint64_t rows = g.rows + g.extra_rows;
  state.counters["delta_share"] = static_cast<double>(Table()->delta_versions()) / rows;
  std::mt19937_64 rng(7);
  std::vector<std::vector<Value>> keys(g.queries.size());
  for (auto& k : keys) k = {Value::BigInt(Key(rng() % rows))};
  TimeFindVisible(state, keys);
}

// --- (3) commits --------------------------------------------------------------------------------

enum class CommitMode { kGroup, kNoGroup, kAsync };

void BM_Commit(benchmark::State& state, CommitMode mode) {
  const int threads = static_cast<int>(state.range(0));
  const uint64_t total = mode == CommitMode::kAsync ? 10 * g_commits : g_commits;
  for (auto _ : state) {
    TempDir dir;
    FaultInjectionEnv env;  // counts syncs; injects nothing
    StorageOptions opt;
    opt.group_commit = mode != CommitMode::kNoGroup;
    auto engine = OpenOrDie(dir.path(), opt, &env);
    uint64_t table_id;
    {
      auto tx = engine->Begin(IsolationLevel::kReadCommitted);
      auto t = tx->CreateTable(Schema("t"));
      Check(t.status(), "create");
      table_id = (*t)->table_id;
      Check(tx->Commit(), "commit");
    }
    // Earlier benchmarks' dirty pages would slow the first fdatasyncs (ext4 flushes them).
    ::sync();
    const uint64_t syncs_before = env.syncs();
    std::atomic<uint64_t> next{0};
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    // The clock starts once every committer thread exists (creating 64 threads takes a few
    // milliseconds of a run that may last 50).
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        DataChunk row(kTypes, 1);
        ready.fetch_add(1);
        while (!go.load()) std::this_thread::yield();
        for (uint64_t i; (i = next.fetch_add(1)) < total;) {
          FillChunk(i, i + 1, &row);
          auto tx = engine->Begin(IsolationLevel::kReadCommitted);
          Check(tx->Insert(table_id, row), "insert");
          Check(tx->Commit(mode != CommitMode::kAsync), "commit");
        }
      });
    }
    while (ready.load() < threads) std::this_thread::yield();
    auto start = Clock::now();
    go.store(true);
    for (auto& th : pool) th.join();
    const double secs = Seconds(start);
    state.SetIterationTime(secs);
    state.counters["commits/s"] = static_cast<double>(total) / secs;
    state.counters["avg_latency_us"] = secs * threads / static_cast<double>(total) * 1e6;
    state.counters["syncs/commit"] =
        static_cast<double>(env.syncs() - syncs_before) / static_cast<double>(total);
    engine.reset();
  }
}

// --- summary ------------------------------------------------------------------------------------

std::map<std::string, double> g_ns;  // benchmark name -> real ns per iteration

class CapturingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred || r.iterations == 0) continue;
      std::string name = r.benchmark_name();
      for (const char* tag : {"/iterations:", "/min_time:", "/real_time", "/manual_time"}) {
        const size_t at = name.find(tag);
        if (at != std::string::npos) name.resize(at);
      }
      g_ns[name] = r.real_accumulated_time * 1e9 / static_cast<double>(r.iterations);
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

void PrintRatio(const char* what, const std::string& engine, const std::string& btree) {
  if (!g_ns.count(engine) || !g_ns.count(btree)) return;
  std::printf("%-44s %10.0f ns vs btree %8.0f ns: %6.1fx\n", what, g_ns[engine], g_ns[btree],
              g_ns[engine] / g_ns[btree]);
}

}  // namespace

int main(int argc, char** argv) {
  g_rows = std::max<uint64_t>(EnvNum("OMENDB_BENCH_ROWS", g_rows), 2 * kScanRows);
  g_recovery_txns = EnvNum("OMENDB_BENCH_RECOVERY_TXNS", g_recovery_txns);
  g_commits = EnvNum("OMENDB_BENCH_COMMITS", g_commits);
  g_segment_rows = EnvNum("OMENDB_BENCH_SEGMENT_ROWS", g_segment_rows);
  if (const char* d = std::getenv("OMENDB_BENCH_DIR"); d && *d) g_parent = d;
  benchmark::Initialize(&argc, argv);

  const std::string n = "/rows:" + std::to_string(g_rows);
  auto once = [](benchmark::internal::Benchmark* b) {
    b->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
  };
  once(benchmark::RegisterBenchmark(("bulk_load" + n).c_str(), BM_BulkLoad));
  benchmark::RegisterBenchmark(("memory" + n).c_str(), BM_Memory)->Iterations(1)->Unit(
      benchmark::kMillisecond);
  auto timed = [](benchmark::internal::Benchmark* b) { b->MinTime(0.5)->UseRealTime(); };
  timed(benchmark::RegisterBenchmark(("lookup/find_visible" + n).c_str(), BM_LookupFindVisible));
  timed(benchmark::RegisterBenchmark(("lookup/scan_key_point" + n).c_str(), BM_LookupScanPoint));
  timed(benchmark::RegisterBenchmark(("lookup/btree" + n).c_str(), BM_LookupBtree));
  timed(benchmark::RegisterBenchmark(("scan_1000/engine" + n).c_str(), BM_ScanEngine));
  timed(benchmark::RegisterBenchmark(("scan_1000/btree" + n).c_str(), BM_ScanBtree));
  once(benchmark::RegisterBenchmark(("merge" + n).c_str(), BM_Merge));
  timed(benchmark::RegisterBenchmark(("lookup/find_visible/main" + n).c_str(),
                                     OnMain<BM_LookupFindVisible>));
  timed(benchmark::RegisterBenchmark(("lookup/scan_key_point/main" + n).c_str(),
                                     OnMain<BM_LookupScanPoint>));
  timed(benchmark::RegisterBenchmark(("scan_1000/engine/main" + n).c_str(), OnMain<BM_ScanEngine>));
  const std::string r = n + "/txns:" + std::to_string(g_recovery_txns);
  once(benchmark::RegisterBenchmark(("recovery/wal_only" + r).c_str(), BM_RecoveryWal));
  once(benchmark::RegisterBenchmark(("checkpoint" + n).c_str(), BM_Checkpoint));
  once(benchmark::RegisterBenchmark(("recovery/checkpoint" + n).c_str(), BM_RecoveryCheckpoint,
                                    false));
  once(benchmark::RegisterBenchmark(("recovery/checkpoint+wal" + r).c_str(),
                                    BM_RecoveryCheckpoint, true));
  timed(benchmark::RegisterBenchmark(("lookup/find_visible/delta10" + n).c_str(),
                                     BM_LookupWithDelta));
  for (auto [name, mode] : {std::pair{"commit/sync_group", CommitMode::kGroup},
                            std::pair{"commit/sync_no_group", CommitMode::kNoGroup},
                            std::pair{"commit/async", CommitMode::kAsync}}) {
    auto* b = benchmark::RegisterBenchmark(name, BM_Commit, mode);
    once(b);
    b->ArgName("threads")->Arg(1)->Arg(8)->Arg(64);
  }

  CapturingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::printf("\nRatios (engine time / absl::btree_map time, same keys):\n");
  PrintRatio("point lookup, FindVisible (position only)", "lookup/find_visible" + n,
             "lookup/btree" + n);
  PrintRatio("point lookup, Scan of one key point (row)", "lookup/scan_key_point" + n,
             "lookup/btree" + n);
  PrintRatio("1000-row key-range scan", "scan_1000/engine" + n, "scan_1000/btree" + n);
  PrintRatio("main: point lookup, FindVisible", "lookup/find_visible/main" + n, "lookup/btree" + n);
  PrintRatio("main: point lookup, Scan of one key point", "lookup/scan_key_point/main" + n,
             "lookup/btree" + n);
  PrintRatio("main: 1000-row key-range scan", "scan_1000/engine/main" + n, "scan_1000/btree" + n);
  PrintRatio("10% delta: point lookup, FindVisible", "lookup/find_visible/delta10" + n,
             "lookup/btree" + n);
  g.engine.reset();
  g = Loaded{};
  benchmark::Shutdown();
  return 0;
}
