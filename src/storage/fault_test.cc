// WAL write and fsync failures (injected through FaultInjectionEnv): the failing commit and
// every later write are refused with a clear error, reads keep working, nothing acknowledged
// is lost, a transaction whose durability is unknown is recovered whole or not at all, and a
// restart recovers cleanly and accepts writes again. A failed checkpoint (segment file or
// manifest) loses nothing either: the previous manifest and the WAL stay in force.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "common/fault_injection_env.h"
#include "storage/storage_engine.h"

namespace omendb {
namespace {

constexpr char kRefused[] = "the server refuses writes after a WAL failure: injected I/O error";
// Faults hit the write-ahead log only (not checkpoint or segment files).
constexpr char kWalFile[] = "/wal-0000000000000001.log";

class FaultTestBase {
 protected:
  void MakeDir(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_fault_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir_);
  }
  void RemoveDir() { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StorageEngine> Open(Env* env, StorageOptions options = {}) {
    auto e = StorageEngine::Open(dir_.string(), options, env);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }

  static TableSchema Schema(const std::string& name) {
    TableSchema s;
    s.name = name;
    s.columns = {{"id", TypeId::kBigInt, true}, {"v", TypeId::kBigInt, false}};
    s.primary_key = {0};
    return s;
  }
  static DataChunk Rows(int64_t from, int64_t to) {
    DataChunk c({TypeId::kBigInt, TypeId::kBigInt});
    for (int64_t i = from; i < to; ++i) c.AppendRow({Value::BigInt(i), Value::BigInt(-i)});
    return c;
  }
  static std::set<int64_t> Range(int64_t from, int64_t to) {
    std::set<int64_t> s;
    for (int64_t i = from; i < to; ++i) s.insert(i);
    return s;
  }
  // The keys of `table` a new snapshot sees (empty when the table does not exist).
  static std::set<int64_t> Keys(StorageEngine& e, const std::string& table) {
    std::set<int64_t> keys;
    const TableSchema* t = e.catalog().FindTable(table);
    if (t == nullptr) return keys;
    ScanSpec spec;
    spec.snapshot = e.txns().TakeSnapshot(0);
    spec.column_ids = {0, 1};
    auto scan = e.GetTableData(t->table_id)->Scan(spec);
    DataChunk chunk({TypeId::kBigInt, TypeId::kBigInt});
    for (;;) {
      auto more = scan->Next(&chunk);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      for (size_t r = 0; r < chunk.size(); ++r) {
        int64_t k = chunk.GetValue(0, r).GetInt();
        EXPECT_EQ(chunk.GetValue(1, r).GetInt(), -k);
        keys.insert(k);
      }
    }
    return keys;
  }
  static uint64_t TableId(StorageEngine& e, const std::string& table) {
    const TableSchema* t = e.catalog().FindTable(table);
    return t == nullptr ? 0 : t->table_id;
  }
  static Status CommitRows(StorageEngine& e, uint64_t table_id, int64_t from, int64_t to) {
    auto tx = e.Begin(IsolationLevel::kReadCommitted);
    OMEN_RETURN_IF_ERROR(tx->Insert(table_id, Rows(from, to)));
    return tx->Commit();
  }
  static bool Contains(const std::set<int64_t>& keys, const std::set<int64_t>& part) {
    for (int64_t k : part) {
      if (keys.count(k) == 0) return false;
    }
    return true;
  }
  static bool Disjoint(const std::set<int64_t>& keys, const std::set<int64_t>& part) {
    for (int64_t k : part) {
      if (keys.count(k) != 0) return false;
    }
    return true;
  }
  // Every write path refuses with the engine's WritesRefused error; reads and read-only
  // commits still work.
  static void ExpectWritesRefused(StorageEngine& e, uint64_t table_id) {
    auto expect_refused = [](const Status& s) {
      EXPECT_EQ(s.sqlstate(), "58030") << s.ToString();
      EXPECT_EQ(s.message().rfind(kRefused, 0), 0u) << s.ToString();
      EXPECT_NE(s.hint().find("Restart the server"), std::string::npos) << s.ToString();
    };
    auto tx = e.Begin(IsolationLevel::kReadCommitted);
    expect_refused(tx->Insert(table_id, Rows(1'000'000, 1'000'001)));
    expect_refused(tx->CreateTable(Schema("refused")).status());
    expect_refused(tx->DropTable("t"));
    Snapshot snap = tx->StatementSnapshot();
    auto data = e.GetTableData(table_id);
    uint64_t pos = data->FindVisible({Value::BigInt(0)}, snap);
    ASSERT_NE(pos, kNoPosition);  // reads work
    expect_refused(tx->Lock(table_id, pos, snap).status());
    EXPECT_TRUE(tx->Commit().ok());  // nothing to log
    EXPECT_EQ(e.catalog().FindTable("refused"), nullptr);
  }

  std::filesystem::path dir_;
};

// --- (a) fsync failure ------------------------------------------------------------------------

// Parameter: whether the data of the failed fdatasync is lost (DropUnsyncedData) or survives
// in the page cache; both are possible outcomes of a real failed fdatasync.
class SyncFailureTest : public FaultTestBase, public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    MakeDir(std::string("sync_") + (GetParam() ? "drop" : "keep"));
  }
  void TearDown() override { RemoveDir(); }
};

TEST_P(SyncFailureTest, RefusesWritesLosesNothingAcknowledgedAndRecovers) {
  const bool drop_unsynced = GetParam();
  FaultInjectionEnv env;
  env.set_target(kWalFile);
  std::set<int64_t> acked;
  {
    auto e = Open(&env);
    ASSERT_NE(e, nullptr);
    {
      auto tx = e->Begin(IsolationLevel::kReadCommitted);
      ASSERT_TRUE(tx->CreateTable(Schema("t")).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
    uint64_t t = TableId(*e, "t");
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(CommitRows(*e, t, i * 10, i * 10 + 10).ok());
      auto r = Range(i * 10, i * 10 + 10);
      acked.insert(r.begin(), r.end());
    }
    // A transaction that wrote before the failure and commits after it.
    auto straggler = e->Begin(IsolationLevel::kReadCommitted);
    ASSERT_TRUE(straggler->Insert(t, Rows(500, 510)).ok());

    uint64_t syncs_before = env.syncs();
    env.FailSync();
    auto tx = e->Begin(IsolationLevel::kReadCommitted);
    ASSERT_TRUE(tx->Insert(t, Rows(100, 110)).ok());
    Status s = tx->Commit();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.sqlstate(), "58030") << s.ToString();
    // The committer either led the failing sync (the raw error) or the background flusher did.
    EXPECT_NE(s.message().find("injected I/O error: could not fdatasync file"), std::string::npos)
        << s.ToString();
    EXPECT_EQ(env.failed_syncs(), 1u);
    EXPECT_GT(env.syncs(), syncs_before);

    // The failed commit is rolled back in memory; acknowledged rows stay readable.
    EXPECT_EQ(Keys(*e, "t"), acked);
    ExpectWritesRefused(*e, t);
    Status late = straggler->Commit();
    EXPECT_EQ(late.sqlstate(), "58030");
    EXPECT_EQ(late.message().rfind(kRefused, 0), 0u) << late.ToString();
    EXPECT_EQ(Keys(*e, "t"), acked);
    // Writes stay refused even after the device recovers: only a restart clears the state.
    env.ClearFaults();
    ExpectWritesRefused(*e, t);
  }
  if (drop_unsynced) {
    ASSERT_TRUE(env.DropUnsyncedData().ok());
  }

  // Restart with the plain Env.
  {
    auto e = Open(Env::Default());
    ASSERT_NE(e, nullptr);
    std::set<int64_t> keys = Keys(*e, "t");
    EXPECT_TRUE(Contains(keys, acked));
    std::set<int64_t> failed = Range(100, 110);
    // Durability of the failed commit is unknown: whole or absent, never partial. Here it is
    // deterministic: the record reached the page cache unless the unsynced data was dropped.
    EXPECT_TRUE(Contains(keys, failed) || Disjoint(keys, failed));
    EXPECT_EQ(Contains(keys, failed), !drop_unsynced);
    EXPECT_TRUE(Disjoint(keys, Range(500, 510)));  // refused before it was logged
    std::set<int64_t> expected = acked;
    if (!drop_unsynced) expected.insert(failed.begin(), failed.end());
    EXPECT_EQ(keys, expected);

    // Writes are accepted again, and survive another restart.
    uint64_t t = TableId(*e, "t");
    ASSERT_TRUE(CommitRows(*e, t, 200, 210).ok());
    // The failed transaction's keys are taken exactly when it was recovered.
    EXPECT_EQ(CommitRows(*e, t, 105, 106).ok(), drop_unsynced);
  }
  auto e = Open(Env::Default());
  std::set<int64_t> keys = Keys(*e, "t");
  EXPECT_TRUE(Contains(keys, acked));
  EXPECT_TRUE(Contains(keys, Range(200, 210)));
}

INSTANTIATE_TEST_SUITE_P(Fault, SyncFailureTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "DropUnsynced" : "KeepUnsynced"; });

// A sync failure of the background flusher (synchronous_commit = off) refuses writes too. The
// asynchronous commit was acknowledged without durability (the documented risk of
// synchronous_commit = off) and may be lost; earlier synchronous commits are not.
TEST(FaultTest, BackgroundFlusherSyncFailureRefusesWrites) {
  struct Fixture : FaultTestBase {
    ~Fixture() { RemoveDir(); }
    void Run() {
      MakeDir("flusher");
      FaultInjectionEnv env;
      env.set_target(kWalFile);
      {
        auto e = Open(&env);
        ASSERT_NE(e, nullptr);
        auto tx = e->Begin(IsolationLevel::kReadCommitted);
        ASSERT_TRUE(tx->CreateTable(Schema("t")).ok());
        ASSERT_TRUE(tx->Commit().ok());
        uint64_t t = TableId(*e, "t");
        ASSERT_TRUE(CommitRows(*e, t, 0, 10).ok());
        env.FailSync();
        auto async = e->Begin(IsolationLevel::kReadCommitted);
        ASSERT_TRUE(async->Insert(t, Rows(10, 20)).ok());
        ASSERT_TRUE(async->Commit(/*synchronous=*/false).ok());
        // The flusher syncs within ~10 ms and fails.
        for (int i = 0; i < 2000 && env.failed_syncs() == 0; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ASSERT_EQ(env.failed_syncs(), 1u);
        // Give the flusher time to record the failure (it does so right after the sync).
        Status s;
        for (int i = 0; i < 2000; ++i) {
          s = CommitRows(*e, t, 30, 31);
          if (!s.ok()) break;
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        EXPECT_EQ(s.message().rfind(kRefused, 0), 0u) << s.ToString();
        ExpectWritesRefused(*e, t);
      }
      ASSERT_TRUE(env.DropUnsyncedData().ok());
      auto e = Open(Env::Default());
      ASSERT_NE(e, nullptr);
      std::set<int64_t> keys = Keys(*e, "t");
      EXPECT_TRUE(Contains(keys, Range(0, 10)));
      EXPECT_TRUE(Disjoint(keys, Range(10, 20)));  // never synced, dropped
      ASSERT_TRUE(CommitRows(*e, TableId(*e, "t"), 40, 50).ok());
    }
  } f;
  f.Run();
}

// --- (b) write (append) failure, including torn writes ----------------------------------------

// Parameters: bytes of the failing record written before the error (0: none; 5: inside the
// header; 30: header and part of the payload; 1 << 20: all but the last byte), and whether
// unsynced data is dropped before the restart.
class AppendFailureTest : public FaultTestBase,
                          public ::testing::TestWithParam<std::tuple<size_t, bool>> {
 protected:
  void SetUp() override {
    MakeDir("append_" + std::to_string(std::get<0>(GetParam())) +
            (std::get<1>(GetParam()) ? "_drop" : "_keep"));
  }
  void TearDown() override { RemoveDir(); }
};

TEST_P(AppendFailureTest, TornOrFailedAppendLosesNothingAcknowledged) {
  const auto [torn, drop_unsynced] = GetParam();
  FaultInjectionEnv env;
  env.set_target(kWalFile);
  std::set<int64_t> acked;
  {
    auto e = Open(&env);
    ASSERT_NE(e, nullptr);
    {
      auto tx = e->Begin(IsolationLevel::kReadCommitted);
      auto created = tx->CreateTable(Schema("t"));
      ASSERT_TRUE(created.ok());
      ASSERT_TRUE(tx->Insert((*created)->table_id, Rows(0, 10)).ok());
      ASSERT_TRUE(tx->Commit().ok());
      auto r = Range(0, 10);
      acked.insert(r.begin(), r.end());
    }
    uint64_t t = TableId(*e, "t");
    // Two more appends succeed, the third fails.
    env.FailAppend(/*after=*/2, /*every_later=*/true, torn);
    ASSERT_TRUE(CommitRows(*e, t, 10, 20).ok());
    ASSERT_TRUE(CommitRows(*e, t, 20, 30).ok());
    auto r = Range(10, 30);
    acked.insert(r.begin(), r.end());
    Status s = CommitRows(*e, t, 100, 150);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.sqlstate(), "58030") << s.ToString();
    EXPECT_EQ(s.message().rfind("injected I/O error: could not write to file", 0), 0u)
        << s.ToString();
    EXPECT_EQ(env.failed_appends(), 1u);
    EXPECT_EQ(Keys(*e, "t"), acked);
    ExpectWritesRefused(*e, t);
    // The refusal happens before the log: no further append is attempted.
    EXPECT_EQ(env.failed_appends(), 1u);
  }
  if (drop_unsynced) {
    ASSERT_TRUE(env.DropUnsyncedData().ok());
  }
  uint64_t wal_size = std::filesystem::file_size(dir_ / "wal-0000000000000001.log");
  {
    auto e = Open(Env::Default());
    ASSERT_NE(e, nullptr);
    // The torn tail is cut; the failed record never completed, so its rows are absent.
    std::set<int64_t> keys = Keys(*e, "t");
    EXPECT_EQ(keys, acked);
    if (torn > 0 && !drop_unsynced) {
      EXPECT_LT(std::filesystem::file_size(dir_ / "wal-0000000000000001.log"), wal_size);
    }
    ASSERT_TRUE(CommitRows(*e, TableId(*e, "t"), 100, 150).ok());
  }
  // The log continues cleanly after the cut.
  auto e = Open(Env::Default());
  ASSERT_NE(e, nullptr);
  std::set<int64_t> expected = acked;
  auto r = Range(100, 150);
  expected.insert(r.begin(), r.end());
  EXPECT_EQ(Keys(*e, "t"), expected);
}

INSTANTIATE_TEST_SUITE_P(Fault, AppendFailureTest,
                         ::testing::Combine(::testing::Values(size_t{0}, size_t{5}, size_t{30},
                                                              size_t{1} << 20),
                                            ::testing::Bool()),
                         [](const auto& info) {
                           return "Torn" + std::to_string(std::get<0>(info.param)) +
                                  (std::get<1>(info.param) ? "Drop" : "Keep");
                         });

// --- (c) concurrent committers -----------------------------------------------------------------

// Parameters: group commit on/off, and whether unsynced data is dropped before the restart.
// Dropping unsynced data makes an acknowledgement given without a successful sync visible as a
// lost row.
class ConcurrentSyncFailureTest : public FaultTestBase,
                                  public ::testing::TestWithParam<std::tuple<bool, bool>> {
 protected:
  void SetUp() override {
    MakeDir(std::string("concurrent_") + (std::get<0>(GetParam()) ? "group" : "single") +
            (std::get<1>(GetParam()) ? "_drop" : "_keep"));
  }
  void TearDown() override { RemoveDir(); }
};

TEST_P(ConcurrentSyncFailureTest, NoCommitWhoseSyncFailedIsAcknowledged) {
  const auto [group_commit, drop_unsynced] = GetParam();
  constexpr int kThreads = 8;
  constexpr int kRowsPerTxn = 3;
  constexpr int64_t kKeysPerThread = 1'000'000;
  FaultInjectionEnv env;
  env.set_target(kWalFile);
  StorageOptions options;
  options.group_commit = group_commit;
  std::vector<std::vector<int64_t>> acked(kThreads), failed(kThreads);  // first keys of txns
  {
    auto e = Open(&env, options);
    ASSERT_NE(e, nullptr);
    {
      auto tx = e->Begin(IsolationLevel::kReadCommitted);
      auto created = tx->CreateTable(Schema("t"));
      ASSERT_TRUE(created.ok());
      ASSERT_TRUE(tx->Insert((*created)->table_id, Rows(0, 1)).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
    uint64_t t = TableId(*e, "t");
    env.FailSync(/*after=*/25);
    std::atomic<int> errors_without_failure{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        int64_t base = (i + 1) * kKeysPerThread;
        for (int j = 0; j < 100'000; ++j) {
          int64_t first = base + int64_t{j} * kRowsPerTxn;
          auto tx = e->Begin(IsolationLevel::kReadCommitted);
          Status s = tx->Insert(t, Rows(first, first + kRowsPerTxn));
          if (s.ok()) s = tx->Commit();
          if (s.ok()) {
            acked[i].push_back(first);
            continue;
          }
          if (s.sqlstate() != "58030" || s.message().find("injected") == std::string::npos) {
            ++errors_without_failure;
          }
          failed[i].push_back(first);
          // Once refused, always refused.
          Status again = CommitRows(*e, t, base + kKeysPerThread - 10, base + kKeysPerThread - 9);
          if (again.message().rfind(kRefused, 0) != 0) ++errors_without_failure;
          return;
        }
      });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(errors_without_failure.load(), 0);
    EXPECT_GE(env.failed_syncs(), 1u);
    // In memory: exactly the acknowledged transactions are visible.
    std::set<int64_t> keys = Keys(*e, "t");
    size_t acked_txns = 0;
    for (int i = 0; i < kThreads; ++i) {
      EXPECT_EQ(failed[i].size(), 1u) << "thread " << i << " never saw the failure";
      acked_txns += acked[i].size();
      for (int64_t first : acked[i]) EXPECT_TRUE(Contains(keys, Range(first, first + kRowsPerTxn)));
      for (int64_t first : failed[i]) EXPECT_TRUE(Disjoint(keys, Range(first, first + kRowsPerTxn)));
    }
    EXPECT_EQ(keys.size(), 1 + acked_txns * kRowsPerTxn);
    EXPECT_GT(acked_txns, 0u);
  }
  if (drop_unsynced) {
    ASSERT_TRUE(env.DropUnsyncedData().ok());
  }
  auto e = Open(Env::Default());
  ASSERT_NE(e, nullptr);
  std::set<int64_t> keys = Keys(*e, "t");
  size_t recovered_failed = 0;
  for (int i = 0; i < kThreads; ++i) {
    for (int64_t first : acked[i]) {
      EXPECT_TRUE(Contains(keys, Range(first, first + kRowsPerTxn)))
          << "acknowledged commit lost: thread " << i << " key " << first;
    }
    for (int64_t first : failed[i]) {
      std::set<int64_t> r = Range(first, first + kRowsPerTxn);
      EXPECT_TRUE(Contains(keys, r) || Disjoint(keys, r)) << "partial transaction " << first;
      if (Contains(keys, r)) ++recovered_failed;
    }
  }
  // A refused commit may still be recovered even when unsynced data is dropped: another
  // committer's successful sync can have covered its record before its own sync failed.
  RecordProperty("recovered_failed_commits", static_cast<int>(recovered_failed));
  ASSERT_TRUE(CommitRows(*e, TableId(*e, "t"), -10, -1).ok());
}

INSTANTIATE_TEST_SUITE_P(Fault, ConcurrentSyncFailureTest,
                         ::testing::Combine(::testing::Bool(), ::testing::Bool()),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param) ? "Group" : "Single") +
                                  (std::get<1>(info.param) ? "Drop" : "Keep");
                         });

// --- (d) checkpoint failures ------------------------------------------------------------------

// Parameters: the file the fault hits (a segment file, the new manifest, or the WAL file the
// checkpoint syncs before rotating it) and the fault (a failed fdatasync, or a torn write).
struct CheckpointFault {
  const char* name;
  const char* target;
  bool sync;           // else a torn append
  bool refuses_writes; // a WAL failure refuses writes; a failed checkpoint file does not
};

class CheckpointFailureTest : public FaultTestBase,
                              public ::testing::TestWithParam<CheckpointFault> {
 protected:
  void SetUp() override { MakeDir(std::string("checkpoint_") + GetParam().name); }
  void TearDown() override { RemoveDir(); }
};

TEST_P(CheckpointFailureTest, FailedCheckpointLosesNothingAndRecovers) {
  const CheckpointFault p = GetParam();
  FaultInjectionEnv env;
  env.set_target(p.target);
  StorageOptions options;
  options.background_maintenance = false;  // checkpoints only when the test asks
  std::set<int64_t> acked;
  auto ack = [&](int64_t from, int64_t to) {
    auto r = Range(from, to);
    acked.insert(r.begin(), r.end());
  };
  {
    auto e = Open(&env, options);
    ASSERT_NE(e, nullptr);
    {
      auto tx = e->Begin(IsolationLevel::kReadCommitted);
      auto created = tx->CreateTable(Schema("t"));
      ASSERT_TRUE(created.ok());
      ASSERT_TRUE(tx->Insert((*created)->table_id, Rows(0, 100)).ok());
      ASSERT_TRUE(tx->Commit().ok());
      ack(0, 100);
    }
    uint64_t t = TableId(*e, "t");
    ASSERT_TRUE(e->Checkpoint().ok());  // a manifest and segments to fall back on
    ASSERT_TRUE(CommitRows(*e, t, 100, 200).ok());
    ack(100, 200);

    if (p.sync) {
      env.FailSync();
    } else {
      env.FailAppend(/*after=*/0, /*every_later=*/true, /*torn_bytes=*/10);
    }
    Status s = e->Checkpoint();
    EXPECT_EQ(s.sqlstate(), "58030") << s.ToString();
    EXPECT_NE(s.message().find("injected I/O error"), std::string::npos) << s.ToString();
    EXPECT_EQ(Keys(*e, "t"), acked);  // reads keep working
    Status w = CommitRows(*e, t, 200, 300);
    if (p.refuses_writes) {
      EXPECT_EQ(w.message().rfind(kRefused, 0), 0u) << w.ToString();
      ExpectWritesRefused(*e, t);
    } else {
      // The previous manifest stays in force and the WAL keeps every commit.
      EXPECT_TRUE(w.ok()) << w.ToString();
      ack(200, 300);
      env.ClearFaults();
      ASSERT_TRUE(e->Checkpoint().ok());  // a retry succeeds
      ASSERT_TRUE(CommitRows(*e, t, 300, 400).ok());
      ack(300, 400);
    }
    EXPECT_EQ(Keys(*e, "t"), acked);
  }
  {
    auto e = Open(Env::Default(), options);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(Keys(*e, "t"), acked);
    ASSERT_TRUE(CommitRows(*e, TableId(*e, "t"), 1000, 1100).ok());
    ack(1000, 1100);
    ASSERT_TRUE(e->Checkpoint().ok());
  }
  auto e = Open(Env::Default(), options);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Keys(*e, "t"), acked);
}

INSTANTIATE_TEST_SUITE_P(
    Fault, CheckpointFailureTest,
    ::testing::Values(CheckpointFault{"SegmentSync", ".seg", true, false},
                      CheckpointFault{"SegmentTorn", ".seg", false, false},
                      CheckpointFault{"ManifestSync", "/MANIFEST.tmp", true, false},
                      CheckpointFault{"ManifestTorn", "/MANIFEST.tmp", false, false},
                      CheckpointFault{"WalRotationSync", ".log", true, true}),
    [](const auto& info) { return std::string(info.param.name); });

// --- FaultInjectionEnv itself ------------------------------------------------------------------

TEST(FaultInjectionEnvTest, CountsTargetsAndTearsWrites) {
  auto dir = std::filesystem::temp_directory_path() /
             ("omendb_fault_env_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  FaultInjectionEnv env;
  env.set_target("wal.log");
  auto other = env.NewAppendableFile((dir / "other").string());
  auto wal = env.NewAppendableFile((dir / "wal.log").string());
  ASSERT_TRUE(other.ok() && wal.ok());
  env.FailAppend(/*after=*/1, /*every_later=*/false, /*torn_bytes=*/3);
  env.FailSync(/*after=*/0, /*every_later=*/false);
  EXPECT_TRUE((*other)->Append("xxxxxxxx").ok());  // not a target
  EXPECT_TRUE((*wal)->Append("abcd").ok());        // the one allowed success
  Status s = (*wal)->Append("efghij");
  EXPECT_EQ(s.sqlstate(), "58030");
  EXPECT_TRUE((*wal)->Append("kl").ok());  // not sticky
  EXPECT_EQ((*wal)->Sync().sqlstate(), "58030");
  EXPECT_TRUE((*wal)->Sync().ok());
  EXPECT_TRUE((*wal)->Append("mn").ok());
  EXPECT_EQ(env.appends(), 5u);
  EXPECT_EQ(env.failed_appends(), 1u);
  EXPECT_EQ(env.syncs(), 2u);
  EXPECT_EQ(env.failed_syncs(), 1u);
  EXPECT_TRUE((*wal)->Close().ok());
  EXPECT_TRUE((*other)->Close().ok());
  EXPECT_EQ(*env.ReadFileToString((dir / "wal.log").string()), "abcdefgklmn");
  ASSERT_TRUE(env.DropUnsyncedData().ok());
  EXPECT_EQ(*env.ReadFileToString((dir / "wal.log").string()), "abcdefgkl");
  EXPECT_EQ(*env.ReadFileToString((dir / "other").string()), "");  // never synced
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace omendb
