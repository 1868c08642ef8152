#include "storage/storage_engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace omendb {
namespace {

class StorageEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_storage_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StorageEngine> Open() {
    auto e = StorageEngine::Open(dir_.string());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }

  static TableSchema Schema(const std::string& name) {
    TableSchema s;
    s.name = name;
    s.columns = {{"id", TypeId::kInteger, true}, {"x", TypeId::kDouble, false}};
    s.primary_key = {0};
    return s;
  }
  static DataChunk Rows(int from, int to) {
    DataChunk c({TypeId::kInteger, TypeId::kDouble});
    for (int i = from; i < to; ++i) c.AppendRow({Value::Integer(i), Value::Double(i * 0.5)});
    return c;
  }
  // Rows of `table` a new snapshot sees (0 when the table does not exist).
  static uint64_t RowCount(StorageEngine& e, const std::string& table) {
    const TableSchema* t = e.catalog().FindTable(table);
    if (t == nullptr) return 0;
    ScanSpec spec;
    spec.snapshot = e.txns().TakeSnapshot(0);
    spec.column_ids = {0};
    auto scan = e.GetTableData(t->table_id)->Scan(spec);
    DataChunk chunk({TypeId::kInteger});
    uint64_t n = 0;
    while (*scan->Next(&chunk)) n += chunk.size();
    return n;
  }
  static std::unique_ptr<Transaction> Begin(StorageEngine& e) {
    return e.Begin(IsolationLevel::kReadCommitted);
  }

  std::filesystem::path dir_;
};

TEST_F(StorageEngineTest, CommittedStateSurvivesReopen) {
  {
    auto e = Open();
    auto tx = Begin(*e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 5000)).ok());
    ASSERT_TRUE(tx->Commit().ok());
    auto tx2 = Begin(*e);
    ASSERT_TRUE(tx2->CreateTable(Schema("b")).ok());
    ASSERT_TRUE(tx2->Commit().ok());
    auto tx3 = Begin(*e);
    ASSERT_TRUE(tx3->DropTable("b").ok());
    ASSERT_TRUE(tx3->Commit().ok());
  }
  auto e = Open();
  EXPECT_EQ(RowCount(*e, "a"), 5000u);
  EXPECT_EQ(e->catalog().FindTable("b"), nullptr);
  // The replayed primary key still rejects duplicates; ids are not reused.
  const TableSchema* a = e->catalog().FindTable("a");
  auto tx = Begin(*e);
  EXPECT_EQ(tx->Insert(a->table_id, Rows(4999, 5000)).sqlstate(), "23505");
  EXPECT_EQ((*tx->CreateTable(Schema("c")))->table_id, 3u);
}

TEST_F(StorageEngineTest, RollbackUndoesEverything) {
  auto e = Open();
  {
    auto tx = Begin(*e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 10)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    auto tx = Begin(*e);
    const TableSchema* a = e->catalog().FindTable("a");
    ASSERT_TRUE(tx->Insert(a->table_id, Rows(10, 20)).ok());
    // Deletes and updates of committed rows are undone too.
    auto data = e->GetTableData(a->table_id);
    uint64_t pos = data->FindVisible({Value::Integer(3)}, tx->LatestSnapshot());
    ASSERT_EQ(tx->Lock(a->table_id, pos, tx->LatestSnapshot())->kind, LockOutcome::kLocked);
    EXPECT_EQ(tx->Insert(a->table_id, Rows(5, 6)).sqlstate(), "23505");
    ASSERT_TRUE(tx->DropTable("a").ok());
    ASSERT_TRUE(tx->CreateTable(Schema("z")).ok());
    tx->Rollback();
  }
  EXPECT_EQ(RowCount(*e, "a"), 10u);
  EXPECT_EQ(e->catalog().FindTable("z"), nullptr);
  e.reset();
  e = Open();
  EXPECT_EQ(RowCount(*e, "a"), 10u);
}

TEST_F(StorageEngineTest, TornTailIsCutAndLogContinues) {
  {
    auto e = Open();
    auto tx = Begin(*e);
    ASSERT_TRUE(tx->CreateTable(Schema("a")).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  {
    std::ofstream f(dir_ / "wal-0000000000000001.log", std::ios::app | std::ios::binary);
    f << "\x10\x20\x30 half a record";
  }
  {
    auto e = Open();
    ASSERT_NE(e->catalog().FindTable("a"), nullptr);
    auto tx = Begin(*e);
    ASSERT_TRUE(tx->CreateTable(Schema("b")).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto e = Open();
  EXPECT_NE(e->catalog().FindTable("b"), nullptr);
}

TEST_F(StorageEngineTest, MidLogCorruptionRefusesToOpen) {
  {
    auto e = Open();
    for (const char* n : {"a", "b"}) {
      auto tx = Begin(*e);
      ASSERT_TRUE(tx->CreateTable(Schema(n)).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
  }
  {
    std::fstream f(dir_ / "wal-0000000000000001.log", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('\xff');
  }
  auto e = StorageEngine::Open(dir_.string());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().sqlstate(), "XX001");
  EXPECT_NE(e.status().message().find("wal-0000000000000001.log\" is corrupt at offset 0"), std::string::npos);
}

TEST_F(StorageEngineTest, DeletesAndUpdatesReplayByKey) {
  {
    auto e = Open();
    auto tx = Begin(*e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 100)).ok());
    TableSchema heap = Schema("h");
    heap.primary_key.clear();
    auto h = tx->CreateTable(heap);
    ASSERT_TRUE(tx->Insert((*h)->table_id, Rows(0, 10)).ok());
    ASSERT_TRUE(tx->Commit().ok());
    // Delete keys 10..19 of a and the rows with hidden ids 1 and 2 of h, in two transactions.
    auto del = Begin(*e);
    Snapshot snap = del->StatementSnapshot();
    auto data = e->GetTableData((*t)->table_id);
    for (int k = 10; k < 20; ++k) {
      uint64_t pos = data->FindVisible({Value::Integer(k)}, snap);
      ASSERT_EQ(del->Lock((*t)->table_id, pos, snap)->kind, LockOutcome::kLocked);
    }
    ASSERT_TRUE(del->Commit().ok());
    auto del2 = Begin(*e);
    snap = del2->StatementSnapshot();
    for (uint64_t pos : {0u, 1u}) {
      ASSERT_EQ(del2->Lock((*h)->table_id, pos, snap)->kind, LockOutcome::kLocked);
    }
    ASSERT_TRUE(del2->Commit(/*synchronous=*/false).ok());
  }
  auto e = Open();
  EXPECT_EQ(RowCount(*e, "a"), 90u);
  EXPECT_EQ(RowCount(*e, "h"), 8u);
  // Hidden ids continue after the replayed ones.
  const TableSchema* h = e->catalog().FindTable("h");
  auto tx = Begin(*e);
  std::vector<uint64_t> pos;
  ASSERT_TRUE(tx->Insert(h->table_id, Rows(0, 1), &pos).ok());
  EXPECT_EQ(e->GetTableData(h->table_id)->HiddenId(pos[0]), 11u);
}

TEST_F(StorageEngineTest, UncommittedDdlIsPrivateAndDropWaitsForWriters) {
  auto e = Open();
  auto creator = Begin(*e);
  auto t = creator->CreateTable(Schema("a"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(e->catalog().FindTable("a", creator->id()), *t);
  EXPECT_EQ(e->catalog().FindTable("a"), nullptr);
  ASSERT_TRUE(creator->Insert((*t)->table_id, Rows(0, 3)).ok());
  ASSERT_TRUE(creator->Commit().ok());
  EXPECT_EQ(RowCount(*e, "a"), 3u);

  auto writer = Begin(*e);
  ASSERT_TRUE(writer->Insert((*t)->table_id, Rows(3, 4)).ok());
  auto dropper = Begin(*e);
  std::atomic<bool> dropped{false};
  std::thread drop([&] {
    EXPECT_TRUE(dropper->DropTable("a").ok());
    dropped = true;
  });
  while (!e->txns().WaitsFor(dropper->id(), writer->id())) std::this_thread::yield();
  EXPECT_FALSE(dropped.load());
  ASSERT_TRUE(writer->Commit().ok());
  drop.join();
  // Other transactions still see the table until the drop commits; new writers wait for it.
  EXPECT_EQ(RowCount(*e, "a"), 4u);
  auto late = Begin(*e);
  Status late_insert;
  std::thread late_thread([&] { late_insert = late->Insert((*t)->table_id, Rows(9, 10)); });
  while (!e->txns().WaitsFor(late->id(), dropper->id())) std::this_thread::yield();
  ASSERT_TRUE(dropper->Commit().ok());
  late_thread.join();
  EXPECT_EQ(late_insert.sqlstate(), "42P01");
  EXPECT_EQ(e->catalog().FindTable("a"), nullptr);
}

TEST_F(StorageEngineTest, GroupCommitSharesSyncsAmongConcurrentCommitters) {
  auto e = Open();
  auto setup = Begin(*e);
  auto t = setup->CreateTable(Schema("a"));
  ASSERT_TRUE(setup->Commit().ok());
  constexpr int kThreads = 8, kPerThread = 50;
  std::shared_ptr<TableData> data = e->GetTableData((*t)->table_id);
  std::atomic<int> unseen{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kPerThread; ++j) {
        auto tx = Begin(*e);
        int k = i * kPerThread + j;
        ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(k, k + 1)).ok());
        // Some commits skip the sync (synchronous_commit = off) between grouped ones.
        ASSERT_TRUE(tx->Commit(/*synchronous=*/(i + j) % 5 != 0).ok());
        // A commit is visible to every snapshot taken after it returns (the group's leader
        // applied and published it before waking its committer).
        if (data->FindVisible({Value::Integer(k)}, e->txns().TakeSnapshot(0)) == kNoPosition) {
          ++unseen;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unseen.load(), 0);
  EXPECT_EQ(RowCount(*e, "a"), uint64_t{kThreads * kPerThread});
  e.reset();
  e = Open();
  EXPECT_EQ(RowCount(*e, "a"), uint64_t{kThreads * kPerThread});
}

TEST_F(StorageEngineTest, CheckpointWritesSegmentsAndTrimsTheLog) {
  StorageOptions options;
  options.background_maintenance = false;
  options.segment_rows = 1000;
  uint64_t a_id = 0;
  {
    auto e = StorageEngine::Open(dir_.string(), options);
    ASSERT_TRUE(e.ok());
    auto& eng = **e;
    auto tx = Begin(eng);
    auto a = tx->CreateTable(Schema("a"));
    a_id = (*a)->table_id;
    ASSERT_TRUE(tx->Insert(a_id, Rows(0, 2500)).ok());
    ASSERT_TRUE(tx->CreateTable(Schema("gone")).ok());
    ASSERT_TRUE(tx->Commit().ok());
    auto drop = Begin(eng);
    ASSERT_TRUE(drop->DropTable("gone").ok());
    ASSERT_TRUE(drop->Commit().ok());
    ASSERT_TRUE(eng.Checkpoint().ok());
    EXPECT_EQ(eng.GetTableData(a_id)->main_rows(), 2500u);
    EXPECT_EQ(eng.GetTableData(a_id)->delta_versions(), 0u);
    // After the checkpoint: deletes of main rows, an update, inserts, a new table.
    auto w = Begin(eng);
    Snapshot snap = w->StatementSnapshot();
    auto data = eng.GetTableData(a_id);
    for (int k : {0, 1, 2, 1500}) {
      uint64_t pos = data->FindVisible({Value::Integer(k)}, snap);
      ASSERT_EQ(w->Lock(a_id, pos, snap)->kind, LockOutcome::kLocked);
    }
    ASSERT_TRUE(w->Insert(a_id, Rows(1500, 1501)).ok());  // re-inserted: an update
    ASSERT_TRUE(w->Insert(a_id, Rows(5000, 5010)).ok());
    ASSERT_TRUE(w->CreateTable(Schema("b")).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  // Only the files the manifest names and the newest WAL remain.
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(dir_)) files.push_back(f.path().filename());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{"LOCK", "MANIFEST", "seg-0000000000000001.seg",
                                             "seg-0000000000000002.seg", "seg-0000000000000003.seg",
                                             "wal-0000000000000002.log"}));
  {
    auto e = StorageEngine::Open(dir_.string(), options);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    auto& eng = **e;
    EXPECT_EQ(RowCount(eng, "a"), 2500u - 3 + 10);
    EXPECT_NE(eng.catalog().FindTable("b"), nullptr);
    EXPECT_EQ(eng.catalog().FindTable("gone"), nullptr);
    auto data = eng.GetTableData(a_id);
    Snapshot now = eng.txns().TakeSnapshot(0);
    EXPECT_EQ(data->FindVisible({Value::Integer(1)}, now), kNoPosition);
    EXPECT_NE(data->FindVisible({Value::Integer(1500)}, now), kNoPosition);
    EXPECT_NE(data->FindVisible({Value::Integer(2499)}, now), kNoPosition);
    // A dropped table's id is not handed out again.
    auto tx = Begin(eng);
    auto c = tx->CreateTable(Schema("c"));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ((*c)->table_id, 4u);
    ASSERT_TRUE(tx->Commit().ok());
    // A second checkpoint folds the replayed changes in; everything survives again.
    ASSERT_TRUE(eng.Checkpoint().ok());
  }
  auto e = StorageEngine::Open(dir_.string(), options);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(RowCount(**e, "a"), 2507u);
  EXPECT_NE((*e)->catalog().FindTable("c"), nullptr);
}

TEST_F(StorageEngineTest, BackgroundMaintenanceMergesAndCheckpoints) {
  StorageOptions options;
  options.merge_threshold = 3000;
  options.segment_rows = 2000;
  {
    auto e = StorageEngine::Open(dir_.string(), options);
    ASSERT_TRUE(e.ok());
    auto tx = Begin(**e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Commit().ok());
    for (int i = 0; i < 10; ++i) {
      auto w = Begin(**e);
      ASSERT_TRUE(w->Insert((*t)->table_id, Rows(i * 500, i * 500 + 500)).ok());
      ASSERT_TRUE(w->Commit().ok());
    }
    auto data = (*e)->GetTableData((*t)->table_id);
    // The checkpoint merges first and writes the manifest after.
    for (int i = 0; i < 200 && (data->main_rows() < 3000 || !std::filesystem::exists(dir_ / "MANIFEST")); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_GE(data->main_rows(), 3000u);
    EXPECT_TRUE(std::filesystem::exists(dir_ / "MANIFEST"));
  }
  auto e = StorageEngine::Open(dir_.string(), options);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(RowCount(**e, "a"), 5000u);
}

TEST_F(StorageEngineTest, DamagedManifestOrSegmentRefusesToOpen) {
  StorageOptions options;
  options.background_maintenance = false;
  {
    auto e = StorageEngine::Open(dir_.string(), options);
    auto tx = Begin(**e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 100)).ok());
    ASSERT_TRUE(tx->Commit().ok());
    ASSERT_TRUE((*e)->Checkpoint().ok());
  }
  for (const char* name : {"seg-0000000000000001.seg", "MANIFEST"}) {
    std::filesystem::path path = dir_ / name;
    std::string saved;
    {
      std::ifstream f(path, std::ios::binary);
      saved.assign(std::istreambuf_iterator<char>(f), {});
    }
    {
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(saved.size() / 2));
      f.put('\x5a');
    }
    auto e = StorageEngine::Open(dir_.string(), options);
    ASSERT_FALSE(e.ok()) << name;
    EXPECT_EQ(e.status().sqlstate(), "XX001");
    EXPECT_NE(e.status().message().find(name), std::string::npos) << e.status().message();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << saved;
  }
  auto e = StorageEngine::Open(dir_.string(), options);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(RowCount(**e, "a"), 100u);
}

TEST_F(StorageEngineTest, OpenRemovesFilesOfAnUnfinishedCheckpoint) {
  StorageOptions options;
  options.background_maintenance = false;
  {
    auto e = StorageEngine::Open(dir_.string(), options);
    auto tx = Begin(**e);
    auto t = tx->CreateTable(Schema("a"));
    ASSERT_TRUE(tx->Insert((*t)->table_id, Rows(0, 10)).ok());
    ASSERT_TRUE(tx->Commit().ok());
    ASSERT_TRUE((*e)->Checkpoint().ok());
  }
  std::ofstream(dir_ / "seg-0000000000000099.seg") << "half a segment";
  std::ofstream(dir_ / "MANIFEST.tmp") << "half a manifest";
  auto e = StorageEngine::Open(dir_.string(), options);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(std::filesystem::exists(dir_ / "seg-0000000000000099.seg"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "MANIFEST.tmp"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "seg-0000000000000001.seg"));
  EXPECT_EQ(RowCount(**e, "a"), 10u);
}

TEST_F(StorageEngineTest, OldFormatDirectoryIsRefusedNotIgnored) {
  std::filesystem::create_directories(dir_);
  std::ofstream(dir_ / "wal.log") << "old records";
  auto e = StorageEngine::Open(dir_.string());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().sqlstate(), "0A000");
  EXPECT_NE(e.status().message().find("older OmenDB"), std::string::npos);
}

TEST_F(StorageEngineTest, SecondOpenOfSameDirectoryIsRefused) {
  auto e = Open();
  auto e2 = StorageEngine::Open(dir_.string());
  ASSERT_FALSE(e2.ok());
  EXPECT_EQ(e2.status().sqlstate(), "55006");
}

}  // namespace
}  // namespace omendb
