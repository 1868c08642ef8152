// Secondary indexes in the storage engine: unique checks under concurrency, index scans under
// MVCC snapshots, merges and restarts.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <thread>

#include "storage/secondary_index.h"
#include "storage/storage_engine.h"

namespace omendb {
namespace {

class SecondaryIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("omendb_index_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StorageEngine> Open() {
    StorageOptions options;
    options.background_maintenance = false;
    auto e = StorageEngine::Open(dir_.string(), options);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? std::move(e).value() : nullptr;
  }

  // t(id integer primary key, v integer).
  static TableSchema Table() {
    TableSchema s;
    s.name = "t";
    s.columns = {{"id", TypeId::kInteger, true}, {"v", TypeId::kInteger, false}};
    s.primary_key = {0};
    return s;
  }
  // The index t_v on t(v).
  static TableSchema IndexOnV(uint64_t table_id, bool unique) {
    TableSchema index;
    index.name = "t_v";
    index.columns = {Table().columns[1]};
    index.index = IndexOptions{table_id, {1}, unique, false};
    return index;
  }
  static void CreateTable(StorageEngine& e, bool unique) {
    auto tx = e.Begin(IsolationLevel::kReadCommitted);
    auto t = tx->CreateTable(Table());
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(tx->CreateTable(IndexOnV((*t)->table_id, unique)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  static DataChunk Row(int id, std::optional<int> v) {
    DataChunk c({TypeId::kInteger, TypeId::kInteger});
    c.AppendRow({Value::Integer(id), v ? Value::Integer(*v) : Value::Null(TypeId::kInteger)});
    return c;
  }
  // t without an index, holding (1, 5) and (2, 5).
  static void CreateTableWithDuplicates(StorageEngine& e) {
    auto tx = e.Begin(IsolationLevel::kReadCommitted);
    auto t = tx->CreateTable(Table());
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(tx->Insert((*t)->table_id, Row(1, 5)).ok());
    ASSERT_TRUE(tx->Insert((*t)->table_id, Row(2, 5)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  static uint64_t TableId(StorageEngine& e) { return e.catalog().FindTable("t")->table_id; }
  static uint64_t IndexId(StorageEngine& e) { return e.catalog().FindTable("t_v")->table_id; }

  // The ids of the rows whose v lies in [lo, hi], read through the index as `snapshot` sees
  // them, in index order.
  static std::vector<int> ScanIndex(StorageEngine& e, int lo, int hi, const Snapshot& snapshot) {
    ScanSpec spec;
    spec.snapshot = snapshot;
    spec.column_ids = {0};
    spec.index_id = IndexId(e);
    spec.use_key_range = true;
    spec.lower = {{Value::Integer(lo)}, true};
    spec.upper = {{Value::Integer(hi)}, true};
    auto scan = e.GetTableData(TableId(e))->Scan(spec);
    std::vector<int> ids;
    DataChunk chunk({TypeId::kInteger});
    for (;;) {
      auto more = scan->Next(&chunk);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      for (size_t r = 0; r < chunk.size(); ++r) ids.push_back(static_cast<int>(chunk.GetValue(0, r).GetInt()));
    }
    return ids;
  }
  // Updates row `id` to have v = `v` in its own transaction.
  static void Update(StorageEngine& e, int id, int v) {
    auto tx = e.Begin(IsolationLevel::kReadCommitted);
    Snapshot snap = tx->StatementSnapshot();
    uint64_t pos = e.GetTableData(TableId(e))->FindVisible({Value::Integer(id)}, snap);
    ASSERT_NE(pos, kNoPosition);
    auto lock = tx->Lock(TableId(e), pos, snap);
    ASSERT_TRUE(lock.ok());
    std::vector<uint64_t> added;
    ASSERT_TRUE(tx->Insert(TableId(e), Row(id, v), &added).ok());
    tx->SetSuccessor(TableId(e), pos, added.at(0));
    ASSERT_TRUE(tx->Commit().ok());
  }

  std::filesystem::path dir_;
};

TEST_F(SecondaryIndexTest, UniqueInsertWaitsForTheRunningInserter) {
  auto e = Open();
  CreateTable(*e, /*unique=*/true);
  for (bool commit_first : {true, false}) {
    int base = commit_first ? 0 : 100;
    auto a = e->Begin(IsolationLevel::kReadCommitted);
    ASSERT_TRUE(a->Insert(TableId(*e), Row(base + 1, base + 7)).ok());
    auto b = e->Begin(IsolationLevel::kReadCommitted);
    auto second = std::async(std::launch::async, [&] {
      return b->Insert(TableId(*e), Row(base + 2, base + 7));
    });
    // B must wait for A's outcome.
    EXPECT_EQ(second.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    if (commit_first) {
      ASSERT_TRUE(a->Commit().ok());
      Status st = second.get();
      EXPECT_EQ(st.sqlstate(), "23505") << st.ToString();
      b->Rollback();
    } else {
      a->Rollback();
      EXPECT_TRUE(second.get().ok());
      ASSERT_TRUE(b->Commit().ok());
    }
  }
  // NULLs never conflict.
  auto c = e->Begin(IsolationLevel::kReadCommitted);
  EXPECT_TRUE(c->Insert(TableId(*e), Row(50, std::nullopt)).ok());
  EXPECT_TRUE(c->Insert(TableId(*e), Row(51, std::nullopt)).ok());
  ASSERT_TRUE(c->Commit().ok());
}

TEST_F(SecondaryIndexTest, ScansSeeTheirSnapshotAcrossUpdatesMergesAndRestarts) {
  {
    auto e = Open();
    CreateTable(*e, /*unique=*/false);
    auto tx = e->Begin(IsolationLevel::kReadCommitted);
    DataChunk rows({TypeId::kInteger, TypeId::kInteger});
    for (int i = 0; i < 3000; ++i) rows.AppendRow({Value::Integer(i), Value::Integer(i % 10)});
    // Several chunks of at most kVectorSize rows.
    for (size_t from = 0; from < rows.size(); from += kVectorSize) {
      DataChunk part(rows.Types());
      for (size_t r = from; r < std::min(rows.size(), from + kVectorSize); ++r) part.AppendRowFrom(rows, r);
      ASSERT_TRUE(tx->Insert(TableId(*e), part).ok());
    }
    ASSERT_TRUE(tx->Commit().ok());
    EXPECT_EQ(ScanIndex(*e, 3, 3, e->txns().TakeSnapshot(0)).size(), 300u);

    Snapshot before = e->txns().TakeSnapshot(0);
    Update(*e, 3, 42);   // leaves value 3
    Update(*e, 13, 42);
    Update(*e, 13, 43);  // moves on again
    Snapshot after = e->txns().TakeSnapshot(0);
    // The old snapshot still finds rows 3 and 13 under 3; the new one under 42 and 43.
    EXPECT_EQ(ScanIndex(*e, 3, 3, before).size(), 300u);
    EXPECT_EQ(ScanIndex(*e, 42, 43, before).size(), 0u);
    EXPECT_EQ(ScanIndex(*e, 3, 3, after).size(), 298u);
    EXPECT_EQ(ScanIndex(*e, 42, 42, after), std::vector<int>({3}));
    EXPECT_EQ(ScanIndex(*e, 42, 43, after), std::vector<int>({3, 13}));
    // After a merge (positions change; entries name keys) and a checkpoint.
    ASSERT_TRUE(e->Checkpoint().ok());
    EXPECT_EQ(ScanIndex(*e, 3, 3, e->txns().TakeSnapshot(0)).size(), 298u);
    EXPECT_EQ(ScanIndex(*e, 42, 43, e->txns().TakeSnapshot(0)), std::vector<int>({3, 13}));
    Update(*e, 23, 44);  // in the WAL only
  }
  // Reopened: the index is rebuilt from the segments and the replayed log.
  auto e = Open();
  ASSERT_NE(e->GetTableData(TableId(*e))->FindIndex(IndexId(*e)), nullptr);
  EXPECT_EQ(ScanIndex(*e, 3, 3, e->txns().TakeSnapshot(0)).size(), 297u);
  EXPECT_EQ(ScanIndex(*e, 42, 44, e->txns().TakeSnapshot(0)), std::vector<int>({3, 13, 23}));
}

TEST_F(SecondaryIndexTest, MergesDropTheEntriesOfReclaimedVersions) {
  auto e = Open();
  CreateTable(*e, /*unique=*/false);
  {
    auto tx = e->Begin(IsolationLevel::kReadCommitted);
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(tx->Insert(TableId(*e), Row(i, i)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  // Each update of row 0 to a new value adds an entry; the old ones outlive their versions.
  for (int v = 100; v < 3100; ++v) Update(*e, 0, v);
  auto entries = [&] { return e->GetTableData(TableId(*e))->FindIndex(IndexId(*e))->entries(); };
  EXPECT_GE(entries(), 3000u);
  ASSERT_TRUE(e->Checkpoint().ok());  // merges: the versions are reclaimed, the index rebuilt
  EXPECT_LE(entries(), 20u);
  Snapshot now = e->txns().TakeSnapshot(0);
  EXPECT_EQ(ScanIndex(*e, 3099, 3099, now), std::vector<int>({0}));
  EXPECT_EQ(ScanIndex(*e, 0, 2000, now), std::vector<int>({1, 2, 3, 4, 5, 6, 7, 8, 9}));
  // New writes still reach the index that replaced the old one.
  Update(*e, 5, 7);
  EXPECT_EQ(ScanIndex(*e, 7, 7, e->txns().TakeSnapshot(0)), std::vector<int>({5, 7}));
}

// The checkpoint keeps a table's rows as of its merge watermark, which an old snapshot holds
// back: a row deleted after it is still in the segments, and the unique index made after the
// delete must load anyway (the log deletes the row again). The index's name sorts before its
// table's, as the manifest lists them.
TEST_F(SecondaryIndexTest, UniqueIndexReloadsOverRowsTheLogDeletes) {
  {
    auto e = Open();
    CreateTableWithDuplicates(*e);
    auto old_reader = e->Begin(IsolationLevel::kRepeatableRead);
    (void)old_reader->StatementSnapshot();  // holds the merge watermark back
    auto del = e->Begin(IsolationLevel::kReadCommitted);
    Snapshot snap = del->StatementSnapshot();
    uint64_t pos = e->GetTableData(TableId(*e))->FindVisible({Value::Integer(2)}, snap);
    ASSERT_TRUE(del->Lock(TableId(*e), pos, snap).ok());
    ASSERT_TRUE(del->Commit().ok());
    auto ddl = e->Begin(IsolationLevel::kReadCommitted);
    TableSchema index = IndexOnV(TableId(*e), /*unique=*/true);
    index.name = "a_first";
    ASSERT_TRUE(ddl->CreateTable(index).ok());
    ASSERT_TRUE(ddl->Commit().ok());
    ASSERT_TRUE(e->Checkpoint().ok());
    old_reader->Rollback();
  }
  auto e = Open();
  ASSERT_NE(e, nullptr);
  auto tx = e->Begin(IsolationLevel::kReadCommitted);
  Status dup = tx->Insert(TableId(*e), Row(3, 5));
  EXPECT_EQ(dup.sqlstate(), "23505") << dup.ToString();
  tx->Rollback();
}

// CREATE INDEX waits for a running DROP TABLE of its table (and fails when it commits), so no
// index outlives its table; DROP SCHEMA waits for a relation being created in it and then
// refuses to leave it without its schema.
TEST_F(SecondaryIndexTest, DdlRacesLeaveNoOrphans) {
  auto e = Open();
  {
    auto tx = e->Begin(IsolationLevel::kReadCommitted);
    ASSERT_TRUE(tx->CreateTable(Table()).ok());
    TableSchema schema;
    schema.name = "s";
    schema.schema = "s";
    schema.is_schema = true;
    ASSERT_TRUE(tx->CreateTable(schema).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  const uint64_t table_id = TableId(*e);
  auto dropper = e->Begin(IsolationLevel::kReadCommitted);
  ASSERT_TRUE(dropper->DropTable("t").ok());
  auto creator = e->Begin(IsolationLevel::kReadCommitted);
  auto created = std::async(std::launch::async, [&] {
    return creator->CreateTable(IndexOnV(table_id, false)).status();
  });
  EXPECT_EQ(created.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  ASSERT_TRUE(dropper->Commit().ok());
  EXPECT_EQ(created.get().sqlstate(), "42P01");
  creator->Rollback();
  EXPECT_EQ(e->catalog().FindTable("t_v"), nullptr);

  auto maker = e->Begin(IsolationLevel::kReadCommitted);
  TableSchema in_s = Table();
  in_s.schema = "s";
  ASSERT_TRUE(maker->CreateTable(in_s).ok());
  auto schema_dropper = e->Begin(IsolationLevel::kReadCommitted);
  auto dropped = std::async(std::launch::async, [&] {
    return schema_dropper->DropTable(SchemaKey("s"));
  });
  EXPECT_EQ(dropped.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  ASSERT_TRUE(maker->Commit().ok());
  EXPECT_EQ(dropped.get().sqlstate(), "2BP01");
  schema_dropper->Rollback();
  EXPECT_NE(e->catalog().FindTable(SchemaKey("s")), nullptr);
}

// An uncommitted CREATE UNIQUE INDEX holds other writers until it ends (a rollback leaves
// them free of it); so does an uncommitted DROP INDEX, whose transaction is no longer held to
// the index.
TEST_F(SecondaryIndexTest, IndexDdlInProgressDecidesForWriters) {
  auto e = Open();
  {
    auto tx = e->Begin(IsolationLevel::kReadCommitted);
    auto t = tx->CreateTable(Table());
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(tx->Insert((*t)->table_id, Row(1, 5)).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto creator = e->Begin(IsolationLevel::kReadCommitted);
  ASSERT_TRUE(creator->CreateTable(IndexOnV(TableId(*e), /*unique=*/true)).ok());
  auto writer = e->Begin(IsolationLevel::kReadCommitted);
  auto inserted = std::async(std::launch::async, [&] {
    return writer->Insert(TableId(*e), Row(2, 5));
  });
  EXPECT_EQ(inserted.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  creator->Rollback();
  EXPECT_TRUE(inserted.get().ok());  // the index never existed
  ASSERT_TRUE(writer->Commit().ok());

  Update(*e, 2, 7);  // (1, 5), (2, 7)
  {
    auto ddl = e->Begin(IsolationLevel::kReadCommitted);
    ASSERT_TRUE(ddl->CreateTable(IndexOnV(TableId(*e), /*unique=*/true)).ok());
    ASSERT_TRUE(ddl->Commit().ok());
  }
  auto dropper = e->Begin(IsolationLevel::kReadCommitted);
  ASSERT_TRUE(dropper->DropTable("t_v").ok());
  EXPECT_TRUE(dropper->Insert(TableId(*e), Row(3, 5)).ok());
  // Another writer waits for the drop's outcome; once it commits, the index holds no one.
  auto other = e->Begin(IsolationLevel::kReadCommitted);
  auto later = std::async(std::launch::async, [&] {
    return other->Insert(TableId(*e), Row(4, 7));
  });
  EXPECT_EQ(later.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  ASSERT_TRUE(dropper->Commit().ok());
  EXPECT_TRUE(later.get().ok());
  ASSERT_TRUE(other->Commit().ok());
}

TEST_F(SecondaryIndexTest, CreateUniqueIndexOverDuplicatesChangesNothing) {
  auto e = Open();
  CreateTableWithDuplicates(*e);
  const uint64_t table_id = TableId(*e);
  auto tx2 = e->Begin(IsolationLevel::kReadCommitted);
  auto created = tx2->CreateTable(IndexOnV(table_id, /*unique=*/true));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().sqlstate(), "23505");
  EXPECT_EQ(e->catalog().FindTable("t_v", tx2->id()), nullptr);
  ASSERT_TRUE(tx2->Insert(table_id, Row(3, 5)).ok());  // no index enforces anything
  ASSERT_TRUE(tx2->Commit().ok());
}

}  // namespace
}  // namespace omendb
